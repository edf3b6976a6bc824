/*
 * check.c - validation of the inputs jz_model_run uses.
 *
 * The loader validates scenarios it reads, but the model also runs on
 * copies whose numbers were changed by analyses (Monte Carlo draws,
 * sensitivity, calibration), so it must not trust them: a NaN or an
 * impossible value must come back as JZ_EINPUT naming the gemeente,
 * zorgsoort and year, never as garbage results.  The checks are cheap (once
 * per cell-year, not per month) and are done just before a value is used,
 * so a valid scenario pays one pass over its inputs and nothing more.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"
#include "model/simd.h"
#include "model/value_rules.h"
#include "scenario/build.h" /* jz_gemeente_what, jz_zorgsoort_what */

/* Rounding slack on "fractions of completions sum to at most 1". */
#define FRACTION_SLACK 1e-9

int jz_delay_steps(int months, int steps_per_year)
{
    /* months -> steps, rounded to the nearest step; identity when monthly */
    long steps = ((long)months * steps_per_year + 6) / 12;
    return steps < 1 ? 1 : (int)steps;
}

#if defined(__GNUC__)
#define JZ_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define JZ_PRINTF(a, b)
#endif

static int fail_at(jz_error *err, const char *where, const char *fmt, va_list ap)
    JZ_PRINTF(3, 0);
static int fail_at(jz_error *err, const char *where, const char *fmt, va_list ap)
{
    char msg[JZ_ERR_MSG_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "%s: %s", where, msg);
}

static int cell_fail(jz_error *err, const jz_scenario *s, int g, int z, int y,
                     const char *fmt, ...) JZ_PRINTF(6, 7);
static int cell_fail(jz_error *err, const jz_scenario *s, int g, int z, int y,
                     const char *fmt, ...)
{
    char where[2 * (JZ_KEY_MAX + JZ_NAME_MAX + 16) + 32], gw[JZ_KEY_MAX + JZ_NAME_MAX + 16],
        zw[JZ_KEY_MAX + JZ_NAME_MAX + 16];
    /* named as the loader and the plausibility warnings name them */
    jz_gemeente_what(s, g, gw, sizeof gw);
    jz_zorgsoort_what(s, z, zw, sizeof zw);
    if (y >= 0)
        snprintf(where, sizeof where, "%s, %s, year %d", gw, zw, s->meta.base_year + y);
    else
        snprintf(where, sizeof where, "%s, %s", gw, zw);
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_at(err, where, fmt, ap);
    va_end(ap);
    return rc;
}

static int gemeente_fail(jz_error *err, const jz_scenario *s, int g, int y,
                         const char *fmt, ...) JZ_PRINTF(5, 6);
static int gemeente_fail(jz_error *err, const jz_scenario *s, int g, int y,
                         const char *fmt, ...)
{
    char where[JZ_KEY_MAX + JZ_NAME_MAX + 48], gw[JZ_KEY_MAX + JZ_NAME_MAX + 16];
    snprintf(where, sizeof where, "%s, year %d", jz_gemeente_what(s, g, gw, sizeof gw), s->meta.base_year + y);
    va_list ap;
    va_start(ap, fmt);
    int rc = fail_at(err, where, fmt, ap);
    va_end(ap);
    return rc;
}

static int scenario_fail(jz_error *err, const char *fmt, ...) JZ_PRINTF(2, 3);
static int scenario_fail(jz_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[JZ_ERR_MSG_MAX];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "%s", msg);
}

/* A growth fraction (index, trend): finite and >= -1 (a factor 1 + x < 0
 * would flip signs). */
static int growth_ok(double x) { return isfinite(x) && x >= -1.0; }

