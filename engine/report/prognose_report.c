/*
 * prognose_report.c - the reporters of `jzsim prognose` (jzsim/prognose.h):
 * a table (nl/en), a long CSV (one figure per row) and the JSON document
 * "jzsim-prognose" (docs/prognose.schema.json).  They print the figures
 * jz_prognose_run() computed; nothing is computed here.
 *
 * The rows, in every format: the zorgsoorten by their names, the subtotal
 * of the zorgsoorten ("totaal"), the cost outside them
 * (JZ_RESULT_COST_BEYOND_CARE_LINES, named as the metric table names them,
 * as in jzsim run; the table leaves out those that are 0 other than the
 * vaste lasten) and the whole cost ("kosten_totaal": the subtotal plus the
 * lines; its scenario_year is the run's cost of the year, the posts a
 * begroting's line for jeugd counts).  A figure that does not exist (nothing
 * realised, no band) is NaN in jz_prognose: "-" in the table, an empty CSV
 * value, JSON null.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/prognose.h"
#include "report/csvw.h"
#include "report/jsonw.h"
#include "report/prognose_report.h"
#include "report/reporters.h"
#include "report/text.h"

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

static const field costs[] = {
#define ROW_(name, key) {key, offsetof(jz_prognose, name)},
    JZ_PROGNOSE_COST(ROW_)
#undef ROW_
};
_Static_assert(sizeof costs / sizeof costs[0] == N_TOTALS, "the whole cost has the totals' figures");

/* figure i of a totals row (totals or costs) */
static double get_total(const jz_prognose *p, const field *row, size_t i)
{
    return *(const double *)(const void *)((const char *)p + row[i].offset);
}

/* Line i of the cost outside the zorgsoorten: its key and its name as
 * every report gives that figure (jz_metric_beyond_care). */
static const char *line_key(size_t i)
{
    return jz_metric_beyond_care((int)i)->key;
}

const char *jz_prognose_line_name(size_t i, jz_lang lang)
{
    return jz_metric_label(jz_metric_beyond_care((int)i), lang);
}

/* The table shows the vaste lasten always (a controller looks for them;
 * 0 says the scenario has none) and the other lines when they are not 0. */
int jz_prognose_line_shown(const jz_prognose *p, size_t i)
{
    return strcmp(line_key(i), "fixed_cost") == 0 || p->lines[i] != 0.0;
}

/* The row names of the subtotal and the whole cost. */
#define SUBTOTAL_KEY "totaal"
#define COST_KEY "kosten_totaal"
const char *jz_prognose_subtotal_name(jz_lang lang)
{
    return L("Subtotaal zorgsoorten", "Subtotal care types");
}
const char *jz_prognose_cost_name(jz_lang lang)
{
    return L("Totaal", "Total");
}

/* The headings of the figure columns: the money table, the tables against
 * the begroting (per zorgsoort and per taakveld). */
const char *jz_prognose_head(jz_prognose_head_table t, int i, jz_lang lang)
{
    static const char *const head[2][2][5] = {
        {{"Gerealiseerd", "Scenario jaar", "Prognose jaar", "Band laag", "Band hoog"},
         {"Realised", "Scenario year", "Forecast year", "Band low", "Band high"}},
        {{"Begroting", "Prognose jaar", "Verschil", "Band laag", "Band hoog"},
         {"Budget", "Forecast year", "Difference", "Band low", "Band high"}},
    };
    return head[t][lang == JZ_LANG_EN][i];
}

char *jz_prognose_title(char *buf, size_t n, const jz_prognose *p, const jz_scenario *s, jz_lang lang)
{
    const jz_gemeente *gm = &s->gemeenten[p->gemeente];
    snprintf(buf, n,
             L("Prognose %d: %s (%s), %d maanden gerealiseerd, band %.0f%%",
               "Forecast %d: %s (%s), %d months realised, band %.0f%%"),
             p->year, gm->name, gm->code, p->months, 100 * p->level);
    return buf;
}

const char *jz_prognose_budget_title(jz_lang lang)
{
    return L("Ten opzichte van de begroting", "Against the budget");
}

