/*
 * test_perf.c - what the speed work of issue 17 promises besides speed:
 *   - the branch-free scan of a cell (check.c) finds exactly the faults the
 *     year-by-year checks find, with the same message (one fault of every
 *     kind, in a cell of a gemeente other than the first);
 *   - jz_workspace_set_checked: a vouched gemeente is not checked again,
 *     the others are; jz_model_check_gemeente gives the run's message;
 *   - JZ_TOTALS_FIGURES gives the same bits for what it writes;
 *   - Monte Carlo checks the scenario once and per draw only the gemeenten
 *     that drawn values reach: an invalid draw in a gemeente's own input is
 *     still reported, the same for 1 and 2 threads, and the figures of a
 *     valid run are the same bits for 1, 2 and 3 threads.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/mc.h"
#include "model_support.h"
#include "scenario/build.h"

/* Change one input of cell (g, z) in year y, run, and return the message. */
typedef void (*spoil_fn)(jz_cell *c, jz_scenario *s, int g, int y);

static void spoil_instroom(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->instroom[y] = NAN; }
static void spoil_zorgduur(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->zorgduur[y] = 0.0; }
static void spoil_trend(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->instroom_trend[y] = -1.5; }
static void spoil_cost(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->cost[y] = INFINITY; }
static void spoil_tariff(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->tariff_index[y] = NAN; }
static void spoil_ageing(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->ageing_rate[y] = 1.0; }
static void spoil_ageing_tr(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->ageing_transfer[y] = 1.0000001; }
static void spoil_reentry(jz_cell *c, jz_scenario *s, int g, int y) { (void)s, (void)g; c->reentry[y] = -0.1; }
static void spoil_sum(jz_cell *c, jz_scenario *s, int g, int y)
{
    (void)g;
    c->reentry[y] = 0.7;
    c->transition[(size_t)y * (size_t)s->n_zorgsoorten] = 0.4;
}
static void spoil_pop(jz_cell *c, jz_scenario *s, int g, int y)
{
    c->instroom_per_1000 = 1;
    s->gemeenten[g].population[s->zorgsoorten[1].population][y] = -1.0;
}

/* Every fault of spoil_fn is found, named at (g, z = 1, y), by the run and
 * by jz_model_check_gemeente alike. */
static void test_scan_finds_every_fault(void **state)
{
    (void)state;
    const spoil_fn spoil[] = {spoil_instroom, spoil_zorgduur, spoil_trend, spoil_cost, spoil_tariff,
                              spoil_ageing, spoil_ageing_tr, spoil_reentry, spoil_sum, spoil_pop};
    const char *word[] = {"instroom must", "zorgduur must", "instroom trend", "cost per client-year",
                          "tariff index", "ageing rate", "ageing transfer", "reentry must",
                          "add up to", "population must"};
    for (size_t k = 0; k < sizeof spoil / sizeof spoil[0]; k++) {
        jz_scenario *s = jzm_rich_scenario(3, 4);
        assert_non_null(s);
        jz_workspace *w = jz_workspace_alloc(s);
        jz_result *r = jz_result_alloc(s);
        int g = 2, z = 1, y = 2;
        spoil[k](&s->cells[g * s->n_zorgsoorten + z], s, g, y);
        jz_error err, err2;
        assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
        if (!strstr(err.message, word[k]))
            fail_msg("fault %zu: '%s' lacks '%s'", k, err.message, word[k]);
        char where[128];
        /* (a population is the gemeente's: an earlier zorgsoort of the same
         * group may be named) */
        if (spoil[k] == spoil_pop)
            snprintf(where, sizeof where, ", year %d", s->meta.base_year + y);
        else
            snprintf(where, sizeof where, "zorgsoort %s, year %d", s->zorgsoorten[z].key, s->meta.base_year + y);
        if (!strstr(err.message, where))
            fail_msg("fault %zu: %s", k, err.message);
        assert_non_null(strstr(err.message, s->gemeenten[g].code));
        assert_int_equal(jz_model_check_gemeente(s, g, &err2), JZ_EINPUT);
        assert_string_equal(err.message, err2.message);
        assert_int_equal(jz_model_check_gemeente(s, 0, &err2), JZ_OK);
        jz_result_free(r);
        jz_workspace_free(w);
        jz_scenario_free(s);
    }
}

static void test_vouched_gemeente_is_not_checked(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 4);
    assert_non_null(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    spoil_sum(&s->cells[1 * s->n_zorgsoorten + 0], s, 1, 1);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, s->gemeenten[1].code));
    const unsigned char others[3] = {1, 0, 1};
    jz_workspace_set_checked(w, others);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
    const unsigned char all[3] = {1, 1, 1};
    jz_workspace_set_checked(w, all);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK); /* the caller's word is taken */
    jz_workspace_set_checked(w, NULL);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
    assert_int_equal(jz_model_check_gemeente(s, 3, &err), JZ_EINPUT); /* no such gemeente */
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
}

