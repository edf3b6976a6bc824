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

#include <gsl/gsl_cdf.h>

#include "analysis/calib_internal.h"
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

/* Put the observed instroom of the years after `until` into s (a copy of
 * the fitted scenario): own cells get the external instroom that makes
 * their total instroom (external + transfers + re-entries) the observed
 * one; a gemeente total scales the cells without rows of their own.  A few
 * passes, because transfers depend on the instroom of the other cells.
 * Years after a cell's last observed instroom keep the scenario's course
 * times that year's factor. */
int jz_calib_observed_instroom(jz_scenario *s, jz_workspace *w, jz_result *r, const jz_calib_obs *obs, int n,
                               int until, jz_error *err)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    const size_t GZ = (size_t)G * (size_t)Z;
    unsigned char *own = calloc(GZ, 1);
    int *last = malloc(GZ * sizeof *last); /* the last year index set from an observation, -1: none */
    double *orig = malloc(GZ * (size_t)H * sizeof *orig);
    if (!own || !last || !orig) {
        free(own);
        free(last);
        free(orig);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t ci = 0; ci < GZ; ci++) {
        last[ci] = -1;
        memcpy(orig + ci * (size_t)H, s->cells[ci].instroom, (size_t)H * sizeof *orig);
    }
    for (int i = 0; i < n; i++)
        if (obs[i].z >= 0 && obs[i].series == JZ_HS_INSTROOM)
            own[obs[i].g * Z + obs[i].z] = 1;
    int rc = JZ_OK;
    for (int pass = 0; pass < 12 && rc == JZ_OK; pass++) {
        if ((rc = jz_model_run(s, w, r, err)))
            break;
        for (int i = 0; i < n; i++) {
            const jz_calib_obs *o = &obs[i];
            int y = o->year - base;
            if (o->series != JZ_HS_INSTROOM || o->half || o->year <= until || y < 0 || y >= H)
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
                size_t ci = (size_t)o->g * (size_t)Z + (size_t)o->z;
                if (y > last[ci])
                    last[ci] = y;
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
                        if (!own[o->g * Z + z]) {
                            size_t ci = (size_t)o->g * (size_t)Z + (size_t)z;
                            s->cells[ci].instroom[y] *= target_ext / grp_ext;
                            if (y > last[ci])
                                last[ci] = y;
                        }
            }
        }
    }
    /* the years after the last observed one continue from its level (the
     * scenario's own course times the last year's factor), not back at
     * the scenario's level */
    for (size_t ci = 0; rc == JZ_OK && ci < GZ; ci++) {
        int ly = last[ci];
        double o0 = ly >= 0 ? orig[ci * (size_t)H + (size_t)ly] : 0.0;
        if (ly < 0 || !(o0 > 0.0))
            continue;
        double f = s->cells[ci].instroom[ly] / o0;
        for (int y = ly + 1; y < H; y++)
            s->cells[ci].instroom[y] = orig[ci * (size_t)H + (size_t)y] * f;
    }
    free(own);
    free(last);
    free(orig);
    return rc;
}


/* ---- starting from the last observed stock ----------------------------- *
 * The fitted run ends year T with a stock that differs from the observed
 * one by delta.  Those extra (or missing) clients are in care like the
 * others: with the model's Erlang-k duration of mean D, a client in care
 * at T is still in care t months later with probability
 *   R(t) = (1/k) sum_{i<k} P(Poisson(k t / D) <= i)
 * (the stationary residual time of an Erlang-k).  So the forecast of the
 * end stock h years on gets delta R(12h), the exits of that year
 * delta (R(12(h-1)) - R(12h)), the unique clients delta R(12(h-1)), the
 * client-years about delta (R(12(h-1)) + R(12h)) / 2 and the cost the
 * client-years' share of it.  A gemeente total observed without its
 * zorgsoorten spreads its delta over them by their end stock. */

static double resid_surv(double t, double D, int k)
{
    if (t <= 0.0)
        return 1.0;
    if (!(D > 0.0) || k < 1)
        return 0.0;
    double x = k * t / D, sum = 0.0;
    for (int i = 0; i < k; i++)
        sum += gsl_cdf_poisson_P((unsigned)i, x);
    return sum / k;
}

typedef struct anchor {
    int T;
    double *delta; /* [G*Z] */
} anchor;

