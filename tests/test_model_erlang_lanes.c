/*
 * test_model_erlang_lanes.c - the coefficients of JZ_LANES chains at once
 * (engine/model/erlang_lanes.c) are, lane by lane, the very doubles that
 * jz_erlang_step gives: every member compared bit for bit over a grid of
 * k = 1..20, zorgduur, ageing and step length, in the slow and the fast
 * regime and on both sides of the boundary c = k + 1, with lanes grouped
 * so that one vector holds both regimes and series of different lengths;
 * and the lanes that jz_erlang_step rejects are the ones reported.
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

#include "jzsim/error.h"
#include "jzsim/model.h"
#include "model/erlang_lanes.h"
#include "model_support.h"

typedef struct point {
    int k;
    double D, p, tau;
} point;

static int same_bits(double x, double y)
{
    return memcmp(&x, &y, sizeof x) == 0;
}

/* 1 when lane l of v (and its jz_erlang) equals jz_erlang_step's result for
 * pt bit for bit; prints the first difference. */
static int lane_matches(const jz_erlang_lanes *v, int l, const point *pt)
{
    jz_erlang e, f;
    memset(&e, 0, sizeof e);
    memset(&f, 0, sizeof f);
    if (jz_erlang_step(&e, pt->k, pt->D, pt->p, pt->tau) != 0)
        return 0;
    jz_erlang_from_lane(&f, v, l, pt->k, pt->D, pt->p, pt->tau);
    const char *what = NULL;
    int at = -1;
    double got = 0.0, want = 0.0;
#define CMP(name, x, y, i)                          \
    if (!what && !same_bits((x), (y))) {            \
        what = name, at = (i), got = (x), want = (y); \
    }
    CMP("r", v->r[l], e.r, 0);
    CMP("a", v->a[l], e.a, 0);
    CMP("c", v->c[l], e.c, 0);
    CMP("V", v->V[l], e.V, 0);
    CMP("V_last", v->V_last[l], e.V_last, 0);
    for (int i = 0; i < pt->k; i++) {
        CMP("phi", v->phi[i][l], e.phi[i], i);
        CMP("gamma", v->gamma[i][l], e.gamma[i], i);
        CMP("W", v->W[i][l], e.W[i], i);
    }
#undef CMP
    if (!what && memcmp(&e, &f, sizeof e) != 0)
        what = "jz_erlang_from_lane";
    if (what) {
        print_error("k=%d D=%.17g p=%.17g tau=%.17g (c=%.17g, %s chain) lane %d: %s[%d] %.17g, "
                    "scalar %.17g\n", pt->k, pt->D, pt->p, pt->tau, e.c,
                    e.c < pt->k + 1 ? "slow" : "fast", l, what, at, got, want);
        return 0;
    }
    return 1;
}

/* Run the points in groups of JZ_LANES taken at stride `stride` through the
 * list (stride 1: neighbours, which share k; otherwise lanes that mix k are
 * skipped, so the groups mix regimes and series lengths of one k).  Returns
 * the number of lanes that differ. */
static int run_groups(const point *pts, size_t n, size_t stride)
{
    int bad = 0;
    for (size_t s0 = 0; s0 < stride; s0++) {
        size_t idx[JZ_LANES];
        int nl = 0;
        for (size_t i = s0; i < n; i += stride) {
            if (nl > 0 && pts[i].k != pts[idx[0]].k)
                nl = 0; /* the lanes of one call share k: start again */
            idx[nl++] = i;
            if (nl < JZ_LANES && i + stride < n)
                continue;
            double D[JZ_LANES], p[JZ_LANES];
            for (int l = 0; l < JZ_LANES; l++) {
                size_t j = idx[l < nl ? l : 0];
                D[l] = pts[j].D;
                p[l] = pts[j].p;
            }
            /* tau is one per call: every lane of a group has the first's */
            double tau = pts[idx[0]].tau;
            jz_erlang_lanes v;
            unsigned fail = jz_erlang_step_lanes(&v, pts[idx[0]].k, D, p, tau);
            for (int l = 0; l < nl; l++) {
                point pt = pts[idx[l]];
                pt.tau = tau;
                jz_erlang e;
                int rejected = jz_erlang_step(&e, pt.k, pt.D, pt.p, pt.tau) != 0;
                if (rejected != (int)(fail >> l & 1u)) {
                    print_error("k=%d D=%g p=%g: rejected %d, lanes say %u\n", pt.k, pt.D, pt.p,
                                rejected, fail >> l & 1u);
                    bad++;
                } else if (!rejected && !lane_matches(&v, l, &pt)) {
                    bad++;
                }
            }
            nl = 0;
        }
    }
    return bad;
}

/* D for which c = k/D tau + a is just below (side 0) or at or above (side
 * 1) k + 1, as jz_erlang_step computes c. */
