/*
 * sensitivity_report.c - the tornado data and the break-even value as a
 * table, CSV or JSON (jzsim/sensitivity.h).  Formats only what
 * jz_sensitivity_run and jz_breakeven_find computed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/sensitivity.h"
#include "report/csvw.h"
#include "report/jsonw.h"
#include "report/unc_common.h"

static void table(FILE *out, const jz_sensitivity *t, const jz_breakeven *be, jz_lang lang)
{
    int nl = lang == JZ_LANG_NL;
    const jz_scenario *s = t->scenario;
    char a[96], b[96];
    fprintf(out, "%s: %s - %s\n", nl ? "Gevoeligheid van het tekort" : "Sensitivity of the deficit", s->meta.name,
            jz_unc_unit_name(s, t->g, lang));
    fprintf(out, nl ? "Tekort %d bij de puntwaarden: %s; opgeteld over %d-%d: %s\n"
                    : "Deficit %d at the point values: %s; summed over %d-%d: %s\n",
            t->year, jz_format_money(a, sizeof a, t->base, lang), s->meta.base_year,
            s->meta.base_year + s->meta.horizon - 1, jz_format_money(b, sizeof b, t->base_sum, lang));
    fprintf(out, "%s\n\n", nl ? "Elke invoer apart op zijn lage en hoge waarde (P5 en P95 van een verdeling), de "
                                "rest op de puntwaarde; gesorteerd op de uitslag."
                              : "Each input alone at its low and high value (P5 and P95 of a distribution), the "
                                "rest at the point value; sorted by the swing.");
    if (t->n_bars == 0)
        fprintf(out, "%s\n", nl ? "Geen invoer met een bereik of verdeling (docs/uncertainty.md)."
                                : "No input with a range or distribution (docs/uncertainty.md).");
    for (int i = 0; i < t->n_bars; i++) {
        const jz_tornado_bar *x = &t->bars[i];
        char lo[96], hi[96], pt[96], tl[96], th[96], sw[96], ss[96], lab[512];
        fprintf(out, "%2d. %s\n", i + 1, jz_unc_input_label(s, x->path, lang, lab, sizeof lab));
        fprintf(out, nl ? "    %s .. %s (punt %s): tekort %d %s .. %s, uitslag %s; opgeteld over de jaren %s\n"
                        : "    %s .. %s (point %s): deficit %d %s .. %s, swing %s; summed over the years %s\n",
                jz_unc_fmt_value(lo, sizeof lo, x->unit, x->low, lang),
                jz_unc_fmt_value(hi, sizeof hi, x->unit, x->high, lang),
                jz_unc_fmt_value(pt, sizeof pt, x->unit, x->point, lang), t->year,
                jz_format_money(tl, sizeof tl, x->at_low, lang), jz_format_money(th, sizeof th, x->at_high, lang),
                jz_format_money(sw, sizeof sw, x->swing, lang), jz_format_money(ss, sizeof ss, x->swing_sum, lang));
    }
    if (be) {
        char text[1024];
        fprintf(out, "\nBreak-even\n%s\n", jz_unc_breakeven_text(text, sizeof text, s, be, lang));
    }
}

static void csv(FILE *out, const jz_sensitivity *t, const jz_breakeven *be, int csv_nl)
{
    jz_csvw c;
    jz_csvw_init(&c, out, csv_nl);
    static const char *const head[] = {"rank", "input", "unit", "point", "low", "high", "year", "tekort_point",
                                       "tekort_at_low", "tekort_at_high", "swing", "sum_point", "sum_at_low",
                                       "sum_at_high", "swing_sum"};
    jz_csvw_header(&c, head, sizeof head / sizeof head[0]);
    for (int i = 0; i < t->n_bars; i++) {
        const jz_tornado_bar *x = &t->bars[i];
        jz_csvw_int(&c, i + 1);
        jz_csvw_field(&c, x->path);
        jz_csvw_field(&c, x->unit);
        jz_csvw_number(&c, x->point);
        jz_csvw_number(&c, x->low);
        jz_csvw_number(&c, x->high);
        jz_csvw_int(&c, t->year);
        jz_csvw_number(&c, t->base);
        jz_csvw_number(&c, x->at_low);
        jz_csvw_number(&c, x->at_high);
        jz_csvw_number(&c, x->swing);
        jz_csvw_number(&c, t->base_sum);
        jz_csvw_number(&c, x->sum_low);
        jz_csvw_number(&c, x->sum_high);
        jz_csvw_number(&c, x->swing_sum);
        jz_csvw_end_row(&c);
    }
    if (be) { /* a second block, after an empty line */
        fputc('\n', out);
        static const char *const bh[] = {"break_even_input", "year", "target", "found", "value", "tekort_at_value",
                                         "search_low", "search_high", "tekort_at_low", "tekort_at_high"};
        jz_csvw_header(&c, bh, sizeof bh / sizeof bh[0]);
        jz_csvw_field(&c, be->path);
        jz_csvw_int(&c, be->year);
        jz_csvw_number(&c, be->target);
        jz_csvw_int(&c, be->found);
        jz_csvw_number(&c, be->found ? be->value : NAN);
        jz_csvw_number(&c, be->found ? be->at_value : NAN);
        jz_csvw_number(&c, be->lo);
        jz_csvw_number(&c, be->hi);
        jz_csvw_number(&c, be->at_lo);
        jz_csvw_number(&c, be->at_hi);
        jz_csvw_end_row(&c);
    }
}

