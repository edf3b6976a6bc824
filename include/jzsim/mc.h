/*
 * jzsim/mc.h - Monte Carlo: bands instead of a point (docs/uncertainty.md).
 *
 * jz_mc_run() draws the scenario's uncertain inputs (jzsim/uncertainty.h)
 * `draws` times, projects every draw with jz_model_run, and summarises per
 * year: P5, P25, P50, P75, P95, the mean (with its standard error) of the
 * total cost, the tekort, the beinvloedbaar tekort, the unique clients and
 * the cost per zorgsoort, and the share of draws in which the tekort stays
 * below a threshold.
 *
 * Reproducible: the same seed gives the same numbers, bit for bit, whatever
 * the number of threads.  Each input's random numbers come from its own
 * stream keyed by (seed, input path, draw index), never from a shared
 * generator; percentiles come from fixed-bin histograms (integer counts,
 * whose sum does not depend on the order) over a range set by a pilot of
 * the first draws; means are summed in blocks of draws in draw order and
 * the block sums added in block order.  Every draw is kept in memory only
 * when keep_draws asks for it.
 *
 * jz_mc_compare() runs several scenarios on the same draws: an input with
 * the same path gets the same value in every scenario in a draw (common
 * random numbers), so that the difference between two scenarios is not
 * Monte Carlo noise; it summarises the per-draw differences too.
 */
#ifndef JZSIM_MC_H
#define JZSIM_MC_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"
#include "jzsim/uncertainty.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Gemeente-level figures summarised; then the cost of each zorgsoort. */
enum { JZ_MC_COST = 0, JZ_MC_TEKORT, JZ_MC_BEINVLOEDBAAR, JZ_MC_UNIQUE, JZ_MC_N_GEMEENTE };

#define JZ_MC_NQ 5
/* The probabilities of the reported percentiles: 0.05, 0.25, 0.5, 0.75, 0.95. */
extern const double jz_mc_probs[JZ_MC_NQ];

/* Histogram bins per figure, and the draws of the pilot that sets their range. */
#define JZ_MC_BINS 4096
#define JZ_MC_PILOT 1024

typedef struct jz_mc_stat {
    double point;          /* the deterministic run (every input at its point value) */
    double mean;           /* over the draws */
    double sd;             /* standard deviation over the draws */
    double se;             /* Monte Carlo standard error of the mean: sd / sqrt(draws) */
    double q[JZ_MC_NQ];    /* P5, P25, P50, P75, P95 */
    double min, max;
    int coarse;            /* 1: a percentile fell outside the histogram range, so its
                              accuracy is less than stated (docs/uncertainty.md) */
} jz_mc_stat;

typedef struct jz_mc_options {
    long draws;            /* default 1000 */
    unsigned long seed;    /* default 1 */
    int threads;           /* 0: all cores (default) */
    int gemeente;          /* -1: the region total (default); else a gemeente index */
    double threshold;      /* P(tekort < threshold) per year; default 0 */
    int keep_draws;        /* 1: keep every draw's inputs and figures (jz_mc_result.kept_*) */
    int lanes;             /* 0: project JZ_MODEL_RUNS_MAX draws in one run, JZ_MODEL_LANES of them
                              side by side (default; the same bits);
                              1: one draw at a time (for comparisons and benchmarks) */
    /* called from the worker threads, one call at a time, after each block of draws */
    void (*progress)(void *ctx, long done, long total);
    void *progress_ctx;
} jz_mc_options;

void jz_mc_options_default(jz_mc_options *o);

typedef struct jz_mc_result {
    const jz_scenario *scenario; /* borrowed: must outlive the result */
    int g;                 /* the result slot summarised: a gemeente, or n_gemeenten = the total */
    long draws;
    unsigned long seed;
    long pilot_draws;      /* the first draws that set the histogram ranges */
    double threshold;
    int horizon, base_year, n_zorgsoorten;
    int n_figures;         /* (JZ_MC_N_GEMEENTE + Z) * H */
    jz_mc_stat *stat;      /* [n_figures]: figure f = metric * H + y, with metric < JZ_MC_N_GEMEENTE,
                              or (JZ_MC_N_GEMEENTE + z) * H + y for the cost of zorgsoort z */
    double *p_below;       /* [H] share of draws with tekort < threshold */
    /* with keep_draws, else NULL: */
    double *kept_inputs;   /* [draws * scenario->n_uncertain] the drawn input values */
    double *kept_values;   /* [draws * n_figures] the figures of each draw, as `stat` */
} jz_mc_result;

