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

#include "jzsim/history.h"
#include "jzsim/uncertainty.h"
#include "report/html_page.h"

static char *label_of(const page *p, int s)
{
    char name[JZ_CMP_NUMBERED_NAME_MAX];
    return strdup(jz_cmp_scen_numbered(name, sizeof name, p->c, s, p->lang));
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
            /* a realised year is no forecast: no band on it */
            if (y < realised_positions(p) || !jz_cmp_band(c, JZ_CMP_TEKORT, p->u, s, y, b))
                b[0] = b[1] = b[2] = NAN;
            have_band |= isfinite(b[0]);
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
                       "€ mln", 1e6, 840, 330, .split = realised_positions(p)};
        jz_svg_line_chart(&ch, years, Y, S, (const char *const *)names, ids, v, have_band ? band : NULL, 1);
        fprintf(p->out, "<figcaption class=\"note\">%s%s</figcaption>\n</figure>\n",
                L(p, "Tekort = kosten min begroting, in euro’s van dat jaar. De dikke lijn is de referentie [1].",
                  "Deficit = cost minus budget, in euros of that year. The thick line is the reference [1]."),
                have_band ? L(p, " De banden geven het gebied tussen P5 en P95 (90% van de uitkomsten) uit de onzekerheidsanalyse; "
                                 "gerealiseerde jaren hebben geen band.",
                              " The bands show P5 to P95 (90% of outcomes) from the uncertainty analysis; "
                              "realised years have none.")
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

/* What the external shifts of scenario s (in unit p->u) are, in words:
 * "Verschuiving van buiten (woonplaatsbeginsel)" from their names, each
 * name up to its year or bracket ("Woonplaatsbeginsel 2022 (voogdij)"). */
static const char *external_label(const page *p, int s, char *buf, size_t n)
{
    const jz_scenario *sc = p->c->scen[s].scenario;
    const jz_cmp_unit *un = &p->c->units[p->u];
    size_t o = (size_t)snprintf(buf, n, "%s", L(p, "Verschuiving van buiten", "Shift from outside"));
    int k = 0;
    for (int g = 0; g < sc->n_gemeenten && o + 4 < n; g++) {
        if (!un->is_total && un->g[s] != g)
            continue;
        for (int e = 0; e < sc->gemeenten[g].n_external && o + 4 < n; e++) {
            const char *name = sc->gemeenten[g].external[e].name;
            size_t len = 0;
            while (name[len] && !(name[len] == ' ' && (name[len + 1] == '(' || (name[len + 1] >= '0' && name[len + 1] <= '9'))))
                len++;
            if (!len)
                continue;
            char stem[JZ_NAME_MAX];
            snprintf(stem, sizeof stem, "%.*s", (int)len, name);
            if (stem[0] >= 'A' && stem[0] <= 'Z' && !(stem[1] >= 'A' && stem[1] <= 'Z'))
                stem[0] = (char)(stem[0] - 'A' + 'a');
            if (strstr(buf, stem)) /* the same cause once */
                continue;
            o += (size_t)snprintf(buf + o, n - o, "%s%s", k++ ? ", " : " (", stem);
        }
    }
    if (k && o + 2 < n)
        snprintf(buf + o, n - o, ")");
    return buf;
}

/* The parts of the split, in the order of the waterfall, with what each
 * contains in one plain sentence. */
typedef struct part {
    int metric;
    const char *nl, *en;           /* the bar label; NULL: built (part_label) */
    const char *says_nl, *says_en; /* what it contains */
} part;

static const part parts[] = {
    {JZ_CMP_DEC_TARIFF, "Tariefgat", "Tariff gap",
     "de tarieven van de aanbieders stijgen sneller dan de begroting wordt geïndexeerd; daar heeft de gemeente "
     "weinig invloed op (niet beïnvloedbaar).",
     "providers' tariffs rise faster than the budget is indexed; the gemeente has little say in this (cannot be influenced)."},
    {JZ_CMP_DEC_EXTERNAL, NULL, NULL,
     "kosten van jeugdigen voor wie de gemeente door een wijziging van buitenaf verantwoordelijk werd, min de "
     "compensatie die ze daarvoor krijgt (niet beïnvloedbaar).",
     "cost of youth the gemeente became responsible for through a change from outside, minus the compensation it "
     "receives for them (cannot be influenced)."},
    /* a regional arrangement: a line of the gemeente's cost of its own, in
     * the niet-beïnvloedbaar part (docs/model.md 14); 0 for the region of a
     * verevening (what one pays more, another pays less) */
    {JZ_CMP_VEREVENING, NULL, NULL, /* named as the metric table names it */
     "wat de gemeente via de regionale verevening meer (+) of minder (−) betaalt dan haar eigen gebruik van de "
     "verevende zorg; het gebruik van de andere gemeenten (niet beïnvloedbaar).",
     "what the gemeente pays more (+) or less (−) through the regional pooling than its own use of the pooled care; "
     "the other gemeenten' use (cannot be influenced)."},
    {JZ_CMP_CONTRACT, NULL, NULL,
     "het aandeel van de gemeente in de lumpsum min wat die zorg tegen prijs × volume zou kosten; vastgelegd in het "
     "contract en de verdeelsleutel (niet beïnvloedbaar).",
     "the gemeente's share of the lump sum minus what that care would cost at price × volume; fixed by the contract "
     "and the key (cannot be influenced)."},
    {JZ_CMP_DEC_START, "Startverschil", "Starting gap", NULL, NULL}, /* its sentence says how it counts */
    {JZ_CMP_DEC_VOLUME, "Volume", "Volume",
     "meer zorg dan begroot: meer jeugdigen in zorg of langere trajecten (beïnvloedbaar).",
     "more care than budgeted: more youth in care or longer trajectories (can be influenced)."},
    {JZ_CMP_DEC_INTENSITY, "Zorgzwaarte", "Intensity",
     "duurdere zorg per cliënt dan begroot, bovenop de indexatie (beïnvloedbaar).",
     "more costly care per client than budgeted, beyond indexation (can be influenced)."},
};
#define N_PARTS ((int)(sizeof parts / sizeof parts[0]))

/* A part's bar label: its own, the external shifts' built from scenario s's
 * causes, else the metric table's name (the regional lines). */
static const char *part_label(const page *p, const part *pt, int s, char *ext, size_t size)
{
    if (pt->nl)
        return L(p, pt->nl, pt->en);
    if (pt->metric == JZ_CMP_DEC_EXTERNAL)
        return external_label(p, s, ext, size);
    return jz_cmp_metric_label(pt->metric, p->lang);
}

void jz_html_waterfalls(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    int year = jz_cmp_year(c, p->ys);
    /* the heading stays with its explanation on one page */
    fprintf(out, "<section class=\"blk\">\n<div class=\"keep\"><h2>%s %d</h2>\n", L(p, "Waar komt het tekort vandaan? Prognose", "Where does the deficit come from? Projection"), year);
    fprintf(out, "<p>%s</p>\n<ul class=\"parts\">\n",
            L(p, "Het tekort gesplitst in oorzaken; de delen tellen op tot het tekort.",
              "The deficit split into causes; the parts add up to the deficit."));
    char ext[256];
    for (int i = 0; i < N_PARTS; i++) {
        int any = jz_cmp_metric_any(c, parts[i].metric, p->u);
        if (!any && parts[i].metric != JZ_CMP_DEC_START)
            continue;
        fprintf(out, "<li><b>");
        esc(p, part_label(p, &parts[i], 0, ext, sizeof ext));
        fprintf(out, "</b>: ");
        if (parts[i].metric == JZ_CMP_DEC_START) {
            /* the convention of the split, as the reference sets it */
            /* negative where the budget lay above the cost: then "fell short" would be wrong */
            double st = val(p, JZ_CMP_DEC_START, 0, p->ys);
            if (!isnan(st) && st < 0)
                T(p, "hoeveel ruimer de begroting in het basisjaar al was dan de kosten (een negatief deel: het "
                     "verlaagt het tekort), doorgetrokken naar de latere jaren. ",
                  "how far the budget already exceeded the cost in the base year (a negative part: it lowers the "
                  "deficit), carried on into later years. ");
            else
                T(p, "wat de begroting in het basisjaar al tekortschoot op de kosten en in de latere jaren doorloopt. ",
                  "how far the budget already fell short of the cost in the base year, carried on into later years. ");
            if (!any)
                T(p, "In deze scenario’s is er geen startverschil.", "These scenarios have no starting gap.");
            else if (c->scen[0].scenario->meta.startverschil_beinvloedbaar)
                T(p, "Het telt hier als beïnvloedbaar.", "It counts as influenceable here.");
            else
                T(p, "Het telt hier als niet beïnvloedbaar (bijvoorbeeld een te lage Rijksbijdrage).",
                  "It counts as not influenceable here (e.g. too low a national contribution).");
            fputs("</li>\n", out);
            continue;
        }
        fprintf(out, "%s", L(p, parts[i].says_nl, parts[i].says_en));
        if (parts[i].metric == JZ_CMP_DEC_INTENSITY) {
            /* the model books the local choices here too (docs/model.md, 12):
             * a bar of 'zorgzwaarte' that is a measure's investment must say so */
            int inv = jz_cmp_metric_any(c, JZ_CMP_MEASURE_INVESTMENT, p->u);
            int fix = jz_cmp_metric_any(c, JZ_CMP_FIXED_TEKORT, p->u);
            if (inv || fix) {
                T(p, " Ook hierin: ", " Also in it: ");
                if (inv)
                    T(p, "de investeringen in maatregelen", "the investments in measures");
                if (inv && fix)
                    T(p, " en ", " and ");
                if (fix)
                    T(p, "het verschil tussen de vaste lasten en hun begroting",
                      "the difference between the fixed costs and their budget");
                if (inv && fix)
                    T(p, " (lokale keuzes).", " (local choices).");
                else
                    T(p, " (een lokale keuze).", " (a local choice).");
            }
        }
        fputs("</li>\n", out);
    }
    fprintf(out, "</ul></div>\n");
    int shown = 0;
    for (int s = 0; s < c->n_scenarios; s++) {
        if (!jz_cmp_decomposition_ok(c, p->u, s, p->ys))
            continue;
        double v[N_PARTS];
        const char *labels[N_PARTS];
        int n = 0;
        for (int i = 0; i < N_PARTS; i++) {
            /* a part that is zero in every scenario is left out of every chart */
            if (!jz_cmp_metric_any(c, parts[i].metric, p->u))
                continue;
            labels[n] = part_label(p, &parts[i], s, ext, sizeof ext);
            v[n++] = val(p, parts[i].metric, s, p->ys);
        }
        char id[32];
        snprintf(id, sizeof id, "chart-waterfall-%d", s + 1);
        fprintf(out, "<figure class=\"wf\"><figcaption>");
        esc_numbered(p, s);
        fprintf(out, "</figcaption>\n");
        jz_chart ch = {out, p->lang, id, L(p, "Opbouw van het tekort", "Build-up of the deficit"), "€ mln", 1e6, 840, 230, .split = 0};
        jz_svg_waterfall(&ch, n, labels, v, L(p, "Tekort", "Deficit"));
        fprintf(out, "</figure>\n");
        shown++;
    }
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
    const int y0 = c->scen[0].first_year - c->first_year; /* the reference's first year */
    /* the lines outside the zorgsoorten, as the cost adds them up (docs/model.md
     * 14: g_cost = zorgsoorten + JZ_RESULT_COST_BEYOND_CARE_LINES), each only
     * when some scenario has it; the vaste lasten always */
    int all[JZ_RESULT_N_COST_BEYOND_CARE], line_m[JZ_RESULT_N_COST_BEYOND_CARE], nl = 0;
    jz_cmp_beyond_care_metrics(all);
    for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (all[i] == JZ_CMP_FIXED_COST || jz_cmp_metric_any(c, all[i], p->u))
            line_m[nl++] = all[i];
    int nstack = Z + nl, nbars = S + 1;
    double *v = calloc((size_t)nbars * (size_t)nstack, sizeof *v), *budget = calloc((size_t)nbars, sizeof *budget);
    double *total = calloc((size_t)nbars, sizeof *total);
    const char **stack = calloc((size_t)nstack, sizeof *stack);
    char **bars = calloc((size_t)nbars, sizeof *bars);
    int ok = v && budget && total && stack && bars;
    for (int z = 0; ok && z < Z; z++)
        stack[z] = c->zs[z].name;
    /* each line as the table beside the chart names it: "Vaste lasten (uitvoering,
     * projecten)" said what a gemeente's own lines hold (the wijkteam, vervoer,
     * the LTA: Amersfoort walk-through) and named the row otherwise */
    for (int i = 0; ok && i < nl; i++)
        stack[Z + i] = jz_cmp_metric_label(line_m[i], p->lang);
    /* bar 0: the reference in its first year, for the growth; then every
     * scenario in the summary year */
    for (int b = 0; ok && b < nbars; b++) {
        int s = b == 0 ? 0 : b - 1, y = b == 0 ? y0 : ys;
        size_t n = 32; /* "[2] 2027" */
        if (!(bars[b] = malloc(n))) {
            ok = 0;
            break;
        }
        snprintf(bars[b], n, "[%d] %d", s + 1, jz_cmp_year(c, y));
        for (int z = 0; z < Z; z++)
            v[b * nstack + z] = jz_cmp_value(c, JZ_CMP_Z_COST, p->u, z, s, y);
        for (int i = 0; i < nl; i++)
            v[b * nstack + Z + i] = val(p, line_m[i], s, y);
        total[b] = val(p, JZ_CMP_COST, s, y);
        budget[b] = val(p, JZ_CMP_BUDGET, s, y);
    }
    if (ok) {
        fprintf(p->out, "<section class=\"blk\">\n<h2>%s</h2>\n<figure>\n", L(p, "Kosten per zorgsoort", "Cost per care type"));
        jz_chart ch = {p->out, p->lang, "chart-cost",
                       L(p, "Kosten per zorgsoort, gestapeld, met de begroting", "Cost per care type, stacked, with the budget"),
                       "€ mln", 1e6, 840, 330, .split = 0};
        /* the first column is realisation when its year is */
        ch.split = jz_cmp_year(c, y0) <= p->realised && jz_cmp_year(c, ys) > p->realised;
        int striped = jz_svg_stacked_bars(&ch, nbars, (const char *const *)bars, nstack, stack, v, total, budget,
                                          L(p, "Begroting (totaal)", "Budget (total)"));
        fprintf(p->out, "<figcaption class=\"note\">%s %d%s%s</figcaption>\n</figure>\n",
                L(p, "Eerste kolom: de referentie in het eerste jaar; daarna elk scenario in", "First column: the reference in its first year; then each scenario in"),
                jz_cmp_year(c, ys),
                L(p, ". Het getal boven een kolom is de totale kosten; de zwarte streep de begroting: wat erboven uitsteekt is het tekort.",
                  ". The figure above a column is the total cost; the black bar the budget: what rises above it is the deficit."),
                striped ? L(p, " Een gestreept deel is negatief (het verlaagt de kosten) en gaat van de kolom af.",
                            " A striped part is negative (it lowers the cost) and is taken off the column.")
                        : "");
        /* the same figures as a table: the zorgsoorten and the lines that
         * belong to none add up to the total cost */
        fputs("<table class=\"cost\">\n<thead>", p->out);
        if (ch.split) /* the first column is realisation, the others projection */
            fprintf(p->out, "<tr class=\"phase\"><th></th><th class=\"n\">%s</th><th colspan=\"%d\" style=\"text-align:center\">%s</th></tr>\n",
                    L(p, "Realisatie", "Realised"), nbars - 1, L(p, "Prognose", "Projection"));
        fprintf(p->out, "<tr><th>%s (€ mln)</th>", L(p, "Kosten", "Cost"));
        for (int b = 0; b < nbars; b++) {
            fputs("<th class=\"n\">", p->out);
            esc(p, bars[b]);
            fputs("</th>", p->out);
        }
        fputs("</tr></thead>\n<tbody>\n", p->out);
        for (int k = 0; k <= nstack; k++) {
            int any = k == nstack;
            for (int b = 0; b < nbars && !any; b++)
                any = isfinite(v[b * nstack + k]) && v[b * nstack + k] != 0;
            if (!any)
                continue;
            fprintf(p->out, "<tr%s><td>", k == nstack ? " class=\"total\"" : "");
            esc(p, k < nstack ? stack[k] : jz_cmp_metric_label(JZ_CMP_COST, p->lang));
            fputs("</td>", p->out);
            for (int b = 0; b < nbars; b++) {
                char buf[64];
                jz_html_fmt(p, JZ_CMP_COST, k < nstack ? v[b * nstack + k] : total[b], buf, sizeof buf);
                fprintf(p->out, "<td class=\"n\">%s</td>", buf);
            }
            fputs("</tr>\n", p->out);
        }
        fputs("</tbody></table>\n</section>\n", p->out);
    }
    for (int b = 0; bars && b < nbars; b++)
        free(bars[b]);
    free(bars);
    free(stack);
    free(budget);
    free(total);
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
        fprintf(p->out, "<section class=\"blk\">\n<h2>%s %d</h2>\n<figure>\n", L(p, "Cliënten per zorgsoort, prognose", "Clients per care type, projection"),
                jz_cmp_year(c, p->ys));
        jz_chart ch = {p->out, p->lang, "chart-clients",
                       L(p, "Unieke cliënten per zorgsoort per scenario", "Unique clients per care type per scenario"),
                       L(p, "cliënten", "clients"), 1.0, 840, 0, .split = 0};
        jz_svg_grouped_hbars(&ch, Z, groups, S, (const char *const *)names, v);
        fprintf(p->out, "<figcaption class=\"note\">%s</figcaption>\n</figure>\n",
                L(p, "Cliënten die in het jaar zorg kregen (in zorg op 1 januari plus instroom), per zorgsoort. "
                     "Wie in het jaar van zorgsoort wisselt, telt bij beide.",
                  "Clients who received care in the year (in care on 1 January plus inflow), per care type. "
                  "Who changes care type in the year counts in both."));
        /* the figures the bars draw, as every chart of the briefing has them */
        fprintf(p->out, "<table class=\"fig clients\">\n<thead><tr><th>%s</th>", L(p, "Unieke cliënten", "Unique clients"));
        scen_heads(p);
        for (int z = 0; z < Z; z++) {
            fputs("<tr><td>", p->out);
            esc(p, groups[z]);
            fputs("</td>", p->out);
            for (int s = 0; s < S; s++) {
                char buf[64];
                jz_html_fmt(p, JZ_CMP_Z_UNIQUE, v[z * S + s], buf, sizeof buf);
                fprintf(p->out, "<td class=\"n\">%s</td>", buf);
            }
            fputs("</tr>\n", p->out);
        }
        fputs("</tbody></table>\n</section>\n", p->out);
    }
    for (int s = 0; names && s < S; s++)
        free(names[s]);
    free(names);
    free(groups);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}

