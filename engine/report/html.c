/*
 * html.c - a comparison as a briefing for the council: one self-contained
 * HTML file (no external fonts, scripts or images; works offline; prints on
 * A4) with a summary in plain language and inline SVG charts (svg.c).
 *
 * Sections: header (date, kenmerk, realisatie/prognose); summary; the
 * scenarios; key figures; tekort per year (a line per scenario, with P5-P95
 * bands on projected years where the comparison carries them); where the
 * tekort comes from (a waterfall per scenario, one sentence per part); cost
 * per zorgsoort (stacked columns with the budget, and as a table); the
 * verschillenanalyse (price, volume, other per zorgsoort); clients
 * per zorgsoort; observed figures (--history); the tornado; per gemeente
 * (regions); accountability (notes, sources).  Dutch by default.  The
 * charts are written by html_charts.c, the document parts (date, kenmerk,
 * page footer, sources) by html_doc.c; html_page.h holds what they share.
 *
 * Every text that comes from a scenario (names, descriptions, sources,
 * paths) or from the command line (the title) goes through jz_html_escape,
 * so a scenario cannot inject markup.  The figures are those of the
 * comparison accessors, only scaled to millions for reading.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/taakveld.h"
#include "jzsim/jzsim.h"

#include "report/html_page.h"
#include "report/text.h"

static void css(FILE *out)
{
    fputs("<style>\n"
          ":root{--ink:#1a1a1a;--muted:#555;--rule:#c8c8c8;--accent:#1f3a68}\n"
          "*{box-sizing:border-box}\n"
          "body{margin:0;background:#f4f4f2;color:var(--ink);font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,"
          "\"Helvetica Neue\",Arial,\"Noto Sans\",\"Liberation Sans\",sans-serif}\n"
          "main{max-width:940px;margin:0 auto;background:#fff;padding:36px 48px 28px}\n"
          "header{border-bottom:3px solid var(--accent);padding-bottom:12px;margin-bottom:18px}\n"
          ".kicker{margin:0;color:var(--muted);font-size:13px;letter-spacing:.06em;text-transform:uppercase}\n"
          "h1{margin:4px 0 6px;font-size:27px;line-height:1.2;color:var(--accent)}\n"
          ".meta{margin:0;color:var(--muted);font-size:14px}\n"
          "h2{font-size:19px;margin:26px 0 8px;color:var(--accent);border-bottom:1px solid var(--rule);padding-bottom:3px}\n"
          "h3{font-size:15px;margin:14px 0 4px}\n"
          "p{margin:6px 0}\n"
          ".summary{background:#f1f4f8;border-left:5px solid var(--accent);padding:10px 18px 10px 16px}\n"
          ".summary ul{margin:6px 0;padding-left:20px}.summary li{margin:5px 0}\n"
          "table{border-collapse:collapse;width:100%;font-size:13.5px;margin:8px 0 4px;font-variant-numeric:tabular-nums}\n"
          "th,td{padding:4px 8px;border-bottom:1px solid #e2e2e2;vertical-align:top}\n"
          "th{text-align:left;border-bottom:2px solid #888;font-weight:600}\n"
          "td.n,th.n{text-align:right;white-space:nowrap}td.nw{white-space:nowrap}\n"
          "tr.total td{font-weight:600;border-top:1.5px solid #888}\n"
          "table.fig td:first-child{min-width:9em}\n"
          ".note{color:var(--muted);font-size:13px}\n"
          ".chart{width:100%;height:auto;display:block;margin:4px 0}\n"
          ".chart text{font-family:inherit;fill:#222}\n"
          ".chart .tick{font-size:12px;fill:#444}.chart .unit{font-size:12px;font-weight:600}\n"
          ".chart .leg{font-size:12.5px}.chart .lbl{font-size:12px}.chart .val{font-size:11.5px;font-weight:600}\n"
          ".chart .grid{stroke:#e3e3e3;stroke-width:1}.chart .zero{stroke:#555;stroke-width:1.2}\n"
          ".chart .axis{stroke:#555;stroke-width:1}.chart .conn{stroke:#777;stroke-dasharray:3 2}\n"
          ".grid2{display:grid;grid-template-columns:1fr 1fr;gap:10px 22px}\n"
          ".grid2 figure{margin:0}.grid2 figcaption{font-weight:600;font-size:14px}\n"
          "figure{margin:0}\n"
          "tr.phase td,tr.phase th{font-weight:600;color:var(--accent);background:#f1f4f8;border-bottom:1px solid #c8c8c8;"
          "font-size:12.5px;letter-spacing:.03em}\n"
          "ul.parts{margin:4px 0 8px;padding-left:20px;font-size:14px}ul.parts li{margin:3px 0}\n"
          "figure.wf{margin:6px 0 2px}figure.wf figcaption{font-weight:600;font-size:14px}\n"
          ".kenmerk{margin:2px 0 0;color:var(--muted);font-size:12.5px}\n"
          "ul.bronnen li{margin:3px 0}\n"
          "footer{margin-top:28px;border-top:1px solid var(--rule);padding-top:8px;color:var(--muted);font-size:12.5px}\n"
          "figure,tr,.summary,.keep,ul.parts li{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}\n"
          "h2,h3{break-after:avoid;page-break-after:avoid}\n"
          "@page{size:A4;margin:15mm 14mm 18mm;"
          "}\n"
          "@media print{body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}"
          ".summary{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
          ".chart{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
          ".pagebreak{break-before:page;page-break-before:always}h2{margin-top:16px}}\n"
          "</style>\n",
          out);
}


/* ---- summary ---- */

