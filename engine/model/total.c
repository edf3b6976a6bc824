/*
 * total.c - the region slot g = G of a result: the sum over all gemeenten
 * of every additive quantity; ratios recomputed from the summed numerators
 * and denominators (a sum of prices means nothing).
 *
 * Gemeenten are added in index order right after each is computed (its
 * numbers are still in cache), which also makes the totals deterministic.
 * With JZ_TOTALS_FIGURES (a Monte Carlo draw) only the gemeente-year arrays
 * and the zorgsoort cost are summed, in the same order, so those are the
 * same bits as in a full run.
 */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "model/internal.h"
#include "model/simd.h"

/* The additive arrays (kind JZ_RESULT_SUM in the lists of jzsim/model.h);
 * the ratios are recomputed in jz_total_finish. */
#define COUNT_(field, kind) +(kind == JZ_RESULT_SUM)
enum { CZ_ADD = 0 JZ_RESULT_CZ_FIELDS(COUNT_), GY_ADD = 0 JZ_RESULT_GY_FIELDS(COUNT_) };
#undef COUNT_

#define LIST_(field, kind) (kind == JZ_RESULT_SUM ? r->field : NULL),
static void cz_additive(jz_result *r, double *a[CZ_ADD])
{
    double *all[] = {JZ_RESULT_CZ_FIELDS(LIST_)};
    int n = 0;
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        if (all[k])
            a[n++] = all[k];
    assert(n == CZ_ADD);
}

static void gy_additive(jz_result *r, double *a[GY_ADD])
{
    double *all[] = {JZ_RESULT_GY_FIELDS(LIST_)};
    int n = 0;
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
        if (all[k])
            a[n++] = all[k];
    assert(n == GY_ADD);
}
#undef LIST_

void jz_total_clear(jz_result *r, int totals)
{
    size_t G = (size_t)r->n_gemeenten, Z = (size_t)r->n_zorgsoorten, H = (size_t)r->horizon;
    double *cz[CZ_ADD], *gy[GY_ADD];
    cz_additive(r, cz);
    gy_additive(r, gy);
    if (totals == JZ_TOTALS_FIGURES) {
        memset(r->cost + G * Z * H, 0, Z * H * sizeof(double));
    } else {
        for (int k = 0; k < CZ_ADD; k++)
            memset(cz[k] + G * Z * H, 0, Z * H * sizeof(double));
        memset(r->uit_to + G * Z * H * Z, 0, Z * H * Z * sizeof(double));
    }
    for (int k = 0; k < GY_ADD; k++)
        memset(gy[k] + G * H, 0, H * sizeof(double));
}

/* Element by element, so the vector width changes no bit: compiled for
 * AVX2 too (simd.h), four additions per instruction where the machine
 * has it; a national run adds some 7,900 numbers per gemeente here. */
JZ_LANES_CLONES
static void add_into(double *restrict tot, const double *restrict a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tot[i] += a[i];
}

void jz_total_add(jz_result *r, int g, int totals)
{
    size_t G = (size_t)r->n_gemeenten, Z = (size_t)r->n_zorgsoorten, H = (size_t)r->horizon;
    size_t gg = (size_t)g;
    double *cz[CZ_ADD], *gy[GY_ADD];
    cz_additive(r, cz);
    gy_additive(r, gy);
    if (totals == JZ_TOTALS_FIGURES) {
        add_into(r->cost + G * Z * H, r->cost + gg * Z * H, Z * H);
    } else {
        for (int k = 0; k < CZ_ADD; k++)
            add_into(cz[k] + G * Z * H, cz[k] + gg * Z * H, Z * H);
        add_into(r->uit_to + G * Z * H * Z, r->uit_to + gg * Z * H * Z, Z * H * Z);
    }
    for (int k = 0; k < GY_ADD; k++)
        add_into(gy[k] + G * H, gy[k] + gg * H, H);
}

static double ratio(double num, double den) { return den != 0.0 ? num / den : 0.0; }

void jz_total_finish(jz_result *r, int totals)
{
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    for (int z = 0; totals != JZ_TOTALS_FIGURES && z < Z; z++) {
        for (int y = 0; y < H; y++) {
            size_t t = jz_result_cz(r, G, z, y);
            if (G == 1) {
                /* the region is the gemeente: keep its ratios exactly
                 * (cost / client_years need not round back to price) */
                size_t i = jz_result_cz(r, 0, z, y);
                r->price[t] = r->price[i];
                r->budget_price[t] = r->budget_price[i];
                r->cost_per_client[t] = r->cost_per_client[i];
                continue;
            }
            r->price[t] = ratio(r->care_cost[t], r->client_years[t]);
            /* the budgeted price weighted by budgeted volume, over the
             * gemeenten that budget this zorgsoort as volume x price (an
             * {amount} budget has no volume and no price) */
            double num = 0.0;
            for (int g = 0; g < G; g++) {
                size_t i = jz_result_cz(r, g, z, y);
                num += r->budget_volume[i] * r->budget_price[i];
            }
            r->budget_price[t] = ratio(num, r->budget_volume[t]);
            r->cost_per_client[t] = ratio(r->cost[t], r->unique[t]);
        }
    }
    for (int y = 0; y < H; y++) {
        size_t t = jz_result_gy(r, G, y);
        r->g_cost_per_client[t] = ratio(r->g_care_cost[t], r->g_unique[t]);
    }
}
