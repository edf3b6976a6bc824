/*
 * test_cell_merge.c - a gemeente's zorg.<zorgsoort> override of a map-valued
 * cell key (instroom, budget, reentry, ageing, transitions, financing) is
 * merged per sub-key with the zorgsoort's map (docs/scenario-format.md, "How
 * a gemeente's values are found"): the zorgsoort's sub-keys are defaults, a
 * required sub-key that neither gives is a located error at the gemeente's
 * text, and an input the gemeente did not write traces to the zorgsoort's
 * line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jztest.h"

/* The zorgsoort ambulant sets every merged map; line 12 is the gemeente's
 * override, spliced in by each test. */
#define TEMPLATE \
    "meta: {name: T, base_year: 2024, horizon: 3}\n"                           /* 1 */ \
    "zorgsoorten:\n"                                                           /* 2 */ \
    "  - key: ambulant\n"                                                      /* 3 */ \
    "    instroom: 120\n"                                                      /* 4 */ \
    "    zorgduur: 10\n"                                                       /* 5 */ \
    "    cost: 9k\n"                                                           /* 6 */ \
    "    reentry: {fraction: 10%%, delay_months: 12, to: residentieel}\n"       /* 7 */ \
    "    ageing: {rate: 5%%, to: residentieel, fraction: 40%%}\n"                /* 8 */ \
    "    budget: {volume: 100, price: 9k}\n"                                   /* 9 */ \
    "  - {key: residentieel, instroom: 10, zorgduur: 12, cost: 90k}\n"         /* 10 */ \
    "gemeenten:\n"                                                             /* 11 */ \
    "  - {code: GM0001, name: Ergens, zorg: {%s: {%s}}}\n"                     /* 12 */

static jz_scenario *load_with(const char *zorgsoort, const char *override, char *buf, size_t size,
                              jz_error *err)
{
    snprintf(buf, size, TEMPLATE, zorgsoort, override);
    return jz_scenario_load_string(buf, strlen(buf), "t.yaml", NULL, err);
}

static jz_scenario *load_ok(const char *zorgsoort, const char *override)
{
    static char buf[2048];
    jz_error err;
    jz_scenario *s = load_with(zorgsoort, override, buf, sizeof buf, &err);
    if (!s)
        fail_msg("override {%s} of %s: %s:%d:%d: %s", override, zorgsoort, err.file, err.line, err.column, err.message);
    return s;
}

static void expect_error(const char *zorgsoort, const char *override, int line, int column, const char *needle)
{
    char buf[2048];
    jz_error err;
    jz_scenario *s = load_with(zorgsoort, override, buf, sizeof buf, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("override {%s} of %s loaded; expected '%s'", override, zorgsoort, needle);
    }
    assert_int_equal(err.status, JZ_EINPUT);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' does not contain '%s'", err.message, needle);
    assert_string_equal(err.file, "t.yaml");
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, column);
}

/* The line an input path was recorded at, or 0 when it was not recorded. */
static int input_line(const jz_scenario *s, const char *path)
{
    for (int i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].path, path) == 0)
            return s->inputs[i].line;
    return 0;
}

static void test_reentry_takes_the_zorgsoorts_fraction(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("ambulant", "reentry: {delay_months: 6}");
    const jz_cell *c = &s->cells[0];
    assert_close(c->reentry[0], 0.10, 1e-15);
    assert_close(c->reentry[2], 0.10, 1e-15);
    assert_int_equal(c->reentry_delay, 6);
    assert_int_equal(c->reentry_to, 1);
    /* the fraction the gemeente did not write traces to the zorgsoort's line */
    assert_int_equal(input_line(s, "zorgsoorten[ambulant].reentry.fraction"), 7);
    assert_int_equal(input_line(s, "gemeenten[GM0001].zorg.ambulant.reentry.fraction"), 0);
    jz_scenario_free(s);

    s = load_ok("ambulant", "reentry: {fraction: 20%}");
    assert_close(s->cells[0].reentry[1], 0.20, 1e-15);
    assert_int_equal(s->cells[0].reentry_delay, 12);
    assert_int_equal(input_line(s, "gemeenten[GM0001].zorg.ambulant.reentry.fraction"), 12);
    jz_scenario_free(s);
}

