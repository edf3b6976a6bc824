/*
 * html_interactive.c - the werksessie: the interactive part of the briefing
 * (jzsim/werksessie.h, docs/werksessie.md).
 *
 * Writes one <section> after the static briefing: a container the page's
 * script fills, a JSON data island with everything the script needs, and
 * the engine bundle (emscripten's JavaScript with the WebAssembly inside,
 * followed by web/werksessie.js).  The data island holds
 *   gemeente   the gemeente the briefing shows (--gemeente): code and name;
 *              the engine returns its figures; null: the region total;
 *   files      the scenario files as read, by the path the loader used
 *              less the folder they all share;
 *   scenarios  per compared scenario: its file, name, base year, and the
 *              controls: sliders (the scenario's own `werksessie.sliders`
 *              when it names them, sliders_named true; else its uncertain
 *              inputs: path, label, unit, point value and range, as the
 *              loader registered them; tornado order)
 *              and measures (key, name, kind, the parameter a realisation
 *              scales and its value as written); a slider and a
 *              Hervormingsagenda row carry `keep`, the values of the
 *              realised years that the variant leaves as written
 *              (jz_slider_values; docs/werksessie.md, "The realised year");
 *   labels     the report layer's names of the figures (metrics.c) and
 *              the page's own words, in the report's language.
 * Everything shown in the page is computed by the engine; this file only
 * describes the scenarios that were loaded.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jzsim/measures.h"
#include "jzsim/uncertainty.h"
#include "jzsim/version.h"
#include "jzsim/werksessie.h"
#include "report/jsonw.h"
#include "report/unc_common.h"

/* Place of input path in the tornado (0 = widest bar); a large number when
 * the tornado does not have it. */
static int tornado_rank(const jz_sensitivity *t, const char *path)
{
    for (int i = 0; t && i < t->n_bars; i++)
        if (strcmp(t->bars[i].path, path) == 0)
            return i;
    return 1 << 20;
}

typedef struct slider_ref {
    int input;
    int rank;
} slider_ref;

static int by_rank(const void *a, const void *b)
{
    const slider_ref *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->input < y->input ? -1 : x->input > y->input;
}

/* "keep": the values of the realised years that a value written from the
 * first projected year on leaves as they are (jz_input_realised_years):
 * the variant writes the slider's value as a series by year after them. */
static void write_keep(jz_jsonw *j, const double *v, int n)
{
    jz_jsonw_key(j, "keep");
    jz_jsonw_numbers(j, v, n);
}

/* A slider moves an input from its first projected year on; its realised
 * years keep the values as written (jz_slider_values). */
static void write_slider(jz_jsonw *j, const jz_scenario *s, const char *path, const char *label, const char *unit,
                         double point, double low, double high)
{
    double kept[JZ_UNC_REALISED + 1], moved;
    int n = jz_slider_values(s, path, &moved, kept, JZ_UNC_REALISED);
    n = n < 0 ? 0 : n > JZ_UNC_REALISED ? JZ_UNC_REALISED : n;
    jz_jsonw_begin_object(j);
    jz_jsonw_key(j, "path");
    jz_jsonw_string(j, path);
    jz_jsonw_key(j, "label");
    jz_jsonw_string(j, label);
    jz_jsonw_key(j, "unit");
    jz_jsonw_string(j, unit);
    jz_jsonw_key(j, "point");
    jz_jsonw_number(j, point);
    jz_jsonw_key(j, "low");
    jz_jsonw_number(j, low);
    jz_jsonw_key(j, "high");
    jz_jsonw_number(j, high);
    write_keep(j, kept, n);
    jz_jsonw_end_object(j);
}

/* The sliders the scenario names (`werksessie.sliders`), in its order, with
 * its labels and ranges as the loader checked them. */
static void write_named_sliders(jz_jsonw *j, const jz_scenario *s, jz_lang lang)
{
    jz_jsonw_key(j, "sliders_named");
    jz_jsonw_bool(j, 1);
    jz_jsonw_key(j, "sliders");
    jz_jsonw_begin_array(j);
    for (int k = 0; k < s->n_sliders; k++) {
        const jz_slider *sl = &s->sliders[k];
        char lbuf[512];
        write_slider(j, s, sl->path, sl->label ? sl->label : jz_unc_input_label(s, sl->path, lang, lbuf, sizeof lbuf),
                     sl->unit, sl->point, sl->low, sl->high);
    }
    jz_jsonw_end_array(j);
}

