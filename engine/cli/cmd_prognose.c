/*
 * cmd_prognose.c - `jzsim prognose`: the year end of the current year from
 * the realised months (jz_prognose_read / jz_prognose_run,
 * docs/eigen-gemeente.md step 7).  Thin glue: options, then a table or the
 * JSON document "jzsim-prognose" (format, format_version, jzsim_version,
 * scenario, warnings, then the figures).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "jzsim/prognose.h"
#include "report/jsonw.h"

static void help(void)
{
    printf("Usage: jzsim prognose [--format table|json] [--band PCT] [--gemeente G]\n"
           "                      SCENARIO.yaml REALISATIE.yaml\n"
           "\n"
           "Projects the spending of the current year to 31 December from the\n"
           "realised spending per zorgsoort of its first months, with the monthly\n"
           "model of the scenario and a band (voorjaarsnota, najaarsnota).  The\n"
           "realisation file: jaar, maanden (2-11) and uitgaven {zorgsoort: [month\n"
           "1, month 2, ...]}, optionally clienten {zorgsoort: [in care at the end of\n"
           "each month]} for the clients on 31 December and the unique clients of\n"
           "the year (docs/eigen-gemeente.md, step 7).  Zorgsoorten without\n"
           "realised figures keep the scenario's own figures.\n"
           "\n"
           "Options:\n"
           "  --format F    table (default) or json\n"
           "  --band PCT    coverage of the band in percent, 50-99 (default 80)\n"
           "  --gemeente G  the gemeente by CBS code or name (default: the first)\n"
           "  -o FILE       write to FILE instead of stdout\n"
           "\n"
           "Example:\n"
           "  jzsim prognose mijn-gemeente.yaml realisatie-juni.yaml\n"
           "\n"
           "Exit codes: 0 ok, 1 runtime failure, 2 bad input (the message names\n"
           "file:line:column).\n");
}

static void write_json(FILE *f, const jz_scenario *s, int g, const jz_prognose *p)
{
    jz_jsonw j;
    jz_jsonw_init(&j, f);
    jz_jsonw_begin_document(&j, "jzsim-prognose", 1);
    jz_jsonw_key(&j, "scenario");
    jz_jsonw_string(&j, s->meta.name);
    jz_jsonw_key(&j, "warnings");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < s->n_warnings; i++)
        jz_jsonw_string(&j, s->warnings[i]);
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "gemeente_code");
    jz_jsonw_string(&j, s->gemeenten[g].code);
    jz_jsonw_key(&j, "year");
    jz_jsonw_int(&j, p->year);
    jz_jsonw_key(&j, "months_realised");
    jz_jsonw_int(&j, p->months);
    jz_jsonw_key(&j, "band_level");
    jz_jsonw_number(&j, p->level);
    jz_jsonw_key(&j, "zorgsoorten");
    jz_jsonw_begin_array(&j);
    for (int z = 0; z < p->n_zorgsoorten; z++) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "key");
        jz_jsonw_string(&j, s->zorgsoorten[z].key);
        jz_jsonw_key(&j, "realised");
        jz_jsonw_number(&j, p->realised[z]);
        jz_jsonw_key(&j, "scenario_year");
        jz_jsonw_number(&j, p->model_year[z]);
        jz_jsonw_key(&j, "year_end");
        jz_jsonw_number(&j, p->year_end[z]);
        jz_jsonw_key(&j, "low");
        jz_jsonw_number(&j, p->low[z]);
        jz_jsonw_key(&j, "high");
        jz_jsonw_number(&j, p->high[z]);
        jz_jsonw_key(&j, "scale_start");
        jz_jsonw_number(&j, p->scale_start[z]);
        jz_jsonw_key(&j, "scale_inflow");
        jz_jsonw_number(&j, p->scale_inflow[z]);
        jz_jsonw_key(&j, "scenario_clients_end");
        jz_jsonw_number(&j, p->model_clients_end[z]);
        jz_jsonw_key(&j, "clients_end");
        jz_jsonw_number(&j, p->clients_end[z]);
        jz_jsonw_key(&j, "clients_end_low");
        jz_jsonw_number(&j, p->clients_end_low[z]);
        jz_jsonw_key(&j, "clients_end_high");
        jz_jsonw_number(&j, p->clients_end_high[z]);
        jz_jsonw_key(&j, "scenario_unique");
        jz_jsonw_number(&j, p->model_unique[z]);
        jz_jsonw_key(&j, "unique");
        jz_jsonw_number(&j, p->unique[z]);
        jz_jsonw_key(&j, "unique_low");
        jz_jsonw_number(&j, p->unique_low[z]);
        jz_jsonw_key(&j, "unique_high");
        jz_jsonw_number(&j, p->unique_high[z]);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "total");
    jz_jsonw_begin_object(&j);
    jz_jsonw_key(&j, "realised");
    jz_jsonw_number(&j, p->total_realised);
    jz_jsonw_key(&j, "scenario_year");
    jz_jsonw_number(&j, p->total_model);
    jz_jsonw_key(&j, "year_end");
    jz_jsonw_number(&j, p->total_year_end);
    jz_jsonw_key(&j, "low");
    jz_jsonw_number(&j, p->total_low);
    jz_jsonw_key(&j, "high");
    jz_jsonw_number(&j, p->total_high);
    jz_jsonw_end_object(&j);
    jz_jsonw_end_object(&j);
    fputc('\n', f);
}

static void write_table(FILE *f, const jz_scenario *s, int g, const jz_prognose *p)
{
    fprintf(f, "Prognose %d: %s (%s), %d maanden gerealiseerd, band %.0f%%\n", p->year,
            s->gemeenten[g].name, s->gemeenten[g].code, p->months, 100 * p->level);
    fprintf(f, "%-22s %14s %14s %14s %14s %14s\n", "Zorgsoort", "Gerealiseerd", "Scenario jaar",
            "Prognose jaar", "Band laag", "Band hoog");
    for (int z = 0; z < p->n_zorgsoorten; z++)
        fprintf(f, "%-22s %14.0f %14.0f %14.0f %14.0f %14.0f\n", s->zorgsoorten[z].key, p->realised[z],
                p->model_year[z], p->year_end[z], p->low[z], p->high[z]);
    fprintf(f, "%-22s %14.0f %14.0f %14.0f %14.0f %14.0f\n", "Totaal", p->total_realised, p->total_model,
            p->total_year_end, p->total_low, p->total_high);
    if (!p->any_clients)
        return;
    fprintf(f, "\nCliënten (trajecten; zonder opgave: het scenario)\n");
    fprintf(f, "%-22s %14s %14s %16s %14s %18s\n", "Zorgsoort", "Scenario 31/12", "Prognose 31/12",
            "Band", "Scenario uniek", "Prognose uniek");
    for (int z = 0; z < p->n_zorgsoorten; z++) {
        char band[64], uq[64];
        int given = p->clients_end_low[z] != p->clients_end_high[z] || p->clients_end[z] != p->model_clients_end[z];
        if (given) {
            snprintf(band, sizeof band, "%.0f-%.0f", p->clients_end_low[z], p->clients_end_high[z]);
            snprintf(uq, sizeof uq, "%.0f (%.0f-%.0f)", p->unique[z], p->unique_low[z], p->unique_high[z]);
        } else {
            snprintf(band, sizeof band, "-");
            snprintf(uq, sizeof uq, "%.0f", p->unique[z]);
        }
        fprintf(f, "%-22s %14.0f %14.0f %16s %14.0f %18s\n", s->zorgsoorten[z].key, p->model_clients_end[z],
                p->clients_end[z], band, p->model_unique[z], uq);
    }
}

int cmd_prognose(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL}, *output = NULL, *gem = NULL, *v;
    int json = 0, nfiles = 0;
    double level = 0.8;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help();
            return EXIT_OK;
        }
        int r;
        if ((r = cli_opt_value("prognose", argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0)
                return EXIT_INPUT;
            if (strcmp(v, "json") == 0)
                json = 1;
            else if (strcmp(v, "table") == 0)
                json = 0;
            else
                return cli_usage_error("prognose", "--format must be table or json, got '%s'", v);
        } else if ((r = cli_opt_value("prognose", argc, argv, &i, "--band", &v)) != 0) {
            if (r < 0)
                return EXIT_INPUT;
            char *end;
            double pct = strtod(v, &end);
            if (end == v || *end || !(pct >= 50 && pct <= 99))
                return cli_usage_error("prognose", "--band must be a percentage from 50 to 99, got '%s'", v);
            level = pct / 100.0;
        } else if ((r = cli_opt_value("prognose", argc, argv, &i, "--gemeente", &v)) != 0) {
            if (r < 0)
                return EXIT_INPUT;
            gem = v;
        } else if ((r = cli_opt_value("prognose", argc, argv, &i, "-o", &v)) != 0 ||
                   (r = cli_opt_value("prognose", argc, argv, &i, "--output", &v)) != 0) {
            if (r < 0)
                return EXIT_INPUT;
            output = v;
        } else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("prognose", "unknown option '%s'", argv[i]);
        else if (nfiles == 2)
            return cli_usage_error("prognose", "expected a scenario and a realisation file, got a third: '%s'", argv[i]);
        else
            files[nfiles++] = argv[i];
    }
    if (nfiles != 2)
        return cli_usage_error("prognose", "expected SCENARIO.yaml REALISATIE.yaml");
    int code = EXIT_OK;
    jz_scenario *s = cli_load(files[0], &code);
    if (!s)
        return code;
    int g = 0;
    if (gem && (g = jz_scenario_gemeente_index(s, gem)) < 0) {
        jz_scenario_free(s);
        return cli_usage_error("prognose", "no gemeente '%s' in the scenario", gem);
    }
    jz_error err;
    jz_prognose_input *in = NULL;
    jz_prognose *p = NULL;
    if (jz_prognose_read(files[1], s, &in, &err) != JZ_OK ||
        jz_prognose_run(s, g, in, level, &p, &err) != JZ_OK) {
        jz_prognose_input_free(in);
        jz_scenario_free(s);
        return cli_fail(&err);
    }
    FILE *f = stdout;
    if (output && strcmp(output, "-") != 0 && !(f = fopen(output, "w"))) {
        jz_error_set(&err, JZ_EIO, output, 0, 0, "cannot write the prognose");
        code = cli_fail(&err);
    } else {
        if (json)
            write_json(f, s, g, p);
        else
            write_table(f, s, g, p);
        if ((f != stdout ? fclose(f) : fflush(f)) != 0) {
            jz_error_set(&err, JZ_EIO, output ? output : "stdout", 0, 0, "cannot write the prognose");
            code = cli_fail(&err);
        }
    }
    jz_prognose_free(p);
    jz_prognose_input_free(in);
    jz_scenario_free(s);
    return code;
}
