/*
 * test_layout.c - the generated field lists (CONTRIBUTING.md): every array
 * of a result and of a scenario lies in its own block, a copy of a scenario
 * never shares memory with the original, and the effect table is complete.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/measures.h"
#include "scenario/build.h"

static int inside(const double *p, const double *block, size_t len)
{
    return p >= block && p < block + len;
}

static void test_result_arrays_tile_the_block(void **state)
{
    (void)state;
    jz_scenario *s = jz_scenario_new(3, 4, 5, 2024);
    assert_non_null(s);
    jz_result *r = jz_result_alloc(s);
    assert_non_null(r);
    size_t ncz = 4 * 4 * 5, ngy = 4 * 5, seen = 0;
    /* each listed array starts inside the block and the arrays do not overlap:
     * their lengths add up to the block exactly */
#define CZ_(field, kind) assert_true(inside(r->field, r->block, r->block_len)); seen += ncz;
#define GY_(field, kind) assert_true(inside(r->field, r->block, r->block_len)); seen += ngy;
    JZ_RESULT_CZ_FIELDS(CZ_)
    JZ_RESULT_GY_FIELDS(GY_)
#undef CZ_
#undef GY_
    assert_true(inside(r->uit_to, r->block, r->block_len));
    seen += ncz * 4;
    assert_int_equal(seen, r->block_len);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_copy_never_aliases(void **state)
{
    (void)state;
    jz_scenario *s = jz_scenario_new(2, 3, 4, 2024);
    assert_non_null(s);
    for (size_t i = 0; i < s->block_len; i++)
        s->block[i] = (double)i;
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(c->block_len, s->block_len);
    assert_memory_equal(c->block, s->block, s->block_len * sizeof(double));
    for (int k = 0; k < 2 * 3; k++) {
        const jz_cell *o = &s->cells[k], *d = &c->cells[k];
#define SER_(field, width, extend) \
        assert_true(inside(d->field, c->block, c->block_len)); \
        assert_false(inside(d->field, s->block, s->block_len)); \
        assert_int_equal(d->field - c->block, o->field - s->block);
        JZ_CELL_SERIES(SER_)
#undef SER_
        assert_true(d->start == o->start && d->reentry_delay == o->reentry_delay &&
                    d->ageing_to == o->ageing_to);
    }
    for (int g = 0; g < 2; g++) {
        assert_true(inside(c->gemeenten[g].rijksbijdrage, c->block, c->block_len));
        for (int p = 0; p < JZ_POP_GROUPS; p++)
            assert_true(inside(c->gemeenten[g].population[p], c->block, c->block_len));
    }
    assert_true(inside(c->tariff_index, c->block, c->block_len));
    assert_true(inside(c->budget_index, c->block, c->block_len));
    assert_true(inside(c->tariff_correction, c->block, c->block_len));
    /* writing the copy leaves the original alone */
    c->cells[5].transition[11] = -1.0;
    c->cells[0].instroom[0] = -1.0;
    assert_true(s->cells[5].transition[11] >= 0.0 && s->cells[0].instroom[0] >= 0.0);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

static void test_effect_table(void **state)
{
    (void)state;
    /* every effect has a name, and the application order is a permutation */
#define ORD_(id, yaml, uses, needs, order) order,
    int order[JZ_EFFECT_N] = {JZ_EFFECTS(ORD_)};
#undef ORD_
    int seen[JZ_EFFECT_N] = {0};
    for (int e = 0; e < JZ_EFFECT_N; e++) {
        assert_true(order[e] >= 0 && order[e] < JZ_EFFECT_N);
        seen[order[e]]++;
        assert_true(strlen(jz_effect_name(e)) > 0);
    }
    for (int p = 0; p < JZ_EFFECT_N; p++)
        assert_int_equal(seen[p], 1);
    assert_string_equal(jz_effect_name(JZ_EFFECT_INSTROOM), "instroom");
    assert_string_equal(jz_effect_name(JZ_EFFECT_LUMPSUM), "lumpsum");
}

/* jz_scenario_extend: the first years project bit for bit as the original,
 * the added years hold the last inputs (one-off corrections are 0 there). */
static void test_extend_keeps_the_budget_years(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/measures/ten.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    int H = s->meta.horizon, H2 = H + 7;
    jz_scenario *x = jz_scenario_extend(s, H2);
    assert_non_null(x);
    assert_null(jz_scenario_extend(s, H - 1));
    assert_int_equal(x->meta.horizon, H2);
    assert_int_equal(x->n_measures, s->n_measures);
    s->tariff_correction[H - 1] = 0.02; /* a one-off in the last year: not repeated */
    jz_scenario *x2 = jz_scenario_extend(s, H2);
    assert_true(x2->tariff_correction[H - 1] == 0.02 && x2->tariff_correction[H] == 0.0);
    s->tariff_correction[H - 1] = x->tariff_correction[H - 1];
    assert_true(x->cells[3].zorgduur[H2 - 1] == s->cells[3].zorgduur[H - 1]);
    jz_result *r = jz_result_alloc(s), *rx = jz_result_alloc(x);
    jz_workspace *w = jz_workspace_alloc(s), *wx = jz_workspace_alloc(x);
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_OK);
    assert_int_equal(jz_model_run(x, wx, rx, &err), JZ_OK);
    for (int g = 0; g <= s->n_gemeenten; g++)
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_gy(r, g, y), j = jz_result_gy(rx, g, y);
            assert_true(r->g_cost[i] == rx->g_cost[j]);
            assert_true(r->g_tekort[i] == rx->g_tekort[j]);
            assert_true(r->g_measure_saving[i] == rx->g_measure_saving[j]);
            for (int z = 0; z < s->n_zorgsoorten; z++)
                assert_true(r->end[jz_result_cz(r, g, z, y)] == rx->end[jz_result_cz(rx, g, z, y)]);
        }
    jz_result_free(r);
    jz_result_free(rx);
    jz_workspace_free(w);
    jz_workspace_free(wx);
    jz_scenario_free(x2);
    jz_scenario_free(x);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_result_arrays_tile_the_block),
        cmocka_unit_test(test_copy_never_aliases),
        cmocka_unit_test(test_effect_table),
        cmocka_unit_test(test_extend_keeps_the_budget_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
