/*
 * unc_cli.c - option parsing and the progress bar for the uncertainty
 * commands (see unc_cli.h).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/unc_cli.h"
#include "common/util.h"

/* A number with an optional k/K (thousand) or M (million) after it, as
 * strtod: *end is set past what was read (to v when nothing was); errno as
 * strtod left it. */
static double strtod_scaled(const char *v, char **end)
{
    errno = 0;
    double x = strtod(v, end);
    if (*end != v && (**end == 'k' || **end == 'K')) {
        x *= 1e3;
        ++*end;
    } else if (*end != v && **end == 'M') {
        x *= 1e6;
        ++*end;
    }
    return x;
}

int unc_cli_long(const char *cmd, const char *opt, const char *v, long lo, long hi, long *out)
{
    /* "--draws 10.000" meant ten thousand, and strtod reads 10: a run of 10
     * draws that looks fine is worse than an error */
    int groups;
    double dutch = jz_dutch_thousands(v, &groups);
    if (dutch >= 0) {
        char *e = NULL;
        double english = strtod(v, &e);
        if (*e == '\0')
            cli_usage_error(cmd, "%s '%s' is ambiguous: %.0f with a Dutch thousands dot, or %.10g; write %.0f "
                            "(no thousands separators) or %.10g", opt, v, dutch, english, dutch, english);
        else
            cli_usage_error(cmd, "%s '%s': write whole numbers without thousands separators (%.0f)", opt, v,
                            dutch);
        return -1;
    }
    char *end = NULL;
    double x = strtod_scaled(v, &end);
    if (end == v || *end != '\0' || errno || x != floor(x) || x < (double)lo || x > (double)hi) {
        cli_usage_error(cmd, "%s must be a whole number from %ld to %ld, got '%s'", opt, lo, hi, v);
        return -1;
    }
    *out = (long)x;
    return 0;
}

int unc_cli_seed(const char *cmd, const char *v, unsigned long *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long s = strtoul(v, &end, 10);
    /* 32 bits: exact in JSON and in Excel, and plenty of streams (each input
     * has its own stream per seed anyway) */
    if (end == v || *end != '\0' || errno || v[0] == '-' || s > 4294967295UL) {
        cli_usage_error(cmd, "--seed must be a whole number from 0 to 4294967295, got '%s'", v);
        return -1;
    }
    *out = s;
    return 0;
}

int unc_cli_money(const char *cmd, const char *opt, const char *v, double *out)
{
    const char *t = v;
    int neg = 0;
    while (*t == ' ')
        t++;
    if (*t == '-') {
        neg = 1;
        t++;
    }
    if (strncmp(t, "\xe2\x82\xac", 3) == 0) /* € */
        t += 3;
    while (*t == ' ')
        t++;
    char *end = NULL;
    double x = strtod_scaled(t, &end);
    if (end == t || *end != '\0' || errno || !isfinite(x) || strchr(t, ',') || t[0] == '-' || t[0] == '+') {
        cli_usage_error(cmd, "%s must be an amount in euros such as 0, -2.5M or 750k (decimal point, no "
                             "thousands separators), got '%s'", opt, v);
        return -1;
    }
    *out = neg ? -x : x;
    return 0;
}

int unc_opt_long(const char *cmd, int argc, char **argv, int *i, const char *opt, long lo, long hi, long *out)
{
    const char *v = NULL;
    int k = cli_opt_value(cmd, argc, argv, i, opt, &v);
    return k > 0 && unc_cli_long(cmd, opt, v, lo, hi, out) ? CLI_ERROR : k;
}

int unc_opt_seed(const char *cmd, int argc, char **argv, int *i, unsigned long *out)
{
    const char *v = NULL;
    int k = cli_opt_value(cmd, argc, argv, i, "--seed", &v);
    return k > 0 && unc_cli_seed(cmd, v, out) ? CLI_ERROR : k;
}

int unc_opt_money(const char *cmd, int argc, char **argv, int *i, const char *opt, double *out)
{
    const char *v = NULL;
    int k = cli_opt_value(cmd, argc, argv, i, opt, &v);
    return k > 0 && unc_cli_money(cmd, opt, v, out) ? CLI_ERROR : k;
}

void unc_progress_init(unc_progress *p, int quiet)
{
    p->enabled = !quiet && isatty(fileno(stderr));
    p->last = -1;
}

void unc_progress_cb(void *ctx, long done, long total)
{
    unc_progress *p = ctx;
    if (!p->enabled || total <= 0)
        return;
    int pct = (int)(100.0 * (double)done / (double)total);
    if (pct == p->last)
        return;
    p->last = pct;
    char bar[41];
    int fill = pct * 40 / 100;
    for (int i = 0; i < 40; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[40] = '\0';
    fprintf(stderr, "\r  [%s] %3d%%  %ld/%ld", bar, pct, done, total);
    fflush(stderr);
}

void unc_progress_end(unc_progress *p)
{
    if (p->enabled && p->last >= 0) {
        fprintf(stderr, "\r%70s\r", "");
        fflush(stderr);
    }
}

void unc_warn_ranges(const jz_scenario *s, const char *path, int quiet)
{
    int ranges = 0;
    const jz_uncertain *first = NULL;
    for (int i = 0; i < s->n_uncertain; i++)
        if (s->uncertain[i].dist.kind == JZ_DIST_NONE && ranges++ == 0)
            first = &s->uncertain[i];
    /* only when every uncertain input is a range: bands of no width.  Some
     * ranges beside distributions are a choice (the shipped example keeps
     * one for the tornado); mc's list of inputs says they are not drawn. */
    if (quiet || !first || ranges < s->n_uncertain)
        return;
    char which[160];
    snprintf(which, sizeof which, ranges == 1 ? "it is the only uncertain input"
                                              : "all %d uncertain inputs are such ranges", ranges);
    fprintf(stderr,
            "jzsim: warning: %s: %s {value: %.15g, low: %.15g, high: %.15g} is a range without a distribution: "
            "the draws keep it at its value (a range is for jzsim sensitivity); %s, so every draw equals the point "
            "run and a band has no width. For a band, write a distribution, e.g. {dist: triangular, low: %.15g, "
            "mode: %.15g, high: %.15g} (docs/uncertainty.md)\n",
            path, first->path, first->dist.point, first->dist.low, first->dist.high, which, first->dist.low,
            first->dist.point, first->dist.high);
}
