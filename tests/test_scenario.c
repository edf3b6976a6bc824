/*
 * test_scenario.c - the scenario loader: values, units, layering, extends,
 * and one test per class of bad input, each checking the message and the
 * line:column it names.
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
#include "scenario/build.h"
#include "scenario/schema.h"
#include "scenario/measure_build.h"
#include "jztest.h"

/* A valid scenario as a template; tests splice one bad line into it. */
static const char *GOOD =
    "meta: {name: T, base_year: 2024, horizon: 3}\n"   /* line 1 */
    "zorgsoorten:\n"                                     /* 2 */
    "  - key: ambulant\n"                                /* 3 */
    "    start: 100\n"                                   /* 4 */
    "    instroom: 120\n"                                /* 5 */
    "    zorgduur: 10\n"                                 /* 6 */
    "    cost: 9k\n"                                     /* 7 */
    "  - key: residentieel\n"                            /* 8 */
    "    instroom: 10\n"                                 /* 9 */
    "    zorgduur: 12\n"                                 /* 10 */
    "    cost: 90k\n"                                    /* 11 */
    "gemeenten:\n"                                       /* 12 */
    "  - {code: GM0001, name: Ergens}\n";                /* 13 */

static jz_scenario *load(const char *text, jz_error *err)
{
    return jz_scenario_load_string(text, strlen(text), "t.yaml", NULL, err);
}

/* Replace line `line` (1-based) of GOOD with `repl` (which may hold several
 * lines), load it, and expect an error at line:col whose message contains
 * `needle`. */
static void expect_error_at(int line, const char *repl, int eline, int ecol, const char *needle)
{
    char buf[4096];
    const char *p = GOOD;
    size_t at = 0;
    for (int l = 1; *p; l++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) + 1;
        if (l == line)
            at += (size_t)snprintf(buf + at, sizeof buf - at, "%s\n", repl);
        else {
            memcpy(buf + at, p, len);
            at += len;
        }
        p += len;
    }
    buf[at] = '\0';
    jz_error err;
    jz_scenario *s = load(buf, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("expected an error containing '%s' for line %d: %s", needle, line, repl);
    }
    assert_int_equal(err.status, JZ_EINPUT);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' does not contain '%s'", err.message, needle);
    assert_string_equal(err.file, "t.yaml");
    if ((eline && err.line != eline) || (ecol && err.column != ecol))
        fail_msg("'%s' at %d:%d, expected at %d:%d", err.message, err.line, err.column, eline, ecol);
}

