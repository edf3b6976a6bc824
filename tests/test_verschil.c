/*
 * test_verschil.c - verschillenanalyse (engine/analysis/verschil.c): price,
 * volume and other add up to the cost difference on every shipped
 * comparison (tests/data/compare/a, b, c), against the reference and
 * against the previous year; a hand-computed case; absent years and a
 * zorgsoort one scenario lacks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/verschil.h"
#include "cmp_fixture.h"


static void check_adds_up(const jz_verschil *v)
{
    double tol = 1e-9 * (fabs(v->cost_a) + fabs(v->cost_b) + 1.0);
    assert_true(isfinite(v->diff));
    if (fabs(v->price + v->volume + v->other - v->diff) > tol)
        fail_msg("price %.17g + volume %.17g + other %.17g != diff %.17g", v->price, v->volume,
                 v->other, v->diff);
    assert_true(v->diff == v->cost_b - v->cost_a);
}

/* Every unit, zorgsoort (and all together), scenario and year of a, b, c:
 * the parts add up, against the reference and the previous year. */
static void test_adds_up_everywhere(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    load(&f, "c.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    int checked = 0, absent = 0;
    for (int u = 0; u < c->n_units; u++)
        for (int z = JZ_VERSCHIL_ALL; z < c->n_zorgsoorten; z++)
            for (int s = 0; s < c->n_scenarios; s++)
                for (int y = 0; y < c->n_years; y++) {
                    jz_verschil v;
                    if (jz_verschil_compare(c, u, z, s, y, &v)) {
                        check_adds_up(&v);
                        checked++;
                    } else {
                        assert_true(isnan(v.diff) && isnan(v.price));
                        absent++;
                    }
                    if (jz_verschil_yoy(c, u, z, s, y, &v)) {
                        check_adds_up(&v);
                        checked++;
                    }
                }
    assert_true(checked > 100);
    assert_true(absent > 0); /* c does not project 2024, a and b not 2027 */
    /* the reference against itself: no difference at all */
    for (int z = JZ_VERSCHIL_ALL; z < c->n_zorgsoorten; z++) {
        jz_verschil v;
        assert_true(jz_verschil_compare(c, c->total_unit, z, 0, 1, &v));
        assert_true(v.diff == 0.0 && v.price == 0.0 && v.volume == 0.0 && v.other == 0.0);
    }
    /* out of range */
    jz_verschil v;
    assert_false(jz_verschil_compare(c, c->n_units, 0, 1, 0, &v));
    assert_false(jz_verschil_compare(c, 0, c->n_zorgsoorten, 1, 0, &v));
    assert_false(jz_verschil_yoy(c, 0, 0, 0, 0, &v)); /* no year before the first */
    release(&f);
}

/* b is a with dearer ambulant care: the split recomputed by hand from the
 * model's own client-years and prices, and the total's other is the
 * gemeente cost difference outside the zorgsoorten. */
static void test_hand_computed(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    int z = zindex(c, "ambulant");
    assert_true(z >= 0);
    const jz_result *ra = f.r[0], *rb = f.r[1];
    int za = c->zs[z].z[0], zb = c->zs[z].z[1];
    for (int y = 0; y < c->n_years; y++) {
        size_t ia = jz_result_cz(ra, 0, za, y), ib = jz_result_cz(rb, 0, zb, y);
        double va = ra->client_years[ia], vb = rb->client_years[ib];
        double pa = ra->price[ia], pb = rb->price[ib];
        jz_verschil v;
        assert_true(jz_verschil_compare(c, 0, z, 1, y, &v));
        assert_true(v.cost_a == ra->cost[ia] && v.cost_b == rb->cost[ib]);
        assert_true(fabs(v.volume - (vb - va) * (pa + pb) / 2.0) <= 1e-9 * fabs(v.cost_a));
        assert_true(fabs(v.price - (pb - pa) * (va + vb) / 2.0) <= 1e-9 * fabs(v.cost_a));
        assert_true(pb > pa && v.price > 0.0); /* dearer */
        /* year on year within b */
        if (y > 0) {
            size_t i0 = jz_result_cz(rb, 0, zb, y - 1);
            double v0 = rb->client_years[i0], p0 = rb->price[i0];
            assert_true(jz_verschil_yoy(c, 0, z, 1, y, &v));
            assert_true(fabs(v.volume - (vb - v0) * (p0 + pb) / 2.0) <= 1e-9 * fabs(v.cost_a));
            assert_true(fabs(v.price - (pb - p0) * (v0 + vb) / 2.0) <= 1e-9 * fabs(v.cost_a));
        }
    }
    /* all together: price and volume are the sums over the zorgsoorten */
    jz_verschil all, one;
    assert_true(jz_verschil_compare(c, 0, JZ_VERSCHIL_ALL, 1, 2, &all));
    double p = 0.0, vol = 0.0;
    for (int k = 0; k < c->n_zorgsoorten; k++) {
        assert_true(jz_verschil_compare(c, 0, k, 1, 2, &one));
        p += one.price;
        vol += one.volume;
    }
    assert_true(all.price == p && all.volume == vol);
    assert_true(all.cost_b == jz_cmp_value(c, JZ_CMP_COST, 0, 0, 1, 2));
    release(&f);
}

/* A zorgsoort the new scenario lacks: its whole care cost is volume. */
static void test_missing_zorgsoort(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "c.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    int z = zindex(c, "pleegzorg");
    assert_true(z >= 0 && c->zs[z].z[1] < 0);
    int u = 0; /* GM0001, in both */
    jz_verschil v;
    assert_true(jz_verschil_compare(c, u, z, 1, 1, &v)); /* 2025 */
    assert_true(v.cost_b == 0.0 && v.price == 0.0);
    assert_true(v.volume < 0.0);
    check_adds_up(&v);
    release(&f);
}

/* The comparison holds what the analysis computes: jz_cmp_verschil is
 * jz_verschil_compare / jz_verschil_yoy bit for bit, absent for the
 * reference against itself, and the zorgsoorten plus the lines in no
 * zorgsoort add up to all of them in every column. */
static void test_stored_in_comparison(void **state)
{
    (void)state;
    fixture f = {0};
    load(&f, "a.yaml");
    load(&f, "b.yaml");
    load(&f, "c.yaml");
    compare(&f);
    const jz_comparison *c = f.c;
    int n = 0;
    for (int kind = 0; kind < JZ_VERSCHIL_N_KINDS; kind++)
        for (int u = 0; u < c->n_units; u++)
            for (int s = 0; s < c->n_scenarios; s++)
                for (int y = 0; y < c->n_years; y++) {
                    double sum[4] = {0, 0, 0, 0};
                    jz_verschil got, want;
                    for (int z = JZ_VERSCHIL_LINES; z < c->n_zorgsoorten; z++) {
                        int has = jz_cmp_verschil(c, kind, u, z, s, y, &got);
                        int had = kind == JZ_VERSCHIL_YEAR ? jz_verschil_yoy(c, u, z, s, y, &want)
                                                           : s > 0 && jz_verschil_compare(c, u, z, s, y, &want);
                        assert_int_equal(has, had);
                        if (!has) {
                            assert_true(isnan(got.diff) && isnan(got.other));
                            continue;
                        }
                        assert_memory_equal(&got, &want, sizeof got);
                        check_adds_up(&got);
                        if (z == JZ_VERSCHIL_ALL)
                            continue;
                        if (z == JZ_VERSCHIL_LINES)
                            assert_true(got.price == 0.0 && got.volume == 0.0);
                        sum[0] += got.diff;
                        sum[1] += got.price;
                        sum[2] += got.volume;
                        sum[3] += got.other;
                    }
                    if (!jz_cmp_verschil(c, kind, u, JZ_VERSCHIL_ALL, s, y, &got))
                        continue;
                    double all[4] = {got.diff, got.price, got.volume, got.other};
                    for (int k = 0; k < 4; k++)
                        if (fabs(sum[k] - all[k]) > 1e-6 * (fabs(got.cost_a) + 1.0))
                            fail_msg("kind %d unit %d s %d y %d column %d: lines %.17g != all %.17g", kind, u, s, y, k,
                                     sum[k], all[k]);
                    n++;
                }
    assert_true(n > 20);
    jz_verschil v;
    assert_false(jz_cmp_verschil(c, JZ_VERSCHIL_REFERENCE, 0, JZ_VERSCHIL_ALL, 0, 1, &v));
    assert_false(jz_cmp_verschil(c, JZ_VERSCHIL_N_KINDS, 0, JZ_VERSCHIL_ALL, 1, 1, &v));
    assert_false(jz_cmp_verschil(c, JZ_VERSCHIL_YEAR, 0, -3, 1, 1, &v));
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_adds_up_everywhere),
        cmocka_unit_test(test_hand_computed),
        cmocka_unit_test(test_missing_zorgsoort),
        cmocka_unit_test(test_stored_in_comparison),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
