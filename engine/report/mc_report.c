/*
 * mc_report.c - Monte Carlo bands as a table, CSV or JSON, and the kept
 * draws as CSV (jzsim/mc.h).  Formats only what jz_mc_run computed.
 *
 * Nothing in these outputs depends on the number of threads or the time
 * of the run, so that the same seed gives byte-identical files.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/reporters.h"
#include "jzsim/mc.h"
#include "jzsim/uncertainty.h"
#include "report/csvw.h"
#include "report/jsonw.h"
#include "report/unc_common.h"
#include "report/text.h"

static const char *const metric_key[JZ_MC_N_GEMEENTE] = {"cost", "tekort", "beinvloedbaar", "unique"};
/* The figure of each in the metric table, for its name. */
static const char *const metric_figure[JZ_MC_N_GEMEENTE] = {"cost", "tekort", "beinvloedbaar",
                                                            "unique_clients"};

static const char *metric_label(int m, jz_lang lang)
{
    return jz_metric_label(jz_metric_find(metric_figure[m], JZ_LEVEL_GEMEENTE), lang);
}

static const char *const q_key[JZ_MC_NQ] = {"p5", "p25", "p50", "p75", "p95"};

static int io_status(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the report");
    return JZ_OK;
}

static int any_coarse(const jz_mc_result *r)
{
    for (int f = 0; f < r->n_figures; f++)
        if (r->stat[f].coarse)
            return 1;
    return 0;
}

/* ---- table ---- */

/* Whole euros or whole clients, 12 wide (rows fit 100 columns). */
static void cell(FILE *out, double v, jz_lang lang)
{
    char b[96];
    jz_format_number(b, sizeof b, v, 0, lang);
    fprintf(out, " %12s", b);
}

static void stat_table(FILE *out, const jz_mc_result *r, int f0, const char *title, int money, jz_lang lang)
{
    int nl = lang == JZ_LANG_NL;
    fprintf(out, "\n%s%s\n", title, money ? (nl ? " (euro)" : " (euros)") : "");
    fprintf(out, "%-5s %12s %12s %12s %12s %12s %12s %12s\n", nl ? "jaar" : "year", nl ? "puntwaarde" : "point",
            "P5", "P25", "P50", "P75", "P95", nl ? "gemiddelde" : "mean");
    for (int y = 0; y < r->horizon; y++) {
        const jz_mc_stat *st = &r->stat[f0 + y];
        fprintf(out, "%-5d", r->base_year + y);
        cell(out, st->point, lang);
        for (int k = 0; k < JZ_MC_NQ; k++)
            cell(out, st->q[k], lang);
        cell(out, st->mean, lang);
        fputc('\n', out);
    }
}

