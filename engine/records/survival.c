/*
 * survival.c - how long care lasts, from the dates themselves.
 *
 * Every trajectory is a duration T (days from the start to the last day in
 * care) observed under two distortions:
 *   - right-censoring: a trajectory still running at the export date E only
 *     tells T >= E - start + 1;
 *   - left-truncation: the administration begins at W, so a trajectory that
 *     started before W is in the file only because it lasted until W:
 *     it tells T >= W - start, and those that ended before W are missing.
 * Dates are whole days, so an ended trajectory tells T in [x, x + 1) with
 * x = end - start.  The likelihood of one trajectory is therefore
 *   ended:    (S(x) - S(x+1)) / S(e)      running:  S(x+1) / S(e)
 * with e = max(0, W - start).  Because it depends on the days only, the
 * trajectories are first counted per day (events at x, censorings at x+1,
 * entries at e): a likelihood costs one S per distinct day, however many
 * rows there are.
 *
 * Models (times in days inside, months outside):
 *   - Erlang-k (k = 1..JZ_RECORDS_MAX_K), mean D: S(t) = Q(k, k t / D),
 *     gsl_sf_gamma_inc_Q; the chain of the model with `stages: k`;
 *   - gamma with free shape a (the Erlang family made continuous), for a
 *     standard error of the shape;
 *   - two exponential branches: S(t) = p e^{-t/D1} + (1 - p) e^{-t/D2}
 *     (short and long stayers).
 * Each is fitted by maximum likelihood with gsl_multimin (Nelder-Mead
 * simplex, on log / logit parameters), and its standard errors come from
 * the inverse of the numerical Hessian of -log L at the optimum (delta
 * method for the mean).  The Kaplan-Meier curve handles truncation through
 * its risk set (entered by u, not yet left), with Greenwood's variance.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_gamma.h>

#include "records/internal.h"

/* Counts per day offset for one zorgsoort. */
typedef struct daydata {
    int maxd;          /* largest day index used (arrays have maxd + 2 entries) */
    double *ev, *ce, *en; /* events at x, censorings needing S(x+1) at x+1, entries at e */
    int n_pts;
    int *pts;          /* days where S is needed, ascending */
    double *S, *F;     /* [maxd + 2] S and 1 - S at the needed days */
    double D0;         /* exposure / events: the exponential MLE, a start value */
} daydata;

static void daydata_free(daydata *dd)
{
    free(dd->ev);
    free(dd->ce);
    free(dd->en);
    free(dd->pts);
    free(dd->S);
    free(dd->F);
}

static int daydata_build(const jz_records *r, int z, daydata *dd, jz_duration *d)
{
    memset(dd, 0, sizeof *dd);
    const int W = r->window_start, E = r->export_date;
    int maxd = 0;
    for (int i = 0; i < r->n; i++) {
        const jz_trajectory *t = &r->t[i];
        if (z >= 0 && t->z != z)
            continue;
        int x = (t->end == JZ_DAY_UNSET ? E : t->end) - t->start;
        maxd = x > maxd ? x : maxd;
    }
    dd->maxd = maxd + 1;
    size_t n = (size_t)dd->maxd + 2;
    dd->ev = calloc(n, sizeof *dd->ev);
    dd->ce = calloc(n, sizeof *dd->ce);
    dd->en = calloc(n, sizeof *dd->en);
    dd->S = calloc(n, sizeof *dd->S);
    dd->F = calloc(n, sizeof *dd->F);
    dd->pts = malloc(n * sizeof *dd->pts);
    if (!dd->ev || !dd->ce || !dd->en || !dd->S || !dd->F || !dd->pts)
        return JZ_ENOMEM;
    double exposure = 0, naive = 0, n_naive = 0;
    for (int i = 0; i < r->n; i++) {
        const jz_trajectory *t = &r->t[i];
        if (z >= 0 && t->z != z)
            continue;
        int e = t->start < W ? W - t->start : 0;
        d->n++;
        if (e > 0) {
            d->truncated++;
            dd->en[e] += 1;
        }
        if (t->end == JZ_DAY_UNSET) {
            int x = E - t->start;
            dd->ce[x + 1] += 1;
            d->censored++;
            exposure += x + 1 - e;
        } else {
            int x = t->end - t->start;
            dd->ev[x] += 1;
            d->events++;
            exposure += x + 0.5 - e;
            if (e == 0) { /* what a count by hand gives: ended, started in the window */
                naive += x + 0.5;
                n_naive++;
            }
        }
    }
    d->naive_mean = n_naive ? naive / n_naive / JZ_DAYS_PER_MONTH : NAN;
    dd->D0 = d->events ? exposure / d->events : 1.0;
    if (dd->D0 < 1)
        dd->D0 = 1;
    for (int k = 0; k <= dd->maxd + 1; k++)
        if (dd->ev[k] || (k > 0 && dd->ev[k - 1]) || dd->ce[k] || dd->en[k])
            dd->pts[dd->n_pts++] = k;
    return JZ_OK;
}

