/*
 * test_compare.c - the comparison arithmetic (engine/analysis/compare.c):
 * differences and relative differences against the reference, absent years
 * when horizons differ, the union of zorgsoorten and gemeenten, bands, and
 * twelve scenarios at once; plus the reporters' invariants that do not need
 * a browser (escaping, 100 columns, CSV row count, sheet names).
 *
 * Scenarios: tests/data/compare/a.yaml (reference: 2 gemeenten, ambulant +
 * pleegzorg, 2024-2026), b.yaml (a with dearer ambulant care), c.yaml
 * (2025-2028, one gemeente, no pleegzorg, a crisis zorgsoort, a name with
 * HTML in it).
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
#include <unistd.h>

#include "jzsim/compare.h"
#include "jzsim/jzsim.h"
#include "report/cmp_common.h"
#include "jztest.h"
#include "cmp_fixture.h"

#define DIR CMP_DIR
#define NMAX CMP_NMAX

/* Same years and dimensions: every difference is exactly b - a of the
 * model's own figures, and the relative one that divided by |a|. */
static void test_two_same_years(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    const jz_result *ra = f.r[0], *rb = f.r[1];
    assert_int_equal(c->n_scenarios, 2);
    assert_int_equal(c->first_year, 2024);
    assert_int_equal(c->n_years, 3);
    assert_int_equal(c->n_units, 3); /* GM0001, GM0002, TOTAL */
    assert_string_equal(c->units[0].code, "GM0001");
    assert_string_equal(c->units[2].code, "TOTAL");
    assert_true(c->units[2].is_total);
    assert_int_equal(c->total_unit, 2);
    assert_int_equal(c->n_notes, 0);

    for (int u = 0; u < 3; u++) {
        int g = u; /* same order in both; g = 2 is the region total */
        for (int y = 0; y < 3; y++) {
            double a = ra->g_tekort[jz_result_gy(ra, g, y)], b = rb->g_tekort[jz_result_gy(rb, g, y)];
            assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 0, y) == a);
            assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 1, y) == b);
            assert_true(jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 1, y) == b - a);
            assert_true(jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 0, y) == 0.0);
            /* a's tekort is a surplus (negative) in every unit: no percentage */
            assert_true(a < 0);
            assert_true(isnan(jz_cmp_rel(c, JZ_CMP_TEKORT, u, 0, 1, y)));
        }
    }
    /* b only makes ambulant dearer: its cost rises, pleegzorg's does not */
    int amb = zindex(c, "ambulant"), pz = zindex(c, "pleegzorg");
    assert_int_equal(amb, 0);
    assert_int_equal(pz, 1);
    for (int y = 0; y < 3; y++) {
        double d = jz_cmp_diff(c, JZ_CMP_Z_COST, 0, amb, 1, y);
        double a = jz_cmp_value(c, JZ_CMP_Z_COST, 0, amb, 0, y);
        assert_true(d > 0);
        /* 10k against 9k a client-year, same volumes: +1/9 */
        assert_rel(jz_cmp_rel(c, JZ_CMP_Z_COST, 0, amb, 1, y), 1.0 / 9.0, 1e-9);
        assert_true(a == ra->cost[jz_result_cz(ra, 0, 0, y)]);
        assert_true(jz_cmp_diff(c, JZ_CMP_Z_COST, 0, pz, 1, y) == 0.0);
    }
    /* the tekort difference is fully explained: besparing + andere aannames;
     * per-zorgsoort tekort + the lines in no zorgsoort = the total */
    for (int u = 0; u < 3; u++)
        for (int y = 0; y < 3; y++) {
            assert_true(jz_cmp_value(c, JZ_CMP_OTHER_ASSUMPTIONS, u, 0, 0, y) == 0.0);
            double dt = -jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 1, y);
            double ds = jz_cmp_diff(c, JZ_CMP_MEASURE_SAVING, u, 0, 1, y);
            assert_rel(jz_cmp_value(c, JZ_CMP_OTHER_ASSUMPTIONS, u, 0, 1, y) + ds, dt, 1e-12);
            for (int s = 0; s < 2; s++) {
                double sum = jz_cmp_value(c, JZ_CMP_FIXED_TEKORT, u, 0, s, y) +
                             jz_cmp_value(c, JZ_CMP_MEASURE_INVESTMENT, u, 0, s, y);
                for (int z = 0; z < c->n_zorgsoorten; z++)
                    sum += jz_cmp_value(c, JZ_CMP_Z_TEKORT, u, z, s, y);
                assert_rel(sum, jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, s, y), 1e-9);
            }
        }
    /* a reference of 0 has a difference but no relative difference */
    assert_true(jz_cmp_value(c, JZ_CMP_FIXED_COST, 2, 0, 0, 0) == 0.0);
    assert_true(jz_cmp_diff(c, JZ_CMP_FIXED_COST, 2, 0, 1, 0) == 0.0);
    assert_true(isnan(jz_cmp_rel(c, JZ_CMP_FIXED_COST, 2, 0, 1, 0)));
    /* out of range is absent, not a crash */
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, 3, 0, 0, 0)));
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, 0, 0, 2, 0)));
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_Z_COST, 0, 7, 0, 0)));
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, 0, 0, 0, 3)));
    release(&f);
}

