/*
 * test_perf.c - what the speed work of issue 17 promises besides speed:
 *   - the branch-free scan of a cell (check.c) finds exactly the faults the
 *     year-by-year checks find, with the same message (one fault of every
 *     kind, in a cell of a gemeente other than the first);
 *   - jz_workspace_set_checked: a vouched gemeente is not checked again,
 *     the others are; jz_model_check_gemeente gives the run's message;
 *   - JZ_TOTALS_FIGURES gives the same bits for what it writes;
 *   - a rolling result (what a Monte Carlo draw keeps) gives the same bits
 *     as a full run for the region's figures and the kept gemeente, and
 *     the same overflow message;
 *   - the volume cache keeps exactly the gemeenten that no uncertain input's
 *     volumes reach, and taking them gives the same bits;
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
#include "model/internal.h"
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
        char where[JZ_KEY_MAX + JZ_NAME_MAX + 48];
        /* (a population is the gemeente's: an earlier zorgsoort of the same
         * group may be named) */
        if (spoil[k] == spoil_pop)
            snprintf(where, sizeof where, ", year %d", s->meta.base_year + y);
        else
            snprintf(where, sizeof where, "zorgsoorten[%s] (%s), year %d", s->zorgsoorten[z].key, s->zorgsoorten[z].name,
                     s->meta.base_year + y);
        if (!strstr(err.message, where))
            fail_msg("fault %zu: %s", k, err.message);
        char gw[JZ_KEY_MAX + JZ_NAME_MAX + 16];
        snprintf(gw, sizeof gw, "gemeenten[%s] (%s), ", s->gemeenten[g].code, s->gemeenten[g].name);
        assert_non_null(strstr(err.message, gw));
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

/* A rolling result holds the region's JZ_TOTALS_FIGURES arrays and every
 * array of the kept gemeente with the same bits as a full run. */
static void check_rolling(jz_scenario *s, int keep)
{
    jz_workspace *w = jz_workspace_alloc(s), *v = jz_workspace_alloc(s);
    jz_result *full = jz_result_alloc(s), *roll = jz_result_alloc_rolling(s);
    assert_non_null(roll);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, full, &err), JZ_OK);
    /* a rolling workspace refuses a full result and vice versa */
    jz_workspace_set_rolling(v, 1, keep);
    assert_int_equal(jz_model_run(s, v, full, &err), JZ_EINPUT);
    assert_int_equal(jz_model_run(s, w, roll, &err), JZ_EINPUT);
    assert_int_equal(jz_model_run(s, v, roll, &err), JZ_OK);
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    assert_int_equal(roll->n_gemeenten, JZ_ROLLING_SLOTS - 1);
    size_t gy = (size_t)H * sizeof(double), cz = (size_t)Z * (size_t)H * sizeof(double);
#define SAME_GY_(field, kind) \
    assert_memory_equal(full->field + jz_result_gy(full, G, 0), roll->field + jz_result_gy(roll, 2, 0), gy);
    JZ_RESULT_GY_FIELDS(SAME_GY_)
#undef SAME_GY_
    assert_memory_equal(full->cost + jz_result_cz(full, G, 0, 0), roll->cost + jz_result_cz(roll, 2, 0, 0), cz);
    if (keep >= 0) {
#define SAME_KEPT_GY_(field, kind) \
        assert_memory_equal(full->field + jz_result_gy(full, keep, 0), roll->field + jz_result_gy(roll, 1, 0), gy);
#define SAME_KEPT_CZ_(field, kind) \
        assert_memory_equal(full->field + jz_result_cz(full, keep, 0, 0), roll->field + jz_result_cz(roll, 1, 0, 0), cz);
        JZ_RESULT_GY_FIELDS(SAME_KEPT_GY_)
        JZ_RESULT_CZ_FIELDS(SAME_KEPT_CZ_)
#undef SAME_KEPT_GY_
#undef SAME_KEPT_CZ_
        assert_memory_equal(full->uit_to + jz_result_to(full, keep, 0, 0, 0),
                            roll->uit_to + jz_result_to(roll, 1, 0, 0, 0), cz * (size_t)Z);
    }
    /* back to full results */
    jz_workspace_set_rolling(v, 0, -1);
    assert_int_equal(jz_model_run(s, v, full, &err), JZ_OK);
    jz_result_free(full);
    jz_result_free(roll);
    jz_workspace_free(w);
    jz_workspace_free(v);
}

