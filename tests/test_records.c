/*
 * test_records.c - `jzsim records` below the command line: dates, the
 * product mapping, the reader's errors (each located, none quoting a client
 * key), the counts per year against a direct count of the shipped
 * synthetic export, suppression, transitions, and merging of touching rows.
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

#include "jzsim/records.h"

static jz_records *parse(const char *text, const jz_records_options *o, jz_error *err)
{
    char *buf = strdup(text);
    jz_records_options d;
    if (!o) {
        jz_records_options_default(&d);
        o = &d;
    }
    jz_records *r = jz_records_parse(buf, strlen(buf), "e.csv", o, err);
    free(buf);
    return r;
}

static void test_dates(void **state)
{
    (void)state;
    int d;
    assert_int_equal(jz_day_parse("1970-01-01", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(jz_day_parse("01-03-2024", &d), 0);
    assert_int_equal(d, jz_day_from_ymd(2024, 3, 1));
    assert_int_equal(jz_day_parse("20240229", &d), 0);
    assert_int_equal(d, jz_day_from_ymd(2024, 2, 29));
    assert_int_equal(jz_day_parse("2024-03-01 00:00:00", &d), 0);
    assert_int_equal(jz_day_parse("2023-02-29", &d), -1);
    assert_int_equal(jz_day_parse("31-04-2024", &d), -1);
    assert_int_equal(jz_day_parse("maart", &d), -1);
    char b[16];
    for (int day = -40000; day < 60000; day += 997) {
        int y, m, dd, back;
        jz_ymd_from_day(day, &y, &m, &dd);
        assert_int_equal(jz_day_from_ymd(y, m, dd), day);
        assert_int_equal(jz_day_parse(jz_day_format(day, b, sizeof b), &back), 0);
        assert_int_equal(back, day);
    }
}

static void test_products(void **state)
{
    (void)state;
    jz_product_map *m = jz_product_map_default();
    assert_string_equal(jz_product_map_find(m, "45"), "ambulant");
    assert_string_equal(jz_product_map_find(m, "45A01"), "ambulant"); /* falls back to its category */
    assert_string_equal(jz_product_map_find(m, "35"), "pleegzorg");
    assert_string_equal(jz_product_map_find(m, "42"), "-");
    assert_null(jz_product_map_find(m, "99"));
    jz_product_map_free(m);
    char path[] = "/tmp/jz_products_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs("code;zorgsoort\n44A12;pleegzorg\n99;wijkteam\n", f);
    fclose(f);
    jz_error err;
    m = jz_product_map_load(path, 1, &err);
    assert_non_null(m);
    assert_string_equal(jz_product_map_find(m, "44A12"), "pleegzorg");
    assert_string_equal(jz_product_map_find(m, "44A13"), "residentieel");
    assert_string_equal(jz_product_map_find(m, "99"), "wijkteam");
    jz_product_map_free(m);
    remove(path);
}

/* Each class of bad input: JZ_EINPUT, the line and column, and never the key. */
static void expect_bad(const char *text, int line, int col, const char *needle)
{
    jz_error err;
    jz_records *r = parse(text, NULL, &err);
    if (r || err.line != line || err.column != col || !strstr(err.message, needle))
        print_error("got %d:%d: %s\n", err.line, err.column, err.message);
    assert_null(r);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
    assert_non_null(strstr(err.message, needle));
    assert_null(strstr(err.message, "SECRETKEY"));
}