/* ---- models ------------------------------------------------------------- */

enum { M_ERLANG, M_GAMMA, M_MIX };

typedef struct model {
    int kind, k;
    daydata *dd;
    int evals;
} model;

/* S(t) and F(t) = 1 - S(t) for the model at parameters th; t in days.
 * Each is computed directly where it is the smaller of the two, so that
 * an interval probability S(d) - S(d+1) = F(d+1) - F(d) keeps its
 * relative precision at both ends (an Erlang-8 has F(1 day) ~ 1e-20). */
static void surv2(int kind, int k, const double *th, double t, double *S, double *F)
{
    if (t <= 0) {
        *S = 1.0;
        *F = 0.0;
        return;
    }
    if (kind == M_MIX) {
        double p = 1.0 / (1.0 + exp(-th[0])), e[2], f[2], x[2] = {t / exp(th[1]), t / exp(th[2])};
        for (int b = 0; b < 2; b++) { /* one exp per branch, each part to full precision */
            if (x[b] < 0.7) {
                f[b] = -expm1(-x[b]);
                e[b] = 1 - f[b];
            } else {
                e[b] = exp(-x[b]);
                f[b] = 1 - e[b];
            }
        }
        *S = p * e[0] + (1 - p) * e[1];
        *F = p * f[0] + (1 - p) * f[1];
        return;
    }
    double D = exp(th[0]), a = kind == M_ERLANG ? k : exp(th[1]), x = a * t / D;
    if (kind == M_ERLANG) {
        /* whole k: Q(k, x) = e^-x sum_{j<k} x^j / j! and P(k, x) = e^-x
         * sum_{j>=k} x^j / j!, the Erlang chain's survival and its
         * complement; the same as gsl_sf_gamma_inc_Q / _P (tested), ~10x cheaper */
        double term = exp(-x), sum = 0;
        int j = 0;
        for (; j < k; j++) {
            sum += term;
            term *= x / (j + 1);
        }
        if (x >= k) {
            *S = sum;
            *F = 1 - sum;
        } else {
            double tail = 0;
            for (; j < k + 200 && term > 1e-18 * tail; j++) {
                tail += term;
                term *= x / (j + 1);
            }
            *F = tail;
            *S = 1 - tail;
        }
        return;
    }
    gsl_sf_result res;
    if (x >= a) {
        *S = gsl_sf_gamma_inc_Q_e(a, x, &res) == GSL_SUCCESS ? res.val : NAN;
        *F = 1 - *S;
    } else {
        *F = gsl_sf_gamma_inc_P_e(a, x, &res) == GSL_SUCCESS ? res.val : NAN;
        *S = 1 - *F;
    }
}

static double surv(int kind, int k, const double *th, double t)
{
    double S, F;
    surv2(kind, k, th, t, &S, &F);
    return S;
}

