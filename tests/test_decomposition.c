/*
 * test_decomposition.c - the tekort split into tariff gap, external shifts,
 * volume and intensity (docs/model.md section 12): each cause alone takes
 * the whole tekort, the parts always add up to it, and the Shapley split of
 * an interaction matches its closed form.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <gsl/gsl_rng.h>
#include <math.h>

#include "jzsim/jzsim.h"
#include "scenario/build.h"
#include "jztest.h"

enum { H = 4 };

/* One gemeente, one zorgsoort in steady state (start = I D / 12), budgeted
 * at exactly its volume and price: tekort 0 until a test changes one thing. */
static jz_scenario *balanced(void)
{
    jz_scenario *s = jz_scenario_new(1, 1, H, 2022);
    jz_cell *c = &s->cells[0];
    jz_fill(c->instroom, H, 1200.0);
    jz_fill(c->zorgduur, H, 10.0);
    c->start = 1000.0; /* = 1200 * 10 / 12: the stock stays at 1000 */
    jz_fill(c->cost, H, 15000.0);
    c->has_budget = 1;
    jz_fill(c->budget_volume, H, 1000.0);
    jz_fill(c->budget_price, H, 15000.0);
    return s;
}

static jz_result *run(const jz_scenario *s)
{
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_error err;
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("run failed: %s", err.message);
    jz_workspace_free(w);
    return r;
}

/* Every year: parts sum to the tekort, and the named cause carries it all. */
static void expect_only(const jz_result *r, const double *cause, const char *name)
{
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_gy(r, 1, y); /* the total slot */
        double tekort = r->g_tekort[i];
        double sum = r->g_dec_tariff[i] + r->g_dec_external[i] + r->g_dec_volume[i] + r->g_dec_intensity[i];
        double scale = fabs(tekort) + r->g_cost[i]; /* relative to the money involved */
        assert_close(sum, tekort, 1e-9 * scale);
        if (y > 0 || cause != r->g_dec_tariff) /* no tariff gap can exist in the base year */
            if (!(fabs(tekort) > 1.0))
                fail_msg("%s: the test scenario has no tekort in %d", name, 2022 + y);
        assert_close(cause[i], tekort, 1e-9 * scale);
        assert_close(r->g_niet_beinvloedbaar[i], r->g_dec_tariff[i] + r->g_dec_external[i], 1e-9 * scale);
        assert_close(r->g_beinvloedbaar[i], r->g_dec_volume[i] + r->g_dec_intensity[i], 1e-9 * scale);
    }
}

static void test_balanced_has_no_tekort(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_result *r = run(s);
    for (int y = 0; y < H; y++)
        assert_close(r->g_tekort[jz_result_gy(r, 1, y)], 0.0, 1e-6);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_only_tariff(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].tariff_index, H, 0.065); /* 6.5% paid ... */
    jz_fill(s->budget_index, H, 0.0575);         /* ... 5.75% budgeted (seed4 L1168) */
    s->cells[0].tariff_correction[1] = 0.02;     /* a one-off reële-prijs step */
    jz_result *r = run(s);
    expect_only(r, r->g_dec_tariff, "tariff");
    /* 2023: 1000 client-years x 15k x (1.065 x 1.02 - 1.0575) */
    assert_close(r->g_tekort[jz_result_gy(r, 1, 1)], 1000.0 * 15000.0 * (1.065 * 1.02 - 1.0575), 1e-3);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_only_volume(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].budget_volume, H, 900.0);
    jz_result *r = run(s);
    expect_only(r, r->g_dec_volume, "volume");
    assert_close(r->g_dec_volume[jz_result_gy(r, 1, 0)], 100.0 * 15000.0, 1e-3);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_only_intensity(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].intensity_trend, H, 0.04);
    s->cells[0].cost[0] = 16000.0; /* heavier care than budgeted from the start */
    jz_fill(s->cells[0].cost + 1, H - 1, 16000.0);
    jz_result *r = run(s);
    expect_only(r, r->g_dec_intensity, "intensity");
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_only_external(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_external *e = jz_scenario_add_external(s, 0, "woonplaatsbeginsel", 0);
    jz_fill(e->client_years, H, 40.0);
    jz_fill(e->cost, H, 30000.0);
    jz_fill(e->compensation, H, 800000.0); /* below the cost of 1.2M */
    jz_result *r = run(s);
    expect_only(r, r->g_dec_external, "external");
    assert_close(r->g_dec_external[jz_result_gy(r, 1, 0)], 400000.0, 1e-6);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* Youth already in the flows (in_volume) move from volume to external. */
static void test_in_volume_external(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].budget_volume, H, 950.0); /* 50 client-years unbudgeted ... */
    jz_external *e = jz_scenario_add_external(s, 0, "woonplaatsbeginsel", 0);
    e->in_volume = 1;
    jz_fill(e->client_years, H, 50.0);            /* ... and they are the shifted youth */
    jz_fill(e->compensation, H, 300000.0);
    jz_result *r = run(s);
    expect_only(r, r->g_dec_external, "in_volume external");
    size_t i = jz_result_gy(r, 1, 0);
    assert_close(r->g_dec_external[i], 50.0 * 15000.0 - 300000.0, 1e-3);
    /* the cost is not counted twice */
    assert_close(r->g_cost[i], r->client_years[jz_result_cz(r, 0, 0, 0)] * 15000.0, 1e-3);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* Volume and tariff gap together, no budget indexation: the interaction
 * (extra volume paid at the higher tariff) is split half-half:
 *   phi_V = p dV (1 + g) / 2,  phi_g = p (g - 1)(V + Vb) / 2. */