/* Index of figure (metric, y) and of the cost of zorgsoort z in year y. */
static inline int jz_mc_fig(const jz_mc_result *r, int metric, int y) { return metric * r->horizon + y; }
static inline int jz_mc_fig_z(const jz_mc_result *r, int z, int y)
{
    return (JZ_MC_N_GEMEENTE + z) * r->horizon + y;
}

/* Run the Monte Carlo analysis of s.  JZ_EINPUT for bad options or when a
 * draw is not a valid scenario (the message names the draw, the drawn
 * values and what the model rejected), JZ_ENOMEM, JZ_ERUNTIME. */
int jz_mc_run(const jz_scenario *s, const jz_mc_options *o, jz_mc_result **out, jz_error *err);
void jz_mc_result_free(jz_mc_result *r);

/* ---- common random numbers across scenarios ---- */

enum { JZ_MC_DIFF_TEKORT = 0, JZ_MC_DIFF_COST, JZ_MC_N_DIFF };

typedef struct jz_mc_comparison {
    int n;                 /* scenarios; 0 is the reference */
    long draws;
    unsigned long seed;
    jz_mc_result **runs;   /* [n] each scenario's own bands (region total) */
    /* per scenario s >= 1 (diff[0] is NULL): the per-draw difference with the
     * reference in the same calendar year, [JZ_MC_N_DIFF * H_s]: d * H_s + y;
     * all NaN in a year the reference does not project */
    jz_mc_stat **diff;
    double **p_lower;      /* [n][H_s]: share of draws where s's tekort < the reference's */
} jz_mc_comparison;

/* n scenarios (1 <= n <= 32) on the same draws; o->gemeente and
 * o->keep_draws are ignored (region totals, nothing kept). */
int jz_mc_compare(int n, const jz_scenario *const *s, const jz_mc_options *o,
                  jz_mc_comparison **out, jz_error *err);
void jz_mc_comparison_free(jz_mc_comparison *c);

/* ---- the size check ---- */

/* Whether a Monte Carlo of the n scenarios s (jz_mc_run: 1; jz_mc_compare:
 * all of them, on the same draws) with options o (NULL: the defaults) fits
 * in limit bytes (0: JZ_MODEL_BYTES_DEFAULT); asked before anything is
 * allocated, as jz_model_check_size is for a run.  It counts per thread
 * (o->threads; 0: all cores) JZ_MODEL_RUNS_MAX draws of every scenario
 * side by side (o->lanes = 1: one), each with a lane workspace, a rolling
 * result (a full one, one draw at a time, for a regional verevening or
 * contract) and a scenario copy of what a draw writes
 * (jz_unc_writer_copy_bytes), and one volume cache (not for a scenario
 * run one draw at a time); each scenario is
 * judged at its own size (jz_model_check_size_draws).  The caller states
 * no lane count: this check and the run share it.  A comparison that holds
 * one draw at a time for all its scenarios (one of them has a verevening)
 * needs less than counted.  JZ_OK, or JZ_EINPUT located at the first
 * scenario too large (its meta.horizon), saying what it needs, the limit
 * and JZSIM_MAX_MEMORY; JZ_EINPUT, with jz_mc_run's words, for options
 * jz_mc_run refuses (n outside 1 .. 32, a missing scenario, threads
 * outside 0 .. 256, draws outside 1 .. 100,000,000, ...). */
int jz_mc_check_size(int n, const jz_scenario *const *s, const jz_mc_options *o, size_t limit, jz_error *err);

/* ---- reports ---- */

/* jz_report() (report.h) writes, as table, csv or json:
 *   JZ_REPORT_MC: the bands per year (table: for reading; CSV: one row per
 *     figure and year; JSON: everything, with the seed, generator, inputs
 *     and method);
 *   JZ_REPORT_MC_DRAWS (CSV only): every kept draw as one row: draw, the
 *     input values, the figures;
 *   JZ_REPORT_MC_COMPARE: the differences of a CRN comparison. */

#ifdef __cplusplus
}
#endif
#endif
