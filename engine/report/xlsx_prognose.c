/*
 * xlsx_prognose.c - `jzsim prognose --format xlsx`: the forecast of the
 * current year as an Excel workbook for the voorjaars- and najaarsnota
 * (docs/eigen-gemeente.md step 7, docs/output-format.md).
 *
 * Sheets (English names with --lang en):
 *   Prognose     per zorgsoort Gerealiseerd, Scenario jaar, Prognose jaar
 *                and the band; the Subtotaal zorgsoorten, the lines outside
 *                the zorgsoorten (vaste lasten, ...) and the Totaal;
 *   Begroting    the same rows against the scenario's begroting: Begroting,
 *                Prognose jaar, Verschil and its band;
 *   Taakvelden   the same per Iv3 taakveld (only when the scenario books its
 *                zorgsoorten on taakvelden);
 *   Cliënten     the clients on 31 December and the unique clients (only
 *                when clients were given);
 *   Toelichting  the gemeente, year, realised months, band, what each
 *                column holds and the method.
 * Every figure is jz_prognose's (jzsim/prognose.h), the cell holding the
 * double; what does not exist (NaN) is an empty cell.  A figure that is a
 * sum or difference of cells on its sheet (Subtotaal, Totaal, Verschil) is
 * written as the formula with jz_prognose's figure as its cached value: a
 * colleague sees the derivation, and nothing is computed here.  The rows
 * and their names are those of the table (prognose_report.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/prognose.h"
#include "report/reporters.h"

#ifndef JZ_HAVE_XLSXWRITER

int jz_rep_prognose_xlsx(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)out;
    (void)x;
    return jz_error_set(err, JZ_ERUNTIME, o->path, 0, 0,
                        "this jzsim was built without libxlsxwriter and cannot write XLSX; "
                        "install libxlsxwriter-dev and rebuild, or use --format csv");
}

#else

#include "report/prognose_report.h"
#include "report/xlsx_book.h"

enum { HR = 3, NCOLS = 6 }; /* the header row; the name and five figures */

/* A cell's or a range's name, "B5", "B5:B14". */
static const char *cell(char *buf, int row, int col)
{
    lxw_rowcol_to_cell(buf, (lxw_row_t)row, (lxw_col_t)col);
    return buf;
}

/* "=SUM(B5:B14)": rows r0..r1 of column col. */
static const char *sum_of(char *f, size_t n, int col, int r0, int r1)
{
    char a[32], b[32];
    snprintf(f, n, "=SUM(%s:%s)", cell(a, r0, col), cell(b, r1, col));
    return f;
}

/* "=B15+B16+B17": row first plus rows[0..k-1] of column col. */
static const char *plus_of(char *f, size_t n, int col, int first, const int *rows, int k)
{
    char a[32];
    size_t len = (size_t)snprintf(f, n, "=%s", cell(a, first, col));
    for (int i = 0; i < k && len < n; i++)
        len += (size_t)snprintf(f + len, n - len, "+%s", cell(a, rows[i], col));
    return f;
}

/* "=C5-B5": the Verschil of a row (Prognose jaar - Begroting). */
static const char *minus_of(char *f, size_t n, int row)
{
    char a[16], b[16];
    snprintf(f, n, "=%s-%s", cell(a, row, 2), cell(b, row, 1));
    return f;
}

/* Title, note and the header row of a table sheet. */
static void head(book *b, lxw_worksheet *ws, const char *title, const char *note, const char *first,
                 const char *const *heads, int n)
{
    worksheet_write_string(ws, 0, 0, title, b->title); /* not text(): the title runs on */
    worksheet_write_string(ws, 1, 0, note, NULL);
    text(b, ws, HR, 0, first, b->head);
    for (int i = 0; i < n; i++)
        text(b, ws, HR, 1 + i, heads[i], b->head);
}

static void finish_sheet(book *b, lxw_worksheet *ws, int ncols)
{
    widths(b, ws, ncols, 80); /* a name in full: Twente's run to 64 characters */
    worksheet_freeze_panes(ws, HR + 1, 1);
    print_a4(ws, 1);
}

enum { FIGW = 16 }; /* "€ -999.999.999" */