static void test_good_loads(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load(GOOD, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(s->n_zorgsoorten, 2);
    assert_int_equal(s->n_gemeenten, 1);
    assert_int_equal(s->meta.horizon, 3);
    assert_close(s->cells[0].cost[2], 9000.0, 0.0);
    assert_close(s->cells[1].instroom[0], 10.0, 0.0);
    /* no budget given: a warning, not an error */
    assert_true(s->n_warnings >= 1);
    assert_non_null(strstr(s->warnings[0], "no budget"));
    jz_scenario_free(s);
}

static void test_unknown_key_suggests(void **state)
{
    (void)state;
    expect_error_at(6, "    zorgdur: 10", 6, 5, "did you mean 'zorgduur'?");
    expect_error_at(1, "meta: {name: T, base_year: 2024, horizon: 3, horizn: 4}", 1, 46, "did you mean 'horizon'?");
    expect_error_at(13, "  - {code: GM0001, name: Ergens, populaton: {youth: 1}}", 13, 34, "did you mean 'population'?");
}

static void test_wrong_type(void **state)
{
    (void)state;
    expect_error_at(6, "    zorgduur: [1, 2]", 6, 15, "expected a number of months > 0");
    expect_error_at(7, "    cost: duur", 7, 11, "expected an amount in euros");
    expect_error_at(1, "meta: {name: T, base_year: 2024, horizon: drie}", 1, 43, "expected a whole number");
    expect_error_at(3, "  - key: [a, b]", 3, 10, "expected a text");
}

static void test_impossible_values(void **state)
{
    (void)state;
    expect_error_at(6, "    zorgduur: -3", 6, 15, "must be > 0 months");
    expect_error_at(4, "    start: -100", 4, 12, "must be >= 0");
    expect_error_at(1, "meta: {name: T, base_year: 2024, horizon: 51}", 1, 43, "must be from 1 to 50");
    expect_error_at(5, "    instroom: {absolute: 100, per_1000: 3}", 5, 15, "either 'absolute' or 'per_1000'");
    expect_error_at(5, "    instroom: {per_1000: 3}", 5, 26, "has no population.youth");
    expect_error_at(7, "    cost: 6,5k", 7, 11, "'6,5k' has a decimal comma; write 6.5k, with a point");
    expect_error_at(7, "    cost: 6,5,1k", 7, 11, "uses a comma");
    /* in a flow map the decimal comma splits the entry: named as such, at the fragment */
    expect_error_at(7, "    cost: {2024: 6,5k, 2026: 7k}", 7, 20,
                    "cost: 6,5k: a decimal comma inside {...} separates entries in YAML; write 6.5k, with a point");
    expect_error_at(7, "    cost: {2024: 9k, 2026: 9,25}", 7, 30, "write 9.25, with a point");
    /* a Dutch amount with a comma and 'mln': the fix is the amount the loader reads */
    expect_error_at(7, "    cost: 9k\n    budget: {amount: {2024: € 50,1 mln}}", 8, 34,
                    "budget.amount: € 50,1 mln: a decimal comma inside {...} separates entries in YAML; "
                    "write € 50.1M, with a point");
    expect_error_at(7, "    cost: 9k\n    budget:\n      amount:\n        2024: € 50,1 mln", 10, 15,
                    "'€ 50,1 mln' has a decimal comma; write € 50.1M, with a point");
    expect_error_at(7, "    cost: {2024: '50,1k'}", 7, 18, "'50,1k' has a decimal comma; write 50.1k, with a point");
    /* the same in a map of named keys: the fragment is no key of it */
    expect_error_at(7, "    cost: {tariff: 95,5, units_per_year: 90}", 7, 23,
                    "zorgsoorten[ambulant].cost: 95,5: a decimal comma inside {...} separates entries in YAML; "
                    "write 95.5, with a point");
    expect_error_at(7, "    cost: 9k\n    budget: {volume: 90, price: 8,5k}", 8, 35,
                    "zorgsoorten[ambulant].budget: 8,5k: a decimal comma inside {...}");
    expect_error_at(7, "    cost: 9k\n    budget: {volume: 90, price: 8, 5k}", 8, 36, "unknown key '5k'");
    expect_error_at(7, "    cost: 9k\n    budget: {amount: € 50.1 mln}", 8, 22, "'€ 50.1 mln': write € 50.1M (M for a million");
    expect_error_at(7, "    cost: 9k\n    mixture: {share: 60%, stages: [2, 1], zorgduur: [10,5, 18]}", 8, 57,
                    "zorgsoorten[ambulant].mixture.zorgduur: 10,5: a decimal comma inside [...] separates "
                    "entries in YAML; write 10.5, with a point");
    /* one comma and three digits: thousands (EUR 2500) or decimals (2.5)?  Both
     * readings, checked in the field, never 'write 2.500' (read as 2.5) */
    expect_error_at(7, "    cost: {tariff: 2,500, units_per_year: 90}", 7, 22,
                    "zorgsoorten[ambulant].cost: 2,500: a comma inside {...} separates entries in YAML; write 2500 "
                    "(or 2.5k) if the comma separates thousands, 2.5 if it is a decimal comma; jzsim reads neither");
    expect_error_at(7, "    cost: {2024: 2,500}", 7, 20,
                    "write 2500 (or 2.5k) if the comma separates thousands, 2.5 if it is a decimal comma");
    expect_error_at(7, "    cost: '2,000'", 7, 11,
                    "'2,000' has a comma; write 2000 (or 2k) if the comma separates thousands, 2 if it is a decimal");
    expect_error_at(7, "    cost: '1,200,000'", 7, 11,
                    "'1,200,000' has thousands commas; write 1200000 (or 1.2M), without thousands commas");
    /* 2500 months is no zorgduur: only the decimal reading */
    expect_error_at(6, "    zorgduur: {2024: 2,500}", 6, 24, "zorgduur: 2,500: a decimal comma inside {...} "
                    "separates entries in YAML; write 2.5, with a point");
    expect_error_at(7, "    cost: 5%", 7, 11, "a percentage is not expected here");
    expect_error_at(13, "  - {code: 153, name: Ergens}", 13, 12, "CBS code like GM0153");
}

static void test_nan_and_inf(void **state)
{
    (void)state;
    /* finite but absurd: rejected so that no result can overflow */
    expect_error_at(7, "    cost: 1e308", 7, 11, "at most 10,000,000,000,000 euros");
    expect_error_at(4, "    start: 1e300", 4, 12, "at most 1,000,000,000");
    expect_error_at(6, "    zorgduur: 1e-320", 6, 15, "at least 0.01");
    expect_error_at(6, "    zorgduur: .nan", 6, 15, "expected a number of months");
    expect_error_at(7, "    cost: inf", 7, 11, "expected an amount in euros");
    expect_error_at(7, "    cost: 1e400", 7, 11, "not a finite number");
}

static void test_fractions_over_one(void **state)
{
    (void)state;
    expect_error_at(7, "    cost: 9k\n    transitions: {residentieel: 80%}\n    reentry: {fraction: 30%}",
                    8, 18, "add up to 1.1 of ended care");
    expect_error_at(7, "    cost: 9k\n    transitions: {residentieel: 120%}", 8, 33, "between 0 and 1");
}

static void test_missing_required(void **state)
{
    (void)state;
    expect_error_at(6, "", 3, 5, "missing required key 'zorgduur'");
    expect_error_at(1, "meta: {name: T, horizon: 3}", 1, 7, "missing required key 'base_year'");
    expect_error_at(13, "  - {code: GM0001}", 13, 5, "missing required key 'name'");
    expect_error_at(12, "", 0, 0, "missing required key 'gemeenten'");
}

static void test_unknown_references(void **state)
{
    (void)state;
    expect_error_at(7, "    cost: 9k\n    transitions: {residentieeel: 5%}", 8, 19,
                    "unknown zorgsoort 'residentieeel'; did you mean 'residentieel'?");
    expect_error_at(7, "    cost: 9k\n    transitions: {ambulant: 5%}", 8, 19, "cannot move clients to itself");
    expect_error_at(13, "  - {code: GM0001, name: Ergens, zorg: {ambulnt: {start: 3}}}", 13, 41,
                    "did you mean 'ambulant'?");
    expect_error_at(8, "  - key: ambulant", 8, 10, "listed twice");
}

/* An item of zorgsoorten, gemeenten or measures is named one way in every
 * message: by its key or code, as its paths are written
 * (zorgsoorten[ambulant]); by its place only while it has no key yet. */
static void test_items_named_by_key(void **state)
{
    (void)state;
    expect_error_at(6, "    zorgdur: 10", 6, 5, "unknown key 'zorgdur' in zorgsoorten[ambulant];");
    expect_error_at(6, "", 3, 5, "zorgsoorten[ambulant] in gemeenten[GM0001]: missing required key 'zorgduur'");
    expect_error_at(8, "  - name: Zonder sleutel", 8, 5, "zorgsoorten item 2: missing required key 'key'");
    expect_error_at(8, "  - key: ambulant", 8, 10, "zorgsoorten[ambulant] is listed twice");
    expect_error_at(7, "    cost: 9k\n    taakveld: \"7.1\"", 8, 15, "zorgsoorten[ambulant]: taakveld '7.1'");
    expect_error_at(7, "    cost: 9k\n    reentry: {fractoin: 5%}", 8, 15, "in zorgsoorten[ambulant].reentry;");
    expect_error_at(13, "  - {code: GM0001, name: Ergens, populaton: {youth: 1}}", 13, 34, "in gemeenten[GM0001];");
    expect_error_at(13, "  - {name: Ergens}", 13, 5, "gemeenten item 1: missing required key 'code'");
    expect_error_at(13, "  - {code: GM0001, name: Ergens, zorg: {ambulant: {reentry: {fractoin: 5%}}}}", 13, 62,
                    "in gemeenten[GM0001].zorg.ambulant.reentry;");
    expect_error_at(13, "  - {code: GM0001, name: Ergens, begroting: {totall: 1M}}", 13, 46,
                    "unknown key 'totall' in gemeenten[GM0001].begroting;");
    expect_error_at(13, "  - {code: GM0001, name: Ergens}\n  - {code: GM0001, name: Elders}", 14, 12,
                    "gemeenten[GM0001] is listed twice");
    const char *m = "  - {code: GM0001, name: Ergens}\nmeasures:\n";
    char buf[512];
    snprintf(buf, sizeof buf, "%s  - {key: lwi, type: local, effect: instroom, change: -5%%, start: 2025, "
             "zorgsoorten: [ambulnt]}", m);
    expect_error_at(13, buf, 15, 87, "measures[lwi].zorgsoorten: unknown zorgsoort 'ambulnt'");
    snprintf(buf, sizeof buf, "%s  - {key: lwi, type: local, effect: instroom, change: 5, start: 2025}", m);
    expect_error_at(13, buf, 15, 55, "measures[lwi].change 5 means 500%");
    snprintf(buf, sizeof buf, "%s  - {type: local, naam: x}", m);
    expect_error_at(13, buf, 15, 19, "unknown key 'naam' in measures item 1 (a local measure)");
}

static void test_malformed_yaml(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load("meta: {name: T\nzorgsoorten: [\n", &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_true(err.line > 0);
    assert_true(err.column > 0);
}

static void test_alias_bomb(void **state)
{
    (void)state;
    char bomb[4096];
    size_t at = (size_t)snprintf(bomb, sizeof bomb, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= 9; i++)
        at += (size_t)snprintf(bomb + at, sizeof bomb - at,
                               "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
                               i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
    jz_error err;
    jz_scenario *s = load(bomb, &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.message, "nodes"));
    assert_true(err.line > 0);
}

static void test_file_too_large(void **state)
{
    (void)state;
    jz_load_options opt;
    jz_load_options_default(&opt);
    opt.max_file_bytes = 100;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/scenario/base.yaml", &opt, &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.message, "limit"));
}

static void test_extends_cycle_and_missing(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/scenario/cycle_a.yaml", NULL, &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.message, "cycle"));
    assert_int_equal(err.line, 1);
    s = jz_scenario_load(JZ_TEST_DATA "/scenario/missing_base.yaml", NULL, &err);
    assert_null(s);
    assert_non_null(strstr(err.message, "does-not-exist.yaml"));
    assert_int_equal(err.line, 1);
    s = jz_scenario_load(JZ_TEST_DATA "/scenario/no-such-file.yaml", NULL, &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EIO);
}

/* Values, units, series and the two layers. */
static void test_values_and_layers(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/scenario/base.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    int Z = s->n_zorgsoorten;
    const jz_cell *a0 = &s->cells[0], *a1 = &s->cells[Z + 0], *r1 = &s->cells[Z + 1];
    /* linear interpolation 10 -> 12 over 2024-2026, then constant */
    assert_close(a0->zorgduur[0], 10.0, 1e-12);
    assert_close(a0->zorgduur[1], 11.0, 1e-12);
    assert_close(a0->zorgduur[2], 12.0, 1e-12);
    assert_close(a0->zorgduur[3], 12.0, 1e-12);
    /* step series, percentages; base year value of indexation not given -> first value */
    assert_close(s->tariff_index[1], 0.05, 1e-15);
    assert_close(s->tariff_index[2], 0.03, 1e-15);
    assert_close(s->tariff_index[3], 0.03, 1e-15);
    assert_close(s->budget_index[0], 0.02, 1e-15);
    /* tariff x units */
    assert_close(a0->cost[0], 9000.0, 1e-9);
    /* {base, growth} population */
    assert_close(s->gemeenten[0].population[JZ_POP_YOUTH][2], 20000.0 * 1.01 * 1.01, 1e-9);
    /* gemeente layer overrides only the trend and start; level from the zorgsoort */
    assert_int_equal(a0->instroom_per_1000, 1);
    assert_close(a0->instroom[0], 30.0, 0.0);
    assert_close(a0->instroom_trend[1], 0.02, 1e-15);
    assert_close(a0->start, 1200.0, 0.0);
    assert_close(a1->instroom_trend[1], 0.01, 1e-15);
    assert_close(a1->start, 1000.0, 0.0);
    /* transitions, reentry, budget */
    assert_close(a0->transition[1 * Z + 1], 0.05, 1e-15);
    assert_close(r1->transition[0 * Z + 0], 0.30, 1e-15);
    assert_close(a0->reentry[0], 0.10, 1e-15);
    assert_int_equal(a0->reentry_delay, 6);
    assert_int_equal(a0->reentry_to, 0);
    assert_int_equal(a0->has_budget, 1);
    assert_int_equal(r1->has_budget, 0);
    assert_true(s->gemeenten[0].has_rijksbijdrage);
    assert_false(s->gemeenten[1].has_rijksbijdrage);
    /* every input is traceable to file:line */
    int found = 0;
    for (int i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].path, "gemeenten[GM0001].zorg.ambulant.instroom.trend") == 0) {
            found = 1;
            assert_int_equal(s->inputs[i].line, 31);
            assert_string_equal(s->inputs[i].value, "2%");
            assert_string_equal(s->inputs[i].unit, "fraction/yr");
            assert_non_null(strstr(s->inputs[i].file, "base.yaml"));
        }
    assert_true(found);
    jz_scenario_free(s);
}

