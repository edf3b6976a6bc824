/*
 * test_drawcheck.c - a Monte Carlo draw written by jz_unc_writer and
 * checked only where it wrote (engine/analysis/unc_writer.c, issue 17):
 *   - the writer leaves a copy with the same bits as jz_unc_apply, draw
 *     after draw, for every kind of target (cell series, transitions with
 *     a stride, a product tariff x units with two factors, a global default
 *     followed into the cells, a population, fixed cost lines, external
 *     shifts, starts, the rijksbijdrage), also when the arrays no draw
 *     writes are shared with base (jz_unc_writer_share), and in a copy
 *     that holds only what a draw writes (jz_unc_writer_copy);
 *   - written in parts, gemeente g's values by its own part only (the
 *     Monte Carlo writes them just before the lanes project g:
 *     jz_model_run_lanes_each), with the same bits, checks and results;
 *   - the writer vouches for a gemeente exactly when jz_model_check_gemeente
 *     passes on the draw: never for one that fails (a value out of its
 *     range, transitions plus re-entry above 1), always for one that passes;
 *   - a Monte Carlo whose draws break a rule stops with the error a run of
 *     that draw with every check gives (the lowest failing draw), the same
 *     for 1 and 2 threads and one draw at a time: one case per rule kind
 *     (a value's range; the sum of transitions and re-entry), and one where
 *     a later draw of the group fails in an earlier gemeente.
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

/* Three gemeenten and every kind of place a drawn value can reach.  The
 * transitions of a in GM0002 with its re-entry can pass 100%. */
static const char *RICH =
    "meta: {name: Rijk, base_year: 2024, horizon: 4}\n"
    "indexation:\n"
    "  tariff: {dist: triangular, low: 1%, mode: 3%, high: 6%}\n"
    "  budget: {dist: uniform, low: 1%, high: 4%}\n"
    "zorgsoorten:\n"
    "  - key: a\n"
    "    start: {dist: uniform, low: 50, high: 90}\n"
    "    instroom: {per_1000: {dist: pert, low: 30, mode: 40, high: 50}}\n"
    "    zorgduur: {dist: normal, mean: 10, sd: 1, low: 7, high: 13}\n"
    "    cost: {tariff: {dist: lognormal, median: 95, sd_log: 0.05}, units_per_year: {dist: uniform, low: 80, high: 100}}\n"
    "    transitions: {b: {dist: uniform, low: 10%, high: 30%}}\n"
    "    reentry: {fraction: {dist: uniform, low: 10%, high: 30%}, delay_months: 6}\n"
    "    ageing: {rate: {dist: uniform, low: 5%, high: 15%}, to: c, fraction: {dist: uniform, low: 40%, high: 60%}}\n"
    "  - {key: b, instroom: 20, zorgduur: {value: 8, low: 6, high: 10}, cost: 2k}\n"
    "  - {key: c, instroom: 5, zorgduur: 12, cost: {dist: uniform, low: 3k, high: 4k}, intensity_trend: {dist: uniform, low: 0%, high: 2%}}\n"
    "gemeenten:\n"
    "  - code: GM0001\n"
    "    name: Een\n"
    "    population: {youth: {dist: uniform, low: 9000, high: 11000}}\n"
    "    rijksbijdrage: {dist: uniform, low: 1M, high: 2M}\n"
    "    fixed_costs: [{name: wijk, amount: {dist: uniform, low: 100k, high: 200k}, indexation: {dist: uniform, low: 1%, high: 3%}}]\n"
    "  - code: GM0002\n"
    "    name: Twee\n"
    "    population: {youth: 8000}\n"
    "    zorg: {a: {transitions: {b: {dist: uniform, low: 40%, high: 80%}}}}\n"
    "    external_shifts: [{name: wpb, zorgsoort: c, client_years: {dist: uniform, low: 1, high: 3}}]\n"
    "  - {code: GM0003, name: Drie, population: {youth: 5000}}\n";

