/*
 * json.c - results as JSON with stable keys (docs/output-format.md).
 *
 * {
 *   "format": "jzsim-run", "format_version": 1, "jzsim_version": "...",
 *   "scenario": {name, description, path, base_year, horizon, sources},
 *   "years": [2022, ...],
 *   "zorgsoorten": [{key, name, taakveld}],
 *   "warnings": ["..."],
 *   "results": [ {code, name, totals: {metric: [per year]},
 *                 zorgsoorten: {key: {metric: [per year], uit_to: {key: [..]}}},
 *                 taakvelden: {"6.72": {zorgsoorten: [keys], fixed_costs: [names], client_years, cost, budget,
 *                              tekort: [per year]}}} ]
 * }
 * "results" holds the selected gemeente, or every gemeente and then the
 * total (code "TOTAL") with all_gemeenten.  Metric keys are those of
 * jz_metrics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/jzsim.h"
#include "report/jsonw.h"
#include "report/band_report.h"

/* Is the fixed cost line named name on taakveld code (-1: on none) among
 * the lines of gemeenten g0..a-1 or the first f lines of gemeente a? */
static int named_before(const jz_scenario *s, int g0, int a, int f, int code, const char *name)
{
    for (int b = g0; b <= a; b++)
        for (int e = 0; e < (b == a ? f : s->gemeenten[b].n_fixed); e++)
            if (jz_taakveld_index(s->gemeenten[b].fixed[e].taakveld) == code &&
                strcmp(s->gemeenten[b].fixed[e].name, name) == 0)
                return 1;
    return 0;
}

/* The names of the fixed cost lines on taakveld code (-1: on none) of
 * gemeente g, or of every gemeente for the region (g = n_gemeenten), each
 * name once. */
static void fixed_names(jz_jsonw *w, const jz_scenario *s, int g, int code)
{
    const int g0 = g < s->n_gemeenten ? g : 0, g1 = g < s->n_gemeenten ? g + 1 : s->n_gemeenten;
    jz_jsonw_begin_array(w);
    for (int a = g0; a < g1; a++)
        for (int f = 0; f < s->gemeenten[a].n_fixed; f++) {
            const jz_fixed_cost *fc = &s->gemeenten[a].fixed[f];
            if (jz_taakveld_index(fc->taakveld) == code && !named_before(s, g0, a, f, code, fc->name))
                jz_jsonw_string(w, fc->name);
        }
    jz_jsonw_end_array(w);
}

static void gemeente_obj(jz_jsonw *w, const jz_scenario *s, const jz_result *r, int g,
                         const jz_taakveld_totals *t)
{
    int total = g == r->n_gemeenten, H = r->horizon, Z = r->n_zorgsoorten;
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "code");
    jz_jsonw_string(w, total ? "TOTAL" : s->gemeenten[g].code);
    jz_jsonw_key(w, "name");
    jz_jsonw_string(w, total ? "Totaal" : s->gemeenten[g].name);
    jz_jsonw_key(w, "totals");
    jz_jsonw_begin_object(w);
    for (const jz_metric *m = jz_metrics; m->key; m++) {
        if (m->level != JZ_LEVEL_GEMEENTE || !jz_metric_array(r, m)) /* skip comparison-only figures */
            continue;
        jz_jsonw_key(w, m->key);
        jz_jsonw_numbers(w, jz_metric_array(r, m) + jz_result_gy(r, g, 0), H);
    }
    for (const jz_metric *m = jz_regio_compare_metrics; s->n_gemeenten > 1 && m->key; m++) {
        jz_jsonw_key(w, m->key);
        jz_jsonw_numbers(w, jz_metric_array(r, m) + jz_result_gy(r, g, 0), H);
    }
    for (const jz_metric *m = jz_regio_metrics; jz_regio_metrics_shown(s) && m->key; m++) {
        jz_jsonw_key(w, m->key);
        jz_jsonw_numbers(w, jz_metric_array(r, m) + jz_result_gy(r, g, 0), H);
    }
    for (const jz_metric *m = jz_contract_metrics; jz_contract_metrics_shown(s) && m->key; m++) {
        jz_jsonw_key(w, m->key);
        jz_jsonw_numbers(w, jz_metric_array(r, m) + jz_result_gy(r, g, 0), H);
    }
    jz_jsonw_end_object(w);
    jz_jsonw_key(w, "zorgsoorten");
    jz_jsonw_begin_object(w);
    for (int z = 0; z < Z; z++) {
        jz_jsonw_key(w, s->zorgsoorten[z].key);
        jz_jsonw_begin_object(w);
        for (const jz_metric *m = jz_metrics; m->key; m++) {
            if (m->level != JZ_LEVEL_CELL)
                continue;
            jz_jsonw_key(w, m->key);
            jz_jsonw_numbers(w, jz_metric_array(r, m) + jz_result_cz(r, g, z, 0), H);
        }
        jz_jsonw_key(w, "uit_to");
        jz_jsonw_begin_object(w);
        for (int d = 0; d < Z; d++) {
            if (d == z)
                continue;
            jz_jsonw_key(w, s->zorgsoorten[d].key);
            jz_jsonw_numbers_strided(w, r->uit_to + jz_result_to(r, g, z, 0, d), H, (size_t)Z);
        }
        jz_jsonw_end_object(w);
        jz_jsonw_end_object(w);
    }
    jz_jsonw_end_object(w);
    /* the totals per Iv3 taakveld (analysis layer, jzsim/taakveld.h) */
    if (t) {
        jz_jsonw_key(w, "taakvelden");
        jz_jsonw_begin_object(w);
        for (int i = 0; i < t->list.n; i++) { /* the taakvelden every reporter lists */
            int k = jz_taakveld_slot(t, t->list.code[i]);
            jz_jsonw_key(w, jz_taakveld_key(t->code[k]));
            jz_jsonw_begin_object(w);
            jz_jsonw_key(w, "zorgsoorten");
            jz_jsonw_begin_array(w);
            for (int z = 0; z < Z; z++)
                if (jz_taakveld_index(s->zorgsoorten[z].taakveld) ==
                    (t->code[k] == JZ_TAAKVELD_OUTSIDE ? -1 : t->code[k]))
                    jz_jsonw_string(w, s->zorgsoorten[z].key);
            jz_jsonw_end_array(w);
            jz_jsonw_key(w, "fixed_costs");
            fixed_names(w, s, g, t->code[k] == JZ_TAAKVELD_OUTSIDE ? -1 : t->code[k]);
#define TV_JSON_(f)                                                   \
            jz_jsonw_key(w, #f);                                      \
            jz_jsonw_numbers(w, t->f + jz_taakveld_at(t, g, k, 0), H);
            JZ_TAAKVELD_METRICS(TV_JSON_)
#undef TV_JSON_
            jz_jsonw_end_object(w);
        }
        jz_jsonw_end_object(w);
    }
    jz_jsonw_end_object(w);
}