static void test_ageing_takes_the_zorgsoorts_rate(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("ambulant", "ageing: {fraction: 60%}");
    const jz_cell *c = &s->cells[0];
    assert_close(c->ageing_rate[0], 0.05, 1e-15);
    assert_int_equal(c->ageing_to, 1);
    assert_close(c->ageing_transfer[0], 0.60, 1e-15);
    assert_int_equal(input_line(s, "zorgsoorten[ambulant].ageing.rate"), 8);
    jz_scenario_free(s);

    s = load_ok("ambulant", "ageing: {rate: 8%}");
    assert_close(s->cells[0].ageing_rate[1], 0.08, 1e-15);
    assert_close(s->cells[0].ageing_transfer[1], 0.40, 1e-15);
    jz_scenario_free(s);
}

/* A required sub-key that neither layer gives is missing, at the gemeente's map. */
static void test_required_when_neither_gives_it(void **state)
{
    (void)state;
    expect_error("residentieel", "reentry: {delay_months: 6}", 12, 65, "zorg.residentieel.reentry: missing required key 'fraction'");
    expect_error("residentieel", "ageing: {to: ambulant}", 12, 64, "zorg.residentieel.ageing: missing required key 'rate'");
    expect_error("residentieel", "financing: {amount: 1M}", 12, 67, "zorg.residentieel.financing: missing required key 'mode'");
    /* an unknown sub-key is still refused in an override */
    expect_error("ambulant", "reentry: {delay: 6}", 12, 62, "unknown key 'delay'");
}

/* The budget's form is the gemeente's when it names one; within the form
 * sub-keys merge. */
static void test_budget_form_and_sub_keys(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("ambulant", "budget: {price: 10k}");
    assert_int_equal(s->cells[0].has_budget, 1);
    assert_close(s->cells[0].budget_volume[0], 100.0, 0.0);
    assert_close(s->cells[0].budget_price[0], 10000.0, 0.0);
    assert_int_equal(input_line(s, "zorgsoorten[ambulant].budget.volume"), 9);
    jz_scenario_free(s);

    s = load_ok("ambulant", "budget: {nominal: {2024: 1M, 2025: 1.1M}}");
    assert_int_equal(s->cells[0].has_budget, 0);
    assert_int_equal(s->cells[0].has_budget_amount, 1);
    assert_int_equal(s->cells[0].budget_nominal, 1);
    assert_close(s->cells[0].budget_amount[1], 1.1e6, 1e-6);
    jz_scenario_free(s);

    s = load_ok("ambulant", "budget: {amount: 950k}");
    assert_int_equal(s->cells[0].has_budget, 0);
    assert_int_equal(s->cells[0].has_budget_amount, 1);
    assert_close(s->cells[0].budget_amount[0], 950e3, 1e-6);
    jz_scenario_free(s);

    /* two forms in the gemeente's own map are still refused */
    expect_error("ambulant", "budget: {amount: 950k, volume: 90}", 12, 69, "budget is either {amount} or {volume, price}, not both");
}

static void test_instroom_and_transitions(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("ambulant", "instroom: {trend: 2%}, transitions: {residentieel: 5%}");
    assert_close(s->cells[0].instroom[0], 120.0, 0.0);
    assert_close(s->cells[0].instroom_trend[1], 0.02, 1e-15);
    assert_close(s->cells[0].transition[1], 0.05, 1e-15);
    assert_close(s->cells[0].reentry[0], 0.10, 1e-15);
    assert_int_equal(input_line(s, "zorgsoorten[ambulant].instroom"), 4);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reentry_takes_the_zorgsoorts_fraction),
        cmocka_unit_test(test_ageing_takes_the_zorgsoorts_rate),
        cmocka_unit_test(test_required_when_neither_gives_it),
        cmocka_unit_test(test_budget_form_and_sub_keys),
        cmocka_unit_test(test_instroom_and_transitions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