static double negloglik(const gsl_vector *v, void *ctx)
{
    model *m = ctx;
    daydata *dd = m->dd;
    m->evals++;
    double th[3];
    for (size_t i = 0; i < v->size; i++) {
        th[i] = gsl_vector_get(v, i);
        if (!isfinite(th[i]) || fabs(th[i]) > 30)
            return 1e300;
    }
    for (int i = 0; i < dd->n_pts; i++)
        surv2(m->kind, m->k, th, dd->pts[i], &dd->S[dd->pts[i]], &dd->F[dd->pts[i]]);
    double ll = 0;
    for (int i = 0; i < dd->n_pts; i++) {
        int t = dd->pts[i];
        if (dd->ev[t]) {
            double p = dd->S[t] < 0.5 ? dd->S[t] - dd->S[t + 1] : dd->F[t + 1] - dd->F[t];
            if (!(p > 0))
                return 1e300;
            ll += dd->ev[t] * log(p);
        }
        if (dd->ce[t] || dd->en[t]) {
            double s = dd->S[t];
            if (!(s > 0))
                return 1e300;
            ll += (dd->ce[t] - dd->en[t]) * log(s);
        }
    }
    return isfinite(ll) ? -ll : 1e300;
}

/* Minimise -log L from th (n parameters) with the simplex; th holds the
 * optimum after. */
static int minimise(model *m, double *th, int n, double step0, double tol, double *fmin, int *iters)
{
    const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
    gsl_multimin_fminimizer *s = gsl_multimin_fminimizer_alloc(T, (size_t)n);
    gsl_vector *x = gsl_vector_alloc((size_t)n), *step = gsl_vector_alloc((size_t)n);
    int status = GSL_ENOMEM;
    if (!s || !x || !step)
        goto done;
    for (int i = 0; i < n; i++) {
        gsl_vector_set(x, (size_t)i, th[i]);
        gsl_vector_set(step, (size_t)i, step0);
    }
    gsl_multimin_function f = {negloglik, (size_t)n, m};
    status = gsl_multimin_fminimizer_set(s, &f, x, step);
    int it = 0;
    /* two rounds: a restart from the first optimum guards against the
     * simplex collapsing early (Nelder-Mead's known weakness) */
    for (int round = 0; status == GSL_SUCCESS && round < (n > 1 ? 2 : 1); round++) {
        if (round) {
            gsl_vector_memcpy(x, s->x);
            gsl_vector_set_all(step, step0 / 5);
            status = gsl_multimin_fminimizer_set(s, &f, x, step);
        }
        int st = GSL_CONTINUE;
        for (int j = 0; status == GSL_SUCCESS && st == GSL_CONTINUE && j < 2000; j++, it++) {
            status = gsl_multimin_fminimizer_iterate(s);
            if (status)
                break;
            st = gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tol);
        }
    }
    if (status == GSL_SUCCESS || status == GSL_ENOPROG) {
        status = GSL_SUCCESS;
        for (int i = 0; i < n; i++)
            th[i] = gsl_vector_get(s->x, (size_t)i);
        *fmin = s->fval;
    }
    *iters = it;
done:
    gsl_multimin_fminimizer_free(s);
    gsl_vector_free(x);
    gsl_vector_free(step);
    return status;
}

/* Newton's method on -log L with the gradient and Hessian by central
 * differences (step h in the log / logit parameters), halving a step that
 * does not lower -log L.  Far cheaper than the simplex for the smooth
 * one- and two-parameter likelihoods (each gamma S costs a
 * gsl_sf_gamma_inc_Q).  GSL_FAILURE when the Hessian is not positive
 * definite on the way (the caller then uses the simplex). */
