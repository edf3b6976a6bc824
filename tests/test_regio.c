/*
 * test_regio.c - regional arrangements (jzsim/regio.h, engine/model/regio.c):
 *   - each key (jeugd, gebruik from the run's own cost and from given
 *     figures, tabel, a mix) and each drempel (bedrag, per_jeugdige) against
 *     shares computed by hand;
 *   - conservation: the differences sum to 0, the shares to the pooled cost;
 *     the region slot is the sum of the gemeenten in every figure;
 *   - the difference enters g_cost, g_tekort and g_niet_beinvloedbaar, and
 *     the parts of the tekort still add up;
 *   - bad input: located errors.
 *
 * The test region: three gemeenten whose pooled zorgsoort (jeugdzorgplus) is
 * a lumpsum without indexation, so its cost is exactly 1M, 2M and 7M a year
 * (pool 10M); youth 1,000, 3,000 and 6,000 (key jeugd 10%, 30%, 60%).
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
#include "jztest.h"

#define BASE                                                                          \
    "meta: {name: Drie, description: Test, base_year: 2024, horizon: 3}\n"            \
    "zorgsoorten:\n"                                                                  \
    "  - {key: ambulant, instroom: 100, start: 100, zorgduur: 12, cost: 10k, budget: {amount: 1M}}\n" \
    "  - {key: jeugdzorgplus, instroom: 0, start: 0, zorgduur: 12, cost: 200k, budget: {amount: 2M}}\n" \
    "  - {key: crisis, instroom: 0, start: 0, zorgduur: 1, cost: 100k}\n"               \
    "gemeenten:\n"                                                                    \
    "  - {code: GM0001, name: Aastad, population: {youth: 1000},\n"                   \
    "     zorg: {jeugdzorgplus: {financing: {mode: lumpsum, amount: 1M}}}}\n"         \
    "  - {code: GM0002, name: Beedorp, population: {youth: 3000},\n"                  \
    "     zorg: {jeugdzorgplus: {financing: {mode: lumpsum, amount: 2M}}}}\n"         \
    "  - {code: GM0003, name: Ceeveen, population: {youth: 6000},\n"                  \
    "     zorg: {jeugdzorgplus: {financing: {mode: lumpsum, amount: 7M}}}}\n"
/* BASE has 12 lines; the regio section starts on line 13 */

static jz_scenario *load(const char *regio, jz_error *err)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", BASE, regio);
    return jz_scenario_load_string(text, strlen(text), "t.yaml", NULL, err);
}

/* Run s (failing the test on a load error, s NULL) into a full result;
 * *sp takes s. */
static jz_result *run_loaded(jz_scenario *s, const jz_error *load_err, jz_scenario **sp)
{
    jz_error err;
    if (!s)
        fail_msg("load failed: %s:%d:%d: %s", load_err->file, load_err->line, load_err->column, load_err->message);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    assert_non_null(w);
    assert_non_null(r);
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("run failed: %s", err.message);
    jz_workspace_free(w);
    *sp = s;
    return r;
}

static jz_result *run(const char *regio, jz_scenario **sp)
{
    jz_error err;
    jz_scenario *s = load(regio, &err);
    return run_loaded(s, &err, sp);
}

static const double own[3] = {1e6, 2e6, 7e6};