static int anchor_at(anchor *A, const jz_scenario *s, const jz_result *r, const jz_calib_obs *all, int n_all, int T)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, y = T - s->meta.base_year;
    A->T = T;
    memset(A->delta, 0, (size_t)G * (size_t)Z * sizeof *A->delta);
    if (y < 0 || y >= s->meta.horizon)
        return 0;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    if (!own)
        return -1;
    for (int i = 0; i < n_all; i++) {
        const jz_calib_obs *o = &all[i];
        if (o->series != JZ_HS_END || o->year != T || o->half || o->z < 0 || !isfinite(o->scale))
            continue;
        A->delta[o->g * Z + o->z] = o->observed - r->end[jz_result_cz(r, o->g, o->z, y)];
        own[o->g * Z + o->z] = 1;
    }
    for (int i = 0; i < n_all; i++) {
        const jz_calib_obs *o = &all[i];
        if (o->series != JZ_HS_END || o->year != T || o->half || o->z >= 0 || !isfinite(o->scale))
            continue;
        double rest = o->observed, stock = 0.0;
        for (int z = 0; z < Z; z++) {
            double e = r->end[jz_result_cz(r, o->g, z, y)];
            rest -= own[o->g * Z + z] ? e + A->delta[o->g * Z + z] : e;
            stock += own[o->g * Z + z] ? 0.0 : e;
        }
        if (stock > 0.0)
            for (int z = 0; z < Z; z++)
                if (!own[o->g * Z + z])
                    A->delta[o->g * Z + z] = rest * r->end[jz_result_cz(r, o->g, z, y)] / stock;
    }
    free(own);
    return 0;
}

/* The correction of one cell's series in year T + h (half: 0, 1, 2). */
static double cell_shift(const jz_scenario *s, int g, int z, int series, int h, int half, double delta, int T)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    int y = T + 1 - s->meta.base_year;
    if (y >= H)
        y = H - 1;
    double D = s->cells[(size_t)g * (size_t)Z + (size_t)z].zorgduur[y < 0 ? 0 : y];
    int k = s->zorgsoorten[z].stages;
    double a = resid_surv(12.0 * (h - 1), D, k), b = resid_surv(12.0 * h, D, k),
           m = resid_surv(12.0 * h - 6.0, D, k);
    switch (series) {
    case JZ_HS_END: return delta * (half ? m : b);
    case JZ_HS_UNIQUE: return half ? 0.0 : delta * a;
    case JZ_HS_UITSTROOM: return delta * (half == 1 ? a - m : half == 2 ? m - b : a - b);
    case JZ_HS_CLIENT_YEARS:
        return delta * (half == 1 ? 0.25 * (a + m) : half == 2 ? 0.25 * (m + b) : 0.5 * (a + b));
    default: return 0.0;
    }
}

/* The forecast of observation `t` from run r of s, started from the
 * anchor (NULL: the run as it is). */
static double forecast_of(const jz_scenario *s, const jz_result *r, const jz_calib_obs *t, const anchor *A)
{
    double m = jz_calib_obs_value(s, r, t);
    if (!A)
        return m;
    const int Z = s->n_zorgsoorten, h = t->year - A->T;
    int series = t->series == JZ_HS_COST ? JZ_HS_CLIENT_YEARS : t->series;
    double shift = 0.0;
    for (int z = 0; z < Z; z++)
        if (t->z < 0 || t->z == z)
            shift += cell_shift(s, t->g, z, series, h, t->half, A->delta[t->g * Z + z], A->T);
    if (t->series == JZ_HS_COST) {
        jz_calib_obs cy = *t;
        cy.series = JZ_HS_CLIENT_YEARS;
        double base = jz_calib_obs_value(s, r, &cy);
        return base > 0.0 ? m * (1.0 + shift / base) : m;
    }
    return m + shift;
}

/* ---- scoring ------------------------------------------------------------ */

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

/* The empirical interval of the model's relative errors of the points of
 * one series and horizon (idx[0..n)): rms, the 95% half-width and the
 * leave-one-out coverage (the share of points inside the interval made
 * from the others). */
