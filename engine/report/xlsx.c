/*
 * xlsx.c - a comparison as an Excel workbook (libxlsxwriter).
 *
 * Sheets:
 *   Vergelijking   every figure side by side: one row per gemeente x
 *                  indicator (x zorgsoort) x year, a column per scenario,
 *                  then the difference with the reference in euros and %;
 *                  an autofilter on the header turns it into any view;
 *   "1 <name>" ... one sheet per scenario with its own years across
 *                  ("Scenario 3" when "3 <name>" is longer than Excel's 31
 *                  characters; the full name stands in A1);
 *   Verschillenanalyse  the cost difference per zorgsoort as price, volume
 *                  and other, against [1] and the previous year
 *                  (xlsx_verschil.c);
 *   Aannames       every assumption as a controller reads it: human label,
 *                  what it holds for, Dutch unit, cited source, the value as
 *                  a number (a series one column per year);
 *   Toelichting    what the sheets hold, the scenarios and their sheets, the notes.
 * Years up to the realised year are marked realisatie.  No file paths, line
 * numbers or raw YAML paths: the workbook is read by a council.
 * Headers are frozen, amounts carry a euro format and columns are sized
 * to their contents.  Absent figures are empty cells, never 0.
 *
 * libxlsxwriter writes by path (it has no FILE* output), so the caller
 * passes the temporary file of a jz_outfile and renames it afterwards.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/taakveld.h"
#include "jzsim/jzsim.h"
#include "report/cmp_common.h"
#include "report/text.h"
#include "report/zipcheck.h"

#ifndef JZ_HAVE_XLSXWRITER

int jz_compare_have_xlsx(void) { return 0; }

int jz_rep_compare_xlsx(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)out; /* libxlsxwriter writes by path */
    const char *path = o->path;
    const jz_comparison *c = x->comparison;
    (void)c;
    (void)o;
    return jz_error_set(err, JZ_ERUNTIME, path, 0, 0,
                        "this jzsim was built without libxlsxwriter and cannot write XLSX; "
                        "install libxlsxwriter-dev and rebuild, or use --format csv");
}

#else

#include <xlsxwriter.h>

int jz_compare_have_xlsx(void) { return 1; }

#include "report/xlsx_book.h"

static lxw_format *value_format(const book *b, int m)
{
    switch (jz_cmp_metrics[m].kind) {
    case JZ_KIND_COUNT: return b->count;
    case JZ_KIND_YEARS: return b->years;
    case JZ_KIND_MONEY:
    case JZ_KIND_PRICE: break;
    }
    return b->money;
}

static lxw_format *diff_format(const book *b, int m)
{
    switch (jz_cmp_metrics[m].kind) {
    case JZ_KIND_COUNT: return b->dcount;
    case JZ_KIND_YEARS: return b->dyears;
    case JZ_KIND_MONEY:
    case JZ_KIND_PRICE: break;
    }
    return b->dmoney;
}

