/*
 * calibrate_report.c - the results of `jzsim calibrate` and `jzsim
 * backtest` as a table (Dutch or English), a long CSV or JSON.
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
#include "report/csvw.h"
#include "report/jsonw.h"

/* ---- small helpers ------------------------------------------------------- */

#define L(nl, en) (lang == JZ_LANG_EN ? (en) : (nl))

static const char *zname(const jz_scenario *s, int z) { return z >= 0 ? s->zorgsoorten[z].key : "totaal"; }
static const char *gname(const jz_scenario *s, int g) { return g >= 0 ? s->gemeenten[g].code : "alle"; }

/* A figure for the table: decimals by size, "-" when unknown. */
static const char *fmt_val(char *buf, size_t n, double v, jz_lang lang)
{
    double a = fabs(v);
    int d = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 4;
    return jz_format_number(buf, n, v, d, lang);
}

static const char *fmt_param(char *buf, size_t n, const jz_calib_param *q, double v, jz_lang lang)
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
    return fmt_val(buf, n, v, lang);
}

/* The calibrate and backtest CSVs have always written numbers with 10
 * significant digits and quoted a field for the separator, '"' and '\n'
 * only; the writer keeps that. */
static void csv_init(jz_csvw *w, FILE *out, int nl)
{
    jz_csvw_init(w, out, nl);
    w->digits = 10;
    w->quote_cr = 0;
}

static int finish(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "write error");
    return JZ_OK;
}

/* ---- calibrate: table ---------------------------------------------------- */

/* The note of a parameter in the reader's language.  The analysis writes
 * its notes in English (engine/analysis/calib_ident.c, calibrate.c); the
 * Dutch table says the same in Dutch, so that no line mixes the two. */