static void interval(const jz_backtest *b, const int *idx, int n, jz_bt_stat *st, int *covered, int *counted)
{
    st->rel_rms = st->half95 = st->coverage = st->noise_var = NAN;
    double ss = 0.0, pv = 0.0;
    int m = 0;
    for (int i = 0; i < n; i++) {
        const jz_bt_point *q = &b->points[idx[i]];
        if (q->observed == 0.0)
            continue;
        double e = q->forecast[JZ_BT_MODEL] / q->observed - 1.0;
        ss += e * e;
        pv += q->param_var;
        m++;
    }
    if (m < 2)
        return;
    st->rel_rms = sqrt(ss / m);
    st->noise_var = ss > pv ? (ss - pv) / m : 0.0;
    st->half95 = gsl_cdf_tdist_Pinv(0.975, m - 1) * st->rel_rms * sqrt(1.0 + 1.0 / m);
    if (m < 3)
        return;
    int in = 0;
    for (int i = 0; i < n; i++) {
        const jz_bt_point *q = &b->points[idx[i]];
        if (q->observed == 0.0)
            continue;
        double e = q->forecast[JZ_BT_MODEL] / q->observed - 1.0;
        double r = sqrt((ss - e * e) / (m - 1));
        double hw = gsl_cdf_tdist_Pinv(0.975, m - 2) * r * sqrt(1.0 + 1.0 / (m - 1));
        in += fabs(e) <= hw;
    }
    st->coverage = (double)in / m;
    *covered += in;
    *counted += m;
}

static int score(jz_backtest *b, int maxh)
{
    int cap = 0, covered = 0, counted = 0;
    int *idx = malloc((size_t)(b->n_points ? b->n_points : 1) * sizeof *idx);
    if (!idx)
        return JZ_ENOMEM;
    /* per cell, series, horizon and method, over every origin */
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = b->points[j].g == p->g && b->points[j].z == p->z && b->points[j].series == p->series &&
                   b->points[j].horizon == p->horizon;
        if (seen)
            continue;
        int n = 0;
        for (int j = i; j < b->n_points; j++) {
            const jz_bt_point *q = &b->points[j];
            if (q->g == p->g && q->z == p->z && q->series == p->series && q->horizon == p->horizon)
                idx[n++] = j;
        }
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {p->g, p->z, p->series, p->horizon, m, 0, 0, 0, 0, NAN, NAN, NAN, NAN};
            int nape = 0;
            for (int k = 0; k < n; k++) {
                const jz_bt_point *q = &b->points[idx[k]];
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
            if (m == JZ_BT_MODEL)
                interval(b, idx, n, &st, &covered, &counted);
            if (add_stat(b, &cap, &st)) {
                free(idx);
                return JZ_ENOMEM;
            }
        }
    }
    free(idx);
    b->coverage = counted ? (double)covered / counted : NAN;
    b->n_covered = counted;
    /* pooled over every series: MAPE only (the units differ) */
    for (int h = 1; h <= maxh; h++)
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {-1, -1, -1, h, m, 0, NAN, NAN, 0, NAN, NAN, NAN, NAN};
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
    /* one verdict per series over every origin and horizon */
    b->verdicts = calloc(b->n_points > 0 ? (size_t)b->n_points : 1u, sizeof *b->verdicts);
    if (!b->verdicts)
        return JZ_ENOMEM;
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        int k = 0;
        while (k < b->n_verdicts && !(b->verdicts[k].g == p->g && b->verdicts[k].z == p->z &&
                                      b->verdicts[k].series == p->series))
            k++;
        if (k < b->n_verdicts)
            continue;
        jz_bt_verdict *v = &b->verdicts[b->n_verdicts++];
        v->g = p->g;
        v->z = p->z;
        v->series = p->series;
        int nape = 0, last_origin = -1;
        double sum[JZ_BT_METHODS] = {0};
        for (int j = i; j < b->n_points; j++) {
            const jz_bt_point *q = &b->points[j];
            if (q->g != p->g || q->z != p->z || q->series != p->series)
                continue;
            v->n++;
            if (q->origin != last_origin) {
                int seen = 0;
                for (int t = i; t < j && !seen; t++)
                    seen = b->points[t].origin == q->origin && b->points[t].g == p->g && b->points[t].z == p->z &&
                           b->points[t].series == p->series;
                v->n_origins += !seen;
                last_origin = q->origin;
            }
            if (q->observed != 0) {
                for (int m = 0; m < JZ_BT_METHODS; m++)
                    sum[m] += fabs((q->forecast[m] - q->observed) / q->observed);
                nape++;
            }
        }
        for (int m = 0; m < JZ_BT_METHODS; m++)
            v->mape[m] = nape ? 100.0 * sum[m] / nape : NAN;
    }
    return JZ_OK;
}

