/*
 * cmd_calibrate.c - `jzsim calibrate` (fit a scenario to a history, write
 * the calibrated scenario) and `jzsim backtest` (fit on the early years,
 * score the projection of the later ones against naive forecasts).
 */
/* realpath() is XSI: glibc hides it under plain _POSIX_C_SOURCE */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "cli/cli.h"
#include "jzsim/calibrate.h"

static void help_calibrate(void)
{
    printf("Usage: jzsim calibrate [options] --history H.csv SCENARIO.yaml\n"
           "\n"
           "Fits the scenario's parameters per gemeente and zorgsoort to the observed\n"
           "history (weighted nonlinear least squares on the model itself) and reports\n"
           "each fitted value with its standard error, the fit per series (RMSE, MAPE)\n"
           "and the residuals per series and year.  With -o it writes the calibrated\n"
           "scenario: a small YAML that extends SCENARIO.yaml with the fitted values.\n"
           "The scenario's base year must be the first year of the history (or earlier).\n"
           "\n"
           "Options:\n"
           "  --history FILE  observed series, CSV or YAML (docs/calibration.md); CBS\n"
           "                  StatLine exports (';', decimal commas, '.') are read as is\n"
           "  --fit LIST      parameter groups, comma separated (default\n"
           "                  instroom,zorgduur,kosten): instroom (level and trend),\n"
           "                  zorgduur (mean duration), kosten (cost per client-year and\n"
           "                  its trend), start (clients at the start), vorm (Erlang\n"
           "                  stages from duration-class counts), all\n"
           "  --until YEAR    use the history up to and including YEAR only\n"
           "  -o, --output FILE  write the calibrated scenario YAML (atomically)\n"
           "  --format F      table (default), csv or json: the report on stdout\n"
           "  --lang L        nl (default) or en: labels and numbers of the table\n"
           "  --locale L      CSV only: nl gives ';' and decimal commas\n"
           "  --quiet         no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim calibrate --history scenarios/enschede/historie.csv \\\n"
           "        -o scenarios/enschede/gekalibreerd.yaml scenarios/enschede/kalibratie.yaml\n"
           "  jzsim calibrate --history h.csv --fit kosten --until 2022 --format json s.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n");
}

static void help_backtest(void)
{
    printf("Usage: jzsim backtest [options] --history H.csv --fit-until YEAR SCENARIO.yaml\n"
           "\n"
           "Fits the scenario on the history up to YEAR, projects the later observed\n"
           "years and reports the error per horizon (1, 2, 3 years ahead) as mean error,\n"
           "mean absolute error and MAPE, next to two naive forecasts on the same points:\n"
           "the last value carried forward and a straight line through the fitted years.\n"
           "\n"
           "Options:\n"
           "  --history FILE     observed series, CSV or YAML (docs/calibration.md)\n"
           "  --fit-until YEAR   last year of the fit; the years after it are scored\n"
           "  --instroom MODE    projected (default: a true forecast) or observed (put\n"
           "                     the observed instroom in, score the rest)\n"
           "  --fit LIST         parameter groups as for calibrate\n"
           "  --horizon N        score 1..N years ahead (default 3)\n"
           "  --format F         table (default), csv or json\n"
           "  --lang L           nl (default) or en\n"
           "  --locale L         CSV only: nl gives ';' and decimal commas\n"
           "  -o, --output FILE  write the report to FILE (atomically)\n"
           "  --quiet            no warnings on stderr\n"
           "\n"
           "Examples:\n"
           "  jzsim backtest --history scenarios/enschede/historie.csv --fit-until 2022 \\\n"
           "        scenarios/enschede/kalibratie.yaml\n"
           "  jzsim backtest --history h.csv --fit-until 2020 --instroom observed --format csv s.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n");
}

/* Common options of both commands. */
typedef struct opts {
    const char *path, *history, *output, *fit;
    int until, fit_until, horizon, instroom_observed, quiet, csv_nl;
    jz_calib_format fmt;
    jz_lang lang;
} opts;

static int parse_year(const char *cmd, const char *opt, const char *v, int *out)
{
    char *end = NULL;
    long y = strtol(v, &end, 10);
    if (!*v || *end || y < 1900 || y > 2200)
        return cli_usage_error(cmd, "%s needs a year (1900-2200), got '%s'", opt, v);
    *out = (int)y;
    return 0;
}

