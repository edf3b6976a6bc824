/*
 * html_verschil.c - the Verschillenanalyse section of the briefing: the cost
 * difference in the summary year explained per zorgsoort as price, volume
 * and other, for every scenario against the reference [1] and for the
 * reference against its previous year.
 *
 * Each block has a chart (a bar per part per zorgsoort, left of the zero
 * line when it lowers the cost) and a table with the same figures; the
 * zorgsoorten and the cost outside them add up to the total row.  The
 * figures are the comparison's (jz_cmp_verschil, computed once in
 * engine/analysis/verschil.c): this file scales them to millions.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "jzsim/verschil.h"
#include "report/html_page.h"

/* Is this line worth a row: a difference of at least half a thousand euro
 * (smaller ones print as 0,0 in every column).  The total always is. */
static int shown(const jz_verschil *v, int z)
{
    if (z == JZ_VERSCHIL_ALL)
        return 1;
    for (int k = 0; k < JZ_VS_N; k++)
        if (fabs(jz_vs_part(v, k)) >= 500.0)
            return 1;
    return 0;
}

static const char *line_name(const page *p, int z)
{
    return z >= 0 ? p->c->zs[z].name : z == JZ_VERSCHIL_LINES ? jz_vs_lines_label(p->lang) : L(p, "Totaal", "Total");
}

/* One block: scenario s, one kind, the summary year.  Returns JZ_OK, or
 * JZ_ENOMEM. */
