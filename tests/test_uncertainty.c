/*
 * test_uncertainty.c - uncertain inputs in a scenario: the syntax and its
 * errors (file:line:column), point values, targets, the registry in copies,
 * the distributions' draws against their analytic moments, stream
 * independence (order, common random numbers) and the copula.
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
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_statistics_double.h>

#include "jzsim/jzsim.h"
#include "jzsim/uncertainty.h"
#include "jzsim/werksessie.h"
#include "jztest.h"

#define JZ_PI 3.14159265358979323846

/* A valid scenario; tests replace one line. */
static const char *BASE =
    "meta: {name: U, base_year: 2024, horizon: 4}\n"                           /* 1 */
    "indexation: {tariff: 3%, budget: 2%}\n"                                   /* 2 */
    "zorgsoorten:\n"                                                           /* 3 */
    "  - key: ambulant\n"                                                      /* 4 */
    "    start: 1000\n"                                                        /* 5 */
    "    instroom: 900\n"                                                      /* 6 */
    "    zorgduur: 12\n"                                                       /* 7 */
    "    cost: 9k\n"                                                           /* 8 */
    "    budget: {volume: 1000, price: 9k}\n"                                  /* 9 */
    "  - key: pleeg\n"                                                         /* 10 */
    "    start: 100\n"                                                         /* 11 */
    "    instroom: 40\n"                                                       /* 12 */
    "    zorgduur: 24\n"                                                       /* 13 */
    "    cost: {tariff: 100, units_per_year: 250}\n"                           /* 14 */
    "    budget: {volume: 100, price: 25k}\n"                                  /* 15 */
    "gemeenten:\n"                                                             /* 16 */
    "  - {code: GM0001, name: Ergens}\n"                                       /* 17 */
    "  - {code: GM0002, name: Elders, zorg: {ambulant: {zorgduur: 11}}}\n";   /* 18 */

/* BASE with line `line` replaced by repl (which may hold several lines) and
 * `extra` appended. */
static void splice(char *buf, size_t size, int line, const char *repl, const char *extra)
{
    const char *p = BASE;
    size_t at = 0;
    for (int l = 1; *p; l++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) + 1;
        if (l == line)
            at += (size_t)snprintf(buf + at, size - at, "%s\n", repl);
        else {
            memcpy(buf + at, p, len);
            at += len;
        }
        p += len;
    }
    snprintf(buf + at, size - at, "%s", extra ? extra : "");
}

/* BASE with several lines replaced: lines[k] -> repls[k] (k < n). */
static jz_scenario *load_multi(int n, const int *lines, const char *const *repls, const char *extra,
                               jz_error *err)
{
    char buf[8192];
    const char *p = BASE;
    size_t at = 0;
    for (int l = 1; *p; l++) {
        const char *nl = strchr(p, '\n');
        size_t len = (size_t)(nl - p) + 1;
        int k = 0;
        while (k < n && lines[k] != l)
            k++;
        if (k < n)
            at += (size_t)snprintf(buf + at, sizeof buf - at, "%s\n", repls[k]);
        else {
            memcpy(buf + at, p, len);
            at += len;
        }
        p += len;
    }
    snprintf(buf + at, sizeof buf - at, "%s", extra ? extra : "");
    return jz_scenario_load_string(buf, strlen(buf), "u.yaml", NULL, err);
}

