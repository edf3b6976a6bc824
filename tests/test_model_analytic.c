/*
 * test_model_analytic.c - the model's volumes against exact solutions:
 *   - Little's law: constant instroom I/yr and duration D months give a
 *     stock of I D / 12 (k = 1 and k = 3), and an equal split over the
 *     stages is already that steady state;
 *   - no instroom: the stock decays like the Erlang survival (k = 1: a pure
 *     exponential; k = 3: a mixture of residual Erlang survivals from
 *     gsl_sf_gamma_inc_Q), whatever the number of steps per year;
 *   - a one-year pulse of instroom (with ageing): the exact convolution of
 *     the survival with the inflow, by gsl_integration, for the stock and
 *     for the client-years.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>

#include "jzsim/model.h"
#include "model_support.h"
#include "jztest.h"
#include "scenario/build.h"

/* One gemeente, one zorgsoort with k stages and duration D, constant
 * instroom I per year from the base year. */
static jz_scenario *single(int H, int k, double D, double I, double start)
{
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    s->zorgsoorten[0].stages = k;
    jz_cell *c = &s->cells[0];
    c->start = start;
    jz_fill(c->zorgduur, H, D);
    jz_fill(c->instroom, H, I);
    return s;
}

static void little(int k)
{
    const int H = 40;
    const double D = 6.0, I = 150.0, L = I * D / 12.0;
    jz_scenario *s = single(H, k, D, I, 0.0);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    size_t last = jz_result_cz(r, 0, 0, H - 1);
    assert_true(jzm_close(r->end[last], L, 1e-3, 0));
    assert_true(jzm_close(r->client_years[last], L, 1e-3, 0));
    /* in steady state a year's exits equal its instroom */
    assert_true(jzm_close(r->uitstroom[last], I, 1e-3, 0));
    jzt_free_all(s, w, r);

    /* start at the steady state, split equally over the stages: it stays */
    s = single(H, k, D, I, L);
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        if (!jzm_close(r->end[i], L, 1e-12, 0) || !jzm_close(r->client_years[i], L, 1e-12, 0))
            fail_msg("k=%d year %d: end %.17g client_years %.17g, want %.17g", k, y,
                     r->end[i], r->client_years[i], L);
    }
    jzt_free_all(s, w, r);
}

static void test_little_law_k1(void **state) { (void)state; little(1); }
static void test_little_law_k3(void **state) { (void)state; little(3); }

static void decay_k1(int steps)
{
    const int H = 12;
    const double D = 7.0, N0 = 1000.0;
    jz_scenario *s = single(H, 1, D, 0.0, N0);
    s->meta.steps_per_year = steps;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        double want = N0 * exp(-12.0 * (y + 1) / D);
        double cy = N0 * D / 12.0 * (exp(-12.0 * y / D) - exp(-12.0 * (y + 1) / D));
        if (!jzm_close(r->end[i], want, 1e-10, 0))
            fail_msg("steps %d year %d: end %.17g want %.17g", steps, y, r->end[i], want);
        if (!jzm_close(r->client_years[i], cy, 1e-10, 0))
            fail_msg("steps %d year %d: client_years %.17g want %.17g", steps, y,
                     r->client_years[i], cy);
    }
    jzt_free_all(s, w, r);
}

static void test_decay_k1_monthly(void **state) { (void)state; decay_k1(12); }
/* the step is a variable: the exact step solution does not depend on it */
static void test_decay_k1_other_steps(void **state)
{
    (void)state;
    decay_k1(1);
    decay_k1(4);
    decay_k1(52);
}

static void test_decay_k3_mixture(void **state)
{
    (void)state;
    const int H = 6, k = 3;
    const double D = 10.0, N0 = 900.0, rate = k / D;
    jz_scenario *s = single(H, k, D, 0.0, N0);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        double t = 12.0 * (y + 1);
        /* a client in stage i has k - i exponential stages left */
        double want = 0.0;
        for (int i = 0; i < k; i++)
            want += N0 / k * gsl_sf_gamma_inc_Q(k - i, rate * t);
        size_t idx = jz_result_cz(r, 0, 0, y);
        if (!jzm_close(r->end[idx], want, 1e-10, 0))
            fail_msg("year %d: end %.17g want %.17g", y, r->end[idx], want);
    }
    jzt_free_all(s, w, r);
}

/* ---- pulse: instroom I in year 0 only, uniform in time ---- */

typedef struct pulse {
    int k;
    double rate, a, I;
    double t; /* for the inner integral */
    gsl_integration_workspace *ws_inner;
} pulse;

/* survival of one client u months after entry: Erlang(k, rate) time in
 * care, competing with the ageing hazard a */
