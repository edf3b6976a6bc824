/*
 * backtest_report.c - the results of `jzsim backtest` as a table (the
 * errors per horizon, the intervals and the verdict in sentences), a long
 * CSV or JSON.  The helpers it shares with calibrate_report.c are in
 * calib_common.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/calibrate.h"
#include "report/calib_common.h"
#include "report/csvw.h"
#include "report/jsonw.h"

#define L(nl, en) (lang == JZ_LANG_EN ? (en) : (nl))

/* ---- backtest ------------------------------------------------------------ */

static const char *method_key[JZ_BT_METHODS] = {"model", "last_value", "linear_trend"};

/* The 95% forecast intervals from the errors per series and horizon, and
 * the forecasts beyond the history (rolling origins). */
static void bt_intervals_table(FILE *out, const jz_backtest *b, jz_lang lang)
{
    const jz_scenario *s = b->calib->scenario;
    char x[64], y[64], z[64], w4[64], w5[64];
    int any = 0;
    for (int i = 0; i < b->n_stats && !any; i++)
        any = b->stats[i].series >= 0 && b->stats[i].method == JZ_BT_MODEL && isfinite(b->stats[i].half95);
    if (!any)
        return;
    fprintf(out, "\n%s\n", L("Voorspelintervallen (95%) uit de fouten per horizon",
                              "95% forecast intervals from the errors per horizon"));
    fprintf(out, "%-8s %-16s %-16s %2s %3s %9s %9s %10s\n", "gemeente", "zorgsoort", L("reeks", "series"), "h",
            "n", L("rms-fout", "rms error"), L("interval", "interval"), L("dekking", "coverage"));
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->series < 0 || st->method != JZ_BT_MODEL || !isfinite(st->half95))
            continue;
        fprintf(out, "%-8s %-16.16s %-16.16s %2d %3d %8s%% %7s%% %9s%s\n", jz_calrep_gname(s, st->g), jz_calrep_zname(s, st->z),
                jz_hseries_key(st->series), st->horizon, st->n, jz_format_number(x, sizeof x, 100 * st->rel_rms, 1, lang),
                (snprintf(w4, sizeof w4, "+-%s", jz_format_number(y, sizeof y, 100 * st->half95, 1, lang)), w4),
                isfinite(st->coverage) ? jz_format_number(z, sizeof z, 100 * st->coverage, 0, lang) : "-",
                isfinite(st->coverage) ? "%" : "");
    }
    if (isfinite(b->coverage))
        fprintf(out, "%s: %s%% %s %d %s\n",
                L("Dekking van de 95%-intervallen (elk punt tegen het interval uit de andere)",
                  "Coverage of the 95% intervals (each point against the interval from the others)"),
                jz_format_number(x, sizeof x, 100 * b->coverage, 1, lang), L("van", "of"), b->n_covered,
                L("punten", "points"));
    if (!b->n_ahead)
        return;
    fprintf(out, "\n%s\n", L("Prognose na de historie (fit op alle jaren), met 95%-intervallen: uit de fouten, "
                              "en met de parameteronzekerheid",
                              "Forecast beyond the history (fit on all years), with 95% intervals: from the "
                              "errors, and with the parameter uncertainty"));
    fprintf(out, "%-8s %-16s %-16s %5s %12s %25s %25s\n", "gemeente", "zorgsoort", L("reeks", "series"),
            L("jaar", "year"), L("prognose", "forecast"), L("interval (fouten)", "interval (errors)"),
            L("interval (gecombineerd)", "interval (combined)"));
    for (int i = 0; i < b->n_ahead; i++) {
        const jz_bt_ahead *a = &b->ahead[i];
        char i1[140], i2[140];
        snprintf(i1, sizeof i1, "%s - %s", jz_calrep_fmt_val(y, sizeof y, a->lo, lang), jz_calrep_fmt_val(z, sizeof z, a->hi, lang));
        snprintf(i2, sizeof i2, "%s - %s", jz_calrep_fmt_val(w4, sizeof w4, a->lo_comb, lang),
                 jz_calrep_fmt_val(w5, sizeof w5, a->hi_comb, lang));
        fprintf(out, "%-8s %-16.16s %-16.16s %5d %12s %25s %25s\n", jz_calrep_gname(s, a->g), jz_calrep_zname(s, a->z),
                jz_hseries_key(a->series), a->year, jz_calrep_fmt_val(x, sizeof x, a->forecast, lang), i1, i2);
    }
}