int jz_check_dimensions(const jz_scenario *s, const jz_workspace *w,
                        const jz_result *r, jz_error *err)
{
    if (!s || !w || !r)
        return scenario_fail(err, "model run: scenario, workspace and result must not be NULL");
    if (!s->cells || !s->gemeenten || !s->zorgsoorten)
        return scenario_fail(err, "model run: the scenario is not built");
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    int S = s->meta.steps_per_year;
    if (w->G != G || w->Z != Z || w->H != H || w->S != S)
        return scenario_fail(err,
                             "model run: workspace was allocated for %d gemeenten x %d "
                             "zorgsoorten x %d years x %d steps, scenario has %d x %d x %d x %d",
                             w->G, w->Z, w->H, w->S, G, Z, H, S);
    if (w->rolling && (r->n_gemeenten != JZ_ROLLING_SLOTS - 1 || r->n_zorgsoorten != Z || r->horizon != H))
        return scenario_fail(err,
                             "model run: the workspace is set rolling but the result is not a rolling "
                             "result for %d zorgsoorten x %d years (jz_result_alloc_rolling)", Z, H);
    if (!w->rolling && (r->n_gemeenten != G || r->n_zorgsoorten != Z || r->horizon != H))
        return scenario_fail(err,
                             "model run: result was allocated for %d gemeenten x %d "
                             "zorgsoorten x %d years, scenario has %d x %d x %d",
                             r->n_gemeenten, r->n_zorgsoorten, r->horizon, G, Z, H);
    return JZ_OK;
}

int jz_check_global(const jz_scenario *s, jz_error *err)
{
    char zw[JZ_KEY_MAX + JZ_NAME_MAX + 16]; /* the zorgsoort as the loader names it, on the error path only */
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        const jz_zorgsoort *zs = &s->zorgsoorten[z];
        if (zs->stages < 1 || zs->stages > JZ_STAGES_MAX)
            return scenario_fail(err, "%s: stages must be 1..%d, got %d",
                                 jz_zorgsoort_what(s, z, zw, sizeof zw), JZ_STAGES_MAX, zs->stages);
        const jz_mixture *m = &zs->mix;
        if (m->share != 0.0) {
            /* share 1 is allowed here (one branch, the same as stages); the
             * loader asks for a share strictly inside (0, 1) */
            if (!(m->share > 0.0 && m->share <= 1.0))
                return scenario_fail(err, "%s: mixture share must be in (0, 1], got %g",
                                     jz_zorgsoort_what(s, z, zw, sizeof zw), m->share);
            for (int b = 0; b < 2; b++) {
                if (m->stages[b] < 1 || m->stages[b] > JZ_STAGES_MAX)
                    return scenario_fail(err, "%s: mixture stages of branch %d must be 1..%d, got %d",
                                         jz_zorgsoort_what(s, z, zw, sizeof zw), b + 1, JZ_STAGES_MAX, m->stages[b]);
                if (!(isfinite(m->zorgduur[b]) && m->zorgduur[b] > 0.0))
                    return scenario_fail(err, "%s: mixture zorgduur of branch %d must be > 0 months, "
                                         "got %g", jz_zorgsoort_what(s, z, zw, sizeof zw), b + 1, m->zorgduur[b]);
            }
        }
        if (zs->population < 0 || zs->population >= JZ_POP_GROUPS)
            return scenario_fail(err, "%s: unknown population group %d",
                                 jz_zorgsoort_what(s, z, zw, sizeof zw), zs->population);
    }
    for (int y = 0; y < s->meta.horizon; y++)
        if (!growth_ok(s->budget_index[y]))
            return scenario_fail(err, "year %d: budget index must be a finite fraction >= -1, got %g",
                                 s->meta.base_year + y, s->budget_index[y]);
    return JZ_OK;
}

/* 1 when every x[0..n-1] is in [lo, hi] (NaN is not): one array at a
 * time, four values per compare and no branch per value (an exit per
 * value cost ~6 instructions a value and made the loop wait on each
 * compare; this scan is the run's first touch of the inputs).  The
 * compares give all bits set in an element where x is in range, none
 * where it is not or is NaN: the same verdict as the scalar test.  In
 * GCC/clang vector extensions, so that cell_ok's AVX2 clone (simd.h) does
 * four values per instruction and the baseline two (SSE2). */
