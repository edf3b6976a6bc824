/*
 * test_model_run.c - jz_model_run as a function:
 *   - deterministic: two runs are bit-identical, also when the workspace
 *     and result were used for another scenario in between;
 *   - re-entrant: runs on several threads at once (each with its own
 *     workspace and result) equal the serial run bit for bit;
 *   - bad input: dimension mismatches, NaN and impossible values give
 *     JZ_EINPUT with a message naming gemeente, zorgsoort and year.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/model.h"
#include "model_support.h"
#include "scenario/build.h"

static void run_ok(const jz_scenario *s, jz_workspace *w, jz_result *r)
{
    jz_error err;
    int rc = jz_model_run(s, w, r, &err);
    if (rc != JZ_OK)
        fail_msg("run failed (%d): %s", rc, err.message);
    assert_int_equal(err.status, JZ_OK);
}

static void test_deterministic(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(5, 10);
    jz_scenario *t = jzm_rich_scenario(5, 10);
    assert_non_null(s);
    assert_non_null(t);
    /* same dimensions, different numbers and delays */
    for (int c = 0; c < 5 * JZM_RICH_Z; c++) {
        jz_fill(t->cells[c].zorgduur, 10, 3.0 + c);
        t->cells[c].reentry_delay = 1 + c % 24;
    }
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r1 = jz_result_alloc(s), *r2 = jz_result_alloc(s);
    assert_non_null(w);
    assert_non_null(r1);
    assert_non_null(r2);
    run_ok(s, w, r1);
    run_ok(s, w, r2);
    assert_int_equal(r1->block_len, r2->block_len);
    assert_memory_equal(r1->block, r2->block, r1->block_len * sizeof(double));
    /* reuse after another scenario: no state leaks between runs */
    run_ok(t, w, r2);
    assert_memory_not_equal(r1->block, r2->block, r1->block_len * sizeof(double));
    run_ok(s, w, r2);
    assert_memory_equal(r1->block, r2->block, r1->block_len * sizeof(double));
    /* and a copy of the scenario gives the same numbers */
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    run_ok(c, w, r2);
    assert_memory_equal(r1->block, r2->block, r1->block_len * sizeof(double));
    jz_scenario_free(c);
    jz_result_free(r1);
    jz_result_free(r2);
    jz_workspace_free(w);
    jz_scenario_free(s);
    jz_scenario_free(t);
}

enum { THREADS = 4, THREAD_RUNS = 5 };

typedef struct job {
    const jz_scenario *s;
    jz_result *r;
    int rc;
} job;

static void *worker(void *arg)
{
    job *j = arg;
    jz_workspace *w = jz_workspace_alloc(j->s);
    j->rc = w ? JZ_OK : JZ_ENOMEM;
    for (int i = 0; i < THREAD_RUNS && j->rc == JZ_OK; i++) {
        jz_error err;
        j->rc = jz_model_run(j->s, w, j->r, &err);
    }
    jz_workspace_free(w);
    return NULL;
}

