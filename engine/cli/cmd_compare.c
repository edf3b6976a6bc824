/*
 * cmd_compare.c - `jzsim compare`: scenarios side by side, the first one as
 * the reference, as a terminal table, CSV, JSON, an Excel workbook or an
 * HTML briefing for the council.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "cli/compare_one.h"
#include "cli/werksessie.h"
#include "jzsim/compare.h"
#include "jzsim/history.h"
#include "jzsim/intervals.h"
#include "jzsim/sensitivity.h"

/* The options of compare itself: --bands, --title, and Monte Carlo's
 * --draws, --seed, --threads, --mc-output. */
typedef struct args {
    const char *bands;
    const char *title;
    long draws;            /* --draws: Monte Carlo bands (0: none) */
    unsigned long seed;
    long threads;
    const char *mc_output;
    const char *history;   /* --history: observed figures for the briefing */
    int interactive;       /* --interactive: the werksessie in the briefing */
    const char *reference; /* --reference: an earlier forecast saved as JSON, as [1] */
    const char *intervals; /* --intervals: the backtest's band around [1]'s stocks */
} args;

static const char usage[] =
    "Usage: jzsim compare [options] REFERENCE.yaml OTHER.yaml [MORE.yaml ...]\n"
    "       jzsim compare [options] --reference EARLIER.json NEW.yaml [MORE.yaml ...]\n"
    "\n"
    "Projects every scenario and puts them side by side per year: cost, budget,\n"
    "tekort, beïnvloedbaar and niet-beïnvloedbaar tekort, clients, cost per client,\n"
    "cost and tekort per zorgsoort, savings of measures.  The first scenario is the\n"
    "reference: the others are shown with their difference in euros and percent;\n"
    "where a percentage would mislead (across 0, of a reference below 0, of a\n"
    "tekort below EUR 50,000) the table says why in its place ('omslag', 'ref. <0',\n"
    "'ref. ~0', explained under it) and the CSV and JSON in diff_rel_why.\n"
    "Scenarios may cover different years (a year outside a scenario's horizon is\n"
    "shown as absent, not 0), zorgsoorten (matched by key) and gemeenten (by CBS\n"
    "code; with more than one gemeente the region total comes last).  2 to " CLI_STR(JZ_CMP_MAX_SCENARIOS) "\n"
    "scenarios.  With --reference, the reference is a forecast saved earlier\n"
    "(jzsim run --format json, e.g. for the previous P&C document), and the\n"
    "verschillenanalyse explains the new forecast against it per zorgsoort as\n"
    "price, volume and other.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_COMMON("--format", "F",
        "table (default), csv, json, xlsx (Excel workbook with the\n"
        "comparison, one sheet per scenario and every assumption) or\n"
        "html (a briefing with charts for the council); xlsx and html\n"
        "need -o"),
    CLI_OUTPUT_ROW,
    CLI_COMMON("--lang", "L",
        "nl (default) or en: labels and numbers of table, xlsx, html"),
    CLI_COMMON("--locale", "L",
        "CSV only: nl gives ';' and decimal commas for Dutch Excel,\n"
        "en (default) gives ',' and decimal points"),
    CLI_COMMON("--gemeente", "G",
        "one gemeente by CBS code or name, or TOTAL; 'all' shows every\n"
        "gemeente in the table and the briefing.  Default: table and\n"
        "html the region total, csv/json/xlsx every gemeente and total"),
    {CLI_OPT_STRING, "--bands", "FILE",
        "P5/P50/P95 bands (CSV: scenario,gemeente_code,year,metric,\n"
        "p5,p50,p95; see docs/output-format.md), drawn in the briefing",
        offsetof(args, bands), 0, 0},
    {CLI_OPT_LONG, "--draws", "N",
        "Monte Carlo: N draws of the scenarios' uncertain inputs, the\n"
        "same draws for every scenario (common random numbers); the\n"
        "P5/P50/P95 bands of tekort, cost, beinvloedbaar tekort and\n"
        "clients are drawn in the briefing (docs/uncertainty.md)",
        offsetof(args, draws), 1, 100000000L},
    {CLI_OPT_SEED, "--seed", "S",
        "with --draws: the seed (default 1); --threads T: worker threads",
        offsetof(args, seed), 0, 0},
    {CLI_OPT_STRING, "--mc-output", "FILE",
        "with --draws: per draw, the difference with the reference\n"
        "(P5-P95 of the difference; .csv, .json, else a table)",
        offsetof(args, mc_output), 0, 0},
    {CLI_OPT_STRING, "--reference", "FILE",
        "an earlier forecast as the reference [1]: the JSON that\n"
        "'jzsim run --format json' wrote (with --gemeente all for a\n"
        "region); the scenarios then need only one file",
        offsetof(args, reference), 0, 0},
    {CLI_OPT_STRING, "--title", "TEXT",
        "html: the title of the briefing",
        offsetof(args, title), 0, 0},
    {CLI_OPT_STRING, "--history", "FILE",
        "html: observed figures (a history file as for calibrate,\n"
        "docs/calibration.md) drawn as points beside the projection;\n"
        "years up to its last year are shown as realisation",
        offsetof(args, history), 0, 0},
    {CLI_OPT_STRING, "--intervals", "FILE",
        "the backtest's 95% band around the reference's [1] clients\n"
        "in care at year end, in every format (the table written by\n"
        "'jzsim backtest --rolling --save-intervals'; docs/calibration.md)",
        offsetof(args, intervals), 0, 0},
    CLI_OWN("--interactive", NULL,
        "html: add the werksessie, sliders and switches that rerun\n"
        "the model in the page, offline, for the gemeente the\n"
        "briefing shows (--gemeente; docs/werksessie.md)"),
    CLI_QUIET_ROW,
    /* listed in --seed's text */
    {CLI_OPT_LONG, "--threads", "T", NULL, offsetof(args, threads), 1, 256},
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Examples:\n"
    "  jzsim compare scenarios/example.yaml scenarios/example-hoge-indexatie.yaml\n"
    "  jzsim compare --format html -o briefing.html \\\n"
    "      scenarios/example.yaml scenarios/example-hoge-indexatie.yaml\n"
    "  jzsim compare --format html --interactive -o werksessie.html a.yaml b.yaml\n"
    "  jzsim compare --format xlsx -o vergelijking.xlsx a.yaml b.yaml c.yaml\n"
    "  jzsim compare --format csv --locale nl -o vergelijking.csv a.yaml b.yaml\n"
    "  jzsim run --format json -o begroting-2026.json mijn-gemeente.yaml\n"
    "  jzsim compare --reference begroting-2026.json mijn-gemeente-nu.yaml\n"
    "  jzsim compare --intervals tests/data/history/synth_intervals.yaml \\\n"
    "      tests/data/history/synth.yaml tests/data/history/synth.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

