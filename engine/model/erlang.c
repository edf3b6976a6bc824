/*
 * erlang.c - closed-form one-step coefficients of the Erlang chain
 * (see erlang.h and docs/model.md, "One month exactly").
 *
 * Everything hinges on the Poisson tails P(n, c) = P[Poisson(c) >= n] for
 * n = 1..k+1.  Two regimes, chosen so that no result is a difference of
 * nearly equal numbers:
 *
 *  - c < k + 1 ("slow chain": long zorgduur, small steps).  Here P(n, c) is
 *    small for the larger n and 1 - (lower sum) would cancel.  We work with
 *    the scaled tails Q_n = P(n,c) n!/c^n = e^{-c} sum_{l>=0} c^l n!/(n+l)!
 *    (so Q_n -> 1 as c -> 0 and never underflows), sum one series for the
 *    top index and recurse downwards with only positive terms:
 *        Q_n = e^{-c} + c/(n+1) Q_{n+1}.
 *    The V bracket P(j+1) - (j+1)/c P(j+2) would also cancel (by a factor up
 *    to j+2), so it is summed directly as a positive series as well:
 *        R_n = e^{-c} sum_l c^l (l+1) (n+1)!/(n+l+1)!,
 *        R_n = e^{-c} + c/(n+2) (R_{n+1} + Q_{n+2}),
 *    and then gamma_j = r^j/(j+1)! Q_{j+1},  V_j = r^j/(j+2)! R_{j+1}.
 *
 *  - c >= k + 1 ("fast chain").  Every tail needed has n <= c, so P(n, c) is
 *    at least about 1/2 and 1 - sum_{m<n} e^{-c} c^m/m! is accurate; the V
 *    bracket is rewritten as P(j+1)(1 - (j+1)/c) + (j+1)/c p_{j+1}, again a
 *    sum of non-negative terms because c >= j + 1.
 *
 * Cost: O(k) plus one short series (a few dozen terms at worst) per call,
 * several times cheaper than getting the same tails from gsl_sf_gamma_inc_P
 * (measured in bench/bench_model.c), and nothing here can abort or allocate.
 */
#include <math.h>

#include "model/erlang.h"

#define SERIES_EPS JZ_ERLANG_SERIES_EPS
#define SERIES_MAX JZ_ERLANG_SERIES_MAX

/* 1/m for small m: the coefficients are recomputed for every cell-year and
 * with divisions the routine was latency-bound on them (a lookup and a
 * multiply took a call from ~105 to ~65 ns; results differ by <= 1 ulp).
 * erlang_lanes.c multiplies by the same entries (erlang.h, jz_erlang_inv). */
const double jz_erlang_inv_table[JZ_ERLANG_INV_N] = {
    0.0, 1.0 / 1, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 7,
    1.0 / 8, 1.0 / 9, 1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13, 1.0 / 14, 1.0 / 15,
    1.0 / 16, 1.0 / 17, 1.0 / 18, 1.0 / 19, 1.0 / 20, 1.0 / 21, 1.0 / 22, 1.0 / 23,
    1.0 / 24, 1.0 / 25, 1.0 / 26, 1.0 / 27, 1.0 / 28, 1.0 / 29, 1.0 / 30, 1.0 / 31,
    1.0 / 32, 1.0 / 33, 1.0 / 34, 1.0 / 35, 1.0 / 36, 1.0 / 37, 1.0 / 38, 1.0 / 39,
    1.0 / 40, 1.0 / 41, 1.0 / 42, 1.0 / 43, 1.0 / 44, 1.0 / 45, 1.0 / 46, 1.0 / 47,
    1.0 / 48, 1.0 / 49, 1.0 / 50, 1.0 / 51, 1.0 / 52, 1.0 / 53, 1.0 / 54, 1.0 / 55,
    1.0 / 56, 1.0 / 57, 1.0 / 58, 1.0 / 59, 1.0 / 60, 1.0 / 61, 1.0 / 62, 1.0 / 63,
};

static inline double inv(int m) { return jz_erlang_inv(m); }

/* e^{-c} sum_{l>=0} c^l n!/(n+l)!  and  e^{-c} sum_l (l+1) c^l n!/(n+l)!
 * for c < n (the terms shrink geometrically).  Returns the first, stores
 * the second in *with_l (when not NULL). */
static double scaled_tail_series(int n, double c, double emc, double *with_l)
{
    double term = 1.0, sum = 1.0, sum_l = 1.0;
    for (int l = 1; l < SERIES_MAX; l++) {
        term *= c * inv(n + l);
        sum += term;
        sum_l += (double)(l + 1) * term;
        if ((double)(l + 1) * term <= SERIES_EPS * sum)
            break;
    }
    if (with_l)
        *with_l = emc * sum_l;
    return emc * sum;
}

