/*
 * cmp_common.c - labels and number formats shared by the comparison
 * reporters (see cmp_common.h).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/report.h"
#include "report/cmp_common.h"
#include "jzsim/verschil.h"

const char *jz_cmp_metric_label(int m, jz_lang lang)
{
    const jz_cmp_metric *cm = &jz_cmp_metrics[m];
    const jz_metric *f = jz_metric_find(cm->key, cm->per_zorgsoort ? JZ_LEVEL_CELL : JZ_LEVEL_GEMEENTE);
    if (!f)
        return cm->key;
    return jz_metric_label(f, lang);
}

const char *jz_cmp_scen_label(const jz_comparison *c, int s, jz_lang lang)
{
    return c->scen[s].saved ? jz_cmp_L(lang, " (bewaard)", " (saved)") : "";
}

char *jz_cmp_scen_name(char *buf, size_t size, const jz_comparison *c, int s, jz_lang lang)
{
    snprintf(buf, size, "%s%s", c->scen[s].scenario->meta.name, jz_cmp_scen_label(c, s, lang));
    return buf;
}

char *jz_cmp_scen_numbered(char *buf, size_t size, const jz_comparison *c, int s, jz_lang lang)
{
    char name[JZ_CMP_SHOWN_NAME_MAX];
    snprintf(buf, size, "[%d] %s", s + 1, jz_cmp_scen_name(name, sizeof name, c, s, lang));
    return buf;
}

/* The words of a note on the alignment (jz_cmp_note); the comparison holds
 * only its kind and indices. */
char *jz_cmp_note_format(const jz_comparison *c, int i, jz_lang lang, char *buf, size_t size)
{
    const jz_cmp_note *n = &c->notes[i];
    char name[JZ_CMP_SHOWN_NAME_MAX];
    jz_cmp_scen_name(name, sizeof name, c, n->scenario, lang);
    int nl = lang == JZ_LANG_NL;
    switch (n->kind) {
    case JZ_CMP_NOTE_NO_GEMEENTE: {
        int len = snprintf(buf, size,
                           nl ? "scenario %d (%s) bevat %s niet, dus telt het regiototaal daar minder gemeenten:"
                              : "scenario %d (%s) does not have %s, so its region total covers fewer gemeenten:",
                           n->scenario + 1, name,
                           n->index == 1 ? (nl ? "deze gemeente" : "this gemeente")
                                         : (nl ? "deze gemeenten" : "these gemeenten"));
        for (int u = 0, k = 0; u < c->n_units && len >= 0 && (size_t)len < size; u++) {
            if (c->units[u].is_total || c->units[u].g[n->scenario] >= 0)
                continue;
            len += snprintf(buf + len, size - (size_t)len, "%s %s (%s)", k++ ? "," : "",
                            c->units[u].code, c->units[u].name);
        }
        break;
    }
    case JZ_CMP_NOTE_NO_ZORGSOORT:
        snprintf(buf, size,
                 nl ? "scenario %d (%s) bevat zorgsoort '%s' niet: die cijfers ontbreken daar"
                    : "scenario %d (%s) has no zorgsoort '%s': its figures are absent",
                 n->scenario + 1, name, c->zs[n->index].key);
        break;
    default:
        snprintf(buf, size,
                 nl ? "scenario %d (%s) loopt van %d tot en met %d, de referentie van %d tot en met %d: "
                      "jaren buiten de horizon van een scenario ontbreken (ze zijn niet 0)"
                    : "scenario %d (%s) projects %d-%d, the reference %d-%d: years outside a "
                      "scenario's horizon are absent, not 0",
                 n->scenario + 1, name, c->scen[n->scenario].first_year, c->scen[n->scenario].last_year, c->scen[0].first_year,
                 c->scen[0].last_year);
        break;
    }
    return buf;
}


