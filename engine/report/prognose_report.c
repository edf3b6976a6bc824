/*
 * prognose_report.c - the reporters of `jzsim prognose` (jzsim/prognose.h):
 * a table (nl/en), a long CSV (one figure per row) and the JSON document
 * "jzsim-prognose" (docs/prognose.schema.json).  They print the figures
 * jz_prognose_run() computed; nothing is computed here.
 */
#include <stddef.h>
#include <stdio.h>

#include "jzsim/prognose.h"
#include "report/csvw.h"
#include "report/jsonw.h"
#include "report/reporters.h"

#define L(nl, en) (lang == JZ_LANG_EN ? (en) : (nl))

/* The per-zorgsoort figures and the totals, from the lists in
 * jzsim/prognose.h: the key in CSV and JSON and where the value is. */
typedef struct field {
    const char *key;
    size_t offset; /* offsetof(jz_prognose, the double * array) */
} field;

static const field fields[] = {
#define ROW_(name, key) {key, offsetof(jz_prognose, name)},
    JZ_PROGNOSE_FIELDS(ROW_)
#undef ROW_
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

static double get(const jz_prognose *p, const field *f, int z)
{
    const double *a = *(double *const *)(const void *)((const char *)p + f->offset);
    return a[z];
}

static const field totals[] = {
#define ROW_(name, key) {key, offsetof(jz_prognose, name)},
    JZ_PROGNOSE_TOTALS(ROW_)
#undef ROW_
};
#define N_TOTALS (sizeof totals / sizeof totals[0])

static double get_total(const jz_prognose *p, size_t i)
{
    return *(const double *)(const void *)((const char *)p + totals[i].offset);
}

static int finish(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "write error");
    return JZ_OK;
}

int jz_rep_prognose_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    const jz_gemeente *gm = &s->gemeenten[p->gemeente];
    const jz_lang lang = o->lang;
    char b[6][64];
    fprintf(out, L("Prognose %d: %s (%s), %d maanden gerealiseerd, band %.0f%%\n",
                   "Forecast %d: %s (%s), %d months realised, band %.0f%%\n"),
            p->year, gm->name, gm->code, p->months, 100 * p->level);
    fprintf(out, "%-22s %15s %15s %15s %15s %15s\n", L("Zorgsoort", "Care type"), L("Gerealiseerd", "Realised"),
            L("Scenario jaar", "Scenario year"), L("Prognose jaar", "Forecast year"), L("Band laag", "Band low"),
            L("Band hoog", "Band high"));
    for (int z = 0; z <= p->n_zorgsoorten; z++) {
        int t = z == p->n_zorgsoorten;
        double v[5] = {t ? p->total_realised : p->realised[z], t ? p->total_model : p->model_year[z],
                       t ? p->total_year_end : p->year_end[z], t ? p->total_low : p->low[z],
                       t ? p->total_high : p->high[z]};
        for (int i = 0; i < 5; i++)
            jz_format_number(b[i], sizeof b[i], v[i], 0, lang);
        fprintf(out, "%-22s %15s %15s %15s %15s %15s\n", t ? L("Totaal", "Total") : s->zorgsoorten[z].key, b[0],
                b[1], b[2], b[3], b[4]);
    }
    if (p->any_clients) {
        fprintf(out, "\n%s\n", L("Cliënten (trajecten; zonder opgave: het scenario)",
                                 "Clients (trajectories; where none were given: the scenario)"));
        fprintf(out, "%-22s %15s %15s %15s %15s %20s\n", L("Zorgsoort", "Care type"),
                L("Scenario 31/12", "Scenario 31/12"), L("Prognose 31/12", "Forecast 31/12"), "Band",
                L("Scenario uniek", "Scenario unique"), L("Prognose uniek", "Forecast unique"));
        for (int z = 0; z < p->n_zorgsoorten; z++) {
            char band[140], uq[210];
            int given = p->clients_end_low[z] != p->clients_end_high[z] ||
                        p->clients_end[z] != p->model_clients_end[z];
            jz_format_number(b[0], sizeof b[0], p->model_clients_end[z], 0, lang);
            jz_format_number(b[1], sizeof b[1], p->clients_end[z], 0, lang);
            jz_format_number(b[2], sizeof b[2], p->model_unique[z], 0, lang);
            jz_format_number(b[3], sizeof b[3], p->unique[z], 0, lang);
            if (given) {
                jz_format_number(b[4], sizeof b[4], p->clients_end_low[z], 0, lang);
                jz_format_number(b[5], sizeof b[5], p->clients_end_high[z], 0, lang);
                snprintf(band, sizeof band, "%s-%s", b[4], b[5]);
                jz_format_number(b[4], sizeof b[4], p->unique_low[z], 0, lang);
                jz_format_number(b[5], sizeof b[5], p->unique_high[z], 0, lang);
                snprintf(uq, sizeof uq, "%s (%s-%s)", b[3], b[4], b[5]);
            } else {
                snprintf(band, sizeof band, "-");
                snprintf(uq, sizeof uq, "%s", b[3]);
            }
            fprintf(out, "%-22s %15s %15s %15s %15s %20s\n", s->zorgsoorten[z].key, b[0], b[1], band, b[2], uq);
        }
    }
    return finish(out, err);
}

