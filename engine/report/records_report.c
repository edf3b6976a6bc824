/*
 * records_report.c - the outputs of `jzsim records` that are tables: the
 * history file `calibrate` reads, and the report (table, CSV, JSON) of the
 * duration fits, the Kaplan-Meier curve, transitions and re-entry.
 *
 * Every figure comes ready from jz_records_analyse, suppression included:
 * a withheld count is written as "<10" (the history file: CBS's "x",
 * which the history reader takes as secret) and every output says how many
 * values were withheld.  No client key exists at this stage.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"
#include "jzsim/records.h"
#include "report/csvw.h"
#include "report/jsonw.h"
#include "report/reporters.h"
#include "report/text.h"

static const char *zname(const jz_records *r, int z) { return z < 0 ? "totaal" : r->zorgsoorten[z]; }

/* A number with a decimal comma and no thousands separator, as the
 * history reader takes it in a ';' file. */
static const char *nl_number(char *b, size_t n, double v, int decimals)
{
    snprintf(b, n, "%.*f", decimals, v);
    for (char *p = b; *p; p++)
        if (*p == '.')
            *p = ',';
    return b;
}

int jz_records_write_history(FILE *out, const jz_records_analysis *a, jz_error *err)
{
    const jz_records *r = a->rec;
    char w0[16], e0[16];
    fprintf(out, "# Historie uit trajectgegevens, geschreven door jzsim records %s.\n", JZSIM_VERSION);
    fprintf(out, "# Bron: %s; venster %s t/m %s (exportdatum); %d trajecten.\n", r->path,
            jz_day_format(r->window_start, w0, sizeof w0), jz_day_format(r->export_date, e0, sizeof e0), r->n);
    fprintf(out, "# Per zorgsoort tellen trajecten, bij 'totaal' unieke personen. Alleen hele perioden binnen het venster.\n");
    fprintf(out, "# Privacy: aantallen van 1 tot %d en de bedragen, clientjaren en gemiddelde duur van zulke cellen\n"
                 "# zijn weggelaten als 'x' (CBS: geheim); %d waarden in deze uitvoer samen.\n",
            r->min_count - 1, a->n_suppressed);
    static const int cols[] = {JZ_HS_START, JZ_HS_END, JZ_HS_INSTROOM, JZ_HS_UITSTROOM, JZ_HS_UNIQUE,
                               JZ_HS_CLIENT_YEARS, JZ_HS_COST, JZ_HS_COST_PER_CLIENT, JZ_HS_MEAN_DURATION,
                               JZ_HS_DUR_0_3M, JZ_HS_DUR_3_6M, JZ_HS_DUR_6_12M, JZ_HS_DUR_1_2Y,
                               JZ_HS_DUR_2_3Y, JZ_HS_DUR_3_4Y, JZ_HS_DUR_4Y_PLUS};
    const size_t nc = sizeof cols / sizeof cols[0];
    /* through the CSV writer: names from the export are quoted when they
     * hold a ';' or a line break, and text a spreadsheet would run as a
     * formula gets a leading ' */
    jz_csvw w;
    jz_csvw_init(&w, out, 1);
    jz_csvw_field(&w, "gemeente");
    jz_csvw_field(&w, "zorgsoort");
    jz_csvw_field(&w, "periode");
    for (size_t k = 0; k < nc; k++)
        if (r->has_cost || (cols[k] != JZ_HS_COST && cols[k] != JZ_HS_COST_PER_CLIENT))
            jz_csvw_field(&w, jz_hseries_key(cols[k]));
    jz_csvw_field(&w, "bron");
    jz_csvw_end_row(&w);
    for (int i = 0; i < a->n_cells; i++) {
        const jz_records_cell *c = &a->cells[i];
        char b[64];
        jz_csvw_field(&w, r->gemeenten[c->g]);
        jz_csvw_field(&w, zname(r, c->z));
        if (c->half)
            snprintf(b, sizeof b, "%dH%d", c->year, c->half);
        else
            snprintf(b, sizeof b, "%d", c->year);
        jz_csvw_field(&w, b);
        for (size_t k = 0; k < nc; k++) {
            int sr = cols[k];
            if (!r->has_cost && (sr == JZ_HS_COST || sr == JZ_HS_COST_PER_CLIENT))
                continue;
            if (c->suppressed[sr])
                jz_csvw_field(&w, "x");
            else if (isfinite(c->v[sr]))
                jz_csvw_field(&w, nl_number(b, sizeof b, c->v[sr],
                                            sr == JZ_HS_CLIENT_YEARS || sr == JZ_HS_MEAN_DURATION ? 3
                                            : sr == JZ_HS_COST || sr == JZ_HS_COST_PER_CLIENT ? 2 : 0));
            else
                jz_csvw_empty(&w, 1);
        }
        jz_csvw_field(&w, "jzsim records");
        jz_csvw_end_row(&w);
    }
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the history");
    return JZ_OK;
}

