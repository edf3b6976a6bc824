/*
 * cmd_compare.c - `jzsim compare`: scenarios side by side, the first one as
 * the reference, as a terminal table, CSV, JSON, an Excel workbook or an
 * HTML briefing for the council.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "cli/compare_one.h"
#include "jzsim/compare.h"
#include "jzsim/sensitivity.h"

static void help(void)
{
    printf("Usage: jzsim compare [options] REFERENCE.yaml OTHER.yaml [MORE.yaml ...]\n"
           "\n"
           "Projects every scenario and puts them side by side per year: cost, budget,\n"
           "tekort, beïnvloedbaar and niet-beïnvloedbaar tekort, clients, cost per client,\n"
           "cost and tekort per zorgsoort, savings of measures.  The first scenario is the\n"
           "reference: the others are shown with their difference in euros and percent.\n"
           "Scenarios may cover different years (a year outside a scenario's horizon is\n"
           "shown as absent, not 0), zorgsoorten (matched by key) and gemeenten (by CBS\n"
           "code; with more than one gemeente the region total comes last).  2 to %d\n"
           "scenarios.\n"
           "\n"
           "Options:\n"
           "  --format F     table (default), csv, json, xlsx (Excel workbook with the\n"
           "                 comparison, one sheet per scenario and every assumption) or\n"
           "                 html (a briefing with charts for the council); xlsx and html\n"
           "                 need -o\n"
           "  -o, --output FILE  write to FILE (atomically: temp file, then rename)\n"
           "  --lang L       nl (default) or en: labels and numbers of table, xlsx, html\n"
           "  --locale L     CSV only: nl gives ';' and decimal commas for Dutch Excel,\n"
           "                 en (default) gives ',' and decimal points\n"
           "  --gemeente G   one gemeente by CBS code or name, or TOTAL; 'all' shows every\n"
           "                 gemeente in the table and the briefing.  Default: table and\n"
           "                 html the region total, csv/json/xlsx every gemeente and total\n"
           "  --bands FILE   P5/P50/P95 bands (CSV: scenario,gemeente_code,year,metric,\n"
           "                 p5,p50,p95; see docs/output-format.md), drawn in the briefing\n"
           "  --draws N      Monte Carlo: N draws of the scenarios' uncertain inputs, the\n"
           "                 same draws for every scenario (common random numbers); the\n"
           "                 P5/P50/P95 bands of tekort, cost, beinvloedbaar tekort and\n"
           "                 clients are drawn in the briefing (docs/uncertainty.md)\n"
           "  --seed S       with --draws: the seed (default 1); --threads T: worker threads\n"
           "  --mc-output FILE  with --draws: per draw, the difference with the reference\n"
           "                 (P5-P95 of the difference; .csv, .json, else a table)\n"
           "  --title TEXT   html: the title of the briefing\n"
           "  --quiet        no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim compare scenarios/example.yaml scenarios/example-hoge-indexatie.yaml\n"
           "  jzsim compare --format html -o briefing.html \\\n"
           "      scenarios/example.yaml scenarios/example-hoge-indexatie.yaml\n"
           "  jzsim compare --format xlsx -o vergelijking.xlsx a.yaml b.yaml c.yaml\n"
           "  jzsim compare --format csv --locale nl -o vergelijking.csv a.yaml b.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n",
           JZ_CMP_MAX_SCENARIOS);
}

enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_XLSX, FMT_HTML };

typedef struct args {
    const char *paths[JZ_CMP_MAX_SCENARIOS];
    int n;
    int fmt;
    const char *output, *gemeente, *bands;
    int quiet;
    long draws;            /* --draws: Monte Carlo bands (0: none) */
    unsigned long seed;
    long threads;
    const char *mc_output;
    jz_compare_options ro;
} args;

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, args *a)
{
    const char *v = NULL;
    int k;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if ((k = cli_opt_value("compare", argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            static const char *const names[] = {"table", "csv", "json", "xlsx", "html"};
            a->fmt = -1;
            for (int f = 0; f < 5; f++)
                if (strcmp(v, names[f]) == 0)
                    a->fmt = f;
            if (a->fmt < 0)
                return cli_usage_error("compare", "--format must be table, csv, json, xlsx or html, got '%s'", v);
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang("compare", v, &a->ro.lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("compare", "--locale must be nl or en, got '%s'", v);
            a->ro.csv_nl = strcmp(v, "nl") == 0;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--gemeente", &a->gemeente)) ||
                   (k = cli_opt_value("compare", argc, argv, &i, "--bands", &a->bands)) ||
                   (k = cli_opt_value("compare", argc, argv, &i, "--title", &a->ro.title)) ||
                   (k = cli_opt_value("compare", argc, argv, &i, "--output", &a->output)) ||
                   (k = cli_opt_value("compare", argc, argv, &i, "-o", &a->output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--draws", &v))) {
            if (k < 0 || unc_cli_long("compare", "--draws", v, 1, 100000000L, &a->draws))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--seed", &v))) {
            if (k < 0 || unc_cli_seed("compare", v, &a->seed))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--threads", &v))) {
            if (k < 0 || unc_cli_long("compare", "--threads", v, 1, 256, &a->threads))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("compare", argc, argv, &i, "--mc-output", &a->mc_output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            a->quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("compare", "unknown option '%s'", argv[i]);
        } else if (a->n == JZ_CMP_MAX_SCENARIOS) {
            return cli_usage_error("compare", "at most %d scenarios", JZ_CMP_MAX_SCENARIOS);
        } else {
            a->paths[a->n++] = argv[i];
        }
    }
    if (!a->draws && (a->mc_output || a->threads))
        return cli_usage_error("compare", "--threads and --mc-output go with --draws N");
    if (a->n < 2)
        return cli_usage_error("compare", "give at least two scenario files (the first is the reference)%s",
                               a->n == 1 ? "; for one scenario use 'jzsim run'" : "");
    if (cli_check_output("compare", a->output, argc, argv))
        return EXIT_INPUT;
    int to_file = a->output && strcmp(a->output, "-") != 0;
    if ((a->fmt == FMT_XLSX || a->fmt == FMT_HTML) && !to_file)
        return cli_usage_error("compare", "--format %s needs -o FILE", a->fmt == FMT_XLSX ? "xlsx" : "html");
    if (a->fmt == FMT_XLSX && !jz_compare_have_xlsx()) {
        fprintf(stderr, "jzsim compare: this jzsim was built without libxlsxwriter, so it cannot write "
                        "XLSX; install libxlsxwriter-dev and rebuild, or use --format csv\n");
        return EXIT_RUNTIME;
    }
    return -1;
}

/* Select the unit(s) named by --gemeente; returns -1 or an exit code. */
static int select_unit(args *a, const jz_comparison *c)
{
    if (!a->gemeente)
        return -1;
    if (strcmp(a->gemeente, "all") == 0) {
        a->ro.all_units = 1;
        return -1;
    }
    if ((a->ro.unit = jz_cmp_unit_index(c, a->gemeente)) < 0)
        return cli_usage_error("compare", "no gemeente '%s' in these scenarios", a->gemeente);
    return -1;
}

static int write_report(const args *a, const jz_comparison *c)
{
    jz_error err;
    jz_error_clear(&err);
    jz_outfile of;
    if (jz_outfile_open(&of, a->output ? a->output : "-", &err) != JZ_OK)
        return cli_fail(&err);
    int st;
    switch (a->fmt) {
    case FMT_CSV: st = jz_compare_report_csv(of.fp, c, &a->ro, &err); break;
    case FMT_JSON: st = jz_compare_report_json(of.fp, c, &a->ro, &err); break;
    case FMT_HTML: st = jz_compare_report_html(of.fp, c, &a->ro, &err); break;
    /* libxlsxwriter writes by path: it fills the outfile's temporary file
     * (the still-open stream stays empty), which commit renames into place */
    case FMT_XLSX: st = jz_compare_report_xlsx(of.tmp, c, &a->ro, &err); break;
    default: st = jz_compare_report_table(of.fp, c, &a->ro, &err); break;
    }
    if (st == JZ_OK)
        st = jz_outfile_commit(&of, &err);
    else {
        if (!err.file[0] || strcmp(err.file, of.tmp) == 0) /* name the file the user asked for */
            snprintf(err.file, sizeof err.file, "%s", of.is_stdout ? "stdout" : of.path);
        jz_outfile_abort(&of);
    }
    return st == JZ_OK ? EXIT_OK : cli_fail(&err);
}

int cmd_compare(int argc, char **argv)
{
    args a;
    memset(&a, 0, sizeof a);
    jz_compare_options_default(&a.ro);
    a.seed = 1;
    int rc = parse(argc, argv, &a);
    if (rc >= 0)
        return rc;

    jz_scenario *sc[JZ_CMP_MAX_SCENARIOS] = {0};
    jz_result *res[JZ_CMP_MAX_SCENARIOS] = {0};
    jz_workspace *ws = NULL;
    jz_comparison *c = NULL;
    jz_error err;
    jz_error_clear(&err);
    rc = EXIT_OK;
    for (int i = 0; i < a.n && rc == EXIT_OK; i++) {
        if (!(sc[i] = cli_load(a.paths[i], &rc)))
            break;
        cli_warnings(sc[i], a.quiet);
        /* a workspace per scenario: dimensions may differ between them */
        ws = jz_workspace_alloc(sc[i]);
        res[i] = jz_result_alloc(sc[i]);
        if (!ws || !res[i]) {
            jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            rc = cli_fail(&err);
        } else if (jz_model_run(sc[i], ws, res[i], &err) != JZ_OK) {
            if (!err.file[0])
                snprintf(err.file, sizeof err.file, "%s", a.paths[i]);
            rc = cli_fail(&err);
        }
        jz_workspace_free(ws);
        ws = NULL;
    }
    if (rc == EXIT_OK &&
        !(c = jz_comparison_alloc(a.n, (const jz_scenario *const *)sc, (const jz_result *const *)res, &err)))
        rc = cli_fail(&err);
    if (rc == EXIT_OK && !a.quiet)
        for (int i = 0; i < c->n_notes; i++) {
            char note[1024];
            fprintf(stderr, "jzsim: note: %s\n", jz_cmp_note_format(c, i, JZ_LANG_EN, note, sizeof note));
        }
    if (rc == EXIT_OK && a.bands && jz_cmp_read_bands(c, a.bands, &err) != JZ_OK)
        rc = cli_fail(&err);
    if (rc == EXIT_OK && a.draws > 0) { /* Monte Carlo bands on common random numbers */
        int m = unc_compare_bands(c, sc, a.n, a.draws, a.seed, (int)a.threads, a.quiet, a.mc_output);
        if (m >= 0)
            rc = m;
    }
    jz_sensitivity *tornado = NULL;
    if (rc == EXIT_OK && a.fmt == FMT_HTML && sc[0]->n_uncertain > 0) {
        /* the briefing shows which of the reference's assumptions matter
         * most; a failure here costs the chart, not the report */
        if (jz_sensitivity_run(sc[0], -1, 0, &tornado, &err) == JZ_OK)
            c->tornado = tornado;
        else if (!a.quiet)
            fprintf(stderr, "jzsim: note: no sensitivity chart: %s\n", err.message);
    }
    if (rc == EXIT_OK) {
        int u = select_unit(&a, c);
        rc = u >= 0 ? u : write_report(&a, c);
    }
    jz_sensitivity_free(tornado);
    jz_comparison_free(c);
    for (int i = 0; i < a.n; i++) {
        jz_result_free(res[i]);
        jz_scenario_free(sc[i]);
    }
    return rc;
}

int cli_write_one(const jz_scenario *s, const jz_result *r, int xlsx, jz_lang lang, int gemeente,
                  int all, const char *output)
{
    args a;
    memset(&a, 0, sizeof a);
    jz_compare_options_default(&a.ro);
    a.fmt = xlsx ? FMT_XLSX : FMT_HTML;
    a.output = output;
    a.ro.lang = lang;
    if (xlsx && !jz_compare_have_xlsx()) {
        fprintf(stderr, "jzsim run: this jzsim was built without libxlsxwriter, so it cannot write "
                        "XLSX; install libxlsxwriter-dev and rebuild, or use --format csv\n");
        return EXIT_RUNTIME;
    }
    jz_error err;
    jz_comparison *c = jz_comparison_alloc(1, &s, &r, &err);
    if (!c)
        return cli_fail(&err);
    /* with one scenario the units are its gemeenten in order, then the total */
    a.ro.unit = gemeente >= 0 && gemeente < c->n_units ? gemeente : -1;
    a.ro.all_units = all;
    int rc = write_report(&a, c);
    jz_comparison_free(c);
    return rc;
}