static int own(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    (void)cmd;
    (void)argc;
    if (strcmp(argv[*i], "--interactive") != 0)
        return CLI_NOT_MINE;
    ((args *)ctx)->interactive = 1;
    return CLI_TAKEN;
}

static const cli_spec spec = {
    .cmd = "compare",
    .own = own,
    .usage = usage,
    .options = options,
    .help_col = 17,
    .trailer = trailer,
    .formats = CLI_FORMATS_BASIC | CLI_FORMAT(JZ_FORMAT_XLSX) | CLI_FORMAT(JZ_FORMAT_HTML),
    .gemeente = CLI_GEMEENTE_ALL,
    .many = 1,
    .max_paths = JZ_CMP_MAX_SCENARIOS,
};

/* No XLSX in this build: say so (EXIT_RUNTIME), else -1. */
static int xlsx_missing(const char *cmd, jz_format f)
{
    if (f != JZ_FORMAT_XLSX || jz_report_has(JZ_REPORT_COMPARE, f))
        return -1;
    fprintf(stderr, "jzsim %s: this jzsim was built without libxlsxwriter, so it cannot write "
                    "XLSX; install libxlsxwriter-dev and rebuild, or use --format csv\n", cmd);
    return EXIT_RUNTIME;
}

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, cli_common *co, args *a)
{
    int rc = cli_parse(&spec, argc, argv, co, a);
    if (rc != CLI_GO_ON)
        return rc;
    if (!a->draws && (a->mc_output || a->threads))
        return cli_usage_error("compare", "--threads and --mc-output go with --draws N");
    if (a->history && co->format != JZ_FORMAT_HTML)
        return cli_usage_error("compare", "--history is drawn in the briefing: it goes with --format html");
    if (a->interactive && co->format != JZ_FORMAT_HTML)
        return cli_usage_error("compare", "--interactive adds the werksessie to the briefing: it goes with "
                                          "--format html");
    if (a->reference && a->interactive)
        return cli_usage_error("compare", "--interactive reruns the model on every scenario's inputs; a saved "
                                          "forecast (--reference) has only its figures");
    if (a->interactive && (rc = cli_werksessie_available("compare")) >= 0)
        return rc;
    if (a->reference && a->draws)
        return cli_usage_error("compare", "--draws needs the inputs of every scenario; a saved forecast "
                                          "(--reference) has only its figures");
    if (a->reference && a->intervals)
        return cli_usage_error("compare", "--intervals puts the backtest's band around the reference's projection; "
                                          "a saved forecast (--reference) is not projected here: put the band on it "
                                          "with 'jzsim run --intervals'");
    if (a->interactive && a->intervals)
        return cli_usage_error("compare", "--intervals is not drawn in the werksessie (the page reruns the model, "
                                          "the band belongs to the saved run); leave out --interactive");
    if (a->reference && co->n_paths >= JZ_CMP_MAX_SCENARIOS)
        return cli_usage_error("compare", "with --reference at most %d scenario files", JZ_CMP_MAX_SCENARIOS - 1);
    if (a->reference && co->n_paths < 1)
        return cli_usage_error("compare", "give the scenario file to compare with the saved forecast %s",
                               a->reference);
    if (!a->reference && co->n_paths < 2)
        return cli_usage_error("compare", "give at least two scenario files (the first is the reference)%s",
                               co->n_paths == 1 ? "; for one scenario use 'jzsim run'" : "");
    return xlsx_missing("compare", co->format);
}

