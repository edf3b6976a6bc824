/*
 * test_measures_attr.c - the attribution of measures (jz_measures_analyse,
 * docs/measures.md "Attribution" and "Ranking"):
 *   - the contributions add up to the combined effect (exact and sampled);
 *   - measures that cannot interact get exactly their standalone effect;
 *   - fewer starts and shorter care on the same zorgsoort interact
 *     negatively, and two players share the interaction half-half;
 *   - ranking, payback year, saving per euro and the certain part on a case
 *     computed by hand.
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

#include "jzsim/jzsim.h"
#include "jzsim/measures.h"
#include "jztest.h"

/* Two gemeenten; zorgsoorten a and b in steady state, no flows between
 * them, no indexation. */
static const char BASE[] =
    "meta: {name: t, base_year: 2023, horizon: 5}\n"
    "zorgsoorten:\n"
    "  - {key: a, start: 1000, instroom: 1200, zorgduur: 10, cost: 15k, budget: {volume: 1000, price: 15k}}\n"
    "  - {key: b, stages: 2, start: 100, instroom: 60, zorgduur: 20, cost: 80k, budget: {volume: 100, price: 80k}}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Een}\n"
    "  - {code: GM0002, name: Twee}\n";

static jz_scenario *load(const char *measures)
{
    size_t n = strlen(BASE) + strlen(measures) + 32;
    char *text = malloc(n);
    snprintf(text, n, "%smeasures:\n%s", BASE, measures);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), "a.yaml", NULL, &err);
    free(text);
    if (!s)
        fail_msg("load failed: %d:%d: %s", err.line, err.column, err.message);
    return s;
}

static jz_measures_analysis *analyse(const jz_scenario *s, int gemeente, int max_exact, int samples)
{
    jz_measures_options o;
    jz_measures_options_default(&o);
    o.gemeente = gemeente;
    if (max_exact >= 0)
        o.max_exact = max_exact;
    if (samples > 0)
        o.samples = samples;
    jz_measures_analysis *a = NULL;
    jz_error err;
    if (jz_measures_analyse(s, &o, &a, &err) != JZ_OK)
        fail_msg("analysis failed: %s", err.message);
    return a;
}

static int find(const jz_scenario *s, const char *key)
{
    for (int i = 0; i < s->n_measures; i++)
        if (strcmp(s->measures[i].key, key) == 0)
            return i;
    fail_msg("no measure %s", key);
    return -1;
}

/* Sum over the measures of net and investment equals the package. */
static void expect_efficient(const jz_measures_analysis *a)
{
    for (int y = 0; y < a->horizon; y++) {
        double net = 0.0, gross = 0.0, inv = 0.0;
        for (int i = 0; i < a->n; i++) {
            net += a->attr[i].net[y];
            gross += a->attr[i].gross[y];
            inv += a->attr[i].investment[y];
        }
        double scale = fabs(a->combined[y]) + a->cost_without[y] * 1e-6 + 1.0;
        assert_close(net, a->combined[y], 1e-9 * scale);
        assert_close(gross - inv, a->combined[y], 1e-9 * scale);
        assert_close(a->combined[y], a->cost_without[y] - a->cost_with[y], 1e-9 * a->cost_without[y]);
        assert_close(a->interaction[y], a->combined[y] - a->sum_standalone[y], 1e-9 * scale);
    }
}

static void test_contributions_add_up(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/measures/ten.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    jz_measures_analysis *a = analyse(s, -1, -1, 0);
    assert_int_equal(a->n, 10);
    assert_int_equal(a->n_local, 6);
    assert_true(a->exact);
    assert_int_equal(a->runs, 2 + 63); /* none, all, 2^6 - 1 subsets (HA: no run) */
    expect_efficient(a);
    /* the package saves something and the local measures interact */
    assert_true(a->combined[4] > 0.0);
    assert_true(fabs(a->interaction[4]) > 1.0);
    /* the investment split adds up to what the package spends */
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    for (int y = 0; y < a->horizon; y++) {
        double inv = 0.0;
        for (int i = 0; i < a->n; i++)
            inv += a->attr[i].investment[y];
        assert_close(inv, r->g_measure_investment[jz_result_gy(r, 1, y)], 1e-6);
    }
    jz_workspace_free(w);
    jz_result_free(r);

    /* the sampling estimate also adds up exactly, and says it is one */
    jz_measures_analysis *b = analyse(s, -1, 0, 40);
    assert_false(b->exact);
    assert_int_equal(b->samples, 40);
    expect_efficient(b);
    /* a measure without interaction has the same marginal effect in every
     * order: the estimate is its exact value */
    int k = find(s, "korter");
    for (int y = 0; y < b->horizon; y++)
        assert_close(b->attr[k].net[y], a->attr[k].net[y], 1e-6);
    /* for the others the estimate is near: within 1% of the package's saving */
    double package = 0.0;
    for (int y = 0; y < a->horizon; y++)
        package += a->combined[y];
    for (int i = 0; i < a->n; i++)
        assert_close(b->attr[i].net_total, a->attr[i].net_total, 0.01 * package);
    jz_measures_analysis_free(b);
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
}

