/*
 * compare_table.c - scenarios side by side in the terminal.
 *
 * Layout rules: at most 100 columns; years run down the rows, scenarios
 * across the columns.  With many scenarios the columns wrap into blocks
 * (VALUE_COLS value columns, DIFF_COLS difference columns per block), so
 * twelve scenarios still fit.  A scenario's name in a column header is never
 * cut: it goes on over as many header lines as it needs.  A column is as wide as its
 * widest figure needs (never narrower than the defaults below), so two
 * columns never touch whatever the magnitude; fewer columns then go in a
 * block.  Years up to the realised year are marked R (realisatie).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "report/band_report.h"
#include "report/cmp_common.h"
#include "report/text.h"
#include "jzsim/verschil.h"

#define YEARW 6
#define COLW 16   /* one value column, including the space before it: fits € 9.999.999.999 */
#define DCOLW 16  /* a difference in euros */
#define PCOLW 9   /* a difference in percent */
#define VALUE_COLS 5
#define DIFF_COLS 3
#define ZNAMEW 24 /* zorgsoort names */

enum { HEAD_LINES = 32 }; /* enough for "[12] " and a name of JZ_NAME_MAX in 15 columns */

/* full ("[k] name") in header lines of at most w columns, never cut (a cut
 * name, "Praktijkonders…", is a wrong one): broken at spaces
 * (jz_text_break), a word wider than the column split at w.  Line i is the
 * len[i] bytes at start[i]; returns how many. */
static int head_lines(const char *full, int w, const char **start, int *len)
{
    const char *p = full;
    int n = 0;
    while (n < HEAD_LINES - 1 && jz_text_width(p) > w) {
        const char *brk = jz_text_break(p, w);
        size_t l = brk && brk > p ? (size_t)(brk - p) : jz_text_prefix(p, w);
        start[n] = p;
        len[n++] = (int)l;
        p += l;
        while (*p == ' ')
            p++;
    }
    start[n] = p;
    len[n++] = (int)strlen(p);
    return n;
}

/* The width a scenario's column needs for its header: at least w, and its
 * longest word ("Praktijkondersteuner") whole on a line, up to 40 columns
 * (a longer word is split over the lines). */
static int head_fit(const jz_comparison *c, int w, jz_lang lang)
{
    for (int s = 0; s < c->n_scenarios; s++) {
        char shown[JZ_CMP_SHOWN_NAME_MAX];
        const char *p = jz_cmp_scen_name(shown, sizeof shown, c, s, lang);
        while (*p) {
            size_t l = strcspn(p, " ");
            char word[JZ_CMP_SHOWN_NAME_MAX];
            snprintf(word, sizeof word, "%.*s", (int)l, p);
            int need = jz_text_width(word) + 1;
            if (need > 40) /* a longer word is split over the lines */
                need = 40;
            if (need > w)
                w = need;
            p += l;
            p += strspn(p, " ");
        }
    }
    return w;
}

/* The column headers of scenarios s0..s1-1, each w wide (plus a space):
 * the whole name over as many lines as it needs, its last line on the line
 * of first. */
static void scen_heads(FILE *out, const jz_comparison *c, jz_lang lang, const char *first, int firstw, int s0,
                       int s1, int w)
{
    char full[JZ_CMP_MAX_SCENARIOS][JZ_CMP_NUMBERED_NAME_MAX], buf[JZ_CMP_NUMBERED_NAME_MAX];
    const char *start[JZ_CMP_MAX_SCENARIOS][HEAD_LINES];
    int len[JZ_CMP_MAX_SCENARIOS][HEAD_LINES], n[JZ_CMP_MAX_SCENARIOS], rows = 1;
    for (int s = s0; s < s1; s++) {
        jz_cmp_scen_numbered(full[s], sizeof full[s], c, s, lang);
        n[s] = head_lines(full[s], w - 1, start[s], len[s]);
        rows = n[s] > rows ? n[s] : rows;
    }
    for (int r = 0; r < rows; r++) {
        jz_text_pad(out, r == rows - 1 ? first : "", firstw, 0);
        for (int s = s0; s < s1; s++) {
            int i = r - (rows - n[s]);
            snprintf(buf, sizeof buf, "%.*s", i >= 0 ? len[s][i] : 0, i >= 0 ? start[s][i] : "");
            fputc(' ', out);
            jz_text_pad(out, buf, w - 1, 1);
        }
        fputc('\n', out);
    }
}

