/*
 * calib_obs.c - a history as calibration observations: the model value of
 * an observed series, matching rows to the scenario's gemeenten and
 * zorgsoorten (errors name the row's file:line:column), half-years added
 * up to years, the scale (weight) of every observation and set-aside data
 * errors (docs/calibration.md, "Observations and the model's value").
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/calib_problem.h"

/* ---- the model value of an observed series ------------------------------ */

double jz_calib_model_value(const jz_scenario *s, const jz_result *r, int series, int g, int z, int y)
{
    const int Z = s->n_zorgsoorten;
    if (series == JZ_HS_MEAN_DURATION) {
        /* the model's mean duration is an input; a total is weighted by the
         * exits of each zorgsoort that year */
        if (z >= 0)
            return s->cells[(size_t)g * (size_t)Z + (size_t)z].zorgduur[y];
        double num = 0.0, den = 0.0;
        for (int w = 0; w < Z; w++) {
            double e = r->uitstroom[jz_result_cz(r, g, w, y)];
            num += e * s->cells[(size_t)g * (size_t)Z + (size_t)w].zorgduur[y];
            den += e;
        }
        return den > 0.0 ? num / den : 0.0;
    }
    /* the result arrays of each observed series: per zorgsoort, and for
     * the whole gemeente (cost there is the care cost, without fixed lines) */
    static const struct {
        int series;
        size_t cz, gy;
    } map[] = {
        {JZ_HS_START, offsetof(jz_result, start), offsetof(jz_result, g_start)},
        {JZ_HS_END, offsetof(jz_result, end), offsetof(jz_result, g_end)},
        {JZ_HS_INSTROOM, offsetof(jz_result, instroom), offsetof(jz_result, g_instroom)},
        {JZ_HS_UITSTROOM, offsetof(jz_result, uitstroom), offsetof(jz_result, g_uitstroom)},
        {JZ_HS_UNIQUE, offsetof(jz_result, unique), offsetof(jz_result, g_unique)},
        {JZ_HS_CLIENT_YEARS, offsetof(jz_result, client_years), offsetof(jz_result, g_client_years)},
        {JZ_HS_COST, offsetof(jz_result, cost), offsetof(jz_result, g_care_cost)},
        {JZ_HS_COST_PER_CLIENT, offsetof(jz_result, cost_per_client), offsetof(jz_result, g_cost_per_client)},
    };
    for (size_t k = 0; k < sizeof map / sizeof map[0]; k++) {
        if (map[k].series != series)
            continue;
        size_t off = z >= 0 ? map[k].cz : map[k].gy;
        const double *a = *(double *const *)(const void *)((const char *)r + off);
        return a[z >= 0 ? jz_result_cz(r, g, z, y) : jz_result_gy(r, g, y)];
    }
    return NAN;
}

/* ---- matching rows to the scenario -------------------------------------- */

static int lower_eq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

