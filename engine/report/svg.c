/*
 * svg.c - the chart helpers of the HTML briefing (see svg.h).
 *
 * Geometry is in viewBox units (about pixels at 100% on screen).  Text
 * widths are estimated from the character count, which is good enough for
 * a system sans-serif font to place legends and labels without overlap.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/svg.h"
#include "report/text.h"

#define FONT 12      /* axis and legend text */
#define CHAR_W 6.6   /* estimated width of one character at FONT */

/* ---- text ---- */

void jz_html_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            /* control characters have no place in a report */
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
                fputc(' ', out);
            else
                fputc(*s, out);
        }
    }
}

/* The bytes of s to keep when it must be cut to at most maxch characters
 * with "…" after them: whole words only (a label cut mid-word, "Instroom
 * ambulante jeu…", reads as a typo), without the space or comma before
 * the cut; inside a word only when the first word alone is too wide. */
static size_t word_cut(const char *s, int maxch)
{
    const char *brk = jz_text_break(s, maxch - 1);
    size_t o = brk && brk > s ? (size_t)(brk - s) : jz_text_prefix(s, maxch - 1);
    while (brk && o > 1 && (s[o - 1] == ' ' || s[o - 1] == ',' || s[o - 1] == ';' || s[o - 1] == ':'))
        o--;
    return o;
}

/* Escape at most maxch characters of s: when s is longer, its first whole
 * words and "…". */
static void escape_words(FILE *out, const char *s, int maxch)
{
    if (jz_text_width(s) <= maxch) {
        jz_html_escape(out, s);
        return;
    }
    char buf[512];
    size_t o = word_cut(s, maxch);
    if (o > sizeof buf - 5) /* a very long text: as much as the buffer holds */
        o = sizeof buf - 5;
    memcpy(buf, s, o);
    buf[o] = '\0';
    jz_html_escape(out, buf);
    fputs("…", out);
}

/* The whole of s as the <title> (a tooltip, and what a screen reader
 * reads) of the enclosing text element when s is wider than maxch, so is
 * wrapped or shortened. */
static void title_if_cut(FILE *out, const char *s, int maxch)
{
    if (jz_text_width(s) > maxch) {
        fputs("<title>", out);
        jz_html_escape(out, s);
        fputs("</title>", out);
    }
}

/* escape_words, with the whole of s as the title when it is cut.  A last
 * part in brackets stays whole after the "…" when there is room for it (a
 * saved forecast's "[1] Voorbeeld met een … (bewaard)" beside "[2]
 * Voorbeeld met een …": the mark is what tells them apart). */
static void escape_cut(FILE *out, const char *s, int maxch)
{
    title_if_cut(out, s, maxch);
    size_t n = strlen(s);
    const char *open = n > 0 && s[n - 1] == ')' ? strrchr(s, '(') : NULL;
    int tail = open && open > s && open[-1] == ' ' ? jz_text_width(open - 1) : 0;
    if (jz_text_width(s) > maxch && tail > 0 && tail <= maxch / 2) {
        char head[512];
        snprintf(head, sizeof head, "%.*s", (int)(open - 1 - s), s);
        escape_words(out, head, maxch - tail); /* wider than that, so cut: "…" */
        jz_html_escape(out, open - 1);
        return;
    }
    escape_words(out, s, maxch);
}

static void text_at(FILE *out, double x, double y, const char *anchor, const char *cls,
                    const char *s)
{
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">", x, y, anchor, cls);
    jz_html_escape(out, s);
    fputs("</text>\n", out);
}

/* Where line i of s ends when s is laid out on at most `lines` lines of
 * maxch characters: NULL when the rest fits on this line or this is the
 * last line (which escape_words shortens), else the space to break at. */
static const char *line_break(const char *s, int maxch, int i, int lines)
{
    if (jz_text_width(s) <= maxch || i == lines - 1)
        return NULL;
    const char *brk = jz_text_break(s, maxch);
    return brk && brk > s ? brk : NULL;
}

void jz_svg_label_centred(FILE *out, double x, double y_mid, const char *anchor, const char *cls, const char *s,
                          int maxch, int lines)
{
    int k = jz_svg_label_lines(s, maxch, lines);
    jz_svg_label(out, x, y_mid + 4 - (k - 1) * JZ_SVG_LINE_H / 2, anchor, cls, s, maxch, lines);
}

