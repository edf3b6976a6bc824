/*
 * cmd_records.c - `jzsim records`: trajectory records (an export of the
 * gemeente's administration) to the history `calibrate` reads, duration
 * fits, transitions and re-entry, and optionally a scenario.  Thin glue:
 * options, then jz_records_load -> jz_records_analyse -> the writers in
 * report/records_*.c.  Everything is computed before anything is written,
 * so bad input (exit 2) leaves no file behind.
 */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/records.h"

typedef struct opts {
    const char *history, *html, *base, *products;
    int window_start, export_date, min_count, gap, reentry, half_years;
} opts;

static const char usage[] =
    "Usage: jzsim records [options] EXPORT.csv\n"
    "\n"
    "Reads a trajectory export of the administration (one row per toewijzing or\n"
    "trajectory: client key, gemeente, zorgsoort or product code, start date, end\n"
    "date or empty, optionally cost) and reports the duration of care per zorgsoort\n"
    "(Kaplan-Meier and maximum-likelihood Erlang-k and two-branch fits, with\n"
    "running trajectories and those begun before the window taken into account)\n"
    "and the transitions and re-entry rates.  Counts below 10 are never shown.\n"
    "Client keys are only used to link rows; they appear in no output or message.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    {CLI_OPT_STRING, "--history", "FILE",
     "write the yearly history per gemeente x zorgsoort in the\n"
     "format 'jzsim calibrate --history' reads", offsetof(opts, history), 0, 0},
    CLI_OWN("--half-years", NULL, "add half-year rows to the history"),
    {CLI_OPT_STRING, "--html", "FILE", "write the curves and fits as an HTML page", offsetof(opts, html), 0, 0},
    {CLI_OPT_STRING, "--base", "SCENARIO",
     "the scenario the zorgsoorten and gemeenten must come from", offsetof(opts, base), 0, 0},
    CLI_COMMON("-o, --output", "FILE", "with --base: write a scenario that extends it with the\n"
                                       "estimates"),
    {CLI_OPT_STRING, "--products", "FILE",
     "product code mapping (code;zorgsoort); default: the iJw\n"
     "productcategorieen (docs/records.md)", offsetof(opts, products), 0, 0},
    CLI_OWN("--window-start", "DATE",
            "first day the administration covers (default: the earliest\n"
            "start date); earlier starts are left-truncated"),
    CLI_OWN("--export-date", "DATE", "day of the export (default: the latest date in the file)"),
    CLI_COMMON("--gemeente", "CODE", "the gemeente of every row when the file has no such column"),
    CLI_OWN("--min-count", "N", "withhold counts below N (default and minimum 10)"),
    {CLI_OPT_INT, "--gap", "DAYS",
     "a start in another zorgsoort within DAYS after an end is a\n"
     "transition (default 31)", offsetof(opts, gap), 1, 3650},
    {CLI_OPT_INT, "--reentry-window", "DAYS", "a return within DAYS after an end is a re-entry\n"
                                              "(default 365)", offsetof(opts, reentry), 2, 3650},
    CLI_COMMON("--format", "F", "table (default), csv or json: the report on stdout"),
    CLI_COMMON("--lang", "L", "nl (default) or en"),
    CLI_COMMON("--locale", "L", "CSV only: nl gives ';' and decimal commas"),
    CLI_COMMON("--quiet", NULL, "no warnings on stderr"),
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Examples:\n"
    "  jzsim records --window-start 2019-01-01 --history historie.csv --html duur.html export.csv\n"
    "  jzsim records --base scenarios/enschede/basis.yaml -o uit-records.yaml export.csv\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";


static int date_opt(const char *cmd, const char *name, const char *v, int *out)
{
    if (jz_day_parse(v, out))
        return cli_usage_error(cmd, "%s needs a date such as 2024-01-01, got '%s'", name, v);
    return 0;
}