static void table(FILE *out, const jz_mc_result *r, jz_lang lang)
{
    const jz_scenario *s = r->scenario;
    int nl = lang == JZ_LANG_NL;
    char a[128], b[600];
    fprintf(out, "%s: %s - %s\n", nl ? "Onzekerheid (Monte Carlo)" : "Uncertainty (Monte Carlo)", s->meta.name,
            jz_unc_unit_name(s, r->g, lang));
    jz_format_number(a, sizeof a, (double)r->draws, 0, lang);
    fprintf(out, "%s %s, %s %lu, %s %s. %s\n", a, nl ? "trekkingen" : "draws", nl ? "startgetal" : "seed", r->seed,
            nl ? "generator" : "generator", JZ_RNG_NAME,
            nl ? "Percentielen: P5 = 5% van de uitkomsten is lager." : "Percentiles: P5 = 5% of outcomes are lower.");
    fprintf(out, "\n%s (%d):\n", nl ? "Onzekere invoer" : "Uncertain inputs", s->n_uncertain);
    for (int i = 0; i < s->n_uncertain; i++) {
        const jz_uncertain *u = &s->uncertain[i];
        char lab[512];
        fprintf(out, "  %s: %s; %s %s\n", jz_unc_input_label(s, u->path, lang, lab, sizeof lab),
                jz_unc_fmt_dist(b, sizeof b, u, lang),
                nl ? "puntwaarde" : "point value", jz_unc_fmt_value(a, sizeof a, u->unit, u->dist.point, lang));
    }
    if (s->copula)
        for (int i = 0; i < s->copula->n; i++)
            for (int j = i + 1; j < s->copula->n; j++) {
                double rho = s->copula->rho[i * s->copula->n + j];
                if (rho != 0.0) {
                    char li[512], lj[512];
                    jz_format_number(a, sizeof a, rho, 2, lang);
                    fprintf(out, "  %s %s ~ %s: %s\n", nl ? "correlatie" : "correlation",
                            jz_unc_input_label(s, s->uncertain[s->copula->input[i]].path, lang, li, sizeof li),
                            jz_unc_input_label(s, s->uncertain[s->copula->input[j]].path, lang, lj, sizeof lj), a);
                }
            }
    if (s->n_uncertain > 0) /* the loader's targets (JZ_UNC_REALISED, docs/uncertainty.md) */
        fprintf(out, nl ? "Het basisjaar %d is realisatie: de invoer wordt getrokken vanaf %d.\n"
                        : "The base year %d is realised: the inputs are drawn from %d on.\n",
                r->base_year, r->base_year + JZ_UNC_REALISED);
    for (int m = 0; m < JZ_MC_N_GEMEENTE; m++)
        stat_table(out, r, jz_mc_fig(r, m, 0), metric_label(m, lang), m != JZ_MC_UNIQUE, lang);

    jz_format_money(a, sizeof a, r->threshold, lang);
    fprintf(out, "\n%s %s\n", nl ? "Kans dat het tekort lager blijft dan" : "Probability that the deficit stays below", a);
    for (int y = 0; y < r->horizon; y++) {
        jz_format_number(b, sizeof b, 100.0 * r->p_below[y], 1, lang);
        fprintf(out, "%-5d %7s%%\n", r->base_year + y, b);
    }

    /* the begrotingsjaar when the scenario names one in its horizon (what the
     * council decides on), else the last year */
    int yl = r->horizon - 1, bj = s->meta.begrotingsjaar - r->base_year;
    if (s->meta.begrotingsjaar > 0 && bj >= 0 && bj < r->horizon)
        yl = bj;
    fprintf(out, "\n%s %d%s (euro)\n", nl ? "Kosten per zorgsoort in" : "Cost per care type in", r->base_year + yl,
            yl == bj ? (nl ? ", het begrotingsjaar" : ", the budget year") : "");
    fprintf(out, "%-22s %12s %12s %12s %12s %12s %12s\n", nl ? "zorgsoort" : "care type", nl ? "puntwaarde" : "point",
            "P5", "P25", "P50", "P75", "P95");
    for (int z = 0; z < r->n_zorgsoorten; z++) {
        const jz_mc_stat *st = &r->stat[jz_mc_fig_z(r, z, yl)];
        const char *rest = jz_text_name_cell(out, s->zorgsoorten[z].name, 22, 0);
        cell(out, st->point, lang);
        for (int k = 0; k < JZ_MC_NQ; k++)
            cell(out, st->q[k], lang);
        fputc('\n', out);
        jz_text_name_rest(out, rest, 22);
    }
    fprintf(out, "\n%s\n",
            nl ? "Alle jaren per zorgsoort: --format csv of json.  Methode en nauwkeurigheid: docs/uncertainty.md."
               : "Every year per zorgsoort: --format csv or json.  Method and accuracy: docs/uncertainty.md.");
    if (any_coarse(r))
        fprintf(out, "%s\n", nl ? "Let op: een percentiel viel buiten het bereik van de proefronde; meer trekkingen of "
                                  "--keep-draws geeft exacte waarden."
                                : "Note: a percentile fell outside the pilot's range; its accuracy is lower (see "
                                  "docs/uncertainty.md).");
}

/* ---- CSV ---- */

