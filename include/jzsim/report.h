/*
 * jzsim/report.h - presenting results: terminal table, CSV, JSON, XLSX, HTML.
 *
 * Reporters only format what jz_model_run() computed; they never compute a
 * model figure themselves.  Every metric they can show is listed once in
 * the metric table (jz_metrics), with its key (used in CSV and JSON), its
 * Dutch and English label and its unit, so that all formats agree.
 */
#ifndef JZSIM_REPORT_H
#define JZSIM_REPORT_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { JZ_LANG_NL = 0, JZ_LANG_EN = 1 } jz_lang;

typedef enum {
    JZ_KIND_COUNT,  /* clients: shown without decimals */
    JZ_KIND_YEARS,  /* client-years: one decimal */
    JZ_KIND_MONEY,  /* euros: shown as € 1.234.567 */
    JZ_KIND_PRICE   /* euros per client(-year) */
} jz_metric_kind;

typedef enum { JZ_LEVEL_CELL, JZ_LEVEL_GEMEENTE } jz_metric_level;

typedef struct jz_metric {
    const char *key;      /* stable machine name, e.g. "tekort" */
    const char *label_nl; /* "Tekort": the one Dutch name of the figure */
    const char *label_en; /* "Deficit": the one English name */
    const char *col_nl;   /* the name shortened to a terminal table's column
                           * heading (14 columns); NULL: the name fits */
    const char *col_en;
    jz_metric_kind kind;
    jz_metric_level level;
    size_t offset;        /* offsetof(jz_result, <array>), or JZ_METRIC_DERIVED for a
                           * figure of a comparison only (no array in jz_result) */
} jz_metric;

/* The offset of a figure that has no array of its own in jz_result. */
#define JZ_METRIC_DERIVED ((size_t)-1)

/* The metric table, terminated by {NULL}: the one table of figure names
 * (Dutch and English) that every reporter uses (run, compare, mc, ...). */
extern const jz_metric jz_metrics[];

/* The figures of a verevening (regio), terminated by {NULL}; CSV and JSON
 * of a run show them when jz_regio_metrics_shown(s). */
extern const jz_metric jz_regio_metrics[];
int jz_regio_metrics_shown(const jz_scenario *s);
/* The figures of the regional contracts with a lumpsum, terminated by
 * {NULL}; CSV and JSON of a run show them when jz_contract_metrics_shown(s). */
extern const jz_metric jz_contract_metrics[];
int jz_contract_metrics_shown(const jz_scenario *s);
/* The gemeenten side by side (per youth, beinvloedbaar share, tekort per
 * inhabitant and inhabitants: NaN when not given, shown as n.b.), terminated
 * by {NULL}; CSV and JSON of a run show them for more than one gemeente. */
extern const jz_metric jz_regio_compare_metrics[];

/* The row of key at level; NULL when there is none. */
const jz_metric *jz_metric_find(const char *key, jz_metric_level level);
/* The metric of line i (0 .. JZ_RESULT_N_COST_BEYOND_CARE - 1) of the cost
 * outside the zorgsoorten (JZ_RESULT_COST_BEYOND_CARE_LINES, jzsim/model.h):
 * its key and its name as every report gives it. */
const jz_metric *jz_metric_beyond_care(int i);
/* Its name in lang, and its column heading (the name when no shorter one). */
const char *jz_metric_label(const jz_metric *m, jz_lang lang);
const char *jz_metric_column(const jz_metric *m, jz_lang lang);

/* The per-year value array of metric m in r; NULL for a derived figure. */
static inline const double *jz_metric_array(const jz_result *r, const jz_metric *m)
{
    if (m->offset == JZ_METRIC_DERIVED)
        return NULL;
    return *(double *const *)(const void *)((const char *)r + m->offset);
}

/* The one list of output formats.  Not every report has every format:
 * jz_report_has() says which; the command line offers just those. */
typedef enum {
    JZ_FORMAT_TABLE, /* a terminal table for reading (default) */
    JZ_FORMAT_CSV,   /* long CSV, one figure per row */
    JZ_FORMAT_JSON,  /* JSON with the envelope of docs/output-format.md */
    JZ_FORMAT_XLSX,  /* an Excel workbook (written by path: jz_report_options.path) */
    JZ_FORMAT_HTML,  /* a self-contained HTML page */
    JZ_FORMAT_COUNT
} jz_format;

/* "table", "csv", "json", "xlsx", "html"; NULL out of range. */
const char *jz_format_name(jz_format f);

/* How every report is written: one struct for every reporter, each reads
 * the fields that apply to it. */
typedef struct jz_report_options {
    jz_format format; /* chosen here, once: reporters never re-decide it */
    jz_lang lang;     /* labels and number format of tables, XLSX, HTML */
    int csv_nl;       /* CSV with ';' and decimal commas (Dutch Excel) */
    int gemeente;     /* -1: the default (run/measures/mc/sensitivity: the total;
                       * compare: table/HTML the total, CSV/JSON/XLSX every unit);
                       * else one gemeente (compare: one unit) */
    int all_gemeenten;/* run CSV/JSON: every gemeente plus the total; compare
                       * table/HTML: every unit */
    const char *title;/* HTML: the title; NULL for the default */
    const char *path; /* XLSX: the file to write (libxlsxwriter writes by path;
                       * the stream is left empty), e.g. a jz_outfile's tmp */
} jz_report_options;