int jz_rep_run_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_result *r = x->result;
    jz_jsonw w;
    jz_jsonw_init(&w, out);
    jz_jsonw_begin_document(&w, "jzsim-run", 1);
    jz_jsonw_key(&w, "scenario");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "name");
    jz_jsonw_string(&w, s->meta.name);
    jz_jsonw_key(&w, "description");
    jz_jsonw_string(&w, s->meta.description);
    jz_jsonw_key(&w, "path");
    jz_jsonw_string(&w, s->meta.path);
    jz_jsonw_key(&w, "base_year");
    jz_jsonw_int(&w, s->meta.base_year);
    jz_jsonw_key(&w, "horizon");
    jz_jsonw_int(&w, s->meta.horizon);
    jz_jsonw_key(&w, "sources");
    jz_jsonw_begin_array(&w);
    for (int i = 0; i < s->meta.n_sources; i++)
        jz_jsonw_string(&w, s->meta.sources[i]);
    jz_jsonw_end_array(&w);
    if (s->meta.begrotingsjaar > 0) {
        /* the P&C cycle: per year of "years" its place, "" outside it */
        jz_jsonw_key(&w, "begrotingsjaar");
        jz_jsonw_int(&w, s->meta.begrotingsjaar);
        jz_jsonw_key(&w, "cycle");
        jz_jsonw_begin_array(&w);
        for (int y = 0; y < r->horizon; y++)
            jz_jsonw_string(&w, jz_cycle_name(jz_cycle_of(&s->meta, r->base_year + y), 1));
        jz_jsonw_end_array(&w);
    }
    jz_jsonw_end_object(&w);

    jz_jsonw_key(&w, "years");
    jz_jsonw_begin_array(&w);
    for (int y = 0; y < r->horizon; y++)
        jz_jsonw_int(&w, r->base_year + y);
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "zorgsoorten");
    jz_jsonw_begin_array(&w);
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "key");
        jz_jsonw_string(&w, s->zorgsoorten[z].key);
        jz_jsonw_key(&w, "name");
        jz_jsonw_string(&w, s->zorgsoorten[z].name);
        jz_jsonw_key(&w, "taakveld");
        jz_jsonw_string(&w, s->zorgsoorten[z].taakveld);
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);

    jz_jsonw_warnings(&w, s, NULL, 0);

    jz_jsonw_key(&w, "results");
    jz_jsonw_begin_array(&w);
    if (o->all_gemeenten) {
        for (int g = 0; g < r->n_gemeenten; g++)
            gemeente_obj(&w, s, r, g, x->taakvelden);
        if (r->n_gemeenten > 1)
            gemeente_obj(&w, s, r, r->n_gemeenten, x->taakvelden);
    } else {
        gemeente_obj(&w, s, r, o->gemeente >= 0 ? o->gemeente : (r->n_gemeenten == 1 ? 0 : r->n_gemeenten), x->taakvelden);
    }
    jz_jsonw_end_array(&w);
    if (x->band) {
        /* the gemeenten shown above (the region total has no band) */
        int one = o->gemeente >= 0 ? o->gemeente : (r->n_gemeenten == 1 ? 0 : r->n_gemeenten);
        /* with --gemeente all also the region, which has a band only from
         * the table's TOTAL rows */
        int *gs = o->all_gemeenten ? malloc((size_t)(r->n_gemeenten + 1) * sizeof *gs) : &one;
        int n_g = o->all_gemeenten ? r->n_gemeenten + (r->n_gemeenten > 1) : 1;
        if (!gs)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (int g = 0; o->all_gemeenten && g < n_g; g++)
            gs[g] = g;
        jz_band_json(&w, s, r, x->band, gs, n_g);
        if (gs != &one)
            free(gs);
    }
    jz_jsonw_end_object(&w);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the JSON output");
    return JZ_OK;
}
