/*
 * cmd_calibrate.c - `jzsim calibrate` (fit a scenario to a history, write
 * the calibrated scenario) and `jzsim backtest` (fit on the early years,
 * score the projection of the later ones against naive forecasts; with
 * --rolling over every origin, with forecast intervals).
 */
/* realpath() is XSI: glibc hides it under plain _POSIX_C_SOURCE */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/intervals.h"
#include "cli/cli.h"
#include "jzsim/calibrate.h"

static const char usage_calibrate[] =
    "Usage: jzsim calibrate [options] --history H.csv SCENARIO.yaml\n"
    "\n"
    "Fits the scenario's parameters per gemeente and zorgsoort to the observed\n"
    "history (weighted nonlinear least squares on the model itself) and reports\n"
    "each fitted value with its standard error, the fit per series (RMSE, MAPE)\n"
    "and the residuals per series and year.  With -o it writes the calibrated\n"
    "scenario: a small YAML that extends SCENARIO.yaml with the fitted values.\n"
    "The scenario's base year must be the first year of the history (or earlier).\n"
    "\n"
    "Options:\n";

static const cli_option options_calibrate[] = {
    CLI_OWN("--history", "FILE",
        "observed series, CSV or YAML (docs/calibration.md); CBS\n"
        "StatLine exports (';', decimal commas, '.') are read as is"),
    CLI_OWN("--fit", "LIST",
        "parameter groups, comma separated (default\n"
        "instroom,zorgduur,kosten): instroom (level and trend),\n"
        "zorgduur (mean duration), kosten (cost per client-year and\n"
        "its trend), start (clients at the start), vorm (Erlang\n"
        "stages from duration-class counts), duurtrend (zorgduur\n"
        "trend per year), breuk / breuk_instroom (a level shift in\n"
        "zorgduur / instroom from a break year), all"),
    CLI_OWN("--break-year", "YEAR",
        "the year a breuk starts (default: estimated)"),
    CLI_OWN("--instroom", "MODE",
        "projected (default: fit instroom) or observed (put the\n"
        "observed instroom in and fit the rest)"),
    CLI_OWN("--map", "COL=ROLE",
        "read history column COL as ROLE (zorgsoort, gemeente,\n"
        "periode, a series such as instroom, or negeer); several\n"
        "separated by ';'"),
    CLI_OWN("--until", "YEAR",
        "use the history up to and including YEAR only"),
    CLI_COMMON("-o, --output", "FILE",
        "write the calibrated scenario YAML (atomically)"),
    CLI_COMMON("--format", "F",
        "table (default), csv or json: the report on stdout"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en: labels and numbers of the table"),
    CLI_COMMON("--locale", "L",
        "CSV only: nl gives ';' and decimal commas"),
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer_calibrate[] =
    "\n"
    "Examples:\n"
    "  jzsim calibrate --history scenarios/enschede/historie.csv --fit kosten \\\n"
    "        -o gekalibreerd.yaml scenarios/enschede/basis.yaml\n"
    "  jzsim calibrate --history scenarios/enschede/historie.csv --fit kosten \\\n"
    "        --until 2022 --format json scenarios/enschede/basis.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

static const char usage_backtest[] =
    "Usage: jzsim backtest [options] --history H.csv (--fit-until YEAR | --rolling) SCENARIO.yaml\n"
    "\n"
    "Fits the scenario on the history up to YEAR, projects the later observed\n"
    "years and reports the error per horizon (1, 2, 3 years ahead) as mean error,\n"
    "mean absolute error and MAPE, next to two naive forecasts on the same points:\n"
    "the last value carried forward and a straight line through the fitted years.\n"
    "With --rolling it does so for every origin with enough history, turns the\n"
    "errors per horizon into 95% forecast intervals (with their coverage) and\n"
    "forecasts the years after the history with those intervals.\n"
    "\n"
    "Options:\n";

static const cli_option options_backtest[] = {
    CLI_OWN("--history", "FILE",
        "observed series, CSV or YAML (docs/calibration.md)"),
    CLI_OWN("--fit-until", "YEAR",
        "last year of the fit; the years after it are scored\n"
        "(with --rolling: the last origin)"),
    CLI_OWN("--rolling", NULL,
        "rolling origins: fit until T for every T with enough\n"
        "history (at least 3 years), pool the errors"),
    CLI_OWN("--first-origin", "YEAR",
        "with --rolling: the first origin"),
    CLI_OWN("--anchor", "yes|no",
        "start the forecasts from the last observed stock\n"
        "(default yes) or from the fitted run"),
    CLI_OWN("--instroom", "MODE",
        "projected (default: a true forecast) or observed (put\n"
        "the observed instroom of the fitted and scored years in,\n"
        "score the rest: a conditional forecast)"),
    CLI_OWN("--fit", "LIST",
        "parameter groups as for calibrate"),
    CLI_OWN("--break-year", "YEAR",
        "the year a breuk starts (default: estimated)"),
    CLI_OWN("--map", "COL=ROLE",
        "read history column COL as ROLE, as for calibrate"),
    CLI_OWN("--horizon", "N",
        "score 1..N years ahead (default 3)"),
    CLI_OWN("--save-intervals", "FILE",
        "with --rolling: write the 95% intervals of the end-of-year\n"
        "stocks per series and horizon (YAML) for 'jzsim run\n"
        "--intervals'"),
    CLI_COMMON("--format", "F",
        "table (default), csv or json"),
    CLI_COMMON("--lang", "L",
        "nl (default) or en"),
    CLI_COMMON("--locale", "L",
        "CSV only: nl gives ';' and decimal commas"),
    CLI_COMMON("-o, --output", "FILE",
        "write the report to FILE (atomically)"),
    CLI_QUIET_ROW,
    CLI_END,
};

static const char trailer_backtest[] =
    "\n"
    "Examples:\n"
    "  jzsim backtest --history scenarios/enschede/historie.csv --fit-until 2022 \\\n"
    "        --fit kosten scenarios/enschede/basis.yaml\n"
    "  jzsim backtest --history tests/data/history/synth.csv --rolling --instroom observed \\\n"
    "        --format csv tests/data/history/synth.yaml\n"
    "  jzsim backtest --history tests/data/history/synth_stocks.csv --rolling \\\n"
    "        --save-intervals intervallen.yaml tests/data/history/synth.yaml\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage.\n";

/* The options of calibrate and backtest besides the common ones.  Both
 * commands parse all of them: calibrate ignores --fit-until, --horizon and
 * --instroom; backtest refuses --until (parse). */
typedef struct opts {
    const char *history, *fit, *map, *save_intervals;
    unsigned fit_bits; /* --fit parsed, when given */
    int until, fit_until, horizon, instroom_observed;
    int break_year, rolling, first_origin, anchor;
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

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    opts *o = ctx;
    const char *v = NULL;
    int k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--history", &o->history)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "--fit", &o->fit)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "--map", &o->map)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "--save-intervals", &o->save_intervals)))
        return k;
    if (strcmp(argv[*i], "--rolling") == 0) {
        o->rolling = 1;
        return CLI_TAKEN;
    }
    if ((k = cli_opt_value(cmd, argc, argv, i, "--break-year", &v))) {
        if (k < 0 || parse_year(cmd, "--break-year", v, &o->break_year))
            return CLI_ERROR;
        return k;
    }
    if ((k = cli_opt_value(cmd, argc, argv, i, "--first-origin", &v))) {
        if (k < 0 || parse_year(cmd, "--first-origin", v, &o->first_origin))
            return CLI_ERROR;
        return k;
    }
    if ((k = cli_opt_value(cmd, argc, argv, i, "--anchor", &v))) {
        if (k < 0)
            return CLI_ERROR;
        if (strcmp(v, "yes") == 0 || strcmp(v, "ja") == 0)
            o->anchor = 1;
        else if (strcmp(v, "no") == 0 || strcmp(v, "nee") == 0)
            o->anchor = 0;
        else {
            cli_usage_error(cmd, "--anchor must be yes or no, got '%s'", v);
            return CLI_ERROR;
        }
        return k;
    }
    if ((k = cli_opt_value(cmd, argc, argv, i, "--fit-until", &v))) {
        if (k < 0 || parse_year(cmd, "--fit-until", v, &o->fit_until))
            return CLI_ERROR;
    } else if ((k = cli_opt_value(cmd, argc, argv, i, "--until", &v))) {
        if (k < 0 || parse_year(cmd, "--until", v, &o->until))
            return CLI_ERROR;
    } else if ((k = cli_opt_value(cmd, argc, argv, i, "--horizon", &v))) {
        if (k < 0)
            return CLI_ERROR;
        o->horizon = atoi(v);
        if (o->horizon < 1 || o->horizon > 50) {
            cli_usage_error(cmd, "--horizon must be 1 to 50, got '%s'", v);
            return CLI_ERROR;
        }
    } else if ((k = cli_opt_value(cmd, argc, argv, i, "--instroom", &v))) {
        if (k < 0)
            return CLI_ERROR;
        if (strcmp(v, "observed") == 0 || strcmp(v, "waargenomen") == 0)
            o->instroom_observed = 1;
        else if (strcmp(v, "projected") == 0 || strcmp(v, "geprojecteerd") == 0)
            o->instroom_observed = 0;
        else {
            cli_usage_error(cmd, "--instroom must be observed or projected, got '%s'", v);
            return CLI_ERROR;
        }
    }
    return k;
}

static const cli_spec calibrate_spec = {
    .cmd = "calibrate",
    .usage = usage_calibrate,
    .options = options_calibrate,
    .help_col = 18,
    .trailer = trailer_calibrate,
    .formats = CLI_FORMATS_BASIC,
    .output_is_scenario = 1,
    .own = own_option,
};

static const cli_spec backtest_spec = {
    .cmd = "backtest",
    .usage = usage_backtest,
    .options = options_backtest,
    .help_col = 23,
    .trailer = trailer_backtest,
    .formats = CLI_FORMATS_BASIC,
    .own = own_option,
};

/* The command line of either command; CLI_GO_ON, or the exit code. */
static int parse(const cli_spec *spec, int argc, char **argv, cli_common *co, opts *o)
{
    memset(o, 0, sizeof *o);
    o->horizon = 3;
    o->anchor = 1;
    int rc = cli_parse(spec, argc, argv, co, o);
    if (rc != CLI_GO_ON)
        return rc;
    if (!o->history)
        return cli_usage_error(spec->cmd, "no history given: --history FILE (docs/calibration.md)");
    int backtest = spec == &backtest_spec;
    if (backtest && !o->fit_until && !o->rolling)
        return cli_usage_error(spec->cmd, "--fit-until YEAR (the last year the fit may use) or --rolling is "
                                          "required");
    if (!backtest && (o->rolling || o->first_origin || o->save_intervals))
        return cli_usage_error(spec->cmd, "--rolling, --first-origin and --save-intervals are backtest options");
    if (o->save_intervals && !o->rolling)
        return cli_usage_error(spec->cmd, "--save-intervals needs --rolling: the intervals come from the errors of "
                                          "every origin");
    jz_error err;
    if (o->fit && jz_fit_parse(o->fit, &o->fit_bits, &err))
        return cli_usage_error(spec->cmd, "%s", err.message);
    if (backtest && o->until)
        return cli_usage_error(spec->cmd, "use --fit-until, not --until");
    return CLI_GO_ON;
}

/* Load the scenario and the history and print their warnings: EXIT_OK, or
 * the exit code after printing the error (then nothing is left to free). */
static int load_inputs(const cli_spec *spec, const cli_common *co, const opts *o, jz_scenario **s,
                       jz_history **h)
{
    int rc = EXIT_OK;
    jz_error err;
    *h = NULL;
    if (!(*s = cli_load_scenario(spec, co, NULL, &rc)))
        return rc;
    jz_history_options ho = {o->map};
    if (!(*h = jz_history_load_opts(o->history, &ho, &err))) {
        jz_scenario_free(*s);
        *s = NULL;
        return cli_fail_input(&err);
    }
    cli_warning_list((*h)->warnings, (*h)->n_warnings, co->quiet);
    return EXIT_OK;
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

/* `extends` value for a file written at out_path that extends scen_path (cli.h). */
int cli_extends_path(const char *scen_path, const char *out_path, char *buf, size_t size)
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

/* The calibrated scenario: a YAML that extends the input (ext: the path from the output's directory). */
typedef struct calib_yaml {
    const jz_calib *c;
    const char *ext;
} calib_yaml;

static int write_yaml(jz_outfile *of, void *ctx, jz_error *err)
{
    const calib_yaml *x = ctx;
    return jz_calib_write_yaml(of->fp, x->c, x->ext, err);
}

int cmd_calibrate(int argc, char **argv)
{
    cli_common co;
    opts o;
    int rc = parse(&calibrate_spec, argc, argv, &co, &o);
    if (rc != CLI_GO_ON)
        return rc;
    jz_calib_options cal;
    jz_calib_options_default(&cal);
    cal.until = o.until;
    cal.break_year = o.break_year;
    cal.instroom_observed = o.instroom_observed;
    if (o.fit)
        cal.fit = o.fit_bits;
    jz_scenario *s;
    jz_history *h;
    if ((rc = load_inputs(&calibrate_spec, &co, &o, &s, &h)) != EXIT_OK)
        return rc;
    jz_error err;
    jz_calib *c = jz_calibrate(s, h, &cal, &err);
    if (!c) {
        rc = cli_fail(&err);
        goto done;
    }
    cli_warning_list(c->warnings, c->n_warnings, co.quiet || co.format == JZ_FORMAT_TABLE);
    if (co.output) {
        char ext[PATH_MAX];
        if (strcmp(co.output, "-") == 0) {
            rc = cli_usage_error("calibrate", "-o needs a file name: stdout carries the report");
            goto done;
        }
        if (cli_extends_path(co.path, co.output, ext, sizeof ext)) {
            jz_error_set(&err, JZ_EIO, co.output, 0, 0, "cannot resolve the directory of the output file");
            rc = cli_fail(&err);
            goto done;
        }
        calib_yaml x = {c, ext};
        if ((rc = cli_write(co.output, write_yaml, &x)) != EXIT_OK)
            goto done;
        if (jz_calib_check_written(co.output, &err) != JZ_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    jz_report_options ro;
    cli_report_options(&co, &ro);
    jz_report_subject x = {.kind = JZ_REPORT_CALIBRATE, .calib = c};
    if (jz_report(stdout, &x, &ro, &err) != JZ_OK || fflush(stdout)) {
        jz_error_set(&err, JZ_EIO, NULL, 0, 0, "cannot write the report to stdout");
        rc = cli_fail(&err);
    }
done:
    jz_calib_free(c);
    jz_history_free(h);
    jz_scenario_free(s);
    return rc;
}

/* --save-intervals: the interval table of the backtest, written atomically. */
static int save_intervals(const jz_backtest *b, const jz_scenario *s, const opts *o)
{
    jz_error err;
    jz_intervals *iv = jz_intervals_from_backtest(b, s, &err);
    if (!iv)
        return cli_fail(&err);
    char source[1400];
    snprintf(source, sizeof source, "jzsim backtest --rolling on %s, history %s, origins %d-%d",
             s->meta.path, o->history, b->first_origin, b->first_origin + b->n_origins - 1);
    jz_outfile of;
    int rc = jz_outfile_open(&of, o->save_intervals, &err);
    if (rc == JZ_OK && (rc = jz_intervals_write(of.fp, iv, source, &err)) != JZ_OK)
        jz_outfile_abort(&of);
    else if (rc == JZ_OK)
        rc = jz_outfile_commit(&of, &err);
    jz_intervals_free(iv);
    return rc == JZ_OK ? EXIT_OK : cli_fail(&err);
}

int cmd_backtest(int argc, char **argv)
{
    cli_common co;
    opts o;
    int rc = parse(&backtest_spec, argc, argv, &co, &o);
    if (rc != CLI_GO_ON)
        return rc;
    jz_backtest_options bo;
    jz_backtest_options_default(&bo);
    bo.fit_until = o.fit_until;
    bo.instroom_observed = o.instroom_observed;
    bo.max_horizon = o.horizon;
    bo.rolling = o.rolling;
    bo.first_origin = o.first_origin;
    bo.anchor = o.anchor;
    bo.ahead = o.rolling;
    bo.calib.break_year = o.break_year;
    if (o.fit)
        bo.calib.fit = o.fit_bits;
    jz_scenario *s;
    jz_history *h;
    if ((rc = load_inputs(&backtest_spec, &co, &o, &s, &h)) != EXIT_OK)
        return rc;
    jz_error err;
    jz_backtest *b = jz_backtest_run(s, h, &bo, &err);
    if (!b) {
        rc = cli_fail(&err);
    } else {
        if (co.format != JZ_FORMAT_TABLE) {
            cli_warning_list(b->calib->warnings, b->calib->n_warnings, co.quiet);
            cli_warning_list(b->warnings, b->n_warnings, co.quiet);
        }
        jz_report_options ro;
        cli_report_options(&co, &ro);
        jz_report_subject x = {.kind = JZ_REPORT_BACKTEST, .backtest = b};
        rc = cli_report(co.output, &x, &ro);
        if (rc == EXIT_OK && o.save_intervals)
            rc = save_intervals(b, s, &o);
    }
    jz_backtest_free(b);
    jz_history_free(h);
    jz_scenario_free(s);
    return rc;
}