/* Every year: own use as above, shares paid as expected, the identities. */
static void check(const jz_scenario *s, const jz_result *r, const double pays[3])
{
    int G = r->n_gemeenten;
    for (int y = 0; y < r->horizon; y++) {
        double sum_d = 0.0, sum_pay = 0.0, sum_own = 0.0;
        for (int g = 0; g < G; g++) {
            size_t i = jz_result_gy(r, g, y);
            assert_close(r->g_verevening_eigen[i], own[g], 1e-6);
            assert_close(r->g_verevening_aandeel[i], pays[g], 1e-6);
            assert_close(r->g_verevening[i], pays[g] - own[g], 1e-6);
            sum_d += r->g_verevening[i];
            sum_pay += r->g_verevening_aandeel[i];
            sum_own += r->g_verevening_eigen[i];
            /* the difference is in the gemeente's cost and tekort, as niet-beinvloedbaar */
            double zcost = 0.0;
            for (int z = 0; z < r->n_zorgsoorten; z++)
                zcost += r->cost[jz_result_cz(r, g, z, y)];
            assert_rel(r->g_cost[i], zcost + r->g_fixed_cost[i] + r->g_measure_investment[i] + r->g_verevening[i], 1e-12);
            assert_rel(r->g_tekort[i], r->g_cost[i] - r->g_budget[i], 1e-12);
            assert_close(r->g_niet_beinvloedbaar[i] + r->g_beinvloedbaar[i], r->g_tekort[i], 1e-6);
            assert_close(r->g_dec_tariff[i] + r->g_dec_external[i] + r->g_verevening[i],
                         r->g_niet_beinvloedbaar[i], 1e-6);
        }
        /* nothing created or lost */
        assert_true(fabs(sum_d) <= 1e-9 * sum_own);
        assert_rel(sum_pay, sum_own, 1e-12);
        /* the region is the sum of the gemeenten */
        size_t t = jz_result_gy(r, G, y);
        assert_rel(r->g_verevening_aandeel[t], sum_pay, 1e-12);
        assert_rel(r->g_verevening_eigen[t], sum_own, 1e-12);
        assert_close(r->g_verevening[t], sum_d, 1e-6);
        assert_close(r->g_verevening_sleutel[t], 1.0, 1e-12);
        double cost = 0.0, tekort = 0.0, niet = 0.0;
        for (int g = 0; g < G; g++) {
            cost += r->g_cost[jz_result_gy(r, g, y)];
            tekort += r->g_tekort[jz_result_gy(r, g, y)];
            niet += r->g_niet_beinvloedbaar[jz_result_gy(r, g, y)];
        }
        assert_rel(r->g_cost[t], cost, 1e-12);
        assert_rel(r->g_tekort[t], tekort, 1e-12);
        assert_close(r->g_niet_beinvloedbaar[t], niet, 1e-6);
    }
    (void)s;
}

static void expect(const char *regio, const double pays[3])
{
    jz_scenario *s;
    jz_result *r = run(regio, &s);
    check(s, r, pays);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_key_jeugd(void **state)
{
    (void)state;
    /* 10%, 30%, 60% of 10M */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus, crisis], sleutel: jeugd}}\n",
           (double[3]){1e6, 3e6, 6e6});
}

static void test_key_tabel(void **state)
{
    (void)state;
    expect("regio: {verevening: {zorgsoorten: jeugdzorgplus, sleutel: tabel,\n"
           "  tabel: {Aastad: 25%, GM0002: 25%, GM0003: 50%}}}\n",
           (double[3]){2.5e6, 2.5e6, 5e6});
}

static void test_key_gebruik(void **state)
{
    (void)state;
    /* historical use given: 2M, 2M, 6M of 10M -> 20%, 20%, 60%; averaged by year for Aastad */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: gebruik,\n"
           "  gebruik: {cijfers: {GM0001: {2021: 1M, 2022: 3M}, GM0002: 2M, GM0003: 6M}}}}\n",
           (double[3]){2e6, 2e6, 6e6});
    /* the run's own cost in 2025: the shares are the own use, nothing moves */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: gebruik, gebruik: {jaren: 2025}}}\n",
           own);
}

static void test_key_mix(void **state)
{
    (void)state;
    /* 50% jeugd (10, 30, 60%) + 50% tabel (50, 30, 20%) = 30%, 30%, 40% */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: {jeugd: 50%, tabel: 50%},\n"
           "  tabel: {GM0001: 0.5, GM0002: 0.3, GM0003: 0.2}}}\n",
           (double[3]){3e6, 3e6, 4e6});
}

static void test_drempel(void **state)
{
    (void)state;
    /* bedrag 1.5M: own parts 1M, 1.5M, 1.5M; pool 0 + 0.5M + 5.5M = 6M by
     * 10/30/60%: 1M + 0.6M, 1.5M + 1.8M, 1.5M + 3.6M */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {bedrag: 1.5M}}}\n",
           (double[3]){1.6e6, 3.3e6, 5.1e6});
    /* 400 per youth: 0.4M, 1.2M, 2.4M own; pool 0.6M + 0.8M + 4.6M = 6M */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {per_jeugdige: 400}}}\n",
           (double[3]){0.4e6 + 0.6e6, 1.2e6 + 1.8e6, 2.4e6 + 3.6e6});
    /* a drempel above every use: everyone pays its own */
    expect("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {bedrag: 10M}}}\n", own);
}

