/*
 * schema_types.c - the value type of every key in the loader's key tables.
 *
 * One row per (table, key): what the loader reads there (load.c,
 * load_measures.c, unc_parse.c, unc_corr.c, inputs.c).  Units are the
 * loader's jz_unit, so the ranges in the schema are jz_unit_range's.  A row
 * for a key the table lacks, or a key without a row, makes jzsim-gen-schema
 * fail (and with it the build of docs/scenario.schema.json and its test).
 */
#include <stddef.h>

#include "jzsim/scenario.h"
#include "scenario/measure_build.h"
#include "scenario/schema_types.h"
#include "scenario/value.h"

const jz_key_table *jz_schema_tables(size_t *n)
{
    static jz_key_table t[] = {
        {"top", jz_keys_top, "a scenario file"},
        {"meta", jz_keys_meta, "meta"},
        {"indexation", jz_keys_indexation, "indexation"},
        {"zorgsoort", jz_keys_zorgsoort, "an item of zorgsoorten"},
        {"cell", jz_keys_cell, "gemeenten[].zorg.<zorgsoort key>"},
        {"gemeente", jz_keys_gemeente, "an item of gemeenten"},
        {"population", jz_keys_population, "gemeenten[].population"},
        {"fixed", jz_keys_fixed, "an item of gemeenten[].fixed_costs"},
        {"instroom", jz_keys_instroom, "instroom as a map"},
        {"cost", jz_keys_cost, "cost as tariff x units"},
        {"budget", jz_keys_budget, "budget"},
        {"reentry", jz_keys_reentry, "reentry"},
        {"ageing", jz_keys_ageing, "ageing"},
        {"financing", jz_keys_financing, "financing"},
        {"external", jz_keys_external, "an item of gemeenten[].external_shifts"},
        {"bron", jz_keys_bron, "an item of bronnen"},
        {"measure_ha", jz_keys_measure_ha, "a measure of type hervormingsagenda"},
        {"measure_local", jz_keys_measure_local, "a measure of type local"},
        {"uncertainty", NULL, "uncertainty"},
        {"correlation", NULL, "an item of uncertainty.correlations"},
        {"begroting", jz_keys_begroting, "gemeenten[].begroting"},
        {"mixture", jz_keys_mixture, "zorgsoorten[].mixture"},
        {"regio", jz_keys_regio, "regio"},
        {"verevening", jz_keys_verevening, "regio.verevening"},
        {"sleutel", jz_keys_sleutel, "regio.verevening.sleutel as a mix"},
        {"gebruik", jz_keys_gebruik, "regio.verevening.gebruik"},
        {"drempel", jz_keys_drempel, "regio.verevening.drempel"},
        {"werksessie", jz_keys_werksessie, "werksessie"},
        {"slider", jz_keys_slider, "an item of werksessie.sliders"},
        {"contract", jz_keys_contract, "an item of regio.contracten"},
        {"regional_investment", jz_keys_regional_investment, "measures[].regional_investment"},
    };
    if (!t[18].keys) {
        t[18].keys = jz_unc_section_table(0);
        t[19].keys = jz_unc_section_table(1);
    }
    *n = sizeof t / sizeof t[0];
    return t;
}

#define T(table, key, kind) {table, key, kind, 0, 0, 0, NULL}
#define INT(table, key, lo, hi) {table, key, JZ_T_INT, 0, lo, hi, NULL}
#define NUM(table, key, u) {table, key, JZ_T_NUMBER, u, 0, 0, NULL}
#define SER(table, key, u) {table, key, JZ_T_SERIES, u, 0, 0, NULL}
#define SER_OR(table, key, u, ref) {table, key, JZ_T_SERIES, u, 0, 0, ref}
#define PULSE(table, key, u) {table, key, JZ_T_PULSE, u, 0, 0, NULL}
#define REF(table, key, kind, ref) {table, key, kind, 0, 0, 0, ref}
#define SRC(table) T(table, "source", JZ_T_TEXT), T(table, "bron", JZ_T_TEXT)
#define PLAUS(table) T(table, "plausible", JZ_T_BOOL)

/* A series map by zorgsoort key (transitions) and an HA measure's shares. */
#define BY_ZORGSOORT_FRACTION                                                           \
    "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/series_fraction\"}}"

