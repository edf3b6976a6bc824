/*
 * measures_json.c - `jzsim measures --format json` (docs/measures.md "Output").
 *
 * {
 *   "format": "jzsim-measures", "format_version": 1, "jzsim_version": "...",
 *   "scenario": {name, path}, "gemeente": {code, name},
 *   "years": [...],
 *   "attribution": {method: "exact" | "sampled", local_measures, model_runs,
 *                   samples, seed},                  (samples, seed: null when exact)
 *   "judging": {horizon, first_year, last_year, discount_rate},  (the ranking's basis)
 *   "measures": [ {key, name, type, effect, rank, certain_fraction,
 *                  net_saving: [..], saving: [..], investment: [..], certain: [..],
 *                  standalone_net_saving: [..], table_amount: [..],
 *                  totals: {net_saving, saving, investment, certain, uncertain,
 *                           standalone_net_saving, interaction, table_amount,
 *                           judge_net_saving, npv, structural_saving},
 *                  payback_year, saving_per_euro} ],       (in rank order)
 *   "package": {net_saving, sum_standalone_net_saving, interaction, cost_without,
 *               cost_with, tekort_without, tekort_with}    (per year)
 * }
 * payback_year and saving_per_euro are null when absent.
 */
#include <math.h>
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/jzsim.h"
#include "jzsim/measures.h"
#include "report/jsonw.h"
#include "report/measures_fields.h"

static void num_or_null(jz_jsonw *w, const char *key, double v)
{
    jz_jsonw_key(w, key);
    if (isnan(v) || isinf(v))
        jz_jsonw_null(w);
    else
        jz_jsonw_number(w, v);
}

static void measure_obj(jz_jsonw *w, const jz_scenario *s, const jz_measures_analysis *a,
                        const jz_measure_attr *t)
{
    const jz_measure *m = &s->measures[t->index];
    int H = a->horizon;
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "key");
    jz_jsonw_string(w, m->key);
    jz_jsonw_key(w, "name");
    jz_jsonw_string(w, m->name);
    jz_jsonw_key(w, "type");
    jz_jsonw_string(w, m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local");
    jz_jsonw_key(w, "effect");
    if (m->type == JZ_MEASURE_LOCAL)
        jz_jsonw_string(w, jz_effect_name(m->effect));
    else
        jz_jsonw_null(w);
    jz_jsonw_key(w, "rank");
    jz_jsonw_int(w, t->rank);
    jz_jsonw_key(w, "certain_fraction");
    jz_jsonw_number(w, m->certain);
    jz_mf_series series[JZ_MF_N_SERIES];
    jz_mf_series_of(t, series);
    for (int k = 0; k < JZ_MF_N_SERIES; k++) {
        jz_jsonw_key(w, series[k].key);
        jz_jsonw_numbers(w, series[k].v, H);
    }
    if (a->has_regio) { /* under regional arrangements */
        jz_jsonw_key(w, "care_net_saving");
        jz_jsonw_numbers(w, t->care, H);
        jz_jsonw_key(w, "settlement");
        jz_jsonw_numbers(w, t->settlement, H);
    }
    jz_jsonw_key(w, "totals");
    jz_jsonw_begin_object(w);
    jz_mf_total totals[JZ_MF_N_TOTALS];
    jz_mf_totals_of(t, totals);
    for (int k = 0; k < JZ_MF_N_TOTALS; k++) {
        jz_jsonw_key(w, totals[k].key);
        jz_jsonw_number(w, totals[k].v);
    }
    jz_jsonw_end_object(w);
    jz_jsonw_key(w, "payback_year");
    if (t->payback_year)
        jz_jsonw_int(w, t->payback_year);
    else
        jz_jsonw_null(w);
    num_or_null(w, "saving_per_euro", t->per_euro);
    jz_jsonw_end_object(w);
}