static double survival(double u, const pulse *p)
{
    return gsl_sf_gamma_inc_Q(p->k, p->rate * u) * exp(-p->a * u);
}

static double survival_f(double u, void *vp) { return survival(u, vp); }

/* stock at month t: (I/12) int_{max(0,t-12)}^{t} S(u) du */
static double stock_at(double t, pulse *p)
{
    gsl_function f = {survival_f, p};
    double lo = t > 12.0 ? t - 12.0 : 0.0, v, e;
    int rc = gsl_integration_qags(&f, lo, t, 0.0, 1e-13, 1000, p->ws_inner, &v, &e);
    assert_true(rc == GSL_SUCCESS || rc == GSL_EROUND);
    return p->I / 12.0 * v;
}

static double stock_f(double t, void *vp) { return stock_at(t, vp); }

/* The solution is exact for any step length, so the pulse (uniform over
 * the year) matches the convolution for monthly, quarterly and yearly
 * steps alike. */
static void pulse_convolution(int steps)
{
    const int H = 6, k = 3;
    const double D = 9.0, I = 240.0, pa = 0.1;
    jz_scenario *s = single(H, k, D, 0.0, 0.0);
    s->meta.steps_per_year = steps;
    s->cells[0].instroom[0] = I;
    jz_fill(s->cells[0].ageing_rate, H, pa);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);

    pulse p = {k, k / D, -log(1.0 - pa) / 12.0, I, 0.0, NULL};
    p.ws_inner = gsl_integration_workspace_alloc(1000);
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(1000);
    assert_non_null(p.ws_inner);
    assert_non_null(ws);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        double want = stock_at(12.0 * (y + 1), &p);
        if (!jzm_close(r->end[i], want, 1e-9, 0))
            fail_msg("steps %d year %d: end %.17g want %.17g", steps, y, r->end[i], want);
        /* client-years: (1/12) int over the year of the stock */
        gsl_function f = {stock_f, &p};
        double cy, e;
        int rc = gsl_integration_qags(&f, 12.0 * y, 12.0 * (y + 1), 0.0, 1e-11, 1000, ws, &cy, &e);
        assert_true(rc == GSL_SUCCESS || rc == GSL_EROUND);
        cy /= 12.0;
        if (!jzm_close(r->client_years[i], cy, 1e-8, 0))
            fail_msg("steps %d year %d: client_years %.17g want %.17g", steps, y,
                     r->client_years[i], cy);
        /* everyone who ages out does so at hazard a: A = a * client-months */
        assert_true(jzm_close(r->uit_aged_out[i], p.a * 12.0 * cy, 1e-8, 0));
    }
    gsl_integration_workspace_free(ws);
    gsl_integration_workspace_free(p.ws_inner);
    jzt_free_all(s, w, r);
}

static void test_pulse_convolution(void **state)
{
    (void)state;
    pulse_convolution(12);
    pulse_convolution(4);
    pulse_convolution(1);
}

/* k = 1 with ageing: completions and ageing split the exits r : a. */
static void test_ageing_competes_with_completion(void **state)
{
    (void)state;
    const int H = 5;
    const double D = 8.0, N0 = 500.0, pa = 0.2;
    jz_scenario *s = single(H, 1, D, 0.0, N0);
    jz_fill(s->cells[0].ageing_rate, H, pa);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    double a = -log(1.0 - pa) / 12.0, rate = 1.0 / D;
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        double want = N0 * exp(-(rate + a) * 12.0 * (y + 1));
        assert_true(jzm_close(r->end[i], want, 1e-10, 0));
        assert_true(jzm_close(r->uit_aged_out[i], r->uitstroom[i] * a / (a + rate), 1e-10, 0));
        assert_true(jzm_close(r->uit_out[i], r->uitstroom[i] * rate / (a + rate), 1e-10, 0));
    }
    /* over one year without completions (huge D) exactly p of the stock ages out */
    jzt_free_all(s, w, r);
    s = single(1, 2, 1e12, 0.0, N0);
    jz_fill(s->cells[0].ageing_rate, 1, pa);
    jzt_run_ok(s, &w, &r);
    assert_true(jzm_close(r->end[0], N0 * (1.0 - pa), 1e-9, 0));
    jzt_free_all(s, w, r);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_little_law_k1),
        cmocka_unit_test(test_little_law_k3),
        cmocka_unit_test(test_decay_k1_monthly),
        cmocka_unit_test(test_decay_k1_other_steps),
        cmocka_unit_test(test_decay_k3_mixture),
        cmocka_unit_test(test_pulse_convolution),
        cmocka_unit_test(test_ageing_competes_with_completion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
