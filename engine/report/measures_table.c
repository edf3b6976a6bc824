/*
 * measures_table.c - `jzsim measures` for the terminal, Dutch or English.
 *
 * Formats a jz_measures_analysis (engine/analysis/measures.c); it computes
 * nothing but sums it shows and the share of interaction (net - standalone).
 * Five blocks: the ranking (net present value over the judging horizon,
 * structural saving, payback), saving and investment over the budget years,
 * certainty and interaction per measure, the net saving per year per
 * measure, and the package per year.  At most 100
 * columns wide; years across the columns come in blocks of five.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "report/reporters.h"
#include "jzsim/measures.h"
#include "report/text.h"

#define NAMEW 24
#define MONW 14
#define YEARS_PER_BLOCK 5

static const char *L(const jz_report_options *o, const char *nl, const char *en)
{
    return o->lang == JZ_LANG_NL ? nl : en;
}

static void money(FILE *out, double v, const jz_report_options *o)
{
    char buf[64];
    jz_format_money(buf, sizeof buf, v, o->lang);
    jz_text_pad_figure(out, buf, MONW);
}

static const char *kind(const jz_measure *m, const jz_report_options *o)
{
    static const char *const nl[JZ_EFFECT_N] = {"instroom", "zorgduur", "evaluatie", "substitutie",
                                                "tarief", "voorliggend", "lumpsum"};
    static const char *const en[JZ_EFFECT_N] = {"inflow", "duration", "evaluation", "substitution",
                                                "tariff", "diversion", "lumpsum"};
    if (m->type == JZ_MEASURE_HA)
        return m->in_baseline == JZ_BASELINE_ALL ? L(o, "HA, in basis", "HA, baseline") : "HA";
    if (m->effect < 0 || m->effect >= JZ_EFFECT_N)
        return "";
    return o->lang == JZ_LANG_NL ? nl[m->effect] : en[m->effect];
}

/* A Hervormingsagenda row's key is its number in the agenda (B2, E1) when
 * it holds a digit; a key such as 'overig' is a word, already in the name. */
static int ha_number(const jz_measure *m)
{
    if (m->type != JZ_MEASURE_HA || strncasecmp(m->name, m->key, strlen(m->key)) == 0)
        return 0;
    return strpbrk(m->key, "0123456789") != NULL;
}

static void label(FILE *out, const jz_measure *m, int width)
{
    char buf[JZ_KEY_MAX + JZ_NAME_MAX + 2];
    /* a Hervormingsagenda row is known by its number in the agenda (B2 ...);
     * a local measure by its name, not by its key in the scenario */
    if (ha_number(m))
        snprintf(buf, sizeof buf, "%s %s", m->key, m->name);
    else
        snprintf(buf, sizeof buf, "%s", m->name);
    jz_text_pad(out, buf, width, 0);
}

/* The ranking: by net present value over the judging horizon; the
 * structural yearly saving beside it, the net over the budget years and the
 * payback year (only where the cumulative net stays >= 0 from then on). */
