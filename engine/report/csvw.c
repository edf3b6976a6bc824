/*
 * csvw.c - the CSV writer of the reporters (see csvw.h).
 */
#include <math.h>
#include <stdio.h>
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

void jz_csvw_field(jz_csvw *w, const char *s)
{
    before(w);
    if (!s)
        return;
    int quote = strchr(s, w->sep) || strchr(s, '"') || strchr(s, '\n') || (w->quote_cr && strchr(s, '\r'));
    if (!quote) {
        fputs(s, w->out);
        return;
    }
    fputc('"', w->out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', w->out);
        fputc(*s, w->out);
    }
    fputc('"', w->out);
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
