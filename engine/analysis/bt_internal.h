/*
 * bt_internal.h - the pieces of the backtest (internal), one file each:
 *   backtest.c  the options, the fit per origin year and jz_backtest_run;
 *   bt_project.c the projection from the history: the observed instroom put
 *               into it, the anchor at the last observed stock, the forecast
 *               of one observation;
 *   bt_score.c  the errors per series and horizon: intervals and coverage;
 *   bt_ahead.c  the forecasts beyond the history, with the parameter
 *               uncertainty of the fit.
 * jz_backtest_run fills a ctx, runs each origin, then scores and forecasts.
 */
#ifndef JZ_ANALYSIS_BT_INTERNAL_H
#define JZ_ANALYSIS_BT_INTERNAL_H

#include "analysis/calib_internal.h"

/* The correction of a forecast for the difference between the fitted and
 * the observed stock at the end of year T (see bt_project.c). */
typedef struct anchor {
    int T;
    double *delta; /* [G*Z] */
} anchor;

/* What one backtest shares between the origins. */
typedef struct ctx {
    const jz_scenario *s;
    const jz_history *h;
    const jz_backtest_options *o;
    jz_calib_obs *all;
    int n_all;
    jz_workspace *w;
    jz_result *r;
    anchor A;
    int cap_points, no_history;
    jz_error *err;
} ctx;

int jz_bt_anchor_at(anchor *A, const jz_scenario *s, const jz_result *r, const jz_calib_obs *all, int n_all, int T);
/* The forecast of observation t from run r of s, started from A when not NULL. */
double jz_bt_forecast_of(const jz_scenario *s, const jz_result *r, const jz_calib_obs *t, const anchor *A);
/* Fit on the years up to T and project (backtest.c). */
int jz_bt_fit_and_project(ctx *X, int T, jz_calib **cal, jz_scenario **proj);
/* The statistics per series, horizon and method of b's points (bt_score.c). */
int jz_bt_score(jz_backtest *b, int maxh);
/* The relative variance of forecasts from the fit's parameter uncertainty (bt_ahead.c). */
int jz_bt_param_var(ctx *X, const jz_calib *c, const jz_scenario *proj, const jz_calib_obs *t, int n,
                    const double *f0, double *var);
/* The forecasts beyond the last observed year (bt_ahead.c). */
int jz_bt_forecast_ahead(jz_backtest *b, ctx *X);

#endif
