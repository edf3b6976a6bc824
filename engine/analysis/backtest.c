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
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/calib_internal.h"
#include "jzsim/init.h"

void jz_backtest_options_default(jz_backtest_options *o)
{
    memset(o, 0, sizeof *o);
    jz_calib_options_default(&o->calib);
    o->max_horizon = 3;
}

void jz_backtest_free(jz_backtest *b)
{
    if (!b)
        return;
    jz_calib_free(b->calib);
    free(b->points);
    free(b->stats);
    for (int i = 0; i < b->n_warnings; i++)
        free(b->warnings[i]);
    free(b->warnings);
    free(b);
}

/* Put the observed instroom of the years after `until` into s (a copy of
 * the fitted scenario): own cells get the external instroom that makes
 * their total instroom (external + transfers + re-entries) the observed
 * one; a gemeente total scales the cells without rows of their own.  A few
 * passes, because transfers depend on the instroom of the other cells. */
static int set_observed_instroom(jz_scenario *s, jz_workspace *w, jz_result *r,
                                 const jz_calib_obs *obs, int n, int until, jz_error *err)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    if (!own)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int i = 0; i < n; i++)
        if (obs[i].z >= 0 && obs[i].series == JZ_HS_INSTROOM)
            own[obs[i].g * Z + obs[i].z] = 1;
    int rc = JZ_OK;
    for (int pass = 0; pass < 4 && rc == JZ_OK; pass++) {
        if ((rc = jz_model_run(s, w, r, err)))
            break;
        for (int i = 0; i < n; i++) {
            const jz_calib_obs *o = &obs[i];
            int y = o->year - base;
            if (o->series != JZ_HS_INSTROOM || o->year <= until || y < 0 || y >= H)
                continue;
            if (o->z >= 0) {
                size_t ri = jz_result_cz(r, o->g, o->z, y);
                double other = r->instroom_transfer[ri] + r->instroom_reentry[ri];
                double ext = o->observed - other, now = r->instroom_ext[ri];
                jz_cell *c = &s->cells[(size_t)o->g * (size_t)Z + (size_t)o->z];
                if (ext < 0)
                    ext = 0;
                if (now > 0)
                    c->instroom[y] *= ext / now;
            } else {
                double own_in = 0.0, grp_in = 0.0, grp_ext = 0.0;
                for (int z = 0; z < Z; z++) {
                    size_t ri = jz_result_cz(r, o->g, z, y);
                    if (own[o->g * Z + z])
                        own_in += r->instroom[ri];
                    else {
                        grp_in += r->instroom[ri];
                        grp_ext += r->instroom_ext[ri];
                    }
                }
                double target_ext = grp_ext + (o->observed - own_in - grp_in);
                if (grp_ext > 0 && target_ext > 0)
                    for (int z = 0; z < Z; z++)
                        if (!own[o->g * Z + z])
                            s->cells[(size_t)o->g * (size_t)Z + (size_t)z].instroom[y] *= target_ext / grp_ext;
            }
        }
    }
    free(own);
    return rc;
}

static int add_stat(jz_backtest *b, int *cap, const jz_bt_stat *st)
{
    if (b->n_stats == *cap) {
        int nc = *cap ? *cap * 2 : 32;
        jz_bt_stat *a = realloc(b->stats, (size_t)nc * sizeof *a);
        if (!a)
            return JZ_ENOMEM;
        b->stats = a;
        *cap = nc;
    }
    b->stats[b->n_stats++] = *st;
    return JZ_OK;
}

