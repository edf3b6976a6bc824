/*
 * main.c - the jzsim command: dispatch to a subcommand.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "common/util.h"
#include "cli/version.h"

static const jz_command commands[] = {
    {"run", cmd_run, "project one scenario and print the per-year figures"},
    {"validate", cmd_validate, "check a scenario file without running it"},
    {"compare", cmd_compare, "put scenarios side by side: table, csv, json, xlsx or html briefing"},
    {"calibrate", cmd_calibrate, "fit a scenario to the observed history, write the calibrated scenario"},
    {"backtest", cmd_backtest, "score a fitted projection of later years against naive forecasts"},
    {"measures", cmd_measures, "what each measure buys: ranking, payback, certainty, interaction"},
    {"mc", cmd_mc, "Monte Carlo bands (P5-P95) of cost and tekort from uncertain inputs"},
    {"sensitivity", cmd_sensitivity, "which assumptions matter: tornado of the tekort, break-even values"},
    {"init", cmd_init, "derive a scenario from spending and unique clients per zorgsoort (template)"},
    {"prognose", cmd_prognose, "project the year end of the current year from the realised months"},
    {"records", cmd_records, "trajectory records to history, duration fits, transitions (and a scenario)"},
    {NULL, NULL, NULL}};

static void usage(FILE *out)
{
    fprintf(out,
            "jzsim %s - projections of jeugdzorg volumes, costs and deficits\n"
            "\n"
            "Usage: jzsim <command> [options] SCENARIO.yaml ...\n"
            "\n"
            "Commands:\n",
            JZSIM_VERSION);
    for (const jz_command *c = commands; c->name; c++)
        fprintf(out, "  %-12s %s\n", c->name, c->summary);
    fprintf(out,
            "\n"
            "Run 'jzsim <command> --help' for the options of a command.\n"
            "\n"
            "Example:\n"
            "  jzsim run scenarios/example.yaml            # table in Dutch\n"
            "  jzsim run --format csv --locale nl scenarios/example.yaml > uit.csv\n"
            "\n"
            "Exit codes: 0 ok; 1 runtime failure or an output that could not be written;\n"
            "2 bad usage or bad input (including an input file that is missing or unreadable).\n"
            "Scenario format: docs/scenario-format.md; the model: docs/model.md.\n");
}

/* Everything a command printed must have reached stdout: a full disk,
 * /dev/full or a closed stdout is a failure (exit 1), not a lost "ok". */
static int stdout_checked(int rc)
{
    errno = 0;
    int bad = fflush(stdout) != 0 || ferror(stdout);
    int e = errno;
    if (fclose(stdout) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (!bad)
        return rc;
    fprintf(stderr, "jzsim: cannot write to standard output: %s\n", e ? strerror(e) : "write error");
    return rc == EXIT_OK ? EXIT_RUNTIME : rc;
}

static int dispatch(int argc, char **argv);

int main(int argc, char **argv)
{
    return stdout_checked(dispatch(argc, argv));
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_INPUT;
    }
    const char *name = argv[1];
    if (cli_is_help(name) || strcmp(name, "help") == 0) {
        if (argc > 2)
            for (const jz_command *c = commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0) {
                    char *hargv[] = {argv[2], "--help", NULL};
                    return c->fn(2, hargv);
                }
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        cli_print_version(stdout);
        return EXIT_OK;
    }
    for (const jz_command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c->fn(argc - 1, argv + 1);
    const char *near = NULL;
    size_t bestd = 3; /* a typing mistake such as 'rn' or 'comapre' */
    for (const jz_command *c = commands; c->name; c++) {
        size_t d = jz_edit_distance(name, c->name);
        if (d < bestd) {
            bestd = d;
            near = c->name;
        }
    }
    if (near) {
        fprintf(stderr, "jzsim: '%s' is not a jzsim command; did you mean '%s'?\n"
                        "Run 'jzsim --help' for the list of commands.\n", name, near);
        return EXIT_INPUT;
    }
    fprintf(stderr, "jzsim: '%s' is not a jzsim command.\n\n", name);
    usage(stderr);
    return EXIT_INPUT;
}