static void json(FILE *out, const jz_sensitivity *t, const jz_breakeven *be)
{
    jz_jsonw w;
    jz_jsonw_init(&w, out);
    jz_jsonw_envelope(&w, "jzsim-sensitivity", 1, t->scenario, NULL, 0);
    jz_jsonw_key(&w, "gemeente_code");
    jz_jsonw_string(&w, jz_unc_unit_code(t->scenario, t->g));
    jz_jsonw_key(&w, "metric");
    jz_jsonw_string(&w, "tekort");
    jz_jsonw_key(&w, "year");
    jz_jsonw_int(&w, t->year);
    jz_jsonw_key(&w, "tekort_point");
    jz_jsonw_number(&w, t->base);
    jz_jsonw_key(&w, "sum_point");
    jz_jsonw_number(&w, t->base_sum);
    jz_jsonw_key(&w, "bars");
    jz_jsonw_begin_array(&w);
    for (int i = 0; i < t->n_bars; i++) {
        const jz_tornado_bar *x = &t->bars[i];
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "input");
        jz_jsonw_string(&w, x->path);
        jz_jsonw_key(&w, "unit");
        jz_jsonw_string(&w, x->unit);
        jz_jsonw_key(&w, "point");
        jz_jsonw_number(&w, x->point);
        jz_jsonw_key(&w, "low");
        jz_jsonw_number(&w, x->low);
        jz_jsonw_key(&w, "high");
        jz_jsonw_number(&w, x->high);
        jz_jsonw_key(&w, "tekort_at_low");
        jz_jsonw_number(&w, x->at_low);
        jz_jsonw_key(&w, "tekort_at_high");
        jz_jsonw_number(&w, x->at_high);
        jz_jsonw_key(&w, "swing");
        jz_jsonw_number(&w, x->swing);
        jz_jsonw_key(&w, "sum_at_low");
        jz_jsonw_number(&w, x->sum_low);
        jz_jsonw_key(&w, "sum_at_high");
        jz_jsonw_number(&w, x->sum_high);
        jz_jsonw_key(&w, "swing_sum");
        jz_jsonw_number(&w, x->swing_sum);
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);
    if (be) {
        jz_jsonw_key(&w, "break_even");
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "input");
        jz_jsonw_string(&w, be->path);
        jz_jsonw_key(&w, "year");
        jz_jsonw_int(&w, be->year);
        jz_jsonw_key(&w, "target");
        jz_jsonw_number(&w, be->target);
        jz_jsonw_key(&w, "found");
        jz_jsonw_bool(&w, be->found);
        jz_jsonw_key(&w, "value");
        if (be->found)
            jz_jsonw_number(&w, be->value);
        else
            jz_jsonw_null(&w);
        jz_jsonw_key(&w, "tekort_at_value");
        if (be->found)
            jz_jsonw_number(&w, be->at_value);
        else
            jz_jsonw_null(&w);
        jz_jsonw_key(&w, "search");
        double r[2] = {be->lo, be->hi};
        jz_jsonw_numbers(&w, r, 2);
        jz_jsonw_key(&w, "tekort_at_search");
        double f[2] = {be->at_lo, be->at_hi};
        jz_jsonw_numbers(&w, f, 2);
        jz_jsonw_key(&w, "point");
        jz_jsonw_number(&w, be->point);
        jz_jsonw_key(&w, "tekort_at_point");
        jz_jsonw_number(&w, be->at_point);
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_object(&w);
    fputc('\n', out);
}

static int status(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the report");
    return JZ_OK;
}

int jz_rep_sensitivity_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    table(out, x->sensitivity, x->breakeven, o->lang);
    return status(out, err);
}

int jz_rep_sensitivity_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    csv(out, x->sensitivity, x->breakeven, o->csv_nl);
    return status(out, err);
}

int jz_rep_sensitivity_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    json(out, x->sensitivity, x->breakeven);
    return status(out, err);
}
