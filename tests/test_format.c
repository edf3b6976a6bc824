/*
 * test_format.c - numbers as a Dutch or English reader expects them, and
 * never a silently cut number.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/report.h"

static void test_grouping_and_decimals(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(jz_format_number(b, sizeof b, 1234567.0, 0, JZ_LANG_NL), "1.234.567");
    assert_string_equal(jz_format_number(b, sizeof b, 1234567.0, 0, JZ_LANG_EN), "1,234,567");
    assert_string_equal(jz_format_number(b, sizeof b, 2529.14, 1, JZ_LANG_NL), "2.529,1");
    assert_string_equal(jz_format_number(b, sizeof b, -1234.5, 0, JZ_LANG_NL), "-1.235");
    assert_string_equal(jz_format_number(b, sizeof b, -0.4, 0, JZ_LANG_NL), "0"); /* no "-0" */
    assert_string_equal(jz_format_number(b, sizeof b, 999.0, 0, JZ_LANG_NL), "999");
    assert_string_equal(jz_format_number(b, sizeof b, NAN, 0, JZ_LANG_NL), "-");
}

static void test_money(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(jz_format_money(b, sizeof b, 16702982.4, JZ_LANG_NL), "€ 16.702.982");
    assert_string_equal(jz_format_money(b, sizeof b, 16702982.4, JZ_LANG_EN), "€16,702,982");
    assert_string_equal(jz_format_money(b, sizeof b, -8075564.0, JZ_LANG_EN), "-€8,075,564");
}

/* The presentation rule for zero (docs/output-format.md): a figure that
 * rounds to 0 at the decimals shown is +0.0, so it reads "0", never "-0";
 * anything else keeps its value. */
static void test_rounds_to_zero(void **state)
{
    (void)state;
    char buf[64];
    assert_true(jz_format_shown(-5.8e-11, 0) == 0.0 && !signbit(jz_format_shown(-5.8e-11, 0)));
    assert_true(jz_format_shown(-0.0, 1) == 0.0 && !signbit(jz_format_shown(-0.0, 1)));
    assert_true(jz_format_shown(-0.49, 0) == 0.0);
    assert_true(jz_format_shown(-0.5, 0) == -0.5); /* half away from zero: "-1" */
    assert_true(jz_format_shown(0.04, 1) == 0.0);
    assert_true(jz_format_shown(0.05, 1) == 0.05);
    assert_true(jz_format_shown(-0.0004, 3) == 0.0); /* "0,0%" of a fraction */
    assert_true(jz_format_shown(-2e15, 0) == -2e15);
    assert_string_equal(jz_format_money(buf, sizeof buf, -1.49e-8, JZ_LANG_NL), "€ 0");
    assert_string_equal(jz_format_number(buf, sizeof buf, -0.04, 1, JZ_LANG_NL), "0,0");
}

/* Numbers too large to group are shown in scientific notation, whole. */
static void test_huge_numbers_are_not_cut(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(jz_format_number(b, sizeof b, 1e300, 0, JZ_LANG_NL), "1,000e+300");
    assert_string_equal(jz_format_number(b, sizeof b, -2.5e16, 0, JZ_LANG_EN), "-2.500e+16");
    assert_string_equal(jz_format_number(b, sizeof b, 999999999999999.0, 0, JZ_LANG_NL), "999.999.999.999.999");
}

/* The old formatter, printf doing the digits: the fast digits must give
 * the same text for every value and number of decimals. */
static void reference(char *buf, size_t size, double v, int d, jz_lang lang)
{
    char raw[64], out[96];
    double scale = pow(10.0, d), mag = floor(fabs(v) * scale + 0.5) / scale;
    if (mag == 0.0)
        v = 0.0;
    snprintf(raw, sizeof raw, "%.*f", d, mag);
    const char *dot = strchr(raw, '.');
    size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw), o = 0;
    if (v < 0)
        out[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = lang == JZ_LANG_NL ? '.' : ',';
        out[o++] = raw[i];
    }
    if (dot) {
        out[o++] = lang == JZ_LANG_NL ? ',' : '.';
        for (const char *p = dot + 1; *p; p++)
            out[o++] = *p;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
}

static void test_digits_match_printf(void **state)
{
    (void)state;
    char got[96], want[96]; /* as large as reference()'s out: gcc -Os checks the copy */
    uint64_t x = 88172645463325252ull; /* xorshift: reproducible values of every size */
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int d = (int)(x % 7);
        double mant = (double)(x >> 11) / 9007199254740992.0; /* [0, 1) */
        double v = (mant - 0.5) * pow(10.0, (double)((x >> 3) % 17)); /* up to 5e15 */
        if (i % 4 == 0)
            v = floor(v * pow(10.0, d) + 0.5) / pow(10.0, d) + (i % 8 == 0 ? 0.5 / pow(10.0, d) : 0.0);
        if (fabs(v) >= 1e15)
            continue;
        jz_format_number(got, sizeof got, v, d, JZ_LANG_NL);
        reference(want, sizeof want, v, d, JZ_LANG_NL);
        if (strcmp(got, want) != 0)
            fail_msg("%.17g with %d decimals: got %s, printf gives %s", v, d, got, want);
    }
    /* a short buffer cuts the text as snprintf would */
    assert_string_equal(jz_format_number(got, 5, 1234567.0, 0, JZ_LANG_NL), "1.23");
    assert_string_equal(jz_format_money(got, 5, 1234567.0, JZ_LANG_EN), "\xe2\x82\xac" "1");
}

/* A value typed with few decimals is shown with those, not padded with
 * zeros nor cut: a year, a zorgduur of 1.5 months, a growth of -0.3%. */
static void test_decimals_as_typed(void **state)
{
    (void)state;
    assert_int_equal(jz_format_decimals(2026.0, 4), 0);
    assert_int_equal(jz_format_decimals(1.5, 2), 1);
    assert_int_equal(jz_format_decimals(-0.3, 4), 1);
    assert_int_equal(jz_format_decimals(0.08, 4), 2);
    assert_int_equal(jz_format_decimals(1.0 / 3.0, 2), 2); /* more than max: max */
    assert_int_equal(jz_format_decimals(0.1 + 0.2, 4), 1); /* 0.30000000000000004 */
    assert_int_equal(jz_format_decimals(1.25, 9), 2);      /* max beyond 6 is 6 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grouping_and_decimals),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_huge_numbers_are_not_cut),
        cmocka_unit_test(test_rounds_to_zero),
        cmocka_unit_test(test_digits_match_printf),
        cmocka_unit_test(test_decimals_as_typed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
