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

#include "jzsim/taakveld.h"
#include "report/band_report.h"
#include "report/reporters.h"
#include "jzsim/report.h"
#include "report/text.h"

#define COLW 14
#define YEARW 6
#define NAMEW 25
#define YEARS_PER_BLOCK 5

static const char *L(const jz_report_options *o, const char *nl, const char *en)
{
    return o->lang == JZ_LANG_NL ? nl : en;
}

/* A figure as the table shows it; money in millions with one decimal when
 * scale is 1e6 (the table's title then says so). */
static void cell(char *buf, size_t n, double v, jz_metric_kind k, jz_lang lang, double scale)
{
    switch (k) {
    case JZ_KIND_COUNT: jz_format_number(buf, n, v, 0, lang); break;
    case JZ_KIND_YEARS: jz_format_number(buf, n, v, 1, lang); break;
    case JZ_KIND_PRICE: jz_format_money(buf, n, v, lang); break;
    case JZ_KIND_MONEY:
        if (scale > 1.0)
            jz_format_number(buf, n, v / scale, 1, lang);
        else
            jz_format_money(buf, n, v, lang);
        break;
    }
}

/* The year as a row label or column heading: years up to the base year are
 * realisatie and carry an R (the legend at the top says so). */
static const char *year_label(char *buf, size_t n, const jz_result *r, int y)
{
    snprintf(buf, n, "%d%s", r->base_year + y, y == 0 ? " R" : "");
    return buf;
}

/* A table of gemeente figures (keys of jz_metrics) by year: their column
 * headings, units and values all come from the metric table.  A column is
 * as wide as its widest figure needs, so that two columns never touch; when
 * that would pass 100 characters, money is shown in millions of euros and
 * the title says so. */
static void year_table(FILE *out, const jz_result *r, const jz_report_options *o, size_t gy,
                       const char *title, const char *const *keys, int ncols)
{
    char buf[64];
    const jz_metric *m[8];
    int w[8];
    double scale = 1.0;
    assert(ncols <= 8);
    for (int c = 0; c < ncols; c++) {
        m[c] = jz_metric_find(keys[c], JZ_LEVEL_GEMEENTE);
        assert(m[c] != NULL);
    }
    for (int pass = 0; pass < 2; pass++) {
        int total = YEARW;
        for (int c = 0; c < ncols; c++) {
            w[c] = COLW + 1;
            for (int y = 0; y < r->horizon; y++) {
                cell(buf, sizeof buf, jz_metric_array(r, m[c])[gy + (size_t)y], m[c]->kind, o->lang, scale);
                if (jz_text_width(buf) + 1 > w[c])
                    w[c] = jz_text_width(buf) + 1;
            }
            total += w[c];
        }
        if (total <= 100 || scale > 1.0)
            break;
        scale = 1e6;
    }
    fprintf(out, "\n%s%s\n", title, scale > 1.0 ? L(o, ", bedragen in miljoenen euro's", ", amounts in millions of euros") : "");
    jz_text_pad(out, L(o, "Jaar", "Year"), YEARW, 0);
    for (int c = 0; c < ncols; c++)
        jz_text_pad(out, jz_metric_column(m[c], o->lang), w[c], 1);
    fputc('\n', out);
    for (int y = 0; y < r->horizon; y++) {
        jz_text_pad(out, year_label(buf, sizeof buf, r, y), YEARW, 0);
        for (int c = 0; c < ncols; c++) {
            cell(buf, sizeof buf, jz_metric_array(r, m[c])[gy + (size_t)y], m[c]->kind, o->lang, scale);
            jz_text_pad(out, buf, w[c], 1);
        }
        fputc('\n', out);
    }
}

#define N_OF(a) ((int)(sizeof a / sizeof a[0]))

/* Is any year of gemeente g of a (per gemeente x year) not 0? */
static int any(const jz_result *r, const double *a, int g)
{
    for (int y = 0; y < r->horizon; y++)
        if (a[jz_result_gy(r, g, y)] != 0.0)
            return 1;
    return 0;
}

/* arr per zorgsoort by year, then extra rows (lines in no zorgsoort, may
 * be none) and the total; years across, as many per block as fit. */
typedef struct zrow {
    const char *nl, *en;
    const double *gy; /* per gemeente x year */
} zrow;

/* The rows of the lines in no zorgsoort (JZ_RESULT_COST_BEYOND_CARE_LINES,
 * named as the metric table names them), each when it is not 0 for g; with
 * budget (the tekort table) the fixed budget after the fixed cost.  rows has
 * room for JZ_RESULT_N_COST_BEYOND_CARE + 1; returns how many. */