static void csv_row(jz_csvw *c, const jz_mc_result *r, const char *zkey, int y, const char *metric,
                    const jz_mc_stat *st, double p_below)
{
    const jz_scenario *s = r->scenario;
    jz_csvw_field(c, s->meta.name);
    jz_csvw_field(c, jz_unc_unit_code(s, r->g));
    jz_csvw_field(c, zkey);
    jz_csvw_int(c, r->base_year + y);
    jz_csvw_field(c, metric);
    jz_csvw_number(c, st->point);
    jz_csvw_number(c, st->mean);
    jz_csvw_number(c, st->se);
    for (int k = 0; k < JZ_MC_NQ; k++)
        jz_csvw_number(c, st->q[k]);
    jz_csvw_number(c, st->min);
    jz_csvw_number(c, st->max);
    jz_csvw_number(c, p_below);
    jz_csvw_number(c, isnan(p_below) ? NAN : r->threshold);
    jz_csvw_int(c, r->draws);
    char seed[32];
    snprintf(seed, sizeof seed, "%lu", r->seed);
    jz_csvw_field(c, seed);
    jz_csvw_field(c, JZ_RNG_NAME);
    jz_csvw_end_row(c);
}

static void csv(FILE *out, const jz_mc_result *r, int csv_nl)
{
    jz_csvw c;
    jz_csvw_init(&c, out, csv_nl);
    static const char *const head[] = {"scenario", "gemeente_code", "zorgsoort", "year", "metric", "point",
                                       "mean", "se", "p5", "p25", "p50", "p75", "p95", "min", "max",
                                       "p_below_threshold", "threshold", "draws", "seed", "generator"};
    jz_csvw_header(&c, head, sizeof head / sizeof head[0]);
    for (int m = 0; m < JZ_MC_N_GEMEENTE; m++)
        for (int y = 0; y < r->horizon; y++)
            csv_row(&c, r, "", y, metric_key[m], &r->stat[jz_mc_fig(r, m, y)],
                    m == JZ_MC_TEKORT ? r->p_below[y] : NAN);
    for (int z = 0; z < r->n_zorgsoorten; z++)
        for (int y = 0; y < r->horizon; y++)
            csv_row(&c, r, r->scenario->zorgsoorten[z].key, y, "cost", &r->stat[jz_mc_fig_z(r, z, y)], NAN);
}

/* ---- JSON ---- */

static void json_stats(jz_jsonw *w, const jz_mc_stat *st, int H)
{
    double v[JZ_HORIZON_MAX];
    jz_jsonw_begin_object(w);
#define ARR(key, expr)                         \
    do {                                       \
        for (int y = 0; y < H; y++)            \
            v[y] = (expr);                     \
        jz_jsonw_key(w, key);                  \
        jz_jsonw_numbers(w, v, H);             \
    } while (0)
    ARR("point", st[y].point);
    ARR("mean", st[y].mean);
    ARR("se", st[y].se);
    ARR("sd", st[y].sd);
    for (int k = 0; k < JZ_MC_NQ; k++)
        ARR(q_key[k], st[y].q[k]);
    ARR("min", st[y].min);
    ARR("max", st[y].max);
#undef ARR
    jz_jsonw_end_object(w);
}

static void json_input(jz_jsonw *w, const jz_uncertain *u)
{
    const jz_dist *d = &u->dist;
    jz_jsonw_begin_object(w);
    jz_jsonw_key(w, "path");
    jz_jsonw_string(w, u->path);
    jz_jsonw_key(w, "unit");
    jz_jsonw_string(w, u->unit);
    jz_jsonw_key(w, "dist");
    jz_jsonw_string(w, jz_dist_name(d->kind));
    jz_jsonw_key(w, "point");
    jz_jsonw_number(w, d->point);
    if (d->kind == JZ_DIST_NORMAL || d->kind == JZ_DIST_LOGNORMAL) {
        jz_jsonw_key(w, "mean");
        jz_jsonw_number(w, d->mean);
        jz_jsonw_key(w, "sd");
        jz_jsonw_number(w, d->sd);
    }
    if (d->kind == JZ_DIST_LOGNORMAL) {
        jz_jsonw_key(w, "median");
        jz_jsonw_number(w, exp(d->mu));
        jz_jsonw_key(w, "sd_log");
        jz_jsonw_number(w, d->sigma);
    }
    if (d->kind == JZ_DIST_TRIANGULAR || d->kind == JZ_DIST_PERT) {
        jz_jsonw_key(w, "mode");
        jz_jsonw_number(w, d->mode);
    }
    if (d->kind == JZ_DIST_PERT) {
        jz_jsonw_key(w, "shape");
        jz_jsonw_number(w, d->shape);
    }
    jz_jsonw_key(w, "low"); /* the support (null when open) */
    jz_jsonw_number(w, d->low);
    jz_jsonw_key(w, "high");
    jz_jsonw_number(w, d->high);
    jz_jsonw_key(w, "p5_p95");
    double rg[2] = {u->range_low, u->range_high};
    jz_jsonw_numbers(w, rg, 2);
    jz_jsonw_key(w, "file");
    jz_jsonw_string(w, u->file);
    jz_jsonw_key(w, "line");
    jz_jsonw_int(w, u->line);
    jz_jsonw_end_object(w);
}

