/*
 * calib_internal.h - what calibrate.c, shape.c and backtest.c share
 * (internal to engine/analysis).
 */
#ifndef JZ_ANALYSIS_CALIB_INTERNAL_H
#define JZ_ANALYSIS_CALIB_INTERNAL_H

#include "jzsim/calibrate.h"

/* history/store.c: value v of a history cell made fit for a message: control
 * characters escaped (\\n, \\t, ...), cut to 60 characters with "…".
 * Returns buf; JZ_QUOTE_BUF is always large enough. */
#define JZ_QUOTE_BUF 256
const char *jz_history_quote(const char *v, char *buf, size_t size);

/* Append a formatted message to a growable list of strings; JZ_ENOMEM. */
int jz_calib_warn(char ***arr, int *n, int *cap, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Match a history row to gemeente g and zorgsoort z (-1 = total);
 * JZ_EINPUT naming the row's file:line:column. */
int jz_calib_match_row(const jz_scenario *s, const jz_history *h, const jz_history_row *row,
                       int *g, int *z, jz_error *err);

/* Observations of the rows (matched to rg/rz) in years from..until (0 =
 * open) that fall in the scenario's years.  classes, when not NULL, gets
 * the duration-class counts summed per [g][z + 1][class]. */
int jz_calib_collect(const jz_scenario *s, const jz_history *h, const int *rg, const int *rz,
                     int from, int until, jz_calib_obs **out, int *n_out, double *classes,
                     char ***warn, int *nw, int *cw, jz_error *err);

/* The model's value of an observation (a year, or a half-year given
 * alone: docs/calibration.md). */
double jz_calib_obs_value(const jz_scenario *s, const jz_result *r, const jz_calib_obs *o);

/* backtest.c: put the observed instroom of the years after `after` into s
 * (own cells: the external instroom that makes their total the observed
 * one; a gemeente total scales the cells without rows of their own). */
int jz_calib_observed_instroom(jz_scenario *s, jz_workspace *w, jz_result *r, const jz_calib_obs *obs, int n,
                               int after, jz_error *err);

/* shape.c: one shape test per (g, z) with class counts; fills c->shape. */
int jz_shape_tests(const jz_scenario *s, const double *classes, int kmax, jz_calib *c,
                   jz_error *err);

/* shape.c: the test for one set of class counts (exposed for tests). */
void jz_shape_test_counts(jz_shape_test *t, int kmax);

#endif
