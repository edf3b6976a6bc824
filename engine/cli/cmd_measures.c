/*
 * cmd_measures.c - `jzsim measures`: what each measure of a scenario buys,
 * ranked, with payback year, saving per euro, the certain part and the
 * interaction between measures (engine/analysis/measures.c computes,
 * engine/report/measures_*.c format).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/measures.h"

static void help(void)
{
    printf("Usage: jzsim measures [options] SCENARIO.yaml\n"
           "\n"
           "Attributes the effect of the scenario's measures (Hervormingsagenda and local\n"
           "verbeterkansen) on the cost: the model is run with and without each measure and\n"
           "the combined saving is split over the measures by Shapley values, so that the\n"
           "parts add up to the whole.  Measures are ranked by net saving over the horizon\n"
           "(saving - investment), with payback year, saving per euro invested, the certain\n"
           "and uncertain part, and the interaction (together - sum of each alone).\n"
           "docs/measures.md has the definitions.\n"
           "\n"
           "Options:\n"
           "  --format F      table (default), csv or json\n"
           "  --lang L        nl (default) or en: labels and number format of the table\n"
           "  --locale L      CSV only: nl gives ';' and decimal commas (Dutch Excel)\n"
           "  --gemeente G    one gemeente by CBS code or name (default: all together)\n"
           "  --exact-max N   exact Shapley values up to N local measures (default 14,\n"
           "                  at most %d); above, a sampling estimate is used and said so\n"
           "  --samples N     orders sampled for the estimate (default 1000)\n"
           "  --seed S        seed of the estimate (default 20240501)\n"
           "  -o, --output FILE  write to FILE (atomically: temp file, then rename)\n"
           "  --quiet         no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim measures scenarios/enschede/verbeterkansen.yaml\n"
           "  jzsim measures --lang en --gemeente GM0153 scenarios/twente/regio.yaml\n"
           "  jzsim measures --format csv --locale nl -o maatregelen.csv SCENARIO.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage (also: no measures).\n",
           JZ_MEASURES_EXACT_MAX);
}

enum { FMT_TABLE, FMT_CSV, FMT_JSON };

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

int cmd_measures(int argc, char **argv)
{
    const char *path = NULL, *v = NULL, *gemeente = NULL, *output = "-";
    int fmt = FMT_TABLE, quiet = 0, k;
    long x;
    jz_report_options ro;
    jz_report_options_default(&ro);
    jz_measures_options mo;
    jz_measures_options_default(&mo);
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if ((k = cli_opt_value("measures", argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "table") == 0)
                fmt = FMT_TABLE;
            else if (strcmp(v, "csv") == 0)
                fmt = FMT_CSV;
            else if (strcmp(v, "json") == 0)
                fmt = FMT_JSON;
            else
                return cli_usage_error("measures", "--format must be table, csv or json, got '%s'", v);
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang("measures", v, &ro.lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("measures", "--locale must be nl or en, got '%s'", v);
            ro.csv_nl = strcmp(v, "nl") == 0;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--gemeente", &gemeente))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--exact-max", &v))) {
            if (k < 0 || parse_count("--exact-max", v, 0, JZ_MEASURES_EXACT_MAX, &x))
                return EXIT_INPUT;
            mo.max_exact = (int)x;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--samples", &v))) {
            if (k < 0 || parse_count("--samples", v, 2, 1000000, &x))
                return EXIT_INPUT;
            mo.samples = (int)x;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--seed", &v))) {
            if (k < 0 || parse_count("--seed", v, 0, 2147483647L, &x))
                return EXIT_INPUT;
            mo.seed = (unsigned long)x;
        } else if ((k = cli_opt_value("measures", argc, argv, &i, "--output", &output)) ||
                   (k = cli_opt_value("measures", argc, argv, &i, "-o", &output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("measures", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("measures", "one scenario at a time");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("measures", "no scenario file given");

    int rc = EXIT_OK;
    jz_scenario *s = cli_load(path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, quiet);
    if (gemeente && (mo.gemeente = jz_scenario_gemeente_index(s, gemeente)) < 0) {
        jz_scenario_free(s);
        return cli_usage_error("measures", "no gemeente '%s' in %s", gemeente, path);
    }
    if (s->n_measures == 0) {
        fprintf(stderr, "jzsim: %s has no measures: add a measures: list (docs/measures.md)\n", path);
        jz_scenario_free(s);
        return EXIT_INPUT;
    }

    jz_error err;
    jz_error_clear(&err);
    jz_measures_analysis *a = NULL;
    jz_outfile of = {0};
    if (jz_measures_analyse(s, &mo, &a, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else if (jz_outfile_open(&of, output, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        int st = fmt == FMT_CSV    ? jz_report_measures_csv(of.fp, s, a, &ro, &err)
                 : fmt == FMT_JSON ? jz_report_measures_json(of.fp, s, a, &ro, &err)
                                   : jz_report_measures_table(of.fp, s, a, &ro, &err);
        if (st == JZ_OK)
            st = jz_outfile_commit(&of, &err);
        else
            jz_outfile_abort(&of);
        if (st != JZ_OK)
            rc = cli_fail(&err);
    }
    jz_measures_analysis_free(a);
    jz_scenario_free(s);
    return rc;
}
