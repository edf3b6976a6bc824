/*
 * test_lanes.c - runs side by side (jz_model_run_lanes, model/lanes.h) give
 * the same bits as runs one at a time: every double of every result, for
 * draws of scenarios with ageing, re-entry, transfers and chains of 1 to 12
 * stages (the unrolled steps and the general loop), with 1 to 4 lanes; and
 * the Monte Carlo gives the same summaries and kept draws with lanes as
 * without.  A lane that read another lane's number would differ here: the
 * draws of one group are never equal.  And one run with its gemeenten side
 * by side gives the same bits as one gemeente at a time, for gemeenten
 * that differ in delays, destinations and routes.
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

#include <gsl/gsl_errno.h>

#include "jzsim/jzsim.h"
#include "jzsim/mc.h"
#include "jzsim/uncertainty.h"
#include "jztest.h"
#include "model/internal.h"
#include "model/lanes.h"

/* Three gemeenten, chains of 1, 3, 6, 9 and 12 stages, transfers between
 * them, re-entry with different delays, ageing into another zorgsoort, and
 * uncertain zorgduur, instroom, transitions, re-entry and start. */
static const char *STAGES =
    "meta: {name: Lanes, base_year: 2024, horizon: 4}\n"
    "zorgsoorten:\n"
    "  - key: a\n"
    "    start: {dist: uniform, low: 800, high: 1200}\n"
    "    instroom: {dist: normal, mean: 900, sd: 80, low: 600, high: 1200}\n"
    "    zorgduur: {dist: triangular, low: 9, mode: 12, high: 16}\n"
    "    cost: 2k\n"
    "    transitions: {b: {dist: uniform, low: 10%, high: 30%}, e: 5%}\n"
    "    reentry: {fraction: {dist: uniform, low: 5%, high: 15%}, delay_months: 7}\n"
    "  - key: b\n"
    "    stages: 3\n"
    "    start: 300\n"
    "    instroom: 100\n"
    "    zorgduur: {dist: uniform, low: 14, high: 22}\n"
    "    cost: 9k\n"
    "    transitions: {c: 10%}\n"
    "    ageing: {rate: 6%, to: e, fraction: 40%}\n"
    "  - key: c\n"
    "    stages: 6\n"
    "    start: 90\n"
    "    instroom: {dist: uniform, low: 20, high: 40}\n"
    "    zorgduur: 30\n"
    "    cost: 50k\n"
    "    reentry: {fraction: 10%, delay_months: 24}\n"
    "    ageing: {rate: {dist: uniform, low: 3%, high: 9%}}\n"
    "  - key: d\n"
    "    stages: 9\n"
    "    start: 40\n"
    "    instroom: 15\n"
    "    zorgduur: {dist: uniform, low: 20, high: 40}\n"
    "    cost: 80k\n"
    "    transitions: {a: 20%}\n"
    "  - key: e\n"
    "    stages: 12\n"
    "    start: 60\n"
    "    instroom: 10\n"
    "    zorgduur: {dist: uniform, low: 24, high: 48}\n"
    "    cost: 30k\n"
    "    reentry: {fraction: 4%, delay_months: 3}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Een}\n"
    "  - {code: GM0002, name: Twee, zorg: {a: {instroom: 400}, c: {zorgduur: 20}}}\n"
    "  - {code: GM0003, name: Drie}\n";

/* The money of the lanes (money_lanes.c): every money input a draw can
 * change differs per lane (cost, tariff and budget indexation, the
 * intensity trend, the budget's volume and price; a tariff correction; the
 * fixed cost lines' amount, indexation and budget, with and without a
 * budget of their own; the rijksbijdrage), on cells with and without a
 * begroting, a gemeente with volumes of its own and one without fixed
 * lines or rijksbijdrage; a lane that read another lane's input would
 * differ from its run alone. */
