/*
 * tornado.c - the one-way sensitivity as a tornado chart: an inline SVG
 * (jz_svg_tornado, for any page) and a small self-contained HTML page
 * (jz_rep_sensitivity_html).  Uses the axis and escaping helpers of
 * svg.h; no scripts, fonts or images, prints on A4.
 *
 * Each input is one row: a bar from the tekort at the point values to the
 * tekort with the input at its low end (light) and to its high end (dark);
 * the widest bar on top.  Each row is named by the input's human label
 * (jz_input_label), never its YAML path; labels come from the
 * scenario and are escaped.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/jzsim.h"
#include "jzsim/sensitivity.h"
#include "report/svg.h"
#include "report/text.h"
#include "report/unc_common.h"

#define C_LOW "#d08c2b"
#define C_HIGH "#1f3a68"

void jz_svg_tornado(FILE *out, const jz_sensitivity *t, int max_bars, jz_lang lang)
{
    int nl = lang == JZ_LANG_NL;
    int n = t->n_bars < max_bars ? t->n_bars : max_bars;
    const double scale = 1e6; /* € mln */
    char lab[512];
    double lo = t->base, hi = t->base;
    for (int i = 0; i < n; i++) {
        lo = fmin(lo, fmin(t->bars[i].at_low, t->bars[i].at_high));
        hi = fmax(hi, fmax(t->bars[i].at_low, t->bars[i].at_high));
    }
    jz_axis ax;
    jz_svg_nice_axis(&ax, lo / scale, hi / scale, 6);
    /* a label takes up to three lines of LABEL_CH characters, broken
     * between words (never cut mid-word); the rows are as tall as the
     * longest label needs */
    enum { LABEL_CH = 46, LABEL_LINES = 3 };
    int lines = 1;
    for (int i = 0; i < n; i++) {
        int k = jz_svg_label_lines(jz_unc_input_label(t->scenario, t->bars[i].path, lang, lab, sizeof lab), LABEL_CH,
                                   LABEL_LINES);
        lines = k > lines ? k : lines;
    }
    const int W = 760, left = 300, right = 730, top = 40, row = 26 + (int)((lines - 1) * JZ_SVG_LINE_H + 0.5);
    int H = top + (n > 0 ? n : 1) * row + 50;
    double span = ax.hi - ax.lo > 0 ? ax.hi - ax.lo : 1.0;
#define X(v) (left + ((v) / scale - ax.lo) / span * (right - left))
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-tornado\" viewBox=\"0 0 %d %d\" "
                 "role=\"img\" style=\"max-width:100%%;height:auto\" font-family=\"sans-serif\" font-size=\"12\">\n",
            W, H);
    fprintf(out, "<title>%s %d</title>\n", nl ? "Gevoeligheid van het tekort in" : "Sensitivity of the deficit in",
            t->year);
    /* legend */
    fprintf(out, "<rect x=\"%d\" y=\"10\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"20\">%s</text>\n",
            left, C_LOW, left + 16, nl ? "invoer laag (P5 of ondergrens)" : "input low (P5 or low end)");
    fprintf(out, "<rect x=\"%d\" y=\"10\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"20\">%s</text>\n",
            left + 225, C_HIGH, left + 241, nl ? "invoer hoog (P95 of bovengrens)" : "input high (P95 or high end)");
    /* grid and ticks */
    char buf[96];
    for (double v = ax.lo; v <= ax.hi + 1e-9 * span; v += ax.step) {
        double x = left + (v - ax.lo) / span * (right - left);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, top - 4, x,
                top + n * row);
        jz_format_number(buf, sizeof buf, v, ax.decimals, lang);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, top + n * row + 16, buf);
    }
    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s %d (€ mln)</text>\n", (left + right) / 2,
            top + n * row + 36, nl ? "tekort" : "deficit", t->year);
    for (int i = 0; i < n; i++) {
        const jz_tornado_bar *b = &t->bars[i];
        int y = top + i * row;
        double xb = X(t->base), xl = X(b->at_low), xh = X(b->at_high);
        fprintf(out, "<g data-input=\"");
        jz_html_escape(out, b->path);
        fprintf(out, "\">");
        /* the label's lines centred on its bar; the whole label is its <title> */
        const char *name = jz_unc_input_label(t->scenario, b->path, lang, lab, sizeof lab);
        jz_svg_label_centred(out, left - 8, y + row / 2.0, "end", NULL, name, LABEL_CH, LABEL_LINES);
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", fmin(xb, xl), y + 4,
                fabs(xl - xb), row - 8, C_LOW);
        fprintf(out, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/></g>\n", fmin(xb, xh),
                y + 4, fabs(xh - xb), row - 8, C_HIGH);
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-width=\"1.5\"/>\n",
            X(t->base), top - 4, X(t->base), top + n * row);