static int beyond_care_rows(const jz_result *r, int g, int budget, zrow *rows)
{
    int n = 0;
    for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        const jz_metric *m = jz_metric_beyond_care(i);
        const double *a = jz_metric_array(r, m);
        if (any(r, a, g))
            rows[n++] = (zrow){jz_metric_label(m, JZ_LANG_NL), jz_metric_label(m, JZ_LANG_EN), a};
        if (budget && a == r->g_fixed_cost && any(r, r->g_fixed_budget, g))
            rows[n++] = (zrow){"af: begr. vaste lasten", "less: fixed budget", r->g_fixed_budget};
    }
    return n;
}

static void zorgsoort_table(FILE *out, const jz_scenario *s, const jz_result *r,
                            const jz_report_options *o, int g, const char *title,
                            const double *arr, const zrow *extra, int n_extra, jz_metric_kind kind)
{
    char buf[64];
    int Z = r->n_zorgsoorten, H = r->horizon, w = COLW + 1;
    for (int z = 0; z < Z + n_extra; z++)
        for (int y = 0; y < H; y++) {
            double v = z < Z ? arr[jz_result_cz(r, g, z, y)] : extra[z - Z].gy[jz_result_gy(r, g, y)];
            cell(buf, sizeof buf, v, kind, o->lang, 1.0);
            if (jz_text_width(buf) + 1 > w)
                w = jz_text_width(buf) + 1;
        }
    int per = (100 - NAMEW) / w;
    per = per < 1 ? 1 : per > YEARS_PER_BLOCK ? YEARS_PER_BLOCK : per;
    for (int y0 = 0; y0 < H; y0 += per) {
        int y1 = y0 + per < H ? y0 + per : H;
        fprintf(out, "\n%s\n", title);
        jz_text_pad(out, L(o, "Zorgsoort", "Care type"), NAMEW, 0);
        for (int y = y0; y < y1; y++)
            jz_text_pad(out, year_label(buf, sizeof buf, r, y), w, 1);
        fputc('\n', out);
        for (int z = 0; z < Z + n_extra; z++) {
            const char *rest = jz_text_name_cell(out, z < Z ? s->zorgsoorten[z].name : L(o, extra[z - Z].nl, extra[z - Z].en),
                                                 NAMEW, 0);
            for (int y = y0; y < y1; y++) {
                double v = z < Z ? arr[jz_result_cz(r, g, z, y)] : extra[z - Z].gy[jz_result_gy(r, g, y)];
                cell(buf, sizeof buf, v, kind, o->lang, 1.0);
                jz_text_pad(out, buf, w, 1);
            }
            fputc('\n', out);
            jz_text_name_rest(out, rest, NAMEW);
        }
    }
}

/* Cost, begroting and tekort per Iv3 taakveld (the totals of their
 * zorgsoorten, computed in the analysis layer: jzsim/taakveld.h). */
