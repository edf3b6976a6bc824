/*
 * cli.h - shared pieces of the jzsim command line (internal).
 *
 * Each subcommand lives in its own cmd_<name>.c and is listed in the
 * command table in main.c.  Conventions (git/curl style):
 *   - stdout carries only the result; diagnostics go to stderr;
 *   - exit codes: 0 ok, 1 runtime failure, 2 bad input or usage;
 *   - every subcommand has --help with an example.
 */
#ifndef JZ_CLI_H
#define JZ_CLI_H

#include "jzsim/jzsim.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_INPUT = 2 };

typedef struct jz_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} jz_command;

/* Print "jzsim: file:line:col: message" to stderr; return the exit code
 * that fits err->status. */
int cli_fail(const jz_error *err);
/* Print "jzsim <cmd>: message" and a hint to --help; return EXIT_INPUT. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Print the scenario's warnings to stderr unless quiet. */
void cli_warnings(const jz_scenario *s, int quiet);

/* Load a scenario; on failure prints the error and sets *exit_code. */
jz_scenario *cli_load(const char *path, int *exit_code);

/* Option parsing: is argv[*i] the option `name` (e.g. "--format")?  Takes
 * "--format csv" and "--format=csv"; sets *value and advances *i.  A
 * missing value is a usage error (returns -1 after printing). */
int cli_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name,
                  const char **value);
int cli_is_help(const char *arg);

/* Parse --lang nl|en; returns 0 or prints a usage error and returns -1. */
int cli_parse_lang(const char *cmd, const char *v, jz_lang *lang);

int cmd_run(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_calibrate(int argc, char **argv);
int cmd_backtest(int argc, char **argv);
int cmd_measures(int argc, char **argv);
int cmd_mc(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);

#endif
