/*
 * compare_table.c - scenarios side by side in the terminal.
 *
 * Layout rules: at most 100 columns; years run down the rows, scenarios
 * across the columns.  With many scenarios the columns wrap into blocks
 * (VALUE_COLS value columns, DIFF_COLS difference columns per block), so
 * twelve scenarios still fit.  Scenario names are cut to the column width;
 * the legend at the top gives them in full with their files.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "report/cmp_common.h"
#include "report/text.h"

#define YEARW 6
#define COLW 16   /* one value column, including the space before it: fits € 9.999.999.999 */
#define DCOLW 16  /* a difference in euros */
#define PCOLW 9   /* a difference in percent */
#define VALUE_COLS 5
#define DIFF_COLS 3
#define ZNAMEW 24 /* zorgsoort names */

/* Split "[k] name" into two header lines of at most w characters each,
 * at a space where possible: top may be empty, bottom is cut with … when
 * the name is longer than two lines. */
static void head_lines(const jz_comparison *c, int s, int w, char *top, char *bottom, size_t n)
{
    char full[JZ_NAME_MAX + 16];
    snprintf(full, sizeof full, "[%d] %s", s + 1, c->scen[s].scenario->meta.name);
    top[0] = '\0';
    if (jz_text_width(full) <= w) {
        snprintf(bottom, n, "%s", full);
        return;
    }
    const char *brk = jz_text_break(full, w);
    if (!brk || brk == full) {
        snprintf(bottom, n, "%s", full);
        return;
    }
    snprintf(top, n, "%.*s", (int)(brk - full), full);
    snprintf(bottom, n, "%s", brk + 1);
}

/* The column headers of scenarios s0..s1-1, each w wide (plus a space). */
static void scen_heads(FILE *out, const jz_comparison *c, const char *first, int firstw, int s0,
                       int s1, int w)
{
    char top[JZ_CMP_MAX_SCENARIOS][JZ_NAME_MAX + 16], bottom[JZ_CMP_MAX_SCENARIOS][JZ_NAME_MAX + 16];
    int any_top = 0;
    for (int s = s0; s < s1; s++) {
        head_lines(c, s, w - 1, top[s], bottom[s], sizeof top[s]);
        any_top |= top[s][0] != '\0';
    }
    if (any_top) {
        jz_text_pad(out, "", firstw, 0);
        for (int s = s0; s < s1; s++) {
            fputc(' ', out);
            jz_text_pad(out, top[s], w - 1, 1);
        }
        fputc('\n', out);
    }
    jz_text_pad(out, first, firstw, 0);
    for (int s = s0; s < s1; s++) {
        fputc(' ', out);
        jz_text_pad(out, bottom[s], w - 1, 1);
    }
    fputc('\n', out);
}

static void metric_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int m,
                         int u)
{
    char buf[96];
    int S = c->n_scenarios;
    fprintf(out, "\n%s\n", jz_cmp_metric_label(m, o->lang));
    for (int s0 = 0; s0 < S; s0 += VALUE_COLS) {
        int s1 = s0 + VALUE_COLS < S ? s0 + VALUE_COLS : S;
        scen_heads(out, c, jz_cmp_L(o->lang, "Jaar", "Year"), YEARW, s0, s1, COLW);
        for (int y = 0; y < c->n_years; y++) {
            fprintf(out, "%-*d", YEARW, jz_cmp_year(c, y));
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_value(buf, sizeof buf, m, jz_cmp_value(c, m, u, 0, s, y), o->lang);
                jz_text_pad(out, buf, COLW, 1);
            }
            fputc('\n', out);
        }
    }
    if (S < 2)
        return;
    for (int s0 = 1; s0 < S; s0 += DIFF_COLS) {
        int s1 = s0 + DIFF_COLS < S ? s0 + DIFF_COLS : S;
        fprintf(out, "%s [1]\n", jz_cmp_L(o->lang, "Verschil t.o.v.", "Difference vs"));
        scen_heads(out, c, jz_cmp_L(o->lang, "Jaar", "Year"), YEARW, s0, s1, DCOLW + PCOLW);
        for (int y = 0; y < c->n_years; y++) {
            fprintf(out, "%-*d", YEARW, jz_cmp_year(c, y));
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_diff(buf, sizeof buf, m, jz_cmp_diff(c, m, u, 0, s, y), o->lang);
                jz_text_pad(out, buf, DCOLW, 1);
                jz_cmp_fmt_rel(buf, sizeof buf, jz_cmp_rel(c, m, u, 0, s, y), o->lang);
                jz_text_pad(out, buf, PCOLW, 1);
            }
            fputc('\n', out);
        }
    }
}

