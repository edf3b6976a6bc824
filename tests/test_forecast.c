/*
 * test_forecast.c - the acceptance tests of forecasting from real, messy
 * history (issue 15), each on synthetic data with a known truth made by
 * the model itself:
 *  - an exit-rate drop of 8% in one year, 2% noise and a +1% revision: the
 *    break fit in conditional mode forecasts the end-of-year stock 1-3
 *    years ahead within 2%, better than the naive forecasts, over rolling
 *    origins;
 *  - a two-branch duration mixture in the CBS classes: the shape fit
 *    recovers it and warns that no single Erlang fits;
 *  - half-year-only and peildatum-only histories fit, and a begin stock of
 *    Y is scored as the end stock of Y-1 (the off-by-one of the past);
 *  - the backtest's 95% forecast intervals cover the truth in 90-99% of
 *    200 synthetic backtests (small cases, so this runs in seconds; set
 *    JZ_COVERAGE_SEED0 to try other seeds).
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

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "analysis/calib_internal.h"
#include "jzsim/jzsim.h"
#include "jztest.h"

enum { BASE = 2014, YEARS = 15 }; /* 2014-2028 */
static const double INFLOW[YEARS] = {600, 640, 610, 660, 700, 650, 690, 720, 680, 740, 760, 730, 780, 800, 790};

/* A one-zorgsoort scenario: instroom `inflow` (the yearly list when NULL
 * is not given), zorgduur `dur` until break_year and dur_after from then. */