static void json(FILE *out, const jz_mc_result *r)
{
    const jz_scenario *s = r->scenario;
    int H = r->horizon;
    jz_jsonw w;
    jz_jsonw_init(&w, out);
    jz_jsonw_envelope(&w, "jzsim-mc", 1, s, NULL, 0);
    jz_jsonw_key(&w, "gemeente_code");
    jz_jsonw_string(&w, jz_unc_unit_code(s, r->g));
    jz_jsonw_key(&w, "draws");
    jz_jsonw_int(&w, r->draws);
    jz_jsonw_key(&w, "seed");
    jz_jsonw_number(&w, (double)r->seed);
    jz_jsonw_key(&w, "generator");
    jz_jsonw_string(&w, JZ_RNG_NAME);
    jz_jsonw_key(&w, "streams");
    jz_jsonw_string(&w, "per input: mt19937 seeded from (seed, hash of the input path, draw / 256), draw % 256-th uniform");
    jz_jsonw_key(&w, "quantiles");
    jz_jsonw_begin_object(&w);
    jz_jsonw_key(&w, "method");
    jz_jsonw_string(&w, "histogram");
    jz_jsonw_key(&w, "bins");
    jz_jsonw_int(&w, JZ_MC_BINS);
    jz_jsonw_key(&w, "pilot_draws");
    jz_jsonw_int(&w, r->pilot_draws);
    jz_jsonw_key(&w, "coarse");
    jz_jsonw_bool(&w, any_coarse(r));
    jz_jsonw_end_object(&w);
    jz_jsonw_key(&w, "threshold");
    jz_jsonw_number(&w, r->threshold);
    jz_jsonw_key(&w, "years");
    jz_jsonw_begin_array(&w);
    for (int y = 0; y < H; y++)
        jz_jsonw_int(&w, r->base_year + y);
    jz_jsonw_end_array(&w);
    jz_jsonw_key(&w, "inputs");
    jz_jsonw_begin_array(&w);
    for (int i = 0; i < s->n_uncertain; i++)
        json_input(&w, &s->uncertain[i]);
    jz_jsonw_end_array(&w);
    jz_jsonw_key(&w, "correlations");
    jz_jsonw_begin_array(&w);
    for (int i = 0; s->copula && i < s->copula->n; i++)
        for (int j = i + 1; j < s->copula->n; j++) {
            double rho = s->copula->rho[i * s->copula->n + j];
            if (rho == 0.0)
                continue;
            jz_jsonw_begin_object(&w);
            jz_jsonw_key(&w, "inputs");
            jz_jsonw_begin_array(&w);
            jz_jsonw_string(&w, s->uncertain[s->copula->input[i]].path);
            jz_jsonw_string(&w, s->uncertain[s->copula->input[j]].path);
            jz_jsonw_end_array(&w);
            jz_jsonw_key(&w, "rho");
            jz_jsonw_number(&w, rho);
            jz_jsonw_end_object(&w);
        }
    jz_jsonw_end_array(&w);
    jz_jsonw_key(&w, "figures");
    jz_jsonw_begin_object(&w);
    for (int m = 0; m < JZ_MC_N_GEMEENTE; m++) {
        jz_jsonw_key(&w, metric_key[m]);
        json_stats(&w, &r->stat[jz_mc_fig(r, m, 0)], H);
    }
    jz_jsonw_end_object(&w);
    jz_jsonw_key(&w, "p_tekort_below_threshold");
    jz_jsonw_numbers(&w, r->p_below, H);
    jz_jsonw_key(&w, "zorgsoorten");
    jz_jsonw_begin_array(&w);
    for (int z = 0; z < r->n_zorgsoorten; z++) {
        jz_jsonw_begin_object(&w);
        jz_jsonw_key(&w, "key");
        jz_jsonw_string(&w, s->zorgsoorten[z].key);
        jz_jsonw_key(&w, "name");
        jz_jsonw_string(&w, s->zorgsoorten[z].name);
        jz_jsonw_key(&w, "cost");
        json_stats(&w, &r->stat[jz_mc_fig_z(r, z, 0)], H);
        jz_jsonw_end_object(&w);
    }
    jz_jsonw_end_array(&w);
    jz_jsonw_end_object(&w);
    fputc('\n', out);
}

