/*
 * cmp_common.h - small pieces the comparison reporters share (internal):
 * labels in the chosen language and figures formatted the same way in the
 * table and the HTML briefing.  Nothing here computes a figure.
 */
#ifndef JZ_REPORT_CMP_COMMON_H
#define JZ_REPORT_CMP_COMMON_H

#include <stddef.h>

#include "jzsim/compare.h"
#include "report/text.h"

/* nl or en text by language. */
static inline const char *jz_cmp_L(jz_lang lang, const char *nl, const char *en)
{
    return lang == JZ_LANG_NL ? nl : en;
}

const char *jz_cmp_metric_label(int m, jz_lang lang);

/* A row of the comparison CSV (compare_csv.c), for every part that writes
 * one (the figures, the verschillenanalyse, the band): jz_cmp_csv_lead the
 * columns before metric's value (scenario_index, scenario, gemeente_code,
 * gemeente, zorgsoort (z < 0: none), year, metric), jz_cmp_csv_end those
 * after diff_rel (saved: 1 for a marked saved forecast, else 0; diff_rel_why:
 * why, jz_cmp_rel_why_key, "" on a row without a diff_rel) and the end of
 * the row. */
struct jz_csvw;
void jz_cmp_csv_lead(struct jz_csvw *k, const jz_comparison *c, int s, int u, int z, int y, const char *metric);
void jz_cmp_csv_end(struct jz_csvw *k, const jz_comparison *c, int s, const char *why);

/* Room for a scenario's name as the reports show it (jz_cmp_scen_name). */
#define JZ_CMP_SHOWN_NAME_MAX (JZ_NAME_MAX + 16)
/* The label reports show beside scenario s's name: " (bewaard)" / " (saved)"
 * for a marked saved forecast (jz_cmp_scenario.saved), else "". */
const char *jz_cmp_scen_label(const jz_comparison *c, int s, jz_lang lang);
/* Scenario s's name with its label, as every table, briefing and workbook
 * shows it ("Voorbeeld (bewaard)"), into buf (JZ_CMP_SHOWN_NAME_MAX keeps
 * both whole); returns buf.  The CSV and JSON keep the name and give the
 * label as a field of its own. */
char *jz_cmp_scen_name(char *buf, size_t size, const jz_comparison *c, int s, jz_lang lang);
/* Room for "[32] " before that name (jz_cmp_scen_numbered). */
#define JZ_CMP_NUMBERED_NAME_MAX (JZ_CMP_SHOWN_NAME_MAX + 8)
/* "[2] Voorbeeld (bewaard)": scenario s's number in the comparison (1 is the
 * reference) and its name with its label (jz_cmp_scen_name), as every
 * table, briefing and workbook names a scenario in a heading, a caption or
 * a legend; into buf (JZ_CMP_NUMBERED_NAME_MAX keeps it whole); returns buf. */
char *jz_cmp_scen_numbered(char *buf, size_t size, const jz_comparison *c, int s, jz_lang lang);

/* The value formatted by the metric's kind ("€ 1.234.567", "1.234", ...);
 * "-" when absent (NaN). */
char *jz_cmp_fmt_value(char *buf, size_t n, int m, double v, jz_lang lang);
/* A signed difference: nl "€ +1.234" / "€ -1.234" (the sign where
 * jz_format_money puts it: "€ -1.234"), en "+€1,234" / "-€1,234" (money);
 * "+12" (counts); "-" when absent. */
char *jz_cmp_fmt_diff(char *buf, size_t n, int m, double d, jz_lang lang);
/* A relative difference as a signed percentage with one decimal:
 * "+12,5%"; "-" when absent. */
char *jz_cmp_fmt_rel(char *buf, size_t n, double rel, jz_lang lang);
/* Money in millions with one decimal: "€ 12,3 mln" / "€12.3 mln";
 * negative "€ -7,2 mln" / "-€7.2 mln" (the sign where jz_format_money puts it). */
char *jz_cmp_fmt_mln(char *buf, size_t n, double v, jz_lang lang);
/* The same for a difference, with a plus when positive: "€ +1,2 mln" /
 * "+€1.2 mln"; no sign when it rounds to 0. */
