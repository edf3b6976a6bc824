/*
 * cmd_validate.c - `jzsim validate`: load and check scenarios, run nothing.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: jzsim validate [--quiet] SCENARIO.yaml ...\n"
           "\n"
           "Reads each scenario (following `extends`), checks every key, type, unit\n"
           "and range, and reports the first problem per file as file:line:column.\n"
           "Prints 'ok' with a summary per valid file; warnings go to stderr.\n"
           "\n"
           "Options:\n"
           "  --quiet      print nothing for valid files and no warnings\n"
           "\n"
           "Example:\n"
           "  jzsim validate scenarios/example.yaml\n"
           "\n"
           "Exit codes: 0 all valid, 2 a file is invalid or unreadable.\n");
}

int cmd_validate(int argc, char **argv)
{
    int quiet = 0, nfiles = 0, worst = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0)
            quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("validate", "unknown option '%s'", argv[i]);
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        nfiles++;
        int rc = EXIT_OK;
        jz_scenario *s = cli_load(argv[i], &rc);
        if (!s) {
            /* a file that cannot be read is bad input for validate */
            worst = EXIT_INPUT;
            continue;
        }
        cli_warnings(s, quiet);
        if (!quiet)
            printf("ok %s: %s, %d gemeente(n), %d zorgsoorten, %d-%d\n", argv[i], s->meta.name,
                   s->n_gemeenten, s->n_zorgsoorten, s->meta.base_year,
                   s->meta.base_year + s->meta.horizon - 1);
        jz_scenario_free(s);
    }
    if (nfiles == 0)
        return cli_usage_error("validate", "no scenario file given");
    return worst;
}
