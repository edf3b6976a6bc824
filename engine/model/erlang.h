/*
 * erlang.h - exact one-step coefficients of the Erlang care chain (internal).
 *
 * A zorgsoort's clients sit in k Erlang stages.  Each stage is left at rate
 * r (to the next stage, or out of care from the last one), and every stage
 * also loses clients to the ageing hazard a; c = r + a.  Over one step of
 * length 1 (rates already multiplied by the step length), with inflow I per
 * step entering stage 0 uniformly, the linear ODE has the exact solution
 *
 *   x_j(end) = sum_{i<=j} phi[j-i] x_i(start) + I gamma[j]
 *   CM       = sum_i x_i(start) W[i] + I V        (integral of the stock)
 *
 * with, writing P(n, c) = P[Poisson(c) >= n] (regularized lower gamma):
 *   phi[m]   = e^{-c} r^m / m!
 *   gamma[j] = (r/c)^j (1/c) P(j+1, c)
 *   W[i]     = sum_{m=0}^{k-1-i} gamma[m]
 *   V        = sum_{j=0}^{k-1} (r/c)^j (1/c) [P(j+1,c) - (j+1)/c P(j+2,c)]
 *   V_last   = the j = k-1 term of V (client-steps in the last stage)
 * Completions over the step, r times the integral of the last stage, are
 *   C        = r (sum_i x_i(start) gamma[k-1-i] + I V_last)
 * since gamma[m] is also the integral of phi_m over the step.
 * (derivation in docs/model.md).  These depend only on (k, D, p, step), so
 * the run computes them once per cell-year and applies them every month.
 *
 * The header is internal so that tests can compare the closed forms with a
 * matrix exponential of the generator.
 */
#ifndef JZ_MODEL_ERLANG_H
#define JZ_MODEL_ERLANG_H

#include "jzsim/scenario.h"

typedef struct jz_erlang {
    /* inputs, kept so that a caller can reuse the coefficients when the
     * next cell-year has the same (k, D, p, tau): they are a pure function
     * of these four */
    int k;                         /* stages */
    double D, p, tau;

    double r;                      /* stage exit rate per step: k / D * tau */
    double a;                      /* ageing hazard per step: -ln(1-p)/12 * tau */
    double c;                      /* r + a */
    /* entries at index >= k are not set */
    double phi[JZ_STAGES_MAX];     /* phi[m], m = 0..k-1: stage i -> i+m */
    double gamma[JZ_STAGES_MAX];   /* stock in stage j at the end per unit inflow */
    double W[JZ_STAGES_MAX];       /* client-steps per client starting in stage i */
    double V;                      /* client-steps per unit inflow */
    double V_last;                 /* of which in the last stage (the j = k-1 term of V) */
} jz_erlang;

/* The slow chain's series stop when a term no longer changes the sum; the
 * cap is a guard only (c < k+1 <= 21 converges in well under 100 terms). */
#define JZ_ERLANG_SERIES_EPS 1e-17
#define JZ_ERLANG_SERIES_MAX 1000

/* 1/m as erlang.c multiplies by it: a table for m < JZ_ERLANG_INV_N (the
 * scalar and the lane code must use the same doubles). */
#define JZ_ERLANG_INV_N 64
extern const double jz_erlang_inv_table[JZ_ERLANG_INV_N];
static inline double jz_erlang_inv(int m)
{
    return m < JZ_ERLANG_INV_N ? jz_erlang_inv_table[m] : 1.0 / (double)m;
}

/* 1 when e holds the coefficients for exactly these inputs. */
static inline int jz_erlang_same(const jz_erlang *e, int k, double D, double p, double tau)
{
    return e->k == k && e->D == D && e->p == p && e->tau == tau;
}

/* Coefficients for one step of tau months of a chain with k stages, mean
 * duration D months and annual ageing fraction p.  Returns 0, or -1 (e
 * untouched) when k is not in 1..JZ_STAGES_MAX, D or tau is not finite and
 * > 0, p is not in [0, 1), or the rates overflow.  Pure, no allocation. */
int jz_erlang_step(jz_erlang *e, int k, double D, double p, double tau);

/* P(n, c) = P[Poisson(c) >= n] for n >= 0, c >= 0, computed the same way as
 * inside jz_erlang_step (exposed for tests and the benchmark). */
double jz_poisson_tail(int n, double c);

#endif
