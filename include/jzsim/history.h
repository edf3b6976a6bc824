/*
 * jzsim/history.h - observed series of the past, per gemeente, zorgsoort and
 * period, read from a CSV or YAML history file (docs/calibration.md).
 *
 * A history is what calibration (jzsim/calibrate.h) fits the model to and
 * what a backtest scores a projection against.  Every row is one gemeente x
 * zorgsoort x period (a calendar year or a half-year) with any subset of the
 * series below; a missing cell is NAN.  The reader takes CBS StatLine-style
 * exports as they come: ';' or ',' separated, quoted fields, Dutch decimal
 * commas, '.' / 'x' for secret or unknown cells, '-' for nihil (zero),
 * title lines above the header and "Bron: ..." lines below the data.
 * Bad rows are reported as file:line:column (column = the 1-based field
 * index, or the character column for a broken quote), like scenario files.
 * A file is at most 64 MiB; reading is linear in its size (rows are found
 * by a hash on gemeente x zorgsoort x period), about a second per million
 * rows (bench/README.md).
 */
#ifndef JZSIM_HISTORY_H
#define JZSIM_HISTORY_H

#include <stddef.h>
#include "jzsim/error.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The observed series.  Counts are clients (trajectories per zorgsoort,
 * persons for a gemeente total), money in nominal euros of the period,
 * durations in months. */
typedef enum {
    JZ_HS_START = 0,       /* clients in care at the start of the period */
    JZ_HS_END,             /* clients in care at the end of the period */
    JZ_HS_INSTROOM,        /* starts in the period */
    JZ_HS_UITSTROOM,       /* ends in the period */
    JZ_HS_UNIQUE,          /* unique clients in the period (start + instroom) */
    JZ_HS_CLIENT_YEARS,    /* years of care delivered in the period */
    JZ_HS_COST,            /* euros spent in the period */
    JZ_HS_COST_PER_CLIENT, /* cost / unique clients */
    JZ_HS_MEAN_DURATION,   /* mean duration of the trajectories ended in the period, months */
    JZ_HS_DUR_0_3M,        /* ended trajectories by duration class (CBS classes) */
    JZ_HS_DUR_3_6M,
    JZ_HS_DUR_6_12M,
    JZ_HS_DUR_1_2Y,
    JZ_HS_DUR_2_3Y,
    JZ_HS_DUR_3_4Y,
    JZ_HS_DUR_4Y_PLUS,
    JZ_HS_N
} jz_hseries;

#define JZ_DUR_CLASSES 7
/* Class c holds durations in [edge[c], edge[c+1]) months; the last edge is
 * infinity: 0, 3, 6, 12, 24, 36, 48, inf. */
extern const double jz_duration_class_edges[JZ_DUR_CLASSES + 1];

typedef struct jz_history_row {
    char gemeente[JZ_NAME_MAX];  /* CBS code or name as written; "" = not given */
    char zorgsoort[JZ_NAME_MAX]; /* key or name; "" = all zorgsoorten together (totaal) */
    int year;
    int half;                    /* 0: the calendar year; 1 or 2: that half-year */
    int provisional;             /* the period was marked '*' or the row's status is voorlopig:
                                    calibration weights it by JZ_PROVISIONAL_WEIGHT */
    int peildatum;               /* the period came from a date (a stock on 31-12, 1-1, 30-6):
                                    its stock is this period's end stock (clients_end) */
    double v[JZ_HS_N];           /* NAN = not observed */
    int col[JZ_HS_N];            /* 1-based field each value came from (0: none) */
    int col_gemeente, col_zorgsoort, col_period; /* fields, for messages */
    int line;                    /* line in the file */
    char *source;                /* the row's `bron`/`source` cell, or NULL */
} jz_history_row;

/* A value given twice for one cell, once voorlopig and once final (or in
 * two files' vintages): the final value is used, the pair is reported. */
typedef struct jz_history_revision {
    int row;              /* the row that holds the value used */
    int series;
    int line_first, line_revised; /* the voorlopig value's line, the final value's line */
    double first, revised;
} jz_history_revision;

/* The weight of a voorlopig (provisional) observation relative to a final
 * one in calibration: CBS revises voorlopig youth-care figures by a few
 * percent, so its residual counts as that of an observation with twice the
 * variance (docs/calibration.md, "Vintages"). */
#define JZ_PROVISIONAL_WEIGHT 0.5

typedef struct jz_history {
    char path[1024];          /* the file as given (used in messages) */
    int n_rows;
    jz_history_row *rows;
    int n_notes;
    char **notes;             /* '#' comment lines, title and "Bron:" lines: the sources */
    int n_warnings;
    char **warnings;          /* "file:line: ..." notes that are not errors */
    int n_revisions;
    jz_history_revision *revisions;
    int cap_rows, cap_notes, cap_warnings, cap_revisions;
    struct jz_history_index *index; /* private: rows by gemeente x zorgsoort x period */
} jz_history;

/* Read a history file: YAML when the name ends in .yaml or .yml, CSV
 * otherwise.  NULL with err filled (JZ_EIO, JZ_EINPUT with file:line:column,
 * JZ_ENOMEM) on failure. */
jz_history *jz_history_load(const char *path, jz_error *err);
/* The same from memory; `name` is used in messages. */
jz_history *jz_history_parse_csv(const char *text, size_t len, const char *name, jz_error *err);

/* Reading options.  map: header -> role entries, "Type maatregel=zorgsoort"
 * separated by newlines or ';' (roles: a series key, gemeente, zorgsoort,
 * periode, bron, status, or negeer to leave the column out); a header is
 * matched like the built-in names (case, accents, spaces ignored).  A CSV
 * column that matches no name and holds text categories is an error unless
 * it is mapped: left out, it would add its categories up as totals. */
typedef struct jz_history_options {
    const char *map;
} jz_history_options;
jz_history *jz_history_load_opts(const char *path, const jz_history_options *o, jz_error *err);
jz_history *jz_history_parse_csv_opts(const char *text, size_t len, const char *name,
                                      const jz_history_options *o, jz_error *err);
jz_history *jz_history_parse_yaml(const char *text, size_t len, const char *name, jz_error *err);

/* An empty history, for histories built in code (tests, synthetic data). */
jz_history *jz_history_alloc(const char *name);
/* Set one observation, adding the row (gemeente, zorgsoort, year, half) when
 * it is not there yet.  JZ_ENOMEM or JZ_EINPUT (bad series or period). */
int jz_history_set(jz_history *h, const char *gemeente, const char *zorgsoort,
                   int year, int half, int series, double value, jz_error *err);
void jz_history_free(jz_history *h);

/* Stable key of a series as written in a CSV header ("instroom"), its
 * label for reports, and whether it is a money series. */
const char *jz_hseries_key(int series);
const char *jz_hseries_label(int series, int english);
int jz_hseries_is_money(int series);
/* Is code a CBS code of a level above the gemeente: Nederland (NL01), a
 * province (PV and two digits) or a COROP region (CR and two digits)?
 * Such a level may stand where a gemeente does, in a scenario and in a
 * history (national and regional CBS series). */
int jz_region_code(const char *code);
/* Is the zorgsoort cell one of the words for "all zorgsoorten"? */
int jz_history_is_total(const char *zorgsoort);

#ifdef __cplusplus
}
#endif
#endif