/* ---- the report --------------------------------------------------------- */

static const char *tr(int en, const char *nl, const char *eng) { return en ? eng : nl; }

static void count_txt(char *b, size_t n, const jz_count *c, int mc) { jz_count_text(c->v, c->suppressed, mc, b, n); }

static void num(char *b, size_t n, double v, int dec, int en)
{
    if (!isfinite(v))
        snprintf(b, n, "-");
    else
        jz_format_number(b, n, v, dec, en ? JZ_LANG_EN : JZ_LANG_NL);
}

static void write_table(FILE *out, const jz_records_analysis *a, int en)
{
    const jz_records *r = a->rec;
    char w0[16], e0[16], b1[32], b2[32], b3[32], b4[32], b5[32], b6[32], b7[32], b8[32];
    fprintf(out, "jzsim records: %s\n", r->path);
    fprintf(out, "%s %s - %s; %d %s, %d %s, %d %s%s\n", tr(en, "Venster", "Window"),
            jz_day_format(r->window_start, w0, sizeof w0), jz_day_format(r->export_date, e0, sizeof e0), r->n,
            tr(en, "trajecten", "trajectories"), r->n_rows, tr(en, "rijen", "rows"), r->n_merged,
            tr(en, "samengevoegd", "merged"), r->n_left_out ? tr(en, ", rijen weggelaten (product '-')", ", rows left out (product '-')") : "");
    fprintf(out, "%s: %s <%d %s; %d %s\n\n", tr(en, "Privacy", "Privacy"),
            tr(en, "aantallen", "counts"), r->min_count, tr(en, "niet getoond", "withheld"), a->n_suppressed,
            tr(en, "waarden weggelaten", "values withheld"));
    fprintf(out, "%s\n", tr(en, "Duur per zorgsoort (maanden; met afkapping links en rechts)",
                            "Duration per zorgsoort (months; left-truncated and right-censored)"));
    fprintf(out, "%-22s %9s %9s %9s %9s %8s %8s %3s %16s %16s %16s %6s\n", "zorgsoort",
            tr(en, "trajecten", "traject."), tr(en, "beeindigd", "ended"), tr(en, "lopend", "running"),
            tr(en, "v.venster", "truncated"), tr(en, "KM-med.", "KM med."), tr(en, "naief", "naive"), "k",
            tr(en, "Erlang-k gem.", "Erlang-k mean"), tr(en, "vorm (gamma)", "shape (gamma)"),
            tr(en, "mengsel gem.", "mixture mean"), "KS");
    for (int z = 0; z < a->n_durations; z++) {
        const jz_duration *d = &a->durations[z];
        count_txt(b1, sizeof b1, &d->c_n, r->min_count);
        count_txt(b2, sizeof b2, &d->c_events, r->min_count);
        count_txt(b3, sizeof b3, &d->c_censored, r->min_count);
        count_txt(b4, sizeof b4, &d->c_truncated, r->min_count);
        fprintf(out, "%-22s %9s %9s %9s %9s ", r->zorgsoorten[z], b1, b2, b3, b4);
        if (!d->enough) {
            fprintf(out, "%s\n", tr(en, "(te weinig beeindigd om te publiceren)", "(too few ended to publish)"));
            continue;
        }
        num(b5, sizeof b5, d->km_median, 1, en);
        num(b6, sizeof b6, d->naive_mean, 1, en);
        fprintf(out, "%8s %8s %3d ", b5, b6, d->best_k);
        const jz_duration_fit *e = d->best_k ? &d->erlang[d->best_k] : NULL;
        char f1[80] = "-", f2[80] = "-", f3[80] = "-";
        if (e && e->ok) {
            num(b7, sizeof b7, e->mean, 2, en);
            num(b8, sizeof b8, e->se_mean, 2, en);
            snprintf(f1, sizeof f1, "%s +/- %s", b7, b8);
        }
        if (d->gamma.ok) {
            num(b7, sizeof b7, d->gamma.shape, 2, en);
            num(b8, sizeof b8, d->gamma.se_shape, 2, en);
            snprintf(f2, sizeof f2, "%s +/- %s", b7, b8);
        }
        if (d->mixture.ok) {
            num(b7, sizeof b7, d->mixture.mean, 2, en);
            num(b8, sizeof b8, d->mixture.se_mean, 2, en);
            snprintf(f3, sizeof f3, "%s +/- %s", b7, b8);
        }
        num(b7, sizeof b7, e && e->ok ? e->ks : NAN, 3, en);
        fprintf(out, "%16s %16s %16s %6s\n", f1, f2, f3, b7);
    }
    fprintf(out, "\n%s\n", tr(en, "Overgangen tussen zorgsoorten (van de beeindigde trajecten)",
                              "Transitions between zorgsoorten (of the ended trajectories)"));
    fprintf(out, "%-22s %-22s %9s %9s %8s %10s\n", tr(en, "van", "from"), tr(en, "naar", "to"),
            tr(en, "aantal", "count"), tr(en, "basis", "base"), tr(en, "kans", "rate"),
            tr(en, "wacht (mnd)", "delay (mo)"));
    for (int i = 0; i < a->n_transitions; i++) {
        const jz_transition *t = &a->transitions[i];
        count_txt(b1, sizeof b1, &t->count, r->min_count);
        count_txt(b2, sizeof b2, &t->base, r->min_count);
        num(b3, sizeof b3, 100 * t->rate, 1, en);
        if (isfinite(t->rate))
            strcat(b3, "%");
        num(b4, sizeof b4, t->mean_delay, 1, en);
        fprintf(out, "%-22s %-22s %9s %9s %8s %10s\n", r->zorgsoorten[t->from],
                t->to >= 0 ? r->zorgsoorten[t->to] : tr(en, "(herinstroom)", "(re-entry)"), b1, b2, b3,
                t->to >= 0 ? "" : b4);
    }
    if (a->first_year) {
        fprintf(out, "\n%s\n", tr(en, "Per jaar, alle zorgsoorten (personen)", "Per year, all zorgsoorten (persons)"));
        /* padded by characters, not bytes: "cliënten" has a two-byte ë */
        fprintf(out, "%-10s %-6s", "gemeente", tr(en, "jaar", "year"));
        fputc(' ', out);
        jz_text_pad(out, tr(en, "unieke cliënten", "unique clients"), 15, 1);
        fputc(' ', out);
        jz_text_pad(out, tr(en, "cliëntjaren", "client-years"), 14, 1);
        fprintf(out, " %16s\n", tr(en, "kosten", "cost"));
        for (int i = 0; i < a->n_cells; i++) {
            const jz_records_cell *c = &a->cells[i];
            if (c->z >= 0 || c->half)
                continue;
            jz_count_text(c->v[JZ_HS_UNIQUE], c->suppressed[JZ_HS_UNIQUE], r->min_count, b1, sizeof b1);
            if (c->suppressed[JZ_HS_CLIENT_YEARS])
                snprintf(b2, sizeof b2, "x");
            else
                num(b2, sizeof b2, c->v[JZ_HS_CLIENT_YEARS], 1, en);
            if (c->suppressed[JZ_HS_COST])
                snprintf(b3, sizeof b3, "x");
            else
                num(b3, sizeof b3, c->v[JZ_HS_COST], 0, en);
            fprintf(out, "%-10s %-6d %15s %14s %16s\n", r->gemeenten[c->g], c->year, b1, b2, b3);
        }
    }
}