/* The rows of the lines shown (jz_prognose_line_shown), from row `row`:
 * their line index and row; returns how many. */
static int shown_lines(const jz_prognose *p, int row, int idx[], int rows[])
{
    int k = 0;
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (jz_prognose_line_shown(p, i)) {
            idx[k] = (int)i;
            rows[k++] = row++;
        }
    return k;
}

static const char *const *money_heads(const book *b, jz_prognose_head_table t, const char *h[5])
{
    for (int i = 0; i < 5; i++)
        h[i] = jz_prognose_head(t, i, b->lang);
    return h;
}

/* Prognose: per zorgsoort, the subtotal, the lines and the Totaal. */
static void forecast_sheet(book *b, lxw_worksheet *ws, const jz_prognose *p, const jz_scenario *s)
{
    char title[256], f[512];
    const char *h[5];
    const int Z = p->n_zorgsoorten;
    head(b, ws, jz_prognose_title(title, sizeof title, p, s, b->lang),
         L(b, "Bedragen in euro's. Leeg = bestaat niet (niets gerealiseerd opgegeven, geen band). "
              "Subtotaal en Totaal zijn formules; zie het blad Toelichting.",
           "Amounts in euros. Empty = does not exist (nothing realised given, no band). "
           "Subtotal and Total are formulas; see the sheet About."),
         L(b, "Zorgsoort", "Care type"), money_heads(b, JZ_PROGNOSE_HEAD_MONEY, h), 5);
    int row = HR + 1;
    const int z0 = row;
    for (int z = 0; z < Z; z++, row++) {
        const double v[5] = {p->realised[z], p->model_year[z], p->year_end[z], p->low[z], p->high[z]};
        text(b, ws, row, 0, s->zorgsoorten[z].name, NULL);
        for (int i = 0; i < 5; i++)
            num(b, ws, row, 1 + i, v[i], b->money, FIGW);
    }
    const int sub = row++;
    text(b, ws, sub, 0, jz_prognose_subtotal_name(b->lang), b->bold);
    const double sv[3] = {p->total_realised, p->total_model, p->total_year_end};
    for (int i = 0; i < 3; i++)
        formula(b, ws, sub, 1 + i, sum_of(f, sizeof f, 1 + i, z0, z0 + Z - 1), sv[i], b->money, FIGW);
    num(b, ws, sub, 4, p->total_low, b->money, FIGW);
    num(b, ws, sub, 5, p->total_high, b->money, FIGW);
    int idx[JZ_RESULT_N_COST_BEYOND_CARE], rows[JZ_RESULT_N_COST_BEYOND_CARE];
    int k = shown_lines(p, row, idx, rows);
    for (int i = 0; i < k; i++, row++) {
        text(b, ws, row, 0, jz_prognose_line_name((size_t)idx[i], b->lang), NULL);
        num(b, ws, row, 2, p->lines[idx[i]], b->money, FIGW);
        num(b, ws, row, 3, p->lines[idx[i]], b->money, FIGW);
    }
    const int tot = row;
    text(b, ws, tot, 0, jz_prognose_cost_name(b->lang), b->bold);
    const double tv[3] = {p->cost_realised, p->cost_model, p->cost_year_end};
    for (int i = 0; i < 3; i++)
        formula(b, ws, tot, 1 + i, plus_of(f, sizeof f, 1 + i, sub, rows, k), tv[i], b->money, FIGW);
    num(b, ws, tot, 4, p->cost_low, b->money, FIGW);
    num(b, ws, tot, 5, p->cost_high, b->money, FIGW);
    finish_sheet(b, ws, NCOLS);
}

/* One row against the begroting: Begroting, Prognose jaar (numbers or the
 * formulas fb, fy), Verschil = C - B and its band. */
