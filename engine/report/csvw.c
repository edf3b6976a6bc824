/*
 * csvw.c - the CSV writer of the reporters (see csvw.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/csvw.h"

void jz_csvw_init(jz_csvw *w, FILE *out, int csv_nl)
{
    w->out = out;
    w->sep = csv_nl ? ';' : ',';
    w->nl = csv_nl;
    w->col = 0;
    w->digits = 15;
    w->keep_nonfinite = 0;
    w->quote_cr = 1;
}

/* The separator before every field but the first of a row. */
static void before(jz_csvw *w)
{
    if (w->col++)
        fputc(w->sep, w->out);
}

/* Is s a plain number ("-3", "+1.5", "-2,5" with the decimal comma)? */
static int numeric_text(const char *s, int nl)
{
    char buf[64];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof buf)
        return 0;
    memcpy(buf, s, n + 1);
    for (char *p = buf; *p; p++) {
        if (!strchr("+-0123456789.,eE", *p))
            return 0; /* no "inf", "nan", hex or spaces */
        if (nl && *p == ',')
            *p = '.';
        else if (*p == ',')
            return 0;
    }
    char *end;
    strtod(buf, &end);
    return end != buf && *end == '\0';
}

int jz_csv_formula_like(const char *s, int nl)
{
    if (!s || !strchr("=+-@\t\r", s[0]) || s[0] == '\0')
        return 0;
    return !numeric_text(s, nl);
}

void jz_csvw_field(jz_csvw *w, const char *s)
{
    before(w);
    if (!s)
        return;
    /* CSV injection (OWASP): a spreadsheet runs text that starts with = + -
     * @ tab or CR as a formula; a leading ' makes it text.  Numbers written
     * as text ("-3") stay numbers. */
    char *guarded = NULL;
    if (jz_csv_formula_like(s, w->nl)) {
        size_t n = strlen(s);
        if ((guarded = malloc(n + 2))) {
            guarded[0] = '\'';
            memcpy(guarded + 1, s, n + 1);
            s = guarded;
        } else {
            s = ""; /* out of memory: drop the text rather than write a formula */
        }
    }
    int quote = strchr(s, w->sep) || strchr(s, '"') || strchr(s, '\n') || (w->quote_cr && strchr(s, '\r'));
    if (!quote) {
        fputs(s, w->out);
    } else {
        fputc('"', w->out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', w->out);
            fputc(*s, w->out);
        }
        fputc('"', w->out);
    }
    free(guarded);
}

void jz_csvw_number(jz_csvw *w, double v)
{
    before(w);
    if (!isfinite(v) && !w->keep_nonfinite)
        return;
    char buf[64];
    snprintf(buf, sizeof buf, "%.*g", w->digits, v);
    if (w->nl)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    fputs(buf, w->out);
}

void jz_csvw_int(jz_csvw *w, long v)
{
    before(w);
    fprintf(w->out, "%ld", v);
}

void jz_csvw_empty(jz_csvw *w, int n)
{
    for (int i = 0; i < n; i++)
        before(w);
}

void jz_csvw_end_row(jz_csvw *w)
{
    fputc('\n', w->out);
    w->col = 0;
}

void jz_csvw_header(jz_csvw *w, const char *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jz_csvw_field(w, cols[i]);
    jz_csvw_end_row(w);
}