static void test_threads_equal_serial(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(6, 12);
    assert_non_null(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *serial = jz_result_alloc(s);
    assert_non_null(w);
    assert_non_null(serial);
    run_ok(s, w, serial);

    pthread_t th[THREADS];
    job jobs[THREADS];
    for (int i = 0; i < THREADS; i++) {
        jobs[i].s = s;
        jobs[i].r = jz_result_alloc(s);
        jobs[i].rc = -1;
        assert_non_null(jobs[i].r);
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        assert_int_equal(jobs[i].rc, JZ_OK);
        assert_memory_equal(jobs[i].r->block, serial->block, serial->block_len * sizeof(double));
        jz_result_free(jobs[i].r);
    }
    jz_result_free(serial);
    jz_workspace_free(w);
    jz_scenario_free(s);
}

static void test_dimension_mismatch(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(2, 5);
    jz_scenario *other = jzm_rich_scenario(3, 5);
    jz_scenario *longer = jzm_rich_scenario(2, 6);
    assert_non_null(s);
    assert_non_null(other);
    assert_non_null(longer);
    jz_workspace *w = jz_workspace_alloc(s), *wo = jz_workspace_alloc(other);
    jz_result *r = jz_result_alloc(s), *rl = jz_result_alloc(longer);
    assert_non_null(w);
    assert_non_null(wo);
    assert_non_null(r);
    assert_non_null(rl);
    jz_error err;
    assert_int_equal(jz_model_run(s, wo, r, &err), JZ_EINPUT);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.message, "workspace"));
    assert_int_equal(jz_model_run(s, w, rl, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "result"));
    assert_int_equal(jz_model_run(s, NULL, r, &err), JZ_EINPUT);
    assert_int_equal(jz_model_run(NULL, w, r, &err), JZ_EINPUT);
    assert_int_equal(jz_model_run(s, w, NULL, &err), JZ_EINPUT);
    assert_int_equal(jz_model_run(s, w, r, NULL), JZ_OK); /* err may be NULL */
    assert_int_equal(jz_model_run(s, wo, r, NULL), JZ_EINPUT);
    /* a different step count is a different dimension of the workspace */
    s->meta.steps_per_year = 4;
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
    s->meta.steps_per_year = 12;
    assert_null(jz_result_alloc(NULL));
    assert_null(jz_workspace_alloc(NULL));
    jz_result_free(NULL);
    jz_workspace_free(NULL);
    jz_result_free(r);
    jz_result_free(rl);
    jz_workspace_free(w);
    jz_workspace_free(wo);
    jz_scenario_free(s);
    jz_scenario_free(other);
    jz_scenario_free(longer);
}

/* A run of s in a workspace and result of its own; its status. */
static int run_alone(const jz_scenario *s, jz_error *err)
{
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    assert_non_null(w);
    assert_non_null(r);
    int rc = jz_model_run(s, w, r, err);
    jz_result_free(r);
    jz_workspace_free(w);
    return rc;
}

/* Run a fresh rich scenario after `spoil` changed one number; expect
 * JZ_EINPUT and every string of `want` in the message. */
typedef void (*spoiler)(jz_scenario *s);

static void expect_einput(spoiler spoil, const char *const *want)
{
    jz_scenario *s = jzm_rich_scenario(3, 6);
    assert_non_null(s);
    spoil(s);
    jz_error err;
    int rc = run_alone(s, &err);
    if (rc != JZ_EINPUT)
        fail_msg("expected JZ_EINPUT, got %d (%s)", rc, err.message);
    assert_int_equal(err.status, JZ_EINPUT);
    for (int i = 0; want[i]; i++)
        if (!strstr(err.message, want[i]))
            fail_msg("message \"%s\" lacks \"%s\"", err.message, want[i]);
    jz_scenario_free(s);
}

/* cell (g=1, z=2) is zorgsoort "z2" of gemeente GM0001; year index 3 = 2027 */
#define CELL(s) (&(s)->cells[1 * JZM_RICH_Z + 2])

static void nan_zorgduur(jz_scenario *s) { CELL(s)->zorgduur[3] = NAN; }
static void zero_zorgduur(jz_scenario *s) { CELL(s)->zorgduur[3] = 0.0; }
static void tiny_zorgduur(jz_scenario *s) { CELL(s)->zorgduur[3] = 1e-310; }
static void nan_instroom(jz_scenario *s) { CELL(s)->instroom[3] = NAN; }
static void neg_instroom(jz_scenario *s) { CELL(s)->instroom[3] = -1.0; }
static void inf_cost(jz_scenario *s) { CELL(s)->cost[3] = INFINITY; }
static void nan_transition(jz_scenario *s) { CELL(s)->transition[3 * JZM_RICH_Z + 1] = NAN; }
static void over_one(jz_scenario *s) { CELL(s)->transition[3 * JZM_RICH_Z + 1] = 0.99; }
static void ageing_one(jz_scenario *s) { CELL(s)->ageing_rate[3] = 1.0; }
static void nan_trend(jz_scenario *s) { CELL(s)->instroom_trend[3] = NAN; }
static void nan_tariff(jz_scenario *s) { CELL(s)->tariff_index[3] = NAN; }
static void nan_budget(jz_scenario *s) { CELL(s)->budget_price[3] = NAN; CELL(s)->has_budget = 1; }
static void nan_population(jz_scenario *s)
{
    s->gemeenten[1].population[JZ_POP_YOUTH][3] = NAN; /* used by z0 (per 1,000) */
}
static void neg_start(jz_scenario *s) { CELL(s)->start = -5.0; }
static void bad_reentry_to(jz_scenario *s) { CELL(s)->reentry_to = JZM_RICH_Z; }
static void bad_ageing_to(jz_scenario *s) { CELL(s)->ageing_to = -2; }
static void bad_delay(jz_scenario *s) { CELL(s)->reentry_delay = 0; }
static void bad_stages(jz_scenario *s) { s->zorgsoorten[2].stages = JZ_STAGES_MAX + 1; }
static void nan_budget_index(jz_scenario *s) { s->budget_index[3] = NAN; }
static void nan_rijks(jz_scenario *s) { s->gemeenten[1].has_rijksbijdrage = 1; s->gemeenten[1].rijksbijdrage[3] = NAN; }
static void nan_fixed(jz_scenario *s) { s->gemeenten[1].fixed[0].amount[3] = NAN; }

