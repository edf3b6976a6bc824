/*
 * test_plausible.c - plausibility (issue 11 §1), bronnen and labels (issue
 * 11 §3) and the forms the docs promise (issue 10 §6): every rule with its
 * exact message and position.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"

/* A scenario with one gemeente of 10,000 youth and two zorgsoorten: every
 * figure inside the plausible ranges.  Tests add lines to the ambulant item
 * (from line 9) and at the top level. */
static const char *HEAD =
    "meta: {name: T, base_year: 2024, horizon: 3}\n"      /* 1 */
    "indexation: {tariff: {2025: 4%}}\n"                   /* 2 */
    "zorgsoorten:\n"                                      /* 3 */
    "  - key: ambulant\n"                                 /* 4 */
    "    name: Ambulante jeugdhulp\n"                     /* 5 */
    "    start: 600\n"                                    /* 6 */
    "    instroom: {per_1000: 50}\n"                      /* 7 */
    "    zorgduur: 10\n";                                 /* 8 */
/* then the ambulant item's extra lines (from line 9), MID, the top-level extra lines, TAIL */
static const char *MID =
    "  - key: residentieel\n"
    "    instroom: 10\n"
    "    zorgduur: 12\n"
    "    cost: 90k\n";
static const char *TAIL =
    "gemeenten:\n"
    "  - {code: GM0001, name: Ergens, population: {youth: 10000}}\n";

static jz_scenario *load2(const char *amb, const char *top, const jz_load_options *opt, jz_error *err)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s%s%s%s%s", HEAD, amb, MID, top, TAIL);
    return jz_scenario_load_string(buf, strlen(buf), "t.yaml", opt, err);
}

static void expect_error(const char *amb, int line, int col, const char *msg)
{
    jz_error err;
    jz_scenario *s = load2(amb, "", NULL, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("loaded, expected an error: %s", msg);
    }
    if (strcmp(err.message, msg) != 0 || err.line != line || err.column != col)
        fail_msg("got %d:%d: %s\nwanted %d:%d: %s", err.line, err.column, err.message, line, col, msg);
}

/* Loads, with exactly one warning equal to want (or none when want is NULL);
 * the "has no budget" notes of the template's zorgsoorten aside. */
static void expect_warning(const char *amb, const char *top, const char *want)
{
    jz_error err;
    jz_scenario *s = load2(amb, top, NULL, &err);
    if (!s)
        fail_msg("%d:%d: %s", err.line, err.column, err.message);
    int n = 0;
    const char *first = "(none)";
    for (int i = 0; i < s->n_warnings; i++)
        if (!strstr(s->warnings[i], "has no budget") && n++ == 0)
            first = s->warnings[i];
    if (!want) {
        if (n != 0)
            fail_msg("unexpected warning: %s", first);
    } else if (n != 1 || strcmp(first, want) != 0) {
        fail_msg("got %d warning(s), first: %s\nwanted: %s", n, first, want);
    }
    jz_scenario_free(s);
}

static void test_clean(void **state)
{
    (void)state;
    expect_warning("    cost: 9k\n", "", NULL);
}

static void test_bare_rate(void **state)
{
    (void)state;
    expect_error("    cost: 9k\n    intensity_trend: 3.5\n", 10, 22,
                 "zorgsoorten[ambulant].intensity_trend 3.5 means 350% a year; write 3.5% or 0.035");
    expect_error("    cost: 9k\n    reentry: {fraction: 11}\n", 10, 25,
                 "zorgsoorten[ambulant].reentry.fraction 11 means 1100%; write 11% or 0.11");
    /* 1 is 100%, allowed for a share; 350% written as a percentage is the ceiling's business */
    expect_warning("    cost: 9k\n    transitions: {residentieel: 1}\n", "", NULL);
}