/* The year in the first column; years up to the realised year carry an R
 * (the legend says: realisatie). */
static void year_cell(FILE *out, const jz_comparison *c, int y)
{
    char buf[16];
    int year = jz_cmp_year(c, y);
    snprintf(buf, sizeof buf, "%d%s", year, year <= jz_cmp_realised_year(c) ? " R" : "");
    jz_text_pad(out, buf, YEARW, 0);
}

/* The width a column needs so that no two columns ever touch: at least
 * base, and one more than the widest figure in it. */
static int fit(int base, const char *text)
{
    int w = jz_text_width(text) + 1;
    return w > base ? w : base;
}

/* "[2] name (bewaard)" (jz_cmp_scen_numbered's bytes) and tail on one line
 * of at most 100 columns: a name too long for it is cut ("…"), never its
 * number, its label or the tail, so that a long name keeps its "(bewaard)"
 * and its years. */
static void name_line(FILE *out, const jz_comparison *c, int s, const char *tail, jz_lang lang)
{
    char head[16], after[96];
    const char *name = c->scen[s].scenario->meta.name;
    snprintf(head, sizeof head, "[%d] ", s + 1);
    snprintf(after, sizeof after, "%s%s", jz_cmp_scen_label(c, s, lang), tail);
    int room = 100 - jz_text_width(head) - jz_text_width(after);
    fputs(head, out);
    if (jz_text_width(name) > room)
        jz_text_pad(out, name, room, 0);
    else
        fputs(name, out);
    fputs(after, out);
    fputc('\n', out);
}

/* How many columns of width w fit beside a first column of firstw in 100
 * characters; at least one, at most max. */
static int per_block(int firstw, int w, int max)
{
    int k = (100 - firstw) / w;
    return k < 1 ? 1 : k > max ? max : k;
}

/* Where jz_cmp_rel has no percentage for a reason other than an absent
 * value, the column says why in a word (nl, en), and a line under the table
 * says what the word means and where it stands, as git says why it skips.
 * Indexed by jz_cmp_rel_why_id. */
static const struct {
    const char *word[2];
    const char *why[2];
} rel_words[JZ_CMP_REL_N_WHY] = {
    [JZ_CMP_REL_TURN] = {{"omslag", "turns"},
                         {"geen percentage over 0 heen (van een tekort naar een overschot of omgekeerd)",
                          "no percentage across 0 (from a deficit to a surplus or back)"}},
    [JZ_CMP_REL_REF_NEGATIVE] = {{"ref. <0", "ref. <0"},
                                 {"geen percentage van een referentie onder 0 (bij het tekort: een overschot)",
                                  "no percentage of a reference below 0 (for the deficit: a surplus)"}},
    [JZ_CMP_REL_REF_SMALL] = {{"ref. ~0", "ref. ~0"},
                              {"geen percentage van een referentie van 0 of, bij een saldo als het tekort, "
                               "onder",
                               "no percentage of a reference of 0 or, for a balance such as the deficit, "
                               "below"}},
};

/* The percentage of scenario s in year y, or the word that says why there is none. */
static const char *rel_cell(char *buf, size_t size, const jz_comparison *c, int m, int u, int s, int y,
                            jz_lang lang)
{
    int why = jz_cmp_rel_why(c, m, u, 0, s, y);
    if (why == JZ_CMP_REL_SHOWN || why == JZ_CMP_REL_ABSENT) /* "-": absent, as the legend says */
        return jz_cmp_fmt_rel(buf, size, jz_cmp_rel(c, m, u, 0, s, y), lang);
    snprintf(buf, size, "%s", rel_words[why].word[lang == JZ_LANG_EN]);
    return buf;
}

/* Under a difference table: per word that stands in it, what it means and
 * where ("[2] 2029-2030, [3] 2030"), each line wrapped at 100 columns. */
