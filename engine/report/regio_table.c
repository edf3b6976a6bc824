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
#include <stdio.h>

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

/* share: a fraction shown as a percent with one decimal */
static void fmt(char *buf, size_t n, double v, int share, jz_lang lang)
{
    if (share) {
        jz_format_number(buf, n, 100.0 * v, 1, lang);
        snprintf(buf + jz_text_prefix(buf, 40), n - jz_text_prefix(buf, 40), "%%");
    } else {
        jz_format_money(buf, n, v, lang);
    }
}

static void indicator(FILE *out, const jz_scenario *s, const jz_result *r, const jz_report_options *o,
                      const jz_metric *m, int share, const char *note)
{
    char buf[64];
    const double *a = jz_metric_array(r, m);
    int G = r->n_gemeenten, H = r->horizon, colw = COLW;
    /* wide enough for every figure, with a space between columns */
    for (int g = 0; g <= G; g++)
        for (int y = 0; y < H; y++) {
            fmt(buf, sizeof buf, a[jz_result_gy(r, g, y)], share, o->lang);
            if (jz_text_width(buf) + 2 > colw)
                colw = jz_text_width(buf) + 2;
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
        char shown[NAMEW + 8];
        snprintf(shown, sizeof shown, "%.*s", (int)jz_text_prefix(name, NAMEW - 1), name);
        jz_text_pad(out, shown, NAMEW, 0);
        for (int y = 0; y < H; y++) {
            fmt(buf, sizeof buf, a[jz_result_gy(r, g, y)], share, o->lang);
            jz_text_pad(out, buf, colw, 1);
        }
        fputc('\n', out);
    }
}

void jz_regio_table(FILE *out, const jz_scenario *s, const jz_result *r, const jz_report_options *o)
{
    if (r->n_gemeenten < 2)
        return;
    fprintf(out, "\n%s\n", L(o, "Gemeenten naast elkaar (regio)", "Gemeenten side by side (region)"));
    for (const jz_metric *m = jz_regio_compare_metrics; m->key; m++)
        indicator(out, s, r, o, m, m->kind == JZ_KIND_YEARS, NULL);
    if (!jz_regio_metrics_shown(s))
        return;
    const char *notes[] = {
        L(o, "wat de verevende zorgsoorten voor de eigen jeugdigen kosten",
          "what the pooled care types cost for the gemeente's own youth"),
        NULL,
        L(o, "wat de gemeente volgens de verdeelsleutel betaalt", "what the gemeente pays by the key"),
        L(o, "betaald - eigen gebruik: + betaalt meer dan het eigen gebruik, - minder",
          "paid - own use: + pays more than its own use, - less")};
    int k = 0;
    for (const jz_metric *m = jz_regio_metrics; m->key; m++, k++)
        indicator(out, s, r, o, m, m->kind == JZ_KIND_YEARS, notes[k]);
}