int jz_rep_mc_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    table(out, x->mc, o->lang);
    return io_status(out, err);
}

int jz_rep_mc_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    csv(out, x->mc, o->csv_nl);
    return io_status(out, err);
}

int jz_rep_mc_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    json(out, x->mc);
    return io_status(out, err);
}

int jz_rep_mc_draws_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_mc_result *r = x->mc;
    int csv_nl = o->csv_nl;
    if (!r->kept_values)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "the draws were not kept (keep_draws)");
    const jz_scenario *s = r->scenario;
    jz_csvw c;
    jz_csvw_init(&c, out, csv_nl);
    char name[JZ_KEY_MAX + 32];
    jz_csvw_field(&c, "draw");
    for (int i = 0; i < s->n_uncertain; i++)
        jz_csvw_field(&c, s->uncertain[i].path);
    for (int m = 0; m < JZ_MC_N_GEMEENTE; m++)
        for (int y = 0; y < r->horizon; y++) {
            snprintf(name, sizeof name, "%s_%d", metric_key[m], r->base_year + y);
            jz_csvw_field(&c, name);
        }
    for (int z = 0; z < r->n_zorgsoorten; z++)
        for (int y = 0; y < r->horizon; y++) {
            snprintf(name, sizeof name, "cost_%s_%d", s->zorgsoorten[z].key, r->base_year + y);
            jz_csvw_field(&c, name);
        }
    jz_csvw_end_row(&c);
    for (long d = 0; d < r->draws; d++) {
        jz_csvw_int(&c, d);
        for (int i = 0; i < s->n_uncertain; i++)
            jz_csvw_number(&c, r->kept_inputs[(size_t)d * (size_t)s->n_uncertain + (size_t)i]);
        for (int f = 0; f < r->n_figures; f++)
            jz_csvw_number(&c, r->kept_values[(size_t)d * (size_t)r->n_figures + (size_t)f]);
        jz_csvw_end_row(&c);
    }
    return io_status(out, err);
}

/* ---- CRN comparison ---- */

/* One function for the three formats of the CRN comparison: the table,
 * CSV and JSON share their loops over scenarios and years. */