/* Does the amount show as more than € 0,0 mln (0,05 mln or more, not NaN)?
 * The summary names a part, or says "hoger"/"lager", only then.  The same
 * amount below which a tekort gets no percentage (JZ_CMP_REL_LEAST_MONEY). */
static int shows_mln(double v)
{
    return !isnan(v) && fabs(v) >= JZ_CMP_REL_LEAST_MONEY;
}

/* An amount as the words of jz_text_tekort_part / _change read it: 0 when it
 * shows as € 0,0 mln (below 0,05 mln), so that it gets no "hoger"/"lager". */
static double shown_mln(double v)
{
    return isnan(v) || shows_mln(v) ? v : 0;
}

/* A percentage r (jz_cmp_rel, not NaN) without its sign, "24,0%": the
 * words before it say which way ("hoger", "lager"). */
static const char *rel_abs(char *buf, size_t n, double r, jz_lang lang)
{
    jz_cmp_fmt_rel(buf, n, fabs(r), lang);
    return buf + (buf[0] == '+');
}

/* A part of the tekort in words, "een overschot van € 2,4 mln". */
static void tekort_part(const page *p, double v)
{
    char a[96], w[128];
    esc(p, jz_text_tekort_part(w, sizeof w, shown_mln(v), jz_cmp_fmt_mln(a, sizeof a, fabs(v), p->lang),
                               p->lang == JZ_LANG_EN));
}

/* Where the difference of scenario s with the reference comes from: the
 * difference in besparing (every measure, net of investment) and the rest,
 * "andere aannames"; both are figures of the comparison. */
static void difference_parts(const page *p, int s, int ys)
{
    double ds = jz_cmp_diff(p->c, JZ_CMP_MEASURE_SAVING, p->u, 0, s, ys);
    double other = val(p, JZ_CMP_OTHER_ASSUMPTIONS, s, ys);
    if (isnan(ds) || isnan(other))
        return;
    int has_s = shows_mln(ds), has_o = shows_mln(other);
    if (has_s && has_o && (ds > 0) != (other > 0)) {
        /* one part for, one against: "daarvan" would add up to more than
         * the difference; say which way each one goes */
        T(p, ds > 0 ? "; meer besparing van maatregelen maakt het " : "; minder besparing van maatregelen maakt het ",
          ds > 0 ? "; more savings of measures make it " : "; fewer savings of measures make it ");
        mln_abs(p, ds);
        T(p, ds > 0 ? " gunstiger, andere aannames maken het " : " ongunstiger, andere aannames maken het ",
          ds > 0 ? " better, other assumptions make it " : " worse, other assumptions make it ");
        mln_abs(p, other);
        T(p, other > 0 ? " gunstiger" : " ongunstiger", other > 0 ? " better" : " worse");
    } else if (has_s && has_o) {
        T(p, "; daarvan ", "; of this, ");
        mln_abs(p, ds);
        T(p, ds > 0 ? " door meer besparing van maatregelen en " : " door minder besparing van maatregelen en ",
          ds > 0 ? " from more savings of measures and " : " from fewer savings of measures and ");
        mln_abs(p, other);
        T(p, " door andere aannames", " from other assumptions");
    } else if (has_s) {
        T(p, ", geheel door de besparing van maatregelen", ", all of it from the savings of measures");
    } else if (has_o) {
        T(p, ", geheel door andere aannames (geen verschil in besparing)",
          ", all of it from other assumptions (no difference in savings)");
    }
}


/* What the reference's beïnvloedbaar (influenceable = 1) or
 * niet-beïnvloedbaar part of the tekort holds in year index ys, as a list
 * "a, b en c": the causes of the split (docs/model.md), the startverschil in
 * the part the scenario counts it in, a regional verevening or contract
 * (niet-beïnvloedbaar, section 14) where it is at least € 0,05 mln.  plain:
 * the words of a deficit's sentence ("meer en zwaardere zorg dan begroot");
 * else the parts' names ("volume en zorgzwaarte"). */