int jz_svg_label_lines(const char *s, int maxch, int lines)
{
    int n = 0;
    for (; n < lines && s && *s; n++) {
        const char *brk = line_break(s, maxch, n, lines);
        s = brk ? brk + 1 : NULL;
    }
    return n;
}

void jz_svg_label(FILE *out, double x, double y, const char *anchor, const char *cls, const char *s, int maxch,
                  int lines)
{
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor);
    if (cls)
        fprintf(out, " class=\"%s\"", cls);
    fputs(">", out);
    title_if_cut(out, s, maxch); /* wrapped or shortened: only when wider than maxch */
    for (int i = 0; i < lines && s && *s; i++) {
        /* break at the last space that keeps the line short enough */
        const char *brk = line_break(s, maxch, i, lines);
        fprintf(out, "<tspan x=\"%.1f\" dy=\"%s\">", x, i ? "1.2em" : "0");
        if (!brk) {
            escape_words(out, s, maxch); /* the text's <title> has the whole */
            s = NULL;
        } else {
            char line[256];
            snprintf(line, sizeof line, "%.*s", (int)(brk - s), s);
            jz_html_escape(out, line);
            s = brk + 1;
        }
        fputs("</tspan>", out);
    }
    fputs("</text>\n", out);
}

/* A label on at most `lines` lines of maxch characters, centred at x. */
static void label_n(FILE *out, double x, double y, const char *s, int maxch, int lines)
{
    jz_svg_label(out, x, y, "middle", "lbl", s, maxch, lines);
}

static void label2(FILE *out, double x, double y, const char *s, int maxch)
{
    label_n(out, x, y, s, maxch, 2);
}

/* The dashed line between realisation and prognosis at x, from top to
 * bottom, with the two words beside it, `lift` points higher than the top
 * of the plot: a chart that writes a value above its columns lifts them
 * over it (the total of the first prognose column stood on "prognose"). */
static void split_line(const jz_chart *ch, double x, double top, double bottom, double lift)
{
    FILE *out = ch->out;
    int nl = ch->lang == JZ_LANG_NL;
    fprintf(out, "<g class=\"split\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\" "
                 "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n",
            x, top - 14 - lift, x, bottom);
    text_at(out, x - 5, top - 4 - lift, "end", "tick", nl ? "realisatie" : "realised");
    text_at(out, x + 5, top - 4 - lift, "start", "tick", nl ? "prognose" : "projection");
    fputs("</g>\n", out);
}

/* ---- axes ---- */

void jz_svg_nice_axis(jz_axis *a, double lo, double hi, int max_ticks)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (hi - lo < 1e-12) {
        double pad = fabs(hi) > 0 ? fabs(hi) * 0.1 : 1.0;
        lo -= pad;
        hi += pad;
    }
    if (max_ticks < 2)
        max_ticks = 2;
    double rough = (hi - lo) / (max_ticks - 1);
    double mag = pow(10.0, floor(log10(rough)));
    double norm = rough / mag, f;
    if (norm <= 1.0)
        f = 1.0;
    else if (norm <= 2.0)
        f = 2.0;
    else if (norm <= 2.5)
        f = 2.5;
    else if (norm <= 5.0)
        f = 5.0;
    else
        f = 10.0;
    a->step = f * mag;
    a->lo = floor(lo / a->step + 1e-9) * a->step;
    a->hi = ceil(hi / a->step - 1e-9) * a->step;
    int d = (int)-floor(log10(a->step) + 1e-9);
    if (f == 2.5 && d >= 0)
        d++;
    a->decimals = d > 0 ? d : 0;
}

static void fmt_tick(char *buf, size_t n, double v, int decimals, jz_lang lang)
{
    jz_format_number(buf, n, v, decimals, lang);
}

/* ---- colours ---- */

/* Dark to light in alternation, so neighbours differ in grey too. */
static const char *const series_colors[] = {"#1f3a68", "#d08c2b", "#3f8f8a", "#8a3b54",
                                            "#7a9cc6", "#4d4d4d", "#b5b94a", "#c96a4b",
                                            "#2f6b3a", "#a68bc2", "#6b4f2a", "#9a9a9a"};
static const char *const series_dashes[] = {"", "8 4", "2 3", "10 3 2 3", "5 2", "1 2"};

const char *jz_svg_series_color(int i)
{
    return series_colors[i % (int)(sizeof series_colors / sizeof series_colors[0])];
}

const char *jz_svg_series_dash(int i)
{
    return series_dashes[i % (int)(sizeof series_dashes / sizeof series_dashes[0])];
}