#define CELL(t)                                                                        \
    NUM(t, "start", JZ_U_COUNT), SER_OR(t, "instroom", JZ_U_COUNT, "instroom"),         \
    SER(t, "zorgduur", JZ_U_MONTHS), SER_OR(t, "cost", JZ_U_MONEY, "cost"),             \
    SER(t, "intensity_trend", JZ_U_RATE), SER(t, "tariff_indexation", JZ_U_RATE),       \
    PULSE(t, "tariff_correction", JZ_U_RATE), REF(t, "financing", JZ_T_MAP, "financing"), \
    REF(t, "budget", JZ_T_MAP, "budget"), REF(t, "transitions", JZ_T_JSON, BY_ZORGSOORT_FRACTION), \
    REF(t, "reentry", JZ_T_MAP, "reentry"), REF(t, "ageing", JZ_T_MAP, "ageing"), PLAUS(t), SRC(t)

#define MEASURE(t)                                                                     \
    T(t, "key", JZ_T_TEXT), T(t, "name", JZ_T_TEXT),                                   \
    REF(t, "type", JZ_T_ENUM, "hervormingsagenda|local"), T(t, "gemeenten", JZ_T_TEXTS), \
    NUM(t, "certain", JZ_U_FRACTION), SRC(t)

static const jz_key_type types[] = {
    REF("top", "meta", JZ_T_MAP, "meta"),
    REF("top", "indexation", JZ_T_MAP, "indexation"),
    REF("top", "zorgsoorten", JZ_T_LIST, "zorgsoort"),
    REF("top", "gemeenten", JZ_T_LIST, "gemeente"),
    REF("top", "measures", JZ_T_JSON, "{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/measure\"}}"),
    REF("top", "uncertainty", JZ_T_MAP, "uncertainty"),
    REF("top", "bronnen", JZ_T_LIST, "bron"), SRC("top"),
    REF("top", "regio", JZ_T_MAP, "regio"),
    REF("top", "werksessie", JZ_T_MAP, "werksessie"),
    REF("werksessie", "sliders", JZ_T_LIST, "slider"), T("werksessie", "source", JZ_T_TEXT),
    T("slider", "input", JZ_T_TEXT), T("slider", "label", JZ_T_TEXT),
    NUM("slider", "low", JZ_UNIT_ANY), NUM("slider", "high", JZ_UNIT_ANY), T("slider", "source", JZ_T_TEXT),

    REF("regio", "verevening", JZ_T_MAP, "verevening"), REF("regio", "contracten", JZ_T_LIST, "contract"),
    SRC("regio"),
    T("contract", "naam", JZ_T_TEXT),
    REF("contract", "zorgsoorten", JZ_T_JSON,
        "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1}]}"),
    SER("contract", "lumpsum", JZ_U_MONEY),
    REF("contract", "sleutel", JZ_T_JSON,
        "{\"anyOf\": [{\"enum\": [\"jeugd\", \"gebruik\", \"tabel\"]}, {\"$ref\": \"#/$defs/sleutel\"}]}"),
    REF("contract", "gebruik", JZ_T_MAP, "gebruik"),
    REF("contract", "tabel", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/number_fraction\"}}"),
    SRC("contract"),
    REF("verevening", "zorgsoorten", JZ_T_JSON,
        "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 1}]}"),
    REF("verevening", "sleutel", JZ_T_JSON,
        "{\"anyOf\": [{\"enum\": [\"jeugd\", \"gebruik\", \"tabel\"]}, {\"$ref\": \"#/$defs/sleutel\"}]}"),
    REF("verevening", "gebruik", JZ_T_MAP, "gebruik"),
    REF("verevening", "tabel", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/number_fraction\"}}"),
    REF("verevening", "drempel", JZ_T_MAP, "drempel"), SRC("verevening"),
    NUM("sleutel", "jeugd", JZ_U_FRACTION), NUM("sleutel", "gebruik", JZ_U_FRACTION),
    NUM("sleutel", "tabel", JZ_U_FRACTION),
    REF("gebruik", "jaren", JZ_T_JSON,
        "{\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 1}]}"),
    REF("gebruik", "cijfers", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"anyOf\": [{\"$ref\": \"#/$defs/number_money\"}, "
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/number_money\"}}]}}"),
    SRC("gebruik"),
    SER("drempel", "bedrag", JZ_U_MONEY), SER("drempel", "per_jeugdige", JZ_U_MONEY), SRC("drempel"),

    T("meta", "name", JZ_T_TEXT), T("meta", "description", JZ_T_TEXT),
    INT("meta", "base_year", 1900, 2200), INT("meta", "horizon", 1, JZ_HORIZON_MAX),
    INT("meta", "steps_per_year", 1, 400), T("meta", "sources", JZ_T_TEXTS), SRC("meta"),
    T("meta", "startverschil_beinvloedbaar", JZ_T_BOOL), INT("meta", "measures_horizon", 1, JZ_HORIZON_MAX),
    INT("meta", "begrotingsjaar", 1900, 2200),
    NUM("meta", "discount_rate", JZ_U_FRACTION),

    SER("indexation", "tariff", JZ_U_RATE), SER("indexation", "budget", JZ_U_RATE),
    PULSE("indexation", "tariff_correction", JZ_U_RATE), SRC("indexation"), PLAUS("indexation"),

    T("zorgsoort", "key", JZ_T_TEXT), T("zorgsoort", "name", JZ_T_TEXT),
    T("zorgsoort", "taakveld", JZ_T_TEXT), INT("zorgsoort", "stages", 1, JZ_STAGES_MAX),
    REF("zorgsoort", "mixture", JZ_T_MAP, "mixture"),
    REF("mixture", "share", JZ_T_JSON, "{\"$ref\": \"#/$defs/number_fraction\"}"),
    REF("mixture", "stages", JZ_T_JSON,
        "{\"type\": \"array\", \"minItems\": 2, \"maxItems\": 2, \"items\": {\"type\": \"integer\", "
        "\"minimum\": 1, \"maximum\": 20}}"),
    REF("mixture", "zorgduur", JZ_T_JSON,
        "{\"type\": \"array\", \"minItems\": 2, \"maxItems\": 2, \"items\": {\"$ref\": "
        "\"#/$defs/number_months\"}}"),
    SRC("mixture"),
    REF("zorgsoort", "population", JZ_T_ENUM, "youth|young_adults"), CELL("zorgsoort"),
    CELL("cell"),

    T("gemeente", "code", JZ_T_TEXT), T("gemeente", "name", JZ_T_TEXT),
    REF("gemeente", "population", JZ_T_MAP, "population"),
    SER("gemeente", "rijksbijdrage", JZ_U_MONEY), REF("gemeente", "fixed_costs", JZ_T_LIST, "fixed"),
    REF("gemeente", "external_shifts", JZ_T_LIST, "external"),
    REF("gemeente", "begroting", JZ_T_MAP, "begroting"),
    REF("begroting", "taakveld", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/series_money\"}}"),
    SER("begroting", "totaal", JZ_U_MONEY), SRC("begroting"),
    REF("gemeente", "zorg", JZ_T_BYNAME, "cell"), SRC("gemeente"),

    SER("population", "youth", JZ_U_COUNT), SER("population", "young_adults", JZ_U_COUNT),
    SER("population", "inhabitants", JZ_U_COUNT),
    SRC("population"), PLAUS("population"),

    T("fixed", "name", JZ_T_TEXT), SER("fixed", "amount", JZ_U_MONEY),
    SER("fixed", "indexation", JZ_U_RATE), SER("fixed", "budget", JZ_U_MONEY), T("fixed", "taakveld", JZ_T_TEXT),
    SRC("fixed"),
    PLAUS("fixed"),

    REF("financing", "mode", JZ_T_ENUM, "volume|lumpsum|population"),
    SER("financing", "amount", JZ_U_MONEY), INT("financing", "from", 1900, 2200), SRC("financing"),

    T("external", "name", JZ_T_TEXT), T("external", "zorgsoort", JZ_T_TEXT),
    SER("external", "client_years", JZ_U_COUNT), SER("external", "cost", JZ_U_MONEY),
    SER("external", "compensation", JZ_U_MONEY), T("external", "in_volume", JZ_T_BOOL),
    SRC("external"),

    SER("instroom", "absolute", JZ_U_COUNT), SER("instroom", "per_1000", JZ_U_PER_1000),
    SER("instroom", "trend", JZ_U_RATE), SRC("instroom"), PLAUS("instroom"),

    SER("cost", "tariff", JZ_U_MONEY), SER("cost", "units_per_year", JZ_U_FACTOR), SRC("cost"),

    SER("budget", "volume", JZ_U_COUNT), SER("budget", "price", JZ_U_MONEY),
    SER("budget", "amount", JZ_U_MONEY), SER("budget", "nominal", JZ_U_MONEY), SRC("budget"),

    SER("reentry", "fraction", JZ_U_FRACTION), INT("reentry", "delay_months", 1, JZ_REENTRY_DELAY_MAX),
    T("reentry", "to", JZ_T_TEXT), SRC("reentry"),

    SER("ageing", "rate", JZ_U_FRACTION), T("ageing", "to", JZ_T_TEXT),
    SER("ageing", "fraction", JZ_U_FRACTION), SRC("ageing"),

    T("bron", "id", JZ_T_TEXT), T("bron", "title", JZ_T_TEXT), T("bron", "publisher", JZ_T_TEXT),
    INT("bron", "year", 1900, 2200), REF("bron", "page", JZ_T_JSON, "{\"type\": [\"string\", \"integer\"]}"),
    T("bron", "table", JZ_T_TEXT), T("bron", "section", JZ_T_TEXT),

    MEASURE("measure_ha"),
    SER("measure_ha", "saving", JZ_UNIT_SIGNED_MONEY), SER("measure_ha", "national", JZ_UNIT_SIGNED_MONEY),
    REF("measure_ha", "share", JZ_T_JSON,
        "{\"anyOf\": [{\"$ref\": \"#/$defs/number_fraction\"}, {\"type\": \"object\", "
        "\"additionalProperties\": {\"$ref\": \"#/$defs/number_fraction\"}}]}"),
    SER("measure_ha", "national_youth", JZ_U_COUNT), SER("measure_ha", "realisation", JZ_U_FRACTION),
    REF("measure_ha", "in_baseline", JZ_T_JSON, "{\"type\": [\"boolean\", \"integer\"]}"),
    REF("measure_ha", "cause", JZ_T_ENUM, "volume|intensity"),
    REF("measure_ha", "zorgsoorten", JZ_T_JSON, BY_ZORGSOORT_FRACTION),

    MEASURE("measure_local"),
    REF("measure_local", "effect", JZ_T_ENUM,
        "instroom|zorgduur|exit_after|substitution|tariff|diversion|lumpsum"),
    T("measure_local", "zorgsoorten", JZ_T_TEXTS), INT("measure_local", "start", 1900, 2200),
    INT("measure_local", "ramp_years", 0, 50), REF("measure_local", "ramp_shape", JZ_T_ENUM, "linear|s_curve"),
    INT("measure_local", "fade_after_years", 0, 100), NUM("measure_local", "fade_years", JZ_U_FACTOR),
    NUM("measure_local", "fade_half_life", JZ_U_FACTOR), NUM("measure_local", "change", JZ_U_RATE),
    NUM("measure_local", "share", JZ_U_FRACTION), NUM("measure_local", "evaluation_months", JZ_U_MONTHS),
    T("measure_local", "from", JZ_T_TEXT), T("measure_local", "to", JZ_T_TEXT),
    SER("measure_local", "service_cost", JZ_U_MONEY), SER("measure_local", "amount", JZ_U_MONEY),
    SER("measure_local", "investment", JZ_U_MONEY),
    REF("measure_local", "weights", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/number_fraction\"}}"),
    REF("measure_local", "regional_investment", JZ_T_MAP, "regional_investment"),
    SER("regional_investment", "amount", JZ_U_MONEY),
    REF("regional_investment", "sleutel", JZ_T_JSON,
        "{\"anyOf\": [{\"enum\": [\"jeugd\", \"gebruik\", \"tabel\"]}, {\"$ref\": \"#/$defs/sleutel\"}]}"),
    REF("regional_investment", "gebruik", JZ_T_MAP, "gebruik"),
    REF("regional_investment", "tabel", JZ_T_JSON,
        "{\"type\": \"object\", \"additionalProperties\": {\"$ref\": \"#/$defs/number_fraction\"}}"),
    SRC("regional_investment"),

    REF("uncertainty", "correlations", JZ_T_LIST, "correlation"), T("uncertainty", "source", JZ_T_TEXT),
    T("correlation", "inputs", JZ_T_TEXTS),
    REF("correlation", "rho", JZ_T_JSON, "{\"type\": \"number\", \"exclusiveMinimum\": -1, \"exclusiveMaximum\": 1}"),
    T("correlation", "source", JZ_T_TEXT),
};

const jz_key_type *jz_schema_types(size_t *n)
{
    *n = sizeof types / sizeof types[0];
    return types;
}