static void part_contents(const page *p, int ys, int influenceable, int plain)
{
    const jz_comparison *c = p->c;
    double st = val(p, JZ_CMP_DEC_START, 0, ys), rg = val(p, JZ_CMP_VEREVENING, 0, ys),
           rc = val(p, JZ_CMP_CONTRACT, 0, ys);
    int start = shows_mln(st), in = c->scen[0].scenario->meta.startverschil_beinvloedbaar;
    int regio = shows_mln(rg) || shows_mln(rc);
    const char *what[4];
    int n = 0;
    if (influenceable && plain) {
        what[n++] = L(p, "meer en zwaardere zorg dan begroot", "more and heavier care than budgeted");
    } else if (influenceable) {
        what[n++] = L(p, "volume", "volume");
        what[n++] = L(p, "zorgzwaarte", "intensity");
    } else {
        what[n++] = plain ? L(p, "tarieven die sneller stijgen dan de begroting", "tariffs rising faster than the budget")
                          : L(p, "tariefgat", "tariff gap");
        what[n++] = L(p, "verschuivingen van buiten", "shifts from outside");
        if (regio)
            what[n++] = L(p, "de regionale afspraken", "the regional arrangements");
    }
    if (start && in == influenceable)
        what[n++] = L(p, "het startverschil", "the starting gap");
    for (int i = 0; i < n; i++) {
        if (i > 0)
            fputs(i == n - 1 ? L(p, " en ", " and ") : ", ", p->out);
        fputs(what[i], p->out);
    }
}

