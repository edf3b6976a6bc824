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

#define MAX_COLS 64
#define XLSX_MAX_ROWS 1048576

typedef struct book {
    lxw_workbook *wb;
    jz_lang lang;
    lxw_format *title, *bold, *head, *headwrap, *wrap;
    lxw_format *money, *count, *years, *dmoney, *dcount, *dyears, *pct;
    lxw_format *pct_in, *plain, *realised; /* inputs: a share, a plain number; a realised year */
    /* column widths: the widest text seen per column of the current sheet */
    double width[MAX_COLS];
} book;

static const char *L(const book *b, const char *nl, const char *en)
{
    return jz_cmp_L(b->lang, nl, en);
}

static void fit(book *b, int col, double w)
{
    if (col < MAX_COLS && w > b->width[col])
        b->width[col] = w;
}

static void text(book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f);
    fit(b, col, jz_text_width(s) * (f == b->head || f == b->bold ? 1.15 : 1.0) + 2);
}

static void num(book *b, lxw_worksheet *ws, int row, int col, double v, lxw_format *f, double w)
{
    if (isnan(v) || isinf(v))
        return; /* absent: an empty cell */
    worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
    fit(b, col, w);
}

static void widths(book *b, lxw_worksheet *ws, int ncols, double max)
{
    for (int c = 0; c < ncols && c < MAX_COLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                             b->width[c] < 6 ? 6 : b->width[c] > max ? max : b->width[c], NULL);
    memset(b->width, 0, sizeof b->width);
}

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
     * reader's own thousands separator and decimal mark */
    b->money = workbook_add_format(wb);
    format_set_num_format(b->money, "\"€ \"#,##0;\"€ \"-#,##0");
    b->count = workbook_add_format(wb);
    format_set_num_format(b->count, "#,##0");
    b->years = workbook_add_format(wb);
    format_set_num_format(b->years, "#,##0.0");
    b->dmoney = workbook_add_format(wb);
    format_set_num_format(b->dmoney, "+\"€ \"#,##0;-\"€ \"#,##0;\"€ \"0");
    b->dcount = workbook_add_format(wb);
    format_set_num_format(b->dcount, "+#,##0;-#,##0;0");
    b->dyears = workbook_add_format(wb);
    format_set_num_format(b->dyears, "+#,##0.0;-#,##0.0;0.0");
    b->pct = workbook_add_format(wb);
    format_set_num_format(b->pct, "+0.0%;-0.0%;0.0%");
    b->pct_in = workbook_add_format(wb);
    format_set_num_format(b->pct_in, "0.0##%");
    b->plain = workbook_add_format(wb);
    format_set_num_format(b->plain, "#,##0.###");
    b->realised = workbook_add_format(wb);
    format_set_bold(b->realised);
    format_set_italic(b->realised);
    format_set_bottom(b->realised, LXW_BORDER_THIN);
    format_set_bg_color(b->realised, 0xDDEBF7);
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
    char buf[JZ_NAME_MAX + 64];
    snprintf(buf, sizeof buf, "%s [1] %s", L(b, "Vergelijking van scenario's; referentie:", "Comparison of scenarios; reference:"),
             c->scen[0].scenario->meta.name);
    worksheet_write_string(ws, 0, 0, buf, b->title);
    worksheet_write_string(ws, 1, 0,
                           L(b, "Bedragen in euro's van dat jaar. Verschil = scenario min referentie; "
                                "% = verschil gedeeld door |referentie|. Leeg = geen waarde (jaar buiten de horizon, "
                                "of de gemeente of zorgsoort ontbreekt in dat scenario).",
                             "Amounts in euros of that year. Difference = scenario minus reference; "
                             "% = difference divided by |reference|. Empty = no value (year outside the horizon, "
                             "or the gemeente or care type is not in that scenario)."),
                           NULL);
    char note[1024];
    snprintf(note, sizeof note, "%s %d%s", L(b, "Realisatie tot en met", "Realised up to"), jz_cmp_realised_year(c),
             L(b, " (het basisjaar); latere jaren zijn prognose. Per zorgsoort: kosten en tekort zijn na aftrek van "
                  "de besparingen; met de vaste lasten en de investering in maatregelen (eigen regels) tellen ze op "
                  "tot het totaal. Besparing maatregelen = kosten zonder maatregelen min kosten; lager tekort door "
                  "andere aannames = tekort [1] min tekort min het verschil in besparing.",
               " (the base year); later years are projections. Per care type: cost and deficit are net of the "
               "savings; with the fixed cost and the investment in measures (rows of their own) they add up to "
               "the total. Savings of measures = cost without measures minus cost; lower deficit from other "
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
        snprintf(buf, sizeof buf, "[%d] %s", s + 1, c->scen[s].scenario->meta.name);
        worksheet_write_string(ws, hr, (lxw_col_t)(fixed + s), buf, b->headwrap);
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
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_repeat_rows(ws, hr, hr);
    worksheet_fit_to_pages(ws, 1, 0);
}

static void scenario_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int s, int u0, int u1)
{
    const jz_scenario *sc = c->scen[s].scenario;
    char buf[JZ_NAME_MAX + 64];
    snprintf(buf, sizeof buf, "[%d] %s%s", s + 1, sc->meta.name,
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
    if (!nb)
        worksheet_write_string(ws, 2, 1, L(b, "(geen bronnen opgegeven)", "(no sources given)"), NULL);
    int hr = 4 + nb;
    const char *heads[] = {L(b, "Gemeente", "Gemeente"), L(b, "CBS-code", "CBS code"),
                           L(b, "Zorgsoort", "Care type"), L(b, "Indicator", "Indicator")};
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
    }
    widths(b, ws, fixed + ny, 40);
    worksheet_freeze_panes(ws, (lxw_row_t)(hr + 1), fixed);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
}