void jz_report_options_default(jz_report_options *o);

/* What is reported: one kind per analysis. */
typedef enum {
    JZ_REPORT_RUN,         /* scenario + result */
    JZ_REPORT_COMPARE,     /* comparison */
    JZ_REPORT_MEASURES,    /* scenario + measures */
    JZ_REPORT_MC,          /* mc: the bands */
    JZ_REPORT_MC_DRAWS,    /* mc: every kept draw (CSV only) */
    JZ_REPORT_MC_COMPARE,  /* mc_compare: differences on common random numbers */
    JZ_REPORT_SENSITIVITY, /* sensitivity, and breakeven when not NULL */
    JZ_REPORT_CALIBRATE,   /* calib */
    JZ_REPORT_BACKTEST,    /* backtest */
    JZ_REPORT_PROGNOSE,    /* scenario + prognose (jzsim/prognose.h) */
    JZ_REPORT_RECORDS,     /* records: durations, transitions (jzsim/records.h) */
    JZ_REPORT_KINDS
} jz_report_kind;

struct jz_comparison;
struct jz_measures_analysis;
struct jz_mc_result;
struct jz_mc_comparison;
struct jz_sensitivity;
struct jz_breakeven;
struct jz_calib;
struct jz_backtest;
struct jz_prognose;
struct jz_records_analysis;
struct jz_history;
struct jz_band;

/* The subject of a report: kind, and the fields that kind names (all
 * borrowed; the others NULL). */
typedef struct jz_report_subject {
    jz_report_kind kind;
    const jz_scenario *scenario;
    const jz_result *result;
    const struct jz_comparison *comparison;
    const struct jz_measures_analysis *measures;
    const struct jz_mc_result *mc;
    const struct jz_mc_comparison *mc_compare;
    const struct jz_sensitivity *sensitivity;
    const struct jz_breakeven *breakeven;
    const struct jz_calib *calib;
    const struct jz_backtest *backtest;
    const struct jz_prognose *prognose;
    const struct jz_records_analysis *records;
    const struct jz_history *history; /* compare/run HTML: observed figures drawn
                                       * beside the projection (--history), or NULL */
    const struct jz_taakveld_totals *taakvelden; /* run: totals per Iv3 taakveld
                                                  * (jzsim/taakveld.h), or NULL */
    const struct jz_band *band; /* run table/CSV/JSON: the backtest's interval around the
                                 * projected stocks (jzsim/intervals.h), or NULL */
} jz_report_subject;

/* The one reporter signature: every reporter (engine/report/) has it. */
typedef int (*jz_reporter)(FILE *out, const jz_report_subject *x, const jz_report_options *o,
                           jz_error *err);

/* Write x in o->format to out: the one place where the format is chosen.
 * JZ_OK; JZ_EINPUT when the kind has no such format (or XLSX without
 * o->path); JZ_ERUNTIME when this build cannot write it (XLSX without
 * libxlsxwriter); JZ_EIO on a write error. */
int jz_report(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err);
/* 1 when jz_report() writes this kind in this format in this build. */
int jz_report_has(jz_report_kind kind, jz_format f);

/* Number formatting in the user's convention.  nl: "€ 1.234.567",
 * "1.234,5"; en: "€1,234,567", "1,234.5".  Writes into buf, returns buf. */
char *jz_format_number(char *buf, size_t size, double v, int decimals, jz_lang lang);
char *jz_format_money(char *buf, size_t size, double v, jz_lang lang);
/* The fewest decimals, 0 to max (at most 6), that show v whole (to 1e-9 of
 * it): 2026 and 1.5 months as typed, "2.026" and "1,5", not "1,5000";
 * max when v has more. */
int jz_format_decimals(double v, int max);
/* The presentation rule for zero, the one every reporter applies: v as it is
 * shown with `decimals` decimals (0..6, rounded half away from zero) is +0.0
 * when it rounds to 0, so that no figure reads "-0" or "+0"; otherwise v
 * itself.  jz_format_number shows this value; the XLSX workbook writes it
 * into a cell whose number format shows that many decimals. */
double jz_format_shown(double v, int decimals);

/* Output files are written to a temporary file beside the target and
 * renamed into place on success, so an interrupted run never leaves a
 * half-written or clobbered report.  path "-" means stdout.  A target that
 * is not a regular file (/dev/null, /dev/stdout, a FIFO) is staged in
 * $TMPDIR and copied into it on commit, never replaced.  The temporary
 * file has mode 0666 less the umask, is fsync'ed before the rename, and is
 * removed on SIGINT, SIGTERM and SIGHUP (see docs/robustness.md). */
typedef struct jz_outfile {
    FILE *fp;
    char path[1024];
    char tmp[1100];
    int is_stdout;
    int direct; /* target is not a regular file: copy into it on commit */
} jz_outfile;

int jz_outfile_open(jz_outfile *f, const char *path, jz_error *err);
/* Flush, close and rename into place; on any failure removes the
 * temporary file and returns JZ_EIO. */
int jz_outfile_commit(jz_outfile *f, jz_error *err);
/* Discard the temporary file (on an error elsewhere). */
void jz_outfile_abort(jz_outfile *f);
/* Do the paths a and b name the same existing regular file (so that an
 * output would overwrite an input)? */
int jz_outfile_same_file(const char *a, const char *b);

#ifdef __cplusplus
}
#endif
#endif