/* 0 = parsed, 1 = --help shown, EXIT_INPUT on a usage error */
static int parse(const char *cmd, int argc, char **argv, opts *o, int backtest)
{
    const char *v;
    int k;
    memset(o, 0, sizeof *o);
    o->fmt = JZ_CFMT_TABLE;
    o->lang = JZ_LANG_NL;
    o->horizon = 3;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            backtest ? help_backtest() : help_calibrate();
            return 1;
        }
        if ((k = cli_opt_value(cmd, argc, argv, &i, "--history", &o->history))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--fit-until", &v))) {
            if (k < 0 || parse_year(cmd, "--fit-until", v, &o->fit_until))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--fit", &o->fit))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--until", &v))) {
            if (k < 0 || parse_year(cmd, "--until", v, &o->until))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--horizon", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            o->horizon = atoi(v);
            if (o->horizon < 1 || o->horizon > 50)
                return cli_usage_error(cmd, "--horizon must be 1 to 50, got '%s'", v);
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--instroom", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "observed") == 0 || strcmp(v, "waargenomen") == 0)
                o->instroom_observed = 1;
            else if (strcmp(v, "projected") == 0 || strcmp(v, "geprojecteerd") == 0)
                o->instroom_observed = 0;
            else
                return cli_usage_error(cmd, "--instroom must be observed or projected, got '%s'", v);
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--format", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "table") == 0)
                o->fmt = JZ_CFMT_TABLE;
            else if (strcmp(v, "csv") == 0)
                o->fmt = JZ_CFMT_CSV;
            else if (strcmp(v, "json") == 0)
                o->fmt = JZ_CFMT_JSON;
            else
                return cli_usage_error(cmd, "--format must be table, csv or json, got '%s'", v);
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--lang", &v))) {
            if (k < 0 || cli_parse_lang(cmd, v, &o->lang))
                return EXIT_INPUT;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--locale", &v))) {
            if (k < 0)
                return EXIT_INPUT;
            if (strcmp(v, "nl") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error(cmd, "--locale must be nl or en, got '%s'", v);
            o->csv_nl = strcmp(v, "nl") == 0;
        } else if ((k = cli_opt_value(cmd, argc, argv, &i, "--output", &o->output)) ||
                   (k = cli_opt_value(cmd, argc, argv, &i, "-o", &o->output))) {
            if (k < 0)
                return EXIT_INPUT;
        } else if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0) {
            o->quiet = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error(cmd, "unknown option '%s'", argv[i]);
        } else if (o->path) {
            return cli_usage_error(cmd, "one scenario at a time");
        } else {
            o->path = argv[i];
        }
    }
    if (!o->path)
        return cli_usage_error(cmd, "no scenario file given");
    if (!o->history)
        return cli_usage_error(cmd, "no history given: --history FILE (docs/calibration.md)");
    if (backtest && !o->fit_until)
        return cli_usage_error(cmd, "--fit-until YEAR is required: the last year the fit may use");
    return 0;
}

/* The path of `target` relative to the directory `dir` (both absolute). */
static void relpath(const char *dir, const char *target, char *out, size_t size)
{
    size_t i = 0, last = 0;
    while (dir[i] && target[i] && dir[i] == target[i]) {
        if (dir[i] == '/')
            last = i;
        i++;
    }
    if (!dir[i] && (target[i] == '/' || !target[i]))
        last = i;
    size_t o = 0;
    out[0] = '\0';
    /* one ".." per remaining directory of dir */
    for (const char *p = dir + last; *p; p++)
        if (*p == '/' && o + 4 < size) {
            memcpy(out + o, "../", 3);
            o += 3;
            out[o] = '\0';
        }
    const char *rest = target + last + (target[last] == '/' ? 1 : 0);
    snprintf(out + o, size - o, "%s", rest);
}

/* `extends` value for a file written at out_path that extends scen_path. */
static int extends_path(const char *scen_path, const char *out_path, char *buf, size_t size)
{
    char scen[PATH_MAX], dir[PATH_MAX], tmp[PATH_MAX];
    if (!realpath(scen_path, scen))
        return -1;
    snprintf(tmp, sizeof tmp, "%s", out_path);
    char *slash = strrchr(tmp, '/');
    if (slash) {
        if (slash == tmp)
            tmp[1] = '\0';
        else
            *slash = '\0';
    } else {
        strcpy(tmp, ".");
    }
    if (!realpath(tmp, dir))
        return -1;
    relpath(dir, scen, buf, size);
    return 0;
}

static void print_history_warnings(const jz_history *h, int quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < h->n_warnings; i++)
        fprintf(stderr, "jzsim: warning: %s\n", h->warnings[i]);
}

static void print_warnings(char **w, int n, int quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < n; i++)
        fprintf(stderr, "jzsim: warning: %s\n", w[i]);
}