/* ---- the assumptions sheet ----
 * One row per input as a controller reads it: its human label, the value as
 * a number (a series: one column per year; a percentage as a percentage),
 * the unit in the reader's language and the cited source.  An input with
 * the same value in every scenario is listed once ("alle scenario's"); where
 * scenarios differ, one row per distinct value follows, naming the
 * scenarios it holds for.  The value is the text the scenario wrote, read
 * as the scenario format reads numbers (12k, 3.1M, 6.5%); a value that is
 * not a number or a year map (a distribution, a population with growth) is
 * shown as its central value with the rest as a remark. */

typedef struct unit_words {
    const char *key, *nl, *en;
    int percent; /* shown as a percentage */
} unit_words;

static const unit_words units[] = {
    {"clients", "cliënten", "clients", 0},
    {"euros", "euro", "euros", 0},
    {"months", "maanden", "months", 0},
    {"fraction", "aandeel (%)", "share (%)", 1},
    {"fraction/yr", "% per jaar", "% per year", 1},
    {"per 1,000 youth/yr", "per 1.000 jeugdigen per jaar", "per 1,000 youth per year", 0},
    {"number", "getal", "number", 0},
    {"years", "jaren", "years", 0},
};

/* Units that the input's key says more precisely than its unit kind. */
static const struct {
    const char *tail, *nl, *en;
} unit_by_key[] = {
    {".budget.volume", "cliëntjaren", "client-years"},
    {".budget.price", "euro per cliëntjaar", "euros per client-year"},
    {".cost", "euro per cliëntjaar", "euros per client-year"},
    {".budget.amount", "euro per jaar", "euros per year"},
    {".rijksbijdrage", "euro per jaar", "euros per year"},
    {".amount", "euro per jaar", "euros per year"},
    {".population.youth", "personen", "persons"},
    {".population.young_adults", "personen", "persons"},
};