double jz_poisson_tail(int n, double c)
{
    if (n <= 0)
        return 1.0;
    if (!(c > 0.0))
        return 0.0;
    double emc = exp(-c);
    if (c < (double)n) {
        /* c^n/n! * Q_n; c^n/n! by a product to keep it in range */
        double pref = 1.0;
        for (int m = 1; m <= n; m++)
            pref *= c * inv(m);
        if (n == 1)
            return -expm1(-c); /* exact small-c form of 1 - e^{-c} */
        return pref * scaled_tail_series(n, c, emc, NULL);
    }
    double pm = emc, lower = 0.0;
    for (int m = 0; m < n; m++) {
        lower += pm;
        pm *= c * inv(m + 1);
    }
    return 1.0 - lower;
}

/* Slow chain: c < k + 1. */
static void coef_slow(jz_erlang *e)
{
    int k = e->k;
    double r = e->r, c = e->c, emc = e->phi[0]; /* e^{-c} */
    double Q[JZ_STAGES_MAX + 2]; /* Q[n], n = 1..k+1 */
    double R[JZ_STAGES_MAX + 1]; /* R[n], n = 1..k */

    /* top of both recursions from one series:
     * Q_{k+1} directly; R_k = e^{-c} sum_l (l+1) c^l (k+1)!/(k+1+l)!, which is
     * the l-weighted version of the Q_{k+1} series */
    Q[k + 1] = scaled_tail_series(k + 1, c, emc, &R[k]);
    for (int n = k; n >= 1; n--)
        Q[n] = emc + c * inv(n + 1) * Q[n + 1];
    for (int n = k - 1; n >= 1; n--)
        R[n] = emc + c * inv(n + 2) * (R[n + 1] + Q[n + 2]);

    double u = 1.0; /* r^j / (j+1)! */
    double V = 0.0;
    for (int j = 0; j < k; j++) {
        if (j > 0)
            u *= r * inv(j + 1);
        e->gamma[j] = u * Q[j + 1];
        double t = u * inv(j + 2) * R[j + 1];
        V += t;
        if (j == k - 1)
            e->V_last = t;
    }
    e->V = V;
}

/* Fast chain: c >= k + 1. */
static void coef_fast(jz_erlang *e)
{
    int k = e->k;
    double r = e->r, c = e->c;
    double p[JZ_STAGES_MAX + 2]; /* Poisson pmf p_m, m = 0..k+1 */
    double P[JZ_STAGES_MAX + 2]; /* P(n, c), n = 1..k+1 */

    p[0] = e->phi[0]; /* e^{-c} */
    for (int m = 1; m <= k + 1; m++)
        p[m] = p[m - 1] * c * inv(m);
    double lower = 0.0;
    for (int n = 1; n <= k + 1; n++) {
        lower += p[n - 1];
        P[n] = 1.0 - lower;
    }

    double ic = 1.0 / c, roc = r * ic;
    double q = ic; /* (r/c)^j / c */
    double V = 0.0;
    for (int j = 0; j < k; j++) {
        if (j > 0)
            q *= roc;
        double f = (double)(j + 1) * ic; /* <= 1 in this regime */
        e->gamma[j] = q * P[j + 1];
        double t = q * (P[j + 1] * (1.0 - f) + f * p[j + 1]);
        V += t;
        if (j == k - 1)
            e->V_last = t;
    }
    e->V = V;
}

int jz_erlang_step(jz_erlang *e, int k, double D, double p, double tau)
{
    if (k < 1 || k > JZ_STAGES_MAX || !isfinite(D) || !(D > 0.0) ||
        !isfinite(tau) || !(tau > 0.0) || !(p >= 0.0) || !(p < 1.0))
        return -1;
    double r = (double)k / D * tau;
    /* annual fraction p ageing out <=> hazard -ln(1-p)/12 per month */
    double a = -log1p(-p) / 12.0 * tau;
    double c = r + a;
    if (!isfinite(r) || !isfinite(c) || !(r > 0.0))
        return -1;

    e->k = k;
    e->D = D;
    e->p = p;
    e->tau = tau;
    e->r = r;
    e->a = a;
    e->c = c;

    /* phi_m = e^{-c} r^m / m! */
    e->phi[0] = exp(-c);
    for (int m = 1; m < k; m++)
        e->phi[m] = e->phi[m - 1] * r * inv(m);

    if (c < (double)(k + 1))
        coef_slow(e);
    else
        coef_fast(e);

    /* W_i = sum_{m=0}^{k-1-i} gamma_m: client-steps of one client starting in
     * stage i is the inflow integral restricted to the stages it still has */
    double w = 0.0;
    for (int i = k - 1; i >= 0; i--) {
        w += e->gamma[k - 1 - i];
        e->W[i] = w;
    }
    return 0;
}
