/*
 * calib_common.c - what the calibrate and backtest reporters share
 * (calibrate_report.c, backtest_report.c; see calib_common.h): names of
 * cells, figures and parameters for the table, the CSV writer's settings,
 * the write check, and the analysis's notes and warnings in Dutch.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "report/calib_common.h"

const char *jz_calrep_zname(const jz_scenario *s, int z) { return z >= 0 ? s->zorgsoorten[z].key : "totaal"; }
const char *jz_calrep_gname(const jz_scenario *s, int g) { return g >= 0 ? s->gemeenten[g].code : "alle"; }

/* A figure for the table: decimals by size, "-" when unknown. */
const char *jz_calrep_fmt_val(char *buf, size_t n, double v, jz_lang lang)
{
    double a = fabs(v);
    int d = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 4;
    return jz_format_number(buf, n, v, d, lang);
}

const char *jz_calrep_fmt_param(char *buf, size_t n, const jz_calib_param *q, double v, jz_lang lang)
{
    if (!isfinite(v))
        return strcpy(buf, "-");
    if (q->kind == JZ_PK_TREND || q->kind == JZ_PK_INTENSITY) {
        char t[48]; /* leaves room for the suffix in a 64-byte buffer */
        jz_format_number(t, sizeof t, 100.0 * v, 2, lang);
        snprintf(buf, n, "%s%%", t);
        return buf;
    }
    if (q->is_factor) {
        char t[48];
        jz_format_number(t, sizeof t, v, 4, lang);
        snprintf(buf, n, "x %s", t);
        return buf;
    }
    return jz_calrep_fmt_val(buf, n, v, lang);
}

/* The calibrate and backtest CSVs have always written numbers with 10
 * significant digits and quoted a field for the separator, '"' and '\n'
 * only; the writer keeps that. */
void jz_calrep_csv_init(jz_csvw *w, FILE *out, int nl)
{
    jz_csvw_init(w, out, nl);
    w->digits = 10;
    w->quote_cr = 0;
}

int jz_calrep_finish(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "write error");
    return JZ_OK;
}

/* The note of a parameter in the reader's language.  The analysis writes
 * its notes in English (engine/analysis/calib_ident.c, calibrate.c); the
 * Dutch table says the same in Dutch, so that no line mixes the two. */
const char *jz_calrep_note_text(char *buf, size_t n, const char *note, jz_lang lang)
{
    static const struct {
        const char *en, *nl;
    } whole[] = {
        {"more parameters than observations", "meer parameters dan waarnemingen"},
        {"no observation depends on it", "geen waarneming hangt ervan af"},
        {"not identified by the data", "de gegevens bepalen deze parameter niet"},
        {"not identified at the solution (zero variance column)",
         "bij de oplossing niet bepaald (geen variatie in de gegevens)"},
        {"no row of this zorgsoort depends on it (the totals fit only the zorgsoorten without rows of their own)",
         "geen rij van deze zorgsoort hangt ervan af (de totalen passen alleen de zorgsoorten zonder eigen rijen)"},
        {"at the lower bound of the scenario format's range", "op de ondergrens van wat een scenario toestaat"},
        {"at the upper bound of the scenario format's range", "op de bovengrens van wat een scenario toestaat"},
    };
    static const char sep[] = "the data cannot separate it from ";
    if (lang != JZ_LANG_NL || !note[0])
        return note;
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        if (strcmp(note, whole[i].en) == 0)
            return whole[i].nl;
    if (strncmp(note, sep, sizeof sep - 1) == 0) {
        /* "<parameter> of <gemeente>/<zorgsoort>" or "... (group)" */
        const char *rest = note + sizeof sep - 1, *of = strstr(rest, " of ");
        if (of) {
            const char *grp = strstr(of, " (group)");
            snprintf(buf, n, "de gegevens kunnen deze niet scheiden van %.*s van %.*s%s", (int)(of - rest),
                     rest, grp ? (int)(grp - of - 4) : (int)strlen(of + 4), of + 4, grp ? " (groep)" : "");
            return buf;
        }
    }
    return note;
}

/* A warning of the analysis in the reader's language: the frequent "not
 * identified" warning is said in Dutch; others stay as the analysis wrote
 * them. */
const char *jz_calrep_warn_text(char *buf, size_t n, const char *w, jz_lang lang)
{
    static const char mid[] = " is not identified by the data (", tail[] = "): kept at the scenario's value";
    const char *m = strstr(w, mid);
    size_t len = strlen(w), tl = sizeof tail - 1;
    if (lang != JZ_LANG_NL || !m || len < tl || strcmp(w + len - tl, tail) != 0)
        return w;
    char head[256], reason[512], rb[512];
    snprintf(head, sizeof head, "%.*s", (int)(m - w), w);
    const char *r0 = m + sizeof mid - 1;
    snprintf(reason, sizeof reason, "%.*s", (int)(w + len - tl - r0), r0);
    /* "cost of GM0153, pleegzorg" -> "cost van GM0153, pleegzorg" */
    char *of = strstr(head, " of ");
    char *grp = strstr(head, "the other zorgsoorten (group)");
    char h2[300];
    if (of)
        snprintf(h2, sizeof h2, "%.*s van %.*s%s", (int)(of - head), head,
                 grp ? (int)(grp - of - 4) : (int)strlen(of + 4), of + 4, grp ? "de overige zorgsoorten (groep)" : "");
    else
        snprintf(h2, sizeof h2, "%s", head);
    snprintf(buf, n, "%s wordt niet door de gegevens bepaald (%s): de waarde uit het scenario blijft staan", h2,
             jz_calrep_note_text(rb, sizeof rb, reason, lang));
    return buf;
}