/* Without a regio section the figures are 0 and the cost is the gemeente's own. */
static void test_no_regio(void **state)
{
    (void)state;
    jz_scenario *s;
    jz_result *r = run("", &s);
    for (int g = 0; g <= r->n_gemeenten; g++)
        for (int y = 0; y < r->horizon; y++) {
            size_t i = jz_result_gy(r, g, y);
            assert_true(r->g_verevening[i] == 0.0 && r->g_verevening_aandeel[i] == 0.0);
            assert_true(r->g_verevening_eigen[i] == 0.0);
        }
    /* the figures per youth */
    size_t i = jz_result_gy(r, 1, 0);
    assert_rel(r->g_youth[i], 3000.0, 0);
    assert_rel(r->g_cost_per_youth[i], r->g_cost[i] / 3000.0, 1e-15);
    assert_rel(r->g_clients_per_youth[i], r->g_unique[i] / 3000.0, 1e-15);
    size_t t = jz_result_gy(r, 3, 0);
    assert_rel(r->g_youth[t], 10000.0, 0);
    assert_rel(r->g_tekort_per_youth[t], r->g_tekort[t] / 10000.0, 1e-15);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* A copy (Monte Carlo, sensitivity) carries the arrangement. */
static void test_copy(void **state)
{
    (void)state;
    jz_scenario *s;
    jz_result *r = run("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {bedrag: 1.5M}}}\n", &s);
    jz_scenario *c = jz_scenario_copy(s);
    jz_scenario *e = jz_scenario_extend(s, 5);
    assert_non_null(c);
    assert_non_null(e);
    jz_workspace *w = jz_workspace_alloc(c);
    jz_result *r2 = jz_result_alloc(c);
    jz_error err;
    assert_int_equal(jz_model_run(c, w, r2, &err), JZ_OK);
    assert_memory_equal(r->g_verevening, r2->g_verevening, 4 * 3 * sizeof(double));
    assert_close(e->regio->verevening.drempel_value[4], 1.5e6, 0);
    jz_result_free(r2);
    jz_workspace_free(w);
    jz_scenario_free(c);
    jz_scenario_free(e);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* A contract with a lumpsum: jeugdzorgplus (1M, 2M, 7M at price x volume)
 * for 8M in 2025 only, shared by given use 1M, 1M, 2M: 25%, 25%, 50% =
 * 2M, 2M, 4M.  The shares sum to the lumpsum, the difference is in cost,
 * tekort and niet-beinvloedbaar, the region is the sum; a copy carries it,
 * an extension has no lumpsum in its added years. */
static void test_contract(void **state)
{
    (void)state;
    jz_scenario *s;
    jz_result *r = run("regio:\n  contracten:\n"
                       "    - {naam: jzp, zorgsoorten: [jeugdzorgplus], lumpsum: {2025: 8M}, sleutel: gebruik,\n"
                       "       gebruik: {cijfers: {GM0001: 1M, GM0002: 1M, GM0003: 2M}}}\n"
                       "  verevening: {zorgsoorten: [crisis], sleutel: jeugd}\n", &s);
    static const double share[3] = {2e6, 2e6, 4e6};
    int G = r->n_gemeenten;
    for (int y = 0; y < r->horizon; y++) {
        double sum_a = 0.0, sum_e = 0.0, sum_d = 0.0, cost = 0.0;
        for (int g = 0; g < G; g++) {
            size_t i = jz_result_gy(r, g, y);
            double e = y == 1 ? own[g] : 0.0, a = y == 1 ? share[g] : 0.0;
            assert_close(r->g_contract_eigen[i], e, 1e-6);
            assert_close(r->g_contract_aandeel[i], a, 1e-6);
            assert_close(r->g_contract[i], a - e, 1e-6);
            double zcost = 0.0;
            for (int z = 0; z < r->n_zorgsoorten; z++)
                zcost += r->cost[jz_result_cz(r, g, z, y)];
            assert_rel(r->g_cost[i], zcost + r->g_fixed_cost[i] + r->g_measure_investment[i] + r->g_verevening[i] +
                                         r->g_contract[i], 1e-12);
            assert_rel(r->g_tekort[i], r->g_cost[i] - r->g_budget[i], 1e-12);
            assert_close(r->g_dec_tariff[i] + r->g_dec_external[i] + r->g_verevening[i] + r->g_contract[i],
                         r->g_niet_beinvloedbaar[i], 1e-6);
            assert_close(r->g_niet_beinvloedbaar[i] + r->g_beinvloedbaar[i], r->g_tekort[i], 1e-6);
            sum_a += r->g_contract_aandeel[i];
            sum_e += r->g_contract_eigen[i];
            sum_d += r->g_contract[i];
            cost += r->g_cost[i];
        }
        /* the shares pay exactly the lumpsum; the region is the sum */
        assert_rel(sum_a, y == 1 ? 8e6 : 0.0, 1e-12);
        size_t t = jz_result_gy(r, G, y);
        assert_close(r->g_contract_aandeel[t], sum_a, 1e-6);
        assert_close(r->g_contract_eigen[t], sum_e, 1e-6);
        assert_close(r->g_contract[t], sum_d, 1e-6);
        assert_rel(r->g_cost[t], cost, 1e-12);
    }
    jz_scenario *c = jz_scenario_copy(s), *e = jz_scenario_extend(s, 5);
    assert_non_null(c);
    assert_non_null(e);
    assert_int_equal(c->regio->n_contracts, 1);
    assert_string_equal(c->regio->contracts[0].name, "jzp");
    assert_int_equal(e->regio->contracts[0].has_lumpsum[1], 1);
    assert_int_equal(e->regio->contracts[0].has_lumpsum[4], 0);
    jz_workspace *w = jz_workspace_alloc(c);
    jz_result *r2 = jz_result_alloc(c);
    jz_error err;
    assert_int_equal(jz_model_run(c, w, r2, &err), JZ_OK);
    assert_memory_equal(r->g_contract, r2->g_contract, 4 * 3 * sizeof(double));
    jz_result_free(r2);
    jz_workspace_free(w);
    jz_scenario_free(c);
    jz_scenario_free(e);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* The cost outside the zorgsoorten is one list (JZ_RESULT_COST_BEYOND_CARE_LINES,
 * jzsim/model.h), and it is the whole of it: with every line in use (vaste
 * lasten, an investment, a verevening, a contract), g_cost is the care cost
 * plus the lines, jz_result_cost_beyond_care is their sum, and each line is
 * a figure of the metric table and of a comparison under its key.  A part
 * of g_cost left off the list fails here. */
static void test_cost_beyond_care_lines(void **state)
{
    (void)state;
    static const char text[] =
        "meta: {name: Drie, description: Test, base_year: 2024, horizon: 3}\n"
        "zorgsoorten:\n"
        "  - {key: ambulant, instroom: 100, start: 100, zorgduur: 12, cost: 10k, budget: {amount: 1M}}\n"
        "  - {key: jeugdzorgplus, instroom: 0, start: 0, zorgduur: 12, cost: 200k, budget: {amount: 2M}}\n"
        "  - {key: crisis, instroom: 1, start: 0, zorgduur: 1, cost: 100k}\n"
        "measures:\n"
        "  - {key: poh, name: POH, type: local, effect: instroom, zorgsoorten: [ambulant], change: -8%,\n"
        "     start: 2024, ramp_years: 2, investment: 250k}\n"
        "gemeenten:\n"
        "  - {code: GM0001, name: Aastad, population: {youth: 1000},\n"
        "     fixed_costs: [{name: Uitvoering, amount: 1M, budget: 1M}],\n"
        "     zorg: {jeugdzorgplus: {financing: {mode: lumpsum, amount: 1M}}}}\n"
        "  - {code: GM0002, name: Beedorp, population: {youth: 3000},\n"
        "     zorg: {jeugdzorgplus: {financing: {mode: lumpsum, amount: 2M}}}}\n"
        "regio:\n  contracten:\n"
        "    - {naam: jzp, zorgsoorten: [jeugdzorgplus], lumpsum: {2025: 8M}, sleutel: jeugd}\n"
        "  verevening: {zorgsoorten: [crisis], sleutel: jeugd}\n";
    jz_error err;
    jz_scenario *s = NULL;
    jz_result *r = run_loaded(jz_scenario_load_string(text, strlen(text), "t.yaml", NULL, &err), &err, &s);
    static const char *const keys[] = {
#define KEY_(field, key) key,
        JZ_RESULT_COST_BEYOND_CARE_LINES(KEY_)
#undef KEY_
    };
    static const size_t offsets[] = {
#define OFFSET_(field, key) offsetof(jz_result, field),
        JZ_RESULT_COST_BEYOND_CARE_LINES(OFFSET_)
#undef OFFSET_
    };
    assert_int_equal(sizeof keys / sizeof keys[0], JZ_RESULT_N_COST_BEYOND_CARE);
    int used[JZ_RESULT_N_COST_BEYOND_CARE] = {0};
    const size_t n_gy = (size_t)(r->n_gemeenten + 1) * (size_t)r->horizon;
    for (size_t gy = 0; gy < n_gy; gy++) {
        const int g = (int)(gy / (size_t)r->horizon), y = (int)(gy % (size_t)r->horizon);
        double lines = 0, care = 0;
        for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
            const double v = (*(double *const *)(const void *)((const char *)r + offsets[i]))[gy];
            lines += v;
            used[i] |= v != 0.0;
        }
        for (int z = 0; z < r->n_zorgsoorten; z++)
            care += r->cost[jz_result_cz(r, g, z, y)];
        assert_true(jz_result_cost_beyond_care(r, gy) == lines);
        assert_rel(r->g_cost[gy], care + lines, 1e-12);
    }
    for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        if (!used[i])
            fail_msg("line %s is 0 everywhere: the test does not use it", keys[i]);
        const jz_metric *m = jz_metric_find(keys[i], JZ_LEVEL_GEMEENTE);
        assert_non_null(m);
        assert_int_equal(m->offset, offsets[i]);
        const int cm = jz_cmp_metric_index(keys[i], 0);
        assert_true(cm >= 0);
        assert_int_equal(jz_cmp_metrics[cm].offset, offsets[i]);
    }
    jz_result_free(r);
    jz_scenario_free(s);
}

static void expect_error(const char *regio, int line, int col, const char *needle)
{
    jz_error err;
    jz_scenario *s = load(regio, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("no error for: %s", regio);
    }
    if (err.status != JZ_EINPUT || !strstr(err.message, needle) || err.line != line || (col && err.column != col))
        fail_msg("got %d %d:%d '%s', expected %d:%d '%s'", err.status, err.line, err.column, err.message, line, col,
                 needle);
}

static void test_bad_input(void **state)
{
    (void)state;
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 30%, GM0002: 30%, GM0003: 30%}}}\n",
                 14, 10, "must sum to 100%");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: {jeugd: 50%, tabel: 40%},\n"
                 "  tabel: {GM0001: 50%, GM0002: 50%, GM0003: 0}}}\n",
                 13, 61, "weights of the mix must sum to 100%");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, Beedrop: 50%, GM0003: 0}}}\n",
                 14, 24, "did you mean 'Beedorp'?");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, Hengelo: 50%, GM0003: 0}}}\n",
                 14, 24, "gemeente 'Hengelo' is not in this scenario");
    /* the rule of --gemeente (jz_scenario_gemeente_nearest): another case is
     * the same name; a code one digit from two codes is neither */
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, BEEDORP: 50%, GM0003: 0}}}\n",
                 14, 24, "gemeente 'BEEDORP' is not in this scenario; did you mean 'Beedorp'?");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, gm0002: 50%, GM0003: 0}}}\n",
                 14, 24, "did you mean 'GM0002'?");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, GM0004: 50%, GM0003: 0}}}\n",
                 14, 24, "gemeente 'GM0004' is not in this scenario (give the CBS code");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, GM0002: 50%}}}\n",
                 14, 10, "GM0003 (Ceeveen) is missing");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus, jeugdzorgpluss], sleutel: jeugd}}\n",
                 13, 51, "unknown zorgsoort 'jeugdzorgpluss'; did you mean 'jeugdzorgplus'?");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {bedrag: -5}}}\n",
                 13, 86, "must be >= 0");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: gebruik, gebruik: {jaren: [2022]}}}\n",
                 13, 88, "2022 is outside this run (2024-2026)");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugt}}\n",
                 13, 61, "did you mean 'jeugd'");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: gebruik}}\n",
                 13, 61, "give gebruik");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutl: jeugd}}\n",
                 13, 52, "did you mean 'sleutel'?");
    expect_error("regio: {vereffening: {}}\n", 13, 9, "did you mean 'verevening'?");
    /* contracts */
    expect_error("regio: {contracten: [{zorgsoorten: [jeugdzorgplus], lumpsum: {2027: 8M}, sleutel: jeugd}]}\n",
                 13, 63, "regio.contracten[0].lumpsum: 2027 is outside this run (2024-2026)");
    expect_error("regio: {contracten: [{zorgsoorten: [jeugdzorgplus], lumpsum: 8M, sleutel: tabel,\n"
                 "  tabel: {GM0001: 30%, GM0002: 30%, GM0003: 30%}}]}\n",
                 14, 10, "regio.contracten[0].tabel: the shares must sum to 100%");
    expect_error("regio: {contracten: [{zorgsoorten: [jeugdzorgplus], lumpsum: 8M, sleutel: tabel,\n"
                 "  tabel: {GM0001: 50%, Beedrop: 50%, GM0003: 0}}]}\n",
                 14, 24, "did you mean 'Beedorp'?");
    expect_error("regio: {contracten: [{zorgsoorten: [jeugdzorgpluss], lumpsum: 8M, sleutel: jeugd}]}\n",
                 13, 37, "did you mean 'jeugdzorgplus'?");
    expect_error("regio: {verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd},\n"
                 "  contracten: [{zorgsoorten: [jeugdzorgplus], lumpsum: 8M, sleutel: jeugd}]}\n",
                 14, 31, "already in the verevening or another contract");
    expect_error("regio: {contracten: [{zorgsoorten: [ambulant], lumpsum: 8M, sleutel: jeugd, drempel: {bedrag: 1}}]}\n",
                 13, 77, "drempel");
}

