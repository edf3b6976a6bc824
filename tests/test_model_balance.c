/*
 * test_model_balance.c - bookkeeping of the projection:
 *   - mass balance per year and zorgsoort, end of y = start of y + 1,
 *     uitstroom = the sum of its parts, uit_transfer = sum of uit_to;
 *   - youth conservation per gemeente (stocks + in transit + re-entry pool
 *     + left care = start + cumulative external instroom) and routing
 *     (what left to another zorgsoort arrives there or is in transit);
 *   - timing: transfers arrive the next month, re-entries exactly `delay`
 *     months later (a delay of 12 with a one-year pulse, and 3 months
 *     against the exact monthly exits of an exponential chain);
 *   - the region slot equals the sum over gemeenten.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "jzsim/model.h"
#include "model_support.h"
#include "jztest.h"
#include "scenario/build.h"

/* all gemeenten and the region slot */
static void check_cell_balance(const jz_result *r)
{
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    for (int g = 0; g <= G; g++)
        for (int z = 0; z < Z; z++)
            for (int y = 0; y < H; y++) {
                size_t i = jz_result_cz(r, g, z, y);
                double lhs = r->start[i] + r->instroom[i] - r->uitstroom[i];
                if (!jzm_close(lhs, r->end[i], 1e-9, 0))
                    fail_msg("g%d z%d y%d: start %.17g + instroom %.17g - uitstroom %.17g != end %.17g",
                             g, z, y, r->start[i], r->instroom[i], r->uitstroom[i], r->end[i]);
                if (y + 1 < H && g < G)
                    assert_true(r->end[i] == r->start[i + 1]); /* the same double */
                double parts = r->uit_transfer[i] + r->uit_reentry[i] + r->uit_aged_out[i] + r->uit_out[i];
                assert_true(jzm_close(parts, r->uitstroom[i], 1e-12, 1e-12 * r->start[i]));
                double to = 0.0;
                for (int w = 0; w < Z; w++)
                    to += r->uit_to[jz_result_to(r, g, z, y, w)];
                assert_true(jzm_close(to, r->uit_transfer[i], 1e-12, 0));
                assert_true(jzm_close(r->instroom[i], r->instroom_ext[i] + r->instroom_transfer[i] +
                                                          r->instroom_reentry[i], 1e-14, 0));
                if (g < G)
                    assert_true(r->unique[i] == r->start[i] + r->instroom[i]);
                else
                    assert_true(jzm_close(r->unique[i], r->start[i] + r->instroom[i], 1e-14, 0));
                assert_true(r->end[i] >= 0.0 && r->uit_out[i] >= 0.0 && r->uit_aged_out[i] >= 0.0);
            }
}

static void test_mass_balance_rich(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 10);
    assert_non_null(s);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    check_cell_balance(r);
    jzt_free_all(s, w, r);
}

static void test_youth_conservation(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(3, 12);
    assert_non_null(s);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    for (int g = 0; g <= G; g++) { /* the region slot too */
        double start = 0.0, ext = 0.0, cum_tr_out = 0.0, cum_tr_in = 0.0;
        double cum_re_out = 0.0, cum_re_in = 0.0, cum_left = 0.0;
        for (int z = 0; z < Z; z++)
            start += r->start[jz_result_cz(r, g, z, 0)];
        for (int y = 0; y < H; y++) {
            double stock = 0.0;
            for (int z = 0; z < Z; z++) {
                size_t i = jz_result_cz(r, g, z, y);
                stock += r->end[i];
                ext += r->instroom_ext[i];
                cum_tr_out += r->uit_transfer[i];
                cum_tr_in += r->instroom_transfer[i];
                cum_re_out += r->uit_reentry[i];
                cum_re_in += r->instroom_reentry[i];
                cum_left += r->uit_out[i] + r->uit_aged_out[i];
            }
            size_t gy = jz_result_gy(r, g, y);
            double held = stock + r->g_in_transit[gy] + r->g_reentry_pool[gy] + r->g_left_care[gy];
            if (!jzm_close(held, start + ext, 1e-10, 0))
                fail_msg("g%d y%d: stocks %.17g + transit %.17g + pool %.17g + left %.17g != %.17g",
                         g, y, stock, r->g_in_transit[gy], r->g_reentry_pool[gy],
                         r->g_left_care[gy], start + ext);
            assert_true(jzm_close(r->g_left_care[gy], cum_left, 1e-12, 0));
            /* what left to another zorgsoort has arrived or is on its way */
            assert_true(jzm_close(cum_tr_out, cum_tr_in + r->g_in_transit[gy], 1e-10, 0));
            assert_true(jzm_close(cum_re_out, cum_re_in + r->g_reentry_pool[gy], 1e-10, 0));
            assert_true(r->g_in_transit[gy] > 0.0 && r->g_reentry_pool[gy] > 0.0);
        }
    }
    /* per destination: what arrives in w over the horizon is what left to w,
     * minus what is still in transit at the end */
    for (int g = 0; g < G; g++) {
        double sent = 0.0, arrived = 0.0;
        for (int y = 0; y < H; y++) {
            for (int z = 0; z < Z; z++)
                sent += r->uit_to[jz_result_to(r, g, z, y, 1)];
            arrived += r->instroom_transfer[jz_result_cz(r, g, 1, y)];
        }
        if (!(sent > arrived && arrived > 0.9 * sent))
            fail_msg("g%d: sent %.17g arrived %.17g", g, sent, arrived);
    }
    jzt_free_all(s, w, r);
}

