/*
 * test_consistency.c - the result adds up, in every shipped scenario (and
 * the measure test data), per gemeente and the region, per year, to 1e-9
 * relative (docs/model.md "What adds up"):
 *   - cost, budget and tekort = the sum over the zorgsoorten + the lines
 *     that belong to no zorgsoort (fixed cost lines, investments in measures);
 *   - every Hervormingsagenda saving landed in a zorgsoort;
 *   - each part of the split = the sum of its zorgsoort parts (+ the
 *     non-zorgsoort lines), the parts add up to the tekort, and
 *     beinvloedbaar + niet beinvloedbaar = tekort;
 *   - the besparing = cost without measures - cost.
 * The scenario files are found by walking scenarios/, so a new one is
 * covered without editing this test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/model.h"

static int n_checked;

static void close_to(double got, double want, double scale, const char *what, const char *file,
                     int g, int y)
{
    if (!(fabs(got - want) <= 1e-9 * scale + 1e-6))
        fail_msg("%s: gemeente slot %d, year %d: %s %.17g != %.17g", file, g, y, what, got, want);
}

static void check_file(const char *path)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load(path, NULL, &err);
    if (!s)
        fail_msg("%s: %s", path, err.message);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_non_null(r);
    assert_non_null(w);
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("%s: %s", path, err.message);
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    for (int g = 0; g <= G; g++)
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_gy(r, g, y);
            double cost = 0, budget = 0, tekort = 0, ha = 0;
            double dt = 0, de = 0, dv = 0, di = 0, ds = 0;
            for (int z = 0; z < Z; z++) {
                size_t k = jz_result_cz(r, g, z, y);
                cost += r->cost[k];
                budget += r->budget[k];
                tekort += r->tekort[k];
                ha += r->ha_saving[k];
                dt += r->dec_tariff[k];
                de += r->dec_external[k];
                dv += r->dec_volume[k];
                di += r->dec_intensity[k];
                ds += r->dec_start[k];
                double cell = r->dec_tariff[k] + r->dec_external[k] + r->dec_volume[k] +
                              r->dec_intensity[k] + r->dec_start[k];
                close_to(cell, r->tekort[k], fabs(r->cost[k]) + fabs(r->budget[k]),
                         "zorgsoort parts vs its tekort", path, g, y);
            }
            double scale = fabs(r->g_cost[i]) + fabs(r->g_budget[i]);
            double fixed_gap = r->g_fixed_cost[i] - r->g_fixed_budget[i];
            double inv = r->g_measure_investment[i];
            /* the verevening (regio) is a line of its own, 0 without one */
            double vv = r->g_verevening[i] + r->g_contract[i]; /* and a contract's lumpsum */
            close_to(r->g_cost[i], cost + r->g_fixed_cost[i] + inv + vv, scale, "cost", path, g, y);
            close_to(r->g_budget[i], budget + r->g_fixed_budget[i], scale, "budget", path, g, y);
            close_to(r->g_tekort[i], tekort + fixed_gap + inv + vv, scale, "tekort", path, g, y);
            close_to(r->g_care_cost[i], cost, scale, "care cost", path, g, y);
            close_to(r->g_ha_savings[i], ha, scale, "HA savings landed", path, g, y);
            close_to(r->g_dec_tariff[i], dt, scale, "tariff part", path, g, y);
            close_to(r->g_dec_external[i], de, scale, "external part", path, g, y);
            close_to(r->g_dec_volume[i], dv, scale, "volume part", path, g, y);
            close_to(r->g_dec_intensity[i], di + fixed_gap + inv, scale, "intensity part", path, g, y);
            close_to(r->g_dec_start[i], ds, scale, "startverschil", path, g, y);
            close_to(r->g_beinvloedbaar[i] + r->g_niet_beinvloedbaar[i], r->g_tekort[i], scale,
                     "beinvloedbaar + niet", path, g, y);
            close_to(r->g_measure_saving[i], r->g_cost_without_measures[i] - r->g_cost[i], scale,
                     "besparing", path, g, y);
            n_checked++;
        }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void walk(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot open %s", dir);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            check_file(path);
        else if (!strchr(e->d_name, '.'))
            walk(path);
    }
    closedir(d);
}