static void rel_notes(FILE *out, const jz_comparison *c, int m, int u, jz_lang lang)
{
    const int en = lang == JZ_LANG_EN;
    for (int why = JZ_CMP_REL_TURN; why < JZ_CMP_REL_N_WHY; why++) {
        char where[1536] = "", least[64] = "", full[2048];
        size_t at = 0;
        for (int s = 1; s < c->n_scenarios; s++) {
            const char *sep = at ? "; " : "";
            for (int y = 0; y < c->n_years && at < sizeof where; y++) {
                if (jz_cmp_rel_why(c, m, u, 0, s, y) != why)
                    continue;
                int y1 = y;
                while (y1 + 1 < c->n_years && jz_cmp_rel_why(c, m, u, 0, s, y1 + 1) == why)
                    y1++;
                int w = y1 > y ? snprintf(where + at, sizeof where - at, "%s[%d] %d-%d", sep, s + 1,
                                          jz_cmp_year(c, y), jz_cmp_year(c, y1))
                               : snprintf(where + at, sizeof where - at, "%s[%d] %d", sep, s + 1, jz_cmp_year(c, y));
                at += w > 0 ? (size_t)w : 0;
                sep = ", ";
                y = y1;
            }
        }
        if (!at)
            continue;
        if (why == JZ_CMP_REL_REF_SMALL)
            jz_cmp_fmt_value(least, sizeof least, JZ_CMP_TEKORT, JZ_CMP_REL_LEAST_MONEY, lang);
        snprintf(full, sizeof full, "%s: %s%s%s: %s.", rel_words[why].word[en], rel_words[why].why[en],
                 least[0] ? " " : "", least, where);
        jz_text_wrap(out, full, 100);
    }
}

static void metric_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int m,
                         int u)
{
    char buf[96];
    int S = c->n_scenarios;
    int colw = COLW, dcolw = DCOLW, pcolw = PCOLW;
    for (int s = 0; s < S; s++)
        for (int y = 0; y < c->n_years; y++) {
            colw = fit(colw, jz_cmp_fmt_value(buf, sizeof buf, m, jz_cmp_value(c, m, u, 0, s, y), o->lang));
            dcolw = fit(dcolw, jz_cmp_fmt_diff(buf, sizeof buf, m, jz_cmp_diff(c, m, u, 0, s, y), o->lang));
            pcolw = fit(pcolw, rel_cell(buf, sizeof buf, c, m, u, s, y, o->lang));
        }
    colw = head_fit(c, colw, o->lang);
    fprintf(out, "\n%s\n", jz_cmp_metric_label(m, o->lang));
    int nv = per_block(YEARW, colw, VALUE_COLS);
    for (int s0 = 0; s0 < S; s0 += nv) {
        int s1 = s0 + nv < S ? s0 + nv : S;
        scen_heads(out, c, o->lang, jz_cmp_L(o->lang, "Jaar", "Year"), YEARW, s0, s1, colw);
        for (int y = 0; y < c->n_years; y++) {
            year_cell(out, c, y);
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_value(buf, sizeof buf, m, jz_cmp_value(c, m, u, 0, s, y), o->lang);
                jz_text_pad(out, buf, colw, 1);
            }
            fputc('\n', out);
        }
    }
    if (S < 2)
        return;
    int nd = per_block(YEARW, dcolw + pcolw, DIFF_COLS);
    for (int s0 = 1; s0 < S; s0 += nd) {
        int s1 = s0 + nd < S ? s0 + nd : S;
        fprintf(out, "%s [1]\n", jz_cmp_L(o->lang, "Verschil t.o.v.", "Difference vs"));
        scen_heads(out, c, o->lang, jz_cmp_L(o->lang, "Jaar", "Year"), YEARW, s0, s1, dcolw + pcolw);
        for (int y = 0; y < c->n_years; y++) {
            year_cell(out, c, y);
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_diff(buf, sizeof buf, m, jz_cmp_diff(c, m, u, 0, s, y), o->lang);
                jz_text_pad(out, buf, dcolw, 1);
                jz_text_pad(out, rel_cell(buf, sizeof buf, c, m, u, s, y, o->lang), pcolw, 1);
            }
            fputc('\n', out);
        }
    }
    rel_notes(out, c, m, u, o->lang);
}