static void ranking(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                    const jz_report_options *o)
{
    char buf[64];
    int last = a->base_year + a->judge_horizon - 1, blast = a->base_year + a->horizon - 1;
    fprintf(out, "\n%s\n", L(o, "Rangorde naar netto contante waarde (NCW)", "Ranking by net present value (NPV)"));
    jz_text_pad(out, "#", 3, 1);
    fputc(' ', out);
    jz_text_pad(out, L(o, "Maatregel", "Measure"), NAMEW, 0);
    jz_text_pad(out, L(o, " Soort", " Kind"), 13, 0);
    snprintf(buf, sizeof buf, "Struct. %d", last);
    jz_text_pad(out, buf, MONW, 1);
    jz_text_pad(out, L(o, "NCW", "NPV"), MONW, 1);
    if (o->lang == JZ_LANG_NL)
        snprintf(buf, sizeof buf, "Netto t/m %d", blast);
    else
        snprintf(buf, sizeof buf, "Net to %d", blast);
    jz_text_pad(out, buf, MONW + 1, 1);
    jz_text_pad(out, L(o, "Terugv.", "Payback"), 8, 1);
    fputc('\n', out);
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        const jz_measure *m = &s->measures[t->index];
        fprintf(out, "%3d ", t->rank);
        label(out, m, NAMEW);
        fputc(' ', out);
        jz_text_pad(out, kind(m, o), 12, 0);
        money(out, t->structural, o);
        money(out, t->npv, o);
        fputc(' ', out);
        money(out, t->net_total, o);
        if (t->payback_year)
            snprintf(buf, sizeof buf, "%d", t->payback_year);
        else
            snprintf(buf, sizeof buf, "-");
        jz_text_pad(out, buf, 8, 1);
        fputc('\n', out);
    }
    char rate[32];
    jz_format_number(rate, sizeof rate, a->discount_rate * 100.0, 1, o->lang);
    if (o->lang == JZ_LANG_NL)
        fprintf(out,
                "NCW = netto besparing %d-%d (%d jaar), verdisconteerd met %s%% per jaar naar %d; de\n"
                "rangorde volgt de NCW. Struct. = netto besparing per jaar in %d, na ingroei. Netto = som\n"
                "over de begrotingsjaren %d-%d, niet verdisconteerd. Terugv. = eerste jaar vanaf wanneer\n"
                "het cumulatieve netto tot en met %d >= 0 blijft (- = geen).\n",
                a->base_year, last, a->judge_horizon, rate, a->base_year, last, a->base_year, blast, last);
    else
        fprintf(out,
                "NPV = net saving %d-%d (%d years), discounted at %s%% a year to %d; the ranking follows\n"
                "the NPV. Struct. = net saving per year in %d, once ramped up. Net = sum over the budget\n"
                "years %d-%d, undiscounted. Payback = first year from which the cumulative net stays\n"
                ">= 0 up to %d (- = none).\n",
                a->base_year, last, a->judge_horizon, rate, a->base_year, last, a->base_year, blast, last);
}

/* Saving and investment over the budget years, and the saving per euro. */
static void investment(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                       const jz_report_options *o)
{
    char buf[64];
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "\nBesparing en investering, som %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    else
        fprintf(out, "\nSaving and investment, sum %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    jz_text_pad(out, "#", 3, 1);
    fputc(' ', out);
    jz_text_pad(out, L(o, "Maatregel", "Measure"), NAMEW, 0);
    jz_text_pad(out, L(o, "Besparing", "Saving"), MONW, 1);
    jz_text_pad(out, L(o, "Investering", "Investment"), MONW, 1);
    jz_text_pad(out, L(o, "Netto", "Net"), MONW, 1);
    jz_text_pad(out, L(o, "Per €", "Per €"), 8, 1);
    fputc('\n', out);
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        fprintf(out, "%3d ", t->rank);
        label(out, &s->measures[t->index], NAMEW);
        money(out, t->gross_total, o);
        money(out, t->investment_total, o);
        money(out, t->net_total, o);
        if (isnan(t->per_euro))
            snprintf(buf, sizeof buf, "-");
        else
            jz_format_number(buf, sizeof buf, t->per_euro, 2, o->lang);
        jz_text_pad(out, buf, 8, 1);
        fputc('\n', out);
    }
    fprintf(out, "%s\n", L(o, "Besparing = netto + investering; Per € = besparing per euro investering.",
                           "Saving = net + investment; Per € = saving per euro invested."));
}

/* --gemeente all: per measure, what it buys in each gemeente, and the
 * region (the attribution of all gemeenten together, which the gemeenten
 * add up to). */