static void summary(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    int ys = p->ys, year = jz_cmp_year(c, ys);
    fprintf(out, "<section class=\"summary\"><h2 style=\"border:0;margin-top:4px\">%s</h2>\n<ul>\n",
            L(p, "Samenvatting", "Summary"));
    /* the reference */
    double t0 = val(p, JZ_CMP_TEKORT, 0, ys);
    fprintf(out, "<li>");
    if (isnan(t0)) {
        T(p, "Het referentiescenario ‘", "The reference scenario ‘");
        esc_name(p, 0);
        TF(p, "’ loopt niet tot %d.", "’ does not reach %d.", year);
    } else {
        if (jz_cmp_summary_is_begroting(c)) /* the year the council decides on */
            TF(p, "In het begrotingsjaar %d is het %s op jeugdzorg in het referentiescenario <b>‘",
               "In the budget year %d the %s on youth care in the reference scenario <b>‘", year,
               t0 >= 0 ? L(p, "tekort", "deficit") : L(p, "overschot", "surplus"));
        else
            TF(p, "In %d is het %s op jeugdzorg in het referentiescenario <b>‘", "In %d the %s on youth care in the reference scenario <b>‘",
               year, t0 >= 0 ? L(p, "tekort", "deficit") : L(p, "overschot", "surplus"));
        esc_name(p, 0);
        T(p, "’</b> <b>", "’</b> is <b>");
        mln_abs(p, t0);
        T(p, "</b>: de kosten (", "</b>: cost (");
        mln(p, val(p, JZ_CMP_COST, 0, ys));
        T(p, ") tegenover een begroting van ", ") against a budget of ");
        mln(p, val(p, JZ_CMP_BUDGET, 0, ys));
        fprintf(out, ".");
        if (jz_cmp_decomposition_ok(c, p->u, 0, ys) && jz_cmp_has(c, JZ_CMP_BEINVLOEDBAAR, p->u, 0, 0, ys)) {
            double bi = val(p, JZ_CMP_BEINVLOEDBAAR, 0, ys), nbi = val(p, JZ_CMP_NIET_BEINVLOEDBAAR, 0, ys);
            if (t0 > 0 && bi >= 0 && nbi >= 0) {
                T(p, " Daarvan is <b>", " Of this, <b>");
                mln(p, bi);
                T(p, " beïnvloedbaar</b> (", " can be influenced</b> (");
                part_contents(p, ys, 1, 1);
                T(p, ") en ", ") and ");
                mln(p, nbi);
                T(p, " niet beïnvloedbaar (", " cannot (");
                part_contents(p, ys, 0, 1);
                fputs(").", out);
            } else {
                /* a surplus, or a part that goes the other way: "of this"
                 * would mislead and "€ -2,4 mln" reads as nonsense; name
                 * both parts and say what each one is */
                T(p, " Het beïnvloedbare deel (", " The part that can be influenced (");
                part_contents(p, ys, 1, 0);
                fputs(") is <b>", out);
                tekort_part(p, bi);
                T(p, "</b>, het niet-beïnvloedbare deel (", "</b>, the part that cannot (");
                part_contents(p, ys, 0, 0);
                fputs(") ", out);
                tekort_part(p, nbi);
                fputs(".", out);
            }
        }
        double b[3];
        if (jz_cmp_band(c, JZ_CMP_TEKORT, p->u, 0, ys, b)) {
            /* in words: "tussen € -3,0 mln en € -1,0 mln" reads as nonsense */
            char lo[96], hi[96], w[400];
            fputc(' ', out);
            esc(p, jz_text_tekort_band(w, sizeof w, shown_mln(b[0]), shown_mln(b[2]),
                                       jz_cmp_fmt_mln(lo, sizeof lo, fabs(b[0]), p->lang),
                                       jz_cmp_fmt_mln(hi, sizeof hi, fabs(b[2]), p->lang), p->lang == JZ_LANG_EN));
        }
    }
    fprintf(out, "</li>\n");
    /* the others against the reference */
    for (int s = 1; s < c->n_scenarios; s++) {
        double t = val(p, JZ_CMP_TEKORT, s, ys);
        fprintf(out, "<li>");
        if (isnan(t)) {
            T(p, "Scenario ‘", "Scenario ‘");
            esc_name(p, s);
            TF(p, "’ loopt niet tot %d.", "’ does not reach %d.", year);
            fprintf(out, "</li>\n");
            continue;
        }
        T(p, "In ‘<b>", "In ‘<b>");
        esc_name(p, s);
        fprintf(out, "</b>’ %s ", t >= 0 ? L(p, "is het tekort", "the deficit is") : L(p, "is het overschot", "the surplus is"));
        fprintf(out, "<b>");
        mln_abs(p, t);
        fprintf(out, "</b>");
        double d = jz_cmp_diff(c, JZ_CMP_TEKORT, p->u, 0, s, ys), r = jz_cmp_rel(c, JZ_CMP_TEKORT, p->u, 0, s, ys);
        if (!isnan(d)) {
            char rb[64];
            if (!shows_mln(d)) {
                T(p, ", vrijwel gelijk aan de referentie", ", about the same as the reference");
            } else {
                fprintf(out, ": ");
                mln_abs(p, d);
                if (!isnan(r))
                    fprintf(out, " (%s)", rel_abs(rb, sizeof rb, r, p->lang));
                /* "more deficit" reads wrong between two surpluses: then say
                 * better or worse */
                if (t > 0 && t0 > 0)
                    fprintf(out, " %s", d > 0 ? L(p, "meer tekort dan in de referentie", "more deficit than the reference")
                                              : L(p, "minder tekort dan in de referentie", "less deficit than the reference"));
                else
                    fprintf(out, " %s", d > 0 ? L(p, "ongunstiger dan de referentie", "worse than the reference")
                                              : L(p, "gunstiger dan de referentie", "better than the reference"));
                /* no percentage across 0 (jz_cmp_rel): say which way it turns */
                const char *turn = jz_text_tekort_turn(shown_mln(t0), shown_mln(t), p->lang == JZ_LANG_EN);
                if (turn)
                    fprintf(out, " (%s)", turn);
                difference_parts(p, s, ys);
            }
        }
        fprintf(out, ".</li>\n");
    }
    /* what the measures buy: the one besparing (every measure, net of its
     * investment), then the Hervormingsagenda part and how certain it is */
    int any = 0;
    for (int s = 0; s < c->n_scenarios; s++) {
        double sv = val(p, JZ_CMP_MEASURE_SAVING, s, ys), inv = val(p, JZ_CMP_MEASURE_INVESTMENT, s, ys);
        double ha = val(p, JZ_CMP_HA_SAVINGS, s, ys);
        if ((isnan(sv) || sv == 0) && (isnan(inv) || inv == 0) && (isnan(ha) || ha == 0))
            continue;
        any = 1;
        T(p, "<li>Maatregelen in ‘", "<li>Measures in ‘");
        esc_name(p, s);
        TF(p, "’: in %d een besparing van <b>", "’: in %d savings of <b>", year);
        mln(p, isnan(sv) ? 0 : sv);
        fprintf(out, "</b>");
        if (!isnan(inv) && inv != 0) {
            T(p, " na aftrek van een investering van ", " after an investment of ");
            mln(p, inv);
        }
        if (!isnan(ha) && ha != 0) {
            char a[96], b[96];
            int all = !isnan(sv) && strcmp(jz_cmp_fmt_mln(a, sizeof a, ha, p->lang), jz_cmp_fmt_mln(b, sizeof b, sv, p->lang)) == 0;
            T(p, all ? "; dat is de Hervormingsagenda" : "; de Hervormingsagenda draagt daaraan ",
              all ? "; that is the Hervormingsagenda" : "; the Hervormingsagenda contributes ");
            if (!all)
                mln(p, ha);
            if (!all)
                T(p, " bij", "");
            double cert = val(p, JZ_CMP_HA_SAVINGS_CERTAIN, s, ys);
            if (!isnan(cert)) {
                /* equal as shown: say so instead of repeating the amount */
                if (strcmp(jz_cmp_fmt_mln(a, sizeof a, cert, p->lang), jz_cmp_fmt_mln(b, sizeof b, ha, p->lang)) == 0) {
                    T(p, ", geheel zeker", ", all of it certain");
                } else {
                    T(p, ", waarvan ", ", of which ");
                    mln(p, cert);
                    T(p, " zeker", " certain");
                }
            }
        }
        fprintf(out, ".</li>\n");
    }
    if (!any)
        fprintf(out, "<li>%s</li>\n",
                L(p, "Geen van de scenario’s rekent met besparingen door maatregelen.",
                  "None of the scenarios counts on savings from measures."));
    /* "daarvan € 2,9 mln ... en € 0,5 mln" of a tekort of € 3,3 mln: each
     * figure rounded on its own, as in the tables; said here too, where a
     * council member adds the parts first (Amersfoort walk-through) */
    fprintf(out, "</ul>\n<p class=\"note\">%s</p></section>\n",
            L(p, "Bedragen in miljoenen euro’s van dat jaar, elk afgerond op € 0,1 mln: door afronding kan een "
                 "totaal 0,1 afwijken van de som van de delen. Tekort = kosten min begroting.",
              "Amounts in millions of euros of that year, each rounded to € 0.1 mln: through rounding a total may "
              "differ by 0.1 from the sum of its parts. Deficit = cost minus budget."));
}

