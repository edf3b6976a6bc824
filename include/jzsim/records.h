/*
 * jzsim/records.h - from the administration to the model: trajectory
 * records (one row per toewijzing or care trajectory, with a client key, a
 * zorgsoort or product code, a start date and an end date when it ended) to
 * the history `calibrate` reads, duration estimates that handle censoring
 * and left-truncation, and transition and re-entry rates (docs/records.md).
 *
 * The flow is one way:
 *   jz_records_load (read, map product codes, link rows by client key and
 *   drop the keys)  ->  jz_records_analyse (counts per period, Kaplan-Meier,
 *   maximum-likelihood fits, transitions; suppression of small counts)
 *   ->  report/records_*.c (table, CSV, JSON, HTML, history CSV, scenario).
 *
 * Privacy: client keys are used only to link the rows of one client while
 * the file is read; they are replaced by row-order numbers, the read buffer
 * is wiped, and no key is kept in any structure below, written to any output
 * or quoted in any message (a message names the line and column instead).
 * Every count in a jz_records_analysis carries a suppressed flag when it is
 * below the threshold (JZ_RECORDS_MIN_COUNT or more); writers show "<N"
 * (or CBS's "x" in the history file) and never the value.
 */
#ifndef JZSIM_RECORDS_H
#define JZSIM_RECORDS_H

#include <stddef.h>
#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/history.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The smallest suppression threshold (CBS: fewer than 10 is not published).
 * Options may raise it, never lower it. */
#define JZ_RECORDS_MIN_COUNT 10
/* Days per month used for every duration in months (365.25 / 12). */
#define JZ_DAYS_PER_MONTH 30.4375
/* Highest Erlang k tried. */
#define JZ_RECORDS_MAX_K 8

/* A calendar date as a day number: days since 1970-01-01. */
int jz_day_from_ymd(int y, int m, int d);
void jz_ymd_from_day(int day, int *y, int *m, int *d);
/* "2024-03-01" into buf (at least 11 bytes). */
const char *jz_day_format(int day, char *buf, size_t size);
/* Parse 2024-03-01, 01-03-2024, 1-3-2024, 01/03/2024 or 20240301; 0 on
 * success, -1 when the text is no date (or no existing date). */
int jz_day_parse(const char *s, int *day);

/* ---- product codes ------------------------------------------------------ */

/* A mapping from product codes (a gemeente's own codes, the iJw product
 * codes such as 45A01, or the two-digit iJw productcategorieen) to
 * zorgsoort keys.  A code is looked up as written; when it is not there,
 * its first two characters are looked up as a productcategorie.  A
 * zorgsoort of "-" means "not a care trajectory": such rows are left out
 * (counted in a note). */
typedef struct jz_product_map jz_product_map;

/* The shipped default for the iJw productcategorieen (docs/records.md). */
jz_product_map *jz_product_map_default(void);
/* A mapping file: CSV with columns `code` and `zorgsoort` (';' or ','),
 * optionally on top of the default (with_default).  NULL + err. */
jz_product_map *jz_product_map_load(const char *path, int with_default, jz_error *err);
/* The zorgsoort of a code, or NULL when unmapped. */
const char *jz_product_map_find(const jz_product_map *m, const char *code);
int jz_product_map_size(const jz_product_map *m);
/* Entry i (0 <= i < size): code and zorgsoort. */
void jz_product_map_entry(const jz_product_map *m, int i, const char **code, const char **zorgsoort);
void jz_product_map_free(jz_product_map *m);

/* ---- reading ------------------------------------------------------------ */

typedef struct jz_records_options {
    int window_start;        /* first day the administration covers (left-truncation);
                              * JZ_DAY_UNSET: the earliest start date in the file */
    int export_date;         /* the day the export was made (right-censoring);
                              * JZ_DAY_UNSET: the latest date in the file */
    const char *gemeente;    /* the gemeente of every row when the file has no gemeente column */
    const jz_product_map *products; /* for a product-code column; NULL: the default */
    const jz_scenario *scenario;    /* when given, zorgsoorten and gemeenten must be its own */
    int min_count;           /* suppression threshold, >= JZ_RECORDS_MIN_COUNT */
    int transition_gap;      /* days: a start in another zorgsoort within this gap after an
                              * end is a transition (default 31) */
    int reentry_window;      /* days: a return after the gap and within this window is a
                              * re-entry (default 365) */
    int half_years;          /* also count half-years */
} jz_records_options;

