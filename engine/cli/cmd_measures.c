/*
 * cmd_measures.c - `jzsim measures`: what each measure of a scenario buys,
 * ranked, with payback year, saving per euro, the certain part and the
 * interaction between measures (engine/analysis/measures.c computes,
 * engine/report/measures_*.c format).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/measures.h"

static const char usage[] =
    "Usage: jzsim measures [options] SCENARIO.yaml\n"
    "\n"
    "Attributes the effect of the scenario's measures (Hervormingsagenda and local\n"
    "verbeterkansen) on the cost: the model is run with and without each measure and\n"
    "the combined saving is split over the measures by Shapley values, so that the\n"
    "parts add up to the whole.  Measures are ranked by net saving over the horizon\n"
    "(saving - investment), with payback year, saving per euro invested, the certain\n"
    "and uncertain part, and the interaction (together - sum of each alone).\n"
    "docs/measures.md has the definitions.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_COMMON("--format", "F",
        "table (default), csv or json"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en: labels and number format of the table"),
    CLI_COMMON("--locale", "L",
        "CSV only: nl gives ';' and decimal commas (Dutch Excel)"),
    CLI_COMMON("--gemeente", "G",
        "one gemeente by CBS code or name (default: all together), or\n"
        "all: the region and, per measure, what it buys in each gemeente"),
    {CLI_OPT_INT, "--exact-max", "N",
        "exact Shapley values up to N local measures (default 14,\n"
        "at most " CLI_STR(JZ_MEASURES_EXACT_MAX) "); above, a sampling estimate is used and said so",
        offsetof(jz_measures_options, max_exact), 0, JZ_MEASURES_EXACT_MAX},
    {CLI_OPT_INT, "--samples", "N",
        "orders sampled for the estimate (default 1000)",
        offsetof(jz_measures_options, samples), 2, 1000000},
    CLI_OWN("--seed", "S",
        "seed of the estimate (default 20240501)"),
    CLI_OUTPUT_ROW,
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Examples:\n"
    "  jzsim measures scenarios/enschede/verbeterkansen.yaml\n"
    "  jzsim measures --lang en --gemeente GM0153 scenarios/twente/regio.yaml\n"
    "  jzsim measures --gemeente all scenarios/twente/regionale-maatregel.yaml\n"
    "  jzsim measures --format csv --locale nl -o maatregelen.csv SCENARIO.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage (also: no measures).\n";

/* A whole number in [lo, hi] from an option value; -1 after a usage error. */
static int parse_count(const char *opt, const char *v, long lo, long hi, long *out)
{
    char *end = NULL;
    long x = strtol(v, &end, 10);
    if (end == v || *end != '\0' || x < lo || x > hi) {
        cli_usage_error("measures", "%s must be a whole number from %ld to %ld, got '%s'", opt, lo, hi, v);
        return -1;
    }
    *out = x;
    return 0;
}

/* --seed (the table reads --exact-max and --samples) */
static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    jz_measures_options *mo = ctx;
    const char *v = NULL;
    long x;
    int k = cli_opt_value(cmd, argc, argv, i, "--seed", &v);
    if (k > 0) {
        if (parse_count("--seed", v, 0, 2147483647L, &x))
            return CLI_ERROR;
        mo->seed = (unsigned long)x;
    }
    return k;
}

static const cli_spec spec = {
    .cmd = "measures",
    .usage = usage,
    .options = options,
    .help_col = 18,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC,
    .gemeente = CLI_GEMEENTE_ALL,
    .own = own_option,
};

int cmd_measures(int argc, char **argv)
{
    cli_common co;
    jz_measures_options mo;
    jz_measures_options_default(&mo);
    int rc = cli_parse(&spec, argc, argv, &co, &mo);
    if (rc != CLI_GO_ON)
        return rc;
    jz_report_options ro;
    cli_report_options(&co, &ro);

    rc = EXIT_OK;
    jz_scenario *s = cli_load_scenario(&spec, &co, &mo.gemeente, &rc);
    if (!s)
        return rc;
    mo.per_gemeente = co.gemeente && strcmp(co.gemeente, "all") == 0;
    if (s->n_measures == 0) {
        fprintf(stderr, "jzsim: %s has no measures: add a measures: list (docs/measures.md)\n", co.path);
        jz_scenario_free(s);
        return EXIT_INPUT;
    }

    jz_error err;
    jz_error_clear(&err);
    jz_measures_analysis *a = NULL;
    if (jz_measures_analyse(s, &mo, &a, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        jz_report_subject x = {.kind = JZ_REPORT_MEASURES, .scenario = s, .measures = a};
        rc = cli_report(co.output, &x, &ro);
    }
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
    return rc;
}