static int newton(model *m, double *th, int n, double *fmin, int *iters)
{
    const double h = 1e-4;
    gsl_vector *v = gsl_vector_alloc((size_t)n), *g = gsl_vector_alloc((size_t)n), *d = gsl_vector_alloc((size_t)n);
    gsl_matrix *H = gsl_matrix_alloc((size_t)n, (size_t)n);
    int status = v && g && d && H ? GSL_FAILURE : GSL_ENOMEM;
    double f0 = NAN;
#define SETV(di, dj, si, sj)                                                                     \
    do {                                                                                         \
        for (int q_ = 0; q_ < n; q_++)                                                           \
            gsl_vector_set(v, (size_t)q_, th[q_]);                                               \
        gsl_vector_set(v, (size_t)(di), gsl_vector_get(v, (size_t)(di)) + (si));                 \
        gsl_vector_set(v, (size_t)(dj), gsl_vector_get(v, (size_t)(dj)) + (sj));                 \
    } while (0)
    for (int it = 0; status == GSL_FAILURE && it < 40; it++) {
        SETV(0, 0, 0, 0);
        f0 = negloglik(v, m);
        if (!(f0 < 1e299))
            break;
        for (int i = 0; i < n; i++) {
            SETV(i, i, h, 0);
            double fp = negloglik(v, m);
            SETV(i, i, -h, 0);
            double fm = negloglik(v, m);
            gsl_vector_set(g, (size_t)i, (fp - fm) / (2 * h));
            gsl_matrix_set(H, (size_t)i, (size_t)i, (fp - 2 * f0 + fm) / (h * h));
            for (int j = 0; j < i; j++) {
                double f4[4];
                int sg[4][2] = {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}};
                for (int q = 0; q < 4; q++) {
                    SETV(i, j, sg[q][0] * h, sg[q][1] * h);
                    f4[q] = negloglik(v, m);
                }
                double hij = (f4[0] - f4[1] - f4[2] + f4[3]) / (4 * h * h);
                gsl_matrix_set(H, (size_t)i, (size_t)j, hij);
                gsl_matrix_set(H, (size_t)j, (size_t)i, hij);
            }
        }
        if (gsl_linalg_cholesky_decomp1(H) != GSL_SUCCESS || gsl_linalg_cholesky_solve(H, g, d) != GSL_SUCCESS)
            break;
        double t = 1, fn = INFINITY, big = 0;
        for (int q = 0; q < n; q++)
            big = fmax(big, fabs(gsl_vector_get(d, (size_t)q)));
        if (big < 1e-6) { /* at the optimum, to the precision of the differences */
            status = GSL_SUCCESS;
            break;
        }
        for (; t > 1e-4; t /= 2) {
            for (int q = 0; q < n; q++)
                gsl_vector_set(v, (size_t)q, th[q] - t * gsl_vector_get(d, (size_t)q));
            if ((fn = negloglik(v, m)) <= f0)
                break;
        }
        if (!(fn <= f0)) {
            /* no step lowers -log L: the optimum when the step is within the
             * noise of the differences, else give up */
            if (big < 1e-4)
                status = GSL_SUCCESS;
            break;
        }
        for (int q = 0; q < n; q++)
            th[q] -= t * gsl_vector_get(d, (size_t)q);
        f0 = fn;
        *iters = it + 1;
    }
#undef SETV
    *fmin = f0;
    gsl_vector_free(v);
    gsl_vector_free(g);
    gsl_vector_free(d);
    gsl_matrix_free(H);
    return status;
}