static void taakveld_table(FILE *out, const jz_result *r, const jz_taakveld_totals *t,
                           const jz_report_options *o, int g)
{
    if (!t || t->list.n == 0)
        return;
    const jz_taakveld_list *l = &t->list; /* the taakvelden every reporter lists */
    char buf[256];
    int H = r->horizon, w = COLW + 1;
    struct {
        const char *nl, *en;
        const double *a;
    } fig[] = {{"kosten", "cost", t->cost}, {"begroting", "budget", t->budget}, {"tekort", "deficit", t->tekort}};
    for (int i = 0; i < l->n; i++)
        for (int f = 0, k = jz_taakveld_slot(t, l->code[i]); f < 3; f++)
            for (int y = 0; y < H; y++) {
                cell(buf, sizeof buf, fig[f].a[jz_taakveld_at(t, g, k, y)], JZ_KIND_MONEY, o->lang, 1.0);
                if (jz_text_width(buf) + 1 > w)
                    w = jz_text_width(buf) + 1;
            }
    int per = (100 - NAMEW) / w;
    per = per < 1 ? 1 : per > YEARS_PER_BLOCK ? YEARS_PER_BLOCK : per;
    for (int y0 = 0; y0 < H; y0 += per) {
        int y1 = y0 + per < H ? y0 + per : H;
        fprintf(out, "\n%s\n", L(o, "Per taakveld (Iv3; zorgsoorten en vaste lasten op het taakveld; Overig: de rest van het totaal)",
                                  "Per taakveld (Iv3 budget line; its care types and fixed cost lines; Other: the rest of the total)"));
        jz_text_pad(out, L(o, "Taakveld", "Taakveld"), NAMEW, 0);
        for (int y = y0; y < y1; y++)
            jz_text_pad(out, year_label(buf, sizeof buf, r, y), w, 1);
        fputc('\n', out);
        for (int i = 0; i < l->n; i++)
            for (int f = 0, k = jz_taakveld_slot(t, l->code[i]); f < 3; f++) {
                char name[64];
                snprintf(name, sizeof name, "%s %s",
                         jz_text_taakveld_name(l->code[i], o->lang == JZ_LANG_EN),
                         L(o, fig[f].nl, fig[f].en));
                jz_text_pad(out, name, NAMEW, 0);
                for (int y = y0; y < y1; y++) {
                    cell(buf, sizeof buf, fig[f].a[jz_taakveld_at(t, g, k, y)], JZ_KIND_MONEY, o->lang, 1.0);
                    jz_text_pad(out, buf, w, 1);
                }
                fputc('\n', out);
            }
    }
    /* a taakveld without money is not rows of zeros but this one line */
    if (l->n_empty)
        jz_text_wrap(out, jz_text_taakveld_empty(buf, sizeof buf, l, o->lang == JZ_LANG_EN), 100);
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
    if (s->meta.description[0] && !s->meta.description_inherited)
        jz_text_wrap(out, s->meta.description, 100);
    else if (s->meta.variant_of[0])
        fprintf(out, "%s %s\n", L(o, "Variant op", "Variant of"), s->meta.variant_of);
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "R = realisatie (%d, het basisjaar); latere jaren zijn prognose.\n", r->base_year);
    else
        fprintf(out, "R = realised (%d, the base year); later years are projections.\n", r->base_year);
    if (s->meta.begrotingsjaar > 0) {
        /* the P&C cycle of meta.begrotingsjaar: each of its years in the horizon */
        int nl = o->lang == JZ_LANG_NL;
        char line[1024];
        size_t n = 0;
#define ADD_(...) (n += (size_t)snprintf(line + n, n < sizeof line ? sizeof line - n : 0, __VA_ARGS__), \
                   n = n < sizeof line ? n : sizeof line - 1)
        ADD_("%s %d:", nl ? "P&C-cyclus van de begroting" : "P&C cycle of the budget", s->meta.begrotingsjaar);
        int k = 0;
        for (int y = 0; y < H; y++) {
            jz_cycle c = jz_cycle_of(&s->meta, r->base_year + y);
            if (c == JZ_CYCLE_NONE)
                continue;
            ADD_("%s %s %d%s", k++ ? "," : "", jz_cycle_name(c, nl), r->base_year + y,
                 y == 0 ? (nl ? " (realisatie)" : " (realised)") : "");
        }
        int last = r->base_year + H - 1, want = s->meta.begrotingsjaar + 3;
        if (last < want)
            ADD_(nl ? "; de meerjarenraming t/m %d valt na de horizon (%d)" : "; the multi-year estimate to %d is beyond the horizon (%d)",
                 want, last);
        if (s->meta.begrotingsjaar - 2 > r->base_year)
            ADD_(nl ? "; het jaarrekeningjaar %d is hier prognose (basisjaar %d)" : "; the annual accounts year %d is a projection here (base year %d)",
                 s->meta.begrotingsjaar - 2, r->base_year);
        ADD_(".");