static void test_bare_rate_tariff(void **state)
{
    (void)state;
    jz_error err;
    const char *y = "meta: {name: T, base_year: 2024, horizon: 3}\n"
                    "indexation:\n"
                    "  tariff: {2026: 3.5}\n"
                    "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k}]\n"
                    "gemeenten: [{code: GM0001, name: x}]\n";
    assert_null(jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &err));
    assert_string_equal(err.message, "indexation.tariff 3.5 means 350% a year; write 3.5% or 0.035");
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 18);
}

static void test_thousands_dot(void **state)
{
    (void)state;
    expect_error("    cost: 151.500\n", 9, 11,
                 "zorgsoorten[ambulant].cost: '151.500' is ambiguous: 151500 with a Dutch thousands dot, or "
                 "151.5 with a decimal point; write 151500 or 151.5");
    expect_error("    cost: € 13.700\n", 9, 11,
                 "zorgsoorten[ambulant].cost: '€ 13.700' is ambiguous: 13700 with a Dutch thousands dot, or "
                 "13.7 with a decimal point; write 13700 or 13.7");
    expect_error("    cost: 9k\n    budget: {volume: 1.200, price: 9k}\n", 10, 22,
                 "zorgsoorten[ambulant].budget.volume: '1.200' is ambiguous: 1200 with a Dutch thousands dot, or "
                 "1.2 with a decimal point; write 1200 or 1.2");
    /* not ambiguous: two decimals, four digits before the point, a suffix, months */
    expect_warning("    cost: 9.25k\n    budget: {volume: 1000.500, price: 9.2k}\n", "", NULL);
    expect_warning("    cost: 9k\n    budget: {volume: 580, price: 9.125k}\n", "", NULL);
}

static void test_ceiling(void **state)
{
    (void)state;
    expect_error("    cost: 9k\n    tariff_indexation: {2025: 30%}\n", 10, 31,
                 "zorgsoorten[ambulant].tariff_indexation 30% is above the plausible ceiling of 25% a year for "
                 "indexation; if it is meant, mark it with 'plausible: false' next to it (or validate with "
                 "--allow-implausible)");
    expect_error("    cost: 9k\n    intensity_trend: {2025: 60%}\n", 10, 29,
                 "zorgsoorten[ambulant].intensity_trend 60% is above the plausible ceiling of 50% a year for "
                 "growth; if it is meant, mark it with 'plausible: false' next to it (or validate with "
                 "--allow-implausible)");
    /* marked on the series, or next to the key */
    expect_warning("    cost: 9k\n    tariff_indexation: {2025: 30%, plausible: false}\n", "", NULL);
    expect_warning("    cost: 9k\n    intensity_trend: 60%\n    plausible: false\n", "", NULL);
    /* the growth of a {base, growth} series */
    jz_error e2;
    const char *y = "meta: {name: T, base_year: 2024, horizon: 3}\n"
                    "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k}]\n"
                    "gemeenten: [{code: GM0001, name: x, population: {youth: {base: 9000, growth: 80%}}}]\n";
    assert_null(jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &e2));
    assert_string_equal(e2.message, "gemeenten[GM0001].population.youth 80% is above the plausible ceiling of 10% a "
                                    "year for population growth; if it is meant, mark it with 'plausible: false' next "
                                    "to it (or validate with --allow-implausible)");
    assert_int_equal(e2.line, 3);
    assert_int_equal(e2.column, 78);
    /* a population grows far slower than the use of care: 0.4 (40%, typed
     * for 0.4%) is refused, 8% is not */
    y = "meta: {name: T, base_year: 2024, horizon: 3}\n"
        "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k}]\n"
        "gemeenten: [{code: GM0001, name: x, population: {youth: {base: 9000, growth: 0.4}}}]\n";
    assert_null(jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &e2));
    assert_non_null(strstr(e2.message, "population.youth 0.4 is above the plausible ceiling of 10% a year"));
    y = "meta: {name: T, base_year: 2024, horizon: 3}\n"
        "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k}]\n"
        "gemeenten: [{code: GM0001, name: x, population: {youth: {base: 9000, growth: 8%}}}]\n";
    jz_scenario *s8 = jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &e2);
    assert_non_null(s8);
    jz_scenario_free(s8);
    /* the load option */
    jz_load_options opt;
    jz_load_options_default(&opt);
    opt.allow_implausible = 1;
    jz_error err;
    jz_scenario *s = load2("    cost: 9k\n    tariff_indexation: {2025: 30%}\n", "", &opt, &err);
    assert_non_null(s);
    jz_scenario_free(s);
}