static double boundary_D(int k, double p, double tau, int side)
{
    double a = -log1p(-p) / 12.0 * tau;
    double D = (double)k * tau / ((double)(k + 1) - a);
    jz_erlang e;
    for (int i = 0; i < 64; i++) {
        assert_int_equal(jz_erlang_step(&e, k, D, p, tau), 0);
        int fast = !(e.c < (double)(k + 1));
        if (fast == side) {
            /* the neighbouring D must be on the other side */
            double D2 = nextafter(D, side ? INFINITY : 0.0);
            jz_erlang e2;
            assert_int_equal(jz_erlang_step(&e2, k, D2, p, tau), 0);
            if ((int)!(e2.c < (double)(k + 1)) != side)
                return D;
            D = D2;
            continue;
        }
        D = nextafter(D, side ? 0.0 : INFINITY);
    }
    return D;
}

static point *grid(size_t *n_out)
{
    static const double cs[] = {1e-9, 1e-5, 1e-3, 0.02, 0.1, 0.3, 0.7, 1.0, 1.5, 2.0, 2.7,
                                3.3, 4.5, 6.0, 8.0, 11.0, 14.5, 19.0, 21.5, 25.0, 40.0, 90.0};
    static const double ps[] = {0.0, 0.03, 0.3, 0.95};
    static const double taus[] = {1.0, 0.5, 12.0 / 52.0, 12.0};
    size_t cap = 20 * (sizeof cs / sizeof cs[0] + 16) * 4 * 4, n = 0;
    point *pts = malloc(cap * sizeof *pts);
    assert_non_null(pts);
    for (int k = 1; k <= JZ_STAGES_MAX; k++)
        for (size_t it = 0; it < 4; it++)
            for (size_t ip = 0; ip < 4; ip++) {
                double tau = taus[it], p = ps[ip], a = -log1p(-p) / 12.0 * tau;
                for (size_t ic = 0; ic < sizeof cs / sizeof cs[0]; ic++)
                    if (cs[ic] > a * 1.01)
                        pts[n++] = (point){k, (double)k * tau / (cs[ic] - a), p, tau};
                /* either side of c = k + 1, and a little further off */
                if ((double)(k + 1) > a * 1.01) {
                    double D0 = boundary_D(k, p, tau, 0), D1 = boundary_D(k, p, tau, 1);
                    pts[n++] = (point){k, D0, p, tau};
                    pts[n++] = (point){k, D1, p, tau};
                    pts[n++] = (point){k, nextafter(D0, INFINITY) * (1 + 1e-12), p, tau};
                    pts[n++] = (point){k, D1 * (1 - 1e-12), p, tau};
                    pts[n++] = (point){k, D0 * 1.001, p, tau};
                    pts[n++] = (point){k, D1 * 0.999, p, tau};
                }
                /* zorgduur as the national scenario draws it: 4 to 34 months */
                for (int i = 0; i < 8; i++)
                    pts[n++] = (point){k, 4.0 + 30.0 * (i * 0.618034 - floor(i * 0.618034)), p, tau};
                assert_true(n <= cap);
            }
    *n_out = n;
    return pts;
}

static void test_lanes_equal_scalar_bit_for_bit(void **state)
{
    (void)state;
    size_t n;
    point *pts = grid(&n);
    int slow = 0, fast = 0;
    for (size_t i = 0; i < n; i++) {
        jz_erlang e;
        assert_int_equal(jz_erlang_step(&e, pts[i].k, pts[i].D, pts[i].p, pts[i].tau), 0);
        if (e.c < pts[i].k + 1)
            slow++;
        else
            fast++;
    }
    /* both regimes well represented */
    assert_true(slow > 1000 && fast > 1000);
    int bad = run_groups(pts, n, 1);
    /* strides that put far-apart c (and so regimes and series lengths) in one
     * vector, and leave groups of fewer than JZ_LANES lanes */
    bad += run_groups(pts, n, 3);
    bad += run_groups(pts, n, 7);
    bad += run_groups(pts, n, 37);
    free(pts);
    if (bad)
        fail_msg("%d lanes differ from jz_erlang_step", bad);
}

/* A lane whose inputs jz_erlang_step rejects is reported and leaves the
 * other lanes exact. */
static void test_rejected_lanes(void **state)
{
    (void)state;
    const point pts[] = {
        {3, 0.0, 0.1, 1.0},  {3, 9.0, 0.1, 1.0},    {3, 1e-310, 0.0, 1.0}, {3, 14.0, 1.0, 1.0},
        {3, NAN, 0.0, 1.0},  {3, 12.0, -0.2, 1.0},  {3, INFINITY, 0.0, 1.0}, {3, 2.0, 0.0, 1.0},
    };
    assert_int_equal(run_groups(pts, sizeof pts / sizeof pts[0], 1), 0);
    jz_erlang_lanes v;
    const double D[JZ_LANES] = {6.0, 6.0, 6.0, 6.0}, p[JZ_LANES] = {0.0, 0.0, 0.0, 0.0};
    assert_int_equal(jz_erlang_step_lanes(&v, 0, D, p, 1.0), (1u << JZ_LANES) - 1u);
    assert_int_equal(jz_erlang_step_lanes(&v, JZ_STAGES_MAX + 1, D, p, 1.0), (1u << JZ_LANES) - 1u);
    assert_int_equal(jz_erlang_step_lanes(&v, 2, D, p, 0.0), (1u << JZ_LANES) - 1u);
    assert_int_equal(jz_erlang_step_lanes(&v, 2, D, p, 1.0), 0u);
}