static jz_scenario *scenario(int yearly_inflow, double flat_inflow, double dur, int break_year, double dur_after)
{
    char in[512], zd[128], yaml[2048];
    if (yearly_inflow) {
        size_t L = (size_t)snprintf(in, sizeof in, "{absolute: {");
        for (int y = 0; y < YEARS; y++)
            L += (size_t)snprintf(in + L, sizeof in - L, "%s%d: %g", y ? ", " : "", BASE + y, INFLOW[y]);
        snprintf(in + L, sizeof in - L, "}}");
    } else {
        snprintf(in, sizeof in, "{absolute: %g}", flat_inflow);
    }
    if (break_year)
        snprintf(zd, sizeof zd, "{%d: %.10g, %d: %.10g}", BASE, dur, break_year, dur_after);
    else
        snprintf(zd, sizeof zd, "%.10g", dur);
    snprintf(yaml, sizeof yaml,
             "meta: {name: Prognose, base_year: %d, horizon: %d}\n"
             "zorgsoorten:\n"
             "  - key: ambulant\n"
             "    start: 1000\n"
             "    instroom: %s\n"
             "    zorgduur: %s\n"
             "    cost: 10k\n"
             "    budget: {volume: 1000, price: 10k}\n"
             "gemeenten:\n"
             "  - {code: GM0001, name: Synthstad}\n",
             BASE, YEARS, in, zd);
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(yaml, strlen(yaml), "prognose.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    return s;
}

static jz_result *run(const jz_scenario *s)
{
    jz_error err;
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_non_null(r);
    assert_non_null(w);
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("%s", err.message);
    jz_workspace_free(w);
    return r;
}

static double value(const jz_scenario *s, const jz_result *r, int series, int year)
{
    return jz_calib_model_value(s, r, series, 0, 0, year - BASE);
}

static jz_history *parse(const char *text)
{
    jz_error err;
    jz_history *h = jz_history_parse_csv(text, strlen(text), "h.csv", &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    return h;
}

/* ---- 1. an exit-rate drop -------------------------------------------- */

static void test_exit_rate_drop(void **state)
{
    (void)state;
    const int BREAK = 2021, LAST = 2027, REVISED = 2023;
    jz_scenario *t = scenario(1, 0, 20.0, BREAK, 20.0 / 0.92); /* exit rate 8% lower from 2021 */
    jz_scenario *p = scenario(0, 550, 18.0, 0, 0);              /* the analyst's first guess */
    jz_result *r = run(t);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 15);
    static char csv[8192];
    size_t L = (size_t)snprintf(csv, sizeof csv, "gemeente,zorgsoort,periode,clients_end,instroom,uitstroom\n");
    for (int y = BASE; y <= LAST; y++) {
        double e = value(t, r, JZ_HS_END, y) * (1 + gsl_ran_gaussian(rng, 0.02));
        double in = value(t, r, JZ_HS_INSTROOM, y) * (1 + gsl_ran_gaussian(rng, 0.02));
        double out = value(t, r, JZ_HS_UITSTROOM, y) * (1 + gsl_ran_gaussian(rng, 0.02));
        if (y == REVISED) /* first published 1% lower (voorlopig), then revised */
            L += (size_t)snprintf(csv + L, sizeof csv - L, "GM0001,ambulant,%d*,%.3f,,\n", y, e / 1.01);
        L += (size_t)snprintf(csv + L, sizeof csv - L, "GM0001,ambulant,%d,%.3f,%.3f,%.3f\n", y, e, in, out);
    }
    jz_history *h = parse(csv);
    assert_int_equal(h->n_revisions, 1);
    assert_true(fabs(h->revisions[0].revised / h->revisions[0].first - 1.01) < 1e-4);

    jz_backtest_options o;
    jz_backtest_options_default(&o);
    o.calib.fit = JZ_FIT_ZORGDUUR | JZ_FIT_BREAK;
    o.instroom_observed = 1;
    o.rolling = 1;
    o.first_origin = BREAK; /* from the first year the data can show the break */
    o.fit_until = LAST - 1;
    jz_error err;
    jz_backtest *b = jz_backtest_run(p, h, &o, &err);
    if (!b)
        fail_msg("%s", err.message);
    assert_int_equal(b->n_origins, LAST - BREAK);
    assert_int_equal(b->calib->break_year, BREAK);
    /* scored against the observations (noisy) by the backtest itself ... */
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->series == JZ_HS_END && st->method == JZ_BT_MODEL)
            print_message("end stock, %d year(s) ahead: MAPE %.2f%% against the observations (2%% noise), "
                          "%d origins\n", st->horizon, st->mape, st->n);
    }
    for (int v = 0; v < b->n_verdicts; v++) {
        const jz_bt_verdict *vd = &b->verdicts[v];
        if (vd->series == JZ_HS_END) {
            print_message("end stock over %d origins against the observations: model %.2f%%, last value %.2f%%, "
                          "linear trend %.2f%%\n", vd->n_origins, vd->mape[JZ_BT_MODEL], vd->mape[JZ_BT_LAST],
                          vd->mape[JZ_BT_TREND]);
            assert_true(vd->mape[JZ_BT_MODEL] < vd->mape[JZ_BT_LAST]);
            assert_true(vd->mape[JZ_BT_MODEL] < vd->mape[JZ_BT_TREND]);
        }
    }
    /* ... and against the known truth, per horizon: the forecast's own error */
    for (int hz = 1; hz <= 3; hz++) {
        double err_m[3] = {0};
        int n = 0;
        for (int i = 0; i < b->n_points; i++) {
            const jz_bt_point *q = &b->points[i];
            if (q->series != JZ_HS_END || q->horizon != hz)
                continue;
            double truth = value(t, r, JZ_HS_END, q->year);
            for (int m = 0; m < JZ_BT_METHODS; m++)
                err_m[m] += fabs(q->forecast[m] / truth - 1);
            n++;
        }
        assert_true(n > 0);
        for (int m = 0; m < JZ_BT_METHODS; m++)
            err_m[m] *= 100.0 / n;
        print_message("end stock, %d year(s) ahead, against the truth over %d origins: model %.2f%%, last value "
                      "%.2f%%, linear trend %.2f%%\n", hz, n, err_m[0], err_m[1], err_m[2]);
        assert_true(err_m[JZ_BT_MODEL] <= 2.0);
        assert_true(err_m[JZ_BT_MODEL] < err_m[JZ_BT_LAST]);
        assert_true(err_m[JZ_BT_MODEL] < err_m[JZ_BT_TREND]);
    }
    jz_backtest_free(b);

    /* the calibration names the break, with its year and an F test */
    jz_calib_options co;
    jz_calib_options_default(&co);
    co.fit = JZ_FIT_ZORGDUUR | JZ_FIT_BREAK;
    co.instroom_observed = 1;
    jz_calib *c = jz_calibrate(p, h, &co, &err);
    assert_non_null(c);
    assert_int_equal(c->break_year, BREAK);
    assert_true(c->break_p < 0.01);
    int warned = 0;
    for (int i = 0; i < c->n_warnings; i++)
        warned |= strstr(c->warnings[i], "series break") != NULL;
    assert_true(warned);
    int revised = 0; /* the revision is named in the calibration's notes */
    for (int i = 0; i < c->n_warnings; i++)
        revised |= strstr(c->warnings[i], "revision in h.csv: clients_end of GM0001, ambulant, 2023") &&
                   strstr(c->warnings[i], "(+1.0%)");
    assert_true(revised);
    for (int i = 0; i < c->n_params; i++)
        if (c->params[i].kind == JZ_PK_DUUR_BREAK) {
            print_message("zorgduur break factor %.4f +/- %.4f (truth %.4f)\n", c->params[i].value, c->params[i].se,
                          1 / 0.92);
            assert_true(fabs(c->params[i].value - 1 / 0.92) < 3 * c->params[i].se + 0.01);
        }
    jz_calib_free(c);

    /* a zorgduur trend instead of a break is a parameter with its error too */
    co.fit = JZ_FIT_ZORGDUUR | JZ_FIT_DUUR_TREND;
    c = jz_calibrate(p, h, &co, &err);
    assert_non_null(c);
    int trend = 0;
    for (int i = 0; i < c->n_params; i++)
        if (c->params[i].kind == JZ_PK_DUUR_TREND) {
            trend = 1;
            assert_true(c->params[i].fitted && c->params[i].value > 0 && isfinite(c->params[i].se));
        }
    assert_true(trend);
    jz_calib_free(c);
    jz_history_free(h);
    gsl_rng_free(rng);
    jz_result_free(r);
    jz_scenario_free(p);
    jz_scenario_free(t);
}