/* The figures the tornado draws, as every other chart has them beside it:
 * per bar the input's low and high value (in its own unit: the range a
 * reader can trace to the workbook's Aannames) and the tekort at each, in
 * € mln as the key figures show it; first the tekort at the point values,
 * the line every bar starts from (= the key figures' tekort of [1]). */
static void tornado_table(const page *p, const jz_sensitivity *t, int n)
{
    FILE *out = p->out;
    char a[96];
    fprintf(out, "<table class=\"fig tornado\">\n<thead><tr><th>%s</th><th class=\"n\">%s</th>"
                 "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
            L(p, "Aanname", "Assumption"), L(p, "Laag", "Low"), L(p, "Hoog", "High"),
            L(p, "Tekort bij laag (€ mln)", "Deficit at low (€ mln)"),
            L(p, "Tekort bij hoog (€ mln)", "Deficit at high (€ mln)"));
    fprintf(out, "<tr class=\"total\"><td>%s</td><td></td><td></td><td colspan=\"2\" style=\"text-align:center\">",
            L(p, "Alle aannames op hun puntwaarde", "Every assumption at its point value"));
    esc(p, jz_format_number(a, sizeof a, t->base / 1e6, 1, p->lang));
    fputs("</td></tr>\n", out);
    jz_tornado_rows(out, t, n, p->lang, "<td class=\"n\">", 1); /* the bars move the reference's inputs */
    fputs("</tbody></table>\n", out);
    fprintf(out, "<p class=\"note\">%s</p>\n",
            L(p, "Laag en hoog: de onder- en bovenkant van de bandbreedte van de aanname (bij een verdeling P5 en "
                 "P95); de aanname zelf en haar bron staan in het Excel-werkboek (blad Aannames).",
              "Low and high: the lower and upper end of the assumption's range (P5 and P95 of a distribution); "
              "the assumption and its source are in the Excel workbook (sheet Aannames)."));
}

