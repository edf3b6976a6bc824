/*
 * calibrate.c - fitting a scenario's instroom, zorgduur, cost and start
 * parameters to a history by weighted nonlinear least squares
 * (gsl_multifit_nlinear), with the model itself as the fitting function;
 * see jzsim/calibrate.h and docs/calibration.md.
 *
 * Steps: match the history's rows to gemeenten and zorgsoorten (errors name
 * the row's file:line:column); turn rows into observations (half-years
 * added up to calendar years where that is meaningful); make one parameter
 * per cell (or per gemeente group, for total rows) and kind; screen out the
 * parameters the data cannot identify (greedy rank test on the Jacobian at
 * the scenario's values, levels before trends); fit; take standard errors
 * from the covariance of the weighted Jacobian times the residual variance.
 *
 * Every evaluation writes the parameters into one scenario copy and runs
 * jz_model_run with one workspace and result, all allocated before the fit
 * starts.  The shape test (Erlang stages from duration-class counts) is in
 * shape.c.
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include "analysis/calib_internal.h"

static const char *const kind_key[JZ_PK_N] = {"instroom", "cost", "zorgduur", "start",
                                              "instroom_trend", "intensity_trend"};
const char *jz_param_kind_key(int k) { return k >= 0 && k < JZ_PK_N ? kind_key[k] : "?"; }

void jz_calib_options_default(jz_calib_options *o)
{
    memset(o, 0, sizeof *o);
    o->fit = JZ_FIT_DEFAULT;
    o->max_iter = 200;
    o->xtol = 1e-10;
    o->gtol = 1e-10;
    o->ftol = 1e-12;
    o->max_stages = JZ_SHAPE_KMAX;
    o->ident_tol = 1e-6;
}

int jz_fit_parse(const char *list, unsigned *bits, jz_error *err)
{
    unsigned b = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char w[32];
        if (n >= sizeof w)
            n = sizeof w - 1;
        memcpy(w, p, n);
        w[n] = '\0';
        if (strcmp(w, "instroom") == 0 || strcmp(w, "inflow") == 0)
            b |= JZ_FIT_INSTROOM;
        else if (strcmp(w, "zorgduur") == 0 || strcmp(w, "duur") == 0 || strcmp(w, "duration") == 0)
            b |= JZ_FIT_ZORGDUUR;
        else if (strcmp(w, "kosten") == 0 || strcmp(w, "cost") == 0)
            b |= JZ_FIT_KOSTEN;
        else if (strcmp(w, "start") == 0)
            b |= JZ_FIT_START;
        else if (strcmp(w, "vorm") == 0 || strcmp(w, "shape") == 0 || strcmp(w, "stages") == 0)
            b |= JZ_FIT_SHAPE;
        else if (strcmp(w, "all") == 0 || strcmp(w, "alles") == 0)
            b |= JZ_FIT_DEFAULT | JZ_FIT_START | JZ_FIT_SHAPE;
        else
            return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                                "--fit: unknown parameter group '%s'; choose from instroom, "
                                "zorgduur, kosten, start, vorm (or all)", w);
        p += n;
        if (*p == ',')
            p++;
    }
    if (!b)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "--fit: give at least one parameter group");
    *bits = b;
    return JZ_OK;
}

int jz_calib_warn(char ***arr, int *n, int *cap, const char *fmt, ...)
{
    char raw[1024], buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    jz_text_escape(buf, sizeof buf, raw); /* user text: control bytes escaped (jzsim/error.h) */
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        char **a = realloc(*arr, (size_t)nc * sizeof *a);
        if (!a)
            return JZ_ENOMEM;
        *arr = a;
        *cap = nc;
    }
    size_t len = strlen(buf) + 1;
    if (!((*arr)[*n] = malloc(len)))
        return JZ_ENOMEM;
    memcpy((*arr)[*n], buf, len);
    (*n)++;
    return JZ_OK;
}

#define WARN(c, ...) jz_calib_warn(&(c)->warnings, &(c)->n_warnings, &(c)->cap_warnings, __VA_ARGS__)

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
static int n_used(const jz_calib_obs *obs, int n)
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

/* ---- the fitting problem ----------------------------------------------- */

