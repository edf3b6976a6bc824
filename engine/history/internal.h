/*
 * internal.h - what the parts of the history reader share (engine/history:
 * names.c, cells.c, store.c, csv.c, yaml.c).  Not public API.
 */
#ifndef JZ_HISTORY_INTERNAL_H
#define JZ_HISTORY_INTERNAL_H

#include <stddef.h>

#include "analysis/calib_internal.h" /* jz_history_quote, JZ_QUOTE_BUF */
#include "jzsim/history.h"

/* Column roles besides the series (a series' role is its jz_hseries). */
enum { COL_GEMEENTE = JZ_HS_N, COL_ZORGSOORT, COL_PERIOD, COL_SOURCE, COL_STATUS, COL_ROLES };
/* A column the user said to leave out (--map 'X=negeer'). */
#define COL_IGNORE (-2)

/* names.c */
/* Lower case, letters and digits only, accents dropped; with drop_paren the
 * text in parentheses is removed and copied to paren. */
void hist_normalise(const char *s, char *out, size_t size, int drop_paren, char *paren, size_t psize);
int hist_role_of(const char *norm);           /* COL_* or a jz_hseries; -1 unknown */
const char *hist_suggest(const char *norm);   /* the documented name closest to norm, or NULL */
double hist_unit_scale(int role, const char *paren);

/* cells.c */
enum { NUM_OK = 0, NUM_MISSING = 1, NUM_BAD = -1 };
void hist_trim(char *s);
int hist_parse_number(const char *cell, int comma_decimal, double *out, const char **why);
int hist_parse_period(const char *cell, int *year, int *half, int *prov);
int hist_parse_period_date(const char *cell, int *year, int *half, int *prov, int *date);
/* The role a --map entry names: a series key, gemeente, zorgsoort, periode,
 * bron, status, or negeer/ignore (COL_IGNORE); -1 unknown. */
int hist_role_by_name(const char *name);
const char *hist_check_value(int s, double v);
extern const char hist_period_hint[];
/* A status/vintage cell: 1 voorlopig (also '*', provisional), 0 final
 * (definitief, empty), -1 not a status. */
int hist_status(const char *cell);
extern const char hist_status_hint[];

/* csv.c: every record of a small CSV form (engine/init/template_csv.c), with
 * the separator detected as for a history (';', tab or ','; *sep says which):
 * fn gets the line where the record starts, its fields and the character
 * column of each; a non-zero return stops and is returned.  The text must be
 * UTF-8 (with or without a byte order mark). */
typedef int (*hist_csv_fn)(void *ctx, int line, int n, char *const *field, const int *col);
int hist_csv_each(const char *text, size_t len, const char *name, char *sep, hist_csv_fn fn, void *ctx,
                  jz_error *err);

/* store.c */
void hist_cpy(char *dst, size_t size, const char *src);
int hist_add_note(jz_history *h, const char *s);
int hist_add_warning(jz_history *h, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* An empty row read at line: every value unknown (NAN), no names. */
void hist_row_init(jz_history_row *row, int line);
int hist_store_row(jz_history *h, const jz_history_row *in, jz_error *err);

#endif