static void test_every_shipped_scenario_adds_up(void **state)
{
    (void)state;
    n_checked = 0;
    walk(JZ_SOURCE_DIR "/scenarios");
    check_file(JZ_TEST_DATA "/measures/ten.yaml");
    assert_true(n_checked > 11 * 5); /* every file was read */
}

/* A Hervormingsagenda row with zorgsoorten shares lands exactly there; a
 * row without them is spread by cost and recorded as spread; a volume
 * saving and an intensity cost of the same size still move the split. */
static const char *SHARES =
    "meta: {name: T, base_year: 2024, horizon: 3}\n"
    "zorgsoorten:\n"
    "  - {key: ambulant, start: 100, instroom: 120, zorgduur: 10, cost: 9k}\n"
    "  - {key: verblijf, start: 20, instroom: 10, zorgduur: 12, cost: 90k}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Ergens}\n"
    "measures:\n"
    "  - {key: A, type: hervormingsagenda, saving: {2025: 100k}, zorgsoorten: {ambulant: 25%, verblijf: 75%}}\n"
    "  - {key: B, type: hervormingsagenda, saving: {2025: 50k}, cause: volume}\n"
    "  - {key: C, type: hervormingsagenda, saving: {2025: -50k}, cause: intensity}\n";

static void test_ha_shares_and_spread(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(SHARES, strlen(SHARES), "t.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    size_t a = jz_result_cz(r, 1, 0, 1), v = jz_result_cz(r, 1, 1, 1), i = jz_result_gy(r, 1, 1);
    /* B and C cancel in each zorgsoort (same weights): only A's shares remain */
    assert_true(fabs(r->ha_saving[a] - 25e3) < 1e-6);
    assert_true(fabs(r->ha_saving[v] - 75e3) < 1e-6);
    assert_true(fabs(r->g_ha_savings[i] - 100e3) < 1e-6);
    assert_true(fabs(r->g_ha_savings_spread[i] - 0.0) < 1e-6); /* +50k - 50k spread */
    assert_true(fabs(r->g_measure_saving[i] - 100e3) < 1e-6);
    /* but the split moved: A and B lower volume by 150k, C raises intensity by 50k */
    jz_result *r0 = jz_result_alloc(s);
    jz_run_options off = {(const unsigned char *)"\0\0\0", 0};
    assert_int_equal(jz_model_run_opts(s, w, r0, &off, &err), JZ_OK);
    assert_true(fabs((r0->g_dec_volume[i] - r->g_dec_volume[i]) - 150e3) < 1e-6);
    assert_true(fabs((r->g_dec_intensity[i] - r0->g_dec_intensity[i]) - 50e3) < 1e-6);
    jz_result_free(r0);
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_ha_shares_must_sum_to_one(void **state)
{
    (void)state;
    static const char *BAD =
        "meta: {name: T, base_year: 2024, horizon: 3}\n"
        "zorgsoorten:\n"
        "  - {key: ambulant, start: 100, instroom: 120, zorgduur: 10, cost: 9k}\n"
        "  - {key: verblijf, start: 20, instroom: 10, zorgduur: 12, cost: 90k}\n"
        "gemeenten:\n"
        "  - {code: GM0001, name: Ergens}\n"
        "measures:\n"
        "  - key: A\n"
        "    type: hervormingsagenda\n"
        "    saving: {2025: 100k}\n"
        "    zorgsoorten: {ambulant: 60%, verblijf: 30%}\n";
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(BAD, strlen(BAD), "t.yaml", NULL, &err);
    assert_null(s);
    if (!strstr(err.message, "add up to 90%; they must add up to 100%"))
        fail_msg("message: %s", err.message);
    assert_int_equal(err.line, 11);
    assert_int_equal(err.column, 18);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shipped_scenario_adds_up),
        cmocka_unit_test(test_ha_shares_and_spread),
        cmocka_unit_test(test_ha_shares_must_sum_to_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
