/*
 * test_model_erlang.c - the closed-form one-step coefficients of
 * engine/model/erlang.c against independent GSL references:
 *   - the matrix exponential (gsl_linalg_exponential_ss) of the augmented
 *     generator [stages | inflow | integrator], whose columns hold exactly
 *     phi, gamma, W and V;
 *   - the Poisson tails against gsl_sf_gamma_inc_P, down to tiny c where
 *     1 - (lower sum) would have lost every digit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_sf_gamma.h>

#include "model/erlang.h"
#include "model_support.h"

/* Reference coefficients from exp(M) where, for state
 * (x_0..x_{k-1}, u, CM):  x_0' = -c x_0 + u,  x_j' = r x_{j-1} - c x_j,
 * u' = 0 (the constant inflow rate),  CM' = sum_j x_j. */
typedef struct ref_coef {
    double phi[JZ_STAGES_MAX], gamma[JZ_STAGES_MAX], W[JZ_STAGES_MAX], V;
} ref_coef;

static void reference(int k, double r, double c, ref_coef *out)
{
    size_t n = (size_t)k + 2, iu = (size_t)k, icm = (size_t)k + 1;
    gsl_matrix *M = gsl_matrix_calloc(n, n);
    gsl_matrix *E = gsl_matrix_calloc(n, n);
    assert_non_null(M);
    assert_non_null(E);
    for (size_t j = 0; j < (size_t)k; j++) {
        gsl_matrix_set(M, j, j, -c);
        if (j > 0)
            gsl_matrix_set(M, j, j - 1, r);
        gsl_matrix_set(M, icm, j, 1.0);
    }
    gsl_matrix_set(M, 0, iu, 1.0);
    assert_int_equal(gsl_linalg_exponential_ss(M, E, GSL_PREC_DOUBLE), GSL_SUCCESS);
    for (int m = 0; m < k; m++)
        out->phi[m] = gsl_matrix_get(E, (size_t)m, 0); /* from stage 0 to m */
    for (int j = 0; j < k; j++)
        out->gamma[j] = gsl_matrix_get(E, (size_t)j, iu);
    for (int i = 0; i < k; i++)
        out->W[i] = gsl_matrix_get(E, icm, (size_t)i);
    out->V = gsl_matrix_get(E, icm, iu);
    /* the chain is shift invariant: stage i -> i+m equals 0 -> m */
    for (int i = 1; i < k; i++)
        for (int m = 0; i + m < k; m++)
            assert_true(jzm_close(gsl_matrix_get(E, (size_t)(i + m), (size_t)i),
                                  out->phi[m], 1e-12, 1e-300));
    gsl_matrix_free(M);
    gsl_matrix_free(E);
}

/* (k, D months, p per year) including small c (D = 600) and large c (D = 0.5, k = 8). */
static const struct { int k; double D, p; } cases[] = {
    {1, 6.0, 0.0},  {1, 6.0, 0.2},   {2, 9.0, 0.05}, {3, 6.0, 0.0},
    {3, 14.0, 0.1}, {4, 24.0, 0.3},  {1, 600.0, 0.0}, {3, 600.0, 0.0},
    {5, 600.0, 0.01}, {8, 0.5, 0.0}, {8, 0.5, 0.5},  {2, 0.25, 0.0},
    {6, 5.0, 0.0},  {7, 7.5, 0.02},  {20, 20.0, 0.0}, {20, 3.0, 0.1},
    {4, 1e5, 0.0},  {1, 1.0, 0.999},
};

