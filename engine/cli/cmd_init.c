/*
 * cmd_init.c - `jzsim init`: a scenario from a filled-in template
 * (jz_derive_from_file, docs/eigen-gemeente.md).  Thin glue: options, write
 * the YAML, print the base-year check and the remaining assumptions.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/derive.h"

static void help(void)
{
    printf("Usage: jzsim init [-o SCENARIO.yaml] [--quiet] TEMPLATE.yaml\n"
           "\n"
           "Derives a complete scenario from the figures a controller has: realised\n"
           "spending and unique clients per zorgsoort in the basisjaar (required),\n"
           "and optionally starts, eindes, in_zorg_1_januari, zorgduur, the nominal\n"
           "begroting, the Rijksbijdrage and fixed cost lines.  The base-year run of\n"
           "the scenario reproduces the given spending and unique clients; every\n"
           "derived number carries its derivation as a YAML comment.  The template\n"
           "format: docs/eigen-gemeente.md; templates: scenarios/sjabloon/.\n"
           "\n"
           "Writes the scenario to stdout (or -o FILE); on stderr the base-year\n"
           "check and the assumptions that remain, each with the figure that\n"
           "would replace it.\n"
           "\n"
           "Options:\n"
           "  -o, --output FILE  write the scenario to FILE\n"
           "  --quiet            no check and no assumptions on stderr\n"
           "\n"
           "Example:\n"
           "  jzsim init -o mijn-gemeente.yaml scenarios/sjabloon/voorbeeld.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 missing or contradictory figures\n"
           "(the message names file:line:column of the cell).\n");
}

int cmd_init(int argc, char **argv)
{
    const char *path = NULL, *output = NULL, *v;
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        int r = cli_opt_value("init", argc, argv, &i, "--output", &v);
        if (r == 0)
            r = cli_opt_value("init", argc, argv, &i, "-o", &v);
        if (r < 0)
            return EXIT_INPUT;
        if (r > 0) {
            output = v;
            continue;
        }
        if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "-q") == 0)
            quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("init", "unknown option '%s'", argv[i]);
        else if (path)
            return cli_usage_error("init", "one template at a time ('%s' and '%s')", path, argv[i]);
        else
            path = argv[i];
    }
    if (!path)
        return cli_usage_error("init", "no template given");
    jz_error err;
    jz_derive_result *res = NULL;
    if (jz_derive_from_file(path, &res, &err) != JZ_OK)
        return cli_fail(&err);
    FILE *f = stdout;
    if (output && strcmp(output, "-") != 0) {
        f = fopen(output, "w");
        if (!f) {
            jz_error_set(&err, JZ_EIO, output, 0, 0, "cannot write the scenario");
            jz_derive_result_free(res);
            return cli_fail(&err);
        }
    }
    int bad = fwrite(res->yaml, 1, res->yaml_len, f) != res->yaml_len;
    if (f != stdout)
        bad |= fclose(f) != 0;
    else
        bad |= fflush(f) != 0;
    if (bad) {
        jz_error_set(&err, JZ_EIO, output, 0, 0, "cannot write the scenario");
        jz_derive_result_free(res);
        return cli_fail(&err);
    }
    /* the loader's warnings on the derived scenario: figures that give an
     * implausible number (e.g. a price per client-year) - always shown */
    for (int i = 0; i < res->n_warnings; i++)
        fprintf(stderr, "jzsim init: warning: %s\n", res->warnings[i]);
    if (res->n_warnings)
        fprintf(stderr, "jzsim init: the line numbers are those of the written scenario; check the "
                        "template's figures of the zorgsoort named (uitgaven, unieke_clienten, ...)\n");
    if (!quiet) {
        fprintf(stderr, "jzsim init: basisjaar, opgave tegen model (grootste verschil %.4f%%):\n",
                100.0 * res->max_rel_diff);
        for (int i = 0; i < res->n_checks; i++) {
            const jz_derive_check *c = &res->checks[i];
            fprintf(stderr, "  %-20s uitgaven %14.0f / %14.0f   unieke clienten %8.0f / %8.0f\n", c->key,
                    c->spending_given, c->spending_model, c->unique_given, c->unique_model);
        }
        fprintf(stderr, "jzsim init: %d aannames over (elk met het cijfer dat haar vervangt):\n",
                res->n_assumptions);
        for (int i = 0; i < res->n_assumptions; i++)
            fprintf(stderr, "  - %s\n", res->assumptions[i]);
    }
    jz_derive_result_free(res);
    return EXIT_OK;
}
