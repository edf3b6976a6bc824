/*
 * cmd_run.c - `jzsim run`: project one scenario, print the per-year results.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/compare_one.h"

static void help(void)
{
    printf("Usage: jzsim run [options] SCENARIO.yaml\n"
           "\n"
           "Projects the scenario year by year and prints volumes, costs, budget and\n"
           "tekort (deficit): for the whole scenario, or for one gemeente.\n"
           "\n"
           "Options:\n"
           "  --format F     table (default, for reading), csv or json (for machines);\n"
           "                 xlsx (workbook with every assumption) or html (briefing with\n"
           "                 charts), both with -o; see also 'jzsim compare'\n"
           "  --lang L       nl (default) or en: labels and number format of the table\n"
           "  --locale L     CSV only: nl gives ';' and decimal commas for Dutch Excel,\n"
           "                 en (default) gives ',' and decimal points\n"
           "  --gemeente G   one gemeente by CBS code or name; 'all' (CSV/JSON) gives\n"
           "                 every gemeente and the total\n"
           "  -o, --output FILE  write to FILE (atomically: temp file, then rename)\n"
           "  --quiet        no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim run scenarios/example.yaml\n"
           "  jzsim run --lang en scenarios/example.yaml\n"
           "  jzsim run --format csv --locale nl -o resultaten.csv scenarios/example.yaml\n"
           "  jzsim run --format json scenarios/example.yaml | jq '.results[0].totals.tekort'\n"
           "  jzsim run --format html -o briefing.html scenarios/example.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n");
}

enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_XLSX, FMT_HTML };

int cmd_run(int argc, char **argv)
{
    const char *path = NULL, *v = NULL, *gemeente = NULL, *output = "-";
    int fmt = FMT_TABLE, quiet = 0, k;
    jz_report_options ro;
    jz_report_options_default(&ro);
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if ((k = cli_opt_value("run", argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "table") == 0)
                fmt = FMT_TABLE;
            else if (strcmp(v, "csv") == 0)
                fmt = FMT_CSV;
            else if (strcmp(v, "json") == 0)
                fmt = FMT_JSON;
            else if (strcmp(v, "xlsx") == 0)
                fmt = FMT_XLSX;
            else if (strcmp(v, "html") == 0)
                fmt = FMT_HTML;
            else
                return cli_usage_error("run", "--format must be table, csv or json (or xlsx or html with -o), got '%s'", v);
        } else if ((k = cli_opt_value("run", argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang("run", v, &ro.lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("run", argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("run", "--locale must be nl or en, got '%s'", v);
            ro.csv_nl = strcmp(v, "nl") == 0;
        } else if ((k = cli_opt_value("run", argc, argv, &i, "--gemeente", &gemeente))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("run", argc, argv, &i, "--output", &output)) ||
                   (k = cli_opt_value("run", argc, argv, &i, "-o", &output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("run", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("run", "one scenario at a time; to put scenarios side by side use 'jzsim compare'");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("run", "no scenario file given");
    if ((fmt == FMT_XLSX || fmt == FMT_HTML) && strcmp(output, "-") == 0)
        return cli_usage_error("run", "--format %s needs -o FILE", fmt == FMT_XLSX ? "xlsx" : "html");

    int rc = EXIT_OK;
    jz_scenario *s = cli_load(path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, quiet);
    if (gemeente) {
        if (strcmp(gemeente, "all") == 0) {
            if (fmt == FMT_TABLE) {
                jz_scenario_free(s);
                return cli_usage_error("run", "--gemeente all needs --format csv or json");
            }
            ro.all_gemeenten = 1;
        } else if ((ro.gemeente = jz_scenario_gemeente_index(s, gemeente)) < 0) {
            jz_scenario_free(s);
            return cli_usage_error("run", "no gemeente '%s' in %s", gemeente, path);
        }
    }

    jz_error err;
    jz_error_clear(&err);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_outfile of = {0};
    if (!r || !w) {
        jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        rc = cli_fail(&err);
    } else if (jz_model_run(s, w, r, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else if (fmt == FMT_XLSX || fmt == FMT_HTML) {
        /* the comparison reporters, with a comparison of one */
        rc = cli_write_one(s, r, fmt == FMT_XLSX, ro.lang, ro.gemeente, ro.all_gemeenten, output);
    } else if (jz_outfile_open(&of, output, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        int st = fmt == FMT_CSV    ? jz_report_csv(of.fp, s, r, &ro, &err)
                 : fmt == FMT_JSON ? jz_report_json(of.fp, s, r, &ro, &err)
                                   : jz_report_table(of.fp, s, r, &ro, &err);
        if (st == JZ_OK)
            st = jz_outfile_commit(&of, &err);
        else
            jz_outfile_abort(&of);
        if (st != JZ_OK)
            rc = cli_fail(&err);
    }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
    return rc;
}
