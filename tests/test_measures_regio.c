/*
 * test_measures_regio.c - a local measure for a region (docs/measures.md
 * "Regional measures"):
 *   - `weights`: the effect in a gemeente is weight x the full effect; a
 *     weight of 100% everywhere is today's measure bit for bit;
 *   - `regional_investment`: split over the measure's gemeenten by the
 *     regio key (jeugd, tabel, gebruik as cijfers, a mix), hand-computed;
 *     the parts add up to the amount;
 *   - the attribution per gemeente (jzsim measures --gemeente) adds up to
 *     the region's;
 *   - under a verevening and a lumpsum contract: the care saved at price x
 *     volume, the settlement's part and the cash effect per gemeente, by
 *     hand;
 *   - bad input: located errors.
 *
 * Three gemeenten with youth 1,000, 3,000 and 6,000 (key jeugd 10%, 30%,
 * 60%), ambulant care in steady state.
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

static const char BASE[] =
    "meta: {name: Drie, base_year: 2024, horizon: 4}\n"
    "zorgsoorten:\n"
    "  - {key: ambulant, instroom: 1200, start: 1000, zorgduur: 10, cost: 10k, budget: {amount: 10M}}\n"
    "  - {key: verblijf, instroom: 12, start: 10, zorgduur: 10, cost: 100k, budget: {amount: 1M}}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Aastad, population: {youth: 1000}}\n"
    "  - {code: GM0002, name: Beedorp, population: {youth: 3000}}\n"
    "  - {code: GM0003, name: Ceeveen, population: {youth: 6000}}\n"
    "measures:\n";
/* BASE has 9 lines: the first measure is on line 10 */
enum { G = 3, H = 4 };

static jz_scenario *load(const char *measures, jz_error *err)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE, measures);
    return jz_scenario_load_string(text, strlen(text), "m.yaml", NULL, err);
}