/* ---- tables ---- */

static void scenario_table(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    int year = jz_cmp_year(c, p->ys);
    fprintf(out, "<h2>%s</h2>\n<table>\n<thead><tr><th>#</th><th>%s</th><th>%s</th><th class=\"n\">%s %d</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
            L(p, "De scenario’s", "The scenarios"), L(p, "Scenario", "Scenario"), L(p, "Jaren", "Years"),
            L(p, "Tekort", "Deficit"), year, L(p, "Tekort t.o.v. [1]", "Deficit vs [1]"));
    for (int s = 0; s < c->n_scenarios; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        fprintf(out, "<tr><td>[%d]</td><td><b>", s + 1);
        esc_name(p, s);
        fprintf(out, "</b>%s", s == 0 ? L(p, " (referentie)", " (reference)") : "");
        if (sc->meta.description_inherited) {
            /* the base's description would describe the base, not this variant */
            fprintf(out, "<br><span class=\"note\">%s", L(p, "Variant op ‘", "Variant of ‘"));
            esc(p, sc->meta.variant_of);
            fprintf(out, "’.</span>");
        } else if (sc->meta.description[0]) {
            fprintf(out, "<br><span class=\"note\">");
            esc(p, sc->meta.description);
            fprintf(out, "</span>");
        }
        fprintf(out, "</td><td class=\"nw\">%d–%d</td><td class=\"n\">", c->scen[s].first_year, c->scen[s].last_year);
        mln(p, val(p, JZ_CMP_TEKORT, s, p->ys));
        fprintf(out, "</td><td class=\"n\">");
        if (s == 0) {
            fprintf(out, "–");
        } else {
            char buf[96];
            double d = jz_cmp_diff(c, JZ_CMP_TEKORT, p->u, 0, s, p->ys);
            if (isnan(d)) {
                fprintf(out, "–");
            } else {
                /* in words, as in the summary: "€ 3,8 mln hoger (24,0%)" */
                char a[96];
                double r = jz_cmp_rel(c, JZ_CMP_TEKORT, p->u, 0, s, p->ys);
                esc(p, jz_text_tekort_change(buf, sizeof buf, shown_mln(d),
                                             jz_cmp_fmt_mln(a, sizeof a, fabs(d), p->lang), p->lang == JZ_LANG_EN));
                const char *turn = jz_text_tekort_turn(shown_mln(val(p, JZ_CMP_TEKORT, 0, p->ys)),
                                                       shown_mln(val(p, JZ_CMP_TEKORT, s, p->ys)), p->lang == JZ_LANG_EN);
                if (!isnan(r)) {
                    fprintf(out, " (");
                    esc(p, rel_abs(buf, sizeof buf, r, p->lang));
                    fprintf(out, ")");
                } else if (turn) { /* no percentage across 0 (jz_cmp_rel): the turn, under it */
                    fprintf(out, "<br><span class=\"note\">%s</span>", turn);
                }
            }
        }
        fprintf(out, "</td></tr>\n");
    }
    fprintf(out, "</tbody></table>\n");
}

void jz_html_phase_row(const page *p, int y, int cols)
{
    int r = realised_positions(p);
    if (y == 0 && r > 0)
        fprintf(p->out, "<tr class=\"phase\"><td colspan=\"%d\">%s</td></tr>\n", cols, L(p, "Realisatie", "Realised"));
    if (y == r)
        fprintf(p->out, "<tr class=\"phase\"><td colspan=\"%d\">%s</td></tr>\n", cols, L(p, "Prognose", "Projection"));
}

char *jz_html_fmt(const page *p, int m, double v, char *buf, size_t n)
{
    if (isnan(v))
        snprintf(buf, n, "–");
    else if (jz_cmp_metrics[m].kind == JZ_KIND_MONEY)
        jz_format_number(buf, n, v / 1e6, 1, p->lang);
    else
        jz_cmp_fmt_value(buf, n, m, v, p->lang);
    return buf;
}