/* Covariance of th: inverse of the Hessian of -log L (central differences). */
static int covariance(model *m, const double *th, int n, double C[3][3])
{
    const double h = 1e-3;
    gsl_vector *v = gsl_vector_alloc((size_t)n);
    gsl_matrix *H = gsl_matrix_alloc((size_t)n, (size_t)n), *Hi = gsl_matrix_alloc((size_t)n, (size_t)n);
    gsl_permutation *p = gsl_permutation_alloc((size_t)n);
    int ok = v && H && Hi && p;
#define F(di, dj, si, sj)                                                                        \
    (gsl_vector_set(v, 0, th[0]), n > 1 ? gsl_vector_set(v, 1, th[1]) : (void)0,                  \
     n > 2 ? gsl_vector_set(v, 2, th[2]) : (void)0,                                               \
     gsl_vector_set(v, (size_t)(di), gsl_vector_get(v, (size_t)(di)) + (si)),                     \
     gsl_vector_set(v, (size_t)(dj), gsl_vector_get(v, (size_t)(dj)) + (sj)), negloglik(v, m))
    for (int i = 0; ok && i < n; i++)
        for (int j = i; j < n; j++) {
            double hij;
            if (i == j) {
                double f0 = F(i, i, 0, 0), fp = F(i, i, h, 0), fm = F(i, i, -h, 0);
                hij = (fp - 2 * f0 + fm) / (h * h);
            } else {
                hij = (F(i, j, h, h) - F(i, j, h, -h) - F(i, j, -h, h) + F(i, j, -h, -h)) / (4 * h * h);
            }
            gsl_matrix_set(H, (size_t)i, (size_t)j, hij);
            gsl_matrix_set(H, (size_t)j, (size_t)i, hij);
        }
#undef F
    int sg, st = GSL_FAILURE;
    if (ok && gsl_linalg_LU_decomp(H, p, &sg) == GSL_SUCCESS && fabs(gsl_linalg_LU_det(H, sg)) > 1e-300)
        st = gsl_linalg_LU_invert(H, p, Hi);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            C[i][j] = st == GSL_SUCCESS ? gsl_matrix_get(Hi, (size_t)i, (size_t)j) : NAN;
    for (int i = 0; i < n; i++)
        if (!(C[i][i] > 0))
            for (int j = 0; j < n; j++)
                C[i][j] = C[j][i] = NAN;
    gsl_vector_free(v);
    gsl_matrix_free(H);
    gsl_matrix_free(Hi);
    gsl_permutation_free(p);
    return ok ? JZ_OK : JZ_ENOMEM;
}

static const double M = JZ_DAYS_PER_MONTH;

static int fit(daydata *dd, int kind, int k, const double *start, jz_duration_fit *f, jz_duration_fit *info)
{
    model m = {kind, k, dd, 0};
    int n = kind == M_ERLANG ? 1 : kind == M_GAMMA ? 2 : 3;
    double th[3] = {start[0], start[1], start[2]}, fmin = 0, C[3][3];
    memset(f, 0, sizeof *f);
    f->n_par = n;
    int st = kind == M_MIX ? GSL_FAILURE : newton(&m, th, n, &fmin, &f->iterations);
    if (st == GSL_FAILURE) { /* the simplex from the start values */
        memcpy(th, start, sizeof th);
        st = minimise(&m, th, n, kind == M_GAMMA ? 0.1 : 0.25, kind == M_MIX ? 1e-5 : 1e-6, &fmin, &f->iterations);
    }
    if (st == GSL_ENOMEM)
        return JZ_ENOMEM;
    if (st != GSL_SUCCESS || !(fmin < 1e299))
        return JZ_OK; /* not fitted: ok stays 0 */
    if (covariance(&m, th, n, C))
        return JZ_ENOMEM;
    f->ok = 1;
    f->loglik = -fmin;
    f->aic = 2 * n + 2 * fmin;
    if (kind == M_MIX) {
        if (th[1] > th[2]) { /* branch 1 is the short one */
            double a = th[1];
            th[1] = th[2];
            th[2] = a;
            th[0] = -th[0];
            double c[3][3];
            int perm[3] = {0, 2, 1};
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    c[i][j] = C[perm[i]][perm[j]] * (i == 0 ? -1 : 1) * (j == 0 ? -1 : 1);
            memcpy(C, c, sizeof c);
        }
        double p = 1 / (1 + exp(-th[0])), d1 = exp(th[1]), d2 = exp(th[2]);
        f->p = p;
        f->d1 = d1 / M;
        f->d2 = d2 / M;
        f->se_p = p * (1 - p) * sqrt(C[0][0]);
        f->se_d1 = d1 * sqrt(C[1][1]) / M;
        f->se_d2 = d2 * sqrt(C[2][2]) / M;
        f->mean = (p * d1 + (1 - p) * d2) / M;
        double g[3] = {p * (1 - p) * (d1 - d2), p * d1, (1 - p) * d2}, var = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                var += g[i] * C[i][j] * g[j];
        f->se_mean = sqrt(var) / M;
        f->shape = NAN;
        f->se_shape = NAN;
    } else {
        double D = exp(th[0]);
        f->mean = D / M;
        f->se_mean = D * sqrt(C[0][0]) / M;
        if (kind == M_GAMMA) {
            f->shape = exp(th[1]);
            f->se_shape = f->shape * sqrt(C[1][1]);
        } else {
            f->shape = k;
            f->se_shape = NAN;
        }
        f->p = NAN;
    }
    (void)info;
    return JZ_OK;
}

