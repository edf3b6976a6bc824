/*
 * cmd_validate.c - `jzsim validate`: load and check scenarios, run nothing.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void help(void)
{
    printf("Usage: jzsim validate [--quiet] [--strict] [--allow-implausible] SCENARIO.yaml ...\n"
           "\n"
           "Reads each scenario (following `extends`), checks every key, type, unit\n"
           "and range, and reports the first problem per file as file:line:column.\n"
           "Prints 'ok' with a summary per valid file, then its warnings (a value\n"
           "outside its plausible range, a variant without its own description);\n"
           "warnings also go to stderr.\n"
           "\n"
           "Options:\n"
           "  --quiet              print nothing for valid files and no warnings\n"
           "  --strict             a warning makes the file invalid (exit 2)\n"
           "  --allow-implausible  accept rates above their plausibility ceiling (25%%/yr\n"
           "                       indexation, 50%%/yr growth), as if marked plausible: false\n"
           "\n"
           "Example:\n"
           "  jzsim validate --strict scenarios/example.yaml\n"
           "\n"
           "Exit codes: 0 all valid, 2 a file is invalid or unreadable (or, with\n"
           "--strict, has a warning).\n");
}

typedef struct vopts {
    int strict;
    jz_load_options load;
} vopts;

static int own(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    (void)cmd;
    (void)argc;
    vopts *o = ctx;
    if (strcmp(argv[*i], "--strict") == 0) {
        o->strict = 1;
        return CLI_TAKEN;
    }
    if (strcmp(argv[*i], "--allow-implausible") == 0) {
        o->load.allow_implausible = 1;
        return CLI_TAKEN;
    }
    return CLI_NOT_MINE;
}

static const cli_spec spec = {
    .cmd = "validate",
    .help = help,
    .many = 1,
    .own = own,
};

int cmd_validate(int argc, char **argv)
{
    cli_common co;
    vopts o = {0};
    jz_load_options_default(&o.load);
    int worst = cli_parse(&spec, argc, argv, &co, &o);
    if (worst != CLI_GO_ON)
        return worst;
    worst = EXIT_OK;
    /* cli_parse has checked the options: the rest are files */
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        int rc = EXIT_OK;
        jz_scenario *s = cli_load_with(argv[i], &o.load, &rc);
        if (!s) {
            /* a file that cannot be read is bad input for validate */
            worst = EXIT_INPUT;
            continue;
        }
        cli_warnings(s, co.quiet);
        if (!co.quiet) {
            printf("ok %s: %s, %d gemeente(n), %d zorgsoorten, %d-%d\n", argv[i], s->meta.name,
                   s->n_gemeenten, s->n_zorgsoorten, s->meta.base_year,
                   s->meta.base_year + s->meta.horizon - 1);
            for (int w = 0; w < s->n_warnings; w++)
                printf("  warning: %s\n", s->warnings[w]);
        }
        if (o.strict && s->n_warnings > 0) {
            fprintf(stderr, "jzsim: %s: %d warning(s) and --strict\n", argv[i], s->n_warnings);
            worst = EXIT_INPUT;
        }
        jz_scenario_free(s);
    }
    return worst;
}
