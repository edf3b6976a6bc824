/*
 * jsonw.c - the streaming JSON writer (see jsonw.h).
 */
#include <math.h>
#include <stdio.h>

#include "jzsim/jzsim.h"
#include "report/jsonw.h"

void jz_jsonw_init(jz_jsonw *w, FILE *out)
{
    w->out = out;
    w->depth = 0;
    w->count[0] = 0;
    w->after_key = 0;
}

static void indent(jz_jsonw *w)
{
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->out);
}

/* Separator and indentation before a value or key. */
static void before(jz_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth]++)
            fputc(',', w->out);
        indent(w);
    }
}

static void open_(jz_jsonw *w, char c)
{
    before(w);
    fputc(c, w->out);
    if (w->depth < JZ_JSONW_DEPTH - 1)
        w->depth++;
    w->count[w->depth] = 0;
}

static void close_(jz_jsonw *w, char c)
{
    int had = w->count[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had)
        indent(w);
    fputc(c, w->out);
    if (w->depth == 0)
        fputc('\n', w->out);
}

void jz_jsonw_begin_object(jz_jsonw *w) { open_(w, '{'); }
void jz_jsonw_end_object(jz_jsonw *w) { close_(w, '}'); }
void jz_jsonw_begin_array(jz_jsonw *w) { open_(w, '['); }
void jz_jsonw_end_array(jz_jsonw *w) { close_(w, ']'); }

static void str(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void jz_jsonw_key(jz_jsonw *w, const char *key)
{
    before(w);
    str(w->out, key);
    fputs(": ", w->out);
    w->after_key = 1;
}

void jz_jsonw_string(jz_jsonw *w, const char *s)
{
    before(w);
    str(w->out, s ? s : "");
}

static void num(FILE *out, double v)
{
    if (!isfinite(v))
        fputs("null", out);
    else if (v == 0.0)
        fputs("0", out); /* no "-0" */
    else
        fprintf(out, "%.17g", v);
}

void jz_jsonw_number(jz_jsonw *w, double v)
{
    before(w);
    num(w->out, v);
}

void jz_jsonw_int(jz_jsonw *w, long v)
{
    before(w);
    fprintf(w->out, "%ld", v);
}

void jz_jsonw_bool(jz_jsonw *w, int v)
{
    before(w);
    fputs(v ? "true" : "false", w->out);
}

void jz_jsonw_null(jz_jsonw *w)
{
    before(w);
    fputs("null", w->out);
}

void jz_jsonw_numbers_strided(jz_jsonw *w, const double *v, int n, size_t stride)
{
    before(w);
    fputc('[', w->out);
    for (int i = 0; i < n; i++) {
        if (i)
            fputs(", ", w->out);
        num(w->out, v[(size_t)i * stride]);
    }
    fputc(']', w->out);
}

void jz_jsonw_numbers(jz_jsonw *w, const double *v, int n)
{
    jz_jsonw_numbers_strided(w, v, n, 1);
}

void jz_jsonw_begin_document(jz_jsonw *w, const char *format, int format_version)
{
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "format");
    jz_jsonw_string(w, format);
    jz_jsonw_key(w, "format_version");
    jz_jsonw_int(w, format_version);
    jz_jsonw_key(w, "jzsim_version");
    jz_jsonw_string(w, JZSIM_VERSION);
}

void jz_jsonw_warnings(jz_jsonw *w, const jz_scenario *s, const jz_jsonw_list *extra, int n_extra)
{
    jz_jsonw_key(w, "warnings");
    jz_jsonw_begin_array(w);
    for (int i = 0; s && i < s->n_warnings; i++)
        jz_jsonw_string(w, s->warnings[i]);
    for (int l = 0; l < n_extra; l++)
        for (int i = 0; i < extra[l].n; i++)
            jz_jsonw_string(w, extra[l].v[i]);
    jz_jsonw_end_array(w);
}

void jz_jsonw_envelope(jz_jsonw *w, const char *format, int format_version, const jz_scenario *s,
                       const jz_jsonw_list *extra, int n_extra)
{
    jz_jsonw_begin_document(w, format, format_version);
    if (s) {
        jz_jsonw_key(w, "scenario");
        jz_jsonw_begin_object(w);
        jz_jsonw_key(w, "name");
        jz_jsonw_string(w, s->meta.name);
        jz_jsonw_key(w, "path");
        jz_jsonw_string(w, s->meta.path);
        jz_jsonw_end_object(w);
    }
    jz_jsonw_warnings(w, s, extra, n_extra);
}
