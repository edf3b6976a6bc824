/*
 * engine.c - the werksessie engine: the entry point of jzsim compiled to
 * WebAssembly for the interactive page (docs/werksessie.md).
 *
 * The page keeps the scenario files in emscripten's in-memory file system
 * at the paths they had on the command line, writes a small variant that
 * `extends` the scenario being worked on, and calls jzw_run() with its
 * text and the gemeente the briefing shows.  jzw_run() does what `jzsim run
 * --gemeente` does (the real loader, the real model) and returns the figures
 * the page draws as one JSON text: the result arrays of that gemeente, or of
 * the region total (g = G) when none is named, as jz_model_run() filled
 * them, and the measures' attribution of jz_measures_analyse() for the same
 * gemeente.  Nothing here computes a model figure; this file only
 * serialises them.
 *
 * Numbers are printed with %.17g, so the page reads exactly the doubles of
 * the run.  Errors come back as {"ok":false,"error":"file:line:column: ..."}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emscripten/emscripten.h>

#include "jzsim/init.h"
#include "jzsim/measures.h"
#include "jzsim/model.h"
#include "jzsim/scenario.h"

/* The two functions the page calls (exported by the link, see CMakeLists.txt). */
char *jzw_run(const char *yaml, const char *name, const char *gemeente);
void jzw_free(char *p);

/* A JSON string: quotes, backslashes and control characters escaped. */
static void put_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Non-finite numbers are not JSON: null (the page refuses to draw them). */
static void put_num(FILE *f, double v)
{
    if (v == v && v - v == 0)
        fprintf(f, "%.17g", v);
    else
        fputs("null", f);
}

static void put_series(FILE *f, const char *key, const double *a, int n)
{
    fprintf(f, ",\"%s\":[", key);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        put_num(f, a[i]);
    }
    fputc(']', f);
}

/* The figures of gemeente g (G: the region total), per year, with the
 * unit they are of: its CBS code and name, or null for the total of more
 * than one gemeente (a scenario of one gemeente is that gemeente). */
static void put_result(FILE *f, const jz_scenario *s, const jz_result *r, int g)
{
    int H = r->horizon, G = r->n_gemeenten, Z = r->n_zorgsoorten;
    const size_t g0 = jz_result_gy(r, g, 0);
    const jz_gemeente *gm = g < G ? &s->gemeenten[g] : G == 1 ? &s->gemeenten[0] : NULL;
    fputs(",\"gemeente\":", f);
    if (gm) {
        fputs("{\"code\":", f);
        put_str(f, gm->code);
        fputs(",\"name\":", f);
        put_str(f, gm->name);
        fputc('}', f);
    } else {
        fputs("null", f);
    }
    fprintf(f, ",\"n_gemeenten\":%d,\"base_year\":%d,\"horizon\":%d", G, r->base_year, H);
    put_series(f, "tekort", r->g_tekort + g0, H);
    put_series(f, "cost", r->g_cost + g0, H);
    put_series(f, "budget", r->g_budget + g0, H);
    put_series(f, "beinvloedbaar", r->g_beinvloedbaar + g0, H);
    put_series(f, "niet_beinvloedbaar", r->g_niet_beinvloedbaar + g0, H);
    put_series(f, "measure_saving", r->g_measure_saving + g0, H);
    put_series(f, "cost_without_measures", r->g_cost_without_measures + g0, H);
    fputs(",\"zorgsoorten\":[", f);
    for (int z = 0; z < Z; z++) {
        fputs(z ? ",{\"key\":" : "{\"key\":", f);
        put_str(f, s->zorgsoorten[z].key);
        fputs(",\"name\":", f);
        put_str(f, s->zorgsoorten[z].name);
        put_series(f, "cost", r->cost + jz_result_cz(r, g, z, 0), H);
        fputc('}', f);
    }
    fputc(']', f);
}

/* What each measure buys in gemeente g (-1: all together;
 * jz_measures_analyse), in scenario order. */