char *jz_cmp_fmt_value(char *buf, size_t n, int m, double v, jz_lang lang)
{
    if (isnan(v)) {
        snprintf(buf, n, "-");
        return buf;
    }
    switch (jz_cmp_metrics[m].kind) {
    case JZ_KIND_COUNT: return jz_format_number(buf, n, v, 0, lang);
    case JZ_KIND_YEARS: return jz_format_number(buf, n, v, 1, lang);
    case JZ_KIND_MONEY:
    case JZ_KIND_PRICE: break;
    }
    return jz_format_money(buf, n, v, lang);
}

char *jz_cmp_fmt_diff(char *buf, size_t n, int m, double d, jz_lang lang)
{
    if (isnan(d)) {
        snprintf(buf, n, "-");
        return buf;
    }
    char num[96];
    int dec = jz_cmp_metrics[m].kind == JZ_KIND_YEARS ? 1 : 0;
    jz_format_number(num, sizeof num, fabs(d), dec, lang);
    /* the sign from the rounded figure, so that 0.3 euro shows as 0, not +0 */
    const char *sign = jz_format_shown(d, dec) == 0.0 ? "" : d < 0 ? "-" : "+";
    int money = jz_cmp_metrics[m].kind == JZ_KIND_MONEY || jz_cmp_metrics[m].kind == JZ_KIND_PRICE;
    if (!money)
        snprintf(buf, n, "%s%s", sign, num);
    else if (lang == JZ_LANG_NL) /* as jz_format_money: "€ -1.234", so "€ +1.234" */
        snprintf(buf, n, "€ %s%s", sign, num);
    else /* "-€1,234", "+€1,234" */
        snprintf(buf, n, "%s€%s", sign, num);
    return buf;
}

char *jz_cmp_fmt_rel(char *buf, size_t n, double rel, jz_lang lang)
{
    if (isnan(rel) || isinf(rel)) {
        snprintf(buf, n, "-");
        return buf;
    }
    char num[96];
    jz_format_number(num, sizeof num, fabs(rel) * 100.0, 1, lang);
    const char *sign = jz_format_shown(rel * 100.0, 1) == 0.0 ? "" : rel < 0 ? "-" : "+";
    snprintf(buf, n, "%s%s%%", sign, num);
    return buf;
}

char *jz_cmp_fmt_mln_diff(char *buf, size_t n, double d, jz_lang lang)
{
    /* the digits of a double in EUR mln need < 64 bytes; a smaller digits
       buffer than the 96-byte result keeps room for "€ +" and " mln" */
    char num[96], digits[64];
    jz_cmp_fmt_mln(num, sizeof num, d, lang);
    if (isnan(d) || d <= 0) {
        snprintf(buf, n, "%s", num);
        return buf;
    }
    /* a plus where jz_cmp_fmt_mln puts a minus, unless it rounds to 0 */
    jz_format_number(digits, sizeof digits, d / 1e6, 1, lang);
    if (jz_format_shown(d / 1e6, 1) == 0.0)
        snprintf(buf, n, "%s", num);
    else if (lang == JZ_LANG_NL)
        snprintf(buf, n, "€ +%s mln", digits);
    else
        snprintf(buf, n, "+€%s mln", digits);
    return buf;
}

char *jz_cmp_fmt_mln(char *buf, size_t n, double v, jz_lang lang)
{
    if (isnan(v)) {
        snprintf(buf, n, "-");
        return buf;
    }
    char num[64]; /* leaves room for "€ " and " mln" in a 96-byte buf */
    jz_format_number(num, sizeof num, v / 1e6, 1, lang);
    if (lang == JZ_LANG_NL)
        snprintf(buf, n, "€ %s mln", num);
    else if (num[0] == '-')
        snprintf(buf, n, "-€%s mln", num + 1);
    else
        snprintf(buf, n, "€%s mln", num);
    return buf;
}