/* k = 1, no instroom, everything completing moves on: check the month of
 * arrival through what is in transit on 31 December. */
/* Exits far below the stock: a 20-stage chain with zorgduur 400 months
 * filled from empty has completions of order 1e-20 in its first years.
 * Exits taken by difference (start + instroom - end) cancelled to values
 * like -7.4e-13; as integrals they are >= 0, the cumulative left-care
 * figure never decreases and the re-entry pool is never negative, while
 * the mass balance still holds to 1e-9. */
static void test_tiny_exits_nonnegative(void **state)
{
    (void)state;
    const int H = 12;
    jz_scenario *s = jz_scenario_new(1, 2, H, 2024);
    assert_non_null(s);
    s->zorgsoorten[0].stages = 20;
    s->zorgsoorten[1].stages = 20;
    jz_fill(s->cells[0].zorgduur, H, 400.0);
    jz_fill(s->cells[1].zorgduur, H, 400.0);
    jz_fill(s->cells[0].instroom, H, 950.0);
    s->cells[1].start = 12345.678; /* a stock on which rounding shows */
    jz_fill(s->cells[1].instroom, H, 3.0);
    jz_fill(s->cells[0].reentry, H, 0.3);
    s->cells[0].reentry_delay = 6;
    for (int y = 0; y < H; y++)
        s->cells[0].transition[y * 2 + 1] = 0.2;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    check_cell_balance(r);
    double prev = 0.0;
    for (int y = 0; y < H; y++) {
        for (int z = 0; z < 2; z++) {
            size_t i = jz_result_cz(r, 0, z, y);
            if (!(r->uitstroom[i] >= 0.0 && r->uit_out[i] >= 0.0 && r->uit_reentry[i] >= 0.0 &&
                  r->uit_transfer[i] >= 0.0 && r->instroom_reentry[i] >= 0.0))
                fail_msg("z%d y%d: uitstroom %.17g uit_out %.17g uit_reentry %.17g", z, y,
                         r->uitstroom[i], r->uit_out[i], r->uit_reentry[i]);
        }
        size_t gy = jz_result_gy(r, 0, y);
        if (!(r->g_left_care[gy] >= prev))
            fail_msg("y%d: left care %.17g decreased from %.17g", y, r->g_left_care[gy], prev);
        prev = r->g_left_care[gy];
        assert_true(r->g_reentry_pool[gy] >= 0.0 && r->g_in_transit[gy] >= 0.0);
    }
    /* the first year's exits of the empty chain are far below one client */
    assert_true(r->uitstroom[jz_result_cz(r, 0, 0, 0)] < 1e-12);
    jzt_free_all(s, w, r);
}

static void test_transfer_arrives_next_month(void **state)
{
    (void)state;
    const int H = 3;
    const double D = 5.0, N0 = 1000.0;
    jz_scenario *s = jz_scenario_new(1, 2, H, 2024);
    assert_non_null(s);
    s->cells[0].start = N0;
    jz_fill(s->cells[0].zorgduur, H, D);
    jz_fill(s->cells[1].zorgduur, H, 1e9); /* the destination keeps them */
    for (int y = 0; y < H; y++)
        s->cells[0].transition[y * 2 + 1] = 1.0;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    double q = exp(-1.0 / D); /* monthly survival */
    /* December of year 0 leaves N0 q^11 (1 - q); it is in transit */
    assert_true(jzm_close(r->g_in_transit[0], N0 * pow(q, 11) * (1 - q), 1e-12, 0));
    /* months 0..10 arrived within year 0 */
    assert_true(jzm_close(r->instroom_transfer[jz_result_cz(r, 0, 1, 0)], N0 * (1 - pow(q, 11)), 1e-12, 0));
    assert_true(jzm_close(r->uit_to[jz_result_to(r, 0, 0, 0, 1)], N0 * (1 - pow(q, 12)), 1e-12, 0));
    /* year 1: December of year 0 plus months 0..10 of year 1 */
    assert_true(jzm_close(r->instroom_transfer[jz_result_cz(r, 0, 1, 1)],
                          N0 * (pow(q, 11) - pow(q, 23)), 1e-12, 0));
    jzt_free_all(s, w, r);
}