/* The difference in tekort with the reference, explained: tekort -
 * reference tekort = what the besparing (the difference in it) does + what
 * the other assumptions do, each figure from the comparison
 * (engine/analysis/compare.c), each said as "hoger" or "lager"
 * (jz_text_tekort_change): a column "Tekort lager" of negative amounts read
 * as nonsense where a scenario has the higher tekort. */
static const char *explain_cell(char *buf, size_t size, double lower, const jz_report_options *o)
{
    char a[96];
    if (isnan(lower))
        return jz_cmp_fmt_value(buf, size, JZ_CMP_TEKORT, lower, o->lang);
    jz_cmp_fmt_value(a, sizeof a, JZ_CMP_TEKORT, fabs(lower), o->lang);
    return jz_text_tekort_change(buf, size, fabs(lower) < 0.5 ? 0 : -lower, a, o->lang == JZ_LANG_EN); /* "€ 0" alone */
}

static void explain_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int u)
{
    enum { NPART = 3 };
    char buf[96];
    int S = c->n_scenarios;
    double v[NPART]; /* each as the tekort it takes off: positive is lower */
    int w = COLW;
    const char *head[NPART] = {
        jz_cmp_L(o->lang, "Tekort", "Deficit"),
        jz_cmp_L(o->lang, "Door besparing", "From savings"),
        jz_cmp_L(o->lang, "Door andere aannames", "From other assumptions"),
    };
    for (int k = 0; k < NPART; k++)
        w = fit(w, head[k]);
    for (int s = 1; s < S; s++)
        for (int y = 0; y < c->n_years; y++) {
            v[0] = -jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, s, y);
            v[1] = jz_cmp_diff(c, JZ_CMP_MEASURE_SAVING, u, 0, s, y);
            v[2] = jz_cmp_value(c, JZ_CMP_OTHER_ASSUMPTIONS, u, 0, s, y);
            for (int k = 0; k < NPART; k++)
                w = fit(w, explain_cell(buf, sizeof buf, v[k], o));
        }
    fprintf(out, "\n%s\n", jz_cmp_L(o->lang,
        "Verschil in tekort t.o.v. [1]: hoger of lager, door besparing en door andere aannames",
        "Difference in deficit vs [1]: higher or lower, from savings and from other assumptions"));
    for (int s = 1; s < S; s++) {
        name_line(out, c, s, "", o->lang);
        jz_text_pad(out, jz_cmp_L(o->lang, "Jaar", "Year"), YEARW, 0);
        for (int k = 0; k < NPART; k++)
            jz_text_pad(out, head[k], w, 1);
        fputc('\n', out);
        for (int y = 0; y < c->n_years; y++) {
            v[0] = -jz_cmp_diff(c, JZ_CMP_TEKORT, u, 0, s, y);
            v[1] = jz_cmp_diff(c, JZ_CMP_MEASURE_SAVING, u, 0, s, y);
            v[2] = jz_cmp_value(c, JZ_CMP_OTHER_ASSUMPTIONS, u, 0, s, y);
            year_cell(out, c, y);
            for (int k = 0; k < NPART; k++)
                jz_text_pad(out, explain_cell(buf, sizeof buf, v[k], o), w, 1);
            fputc('\n', out);
        }
    }
}

/* Metric m per zorgsoort for year y: zorgsoorten down, scenarios across,
 * then the lines that belong to no zorgsoort and the total they add up to. */