static void marker(FILE *out, int i, double x, double y, const char *color)
{
    switch (i % 4) {
    case 0: fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.6\" fill=\"%s\"/>", x, y, color); break;
    case 1: fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"%s\"/>", x - 3.5, y - 3.5, color); break;
    case 2:
        fprintf(out, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"%s\"/>", x, y - 4.5, x + 4.5, y + 3.5,
                x - 4.5, y + 3.5, color);
        break;
    default:
        fprintf(out, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"1.6\"/>",
                x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y, color);
        break;
    }
}

/* Segments of a stack: neighbours alternate dark and light so that they
 * stay apart in grey print; hues stay calm for a council document. */
static const char *const stack_colors[] = {"#1f3a68", "#a6c8e0", "#3f7f6e", "#f1d08a", "#7a4a6d",
                                           "#c9dcb3", "#b4593c", "#d9d9d9", "#4d6d9a", "#e8a87c",
                                           "#2f4f2f", "#c3b1d6", "#6b6b6b", "#f6e7c1"};

static void stack_color(char *buf, size_t len, int k, int n)
{
    (void)n;
    snprintf(buf, len, "%s", stack_colors[k % (int)(sizeof stack_colors / sizeof stack_colors[0])]);
}

/* ---- legend ---- */

typedef enum { SW_LINE, SW_RECT } swatch;

/* The width of a legend entry: swatch, name (cut at 48 characters), gap. */
static double legend_entry_w(const char *name)
{
    int len = jz_text_width(name);
    if (len > 48)
        len = 48;
    return 28 + len * CHAR_W + 16;
}

/* The rows legend() will take for these names in width, so that a chart
 * can make room for its legend before drawing it. */
static int legend_rows(int n, const char *const *names, double width)
{
    double lx = 0;
    int rows = 1;
    for (int i = 0; i < n; i++) {
        double w = legend_entry_w(names[i]);
        if (lx > 0 && lx + w > width) {
            lx = 0;
            rows++;
        }
        lx += w;
    }
    return rows;
}

/* Legend entries left to right, wrapping; returns the height used. */
static double legend(FILE *out, double x0, double y0, double width, int n, const char *const *names,
                     swatch kind, int n_stack, int first_series, int last_is_marker)
{
    double x = x0, y = y0 + 10, row_h = 18;
    fputs("<g class=\"legend\">\n", out);
    for (int i = 0; i < n; i++) {
        double w = legend_entry_w(names[i]);
        if (x > x0 && x + w > x0 + width) {
            x = x0;
            y += row_h;
        }
        fprintf(out, "<g data-legend=\"%d\">", first_series + i + 1);
        if (last_is_marker && i == n - 1) {
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-width=\"2.5\"/>",
                    x, y - 4, x + 22, y - 4);
        } else if (kind == SW_LINE) {
            const char *col = jz_svg_series_color(first_series + i);
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.4\" stroke-dasharray=\"%s\"/>",
                    x, y - 4, x + 22, y - 4, col, jz_svg_series_dash(first_series + i));
            marker(out, first_series + i, x + 11, y - 4, col);
        } else if (kind == SW_RECT) {
            char col[16];
            if (n_stack > 0)
                stack_color(col, sizeof col, i, n_stack);
            else
                snprintf(col, sizeof col, "%s", jz_svg_series_color(first_series + i));
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"11\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"/>",
                    x + 2, y - 10, col);
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"leg\">", x + 28, y);
        escape_cut(out, names[i], 48);
        fputs("</text></g>\n", out);
        x += w;
    }
    fputs("</g>\n", out);
    return y - y0 + 8;
}

static void svg_open(const jz_chart *ch, double height)
{
    fprintf(ch->out, "<svg id=\"");
    jz_html_escape(ch->out, ch->id);
    fprintf(ch->out, "\" class=\"chart\" viewBox=\"0 0 %d %.0f\" role=\"img\" aria-labelledby=\"", ch->width, height);
    jz_html_escape(ch->out, ch->id);
    fputs("-t\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"", ch->out);
    jz_html_escape(ch->out, ch->id);
    fputs("-t\">", ch->out);
    jz_html_escape(ch->out, ch->title);
    fputs("</title>\n", ch->out);
}

/* Horizontal grid lines and tick labels of a vertical value axis; the unit
 * above it. */
static void y_axis(const jz_chart *ch, const jz_axis *a, double left, double right, double top,
                   double bottom)
{
    FILE *out = ch->out;
    char buf[64];
    int nt = (int)lround((a->hi - a->lo) / a->step);
    for (int i = 0; i <= nt; i++) {
        double v = a->lo + i * a->step;
        double y = bottom - (v - a->lo) / (a->hi - a->lo) * (bottom - top);
        int zero = fabs(v) < a->step * 1e-6;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n", left, y, right,
                y, zero ? "zero" : "grid");
        fmt_tick(buf, sizeof buf, zero ? 0.0 : v, a->decimals, ch->lang);
        text_at(out, left - 6, y + 4, "end", "tick", buf);
    }
    text_at(out, left - 6, top - 12, "end", "unit", ch->y_label);
}

