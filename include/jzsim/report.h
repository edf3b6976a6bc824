/*
 * jzsim/report.h - presenting results: terminal table, CSV and JSON.
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
    const char *label_nl; /* "Tekort" */
    const char *label_en; /* "Deficit" */
    jz_metric_kind kind;
    jz_metric_level level;
    size_t offset;        /* offsetof(jz_result, <array>) */
} jz_metric;

/* The metric table, terminated by {NULL}. */
extern const jz_metric jz_metrics[];

/* The per-year value array of metric m in r. */
static inline const double *jz_metric_array(const jz_result *r, const jz_metric *m)
{
    return *(double *const *)(const void *)((const char *)r + m->offset);
}

typedef struct jz_report_options {
    jz_lang lang;     /* labels and number format of the terminal table */
    int csv_nl;       /* CSV with ';' and decimal commas (Dutch Excel) */
    int gemeente;     /* -1: the total (all gemeenten); else one gemeente */
    int all_gemeenten;/* CSV/JSON: every gemeente plus the total */
} jz_report_options;

void jz_report_options_default(jz_report_options *o);

/* Each writes to out and returns JZ_OK or JZ_EIO (write error). */
int jz_report_table(FILE *out, const jz_scenario *s, const jz_result *r,
                    const jz_report_options *o, jz_error *err);
int jz_report_csv(FILE *out, const jz_scenario *s, const jz_result *r,
                  const jz_report_options *o, jz_error *err);
int jz_report_json(FILE *out, const jz_scenario *s, const jz_result *r,
                   const jz_report_options *o, jz_error *err);

/* Number formatting in the user's convention.  nl: "€ 1.234.567",
 * "1.234,5"; en: "€1,234,567", "1,234.5".  Writes into buf, returns buf. */
char *jz_format_number(char *buf, size_t size, double v, int decimals, jz_lang lang);
char *jz_format_money(char *buf, size_t size, double v, jz_lang lang);

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
