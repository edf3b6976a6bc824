/*
 * test_report_text.c - the reporters' shared CSV writer (engine/report/
 * csvw.c) and UTF-8 padding (engine/report/text.c), byte for byte: every
 * CSV and terminal table goes through them, so a change here would change
 * every file a controller opens in Excel or reads in the terminal.
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

#include "jzsim/taakveld.h"
#include "report/csvw.h"
#include "report/text.h"

/* An in-memory FILE; text() closes it and returns what was written. */
typedef struct mem {
    char *buf;
    size_t len;
    FILE *f;
} mem;

static void mem_open(mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
}

static const char *mem_text(mem *m)
{
    fclose(m->f);
    m->f = NULL;
    return m->buf;
}

static void test_csv_fields(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_csvw w;
    jz_csvw_init(&w, m.f, 0);
    static const char *const cols[] = {"a", "b", "c"};
    jz_csvw_header(&w, cols, 3);
    jz_csvw_field(&w, "plain");
    jz_csvw_field(&w, "with, comma");
    jz_csvw_field(&w, "say \"hi\"");
    jz_csvw_end_row(&w);
    jz_csvw_field(&w, "two\nlines");
    jz_csvw_field(&w, "cr\r");
    jz_csvw_field(&w, NULL);
    jz_csvw_end_row(&w);
    jz_csvw_field(&w, "semi;colon"); /* not special with ',' */
    jz_csvw_empty(&w, 2);
    jz_csvw_int(&w, -42);
    jz_csvw_end_row(&w);
    assert_string_equal(mem_text(&m), "a,b,c\n"
                                      "plain,\"with, comma\",\"say \"\"hi\"\"\"\n"
                                      "\"two\nlines\",\"cr\r\",\n"
                                      "semi;colon,,,-42\n");
    free(m.buf);
}

static void test_csv_nl(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_csvw w;
    jz_csvw_init(&w, m.f, 1);
    jz_csvw_field(&w, "semi;colon");
    jz_csvw_field(&w, "with, comma");
    jz_csvw_number(&w, 1234.5);
    jz_csvw_number(&w, 0.1);
    jz_csvw_number(&w, NAN);
    jz_csvw_number(&w, -1e-20);
    jz_csvw_end_row(&w);
    assert_string_equal(mem_text(&m), "\"semi;colon\";with, comma;1234,5;0,1;;-1e-20\n");
    free(m.buf);
}

/* The options that keep the run CSV (nan as printf writes it) and the
 * calibrate/backtest CSVs (10 digits, '\r' not quoted) as they were. */
static void test_csv_options(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_csvw w;
    jz_csvw_init(&w, m.f, 0);
    jz_csvw_number(&w, 1.0 / 3.0);
    jz_csvw_number(&w, INFINITY);
    jz_csvw_end_row(&w);
    w.digits = 10;
    w.quote_cr = 0;
    w.keep_nonfinite = 1;
    jz_csvw_number(&w, 1.0 / 3.0);
    jz_csvw_number(&w, INFINITY);
    jz_csvw_field(&w, "cr\r");
    jz_csvw_end_row(&w);
    assert_string_equal(mem_text(&m), "0.333333333333333,\n0.3333333333,inf,cr\r\n");
    free(m.buf);
}

static void test_text_width(void **state)
{
    (void)state;
    assert_int_equal(jz_text_width(""), 0);
    assert_int_equal(jz_text_width("abc"), 3);
    assert_int_equal(jz_text_width("één €"), 5); /* 2-byte é, 3-byte € */
    assert_int_equal((int)jz_text_prefix("één", 1), 2);
    assert_int_equal((int)jz_text_prefix("één", 2), 4);
    assert_int_equal((int)jz_text_prefix("één", 9), 5);
    assert_int_equal((int)jz_text_prefix("één", 0), 0);
    const char *s = "Jeugdhulp lokaal team";
    assert_ptr_equal(jz_text_break(s, 12), s + 9); /* "Jeugdhulp lokaal" is 16 > 12 */
    assert_ptr_equal(jz_text_break(s, 16), s + 16);
    assert_ptr_equal(jz_text_break(s, 9), s + 9);
    assert_ptr_equal(jz_text_break(s, 8), NULL);
    assert_ptr_equal(jz_text_break(s, 40), s + 16);
    /* never before a word that starts with '-': "-plaatsing)" at the start
     * of a line reads as a minus */
    const char *c = "Crisishulp (crisisopvang en -plaatsing)";
    assert_ptr_equal(jz_text_break(c, 31), c + 24); /* "Crisishulp (crisisopvang" / "en -plaatsing)" */
    assert_ptr_equal(jz_text_break("a -b", 3), NULL);
}

static void test_text_pad(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_text_pad(m.f, "één", 5, 0);
    fputc('|', m.f);
    jz_text_pad(m.f, "€ 12", 6, 1);
    fputc('|', m.f);
    jz_text_pad(m.f, "Residentiële jeugdhulp", 8, 0); /* cut: 7 characters and … */
    fputc('|', m.f);
    jz_text_pad(m.f, "abcd", 4, 1); /* exactly the width: not cut */
    fputc('|', m.f);
    assert_string_equal(mem_text(&m), "één  |  € 12|Residen…|abcd|");
    free(m.buf);
}

/* Padding wider than the block of spaces jz_text_pad writes at a time
 * (regional tables with wide columns): every space is there. */
static void test_text_pad_wide(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_text_pad(m.f, "€ 1", 75, 1);
    fputc('|', m.f);
    jz_text_pad(m.f, "Zuid", 70, 0);
    fputc('|', m.f);
    char want[256];
    snprintf(want, sizeof want, "%*s%s|%s%*s|", 72, "", "€ 1", "Zuid", 66, "");
    assert_string_equal(mem_text(&m), want);
    free(m.buf);
}

