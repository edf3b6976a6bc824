/*
 * xlsx_verschil.c - the Verschillenanalyse sheet of the workbook: the cost
 * difference per zorgsoort split into price, volume and other, against the
 * reference [1] and against the previous year, every year.
 *
 * One row per gemeente x kind x scenario x year x line (the zorgsoorten,
 * the cost in no zorgsoort, the total), with an autofilter; the lines of
 * one block add up to its total row, and in every row price + volume +
 * other = verschil.  The figures are the comparison's (jz_cmp_verschil,
 * computed in engine/analysis/verschil.c); this file only places them.
 */
#ifdef JZ_HAVE_XLSXWRITER

#include <stdio.h>
#include <string.h>

#include "jzsim/verschil.h"
#include "report/xlsx_book.h"

static const char *unit_label(const book *b, const jz_cmp_unit *u)
{
    return u->is_total ? L(b, "Totaal", "Total") : u->name;
}

void jz_xlsx_verschil_sheet(book *b, lxw_worksheet *ws, const jz_comparison *c, int u0, int u1)
{
    char buf[JZ_NAME_MAX + 160], yname[64], scen[JZ_CMP_NUMBERED_NAME_MAX];
    int S = c->n_scenarios, Z = c->n_zorgsoorten;
    worksheet_write_string(ws, 0, 0, L(b, "Verschillenanalyse: verschil in kosten verklaard als prijs, volume en overig",
                                       "Variance analysis: the difference in cost explained as price, volume and other"),
                           b->title);
    worksheet_write_string(ws, 1, 0,
                           L(b, "Prijs = verschil in prijs per cliëntjaar x gemiddeld aantal cliëntjaren; volume = verschil "
                                "in cliëntjaren x gemiddelde prijs; overig = de rest (externe verschuivingen, besparingen, "
                                "vaste lasten, investeringen). Verschil = prijs + volume + overig; de zorgsoorten en de regel "
                                "buiten de zorgsoorten tellen op tot het totaal. Bedragen in euro's van dat jaar.",
                             "Price = difference in price per client-year x mean client-years; volume = difference in "
                             "client-years x mean price; other = the rest (external shifts, savings, fixed cost, "
                             "investments). Difference = price + volume + other; the care types and the line outside "
                             "the care types add up to the total. Amounts in euros of that year."),
                           NULL);
    jz_cmp_summary_year_name(c, b->lang, yname, sizeof yname);
    snprintf(buf, sizeof buf, "%s %s", L(b, "Samenvattingsjaar van de rapportage:", "Summary year of the report:"), yname);
    worksheet_write_string(ws, 2, 0, buf, NULL);
    const int hr = 4, fixed = 6;
    const char *heads[fixed + JZ_VS_N];
    heads[0] = L(b, "Gemeente", "Gemeente");
    heads[1] = L(b, "CBS-code", "CBS code");
    heads[2] = L(b, "Vergeleken met", "Compared with");
    heads[3] = L(b, "Scenario", "Scenario");
    heads[4] = L(b, "Jaar", "Year");
    heads[5] = L(b, "Zorgsoort", "Care type");
    for (int k = 0; k < JZ_VS_N; k++)
        heads[fixed + k] = jz_vs_label(k, b->lang);
    for (int i = 0; i < fixed + JZ_VS_N; i++)
        text(b, ws, hr, i, heads[i], b->head);
    int row = hr + 1;
    for (int u = u0; u < u1; u++)
        for (int kind = 0; kind < JZ_VERSCHIL_N_KINDS; kind++)
            for (int s = 0; s < S; s++)
                for (int y = 0; y < c->n_years; y++) {
                    jz_verschil v;
                    if (!jz_cmp_verschil(c, kind, u, JZ_VERSCHIL_ALL, s, y, &v))
                        continue;
                    if (kind == JZ_VERSCHIL_REFERENCE)
                        jz_cmp_scen_numbered(buf, sizeof buf, c, 0, b->lang);
                    else
                        snprintf(buf, sizeof buf, "%s %d", L(b, "vorig jaar,", "previous year,"), jz_cmp_year(c, y) - 1);
                    jz_cmp_scen_numbered(scen, sizeof scen, c, s, b->lang);
                    for (int r = 0; r <= Z + 1; r++, row++) {
                        int z = r < Z ? r : r == Z ? JZ_VERSCHIL_LINES : JZ_VERSCHIL_ALL;
                        jz_cmp_verschil(c, kind, u, z, s, y, &v);
                        lxw_format *f = z == JZ_VERSCHIL_ALL ? b->bold : NULL;
                        text(b, ws, row, 0, unit_label(b, &c->units[u]), f);
                        text(b, ws, row, 1, c->units[u].code, f);
                        text(b, ws, row, 2, buf, f);
                        text(b, ws, row, 3, scen, f);
                        worksheet_write_number(ws, (lxw_row_t)row, 4, jz_cmp_year(c, y), f);
                        text(b, ws, row, 5,
                             z >= 0 ? c->zs[z].name : z == JZ_VERSCHIL_LINES ? jz_vs_lines_label(b->lang)
                                                                             : L(b, "Totaal", "Total"),
                             f);
                        for (int k = 0; k < JZ_VS_N; k++)
                            num(b, ws, row, fixed + k, jz_vs_part(&v, k), b->dmoney, 15);
                    }
                }
    widths(b, ws, fixed + JZ_VS_N, 40);
    worksheet_freeze_panes(ws, hr + 1, fixed);
    worksheet_autofilter(ws, hr, 0, (lxw_row_t)(row > hr + 1 ? row - 1 : hr + 1), (lxw_col_t)(fixed + JZ_VS_N - 1));
    worksheet_repeat_rows(ws, hr, hr);
    print_a4(ws, 1);
}

#endif
