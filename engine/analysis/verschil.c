/*
 * verschil.c - verschillenanalyse: price, volume and other
 * (see jzsim/verschil.h and docs/model.md "Verschillenanalyse").
 *
 * Reads the borrowed results through the comparison's index maps; keeps
 * nothing.  Reporters print what these functions return.
 */
#include <math.h>
#include <stddef.h>

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
    if (z < JZ_VERSCHIL_ALL || z >= c->n_zorgsoorten || !get_side(c, u, sa, ya, &a) ||
        !get_side(c, u, sb, yb, &b))
        return 0;
    double ca, va, pa, cb, vb, pb;
    if (z != JZ_VERSCHIL_ALL) {
        zs_figures(c, &a, z, sa, &ca, &va, &pa);
        zs_figures(c, &b, z, sb, &cb, &vb, &pb);
        split_zs(ca, va, pa, cb, vb, pb, out);
        return 1;
    }
    double price = 0.0, volume = 0.0;
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