/* The formats of every sheet. */
static void formats(book *b)
{
    lxw_workbook *wb = b->wb;
    b->title = workbook_add_format(wb);
    format_set_bold(b->title);
    format_set_font_size(b->title, 14);
    b->bold = workbook_add_format(wb);
    format_set_bold(b->bold);
    b->head = workbook_add_format(wb);
    format_set_bold(b->head);
    format_set_bottom(b->head, LXW_BORDER_THIN);
    format_set_bg_color(b->head, 0xE7E6E6);
    b->headwrap = workbook_add_format(wb);
    format_set_bold(b->headwrap);
    format_set_bottom(b->headwrap, LXW_BORDER_THIN);
    format_set_bg_color(b->headwrap, 0xE7E6E6);
    format_set_text_wrap(b->headwrap);
    format_set_align(b->headwrap, LXW_ALIGN_VERTICAL_TOP);
    b->wrap = workbook_add_format(wb);
    format_set_text_wrap(b->wrap);
    /* number formats are stored locale-free: Excel shows them with the
     * reader's own thousands separator and decimal mark; decimals: those of
     * the figure the format shows (a fraction shown as 0.0% has three) */
    const struct {
        lxw_format **f;
        const char *num_format;
        int decimals;
    } numbers[] = {
        {&b->money, "\"€ \"#,##0;\"€ \"-#,##0", 0},
        {&b->count, "#,##0", 0},
        {&b->years, "#,##0.0", 1},
        /* the sign after the euro sign, as in the money format: "€ +1.234", "€ -1.234" */
        {&b->dmoney, "\"€ \"+#,##0;\"€ \"-#,##0;\"€ \"0", 0},
        {&b->dcount, "+#,##0;-#,##0;0", 0},
        {&b->dyears, "+#,##0.0;-#,##0.0;0.0", 1},
        {&b->pct, "+0.0%;-0.0%;0.0%", 3},
        {&b->pct_in, "0.0##%", 5},
        {&b->plain, "#,##0.###", 3},
    };
    _Static_assert(sizeof numbers / sizeof numbers[0] <= sizeof b->shown / sizeof b->shown[0], "room for each");
    b->n_shown = 0;
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        *numbers[i].f = workbook_add_format(wb);
        format_set_num_format(*numbers[i].f, numbers[i].num_format);
        b->shown[b->n_shown].f = *numbers[i].f;
        b->shown[b->n_shown++].decimals = numbers[i].decimals;
    }
    b->realised = workbook_add_format(wb);
    format_set_bold(b->realised);
    format_set_italic(b->realised);
    format_set_bottom(b->realised, LXW_BORDER_THIN);
    format_set_bg_color(b->realised, 0xDDEBF7);
}

