/*
 * bands.c - uncertainty bands (P5/P50/P95) attached to a comparison.
 *
 * The figures of a comparison are single model runs; their uncertainty
 * comes from elsewhere (the Monte Carlo analysis).  This file is the one
 * door for it: jz_cmp_set_band() for code that has the percentiles in
 * memory, jz_cmp_read_bands() for a CSV file written by another run:
 *
 *   scenario,gemeente_code,year,metric,p5,p50,p95
 *   1,TOTAL,2026,tekort,8.1e6,9.4e6,11.2e6
 *
 * `scenario` is the 1-based position on the command line, the scenario's
 * file path or its meta.name; `gemeente_code` a CBS code, or TOTAL or empty
 * for the region total; `metric` a gemeente-level key (docs/output-format.md).
 * ';' separated files with decimal commas (Dutch Excel) are read too.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/compare.h"

int jz_cmp_set_band(jz_comparison *c, int m, int u, int s, int year, double p5, double p50,
                    double p95, jz_error *err)
{
    if (m < 0 || m >= JZ_CMP_N_GEMEENTE)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "bands: metric %d is not a gemeente-level metric", m);
    if (u < 0 || u >= c->n_units || s < 0 || s >= c->n_scenarios)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "bands: no such gemeente or scenario");
    int y = year - c->first_year;
    if (year < c->scen[s].first_year || year > c->scen[s].last_year)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                            "bands: year %d is outside scenario %d's horizon %d-%d", year, s + 1,
                            c->scen[s].first_year, c->scen[s].last_year);
    if (!isfinite(p5) || !isfinite(p50) || !isfinite(p95) || p5 > p50 || p50 > p95)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                            "bands: need finite P5 <= P50 <= P95, got %g, %g, %g", p5, p50, p95);
    jz_cmp_bands *b = &c->bands[m];
    if (!b->p) {
        size_t n = (size_t)c->n_units * (size_t)c->n_scenarios * (size_t)c->n_years * 3;
        if (!(b->p = malloc(n * sizeof *b->p)))
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (size_t i = 0; i < n; i++)
            b->p[i] = NAN;
    }
    double *p = b->p + (((size_t)u * (size_t)c->n_scenarios + (size_t)s) * (size_t)c->n_years + (size_t)y) * 3;
    if (isnan(p[0]))
        b->n_set++;
    p[0] = p5;
    p[1] = p50;
    p[2] = p95;
    return JZ_OK;
}

int jz_cmp_band(const jz_comparison *c, int m, int u, int s, int y, double out[3])
{
    if (m < 0 || m >= JZ_CMP_N_GEMEENTE || !c->bands[m].p || u < 0 || u >= c->n_units ||
        s < 0 || s >= c->n_scenarios || y < 0 || y >= c->n_years)
        return 0;
    const double *p = c->bands[m].p +
                      (((size_t)u * (size_t)c->n_scenarios + (size_t)s) * (size_t)c->n_years + (size_t)y) * 3;
    if (isnan(p[0]))
        return 0;
    memcpy(out, p, 3 * sizeof *p);
    return 1;
}

int jz_cmp_has_bands(const jz_comparison *c, int m)
{
    return m >= 0 && m < JZ_CMP_N_GEMEENTE && c->bands[m].p && c->bands[m].n_set > 0;
}

/* ---- the CSV reader ---- */

enum { F_SCENARIO, F_GEMEENTE, F_YEAR, F_METRIC, F_P5, F_P50, F_P95, F_N };
static const char *const field_names[F_N] = {"scenario", "gemeente_code", "year", "metric",
                                             "p5", "p50", "p95"};

/* Split line in place at sep, honouring "quoted" fields; fills start
 * columns (1-based) too.  Returns the number of fields, or -1 when there
 * are more than max. */
static int split(char *line, char sep, char **f, int *col, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return -1;
        col[n] = (int)(p - line) + 1;
        if (*p == '"') {
            char *w = p, *r = p + 1;
            f[n++] = w;
            while (*r) {
                if (*r == '"' && r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                } else if (*r == '"') {
                    r++;
                    break;
                } else {
                    *w++ = *r++;
                }
            }
            char *next = strchr(r, sep);
            *w = '\0';
            if (!next)
                return n;
            p = next + 1;
        } else {
            f[n++] = p;
            char *next = strchr(p, sep);
            if (!next)
                return n;
            *next = '\0';
            p = next + 1;
        }
    }
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    return s;
}