static double ypos(const jz_axis *a, double v, double top, double bottom)
{
    return bottom - (v - a->lo) / (a->hi - a->lo) * (bottom - top);
}

/* ---- line chart ---- */

void jz_svg_line_chart(const jz_chart *ch, const int *years, int ny, int ns,
                       const char *const *names, const int *ids, const double *v,
                       const double *band, int thick_first)
{
    FILE *out = ch->out;
    double W = ch->width, left = 70, right = W - 20;
    /* measure the legend first by drawing it into the same place later */
    double lo = 0, hi = 0;
    for (int i = 0; i < ns * ny; i++) {
        double x = v[i] / ch->scale;
        if (isfinite(x)) {
            lo = x < lo ? x : lo;
            hi = x > hi ? x : hi;
        }
        for (int k = 0; band && k < 3; k++) {
            double b = band[i * 3 + k] / ch->scale;
            if (isfinite(b)) {
                lo = b < lo ? b : lo;
                hi = b > hi ? b : hi;
            }
        }
    }
    for (int y = 0; ch->observed && y < ny; y++) {
        double x = ch->observed[y] / ch->scale;
        if (isfinite(x)) {
            lo = x < lo ? x : lo;
            hi = x > hi ? x : hi;
        }
    }
    jz_axis a;
    jz_svg_nice_axis(&a, lo, hi, 7);
    int rows = legend_rows(ns, names, right - left + 20);
    double leg_h = rows * 18 + 8, top = leg_h + 34, H = ch->height + leg_h, bottom = H - 34;
    svg_open(ch, H);
    legend(out, left - 20, 4, right - left + 20, ns, names, SW_LINE, 0, 0, 0);
    y_axis(ch, &a, left, right, top, bottom);
    double step = ny > 1 ? (right - left - 24) / (ny - 1) : 0;
    int every = ny <= 12 ? 1 : ny <= 25 ? 2 : 5;
    for (int y = 0; y < ny; y++) {
        double x = left + 12 + y * step + (ny == 1 ? (right - left - 24) / 2 : 0);
        char buf[16];
        snprintf(buf, sizeof buf, "%d", years[y]);
        if (y % every == 0)
            text_at(out, x, bottom + 18, "middle", "tick", buf);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", x, bottom, x,
                bottom + 4);
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", left, bottom, right,
            bottom);