/* A percentage only where a controller reads it right (jz_cmp_rel): of a
 * positive reference of at least JZ_CMP_REL_LEAST_MONEY for an amount, to a
 * value on the same side of 0; the difference itself stays.  b is the
 * reference here: GM0001's tekort goes from 0,63 mln to a surplus of 0,33
 * mln ("-152,4%" before), GM0002's is a surplus in both, pleegzorg's tekort
 * is € 24.000 / € 49.200 per gemeente and € 98.400 in the region. */
static void test_rel_rule(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "b.yaml");
    load(&f, "a.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    int pz = zindex(c, "pleegzorg"), amb = zindex(c, "ambulant"), tot = c->total_unit;
    for (int y = 0; y < 3; y++) {
        /* a tekort that turns into a surplus */
        assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, 0, 0, 0, y) > 0);
        assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, 0, 0, 1, y) < 0);
        assert_false(isnan(jz_cmp_diff(c, JZ_CMP_TEKORT, 0, 0, 1, y)));
        assert_true(isnan(jz_cmp_rel(c, JZ_CMP_TEKORT, 0, 0, 1, y)));
        /* a surplus as the base */
        assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, 1, 0, 0, y) < 0);
        assert_true(isnan(jz_cmp_rel(c, JZ_CMP_TEKORT, 1, 0, 1, y)));
        /* the costs keep theirs: ambulant 9k against 10k a client-year */
        assert_rel(jz_cmp_rel(c, JZ_CMP_Z_COST, 0, amb, 1, y), -0.1, 1e-9);
    }
    /* a base below € 50.000: none; at or above: the percentage (0 here) */
    assert_true(jz_cmp_value(c, JZ_CMP_Z_TEKORT, 0, pz, 0, 2) == 49200);
    assert_true(isnan(jz_cmp_rel(c, JZ_CMP_Z_TEKORT, 0, pz, 1, 2)));
    assert_true(jz_cmp_value(c, JZ_CMP_Z_TEKORT, tot, pz, 0, 2) == 98400);
    assert_true(jz_cmp_rel(c, JZ_CMP_Z_TEKORT, tot, pz, 1, 2) == 0.0);
    /* counts have no floor: unique clients of a positive base */
    assert_false(isnan(jz_cmp_rel(c, JZ_CMP_UNIQUE, tot, 0, 1, 2)));
    release(&f);
}

/* A saved forecast is marked only beside a scenario of its own name, and
 * its name stays as it was (the CLI appended "(bewaard)" to it). */
static void test_mark_saved(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    load(&f, "a.yaml");
    compare(&f);
    jz_comparison *c = f.c;
    assert_int_equal(jz_comparison_mark_saved(c, 1), 0); /* no other "B duurder" */
    assert_int_equal(c->scen[1].saved, 0);
    assert_int_equal(jz_comparison_mark_saved(c, 0), 1);
    assert_int_equal(c->scen[0].saved, 1);
    assert_int_equal(c->scen[2].saved, 0);
    assert_string_equal(c->scen[0].scenario->meta.name, c->scen[2].scenario->meta.name);
    assert_int_equal(jz_comparison_mark_saved(c, 7), 0); /* out of range */
    char b[JZ_CMP_SHOWN_NAME_MAX];
    assert_string_equal(jz_cmp_scen_name(b, sizeof b, c, 0, JZ_LANG_NL), "A basis (bewaard)");
    assert_string_equal(jz_cmp_scen_name(b, sizeof b, c, 0, JZ_LANG_EN), "A basis (saved)");
    assert_string_equal(jz_cmp_scen_name(b, sizeof b, c, 2, JZ_LANG_NL), "A basis");
    /* "[k] name" as every table, briefing and workbook heads a scenario:
     * one helper, its number before the name and its label */
    char k[JZ_CMP_NUMBERED_NAME_MAX];
    assert_string_equal(jz_cmp_scen_numbered(k, sizeof k, c, 0, JZ_LANG_NL), "[1] A basis (bewaard)");
    assert_string_equal(jz_cmp_scen_numbered(k, sizeof k, c, 0, JZ_LANG_EN), "[1] A basis (saved)");
    assert_string_equal(jz_cmp_scen_numbered(k, sizeof k, c, 2, JZ_LANG_NL), "[3] A basis");
    release(&f);
}