static void test_bad_input(void **state)
{
    (void)state;
    const char *head = "client;gemeente;zorgsoort;startdatum;einddatum\n";
    char t[1024];
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;2022-01-01;2022-05-01\nSECRETKEY2;GM1;ambulant;2022-06-01;2022-03-01\n", head);
    expect_bad(t, 3, 5, "before the start date");
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;1822-01-01;\n", head);
    expect_bad(t, 2, 4, "outside 1950-2100");
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;2022-13-01;\n", head);
    expect_bad(t, 2, 4, "is not a date");
    expect_bad("gemeente;zorgsoort;startdatum\nGM1;ambulant;2022-01-01\n", 1, 0, "missing required column 'client'");
    expect_bad("client;gemeente;startdatum\nSECRETKEY1;GM1;2022-01-01\n", 1, 0, "'zorgsoort' or 'productcode'");
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;2022-01-01;2022-02-01\nSECRETKEY1;GM1;ambulant;2022-01-01;2022-02-01\n", head);
    expect_bad(t, 3, 4, "repeats the trajectory of line 2");
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;2022-01-01\n", head);
    expect_bad(t, 2, 0, "this row has 4 fields, the header has 5");
    snprintf(t, sizeof t, "%s;GM1;ambulant;2022-01-01;\n", head);
    expect_bad(t, 2, 1, "client key is empty");
    /* unmapped codes: each once, with its count and first line */
    expect_bad("client;gemeente;productcode;startdatum\nSECRETKEY1;GM1;77X01;2022-01-01\n"
               "SECRETKEY2;GM1;45A01;2022-01-01\nSECRETKEY3;GM1;77X01;2022-02-01\nSECRETKEY4;GM1;ZZ;2022-02-01\n",
               2, 3, "2 product codes are not in the mapping (3 rows): '77X01' (2 rows, first on line 2), 'ZZ' (1 row, first on line 5)");
    /* a start after the given export date */
    jz_records_options o;
    jz_records_options_default(&o);
    o.export_date = jz_day_from_ymd(2023, 12, 31);
    jz_error err;
    snprintf(t, sizeof t, "%sSECRETKEY1;GM1;ambulant;2024-01-02;\n", head);
    assert_null(parse(t, &o, &err));
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "after the export date"));
}

/* Rows of one client and zorgsoort that overlap or touch are one trajectory;
 * a later product in another zorgsoort within the gap is a transition. */
static void test_merge_and_transition(void **state)
{
    (void)state;
    jz_error err;
    jz_records_options o;
    jz_records_options_default(&o);
    o.export_date = jz_day_from_ymd(2024, 12, 31);
    jz_records *r = parse("client;gemeente;productcode;startdatum;einddatum;kosten\n"
                          "a;GM1;45A01;2022-01-01;2022-03-31;100\n"
                          "a;GM1;45A02;2022-04-01;2022-06-30;200\n" /* touches: merged */
                          "a;GM1;43A03;2022-07-10;2022-12-31;300\n" /* residentieel 10 days later */
                          "b;GM1;42;2022-01-01;2022-02-01;5\n",     /* vervoer: left out */
                          &o, &err);
    assert_non_null(r);
    assert_int_equal(r->n, 2);
    assert_int_equal(r->n_merged, 1);
    assert_int_equal(r->n_left_out, 1);
    assert_int_equal(r->t[0].end, jz_day_from_ymd(2022, 6, 30));
    assert_true(fabs(r->t[0].cost - 300) < 1e-9);
    jz_records_analysis *a = jz_records_analyse(r, &err);
    assert_non_null(a);
    assert_int_equal(a->n_transitions, 3); /* ambulant -> residentieel, re-entry rows of both */
    assert_int_equal(a->transitions[0].from, 0);
    assert_int_equal(a->transitions[0].to, 1);
    assert_true(a->transitions[0].count.suppressed); /* 1 of 1: withheld */
    assert_true(isnan(a->transitions[0].rate));
    jz_records_analysis_free(a);
    jz_records_free(r);
}

/* ---- counts against a direct count of the shipped export ---------------- */

typedef struct row {
    char key[32], prod[8];
    int start, end;
} row;

static int read_export(row **out)
{
    FILE *f = fopen(JZ_TEST_DATA "/records/export.csv", "r");
    assert_non_null(f);
    char line[256];
    int n = 0, cap = 4096;
    row *rows = malloc(sizeof *rows * (size_t)cap);
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || strncmp(line, "clientnummer", 12) == 0)
            continue;
        char *fld[6];
        int k = 0;
        for (char *p = strtok(line, ";\n"); p && k < 6; p = strtok(NULL, ";\n"))
            fld[k++] = p;
        /* an empty end date makes strtok skip a field: the cost moves up */
        row *w = &rows[n++];
        snprintf(w->key, sizeof w->key, "%s", fld[0]);
        snprintf(w->prod, sizeof w->prod, "%s", fld[2]);
        assert_int_equal(jz_day_parse(fld[3], &w->start), 0);
        w->end = JZ_DAY_UNSET;
        if (k == 6)
            assert_int_equal(jz_day_parse(fld[4], &w->end), 0);
    }
    fclose(f);
    *out = rows;
    return n;
}

static const char *zorg_of(const char *prod)
{
    return strncmp(prod, "45", 2) == 0 ? "ambulant" : strncmp(prod, "43", 2) == 0 ? "residentieel"
           : strcmp(prod, "35") == 0 ? "pleegzorg" : strcmp(prod, "46") == 0 ? "crisis" : "jeugdbescherming";
}