static void test_no_interaction_standalone(void **state)
{
    (void)state;
    /* different gemeenten, and different zorgsoorten without flows between them */
    const char *cases[] = {
        "  - {key: m1, type: local, effect: instroom, gemeenten: [GM0001], zorgsoorten: [a], change: -10%, start: 2024}\n"
        "  - {key: m2, type: local, effect: zorgduur, gemeenten: [GM0002], zorgsoorten: [a], change: -10%, start: 2024}\n",
        "  - {key: m1, type: local, effect: instroom, zorgsoorten: [a], change: -10%, start: 2024}\n"
        "  - {key: m2, type: local, effect: zorgduur, zorgsoorten: [b], change: -10%, start: 2024, investment: 50k}\n",
    };
    for (size_t c = 0; c < 2; c++) {
        jz_scenario *s = load(cases[c]);
        jz_measures_analysis *a = analyse(s, -1, -1, 0);
        expect_efficient(a);
        for (int i = 0; i < 2; i++)
            for (int y = 0; y < a->horizon; y++)
                assert_close(a->attr[i].net[y], a->attr[i].standalone[y], 1e-9 * a->cost_without[y]);
        for (int y = 0; y < a->horizon; y++)
            assert_close(a->interaction[y], 0.0, 1e-9 * a->cost_without[y]);
        assert_true(a->attr[0].net_total > 1e5 && a->attr[1].net_total > 1e5);
        jz_measures_analysis_free(a);
        jz_scenario_free(s);
    }
}

static void test_interaction_sign(void **state)
{
    (void)state;
    /* cost ~ instroom x zorgduur: 0.9 x 0.9 = 0.81 saves 19%, not 10% + 10% */
    jz_scenario *s = load(
        "  - {key: in, type: local, effect: instroom, zorgsoorten: [a], change: -10%, start: 2023}\n"
        "  - {key: du, type: local, effect: zorgduur, zorgsoorten: [a], change: -10%, start: 2023}\n");
    jz_measures_analysis *a = analyse(s, -1, -1, 0);
    expect_efficient(a);
    for (int y = 1; y < a->horizon; y++) {
        assert_true(a->interaction[y] < -1000.0);
        /* two players: each gets its standalone effect plus half the interaction */
        for (int i = 0; i < 2; i++)
            assert_close(a->attr[i].net[y], a->attr[i].standalone[y] + a->interaction[y] / 2.0,
                         1e-9 * a->cost_without[y]);
    }
    /* in the long run the interaction approaches -1% of the cost of a */
    assert_close(a->interaction[4] / 2.0 / (2 * 1000 * 15000.0), -0.01 / 2.0, 0.002);
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
}

/* By hand: a tariff cut of 10% on 1,000 client-years of €15k in GM0001
 * saves €1.5M a year from 2023; investment €4M, €1M, then 0. */
static void test_ranking_payback_per_euro(void **state)
{
    (void)state;
    jz_scenario *s = load(
        "  - {key: Y, type: hervormingsagenda, gemeenten: [GM0001], saving: 400k}\n"
        "  - {key: tarief, type: local, effect: tariff, gemeenten: [GM0001], zorgsoorten: [a], change: -10%, start: 2023,\n"
        "     investment: {2023: 4M, 2024: 1M, 2025: 0}, certain: 40%}\n"
        "  - {key: X, type: hervormingsagenda, gemeenten: [GM0001], saving: {2023: 600k}}\n"
        "  - {key: Z, type: hervormingsagenda, gemeenten: [GM0001], saving: 900k, in_baseline: true}\n");
    /* judged over the budget horizon, undiscounted: the ranking by net saving */
    s->meta.measures_horizon = 5;
    s->meta.discount_rate = 0.0;
    jz_measures_analysis *a = analyse(s, 0, -1, 0);
    int y = find(s, "Y"), t = find(s, "tarief"), x = find(s, "X"), z = find(s, "Z");
    const jz_measure_attr *T = &a->attr[t];
    const double net[5] = {-2.5e6, 0.5e6, 1.5e6, 1.5e6, 1.5e6};
    for (int k = 0; k < 5; k++) {
        assert_close(T->net[k], net[k], 1e-3);
        assert_close(T->gross[k], 1.5e6, 1e-3);
        assert_close(T->certain[k], 0.6e6, 1e-3);
    }
    assert_close(T->net_total, 2.5e6, 1e-3);
    assert_close(T->investment_total, 5e6, 1e-3);
    assert_close(T->per_euro, 1.5, 1e-9);
    assert_int_equal(T->payback_year, 2026); /* cumulative -2.5, -2.0, -0.5, +1.0 (M) */
    assert_close(T->certain_total, 3e6, 1e-3);
    assert_close(T->uncertain_total, 4.5e6, 1e-3);
    assert_close(a->attr[x].net_total, 3e6, 1e-3);
    assert_close(a->attr[y].net_total, 2e6, 1e-3);
    assert_int_equal(a->attr[x].payback_year, 2023);
    assert_true(isnan(a->attr[x].per_euro));
    /* ranking by net saving: X 3.0M, tarief 2.5M, Y 2.0M, Z nothing (in the baseline) */
    assert_int_equal(a->attr[x].rank, 1);
    assert_int_equal(a->attr[t].rank, 2);
    assert_int_equal(a->attr[y].rank, 3);
    assert_int_equal(a->attr[z].rank, 4);
    assert_int_equal(a->order[0], x);
    assert_int_equal(a->order[3], z);
    assert_int_equal(a->attr[z].payback_year, 0);
    assert_close(a->attr[z].table_total, 4.5e6, 1e-3); /* as given, though it saves nothing */
    jz_measures_analysis_free(a);

    /* GM0002: none of the measures does anything there */
    a = analyse(s, 1, -1, 0);
    assert_close(a->attr[t].net_total, 0.0, 1e-9);
    assert_int_equal(a->attr[t].payback_year, 0);
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
}

