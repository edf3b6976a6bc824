/*
 * jzsim/sensitivity.h - which assumptions matter: one-way sensitivity
 * (the data behind a tornado chart) and break-even values
 * (docs/uncertainty.md).
 *
 * One-way: every uncertain input with a range (jzsim/uncertainty.h: the
 * low and high of {value, low, high}, or the P5 and P95 of a distribution)
 * is set to its low and to its high end with every other input at its
 * point value; the swing is how far the tekort moves, in a chosen year and
 * summed over the horizon.  Bars are sorted by the swing in the chosen
 * year, largest first.
 *
 * Break-even: the value of one input at which the tekort in a chosen year
 * equals a target (default 0), found with GSL's Brent solver within the
 * input's bounds, or the statement that no value within them does (the
 * tekort at both ends lies on the same side of the target).
 */
#ifndef JZSIM_SENSITIVITY_H
#define JZSIM_SENSITIVITY_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/mc.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"
#include "jzsim/uncertainty.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jz_tornado_bar {
    int input;              /* index into scenario->uncertain */
    const char *path;       /* borrowed from the scenario */
    const char *unit;
    double point, low, high;   /* the input's point value and range */
    double at_low, at_high;    /* tekort in the chosen year with the input at low / high */
    double sum_low, sum_high;  /* tekort summed over the horizon, at low / high */
    double swing;              /* |at_high - at_low| */
    double swing_sum;          /* |sum_high - sum_low| */
} jz_tornado_bar;

typedef struct jz_sensitivity {
    const jz_scenario *scenario; /* borrowed */
    int g;                  /* the result slot: a gemeente, or n_gemeenten = the total */
    int year;               /* calendar year of at_low / at_high */
    double base;            /* tekort in that year at the point values */
    double base_sum;        /* summed over the horizon */
    int n_bars;
    jz_tornado_bar *bars;   /* sorted by swing, largest first (ties: swing_sum, then input order) */
} jz_sensitivity;

/* year: a calendar year of the scenario, or 0 for the last; gemeente: -1
 * for the total, else a gemeente index.  Inputs without spread are left
 * out.  JZ_EINPUT for a bad year or gemeente, or when the model rejects an
 * end of a range (the message names the input). */
int jz_sensitivity_run(const jz_scenario *s, int gemeente, int year, jz_sensitivity **out,
                       jz_error *err);
void jz_sensitivity_free(jz_sensitivity *t);

typedef struct jz_breakeven {
    int input;              /* index into scenario->uncertain */
    const char *path, *unit;
    int g, year;
    double target;          /* the tekort aimed at */
    double lo, hi;          /* the search range: the input's bounds */
    double at_lo, at_hi;    /* tekort at lo and hi */
    double point, at_point; /* the point value and its tekort */
    int found;              /* 1: value found; 0: no value within [lo, hi] reaches the target */
    double value;           /* the input value at which tekort = target */
    double at_value;        /* the tekort there (= target within the solver's tolerance) */
    int iterations;
} jz_breakeven;

/* Break-even of the uncertain input `path` (as in jzsim/uncertainty.h).
 * JZ_EINPUT for an unknown path (the message lists the uncertain inputs),
 * a bad year or gemeente; found = 0 is a result, not an error. */
int jz_breakeven_find(const jz_scenario *s, const char *path, int gemeente, int year, double target,
                      jz_breakeven *out, jz_error *err);

/* jz_report() with JZ_REPORT_SENSITIVITY (report.h): the tornado (and the
 * break-even when breakeven is not NULL) as a table, CSV, JSON, or a
 * self-contained HTML page with the tornado as inline SVG. */
/* The tornado chart alone: one <svg> element (for embedding in other pages). */
void jz_svg_tornado(FILE *out, const jz_sensitivity *t, int max_bars, jz_lang lang);

#ifdef __cplusplus
}
#endif
#endif
