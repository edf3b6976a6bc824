/*
 * calibrate_report.c - the results of `jzsim calibrate` as a table (Dutch
 * or English), a long CSV or JSON; backtest_report.c does the same for
 * `jzsim backtest`, and calib_common.c holds what the two share (names,
 * figures, the analysis's notes in the reader's language).
 *
 * Like the other reporters these only format what the analysis computed.
 * The CSV is one sheet with a `section` column so that Excel can filter it;
 * with csv_nl it uses ';' and decimal commas.
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

/* ---- calibrate: table ---------------------------------------------------- */

static void calib_table(FILE *out, const jz_calib *c, jz_lang lang)
{
    const jz_scenario *s = c->scenario;
    char a[64], b[64], d[64], e[64], nb[512];
    fprintf(out, "%s: %s\n", L("Kalibratie", "Calibration"), s->meta.name);
    fprintf(out, "%s: %s, %d-%d, %d %s\n", L("Historie", "History"), c->history_path, c->first_year,
            c->last_year, c->n_obs, L("waarnemingen", "observations"));
    fprintf(out, "%s: %d %s, %d %s, %d %s;\n     %s %s%%, %d %s\n", L("Fit", "Fit"), c->n_fitted,
            L("parameters geschat", "parameters fitted"), c->n_params - c->n_fitted,
            L("vastgehouden", "kept"), c->dof, L("vrijheidsgraden", "degrees of freedom"),
            L("relatieve residu-sd", "relative residual sd"),
            jz_format_number(a, sizeof a, 100.0 * c->sigma, 2, lang), c->iterations,
            L("iteraties", "iterations"));
    if (c->break_year) {
        int duur = 0;
        for (int i = 0; i < c->n_params; i++)
            duur |= c->params[i].kind == JZ_PK_DUUR_BREAK && c->params[i].fitted;
        fprintf(out, "%s: %s %s %d", L("Breuk", "Break"), duur ? "zorgduur" : "instroom", L("vanaf", "from"),
                c->break_year);
        if (isfinite(c->break_p))
            fprintf(out, " (F = %s, p = %s %s)", jz_format_number(a, sizeof a, c->break_F, 2, lang),
                    jz_format_number(b, sizeof b, c->break_p, 4, lang), L("tegen geen breuk", "against no break"));
        fputc('\n', out);
    }

    fprintf(out, "\n%s\n", L("Parameters (st.fout = 1 standaardfout)", "Parameters (se = 1 standard error)"));
    fprintf(out, "%-8s %-20s %-16s %12s %12s %10s\n", "gemeente", "zorgsoort",
            L("parameter", "parameter"), L("scenario", "scenario"), L("geschat", "fitted"),
            L("st.fout", "se"));
    for (int i = 0; i < c->n_params; i++) {
        const jz_calib_param *q = &c->params[i];
        char zn[64];
        snprintf(zn, sizeof zn, "%s", q->z >= 0 ? s->zorgsoorten[q->z].key
                                               : L("(overige, samen)", "(others, together)"));
        if (q->fitted)
            fprintf(out, "%-8s %-20s %-16s %12s %12s %10s%s%s\n", s->gemeenten[q->g].code, zn,
                    jz_param_kind_key(q->kind), jz_calrep_fmt_param(a, sizeof a, q, q->initial, lang),
                    jz_calrep_fmt_param(b, sizeof b, q, q->value, lang),
                    isfinite(q->se) ? jz_calrep_fmt_param(d, sizeof d, q, q->se, lang) : "-", q->note[0] ? "  " : "",
                    jz_calrep_note_text(nb, sizeof nb, q->note, lang));
        else
            fprintf(out, "%-8s %-20s %-16s %12s %12s %10s  %s: %s\n", s->gemeenten[q->g].code, zn,
                    jz_param_kind_key(q->kind), jz_calrep_fmt_param(a, sizeof a, q, q->initial, lang), "-", "-",
                    L("niet geschat", "not fitted"), jz_calrep_note_text(nb, sizeof nb, q->note, lang));
    }

    fprintf(out, "\n%s\n", L("Fit per reeks", "Fit per series"));
    fprintf(out, "%-8s %-20s %-28s %4s %14s %8s\n", "gemeente", "zorgsoort", L("reeks", "series"), "n",
            "RMSE", "MAPE");
    for (int i = 0; i < c->n_summary; i++) {
        const jz_calib_summary *m = &c->summary[i];
        fprintf(out, "%-8s %-20s %-28s %4d %14s %7s%%\n", s->gemeenten[m->g].code, jz_calrep_zname(s, m->z),
                jz_hseries_key(m->series), m->n, jz_calrep_fmt_val(a, sizeof a, m->rmse, lang),
                jz_format_number(b, sizeof b, m->mape, 2, lang));
    }

    if (c->n_shape) {
        fprintf(out, "\n%s\n", L("Vorm van de duur (Erlang k, uit de duurklassen van beëindigde trajecten)",
                                 "Duration shape (Erlang k, from the duration classes of ended trajectories)"));
        for (int t = 0; t < c->n_shape; t++) {
            const jz_shape_test *st = &c->shape[t];
            char zbuf[64], pbuf[64];
            fprintf(out, "%s %s: %.0f %s; %s k = %d%s\n", jz_calrep_gname(s, st->g), jz_calrep_zname(s, st->z), st->total,
                    L("trajecten", "trajectories"), L("beste", "best"), st->best_k,
                    st->scenario_k ? "" : "");
            fprintf(out, "  %3s %12s %14s %10s %8s\n", "k", L("duur (mnd)", "D (months)"), "log-lik",
                    "chi2", "p");
            for (int k = 0; k < st->n_k; k++)
                fprintf(out, "  %3d %12s %14s %10s %8s%s\n", k + 1,
                        jz_format_number(a, sizeof a, st->D[k], 2, lang),
                        jz_format_number(b, sizeof b, st->loglik[k], 2, lang),
                        jz_format_number(d, sizeof d, st->chi2[k], 2, lang),
                        jz_format_number(e, sizeof e, st->pvalue[k], 4, lang),
                        k + 1 == st->best_k ? "  <-" : k + 1 == st->scenario_k ? L("  (scenario)", "  (scenario)") : "");
            fprintf(out, "  %s: %s %s\n", L("exponentieel (k=1) tegen beste k", "exponential (k=1) against best k"),
                    L("log-likelihood-verschil", "log-likelihood difference"),
                    jz_format_number(a, sizeof a, st->loglik[st->best_k - 1] - st->loglik[0], 2, lang));
            if (isfinite(st->mix_loglik) && (st->none_fits || st->mix_better))
                fprintf(out, "  %s: %s%% Erlang-%d %s %s %s, %s Erlang-%d %s %s %s; log-lik %s, chi2 %s, p %s%s\n",
                        L("twee takken", "two branches"), jz_format_number(a, sizeof a, 100 * st->mix_p, 1, lang),
                        st->mix_k1, L("met gemiddeld", "with mean"), jz_format_number(b, sizeof b, st->mix_D1, 2, lang),
                        L("mnd", "months"), L("de rest", "the rest"), st->mix_k2, L("met gemiddeld", "with mean"),
                        jz_format_number(d, sizeof d, st->mix_D2, 2, lang), L("mnd", "months"),
                        jz_format_number(e, sizeof e, st->mix_loglik, 2, lang),
                        (jz_format_number(zbuf, sizeof zbuf, st->mix_chi2, 2, lang)),
                        jz_format_number(pbuf, sizeof pbuf, st->mix_pvalue, 4, lang),
                        st->none_fits ? L("  (geen enkele Erlang past)", "  (no single Erlang fits)") : "");
        }
    }

    fprintf(out, "\n%s\n", L("Residuen per reeks en periode (model - waargenomen)",
                             "Residuals per series and period (model - observed)"));
    fprintf(out, "%-8s %-19s %-15s %5s %13s %13s %11s %8s\n", "gemeente", "zorgsoort", L("reeks", "series"),
            L("jaar", "year"), L("waargenomen", "observed"), "model", L("residu", "residual"), "%");
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *o = &c->obs[i];
        double r = o->model - o->observed;
        fprintf(out, "%-8s %-19.19s %-15.15s %5d %13s %13s %11s %7s%%\n", s->gemeenten[o->g].code, jz_calrep_zname(s, o->z),
                jz_hseries_key(o->series), o->year, jz_calrep_fmt_val(a, sizeof a, o->observed, lang),
                jz_calrep_fmt_val(b, sizeof b, o->model, lang), jz_calrep_fmt_val(d, sizeof d, r, lang),
                jz_format_number(e, sizeof e, o->observed != 0 ? 100.0 * r / o->observed : NAN, 2, lang));
    }
    if (c->n_warnings) {
        fprintf(out, "\n%s\n", L("Let op", "Notes"));
        for (int i = 0; i < c->n_warnings; i++)
            fprintf(out, "- %s\n", jz_calrep_warn_text(nb, sizeof nb, c->warnings[i], lang));
    }
}

