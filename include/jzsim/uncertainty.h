/*
 * jzsim/uncertainty.h - uncertain inputs of a scenario: distributions,
 * ranges, correlations, and how a drawn value reaches the model's arrays.
 *
 * Any numeric series input (and a cell's `start`) may be written as a
 * distribution, `{dist: normal, mean: 10, sd: 1.5, low: 6, high: 14}`, or
 * as a point value with a range, `{value: 10, low: 8, high: 13}`
 * (docs/scenario-format.md, "Uncertainty"; docs/uncertainty.md).  The
 * loader gives the arrays the POINT value (what `jzsim run` projects) and
 * registers the input here: its path (as jz_input.path), its distribution,
 * and the TARGETS, the places in the scenario that the value was resolved
 * into.  A zorgsoort-level value feeds one array per gemeente; all of them
 * are targets of the one input, so they move together.  A target covers the
 * projected years only: the base year, realisatie, keeps its value
 * (JZ_UNC_REALISED).
 *
 * A Monte Carlo draw or a sensitivity run never reloads the YAML: it takes
 * a copy of the scenario (jz_scenario_copy, which copies this registry
 * too) and writes values at the targets with jz_unc_apply / jz_unc_set.
 * No allocation happens per draw.
 */
#ifndef JZSIM_UNCERTAINTY_H
#define JZSIM_UNCERTAINTY_H

#include <stddef.h>
#include "jzsim/error.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    JZ_DIST_NONE = 0,   /* {value, low, high}: a point value with a range, no distribution */
    JZ_DIST_NORMAL,     /* mean, sd; optional truncation low/high */
    JZ_DIST_LOGNORMAL,  /* median and sd_log, or mean and sd; optional truncation */
    JZ_DIST_UNIFORM,    /* low, high */
    JZ_DIST_TRIANGULAR, /* low, mode, high */
    JZ_DIST_PERT,       /* low, mode, high, shape (default 4): a scaled beta */
    JZ_DIST_N
} jz_dist_kind;

/* A distribution in the input's own unit (0.065 for 6.5%). */
typedef struct jz_dist {
    int kind;          /* jz_dist_kind */
    double point;      /* the deterministic value (docs/uncertainty.md) */
    double mean, sd;   /* normal: as written; lognormal: mean and sd of the variable */
    double mu, sigma;  /* lognormal: ln(median) and sd of ln(x) */
    double mode;       /* triangular, PERT */
    double shape;      /* PERT: lambda (4 = classic PERT) */
    double alpha, beta;/* PERT: the beta parameters 1 + shape (mode - low) / (high - low), ... */
    double low, high;  /* support: explicit bounds and the unit's valid range; +-INFINITY when open */
    int truncated;     /* normal/lognormal: 1 when low or high cuts the distribution */
    double t_lo, t_hi; /* normal/lognormal: the bounds as standard-normal scores */
} jz_dist;

/* Where a drawn value goes. */
typedef enum {
    JZ_TGT_BLOCK = 0, /* s->block[offset + i * stride], i < n */
    JZ_TGT_FIXED,     /* gemeenten[g].fixed[index] array `field` (0 amount, 1 indexation, 2 budget) */
    JZ_TGT_EXTERNAL,  /* gemeenten[g].external[index] array `field` (0 client_years, 1 cost, 2 compensation) */
    JZ_TGT_START      /* cells[index].start (n = 1) */
} jz_target_kind;

typedef enum {
    JZ_TGT_SET = 0,  /* the elements become the value */
    JZ_TGT_SCALE = 1 /* the elements are multiplied by value / point (a factor of a product:
                        cost = tariff x units_per_year) */
} jz_target_op;

/* The realised years: the first JZ_UNC_REALISED years of every series, the
 * base year that the reports mark R (realisatie: the jaarrekening).  What
 * happened is not uncertain: the loader's targets of a series by year start
 * after them (jz_unc_target.first), so a draw or a sensitivity point keeps
 * their values and acts from the first projected year on.  A cell's start
 * (clients on 1 January of the base year) is not a series and is drawn as
 * written (docs/uncertainty.md). */
#define JZ_UNC_REALISED 1

/* The realised years of s: JZ_UNC_REALISED, or all of them when the horizon
 * is shorter.  The one count every place that keeps them uses: the loader's
 * targets (jz_unc_target.first) and the werksessie's variant (docs/werksessie.md). */
