/*
 * test_model_money.c - prices, costs, budgets and external instroom:
 *   - cost = client_years x price exactly;
 *   - indexation compounds from the base year (index 0 never applied):
 *     tariff 10% for two years -> 1.21, times the intensity trend;
 *   - the budget price follows the budget index, not the tariff index;
 *   - per-1,000 instroom follows the population, trends compound;
 *   - fixed cost lines, rijksbijdrage, tekort and cost per client.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "jzsim/model.h"
#include "model_support.h"
#include "jztest.h"
#include "scenario/build.h"

static void test_cost_is_client_years_times_price(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 9);
    assert_non_null(s);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int g = 0; g < r->n_gemeenten; g++)
        for (int z = 0; z < r->n_zorgsoorten; z++)
            for (int y = 0; y < r->horizon; y++) {
                size_t i = jz_result_cz(r, g, z, y);
                assert_true(r->cost[i] == r->client_years[i] * r->price[i]);
                assert_true(r->budget[i] == r->budget_volume[i] * r->budget_price[i]);
                assert_true(r->tekort[i] == r->cost[i] - r->budget[i]);
                assert_true(r->cost_per_client[i] == r->cost[i] / r->unique[i]);
                assert_true(r->cost[i] > 0.0);
            }
    jzt_free_all(s, w, r);
}

static void test_indexation_compounds(void **state)
{
    (void)state;
    const int H = 4;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    jz_cell *c = &s->cells[0];
    c->start = 100.0;
    jz_fill(c->instroom, H, 100.0);
    jz_fill(c->cost, H, 10000.0);
    jz_fill(c->tariff_index, H, 0.10);
    /* the base year's index is never applied */
    c->tariff_index[0] = 0.5;
    c->intensity_trend[0] = 0.7;
    c->intensity_trend[3] = 0.05;
    c->has_budget = 1;
    jz_fill(c->budget_volume, H, 90.0);
    jz_fill(c->budget_price, H, 9000.0);
    jz_fill(s->budget_index, H, 0.02);
    s->budget_index[0] = 0.9;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    assert_true(r->price[0] == 10000.0);
    assert_true(jzm_close(r->price[1], 11000.0, 1e-15, 0));
    assert_true(jzm_close(r->price[2], 12100.0, 1e-15, 0)); /* 1.1^2 = 1.21 */
    assert_true(jzm_close(r->price[3], 10000.0 * 1.331 * 1.05, 1e-15, 0));
    /* budget: its own index, not the tariff */
    assert_true(r->budget_price[0] == 9000.0);
    assert_true(jzm_close(r->budget_price[2], 9000.0 * 1.02 * 1.02, 1e-15, 0));
    assert_true(jzm_close(r->budget[2], 90.0 * 9000.0 * 1.0404, 1e-15, 0));
    assert_true(r->budget_volume[2] == 90.0);
    assert_true(jzm_close(r->tekort[2], r->client_years[2] * 12100.0 - 90.0 * 9000.0 * 1.0404, 1e-14, 0));
    jzt_free_all(s, w, r);
}

static void test_no_budget_means_zero(void **state)
{
    (void)state;
    const int H = 2;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    s->cells[0].start = 10.0;
    jz_fill(s->cells[0].cost, H, 5000.0);
    jz_fill(s->cells[0].budget_volume, H, 99.0); /* ignored: has_budget = 0 */
    jz_fill(s->cells[0].budget_price, H, 99.0);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        assert_true(r->budget[y] == 0.0 && r->budget_volume[y] == 0.0 && r->budget_price[y] == 0.0);
        assert_true(r->tekort[y] == r->cost[y]);
    }
    jzt_free_all(s, w, r);
}

/* Two gemeenten, the second with twice the population: per-1,000 instroom
 * doubles, and since the model is linear so does every volume. */
static void test_per_1000_follows_population(void **state)
{
    (void)state;
    const int H = 5;
    jz_scenario *s = jz_scenario_new(2, 2, H, 2024);
    assert_non_null(s);
    s->zorgsoorten[1].population = JZ_POP_YOUNG_ADULT;
    for (int g = 0; g < 2; g++) {
        for (int y = 0; y < H; y++) {
            s->gemeenten[g].population[JZ_POP_YOUTH][y] = (g + 1) * (10000.0 + 500.0 * y);
            s->gemeenten[g].population[JZ_POP_YOUNG_ADULT][y] = (g + 1) * 3000.0;
        }
        for (int z = 0; z < 2; z++) {
            jz_cell *c = &s->cells[g * 2 + z];
            c->instroom_per_1000 = 1;
            jz_fill(c->instroom, H, z == 0 ? 12.0 : 4.0);
            jz_fill(c->zorgduur, H, 7.0);
        }
    }
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        size_t a = jz_result_cz(r, 0, 0, y), b = jz_result_cz(r, 1, 0, y);
        assert_true(jzm_close(r->instroom_ext[a], 12.0 * (10000.0 + 500.0 * y) / 1000.0, 1e-15, 0));
        assert_true(r->instroom_ext[b] == 2.0 * r->instroom_ext[a]);
        assert_true(jzm_close(r->end[b], 2.0 * r->end[a], 1e-14, 0));
        /* the young-adult zorgsoort uses its own population group */
        size_t a1 = jz_result_cz(r, 0, 1, y);
        assert_true(jzm_close(r->instroom_ext[a1], 4.0 * 3.0, 1e-15, 0));
    }
    jzt_free_all(s, w, r);
}

