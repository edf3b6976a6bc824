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
 * Contracts (lumpsum financing, jzsim/regio.h): for a group of zorgsoorten
 * the region pays the providers a lumpsum per year instead of price x
 * volume; each gemeente pays its share of it by the contract's key.  The
 * difference with what the care cost at price x volume is a line of its
 * own (g_contract), like the verevening's; the shares sum to the lumpsum.
 * No zorgsoort is in a contract and the verevening (the loader checks).
 *
 * It runs inside jz_model_run, after every gemeente and before the region's
 * ratios, so every analysis that runs the model sees it.  It reads only the
 * result and the scenario, writes only the result, allocates nothing.
 */
#include <math.h>
#include <stdio.h>

#include "jzsim/regio.h"
#include "model/internal.h"

static double ratio(double num, double den) { return den != 0.0 ? num / den : 0.0; }

void jz_regio_gemeente(const jz_scenario *s, jz_result *r, int g, int slot)
{
    for (int y = 0; y < r->horizon; y++) {
        size_t i = jz_result_gy(r, slot, y);
        r->g_youth[i] = s->gemeenten[g].population[JZ_POP_YOUTH][y];
        /* NaN, not 0: a missing figure must read "n.b.", never a tekort of 0 per inhabitant */
        r->g_inhabitants[i] = s->gemeenten[g].has_inhabitants ? s->gemeenten[g].inhabitants[y] : NAN;
        r->g_verevening_eigen[i] = 0.0;
        r->g_verevening_sleutel[i] = 0.0;
        r->g_verevening_aandeel[i] = 0.0;
        r->g_verevening[i] = 0.0;
        r->g_contract_eigen[i] = 0.0;
        r->g_contract_aandeel[i] = 0.0;
        r->g_contract[i] = 0.0;
    }
}

/* The cost of the zorgsoorten in set P of gemeente g in year y (price x
 * volume, as the model computed it), in zorgsoort order. */
static double set_cost(const unsigned char *P, const jz_result *r, int g, int y)
{
    double u = 0.0;
    for (int z = 0; z < r->n_zorgsoorten; z++)
        if (P[z])
            u += r->cost[jz_result_cz(r, g, z, y)];
    return u;
}

/* The use of gemeente g that key gebruik shares by: given, or the average
 * own cost of the set (pooled or contracted zorgsoorten) over the years
 * named. */
static double use_of(const jz_verevening *v, const jz_result *r, int g)
{
    if (v->use_is_given)
        return v->use_given[g];
    double sum = 0.0;
    for (int k = 0; k < v->n_use_years; k++)
        sum += set_cost(v->pooled, r, g, v->use_years[k]);
    return sum / v->n_use_years;
}

/* The unnormalised share k' of gemeente g by key v from its youth and use
 * and their totals: the one formula of every key (verevening, contract, a
 * measure's regional investment). */
static double key_part(const jz_verevening *v, int g, double youth, double youth_total, double use,
                       double use_total)
{
    double k = v->tabel[g] * v->weight[JZ_SLEUTEL_TABEL];
    if (v->weight[JZ_SLEUTEL_JEUGD] > 0.0)
        k += v->weight[JZ_SLEUTEL_JEUGD] * ratio(youth, youth_total);
    if (v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0)
        k += v->weight[JZ_SLEUTEL_GEBRUIK] * use / use_total;
    return k;
}

/* k' of gemeente g in year y by key v (the verevening's or a contract's);
 * use_total is Σ use_of when the key uses gebruik. */
static double key_share(const jz_verevening *v, const jz_result *r, int g, int y, double youth_total,
                        double use_total)
{
    double use = v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0 ? use_of(v, r, g) : 0.0;
    return key_part(v, g, r->g_youth[jz_result_gy(r, g, y)], youth_total, use, use_total);
}

double jz_regio_key_total_inputs(const jz_scenario *s, const jz_verevening *v, const unsigned char *among,
                                 int y)
{
    double youth_total = 0.0, use_total = 0.0, key_total = 0.0;
    for (int h = 0; h < s->n_gemeenten; h++)
        if (among[h]) {
            youth_total += s->gemeenten[h].population[JZ_POP_YOUTH][y];
            use_total += v->use_given[h];
        }
    for (int h = 0; h < s->n_gemeenten; h++)
        if (among[h])
            key_total += key_part(v, h, s->gemeenten[h].population[JZ_POP_YOUTH][y], youth_total,
                                  v->use_given[h], use_total);
    return key_total;
}