/* Different horizons, gemeenten and zorgsoorten: the unions, and absent
 * cells that are NaN (never 0). */
static void test_unions_and_absent(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    load(&f, "c.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    const jz_result *rc = f.r[2];
    assert_int_equal(c->first_year, 2024);
    assert_int_equal(c->n_years, 5); /* 2024..2028 */
    assert_int_equal(c->n_zorgsoorten, 3);
    assert_string_equal(c->zs[0].key, "ambulant");
    assert_string_equal(c->zs[1].key, "pleegzorg");
    assert_string_equal(c->zs[2].key, "crisis");
    assert_int_equal(c->zs[2].z[0], -1);
    assert_int_equal(c->zs[2].z[2], 1);
    assert_int_equal(c->zs[1].z[2], -1);
    assert_int_equal(jz_cmp_last_year(c, 0), 2);
    assert_int_equal(jz_cmp_last_year(c, 2), 4);
    /* notes: c lacks GM0002 and pleegzorg, a and b lack crisis, c's years */
    assert_int_equal(c->n_notes, 5);
    int kinds[3] = {0};
    for (int i = 0; i < c->n_notes; i++)
        kinds[c->notes[i].kind]++;
    assert_int_equal(kinds[JZ_CMP_NOTE_NO_GEMEENTE], 1);
    assert_int_equal(kinds[JZ_CMP_NOTE_NO_ZORGSOORT], 3);
    assert_int_equal(kinds[JZ_CMP_NOTE_OTHER_YEARS], 1);
    char buf[512];
    assert_non_null(strstr(jz_cmp_note_format(c, 0, JZ_LANG_NL, buf, sizeof buf), "GM0002"));

    int u = 0, tot = c->total_unit; /* GM0001 */
    /* c starts in 2025: 2024 is absent, and so is its difference */
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 2, 0)));
    assert_false(jz_cmp_has(c, JZ_CMP_TEKORT, u, 0, 2, 0));
    assert_true(isnan(jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 2, 0)));
    /* the reference ends in 2026: 2027 is absent for it, so c's difference is too */
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 0, 3)));
    assert_false(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 2, 3)));
    assert_true(isnan(jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 2, 3)));
    assert_true(isnan(jz_cmp_rel(c, JZ_CMP_TEKORT, u, 0, 2, 3)));
    /* 2025 is year index 1 of the comparison and index 0 of c */
    double v = jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 2, 1);
    assert_true(v == rc->g_tekort[jz_result_gy(rc, 0, 0)]);
    assert_true(jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, 2, 1) == v - jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 0, 1));
    /* 2028 is c's last year */
    assert_true(jz_cmp_value(c, JZ_CMP_UNIQUE, u, 0, 2, 4) == rc->g_unique[jz_result_gy(rc, 0, 3)]);
    /* zorgsoorten: crisis absent in a, present in c; pleegzorg absent in c */
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_Z_COST, u, 2, 0, 1)));
    assert_true(jz_cmp_value(c, JZ_CMP_Z_COST, u, 2, 2, 1) == rc->cost[jz_result_cz(rc, 0, 1, 0)]);
    assert_true(jz_cmp_value(c, JZ_CMP_Z_COST, u, 2, 2, 1) > 0);
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_Z_COST, u, 1, 2, 1)));
    assert_false(isnan(jz_cmp_value(c, JZ_CMP_Z_COST, u, 1, 0, 1)));
    /* gemeenten: GM0002 is absent in c; the region total is c's own total */
    assert_true(isnan(jz_cmp_value(c, JZ_CMP_TEKORT, 1, 0, 2, 1)));
    assert_true(jz_cmp_value(c, JZ_CMP_TEKORT, tot, 0, 2, 1) == rc->g_tekort[jz_result_gy(rc, 1, 0)]);
    assert_int_equal(jz_cmp_unit_index(c, "GM0002"), 1);
    assert_int_equal(jz_cmp_unit_index(c, "Tweededorp"), 1);
    assert_int_equal(jz_cmp_unit_index(c, "TOTAL"), tot);
    assert_int_equal(jz_cmp_unit_index(c, "GM9999"), -1);
    assert_int_equal(jz_cmp_scenario_index(c, "2"), 1);
    assert_int_equal(jz_cmp_scenario_index(c, "B duurder"), 1);
    assert_int_equal(jz_cmp_scenario_index(c, "4"), -1);
    /* the summary year is the last one every scenario has: 2026 */
    assert_int_equal(jz_cmp_summary_year(c), 2);
    release(&f);
}

