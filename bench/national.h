/*
 * national.h - the synthetic national scenario of the benchmarks (bench_model,
 * bench_mc): G gemeenten x Z zorgsoorten x H years (default 342 x 12 x 15),
 * monthly steps, stages z % KMAX + 1, transitions, re-entry with delays of
 * 3..24 months, ageing with transfer to verlengde jeugdzorg (the last two
 * zorgsoorten), per-1,000 and absolute instroom, budgets, two fixed cost
 * lines and a rijksbijdrage per gemeente.  Every number is a deterministic
 * function of the indices (no RNG).  Included by one bench program each
 * (static functions and sizes).
 */
#ifndef JZ_BENCH_NATIONAL_H
#define JZ_BENCH_NATIONAL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/uncertainty.h"
#include "scenario/build.h"

static int G = 342, Z = 12, H = 15, KMAX = 4;

/* A deterministic spread in [0, 1) from two indices. */
static inline double spread(int a, int b)
{
    unsigned h = (unsigned)a * 2654435761u ^ (unsigned)b * 40503u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return (double)(h % 10000u) / 10000.0;
}

static inline jz_scenario *national(void)
{
    const int Y = Z - 2; /* zorgsoorten 0..Y-1 are youth care, Y and Y+1 verlengde */
    jz_scenario *s = jz_scenario_new(G, Z, H, 2024);
    if (!s)
        return NULL;
    for (int z = 0; z < Z; z++) {
        s->zorgsoorten[z].stages = z % KMAX + 1;
        /* the last two are verlengde jeugdzorg (18-22) */
        s->zorgsoorten[z].population = z >= Y ? JZ_POP_YOUNG_ADULT : JZ_POP_YOUTH;
    }
    for (int y = 0; y < H; y++)
        s->budget_index[y] = 0.025;
    for (int g = 0; g < G; g++) {
        jz_gemeente *gm = &s->gemeenten[g];
        double youth = 2500.0 + 60000.0 * spread(g, 1) * spread(g, 2);
        for (int y = 0; y < H; y++) {
            gm->population[JZ_POP_YOUTH][y] = youth * (1.0 - 0.003 * y);
            gm->population[JZ_POP_YOUNG_ADULT][y] = 0.3 * youth * (1.0 + 0.002 * y);
            gm->rijksbijdrage[y] = youth * 1100.0 * (1.0 + 0.02 * y);
        }
        gm->has_rijksbijdrage = 1;
        for (int f = 0; f < 2; f++) {
            jz_fixed_cost *fc = jz_scenario_add_fixed(s, g, f ? "projecten" : "toegang");
            if (!fc) {
                jz_scenario_free(s);
                return NULL;
            }
            for (int y = 0; y < H; y++) {
                fc->amount[y] = youth * (f ? 20.0 : 60.0);
                fc->indexation[y] = 0.03;
                fc->budget[y] = fc->amount[y];
            }
            fc->has_budget = f;
        }
        for (int z = 0; z < Z; z++) {
            jz_cell *c = &s->cells[g * Z + z];
            double pop = z >= Y ? 0.3 * youth : youth;
            double per1000 = 2.0 + 10.0 * spread(g, 100 + z);
            c->start = pop / 1000.0 * per1000 * (0.4 + 0.1 * (z % 4));
            c->instroom_per_1000 = z % 2 == 0;
            c->has_budget = z % 3 != 2;
            c->reentry_delay = 3 + (g + z) % 22;
            c->reentry_to = z % 2 ? z - 1 : z;
            c->ageing_to = z < Y ? Y + z % 2 : -1;
            for (int y = 0; y < H; y++) {
                c->instroom[y] = c->instroom_per_1000 ? per1000 : pop / 1000.0 * per1000;
                c->instroom_trend[y] = 0.01 - 0.002 * (z % 5);
                c->zorgduur[y] = 4.0 + 2.0 * z + 3.0 * spread(g, 200 + z) + 0.1 * y;
                c->cost[y] = 6000.0 + 7000.0 * z;
                c->intensity_trend[y] = 0.01;
                c->tariff_index[y] = 0.03;
                c->budget_volume[y] = c->start * c->zorgduur[y] / 12.0;
                c->budget_price[y] = 0.96 * c->cost[y];
                c->reentry[y] = 0.03 + 0.01 * (z % 4);
                c->ageing_rate[y] = z >= Y ? 0.2 : 0.02 + 0.01 * (z % 5);
                c->ageing_transfer[y] = z >= Y ? 0.0 : 0.3;
                double *tr = c->transition + (size_t)y * (size_t)Z;
                if (z < Y) {
                    tr[(z + 1) % Y] += 0.04;
                    tr[(z + 3) % Y] += 0.02;
                }
            }
        }
    }
    return s;
}