static void by_gemeente(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                        const jz_report_options *o)
{
    if (!a->by_gemeente)
        return;
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "\nPer gemeente, som %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    else
        fprintf(out, "\nPer gemeente, sum %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        fprintf(out, "%3d ", t->rank);
        label(out, &s->measures[t->index], NAMEW);
        jz_text_pad(out, L(o, "Besparing", "Saving"), MONW, 1);
        jz_text_pad(out, L(o, "Investering", "Investment"), MONW, 1);
        jz_text_pad(out, L(o, "Netto", "Net"), MONW, 1);
        if (a->has_regio)
            jz_text_pad(out, L(o, "Verrekening", "Settlement"), MONW, 1);
        fputc('\n', out);
        for (int g = 0; g < a->n_gemeenten; g++) {
            const jz_measure_gemeente *b = &a->by_gemeente[(size_t)g * (size_t)a->n + (size_t)t->index];
            fputs("    ", out);
            jz_text_pad(out, s->gemeenten[g].name, NAMEW, 0);
            money(out, b->saving, o);
            money(out, b->investment, o);
            money(out, b->net, o);
            if (a->has_regio)
                money(out, b->settlement, o);
            fputc('\n', out);
        }
        fputs("    ", out);
        jz_text_pad(out, L(o, "Regio", "Region"), NAMEW, 0);
        money(out, t->gross_total, o);
        money(out, t->investment_total, o);
        money(out, t->net_total, o);
        if (a->has_regio)
            money(out, t->settlement_total, o);
        fputc('\n', out);
    }
    fprintf(out, "%s\n", L(o, "Per gemeente: dezelfde toerekening met de kosten van die gemeente; de gemeenten "
                              "tellen op tot de regio.",
                           "Per gemeente: the same attribution with that gemeente's cost; the gemeenten add up "
                           "to the region."));
}

/* Under regional arrangements: the care saved at price x volume, the
 * regional settlement's part, and the cash effect (net) that remains. */
static void regional(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                     const jz_report_options *o)
{
    if (!a->has_regio)
        return;
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "\nOnder de regionale afspraken, som %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    else
        fprintf(out, "\nUnder the regional arrangements, sum %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    jz_text_pad(out, "#", 3, 1);
    fputc(' ', out);
    jz_text_pad(out, L(o, "Maatregel", "Measure"), NAMEW, 0);
    jz_text_pad(out, L(o, "Zorg P x V", "Care P x V"), MONW, 1);
    jz_text_pad(out, L(o, "Verrekening", "Settlement"), MONW, 1);
    jz_text_pad(out, L(o, "Kas (netto)", "Cash (net)"), MONW, 1);
    fputc('\n', out);
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        fprintf(out, "%3d ", t->rank);
        label(out, &s->measures[t->index], NAMEW);
        money(out, t->care_total, o);
        money(out, t->settlement_total, o);
        money(out, t->net_total, o);
        fputc('\n', out);
    }
    fprintf(out, "%s\n", L(o, "Zorg P x V = netto besparing op de zorg tegen prijs x volume; Verrekening = wat de\n"
                              "verevening of het lumpsumcontract daarvan afhaalt (-) of toevoegt (+); Kas = het\n"
                              "effect op het tekort van de gemeente na de regionale verrekening (docs/regio.md).",
                           "Care P x V = net saving on care at price x volume; Settlement = what the verevening\n"
                           "or the lumpsum contract takes off it (-) or adds (+); Cash = the effect on the\n"
                           "gemeente's tekort after the regional settlement (docs/regio.md)."));
}