static void comparison_unit(const void *ctx, int i, const char **name, const char **code)
{
    const jz_comparison *c = ctx;
    *name = c->units[i].name;
    *code = c->units[i].code;
}

/* Select the unit(s) named by --gemeente; returns -1 or an exit code. */
static int select_unit(const cli_common *co, jz_report_options *ro, const jz_comparison *c)
{
    if (!co->gemeente)
        return -1;
    if (strcmp(co->gemeente, "all") == 0) {
        ro->all_gemeenten = 1;
        return -1;
    }
    if ((ro->gemeente = jz_cmp_unit_index(c, co->gemeente)) < 0) {
        char hint[CLI_HINT_MAX];
        cli_gemeente_hint(co->gemeente, c->n_units, comparison_unit, c, hint, sizeof hint);
        return cli_usage_error("compare", "no gemeente '%s' in these scenarios%s", co->gemeente, hint);
    }
    return -1;
}

/* The tornado of what the briefing shows: the reference's gemeente that
 * --gemeente selected (ro->gemeente, by select_unit; a Hengelo briefing drew
 * the region's tekort, 100-150 mln against Hengelo's 12 mln), else the total
 * (-1); -2 when that gemeente is not in the reference (no tornado). */
static int tornado_gemeente(const jz_report_options *ro, const jz_comparison *c, const jz_scenario *ref)
{
    if (ro->gemeente < 0 || ref->n_gemeenten < 2 || c->units[ro->gemeente].is_total)
        return -1;
    return c->units[ro->gemeente].g[0] >= 0 ? c->units[ro->gemeente].g[0] : -2;
}