static const char *MONEY =
    "meta: {name: Geld, base_year: 2024, horizon: 5}\n"
    "indexation:\n"
    "  tariff: {dist: uniform, low: 2%, high: 6%}\n"
    "  budget: {dist: uniform, low: 1%, high: 5%}\n"
    "  tariff_correction: {2025: 3%}\n"
    "zorgsoorten:\n"
    "  - key: a\n"
    "    start: 1000\n"
    "    instroom: {dist: uniform, low: 800, high: 1100}\n"
    "    zorgduur: 12\n"
    "    cost: {dist: lognormal, median: 9k, sd_log: 0.1}\n"
    "    intensity_trend: {dist: uniform, low: 0%, high: 3%}\n"
    "    budget: {volume: {dist: uniform, low: 900, high: 1100}, price: {dist: uniform, low: 8k, high: 10k}}\n"
    "    transitions: {b: 10%}\n"
    "  - key: b\n"
    "    stages: 3\n"
    "    start: 200\n"
    "    instroom: 50\n"
    "    zorgduur: 18\n"
    "    cost: {dist: uniform, low: 40k, high: 60k}\n"
    "  - key: c\n"
    "    start: 0\n"
    "    instroom: 0\n"
    "    zorgduur: 10\n"
    "    cost: 20k\n"
    "    budget: {volume: 10, price: {dist: uniform, low: 15k, high: 25k}}\n"
    "gemeenten:\n"
    "  - code: GM0001\n"
    "    name: Een\n"
    "    rijksbijdrage: {dist: uniform, low: 15M, high: 19M}\n"
    "    fixed_costs:\n"
    "      - name: toegang\n"
    "        amount: {dist: uniform, low: 1M, high: 2M}\n"
    "        indexation: {dist: uniform, low: 1%, high: 4%}\n"
    "      - name: projecten\n"
    "        amount: 500k\n"
    "        indexation: {dist: uniform, low: 0%, high: 3%}\n"
    "        budget: {dist: uniform, low: 400k, high: 600k}\n"
    "  - {code: GM0002, name: Twee, zorg: {a: {instroom: 400}}}\n"
    "  - code: GM0003\n"
    "    name: Drie\n"
    "    rijksbijdrage: 9M\n"
    "    fixed_costs:\n"
    "      - {name: toegang, amount: {dist: uniform, low: 2M, high: 3M}, budget: 2.5M}\n";