static void budget_row(book *b, lxw_worksheet *ws, int row, const char *name, lxw_format *nf, const char *fb,
                       const char *fy, const double v[5])
{
    char f[40];
    text(b, ws, row, 0, name, nf);
    if (fb)
        formula(b, ws, row, 1, fb, v[0], b->money, FIGW);
    else
        num(b, ws, row, 1, v[0], b->money, FIGW);
    if (fy)
        formula(b, ws, row, 2, fy, v[1], b->money, FIGW);
    else
        num(b, ws, row, 2, v[1], b->money, FIGW);
    formula(b, ws, row, 3, minus_of(f, sizeof f, row), v[2], b->dmoney, FIGW);
    num(b, ws, row, 4, v[3], b->dmoney, FIGW);
    num(b, ws, row, 5, v[4], b->dmoney, FIGW);
}

static const char *budget_note(const book *b)
{
    return L(b, "Verschil = Prognose jaar - Begroting: boven 0 een overschrijding, onder 0 een onderschrijding; "
                "de band is die van de prognose. Subtotaal, Totaal en Verschil zijn formules.",
             "Difference = Forecast year - Budget: above 0 an overspend, below 0 an underspend; the band is the "
             "forecast's. Subtotal, Total and Difference are formulas.");
}

/* Begroting: the rows of the forecast against the scenario's begroting. */
static void budget_sheet(book *b, lxw_worksheet *ws, const jz_prognose *p, const jz_scenario *s)
{
    char title[256], fb[512], fy[512];
    const char *h[5];
    const int Z = p->n_zorgsoorten;
    snprintf(title, sizeof title, "%s %d", jz_prognose_budget_title(b->lang), p->year);
    head(b, ws, title, budget_note(b), L(b, "Zorgsoort", "Care type"), money_heads(b, JZ_PROGNOSE_HEAD_BUDGET, h),
         5);
    int row = HR + 1;
    const int z0 = row;
    double v[5];
    for (int z = 0; z < Z; z++, row++) {
        jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_ZORGSOORT, z, v);
        budget_row(b, ws, row, s->zorgsoorten[z].name, NULL, NULL, NULL, v);
    }
    const int sub = row++;
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_SUBTOTAL, 0, v);
    budget_row(b, ws, sub, jz_prognose_subtotal_name(b->lang), b->bold, sum_of(fb, sizeof fb, 1, z0, z0 + Z - 1),
               sum_of(fy, sizeof fy, 2, z0, z0 + Z - 1), v);
    int idx[JZ_RESULT_N_COST_BEYOND_CARE], rows[JZ_RESULT_N_COST_BEYOND_CARE];
    int k = shown_lines(p, row, idx, rows);
    for (int i = 0; i < k; i++, row++) {
        jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_LINE, idx[i], v);
        budget_row(b, ws, row, jz_prognose_line_name((size_t)idx[i], b->lang), NULL, NULL, NULL, v);
    }
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TOTAL, 0, v);
    budget_row(b, ws, row, jz_prognose_cost_name(b->lang), b->bold, plus_of(fb, sizeof fb, 1, sub, rows, k),
               plus_of(fy, sizeof fy, 2, sub, rows, k), v);
    finish_sheet(b, ws, NCOLS);
}

/* Taakvelden: the same per Iv3 taakveld, the Totaal their sum. */
static void taakveld_sheet(book *b, lxw_worksheet *ws, const jz_prognose *p)
{
    char title[256], fb[128], fy[128], why[400];
    const char *h[5];
    const jz_taakveld_list *l = &p->taakvelden;
    snprintf(title, sizeof title, "%s %d", jz_prognose_taakveld_title(b->lang), p->year);
    head(b, ws, title, budget_note(b), "Taakveld", money_heads(b, JZ_PROGNOSE_HEAD_BUDGET, h), 5);
    int row = HR + 1;
    const int r0 = row;
    double v[5];
    for (int k = 0; k < l->n; k++, row++) {
        jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TAAKVELD, k, v);
        budget_row(b, ws, row, jz_text_taakveld_name(l->code[k], b->lang == JZ_LANG_EN), NULL, NULL, NULL, v);
    }
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TOTAL, 0, v);
    budget_row(b, ws, row, jz_prognose_cost_name(b->lang), b->bold, sum_of(fb, sizeof fb, 1, r0, row - 1),
               sum_of(fy, sizeof fy, 2, r0, row - 1), v);
    row += 2;
    if (jz_taakveld_list_has_outside(l))
        worksheet_write_string(ws, (lxw_row_t)row++, 0,
                               L(b, "Overig: de zorgsoorten zonder taakveld en de regels buiten de zorgsoorten "
                                    "(vaste lasten zonder taakveld, ...), zoals de tabel per taakveld van jzsim run, "
                                    "met dezelfde begroting.",
                                 "Other: the care types without a taakveld and the lines outside the care types "
                                 "(fixed cost on no taakveld, ...), as jzsim run's table per taakveld, with the same "
                                 "budget."),
                               NULL);
    if (l->n_empty)
        worksheet_write_string(ws, (lxw_row_t)row, 0, jz_text_taakveld_empty(why, sizeof why, l, b->lang == JZ_LANG_EN),
                               NULL);
    finish_sheet(b, ws, NCOLS);
}

