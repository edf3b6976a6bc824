/*
 * test_records_fit.c - the duration estimates of `jzsim records` on a
 * synthetic administration generated from a known model (issue 14):
 * Erlang-2 durations with mean 10 months, trajectories starting up to three
 * years before a two-year window (left-truncated: only those still in care
 * at the window start are in the file), about 30% still running at the
 * export date (right-censored).
 *   - over 100 seeds the 95% intervals of the mean and of the shape cover
 *     the truth in 90-99% of the seeds, and Erlang k = 2 is chosen in most;
 *   - the naive mean of the ended trajectories is biased, the fit is not;
 *   - Kaplan-Meier follows the true survival curve.
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

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>

#include "jzsim/records.h"

#define TRUE_MEAN 10.0 /* months */
#define TRUE_K 2
#define SEEDS 100

/* One administration: starts as a Poisson stream (rate per day) from three
 * years before the window to the export date. */
static jz_records *synth(unsigned long seed, double rate, int *n_out)
{
    gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(g, seed);
    const int W = jz_day_from_ymd(2022, 1, 1), E = jz_day_from_ymd(2023, 12, 31);
    const int from = jz_day_from_ymd(2019, 1, 1);
    int cap = 4096, n = 0;
    jz_trajectory *t = malloc(sizeof *t * (size_t)cap);
    for (int day = from; day <= E; day++) {
        unsigned starts = gsl_ran_poisson(g, rate);
        for (unsigned s = 0; s < starts; s++) {
            double T = gsl_ran_gamma(g, TRUE_K, TRUE_MEAN * JZ_DAYS_PER_MONTH / TRUE_K);
            int end = day + (int)floor(T);
            if (end < W)
                continue; /* ended before the administration: never seen */
            if (n == cap)
                t = realloc(t, sizeof *t * (size_t)(cap *= 2));
            t[n] = (jz_trajectory){n, 0, 0, day, end > E ? JZ_DAY_UNSET : end, NAN, n + 2};
            n++;
        }
    }
    gsl_rng_free(g);
    jz_records_options o;
    jz_records_options_default(&o);
    o.window_start = W;
    o.export_date = E;
    const char *gm[] = {"GM0001"}, *zs[] = {"ambulant"};
    jz_error err;
    jz_records *r = jz_records_from_trajectories(t, n, 1, gm, 1, zs, &o, &err);
    free(t);
    assert_non_null(r);
    *n_out = n;
    return r;
}

static void test_coverage_and_bias(void **state)
{
    (void)state;
    int cover_mean = 0, cover_shape = 0, k2 = 0, naive_out = 0, erlang_cover = 0;
    double sum_fit = 0, sum_naive = 0, sum_cens = 0, sum_trunc = 0, sum_n = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
        int n;
        jz_records *r = synth((unsigned long)seed, 1.5, &n);
        jz_duration d;
        memset(&d, 0, sizeof d);
        jz_error err;
        assert_int_equal(jz_duration_estimate(r, 0, &d, &err), JZ_OK);
        assert_true(d.gamma.ok);
        sum_n += d.n;
        sum_cens += (double)d.censored / d.n;
        sum_trunc += (double)d.truncated / d.n;
        const double z = 1.959964;
        cover_mean += fabs(d.gamma.mean - TRUE_MEAN) <= z * d.gamma.se_mean;
        cover_shape += fabs(d.gamma.shape - TRUE_K) <= z * d.gamma.se_shape;
        erlang_cover += fabs(d.erlang[2].mean - TRUE_MEAN) <= z * d.erlang[2].se_mean;
        k2 += d.best_k == TRUE_K;
        sum_fit += d.gamma.mean;
        sum_naive += d.naive_mean;
        /* the naive mean is far outside the fit's interval */
        naive_out += fabs(d.naive_mean - TRUE_MEAN) > z * d.gamma.se_mean;
        jz_duration_clear(&d);
        jz_records_free(r);
    }
    printf("# %d seeds, %.0f trajectories each on average, %.1f%% censored, %.1f%% left-truncated\n", SEEDS,
           sum_n / SEEDS, 100 * sum_cens / SEEDS, 100 * sum_trunc / SEEDS);
    printf("# coverage of the 95%% interval: mean %d%%, shape %d%%, Erlang-2 mean %d%%; k = 2 chosen in %d%%\n",
           cover_mean, cover_shape, erlang_cover, k2);
    printf("# average estimate: fitted %.3f months, naive %.3f months (truth %.1f); naive outside the "
           "fit's interval in %d%% of the seeds\n", sum_fit / SEEDS, sum_naive / SEEDS, TRUE_MEAN, naive_out);
    assert_true(sum_cens / SEEDS > 0.25 && sum_cens / SEEDS < 0.35);
    assert_true(sum_trunc / SEEDS > 0.10);
    assert_in_range(cover_mean, 90, 99);
    assert_in_range(cover_shape, 90, 99);
    assert_in_range(erlang_cover, 90, 99);
    assert_true(k2 >= 70);
    assert_true(fabs(sum_fit / SEEDS - TRUE_MEAN) < 0.1);       /* unbiased to 1% */
    assert_true(fabs(sum_naive / SEEDS - TRUE_MEAN) > 1.0);     /* biased by more than 10% */
    assert_true(naive_out >= 90);
}

/* Kaplan-Meier with truncation and censoring follows the true curve. */
static void test_kaplan_meier(void **state)
{
    (void)state;
    int n;
    jz_records *r = synth(7, 6.0, &n);
    jz_duration d;
    memset(&d, 0, sizeof d);
    jz_error err;
    assert_int_equal(jz_duration_estimate(r, 0, &d, &err), JZ_OK);
    assert_true(d.n_km > 24);
    double worst = 0;
    for (int m = 0; m < 24; m++) {
        double truth = gsl_sf_gamma_inc_Q(TRUE_K, TRUE_K * m / TRUE_MEAN);
        worst = fmax(worst, fabs(d.km[m] - truth));
        assert_true(d.km_lo[m] <= d.km[m] && d.km[m] <= d.km_hi[m]);
    }
    printf("# Kaplan-Meier vs truth, months 0-23: max difference %.4f (n = %d)\n", worst, d.n);
    assert_true(worst < 0.03);
    assert_true(d.gamma.ks < 0.03);
    assert_true(d.mixture.ok);
    /* an Erlang-2 is no mixture of two exponentials: the better Erlang wins on AIC */
    assert_true(d.erlang[2].aic < d.mixture.aic);
    assert_true(fabs(d.km_median - 10 * gsl_sf_gamma_inc_Q(1, 0) * 0.839) < 1.0); /* median of Erlang-2 = 8.39 */
    jz_duration_clear(&d);
    jz_records_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coverage_and_bias),
        cmocka_unit_test(test_kaplan_meier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