static const char *unit_text(const jz_input *in, const book *b)
{
    size_t n = in->path ? strlen(in->path) : 0;
    for (size_t i = 0; i < sizeof unit_by_key / sizeof unit_by_key[0]; i++) {
        size_t k = strlen(unit_by_key[i].tail);
        if (n >= k && strcmp(in->path + n - k, unit_by_key[i].tail) == 0)
            return L(b, unit_by_key[i].nl, unit_by_key[i].en);
    }
    for (size_t i = 0; in->unit && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].key, in->unit) == 0)
            return L(b, units[i].nl, units[i].en);
    return in->unit ? in->unit : "";
}

static const unit_words *unit_of(const char *u)
{
    for (size_t i = 0; u && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(units[i].key, u) == 0)
            return &units[i];
    return NULL;
}

/* A number as the scenario format writes it: 1578, 18.4k, 11.427M, 6.5%,
 * € 12k; 1 and *v on success. */
static int read_number(const char *p, const char *end, double *v)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
        p++;
    if (end - p >= 3 && memcmp(p, "€", 3) == 0)
        p += 3;
    while (p < end && *p == ' ')
        p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '"' || end[-1] == '\''))
        end--;
    char buf[64];
    if (p >= end || (size_t)(end - p) >= sizeof buf)
        return 0;
    memcpy(buf, p, (size_t)(end - p));
    buf[end - p] = '\0';
    char *e;
    double x = strtod(buf, &e);
    if (e == buf)
        return 0;
    double scale = 1.0;
    if (*e == 'k' || *e == 'K')
        scale = 1e3, e++;
    else if (*e == 'M')
        scale = 1e6, e++;
    else if (*e == '%')
        scale = 0.01, e++;
    while (*e == ' ')
        e++;
    if (*e)
        return 0;
    *v = x * scale;
    return 1;
}

/* The written value, parsed: a number, a year map, or a map with a central
 * value (mode, base, value); what is left is a remark in words. */
typedef struct parsed {
    int is_number, n_years;
    double number;
    int year[64];
    double value[64];
    char remark[256];
} parsed;

static void parse_value(const char *text, parsed *out, const book *b)
{
    memset(out, 0, sizeof *out);
    if (!text)
        return;
    const char *p = text, *end = text + strlen(text);
    if (read_number(p, end, &out->number)) {
        out->is_number = 1;
        return;
    }
    if (*p != '{' || end[-1] != '}') {
        snprintf(out->remark, sizeof out->remark, "%s", text);
        return;
    }
    p++;
    end--;
    int rl = 0;
    while (p < end) {
        const char *q = p;
        int depth = 0;
        while (q < end && (depth || *q != ',')) {
            depth += *q == '{' || *q == '[';
            depth -= *q == '}' || *q == ']';
            q++;
        }
        const char *colon = memchr(p, ':', (size_t)(q - p));
        if (colon) {
            const char *k = p;
            while (k < colon && *k == ' ')
                k++;
            char key[32];
            snprintf(key, sizeof key, "%.*s", (int)(colon - k < 31 ? colon - k : 31), k);
            double x;
            char *e;
            long year = strtol(key, &e, 10);
            int ok = read_number(colon + 1, q, &x);
            if (*e == '\0' && year >= 1900 && year <= 2200 && ok && out->n_years < 64) {
                out->year[out->n_years] = (int)year;
                out->value[out->n_years++] = x;
            } else if (ok && !out->is_number &&
                       (!strcmp(key, "mode") || !strcmp(key, "base") || !strcmp(key, "value") ||
                        !strcmp(key, "mean"))) {
                out->is_number = 1;
                out->number = x;
            } else if (strcmp(key, "interpolation") == 0) {
                rl += snprintf(out->remark + rl, sizeof out->remark - (size_t)rl, "%s%s", rl ? "; " : "",
                               L(b, "lineair tussen de jaren", "linear between the years"));
            } else {
                static const struct { const char *k, *nl, *en; } words[] = {
                    {"dist", "verdeling", "distribution"}, {"low", "laag", "low"}, {"high", "hoog", "high"},
                    {"growth", "groei per jaar", "growth a year"}, {"sd", "standaardafwijking", "sd"},
                };
                const char *w = key;
                for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
                    if (strcmp(words[i].k, key) == 0)
                        w = L(b, words[i].nl, words[i].en);
                const char *v = colon + 1, *ve = q;
                while (v < ve && *v == ' ')
                    v++;
                static const struct { const char *k, *nl, *en; } dists[] = {
                    {"triangular", "driehoeksverdeling", "triangular"}, {"normal", "normaal", "normal"},
                    {"lognormal", "lognormaal", "lognormal"}, {"uniform", "uniform", "uniform"},
                    {"pert", "PERT", "PERT"},
                };
                for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
                    if ((size_t)(ve - v) == strlen(dists[i].k) && memcmp(v, dists[i].k, (size_t)(ve - v)) == 0) {
                        v = L(b, dists[i].nl, dists[i].en);
                        ve = v + strlen(v);
                        break;
                    }
                if (rl < (int)sizeof out->remark)
                    rl += snprintf(out->remark + rl, sizeof out->remark - (size_t)rl, "%s%s %.*s",
                                   rl ? "; " : "", w, (int)(ve - v), v);
            }
        }
        p = q < end ? q + 1 : q;
        while (p < end && *p == ' ')
            p++;
    }
    if (rl >= (int)sizeof out->remark)
        out->remark[sizeof out->remark - 1] = '\0';
}