static void certainty(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                      const jz_report_options *o)
{
    if (o->lang == JZ_LANG_NL)
        fprintf(out, "\nZekerheid en wisselwerking, som %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    else
        fprintf(out, "\nCertainty and interaction, sum %d-%d\n", a->base_year, a->base_year + a->horizon - 1);
    jz_text_pad(out, "#", 3, 1);
    fputc(' ', out);
    jz_text_pad(out, L(o, "Maatregel", "Measure"), NAMEW, 0);
    jz_text_pad(out, L(o, "Zeker", "Certain"), MONW, 1);
    jz_text_pad(out, L(o, "Onzeker", "Uncertain"), MONW, 1);
    jz_text_pad(out, L(o, "Alleen", "Alone"), MONW, 1);
    jz_text_pad(out, L(o, "Wisselwerking", "Interaction"), MONW, 1);
    jz_text_pad(out, L(o, "Tabelbedrag", "Table amount"), MONW, 1);
    fputc('\n', out);
    for (int r = 0; r < a->n; r++) {
        const jz_measure_attr *t = &a->attr[a->order[r]];
        const jz_measure *m = &s->measures[t->index];
        fprintf(out, "%3d ", t->rank);
        label(out, m, NAMEW);
        money(out, t->certain_total, o);
        money(out, t->uncertain_total, o);
        money(out, t->standalone_total, o);
        money(out, t->net_total - t->standalone_total, o);
        if (m->type == JZ_MEASURE_HA)
            money(out, t->table_total, o);
        else
            jz_text_pad(out, "-", MONW, 1);
        fputc('\n', out);
    }
    fprintf(out, "%s\n",
            L(o, "Alleen = netto besparing van de maatregel zonder de andere; wisselwerking = netto - alleen.\n"
                 "Tabelbedrag = Hervormingsagenda zoals opgegeven (voor realisatie en wat al in de basis zit).",
              "Alone = net saving of the measure without the others; interaction = net - alone.\n"
              "Table amount = Hervormingsagenda as given (before realisation and what is in the baseline)."));
}

static void per_year(FILE *out, const jz_scenario *s, const jz_measures_analysis *a,
                     const jz_report_options *o)
{
    char buf[32];
    int H = a->horizon;
    for (int y0 = 0; y0 < H; y0 += YEARS_PER_BLOCK) {
        int y1 = y0 + YEARS_PER_BLOCK < H ? y0 + YEARS_PER_BLOCK : H;
        fprintf(out, "\n%s\n", L(o, "Netto besparing per jaar", "Net saving per year"));
        jz_text_pad(out, L(o, "Maatregel", "Measure"), NAMEW + 4, 0);
        for (int y = y0; y < y1; y++) {
            snprintf(buf, sizeof buf, "%d", a->base_year + y);
            jz_text_pad(out, buf, MONW, 1);
        }
        fputc('\n', out);
        for (int r = 0; r < a->n; r++) {
            const jz_measure_attr *t = &a->attr[a->order[r]];
            fprintf(out, "%3d ", t->rank);
            label(out, &s->measures[t->index], NAMEW);
            for (int y = y0; y < y1; y++)
                money(out, t->net[y], o);
            fputc('\n', out);
        }
        const struct {
            const char *nl, *en;
            const double *v;
        } rows[] = {
            {"Samen", "Together", a->combined},
            {"Som los", "Sum alone", a->sum_standalone},
            {"Wisselwerking", "Interaction", a->interaction},
        };
        for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
            jz_text_pad(out, L(o, rows[k].nl, rows[k].en), NAMEW + 4, 0);
            for (int y = y0; y < y1; y++)
                money(out, rows[k].v[y], o);
            fputc('\n', out);
        }
    }
}

static void package(FILE *out, const jz_measures_analysis *a, const jz_report_options *o)
{
    fprintf(out, "\n%s\n", L(o, "Het pakket: tekort zonder en met alle maatregelen",
                             "The package: deficit without and with all measures"));
    jz_text_pad(out, L(o, "Jaar", "Year"), 6, 0);
    jz_text_pad(out, L(o, "Tekort zonder", "Deficit w/o"), MONW + 1, 1);
    jz_text_pad(out, L(o, "Tekort met", "Deficit with"), MONW + 1, 1);
    jz_text_pad(out, L(o, "Effect samen", "Together"), MONW + 1, 1);
    jz_text_pad(out, L(o, "Som los", "Sum alone"), MONW + 1, 1);
    jz_text_pad(out, L(o, "Wisselwerking", "Interaction"), MONW + 1, 1);
    fputc('\n', out);
    for (int y = 0; y < a->horizon; y++) {
        fprintf(out, "%-6d", a->base_year + y);
        const double v[] = {a->tekort_without[y], a->tekort_with[y], a->combined[y],
                            a->sum_standalone[y], a->interaction[y]};
        for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) {
            fputc(' ', out);
            money(out, v[k], o);
        }
        fputc('\n', out);
    }
}

