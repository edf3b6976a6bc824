/*
 * mc_plan.h - what a Monte Carlo holds per thread (internal): how many
 * threads and how many draws side by side.  The run (mc.c) lays itself out
 * by these and its size check (mc_size.c, jz_mc_check_size) counts by
 * them, so the two cannot drift apart.
 */
#ifndef JZ_ANALYSIS_MC_PLAN_H
#define JZ_ANALYSIS_MC_PLAN_H

#include <unistd.h>

#include "jzsim/mc.h"
#include "jzsim/regio.h"

#define MC_MAX_THREADS 256
#define MC_MAX_SCEN 32 /* scenarios on the same draws (jz_mc_compare) */

/* The worker threads of jz_mc_options.threads: as asked, 0 all cores
 * (at least 1, at most MC_MAX_THREADS). */
static inline int mc_threads(int asked)
{
    if (asked > 0)
        return asked;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? (int)(n < MC_MAX_THREADS ? n : MC_MAX_THREADS) : 1;
}

/* A scenario whose every draw needs a full result: a regional verevening
 * or contract settles between all gemeenten after the last one
 * (model/regio.c), so every gemeente must be kept. */
static inline int mc_full(const jz_scenario *s)
{
    return jz_regio_settles(s->regio);
}

/* Draws of each scenario projected side by side in one run
 * (jz_model_run_lanes): JZ_MODEL_RUNS_MAX unless the options ask for one at
 * a time or a scenario needs a full result per draw (JZ_MODEL_RUNS_MAX of
 * those would take JZ_MODEL_RUNS_MAX times the memory). */
static inline int mc_lanes(const jz_mc_options *o, int any_full)
{
    return o->lanes == 1 || any_full ? 1 : JZ_MODEL_RUNS_MAX;
}

/* The options' and scenarios' checks of jz_mc_run (mc.c), shared with
 * jz_mc_check_size: both refuse the same options with the same words. */
int mc_check_options(int n, const jz_scenario *const *s, const jz_mc_options *o, jz_error *err);

#endif
