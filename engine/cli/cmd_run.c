/*
 * cmd_run.c - `jzsim run`: project one scenario, print the per-year results.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/history.h"
#include "jzsim/intervals.h"

#include "cli/cli.h"
#include "cli/compare_one.h"

/* The options of run itself. */
typedef struct args {
    const char *history; /* --history: observed figures for the briefing */
    const char *intervals; /* --intervals: the backtest's interval table */
} args;

static const char usage[] =
    "Usage: jzsim run [options] SCENARIO.yaml\n"
    "\n"
    "Projects the scenario year by year and prints volumes, costs, budget and\n"
    "tekort (deficit): for the whole scenario, or for one gemeente.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_COMMON("--format", "F",
        "table (default, for reading), csv or json (for machines);\n"
        "xlsx (workbook with every assumption) or html (briefing with\n"
        "charts), both with -o; see also 'jzsim compare'"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en: labels and number format of the table"),
    CLI_COMMON("--locale", "L",
        "CSV only: nl gives ';' and decimal commas for Dutch Excel,\n"
        "en (default) gives ',' and decimal points"),
    CLI_COMMON("--gemeente", "G",
        "one gemeente by CBS code or name; 'all' (CSV/JSON) gives\n"
        "every gemeente and the total"),
    CLI_OUTPUT_ROW,
    {CLI_OPT_STRING, "--history", "FILE",
        "html: observed figures (a history file as for calibrate)\n"
        "drawn as points beside the projection",
        offsetof(args, history), 0, 0},
    {CLI_OPT_STRING, "--intervals", "FILE",
        "the 95% band of the backtest around the projected clients\n"
        "in care at year end, in every format (a file written by\n"
        "'jzsim backtest --rolling --save-intervals')",
        offsetof(args, intervals), 0, 0},
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Examples:\n"
    "  jzsim run scenarios/example.yaml\n"
    "  jzsim run --lang en scenarios/example.yaml\n"
    "  jzsim run --format csv --locale nl -o resultaten.csv scenarios/example.yaml\n"
    "  jzsim run --format json scenarios/example.yaml | jq '.results[0].totals.tekort'\n"
    "  jzsim run --format html -o briefing.html scenarios/example.yaml\n"
    "  jzsim run --intervals tests/data/history/synth_intervals.yaml tests/data/history/synth.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

static const cli_spec spec = {
    .cmd = "run",
    .usage = usage,
    .options = options,
    .help_col = 17,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC | CLI_FORMAT(JZ_FORMAT_XLSX) | CLI_FORMAT(JZ_FORMAT_HTML),
    .formats_said = "table, csv or json (or xlsx or html with -o)",
    .gemeente = CLI_GEMEENTE_ALL,
    .one_hint = "; to put scenarios side by side use 'jzsim compare'",
};

int cmd_run(int argc, char **argv)
{
    cli_common co;
    args a = {0};
    int rc = cli_parse(&spec, argc, argv, &co, &a);
    if (rc != CLI_GO_ON)
        return rc;
    if (a.history && co.format != JZ_FORMAT_HTML)
        return cli_usage_error("run", "--history is drawn in the briefing: it goes with --format html");
    jz_report_options ro;
    cli_report_options(&co, &ro);

    rc = EXIT_OK;
    jz_scenario *s = cli_load_scenario(&spec, &co, &ro.gemeente, &rc);
    if (!s)
        return rc;
    if (co.gemeente && strcmp(co.gemeente, "all") == 0) {
        if (co.format == JZ_FORMAT_TABLE) {
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
    } else if (!jz_report_has(JZ_REPORT_RUN, co.format)) {
        /* xlsx, html: the comparison reporters, with a comparison of one */
        jz_history *h = a.history ? jz_history_load(a.history, &err) : NULL;
        jz_intervals *iv = NULL;
        if ((a.history && !h) || (a.intervals && !(iv = jz_intervals_load(a.intervals, &err))))
            rc = cli_fail(&err);
        else
            rc = cli_write_one("run", s, r, &ro, h, iv, co.output);
        jz_intervals_free(iv);
        jz_history_free(h);
    } else {
        jz_taakveld_totals *tv = NULL;
        jz_intervals *iv = NULL;
        jz_band *band = NULL;
        if (jz_taakveld_totals_alloc(s, r, &tv, &err) != JZ_OK ||
            (a.intervals && (!(iv = jz_intervals_load(a.intervals, &err)) ||
                             jz_band_compute(iv, s, r, &band, &err) != JZ_OK))) {
            rc = cli_fail(&err);
        } else {
            jz_report_subject x = {.kind = JZ_REPORT_RUN, .scenario = s, .result = r, .taakvelden = tv,
                                   .band = band};
            rc = cli_report(co.output, &x, &ro);
        }
        jz_band_free(band);
        jz_intervals_free(iv);
        jz_taakveld_totals_free(tv);
    }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
    return rc;
}