int jz_rep_measures_table(FILE *out, const jz_report_subject *x, const jz_report_options *o, jz_error *err)
{
    const jz_scenario *s = x->scenario;
    const jz_measures_analysis *a = x->measures;
    int H = a->horizon;
    const char *who = a->gemeente >= 0        ? s->gemeenten[a->gemeente].name
                      : s->n_gemeenten == 1   ? s->gemeenten[0].name
                                              : L(o, "alle gemeenten", "all gemeenten");
    fprintf(out, "%s: %s (%s), %d-%d\n", L(o, "Maatregelen", "Measures"), s->meta.name, who,
            a->base_year, a->base_year + H - 1);
    int nl = o->lang == JZ_LANG_NL;
    if (a->n_local == 0)
        fprintf(out, "%s (%ld)\n", L(o, "Toerekening: alleen Hervormingsagenda, vaste bedragen; doorrekeningen",
                                      "Attribution: Hervormingsagenda only, fixed amounts; model runs"),
                a->runs);
    else if (a->exact && nl)
        fprintf(out, "Toerekening: exacte Shapley-waarden over %d lokale maatregelen (%ld doorrekeningen).\n",
                a->n_local, a->runs);
    else if (a->exact)
        fprintf(out, "Attribution: exact Shapley values over %d local measures (%ld model runs).\n",
                a->n_local, a->runs);
    else if (nl)
        fprintf(out, "Toerekening: GESCHAT met %d willekeurige volgordes (startgetal %lu) over %d lokale\n"
                     "maatregelen (%ld doorrekeningen); exact kan tot %d maatregelen.\n",
                a->samples, a->seed, a->n_local, a->runs, JZ_MEASURES_EXACT_MAX);
    else
        fprintf(out, "Attribution: ESTIMATED from %d random orders (seed %lu) over %d local measures\n"
                     "(%ld model runs); exact up to %d measures.\n",
                a->samples, a->seed, a->n_local, a->runs, JZ_MEASURES_EXACT_MAX);
    char rate[32];
    jz_format_number(rate, sizeof rate, a->discount_rate * 100.0, 1, o->lang);
    if (nl)
        fprintf(out, "Beoordeling over %d jaar (%d-%d) met %s%% disconto per jaar; de begroting loopt t/m %d.\n"
                     "Hervormingsagenda: vaste bedragen, zonder wisselwerking. Bedragen in euro's van elk jaar;\n"
                     "een besparing is positief.\n",
                a->judge_horizon, a->base_year, a->base_year + a->judge_horizon - 1, rate, a->base_year + H - 1);
    else
        fprintf(out, "Judged over %d years (%d-%d) at a discount rate of %s%% a year; the budget runs to %d.\n"
                     "Hervormingsagenda: fixed amounts, no interaction. Amounts in euros of each year;\n"
                     "a saving is positive.\n",
                a->judge_horizon, a->base_year, a->base_year + a->judge_horizon - 1, rate, a->base_year + H - 1);
    ranking(out, s, a, o);
    investment(out, s, a, o);
    regional(out, s, a, o);
    by_gemeente(out, s, a, o);
    certainty(out, s, a, o);
    per_year(out, s, a, o);
    package(out, a, o);
    if (ferror(out))
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "cannot write the table");
    return JZ_OK;
}