int jz_calib_match_row(const jz_scenario *s, const jz_history *h, const jz_history_row *row,
                       int *g, int *z, jz_error *err)
{
    if (!row->gemeente[0]) {
        if (s->n_gemeenten != 1)
            return jz_error_set(err, JZ_EINPUT, h->path, row->line, row->col_gemeente,
                                "the row names no gemeente and the scenario has %d; add a "
                                "gemeente column with the CBS code", s->n_gemeenten);
        *g = 0;
    } else {
        *g = jz_scenario_gemeente_index(s, row->gemeente);
        for (int i = 0; *g < 0 && i < s->n_gemeenten; i++)
            if (lower_eq(s->gemeenten[i].code, row->gemeente) || lower_eq(s->gemeenten[i].name, row->gemeente))
                *g = i;
        if (*g < 0) {
            char q[JZ_QUOTE_BUF], hint[JZ_NAME_MAX + 32];
            if (jz_scenario_gemeente_hint(s, row->gemeente, hint, sizeof hint)[0]) /* a slip: the one rule */
                return jz_error_set(err, JZ_EINPUT, h->path, row->line, row->col_gemeente,
                                    "gemeente '%s' is not in the scenario %s%s",
                                    jz_history_quote(row->gemeente, q, sizeof q), s->meta.path, hint);
            char list[512] = "";
            size_t L = 0;
            for (int i = 0; i < s->n_gemeenten && L + 40 < sizeof list; i++) {
                int w = snprintf(list + L, sizeof list - L, "%s%s (%s)", i ? ", " : "",
                                 s->gemeenten[i].code, s->gemeenten[i].name);
                if (w > 0)
                    L += (size_t)w;
            }
            return jz_error_set(err, JZ_EINPUT, h->path, row->line, row->col_gemeente,
                                "gemeente '%s' is not in the scenario %s; it has %s",
                                jz_history_quote(row->gemeente, q, sizeof q), s->meta.path, list);
        }
    }
    if (jz_history_is_total(row->zorgsoort)) {
        *z = -1;
        return JZ_OK;
    }
    *z = jz_scenario_zorgsoort_index(s, row->zorgsoort);
    for (int i = 0; *z < 0 && i < s->n_zorgsoorten; i++)
        if (lower_eq(s->zorgsoorten[i].key, row->zorgsoort) || lower_eq(s->zorgsoorten[i].name, row->zorgsoort))
            *z = i;
    if (*z < 0) {
        char list[1024] = "";
        size_t L = 0;
        for (int i = 0; i < s->n_zorgsoorten && L + 40 < sizeof list; i++) {
            int w = snprintf(list + L, sizeof list - L, "%s%s", i ? ", " : "", s->zorgsoorten[i].key);
            if (w > 0)
                L += (size_t)w;
        }
        char q[JZ_QUOTE_BUF];
        return jz_error_set(err, JZ_EINPUT, h->path, row->line, row->col_zorgsoort,
                            "zorgsoort '%s' is not in the scenario; use one of %s, or 'totaal' "
                            "for all zorgsoorten together", jz_history_quote(row->zorgsoort, q, sizeof q), list);
    }
    return JZ_OK;
}

/* The scale s_i of each observation (its residual is divided by s_i, so
 * its weight is 1/s_i^2), from m, the median |y| of the same series
 * (gemeente, zorgsoort, series) over the fitted years:
 *
 *   s_i = max(|y_i|, JZ_CALIB_SCALE_FLOOR * m, 1)
 *
 * Relative weights (s_i = |y_i|) put euros and counts on one footing, but a
 * zero or near-zero value would get an almost unlimited weight and drag the
 * fit to it; the floor bounds the weight of a small value to that of one
 * half the series' typical size.  The median, not the mean, so that one
 * wild value cannot move the floor of the others; 1 keeps an all-zero
 * series finite.
 *
 * A bounded weight is not enough for a gross error: least squares trades
 * the level against the trend to come near a 0 among values of 8 million,
 * whatever its weight.  A value below JZ_CALIB_OUTLIER * m (when that is at
 * least 1, so small counts, where a 0 is real, are never touched) is almost
 * always a missing value typed as 0 or a unit slip; it is set aside (s_i =
 * infinity: weight 0, still shown in the residuals) with a warning naming
 * its line. */
#define JZ_CALIB_SCALE_FLOOR 0.5
#define JZ_CALIB_OUTLIER 0.1

static int cmp_obs_key(const void *pa, const void *pb)
{
    const jz_calib_obs *a = *(const jz_calib_obs *const *)pa, *b = *(const jz_calib_obs *const *)pb;
    if (a->g != b->g)
        return a->g < b->g ? -1 : 1;
    if (a->z != b->z)
        return a->z < b->z ? -1 : 1;
    if (a->series != b->series)
        return a->series < b->series ? -1 : 1;
    double x = fabs(a->observed), y = fabs(b->observed);
    return x < y ? -1 : x > y;
}

