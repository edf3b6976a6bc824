/*
 * csv.c - results as long-format CSV, one figure per row.
 *
 * Columns: scenario, gemeente_code, gemeente, zorgsoort, year, metric, value.
 * zorgsoort is empty for figures of the whole gemeente.  Long format keeps
 * the columns fixed whatever the number of zorgsoorten and years, and is
 * what a pivot table in Excel wants.  With csv_nl the separator is ';' and
 * the decimal mark ',' so that Dutch Excel opens the file as numbers.
 */
#include <math.h>
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/report.h"
#include "jzsim/taakveld.h"
#include "report/csvw.h"
#include "report/band_report.h"

/* One figure per row.  A NaN or infinity (not expected from a run) is
 * written as printf writes it ("nan"), as this file always did; the other
 * CSVs leave such a field empty. */
static void row(jz_csvw *c, const char *scen, const char *code, const char *name,
                const char *zs, int year, const char *metric, double v)
{
    jz_csvw_field(c, scen);
    jz_csvw_field(c, code);
    jz_csvw_field(c, name);
    jz_csvw_field(c, zs);
    jz_csvw_int(c, year);
    jz_csvw_field(c, metric);
    jz_csvw_number(c, v);
    jz_csvw_end_row(c);
}

/* A figure of the gemeenten side by side that may be not given (the tekort
 * per inhabitant of a gemeente without inhabitants): NaN is "n.b.", an empty
 * field as everywhere an absent figure is (docs/output-format.md), never 0. */
static void row_nb(jz_csvw *c, const char *scen, const char *code, const char *name, int year, const char *metric,
                   double v)
{
    if (isfinite(v)) {
        row(c, scen, code, name, "", year, metric, v);
        return;
    }
    jz_csvw_field(c, scen);
    jz_csvw_field(c, code);
    jz_csvw_field(c, name);
    jz_csvw_field(c, "");
    jz_csvw_int(c, year);
    jz_csvw_field(c, metric);
    jz_csvw_field(c, "");
    jz_csvw_end_row(c);
}

/* The totals per Iv3 taakveld (jzsim/taakveld.h, computed in the analysis
 * layer): zorgsoort empty, metric "taakveld:<code>:<figure>", so that a sum
 * over the zorgsoort rows never counts them twice. */
static void taakveld_rows(jz_csvw *c, const jz_scenario *s, const jz_taakveld_totals *t, int g,
                          const char *code, const char *name)
{
    char key[64];
    for (int i = 0; t && i < t->list.n; i++) { /* the taakvelden every reporter lists */
        int k = jz_taakveld_slot(t, t->list.code[i]);
#define TV_ROWS_(f)                                                                          \
        snprintf(key, sizeof key, "taakveld:%s:%s", jz_taakveld_key(t->code[k]), #f);      \
        for (int y = 0; y < t->horizon; y++)                                              \
            row(c, s->meta.name, code, name, "", s->meta.base_year + y, key, t->f[jz_taakveld_at(t, g, k, y)]);
        JZ_TAAKVELD_METRICS(TV_ROWS_)
#undef TV_ROWS_
    }
}

static void gemeente_rows(jz_csvw *c, const jz_scenario *s, const jz_result *r, int g,
                          const jz_taakveld_totals *t)
{
    int total = g == r->n_gemeenten;
    const char *code = total ? "TOTAL" : s->gemeenten[g].code;
    const char *name = total ? "Totaal" : s->gemeenten[g].name;
    for (const jz_metric *m = jz_metrics; m->key; m++) {
        const double *a = jz_metric_array(r, m);
        if (!a) /* a figure of comparisons only */
            continue;
        if (m->level == JZ_LEVEL_GEMEENTE) {
            for (int y = 0; y < r->horizon; y++)
                row(c, s->meta.name, code, name, "", r->base_year + y, m->key, a[jz_result_gy(r, g, y)]);
            continue;
        }
        for (int z = 0; z < r->n_zorgsoorten; z++)
            for (int y = 0; y < r->horizon; y++)
                row(c, s->meta.name, code, name, s->zorgsoorten[z].key, r->base_year + y, m->key,
                    a[jz_result_cz(r, g, z, y)]);
    }
    for (const jz_metric *m = jz_regio_compare_metrics; s->n_gemeenten > 1 && m->key; m++)
        for (int y = 0; y < r->horizon; y++)
            row_nb(c, s->meta.name, code, name, r->base_year + y, m->key, jz_metric_array(r, m)[jz_result_gy(r, g, y)]);
    for (const jz_metric *m = jz_regio_metrics; jz_regio_metrics_shown(s) && m->key; m++)
        for (int y = 0; y < r->horizon; y++)
            row(c, s->meta.name, code, name, "", r->base_year + y, m->key, jz_metric_array(r, m)[jz_result_gy(r, g, y)]);
    for (const jz_metric *m = jz_contract_metrics; jz_contract_metrics_shown(s) && m->key; m++)
        for (int y = 0; y < r->horizon; y++)
            row(c, s->meta.name, code, name, "", r->base_year + y, m->key, jz_metric_array(r, m)[jz_result_gy(r, g, y)]);
    /* uitstroom by destination: metric uit_to:<zorgsoort> */
    char key[JZ_KEY_MAX + 8];
    for (int z = 0; z < r->n_zorgsoorten; z++)
        for (int w = 0; w < r->n_zorgsoorten; w++) {
            if (w == z)
                continue;
            snprintf(key, sizeof key, "uit_to:%s", s->zorgsoorten[w].key);
            int any = 0;
            for (int y = 0; y < r->horizon && !any; y++)
                any = r->uit_to[jz_result_to(r, g, z, y, w)] != 0.0;
            for (int y = 0; any && y < r->horizon; y++)
                row(c, s->meta.name, code, name, s->zorgsoorten[z].key, r->base_year + y, key,
                    r->uit_to[jz_result_to(r, g, z, y, w)]);
        }
    taakveld_rows(c, s, t, g, code, name);
}

int jz_rep_run_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_result *r = x->result;
    static const char *const cols[] = {"scenario", "gemeente_code", "gemeente", "zorgsoort",
                                       "year", "metric", "value"};
    jz_csvw c;
    jz_csvw_init(&c, out, o->csv_nl);
    c.keep_nonfinite = 1;
    jz_csvw_header(&c, cols, sizeof cols / sizeof cols[0]);
    if (o->all_gemeenten) {
        for (int g = 0; g < r->n_gemeenten; g++)
            gemeente_rows(&c, s, r, g, x->taakvelden);
        if (r->n_gemeenten > 1)
            gemeente_rows(&c, s, r, r->n_gemeenten, x->taakvelden);
        for (int g = 0; x->band && g < r->n_gemeenten + (r->n_gemeenten > 1); g++) /* the region: TOTAL rows */
            jz_band_csv(&c, s, r, x->band, g);
    } else {
        int g = o->gemeente >= 0 ? o->gemeente : (r->n_gemeenten == 1 ? 0 : r->n_gemeenten);
        gemeente_rows(&c, s, r, g, x->taakvelden);
        jz_band_csv(&c, s, r, x->band, g);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the CSV output");
    return JZ_OK;
}
