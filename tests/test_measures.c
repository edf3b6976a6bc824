/*
 * test_measures.c - measures in a scenario and in the model run
 * (docs/measures.md):
 *   - every local effect changes exactly the input it names, by exactly the
 *     documented amount, from its start year, with ramp and fade;
 *   - exit_after against an independent evaluation of its equation (GSL)
 *     and against the model's steady state;
 *   - Hervormingsagenda: share translation, realisation, certain part,
 *     in_baseline, negative amounts;
 *   - the deficit decomposition still adds up with measures on;
 *   - loader errors, extends merging by key, copies;
 *   - the shipped Tabel 3.3a reproduces the printed totals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/measures.h"
#include "jztest.h"

/* Two gemeenten, two zorgsoorten in steady state (start = instroom x
 * zorgduur / 12), no indexation, budgeted at their volume and price. */
static const char BASE[] =
    "meta: {name: t, base_year: 2023, horizon: 5}\n"
    "zorgsoorten:\n"
    "  - {key: a, start: 1000, instroom: 1200, zorgduur: 10, cost: 15k, budget: {volume: 1000, price: 15k}}\n"
    "  - {key: b, stages: 2, start: 100, instroom: 60, zorgduur: 20, cost: 80k, budget: {volume: 100, price: 80k}}\n"
    "gemeenten:\n"
    "  - {code: GM0001, name: Een, population: {youth: 20000}}\n"
    "  - {code: GM0002, name: Twee, population: {youth: 10000}}\n";
enum { H = 5 };

static jz_scenario *load(const char *measures, jz_error *err)
{
    size_t n = strlen(BASE) + strlen(measures) + 32;
    char *text = malloc(n);
    snprintf(text, n, "%smeasures:\n%s", BASE, measures);
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), "m.yaml", NULL, err);
    free(text);
    return s;
}