/* ---- one origin ------------------------------------------------------- */

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
static int fit_and_project(ctx *X, int T, jz_calib **cal, jz_scenario **proj)
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
    if (X->o->anchor && anchor_at(&X->A, *proj, X->r, X->all, X->n_all, T))
        return jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}

static int param_var(ctx *X, const jz_calib *c, const jz_scenario *proj, const jz_calib_obs *t, int n,
                     const double *f0, double *var);

static int run_origin(jz_backtest *b, ctx *X, int T, jz_calib **keep)
{
    int first_point = b->n_points;
    const jz_backtest_options *o = X->o;
    jz_calib *c = NULL;
    jz_scenario *proj = NULL;
    int rc = fit_and_project(X, T, &c, &proj);
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
        p->forecast[JZ_BT_MODEL] = forecast_of(proj, X->r, a, o->anchor ? &X->A : NULL);
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
            rc = param_var(X, c, proj, t, m, f0, var);
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

/* ---- beyond the history ------------------------------------------------- */

static const jz_bt_stat *stat_of(const jz_backtest *b, int g, int z, int series, int h)
{
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->g == g && st->z == z && st->series == series && st->horizon == h && st->method == JZ_BT_MODEL)
            return st;
    }
    return NULL;
}

/* Parameter j of c moved by one standard error in scenario p (a copy of
 * c->fitted): the cells of its unit (own: cells with rows of their own). */
static void perturb(jz_scenario *p, const jz_calib *c, const jz_calib_param *q, const unsigned char *own)
{
    const int Z = p->n_zorgsoorten, H = p->meta.horizon, base = p->meta.base_year;
    double f = exp(q->theta_se);
    for (int z = 0; z < Z; z++) {
        if (q->z >= 0 ? z != q->z : own[q->g * Z + z])
            continue;
        jz_cell *cl = &p->cells[(size_t)q->g * (size_t)Z + (size_t)z];
        for (int y = 0; y < H; y++) {
            switch (q->kind) {
            case JZ_PK_INSTROOM: cl->instroom[y] *= f; break;
            case JZ_PK_COST: cl->cost[y] *= f; break;
            case JZ_PK_ZORGDUUR: cl->zorgduur[y] *= f; break;
            case JZ_PK_DUUR_TREND: cl->zorgduur[y] *= pow((1.0 + q->theta + q->theta_se) / (1.0 + q->theta), y); break;
            case JZ_PK_DUUR_BREAK: if (y + base >= q->year) cl->zorgduur[y] *= f; break;
            case JZ_PK_INSTROOM_BREAK: if (y + base >= q->year) cl->instroom[y] *= f; break;
            case JZ_PK_TREND: if (y) cl->instroom_trend[y] += q->theta_se; break;
            case JZ_PK_INTENSITY: if (y) cl->intensity_trend[y] += q->theta_se; break;
            case JZ_PK_START: if (!y) cl->start *= f; break;
            default: break;
            }
        }
    }
    (void)c;
}

/* The relative variance of the forecasts of targets t[0..n) (from run r
 * of proj, anchored at A) from the parameter uncertainty of fit c: each
 * fitted parameter moved by its standard error gives the change d_k, and
 * var = sum_kl d_k d_l corr_kl.  var[i] gets it; X->r is overwritten. */