static void test_ranges(void **state)
{
    (void)state;
    expect_warning("    cost: 9k\n  - key: x\n    instroom: 5\n    zorgduur: 6\n    cost: 150\n", "",
                   "t.yaml:13:11: zorgsoorten[x].cost 150 in 2024 is outside the plausible range 500 to "
                   "300000 euros per client-year (see docs/scenario-format.md, Plausibility)");
    expect_warning("    cost: 9k\n  - key: x\n    instroom: 5\n    zorgduur: 6\n    cost: 0\n", "",
                   NULL); /* no marginal cost: deliberate */
    expect_warning("    cost: 9k\n  - key: x\n    instroom: 5\n    zorgduur: 400\n    cost: 1k\n", "",
                   "t.yaml:12:15: zorgsoorten[x].zorgduur 400 in 2024 is outside the plausible range 0.25 "
                   "to 120 months (see docs/scenario-format.md, Plausibility)");
    expect_warning("    cost: 9k\n  - key: x\n    instroom: {per_1000: 150}\n    zorgduur: 1\n    cost: 1k\n", "",
                   "t.yaml:11:26: zorgsoorten[x].instroom.per_1000 150 in 2024 is outside the plausible range 0 to "
                   "100 starts per 1,000 a year (see docs/scenario-format.md, Plausibility)");
}

static void test_scenario_ranges(void **state)
{
    (void)state;
    /* 600 + 3,000 clients in care of 10,000 youth */
    expect_warning("    cost: 1k\n  - key: veel\n    start: 3000\n    instroom: 100\n    zorgduur: 12\n"
                   "    cost: 1k\n", "",
                   "t.yaml:20: gemeenten[GM0001] (Ergens): 3600 clients in care on 1 January 2024 are 36.0% of "
                   "its 10000 youth; plausible is 1% to 25% (see docs/scenario-format.md, Plausibility)");
    /* 600 x 200k = 120M for 10,000 youth */
    expect_warning("    cost: 200k\n", "",
                   "t.yaml:15: gemeenten[GM0001] (Ergens): the cost of the clients in care on 1 January 2024 is "
                   "12000 euros per youth; plausible is 300 to 8000 (see docs/scenario-format.md, Plausibility)");
    /* budget 600 x 20k against a cost of 600 x 9k */
    expect_warning("    cost: 9k\n    budget: {volume: 600, price: 20k}\n", "",
                   "t.yaml:10: gemeenten[GM0001] (Ergens): the budget of 2024 (12000000 euros) is more than a "
                   "factor 2 above the cost of the clients in care on 1 January (5400000 euros) (see docs/scenario-format.md, "
                   "Plausibility)");
}

static void test_docs_forms(void **state)
{
    (void)state;
    jz_error err;
    /* instroom as a series by year */
    jz_scenario *s = load2("    cost: 9k\n", "", NULL, &err);
    assert_non_null(s);
    jz_scenario_free(s);
    const char *y = "meta: {name: T, base_year: 2024, horizon: 3, steps_per_year: 4}\n"
                    "zorgsoorten: [{key: a, instroom: {2024: 900, 2026: 1000}, zorgduur: 3, cost: 9k}]\n"
                    "gemeenten: [{code: GM0001, name: x}]\n";
    s = jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &err);
    if (!s)
        fail_msg("%d:%d: %s", err.line, err.column, err.message);
    assert_int_equal(s->meta.steps_per_year, 4);
    assert_true(s->cells[0].instroom[0] == 900.0 && s->cells[0].instroom[1] == 900.0 &&
                s->cells[0].instroom[2] == 1000.0);
    assert_string_equal(s->inputs[0].path, "zorgsoorten[a].instroom");
    jz_scenario_free(s);
    /* a one-off correction needs its year */
    y = "meta: {name: T, base_year: 2024, horizon: 3}\n"
        "indexation: {tariff_correction: 3%}\n"
        "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k}]\n"
        "gemeenten: [{code: GM0001, name: x}]\n";
    assert_null(jz_scenario_load_string(y, strlen(y), "t.yaml", NULL, &err));
    assert_string_equal(err.message, "indexation.tariff_correction: a one-off correction is given with its year, "
                                     "e.g. {2025: 3%}; a single number would apply again every year (0 means none)");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 33);
}