static void test_interaction_is_split_symmetrically(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].budget_volume, H, 900.0);
    s->cells[0].tariff_index[1] = 0.05;
    jz_result *r = run(s);
    size_t i = jz_result_gy(r, 1, 1);
    double V = r->client_years[jz_result_cz(r, 0, 0, 1)], Vb = 900.0, p = 15000.0, g = 1.05;
    assert_close(r->g_dec_volume[i], p * (V - Vb) * (1.0 + g) / 2.0, 1e-6);
    assert_close(r->g_dec_tariff[i], p * (g - 1.0) * (V + Vb) / 2.0, 1e-6);
    assert_close(r->g_dec_intensity[i], 0.0, 1e-6);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* Indexing only the budget, not the overspend: with equal tariff and
 * budget indexation, the indexation of the real overspend is tariff. */
static void test_indexation_of_overspend_is_tariff(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_fill(s->cells[0].budget_volume, H, 900.0);
    jz_fill(s->cells[0].tariff_index, H, 0.05);
    jz_fill(s->budget_index, H, 0.05);
    jz_result *r = run(s);
    size_t i = jz_result_gy(r, 1, 2);
    double real_overspend = 100.0 * 15000.0, B = 1.05 * 1.05;
    assert_close(r->g_dec_volume[i], real_overspend, 1e-6);
    assert_close(r->g_dec_tariff[i], (B - 1.0) * real_overspend, 1e-6);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* A lumpsum has only its indexation gap, whatever the volumes do. */
static void test_lumpsum_only_indexation_gap(void **state)
{
    (void)state;
    jz_scenario *s = balanced();
    jz_cell *c = &s->cells[0];
    c->financing = JZ_FIN_LUMPSUM;
    jz_fill(c->financing_amount, H, 2.0e6);
    c->has_budget = 0;
    c->has_budget_amount = 1;
    jz_fill(c->budget_amount, H, 2.0e6);
    jz_fill(c->instroom, H, 1500.0); /* volume grows: no effect on a lumpsum */
    jz_fill(c->tariff_index, H, 0.04);
    jz_fill(s->budget_index, H, 0.03);
    jz_result *r = run(s);
    expect_only(r, r->g_dec_tariff, "lumpsum tariff");
    assert_close(r->cost[jz_result_cz(r, 0, 0, 1)], 2.0e6 * 1.04, 1e-6);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* The region's budget price weighs only the volume-type budgets: an
 * {amount} budget has no volume and no price (bug found in review). */
static void test_region_budget_price_mixed_budgets(void **state)
{
    (void)state;
    jz_scenario *s = jz_scenario_new(2, 1, H, 2022);
    for (int g = 0; g < 2; g++) {
        jz_cell *c = &s->cells[g];
        jz_fill(c->instroom, H, 120.0);
        jz_fill(c->zorgduur, H, 10.0);
        c->start = 100.0;
        jz_fill(c->cost, H, 10000.0);
    }
    s->cells[0].has_budget = 1;
    jz_fill(s->cells[0].budget_volume, H, 100.0);
    jz_fill(s->cells[0].budget_price, H, 10000.0);
    s->cells[1].has_budget_amount = 1;
    jz_fill(s->cells[1].budget_amount, H, 1.0e6);
    jz_result *r = run(s);
    for (int y = 0; y < H; y++) {
        assert_close(r->budget_price[jz_result_cz(r, 2, 0, y)], 10000.0, 1e-9);
        assert_close(r->budget[jz_result_cz(r, 2, 0, y)], 2.0e6, 1e-6);
    }
    jz_result_free(r);
    jz_scenario_free(s);
}

/* Random scenarios: the parts always add up to the tekort (1e-9 relative). */
/* A budget given as an amount that is lower than the cost in the base year:
 * that gap is the startverschil, carried on; only growth beyond it is
 * volume.  By default it counts as beinvloedbaar (as before the part
 * existed); meta.startverschil_beinvloedbaar = 0 moves it to niet. */
static void test_startverschil(void **state)
{
    (void)state;
    for (int in = 1; in >= 0; in--) {
        jz_scenario *s = balanced();
        jz_cell *c = &s->cells[0];
        c->has_budget = 0;
        c->has_budget_amount = 1;
        jz_fill(c->budget_amount, H, 14.0e6); /* cost is 15M a year, flat */
        s->meta.startverschil_beinvloedbaar = in;
        jz_result *r = run(s);
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_gy(r, 1, y), k = jz_result_cz(r, 1, 0, y);
            double scale = r->g_cost[i];
            assert_close(r->g_tekort[i], 1.0e6, 1e-6 * scale);
            assert_close(r->g_dec_start[i], 1.0e6, 1e-6 * scale); /* no tariff gap: all of it */
            assert_close(r->g_dec_volume[i], 0.0, 1e-6 * scale);
            assert_close(r->dec_start[k], r->g_dec_start[i], 1e-12 * scale);
            assert_close(r->g_beinvloedbaar[i] + r->g_niet_beinvloedbaar[i], r->g_tekort[i], 1e-9 * scale);
            assert_close(in ? r->g_beinvloedbaar[i] : r->g_niet_beinvloedbaar[i], 1.0e6, 1e-6 * scale);
        }
        jz_result_free(r);
        jz_scenario_free(s);
    }
}

/* A part that is 0 in the mathematics is an exact 0, not a rounding
 * residue that a report shows as "-0" (docs/model.md section 12): a price
 * per client-year equal to the budgeted price gives no intensity part, and
 * the base year of an amount budget has no volume part (all of its gap is
 * startverschil), for awkward volumes and prices too. */
static void test_zero_parts_are_exact(void **state)
{
    (void)state;
    for (int k = 0; k < 40; k++) {
        /* (V * p) / V is not p for many of these: the old code's residue */
        double price = 1000.0 + 3137.13 * k, inflow = 977.1 + 57.3 * k;
        jz_scenario *s = balanced();
        jz_cell *c = &s->cells[0];
        jz_fill(c->instroom, H, inflow); /* another volume than budgeted */
        jz_fill(c->zorgduur, H, 9.7);
        jz_fill(c->cost, H, price);
        jz_fill(c->budget_price, H, price);
        jz_result *r = run(s);
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_cz(r, 0, 0, y);
            if (r->dec_intensity[i] != 0.0)
                fail_msg("price %g, %d: intensity part %g, not 0", price, 2022 + y, r->dec_intensity[i]);
        }
        jz_result_free(r);
        c->has_budget = 0;
        c->has_budget_amount = 1;
        jz_fill(c->budget_amount, H, 0.7 * inflow * price);
        r = run(s);
        size_t i = jz_result_cz(r, 0, 0, 0);
        if (r->dec_volume[i] != 0.0 || r->g_dec_volume[jz_result_gy(r, 1, 0)] != 0.0)
            fail_msg("price %g: base-year volume part %g, not 0", price, r->dec_volume[i]);
        jz_result_free(r);
        jz_scenario_free(s);
    }
}