static void test_coefficients_match_matrix_exponential(void **state)
{
    (void)state;
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        jz_erlang e;
        int k = cases[t].k;
        assert_int_equal(jz_erlang_step(&e, k, cases[t].D, cases[t].p, 1.0), 0);
        assert_true(fabs(e.r - k / cases[t].D) <= 1e-15 * e.r);
        assert_true(jzm_close(e.a, -log(1.0 - cases[t].p) / 12.0, 1e-14, 1e-300));
        ref_coef ref;
        reference(k, e.r, e.c, &ref);
        /* measured agreement is ~1e-14 relative everywhere, including the
         * tiny e^{-c} entries at c = 16 */
        for (int m = 0; m < k; m++) {
            if (!jzm_close(e.phi[m], ref.phi[m], 1e-12, 1e-300) ||
                !jzm_close(e.gamma[m], ref.gamma[m], 1e-12, 1e-300) ||
                !jzm_close(e.W[m], ref.W[m], 1e-12, 1e-300))
                fail_msg("case %zu (k=%d D=%g p=%g) index %d: phi %.17g/%.17g "
                         "gamma %.17g/%.17g W %.17g/%.17g", t, k, cases[t].D,
                         cases[t].p, m, e.phi[m], ref.phi[m], e.gamma[m],
                         ref.gamma[m], e.W[m], ref.W[m]);
        }
        if (!jzm_close(e.V, ref.V, 1e-12, 1e-300))
            fail_msg("case %zu: V %.17g vs %.17g", t, e.V, ref.V);
    }
}

/* gamma, W and V in terms of P(n, c) as written in docs/model.md, with
 * gsl_sf_gamma_inc_P as P: this checks the formulas themselves (and the
 * regime switch at c = k + 1 from both sides). */
static void test_coefficients_match_formula_with_gsl_gamma(void **state)
{
    (void)state;
    const int ks[] = {1, 2, 3, 4, 8, 20};
    const double cs[] = {1e-6, 1e-3, 0.01, 0.3, 1.0, 1.999, 2.0, 2.001, 3.7,
                         4.0, 4.99, 5.0, 8.9999, 9.0, 9.0001, 20.9, 21.0, 21.1, 60.0};
    for (size_t ik = 0; ik < sizeof ks / sizeof ks[0]; ik++) {
        for (size_t ic = 0; ic < sizeof cs / sizeof cs[0]; ic++) {
            int k = ks[ik];
            double c = cs[ic];
            for (int withage = 0; withage < 2; withage++) {
                /* choose D (and p) so that r + a = c */
                double a = withage ? fmin(0.25 * c, 1.0) : 0.0; /* p = 1 - e^{-12a} < 1 */
                double p = -expm1(-12.0 * a);
                double D = k / (c - a);
                jz_erlang e;
                assert_int_equal(jz_erlang_step(&e, k, D, p, 1.0), 0);
                double r = e.r, cc = e.c;
                double V = 0.0, Wsum = 0.0;
                for (int j = 0; j < k; j++) {
                    double q = pow(r / cc, j) / cc;
                    double P1 = gsl_sf_gamma_inc_P(j + 1, cc);
                    double P2 = gsl_sf_gamma_inc_P(j + 2, cc);
                    double g = q * P1;
                    if (!jzm_close(e.gamma[j], g, 1e-12, 1e-300))
                        fail_msg("k=%d c=%g a=%g gamma[%d] %.17g vs %.17g", k, c, a, j,
                                 e.gamma[j], g);
                    V += q * (P1 - (j + 1) / cc * P2);
                    double phi = exp(-cc) * pow(r, j) / tgamma(j + 1.0);
                    assert_true(jzm_close(e.phi[j], phi, 1e-12, 1e-300));
                }
                for (int i = k - 1; i >= 0; i--) {
                    Wsum += e.gamma[k - 1 - i];
                    assert_true(jzm_close(e.W[i], Wsum, 1e-13, 1e-300));
                }
                /* the reference bracket cancels by up to a factor k+1 */
                if (!jzm_close(e.V, V, 1e-12 * (k + 1), 1e-300))
                    fail_msg("k=%d c=%g V %.17g vs %.17g", k, c, e.V, V);
            }
        }
    }
}

/* Mass balance of one step from the coefficients alone: what leaves
 * (1 - sum_j x_j(end)) is the completion flow r * (integral of the last
 * stage) plus ageing a * CM; checks phi, gamma, W, V against each other. */
