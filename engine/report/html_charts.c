/*
 * html_charts.c - the charts of the HTML briefing (see html.c): the tekort
 * per year with its bands, where the tekort comes from (waterfalls), cost
 * and clients per zorgsoort, and the tornado of the reference scenario.
 * Inline SVG through svg.c; the figures are the comparison's, scaled to
 * millions for reading.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/html_page.h"

static char *label_of(const page *p, int s)
{
    size_t n = strlen(scen_name(p, s)) + 16;
    char *b = malloc(n);
    if (b)
        snprintf(b, n, "[%d] %s", s + 1, scen_name(p, s));
    return b;
}

/* The tekort per year of unit p->u; id names the <svg> and title heads it. */
int jz_html_tekort_chart(const page *p, const char *id, const char *title)
{
    const jz_comparison *c = p->c;
    int S = c->n_scenarios, Y = c->n_years;
    double *v = malloc((size_t)S * (size_t)Y * sizeof *v);
    double *band = malloc((size_t)S * (size_t)Y * 3 * sizeof *band);
    int *years = malloc((size_t)Y * sizeof *years), *ids = malloc((size_t)S * sizeof *ids);
    char **names = calloc((size_t)S, sizeof *names);
    int ok = v && band && years && ids && names, have_band = 0;
    for (int s = 0; ok && s < S; s++) {
        ids[s] = s + 1;
        ok = (names[s] = label_of(p, s)) != NULL;
        for (int y = 0; y < Y; y++) {
            v[s * Y + y] = val(p, JZ_CMP_TEKORT, s, y);
            double b[3] = {NAN, NAN, NAN};
            have_band |= jz_cmp_band(c, JZ_CMP_TEKORT, p->u, s, y, b);
            memcpy(band + ((size_t)s * (size_t)Y + (size_t)y) * 3, b, sizeof b);
        }
    }
    for (int y = 0; ok && y < Y; y++)
        years[y] = jz_cmp_year(c, y);
    if (ok) {
        fprintf(p->out, "<section class=\"blk\">\n<h2>");
        esc(p, title);
        fprintf(p->out, "</h2>\n<figure>\n");
        jz_chart ch = {p->out, p->lang, id,
                       L(p, "Tekort per jaar per scenario, in miljoenen euro", "Deficit per year per scenario, millions of euros"),
                       "€ mln", 1e6, 840, 330};
        jz_svg_line_chart(&ch, years, Y, S, (const char *const *)names, ids, v, have_band ? band : NULL, 1);
        fprintf(p->out, "<figcaption class=\"note\">%s%s</figcaption>\n</figure>\n",
                L(p, "Tekort = kosten min begroting, in euro’s van dat jaar. De dikke lijn is de referentie [1].",
                  "Deficit = cost minus budget, in euros of that year. The thick line is the reference [1]."),
                have_band ? L(p, " De banden geven het gebied tussen P5 en P95 (90% van de uitkomsten) uit de onzekerheidsanalyse.",
                              " The bands show P5 to P95 (90% of outcomes) from the uncertainty analysis.")
                          : "");
        fputs("</section>\n", p->out);
        jz_html_year_table(p, JZ_CMP_TEKORT);
    }
    for (int s = 0; names && s < S; s++)
        free(names[s]);
    free(names);
    free(ids);
    free(years);
    free(band);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}