#if defined(__GNUC__)
typedef double within_v __attribute__((vector_size(4 * sizeof(double))));
typedef long long within_m __attribute__((vector_size(4 * sizeof(long long))));
static inline int all_within(const double *x, int n, double lo, double hi)
{
    const within_v vlo = {lo, lo, lo, lo}, vhi = {hi, hi, hi, hi};
    within_m ok = {-1, -1, -1, -1};
    int i = 0;
    for (; i + 4 <= n; i += 4) {
        within_v v;
        memcpy(&v, x + i, sizeof v);
        ok &= (v >= vlo) & (v <= vhi);
    }
    int tail = 1;
    for (; i < n; i++)
        tail &= (x[i] >= lo) & (x[i] <= hi);
    return tail & ((ok[0] & ok[1] & ok[2] & ok[3]) != 0);
}
#else
static int all_within(const double *x, int n, double lo, double hi)
{
    int ok = 1;
    for (int i = 0; i < n; i++)
        ok &= (x[i] >= lo) & (x[i] <= hi);
    return ok;
}
#endif

static int fractions_ok(const jz_cell *c, int Z, int y);
static int fractions_all_ok(const jz_cell *c, int Z, int H);

/* The largest double below 1 and the smallest above 0: "< 1" and "> 0" as
 * closed bounds. */
#define BELOW_ONE (1.0 - DBL_EPSILON / 2.0)
#define ABOVE_ZERO DBL_TRUE_MIN

/* What jz_check_cell_year requires of each value of a cell series: range
 * and part of the fraction sum, one line per field of JZ_CELL_SERIES (a new
 * series does not compile until it has its line here).  cell_ok scans
 * each series against its rule, so a range is written once; cell_ok's
 * conditions (has_budget, ...) are left out of the rules, which only
 * makes a rule stricter than the check. */
#define RULE_instroom 0.0, DBL_MAX, JZ_SUM_NONE
#define RULE_instroom_trend -1.0, DBL_MAX, JZ_SUM_NONE
#define RULE_zorgduur ABOVE_ZERO, DBL_MAX, JZ_SUM_NONE
#define RULE_cost -DBL_MAX, DBL_MAX, JZ_SUM_NONE
#define RULE_intensity_trend -1.0, DBL_MAX, JZ_SUM_NONE
#define RULE_tariff_index -1.0, DBL_MAX, JZ_SUM_NONE
#define RULE_budget_volume -DBL_MAX, DBL_MAX, JZ_SUM_NONE
#define RULE_budget_price -DBL_MAX, DBL_MAX, JZ_SUM_NONE
#define RULE_reentry 0.0, DBL_MAX, JZ_SUM_REENTRY
#define RULE_ageing_rate 0.0, BELOW_ONE, JZ_SUM_NONE
#define RULE_ageing_transfer 0.0, 1.0, JZ_SUM_NONE
#define RULE_tariff_correction -1.0, DBL_MAX, JZ_SUM_NONE
#define RULE_budget_amount -DBL_MAX, DBL_MAX, JZ_SUM_NONE
#define RULE_financing_amount -DBL_MAX, DBL_MAX, JZ_SUM_NONE
#define RULE_transition 0.0, DBL_MAX, JZ_SUM_TRANSITION

/* all_within over a series with the range of its rule (RULE_<field>). */
static inline int within_rule(const double *x, int n, double lo, double hi, int sum)
{
    (void)sum;
    return all_within(x, n, lo, hi);
}
#define CELL_WITHIN(c, field, n) within_rule((c)->field, (n), RULE_##field)

/* 1 when every cell-year of (g, z) passes jz_check_cell_year: the same
 * conditions, written as ranges (finite and >= 0 is [0, DBL_MAX], a growth
 * fraction [-1, DBL_MAX], ...). */