/* ---- 2. a duration mixture ------------------------------------------- */

static void test_mixture_shape(void **state)
{
    (void)state;
    /* 62% Erlang-2 with mean 10 months, 38% exponential with mean 18 */
    double prob[JZ_DUR_CLASSES];
    for (int c = 0; c < JZ_DUR_CLASSES; c++) {
        double a = jz_duration_class_edges[c], b = jz_duration_class_edges[c + 1];
        double e2 = gsl_cdf_gamma_P(isinf(b) ? 1e9 : b, 2, 5.0) - gsl_cdf_gamma_P(a, 2, 5.0);
        double e1 = gsl_cdf_exponential_P(isinf(b) ? 1e9 : b, 18.0) - gsl_cdf_exponential_P(a, 18.0);
        prob[c] = 0.62 * e2 + 0.38 * e1;
    }
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 7);
    unsigned n[JZ_DUR_CLASSES];
    gsl_ran_multinomial(rng, JZ_DUR_CLASSES, 250000, prob, n);
    jz_shape_test t;
    memset(&t, 0, sizeof t);
    for (int c = 0; c < JZ_DUR_CLASSES; c++)
        t.counts[c] = n[c];
    jz_shape_test_counts(&t, JZ_SHAPE_KMAX);
    print_message("single Erlang: best k = %d, chi2 %.1f (p %.2g); two branches: %.1f%% Erlang-%d mean %.2f, "
                  "Erlang-%d mean %.2f, chi2 %.2f (p %.2f)\n", t.best_k, t.chi2[t.best_k - 1],
                  t.pvalue[t.best_k - 1], 100 * t.mix_p, t.mix_k1, t.mix_D1, t.mix_k2, t.mix_D2, t.mix_chi2,
                  t.mix_pvalue);
    assert_true(t.none_fits);
    assert_true(t.mix_better);
    /* chi-square with C - 4 = 3 degrees of freedom: within its 99.9% range */
    assert_true(t.mix_chi2 < gsl_cdf_chisq_Pinv(0.999, JZ_DUR_CLASSES - 4));
    double share = t.mix_k1 == 2 && t.mix_k2 == 1 ? t.mix_p : t.mix_k1 == 1 && t.mix_k2 == 2 ? 1 - t.mix_p : NAN;
    double D2 = t.mix_k1 == 2 ? t.mix_D1 : t.mix_D2, D1 = t.mix_k1 == 2 ? t.mix_D2 : t.mix_D1;
    assert_true(fabs(share - 0.62) < 0.05);
    assert_true(fabs(D2 / 10.0 - 1) < 0.1);
    assert_true(fabs(D1 / 18.0 - 1) < 0.1);

    /* in a calibration: a warning that no single Erlang fits, naming the branches */
    jz_scenario *s = scenario(0, 600, 20, 0, 0);
    jz_calib c;
    memset(&c, 0, sizeof c);
    double classes[2 * JZ_DUR_CLASSES] = {0};
    for (int k = 0; k < JZ_DUR_CLASSES; k++)
        classes[JZ_DUR_CLASSES + k] = n[k]; /* [g][z + 1][class], z = 0 */
    jz_error err;
    assert_int_equal(jz_shape_tests(s, classes, JZ_SHAPE_KMAX, &c, &err), JZ_OK);
    assert_int_equal(c.n_warnings, 1);
    assert_non_null(strstr(c.warnings[0], "no single Erlang shape fits"));
    assert_non_null(strstr(c.warnings[0], "two branches"));
    free(c.shape);
    free(c.warnings[0]);
    free(c.warnings);

    /* a single Erlang-2 does not warn */
    for (int cl = 0; cl < JZ_DUR_CLASSES; cl++) {
        double a = jz_duration_class_edges[cl], b = jz_duration_class_edges[cl + 1];
        prob[cl] = gsl_cdf_gamma_P(isinf(b) ? 1e9 : b, 2, 6.0) - gsl_cdf_gamma_P(a, 2, 6.0);
    }
    gsl_ran_multinomial(rng, JZ_DUR_CLASSES, 250000, prob, n);
    memset(&t, 0, sizeof t);
    for (int cl = 0; cl < JZ_DUR_CLASSES; cl++)
        t.counts[cl] = n[cl];
    jz_shape_test_counts(&t, JZ_SHAPE_KMAX);
    assert_int_equal(t.best_k, 2);
    assert_false(t.none_fits);
    jz_scenario_free(s);
    gsl_rng_free(rng);
}