typedef struct problem {
    const jz_scenario *orig;
    jz_scenario *work;
    jz_workspace *ws;
    jz_result *res;
    jz_calib_obs *obs;
    int n;
    jz_calib_param *par;
    int np;
    int *active;      /* [np] 1 when applied */
    int *map;         /* fitted index -> param index */
    int p;            /* fitted parameters */
    double *scratch;  /* [n] residuals */
    unsigned char *in_unit; /* [np * Z]: cell z belongs to param's unit */
    jz_error *err;
    int failed;
} problem;

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Write parameter j at theta into the working copy (from the original). */
static void apply_one(problem *P, int j, double theta)
{
    const jz_calib_param *q = &P->par[j];
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    for (int z = 0; z < Z; z++) {
        if (!P->in_unit[(size_t)j * (size_t)Z + (size_t)z])
            continue;
        size_t ci = (size_t)q->g * (size_t)Z + (size_t)z;
        const jz_cell *o = &P->orig->cells[ci];
        jz_cell *c = &P->work->cells[ci];
        double f = exp(clampd(theta, -30.0, 30.0));
        switch (q->kind) {
        case JZ_PK_INSTROOM:
            for (int y = 0; y < H; y++)
                c->instroom[y] = o->instroom[y] * f;
            break;
        case JZ_PK_COST:
            for (int y = 0; y < H; y++)
                c->cost[y] = o->cost[y] * f;
            break;
        case JZ_PK_ZORGDUUR:
            for (int y = 0; y < H; y++)
                c->zorgduur[y] = clampd(o->zorgduur[y] * f, 1e-3, 1200.0);
            break;
        case JZ_PK_START:
            c->start = q->is_factor ? o->start * f : f;
            break;
        case JZ_PK_TREND:
            for (int y = 1; y < H; y++)
                c->instroom_trend[y] = clampd(theta, -0.95, 10.0);
            break;
        case JZ_PK_INTENSITY:
            for (int y = 1; y < H; y++)
                c->intensity_trend[y] = clampd(theta, -0.95, 10.0);
            break;
        default:
            break;
        }
    }
}

static void restore_one(problem *P, int j)
{
    const jz_calib_param *q = &P->par[j];
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    size_t bytes = (size_t)H * sizeof(double);
    for (int z = 0; z < Z; z++) {
        if (!P->in_unit[(size_t)j * (size_t)Z + (size_t)z])
            continue;
        size_t ci = (size_t)q->g * (size_t)Z + (size_t)z;
        const jz_cell *o = &P->orig->cells[ci];
        jz_cell *c = &P->work->cells[ci];
        switch (q->kind) {
        case JZ_PK_INSTROOM: memcpy(c->instroom, o->instroom, bytes); break;
        case JZ_PK_COST: memcpy(c->cost, o->cost, bytes); break;
        case JZ_PK_ZORGDUUR: memcpy(c->zorgduur, o->zorgduur, bytes); break;
        case JZ_PK_START: c->start = o->start; break;
        case JZ_PK_TREND: memcpy(c->instroom_trend, o->instroom_trend, bytes); break;
        case JZ_PK_INTENSITY: memcpy(c->intensity_trend, o->intensity_trend, bytes); break;
        default: break;
        }
    }
}

/* Run the model on the working copy; fill f with model - observed
 * (unweighted when weighted == 0, else divided by the scale). */
static int evaluate(problem *P, double *f, int weighted)
{
    if (jz_model_run(P->work, P->ws, P->res, P->err) != JZ_OK) {
        P->failed = 1;
        return -1;
    }
    for (int i = 0; i < P->n; i++) {
        const jz_calib_obs *o = &P->obs[i];
        double m = jz_calib_model_value(P->work, P->res, o->series, o->g, o->z,
                                        o->year - P->orig->meta.base_year);
        double d = m - o->observed;
        if (!isfinite(d)) {
            P->failed = 1;
            jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0,
                         "the model gave a value that is not finite for %s in %d during the fit",
                         jz_hseries_key(o->series), o->year);
            return -1;
        }
        f[i] = weighted ? d / o->scale : d;
    }
    return 0;
}

static int gsl_f(const gsl_vector *x, void *params, gsl_vector *f)
{
    problem *P = params;
    for (int k = 0; k < P->p; k++)
        apply_one(P, P->map[k], gsl_vector_get(x, (size_t)k));
    /* f may be a strided view (a column of GSL's finite-difference
     * Jacobian): evaluate into scratch, then copy element by element */
    if (evaluate(P, P->scratch, 1))
        return GSL_EDOM;
    for (int i = 0; i < P->n; i++)
        gsl_vector_set(f, (size_t)i, P->scratch[i]);
    return GSL_SUCCESS;
}