double jz_duration_fit_survival(const jz_duration_fit *f, int mixture, double t)
{
    if (!f->ok)
        return NAN;
    double th[3];
    if (mixture) {
        th[0] = log(f->p / (1 - f->p));
        th[1] = log(f->d1 * M);
        th[2] = log(f->d2 * M);
        return surv(M_MIX, 0, th, t * M);
    }
    th[0] = log(f->mean * M);
    th[1] = log(f->shape);
    return surv(M_GAMMA, 0, th, t * M);
}

/* ---- Kaplan-Meier --------------------------------------------------------- */

static int kaplan_meier(const daydata *dd, jz_duration *d, int min_count)
{
    const int n = dd->maxd + 2;
    /* last[x]: trajectories whose last day at risk is x (event or censoring at x+1) */
    double S = 1, gw = 0, at = 0;
    int months = (int)(dd->maxd / M) + 2;
    if (months > 600)
        months = 600;
    d->km = malloc((size_t)months * sizeof *d->km);
    d->km_lo = malloc((size_t)months * sizeof *d->km_lo);
    d->km_hi = malloc((size_t)months * sizeof *d->km_hi);
    d->at_risk = malloc((size_t)months * sizeof *d->at_risk);
    if (!d->km || !d->km_lo || !d->km_hi || !d->at_risk)
        return JZ_ENOMEM;
    d->km_median = NAN;
    int mo = 0;
    for (int u = 0; u < n && mo < months; u++) {
        at += dd->en[u] + (u == 0 ? (double)(d->n - d->truncated) : 0);
        /* S(u) = P(T >= u): before the event of day u */
        while (mo < months && (int)lround(mo * M) == u) {
            if (at < min_count) {
                mo = months; /* the curve stops where fewer than the threshold are at risk */
                break;
            }
            double se = S * sqrt(gw);
            d->km[d->n_km] = S;
            d->km_lo[d->n_km] = fmax(0, S - 1.959964 * se);
            d->km_hi[d->n_km] = fmin(1, S + 1.959964 * se);
            d->at_risk[d->n_km] = (int)at;
            d->n_km++;
            mo++;
        }
        double ev = dd->ev[u];
        if (ev > 0 && at > 0) {
            double S2 = S * (1 - ev / at);
            if (S > 0.5 && S2 <= 0.5 && isnan(d->km_median))
                d->km_median = (u + 1) / M;
            if (at > ev)
                gw += ev / (at * (at - ev));
            S = S2;
        }
        /* leaving after day u: events at u and censorings at u+1 */
        at -= ev + (u + 1 < n ? dd->ce[u + 1] : 0);
    }
    return JZ_OK;
}