/* A figure is never cut and always has a space before it, however wide. */
static void test_text_pad_figure(void **state)
{
    (void)state;
    mem m;
    mem_open(&m);
    jz_text_pad_figure(m.f, "€ 12", 6);
    fputc('|', m.f);
    jz_text_pad_figure(m.f, "€ 1.294.820.483.824", 14); /* too wide: pushed right, whole */
    fputc('|', m.f);
    jz_text_pad_figure(m.f, "123456", 6); /* exactly the width: still a space before it */
    fputc('|', m.f);
    assert_string_equal(mem_text(&m), "  € 12| € 1.294.820.483.824| 123456|");
    free(m.buf);
}

/* a part of the tekort or a change in it in words, never "€ -2,4 mln" */
static void test_text_tekort_words(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(jz_text_tekort_part(b, sizeof b, -2.4e6, "€ 2,4 mln", 0), "een overschot van € 2,4 mln");
    assert_string_equal(jz_text_tekort_part(b, sizeof b, 0.3e6, "€ 0,3 mln", 0), "een tekort van € 0,3 mln");
    assert_string_equal(jz_text_tekort_part(b, sizeof b, 0, "€ 0,0 mln", 0), "€ 0,0 mln");
    assert_string_equal(jz_text_tekort_part(b, sizeof b, -1, "€2.4 mln", 1), "a surplus of €2.4 mln");
    assert_string_equal(jz_text_tekort_part(b, sizeof b, 1, "€0.3 mln", 1), "a deficit of €0.3 mln");
    assert_string_equal(jz_text_tekort_change(b, sizeof b, 3.8e6, "€ 3,8 mln", 0), "€ 3,8 mln hoger");
    assert_string_equal(jz_text_tekort_change(b, sizeof b, -1, "€ 0,5 mln", 0), "€ 0,5 mln lager");
    assert_string_equal(jz_text_tekort_change(b, sizeof b, 0, "€ 0", 0), "€ 0");
    assert_string_equal(jz_text_tekort_change(b, sizeof b, 1, "€3.8 mln", 1), "€3.8 mln higher");
    assert_string_equal(jz_text_tekort_change(b, sizeof b, -1, "€0.5 mln", 1), "€0.5 mln lower");
}

/* The 90% band of the tekort in words on either side of 0 (it said
 * "tussen € -3,0 mln en € -1,0 mln" of a surplus). */
static void test_text_tekort_band(void **state)
{
    (void)state;
    char b[200];
    assert_string_equal(jz_text_tekort_band(b, sizeof b, 1e6, 3e6, "€ 1,0 mln", "€ 3,0 mln", 0),
                        "Met de onzekerheid meegerekend ligt het tekort met 90% kans tussen € 1,0 mln en € 3,0 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, -3e6, -1e6, "€ 3,0 mln", "€ 1,0 mln", 0),
                        "Met de onzekerheid meegerekend ligt het overschot met 90% kans tussen € 1,0 mln en € 3,0 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, -1e6, 2e6, "€ 1,0 mln", "€ 2,0 mln", 0),
                        "Met de onzekerheid meegerekend ligt de uitkomst met 90% kans tussen een overschot van € 1,0 mln "
                        "en een tekort van € 2,0 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, -3e6, 0, "€ 3,0 mln", "€ 0,0 mln", 0),
                        "Met de onzekerheid meegerekend ligt het overschot met 90% kans tussen € 0,0 mln en € 3,0 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, 0, 2e6, "€ 0,0 mln", "€ 2,0 mln", 0),
                        "Met de onzekerheid meegerekend ligt het tekort met 90% kans tussen € 0,0 mln en € 2,0 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, 6.4e6, 6.4e6, "€ 6,4 mln", "€ 6,4 mln", 0),
                        "Met de onzekerheid meegerekend is het tekort met 90% kans € 6,4 mln.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, -3e6, -1e6, "€3.0 mln", "€1.0 mln", 1),
                        "Taking uncertainty into account, the surplus lies between €1.0 mln and €3.0 mln with 90% "
                        "probability.");
    assert_string_equal(jz_text_tekort_band(b, sizeof b, -1e6, 2e6, "€1.0 mln", "€2.0 mln", 1),
                        "Taking uncertainty into account, the outcome lies between a surplus of €1.0 mln and a deficit "
                        "of €2.0 mln with 90% probability.");
}

/* The note on Overig stands under a taakveld table only when the list has
 * that line, which jz_taakveld_list_make puts last; an empty list has none
 * (the briefing's, the workbook's and the prognose workbook's one test). */
static void test_taakveld_list_outside(void **state)
{
    (void)state;
    jz_taakveld_list l = {0};
    assert_false(jz_taakveld_list_has_outside(&l));
    l.code[l.n++] = 0;
    assert_false(jz_taakveld_list_has_outside(&l));
    l.code[l.n++] = JZ_TAAKVELD_OUTSIDE;
    assert_true(jz_taakveld_list_has_outside(&l));
    assert_string_equal(jz_text_taakveld_name(l.code[1], 0), "Overig");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_fields),
        cmocka_unit_test(test_csv_nl),
        cmocka_unit_test(test_csv_options),
        cmocka_unit_test(test_text_width),
        cmocka_unit_test(test_text_pad),
        cmocka_unit_test(test_text_pad_wide),
        cmocka_unit_test(test_text_pad_figure),
        cmocka_unit_test(test_text_tekort_words),
        cmocka_unit_test(test_text_tekort_band),
        cmocka_unit_test(test_taakveld_list_outside),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