static jz_scenario *load_ok(const char *measures)
{
    jz_error err;
    jz_scenario *s = load(measures, &err);
    if (!s)
        fail_msg("load failed: %s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return s;
}

/* Run with all measures on (on = 1) or all off (on = 0). */
static jz_result *run(const jz_scenario *s, int on)
{
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    unsigned char *act = calloc((size_t)s->n_measures + 1, 1);
    memset(act, on, (size_t)s->n_measures);
    jz_run_options opt = {act, 0};
    jz_error err;
    if (jz_model_run_opts(s, w, r, &opt, &err) != JZ_OK)
        fail_msg("run failed: %s", err.message);
    free(act);
    jz_workspace_free(w);
    return r;
}

static void expect_error(const char *measures, int line, const char *text)
{
    jz_error err;
    jz_scenario *s = load(measures, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("expected an error containing '%s'", text);
    }
    if (!strstr(err.message, text))
        fail_msg("error '%s' does not contain '%s'", err.message, text);
    if (line && err.line != line)
        fail_msg("error '%s' at line %d, expected line %d", err.message, err.line, line);
}

/* Every gemeente-year: the four causes add up to the tekort. */
static void expect_decomposition(const jz_result *r)
{
    for (int g = 0; g <= r->n_gemeenten; g++)
        for (int y = 0; y < r->horizon; y++) {
            size_t i = jz_result_gy(r, g, y);
            double sum = r->g_dec_tariff[i] + r->g_dec_external[i] + r->g_dec_volume[i] +
                         r->g_dec_intensity[i] + r->g_dec_start[i];
            assert_close(sum, r->g_tekort[i], 1e-9 * (fabs(r->g_tekort[i]) + r->g_cost[i]));
            /* the Hervormingsagenda savings are in the zorgsoorten' cost */
            assert_close(r->g_cost[i],
                         r->g_care_cost[i] + r->g_fixed_cost[i] + r->g_measure_investment[i],
                         1e-9 * r->g_cost[i]);
            double ha = 0.0;
            for (int z = 0; z < r->n_zorgsoorten; z++)
                ha += r->ha_saving[jz_result_cz(r, g, z, y)];
            assert_close(ha, r->g_ha_savings[i], 1e-9 * r->g_cost[i]);
        }
}

/* ---- local effects ----------------------------------------------------------- */

static void test_instroom_exact_from_start(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: instroom, zorgsoorten: [a], change: -10%, start: 2025}\n");
    jz_result *off = run(s, 0), *on = run(s, 1);
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++) {
            size_t a = jz_result_cz(on, g, 0, y), b = jz_result_cz(on, g, 1, y);
            double want = y >= 2 ? 0.9 : 1.0;
            assert_rel(on->instroom_ext[a], want * off->instroom_ext[a], 1e-15);
            assert_true(on->instroom_ext[b] == off->instroom_ext[b]); /* b untouched */
            if (y < 2) /* nothing changes before the start year */
                assert_true(on->g_cost[jz_result_gy(on, g, y)] == off->g_cost[jz_result_gy(off, g, y)]);
        }
    /* fewer starts: fewer client-years, lower cost from 2025 */
    assert_true(on->g_cost[jz_result_gy(on, 2, 4)] < off->g_cost[jz_result_gy(off, 2, 4)]);
    expect_decomposition(on);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_ramp_linear_and_s_curve(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(
        "  - {key: lin, type: local, effect: instroom, zorgsoorten: [a], change: -10%, start: 2024, ramp_years: 2}\n"
        "  - {key: s3, type: local, effect: instroom, zorgsoorten: [b], change: -20%, start: 2023, ramp_years: 3, ramp_shape: s_curve}\n");
    const jz_measure *lin = &s->measures[0], *s3 = &s->measures[1];
    assert_true(jz_measure_profile(lin, 2023) == 0.0);
    assert_true(jz_measure_profile(lin, 2024) == 0.5); /* half of the effect in the first year */
    assert_true(jz_measure_profile(lin, 2025) == 1.0);
    assert_true(jz_measure_profile(lin, 2027) == 1.0);
    assert_close(jz_measure_profile(s3, 2023), 7.0 / 27.0, 1e-15); /* 3u^2 - 2u^3, u = 1/3 */
    assert_close(jz_measure_profile(s3, 2024), 20.0 / 27.0, 1e-15);
    assert_true(jz_measure_profile(s3, 2025) == 1.0);
    jz_result *off = run(s, 0), *on = run(s, 1);
    size_t a1 = jz_result_cz(on, 0, 0, 1), b0 = jz_result_cz(on, 0, 1, 0);
    assert_rel(on->instroom_ext[a1], 0.95 * off->instroom_ext[a1], 1e-15);
    assert_rel(on->instroom_ext[b0], (1.0 - 0.2 * 7.0 / 27.0) * off->instroom_ext[b0], 1e-15);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_fade(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(
        "  - {key: lin, type: local, effect: zorgduur, change: -10%, start: 2023, fade_after_years: 2, fade_years: 2}\n"
        "  - {key: half, type: local, effect: zorgduur, change: -10%, start: 2023, ramp_years: 1, fade_half_life: 1}\n");
    const jz_measure *lin = &s->measures[0], *half = &s->measures[1];
    const double want_lin[H] = {1.0, 1.0, 0.5, 0.0, 0.0};
    const double want_half[H] = {1.0, 0.5, 0.25, 0.125, 0.0625}; /* fading from ramp end */
    for (int y = 0; y < H; y++) {
        assert_close(jz_measure_profile(lin, 2023 + y), want_lin[y], 1e-15);
        assert_close(jz_measure_profile(half, 2023 + y), want_half[y], 1e-15);
    }
    jz_scenario_free(s);
}

static void test_substitution_conserves_instroom(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: substitution, from: b, to: a, share: 25%, start: 2024, ramp_years: 2}\n");
    jz_result *off = run(s, 0), *on = run(s, 1);
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++) {
            size_t a = jz_result_cz(on, g, 0, y), b = jz_result_cz(on, g, 1, y);
            double e = y == 0 ? 0.0 : y == 1 ? 0.5 : 1.0;
            double moved = off->instroom_ext[b] * 0.25 * e;
            assert_close(on->instroom_ext[a] + on->instroom_ext[b],
                         off->instroom_ext[a] + off->instroom_ext[b], 1e-12);
            assert_close(on->instroom_ext[b], off->instroom_ext[b] - moved, 1e-12);
            assert_close(on->instroom_ext[a], off->instroom_ext[a] + moved, 1e-12);
        }
    expect_decomposition(on);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_diversion_service_cost(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: diversion, zorgsoorten: [a], share: 5%, service_cost: 2k, start: 2024, investment: 10k}\n");
    jz_result *off = run(s, 0), *on = run(s, 1);
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++) {
            size_t a = jz_result_cz(on, g, 0, y);
            double diverted = y >= 1 ? 0.05 * off->instroom_ext[a] : 0.0;
            assert_close(on->instroom_ext[a], off->instroom_ext[a] - diverted, 1e-12);
            /* exactly the service cost per diverted start, plus the investment */
            size_t i = jz_result_gy(on, g, y);
            assert_close(on->g_measure_investment[i], diverted * 2000.0 + (y >= 1 ? 10000.0 : 0.0), 1e-6);
        }
    expect_decomposition(on);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_tariff_changes_price_only(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: tariff, zorgsoorten: [b], change: -3%, start: 2025}\n");
    jz_result *off = run(s, 0), *on = run(s, 1);
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++)
            for (int z = 0; z < 2; z++) {
                size_t i = jz_result_cz(on, g, z, y);
                assert_true(on->client_years[i] == off->client_years[i]); /* volumes untouched */
                assert_true(on->unique[i] == off->unique[i]);
                double f = z == 1 && y >= 2 ? 0.97 : 1.0;
                assert_rel(on->price[i], f * off->price[i], 1e-15);
                assert_rel(on->cost[i], f * off->cost[i], 1e-15);
            }
    /* a cheaper price than budgeted is intensity, not volume */
    size_t i = jz_result_gy(on, 0, 3);
    assert_close(on->g_dec_volume[i], off->g_dec_volume[i], 1e-6);
    assert_true(on->g_dec_intensity[i] < off->g_dec_intensity[i]);
    expect_decomposition(on);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_lumpsum_independent_of_volume(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: lumpsum, zorgsoorten: [a], amount: 14M, start: 2025}\n");
    jz_scenario *more = jz_scenario_copy(s);
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++)
            more->cells[g * 2 + 0].instroom[y] *= 1.3; /* more youth in care */
    jz_result *r1 = run(s, 1), *r2 = run(more, 1);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r1, 0, 0, y);
        assert_true(r2->client_years[i] > r1->client_years[i]);
        if (y >= 2) { /* from the start year: the amount, whatever the volume */
            assert_close(r1->cost[i], 14e6, 1e-6);
            assert_true(r2->cost[i] == r1->cost[i]);
        } else {
            assert_true(r2->cost[i] > r1->cost[i]);
        }
    }
    expect_decomposition(r1);
    /* the lumpsum has no volume effect in the decomposition */
    assert_true(r1->dec_volume[jz_result_cz(r1, 0, 0, 3)] == 0.0);
    jz_result_free(r1);
    jz_result_free(r2);
    jz_scenario_free(more);
    jz_scenario_free(s);
}