double jz_regio_key_share_inputs(const jz_scenario *s, const jz_verevening *v, const unsigned char *among,
                                 int g, int y)
{
    double youth_total = 0.0, use_total = 0.0;
    for (int h = 0; h < s->n_gemeenten; h++)
        if (among[h]) {
            youth_total += s->gemeenten[h].population[JZ_POP_YOUTH][y];
            use_total += v->use_given[h];
        }
    double k = key_part(v, g, s->gemeenten[g].population[JZ_POP_YOUTH][y], youth_total, v->use_given[g],
                        use_total);
    return k / jz_regio_key_total_inputs(s, v, among, y);
}

/* Σ_g use_of, or an error when the key gebruik has nothing to share by. */
static int use_total_of(const jz_scenario *s, const jz_verevening *v, const jz_result *r, const char *what,
                        const char *set_word, double *out, jz_error *err)
{
    double t = 0.0;
    *out = 0.0;
    if (!(v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0))
        return JZ_OK;
    for (int g = 0; g < r->n_gemeenten; g++)
        t += use_of(v, r, g);
    if (!(t > 0.0))
        return jz_error_set(err, JZ_EINPUT, s->meta.path, 0, 0,
                            "%s: the sleutel gebruik has nothing to share by: the %s zorgsoorten cost nothing "
                            "in the years of gebruik.jaren", what, set_word);
    *out = t;
    return JZ_OK;
}

static double youth_total_of(const jz_result *r, int y)
{
    double t = 0.0;
    for (int g = 0; g < r->n_gemeenten; g++)
        t += r->g_youth[jz_result_gy(r, g, y)];
    return t;
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
    int G = r->n_gemeenten, H = r->horizon;
    /* own use, every gemeente and year */
    for (int g = 0; g < G; g++)
        for (int y = 0; y < H; y++)
            r->g_verevening_eigen[jz_result_gy(r, g, y)] = set_cost(v->pooled, r, g, y);
    double use_total;
    int rc = use_total_of(s, v, r, "regio.verevening", "pooled", &use_total, err);
    if (rc)
        return rc;
    for (int y = 0; y < H; y++) {
        double youth_total = youth_total_of(r, y), key_total = 0.0, pool = 0.0;
        for (int g = 0; g < G; g++) {
            size_t i = jz_result_gy(r, g, y);
            double k = key_share(v, r, g, y, youth_total, use_total);
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

/* Add d to every money line of slot i that a contract changes (as book()). */
static void book_contract(jz_result *r, size_t i, double d)
{
    r->g_contract[i] += d;
    r->g_cost[i] += d;
    r->g_tekort[i] += d;
    r->g_tekort_rijk[i] += d;
    r->g_niet_beinvloedbaar[i] += d;
    r->g_cost_without_measures[i] += d;
}

int jz_regio_contracts(const jz_scenario *s, jz_result *r, jz_error *err)
{
    if (!s->regio)
        return JZ_OK;
    int G = r->n_gemeenten, H = r->horizon, rc;
    for (int c = 0; c < s->regio->n_contracts; c++) {
        const jz_contract *ct = &s->regio->contracts[c];
        const jz_verevening *v = &ct->key;
        char what[96];
        snprintf(what, sizeof what, "regio.contracten[%d]%s%s", c, ct->name[0] ? " " : "", ct->name);
        double use_total;
        if ((rc = use_total_of(s, v, r, what, "contracted", &use_total, err)))
            return rc;
        for (int y = 0; y < H; y++) {
            if (!ct->has_lumpsum[y])
                continue;
            double youth_total = youth_total_of(r, y), key_total = 0.0;
            for (int g = 0; g < G; g++)
                key_total += key_share(v, r, g, y, youth_total, use_total);
            if (!(key_total > 0.0))
                return jz_error_set(err, JZ_EINPUT, s->meta.path, 0, 0,
                                    "%s: the sleutel gives no gemeente a share in %d", what, s->meta.base_year + y);
            size_t t = jz_result_gy(r, G, y);
            for (int g = 0; g < G; g++) {
                size_t i = jz_result_gy(r, g, y);
                /* divided by the sum (1 within 1e-6), so the shares pay
                 * exactly the lumpsum */
                double k = key_share(v, r, g, y, youth_total, use_total) / key_total;
                double e = set_cost(v->pooled, r, g, y), a = k * ct->lumpsum[y];
                r->g_contract_eigen[i] += e;
                r->g_contract_aandeel[i] += a;
                book_contract(r, i, a - e);
                r->g_contract_eigen[t] += e;
                r->g_contract_aandeel[t] += a;
                book_contract(r, t, a - e);
            }
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
            /* the region's inhabitants are the sum (jz_total_add), NaN when a gemeente has none */
            r->g_tekort_per_inhabitant[i] =
                r->g_inhabitants[i] > 0.0 ? r->g_tekort[i] / r->g_inhabitants[i] : NAN;
        }
}
