/*
 * cmd_mc.c - `jzsim mc`: Monte Carlo bands of a scenario's cost and tekort.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "jzsim/mc.h"

/* The options of mc itself (the table below reads them): --draws, --seed,
 * --threads, --threshold, --keep-draws. */
typedef struct mc_args {
    jz_mc_options o;
    const char *keep; /* --keep-draws FILE */
} mc_args;

static const char usage[] =
    "Usage: jzsim mc [options] SCENARIO.yaml\n"
    "\n"
    "Draws the scenario's uncertain inputs (written as distributions, e.g.\n"
    "zorgduur: {dist: normal, mean: 10, sd: 1.5}; docs/uncertainty.md) many times,\n"
    "projects every draw, and prints per year P5, P25, P50, P75, P95 and the mean\n"
    "of the total cost, the tekort, the beinvloedbaar tekort and the unique clients,\n"
    "the cost per zorgsoort, and the chance that the tekort stays below a threshold.\n"
    "The same seed gives the same figures, whatever the number of threads.\n"
    "The base year is realisatie: every input keeps its value there, and a draw\n"
    "moves the years after it.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    {CLI_OPT_LONG, "--draws", "N",
        "number of draws (default 1000)",
        offsetof(mc_args, o.draws), 1, 100000000L},
    {CLI_OPT_SEED, "--seed", "S",
        "seed of the random streams, 0 to 4294967295 (default 1);\n"
        "recorded in the output",
        offsetof(mc_args, o.seed), 0, 0},
    {CLI_OPT_INT, "--threads", "T",
        "worker threads (default: all cores); does not change the result",
        offsetof(mc_args, o.threads), 1, 256},
    {CLI_OPT_MONEY, "--threshold", "EUR",
        "report P(tekort < EUR) per year (default 0), e.g. 2.5M",
        offsetof(mc_args, o.threshold), 0, 0},
    {CLI_OPT_STRING, "--keep-draws", "FILE",
        "also write every draw (inputs and figures) as CSV to FILE",
        offsetof(mc_args, keep), 0, 0},
    CLI_COMMON("--gemeente", "G",
        "one gemeente by CBS code or name (default: the total)"),
    CLI_COMMON("--format", "F",
        "table (default), csv or json"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en: labels and numbers of the table"),
    CLI_COMMON("--locale", "L",
        "CSV: nl gives ';' and decimal commas (Dutch Excel)"),
    CLI_OUTPUT_ROW,
    CLI_COMMON("--quiet", NULL,
        "no warnings and no progress bar on stderr"),
    CLI_END,
};

static const char trailer[] =
    "\n"
    "A progress bar is shown on stderr when it is a terminal.\n"
    "\n"
    "Examples:\n"
    "  jzsim mc --draws 10000 --seed 42 scenarios/example-onzeker.yaml\n"
    "  jzsim mc --draws 5000 --threshold 1M --format csv -o banden.csv \\\n"
    "      scenarios/example-onzeker.yaml\n"
    "  jzsim mc --draws 2000 --keep-draws trekkingen.csv --format json \\\n"
    "      scenarios/example-onzeker.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

static const cli_spec spec = {
    .cmd = "mc",
    .usage = usage,
    .options = options,
    .help_col = 19,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC,
    .draws = 1, /* jz_mc_check_size */
    .gemeente = CLI_GEMEENTE_ONE,
    .one_hint = "; for scenarios on the same draws use 'jzsim compare --draws N'",
};

int cmd_mc(int argc, char **argv)
{
    cli_common co;
    mc_args a = {.keep = NULL};
    jz_mc_options_default(&a.o);
    int rc = cli_parse(&spec, argc, argv, &co, &a);
    if (rc != CLI_GO_ON)
        return rc;
    if (a.keep && strcmp(a.keep, "-") == 0)
        return cli_usage_error("mc", "--keep-draws needs a file name (stdout carries the bands)");

    rc = EXIT_OK;
    co.threads = a.o.threads;
    jz_scenario *s = cli_load_scenario(&spec, &co, &a.o.gemeente, &rc);
    if (!s)
        return rc;
    if (s->n_uncertain == 0 && !co.quiet)
        fprintf(stderr, "jzsim: warning: %s has no uncertain inputs; every draw equals the point run "
                        "(see docs/uncertainty.md)\n", co.path);
    unc_warn_ranges(s, co.path, co.quiet);
    a.o.keep_draws = a.keep != NULL;
    unc_progress prog;
    unc_progress_init(&prog, co.quiet);
    a.o.progress = unc_progress_cb;
    a.o.progress_ctx = &prog;

    jz_error err;
    jz_mc_result *r = NULL;
    int st = jz_mc_run(s, &a.o, &r, &err);
    unc_progress_end(&prog);
    if (st != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        jz_report_options ro;
        cli_report_options(&co, &ro);
        if (a.keep) {
            jz_report_subject draws = {.kind = JZ_REPORT_MC_DRAWS, .mc = r};
            jz_report_options dro = ro;
            dro.format = JZ_FORMAT_CSV;
            rc = cli_report(a.keep, &draws, &dro);
        }
        jz_report_subject x = {.kind = JZ_REPORT_MC, .mc = r};
        if (rc == EXIT_OK)
            rc = cli_report(co.output, &x, &ro);
        if (rc == EXIT_OK && !co.quiet)
            for (int f = 0; f < r->n_figures; f++)
                if (r->stat[f].coarse) {
                    fprintf(stderr, "jzsim: note: some percentiles lie outside the range of the first %d draws; "
                                    "their accuracy is lower than stated (docs/uncertainty.md)\n", JZ_MC_PILOT);
                    break;
                }
    }
    jz_mc_result_free(r);
    jz_scenario_free(s);
    return rc;
}