static const char *note_text(char *buf, size_t n, const char *note, jz_lang lang)
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
static const char *warn_text(char *buf, size_t n, const char *w, jz_lang lang)
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
             note_text(rb, sizeof rb, reason, lang));
    return buf;
}

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
                    jz_param_kind_key(q->kind), fmt_param(a, sizeof a, q, q->initial, lang),
                    fmt_param(b, sizeof b, q, q->value, lang),
                    isfinite(q->se) ? fmt_param(d, sizeof d, q, q->se, lang) : "-", q->note[0] ? "  " : "",
                    note_text(nb, sizeof nb, q->note, lang));
        else
            fprintf(out, "%-8s %-20s %-16s %12s %12s %10s  %s: %s\n", s->gemeenten[q->g].code, zn,
                    jz_param_kind_key(q->kind), fmt_param(a, sizeof a, q, q->initial, lang), "-", "-",
                    L("niet geschat", "not fitted"), note_text(nb, sizeof nb, q->note, lang));
    }

    fprintf(out, "\n%s\n", L("Fit per reeks", "Fit per series"));
    fprintf(out, "%-8s %-20s %-28s %4s %14s %8s\n", "gemeente", "zorgsoort", L("reeks", "series"), "n",
            "RMSE", "MAPE");
    for (int i = 0; i < c->n_summary; i++) {
        const jz_calib_summary *m = &c->summary[i];
        fprintf(out, "%-8s %-20s %-28s %4d %14s %7s%%\n", s->gemeenten[m->g].code, zname(s, m->z),
                jz_hseries_key(m->series), m->n, fmt_val(a, sizeof a, m->rmse, lang),
                jz_format_number(b, sizeof b, m->mape, 2, lang));
    }

    if (c->n_shape) {
        fprintf(out, "\n%s\n", L("Vorm van de duur (Erlang k, uit de duurklassen van beëindigde trajecten)",
                                 "Duration shape (Erlang k, from the duration classes of ended trajectories)"));
        for (int t = 0; t < c->n_shape; t++) {
            const jz_shape_test *st = &c->shape[t];
            char zbuf[64], pbuf[64];
            fprintf(out, "%s %s: %.0f %s; %s k = %d%s\n", gname(s, st->g), zname(s, st->z), st->total,
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
        fprintf(out, "%-8s %-19.19s %-15.15s %5d %13s %13s %11s %7s%%\n", s->gemeenten[o->g].code, zname(s, o->z),
                jz_hseries_key(o->series), o->year, fmt_val(a, sizeof a, o->observed, lang),
                fmt_val(b, sizeof b, o->model, lang), fmt_val(d, sizeof d, r, lang),
                jz_format_number(e, sizeof e, o->observed != 0 ? 100.0 * r / o->observed : NAN, 2, lang));
    }
    if (c->n_warnings) {
        fprintf(out, "\n%s\n", L("Let op", "Notes"));
        for (int i = 0; i < c->n_warnings; i++)
            fprintf(out, "- %s\n", warn_text(nb, sizeof nb, c->warnings[i], lang));
    }
}

/* ---- calibrate: CSV ------------------------------------------------------ */

static void calib_csv(FILE *out, const jz_calib *c, int nl)
{
    const jz_scenario *s = c->scenario;
    static const char *const cols[] = {"section", "gemeente", "zorgsoort", "key", "year", "initial", "value", "se",
                                       "observed", "model", "residual", "n", "rmse", "mape", "note"};
    jz_csvw w;
    csv_init(&w, out, nl);
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
        ROW("summary", s->gemeenten[m->g].code, zname(s, m->z), jz_hseries_key(m->series));
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
            ROW("shape", gname(s, st->g), zname(s, st->z), key);
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
        ROW("residual", s->gemeenten[o->g].code, zname(s, o->z), jz_hseries_key(o->series));
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
        jz_jsonw_string(&j, zname(s, m->z));
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
        jz_jsonw_string(&j, gname(s, st->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, zname(s, st->z));
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
        jz_jsonw_string(&j, zname(s, o->z));
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
    return finish(out, err);
}

int jz_rep_calibrate_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    calib_csv(out, x->calib, o->csv_nl);
    return finish(out, err);
}

int jz_rep_calibrate_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    calib_json(out, x->calib);
    return finish(out, err);
}

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
        fprintf(out, "%-8s %-16.16s %-16.16s %2d %3d %8s%% %7s%% %9s%s\n", gname(s, st->g), zname(s, st->z),
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
        snprintf(i1, sizeof i1, "%s - %s", fmt_val(y, sizeof y, a->lo, lang), fmt_val(z, sizeof z, a->hi, lang));
        snprintf(i2, sizeof i2, "%s - %s", fmt_val(w4, sizeof w4, a->lo_comb, lang),
                 fmt_val(w5, sizeof w5, a->hi_comb, lang));
        fprintf(out, "%-8s %-16.16s %-16.16s %5d %12s %25s %25s\n", gname(s, a->g), zname(s, a->z),
                jz_hseries_key(a->series), a->year, fmt_val(x, sizeof x, a->forecast, lang), i1, i2);
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
                jz_hseries_key(vd->series), gname(s, vd->g), zname(s, vd->z), m, verdict, a, t, vd->n_origins,
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
        fprintf(out, "%-8s %-16.16s %-16.16s %2d %-15s %3d %12s %12s %7s%%\n", gname(s, st->g), zname(s, st->z),
                jz_hseries_key(st->series), st->horizon, L(mnl[st->method], men[st->method]), st->n,
                fmt_val(x, sizeof x, st->me, lang), fmt_val(y, sizeof y, st->mae, lang),
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
        fprintf(out, "%-8s %-13.13s %-16.16s %5s %2d %12s %12s %12s %12s\n", gname(s, p->g), zname(s, p->z),
                jz_hseries_key(p->series), yr, p->horizon, fmt_val(x, sizeof x, p->observed, lang),
                fmt_val(y, sizeof y, p->forecast[0], lang), fmt_val(z, sizeof z, p->forecast[1], lang),
                fmt_val(w4, sizeof w4, p->forecast[2], lang));
    }
    bt_intervals_table(out, b, lang);
    if (b->n_warnings || b->calib->n_warnings) {
        fprintf(out, "\n%s\n", L("Let op", "Notes"));
        for (int i = 0; i < b->calib->n_warnings; i++)
            fprintf(out, "- %s\n", warn_text(wb, sizeof wb, b->calib->warnings[i], lang));
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
    csv_init(&w, out, nl);
    jz_csvw_header(&w, cols, sizeof cols / sizeof cols[0]);
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        jz_csvw_field(&w, "stat");
        jz_csvw_field(&w, st->series < 0 ? "" : gname(s, st->g));
        jz_csvw_field(&w, st->series < 0 ? "" : zname(s, st->z));
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
            jz_csvw_field(&w, gname(s, p->g));
            jz_csvw_field(&w, zname(s, p->z));
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
            jz_csvw_field(&w, gname(s, v->g));
            jz_csvw_field(&w, zname(s, v->z));
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
            jz_csvw_field(&w, gname(s, a->g));
            jz_csvw_field(&w, zname(s, a->z));
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
            jz_jsonw_string(&j, gname(s, st->g));
        jz_jsonw_key(&j, "zorgsoort");
        if (st->series < 0)
            jz_jsonw_null(&j);
        else
            jz_jsonw_string(&j, zname(s, st->z));
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
        jz_jsonw_string(&j, gname(s, v->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, zname(s, v->z));
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
        jz_jsonw_string(&j, gname(s, a->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, zname(s, a->z));
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
        jz_jsonw_string(&j, gname(s, p->g));
        jz_jsonw_key(&j, "zorgsoort");
        jz_jsonw_string(&j, zname(s, p->z));
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
    return finish(out, err);
}

int jz_rep_backtest_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    bt_csv(out, x->backtest, o->csv_nl);
    return finish(out, err);
}

int jz_rep_backtest_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    bt_json(out, x->backtest);
    return finish(out, err);
}
