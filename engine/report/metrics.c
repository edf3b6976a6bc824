/*
 * metrics.c - the one list of figures that reporters can show, with the one
 * Dutch and the one English name of each.
 *
 * Adding a result array to jz_result and a row here makes it appear in CSV
 * and JSON with the same key; docs/output-format.md lists the keys.  Every
 * reporter names a figure from here (the comparison's figures and the Monte
 * Carlo figures are found by key), so a figure is called the same in every
 * output; a terminal table may use the shortened column heading of the
 * same row (GEMC: nl and en heading after the kind).
 */
#include <stddef.h>
#include <assert.h>
#include <string.h>

#include "jzsim/regio.h"
#include "jzsim/report.h"

#define CELL(k, nl, en, kind, field) {k, nl, en, NULL, NULL, kind, JZ_LEVEL_CELL, offsetof(jz_result, field)}
#define GEM(k, nl, en, kind, field) {k, nl, en, NULL, NULL, kind, JZ_LEVEL_GEMEENTE, offsetof(jz_result, field)}
#define GEMC(k, nl, en, kind, cnl, cen, field) \
    {k, nl, en, cnl, cen, kind, JZ_LEVEL_GEMEENTE, offsetof(jz_result, field)}
/* a figure of a comparison with no array in jz_result (engine/analysis/compare.c) */
#define CMPC(k, nl, en, kind, cnl, cen) {k, nl, en, cnl, cen, kind, JZ_LEVEL_GEMEENTE, JZ_METRIC_DERIVED}

