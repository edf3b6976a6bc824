/*
 * verschil.c - verschillenanalyse: price, volume and other
 * (see jzsim/verschil.h and docs/model.md "Verschillenanalyse").
 *
 * Reads the borrowed results through the comparison's index maps.
 * jz_verschil_fill keeps both kinds in the comparison when it is built;
 * reporters print what jz_cmp_verschil returns.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "jzsim/verschil.h"

/* One side of a difference: scenario s, year index y of the comparison. */
typedef struct side {
    const jz_result *r;
    int g, yi; /* gemeente in the result, year in the result */
} side;

static int get_side(const jz_comparison *c, int u, int s, int y, side *out)
{
    if (u < 0 || u >= c->n_units || s < 0 || s >= c->n_scenarios || y < 0 || y >= c->n_years)
        return 0;
    out->r = c->scen[s].result;
    out->g = c->units[u].g[s];
    out->yi = jz_cmp_year(c, y) - out->r->base_year;
    return out->g >= 0 && out->yi >= 0 && out->yi < out->r->horizon;
}

/* cost, client-years and price of comparison zorgsoort z on one side;
 * all 0 when the scenario lacks the zorgsoort */
static void zs_figures(const jz_comparison *c, const side *sd, int z, int s,
                       double *cost, double *v, double *p)
{
    int zi = c->zs[z].z[s];
    *cost = *v = *p = 0.0;
    if (zi < 0)
        return;
    size_t i = jz_result_cz(sd->r, sd->g, zi, sd->yi);
    *cost = sd->r->cost[i];
    *v = sd->r->client_years[i];
    *p = sd->r->price[i];
}

static void split_zs(double ca, double va, double pa, double cb, double vb, double pb,
                     jz_verschil *out)
{
    if (va == 0.0)
        pa = pb;
    if (vb == 0.0)
        pb = pa;
    out->cost_a = ca;
    out->cost_b = cb;
    out->diff = cb - ca;
    out->volume = (vb - va) * (pa + pb) / 2.0;
    out->price = (pb - pa) * (va + vb) / 2.0;
    out->other = out->diff - out->volume - out->price;
}

static void absent(jz_verschil *out)
{
    out->cost_a = out->cost_b = out->diff = NAN;
    out->price = out->volume = out->other = NAN;
}

static int between(const jz_comparison *c, int u, int z, int sa, int ya, int sb, int yb,
                   jz_verschil *out)
{
    side a, b;
    absent(out);
    if (z < JZ_VERSCHIL_LINES || z >= c->n_zorgsoorten || !get_side(c, u, sa, ya, &a) ||
        !get_side(c, u, sb, yb, &b))
        return 0;
    double ca, va, pa, cb, vb, pb;
    if (z >= 0) {
        zs_figures(c, &a, z, sa, &ca, &va, &pa);
        zs_figures(c, &b, z, sb, &cb, &vb, &pb);
        split_zs(ca, va, pa, cb, vb, pb, out);
        return 1;
    }
    double price = 0.0, volume = 0.0;
    if (z == JZ_VERSCHIL_LINES) {
        /* what the gemeente cost holds beyond its zorgsoorten, from its
         * parts (no price or volume): the same lines in two scenarios
         * differ by exactly 0 */
        out->cost_a = jz_result_cost_beyond_care(a.r, jz_result_gy(a.r, a.g, a.yi));
        out->cost_b = jz_result_cost_beyond_care(b.r, jz_result_gy(b.r, b.g, b.yi));
    } else { /* the total: the zorgsoorten' price and volume effects summed */
        for (int k = 0; k < c->n_zorgsoorten; k++) {
            jz_verschil one;
            zs_figures(c, &a, k, sa, &ca, &va, &pa);
            zs_figures(c, &b, k, sb, &cb, &vb, &pb);
            split_zs(ca, va, pa, cb, vb, pb, &one);
            price += one.price;
            volume += one.volume;
        }
        out->cost_a = jz_cmp_value(c, JZ_CMP_COST, u, 0, sa, ya);
        out->cost_b = jz_cmp_value(c, JZ_CMP_COST, u, 0, sb, yb);
    }
    out->diff = out->cost_b - out->cost_a;
    out->price = price;
    out->volume = volume;
    out->other = out->diff - price - volume;
    if (isnan(out->diff)) {
        absent(out);
        return 0;
    }
    return 1;
}

int jz_verschil_compare(const jz_comparison *c, int u, int z, int s, int y, jz_verschil *out)
{
    return between(c, u, z, 0, y, s, y, out);
}

int jz_verschil_yoy(const jz_comparison *c, int u, int z, int s, int y, jz_verschil *out)
{
    return between(c, u, z, s, y - 1, s, y, out);
}

/* Slots per (kind, unit, scenario, year): the zorgsoorten, the lines in no
 * zorgsoort, all. */
static size_t slot(const jz_comparison *c, int kind, int u, int z, int s, int y)
{
    size_t K = (size_t)c->n_zorgsoorten + 2;
    size_t k = z >= 0 ? (size_t)z : z == JZ_VERSCHIL_LINES ? K - 2 : K - 1;
    return ((((size_t)kind * (size_t)c->n_units + (size_t)u) * (size_t)c->n_scenarios + (size_t)s) *
                (size_t)c->n_years + (size_t)y) * K + k;
}

int jz_verschil_fill(jz_comparison *c)
{
    size_t n = slot(c, JZ_VERSCHIL_N_KINDS, 0, 0, 0, 0);
    free(c->verschil);
    if (!(c->verschil = malloc(n * sizeof *c->verschil)))
        return JZ_ENOMEM;
    for (int kind = 0; kind < JZ_VERSCHIL_N_KINDS; kind++)
        for (int u = 0; u < c->n_units; u++)
            for (int s = 0; s < c->n_scenarios; s++)
                for (int y = 0; y < c->n_years; y++)
                    for (int z = JZ_VERSCHIL_LINES; z < c->n_zorgsoorten; z++) {
                        jz_verschil *v = &c->verschil[slot(c, kind, u, z, s, y)];
                        if (kind == JZ_VERSCHIL_YEAR)
                            jz_verschil_yoy(c, u, z, s, y, v);
                        else if (s > 0) /* the reference against itself: absent */
                            jz_verschil_compare(c, u, z, s, y, v);
                        else
                            absent(v);
                    }
    return JZ_OK;
}

int jz_cmp_verschil(const jz_comparison *c, int kind, int u, int z, int s, int y, jz_verschil *out)
{
    absent(out);
    if (!c->verschil || kind < 0 || kind >= JZ_VERSCHIL_N_KINDS || u < 0 || u >= c->n_units ||
        z < JZ_VERSCHIL_LINES || z >= c->n_zorgsoorten || s < 0 || s >= c->n_scenarios || y < 0 ||
        y >= c->n_years)
        return 0;
    *out = c->verschil[slot(c, kind, u, z, s, y)];
    return !isnan(out->diff);
}
