/*
 * test_history.c - reading history files: CBS StatLine-style CSV (';',
 * decimal commas, '.', '-', title and footer lines, unit hints), plain
 * CSV, YAML, and one test per class of bad row, each checking the
 * message and the line:column it names.
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
#include <time.h>

#include "jzsim/calibrate.h"
#include "jzsim/history.h"
#include "analysis/calib_internal.h"
#include "jztest.h"

static jz_history *csv(const char *text, jz_error *err)
{
    return jz_history_parse_csv(text, strlen(text), "h.csv", err);
}

static const jz_history_row *find(const jz_history *h, const char *z, int year, int half)
{
    for (int i = 0; i < h->n_rows; i++)
        if (strcmp(h->rows[i].zorgsoort, z) == 0 && h->rows[i].year == year && h->rows[i].half == half)
            return &h->rows[i];
    return NULL;
}

static void test_statline_export(void **state)
{
    (void)state;
    const char *text =
        "\xef\xbb\xbf\"Jeugdhulp; gemeenten, 2020-2022\"\n"                                   /* 1 title */
        "# bron: CBS StatLine, tabel 84134NED, geraadpleegd 1-2-2024\n"                       /* 2 */
        "\"ID\";\"Regio's\";\"Zorgsoort\";\"Perioden\";\"Jongeren met jeugdhulp (aantal)\";"
        "\"Kosten (x 1 000 euro)\";\"Gemiddelde duur (dagen)\";\"Bron\"\r\n"                   /* 3 header */
        "0;\"GM0153  \";\"ambulant\";\"2020\";\"4.505\";\"1.234,5\";\"365,25\";\"seed4 L2299\"\r\n" /* 4 */
        "1;\"GM0153\";\"ambulant\";\"2021*\";\".\";\"-\";\"\";\"\"\r\n"                          /* 5 */
        "2;\"GM0153\";\"Totaal\";\"2022HJ01\";\"12,5\";\"x\";\"30,4375\";\"\"\r\n"                /* 6 */
        "3;\"GM0153\";\"Totaal\";\"2022 2e halfjaar\";\"1\";\"2\";\"\";\"\"\r\n"                  /* 7 */
        "\"Bron: CBS\"\r\n";                                                                    /* 8 */
    jz_error err;
    jz_history *h = csv(text, &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(h->n_rows, 4);
    const jz_history_row *r = find(h, "ambulant", 2020, 0);
    assert_non_null(r);
    assert_string_equal(r->gemeente, "GM0153");
    assert_close(r->v[JZ_HS_UNIQUE], 4505, 0);          /* '.' separates thousands */
    assert_close(r->v[JZ_HS_COST], 1234500, 1e-6);      /* decimal comma, x 1 000 */
    assert_close(r->v[JZ_HS_MEAN_DURATION], 12.0, 1e-12); /* days -> months */
    assert_string_equal(r->source, "seed4 L2299");
    assert_int_equal(r->line, 4);
    assert_int_equal(r->col[JZ_HS_UNIQUE], 5);
    r = find(h, "ambulant", 2021, 0);
    assert_non_null(r);
    assert_true(r->provisional);
    assert_true(isnan(r->v[JZ_HS_UNIQUE]));             /* '.' = unknown */
    assert_close(r->v[JZ_HS_COST], 0, 0);               /* '-' = nihil */
    r = find(h, "Totaal", 2022, 1);
    assert_non_null(r);
    assert_close(r->v[JZ_HS_UNIQUE], 12.5, 1e-12);
    assert_true(isnan(r->v[JZ_HS_COST]));               /* 'x' = secret */
    assert_non_null(find(h, "Totaal", 2022, 2));
    assert_true(jz_history_is_total("Totaal"));
    /* title, comment and footer are kept as source notes */
    assert_int_equal(h->n_notes, 3);
    assert_non_null(strstr(h->notes[0], "Jeugdhulp; gemeenten"));
    assert_string_equal(h->notes[1], "bron: CBS StatLine, tabel 84134NED, geraadpleegd 1-2-2024");
    assert_string_equal(h->notes[2], "Bron: CBS");
    /* the ID column is not a series: a warning, not an error */
    assert_int_equal(h->n_warnings, 1);
    assert_non_null(strstr(h->warnings[0], "'ID'"));
    jz_history_free(h);
}