/* issue 16: the tekort per inhabitant.  BASE's gemeenten with inhabitants
 * (INH1..INH3 are the population maps of Aastad, Beedorp, Ceeveen). */
static jz_result *run_inh(const char *inh1, const char *inh2, const char *inh3, jz_scenario **sp, jz_error *err)
{
    char text[4096];
    snprintf(text, sizeof text,
             "meta: {name: Drie, description: Test, base_year: 2024, horizon: 3}\n"
             "zorgsoorten:\n"
             "  - {key: ambulant, instroom: 100, start: 100, zorgduur: 12, cost: 10k, budget: {amount: 500k}}\n"
             "gemeenten:\n"
             "  - {code: GM0001, name: Aastad, population: %s}\n"
             "  - {code: GM0002, name: Beedorp, population: %s}\n"
             "  - {code: GM0003, name: Ceeveen, population: %s}\n",
             inh1, inh2, inh3);
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), "t.yaml", NULL, err);
    *sp = s;
    if (!s)
        return NULL;
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    assert_non_null(w);
    assert_non_null(r);
    assert_int_equal(jz_model_run(s, w, r, err), JZ_OK);
    jz_workspace_free(w);
    return r;
}

/* One rule for a gemeente named with a slip, on the command line and in a
 * scenario file (jz_scenario_gemeente_nearest). */
