/*
 * jsonw.h - a minimal streaming JSON writer for the reporters (internal).
 *
 * Handles commas, indentation and string escaping so that each reporter
 * only says what to write.  Numbers are written with 17 significant digits
 * (round-trip exact); NaN and infinity, which JSON cannot hold, as null.
 */
#ifndef JZ_REPORT_JSONW_H
#define JZ_REPORT_JSONW_H

#include <stdio.h>

#include "jzsim/scenario.h"

#define JZ_JSONW_DEPTH 32

typedef struct jz_jsonw {
    FILE *out;
    int depth;
    int count[JZ_JSONW_DEPTH]; /* items written at each level */
    int after_key;
} jz_jsonw;

void jz_jsonw_init(jz_jsonw *w, FILE *out);
/* Open the document's top-level object with the keys every jzsim JSON
 * output starts with: "format" (e.g. "jzsim-run"), "format_version" and
 * "jzsim_version". */
void jz_jsonw_begin_document(jz_jsonw *w, const char *format, int format_version);
/* A list of warnings an analysis adds to its scenario's (jz_jsonw_envelope). */
typedef struct jz_jsonw_list {
    char *const *v;
    int n;
} jz_jsonw_list;
/* The whole envelope of docs/output-format.md ("The JSON envelope"):
 * jz_jsonw_begin_document, then "scenario": {name, path} (left out when s
 * is NULL: outputs about several scenarios list them themselves) and
 * "warnings": the scenario's, then those of the n_extra lists in order. */
void jz_jsonw_envelope(jz_jsonw *w, const char *format, int format_version, const jz_scenario *s,
                       const jz_jsonw_list *extra, int n_extra);
/* "warnings": [...] alone, from the same lists (run and compare write the
 * envelope's warnings where they always stood). */
void jz_jsonw_warnings(jz_jsonw *w, const jz_scenario *s, const jz_jsonw_list *extra, int n_extra);
void jz_jsonw_begin_object(jz_jsonw *w);
void jz_jsonw_end_object(jz_jsonw *w);
void jz_jsonw_begin_array(jz_jsonw *w);
void jz_jsonw_end_array(jz_jsonw *w);
void jz_jsonw_key(jz_jsonw *w, const char *key);
void jz_jsonw_string(jz_jsonw *w, const char *s);
void jz_jsonw_number(jz_jsonw *w, double v);
void jz_jsonw_int(jz_jsonw *w, long v);
void jz_jsonw_bool(jz_jsonw *w, int v);
void jz_jsonw_null(jz_jsonw *w);
/* An array of n numbers on one line. */
void jz_jsonw_numbers(jz_jsonw *w, const double *v, int n);
/* A number array taking every stride-th value from v. */
void jz_jsonw_numbers_strided(jz_jsonw *w, const double *v, int n, size_t stride);

#endif
