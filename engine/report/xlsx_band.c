/*
 * xlsx_band.c - the workbook's sheet "Bandbreedte" (run and compare
 * --intervals): the backtest's band around the reference's clients in care
 * at the end of the year, one row per gemeente x zorgsoort (and the
 * gemeente total) x year with the lower bound, the stock and the upper
 * bound (the order of jz_cmp_stock_band).
 * The band is computed in engine/analysis/intervals.c and read with
 * jz_cmp_stock_band; nothing is computed here.
 */
#include <stdio.h>

#include "report/reporters.h"
#include "jzsim/intervals.h"
#include "jzsim/jzsim.h"

#ifdef JZ_HAVE_XLSXWRITER

#include "report/xlsx_book.h"

int jz_xlsx_band_wanted(const jz_comparison *c, int u0, int u1)
{
    for (int u = u0; c->stock_band && u < u1; u++)
        if (jz_cmp_stock_band_any(c, u))
            return 1;
    return 0;
}

void jz_xlsx_band_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int u0, int u1)
{
    const jz_band *band = c->stock_band;
    char buf[JZ_CMP_NUMBERED_NAME_MAX + 256], name[JZ_CMP_NUMBERED_NAME_MAX];
    snprintf(buf, sizeof buf, "%s %.0f%% %s: %s",
             L(b, "Cliënten in zorg op 31 december, bandbreedte", "Clients in care on 31 December,"),
             100.0 * band->level, L(b, "uit de backtest", "band from the backtest"),
             jz_cmp_scen_numbered(name, sizeof name, c, 0, b->lang));
    text(b, ws, 0, 0, buf, b->title);
    if (b->lang == JZ_LANG_NL)
        snprintf(buf, sizeof buf, "Waargenomen t/m %d. Onder = stand x (1 + q_lo), boven = stand x (1 + q_hi), met q "
                                  "de fout die de backtest op die horizon mat; \"buiten tabel\": verder vooruit dan de "
                                  "backtest toetste.", band->last_year);
    else
        snprintf(buf, sizeof buf, "Observed up to %d. Lower = stock x (1 + q_lo), upper = stock x (1 + q_hi), q the "
                                  "error the backtest measured at that horizon; \"beyond table\": further ahead than "
                                  "the backtest scored.", band->last_year);
    worksheet_write_string(ws, 1, 0, buf, NULL);
    int row = 3;
    const char *head[] = {L(b, "Code", "Code"), L(b, "Gemeente", "Gemeente"), L(b, "Zorgsoort", "Care type"),
                          L(b, "Jaar", "Year"), L(b, "Onder", "Lower"),
                          L(b, "Stand eind jaar", "Stock at year end"), L(b, "Boven", "Upper"), L(b, "Opmerking", "Remark")};
    for (int k = 0; k < 8; k++)
        text(b, ws, row, k, head[k], b->head);
    row++;
    for (int u = u0; u < u1; u++)
        for (int z = 0; z <= c->n_zorgsoorten; z++) {
            int zz = z < c->n_zorgsoorten ? z : -1;
            for (int y = 0; y < c->n_years; y++) {
                double v[3];
                int k = jz_cmp_stock_band(c, u, zz, y, v);
                if (!k)
                    continue;
                text(b, ws, row, 0, c->units[u].code, NULL);
                text(b, ws, row, 1, c->units[u].name, NULL);
                text(b, ws, row, 2, zz >= 0 ? c->zs[zz].name : L(b, "Totaal", "Total"), zz < 0 ? b->bold : NULL);
                worksheet_write_number(ws, (lxw_row_t)row, 3, jz_cmp_year(c, y), NULL);
                for (int i = 0; i < 3; i++)
                    num(b, ws, row, 4 + i, v[i], b->count, 14);
                if (k == 2)
                    text(b, ws, row, 7, L(b, "buiten tabel", "beyond table"), NULL);
                row++;
            }
        }
    worksheet_autofilter(ws, 3, 0, (lxw_row_t)(row > 4 ? row - 1 : 4), 7);
    worksheet_freeze_panes(ws, 4, 0);
    widths(b, ws, 8, 40);
}

#endif