/* The Jacobian by central differences with a fixed step: GSL's own finite
 * differences scale the step with |x|, which is far too small for a trend
 * near 0 (the column would vanish in rounding).  h = 1e-5 on the log scale
 * (levels) and in fraction/yr (trends): truncation error ~h^2, rounding
 * ~eps/h, both ~1e-10 relative. */
static int gsl_df(const gsl_vector *x, void *params, gsl_matrix *J)
{
    problem *P = params;
    const double h = 1e-5;
    for (int k = 0; k < P->p; k++)
        apply_one(P, P->map[k], gsl_vector_get(x, (size_t)k));
    for (int k = 0; k < P->p; k++) {
        double xk = gsl_vector_get(x, (size_t)k);
        apply_one(P, P->map[k], xk + h);
        if (evaluate(P, P->scratch, 1))
            return GSL_EDOM;
        for (int i = 0; i < P->n; i++)
            gsl_matrix_set(J, (size_t)i, (size_t)k, P->scratch[i]);
        apply_one(P, P->map[k], xk - h);
        if (evaluate(P, P->scratch, 1))
            return GSL_EDOM;
        for (int i = 0; i < P->n; i++)
            gsl_matrix_set(J, (size_t)i, (size_t)k,
                           (gsl_matrix_get(J, (size_t)i, (size_t)k) - P->scratch[i]) / (2.0 * h));
        apply_one(P, P->map[k], xk);
    }
    return GSL_SUCCESS;
}

/* ---- identifiability: greedy rank test at the scenario's values -------- */

static int kind_priority(int k)
{
    static const int pr[JZ_PK_N] = {0, 1, 2, 3, 4, 5};
    return pr[k];
}