static void write_sliders(jz_jsonw *j, const jz_scenario *s, const jz_sensitivity *t, jz_lang lang)
{
    if (s->n_sliders > 0) {
        write_named_sliders(j, s, lang);
        return;
    }
    slider_ref *ref = malloc(((size_t)s->n_uncertain + 1) * sizeof *ref);
    int n = 0;
    for (int i = 0; ref && i < s->n_uncertain; i++) {
        const jz_uncertain *u = &s->uncertain[i];
        if (!(u->range_low < u->range_high)) /* no spread: nothing to move */
            continue;
        ref[n].input = i;
        ref[n].rank = tornado_rank(t, u->path);
        n++;
    }
    if (ref)
        qsort(ref, (size_t)n, sizeof *ref, by_rank);
    jz_jsonw_key(j, "sliders_named");
    jz_jsonw_bool(j, 0);
    jz_jsonw_key(j, "sliders");
    jz_jsonw_begin_array(j);
    for (int k = 0; k < n && k < JZ_WERKSESSIE_MAX_SLIDERS; k++) {
        const jz_uncertain *u = &s->uncertain[ref[k].input];
        char lbuf[512];
        /* the one-way range of the tornado, widened to hold the point value */
        write_slider(j, s, u->path, jz_unc_input_label(s, u->path, lang, lbuf, sizeof lbuf), u->unit, u->dist.point,
                     fmin(u->range_low, u->dist.point), fmax(u->range_high, u->dist.point));
    }
    jz_jsonw_end_array(j);
    free(ref);
}

/* The parameter whose value a local measure's realisation scales. */
static const char *local_param(const jz_measure *m, double *value)
{
    switch (m->effect) {
    case JZ_EFFECT_INSTROOM:
    case JZ_EFFECT_ZORGDUUR:
    case JZ_EFFECT_TARIFF:
        *value = m->change;
        return "change";
    case JZ_EFFECT_EXIT_AFTER:
    case JZ_EFFECT_SUBSTITUTION:
    case JZ_EFFECT_DIVERSION:
        *value = m->share;
        return "share";
    default: /* lumpsum: an amount, not an effect size; only a switch */
        *value = 0;
        return NULL;
    }
}