static int int_opt(const char *cmd, const char *name, const char *v, int lo, int hi, int *out)
{
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < lo || n > hi)
        return cli_usage_error(cmd, "%s must be a whole number from %d to %d, got '%s'", name, lo, hi, v);
    *out = (int)n;
    return 0;
}

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    opts *o = ctx;
    const char *v = NULL;
    int k;
    if (strcmp(argv[*i], "--half-years") == 0) {
        o->half_years = 1;
        return CLI_TAKEN;
    }
    if ((k = cli_opt_value(cmd, argc, argv, i, "--window-start", &v)))
        return k < 0 || date_opt(cmd, "--window-start", v, &o->window_start) ? CLI_ERROR : k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--export-date", &v)))
        return k < 0 || date_opt(cmd, "--export-date", v, &o->export_date) ? CLI_ERROR : k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--min-count", &v))) {
        if (k > 0 && strtol(v, NULL, 10) < JZ_RECORDS_MIN_COUNT && strtol(v, NULL, 10) > 0) {
            cli_usage_error(cmd, "--min-count can only raise the threshold: at least %d, got '%s'",
                            JZ_RECORDS_MIN_COUNT, v);
            return CLI_ERROR;
        }
        return k < 0 || int_opt(cmd, "--min-count", v, JZ_RECORDS_MIN_COUNT, 1000000, &o->min_count) ? CLI_ERROR : k;
    }
    return CLI_NOT_MINE;
}

static const cli_spec spec = {
    .cmd = "records",
    .usage = usage,
    .options = options,
    .help_col = 25,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC,
    .gemeente = CLI_GEMEENTE_ONE,
    .output_is_scenario = 1,
    .own = own_option,
};

typedef struct out_ctx {
    const jz_records_analysis *a;
    const jz_scenario *base;
    const char *extends;
} out_ctx;

static int w_history(jz_outfile *of, void *ctx, jz_error *err)
{
    return jz_records_write_history(of->fp, ((const out_ctx *)ctx)->a, err);
}
static int w_scenario(jz_outfile *of, void *ctx, jz_error *err)
{
    const out_ctx *x = ctx;
    return jz_records_write_scenario(of->fp, x->a, x->base, x->extends, err);
}

int cmd_records(int argc, char **argv)
{
    opts o = {0};
    o.window_start = o.export_date = JZ_DAY_UNSET;
    cli_common co;
    int rc = cli_parse(&spec, argc, argv, &co, &o);
    if (rc != CLI_GO_ON)
        return rc;
    if (co.output && !o.base)
        return cli_usage_error("records", "-o writes a scenario that extends another: give it with --base");
    if (co.output && strcmp(co.output, "-") == 0)
        return cli_usage_error("records", "-o needs a file name (the report goes to stdout)");
    jz_error err;
    jz_error_clear(&err);
    jz_scenario *base = NULL;
    jz_product_map *map = NULL;
    jz_records *r = NULL;
    jz_records_analysis *a = NULL;
    char ext[PATH_MAX];
    if (o.base && !(base = cli_load(o.base, &rc)))
        return rc;
    if (base)
        cli_warnings(base, co.quiet);
    if (o.products && !(map = jz_product_map_load(o.products, 1, &err))) {
        rc = cli_fail(&err);
        goto done;
    }
    jz_records_options ro;
    jz_records_options_default(&ro);
    ro.window_start = o.window_start;
    ro.export_date = o.export_date;
    ro.gemeente = co.gemeente;
    ro.products = map;
    ro.scenario = base;
    ro.half_years = o.half_years;
    if (o.min_count)
        ro.min_count = o.min_count;
    if (o.gap)
        ro.transition_gap = o.gap;
    if (o.reentry)
        ro.reentry_window = o.reentry;
    if (!(r = jz_records_load(co.path, &ro, &err)) || !(a = jz_records_analyse(r, &err))) {
        rc = cli_fail(&err);
        goto done;
    }
    cli_warning_list(r->warnings, r->n_warnings, co.quiet);
    cli_warning_list(a->warnings, a->n_warnings, co.quiet);
    if (co.output && cli_extends_path(o.base, co.output, ext, sizeof ext)) {
        jz_error_set(&err, JZ_EIO, co.output, 0, 0, "cannot resolve the directory of the output or the base scenario");
        rc = cli_fail(&err);
        goto done;
    }
    out_ctx x = {a, base, ext};
    jz_report_subject subj = {.kind = JZ_REPORT_RECORDS, .scenario = base, .records = a};
    jz_report_options ro2;
    rc = EXIT_OK;
    if (o.history)
        rc = cli_write(o.history, w_history, &x);
    if (rc == EXIT_OK && o.html) {
        cli_report_options(&co, &ro2);
        ro2.format = JZ_FORMAT_HTML;
        rc = cli_report(o.html, &subj, &ro2);
    }
    if (rc == EXIT_OK && co.output)
        rc = cli_write(co.output, w_scenario, &x);
    if (rc == EXIT_OK) {
        cli_report_options(&co, &ro2);
        rc = cli_report(NULL, &subj, &ro2);
    }
done:
    jz_records_analysis_free(a);
    jz_records_free(r);
    jz_product_map_free(map);
    jz_scenario_free(base);
    return rc;
}