/* D' = D - p (D Q(k+1, kT/D) - T Q(k, kT/D)) with GSL's regularized upper
 * incomplete gamma function Q(a, x) = P[Poisson(x) < a]. */
static void test_exit_after_equation(void **state)
{
    (void)state;
    const double Ds[] = {2.0, 10.0, 24.0, 60.0}, Ts[] = {1.0, 3.0, 12.0};
    for (int k = 1; k <= 20; k += 3)
        for (size_t i = 0; i < 4; i++)
            for (size_t j = 0; j < 3; j++) {
                double D = Ds[i], T = Ts[j], x = k * T / D, p = 0.3;
                double want = D - p * (D * gsl_sf_gamma_inc_Q(k + 1.0, x) - T * gsl_sf_gamma_inc_Q(k, x));
                assert_rel(jz_exit_after_duration(k, D, T, p), want, 1e-12);
            }
    /* exponential: D' = D (1 - p e^(-T/D)); everyone stopped at T: E[min(L, T)] */
    assert_rel(jz_exit_after_duration(1, 12.0, 3.0, 0.2), 12.0 * (1.0 - 0.2 * exp(-0.25)), 1e-14);
    assert_rel(jz_exit_after_duration(1, 12.0, 3.0, 1.0), 12.0 * (1.0 - exp(-0.25)), 1e-14);
    assert_true(jz_exit_after_duration(3, 12.0, 3.0, 0.0) == 12.0);
}