static int screen(problem *P, jz_calib *c, const jz_calib_options *o)
{
    const int n = P->n, np = P->np;
    double *J = calloc((size_t)n * (size_t)np, sizeof *J);
    double *fp = malloc((size_t)n * sizeof *fp), *fm = malloc((size_t)n * sizeof *fm);
    double *Q = calloc((size_t)n * (size_t)(np ? np : 1), sizeof *Q);
    int *order = malloc((size_t)(np ? np : 1) * sizeof *order);
    int *sel = malloc((size_t)(np ? np : 1) * sizeof *sel);
    int rc = JZ_OK;
    if (!J || !fp || !fm || !Q || !order || !sel) {
        rc = jz_error_set(P->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    const double h = 1e-4;
    for (int j = 0; j < np; j++) {
        if (!P->par[j].fitted)
            continue; /* not asked for */
        apply_one(P, j, P->par[j].theta + h);
        if (evaluate(P, fp, 1)) {
            rc = P->err->status;
            goto done;
        }
        apply_one(P, j, P->par[j].theta - h);
        if (evaluate(P, fm, 1)) {
            rc = P->err->status;
            goto done;
        }
        restore_one(P, j);
        for (int i = 0; i < n; i++)
            J[(size_t)i * (size_t)np + (size_t)j] = (fp[i] - fm[i]) / (2.0 * h);
    }
    /* order: by kind priority, then by parameter index */
    int m = 0;
    for (int pr = 0; pr < JZ_PK_N; pr++)
        for (int j = 0; j < np; j++)
            if (kind_priority(P->par[j].kind) == pr)
                order[m++] = j;
    int ns = 0;
    for (int t = 0; t < m; t++) {
        int j = order[t];
        jz_calib_param *q = &P->par[j];
        if (!q->fitted)
            continue;
        double norm = 0.0;
        for (int i = 0; i < n; i++)
            norm += J[(size_t)i * (size_t)np + (size_t)j] * J[(size_t)i * (size_t)np + (size_t)j];
        norm = sqrt(norm);
        if (norm < 1e-10) {
            q->fitted = 0;
            snprintf(q->note, sizeof q->note, "no observation depends on it");
            continue;
        }
        /* a zorgsoort's own parameter is fitted from that zorgsoort's own
         * rows: the gemeente totals are there for the group without rows,
         * and would otherwise shift cost or volume between zorgsoorten in
         * ways the data cannot check */
        if (q->z >= 0) {
            double own = 0.0;
            for (int i = 0; i < n; i++)
                if (P->obs[i].g == q->g && P->obs[i].z == q->z)
                    own += J[(size_t)i * (size_t)np + (size_t)j] * J[(size_t)i * (size_t)np + (size_t)j];
            if (sqrt(own) < 1e-10) {
                q->fitted = 0;
                snprintf(q->note, sizeof q->note, "no row of this zorgsoort depends on it (the totals "
                         "fit only the zorgsoorten without rows of their own)");
                continue;
            }
        }
        /* project out the selected columns (twice, for stability) */
        double *r = fp;
        for (int i = 0; i < n; i++)
            r[i] = J[(size_t)i * (size_t)np + (size_t)j] / norm;
        for (int pass = 0; pass < 2; pass++)
            for (int s = 0; s < ns; s++) {
                double d = 0.0;
                for (int i = 0; i < n; i++)
                    d += Q[(size_t)s * (size_t)n + (size_t)i] * r[i];
                for (int i = 0; i < n; i++)
                    r[i] -= d * Q[(size_t)s * (size_t)n + (size_t)i];
            }
        double rn = 0.0;
        for (int i = 0; i < n; i++)
            rn += r[i] * r[i];
        rn = sqrt(rn);
        if (rn < o->ident_tol || ns >= n) {
            /* which selected parameter is it most alike? */
            int best = -1;
            double bc = -1.0;
            for (int s = 0; s < ns; s++) {
                int k = sel[s];
                double d = 0.0, nk = 0.0;
                for (int i = 0; i < n; i++) {
                    double a = J[(size_t)i * (size_t)np + (size_t)j], b = J[(size_t)i * (size_t)np + (size_t)k];
                    d += a * b;
                    nk += b * b;
                }
                double cc = fabs(d) / (norm * sqrt(nk) + 1e-300);
                if (cc > bc) {
                    bc = cc;
                    best = k;
                }
            }
            q->fitted = 0;
            if (ns >= n)
                snprintf(q->note, sizeof q->note, "more parameters than observations");
            else if (best >= 0)
                snprintf(q->note, sizeof q->note, "the data cannot separate it from %s of %s%s%s",
                         kind_key[P->par[best].kind], P->orig->gemeenten[P->par[best].g].code,
                         P->par[best].z >= 0 ? "/" : " (group)",
                         P->par[best].z >= 0 ? P->orig->zorgsoorten[P->par[best].z].key : "");
            else
                snprintf(q->note, sizeof q->note, "not identified by the data");
            continue;
        }
        for (int i = 0; i < n; i++)
            Q[(size_t)ns * (size_t)n + (size_t)i] = r[i] / rn;
        sel[ns++] = j;
    }
    (void)c;
done:
    free(J);
    free(fp);
    free(fm);
    free(Q);
    free(order);
    free(sel);
    return rc;
}

/* ---- setup ------------------------------------------------------------- */

static int series_constant(const double *v, int H)
{
    for (int y = 1; y < H; y++)
        if (fabs(v[y] - v[0]) > 1e-12 * (fabs(v[0]) + 1e-300))
            return 0;
    return 1;
}

static double mean_from1(const double *v, int H)
{
    if (H < 2)
        return v[0];
    double t = 0.0;
    for (int y = 1; y < H; y++)
        t += v[y];
    return t / (H - 1);
}

static int kind_wanted(int kind, unsigned fit)
{
    switch (kind) {
    case JZ_PK_INSTROOM: case JZ_PK_TREND: return (fit & JZ_FIT_INSTROOM) != 0;
    case JZ_PK_ZORGDUUR: return (fit & JZ_FIT_ZORGDUUR) != 0;
    case JZ_PK_COST: case JZ_PK_INTENSITY: return (fit & JZ_FIT_KOSTEN) != 0;
    case JZ_PK_START: return (fit & JZ_FIT_START) != 0;
    default: return 0;
    }
}

/* Parameters: one per unit (an own cell, or a gemeente's group of cells
 * without rows of their own) and kind asked for. */
static int make_params(problem *P, jz_calib *c, const unsigned char *own, const unsigned char *tot,
                       unsigned fit, jz_error *err)
{
    const jz_scenario *s = P->orig;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    int cap = (G * (Z + 1)) * JZ_PK_N;
    P->par = calloc((size_t)cap, sizeof *P->par);
    P->in_unit = calloc((size_t)cap * (size_t)Z, 1);
    if (!P->par || !P->in_unit)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int np = 0;
    for (int g = 0; g < G; g++)
        for (int z = -1; z < Z; z++) {
            int members = 0;
            if (z >= 0 && !own[g * Z + z])
                continue;
            if (z < 0) {
                if (!tot[g])
                    continue;
                for (int w = 0; w < Z; w++)
                    members += !own[g * Z + w];
                if (!members)
                    continue;
            }
            for (int kind = 0; kind < JZ_PK_N; kind++) {
                if (!kind_wanted(kind, fit))
                    continue;
                jz_calib_param *q = &P->par[np];
                q->kind = kind;
                q->g = g;
                q->z = z;
                q->fitted = 1;
                for (int w = 0; w < Z; w++)
                    P->in_unit[(size_t)np * (size_t)Z + (size_t)w] = z >= 0 ? (w == z) : !own[g * Z + w];
                const jz_cell *cell = z >= 0 ? &s->cells[(size_t)g * (size_t)Z + (size_t)z] : NULL;
                switch (kind) {
                case JZ_PK_INSTROOM: case JZ_PK_COST: case JZ_PK_ZORGDUUR: {
                    const double *v = !cell ? NULL
                                      : kind == JZ_PK_INSTROOM ? cell->instroom
                                      : kind == JZ_PK_COST ? cell->cost : cell->zorgduur;
                    q->is_factor = !cell || !series_constant(v, H);
                    q->initial = q->is_factor ? 1.0 : v[0];
                    q->theta = 0.0;
                    break;
                }
                case JZ_PK_START:
                    q->is_factor = !cell;
                    q->initial = cell ? cell->start : 1.0;
                    q->theta = cell ? log(cell->start > 1.0 ? cell->start : 1.0) : 0.0;
                    break;
                default: {
                    /* trends: start from the mean over the group's cells */
                    double t = 0.0;
                    int k = 0;
                    for (int w = 0; w < Z; w++) {
                        if (!P->in_unit[(size_t)np * (size_t)Z + (size_t)w])
                            continue;
                        const jz_cell *cw = &s->cells[(size_t)g * (size_t)Z + (size_t)w];
                        t += mean_from1(kind == JZ_PK_TREND ? cw->instroom_trend : cw->intensity_trend, H);
                        k++;
                    }
                    q->initial = k ? t / k : 0.0;
                    q->theta = q->initial;
                    q->is_factor = 0;
                }
                }
                q->value = q->initial;
                q->se = NAN;
                q->theta_se = NAN;
                np++;
            }
        }
    P->np = np;
    c->params = P->par;
    c->n_params = np;
    return JZ_OK;
}

/* ---- result bookkeeping ------------------------------------------------- */

static void fill_values(problem *P)
{
    for (int j = 0; j < P->np; j++) {
        jz_calib_param *q = &P->par[j];
        if (!q->fitted)
            continue;
        switch (q->kind) {
        case JZ_PK_INSTROOM: case JZ_PK_COST: case JZ_PK_ZORGDUUR: case JZ_PK_START: {
            double f = exp(q->theta);
            if (q->kind == JZ_PK_START && !q->is_factor) {
                q->value = f;
            } else {
                q->value = q->is_factor ? f : q->initial * f;
            }
            q->se = q->value * q->theta_se; /* delta method on the log scale */
            break;
        }
        default:
            q->value = q->theta;
            q->se = q->theta_se;
        }
    }
}

static int summarise(jz_calib *c)
{
    c->summary = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *c->summary);
    if (!c->summary)
        return JZ_ENOMEM;
    double *se = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *se);
    double *ape = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *ape);
    int *nape = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *nape);
    if (!se || !ape || !nape) {
        free(se);
        free(ape);
        free(nape);
        return JZ_ENOMEM;
    }
    int ns = 0;
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *o = &c->obs[i];
        int k = 0;
        while (k < ns && !(c->summary[k].g == o->g && c->summary[k].z == o->z && c->summary[k].series == o->series))
            k++;
        if (k == ns) {
            c->summary[ns].g = o->g;
            c->summary[ns].z = o->z;
            c->summary[ns].series = o->series;
            ns++;
        }
        double d = o->model - o->observed;
        c->summary[k].n++;
        se[k] += d * d;
        if (o->observed != 0.0) {
            ape[k] += fabs(d / o->observed);
            nape[k]++;
        }
    }
    for (int k = 0; k < ns; k++) {
        c->summary[k].rmse = sqrt(se[k] / c->summary[k].n);
        c->summary[k].mape = nape[k] ? 100.0 * ape[k] / nape[k] : NAN;
    }
    c->n_summary = ns;
    free(se);
    free(ape);
    free(nape);
    return JZ_OK;
}