int jz_cmp_metric_shown(const jz_comparison *c, int m)
{
    if (m != JZ_CMP_VEREVENING && m != JZ_CMP_CONTRACT)
        return 1;
    for (int s = 0; s < c->n_scenarios; s++)
        if (m == JZ_CMP_VEREVENING ? jz_regio_metrics_shown(c->scen[s].scenario)
                                   : jz_contract_metrics_shown(c->scen[s].scenario))
            return 1;
    return 0;
}

int jz_cmp_metric_any(const jz_comparison *c, int m, int u)
{
    int nz = jz_cmp_metrics[m].per_zorgsoort ? c->n_zorgsoorten : 1;
    for (int z = 0; z < nz; z++)
        for (int s = 0; s < c->n_scenarios; s++)
            for (int y = 0; y < c->n_years; y++) {
                double v = jz_cmp_value(c, m, u, z, s, y);
                if (!isnan(v) && v != 0.0)
                    return 1;
            }
    return 0;
}

void jz_cmp_beyond_care_metrics(int m[JZ_RESULT_N_COST_BEYOND_CARE])
{
    for (int i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        m[i] = jz_cmp_metric_index(jz_metric_beyond_care(i)->key, 0);
        assert(m[i] >= 0); /* every line is a comparison metric (test_regio checks it) */
    }
}

int jz_cmp_metric_present(const jz_comparison *c, int m, int u)
{
    int nz = jz_cmp_metrics[m].per_zorgsoort ? c->n_zorgsoorten : 1;
    for (int z = 0; z < nz; z++)
        for (int s = 0; s < c->n_scenarios; s++)
            for (int y = 0; y < c->n_years; y++)
                if (jz_cmp_has(c, m, u, z, s, y))
                    return 1;
    return 0;
}

char *jz_cmp_summary_year_name(const jz_comparison *c, jz_lang lang, char *buf, size_t n)
{
    int year = jz_cmp_year(c, jz_cmp_summary_year(c));
    const char *what = jz_cmp_summary_is_begroting(c) ? jz_cmp_L(lang, "begrotingsjaar", "budget year")
                       : year <= jz_cmp_realised_year(c) ? jz_cmp_L(lang, "realisatie", "realised")
                                                         : jz_cmp_L(lang, "prognose", "projection");
    snprintf(buf, n, "%d (%s)", year, what);
    return buf;
}

const char *const jz_vs_keys[JZ_VS_N] = {"verschil", "verschil_prijs", "verschil_volume", "verschil_overig"};

static const jz_metric *vs_metric(const char *key)
{
    return jz_metric_find(key, JZ_LEVEL_GEMEENTE);
}

const char *jz_vs_label(int part, jz_lang lang)
{
    const jz_metric *m = vs_metric(jz_vs_keys[part]);
    return m ? jz_metric_label(m, lang) : jz_vs_keys[part];
}

const char *jz_vs_column(int part, jz_lang lang)
{
    const jz_metric *m = vs_metric(jz_vs_keys[part]);
    return m ? jz_metric_column(m, lang) : jz_vs_keys[part];
}

const char *jz_vs_lines_label(jz_lang lang)
{
    const jz_metric *m = vs_metric("verschil_buiten");
    return m ? jz_metric_column(m, lang) : "verschil_buiten";
}

double jz_vs_part(const jz_verschil *v, int part)
{
    switch (part) {
    case JZ_VS_DIFF: return v->diff;
    case JZ_VS_PRICE: return v->price;
    case JZ_VS_VOLUME: return v->volume;
    default: return v->other;
    }
}

int jz_vs_any(const jz_comparison *c, int kind, int u)
{
    jz_verschil v;
    for (int s = 0; s < c->n_scenarios; s++)
        for (int y = 0; y < c->n_years; y++)
            if (jz_cmp_verschil(c, kind, u, JZ_VERSCHIL_ALL, s, y, &v) && v.diff != 0.0)
                return 1;
    return 0;
}
