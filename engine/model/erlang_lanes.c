/*
 * erlang_lanes.c - jz_erlang_step for JZ_LANES chains at once
 * (erlang_lanes.h).
 *
 * Same bits as erlang.c, lane by lane.  Each vector expression below is
 * the scalar expression of erlang.c with double replaced by jz_lane, the
 * same products and sums in the same order (a * b * c is (a * b) * c in
 * both); built with -ffp-contract=off like erlang.c (CMakeLists.txt), so
 * no multiply-add is fused into one rounding.  What differs per lane:
 *
 *  - e^{-c} and log1p(-p) are the scalar libm calls of erlang.c, one per
 *    lane (a vector exp would round differently); a lane whose ageing
 *    fraction has the same bits as the previous lane's takes its log1p.
 *  - The regime (slow chain c < k + 1, fast chain otherwise) is chosen per
 *    lane: both are computed when the lanes disagree and each lane keeps
 *    the one the scalar code would have taken.
 *  - The slow chain's series stops at a term that depends on the lane's c.
 *    The vector loop runs until the last lane has stopped, and each lane's
 *    sums are taken at the term where its scalar loop breaks (or at the
 *    cap): they hold exactly the terms the scalar sums hold, never one
 *    more.  What a lane adds after its stop is never read.
 *
 * tests/test_model_erlang_lanes.c compares every lane with jz_erlang_step
 * bit for bit.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "model/erlang_lanes.h"
#include "model/simd.h"

/* No function here takes or returns a vector by value (in the default
 * clone a vector argument would not be in the registers the AVX2 clone
 * uses: GCC's -Wpsabi): small helpers are macros, and the two regimes take
 * their vectors by pointer and are inlined into the clones. */
#define JZ_LANE_INLINE static inline __attribute__((always_inline))


/* x in every lane: one broadcast (a load of x into all lanes; 0 + x,
 * as this was written first, took an addition more and the same bits, as
 * no x here is -0) */
#if JZ_LANES == 4
#define SPLAT(x) (__extension__({ const double s_ = (double)(x); (jz_lane){s_, s_, s_, s_}; }))
#else
#define SPLAT(x) ((jz_lane){0} + (double)(x))
#endif

/* Half a lane mask (one SSE register): the tests below fold the two
 * halves first, which takes the AVX2 clone five instructions where a
 * lane-by-lane loop took nine. */
typedef int64_t half_mask __attribute__((vector_size(sizeof(jz_lane_mask) / 2)));

/* 1 when a lane of m is set */
JZ_LANE_INLINE int lanes_any(const jz_lane_mask *m)
{
    half_mask lo, hi;
    memcpy(&lo, m, sizeof lo);
    memcpy(&hi, (const char *)m + sizeof lo, sizeof hi);
    lo |= hi;
    int64_t t = 0;
    for (int l = 0; l < JZ_LANES / 2; l++)
        t |= lo[l];
    return t != 0;
}

/* number of lanes set in m */
JZ_LANE_INLINE int lanes_set(const jz_lane_mask *m)
{
    half_mask lo, hi;
    const jz_lane_mask ones = *m & 1;
    memcpy(&lo, &ones, sizeof lo);
    memcpy(&hi, (const char *)&ones + sizeof lo, sizeof hi);
    lo += hi;
    int64_t t = 0;
    for (int l = 0; l < JZ_LANES / 2; l++)
        t += lo[l];
    return (int)t;
}

static inline double inv(int m) { return jz_erlang_inv(m); }

/* terms of the slow chain's series kept for the lanes' sums (lanes_slow):
 * the kept loop runs while the 1/m of a block of four are in the table
 * (n + l + 4 <= JZ_ERLANG_INV_N with n >= 2), at most 60 terms, so it never
 * reaches the scalar loop's cap */
#define SERIES_HIST (JZ_ERLANG_INV_N - 2)
_Static_assert(JZ_ERLANG_INV_N < JZ_ERLANG_SERIES_MAX, "the kept terms stay below the series' cap");

static inline int same_bits(double x, double y)
{
    uint64_t a, b;
    memcpy(&a, &x, sizeof a);
    memcpy(&b, &y, sizeof b);
    return a == b;
}