static void write_measures(jz_jsonw *j, const jz_scenario *s)
{
    int H = s->meta.horizon;
    jz_jsonw_key(j, "measures");
    jz_jsonw_begin_array(j);
    for (int i = 0; i < s->n_measures; i++) {
        const jz_measure *m = &s->measures[i];
        jz_jsonw_begin_object(j);
        jz_jsonw_key(j, "key");
        jz_jsonw_string(j, m->key);
        jz_jsonw_key(j, "name");
        jz_jsonw_string(j, m->name[0] ? m->name : m->key);
        jz_jsonw_key(j, "type");
        jz_jsonw_string(j, m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local");
        if (m->type == JZ_MEASURE_HA) {
            /* the realisation as written: one fraction for every year, or a
             * series (the slider then replaces it by one fraction) */
            int constant = 1;
            for (int y = 1; y < H; y++)
                constant &= m->realisation[y] == m->realisation[0];
            jz_jsonw_key(j, "param");
            jz_jsonw_string(j, "realisation");
            jz_jsonw_key(j, "value");
            jz_jsonw_number(j, m->realisation[H - 1]);
            jz_jsonw_key(j, "series");
            jz_jsonw_bool(j, !constant);
            /* the realisation of the realised years stays as written: the
             * slider's fraction counts from the first projected year on */
            write_keep(j, m->realisation, jz_unc_realised(s));
            /* wholly in the baseline: it saves nothing extra, a realisation moves nothing */
            jz_jsonw_key(j, "in_baseline");
            jz_jsonw_bool(j, m->in_baseline == JZ_BASELINE_ALL);
        } else {
            double v;
            const char *p = local_param(m, &v);
            jz_jsonw_key(j, "effect");
            jz_jsonw_string(j, jz_effect_name(m->effect));
            jz_jsonw_key(j, "param");
            if (p)
                jz_jsonw_string(j, p);
            else
                jz_jsonw_null(j);
            jz_jsonw_key(j, "value");
            jz_jsonw_number(j, v);
        }
        jz_jsonw_end_object(j);
    }
    jz_jsonw_end_array(j);
}

/* The report layer's name of a figure of the region (metrics.c). */
static void metric_label(jz_jsonw *j, const char *key, jz_lang lang)
{
    const jz_metric *m = jz_metric_find(key, JZ_LEVEL_GEMEENTE);
    jz_jsonw_key(j, key);
    jz_jsonw_string(j, m ? jz_metric_label(m, lang) : key);
}

/* The page's own words.  nl first, en second. */
static const char *const page_words[][3] = {
    {"title", "Werksessie: wat als?", "Work session: what if?"},
    {"intro", "Schuif met de aannames en zet maatregelen aan of uit: het model rekent direct opnieuw, "
              "in deze pagina, zonder netwerk. Bewaar de uitkomst als scenario om hem met jzsim te "
              "herhalen.",
              "Move the assumptions and switch measures on or off: the model recomputes at once, in this "
              "page, without a network. Save the outcome as a scenario to rerun it with jzsim."},
    {"scenario", "Scenario", "Scenario"},
    {"year", "Jaar", "Year"},
    {"assumptions", "Aannames", "Assumptions"},
    {"measures", "Maatregelen", "Measures"},
    {"realisation", "realisatie", "realisation"},
    {"in_baseline", "al in de basis: bespaart niets extra", "already in the baseline: saves nothing extra"},
    {"reset", "Herstel", "Reset"},
    {"save", "Bewaar als scenario", "Save as scenario"},
    {"original", "oorspronkelijk", "original"},
    {"now", "werksessie", "work session"},
    {"per_zorgsoort", "Kosten per zorgsoort", "Cost per zorgsoort"},
    {"region", "Regio totaal", "Region total"},
    {"gemeenten", "gemeenten", "gemeenten"},
    {"lacks", "heeft geen", "has no"},
    {"ranking", "Wat maatregelen opleveren (netto contante waarde)", "What measures buy (net present value)"},
    {"waterfall", "Tekort: beïnvloedbaar en niet-beïnvloedbaar", "Deficit: influenceable and not"},
    {"rounding", "Elk bedrag is afzonderlijk afgerond: door afronding kan het tekort afwijken van de som van de delen.",
                 "Each amount is rounded on its own: through rounding the deficit may differ from the sum of its parts."},
    {"no_measures", "Dit scenario heeft geen maatregelen.", "This scenario has no measures."},
    {"no_sliders", "Dit scenario heeft geen onzekere invoer met een bereik en noemt geen schuifjes "
                   "(werksessie.sliders, docs/werksessie.md).",
                   "This scenario has no uncertain inputs with a range and names no sliders "
                   "(werksessie.sliders, docs/werksessie.md)."},
    {"bad_number", "geen getal", "not a number"},
    {"out_of_range", "moet liggen tussen", "must lie between"},
    {"and", "en", "and"},
    {"computed_in", "herrekend in", "recomputed in"},
    {"loading", "Het rekenmodel wordt geladen…", "Loading the model…"},
    {"engine_error", "Het model weigert deze invoer", "The model refuses this input"},
    {"noscript", "De werksessie heeft JavaScript nodig; de briefing hierboven is zonder leesbaar.",
                 "The work session needs JavaScript; the briefing above reads without it."},
};

static const char *page_word(const char *key, jz_lang lang)
{
    for (size_t i = 0; i < sizeof page_words / sizeof page_words[0]; i++)
        if (strcmp(page_words[i][0], key) == 0)
            return page_words[i][lang == JZ_LANG_NL ? 1 : 2];
    return key;
}

static void write_labels(jz_jsonw *j, jz_lang lang)
{
    jz_jsonw_key(j, "labels");
    jz_jsonw_begin_object(j);
    metric_label(j, "tekort", lang);
    metric_label(j, "beinvloedbaar", lang);
    metric_label(j, "niet_beinvloedbaar", lang);
    metric_label(j, "cost", lang);
    metric_label(j, "budget", lang);
    metric_label(j, "measure_saving", lang);
    for (size_t i = 0; i < sizeof page_words / sizeof page_words[0]; i++) {
        jz_jsonw_key(j, page_words[i][0]);
        jz_jsonw_string(j, page_words[i][lang == JZ_LANG_NL ? 1 : 2]);
    }
    jz_jsonw_end_object(j);
}

/* The length of the folder all files share ("/home/x/scenarios/enschede/"):
 * left out of the paths in the page, which mails no one's folder names;
 * paths relative to one another, which `extends` needs, stay as they are. */
static size_t common_dir(const jz_werksessie *w)
{
    if (w->n_files == 0)
        return 0;
    const char *first = w->files[0].path;
    const char *slash = strrchr(first, '/');
    size_t len = slash ? (size_t)(slash - first) + 1 : 0;
    for (int i = 1; i < w->n_files; i++)
        while (len > 0 && strncmp(w->files[i].path, first, len) != 0) {
            while (--len > 0 && first[len - 1] != '/')
                ;
        }
    return len;
}

static void write_data(FILE *out, const jz_werksessie *w, jz_lang lang)
{
    const size_t cut = common_dir(w);
    jz_jsonw j;
    jz_jsonw_init(&j, out);
    jz_jsonw_begin_object(&j);
    jz_jsonw_key(&j, "jzsim_version");
    jz_jsonw_string(&j, JZSIM_VERSION);
    jz_jsonw_key(&j, "lang");
    jz_jsonw_string(&j, lang == JZ_LANG_NL ? "nl" : "en");
    jz_jsonw_key(&j, "gemeente");
    if (w->gemeente) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "code");
        jz_jsonw_string(&j, w->gemeente);
        jz_jsonw_key(&j, "name");
        jz_jsonw_string(&j, w->gemeente_name ? w->gemeente_name : w->gemeente);
        jz_jsonw_end_object(&j);
    } else {
        jz_jsonw_null(&j);
    }
    jz_jsonw_key(&j, "files");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < w->n_files; i++) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "path");
        jz_jsonw_string(&j, w->files[i].path + cut);
        jz_jsonw_key(&j, "text");
        jz_jsonw_string(&j, w->files[i].text);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "scenarios");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < w->n_scenarios; i++) {
        const jz_scenario *s = w->scenarios[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "path");
        jz_jsonw_string(&j, strncmp(w->paths[i], w->files[0].path, cut) == 0 ? w->paths[i] + cut : w->paths[i]);
        jz_jsonw_key(&j, "name");
        jz_jsonw_string(&j, s->meta.name);
        jz_jsonw_key(&j, "base_year");
        jz_jsonw_int(&j, s->meta.base_year);
        if (w->gemeente) { /* a scenario without it cannot be worked on for it */
            jz_jsonw_key(&j, "has_gemeente");
            jz_jsonw_bool(&j, jz_scenario_gemeente_index(s, w->gemeente) >= 0);
        }
        write_sliders(&j, s, w->tornado, lang);
        write_measures(&j, s);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    write_labels(&j, lang);
    jz_jsonw_end_object(&j);
}