/* CSV: long format, one figure a row. */
static void csv_row(jz_csvw *w, const char *section, const char *z, const char *to, int month, const char *item,
                    double v, double se)
{
    jz_csvw_field(w, section);
    jz_csvw_field(w, z);
    jz_csvw_field(w, to ? to : "");
    if (month >= 0)
        jz_csvw_int(w, month);
    else
        jz_csvw_empty(w, 1);
    jz_csvw_field(w, item);
    jz_csvw_number(w, v);
    jz_csvw_number(w, se);
    jz_csvw_end_row(w);
}

static void csv_count(jz_csvw *w, const char *section, const char *z, const char *to, const char *item,
                      const jz_count *c, int mc)
{
    char b[32];
    jz_csvw_field(w, section);
    jz_csvw_field(w, z);
    jz_csvw_field(w, to ? to : "");
    jz_csvw_empty(w, 1);
    jz_csvw_field(w, item);
    jz_csvw_field(w, jz_count_text(c->v, c->suppressed, mc, b, sizeof b));
    jz_csvw_empty(w, 1);
    jz_csvw_end_row(w);
}

static void csv_fit(jz_csvw *w, const char *z, const char *model, const jz_duration_fit *f)
{
    if (!f->ok)
        return;
    char it[64];
#define ROW(name, v, se)                                        \
    do {                                                        \
        snprintf(it, sizeof it, "%s.%s", model, name);          \
        csv_row(w, "duration", z, NULL, -1, it, v, se);         \
    } while (0)
    ROW("mean", f->mean, f->se_mean);
    if (isfinite(f->shape))
        ROW("shape", f->shape, f->se_shape);
    if (isfinite(f->p)) {
        ROW("p", f->p, f->se_p);
        ROW("d1", f->d1, f->se_d1);
        ROW("d2", f->d2, f->se_d2);
    }
    ROW("loglik", f->loglik, NAN);
    ROW("aic", f->aic, NAN);
    ROW("ks", f->ks, NAN);
#undef ROW
}