static jz_scenario *must_multi(int n, const int *lines, const char *const *repls, const char *extra)
{
    jz_error err;
    jz_scenario *s = load_multi(n, lines, repls, extra, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

static jz_scenario *load_with(int line, const char *repl, const char *extra, jz_error *err)
{
    char buf[8192];
    splice(buf, sizeof buf, line, repl, extra);
    return jz_scenario_load_string(buf, strlen(buf), "u.yaml", NULL, err);
}

static jz_scenario *must_load(int line, const char *repl, const char *extra)
{
    jz_error err;
    jz_scenario *s = load_with(line, repl, extra, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* Expect an error at line `eline`, at the column where `at` starts in the
 * text of that line, with a message containing `needle`. */
static void expect_error(int line, const char *repl, const char *extra, int eline, const char *at,
                         const char *needle)
{
    jz_error err;
    char buf[8192];
    splice(buf, sizeof buf, line, repl, extra);
    jz_scenario *s = jz_scenario_load_string(buf, strlen(buf), "u.yaml", NULL, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("expected an error containing '%s' for: %s", needle, repl);
    }
    assert_int_equal(err.status, JZ_EINPUT);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' does not contain '%s'", err.message, needle);
    assert_string_equal(err.file, "u.yaml");
    assert_int_equal(err.line, eline);
    /* the column of `at` in line eline */
    const char *p = buf;
    for (int l = 1; l < eline; l++)
        p = strchr(p, '\n') + 1;
    const char *hit = strstr(p, at);
    assert_non_null(hit);
    if (err.column != (int)(hit - p) + 1)
        fail_msg("%s: column %d, expected %d (at '%s'): %s", repl, err.column, (int)(hit - p) + 1, at, err.message);
}

static const jz_uncertain *input(const jz_scenario *s, const char *path)
{
    int i = jz_unc_find(s, path);
    if (i < 0)
        fail_msg("no uncertain input %s", path);
    return &s->uncertain[i];
}

static void test_point_values_and_targets(void **state)
{
    (void)state;
    jz_scenario *s = must_load(7, "    zorgduur: {dist: normal, mean: 10, sd: 1.5, low: 6, high: 14}", NULL);
    int Z = s->n_zorgsoorten;
    assert_int_equal(s->n_uncertain, 1);
    const jz_uncertain *u = input(s, "zorgsoorten[ambulant].zorgduur");
    assert_int_equal(u->dist.kind, JZ_DIST_NORMAL);
    assert_close(u->dist.point, 10.0, 0.0);
    assert_int_equal(u->line, 7);
    assert_string_equal(u->unit, "months");
    /* gemeente 2 overrides the zorgduur: only gemeente 1 is a target */
    assert_int_equal(u->n_targets, 1);
    for (int y = 0; y < 4; y++) {
        assert_close(s->cells[0].zorgduur[y], 10.0, 0.0);
        assert_close(s->cells[(size_t)Z].zorgduur[y], 11.0, 0.0);
    }
    /* the sensitivity range is P5..P95 of the normal truncated to [6, 14] */
    double pa = gsl_cdf_ugaussian_P(-4.0 / 1.5);
    assert_close(u->range_low, 10.0 + 1.5 * gsl_cdf_ugaussian_Pinv(pa + 0.05 * (1.0 - 2.0 * pa)), 1e-9);
    assert_close(u->range_high, 10.0 - 1.5 * gsl_cdf_ugaussian_Pinv(pa + 0.05 * (1.0 - 2.0 * pa)), 1e-9);
    assert_close(u->search_low, 6.0, 0.0);
    assert_close(u->search_high, 14.0, 0.0);
    jz_scenario_free(s);

    /* a zorgsoort-level cost feeds both gemeenten: one input, two targets */
    s = must_load(8, "    cost: {dist: triangular, low: 8k, mode: 9.5k, high: 11k}", NULL);
    u = input(s, "zorgsoorten[ambulant].cost");
    assert_int_equal(u->n_targets, 2);
    assert_close(s->cells[0].cost[3], 9500.0, 0.0);
    assert_close(s->cells[(size_t)Z].cost[3], 9500.0, 0.0);
    jz_scenario_free(s);

    /* point values of every kind; a rate in percent */
    s = must_load(2, "indexation: {tariff: {dist: triangular, low: 5%, mode: 6.5%, high: 8%}, budget: 2%}", NULL);
    u = input(s, "indexation.tariff");
    assert_close(u->dist.point, 0.065, 1e-15);
    assert_close(s->cells[1].tariff_index[2], 0.065, 1e-15);
    /* the global array and the 4 cells that took it as their default */
    assert_int_equal(u->n_targets, 5);
    jz_scenario_free(s);
    s = must_load(6, "    instroom: {dist: lognormal, median: 900, sd_log: 0.1}", NULL);
    assert_close(input(s, "zorgsoorten[ambulant].instroom")->dist.point, 900.0, 0.0);
    assert_close(s->cells[0].instroom[0], 900.0, 0.0);
    jz_scenario_free(s);
    s = must_load(6, "    instroom: {dist: uniform, low: 800, high: 1000}", NULL);
    assert_close(s->cells[0].instroom[1], 900.0, 0.0);
    jz_scenario_free(s);
    s = must_load(6, "    instroom: {dist: pert, low: 800, mode: 850, high: 1000, value: 870}", NULL);
    assert_close(s->cells[0].instroom[1], 870.0, 0.0);
    jz_scenario_free(s);
    s = must_load(5, "    start: {value: 1000, low: 900, high: 1150}", NULL);
    u = input(s, "zorgsoorten[ambulant].start");
    assert_int_equal(u->dist.kind, JZ_DIST_NONE);
    assert_int_equal(u->targets[0].kind, JZ_TGT_START);
    assert_close(u->range_low, 900.0, 0.0);
    assert_close(u->range_high, 1150.0, 0.0);
    jz_scenario_free(s);
    /* one factor of cost = tariff x units scales the product */
    s = must_load(14, "    cost: {tariff: {dist: normal, mean: 100, sd: 10}, units_per_year: 250}", NULL);
    u = input(s, "zorgsoorten[pleeg].cost.tariff");
    assert_int_equal(u->targets[0].op, JZ_TGT_SCALE);
    assert_close(s->cells[1].cost[0], 25000.0, 0.0);
    jz_scenario_free(s);
}

static void test_copy_and_apply(void **state)
{
    (void)state;
    jz_scenario *s = must_load(7, "    zorgduur: {dist: uniform, low: 10, high: 14}", NULL);
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(c->n_uncertain, s->n_uncertain);
    assert_string_equal(c->uncertain[0].path, s->uncertain[0].path);
    assert_int_equal(c->uncertain[0].n_targets, s->uncertain[0].n_targets);
    double x = 13.25;
    jz_unc_apply(s, c, &x);
    assert_close(c->cells[0].zorgduur[3], 13.25, 0.0);
    assert_close(c->cells[(size_t)s->n_zorgsoorten].zorgduur[3], 11.0, 0.0); /* overridden: untouched */
    /* back at the point value the copy equals the original bit for bit */
    x = s->uncertain[0].dist.point;
    jz_unc_apply(s, c, &x);
    assert_memory_equal(c->block, s->block, s->block_len * sizeof(double));
    jz_scenario_free(c);
    jz_scenario_free(s);

    /* a SCALE target: cost follows tariff x units, draws do not accumulate */
    s = must_load(14, "    cost: {tariff: {dist: normal, mean: 100, sd: 10}, units_per_year: 250}", NULL);
    c = jz_scenario_copy(s);
    x = 120.0;
    jz_unc_apply(s, c, &x);
    jz_unc_apply(s, c, &x);
    assert_close(c->cells[1].cost[2], 30000.0, 1e-9);
    jz_unc_set(s, c, 0, 100.0);
    assert_memory_equal(c->block, s->block, s->block_len * sizeof(double));
    jz_scenario_free(c);
    jz_scenario_free(s);
}

/* The base year is realisatie (the reports mark it R): no draw and no
 * sensitivity point may move it.  Every kind of target the loader makes
 * (a series SET, a factor of cost = tariff x units SCALEd, the global
 * indexation a cell took as its default, a fixed cost line, a transition)
 * leaves year 0 at its value and writes the projected years. */
static void test_realised_year_kept(void **state)
{
    (void)state;
    const int lines[] = {2, 6, 7, 14, 17};
    const char *const repls[] = {
        "indexation: {tariff: {dist: uniform, low: 1%, high: 5%}, budget: 2%}",
        "    instroom: {dist: uniform, low: 800, high: 1000}",
        ("    zorgduur: {dist: uniform, low: 5, high: 19}\n"
         "    transitions: {pleeg: {dist: uniform, low: 5%, high: 15%}}"),
        "    cost: {tariff: {dist: uniform, low: 80, high: 120}, units_per_year: 250}",
        "  - {code: GM0001, name: Ergens, fixed_costs: [{name: wijk, amount: {dist: uniform, low: 100k, high: 300k}}]}"};
    jz_scenario *s = must_multi(5, lines, repls, NULL);
    const int n = s->n_uncertain, H = s->meta.horizon;
    assert_int_equal(n, 6);
    jz_scenario *c = jz_scenario_copy(s);
    double *x = calloc((size_t)n, sizeof *x);
    assert_true(c && x);
    for (int i = 0; i < n; i++)
        x[i] = s->uncertain[i].dist.high; /* not the point value */
    jz_unc_apply(s, c, x);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < s->uncertain[i].n_targets; k++) {
            const jz_unc_target *t = &s->uncertain[i].targets[k];
            assert_int_equal(t->first, JZ_UNC_REALISED);
            assert_int_equal(t->n, H - JZ_UNC_REALISED);
            const double *b = jz_unc_target_at(s, t), *d = jz_unc_target_at(c, t);
            /* the element before the first one written: the base year */
            assert_true(b[-t->stride] == d[-t->stride]);
            assert_true(b[0] != d[0]);
        }
    assert_close(c->cells[0].zorgduur[0], 12.0, 0.0);
    assert_close(c->cells[0].zorgduur[1], 19.0, 0.0);
    assert_close(c->cells[1].cost[0], 25000.0, 0.0);
    assert_close(c->cells[1].cost[3], 30000.0, 1e-9);
    assert_close(c->gemeenten[0].fixed[0].amount[0], 200000.0, 0.0);
    assert_close(c->gemeenten[0].fixed[0].amount[2], 300000.0, 0.0);
    /* a run of the draw: the base year's figures are the point run's bits */
    jz_result *r0 = jz_result_alloc(s), *r1 = jz_result_alloc(c);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_error err;
    assert_true(r0 && r1 && w);
    assert_int_equal(jz_model_run(s, w, r0, &err), JZ_OK);
    assert_int_equal(jz_model_run(c, w, r1, &err), JZ_OK);
    for (int g = 0; g <= s->n_gemeenten; g++) {
        size_t y0 = jz_result_gy(r0, g, 0), y1 = jz_result_gy(r0, g, 1);
        assert_true(r0->g_cost[y0] == r1->g_cost[y0]);
        assert_true(r0->g_tekort[y0] == r1->g_tekort[y0]);
        assert_true(r0->g_unique[y0] == r1->g_unique[y0]);
        assert_true(r0->g_cost[y1] != r1->g_cost[y1]);
    }
    jz_workspace_free(w);
    jz_result_free(r0);
    jz_result_free(r1);
    /* jz_unc_set, the sensitivity's: the same */
    jz_unc_set(s, c, 0, s->uncertain[0].dist.low);
    assert_close(c->cells[0].tariff_index[0], s->cells[0].tariff_index[0], 0.0);
    assert_close(c->cells[0].tariff_index[1], 0.01, 1e-15);
    /* so the tornado of the base year has no width, and the Monte Carlo
     * band of the base year is the point */
    jz_sensitivity *t = NULL;
    assert_int_equal(jz_sensitivity_run(s, -1, 2024, &t, &err), JZ_OK);
    assert_int_equal(t->n_bars, n);
    for (int b = 0; b < t->n_bars; b++) {
        assert_true(t->bars[b].at_low == t->base);
        assert_true(t->bars[b].at_high == t->base);
    }
    jz_sensitivity_free(t);
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = 200;
    o.threads = 1;
    jz_mc_result *m = NULL;
    assert_int_equal(jz_mc_run(s, &o, &m, &err), JZ_OK);
    for (int f = JZ_MC_COST; f <= JZ_MC_TEKORT; f++) {
        const jz_mc_stat *st0 = &m->stat[jz_mc_fig(m, f, 0)], *st1 = &m->stat[jz_mc_fig(m, f, 1)];
        assert_true(st0->min == st0->point && st0->max == st0->point);
        assert_true(st1->min < st1->max);
    }
    jz_mc_result_free(m);
    free(x);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

/* The werksessie's slider keeps the realised years as the draws do
 * (docs/werksessie.md, "The realised year"): jz_slider_values gives the value
 * it moves and the values it keeps; a value with no year (a start) keeps
 * none; a series that changes after the base year is no one value to move.
 * A named slider on an input written from the first projected year on (as
 * the page's saved variant writes it) loads, one that changes does not. */
static void test_slider_values(void **state)
{
    (void)state;
    const char *sl = "werksessie: {sliders: [{input: \"zorgsoorten[ambulant].zorgduur\", low: 5, high: 20}]}\n";
    jz_scenario *s = must_load(7, "    zorgduur: {dist: uniform, low: 5, high: 19}", NULL);
    double point = 0, kept[4] = {0};
    assert_int_equal(jz_input_realised_years(s, "zorgsoorten[ambulant].zorgduur"), JZ_UNC_REALISED);
    assert_int_equal(jz_slider_values(s, "zorgsoorten[ambulant].zorgduur", &point, kept, 4), JZ_UNC_REALISED);
    assert_true(point == 12.0 && kept[0] == 12.0);
    /* a plain series of one number, and one cell's override of it */
    assert_int_equal(jz_slider_values(s, "zorgsoorten[pleeg].zorgduur", &point, kept, 4), JZ_UNC_REALISED);
    assert_true(point == 24.0 && kept[0] == 24.0);
    assert_int_equal(jz_slider_values(s, "gemeenten[GM0002].zorg.ambulant.zorgduur", &point, kept, 4), 1);
    assert_true(point == 11.0 && kept[0] == 11.0);
    /* a start is the stock on 1 January of the base year: no series, moved whole */
    assert_int_equal(jz_input_realised_years(s, "zorgsoorten[ambulant].start"), 0);
    assert_int_equal(jz_slider_values(s, "zorgsoorten[ambulant].start", &point, kept, 4), 0);
    assert_true(point == 1000.0);
    assert_int_equal(jz_input_realised_years(s, "zorgsoorten[nergens].zorgduur"), 0);
    assert_int_equal(jz_slider_values(s, "zorgsoorten[nergens].zorgduur", &point, kept, 4), -1);
    jz_scenario_free(s);
    /* as the saved variant writes it: the base year as written, then the slider's value */
    s = must_load(7, "    zorgduur: {2024: 12, 2025: 16.5}", sl);
    assert_int_equal(jz_slider_values(s, "zorgsoorten[ambulant].zorgduur", &point, kept, 4), 1);
    assert_true(point == 16.5 && kept[0] == 12.0);
    assert_int_equal(s->n_sliders, 1);
    assert_true(s->sliders[0].point == 16.5);
    jz_scenario_free(s);
    s = must_load(7, "    zorgduur: {2024: 12, 2026: 16.5}", NULL);
    assert_int_equal(jz_slider_values(s, "zorgsoorten[ambulant].zorgduur", &point, kept, 4), -1);
    jz_scenario_free(s);
    expect_error(7, "    zorgduur: {2024: 12, 2026: 16.5}", sl, 19, "\"zorgsoorten",
                 "a slider moves one value for every projected year");
    /* a copy knows which inputs are series */
    s = must_load(7, "    zorgduur: 12", NULL);
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(jz_input_realised_years(c, "zorgsoorten[ambulant].zorgduur"), JZ_UNC_REALISED);
    assert_int_equal(jz_input_realised_years(c, "zorgsoorten[ambulant].start"), 0);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

static void test_bad_syntax(void **state)
{
    (void)state;
    expect_error(7, "    zorgduur: {dist: normal, mean: 10, sd: -1.5}", NULL, 7, "-1.5", "sd must be >= 0");
    expect_error(7, "    zorgduur: {dist: uniform, low: 14, high: 8}", NULL, 7, "14", "low (14) is above high (8)");
    expect_error(7, "    zorgduur: {dist: triangular, low: 8, mode: 20, high: 14}", NULL, 7, "20",
                 "mode must lie between low (8) and high (14)");
    expect_error(7, "    zorgduur: {dist: normaal, mean: 10, sd: 1}", NULL, 7, "normaal",
                 "unknown distribution 'normaal'; did you mean 'normal'?");
    expect_error(7, "    zorgduur: {dist: weibull, mean: 10, sd: 1}", NULL, 7, "weibull", "expected normal, lognormal");
    expect_error(7, "    zorgduur: {dist: normal, mean: 10, sdd: 1}", NULL, 7, "sdd", "did you mean 'sd'?");
    expect_error(7, "    zorgduur: {dist: normal, mean: 10}", NULL, 7, "{", "missing required key 'sd'");
    expect_error(7, "    zorgduur: {dist: normal, mean: 10, sd: 1, low: 0}", NULL, 7, "0}", "must be > 0 months");
    expect_error(7, "    zorgduur: {dist: lognormal, median: 10}", NULL, 7, "{", "median and sd_log");
    expect_error(7, "    zorgduur: {value: 15, low: 8, high: 13}", NULL, 7, "15", "lies outside the bounds");
    expect_error(7, "    zorgduur: {value: 10, low: 8}", NULL, 7, "{", "missing required key 'high'");
    expect_error(7, "    zorgduur: {dist: normal, mean: 10, sd: 0.5, low: 20, high: 30}", NULL, 7, "{",
                 "leave almost none");
    expect_error(7, "    zorgduur: {2024: 10, 2026: {dist: normal, mean: 10, sd: 1}}", NULL, 7, "{dist",
                 "applies to a whole series");
    expect_error(8, "    cost: {dist: normal, mean: 9k, sd: 1k, value: 20k, high: 12k}", NULL, 8, "20k",
                 "outside the bounds");
    expect_error(14, "    cost: {tariff: {value: 0, low: 0, high: 10}, units_per_year: 250}", NULL, 14, "{value",
                 "point value must not be 0");
    /* the uncertainty section */
    const char *dur = "    zorgduur: {dist: normal, mean: 10, sd: 1}";
    expect_error(7, dur, "uncertainty: {correlations: [{inputs: [\"zorgsoorten[ambulant].zorgdur\", x], rho: 0.5}]}\n",
                 19, "\"zorgsoorten[ambulant].zorgdur", "no uncertain input matches");
    expect_error(7, dur, "uncertainty: {corelations: []}\n", 19, "corelations", "did you mean 'correlations'?");
    expect_error(7, dur,
                 "uncertainty: {correlations: [{inputs: [\"zorgsoorten[ambulant].zorgduur\", "
                 "\"zorgsoorten[ambulant].zorgduur\"], rho: 0.5}]}\n",
                 19, "[\"zorg", "at least two");
    expect_error(7, dur,
                 "uncertainty: {correlations: [{inputs: [\"*\"], rho: 1}]}\n", 19, "1}", "strictly between -1 and 1");
}

static void test_correlation_not_positive_definite(void **state)
{
    (void)state;
    static const int lines[] = {7, 8, 13};
    static const char *const repls[] = {"    zorgduur: {dist: normal, mean: 12, sd: 1}",
                                        "    cost: {dist: normal, mean: 9k, sd: 500}",
                                        "    zorgduur: {dist: normal, mean: 24, sd: 2}"};
    /* three inputs pairwise at -0.9 cannot hold together */
    const char *bad = "uncertainty:\n"                                                          /* 19 */
                      "  correlations:\n"                                                       /* 20 */
                      "    - {inputs: [\"zorgsoorten[ambulant].*\", \"zorgsoorten[pleeg].zorgduur\"], rho: -0.9}\n";
    jz_error err;
    jz_scenario *s = load_multi(3, lines, repls, bad, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("three inputs pairwise at -0.9 cannot hold together");
    }
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.message, "uncertainty.correlations"));
    assert_non_null(strstr(err.message, "not positive definite"));
    assert_string_equal(err.file, "u.yaml");
    assert_int_equal(err.line, 21); /* the correlations list */
    assert_int_equal(err.column, 5);
    /* -0.4 is a valid copula of 3 inputs, and L L^T = rho */
    const char *good = "uncertainty:\n"
                       "  correlations:\n"
                       "    - {inputs: [\"zorgsoorten[ambulant].*\", \"zorgsoorten[pleeg].zorgduur\"], rho: -0.4}\n";
    s = must_multi(3, lines, repls, good);
    assert_non_null(s->copula);
    int n = s->copula->n;
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double v = 0;
            for (int k = 0; k < n; k++)
                v += s->copula->chol[i * n + k] * s->copula->chol[j * n + k];
            assert_close(v, s->copula->rho[i * n + j], 1e-12);
            assert_close(s->copula->rho[i * n + j], i == j ? 1.0 : -0.4, 0.0);
        }
    jz_scenario_free(s);
}

/* Draw n values of input 0 of the scenario with one replaced line. */
static double *draws_of(const char *line7, int n, unsigned long seed)
{
    jz_scenario *s = must_load(7, line7, NULL);
    jz_sampler *sp = jz_sampler_alloc(s, seed);
    assert_non_null(sp);
    double *v = malloc((size_t)n * sizeof *v);
    for (int d = 0; d < n; d++)
        jz_sampler_draw(sp, d, &v[d]);
    jz_sampler_free(sp);
    jz_scenario_free(s);
    return v;
}

/* The sample mean within 4 standard errors of the analytic mean, and the
 * sample sd within 5% of the analytic sd. */
static void check_moments(const char *line7, double mean, double sd, double lo, double hi)
{
    const int n = 40000;
    double *v = draws_of(line7, n, 11);
    double m = gsl_stats_mean(v, 1, (size_t)n), s = gsl_stats_sd(v, 1, (size_t)n);
    for (int i = 0; i < n; i++)
        if (v[i] < lo || v[i] > hi)
            fail_msg("%s: draw %g outside [%g, %g]", line7, v[i], lo, hi);
    free(v);
    if (!(fabs(m - mean) <= 4.0 * sd / sqrt(n)))
        fail_msg("%s: mean %.6g, expected %.6g +- %.3g", line7, m, mean, 4.0 * sd / sqrt(n));
    assert_rel(s, sd, 0.05);
}

static void test_distribution_moments(void **state)
{
    (void)state;
    check_moments("    zorgduur: {dist: normal, mean: 12, sd: 2}", 12.0, 2.0, 0.0, 1200.0);
    check_moments("    zorgduur: {dist: uniform, low: 8, high: 14}", 11.0, 6.0 / sqrt(12.0), 8.0, 14.0);
    /* triangular: mean (a+b+c)/3, variance (a2+b2+c2-ab-ac-bc)/18 */
    check_moments("    zorgduur: {dist: triangular, low: 8, mode: 9, high: 14}", 31.0 / 3.0,
                  sqrt((64.0 + 81.0 + 196.0 - 72.0 - 112.0 - 126.0) / 18.0), 8.0, 14.0);
    /* PERT: mean (a + 4m + b)/6; alpha = 1 + 4(m-a)/(b-a) = 5/3, beta = 13/3 */
    {
        double a = 5.0 / 3.0, b = 13.0 / 3.0, w = 6.0;
        double sd = w * sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
        check_moments("    zorgduur: {dist: pert, low: 8, mode: 9, high: 14}", (8.0 + 36.0 + 14.0) / 6.0, sd, 8.0,
                      14.0);
    }
    /* lognormal: mean median exp(s^2/2) */
    check_moments("    zorgduur: {dist: lognormal, median: 10, sd_log: 0.25}", 10.0 * exp(0.03125),
                  10.0 * exp(0.03125) * sqrt(expm1(0.0625)), 0.0, 1200.0);
    check_moments("    zorgduur: {dist: lognormal, mean: 10, sd: 2}", 10.0, 2.0, 0.0, 1200.0);
    /* a truncated normal: symmetric bounds keep the mean; sd of N(0,1) on [-1, 1] */
    {
        double phi1 = exp(-0.5) / sqrt(2.0 * JZ_PI), z = 1.0 - 2.0 * gsl_cdf_ugaussian_Q(1.0);
        double sd = 2.0 * sqrt(1.0 - 2.0 * phi1 / z);
        check_moments("    zorgduur: {dist: normal, mean: 12, sd: 2, low: 10, high: 14}", 12.0, sd, 10.0, 14.0);
    }
    /* far in one tail: N(12, 1) on [16, 17] stays inside and is not all at one end */
    {
        double *v = draws_of("    zorgduur: {dist: normal, mean: 12, sd: 1, low: 16, high: 17, value: 16.5}", 2000, 3);
        double m = gsl_stats_mean(v, 1, 2000);
        for (int i = 0; i < 2000; i++)
            assert_true(v[i] >= 16.0 && v[i] <= 17.0);
        assert_true(m > 16.1 && m < 16.4); /* E = 16 + 1/(mills ratio) ~ 16.23 */
        free(v);
    }
}

static void test_streams(void **state)
{
    (void)state;
    const int n = 700;
    jz_scenario *s = must_load(7, "    zorgduur: {dist: normal, mean: 12, sd: 2}", NULL);
    jz_sampler *a = jz_sampler_alloc(s, 5), *b = jz_sampler_alloc(s, 5), *c = jz_sampler_alloc(s, 6);
    double fwd[700], x;
    for (int d = 0; d < n; d++)
        jz_sampler_draw(a, d, &fwd[d]);
    /* any order, any sampler: the same value for the same (seed, draw) */
    for (int d = n - 1; d >= 0; d -= 3) {
        jz_sampler_draw(b, d, &x);
        assert_memory_equal(&x, &fwd[d], sizeof x);
    }
    /* another seed: other numbers */
    int same = 0;
    for (int d = 0; d < n; d++) {
        jz_sampler_draw(c, d, &x);
        same += x == fwd[d];
    }
    assert_true(same < 3);
    jz_sampler_free(a);
    jz_sampler_free(b);
    jz_sampler_free(c);

    /* common random numbers: a scenario with another uncertain input too
     * draws the same values for the shared path */
    static const int lines[] = {6, 7};
    static const char *const repls[] = {"    instroom: {dist: uniform, low: 800, high: 1000}",
                                        "    zorgduur: {dist: normal, mean: 12, sd: 2}"};
    jz_scenario *t = must_multi(2, lines, repls, NULL);
    assert_int_equal(t->n_uncertain, 2);
    int iz = jz_unc_find(t, "zorgsoorten[ambulant].zorgduur");
    assert_true(iz >= 0);
    jz_sampler *ts = jz_sampler_alloc(t, 5);
    double xs[2];
    for (int d = 0; d < n; d += 7) {
        jz_sampler_draw(ts, d, xs);
        assert_memory_equal(&xs[iz], &fwd[d], sizeof(double));
    }
    jz_sampler_free(ts);
    jz_scenario_free(t);
    jz_scenario_free(s);
}

/* Pearson correlation of two columns. */
static double corr(const double *a, const double *b, int n)
{
    return gsl_stats_correlation(a, 1, b, 1, (size_t)n);
}

static void test_copula_correlation(void **state)
{
    (void)state;
    /* two normals: Pearson = rho; two uniforms: Pearson of uniforms =
     * Spearman of the copula = (6 / pi) asin(rho / 2) */
    const int n = 20000;
    const double rho = 0.8;
    static const int lines[] = {7, 8, 13};
    static const char *const repls[] = {"    zorgduur: {dist: normal, mean: 12, sd: 2}",
                                        "    cost: {dist: uniform, low: 8k, high: 10k}",
                                        "    zorgduur: {dist: normal, mean: 24, sd: 3}"};
    jz_scenario *s = must_multi(3, lines, repls,
                                "uncertainty:\n  correlations:\n"
                                "    - inputs: [\"zorgsoorten[*].zorgduur\", \"zorgsoorten[ambulant].cost\"]\n"
                                "      rho: 0.8\n");
    assert_int_equal(s->n_uncertain, 3);
    assert_non_null(s->copula);
    assert_int_equal(s->copula->n, 3);
    int ia = jz_unc_find(s, "zorgsoorten[ambulant].zorgduur"), ip = jz_unc_find(s, "zorgsoorten[pleeg].zorgduur");
    int ic = jz_unc_find(s, "zorgsoorten[ambulant].cost");
    double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
    jz_sampler *sp = jz_sampler_alloc(s, 9);
    double x[3];
    for (int d = 0; d < n; d++) {
        jz_sampler_draw(sp, d, x);
        a[d] = x[ia];
        b[d] = x[ip];
        c[d] = x[ic];
    }
    double r_ab = corr(a, b, n), r_ac_u;
    /* Pearson of the normals: standard error about (1 - rho^2) / sqrt(n) */
    if (!(fabs(r_ab - rho) <= 4.0 * (1.0 - rho * rho) / sqrt(n)))
        fail_msg("correlation of the two normals %.4f, expected %.2f", r_ab, rho);
    /* a normal and a uniform: the uniform's Pearson with Phi(z) of the normal */
    for (int d = 0; d < n; d++)
        a[d] = gsl_cdf_ugaussian_P((a[d] - 12.0) / 2.0);
    r_ac_u = corr(a, c, n);
    double want = 6.0 / JZ_PI * asin(rho / 2.0);
    if (!(fabs(r_ac_u - want) <= 0.015))
        fail_msg("rank correlation %.4f, expected %.4f", r_ac_u, want);
    jz_sampler_free(sp);
    free(a);
    free(b);
    free(c);
    jz_scenario_free(s);
}

static void test_zero_width(void **state)
{
    (void)state;
    /* every kind of zero-width distribution gives the point value exactly */
    static const char *const lines[] = {
        "    zorgduur: {dist: normal, mean: 11.3, sd: 0}", "    zorgduur: {dist: uniform, low: 11.3, high: 11.3}",
        "    zorgduur: {dist: triangular, low: 11.3, mode: 11.3, high: 11.3}",
        "    zorgduur: {dist: pert, low: 11.3, mode: 11.3, high: 11.3}",
        "    zorgduur: {dist: lognormal, median: 11.3, sd_log: 0}"};
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        double *v = draws_of(lines[k], 300, 1);
        for (int d = 0; d < 300; d++)
            if (v[d] != 11.3)
                fail_msg("%s: draw %d = %.17g", lines[k], d, v[d]);
        free(v);
    }
}

static void test_extends_replaces_series(void **state)
{
    (void)state;
    /* a variant's distribution replaces the base's series by year, and a
     * variant of a distribution of the same kind changes one parameter */
    const char *base = "meta: {name: B, base_year: 2024, horizon: 3}\n"
                       "indexation: {tariff: {2024: 4%, 2025: 5%}}\n"
                       "zorgsoorten:\n"
                       "  - {key: a, instroom: 10, zorgduur: {dist: normal, mean: 10, sd: 1}, cost: 1k}\n"
                       "gemeenten: [{code: GM0001, name: X}]\n";
    char dir[] = "/tmp/jz_unc_XXXXXX", bpath[64], vpath[64];
    assert_non_null(mkdtemp(dir));
    snprintf(bpath, sizeof bpath, "%s/base.yaml", dir);
    snprintf(vpath, sizeof vpath, "%s/var.yaml", dir);
    FILE *f = fopen(bpath, "w");
    assert_non_null(f);
    fputs(base, f);
    fclose(f);
    const char *var = "extends: base.yaml\n"
                      "indexation: {tariff: {dist: uniform, low: 2%, high: 6%}}\n"
                      "zorgsoorten:\n"
                      "  - {key: a, zorgduur: {sd: 2}}\n";
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(var, strlen(var), vpath, NULL, &err);
    remove(bpath);
    rmdir(dir);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(input(s, "indexation.tariff")->dist.kind, JZ_DIST_UNIFORM);
    assert_close(s->cells[0].tariff_index[1], 0.04, 1e-15);
    const jz_uncertain *u = input(s, "zorgsoorten[a].zorgduur");
    assert_close(u->dist.sd, 2.0, 0.0);
    assert_close(u->dist.mean, 10.0, 0.0);
    jz_scenario_free(s);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_point_values_and_targets),
        cmocka_unit_test(test_copy_and_apply),
        cmocka_unit_test(test_realised_year_kept),
        cmocka_unit_test(test_slider_values),
        cmocka_unit_test(test_bad_syntax),
        cmocka_unit_test(test_correlation_not_positive_definite),
        cmocka_unit_test(test_distribution_moments),
        cmocka_unit_test(test_streams),
        cmocka_unit_test(test_copula_correlation),
        cmocka_unit_test(test_zero_width),
        cmocka_unit_test(test_extends_replaces_series),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