const char *jz_prognose_taakveld_title(jz_lang lang)
{
    return L("Per taakveld (Iv3) ten opzichte van de begroting", "Per taakveld (Iv3) against the budget");
}

static int finish(FILE *out, jz_error *err)
{
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "write error");
    return JZ_OK;
}

enum { FIGW = 15 }; /* a figure's column: its heading with two spaces, 999.999.999.999; wider ones push (never cut) */

/* The name column holds names up to NAMEMAX wide; a longer one (the Twente
 * scenarios: "Residentiële jeugdhulp (groepen, LTA, WVHS, kortdurend
 * verblijf)") goes on at a word break on the lines below its row, whole:
 * a cut name is a wrong one. */
enum { NAMEMAX = 32 };

/* The heading of a table of five figures: first over the name column, then
 * the five figure columns' headings (jz_prognose_head). */
static void money_head(FILE *out, const char *first, int namew, jz_prognose_head_table t, jz_lang lang)
{
    jz_text_pad(out, first, namew, 0);
    for (int i = 0; i < 5; i++)
        jz_text_pad_figure(out, jz_prognose_head(t, i, lang), FIGW);
    fputc('\n', out);
}

/* One row of the money table: its name and five figures, "-" for NaN. */
static void money_row(FILE *out, const char *name, int namew, const double v[5], jz_lang lang)
{
    char b[64];
    const char *rest = jz_text_name_cell(out, name, namew, 1);
    for (int i = 0; i < 5; i++)
        jz_text_pad_figure(out, jz_format_number(b, sizeof b, v[i], 0, lang), FIGW);
    fputc('\n', out);
    jz_text_name_rest(out, rest, namew);
}

_Static_assert(N_TOTALS == 5, "a money row has five figures");

/* The five figures of a totals row (JZ_PROGNOSE_TOTALS or _COST order). */
static void total_figures(const jz_prognose *p, const field *row, double v[5])
{
    for (size_t i = 0; i < N_TOTALS; i++)
        v[i] = get_total(p, row, i);
}

