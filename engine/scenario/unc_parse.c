/*
 * unc_parse.c - reading a distribution or a {value, low, high} map from the
 * YAML tree into a jz_dist (docs/scenario-format.md, "Uncertainty").
 *
 * The numbers of a distribution are written in the unit of the input it
 * replaces and parsed by jz_value_number with that unit, so `5%`, `12k` and
 * `€ 3M` work as anywhere else and a zorgduur bound of 0 months is rejected
 * like a zorgduur of 0.  Spreads (sd) take the same syntax but must only be
 * >= 0.  Every check names file:line:column of the offending value.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "scenario/build.h"
#include "scenario/schema.h"
#include "scenario/schema_types.h"
#include "scenario/uncertain.h"

int jz_unc_is_value(const jz_node *n)
{
    return n && n->type == JZ_NODE_MAP && (jz_node_get(n, "dist") || jz_node_get(n, "value"));
}

/* A series written as a map: years, interpolation, {base, growth}. */
static int is_series_map(const jz_node *n)
{
    if (!n || n->type != JZ_NODE_MAP || n->n == 0)
        return 0;
    for (size_t i = 0; i < n->n; i++) {
        const char *k = n->keys[i]->scalar;
        int year = *k != '\0';
        for (const char *c = k; *c; c++)
            year &= *c >= '0' && *c <= '9';
        if (!year && strcmp(k, "interpolation") != 0 && strcmp(k, "base") != 0 && strcmp(k, "growth") != 0 &&
            strcmp(k, "source") != 0)
            return 0;
    }
    return 1;
}

static const char *dist_of(const jz_node *n)
{
    const jz_node *d = jz_node_get(n, "dist");
    return d && d->type == JZ_NODE_SCALAR ? d->scalar : "";
}

int jz_unc_replaces(const jz_node *base, const jz_node *over)
{
    int vb = jz_unc_is_value(base), vo = jz_unc_is_value(over);
    if (vo && (is_series_map(base) || (vb && strcmp(dist_of(base), dist_of(over)) != 0)))
        return 1;
    return vb && is_series_map(over);
}

int jz_unc_check_nested(const jz_node *n, const char *what, jz_error *err)
{
    if (!n || n->type != JZ_NODE_MAP || jz_unc_is_value(n))
        return JZ_OK;
    for (size_t i = 0; i < n->n; i++)
        if (jz_unc_is_value(n->values[i]))
            return jz_node_error(err, n->values[i],
                                 "%s: a distribution or range applies to a whole series, not to one year "
                                 "or part of it; write e.g. %s: {dist: normal, mean: ..., sd: ...} "
                                 "(the same draw in every year), or keep the year map fixed",
                                 what, strrchr(what, '.') ? strrchr(what, '.') + 1 : what);
    return JZ_OK;
}

#define SRC {"source", 0, "a source note"}
static const jz_key keys_none[] = {
    {"value", 1, "the point value used by jzsim run, e.g. value: 10"},
    {"low", 1, "the low end of the range for the sensitivity analysis"},
    {"high", 1, "the high end of the range for the sensitivity analysis"},
    SRC, {NULL, 0, NULL}};
static const jz_key keys_normal[] = {
    {"dist", 1, ""}, {"mean", 1, "the mean, e.g. mean: 10"},
    {"sd", 1, "the standard deviation, e.g. sd: 1.5"},
    {"low", 0, "truncate below this value"}, {"high", 0, "truncate above this value"},
    {"value", 0, "the point value (default: mean)"}, SRC, {NULL, 0, NULL}};
static const jz_key keys_lognormal[] = {
    {"dist", 1, ""}, {"median", 0, "the median, with sd_log"},
    {"sd_log", 0, "the standard deviation of ln(x), e.g. sd_log: 0.2"},
    {"mean", 0, "the mean, with sd"}, {"sd", 0, "the standard deviation, with mean"},
    {"low", 0, "truncate below this value"}, {"high", 0, "truncate above this value"},
    {"value", 0, "the point value (default: the median or mean as written)"}, SRC, {NULL, 0, NULL}};
static const jz_key keys_uniform[] = {
    {"dist", 1, ""}, {"low", 1, "the lowest value"}, {"high", 1, "the highest value"},
    {"value", 0, "the point value (default: the midpoint)"}, SRC, {NULL, 0, NULL}};