static void test_gemeente_nearest(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load("", &err);
    assert_non_null(s);
    int by_code = -1;
    /* another case, a slip of one or two letters in five or more */
    assert_int_equal(jz_scenario_gemeente_nearest(s, "beedorp", &by_code), 1);
    assert_int_equal(by_code, 0);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "CEEVEEN", NULL), 2);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Beedrop", NULL), 1);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Aastadt", NULL), 0);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "gm0003", &by_code), 2);
    assert_int_equal(by_code, 1);
    /* three letters off, or two in a text of under five: nothing */
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Bxxdorx", &by_code), -1);
    assert_int_equal(by_code, 0);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Amsterdam", NULL), -1);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Aas", NULL), -1);
    /* two gemeenten equally near: no guess */
    assert_int_equal(jz_scenario_gemeente_nearest(s, "GM0004", NULL), -1);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "GM000", NULL), -1);
    jz_scenario_free(s);

    /* a short name: one letter of slip */
    const char *two = "meta: {name: K, base_year: 2024, horizon: 2}\n"
                      "zorgsoorten: [{key: a, instroom: 1, start: 1, zorgduur: 12, cost: 1k}]\n"
                      "gemeenten: [{code: GM0228, name: Ede}, {code: GM0232, name: Epe}]\n";
    s = jz_scenario_load_string(two, strlen(two), "k.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "ede", NULL), 0);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Eppe", NULL), 1);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Ed", NULL), 0);
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Eze", NULL), -1); /* one from both */
    assert_int_equal(jz_scenario_gemeente_nearest(s, "Oss", NULL), -1);
    jz_scenario_free(s);
}