/* The same measures judged over the default 10 years at 3%: the tariff cut
 * keeps saving €1.5M a year after its investment, so it ranks first; the
 * budget-horizon totals are unchanged.  A measure whose cumulative net turns
 * negative again has no payback year. */
static void test_judging_horizon_npv(void **state)
{
    (void)state;
    jz_scenario *s = load(
        "  - {key: Y, type: hervormingsagenda, gemeenten: [GM0001], saving: 400k}\n"
        "  - {key: tarief, type: local, effect: tariff, gemeenten: [GM0001], zorgsoorten: [a], change: -10%, start: 2023,\n"
        "     investment: {2023: 4M, 2024: 1M, 2025: 0}, certain: 40%}\n"
        "  - {key: X, type: hervormingsagenda, gemeenten: [GM0001], saving: {2023: 600k}}\n"
        "  - {key: W, type: hervormingsagenda, gemeenten: [GM0001], saving: {2023: 100k, 2025: -300k}}\n");
    assert_int_equal(s->meta.measures_horizon, 10);
    assert_close(s->meta.discount_rate, 0.03, 1e-15);
    jz_measures_analysis *a = analyse(s, 0, -1, 0);
    int y = find(s, "Y"), t = find(s, "tarief"), x = find(s, "X"), w = find(s, "W");
    assert_int_equal(a->horizon, 5);
    assert_int_equal(a->judge_horizon, 10);
    const jz_measure_attr *T = &a->attr[t];
    double npv = 0.0, d = 1.0;
    for (int k = 0; k < 10; k++) {
        double net = k == 0 ? -2.5e6 : k == 1 ? 0.5e6 : 1.5e6;
        assert_close(T->net[k], net, 1e-3);
        npv += net / d;
        d *= 1.03;
    }
    assert_close(T->npv, npv, 1e-3);
    assert_close(T->judge_total, 10e6, 1e-3);
    assert_close(T->structural, 1.5e6, 1e-3);
    assert_close(T->net_total, 2.5e6, 1e-3); /* the budget horizon, as before */
    assert_int_equal(T->payback_year, 2026);
    assert_close(a->attr[x].structural, 0.6e6, 1e-3);
    assert_int_equal(T->rank, 1);
    assert_int_equal(a->attr[x].rank, 2);
    assert_int_equal(a->attr[y].rank, 3);
    assert_int_equal(a->attr[w].rank, 4);
    /* W: cumulative 0.1, 0.2, -0.1, ... (M): never paid back */
    assert_int_equal(a->attr[w].payback_year, 0);
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
}

static void test_no_measures_is_an_input_error(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/measures/base.yaml", NULL, &err);
    assert_non_null(s);
    jz_measures_analysis *a = NULL;
    assert_int_equal(jz_measures_analyse(s, NULL, &a, &err), JZ_EINPUT);
    assert_null(a);
    assert_non_null(strstr(err.message, "no measures"));
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contributions_add_up),
        cmocka_unit_test(test_no_interaction_standalone),
        cmocka_unit_test(test_interaction_sign),
        cmocka_unit_test(test_ranking_payback_per_euro),
        cmocka_unit_test(test_judging_horizon_npv),
        cmocka_unit_test(test_no_measures_is_an_input_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