static const jz_input *input(const jz_scenario *s, const char *path)
{
    for (int i = 0; i < s->n_inputs; i++)
        if (strcmp(s->inputs[i].path, path) == 0)
            return &s->inputs[i];
    fail_msg("no input %s", path);
    return NULL;
}

static void test_bronnen_labels(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load2("    cost: {2024: 9k, label: Prijs ambulant, bron: rapport}\n    bron: cbs\n",
                           "bronnen:\n"
                           "  - {id: rapport, title: Eindrapportage strategie duurzame jeugdzorg, "
                           "publisher: Gemeente Enschede, year: 2023, table: Tabel 3.3a}\n"
                           "  - {id: cbs, title: Jeugdzorg in natura, publisher: CBS, year: 2024, page: 12}\n",
                           NULL, &err);
    if (!s)
        fail_msg("%d:%d: %s", err.line, err.column, err.message);
    assert_int_equal(s->n_bronnen, 2);
    assert_string_equal(s->bronnen[0].title, "Eindrapportage strategie duurzame jeugdzorg");
    assert_string_equal(s->bronnen[0].table, "Tabel 3.3a");
    assert_int_equal(s->bronnen[1].year, 2024);
    assert_string_equal(s->bronnen[1].page, "12");
    char buf[512];
#define NL_(in) jz_input_label(s, in, 0, buf, sizeof buf)
#define EN_(in) jz_input_label(s, in, 1, buf, sizeof buf)
    const jz_input *in = input(s, "zorgsoorten[ambulant].instroom.per_1000");
    assert_string_equal(NL_(in), "Instroom ambulante jeugdhulp (per 1.000 jeugdigen)");
    assert_string_equal(EN_(in), "Inflow ambulante jeugdhulp (per 1,000 youth)");
    assert_int_equal(in->bron, 1); /* the zorgsoort's bron: cbs */
    assert_null(in->label); /* made when asked */
    in = input(s, "zorgsoorten[ambulant].zorgduur");
    assert_string_equal(NL_(in), "Zorgduur ambulante jeugdhulp (maanden)");
    assert_int_equal(in->bron, 1);
    in = input(s, "zorgsoorten[ambulant].cost");
    assert_string_equal(NL_(in), "Prijs ambulant");
    assert_string_equal(EN_(in), "Prijs ambulant");
    assert_string_equal(in->label, "Prijs ambulant");
    assert_int_equal(in->bron, 0);
    in = input(s, "zorgsoorten[residentieel].cost"); /* no name: the key */
    assert_string_equal(NL_(in), "Kosten per cliëntjaar residentieel (euro, prijzen basisjaar)");
    assert_int_equal(in->bron, -1);
    in = input(s, "indexation.tariff");
    assert_string_equal(NL_(in), "Tariefindexatie (per jaar)");
    in = input(s, "gemeenten[GM0001].population.youth");
    assert_string_equal(NL_(in), "Jeugdigen 0-17 jaar Ergens (personen)");
#undef NL_
#undef EN_
    /* a copy keeps them */
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(c->n_bronnen, 2);
    assert_string_equal(c->bronnen[1].publisher, "CBS");
    char buf2[512];
    assert_string_equal(jz_input_label(c, &c->inputs[0], 0, buf2, sizeof buf2),
                        jz_input_label(s, &s->inputs[0], 0, buf, sizeof buf));
    in = input(c, "zorgsoorten[ambulant].cost");
    assert_string_equal(in->label, "Prijs ambulant");
    assert_int_equal(c->inputs[0].bron, s->inputs[0].bron);
    jz_scenario_free(c);
    jz_scenario_free(s);

    expect_error("    cost: 9k\n    bron: cbz\n", 10, 11, "bron 'cbz': the scenario has no bronnen: list to refer to");
    s = load2("    cost: 9k\n    bron: cbz\n", "bronnen: [{id: cbs, title: X}]\n", NULL, &err);
    assert_null(s);
    assert_string_equal(err.message, "bron 'cbz' is not in the bronnen: list; did you mean 'cbs'?");
    assert_int_equal(err.line, 10);
    assert_int_equal(err.column, 11);
}