static void zorgsoort_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int m,
                            const int *lines, int n_lines, int total, int u, int y)
{
    char buf[96];
    int S = c->n_scenarios, nrow = c->n_zorgsoorten + n_lines + 1;
    int zcolw = COLW;
    for (int s = 0; s < S; s++)
        for (int r = 0; r < nrow; r++) {
            int z = r < c->n_zorgsoorten ? r : 0;
            int mm = r < c->n_zorgsoorten ? m : r < nrow - 1 ? lines[r - c->n_zorgsoorten] : total;
            zcolw = fit(zcolw, jz_cmp_fmt_value(buf, sizeof buf, mm, jz_cmp_value(c, mm, u, z, s, y), o->lang));
        }
    zcolw = head_fit(c, zcolw, o->lang);
    int k = per_block(ZNAMEW, zcolw, S);
    int year = jz_cmp_year(c, y);
    fprintf(out, "\n%s, %d%s\n", jz_cmp_metric_label(m, o->lang), year,
            year <= jz_cmp_realised_year(c) ? jz_cmp_L(o->lang, " (realisatie)", " (realised)") : "");
    for (int s0 = 0; s0 < S; s0 += k) {
        int s1 = s0 + k < S ? s0 + k : S;
        scen_heads(out, c, o->lang, jz_cmp_L(o->lang, "Zorgsoort", "Care type"), ZNAMEW, s0, s1, zcolw);
        for (int r = 0; r < nrow; r++) {
            int z = r < c->n_zorgsoorten ? r : 0;
            int mm = r < c->n_zorgsoorten ? m : r < nrow - 1 ? lines[r - c->n_zorgsoorten] : total;
            const char *name = r < c->n_zorgsoorten ? c->zs[r].name
                               : r < nrow - 1       ? jz_cmp_metric_label(mm, o->lang)
                                                    : jz_cmp_L(o->lang, "Totaal", "Total");
            const char *rest = jz_text_name_cell(out, name, ZNAMEW, 0);
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_value(buf, sizeof buf, mm, jz_cmp_value(c, mm, u, z, s, y), o->lang);
                jz_text_pad(out, buf, zcolw, 1);
            }
            fputc('\n', out);
            jz_text_name_rest(out, rest, ZNAMEW);
        }
    }
}

static void wrap(FILE *out, const char *prefix, const char *text);

/* The verschillenanalyse of scenario s in year index y, one kind: the
 * zorgsoorten down, then the cost in no zorgsoort and the total they add
 * up to; verschil, prijs, volume, overig across (each row adds up, each
 * column adds up to the total).  The figures are the comparison's
 * (jz_cmp_verschil), computed once in engine/analysis/verschil.c. */
static void verschil_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int kind, int u,
                           int s, int y)
{
    char buf[96], yname[64], shown[JZ_CMP_NUMBERED_NAME_MAX];
    jz_verschil v;
    if (!jz_cmp_verschil(c, kind, u, JZ_VERSCHIL_ALL, s, y, &v))
        return;
    int Z = c->n_zorgsoorten, w = COLW;
    for (int k = 0; k < JZ_VS_N; k++)
        w = fit(w, jz_vs_column(k, o->lang));
    for (int z = JZ_VERSCHIL_LINES; z < Z; z++)
        if (jz_cmp_verschil(c, kind, u, z, s, y, &v))
            for (int k = 0; k < JZ_VS_N; k++)
                w = fit(w, jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_COST, jz_vs_part(&v, k), o->lang));
    jz_cmp_summary_year_name(c, o->lang, yname, sizeof yname);
    if (kind == JZ_VERSCHIL_REFERENCE)
        fprintf(out, "\n%s %s: %s %s [1]\n", jz_cmp_L(o->lang, "Verschillenanalyse", "Variance analysis"),
                yname, jz_cmp_scen_numbered(shown, sizeof shown, c, s, o->lang), jz_cmp_L(o->lang, "t.o.v.", "vs"));
    else
        fprintf(out, "\n%s %s %s %d: %s\n", jz_cmp_L(o->lang, "Verschillenanalyse", "Variance analysis"),
                yname, jz_cmp_L(o->lang, "t.o.v.", "vs"), jz_cmp_year(c, y) - 1,
                jz_cmp_scen_numbered(shown, sizeof shown, c, s, o->lang));
    jz_text_pad(out, jz_cmp_L(o->lang, "Zorgsoort", "Care type"), ZNAMEW, 0);
    for (int k = 0; k < JZ_VS_N; k++)
        jz_text_pad(out, jz_vs_column(k, o->lang), w, 1);
    fputc('\n', out);
    for (int r = 0; r <= Z + 1; r++) {
        int z = r < Z ? r : r == Z ? JZ_VERSCHIL_LINES : JZ_VERSCHIL_ALL;
        if (!jz_cmp_verschil(c, kind, u, z, s, y, &v))
            continue;
        const char *rest = jz_text_name_cell(out, z >= 0                   ? c->zs[z].name
                                                  : z == JZ_VERSCHIL_LINES ? jz_vs_lines_label(o->lang)
                                                                           : jz_cmp_L(o->lang, "Totaal", "Total"),
                                             ZNAMEW, 0);
        for (int k = 0; k < JZ_VS_N; k++)
            jz_text_pad(out, jz_cmp_fmt_diff(buf, sizeof buf, JZ_CMP_COST, jz_vs_part(&v, k), o->lang), w, 1);
        fputc('\n', out);
        jz_text_name_rest(out, rest, ZNAMEW);
    }
}

