/*
 * model_support.c - see model_support.h.
 */
#include <math.h>
#include <stdio.h>

#include "model_support.h"
#include "scenario/build.h"

int jzm_close(double got, double want, double rel_tol, double abs_tol)
{
    if (isnan(got) || isnan(want))
        return 0;
    if (got == want) /* also equal infinities */
        return 1;
    double scale = fmax(fabs(got), fabs(want));
    return fabs(got - want) <= abs_tol + rel_tol * scale;
}

jz_scenario *jzm_rich_scenario(int G, int H)
{
    const int Z = JZM_RICH_Z;
    jz_scenario *s = jz_scenario_new(G, Z, H, 2024);
    if (!s)
        return NULL;
    const int stages[JZM_RICH_Z] = {1, 3, 2, 2};
    for (int z = 0; z < Z; z++) {
        s->zorgsoorten[z].stages = stages[z];
        s->zorgsoorten[z].population = z == 3 ? JZ_POP_YOUNG_ADULT : JZ_POP_YOUTH;
    }
    for (int y = 0; y < H; y++)
        s->budget_index[y] = 0.02 + 0.001 * y;
    for (int g = 0; g < G; g++) {
        jz_gemeente *gm = &s->gemeenten[g];
        for (int y = 0; y < H; y++) {
            gm->population[JZ_POP_YOUTH][y] = 20000.0 + 1500.0 * g - 100.0 * y;
            gm->population[JZ_POP_YOUNG_ADULT][y] = 6000.0 + 400.0 * g + 30.0 * y;
            gm->rijksbijdrage[y] = 3.0e7 + 1.0e6 * g + 2.0e5 * y;
        }
        gm->has_rijksbijdrage = g % 2 == 0;
        jz_fixed_cost *f = jz_scenario_add_fixed(s, g, "lokale toegang");
        if (!f)
            goto fail;
        for (int y = 0; y < H; y++) {
            f->amount[y] = 1.5e6 + 1e4 * g;
            f->indexation[y] = 0.025;
            f->budget[y] = 1.55e6;
        }
        f->has_budget = g % 3 != 1;
        for (int z = 0; z < Z; z++) {
            jz_cell *c = &s->cells[g * Z + z];
            c->start = 150.0 + 40.0 * z + 7.0 * g;
            c->instroom_per_1000 = z == 0;
            c->has_budget = z != 2;
            c->reentry_delay = z == 0 ? 6 : 12;
            c->reentry_to = 0;
            c->ageing_to = z < 3 ? 3 : -1;
            for (int y = 0; y < H; y++) {
                c->instroom[y] = z == 0 ? 9.0 + 0.1 * y : 40.0 + 10.0 * z + 2.0 * g - 0.5 * y;
                c->instroom_trend[y] = 0.01 * (z % 3) - 0.005;
                c->zorgduur[y] = 6.0 + 4.0 * z + 0.2 * g + 0.1 * y;
                c->cost[y] = 8000.0 + 12000.0 * z + 100.0 * g;
                c->intensity_trend[y] = 0.005;
                c->tariff_index[y] = 0.03 + 0.002 * z;
                c->budget_volume[y] = 0.9 * c->start * c->zorgduur[y] / 12.0 + 5.0 * y;
                c->budget_price[y] = 0.97 * c->cost[y];
                c->reentry[y] = z == 0 ? 0.08 : 0.04;
                c->ageing_rate[y] = z == 3 ? 0.15 : 0.03 + 0.01 * z;
                c->ageing_transfer[y] = z == 3 ? 0.0 : 0.4;
                double *tr = c->transition + (size_t)y * Z;
                for (int w = 0; w < Z; w++)
                    tr[w] = 0.0;
                if (z == 0)
                    tr[1] = 0.05;
                if (z == 1)
                    tr[2] = 0.10 + 0.002 * y;
                if (z == 2)
                    tr[1] = 0.02;
            }
        }
    }
    return s;
fail:
    jz_scenario_free(s);
    return NULL;
}

int jzm_run(const jz_scenario *s, jz_workspace **w, jz_result **r, jz_error *err)
{
    *w = jz_workspace_alloc(s);
    *r = jz_result_alloc(s);
    if (!*w || !*r)
        return JZ_ENOMEM;
    return jz_model_run(s, *w, *r, err);
}
