/*
 * test_mc.c - Monte Carlo, sensitivity and break-even against analytic
 * answers: a scenario where the cost is linear in the one uncertain input
 * (the price per client-year) has known means, percentiles and break-even;
 * zero-width distributions reproduce the deterministic run exactly; the
 * result does not depend on the number of threads (bit for bit); common
 * random numbers make a difference between scenarios free of noise.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "jzsim/jzsim.h"
#include "jzsim/mc.h"
#include "jzsim/sensitivity.h"
#include "jztest.h"

/* One gemeente, one zorgsoort, no indexation: cost_y = client_years_y x price,
 * tekort_y = cost_y - budget.  %s is the price, %s the budget amount. */
#define LINEAR                                          \
    "meta: {name: Lineair, base_year: 2024, horizon: 3}\n" \
    "zorgsoorten:\n"                                        \
    "  - key: a\n"                                          \
    "    start: 1000\n"                                     \
    "    instroom: 900\n"                                   \
    "    zorgduur: %s\n"                                    \
    "    cost: %s\n"                                        \
    "    budget: {amount: %s}\n"                            \
    "gemeenten: [{code: GM0001, name: X}]\n"

static jz_scenario *linear(const char *zorgduur, const char *cost, const char *budget)
{
    char buf[2048];
    snprintf(buf, sizeof buf, LINEAR, zorgduur, cost, budget);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(buf, strlen(buf), "lin.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* A richer scenario: two gemeenten, several kinds, a correlation, a rate. */
static const char *RICH = "meta: {name: Rijk, base_year: 2024, horizon: 4}\n"
                          "indexation:\n"
                          "  tariff: {dist: normal, mean: 4%, sd: 1%}\n"
                          "  budget: 3%\n"
                          "zorgsoorten:\n"
                          "  - key: ambulant\n"
                          "    start: 1000\n"
                          "    instroom: {per_1000: {dist: pert, low: 25, mode: 30, high: 40}}\n"
                          "    zorgduur: {dist: triangular, low: 10, mode: 12, high: 15}\n"
                          "    cost: {dist: uniform, low: 8k, high: 10k}\n"
                          "    transitions: {pleeg: {dist: uniform, low: 1%, high: 5%}}\n"
                          "    budget: {volume: 1000, price: 9k}\n"
                          "  - key: pleeg\n"
                          "    start: {value: 100, low: 80, high: 120}\n"
                          "    instroom: 40\n"
                          "    zorgduur: {dist: lognormal, median: 24, sd_log: 0.15}\n"
                          "    cost: {tariff: {dist: normal, mean: 100, sd: 8}, units_per_year: 250}\n"
                          "    budget: {volume: 100, price: 25k}\n"
                          "gemeenten:\n"
                          "  - {code: GM0001, name: Een, population: {youth: 30000}}\n"
                          "  - code: GM0002\n"
                          "    name: Twee\n"
                          "    population: {youth: 20000}\n"
                          "    fixed_costs: [{name: Lokaal, amount: {dist: normal, mean: 2M, sd: 100k}}]\n"
                          "    zorg: {ambulant: {zorgduur: 11}}\n"
                          "uncertainty:\n"
                          "  correlations:\n"
                          "    - inputs: [indexation.tariff, \"zorgsoorten[pleeg].cost.tariff\"]\n"
                          "      rho: 0.6\n";

static jz_scenario *rich(void)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(RICH, strlen(RICH), "rijk.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* The deterministic run's g_* value of the total in year y. */
static double point_run(const jz_scenario *s, size_t offset, int y)
{
    jz_error err;
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    double v = (*(double **)(void *)((char *)r + offset))[jz_result_gy(r, s->n_gemeenten, y)];
    jz_workspace_free(w);
    jz_result_free(r);
    return v;
}

static jz_mc_result *mc(const jz_scenario *s, long draws, unsigned long seed, int threads, int keep)
{
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = draws;
    o.seed = seed;
    o.threads = threads;
    o.keep_draws = keep;
    jz_mc_result *r = NULL;
    jz_error err;
    if (jz_mc_run(s, &o, &r, &err) != JZ_OK)
        fail_msg("%s", err.message);
    return r;
}

static void test_linear_convergence(void **state)
{
    (void)state;
    const double mu = 9000.0, sd = 900.0, budget = 8e6;
    const long N = 20000;
    jz_scenario *s = linear("12", "{dist: normal, mean: 9k, sd: 900}", "8M");
    jz_mc_result *r = mc(s, N, 2026, 2, 0);
    /* the base year is realisatie: the price is not drawn there */
    const jz_mc_stat *c0 = &r->stat[jz_mc_fig(r, JZ_MC_COST, 0)];
    assert_true(c0->min == c0->point && c0->max == c0->point && c0->sd == 0.0);
    for (int y = 1; y < 3; y++) {
        /* a_y: client-years, from the point run */
        double a = point_run(s, offsetof(jz_result, g_cost), y) / mu;
        const jz_mc_stat *c = &r->stat[jz_mc_fig(r, JZ_MC_COST, y)];
        const jz_mc_stat *t = &r->stat[jz_mc_fig(r, JZ_MC_TEKORT, y)];
        double se = a * sd / sqrt((double)N);
        assert_close(c->point, a * mu, 1e-6);
        if (!(fabs(c->mean - a * mu) <= 4.0 * se))
            fail_msg("year %d: mean cost %.2f, expected %.2f +- %.2f", y, c->mean, a * mu, 4.0 * se);
        assert_rel(c->sd, a * sd, 0.03);
        assert_rel(c->se, se, 0.03);
        assert_close(t->mean - c->mean, -budget, 1e-3);
        static const double probs[JZ_MC_NQ] = {0.05, 0.25, 0.50, 0.75, 0.95};
        for (int k = 0; k < JZ_MC_NQ; k++) {
            double p = probs[k], z = gsl_cdf_ugaussian_Pinv(p);
            double want = a * (mu + sd * z);
            /* standard error of a sample quantile: sqrt(p(1-p)/N) / density */
            double seq = sqrt(p * (1.0 - p) / (double)N) / (exp(-0.5 * z * z) / sqrt(2.0 * 3.14159265358979)) * a * sd;
            if (!(fabs(c->q[k] - want) <= 4.0 * seq))
                fail_msg("year %d P%g: %.2f, expected %.2f +- %.2f", y, 100 * p, c->q[k], want, 4.0 * seq);
            assert_close(t->q[k], c->q[k] - budget, 1e-3);
        }
        assert_false(c->coarse);
    }
    jz_mc_result_free(r);

    /* the probability that the tekort stays below a threshold */
    double a2 = point_run(s, offsetof(jz_result, g_cost), 2) / mu;
    double thr = a2 * (mu + sd * gsl_cdf_ugaussian_Pinv(0.3)) - budget;
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = N;
    o.threshold = thr;
    jz_error err;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_OK);
    if (!(fabs(r->p_below[2] - 0.3) <= 4.0 * sqrt(0.3 * 0.7 / (double)N)))
        fail_msg("P(tekort < threshold) = %.4f, expected 0.3", r->p_below[2]);
    assert_close(r->threshold, thr, 0.0);
    jz_mc_result_free(r);
    jz_scenario_free(s);
}

static void same_stats(const jz_mc_result *a, const jz_mc_result *b)
{
    assert_int_equal(a->n_figures, b->n_figures);
    for (int f = 0; f < a->n_figures; f++)
        if (memcmp(&a->stat[f], &b->stat[f], sizeof a->stat[f]) != 0)
            fail_msg("figure %d differs: P50 %.17g vs %.17g, mean %.17g vs %.17g", f, a->stat[f].q[2],
                     b->stat[f].q[2], a->stat[f].mean, b->stat[f].mean);
    assert_memory_equal(a->p_below, b->p_below, (size_t)a->horizon * sizeof(double));
}

static void test_threads_identical(void **state)
{
    (void)state;
    jz_scenario *s = rich();
    assert_int_equal(s->n_uncertain, 9);
    jz_mc_result *r1 = mc(s, 3000, 77, 1, 1), *r2 = mc(s, 3000, 77, 2, 1), *r3 = mc(s, 3000, 77, 3, 0);
    same_stats(r1, r2);
    same_stats(r1, r3);
    assert_memory_equal(r1->kept_values, r2->kept_values, (size_t)3000 * (size_t)r1->n_figures * sizeof(double));
    assert_memory_equal(r1->kept_inputs, r2->kept_inputs, (size_t)3000 * (size_t)s->n_uncertain * sizeof(double));
    /* the kept draws are the draws the bands summarise */
    double mx = -INFINITY;
    int f = jz_mc_fig(r1, JZ_MC_TEKORT, 3);
    for (long d = 0; d < 3000; d++)
        mx = fmax(mx, r1->kept_values[(size_t)d * (size_t)r1->n_figures + (size_t)f]);
    assert_close(mx, r1->stat[f].max, 0.0);
    /* another seed gives other bands */
    jz_mc_result *r4 = mc(s, 3000, 78, 2, 0);
    assert_true(r4->stat[f].mean != r1->stat[f].mean);
    jz_mc_result_free(r1);
    jz_mc_result_free(r2);
    jz_mc_result_free(r3);
    jz_mc_result_free(r4);
    jz_scenario_free(s);
}

static void test_zero_width_reproduces_run(void **state)
{
    (void)state;
    const char *y = "meta: {name: Nul, base_year: 2024, horizon: 4}\n"
                    "indexation: {tariff: {dist: normal, mean: 4%, sd: 0}, budget: 3%}\n"
                    "zorgsoorten:\n"
                    "  - key: ambulant\n"
                    "    start: {value: 1000, low: 1000, high: 1000}\n"
                    "    instroom: {per_1000: {dist: pert, low: 30, mode: 30, high: 30}}\n"
                    "    zorgduur: {dist: triangular, low: 12, mode: 12, high: 12}\n"
                    "    cost: {dist: uniform, low: 9k, high: 9k}\n"
                    "    transitions: {pleeg: {dist: uniform, low: 3%, high: 3%}}\n"
                    "    budget: {volume: 1000, price: 9k}\n"
                    "  - key: pleeg\n"
                    "    instroom: 40\n"
                    "    zorgduur: {dist: lognormal, median: 24, sd_log: 0}\n"
                    "    cost: {tariff: {dist: normal, mean: 100, sd: 0}, units_per_year: 250}\n"
                    "gemeenten:\n"
                    "  - {code: GM0001, name: Een, population: {youth: 30000}}\n"
                    "  - {code: GM0002, name: Twee, population: {youth: 20000},\n"
                    "     fixed_costs: [{name: L, amount: {dist: normal, mean: 2M, sd: 0}}]}\n";
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(y, strlen(y), "nul.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    assert_int_equal(s->n_uncertain, 9);
    jz_mc_result *r = mc(s, 1500, 3, 2, 0);
    static const size_t off[JZ_MC_N_GEMEENTE] = {offsetof(jz_result, g_cost), offsetof(jz_result, g_tekort),
                                                 offsetof(jz_result, g_beinvloedbaar),
                                                 offsetof(jz_result, g_unique)};
    for (int m = 0; m < JZ_MC_N_GEMEENTE; m++)
        for (int yy = 0; yy < 4; yy++) {
            double want = point_run(s, off[m], yy);
            const jz_mc_stat *st = &r->stat[jz_mc_fig(r, m, yy)];
            assert_memory_equal(&st->point, &want, sizeof want);
            assert_memory_equal(&st->mean, &want, sizeof want);
            assert_memory_equal(&st->min, &want, sizeof want);
            assert_memory_equal(&st->max, &want, sizeof want);
            for (int k = 0; k < JZ_MC_NQ; k++)
                assert_memory_equal(&st->q[k], &want, sizeof want);
            assert_close(st->sd, 0.0, 0.0);
        }
    jz_mc_result_free(r);
    jz_scenario_free(s);
}

static void test_tornado_ranks_dominant_input(void **state)
{
    (void)state;
    jz_scenario *s = linear("{value: 12, low: 11.8, high: 12.2}", "{value: 9k, low: 5k, high: 13k}",
                            "{value: 8M, low: 7.9M, high: 8.1M}");
    jz_sensitivity *t = NULL;
    jz_error err;
    assert_int_equal(jz_sensitivity_run(s, -1, 0, &t, &err), JZ_OK);
    assert_int_equal(t->n_bars, 3);
    assert_int_equal(t->year, 2026);
    assert_string_equal(t->bars[0].path, "zorgsoorten[a].cost");
    /* linear in the price: the swing is client-years x 8000 */
    double a = point_run(s, offsetof(jz_result, g_cost), 2) / 9000.0;
    assert_rel(t->bars[0].swing, a * 8000.0, 1e-9);
    assert_rel(t->bars[0].at_low, a * 5000.0 - 8e6, 1e-9);
    /* the budget moves the tekort one for one */
    int ib = t->bars[1].path[strlen(t->bars[1].path) - 1] == 't' ? 1 : 2;
    assert_string_equal(t->bars[ib].path, "zorgsoorten[a].budget.amount");
    assert_rel(t->bars[ib].swing, 200000.0, 1e-9);
    /* summed over the horizon: the two projected years (the base year is realisatie) */
    assert_rel(t->bars[ib].swing_sum, 400000.0, 1e-9);
    assert_true(t->bars[0].swing >= t->bars[1].swing && t->bars[1].swing >= t->bars[2].swing);
    assert_close(t->base, point_run(s, offsetof(jz_result, g_tekort), 2), 0.0);
    jz_sensitivity_free(t);
    jz_scenario_free(s);
}

/* The tornado of one gemeente and of the region keeps only those figures
 * (a rolling result): each swing end must be the same bits as the tekort of
 * a full run with the input at that value. */
static void test_tornado_gemeente_same_bits(void **state)
{
    (void)state;
    jz_scenario *s = rich();
    jz_scenario *c = jz_scenario_copy(s);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_error err;
    assert_non_null(c);
    for (int g = -1; g < s->n_gemeenten; g++) {
        jz_sensitivity *t = NULL;
        assert_int_equal(jz_sensitivity_run(s, g, 2026, &t, &err), JZ_OK);
        assert_true(t->n_bars > 3);
        int slot = g < 0 ? s->n_gemeenten : g;
        for (int k = 0; k < t->n_bars; k++) {
            const jz_tornado_bar *b = &t->bars[k];
            double ends[2] = {b->low, b->high}, got[2] = {b->at_low, b->at_high};
            for (int e = 0; e < 2; e++) {
                jz_unc_set(s, c, b->input, ends[e]);
                assert_int_equal(jz_model_run(c, w, r, &err), JZ_OK);
                double want = r->g_tekort[jz_result_gy(r, slot, 2)];
                assert_memory_equal(&got[e], &want, sizeof want);
            }
            jz_unc_set(s, c, b->input, s->uncertain[b->input].dist.point);
        }
        jz_sensitivity_free(t);
    }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

static void test_break_even_linear(void **state)
{
    (void)state;
    jz_scenario *s = linear("12", "{value: 9k, low: 1k, high: 20k}", "8M");
    jz_breakeven be;
    jz_error err;
    /* the base year is realisatie: no value of the cost moves its tekort */
    assert_int_equal(jz_breakeven_find(s, "zorgsoorten[a].cost", -1, 2024, 0.0, &be, &err), JZ_OK);
    assert_false(be.found);
    assert_true(be.at_lo == be.at_hi);
    for (int y = 2025; y <= 2026; y++) {
        assert_int_equal(jz_breakeven_find(s, "zorgsoorten[a].cost", -1, y, 0.0, &be, &err), JZ_OK);
        assert_true(be.found);
        double a = point_run(s, offsetof(jz_result, g_cost), y - 2024) / 9000.0;
        /* tekort = a c - budget = 0  <=>  c = budget / client-years */
        assert_rel(be.value, 8e6 / a, 1e-9);
        assert_close(be.at_value, 0.0, 1e-3);
        assert_true(be.iterations > 0);
    }
    /* a target: tekort 1M */
    assert_int_equal(jz_breakeven_find(s, "zorgsoorten[a].cost", -1, 0, 1e6, &be, &err), JZ_OK);
    assert_rel(be.value, 9e6 / (point_run(s, offsetof(jz_result, g_cost), 2) / 9000.0), 1e-9);
    /* out of reach within the bounds: said so, not an error */
    assert_int_equal(jz_breakeven_find(s, "zorgsoorten[a].cost", -1, 0, -20e6, &be, &err), JZ_OK);
    assert_false(be.found);
    assert_true(be.at_lo > -20e6 && be.at_hi > -20e6);
    /* an unknown path */
    assert_int_equal(jz_breakeven_find(s, "zorgsoorten[a].kost", -1, 0, 0.0, &be, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "did you mean 'zorgsoorten[a].cost'"));
    jz_scenario_free(s);
}

static void test_compare_common_random_numbers(void **state)
{
    (void)state;
    jz_scenario *a = linear("{dist: normal, mean: 12, sd: 1}", "{dist: normal, mean: 9k, sd: 900}", "8M");
    jz_scenario *b = linear("{dist: normal, mean: 12, sd: 1}", "{dist: normal, mean: 9k, sd: 900}", "9M");
    const jz_scenario *both[2] = {a, b};
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = 2000;
    o.seed = 5;
    o.threads = 2;
    jz_mc_comparison *c = NULL;
    jz_error err;
    assert_int_equal(jz_mc_compare(2, both, &o, &c, &err), JZ_OK);
    /* the same draws in both: the difference is exactly the budget, every draw */
    for (int y = 0; y < 3; y++) {
        const jz_mc_stat *d = &c->diff[1][JZ_MC_DIFF_TEKORT * 3 + y];
        assert_close(d->point, -1e6, 1e-6);
        assert_close(d->q[0], -1e6, 1e-6);
        assert_close(d->q[4], -1e6, 1e-6);
        assert_close(d->sd, 0.0, 1e-6);
        assert_close(c->p_lower[1][y], 1.0, 0.0);
        const jz_mc_stat *dc = &c->diff[1][JZ_MC_DIFF_COST * 3 + y];
        assert_close(dc->q[2], 0.0, 0.0);
    }
    /* each scenario's bands are those of its own run with the same seed */
    jz_mc_result *ra = mc(a, 2000, 5, 1, 0);
    same_stats(ra, c->runs[0]);
    jz_mc_result_free(ra);
    /* without common numbers (another seed for b) the difference is noisy */
    jz_mc_result *r1 = mc(a, 2000, 5, 2, 0), *r2 = mc(b, 2000, 6, 2, 0);
    assert_true(fabs(r2->stat[jz_mc_fig(r2, JZ_MC_TEKORT, 2)].mean - r1->stat[jz_mc_fig(r1, JZ_MC_TEKORT, 2)].mean +
                     1e6) > 1.0);
    jz_mc_result_free(r1);
    jz_mc_result_free(r2);
    jz_mc_comparison_free(c);
    jz_scenario_free(a);
    jz_scenario_free(b);
}

static void test_invalid_draw_is_reported(void **state)
{
    (void)state;
    const char *y = "meta: {name: Fout, base_year: 2024, horizon: 2}\n"
                    "zorgsoorten:\n"
                    "  - key: a\n"
                    "    instroom: 100\n"
                    "    zorgduur: 12\n"
                    "    cost: 1k\n"
                    "    transitions: {b: {dist: uniform, low: 40%, high: 70%}}\n"
                    "    reentry: {fraction: 40%}\n"
                    "  - {key: b, instroom: 1, zorgduur: 12, cost: 1k}\n"
                    "gemeenten: [{code: GM0001, name: X}]\n";
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(y, strlen(y), "fout.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = 500;
    jz_mc_result *r = NULL;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
    assert_null(r);
    assert_non_null(strstr(err.message, "Monte Carlo draw"));
    assert_non_null(strstr(err.message, "zorgsoorten[a].transitions.b"));
    /* the lowest failing draw, whatever the threads */
    char m1[JZ_ERR_MSG_MAX];
    snprintf(m1, sizeof m1, "%s", err.message);
    o.threads = 2;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
    assert_string_equal(err.message, m1);
    /* bad options */
    o.draws = 0;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
    jz_scenario_free(s);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_linear_convergence),
        cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_zero_width_reproduces_run),
        cmocka_unit_test(test_tornado_ranks_dominant_input),
        cmocka_unit_test(test_tornado_gemeente_same_bits),
        cmocka_unit_test(test_break_even_linear),
        cmocka_unit_test(test_compare_common_random_numbers),
        cmocka_unit_test(test_invalid_draw_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
