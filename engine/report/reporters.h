/*
 * reporters.h - every reporter of engine/report/ (internal).
 *
 * All have the one signature jz_reporter (jzsim/report.h) and are reached
 * only through jz_report() (report.c), which picks one by the subject's
 * kind and the options' format: no reporter decides the format itself.
 * Names: jz_rep_<kind>_<format>.
 */
#ifndef JZ_REPORT_REPORTERS_H
#define JZ_REPORT_REPORTERS_H

#include "jzsim/jzsim.h"

#define JZ_REPORTER(name) \
    int name(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)

JZ_REPORTER(jz_rep_run_table);       /* table.c */
/* regio_table.c: the gemeenten side by side (run table of a region) */
void jz_regio_table(FILE *out, const jz_scenario *s, const jz_result *r, const jz_report_options *o);
JZ_REPORTER(jz_rep_run_csv);         /* csv.c */
JZ_REPORTER(jz_rep_run_json);        /* json.c */
JZ_REPORTER(jz_rep_compare_table);   /* compare_table.c */
JZ_REPORTER(jz_rep_compare_csv);     /* compare_csv.c */
JZ_REPORTER(jz_rep_compare_json);    /* compare_json.c */
JZ_REPORTER(jz_rep_compare_xlsx);    /* xlsx.c: writes o->path */
JZ_REPORTER(jz_rep_compare_html);    /* html.c */
JZ_REPORTER(jz_rep_measures_table);  /* measures_table.c */
JZ_REPORTER(jz_rep_measures_csv);    /* measures_csv.c */
JZ_REPORTER(jz_rep_measures_json);   /* measures_json.c */
JZ_REPORTER(jz_rep_mc_table);        /* mc_report.c */
JZ_REPORTER(jz_rep_mc_csv);
JZ_REPORTER(jz_rep_mc_json);
JZ_REPORTER(jz_rep_mc_draws_csv);
JZ_REPORTER(jz_rep_mc_compare);      /* table, csv and json by o->format */
JZ_REPORTER(jz_rep_sensitivity_table); /* sensitivity_report.c */
JZ_REPORTER(jz_rep_sensitivity_csv);
JZ_REPORTER(jz_rep_sensitivity_json);
JZ_REPORTER(jz_rep_sensitivity_html);  /* tornado.c */
JZ_REPORTER(jz_rep_calibrate_table); /* calibrate_report.c */
JZ_REPORTER(jz_rep_calibrate_csv);
JZ_REPORTER(jz_rep_calibrate_json);
JZ_REPORTER(jz_rep_backtest_table); /* backtest_report.c */
JZ_REPORTER(jz_rep_backtest_csv);
JZ_REPORTER(jz_rep_backtest_json);
JZ_REPORTER(jz_rep_prognose_table);  /* prognose_report.c */
JZ_REPORTER(jz_rep_prognose_csv);
JZ_REPORTER(jz_rep_prognose_json);
JZ_REPORTER(jz_rep_prognose_xlsx);   /* xlsx_prognose.c: writes o->path */
JZ_REPORTER(jz_rep_records_table); /* records_report.c, records_html.c */
JZ_REPORTER(jz_rep_records_csv);
JZ_REPORTER(jz_rep_records_json);
JZ_REPORTER(jz_rep_records_html);

#endif