int jz_xlsx_open(book *b, const char *path, jz_lang lang, const char *title, jz_error *err)
{
    memset(b, 0, sizeof *b);
    b->lang = lang;
    /* libxlsxwriter stages the parts in temporary files, by default in /tmp
     * whatever TMPDIR says; stage them beside the workbook instead, where
     * the output goes and where its errors are the output's errors */
    char tmpdir[1024];
    const char *slash = strrchr(path, '/');
    snprintf(tmpdir, sizeof tmpdir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
    lxw_workbook_options wo = {0};
    wo.tmpdir = tmpdir;
    b->wb = workbook_new_opt(path, &wo);
    if (!b->wb)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot create the workbook");
    formats(b);
    lxw_doc_properties props = {0};
    props.title = (char *)title;
    props.comments = (char *)"jzsim " JZSIM_VERSION;
    workbook_set_properties(b->wb, &props);
    return JZ_OK;
}

int jz_xlsx_close(book *b, const char *path, int sheets_ok, jz_error *err)
{
    lxw_error e = workbook_close(b->wb); /* also frees the workbook */
    b->wb = NULL;
    if (!sheets_ok)
        return jz_error_set(err, JZ_ERUNTIME, path, 0, 0, "cannot add a worksheet to the workbook");
    if (e != LXW_NO_ERROR)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot write the workbook: %s", lxw_strerror(e));
    return jz_zip_verify(path, path, err); /* libxlsxwriter misses some write errors */
}

/* ---- the sheets ---- */

static const char *unit_label(const book *b, const jz_cmp_unit *u)
{
    return u->is_total ? L(b, "Totaal", "Total") : u->name;
}

static int n_rows_needed(const jz_comparison *c, int n_units)
{
    double rows = (double)n_units * (JZ_CMP_N_GEMEENTE + (double)(JZ_CMP_N_METRICS - JZ_CMP_N_GEMEENTE) * c->n_zorgsoorten) *
                  c->n_years;
    /* the Verschillenanalyse sheet: two kinds x scenarios x years x (Z + 2) lines */
    double vs = (double)n_units * 2.0 * c->n_scenarios * c->n_years * (c->n_zorgsoorten + 2.0);
    if (vs > rows)
        rows = vs;
    return rows + 10 > XLSX_MAX_ROWS ? -1 : (int)rows;
}

/* "realisatie" for years up to the realised year, else "prognose". */
static const char *period(const book *b, const jz_comparison *c, int y)
{
    return jz_cmp_year(c, y) <= jz_cmp_realised_year(c) ? L(b, "realisatie", "realised")
                                                         : L(b, "prognose", "projection");
}

static void comparison_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int u0, int u1)
{
    int S = c->n_scenarios;
    char buf[JZ_CMP_NUMBERED_NAME_MAX + 64], name[JZ_CMP_NUMBERED_NAME_MAX];
    snprintf(buf, sizeof buf, "%s %s", L(b, "Vergelijking van scenario's; referentie:", "Comparison of scenarios; reference:"),
             jz_cmp_scen_numbered(name, sizeof name, c, 0, b->lang));
    worksheet_write_string(ws, 0, 0, buf, b->title);
    worksheet_write_string(ws, 1, 0,
                           L(b, "Bedragen in euro's van dat jaar. Verschil = scenario min referentie; "
                                "% = verschil gedeeld door referentie, leeg bij een referentie van 0 of minder "
                                "(een overschot), onder € 50.000, of een waarde onder 0 (van een tekort naar een "
                                "overschot). Leeg = geen waarde (jaar buiten de horizon, "
                                "of de gemeente of zorgsoort ontbreekt in dat scenario).",
                             "Amounts in euros of that year. Difference = scenario minus reference; "
                             "% = difference divided by reference, empty for a reference of 0 or less (a surplus), "
                             "below € 50,000, or a value below 0 (from a deficit to a surplus). Empty = no value "
                             "(year outside the horizon, "
                             "or the gemeente or care type is not in that scenario)."),
                           NULL);
    char note[1024];
    snprintf(note, sizeof note, "%s %d%s", L(b, "Realisatie tot en met", "Realised up to"), jz_cmp_realised_year(c),
             L(b, " (het basisjaar); latere jaren zijn prognose. Per zorgsoort: kosten en tekort zijn na aftrek van "
                  "de besparingen; met de vaste lasten en de investering in maatregelen (eigen regels) tellen ze op "
                  "tot het totaal. Besparing maatregelen, na investering = kosten zonder maatregelen min kosten (de "
                  "investering zit in de kosten); lager tekort door "
                  "andere aannames = tekort [1] min tekort min het verschil in besparing.",
               " (the base year); later years are projections. Per care type: cost and deficit are net of the "
               "savings; with the fixed cost and the investment in measures (rows of their own) they add up to "
               "the total. Savings of measures, net of investment = cost without measures minus cost (the "
               "investment is in the cost); lower deficit from other "
               "assumptions = deficit [1] minus deficit minus the difference in savings."));
    worksheet_write_string(ws, 2, 0, note, NULL);
    const int hr = 3, fixed = 6;
    const char *heads[] = {L(b, "Gemeente", "Gemeente"), L(b, "CBS-code", "CBS code"),
                           L(b, "Zorgsoort", "Care type"), L(b, "Indicator", "Indicator"),
                           L(b, "Jaar", "Year"), L(b, "Periode", "Period")};
    for (int i = 0; i < fixed; i++)
        text(b, ws, hr, i, heads[i], b->head);
    /* scenario names in full, wrapped in a taller header row */
    for (int s = 0; s < S; s++) {
        worksheet_write_string(ws, hr, (lxw_col_t)(fixed + s), jz_cmp_scen_numbered(name, sizeof name, c, s, b->lang),
                               b->headwrap);
        fit(b, fixed + s, 18);
    }
    worksheet_set_row(ws, hr, 45, NULL);
    for (int s = 1; s < S; s++) {
        snprintf(buf, sizeof buf, "%s [%d] (€)", L(b, "Verschil", "Difference"), s + 1);
        text(b, ws, hr, fixed + S + 2 * (s - 1), buf, b->head);
        snprintf(buf, sizeof buf, "%s [%d] (%%)", L(b, "Verschil", "Difference"), s + 1);
        text(b, ws, hr, fixed + S + 2 * (s - 1) + 1, buf, b->head);
    }
    int ncols = fixed + S + 2 * (S - 1);
    int row = hr + 1;
    for (int u = u0; u < u1; u++) {
        const jz_cmp_unit *un = &c->units[u];
        for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
            int nz = jz_cmp_metrics[m].per_zorgsoort ? c->n_zorgsoorten : 1;
            if (!jz_cmp_metric_shown(c, m))
                continue;
            for (int z = 0; z < nz; z++)
                for (int y = 0; y < c->n_years; y++, row++) {
                    text(b, ws, row, 0, unit_label(b, un), NULL);
                    text(b, ws, row, 1, un->code, NULL);
                    if (jz_cmp_metrics[m].per_zorgsoort)
                        text(b, ws, row, 2, c->zs[z].name, NULL);
                    text(b, ws, row, 3, jz_cmp_metric_label(m, b->lang), NULL);
                    worksheet_write_number(ws, (lxw_row_t)row, 4, jz_cmp_year(c, y), NULL);
                    text(b, ws, row, 5, period(b, c, y), NULL);
                    for (int s = 0; s < S; s++)
                        num(b, ws, row, fixed + s, jz_cmp_value(c, m, u, z, s, y), value_format(b, m), 15);
                    for (int s = 1; s < S; s++) {
                        num(b, ws, row, fixed + S + 2 * (s - 1), jz_cmp_diff(c, m, u, z, s, y),
                            diff_format(b, m), 15);
                        num(b, ws, row, fixed + S + 2 * (s - 1) + 1, jz_cmp_rel(c, m, u, z, s, y), b->pct, 10);
                    }
                }
        }
    }
    b->width[0] = b->width[0] > 10 ? b->width[0] : 10;
    widths(b, ws, ncols, 40);
    worksheet_freeze_panes(ws, hr + 1, fixed);
    worksheet_autofilter(ws, hr, 0, (lxw_row_t)(row > hr + 1 ? row - 1 : hr + 1), (lxw_col_t)(ncols - 1));
    worksheet_repeat_rows(ws, hr, hr);
    print_a4(ws, 1);
}