const jz_metric jz_metrics[] = {
    GEMC("start", "In zorg 1/1", "In care 1 Jan", JZ_KIND_COUNT, NULL, NULL, g_start),
    GEMC("end", "In zorg 31/12", "In care 31 Dec", JZ_KIND_COUNT, NULL, NULL, g_end),
    GEMC("instroom", "Instroom", "Inflow", JZ_KIND_COUNT, NULL, NULL, g_instroom),
    GEMC("uitstroom", "Uitstroom", "Outflow", JZ_KIND_COUNT, NULL, NULL, g_uitstroom),
    /* not persons: a youth in two zorgsoorten counts in each (docs/model.md section 8) */
    GEMC("unique_clients", "Unieke cliënten, zorgsoorten opgeteld", "Unique clients, care types added up",
         JZ_KIND_COUNT, "Uniek", "Unique", g_unique),
    GEMC("client_years", "Cliëntjaren", "Client-years", JZ_KIND_YEARS, NULL, NULL, g_client_years),
    GEM("care_cost", "Kosten zorg", "Care cost", JZ_KIND_MONEY, g_care_cost),
    GEM("care_budget", "Begroting zorg", "Care budget", JZ_KIND_MONEY, g_care_budget),
    GEM("care_tekort", "Tekort zorg", "Care deficit", JZ_KIND_MONEY, g_care_tekort),
    GEM("fixed_cost", "Vaste lasten", "Fixed cost", JZ_KIND_MONEY, g_fixed_cost),
    GEM("fixed_budget", "Begroting vaste lasten", "Fixed budget", JZ_KIND_MONEY, g_fixed_budget),
    GEMC("cost", "Kosten totaal", "Total cost", JZ_KIND_MONEY, "Kosten", "Cost", g_cost),
    GEMC("budget", "Begroting totaal", "Total budget", JZ_KIND_MONEY, "Begroting", "Budget", g_budget),
    GEMC("tekort", "Tekort", "Deficit", JZ_KIND_MONEY, NULL, NULL, g_tekort),
    GEMC("dec_tariff", "Tariefgat", "Tariff gap", JZ_KIND_MONEY, NULL, NULL, g_dec_tariff),
    GEMC("dec_external", "Externe verschuivingen", "External shifts", JZ_KIND_MONEY, "Verschuivingen", "Ext. shifts",
         g_dec_external),
    GEMC("dec_volume", "Volume", "Volume", JZ_KIND_MONEY, NULL, NULL, g_dec_volume),
    GEMC("dec_intensity", "Zorgzwaarte", "Intensity", JZ_KIND_MONEY, NULL, NULL, g_dec_intensity),
    GEMC("dec_start", "Startverschil", "Starting gap", JZ_KIND_MONEY, NULL, NULL, g_dec_start),
    GEMC("niet_beinvloedbaar", "Niet-beïnvloedbaar tekort", "Non-influenceable deficit", JZ_KIND_MONEY,
         "Niet-beïnvl.", "Non-infl.", g_niet_beinvloedbaar),
    GEMC("beinvloedbaar", "Beïnvloedbaar tekort", "Influenceable deficit", JZ_KIND_MONEY, "Beïnvloedbaar",
         "Influenceable", g_beinvloedbaar),
    GEMC("ha_savings", "Besparing Hervormingsagenda", "Hervormingsagenda savings", JZ_KIND_MONEY, "HA-besparing",
         "HA savings", g_ha_savings),
    GEMC("ha_savings_certain", "Besparing Hervormingsagenda, zeker deel", "Hervormingsagenda savings, certain part",
         JZ_KIND_MONEY, "HA zeker", "HA certain", g_ha_savings_certain),
    GEMC("ha_savings_spread", "Besparing Hervormingsagenda, verdeeld naar kosten",
         "Hervormingsagenda savings, spread by cost", JZ_KIND_MONEY, "HA verdeeld", "HA spread",
         g_ha_savings_spread),
    GEMC("measure_investment", "Investering maatregelen", "Investment in measures", JZ_KIND_MONEY, "Investering",
         "Investment", g_measure_investment),
    CMPC("fixed_tekort", "Tekort vaste lasten", "Fixed cost deficit", JZ_KIND_MONEY, "Tekort vast", "Fixed def."),
    GEMC("cost_without_measures", "Kosten zonder maatregelen", "Cost without measures", JZ_KIND_MONEY,
         "Zonder maatr.", "W/o measures", g_cost_without_measures),
    GEMC("measure_saving", "Besparing maatregelen, na investering", "Savings of measures, net of investment",
         JZ_KIND_MONEY, "Netto besp.", "Net savings", g_measure_saving),
    CMPC("other_assumptions", "Lager tekort door andere aannames", "Lower deficit from other assumptions",
         JZ_KIND_MONEY, "Andere aann.", "Other assump."),
    /* the verschillenanalyse (jzsim/verschil.h): a cost difference split
     * into price, volume and other, per zorgsoort */
    CMPC("verschil", "Verschil in kosten", "Difference in cost", JZ_KIND_MONEY, "Verschil", "Difference"),
    CMPC("verschil_prijs", "Prijseffect", "Price effect", JZ_KIND_MONEY, "Prijs", "Price"),
    CMPC("verschil_volume", "Volume-effect", "Volume effect", JZ_KIND_MONEY, "Volume", "Volume"),
    CMPC("verschil_overig", "Overig verschil", "Other difference", JZ_KIND_MONEY, "Overig", "Other"),
    CMPC("verschil_buiten", "Kosten buiten de zorgsoorten", "Cost outside the care types", JZ_KIND_MONEY,
         "Buiten zorgsoorten", "Outside care types"),
    GEMC("rijksbijdrage", "Rijksbijdrage", "National contribution", JZ_KIND_MONEY, NULL, "Contribution",
         g_rijksbijdrage),
    GEMC("tekort_rijk", "Tekort t.o.v. Rijksbijdrage", "Deficit vs national contribution", JZ_KIND_MONEY,
         "Tekort/Rijk", "Deficit/Rijk", g_tekort_rijk),
    GEMC("cost_per_client", "Kosten per cliënt", "Cost per client", JZ_KIND_PRICE, "Per cliënt", "Per client",
         g_cost_per_client),
    GEM("in_transit", "Onderweg tussen zorgsoorten", "In transit between care types", JZ_KIND_COUNT, g_in_transit),
    GEM("reentry_pool", "Wacht op herinstroom", "Waiting to re-enter", JZ_KIND_COUNT, g_reentry_pool),
    GEM("left_care", "Uit zorg (cumulatief)", "Left care (cumulative)", JZ_KIND_COUNT, g_left_care),

    CELL("start", "In zorg 1/1", "In care 1 Jan", JZ_KIND_COUNT, start),
    CELL("end", "In zorg 31/12", "In care 31 Dec", JZ_KIND_COUNT, end),
    CELL("unique", "Unieke cliënten", "Unique clients", JZ_KIND_COUNT, unique),
    CELL("client_years", "Cliëntjaren", "Client-years", JZ_KIND_YEARS, client_years),
    CELL("instroom", "Instroom", "Inflow", JZ_KIND_COUNT, instroom),
    CELL("instroom_ext", "Instroom nieuw", "New inflow", JZ_KIND_COUNT, instroom_ext),
    CELL("instroom_transfer", "Instroom uit andere zorgsoort", "Inflow from other care", JZ_KIND_COUNT, instroom_transfer),
    CELL("instroom_reentry", "Herinstroom", "Re-entry", JZ_KIND_COUNT, instroom_reentry),
    CELL("uitstroom", "Uitstroom", "Outflow", JZ_KIND_COUNT, uitstroom),
    CELL("uit_transfer", "Uitstroom naar andere zorgsoort", "Outflow to other care", JZ_KIND_COUNT, uit_transfer),
    CELL("uit_reentry", "Uitstroom, later terug", "Outflow, returns later", JZ_KIND_COUNT, uit_reentry),
    CELL("uit_aged_out", "Uitstroom 18 jaar", "Outflow at 18", JZ_KIND_COUNT, uit_aged_out),
    CELL("uit_out", "Uitstroom uit zorg", "Outflow out of care", JZ_KIND_COUNT, uit_out),
    CELL("price", "Prijs per cliëntjaar", "Price per client-year", JZ_KIND_PRICE, price),
    CELL("care_cost", "Kosten cliënten", "Cost of projected clients", JZ_KIND_MONEY, care_cost),
    CELL("cost", "Kosten", "Cost", JZ_KIND_MONEY, cost),
    CELL("budget_volume", "Begroot volume", "Budgeted volume", JZ_KIND_YEARS, budget_volume),
    CELL("budget_price", "Begrote prijs", "Budgeted price", JZ_KIND_PRICE, budget_price),
    CELL("budget", "Begroting", "Budget", JZ_KIND_MONEY, budget),
    CELL("tekort", "Tekort", "Deficit", JZ_KIND_MONEY, tekort),
    CELL("ha_saving", "Besparing Hervormingsagenda", "Hervormingsagenda savings", JZ_KIND_MONEY, ha_saving),
    CELL("cost_per_client", "Kosten per cliënt", "Cost per client", JZ_KIND_PRICE, cost_per_client),
    CELL("ext_client_years", "Cliëntjaren externe verschuiving", "Client-years of external shifts", JZ_KIND_YEARS, ext_client_years),
    CELL("ext_cost", "Kosten externe verschuiving", "Cost of external shifts", JZ_KIND_MONEY, ext_cost),
    CELL("ext_budget", "Compensatie externe verschuiving", "Compensation for external shifts", JZ_KIND_MONEY, ext_budget),
    CELL("dec_tariff", "Tariefgat", "Tariff gap", JZ_KIND_MONEY, dec_tariff),
    CELL("dec_external", "Externe verschuivingen", "External shifts", JZ_KIND_MONEY, dec_external),
    CELL("dec_volume", "Volume", "Volume", JZ_KIND_MONEY, dec_volume),
    CELL("dec_intensity", "Zorgzwaarte", "Intensity", JZ_KIND_MONEY, dec_intensity),
    CELL("dec_start", "Startverschil", "Starting gap", JZ_KIND_MONEY, dec_start),
    {NULL, NULL, NULL, NULL, NULL, JZ_KIND_COUNT, JZ_LEVEL_CELL, 0}};