/* Decomposition and the other headline figures for the summary year. */
/* Which assumptions matter most: the tornado of the reference scenario's
 * uncertain inputs (computed by jz_sensitivity_run, drawn by tornado.c). */
void jz_html_tornado_section(const page *p)
{
    const jz_sensitivity *t = p->c->tornado;
    /* only the bars that move the tekort shown: in one gemeente's briefing
     * another gemeente's inputs are bars of width 0 (sorted last) */
    int n = 0;
    while (t && n < t->n_bars && n < 10 && t->bars[n].swing > 0)
        n++;
    if (n == 0)
        return;
    FILE *out = p->out;
    /* the year as the summary and the key figures name it ("2027
     * (begrotingsjaar)"): the CLI computes the tornado for that year */
    char year[64];
    if (t->year == jz_cmp_year(p->c, p->ys))
        jz_cmp_summary_year_name(p->c, p->lang, year, sizeof year);
    else
        snprintf(year, sizeof year, "%d", t->year);
    fprintf(out, "<section class=\"blk\">\n<h2>%s ", L(p, "Welke aannames wegen het zwaarst? Tekort", "Which assumptions matter most? Deficit"));
    esc(p, year);
    fputs("</h2>\n<p>", out);
    TF(p, "Elke balk laat zien hoe het tekort van %d in de referentie verschuift als één aanname naar de onder- of bovenkant van haar bandbreedte gaat en de rest gelijk blijft. De langste balken bovenaan.",
       "Each bar shows how the reference's deficit in %d moves when one assumption goes to the low or high end of its range, all else equal. Longest bars first.",
       t->year);
    /* the loader's targets leave the realised year (JZ_UNC_REALISED) */
    const int base = p->c->scen[0].scenario->meta.base_year;
    TF(p, " Het basisjaar %d is realisatie en schuift niet mee: een aanname werkt vanaf %d.",
       " The base year %d is realised and does not move: an assumption acts from %d on.", base, base + JZ_UNC_REALISED);
    fputs("</p>\n<figure>\n", out);
    jz_svg_tornado(out, t, n, p->lang);
    fputs("</figure>\n", out);
    tornado_table(p, t, n);
    fputs("</section>\n", out);
}