/* One plain sentence per series: better or worse than the naive
 * forecasts, by how much, over how many origins. */
static void bt_sentences(FILE *out, const jz_backtest *b, jz_lang lang)
{
    const jz_scenario *s = b->calib->scenario;
    if (!b->n_verdicts)
        return;
    fprintf(out, "\n%s\n", L("Conclusie per reeks", "Verdict per series"));
    for (int v = 0; v < b->n_verdicts; v++) {
        const jz_bt_verdict *vd = &b->verdicts[v];
        char m[64], a[64], t[64];
        jz_format_number(m, sizeof m, vd->mape[JZ_BT_MODEL], 1, lang);
        jz_format_number(a, sizeof a, vd->mape[JZ_BT_LAST], 1, lang);
        jz_format_number(t, sizeof t, vd->mape[JZ_BT_TREND], 1, lang);
        int bl = vd->mape[JZ_BT_MODEL] < vd->mape[JZ_BT_LAST], bt = vd->mape[JZ_BT_MODEL] < vd->mape[JZ_BT_TREND];
        const char *verdict = bl && bt   ? L("beter dan beide naïeve prognoses", "better than both naive forecasts")
                              : !bl && !bt ? L("slechter dan beide naïeve prognoses", "worse than both naive forecasts")
                              : bl       ? L("beter dan de laatste waarde, slechter dan de lineaire trend",
                                             "better than the last value, worse than the linear trend")
                                         : L("beter dan de lineaire trend, slechter dan de laatste waarde",
                                             "better than the linear trend, worse than the last value");
        fprintf(out, L("- %s van %s, %s: het model zat gemiddeld %s%% naast, %s (laatste waarde %s%%, lineaire "
                       "trend %s%%), over %d %s en %d %s.\n",
                       "- %s of %s, %s: the model was off by %s%% on average, %s (last value %s%%, linear trend "
                       "%s%%), over %d %s and %d %s.\n"),
                jz_hseries_key(vd->series), jz_calrep_gname(s, vd->g), jz_calrep_zname(s, vd->z), m, verdict, a, t, vd->n_origins,
                vd->n_origins == 1 ? L("oorsprong", "origin") : L("oorsprongen", "origins"), vd->n,
                vd->n == 1 ? L("punt", "point") : L("punten", "points"));
    }
}