/* erlang.c's coef_slow for the lanes in slow: gamma, V, V_last into the
 * arrays given (the other lanes get numbers nobody keeps). */
JZ_LANE_INLINE void lanes_slow(int k, const jz_lane *rp, const jz_lane *cp, const jz_lane *emcp,
                               const jz_lane_mask *slow, jz_lane *gamma, jz_lane *V_out,
                               jz_lane *V_last)
{
    const jz_lane r = *rp, c = *cp, emc = *emcp;
    jz_lane Q[JZ_STAGES_MAX + 2]; /* Q[n], n = 1..k+1 */
    jz_lane R[JZ_STAGES_MAX + 1]; /* R[n], n = 1..k */

    /* scaled_tail_series(k + 1, c, emc, &R[k]), each lane stopping where
     * its own scalar loop stops.  The loop runs until the last lane has
     * stopped; a lane's sums are taken at the term where its scalar loop
     * breaks (or at the cap), so they hold exactly the terms the scalar
     * sums hold.  What the lane adds after that is never read.  The stop
     * test does not feed back into the sums: in a vector there is no
     * branch to predict, and a mask on every addition would put the
     * comparison on the sums' chain of dependent operations (measured:
     * slower than the scalar code). */
    const int n = k + 1;
    const jz_lane one = SPLAT(1.0), zero = SPLAT(0.0), eps = SPLAT(JZ_ERLANG_SERIES_EPS);
    jz_lane term = LANE_PICK(*slow, one, zero), sum = one, sum_l = one;
    jz_lane lp1 = one;    /* (double)(l + 1), counted up: the same integers */
    jz_lane_mask on = *slow; /* lanes whose scalar loop goes on */
    int l = 1;

    /* The first terms, in blocks of four while their 1/m are in the table
     * (at most 60, 40 at k = 20; nearly every series ends there): the
     * sums after term l are kept in hist[l], and taken >= 0 counts, per lane,
     * the terms its scalar loop takes: one more for every term at which the
     * lane was still on (a mask is -1 where set).  The lane's sums are
     * hist[taken] afterwards: the vector loop does not pick per term. */
    jz_lane hist_sum[SERIES_HIST], hist_sum_l[SERIES_HIST];
    hist_sum[0] = one;
    hist_sum_l[0] = one;
    jz_lane_mask taken = (jz_lane_mask){0};
    while (l + 4 <= SERIES_HIST && n + l + 4 <= JZ_ERLANG_INV_N && lanes_any(&on)) {
        /* a stopped lane's term goes to 0, so that it does not run on
         * into subnormal numbers while the other lanes finish */
        term = LANE_PICK(on, term, zero);
        for (int t = 0; t < 4; t++, l++) {
            term = term * (c * SPLAT(jz_erlang_inv_table[n + l])); /* inv(n + l) */
            lp1 = lp1 + one;
            jz_lane lt = lp1 * term;
            sum = sum + term;
            sum_l = sum_l + lt;
            hist_sum[l] = sum;
            hist_sum_l[l] = sum_l;
            taken -= on;
            on &= ~(lt <= eps * sum); /* break in the scalar loop */
        }
    }
    jz_lane sum_at, sum_l_at; /* the sums where each lane stopped */
    for (int i = 0; i < JZ_LANES; i++) {
        sum_at[i] = hist_sum[taken[i]][i];
        sum_l_at[i] = hist_sum_l[taken[i]][i];
    }

    /* the rest, for lanes still on (a long chain with c near k + 1) */
    while (l < JZ_ERLANG_SERIES_MAX && lanes_any(&on)) {
        term = LANE_PICK(on, term, zero);
        for (int t = 0; t < 4 && l < JZ_ERLANG_SERIES_MAX; t++, l++) {
            term = term * (c * SPLAT(inv(n + l)));
            lp1 = lp1 + one;
            jz_lane lt = lp1 * term;
            sum = sum + term;
            sum_l = sum_l + lt;
            jz_lane_mask stop = on & (lt <= eps * sum); /* break in the scalar loop */
            sum_at = LANE_PICK(stop, sum, sum_at);
            sum_l_at = LANE_PICK(stop, sum_l, sum_l_at);
            on &= ~stop;
        }
    }
    /* lanes still on ran to the cap, as the scalar loop does */
    sum_at = LANE_PICK(on, sum, sum_at);
    sum_l_at = LANE_PICK(on, sum_l, sum_l_at);
    sum = sum_at;
    sum_l = sum_l_at;
    R[k] = emc * sum_l;
    Q[k + 1] = emc * sum;

    for (int m = k; m >= 1; m--)
        Q[m] = emc + c * SPLAT(inv(m + 1)) * Q[m + 1];
    for (int m = k - 1; m >= 1; m--)
        R[m] = emc + c * SPLAT(inv(m + 2)) * (R[m + 1] + Q[m + 2]);

    jz_lane u = one; /* r^j / (j+1)! */
    jz_lane V = SPLAT(0.0);
    for (int j = 0; j < k; j++) {
        if (j > 0)
            u = u * (r * SPLAT(inv(j + 1))); /* u *= r * inv(j + 1) */
        gamma[j] = u * Q[j + 1];
        jz_lane t = u * SPLAT(inv(j + 2)) * R[j + 1];
        V += t;
        if (j == k - 1)
            *V_last = t;
    }
    *V_out = V;
}