/* The lines under the table that say what the rows hold and add. */
static void money_notes(FILE *out, const jz_prognose *p, jz_lang lang)
{
    char line[800], lines[400] = "";
    const int Z = p->n_zorgsoorten, missing = Z - p->n_realised;
    for (size_t i = 0, n = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (jz_prognose_line_shown(p, i))
            n += (size_t)snprintf(lines + n, n < sizeof lines ? sizeof lines - n : 0, "%s\"%s\"", n ? " + " : "",
                                  jz_prognose_line_name(i, lang));
    fputc('\n', out);
    if (missing > 0) {
        snprintf(line, sizeof line,
                 L("- = niet gerealiseerd: voor %d van de %d zorgsoorten zijn geen uitgaven opgegeven; daar "
                   "is de prognose het scenario, zonder band. \"%s\" telt %d met realisatie (prognose uit %d "
                   "maanden) en %d zonder (het scenario); de band dekt alleen die met realisatie.",
                   "- = not realised: no spending was given for %d of the %d care types; there the forecast is "
                   "the scenario's, without a band. \"%s\" counts %d with realised months (forecast from %d "
                   "months) and %d without (the scenario); the band covers only those with realised months."),
                 missing, Z, jz_prognose_subtotal_name(lang), p->n_realised, p->months, missing);
        jz_text_wrap(out, line, 100);
    }
    /* the sum of the row, not "the scenario's cost": only the Scenario jaar
     * column is that; the Prognose jaar column is the forecast of it */
    snprintf(line, sizeof line,
             L("\"%s\" = \"%s\" + %s (uit het scenario: niet gerealiseerd, zonder band); onder \"Scenario jaar\" "
               "is dat de \"Kosten\" van jzsim run%s.",
               "\"%s\" = \"%s\" + %s (from the scenario: not realised, no band); under \"Scenario year\" that is "
               "the \"Cost\" of jzsim run%s."),
             jz_prognose_cost_name(lang), jz_prognose_subtotal_name(lang), lines,
             !isnan(p->cost_realised) ? ""
             : L("; wat daarvan gerealiseerd is, is niet opgegeven, dus \"Gerealiseerd\" blijft daar leeg",
                 "; what of them was realised was not given, so \"Realised\" stays empty there"));
    jz_text_wrap(out, line, 100);
}

void jz_prognose_budget_figures(const jz_prognose *p, jz_prognose_row r, int i, double v[5])
{
    switch (r) {
    case JZ_PROGNOSE_ROW_ZORGSOORT:
        v[0] = p->budget[i], v[1] = p->year_end[i], v[2] = p->over_budget[i];
        v[3] = p->over_budget_low[i], v[4] = p->over_budget_high[i];
        return;
    case JZ_PROGNOSE_ROW_LINE:
        v[0] = p->line_budget[i], v[1] = p->lines[i], v[2] = p->line_over_budget[i];
        v[3] = v[4] = NAN;
        return;
    case JZ_PROGNOSE_ROW_TAAKVELD:
        v[0] = p->tv_budget[i], v[1] = p->tv_year_end[i], v[2] = p->tv_over_budget[i];
        v[3] = p->tv_over_budget_low[i], v[4] = p->tv_over_budget_high[i];
        return;
    case JZ_PROGNOSE_ROW_SUBTOTAL:
    case JZ_PROGNOSE_ROW_TOTAL:
        break;
    }
    const int whole = r == JZ_PROGNOSE_ROW_TOTAL;
    v[0] = whole ? p->cost_budget : p->total_budget;
    v[1] = whole ? p->cost_year_end : p->total_year_end;
    v[2] = whole ? p->cost_over_budget : p->total_over_budget;
    v[3] = whole ? p->cost_over_budget_low : p->total_over_budget_low;
    v[4] = whole ? p->cost_over_budget_high : p->total_over_budget_high;
}

/* The forecast against the begroting: the voorjaars- and najaarsnota's
 * question, every row's verschil = its Prognose jaar minus its begroting,
 * the rows as in the table above (they add up the same way). */
static void budget_table(FILE *out, const jz_prognose *p, const jz_scenario *s, int namew, jz_lang lang)
{
    char line[600];
    fprintf(out, "\n%s\n", jz_prognose_budget_title(lang));
    money_head(out, L("Zorgsoort", "Care type"), namew, JZ_PROGNOSE_HEAD_BUDGET, lang);
    double v[5];
    for (int z = 0; z < p->n_zorgsoorten; z++) {
        jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_ZORGSOORT, z, v);
        money_row(out, s->zorgsoorten[z].name, namew, v, lang);
    }
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_SUBTOTAL, 0, v);
    money_row(out, jz_prognose_subtotal_name(lang), namew, v, lang);
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (jz_prognose_line_shown(p, i)) {
            jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_LINE, (int)i, v);
            money_row(out, jz_prognose_line_name(i, lang), namew, v, lang);
        }
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TOTAL, 0, v);
    money_row(out, jz_prognose_cost_name(lang), namew, v, lang);
    fputc('\n', out);
    snprintf(line, sizeof line,
             L("Verschil = \"Prognose jaar\" - \"Begroting\": boven 0 een overschrijding, onder 0 een "
               "onderschrijding; de band is die van de prognose. \"Begroting\" is die van het scenario voor %d "
               "(bij één totale begroting: verdeeld over de zorgsoorten naar hun aandeel in de uitgaven van het "
               "basisjaar); van de regels buiten de zorgsoorten hebben alleen de vaste lasten een begroting.",
               "Difference = \"Forecast year\" - \"Budget\": above 0 an overspend, below 0 an underspend; the "
               "band is the forecast's.  \"Budget\" is the scenario's for %d (with one total budget: split over the care "
               "types by their share of the base year's spending); of the lines outside the care types only the "
               "fixed cost has a budget."),
             p->year);
    jz_text_wrap(out, line, 100);
}

/* The same against the begroting per Iv3 taakveld, when the scenario books
 * its zorgsoorten on taakvelden: the lines of the begroting a controller
 * reports on. */
