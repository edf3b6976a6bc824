/*
 * test_model_mixture.c - a zorgsoort whose duration is a two-branch
 * mixture (zorgsoorten[].mixture, docs/model.md section 2b):
 *   - share 1 is the single Erlang chain of the first branch, every result
 *     array to 1e-12, on a scenario with every mechanism switched on;
 *   - a one-year pulse of instroom: the stock follows the exact convolution
 *     of the mixture survival p S_{k1,D1}(t) + (1-p) S_{k2,D2}(t)
 *     (gsl_sf_gamma_inc_Q), also when the cell's zorgduur rescales both
 *     branches and with ageing, for several step lengths;
 *   - Little's law with the cell's zorgduur as the mixture's mean, and the
 *     start split is that steady state;
 *   - mass balance per year and zorgsoort, and per gemeente, with mixtures
 *     beside transfers, re-entry and ageing;
 *   - the scenario key: loading and located errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>

#include "jzsim/model.h"
#include "model_support.h"
#include "jztest.h"
#include "scenario/build.h"

static const jz_mixture ISSUE_MIX = {0.62, {2, 1}, {10.0, 18.0}}; /* mean 13.04 months */

static double mix_mean(const jz_mixture *m)
{
    return m->share * m->zorgduur[0] + (1.0 - m->share) * m->zorgduur[1];
}

/* ---- share 1 = the single chain ---- */

static void expect_same_results(const jz_result *a, const jz_result *b, double tol)
{
    size_t n = (size_t)(a->n_gemeenten + 1) * (size_t)a->n_zorgsoorten * (size_t)a->horizon;
#define CMP_(field, kind)                                                                     \
    for (size_t i = 0; i < n; i++)                                                            \
        if (!jzm_close(a->field[i], b->field[i], tol, 1e-300))                               \
            fail_msg(#field "[%zu]: %.17g vs %.17g", i, a->field[i], b->field[i]);
    JZ_RESULT_CZ_FIELDS(CMP_)
#undef CMP_
}

static void test_share_one_is_the_single_chain(void **state)
{
    (void)state;
    const int G = 2, H = 8;
    jz_scenario *plain = jzm_rich_scenario(G, H);
    jz_scenario *mixed = jzm_rich_scenario(G, H);
    assert_non_null(plain);
    assert_non_null(mixed);
    for (int z = 0; z < mixed->n_zorgsoorten; z++) {
        /* the first branch is the plain chain; the second (no starts) has
         * any other shape */
        jz_mixture m = {1.0, {mixed->zorgsoorten[z].stages, 4}, {7.0 + z, 30.0}};
        mixed->zorgsoorten[z].mix = m;
    }
    jz_workspace *wp, *wm;
    jz_result *rp, *rm;
    jzt_run_ok(plain, &wp, &rp);
    jzt_run_ok(mixed, &wm, &rm);
    expect_same_results(rm, rp, 1e-12);
    jzt_free_all(plain, wp, rp);
    jzt_free_all(mixed, wm, rm);
}

/* ---- the cohort of a one-year pulse against the mixture survival ---- */

typedef struct pulse {
    jz_mixture m;
    double scale; /* D_y / mean of m: both branch means scale by it */
    double a, I;
    gsl_integration_workspace *ws;
} pulse;

static double survival(double u, void *vp)
{
    const pulse *p = vp;
    double s = 0.0;
    for (int b = 0; b < 2; b++) {
        double share = b == 0 ? p->m.share : 1.0 - p->m.share;
        double Db = p->m.zorgduur[b] * p->scale;
        s += share * gsl_sf_gamma_inc_Q(p->m.stages[b], p->m.stages[b] / Db * u);
    }
    return s * exp(-p->a * u);
}

/* the stock at month t of instroom I/yr entering uniformly over [0, 12) */
static double stock_at(double t, pulse *p)
{
    gsl_function f = {survival, p};
    double lo = t > 12.0 ? t - 12.0 : 0.0, v, e;
    int rc = gsl_integration_qags(&f, lo, t, 0.0, 1e-13, 1000, p->ws, &v, &e);
    assert_true(rc == GSL_SUCCESS || rc == GSL_EROUND);
    return p->I / 12.0 * v;
}

static void pulse_against_survival(int steps, double scale, double ageing)
{
    const int H = 8;
    const double I = 250.0;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    s->meta.steps_per_year = steps;
    s->zorgsoorten[0].mix = ISSUE_MIX;
    jz_cell *c = &s->cells[0];
    jz_fill(c->zorgduur, H, mix_mean(&ISSUE_MIX) * scale);
    c->instroom[0] = I;
    jz_fill(c->ageing_rate, H, ageing);
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);

    pulse p = {ISSUE_MIX, scale, -log(1.0 - ageing) / 12.0, I, gsl_integration_workspace_alloc(1000)};
    assert_non_null(p.ws);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        double want = stock_at(12.0 * (y + 1), &p);
        if (!jzm_close(r->end[i], want, 1e-9, 1e-9))
            fail_msg("steps %d scale %g ageing %g year %d: end %.17g, the mixture survival gives %.17g",
                     steps, scale, ageing, y, r->end[i], want);
    }
    gsl_integration_workspace_free(p.ws);
    jzt_free_all(s, w, r);
}