enum { F_ZORGDUUR, F_INSTROOM, F_COST, F_BUDGET_INDEX };

/* The H elements of `field` of cell (g, z) (F_BUDGET_INDEX: the scenario's). */
static inline double *field_of(jz_scenario *s, int field, int g, int z)
{
    jz_cell *c = &s->cells[g * Z + z];
    switch (field) {
    case F_ZORGDUUR: return c->zorgduur;
    case F_INSTROOM: return c->instroom;
    case F_COST: return c->cost;
    default: return s->budget_index;
    }
}

/* One uncertain input drawn uniformly in [low, high] with point value
 * `point`, reaching `field` of every gemeente's cell of zorgsoort z (or the
 * budget index) by `op`.  0 or -1 (memory). */
static inline int add_uncertain(jz_scenario *s, const char *path, int z, int field, int op,
                         double point, double low, double high)
{
    jz_uncertain *nu = realloc(s->uncertain, (size_t)(s->n_uncertain + 1) * sizeof *nu);
    if (!nu)
        return -1;
    s->uncertain = nu;
    jz_uncertain *u = &nu[s->n_uncertain];
    memset(u, 0, sizeof *u);
    s->n_uncertain++;
    size_t len = strlen(path) + 1;
    u->path = malloc(len);
    u->file = calloc(1, 1);
    int n = field == F_BUDGET_INDEX ? 1 : G;
    u->targets = calloc((size_t)n, sizeof *u->targets);
    if (!u->path || !u->file || !u->targets)
        return -1;
    memcpy(u->path, path, len);
    snprintf(u->unit, sizeof u->unit, "factor");
    u->dist.kind = JZ_DIST_UNIFORM;
    u->dist.point = point;
    u->dist.low = u->range_low = u->search_low = low;
    u->dist.high = u->range_high = u->search_high = high;
    unsigned long long h = 1469598103934665603ull; /* FNV-1a of the path */
    for (const char *c = path; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    u->stream = h;
    u->n_targets = n;
    for (int g = 0; g < n; g++) {
        const double *p = field_of(s, field, g, z);
        u->targets[g].kind = JZ_TGT_BLOCK;
        u->targets[g].op = op;
        u->targets[g].offset = (size_t)(p - s->block);
        u->targets[g].n = H;
        u->targets[g].stride = 1;
    }
    return 0;
}

/* 37 uncertain inputs as in a national Monte Carlo (issue 17): per
 * zorgsoort a factor on zorgduur, instroom and cost (uniform 0.9 .. 1.1,
 * point 1, reaching every gemeente), and the budget index (SET, uniform
 * 1.5% .. 3.5%, point 2.5%); money_only: only the cost factors and the
 * budget index (13 inputs).  0 or -1. */
static inline int national_uncertain(jz_scenario *s, int money_only)
{
    char path[96];
    for (int z = 0; z < Z; z++) {
        snprintf(path, sizeof path, "zorgsoorten[z%d].zorgduur", z);
        if (!money_only && add_uncertain(s, path, z, F_ZORGDUUR, JZ_TGT_SCALE, 1.0, 0.9, 1.1))
            return -1;
        snprintf(path, sizeof path, "zorgsoorten[z%d].instroom", z);
        if (!money_only && add_uncertain(s, path, z, F_INSTROOM, JZ_TGT_SCALE, 1.0, 0.9, 1.1))
            return -1;
        snprintf(path, sizeof path, "zorgsoorten[z%d].cost", z);
        if (add_uncertain(s, path, z, F_COST, JZ_TGT_SCALE, 1.0, 0.9, 1.1))
            return -1;
    }
    return add_uncertain(s, "indexation.budget", 0, F_BUDGET_INDEX, JZ_TGT_SET, 0.025, 0.015, 0.035);
}

#endif