/* ---- observed figures (--history) ---- */

/* The history's series and the comparison's figure it observes (the same
 * pairs as calibration: docs/calibration.md). */
static const struct {
    int series, metric;
    const char *unit_nl, *unit_en;
    double scale;
} observed[] = {
    {JZ_HS_UNIQUE, JZ_CMP_UNIQUE, "cliënten", "clients", 1.0},
    {JZ_HS_COST, JZ_CMP_CARE_COST, "€ mln", "€ mln", 1e6},
    {JZ_HS_COST_PER_CLIENT, JZ_CMP_COST_PER_CLIENT, "€", "€", 1.0},
};

static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != (*b | 0x20))
            return 0;
    return *a == *b;
}

/* The observed value of series k for the unit shown in calendar year; NaN
 * when the history has none.  Only whole-year rows of all zorgsoorten
 * together, of the unit's gemeente (or, for a region total, rows without
 * a gemeente). */
static double observed_value(const page *p, int k, int year, int *prov)
{
    const jz_history *h = p->history;
    const jz_cmp_unit *un = &p->c->units[p->u];
    for (int i = 0; h && i < h->n_rows; i++) {
        const jz_history_row *r = &h->rows[i];
        if (r->year != year || r->half || !isfinite(r->v[k]) ||
            !(r->zorgsoort[0] == '\0' || jz_history_is_total(r->zorgsoort)))
            continue;
        int match = un->is_total ? (r->gemeente[0] == '\0' || p->c->n_units == 1)
                                 : same_name(r->gemeente, un->code) || same_name(r->gemeente, un->name);
        if (!match)
            continue;
        *prov = r->provisional;
        return r->v[k];
    }
    return NAN;
}