static void test_bad_input(void **state)
{
    (void)state;
    /* named as the loader and its warnings name them (jz_gemeente_what,
     * jz_zorgsoort_what), not "gemeente GM0001 (...), zorgsoort z2" */
    const char *cell_year[] = {"gemeenten[GM0001] (gemeente 1), zorgsoorten[z2] (zorgsoort 2), year 2027: ", NULL};
    const char *cell[] = {"gemeenten[GM0001] (gemeente 1), zorgsoorten[z2] (zorgsoort 2): ", NULL};
    const char *gem_year[] = {"gemeenten[GM0001] (gemeente 1), year 2027: ", NULL};
    const char *year[] = {"2027", NULL};
    const char *stages[] = {"zorgsoorten[z2] (zorgsoort 2): stages", NULL};
    const char *pop[] = {"gemeenten[GM0001] (gemeente 1), zorgsoorten[z0] (zorgsoort 0), year 2027", "population", NULL};
    spoiler cy[] = {nan_zorgduur, zero_zorgduur, tiny_zorgduur, nan_instroom,
                    neg_instroom, inf_cost, nan_transition, over_one, ageing_one,
                    nan_trend, nan_tariff, nan_budget};
    for (size_t i = 0; i < sizeof cy / sizeof cy[0]; i++)
        expect_einput(cy[i], cell_year);
    expect_einput(nan_population, pop);
    expect_einput(neg_start, cell);
    expect_einput(bad_reentry_to, cell);
    expect_einput(bad_ageing_to, cell);
    expect_einput(bad_delay, cell);
    expect_einput(bad_stages, stages);
    expect_einput(nan_budget_index, year);
    expect_einput(nan_rijks, gem_year);
    expect_einput(nan_fixed, gem_year);
}

/* The check scans a cell's arrays several values at a time, with a
 * remainder when the horizon is odd, and sums the fractions of several
 * years at once: a bad value in any year of a horizon of either parity
 * must be found and named in that year. */
static void expect_year(int H, int y, int which)
{
    jz_scenario *s = jzm_rich_scenario(3, H);
    assert_non_null(s);
    jz_cell *c = CELL(s);
    if (which == 0)
        c->zorgduur[y] = NAN;
    else if (which == 1)
        c->ageing_transfer[y] = 1.5;
    else
        c->transition[(size_t)y * JZM_RICH_Z + 1] = 0.99;
    jz_error err;
    int rc = run_alone(s, &err);
    if (rc != JZ_EINPUT)
        fail_msg("horizon %d, year index %d, value %d: expected JZ_EINPUT, got %d", H, y, which, rc);
    char year[32];
    snprintf(year, sizeof year, "year %d", s->meta.base_year + y);
    if (!strstr(err.message, year) || !strstr(err.message, "zorgsoorten[z2] (zorgsoort 2)"))
        fail_msg("message \"%s\" lacks \"%s\"", err.message, year);
    jz_scenario_free(s);
}

static void test_bad_input_every_year(void **state)
{
    (void)state;
    for (int H = 5; H <= 9; H++)
        for (int y = 0; y < H; y++)
            for (int which = 0; which < 3; which++)
                expect_year(H, y, which);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_threads_equal_serial),
        cmocka_unit_test(test_dimension_mismatch),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_bad_input_every_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