static int block(const page *p, int kind, int s, int n)
{
    const jz_comparison *c = p->c;
    int Z = c->n_zorgsoorten, y = p->ys;
    jz_verschil v;
    if (!jz_cmp_verschil(c, kind, p->u, JZ_VERSCHIL_ALL, s, y, &v))
        return JZ_OK;
    int *lines = malloc((size_t)(Z + 2) * sizeof *lines);
    const char **names = malloc((size_t)(Z + 2) * sizeof *names);
    double *bars = malloc((size_t)(Z + 2) * 3 * sizeof *bars);
    if (!lines || !names || !bars) {
        free(lines);
        free(names);
        free(bars);
        return JZ_ENOMEM;
    }
    int ng = 0;
    for (int r = 0; r <= Z + 1; r++) {
        int z = r < Z ? r : r == Z ? JZ_VERSCHIL_LINES : JZ_VERSCHIL_ALL;
        if (!jz_cmp_verschil(c, kind, p->u, z, s, y, &v) || !shown(&v, z))
            continue;
        lines[ng] = z;
        names[ng] = line_name(p, z);
        for (int k = 0; k < 3; k++)
            bars[ng * 3 + k] = jz_vs_part(&v, JZ_VS_PRICE + k);
        ng++;
    }
    FILE *out = p->out;
    fprintf(out, "<h3 data-kind=\"%s\" data-scenario=\"%d\">", kind == JZ_VERSCHIL_REFERENCE ? "reference" : "previous_year",
            s + 1);
    esc_numbered(p, s);
    if (kind == JZ_VERSCHIL_REFERENCE)
        TF(p, " tegenover [1] in %d", " against [1] in %d", jz_cmp_year(c, y));
    else
        TF(p, ": %d tegenover %d", ": %d against %d", jz_cmp_year(c, y), jz_cmp_year(c, y) - 1);
    fputs("</h3>\n<figure>\n", out);
    const char *series[3] = {jz_vs_label(JZ_VS_PRICE, p->lang), jz_vs_label(JZ_VS_VOLUME, p->lang),
                             jz_vs_label(JZ_VS_OTHER, p->lang)};
    char id[48], title[96];
    snprintf(id, sizeof id, "chart-verschil-%s-%d", kind == JZ_VERSCHIL_REFERENCE ? "ref" : "jaar", s + 1);
    snprintf(title, sizeof title, "%s", L(p, "Verschil in kosten: prijs, volume en overig per zorgsoort",
                                         "Difference in cost: price, volume and other per care type"));
    /* the table shows € mln with two decimals: the axis spans at least
     * € 0,1 mln, ten of the table's last digit, so that a difference it
     * shows as 0,00 stays a sliver (a € 2.900 difference filled the chart) */
    jz_chart ch = {out, p->lang, id, title, "€ mln", 1e6, 840, 200, .split = 0, .min_span = 0.1};
    jz_svg_diverging_hbars(&ch, ng, names, 3, series, bars);
    fputs("</figure>\n", out);
    fprintf(out, "<table class=\"fig verschil\" id=\"%s-table\">\n<thead><tr><th>%s (€ mln)</th>", id,
            L(p, "Zorgsoort", "Care type"));
    for (int k = 0; k < JZ_VS_N; k++) {
        fputs("<th class=\"n\">", out);
        esc(p, jz_vs_column(k, p->lang));
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < ng; i++) {
        jz_cmp_verschil(c, kind, p->u, lines[i], s, y, &v);
        fprintf(out, "<tr%s><td>", lines[i] == JZ_VERSCHIL_ALL ? " class=\"total\"" : "");
        esc(p, names[i]);
        fputs("</td>", out);
        for (int k = 0; k < JZ_VS_N; k++) {
            char buf[64];
            /* two decimals: price and volume effects are often tens of
             * thousands of euros, which one decimal in € mln shows as 0,0
             * and the row then does not visibly add up */
            jz_format_number(buf, sizeof buf, jz_vs_part(&v, k) / 1e6, 2, p->lang);
            fprintf(out, "<td class=\"n\" data-value=\"%.17g\">%s</td>", jz_vs_part(&v, k), buf);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
    (void)n;
    free(lines);
    free(names);
    free(bars);
    return JZ_OK;
}

int jz_html_verschil_section(const page *p)
{
    const jz_comparison *c = p->c;
    jz_verschil v;
    int any = 0;
    for (int s = 1; s < c->n_scenarios; s++)
        any |= jz_cmp_verschil(c, JZ_VERSCHIL_REFERENCE, p->u, JZ_VERSCHIL_ALL, s, p->ys, &v);
    any |= jz_cmp_verschil(c, JZ_VERSCHIL_YEAR, p->u, JZ_VERSCHIL_ALL, 0, p->ys, &v);
    if (!any)
        return JZ_OK;
    FILE *out = p->out;
    fprintf(out, "<section class=\"blk verschil\">\n<h2>%s %d</h2>\n", L(p, "Verschillenanalyse", "Variance analysis"),
            jz_cmp_year(c, p->ys));
    fprintf(out, "<p>%s</p>\n",
            L(p, "Waar komt een verschil in kosten vandaan? Per zorgsoort gesplitst in een <b>prijseffect</b> (andere prijs "
                 "per cliëntjaar, bij het gemiddelde aantal cliëntjaren), een <b>volume-effect</b> (meer of minder "
                 "cliëntjaren, tegen de gemiddelde prijs) en <b>overig</b> (externe verschuivingen, besparingen van "
                 "maatregelen, vaste lasten). Prijs + volume + overig = het verschil; de zorgsoorten tellen op tot het totaal.",
              "Where does a difference in cost come from? Per care type, split into a <b>price effect</b> (another price "
              "per client-year, at the mean number of client-years), a <b>volume effect</b> (more or fewer client-years, "
              "at the mean price) and <b>other</b> (external shifts, savings of measures, fixed cost). Price + volume + "
              "other = the difference; the care types add up to the total."));
    int rc = JZ_OK;
    for (int s = 1; s < c->n_scenarios && !rc; s++)
        rc = block(p, JZ_VERSCHIL_REFERENCE, s, 0);
    if (!rc)
        rc = block(p, JZ_VERSCHIL_YEAR, 0, 0);
    fprintf(out, "<p class=\"note\">%s</p>\n</section>\n",
            L(p, "Zorgsoorten met een verschil onder € 500 zijn weggelaten; ze tellen wel mee in het totaal. Bedragen in "
                 "miljoenen euro’s van dat jaar, afgerond op twee decimalen; door afronding kan een som een "
                 "honderdste afwijken van de delen.",
              "Care types with a difference below € 500 are left out; they do count in the total. Amounts in millions "
              "of euros of that year, rounded to two decimals; a sum may differ from its parts by a hundredth "
              "through rounding."));
    return rc;
}