/* The verschillenanalyse section: every scenario against [1], then every
 * scenario against its previous year, in the summary year. */
static void verschil_section(FILE *out, const jz_comparison *c, const jz_report_options *o, int u)
{
    int y = jz_cmp_summary_year(c);
    for (int s = 1; s < c->n_scenarios; s++)
        verschil_table(out, c, o, JZ_VERSCHIL_REFERENCE, u, s, y);
    for (int s = 0; s < c->n_scenarios; s++)
        verschil_table(out, c, o, JZ_VERSCHIL_YEAR, u, s, y);
    wrap(out, "", jz_cmp_L(o->lang,
        "Prijs = verschil in prijs per cliëntjaar x gemiddeld volume; volume = verschil in cliëntjaren x gemiddelde "
        "prijs; overig = de rest (externe verschuivingen, besparingen, vaste lasten). Verschil = prijs + volume + overig.",
        "Price = difference in price per client-year x mean volume; volume = difference in client-years x mean "
        "price; other = the rest (external shifts, savings, fixed cost). Difference = price + volume + other."));
}

/* Print prefix + text wrapped at word boundaries to 100 columns. */
static void wrap(FILE *out, const char *prefix, const char *text)
{
    int col = jz_text_width(prefix);
    fputs(prefix, out);
    const char *p = text;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        char word[512];
        size_t n = (size_t)(e - p) < sizeof word - 1 ? (size_t)(e - p) : sizeof word - 1;
        memcpy(word, p, n);
        word[n] = '\0';
        int w = jz_text_width(word);
        if (col > 8 && col + 1 + w > 100) {
            fputs("\n        ", out);
            col = 8;
        } else if (p != text) {
            fputc(' ', out);
            col++;
        }
        fputs(word, out);
        col += w;
        p = *e ? e + 1 : e;
    }
    fputc('\n', out);
}

/* The metrics of the overview, in order: the totals, the split of the
 * tekort (its parts add up to it), volumes, and the measures. */
static const int overview[] = {
    JZ_CMP_COST, JZ_CMP_BUDGET, JZ_CMP_TEKORT, JZ_CMP_NIET_BEINVLOEDBAAR, JZ_CMP_BEINVLOEDBAAR,
    JZ_CMP_DEC_START, JZ_CMP_UNIQUE, JZ_CMP_COST_PER_CLIENT, JZ_CMP_MEASURE_SAVING, JZ_CMP_HA_SAVINGS,
    JZ_CMP_MEASURE_INVESTMENT, JZ_CMP_VEREVENING, JZ_CMP_CONTRACT,
};

/* Shown only when some scenario has a non-zero value. */
static int only_when_any(int m)
{
    return m == JZ_CMP_DEC_START || m == JZ_CMP_MEASURE_SAVING || m == JZ_CMP_HA_SAVINGS ||
           m == JZ_CMP_MEASURE_INVESTMENT || m == JZ_CMP_VEREVENING || m == JZ_CMP_CONTRACT;
}

