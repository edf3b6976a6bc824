/*
 * shape.c - which duration shape fits the counts of ended trajectories by
 * duration class (CBS classes 0-3 m, 3-6 m, 6-12 m, 1-2 y, 2-3 y, 3-4 y,
 * 4+ y): exponential (Erlang k = 1) or Erlang k = 2..6.
 *
 * For each k the mean duration D is estimated by maximum likelihood of the
 * multinomial class counts, with class probabilities from the Erlang CDF
 *   p_c(D, k) = P(b_c) - P(a_c),   P(t) = gsl_cdf_gamma_P(t, k, D / k),
 * (shape k, scale D/k: the model's chain of k stages of mean D/k each).
 * Every k has one free parameter (D), so the log-likelihoods compare
 * directly (equivalent to AIC); the Pearson chi-square and its p-value
 * (C - 2 degrees of freedom) say whether the best shape is good enough.
 * In a steady state the durations of the trajectories that end in a year
 * follow the duration distribution itself; docs/calibration.md says when
 * that is only approximately so.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_multimin.h>

#include "analysis/calib_internal.h"

static void class_probs(double D, int k, double *p)
{
    double scale = D / k, prev = 0.0;
    for (int c = 0; c < JZ_DUR_CLASSES; c++) {
        double up = c + 1 < JZ_DUR_CLASSES ? gsl_cdf_gamma_P(jz_duration_class_edges[c + 1], k, scale) : 1.0;
        p[c] = up - prev;
        if (c + 1 == JZ_DUR_CLASSES) /* the open class from the upper tail, for accuracy */
            p[c] = gsl_cdf_gamma_Q(jz_duration_class_edges[c], k, scale);
        prev = up;
    }
}

static double loglik(const double *n, double D, int k)
{
    double p[JZ_DUR_CLASSES], ll = 0.0;
    class_probs(D, k, p);
    for (int c = 0; c < JZ_DUR_CLASSES; c++)
        if (n[c] > 0)
            ll += n[c] * log(p[c] > 1e-300 ? p[c] : 1e-300);
    return ll;
}

/* Maximise the log-likelihood over log D: a grid, then golden section. */
static double mle_D(const double *n, int k, double *ll_out)
{
    const double lo = log(0.25), hi = log(1200.0);
    const int N = 240;
    int best = 0;
    double bll = -INFINITY;
    for (int i = 0; i <= N; i++) {
        double x = lo + (hi - lo) * i / N, ll = loglik(n, exp(x), k);
        if (ll > bll) {
            bll = ll;
            best = i;
        }
    }
    double a = lo + (hi - lo) * (best > 0 ? best - 1 : 0) / N;
    double b = lo + (hi - lo) * (best < N ? best + 1 : N) / N;
    const double gr = 0.5 * (sqrt(5.0) - 1.0);
    double x1 = b - gr * (b - a), x2 = a + gr * (b - a);
    double f1 = loglik(n, exp(x1), k), f2 = loglik(n, exp(x2), k);
    for (int it = 0; it < 100 && b - a > 1e-10; it++) {
        if (f1 > f2) {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - gr * (b - a);
            f1 = loglik(n, exp(x1), k);
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + gr * (b - a);
            f2 = loglik(n, exp(x2), k);
        }
    }
    double x = 0.5 * (a + b);
    *ll_out = loglik(n, exp(x), k);
    return exp(x);
}

/* ---- two branches ------------------------------------------------------ *
 * Share p of the trajectories follows Erlang-k1 with mean D1, the rest
 * Erlang-k2 with mean D2: class probabilities p p_c(D1, k1) + (1 - p)
 * p_c(D2, k2).  Maximum likelihood over (logit p, log D1, log D2) by the
 * Nelder-Mead simplex (gsl_multimin), for every k1, k2 in 1..3 from a few
 * starting points; 3 free parameters, so the chi-square has C - 4 degrees
 * of freedom. */

#define MIX_KMAX 3

typedef struct mixfit {
    const double *n;
    int k1, k2;
} mixfit;

static double mix_probs(const gsl_vector *x, int k1, int k2, double *p)
{
    double a = 1.0 / (1.0 + exp(-gsl_vector_get(x, 0)));
    double D1 = exp(gsl_vector_get(x, 1)), D2 = exp(gsl_vector_get(x, 2));
    double p1[JZ_DUR_CLASSES], p2[JZ_DUR_CLASSES];
    class_probs(D1, k1, p1);
    class_probs(D2, k2, p2);
    for (int c = 0; c < JZ_DUR_CLASSES; c++)
        p[c] = a * p1[c] + (1.0 - a) * p2[c];
    return a;
}