/* A zorgduur so small that k / D overflows passes the input checks and is
 * caught when the coefficients are made (coef.c makes a cell's years at
 * once, in its first year): the run still stops in the first year that has
 * it, naming that gemeente and year, also when the next year repeats the
 * inputs (its set is the rejected one) and when the years before repeat a
 * good set. */
static void test_overflow_named_in_its_year(void **state)
{
    (void)state;
    const struct { int from, to; const char *year; } cases[] = {
        {3, 3, "2027"}, {3, 5, "2027"}, {0, 0, "2024"}, {5, 5, "2029"},
    };
    for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
        jz_scenario *s = jzm_rich_scenario(3, 6);
        assert_non_null(s);
        jz_cell *c = &s->cells[1 * JZM_RICH_Z + 2];
        for (int y = 0; y < 6; y++)
            c->zorgduur[y] = 9.0; /* one set for the years before */
        for (int y = cases[t].from; y <= cases[t].to; y++)
            c->zorgduur[y] = 1e-310;
        jz_workspace *w = NULL;
        jz_result *r = NULL;
        jz_error err;
        jz_error_clear(&err);
        assert_int_equal(jzm_run(s, &w, &r, &err), JZ_EINPUT);
        if (!strstr(err.message, cases[t].year) || !strstr(err.message, "too small"))
            fail_msg("case %zu: %s", t, err.message);
        jz_workspace_free(w);
        jz_result_free(r);
        jz_scenario_free(s);
    }
}

/* The same in lanes (jz_model_run_lanes makes the coefficients of the four
 * draws of a cell-year at once): a rejected lane stops the run with the
 * error of that gemeente and year, and the workspaces then give the same
 * bits as runs one at a time. */
static void test_lanes_overflow_then_clean(void **state)
{
    (void)state;
    jz_scenario *s[JZ_MODEL_LANES];
    jz_workspace *wn[JZ_MODEL_LANES], *w1[JZ_MODEL_LANES];
    jz_result *rn[JZ_MODEL_LANES], *r1[JZ_MODEL_LANES];
    for (int l = 0; l < JZ_MODEL_LANES; l++) {
        s[l] = jzm_rich_scenario(3, 6);
        assert_non_null(s[l]);
        for (size_t c = 0; c < 3 * JZM_RICH_Z; c++)
            for (int y = 0; y < 6; y++) {
                jz_cell *cell = &s[l]->cells[c];
                /* the draws differ; in gemeente 0 only the ageing changes
                 * from year to year (a set kept from last year would be
                 * wrong there) */
                cell->zorgduur[y] = (c < JZM_RICH_Z ? cell->zorgduur[0] : cell->zorgduur[y]) *
                                    (1.0 + 0.01 * l);
                if (c < JZM_RICH_Z)
                    cell->ageing_rate[y] = 0.01 * (1 + y % 3) + 0.001 * l;
            }
        wn[l] = jz_workspace_alloc(s[l]);
        w1[l] = jz_workspace_alloc(s[l]);
        rn[l] = jz_result_alloc(s[l]);
        r1[l] = jz_result_alloc(s[l]);
        assert_true(wn[l] && w1[l] && rn[l] && r1[l]);
    }
    jz_error err;
    double keep = s[2]->cells[1 * JZM_RICH_Z + 2].zorgduur[3];
    s[2]->cells[1 * JZM_RICH_Z + 2].zorgduur[3] = 1e-310;
    jz_error_clear(&err);
    assert_int_equal(jz_model_run_lanes((const jz_scenario *const *)s, wn, rn, JZ_MODEL_LANES, &err),
                     JZ_EINPUT);
    if (!strstr(err.message, "2027") || !strstr(err.message, "too small"))
        fail_msg("lanes: %s", err.message);
    s[2]->cells[1 * JZM_RICH_Z + 2].zorgduur[3] = keep;
    assert_int_equal(jz_model_run_lanes((const jz_scenario *const *)s, wn, rn, JZ_MODEL_LANES, &err),
                     JZ_OK);
    for (int l = 0; l < JZ_MODEL_LANES; l++) {
        assert_int_equal(jz_model_run(s[l], w1[l], r1[l], &err), JZ_OK);
        assert_memory_equal(r1[l]->block, rn[l]->block, r1[l]->block_len * sizeof(double));
        jz_result_free(rn[l]);
        jz_result_free(r1[l]);
        jz_workspace_free(wn[l]);
        jz_workspace_free(w1[l]);
        jz_scenario_free(s[l]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lanes_equal_scalar_bit_for_bit),
        cmocka_unit_test(test_rejected_lanes),
        cmocka_unit_test(test_overflow_named_in_its_year),
        cmocka_unit_test(test_lanes_overflow_then_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
