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
#include "report/cmp_common.h"

#define NAMEW 25
#define YEARS_PER_BLOCK 4
#define CMP_YEARS_MAX 512 /* as compare_json.c's ROW_MAX */

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
    if (!b || g > r->n_gemeenten)
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
            const char *rest = jz_text_name_cell(out, zz >= 0 ? s->zorgsoorten[zz].name : (nl ? "Totaal" : "Total"), NAMEW, 0);
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
            jz_text_name_rest(out, rest, NAMEW);
        }
    }
    fputs(nl ? "De band is de spreiding van de backtestfouten op die horizon rond deze projectie; \"buiten tabel\":\n"
               "verder vooruit dan de backtest toetste (docs/calibration.md, Intervallen in run).\n"
             : "The band is the spread of the backtest's errors at that horizon around this projection; \"beyond\n"
               "table\": further ahead than the backtest scored (docs/calibration.md, Intervals in run).\n",
          out);
}

/* The region total (g = G) has a band only from TOTAL rows of the table. */
static const char *g_code(const jz_scenario *s, const jz_result *r, int g)
{
    return g == r->n_gemeenten ? "TOTAL" : s->gemeenten[g].code;
}

void jz_band_csv(jz_csvw *c, const jz_scenario *s, const jz_result *r, const jz_band *b, int g)
{
    if (!b || g > r->n_gemeenten)
        return;
    for (int z = 0; z <= r->n_zorgsoorten; z++) {
        int zz = z < r->n_zorgsoorten ? z : -1;
        for (int y = 0; y < r->horizon; y++) {
            double v[2];
            if (at(b, r, g, zz, y, &v[0], &v[1]) != 1)
                continue;
            for (int k = 0; k < 2; k++) {
                jz_csvw_field(c, s->meta.name);
                jz_csvw_field(c, g_code(s, r, g));
                jz_csvw_field(c, g == r->n_gemeenten ? "Totaal" : s->gemeenten[g].name);
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
        if (g > r->n_gemeenten)
            continue;
        for (int z = 0; z <= r->n_zorgsoorten; z++) {
            int zz = z < r->n_zorgsoorten ? z : -1;
            if (!row_has(b, r, g, zz))
                continue;
            jz_jsonw_begin_object(w);
            jz_jsonw_key(w, "code");
            jz_jsonw_string(w, g_code(s, r, g));
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

/* ---- compare: the band of the reference [1] (jz_cmp_stock_band) --------- */

void jz_band_cmp_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int u)
{
    const jz_band *b = c->stock_band;
    if (!b || !jz_cmp_stock_band_any(c, u))
        return;
    int nl = o->lang == JZ_LANG_NL, y_first = b->last_year + 1 - c->first_year;
    if (y_first < 0)
        y_first = 0;
    char end_s[32], lo_s[32], hi_s[32], cellbuf[112], year[16];
    const int w = 28;
    for (int y0 = y_first; y0 < c->n_years; y0 += YEARS_PER_BLOCK) {
        int y1 = y0 + YEARS_PER_BLOCK < c->n_years ? y0 + YEARS_PER_BLOCK : c->n_years;
        fprintf(out, nl ? "\nCliënten in zorg eind [1] (bandbreedte %.0f%% uit de backtest, waargenomen t/m %d)\n"
                        : "\nClients in care at year end [1] (%.0f%% band from the backtest, observed up to %d)\n",
                100.0 * b->level, b->last_year);
        jz_text_pad(out, nl ? "Zorgsoort" : "Care type", NAMEW, 0);
        for (int y = y0; y < y1; y++) {
            snprintf(year, sizeof year, "%d", jz_cmp_year(c, y));
            jz_text_pad(out, year, w, 1);
        }
        fputc('\n', out);
        for (int z = 0; z <= c->n_zorgsoorten; z++) {
            int zz = z < c->n_zorgsoorten ? z : -1, any = 0;
            double v[3];
            for (int y = 0; y < c->n_years; y++)
                any |= jz_cmp_stock_band(c, u, zz, y, v) != 0;
            if (!any)
                continue;
            const char *rest = jz_text_name_cell(out, zz >= 0 ? c->zs[zz].name : (nl ? "Totaal" : "Total"), NAMEW, 0);
            for (int y = y0; y < y1; y++) {
                int k = jz_cmp_stock_band(c, u, zz, y, v);
                if (k == 1)
                    snprintf(cellbuf, sizeof cellbuf, "%s (%s - %s)",
                             jz_format_number(end_s, sizeof end_s, v[1], 0, o->lang),
                             jz_format_number(lo_s, sizeof lo_s, v[0], 0, o->lang),
                             jz_format_number(hi_s, sizeof hi_s, v[2], 0, o->lang));
                else
                    snprintf(cellbuf, sizeof cellbuf, "%s", k == 2 ? (nl ? "buiten tabel" : "beyond table") : "-");
                jz_text_pad(out, cellbuf, w, 1);
            }
            fputc('\n', out);
            jz_text_name_rest(out, rest, NAMEW);
        }
    }
    fputs(nl ? "Stand van de referentie [1] (onder - boven): de spreiding van de backtestfouten op die horizon rond\n"
               "deze projectie; de andere scenario's zijn alternatieven, geen prognoses die de backtest toetste;\n"
               "\"buiten tabel\": verder vooruit dan de backtest toetste (docs/calibration.md, Intervallen in run).\n"
             : "Stock of the reference [1] (lower - upper): the spread of the backtest's errors at that horizon around\n"
               "this projection; the other scenarios are alternatives, not forecasts the backtest scored; \"beyond\n"
               "table\": further ahead than the backtest scored (docs/calibration.md, Intervals in run).\n",
          out);
}

void jz_band_cmp_csv(jz_csvw *k, const jz_comparison *c, int u)
{
    static const char *const key[3] = {"band_lo:end", "band_mid:end", "band_hi:end"};
    if (!c->stock_band)
        return;
    for (int z = 0; z <= c->n_zorgsoorten; z++) {
        int zz = z < c->n_zorgsoorten ? z : -1;
        for (int y = 0; y < c->n_years; y++) {
            double v[3];
            if (jz_cmp_stock_band(c, u, zz, y, v) != 1)
                continue;
            for (int i = 0; i < 3; i++) {
                jz_cmp_csv_lead(k, c, 0, u, zz, y, key[i]);
                jz_csvw_number(k, v[i]);
                jz_csvw_field(k, "");
                jz_csvw_field(k, "");
                jz_cmp_csv_end(k, c, 0, "");
            }
        }
    }
}

static void cmp_series(jz_jsonw *w, const jz_comparison *c, int u, int z)
{
    static const char *const key[3] = {"lower", "stock", "upper"};
    double v[CMP_YEARS_MAX][3];
    int kind[CMP_YEARS_MAX], Y = c->n_years < CMP_YEARS_MAX ? c->n_years : CMP_YEARS_MAX;
    for (int y = 0; y < Y; y++)
        kind[y] = jz_cmp_stock_band(c, u, z, y, v[y]);
    jz_jsonw_begin_object(w);
    for (int i = 0; i < 3; i++) {
        double row[CMP_YEARS_MAX];
        for (int y = 0; y < Y; y++)
            row[y] = v[y][i];
        jz_jsonw_key(w, key[i]);
        jz_jsonw_numbers(w, row, Y);
    }
    jz_jsonw_key(w, "beyond_table");
    jz_jsonw_begin_array(w);
    for (int y = 0; y < Y; y++)
        jz_jsonw_bool(w, kind[y] == 2);
    jz_jsonw_end_array(w);
    jz_jsonw_end_object(w);
}

void jz_band_cmp_json(jz_jsonw *w, const jz_comparison *c, int u)
{
    const jz_band *b = c->stock_band;
    if (!b)
        return;
    jz_jsonw_key(w, "stock_band");
    if (!jz_cmp_stock_band_any(c, u)) {
        jz_jsonw_null(w);
        return;
    }
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "metric");
    jz_jsonw_string(w, "end");
    jz_jsonw_key(w, "scenario_index");
    jz_jsonw_int(w, 1);
    jz_jsonw_key(w, "level");
    jz_jsonw_number(w, b->level);
    jz_jsonw_key(w, "last_observed_year");
    jz_jsonw_int(w, b->last_year);
    jz_jsonw_key(w, "total");
    cmp_series(w, c, u, -1);
    jz_jsonw_key(w, "zorgsoorten");
    jz_jsonw_begin_object(w);
    for (int z = 0; z < c->n_zorgsoorten; z++) {
        jz_jsonw_key(w, c->zs[z].key);
        cmp_series(w, c, u, z);
    }
    jz_jsonw_end_object(w);
    jz_jsonw_end_object(w);
}
