/*
 * schema.c - key tables of the scenario format and the generic key check.
 *
 * docs/scenario-format.md documents the same keys; a key added here must be
 * documented there (tests/test_scenario.c checks that every key in these
 * tables appears in the document).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/util.h"
#include "jzsim/scenario.h"
#include "scenario/schema.h"
#include "scenario/value.h"

const jz_key jz_keys_top[] = {
    {"meta", 1, "name, base_year and horizon of the scenario"},
    {"indexation", 0, "tariff and budget indexation per year"},
    {"zorgsoorten", 1, "the list of care types"},
    {"gemeenten", 1, "the list of municipalities"},
    {"measures", 0, "the list of measures (Hervormingsagenda and local), see docs/measures.md"},
    {"uncertainty", 0, "correlations between uncertain inputs, see docs/uncertainty.md"},
    {"bronnen", 0, "the list of sources inputs refer to: [{id, title, publisher, year, page, table}]"},
    {"regio", 0, "regional arrangements between the gemeenten, e.g. regio: {verevening: {...}}; see docs/regio.md"},
    {"werksessie", 0, "the sliders of the werksessie page, e.g. werksessie: {sliders: [{input, label, low, high}]}; see docs/werksessie.md"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_meta[] = {
    {"name", 1, "the scenario's name, e.g. name: Enschede basis"},
    {"description", 0, "a sentence on what the scenario assumes"},
    {"base_year", 1, "the first projected year, e.g. base_year: 2022"},
    {"horizon", 1, "the number of projected years, 1 to 50, e.g. horizon: 6"},
    {"steps_per_year", 0, "model steps per year, 1 to 400 (default 12: monthly)"},
    {"sources", 0, "a list of source notes"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {"startverschil_beinvloedbaar", 0, "true (default) or false: whether the base-year gap of a budget given as an amount counts as beinvloedbaar"},
    {"measures_horizon", 0, "years over which measures are judged, e.g. measures_horizon: 10 (default: 10, at least the horizon)"},
    {"begrotingsjaar", 0, "the begroting year of the P&C cycle, e.g. begrotingsjaar: 2027; the reports label the jaarrekening, current, begroting and meerjarenraming years"},
    {"discount_rate", 0, "yearly discount rate for the net present value of measures, e.g. discount_rate: 3% (default 3%)"},
    {NULL, 0, NULL}};

const jz_key jz_keys_indexation[] = {
    {"tariff", 0, "tariff indexation per year, e.g. {2023: 6.5%}"},
    {"budget", 0, "budget indexation per year, e.g. {2023: 5.75%}"},
    {"tariff_correction", 0, "one-off tariff corrections per year the budget does not follow, e.g. {2023: 2%}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {"plausible", 0, "false: accept a rate above its plausibility ceiling (see Plausibility)"},
    {NULL, 0, NULL}};

/* Keys a zorgsoort and a gemeente's override of it share. */
#define CELL_KEYS                                                                   \
    {"start", 0, "clients in care on 1 January of the base year, e.g. start: 1200"}, \
    {"instroom", 0, "starts per year, e.g. instroom: 900 or {per_1000: 30}"},        \
    {"zorgduur", 0, "mean duration of care in months, e.g. zorgduur: 9"},            \
    {"cost", 0, "euros per client-year, e.g. cost: 15k"},                            \
    {"intensity_trend", 0, "yearly change of the cost per client-year beyond indexation"}, \
    {"tariff_indexation", 0, "tariff indexation for this zorgsoort, overriding indexation.tariff"}, \
    {"tariff_correction", 0, "one-off tariff corrections for this zorgsoort, overriding indexation.tariff_correction"}, \
    {"financing", 0, "how it is paid: {mode: lumpsum, amount: 2.1M, from: 2025}"}, \
    {"budget", 0, "the begroting: {volume: client-years, price: euros per client-year}, {amount: euros} or {nominal: euros per year}"}, \
    {"transitions", 0, "fractions of ended care moving to other zorgsoorten, e.g. {residentieel: 5%}"}, \
    {"reentry", 0, "re-entry after ending: {fraction: 11%, delay_months: 12}"},      \
    {"ageing", 0, "turning 18: {rate: 4%, to: verlengde_jeugdzorg, fraction: 40%}"},  \
    {"plausible", 0, "false: accept a rate above its plausibility ceiling"},         \
    {"source", 0, "a source note"},                                                \
    {"bron", 0, "the id of an entry of the bronnen: list"}

