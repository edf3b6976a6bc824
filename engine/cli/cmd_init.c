/*
 * cmd_init.c - `jzsim init`: a scenario from a filled-in template
 * (jz_derive_from_file, docs/eigen-gemeente.md).  Thin glue: options, write
 * the YAML (atomically), print the base-year check and what is assumed.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/derive.h"

static const char usage[] =
    "Usage: jzsim init [-o SCENARIO.yaml] [--lang L] [--quiet] TEMPLATE.yaml\n"
    "\n"
    "Derives a complete scenario from the figures a controller has: realised\n"
    "spending and unique clients per zorgsoort in the basisjaar (required),\n"
    "and optionally starts, eindes, in_zorg_1_januari, zorgduur, the nominal\n"
    "begroting, the Rijksbijdrage and fixed cost lines.  The base-year run of\n"
    "the scenario reproduces the given spending and unique clients; every\n"
    "derived number carries its derivation as a YAML comment.  The template\n"
    "is YAML, or a CSV form for Excel when its name ends in .csv (';' with\n"
    "decimal commas, or ','); format: docs/eigen-gemeente.md; templates:\n"
    "scenarios/sjabloon/ (leeg.yml, leeg.csv, voorbeeld.yml, voorbeeld.csv).\n"
    "\n"
    "Writes the scenario to stdout (or -o FILE); on stderr the base-year\n"
    "check and the assumptions that remain, each with the figure that\n"
    "would replace it, in Dutch (--lang en: English), and the loader's\n"
    "warnings on the scenario, in English as every command's messages.\n"
    "\n"
    "Options:\n";

static const cli_option options[] = {
    CLI_OWN("-o, --output", "FILE", "write to FILE (atomically: temp file, then rename)"),
    CLI_OWN("--lang", "L", "nl (default) or en: the base-year check and the assumptions"),
    CLI_COMMON("--quiet", NULL, "no check and no assumptions on stderr (warnings stay)"),
    CLI_END,
};

static const char trailer[] =
    "\n"
    "Example:\n"
    "  jzsim init -o mijn-gemeente.yaml scenarios/sjabloon/voorbeeld.yml\n"
    "  jzsim init -o mijn-gemeente.yaml mijn-sjabloon.csv\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 missing or contradictory figures\n"
    "(the message names file:line:column of the cell; in a CSV row:column,\n"
    "A = 1) or usage.\n";

typedef struct init_opts {
    const char *output;
    jz_lang lang;
} init_opts;

static int own_option(const char *cmd, int argc, char **argv, int *i, void *ctx)
{
    init_opts *io = ctx;
    const char *v;
    int k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--output", &io->output)) ||
        (k = cli_opt_value(cmd, argc, argv, i, "-o", &io->output)))
        return k;
    if ((k = cli_opt_value(cmd, argc, argv, i, "--lang", &v)))
        return k < 0 || cli_parse_lang(cmd, v, &io->lang) ? CLI_ERROR : CLI_TAKEN;
    return CLI_NOT_MINE;
}

static const cli_spec spec = {
    .cmd = "init",
    .usage = usage,
    .options = options,
    .help_col = 20,
    .trailer = trailer,
    .one_hint = ": one template gives one scenario",
    /* its file is a template, not a scenario: say which and where to start */
    .none_said = "no template given: copy scenarios/sjabloon/leeg.csv (Excel) or leeg.yml, fill it in, and "
                 "give it: jzsim init -o mijn-gemeente.yaml mijn-sjabloon.csv (docs/eigen-gemeente.md)",
    .own = own_option,
};

static int write_yaml(jz_outfile *of, void *ctx, jz_error *err)
{
    const jz_derive_result *res = ctx;
    if (fwrite(res->yaml, 1, res->yaml_len, of->fp) != res->yaml_len)
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the scenario");
    return JZ_OK;
}

int cmd_init(int argc, char **argv)
{
    cli_common co;
    init_opts io = {NULL, JZ_LANG_NL};
    int rc = cli_parse(&spec, argc, argv, &co, &io);
    if (rc != CLI_GO_ON)
        return rc;
    const char *output = io.output;
    const jz_lang lang = io.lang;
    const int en = lang == JZ_LANG_EN;
    if (cli_check_output(spec.cmd, output, argc, argv))
        return EXIT_INPUT;
    jz_error err;
    jz_derive_result *res = NULL;
    if (jz_derive_from_file(co.path, &res, &err) != JZ_OK)
        return cli_fail_input(&err); /* a template that cannot be read is bad input too */
    rc = cli_write(output, write_yaml, res);
    if (rc != EXIT_OK) {
        jz_derive_result_free(res);
        return rc;
    }
    /* the loader's warnings on the derived scenario: figures that give an
     * implausible number (e.g. a price per client-year) - always shown, as
     * every command shows a warning (English, the same text as validate's) */
    cli_warning_list(res->warnings, res->n_warnings, 0);
    if (res->n_unplaced) /* a warning the template has no cell for keeps the derived scenario's line */
        fprintf(stderr, "jzsim init: the line numbers are those of the written scenario; check the "
                        "template's figures of the zorgsoort named (uitgaven, unieke_clienten, ...)\n");
    if (!co.quiet) {
        /* the report in the user's language (--lang), its figures as the
         * controller's own tables show them (nl 12.345.678; 0,000001%), not
         * C's "%.6f" */
        char pct[48], sg[48], sm[48], ug[32], um[32];
        jz_format_number(pct, sizeof pct, 100.0 * res->max_rel_diff, 6, lang);
        if (en)
            fprintf(stderr, "jzsim init: basisjaar, given against the model (largest difference %s%%):\n", pct);
        else
            fprintf(stderr, "jzsim init: basisjaar, opgave tegen model (grootste verschil %s%%):\n", pct);
        for (int i = 0; i < res->n_checks; i++) {
            const jz_derive_check *c = &res->checks[i];
            fprintf(stderr, "  %-20s %s %14s / %14s   %s %10s / %10s\n", c->key, en ? "spending" : "uitgaven",
                    jz_format_number(sg, sizeof sg, c->spending_given, 0, lang),
                    jz_format_number(sm, sizeof sm, c->spending_model, 0, lang),
                    en ? "unique clients" : "unieke cliënten",
                    jz_format_number(ug, sizeof ug, c->unique_given, 0, lang),
                    jz_format_number(um, sizeof um, c->unique_model, 0, lang));
        }
        if (en)
            fprintf(stderr, "jzsim init: %d assumptions remain (each with the figure in the template that replaces it; "
                            "then run jzsim init again):\n", res->n_assumptions);
        else
            fprintf(stderr, "jzsim init: %d aannames over (elk met de opgave in het sjabloon die haar vervangt; draai "
                            "daarna jzsim init opnieuw):\n", res->n_assumptions);
        for (int i = 0; i < res->n_assumptions; i++)
            fprintf(stderr, "  - %s\n", en ? res->assumptions[i].en : res->assumptions[i].nl);
    }
    jz_derive_result_free(res);
    return EXIT_OK;
}