/* A nominal begroting (budget: {nominal}; docs/model.md section 12, worked
 * example): the budget is the series itself, not indexed, so tekort = cost -
 * begroting in every year; the tariff gap is measured against the index the
 * series implies, N_y / N_0.  Steady volume at the base-year begroting:
 * tariffs +4%/yr against a begroting +2%/yr is all tariff gap. */
static void test_nominal_begroting(void **state)
{
    (void)state;
    static const double N[H] = {15.0e6, 15.3e6, 15.6e6, 15.9e6};
    jz_scenario *s = balanced();
    jz_cell *c = &s->cells[0];
    for (int y = 1; y < H; y++) {
        s->budget_index[y] = 0.10; /* ignored by a nominal begroting */
        c->tariff_index[y] = 0.04;
    }
    c->has_budget = 0;
    c->has_budget_amount = 1;
    c->budget_nominal = 1;
    for (int y = 0; y < H; y++)
        c->budget_amount[y] = N[y];
    jz_result *r = run(s);
    double T = 1.0;
    for (int y = 0; y < H; y++) {
        if (y > 0)
            T *= 1.04;
        size_t i = jz_result_gy(r, 1, y), k = jz_result_cz(r, 1, 0, y);
        assert_close(r->budget[k], N[y], 1e-6);
        assert_close(r->tekort[k], r->cost[k] - N[y], 1e-6);
        assert_close(r->cost[k], 15.0e6 * T, 1.0);
        assert_close(r->dec_tariff[k], 15.0e6 * T - N[y], 1.0); /* = 15M (T_y - N_y / N_0) */
        assert_close(r->dec_volume[k], 0.0, 1.0);
        assert_close(r->dec_intensity[k], 0.0, 1.0);
        assert_close(r->dec_start[k], 0.0, 1.0);
        assert_close(r->g_tekort[i], r->g_cost[i] - r->g_budget[i], 1e-6);
    }
    /* 2023 in the docs' example: cost 15.6M, begroting 15.3M, tekort 0.3M */
    assert_close(r->tekort[jz_result_cz(r, 1, 0, 1)], 0.3e6, 1.0);
    jz_result_free(r);

    /* 10% more volume from the start and a begroting 0.5M below the base-year
     * cost: the base-year gap is the startverschil, the parts add up */
    c->start = 1100.0;
    jz_fill(c->instroom, H, 1320.0);
    r = run(s);
    for (int y = 0; y < H; y++) {
        size_t k = jz_result_cz(r, 1, 0, y);
        double sum = r->dec_tariff[k] + r->dec_volume[k] + r->dec_intensity[k] + r->dec_start[k] + r->dec_external[k];
        assert_close(sum, r->tekort[k], 1e-9 * r->cost[k]);
        assert_close(r->tekort[k], r->cost[k] - N[y], 1e-6);
    }
    assert_close(r->dec_start[jz_result_cz(r, 1, 0, 0)], 1.5e6, 1.0);
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_parts_sum_to_tekort(void **state)
{
    (void)state;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 20231);
    for (int trial = 0; trial < 200; trial++) {
        int G = 1 + (int)gsl_rng_uniform_int(rng, 3), Z = 1 + (int)gsl_rng_uniform_int(rng, 4);
        jz_scenario *s = jz_scenario_new(G, Z, H, 2022);
        for (int y = 1; y < H; y++) {
            s->budget_index[y] = gsl_rng_uniform(rng) * 0.08;
            s->tariff_correction[y] = 0.0;
        }
        for (int g = 0; g < G; g++) {
            for (int z = 0; z < Z; z++) {
                jz_cell *c = &s->cells[g * Z + z];
                c->start = gsl_rng_uniform(rng) * 2000.0;
                for (int y = 0; y < H; y++) {
                    c->instroom[y] = gsl_rng_uniform(rng) * 1500.0;
                    c->zorgduur[y] = 1.0 + gsl_rng_uniform(rng) * 30.0;
                    c->cost[y] = 1000.0 + gsl_rng_uniform(rng) * 90000.0;
                    c->intensity_trend[y] = gsl_rng_uniform(rng) * 0.1 - 0.05;
                    c->tariff_index[y] = gsl_rng_uniform(rng) * 0.1;
                    c->tariff_correction[y] = gsl_rng_uniform(rng) < 0.2 ? 0.03 : 0.0;
                    c->budget_volume[y] = gsl_rng_uniform(rng) * 2000.0;
                    c->budget_price[y] = 1000.0 + gsl_rng_uniform(rng) * 90000.0;
                    c->budget_amount[y] = gsl_rng_uniform(rng) * 1e7;
                    c->financing_amount[y] = gsl_rng_uniform(rng) * 1e7;
                }
                int kind = (int)gsl_rng_uniform_int(rng, 5);
                c->has_budget = kind == 0 || kind == 1;
                c->has_budget_amount = kind == 2 || kind == 4;
                c->budget_nominal = kind == 4; /* a nominal begroting: positive every year */
                if (kind == 4)
                    for (int y = 0; y < H; y++)
                        c->budget_amount[y] += 1e6;
                c->financing = gsl_rng_uniform(rng) < 0.2 ? JZ_FIN_LUMPSUM : JZ_FIN_VOLUME;
                c->financing_from = (int)gsl_rng_uniform_int(rng, H);
            }
            if (gsl_rng_uniform(rng) < 0.5) {
                jz_external *e = jz_scenario_add_external(s, g, "x", (int)gsl_rng_uniform_int(rng, (unsigned long)Z));
                for (int y = 0; y < H; y++) {
                    e->client_years[y] = gsl_rng_uniform(rng) * 50.0;
                    e->cost[y] = gsl_rng_uniform(rng) * 50000.0;
                    e->compensation[y] = gsl_rng_uniform(rng) * 1e6;
                }
            }
            jz_fixed_cost *f = jz_scenario_add_fixed(s, g, "f");
            jz_fill(f->amount, H, 1e6);
            f->has_budget = 1;
            jz_fill(f->budget, H, 0.9e6);
        }
        jz_result *r = run(s);
        for (int g = 0; g <= G; g++)
            for (int y = 0; y < H; y++) {
                size_t i = jz_result_gy(r, g, y);
                double sum = r->g_dec_tariff[i] + r->g_dec_external[i] + r->g_dec_volume[i] +
                             r->g_dec_intensity[i] + r->g_dec_start[i];
                assert_close(r->g_beinvloedbaar[i] + r->g_niet_beinvloedbaar[i], r->g_tekort[i],
                             1e-9 * fmax(fabs(r->g_tekort[i]), r->g_cost[i]));
                assert_close(sum, r->g_tekort[i], 1e-9 * fmax(fabs(r->g_tekort[i]), r->g_cost[i]));
                for (int z = 0; z < Z; z++) {
                    size_t k = jz_result_cz(r, g, z, y);
                    double cs = r->dec_tariff[k] + r->dec_external[k] + r->dec_volume[k] +
                                r->dec_intensity[k] + r->dec_start[k];
                    assert_close(cs, r->tekort[k], 1e-9 * fmax(fabs(r->tekort[k]), r->cost[k] + 1.0));
                }
            }
        jz_result_free(r);
        jz_scenario_free(s);
    }
    gsl_rng_free(rng);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_balanced_has_no_tekort),
        cmocka_unit_test(test_only_tariff),
        cmocka_unit_test(test_only_volume),
        cmocka_unit_test(test_only_intensity),
        cmocka_unit_test(test_only_external),
        cmocka_unit_test(test_in_volume_external),
        cmocka_unit_test(test_interaction_is_split_symmetrically),
        cmocka_unit_test(test_indexation_of_overspend_is_tariff),
        cmocka_unit_test(test_lumpsum_only_indexation_gap),
        cmocka_unit_test(test_region_budget_price_mixed_budgets),
        cmocka_unit_test(test_startverschil),
        cmocka_unit_test(test_parts_sum_to_tekort),
        cmocka_unit_test(test_nominal_begroting),
        cmocka_unit_test(test_zero_parts_are_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