static void test_counts_equal_direct_count(void **state)
{
    (void)state;
    jz_records_options o;
    jz_records_options_default(&o);
    o.window_start = jz_day_from_ymd(2021, 1, 1);
    o.export_date = jz_day_from_ymd(2023, 12, 31);
    jz_error err;
    jz_records *r = jz_records_load(JZ_TEST_DATA "/records/export.csv", &o, &err);
    assert_non_null(r);
    assert_int_equal(r->n_merged, 0);
    jz_records_analysis *a = jz_records_analyse(r, &err);
    assert_non_null(a);
    assert_int_equal(a->first_year, 2021);
    assert_int_equal(a->last_year, 2023);
    row *rows;
    int n = read_export(&rows);
    assert_int_equal(r->n, n);
    int checked = 0, suppressed = 0;
    for (int i = 0; i < a->n_cells; i++) {
        const jz_records_cell *c = &a->cells[i];
        int p0 = jz_day_from_ymd(c->year, 1, 1), p1 = jz_day_from_ymd(c->year, 12, 31);
        double start = 0, in = 0, out = 0, end = 0, persons = 0;
        for (int k = 0; k < n; k++) {
            const row *w = &rows[k];
            if (c->z >= 0 && strcmp(zorg_of(w->prod), r->zorgsoorten[c->z]) != 0)
                continue;
            int active = w->start <= p1 && (w->end == JZ_DAY_UNSET || w->end >= p0);
            if (!active)
                continue;
            start += w->start < p0;
            in += w->start >= p0;
            out += w->end != JZ_DAY_UNSET && w->end <= p1;
            end += w->end == JZ_DAY_UNSET || w->end > p1;
            if (c->z < 0) { /* persons: count a key once */
                int seen = 0;
                for (int j = 0; j < k && !seen; j++)
                    seen = strcmp(rows[j].key, w->key) == 0 && rows[j].start <= p1 &&
                           (rows[j].end == JZ_DAY_UNSET || rows[j].end >= p0);
                persons += !seen;
            }
        }
        if (c->z < 0) {
            assert_true(c->v[JZ_HS_UNIQUE] == persons);
            checked++;
            continue;
        }
        const double want[] = {start, end, in, out, start + in};
        const int s[] = {JZ_HS_START, JZ_HS_END, JZ_HS_INSTROOM, JZ_HS_UITSTROOM, JZ_HS_UNIQUE};
        for (int k = 0; k < 5; k++) {
            if (c->v[s[k]] != want[k])
                print_error("%s %d %s: %g, direct %g\n", r->zorgsoorten[c->z], c->year, jz_hseries_key(s[k]),
                            c->v[s[k]], want[k]);
            assert_true(c->v[s[k]] == want[k]);
            /* published exactly when 0 or at least 10 */
            assert_int_equal(c->suppressed[s[k]], want[k] > 0 && want[k] < 10);
            suppressed += c->suppressed[s[k]];
            checked++;
        }
        /* the stock balances */
        assert_true(start + in - out == end);
    }
    printf("# %d counts equal the direct count, %d of them withheld as <10\n", checked, suppressed);
    assert_true(checked > 50);
    assert_true(suppressed > 0);
    free(rows);
    jz_records_analysis_free(a);
    jz_records_free(r);
}

/* Suppression can be raised, never lowered. */
static void test_threshold_upward_only(void **state)
{
    (void)state;
    jz_records_options o;
    jz_records_options_default(&o);
    o.min_count = 3;
    jz_error err;
    jz_records *r = jz_records_load(JZ_TEST_DATA "/records/export.csv", &o, &err);
    assert_non_null(r);
    assert_int_equal(r->min_count, JZ_RECORDS_MIN_COUNT);
    jz_records_free(r);
    o.min_count = 50;
    r = jz_records_load(JZ_TEST_DATA "/records/export.csv", &o, &err);
    jz_records_analysis *a = jz_records_analyse(r, &err);
    int big = 0;
    for (int i = 0; i < a->n_cells; i++)
        for (int s = 0; s < JZ_HS_N; s++)
            if (a->cells[i].suppressed[s] && a->cells[i].v[s] >= 10)
                big++;
    assert_true(big > 0);
    char b[16];
    assert_string_equal(jz_count_text(12, 1, 50, b, sizeof b), "<50");
    assert_string_equal(jz_count_text(12, 0, 50, b, sizeof b), "12");
    jz_records_analysis_free(a);
    jz_records_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_products),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_merge_and_transition),
        cmocka_unit_test(test_counts_equal_direct_count),
        cmocka_unit_test(test_threshold_upward_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
