/*
 * band_report.c - the backtest's interval around a run's projected stocks
 * (jzsim/intervals.h: jz_band, computed in engine/analysis/intervals.c),
 * as a section of the run's table, CSV and JSON.  Only what the band holds
 * is shown: years up to the last observed year have no band, years beyond
 * the interval table's longest horizon are marked, not extrapolated.
 */
#include <math.h>
#include <stdio.h>

#include "jzsim/intervals.h"
#include "report/band_report.h"
#include "report/text.h"

#define NAMEW 25
#define YEARS_PER_BLOCK 4

/* The band of zorgsoort z of gemeente g (z = -1: the gemeente total) in
 * year y: 1 with lo, hi; 0 none; 2 beyond the table. */
static int at(const jz_band *b, const jz_result *r, int g, int z, int y, double *lo, double *hi)
{
    if (z >= 0) {
        size_t k = jz_result_cz(r, g, z, y);
        *lo = b->end_lo[k];
        *hi = b->end_hi[k];
        return b->beyond[k] ? 2 : isfinite(*lo);
    }
    size_t k = jz_result_gy(r, g, y);
    *lo = b->g_end_lo[k];
    *hi = b->g_end_hi[k];
    return b->g_beyond[k] ? 2 : isfinite(*lo);
}

static int row_has(const jz_band *b, const jz_result *r, int g, int z)
{
    double lo, hi;
    for (int y = 0; y < r->horizon; y++)
        if (at(b, r, g, z, y, &lo, &hi))
            return 1;
    return 0;
}

void jz_band_table(FILE *out, const jz_scenario *s, const jz_result *r, const jz_band *b,
                   const jz_report_options *o, int g)
{
    if (g == r->n_gemeenten && r->n_gemeenten == 1)
        g = 0; /* the region of one gemeente is that gemeente */
    if (!b || g >= r->n_gemeenten)
        return;
    int nl = o->lang == JZ_LANG_NL, y_first = b->last_year + 1 - r->base_year;
    if (y_first < 0)
        y_first = 0;
    int any = 0;
    for (int z = -1; z < r->n_zorgsoorten; z++)
        any |= row_has(b, r, g, z);
    if (!any)
        return;
    char lo_s[32], hi_s[32], cellbuf[80], year[16];
    const int w = 22;
    for (int y0 = y_first; y0 < r->horizon; y0 += YEARS_PER_BLOCK) {
        int y1 = y0 + YEARS_PER_BLOCK < r->horizon ? y0 + YEARS_PER_BLOCK : r->horizon;
        fprintf(out, nl ? "\nCliënten in zorg eind, bandbreedte %.0f%% uit de backtest (waargenomen t/m %d)\n"
                        : "\nClients in care at year end, %.0f%% band from the backtest (observed up to %d)\n",
                100.0 * b->level, b->last_year);
        jz_text_pad(out, nl ? "Zorgsoort" : "Care type", NAMEW, 0);
        for (int y = y0; y < y1; y++) {
            snprintf(year, sizeof year, "%d", r->base_year + y);
            jz_text_pad(out, year, w, 1);
        }
        fputc('\n', out);
        for (int z = 0; z <= r->n_zorgsoorten; z++) {
            int zz = z < r->n_zorgsoorten ? z : -1;
            if (!row_has(b, r, g, zz))
                continue;
            jz_text_pad(out, zz >= 0 ? s->zorgsoorten[zz].name : (nl ? "Totaal" : "Total"), NAMEW, 0);
            for (int y = y0; y < y1; y++) {
                double lo, hi;
                int k = at(b, r, g, zz, y, &lo, &hi);
                if (k == 1)
                    snprintf(cellbuf, sizeof cellbuf, "%s - %s", jz_format_number(lo_s, sizeof lo_s, lo, 0, o->lang),
                             jz_format_number(hi_s, sizeof hi_s, hi, 0, o->lang));
                else
                    snprintf(cellbuf, sizeof cellbuf, "%s", k == 2 ? (nl ? "buiten tabel" : "beyond table") : "-");
                jz_text_pad(out, cellbuf, w, 1);
            }
            fputc('\n', out);
        }
    }
    fputs(nl ? "De band is de spreiding van de backtestfouten op die horizon rond deze projectie; \"buiten tabel\":\n"
               "verder vooruit dan de backtest toetste (docs/calibration.md, Intervallen in run).\n"
             : "The band is the spread of the backtest's errors at that horizon around this projection; \"beyond\n"
               "table\": further ahead than the backtest scored (docs/calibration.md, Intervals in run).\n",
          out);
}