static void scenario_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int s, int u0, int u1)
{
    const jz_scenario *sc = c->scen[s].scenario;
    char buf[JZ_CMP_NUMBERED_NAME_MAX + 64], name[JZ_CMP_NUMBERED_NAME_MAX];
    snprintf(buf, sizeof buf, "%s%s", jz_cmp_scen_numbered(name, sizeof name, c, s, b->lang),
             s == 0 ? L(b, " (referentie)", " (reference)") : "");
    worksheet_write_string(ws, 0, 0, buf, b->title);
    if (sc->meta.description_inherited && sc->meta.variant_of[0]) {
        snprintf(buf, sizeof buf, "%s %s", L(b, "Variant op", "Variant of"), sc->meta.variant_of);
        worksheet_write_string(ws, 1, 0, buf, NULL);
    } else {
        worksheet_write_string(ws, 1, 0, sc->meta.description, NULL);
    }
    /* the sources as a reader cites them (bronnen:), never a file */
    worksheet_write_string(ws, 2, 0, L(b, "Bronnen", "Sources"), b->bold);
    int nb = 0;
    for (int i = 0; i < sc->n_bronnen; i++) {
        const jz_bron *r = &sc->bronnen[i];
        int dup = 0;
        for (int k = 0; k < i && !dup; k++)
            dup = sc->bronnen[k].title && r->title && strcmp(sc->bronnen[k].title, r->title) == 0;
        if (dup)
            continue;
        snprintf(buf, sizeof buf, "%s%s%s%s%.0d", r->title ? r->title : "", r->publisher && r->publisher[0] ? ", " : "",
                 r->publisher ? r->publisher : "", r->year ? ", " : "", r->year);
        worksheet_write_string(ws, (lxw_row_t)(2 + nb++), 1, buf, NULL);
    }
    /* a scenario without bronnen: cites its free-text meta.sources, as the
     * briefing does (html_doc.c), rather than claiming it has none */
    for (int i = 0; i < sc->meta.n_sources && !sc->n_bronnen; i++) {
        int dup = 0;
        for (int k = 0; k < i && !dup; k++)
            dup = strcmp(sc->meta.sources[k], sc->meta.sources[i]) == 0;
        if (!dup)
            worksheet_write_string(ws, (lxw_row_t)(2 + nb++), 1, sc->meta.sources[i], NULL);
    }
    if (!nb)
        worksheet_write_string(ws, 2, 1, L(b, "(geen bronnen opgegeven)", "(no sources given)"), NULL);
    int hr = 4 + nb;
    /* the taakveld rows below the zorgsoorten carry the name every reporter
     * gives a taakveld (jz_text_taakveld_name: "6.72", "Overig") in this column */
    const char *heads[] = {L(b, "Gemeente", "Gemeente"), L(b, "CBS-code", "CBS code"),
                           c->taakveld_list.n ? L(b, "Zorgsoort of taakveld", "Care type or taakveld")
                                              : L(b, "Zorgsoort", "Care type"),
                           L(b, "Indicator", "Indicator")};
    const int fixed = 4;
    for (int i = 0; i < fixed; i++)
        text(b, ws, hr, i, heads[i], b->head);
    int y0 = c->scen[s].first_year - c->first_year, ny = c->scen[s].last_year - c->scen[s].first_year + 1;
    for (int y = 0; y < ny; y++) {
        int real = jz_cmp_year(c, y0 + y) <= jz_cmp_realised_year(c);
        worksheet_write_string(ws, (lxw_row_t)(hr - 1), (lxw_col_t)(fixed + y), period(b, c, y0 + y),
                               real ? b->realised : NULL);
        worksheet_write_number(ws, (lxw_row_t)hr, (lxw_col_t)(fixed + y), jz_cmp_year(c, y0 + y),
                               real ? b->realised : b->head);
        fit(b, fixed + y, 15);
    }
    int row = hr + 1;
    for (int u = u0; u < u1; u++) {
        const jz_cmp_unit *un = &c->units[u];
        if (un->g[s] < 0)
            continue;
        for (int m = 0; m < JZ_CMP_N_METRICS; m++) {
            int nz = jz_cmp_metrics[m].per_zorgsoort ? c->n_zorgsoorten : 1;
            if (!jz_cmp_metric_shown(c, m))
                continue;
            for (int z = 0; z < nz; z++) {
                if (jz_cmp_metrics[m].per_zorgsoort && c->zs[z].z[s] < 0)
                    continue;
                text(b, ws, row, 0, unit_label(b, un), NULL);
                text(b, ws, row, 1, un->code, NULL);
                if (jz_cmp_metrics[m].per_zorgsoort)
                    text(b, ws, row, 2, c->zs[z].name, NULL);
                text(b, ws, row, 3, jz_cmp_metric_label(m, b->lang), NULL);
                for (int y = 0; y < ny; y++)
                    num(b, ws, row, fixed + y, jz_cmp_value(c, m, u, z, s, y0 + y), value_format(b, m), 15);
                row++;
            }
        }
        /* cost, begroting and tekort per Iv3 taakveld: the sums of their
         * zorgsoorten, from the analysis layer (jzsim/taakveld.h) */
        const jz_taakveld_totals *t = c->scen[s].taakvelden;
        static const char *const figs[] = {"cost", "budget", "tekort"};
        for (int i = 0; i < c->taakveld_list.n; i++) {
            int k = jz_taakveld_slot(t, c->taakveld_list.code[i]);
            for (int f = 0; k >= 0 && f < 3; f++) {
                int m = jz_cmp_metric_index(figs[f], 1);
                const double *a = f == 0 ? t->cost : f == 1 ? t->budget : t->tekort;
                text(b, ws, row, 0, unit_label(b, un), NULL);
                text(b, ws, row, 1, un->code, NULL);
                text(b, ws, row, 2, jz_text_taakveld_name(t->code[k], b->lang == JZ_LANG_EN), NULL);
                text(b, ws, row, 3, m >= 0 ? jz_cmp_metric_label(m, b->lang) : figs[f], NULL);
                for (int y = 0; y < ny; y++)
                    num(b, ws, row, fixed + y, a[jz_taakveld_at(t, un->g[s], k, y)],
                        m >= 0 ? value_format(b, m) : NULL, 15);
                row++;
            }
        }
    }
    /* under the taakvelden, as in the briefing: what the terse "Overig" holds
     * (jz_taakveld_list_has_outside), and a taakveld without money
     * is not rows of zeros but one line; not text(): the column keeps its
     * width, the line runs on */
    const jz_taakveld_list *l = &c->taakveld_list;
    char why[256];
    row++;
    if (jz_taakveld_list_has_outside(l))
        worksheet_write_string(ws, (lxw_row_t)row++, 0, jz_text_taakveld_outside_note(b->lang == JZ_LANG_EN), NULL);
    if (l->n_empty)
        worksheet_write_string(ws, (lxw_row_t)row, 0, jz_text_taakveld_empty(why, sizeof why, l, b->lang == JZ_LANG_EN),
                               NULL);
    widths(b, ws, fixed + ny, 40);
    worksheet_freeze_panes(ws, (lxw_row_t)(hr + 1), fixed);
    print_a4(ws, 1);
}