JZ_LANES_CLONES
static int cell_ok(const jz_scenario *s, int g, int z)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    const jz_cell *c = &s->cells[g * Z + z];
    int ok = CELL_WITHIN(c, instroom, H);
    if (c->instroom_per_1000)
        ok &= all_within(s->gemeenten[g].population[s->zorgsoorten[z].population], H, 0.0, DBL_MAX);
    ok &= CELL_WITHIN(c, instroom_trend, H);
    ok &= CELL_WITHIN(c, zorgduur, H);
    ok &= CELL_WITHIN(c, cost, H);
    ok &= CELL_WITHIN(c, intensity_trend, H);
    ok &= CELL_WITHIN(c, tariff_index, H);
    ok &= CELL_WITHIN(c, tariff_correction, H);
    if (c->has_budget_amount)
        ok &= CELL_WITHIN(c, budget_amount, H);
    if (c->financing != JZ_FIN_VOLUME)
        ok &= CELL_WITHIN(c, financing_amount, H);
    if (c->has_budget) {
        ok &= CELL_WITHIN(c, budget_volume, H);
        ok &= CELL_WITHIN(c, budget_price, H);
    }
    ok &= CELL_WITHIN(c, transition, Z * H);
    ok &= CELL_WITHIN(c, reentry, H);
    ok &= CELL_WITHIN(c, ageing_rate, H);
    ok &= CELL_WITHIN(c, ageing_transfer, H);
    if (!ok)
        return 0;
    return fractions_all_ok(c, Z, H);
}

/* ---- the same checks as a rule per value (value_rules.h) ---- */


typedef struct span_list {
    jz_value_span *v;
    size_t n;
} span_list;

static void span_add(span_list *l, const double *p, size_t n, int g, int cell, int checked,
                     double lo, double hi, int sum)
{
    jz_value_span *sp = &l->v[l->n++];
    sp->p = p;
    sp->n = n;
    sp->g = g;
    sp->cell = cell;
    sp->checked = checked;
    sp->lo = lo;
    sp->hi = hi;
    sp->sum = sum;
}

static int span_cmp(const void *a, const void *b)
{
    const double *pa = ((const jz_value_span *)a)->p, *pb = ((const jz_value_span *)b)->p;
    return (pa > pb) - (pa < pb);
}

jz_value_span *jz_value_spans(const jz_scenario *s, size_t *n)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten;
    const size_t H = (size_t)s->meta.horizon;
#define CELL_COUNT_(field, width, extend) +2
    size_t cap = 3 + (size_t)G * (2 + JZ_POP_GROUPS) + (size_t)G * (size_t)Z * (1 JZ_CELL_SERIES(CELL_COUNT_));