static jz_scenario *load(const char *y)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(y, strlen(y), "rijk.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* RICH with GM0002's drawn transition to b capped at 45%: with re-entry
 * <= 30% its fractions stay at most 75%, so no draw fails on their sum. */
static jz_scenario *load_rich_below_one(void)
{
    jz_scenario *s = load(RICH);
    int i = jz_unc_find(s, "gemeenten[GM0002].zorg.a.transitions.b");
    assert_true(i >= 0);
    s->uncertain[i].dist.high = 0.45;
    return s;
}

/* Every number of a and b that a draw can write is the same bits (through
 * the cells' pointers, so that shared arrays are compared too). */
static void assert_same_inputs(const jz_scenario *a, const jz_scenario *b)
{
    const size_t H = (size_t)a->meta.horizon;
    const size_t Z = (size_t)a->n_zorgsoorten;
    for (size_t c = 0; c < (size_t)a->n_gemeenten * Z; c++) {
        const jz_cell *x = &a->cells[c], *y = &b->cells[c];
        assert_memory_equal(&x->start, &y->start, sizeof x->start);
#define SAME_(field, width, extend) \
        assert_memory_equal(x->field, y->field, (size_t)(width) * H * sizeof(double));
        JZ_CELL_SERIES(SAME_)
#undef SAME_
    }
    for (int g = 0; g < a->n_gemeenten; g++) {
        const jz_gemeente *x = &a->gemeenten[g], *y = &b->gemeenten[g];
        for (int p = 0; p < JZ_POP_GROUPS; p++)
            assert_memory_equal(x->population[p], y->population[p], H * sizeof(double));
        assert_memory_equal(x->rijksbijdrage, y->rijksbijdrage, H * sizeof(double));
        for (int f = 0; f < x->n_fixed; f++)
            assert_memory_equal(x->fixed[f].amount, y->fixed[f].amount, 3 * H * sizeof(double));
        for (int e = 0; e < x->n_external; e++)
            assert_memory_equal(x->external[e].client_years, y->external[e].client_years, 3 * H * sizeof(double));
    }
    assert_memory_equal(a->budget_index, b->budget_index, H * sizeof(double));
    assert_memory_equal(a->tariff_index, b->tariff_index, H * sizeof(double));
}

static void test_writer_same_bits(void **state)
{
    (void)state;
    jz_scenario *s = load(RICH);
    assert_true(s->n_uncertain >= 15);
    jz_unc_writer *wr = jz_unc_writer_alloc(s, NULL);
    assert_non_null(wr);
    jz_scenario *old = jz_scenario_copy(s), *neu = jz_scenario_copy(s), *shared = jz_scenario_copy(s);
    assert_non_null(old);
    assert_non_null(neu);
    assert_non_null(shared);
    jz_unc_writer_share(wr, s, shared);
    /* b's instroom is never drawn: shared; a's zorgduur is */
    assert_ptr_equal(shared->cells[1].instroom, s->cells[1].instroom);
    assert_ptr_not_equal(shared->cells[0].zorgduur, s->cells[0].zorgduur);
    /* a copy that holds only what a draw writes: the same sharing, and its
     * block is the series outside the cells and the drawn ones */
    jz_scenario *owning = jz_unc_writer_copy(wr, s);
    assert_non_null(owning);
    assert_ptr_equal(owning->cells[1].instroom, s->cells[1].instroom);
    assert_true(owning->cells[0].zorgduur >= owning->block &&
                owning->cells[0].zorgduur < owning->block + owning->block_len);
    assert_true(owning->block_len < s->block_len / 2);
    assert_same_inputs(s, owning);
    jz_sampler *sp = jz_sampler_alloc(s, 7);
    assert_non_null(sp);
    double *x = calloc((size_t)s->n_uncertain, sizeof *x);
    unsigned char ok[3];
    for (long d = 0; d < 300; d++) {
        jz_sampler_draw(sp, d, x);
        jz_unc_apply(s, old, x);
        jz_unc_writer_apply(wr, s, neu, x, ok);
        jz_unc_writer_apply(wr, s, shared, x, NULL);
        jz_unc_writer_apply(wr, s, owning, x, NULL);
        assert_same_inputs(old, neu);
        assert_same_inputs(old, shared);
        assert_same_inputs(old, owning);
        assert_memory_equal(old->block, neu->block, old->block_len * sizeof *old->block);
    }
    /* the base itself is never written */
    jz_scenario *fresh = load(RICH);
    assert_same_inputs(s, fresh);
    jz_scenario_free(fresh);
    free(x);
    jz_sampler_free(sp);
    jz_scenario_free(old);
    jz_scenario_free(neu);
    jz_scenario_free(shared);
    jz_scenario_free(owning);
    jz_unc_writer_free(wr);
    jz_scenario_free(s);
}

/* An extra uncertain input made in code: a factor on the zorgduur of cell
 * (g, z), uniform in [low, high] with point 1 (a loader keeps a drawn
 * zorgduur above 0; a factor made in code need not). */
static void add_factor(jz_scenario *s, double *series, const char *path, double low, double high,
                       unsigned long long stream);

static void add_zorgduur_factor(jz_scenario *s, int g, int z, double low, double high)
{
    add_factor(s, s->cells[g * s->n_zorgsoorten + z].zorgduur, "factor.zorgduur", low, high, 12345);
}

/* The same for any series of s's block (H values from `series`). */
static void add_factor(jz_scenario *s, double *series, const char *path, double low, double high,
                       unsigned long long stream)
{
    jz_uncertain *nu = realloc(s->uncertain, (size_t)(s->n_uncertain + 1) * sizeof *nu);
    assert_non_null(nu);
    s->uncertain = nu;
    jz_uncertain *u = &nu[s->n_uncertain++];
    memset(u, 0, sizeof *u);
    u->path = strdup(path);
    u->file = strdup("");
    u->targets = calloc(1, sizeof *u->targets);
    assert_non_null(u->path);
    assert_non_null(u->targets);
    snprintf(u->unit, sizeof u->unit, "factor");
    u->dist.kind = JZ_DIST_UNIFORM;
    u->dist.point = 1.0;
    u->dist.low = u->range_low = u->search_low = low;
    u->dist.high = u->range_high = u->search_high = high;
    u->stream = stream;
    u->n_targets = 1;
    u->targets[0].kind = JZ_TGT_BLOCK;
    u->targets[0].op = JZ_TGT_SCALE;
    u->targets[0].offset = (size_t)(series - s->block);
    u->targets[0].first = JZ_UNC_REALISED; /* the projected years, as the loader's targets */
    u->targets[0].n = s->meta.horizon - JZ_UNC_REALISED;
    u->targets[0].stride = 1;
}

/* The probe of the Monte Carlo: the gemeenten no uncertain input reaches
 * in a way the checks see. */
static unsigned char *probe_vouched(const jz_scenario *s)
{
    unsigned char *v = calloc((size_t)s->n_gemeenten, 1);
    jz_scenario *probe = jz_scenario_copy(s);
    assert_non_null(v);
    assert_non_null(probe);
    for (int i = 0; i < s->n_uncertain; i++)
        jz_unc_set(s, probe, i, NAN);
    for (int g = 0; g < s->n_gemeenten; g++) {
        jz_error e;
        v[g] = jz_model_check_gemeente(probe, g, &e) == JZ_OK;
    }
    jz_scenario_free(probe);
    return v;
}

/* RICH with a factor on GM0003's zorgduur that some draws make negative:
 * draws fail on the zorgduur range (GM0003) and on the fraction sum (GM0002). */
static jz_scenario *load_rich_faulty(void)
{
    jz_scenario *s = load(RICH);
    add_zorgduur_factor(s, 2, 1, -0.5, 1.5);
    return s;
}

/* A writer over scenario s (which the rig owns) with the gemeenten the
 * probe vouches for, a copy it writes draws into, and a sampler: what the
 * tests comparing the writer's verdict with the full check start from. */
typedef struct {
    jz_scenario *s, *copy;
    unsigned char *vouched;
    jz_unc_writer *wr;
    jz_sampler *sp;
    double *x; /* one draw of the uncertain inputs */
} rig;

static void rig_open(rig *r, jz_scenario *s, unsigned long seed)
{
    r->s = s;
    r->vouched = probe_vouched(s);
    r->wr = jz_unc_writer_alloc(s, r->vouched);
    assert_non_null(r->wr);
    r->copy = jz_scenario_copy(s);
    assert_non_null(r->copy);
    jz_unc_writer_share(r->wr, s, r->copy);
    r->sp = jz_sampler_alloc(s, seed);
    r->x = calloc((size_t)s->n_uncertain, sizeof *r->x);
    assert_non_null(r->sp);
    assert_non_null(r->x);
}

static void rig_close(rig *r)
{
    free(r->x);
    free(r->vouched);
    jz_sampler_free(r->sp);
    jz_scenario_free(r->copy);
    jz_unc_writer_free(r->wr);
    jz_scenario_free(r->s);
}

/* The writer vouches for gemeente g of a draw exactly when the full check
 * of g passes: a draw never skips a rule, and a valid one skips the whole
 * check.  Both kinds of fault occur in the draws below (GM0002's
 * transitions and re-entry above 1; GM0003's zorgduur below 0). */
static void test_writer_vouches_exactly(void **state)
{
    (void)state;
    rig r;
    rig_open(&r, load_rich_faulty(), 3);
    jz_scenario *s = r.s, *copy = r.copy;
    double *x = r.x;
    unsigned char ok[3];
    int failed[3] = {0, 0, 0}, passed[3] = {0, 0, 0};
    for (long d = 0; d < 400; d++) {
        jz_sampler_draw(r.sp, d, x);
        jz_unc_writer_apply(r.wr, s, copy, x, ok);
        for (int g = 0; g < 3; g++) {
            jz_error e;
            int pass = jz_model_check_gemeente(copy, g, &e) == JZ_OK;
            if (pass != ok[g])
                fail_msg("draw %ld, gemeente %d: the full check says %d, the draw's checks %d (%s)", d, g,
                         pass, ok[g], pass ? "" : e.message);
            (pass ? passed : failed)[g]++;
        }
    }
    /* both kinds of fault were met, and valid draws of the same gemeenten */
    assert_int_equal(failed[0], 0);
    assert_true(failed[1] >= 10 && passed[1] >= 10); /* 20 of 400 */
    assert_true(failed[2] >= 10 && passed[2] >= 10); /* 86 of 400 */
    rig_close(&r);
}

/* The range check of a draw reads the extremes of the base's values times
 * the factors (unc_writer.c, range_times): with a negative factor the least
 * value comes from the greatest, and two factors on one series compose.
 * GM0001's instroom_trend (range -1 and up) is given values of both signs
 * and two factors that are negative in about half of the draws; the
 * writer's verdict must be the full check's in every draw, and both
 * verdicts must occur. */
static void test_writer_range_of_signed_factors(void **state)
{
    (void)state;
    jz_scenario *s = load(RICH);
    const int H = s->meta.horizon;
    double *trend = s->cells[0].instroom_trend;
    for (int y = 0; y < H; y++)
        trend[y] = y % 2 == 0 ? -0.05 : 0.2; /* a draw's product P of the factors fails below -5 or above 20 */
    add_factor(s, trend, "factor.trend.a", -6.0, 6.0, 777);
    add_factor(s, trend, "factor.trend.b", -8.0, 8.0, 778);
    rig r;
    rig_open(&r, s, 5);
    jz_scenario *copy = r.copy;
    double *x = r.x;
    unsigned char ok[3];
    int failed = 0, passed = 0, negative = 0;
    for (long d = 0; d < 400; d++) {
        jz_sampler_draw(r.sp, d, x);
        jz_unc_writer_apply(r.wr, s, copy, x, ok);
        jz_error e;
        int pass = jz_model_check_gemeente(copy, 0, &e) == JZ_OK;
        if (pass != ok[0])
            fail_msg("draw %ld: the full check says %d, the draw's checks %d", d, pass, ok[0]);
        if (pass)
            passed++;
        else
            failed++;
        /* a product of the two factors below 0 turns the series over: the
         * draws the test is about */
        negative += x[s->n_uncertain - 1] * x[s->n_uncertain - 2] < 0.0 && pass;
    }
    assert_true(failed >= 20 && passed >= 20);
    assert_true(negative >= 10);
    rig_close(&r);
}

/* The writer in parts (jz_unc_writer_apply_shared, then _gemeente for each
 * gemeente in order): gemeente g's values are written by its own part and
 * by no earlier one, and the parts together leave the same bits and the
 * same checks as jz_unc_writer_apply. */
static void test_writer_in_parts(void **state)
{
    (void)state;
    jz_scenario *s = load_rich_faulty();
    unsigned char *vouched = probe_vouched(s);
    jz_unc_writer *wr = jz_unc_writer_alloc(s, vouched);
    assert_non_null(wr);
    jz_scenario *whole = jz_scenario_copy(s), *parts = jz_scenario_copy(s);
    assert_non_null(whole);
    assert_non_null(parts);
    jz_unc_writer_share(wr, s, parts);
    jz_sampler *sp = jz_sampler_alloc(s, 5);
    double *x = calloc((size_t)s->n_uncertain, sizeof *x);
    assert_non_null(sp);
    assert_non_null(x);
    const size_t H = (size_t)s->meta.horizon;
    unsigned char ok_whole[3], ok_parts[3];
    int failed = 0;
    for (long d = 0; d < 200; d++) {
        jz_sampler_draw(sp, d, x);
        jz_unc_writer_apply(wr, s, whole, x, ok_whole);
        jz_unc_writer_apply_shared(wr, s, parts, x, ok_parts);
        /* what every gemeente reads is there before the first gemeente */
        assert_memory_equal(whole->budget_index, parts->budget_index, H * sizeof(double));
        assert_memory_equal(whole->gemeenten[0].population[0], parts->gemeenten[0].population[0],
                            H * sizeof(double));
        for (int g = 0; g < s->n_gemeenten; g++) {
            /* a's zorgduur is drawn in every gemeente: still the last
             * draw's until g's part (the draws differ) */
            const jz_cell *cw = &whole->cells[g * s->n_zorgsoorten], *cp = &parts->cells[g * s->n_zorgsoorten];
            if (d > 0)
                assert_memory_not_equal(cw->zorgduur, cp->zorgduur, H * sizeof(double));
            jz_unc_writer_apply_gemeente(wr, s, parts, x, ok_parts, g);
            assert_memory_equal(cw->zorgduur, cp->zorgduur, H * sizeof(double));
            assert_memory_equal(&cw->start, &cp->start, sizeof cw->start);
            assert_int_equal(ok_whole[g], ok_parts[g]);
        }
        assert_same_inputs(whole, parts);
        failed += !ok_whole[1] + !ok_whole[2];
    }
    assert_true(failed >= 10); /* the checks were exercised, not only passed */
    free(x);
    free(vouched);
    jz_sampler_free(sp);
    jz_scenario_free(whole);
    jz_scenario_free(parts);
    jz_unc_writer_free(wr);
    jz_scenario_free(s);
}

/* Two targets that reach the same values through places of a different
 * shape (a factor on years 2.. of a zorgduur that is drawn in years 1..):
 * the writer falls back on jz_unc_apply, which its shared part does whole
 * (the gemeente parts have nothing left), into a full copy; the Monte
 * Carlo with lanes gives the bits of one draw at a time. */
static void test_writer_falls_back_whole(void **state)
{
    (void)state;
    jz_scenario *s = load_rich_below_one();
    add_zorgduur_factor(s, 1, 0, 0.8, 1.2);
    jz_unc_target *t = &s->uncertain[s->n_uncertain - 1].targets[0];
    t->offset += 1; /* years 2 .. H-1 of a's zorgduur in GM0002 */
    t->n -= 1;
    jz_unc_writer *wr = jz_unc_writer_alloc(s, NULL);
    jz_scenario *copy = wr ? jz_unc_writer_copy(wr, s) : NULL, *old = jz_scenario_copy(s);
    jz_sampler *sp = jz_sampler_alloc(s, 4);
    double *x = calloc((size_t)s->n_uncertain, sizeof *x);
    assert_true(wr && copy && old && sp && x);
    assert_int_equal(copy->block_len, s->block_len); /* a full copy */
    for (long d = 0; d < 50; d++) {
        jz_sampler_draw(sp, d, x);
        jz_unc_apply(s, old, x);
        jz_unc_writer_apply_shared(wr, s, copy, x, NULL);
        assert_same_inputs(old, copy);
        for (int g = 0; g < s->n_gemeenten; g++)
            jz_unc_writer_apply_gemeente(wr, s, copy, x, NULL, g);
        assert_same_inputs(old, copy);
    }
    jz_mc_result *r[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        jz_mc_options o;
        jz_mc_options_default(&o);
        o.draws = 200;
        o.threads = 1;
        o.lanes = k;
        jz_error err;
        if (jz_mc_run(s, &o, &r[k], &err) != JZ_OK)
            fail_msg("%s", err.message);
    }
    for (int f = 0; f < r[0]->n_figures; f++)
        assert_memory_equal(&r[0]->stat[f], &r[1]->stat[f], sizeof r[0]->stat[f]);
    jz_mc_result_free(r[0]);
    jz_mc_result_free(r[1]);
    free(x);
    jz_sampler_free(sp);
    jz_scenario_free(old);
    jz_scenario_free(copy);
    jz_unc_writer_free(wr);
    jz_scenario_free(s);
}

/* jz_model_run_lanes_each and jz_model_run_each: the hook runs once per
 * gemeente, in order, and before the run reads the gemeente; lanes (and a
 * run) whose gemeenten are written only there give every double of
 * jz_model_run on the whole draw. */
typedef struct hook_ctx {
    const jz_unc_writer *wr;
    const jz_scenario *base;
    jz_scenario *copy[2];
    double *x[2];
    unsigned char *ok[2];
    int next; /* the gemeente expected next */
} hook_ctx;

static void hook_write(void *ctx, int g)
{
    hook_ctx *h = ctx;
    if (g != h->next)
        fail_msg("the hook was called for gemeente %d, expected %d", g, h->next);
    h->next++;
    for (int l = 0; l < 2; l++)
        jz_unc_writer_apply_gemeente(h->wr, h->base, h->copy[l], h->x[l], h->ok[l], g);
}

static void test_lanes_each_writes_in_time(void **state)
{
    (void)state;
    jz_scenario *s = load_rich_below_one(); /* every draw valid */
    unsigned char *vouched = probe_vouched(s);
    jz_unc_writer *wr = jz_unc_writer_alloc(s, vouched);
    jz_sampler *sp = jz_sampler_alloc(s, 9);
    jz_scenario *one = jz_scenario_copy(s);
    jz_workspace *w1 = jz_workspace_alloc(s);
    jz_result *r1 = jz_result_alloc(s);
    assert_true(wr && sp && one && w1 && r1);
    hook_ctx h = {.wr = wr, .base = s};
    jz_workspace *wl[2];
    jz_result *rl[2];
    unsigned char ok[2][3];
    for (int l = 0; l < 2; l++) {
        h.copy[l] = jz_unc_writer_copy(wr, s); /* as the Monte Carlo's lanes */
        h.x[l] = calloc((size_t)s->n_uncertain, sizeof(double));
        h.ok[l] = ok[l];
        wl[l] = jz_workspace_alloc(s);
        rl[l] = jz_result_alloc(s);
        assert_true(h.copy[l] && h.x[l] && wl[l] && rl[l]);
        jz_workspace_set_checked(wl[l], ok[l]);
    }
    for (long d = 0; d < 40; d += 2) {
        for (int l = 0; l < 2; l++) {
            jz_sampler_draw(sp, d + l, h.x[l]);
            jz_unc_writer_apply_shared(wr, s, h.copy[l], h.x[l], ok[l]);
        }
        h.next = 0;
        jz_error err;
        if (jz_model_run_lanes_each((const jz_scenario *const *)h.copy, wl, rl, 2, hook_write, &h, &err) != JZ_OK)
            fail_msg("draws %ld, %ld: %s", d, d + 1, err.message);
        assert_int_equal(h.next, s->n_gemeenten);
        for (int l = 0; l < 2; l++) {
            jz_unc_apply(s, one, h.x[l]);
            if (jz_model_run(one, w1, r1, &err) != JZ_OK)
                fail_msg("draw %ld: %s", d + l, err.message);
            assert_int_equal(r1->block_len, rl[l]->block_len);
            assert_memory_equal(r1->block, rl[l]->block, r1->block_len * sizeof(double));
        }
        /* one run (jz_model_run_each), lane 0's draw again, written just in
         * time after lane 1's draw went into its copy */
        jz_unc_writer_apply(wr, s, h.copy[0], h.x[1], NULL);
        jz_unc_writer_apply_shared(wr, s, h.copy[0], h.x[0], ok[0]);
        h.next = 0;
        double *x1 = h.x[1];
        h.x[1] = h.x[0]; /* the hook writes lane 0's draw into both copies */
        jz_scenario *c1 = h.copy[1];
        h.copy[1] = h.copy[0];
        if (jz_model_run_each(h.copy[0], wl[0], rl[0], hook_write, &h, &err) != JZ_OK)
            fail_msg("draw %ld alone: %s", d, err.message);
        h.x[1] = x1;
        h.copy[1] = c1;
        assert_int_equal(h.next, s->n_gemeenten);
        jz_unc_apply(s, one, h.x[0]);
        if (jz_model_run(one, w1, r1, &err) != JZ_OK)
            fail_msg("draw %ld: %s", d, err.message);
        assert_memory_equal(r1->block, rl[0]->block, r1->block_len * sizeof(double));
    }
    for (int l = 0; l < 2; l++) {
        jz_scenario_free(h.copy[l]);
        free(h.x[l]);
        jz_workspace_free(wl[l]);
        jz_result_free(rl[l]);
    }
    jz_result_free(r1);
    jz_workspace_free(w1);
    jz_scenario_free(one);
    jz_sampler_free(sp);
    jz_unc_writer_free(wr);
    free(vouched);
    jz_scenario_free(s);
}

/* The error of the first draw (in draw order) that a run with every check
 * rejects: what the Monte Carlo must report. */
static void first_rejected(const jz_scenario *s, unsigned long seed, char *msg, size_t size, long *draw)
{
    jz_scenario *copy = jz_scenario_copy(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    jz_sampler *sp = jz_sampler_alloc(s, seed);
    double *x = calloc((size_t)s->n_uncertain, sizeof *x);
    assert_true(copy && w && r && sp && x);
    *draw = -1;
    for (long d = 0; d < 1000 && *draw < 0; d++) {
        jz_sampler_draw(sp, d, x);
        jz_unc_apply(s, copy, x);
        jz_error err;
        if (jz_model_run(copy, w, r, &err) != JZ_OK) {
            *draw = d;
            snprintf(msg, size, "%s", err.message);
        }
    }
    free(x);
    jz_sampler_free(sp);
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(copy);
}

/* A Monte Carlo of s stops at the first rejected draw with its message, for
 * 1 and 2 threads, four draws side by side and one at a time. */
static void assert_mc_reports(const jz_scenario *s, const char *rule)
{
    char want[JZ_ERR_MSG_MAX], prefix[64];
    long d;
    first_rejected(s, 11, want, sizeof want, &d);
    assert_true(d >= 0);
    if (!strstr(want, rule))
        fail_msg("the first rejected draw (%ld) says '%s', not '%s'", d, want, rule);
    snprintf(prefix, sizeof prefix, "Monte Carlo draw %ld (seed 11)", d);
    for (int t = 1; t <= 2; t++)
        for (int lanes = 0; lanes <= 1; lanes++) {
            jz_mc_options o;
            jz_mc_options_default(&o);
            o.draws = 400;
            o.seed = 11;
            o.threads = t;
            o.lanes = lanes;
            jz_mc_result *r = NULL;
            jz_error err;
            assert_int_equal(jz_mc_run(s, &o, &r, &err), JZ_EINPUT);
            assert_null(r);
            if (!strstr(err.message, prefix) || !strstr(err.message, want))
                fail_msg("threads %d, lanes %d: '%s' lacks '%s' and '%s'", t, lanes, err.message, prefix, want);
        }
}

/* A value out of its range: a zorgduur factor that can go below 0 in the
 * third gemeente. */
static void test_mc_reports_a_value_out_of_range(void **state)
{
    (void)state;
    jz_scenario *s = load(RICH);
    /* GM0002's transitions stay below 1 here, so only the range can fail */
    add_zorgduur_factor(s, 2, 1, -0.5, 1.5);
    int i = jz_unc_find(s, "gemeenten[GM0002].zorg.a.transitions.b");
    assert_true(i >= 0);
    s->uncertain[i].dist.high = 0.45; /* with re-entry <= 30%: at most 75% */
    assert_mc_reports(s, "zorgduur must be a finite number > 0 months");
    jz_scenario_free(s);
}

/* Transitions plus re-entry above 1 in the second gemeente. */
static void test_mc_reports_fractions_above_one(void **state)
{
    (void)state;
    jz_scenario *s = load(RICH);
    assert_mc_reports(s, "transitions plus reentry add up to");
    jz_scenario_free(s);
}

/* Faults in two gemeenten: the first gemeente (a zorgduur factor that can
 * go below 0) and the second (transitions plus re-entry above 1).  With the
 * values of a gemeente written just before it is projected, a lane can stop
 * the group in the first gemeente while a lower draw fails only in the
 * second: the error is still that of the lowest failing draw. */
static void test_mc_reports_the_lowest_draw_across_gemeenten(void **state)
{
    (void)state;
    jz_scenario *s = load(RICH);
    add_zorgduur_factor(s, 0, 1, -0.3, 1.5);
    s->uncertain[s->n_uncertain - 1].stream = 1004; /* numbers that make the case below */
    char want[JZ_ERR_MSG_MAX];
    long d;
    first_rejected(s, 11, want, sizeof want, &d);
    /* the case this test is about: a draw of the same group (the
     * Monte Carlo's JZ_MODEL_RUNS_MAX draws of one run), after d, fails
     * in the first gemeente, and d does not */
    jz_sampler *sp = jz_sampler_alloc(s, 11);
    jz_scenario *copy = jz_scenario_copy(s);
    double *x = calloc((size_t)s->n_uncertain, sizeof *x);
    assert_true(sp && copy && x);
    int later_in_first = 0, d_in_first = 1;
    for (long e = d; e < (d / JZ_MODEL_RUNS_MAX + 1) * JZ_MODEL_RUNS_MAX; e++) {
        jz_sampler_draw(sp, e, x);
        jz_unc_apply(s, copy, x);
        jz_error err;
        int first_fails = jz_model_check_gemeente(copy, 0, &err) != JZ_OK;
        if (e == d)
            d_in_first = first_fails;
        else
            later_in_first |= first_fails;
    }
    if (d_in_first || !later_in_first)
        fail_msg("draw %ld: fails in the first gemeente %d, a later draw of its group %d: pick other bounds", d,
                 d_in_first, later_in_first);
    free(x);
    jz_scenario_free(copy);
    jz_sampler_free(sp);
    assert_mc_reports(s, "transitions plus reentry add up to");
    jz_scenario_free(s);
}

/* A valid Monte Carlo gives the same bits with one draw at a time (the
 * lanes) and with 1 and 2 threads: the writer and its checks change no
 * figure. */
static void test_mc_same_bits(void **state)
{
    (void)state;
    jz_scenario *s = load_rich_below_one();
    jz_mc_result *r[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++) {
        jz_mc_options o;
        jz_mc_options_default(&o);
        o.draws = 500;
        o.threads = k == 2 ? 2 : 1;
        o.lanes = k == 1 ? 1 : 0;
        jz_error err;
        if (jz_mc_run(s, &o, &r[k], &err) != JZ_OK)
            fail_msg("%s", err.message);
    }
    for (int k = 1; k < 3; k++)
        for (int f = 0; f < r[0]->n_figures; f++)
            assert_memory_equal(&r[0]->stat[f], &r[k]->stat[f], sizeof r[0]->stat[f]);
    for (int k = 0; k < 3; k++)
        jz_mc_result_free(r[k]);
    jz_scenario_free(s);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_writer_same_bits),
        cmocka_unit_test(test_writer_vouches_exactly),
        cmocka_unit_test(test_writer_range_of_signed_factors),
        cmocka_unit_test(test_writer_in_parts),
        cmocka_unit_test(test_writer_falls_back_whole),
        cmocka_unit_test(test_lanes_each_writes_in_time),
        cmocka_unit_test(test_mc_reports_a_value_out_of_range),
        cmocka_unit_test(test_mc_reports_fractions_above_one),
        cmocka_unit_test(test_mc_reports_the_lowest_draw_across_gemeenten),
        cmocka_unit_test(test_mc_same_bits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
