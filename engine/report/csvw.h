/*
 * csvw.h - a minimal CSV writer for the reporters (internal).
 *
 * One place for what every CSV reporter needs: the separator (',' or, for
 * Dutch Excel, ';'), RFC 4180 quoting of text, numbers with "%.15g" and a
 * decimal comma for the nl locale, and separators between the fields of a
 * row, so that each reporter only says which fields to write.
 *
 * jz_csvw_init sets the common choices; a few reporters have always written
 * numbers or quotes slightly differently and set the option fields after
 * init to keep their files exactly as they were (see the fields below).
 */
#ifndef JZ_REPORT_CSVW_H
#define JZ_REPORT_CSVW_H

#include <stddef.h>
#include <stdio.h>

typedef struct jz_csvw {
    FILE *out;
    char sep;   /* ',' or ';' (csv_nl) */
    int nl;     /* decimal comma in numbers (csv_nl) */
    int col;    /* fields written in the current row */
    /* options: init sets the defaults */
    int digits;          /* significant digits of numbers: 15 */
    int keep_nonfinite;  /* 0: NaN and infinity are empty fields; 1: written as printf does ("nan", "inf") */
    int quote_cr;        /* 1: a '\r' in text also makes it quoted; 0: only the separator, '"' and '\n' do */
} jz_csvw;

/* Start writing CSV to out; csv_nl: ';' and decimal commas. */
void jz_csvw_init(jz_csvw *w, FILE *out, int csv_nl);
/* A text field, quoted (with '"' doubled) when it holds the separator, a
 * quote or a line break; NULL is an empty field.  Text a spreadsheet would
 * run as a formula (see jz_csv_formula_like) gets a leading ' (OWASP's CSV
 * injection advice), so a name like "=HYPERLINK(...)" stays text. */
void jz_csvw_field(jz_csvw *w, const char *s);
/* Does s start with = + - @ tab or CR without being a plain number ("-3",
 * "+1.5"; with nl also "-2,5")?  Such text is written with a leading '. */
int jz_csv_formula_like(const char *s, int nl);
/* A number: digits significant digits, ',' as decimal mark with nl. */
void jz_csvw_number(jz_csvw *w, double v);
void jz_csvw_int(jz_csvw *w, long v);
/* n empty fields. */
void jz_csvw_empty(jz_csvw *w, int n);
/* End the row (a '\n'); the next field starts a new row. */
void jz_csvw_end_row(jz_csvw *w);
/* A whole row of n column names. */
void jz_csvw_header(jz_csvw *w, const char *const *cols, size_t n);

#endif
