/*
 * cli.h - shared pieces of the jzsim command line (internal).
 *
 * Each subcommand lives in its own cmd_<name>.c and is listed in the
 * command table in main.c.  Conventions (git/curl style):
 *   - stdout carries only the result; diagnostics go to stderr;
 *   - exit codes: 0 ok, 1 runtime failure, 2 bad input or usage;
 *   - every subcommand has --help with an example.
 * A subcommand describes its options in a cli_spec: a table of options
 * (cli_option) from which both --help's option list and the parser come,
 * as git's parse-options.  It parses them with cli_parse (the common ones,
 * the table's, and the rest through spec.own), loads its scenario with
 * cli_load_scenario and writes through cli_report (jz_report) or cli_write:
 * so the shared options behave, and their mistakes read, the same
 * everywhere.
 */
#ifndef JZ_CLI_H
#define JZ_CLI_H

#include "jzsim/jzsim.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_INPUT = 2 };

/* The most scenario files a command takes (compare: JZ_CMP_MAX_SCENARIOS). */
#define CLI_MAX_PATHS 32

typedef struct jz_command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} jz_command;

/* Print "jzsim: file:line:col: message" to stderr; return the exit code
 * that fits err->status. */
int cli_fail(const jz_error *err);
/* cli_fail for an error in reading an input: JZ_EIO (missing, unreadable)
 * is bad input too, exit 2, the same in every command. */
int cli_fail_input(const jz_error *err);
/* Print "jzsim <cmd>: message" and a hint to --help; return EXIT_INPUT. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Print the scenario's warnings to stderr unless quiet. */
void cli_warnings(const jz_scenario *s, int quiet);

/* The model size limit: JZSIM_MAX_MEMORY (MiB) when set, else
 * JZ_MODEL_BYTES_DEFAULT. */
size_t cli_memory_limit(void);
/* "; did you mean 'Hengelo' (GM0164)?" into buf when one of n units
 * (unit() gives the name and code of unit i) is the one meant by asked
 * (jz_gemeente_nearest: another case, or a slip of a letter or two), else
 * "".  A buffer of CLI_HINT_MAX holds any name and code the scenario can
 * carry. */
#define CLI_HINT_MAX (JZ_NAME_MAX + JZ_CODE_MAX + 32)
void cli_gemeente_hint(const char *asked, int n, jz_gemeente_names *unit, const void *ctx, char *buf, size_t size);
/* Load a scenario (and check its size against cli_memory_limit); on failure prints the error and sets *exit_code. */
jz_scenario *cli_load(const char *path, int *exit_code);
/* The same with loader options (NULL: the defaults), e.g. allow_implausible. */
jz_scenario *cli_load_with(const char *path, const jz_load_options *opt, int *exit_code);

/* Option parsing: is argv[*i] the option `name` (e.g. "--format")?  Takes
 * "--format csv" and "--format=csv"; sets *value and advances *i.  A
 * missing value is a usage error (returns -1 after printing). */
int cli_opt_value(const char *cmd, int argc, char **argv, int *i, const char *name,
                  const char **value);
int cli_is_help(const char *arg);

/* Parse --lang nl|en; returns 0 or prints a usage error and returns -1. */
int cli_parse_lang(const char *cmd, const char *v, jz_lang *lang);

/* Print each warning as "jzsim: warning: ..." to stderr unless quiet. */
void cli_warning_list(char *const *warnings, int n, int quiet);

/* The options every report-writing subcommand takes, as parsed. */
typedef struct cli_common {
    const char *path;     /* the scenario: the first argument that is not an option */
    const char *paths[CLI_MAX_PATHS]; /* with spec.max_paths: every such argument */
    int n_paths;
    jz_format format;     /* --format; JZ_FORMAT_TABLE by default */
    int format_given;     /* 1 when --format was on the command line */
    jz_lang lang;         /* --lang; JZ_LANG_NL by default */
    int locale_nl;        /* --locale nl: CSV with ';' and decimal commas */
    const char *output;   /* -o/--output FILE; NULL (stdout) by default */
    const char *gemeente; /* --gemeente as given; NULL when not given */
    int quiet;            /* --quiet/-q */
    int threads;          /* set by a command with spec.rolling or spec.draws before
                             loading: its worker threads (0: all cores), for the size check */
} cli_common;