static void bt_table(FILE *out, const jz_backtest *b, jz_lang lang)
{
    char wb[1024];
    const jz_scenario *s = b->calib->scenario;
    char x[64], y[64], z[64];
    fprintf(out, "%s: %s\n", L("Backtest", "Backtest"), s->meta.name);
    if (b->n_origins > 1)
        fprintf(out, "%s %d-%d (%d %s), %s %s; instroom: %s\n",
                L("Rollende oorsprongen: gefit t/m elk jaar", "Rolling origins: fitted up to each year"),
                b->first_origin, b->fit_until, b->n_origins, L("oorsprongen", "origins"),
                L("gescoord op", "scored on"), L("de latere jaren", "the later years"),
                b->instroom_observed ? L("waargenomen", "observed") : L("geprojecteerd", "projected"));
    else
        fprintf(out, "%s %d (%d %s), %s %s; instroom: %s\n", L("Gefit op de jaren t/m", "Fitted on the years up to"),
                b->fit_until, b->calib->n_obs, L("waarnemingen", "observations"),
                L("gescoord op", "scored on"), L("de latere jaren", "the later years"),
                b->instroom_observed ? L("waargenomen", "observed") : L("geprojecteerd", "projected"));
    fprintf(out, "%s\n", L("Fout = voorspelling - waargenomen. ME gemiddelde fout, MAE gemiddelde absolute fout, "
                           "MAPE in %.",
                           "Error = forecast - observed. ME mean error, MAE mean absolute error, MAPE in %."));
    static const char *mnl[JZ_BT_METHODS] = {"model", "laatste waarde", "lineaire trend"};
    static const char *men[JZ_BT_METHODS] = {"model", "last value", "linear trend"};
    fprintf(out, "\n%-8s %-16s %-16s %2s %-15s %3s %12s %12s %8s\n", "gemeente", "zorgsoort",
            L("reeks", "series"), "h", L("methode", "method"), "n", "ME", "MAE", "MAPE");
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->series < 0)
            continue;
        fprintf(out, "%-8s %-16.16s %-16.16s %2d %-15s %3d %12s %12s %7s%%\n", jz_calrep_gname(s, st->g), jz_calrep_zname(s, st->z),
                jz_hseries_key(st->series), st->horizon, L(mnl[st->method], men[st->method]), st->n,
                jz_calrep_fmt_val(x, sizeof x, st->me, lang), jz_calrep_fmt_val(y, sizeof y, st->mae, lang),
                jz_format_number(z, sizeof z, st->mape, 1, lang));
    }
    fprintf(out, "\n%s\n", L("MAPE over alle reeksen, per horizon", "MAPE over all series, per horizon"));
    fprintf(out, "%2s %4s %10s %16s %16s\n", "h", "n", "model", L("laatste waarde", "last value"),
            L("lineaire trend", "linear trend"));
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->series >= 0 || st->method != JZ_BT_MODEL)
            continue;
        fprintf(out, "%2d %4d", st->horizon, st->n);
        for (int m = 0; m < JZ_BT_METHODS && i + m < b->n_stats; m++)
            fprintf(out, " %*s%%", m ? 15 : 9, jz_format_number(x, sizeof x, b->stats[i + m].mape, 1, lang));
        fputc('\n', out);
    }
    fprintf(out, "\n%s\n", L("Gescoorde punten", "Scored points"));
    fprintf(out, "%-8s %-13s %-16s %5s %2s %12s %12s %12s %12s\n", "gemeente", "zorgsoort", L("reeks", "series"),
            L("jaar", "year"), "h", L("waargenomen", "observed"), "model", L("laatste", "last"), "trend");
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        char w4[64];
        char yr[16];
        if (p->half)
            snprintf(yr, sizeof yr, "%dH%d", p->year, p->half);
        else
            snprintf(yr, sizeof yr, "%d", p->year);
        fprintf(out, "%-8s %-13.13s %-16.16s %5s %2d %12s %12s %12s %12s\n", jz_calrep_gname(s, p->g), jz_calrep_zname(s, p->z),
                jz_hseries_key(p->series), yr, p->horizon, jz_calrep_fmt_val(x, sizeof x, p->observed, lang),
                jz_calrep_fmt_val(y, sizeof y, p->forecast[0], lang), jz_calrep_fmt_val(z, sizeof z, p->forecast[1], lang),
                jz_calrep_fmt_val(w4, sizeof w4, p->forecast[2], lang));
    }
    bt_intervals_table(out, b, lang);
    if (b->n_warnings || b->calib->n_warnings) {
        fprintf(out, "\n%s\n", L("Let op", "Notes"));
        for (int i = 0; i < b->calib->n_warnings; i++)
            fprintf(out, "- %s\n", jz_calrep_warn_text(wb, sizeof wb, b->calib->warnings[i], lang));
        for (int i = 0; i < b->n_warnings; i++)
            fprintf(out, "- %s\n", b->warnings[i]);
    }
    bt_sentences(out, b, lang);
}