static int param_var(ctx *X, const jz_calib *c, const jz_scenario *proj, const jz_calib_obs *t, int n,
                     const double *f0, double *var)
{
    const jz_scenario *s = X->s;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, np = c->n_params;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    double *d = calloc((size_t)np * (size_t)(n ? n : 1), sizeof *d);
    anchor A2 = {0, malloc((size_t)G * (size_t)Z * sizeof(double))};
    jz_scenario *pert = NULL;
    int rc = JZ_OK;
    if (!own || !d || !A2.delta) {
        rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (int i = 0; i < c->n_obs; i++)
        if (c->obs[i].z >= 0)
            own[c->obs[i].g * Z + c->obs[i].z] = 1;
    for (int j = 0; j < np; j++) {
        const jz_calib_param *q = &c->params[j];
        if (!q->fitted || !isfinite(q->theta_se) || !c->corr)
            continue;
        jz_scenario_free(pert);
        if (!(pert = jz_scenario_copy(proj))) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        perturb(pert, c, q, own);
        if ((rc = jz_model_run(pert, X->w, X->r, X->err)))
            break;
        if (X->o->anchor && anchor_at(&A2, pert, X->r, X->all, X->n_all, X->A.T)) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        for (int i = 0; i < n; i++)
            d[(size_t)j * (size_t)n + (size_t)i] =
                f0[i] != 0.0 ? forecast_of(pert, X->r, &t[i], X->o->anchor ? &A2 : NULL) / f0[i] - 1.0 : 0.0;
    }
    for (int i = 0; rc == JZ_OK && i < n; i++) {
        double v = 0.0;
        for (int a = 0; a < np; a++)
            for (int b = 0; b < np; b++)
                if (c->corr)
                    v += d[(size_t)a * (size_t)n + (size_t)i] * d[(size_t)b * (size_t)n + (size_t)i] *
                         c->corr[(size_t)a * (size_t)np + (size_t)b];
        var[i] = v > 0.0 ? v : 0.0;
    }
done:
    jz_scenario_free(pert);
    free(own);
    free(d);
    free(A2.delta);
    return rc;
}

static int forecast_ahead(jz_backtest *b, ctx *X)
{
    const jz_scenario *s = X->s;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    int L = 0;
    for (int i = 0; i < X->n_all; i++)
        if (X->all[i].year > L)
            L = X->all[i].year;
    jz_calib *c = NULL;
    jz_scenario *proj = NULL;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    double *fc = NULL;
    int rc = own ? fit_and_project(X, L, &c, &proj)
                 : jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int cap = b->n_verdicts * X->o->max_horizon;
    if (rc == JZ_OK && (!(b->ahead = calloc((size_t)(cap ? cap : 1), sizeof *b->ahead)) ||
                        !(fc = calloc((size_t)(cap ? cap : 1), sizeof *fc))))
        rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int v = 0; rc == JZ_OK && v < b->n_verdicts; v++)
        for (int h = 1; h <= X->o->max_horizon; h++) {
            const jz_bt_verdict *vd = &b->verdicts[v];
            const jz_bt_stat *st = stat_of(b, vd->g, vd->z, vd->series, h);
            if (L + h - base >= H || !st || !isfinite(st->half95) || st->half95 >= 1.0)
                continue;
            jz_calib_obs t = {0};
            t.g = vd->g;
            t.z = vd->z;
            t.series = vd->series;
            t.year = L + h;
            jz_bt_ahead *a = &b->ahead[b->n_ahead++];
            a->g = t.g;
            a->z = t.z;
            a->series = t.series;
            a->year = t.year;
            a->horizon = h;
            a->forecast = forecast_of(proj, X->r, &t, X->o->anchor ? &X->A : NULL);
            a->lo = a->forecast / (1.0 + st->half95);
            a->hi = a->forecast / (1.0 - st->half95);
        }
    /* the parameter uncertainty of this fit's forecasts */
    if (rc == JZ_OK && b->n_ahead > 0) {
        jz_calib_obs *t = calloc((size_t)b->n_ahead, sizeof *t);
        double *f0 = malloc((size_t)b->n_ahead * sizeof *f0);
        if (!t || !f0) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        } else {
            for (int k = 0; k < b->n_ahead; k++) {
                t[k].g = b->ahead[k].g;
                t[k].z = b->ahead[k].z;
                t[k].series = b->ahead[k].series;
                t[k].year = b->ahead[k].year;
                f0[k] = b->ahead[k].forecast;
            }
            rc = param_var(X, c, proj, t, b->n_ahead, f0, fc);
        }
        free(t);
        free(f0);
    }
    for (int k = 0; rc == JZ_OK && k < b->n_ahead; k++) {
        jz_bt_ahead *a = &b->ahead[k];
        const jz_bt_stat *st = stat_of(b, a->g, a->z, a->series, a->horizon);
        int m = st->n;
        double hw = gsl_cdf_tdist_Pinv(0.975, m - 1) * sqrt((st->noise_var + fc[k]) * (1.0 + 1.0 / m));
        a->lo_comb = a->forecast / (1.0 + hw);
        a->hi_comb = hw < 1.0 ? a->forecast / (1.0 - hw) : INFINITY;
    }
    free(own);
    free(fc);
    jz_scenario_free(proj);
    jz_calib_free(c);
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
    if (score(b, o.max_horizon)) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if (o.ahead && forecast_ahead(b, &X))
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