/* One option of a command, as data (git's parse-options): --help lists the
 * table in order, and cli_parse reads the plain kinds into the command's
 * ctx at offset; the common ones are read by cli_parse_common, CLI_OPT_OWN
 * by spec.own (values with rules of their own). */
typedef enum {
    CLI_OPT_END = 0,
    CLI_OPT_COMMON, /* --format, --lang, --locale, -o/--output, --gemeente, --quiet */
    CLI_OPT_OWN,    /* read by spec.own */
    CLI_OPT_STRING, /* const char * */
    CLI_OPT_LONG,   /* long in lo..hi, "10k" allowed (unc_cli_long) */
    CLI_OPT_INT,    /* the same, into an int */
    CLI_OPT_SEED,   /* unsigned long, 0..4294967295 */
    CLI_OPT_MONEY   /* double, an amount in euros: "-2.5M", "750k" */
} cli_opt_type;

typedef struct cli_option {
    cli_opt_type type;
    const char *name; /* "--draws"; listed as given ("-o, --output") */
    const char *arg;  /* the value's name in --help ("N"); NULL: a flag */
    const char *help; /* '\n' continues on the next line, aligned; NULL: not
                       * listed (another option's text mentions it) */
    size_t offset;    /* STRING..MONEY: offsetof(the ctx type, field) */
    long lo, hi;      /* LONG, INT */
} cli_option;

/* Rows of a table: a common option, one read by spec.own, the end. */
#define CLI_COMMON(name, arg, help) {CLI_OPT_COMMON, name, arg, help, 0, 0, 0}
#define CLI_OWN(name, arg, help) {CLI_OPT_OWN, name, arg, help, 0, 0, 0}
#define CLI_END {CLI_OPT_END, NULL, NULL, NULL, 0, 0, 0}
/* the rows most commands share, worded once */
#define CLI_OUTPUT_ROW CLI_COMMON("-o, --output", "FILE", "write to FILE (atomically: temp file, then rename)")
#define CLI_QUIET_ROW CLI_COMMON("--quiet", NULL, "no warnings on stderr")

#define CLI_STR_(x) #x
#define CLI_STR(x) CLI_STR_(x) /* a number macro as a string, in help texts */

/* Does the command take --gemeente, and is 'all' a value of its own? */
enum { CLI_GEMEENTE_NO, CLI_GEMEENTE_ONE, CLI_GEMEENTE_ALL };

/* How a subcommand parses its arguments: what it shares and what is its own.
 * Messages name cmd, so each command keeps its exact wording. */
typedef struct cli_spec {
    const char *cmd;                /* "run": in every message */
    void (*help)(void);             /* --help, -h: prints the help to stdout; NULL:
                                     * usage, the options table, trailer (cli_help) */
    const char *usage;              /* --help up to "Options:\n" */
    const cli_option *options;      /* ended by CLI_OPT_END */
    int help_col;                   /* the column of the options' texts */
    const char *trailer;            /* --help after the options (examples, exit codes) */
    /* The --format values it takes: bit f for jz_format f (CLI_FORMATS_BASIC
     * and more).  0: the command writes no report and takes only --quiet
     * (validate).  xlsx and html need -o FILE. */
    unsigned formats;
    const char *formats_said;       /* the list as the --format error says it;
                                     * NULL: the values joined, "table, csv or json" */
    int output_is_scenario;         /* 1: -o writes a scenario (YAML), not the report
                                     * (calibrate, records): its name is not checked
                                     * against --format */
    int gemeente;                   /* CLI_GEMEENTE_* */
    int many;                       /* 1: any number of scenarios (validate reads argv itself) */
    int rolling;                    /* > 0: holds this many rolling runs per thread, each with a
                                     * full copy, and reports totals (sensitivity: 1;
                                     * jz_model_check_size_rolling) */
    int draws;                      /* 1: a Monte Carlo (jzsim mc): its size check is
                                     * jz_mc_check_size, which knows how many draws it holds */
    int max_paths;                  /* > 0: up to this many scenarios, in cli_common.paths;
                                     * the command says how many it needs */
    const char *one_hint;           /* after "one scenario at a time" */
    const char *none_said;          /* NULL: "no scenario file given"; else what a command that
                                     * reads another file (init: a template) says instead */
    /* The command's own options, tried when argv[*i] is no common one:
     * CLI_TAKEN (advance *i past a value), CLI_NOT_MINE, or CLI_ERROR after
     * printing a usage error.  ctx is what cli_parse was given. */
    int (*own)(const char *cmd, int argc, char **argv, int *i, void *ctx);
} cli_spec;