/* erlang.c's coef_fast, in every lane. */
JZ_LANE_INLINE void lanes_fast(int k, const jz_lane *rp, const jz_lane *cp, const jz_lane *emcp,
                               jz_lane *gamma, jz_lane *V_out, jz_lane *V_last)
{
    const jz_lane r = *rp, c = *cp, emc = *emcp;
    jz_lane pm[JZ_STAGES_MAX + 2]; /* Poisson pmf p_m, m = 0..k+1 */
    jz_lane P[JZ_STAGES_MAX + 2];  /* P(n, c), n = 1..k+1 */

    pm[0] = emc;
    for (int m = 1; m <= k + 1; m++)
        pm[m] = pm[m - 1] * c * SPLAT(inv(m));
    jz_lane lower = SPLAT(0.0);
    const jz_lane one = SPLAT(1.0);
    for (int m = 1; m <= k + 1; m++) {
        lower += pm[m - 1];
        P[m] = one - lower;
    }

    jz_lane ic = one / c, roc = r * ic;
    jz_lane q = ic; /* (r/c)^j / c */
    jz_lane V = SPLAT(0.0);
    for (int j = 0; j < k; j++) {
        if (j > 0)
            q = q * roc;
        jz_lane f = SPLAT((double)(j + 1)) * ic;
        gamma[j] = q * P[j + 1];
        jz_lane t = q * (P[j + 1] * (one - f) + f * pm[j + 1]);
        V += t;
        if (j == k - 1)
            *V_last = t;
    }
    *V_out = V;
}

