/*
 * backtest.c - how well would a fitted projection have done?  Fit on the
 * history up to a year, project the later observed years with the same
 * model, and score the errors per horizon (1, 2, 3 years ahead) next to
 * two naive forecasts on the same points: the last value carried forward
 * and a straight line through the fitted years (docs/calibration.md).
 *
 * Two modes for the instroom of the scored years: `projected` (the fitted
 * level and trend: a true forecast) and `observed` (the observed instroom
 * is put into the projection, so the score measures the duration and cost
 * side alone; instroom itself is then not scored).
 *
 * This file holds the options, the fit per origin year and jz_backtest_run;
 * bt_internal.h says where the projection, the scores and the forecasts
 * beyond the history are.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "analysis/bt_internal.h"
#include "jzsim/init.h"

void jz_backtest_options_default(jz_backtest_options *o)
{
    memset(o, 0, sizeof *o);
    jz_calib_options_default(&o->calib);
    o->max_horizon = 3;
    o->min_fit_years = 3;
    o->anchor = 1;
}

void jz_backtest_free(jz_backtest *b)
{
    if (!b)
        return;
    jz_calib_free(b->calib);
    free(b->points);
    free(b->stats);
    free(b->verdicts);
    free(b->ahead);
    for (int i = 0; i < b->n_warnings; i++)
        free(b->warnings[i]);
    free(b->warnings);
    free(b);
}

/* ---- one origin ------------------------------------------------------- */

/* The naive forecasts of observation a from the same series (cell,
 * series, half) up to T: the last value and a straight line. */
static int naive(const ctx *X, const jz_calib_obs *a, int T, double *last_out, double *trend_out)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0, last = NAN;
    int n = 0, last_year = 0;
    for (int j = 0; j < X->n_all; j++) {
        const jz_calib_obs *q = &X->all[j];
        if (q->g != a->g || q->z != a->z || q->series != a->series || q->half != a->half || q->year > T)
            continue;
        double x = q->year - T;
        sx += x;
        sy += q->observed;
        sxx += x * x;
        sxy += x * q->observed;
        n++;
        if (q->year > last_year) {
            last_year = q->year;
            last = q->observed;
        }
    }
    if (!n)
        return -1;
    double trend = last, den = n * sxx - sx * sx;
    if (n >= 2 && den > 0) {
        double slope = (n * sxy - sx * sy) / den, icpt = (sy - slope * sx) / n;
        trend = icpt + slope * (a->year - T);
    }
    *last_out = last;
    *trend_out = trend;
    return 0;
}

/* Fit on the years up to T and project: *cal the fit, proj its projection
 * run into X->r. */
int jz_bt_fit_and_project(ctx *X, int T, jz_calib **cal, jz_scenario **proj)
{
    jz_calib_options co = X->o->calib;
    co.until = T;
    co.instroom_observed = X->o->instroom_observed;
    *proj = NULL;
    if (!(*cal = jz_calibrate(X->s, X->h, &co, X->err)))
        return X->err->status;
    if (!(*proj = jz_scenario_copy((*cal)->fitted)))
        return jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (X->o->instroom_observed &&
        jz_calib_observed_instroom(*proj, X->w, X->r, X->all, X->n_all, T, X->err))
        return X->err->status;
    if (jz_model_run(*proj, X->w, X->r, X->err))
        return X->err->status;
    if (X->o->anchor && jz_bt_anchor_at(&X->A, *proj, X->r, X->all, X->n_all, T))
        return jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}

static int run_origin(jz_backtest *b, ctx *X, int T, jz_calib **keep)
{
    int first_point = b->n_points;
    const jz_backtest_options *o = X->o;
    jz_calib *c = NULL;
    jz_scenario *proj = NULL;
    int rc = jz_bt_fit_and_project(X, T, &c, &proj);
    for (int i = 0; rc == JZ_OK && i < X->n_all; i++) {
        const jz_calib_obs *a = &X->all[i];
        int hz = a->year - T;
        if (hz < 1 || hz > o->max_horizon)
            continue;
        if (o->instroom_observed && a->series == JZ_HS_INSTROOM)
            continue; /* put in, so not a forecast */
        double last, trend;
        if (naive(X, a, T, &last, &trend)) {
            X->no_history++;
            continue;
        }
        if (b->n_points == X->cap_points) {
            int nc = X->cap_points ? 2 * X->cap_points : 64;
            jz_bt_point *np = realloc(b->points, (size_t)nc * sizeof *np);
            if (!np) {
                rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
            b->points = np;
            X->cap_points = nc;
        }
        jz_bt_point *p = &b->points[b->n_points++];
        memset(p, 0, sizeof *p);
        p->g = a->g;
        p->z = a->z;
        p->series = a->series;
        p->year = a->year;
        p->half = a->half;
        p->horizon = hz;
        p->line = a->line;
        p->origin = T;
        p->observed = a->observed;
        p->forecast[JZ_BT_MODEL] = jz_bt_forecast_of(proj, X->r, a, o->anchor ? &X->A : NULL);
        p->forecast[JZ_BT_LAST] = last;
        p->forecast[JZ_BT_TREND] = trend;
    }
    /* the parameter uncertainty of each new point's forecast */
    int m = b->n_points - first_point;
    if (rc == JZ_OK && m > 0) {
        jz_calib_obs *t = calloc((size_t)m, sizeof *t);
        double *f0 = malloc((size_t)m * sizeof *f0), *var = malloc((size_t)m * sizeof *var);
        if (!t || !f0 || !var) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        } else {
            for (int i = 0; i < m; i++) {
                const jz_bt_point *q = &b->points[first_point + i];
                t[i].g = q->g;
                t[i].z = q->z;
                t[i].series = q->series;
                t[i].year = q->year;
                t[i].half = q->half;
                f0[i] = q->forecast[JZ_BT_MODEL];
            }
            rc = jz_bt_param_var(X, c, proj, t, m, f0, var);
            for (int i = 0; rc == JZ_OK && i < m; i++)
                b->points[first_point + i].param_var = var[i];
        }
        free(t);
        free(f0);
        free(var);
    }
    jz_scenario_free(proj);
    if (rc == JZ_OK) {
        jz_calib_free(*keep);
        *keep = c;
    } else {
        jz_calib_free(c);
    }
    return rc;
}