static void bt_csv(FILE *out, const jz_backtest *b, int nl)
{
    const jz_scenario *s = b->calib->scenario;
    static const char *const cols[] = {"section", "gemeente", "zorgsoort", "series", "horizon", "year", "method",
                                       "n", "me", "mae", "mape", "observed", "forecast", "origin", "half95",
                                       "coverage", "lo", "hi"};
    jz_csvw w;
    jz_calrep_csv_init(&w, out, nl);
    jz_csvw_header(&w, cols, sizeof cols / sizeof cols[0]);
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        jz_csvw_field(&w, "stat");
        jz_csvw_field(&w, st->series < 0 ? "" : jz_calrep_gname(s, st->g));
        jz_csvw_field(&w, st->series < 0 ? "" : jz_calrep_zname(s, st->z));
        jz_csvw_field(&w, st->series < 0 ? "all" : jz_hseries_key(st->series));
        jz_csvw_int(&w, st->horizon);
        jz_csvw_empty(&w, 1); /* year */
        jz_csvw_field(&w, method_key[st->method]);
        jz_csvw_int(&w, st->n);
        jz_csvw_number(&w, st->me);
        jz_csvw_number(&w, st->mae);
        jz_csvw_number(&w, st->mape);
        jz_csvw_empty(&w, 3); /* observed, forecast, origin */
        if (st->method == JZ_BT_MODEL && isfinite(st->half95)) {
            jz_csvw_number(&w, st->half95);
            if (isfinite(st->coverage))
                jz_csvw_number(&w, st->coverage);
            else
                jz_csvw_empty(&w, 1);
        } else {
            jz_csvw_empty(&w, 2);
        }
        jz_csvw_empty(&w, 2); /* lo, hi */
        jz_csvw_end_row(&w);
    }
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_csvw_field(&w, "point");
            jz_csvw_field(&w, jz_calrep_gname(s, p->g));
            jz_csvw_field(&w, jz_calrep_zname(s, p->z));
            jz_csvw_field(&w, jz_hseries_key(p->series));
            jz_csvw_int(&w, p->horizon);
            jz_csvw_int(&w, p->year);
            jz_csvw_field(&w, method_key[m]);
            jz_csvw_empty(&w, 4); /* n .. mape */
            jz_csvw_number(&w, p->observed);
            jz_csvw_number(&w, p->forecast[m]);
            jz_csvw_int(&w, p->origin);
            jz_csvw_empty(&w, 4);
            jz_csvw_end_row(&w);
        }
    }
    for (int i = 0; i < b->n_verdicts; i++) {
        const jz_bt_verdict *v = &b->verdicts[i];
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_csvw_field(&w, "verdict");
            jz_csvw_field(&w, jz_calrep_gname(s, v->g));
            jz_csvw_field(&w, jz_calrep_zname(s, v->z));
            jz_csvw_field(&w, jz_hseries_key(v->series));
            jz_csvw_empty(&w, 2); /* horizon, year */
            jz_csvw_field(&w, method_key[m]);
            jz_csvw_int(&w, v->n);
            jz_csvw_empty(&w, 2);
            jz_csvw_number(&w, v->mape[m]);
            jz_csvw_empty(&w, 2);
            jz_csvw_int(&w, v->n_origins);
            jz_csvw_empty(&w, 4);
            jz_csvw_end_row(&w);
        }
    }
    for (int i = 0; i < b->n_ahead; i++) {
        const jz_bt_ahead *a = &b->ahead[i];
        for (int k = 0; k < 2; k++) {
            jz_csvw_field(&w, "ahead");
            jz_csvw_field(&w, jz_calrep_gname(s, a->g));
            jz_csvw_field(&w, jz_calrep_zname(s, a->z));
            jz_csvw_field(&w, jz_hseries_key(a->series));
            jz_csvw_int(&w, a->horizon);
            jz_csvw_int(&w, a->year);
            jz_csvw_field(&w, k ? "model_combined" : "model");
            jz_csvw_empty(&w, 5); /* n .. observed */
            jz_csvw_number(&w, a->forecast);
            jz_csvw_empty(&w, 3); /* origin, half95, coverage */
            jz_csvw_number(&w, k ? a->lo_comb : a->lo);
            jz_csvw_number(&w, k ? a->hi_comb : a->hi);
            jz_csvw_end_row(&w);
        }
    }
}

