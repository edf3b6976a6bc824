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
