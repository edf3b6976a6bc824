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

/* Numbers too large to group are shown in scientific notation, whole. */
static void test_huge_numbers_are_not_cut(void **state)
{
    (void)state;
    char b[64];
    assert_string_equal(jz_format_number(b, sizeof b, 1e300, 0, JZ_LANG_NL), "1,000e+300");
    assert_string_equal(jz_format_number(b, sizeof b, -2.5e16, 0, JZ_LANG_EN), "-2.500e+16");
    assert_string_equal(jz_format_number(b, sizeof b, 999999999999999.0, 0, JZ_LANG_NL), "999.999.999.999.999");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grouping_and_decimals),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_huge_numbers_are_not_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
