/*
 * cmd_prognose.c - `jzsim prognose`: the year end of the current year from
 * the realised months (jz_prognose_read / jz_prognose_run, reported by
 * jz_report: engine/report/prognose_report.c; docs/eigen-gemeente.md step 7).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/prognose.h"

static const char usage[] =
    "Usage: jzsim prognose [options] --realisatie R.yaml SCENARIO.yaml\n"
    "\n"
    "Projects the spending of the current year to 31 December from the\n"
    "realised spending per zorgsoort of its first months, with the monthly\n"
    "model of the scenario and a band (voorjaarsnota, najaarsnota).  The\n"
    "realisation file: jaar, maanden (2-11), uitgaven {zorgsoort: [month 1,\n"
    "month 2, ...]} and optionally clienten {zorgsoort: [in care at the end of\n"
    "each month]} for the clients on 31 December and the unique clients of the\n"
    "year (docs/eigen-gemeente.md, step 7).  A zorgsoort without realised\n"
    "months shows the scenario's figure, '-' under Gerealiseerd and no band.\n"
    "The vaste lasten (and an investment, verevening or contract when the\n"
    "scenario has one) are rows from the scenario, not realised; the Totaal\n"
    "is the Subtotaal zorgsoorten plus those rows.  Under Scenario jaar that\n"
    "is the Kosten of jzsim run; under Prognose jaar, its forecast.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_OWN("--realisatie", "FILE", "the realised months (YAML, see above)"),
    CLI_OWN("--band", "PCT", "coverage of the band in percent, 50-99 (default 80)"),
    CLI_COMMON("--gemeente", "G", "the gemeente by CBS code or name (default: the first)"),
    CLI_COMMON("--format", "F", "table (default), csv or json"),
    CLI_COMMON("--lang", "L", "nl (default) or en: labels and numbers of the table"),
    CLI_COMMON("--locale", "L", "CSV only: nl gives ';' and decimal commas"),
    CLI_OUTPUT_ROW,
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Example:\n"
    "  jzsim prognose --realisatie realisatie-juni.yaml mijn-gemeente.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input (the message names\n"
    "file:line:column) or usage.\n";

typedef struct opts {
    const char *realisatie;
    double level;
} opts;

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    opts *o = ctx;
    const char *v = NULL;
    int k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--realisatie", &o->realisatie)))
        return k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--band", &v))) {
        if (k < 0)
            return CLI_ERROR;
        char *end;
        double pct = strtod(v, &end);
        if (end == v || *end || !(pct >= 50 && pct <= 99)) {
            cli_usage_error(cmd, "--band must be a percentage from 50 to 99, got '%s'", v);
            return CLI_ERROR;
        }
        o->level = pct / 100.0;
    }
    return k;
}

static const cli_spec spec = {
    .cmd = "prognose",
    .usage = usage,
    .options = options,
    .help_col = 21,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC,
    .gemeente = CLI_GEMEENTE_ONE,
    .own = own_option,
};

int cmd_prognose(int argc, char **argv)
{
    cli_common co;
    opts o = {NULL, 0.8};
    int rc = cli_parse(&spec, argc, argv, &co, &o);
    if (rc != CLI_GO_ON)
        return rc;
    if (!o.realisatie)
        return cli_usage_error(spec.cmd, "no realisation given: --realisatie FILE (docs/eigen-gemeente.md)");
    int g = -1;
    jz_scenario *s = cli_load_scenario(&spec, &co, &g, &rc);
    if (!s)
        return rc;
    if (g < 0)
        g = 0;
    jz_error err;
    jz_prognose_input *in = NULL;
    jz_prognose *p = NULL;
    if (jz_prognose_read(o.realisatie, s, &in, &err) != JZ_OK ||
        jz_prognose_run(s, g, in, o.level, &p, &err) != JZ_OK) {
        jz_prognose_input_free(in);
        jz_scenario_free(s);
        return cli_fail_input(&err); /* an unreadable realisation is bad input too */
    }
    jz_report_subject x = {.kind = JZ_REPORT_PROGNOSE, .scenario = s, .prognose = p};
    jz_report_options ro;
    cli_report_options(&co, &ro);
    rc = cli_report(co.output, &x, &ro);
    jz_prognose_free(p);
    jz_prognose_input_free(in);
    jz_scenario_free(s);
    return rc;
}
