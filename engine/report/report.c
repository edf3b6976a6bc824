/*
 * report.c - the one place where a report's format is chosen: a table of
 * reporters by subject kind and format (as Redis's reply functions never
 * know the wire protocol, no reporter knows the other formats).
 */
#include <stdio.h>

#include "report/reporters.h"

static const char *const format_names[JZ_FORMAT_COUNT] = {
    [JZ_FORMAT_TABLE] = "table", [JZ_FORMAT_CSV] = "csv", [JZ_FORMAT_JSON] = "json",
    [JZ_FORMAT_XLSX] = "xlsx",   [JZ_FORMAT_HTML] = "html"};

/* What each kind is about, for the message when a format is missing. */
static const char *const kind_names[JZ_REPORT_KINDS] = {
    [JZ_REPORT_RUN] = "a projection",          [JZ_REPORT_COMPARE] = "a comparison",
    [JZ_REPORT_MEASURES] = "the measures",     [JZ_REPORT_MC] = "Monte Carlo bands",
    [JZ_REPORT_MC_DRAWS] = "Monte Carlo draws", [JZ_REPORT_MC_COMPARE] = "a Monte Carlo comparison",
    [JZ_REPORT_SENSITIVITY] = "a sensitivity", [JZ_REPORT_CALIBRATE] = "a calibration",
    [JZ_REPORT_BACKTEST] = "a backtest",         [JZ_REPORT_RECORDS] = "trajectory records",
    [JZ_REPORT_PROGNOSE] = "a prognose"};

static const jz_reporter reporters[JZ_REPORT_KINDS][JZ_FORMAT_COUNT] = {
    [JZ_REPORT_RUN] = {jz_rep_run_table, jz_rep_run_csv, jz_rep_run_json, NULL, NULL},
    [JZ_REPORT_COMPARE] = {jz_rep_compare_table, jz_rep_compare_csv, jz_rep_compare_json, jz_rep_compare_xlsx,
                           jz_rep_compare_html},
    [JZ_REPORT_MEASURES] = {jz_rep_measures_table, jz_rep_measures_csv, jz_rep_measures_json, NULL, NULL},
    [JZ_REPORT_MC] = {jz_rep_mc_table, jz_rep_mc_csv, jz_rep_mc_json, NULL, NULL},
    [JZ_REPORT_MC_DRAWS] = {NULL, jz_rep_mc_draws_csv, NULL, NULL, NULL},
    [JZ_REPORT_MC_COMPARE] = {jz_rep_mc_compare, jz_rep_mc_compare, jz_rep_mc_compare, NULL, NULL},
    [JZ_REPORT_SENSITIVITY] = {jz_rep_sensitivity_table, jz_rep_sensitivity_csv, jz_rep_sensitivity_json, NULL,
                               jz_rep_sensitivity_html},
    [JZ_REPORT_CALIBRATE] = {jz_rep_calibrate_table, jz_rep_calibrate_csv, jz_rep_calibrate_json, NULL, NULL},
    [JZ_REPORT_BACKTEST] = {jz_rep_backtest_table, jz_rep_backtest_csv, jz_rep_backtest_json, NULL, NULL},
    [JZ_REPORT_PROGNOSE] = {jz_rep_prognose_table, jz_rep_prognose_csv, jz_rep_prognose_json, jz_rep_prognose_xlsx,
                            NULL},
    [JZ_REPORT_RECORDS] = {jz_rep_records_table, jz_rep_records_csv, jz_rep_records_json, NULL, jz_rep_records_html},
};

const char *jz_format_name(jz_format f)
{
    return (unsigned)f < JZ_FORMAT_COUNT ? format_names[f] : NULL;
}

void jz_report_options_default(jz_report_options *o)
{
    o->format = JZ_FORMAT_TABLE;
    o->lang = JZ_LANG_NL;
    o->csv_nl = 0;
    o->gemeente = -1;
    o->all_gemeenten = 0;
    o->title = NULL;
    o->path = NULL;
}

static jz_reporter find(jz_report_kind kind, jz_format f)
{
    if ((unsigned)kind >= JZ_REPORT_KINDS || (unsigned)f >= JZ_FORMAT_COUNT)
        return NULL;
    return reporters[kind][f];
}

int jz_report_has(jz_report_kind kind, jz_format f)
{
    if (f == JZ_FORMAT_XLSX && find(kind, f) && !jz_compare_have_xlsx())
        return 0;
    return find(kind, f) != NULL;
}

int jz_report(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    jz_reporter fn = find(x->kind, o->format);
    if (!fn) {
        const char *f = jz_format_name(o->format);
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "there is no %s report of %s", f ? f : "such",
                            (unsigned)x->kind < JZ_REPORT_KINDS ? kind_names[x->kind] : "this kind");
    }
    if (o->format == JZ_FORMAT_XLSX && !o->path)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "an XLSX report needs a file to write to");
    return fn(out, x, o, err);
}