#define XP(y) (left + 12 + (y) * step + (ny == 1 ? (right - left - 24) / 2 : 0))
    /* bands behind the lines: one area per contiguous run of years */
    for (int s = 0; band && s < ns; s++) {
        for (int y0 = 0; y0 < ny;) {
            if (!isfinite(band[(s * ny + y0) * 3])) {
                y0++;
                continue;
            }
            int y1 = y0;
            while (y1 + 1 < ny && isfinite(band[(s * ny + y1 + 1) * 3]))
                y1++;
            fprintf(out, "<path data-band=\"%d\" data-years=\"%d-%d\" fill=\"%s\" fill-opacity=\"0.18\" stroke=\"%s\" stroke-opacity=\"0.5\" stroke-width=\"0.8\" d=\"",
                    ids[s], years[y0], years[y1], jz_svg_series_color(s), jz_svg_series_color(s));
            for (int y = y0; y <= y1; y++)
                fprintf(out, "%s%.1f %.1f", y == y0 ? "M" : "L", XP(y),
                        ypos(&a, band[(s * ny + y) * 3 + 2] / ch->scale, top, bottom));
            for (int y = y1; y >= y0; y--)
                fprintf(out, "L%.1f %.1f", XP(y), ypos(&a, band[(s * ny + y) * 3] / ch->scale, top, bottom));
            fputs("Z\"/>\n", out);
            y0 = y1 + 1;
        }
    }
    for (int s = 0; s < ns; s++) {
        const char *col = jz_svg_series_color(s);
        fprintf(out, "<g class=\"series\" data-scenario=\"%d\">\n<title>", ids[s]);
        jz_html_escape(out, names[s]);
        fprintf(out, "</title>\n<path fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-dasharray=\"%s\" "
                     "stroke-linejoin=\"round\" d=\"",
                col, thick_first && s == 0 ? "3.2" : "2.2", jz_svg_series_dash(s));
        int pen = 0;
        for (int y = 0; y < ny; y++) {
            double x = v[s * ny + y] / ch->scale;
            if (!isfinite(x)) {
                pen = 0;
                continue;
            }
            fprintf(out, "%s%.1f %.1f", pen ? "L" : "M", XP(y), ypos(&a, x, top, bottom));
            pen = 1;
        }
        fputs("\"/>\n", out);
        for (int y = 0; y < ny; y++) {
            double x = v[s * ny + y] / ch->scale;
            if (isfinite(x))
                marker(out, s, XP(y), ypos(&a, x, top, bottom), col);
        }
        fputs("</g>\n", out);
    }
    if (ch->split > 0 && ch->split < ny)
        split_line(ch, (XP(ch->split - 1) + XP(ch->split)) / 2, top, bottom, 0);
    else if (ch->split >= ny) /* every year realised */
        text_at(out, right, top - 4, "end", "tick", ch->lang == JZ_LANG_NL ? "realisatie" : "realised");
    if (ch->observed) {
        /* observations: black points, open when provisional, with their own
         * legend entry at the top right of the plot */
        int any = 0;
        fputs("<g class=\"observed\">\n", out);
        for (int y = 0; y < ny; y++) {
            double x = ch->observed[y] / ch->scale;
            if (!isfinite(x))
                continue;
            int prov = ch->observed_prov && ch->observed_prov[y];
            fprintf(out, "<circle data-year=\"%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" stroke=\"#000\" "
                         "stroke-width=\"1.8\"/>\n",
                    years[y], XP(y), ypos(&a, x, top, bottom), prov ? "#fff" : "#000");
            any = 1;
        }
        if (any && ch->observed_name) {
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#000\"/>", right - 110, top - 8);
            text_at(out, right - 100, top - 4, "start", "leg", ch->observed_name);
        }
        fputs("</g>\n", out);
    }
#undef XP
    fputs("</svg>\n", out);
}

/* ---- stacked columns ---- */

/* One segment of a stacked column from value base to base + x, with its
 * name and figure as its title; a negative x is striped (the pattern
 * jz_svg_stacked_bars defines per stack).  Returns base + x. */
static double stack_segment(const jz_chart *ch, const jz_axis *a, double top, double bottom, double cx, double bw,
                            int k, int nn, const char *name, double base, double x)
{
    FILE *out = ch->out;
    char buf[64];
    double y_hi = ypos(a, (x > 0 ? base + x : base) / ch->scale, top, bottom);
    double y_lo = ypos(a, (x > 0 ? base : base + x) / ch->scale, top, bottom);
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"", cx - bw / 2, y_hi, bw, y_lo - y_hi);
    if (x > 0) {
        char col[16];
        stack_color(col, sizeof col, k, nn);
        fputs(col, out);
    } else {
        fputs("url(#", out);
        jz_html_escape(out, ch->id);
        fprintf(out, "-neg%d)", k);
    }
    fputs("\" stroke=\"#fff\" stroke-width=\"0.6\"><title>", out);
    jz_html_escape(out, name);
    fputs(": ", out);
    jz_format_number(buf, sizeof buf, x / ch->scale, 1, ch->lang);
    jz_html_escape(out, buf);
    fputs("</title></rect>\n", out);
    return base + x;
}

