/*
 * prognose_report.h - the words of `jzsim prognose` that its reporters share
 * (prognose_report.c: table, CSV, JSON; xlsx_prognose.c: the workbook): one
 * name per row and heading per language.  Internal to engine/report.
 */
#ifndef JZ_REPORT_PROGNOSE_REPORT_H
#define JZ_REPORT_PROGNOSE_REPORT_H

#include <stddef.h>

#include "jzsim/jzsim.h"
#include "jzsim/prognose.h"

/* The row of the zorgsoorten's subtotal ("Subtotaal zorgsoorten") and of the
 * whole cost ("Totaal"). */
const char *jz_prognose_subtotal_name(jz_lang lang);
const char *jz_prognose_cost_name(jz_lang lang);
/* Line i of the cost outside the zorgsoorten (JZ_RESULT_COST_BEYOND_CARE_LINES
 * order), named as every report names that figure. */
const char *jz_prognose_line_name(size_t i, jz_lang lang);
/* 1 when the table and the workbook show line i: the vaste lasten always (0
 * says the scenario has none), the others when they are not 0. */
int jz_prognose_line_shown(const jz_prognose *p, size_t i);

/* A row's five figures against the begroting, in the order of the
 * JZ_PROGNOSE_HEAD_BUDGET columns (Begroting, Prognose jaar, Verschil, Band
 * laag, Band hoog; NaN for none): zorgsoort i, the subtotal, line i outside
 * the zorgsoorten (no band), the whole cost (JZ_PROGNOSE_BUDGET), or row i of
 * p->taakvelden (JZ_PROGNOSE_TAAKVELD).  The table and the workbook write
 * the same rows from it. */
typedef enum {
    JZ_PROGNOSE_ROW_ZORGSOORT,
    JZ_PROGNOSE_ROW_SUBTOTAL,
    JZ_PROGNOSE_ROW_LINE,
    JZ_PROGNOSE_ROW_TOTAL,
    JZ_PROGNOSE_ROW_TAAKVELD
} jz_prognose_row;
void jz_prognose_budget_figures(const jz_prognose *p, jz_prognose_row r, int i, double v[5]);

/* The five figure columns' headings, i 0..4: the forecast (Gerealiseerd,
 * Scenario jaar, Prognose jaar, Band laag, Band hoog) and against the
 * begroting (Begroting, Prognose jaar, Verschil, Band laag, Band hoog). */
typedef enum { JZ_PROGNOSE_HEAD_MONEY, JZ_PROGNOSE_HEAD_BUDGET } jz_prognose_head_table;
const char *jz_prognose_head(jz_prognose_head_table t, int i, jz_lang lang);
/* The titles of the tables against the begroting, per zorgsoort and per
 * taakveld. */
const char *jz_prognose_budget_title(jz_lang lang);
const char *jz_prognose_taakveld_title(jz_lang lang);
/* "Prognose 2025: Voorbeeldrecht (GM9998), 6 maanden gerealiseerd, band 80%"
 * into buf; returns buf. */
char *jz_prognose_title(char *buf, size_t n, const jz_prognose *p, const jz_scenario *s, jz_lang lang);

#endif