void jz_html_waterfalls(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    int year = jz_cmp_year(c, p->ys);
    fprintf(out, "<section class=\"blk\">\n<h2>%s %d</h2>\n", L(p, "Waar komt het tekort vandaan?", "Where does the deficit come from?"), year);
    fprintf(out, "<p>%s</p>\n",
            L(p, "Het tekort gesplitst in oorzaken. <b>Niet beïnvloedbaar</b>: het tariefgat (tarieven stijgen sneller dan de "
                 "begroting wordt geïndexeerd) en externe verschuivingen. <b>Beïnvloedbaar</b>: meer zorg (volume) en "
                 "duurdere zorg per cliënt (zorgzwaarte) dan begroot.",
              "The deficit split into causes. <b>Cannot be influenced</b>: the tariff gap (tariffs rise faster than the budget "
              "is indexed) and external shifts. <b>Can be influenced</b>: more care (volume) and more costly care per "
              "client (intensity) than budgeted."));
    const char *labels[4] = {L(p, "Tariefgat", "Tariff gap"), L(p, "Extern", "External"),
                             L(p, "Volume", "Volume"), L(p, "Zorgzwaarte", "Intensity")};
    static const int parts[4] = {JZ_CMP_DEC_TARIFF, JZ_CMP_DEC_EXTERNAL, JZ_CMP_DEC_VOLUME, JZ_CMP_DEC_INTENSITY};
    int shown = 0;
    fprintf(out, "<div class=\"grid2\">\n");
    for (int s = 0; s < c->n_scenarios; s++) {
        if (!jz_cmp_decomposition_ok(c, p->u, s, p->ys))
            continue;
        double v[4];
        for (int i = 0; i < 4; i++)
            v[i] = val(p, parts[i], s, p->ys);
        char id[32];
        snprintf(id, sizeof id, "chart-waterfall-%d", s + 1);
        fprintf(out, "<figure><figcaption>[%d] ", s + 1);
        esc(p, scen_name(p, s));
        fprintf(out, "</figcaption>\n");
        jz_chart ch = {out, p->lang, id, L(p, "Opbouw van het tekort", "Build-up of the deficit"), "€ mln", 1e6, 420, 260};
        jz_svg_waterfall(&ch, 4, labels, v, L(p, "Tekort", "Deficit"));
        fprintf(out, "</figure>\n");
        shown++;
    }
    fprintf(out, "</div>\n");
    if (shown < c->n_scenarios)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                shown == 0 ? L(p, "De uitsplitsing van het tekort is voor deze scenario’s niet beschikbaar.",
                               "The split of the deficit is not available for these scenarios.")
                           : L(p, "Voor de overige scenario’s is de uitsplitsing niet beschikbaar.",
                               "The split is not available for the other scenarios."));
    fputs("</section>\n", out);
}

int jz_html_cost_chart(const page *p)
{
    const jz_comparison *c = p->c;
    int S = c->n_scenarios, Z = c->n_zorgsoorten, ys = p->ys;
    int inv = jz_cmp_metric_any(c, JZ_CMP_MEASURE_INVESTMENT, p->u);
    int nstack = Z + 1 + inv, nbars = S + 1;
    double *v = calloc((size_t)nbars * (size_t)nstack, sizeof *v), *budget = calloc((size_t)nbars, sizeof *budget);
    const char **stack = calloc((size_t)nstack, sizeof *stack);
    char **bars = calloc((size_t)nbars, sizeof *bars);
    int ok = v && budget && stack && bars;
    for (int z = 0; ok && z < Z; z++)
        stack[z] = c->zs[z].name;
    if (ok) {
        stack[Z] = L(p, "Vaste lasten (uitvoering, projecten)", "Fixed cost (operations, projects)");
        if (inv)
            stack[Z + 1] = L(p, "Investering maatregelen", "Investment in measures");
    }
    /* bar 0: the reference in its first year, for the growth; then every
     * scenario in the summary year */
    for (int b = 0; ok && b < nbars; b++) {
        int s = b == 0 ? 0 : b - 1, y = b == 0 ? c->scen[0].first_year - c->first_year : ys;
        size_t n = strlen(scen_name(p, s)) + 32;
        if (!(bars[b] = malloc(n))) {
            ok = 0;
            break;
        }
        snprintf(bars[b], n, "[%d] %d", s + 1, jz_cmp_year(c, y));
        for (int z = 0; z < Z; z++)
            v[b * nstack + z] = jz_cmp_value(c, JZ_CMP_Z_COST, p->u, z, s, y);
        v[b * nstack + Z] = val(p, JZ_CMP_FIXED_COST, s, y);
        if (inv)
            v[b * nstack + Z + 1] = val(p, JZ_CMP_MEASURE_INVESTMENT, s, y);
        budget[b] = val(p, JZ_CMP_BUDGET, s, y);
    }
    if (ok) {
        fprintf(p->out, "<section class=\"blk\">\n<h2>%s</h2>\n<figure>\n", L(p, "Kosten per zorgsoort", "Cost per care type"));
        jz_chart ch = {p->out, p->lang, "chart-cost",
                       L(p, "Kosten per zorgsoort, gestapeld, met de begroting", "Cost per care type, stacked, with the budget"),
                       "€ mln", 1e6, 840, 330};
        jz_svg_stacked_bars(&ch, nbars, (const char *const *)bars, nstack, stack, v, budget,
                            L(p, "Begroting (totaal)", "Budget (total)"));
        fprintf(p->out, "<figcaption class=\"note\">%s %d%s</figcaption>\n</figure>\n",
                L(p, "Eerste kolom: de referentie in het eerste jaar; daarna elk scenario in", "First column: the reference in its first year; then each scenario in"),
                jz_cmp_year(c, ys),
                L(p, ". Het getal boven een kolom is de totale kosten; de zwarte streep de begroting: wat erboven uitsteekt is het tekort.",
                  ". The figure above a column is the total cost; the black bar the budget: what rises above it is the deficit."));
        fputs("</section>\n", p->out);
    }
    for (int b = 0; bars && b < nbars; b++)
        free(bars[b]);
    free(bars);
    free(stack);
    free(budget);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}

