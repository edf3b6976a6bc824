/*
 * test_intervals.c - the backtest's interval table and the band a run
 * draws with it (jzsim/intervals.h):
 *   - the band is end x (1 + q_lo), end x (1 + q_hi) for the stored bounds,
 *     per zorgsoort and for the gemeente total, only from last_year + 1;
 *   - a year beyond a series' longest horizon is marked, with no band;
 *   - a table written by jz_intervals_write reads back the same;
 *   - a bad table is a located error: unknown gemeente or zorgsoort, a gap
 *     or a duplicate in the horizons, a bound of the wrong sign, a typo'd
 *     key, a last year outside the scenario;
 *   - a comparison holds the band of its reference [1] (compare
 *     --intervals), read per unit, zorgsoort and year.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <math.h>

#include "jzsim/jzsim.h"
#include "jzsim/intervals.h"
#include "jztest.h"

#define SYNTH JZ_TEST_DATA "/history/synth.yaml"
#define TABLE JZ_TEST_DATA "/history/synth_intervals.yaml"

static jz_scenario *load_synth(jz_result **r)
{
    jz_error err;
    jz_scenario *s = jz_scenario_load(SYNTH, NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_non_null(*r);
    assert_non_null(w);
    assert_int_equal(jz_model_run(s, w, *r, &err), JZ_OK);
    jz_workspace_free(w);
    return s;
}

static void test_band_is_stock_times_bounds(void **state)
{
    (void)state;
    jz_error err;
    jz_result *r;
    jz_scenario *s = load_synth(&r);
    jz_intervals *iv = jz_intervals_load(TABLE, &err);
    if (!iv)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(iv->n, 4);
    jz_band *b;
    assert_int_equal(jz_band_compute(iv, s, r, &b, &err), JZ_OK);
    int amb = jz_scenario_zorgsoort_index(s, "ambulant"), pz = jz_scenario_zorgsoort_index(s, "pleegzorg");
    int y23 = 2023 - s->meta.base_year, H = s->meta.horizon;
    assert_true(y23 + 2 < H);
    /* before the first forecast year: no band, not marked */
    for (int y = 0; y < y23; y++) {
        size_t k = jz_result_cz(r, 0, amb, y);
        assert_true(isnan(b->end_lo[k]) && isnan(b->end_hi[k]) && !b->beyond[k]);
    }
    size_t k = jz_result_cz(r, 0, amb, y23);
    assert_close(b->end_lo[k], r->end[k] * (1 - 0.05), 1e-9 * r->end[k]);
    assert_close(b->end_hi[k], r->end[k] * (1 + 0.06), 1e-9 * r->end[k]);
    k = jz_result_cz(r, 0, pz, y23 + 1);
    assert_close(b->end_lo[k], r->end[k] * (1 - 0.08), 1e-9 * r->end[k]);
    assert_close(b->end_hi[k], r->end[k] * (1 + 0.09), 1e-9 * r->end[k]);
    /* after a series' longest horizon: marked, no band */
    for (int y = y23 + 1; y < H; y++) {
        k = jz_result_cz(r, 0, amb, y);
        assert_true(b->beyond[k] && isnan(b->end_lo[k]));
    }
    k = jz_result_cz(r, 0, pz, y23 + 2);
    assert_true(b->beyond[k] && isnan(b->end_hi[k]));
    /* the gemeente total: its stock is the sum over the zorgsoorten */
    double end = 0.0;
    for (int z = 0; z < s->n_zorgsoorten; z++)
        end += r->end[jz_result_cz(r, 0, z, y23)];
    size_t gy = jz_result_gy(r, 0, y23);
    assert_close(b->g_end_lo[gy], end * 0.97, 1e-9 * end);
    assert_close(b->g_end_hi[gy], end * 1.035, 1e-9 * end);
    assert_true(b->g_beyond[jz_result_gy(r, 0, y23 + 1)]);

    /* written and read back: the same rows */
    char path[] = "/tmp/jz_intervals_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_int_equal(jz_intervals_write(f, iv, "a test", &err), JZ_OK);
    fclose(f);
    jz_intervals *back = jz_intervals_load(path, &err);
    remove(path);
    if (!back)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(back->n, iv->n);
    assert_int_equal(back->last_year, iv->last_year);
    for (int i = 0; i < iv->n; i++) {
        assert_string_equal(back->rows[i].gemeente, iv->rows[i].gemeente);
        assert_string_equal(back->rows[i].zorgsoort, iv->rows[i].zorgsoort);
        assert_int_equal(back->rows[i].horizon, iv->rows[i].horizon);
        assert_close(back->rows[i].q_lo, iv->rows[i].q_lo, 1e-12);
        assert_close(back->rows[i].q_hi, iv->rows[i].q_hi, 1e-12);
    }
    jz_intervals_free(back);
    jz_band_free(b);
    jz_intervals_free(iv);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* Write text to a file, load it as an interval table and compute the band
 * on synth.yaml; expect an error at line:col containing needle. */
static void expect_error(const char *rows, int line, int col, const char *needle)
{
    char path[] = "/tmp/jz_intervals_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "intervals:\n  last_year: 2022\n  level: 0.95\n  series: clients_end\n  rows:\n%s", rows);
    fclose(f);
    jz_error err;
    jz_error_clear(&err);
    jz_result *r;
    jz_scenario *s = load_synth(&r);
    jz_intervals *iv = jz_intervals_load(path, &err);
    jz_band *b = NULL;
    int rc = iv ? jz_band_compute(iv, s, r, &b, &err) : err.status;
    remove(path);
    if (rc == JZ_OK)
        fail_msg("no error for:\n%s", rows);
    assert_int_equal(rc, JZ_EINPUT);
    if (!strstr(err.message, needle))
        fail_msg("'%s' does not contain '%s'", err.message, needle);
    if (err.line != line || err.column != col)
        fail_msg("'%s' at %d:%d, expected %d:%d", err.message, err.line, err.column, line, col);
    assert_string_equal(err.file, path);
    jz_band_free(b);
    jz_intervals_free(iv);
    jz_result_free(r);
    jz_scenario_free(s);
}