static void test_decomposition_and_bands(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "c.yaml");
    compare(&f);
    jz_comparison *c = f.c;
    jz_error err;
    /* the model's split of the tekort adds up (issue 3); 0 parts against a
     * tekort would be "not split" */
    if (f.r[0]->g_dec_tariff)
        assert_true(jz_cmp_decomposition_ok(c, c->total_unit, 0, 0));
    assert_false(jz_cmp_decomposition_ok(c, c->total_unit, 1, 0)); /* c has no 2024 */
    /* a tekort that is all verevening (the model's parts exactly 0, as in
     * the base year of a budget equal to the cost) is split, not "not made" */
    {
        jz_result *r0 = f.r[0];
        size_t i = jz_result_gy(r0, 0, 0);
        r0->g_dec_tariff[i] = r0->g_dec_external[i] = r0->g_dec_volume[i] = 0.0;
        r0->g_dec_intensity[i] = r0->g_dec_start[i] = 0.0;
        r0->g_verevening[i] = r0->g_tekort[i];
        assert_true(fabs(r0->g_tekort[i]) >= 1.0);
        assert_true(jz_cmp_decomposition_ok(c, 0, 0, 0));
        r0->g_verevening[i] = 0.0; /* and parts that do not add up are refused */
        assert_false(jz_cmp_decomposition_ok(c, 0, 0, 0));
    }

    double b[3];
    assert_false(jz_cmp_has_bands(c, JZ_CMP_TEKORT));
    assert_false(jz_cmp_band(c, JZ_CMP_TEKORT, 0, 0, 0, b));
    assert_int_equal(jz_cmp_set_band(c, JZ_CMP_TEKORT, c->total_unit, 1, 2026, 1, 2, 3, &err), JZ_OK);
    assert_true(jz_cmp_has_bands(c, JZ_CMP_TEKORT));
    assert_true(jz_cmp_band(c, JZ_CMP_TEKORT, c->total_unit, 1, 2, b));
    assert_true(b[0] == 1 && b[1] == 2 && b[2] == 3);
    assert_false(jz_cmp_band(c, JZ_CMP_TEKORT, c->total_unit, 1, 1, b));
    /* out of order, outside the scenario's years, not a gemeente metric */
    assert_int_equal(jz_cmp_set_band(c, JZ_CMP_TEKORT, 0, 0, 2024, 3, 2, 1, &err), JZ_EINPUT);
    assert_int_equal(jz_cmp_set_band(c, JZ_CMP_TEKORT, 0, 1, 2024, 1, 2, 3, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "2025-2028"));
    assert_int_equal(jz_cmp_set_band(c, JZ_CMP_Z_COST, 0, 0, 2024, 1, 2, 3, &err), JZ_EINPUT);

    /* the CSV door, Dutch style, and an error with its line and column */
    char path[] = "/tmp/jz_bands_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    fputs("scenario;gemeente_code;year;metric;p5;p50;p95\n"
          "1;GM0001;2024;tekort;-7e6;-6e6;-5,5e6\n"
          "\"A basis\";;2025;tekort;1,5;2;2,5\n",
          fp);
    fclose(fp);
    assert_int_equal(jz_cmp_read_bands(c, path, &err), JZ_OK);
    assert_true(jz_cmp_band(c, JZ_CMP_TEKORT, 0, 0, 0, b));
    assert_true(b[2] == -5.5e6);
    assert_true(jz_cmp_band(c, JZ_CMP_TEKORT, c->total_unit, 0, 1, b));
    assert_true(b[0] == 1.5);
    fp = fopen(path, "w");
    fputs("scenario,gemeente_code,year,metric,p5,p50,p95\n1,GM0001,2024,tekort,1,2,3\n1,GM0001,2024,tekrt,1,2,3\n", fp);
    fclose(fp);
    assert_int_equal(jz_cmp_read_bands(c, path, &err), JZ_EINPUT);
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 15);
    assert_non_null(strstr(err.message, "tekrt"));
    unlink(path);
    release(&f);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    fixture f = {0};
    jz_error err;
    load(&f, "a.yaml");
    load(&f, "c.yaml");
    assert_null(jz_comparison_alloc(0, (const jz_scenario *const *)f.s, (const jz_result *const *)f.r, &err));
    assert_int_equal(err.status, JZ_EINPUT);
    /* a result that belongs to another scenario */
    const jz_scenario *s2[2] = {f.s[0], f.s[1]};
    const jz_result *r2[2] = {f.r[1], f.r[0]};
    assert_null(jz_comparison_alloc(2, s2, r2, &err));
    assert_int_equal(err.status, JZ_EINPUT);
    jz_comparison_free(NULL);
    release(&f);
}