int jz_html_history_section(const page *p)
{
    const jz_comparison *c = p->c;
    if (!p->history)
        return JZ_OK;
    int S = c->n_scenarios, Y = c->n_years, NO = (int)(sizeof observed / sizeof observed[0]);
    double *v = malloc((size_t)S * (size_t)Y * sizeof *v), *obs = malloc((size_t)Y * sizeof *obs);
    int *years = malloc((size_t)Y * sizeof *years), *ids = malloc((size_t)S * sizeof *ids);
    int *prov = calloc((size_t)Y, sizeof *prov);
    char **names = calloc((size_t)S, sizeof *names);
    int ok = v && obs && years && ids && prov && names, opened = 0;
    for (int s = 0; ok && s < S; s++) {
        ids[s] = s + 1;
        ok = (names[s] = label_of(p, s)) != NULL;
    }
    for (int y = 0; ok && y < Y; y++)
        years[y] = jz_cmp_year(c, y);
    for (int k = 0; ok && k < NO; k++) {
        int m = observed[k].metric, n_obs = 0;
        for (int y = 0; y < Y; y++) {
            obs[y] = observed_value(p, observed[k].series, years[y], &prov[y]);
            n_obs += isfinite(obs[y]);
            for (int s = 0; s < S; s++)
                v[s * Y + y] = val(p, m, s, y);
        }
        if (!n_obs)
            continue;
        if (!opened++)
            fprintf(p->out, "<section class=\"blk\">\n<h2>%s</h2>\n<p>%s</p>\n",
                    L(p, "Waarneming en projectie", "Observed and projected"),
                    L(p, "De zwarte punten zijn de waargenomen cijfers uit de opgegeven historie (open: voorlopig); "
                         "de lijnen de projectie van elk scenario.",
                      "The black points are the observed figures of the history given (open: provisional); the lines "
                      "the projection of each scenario."));
        char id[48];
        snprintf(id, sizeof id, "chart-observed-%s", jz_cmp_metrics[m].key);
        fprintf(p->out, "<figure>\n<figcaption>");
        esc(p, jz_cmp_metric_label(m, p->lang));
        fprintf(p->out, "</figcaption>\n");
        jz_chart ch = {p->out, p->lang, id, jz_cmp_metric_label(m, p->lang), L(p, observed[k].unit_nl, observed[k].unit_en),
                       observed[k].scale, 840, 260, .split = realised_positions(p), .observed = obs,
                       .observed_prov = prov, .observed_name = L(p, "waargenomen", "observed")};
        jz_svg_line_chart(&ch, years, Y, S, (const char *const *)names, ids, v, NULL, 1);
        fprintf(p->out, "</figure>\n");
        /* the same figures as a table, observed beside the projections */
        fprintf(p->out, "<table class=\"years\">\n<thead><tr><th>%s</th><th class=\"n\">%s</th>", L(p, "Jaar", "Year"),
                L(p, "Waargenomen", "Observed"));
        scen_heads(p);
        for (int y = 0; y < Y; y++) {
            jz_html_phase_row(p, y, S + 2);
            char buf[96];
            fprintf(p->out, "<tr><td>%d</td><td class=\"n\">", years[y]);
            if (isfinite(obs[y])) {
                jz_html_fmt(p, m, obs[y], buf, sizeof buf);
                esc(p, buf);
                if (prov[y])
                    fputs(L(p, " (voorlopig)", " (provisional)"), p->out);
            } else {
                fputs("–", p->out);
            }
            fputs("</td>", p->out);
            for (int s = 0; s < S; s++) {
                jz_html_fmt(p, m, v[s * Y + y], buf, sizeof buf);
                fputs("<td class=\"n\">", p->out);
                esc(p, buf);
                fputs("</td>", p->out);
            }
            fputs("</tr>\n", p->out);
        }
        fputs("</tbody></table>\n", p->out);
    }
    if (opened)
        fputs("</section>\n", p->out);
    else if (ok) /* say why the observations the reader asked for are not drawn */
        fprintf(p->out, "<p class=\"note\">%s</p>\n",
                L(p, "De opgegeven historie heeft geen jaarcijfers (unieke cliënten, kosten of kosten per cliënt) "
                     "van alle zorgsoorten samen voor dit gebied; er zijn geen waarnemingen getekend.",
                  "The history given has no yearly figures (unique clients, cost or cost per client) of all "
                  "zorgsoorten together for this area; no observations are drawn."));
    for (int s = 0; names && s < S; s++)
        free(names[s]);
    free(names);
    free(prov);
    free(ids);
    free(years);
    free(obs);
    free(v);
    return ok ? JZ_OK : JZ_ENOMEM;
}