int jz_unc_realised(const jz_scenario *s);
/* How many first years of input `path` a value written for it leaves as
 * they are (a draw, a sensitivity point, a werksessie slider): for an
 * uncertain input the first element its targets write, else
 * jz_unc_realised(s) for an input read as a series by year (jz_input.series)
 * and 0 for one value with no year (a cell's start) or a path s does not set. */
int jz_input_realised_years(const jz_scenario *s, const char *path);

typedef struct jz_unc_target {
    int kind;      /* jz_target_kind */
    int op;        /* jz_target_op */
    size_t offset; /* JZ_TGT_BLOCK: index into s->block of the series' first element */
    int first;     /* elements of the series before the first one written (the realised
                      years, JZ_UNC_REALISED, for a series by year the loader read; 0 for a
                      target that writes the whole series) */
    int n;         /* number of elements written, from element `first` on */
    int stride;    /* distance between elements (1; Z for a transition fraction) */
    int g, index, field; /* JZ_TGT_FIXED/EXTERNAL/START */
} jz_unc_target;

typedef struct jz_uncertain {
    char *path;        /* "zorgsoorten[ambulant].zorgduur", as in jz_input.path */
    char unit[32];     /* "months", "euros", "fraction/yr", ... */
    char *file;        /* where it was written */
    int line, column;
    jz_dist dist;
    double range_low, range_high; /* one-way sensitivity: {value, low, high}: low and high;
                                     a distribution: its P5 and P95 */
    double search_low, search_high; /* break-even search: the bounds; for an open end the
                                       P0.1 or P99.9 */
    unsigned long long stream; /* key of its random stream (a hash of path) */
    int n_targets;
    jz_unc_target *targets;
} jz_uncertain;

/* Correlated inputs: a Gaussian copula.  Standard normal scores z of the
 * inputs listed are made correlated as L z, with L the lower Cholesky
 * factor of the correlation matrix. */
typedef struct jz_unc_copula {
    int n;          /* inputs in the copula */
    int *input;     /* [n] indices into s->uncertain, ascending */
    double *rho;    /* [n * n] the correlation matrix, row-major */
    double *chol;   /* [n * n] its lower Cholesky factor L, row-major */
} jz_unc_copula;

/* Name of a distribution kind ("normal", ..., "none"). */
const char *jz_dist_name(int kind);

/* The value of d at standard-normal score z (the quantile at Phi(z)), kept
 * within d's support; for JZ_DIST_NONE the point value.  Zero-width
 * distributions (sd 0, low = high) give the point value exactly. */
double jz_dist_from_z(const jz_dist *d, double z);
/* The quantile at probability p in (0, 1). */
double jz_dist_quantile(const jz_dist *d, double p);
/* 1 when the distribution has no spread (every draw equals the point). */
int jz_dist_is_fixed(const jz_dist *d);

/* Index of the uncertain input with this path in s, or -1. */
int jz_unc_find(const jz_scenario *s, const char *path);

/* Write values x[0 .. s->n_uncertain - 1] (one per uncertain input) into
 * copy, which must have been made by jz_scenario_copy(base) and changed only
 * through these functions.  Elements of SCALE targets are first restored
 * from base, so draws can follow each other. */
void jz_unc_apply(const jz_scenario *base, jz_scenario *copy, const double *x);
/* Set input i alone to v (its other targets restored from base first);
 * every other input is left as it is in copy. */
void jz_unc_set(const jz_scenario *base, jz_scenario *copy, int i, double v);

/* The first element that target t writes in s (element `first` of its
 * series; s is base or one of its copies: a target is a place, never a
 * pointer). */
double *jz_unc_target_at(jz_scenario *s, const jz_unc_target *t);

/* ---- writing draws, and checking only what a draw wrote ----
 * A writer is jz_unc_apply planned once for base (engine/analysis/
 * unc_writer.c): every place a target reaches is written once per draw, in
 * memory order, straight from base (no restore pass), with the same
 * operations in the same order, so the copy holds the same bits as after
 * jz_unc_apply.  While it writes, it checks each value it wrote against
 * the range jz_model_check_gemeente requires of it, and the sum of
 * transitions and re-entry of every cell-year it wrote into, so that a
 * Monte Carlo draw need not check the rest of the gemeente again. */