static void taakveld_table(FILE *out, const jz_prognose *p, int namew, jz_lang lang)
{
    char line[600];
    const jz_taakveld_list *l = &p->taakvelden;
    if (l->n == 0)
        return;
    fprintf(out, "\n%s\n", jz_prognose_taakveld_title(lang));
    money_head(out, "Taakveld", namew, JZ_PROGNOSE_HEAD_BUDGET, lang);
    double v[5];
    for (int k = 0; k < l->n; k++) {
        jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TAAKVELD, k, v);
        money_row(out, jz_text_taakveld_name(l->code[k], lang == JZ_LANG_EN), namew, v, lang);
    }
    jz_prognose_budget_figures(p, JZ_PROGNOSE_ROW_TOTAL, 0, v);
    money_row(out, jz_prognose_cost_name(lang), namew, v, lang);
    fputc('\n', out);
    snprintf(line, sizeof line,
             L("Per taakveld: de zorgsoorten en vaste lasten op dat taakveld; \"Overig\" de zorgsoorten zonder "
               "taakveld en de regels buiten de zorgsoorten (vaste lasten zonder taakveld, ...), zoals de tabel "
               "per taakveld van jzsim run, met dezelfde begroting.",
               "Per taakveld: the care types and fixed cost lines booked on it; \"Other\" the care types without "
               "a taakveld and the lines outside the care types (fixed cost on no taakveld, ...), as jzsim run's "
               "table per taakveld, with the same budget."));
    char empty[400];
    jz_text_taakveld_empty(empty, sizeof empty, l, lang == JZ_LANG_EN);
    if (empty[0]) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, " %s", empty);
    }
    jz_text_wrap(out, line, 100);
}

int jz_rep_prognose_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    const jz_lang lang = o->lang;
    /* the name column as wide as the longest name: a cut name is a wrong one */
    int namew = jz_text_width(jz_prognose_subtotal_name(lang));
    for (int z = 0; z < p->n_zorgsoorten; z++)
        if (jz_text_width(s->zorgsoorten[z].name) > namew)
            namew = jz_text_width(s->zorgsoorten[z].name);
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (jz_prognose_line_shown(p, i) && jz_text_width(jz_prognose_line_name(i, lang)) > namew)
            namew = jz_text_width(jz_prognose_line_name(i, lang));
    namew = (namew < NAMEMAX ? namew : NAMEMAX) + 1;
    char title[256];
    fprintf(out, "%s\n", jz_prognose_title(title, sizeof title, p, s, lang));
    money_head(out, L("Zorgsoort", "Care type"), namew, JZ_PROGNOSE_HEAD_MONEY, lang);
    double v[5];
    for (int z = 0; z < p->n_zorgsoorten; z++) {
        const double row[5] = {p->realised[z], p->model_year[z], p->year_end[z], p->low[z], p->high[z]};
        money_row(out, s->zorgsoorten[z].name, namew, row, lang);
    }
    total_figures(p, totals, v);
    money_row(out, jz_prognose_subtotal_name(lang), namew, v, lang);
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++)
        if (jz_prognose_line_shown(p, i)) {
            const double row[5] = {NAN, p->lines[i], p->lines[i], NAN, NAN};
            money_row(out, jz_prognose_line_name(i, lang), namew, row, lang);
        }
    total_figures(p, costs, v);
    money_row(out, jz_prognose_cost_name(lang), namew, v, lang);
    money_notes(out, p, lang);
    budget_table(out, p, s, namew, lang);
    taakveld_table(out, p, namew, lang);
    if (p->any_clients) {
        char b[6][64];
        fprintf(out, "\n%s\n", L("Cliënten (trajecten; zonder opgave: het scenario)",
                                 "Clients (trajectories; where none were given: the scenario)"));
        /* the first four columns as wide as their longest heading with two
         * spaces ("Scenario 31/12  Prognose 31/12"); the last holds a band */
        static const char *const chead_nl[] = {"Scenario 31/12", "Prognose 31/12", "Band", "Scenario uniek"};
        static const char *const chead_en[] = {"Scenario 31/12", "Forecast 31/12", "Band", "Scenario unique"};
        int cw = 0;
        for (int i = 0; i < 4; i++)
            if (jz_text_width(L(chead_nl[i], chead_en[i])) + 2 > cw)
                cw = jz_text_width(L(chead_nl[i], chead_en[i])) + 2;
        jz_text_pad(out, L("Zorgsoort", "Care type"), namew, 0);
        for (int i = 0; i < 4; i++)
            jz_text_pad_figure(out, L(chead_nl[i], chead_en[i]), cw);
        jz_text_pad_figure(out, L("Prognose uniek", "Forecast unique"), 21);
        fputc('\n', out);
        for (int z = 0; z < p->n_zorgsoorten; z++) {
            char band[140], uq[210];
            jz_format_number(b[0], sizeof b[0], p->model_clients_end[z], 0, lang);
            jz_format_number(b[1], sizeof b[1], p->clients_end[z], 0, lang);
            jz_format_number(b[2], sizeof b[2], p->model_unique[z], 0, lang);
            jz_format_number(b[3], sizeof b[3], p->unique[z], 0, lang);
            if (!isnan(p->clients_end_low[z])) {
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
            const char *rest = jz_text_name_cell(out, s->zorgsoorten[z].name, namew, 1);
            jz_text_pad_figure(out, b[0], cw);
            jz_text_pad_figure(out, b[1], cw);
            jz_text_pad_figure(out, band, cw);
            jz_text_pad_figure(out, b[2], cw);
            jz_text_pad_figure(out, uq, 21);
            fputc('\n', out);
            jz_text_name_rest(out, rest, namew);
        }
    }
    return finish(out, err);
}

