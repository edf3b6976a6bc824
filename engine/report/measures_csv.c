/*
 * measures_csv.c - `jzsim measures --format csv`: the attribution as
 * long-format CSV, one figure per row (docs/measures.md "Output").
 *
 * Columns: scenario, gemeente_code, measure, name, type, effect, year,
 * metric, value.  year is empty for totals over the horizon.  The package
 * (all measures together) has measure "TOTAL".  An absent value (no
 * payback within the horizon, no investment to divide by) is an empty
 * field.  With csv_nl the separator is ';' and the decimal mark ','.
 */
#include <math.h>
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/measures.h"
#include "report/csvw.h"
#include "report/measures_fields.h"

typedef struct csv {
    jz_csvw w;
    const char *scen, *code;
} csv;

/* One figure; year 0 (a total over the horizon) is an empty field. */
static void row(csv *c, const char *key, const char *name, const char *type,
                const char *effect, int year, const char *metric, double v)
{
    jz_csvw_field(&c->w, c->scen);
    jz_csvw_field(&c->w, c->code);
    jz_csvw_field(&c->w, key);
    jz_csvw_field(&c->w, name);
    jz_csvw_field(&c->w, type);
    jz_csvw_field(&c->w, effect);
    if (year)
        jz_csvw_int(&c->w, year);
    else
        jz_csvw_empty(&c->w, 1);
    jz_csvw_field(&c->w, metric);
    jz_csvw_number(&c->w, v);
    jz_csvw_end_row(&c->w);
}

int jz_rep_measures_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_measures_analysis *a = x->measures;
    csv c = {.scen = s->meta.name,
             .code = a->gemeente >= 0 ? s->gemeenten[a->gemeente].code
                     : s->n_gemeenten == 1 ? s->gemeenten[0].code : "TOTAL"};
    static const char *const cols[] = {"scenario", "gemeente_code", "measure", "name", "type",
                                       "effect", "year", "metric", "value"};
    jz_csvw_init(&c.w, out, o->csv_nl);
    jz_csvw_header(&c.w, cols, sizeof cols / sizeof cols[0]);
    int H = a->horizon;
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        const jz_measure *m = &s->measures[t->index];
        const char *type = m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local";
        const char *eff = m->type == JZ_MEASURE_LOCAL ? jz_effect_name(m->effect) : "";
        jz_mf_series series[JZ_MF_N_SERIES];
        jz_mf_series_of(t, series);
        for (int k = 0; k < JZ_MF_N_SERIES; k++)
            for (int y = 0; y < H; y++)
                row(&c, m->key, m->name, type, eff, a->base_year + y, series[k].key, series[k].v[y]);
        jz_mf_total totals[JZ_MF_N_TOTALS];
        jz_mf_totals_of(t, totals);
        for (int k = 0; k < JZ_MF_N_TOTALS; k++)
            row(&c, m->key, m->name, type, eff, 0, totals[k].key, totals[k].v);
        if (a->has_regio) { /* the care saved at P x V and the settlement's part of net */
            for (int y = 0; y < H; y++) {
                row(&c, m->key, m->name, type, eff, a->base_year + y, "care_net_saving", t->care[y]);
                row(&c, m->key, m->name, type, eff, a->base_year + y, "settlement", t->settlement[y]);
            }
            row(&c, m->key, m->name, type, eff, 0, "care_net_saving", t->care_total);
            row(&c, m->key, m->name, type, eff, 0, "settlement", t->settlement_total);
        }
        row(&c, m->key, m->name, type, eff, 0, "payback_year", t->payback_year ? (double)t->payback_year : NAN);
        row(&c, m->key, m->name, type, eff, 0, "saving_per_euro", t->per_euro);
        row(&c, m->key, m->name, type, eff, 0, "rank", (double)t->rank);
    }
    /* --gemeente all: per measure, what it buys in each gemeente (totals) */
    const char *slot_code = c.code;
    for (int g = 0; a->by_gemeente && g < a->n_gemeenten; g++) {
        c.code = s->gemeenten[g].code;
        for (int r = 0; r < a->n; r++) {
            int i = a->attr[a->order[r]].index;
            const jz_measure *m = &s->measures[i];
            const char *type = m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local";
            const char *eff = m->type == JZ_MEASURE_LOCAL ? jz_effect_name(m->effect) : "";
            const jz_measure_gemeente *b = &a->by_gemeente[(size_t)g * (size_t)a->n + (size_t)i];
            row(&c, m->key, m->name, type, eff, 0, "net_saving", b->net);
            row(&c, m->key, m->name, type, eff, 0, "saving", b->saving);
            row(&c, m->key, m->name, type, eff, 0, "investment", b->investment);
            if (a->has_regio) {
                row(&c, m->key, m->name, type, eff, 0, "care_net_saving", b->care);
                row(&c, m->key, m->name, type, eff, 0, "settlement", b->settlement);
            }
        }
    }
    c.code = slot_code;
    jz_mf_series pack[JZ_MF_N_PACKAGE];
    jz_mf_package_of(a, pack);
    for (int k = 0; k < JZ_MF_N_PACKAGE; k++)
        for (int y = 0; y < H; y++)
            row(&c, "TOTAL", "", "", "", a->base_year + y, pack[k].key, pack[k].v[y]);
    row(&c, "TOTAL", "", "", "", 0, "exact", a->exact);
    row(&c, "TOTAL", "", "", "", 0, "model_runs", (double)a->runs);
    row(&c, "TOTAL", "", "", "", 0, "samples", a->exact ? NAN : a->samples);
    row(&c, "TOTAL", "", "", "", 0, "seed", a->exact ? NAN : (double)a->seed);
    row(&c, "TOTAL", "", "", "", 0, "judge_horizon", (double)a->judge_horizon);
    row(&c, "TOTAL", "", "", "", 0, "discount_rate", a->discount_rate);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the CSV output");
    return JZ_OK;
}
