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
    "Usage: jzsim prognose [options] --realisatie R.yaml|R.csv SCENARIO.yaml\n"
    "\n"
    "Projects the spending of the current year to 31 December from the\n"
    "realised spending per zorgsoort of its first months, with the monthly\n"
    "model of the scenario and a band (voorjaarsnota, najaarsnota).  The\n"
    "realisation file: jaar, maanden (2-11), uitgaven {zorgsoort: [month 1,\n"
    "month 2, ...]} and optionally clienten {zorgsoort: [in care at the end\n"
    "of each month]} for the clients on 31 December and the unique clients of\n"
    "the year (docs/eigen-gemeente.md, step 7).  Or a CSV saved from Excel (a\n"
    ".csv name): rows jaar and maanden (value in column B), a row uitgaven,\n"
    "below it one row per zorgsoort (its key, the months from column B), and\n"
    "a row clienten likewise (scenarios/sjabloon/realisatie-voorbeeld.csv).  A\n"
    "zorgsoort without realised months shows the scenario's figure, '-' under\n"
    "Gerealiseerd and no band.  The vaste lasten (and an investment,\n"
    "verevening or contract when the scenario has one) are rows from the\n"
    "scenario, not realised; the Totaal is the Subtotaal zorgsoorten plus\n"
    "those rows.  Under Scenario jaar that is the Kosten of jzsim run; under\n"
    "Prognose jaar, its forecast.  Below, the same rows set against the\n"
    "scenario's begroting of the year (Begroting, as in jzsim run): Verschil\n"
    "= Prognose jaar - Begroting, above 0 an overschrijding, with its band;\n"
    "and per Iv3 taakveld when the zorgsoorten are booked on taakvelden (as\n"
    "jzsim run's table).  --format xlsx -o FILE writes the same as an Excel\n"
    "workbook for the voorjaarsnota (sheets Prognose, Begroting, Taakvelden,\n"
    "Cliënten, Toelichting): numbers as numbers, Subtotaal, Totaal and\n"
    "Verschil as formulas holding jzsim's figures.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_OWN("--realisatie", "FILE", "the realised months (YAML or CSV, see above)"),
    CLI_OWN("--band", "PCT", "coverage of the band in percent, 50-99 (default 80)"),
    CLI_COMMON("--gemeente", "G", "the gemeente by CBS code or name (default: the first)"),
    CLI_COMMON("--format", "F", "table (default), csv, json or xlsx (Excel workbook, needs -o)"),
    CLI_COMMON("--lang", "L", "nl (default) or en: labels and numbers of the table and xlsx"),
    CLI_COMMON("--locale", "L", "CSV only: nl gives ';' and decimal commas"),
    CLI_OUTPUT_ROW,
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Example:\n"
    "  jzsim prognose --realisatie realisatie-juni.yaml mijn-gemeente.yaml\n"
    "  jzsim prognose --format xlsx -o voorjaarsnota.xlsx \\\n"
    "      --realisatie realisatie-juni.yaml mijn-gemeente.yaml\n"
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
    .formats = CLI_FORMATS_BASIC | CLI_FORMAT(JZ_FORMAT_XLSX),
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