/* ---- 3. half-years, peildata, and the begin-stock horizon ---------------- */

static double fitted_zorgduur(const jz_calib *c)
{
    for (int i = 0; i < c->n_params; i++)
        if (c->params[i].kind == JZ_PK_ZORGDUUR && c->params[i].fitted)
            return c->params[i].value;
    return NAN;
}

static void test_half_years_and_peildata(void **state)
{
    (void)state;
    jz_scenario *t = scenario(1, 0, 20.0, 0, 0), *p = scenario(1, 0, 17.0, 0, 0);
    jz_result *r = run(t);
    jz_calib_options co;
    jz_calib_options_default(&co);
    co.fit = JZ_FIT_ZORGDUUR;
    jz_error err;
    /* a lone first-half-year table, as the half-yearly CBS reports give it:
     * the begin stock, the 30 June stock and the half-year's flows */
    static char csv[8192];
    size_t L = (size_t)snprintf(csv, sizeof csv, "gemeente;zorgsoort;periode;clients_start;clients_end;instroom;"
                                                 "uitstroom\n");
    for (int y = 2015; y <= 2020; y++) {
        double s0 = value(t, r, JZ_HS_START, y), s1 = value(t, r, JZ_HS_END, y);
        L += (size_t)snprintf(csv + L, sizeof csv - L, "GM0001;ambulant;1e halfjaar %d;%.0f;%.0f;%.0f;%.0f\n", y,
                              s0, 0.5 * (s0 + s1), 0.5 * value(t, r, JZ_HS_INSTROOM, y),
                              0.5 * value(t, r, JZ_HS_UITSTROOM, y));
    }
    jz_history *h = parse(csv);
    jz_calib *c = jz_calibrate(p, h, &co, &err);
    if (!c)
        fail_msg("%s", err.message);
    assert_int_equal(c->n_obs, 6 * 4); /* every figure counts, not only the begin stock */
    print_message("half-years only: zorgduur %.3f (truth 20)\n", fitted_zorgduur(c));
    assert_true(fabs(fitted_zorgduur(c) / 20.0 - 1) < 0.01);
    jz_calib_free(c);
    jz_history_free(h);

    /* peildata only: stocks on 31 December and 1 January */
    L = (size_t)snprintf(csv, sizeof csv, "gemeente;zorgsoort;peildatum;jeugdigen met maatregel\n");
    for (int y = 2014; y <= 2020; y++)
        L += (size_t)snprintf(csv + L, sizeof csv - L, y % 2 ? "GM0001;ambulant;31-12-%d;%.3f\n"
                                                              : "GM0001;ambulant;1-1-%d;%.3f\n",
                              y % 2 ? y : y + 1, value(t, r, JZ_HS_END, y));
    for (size_t i = 0; i < L; i++)
        if (csv[i] == '.')
            csv[i] = ',';
    h = parse(csv);
    c = jz_calibrate(p, h, &co, &err);
    if (!c)
        fail_msg("%s", err.message);
    assert_int_equal(c->n_obs, 7);
    print_message("peildata only: zorgduur %.3f (truth 20)\n", fitted_zorgduur(c));
    assert_true(fabs(fitted_zorgduur(c) / 20.0 - 1) < 1e-3);
    jz_calib_free(c);
    jz_history_free(h);

    /* begin stocks only: the stock of 1 January 2019 is known when the fit
     * ends in 2018 (it is the end stock of 2018), so it is fitted, not
     * scored; 1 January 2020 is one year ahead and its naive forecast is
     * the 2019 begin stock.  (Scored as 2019 at horizon 1, with the 2018
     * begin stock as the last value, it was one horizon too late.) */
    L = (size_t)snprintf(csv, sizeof csv, "gemeente,zorgsoort,periode,clients_start\n");
    for (int y = 2015; y <= 2022; y++)
        L += (size_t)snprintf(csv + L, sizeof csv - L, "GM0001,ambulant,%d,%.3f\n", y, value(t, r, JZ_HS_START, y));
    h = parse(csv);
    jz_backtest_options o;
    jz_backtest_options_default(&o);
    o.calib.fit = JZ_FIT_ZORGDUUR;
    o.fit_until = 2018;
    jz_backtest *b = jz_backtest_run(p, h, &o, &err);
    if (!b)
        fail_msg("%s", err.message);
    double start2019 = value(t, r, JZ_HS_START, 2019), start2020 = value(t, r, JZ_HS_START, 2020);
    int fitted = 0;
    for (int i = 0; i < b->calib->n_obs; i++)
        fitted |= b->calib->obs[i].series == JZ_HS_END && b->calib->obs[i].year == 2018 &&
                  fabs(b->calib->obs[i].observed - start2019) < 1e-3;
    assert_true(fitted);
    assert_int_equal(b->n_points, 3);
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *q = &b->points[i];
        assert_int_equal(q->series, JZ_HS_END);
        assert_int_equal(q->horizon, q->year - 2018);
        if (q->horizon == 1) {
            assert_true(fabs(q->observed - start2020) < 1e-3);
            assert_true(fabs(q->forecast[JZ_BT_LAST] - start2019) < 1e-3);
        }
    }
    jz_backtest_free(b);
    jz_history_free(h);
    jz_result_free(r);
    jz_scenario_free(p);
    jz_scenario_free(t);
}

