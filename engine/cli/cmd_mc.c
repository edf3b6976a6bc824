/*
 * cmd_mc.c - `jzsim mc`: Monte Carlo bands of a scenario's cost and tekort.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "jzsim/mc.h"

static void help(void)
{
    printf("Usage: jzsim mc [options] SCENARIO.yaml\n"
           "\n"
           "Draws the scenario's uncertain inputs (written as distributions, e.g.\n"
           "zorgduur: {dist: normal, mean: 10, sd: 1.5}; docs/uncertainty.md) many times,\n"
           "projects every draw, and prints per year P5, P25, P50, P75, P95 and the mean\n"
           "of the total cost, the tekort, the beinvloedbaar tekort and the unique clients,\n"
           "the cost per zorgsoort, and the chance that the tekort stays below a threshold.\n"
           "The same seed gives the same figures, whatever the number of threads.\n"
           "\n"
           "Options:\n"
           "  --draws N        number of draws (default 1000)\n"
           "  --seed S         seed of the random streams, 0 to 4294967295 (default 1);\n"
           "                   recorded in the output\n"
           "  --threads T      worker threads (default: all cores); does not change the result\n"
           "  --threshold EUR  report P(tekort < EUR) per year (default 0), e.g. 2.5M\n"
           "  --keep-draws FILE  also write every draw (inputs and figures) as CSV to FILE\n"
           "  --gemeente G     one gemeente by CBS code or name (default: the total)\n"
           "  --format F       table (default), csv or json\n"
           "  --lang L         nl (default) or en: labels and numbers of the table\n"
           "  --locale L       CSV: nl gives ';' and decimal commas (Dutch Excel)\n"
           "  -o, --output FILE  write to FILE (atomically: temp file, then rename)\n"
           "  --quiet          no warnings and no progress bar on stderr\n"
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
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n");
}

/* The options of mc itself: --draws, --seed, --threads, --threshold, --keep-draws. */
typedef struct mc_args {
    jz_mc_options o;
    const char *keep; /* --keep-draws FILE */
} mc_args;

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    mc_args *a = ctx;
    long threads;
    int k;
    if ((k = unc_opt_long(cmd, argc, argv, i, "--draws", 1, 100000000L, &a->o.draws)) ||
        (k = unc_opt_seed(cmd, argc, argv, i, &a->o.seed)) ||
        (k = unc_opt_money(cmd, argc, argv, i, "--threshold", &a->o.threshold)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "--keep-draws", &a->keep)))
        return k;
    if ((k = unc_opt_long(cmd, argc, argv, i, "--threads", 1, 256, &threads)) == CLI_TAKEN)
        a->o.threads = (int)threads;
    return k;
}

/* co.format indexes cli_formats_basic, which is in the order of jz_mc_format */
_Static_assert(JZ_MCFMT_TABLE == 0 && JZ_MCFMT_CSV == 1 && JZ_MCFMT_JSON == 2, "cli_formats_basic order");

static const cli_spec spec = {
    .cmd = "mc",
    .help = help,
    .formats = cli_formats_basic,
    .gemeente = CLI_GEMEENTE_ONE,
    .one_hint = "; for scenarios on the same draws use 'jzsim compare --draws N'",
    .own = own_option,
};

typedef struct mc_report {
    const jz_mc_result *r;
    const cli_common *co;
} mc_report;

static int write_draws(jz_outfile *of, void *ctx, jz_error *err)
{
    const mc_report *x = ctx;
    return jz_report_mc_draws(of->fp, x->r, x->co->locale_nl, err);
}

static int write_bands(jz_outfile *of, void *ctx, jz_error *err)
{
    const mc_report *x = ctx;
    return jz_report_mc(of->fp, x->r, (jz_mc_format)x->co->format, x->co->lang, x->co->locale_nl, err);
}

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
    jz_scenario *s = cli_load_scenario(&spec, &co, &a.o.gemeente, &rc);
    if (!s)
        return rc;
    if (s->n_uncertain == 0 && !co.quiet)
        fprintf(stderr, "jzsim: warning: %s has no uncertain inputs; every draw equals the point run "
                        "(see docs/uncertainty.md)\n", co.path);
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
        mc_report x = {r, &co};
        if (a.keep)
            rc = cli_write(a.keep, write_draws, &x);
        if (rc == EXIT_OK)
            rc = cli_write(co.output, write_bands, &x);
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