static void unit_report(FILE *out, const jz_comparison *c, const jz_report_options *o, int u)
{
    const jz_cmp_unit *un = &c->units[u];
    fprintf(out, "\n== %s%s%s%s ==\n", un->is_total ? jz_cmp_L(o->lang, "Totaal", "Total") : un->name,
            un->is_total ? "" : " (", un->is_total ? "" : un->code, un->is_total ? "" : ")");
    for (size_t i = 0; i < sizeof overview / sizeof overview[0]; i++) {
        int m = overview[i];
        /* measures and the startverschil: only when a scenario has them;
         * other absent metrics (a model without the decomposition) are left
         * out, not shown as 0 */
        if (only_when_any(m) && !jz_cmp_metric_any(c, m, u))
            continue;
        if (!jz_cmp_metric_present(c, m, u))
            continue;
        metric_table(out, c, o, m, u);
        if (m == JZ_CMP_DEC_START) {
            int in = 0, out_ = 0;
            for (int s = 0; s < c->n_scenarios; s++)
                *(c->scen[s].scenario->meta.startverschil_beinvloedbaar ? &in : &out_) += 1;
            fprintf(out, "%s: %s; %s\n", jz_cmp_L(o->lang, "Startverschil", "Starting gap"),
                    jz_text_startverschil(o->lang == JZ_LANG_EN),
                    in && !out_ ? jz_cmp_L(o->lang, "geteld als beïnvloedbaar.", "counted as influenceable.")
                    : !in ? jz_cmp_L(o->lang, "geteld als niet-beïnvloedbaar.", "counted as non-influenceable.")
                          : jz_cmp_L(o->lang, "per scenario geteld als beïnvloedbaar of niet (zie het scenario).",
                                     "counted as influenceable or not per scenario (see the scenario)."));
        }
    }
    if (c->n_scenarios > 1)
        explain_table(out, c, o, u);
    /* the lines outside the zorgsoorten: the vaste lasten (in the tekort
     * table their tekort) and the investment always, the verevening and the
     * contract only for a region that has them */
    int all[JZ_RESULT_N_COST_BEYOND_CARE], cost_lines[JZ_RESULT_N_COST_BEYOND_CARE],
        tekort_lines[JZ_RESULT_N_COST_BEYOND_CARE], n_lines = 0;
    jz_cmp_beyond_care_metrics(all);
    for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        const int m = all[i];
        if (m != JZ_CMP_FIXED_COST && m != JZ_CMP_MEASURE_INVESTMENT && !jz_cmp_metric_any(c, m, u))
            continue;
        cost_lines[n_lines] = m;
        tekort_lines[n_lines] = m == JZ_CMP_FIXED_COST ? JZ_CMP_FIXED_TEKORT : m;
        n_lines++;
    }
    for (int y = 0; y < c->n_years; y++)
        zorgsoort_table(out, c, o, JZ_CMP_Z_COST, cost_lines, n_lines, JZ_CMP_COST, u, y);
    for (int y = 0; y < c->n_years; y++)
        zorgsoort_table(out, c, o, JZ_CMP_Z_TEKORT, tekort_lines, n_lines, JZ_CMP_TEKORT, u, y);
    verschil_section(out, c, o, u);
    jz_band_cmp_table(out, c, o, u);
}

int jz_rep_compare_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_comparison *c = x->comparison;
    int S = c->n_scenarios;
    fprintf(out, "%s: %d %s, %d-%d\n", jz_cmp_L(o->lang, "Vergelijking", "Comparison"), S,
            jz_cmp_L(o->lang, "scenario's", "scenarios"), c->first_year,
            jz_cmp_year(c, c->n_years - 1));
    for (int s = 0; s < S; s++) {
        char tail[64];
        snprintf(tail, sizeof tail, ", %d-%d%s", c->scen[s].first_year, c->scen[s].last_year,
                 s == 0 ? jz_cmp_L(o->lang, " (referentie)", " (reference)") : "");
        name_line(out, c, s, tail, o->lang);
    }
    fprintf(out, "%s\n", jz_cmp_L(o->lang, "Bedragen in euro's van dat jaar; '-' = geen waarde (jaar buiten de horizon).",
                                  "Amounts in euros of that year; '-' = no value (year outside the horizon)."));
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "R = realisatie (t/m %d); latere jaren zijn prognose.\n", jz_cmp_realised_year(c));
    else
        fprintf(out, "R = realised (up to %d); later years are projections.\n", jz_cmp_realised_year(c));
    for (int i = 0; i < c->n_notes; i++) {
        char note[1024];
        wrap(out, jz_cmp_L(o->lang, "Let op: ", "Note: "), jz_cmp_note_format(c, i, o->lang, note, sizeof note));
    }
    if (o->all_gemeenten) {
        for (int u = 0; u < c->n_units; u++)
            unit_report(out, c, o, u);
    } else {
        unit_report(out, c, o, o->gemeente >= 0 ? o->gemeente : c->total_unit);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the comparison table");
    return JZ_OK;
}