int jz_svg_stacked_bars(const jz_chart *ch, int nbars, const char *const *bar_labels, int nstack,
                        const char *const *stack_names, const double *v, const double *total,
                        const double *marker_v, const char *marker_label)
{
    FILE *out = ch->out;
    double W = ch->width, left = 70, right = W - 20;
    double hi = 0;
    for (int b = 0; b < nbars; b++) {
        double sum = 0;
        for (int k = 0; k < nstack; k++) {
            double x = v[b * nstack + k];
            if (isfinite(x) && x > 0)
                sum += x;
        }
        hi = sum / ch->scale > hi ? sum / ch->scale : hi;
        if (marker_v && isfinite(marker_v[b]))
            hi = marker_v[b] / ch->scale > hi ? marker_v[b] / ch->scale : hi;
    }
    jz_axis a;
    jz_svg_nice_axis(&a, 0, hi, 7);
    /* one legend for stacks and marker: the stacks, then the marker entry */
    const char *names[64];
    int nn = 0;
    for (int k = 0; k < nstack && nn < 63; k++)
        names[nn++] = stack_names[k];
    int n_leg = nn;
    if (marker_v)
        names[n_leg++] = marker_label;
    int rows = legend_rows(n_leg, names, right - left + 20);
    double leg_h = rows * 18 + 8, top = leg_h + 34, H = ch->height + leg_h, bottom = H - 46;
    svg_open(ch, H);
    /* a striped fill per stack that is negative in some column */
    int any_neg = 0;
    for (int k = 0; k < nstack; k++) {
        int neg = 0;
        for (int b = 0; b < nbars; b++)
            neg |= isfinite(v[b * nstack + k]) && v[b * nstack + k] < 0;
        if (!neg)
            continue;
        char col[16];
        stack_color(col, sizeof col, k, nn);
        if (!any_neg++)
            fputs("<defs>", out);
        fprintf(out, "<pattern id=\"");
        jz_html_escape(out, ch->id);
        fprintf(out, "-neg%d\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                     "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"%s\" "
                     "stroke-width=\"3\"/></pattern>",
                k, col);
    }
    if (any_neg)
        fputs("</defs>\n", out);
    legend(out, left - 20, 4, right - left + 20, n_leg, names, SW_RECT, nn, 0, marker_v != NULL);
    y_axis(ch, &a, left, right, top, bottom);
    double slot = (right - left) / (nbars > 0 ? nbars : 1), bw = slot * 0.56;
    if (bw > 90)
        bw = 90;
    char buf[64];
    for (int b = 0; b < nbars; b++) {
        double cx = left + slot * (b + 0.5), base = 0;
        fprintf(out, "<g data-bar=\"%d\">\n", b);
        for (int k = 0; k < nstack; k++) {
            double x = v[b * nstack + k];
            if (isfinite(x) && x > 0)
                base = stack_segment(ch, &a, top, bottom, cx, bw, k, nn, stack_names[k], base, x);
        }
        /* negative segments from the top down, striped over what they take
         * off (the column's solid part then ends at its net value) */
        double top_v = base;
        for (int k = 0; k < nstack; k++) {
            double x = v[b * nstack + k];
            if (isfinite(x) && x < 0)
                base = stack_segment(ch, &a, top, bottom, cx, bw, k, nn, stack_names[k], base, x);
        }
        /* the total goes above the column, and above the marker line when
         * that is higher (a begroting above the cost): a label under the
         * line would be struck through and unreadable */
        double label_y = ypos(&a, top_v / ch->scale, top, bottom) - 5;
        if (marker_v && isfinite(marker_v[b])) {
            double my = ypos(&a, marker_v[b] / ch->scale, top, bottom);
            if (my - 7 < label_y)
                label_y = my - 7;
        }
        if (total && isfinite(total[b])) {
            jz_format_number(buf, sizeof buf, total[b] / ch->scale, 1, ch->lang);
            text_at(out, cx, label_y, "middle", "val", buf);
        }
        if (marker_v && isfinite(marker_v[b])) {
            double my = ypos(&a, marker_v[b] / ch->scale, top, bottom);
            /* a white halo keeps the line visible over dark segments */
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#fff\" stroke-width=\"5\"/>\n",
                    cx - bw / 2 - 6, my, cx + bw / 2 + 6, my);
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-width=\"2.5\"/>\n",
                    cx - bw / 2 - 6, my, cx + bw / 2 + 6, my);
        }
        fputs("</g>\n", out);
        label2(out, cx, bottom + 16, bar_labels[b], (int)(slot / CHAR_W) - 1);
    }
    if (ch->split > 0 && ch->split < nbars)
        split_line(ch, left + slot * ch->split, top, bottom, 16); /* over a total at top - 7 */
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", left, bottom, right,
            bottom);
    fputs("</svg>\n", out);
    return any_neg > 0;
}

/* ---- waterfall ---- */

