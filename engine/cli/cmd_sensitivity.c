/*
 * cmd_sensitivity.c - `jzsim sensitivity`: which assumptions move the
 * tekort most (tornado), and the break-even value of one assumption.
 */
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "cli/cli.h"
#include "cli/unc_cli.h"
#include "jzsim/sensitivity.h"

static void help(void)
{
    printf("Usage: jzsim sensitivity [options] SCENARIO.yaml\n"
           "\n"
           "One-way sensitivity of the tekort: every input that has a range\n"
           "({value: 10, low: 8, high: 13}) or a distribution (its P5 and P95) is set to\n"
           "its low and its high value with all else at the point values; the swing of\n"
           "the tekort in one year and summed over the years, sorted by swing: the data\n"
           "of a tornado chart.  With --break-even, the value of one input at which the\n"
           "tekort in that year reaches 0 (or --target), within the input's bounds.\n"
           "\n"
           "Options:\n"
           "  --year Y           the year of the swing and the break-even (default: the last)\n"
           "  --break-even PATH  the input, by its path, e.g. zorgsoorten[ambulant].zorgduur\n"
           "                     (the paths are listed by 'jzsim sensitivity' itself)\n"
           "  --target EUR       break-even: the tekort to reach (default 0), e.g. -1M\n"
           "  --gemeente G       one gemeente by CBS code or name (default: the total)\n"
           "  --format F         table (default), csv, json, or html (a page with the tornado\n"
           "                     chart; needs -o)\n"
           "  --lang L           nl (default) or en\n"
           "  --locale L         CSV: nl gives ';' and decimal commas (Dutch Excel)\n"
           "  -o, --output FILE  write to FILE (atomically: temp file, then rename)\n"
           "  --quiet            no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim sensitivity scenarios/example-onzeker.yaml\n"
           "  jzsim sensitivity --year 2026 --format html -o tornado.html scenarios/example-onzeker.yaml\n"
           "  jzsim sensitivity --break-even 'zorgsoorten[ambulant].zorgduur' scenarios/example-onzeker.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n");
}

enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_HTML };

int cmd_sensitivity(int argc, char **argv)
{
    const char *path = NULL, *v = NULL, *gemeente = NULL, *output = "-", *be_path = NULL;
    int quiet = 0, k, csv_nl = 0, fmt = FMT_TABLE, year = 0;
    double target = 0.0;
    jz_lang lang = JZ_LANG_NL;
    for (int i = 1; i < argc; i++) {
        long n;
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--year", &v))) {
            if (k < 0 || unc_cli_long("sensitivity", "--year", v, 1900, 2200, &n))
                return EXIT_INPUT;
            year = (int)n;
        } else if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--target", &v))) {
            if (k < 0 || unc_cli_money("sensitivity", "--target", v, &target))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--break-even", &be_path)) ||
                   (k = cli_opt_value("sensitivity", argc, argv, &i, "--gemeente", &gemeente)) ||
                   (k = cli_opt_value("sensitivity", argc, argv, &i, "--output", &output)) ||
                   (k = cli_opt_value("sensitivity", argc, argv, &i, "-o", &output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            static const char *const names[] = {"table", "csv", "json", "html"};
            fmt = -1;
            for (int f = 0; f < 4; f++)
                if (strcmp(v, names[f]) == 0)
                    fmt = f;
            if (fmt < 0)
                return cli_usage_error("sensitivity", "--format must be table, csv, json or html, got '%s'", v);
        } else if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang("sensitivity", v, &lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value("sensitivity", argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("sensitivity", "--locale must be nl or en, got '%s'", v);
            csv_nl = strcmp(v, "nl") == 0;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("sensitivity", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage_error("sensitivity", "one scenario at a time");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage_error("sensitivity", "no scenario file given");
    if (fmt == FMT_HTML && strcmp(output, "-") == 0)
        return cli_usage_error("sensitivity", "--format html needs -o FILE");

    gsl_set_error_handler_off();
    int rc = EXIT_OK;
    jz_scenario *s = cli_load(path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, quiet);
    int g = -1;
    if (gemeente && (g = jz_scenario_gemeente_index(s, gemeente)) < 0) {
        jz_scenario_free(s);
        return cli_usage_error("sensitivity", "no gemeente '%s' in %s", gemeente, path);
    }
    if (year && (year < s->meta.base_year || year >= s->meta.base_year + s->meta.horizon)) {
        int b = s->meta.base_year, e = b + s->meta.horizon - 1;
        jz_scenario_free(s);
        return cli_usage_error("sensitivity", "--year %d is outside the scenario's years %d-%d", year, b, e);
    }
    jz_error err;
    jz_sensitivity *t = NULL;
    jz_breakeven be;
    int st = jz_sensitivity_run(s, g, year, &t, &err);
    if (st == JZ_OK && be_path)
        st = jz_breakeven_find(s, be_path, g, year, target, &be, &err);
    if (st == JZ_OK) {
        jz_outfile of;
        if ((st = jz_outfile_open(&of, output, &err)) == JZ_OK) {
            const jz_breakeven *pb = be_path ? &be : NULL;
            st = fmt == FMT_HTML ? jz_report_sensitivity_html(of.fp, t, pb, lang, &err)
                                 : jz_report_sensitivity(of.fp, t, pb,
                                                         fmt == FMT_CSV    ? JZ_MCFMT_CSV
                                                         : fmt == FMT_JSON ? JZ_MCFMT_JSON
                                                                           : JZ_MCFMT_TABLE,
                                                         lang, csv_nl, &err);
            if (st == JZ_OK)
                st = jz_outfile_commit(&of, &err);
            else
                jz_outfile_abort(&of);
        }
    }
    if (st != JZ_OK)
        rc = cli_fail(&err);
    jz_sensitivity_free(t);
    jz_scenario_free(s);
    return rc;
}
