/*
 * cmd_sensitivity.c - `jzsim sensitivity`: which assumptions move the
 * tekort most (tornado), and the break-even value of one assumption.
 */
#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "jzsim/sensitivity.h"

/* The options of sensitivity itself: --year, --target, --break-even. */
typedef struct sens_args {
    int year;            /* 0: the last year */
    double target;
    const char *be_path; /* --break-even PATH */
} sens_args;

static const char usage[] =
    "Usage: jzsim sensitivity [options] SCENARIO.yaml\n"
    "\n"
    "One-way sensitivity of the tekort: every input that has a range\n"
    "({value: 10, low: 8, high: 13}) or a distribution (its P5 and P95) is set to\n"
    "its low and its high value with all else at the point values; the swing of\n"
    "the tekort in one year and summed over the years, sorted by swing: the data\n"
    "of a tornado chart.  With --break-even, the value of one input at which the\n"
    "tekort in that year reaches 0 (or --target), within the input's bounds.\n"
    "The base year is realisatie: an input keeps its value there and moves the\n"
    "years after it, so the base year's tekort has no swing.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    {CLI_OPT_INT, "--year", "Y",
        "the year of the swing and the break-even (default: the last;\n"
        "the briefing of compare uses its summary year: the begrotingsjaar,\n"
        "else the last year every scenario has)",
        offsetof(sens_args, year), 1900, 2200},
    {CLI_OPT_STRING, "--break-even", "PATH",
        "the input, by its path, e.g. zorgsoorten[ambulant].zorgduur\n"
        "(the paths are listed by 'jzsim sensitivity' itself)",
        offsetof(sens_args, be_path), 0, 0},
    {CLI_OPT_MONEY, "--target", "EUR",
        "break-even: the tekort to reach (default 0), e.g. -1M",
        offsetof(sens_args, target), 0, 0},
    CLI_COMMON("--gemeente", "G",
        "one gemeente by CBS code or name (default: the total)"),
    CLI_COMMON("--format", "F",
        "table (default), csv, json, or html (a page with the tornado\n"
        "chart; needs -o)"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en"),
    CLI_COMMON("--locale", "L",
        "CSV: nl gives ';' and decimal commas (Dutch Excel)"),
    CLI_OUTPUT_ROW,
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Examples:\n"
    "  jzsim sensitivity scenarios/example-onzeker.yaml\n"
    "  jzsim sensitivity --year 2026 --format html -o tornado.html scenarios/example-onzeker.yaml\n"
    "  jzsim sensitivity --break-even 'zorgsoorten[ambulant].zorgduur' scenarios/example-onzeker.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

static const cli_spec spec = {
    .cmd = "sensitivity",
    .usage = usage,
    .options = options,
    .help_col = 21,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC | CLI_FORMAT(JZ_FORMAT_HTML),
    .rolling = 1,
    .gemeente = CLI_GEMEENTE_ONE,
};

int cmd_sensitivity(int argc, char **argv)
{
    cli_common co;
    sens_args a = {0, 0.0, NULL};
    int rc = cli_parse(&spec, argc, argv, &co, &a);
    if (rc != CLI_GO_ON)
        return rc;

    rc = EXIT_OK;
    int g = -1;
    co.threads = 1; /* one rolling run */
    jz_scenario *s = cli_load_scenario(&spec, &co, &g, &rc);
    if (!s)
        return rc;
    if (a.year && (a.year < s->meta.base_year || a.year >= s->meta.base_year + s->meta.horizon)) {
        int b = s->meta.base_year, e = b + s->meta.horizon - 1;
        jz_scenario_free(s);
        return cli_usage_error("sensitivity", "--year %d is outside the scenario's years %d-%d", a.year, b, e);
    }
    jz_error err;
    jz_sensitivity *t = NULL;
    jz_breakeven be;
    int st = jz_sensitivity_run(s, g, a.year, &t, &err);
    if (st == JZ_OK && a.be_path)
        st = jz_breakeven_find(s, a.be_path, g, a.year, a.target, &be, &err);
    if (st != JZ_OK) {
        rc = cli_fail(&err);
    } else {
        jz_report_options ro;
        cli_report_options(&co, &ro);
        jz_report_subject x = {.kind = JZ_REPORT_SENSITIVITY, .sensitivity = t, .breakeven = a.be_path ? &be : NULL};
        rc = cli_report(co.output, &x, &ro);
    }
    jz_sensitivity_free(t);
    jz_scenario_free(s);
    return rc;
}
