/*
 * jzsim/intervals.h - the backtest's forecast intervals, saved and drawn
 * around a run's projected stocks.
 *
 * `jzsim backtest --save-intervals F.yaml` writes, per series (gemeente,
 * zorgsoort or the gemeente total, clients in care at the end of the year)
 * and horizon h = 1, 2, ... years after the last observed year, the
 * empirical 95% interval of the backtest's relative errors as two relative
 * bounds q_lo < 0 < q_hi: the truth lay within [F (1 + q_lo), F (1 + q_hi)]
 * of a forecast F at the nominal rate (with the number of scored points,
 * the origins and the observed leave-one-out coverage).  `jzsim run
 * --intervals F.yaml` puts that band around the run's stock of the years
 * last_year + h: jz_band_compute (engine/analysis/intervals.c) fills a
 * jz_band; the reporters only show it (docs/calibration.md, "Intervals in
 * run").  `jzsim compare --intervals F.yaml` puts it around the reference
 * [1]: the comparison holds it (jz_comparison_set_intervals) and the
 * reporters read it with jz_cmp_stock_band ("Intervals in compare").
 */
#ifndef JZSIM_INTERVALS_H
#define JZSIM_INTERVALS_H

#include <stdio.h>

#include "jzsim/calibrate.h"
#include "jzsim/compare.h"
#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jz_interval_row {
    char gemeente[JZ_CODE_MAX]; /* CBS code */
    char zorgsoort[JZ_KEY_MAX]; /* zorgsoort key; "" = the gemeente total */
    int horizon;                /* years after last_year, 1.. */
    int n;                      /* scored forecasts behind it */
    int origins;                /* fit origins of the backtest */
    double q_lo, q_hi;          /* relative bounds, q_lo < 0 < q_hi */
    double coverage;            /* leave-one-out coverage in the backtest (NAN: none) */
    int line, column;           /* where it was read (0 when made here) */
} jz_interval_row;

typedef struct jz_intervals {
    int last_year;      /* the last observed year: horizon h is year last_year + h */
    double level;       /* nominal coverage, 0.95 */
    int n;
    jz_interval_row *rows; /* sorted by gemeente, zorgsoort, horizon */
    char path[1024];    /* the file it was read from ("" when made here) */
} jz_intervals;

/* The interval table of a backtest: the 95% intervals of the model's
 * end-of-year stocks (series clients_end) per gemeente and zorgsoort (and
 * gemeente total) and horizon with at least two scored points, anchored at
 * the last observed year of the history.  NULL on out of memory (err) or
 * when the backtest has no such interval (err JZ_EINPUT, saying why). */
jz_intervals *jz_intervals_from_backtest(const jz_backtest *b, const jz_scenario *s, jz_error *err);

/* Write the table as YAML (what jz_intervals_load reads), with a comment
 * header naming its source.  JZ_EIO on a write error. */
int jz_intervals_write(FILE *out, const jz_intervals *iv, const char *source, jz_error *err);

/* Read a table written by jz_intervals_write.  JZ_EINPUT when the file
 * cannot be read, and with file:line:column for a bad value, a missing key,
 * a duplicate or a gap in the horizons of a series. */
jz_intervals *jz_intervals_load(const char *path, jz_error *err);
void jz_intervals_free(jz_intervals *iv);

/* The band around the projected stocks of one run. */
typedef struct jz_band {
    int G, Z, H;        /* the result's dimensions; slot g = G is the region total */
    int last_year;
    double level;
    /* [(G + 1) * Z * H] by jz_result_cz, and [(G + 1) * H] by jz_result_gy for
     * the gemeente total: NAN where there is no band (a year up to
     * last_year, or no row for the series) */
    double *end_lo, *end_hi;
    double *g_end_lo, *g_end_hi;
    /* 1: the year is after last_year + the table's longest horizon of the
     * series: no band, and the reports say so */
    unsigned char *beyond, *g_beyond;
    int n_rows_used;
} jz_band;

/* The band of run r of s: end x (1 + q_lo), end x (1 + q_hi) for each row
 * of iv.  A row with gemeente TOTAL is the region of several gemeenten
 * (slot g = G): the backtest of the region's own series; the region has no
 * band without such rows (a sum of bands is not a band).  JZ_EINPUT (at the row's line:column in iv->path) when a row names
 * a gemeente or zorgsoort s does not have, or when no year last_year + 1 ..
 * lies in the run; JZ_ENOMEM. */
int jz_band_compute(const jz_intervals *iv, const jz_scenario *s, const jz_result *r, jz_band **out,
                    jz_error *err);
void jz_band_free(jz_band *b);

/* compare --intervals (and run --intervals for the workbook and the
 * briefing): the band around the projection of the comparison's reference,
 * scenario [1] - the scenario the backtest's error is put around; the
 * others are alternatives to it, not forecasts the backtest scored.  The
 * rows must match the reference's gemeenten and zorgsoorten as for
 * jz_band_compute (a located JZ_EINPUT otherwise).  The band is stored in
 * c->stock_band (replacing one set before). */
int jz_comparison_set_intervals(jz_comparison *c, const jz_intervals *iv, jz_error *err);

/* The band of unit u, comparison zorgsoort z (-1: the gemeente total) in
 * year index y: 1 with out = {lower, the reference's stock at the end of
 * the year, upper}; 2 when the year is beyond the table's longest horizon
 * of that series; 0 none (no band set, a year up to last_year, no row for
 * the series, or the region total of several gemeenten without TOTAL rows
 * in the table, see docs/calibration.md). */
int jz_cmp_stock_band(const jz_comparison *c, int u, int z, int y, double out[3]);
/* Does unit u have a band in any year and series (z -1 .. Z-1)? */
int jz_cmp_stock_band_any(const jz_comparison *c, int u);

#ifdef __cplusplus
}
#endif
#endif
