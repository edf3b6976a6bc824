/*
 * svg.h - small inline-SVG charts for the HTML briefing (internal).
 *
 * Each function writes one <svg> element, self-contained (no scripts, no
 * external fonts or images), scaled by its viewBox so that it fits the page
 * on screen and on A4.  Values are divided by chart->scale for the axis
 * (1e6: "€ mln"); axis numbers use jz_format_number in the chart's language.
 * Colours are picked so that the series stay apart when printed in grey:
 * lines differ in lightness, dash pattern and marker; stacked segments in
 * lightness.  All text is escaped.
 */
#ifndef JZ_REPORT_SVG_H
#define JZ_REPORT_SVG_H

#include <stdio.h>

#include "jzsim/report.h"

typedef struct jz_chart {
    FILE *out;
    jz_lang lang;
    const char *id;      /* id of the <svg>, e.g. "chart-tekort" */
    const char *title;   /* accessible title (<title>) */
    const char *y_label; /* unit of the value axis, e.g. "€ mln" */
    double scale;        /* axis value = value / scale */
    int width, height;   /* viewBox size; height is a minimum for some charts */
    /* optional (0/NULL: none): */
    int split;           /* line chart and columns: the first `split` positions are
                          * realisation, the rest prognosis; a dashed line between
                          * them is labelled "realisatie" | "prognose" */
    const double *observed;    /* line chart: [ny] observed values (NaN: none), drawn as
                                * black points next to the lines */
    const int *observed_prov;  /* [ny] 1: provisional (an open point); may be NULL */
    const char *observed_name; /* its legend entry, e.g. "waargenomen" */
    double min_span;     /* diverging bars: the axis spans at least this (in axis
                          * units), so that a difference the table beside shows
                          * as 0,00 is not drawn across the whole chart */
} jz_chart;

/* Nice axis: lo..hi in `step`s (1, 2, 2.5 or 5 x 10^k), at most max_ticks. */
typedef struct jz_axis {
    double lo, hi, step;
    int decimals; /* for the tick labels */
} jz_axis;
void jz_svg_nice_axis(jz_axis *a, double lo, double hi, int max_ticks);

/* Escape text for HTML and SVG content and attribute values. */
void jz_html_escape(FILE *out, const char *s);

/* Colour, dash pattern and marker of series i (one per scenario). */
const char *jz_svg_series_color(int i);
const char *jz_svg_series_dash(int i);

/* Lines over years: ns series of ny values v[s * ny + y] (NaN = gap).
 * band (may be NULL) holds P5/P50/P95 per value: band[(s * ny + y) * 3 + k],
 * NaN where absent; drawn as a shaded area behind series s.  Each series is
 * a <g data-scenario="id[s]">; names label the legend. */
void jz_svg_line_chart(const jz_chart *ch, const int *years, int ny, int ns,
                       const char *const *names, const int *ids, const double *v,
                       const double *band, int thick_first);

/* Stacked columns: nbars columns of nstack segments v[b * nstack + k]
 * (NaN or 0 segments are skipped).  Positive segments stack up from 0; a
 * negative one (a verevening that lowers the cost) is drawn striped from
 * the top of the column down, so the solid part ends at the column's net
 * value.  total[b] (from the result, never summed here; NaN: none) is the
 * figure printed above column b; marker (may be NULL) draws a line across column b
 * at marker[b] (e.g. the budget) labelled marker_label.  Returns 1 when it
 * drew a striped (negative) segment, so the caption can say what it means. */
int jz_svg_stacked_bars(const jz_chart *ch, int nbars, const char *const *bar_labels, int nstack,
                        const char *const *stack_names, const double *v, const double *total,
                        const double *marker, const char *marker_label);

/* A label as an SVG <text> at x, y (anchor "start", "middle" or "end";
 * cls a class or NULL) on at most `lines` lines of maxch characters, broken
 * at spaces, each next line 1.2em lower; what still does not fit ends at a
 * word boundary in "…".  A wrapped or shortened label carries the whole of
 * s as its <title>.  jz_svg_label_lines: how many lines it takes. */
void jz_svg_label(FILE *out, double x, double y, const char *anchor, const char *cls, const char *s, int maxch,
                  int lines);
int jz_svg_label_lines(const char *s, int maxch, int lines);
/* The height of a label's line: 1.2em of the charts' 12px font. */
#define JZ_SVG_LINE_H 14.4
/* jz_svg_label with its lines centred on y_mid (a bar's middle). */
void jz_svg_label_centred(FILE *out, double x, double y_mid, const char *anchor, const char *cls, const char *s,
                          int maxch, int lines);

/* Waterfall: n steps v[0..n-1] floating from the running sum, then a total
 * column (the sum) labelled total_label. */
void jz_svg_waterfall(const jz_chart *ch, int n, const char *const *labels, const double *v,
                      const char *total_label);

/* Horizontal bars in groups: ng groups (rows) of ns bars v[g * ns + s]. */
void jz_svg_grouped_hbars(const jz_chart *ch, int ng, const char *const *group_labels, int ns,
                          const char *const *series_names, const double *v);

/* The same with negative values: bars grow left or right from a zero line
 * (e.g. price, volume and other effects per zorgsoort); each bar carries
 * its value in data-value. */
void jz_svg_diverging_hbars(const jz_chart *ch, int ng, const char *const *group_labels, int ns,
                            const char *const *series_names, const double *v);

/* The figures of the first n bars of tornado t (tornado.c) as table rows,
 * one <tr> a bar: the input's label, its low and high value in its own
 * unit, and the tekort at each; `cell` opens each figure's cell ("<td>"),
 * mln: the tekort in € mln with one decimal (the briefing), else in euros
 * (the sensitivity page).  Both tables of the tornado write these rows. */
struct jz_sensitivity;
void jz_tornado_rows(FILE *out, const struct jz_sensitivity *t, int n, jz_lang lang, const char *cell, int mln);

#endif