void jz_band_csv(jz_csvw *c, const jz_scenario *s, const jz_result *r, const jz_band *b, int g)
{
    if (!b || g >= r->n_gemeenten)
        return;
    for (int z = 0; z <= r->n_zorgsoorten; z++) {
        int zz = z < r->n_zorgsoorten ? z : -1;
        for (int y = 0; y < r->horizon; y++) {
            double v[2];
            if (at(b, r, g, zz, y, &v[0], &v[1]) != 1)
                continue;
            for (int k = 0; k < 2; k++) {
                jz_csvw_field(c, s->meta.name);
                jz_csvw_field(c, s->gemeenten[g].code);
                jz_csvw_field(c, s->gemeenten[g].name);
                jz_csvw_field(c, zz >= 0 ? s->zorgsoorten[zz].key : "");
                jz_csvw_int(c, r->base_year + y);
                jz_csvw_field(c, k ? "band_hi:end" : "band_lo:end");
                jz_csvw_number(c, v[k]);
                jz_csvw_end_row(c);
            }
        }
    }
}

void jz_band_json(jz_jsonw *w, const jz_scenario *s, const jz_result *r, const jz_band *b, const int *gs, int n_g)
{
    if (!b)
        return;
    jz_jsonw_key(w, "band");
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "metric");
    jz_jsonw_string(w, "end");
    jz_jsonw_key(w, "level");
    jz_jsonw_number(w, b->level);
    jz_jsonw_key(w, "last_observed_year");
    jz_jsonw_int(w, b->last_year);
    jz_jsonw_key(w, "rows");
    jz_jsonw_begin_array(w);
    for (int i = 0; i < n_g; i++) {
        int g = gs[i];
        if (g >= r->n_gemeenten)
            continue;
        for (int z = 0; z <= r->n_zorgsoorten; z++) {
            int zz = z < r->n_zorgsoorten ? z : -1;
            if (!row_has(b, r, g, zz))
                continue;
            jz_jsonw_begin_object(w);
            jz_jsonw_key(w, "code");
            jz_jsonw_string(w, s->gemeenten[g].code);
            jz_jsonw_key(w, "zorgsoort");
            if (zz >= 0)
                jz_jsonw_string(w, s->zorgsoorten[zz].key);
            else
                jz_jsonw_null(w);
            double lo[JZ_HORIZON_MAX], hi[JZ_HORIZON_MAX];
            int kind[JZ_HORIZON_MAX];
            for (int y = 0; y < r->horizon; y++)
                kind[y] = at(b, r, g, zz, y, &lo[y], &hi[y]);
            jz_jsonw_key(w, "lower");
            jz_jsonw_numbers(w, lo, r->horizon);
            jz_jsonw_key(w, "upper");
            jz_jsonw_numbers(w, hi, r->horizon);
            jz_jsonw_key(w, "beyond_table");
            jz_jsonw_begin_array(w);
            for (int y = 0; y < r->horizon; y++)
                jz_jsonw_bool(w, kind[y] == 2);
            jz_jsonw_end_array(w);
            jz_jsonw_end_object(w);
        }
    }
    jz_jsonw_end_array(w);
    jz_jsonw_end_object(w);
}