static const jz_key keys_triangular[] = {
    {"dist", 1, ""}, {"low", 1, "the lowest value"}, {"mode", 1, "the most likely value"},
    {"high", 1, "the highest value"}, {"value", 0, "the point value (default: mode)"}, SRC, {NULL, 0, NULL}};
static const jz_key keys_pert[] = {
    {"dist", 1, ""}, {"low", 1, "the lowest value"}, {"mode", 1, "the most likely value"},
    {"high", 1, "the highest value"}, {"shape", 0, "weight of the mode, default 4"},
    {"value", 0, "the point value (default: mode)"}, SRC, {NULL, 0, NULL}};
#undef SRC

static const jz_key dist_names[] = {
    {"normal", 0, ""}, {"lognormal", 0, ""}, {"uniform", 0, ""},
    {"triangular", 0, ""}, {"pert", 0, ""}, {NULL, 0, NULL}};
static const int dist_kinds[] = {JZ_DIST_NORMAL, JZ_DIST_LOGNORMAL, JZ_DIST_UNIFORM,
                                 JZ_DIST_TRIANGULAR, JZ_DIST_PERT};
static const jz_key *const dist_keys[] = {keys_none, keys_normal, keys_lognormal,
                                          keys_uniform, keys_triangular, keys_pert};

/* The valid range of a unit, as value.c checks it (open ends as closed). */
static void unit_range(jz_unit u, double *lo, double *hi)
{
    int lo_open;
    jz_unit_range(u, lo, hi, &lo_open);
}

/* The unit a spread (sd) is written in: the same syntax, only >= 0. */
static jz_unit spread_unit(jz_unit u)
{
    switch (u) {
    case JZ_U_MONTHS: return JZ_U_FACTOR;
    case JZ_U_RATE: return JZ_U_FRACTION;
    default: return u;
    }
}

typedef struct reader {
    const jz_node *map;
    jz_unit u;
    const char *what;
    jz_error *err;
} reader;

/* Key `key` as a number of the input's unit; *have = 0 when absent. */
static int num(const reader *r, const char *key, double *out, int *have)
{
    const jz_node *n = jz_node_get(r->map, key);
    *have = n != NULL;
    if (!n)
        return JZ_OK;
    char w[300];
    snprintf(w, sizeof w, "%s %s", r->what, key);
    return jz_value_number(n, r->u, w, out, r->err);
}

static int spread(const reader *r, const char *key, jz_unit u, double *out, int *have)
{
    const jz_node *n = jz_node_get(r->map, key);
    *have = n != NULL;
    if (!n)
        return JZ_OK;
    if (n->type == JZ_NODE_SCALAR) {
        const char *t = n->scalar;
        while (*t == ' ')
            t++;
        if (*t == '-')
            return jz_node_error(r->err, n, "%s %s must be >= 0 (it is a spread), got %s", r->what, key,
                                 n->scalar);
    }
    char w[300];
    snprintf(w, sizeof w, "%s %s", r->what, key);
    return jz_value_number(n, u, w, out, r->err);
}