/* ---- 4. coverage of the forecast intervals --------------------------------- */

static void test_interval_coverage(void **state)
{
    (void)state;
    enum { N = 200, FIRST = 2014, LAST = 2024 };
    const unsigned long seed0 = getenv("JZ_COVERAGE_SEED0") ? strtoul(getenv("JZ_COVERAGE_SEED0"), NULL, 10) : 0;
    jz_scenario *t = scenario(1, 0, 20.0, 0, 0), *p = scenario(0, 600, 18.0, 0, 0);
    jz_result *r = run(t);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    int covered = 0, covered_comb = 0, total = 0;
    double loo = 0.0;
    for (int seed = 1; seed <= N; seed++) {
        gsl_rng_set(rng, seed0 + (unsigned long)seed);
        static char csv[8192];
        size_t L = (size_t)snprintf(csv, sizeof csv, "gemeente,zorgsoort,periode,clients_end,instroom\n");
        for (int y = FIRST; y <= LAST; y++) {
            /* one draw after the other (not two in one argument list, whose
             * order of evaluation differs between compilers) */
            double e = value(t, r, JZ_HS_END, y) * (1 + gsl_ran_gaussian(rng, 0.02));
            double in = value(t, r, JZ_HS_INSTROOM, y) * (1 + gsl_ran_gaussian(rng, 0.02));
            L += (size_t)snprintf(csv + L, sizeof csv - L, "GM0001,ambulant,%d,%.3f,%.3f\n", y, e, in);
        }
        double truth = value(t, r, JZ_HS_END, LAST + 1) * (1 + gsl_ran_gaussian(rng, 0.02));
        jz_history *h = parse(csv);
        jz_backtest_options o;
        jz_backtest_options_default(&o);
        o.calib.fit = JZ_FIT_ZORGDUUR | JZ_FIT_INSTROOM;
        o.rolling = 1;
        o.ahead = 1;
        o.max_horizon = 1;
        jz_error err;
        jz_backtest *b = jz_backtest_run(p, h, &o, &err);
        if (!b)
            fail_msg("seed %d: %s", seed, err.message);
        for (int k = 0; k < b->n_ahead; k++) {
            const jz_bt_ahead *a = &b->ahead[k];
            if (a->series != JZ_HS_END)
                continue;
            assert_int_equal(a->year, LAST + 1);
            covered += truth >= a->lo && truth <= a->hi;
            covered_comb += truth >= a->lo_comb && truth <= a->hi_comb;
            total++;
        }
        loo += b->coverage;
        jz_backtest_free(b);
        jz_history_free(h);
    }
    double rate = (double)covered / total;
    print_message("95%% intervals one year beyond %d backtests: empirical %.1f%%, with parameter uncertainty "
                  "%.1f%%; leave-one-out coverage within the backtests %.1f%%\n", total, 100 * rate,
                  100.0 * covered_comb / total, 100 * loo / N);
    assert_int_equal(total, N);
    double rate_comb = (double)covered_comb / total;
    assert_true(rate_comb >= 0.90 && rate_comb <= 0.99);
    assert_true(rate >= 0.90 && rate <= 0.99);
    gsl_rng_free(rng);
    jz_result_free(r);
    jz_scenario_free(p);
    jz_scenario_free(t);
}

