/*
 * cmd_mc.c - `jzsim mc`: Monte Carlo bands of a scenario's cost and tekort.
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

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

int cmd_mc(int argc, char **argv)
{
    const char *path = NULL, *v = NULL, *gemeente = NULL, *output = "-", *keep = NULL;
    int quiet = 0, k, csv_nl = 0;
    jz_mc_format fmt = JZ_MCFMT_TABLE;
    jz_lang lang = JZ_LANG_NL;
    jz_mc_options o;
    jz_mc_options_default(&o);
    for (int i = 1; i < argc; i++) {
        long n;
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if ((k = cli_opt_value("mc", argc, argv, &i, "--draws", &v))) {
            if (k < 0 || unc_cli_long("mc", "--draws", v, 1, 100000000L, &o.draws))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--seed", &v))) {
            if (k < 0 || unc_cli_seed("mc", v, &o.seed))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--threads", &v))) {
            if (k < 0 || unc_cli_long("mc", "--threads", v, 1, 256, &n))
                return EXIT_INPUT;
            o.threads = (int)n;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--threshold", &v))) {
            if (k < 0 || unc_cli_money("mc", "--threshold", v, &o.threshold))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--keep-draws", &keep)) ||
                   (k = cli_opt_value("mc", argc, argv, &i, "--gemeente", &gemeente)) ||
                   (k = cli_opt_value("mc", argc, argv, &i, "--output", &output)) ||
                   (k = cli_opt_value("mc", argc, argv, &i, "-o", &output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "table") == 0)
                fmt = JZ_MCFMT_TABLE;
            else if (strcmp(v, "csv") == 0)
                fmt = JZ_MCFMT_CSV;
            else if (strcmp(v, "json") == 0)
                fmt = JZ_MCFMT_JSON;
            else
                return cli_usage_error("mc", "--format must be table, csv or json, got '%s'", v);
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang("mc", v, &lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("mc", argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("mc", "--locale must be nl or en, got '%s'", v);
            csv_nl = strcmp(v, "nl") == 0;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("mc", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("mc", "one scenario at a time; for scenarios on the same draws use "
                                         "'jzsim compare --draws N'");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("mc", "no scenario file given");
    if (keep && strcmp(keep, "-") == 0)
        return cli_usage_error("mc", "--keep-draws needs a file name (stdout carries the bands)");

    gsl_set_error_handler_off();
    int rc = EXIT_OK;
    jz_scenario *s = cli_load(path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, quiet);
    if (gemeente && (o.gemeente = jz_scenario_gemeente_index(s, gemeente)) < 0) {
        jz_scenario_free(s);
        return cli_usage_error("mc", "no gemeente '%s' in %s", gemeente, path);
    }
    if (s->n_uncertain == 0 && !quiet)
        fprintf(stderr, "jzsim: warning: %s has no uncertain inputs; every draw equals the point run "
                        "(see docs/uncertainty.md)\n", path);
    o.keep_draws = keep != NULL;
    unc_progress prog;
    unc_progress_init(&prog, quiet);
    o.progress = unc_progress_cb;
    o.progress_ctx = &prog;

    jz_error err;
    jz_mc_result *r = NULL;
    int st = jz_mc_run(s, &o, &r, &err);
    unc_progress_end(&prog);
    if (st != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        jz_outfile of, kf;
        if (keep) {
            if ((st = jz_outfile_open(&kf, keep, &err)) == JZ_OK) {
                st = jz_report_mc_draws(kf.fp, r, csv_nl, &err);
                if (st == JZ_OK)
                    st = jz_outfile_commit(&kf, &err);
                else
                    jz_outfile_abort(&kf);
            }
        }
        if (st == JZ_OK && (st = jz_outfile_open(&of, output, &err)) == JZ_OK) {
            st = jz_report_mc(of.fp, r, fmt, lang, csv_nl, &err);
            if (st == JZ_OK)
                st = jz_outfile_commit(&of, &err);
            else
                jz_outfile_abort(&of);
        }
        if (st != JZ_OK)
            rc = cli_fail(&err);
        else if (!quiet)
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