/* Metric m per year (rows) and scenario (columns), in € mln. */
void jz_html_year_table(const page *p, int m)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    fprintf(out, "<table class=\"years\">\n<thead><tr><th>%s (€ mln)</th>", L(p, "Jaar", "Year"));
    scen_heads(p);
    for (int y = 0; y < c->n_years; y++) {
        jz_html_phase_row(p, y, c->n_scenarios + 1);
        fprintf(out, "<tr><td>%d</td>", jz_cmp_year(c, y));
        for (int s = 0; s < c->n_scenarios; s++) {
            char buf[64];
            fprintf(out, "<td class=\"n\">%s</td>", jz_html_fmt(p, m, val(p, m, s, y), buf, sizeof buf));
        }
        fprintf(out, "</tr>\n");
    }
    fprintf(out, "</tbody></table>\n");
}

static void figures_table(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    static const int rows[] = {JZ_CMP_COST, JZ_CMP_BUDGET, JZ_CMP_TEKORT, JZ_CMP_NIET_BEINVLOEDBAAR, JZ_CMP_BEINVLOEDBAAR,
                               JZ_CMP_DEC_START, JZ_CMP_MEASURE_SAVING, JZ_CMP_HA_SAVINGS, JZ_CMP_MEASURE_INVESTMENT,
                               JZ_CMP_OTHER_ASSUMPTIONS, JZ_CMP_UNIQUE, JZ_CMP_COST_PER_CLIENT};
    fprintf(out, "<h2>%s %d (%s)</h2>\n<table class=\"fig\">\n<thead><tr><th></th>", L(p, "Kerncijfers", "Key figures"),
            jz_cmp_year(c, p->ys), ys_phase(p));
    scen_heads(p);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int m = rows[i];
        if (!jz_cmp_metric_present(c, m, p->u))
            continue;
        if ((m == JZ_CMP_HA_SAVINGS || m == JZ_CMP_MEASURE_INVESTMENT || m == JZ_CMP_MEASURE_SAVING ||
             m == JZ_CMP_DEC_START || m == JZ_CMP_OTHER_ASSUMPTIONS) &&
            !jz_cmp_metric_any(c, m, p->u))
            continue;
        if (m == JZ_CMP_OTHER_ASSUMPTIONS && c->n_scenarios < 2)
            continue;
        int money = jz_cmp_metrics[m].kind == JZ_KIND_MONEY;
        fprintf(out, "<tr%s><td>", m == JZ_CMP_TEKORT ? " class=\"total\"" : "");
        /* the difference other assumptions make, in words ("3,8 hoger"):
         * "lager tekort ... -3,8" reads as nonsense */
        esc(p, m == JZ_CMP_OTHER_ASSUMPTIONS ? L(p, "Tekort door andere aannames", "Deficit from other assumptions")
                                             : jz_cmp_metric_label(m, p->lang));
        fprintf(out, "%s</td>", money ? " (€ mln)" : "");
        for (int s = 0; s < c->n_scenarios; s++) {
            char buf[96], num[64];
            double v = val(p, m, s, p->ys);
            if (m == JZ_CMP_OTHER_ASSUMPTIONS && s == 0) /* the reference against itself */
                snprintf(buf, sizeof buf, "–");
            else if (m == JZ_CMP_OTHER_ASSUMPTIONS && !isnan(v))
                jz_text_tekort_change(buf, sizeof buf, shown_mln(-v), jz_format_number(num, sizeof num, fabs(v) / 1e6, 1, p->lang),
                                      p->lang == JZ_LANG_EN);
            else
                jz_html_fmt(p, m, v, buf, sizeof buf);
            fprintf(out, "<td class=\"n\">");
            esc(p, buf);
            fprintf(out, "</td>");
        }
        fprintf(out, "</tr>\n");
    }
    fprintf(out, "</tbody></table>\n");
    /* each figure is rounded on its own, so a council member who adds the
     * two parts of the tekort may find 0,1 more or less than the line
     * above: say so where the sums are read */
    fprintf(out, "<p class=\"note\">%s</p>\n",
            L(p, "Bedragen afgerond op € 0,1 mln; door afronding kan een totaal 0,1 afwijken van de som van de delen.",
              "Amounts rounded to € 0.1 mln; through rounding a total may differ by 0.1 from the sum of its parts."));
}

/* Cost, begroting and tekort per Iv3 taakveld in the summary year, per
 * scenario: the sums of their zorgsoorten, computed in the analysis layer
 * (jzsim/taakveld.h), so that the figures reconcile with the begroting. */
