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

static const char *const formats[] = {"table", "csv", "json", "xlsx", "html", NULL};

static const cli_spec spec = {
    .cmd = "run",
    .help = help,
    .formats = formats,
    .formats_said = "table, csv or json (or xlsx or html with -o)",
    .file_formats = (1u << FMT_XLSX) | (1u << FMT_HTML),
    .gemeente = CLI_GEMEENTE_ALL,
    .one_hint = "; to put scenarios side by side use 'jzsim compare'",
};

typedef struct run_report {
    const jz_scenario *s;
    const jz_result *r;
    const jz_report_options *ro;
    int fmt; /* FMT_TABLE, FMT_CSV or FMT_JSON */
} run_report;

static int write_report(jz_outfile *of, void *ctx, jz_error *err)
{
    static int (*const report[])(FILE *, const jz_scenario *, const jz_result *, const jz_report_options *,
                                 jz_error *) = {
        [FMT_TABLE] = jz_report_table, [FMT_CSV] = jz_report_csv, [FMT_JSON] = jz_report_json};
    const run_report *x = ctx;
    return report[x->fmt](of->fp, x->s, x->r, x->ro, err);
}

int cmd_run(int argc, char **argv)
{
    cli_common co;
    int rc = cli_parse(&spec, argc, argv, &co, NULL);
    if (rc != CLI_GO_ON)
        return rc;
    jz_report_options ro;
    cli_report_options(&co, &ro);

    rc = EXIT_OK;
    jz_scenario *s = cli_load_scenario(&spec, &co, &ro.gemeente, &rc);
    if (!s)
        return rc;
    if (co.gemeente && strcmp(co.gemeente, "all") == 0) {
        if (co.format == FMT_TABLE) {
            jz_scenario_free(s);
            return cli_usage_error("run", "--gemeente all needs --format csv or json");
        }
        ro.all_gemeenten = 1;
    }

    jz_error err;
    jz_error_clear(&err);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    if (!r || !w) {
        jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        rc = cli_fail(&err);
    } else if (jz_model_run(s, w, r, &err) != JZ_OK) {
        rc = cli_fail(&err);
    } else if (co.format == FMT_XLSX || co.format == FMT_HTML) {
        /* the comparison reporters, with a comparison of one */
        rc = cli_write_one(s, r, co.format == FMT_XLSX, ro.lang, ro.gemeente, ro.all_gemeenten, co.output);
    } else {
        run_report x = {s, r, &ro, co.format};
        rc = cli_write(co.output, write_report, &x);
    }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
    return rc;
}