int jz_rep_prognose_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    static const char *const cols[] = {"gemeente_code", "year", "months_realised", "zorgsoort", "metric", "value"};
    jz_csvw w;
    jz_csvw_init(&w, out, o->csv_nl);
    jz_csvw_header(&w, cols, sizeof cols / sizeof cols[0]);
    for (int z = 0; z <= p->n_zorgsoorten; z++) {
        int t = z == p->n_zorgsoorten;
        for (size_t f = 0; f < (t ? N_TOTALS : N_FIELDS); f++) {
            jz_csvw_field(&w, s->gemeenten[p->gemeente].code);
            jz_csvw_int(&w, p->year);
            jz_csvw_int(&w, p->months);
            jz_csvw_field(&w, t ? "totaal" : s->zorgsoorten[z].key);
            jz_csvw_field(&w, t ? totals[f].key : fields[f].key);
            jz_csvw_number(&w, t ? get_total(p, f) : get(p, &fields[f], z));
            jz_csvw_end_row(&w);
        }
    }
    return finish(out, err);
}

int jz_rep_prognose_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    (void)o;
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    jz_jsonw j;
    jz_jsonw_init(&j, out);
    jz_jsonw_envelope(&j, "jzsim-prognose", 1, s, NULL, 0);
    jz_jsonw_key(&j, "gemeente_code");
    jz_jsonw_string(&j, s->gemeenten[p->gemeente].code);
    jz_jsonw_key(&j, "year");
    jz_jsonw_int(&j, p->year);
    jz_jsonw_key(&j, "months_realised");
    jz_jsonw_int(&j, p->months);
    jz_jsonw_key(&j, "band_level");
    jz_jsonw_number(&j, p->level);
    jz_jsonw_key(&j, "zorgsoorten");
    jz_jsonw_begin_array(&j);
    for (int z = 0; z < p->n_zorgsoorten; z++) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "key");
        jz_jsonw_string(&j, s->zorgsoorten[z].key);
        for (size_t f = 0; f < N_FIELDS; f++) {
            jz_jsonw_key(&j, fields[f].key);
            jz_jsonw_number(&j, get(p, &fields[f], z));
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "total");
    jz_jsonw_begin_object(&j);
    for (size_t f = 0; f < N_TOTALS; f++) {
        jz_jsonw_key(&j, totals[f].key);
        jz_jsonw_number(&j, get_total(p, f));
    }
    jz_jsonw_end_object(&j);
    jz_jsonw_end_object(&j);
    fputc('\n', out);
    return finish(out, err);
}