static void taakveld_table(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    const jz_taakveld_list *l = &c->taakveld_list;
    if (l->n == 0)
        return;
    fprintf(out, "<h2>%s %d (%s)</h2>\n<table class=\"fig taakveld\">\n<thead><tr><th>%s</th>",
            L(p, "Per taakveld (Iv3) in", "Per taakveld (Iv3 budget line) in"), jz_cmp_year(c, p->ys), ys_phase(p),
            L(p, "Taakveld (€ mln)", "Taakveld (€ mln)"));
    scen_heads(p);
    static const char *const nl[] = {"kosten", "begroting", "tekort"}, *const en[] = {"cost", "budget", "deficit"};
    for (int i = 0; i < l->n; i++) {
        int code = l->code[i];
        for (int f = 0; f < 3; f++) {
            fprintf(out, "<tr%s><td>%s %s</td>", f == 2 ? " class=\"total\"" : "",
                    jz_text_taakveld_name(code, p->lang == JZ_LANG_EN),
                    L(p, nl[f], en[f]));
            for (int s = 0; s < c->n_scenarios; s++) {
                const jz_taakveld_totals *t = c->scen[s].taakvelden;
                int g = c->units[p->u].g[s], y = p->ys - (c->scen[s].first_year - c->first_year);
                int k = jz_taakveld_slot(t, code);
                char buf[64] = "–";
                if (k >= 0 && g >= 0 && y >= 0 && y < t->horizon) {
                    const double *a = f == 0 ? t->cost : f == 1 ? t->budget : t->tekort;
                    jz_format_number(buf, sizeof buf, a[jz_taakveld_at(t, g, k, y)] / 1e6, 1, p->lang);
                }
                fprintf(out, "<td class=\"n\">");
                esc(p, buf);
                fprintf(out, "</td>");
            }
            fprintf(out, "</tr>\n");
        }
    }
    fprintf(out, "</tbody></table>\n");
    /* a taakveld without money is not a row of zeros but this one line */
    char why[256];
    if (l->n_empty)
        fprintf(out, "<p class=\"note\">%s</p>\n", jz_text_taakveld_empty(why, sizeof why, l, p->lang == JZ_LANG_EN));
    /* the bare word in the table is terse: say once what the line holds */
    if (jz_taakveld_list_has_outside(l))
        fprintf(out, "<p class=\"note\">%s %s</p>\n", jz_text_taakveld_outside_note(p->lang == JZ_LANG_EN),
                L(p, "De regels tellen op tot de totalen in de kerncijfers.",
                  "The lines add up to the totals in the key figures."));
}

static void gemeenten_table(const page *p)
{
    const jz_comparison *c = p->c;
    FILE *out = p->out;
    if (c->n_units < 2)
        return;
    fprintf(out, "<h2>%s %d (%s)</h2>\n<table>\n<thead><tr><th>%s</th>", L(p, "Tekort per gemeente in", "Deficit per gemeente in"),
            jz_cmp_year(c, p->ys), ys_phase(p), L(p, "Gemeente (€ mln)", "Gemeente (€ mln)"));
    scen_heads(p);
    for (int u = 0; u < c->n_units; u++) {
        const jz_cmp_unit *un = &c->units[u];
        fprintf(out, "<tr%s><td>", un->is_total ? " class=\"total\"" : "");
        if (un->is_total) {
            fputs(L(p, "Regio totaal", "Region total"), out);
        } else {
            esc(p, un->name);
            fprintf(out, " <span class=\"note\">");
            esc(p, un->code);
            fprintf(out, "</span>");
        }
        fprintf(out, "</td>");
        for (int s = 0; s < c->n_scenarios; s++) {
            char buf[64];
            double v = jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, s, p->ys);
            if (isnan(v))
                snprintf(buf, sizeof buf, "–");
            else
                jz_format_number(buf, sizeof buf, v / 1e6, 1, p->lang);
            fprintf(out, "<td class=\"n\">%s</td>", buf);
        }
        fprintf(out, "</tr>\n");
    }
    fprintf(out, "</tbody></table>\n");
}

/* --gemeente all: the tekort and the key figures of every gemeente after
 * the region's own sections. */
static int per_gemeente(const page *p)
{
    int rc = JZ_OK;
    for (int u = 0; u < p->c->n_units && !rc; u++) {
        if (p->c->units[u].is_total || u == p->u)
            continue;
        page q = *p;
        q.u = u;
        char id[JZ_CODE_MAX + 24], title[JZ_NAME_MAX + 64];
        /* the CBS code is the id: it is unique, and escaped where written */
        snprintf(id, sizeof id, "chart-tekort-%s", p->c->units[u].code);
        snprintf(title, sizeof title, "%s %s (%s)", L(p, "Tekort per jaar,", "Deficit per year,"),
                 p->c->units[u].name, p->c->units[u].code);
        fputs("<div class=\"pagebreak\"></div>\n", p->out);
        if (!(rc = jz_html_tekort_chart(&q, id, title)))
            figures_table(&q);
    }
    return rc;
}