static void test_plain_csv_and_suggestion(void **state)
{
    (void)state;
    const char *text = "gemeente,zorgsoort,periode,instroom,instrom,cost_per_client\n"
                       "GM0001,ambulant,2019,1200.5,3,15300\n"
                       "GM0001,,2019,\"1300\",,\n";
    jz_error err;
    jz_history *h = csv(text, &err);
    if (!h)
        fail_msg("%s", err.message);
    assert_int_equal(h->n_rows, 2);
    assert_close(h->rows[0].v[JZ_HS_INSTROOM], 1200.5, 1e-12);
    assert_close(h->rows[0].v[JZ_HS_COST_PER_CLIENT], 15300, 0);
    assert_true(jz_history_is_total(h->rows[1].zorgsoort));
    assert_int_equal(h->n_warnings, 1);
    assert_non_null(strstr(h->warnings[0], "did you mean 'instroom'"));
    jz_history_free(h);
}

static void test_yaml(void **state)
{
    (void)state;
    const char *text = "sources: [\"seed4-figures.md\"]\n"
                       "rows:\n"
                       "  - {gemeente: GM0153, zorgsoort: pleegzorg, periode: 2022, uniek: 381, bron: L2460}\n"
                       "  - {gemeente: GM0153, periode: 2023, kosten_per_client: 17000, instroom: null}\n";
    jz_error err;
    jz_history *h = jz_history_parse_yaml(text, strlen(text), "h.yaml", &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(h->n_rows, 2);
    assert_close(h->rows[0].v[JZ_HS_UNIQUE], 381, 0);
    assert_string_equal(h->rows[0].source, "L2460");
    assert_close(h->rows[1].v[JZ_HS_COST_PER_CLIENT], 17000, 0);
    assert_true(isnan(h->rows[1].v[JZ_HS_INSTROOM]));
    assert_int_equal(h->n_notes, 1);
    jz_history_free(h);

    /* bad YAML rows name line:column */
    const char *bad = "rows:\n  - {periode: 2022, instrom: 3}\n";
    assert_null(jz_history_parse_yaml(bad, strlen(bad), "h.yaml", &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 21);
    assert_non_null(strstr(err.message, "did you mean 'instroom'"));
    const char *bad2 = "rows:\n  - {periode: 2022, instroom: veel}\n";
    assert_null(jz_history_parse_yaml(bad2, strlen(bad2), "h.yaml", &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 31);
    const char *bad3 = "rows:\n  - {instroom: 3}\n";
    assert_null(jz_history_parse_yaml(bad3, strlen(bad3), "h.yaml", &err));
    assert_non_null(strstr(err.message, "no `periode`"));
}

/* One bad input: it fails with status JZ_EINPUT at line:column, and the
 * message contains `want`. */
static void expect_bad(const char *text, int line, int column, const char *want)
{
    jz_error err;
    jz_history *h = csv(text, &err);
    if (h) {
        jz_history_free(h);
        fail_msg("accepted bad input (wanted '%s')", want);
    }
    assert_int_equal(err.status, JZ_EINPUT);
    assert_string_equal(err.file, "h.csv");
    if (err.line != line || err.column != column || !strstr(err.message, want))
        fail_msg("got %d:%d: %s; wanted %d:%d: ...%s...", err.line, err.column, err.message, line,
                 column, want);
}

static void test_bad_rows(void **state)
{
    (void)state;
    const char *H = "gemeente;periode;instroom;uitstroom\n"; /* line 1 */
    char buf[512];
#define BAD(row, line, col, want)                  \
    do {                                           \
        snprintf(buf, sizeof buf, "%s%s", H, row); \
        expect_bad(buf, line, col, want);          \
    } while (0)
    /* a field too many / too few */
    BAD("GM1;2020;1;2;3\n", 2, 5, "has 5 fields, the header (line 1) has 4");
    BAD("GM1;2020;1\n", 2, 3, "has 3 fields");
    /* not a number: the field index */
    BAD("GM1;2020;veel;2\n", 2, 3, "instroom: 'veel' is not a number");
    /* a decimal point in a ';' file */
    BAD("GM1;2020;12.5;2\n", 2, 3, "decimal separator is a comma");
    BAD("GM1;2020;1,2,3;2\n", 2, 3, "more than one decimal comma");
    /* negative counts */
    BAD("GM1;2020;-4;2\n", 2, 3, "must not be negative");
    /* period: empty, unknown */
    BAD("GM1;;1;2\n", 2, 2, "the period is empty");
    BAD("GM1;2020Q3;1;2\n", 2, 2, "period '2020Q3'");
    BAD("GM1;twintig;1;2\n", 2, 2, "expected a year");
    /* a quote that is not closed: the character column of the quote */
    BAD("GM1;2020;\"1;2\n", 2, 10, "not closed");
    /* text after a closing quote */
    BAD("GM1;2020;\"1\"x;2\n", 2, 13, "text after a closing quote");
    /* the same cell twice: the later line, naming the earlier one */
    BAD("GM1;2020;1;2\nGM1;2021;1;2\ngm1;2020;5;\n", 4, 3, "given twice (also on line 2)");
    /* the same half-year twice */
    BAD("GM1;2020H1;1;2\nGM1;2020HJ01;;7\n", 3, 4, "given twice");
#undef BAD
    /* header problems */
    expect_bad("gemeente;periode;instroom;inflow\nGM1;2020;1;2\n", 1, 4, "means the same as column 3");
    expect_bad("gemeente;instroom\nGM1;5\n", 0, 0, "no header line with a period column");
    expect_bad("gemeente;periode;bron\nGM1;2020;x\n", 1, 0, "names no series");
    expect_bad("# only a comment\ngemeente;periode;instroom\n", 2, 0, "no observations");
    expect_bad("periode;gem_duur\n2020;0\n", 2, 2, "must be > 0 months");
    expect_bad("periode;gem_duur\n2020;1500\n", 2, 2, "at most 1200 months");
    expect_bad("periode,instroom\n2020,\"1,5\"\n", 2, 2, "write decimals with a point");
}

/* Cell values echoed in messages stay on one line and short. */
static void test_quote(void **state)
{
    (void)state;
    char q[JZ_QUOTE_BUF], big[400];
    assert_string_equal(jz_history_quote("pleegzorg", q, sizeof q), "pleegzorg");
    assert_string_equal(jz_history_quote("a\nb\r\tc\x01", q, sizeof q), "a\\nb\\r\\tc\\x01");
    assert_string_equal(jz_history_quote(NULL, q, sizeof q), "");
    /* 100 'é' (2 bytes each): 60 characters and the ellipsis, never half a character */
    big[0] = '\0';
    for (int i = 0; i < 100; i++)
        strcat(big, "\xc3\xa9");
    jz_history_quote(big, q, sizeof q);
    assert_int_equal(strlen(q), 60 * 2 + 3);
    assert_string_equal(q + 120, "\xe2\x80\xa6");
    /* exactly 60 characters: not cut */
    memset(big, 'x', 60);
    big[60] = '\0';
    assert_string_equal(jz_history_quote(big, q, sizeof q), big);
    /* 200 newlines: 60 escapes fit in JZ_QUOTE_BUF, then the ellipsis */
    memset(big, '\n', 200);
    big[200] = '\0';
    jz_history_quote(big, q, sizeof q);
    assert_int_equal(strlen(q), 120 + 3);
    /* a small buffer cuts early but still ends cleanly */
    char small[8];
    assert_string_equal(jz_history_quote("abcdefghij", small, sizeof small), "abcd\xe2\x80\xa6");

    /* through the reader: a quoted period with a newline, a long number cell */
    expect_bad("gemeente;periode;instroom\nGM1;\"20\nxx\";1\n", 2, 2, "period '20\\nxx'");
    jz_error err;
    char text[600];
    snprintf(text, sizeof text, "gemeente;periode;instroom\nGM1;2020;\"%0200d\tx\"\n", 0);
    jz_history *h = csv(text, &err);
    assert_null(h);
    assert_null(strchr(err.message, '\n'));
    assert_null(strchr(err.message, '\t'));
    assert_non_null(strstr(err.message, "\xe2\x80\xa6' is not a number"));
    assert_true(strlen(err.message) < 200);
}

static void test_history_set(void **state)
{
    (void)state;
    jz_error err;
    jz_history *h = jz_history_alloc("mem");
    assert_int_equal(jz_history_set(h, "GM1", "a", 2020, 0, JZ_HS_INSTROOM, 5, &err), JZ_OK);
    assert_int_equal(jz_history_set(h, "GM1", "a", 2020, 0, JZ_HS_UITSTROOM, 6, &err), JZ_OK);
    assert_int_equal(jz_history_set(h, "GM1", "", 2020, 0, JZ_HS_UITSTROOM, 7, &err), JZ_OK);
    assert_int_equal(h->n_rows, 2);
    assert_int_equal(jz_history_set(h, "GM1", "a", 1800, 0, JZ_HS_UITSTROOM, 6, &err), JZ_EINPUT);
    jz_history_free(h);
}

static void test_load_file(void **state)
{
    (void)state;
    jz_error err;
    jz_history *h = jz_history_load(JZ_TEST_DATA "/history/synth.csv", &err);
    if (!h)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_int_equal(h->n_rows, 12);
    assert_close(h->rows[0].v[JZ_HS_INSTROOM], 950, 1e-9);
    assert_close(h->rows[0].v[JZ_HS_COST], 10176523.227, 1e-3);
    jz_history_free(h);
    assert_null(jz_history_load(JZ_TEST_DATA "/history/does-not-exist.csv", &err));
    assert_int_equal(err.status, JZ_EIO);
    /* the shipped Enschede history reads without hand editing */
    h = jz_history_load(JZ_SOURCE_DIR "/scenarios/enschede/historie.csv", &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_true(h->n_rows >= 3);
    for (int i = 0; i < h->n_rows; i++)
        assert_non_null(h->rows[i].source); /* every number has its source */
    jz_history_free(h);
}

/* Excel pads a footer with separators: "Bron: ...";;;;;; is a note with
 * one warning per file, never a data row (issue 12 item 7). */
static void test_padded_footer(void **state)
{
    (void)state;
    const char *text = "\"Gemeente\";\"Zorgsoort\";\"Perioden\";\"Instroom\";\"Kosten\"\n"
                       "\"GM0153\";\"ambulant\";\"2022\";950;1000\n"
                       "\"Bron: CBS StatLine, 2024\";;;;\n"
                       "\"© CBS\";;;;\n"
                       ";;;;\n";
    jz_error err;
    jz_history *h = csv(text, &err);
    assert_non_null(h);
    assert_int_equal(h->n_rows, 1);
    int bron = 0;
    for (int i = 0; i < h->n_notes; i++)
        bron |= strcmp(h->notes[i], "Bron: CBS StatLine, 2024") == 0;
    assert_true(bron);
    assert_int_equal(h->n_warnings, 1);
    assert_non_null(strstr(h->warnings[0], "h.csv:3: 'Bron: CBS StatLine, 2024' has text in its first field only"));
    jz_history_free(h);
    /* a row with a period is data, however empty: still checked */
    h = csv("Gemeente;Perioden;Instroom\nGM0153;2022;x1\n", &err);
    assert_null(h);
    assert_int_equal(err.line, 2);
}

/* A CSV as Excel saves it on Windows (cp1252): read, said once, no column
 * dropped; a byte cp1252 does not assign is a located error. */
static void test_cp1252(void **state)
{
    (void)state;
    const char *text = "Gemeente;Zorgsoort;Perioden;Instroom;Unieke cli\xebnten\n"
                       "GM0153;pleegzorg;2022;90;400\n"
                       "Sch\xe2ge;pleegzorg;2022;95;410\n";
    jz_error err;
    jz_history *h = csv(text, &err);
    assert_non_null(h);
    assert_int_equal(h->n_rows, 2);
    assert_true(h->rows[0].v[JZ_HS_UNIQUE] == 400.0);
    assert_string_equal(h->rows[1].gemeente, "Sch\xc3\xa2ge");
    assert_int_equal(h->n_warnings, 1);
    assert_non_null(strstr(h->warnings[0], "h.csv:1: the file is not UTF-8 (column 48: byte 0xEB); read as Windows-1252"));
    jz_history_free(h);
    h = csv("Gemeente;Perioden;Instroom\nGM0153;2022;90\nGM\x81;2023;91\n", &err);
    assert_null(h);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.message, "byte 0x81 is neither UTF-8 nor Windows-1252"));
}

/* Reading is linear: 200,000 distinct rows in well under the 20 s a
 * quadratic reader needed for far fewer (issue 12 item 6); a duplicate at
 * the end is still found and names the first line. */
static void test_large_history_linear(void **state)
{
    (void)state;
    const long rows = 200000;
    size_t cap = (size_t)rows * 48 + 256, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    n += (size_t)snprintf(buf + n, cap - n, "Gemeente;Zorgsoort;Perioden;Instroom\n");
    for (long i = 0; i < rows; i++)
        n += (size_t)snprintf(buf + n, cap - n, "GM%05ld;z%ld;%ld;%ld\n", i / 500, (i / 50) % 10, 1960 + i % 50,
                              i % 97);
    jz_error err;
    clock_t t0 = clock();
    jz_history *h = jz_history_parse_csv(buf, n, "big.csv", &err);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_non_null(h);
    assert_int_equal(h->n_rows, rows);
    assert_true(secs < 20.0);
    jz_history_free(h);
    n += (size_t)snprintf(buf + n, cap - n, "gm00000;Z0;1960;5\n"); /* names compare normalised */
    h = jz_history_parse_csv(buf, n, "big.csv", &err);
    assert_null(h);
    assert_int_equal(err.line, (int)rows + 2);
    assert_non_null(strstr(err.message, "given twice (also on line 2)"));
    free(buf);
}


/* Issue 15: data as the reports publish it. */
static void test_published_numbers_and_periods(void **state)
{
    (void)state;
    const char *text = "gemeente;zorgsoort;periode;instroom;kosten\n"
                       "GM1;ambulant;2021;12 319;1 234,5\n"            /* 2: spaces separate thousands */
                       "GM1;ambulant;1e halfjaar 2022*;\xc2\xa0 4 005;\n" /* 3: year after the half */
                       "GM1;ambulant;2022-H2;4 100;\n";                 /* 4 */
    jz_error err;
    jz_history *h = csv(text, &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    const jz_history_row *r = find(h, "ambulant", 2021, 0);
    assert_non_null(r);
    assert_close(r->v[JZ_HS_INSTROOM], 12319, 0);
    assert_close(r->v[JZ_HS_COST], 1234.5, 1e-9);
    r = find(h, "ambulant", 2022, 1);
    assert_non_null(r);
    assert_true(r->provisional);
    assert_close(r->v[JZ_HS_INSTROOM], 4005, 0);
    assert_non_null(find(h, "ambulant", 2022, 2));
    jz_history_free(h);
    const char *bad = "gemeente;periode;instroom\nGM1;2021;12 31\n";
    assert_null(csv(bad, &err));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.message, "only separates thousands"));
}

/* A peildatum is a stock at the end of the period it closes: 1 January
 * of Y is the end stock of Y-1, like 31 December of Y-1. */
static void test_peildatum(void **state)
{
    (void)state;
    const char *text = "gemeente;zorgsoort;peildatum;jeugdigen met maatregel\n"
                       "GM1;OTS;31-12-2020;1 000\n"
                       "GM1;OTS;1-1-2021;1 000\n"   /* the same stock again: kept once */
                       "GM1;OTS;30-06-2021;1 040\n"
                       "GM1;OTS;2022-01-01;1 100\n";
    jz_error err;
    jz_history *h = csv(text, &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    const jz_history_row *r = find(h, "OTS", 2020, 0);
    assert_non_null(r);
    assert_true(r->peildatum);
    assert_close(r->v[JZ_HS_END], 1000, 0);
    assert_true(isnan(r->v[JZ_HS_START]));
    r = find(h, "OTS", 2021, 1);
    assert_non_null(r);
    assert_close(r->v[JZ_HS_END], 1040, 0);
    r = find(h, "OTS", 2021, 0);
    assert_non_null(r);
    assert_close(r->v[JZ_HS_END], 1100, 0);
    jz_history_free(h);
    /* a begin-stock column on a date is the same stock */
    const char *t2 = "periode;clients_start\n1-1-2021;50\n";
    h = csv(t2, &err);
    assert_non_null(h);
    assert_close(h->rows[0].v[JZ_HS_END], 50, 0);
    assert_int_equal(h->rows[0].year, 2020);
    jz_history_free(h);
    const char *bad = "periode;clients_end\n1-1-2021;50\n31-12-2020;51\n";
    assert_null(csv(bad, &err));
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "1 January of a year and 31 December"));
    const char *bad2 = "periode;clients_end\n15-3-2021;50\n";
    assert_null(csv(bad2, &err));
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "ends no year"));
    const char *bad3 = "periode;instroom\n31-12-2021;50\n";
    assert_null(csv(bad3, &err));
    assert_non_null(strstr(err.message, "only gives a stock"));
}