/* Sets obs[].scale; returns the number set aside, -1 when out of memory.
 * lines gets the lines of the first nl set aside. */
static int set_scales(jz_calib_obs *obs, int n, int *lines, int nl)
{
    if (n == 0)
        return 0;
    jz_calib_obs **ix = malloc((size_t)n * sizeof *ix);
    if (!ix)
        return -1;
    for (int i = 0; i < n; i++)
        ix[i] = &obs[i];
    qsort(ix, (size_t)n, sizeof *ix, cmp_obs_key);
    int aside = 0;
    for (int a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && ix[b]->g == ix[a]->g && ix[b]->z == ix[a]->z && ix[b]->series == ix[a]->series; b++)
            ;
        int m = b - a; /* sorted by |y| within the series */
        double med = m % 2 ? fabs(ix[a + m / 2]->observed)
                           : 0.5 * (fabs(ix[a + m / 2 - 1]->observed) + fabs(ix[a + m / 2]->observed));
        double lo = JZ_CALIB_SCALE_FLOOR * med > 1.0 ? JZ_CALIB_SCALE_FLOOR * med : 1.0;
        double cut = JZ_CALIB_OUTLIER * med >= 1.0 ? JZ_CALIB_OUTLIER * med : 0.0;
        for (int i = a; i < b; i++) {
            double y = fabs(ix[i]->observed);
            if (y < cut) {
                ix[i]->scale = INFINITY;
                if (aside < nl)
                    lines[aside] = ix[i]->line;
                aside++;
            } else {
                ix[i]->scale = y > lo ? y : lo;
            }
        }
    }
    free(ix);
    return aside;
}

/* Observations used by the fit (not set aside by set_scales). */
int jz_calib_n_used(const jz_calib_obs *obs, int n)
{
    int u = 0;
    for (int i = 0; i < n; i++)
        u += isfinite(obs[i].scale) != 0;
    return u;
}

/* The model's value of one observation: the year's value, or for a
 * half-year given alone half the year's flow and, for the stock at 30
 * June, the mean of the year's start and end stocks (the model reports
 * calendar years; within a year its monthly path is close to a line). */
double jz_calib_obs_value(const jz_scenario *s, const jz_result *r, const jz_calib_obs *o)
{
    int y = o->year - s->meta.base_year;
    if (!o->half)
        return jz_calib_model_value(s, r, o->series, o->g, o->z, y);
    switch (o->series) {
    case JZ_HS_END:
        return 0.5 * (jz_calib_model_value(s, r, JZ_HS_START, o->g, o->z, y) +
                      jz_calib_model_value(s, r, JZ_HS_END, o->g, o->z, y));
    case JZ_HS_INSTROOM: case JZ_HS_UITSTROOM: case JZ_HS_CLIENT_YEARS: case JZ_HS_COST:
        return 0.5 * jz_calib_model_value(s, r, o->series, o->g, o->z, y);
    default:
        return jz_calib_model_value(s, r, o->series, o->g, o->z, y);
    }
}

typedef struct collector {
    const jz_scenario *s;
    const jz_history *h;
    jz_calib_obs *obs;
    int n, cap;
    int outside, half_skipped, same_stock;
    char ***warn;
    int *nw, *cw;
    jz_error *err;
} collector;

/* Add one observation.  A begin stock of year Y is the end stock of Y-1
 * (the model's start of Y is its end of Y-1): it is stored as that, so it
 * is fitted and scored at the right horizon and its naive forecast sees the
 * Y-1 end stock.  The same stock given twice with the same value is kept
 * once; with different values the first is kept and the pair named. */