int jz_rep_compare_html(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_comparison *c = x->comparison;
    page pg = {out, c, o->lang, o->gemeente >= 0 ? o->gemeente : c->total_unit, jz_cmp_summary_year(c),
               jz_html_realised_year(c, x->history), x->history, c->stock_band, c->scen[0].scenario,
               c->scen[0].result};
    const page *p = &pg;
    const jz_cmp_unit *un = &c->units[pg.u];
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"jzsim %s\">\n"
                 "<meta name=\"jzsim-realised\" content=\"%d\">\n<title>",
            p->lang == JZ_LANG_NL ? "nl" : "en", JZSIM_VERSION, p->realised);
    const char *title = o->title && o->title[0] ? o->title
                        : c->n_scenarios == 1 ? L(p, "Jeugdzorg: de projectie", "Youth care: the projection")
                                              : L(p, "Jeugdzorg: scenario’s vergeleken", "Youth care: scenarios compared");
    esc(p, title);
    fputs("</title>\n", out);
    css(out);
    char ken[32], date[64];
    jz_html_kenmerk(p, ken, sizeof ken);
    jz_html_date(p, date, sizeof date);
    jz_html_page_footer(p, ken, date);
    fputs("</head>\n<body>\n<main>\n<header>\n<p class=\"kicker\">", out);
    fputs(L(p, "Raadsinformatie jeugdzorg", "Council briefing youth care"), out);
    fputs("</p>\n<h1>", out);
    esc(p, title);
    fputs("</h1>\n<p class=\"meta\">", out);
    if (un->is_total) {
        fputs(L(p, "Regio: ", "Region: "), out);
        for (int u = 0, k = 0; u < c->n_units; u++)
            if (!c->units[u].is_total) {
                if (k++)
                    fputs(", ", out);
                esc(p, c->units[u].name);
            }
    } else {
        fputs(L(p, "Gemeente ", "Gemeente "), out);
        esc(p, un->name);
    }
    if (c->n_scenarios == 1) {
        fprintf(out, " · %d–%d · %s ", c->first_year, jz_cmp_year(c, c->n_years - 1), L(p, "scenario", "scenario"));
        esc_name(p, 0);
    } else {
        fprintf(out, " · %d–%d · %d %s · %s ", c->first_year, jz_cmp_year(c, c->n_years - 1), c->n_scenarios,
                L(p, "scenario’s", "scenarios"), L(p, "referentie:", "reference:"));
        esc_numbered(p, 0);
    }
    fprintf(out, "</p>\n<p class=\"kenmerk\">%s · %s %s · ", date, L(p, "kenmerk", "reference"), ken);
    for (int s = 0; s < c->n_scenarios; s++) {
        fprintf(out, "%s", s ? "; " : "");
        esc_numbered(p, s);
    }
    int bj = c->scen[0].scenario->meta.begrotingsjaar;
    if (bj > 0) {
        /* the P&C cycle of the reference's meta.begrotingsjaar, naming only
         * the years this run covers (a run to 2027 has no meerjarenraming
         * 2028-2030 to show) */
        int first = c->first_year, last = jz_cmp_year(c, c->n_years - 1), k = 0;
        int m0 = bj + 1 > first ? bj + 1 : first, m1 = bj + 3 < last ? bj + 3 : last;
        TF(p, " · begroting %d", " · budget year %d", bj);
        if (bj - 2 >= first && bj - 2 <= last)
            TF(p, "%sjaarrekening %d", "%sannual accounts %d", k++ ? ", " : " (", bj - 2);
        if (bj - 1 >= first && bj - 1 <= last)
            TF(p, "%slopend jaar %d", "%scurrent year %d", k++ ? ", " : " (", bj - 1);
        if (m0 < m1)
            TF(p, "%smeerjarenraming %d–%d", "%smulti-year estimate %d–%d", k++ ? ", " : " (", m0, m1);
        else if (m0 == m1)
            TF(p, "%smeerjarenraming %d", "%smulti-year estimate %d", k++ ? ", " : " (", m0);
        if (k)
            fputc(')', out);
    }
    TF(p, " · realisatie t/m %d, daarna prognose</p>\n</header>\n", " · realised up to %d, projected after</p>\n</header>\n",
       p->realised);

    /* what a council reads first: the summary, the scenarios and their key
     * figures; then the charts */
    summary(p);
    scenario_table(p);
    figures_table(p);
    taakveld_table(p);
    int rc = jz_html_tekort_chart(p, "chart-tekort", L(p, "Tekort per jaar", "Deficit per year"));
    if (!rc) {
        jz_html_waterfalls(p);
        rc = jz_html_cost_chart(p);
    }
    if (!rc)
        rc = jz_html_verschil_section(p);
    if (!rc)
        rc = jz_html_clients_chart(p);
    if (!rc)
        rc = jz_html_history_section(p);
    if (!rc)
        rc = jz_html_band_section(p);
    if (!rc) {
        jz_html_tornado_section(p);
        gemeenten_table(p);
        jz_html_regio_section(p);
        if (o->all_gemeenten)
            rc = per_gemeente(p);
    }
    if (!rc) {
        jz_html_accountability(p);
        fprintf(out, "<footer>%s jzsim %s, %s. %s %s.</footer>\n</main>\n</body>\n</html>\n",
                L(p, "Gemaakt met", "Made with"), JZSIM_VERSION, date, L(p, "Kenmerk", "Reference"), ken);
    }
    if (rc)
        return jz_error_set(err, rc, NULL, 0, 0, "out of memory while writing the briefing");
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the HTML briefing");
    return JZ_OK;
}