/* Unknown headers get a suggestion; an unknown category column never
 * silently makes the rows totals. */
static void test_columns_and_categories(void **state)
{
    (void)state;
    jz_error err;
    const char *t1 = "periode;Duur 0 tot 3 maanden (aantal);Gemiddelde duur in maanden\n2021;5;7\n";
    jz_history *h = csv(t1, &err);
    if (!h)
        fail_msg("%s", err.message);
    assert_close(h->rows[0].v[JZ_HS_DUR_0_3M], 5, 0);
    assert_int_equal(h->n_warnings, 1);
    assert_non_null(strstr(h->warnings[0], "did you mean 'mean_duration'"));
    jz_history_free(h);
    /* 'Type maatregel' is a zorgsoort column */
    const char *t2 = "gemeente;Type maatregel;periode;instroom\nGM1;OTS;2021;5\nGM1;Voogdij;2021;6\n";
    h = csv(t2, &err);
    if (!h)
        fail_msg("%s", err.message);
    assert_non_null(find(h, "OTS", 2021, 0));
    jz_history_free(h);
    /* an unknown category column is a located error, also with one category */
    const char *t3 = "gemeente;periode;Geslacht;instroom\nGM1;2021;Totaal;5\nGM1;2022;Jongens;6\n";
    assert_null(csv(t3, &err));
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.message, "'Jongens'"));
    assert_non_null(strstr(err.message, "--map 'Geslacht=zorgsoort'"));
    /* mapped: left out, or read as the zorgsoort */
    jz_history_options o = {"Geslacht=negeer"};
    h = jz_history_parse_csv_opts(t3, strlen(t3), "h.csv", &o, &err);
    assert_non_null(h);
    jz_history_free(h);
    o.map = "Geslacht = zorgsoort";
    h = jz_history_parse_csv_opts(t3, strlen(t3), "h.csv", &o, &err);
    if (!h)
        fail_msg("%s", err.message);
    assert_non_null(find(h, "Jongens", 2022, 0));
    jz_history_free(h);
    o.map = "Leeftijd=zorgsoort";
    assert_null(jz_history_parse_csv_opts(t3, strlen(t3), "h.csv", &o, &err));
    assert_non_null(strstr(err.message, "does not have"));
    o.map = "Geslacht=sekse";
    assert_null(jz_history_parse_csv_opts(t3, strlen(t3), "h.csv", &o, &err));
    assert_non_null(strstr(err.message, "is not a role"));
}

