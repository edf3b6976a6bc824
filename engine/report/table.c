/*
 * table.c - the per-year table for the terminal, in Dutch or English.
 *
 * Layout rules: at most 100 columns wide; years run down the rows of the
 * overview tables and across the columns of the per-zorgsoort tables,
 * wrapped in blocks of years so that a long horizon still fits.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/report.h"
#include "report/text.h"

#define COLW 14
#define NAMEW 25
#define YEARS_PER_BLOCK 5

static const char *L(const jz_report_options *o, const char *nl, const char *en)
{
    return o->lang == JZ_LANG_NL ? nl : en;
}

static void cell(char *buf, size_t n, double v, jz_metric_kind k, jz_lang lang)
{
    switch (k) {
    case JZ_KIND_COUNT: jz_format_number(buf, n, v, 0, lang); break;
    case JZ_KIND_YEARS: jz_format_number(buf, n, v, 1, lang); break;
    case JZ_KIND_MONEY:
    case JZ_KIND_PRICE: jz_format_money(buf, n, v, lang); break;
    }
}

/* Print text word-wrapped at `width` display columns (UTF-8 aware). */
static void wrap(FILE *out, const char *text, int width)
{
    int col = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *e = p;
        int len = 0;
        while (*e && *e != ' ') {
            len += ((unsigned char)*e & 0xC0) != 0x80;
            e++;
        }
        if (e == p)
            break;
        if (col > 0 && col + 1 + len > width) {
            fputc('\n', out);
            col = 0;
        } else if (col > 0) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, (size_t)(e - p), out);
        col += len;
        p = e;
    }
    fputc('\n', out);
}

/* A table of gemeente figures (keys of jz_metrics) by year: their column
 * headings, units and values all come from the metric table. */
static void year_table(FILE *out, const jz_result *r, const jz_report_options *o, size_t gy,
                       const char *title, const char *const *keys, int ncols)
{
    char buf[64];
    const jz_metric *m[8];
    assert(ncols <= 8);
    for (int c = 0; c < ncols; c++) {
        m[c] = jz_metric_find(keys[c], JZ_LEVEL_GEMEENTE);
        assert(m[c] != NULL);
    }
    fprintf(out, "\n%s\n", title);
    jz_text_pad(out, L(o, "Jaar", "Year"), 6, 0);
    for (int c = 0; c < ncols; c++)
        jz_text_pad(out, jz_metric_column(m[c], o->lang), COLW + 1, 1);
    fputc('\n', out);
    for (int y = 0; y < r->horizon; y++) {
        fprintf(out, "%-6d", r->base_year + y);
        for (int c = 0; c < ncols; c++) {
            cell(buf, sizeof buf, jz_metric_array(r, m[c])[gy + (size_t)y], m[c]->kind, o->lang);
            jz_text_pad(out, buf, COLW + 1, 1);
        }
        fputc('\n', out);
    }
}

#define N_OF(a) ((int)(sizeof a / sizeof a[0]))

static void zorgsoort_table(FILE *out, const jz_scenario *s, const jz_result *r,
                            const jz_report_options *o, int g, const char *title,
                            const double *arr, const double *total, const char *total_nl,
                            const char *total_en, jz_metric_kind kind)
{
    char buf[64];
    int Z = r->n_zorgsoorten, H = r->horizon;
    for (int y0 = 0; y0 < H; y0 += YEARS_PER_BLOCK) {
        int y1 = y0 + YEARS_PER_BLOCK < H ? y0 + YEARS_PER_BLOCK : H;
        fprintf(out, "\n%s\n", title);
        jz_text_pad(out, L(o, "Zorgsoort", "Care type"), NAMEW, 0);
        for (int y = y0; y < y1; y++) {
            snprintf(buf, sizeof buf, "%d", r->base_year + y);
            jz_text_pad(out, buf, COLW + 1, 1);
        }
        fputc('\n', out);
        for (int z = 0; z <= Z; z++) {
            if (z < Z)
                jz_text_pad(out, s->zorgsoorten[z].name, NAMEW, 0);
            else
                jz_text_pad(out, L(o, total_nl, total_en), NAMEW, 0);
            for (int y = y0; y < y1; y++) {
                double v = z < Z ? arr[jz_result_cz(r, g, z, y)] : total[jz_result_gy(r, g, y)];
                cell(buf, sizeof buf, v, kind, o->lang);
                jz_text_pad(out, buf, COLW + 1, 1);
            }
            fputc('\n', out);
        }
    }
}

int jz_rep_run_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_result *r = x->result;
    int g = o->gemeente >= 0 ? o->gemeente : r->n_gemeenten;
    int H = r->horizon;
    const char *who = o->gemeente >= 0 ? s->gemeenten[g].name
                      : r->n_gemeenten == 1 ? s->gemeenten[0].name
                      : L(o, "alle gemeenten", "all gemeenten");
    fprintf(out, "%s: %s (%s), %d-%d\n", L(o, "Scenario", "Scenario"), s->meta.name, who,
            r->base_year, r->base_year + H - 1);
    if (s->meta.description[0])
        wrap(out, s->meta.description, 100);

    size_t gy = jz_result_gy(r, g, 0);
    static const char *const vol[] = {"start", "instroom", "uitstroom", "end", "unique_clients", "client_years"};
    year_table(out, r, o, gy, L(o, "Volumes (alle zorgsoorten, trajecten)", "Volumes (all care types, trajectories)"),
               vol, N_OF(vol));
    static const char *const money[] = {"cost", "budget", "tekort", "rijksbijdrage", "tekort_rijk", "cost_per_client"};
    year_table(out, r, o, gy, L(o, "Geld (euro's van dat jaar)", "Money (euros of that year)"), money, N_OF(money));
    static const char *const causes[] = {"dec_tariff", "dec_external", "niet_beinvloedbaar",
                                         "dec_volume", "dec_intensity", "beinvloedbaar"};
    year_table(out, r, o, gy, L(o, "Tekort naar oorzaak", "Deficit by cause"), causes, N_OF(causes));
    fprintf(out, "%s\n", L(o, "Niet-beïnvloedbaar = tarief + extern; beïnvloedbaar = volume + intensiteit (docs/model.md).",
                           "Non-influenceable = tariff + external; influenceable = volume + intensity (docs/model.md)."));
    if (s->n_measures > 0) {
        static const char *const meas[] = {"ha_savings", "ha_savings_certain", "measure_investment"};
        year_table(out, r, o, gy, L(o, "Maatregelen (verwerkt in de kosten; jzsim measures geeft het effect)",
                                    "Measures (included in the cost; jzsim measures gives their effect)"),
                   meas, N_OF(meas));
    }
    zorgsoort_table(out, s, r, o, g, L(o, "Unieke cliënten per zorgsoort", "Unique clients per care type"),
                    r->unique, r->g_unique, "Totaal (personen)", "Total (persons)", JZ_KIND_COUNT);
    zorgsoort_table(out, s, r, o, g, L(o, "Kosten per zorgsoort", "Cost per care type"), r->cost,
                    r->g_care_cost, "Totaal zorg", "Total care", JZ_KIND_MONEY);
    zorgsoort_table(out, s, r, o, g, L(o, "Tekort per zorgsoort (excl. vaste lasten)", "Deficit per care type (excl. fixed cost)"),
                    r->tekort, r->g_care_tekort, "Totaal zorg", "Total care", JZ_KIND_MONEY);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the table");
    return JZ_OK;
}