/* jz_erlang_step_lanes for chains of k stages, 1 <= k <= JZ_STAGES_MAX. */
JZ_LANE_INLINE unsigned step_lanes_k(jz_erlang_lanes *restrict v, const int k, const double *D,
                                     const double *p, double tau)
{
    /* the rates as jz_erlang_step computes them: r = k / D * tau in the
     * vector, the ageing hazard a = -log1p(-p) / 12 * tau and e^{-c} by
     * libm lane by lane (a lane whose p has the bits of the previous one
     * takes its a) */
    jz_lane Dv, pv, a, emc;
    for (int l = 0; l < JZ_LANES; l++) {
        Dv[l] = D[l];
        pv[l] = p[l];
    }
    jz_lane r = SPLAT((double)k) / Dv * SPLAT(tau);
    for (int l = 0; l < JZ_LANES; l++)
        a[l] = l > 0 && same_bits(p[l], p[l - 1]) ? a[l - 1] : -log1p(-p[l]) / 12.0 * tau;
    jz_lane c = r + a;

    /* jz_erlang_step's checks, all lanes at once: isfinite(x) is
     * |x| <= DBL_MAX, and every comparison is false for NaN as in the
     * scalar test */
    const jz_lane big = SPLAT(DBL_MAX), zero = SPLAT(0.0), one = SPLAT(1.0);
    const jz_lane_mask abs_bits = (jz_lane_mask){0} + INT64_MAX;
#define FINITE_(x) ((jz_lane)((jz_lane_mask)(x) & abs_bits) <= big)
    jz_lane_mask good = FINITE_(Dv) & (Dv > zero) & (pv >= zero) & (pv < one) & FINITE_(r) &
                     FINITE_(c) & (r > zero);
#undef FINITE_
    if (!isfinite(tau) || !(tau > 0.0))
        good = (jz_lane_mask){0};
    unsigned bad = 0;
    for (int l = 0; l < JZ_LANES; l++)
        bad |= (good[l] == 0) << l;
    if (bad) { /* harmless numbers nobody reads */
        r = LANE_PICK(good, r, one);
        a = LANE_PICK(good, a, zero);
        c = LANE_PICK(good, c, one);
    }
    for (int l = 0; l < JZ_LANES; l++)
        emc[l] = exp(-c[l]);
    v->r = r;
    v->a = a;
    v->c = c;

    /* phi_m = e^{-c} r^m / m! */
    v->phi[0] = emc;
    for (int m = 1; m < k; m++)
        v->phi[m] = v->phi[m - 1] * r * SPLAT(inv(m));

    jz_lane_mask slow = c < SPLAT((double)(k + 1));
    const int n_slow = lanes_set(&slow);
    if (n_slow == JZ_LANES) {
        lanes_slow(k, &r, &c, &emc, &slow, v->gamma, &v->V, &v->V_last);
    } else if (n_slow == 0) {
        lanes_fast(k, &r, &c, &emc, v->gamma, &v->V, &v->V_last);
    } else {
        jz_lane gs[JZ_STAGES_MAX], Vs = SPLAT(0.0), Ls = SPLAT(0.0);
        lanes_slow(k, &r, &c, &emc, &slow, gs, &Vs, &Ls);
        lanes_fast(k, &r, &c, &emc, v->gamma, &v->V, &v->V_last);
        for (int j = 0; j < k; j++)
            v->gamma[j] = LANE_PICK(slow, gs[j], v->gamma[j]);
        v->V = LANE_PICK(slow, Vs, v->V);
        v->V_last = LANE_PICK(slow, Ls, v->V_last);
    }

    /* W_i = sum_{m=0}^{k-1-i} gamma_m */
    jz_lane w = SPLAT(0.0);
    for (int i = k - 1; i >= 0; i--) {
        w += v->gamma[k - 1 - i];
        v->W[i] = w;
    }
    return bad;
}

/* The clones are of a static function behind a plain one (flow_lanes.c
 * says why).  k a constant up to 4 (the stages of nearly every zorgsoort):
 * the loops over the stages written out, the same operations in the same
 * order. */
JZ_LANES_CLONES
static unsigned step_lanes(jz_erlang_lanes *restrict v, int k, const double *D, const double *p,
                           double tau)
{
    switch (k) {
    case 1: return step_lanes_k(v, 1, D, p, tau);
    case 2: return step_lanes_k(v, 2, D, p, tau);
    case 3: return step_lanes_k(v, 3, D, p, tau);
    case 4: return step_lanes_k(v, 4, D, p, tau);
    default:
        if (k < 1 || k > JZ_STAGES_MAX)
            return (1u << JZ_LANES) - 1u;
        return step_lanes_k(v, k, D, p, tau);
    }
}

unsigned jz_erlang_step_lanes(jz_erlang_lanes *v, int k, const double *D, const double *p,
                              double tau)
{
    return step_lanes(v, k, D, p, tau);
}

void jz_erlang_from_lane(jz_erlang *e, const jz_erlang_lanes *v, int l, int k, double D,
                         double p, double tau)
{
    e->k = k;
    e->D = D;
    e->p = p;
    e->tau = tau;
    e->r = v->r[l];
    e->a = v->a[l];
    e->c = v->c[l];
    for (int i = 0; i < k; i++) {
        e->phi[i] = v->phi[i][l];
        e->gamma[i] = v->gamma[i][l];
        e->W[i] = v->W[i][l];
    }
    e->V = v->V[l];
    e->V_last = v->V_last[l];
}