/* One-year pulse into zorgsoort 0, all completions re-enter zorgsoort 1
 * after 12 months: year y's re-entries of z1 are exactly year y-1's
 * uit_reentry of z0, month for month. */
static void test_reentry_delay_12(void **state)
{
    (void)state;
    const int H = 5;
    jz_scenario *s = jz_scenario_new(1, 2, H, 2024);
    assert_non_null(s);
    s->zorgsoorten[0].stages = 2;
    jz_cell *c = &s->cells[0];
    c->instroom[0] = 600.0;
    jz_fill(c->zorgduur, H, 4.0);
    jz_fill(c->reentry, H, 1.0);
    c->reentry_to = 1;
    c->reentry_delay = 12;
    jz_fill(s->cells[1].zorgduur, H, 3.0);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    assert_true(r->instroom_reentry[jz_result_cz(r, 0, 1, 0)] == 0.0);
    for (int y = 0; y < H; y++) {
        double out = r->uit_reentry[jz_result_cz(r, 0, 0, y)];
        assert_true(out > 0.0);
        /* everything that left in year y is still waiting on 31 December */
        assert_true(jzm_close(r->g_reentry_pool[y], out, 1e-13, 0));
        if (y + 1 < H)
            assert_true(jzm_close(r->instroom_reentry[jz_result_cz(r, 0, 1, y + 1)], out, 1e-13, 0));
    }
    jzt_free_all(s, w, r);
}

/* Delay 3 on an exponential chain: the pool on 31 December holds exactly
 * the exits of October..December. */
static void test_reentry_delay_3(void **state)
{
    (void)state;
    const int H = 2;
    const double D = 6.0, N0 = 800.0, f = 0.25;
    jz_scenario *s = jz_scenario_new(1, 2, H, 2024);
    assert_non_null(s);
    jz_cell *c = &s->cells[0];
    c->start = N0;
    jz_fill(c->zorgduur, H, D);
    jz_fill(c->reentry, H, f);
    c->reentry_to = 1;
    c->reentry_delay = 3;
    jz_fill(s->cells[1].zorgduur, H, 1e9);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    double q = exp(-1.0 / D);
    double pool = 0.0, arrived = 0.0;
    for (int m = 0; m < 12; m++) {
        double exits = N0 * pow(q, m) * (1.0 - q);
        if (m >= 9)
            pool += f * exits;
        else
            arrived += f * exits;
    }
    assert_true(jzm_close(r->g_reentry_pool[0], pool, 1e-12, 0));
    assert_true(jzm_close(r->instroom_reentry[jz_result_cz(r, 0, 1, 0)], arrived, 1e-12, 0));
    /* re-entries are persons coming back: counted in g_unique, transfers are not */
    size_t i0 = jz_result_cz(r, 0, 0, 0), i1 = jz_result_cz(r, 0, 1, 0);
    assert_true(jzm_close(r->g_unique[0], r->start[i0] + r->start[i1] + arrived, 1e-14, 0));
    jzt_free_all(s, w, r);
}

/* Ageing out with a transfer to the young-adult zorgsoort. */
static void test_ageing_transfer(void **state)
{
    (void)state;
    const int H = 3;
    jz_scenario *s = jz_scenario_new(1, 2, H, 2024);
    assert_non_null(s);
    jz_cell *c = &s->cells[0];
    c->start = 1000.0;
    jz_fill(c->instroom, H, 300.0);
    jz_fill(c->zorgduur, H, 10.0);
    jz_fill(c->ageing_rate, H, 0.1);
    jz_fill(c->ageing_transfer, H, 0.25);
    c->ageing_to = 1;
    s->zorgsoorten[1].population = JZ_POP_YOUNG_ADULT;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        double A = r->uit_aged_out[i] / 0.75; /* all ageing exits */
        assert_true(jzm_close(r->uit_to[jz_result_to(r, 0, 0, y, 1)], 0.25 * A, 1e-13, 0));
        assert_true(jzm_close(r->uit_transfer[i], 0.25 * A, 1e-13, 0));
        assert_true(r->instroom_transfer[jz_result_cz(r, 0, 1, y)] > 0.0);
        assert_true(jzm_close(r->uit_out[i] + A, r->uitstroom[i], 1e-13, 0));
    }
    jzt_free_all(s, w, r);
}