/* One CSV row: the gemeente, the year, the row's key and name, a figure. */
static void csv_row(jz_csvw *w, const jz_prognose *p, const jz_scenario *s, const char *key, const char *name,
                    const char *metric, double v)
{
    jz_csvw_field(w, s->gemeenten[p->gemeente].code);
    jz_csvw_field(w, s->gemeenten[p->gemeente].name);
    jz_csvw_int(w, p->year);
    jz_csvw_int(w, p->months);
    jz_csvw_field(w, key);
    jz_csvw_field(w, name);
    jz_csvw_field(w, metric);
    jz_csvw_number(w, v);
    jz_csvw_end_row(w);
}

int jz_rep_prognose_csv(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    const jz_lang lang = o->lang;
    static const char *const cols[] = {"gemeente_code", "gemeente", "year", "months_realised", "zorgsoort",
                                       "name", "metric", "value"};
    jz_csvw w;
    jz_csvw_init(&w, out, o->csv_nl);
    jz_csvw_header(&w, cols, sizeof cols / sizeof cols[0]);
    for (int z = 0; z < p->n_zorgsoorten; z++)
        for (size_t f = 0; f < N_FIELDS; f++)
            csv_row(&w, p, s, s->zorgsoorten[z].key, s->zorgsoorten[z].name, fields[f].key, get(p, &fields[f], z));
    for (size_t f = 0; f < N_TOTALS; f++)
        csv_row(&w, p, s, SUBTOTAL_KEY, jz_prognose_subtotal_name(lang), totals[f].key, get_total(p, totals, f));
#define SUB_(sub, whole, key) csv_row(&w, p, s, SUBTOTAL_KEY, jz_prognose_subtotal_name(lang), key, p->sub);
    JZ_PROGNOSE_BUDGET(SUB_)
#undef SUB_
    csv_row(&w, p, s, SUBTOTAL_KEY, jz_prognose_subtotal_name(lang), "zorgsoorten_realised", p->n_realised);
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        csv_row(&w, p, s, line_key(i), jz_prognose_line_name(i, lang), "scenario_year", p->lines[i]);
        csv_row(&w, p, s, line_key(i), jz_prognose_line_name(i, lang), "year_end", p->lines[i]);
        csv_row(&w, p, s, line_key(i), jz_prognose_line_name(i, lang), "budget", p->line_budget[i]);
        csv_row(&w, p, s, line_key(i), jz_prognose_line_name(i, lang), "over_budget", p->line_over_budget[i]);
    }
    for (size_t f = 0; f < N_TOTALS; f++)
        csv_row(&w, p, s, COST_KEY, jz_prognose_cost_name(lang), costs[f].key, get_total(p, costs, f));
#define WHOLE_(sub, whole, key) csv_row(&w, p, s, COST_KEY, jz_prognose_cost_name(lang), key, p->whole);
    JZ_PROGNOSE_BUDGET(WHOLE_)