/* Cliënten: in care on 31 December and unique, each with its band. */
static void clients_sheet(book *b, lxw_worksheet *ws, const jz_prognose *p, const jz_scenario *s)
{
    static const char *const heads[2][8] = {
        {"Scenario 31/12", "Prognose 31/12", "Band laag 31/12", "Band hoog 31/12", "Scenario uniek",
         "Prognose uniek", "Band laag uniek", "Band hoog uniek"},
        {"Scenario 31/12", "Forecast 31/12", "Band low 31/12", "Band high 31/12", "Scenario unique",
         "Forecast unique", "Band low unique", "Band high unique"},
    };
    head(b, ws, L(b, "Cliënten (trajecten)", "Clients (trajectories)"),
         L(b, "In zorg op 31 december en unieke cliënten van het jaar; zonder opgave het scenario, zonder band.",
           "In care on 31 December and unique clients of the year; where none were given the scenario's, "
           "without a band."),
         L(b, "Zorgsoort", "Care type"), heads[b->lang == JZ_LANG_EN], 8);
    int row = HR + 1;
    for (int z = 0; z < p->n_zorgsoorten; z++, row++) {
        const double v[8] = {p->model_clients_end[z], p->clients_end[z], p->clients_end_low[z],
                             p->clients_end_high[z], p->model_unique[z], p->unique[z], p->unique_low[z],
                             p->unique_high[z]};
        text(b, ws, row, 0, s->zorgsoorten[z].name, NULL);
        for (int i = 0; i < 8; i++)
            num(b, ws, row, 1 + i, v[i], b->count, 12);
    }
    finish_sheet(b, ws, 9);
}

enum { ABOUT_W = 100 }; /* the Toelichting's text column */

/* Toelichting: a label in A, its text in B, wrapped in a row as tall as its
 * lines (neither Excel nor LibreOffice sizes a row to wrapped text on
 * opening). */
static int about_line(book *b, lxw_worksheet *ws, int row, const char *label, const char *what)
{
    if (label)
        worksheet_write_string(ws, (lxw_row_t)row, 0, label, b->bold);
    worksheet_write_string(ws, (lxw_row_t)row, 1, what, b->wrap);
    int lines = (jz_text_width(what) + ABOUT_W - 11) / (ABOUT_W - 10); /* a margin for the proportional font */
    if (lines > 1)
        worksheet_set_row(ws, (lxw_row_t)row, 15.0 * lines, NULL);
    return row + 1;
}