static jz_scenario *load_string(const char *yaml)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(yaml, strlen(yaml), "lanes.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

static jz_scenario *load_file(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", JZ_SOURCE_DIR, rel);
    jz_error err;
    jz_scenario *s = jz_scenario_load(path, NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* What a rolling result promises of its scratch slot 0 (jzsim/model.h):
 * its gemeente-year arrays and the zorgsoort cost; draws side by side
 * leave its other zorgsoort arrays unwritten (flow.c,
 * lanes_end_year_draws), so they are set to 0 here before a comparison. */
static void clear_scratch(jz_result *r)
{
    const size_t n = (size_t)r->n_zorgsoorten * (size_t)r->horizon; /* slot 0: the first Z x H */
#define CLEAR_(field, kind)                                   \
    if (r->field != r->cost)                                  \
        memset(r->field, 0, n * sizeof *r->field);
    JZ_RESULT_CZ_FIELDS(CLEAR_)
#undef CLEAR_
}

/* Draws d0 .. d0 + n - 1 of base, run one at a time and side by side (full
 * results, then rolling ones); every double must be the same bits.  With
 * money_lanes, the money of the last gemeente (whose inputs the workspaces
 * still hold) must also be made in the lanes for all n (money_lanes.c),
 * again with the same bits: the comparison is not of two scalar runs. */
static void check_lanes_money(const jz_scenario *base, long d0, int n, int money_lanes)
{
    jz_scenario *copy[JZ_MODEL_RUNS_MAX];
    jz_workspace *w1[JZ_MODEL_RUNS_MAX], *wn[JZ_MODEL_RUNS_MAX];
    jz_result *r1[JZ_MODEL_RUNS_MAX], *rn[JZ_MODEL_RUNS_MAX];
    jz_sampler *sp = jz_sampler_alloc(base, 7);
    assert_non_null(sp);
    double *x = calloc((size_t)base->n_uncertain + 1, sizeof *x);
    assert_non_null(x);
    for (int l = 0; l < n; l++) {
        copy[l] = jz_scenario_copy(base);
        assert_non_null(copy[l]);
        jz_sampler_draw(sp, d0 + l, x);
        jz_unc_apply(base, copy[l], x);
        w1[l] = jz_workspace_alloc(base);
        wn[l] = jz_workspace_alloc(base);
        assert_non_null(w1[l]);
        assert_non_null(wn[l]);
    }
    for (int rolling = 0; rolling <= 1; rolling++) {
        jz_error err;
        for (int l = 0; l < n; l++) {
            r1[l] = rolling ? jz_result_alloc_rolling(base) : jz_result_alloc(base);
            rn[l] = rolling ? jz_result_alloc_rolling(base) : jz_result_alloc(base);
            assert_non_null(r1[l]);
            assert_non_null(rn[l]);
            /* every double of the result, also those no run writes */
            memset(r1[l]->block, 0, r1[l]->block_len * sizeof(double));
            memset(rn[l]->block, 0, rn[l]->block_len * sizeof(double));
            jz_workspace_set_rolling(w1[l], rolling, 1);
            jz_workspace_set_rolling(wn[l], rolling, 1);
            if (jz_model_run(copy[l], w1[l], r1[l], &err) != JZ_OK)
                fail_msg("draw %ld: %s", d0 + l, err.message);
        }
        if (jz_model_run_lanes((const jz_scenario *const *)copy, wn, rn, n, &err) != JZ_OK)
            fail_msg("lanes: %s", err.message);
        for (int l = 0; rolling && n > 1 && l < n; l++) {
            clear_scratch(r1[l]);
            clear_scratch(rn[l]);
        }
        for (int l = 0; l < n; l++) {
            assert_int_equal(r1[l]->block_len, rn[l]->block_len);
            for (size_t i = 0; i < r1[l]->block_len; i++)
                if (memcmp(&r1[l]->block[i], &rn[l]->block[i], sizeof(double)) != 0)
                    fail_msg("%s result, lane %d of %d, double %zu: %.17g one at a time, %.17g in lanes",
                             rolling ? "rolling" : "full", l, n, i, r1[l]->block[i], rn[l]->block[i]);
        }
        if (money_lanes && !rolling) { /* (rolling: the volumes of slot 0 are not in the results) */
            unsigned done = jz_money_gemeente_lanes((const jz_scenario *const *)copy, wn, rn, n,
                                                    base->n_gemeenten - 1);
            assert_int_equal(done, (1u << n) - 1u);
            for (int l = 0; l < n; l++)
                assert_memory_equal(r1[l]->block, rn[l]->block, r1[l]->block_len * sizeof(double));
        }
        /* the draws differ, so the lanes were not all the same numbers */
        if (n > 1)
            assert_memory_not_equal(r1[0]->block, r1[1]->block, r1[0]->block_len * sizeof(double));
        for (int l = 0; l < n; l++) {
            jz_result_free(r1[l]);
            jz_result_free(rn[l]);
        }
    }
    for (int l = 0; l < n; l++) {
        jz_scenario_free(copy[l]);
        jz_workspace_free(w1[l]);
        jz_workspace_free(wn[l]);
    }
    free(x);
    jz_sampler_free(sp);
}

static void check_lanes(const jz_scenario *base, long d0, int n)
{
    check_lanes_money(base, d0, n, 0);
}

static void test_lanes_stages(void **state)
{
    (void)state;
    jz_scenario *s = load_string(STAGES);
    /* beyond JZ_MODEL_LANES: groups of lanes one after the other per
     * gemeente (run.c), a last group of 1 .. JZ_MODEL_LANES */
    for (int n = 1; n <= JZ_MODEL_RUNS_MAX; n++)
        check_lanes(s, 10 * n, n);
    jz_scenario_free(s);
}

static void test_lanes_example(void **state)
{
    (void)state;
    jz_scenario *s = load_file("scenarios/example-onzeker.yaml");
    check_lanes(s, 0, JZ_MODEL_LANES);
    check_lanes(s, 101, 3);
    check_lanes(s, 40, JZ_MODEL_RUNS_MAX);
    check_lanes(s, 57, JZ_MODEL_LANES + 1);
    jz_scenario_free(s);
}

static void test_lanes_money(void **state)
{
    (void)state;
    jz_scenario *s = load_string(MONEY);
    /* the uncertain money inputs reached the sampler: 8 of the cells and
     * indexation, 6 of the fixed lines and the rijksbijdrage */
    assert_true(s->n_uncertain >= 14);
    for (int n = 2; n <= JZ_MODEL_LANES; n++)
        check_lanes_money(s, 5 * n, n, 1);
    jz_scenario_free(s);
}

/* A gemeente whose money is not plain (a begroting as an amount: money.c
 * does every lane) while its chains run in lanes: the draws' volumes of
 * the scratch slot, which the lanes keep (jz_lanes fig), must reach the
 * results for money.c first (money_lanes.c, figures_out); the rolling
 * results are then those of the draws one at a time. */
static void test_lanes_money_not_plain(void **state)
{
    (void)state;
    const char *from = "budget: {volume: 10, price: {dist: uniform, low: 15k, high: 25k}}";
    const char *to = "budget: {amount: {dist: uniform, low: 150k, high: 250k}}";
    const char *at = strstr(MONEY, from);
    assert_non_null(at);
    char text[4096];
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - MONEY), MONEY, to, at + strlen(from));
    jz_scenario *s = load_string(text);
    for (int n = 2; n <= JZ_MODEL_LANES; n++)
        check_lanes(s, 3 * n, n);
    jz_scenario_free(s);
}

/* Two copies of s run as two lanes (wn, rn) and alone (w1, r1). */
typedef struct two_lanes {
    jz_scenario *c[2];
    jz_workspace *w1, *wn[2];
    jz_result *r1, *rn[2];
} two_lanes;

static void two_lanes_alloc(two_lanes *t, const jz_scenario *s)
{
    for (int l = 0; l < 2; l++) {
        t->c[l] = jz_scenario_copy(s);
        t->wn[l] = jz_workspace_alloc(s);
        t->rn[l] = jz_result_alloc(s);
        assert_true(t->c[l] && t->wn[l] && t->rn[l]);
    }
    t->w1 = jz_workspace_alloc(s);
    t->r1 = jz_result_alloc(s);
    assert_true(t->w1 && t->r1);
}

static void two_lanes_free(two_lanes *t)
{
    jz_workspace_free(t->w1);
    jz_result_free(t->r1);
    for (int l = 0; l < 2; l++) {
        jz_workspace_free(t->wn[l]);
        jz_result_free(t->rn[l]);
        jz_scenario_free(t->c[l]);
    }
}

/* A lane whose care cost overflows (a cost per client-year near DBL_MAX:
 * the checks allow any finite cost) leaves the money lanes and is done by
 * money.c: its error is that of its run alone, and the other lane's
 * result is still the same bits. */
static void test_lanes_money_overflow(void **state)
{
    (void)state;
    jz_scenario *s = load_string(MONEY);
    two_lanes tl;
    two_lanes_alloc(&tl, s);
    jz_scenario **c = tl.c;
    const int H = s->meta.horizon;
    for (int y = 0; y < H; y++) /* gemeente Een, zorgsoort a, lane 1 */
        c[1]->cells[0].cost[y] = 1e306;
    jz_workspace *w1 = tl.w1, **wn = tl.wn;
    jz_result *r1 = tl.r1, **rn = tl.rn;
    jz_error e1, en;
    assert_int_equal(jz_model_run(c[1], w1, r1, &e1), JZ_ERUNTIME);
    assert_int_equal(jz_model_run_lanes((const jz_scenario *const *)c, wn, rn, 2, &en), JZ_ERUNTIME);
    assert_string_equal(e1.message, en.message);
    memcpy(r1->block, rn[0]->block, r1->block_len * sizeof(double));
    assert_int_equal(jz_model_run(c[0], w1, r1, &e1), JZ_OK);
    assert_memory_equal(r1->block, rn[0]->block, r1->block_len * sizeof(double));
    two_lanes_free(&tl);
    jz_scenario_free(s);
}

/* Lanes whose structure differs (a route that one draw switches off) are
 * projected one by one: still the same bits. */
static void test_lanes_unlike(void **state)
{
    (void)state;
    jz_scenario *s = load_string(STAGES);
    two_lanes tl;
    two_lanes_alloc(&tl, s);
    jz_scenario **c = tl.c;
    /* gemeente 0, zorgsoort a: no transfer to b in lane 1 */
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    for (int y = 0; y < H; y++)
        c[1]->cells[0].transition[(size_t)y * (size_t)Z + 1] = 0.0;
    jz_workspace *w1 = tl.w1, **wn = tl.wn;
    jz_result *r1 = tl.r1, **rn = tl.rn;
    jz_error err;
    assert_int_equal(jz_model_run_lanes((const jz_scenario *const *)c, wn, rn, 2, &err), JZ_OK);
    for (int l = 0; l < 2; l++) {
        memcpy(r1->block, rn[l]->block, r1->block_len * sizeof(double));
        assert_int_equal(jz_model_run(c[l], w1, r1, &err), JZ_OK);
        assert_memory_equal(r1->block, rn[l]->block, r1->block_len * sizeof(double));
    }
    two_lanes_free(&tl);
    jz_scenario_free(s);
}

/* One run's gemeenten side by side (jz_flows_gemeenten_lanes): seven
 * gemeenten (lanes of 4, then 3) that differ in re-entry delay (and so
 * ring length: 2, 24, 30 months), re-entry destination, ageing destination
 * and routes (one more, one switched off), and one that is like the
 * first. */
static const char *GEMEENTEN =
    "meta: {name: Gemeenten, base_year: 2024, horizon: 5}\n"
    "zorgsoorten:\n"
    "  - {key: a, start: 1000, instroom: 900, zorgduur: 12, cost: 2k,\n"
    "     transitions: {b: 20%, e: 5%}, reentry: {fraction: 10%, delay_months: 7}}\n"
    "  - {key: b, stages: 3, start: 300, instroom: 100, zorgduur: 18, cost: 9k,\n"
    "     transitions: {c: 10%}, ageing: {rate: 6%, to: e, fraction: 40%}}\n"
    "  - {key: c, stages: 6, start: 90, instroom: 30, zorgduur: 30, cost: 50k,\n"
    "     reentry: {fraction: 10%, delay_months: 24}, ageing: {rate: 5%}}\n"
    "  - {key: d, stages: 9, start: 40, instroom: 15, zorgduur: 30, cost: 80k, transitions: {a: 20%}}\n"
    "  - {key: e, stages: 12, start: 60, instroom: 10, zorgduur: 36, cost: 30k,\n"
    "     reentry: {fraction: 4%, delay_months: 3}}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Een}\n"
    "  - {code: GM0002, name: Twee, zorg: {a: {instroom: 400, reentry: {fraction: 10%, delay_months: 2}}, b: {ageing: {rate: 6%, to: d}}}}\n"
    "  - {code: GM0003, name: Drie, zorg: {a: {transitions: {c: 15%}}, e: {reentry: {fraction: 4%, delay_months: 30, to: a}}}}\n"
    "  - {code: GM0004, name: Vier, zorg: {a: {transitions: {b: 0}}, c: {reentry: {fraction: 8%, to: d}, zorgduur: 20}}}\n"
    "  - {code: GM0005, name: Vijf, zorg: {d: {transitions: {b: 10%}}, c: {reentry: {fraction: 10%, delay_months: 1}}}}\n"
    "  - {code: GM0006, name: Zes, zorg: {b: {ageing: {rate: 4%, to: c, fraction: 20%}}, a: {transitions: {d: 3%}}}}\n"
    "  - {code: GM0007, name: Zeven}\n";

/* Every double of s's full result, gemeenten side by side and one at a
 * time; also the status and the message. */
static void check_gemeenten(const jz_scenario *s, const unsigned char *checked)
{
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r[2] = {jz_result_alloc(s), jz_result_alloc(s)};
    assert_true(w && r[0] && r[1]);
    jz_workspace_set_checked(w, checked);
    jz_error err[2];
    int rc[2];
    for (int lanes = 0; lanes <= 1; lanes++) {
        memset(r[lanes]->block, 0, r[lanes]->block_len * sizeof(double));
        jz_workspace_set_gemeente_lanes(w, lanes);
        rc[lanes] = jz_model_run(s, w, r[lanes], &err[lanes]);
    }
    assert_int_equal(rc[0], rc[1]);
    if (rc[0])
        assert_string_equal(err[0].message, err[1].message);
    for (size_t i = 0; i < r[0]->block_len; i++)
        if (memcmp(&r[0]->block[i], &r[1]->block[i], sizeof(double)) != 0)
            fail_msg("double %zu: %.17g one gemeente at a time, %.17g side by side", i, r[0]->block[i],
                     r[1]->block[i]);
    jz_result_free(r[0]);
    jz_result_free(r[1]);
    jz_workspace_free(w);
}

static void test_lanes_gemeenten(void **state)
{
    (void)state;
    jz_scenario *s = load_string(GEMEENTEN);
    /* the gemeenten differ, so a lane that read another's number would show */
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    for (int g = 1; g < 6; g++)
        assert_memory_not_equal(&r->end[jz_result_cz(r, 0, 0, 0)], &r->end[jz_result_cz(r, g, 0, 0)],
                                (size_t)s->n_zorgsoorten * (size_t)s->meta.horizon * sizeof(double));
    jz_result_free(r);
    jz_workspace_free(w);
    check_gemeenten(s, NULL);

    /* a gemeente whose inputs are rejected: the same error, in the same
     * gemeente, as one at a time */
    jz_scenario *bad = jz_scenario_copy(s);
    assert_non_null(bad);
    bad->cells[2 * s->n_zorgsoorten + 1].zorgduur[3] = -1.0;
    check_gemeenten(bad, NULL);
    jz_scenario_free(bad);

    /* an infinite instroom (completions inf) where the lanes'
     * routes differ (C x +0.0 would be NaN): vouched for, so unchecked */
    bad = jz_scenario_copy(s);
    assert_non_null(bad);
    for (int y = 0; y < s->meta.horizon; y++)
        bad->cells[3 * s->n_zorgsoorten].instroom[y] = HUGE_VAL;
    unsigned char checked[7] = {1, 1, 1, 1, 1, 1, 1};
    check_gemeenten(bad, checked);
    jz_scenario_free(bad);
    jz_scenario_free(s);

    /* weekly and quarterly steps: other delays in steps, other ring
     * lengths and heads at the year's end */
    const char *steps[] = {"steps_per_year: 52, ", "steps_per_year: 4, "};
    for (int i = 0; i < 2; i++) {
        const char *at = strstr(GEMEENTEN, "base_year");
        size_t head = (size_t)(at - GEMEENTEN), len = strlen(GEMEENTEN) + strlen(steps[i]) + 1;
        char *yaml = malloc(len);
        assert_non_null(yaml);
        snprintf(yaml, len, "%.*s%s%s", (int)head, GEMEENTEN, steps[i], at);
        s = load_string(yaml);
        assert_int_equal(s->meta.steps_per_year, i ? 4 : 52);
        check_gemeenten(s, NULL);
        jz_scenario_free(s);
        free(yaml);
    }
}

static void same_double(double a, double b, const char *what, int f)
{
    if (memcmp(&a, &b, sizeof a) != 0)
        fail_msg("figure %d, %s: %.17g one at a time, %.17g in lanes", f, what, a, b);
}

static void same_stat(const jz_mc_stat *a, const jz_mc_stat *b, int f)
{
    same_double(a->point, b->point, "point", f);
    same_double(a->mean, b->mean, "mean", f);
    same_double(a->sd, b->sd, "sd", f);
    same_double(a->se, b->se, "se", f);
    for (int q = 0; q < JZ_MC_NQ; q++)
        same_double(a->q[q], b->q[q], "percentile", f);
    same_double(a->min, b->min, "min", f);
    same_double(a->max, b->max, "max", f);
    assert_int_equal(a->coarse, b->coarse);
}


/* The lanes' state is counted as it is allocated: jz_lanes_size (and so
 * jz_model_size's lanes_bytes) is what jz_lanes_alloc asks for, for any
 * size; a lane workspace of the Monte Carlo holds the lanes' state only in
 * the first lane of a group and no peers, and a run on it gives the bits
 * of a full workspace's run. */
static void test_lanes_size_and_lane_workspaces(void **state)
{
    (void)state;
    const int dims[][3] = {{1, 1, 1}, {3, 15, 25}, {12, 15, 25}, {12, 1, 1}, {40, 50, 61}};
    for (size_t i = 0; i < sizeof dims / sizeof dims[0]; i++) {
        const int Z = dims[i][0], H = dims[i][1], ring = dims[i][2];
        jz_lanes *ln = jz_lanes_alloc(Z, H, ring);
        assert_non_null(ln);
        if (ln->bytes != jz_lanes_size(Z, H, ring))
            fail_msg("Z %d, H %d, ring %d: jz_lanes_alloc takes %zu bytes, jz_lanes_size says %zu", Z, H, ring,
                     ln->bytes, jz_lanes_size(Z, H, ring));
        jz_lanes_free(ln);
    }
    jz_scenario *s = load_file("scenarios/example-onzeker.yaml");
    jz_size_estimate e;
    jz_model_size(s, &e);
    jz_workspace *full = jz_workspace_alloc(s);
    assert_non_null(full);
    assert_non_null(full->lanes);
    assert_non_null(full->peer[0]);
    assert_int_equal(e.lanes_bytes, full->lanes->bytes);
    assert_true(e.workspace_bytes == JZ_MODEL_LANES * e.draw_workspace_bytes + e.lanes_bytes);
    jz_result *r1 = jz_result_alloc(s), *r2 = jz_result_alloc(s);
    assert_true(r1 && r2);
    jz_error err;
    assert_int_equal(jz_model_run(s, full, r1, &err), JZ_OK);
    for (int l = 0; l < JZ_MODEL_RUNS_MAX; l++) {
        jz_workspace *w = jz_workspace_alloc_lane(s, l);
        assert_non_null(w);
        assert_int_equal(w->lanes != NULL, l % JZ_MODEL_LANES == 0);
        for (int p = 0; p < JZ_MODEL_LANES - 1; p++)
            assert_null(w->peer[p]);
        memset(r2->block, 0, r2->block_len * sizeof(double));
        assert_int_equal(jz_model_run(s, w, r2, &err), JZ_OK);
        assert_memory_equal(r1->block, r2->block, r1->block_len * sizeof(double));
        jz_workspace_free(w);
    }
    jz_result_free(r1);
    jz_result_free(r2);
    jz_workspace_free(full);
    jz_scenario_free(s);
}

/* The Monte Carlo: summaries and every kept draw the same bits with lanes
 * (default) as one draw at a time, with 1 and 2 threads; 203 draws, so
 * the last group of a block is short. */
static void test_lanes_mc(void **state)
{
    (void)state;
    const char *paths[] = {NULL, "scenarios/example-onzeker.yaml"};
    for (int p = 0; p < 2; p++) {
        jz_scenario *s = p ? load_file(paths[p]) : load_string(STAGES);
        jz_mc_result *res[2][2] = {{NULL, NULL}, {NULL, NULL}};
        for (int lanes = 0; lanes <= 1; lanes++)
            for (int t = 1; t <= 2; t++) {
                jz_mc_options o;
                jz_mc_options_default(&o);
                o.draws = 203;
                o.seed = 11;
                o.threads = t;
                o.keep_draws = 1;
                o.lanes = lanes; /* 0: side by side, 1: one at a time */
                jz_error err;
                if (jz_mc_run(s, &o, &res[lanes][t - 1], &err) != JZ_OK)
                    fail_msg("%s", err.message);
            }
        const jz_mc_result *a = res[1][0];
        for (int i = 0; i < 2; i++)
            for (int t = 0; t < 2; t++) {
                const jz_mc_result *b = res[i][t];
                assert_int_equal(a->n_figures, b->n_figures);
                for (int f = 0; f < a->n_figures; f++) /* field by field: the struct has padding */
                    same_stat(&a->stat[f], &b->stat[f], f);
                assert_memory_equal(a->p_below, b->p_below, (size_t)a->horizon * sizeof *a->p_below);
                assert_memory_equal(a->kept_values, b->kept_values,
                                    (size_t)a->draws * (size_t)a->n_figures * sizeof *a->kept_values);
                assert_memory_equal(a->kept_inputs, b->kept_inputs,
                                    (size_t)a->draws * (size_t)s->n_uncertain * sizeof *a->kept_inputs);
            }
        for (int i = 0; i < 2; i++)
            for (int t = 0; t < 2; t++)
                jz_mc_result_free(res[i][t]);
        jz_scenario_free(s);
    }
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lanes_stages),
        cmocka_unit_test(test_lanes_example),
        cmocka_unit_test(test_lanes_money),
        cmocka_unit_test(test_lanes_money_overflow),
        cmocka_unit_test(test_lanes_money_not_plain),
        cmocka_unit_test(test_lanes_unlike),
        cmocka_unit_test(test_lanes_gemeenten),
        cmocka_unit_test(test_lanes_mc),
        cmocka_unit_test(test_lanes_size_and_lane_workspaces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