#define JZ_DAY_UNSET (-2147483647 - 1)

/* The defaults above. */
void jz_records_options_default(jz_records_options *o);

/* One trajectory: a client's uninterrupted care in one zorgsoort (rows of
 * the same client and zorgsoort that overlap or touch are merged). */
typedef struct jz_trajectory {
    int client;   /* 0..n_clients-1, in order of first appearance: no key */
    int g, z;     /* indices into jz_records.gemeenten / zorgsoorten */
    int start;    /* day number */
    int end;      /* day number of the last day in care; JZ_DAY_UNSET: running at the export */
    double cost;  /* euros over the whole trajectory (NAN: not given) */
    int line;     /* line of the (first) row in the file, for messages */
} jz_trajectory;

typedef struct jz_records {
    char path[1024];
    int n;                    /* trajectories */
    jz_trajectory *t;         /* sorted by client, then start */
    int n_clients;
    int n_rows;               /* data rows read (before merging and leaving out) */
    int n_merged;             /* rows merged into an earlier trajectory of the same client */
    int n_left_out;           /* rows whose product maps to "-" */
    int n_gemeenten, n_zorgsoorten;
    char (*gemeenten)[JZ_NAME_MAX];
    char (*zorgsoorten)[JZ_KEY_MAX];
    int window_start, export_date;
    int has_cost;
    int min_count;
    int transition_gap, reentry_window, half_years;
    int n_warnings;
    char **warnings;
} jz_records;

/* Read a trajectory export (CSV; docs/records.md for the columns).  Bad
 * input (a missing required column, a date that does not parse or lies
 * outside 1950-2100 or after the export date, an end before the start, an
 * unmapped product code, the same trajectory twice, a zorgsoort or gemeente
 * that is not in the scenario) returns NULL with err = JZ_EINPUT at
 * file:line:column; the message never contains a client key. */
jz_records *jz_records_load(const char *path, const jz_records_options *o, jz_error *err);
/* The same from memory: text (NUL-terminated at len) is split in place and
 * holds the client keys, so the caller wipes it after (jz_records_load does). */
jz_records *jz_records_parse(char *text, size_t len, const char *name, const jz_records_options *o,
                             jz_error *err);
/* Build from trajectories in code (tests): copies t, sorts, merges. */
jz_records *jz_records_from_trajectories(const jz_trajectory *t, int n, int n_gemeenten,
                                         const char *const *gemeenten, int n_zorgsoorten,
                                         const char *const *zorgsoorten, const jz_records_options *o,
                                         jz_error *err);
void jz_records_free(jz_records *r);

/* ---- the analysis ------------------------------------------------------- */

/* A count as published: its value and whether it is below the threshold. */
typedef struct jz_count {
    double v;
    int suppressed;
} jz_count;

/* One history cell: gemeente x zorgsoort (z = -1: all zorgsoorten, persons)
 * x period.  v[s] is NAN when the series is not given for this cell;
 * suppressed[s] when it is withheld. */
typedef struct jz_records_cell {
    int g, z, year, half;
    double v[JZ_HS_N];
    unsigned char suppressed[JZ_HS_N];
    double cost_per_client_year; /* cost / client_years (NAN: no cost or no care); withheld with the cost */
} jz_records_cell;

/* A maximum-likelihood fit of one duration model (times in months). */
typedef struct jz_duration_fit {
    int ok;              /* 0: not fitted (too few events, or the optimiser failed) */
    int n_par;
    double loglik, aic;
    double ks;           /* max |S_KM - S_fit| over the published curve */
    double mean, se_mean;
    double shape, se_shape;          /* gamma: shape a (Erlang k when fixed) */
    double p, se_p, d1, se_d1, d2, se_d2; /* mixture: branch share p with mean d1, 1-p with mean d2 */
    int iterations;
} jz_duration_fit;