/* ---- 5. Nederland, a province or a COROP region as the level --------------- */

static void test_national_level(void **state)
{
    (void)state;
    const char *y = "meta: {name: Landelijk, base_year: 2020, horizon: 4}\n"
                    "zorgsoorten:\n"
                    "  - {key: ots, start: 30000, instroom: {absolute: 12000}, zorgduur: 30, cost: 10k,\n"
                    "     budget: {volume: 30000, price: 10k}}\n"
                    "gemeenten:\n"
                    "  - {code: NL01, name: Nederland}\n"
                    "  - {code: PV21, name: Groningen}\n"
                    "  - {code: CR01, name: Oost-Groningen}\n";
    jz_error err;
    jz_scenario *s = jz_scenario_load_string(y, strlen(y), "nl.yaml", NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_true(jz_region_code("NL01") && jz_region_code("PV21") && jz_region_code("CR40"));
    assert_false(jz_region_code("GM0153") || jz_region_code("XX01") || jz_region_code("NL1"));
    jz_history *h = parse("regio's;type maatregel;peildatum;jeugdigen met maatregel\n"
                          "Nederland;ots;31-12-2020;31 000\nNederland;ots;1-1-2022;31 500\n"
                          "PV21;ots;31-12-2021;1 200\n");
    jz_calib_options co;
    jz_calib_options_default(&co);
    co.fit = JZ_FIT_ZORGDUUR;
    jz_calib *c = jz_calibrate(s, h, &co, &err);
    if (!c)
        fail_msg("%s", err.message);
    assert_int_equal(c->n_obs, 3);
    assert_int_equal(c->obs[0].g, 0);
    assert_int_equal(c->obs[2].g, 1);
    jz_calib_free(c);
    jz_history_free(h);
    jz_scenario_free(s);
    const char *bad = "meta: {name: X, base_year: 2020, horizon: 4}\n"
                      "zorgsoorten:\n  - {key: ots, start: 1, instroom: {absolute: 1}, zorgduur: 30, cost: 10k,\n"
                      "     budget: {volume: 1, price: 10k}}\n"
                      "gemeenten:\n  - {code: XX01, name: Nergens}\n";
    assert_null(jz_scenario_load_string(bad, strlen(bad), "x.yaml", NULL, &err));
    assert_non_null(strstr(err.message, "NL01"));
}

/* ---- 6. observations no parameter can reconcile --------------------------- */

static void test_inconsistent_neighbours(void **state)
{
    (void)state;
    jz_scenario *p = scenario(0, 600, 20, 0, 0);
    /* 2016: the end stock of 2015 was 1000, but 2016's figures imply a begin
     * stock of 400 (CBS widened or narrowed the population?); 2017: unique
     * clients below instroom imply a negative begin stock */
    jz_history *h = parse("gemeente,zorgsoort,periode,clients_end,instroom,uitstroom,unique_clients\n"
                          "GM0001,ambulant,2015,1000,600,600,\n"
                          "GM0001,ambulant,2016,1000,1000,400,\n"
                          "GM0001,ambulant,2017,,700,,650\n");
    jz_calib_options co;
    jz_calib_options_default(&co);
    co.fit = JZ_FIT_ZORGDUUR;
    jz_error err;
    jz_calib *c = jz_calibrate(p, h, &co, &err);
    if (!c)
        fail_msg("%s", err.message);
    int half = 0, negative = 0;
    for (int i = 0; i < c->n_warnings; i++) {
        half |= strstr(c->warnings[i], "h.csv:3: clients_end 1000 and instroom 1000 and uitstroom 400") &&
                strstr(c->warnings[i], "less than half the end stock of 2015 (1000, line 2)");
        negative |= strstr(c->warnings[i], "h.csv:4: unique_clients 650 and instroom 700") &&
                    strstr(c->warnings[i], "negative begin stock");
    }
    assert_true(half);
    assert_true(negative);
    jz_calib_free(c);
    jz_history_free(h);
    jz_scenario_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exit_rate_drop),
        cmocka_unit_test(test_mixture_shape),
        cmocka_unit_test(test_half_years_and_peildata),
        cmocka_unit_test(test_interval_coverage),
        cmocka_unit_test(test_national_level),
        cmocka_unit_test(test_inconsistent_neighbours),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
