/*
 * mc_size.c - whether a Monte Carlo fits in memory, asked before anything
 * is allocated (jz_mc_check_size, jzsim/mc.h).
 *
 * A Monte Carlo holds per thread its draws side by side: for each scenario
 * JZ_MODEL_RUNS_MAX lanes (mc_plan.h), each with a lane workspace, a
 * rolling result and a small copy of the scenario that holds only what a
 * draw writes.  The copy's size is known from the writer's plan
 * (jz_unc_writer_copy_bytes); the model's own sizes and the message come
 * from jz_model_check_size_draws.  The caller states the scenarios and the
 * options, never a lane count: this file owns it, with the run.
 */
#include <stddef.h>

#include "analysis/mc_plan.h"
#include "jzsim/mc.h"
#include "jzsim/uncertainty.h"

int jz_mc_check_size(int n, const jz_scenario *const *s, const jz_mc_options *o, size_t limit, jz_error *err)
{
    jz_mc_options dflt;
    if (!o) {
        jz_mc_options_default(&dflt);
        o = &dflt;
    }
    int rc = mc_check_options(n, s, o, err);
    if (rc != JZ_OK)
        return rc;
    int threads = mc_threads(o->threads);
    for (int i = 0; i < n; i++) {
        /* the copies hold what the writer of the draws writes: plan one to
         * count them (without the run's probe, which changes what a draw
         * checks, not what it writes); without one, a full copy each */
        jz_unc_writer *wr = jz_unc_writer_alloc(s[i], NULL);
        size_t copy = wr ? jz_unc_writer_copy_bytes(wr, s[i]) : 0;
        jz_unc_writer_free(wr);
        /* every scenario's lanes on every thread, counted at this
         * scenario's size: one for a scenario with a full result per draw
         * (run one draw at a time).  One at a time for all (a comparison
         * with such a scenario) holds less than counted here. */
        int lanes = mc_lanes(o, mc_full(s[i]));
        rc = jz_model_check_size_draws(s[i], threads, lanes * n, copy, limit, err);
        if (rc != JZ_OK)
            return rc;
    }
    return JZ_OK;
}