static void test_trend_compounds(void **state)
{
    (void)state;
    const int H = 5;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    jz_fill(s->cells[0].instroom, H, 200.0);
    jz_fill(s->cells[0].instroom_trend, H, 0.1);
    s->cells[0].instroom_trend[0] = 3.0; /* base year: not applied */
    s->cells[0].instroom_trend[4] = -0.5;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    assert_true(r->instroom_ext[0] == 200.0);
    assert_true(jzm_close(r->instroom_ext[1], 220.0, 1e-15, 0));
    assert_true(jzm_close(r->instroom_ext[2], 242.0, 1e-15, 0));
    assert_true(jzm_close(r->instroom_ext[3], 266.2, 1e-15, 0));
    assert_true(jzm_close(r->instroom_ext[4], 133.1, 1e-15, 0));
    jzt_free_all(s, w, r);
}

static void test_gemeente_lines(void **state)
{
    (void)state;
    const int H = 3, Z = 2;
    jz_scenario *s = jz_scenario_new(1, Z, H, 2024);
    assert_non_null(s);
    for (int z = 0; z < Z; z++) {
        jz_cell *c = &s->cells[z];
        c->start = 50.0 * (z + 1);
        jz_fill(c->instroom, H, 60.0);
        jz_fill(c->zorgduur, H, 8.0);
        jz_fill(c->cost, H, 20000.0 + 10000.0 * z);
        c->has_budget = 1;
        jz_fill(c->budget_volume, H, 40.0);
        jz_fill(c->budget_price, H, 21000.0);
    }
    s->cells[0].transition[0 * Z + 1] = 0.5; /* z0 -> z1: same person */
    s->cells[0].transition[1 * Z + 1] = 0.5;
    s->cells[0].transition[2 * Z + 1] = 0.5;
    /* add both lines first: adding a line may move the earlier ones */
    assert_non_null(jz_scenario_add_fixed(s, 0, "toegang"));
    assert_non_null(jz_scenario_add_fixed(s, 0, "project"));
    jz_fixed_cost *f1 = &s->gemeenten[0].fixed[0], *f2 = &s->gemeenten[0].fixed[1];
    jz_fill(f1->amount, H, 1.0e6);
    jz_fill(f1->indexation, H, 0.03);
    f1->indexation[0] = 0.4; /* not applied */
    jz_fill(f2->amount, H, 2.0e5);
    jz_fill(f2->budget, H, 1.5e5);
    f2->has_budget = 1;
    s->gemeenten[0].has_rijksbijdrage = 1;
    jz_fill(s->gemeenten[0].rijksbijdrage, H, 4.0e6);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_gy(r, 0, y);
        double f1c = 1.0e6 * pow(1.03, y);
        assert_true(jzm_close(r->g_fixed_cost[i], f1c + 2.0e5, 1e-14, 0));
        assert_true(jzm_close(r->g_fixed_budget[i], f1c + 1.5e5, 1e-14, 0));
        double care = 0.0, cb = 0.0, cy = 0.0, uniq = 0.0;
        for (int z = 0; z < Z; z++) {
            size_t c = jz_result_cz(r, 0, z, y);
            care += r->cost[c];
            cb += r->budget[c];
            cy += r->client_years[c];
            uniq += r->start[c] + r->instroom_ext[c] + r->instroom_reentry[c];
        }
        /* persons in transit on 1 January count once (docs/model.md §8) */
        if (y > 0) {
            assert_true(r->g_in_transit[jz_result_gy(r, 0, y - 1)] > 0.0);
            uniq += r->g_in_transit[jz_result_gy(r, 0, y - 1)];
        }
        assert_true(r->instroom_transfer[jz_result_cz(r, 0, 1, y)] > 0.0);
        assert_true(jzm_close(r->g_care_cost[i], care, 1e-15, 0));
        assert_true(jzm_close(r->g_care_budget[i], cb, 1e-15, 0));
        assert_true(jzm_close(r->g_client_years[i], cy, 1e-15, 0));
        assert_true(jzm_close(r->g_unique[i], uniq, 1e-15, 0));
        assert_true(jzm_close(r->g_cost[i], care + f1c + 2.0e5, 1e-14, 0));
        assert_true(jzm_close(r->g_budget[i], cb + f1c + 1.5e5, 1e-14, 0));
        assert_true(jzm_close(r->g_tekort[i], r->g_cost[i] - r->g_budget[i], 1e-15, 0));
        assert_true(r->g_rijksbijdrage[i] == 4.0e6);
        assert_true(jzm_close(r->g_tekort_rijk[i], r->g_cost[i] - 4.0e6, 1e-15, 0));
        assert_true(jzm_close(r->g_cost_per_client[i], care / uniq, 1e-15, 0));
    }
    jzt_free_all(s, w, r);
}

static void test_no_rijksbijdrage_and_no_clients(void **state)
{
    (void)state;
    const int H = 2;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    jz_fill(s->cells[0].cost, H, 1000.0);
    jz_fill(s->gemeenten[0].rijksbijdrage, H, 5.0); /* ignored */
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        assert_true(r->unique[y] == 0.0 && r->cost_per_client[y] == 0.0 && r->cost[y] == 0.0);
        assert_true(r->price[y] == 1000.0); /* the price exists without clients */
        assert_true(r->g_rijksbijdrage[y] == 0.0 && r->g_cost_per_client[y] == 0.0);
        assert_true(r->g_tekort_rijk[y] == r->g_cost[y]);
        /* region slot of a one-gemeente run equals the gemeente */
        assert_true(r->g_cost_per_client[jz_result_gy(r, 1, y)] == 0.0);
    }
    jzt_free_all(s, w, r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cost_is_client_years_times_price),
        cmocka_unit_test(test_indexation_compounds),
        cmocka_unit_test(test_no_budget_means_zero),
        cmocka_unit_test(test_per_1000_follows_population),
        cmocka_unit_test(test_trend_compounds),
        cmocka_unit_test(test_gemeente_lines),
        cmocka_unit_test(test_no_rijksbijdrage_and_no_clients),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