/* ---- calibrate: CSV ------------------------------------------------------ */

static void calib_csv(FILE *out, const jz_calib *c, int nl)
{
    const jz_scenario *s = c->scenario;
    static const char *const cols[] = {"section", "gemeente", "zorgsoort", "key", "year", "initial", "value", "se",
                                       "observed", "model", "residual", "n", "rmse", "mape", "note"};
    jz_csvw w;
    jz_calrep_csv_init(&w, out, nl);
    jz_csvw_header(&w, cols, sizeof cols / sizeof cols[0]);
#define ROW(sec, g, z, key) (jz_csvw_field(&w, sec), jz_csvw_field(&w, g), jz_csvw_field(&w, z), \
                             jz_csvw_field(&w, key))
    for (int i = 0; i < c->n_params; i++) {
        const jz_calib_param *q = &c->params[i];
        ROW("parameter", s->gemeenten[q->g].code, q->z >= 0 ? s->zorgsoorten[q->z].key : "(group)",
            jz_param_kind_key(q->kind));
        jz_csvw_empty(&w, 1); /* year */
        jz_csvw_number(&w, q->initial);
        jz_csvw_number(&w, q->fitted ? q->value : NAN);
        jz_csvw_number(&w, q->se);
        jz_csvw_empty(&w, 6); /* observed .. mape */
        jz_csvw_field(&w, q->fitted ? (q->is_factor ? "factor" : q->note) : q->note);
        jz_csvw_end_row(&w);
    }
    for (int i = 0; i < c->n_summary; i++) {
        const jz_calib_summary *m = &c->summary[i];
        ROW("summary", s->gemeenten[m->g].code, jz_calrep_zname(s, m->z), jz_hseries_key(m->series));
        jz_csvw_empty(&w, 7); /* year .. residual */
        jz_csvw_int(&w, m->n);
        jz_csvw_number(&w, m->rmse);
        jz_csvw_number(&w, m->mape);
        jz_csvw_empty(&w, 1); /* note */
        jz_csvw_end_row(&w);
    }
    for (int t = 0; t < c->n_shape; t++) {
        const jz_shape_test *st = &c->shape[t];
        for (int k = 0; k < st->n_k; k++) {
            char key[32], note[64], total[64];
            snprintf(key, sizeof key, "erlang_k%d", k + 1);
            snprintf(note, sizeof note, "loglik=%.6g chi2=%.6g p=%.4g%s", st->loglik[k], st->chi2[k],
                     st->pvalue[k], k + 1 == st->best_k ? " best" : "");
            snprintf(total, sizeof total, "%.0f", st->total); /* whole, in either locale */
            ROW("shape", jz_calrep_gname(s, st->g), jz_calrep_zname(s, st->z), key);
            jz_csvw_empty(&w, 2); /* year, initial */
            jz_csvw_number(&w, st->D[k]);
            jz_csvw_empty(&w, 4); /* se .. residual */
            jz_csvw_field(&w, total);
            jz_csvw_empty(&w, 2); /* rmse, mape */
            jz_csvw_field(&w, note);
            jz_csvw_end_row(&w);
        }
    }
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *o = &c->obs[i];
        ROW("residual", s->gemeenten[o->g].code, jz_calrep_zname(s, o->z), jz_hseries_key(o->series));
        jz_csvw_int(&w, o->year);
        jz_csvw_empty(&w, 3); /* initial, value, se */
        jz_csvw_number(&w, o->observed);
        jz_csvw_number(&w, o->model);
        jz_csvw_number(&w, o->model - o->observed);
        jz_csvw_empty(&w, 4); /* n .. note */
        jz_csvw_end_row(&w);
    }