static int mc_compare(FILE *out, const jz_mc_comparison *c, jz_format fmt, jz_lang lang, int csv_nl,
                      jz_error *err)
{
    static const char *const dkey[JZ_MC_N_DIFF] = {"tekort", "cost"};
    int nl = lang == JZ_LANG_NL;
    if (fmt == JZ_FORMAT_JSON) {
        jz_jsonw w;
        jz_jsonw_init(&w, out);
        jz_jsonw_envelope(&w, "jzsim-mc-compare", 1, NULL, NULL, 0);
        jz_jsonw_key(&w, "draws");
        jz_jsonw_int(&w, c->draws);
        jz_jsonw_key(&w, "seed");
        jz_jsonw_number(&w, (double)c->seed);
        jz_jsonw_key(&w, "generator");
        jz_jsonw_string(&w, JZ_RNG_NAME);
        jz_jsonw_key(&w, "scenarios");
        jz_jsonw_begin_array(&w);
        for (int s = 0; s < c->n; s++) {
            const jz_mc_result *r = c->runs[s];
            jz_jsonw_begin_object(&w);
            jz_jsonw_key(&w, "name");
            jz_jsonw_string(&w, r->scenario->meta.name);
            jz_jsonw_key(&w, "years");
            jz_jsonw_begin_array(&w);
            for (int y = 0; y < r->horizon; y++)
                jz_jsonw_int(&w, r->base_year + y);
            jz_jsonw_end_array(&w);
            for (int m = 0; m < JZ_MC_N_GEMEENTE; m++) {
                jz_jsonw_key(&w, metric_key[m]);
                json_stats(&w, &r->stat[jz_mc_fig(r, m, 0)], r->horizon);
            }
            if (s > 0) {
                for (int d = 0; d < JZ_MC_N_DIFF; d++) {
                    char k[32];
                    snprintf(k, sizeof k, "%s_minus_reference", dkey[d]);
                    jz_jsonw_key(&w, k);
                    json_stats(&w, c->diff[s] + d * r->horizon, r->horizon);
                }
                jz_jsonw_key(&w, "p_tekort_below_reference");
                jz_jsonw_numbers(&w, c->p_lower[s], r->horizon);
            }
            jz_jsonw_end_object(&w);
        }
        jz_jsonw_end_array(&w);
        jz_jsonw_end_object(&w);
        fputc('\n', out);
        return io_status(out, err);
    }
    if (fmt == JZ_FORMAT_CSV) {
        jz_csvw w;
        jz_csvw_init(&w, out, csv_nl);
        static const char *const head[] = {"scenario", "year", "metric", "point", "mean", "se", "p5", "p25",
                                           "p50", "p75", "p95", "p_below_reference", "draws", "seed"};
        jz_csvw_header(&w, head, sizeof head / sizeof head[0]);
        for (int s = 1; s < c->n; s++) {
            const jz_mc_result *r = c->runs[s];
            for (int d = 0; d < JZ_MC_N_DIFF; d++)
                for (int y = 0; y < r->horizon; y++) {
                    const jz_mc_stat *st = &c->diff[s][d * r->horizon + y];
                    char k[32];
                    snprintf(k, sizeof k, "%s_minus_reference", dkey[d]);
                    jz_csvw_field(&w, r->scenario->meta.name);
                    jz_csvw_int(&w, r->base_year + y);
                    jz_csvw_field(&w, k);
                    jz_csvw_number(&w, st->point);
                    jz_csvw_number(&w, st->mean);
                    jz_csvw_number(&w, st->se);
                    for (int q = 0; q < JZ_MC_NQ; q++)
                        jz_csvw_number(&w, st->q[q]);
                    jz_csvw_number(&w, d == JZ_MC_DIFF_TEKORT ? c->p_lower[s][y] : NAN);
                    jz_csvw_int(&w, c->draws);
                    char seed[32];
                    snprintf(seed, sizeof seed, "%lu", c->seed);
                    jz_csvw_field(&w, seed);
                    jz_csvw_end_row(&w);
                }
        }
        return io_status(out, err);
    }
    char a[96];
    jz_format_number(a, sizeof a, (double)c->draws, 0, lang);
    fprintf(out, "%s (%s %s, seed %lu, %s)\n",
            nl ? "Verschil in tekort met het referentiescenario, op dezelfde trekkingen"
               : "Difference in deficit with the reference scenario, on the same draws",
            a, nl ? "trekkingen" : "draws", c->seed, JZ_RNG_NAME);
    fprintf(out, "%s: %s\n", nl ? "Referentie" : "Reference", c->runs[0]->scenario->meta.name);
    for (int s = 1; s < c->n; s++) {
        const jz_mc_result *r = c->runs[s];
        fprintf(out, "\n%s (euro)\n", r->scenario->meta.name);
        fprintf(out, "%-5s %12s %12s %12s %12s %10s\n", nl ? "jaar" : "year", nl ? "puntwaarde" : "point", "P5",
                "P50", "P95", nl ? "kans lager" : "P(lower)");
        for (int y = 0; y < r->horizon; y++) {
            const jz_mc_stat *st = &c->diff[s][JZ_MC_DIFF_TEKORT * r->horizon + y];
            if (isnan(st->point) && isnan(st->mean))
                continue;
            fprintf(out, "%-5d", r->base_year + y);
            cell(out, st->point, lang);
            cell(out, st->q[0], lang);
            cell(out, st->q[2], lang);
            cell(out, st->q[4], lang);
            jz_format_number(a, sizeof a, 100.0 * c->p_lower[s][y], 1, lang);
            fprintf(out, " %9s%%\n", a);
        }
    }
    return io_status(out, err);
}

int jz_rep_mc_compare(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    return mc_compare(out, x->mc_compare, o->format, o->lang, o->csv_nl, err);
}