/* An error at key `key` of the map (at the map when the key is absent). */
static int at_key(const reader *r, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int at_key(const reader *r, const char *key, const char *fmt, ...)
{
    const jz_node *n = jz_node_get(r->map, key);
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return jz_node_error(r->err, n ? n : r->map, "%s: %s", r->what, msg);
}

/* Probability that the untruncated normal score lies outside [a, b]. */
static double outside(double a, double b)
{
    double pa = isinf(a) ? 0.0 : gsl_cdf_ugaussian_P(a);
    double qb = isinf(b) ? 0.0 : gsl_cdf_ugaussian_Q(b);
    return pa + qb;
}

/* Normal and lognormal: bounds as scores, truncation, checks, warnings. */
static int bounds_normal(const reader *r, jz_dist *d, int have_lo, double lo, int have_hi, double hi,
                         jz_scenario *s)
{
    double ulo, uhi;
    unit_range(r->u, &ulo, &uhi);
    d->low = have_lo ? lo : ulo;
    d->high = have_hi ? hi : uhi;
    if (jz_dist_is_fixed(d))
        return JZ_OK;
    double a, b, ua, ub; /* the bounds, and the unit's range alone, as scores */
    if (d->kind == JZ_DIST_NORMAL) {
        a = isinf(d->low) ? -INFINITY : (d->low - d->mean) / d->sd;
        b = isinf(d->high) ? INFINITY : (d->high - d->mean) / d->sd;
        ua = isinf(ulo) ? -INFINITY : (ulo - d->mean) / d->sd;
        ub = isinf(uhi) ? INFINITY : (uhi - d->mean) / d->sd;
    } else {
        a = d->low > 0.0 ? (log(d->low) - d->mu) / d->sigma : -INFINITY;
        b = isinf(d->high) ? INFINITY : (log(d->high) - d->mu) / d->sigma;
        ua = ulo > 0.0 ? (log(ulo) - d->mu) / d->sigma : -INFINITY;
        ub = isinf(uhi) ? INFINITY : (log(uhi) - d->mu) / d->sigma;
    }
    d->t_lo = a;
    d->t_hi = b;
    d->truncated = !isinf(a) || !isinf(b);
    double kept = 1.0 - outside(a, b);
    if (!(kept > 1e-9))
        return jz_node_error(r->err, r->map,
                             "%s: the bounds %g to %g leave almost none of the %s distribution "
                             "(probability %.2g); move them towards the %s",
                             r->what, d->low, d->high, jz_dist_name(d->kind), kept,
                             d->kind == JZ_DIST_NORMAL ? "mean" : "median");
    /* the unit's range cuts the distribution where the user did not */
    double cut = (have_lo || isinf(ua) ? 0.0 : gsl_cdf_ugaussian_P(ua)) +
                 (have_hi || isinf(ub) ? 0.0 : gsl_cdf_ugaussian_Q(ub));
    if (cut > 0.001)
        jz_scenario_warn(s, "%s:%d: %s: %.1f%% of the %s distribution lies outside the valid range "
                            "of the input; draws are cut off there (give low/high to say so)",
                         r->map->file, r->map->line, r->what, 100.0 * cut, jz_dist_name(d->kind));
    return JZ_OK;
}

static int parse_kind(const reader *r, const jz_node *dn, int *kind)
{
    if (dn->type != JZ_NODE_SCALAR)
        return jz_node_error(r->err, dn, "%s: dist must be one of normal, lognormal, uniform, triangular, pert",
                             r->what);
    for (int i = 0; dist_names[i].key; i++)
        if (strcmp(dn->scalar, dist_names[i].key) == 0) {
            *kind = dist_kinds[i];
            return JZ_OK;
        }
    const char *sug = jz_schema_suggest(dn->scalar, dist_names);
    if (sug)
        return jz_node_error(r->err, dn, "%s: unknown distribution '%s'; did you mean '%s'? "
                             "(normal, lognormal, uniform, triangular, pert)", r->what, dn->scalar, sug);
    return jz_node_error(r->err, dn, "%s: unknown distribution '%s'; expected normal, lognormal, "
                         "uniform, triangular or pert", r->what, dn->scalar);
}

int jz_unc_parse(jz_scenario *s, const jz_node *n, jz_unit u, const char *what, jz_dist *d,
                 jz_error *err)
{
    reader r = {n, u, what, err};
    memset(d, 0, sizeof *d);
    d->low = -INFINITY;
    d->high = INFINITY;
    const jz_node *dn = jz_node_get(n, "dist");
    int kind = JZ_DIST_NONE, rc;
    if (dn && (rc = parse_kind(&r, dn, &kind)))
        return rc;
    d->kind = kind;
    char w[300];
    snprintf(w, sizeof w, kind == JZ_DIST_NONE ? "%s (a value with a range)" : "%s (a distribution)", what);
    if ((rc = jz_schema_check(n, dist_keys[kind], w, err)))
        return rc;

    double lo = 0, hi = 0, val = 0, mode = 0;
    int have_lo, have_hi, have_val, have_mode, h1, h2;
    if ((rc = num(&r, "low", &lo, &have_lo)) || (rc = num(&r, "high", &hi, &have_hi)) ||
        (rc = num(&r, "value", &val, &have_val)) || (rc = num(&r, "mode", &mode, &have_mode)))
        return rc;
    if (have_lo && have_hi && lo > hi)
        return at_key(&r, "low", "low (%g) is above high (%g)", lo, hi);
    switch (kind) {
    case JZ_DIST_NONE:
        d->low = lo;
        d->high = hi;
        d->point = val;
        break;
    case JZ_DIST_NORMAL:
        if ((rc = num(&r, "mean", &d->mean, &h1)) || (rc = spread(&r, "sd", spread_unit(u), &d->sd, &h2)))
            return rc;
        d->point = d->mean;
        if ((rc = bounds_normal(&r, d, have_lo, lo, have_hi, hi, s)))
            return rc;
        break;
    case JZ_DIST_LOGNORMAL: {
        double med = 0, sdl = 0;
        int hm, hs;
        if ((rc = num(&r, "median", &med, &hm)) || (rc = spread(&r, "sd_log", JZ_U_FACTOR, &sdl, &hs)) ||
            (rc = num(&r, "mean", &d->mean, &h1)) || (rc = spread(&r, "sd", spread_unit(u), &d->sd, &h2)))
            return rc;
        if ((hm || hs) && (h1 || h2))
            return jz_node_error(err, n, "%s: a lognormal is given by median and sd_log, or by mean and sd, not both",
                                 what);
        if (hm != hs || h1 != h2 || !(hm || h1))
            return jz_node_error(err, n, "%s: a lognormal needs median and sd_log (the sd of ln x, e.g. "
                                 "{dist: lognormal, median: 10, sd_log: 0.2}), or mean and sd", what);
        if (hm) {
            if (!(med > 0.0))
                return at_key(&r, "median", "the median of a lognormal must be > 0, got %g", med);
            d->mu = log(med);
            d->sigma = sdl;
            d->point = med;
            d->mean = med * exp(0.5 * sdl * sdl);
            d->sd = d->mean * sqrt(expm1(sdl * sdl));
        } else {
            if (!(d->mean > 0.0))
                return at_key(&r, "mean", "the mean of a lognormal must be > 0, got %g", d->mean);
            double cv = d->sd / d->mean;
            d->sigma = sqrt(log1p(cv * cv));
            d->mu = log(d->mean) - 0.5 * d->sigma * d->sigma;
            d->point = d->mean;
        }
        if ((rc = bounds_normal(&r, d, have_lo, lo, have_hi, hi, s)))
            return rc;
        break;
    }
    case JZ_DIST_UNIFORM:
        d->low = lo;
        d->high = hi;
        d->point = 0.5 * (lo + hi);
        break;
    case JZ_DIST_TRIANGULAR:
    case JZ_DIST_PERT:
        if (mode < lo || mode > hi)
            return at_key(&r, "mode", "mode must lie between low (%g) and high (%g)", lo, hi);
        d->low = lo;
        d->high = hi;
        d->mode = mode;
        d->point = mode;
        d->shape = 4.0;
        if (kind == JZ_DIST_PERT) {
            double sh;
            if ((rc = spread(&r, "shape", JZ_U_FACTOR, &sh, &h1)))
                return rc;
            if (h1) {
                if (!(sh > 0.0 && sh <= 100.0))
                    return at_key(&r, "shape", "shape must be > 0 and at most 100 (4 is the classic PERT), got %g", sh);
                d->shape = sh;
            }
            double wdt = hi - lo;
            d->alpha = wdt > 0.0 ? 1.0 + d->shape * (mode - lo) / wdt : 1.0;
            d->beta = wdt > 0.0 ? 1.0 + d->shape * (hi - mode) / wdt : 1.0;
        }
        break;
    }
    if (have_val && kind != JZ_DIST_NONE) {
        if (jz_dist_is_fixed(d) && val != d->point)
            return at_key(&r, "value", "value (%g) differs from the only value this distribution takes (%g)",
                          val, d->point);
        d->point = val;
    }
    if (d->point < d->low || d->point > d->high)
        return at_key(&r, have_val || kind == JZ_DIST_NONE ? "value" : "mean",
                      "the point value %g lies outside the bounds %g to %g", d->point, d->low, d->high);
    return JZ_OK;
}

/* For the JSON Schema (scenario/schema_types.h): distribution kind's keys. */
const jz_key *jz_unc_dist_table(int kind, const char **name)
{
    static const char *const names[] = {"none", "normal", "lognormal", "uniform", "triangular", "pert"};
    if (kind < 0 || kind >= (int)(sizeof dist_keys / sizeof dist_keys[0]))
        return NULL;
    *name = names[kind];
    return dist_keys[kind];
}