void jz_duration_clear(jz_duration *d)
{
    free(d->km);
    free(d->km_lo);
    free(d->km_hi);
    free(d->at_risk);
    free(d->km_erlang);
    free(d->km_mixture);
    memset(d, 0, sizeof *d);
}

static double ks_distance(const jz_duration *d, const jz_duration_fit *f, int mixture)
{
    double ks = 0;
    for (int m = 0; m < d->n_km; m++) {
        double s = jz_duration_fit_survival(f, mixture, m);
        if (isfinite(s))
            ks = fmax(ks, fabs(s - d->km[m]));
    }
    return ks;
}

int jz_duration_estimate(const jz_records *r, int z, jz_duration *d, jz_error *err)
{
    daydata dd;
    gsl_set_error_handler_off();
    d->z = z;
    int rc = daydata_build(r, z, &dd, d);
    if (rc == JZ_OK)
        rc = kaplan_meier(&dd, d, r->min_count);
    d->c_n.v = d->n;
    d->c_events.v = d->events;
    d->c_censored.v = d->censored;
    d->c_truncated.v = d->truncated;
    if (rc == JZ_OK && d->events >= 2) {
        double lD = log(dd.D0);
        double best = -INFINITY;
        for (int k = 1; rc == JZ_OK && k <= JZ_RECORDS_MAX_K; k++) {
            double s0[3] = {lD, 0, 0};
            rc = fit(&dd, M_ERLANG, k, s0, &d->erlang[k], NULL);
            if (d->erlang[k].ok && d->erlang[k].loglik > best) {
                best = d->erlang[k].loglik;
                d->best_k = k;
            }
        }
        if (rc == JZ_OK) {
            double a0 = d->best_k ? d->best_k : 1;
            double s0[3] = {d->best_k ? log(d->erlang[d->best_k].mean * M) : lD, log(a0), 0};
            rc = fit(&dd, M_GAMMA, 0, s0, &d->gamma, NULL);
        }
        if (rc == JZ_OK) {
            double s0[3] = {0, lD - log(3.0), lD + log(2.0)};
            rc = fit(&dd, M_MIX, 0, s0, &d->mixture, NULL);
        }
        for (int k = 1; k <= JZ_RECORDS_MAX_K; k++)
            if (d->erlang[k].ok)
                d->erlang[k].ks = ks_distance(d, &d->erlang[k], 0);
        if (d->gamma.ok)
            d->gamma.ks = ks_distance(d, &d->gamma, 0);
        if (d->mixture.ok)
            d->mixture.ks = ks_distance(d, &d->mixture, 1);
    }
    /* the fitted curves beside Kaplan-Meier, for the reports */
    if (rc == JZ_OK && d->n_km > 0) {
        d->km_erlang = malloc(sizeof *d->km_erlang * (size_t)d->n_km);
        d->km_mixture = malloc(sizeof *d->km_mixture * (size_t)d->n_km);
        if (!d->km_erlang || !d->km_mixture)
            rc = JZ_ENOMEM;
        for (int m = 0; rc == JZ_OK && m < d->n_km; m++) {
            d->km_erlang[m] = d->best_k ? jz_duration_fit_survival(&d->erlang[d->best_k], 0, m) : NAN;
            d->km_mixture[m] = jz_duration_fit_survival(&d->mixture, 1, m);
        }
    }
    daydata_free(&dd);
    if (rc == JZ_ENOMEM)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return rc;
}

int jz_rec_durations(const jz_records *r, jz_records_analysis *a, jz_error *err)
{
    a->durations = calloc((size_t)r->n_zorgsoorten + 1, sizeof *a->durations);
    if (!a->durations)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    a->n_durations = r->n_zorgsoorten;
    for (int z = 0; z < r->n_zorgsoorten; z++) {
        int rc = jz_duration_estimate(r, z, &a->durations[z], err);
        if (rc)
            return rc;
    }
    return JZ_OK;
}