/* In the model: a chain started in the steady state of D' stays there. */
static void test_exit_after_in_model(void **state)
{
    (void)state;
    const double Dp1 = jz_exit_after_duration(1, 10.0, 3.0, 0.4);
    const double Dp2 = jz_exit_after_duration(2, 20.0, 3.0, 0.4);
    char text[1024];
    snprintf(text, sizeof text,
             "meta: {name: t, base_year: 2023, horizon: 3}\n"
             "zorgsoorten:\n"
             "  - {key: a, start: %.17g, instroom: 1200, zorgduur: 10, cost: 15k}\n"
             "  - {key: b, stages: 2, start: %.17g, instroom: 60, zorgduur: 20, cost: 80k}\n"
             "gemeenten: [{code: GM0001, name: Een}]\n"
             "measures:\n"
             "  - {key: m, type: local, effect: exit_after, evaluation_months: 3, share: 40%%, start: 2023}\n",
             1200.0 * Dp1 / 12.0, 60.0 * Dp2 / 12.0);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), "x.yaml", NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    jz_result *r = run(s, 1);
    for (int y = 0; y < 3; y++) {
        assert_rel(r->client_years[jz_result_cz(r, 0, 0, y)], 1200.0 * Dp1 / 12.0, 1e-12);
        assert_rel(r->client_years[jz_result_cz(r, 0, 1, y)], 60.0 * Dp2 / 12.0, 1e-12);
    }
    jz_result_free(r);
    jz_scenario_free(s);
}