static int parse_number(char *s, int comma_decimal, double *v)
{
    if (comma_decimal)
        for (char *p = s; *p; p++)
            if (*p == ',')
                *p = '.';
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return end != s && *end == '\0' && errno == 0 && isfinite(*v);
}

int jz_cmp_read_bands(jz_comparison *c, const char *path, jz_error *err)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the bands file: %s", strerror(errno));
    char line[4096];
    char *f[F_N + 1];
    int col[F_N + 1];
    int lineno = 0, rc = JZ_OK;
    char sep = ',';
    while (rc == JZ_OK && fgets(line, sizeof line, fp)) {
        lineno++;
        if (!strchr(line, '\n') && !feof(fp)) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, 0, "line longer than %d characters",
                              (int)sizeof line - 2);
            break;
        }
        char *t = trim(line);
        if (lineno == 1) {
            /* the header tells the separator; a UTF-8 BOM from Excel is skipped */
            if ((unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBB && (unsigned char)t[2] == 0xBF)
                t += 3;
            sep = strchr(t, ';') ? ';' : ',';
            int n = split(t, sep, f, col, F_N + 1);
            int good = n == F_N;
            for (int i = 0; good && i < F_N; i++)
                good = strcmp(trim(f[i]), field_names[i]) == 0;
            if (!good)
                rc = jz_error_set(err, JZ_EINPUT, path, 1, 1,
                                  "the header must be scenario,gemeente_code,year,metric,p5,p50,p95");
            continue;
        }
        if (!*t)
            continue;
        int n = split(t, sep, f, col, F_N + 1);
        if (n != F_N) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, 0, "expected %d fields, got %s", F_N,
                              n < 0 ? "more" : (n == 1 ? "1" : "fewer"));
            break;
        }
        for (int i = 0; i < F_N; i++)
            f[i] = trim(f[i]);
        int s = jz_cmp_scenario_index(c, f[F_SCENARIO]);
        if (s < 0) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, col[F_SCENARIO],
                              "no scenario '%s' in this comparison (give its position 1-%d, file or name)",
                              f[F_SCENARIO], c->n_scenarios);
            break;
        }
        int u = f[F_GEMEENTE][0] ? jz_cmp_unit_index(c, f[F_GEMEENTE]) : c->total_unit;
        if (u < 0) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, col[F_GEMEENTE],
                              "no gemeente '%s' in this comparison", f[F_GEMEENTE]);
            break;
        }
        char *end;
        long year = strtol(f[F_YEAR], &end, 10);
        if (end == f[F_YEAR] || *end || year < 1000 || year > 9999) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, col[F_YEAR], "year must be a whole number, got '%s'",
                              f[F_YEAR]);
            break;
        }
        int m = jz_cmp_metric_index(f[F_METRIC], 0);
        if (m < 0) {
            rc = jz_error_set(err, JZ_EINPUT, path, lineno, col[F_METRIC],
                              "unknown metric '%s' (a gemeente-level key such as tekort)", f[F_METRIC]);
            break;
        }
        double p[3];
        for (int k = 0; k < 3 && rc == JZ_OK; k++)
            if (!parse_number(f[F_P5 + k], sep == ';', &p[k]))
                rc = jz_error_set(err, JZ_EINPUT, path, lineno, col[F_P5 + k], "%s must be a number, got '%s'",
                                  field_names[F_P5 + k], f[F_P5 + k]);
        if (rc)
            break;
        if ((rc = jz_cmp_set_band(c, m, u, s, (int)year, p[0], p[1], p[2], err))) {
            /* the setter's message, with the place in the file */
            err->line = lineno;
            snprintf(err->file, sizeof err->file, "%s", path);
        }
    }
    if (rc == JZ_OK && ferror(fp))
        rc = jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the bands file");
    fclose(fp);
    if (rc == JZ_OK && lineno == 0)
        rc = jz_error_set(err, JZ_EINPUT, path, 0, 0, "the bands file is empty");
    return rc;
}