int jz_html_clients_chart(const page *p)
{
    const jz_comparison *c = p->c;
    int S = c->n_scenarios, Z = c->n_zorgsoorten;
    double *v = malloc((size_t)S * (size_t)Z * sizeof *v);
    const char **groups = calloc((size_t)Z, sizeof *groups);
    char **names = calloc((size_t)S, sizeof *names);
    int ok = v && groups && names;
    for (int s = 0; ok && s < S; s++)
        ok = (names[s] = label_of(p, s)) != NULL;
    for (int z = 0; ok && z < Z; z++) {
        groups[z] = c->zs[z].name;
        for (int s = 0; s < S; s++)
            v[z * S + s] = jz_cmp_value(c, JZ_CMP_Z_UNIQUE, p->u, z, s, p->ys);
    }
    if (ok) {
        fprintf(p->out, "<section class=\"blk\">\n<h2>%s %d</h2>\n<figure>\n", L(p, "Cliënten per zorgsoort in", "Clients per care type in"),
                jz_cmp_year(c, p->ys));
        jz_chart ch = {p->out, p->lang, "chart-clients",
                       L(p, "Unieke cliënten per zorgsoort per scenario", "Unique clients per care type per scenario"),
                       L(p, "cliënten", "clients"), 1.0, 840, 0};
        jz_svg_grouped_hbars(&ch, Z, groups, S, (const char *const *)names, v);
        fprintf(p->out, "<figcaption class=\"note\">%s</figcaption>\n</figure>\n",
                L(p, "Cliënten die in het jaar zorg kregen (in zorg op 1 januari plus instroom), per zorgsoort. "
                     "Wie in het jaar van zorgsoort wisselt, telt bij beide.",
                  "Clients who received care in the year (in care on 1 January plus inflow), per care type. "
                  "Who changes care type in the year counts in both."));
        fputs("</section>\n", p->out);
    }
    for (int s = 0; names && s < S; s++)
        free(names[s]);
    free(names);
    free(groups);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}

/* Decomposition and the other headline figures for the summary year. */
/* Which assumptions matter most: the tornado of the reference scenario's
 * uncertain inputs (computed by jz_sensitivity_run, drawn by tornado.c). */
void jz_html_tornado_section(const page *p)
{
    const jz_sensitivity *t = p->c->tornado;
    if (!t || t->n_bars == 0)
        return;
    FILE *out = p->out;
    fprintf(out, "<section class=\"blk\">\n<h2>%s %d</h2>\n<p>", L(p, "Welke aannames wegen het zwaarst? Tekort", "Which assumptions matter most? Deficit"),
            t->year);
    T(p, "Elke balk laat zien hoe het tekort in de referentie verschuift als één aanname naar de onder- of bovenkant van haar bandbreedte gaat en de rest gelijk blijft. De langste balken bovenaan.",
      "Each bar shows how the reference's deficit moves when one assumption goes to the low or high end of its range, all else equal. Longest bars first.");
    fputs("</p>\n<figure>\n", out);
    jz_svg_tornado(out, t, 10, p->lang);
    fputs("</figure>\n</section>\n", out);
}