/* The traced input at path; fails the test when there is none or more. */
static const jz_input *traced(const jz_scenario *s, const char *path)
{
    const jz_input *in = NULL;
    for (int i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].path, path) == 0) {
            if (in)
                fail_msg("%s is traced twice", path);
            in = &s->inputs[i];
        }
    if (!in)
        fail_msg("%s is not a traced input", path);
    return in;
}

/* reentry.delay_months, reentry.to and ageing.to change the figures, so
 * they are traceable inputs as reentry.fraction is: value as written, unit,
 * file:line, source and bron; a variant's override traces to the variant's
 * line, a gemeente's zorg.<key> override to its own path and line. */
static void test_trace_reentry_ageing(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *b = jz_scenario_load(JZ_TEST_DATA "/scenario/base.yaml", NULL, &err);
    jz_scenario *v = jz_scenario_load(JZ_TEST_DATA "/scenario/reentry_trace.yaml", NULL, &err);
    if (!b || !v)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    const jz_input *in = traced(b, "zorgsoorten[ambulant].reentry.delay_months");
    assert_string_equal(in->value, "6");
    assert_string_equal(in->unit, "months");
    assert_int_equal(in->line, 17);
    assert_non_null(strstr(in->file, "base.yaml"));

    in = traced(v, "zorgsoorten[ambulant].reentry.delay_months");
    assert_string_equal(in->value, "9");
    assert_string_equal(in->unit, "months");
    assert_int_equal(in->line, 12);
    assert_non_null(strstr(in->file, "reentry_trace.yaml"));
    assert_int_equal(in->bron, 0); /* the bron: of its map */
    char label[512];
    assert_string_equal(jz_input_label(v, in, 0, label, sizeof label),
                        "Wachttijd tot terugkeer na einde zorg, ambulant (maanden)");
    in = traced(v, "zorgsoorten[ambulant].reentry.to");
    assert_string_equal(in->value, "residentieel");
    assert_string_equal(in->unit, "zorgsoort");
    assert_int_equal(in->line, 12);
    assert_int_equal(in->bron, 0);
    assert_string_equal(jz_input_label(v, in, 1, label, sizeof label), "Zorgsoort re-entered after care ends, ambulant");
    /* a reader gets the zorgsoort's name; the trace keeps its key */
    char shown[256];
    assert_string_equal(jz_input_value_text(v, in, shown, sizeof shown), "Jeugdhulp met verblijf");
    assert_string_equal(in->value, "residentieel");
    in = traced(v, "zorgsoorten[ambulant].ageing.to");
    assert_string_equal(in->value, "residentieel");
    assert_string_equal(jz_input_value_text(v, in, shown, sizeof shown), "Jeugdhulp met verblijf");
    assert_string_equal(in->unit, "zorgsoort");
    assert_int_equal(in->line, 13);
    assert_int_equal(in->bron, -1);
    assert_non_null(strstr(in->file, "reentry_trace.yaml"));
    /* a gemeente's own values */
    in = traced(v, "gemeenten[GM0002].zorg.ambulant.reentry.delay_months");
    assert_string_equal(in->value, "3");
    assert_int_equal(in->line, 20);
    in = traced(v, "gemeenten[GM0002].zorg.ambulant.ageing.to");
    assert_int_equal(in->line, 21);
    assert_string_equal(in->source, "Eigen aanname Tweede");
    assert_non_null(strstr(jz_input_label(v, in, 0, label, sizeof label), "Zorgsoort bij doorstroom op 18 jaar, ambulant, Tweede"));
    assert_string_equal(jz_input_value_text(v, in, shown, sizeof shown), "Jeugdhulp met verblijf");
    /* a list (a measure's zorgsoorten, gemeenten) by names; a key that
     * names none as written; what does not fit left out whole; any other
     * input as written */
    jz_input list = {.value = "[ambulant, residentieel, elders]", .unit = "zorgsoorten"};
    assert_string_equal(jz_input_value_text(v, &list, shown, sizeof shown),
                        "ambulant, Jeugdhulp met verblijf, elders");
    assert_string_equal(jz_input_value_text(v, &list, shown, 20), "ambulant, ...");
    jz_input where = {.value = "[GM0002, GM0001]", .unit = "gemeenten"};
    assert_string_equal(jz_input_value_text(v, &where, shown, sizeof shown), "Tweede, Eerste");
    in = traced(v, "zorgsoorten[ambulant].reentry.delay_months");
    assert_ptr_equal(jz_input_value_text(v, in, shown, sizeof shown), in->value);
    /* and they are the values the model uses */
    int Z = v->n_zorgsoorten;
    assert_int_equal(v->cells[0].reentry_delay, 9);
    assert_int_equal(v->cells[0].reentry_to, 1);
    assert_int_equal(v->cells[0].ageing_to, 1);
    assert_int_equal(v->cells[Z].reentry_delay, 3);
    assert_int_equal(v->cells[Z].ageing_to, 1);
    jz_scenario_free(v);
    jz_scenario_free(b);
}