static void write_csv(FILE *out, const jz_records_analysis *a, int locale_nl)
{
    const jz_records *r = a->rec;
    const int mc = r->min_count;
    jz_csvw w;
    jz_csvw_init(&w, out, locale_nl);
    static const char *const head[] = {"section", "zorgsoort", "to", "month", "item", "value", "se"};
    jz_csvw_header(&w, head, 7);
    csv_row(&w, "privacy", "", NULL, -1, "min_count", mc, NAN);
    csv_row(&w, "privacy", "", NULL, -1, "values_withheld", a->n_suppressed, NAN);
    for (int z = 0; z < a->n_durations; z++) {
        const jz_duration *d = &a->durations[z];
        const char *zn = r->zorgsoorten[z];
        csv_count(&w, "count", zn, NULL, "trajectories", &d->c_n, mc);
        csv_count(&w, "count", zn, NULL, "ended", &d->c_events, mc);
        csv_count(&w, "count", zn, NULL, "running", &d->c_censored, mc);
        csv_count(&w, "count", zn, NULL, "started_before_window", &d->c_truncated, mc);
        if (!d->enough)
            continue;
        csv_row(&w, "duration", zn, NULL, -1, "km.median", d->km_median, NAN);
        csv_row(&w, "duration", zn, NULL, -1, "naive.mean", d->naive_mean, NAN);
        csv_row(&w, "duration", zn, NULL, -1, "chosen_k", d->best_k, NAN);
        for (int k = 1; k <= JZ_RECORDS_MAX_K; k++) {
            char m[16];
            snprintf(m, sizeof m, "erlang%d", k);
            csv_fit(&w, zn, m, &d->erlang[k]);
        }
        csv_fit(&w, zn, "gamma", &d->gamma);
        csv_fit(&w, zn, "mixture", &d->mixture);
        for (int m = 0; m < d->n_km; m++) {
            csv_row(&w, "curve", zn, NULL, m, "km", d->km[m], NAN);
            csv_row(&w, "curve", zn, NULL, m, "km_lo", d->km_lo[m], NAN);
            csv_row(&w, "curve", zn, NULL, m, "km_hi", d->km_hi[m], NAN);
            csv_row(&w, "curve", zn, NULL, m, "at_risk", d->at_risk[m], NAN);
            csv_row(&w, "curve", zn, NULL, m, "erlang", d->km_erlang[m], NAN);
            csv_row(&w, "curve", zn, NULL, m, "mixture", d->km_mixture[m], NAN);
        }
    }
    for (int i = 0; i < a->n_transitions; i++) {
        const jz_transition *t = &a->transitions[i];
        const char *sec = t->to >= 0 ? "transition" : "reentry";
        const char *to = t->to >= 0 ? r->zorgsoorten[t->to] : "";
        csv_count(&w, sec, r->zorgsoorten[t->from], to, "count", &t->count, mc);
        csv_count(&w, sec, r->zorgsoorten[t->from], to, "base", &t->base, mc);
        csv_row(&w, sec, r->zorgsoorten[t->from], to, -1, "rate", t->rate, NAN);
        if (t->to < 0)
            csv_row(&w, sec, r->zorgsoorten[t->from], to, -1, "delay_months", t->mean_delay, NAN);
    }
}