static void test_tekort_per_inhabitant(void **state)
{
    (void)state;
    jz_scenario *s;
    jz_error err;
    jz_result *r = run_inh("{youth: 1000, inhabitants: 5000}", "{youth: 3000, inhabitants: {2024: 14000, 2025: 15000}}",
                           "{youth: 6000, inhabitants: 31000}", &s, &err);
    assert_non_null(r);
    double inh[3][3] = {{5000, 5000, 5000}, {14000, 15000, 15000}, {31000, 31000, 31000}};
    for (int y = 0; y < 3; y++) {
        double sum = 0;
        for (int g = 0; g < 3; g++) {
            size_t i = jz_result_gy(r, g, y);
            assert_true(r->g_inhabitants[i] == inh[g][y]);
            assert_true(r->g_tekort[i] != 0.0);
            assert_rel(r->g_tekort_per_inhabitant[i], r->g_tekort[i] / inh[g][y], 1e-15);
            sum += inh[g][y];
        }
        /* the region: inhabitants are the sum, the ratio the region's tekort over it */
        size_t t = jz_result_gy(r, 3, y);
        assert_true(r->g_inhabitants[t] == sum);
        assert_rel(r->g_tekort_per_inhabitant[t], r->g_tekort[t] / sum, 1e-15);
    }
    jz_result_free(r);
    jz_scenario_free(s);
    /* a gemeente without inhabitants: n.b. (NaN), never 0; the region too */
    r = run_inh("{youth: 1000, inhabitants: 5000}", "{youth: 3000}", "{youth: 6000, inhabitants: 31000}", &s, &err);
    assert_non_null(r);
    for (int y = 0; y < 3; y++) {
        assert_true(isnan(r->g_inhabitants[jz_result_gy(r, 1, y)]));
        assert_true(isnan(r->g_tekort_per_inhabitant[jz_result_gy(r, 1, y)]));
        assert_true(isnan(r->g_tekort_per_inhabitant[jz_result_gy(r, 3, y)]));
        assert_rel(r->g_tekort_per_inhabitant[jz_result_gy(r, 0, y)], r->g_tekort[jz_result_gy(r, 0, y)] / 5000, 1e-15);
    }
    /* a copy (Monte Carlo, sensitivity) and an extension keep them */
    jz_scenario *c = jz_scenario_copy(s), *e = jz_scenario_extend(s, 5);
    assert_non_null(c);
    assert_non_null(e);
    assert_true(c->gemeenten[0].has_inhabitants && !c->gemeenten[1].has_inhabitants);
    assert_true(e->gemeenten[2].has_inhabitants && e->gemeenten[2].inhabitants[4] == 31000);
    jz_scenario_free(c);
    jz_scenario_free(e);
    jz_result_free(r);
    jz_scenario_free(s);
    /* bad input: located errors (line 6 is Beedorp) */
    static const struct {
        const char *pop, *needle;
    } bad[] = {
        {"{youth: 3000, inhabitants: -5}", "must be >= 0"},
        {"{youth: 3000, inhabitants: 0}", "at least 1 person"},
        {"{youth: 3000, inhabitants: nan}", "inhabitants"},
        {"{youth: 3000, inhabitants: veel}", "inhabitants"},
        {"{youth: 3000, inhabitant: 14000}", "did you mean"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        r = run_inh("{youth: 1000}", bad[k].pop, "{youth: 6000}", &s, &err);
        if (s || r)
            fail_msg("no error for %s", bad[k].pop);
        if (err.status != JZ_EINPUT || err.line != 6 || err.column < 1 || !strstr(err.message, bad[k].needle))
            fail_msg("%s: got %d %d:%d '%s'", bad[k].pop, err.status, err.line, err.column, err.message);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_jeugd),  cmocka_unit_test(test_key_tabel), cmocka_unit_test(test_key_gebruik),
        cmocka_unit_test(test_key_mix),    cmocka_unit_test(test_drempel),   cmocka_unit_test(test_no_regio),
        cmocka_unit_test(test_copy),       cmocka_unit_test(test_bad_input), cmocka_unit_test(test_contract),
        cmocka_unit_test(test_tekort_per_inhabitant), cmocka_unit_test(test_gemeente_nearest),
        cmocka_unit_test(test_cost_beyond_care_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