static void test_rolling_result_same_bits(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(5, 6);
    assert_non_null(s);
    check_rolling(s, -1);
    check_rolling(s, 0);
    check_rolling(s, 3);
    check_rolling(s, 4);
    jz_scenario_free(s);
    s = jzm_rich_scenario(1, 4);
    assert_non_null(s);
    check_rolling(s, -1);
    check_rolling(s, 0);
    jz_scenario_free(s);
}

/* An overflow is reported for the same gemeente and year, with the same
 * message, whether the run keeps every gemeente or rolls. */
static void test_rolling_overflow_message(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(5, 6);
    assert_non_null(s);
    /* a fixed cost line near the largest double in gemeenten 2 and 3:
     * finite, so it passes the checks, but its indexation (2.5%) makes
     * their g_cost overflow from year 1 */
    for (int g = 2; g <= 3; g++)
        for (int f = 0; f < s->gemeenten[g].n_fixed; f++)
            for (int y = 0; y < s->meta.horizon; y++)
                s->gemeenten[g].fixed[f].amount[y] = 1.7e308;
    jz_workspace *w = jz_workspace_alloc(s), *v = jz_workspace_alloc(s);
    jz_result *full = jz_result_alloc(s), *roll = jz_result_alloc_rolling(s);
    jz_error e1, e2;
    jz_workspace_set_rolling(v, 1, 4);
    assert_int_equal(jz_model_run(s, w, full, &e1), JZ_ERUNTIME);
    assert_int_equal(jz_model_run(s, v, roll, &e2), JZ_ERUNTIME);
    assert_string_equal(e1.message, e2.message);
    assert_non_null(strstr(e1.message, "overflowed"));
    jz_result_free(full);
    jz_result_free(roll);
    jz_workspace_free(w);
    jz_workspace_free(v);
    jz_scenario_free(s);
}

/* Three gemeenten; the cost of a (a two-branch mixture) is uncertain
 * everywhere (money only), the zorgduur of b only in Twee (its volumes). */
#define KEPT \
    "meta: {name: Kept, base_year: 2024, horizon: 4}\n" \
    "zorgsoorten:\n" \
    "  - {key: a, instroom: 100, zorgduur: 13.04, cost: {dist: uniform, low: 900, high: 1200}, " \
    "mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 18]}, " \
    "transitions: {b: 10%}, reentry: {fraction: 20%, delay_months: 6}}\n" \
    "  - {key: b, stages: 3, instroom: 10, zorgduur: 9, cost: 2k}\n" \
    "gemeenten:\n" \
    "  - {code: GM0001, name: Een}\n" \
    "  - code: GM0002\n" \
    "    name: Twee\n" \
    "    zorg: {b: {zorgduur: {dist: uniform, low: 7, high: 11}}}\n" \
    "  - {code: GM0003, name: Drie}\n"

/* The volume cache keeps the gemeenten whose volumes no uncertain input
 * reaches, and a rolling run that takes them gives the same bits as one
 * that projects them, for a draw away from the point values. */