#undef CELL_COUNT_
    for (int g = 0; g < G; g++)
        cap += 3 * (size_t)(s->gemeenten[g].n_fixed + s->gemeenten[g].n_external);
    span_list l = {malloc(cap * sizeof *l.v), 0};
    if (!l.v)
        return NULL;
    /* scenario-wide: jz_check_global checks the budget index on every run */
    span_add(&l, s->tariff_index, H, -1, -1, 0, 0.0, 0.0, JZ_SUM_NONE);
    span_add(&l, s->budget_index, H, -1, -1, 0, 0.0, 0.0, JZ_SUM_NONE);
    span_add(&l, s->tariff_correction, H, -1, -1, 0, 0.0, 0.0, JZ_SUM_NONE);
    for (int g = 0; g < G; g++) {
        const jz_gemeente *gm = &s->gemeenten[g];
        for (int p = 0; p < JZ_POP_GROUPS; p++) /* read by cells with instroom per 1,000 */
            span_add(&l, gm->population[p], H, g, -1, 1, 0.0, DBL_MAX, JZ_SUM_NONE);
        span_add(&l, gm->rijksbijdrage, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
        span_add(&l, gm->inhabitants, H, g, -1, 0, 0.0, 0.0, JZ_SUM_NONE); /* not checked */
        for (int f = 0; f < gm->n_fixed; f++) {
            const jz_fixed_cost *fc = &gm->fixed[f];
            span_add(&l, fc->amount, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
            span_add(&l, fc->indexation, H, g, -1, 1, -1.0, DBL_MAX, JZ_SUM_NONE);
            span_add(&l, fc->budget, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
        }
        for (int e = 0; e < gm->n_external; e++) {
            const jz_external *x = &gm->external[e];
            span_add(&l, x->client_years, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
            span_add(&l, x->cost, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
            span_add(&l, x->compensation, H, g, -1, 1, -DBL_MAX, DBL_MAX, JZ_SUM_NONE);
        }
    }
    for (int c = 0; c < G * Z; c++) {
        const jz_cell *cl = &s->cells[c];
        int g = c / Z;
        span_add(&l, &cl->start, 1, g, c, 1, 0.0, DBL_MAX, JZ_SUM_NONE);
#define CELL_SPAN_(field, width, extend) \
        span_add(&l, cl->field, (size_t)(width) * H, g, c, 1, RULE_##field);
        JZ_CELL_SERIES(CELL_SPAN_)
#undef CELL_SPAN_
    }
    /* arrays a scenario built in code left out (NULL) are no place a
     * draw can write */
    size_t k = 0;
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].p)
            l.v[k++] = l.v[i];
    qsort(l.v, k, sizeof *l.v, span_cmp);
    *n = k;
    return l.v;
}

const jz_value_span *jz_value_span_at(const jz_value_span *spans, size_t n, const double *p)
{
    size_t lo = 0, hi = n; /* the last span that starts at or before p */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans[mid].p <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const jz_value_span *sp = &spans[lo - 1];
    return p < sp->p + sp->n ? sp : NULL;
}

/* Transitions plus re-entry of cell c in year y, summed in the order of
 * jz_check_cell_year. */
static int fractions_ok(const jz_cell *c, int Z, int y)
{
    double sum = 0.0;
    const double *tr = c->transition + (size_t)y * (size_t)Z;
    for (int w = 0; w < Z; w++)
        sum += tr[w];
    sum += c->reentry[y];
    return !(sum > 1.0 + FRACTION_SLACK);
}

/* fractions_ok for every year of cell c: the same sums in the same order
 * (so the same bits and verdict), FRACTION_YEARS years at a time so that
 * their additions overlap instead of waiting on one chain of Z + 1. */
#define FRACTION_YEARS 4
static int fractions_all_ok(const jz_cell *c, int Z, int H)
{
    int ok = 1;
    int y0 = 0;
    for (; y0 + FRACTION_YEARS <= H; y0 += FRACTION_YEARS) {
        double sum[FRACTION_YEARS] = {0.0};
        const double *tr = c->transition + (size_t)y0 * (size_t)Z;
        for (int w = 0; w < Z; w++)
            for (int j = 0; j < FRACTION_YEARS; j++)
                sum[j] += tr[(size_t)j * (size_t)Z + (size_t)w];
        for (int j = 0; j < FRACTION_YEARS; j++) {
            sum[j] += c->reentry[y0 + j];
            ok &= !(sum[j] > 1.0 + FRACTION_SLACK);
        }
    }
    for (int y = y0; y < H; y++)
        ok &= fractions_ok(c, Z, y);
    return ok;
}

int jz_fractions_ok(const jz_scenario *s, int cell, int y)
{
    return fractions_ok(&s->cells[cell], s->n_zorgsoorten, y);
}

int jz_check_gemeente(const jz_scenario *s, int g, jz_error *err)
{
    const jz_gemeente *gm = &s->gemeenten[g];
    int Z = s->n_zorgsoorten, H = s->meta.horizon;
    for (int y = 0; y < H; y++) {
        if (gm->has_rijksbijdrage && !isfinite(gm->rijksbijdrage[y]))
            return gemeente_fail(err, s, g, y, "rijksbijdrage is %g", gm->rijksbijdrage[y]);
        for (int f = 0; f < gm->n_fixed; f++) {
            const jz_fixed_cost *fc = &gm->fixed[f];
            if (!isfinite(fc->amount[y]))
                return gemeente_fail(err, s, g, y, "fixed cost '%s': amount is %g",
                                     fc->name, fc->amount[y]);
            if (!growth_ok(fc->indexation[y]))
                return gemeente_fail(err, s, g, y,
                                     "fixed cost '%s': indexation must be a finite fraction >= -1, got %g",
                                     fc->name, fc->indexation[y]);
            if (fc->has_budget && !isfinite(fc->budget[y]))
                return gemeente_fail(err, s, g, y, "fixed cost '%s': budget is %g",
                                     fc->name, fc->budget[y]);
        }
        for (int e = 0; e < gm->n_external; e++) {
            const jz_external *x = &gm->external[e];
            if (x->zorgsoort < 0 || x->zorgsoort >= Z)
                return gemeente_fail(err, s, g, y, "external shift '%s': zorgsoort %d does not exist",
                                     x->name, x->zorgsoort);
            if (!isfinite(x->client_years[y]) || !isfinite(x->cost[y]) || !isfinite(x->compensation[y]))
                return gemeente_fail(err, s, g, y, "external shift '%s': numbers must be finite", x->name);
        }
    }
    for (int z = 0; z < Z; z++) {
        const jz_cell *c = &s->cells[g * Z + z];
        if (!isfinite(c->start) || c->start < 0)
            return cell_fail(err, s, g, z, -1, "start must be a finite number >= 0, got %g", c->start);
        if (c->reentry_delay < 1 || c->reentry_delay > JZ_REENTRY_DELAY_MAX)
            return cell_fail(err, s, g, z, -1, "reentry delay must be 1..%d months, got %d",
                             JZ_REENTRY_DELAY_MAX, c->reentry_delay);
        if (c->reentry_to < 0 || c->reentry_to >= Z)
            return cell_fail(err, s, g, z, -1, "reentry target %d is not a zorgsoort", c->reentry_to);
        if (c->ageing_to < -1 || c->ageing_to >= Z)
            return cell_fail(err, s, g, z, -1, "ageing target %d is not a zorgsoort", c->ageing_to);
        if (c->financing < JZ_FIN_VOLUME || c->financing > JZ_FIN_POPULATION ||
            c->financing_from < 0)
            return cell_fail(err, s, g, z, -1, "financing mode %d from year index %d is not valid",
                             c->financing, c->financing_from);
        /* all years of the cell here, in one sequential pass over its
         * arrays: this is the run's first touch of the scenario's numbers,
         * and streaming them in memory order lets the hardware prefetch
         * them (checking year by year inside the time loop stalled on
         * every array).  A valid cell passes the branch-free scan; only a
         * cell that fails it is checked again year by year, which finds
         * the same first fault and message as before */
        if (cell_ok(s, g, z))
            continue;
        for (int y = 0; y < H; y++) {
            int rc = jz_check_cell_year(s, g, z, y, err);
            if (rc)
                return rc;
        }
    }
    return JZ_OK;
}

int jz_model_check_gemeente(const jz_scenario *s, int g, jz_error *err)
{
    jz_error_clear(err);
    if (!s || g < 0 || g >= s->n_gemeenten)
        return scenario_fail(err, "model check: no gemeente %d", g);
    return jz_check_gemeente(s, g, err);
}

int jz_check_cell_year(const jz_scenario *s, int g, int z, int y, jz_error *err)
{
    int Z = s->n_zorgsoorten;
    const jz_cell *c = &s->cells[g * Z + z];
    if (!isfinite(c->instroom[y]) || c->instroom[y] < 0)
        return cell_fail(err, s, g, z, y, "instroom must be a finite number >= 0, got %g", c->instroom[y]);
    if (c->instroom_per_1000) {
        double pop = s->gemeenten[g].population[s->zorgsoorten[z].population][y];
        if (!isfinite(pop) || pop < 0)
            return cell_fail(err, s, g, z, y, "population must be a finite number >= 0, got %g", pop);
    }
    if (!growth_ok(c->instroom_trend[y]))
        return cell_fail(err, s, g, z, y, "instroom trend must be a finite fraction >= -1, got %g",
                         c->instroom_trend[y]);
    if (!isfinite(c->zorgduur[y]) || !(c->zorgduur[y] > 0))
        return cell_fail(err, s, g, z, y, "zorgduur must be a finite number > 0 months, got %g",
                         c->zorgduur[y]);
    /* (a zorgduur so small that k / D overflows is caught by flow.c when
     * the coefficients are computed: no division here) */
    if (!isfinite(c->cost[y]))
        return cell_fail(err, s, g, z, y, "cost per client-year is %g", c->cost[y]);
    if (!growth_ok(c->intensity_trend[y]))
        return cell_fail(err, s, g, z, y, "intensity trend must be a finite fraction >= -1, got %g",
                         c->intensity_trend[y]);
    if (!growth_ok(c->tariff_index[y]))
        return cell_fail(err, s, g, z, y, "tariff index must be a finite fraction >= -1, got %g",
                         c->tariff_index[y]);
    if (!growth_ok(c->tariff_correction[y]))
        return cell_fail(err, s, g, z, y, "tariff correction must be a finite fraction >= -1, got %g",
                         c->tariff_correction[y]);
    if (c->has_budget_amount && !isfinite(c->budget_amount[y]))
        return cell_fail(err, s, g, z, y, "budget amount is %g", c->budget_amount[y]);
    if (c->financing != JZ_FIN_VOLUME && !isfinite(c->financing_amount[y]))
        return cell_fail(err, s, g, z, y, "financing amount is %g", c->financing_amount[y]);
    if (c->has_budget && (!isfinite(c->budget_volume[y]) || !isfinite(c->budget_price[y])))
        return cell_fail(err, s, g, z, y, "budget volume %g / price %g must be finite numbers",
                         c->budget_volume[y], c->budget_price[y]);
    double sum = 0.0;
    const double *tr = c->transition + (size_t)y * (size_t)Z;
    for (int w = 0; w < Z; w++) {
        if (!isfinite(tr[w]) || tr[w] < 0)
            return cell_fail(err, s, g, z, y, "transition to %s must be a finite fraction >= 0, got %g",
                             s->zorgsoorten[w].key, tr[w]);
        sum += tr[w];
    }
    if (!isfinite(c->reentry[y]) || c->reentry[y] < 0)
        return cell_fail(err, s, g, z, y, "reentry must be a finite fraction >= 0, got %g", c->reentry[y]);
    sum += c->reentry[y];
    if (sum > 1.0 + FRACTION_SLACK)
        return cell_fail(err, s, g, z, y, "transitions plus reentry add up to %g, more than 1", sum);
    if (!isfinite(c->ageing_rate[y]) || c->ageing_rate[y] < 0 || c->ageing_rate[y] >= 1)
        return cell_fail(err, s, g, z, y, "ageing rate must be a fraction in [0, 1), got %g",
                         c->ageing_rate[y]);
    if (!isfinite(c->ageing_transfer[y]) || c->ageing_transfer[y] < 0 || c->ageing_transfer[y] > 1)
        return cell_fail(err, s, g, z, y, "ageing transfer must be a fraction in [0, 1], got %g",
                         c->ageing_transfer[y]);
    return JZ_OK;
}