#undef WHOLE_
    for (int k = 0; k < p->taakvelden.n; k++) {
        char key[32];
        snprintf(key, sizeof key, "taakveld_%s", jz_taakveld_key(p->taakvelden.code[k]));
#define TV_(field, name) csv_row(&w, p, s, key, jz_text_taakveld_name(p->taakvelden.code[k], lang == JZ_LANG_EN), name, p->field[k]);
        JZ_PROGNOSE_TAAKVELD(TV_)
#undef TV_
    }
    return finish(out, err);
}

/* A totals object: its five figures and those against the begroting
 * (whole: the whole cost's, else the subtotal's). */
static void json_totals(jz_jsonw *j, const jz_prognose *p, const field *row, int whole)
{
    jz_jsonw_begin_object(j);
    for (size_t f = 0; f < N_TOTALS; f++) {
        jz_jsonw_key(j, row[f].key);
        jz_jsonw_number(j, get_total(p, row, f));
    }
#define BUDGET_(sub, wh, key)  \
    jz_jsonw_key(j, key);      \
    jz_jsonw_number(j, whole ? p->wh : p->sub);
    JZ_PROGNOSE_BUDGET(BUDGET_)
#undef BUDGET_
}

int jz_rep_prognose_json(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_prognose *p = x->prognose;
    const jz_scenario *s = x->scenario;
    jz_jsonw j;
    jz_jsonw_init(&j, out);
    /* version 2: figures that do not exist are null (were 0 or the
     * scenario's), the lines outside the zorgsoorten and the whole cost */
    jz_jsonw_envelope(&j, "jzsim-prognose", 2, s, NULL, 0);
    jz_jsonw_key(&j, "gemeente_code");
    jz_jsonw_string(&j, s->gemeenten[p->gemeente].code);
    jz_jsonw_key(&j, "gemeente");
    jz_jsonw_string(&j, s->gemeenten[p->gemeente].name);
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
        jz_jsonw_key(&j, "name");
        jz_jsonw_string(&j, s->zorgsoorten[z].name);
        for (size_t f = 0; f < N_FIELDS; f++) {
            jz_jsonw_key(&j, fields[f].key);
            jz_jsonw_number(&j, get(p, &fields[f], z));
        }
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "total");
    json_totals(&j, p, totals, 0);
    jz_jsonw_key(&j, "zorgsoorten_realised");
    jz_jsonw_int(&j, p->n_realised);
    jz_jsonw_end_object(&j);
    jz_jsonw_key(&j, "lines");
    jz_jsonw_begin_array(&j);
    for (size_t i = 0; i < JZ_RESULT_N_COST_BEYOND_CARE; i++) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "key");
        jz_jsonw_string(&j, line_key(i));
        jz_jsonw_key(&j, "name");
        jz_jsonw_string(&j, jz_prognose_line_name(i, o->lang));
        jz_jsonw_key(&j, "scenario_year");
        jz_jsonw_number(&j, p->lines[i]);
        jz_jsonw_key(&j, "year_end");
        jz_jsonw_number(&j, p->lines[i]);
        jz_jsonw_key(&j, "budget");
        jz_jsonw_number(&j, p->line_budget[i]);
        jz_jsonw_key(&j, "over_budget");
        jz_jsonw_number(&j, p->line_over_budget[i]);
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_key(&j, "total_cost");
    json_totals(&j, p, costs, 1);
    jz_jsonw_end_object(&j);
    jz_jsonw_key(&j, "taakvelden");
    jz_jsonw_begin_array(&j);
    for (int k = 0; k < p->taakvelden.n; k++) {
        jz_jsonw_begin_object(&j);
        jz_jsonw_key(&j, "taakveld");
        jz_jsonw_string(&j, jz_taakveld_key(p->taakvelden.code[k]));
#define TV_(field, name)         \
    jz_jsonw_key(&j, name);      \
    jz_jsonw_number(&j, p->field[k]);
        JZ_PROGNOSE_TAAKVELD(TV_)
#undef TV_
        jz_jsonw_end_object(&j);
    }
    jz_jsonw_end_array(&j);
    jz_jsonw_end_object(&j);
    fputc('\n', out);
    return finish(out, err);
}