/* A variant changes exactly what it names and nothing else. */
static void test_extends_overrides_exactly(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *b = jz_scenario_load(JZ_TEST_DATA "/scenario/base.yaml", NULL, &err);
    jz_scenario *v = jz_scenario_load(JZ_TEST_DATA "/scenario/variant.yaml", NULL, &err);
    if (!b || !v)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_string_equal(v->meta.name, "Testvariant");
    assert_int_equal(v->meta.base_year, b->meta.base_year);
    assert_int_equal((int)v->block_len, (int)b->block_len);
    int Z = b->n_zorgsoorten, H = b->meta.horizon, differ = 0;
    for (size_t i = 0; i < b->block_len; i++) {
        if (b->block[i] == v->block[i])
            continue;
        /* the only difference allowed: residentieel's zorgduur in both gemeenten */
        int ok = 0;
        for (int g = 0; g < b->n_gemeenten; g++) {
            const double *zd = b->cells[g * Z + 1].zorgduur;
            size_t off = (size_t)(zd - b->block);
            if (i >= off && i < off + (size_t)H) {
                ok = 1;
                assert_close(v->block[i], 10.0, 0.0);
            }
        }
        if (!ok)
            fail_msg("block[%zu] differs: %g vs %g", i, b->block[i], v->block[i]);
        differ++;
    }
    assert_int_equal(differ, 2 * H);
    jz_scenario_free(b);
    jz_scenario_free(v);
}

