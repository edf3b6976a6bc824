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
#include <string.h>

#include "jzsim/measures.h"

typedef struct csv {
    FILE *out;
    char sep;
    int nl;
    const char *scen, *code;
} csv;

static void field(const csv *c, const char *s)
{
    int quote = strchr(s, c->sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
    if (!quote) {
        fputs(s, c->out);
    } else {
        fputc('"', c->out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', c->out);
            fputc(*s, c->out);
        }
        fputc('"', c->out);
    }
    fputc(c->sep, c->out);
}

static void row(const csv *c, const char *key, const char *name, const char *type,
                const char *effect, int year, const char *metric, double v)
{
    field(c, c->scen);
    field(c, c->code);
    field(c, key);
    field(c, name);
    field(c, type);
    field(c, effect);
    if (year)
        fprintf(c->out, "%d", year);
    fputc(c->sep, c->out);
    field(c, metric);
    if (!isnan(v) && !isinf(v)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", v);
        if (c->nl)
            for (char *p = buf; *p; p++)
                if (*p == '.')
                    *p = ',';
        fputs(buf, c->out);
    }
    fputc('\n', c->out);
}

int jz_report_measures_csv(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                           const jz_report_options *o, jz_error *err)
{
    csv c = {out, o->csv_nl ? ';' : ',', o->csv_nl, s->meta.name,
             a->gemeente >= 0 ? s->gemeenten[a->gemeente].code
             : s->n_gemeenten == 1 ? s->gemeenten[0].code : "TOTAL"};
    const char *cols[] = {"scenario", "gemeente_code", "measure", "name", "type",
                          "effect", "year", "metric", "value"};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        fprintf(out, "%s%s", i ? (c.nl ? ";" : ",") : "", cols[i]);
    fputc('\n', out);
    int H = a->horizon;
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        const jz_measure *m = &s->measures[t->index];
        const char *type = m->type == JZ_MEASURE_HA ? "hervormingsagenda" : "local";
        const char *eff = m->type == JZ_MEASURE_LOCAL ? jz_effect_name(m->effect) : "";
        const struct {
            const char *key;
            const double *v;
        } series[] = {{"net_saving", t->net},     {"saving", t->gross},
                      {"investment", t->investment}, {"certain", t->certain},
                      {"standalone_net_saving", t->standalone}, {"table_amount", t->table}};
        for (size_t k = 0; k < sizeof series / sizeof series[0]; k++)
            for (int y = 0; y < H; y++)
                row(&c, m->key, m->name, type, eff, a->base_year + y, series[k].key, series[k].v[y]);
        const struct {
            const char *key;
            double v;
        } totals[] = {{"net_saving", t->net_total},
                      {"saving", t->gross_total},
                      {"investment", t->investment_total},
                      {"certain", t->certain_total},
                      {"uncertain", t->uncertain_total},
                      {"standalone_net_saving", t->standalone_total},
                      {"interaction", t->net_total - t->standalone_total},
                      {"table_amount", t->table_total},
                      {"payback_year", t->payback_year ? (double)t->payback_year : NAN},
                      {"saving_per_euro", t->per_euro},
                      {"rank", (double)t->rank}};
        for (size_t k = 0; k < sizeof totals / sizeof totals[0]; k++)
            row(&c, m->key, m->name, type, eff, 0, totals[k].key, totals[k].v);
    }
    const struct {
        const char *key;
        const double *v;
    } pack[] = {{"net_saving", a->combined},         {"sum_standalone_net_saving", a->sum_standalone},
                {"interaction", a->interaction},     {"cost_without", a->cost_without},
                {"cost_with", a->cost_with},         {"tekort_without", a->tekort_without},
                {"tekort_with", a->tekort_with}};
    for (size_t k = 0; k < sizeof pack / sizeof pack[0]; k++)
        for (int y = 0; y < H; y++)
            row(&c, "TOTAL", "", "", "", a->base_year + y, pack[k].key, pack[k].v[y]);
    row(&c, "TOTAL", "", "", "", 0, "exact", a->exact);
    row(&c, "TOTAL", "", "", "", 0, "model_runs", (double)a->runs);
    row(&c, "TOTAL", "", "", "", 0, "samples", a->exact ? NAN : a->samples);
    row(&c, "TOTAL", "", "", "", 0, "seed", a->exact ? NAN : (double)a->seed);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the CSV output");
    return JZ_OK;
}
