/*
 * unc_common.c - formatting shared by mc_report.c and sensitivity_report.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "jzsim/sensitivity.h"
#include "report/unc_common.h"

char *jz_unc_fmt_value(char *buf, size_t size, const char *unit, double v, jz_lang lang)
{
    char num[96];
    if (!isfinite(v)) {
        snprintf(buf, size, "-");
        return buf;
    }
    if (strcmp(unit, "euros") == 0)
        return jz_format_money(buf, size, v, lang);
    if (strncmp(unit, "fraction", 8) == 0) {
        jz_format_number(num, sizeof num, 100.0 * v, fabs(v) < 0.1 ? 2 : 1, lang);
        snprintf(buf, size, "%s%%", num);
        return buf;
    }
    int dec = strcmp(unit, "clients") == 0 ? (fabs(v) < 100 ? 1 : 0) : fabs(v) < 10 ? 2 : 1;
    jz_format_number(num, sizeof num, v, dec, lang);
    if (strcmp(unit, "months") == 0)
        snprintf(buf, size, "%s %s", num, lang == JZ_LANG_NL ? "mnd" : "months");
    else
        snprintf(buf, size, "%s", num);
    return buf;
}

static const char *kind_name(int kind, int nl)
{
    switch (kind) {
    case JZ_DIST_NORMAL: return nl ? "normaal" : "normal";
    case JZ_DIST_LOGNORMAL: return nl ? "lognormaal" : "lognormal";
    case JZ_DIST_UNIFORM: return "uniform";
    case JZ_DIST_TRIANGULAR: return nl ? "driehoek" : "triangular";
    case JZ_DIST_PERT: return "PERT";
    }
    return nl ? "bereik" : "range";
}

char *jz_unc_fmt_dist(char *buf, size_t size, const jz_uncertain *u, jz_lang lang)
{
    const jz_dist *d = &u->dist;
    int nl = lang == JZ_LANG_NL;
    char a[64], b[64], c[64];
    const char *to = nl ? "tot" : "to";
    switch (d->kind) {
    case JZ_DIST_NONE: /* not drawn: said, or a band without it looks like one with it */
        snprintf(buf, size, "%s %s %s %s, %s", kind_name(d->kind, nl), jz_unc_fmt_value(a, sizeof a, u->unit, d->low, lang),
                 to, jz_unc_fmt_value(b, sizeof b, u->unit, d->high, lang),
                 nl ? "niet getrokken (alleen voor jzsim sensitivity)" : "not drawn (for jzsim sensitivity only)");
        break;
    case JZ_DIST_NORMAL:
    case JZ_DIST_LOGNORMAL:
        snprintf(buf, size, "%s: %s %s, sd %s", kind_name(d->kind, nl),
                 nl ? "gemiddelde" : "mean", jz_unc_fmt_value(a, sizeof a, u->unit, d->mean, lang),
                 jz_unc_fmt_value(b, sizeof b, u->unit, d->sd, lang));
        /* the bounds, when they cut off a noticeable part (not just the unit's far ends) */
        if (d->truncated && (isinf(d->t_lo) ? 0.0 : gsl_cdf_ugaussian_P(d->t_lo)) +
                                    (isinf(d->t_hi) ? 0.0 : gsl_cdf_ugaussian_Q(d->t_hi)) > 1e-6) {
            size_t at = strlen(buf);
            snprintf(buf + at, size - at, ", %s %s %s %s", nl ? "begrensd" : "bounded",
                     jz_unc_fmt_value(a, sizeof a, u->unit, d->low, lang), to,
                     jz_unc_fmt_value(c, sizeof c, u->unit, d->high, lang));
        }
        break;
    case JZ_DIST_UNIFORM:
        snprintf(buf, size, "%s: %s %s %s", kind_name(d->kind, nl),
                 jz_unc_fmt_value(a, sizeof a, u->unit, d->low, lang), to,
                 jz_unc_fmt_value(b, sizeof b, u->unit, d->high, lang));
        break;
    case JZ_DIST_TRIANGULAR:
    case JZ_DIST_PERT:
        snprintf(buf, size, "%s: %s, %s %s, %s", kind_name(d->kind, nl),
                 jz_unc_fmt_value(a, sizeof a, u->unit, d->low, lang), nl ? "meest waarschijnlijk" : "most likely",
                 jz_unc_fmt_value(b, sizeof b, u->unit, d->mode, lang),
                 jz_unc_fmt_value(c, sizeof c, u->unit, d->high, lang));
        break;
    default:
        snprintf(buf, size, "?");
    }
    return buf;
}

const char *jz_unc_input_label(const jz_scenario *s, const char *path, jz_lang lang, char *buf, size_t size)
{
    for (int i = 0; s && i < s->n_inputs; i++)
        if (s->inputs[i].path && strcmp(s->inputs[i].path, path) == 0) {
            const char *l = jz_input_label(s, &s->inputs[i], lang != JZ_LANG_NL, buf, size);
            if (l[0])
                return l;
        }
    return path;
}

char *jz_unc_breakeven_text(char *buf, size_t size, const jz_scenario *s, const jz_breakeven *be, jz_lang lang)
{
    int nl = lang == JZ_LANG_NL;
    char v[96], t[96], a[96], b[96], x[96], y[96], lab[512];
    const char *name = jz_unc_input_label(s, be->path, lang, lab, sizeof lab);
    jz_format_money(t, sizeof t, be->target, lang);
    if (be->found)
        snprintf(buf, size,
                 nl ? "%s: het tekort in %d is %s bij %s (puntwaarde %s)." : "%s: the deficit in %d is %s at %s (point value %s).",
                 name, be->year, t, jz_unc_fmt_value(v, sizeof v, be->unit, be->value, lang),
                 jz_unc_fmt_value(a, sizeof a, be->unit, be->point, lang));
    else
        snprintf(buf, size,
                 nl ? "%s: geen waarde tussen %s en %s brengt het tekort in %d op %s; het tekort is daar %s en %s."
                    : "%s: no value between %s and %s brings the deficit in %d to %s; it is %s and %s there.",
                 name, jz_unc_fmt_value(a, sizeof a, be->unit, be->lo, lang),
                 jz_unc_fmt_value(b, sizeof b, be->unit, be->hi, lang), be->year, t,
                 jz_format_money(x, sizeof x, be->at_lo, lang), jz_format_money(y, sizeof y, be->at_hi, lang));
    return buf;
}

const char *jz_unc_unit_code(const jz_scenario *s, int g)
{
    return g >= 0 && g < s->n_gemeenten ? s->gemeenten[g].code : "TOTAL";
}

const char *jz_unc_unit_name(const jz_scenario *s, int g, jz_lang lang)
{
    if (g >= 0 && g < s->n_gemeenten)
        return s->gemeenten[g].name;
    if (s->n_gemeenten == 1)
        return s->gemeenten[0].name;
    return lang == JZ_LANG_NL ? "totaal (alle gemeenten)" : "total (all gemeenten)";
}