static jz_scenario *load_ok(const char *measures)
{
    jz_error err;
    jz_scenario *s = load(measures, &err);
    if (!s)
        fail_msg("load failed: %s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

static jz_result *run(const jz_scenario *s)
{
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_error err;
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("run failed: %s", err.message);
    jz_workspace_free(w);
    return r;
}

static void expect_error(const char *measures, int line, const char *text)
{
    jz_error err;
    jz_scenario *s = load(measures, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("expected an error containing '%s'", text);
    }
    if (!strstr(err.message, text))
        fail_msg("error '%s' does not contain '%s'", err.message, text);
    if (line && err.line != line)
        fail_msg("error '%s' at line %d, expected line %d", err.message, err.line, line);
}

#define PREVENTIE "  - {key: p, type: local, effect: instroom, zorgsoorten: [ambulant], change: -10%, start: 2025"

/* A weight of 100% everywhere is the measure without weights, bit for bit,
 * in every figure of every gemeente. */
static void test_full_weights_bit_identical(void **state)
{
    (void)state;
    jz_scenario *a = load_ok(PREVENTIE ", ramp_years: 2}\n");
    jz_scenario *b = load_ok(PREVENTIE ", ramp_years: 2, weights: {GM0001: 100%, Beedorp: 100%, GM0003: 100%}}\n");
    jz_result *ra = run(a), *rb = run(b);
    size_t n = (size_t)(G + 1) * H;
    assert_memory_equal(ra->g_cost, rb->g_cost, n * sizeof(double));
    assert_memory_equal(ra->g_unique, rb->g_unique, n * sizeof(double));
    assert_memory_equal(ra->g_measure_saving, rb->g_measure_saving, n * sizeof(double));
    assert_memory_equal(ra->g_tekort, rb->g_tekort, n * sizeof(double));
    jz_result_free(ra);
    jz_result_free(rb);
    jz_scenario_free(a);
    jz_scenario_free(b);
}

/* A weight w acts as the change w x change in that gemeente: 50% of -10%
 * is -5%, 0% is no measure; the others are untouched. */
static void test_weight_scales_effect(void **state)
{
    (void)state;
    jz_scenario *w = load_ok(PREVENTIE ", weights: {GM0001: 100%, GM0002: 50%, GM0003: 0%}}\n");
    jz_scenario *half = load_ok("  - {key: p, type: local, effect: instroom, zorgsoorten: [ambulant], change: -5%, start: 2025}\n");
    jz_scenario *full = load_ok(PREVENTIE "}\n");
    jz_scenario *none = load_ok(PREVENTIE ", gemeenten: [GM0001]}\n");
    jz_result *rw = run(w), *rh = run(half), *rf = run(full), *rn = run(none);
    for (int y = 0; y < H; y++) {
        assert_close(rw->g_cost[jz_result_gy(rw, 0, y)], rf->g_cost[jz_result_gy(rf, 0, y)], 1e-6);
        assert_close(rw->g_cost[jz_result_gy(rw, 1, y)], rh->g_cost[jz_result_gy(rh, 1, y)], 1e-6);
        assert_close(rw->g_cost[jz_result_gy(rw, 2, y)], rn->g_cost[jz_result_gy(rn, 2, y)], 1e-6);
        assert_close(rw->g_measure_saving[jz_result_gy(rw, 2, y)], 0.0, 0.0);
    }
    /* and it does something: Beedorp saves, half of the full measure in the
     * first year (instroom is linear in the change there) */
    size_t i = jz_result_gy(rw, 1, 1);
    assert_true(rw->g_measure_saving[i] > 1000.0);
    assert_close(rw->g_measure_saving[i], 0.5 * rf->g_measure_saving[jz_result_gy(rf, 1, 1)], 1e-6);
    jz_result_free(rw);
    jz_result_free(rh);
    jz_result_free(rf);
    jz_result_free(rn);
    jz_scenario_free(w);
    jz_scenario_free(half);
    jz_scenario_free(full);
    jz_scenario_free(none);
}

/* The investment of gemeente g in year y (its measure_investment). */
static double inv(const jz_result *r, int g, int y) { return r->g_measure_investment[jz_result_gy(r, g, y)]; }

static void expect_split(const char *measure, const double share[G], const double amount[H], int start)
{
    jz_scenario *s = load_ok(measure);
    jz_result *r = run(s);
    for (int y = 0; y < H; y++) {
        double sum = 0.0;
        for (int g = 0; g < G; g++) {
            double want = y + 2024 >= start ? share[g] * amount[y] : 0.0;
            assert_close(inv(r, g, y), want, 1e-6);
            sum += inv(r, g, y);
        }
        assert_close(sum, y + 2024 >= start ? amount[y] : 0.0, 1e-6);
        assert_close(inv(r, G, y), sum, 1e-6); /* region = sum of the gemeenten */
    }
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_regional_investment_keys(void **state)
{
    (void)state;
    const double flat[H] = {100e3, 100e3, 100e3, 100e3}, grow[H] = {0, 0, 200e3, 300e3};
    /* jeugd: 10%, 30%, 60% */
    expect_split(PREVENTIE ", regional_investment: {amount: 100k, sleutel: jeugd}}\n",
                 (const double[G]){0.1, 0.3, 0.6}, flat, 2025);
    /* counted from the start year, by year */
    expect_split(PREVENTIE ", regional_investment: {amount: {2024: 0, 2026: 200k, 2027: 300k}, sleutel: jeugd}}\n",
                 (const double[G]){0.1, 0.3, 0.6}, grow, 2025);
    /* tabel */
    expect_split(PREVENTIE ", regional_investment: {amount: 100k, sleutel: tabel, "
                 "tabel: {GM0001: 50%, GM0002: 25%, GM0003: 25%}}}\n",
                 (const double[G]){0.5, 0.25, 0.25}, flat, 2025);
    /* a mix of jeugd and gebruik given as cijfers (1M, 1M, 2M: 25/25/50%) */
    expect_split(PREVENTIE ", regional_investment: {amount: 100k, sleutel: {jeugd: 50%, gebruik: 50%}, "
                 "gebruik: {cijfers: {GM0001: 1M, GM0002: 1M, GM0003: 2M}}}}\n",
                 (const double[G]){0.175, 0.275, 0.55}, flat, 2025);
    /* over the measure's gemeenten only: jeugd among Aastad and Ceeveen, 1/7 and 6/7 */
    expect_split(PREVENTIE ", gemeenten: [GM0001, GM0003], regional_investment: {amount: 100k, sleutel: jeugd}}\n",
                 (const double[G]){1.0 / 7.0, 0.0, 6.0 / 7.0}, flat, 2025);
}

/* What each gemeente's attribution buys adds up to the region's: the
 * Shapley split is linear in the value of a coalition. */
static void test_attribution_per_gemeente_adds_up(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(PREVENTIE ", weights: {GM0001: 100%, GM0002: 50%, GM0003: 20%}, "
                             "regional_investment: {amount: 100k, sleutel: jeugd}}\n"
                             "  - {key: q, type: local, effect: zorgduur, zorgsoorten: [ambulant, verblijf], "
                             "change: -5%, start: 2026, weights: {GM0001: 0%, GM0002: 100%, GM0003: 60%}}\n");
    jz_measures_options o;
    jz_measures_options_default(&o);
    jz_error err;
    jz_measures_analysis *reg = NULL, *per[G] = {NULL};
    assert_int_equal(jz_measures_analyse(s, &o, &reg, &err), JZ_OK);
    for (int g = 0; g < G; g++) {
        o.gemeente = g;
        assert_int_equal(jz_measures_analyse(s, &o, &per[g], &err), JZ_OK);
    }
    for (int m = 0; m < reg->n; m++)
        for (int y = 0; y < reg->judge_horizon; y++) {
            double net = 0.0, gross = 0.0, invest = 0.0;
            for (int g = 0; g < G; g++) {
                net += per[g]->attr[m].net[y];
                gross += per[g]->attr[m].gross[y];
                invest += per[g]->attr[m].investment[y];
            }
            assert_close(net, reg->attr[m].net[y], 1e-6);
            assert_close(gross, reg->attr[m].gross[y], 1e-6);
            assert_close(invest, reg->attr[m].investment[y], 1e-6);
        }
    /* Ceeveen pays 60% of the investment */
    assert_close(per[2]->attr[0].investment[1], 60e3, 1e-6);
    /* --gemeente all: the analysis holds the same per-gemeente totals */
    jz_measures_analysis *all = NULL;
    o.gemeente = -1;
    o.per_gemeente = 1;
    assert_int_equal(jz_measures_analyse(s, &o, &all, &err), JZ_OK);
    assert_non_null(all->by_gemeente);
    assert_int_equal(all->n_gemeenten, G);
    for (int m = 0; m < all->n; m++) {
        double net = 0.0, saving = 0.0, invest = 0.0;
        for (int g = 0; g < G; g++) {
            const jz_measure_gemeente *b = &all->by_gemeente[g * all->n + m];
            assert_true(b->net == per[g]->attr[m].net_total);
            assert_true(b->investment == per[g]->attr[m].investment_total);
            net += b->net;
            saving += b->saving;
            invest += b->investment;
        }
        assert_close(net, all->attr[m].net_total, 1e-6);
        assert_close(saving, all->attr[m].gross_total, 1e-6);
        assert_close(invest, all->attr[m].investment_total, 1e-6);
        assert_true(fabs(all->attr[m].net_total) > 1000.0);
    }
    jz_measures_analysis_free(all);
    jz_measures_analysis_free(reg);
    for (int g = 0; g < G; g++)
        jz_measures_analysis_free(per[g]);
    jz_scenario_free(s);
}

/* Under regional arrangements, a measure in Aastad only (verblijf instroom
 * -20%, verblijf has no transitions): its care saving X_y at price x volume
 * is Aastad's, and
 *   verevening of verblijf by youth (10/30/60%): cash_g = k_g X, the
 *     settlement of Aastad (k_A - 1) X, of the others k_g X;
 *   a lumpsum contract on verblijf by youth in 2025-2026: cash 0 for every
 *     gemeente in those years, settlement -X in Aastad.
 * The gemeenten's cash effects add up to the region's. */
static void expect_regional(const char *regio, int lumpsum)
{
    char text[4096];
    snprintf(text, sizeof text, "%.*s%s"
             "measures:\n  - {key: v, type: local, effect: instroom, zorgsoorten: [verblijf], change: -20%%, "
             "start: 2025, gemeenten: [GM0001]}\n", (int)(strlen(BASE) - strlen("measures:\n")), BASE, regio);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), "r.yaml", NULL, &err);
    if (!s)
        fail_msg("load failed: %d:%d: %s", err.line, err.column, err.message);
    jz_measures_options o;
    jz_measures_options_default(&o);
    o.per_gemeente = 1;
    jz_measures_analysis *a = NULL;
    assert_int_equal(jz_measures_analyse(s, &o, &a, &err), JZ_OK);
    assert_true(a->has_regio);
    const double k[G] = {0.1, 0.3, 0.6};
    /* the care saving of Aastad: the region's care (only Aastad saves care) */
    double X = a->attr[0].care_total;
    assert_true(X > 1e5);
    const jz_measure_gemeente *b = a->by_gemeente;
    assert_close(b[0].care, X, 1e-6 * X);
    for (int g = 1; g < G; g++)
        assert_close(b[g].care, 0.0, 1e-6 * X);
    double cash = 0.0;
    for (int g = 0; g < G; g++) {
        double want_cash = lumpsum ? 0.0 : k[g] * X;
        assert_close(b[g].net, want_cash, 1e-6 * X);
        assert_close(b[g].settlement, want_cash - (g == 0 ? X : 0.0), 1e-6 * X);
        assert_close(b[g].net, b[g].care + b[g].settlement, 1e-6 * X);
        cash += b[g].net;
    }
    assert_close(cash, a->attr[0].net_total, 1e-6 * X);
    assert_close(a->attr[0].net_total, lumpsum ? 0.0 : X, 1e-6 * X);
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
}

static void test_cash_under_regional_arrangements(void **state)
{
    (void)state;
    expect_regional("regio: {verevening: {zorgsoorten: [verblijf], sleutel: jeugd}}\n", 0);
    /* the lumpsum covers every budget year the measure acts in (2025-2027) */
    expect_regional("regio: {contracten: [{zorgsoorten: [verblijf], lumpsum: 3M, sleutel: jeugd}]}\n", 1);
}

static void test_bad_input(void **state)
{
    (void)state;
    expect_error(PREVENTIE ", weights: {GM0001: 120%, GM0002: 50%, GM0003: 0%}}\n", 10, "(0% to 100%)");
    expect_error(PREVENTIE ", weights: {GM0001: -10%, GM0002: 50%, GM0003: 0%}}\n", 10, "(0% to 100%)");
    expect_error(PREVENTIE ", weights: {GM0001: 100%, Beedrop: 50%, GM0003: 0%}}\n", 10, "did you mean 'Beedorp'");
    expect_error(PREVENTIE ", weights: {GM0001: 100%, GM0002: 50%}}\n", 10, "GM0003 (Ceeveen) is missing");
    expect_error(PREVENTIE ", gemeenten: [GM0001], weights: {GM0001: 100%, GM0002: 50%}}\n", 10,
                 "not in the measure's gemeenten");
    expect_error(PREVENTIE ", weights: {GM0001: 100%, GM0001: 50%, GM0003: 0%}}\n", 10, "");
    expect_error("  - {key: l, type: local, effect: lumpsum, zorgsoorten: [verblijf], amount: 1M, start: 2025, "
                 "weights: {GM0001: 100%, GM0002: 50%, GM0003: 0%}}\n", 10, "has no effect to weigh");
    expect_error(PREVENTIE ", weights: [GM0001]}\n", 10, "expected a map from gemeente");
    expect_error(PREVENTIE ", gemeenten: [GM0009]}\n", 10, "not in this scenario");
    expect_error(PREVENTIE ", gemeenten: [Aastadt]}\n", 10, "did you mean 'Aastad'");
    expect_error(PREVENTIE ", regional_investment: {amount: 100k}}\n", 10, "missing required key 'sleutel'");
    expect_error(PREVENTIE ", regional_investment: {amount: 100k, sleutel: jeugt}}\n", 10, "did you mean 'jeugd'");
    expect_error(PREVENTIE ", regional_investment: {amount: 100k, sleutel: tabel, "
                 "tabel: {GM0001: 50%, GM0002: 25%, GM0003: 20%}}}\n", 10, "must sum to 100%");
    expect_error(PREVENTIE ", gemeenten: [GM0001, GM0002], regional_investment: {amount: 100k, sleutel: tabel, "
                 "tabel: {GM0001: 50%, GM0002: 25%, GM0003: 25%}}}\n", 10, "not in the measure's gemeenten");
    expect_error(PREVENTIE ", regional_investment: {amount: 100k, sleutel: gebruik, gebruik: {jaren: [2024]}}}\n",
                 10, "split before the run");
    expect_error(PREVENTIE ", regional_investment: {amount: -5k, sleutel: jeugd}}\n", 10, "");
    expect_error(PREVENTIE ", regional_investment: {amount: 100k, sleutel: jeugd, bedrag: 1}}\n", 10,
                 "unknown key 'bedrag'");
}

/* The weights and the split survive a copy and the extension that judges
 * measures over a longer horizon. */
static void test_copy_and_extend(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(PREVENTIE ", weights: {GM0001: 100%, GM0002: 50%, GM0003: 0%}, "
                             "regional_investment: {amount: 100k, sleutel: jeugd}}\n");
    jz_scenario *c = jz_scenario_copy(s), *e = jz_scenario_extend(s, 8);
    assert_non_null(c);
    assert_non_null(e);
    jz_result *rs = run(s), *rc = run(c), *re = run(e);
    for (int g = 0; g <= G; g++)
        for (int y = 0; y < H; y++) {
            assert_true(rs->g_cost[jz_result_gy(rs, g, y)] == rc->g_cost[jz_result_gy(rc, g, y)]);
            assert_true(rs->g_cost[jz_result_gy(rs, g, y)] == re->g_cost[jz_result_gy(re, g, y)]);
        }
    assert_close(inv(re, 2, 7), 60e3, 1e-6);
    jz_result_free(rs);
    jz_result_free(rc);
    jz_result_free(re);
    jz_scenario_free(s);
    jz_scenario_free(c);
    jz_scenario_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_weights_bit_identical), cmocka_unit_test(test_weight_scales_effect),
        cmocka_unit_test(test_regional_investment_keys),   cmocka_unit_test(test_attribution_per_gemeente_adds_up),
        cmocka_unit_test(test_bad_input),                  cmocka_unit_test(test_copy_and_extend),
        cmocka_unit_test(test_cash_under_regional_arrangements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
