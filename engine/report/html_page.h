/*
 * html_page.h - the page being written by the HTML briefing and the small
 * helpers its sections share (internal; html.c writes the text sections,
 * html_charts.c the charts).
 */
#ifndef JZ_REPORT_HTML_PAGE_H
#define JZ_REPORT_HTML_PAGE_H

#include <math.h>
#include <stdio.h>

#include "jzsim/jzsim.h"
#include "report/cmp_common.h"
#include "report/svg.h"

typedef struct page {
    FILE *out;
    const jz_comparison *c;
    jz_lang lang;
    int u;  /* the unit shown */
    int ys; /* the summary year index */
    int realised; /* the last realised calendar year: the reference's base year, or
                   * the last (not provisional) year of the history */
    const struct jz_history *history; /* observed figures (--history), or NULL */
    /* run/compare --intervals: the backtest's band around the stocks of
     * the reference [1] and its run (c->stock_band; html_band.c), or NULL */
    const struct jz_band *band;
    const jz_scenario *band_s;
    const jz_result *band_r;
} page;

/* The year positions 0..Y-1 of the comparison that are realisation. */
static inline int realised_positions(const page *p)
{
    int n = p->realised - p->c->first_year + 1;
    return n < 0 ? 0 : n > p->c->n_years ? p->c->n_years : n;
}

static inline const char *L(const page *p, const char *nl, const char *en)
{
    return jz_cmp_L(p->lang, nl, en);
}

/* Text in the reader's language (no formatting: -Wformat=2 wants literal
 * formats, and these are plain text). */
static inline void T(const page *p, const char *nl, const char *en)
{
    fputs(L(p, nl, en), p->out);
}

/* The same with printf arguments; both formats are literals. */
#define TF(p, nl, en, ...) \
    ((p)->lang == JZ_LANG_NL ? fprintf((p)->out, nl, __VA_ARGS__) : fprintf((p)->out, en, __VA_ARGS__))

static inline void esc(const page *p, const char *s)
{
    jz_html_escape(p->out, s);
}

static inline void mln(const page *p, double v)
{
    char buf[96];
    esc(p, jz_cmp_fmt_mln(buf, sizeof buf, v, p->lang));
}

/* "€ 1,2 mln" without the sign, for sentences that say "hoger"/"lager". */
static inline void mln_abs(const page *p, double v)
{
    mln(p, fabs(v));
}

static inline double val(const page *p, int m, int s, int y)
{
    return jz_cmp_value(p->c, m, p->u, 0, s, y);
}

/* What the summary year is: "begrotingsjaar" when it is the reference's
 * meta.begrotingsjaar (jz_cmp_summary_year), else realisatie or prognose. */
static inline const char *ys_phase(const page *p)
{
    if (jz_cmp_summary_is_begroting(p->c))
        return L(p, "begrotingsjaar", "budget year");
    return jz_cmp_year(p->c, p->ys) <= p->realised ? L(p, "realisatie", "realised") : L(p, "prognose", "projection");
}

/* Scenario s's name as the briefing shows it, with its label beside it
 * ("Voorbeeld (bewaard)", jz_cmp_scen_name), escaped. */
static inline void esc_name(const page *p, int s)
{
    char b[JZ_CMP_SHOWN_NAME_MAX];
    esc(p, jz_cmp_scen_name(b, sizeof b, p->c, s, p->lang));
}

/* The rest of a figures table's head row: a column "[1]" .. "[n]" per
 * scenario (the legend of every chart names them), then the row's end and
 * the body's start. */
static inline void scen_heads(const page *p)
{
    for (int s = 0; s < p->c->n_scenarios; s++)
        fprintf(p->out, "<th class=\"n\">[%d]</th>", s + 1);
    fputs("</tr></thead>\n<tbody>\n", p->out);
}

/* The same after its number: "[2] Voorbeeld (bewaard)" (jz_cmp_scen_numbered). */
static inline void esc_numbered(const page *p, int s)
{
    char b[JZ_CMP_NUMBERED_NAME_MAX];
    esc(p, jz_cmp_scen_numbered(b, sizeof b, p->c, s, p->lang));
}

/* The document (html_doc.c): the date ("6 december 2026"; SOURCE_DATE_EPOCH
 * when set), the kenmerk ("JZ-1a2b3c4d": a hash of every scenario's name and
 * inputs), the printed page footer (a <style> with @page boxes), the last
 * realised year, and the accountability section with the sources. */
void jz_html_date(const page *p, char *buf, size_t n);
void jz_html_kenmerk(const page *p, char *buf, size_t n);
void jz_html_page_footer(const page *p, const char *ken, const char *date);
int jz_html_realised_year(const jz_comparison *c, const struct jz_history *h);
void jz_html_accountability(const page *p);

/* The chart sections (html_charts.c); the int ones return JZ_OK or JZ_ENOMEM. */
int jz_html_tekort_chart(const page *p, const char *id, const char *title);
void jz_html_waterfalls(const page *p);
int jz_html_cost_chart(const page *p);
int jz_html_clients_chart(const page *p);
void jz_html_tornado_section(const page *p);
/* regio_html.c: the gemeenten of the reference side by side (several gemeenten only) */
void jz_html_regio_section(const page *p);
/* The verschillenanalyse of the summary year (html_verschil.c). */
int jz_html_verschil_section(const page *p);
/* The observed figures of the history next to the projection (--history). */
int jz_html_history_section(const page *p);
/* html_band.c: the reference's stocks per zorgsoort with the backtest's
 * band (run/compare --intervals); nothing without a band or for a region
 * of several. */
int jz_html_band_section(const page *p);
/* The values of figure m per scenario and year, as a table (html.c). */
void jz_html_year_table(const page *p, int m);
/* Before the row of year index y of a year table with `cols` columns: a
 * "Realisatie" or "Prognose" heading row where that phase begins. */
void jz_html_phase_row(const page *p, int y, int cols);
/* v as figure m is shown in the tables: money in € mln with one decimal,
 * counts and prices by their kind; "–" when absent. */
char *jz_html_fmt(const page *p, int m, double v, char *buf, size_t n);

#endif
