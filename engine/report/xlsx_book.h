/*
 * xlsx_book.h - the workbook being written and the small cell helpers that
 * the sheets of xlsx.c (comparison, scenarios, Toelichting),
 * xlsx_inputs.c (Aannames) and the workbook of jzsim prognose
 * (xlsx_prognose.c) share.  Internal to engine/report; only built
 * with libxlsxwriter.
 */
#ifndef JZ_REPORT_XLSX_BOOK_H
#define JZ_REPORT_XLSX_BOOK_H

#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "jzsim/jzsim.h"
#include "report/cmp_common.h"
#include "report/text.h"

#define MAX_COLS 64
#define XLSX_MAX_ROWS 1048576

typedef struct book {
    lxw_workbook *wb;
    jz_lang lang;
    lxw_format *title, *bold, *head, *headwrap, *wrap;
    lxw_format *money, *count, *years, *dmoney, *dcount, *dyears, *pct;
    lxw_format *pct_in, *plain, *realised; /* inputs: a share, a plain number; a realised year */
    /* each number format with the decimals it shows (formats() in xlsx.c,
     * from one table): what the presentation rule for zero rounds at */
    struct {
        const lxw_format *f;
        int decimals;
    } shown[10];
    int n_shown;
    /* column widths: the widest text seen per column of the current sheet */
    double width[MAX_COLS];
} book;

static inline const char *L(const book *b, const char *nl, const char *en)
{
    return jz_cmp_L(b->lang, nl, en);
}

static inline void fit(book *b, int col, double w)
{
    if (col < MAX_COLS && w > b->width[col])
        b->width[col] = w;
}

static inline void text(book *b, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f);
    fit(b, col, jz_text_width(s) * (f == b->head || f == b->bold ? 1.15 : 1.0) + 2);
}

/* The decimals the number format f shows, or -1 for a format that shows
 * the value as it is. */
static inline int shown_decimals(const book *b, const lxw_format *f)
{
    for (int i = 0; i < b->n_shown; i++)
        if (b->shown[i].f == f)
            return b->shown[i].decimals;
    return -1;
}

/* A figure in a cell: by the presentation rule of every reporter
 * (jz_format_shown, docs/output-format.md), a value that rounds to 0 at the
 * decimals its format shows is written as 0, so that Excel shows "€ 0",
 * never "€ -0" or "€ +0" (a rounding residue such as -1.5e-8). */
static inline void num(book *b, lxw_worksheet *ws, int row, int col, double v, lxw_format *f, double w)
{
    if (isnan(v) || isinf(v))
        return; /* absent: an empty cell */
    int d = shown_decimals(b, f);
    if (d >= 0)
        v = jz_format_shown(v, d);
    worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
    fit(b, col, w);
}

/* A figure that is a sum or difference of cells on the sheet: the formula
 * (e.g. "=SUM(B5:B14)", "=C5-B5"), so that a reader sees the derivation,
 * with v, the analysis' own figure, as its cached value (what Excel shows
 * before it recalculates, and what a reader that does not calculate reads);
 * the same presentation rule for zero as num().  NaN or inf: an empty cell,
 * no formula. */
static inline void formula(book *b, lxw_worksheet *ws, int row, int col, const char *f, double v, lxw_format *fmt,
                           double w)
{
    if (isnan(v) || isinf(v))
        return;
    int d = shown_decimals(b, fmt);
    if (d >= 0)
        v = jz_format_shown(v, d);
    worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, f, fmt, v);
    fit(b, col, w);
}

/* How every sheet prints: on A4, one page wide and as many tall as it
 * takes; landscape for a table wider than it is long. */
static inline void print_a4(lxw_worksheet *ws, int landscape)
{
    if (landscape)
        worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
}

static inline void widths(book *b, lxw_worksheet *ws, int ncols, double max)
{
    for (int c = 0; c < ncols && c < MAX_COLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                             b->width[c] < 6 ? 6 : b->width[c] > max ? max : b->width[c], NULL);
    memset(b->width, 0, sizeof b->width);
}

/* The workbook at path (the temporary file of a jz_outfile) with the
 * formats every sheet uses and the title in its properties; its parts are
 * staged beside it.  JZ_OK, or JZ_EIO when it cannot be created. */
int jz_xlsx_open(book *b, const char *path, jz_lang lang, const char *title, jz_error *err);
/* Write and free the workbook of jz_xlsx_open, then check the file (sheets_ok
 * 0: a worksheet could not be added, JZ_ERUNTIME).  JZ_OK or the error. */
int jz_xlsx_close(book *b, const char *path, int sheets_ok, jz_error *err);

/* The Aannames sheet: every assumption as a controller reads it
 * (xlsx_inputs.c). */
void jz_xlsx_inputs_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c);
/* The Verschillenanalyse sheet: price, volume and other per zorgsoort, units
 * u0..u1-1 (xlsx_verschil.c). */
void jz_xlsx_verschil_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int u0, int u1);

/* The Gemeenten sheet: the reference's gemeenten side by side
 * (xlsx_regio.c), when it has more than one gemeente. */
int jz_xlsx_regio_wanted(const jz_comparison *c);
void jz_xlsx_regio_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c);

/* The Bandbreedte sheet: the backtest's band around the reference's stocks
 * (xlsx_band.c), when the comparison has one for a unit u0..u1-1. */
int jz_xlsx_band_wanted(const jz_comparison *c, int u0, int u1);
void jz_xlsx_band_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int u0, int u1);

#endif
