/*
 * measures_fields.c - the named figures of `jzsim measures` shared by
 * measures_csv.c and measures_json.c (see measures_fields.h).
 */
#include "report/measures_fields.h"

/* The effect as the reports name it: the word a scenario writes (`effect:
 * instroom`, docs/measures.md); the loader reads these words, the reports
 * write them (tests/test_measures.c checks that they agree). */
const char *jz_effect_name(int effect)
{
    static const char *const names[JZ_EFFECT_N] = {
        [JZ_EFFECT_INSTROOM] = "instroom",         [JZ_EFFECT_ZORGDUUR] = "zorgduur",
        [JZ_EFFECT_EXIT_AFTER] = "exit_after",     [JZ_EFFECT_SUBSTITUTION] = "substitution",
        [JZ_EFFECT_TARIFF] = "tariff",             [JZ_EFFECT_DIVERSION] = "diversion",
        [JZ_EFFECT_LUMPSUM] = "lumpsum"};
    return effect >= 0 && effect < JZ_EFFECT_N && names[effect] ? names[effect] : "";
}

void jz_mf_series_of(const jz_measure_attr *t, jz_mf_series out[JZ_MF_N_SERIES])
{
    const jz_mf_series s[JZ_MF_N_SERIES] = {
        {"net_saving", t->net},       {"saving", t->gross},
        {"investment", t->investment}, {"certain", t->certain},
        {"standalone_net_saving", t->standalone}, {"table_amount", t->table},
    };
    for (int i = 0; i < JZ_MF_N_SERIES; i++)
        out[i] = s[i];
}

void jz_mf_totals_of(const jz_measure_attr *t, jz_mf_total out[JZ_MF_N_TOTALS])
{
    const jz_mf_total s[JZ_MF_N_TOTALS] = {
        {"net_saving", t->net_total},
        {"saving", t->gross_total},
        {"investment", t->investment_total},
        {"certain", t->certain_total},
        {"uncertain", t->uncertain_total},
        {"standalone_net_saving", t->standalone_total},
        {"interaction", t->net_total - t->standalone_total},
        {"table_amount", t->table_total},
        {"judge_net_saving", t->judge_total},
        {"npv", t->npv},
        {"structural_saving", t->structural},
    };
    for (int i = 0; i < JZ_MF_N_TOTALS; i++)
        out[i] = s[i];
}

void jz_mf_package_of(const jz_measures_analysis *a, jz_mf_series out[JZ_MF_N_PACKAGE])
{
    const jz_mf_series s[JZ_MF_N_PACKAGE] = {
        {"net_saving", a->combined},     {"sum_standalone_net_saving", a->sum_standalone},
        {"interaction", a->interaction}, {"cost_without", a->cost_without},
        {"cost_with", a->cost_with},     {"tekort_without", a->tekort_without},
        {"tekort_with", a->tekort_with},
    };
    for (int i = 0; i < JZ_MF_N_PACKAGE; i++)
        out[i] = s[i];
}