static char *render(const jz_comparison *c, int fmt, jz_lang lang, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    assert_non_null(m);
    static const jz_format formats[] = {JZ_FORMAT_TABLE, JZ_FORMAT_CSV, JZ_FORMAT_JSON, JZ_FORMAT_HTML};
    jz_report_options o;
    jz_report_options_default(&o);
    o.lang = lang;
    o.format = formats[fmt];
    jz_report_subject x = {.kind = JZ_REPORT_COMPARE, .comparison = c};
    jz_error err;
    int st = jz_report(m, &x, &o, &err);
    fclose(m);
    assert_int_equal(st, JZ_OK);
    /* a plain heap copy: gcc -O3 cannot see that open_memstream's buffer is
     * on the heap and warns of a dangling pointer to the local `buf` */
    char *out = malloc(*len + 1);
    assert_non_null(out);
    memcpy(out, buf, *len + 1);
    free(buf);
    return out;
}

/* Twelve scenarios: a and eleven variants with ambulant cost 9k + i*0.5k. */
static void test_twelve(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    for (int i = 1; i < NMAX; i++) {
        char yaml[512];
        jz_error err;
        snprintf(yaml, sizeof yaml,
                 "extends: a.yaml\nmeta: {name: \"Variant %d met een lange naam die niet past\"}\n"
                 "zorgsoorten:\n  - key: ambulant\n    cost: %d\n",
                 i, 9000 + 500 * i);
        run_one(&f, jz_scenario_load_string(yaml, strlen(yaml), DIR "variant.yaml", NULL, &err));
    }
    compare(&f);
    const jz_comparison *c = f.c;
    assert_int_equal(c->n_scenarios, NMAX);
    for (int s = 1; s < NMAX; s++) {
        /* cost per client-year 9000 + 500 s against 9000: rel = 500 s / 9000 */
        assert_rel(jz_cmp_rel(c, JZ_CMP_Z_COST, 0, 0, s, 1), 500.0 * s / 9000.0, 1e-9);
        assert_true(jz_cmp_diff(c, JZ_CMP_COST, c->total_unit, 0, s, 2) ==
                    jz_cmp_value(c, JZ_CMP_COST, c->total_unit, 0, s, 2) -
                        jz_cmp_value(c, JZ_CMP_COST, c->total_unit, 0, 0, 2));
    }
    /* the terminal table fits 100 columns and shows every scenario */
    size_t len;
    char *t = render(c, 0, JZ_LANG_NL, &len);
    int maxw = 0;
    for (char *line = t, *nl; *line; line = nl + 1) {
        nl = strchr(line, '\n');
        if (!nl)
            break;
        *nl = '\0';
        int w = jz_cmp_utf8_width(line);
        maxw = w > maxw ? w : maxw;
    }
    assert_true(maxw <= 100);
    assert_true(maxw > 60);
    free(t);
    t = render(c, 0, JZ_LANG_NL, &len);
    assert_non_null(strstr(t, "[12]"));
    free(t);
    /* CSV: one row per unit x metric (x zorgsoort) x scenario x year */
    char *csv = render(c, 1, JZ_LANG_EN, &len);
    int rows = 0;
    for (char *p = csv; *p; p++)
        rows += *p == '\n';
    /* the verevening and the contract only when a scenario has one (none here) */
    int per_unit = JZ_CMP_N_GEMEENTE - 2 + (JZ_CMP_N_METRICS - JZ_CMP_N_GEMEENTE) * c->n_zorgsoorten;
    /* and the verschillenanalyse: 2 kinds x 4 parts x (zorgsoorten, the line
     * outside them, the total) */
    per_unit += 2 * 4 * (c->n_zorgsoorten + 2);
    assert_int_equal(rows, 1 + c->n_units * per_unit * NMAX * c->n_years);
    free(csv);
    /* HTML: one series per scenario in the tekort chart */
    char *html = render(c, 3, JZ_LANG_NL, &len);
    char *chart = strstr(html, "id=\"chart-tekort\""), *end = chart ? strstr(chart, "</svg>") : NULL;
    assert_non_null(end);
    int series = 0;
    for (char *p = chart; p && p < end; p++)
        if (strncmp(p, "data-scenario=\"", 15) == 0)
            series++;
    assert_int_equal(series, NMAX);
    free(html);
    release(&f);
}

