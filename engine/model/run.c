/*
 * run.c - jz_model_run: validate, then project gemeente by gemeente
 * (the measures applied to its inputs in measures.c, volumes in flow.c,
 * money in money.c) and add each into the region slot (total.c).  See
 * jzsim/model.h for the contract and docs/model.md for the equations.
 *
 * Pure and re-entrant: reads s through a const pointer, writes only w and
 * r, no globals, no I/O, no allocation; each gemeente is independent (no
 * clients cross gemeente borders), so the workspace only ever holds one.
 */
#include "model/internal.h"

int jz_model_run(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_error *err)
{
    return jz_model_run_opts(s, w, r, NULL, err);
}

int jz_model_run_opts(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      const jz_run_options *opt, jz_error *err)
{
    jz_error_clear(err);
    int rc = jz_check_dimensions(s, w, r, err);
    if (rc)
        return rc;
    if ((rc = jz_check_global(s, err)) || (rc = jz_check_measures(s, err)))
        return rc;
    /* which measures act in this run: read by measures.c per gemeente */
    w->measure_active = opt ? opt->measure_active : NULL;

    r->base_year = s->meta.base_year;
    /* the begroting price is indexed with the budget index, not the tariff
     * index: what the gemeente budgeted vs what providers are paid */
    w->budget_factor[0] = 1.0;
    for (int y = 1; y < s->meta.horizon; y++)
        w->budget_factor[y] = w->budget_factor[y - 1] * (1.0 + s->budget_index[y]);

    jz_total_clear(r);
    for (int g = 0; g < s->n_gemeenten; g++) {
        if ((rc = jz_flows_gemeente(s, w, r, g, err)))
            return rc;
        jz_money_gemeente(s, w, r, g);
        jz_total_add(r, g);
    }
    jz_total_finish(r);
    return JZ_OK;
}