static double mix_negll(const gsl_vector *x, void *params)
{
    const mixfit *m = params;
    if (fabs(gsl_vector_get(x, 0)) > 30 || gsl_vector_get(x, 1) < log(0.25) || gsl_vector_get(x, 1) > log(1200.0) ||
        gsl_vector_get(x, 2) < log(0.25) || gsl_vector_get(x, 2) > log(1200.0))
        return 1e300;
    double p[JZ_DUR_CLASSES], ll = 0.0;
    mix_probs(x, m->k1, m->k2, p);
    for (int c = 0; c < JZ_DUR_CLASSES; c++)
        if (m->n[c] > 0)
            ll += m->n[c] * log(p[c] > 1e-300 ? p[c] : 1e-300);
    return -ll;
}

static void mixture(jz_shape_test *t)
{
    const gsl_multimin_fminimizer_type *T = gsl_multimin_fminimizer_nmsimplex2;
    gsl_multimin_fminimizer *mz = gsl_multimin_fminimizer_alloc(T, 3);
    gsl_vector *x = gsl_vector_alloc(3), *step = gsl_vector_alloc(3);
    t->mix_loglik = -INFINITY;
    if (!mz || !x || !step)
        goto done;
    double Dbest = t->D[t->best_k - 1];
    static const double starts[][3] = {{0.5, 0.5, 2.0}, {0.0, 0.3, 1.5}, {-0.5, 0.7, 3.0}, {1.0, 0.8, 1.8}};
    for (int k1 = 1; k1 <= MIX_KMAX; k1++)
        for (int k2 = 1; k2 <= MIX_KMAX; k2++)
            for (size_t st = 0; st < sizeof starts / sizeof starts[0]; st++) {
                mixfit m = {t->counts, k1, k2};
                gsl_multimin_function fn = {mix_negll, 3, &m};
                gsl_vector_set(x, 0, starts[st][0]);
                gsl_vector_set(x, 1, log(Dbest * starts[st][1]));
                gsl_vector_set(x, 2, log(Dbest * starts[st][2]));
                gsl_vector_set_all(step, 0.5);
                if (gsl_multimin_fminimizer_set(mz, &fn, x, step) != GSL_SUCCESS)
                    continue;
                for (int it = 0; it < 2000; it++) {
                    if (gsl_multimin_fminimizer_iterate(mz) != GSL_SUCCESS)
                        break;
                    if (gsl_multimin_test_size(gsl_multimin_fminimizer_size(mz), 1e-9) == GSL_SUCCESS)
                        break;
                }
                double ll = -gsl_multimin_fminimizer_minimum(mz);
                if (ll > t->mix_loglik) {
                    const gsl_vector *xb = gsl_multimin_fminimizer_x(mz);
                    double p[JZ_DUR_CLASSES];
                    t->mix_loglik = ll;
                    t->mix_p = mix_probs(xb, k1, k2, p);
                    t->mix_D1 = exp(gsl_vector_get(xb, 1));
                    t->mix_D2 = exp(gsl_vector_get(xb, 2));
                    t->mix_k1 = k1;
                    t->mix_k2 = k2;
                    double chi2 = 0.0;
                    for (int c = 0; c < JZ_DUR_CLASSES; c++) {
                        double e = t->total * p[c];
                        if (e > 1e-12)
                            chi2 += (t->counts[c] - e) * (t->counts[c] - e) / e;
                    }
                    t->mix_chi2 = chi2;
                }
            }
    t->mix_pvalue = gsl_cdf_chisq_Q(t->mix_chi2, JZ_DUR_CLASSES - 4);
    /* better than the best single Erlang: likelihood ratio with 2 more
     * parameters, at 1% */
    double lr = 2.0 * (t->mix_loglik - t->loglik[t->best_k - 1]);
    t->mix_better = lr > gsl_cdf_chisq_Pinv(0.99, 2);
done:
    gsl_multimin_fminimizer_free(mz);
    gsl_vector_free(x);
    gsl_vector_free(step);
}

void jz_shape_test_counts(jz_shape_test *t, int kmax)
{
    if (kmax < 1 || kmax > JZ_SHAPE_KMAX)
        kmax = JZ_SHAPE_KMAX;
    t->total = 0.0;
    int nonzero = 0;
    for (int c = 0; c < JZ_DUR_CLASSES; c++) {
        t->total += t->counts[c];
        nonzero += t->counts[c] > 0;
    }
    t->n_k = kmax;
    t->best_k = 1;
    for (int k = 1; k <= kmax; k++) {
        double ll, p[JZ_DUR_CLASSES], chi2 = 0.0;
        double D = mle_D(t->counts, k, &ll);
        class_probs(D, k, p);
        for (int c = 0; c < JZ_DUR_CLASSES; c++) {
            double e = t->total * p[c];
            if (e > 1e-12)
                chi2 += (t->counts[c] - e) * (t->counts[c] - e) / e;
        }
        t->D[k - 1] = D;
        t->loglik[k - 1] = ll;
        t->chi2[k - 1] = chi2;
        int df = JZ_DUR_CLASSES - 2;
        t->pvalue[k - 1] = gsl_cdf_chisq_Q(chi2, df);
        if (ll > t->loglik[t->best_k - 1])
            t->best_k = k;
    }
    t->none_fits = 1;
    for (int k = 1; k <= kmax; k++)
        t->none_fits &= t->pvalue[k - 1] < 0.01;
    if (nonzero >= 5)
        mixture(t);
    else
        t->mix_loglik = t->mix_chi2 = t->mix_pvalue = NAN;
}

