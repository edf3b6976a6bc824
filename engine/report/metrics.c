/*
 * metrics.c - the one list of figures that reporters can show.
 *
 * Adding a result array to jz_result and a row here makes it appear in CSV
 * and JSON with the same key; docs/output-format.md lists the keys.
 */
#include <stddef.h>

#include "jzsim/report.h"

#define CELL(k, nl, en, kind, field) {k, nl, en, kind, JZ_LEVEL_CELL, offsetof(jz_result, field)}
#define GEM(k, nl, en, kind, field) {k, nl, en, kind, JZ_LEVEL_GEMEENTE, offsetof(jz_result, field)}

const jz_metric jz_metrics[] = {
    GEM("start", "In zorg 1/1", "In care 1 Jan", JZ_KIND_COUNT, g_start),
    GEM("end", "In zorg 31/12", "In care 31 Dec", JZ_KIND_COUNT, g_end),
    GEM("instroom", "Instroom", "Inflow", JZ_KIND_COUNT, g_instroom),
    GEM("uitstroom", "Uitstroom", "Outflow", JZ_KIND_COUNT, g_uitstroom),
    GEM("unique_clients", "Unieke cliënten", "Unique clients", JZ_KIND_COUNT, g_unique),
    GEM("client_years", "Cliëntjaren", "Client-years", JZ_KIND_YEARS, g_client_years),
    GEM("care_cost", "Kosten zorg", "Care cost", JZ_KIND_MONEY, g_care_cost),
    GEM("care_budget", "Begroting zorg", "Care budget", JZ_KIND_MONEY, g_care_budget),
    GEM("care_tekort", "Tekort zorg", "Care deficit", JZ_KIND_MONEY, g_care_tekort),
    GEM("fixed_cost", "Vaste lasten", "Fixed cost", JZ_KIND_MONEY, g_fixed_cost),
    GEM("fixed_budget", "Begroting vaste lasten", "Fixed budget", JZ_KIND_MONEY, g_fixed_budget),
    GEM("cost", "Kosten totaal", "Total cost", JZ_KIND_MONEY, g_cost),
    GEM("budget", "Begroting totaal", "Total budget", JZ_KIND_MONEY, g_budget),
    GEM("tekort", "Tekort", "Deficit", JZ_KIND_MONEY, g_tekort),
    GEM("dec_tariff", "Tekort: tarief (niet-beïnvloedbaar)", "Deficit: tariff gap (not influenceable)", JZ_KIND_MONEY, g_dec_tariff),
    GEM("dec_external", "Tekort: externe verschuiving (niet-beïnvloedbaar)", "Deficit: external shifts (not influenceable)", JZ_KIND_MONEY, g_dec_external),
    GEM("dec_volume", "Tekort: volume (beïnvloedbaar)", "Deficit: volume (influenceable)", JZ_KIND_MONEY, g_dec_volume),
    GEM("dec_intensity", "Tekort: intensiteit en mix (beïnvloedbaar)", "Deficit: intensity and mix (influenceable)", JZ_KIND_MONEY, g_dec_intensity),
    GEM("niet_beinvloedbaar", "Tekort niet-beïnvloedbaar", "Deficit not influenceable", JZ_KIND_MONEY, g_niet_beinvloedbaar),
    GEM("beinvloedbaar", "Tekort beïnvloedbaar", "Deficit influenceable", JZ_KIND_MONEY, g_beinvloedbaar),
    GEM("ha_savings", "Besparing Hervormingsagenda", "Reform agenda savings", JZ_KIND_MONEY, g_ha_savings),
    GEM("ha_savings_certain", "Besparing Hervormingsagenda, zeker", "Reform agenda savings, certain", JZ_KIND_MONEY, g_ha_savings_certain),
    GEM("measure_investment", "Investering maatregelen", "Investment in measures", JZ_KIND_MONEY, g_measure_investment),
    GEM("rijksbijdrage", "Rijksbijdrage", "National contribution", JZ_KIND_MONEY, g_rijksbijdrage),
    GEM("tekort_rijk", "Tekort t.o.v. Rijksbijdrage", "Deficit vs national contribution", JZ_KIND_MONEY, g_tekort_rijk),
    GEM("cost_per_client", "Kosten per cliënt", "Cost per client", JZ_KIND_PRICE, g_cost_per_client),
    GEM("in_transit", "Onderweg tussen zorgsoorten", "In transit between care types", JZ_KIND_COUNT, g_in_transit),
    GEM("reentry_pool", "Wacht op herinstroom", "Waiting to re-enter", JZ_KIND_COUNT, g_reentry_pool),
    GEM("left_care", "Uit zorg (cumulatief)", "Left care (cumulative)", JZ_KIND_COUNT, g_left_care),

    CELL("start", "Begin jaar", "Start of year", JZ_KIND_COUNT, start),
    CELL("end", "Eind jaar", "End of year", JZ_KIND_COUNT, end),
    CELL("unique", "Uniek (actief in jaar)", "Unique (active in year)", JZ_KIND_COUNT, unique),
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
    CELL("cost_per_client", "Kosten per cliënt", "Cost per client", JZ_KIND_PRICE, cost_per_client),
    CELL("ext_client_years", "Cliëntjaren externe verschuiving", "Client-years of external shifts", JZ_KIND_YEARS, ext_client_years),
    CELL("ext_cost", "Kosten externe verschuiving", "Cost of external shifts", JZ_KIND_MONEY, ext_cost),
    CELL("ext_budget", "Compensatie externe verschuiving", "Compensation for external shifts", JZ_KIND_MONEY, ext_budget),
    CELL("dec_tariff", "Tekort: tarief", "Deficit: tariff gap", JZ_KIND_MONEY, dec_tariff),
    CELL("dec_external", "Tekort: extern", "Deficit: external", JZ_KIND_MONEY, dec_external),
    CELL("dec_volume", "Tekort: volume", "Deficit: volume", JZ_KIND_MONEY, dec_volume),
    CELL("dec_intensity", "Tekort: intensiteit", "Deficit: intensity", JZ_KIND_MONEY, dec_intensity),
    {NULL, NULL, NULL, JZ_KIND_COUNT, JZ_LEVEL_CELL, 0}};