/* A source as a reader cites it: title, publisher, year, page, table. */
static const char *cite(char *buf, size_t n, const jz_scenario *sc, const jz_input *in, const book *b)
{
    buf[0] = '\0';
    if (in->bron >= 0 && in->bron < sc->n_bronnen) {
        const jz_bron *r = &sc->bronnen[in->bron];
        int len = snprintf(buf, n, "%s", r->title ? r->title : "");
        if (r->publisher && r->publisher[0] && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", %s", r->publisher);
        if (r->year && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", %d", r->year);
        if (r->page && r->page[0] && len >= 0 && (size_t)len < n)
            len += snprintf(buf + len, n - (size_t)len, ", p. %s", r->page);
        if (r->table && r->table[0] && len >= 0 && (size_t)len < n)
            snprintf(buf + len, n - (size_t)len, ", %s", r->table);
    } else if (in->source && strstr(in->source, "ASSUMPTION")) {
        snprintf(buf, n, "%s", L(b, "eigen aanname", "own assumption"));
    }
    return buf;
}

/* The words of a measure's keys: the loader labels a measure's input as
 * "Maatregel <name>: <key>"; a reader gets the key in words. */
static const struct {
    const char *key, *nl, *en;
} measure_keys[] = {
    {"saving", "besparing", "saving"},
    {"certain", "zeker deel", "certain part"},
    {"in_baseline", "al in de basis vanaf", "in the baseline from"},
    {"cause", "oorzaak", "cause"},
    {"gemeenten", "gemeenten", "gemeenten"},
    {"zorgsoorten", "zorgsoorten", "care types"},
    {"effect", "soort effect", "kind of effect"},
    {"start", "startjaar", "first year"},
    {"ramp_years", "ingroeitijd (jaren)", "ramp-up (years)"},
    {"ramp_shape", "vorm van de ingroei", "shape of the ramp-up"},
    {"share", "aandeel", "share"},
    {"investment", "investering per jaar", "investment per year"},
    {"evaluation_months", "evaluatie na (maanden)", "evaluation after (months)"},
    {"from", "van zorgsoort", "from care type"},
    {"to", "naar zorgsoort", "to care type"},
    {"change", "verandering", "change"},
    {"fade_half_life", "halfwaardetijd van het uitdoven (jaren)", "half-life of the fading (years)"},
    {"fade_after_years", "uitdoven na (jaren)", "fading after (years)"},
    {"service_cost", "kosten van het voorliggend aanbod", "cost of the diverted service"},
};