static void test_copy_is_deep(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_SOURCE_DIR "/scenarios/example.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_memory_equal(c->block, s->block, s->block_len * sizeof(double));
    c->cells[0].zorgduur[0] = 99.0;
    assert_true(s->cells[0].zorgduur[0] != 99.0);
    assert_int_equal(c->gemeenten[0].n_fixed, s->gemeenten[0].n_fixed);
    assert_close(c->gemeenten[0].fixed[0].amount[0], s->gemeenten[0].fixed[0].amount[0], 0.0);
    assert_ptr_not_equal(c->gemeenten[0].fixed[0].amount, s->gemeenten[0].fixed[0].amount);
    assert_int_equal(c->n_inputs, s->n_inputs);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

/* Financing modes, budget amounts, tariff corrections, external shifts. */
static void test_money_keys(void **state)
{
    (void)state;
    const char *y =
        "meta: {name: T, base_year: 2022, horizon: 3}\n"
        "indexation: {tariff_correction: {2023: 2%}}\n"
        "zorgsoorten:\n"
        "  - key: wijkteam\n"
        "    instroom: 100\n"
        "    zorgduur: 6\n"
        "    cost: 3k\n"
        "    financing: {mode: lumpsum, amount: 2M, from: 2023}\n"
        "    budget: {amount: 1.9M}\n"
        "  - key: pleegzorg\n"
        "    instroom: 50\n"
        "    zorgduur: 30\n"
        "    cost: 24k\n"
        "    tariff_correction: 0\n"
        "gemeenten:\n"
        "  - code: GM0153\n"
        "    name: Enschede\n"
        "    external_shifts:\n"
        "      - {name: woonplaatsbeginsel, zorgsoort: pleegzorg, client_years: 40, compensation: 500k}\n";
    jz_error err;
    jz_scenario *s = load(y, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    const jz_cell *w = &s->cells[0], *p = &s->cells[1];
    assert_int_equal(w->financing, JZ_FIN_LUMPSUM);
    assert_int_equal(w->financing_from, 1);
    assert_close(w->financing_amount[0], 2e6, 0);
    assert_int_equal(w->has_budget_amount, 1);
    assert_int_equal(w->has_budget, 0);
    assert_close(w->budget_amount[2], 1.9e6, 0);
    assert_close(w->tariff_correction[1], 0.02, 1e-15);
    assert_close(w->tariff_correction[2], 0.0, 0); /* one-off: not held in later years */
    assert_close(p->tariff_correction[1], 0.0, 0);
    assert_int_equal(s->gemeenten[0].n_external, 1);
    const jz_external *e = &s->gemeenten[0].external[0];
    assert_int_equal(e->zorgsoort, 1);
    assert_close(e->cost[0], 24000.0, 0); /* defaults to the zorgsoort's cost */
    assert_close(e->compensation[0], 5e5, 0);
    /* the warning about missing budgets names pleegzorg only */
    assert_int_equal(s->n_warnings, 1);
    assert_non_null(strstr(s->warnings[0], "pleegzorg"));
    jz_scenario_free(s);

    expect_error_at(7, "    cost: 9k\n    budget: {volume: 100}", 8, 13, "needs both 'volume'");
    expect_error_at(7, "    cost: 9k\n    budget: {amount: 1M, price: 3k}", 8, 22, "not both");
    expect_error_at(7, "    cost: 9k\n    financing: {mode: lumpsum}", 8, 23, "needs an 'amount'");
    expect_error_at(7, "    cost: 9k\n    financing: {mode: lumpsome, amount: 1M}", 8, 23, "volume, lumpsum or population");
    expect_error_at(13, "  - {code: GM0001, name: E, external_shifts: [{name: w, zorgsoort: pleeg, client_years: 1}]}",
                    13, 68, "unknown zorgsoort 'pleeg'");
}

/* Every key of the schema is documented in docs/scenario-format.md. */
static void test_every_key_documented(void **state)
{
    (void)state;
    FILE *f = fopen(JZ_SOURCE_DIR "/docs/scenario-format.md", "rb");
    assert_non_null(f);
    static char doc[1 << 17];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    const jz_key *tables[] = {jz_keys_top, jz_keys_meta, jz_keys_indexation, jz_keys_zorgsoort,
                              jz_keys_cell, jz_keys_gemeente, jz_keys_population, jz_keys_fixed,
                              jz_keys_instroom, jz_keys_cost, jz_keys_budget, jz_keys_reentry, jz_keys_financing, jz_keys_external,
                              jz_keys_ageing, jz_keys_measure_ha, jz_keys_measure_local, jz_keys_regio,
                              jz_keys_verevening, jz_keys_sleutel, jz_keys_gebruik, jz_keys_drempel, jz_keys_contract,
                              jz_keys_regional_investment};
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
        for (const jz_key *k = tables[t]; k->key; k++) {
            char quoted[96];
            snprintf(quoted, sizeof quoted, "`%s`", k->key);
            if (!strstr(doc, quoted))
                fail_msg("key '%s' is not documented in docs/scenario-format.md", k->key);
        }
}

/* Traced inputs: the five texts of each kept apart in their one
 * allocation, and every input intact after the array has grown past
 * several doublings; a NULL text is kept as "" (as it always was). */
static void test_inputs_kept(void **state)
{
    (void)state;
    jz_scenario *s = jz_scenario_new(1, 1, 3, 2024);
    assert_non_null(s);
    char path[64], value[32];
    for (int i = 0; i < 1100; i++) {
        snprintf(path, sizeof path, "gemeenten[GM%04d].zorg.ambulant.cost", i);
        snprintf(value, sizeof value, "%d", 1000 + i);
        assert_int_equal(jz_scenario_add_input(s, path, value, "euros/client-year", i % 2 ? NULL : "CBS",
                                               "basis.yaml", i + 1),
                         JZ_OK);
    }
    assert_int_equal(s->n_inputs, 1100);
    for (int i = 0; i < 1100; i++) {
        const jz_input *in = &s->inputs[i];
        snprintf(path, sizeof path, "gemeenten[GM%04d].zorg.ambulant.cost", i);
        snprintf(value, sizeof value, "%d", 1000 + i);
        assert_string_equal(in->path, path);
        assert_string_equal(in->value, value);
        assert_string_equal(in->unit, "euros/client-year");
        assert_string_equal(in->source, i % 2 ? "" : "CBS");
        assert_string_equal(in->file, "basis.yaml");
        assert_int_equal(in->line, i + 1);
        assert_int_equal(in->bron, -1);
        assert_null(in->label);
    }
    jz_scenario_free(s);
}

/* A scenario with ~4,000 inputs keeps every input's texts apart (they
 * live in chunks held by the scenario: 32 KiB, 256 KiB, then 2 MiB), and
 * its copy and a cleared scenario hold the same texts and none. */
static void test_many_inputs(void **state)
{
    (void)state;
    enum { G = 2000 };
    size_t cap = 200 + (size_t)G * 160;
    char *y = malloc(cap);
    assert_non_null(y);
    size_t o = (size_t)snprintf(y, cap, "meta: {name: T, base_year: 2024, horizon: 3}\n"
                                        "zorgsoorten:\n  - {key: ambulant, start: 1, instroom: 1, zorgduur: 10, cost: 9k}\n"
                                        "gemeenten:\n");
    for (int g = 0; g < G; g++)
        o += (size_t)snprintf(y + o, cap - o,
                              "  - {code: GM%04d, name: G%d, zorg: {ambulant: {start: %d, zorgduur: {2024: %d}}}}\n",
                              g, g, g + 1, g % 90 + 2);
    assert_true(o < cap);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(y, o, "many.yaml", NULL, &err);
    free(y);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(c->n_inputs, s->n_inputs);
    int seen = 0;
    for (int i = 0; i < s->n_inputs; i++) {
        const jz_input *in = &s->inputs[i];
        int g, v;
        char key[32];
        if (sscanf(in->path, "gemeenten[GM%d].zorg.ambulant.%31s", &g, key) == 2 && strcmp(key, "start") == 0) {
            assert_true(sscanf(in->value, "%d", &v) == 1);
            assert_int_equal(v, g + 1);
            assert_string_equal(in->unit, "clients");
            assert_string_equal(in->file, "many.yaml");
            seen++;
        }
        assert_string_equal(c->inputs[i].path, in->path);
        assert_string_equal(c->inputs[i].value, in->value);
        assert_string_equal(c->inputs[i].unit, in->unit);
        assert_string_equal(c->inputs[i].source, in->source);
        assert_int_equal(c->inputs[i].line, in->line);
    }
    assert_int_equal(seen, G);
    jz_scenario_clear_inputs(c);
    assert_int_equal(c->n_inputs, 0);
    assert_int_equal(jz_scenario_add_input(c, "p", "v", "u", "s", "f", 3), 0);
    assert_string_equal(c->inputs[0].value, "v");
    jz_scenario_free(c);
    jz_scenario_free(s);
}

/* A year map's point that no projected year takes (2035 typed for 2025) is
 * a located warning that says what the years take instead; a point that
 * does set values (held into the first year, a linear anchor beyond the
 * last) is the series rule and stays silent.  The horizon is 2024-2026. */
static int n_warned(const jz_scenario *s, const char *needle)
{
    int n = 0;
    for (int i = 0; i < s->n_warnings; i++)
        n += strstr(s->warnings[i], needle) != NULL;
    return n;
}

static void test_year_outside_horizon(void **state)
{
    (void)state;
    const char *y =
        "meta: {name: T, base_year: 2024, horizon: 3}\n"                        /* 1 */
        "indexation:\n"                                                         /* 2 */
        "  tariff: {2020: 1%, 2023: 2%, 2040: 9%}\n"                             /* 3 */
        "  budget: {2024: 1%, 2030: 3%, interpolation: linear}\n"                /* 4 */
        "  tariff_correction: {2021: 2%}\n"                                     /* 5 */
        "zorgsoorten:\n"                                                        /* 6 */
        "  - key: ambulant\n"                                                   /* 7 */
        "    instroom: 120\n"                                                   /* 8 */
        "    zorgduur: {2020: 9}\n"                                              /* 9 */
        "    cost: {2024: 9k, 2035: 10k}\n"                                      /* 10 */
        "    budget: {amount: 1M}\n"                                            /* 11 */
        "gemeenten:\n"                                                          /* 12 */
        "  - {code: GM0001, name: Ergens, rijksbijdrage: {2024: 5M, 2025: 5M, 2062: 6M}}\n" /* 13 */
        "  - {code: GM0002, name: Elders}\n";                                   /* 14 */
    jz_error err;
    jz_scenario *s = load(y, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    /* the figures are the series rule's, as before */
    assert_close(s->cells[0].cost[2], 9000.0, 0.0);
    assert_close(s->cells[0].zorgduur[0], 9.0, 0.0);
    /* read once per gemeente, warned once */
    assert_int_equal(n_warned(s, "t.yaml:10:22: zorgsoorten[ambulant].cost: 2035 lies after the scenario's last "
                                 "year 2026; the years 2025-2026 take the value of 2024 instead. Did you mean a "
                                 "year within 2024-2026?"), 1);
    assert_int_equal(n_warned(s, "t.yaml:13:70: gemeenten[GM0001].rijksbijdrage: 2062 lies after the scenario's "
                                 "last year 2026; the year 2026 takes the value of 2025 instead."), 1);
    assert_int_equal(n_warned(s, "t.yaml:3:12: indexation.tariff: 2020 lies before the scenario's first year "
                                 "2024; the point of 2023 already sets the value of 2024"), 1);
    assert_int_equal(n_warned(s, "t.yaml:3:32: indexation.tariff: 2040 lies after"), 1);
    assert_int_equal(n_warned(s, "t.yaml:5:23: indexation.tariff_correction: 2021 lies before the scenario's "
                                 "first year 2024; a one-off value counts only in the year it names"), 1);
    /* 2023 is held into 2024, 2030 is the linear anchor, 2020 the only
     * zorgduur: each sets values, none is warned */
    assert_int_equal(n_warned(s, ": 2023 lies"), 0);
    assert_int_equal(n_warned(s, ": 2030 lies"), 0);
    assert_int_equal(n_warned(s, "zorgduur"), 0);
    assert_int_equal(n_warned(s, " lies "), 5);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_loads),
        cmocka_unit_test(test_trace_reentry_ageing),
        cmocka_unit_test(test_inputs_kept),
        cmocka_unit_test(test_many_inputs),
        cmocka_unit_test(test_unknown_key_suggests),
        cmocka_unit_test(test_wrong_type),
        cmocka_unit_test(test_impossible_values),
        cmocka_unit_test(test_nan_and_inf),
        cmocka_unit_test(test_fractions_over_one),
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_unknown_references),
        cmocka_unit_test(test_items_named_by_key),
        cmocka_unit_test(test_malformed_yaml),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_file_too_large),
        cmocka_unit_test(test_extends_cycle_and_missing),
        cmocka_unit_test(test_values_and_layers),
        cmocka_unit_test(test_extends_overrides_exactly),
        cmocka_unit_test(test_copy_is_deep),
        cmocka_unit_test(test_money_keys),
        cmocka_unit_test(test_every_key_documented),
        cmocka_unit_test(test_year_outside_horizon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