jz_backtest *jz_backtest_run(const jz_scenario *s, const jz_history *h, const jz_backtest_options *opt,
                             jz_error *err)
{
    jz_init();
    jz_error_clear(err);
    jz_backtest_options o;
    if (opt)
        o = *opt;
    else
        jz_backtest_options_default(&o);
    if (o.max_horizon < 1)
        o.max_horizon = 3;
    if (o.min_fit_years < 1)
        o.min_fit_years = 3;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten;
    jz_backtest *b = calloc(1, sizeof *b);
    int *rg = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rg);
    int *rz = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rz);
    ctx X;
    memset(&X, 0, sizeof X);
    X.s = s;
    X.h = h;
    X.o = &o;
    X.err = err;
    X.A.delta = malloc((size_t)G * (size_t)Z * sizeof *X.A.delta);
    X.w = jz_workspace_alloc(s);
    X.r = jz_result_alloc(s);
    if (!b || !rg || !rz || !X.A.delta || !X.w || !X.r) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    b->instroom_observed = o.instroom_observed;
    for (int i = 0; i < h->n_rows; i++)
        if (jz_calib_match_row(s, h, &h->rows[i], &rg[i], &rz[i], err))
            goto fail;
    if (jz_calib_collect(s, h, rg, rz, o.calib.from, 0, &X.all, &X.n_all, NULL, NULL, NULL, NULL, err))
        goto fail;
    int first = 0, last = 0;
    for (int i = 0; i < X.n_all; i++) {
        if (!first || X.all[i].year < first)
            first = X.all[i].year;
        if (X.all[i].year > last)
            last = X.all[i].year;
    }
    int T1 = o.fit_until ? o.fit_until : last - 1, T0 = T1;
    if (o.rolling)
        T0 = o.first_origin ? o.first_origin : first + o.min_fit_years - 1;
    if (T0 > T1)
        T0 = T1;
    b->fit_until = T1;
    b->first_origin = T0;
    int later = 0;
    for (int i = 0; i < X.n_all; i++)
        later += X.all[i].year > T0 && X.all[i].year - T1 <= o.max_horizon;
    if (!later || !T1) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                     "no observation after %d (within %d years) to score: choose an earlier "
                     "--fit-until, or a scenario whose years cover the later history",
                     T1, o.max_horizon);
        goto fail;
    }
    for (int T = T0; T <= T1; T++) {
        int later_T = 0;
        for (int i = 0; i < X.n_all; i++)
            later_T += X.all[i].year > T && X.all[i].year - T <= o.max_horizon;
        if (!later_T)
            continue;
        if (run_origin(b, &X, T, &b->calib))
            goto fail;
        b->n_origins++;
    }
    if (X.no_history)
        jz_calib_warn(&b->warnings, &b->n_warnings, &b->cap_warnings,
                      "%d later observation(s) have no value of the same series in the fitted years, "
                      "so no naive forecast: not scored", X.no_history);
    if (o.instroom_observed)
        jz_calib_warn(&b->warnings, &b->n_warnings, &b->cap_warnings,
                      "--instroom observed: the observed instroom of the fitted and the scored years was put "
                      "into the projection, so instroom itself is not scored");
    if (b->n_points == 0) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                     "nothing to score: every observation after %d lacks values of the same series "
                     "up to %d", T1, T1);
        goto fail;
    }
    if (jz_bt_score(b, o.max_horizon)) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if (o.ahead && jz_bt_forecast_ahead(b, &X))
        goto fail;
    free(rg);
    free(rz);
    free(X.all);
    free(X.A.delta);
    jz_workspace_free(X.w);
    jz_result_free(X.r);
    return b;
fail:
    free(rg);
    free(rz);
    free(X.all);
    free(X.A.delta);
    jz_workspace_free(X.w);
    jz_result_free(X.r);
    jz_backtest_free(b);
    return NULL;
}