/* A scenario name with markup comes out as text, in every place. */
static void test_html_escapes(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "c.yaml");
    compare(&f);
    size_t len;
    char *html = render(f.c, 3, JZ_LANG_EN, &len);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "alert('x')"));
    assert_non_null(strstr(html, "C &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; later"));
    assert_non_null(strstr(html, "<html lang=\"en\">"));
    free(html);
    release(&f);
}

static void test_sheet_names(void **state)
{
    (void)state;
    char used[4][JZ_SHEET_NAME_SIZE] = {"Vergelijking", "Aannames"};
    char out[JZ_SHEET_NAME_SIZE];
    jz_xlsx_sheet_name(out, sizeof out, "1 a/b:c*d?e[f]g\\h", used, 2);
    assert_string_equal(out, "1 a b c d e f g h");
    jz_xlsx_sheet_name(out, sizeof out, "VERGELIJKING", used, 2);
    assert_string_equal(out, "VERGELIJKING (2)");
    jz_xlsx_sheet_name(out, sizeof out, "'quoted'", used, 2);
    assert_string_equal(out, "quoted");
    /* at most 31 characters, counted in characters, not bytes; a longer
     * name keeps its first whole words (without the comma before the cut)
     * and its last word around "…" */
    jz_xlsx_sheet_name(out, sizeof out, "2 Jeugdzorg Enschede, hoge indexatie en extra instroom", used, 2);
    assert_string_equal(out, "2 Jeugdzorg Enschede…instroom");
    jz_xlsx_sheet_name(out, sizeof out, "3 Enschede, Hervormingsagenda en verbeterkansen", used, 2);
    assert_string_equal(out, "3 Enschede…verbeterkansen");
    jz_xlsx_sheet_name(out, sizeof out, "3 Hervormingsagenda alleen zeker", used, 2);
    assert_string_equal(out, "3 Hervormingsagenda…zeker");
    jz_xlsx_sheet_name(out, sizeof out, "2 Hervormingsagenda (Tabel 3.3a)", used, 2);
    assert_string_equal(out, "2 Hervormingsagenda…3.3a)");
    /* a first word that leaves less than half: cut inside it */
    jz_xlsx_sheet_name(out, sizeof out, "4 Enschede, Hervormingsagenda, en meer", used, 2);
    assert_string_equal(out, "4 Enschede, Hervormingsage…meer");
    /* a last word over half the room is left out */
    jz_xlsx_sheet_name(out, sizeof out, "5 Een heel lang woord: jeugdhulpaanbiedersoverleg", used, 2);
    assert_string_equal(out, "5 Een heel lang woord…");
    /* exactly 31 fits as it is */
    jz_xlsx_sheet_name(out, sizeof out, "1 Twente regio (14 gemeenten) x", used, 2);
    assert_string_equal(out, "1 Twente regio (14 gemeenten) x");
    /* the words all names of a workbook start with */
    const char *ens[] = {"Enschede, geen maatregelen", "Enschede, Hervormingsagenda",
                         "Enschede, Hervormingsagenda en verbeterkansen"};
    assert_int_equal((int)jz_xlsx_shared_start(ens, 3), (int)strlen("Enschede, "));
    const char *tw[] = {"Twente, verevening naar bevolking", "Twente, verevening naar gebruik"};
    assert_int_equal((int)jz_xlsx_shared_start(tw, 2), (int)strlen("Twente, verevening naar "));
    const char *whole[] = {"Enschede basis", "Enschede basis"};
    assert_int_equal((int)jz_xlsx_shared_start(whole, 2), (int)strlen("Enschede "));
    const char *none[] = {"Enschede basis", "Hengelo basis"};
    assert_int_equal((int)jz_xlsx_shared_start(none, 2), 0);
    assert_int_equal((int)jz_xlsx_shared_start(ens, 1), 0);
    /* no word to cut after: a hard cut */
    jz_xlsx_sheet_name(out, sizeof out, "3 éééééééééééééééééééééééééééééééééééé", used, 2);
    assert_int_equal(jz_cmp_utf8_width(out), 31);
    assert_non_null(strstr(out, "é…"));
    snprintf(used[2], sizeof used[2], "%s", out);
    jz_xlsx_sheet_name(out, sizeof out, "3 éééééééééééééééééééééééééééééééééééé", used, 3);
    assert_int_equal(jz_cmp_utf8_width(out), 31);
    assert_non_null(strstr(out, "… (2)"));
    /* Excel counts UTF-16 units: an emoji is two */
    jz_xlsx_sheet_name(out, sizeof out, "1 \xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
                       "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
                       "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"
                       "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", used, 2);
    assert_int_equal(jz_cmp_utf8_width(out), 2 + 14 + 1); /* 2 + 2 x 14 + 1 = 31 units */
    /* "History" is Excel's own; case is ignored for accented letters too */
    jz_xlsx_sheet_name(out, sizeof out, "history", used, 2);
    assert_string_equal(out, "history (2)");
    snprintf(used[3], sizeof used[3], "%s", "Één");
    jz_xlsx_sheet_name(out, sizeof out, "één", used, 4);
    assert_string_equal(out, "één (2)");
    jz_xlsx_sheet_name(out, sizeof out, "[]", used, 2);
    assert_string_equal(out, "Blad");
}