#undef ROW
}

/* ---- calibrate: JSON ----------------------------------------------------- */

static void calib_json(FILE *out, const jz_calib *c)
{
    const jz_scenario *s = c->scenario;
    jz_jsonw j;
    jz_jsonw_init(&j, out);
    jz_jsonw_list warn = {c->warnings, c->n_warnings};
    jz_jsonw_envelope(&j, "jzsim-calibrate", 1, s, &warn, 1);
    jz_jsonw_key(&j, "history");
    jz_jsonw_string(&j, c->history_path);
    jz_jsonw_key(&j, "first_year");
    jz_jsonw_int(&j, c->first_year);
    jz_jsonw_key(&j, "last_year");
    jz_jsonw_int(&j, c->last_year);
    jz_jsonw_key(&j, "fit");
    jz_jsonw_begin_object(&j);
    jz_jsonw_key(&j, "observations");
    jz_jsonw_int(&j, c->n_obs);
    jz_jsonw_key(&j, "fitted");
    jz_jsonw_int(&j, c->n_fitted);
    jz_jsonw_key(&j, "dof");
    jz_jsonw_int(&j, c->dof);
    jz_jsonw_key(&j, "sigma");
    jz_jsonw_number(&j, c->sigma);
    jz_jsonw_key(&j, "chisq_start");
    jz_jsonw_number(&j, c->chisq0);
    jz_jsonw_key(&j, "chisq");
    jz_jsonw_number(&j, c->chisq);
    jz_jsonw_key(&j, "iterations");
    jz_jsonw_int(&j, c->iterations);
    jz_jsonw_key(&j, "condition_number");
    jz_jsonw_number(&j, c->cond);
    jz_jsonw_key(&j, "gsl_status");
    jz_jsonw_int(&j, c->status);
    jz_jsonw_key(&j, "affected");
    jz_jsonw_int(&j, c->n_affected);
    if (c->break_year) {
        jz_jsonw_key(&j, "break_year");
        jz_jsonw_int(&j, c->break_year);
        jz_jsonw_key(&j, "break_F");
        jz_jsonw_number(&j, c->break_F);
        jz_jsonw_key(&j, "break_p");
        jz_jsonw_number(&j, c->break_p);
    }
    jz_jsonw_end_object(&j);
    jz_jsonw_key(&j, "parameters");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < c->n_params; i++) {
        const jz_calib_param *q = &c->params[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, s->gemeenten[q->g].code);
        jz_jsonw_key(&j, "zorgsoort");
        if (q->z >= 0)
            jz_jsonw_string(&j, s->zorgsoorten[q->z].key);
        else
            jz_jsonw_null(&j);
        jz_jsonw_key(&j, "kind");
        jz_jsonw_string(&j, jz_param_kind_key(q->kind));
        jz_jsonw_key(&j, "fitted");
        jz_jsonw_bool(&j, q->fitted);
        jz_jsonw_key(&j, "factor");
        jz_jsonw_bool(&j, q->is_factor);
        jz_jsonw_key(&j, "initial");
        jz_jsonw_number(&j, q->initial);
        jz_jsonw_key(&j, "value");
        jz_jsonw_number(&j, q->value);
        jz_jsonw_key(&j, "se");
        jz_jsonw_number(&j, q->se);
        jz_jsonw_key(&j, "note");
        jz_jsonw_string(&j, q->note);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "summary");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < c->n_summary; i++) {
        const jz_calib_summary *m = &c->summary[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, s->gemeenten[m->g].code);
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, m->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, jz_hseries_key(m->series));
        jz_jsonw_key(&j, "n");
        jz_jsonw_int(&j, m->n);
        jz_jsonw_key(&j, "rmse");
        jz_jsonw_number(&j, m->rmse);
        jz_jsonw_key(&j, "mape");
        jz_jsonw_number(&j, m->mape);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "shape");
    jz_jsonw_begin_array(&j);
    for (int t = 0; t < c->n_shape; t++) {
        const jz_shape_test *st = &c->shape[t];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, jz_calrep_gname(s, st->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, st->z));
        jz_jsonw_key(&j, "counts");
        jz_jsonw_numbers(&j, st->counts, JZ_DUR_CLASSES);
        jz_jsonw_key(&j, "best_k");
        jz_jsonw_int(&j, st->best_k);
        jz_jsonw_key(&j, "mean_duration");
        jz_jsonw_numbers(&j, st->D, st->n_k);
        jz_jsonw_key(&j, "loglik");
        jz_jsonw_numbers(&j, st->loglik, st->n_k);
        jz_jsonw_key(&j, "chi2");
        jz_jsonw_numbers(&j, st->chi2, st->n_k);
        jz_jsonw_key(&j, "pvalue");
        jz_jsonw_numbers(&j, st->pvalue, st->n_k);
        jz_jsonw_key(&j, "none_fits");
        jz_jsonw_bool(&j, st->none_fits);
        if (isfinite(st->mix_loglik)) {
            jz_jsonw_key(&j, "mixture");
            jz_jsonw_begin_object(&j);
            jz_jsonw_key(&j, "share");
            jz_jsonw_number(&j, st->mix_p);
            jz_jsonw_key(&j, "k1");
            jz_jsonw_int(&j, st->mix_k1);
            jz_jsonw_key(&j, "mean_duration1");
            jz_jsonw_number(&j, st->mix_D1);
            jz_jsonw_key(&j, "k2");
            jz_jsonw_int(&j, st->mix_k2);
            jz_jsonw_key(&j, "mean_duration2");
            jz_jsonw_number(&j, st->mix_D2);
            jz_jsonw_key(&j, "loglik");
            jz_jsonw_number(&j, st->mix_loglik);
            jz_jsonw_key(&j, "chi2");
            jz_jsonw_number(&j, st->mix_chi2);
            jz_jsonw_key(&j, "pvalue");
            jz_jsonw_number(&j, st->mix_pvalue);
            jz_jsonw_key(&j, "better");
            jz_jsonw_bool(&j, st->mix_better);
            jz_jsonw_end_object(&j);
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "residuals");
    jz_jsonw_begin_array(&j);
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *o = &c->obs[i];
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "gemeente");
        jz_jsonw_string(&j, s->gemeenten[o->g].code);
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, jz_calrep_zname(s, o->z));
        jz_jsonw_key(&j, "series");
        jz_jsonw_string(&j, jz_hseries_key(o->series));
        jz_jsonw_key(&j, "year");
        jz_jsonw_int(&j, o->year);
        jz_jsonw_key(&j, "line");
        jz_jsonw_int(&j, o->line);
        jz_jsonw_key(&j, "observed");
        jz_jsonw_number(&j, o->observed);
        jz_jsonw_key(&j, "model");
        jz_jsonw_number(&j, o->model);
        jz_jsonw_key(&j, "residual");
        jz_jsonw_number(&j, o->model - o->observed);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_end_object(&j);
    fputc('\n', out);
}

int jz_rep_calibrate_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    calib_table(out, x->calib, o->lang);
    return jz_calrep_finish(out, err);
}

int jz_rep_calibrate_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    calib_csv(out, x->calib, o->csv_nl);
    return jz_calrep_finish(out, err);
}

int jz_rep_calibrate_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    calib_json(out, x->calib);
    return jz_calrep_finish(out, err);
}