static void bt_json(FILE *out, const jz_backtest *b)
{
    const jz_scenario *s = b->calib->scenario;
    jz_jsonw j;
    jz_jsonw_init(&j, out);
    jz_jsonw_list warn[2] = {{b->calib->warnings, b->calib->n_warnings}, {b->warnings, b->n_warnings}};
    jz_jsonw_envelope(&j, "jzsim-backtest", 1, s, warn, 2);
    jz_jsonw_key(&j, "history");
    jz_jsonw_string(&j, b->calib->history_path);
    jz_jsonw_key(&j, "fit_until");
    jz_jsonw_int(&j, b->fit_until);
    jz_jsonw_key(&j, "instroom");
    jz_jsonw_string(&j, b->instroom_observed ? "observed" : "projected");
    jz_jsonw_key(&j, "fit_observations");
    jz_jsonw_int(&j, b->calib->n_obs);
    jz_jsonw_key(&j, "fit_sigma");
    jz_jsonw_number(&j, b->calib->sigma);
    jz_jsonw_key(&j, "first_origin");
    jz_jsonw_int(&j, b->first_origin);
    jz_jsonw_key(&j, "origins");
    jz_jsonw_int(&j, b->n_origins);
    jz_jsonw_key(&j, "coverage");
    jz_jsonw_number(&j, b->coverage);
    jz_jsonw_key(&j, "stats");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        if (st->series < 0)
            jz_jsonw_null(&j);
        else
            jz_jsonw_string(&j, jz_calrep_gname(s, st->g));
        jz_jsonw_key(&j, "zorgsoort");
        if (st->series < 0)
            jz_jsonw_null(&j);
        else
            jz_jsonw_string(&j, jz_calrep_zname(s, st->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, st->series < 0 ? "all" : jz_hseries_key(st->series));
        jz_jsonw_key(&j, "horizon");
        jz_jsonw_int(&j, st->horizon);
        jz_jsonw_key(&j, "method");
        jz_jsonw_string(&j, method_key[st->method]);
        jz_jsonw_key(&j, "n");
        jz_jsonw_int(&j, st->n);
        jz_jsonw_key(&j, "me");
        jz_jsonw_number(&j, st->me);
        jz_jsonw_key(&j, "mae");
        jz_jsonw_number(&j, st->mae);
        jz_jsonw_key(&j, "mape");
        jz_jsonw_number(&j, st->mape);
        if (st->method == JZ_BT_MODEL && st->series >= 0) {
            jz_jsonw_key(&j, "rel_rms");
            jz_jsonw_number(&j, st->rel_rms);
            jz_jsonw_key(&j, "half95");
            jz_jsonw_number(&j, st->half95);
            jz_jsonw_key(&j, "coverage");
            jz_jsonw_number(&j, st->coverage);
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "verdicts");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < b->n_verdicts; i++) {
        const jz_bt_verdict *v = &b->verdicts[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, jz_calrep_gname(s, v->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, v->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, jz_hseries_key(v->series));
        jz_jsonw_key(&j, "origins");
        jz_jsonw_int(&j, v->n_origins);
        jz_jsonw_key(&j, "n");
        jz_jsonw_int(&j, v->n);
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            char k[48];
            snprintf(k, sizeof k, "mape_%s", method_key[m]);
            jz_jsonw_key(&j, k);
            jz_jsonw_number(&j, v->mape[m]);
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "ahead");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < b->n_ahead; i++) {
        const jz_bt_ahead *a = &b->ahead[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, jz_calrep_gname(s, a->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, a->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, jz_hseries_key(a->series));
        jz_jsonw_key(&j, "year");
        jz_jsonw_int(&j, a->year);
        jz_jsonw_key(&j, "horizon");
        jz_jsonw_int(&j, a->horizon);
        jz_jsonw_key(&j, "forecast");
        jz_jsonw_number(&j, a->forecast);
        jz_jsonw_key(&j, "lo");
        jz_jsonw_number(&j, a->lo);
        jz_jsonw_key(&j, "hi");
        jz_jsonw_number(&j, a->hi);
        jz_jsonw_key(&j, "lo_combined");
        jz_jsonw_number(&j, a->lo_comb);
        jz_jsonw_key(&j, "hi_combined");
        jz_jsonw_number(&j, a->hi_comb);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "points");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, jz_calrep_gname(s, p->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, p->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, jz_hseries_key(p->series));
        jz_jsonw_key(&j, "year");
        jz_jsonw_int(&j, p->year);
        jz_jsonw_key(&j, "horizon");
        jz_jsonw_int(&j, p->horizon);
        jz_jsonw_key(&j, "origin");
        jz_jsonw_int(&j, p->origin);
        if (p->half) {
            jz_jsonw_key(&j, "half");
            jz_jsonw_int(&j, p->half);
        }
        jz_jsonw_key(&j, "observed");
        jz_jsonw_number(&j, p->observed);
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_jsonw_key(&j, method_key[m]);
            jz_jsonw_number(&j, p->forecast[m]);
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_end_object(&j);
    fputc('\n', out);
}

int jz_rep_backtest_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    bt_table(out, x->backtest, o->lang);
    return jz_calrep_finish(out, err);
}

int jz_rep_backtest_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    bt_csv(out, x->backtest, o->csv_nl);
    return jz_calrep_finish(out, err);
}

int jz_rep_backtest_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    bt_json(out, x->backtest);
    return jz_calrep_finish(out, err);
}