char *jz_cmp_fmt_mln_diff(char *buf, size_t n, double d, jz_lang lang);

/* Does metric m have a non-zero value anywhere in unit u?  Used to leave out
 * sections that are empty for every scenario (no measures, no bands). */
int jz_cmp_metric_any(const jz_comparison *c, int m, int u);
/* 0 for a figure a comparison leaves out: the verevening when no scenario
 * has one (so that the outputs of other comparisons stay as they were). */
int jz_cmp_metric_shown(const jz_comparison *c, int m);
/* Does metric m have a value (present, maybe 0) anywhere in unit u? */
int jz_cmp_metric_present(const jz_comparison *c, int m, int u);
/* The comparison metrics of the lines outside the zorgsoorten, in the order
 * of JZ_RESULT_COST_BEYOND_CARE_LINES (jzsim/model.h), into m: what the
 * reports stack on the zorgsoorten to reach the cost.  Which of them a
 * report shows is its own choice. */
void jz_cmp_beyond_care_metrics(int m[JZ_RESULT_N_COST_BEYOND_CARE]);

/* "2027 (begroting)" / "2027 (budget year)", "2030 (prognose)", "2022
 * (realisatie)": the summary year as the reports name it. */
char *jz_cmp_summary_year_name(const jz_comparison *c, jz_lang lang, char *buf, size_t n);

/* ---- the verschillenanalyse (jzsim/verschil.h) ----
 * Its columns, in the order every report shows them; their names are rows
 * of the one figure table (metrics.c, keys "verschil", "verschil_prijs",
 * ...).  The figures are the comparison's (jz_cmp_verschil). */
enum { JZ_VS_DIFF, JZ_VS_PRICE, JZ_VS_VOLUME, JZ_VS_OTHER, JZ_VS_N };
extern const char *const jz_vs_keys[JZ_VS_N];
/* The full name of column part, or its short column heading. */
const char *jz_vs_label(int part, jz_lang lang);
const char *jz_vs_column(int part, jz_lang lang);
/* The name of the line of cost in no zorgsoort (z = JZ_VERSCHIL_LINES). */
const char *jz_vs_lines_label(jz_lang lang);
/* Field `part` of v (no arithmetic: a selection). */
double jz_vs_part(const struct jz_verschil *v, int part);
/* Is there a non-zero difference of this kind for unit u anywhere? */
int jz_vs_any(const jz_comparison *c, int kind, int u);

/* The last realised year of the comparison as a calendar year: the
 * reference's base year (its figures are realisatie, later years prognose).
 * Tables and the workbook mark years up to it as realisatie. */
static inline int jz_cmp_realised_year(const jz_comparison *c) { return c->scen[0].first_year; }

/* Display width of a UTF-8 string (characters, not bytes); jz_text_width
 * under the name the tests use. */
static inline int jz_cmp_utf8_width(const char *s) { return jz_text_width(s); }

/* Excel sheet names: at most 31 characters; room for them in UTF-8. */
#define JZ_SHEET_NAME_CHARS 31
#define JZ_SHEET_NAME_SIZE (4 * JZ_SHEET_NAME_CHARS + 1)
/* A valid, unique sheet name for `want`: []:*?/\ and control characters
 * become spaces, no leading or trailing apostrophe, at most 31 characters
 * (UTF-16 units, as Excel counts; a longer name keeps its first whole
 * words and its last word around "…": "3 Hervormingsagenda…zeker"; a last
 * word over half of that is left out), different (ignoring case, as Excel does, for ASCII and
 * the Latin-1 letters) from the n_used names in used and from "History"
 * (reserved by Excel): a clash gets " (2)", " (3)", ... */
void jz_xlsx_sheet_name(char *out, size_t n, const char *want, char used[][JZ_SHEET_NAME_SIZE],
                        int n_used);
/* The length of t as Excel counts a sheet name: UTF-16 units (an emoji is
 * two). */
int jz_xlsx_sheet_units(const char *t);
/* The length of the words at the start that all n (>= 2) names share,
 * up to and with a space ("Enschede, " of "Enschede, basis" and "Enschede,
 * Hervormingsagenda"), never a whole name; 0 when none. */
size_t jz_xlsx_shared_start(const char *const *names, int n);

#endif