static const char *input_label(char *buf, size_t n, const jz_input *in, const book *b)
{
    const char *l = b->lang == JZ_LANG_NL ? in->label_nl : in->label_en;
    if (!l)
        return "";
    const char *colon = strrchr(l, ':');
    if (!in->label_given && colon && colon[1] == ' ' &&
        (strncmp(l, "Maatregel ", 10) == 0 || strncmp(l, "Measure ", 8) == 0))
        for (size_t i = 0; i < sizeof measure_keys / sizeof measure_keys[0]; i++)
            if (strcmp(colon + 2, measure_keys[i].key) == 0) {
                snprintf(buf, n, "%.*s: %s", (int)(colon - l), l, L(b, measure_keys[i].nl, measure_keys[i].en));
                return buf;
            }
    return l;
}

/* A word value of an input in the reader's words (true, intensity, ...). */
static const char *value_words(const char *v, const book *b)
{
    static const struct {
        const char *v, *nl, *en;
    } words[] = {
        {"true", "ja", "yes"}, {"false", "nee", "no"}, {"intensity", "zorgzwaarte", "intensity"},
        {"volume", "volume", "volume"}, {"tariff", "tarief", "tariff"}, {"instroom", "instroom", "inflow"},
        {"zorgduur", "zorgduur", "duration"}, {"exit_after", "evaluatie (uitstroom na)", "evaluation (exit after)"},
        {"substitution", "vervanging door andere zorg", "substitution"},
        {"diversion", "voorliggend aanbod", "diversion"}, {"lumpsum", "lumpsum", "lumpsum"},
        {"s_curve", "S-curve", "S-curve"}, {"linear", "lineair", "linear"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(v, words[i].v) == 0)
            return L(b, words[i].nl, words[i].en);
    return v;
}

/* The index of the same input (by path) in scenario sc, or -1. */
static int find_input(const jz_scenario *sc, const char *path)
{
    for (int i = 0; path && i < sc->n_inputs; i++)
        if (sc->inputs[i].path && strcmp(sc->inputs[i].path, path) == 0)
            return i;
    return -1;
}

static int same_value(const jz_input *a, const jz_input *b)
{
    return a && b && a->value && b->value && strcmp(a->value, b->value) == 0;
}

static void inputs_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c)
{
    int S = c->n_scenarios, Y = c->n_years;
    char buf[1024];
    worksheet_write_string(ws, 0, 0, L(b, "Aannames: elke ingevoerde waarde met eenheid en bron",
                                       "Assumptions: every value set, with unit and source"), b->title);
    worksheet_write_string(ws, 1, 0,
                           L(b, "Eén regel per aanname; geldt een waarde niet voor alle scenario's, dan volgt "
                                "per afwijkende waarde een regel met de scenario's waarvoor die geldt. Een reeks "
                                "staat per jaar in de jaarkolommen; een jaar zonder waarde houdt de waarde van het "
                                "jaar ervoor (tenzij de opmerking 'lineair' zegt).",
                             "One row per assumption; where a value differs between scenarios, one row per "
                             "value follows with the scenarios it holds for. A series is shown per year in the "
                             "year columns; a year without a value keeps the value of the year before (unless "
                             "the remark says 'linear')."),
                           NULL);
    /* Aanname, Geldt voor, Eenheid, Waarde, the years, Opmerking, Bron:
     * the figures next to what they are, the long citation last */
    const int hr = 3, fixed = 4;
    const char *heads[] = {L(b, "Aanname", "Assumption"), L(b, "Geldt voor", "Holds for"),
                           L(b, "Eenheid", "Unit"), L(b, "Waarde", "Value")};
    for (int i = 0; i < fixed; i++)
        text(b, ws, hr, i, heads[i], b->head);
    for (int y = 0; y < Y; y++) {
        worksheet_write_number(ws, hr, (lxw_col_t)(fixed + y), jz_cmp_year(c, y), b->head);
        fit(b, fixed + y, 12);
    }
    text(b, ws, hr, fixed + Y, L(b, "Opmerking", "Remark"), b->head);
    text(b, ws, hr, fixed + Y + 1, L(b, "Bron", "Source"), b->head);
    int row = hr + 1;
    for (int s0 = 0; s0 < S; s0++) {
        const jz_scenario *sc0 = c->scen[s0].scenario;
        for (int i = 0; i < sc0->n_inputs; i++) {
            const jz_input *in0 = &sc0->inputs[i];
            /* listed with the first scenario that has it */
            int first = 1;
            for (int t = 0; t < s0 && first; t++)
                first = find_input(c->scen[t].scenario, in0->path) < 0;
            if (!first)
                continue;
            const jz_input *val[JZ_CMP_MAX_SCENARIOS];
            const jz_scenario *own[JZ_CMP_MAX_SCENARIOS];
            int done[JZ_CMP_MAX_SCENARIOS] = {0}, all = 1;
            for (int t = 0; t < S; t++) {
                own[t] = c->scen[t].scenario;
                int k = find_input(own[t], in0->path);
                val[t] = k >= 0 ? &own[t]->inputs[k] : NULL;
                all &= same_value(val[t], in0);
            }
            for (int t = 0; t < S; t++) {
                if (done[t] || !val[t])
                    continue;
                /* one row for every scenario with this value */
                int len = 0;
                buf[0] = '\0';
                for (int u = t; u < S; u++)
                    if (!done[u] && same_value(val[u], val[t])) {
                        done[u] = 1;
                        if (len >= 0 && (size_t)len < sizeof buf)
                            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s[%d]", len ? " " : "", u + 1);
                    }
                const jz_input *in = val[t];
                char lab[1024];
                text(b, ws, row, 0, input_label(lab, sizeof lab, in, b), NULL);
                text(b, ws, row, 1, all ? L(b, "alle scenario's", "all scenarios") : buf, NULL);
                const unit_words *uw = unit_of(in->unit);
                text(b, ws, row, 2, unit_text(in, b), NULL);
                char src[512];
                text(b, ws, row, fixed + Y + 1, cite(src, sizeof src, own[t], in, b), NULL);
                parsed pv;
                parse_value(in->value, &pv, b);
                lxw_format *f = uw && uw->percent ? b->pct_in : b->plain;
                if (pv.is_number)
                    num(b, ws, row, 3, pv.number, f, 12);
                for (int k = 0; k < pv.n_years; k++) {
                    int y = pv.year[k] - c->first_year;
                    if (y >= 0 && y < Y)
                        num(b, ws, row, fixed + y, pv.value[k], f, 12);
                }
                if (pv.remark[0])
                    text(b, ws, row, fixed + Y, value_words(pv.remark, b), NULL);
                row++;
            }
        }
    }
    widths(b, ws, fixed + Y + 2, 70);
    worksheet_freeze_panes(ws, hr + 1, 1);
    worksheet_autofilter(ws, hr, 0, (lxw_row_t)(row > hr + 1 ? row - 1 : hr + 1), (lxw_col_t)(fixed + Y + 1));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_repeat_rows(ws, hr, hr);
    worksheet_fit_to_pages(ws, 1, 0);
}