static int put_measures(FILE *f, const jz_scenario *s, int g, jz_error *err)
{
    fputs(",\"measures\":[", f);
    if (s->n_measures == 0) {
        fputc(']', f);
        return JZ_OK;
    }
    jz_measures_options o;
    jz_measures_options_default(&o);
    o.gemeente = g;
    jz_measures_analysis *a = NULL;
    int rc = jz_measures_analyse(s, &o, &a, err);
    if (rc != JZ_OK)
        return rc;
    for (int i = 0; i < a->n; i++) {
        const jz_measure *m = &s->measures[i];
        const jz_measure_attr *t = &a->attr[i];
        fputs(i ? ",{\"key\":" : "{\"key\":", f);
        put_str(f, m->key);
        fputs(",\"name\":", f);
        put_str(f, m->name);
        fprintf(f, ",\"type\":\"%s\",\"rank\":%d,\"npv\":", m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local",
                t->rank);
        put_num(f, t->npv);
        put_series(f, "net", t->net, a->horizon);
        fputc('}', f);
    }
    fputc(']', f);
    jz_measures_analysis_free(a);
    return JZ_OK;
}

static void put_error(FILE *f, const jz_error *err)
{
    char buf[JZ_ERR_MSG_MAX + JZ_ERR_FILE_MAX + 64];
    fputs("{\"ok\":false,\"error\":", f);
    put_str(f, jz_error_format(err, buf, sizeof buf));
    fputc('}', f);
}

/* Load the YAML text `yaml` as if it were the file `name` (a relative
 * `extends` is found next to it), run it and return the figures of the
 * gemeente with CBS code `gemeente` (NULL or "": the region total) as a
 * JSON text the caller frees with jzw_free(); NULL only when memory runs
 * out.  A scenario without that gemeente is an error that names it. */
EMSCRIPTEN_KEEPALIVE char *jzw_run(const char *yaml, const char *name, const char *gemeente)
{
    jz_init();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return NULL;
    jz_error err;
    jz_error_clear(&err);
    jz_scenario *s = jz_scenario_load_string(yaml, strlen(yaml), name, NULL, &err);
    jz_result *r = s ? jz_result_alloc(s) : NULL;
    jz_workspace *w = s ? jz_workspace_alloc(s) : NULL;
    if (s && (!r || !w))
        jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int g = s ? s->n_gemeenten : 0, found = 1; /* g = G: the region total */
    if (s && r && w && gemeente && gemeente[0]) { /* not over an out-of-memory error */
        g = jz_scenario_gemeente_index(s, gemeente);
        if ((found = g >= 0) == 0)
            jz_error_set(&err, JZ_EINPUT, name, 0, 0,
                         "this scenario (%s) has no gemeente %s, the gemeente the briefing shows: choose a "
                         "scenario that has it, or write the briefing with --gemeente all for the region",
                         s->meta.name, gemeente);
    }
    if (!s || !r || !w || !found || jz_model_run(s, w, r, &err) != JZ_OK) {
        put_error(f, &err);
    } else {
        /* the measures first: a failure there is reported alone */
        char *mtext = NULL;
        size_t mlen = 0;
        FILE *mf = open_memstream(&mtext, &mlen);
        int rc = mf ? put_measures(mf, s, g < s->n_gemeenten ? g : -1, &err) : JZ_ENOMEM;
        if (mf)
            fclose(mf);
        if (rc != JZ_OK) {
            if (!mf)
                jz_error_set(&err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            put_error(f, &err);
        } else {
            fputs("{\"ok\":true", f);
            put_result(f, s, r, g);
            fputs(mtext, f);
            fputs(",\"warnings\":[", f);
            for (int i = 0; i < s->n_warnings; i++) {
                if (i)
                    fputc(',', f);
                put_str(f, s->warnings[i]);
            }
            fputs("]}", f);
        }
        free(mtext);
    }
    jz_workspace_free(w);
    jz_result_free(r);
    jz_scenario_free(s);
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

EMSCRIPTEN_KEEPALIVE void jzw_free(char *p)
{
    free(p);
}