/* Print --help from spec: usage, the option table, trailer. */
void cli_help(const cli_spec *spec);

/* What an option parser made of argv[*i] (the values of cli_opt_value). */
enum { CLI_ERROR = -1, CLI_NOT_MINE = 0, CLI_TAKEN = 1 };

/* The formats of most commands: table (default), csv, json. */
#define CLI_FORMAT(f) (1u << (f))
#define CLI_FORMATS_BASIC (CLI_FORMAT(JZ_FORMAT_TABLE) | CLI_FORMAT(JZ_FORMAT_CSV) | CLI_FORMAT(JZ_FORMAT_JSON))

/* One common option (--format, --lang, --locale, -o/--output, --gemeente,
 * --quiet, as far as spec takes them) at argv[*i] into co: CLI_TAKEN,
 * CLI_NOT_MINE, or CLI_ERROR after printing a usage error. */
int cli_parse_common(const cli_spec *spec, int argc, char **argv, int *i, cli_common *co);

/* The whole command line: --help, the common options, spec->own, then the
 * errors every command gives in the same words: an unknown option, a second
 * scenario, no scenario, a file-only format without -o.  co is reset first.
 * Returns CLI_GO_ON, or the exit code (after --help, or a printed error). */
enum { CLI_GO_ON = -1 };
int cli_parse(const cli_spec *spec, int argc, char **argv, cli_common *co, void *ctx);

/* -o FILE: not empty, and not one of the input files (any argument that
 * names the same existing file).  0, or -1 after printing a usage error. */
int cli_check_output(const char *cmd, const char *output, int argc, char **argv);

/* jz_report_options from the defaults and --format, --lang, --locale. */
void cli_report_options(const cli_common *co, jz_report_options *ro);

/* Load co->path and print its warnings (unless --quiet); with --gemeente
 * and gemeente != NULL, set *gemeente to its index ('all' is left to the
 * command when spec->gemeente is CLI_GEMEENTE_ALL).  NULL after printing
 * the error, *exit_code set. */
jz_scenario *cli_load_scenario(const cli_spec *spec, const cli_common *co, int *gemeente,
                               int *exit_code);

/* Write one report to path (NULL or "-": stdout) through jz_outfile:
 * open, write, then commit, or abort so that an existing file stays as it
 * was.  writer returns a JZ_ status and fills err; it gets the whole outfile
 * because writers by path (xlsx) fill of->tmp.  Returns EXIT_OK, or the
 * exit code after printing the error. */
typedef int (*cli_writer)(jz_outfile *of, void *ctx, jz_error *err);
int cli_write(const char *path, cli_writer writer, void *ctx);
/* cli_write of jz_report(x, o) (o->path set to the temporary file, for XLSX). */
int cli_report(const char *path, const jz_report_subject *x, jz_report_options *o);
/* The `extends` value, relative to out_path's directory, of a scenario written
 * there that extends scen_path (calibrate -o, records -o); -1 if either cannot
 * be resolved. */
int cli_extends_path(const char *scen_path, const char *out_path, char *buf, size_t size);

int cmd_run(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_calibrate(int argc, char **argv);
int cmd_backtest(int argc, char **argv);
int cmd_measures(int argc, char **argv);
int cmd_mc(int argc, char **argv);
int cmd_sensitivity(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_prognose(int argc, char **argv);
int cmd_records(int argc, char **argv);

#endif