static void about_sheet(book *b, lxw_worksheet *ws, const jz_prognose *p, const jz_scenario *s,
                        const char *const sheet[5], int taakvelden, int clients)
{
    static const char *const month[2][12] = {
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
         "november", "december"},
        {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"}};
    const int en = b->lang == JZ_LANG_EN;
    const jz_gemeente *gm = &s->gemeenten[p->gemeente];
    char buf[1024];
    int row = 0;
    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Toelichting", "About this workbook"), b->title);
    row++;
    snprintf(buf, sizeof buf, "%s (%s)", gm->name, gm->code);
    row = about_line(b, ws, row, "Gemeente", buf);
    snprintf(buf, sizeof buf, "%d", p->year);
    row = about_line(b, ws, row, L(b, "Jaar", "Year"), buf);
    snprintf(buf, sizeof buf, "%d (%s %s %s %d)", p->months, month[en][0], L(b, "t/m", "to"),
             month[en][p->months - 1], p->year);
    row = about_line(b, ws, row, L(b, "Gerealiseerde maanden", "Months realised"), buf);
    snprintf(buf, sizeof buf, en ? "%d of %d" : "%d van de %d", p->n_realised, p->n_zorgsoorten);
    row = about_line(b, ws, row, L(b, "Zorgsoorten met realisatie", "Care types with realised months"), buf);
    snprintf(buf, sizeof buf, en ? "%.0f%% (prediction interval)" : "%.0f%% (voorspellingsinterval)", 100 * p->level);
    row = about_line(b, ws, row, L(b, "Band", "Band"), buf);
    snprintf(buf, sizeof buf, "jzsim %s", JZSIM_VERSION);
    row = about_line(b, ws, row, L(b, "Gemaakt met", "Made with"), buf);
    row++;

    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Bladen", "Sheets"), b->bold);
    row = about_line(b, ws, row, sheet[0],
                     L(b, "per zorgsoort de prognose van het hele jaar, met het subtotaal, de regels buiten de "
                          "zorgsoorten en het Totaal.",
                       "per care type the forecast of the whole year, with the subtotal, the lines outside the "
                       "care types and the Total."));
    row = about_line(b, ws, row, sheet[1],
                     L(b, "dezelfde regels ten opzichte van de begroting van het scenario.",
                       "the same rows against the scenario's budget."));
    if (taakvelden)
        row = about_line(b, ws, row, sheet[2],
                         L(b, "hetzelfde per Iv3-taakveld, zoals de tabel per taakveld van jzsim run.",
                           "the same per Iv3 taakveld, as jzsim run's table per taakveld."));
    if (clients)
        row = about_line(b, ws, row, sheet[3],
                         L(b, "de cliënten in zorg op 31 december en de unieke cliënten van het jaar.",
                           "the clients in care on 31 December and the unique clients of the year."));
    row++;

    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Kolommen", "Columns"), b->bold);
    const char *what[][2] = {
        {jz_prognose_head(JZ_PROGNOSE_HEAD_MONEY, 0, b->lang),
         L(b, "de uitgaven van de gerealiseerde maanden (op datum van zorg), zoals opgegeven.",
           "the spending of the realised months (by date of care), as given.")},
        {jz_prognose_head(JZ_PROGNOSE_HEAD_MONEY, 1, b->lang),
         L(b, "de uitgaven van het hele jaar volgens het scenario (bij het Totaal de Kosten van jzsim run).",
           "the spending of the whole year by the scenario (for the Total the Cost of jzsim run).")},
        {jz_prognose_head(JZ_PROGNOSE_HEAD_MONEY, 2, b->lang),
         L(b, "de prognose van het hele jaar: de gerealiseerde maanden plus de geschatte rest van het jaar.",
           "the forecast of the whole year: the realised months plus the estimated rest of the year.")},
        {L(b, "Band laag, Band hoog", "Band low, Band high"),
         L(b, "de grenzen van het voorspellingsinterval van de prognose (of van het verschil).",
           "the bounds of the forecast's prediction interval (or of the difference).")},
        {jz_prognose_head(JZ_PROGNOSE_HEAD_BUDGET, 0, b->lang),
         L(b, "de begroting van het scenario voor het jaar (bij één totale begroting verdeeld over de zorgsoorten "
              "naar hun aandeel in de uitgaven van het basisjaar); van de regels buiten de zorgsoorten hebben alleen "
              "de vaste lasten een begroting.",
           "the scenario's budget of the year (with one total budget: split over the care types by their share of "
           "the base year's spending); of the lines outside the care types only the fixed cost has a budget.")},
        {jz_prognose_head(JZ_PROGNOSE_HEAD_BUDGET, 2, b->lang),
         L(b, "Prognose jaar - Begroting: boven 0 een overschrijding, onder 0 een onderschrijding.",
           "Forecast year - Budget: above 0 an overspend, below 0 an underspend.")},
    };
    for (size_t i = 0; i < sizeof what / sizeof what[0]; i++)
        row = about_line(b, ws, row, what[i][0], what[i][1]);
    row++;

    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Rekenregels", "How the rows add up"), b->bold);
    row = about_line(b, ws, row, jz_prognose_subtotal_name(b->lang),
                     L(b, "de som van de zorgsoorten (formule); de band is die van de zorgsoorten met realisatie "
                          "samen, geen som.",
                       "the sum of the care types (a formula); the band is that of the care types with realised "
                       "months together, not a sum."));
    row = about_line(b, ws, row, jz_prognose_cost_name(b->lang),
                     L(b, "het subtotaal plus de regels buiten de zorgsoorten (formule); die regels komen uit het "
                          "scenario: niet gerealiseerd, zonder band.",
                       "the subtotal plus the lines outside the care types (a formula); those lines come from the "
                       "scenario: not realised, without a band."));
    row = about_line(b, ws, row, L(b, "Formules", "Formulas"),
                     L(b, "elke formule bevat als opgeslagen waarde het bedrag dat jzsim berekende; opnieuw "
                          "berekend komt ze op dezelfde cent uit.",
                       "every formula holds as its stored value the amount jzsim computed; recalculated it comes "
                       "to the same cent."));
    row = about_line(b, ws, row, L(b, "Leeg", "Empty"),
                     L(b, "het cijfer bestaat niet: een zorgsoort zonder opgegeven uitgaven heeft geen "
                          "gerealiseerd bedrag en geen band (de prognose is dan die van het scenario).",
                       "the figure does not exist: a care type without given spending has no realised amount "
                       "and no band (its forecast is then the scenario's)."));
    row++;
    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Methode", "Method"), b->bold);
    snprintf(buf, sizeof buf,
             en ? "The model splits each month's spending into the part of the clients in care on 1 January and the "
                  "part of this year's inflow. The realised months are fitted per care type on those two parts "
                  "(weighted least squares) and the rest of the year follows from that fit. The band is the "
                  "%.0f%% prediction interval (Student t)."
                : "Het model splitst de uitgaven van elke maand in het deel van de cliënten die op 1 januari al in "
                  "zorg waren en het deel van de instroom van dit jaar. De gerealiseerde maanden worden per "
                  "zorgsoort met die twee delen geschat (gewogen kleinste kwadraten) en de rest van het jaar volgt "
                  "uit die schatting. De band is het voorspellingsinterval van %.0f%% (Student-t).",
             100 * p->level);
    row = about_line(b, ws, row, NULL, buf);
    worksheet_set_column(ws, 0, 0, 28, NULL);
    worksheet_set_column(ws, 1, 1, ABOUT_W, b->wrap);
    print_a4(ws, 0);
}

int jz_rep_prognose_xlsx(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)out; /* libxlsxwriter writes by path */
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    book b;
    int st = jz_xlsx_open(&b, o->path, o->lang,
                          jz_cmp_L(o->lang, "Prognose jeugdzorg lopend jaar", "Youth care forecast of the current year"),
                          err);
    if (st != JZ_OK)
        return st;
    const char *sheet[5] = {L(&b, "Prognose", "Forecast"), L(&b, "Begroting", "Budget"), "Taakvelden",
                            L(&b, "Cliënten", "Clients"), L(&b, "Toelichting", "About")};
    const int taakvelden = p->taakvelden.n > 0, clients = p->any_clients;
    lxw_worksheet *ws = workbook_add_worksheet(b.wb, sheet[0]);
    if (ws)
        forecast_sheet(&b, ws, p, s);
    if (ws && (ws = workbook_add_worksheet(b.wb, sheet[1])))
        budget_sheet(&b, ws, p, s);
    if (ws && taakvelden && (ws = workbook_add_worksheet(b.wb, sheet[2])))
        taakveld_sheet(&b, ws, p);
    if (ws && clients && (ws = workbook_add_worksheet(b.wb, sheet[3])))
        clients_sheet(&b, ws, p, s);
    if (ws && (ws = workbook_add_worksheet(b.wb, sheet[4])))
        about_sheet(&b, ws, p, s, sheet, taakvelden, clients);
    return jz_xlsx_close(&b, o->path, ws != NULL, err);
}

#endif
