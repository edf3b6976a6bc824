/*
 * band_report.h - the backtest's interval band in the run's table, CSV and
 * JSON (band_report.c; internal).  Each writes nothing when b is NULL or g
 * is the region total (a sum of bands is not a band).
 */
#ifndef JZ_REPORT_BAND_REPORT_H
#define JZ_REPORT_BAND_REPORT_H

#include "jzsim/jzsim.h"
#include "jzsim/compare.h"
#include "jzsim/intervals.h"
#include "report/csvw.h"
#include "report/jsonw.h"

/* A section after the run's tables, for gemeente g. */
void jz_band_table(FILE *out, const jz_scenario *s, const jz_result *r, const jz_band *b,
                   const jz_report_options *o, int g);
/* Rows metric band_lo:end and band_hi:end of gemeente g (zorgsoort "" for
 * its total), only in the years that have a band. */
void jz_band_csv(jz_csvw *c, const jz_scenario *s, const jz_result *r, const jz_band *b, int g);
/* A member "band" of the enclosing object: {metric, level,
 * last_observed_year, rows: [{code, zorgsoort (null: total), lower, upper
 * (null where no band), beyond_table}]} for the gemeenten gs[0..n_g). */
void jz_band_json(jz_jsonw *w, const jz_scenario *s, const jz_result *r, const jz_band *b, const int *gs, int n_g);

/* compare (jz_cmp_stock_band: the band of the reference [1]) for unit u:
 * a table section "stock (lower - upper)" per zorgsoort and year; CSV rows
 * (scenario_index 1) with metrics band_lo:end, band_mid:end (the stock) and
 * band_hi:end; a JSON member "stock_band" of the unit: null when the unit
 * has none, else {metric, scenario_index, level, last_observed_year, total,
 * zorgsoorten: {key: ...}}, each series {lower, stock, upper (per year of
 * the comparison, null where no band), beyond_table}. */
void jz_band_cmp_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int u);
void jz_band_cmp_csv(jz_csvw *k, const jz_comparison *c, int u);
void jz_band_cmp_json(jz_jsonw *w, const jz_comparison *c, int u);

#endif
