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
            char list[512] = "";
            size_t L = 0;
            for (int i = 0; i < s->n_gemeenten && L + 40 < sizeof list; i++) {
                int w = snprintf(list + L, sizeof list - L, "%s%s (%s)", i ? ", " : "",
                                 s->gemeenten[i].code, s->gemeenten[i].name);
                if (w > 0)
                    L += (size_t)w;
            }
            char q[JZ_QUOTE_BUF];
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

/* Observations of year-level series from the rows: whole years as they
 * are; a pair of half-years of the same cell and year is added up for the
 * flows (instroom, uitstroom, cost, client-years, class counts), takes the
 * first half's start and the second half's end; unique clients, cost per
 * client and mean durations of half-years cannot be added up and are left
 * out with a warning.  A whole-year value wins over half-years. */
int jz_calib_collect(const jz_scenario *s, const jz_history *h, const int *rg, const int *rz,
                     int from, int until, jz_calib_obs **out, int *n_out,
                     double *classes /* [G*(Z+1)*C] or NULL */, char ***warn, int *nw, int *cw,
                     jz_error *err)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    int cap = 64, n = 0, outside = 0, half_skipped = 0;
    jz_calib_obs *obs = malloc((size_t)cap * sizeof *obs);
    if (!obs)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int i = 0; i < h->n_rows; i++) {
        const jz_history_row *r = &h->rows[i];
        if (r->half == 2)
            continue; /* handled with its first half */
        double v[JZ_HS_N];
        int line = r->line;
        memcpy(v, r->v, sizeof v);
        if (r->half == 1) {
            const jz_history_row *r2 = NULL, *whole = NULL;
            for (int j = 0; j < h->n_rows; j++) {
                const jz_history_row *q = &h->rows[j];
                if (rg[j] == rg[i] && rz[j] == rz[i] && q->year == r->year) {
                    if (q->half == 2)
                        r2 = q;
                    else if (q->half == 0)
                        whole = q;
                }
            }
            for (int k = 0; k < JZ_HS_N; k++) {
                double a = r->v[k], b = r2 ? r2->v[k] : NAN;
                if (whole && !isnan(whole->v[k])) {
                    v[k] = NAN;
                    continue;
                }
                switch (k) {
                case JZ_HS_START: v[k] = a; break;
                case JZ_HS_END: v[k] = b; break;
                case JZ_HS_INSTROOM: case JZ_HS_UITSTROOM: case JZ_HS_CLIENT_YEARS: case JZ_HS_COST:
                    v[k] = a + b;
                    break;
                default:
                    if (k >= JZ_HS_DUR_0_3M)
                        v[k] = a + b;
                    else
                        v[k] = NAN;
                }
                if ((!isnan(a) || !isnan(b)) && isnan(v[k]) && k != JZ_HS_START && k != JZ_HS_END)
                    half_skipped++;
            }
        }
        int y = r->year - base;
        if ((from && r->year < from) || (until && r->year > until))
            continue;
        if (classes) {
            double *cl = classes + ((size_t)rg[i] * (size_t)(Z + 1) + (size_t)(rz[i] + 1)) * JZ_DUR_CLASSES;
            for (int c = 0; c < JZ_DUR_CLASSES; c++)
                if (!isnan(v[JZ_HS_DUR_0_3M + c]))
                    cl[c] += v[JZ_HS_DUR_0_3M + c];
        }
        for (int k = 0; k <= JZ_HS_MEAN_DURATION; k++) {
            if (isnan(v[k]))
                continue;
            if (y < 0 || y >= H) {
                outside++;
                continue;
            }
            for (int j = 0; j < n; j++)
                if (obs[j].g == rg[i] && obs[j].z == rz[i] && obs[j].series == k && obs[j].year == r->year) {
                    int other = obs[j].line;
                    free(obs);
                    return jz_error_set(err, JZ_EINPUT, h->path, line, r->col[k],
                                        "%s of %s, %s, %d is given twice (also on line %d)",
                                        jz_hseries_key(k), s->gemeenten[rg[i]].code,
                                        rz[i] < 0 ? "totaal" : s->zorgsoorten[rz[i]].key, r->year,
                                        other);
                }
            if (n == cap) {
                cap *= 2;
                jz_calib_obs *o2 = realloc(obs, (size_t)cap * sizeof *o2);
                if (!o2) {
                    free(obs);
                    return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                }
                obs = o2;
            }
            jz_calib_obs *o = &obs[n++];
            memset(o, 0, sizeof *o);
            o->row = i;
            o->line = line;
            o->series = k;
            o->g = rg[i];
            o->z = rz[i];
            o->year = r->year;
            o->observed = v[k];
            o->scale = 1.0; /* set by set_scales once the series are complete */
            o->model = NAN;
        }
    }
    (void)Z;
    int aside_lines[8];
    int aside = set_scales(obs, n, aside_lines, 8);
    if (aside < 0) {
        free(obs);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
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
    *out = obs;
    *n_out = n;
    return JZ_OK;
}