static void test_step_balance(void **state)
{
    (void)state;
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        jz_erlang e;
        int k = cases[t].k;
        assert_int_equal(jz_erlang_step(&e, k, cases[t].D, cases[t].p, 1.0), 0);
        /* one client in stage i: remaining mass sum_{j>=i} phi_{j-i};
         * integral of the last stage = gamma_{k-1-i} (same integral) */
        for (int i = 0; i < k; i++) {
            double left = 0.0;
            for (int j = i; j < k; j++)
                left += e.phi[j - i];
            double out = e.r * e.gamma[k - 1 - i] + e.a * e.W[i];
            assert_true(jzm_close(left + out, 1.0, 1e-12, 0));
        }
        /* unit inflow: V = int_0^1 (1-u) S(u) du with S the (decreasing)
         * survival and W_0 = int_0^1 S(u) du, so W_0/2 <= V <= min(W_0, 1/2)
         * (Chebyshev's sum inequality for two decreasing functions) */
        assert_true(e.V >= 0.5 * e.W[0] * (1 - 1e-14));
        assert_true(e.V <= e.W[0] * (1 + 1e-14) && e.V <= 0.5 * (1 + 1e-14));
    }
}

/* The step length is a variable: two half-steps equal one full step. */
static void test_step_composition(void **state)
{
    (void)state;
    jz_erlang full, half;
    int k = 3;
    assert_int_equal(jz_erlang_step(&full, k, 7.0, 0.1, 1.0), 0);
    assert_int_equal(jz_erlang_step(&half, k, 7.0, 0.1, 0.5), 0);
    double x[3] = {1.0, 2.0, 3.0}, I = 0.8; /* I per month */
    double y1[3], cm1 = 0.0, cm2 = 0.0;
    for (int j = 0; j < k; j++) {
        y1[j] = I * full.gamma[j];
        for (int i = 0; i <= j; i++)
            y1[j] += full.phi[j - i] * x[i];
        cm1 += x[j] * full.W[j];
    }
    cm1 += I * full.V;
    double z[3] = {1.0, 2.0, 3.0};
    for (int s = 0; s < 2; s++) {
        double n[3];
        for (int j = 0; j < k; j++) {
            n[j] = I * 0.5 * half.gamma[j];
            for (int i = 0; i <= j; i++)
                n[j] += half.phi[j - i] * z[i];
            cm2 += 0.5 * z[j] * half.W[j]; /* client-half-steps -> months */
        }
        cm2 += 0.5 * I * 0.5 * half.V;
        for (int j = 0; j < k; j++)
            z[j] = n[j];
    }
    for (int j = 0; j < k; j++)
        assert_true(jzm_close(z[j], y1[j], 1e-13, 0));
    assert_true(jzm_close(cm2, cm1, 1e-13, 0));
}

static void test_poisson_tail_against_gsl(void **state)
{
    (void)state;
    const double cs[] = {1e-12, 1e-8, 1e-4, 0.01, 0.1, 0.5, 0.999, 1.0, 2.5, 7.0,
                         20.0, 21.0, 22.0, 50.0, 200.0, 800.0};
    for (int n = 0; n <= JZ_STAGES_MAX + 2; n++)
        for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
            double got = jz_poisson_tail(n, cs[i]);
            double want = n == 0 ? 1.0 : gsl_sf_gamma_inc_P(n, cs[i]);
            if (!jzm_close(got, want, 1e-12, 1e-300))
                fail_msg("P(%d, %g) = %.17g, gsl %.17g", n, cs[i], got, want);
        }
    assert_true(jz_poisson_tail(3, 0.0) == 0.0);
}

static void test_invalid_arguments(void **state)
{
    (void)state;
    jz_erlang e;
    assert_int_equal(jz_erlang_step(&e, 0, 6.0, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, JZ_STAGES_MAX + 1, 6.0, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 0.0, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, -3.0, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, NAN, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, INFINITY, 0.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 6.0, 1.0, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 6.0, -0.1, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 6.0, NAN, 1.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 6.0, 0.0, 0.0), -1);
    assert_int_equal(jz_erlang_step(&e, 1, 1e-310, 0.0, 1.0), -1); /* r overflows */
    assert_int_equal(jz_erlang_step(&e, 1, 6.0, 0.0, 1.0), 0);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coefficients_match_matrix_exponential),
        cmocka_unit_test(test_coefficients_match_formula_with_gsl_gamma),
        cmocka_unit_test(test_step_balance),
        cmocka_unit_test(test_step_composition),
        cmocka_unit_test(test_poisson_tail_against_gsl),
        cmocka_unit_test(test_invalid_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