static void test_investment_from_start_year(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(
        "  - {key: m, type: local, effect: zorgduur, zorgsoorten: [b], change: -5%, start: 2025, investment: {2024: 300k, 2026: 100k}}\n");
    jz_result *r = run(s, 1);
    const double want[H] = {0, 0, 300e3, 100e3, 100e3}; /* not before the start year */
    for (int y = 0; y < H; y++) {
        assert_close(r->g_measure_investment[jz_result_gy(r, 0, y)], want[y], 1e-9);
        assert_close(r->g_measure_investment[jz_result_gy(r, 2, y)], 2 * want[y], 1e-9);
    }
    expect_decomposition(r);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* ---- Hervormingsagenda ------------------------------------------------------- */

static void test_ha_share_realisation_certain(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(
        "  - {key: B5, type: hervormingsagenda, national: {2024: 10M, 2025: -2M}, share: {GM0001: 1%, GM0002: 0.5%}, realisation: 50%, certain: 60%}\n"
        "  - {key: B6, type: hervormingsagenda, national: 4M, national_youth: 2M, cause: intensity}\n"
        "  - {key: B2, type: hervormingsagenda, gemeenten: [GM0002], saving: {2023: -151k, 2025: 2446k}, in_baseline: 2024}\n"
        "  - {key: B15, type: hervormingsagenda, gemeenten: GM0001, saving: 1176k, in_baseline: true}\n");
    jz_result *off = run(s, 0), *on = run(s, 1);
    /* B5 (year 0 takes the first value, 2024): 10M x share x 50% */
    const double b5[2][H] = {{50e3, 50e3, -10e3, -10e3, -10e3}, {25e3, 25e3, -5e3, -5e3, -5e3}};
    /* B6: share from the youth population: 20,000 / 2M = 1%, 10,000 / 2M = 0.5% */
    const double b6[2] = {40e3, 20e3};
    /* B2 in GM0002: only the increase after 2024 counts: 2446k - (-151k) */
    const double b2[H] = {0, 0, 2597e3, 2597e3, 2597e3};
    for (int g = 0; g < 2; g++)
        for (int y = 0; y < H; y++) {
            size_t i = jz_result_gy(on, g, y);
            double want = b5[g][y] + b6[g] + (g == 1 ? b2[y] : 0.0);
            assert_close(on->g_ha_savings[i], want, 1e-6);
            assert_close(on->g_ha_savings_certain[i], 0.6 * b5[g][y] + b6[g] + (g == 1 ? b2[y] : 0.0), 1e-6);
            assert_close(off->g_cost[i] - on->g_cost[i], want, 1e-6);
            /* cause volume (B5, B2) lowers volume, intensity (B6) intensity */
            assert_close(off->g_dec_volume[i] - on->g_dec_volume[i], want - b6[g], 1e-6);
            assert_close(off->g_dec_intensity[i] - on->g_dec_intensity[i], b6[g], 1e-6);
            assert_true(on->g_measure_investment[i] == 0.0);
        }
    expect_decomposition(on);
    jz_result_free(off);
    jz_result_free(on);
    jz_scenario_free(s);
}

static void test_loader_errors(void **state)
{
    (void)state;
    /* line numbers: BASE has 7 lines, "measures:" is line 8 */
    expect_error("  - {key: a, type: hervormingsagenda, saving: 1M}\n", 9, "applies to 2");
    expect_error("  - {key: a, type: hervormingsagenda, national: 1M, share: 1%}\n", 9, "ambiguous");
    expect_error("  - {key: a, type: hervormingsagenda, national: 1M, share: {GM0001: 1%}}\n", 9, "no share for gemeente GM0002");
    /* a gemeente of the share map named with a slip: the one meant, as
     * everywhere a gemeente is named (jz_scenario_gemeente_nearest) */
    expect_error("  - {key: a, type: hervormingsagenda, national: 1M, share: {GM0001: 1%, twee: 1%}}\n", 9,
                 "share: gemeente 'twee' is not in this scenario; did you mean 'Twee'?");
    expect_error("  - {key: a, type: hervormingsagenda, national: 1M, share: {GM0001: 1%, GM0007: 1%}}\n", 9,
                 "share: gemeente 'GM0007' is not in this scenario");
    expect_error("  - {key: a, type: hervormingsagenda, national: 1M}\n", 9, "needs the gemeente's share");
    expect_error("  - {key: a, type: hervorming, saving: 1M}\n", 9, "type must be");
    expect_error("  - {key: a, type: local, effect: instrom, change: -1%, start: 2024}\n", 9, "did you mean 'instroom'");
    expect_error("  - {key: a, type: local, effect: instroom, share: 1%, start: 2024}\n", 9, "'share' does not apply to effect 'instroom'");
    expect_error("  - {key: a, type: local, effect: exit_after, share: 10%, start: 2024}\n", 9, "needs 'evaluation_months'");
    expect_error("  - {key: a, type: local, effect: lumpsum, zorgsoorten: [a], amount: 1M, start: 2024, ramp_years: 2}\n", 9, "lumpsum switches on fully");
    expect_error("  - {key: a, type: local, effect: lumpsum, amount: 1M, start: 2024}\n", 9, "needs 'zorgsoorten'");
    expect_error("  - {key: a, type: local, effect: substitution, from: a, to: c, share: 5%, start: 2024}\n", 9, "unknown zorgsoort 'c'");
    expect_error("  - {key: a, type: local, effect: zorgduur, change: -100%, start: 2024}\n", 9, "above -100%");
    expect_error("  - {key: a, type: local, effect: zorgduur, change: -1%, start: 2024, fade_after_years: 2}\n", 9, "needs fade_years");
    expect_error("  - {key: a, type: local, effect: zorgduur, change: -1%}\n", 9, "missing required key 'start'");
    expect_error("  - {key: a, type: local, effect: zorgduur, change: -1%, start: 2024, saving: 1M}\n", 9, "unknown key 'saving'");
    expect_error("  - {key: a, type: hervormingsagenda, saving: 1M, gemeenten: [GM0001], in_baseline: 2030}\n", 9, "in_baseline");
    expect_error("  - {key: a, type: hervormingsagenda, saving: 1M, gemeenten: [GM0009]}\n", 9, "not in this scenario");
    expect_error("  - {key: a, type: hervormingsagenda, saving: 1M, gemeenten: [GM0001]}\n"
                 "  - {key: a, type: hervormingsagenda, saving: 2M, gemeenten: [GM0001]}\n", 10, "listed twice");
}

/* ---- scenario plumbing ------------------------------------------------------- */

static void test_extends_merges_by_key_and_copy(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/measures/variant.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_int_equal(s->n_measures, 9); /* ten.yaml has 10; kvv removed */
    int b2 = -1, poh = -1;
    for (int i = 0; i < s->n_measures; i++) {
        assert_string_not_equal(s->measures[i].key, "kvv");
        if (strcmp(s->measures[i].key, "B2") == 0)
            b2 = i;
        if (strcmp(s->measures[i].key, "poh") == 0)
            poh = i;
    }
    assert_true(b2 >= 0 && poh >= 0);
    assert_close(s->measures[b2].realisation[3], 0.5, 0);  /* overridden */
    assert_close(s->measures[b2].certain, 0.624, 1e-15);   /* kept from the base */
    assert_close(s->measures[poh].change, -0.04, 1e-15);
    assert_int_equal(s->measures[poh].ramp_years, 2);

    /* a copy runs to the same numbers, bit for bit, and frees cleanly */
    jz_scenario *c = jz_scenario_copy(s);
    assert_non_null(c);
    assert_int_equal(c->n_measures, s->n_measures);
    jz_result *r1 = run(s, 1), *r2 = run(c, 1);
    for (int y = 0; y < r1->horizon; y++)
        assert_true(r1->g_cost[jz_result_gy(r1, 1, y)] == r2->g_cost[jz_result_gy(r2, 1, y)]);
    expect_decomposition(r1);
    jz_result_free(r1);
    jz_result_free(r2);
    jz_scenario_free(c);
    jz_scenario_free(s);
}

/* The run checks a copy whose measure numbers an analysis broke. */
static void test_run_rejects_bad_measure(void **state)
{
    (void)state;
    jz_scenario *s = load_ok("  - {key: m, type: local, effect: zorgduur, change: -5%, start: 2024}\n");
    s->measures[0].change = NAN;
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_error err;
    assert_int_equal(jz_model_run(s, w, r, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "measures[m]"));
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* ---- Tabel 3.3a ------------------------------------------------------------ */

/* The `measures:` list of the shipped file on a minimal Enschede, so the
 * test does not depend on the base scenario the file extends. */
static jz_scenario *load_tabel(void)
{
    FILE *f = fopen(JZ_SOURCE_DIR "/scenarios/enschede/hervormingsagenda-tabel-3-3a.yaml", "rb");
    assert_non_null(f);
    static char text[1 << 16];
    const char *head = "meta: {name: t, base_year: 2022, horizon: 7}\n"
                       "zorgsoorten: [{key: a, start: 100, instroom: 100, zorgduur: 12, cost: 10k}]\n"
                       "gemeenten: [{code: GM0153, name: Enschede}]\n";
    size_t at = strlen(head);
    memcpy(text, head, at);
    size_t n = fread(text + at, 1, sizeof text - at - 1, f);
    fclose(f);
    text[at + n] = '\0';
    char *list = strstr(text + at, "\nmeasures:\n");
    assert_non_null(list);
    memmove(text + at, list + 1, strlen(list + 1) + 1);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(text, strlen(text), JZ_SOURCE_DIR "/scenarios/enschede/t.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    return s;
}

static void test_tabel_3_3a_totals(void **state)
{
    (void)state;
    jz_scenario *s = load_tabel();
    assert_int_equal(s->n_measures, 13); /* 12 rows and the rounding difference */
    /* 2022, 2023-2027 as printed (seed4 L1337-1346), 2028 = 2027 */
    const double total[7] = {0, 4356e3, 4356e3, 4356e3, 11192e3, 11844e3, 11844e3};
    double uncertain[7] = {0};
    for (int y = 0; y < 7; y++) {
        double t = 0.0;
        for (int i = 0; i < s->n_measures; i++) {
            t += s->measures[i].saving[y];
            uncertain[y] += (1.0 - s->measures[i].certain) * s->measures[i].saving[y];
        }
        assert_close(t, total[y], 1e-6);
    }
    assert_close(uncertain[5], 4449e3, 1e-3); /* "Omvang onzeker €4.449" (seed4 L1348), 2027 */

    /* in the model: B15, E1, B3 and B12 are in the baseline and save nothing
     * extra: 2,469k in 2023 (seed4-figures.md §3) */
    jz_result *r = run(s, 1);
    assert_close(r->g_ha_savings[jz_result_gy(r, 0, 1)], (4356.0 - 2469.0) * 1e3, 1e-6);
    jz_result_free(r);
    /* counting them too, the run saves exactly the printed totals */
    for (int i = 0; i < s->n_measures; i++)
        s->measures[i].in_baseline = JZ_BASELINE_NONE;
    r = run(s, 1);
    jz_result *off = run(s, 0);
    for (int y = 0; y < 7; y++) {
        size_t i = jz_result_gy(r, 0, y);
        assert_close(r->g_ha_savings[i], total[y], 1e-6);
        assert_close(off->g_cost[i] - r->g_cost[i], total[y], 1e-6);
        assert_close(r->g_ha_savings[i] - r->g_ha_savings_certain[i], total[y] * 4449.0 / 11844.0, 1e-3);
    }
    jz_result_free(off);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* The reports name an effect by the word the scenario wrote (the loader
 * reads the words, engine/report/measures_fields.c writes them). */
static void test_effect_names_round_trip(void **state)
{
    (void)state;
    jz_scenario *s = load_ok(
        "  - {key: e0, type: local, effect: instroom, zorgsoorten: [a], change: -10%, start: 2024}\n"
        "  - {key: e1, type: local, effect: zorgduur, change: -10%, start: 2024}\n"
        "  - {key: e2, type: local, effect: exit_after, share: 10%, evaluation_months: 3, start: 2024}\n"
        "  - {key: e3, type: local, effect: substitution, from: b, to: a, share: 10%, start: 2024}\n"
        "  - {key: e4, type: local, effect: tariff, change: -1%, start: 2024}\n"
        "  - {key: e5, type: local, effect: diversion, zorgsoorten: [a], share: 5%, start: 2024}\n"
        "  - {key: e6, type: local, effect: lumpsum, zorgsoorten: [a], amount: 1M, start: 2024}\n");
    static const char *const words[] = {"instroom", "zorgduur", "exit_after", "substitution",
                                        "tariff", "diversion", "lumpsum"};
    assert_int_equal(s->n_measures, JZ_EFFECT_N);
    for (int i = 0; i < s->n_measures; i++)
        assert_string_equal(jz_effect_name(s->measures[i].effect), words[i]);
    assert_string_equal(jz_effect_name(-1), "");
    assert_string_equal(jz_effect_name(JZ_EFFECT_N), "");
    jz_scenario_free(s);
}

/* A workspace that ran a scenario with measures, then one without: the
 * savings and investments of the first must not stay behind (measures.c
 * keeps them zeroed only while no measure wrote them). */
static void test_workspace_reuse_after_measures(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *plain = jz_scenario_load_string(BASE, strlen(BASE), "p.yaml", NULL, &err);
    assert_non_null(plain);
    jz_scenario *with = load_ok(
        "  - {key: B, type: hervormingsagenda, gemeenten: [GM0002], saving: 2M}\n"
        "  - {key: L, type: local, effect: tariff, zorgsoorten: [a], change: -5%, start: 2024, investment: 300k}\n");
    jz_workspace *w = jz_workspace_alloc(plain);
    jz_result *r0 = jz_result_alloc(plain), *r1 = jz_result_alloc(plain), *rm = jz_result_alloc(with);
    assert_true(w && r0 && r1 && rm);
    memset(r0->block, 0, r0->block_len * sizeof(double));
    memset(r1->block, 0, r1->block_len * sizeof(double));
    assert_int_equal(jz_model_run(plain, w, r0, &err), JZ_OK);
    assert_int_equal(jz_model_run(with, w, rm, &err), JZ_OK);
    assert_true(rm->g_ha_savings[H] != 0.0 && rm->g_measure_investment[4] != 0.0);
    assert_int_equal(jz_model_run(plain, w, r1, &err), JZ_OK);
    assert_memory_equal(r0->block, r1->block, r0->block_len * sizeof(double));
    jz_result_free(r0);
    jz_result_free(r1);
    jz_result_free(rm);
    jz_workspace_free(w);
    jz_scenario_free(with);
    jz_scenario_free(plain);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_workspace_reuse_after_measures),
        cmocka_unit_test(test_instroom_exact_from_start),
        cmocka_unit_test(test_ramp_linear_and_s_curve),
        cmocka_unit_test(test_fade),
        cmocka_unit_test(test_substitution_conserves_instroom),
        cmocka_unit_test(test_diversion_service_cost),
        cmocka_unit_test(test_tariff_changes_price_only),
        cmocka_unit_test(test_lumpsum_independent_of_volume),
        cmocka_unit_test(test_exit_after_equation),
        cmocka_unit_test(test_exit_after_in_model),
        cmocka_unit_test(test_investment_from_start_year),
        cmocka_unit_test(test_ha_share_realisation_certain),
        cmocka_unit_test(test_loader_errors),
        cmocka_unit_test(test_extends_merges_by_key_and_copy),
        cmocka_unit_test(test_run_rejects_bad_measure),
        cmocka_unit_test(test_tabel_3_3a_totals),
        cmocka_unit_test(test_effect_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