void jz_calib_free(jz_calib *c)
{
    if (!c)
        return;
    jz_scenario_free(c->fitted);
    jz_result_free(c->result);
    free(c->params);
    free(c->obs);
    free(c->summary);
    free(c->shape);
    for (int i = 0; i < c->n_warnings; i++)
        free(c->warnings[i]);
    free(c->warnings);
    free(c);
}

/* ---- the fit ------------------------------------------------------------ */

static int fit(problem *P, jz_calib *c, const jz_calib_options *o)
{
    const size_t n = (size_t)P->n, p = (size_t)P->p;
    int rc = JZ_OK;
    gsl_multifit_nlinear_parameters fp = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &fp, n, p);
    gsl_vector *x = gsl_vector_alloc(p);
    void *wts = NULL;
    gsl_matrix *cov = gsl_matrix_alloc(p, p), *A = gsl_matrix_alloc(n, p), *V = gsl_matrix_alloc(p, p);
    gsl_vector *S = gsl_vector_alloc(p), *work = gsl_vector_alloc(p);
    if (!w || !x || !cov || !A || !V || !S || !work) {
        rc = jz_error_set(P->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < p; k++)
        gsl_vector_set(x, k, P->par[P->map[k]].theta);
    gsl_multifit_nlinear_fdf fdf;
    memset(&fdf, 0, sizeof fdf);
    fdf.f = gsl_f;
    fdf.df = gsl_df; /* central differences of the model run itself */
    fdf.fvv = NULL;
    fdf.n = n;
    fdf.p = p;
    fdf.params = P;
    /* the weights 1/scale^2 are folded into f (f_i = (model - observed) /
     * scale_i), so f, J and the covariance are all on the weighted scale;
     * GSL's own weight vector is left out because its central-difference
     * Jacobian does not apply it */
    (void)wts;
    int st = gsl_multifit_nlinear_init(x, &fdf, w);
    if (st != GSL_SUCCESS) {
        rc = P->failed ? P->err->status
                       : jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0, "the solver could not start: %s",
                                      gsl_strerror(st));
        goto done;
    }
    gsl_vector *f = gsl_multifit_nlinear_residual(w);
    double chisq0;
    gsl_blas_ddot(f, f, &chisq0);
    int info = 0;
    st = gsl_multifit_nlinear_driver((size_t)o->max_iter, o->xtol, o->gtol, o->ftol, NULL, NULL, &info, w);
    if (P->failed) {
        rc = P->err->status;
        goto done;
    }
    c->status = st;
    c->iterations = (int)gsl_multifit_nlinear_niter(w);
    if (st == GSL_EMAXITER)
        WARN(c, "the fit did not converge in %d iterations; the values are the last iterate", o->max_iter);
    else if (st != GSL_SUCCESS && st != GSL_ENOPROG)
        WARN(c, "the solver stopped: %s", gsl_strerror(st));
    gsl_vector *xs = gsl_multifit_nlinear_position(w);
    f = gsl_multifit_nlinear_residual(w);
    double chisq;
    gsl_blas_ddot(f, f, &chisq);
    c->chisq0 = chisq0;
    c->chisq = chisq;
    c->dof = n_used(P->obs, P->n) - (int)p; /* set-aside observations carry no information */
    gsl_matrix *J = gsl_multifit_nlinear_jac(w);
    gsl_multifit_nlinear_covar(J, 1e-12, cov);
    double s2 = c->dof > 0 ? chisq / c->dof : NAN;
    c->sigma = sqrt(s2);
    gsl_matrix_memcpy(A, J);
    if (gsl_linalg_SV_decomp(A, V, S, work) == GSL_SUCCESS) {
        double smax = gsl_vector_get(S, 0), smin = gsl_vector_get(S, p - 1);
        c->cond = smin > 0 ? smax / smin : INFINITY;
    } else {
        c->cond = NAN;
    }
    for (size_t k = 0; k < p; k++) {
        jz_calib_param *q = &P->par[P->map[k]];
        q->theta = gsl_vector_get(xs, k);
        double v = gsl_matrix_get(cov, k, k);
        q->theta_se = c->dof > 0 && v > 0 ? sqrt(v * s2) : NAN;
        if (c->dof > 0 && !(v > 0))
            snprintf(q->note, sizeof q->note, "not identified at the solution (zero variance column)");
    }
    if (c->dof == 0)
        WARN(c, "as many fitted parameters as observations: the fit is exact and no standard error "
                "can be given; fit fewer groups (--fit) or add history");
    if (c->cond > 1e8) {
        /* name the most correlated pair */
        int a = -1, b = -1;
        double best = 0.0;
        for (size_t i = 0; i < p; i++)
            for (size_t j = i + 1; j < p; j++) {
                double cij = gsl_matrix_get(cov, i, j) /
                             sqrt(gsl_matrix_get(cov, i, i) * gsl_matrix_get(cov, j, j) + 1e-300);
                if (fabs(cij) > best) {
                    best = fabs(cij);
                    a = (int)i;
                    b = (int)j;
                }
            }
        if (a >= 0)
            WARN(c, "weakly identified: the Jacobian is ill-conditioned (condition number %.3g); %s and %s "
                    "of %s move together (correlation %.3f), so their standard errors are large",
                 c->cond, kind_key[P->par[P->map[a]].kind], kind_key[P->par[P->map[b]].kind],
                 P->orig->gemeenten[P->par[P->map[a]].g].code, best);
    }