static void test_volume_cache_same_bits(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(KEPT, strlen(KEPT), "kept.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_int_equal(s->n_uncertain, 2);
    jz_scenario *probe = jz_scenario_copy(s), *draw = jz_scenario_copy(s);
    assert_non_null(probe);
    assert_non_null(draw);
    for (int i = 0; i < s->n_uncertain; i++) {
        jz_unc_set(s, probe, i, NAN);
        jz_unc_set(s, draw, i, s->uncertain[i].dist.high);
    }
    jz_volume_cache *c = jz_volume_cache_alloc(s, probe);
    assert_non_null(c);
    assert_int_equal(jz_volume_cache_kept(c), 2); /* Een and Drie, not Twee */
    for (int keep = -1; keep < 3; keep++) {
        jz_workspace *w = jz_workspace_alloc(s), *v = jz_workspace_alloc(s);
        jz_result *rw = jz_result_alloc_rolling(s), *rv = jz_result_alloc_rolling(s);
        jz_workspace_set_rolling(w, 1, keep);
        jz_workspace_set_rolling(v, 1, keep);
        jz_workspace_set_volumes(v, c);
        assert_int_equal(jz_model_run(draw, w, rw, &err), JZ_OK);
        assert_int_equal(jz_model_run(draw, v, rv, &err), JZ_OK);
        /* the kept gemeente and the region (slot 0 is scratch; its uit_to is
         * not restored from the cache, as nothing reads it) */
        size_t zh2 = 2 * (size_t)s->n_zorgsoorten * (size_t)s->meta.horizon * sizeof(double);
        size_t h2 = 2 * (size_t)s->meta.horizon * sizeof(double);
#define SAME_CZ_(field, kind) \
        assert_memory_equal(rw->field + jz_result_cz(rw, 1, 0, 0), rv->field + jz_result_cz(rv, 1, 0, 0), zh2);
#define SAME_GY_(field, kind) \
        assert_memory_equal(rw->field + jz_result_gy(rw, 1, 0), rv->field + jz_result_gy(rv, 1, 0), h2);
        JZ_RESULT_CZ_FIELDS(SAME_CZ_)
        JZ_RESULT_GY_FIELDS(SAME_GY_)
#undef SAME_CZ_
#undef SAME_GY_
        assert_memory_equal(rw->uit_to + jz_result_to(rw, 1, 0, 0, 0), rv->uit_to + jz_result_to(rv, 1, 0, 0, 0),
                            zh2 / 2 * (size_t)s->n_zorgsoorten);
        /* the region's figures are those of a full run of the draw */
        jz_workspace *f = jz_workspace_alloc(s);
        jz_result *full = jz_result_alloc(s);
        assert_int_equal(jz_model_run(draw, f, full, &err), JZ_OK);
        int G = s->n_gemeenten, H = s->meta.horizon;
        assert_memory_equal(full->g_tekort + jz_result_gy(full, G, 0), rv->g_tekort + jz_result_gy(rv, 2, 0),
                            (size_t)H * sizeof(double));
        assert_memory_equal(full->g_unique + jz_result_gy(full, G, 0), rv->g_unique + jz_result_gy(rv, 2, 0),
                            (size_t)H * sizeof(double));
        jz_result_free(full);
        jz_workspace_free(f);
        /* and the draw's money did change (after the base year, realisatie, which no draw moves) */
        jz_result *rb = jz_result_alloc_rolling(s);
        assert_int_equal(jz_model_run(s, v, rb, &err), JZ_OK);
        assert_true(rb->g_cost[jz_result_gy(rb, 2, 0)] == rv->g_cost[jz_result_gy(rv, 2, 0)]);
        assert_true(rb->g_cost[jz_result_gy(rb, 2, 1)] != rv->g_cost[jz_result_gy(rv, 2, 1)]);
        jz_result_free(rb);
        jz_result_free(rw);
        jz_result_free(rv);
        jz_workspace_free(w);
        jz_workspace_free(v);
    }
    jz_volume_cache_free(c);
    jz_scenario_free(probe);
    jz_scenario_free(draw);
    jz_scenario_free(s);
}

/* The volume cache restores every array that flow.c writes (a new result
 * array written by the flows must be added to VOLUME_CZ / VOLUME_GY in
 * volumes.c, or a draw would take a stale one): slot 0 after projecting the
 * flows and after taking them from the cache is the same, bit for bit, from
 * a result filled with NaN, in every array but uit_to. */
static void test_volume_cache_covers_the_flows(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 5);
    assert_non_null(s);
    jz_volume_cache *c = jz_volume_cache_alloc(s, s); /* no uncertain input: all kept */
    assert_non_null(c);
    assert_int_equal(jz_volume_cache_kept(c), 3);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *a = jz_result_alloc_rolling(s), *b = jz_result_alloc_rolling(s);
    jz_workspace_set_rolling(w, 1, -1);
    jz_workspace_set_volumes(w, c);
    for (size_t i = 0; i < a->block_len; i++)
        a->block[i] = b->block[i] = NAN;
    jz_error err;
    for (int g = 0; g < s->n_gemeenten; g++) {
        jz_workspace_set_volumes(w, NULL);
        assert_int_equal(jz_flows_gemeente(s, w, a, g, &err), JZ_OK);
        jz_workspace_set_volumes(w, c);
        assert_int_equal(jz_flows_gemeente(s, w, b, g, &err), JZ_OK);
        size_t zh = (size_t)s->n_zorgsoorten * (size_t)s->meta.horizon * sizeof(double);
        size_t h = (size_t)s->meta.horizon * sizeof(double);
#define SAME_CZ_(field, kind) assert_memory_equal(a->field, b->field, zh);
#define SAME_GY_(field, kind) assert_memory_equal(a->field, b->field, h);
        JZ_RESULT_CZ_FIELDS(SAME_CZ_)
        JZ_RESULT_GY_FIELDS(SAME_GY_)
#undef SAME_CZ_
#undef SAME_GY_
    }
    jz_result_free(a);
    jz_result_free(b);
    jz_workspace_free(w);
    jz_volume_cache_free(c);
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

/* Routes that start and stop over the years (docs/model.md section 11:
 * routes are found once per gemeente only when they are the same every
 * year) and the scratch slot of a rolling result, whose uit_transfer is
 * summed over the routes without writing uit_to: every transfer that
 * leaves arrives (or is in transit), the off years send nothing, and slot
 * 0 holds the same bits as the full result's last gemeente. */
static void test_routes_that_start_and_stop(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 8);
    assert_non_null(s);
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    for (int g = 1; g < G; g++) {
        jz_cell *c = &s->cells[(size_t)g * (size_t)Z];
        c[1].ageing_to = 0; /* the ageing destination before a route (2), */
        for (int y = 0; y < H; y++) {
            c[0].transition[(size_t)y * (size_t)Z + 2] = y < 2 ? 0.0 : 0.06; /* starts in year 2 */
            c[2].transition[(size_t)y * (size_t)Z + 1] = y < 3 ? 0.02 : 0.0; /* stops after year 2 */
            c[1].transition[(size_t)y * (size_t)Z + 0] = -0.0;               /* exactly 0 */
            c[0].transition[(size_t)y * (size_t)Z + 3] = 0.01; /* and on it (3 = ageing_to) */
        }
    }
    jz_workspace *w = jz_workspace_alloc(s), *v = jz_workspace_alloc(s);
    jz_result *full = jz_result_alloc(s), *roll = jz_result_alloc_rolling(s);
    assert_true(w && v && full && roll);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, full, &err), JZ_OK);
    for (int g = 0; g < G; g++) {
        double out = 0.0, in = 0.0;
        for (int y = 0; y < H; y++)
            for (int z = 0; z < Z; z++) {
                out += full->uit_transfer[jz_result_cz(full, g, z, y)];
                in += full->instroom_transfer[jz_result_cz(full, g, z, y)];
            }
        in += full->g_in_transit[jz_result_gy(full, g, H - 1)];
        if (fabs(out - in) > 1e-10 * out)
            fail_msg("gemeente %d: %.17g left to other zorgsoorten, %.17g arrived or in transit", g, out, in);
    }
    for (int y = 0; y < H; y++) {
        double sent = full->uit_to[jz_result_to(full, 1, 0, y, 2)];
        assert_true(y < 2 ? sent == 0.0 : sent > 0.0);
        sent = full->uit_to[jz_result_to(full, 1, 2, y, 1)];
        assert_true(y < 3 ? sent > 0.0 : sent == 0.0);
    }
    jz_workspace_set_rolling(v, 1, 0);
    assert_int_equal(jz_model_run(s, v, roll, &err), JZ_OK);
    size_t cz = (size_t)Z * (size_t)H * sizeof(double);
#define SAME_SCRATCH_(field, kind) \
    assert_memory_equal(full->field + jz_result_cz(full, G - 1, 0, 0), roll->field + jz_result_cz(roll, 0, 0, 0), cz);
    JZ_RESULT_CZ_FIELDS(SAME_SCRATCH_)
#undef SAME_SCRATCH_
    jz_result_free(full);
    jz_result_free(roll);
    jz_workspace_free(w);
    jz_workspace_free(v);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scan_finds_every_fault),
        cmocka_unit_test(test_vouched_gemeente_is_not_checked),
        cmocka_unit_test(test_figures_totals_same_bits),
        cmocka_unit_test(test_rolling_result_same_bits),
        cmocka_unit_test(test_rolling_overflow_message),
        cmocka_unit_test(test_routes_that_start_and_stop),
        cmocka_unit_test(test_volume_cache_same_bits),
        cmocka_unit_test(test_volume_cache_covers_the_flows),
        cmocka_unit_test(test_mc_checks_drawn_gemeenten),
        cmocka_unit_test(test_mc_bits_for_any_thread_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