const jz_key jz_keys_zorgsoort[] = {
    {"key", 1, "a short identifier, e.g. key: ambulant"},
    {"name", 0, "the display name, e.g. name: Ambulante jeugdhulp"},
    {"taakveld", 0, "the Iv3 taakveld, e.g. taakveld: \"6.72\""},
    {"stages", 0, "Erlang stages of the duration (1 = exponential), e.g. stages: 2"},
    {"mixture", 0, "two duration branches: {share: 62%, stages: [2, 1], zorgduur: [10, 18]}"},
    {"population", 0, "youth (0-17) or young_adults (18-22)"},
    CELL_KEYS,
    {NULL, 0, NULL}};

const jz_key jz_keys_cell[] = {CELL_KEYS, {NULL, 0, NULL}};

const jz_key jz_keys_gemeente[] = {
    {"code", 1, "the CBS code, e.g. code: GM0153"},
    {"name", 1, "the name, e.g. name: Enschede"},
    {"population", 0, "youth population: {youth: ..., young_adults: ...}"},
    {"rijksbijdrage", 0, "the national contribution in euros per year"},
    {"begroting", 0, "a nominal begroting per taakveld or in total: {taakveld: {\"6.72\": {2025: 10.2M}}} or {totaal: {2025: 22.7M}}"},
    {"fixed_costs", 0, "fixed cost lines: [{name: ..., amount: ...}]"},
    {"external_shifts", 0, "costs caused outside the gemeente: [{name, zorgsoort, client_years, cost, compensation}]"},
    {"zorg", 0, "per-zorgsoort values for this gemeente, by zorgsoort key"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_begroting[] = {
    {"taakveld", 0, "the begroting per Iv3 taakveld, nominal euros per year: {\"6.72\": {2025: 10.2M, 2026: 10.5M}}"},
    {"totaal", 0, "the begroting of all zorgsoorten together, nominal euros per year: {2025: 22.7M}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_population[] = {
    {"youth", 0, "persons aged 0-17 per year, e.g. {base: 30100, growth: -0.4%}"},
    {"young_adults", 0, "persons aged 18-22 per year"},
    {"inhabitants", 0, "all inhabitants on 1 January (CBS), per year: the denominator of the tekort per inhabitant"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {"plausible", 0, "false: accept a rate above its plausibility ceiling (see Plausibility)"},
    {NULL, 0, NULL}};

const jz_key jz_keys_fixed[] = {
    {"name", 1, "the line's name, e.g. name: Lokale uitvoering"},
    {"amount", 1, "euros per year in base-year prices, e.g. amount: 12.4M"},
    {"indexation", 0, "the line's own yearly indexation, e.g. 3%"},
    {"budget", 0, "budgeted euros per year (default: equal to the cost)"},
    {"taakveld", 0, "the Iv3 taakveld it is booked on, e.g. taakveld: \"6.1\" (default: none, Overig)"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {"plausible", 0, "false: accept a rate above its plausibility ceiling (see Plausibility)"},
    {NULL, 0, NULL}};

const jz_key jz_keys_financing[] = {
    {"mode", 1, "volume (price x client-years), lumpsum or population"},
    {"amount", 0, "lumpsum: euros per year; population: euros per person of the population group (base-year prices)"},
    {"from", 0, "the first year of this financing (default: the base year)"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_external[] = {
    {"name", 1, "what it is, e.g. name: Woonplaatsbeginsel 2022"},
    {"zorgsoort", 1, "the zorgsoort that pays for it, e.g. zorgsoort: pleegzorg"},
    {"client_years", 1, "extra client-years per year"},
    {"cost", 0, "euros per client-year in base-year prices (default: the zorgsoort's cost)"},
    {"compensation", 0, "nominal euros per year received for it (default 0)"},
    {"in_volume", 0, "true when the client-years are already part of the zorgsoort's projected volume (default false)"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_instroom[] = {
    {"absolute", 0, "starts per year, e.g. absolute: 900"},
    {"per_1000", 0, "starts per 1,000 of the population group per year"},
    {"trend", 0, "autonomous yearly change, e.g. trend: 1%"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {"plausible", 0, "false: accept a rate above its plausibility ceiling (see Plausibility)"},
    {NULL, 0, NULL}};

const jz_key jz_keys_cost[] = {
    {"tariff", 1, "euros per unit (hour, day), e.g. tariff: 85"},
    {"units_per_year", 1, "units per client-year, e.g. units_per_year: 120"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_budget[] = {
    {"volume", 0, "budgeted client-years per year"},
    {"price", 0, "budgeted euros per client-year in base-year prices"},
    {"amount", 0, "budgeted euros per year in base-year prices (instead of volume x price)"},
    {"nominal", 0, "the begroting per year in nominal euros, as in the begroting document, e.g. {2025: 22.7M, 2026: 23.3M}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_mixture[] = {
    {"share", 1, "the share of the starts in the first branch, e.g. share: 62%"},
    {"stages", 1, "the Erlang stages of the two branches, e.g. stages: [2, 1]"},
    {"zorgduur", 1, "the mean duration of the two branches in months, e.g. zorgduur: [10, 18]"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list"},
    {NULL, 0, NULL}};

const jz_key jz_keys_reentry[] = {
    {"fraction", 1, "share of ended care that comes back, e.g. 11%"},
    {"delay_months", 0, "months until it comes back (default 12)"},
    {"to", 0, "the zorgsoort it comes back to (default: the same)"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

const jz_key jz_keys_ageing[] = {
    {"rate", 1, "share of the clients that turns 18 per year, e.g. 4%"},
    {"to", 0, "the zorgsoort that takes over, e.g. verlengde_jeugdzorg"},
    {"fraction", 0, "share of those turning 18 that moves to 'to' (default 100% when 'to' is given)"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: enschede2023"},
    {NULL, 0, NULL}};

/* One rule for every suggestion of a key: edit distance <= 2, or a
 * prefix; no guess on a tie ('jeugd' is as close to jeugdbescherming as to
 * jeugdreclassering and jeugdzorgplus).  The index of the nearest of the n
 * names, n when none is near or on a tie. */
static size_t suggest_at(const char *key, size_t n, const char *(*name)(const void *ctx, size_t i),
                         const void *ctx)
{
    size_t best = n, best_d = 3;
    int tie = 0;
    size_t kl = strlen(key);
    for (size_t i = 0; i < n; i++) {
        const char *k = name(ctx, i);
        size_t d = jz_edit_distance(key, k);
        if (kl >= 3 && strncmp(key, k, kl) == 0)
            d = 1; /* a prefix: "zorgd" -> "zorgduur" */
        if (d < best_d) {
            best_d = d;
            best = i;
            tie = 0;
        } else if (d == best_d && best < n && strcmp(k, name(ctx, best)) != 0) {
            tie = 1;
        }
    }
    return tie ? n : best;
}

/* The same as the name itself, or NULL. */
static const char *suggest(const char *key, size_t n, const char *(*name)(const void *ctx, size_t i),
                           const void *ctx)
{
    size_t i = suggest_at(key, n, name, ctx);
    return i < n ? name(ctx, i) : NULL;
}

/* The n names of ctx joined with ", " into buf, as far as buf holds them
 * (the list of keys or zorgsoorten a message offers when it has no
 * suggestion). */
static void join_names(size_t n, const char *(*name)(const void *ctx, size_t i), const void *ctx, char *buf,
                       size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && at < size - 1; i++) {
        int w = snprintf(buf + at, size - at, "%s%s", at ? ", " : "", name(ctx, i));
        if (w > 0)
            at += (size_t)w;
    }
}

static const char *table_key(const void *ctx, size_t i)
{
    return ((const jz_key *)ctx)[i].key;
}

/* The words a controller writes in the other language of the two the files
 * use: the template, the realisation and the docs for users are Dutch
 * (begroting, naam, fasen), a scenario's keys English (budget, name,
 * stages).  One list, both ways. */
static const char *const key_words[][2] = {
    {"begroting", "budget"},       {"naam", "name"},          {"fasen", "stages"},
    {"vaste_lasten", "fixed_costs"}, {"basisjaar", "base_year"}, {"indexatie", "indexation"},
    {"tarief", "tariff"},          {"bedrag", "amount"},      {"uitgaven", "spending"},
    {"unieke_clienten", "unique_clients"}, {"zoals", "like"}, {"jaar", "year"},
    {"maanden", "months"},         {"clienten", "clients"},   {"realisatie", "realisation"},
    {"zorgduur", "duration"},      {"instroom", "inflow"},    {"zeker", "certain"},
    {"investering", "investment"}, {"besparing", "saving"},   {"aandeel", "share"},
};

const char *jz_key_other_language(const char *key)
{
    for (size_t i = 0; i < sizeof key_words / sizeof key_words[0]; i++)
        for (int l = 0; l < 2; l++)
            if (strcmp(key, key_words[i][l]) == 0)
                return key_words[i][1 - l];
    return NULL;
}

const char *jz_schema_suggest(const char *key, const jz_key *table)
{
    size_t n = 0;
    while (table[n].key)
        n++;
    /* the same word in the other language first: 'begroting' is 'budget',
     * however far apart the letters */
    const char *other = jz_key_other_language(key);
    for (size_t i = 0; other && i < n; i++)
        if (strcmp(table[i].key, other) == 0)
            return table[i].key;
    return suggest(key, n, table_key, table);
}

static const char *zorgsoort_key(const void *ctx, size_t i)
{
    return ((const jz_scenario *)ctx)->zorgsoorten[i].key;
}

const char *jz_zorgsoort_suggest(const jz_scenario *s, const char *key)
{
    return suggest(key, (size_t)s->n_zorgsoorten, zorgsoort_key, s);
}

/* The identifiers of a list's items but one (""), for new_item_hint. */
typedef struct others {
    const jz_node *seq;
    const char *id;
    size_t skip;
} others;

static const char *other_id(const void *ctx, size_t i)
{
    const others *o = ctx;
    const jz_node *v = i == o->skip ? NULL : jz_node_get(o->seq->values[i], o->id);
    return v && v->type == JZ_NODE_SCALAR ? v->scalar : "";
}

int jz_new_item_hint(jz_error *err, const char *kind, const jz_node *seq, const char *id, size_t index,
                     const char *needs)
{
    if (err->status != JZ_EINPUT || !seq || seq->type != JZ_NODE_SEQ || index >= seq->n)
        return err->status;
    others o = {seq, id, index};
    const char *self = other_id(&(others){seq, id, seq->n}, index);
    const size_t b = self[0] ? suggest_at(self, seq->n, other_id, &o) : seq->n;
    const char *near = b < seq->n ? other_id(&o, b) : "";
    if (!near[0])
        return err->status;
    /* only an item of the variant near one of its base: two items of one
     * file are two that the writer meant (the error says what one lacks) */
    const jz_node *me = seq->values[index], *base = seq->values[b];
    if (!me->file || !base->file || strcmp(me->file, base->file) == 0)
        return err->status;
    size_t at = strlen(err->message);
    snprintf(err->message + at, sizeof err->message - at,
             "; did you mean %s '%s'? ('%s' is not in the list of the scenario it extends, so it is a new %s: "
             "a new one needs %s)", kind, near, self, kind, needs);
    return err->status;
}

int jz_zorgsoort_ref(const jz_scenario *s, const jz_node *n, const char *what, int *out, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected a zorgsoort key, got %s", what, jz_node_type_name(n));
    *out = jz_scenario_zorgsoort_index(s, n->scalar);
    if (*out >= 0)
        return JZ_OK;
    /* the name the reports show ("Jeugdbescherming (6.82)") for its key */
    for (int z = 0; z < s->n_zorgsoorten; z++)
        if (strcasecmp(s->zorgsoorten[z].name, n->scalar) == 0)
            return jz_node_error(err, n, "%s: '%s' is the name of zorgsoort '%s'; write its key: %s", what,
                                 n->scalar, s->zorgsoorten[z].key, s->zorgsoorten[z].key);
    const char *near = jz_zorgsoort_suggest(s, n->scalar);
    if (near)
        return jz_node_error(err, n, "%s: unknown zorgsoort '%s'; did you mean '%s'?", what, n->scalar, near);
    char keys[512];
    join_names((size_t)s->n_zorgsoorten, zorgsoort_key, s, keys, sizeof keys);
    return jz_node_error(err, n, "%s: unknown zorgsoort '%s' (the scenario's zorgsoorten: %s)", what, n->scalar,
                         keys);
}

int jz_schema_check(const jz_node *map, const jz_key *table, const char *what,
                    jz_error *err)
{
    return jz_schema_check_over(map, NULL, table, what, err);
}

int jz_schema_check_over(const jz_node *map, const jz_node *defaults, const jz_key *table,
                         const char *what, jz_error *err)
{
    if (!map || map->type != JZ_NODE_MAP)
        return jz_node_error(err, map, "%s: expected a map of keys and values, got %s",
                             what, jz_node_type_name(map));
    for (size_t i = 0; i < map->n; i++) {
        const char *key = map->keys[i]->scalar;
        const jz_key *k = table;
        while (k->key && strcmp(k->key, key) != 0)
            k++;
        if (k->key)
            continue;
        /* {tariff: 95,5, ...}: no key, but a decimal comma that split the value before it;
         * judged as an amount, the widest reading (k, M, a euro sign) */
        int rc = jz_value_split_comma_entry(map, i, JZ_U_MONEY, what, err);
        if (rc)
            return rc;
        const char *s = jz_schema_suggest(key, table);
        char allowed[600];
        size_t n = 0;
        while (table[n].key)
            n++;
        join_names(n, table_key, table, allowed, sizeof allowed);
        if (s)
            return jz_node_error(err, map->keys[i], "unknown key '%s' in %s; did you mean '%s'?",
                                 key, what, s);
        return jz_node_error(err, map->keys[i], "unknown key '%s' in %s; allowed keys: %s",
                             key, what, allowed);
    }
    for (const jz_key *k = table; k->key; k++)
        if (k->required && !jz_node_get(map, k->key) &&
            !jz_node_get(defaults, k->key))
            return jz_node_error(err, map, "%s: missing required key '%s' (%s)", what,
                                 k->key, k->hint);
    return JZ_OK;
}

const jz_key jz_keys_bron[] = {
    {"id", 1, "what inputs refer to with bron: ..., e.g. id: enschede2023"},
    {"title", 1, "the document's title, e.g. title: Eindrapportage strategie duurzame jeugdzorg"},
    {"publisher", 0, "who published it, e.g. publisher: Gemeente Enschede"},
    {"year", 0, "the year of publication, e.g. year: 2023"},
    {"page", 0, "the page(s), e.g. page: 12"},
    {"table", 0, "the table or figure, e.g. table: Tabel 3.3a"},
    {"section", 0, "the chapter or section, e.g. section: 4.3"},
    {NULL, 0, NULL}};
