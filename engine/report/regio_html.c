/*
 * regio_html.c - the briefing's section "Gemeenten naast elkaar" (issue 16
 * §3): for a reference scenario with several gemeenten, per indicator a bar
 * chart of the gemeenten sorted from high to low and a table with the same
 * numbers in the same order (so the chart and its table agree), in the
 * summary year.  The indicators are figures of the reference result
 * (jz_regio_compare_metrics, and the verevening when the scenario has one);
 * this file sorts and draws them, it computes no model figure.
 */
#include <math.h>
#include <stdlib.h>

#include "jzsim/regio.h"
#include "report/html_page.h"
#include "report/text.h"

typedef struct {
    int g;
    double v;
} entry;

/* high to low; a figure that is not given (NaN) last, in gemeente order */
static int by_value_desc(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int nx = !isfinite(x->v), ny = !isfinite(y->v);
    if (nx || ny)
        return nx != ny ? nx - ny : x->g - y->g;
    return x->v < y->v ? 1 : x->v > y->v ? -1 : x->g - y->g;
}

static void value_text(char *buf, size_t n, double v, int share, jz_lang lang)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", lang == JZ_LANG_NL ? "n.b." : "n/a");
    } else if (share) {
        jz_format_number(buf, n, 100.0 * v, 1, lang);
        size_t k = jz_text_prefix(buf, 40);
        snprintf(buf + k, n - k, "%%");
    } else {
        jz_format_money(buf, n, v, lang);
    }
}

/* Horizontal bars from a zero line (values may be negative: the verevening). */
static void bars(const page *p, const char *id, const char *title, const jz_scenario *s, const entry *e, int n,
                 int share)
{
    FILE *out = p->out;
    double lo = 0, hi = 0;
    for (int i = 0; i < n; i++) {
        if (!isfinite(e[i].v))
            continue;
        lo = e[i].v < lo ? e[i].v : lo;
        hi = e[i].v > hi ? e[i].v : hi;
    }
    if (hi == lo)
        hi = lo + 1;
    const double W = 760, left = 170, right = W - 90, bh = 16, gap = 6, top = 8;
    double H = top + n * (bh + gap) + 8;
    double x0 = left + (0 - lo) / (hi - lo) * (right - left);
    fprintf(out, "<svg id=\"%s\" class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"%s-t\" "
                 "xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"%s-t\">",
            id, W, H, id, id);
    esc(p, title);
    fputs("</title>\n", out);
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"zero\"/>\n", x0, top - 4, x0, H - 4);
    char buf[64];
    for (int i = 0; i < n; i++) {
        double y = top + i * (bh + gap);
        /* not given: the name and "n.b." at the zero line, no bar */
        double x1 = isfinite(e[i].v) ? left + (e[i].v - lo) / (hi - lo) * (right - left) : x0;
        double xa = x1 < x0 ? x1 : x0, w = x1 < x0 ? x0 - x1 : x1 - x0;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" class=\"lbl\">", left - 8, y + bh - 4);
        esc(p, s->gemeenten[e[i].g].name);
        value_text(buf, sizeof buf, e[i].v, share, p->lang);
        fputs("</text>\n", out);
        if (isfinite(e[i].v)) {
            fprintf(out, "<rect data-gemeente=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                         "fill=\"%s\"><title>",
                    s->gemeenten[e[i].g].code, xa, y, w, bh, jz_svg_series_color(0));
            esc(p, buf);
            fputs("</title></rect>\n", out);
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\">", (x1 > x0 ? x1 : x0) + 4, y + bh - 4);
        esc(p, buf);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
}

/* One indicator m: its sorted bars and a table in the same order; extra
 * (NULL-terminated, may be NULL) are columns shown before m's, so that a
 * difference stands beside the two figures it is made of. */