#undef ADD_
        jz_text_wrap(out, line, 100);
    }

    size_t gy = jz_result_gy(r, g, 0);
    static const char *const vol[] = {"start", "instroom", "uitstroom", "end", "unique_clients", "client_years"};
    year_table(out, r, o, gy, L(o, "Volumes (alle zorgsoorten, trajecten)", "Volumes (all care types, trajectories)"),
               vol, N_OF(vol));
    static const char *const money[] = {"cost", "budget", "tekort", "rijksbijdrage", "tekort_rijk", "cost_per_client"};
    year_table(out, r, o, gy, L(o, "Geld (euro's van dat jaar)", "Money (euros of that year)"), money, N_OF(money));
    static const char *const causes[] = {"dec_tariff", "dec_external", "niet_beinvloedbaar",
                                         "dec_volume", "dec_intensity", "beinvloedbaar"};
    static const char *const causes_start[] = {"dec_tariff", "dec_external", "dec_volume", "dec_intensity",
                                               "dec_start", "niet_beinvloedbaar", "beinvloedbaar"};
    int has_start = any(r, r->g_dec_start, g);
    year_table(out, r, o, gy, L(o, "Tekort naar oorzaak", "Deficit by cause"), has_start ? causes_start : causes,
               has_start ? N_OF(causes_start) : N_OF(causes));
    if (any(r, r->g_verevening, g))
        fprintf(out, "%s\n", L(o, "Niet-beïnvloedbaar bevat ook de verevening (regio): wat de gemeente meer (+)\n"
                                  "of minder (-) betaalt dan haar eigen gebruik van de verevende zorgsoorten.",
                               "Non-influenceable includes the regional pooling: what the gemeente pays\n"
                               "above (+) or below (-) its own use of the pooled care types."));
    if (any(r, r->g_contract, g))
        fprintf(out, "%s\n", L(o, "Niet-beïnvloedbaar bevat ook het lumpsumcontract (regio): het aandeel van de gemeente\n"
                                  "in de lumpsum min wat die zorg tegen prijs x volume zou kosten.",
                               "Non-influenceable includes the regional lumpsum: the gemeente's share of the lumpsum\n"
                               "less what that care would cost at price x volume."));
    if (!has_start)
        fprintf(out, "%s\n", L(o, "Niet-beïnvloedbaar = tariefgat + externe verschuivingen; beïnvloedbaar = volume + zorgzwaarte.",
                               "Non-influenceable = tariff gap + external shifts; influenceable = volume + intensity."));
    else if (s->meta.startverschil_beinvloedbaar)
        fprintf(out, "%s (%s).\n",
                L(o, "Niet-beïnvloedbaar = tariefgat + externe verschuivingen; beïnvloedbaar = volume + zorgzwaarte + startverschil",
                  "Non-influenceable = tariff gap + external shifts; influenceable = volume + intensity + starting gap"),
                jz_text_startverschil(o->lang == JZ_LANG_EN));
    else
        fprintf(out, "%s (%s); %s\n",
                L(o, "Niet-beïnvloedbaar = tariefgat + externe verschuivingen + startverschil",
                  "Non-influenceable = tariff gap + external shifts + starting gap"),
                jz_text_startverschil(o->lang == JZ_LANG_EN),
                L(o, "beïnvloedbaar = volume + zorgzwaarte.", "influenceable = volume + intensity."));
    if (s->n_measures > 0) {
        static const char *const meas[] = {"measure_saving", "ha_savings", "ha_savings_certain", "measure_investment"};
        year_table(out, r, o, gy, L(o, "Maatregelen (verwerkt in de kosten; jzsim measures geeft het effect per maatregel)",
                                    "Measures (included in the cost; jzsim measures gives the effect per measure)"),
                   meas, N_OF(meas));
    }
    /* g_unique: the zorgsoorten's unique clients added up, a transfer once;
     * not persons (docs/model.md section 8) */
    const zrow added[] = {{"Zorgsoorten opgeteld", "Care types added up", r->g_unique}};
    zorgsoort_table(out, s, r, o, g, L(o, "Unieke cliënten per zorgsoort", "Unique clients per care type"),
                    r->unique, added, 1, JZ_KIND_COUNT);
    fprintf(out, "%s\n", L(o, "Zorgsoorten opgeteld: een jeugdige in twee zorgsoorten telt twee keer, een overstap\n"
                              "tussen zorgsoorten een keer; het aantal personen is niet bekend.",
                           "Care types added up: a youth in two care types counts twice, a transfer between\n"
                           "care types once; the number of persons is not known."));
    /* the lines in no zorgsoort, each its own row when it is not 0, so that
     * the rows add up to the total */
    zrow lines[JZ_RESULT_N_COST_BEYOND_CARE + 2];
    int n = beyond_care_rows(r, g, 0, lines);
    lines[n++] = (zrow){"Totaal", "Total", r->g_cost};
    zorgsoort_table(out, s, r, o, g, L(o, "Kosten per zorgsoort", "Cost per care type"), r->cost, lines, n,
                    JZ_KIND_MONEY);
    n = beyond_care_rows(r, g, 1, lines);
    lines[n++] = (zrow){"Totaal", "Total", r->g_tekort};
    zorgsoort_table(out, s, r, o, g, L(o, "Tekort per zorgsoort", "Deficit per care type"), r->tekort, lines, n,
                    JZ_KIND_MONEY);
    taakveld_table(out, r, x->taakvelden, o, g);
    jz_band_table(out, s, r, x->band, o, g);
    if (g == r->n_gemeenten)
        jz_regio_table(out, s, r, o);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the table");
    return JZ_OK;
}