static void test_formats(void **state)
{
    (void)state;
    char buf[64];
    /* Dutch: the sign after the euro sign, as in "€ -1.234" (jz_format_money);
     * English: before it, as in "-€1,234" */
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, 1234567.4, JZ_LANG_NL), "€ +1.234.567");
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, -1234567.4, JZ_LANG_NL), "€ -1.234.567");
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, 1234567.4, JZ_LANG_EN), "+€1,234,567");
    assert_string_equal(jz_format_money(buf, sizeof buf, -1234567.4, JZ_LANG_NL), "€ -1.234.567");
    assert_string_equal(jz_format_money(buf, sizeof buf, -1234567.4, JZ_LANG_EN), "-€1,234,567");
    assert_string_equal(jz_cmp_fmt_mln(buf, sizeof buf, -7.2e6, JZ_LANG_NL), "€ -7,2 mln");
    assert_string_equal(jz_cmp_fmt_mln(buf, sizeof buf, -7.2e6, JZ_LANG_EN), "-€7.2 mln");
    assert_string_equal(jz_cmp_fmt_mln_diff(buf, sizeof buf, -7.2e6, JZ_LANG_NL), "€ -7,2 mln");
    assert_string_equal(jz_cmp_fmt_mln_diff(buf, sizeof buf, 10.0e6, JZ_LANG_NL), "€ +10,0 mln");
    assert_string_equal(jz_cmp_fmt_mln_diff(buf, sizeof buf, 1.2e6, JZ_LANG_EN), "+€1.2 mln");
    assert_string_equal(jz_cmp_fmt_mln_diff(buf, sizeof buf, 0.02e6, JZ_LANG_NL), "€ 0,0 mln");
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, -1234567.4, JZ_LANG_EN), "-€1,234,567");
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, 0.3, JZ_LANG_NL), "€ 0");
    assert_string_equal(jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_TEKORT, NAN, JZ_LANG_NL), "-");
    assert_string_equal(jz_cmp_fmt_rel(buf, sizeof buf, 0.125, JZ_LANG_NL), "+12,5%");
    assert_string_equal(jz_cmp_fmt_rel(buf, sizeof buf, -0.125, JZ_LANG_EN), "-12.5%");
    assert_string_equal(jz_cmp_fmt_mln(buf, sizeof buf, 6394046, JZ_LANG_NL), "€ 6,4 mln");
    assert_string_equal(jz_cmp_fmt_value(buf, sizeof buf, JZ_CMP_UNIQUE, 4830.4, JZ_LANG_NL), "4.830");
    assert_string_equal(jz_cmp_fmt_value(buf, sizeof buf, JZ_CMP_UNIQUE, NAN, JZ_LANG_NL), "-");
}