static void about_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c,
                        char sheet[][JZ_SHEET_NAME_SIZE], const char *cmp_name, const char *inputs_name,
                        const char *vs_name)
{
    char buf[8192];
    int row = 0;
    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Toelichting", "About this workbook"), b->title);
    row++;
    snprintf(buf, sizeof buf, "%s %s", L(b, "Gemaakt met jzsim", "Made with jzsim"), JZSIM_VERSION);
    worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    snprintf(buf, sizeof buf, "%s: %s",
             cmp_name, L(b, "alle cijfers naast elkaar, met het verschil met de referentie [1]. Gebruik het filter in de kopregel.",
                         "every figure side by side, with the difference to the reference [1]. Use the filter in the header row."));
    worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    snprintf(buf, sizeof buf, "%s: %s", vs_name,
             L(b, "het verschil in kosten per zorgsoort verklaard als prijs, volume en overig, t.o.v. [1] en t.o.v. "
                  "het vorige jaar.",
               "the difference in cost per care type explained as price, volume and other, against [1] and against "
               "the previous year."));
    worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    snprintf(buf, sizeof buf, "%s: %s", inputs_name,
             L(b, "elke aanname met waarde, eenheid en bron; wat alle scenario's delen één keer, de verschillen "
                  "per scenario eronder.",
               "every assumption with value, unit and source; what all scenarios share once, the differences "
               "per scenario below it."));
    worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    row++;
    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Scenario's", "Scenarios"), b->bold);
    for (int s = 0; s < c->n_scenarios; s++) {
        char name[JZ_CMP_NUMBERED_NAME_MAX];
        snprintf(buf, sizeof buf, "%s (%d-%d), %s '%s'%s", jz_cmp_scen_numbered(name, sizeof name, c, s, b->lang),
                 c->scen[s].first_year,
                 c->scen[s].last_year, L(b, "blad", "sheet"), sheet[s],
                 s == 0 ? L(b, "; referentie", "; reference") : "");
        worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    }
    if (c->stock_band) {
        snprintf(buf, sizeof buf, "%s: %s", L(b, "Bandbreedte", "Band"),
                 L(b, "de cliënten in zorg op 31 december van [1] met het interval van de prognosefout die de backtest "
                      "mat (--intervals); de fout van het model, niet de onzekerheid van de aannames.",
                   "the clients in care on 31 December of [1] with the interval of the forecast error the backtest "
                   "measured (--intervals); the model's error, not the uncertainty of the assumptions."));
        worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    }
    if (c->n_notes) {
        row++;
        worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Let op", "Notes"), b->bold);
        for (int i = 0; i < c->n_notes; i++)
            worksheet_write_string(ws, (lxw_row_t)row++, 0, jz_cmp_note_format(c, i, b->lang, buf, sizeof buf), NULL);
    }
    worksheet_set_column(ws, 0, 0, 100, b->wrap);
    print_a4(ws, 0);
}