int cmd_calibrate(int argc, char **argv)
{
    opts o;
    int rc = parse("calibrate", argc, argv, &o, 0);
    if (rc)
        return rc == 1 ? EXIT_OK : rc;
    gsl_set_error_handler_off();
    jz_error err;
    jz_calib_options co;
    jz_calib_options_default(&co);
    co.until = o.until;
    if (o.fit && jz_fit_parse(o.fit, &co.fit, &err))
        return cli_usage_error("calibrate", "%s", err.message);

    rc = EXIT_OK;
    jz_scenario *s = cli_load(o.path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, o.quiet);
    jz_history *h = jz_history_load(o.history, &err);
    if (!h) {
        jz_scenario_free(s);
        return cli_fail(&err);
    }
    print_history_warnings(h, o.quiet);
    jz_calib *c = jz_calibrate(s, h, &co, &err);
    if (!c) {
        rc = cli_fail(&err);
        goto done;
    }
    print_warnings(c->warnings, c->n_warnings, o.quiet || o.fmt == JZ_CFMT_TABLE);
    if (o.output) {
        char ext[PATH_MAX];
        jz_outfile of;
        memset(&of, 0, sizeof of);
        if (strcmp(o.output, "-") == 0) {
            rc = cli_usage_error("calibrate", "-o needs a file name: stdout carries the report");
            goto done;
        }
        if (extends_path(o.path, o.output, ext, sizeof ext)) {
            jz_error_set(&err, JZ_EIO, o.output, 0, 0, "cannot resolve the directory of the output file");
            rc = cli_fail(&err);
            goto done;
        }
        if (jz_outfile_open(&of, o.output, &err) != JZ_OK) {
            rc = cli_fail(&err);
            goto done;
        }
        if (jz_calib_write_yaml(of.fp, c, ext, &err) != JZ_OK) {
            jz_outfile_abort(&of);
            rc = cli_fail(&err);
            goto done;
        }
        if (jz_outfile_commit(&of, &err) != JZ_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    if (jz_report_calib(stdout, c, o.fmt, o.lang, o.csv_nl, &err) != JZ_OK || fflush(stdout)) {
        jz_error_set(&err, JZ_EIO, NULL, 0, 0, "cannot write the report to stdout");
        rc = cli_fail(&err);
    }
done:
    jz_calib_free(c);
    jz_history_free(h);
    jz_scenario_free(s);
    return rc;
}

int cmd_backtest(int argc, char **argv)
{
    opts o;
    int rc = parse("backtest", argc, argv, &o, 1);
    if (rc)
        return rc == 1 ? EXIT_OK : rc;
    gsl_set_error_handler_off();
    jz_error err;
    jz_backtest_options bo;
    jz_backtest_options_default(&bo);
    bo.fit_until = o.fit_until;
    bo.instroom_observed = o.instroom_observed;
    bo.max_horizon = o.horizon;
    if (o.fit && jz_fit_parse(o.fit, &bo.calib.fit, &err))
        return cli_usage_error("backtest", "%s", err.message);
    if (o.until)
        return cli_usage_error("backtest", "use --fit-until, not --until");

    rc = EXIT_OK;
    jz_scenario *s = cli_load(o.path, &rc);
    if (!s)
        return rc;
    cli_warnings(s, o.quiet);
    jz_history *h = jz_history_load(o.history, &err);
    if (!h) {
        jz_scenario_free(s);
        return cli_fail(&err);
    }
    print_history_warnings(h, o.quiet);
    jz_backtest *b = jz_backtest_run(s, h, &bo, &err);
    jz_outfile of;
    memset(&of, 0, sizeof of);
    if (!b) {
        rc = cli_fail(&err);
    } else {
        if (o.fmt != JZ_CFMT_TABLE) {
            print_warnings(b->calib->warnings, b->calib->n_warnings, o.quiet);
            print_warnings(b->warnings, b->n_warnings, o.quiet);
        }
        if (jz_outfile_open(&of, o.output ? o.output : "-", &err) != JZ_OK) {
            rc = cli_fail(&err);
        } else if (jz_report_backtest(of.fp, b, o.fmt, o.lang, o.csv_nl, &err) != JZ_OK) {
            jz_outfile_abort(&of);
            rc = cli_fail(&err);
        } else if (jz_outfile_commit(&of, &err) != JZ_OK) {
            rc = cli_fail(&err);
        }
    }
    jz_backtest_free(b);
    jz_history_free(h);
    jz_scenario_free(s);
    return rc;
}
