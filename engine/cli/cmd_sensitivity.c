/*
 * cmd_sensitivity.c - `jzsim sensitivity`: which assumptions move the
 * tekort most (tornado), and the break-even value of one assumption.
 */
#include <stdio.h>

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
_Static_assert(FMT_TABLE == (int)JZ_MCFMT_TABLE && FMT_CSV == (int)JZ_MCFMT_CSV &&
                   FMT_JSON == (int)JZ_MCFMT_JSON,
               "table, csv and json are passed on as jz_mc_format");

static const char *const formats[] = {"table", "csv", "json", "html", NULL};

/* The options of sensitivity itself: --year, --target, --break-even. */
typedef struct sens_args {
    int year;            /* 0: the last year */
    double target;
    const char *be_path; /* --break-even PATH */
} sens_args;

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    sens_args *a = ctx;
    long year;
    int k;
    if ((k = unc_opt_money(cmd, argc, argv, i, "--target", &a->target)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "--break-even", &a->be_path)))
        return k;
    if ((k = unc_opt_long(cmd, argc, argv, i, "--year", 1900, 2200, &year)) == CLI_TAKEN)
        a->year = (int)year;
    return k;
}

static const cli_spec spec = {
    .cmd = "sensitivity",
    .help = help,
    .formats = formats,
    .file_formats = 1u << FMT_HTML,
    .gemeente = CLI_GEMEENTE_ONE,
    .own = own_option,
};

typedef struct sens_report {
    const jz_sensitivity *t;
    const jz_breakeven *be; /* NULL without --break-even */
    const cli_common *co;
} sens_report;

static int write_report(jz_outfile *of, void *ctx, jz_error *err)
{
    const sens_report *x = ctx;
    if (x->co->format == FMT_HTML)
        return jz_report_sensitivity_html(of->fp, x->t, x->be, x->co->lang, err);
    return jz_report_sensitivity(of->fp, x->t, x->be, (jz_mc_format)x->co->format, x->co->lang,
                                 x->co->locale_nl, err);
}

int cmd_sensitivity(int argc, char **argv)
{
    cli_common co;
    sens_args a = {0, 0.0, NULL};
    int rc = cli_parse(&spec, argc, argv, &co, &a);
    if (rc != CLI_GO_ON)
        return rc;

    rc = EXIT_OK;
    int g = -1;
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
        sens_report x = {t, a.be_path ? &be : NULL, &co};
        rc = cli_write(co.output, write_report, &x);
    }
    jz_sensitivity_free(t);
    jz_scenario_free(s);
    return rc;
}