void jz_svg_waterfall(const jz_chart *ch, int n, const char *const *labels, const double *v,
                      const char *total_label)
{
    FILE *out = ch->out;
    double W = ch->width, H = ch->height, left = 56, right = W - 12, top = 34, bottom = H - 54;
    double run = 0, lo = 0, hi = 0;
    for (int i = 0; i < n; i++) {
        run += isfinite(v[i]) ? v[i] / ch->scale : 0;
        lo = run < lo ? run : lo;
        hi = run > hi ? run : hi;
    }
    /* room for the value label under the lowest bar (a negative step is
     * labelled below its end): without it a bar that ends near the axis
     * minimum puts its label on the category labels under the axis */
    if (lo < 0)
        lo -= 0.12 * (hi - lo);
    jz_axis a;
    jz_svg_nice_axis(&a, lo, hi, 6);
    svg_open(ch, H);
    y_axis(ch, &a, left, right, top, bottom);
    double slot = (right - left) / (n + 1), bw = slot * 0.62;
    char buf[64];
    run = 0;
    for (int i = 0; i <= n; i++) {
        double cx = left + slot * (i + 0.5);
        double from = i < n ? run : 0, d = i < n ? (isfinite(v[i]) ? v[i] / ch->scale : 0) : run;
        double to = from + d;
        double y0 = ypos(&a, from, top, bottom), y1 = ypos(&a, to, top, bottom);
        const char *fill = i == n ? "#2b2b2b" : d >= 0 ? "#b4473a" : "#7fa7cf";
        double ytop = y0 < y1 ? y0 : y1, h = fabs(y1 - y0);
        fprintf(out, "<rect data-step=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", i,
                cx - bw / 2, ytop, bw, h < 0.8 ? 0.8 : h, fill);
        /* the connector to the next step */
        if (i < n)
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"conn\"/>\n", cx + bw / 2, y1,
                    cx + slot - bw / 2, y1);
        jz_format_number(buf, sizeof buf, d, 1, ch->lang);
        char lab[80];
        snprintf(lab, sizeof lab, "%s%s", i < n && jz_format_shown(d, 1) > 0.0 ? "+" : "", buf);
        double ly = (i < n && d < 0) || (i == n && d < 0) ? ytop + (h < 0.8 ? 0.8 : h) + 13 : ytop - 5;
        text_at(out, cx, ly, "middle", "val", lab);
        label_n(out, cx, bottom + 16, i < n ? labels[i] : total_label, (int)(slot / (CHAR_W * 0.92)), 3);
        run = to;
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", left, bottom, right,
            bottom);
    fputs("</svg>\n", out);
}

/* ---- grouped horizontal bars ---- */

/* The value axis of a horizontal bar chart: a vertical line and a tick
 * label per step, and the unit under the right end.  The "zero" line is
 * the first one (bars from the left edge) or, for bars both ways
 * (zero_inside), the one at value 0. */
static void x_axis(const jz_chart *ch, const jz_axis *a, double left, double right, double top, double bottom,
                   int zero_inside)
{
    FILE *out = ch->out;
    char buf[64];
    int nt = (int)lround((a->hi - a->lo) / a->step);
    for (int i = 0; i <= nt; i++) {
        double t = a->lo + i * a->step, x = left + (t - a->lo) / (a->hi - a->lo) * (right - left);
        int zero = zero_inside ? fabs(t) < a->step / 2 : i == 0;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n", x, top - 4, x, bottom,
                zero ? "zero" : "grid");
        fmt_tick(buf, sizeof buf, t, a->decimals, ch->lang);
        text_at(out, x, bottom + 16, "middle", "tick", buf);
    }
    text_at(out, right, bottom + 30, "end", "unit", ch->y_label);
}

/* The frame of a horizontal bar chart with ng groups of ns bars: the bar
 * height and layout, the svg, the legend of the series and the value axis
 * (zero_inside: bars both ways).  *bh and *top place the groups. */
#define HBARS_GAP 10
static void hbars_frame(const jz_chart *ch, const jz_axis *a, int ng, int ns, const char *const *series_names,
                        double left, double right, int zero_inside, double *bh, double *top)
{
    double W = ch->width;
    *bh = ns <= 2 ? 11 : ns <= 4 ? 8 : ns <= 8 ? 5 : 4;
    int rows = legend_rows(ns, series_names, W - 20);
    double leg_h = rows * 18 + 8;
    *top = leg_h + 30;
    double bottom = *top + ng * (ns * *bh + HBARS_GAP), H = bottom + 34;
    svg_open(ch, H);
    legend(ch->out, 20, 4, W - 20, ns, series_names, SW_RECT, 0, 0, 0);
    x_axis(ch, a, left, right, *top, bottom, zero_inside);
}