static void about_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c,
                        char sheet[][JZ_SHEET_NAME_SIZE], const char *cmp_name, const char *inputs_name)
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
    snprintf(buf, sizeof buf, "%s: %s", inputs_name,
             L(b, "elke aanname met waarde, eenheid en bron; wat alle scenario's delen één keer, de verschillen "
                  "per scenario eronder.",
               "every assumption with value, unit and source; what all scenarios share once, the differences "
               "per scenario below it."));
    worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    row++;
    worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Scenario's", "Scenarios"), b->bold);
    for (int s = 0; s < c->n_scenarios; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        snprintf(buf, sizeof buf, "[%d] %s (%d-%d), %s '%s'%s", s + 1, sc->meta.name, c->scen[s].first_year,
                 c->scen[s].last_year, L(b, "blad", "sheet"), sheet[s],
                 s == 0 ? L(b, "; referentie", "; reference") : "");
        worksheet_write_string(ws, (lxw_row_t)row++, 0, buf, NULL);
    }
    if (c->n_notes) {
        row++;
        worksheet_write_string(ws, (lxw_row_t)row++, 0, L(b, "Let op", "Notes"), b->bold);
        for (int i = 0; i < c->n_notes; i++)
            worksheet_write_string(ws, (lxw_row_t)row++, 0, jz_cmp_note_format(c, i, b->lang, buf, sizeof buf), NULL);
    }
    worksheet_set_column(ws, 0, 0, 100, b->wrap);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
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
    memset(&b, 0, sizeof b);
    b.lang = o->lang;
    /* libxlsxwriter stages the parts in temporary files, by default in /tmp
     * whatever TMPDIR says; stage them beside the workbook instead, where
     * the output goes and where its errors are the output's errors */
    char tmpdir[1024];
    const char *slash = strrchr(path, '/');
    snprintf(tmpdir, sizeof tmpdir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
    lxw_workbook_options wo = {0};
    wo.tmpdir = tmpdir;
    b.wb = workbook_new_opt(path, &wo);
    if (!b.wb)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot create the workbook");
    formats(&b);
    lxw_doc_properties props = {0};
    props.title = (char *)L(&b, "Vergelijking van jeugdzorgscenario's", "Comparison of youth care scenarios");
    props.comments = (char *)"jzsim " JZSIM_VERSION;
    workbook_set_properties(b.wb, &props);

    /* names first, so that every sheet name is known and unique */
    char sheet[JZ_CMP_MAX_SCENARIOS + 3][JZ_SHEET_NAME_SIZE];
    int n_used = 0;
    const char *cmp_name = L(&b, "Vergelijking", "Comparison");
    const char *inputs_name = L(&b, "Aannames", "Inputs");
    const char *about_name = L(&b, "Toelichting", "About");
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS], sizeof sheet[0], "%s", cmp_name);
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS + 1], sizeof sheet[0], "%s", inputs_name);
    snprintf(sheet[JZ_CMP_MAX_SCENARIOS + 2], sizeof sheet[0], "%s", about_name);
    char used[JZ_CMP_MAX_SCENARIOS + 3][JZ_SHEET_NAME_SIZE];
    for (int i = 0; i < 3; i++)
        snprintf(used[n_used++], sizeof used[0], "%s", sheet[JZ_CMP_MAX_SCENARIOS + i]);
    for (int s = 0; s < c->n_scenarios; s++) {
        /* the full "[k] name" stands in cell A1 of the sheet and in the
         * Toelichting; the tab gets a short unique name, never a name cut
         * off at Excel's 31 characters */
        char want[JZ_NAME_MAX + 16];
        snprintf(want, sizeof want, "%d %s", s + 1, c->scen[s].scenario->meta.name);
        if (jz_text_width(want) > JZ_SHEET_NAME_CHARS)
            snprintf(want, sizeof want, "Scenario %d", s + 1);
        jz_xlsx_sheet_name(sheet[s], sizeof sheet[s], want, used, n_used);
        snprintf(used[n_used++], sizeof used[0], "%s", sheet[s]);
    }

    lxw_worksheet *ws = workbook_add_worksheet(b.wb, cmp_name);
    if (ws)
        comparison_sheet(&b, ws, c, u0, u1);
    for (int s = 0; ws && s < c->n_scenarios; s++)
        if ((ws = workbook_add_worksheet(b.wb, sheet[s])))
            scenario_sheet(&b, ws, c, s, u0, u1);
    if (ws && (ws = workbook_add_worksheet(b.wb, inputs_name)))
        inputs_sheet(&b, ws, c);
    if (ws && (ws = workbook_add_worksheet(b.wb, about_name)))
        about_sheet(&b, ws, c, sheet, cmp_name, inputs_name);
    lxw_error e = workbook_close(b.wb); /* also frees the workbook */
    if (!ws)
        return jz_error_set(err, JZ_ERUNTIME, path, 0, 0, "cannot add a worksheet to the workbook");
    if (e != LXW_NO_ERROR)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot write the workbook: %s", lxw_strerror(e));
    return jz_zip_verify(path, path, err); /* libxlsxwriter misses some write errors */
}

#endif