static void test_cohort_follows_mixture_survival(void **state)
{
    (void)state;
    pulse_against_survival(12, 1.0, 0.0);
    pulse_against_survival(4, 1.0, 0.0);
    pulse_against_survival(52, 1.0, 0.0);
    /* the cell's zorgduur 30% above the mixture's own mean: D1 = 13, D2 = 23.4 */
    pulse_against_survival(12, 1.3, 0.0);
    pulse_against_survival(12, 1.0, 0.1);
}

/* ---- Little's law and the steady start ---- */

static void test_little_law_with_the_mixture_mean(void **state)
{
    (void)state;
    const int H = 40;
    const double D = 15.0, I = 300.0, L = I * D / 12.0;
    jz_scenario *s = jz_scenario_new(1, 1, H, 2024);
    assert_non_null(s);
    s->zorgsoorten[0].mix = ISSUE_MIX;
    jz_fill(s->cells[0].zorgduur, H, D);
    jz_fill(s->cells[0].instroom, H, I);
    s->cells[0].start = L;
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    /* the start split over the branches is their steady state: it stays */
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_cz(r, 0, 0, y);
        if (!jzm_close(r->end[i], L, 1e-12, 0) || !jzm_close(r->client_years[i], L, 1e-12, 0) ||
            !jzm_close(r->uitstroom[i], I, 1e-12, 0))
            fail_msg("year %d: end %.17g client_years %.17g uitstroom %.17g, want %.17g and %g", y, r->end[i],
                     r->client_years[i], r->uitstroom[i], L, I);
    }
    jzt_free_all(s, w, r);
}

/* ---- mass balance ---- */

static void test_mass_balance_with_mixtures(void **state)
{
    (void)state;
    const int G = 3, H = 10;
    jz_scenario *s = jzm_rich_scenario(G, H);
    assert_non_null(s);
    s->zorgsoorten[0].mix = ISSUE_MIX;
    s->zorgsoorten[2].mix = (jz_mixture){0.3, {1, 5}, {2.0, 60.0}};
    jz_workspace *w;
    jz_result *r;
    jzt_run_ok(s, &w, &r);
    const int Z = s->n_zorgsoorten;
    for (int g = 0; g < G; g++) {
        double ext = 0.0, start0 = 0.0;
        for (int z = 0; z < Z; z++)
            start0 += r->start[jz_result_cz(r, g, z, 0)];
        for (int y = 0; y < H; y++) {
            double end = 0.0;
            for (int z = 0; z < Z; z++) {
                size_t i = jz_result_cz(r, g, z, y);
                if (!jzm_close(r->start[i] + r->instroom[i] - r->uitstroom[i], r->end[i], 1e-12, 1e-9))
                    fail_msg("g %d z %d y %d: start %.17g + instroom %.17g - uitstroom %.17g != end %.17g", g, z,
                             y, r->start[i], r->instroom[i], r->uitstroom[i], r->end[i]);
                assert_true(jzm_close(r->uit_transfer[i] + r->uit_reentry[i] + r->uit_aged_out[i] +
                                          r->uit_out[i], r->uitstroom[i], 1e-12, 1e-9));
                if (y > 0)
                    assert_true(r->start[i] == r->end[jz_result_cz(r, g, z, y - 1)]);
                end += r->end[i];
                ext += r->instroom_ext[i];
            }
            size_t gy = jz_result_gy(r, g, y);
            double held = end + r->g_in_transit[gy] + r->g_reentry_pool[gy] + r->g_left_care[gy];
            if (!jzm_close(held, start0 + ext, 1e-11, 0))
                fail_msg("g %d y %d: %.17g in care, in transit, waiting or left; %.17g started", g, y, held,
                         start0 + ext);
        }
    }
    jzt_free_all(s, w, r);
}

/* a mixture cell with a zorgduur that scales (a measure, an uncertainty
 * draw) keeps the model's checks: a zero branch mean cannot get through */
static void test_model_rejects_a_bad_mixture(void **state)
{
    (void)state;
    jz_scenario *s = jz_scenario_new(1, 1, 2, 2024);
    assert_non_null(s);
    jz_fill(s->cells[0].zorgduur, 2, 10.0);
    s->zorgsoorten[0].mix = (jz_mixture){0.5, {2, 0}, {10.0, 18.0}};
    jz_workspace *w = NULL;
    jz_result *r = NULL;
    jz_error err;
    assert_int_equal(jzm_run(s, &w, &r, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "mixture stages of branch 2"));
    jz_result_free(r);
    jz_workspace_free(w);
    s->zorgsoorten[0].mix = (jz_mixture){1.5, {2, 1}, {10.0, 18.0}};
    assert_int_equal(jzm_run(s, &w, &r, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "mixture share"));
    jzt_free_all(s, w, r);
}