/* The label of group g left of its bars, on two lines when the group is
 * tall enough for them (its lines centred on the bars); returns the y of
 * its first bar. */
static double hbars_group(const jz_chart *ch, int g, const char *label, int ns, double bh, double top, double left)
{
    double gy = top + g * (ns * bh + HBARS_GAP);
    int lines = ns * bh + HBARS_GAP >= 2 * JZ_SVG_LINE_H + 2 ? 2 : 1;
    jz_svg_label_centred(ch->out, left - 8, gy + ns * bh / 2, "end", "lbl", label, 30, lines);
    return gy;
}

void jz_svg_grouped_hbars(const jz_chart *ch, int ng, const char *const *group_labels, int ns,
                          const char *const *series_names, const double *v)
{
    FILE *out = ch->out;
    double W = ch->width, left = 236, right = W - 56;
    double hi = 0;
    for (int i = 0; i < ng * ns; i++)
        if (isfinite(v[i]) && v[i] / ch->scale > hi)
            hi = v[i] / ch->scale;
    jz_axis a;
    jz_svg_nice_axis(&a, 0, hi, 6);
    double bh, top;
    hbars_frame(ch, &a, ng, ns, series_names, left, right, 0, &bh, &top);
    char buf[64];
    for (int g = 0; g < ng; g++) {
        double gy = hbars_group(ch, g, group_labels[g], ns, bh, top, left);
        for (int s = 0; s < ns; s++) {
            double x = v[g * ns + s];
            if (!isfinite(x))
                continue;
            double w = (x / ch->scale - a.lo) / (a.hi - a.lo) * (right - left);
            fprintf(out, "<rect data-series=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>",
                    s + 1, left, gy + s * bh, w > 0 ? w : 0, bh - 0.8, jz_svg_series_color(s));
            jz_html_escape(out, series_names[s]);
            jz_format_number(buf, sizeof buf, x / ch->scale, 0, ch->lang);
            fputs(": ", out);
            jz_html_escape(out, buf);
            fputs("</title></rect>\n", out);
        }
    }
    fputs("</svg>\n", out);
}

void jz_svg_diverging_hbars(const jz_chart *ch, int ng, const char *const *group_labels, int ns,
                            const char *const *series_names, const double *v)
{
    FILE *out = ch->out;
    double W = ch->width, left = 236, right = W - 56;
    double lo = 0, hi = 0;
    for (int i = 0; i < ng * ns; i++)
        if (isfinite(v[i])) {
            lo = fmin(lo, v[i] / ch->scale);
            hi = fmax(hi, v[i] / ch->scale);
        }
    if (hi - lo < ch->min_span) {
        /* widen on the side the bars grow to (right when they are all >= 0) */
        if (hi <= 0 && lo < 0)
            lo = hi - ch->min_span;
        else
            hi = lo + ch->min_span;
    }
    if (hi - lo <= 0)
        hi = 1;
    jz_axis a;
    jz_svg_nice_axis(&a, lo, hi, 7);
    double span = right - left;
#define XPOS_(val) (left + ((val) - a.lo) / (a.hi - a.lo) * span)
    double x0 = XPOS_(0.0);
    double bh, top;
    hbars_frame(ch, &a, ng, ns, series_names, left, right, 1, &bh, &top);
    char buf[64];
    for (int g = 0; g < ng; g++) {
        double gy = hbars_group(ch, g, group_labels[g], ns, bh, top, left);
        for (int s = 0; s < ns; s++) {
            double x = v[g * ns + s];
            if (!isfinite(x))
                continue;
            double xv = XPOS_(x / ch->scale);
            /* data-value: the figure itself, so a reader (or a test) can
             * check the bar against the table */
            fprintf(out, "<rect data-series=\"%d\" data-value=\"%.17g\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                         "height=\"%.1f\" fill=\"%s\"><title>",
                    s + 1, x, fmin(x0, xv), gy + s * bh, fabs(xv - x0), bh - 0.8, jz_svg_series_color(s));
            jz_html_escape(out, series_names[s]);
            jz_format_number(buf, sizeof buf, x / ch->scale, 1, ch->lang);
            fputs(": ", out);
            jz_html_escape(out, buf);
            fputs("</title></rect>\n", out);
        }
    }
#undef XPOS_
    fputs("</svg>\n", out);
}