int cmd_compare(int argc, char **argv)
{
    cli_common co;
    args a = {.seed = 1};
    int rc = parse(argc, argv, &co, &a);
    if (rc >= 0)
        return rc;
    jz_report_options ro;
    cli_report_options(&co, &ro);
    ro.title = a.title;

    jz_scenario *sc[JZ_CMP_MAX_SCENARIOS] = {0};
    jz_result *res[JZ_CMP_MAX_SCENARIOS] = {0};
    jz_workspace *ws = NULL;
    jz_comparison *c = NULL;
    jz_error err;
    jz_error_clear(&err);
    rc = EXIT_OK;
    /* with --reference the saved forecast is [1] and the files follow it */
    int k0 = a.reference ? 1 : 0, n = co.n_paths + k0;
    if (a.reference && jz_saved_result_load(a.reference, &sc[0], &res[0], &err) != JZ_OK)
        rc = cli_fail(&err);
    for (int i = 0; i < co.n_paths && rc == EXIT_OK; i++)
        sc[i + k0] = cli_load(co.paths[i], &rc);
    if (rc == EXIT_OK && a.draws > 0) {
        /* the Monte Carlo bands hold the draws of every scenario at once:
         * asked before any run (jz_mc_check_size counts them) */
        jz_mc_options mo;
        jz_mc_options_default(&mo);
        mo.threads = (int)a.threads;
        if (jz_mc_check_size(co.n_paths, (const jz_scenario *const *)sc + k0, &mo, cli_memory_limit(), &err) !=
            JZ_OK)
            rc = cli_fail(&err);
    }
    /* the load warnings once the run can start, as a single scenario's
     * (cli_load_scenario): a load or size error comes alone, not after a
     * screen of warnings on scenarios that will not run */
    for (int i = 0; i < co.n_paths && rc == EXIT_OK; i++)
        cli_warnings(sc[i + k0], co.quiet);
    for (int i = 0; i < co.n_paths && rc == EXIT_OK; i++) {
        int k = i + k0;
        /* a workspace per scenario: dimensions may differ between them */
        ws = jz_workspace_alloc(sc[k]);
        res[k] = jz_result_alloc(sc[k]);
        if (!ws || !res[k]) {
            jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            rc = cli_fail(&err);
        } else if (jz_model_run(sc[k], ws, res[k], &err) != JZ_OK) {
            if (!err.file[0])
                snprintf(err.file, sizeof err.file, "%s", co.paths[i]);
            rc = cli_fail(&err);
        }
        jz_workspace_free(ws);
        ws = NULL;
    }
    if (rc == EXIT_OK &&
        !(c = jz_comparison_alloc(n, (const jz_scenario *const *)sc, (const jz_result *const *)res, &err)))
        rc = cli_fail(&err);
    /* the saved forecast and the scenario it is compared with are most often
     * the same scenario, updated: without a mark every report would show
     * "[1] Deventer basis" and "[2] Deventer basis", and a council could not
     * tell which is the forecast of the earlier P&C document; the mark is a
     * label beside the name in every report, the name stays the scenario's */
    if (rc == EXIT_OK && a.reference)
        jz_comparison_mark_saved(c, 0);
    if (rc == EXIT_OK && !co.quiet)
        for (int i = 0; i < c->n_notes; i++) {
            char note[1024];
            fprintf(stderr, "jzsim: note: %s\n", jz_cmp_note_format(c, i, JZ_LANG_EN, note, sizeof note));
        }
    if (rc == EXIT_OK && a.bands && jz_cmp_read_bands(c, a.bands, &err) != JZ_OK)
        rc = cli_fail(&err);
    if (rc == EXIT_OK && a.draws > 0) { /* Monte Carlo bands on common random numbers */
        int m = unc_compare_bands(c, sc, n, a.draws, a.seed, (int)a.threads, co.quiet, a.mc_output);
        if (m >= 0)
            rc = m;
    }
    jz_intervals *iv = NULL;
    if (rc == EXIT_OK && a.intervals &&
        (!(iv = jz_intervals_load(a.intervals, &err)) || jz_comparison_set_intervals(c, iv, &err) != JZ_OK))
        rc = cli_fail(&err);
    jz_intervals_free(iv);
    if (rc == EXIT_OK) { /* the unit --gemeente names, once (a bad name is a usage error) */
        int u = select_unit(&co, &ro, c);
        if (u >= 0)
            rc = u;
    }
    jz_sensitivity *tornado = NULL;
    int tornado_g = rc == EXIT_OK ? tornado_gemeente(&ro, c, sc[0]) : -2;
    if (rc == EXIT_OK && co.format == JZ_FORMAT_HTML && sc[0]->n_uncertain > 0 && tornado_g >= -1) {
        /* the briefing shows which of the reference's assumptions matter
         * most, for the year its summary and key figures are about (the
         * begrotingsjaar; a council must not read two years); a failure
         * here costs the chart, not the report */
        int year = jz_cmp_year(c, jz_cmp_summary_year(c));
        if (year < c->scen[0].first_year || year > c->scen[0].last_year)
            year = 0; /* horizons that do not overlap: the reference's last year, named as such */
        if (jz_sensitivity_run(sc[0], tornado_g, year, &tornado, &err) == JZ_OK)
            c->tornado = tornado;
        else if (!co.quiet)
            fprintf(stderr, "jzsim: note: no sensitivity chart: %s\n", err.message);
    }
    jz_history *hist = NULL;
    if (rc == EXIT_OK && a.history && !(hist = jz_history_load(a.history, &err)))
        rc = cli_fail(&err);
    if (rc == EXIT_OK) {
        jz_report_subject x = {.kind = JZ_REPORT_COMPARE, .comparison = c, .history = hist};
        rc = a.interactive ? cli_werksessie_write(co.output, &x, &ro, sc, co.paths, co.n_paths, tornado)
                           : cli_report(co.output, &x, &ro);
    }
    jz_history_free(hist);
    jz_sensitivity_free(tornado);
    jz_comparison_free(c);
    for (int i = 0; i < n; i++) {
        jz_result_free(res[i]);
        jz_scenario_free(sc[i]);
    }
    return rc;
}

int cli_write_one(const char *cmd, const jz_scenario *s, const jz_result *r, const jz_report_options *o,
                  const jz_history *history, const jz_intervals *intervals, const char *output)
{
    int rc = xlsx_missing(cmd, o->format);
    if (rc >= 0)
        return rc;
    jz_error err;
    jz_comparison *c = jz_comparison_alloc(1, &s, &r, &err);
    if (!c)
        return cli_fail(&err);
    /* with one scenario the units are its gemeenten in order, then the total */
    jz_report_options ro = *o;
    ro.gemeente = o->gemeente >= 0 && o->gemeente < c->n_units ? o->gemeente : -1;
    if (intervals && jz_comparison_set_intervals(c, intervals, &err) != JZ_OK) {
        jz_comparison_free(c);
        return cli_fail(&err);
    }
    jz_report_subject x = {.kind = JZ_REPORT_COMPARE, .comparison = c, .history = history};
    rc = cli_report(output, &x, &ro);
    jz_comparison_free(c);
    return rc;
}