/* Vintages: voorlopig then final is a revision, not an error. */
static void test_vintages(void **state)
{
    (void)state;
    const char *text = "gemeente;zorgsoort;periode;status;clients_end;instroom\n"
                       "GM1;ambulant;2021;voorlopig;1 000;300\n" /* 2 */
                       "GM1;ambulant;2022*;;1 050;\n"            /* 3 */
                       "GM1;ambulant;2021;definitief;1 010;\n";  /* 4: revised */
    jz_error err;
    jz_history *h = csv(text, &err);
    if (!h)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(h->n_revisions, 1);
    assert_int_equal(h->revisions[0].series, JZ_HS_END);
    assert_int_equal(h->revisions[0].line_first, 2);
    assert_int_equal(h->revisions[0].line_revised, 4);
    assert_close(h->revisions[0].first, 1000, 0);
    assert_close(h->revisions[0].revised, 1010, 0);
    int found = 0;
    for (int i = 0; i < h->n_warnings; i++)
        found |= strstr(h->warnings[i], "+1.0%") != NULL;
    assert_true(found);
    /* the value used: 1010 in the final row; the voorlopig row keeps its instroom */
    for (int i = 0; i < h->n_rows; i++)
        if (h->rows[i].year == 2021) {
            if (h->rows[i].provisional) {
                assert_true(isnan(h->rows[i].v[JZ_HS_END]));
                assert_close(h->rows[i].v[JZ_HS_INSTROOM], 300, 0);
            } else {
                assert_close(h->rows[i].v[JZ_HS_END], 1010, 0);
            }
        }
    assert_true(find(h, "ambulant", 2022, 0)->provisional);
    jz_history_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statline_export),
        cmocka_unit_test(test_plain_csv_and_suggestion),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_bad_rows),
        cmocka_unit_test(test_history_set),
        cmocka_unit_test(test_quote),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_padded_footer),
        cmocka_unit_test(test_cp1252),
        cmocka_unit_test(test_large_history_linear),
        cmocka_unit_test(test_published_numbers_and_periods),
        cmocka_unit_test(test_peildatum),
        cmocka_unit_test(test_columns_and_categories),
        cmocka_unit_test(test_vintages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