static void json_count(jz_jsonw *w, const char *key, const jz_count *c)
{
    jz_jsonw_key(w, key);
    if (c->suppressed)
        jz_jsonw_null(w);
    else
        jz_jsonw_number(w, c->v);
}

static void json_fit(jz_jsonw *w, const char *key, const jz_duration_fit *f)
{
    jz_jsonw_key(w, key);
    if (!f->ok) {
        jz_jsonw_null(w);
        return;
    }
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "mean");
    jz_jsonw_number(w, f->mean);
    jz_jsonw_key(w, "se_mean");
    jz_jsonw_number(w, f->se_mean);
    if (isfinite(f->shape)) {
        jz_jsonw_key(w, "shape");
        jz_jsonw_number(w, f->shape);
        jz_jsonw_key(w, "se_shape");
        jz_jsonw_number(w, f->se_shape);
    }
    if (isfinite(f->p)) {
        const char *k[] = {"p", "se_p", "d1", "se_d1", "d2", "se_d2"};
        double v[] = {f->p, f->se_p, f->d1, f->se_d1, f->d2, f->se_d2};
        for (int i = 0; i < 6; i++) {
            jz_jsonw_key(w, k[i]);
            jz_jsonw_number(w, v[i]);
        }
    }
    jz_jsonw_key(w, "loglik");
    jz_jsonw_number(w, f->loglik);
    jz_jsonw_key(w, "aic");
    jz_jsonw_number(w, f->aic);
    jz_jsonw_key(w, "ks");
    jz_jsonw_number(w, f->ks);
    jz_jsonw_end_object(w);
}