static void test_region_total_is_sum(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(4, 7);
    assert_non_null(s);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    int G = r->n_gemeenten, Z = r->n_zorgsoorten, H = r->horizon;
    const double *cz[] = {r->start, r->end, r->client_years, r->unique, r->instroom,
                          r->instroom_ext, r->instroom_transfer, r->instroom_reentry,
                          r->uitstroom, r->uit_transfer, r->uit_reentry, r->uit_aged_out,
                          r->uit_out, r->cost, r->budget_volume, r->budget, r->tekort};
    const double *gy[] = {r->g_unique, r->g_client_years, r->g_care_cost, r->g_care_budget,
                          r->g_fixed_cost, r->g_fixed_budget, r->g_cost, r->g_budget,
                          r->g_tekort, r->g_rijksbijdrage, r->g_tekort_rijk, r->g_in_transit,
                          r->g_reentry_pool, r->g_left_care};
    for (size_t a = 0; a < sizeof cz / sizeof cz[0]; a++)
        for (int z = 0; z < Z; z++)
            for (int y = 0; y < H; y++) {
                double sum = 0.0;
                for (int g = 0; g < G; g++)
                    sum += cz[a][jz_result_cz(r, g, z, y)];
                if (!jzm_close(cz[a][jz_result_cz(r, G, z, y)], sum, 1e-14, 0))
                    fail_msg("cz array %zu z%d y%d: total %.17g sum %.17g", a, z, y,
                             cz[a][jz_result_cz(r, G, z, y)], sum);
                for (int w2 = 0; w2 < Z; w2++) {
                    double t = 0.0;
                    for (int g = 0; g < G; g++)
                        t += r->uit_to[jz_result_to(r, g, z, y, w2)];
                    assert_true(jzm_close(r->uit_to[jz_result_to(r, G, z, y, w2)], t, 1e-14, 0));
                }
            }
    for (size_t a = 0; a < sizeof gy / sizeof gy[0]; a++)
        for (int y = 0; y < H; y++) {
            double sum = 0.0;
            for (int g = 0; g < G; g++)
                sum += gy[a][jz_result_gy(r, g, y)];
            if (!jzm_close(gy[a][jz_result_gy(r, G, y)], sum, 1e-14, 0))
                fail_msg("gy array %zu y%d: total %.17g sum %.17g", a, y,
                         gy[a][jz_result_gy(r, G, y)], sum);
        }
    /* ratios in the total slot are ratios of totals */
    for (int z = 0; z < Z; z++)
        for (int y = 0; y < H; y++) {
            size_t t = jz_result_cz(r, G, z, y);
            assert_true(r->price[t] == r->cost[t] / r->client_years[t]);
            assert_true(r->cost_per_client[t] == r->cost[t] / r->unique[t]);
            if (r->budget_volume[t] != 0.0)
                assert_true(r->budget_price[t] == r->budget[t] / r->budget_volume[t]);
            else
                assert_true(r->budget_price[t] == 0.0);
        }
    for (int y = 0; y < H; y++) {
        size_t t = jz_result_gy(r, G, y);
        assert_true(r->g_cost_per_client[t] == r->g_care_cost[t] / r->g_unique[t]);
    }
    jzt_free_all(s, w, r);
}

/* With one gemeente the region slot is that gemeente, bit for bit. */
static void test_region_single_gemeente(void **state)
{
    (void)state;
    jz_scenario *s = jzm_rich_scenario(1, 5);
    assert_non_null(s);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    size_t ncz = (size_t)r->n_zorgsoorten * (size_t)r->horizon;
    const double *cz[] = {r->start, r->end, r->client_years, r->price, r->cost,
                          r->budget_price, r->cost_per_client, r->tekort};
    for (size_t a = 0; a < sizeof cz / sizeof cz[0]; a++)
        assert_memory_equal(cz[a], cz[a] + ncz, ncz * sizeof(double));
    assert_memory_equal(r->g_cost_per_client, r->g_cost_per_client + r->horizon,
                        (size_t)r->horizon * sizeof(double));
    jzt_free_all(s, w, r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mass_balance_rich),
        cmocka_unit_test(test_youth_conservation),
        cmocka_unit_test(test_tiny_exits_nonnegative),
        cmocka_unit_test(test_transfer_arrives_next_month),
        cmocka_unit_test(test_reentry_delay_12),
        cmocka_unit_test(test_reentry_delay_3),
        cmocka_unit_test(test_ageing_transfer),
        cmocka_unit_test(test_region_total_is_sum),
        cmocka_unit_test(test_region_single_gemeente),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