/* Copy text to out with "</" written as "<\/": the same JSON, but it can
 * never close the <script> element that holds it. */
static void put_script_safe(FILE *out, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '<' && i + 1 < len && text[i + 1] == '/')
            fputs("<\\", out);
        else
            fputc(text[i], out);
    }
}

/* 1 when text contains "</script" in any case (the HTML parser ends the
 * element there, whatever the JavaScript means). */
static int ends_script(const char *text, size_t len)
{
    static const char tag[] = "</script";
    const size_t n = sizeof tag - 1;
    for (size_t i = 0; i + n <= len; i++)
        if (text[i] == '<' && strncasecmp(text + i, tag, n) == 0)
            return 1;
    return 0;
}

int jz_html_werksessie(FILE *out, const jz_werksessie *w, jz_lang lang, jz_error *err)
{
    if (ends_script(w->engine, w->engine_len))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                            "the werksessie engine contains '</script' and cannot be inlined in the page");
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    write_data(mem, w, lang);
    if (fclose(mem) != 0) {
        free(data);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    fputs("<section id=\"jz-werksessie\" class=\"werksessie\">\n"
          "<noscript><p class=\"note\">", out);
    fputs(page_word("noscript", lang), out);
    fputs("</p></noscript>\n</section>\n"
          "<script type=\"application/json\" id=\"jz-werksessie-data\">", out);
    put_script_safe(out, data, len);
    fputs("</script>\n<script>\n", out);
    fwrite(w->engine, 1, w->engine_len, out);
    fputs("\n</script>\n", out);
    free(data);
    return ferror(out) ? jz_error_set(err, JZ_EIO, NULL, 0, 0, "write error") : JZ_OK;
}
