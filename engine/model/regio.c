/*
 * regio.c - the regional pass of a run: what the gemeenten of a region
 * settle between them after each has its own money (docs/model.md
 * section 14), and the figures that compare gemeenten (per youth).
 *
 * Verevening (solidarity, jzsim/regio.h): the own use U of the pooled
 * zorgsoorten is what each gemeente's care cost; the region pays the part
 * above each one's drempel together, each by its share of the key.  The
 * difference with its own use moves into its cost and tekort as a line of
 * its own (g_verevening), so the zorgsoort figures stay the gemeente's own
 * care, and the differences sum to zero: nothing is created or lost.
 *
 * It runs inside jz_model_run, after every gemeente and before the region's
 * ratios, so every analysis that runs the model sees it.  It reads only the
 * result and the scenario, writes only the result, allocates nothing.
 */
#include <math.h>

#include "jzsim/regio.h"
#include "model/internal.h"

static double ratio(double num, double den) { return den != 0.0 ? num / den : 0.0; }

void jz_regio_gemeente(const jz_scenario *s, jz_result *r, int g, int slot)
{
    for (int y = 0; y < r->horizon; y++) {
        size_t i = jz_result_gy(r, slot, y);
        r->g_youth[i] = s->gemeenten[g].population[JZ_POP_YOUTH][y];
        r->g_verevening_eigen[i] = 0.0;
        r->g_verevening_sleutel[i] = 0.0;
        r->g_verevening_aandeel[i] = 0.0;
        r->g_verevening[i] = 0.0;
    }
}

/* The use of gemeente g that key gebruik shares by: given, or the average
 * own use (already in g_verevening_eigen) over the years named. */
static double use_of(const jz_verevening *v, const jz_result *r, int g)
{
    if (v->use_is_given)
        return v->use_given[g];
    double sum = 0.0;
    for (int k = 0; k < v->n_use_years; k++)
        sum += r->g_verevening_eigen[jz_result_gy(r, g, v->use_years[k])];
    return sum / v->n_use_years;
}

/* What gemeente g pays of its own use before sharing, in year y. */
static double own_part(const jz_verevening *v, const jz_result *r, int g, int y, double use)
{
    double t = v->drempel == JZ_DREMPEL_BEDRAG        ? v->drempel_value[y]
               : v->drempel == JZ_DREMPEL_PER_JEUGDIGE ? v->drempel_value[y] * r->g_youth[jz_result_gy(r, g, y)]
                                                       : 0.0;
    return use < t ? use : t;
}

/* Add d to every money line of slot i that the verevening changes. */
static void book(jz_result *r, size_t i, double d)
{
    r->g_verevening[i] += d;
    r->g_cost[i] += d;
    r->g_tekort[i] += d;
    r->g_tekort_rijk[i] += d;
    r->g_niet_beinvloedbaar[i] += d;
    /* the besparing of measures is measured with the same verevening */
    r->g_cost_without_measures[i] += d;
}

int jz_regio_verevening(const jz_scenario *s, jz_result *r, jz_error *err)
{
    if (!s->regio || !s->regio->has_verevening)
        return JZ_OK;
    const jz_verevening *v = &s->regio->verevening;
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    /* own use, every gemeente and year (the key gebruik may need later years) */
    for (int g = 0; g < G; g++)
        for (int y = 0; y < H; y++) {
            double u = 0.0;
            for (int z = 0; z < Z; z++)
                if (v->pooled[z])
                    u += r->cost[jz_result_cz(r, g, z, y)];
            r->g_verevening_eigen[jz_result_gy(r, g, y)] = u;
        }
    double use_total = 0.0;
    if (v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0) {
        for (int g = 0; g < G; g++)
            use_total += use_of(v, r, g);
        if (!(use_total > 0.0))
            return jz_error_set(err, JZ_EINPUT, s->meta.path, 0, 0,
                                "regio.verevening: the sleutel gebruik has nothing to share by: the pooled "
                                "zorgsoorten cost nothing in the years of gebruik.jaren");
    }
    for (int y = 0; y < H; y++) {
        double youth_total = 0.0, key_total = 0.0, pool = 0.0;
        for (int g = 0; g < G; g++)
            youth_total += r->g_youth[jz_result_gy(r, g, y)];
        for (int g = 0; g < G; g++) {
            size_t i = jz_result_gy(r, g, y);
            double k = v->tabel[g] * v->weight[JZ_SLEUTEL_TABEL];
            if (v->weight[JZ_SLEUTEL_JEUGD] > 0.0)
                k += v->weight[JZ_SLEUTEL_JEUGD] * ratio(r->g_youth[i], youth_total);
            if (v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0)
                k += v->weight[JZ_SLEUTEL_GEBRUIK] * use_of(v, r, g) / use_total;
            r->g_verevening_sleutel[i] = k;
            key_total += k;
            pool += r->g_verevening_eigen[i] - own_part(v, r, g, y, r->g_verevening_eigen[i]);
        }
        if (!(key_total > 0.0)) /* the loader makes every key positive somewhere */
            return jz_error_set(err, JZ_EINPUT, s->meta.path, 0, 0,
                                "regio.verevening: the sleutel gives no gemeente a share in %d",
                                s->meta.base_year + y);
        size_t t = jz_result_gy(r, G, y);
        for (int g = 0; g < G; g++) {
            size_t i = jz_result_gy(r, g, y);
            /* the shares are divided by their sum (1 within 1e-6, the
             * loader's tolerance), so that they share exactly the pool */
            double k = r->g_verevening_sleutel[i] / key_total, u = r->g_verevening_eigen[i];
            double pays = own_part(v, r, g, y, u) + k * pool;
            r->g_verevening_sleutel[i] = k;
            r->g_verevening_aandeel[i] = pays;
            book(r, i, pays - u);
            /* the region slot: the sum over the gemeenten, in their order */
            r->g_verevening_eigen[t] += u;
            r->g_verevening_sleutel[t] += k;
            r->g_verevening_aandeel[t] += pays;
            book(r, t, pays - u);
        }
    }
    return JZ_OK;
}

void jz_regio_ratios(jz_result *r)
{
    for (int g = 0; g <= r->n_gemeenten; g++)
        for (int y = 0; y < r->horizon; y++) {
            size_t i = jz_result_gy(r, g, y);
            r->g_cost_per_youth[i] = ratio(r->g_cost[i], r->g_youth[i]);
            r->g_clients_per_youth[i] = ratio(r->g_unique[i], r->g_youth[i]);
            r->g_tekort_per_youth[i] = ratio(r->g_tekort[i], r->g_youth[i]);
            r->g_beinvloedbaar_share[i] = ratio(r->g_beinvloedbaar[i], r->g_tekort[i]);
        }
}
