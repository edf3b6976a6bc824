/*
 * xlsx_regio.c - the workbook's sheet "Gemeenten" (issue 16 §3): for a
 * reference scenario with several gemeenten, the gemeenten side by side per
 * year in one sheet: a row per indicator and gemeente (and the region), a
 * column per year.  The indicators are the figures of the reference result
 * that the table and the briefing show (jz_regio_compare_metrics and, with
 * a verevening, jz_regio_metrics, with a lumpsum contract,
 * jz_contract_metrics); nothing is computed here.  A figure that is not
 * given (NaN) is the text "n.b.", never an empty cell that sums as 0.
 */
#include <math.h>
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/jzsim.h"

#ifdef JZ_HAVE_XLSXWRITER

#include "report/xlsx_book.h"

int jz_xlsx_regio_wanted(const jz_comparison *c)
{
    return c->scen[0].result->n_gemeenten > 1;
}

static int rows(book *b, lxw_worksheet *ws, const jz_scenario *s, const jz_result *r, const jz_metric *m, int row)
{
    int G = r->n_gemeenten, share = m->kind == JZ_KIND_YEARS;
    const double *a = jz_metric_array(r, m);
    for (int g = 0; g <= G; g++, row++) {
        text(b, ws, row, 0, jz_metric_label(m, b->lang), g == G ? b->bold : NULL);
        text(b, ws, row, 1, g < G ? s->gemeenten[g].code : "TOTAL", NULL);
        text(b, ws, row, 2, g < G ? s->gemeenten[g].name : L(b, "Regio", "Region"), g == G ? b->bold : NULL);
        for (int y = 0; y < r->horizon; y++) {
            double v = a[jz_result_gy(r, g, y)];
            if (!isfinite(v)) /* not given (a gemeente without inhabitants): n.b., never 0 */
                text(b, ws, row, 3 + y, L(b, "n.b.", "n/a"), NULL);
            else
                num(b, ws, row, 3 + y, v, share ? b->pct_in : m->kind == JZ_KIND_COUNT ? b->count : b->money, 14);
        }
    }
    return row;
}

void jz_xlsx_regio_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c)
{
    const jz_scenario *s = c->scen[0].scenario;
    const jz_result *r = c->scen[0].result;
    char buf[JZ_CMP_SHOWN_NAME_MAX + 64], name[JZ_CMP_SHOWN_NAME_MAX];
    snprintf(buf, sizeof buf, "%s: %s", L(b, "Gemeenten naast elkaar", "Gemeenten side by side"),
             jz_cmp_scen_name(name, sizeof name, c, 0, b->lang));
    text(b, ws, 0, 0, buf, b->title);
    int row = 2;
    text(b, ws, row, 0, L(b, "Indicator", "Indicator"), b->head);
    text(b, ws, row, 1, L(b, "Code", "Code"), b->head);
    text(b, ws, row, 2, L(b, "Gemeente", "Gemeente"), b->head);
    for (int y = 0; y < r->horizon; y++) {
        snprintf(buf, sizeof buf, "%d", r->base_year + y);
        text(b, ws, row, 3 + y, buf, y == 0 ? b->realised : b->head);
    }
    row++;
    for (const jz_metric *m = jz_regio_compare_metrics; m->key; m++)
        row = rows(b, ws, s, r, m, row);
    for (const jz_metric *m = jz_regio_metrics; jz_regio_metrics_shown(s) && m->key; m++)
        row = rows(b, ws, s, r, m, row);
    for (const jz_metric *m = jz_contract_metrics; jz_contract_metrics_shown(s) && m->key; m++)
        row = rows(b, ws, s, r, m, row);
    worksheet_freeze_panes(ws, 3, 3);
    widths(b, ws, 3 + r->horizon, 60);
}

#endif
