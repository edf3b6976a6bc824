/*
 * regio_table.c - the gemeenten of a region side by side (issue 16 §3):
 * one table per indicator, a row per gemeente and the region, a column
 * per year.  `jzsim run` shows it under the region's own tables when a
 * scenario has more than one gemeente; CSV and JSON carry the same figures
 * (jz_regio_compare_metrics, metrics.c).
 *
 * Every number is a figure of the result (engine/model/regio.c computes the
 * ratios): this file only lays them out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/regio.h"
#include "jzsim/report.h"
#include "report/reporters.h"
#include "report/text.h"

#define NAMEW 18
#define COLW 13

static const char *L(const jz_report_options *o, const char *nl, const char *en)
{
    return o->lang == JZ_LANG_NL ? nl : en;
}

/* By the figure's kind: a fraction (JZ_KIND_YEARS) as a percent with one
 * decimal, a count of persons without decimals, else euros; a figure that
 * is not given (NaN: a gemeente without inhabitants) as "n.b.". */
static void fmt(char *buf, size_t n, double v, jz_metric_kind kind, jz_lang lang)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", lang == JZ_LANG_NL ? "n.b." : "n/a");
    } else if (kind == JZ_KIND_COUNT) {
        jz_format_number(buf, n, v, 0, lang);
    } else if (kind == JZ_KIND_YEARS) {
        jz_format_number(buf, n, 100.0 * v, 1, lang);
        /* "%" after at most 40 characters, as snprintf(buf + p, n - p, "%%")
         * wrote it (byte for byte, cut the same way in a short buffer) */
        size_t p = jz_text_prefix(buf, 40);
        if (n - p >= 2) {
            buf[p] = '%';
            buf[p + 1] = '\0';
        } else if (n - p == 1) {
            buf[p] = '\0';
        }
    } else {
        jz_format_money(buf, n, v, lang);
    }
}

/* FIGW bytes per formatted figure: what fmt wrote into before, so a figure
 * is cut (or not) exactly as it was. */
#define FIGW 64

/* The figure of row g (G: the region) and year y as text: taken from
 * figs when the figures were formatted once up front, else formatted into
 * buf (figs is NULL when there was no memory for them: same text, made
 * twice). */
static const char *figure(char (*figs)[FIGW], char *buf, const jz_result *r, const double *a,
                          const jz_metric *m, jz_lang lang, int g, int y)
{
    if (figs)
        return figs[(size_t)g * (size_t)r->horizon + (size_t)y];
    fmt(buf, FIGW, a[jz_result_gy(r, g, y)], m->kind, lang);
    return buf;
}

static void indicator(FILE *out, const jz_scenario *s, const jz_result *r, const jz_report_options *o,
                      const jz_metric *m, const char *note, char (*figs)[FIGW])
{
    char buf[FIGW];
    const double *a = jz_metric_array(r, m);
    int G = r->n_gemeenten, H = r->horizon, colw = COLW;
    /* each figure formatted once (a national region has ~5,500 per
     * indicator), then the column wide enough for every one of them, with
     * a space between columns */
    if (figs)
        for (int g = 0; g <= G; g++)
            for (int y = 0; y < H; y++)
                fmt(figs[(size_t)g * (size_t)H + (size_t)y], FIGW, a[jz_result_gy(r, g, y)], m->kind, o->lang);
    for (int g = 0; g <= G; g++)
        for (int y = 0; y < H; y++) {
            int w = jz_text_width(figure(figs, buf, r, a, m, o->lang, g, y));
            if (w + 2 > colw)
                colw = w + 2;
        }
    fprintf(out, "\n%s%s%s\n", jz_metric_label(m, o->lang), note ? ": " : "", note ? note : "");
    jz_text_pad(out, L(o, "Gemeente", "Gemeente"), NAMEW, 0);
    for (int y = 0; y < H; y++) {
        snprintf(buf, sizeof buf, "%d%s", r->base_year + y, y == 0 ? " R" : "");
        jz_text_pad(out, buf, colw, 1);
    }
    fputc('\n', out);
    for (int g = 0; g <= G; g++) {
        const char *name = g < G ? s->gemeenten[g].name : L(o, "Regio", "Region");
        /* the first NAMEW - 1 characters, cut to the buffer as "%.*s" did */
        char shown[NAMEW + 8];
        size_t k = jz_text_prefix(name, NAMEW - 1);
        if (k > sizeof shown - 1)
            k = sizeof shown - 1;
        memcpy(shown, name, k);
        shown[k] = '\0';
        jz_text_pad(out, shown, NAMEW, 0);
        for (int y = 0; y < H; y++)
            jz_text_pad(out, figure(figs, buf, r, a, m, o->lang, g, y), colw, 1);
        fputc('\n', out);
    }
}

void jz_regio_table(FILE *out, const jz_scenario *s, const jz_result *r, const jz_report_options *o)
{
    if (r->n_gemeenten < 2)
        return;
    /* one buffer for the figures of an indicator, reused by every table */
    char (*figs)[FIGW] = malloc((size_t)(r->n_gemeenten + 1) * (size_t)r->horizon * sizeof *figs);
    fprintf(out, "\n%s\n", L(o, "Gemeenten naast elkaar (regio)", "Gemeenten side by side (region)"));
    for (const jz_metric *m = jz_regio_compare_metrics; m->key; m++)
        indicator(out, s, r, o, m, NULL, figs);
    if (jz_contract_metrics_shown(s)) {
        /* a lumpsum contract: who pays more or less than its own use at price x volume */
        const char *cnotes[] = {
            L(o, "wat de gecontracteerde zorgsoorten voor de eigen jeugdigen kosten tegen prijs x volume",
              "what the contracted care types cost for the gemeente's own youth at price x volume"),
            L(o, "wat de gemeente volgens de verdeelsleutel van de lumpsum betaalt",
              "what the gemeente pays of the lumpsum by the key"),
            L(o, "aandeel - prijs x volume: + betaalt meer dan het eigen gebruik, - minder",
              "share - price x volume: + pays more than its own use, - less")};
        int k = 0;
        for (const jz_metric *m = jz_contract_metrics; m->key; m++, k++)
            indicator(out, s, r, o, m, cnotes[k], figs);
    }
    if (!jz_regio_metrics_shown(s)) {
        free(figs);
        return;
    }
    const char *notes[] = {
        L(o, "wat de verevende zorgsoorten voor de eigen jeugdigen kosten",
          "what the pooled care types cost for the gemeente's own youth"),
        NULL,
        L(o, "wat de gemeente volgens de verdeelsleutel betaalt", "what the gemeente pays by the key"),
        L(o, "betaald - eigen gebruik: + betaalt meer dan het eigen gebruik, - minder",
          "paid - own use: + pays more than its own use, - less")};
    int k = 0;
    for (const jz_metric *m = jz_regio_metrics; m->key; m++, k++)
        indicator(out, s, r, o, m, notes[k], figs);
    free(figs);
}