/* JZ_TOTALS_FIGURES writes the region's gemeente-year arrays and zorgsoort
 * cost with the same bits as a full run, and the gemeenten' slots whole. */
static void test_figures_totals_same_bits(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(5, 6);
    assert_non_null(s);
    jz_workspace *w = jz_workspace_alloc(s), *v = jz_workspace_alloc(s);
    jz_result *full = jz_result_alloc(s), *fig = jz_result_alloc(s);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, full, &err), JZ_OK);
    jz_workspace_set_totals(v, JZ_TOTALS_FIGURES);
    assert_int_equal(jz_model_run(s, v, fig, &err), JZ_OK);
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
#define SAME_GY_(field, kind) \
    assert_memory_equal(full->field, fig->field, (size_t)(G + 1) * (size_t)H * sizeof(double));
    JZ_RESULT_GY_FIELDS(SAME_GY_)
#undef SAME_GY_
    assert_memory_equal(full->cost, fig->cost, (size_t)(G + 1) * (size_t)Z * (size_t)H * sizeof(double));
    assert_memory_equal(full->client_years, fig->client_years, (size_t)G * (size_t)Z * (size_t)H * sizeof(double));
    /* the region's other zorgsoort arrays are not written */
    assert_true(fig->client_years[jz_result_cz(fig, G, 0, 0)] == 0.0);
    assert_true(full->client_years[jz_result_cz(full, G, 0, 0)] > 0.0);
    jz_result_free(full);
    jz_result_free(fig);
    jz_workspace_free(w);
    jz_workspace_free(v);
    jz_scenario_free(s);
}

/* Two gemeenten; only the second has a drawn input of its own, which can
 * make its transitions and re-entry exceed 100%. */
#define LOCAL \
    "meta: {name: Lokaal, base_year: 2024, horizon: 3}\n" \
    "zorgsoorten:\n" \
    "  - {key: a, instroom: 100, zorgduur: 12, cost: 1k, reentry: {fraction: 40%%}}\n" \
    "  - {key: b, instroom: 10, zorgduur: {dist: uniform, low: 10, high: 14}, cost: 2k}\n" \
    "gemeenten:\n" \
    "  - {code: GM0001, name: Een}\n" \
    "  - code: GM0002\n" \
    "    name: Twee\n" \
    "    zorg: {a: {transitions: {b: {dist: uniform, low: %s, high: %s}}}}\n"

static jz_scenario *local(const char *low, const char *high)
{
    char buf[2048];
    snprintf(buf, sizeof buf, LOCAL, low, high);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(buf, strlen(buf), "lokaal.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    return s;
}

static void test_mc_checks_drawn_gemeenten(void **state)
{
    (void)state;
    jz_scenario *s = local("40%", "70%");
    jz_mc_options o;
    jz_mc_options_default(&o);
    o.draws = 300;
    o.threads = 1;
    jz_mc_result *r = NULL;
    jz_error err;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
    assert_null(r);
    assert_non_null(strstr(err.message, "Monte Carlo draw"));
    assert_non_null(strstr(err.message, "GM0002"));
    char m1[JZ_ERR_MSG_MAX];
    snprintf(m1, sizeof m1, "%s", err.message);
    o.threads = 2;
    assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
    assert_string_equal(err.message, m1);
    jz_scenario_free(s);
}

static void test_mc_bits_for_any_thread_count(void **state)
{
    (void)state;
    jz_scenario *s = local("1%", "30%");
    jz_mc_result *r[3] = {NULL, NULL, NULL};
    for (int t = 0; t < 3; t++) {
        jz_mc_options o;
        jz_mc_options_default(&o);
        o.draws = 700;
        o.threads = t + 1;
        jz_error err;
        if (jz_mc_run(s, &o, &r[t], &err) != JZ_OK)
            fail_msg("%s", err.message);
    }
    int n = (JZ_MC_N_GEMEENTE + r[0]->n_zorgsoorten) * r[0]->horizon;
    for (int t = 1; t < 3; t++)
        for (int f = 0; f < n; f++) {
            assert_memory_equal(&r[0]->stat[f], &r[t]->stat[f], sizeof r[0]->stat[f]);
        }
    for (int t = 0; t < 3; t++)
        jz_mc_result_free(r[t]);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_finds_every_fault),
        cmocka_unit_test(test_vouched_gemeente_is_not_checked),
        cmocka_unit_test(test_figures_totals_same_bits),
        cmocka_unit_test(test_mc_checks_drawn_gemeenten),
        cmocka_unit_test(test_mc_bits_for_any_thread_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