/* Kaplan-Meier at whole months 0..n_km-1 (only as far as the number at
 * risk reaches the threshold). */
typedef struct jz_duration {
    int z;
    int n, events, censored, truncated;  /* trajectories, ended, running, started before the window */
    jz_count c_n, c_events, c_censored, c_truncated;
    double naive_mean;       /* months: mean duration of the trajectories that started in the
                              * window and ended, ignoring the running ones: biased, for comparison */
    int n_km;
    double *km, *km_lo, *km_hi; /* [n_km] survival and 95% interval (Greenwood) */
    double *km_erlang, *km_mixture; /* [n_km] the chosen Erlang-k and the mixture at the same months */
    int *at_risk;               /* [n_km] */
    double km_median;           /* months; NAN when the curve stays above 1/2 */
    jz_duration_fit erlang[JZ_RECORDS_MAX_K + 1]; /* [k], k = 1..MAX_K */
    int best_k;                  /* the Erlang k with the highest likelihood (0: none) */
    jz_duration_fit gamma;       /* shape a free: mean and shape with standard errors */
    jz_duration_fit mixture;     /* two exponential branches */
    int enough;                  /* events >= threshold: the fits may be published */
} jz_duration;

typedef struct jz_transition {
    int from, to;          /* zorgsoort indices; to = -1: re-entry (any zorgsoort) */
    jz_count count, base;  /* moves, and ended trajectories with the follow-up complete */
    double rate;           /* count / base; NAN when suppressed */
    double mean_delay;     /* re-entry: months from end to return */
} jz_transition;

typedef struct jz_records_analysis {
    const jz_records *rec;
    int n_cells;
    jz_records_cell *cells;
    int first_year, last_year;     /* complete calendar years in the window (0 when none) */
    int n_durations;
    jz_duration *durations;        /* one per zorgsoort */
    int n_transitions;
    jz_transition *transitions;    /* from != to, then re-entry rows (to = -1) */
    int n_suppressed;              /* values withheld in all outputs together */
    int n_warnings;
    char **warnings;
} jz_records_analysis;

/* Everything the outputs show, from the records alone.  JZ_ERUNTIME when a
 * GSL routine fails in a way that is not a poor fit (a poor fit is ok = 0). */
jz_records_analysis *jz_records_analyse(const jz_records *r, jz_error *err);
void jz_records_analysis_free(jz_records_analysis *a);

/* Duration fits on their own (tests, bench): trajectories of zorgsoort z
 * (z < 0: all).  d must be zeroed; free with jz_duration_clear. */
int jz_duration_estimate(const jz_records *r, int z, jz_duration *d, jz_error *err);
void jz_duration_clear(jz_duration *d);

/* Survival of a fitted model at t months. */
double jz_duration_fit_survival(const jz_duration_fit *f, int mixture, double t);

/* A count for publishing: "<10" when suppressed, else the number. */
const char *jz_count_text(double v, int suppressed, int min_count, char *buf, size_t size);

/* ---- data files (report/records_*.c) ------------------------------------ */

/* The history in the format `calibrate` reads (docs/calibration.md),
 * ';'-separated with decimal commas; suppressed values are CBS's "x". */
int jz_records_write_history(FILE *out, const jz_records_analysis *a, jz_error *err);
/* The report itself goes through jz_report() (jzsim/report.h) with a
 * subject {.kind = JZ_REPORT_RECORDS, .records = a, .scenario = the base
 * or NULL}: table, CSV, JSON, or HTML (the curves and fits as SVG charts). */
/* A scenario that extends base (path written as extends_path) with the
 * estimates; only zorgsoorten and gemeenten of base. */
int jz_records_write_scenario(FILE *out, const jz_records_analysis *a, const jz_scenario *base,
                              const char *extends_path, jz_error *err);

#ifdef __cplusplus
}
#endif
#endif