typedef struct jz_unc_writer jz_unc_writer;

/* A writer for draws of base.  vouched ([G], may be NULL) marks the
 * gemeenten that no uncertain input reaches in a way the model checks (the
 * NaN probe of the Monte Carlo: jz_model_check_gemeente passes with every
 * uncertain input NaN); a gemeente the probe fails must have a value the
 * writer checks, or it is left to the full check on every draw.  NULL when
 * out of memory. */
jz_unc_writer *jz_unc_writer_alloc(const jz_scenario *base, const unsigned char *vouched);
void jz_unc_writer_free(jz_unc_writer *wr);

/* jz_unc_apply(base, copy, x), the same bits; and checked[g] (G of them,
 * may be NULL) = 1 when gemeente g of copy passes jz_model_check_gemeente
 * provided base passes it: every value written into g is within its range
 * and every cell-year written into still has transitions plus re-entry <= 1
 * (or no checked value of g was written).  0 leaves gemeente g to the full
 * check, which then names the first fault as a run without the writer
 * would.  Give checked to the run with jz_workspace_set_checked. */
void jz_unc_writer_apply(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                         const double *x, unsigned char *checked);

/* jz_unc_writer_apply in parts, for a run that has gemeente g's drawn
 * values written just before it projects g (jz_model_run_each,
 * jz_model_run_lanes_each), so
 * that they are still in the cache when the model reads them: first
 * _shared (the scenario-wide values and the gemeenten's own series, which
 * a run reads before or across gemeenten, and checked[] reset), then
 * _gemeente for g = 0 .. G-1, each before the run reads gemeente g (its
 * cells' values, their checks and checked[g]).  Together the same bits and
 * the same checked[] as jz_unc_writer_apply; a writer whose targets
 * overlap in different shapes writes everything in _shared. */
void jz_unc_writer_apply_shared(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                                const double *x, unsigned char *checked);
void jz_unc_writer_apply_gemeente(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy,
                                  const double *x, unsigned char *checked, int g);

/* Point every series of copy's cells that no draw writes at base's
 * (jz_scenario_copy(base) made copy): runs of several copies side by side
 * then read one array where they read one each (the same numbers), and
 * base must outlive copy.  copy's own block is still freed with it. */
void jz_unc_writer_share(const jz_unc_writer *wr, const jz_scenario *base, jz_scenario *copy);

/* A copy of base for the writer's draws that holds only the cells' series
 * a draw writes (jz_scenario_copy_owning with the series the writer
 * found), the others shared with base as jz_unc_writer_share shares them:
 * the Monte Carlo's copy per lane.  Only the writer may write draws into
 * it (jz_unc_apply and jz_unc_set address cells by block offset).  A
 * writer that falls back on jz_unc_apply gets a full copy.  NULL when out
 * of memory. */
jz_scenario *jz_unc_writer_copy(const jz_unc_writer *wr, const jz_scenario *base);
/* About the bytes such a copy holds (jz_scenario_size_owning), known
 * before it is made: what a Monte Carlo's size check counts per lane. */
size_t jz_unc_writer_copy_bytes(const jz_unc_writer *wr, const jz_scenario *base);

/* ---- drawing ----
 * A sampler turns (seed, draw index) into one value per uncertain input.
 * Every input has its own random stream, keyed by (seed, the input's path):
 * the uniforms of draw d come from a gsl_rng_mt19937 seeded from (seed,
 * path, d / JZ_STREAM_CHUNK), position d % JZ_STREAM_CHUNK.  So a draw does
 * not depend on which thread makes it, on the other draws, or on which other
 * inputs the scenario has: two scenarios that share an input path get the
 * same numbers for it (common random numbers). */
#define JZ_STREAM_CHUNK 256
#define JZ_RNG_NAME "mt19937"

typedef struct jz_sampler jz_sampler;

/* NULL on out of memory. */
jz_sampler *jz_sampler_alloc(const jz_scenario *s, unsigned long seed);
void jz_sampler_free(jz_sampler *sp);
/* x[0 .. s->n_uncertain - 1] for draw d (>= 0); inputs without a
 * distribution get their point value. */
void jz_sampler_draw(jz_sampler *sp, long d, double *x);

#ifdef __cplusplus
}
#endif
#endif
