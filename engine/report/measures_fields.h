/*
 * measures_fields.h - the named figures of `jzsim measures` that the CSV
 * and the JSON reporter both write (internal).
 *
 * One list, so that both formats carry the same figures under the same keys
 * (docs/measures.md "Output"); each reporter adds what only it has
 * (the CSV: payback_year, saving_per_euro and rank as rows).
 */
#ifndef JZ_REPORT_MEASURES_FIELDS_H
#define JZ_REPORT_MEASURES_FIELDS_H

#include "jzsim/measures.h"

typedef struct jz_mf_series {
    const char *key;
    const double *v; /* [horizon] */
} jz_mf_series;

typedef struct jz_mf_total {
    const char *key;
    double v;
} jz_mf_total;

#define JZ_MF_N_SERIES 6
#define JZ_MF_N_TOTALS 11
#define JZ_MF_N_PACKAGE 7

/* A measure's figures per year: net_saving, saving, investment, certain,
 * standalone_net_saving, table_amount. */
void jz_mf_series_of(const jz_measure_attr *t, jz_mf_series out[JZ_MF_N_SERIES]);
/* Its totals over the budget horizon: those six (uncertain and interaction
 * too); then its judging figures (a->judge_horizon years, a->discount_rate):
 * judge_net_saving (undiscounted), npv and structural_saving (the net saving
 * of the last judging year, once ramped up). */
void jz_mf_totals_of(const jz_measure_attr *t, jz_mf_total out[JZ_MF_N_TOTALS]);
/* The package (all measures together) per year. */
void jz_mf_package_of(const jz_measures_analysis *a, jz_mf_series out[JZ_MF_N_PACKAGE]);

#endif