static int score(jz_backtest *b, int maxh)
{
    int cap = 0;
    /* per cell, series, horizon and method */
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = b->points[j].g == p->g && b->points[j].z == p->z && b->points[j].series == p->series &&
                   b->points[j].horizon == p->horizon;
        if (seen)
            continue;
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {p->g, p->z, p->series, p->horizon, m, 0, 0, 0, 0};
            int nape = 0;
            for (int j = i; j < b->n_points; j++) {
                const jz_bt_point *q = &b->points[j];
                if (q->g != p->g || q->z != p->z || q->series != p->series || q->horizon != p->horizon)
                    continue;
                double e = q->forecast[m] - q->observed;
                st.n++;
                st.me += e;
                st.mae += fabs(e);
                if (q->observed != 0) {
                    st.mape += fabs(e / q->observed);
                    nape++;
                }
            }
            st.me /= st.n;
            st.mae /= st.n;
            st.mape = nape ? 100.0 * st.mape / nape : NAN;
            if (add_stat(b, &cap, &st))
                return JZ_ENOMEM;
        }
    }
    /* pooled over every series: MAPE only (the units differ) */
    for (int h = 1; h <= maxh; h++)
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {-1, -1, -1, h, m, 0, NAN, NAN, 0};
            int nape = 0;
            for (int j = 0; j < b->n_points; j++) {
                const jz_bt_point *q = &b->points[j];
                if (q->horizon != h)
                    continue;
                st.n++;
                if (q->observed != 0) {
                    st.mape += fabs((q->forecast[m] - q->observed) / q->observed);
                    nape++;
                }
            }
            if (!st.n)
                continue;
            st.mape = nape ? 100.0 * st.mape / nape : NAN;
            if (add_stat(b, &cap, &st))
                return JZ_ENOMEM;
        }
    return JZ_OK;
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
    o.calib.until = o.fit_until;
    const int H = s->meta.horizon, base = s->meta.base_year;
    jz_backtest *b = calloc(1, sizeof *b);
    int *rg = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rg);
    int *rz = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rz);
    jz_calib_obs *all = NULL;
    jz_scenario *proj = NULL;
    jz_workspace *w = NULL;
    jz_result *r = NULL;
    int n_all = 0;
    if (!b || !rg || !rz) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    b->fit_until = o.fit_until;
    b->instroom_observed = o.instroom_observed;
    for (int i = 0; i < h->n_rows; i++)
        if (jz_calib_match_row(s, h, &h->rows[i], &rg[i], &rz[i], err))
            goto fail;
    if (jz_calib_collect(s, h, rg, rz, o.calib.from, 0, &all, &n_all, NULL, NULL, NULL, NULL, err))
        goto fail;
    int later = 0;
    for (int i = 0; i < n_all; i++)
        later += all[i].year > o.fit_until && all[i].year - o.fit_until <= o.max_horizon;
    if (!later) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                     "no observation after %d (within %d years) to score: choose an earlier "
                     "--fit-until, or a scenario whose years cover the later history",
                     o.fit_until, o.max_horizon);
        goto fail;
    }
    if (!(b->calib = jz_calibrate(s, h, &o.calib, err)))
        goto fail;
    if (!(proj = jz_scenario_copy(b->calib->fitted)) || !(w = jz_workspace_alloc(s)) ||
        !(r = jz_result_alloc(s))) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if (o.instroom_observed) {
        if (set_observed_instroom(proj, w, r, all, n_all, o.fit_until, err))
            goto fail;
    }
    if (jz_model_run(proj, w, r, err))
        goto fail;

    b->points = calloc((size_t)later, sizeof *b->points);
    if (!b->points) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    int no_history = 0;
    for (int i = 0; i < n_all; i++) {
        const jz_calib_obs *a = &all[i];
        int hz = a->year - o.fit_until;
        if (hz < 1 || hz > o.max_horizon)
            continue;
        if (o.instroom_observed && a->series == JZ_HS_INSTROOM)
            continue; /* put in, so not a forecast */
        /* the naive forecasts: from this series' values in the fitted years */
        double sx = 0, sy = 0, sxx = 0, sxy = 0, last = NAN;
        int n = 0, last_year = 0;
        for (int j = 0; j < n_all; j++) {
            const jz_calib_obs *q = &all[j];
            if (q->g != a->g || q->z != a->z || q->series != a->series || q->year > o.fit_until)
                continue;
            double x = q->year - o.fit_until;
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
        if (!n) {
            no_history++;
            continue;
        }
        double trend = last;
        double den = n * sxx - sx * sx;
        if (n >= 2 && den > 0) {
            double slope = (n * sxy - sx * sy) / den, icpt = (sy - slope * sx) / n;
            trend = icpt + slope * hz;
        }
        jz_bt_point *p = &b->points[b->n_points++];
        p->g = a->g;
        p->z = a->z;
        p->series = a->series;
        p->year = a->year;
        p->horizon = hz;
        p->line = a->line;
        p->observed = a->observed;
        p->forecast[JZ_BT_MODEL] = jz_calib_model_value(proj, r, a->series, a->g, a->z, a->year - base);
        p->forecast[JZ_BT_LAST] = last;
        p->forecast[JZ_BT_TREND] = trend;
    }
    (void)H;
    if (no_history)
        jz_calib_warn(&b->warnings, &b->n_warnings, &b->cap_warnings,
                      "%d later observation(s) have no value of the same series in the fitted years, "
                      "so no naive forecast: not scored", no_history);
    if (o.instroom_observed)
        jz_calib_warn(&b->warnings, &b->n_warnings, &b->cap_warnings,
                      "--instroom observed: the observed instroom of the scored years was put into the "
                      "projection, so instroom itself is not scored");
    if (b->n_points == 0) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                     "nothing to score: every observation after %d lacks values of the same series "
                     "up to %d", o.fit_until, o.fit_until);
        goto fail;
    }
    if (score(b, o.max_horizon)) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    free(rg);
    free(rz);
    free(all);
    jz_scenario_free(proj);
    jz_workspace_free(w);
    jz_result_free(r);
    return b;
fail:
    free(rg);
    free(rz);
    free(all);
    jz_scenario_free(proj);
    jz_workspace_free(w);
    jz_result_free(r);
    jz_backtest_free(b);
    return NULL;
}