static void test_variant_flag(void **state)
{
    (void)state;
    char dir[] = "/tmp/jzplausXXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[256], var[256], own[256];
    snprintf(base, sizeof base, "%s/base.yaml", dir);
    snprintf(var, sizeof var, "%s/var.yaml", dir);
    snprintf(own, sizeof own, "%s/own.yaml", dir);
    FILE *f = fopen(base, "w");
    assert_non_null(f);
    fputs("meta: {name: Basis, description: Beleidsarme prognose, base_year: 2024, horizon: 2}\n"
          "zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 9k, budget: {amount: 9k}, bron: rapport}]\n"
          "gemeenten: [{code: GM0001, name: x}]\n"
          "bronnen: [{id: rapport, title: Rapport}]\n", f);
    fclose(f);
    f = fopen(var, "w");
    assert_non_null(f);
    fputs("extends: base.yaml\nmeta:\n  name: Uitstroom stagneert\n", f);
    fclose(f);
    f = fopen(own, "w");
    assert_non_null(f);
    fputs("extends: base.yaml\nmeta: {name: Eigen, description: Eigen aannames}\n"
          "bronnen: [{id: cbs, title: Jeugdzorg in natura, publisher: CBS}, {id: rapport, year: 2023}]\n", f);
    fclose(f);
    jz_error err;
    jz_scenario *s = jz_scenario_load(var, NULL, &err);
    assert_non_null(s);
    assert_int_equal(s->meta.description_inherited, 1);
    assert_string_equal(s->meta.variant_of, "Basis");
    assert_string_equal(s->meta.name, "Uitstroom stagneert");
    assert_int_equal(s->n_warnings, 1);
    char want[512];
    snprintf(want, sizeof want, "%s:3:3: this variant of 'Basis' has no meta.description of its own, so reports "
             "would show the description of 'Basis'; add one that says what this variant assumes", var);
    assert_string_equal(s->warnings[0], want);
    jz_scenario_free(s);
    s = jz_scenario_load(own, NULL, &err);
    assert_non_null(s);
    assert_int_equal(s->meta.description_inherited, 0);
    assert_string_equal(s->meta.variant_of, "");
    assert_int_equal(s->n_warnings, 0);
    /* a variant's bronnen merge with its base's by id */
    assert_int_equal(s->n_bronnen, 2);
    assert_string_equal(s->bronnen[0].id, "rapport");
    assert_string_equal(s->bronnen[0].title, "Rapport");
    assert_int_equal(s->bronnen[0].year, 2023);
    assert_string_equal(s->bronnen[1].publisher, "CBS");
    jz_scenario_free(s);
    remove(base);
    remove(var);
    remove(own);
    remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_bare_rate),
        cmocka_unit_test(test_bare_rate_tariff),
        cmocka_unit_test(test_thousands_dot),
        cmocka_unit_test(test_ceiling),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_scenario_ranges),
        cmocka_unit_test(test_docs_forms),
        cmocka_unit_test(test_bronnen_labels),
        cmocka_unit_test(test_variant_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