int jz_rep_compare_xlsx(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)out; /* libxlsxwriter writes by path */
    const char *path = o->path;
    const jz_comparison *c = x->comparison;
    int u0 = o->gemeente >= 0 ? o->gemeente : 0, u1 = o->gemeente >= 0 ? o->gemeente + 1 : c->n_units;
    if (n_rows_needed(c, u1 - u0) < 0)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                            "the comparison has more rows than an Excel sheet holds; choose one "
                            "gemeente with --gemeente, or use --format csv");
    book b;
    int st = jz_xlsx_open(&b, path, o->lang,
                          jz_cmp_L(o->lang, "Vergelijking van jeugdzorgscenario's", "Comparison of youth care scenarios"),
                          err);
    if (st != JZ_OK)
        return st;

    /* names first, so that every sheet name is known and unique */
    char sheet[JZ_CMP_MAX_SCENARIOS + 4][JZ_SHEET_NAME_SIZE];
    int n_used = 0;
    const char *cmp_name = L(&b, "Vergelijking", "Comparison");
    const char *vs_name = L(&b, "Verschillenanalyse", "Variance analysis");
    const char *inputs_name = L(&b, "Aannames", "Inputs");
    const char *about_name = L(&b, "Toelichting", "About");
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS], sizeof sheet[0], "%s", cmp_name);
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS + 1], sizeof sheet[0], "%s", inputs_name);
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS + 2], sizeof sheet[0], "%s", about_name);
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS + 3], sizeof sheet[0], "%s", vs_name);
    char used[JZ_CMP_MAX_SCENARIOS + 6][JZ_SHEET_NAME_SIZE];
    for (int i = 0; i < 4; i++)
        snprintf(used[n_used++], sizeof used[0], "%s", sheet[JZ_CMP_MAX_SCENARIOS + i]);
    /* a region: its gemeenten side by side (xlsx_regio.c) */
    const char *regio_name = L(&b, "Gemeenten", "Gemeenten");
    int regio = jz_xlsx_regio_wanted(c);
    if (regio)
        snprintf(used[n_used++], sizeof used[0], "%s", regio_name);
    /* run/compare --intervals: the band around the reference's stocks */
    const char *band_name = L(&b, "Bandbreedte", "Band");
    int band = jz_xlsx_band_wanted(c, u0, u1);
    if (band)
        snprintf(used[n_used++], sizeof used[0], "%s", band_name);
    /* the tabs: "k name" for every scenario; when one of them is longer
     * than Excel's 31 characters, every tab leaves out the words all the
     * names start with ("Enschede, "), and what is still too long keeps its
     * first words and its last around "…" (jz_xlsx_sheet_name).  The full
     * "[k] name" stands in cell A1 of the sheet and in the Toelichting. */
    const char *names[JZ_CMP_MAX_SCENARIOS];
    char shown[JZ_CMP_MAX_SCENARIOS][JZ_CMP_SHOWN_NAME_MAX];
    int too_long = 0;
    for (int s = 0; s < c->n_scenarios; s++) {
        char want[JZ_CMP_SHOWN_NAME_MAX + 16];
        names[s] = jz_cmp_scen_name(shown[s], sizeof shown[s], c, s, b.lang);
        snprintf(want, sizeof want, "%d %s", s + 1, names[s]);
        too_long |= jz_xlsx_sheet_units(want) > JZ_SHEET_NAME_CHARS; /* as jz_xlsx_sheet_name counts */
    }
    size_t shared = too_long ? jz_xlsx_shared_start(names, c->n_scenarios) : 0;
    for (int s = 0; s < c->n_scenarios; s++) {
        char want[JZ_CMP_SHOWN_NAME_MAX + 16];
        snprintf(want, sizeof want, "%d %s", s + 1, names[s] + shared);
        jz_xlsx_sheet_name(sheet[s], sizeof sheet[s], want, used, n_used);
        snprintf(used[n_used++], sizeof used[0], "%.*s", (int)sizeof used[0] - 1, sheet[s]);
    }

    lxw_worksheet *ws = workbook_add_worksheet(b.wb, cmp_name);
    if (ws)
        comparison_sheet(&b, ws, c, u0, u1);
    for (int s = 0; ws && s < c->n_scenarios; s++)
        if ((ws = workbook_add_worksheet(b.wb, sheet[s])))
            scenario_sheet(&b, ws, c, s, u0, u1);
    if (ws && (ws = workbook_add_worksheet(b.wb, vs_name)))
        jz_xlsx_verschil_sheet(&b, ws, c, u0, u1);
    if (ws && regio && (ws = workbook_add_worksheet(b.wb, regio_name)))
        jz_xlsx_regio_sheet(&b, ws, c);
    if (ws && band && (ws = workbook_add_worksheet(b.wb, band_name)))
        jz_xlsx_band_sheet(&b, ws, c, u0, u1);
    if (ws && (ws = workbook_add_worksheet(b.wb, inputs_name)))
        jz_xlsx_inputs_sheet(&b, ws, c);
    if (ws && (ws = workbook_add_worksheet(b.wb, about_name)))
        about_sheet(&b, ws, c, sheet, cmp_name, inputs_name, vs_name);
    return jz_xlsx_close(&b, path, ws != NULL, err);
}

#endif
