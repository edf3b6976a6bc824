/*
 * cmd_validate.c - `jzsim validate`: load and check scenarios, run nothing.
 */
#include <stdio.h>

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

static const cli_spec spec = {
    .cmd = "validate",
    .help = help,
    .many = 1,
};

int cmd_validate(int argc, char **argv)
{
    cli_common co;
    int worst = cli_parse(&spec, argc, argv, &co, NULL);
    if (worst != CLI_GO_ON)
        return worst;
    worst = EXIT_OK;
    /* cli_parse has checked the options (--quiet only): the rest are files */
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        int rc = EXIT_OK;
        jz_scenario *s = cli_load(argv[i], &rc);
        if (!s) {
            /* a file that cannot be read is bad input for validate */
            worst = EXIT_INPUT;
            continue;
        }
        cli_warnings(s, co.quiet);
        if (!co.quiet)
            printf("ok %s: %s, %d gemeente(n), %d zorgsoorten, %d-%d\n", argv[i], s->meta.name,
                   s->n_gemeenten, s->n_zorgsoorten, s->meta.base_year,
                   s->meta.base_year + s->meta.horizon - 1);
        jz_scenario_free(s);
    }
    return worst;
}