const jz_metric *jz_metric_find(const char *key, jz_metric_level level)
{
    for (const jz_metric *m = jz_metrics; m->key; m++)
        if (m->level == level && strcmp(m->key, key) == 0)
            return m;
    for (const jz_metric *m = jz_regio_metrics; m->key; m++)
        if (m->level == level && strcmp(m->key, key) == 0)
            return m;
    for (const jz_metric *m = jz_contract_metrics; m->key; m++)
        if (m->level == level && strcmp(m->key, key) == 0)
            return m;
    for (const jz_metric *m = jz_regio_compare_metrics; m->key; m++)
        if (m->level == level && strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const jz_metric *jz_metric_beyond_care(int i)
{
    static const char *const keys[] = {
#define KEY_(field, key) key,
        JZ_RESULT_COST_BEYOND_CARE_LINES(KEY_)
#undef KEY_
    };
    _Static_assert(sizeof keys / sizeof keys[0] == JZ_RESULT_N_COST_BEYOND_CARE, "one key per line");
    const jz_metric *m = i >= 0 && i < JZ_RESULT_N_COST_BEYOND_CARE ? jz_metric_find(keys[i], JZ_LEVEL_GEMEENTE) : NULL;
    assert(m); /* every line is a metric of a gemeente (test_regio checks it) */
    return m;
}

const char *jz_metric_label(const jz_metric *m, jz_lang lang)
{
    return lang == JZ_LANG_NL ? m->label_nl : m->label_en;
}

const char *jz_metric_column(const jz_metric *m, jz_lang lang)
{
    const char *c = lang == JZ_LANG_NL ? m->col_nl : m->col_en;
    return c ? c : jz_metric_label(m, lang);
}

/* The figures of a verevening (jzsim/regio.h): CSV and JSON add them for a
 * scenario that has one (jz_regio_metrics_shown), so the outputs of every
 * other scenario stay as they were. */
const jz_metric jz_regio_metrics[] = {
    GEMC("verevening_eigen", "Eigen gebruik verevende zorg", "Own use of pooled care", JZ_KIND_MONEY,
         "Eigen gebruik", "Own use", g_verevening_eigen),
    /* JZ_KIND_YEARS: a fraction, shown with decimals (the regional table shows it as a percent) */
    GEMC("verevening_sleutel", "Aandeel in de verdeelsleutel", "Share of the key", JZ_KIND_YEARS, "Sleutel", "Key",
         g_verevening_sleutel),
    GEMC("verevening_aandeel", "Betaald aandeel verevende zorg", "Share paid of pooled care", JZ_KIND_MONEY,
         "Betaald", "Paid", g_verevening_aandeel),
    GEMC("verevening", "Verevening (regio)", "Regional pooling", JZ_KIND_MONEY, "Verevening", "Pooling",
         g_verevening),
    {NULL, NULL, NULL, NULL, NULL, 0, 0, 0}};

int jz_regio_metrics_shown(const jz_scenario *s)
{
    return s && s->regio && s->regio->has_verevening;
}

/* The figures of the contracts with a lumpsum (jzsim/regio.h), summed over
 * a gemeente's contracts: CSV and JSON add them for a scenario that has one
 * (jz_contract_metrics_shown). */
const jz_metric jz_contract_metrics[] = {
    GEMC("contract_eigen", "Prijs x volume gecontracteerde zorg", "Price x volume of contracted care", JZ_KIND_MONEY,
         "P x V contract", "P x V contract", g_contract_eigen),
    GEMC("contract_aandeel", "Aandeel in de lumpsum", "Share of the lumpsum", JZ_KIND_MONEY, "Lumpsum", "Lumpsum",
         g_contract_aandeel),
    GEMC("contract", "Lumpsumcontract (regio)", "Regional lumpsum", JZ_KIND_MONEY, "Contract", "Contract",
         g_contract),
    {NULL, NULL, NULL, NULL, NULL, 0, 0, 0}};

int jz_contract_metrics_shown(const jz_scenario *s)
{
    return s && s->regio && s->regio->n_contracts > 0;
}

/* The gemeenten side by side (regio_table.c): CSV and JSON of a run add
 * them for a scenario with more than one gemeente.  JZ_KIND_YEARS marks a
 * fraction (shown as a percent in the regional table). */
const jz_metric jz_regio_compare_metrics[] = {
    GEMC("cost_per_youth", "Kosten per jeugdige (0-17)", "Cost per youth (0-17)", JZ_KIND_PRICE, "Per jeugdige",
         "Per youth", g_cost_per_youth),
    GEMC("clients_per_youth", "Cliënten per jeugdige (unieke cliënten, zorgsoorten opgeteld / jeugdigen 0-17)",
         "Clients per youth (unique clients, care types added up / youth 0-17)", JZ_KIND_YEARS, "Cl./jeugd.",
         "Cl./youth", g_clients_per_youth),
    GEMC("tekort_per_youth", "Tekort per jeugdige (0-17)", "Deficit per youth (0-17)", JZ_KIND_PRICE,
         "Tekort/jeugd.", "Deficit/youth", g_tekort_per_youth),
    GEMC("beinvloedbaar_share", "Beïnvloedbaar deel van het tekort", "Influenceable part of the deficit",
         JZ_KIND_YEARS, "Beïnvl. deel", "Infl. part", g_beinvloedbaar_share),
    /* issue 16: the tekort per inhabitant and the inhabitants it divides
     * by (NaN, shown as n.b. / null, for a gemeente without them) */
    GEMC("tekort_per_inhabitant", "Tekort per inwoner", "Deficit per inhabitant", JZ_KIND_PRICE, "Tekort/inw.",
         "Deficit/inh.", g_tekort_per_inhabitant),
    GEMC("inhabitants", "Inwoners (1 januari)", "Inhabitants (1 January)", JZ_KIND_COUNT, "Inwoners",
         "Inhabitants", g_inhabitants),
    {NULL, NULL, NULL, NULL, NULL, 0, 0, 0}};