/* ---- the scenario key ---- */

static jz_scenario *load_mix(const char *zorgsoort_lines, jz_error *err)
{
    char buf[2048];
    snprintf(buf, sizeof buf,
             "meta: {name: T, base_year: 2024, horizon: 3}\n" /* 1 */
             "zorgsoorten:\n"                                  /* 2 */
             "  - key: ambulant\n"                             /* 3 */
             "    start: 100\n"                                /* 4 */
             "    instroom: 120\n"                             /* 5 */
             "    zorgduur: 13\n"                              /* 6 */
             "    cost: 9k\n"                                  /* 7 */
             "%s"                                              /* 8.. */
             "gemeenten:\n"
             "  - {code: GM0001, name: Ergens}\n",
             zorgsoort_lines);
    return jz_scenario_load_string(buf, strlen(buf), "t.yaml", NULL, err);
}

static void expect_mix_error(const char *lines, int line, int col, const char *needle)
{
    jz_error err;
    jz_scenario *s = load_mix(lines, &err);
    if (s) {
        jz_scenario_free(s);
        fail_msg("no error for:\n%s", lines);
    }
    assert_int_equal(err.status, JZ_EINPUT);
    if (!strstr(err.message, needle))
        fail_msg("message '%s' does not contain '%s'", err.message, needle);
    if (err.line != line || err.column != col)
        fail_msg("'%s' at %d:%d, expected %d:%d", err.message, err.line, err.column, line, col);
}

static void test_scenario_key(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load_mix("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 18]}\n", &err);
    if (!s)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    const jz_mixture *m = &s->zorgsoorten[0].mix;
    assert_close(m->share, 0.62, 1e-15);
    assert_int_equal(m->stages[0], 2);
    assert_int_equal(m->stages[1], 1);
    assert_close(m->zorgduur[0], 10.0, 0);
    assert_close(m->zorgduur[1], 18.0, 0);
    jz_scenario_free(s);
    /* stages: 1 (the default) may stand beside it */
    s = load_mix("    stages: 1\n    mixture: {share: 0.5, stages: [1, 3], zorgduur: [4, 30]}\n", &err);
    assert_non_null(s);
    jz_scenario_free(s);

    expect_mix_error("    mixture: {share: 0%, stages: [2, 1], zorgduur: [10, 18]}\n", 8, 22, "above 0%");
    expect_mix_error("    mixture: {share: 100%, stages: [2, 1], zorgduur: [10, 18]}\n", 8, 22, "below 100%");
    expect_mix_error("    mixture: {share: 1.2, stages: [2, 1], zorgduur: [10, 18]}\n", 8, 22, "mixture.share");
    expect_mix_error("    mixture: {share: 62%, stages: [0, 1], zorgduur: [10, 18]}\n", 8, 36, "mixture.stages");
    expect_mix_error("    mixture: {share: 62%, stages: [2, 21], zorgduur: [10, 18]}\n", 8, 39, "mixture.stages");
    expect_mix_error("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, -18]}\n", 8, 58, "mixture.zorgduur");
    expect_mix_error("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 0]}\n", 8, 58, "mixture.zorgduur");
    expect_mix_error("    mixture: {share: 62%, stages: 2, zorgduur: [10, 18]}\n", 8, 35, "list of two");
    expect_mix_error("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 18, 4]}\n", 8, 53, "list of two");
    expect_mix_error("    mixture: {share: 62%, stages: [2, 1]}\n", 8, 14, "zorgduur");
    expect_mix_error("    mixture: {shares: 62%, stages: [2, 1], zorgduur: [10, 18]}\n", 8, 15, "did you mean 'share'");
    expect_mix_error("    mixture: 62%\n", 8, 14, "must be a map");
    expect_mix_error("    stages: 3\n    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 18]}\n", 8, 13,
                     "drop one of them");
}

static void test_branch_mean_plausibility(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = load_mix("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 1800]}\n", &err);
    assert_null(s);
    s = load_mix("    mixture: {share: 62%, stages: [2, 1], zorgduur: [10, 180]}\n", &err);
    assert_non_null(s);
    int found = 0;
    for (int i = 0; i < s->n_warnings; i++)
        found |= strstr(s->warnings[i], "mixture.zorgduur 180") != NULL;
    if (!found)
        fail_msg("no plausibility warning for a branch mean of 180 months");
    jz_scenario_free(s);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_share_one_is_the_single_chain),
        cmocka_unit_test(test_cohort_follows_mixture_survival),
        cmocka_unit_test(test_little_law_with_the_mixture_mean),
        cmocka_unit_test(test_mass_balance_with_mixtures),
        cmocka_unit_test(test_model_rejects_a_bad_mixture),
        cmocka_unit_test(test_scenario_key),
        cmocka_unit_test(test_branch_mean_plausibility),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