/* Metric m per zorgsoort for year y: zorgsoorten down, scenarios across. */
static void zorgsoort_table(FILE *out, const jz_comparison *c, const jz_report_options *o, int m,
                            int u, int y)
{
    char buf[96];
    int S = c->n_scenarios;
    /* 24 + 4 * 16 = 88: four scenarios per block beside the names */
    const int zcolw = COLW, per_block = (100 - ZNAMEW) / zcolw;
    fprintf(out, "\n%s, %d\n", jz_cmp_metric_label(m, o->lang), jz_cmp_year(c, y));
    for (int s0 = 0; s0 < S; s0 += per_block) {
        int s1 = s0 + per_block < S ? s0 + per_block : S;
        scen_heads(out, c, jz_cmp_L(o->lang, "Zorgsoort", "Care type"), ZNAMEW, s0, s1, zcolw);
        for (int z = 0; z < c->n_zorgsoorten; z++) {
            jz_text_pad(out, c->zs[z].name, ZNAMEW, 0);
            for (int s = s0; s < s1; s++) {
                jz_cmp_fmt_value(buf, sizeof buf, m, jz_cmp_value(c, m, u, z, s, y), o->lang);
                jz_text_pad(out, buf, zcolw, 1);
            }
            fputc('\n', out);
        }
    }
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

/* The metrics of the overview, in order. */
static const int overview[] = {
    JZ_CMP_COST, JZ_CMP_BUDGET, JZ_CMP_TEKORT, JZ_CMP_BEINVLOEDBAAR, JZ_CMP_NIET_BEINVLOEDBAAR,
    JZ_CMP_UNIQUE, JZ_CMP_COST_PER_CLIENT, JZ_CMP_HA_SAVINGS, JZ_CMP_MEASURE_INVESTMENT,
};

static void unit_report(FILE *out, const jz_comparison *c, const jz_report_options *o, int u)
{
    const jz_cmp_unit *un = &c->units[u];
    fprintf(out, "\n== %s%s%s%s ==\n", un->is_total ? jz_cmp_L(o->lang, "Totaal", "Total") : un->name,
            un->is_total ? "" : " (", un->is_total ? "" : un->code, un->is_total ? "" : ")");
    for (size_t i = 0; i < sizeof overview / sizeof overview[0]; i++) {
        int m = overview[i];
        /* measures: only when a scenario has them; other absent metrics
         * (a model without the decomposition) are left out, not shown as 0 */
        if ((m == JZ_CMP_HA_SAVINGS || m == JZ_CMP_MEASURE_INVESTMENT) && !jz_cmp_metric_any(c, m, u))
            continue;
        if (!jz_cmp_metric_present(c, m, u))
            continue;
        metric_table(out, c, o, m, u);
    }
    static const int zm[] = {JZ_CMP_Z_COST, JZ_CMP_Z_TEKORT};
    for (size_t i = 0; i < sizeof zm / sizeof zm[0]; i++)
        for (int y = 0; y < c->n_years; y++)
            zorgsoort_table(out, c, o, zm[i], u, y);
}

int jz_rep_compare_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_comparison *c = x->comparison;
    int S = c->n_scenarios;
    fprintf(out, "%s: %d %s, %d-%d\n", jz_cmp_L(o->lang, "Vergelijking", "Comparison"), S,
            jz_cmp_L(o->lang, "scenario's", "scenarios"), c->first_year,
            jz_cmp_year(c, c->n_years - 1));
    for (int s = 0; s < S; s++) {
        char line[JZ_NAME_MAX + 64];
        snprintf(line, sizeof line, "[%d] %s, %d-%d%s", s + 1, c->scen[s].scenario->meta.name,
                 c->scen[s].first_year, c->scen[s].last_year,
                 s == 0 ? jz_cmp_L(o->lang, " (referentie)", " (reference)") : "");
        if (jz_text_width(line) > 100)
            jz_text_pad(out, line, 100, 0);
        else
            fputs(line, out);
        fputc('\n', out);
        /* the file on its own line, cut from the left when it is long */
        const char *path = c->scen[s].scenario->meta.path;
        int w = jz_text_width(path), room = 100 - 4;
        fputs("    ", out);
        if (w > room) {
            fputs("…", out);
            while (w > room - 1) {
                path++;
                if ((*(const unsigned char *)path & 0xC0) != 0x80)
                    w--;
            }
        }
        fprintf(out, "%s\n", path);
    }
    fprintf(out, "%s\n", jz_cmp_L(o->lang, "Bedragen in euro's van dat jaar; '-' = geen waarde (jaar buiten de horizon).",
                                  "Amounts in euros of that year; '-' = no value (year outside the horizon)."));
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