int jz_rep_measures_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_measures_analysis *a = x->measures;
    (void)o;
    jz_jsonw w;
    int H = a->horizon;
    jz_jsonw_init(&w, out);
    jz_jsonw_envelope(&w, "jzsim-measures", 1, s, NULL, 0);
    jz_jsonw_key(&w, "gemeente");
    jz_jsonw_begin_object(&w);
    int one = a->gemeente >= 0 ? a->gemeente : s->n_gemeenten == 1 ? 0 : -1;
    jz_jsonw_key(&w, "code");
    jz_jsonw_string(&w, one >= 0 ? s->gemeenten[one].code : "TOTAL");
    jz_jsonw_key(&w, "name");
    jz_jsonw_string(&w, one >= 0 ? s->gemeenten[one].name : "Totaal");
    jz_jsonw_end_object(&w);
    jz_jsonw_key(&w, "years");
    jz_jsonw_begin_array(&w);
    for (int y = 0; y < H; y++)
        jz_jsonw_int(&w, a->base_year + y);
    jz_jsonw_end_array(&w);

    jz_jsonw_key(&w, "attribution");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "method");
    jz_jsonw_string(&w, a->exact ? "exact" : "sampled");
    jz_jsonw_key(&w, "local_measures");
    jz_jsonw_int(&w, a->n_local);
    jz_jsonw_key(&w, "model_runs");
    jz_jsonw_int(&w, a->runs);
    jz_jsonw_key(&w, "samples");
    if (a->exact)
        jz_jsonw_null(&w);
    else
        jz_jsonw_int(&w, a->samples);
    jz_jsonw_key(&w, "seed");
    if (a->exact)
        jz_jsonw_null(&w);
    else
        jz_jsonw_int(&w, (long)a->seed);
    jz_jsonw_end_object(&w);

    jz_jsonw_key(&w, "judging");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "horizon");
    jz_jsonw_int(&w, a->judge_horizon);
    jz_jsonw_key(&w, "first_year");
    jz_jsonw_int(&w, a->base_year);
    jz_jsonw_key(&w, "last_year");
    jz_jsonw_int(&w, a->base_year + a->judge_horizon - 1);
    jz_jsonw_key(&w, "discount_rate");
    jz_jsonw_number(&w, a->discount_rate);
    jz_jsonw_end_object(&w);

    jz_jsonw_key(&w, "measures");
    jz_jsonw_begin_array(&w);
    for (int r = 0; r < a->n; r++)
        measure_obj(&w, s, a, &a->attr[a->order[r]]);
    jz_jsonw_end_array(&w);

    /* --gemeente all: per gemeente, what each measure buys there */
    if (a->by_gemeente) {
        jz_jsonw_key(&w, "by_gemeente");
        jz_jsonw_begin_array(&w);
        for (int g = 0; g < a->n_gemeenten; g++) {
            jz_jsonw_begin_object(&w);
            jz_jsonw_key(&w, "code");
            jz_jsonw_string(&w, s->gemeenten[g].code);
            jz_jsonw_key(&w, "name");
            jz_jsonw_string(&w, s->gemeenten[g].name);
            jz_jsonw_key(&w, "measures");
            jz_jsonw_begin_array(&w);
            for (int r = 0; r < a->n; r++) {
                int i = a->attr[a->order[r]].index;
                const jz_measure_gemeente *b = &a->by_gemeente[(size_t)g * (size_t)a->n + (size_t)i];
                jz_jsonw_begin_object(&w);
                jz_jsonw_key(&w, "key");
                jz_jsonw_string(&w, s->measures[i].key);
                num_or_null(&w, "net_saving", b->net);
                num_or_null(&w, "saving", b->saving);
                num_or_null(&w, "investment", b->investment);
                if (a->has_regio) {
                    num_or_null(&w, "care_net_saving", b->care);
                    num_or_null(&w, "settlement", b->settlement);
                }
                jz_jsonw_end_object(&w);
            }
            jz_jsonw_end_array(&w);
            jz_jsonw_end_object(&w);
        }
        jz_jsonw_end_array(&w);
    }

    jz_jsonw_key(&w, "package");
    jz_jsonw_begin_object(&w);
    jz_mf_series pack[JZ_MF_N_PACKAGE];
    jz_mf_package_of(a, pack);
    for (int k = 0; k < JZ_MF_N_PACKAGE; k++) {
        jz_jsonw_key(&w, pack[k].key);
        jz_jsonw_numbers(&w, pack[k].v, H);
    }
    jz_jsonw_end_object(&w);
    jz_jsonw_end_object(&w);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the JSON output");
    return JZ_OK;
}