static int add_obs(collector *C, int row, int line, int col, int series, int g, int z, int year, int half,
                   int prov, double v)
{
    const jz_scenario *s = C->s;
    const int base = s->meta.base_year, H = s->meta.horizon;
    if (series == JZ_HS_START && half == 0 && year - 1 >= base) {
        series = JZ_HS_END;
        year--;
    }
    int y = year - base;
    if (y < 0 || y >= H) {
        C->outside++;
        return JZ_OK;
    }
    for (int j = 0; j < C->n; j++) {
        jz_calib_obs *o = &C->obs[j];
        if (o->g != g || o->z != z || o->series != series || o->year != year || o->half != half)
            continue;
        if (series == JZ_HS_END && C->h->rows[o->row].line != line) {
            /* a begin stock of Y+1 and an end stock of Y */
            if (fabs(o->observed - v) > 1e-9 * (fabs(v) + 1.0)) {
                C->same_stock++;
                if (C->warn)
                    jz_calib_warn(C->warn, C->nw, C->cw,
                                  "%s:%d and line %d give the stock of %s, %s on 31 December %d (or 1 January "
                                  "%d) as %.6g and %.6g; the first is used",
                                  C->h->path, o->line, line, s->gemeenten[g].code,
                                  z < 0 ? "totaal" : s->zorgsoorten[z].key, year, year + 1, o->observed, v);
            }
            return JZ_OK;
        }
        return jz_error_set(C->err, JZ_EINPUT, C->h->path, line, col, "%s of %s, %s, %d%s is given twice (also on line %d)",
                            jz_hseries_key(series), s->gemeenten[g].code, z < 0 ? "totaal" : s->zorgsoorten[z].key,
                            year, half == 1 ? "H1" : half == 2 ? "H2" : "", o->line);
    }
    if (C->n == C->cap) {
        int nc = C->cap ? 2 * C->cap : 64;
        jz_calib_obs *o2 = realloc(C->obs, (size_t)nc * sizeof *o2);
        if (!o2)
            return jz_error_set(C->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        C->obs = o2;
        C->cap = nc;
    }
    jz_calib_obs *o = &C->obs[C->n++];
    memset(o, 0, sizeof *o);
    o->row = row;
    o->line = line;
    o->series = series;
    o->g = g;
    o->z = z;
    o->year = year;
    o->half = half;
    o->provisional = prov;
    o->observed = v;
    o->scale = 1.0; /* set by set_scales once the series are complete */
    o->model = NAN;
    return JZ_OK;
}

static const jz_calib_obs *find_obs(const collector *C, int g, int z, int series, int year)
{
    for (int j = 0; j < C->n; j++) {
        const jz_calib_obs *o = &C->obs[j];
        if (o->g == g && o->z == z && o->series == series && o->year == year && !o->half)
            return o;
    }
    return NULL;
}

/* Observations that no parameter can reconcile with their neighbours: the
 * begin stock a year's figures imply (end stock - instroom + uitstroom, or
 * unique clients - instroom) against the end stock of the year before.
 * Negative, or below half or above twice the observed stock, is a warning
 * naming the lines: a break in the series (a changed population or
 * definition) or an error in one of them.  At most 8 are named. */
static int check_neighbours(collector *C)
{
    int named = 0;
    for (int j = 0; j < C->n && named < 8; j++) {
        const jz_calib_obs *e = &C->obs[j];
        if (e->half || (e->series != JZ_HS_END && e->series != JZ_HS_UNIQUE))
            continue;
        const jz_calib_obs *in = find_obs(C, e->g, e->z, JZ_HS_INSTROOM, e->year);
        const jz_calib_obs *out = e->series == JZ_HS_END ? find_obs(C, e->g, e->z, JZ_HS_UITSTROOM, e->year) : NULL;
        if (!in || (e->series == JZ_HS_END && !out))
            continue;
        double implied = e->observed - in->observed + (out ? out->observed : 0.0);
        const jz_calib_obs *prev = find_obs(C, e->g, e->z, JZ_HS_END, e->year - 1);
        const char *what = NULL;
        char buf[160];
        if (implied < 0) {
            what = "a negative begin stock";
        } else if (prev && prev->observed > 0 && (implied < 0.5 * prev->observed || implied > 2.0 * prev->observed)) {
            snprintf(buf, sizeof buf, "a begin stock of %.6g, %s the end stock of %d (%.6g, line %d)", implied,
                     implied < prev->observed ? "less than half" : "more than twice", e->year - 1, prev->observed,
                     prev->line);
            what = buf;
        }
        if (!what)
            continue;
        named++;
        char flows[96];
        if (out)
            snprintf(flows, sizeof flows, "instroom %.6g and uitstroom %.6g", in->observed, out->observed);
        else
            snprintf(flows, sizeof flows, "instroom %.6g", in->observed);
        if (jz_calib_warn(C->warn, C->nw, C->cw,
                          "%s:%d: %s %.6g and %s of %s, %s, %d imply %s: no parameter fits that; a break in "
                          "the series (population or definition changed?) or an error in a row",
                          C->h->path, e->line, jz_hseries_key(e->series), e->observed, flows,
                          C->s->gemeenten[e->g].code, e->z < 0 ? "totaal" : C->s->zorgsoorten[e->z].key, e->year,
                          what))
            return jz_error_set(C->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    return JZ_OK;
}

/* Observations from the rows.  Whole years as they are.  Half-years: a
 * pair of halves of one cell and year adds up to the year for the flows
 * (instroom, uitstroom, cost, client-years, class counts), the first
 * half's begin stock is the year's, the second half's end stock the
 * year's, and the stock between them (H1 end or H2 begin) is a stock on
 * 30 June; a half given alone contributes all its figures (flows as half
 * a year).  Unique clients and cost per client of a half-year cannot be
 * compared with a year and are left out with a warning.  A whole-year
 * value wins over half-years. */
int jz_calib_collect(const jz_scenario *s, const jz_history *h, const int *rg, const int *rz,
                     int from, int until, jz_calib_obs **out, int *n_out,
                     double *classes /* [G*(Z+1)*C] or NULL */, char ***warn, int *nw, int *cw,
                     jz_error *err)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    collector C = {s, h, NULL, 0, 0, 0, 0, 0, warn, nw, cw, err};
    int rc = JZ_OK;
    for (int i = 0; i < h->n_rows && rc == JZ_OK; i++) {
        const jz_history_row *r = &h->rows[i];
        const jz_history_row *r1 = NULL, *r2 = NULL, *whole = NULL;
        if (r->half) {
            for (int j = 0; j < h->n_rows; j++) {
                const jz_history_row *q = &h->rows[j];
                if (j == i || rg[j] != rg[i] || rz[j] != rz[i] || q->year != r->year)
                    continue;
                if (q->half == 0)
                    whole = q;
                else if (q->half != r->half && !(q->half == 1 ? r1 : r2))
                    *(q->half == 1 ? &r1 : &r2) = q;
            }
            if (r->half == 2 && r1)
                continue; /* handled with its first half */
            if (r->half == 1)
                r1 = r;
            else
                r2 = r;
        }
        /* the begin stock of until + 1 is the end stock of until: known */
        int only_start = until && r->year == until + 1;
        if ((from && r->year < from) || (until && r->year > until + 1))
            continue;
        double v[JZ_HS_N];
        int col[JZ_HS_N], line = r->line, prov = r->provisional;
        memcpy(v, r->v, sizeof v);
        memcpy(col, r->col, sizeof col);
        double mid = NAN;     /* the stock on 30 June */
        int vhalf[JZ_HS_N] = {0};
        if (r->half) {
            int pair = r1 && r2;
            prov = (r1 && r1->provisional) || (r2 && r2->provisional);
            double mid1 = r1 ? r1->v[JZ_HS_END] : NAN, mid2 = r2 ? r2->v[JZ_HS_START] : NAN;
            mid = !isnan(mid1) ? mid1 : mid2;
            for (int k = 0; k < JZ_HS_N; k++) {
                double a = r1 ? r1->v[k] : NAN, b = r2 ? r2->v[k] : NAN;
                col[k] = r1 && r1->col[k] ? r1->col[k] : r2 ? r2->col[k] : 0;
                if (whole && !isnan(whole->v[k])) {
                    v[k] = NAN;
                    continue;
                }
                int flow = k == JZ_HS_INSTROOM || k == JZ_HS_UITSTROOM || k == JZ_HS_CLIENT_YEARS ||
                           k == JZ_HS_COST || k >= JZ_HS_DUR_0_3M;
                if (k == JZ_HS_START)
                    v[k] = a; /* the year's begin stock (a lone H2's begin is the 30 June stock) */
                else if (k == JZ_HS_END)
                    v[k] = b;
                else if (flow && pair)
                    v[k] = a + b;
                else if (flow || k == JZ_HS_MEAN_DURATION) {
                    v[k] = !isnan(a) ? a : b;
                    vhalf[k] = r->half;
                } else {
                    v[k] = NAN;
                    if (!isnan(a) || !isnan(b))
                        C.half_skipped++;
                }
            }
        }
        if (only_start) {
            for (int k = 0; k < JZ_HS_N; k++)
                if (k != JZ_HS_START || vhalf[k])
                    v[k] = NAN;
            mid = NAN;
        }
        if (classes) {
            double *cl = classes + ((size_t)rg[i] * (size_t)(Z + 1) + (size_t)(rz[i] + 1)) * JZ_DUR_CLASSES;
            for (int c = 0; c < JZ_DUR_CLASSES; c++)
                if (!isnan(v[JZ_HS_DUR_0_3M + c]))
                    cl[c] += v[JZ_HS_DUR_0_3M + c];
        }
        for (int k = 0; k <= JZ_HS_MEAN_DURATION && rc == JZ_OK; k++)
            if (!isnan(v[k]))
                rc = add_obs(&C, i, line, col[k], k, rg[i], rz[i], r->year, vhalf[k], prov, v[k]);
        if (rc == JZ_OK && !isnan(mid))
            rc = add_obs(&C, i, line, col[JZ_HS_END] ? col[JZ_HS_END] : col[JZ_HS_START], JZ_HS_END, rg[i],
                         rz[i], r->year, 1, prov, mid);
    }
    if (rc) {
        free(C.obs);
        return rc;
    }
    if (warn && (rc = check_neighbours(&C)))
        return rc;
    jz_calib_obs *obs = C.obs;
    int n = C.n, outside = C.outside, half_skipped = C.half_skipped;
    int aside_lines[8];
    int aside = set_scales(obs, n, aside_lines, 8);
    if (aside < 0) {
        free(obs);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (int j = 0; j < n; j++)
        if (obs[j].provisional)
            obs[j].scale /= sqrt(JZ_PROVISIONAL_WEIGHT);
    if (aside && warn) {
        char lines[128] = "";
        size_t L = 0;
        for (int k = 0; k < aside && k < 8; k++) {
            int w = snprintf(lines + L, sizeof lines - L, "%s%d", k ? ", " : "", aside_lines[k]);
            if (w > 0 && (size_t)w < sizeof lines - L)
                L += (size_t)w;
        }
        jz_calib_warn(warn, nw, cw, "%d observation(s) below a tenth of their series' median were set "
                      "aside as probable data errors (a missing value typed as 0?), %s line %s%s; "
                      "they are not fitted but shown in the residuals", aside, h->path, lines,
                      aside > 8 ? ", ..." : "");
    }
    if (outside && warn)
        jz_calib_warn(warn, nw, cw, "%d observation(s) outside the scenario's years %d-%d were not used "
                      "(a scenario for calibration starts in the first year of the history)",
                      outside, base, base + H - 1);
    if (half_skipped && warn)
        jz_calib_warn(warn, nw, cw, "%d half-year value(s) of unique clients, cost per client or mean "
                      "duration (or a half-year without its other half) were not used: the model "
                      "reports calendar years", half_skipped);
    (void)H;
    (void)base;
    *out = obs;
    *n_out = n;
    return JZ_OK;
}