#define ROW(g, z, h, lo, hi) "    - {gemeente: " g ", zorgsoort: " z ", horizon: " h ", q_lo: " lo ", q_hi: " hi ", n: 3, origins: 3}\n"

static void test_bad_tables(void **state)
{
    (void)state;
    expect_error(ROW("GM9999", "ambulant", "1", "-0.05", "0.06"), 6, 7, "gemeente GM9999 is not in scenario");
    expect_error(ROW("GM0001", "ambulatn", "1", "-0.05", "0.06"), 6, 7, "zorgsoort 'ambulatn' is not in scenario");
    expect_error(ROW("GM0001", "ambulant", "1", "-0.05", "0.06") ROW("GM0001", "ambulant", "3", "-0.1", "0.1"), 7, 7,
                 "horizon 3 without horizon 2");
    expect_error(ROW("GM0001", "ambulant", "2", "-0.05", "0.06"), 6, 7, "horizon 2 without horizon 1");
    expect_error(ROW("GM0001", "ambulant", "1", "-0.05", "0.06") ROW("GM0001", "ambulant", "1", "-0.1", "0.1"), 7, 7,
                 "a second row for GM0001, ambulant, horizon 1");
    expect_error(ROW("GM0001", "ambulant", "1", "0.05", "0.06"), 6, 65, "'q_lo' must be a number from -1 to 0");
    expect_error("    - {gemeente: GM0001, zorgsoort: ambulant, horizon: 1, q_low: -0.05, q_hi: 0.06, n: 3, origins: 3}\n",
                 6, 59, "unknown key 'q_low'");
    expect_error("    - {gemeente: GM0001, zorgsoort: ambulant, horizon: 1, q_hi: 0.06, n: 3, origins: 3}\n", 6, 7,
                 "needs 'q_lo'");
}

static void test_last_year_outside_the_run(void **state)
{
    (void)state;
    char path[] = "/tmp/jz_intervals_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "intervals:\n  last_year: 2030\n  level: 0.95\n  series: clients_end\n  rows:\n" ROW("GM0001", "ambulant",
                                                                                                  "1", "-0.05", "0.06"));
    fclose(f);
    jz_error err;
    jz_result *r;
    jz_scenario *s = load_synth(&r);
    jz_intervals *iv = jz_intervals_load(path, &err);
    remove(path);
    assert_non_null(iv);
    jz_band *b = NULL;
    assert_int_equal(jz_band_compute(iv, s, r, &b, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "the intervals start after 2030"));
    assert_null(b);
    jz_intervals_free(iv);
    jz_result_free(r);
    jz_scenario_free(s);
}

/* compare: the comparison holds the band of its reference [1]; unit,
 * zorgsoort and year are the comparison's (the other scenario may order
 * its zorgsoorten otherwise), the stock is the reference's end. */
static void test_comparison_band_is_the_references(void **state)
{
    (void)state;
    jz_result *r = NULL;
    jz_scenario *s = load_synth(&r);
    jz_error err;
    jz_intervals *iv = jz_intervals_load(TABLE, &err);
    assert_non_null(iv);
    const jz_scenario *ss[2] = {s, s};
    const jz_result *rr[2] = {r, r};
    jz_comparison *c = jz_comparison_alloc(2, ss, rr, &err);
    assert_non_null(c);
    double v[3];
    assert_int_equal(jz_cmp_stock_band(c, 0, 0, 5, v), 0); /* none set */
    assert_int_equal(jz_comparison_set_intervals(c, iv, &err), JZ_OK);
    int z = -1;
    for (int k = 0; k < c->n_zorgsoorten; k++)
        if (!strcmp(c->zs[k].key, "ambulant"))
            z = k;
    assert_true(z >= 0);
    int y = 2023 - c->first_year, rz = jz_scenario_zorgsoort_index(s, "ambulant");
    assert_int_equal(jz_cmp_stock_band(c, 0, z, y, v), 1);
    double end = r->end[jz_result_cz(r, 0, rz, 2023 - r->base_year)];
    assert_true(v[1] == end);
    assert_true(fabs(v[0] - end * 0.95) <= 1e-12 * end && fabs(v[2] - end * 1.06) <= 1e-12 * end);
    assert_int_equal(jz_cmp_stock_band(c, 0, z, y - 1, v), 0); /* observed year */
    assert_true(isnan(v[0]) && isnan(v[1]));
    assert_int_equal(jz_cmp_stock_band(c, 0, z, y + 1, v), 2); /* beyond the table */
    assert_int_equal(jz_cmp_stock_band(c, 0, -1, y, v), 1);    /* the gemeente total */
    assert_true(fabs(v[2] - v[1] * 1.035) <= 1e-12 * v[1]);
    assert_int_equal(jz_cmp_stock_band_any(c, 0), 1);
    jz_comparison_free(c);
    jz_intervals_free(iv);
    jz_result_free(r);
    jz_scenario_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_band_is_stock_times_bounds),
        cmocka_unit_test(test_bad_tables),
        cmocka_unit_test(test_last_year_outside_the_run),
        cmocka_unit_test(test_comparison_band_is_the_references),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