/* The duration-class counts of gemeente g, zorgsoort z (-1: the total)
 * and, in *total, their sum. */
static const double *cell_classes(const double *classes, int g, int z, int Z, double *total)
{
    const double *cl = classes + ((size_t)g * (size_t)(Z + 1) + (size_t)(z + 1)) * JZ_DUR_CLASSES;
    double t = 0.0;
    for (int k = 0; k < JZ_DUR_CLASSES; k++)
        t += cl[k];
    *total = t;
    return cl;
}

int jz_shape_tests(const jz_scenario *s, const double *classes, int kmax, jz_calib *c, jz_error *err)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten;
    int n = 0;
    for (int g = 0; g < G; g++)
        for (int z = -1; z < Z; z++) {
            double t;
            cell_classes(classes, g, z, Z, &t);
            n += t > 0;
        }
    if (!n)
        return JZ_OK;
    c->shape = calloc((size_t)n, sizeof *c->shape);
    if (!c->shape)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int g = 0; g < G; g++)
        for (int z = -1; z < Z; z++) {
            double t;
            const double *cl = cell_classes(classes, g, z, Z, &t);
            if (!(t > 0))
                continue;
            jz_shape_test *st = &c->shape[c->n_shape++];
            st->g = g;
            st->z = z;
            memcpy(st->counts, cl, sizeof st->counts);
            st->scenario_k = z >= 0 ? s->zorgsoorten[z].stages : 0;
            jz_shape_test_counts(st, kmax);
            const char *gc = s->gemeenten[g].code, *zk = z >= 0 ? s->zorgsoorten[z].key : "totaal";
            if (t < 30)
                jz_calib_warn(&c->warnings, &c->n_warnings, &c->cap_warnings,
                              "duration classes of %s, %s: only %.0f ended trajectories; the shape "
                              "test has little power", gc, zk, t);
            else if (st->none_fits && st->mix_better && st->mix_pvalue >= 0.01)
                jz_calib_warn(&c->warnings, &c->n_warnings, &c->cap_warnings,
                              "duration classes of %s, %s: no single Erlang shape fits (best k = %d, chi-square "
                              "p = %.2g); two branches do (p = %.2g): %.0f%% Erlang-%d with mean %.1f months, "
                              "the rest Erlang-%d with mean %.1f months", gc, zk, st->best_k,
                              st->pvalue[st->best_k - 1], st->mix_pvalue, 100.0 * st->mix_p, st->mix_k1,
                              st->mix_D1, st->mix_k2, st->mix_D2);
            else if (st->none_fits)
                jz_calib_warn(&c->warnings, &c->n_warnings, &c->cap_warnings,
                              "duration classes of %s, %s: no duration shape fits (best single Erlang k = %d, "
                              "p = %.2g; two branches p = %.2g); the zorgduur fit rests on a shape the data "
                              "reject", gc, zk, st->best_k, st->pvalue[st->best_k - 1], st->mix_pvalue);
        }
    return JZ_OK;
}

int jz_shape_mixture_choice(const jz_calib *c, int z, jz_mixture *m)
{
    int pick = -1;
    for (int t = 0; t < c->n_shape; t++)
        if (c->shape[t].z == z && (pick < 0 || c->shape[t].total > c->shape[pick].total))
            pick = t;
    if (pick < 0)
        return -1;
    const jz_shape_test *st = &c->shape[pick];
    /* the same rule as the warning in jz_shape_tests: only data that reject
     * the single chain (and are many enough to say so) get two branches */
    if (!(st->total >= 30 && st->none_fits && st->mix_better && st->mix_pvalue >= 0.01 && st->mix_p > 0.0 &&
          st->mix_p < 1.0 && st->mix_D1 > 0.0 && st->mix_D2 > 0.0 && isfinite(st->mix_D1) && isfinite(st->mix_D2)))
        return -1;
    m->share = st->mix_p;
    m->stages[0] = st->mix_k1;
    m->stages[1] = st->mix_k2;
    m->zorgduur[0] = st->mix_D1;
    m->zorgduur[1] = st->mix_D2;
    return pick;
}