#undef X
    fprintf(out, "</svg>\n");
}

void jz_tornado_rows(FILE *out, const jz_sensitivity *t, int n, jz_lang lang, const char *cell, int mln)
{
    char v[96], lab[512];
    for (int i = 0; i < n; i++) {
        const jz_tornado_bar *x = &t->bars[i];
        const double at[2] = {x->at_low, x->at_high};
        fputs("<tr><td>", out);
        jz_html_escape(out, jz_unc_input_label(t->scenario, x->path, lang, lab, sizeof lab));
        fprintf(out, "</td>%s", cell);
        jz_html_escape(out, jz_unc_fmt_value(v, sizeof v, x->unit, x->low, lang));
        fprintf(out, "</td>%s", cell);
        jz_html_escape(out, jz_unc_fmt_value(v, sizeof v, x->unit, x->high, lang));
        for (int k = 0; k < 2; k++) {
            fprintf(out, "</td>%s", cell);
            jz_html_escape(out, mln ? jz_format_number(v, sizeof v, at[k] / 1e6, 1, lang)
                                    : jz_format_money(v, sizeof v, at[k], lang));
        }
        fputs("</td></tr>\n", out);
    }
}

int jz_rep_sensitivity_html(FILE *out, const jz_report_subject *subj, const jz_report_options *o, jz_error *err)
{
    const jz_sensitivity *t = subj->sensitivity;
    const jz_breakeven *be = subj->breakeven;
    jz_lang lang = o->lang;
    int nl = lang == JZ_LANG_NL;
    const jz_scenario *s = t->scenario;
    char a[96];
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n<title>", nl ? "nl" : "en");
    jz_html_escape(out, nl ? "Gevoeligheid: " : "Sensitivity: ");
    jz_html_escape(out, s->meta.name);
    fprintf(out, "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#1a1a1a}"
                 "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ccc;"
                 "text-align:right}td:first-child,th:first-child{text-align:left}"
                 "@media print{body{margin:1cm}}</style>\n</head><body>\n<h1>");
    jz_html_escape(out, nl ? "Welke aannames tellen: " : "Which assumptions matter: ");
    jz_html_escape(out, s->meta.name);
    fprintf(out, "</h1>\n<p>");
    jz_html_escape(out, jz_unc_unit_name(s, t->g, lang));
    fprintf(out, nl ? ". Het tekort in %d is %s bij de puntwaarden. Elke balk zet één aanname op zijn lage en hoge "
                      "waarde (P5 en P95 van een verdeling), de rest blijft gelijk; de langste balk bovenaan.</p>\n"
                    : ". The deficit in %d is %s at the point values. Each bar moves one assumption to its low and "
                      "high value (P5 and P95 of a distribution), the rest stays; the longest bar on top.</p>\n",
            t->year, jz_format_money(a, sizeof a, t->base, lang));
    jz_svg_tornado(out, t, 15, lang);
    fprintf(out, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
            nl ? "aanname" : "assumption", nl ? "laag" : "low", nl ? "hoog" : "high",
            nl ? "tekort laag" : "deficit low", nl ? "tekort hoog" : "deficit high");
    jz_tornado_rows(out, t, t->n_bars, lang, "<td>", 0);
    fprintf(out, "</table>\n");
    if (be) {
        char text[1024];
        fprintf(out, "<h2>Break-even</h2>\n<p>");
        jz_html_escape(out, jz_unc_breakeven_text(text, sizeof text, s, be, lang));
        fprintf(out, "</p>\n");
    }
    fprintf(out, "<p><small>jzsim %s; %s</small></p>\n</body></html>\n", JZSIM_VERSION,
            nl ? "methode: één aanname tegelijk naar de rand van haar bandbreedte (documentatie: onzekerheid)"
                                                 : "method: one assumption at a time to the end of its range (documentation: uncertainty)");
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the report");
    return JZ_OK;
}