/* jz_report() chooses the reporter: a format a kind lacks is a located
 * JZ_EINPUT, never a call into the wrong reporter; XLSX needs a path. */
static void test_dispatch(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    compare(&f);
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    jz_report_options o;
    jz_report_options_default(&o);
    jz_error err;
    jz_report_subject run = {.kind = JZ_REPORT_RUN, .scenario = f.s[0], .result = f.r[0]};
    o.format = JZ_FORMAT_HTML;
    assert_int_equal(jz_report(m, &run, &o, &err), JZ_EINPUT);
    assert_non_null(strstr(err.message, "no html report of a projection"));
    assert_int_equal(jz_report_has(JZ_REPORT_RUN, JZ_FORMAT_HTML), 0);
    assert_int_equal(jz_report_has(JZ_REPORT_MC_DRAWS, JZ_FORMAT_TABLE), 0);
    assert_int_equal(jz_report_has(JZ_REPORT_MC_DRAWS, JZ_FORMAT_CSV), 1);
    assert_int_equal(jz_report_has(JZ_REPORT_SENSITIVITY, JZ_FORMAT_HTML), 1);
    assert_int_equal(jz_report_has(JZ_REPORT_KINDS, JZ_FORMAT_CSV), 0);
    assert_int_equal(jz_report_has(JZ_REPORT_RUN, JZ_FORMAT_COUNT), 0);
    o.format = JZ_FORMAT_COUNT;
    assert_int_equal(jz_report(m, &run, &o, &err), JZ_EINPUT);
    jz_report_subject cmp = {.kind = JZ_REPORT_COMPARE, .comparison = f.c};
    o.format = JZ_FORMAT_XLSX;
    assert_int_equal(jz_report(m, &cmp, &o, &err), JZ_EINPUT); /* no o.path */
    fflush(m);
    assert_int_equal(len, 0); /* nothing written on a refusal */
    o.format = JZ_FORMAT_CSV;
    assert_int_equal(jz_report(m, &run, &o, &err), JZ_OK);
    fflush(m);
    assert_non_null(strstr(buf, "scenario,gemeente_code"));
    assert_string_equal(jz_format_name(JZ_FORMAT_XLSX), "xlsx");
    assert_null(jz_format_name(JZ_FORMAT_COUNT));
    fclose(m);
    free(buf);
    release(&f);
}

/* Every figure of a comparison is named by the one metric table, in both
 * languages, and the same figure has the same name at every level. */
static void test_labels(void **state)
{
    (void)state;
    for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
        const jz_cmp_metric *cm = &jz_cmp_metrics[m];
        const jz_metric *f = jz_metric_find(cm->key, cm->per_zorgsoort ? JZ_LEVEL_CELL : JZ_LEVEL_GEMEENTE);
        assert_non_null(f);
        assert_string_equal(jz_cmp_metric_label(m, JZ_LANG_NL), f->label_nl);
        assert_string_equal(jz_cmp_metric_label(m, JZ_LANG_EN), f->label_en);
    }
    assert_string_equal(jz_cmp_metric_label(JZ_CMP_BEINVLOEDBAAR, JZ_LANG_EN), "Influenceable deficit");
    /* a key at both levels has one name per language, unless the two are
     * different figures: the gemeente's total cost and budget (care plus
     * fixed) and care_cost (the cell's: of the projected clients only) */
    for (const jz_metric *g = jz_metrics; g->key; g++) {
        const jz_metric *c = g->level == JZ_LEVEL_GEMEENTE ? jz_metric_find(g->key, JZ_LEVEL_CELL) : NULL;
        if (c && strcmp(g->key, "cost") != 0 && strcmp(g->key, "budget") != 0 &&
            strcmp(g->key, "care_cost") != 0) {
            assert_string_equal(g->label_en, c->label_en);
            assert_string_equal(g->label_nl, c->label_nl);
        }
    }
    assert_null(jz_metric_find("no such figure", JZ_LEVEL_GEMEENTE));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_same_years),
        cmocka_unit_test(test_rel_rule),
        cmocka_unit_test(test_mark_saved),
        cmocka_unit_test(test_unions_and_absent),
        cmocka_unit_test(test_decomposition_and_bands),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_twelve),
        cmocka_unit_test(test_html_escapes),
        cmocka_unit_test(test_sheet_names),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_dispatch),
        cmocka_unit_test(test_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