done:
    gsl_multifit_nlinear_free(w);
    gsl_vector_free(x);
    gsl_matrix_free(cov);
    gsl_matrix_free(A);
    gsl_matrix_free(V);
    gsl_vector_free(S);
    gsl_vector_free(work);
    return rc;
}

jz_calib *jz_calibrate(const jz_scenario *s, const jz_history *h, const jz_calib_options *opt,
                       jz_error *err)
{
    jz_error_clear(err);
    jz_calib_options o;
    if (opt)
        o = *opt;
    else
        jz_calib_options_default(&o);
    if (o.max_stages < 1 || o.max_stages > JZ_SHAPE_KMAX)
        o.max_stages = JZ_SHAPE_KMAX;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    jz_calib *c = calloc(1, sizeof *c);
    int *rg = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rg);
    int *rz = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rz);
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1), *tot = calloc((size_t)G, 1);
    double *classes = calloc((size_t)G * (size_t)(Z + 1) * JZ_DUR_CLASSES, sizeof *classes);
    problem P;
    memset(&P, 0, sizeof P);
    P.err = err;
    int rc = JZ_OK;
    if (!c || !rg || !rz || !own || !tot || !classes) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    c->scenario = s;
    snprintf(c->history_path, sizeof c->history_path, "%s", h->path);
    for (int i = 0; i < h->n_rows; i++)
        if ((rc = jz_calib_match_row(s, h, &h->rows[i], &rg[i], &rz[i], err)))
            goto fail;
    if ((rc = jz_calib_collect(s, h, rg, rz, o.from, o.until, &c->obs, &c->n_obs, classes,
                               &c->warnings, &c->n_warnings, &c->cap_warnings, err)))
        goto fail;
    if (c->n_obs == 0) {
        rc = jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                          "no observation falls in the scenario's years %d-%d%s; a scenario for "
                          "calibration must start in (or before) the first year of the history",
                          s->meta.base_year, s->meta.base_year + H - 1,
                          o.until ? " up to the --until year" : "");
        goto fail;
    }
    c->first_year = c->last_year = c->obs[0].year;
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *ob = &c->obs[i];
        if (ob->z >= 0)
            own[ob->g * Z + ob->z] = 1;
        else
            tot[ob->g] = 1;
        if (ob->year < c->first_year)
            c->first_year = ob->year;
        if (ob->year > c->last_year)
            c->last_year = ob->year;
    }

    /* everything the fit needs, allocated once */
    P.orig = s;
    P.obs = c->obs;
    P.n = c->n_obs;
    c->fitted = jz_scenario_copy(s);
    c->result = jz_result_alloc(s);
    P.ws = jz_workspace_alloc(s);
    if (!c->fitted || !c->result || !P.ws) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    P.work = c->fitted;
    P.res = c->result;

    /* the duration shape first: the stages are a property of the zorgsoort */
    if ((rc = jz_shape_tests(s, classes, o.max_stages, c, err)))
        goto fail;
    if (o.fit & JZ_FIT_SHAPE) {
        for (int z = 0; z < Z; z++) {
            double ll[JZ_SHAPE_KMAX] = {0};
            int any = 0;
            for (int t = 0; t < c->n_shape; t++)
                if (c->shape[t].z == z) {
                    any = 1;
                    for (int k = 0; k < c->shape[t].n_k; k++)
                        ll[k] += c->shape[t].loglik[k];
                }
            if (!any)
                continue;
            int best = 0;
            for (int k = 1; k < o.max_stages; k++)
                if (ll[k] > ll[best])
                    best = k;
            c->fitted->zorgsoorten[z].stages = best + 1;
        }
        int any = 0;
        for (int t = 0; t < c->n_shape; t++)
            any |= c->shape[t].z >= 0;
        if (!any)
            WARN(c, "--fit vorm: the history has no duration-class counts per zorgsoort, so the stages "
                    "were not changed");
    }
    /* the stages changed in the working copy: the original stays the
     * reference for every other number */

    if ((rc = make_params(&P, c, own, tot, o.fit, err)))
        goto fail;
    P.map = malloc((size_t)(P.np ? P.np : 1) * sizeof *P.map);
    P.scratch = malloc((size_t)P.n * sizeof *P.scratch);
    if (!P.map || !P.scratch) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = screen(&P, c, &o)))
        goto fail;
    P.p = 0;
    for (int j = 0; j < P.np; j++)
        if (P.par[j].fitted)
            P.map[P.p++] = j;
    c->n_fitted = P.p;
    for (int j = 0; j < P.np; j++) {
        const jz_calib_param *q = &P.par[j];
        if (!q->fitted)
            WARN(c, "%s of %s, %s is not identified by the data (%s): kept at the scenario's value",
                 kind_key[q->kind], s->gemeenten[q->g].code,
                 q->z >= 0 ? s->zorgsoorten[q->z].key : "the other zorgsoorten (group)", q->note);
    }
    if (P.p > 0) {
        if ((rc = fit(&P, c, &o)))
            goto fail;
    } else {
        WARN(c, "no parameter could be fitted: the calibrated scenario equals the input");
    }
    /* the fitted run */
    for (int k = 0; k < P.p; k++)
        apply_one(&P, P.map[k], P.par[P.map[k]].theta);
    if (jz_model_run(c->fitted, P.ws, c->result, err) != JZ_OK) {
        rc = err->status;
        goto fail;
    }
    for (int i = 0; i < c->n_obs; i++) {
        jz_calib_obs *ob = &c->obs[i];
        ob->model = jz_calib_model_value(c->fitted, c->result, ob->series, ob->g, ob->z,
                                         ob->year - s->meta.base_year);
    }
    if (P.p == 0) {
        double chisq = 0.0;
        for (int i = 0; i < c->n_obs; i++) {
            double d = (c->obs[i].model - c->obs[i].observed) / c->obs[i].scale;
            chisq += d * d;
        }
        c->chisq0 = c->chisq = chisq;
        c->dof = n_used(c->obs, c->n_obs);
        c->sigma = c->dof > 0 ? sqrt(chisq / c->dof) : NAN;
    }
    fill_values(&P);
    for (int j = 0; j < P.np; j++) {
        const jz_calib_param *q = &P.par[j];
        if (!q->fitted)
            continue;
        int level = q->kind <= JZ_PK_START;
        double f = level ? exp(q->theta) : 0.0;
        if (level && q->kind == JZ_PK_START && !q->is_factor && q->initial > 0)
            f = q->value / q->initial;
        if ((level && (f > 3.0 || f < 1.0 / 3.0)) || (!level && fabs(q->value) > 0.25))
            WARN(c, "implausible: %s of %s, %s moved to %s%.4g (from %.4g); with few observations "
                    "the fit may trade one parameter for another: check the data or fit fewer groups",
                 kind_key[q->kind], s->gemeenten[q->g].code,
                 q->z >= 0 ? s->zorgsoorten[q->z].key : "the other zorgsoorten (group)",
                 q->is_factor ? "factor " : "", q->value, q->initial);
    }
    if (summarise(c)) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    jz_workspace_free(P.ws);
    free(P.map);
    free(P.scratch);
    free(P.in_unit);
    free(rg);
    free(rz);
    free(own);
    free(tot);
    free(classes);
    return c;
fail:
    (void)rc;
    jz_workspace_free(P.ws);
    free(P.map);
    free(P.scratch);
    free(P.in_unit);
    if (c && !c->params)
        free(P.par);
    free(rg);
    free(rz);
    free(own);
    free(tot);
    free(classes);
    jz_calib_free(c);
    return NULL;
}