static void write_json(FILE *out, const jz_records_analysis *a, const jz_scenario *base)
{
    const jz_records *r = a->rec;
    jz_jsonw w;
    char b[16];
    jz_jsonw_init(&w, out);
    /* the envelope: "scenario" is the --base scenario, left out without one */
    jz_jsonw_list warn[2] = {{r->warnings, r->n_warnings}, {a->warnings, a->n_warnings}};
    jz_jsonw_envelope(&w, "jzsim-records", 1, base, warn, 2);
    jz_jsonw_key(&w, "records");
    jz_jsonw_string(&w, r->path);
    jz_jsonw_key(&w, "window");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "start");
    jz_jsonw_string(&w, jz_day_format(r->window_start, b, sizeof b));
    jz_jsonw_key(&w, "export_date");
    jz_jsonw_string(&w, jz_day_format(r->export_date, b, sizeof b));
    jz_jsonw_end_object(&w);
    jz_jsonw_key(&w, "privacy");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "min_count");
    jz_jsonw_int(&w, r->min_count);
    jz_jsonw_key(&w, "values_withheld");
    jz_jsonw_int(&w, a->n_suppressed);
    jz_jsonw_key(&w, "withheld_as");
    jz_jsonw_string(&w, "null");
    jz_jsonw_end_object(&w);
    jz_jsonw_key(&w, "durations");
    jz_jsonw_begin_array(&w);
    for (int z = 0; z < a->n_durations; z++) {
        const jz_duration *d = &a->durations[z];
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "zorgsoort");
        jz_jsonw_string(&w, r->zorgsoorten[z]);
        json_count(&w, "trajectories", &d->c_n);
        json_count(&w, "ended", &d->c_events);
        json_count(&w, "running", &d->c_censored);
        json_count(&w, "started_before_window", &d->c_truncated);
        jz_jsonw_key(&w, "published");
        jz_jsonw_bool(&w, d->enough);
        if (d->enough) {
            jz_jsonw_key(&w, "km_median");
            jz_jsonw_number(&w, d->km_median);
            jz_jsonw_key(&w, "naive_mean");
            jz_jsonw_number(&w, d->naive_mean);
            jz_jsonw_key(&w, "chosen_k");
            jz_jsonw_int(&w, d->best_k);
            jz_jsonw_key(&w, "erlang");
            jz_jsonw_begin_array(&w);
            for (int k = 1; k <= JZ_RECORDS_MAX_K; k++) {
                jz_jsonw_begin_object(&w);
                jz_jsonw_key(&w, "k");
                jz_jsonw_int(&w, k);
                json_fit(&w, "fit", &d->erlang[k]);
                jz_jsonw_end_object(&w);
            }
            jz_jsonw_end_array(&w);
            json_fit(&w, "gamma", &d->gamma);
            json_fit(&w, "mixture", &d->mixture);
            jz_jsonw_key(&w, "km");
            jz_jsonw_numbers(&w, d->km, d->n_km);
        }
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);
    jz_jsonw_key(&w, "transitions");
    jz_jsonw_begin_array(&w);
    for (int i = 0; i < a->n_transitions; i++) {
        const jz_transition *t = &a->transitions[i];
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "from");
        jz_jsonw_string(&w, r->zorgsoorten[t->from]);
        jz_jsonw_key(&w, "to");
        if (t->to >= 0)
            jz_jsonw_string(&w, r->zorgsoorten[t->to]);
        else
            jz_jsonw_null(&w);
        jz_jsonw_key(&w, "kind");
        jz_jsonw_string(&w, t->to >= 0 ? "transition" : "reentry");
        json_count(&w, "count", &t->count);
        json_count(&w, "base", &t->base);
        jz_jsonw_key(&w, "rate");
        jz_jsonw_number(&w, t->rate);
        if (t->to < 0) {
            jz_jsonw_key(&w, "delay_months");
            jz_jsonw_number(&w, t->mean_delay);
        }
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);
    jz_jsonw_end_object(&w);
    fputc('\n', out);
}

static int done(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "could not write the report");
    return JZ_OK;
}

int jz_rep_records_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    write_table(out, x->records, o->lang == JZ_LANG_EN);
    return done(out, err);
}

int jz_rep_records_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    write_csv(out, x->records, o->csv_nl);
    return done(out, err);
}

int jz_rep_records_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    write_json(out, x->records, x->scenario);
    return done(out, err);
}