static void indicator(const page *p, const jz_scenario *s, const jz_result *r, int y, const jz_metric *m,
                      entry *e, const char *note, const jz_metric *const *extra)
{
    FILE *out = p->out;
    int G = r->n_gemeenten, share = m->kind == JZ_KIND_YEARS;
    const double *a = jz_metric_array(r, m);
    for (int g = 0; g < G; g++)
        e[g] = (entry){g, a[jz_result_gy(r, g, y)]};
    qsort(e, (size_t)G, sizeof *e, by_value_desc);
    fprintf(out, "<section class=\"blk\">\n<h3>");
    esc(p, jz_metric_label(m, p->lang));
    fprintf(out, ", %d</h3>\n", r->base_year + y);
    if (note) {
        fputs("<p class=\"note\">", out);
        esc(p, note);
        fputs("</p>\n", out);
    }
    char id[96];
    snprintf(id, sizeof id, "chart-regio-%s", m->key);
    fputs("<figure>\n", out);
    bars(p, id, jz_metric_label(m, p->lang), s, e, G, share);
    fputs("</figure>\n<table>\n<thead><tr><th>", out);
    T(p, "Gemeente", "Gemeente");
    for (int k = 0; extra && extra[k]; k++) {
        fputs("</th><th class=\"n\">", out);
        esc(p, jz_metric_column(extra[k], p->lang));
    }
    fputs("</th><th class=\"n\">", out);
    esc(p, jz_metric_column(m, p->lang));
    fputs("</th></tr></thead>\n<tbody>\n", out);
    char buf[64];
    for (int i = 0; i <= G; i++) {
        int g = i < G ? e[i].g : G;
        fprintf(out, "<tr%s><td>", g == G ? " class=\"total\"" : "");
        if (g == G)
            T(p, "Regio", "Region");
        else
            esc(p, s->gemeenten[g].name);
        for (int k = 0; extra && extra[k]; k++) {
            value_text(buf, sizeof buf, jz_metric_array(r, extra[k])[jz_result_gy(r, g, y)],
                       extra[k]->kind == JZ_KIND_YEARS, p->lang);
            fputs("</td><td class=\"n\">", out);
            esc(p, buf);
        }
        value_text(buf, sizeof buf, a[jz_result_gy(r, g, y)], share, p->lang);
        fputs("</td><td class=\"n\">", out);
        esc(p, buf);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n</section>\n", out);
}

void jz_html_regio_section(const page *p)
{
    const jz_scenario *s = p->c->scen[0].scenario;
    const jz_result *r = p->c->scen[0].result;
    int y = jz_cmp_year(p->c, p->ys) - r->base_year;
    if (r->n_gemeenten < 2 || y < 0 || y >= r->horizon)
        return;
    entry *e = malloc((size_t)r->n_gemeenten * sizeof *e);
    if (!e)
        return;
    fprintf(p->out, "<div class=\"pagebreak\"></div>\n<h2>");
    T(p, "Gemeenten naast elkaar", "Gemeenten side by side");
    fputs("</h2>\n<p>", p->out);
    esc_name(p, 0);
    T(p, ": per indicator de gemeenten van hoog naar laag; de tabel geeft dezelfde getallen.",
      ": per indicator the gemeenten from high to low; the table gives the same numbers.");
    fputs("</p>\n", p->out);
    for (const jz_metric *m = jz_regio_compare_metrics; m->key; m++) {
        if (m->kind == JZ_KIND_COUNT) /* the inhabitants are a denominator, not an indicator to rank */
            continue;
        /* an indicator no gemeente has (no inhabitants anywhere) is left
         * out of the briefing; the table, CSV and JSON still say n.b. */
        int any = 0;
        for (int g = 0; g < r->n_gemeenten && !any; g++)
            any = isfinite(jz_metric_array(r, m)[jz_result_gy(r, g, y)]);
        if (any)
            indicator(p, s, r, y, m, e, NULL, NULL);
    }
    const jz_metric *contract_parts[] = {jz_metric_find("contract_eigen", JZ_LEVEL_GEMEENTE),
                                         jz_metric_find("contract_aandeel", JZ_LEVEL_GEMEENTE), NULL};
    /* a contract holds only in the years with a lumpsum: the summary year
     * when it is one, else the last such year (a section of zeros says nothing) */
    int yc = y;
    for (int k = r->horizon - 1; r->g_contract_aandeel[jz_result_gy(r, r->n_gemeenten, y)] == 0.0 && k >= 0; k--)
        if (r->g_contract_aandeel[jz_result_gy(r, r->n_gemeenten, k)] != 0.0) {
            yc = k;
            break;
        }
    if (jz_contract_metrics_shown(s))
        indicator(p, s, r, yc, jz_metric_find("contract", JZ_LEVEL_GEMEENTE), e,
                  L(p, "Lumpsumcontract: wat de gemeente van de lumpsum meer (+) of minder (-) betaalt dan haar eigen "
                       "gebruik van de gecontracteerde zorgsoorten tegen prijs x volume.",
                    "Lumpsum contract: what the gemeente pays of the lumpsum above (+) or below (-) its own use of the "
                    "contracted care types at price x volume."),
                  contract_parts);
    if (jz_regio_metrics_shown(s))
        indicator(p, s, r, y, jz_metric_find("verevening", JZ_LEVEL_GEMEENTE), e,
                  L(p, "Verevening: wat de gemeente meer (+) of minder (-) betaalt dan haar eigen gebruik van de "
                       "verevende zorgsoorten.",
                    "Pooling: what the gemeente pays above (+) or below (-) its own use of the pooled care types."),
                  NULL);
    free(e);
}
