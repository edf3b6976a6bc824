/*
 * compare.c - scenarios side by side (see jzsim/compare.h).
 *
 * The comparison keeps no copy of the figures: it keeps index maps (which
 * gemeente, zorgsoort and year of each result a comparison cell refers to)
 * and reads the borrowed results through them.  That keeps a comparison of
 * twelve national scenarios small, and guarantees that a value shown in any
 * report is bit for bit the model's figure, and a difference exactly the
 * difference of two shown values.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/taakveld.h"
#include "jzsim/compare.h"
#include "jzsim/intervals.h"
#include "jzsim/verschil.h"

/* No labels here: the report layer names each figure (engine/report/metrics.c,
 * found by key and level). */
#define GEM(k, kind, field, sign) {k, kind, 0, offsetof(jz_result, field), sign}
#define ZS(k, kind, field, sign) {k, kind, 1, offsetof(jz_result, field), sign}
#define DERIVED(k, kind, sign) {k, kind, 0, JZ_METRIC_DERIVED, sign}
/* the last column: a level (a cost, a begroting, a count: never below 0) or
 * a balance (a tekort, its parts, a saving net of what it costs: either side
 * of 0), whose percentages need a reference of some size (jz_cmp_rel_why) */
#define LEVEL 0
#define BALANCE 1

const jz_cmp_metric jz_cmp_metrics[JZ_CMP_N_METRICS] = {
    [JZ_CMP_COST] = GEM("cost", JZ_KIND_MONEY, g_cost, LEVEL),
    [JZ_CMP_BUDGET] = GEM("budget", JZ_KIND_MONEY, g_budget, LEVEL),
    [JZ_CMP_TEKORT] = GEM("tekort", JZ_KIND_MONEY, g_tekort, BALANCE),
    [JZ_CMP_BEINVLOEDBAAR] = GEM("beinvloedbaar", JZ_KIND_MONEY, g_beinvloedbaar, BALANCE),
    [JZ_CMP_NIET_BEINVLOEDBAAR] = GEM("niet_beinvloedbaar", JZ_KIND_MONEY, g_niet_beinvloedbaar, BALANCE),
    [JZ_CMP_DEC_TARIFF] = GEM("dec_tariff", JZ_KIND_MONEY, g_dec_tariff, BALANCE),
    [JZ_CMP_DEC_EXTERNAL] = GEM("dec_external", JZ_KIND_MONEY, g_dec_external, BALANCE),
    [JZ_CMP_DEC_VOLUME] = GEM("dec_volume", JZ_KIND_MONEY, g_dec_volume, BALANCE),
    [JZ_CMP_DEC_INTENSITY] = GEM("dec_intensity", JZ_KIND_MONEY, g_dec_intensity, BALANCE),
    [JZ_CMP_DEC_START] = GEM("dec_start", JZ_KIND_MONEY, g_dec_start, BALANCE),
    [JZ_CMP_UNIQUE] = GEM("unique_clients", JZ_KIND_COUNT, g_unique, LEVEL),
    [JZ_CMP_CLIENT_YEARS] = GEM("client_years", JZ_KIND_YEARS, g_client_years, LEVEL),
    [JZ_CMP_COST_PER_CLIENT] = GEM("cost_per_client", JZ_KIND_PRICE, g_cost_per_client, LEVEL),
    [JZ_CMP_CARE_COST] = GEM("care_cost", JZ_KIND_MONEY, g_care_cost, LEVEL),
    [JZ_CMP_CARE_BUDGET] = GEM("care_budget", JZ_KIND_MONEY, g_care_budget, LEVEL),
    [JZ_CMP_CARE_TEKORT] = GEM("care_tekort", JZ_KIND_MONEY, g_care_tekort, BALANCE),
    [JZ_CMP_FIXED_COST] = GEM("fixed_cost", JZ_KIND_MONEY, g_fixed_cost, LEVEL),
    [JZ_CMP_FIXED_BUDGET] = GEM("fixed_budget", JZ_KIND_MONEY, g_fixed_budget, LEVEL),
    [JZ_CMP_RIJKSBIJDRAGE] = GEM("rijksbijdrage", JZ_KIND_MONEY, g_rijksbijdrage, LEVEL),
    [JZ_CMP_TEKORT_RIJK] = GEM("tekort_rijk", JZ_KIND_MONEY, g_tekort_rijk, BALANCE),
    [JZ_CMP_HA_SAVINGS] = GEM("ha_savings", JZ_KIND_MONEY, g_ha_savings, BALANCE),
    [JZ_CMP_HA_SAVINGS_CERTAIN] = GEM("ha_savings_certain", JZ_KIND_MONEY, g_ha_savings_certain, BALANCE),
    [JZ_CMP_HA_SAVINGS_SPREAD] = GEM("ha_savings_spread", JZ_KIND_MONEY, g_ha_savings_spread, BALANCE),
    [JZ_CMP_MEASURE_INVESTMENT] = GEM("measure_investment", JZ_KIND_MONEY, g_measure_investment, LEVEL),
    [JZ_CMP_FIXED_TEKORT] = DERIVED("fixed_tekort", JZ_KIND_MONEY, BALANCE),
    [JZ_CMP_COST_WITHOUT_MEASURES] = GEM("cost_without_measures", JZ_KIND_MONEY, g_cost_without_measures, LEVEL),
    [JZ_CMP_MEASURE_SAVING] = GEM("measure_saving", JZ_KIND_MONEY, g_measure_saving, BALANCE),
    [JZ_CMP_OTHER_ASSUMPTIONS] = DERIVED("other_assumptions", JZ_KIND_MONEY, BALANCE),
    [JZ_CMP_VEREVENING] = GEM("verevening", JZ_KIND_MONEY, g_verevening, BALANCE),
    [JZ_CMP_CONTRACT] = GEM("contract", JZ_KIND_MONEY, g_contract, BALANCE),
    [JZ_CMP_Z_COST] = ZS("cost", JZ_KIND_MONEY, cost, LEVEL),
    [JZ_CMP_Z_BUDGET] = ZS("budget", JZ_KIND_MONEY, budget, LEVEL),
    [JZ_CMP_Z_TEKORT] = ZS("tekort", JZ_KIND_MONEY, tekort, BALANCE),
    [JZ_CMP_Z_HA_SAVING] = ZS("ha_saving", JZ_KIND_MONEY, ha_saving, BALANCE),
    [JZ_CMP_Z_UNIQUE] = ZS("unique", JZ_KIND_COUNT, unique, LEVEL),
    [JZ_CMP_Z_CLIENT_YEARS] = ZS("client_years", JZ_KIND_YEARS, client_years, LEVEL),
    [JZ_CMP_Z_COST_PER_CLIENT] = ZS("cost_per_client", JZ_KIND_PRICE, cost_per_client, LEVEL),
};

static int add_note(jz_comparison *c, int kind, int s, int index)
{
    jz_cmp_note *n = realloc(c->notes, (size_t)(c->n_notes + 1) * sizeof *n);
    if (!n)
        return JZ_ENOMEM;
    c->notes = n;
    n[c->n_notes].kind = kind;
    n[c->n_notes].scenario = s;
    n[c->n_notes].index = index;
    c->n_notes++;
    return JZ_OK;
}

void jz_comparison_free(jz_comparison *c)
{
    if (!c)
        return;
    if (c->units)
        for (int u = 0; u < c->n_units; u++)
            free(c->units[u].g);
    if (c->zs)
        for (int z = 0; z < c->n_zorgsoorten; z++)
            free(c->zs[z].z);
    for (int m = 0; m < JZ_CMP_N_GEMEENTE; m++)
        free(c->bands[m].p);
    if (c->scen)
        for (int s = 0; s < c->n_scenarios; s++)
            jz_taakveld_totals_free(c->scen[s].taakvelden);
    free(c->notes);
    free(c->verschil);
    jz_band_free(c->stock_band);
    free(c->units);
    free(c->zs);
    free(c->scen);
    free(c);
}

/* Union of the gemeenten by CBS code, in order of first appearance; the
 * region total is appended when the union has more than one gemeente. */
static int build_units(jz_comparison *c)
{
    int S = c->n_scenarios, cap = 0;
    for (int s = 0; s < S; s++)
        cap += c->scen[s].scenario->n_gemeenten;
    if (!(c->units = calloc((size_t)cap + 1, sizeof *c->units)))
        return JZ_ENOMEM;
    for (int s = 0; s < S; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        for (int g = 0; g < sc->n_gemeenten; g++) {
            int u = 0;
            while (u < c->n_units && strcmp(c->units[u].code, sc->gemeenten[g].code) != 0)
                u++;
            if (u == c->n_units) {
                jz_cmp_unit *nu = &c->units[c->n_units++];
                snprintf(nu->code, sizeof nu->code, "%s", sc->gemeenten[g].code);
                snprintf(nu->name, sizeof nu->name, "%s", sc->gemeenten[g].name);
                if (!(nu->g = malloc((size_t)S * sizeof *nu->g)))
                    return JZ_ENOMEM;
                for (int t = 0; t < S; t++)
                    nu->g[t] = -1;
            }
            c->units[u].g[s] = g;
        }
    }
    if (c->n_units > 1) {
        jz_cmp_unit *t = &c->units[c->n_units++];
        snprintf(t->code, sizeof t->code, "TOTAL");
        snprintf(t->name, sizeof t->name, "Totaal");
        t->is_total = 1;
        if (!(t->g = malloc((size_t)S * sizeof *t->g)))
            return JZ_ENOMEM;
        /* every scenario has a region total, at g = G */
        for (int s = 0; s < S; s++)
            t->g[s] = c->scen[s].result->n_gemeenten;
        /* one note per scenario, naming every gemeente it lacks */
        int rc;
        for (int s = 0; s < S; s++) {
            int missing = 0;
            for (int u = 0; u < c->n_units - 1; u++)
                missing += c->units[u].g[s] < 0;
            if (missing && (rc = add_note(c, JZ_CMP_NOTE_NO_GEMEENTE, s, missing)))
                return rc;
        }
    }
    c->total_unit = c->n_units - 1;
    return JZ_OK;
}

static int build_zorgsoorten(jz_comparison *c)
{
    int S = c->n_scenarios, cap = 0;
    for (int s = 0; s < S; s++)
        cap += c->scen[s].scenario->n_zorgsoorten;
    if (!(c->zs = calloc((size_t)cap, sizeof *c->zs)))
        return JZ_ENOMEM;
    for (int s = 0; s < S; s++) {
        const jz_scenario *sc = c->scen[s].scenario;
        for (int z = 0; z < sc->n_zorgsoorten; z++) {
            int i = 0;
            while (i < c->n_zorgsoorten && strcmp(c->zs[i].key, sc->zorgsoorten[z].key) != 0)
                i++;
            if (i == c->n_zorgsoorten) {
                jz_cmp_zorgsoort *nz = &c->zs[c->n_zorgsoorten++];
                snprintf(nz->key, sizeof nz->key, "%s", sc->zorgsoorten[z].key);
                snprintf(nz->name, sizeof nz->name, "%s", sc->zorgsoorten[z].name);
                if (!(nz->z = malloc((size_t)S * sizeof *nz->z)))
                    return JZ_ENOMEM;
                for (int t = 0; t < S; t++)
                    nz->z[t] = -1;
            }
            c->zs[i].z[s] = z;
        }
    }
    int rc;
    for (int i = 0; i < c->n_zorgsoorten; i++)
        for (int s = 0; s < S; s++)
            if (c->zs[i].z[s] < 0 && (rc = add_note(c, JZ_CMP_NOTE_NO_ZORGSOORT, s, i)))
                return rc;
    return JZ_OK;
}

jz_comparison *jz_comparison_alloc(int n, const jz_scenario *const *scenarios,
                                   const jz_result *const *results, jz_error *err)
{
    jz_error_clear(err);
    if (n < 1 || n > JZ_CMP_MAX_SCENARIOS || !scenarios || !results) {
        jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                     "a comparison needs 1 to %d scenarios, got %d", JZ_CMP_MAX_SCENARIOS, n);
        return NULL;
    }
    for (int s = 0; s < n; s++) {
        const jz_scenario *sc = scenarios[s];
        const jz_result *r = results[s];
        if (!sc || !r || r->n_gemeenten != sc->n_gemeenten ||
            r->n_zorgsoorten != sc->n_zorgsoorten || r->horizon != sc->meta.horizon ||
            r->base_year != sc->meta.base_year) {
            jz_error_set(err, JZ_EINPUT, sc ? sc->meta.path : NULL, 0, 0,
                         "scenario %d: the result does not belong to this scenario "
                         "(different dimensions or base year)", s + 1);
            return NULL;
        }
    }
    jz_comparison *c = calloc(1, sizeof *c);
    if (!c || !(c->scen = calloc((size_t)n, sizeof *c->scen))) {
        free(c);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    c->n_scenarios = n;
    int lo = 0, hi = 0;
    for (int s = 0; s < n; s++) {
        c->scen[s].scenario = scenarios[s];
        c->scen[s].result = results[s];
        c->scen[s].first_year = results[s]->base_year;
        c->scen[s].last_year = results[s]->base_year + results[s]->horizon - 1;
        if (s == 0 || c->scen[s].first_year < lo)
            lo = c->scen[s].first_year;
        if (s == 0 || c->scen[s].last_year > hi)
            hi = c->scen[s].last_year;
    }
    /* the union of the years as one contiguous range: a gap between two
     * scenarios' horizons shows as absent years, which is what it is */
    c->first_year = lo;
    c->n_years = hi - lo + 1;
    int rc = build_units(c);
    if (!rc)
        rc = build_zorgsoorten(c);
    for (int s = 0; !rc && s < n; s++)
        rc = jz_taakveld_totals_alloc(scenarios[s], results[s], &c->scen[s].taakvelden, err);
    if (!rc) { /* the taakvelden every report lists: one rule over all scenarios */
        const jz_taakveld_totals *tv[JZ_CMP_MAX_SCENARIOS];
        for (int s = 0; s < n; s++)
            tv[s] = c->scen[s].taakvelden;
        jz_taakveld_list_make(tv, n, &c->taakveld_list);
    }
    for (int s = 1; !rc && s < n; s++)
        if (c->scen[s].first_year != c->scen[0].first_year ||
            c->scen[s].last_year != c->scen[0].last_year)
            rc = add_note(c, JZ_CMP_NOTE_OTHER_YEARS, s, -1);
    if (!rc) /* once, so that every report shows the same figures */
        rc = jz_verschil_fill(c);
    if (rc) {
        jz_comparison_free(c);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    return c;
}

static int in_range(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    if (m < 0 || m >= JZ_CMP_N_METRICS || u < 0 || u >= c->n_units || s < 0 ||
        s >= c->n_scenarios || y < 0 || y >= c->n_years)
        return 0;
    return !jz_cmp_metrics[m].per_zorgsoort || (z >= 0 && z < c->n_zorgsoorten);
}

/* The figures with no array of their own (JZ_METRIC_DERIVED): each is a
 * difference of figures the model computed, so that a report can show the
 * lines that add up to a total and the part of a tekort difference that the
 * besparing does not explain without doing arithmetic itself. */
static double derived(const jz_comparison *c, int m, int u, int s, int y)
{
    switch (m) {
    case JZ_CMP_FIXED_TEKORT:
        return jz_cmp_value(c, JZ_CMP_FIXED_COST, u, 0, s, y) - jz_cmp_value(c, JZ_CMP_FIXED_BUDGET, u, 0, s, y);
    case JZ_CMP_OTHER_ASSUMPTIONS: {
        /* reference tekort - tekort = (besparing - reference besparing) + this */
        double dt = jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, 0, y) - jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, s, y);
        double ds = jz_cmp_value(c, JZ_CMP_MEASURE_SAVING, u, 0, s, y) -
                    jz_cmp_value(c, JZ_CMP_MEASURE_SAVING, u, 0, 0, y);
        return dt - ds;
    }
    default:
        return NAN;
    }
}

double jz_cmp_value(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    if (!in_range(c, m, u, z, s, y))
        return NAN;
    if (jz_cmp_metrics[m].offset == JZ_METRIC_DERIVED)
        return derived(c, m, u, s, y);
    const jz_result *r = c->scen[s].result;
    int g = c->units[u].g[s];
    int yi = jz_cmp_year(c, y) - r->base_year;
    if (g < 0 || yi < 0 || yi >= r->horizon)
        return NAN;
    const double *a = *(double *const *)(const void *)((const char *)r + jz_cmp_metrics[m].offset);
    if (!a) /* an array this build of the model does not fill */
        return NAN;
    if (!jz_cmp_metrics[m].per_zorgsoort)
        return a[jz_result_gy(r, g, yi)];
    int zi = c->zs[z].z[s];
    if (zi < 0)
        return NAN;
    return a[jz_result_cz(r, g, zi, yi)];
}

int jz_cmp_has(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    return !isnan(jz_cmp_value(c, m, u, z, s, y));
}

double jz_cmp_diff(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    /* NaN propagates: absent on either side gives absent */
    return jz_cmp_value(c, m, u, z, s, y) - jz_cmp_value(c, m, u, z, 0, y);
}

int jz_comparison_mark_saved(jz_comparison *c, int s)
{
    if (!c || s < 0 || s >= c->n_scenarios)
        return 0;
    for (int i = 0; i < c->n_scenarios; i++)
        if (i != s && strcmp(c->scen[i].scenario->meta.name, c->scen[s].scenario->meta.name) == 0)
            return c->scen[s].saved = 1;
    return 0;
}

int jz_cmp_rel_why(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    /* a percentage a controller can read: of a positive reference, to a
     * value on the same side of 0 ("+233%" from a surplus of 3 to a tekort
     * of 4, or "-66,7%" between two surpluses, reads as nonsense); of a
     * balance only when its reference is more than nothing (money: at least
     * the € 0,05 mln that shows as 0,1 in the briefing) */
    double ref = jz_cmp_value(c, m, u, z, 0, y), v = jz_cmp_value(c, m, u, z, s, y);
    const jz_cmp_metric *k = &jz_cmp_metrics[m];
    double least = k->balance && k->kind == JZ_KIND_MONEY ? JZ_CMP_REL_LEAST_MONEY : 0.0;
    if (isnan(ref) || isnan(v))
        return JZ_CMP_REL_ABSENT;
    if ((ref > 0.0 && v < 0.0) || (ref < 0.0 && v > 0.0))
        return JZ_CMP_REL_TURN;
    if (ref < 0.0)
        return JZ_CMP_REL_REF_NEGATIVE;
    if (!(ref > 0.0) || ref < least)
        return JZ_CMP_REL_REF_SMALL;
    return JZ_CMP_REL_SHOWN;
}

const char *jz_cmp_rel_why_key(int why)
{
    static const char *const key[JZ_CMP_REL_N_WHY] = {"", "absent", "turn", "reference_negative",
                                                      "reference_small"};
    return why >= 0 && why < JZ_CMP_REL_N_WHY ? key[why] : "";
}

double jz_cmp_rel(const jz_comparison *c, int m, int u, int z, int s, int y)
{
    if (jz_cmp_rel_why(c, m, u, z, s, y) != JZ_CMP_REL_SHOWN)
        return NAN;
    double ref = jz_cmp_value(c, m, u, z, 0, y);
    return (jz_cmp_value(c, m, u, z, s, y) - ref) / ref;
}

int jz_cmp_metric_index(const char *key, int per_zorgsoort)
{
    for (int m = 0; m < JZ_CMP_N_METRICS; m++)
        if (jz_cmp_metrics[m].per_zorgsoort == (per_zorgsoort != 0) &&
            strcmp(jz_cmp_metrics[m].key, key) == 0)
            return m;
    return -1;
}

int jz_cmp_unit_index(const jz_comparison *c, const char *code_or_name)
{
    for (int u = 0; u < c->n_units; u++)
        if (strcmp(c->units[u].code, code_or_name) == 0)
            return u;
    for (int u = 0; u < c->n_units; u++)
        if (strcmp(c->units[u].name, code_or_name) == 0)
            return u;
    if (strcmp(code_or_name, "TOTAL") == 0 || strcmp(code_or_name, "Totaal") == 0)
        return c->total_unit;
    return -1;
}

int jz_cmp_scenario_index(const jz_comparison *c, const char *ref)
{
    char *end;
    long k = strtol(ref, &end, 10);
    if (end != ref && *end == '\0')
        return k >= 1 && k <= c->n_scenarios ? (int)k - 1 : -1;
    for (int s = 0; s < c->n_scenarios; s++)
        if (strcmp(c->scen[s].scenario->meta.path, ref) == 0)
            return s;
    for (int s = 0; s < c->n_scenarios; s++)
        if (strcmp(c->scen[s].scenario->meta.name, ref) == 0)
            return s;
    return -1;
}

int jz_cmp_last_year(const jz_comparison *c, int s)
{
    return c->scen[s].last_year - c->first_year;
}

static int last_common_year(const jz_comparison *c)
{
    int last = c->n_years - 1;
    for (int s = 0; s < c->n_scenarios; s++) {
        int l = jz_cmp_last_year(c, s);
        if (l < last)
            last = l;
    }
    /* every scenario has this year unless the horizons do not overlap */
    for (int s = 0; s < c->n_scenarios; s++)
        if (jz_cmp_year(c, last) < c->scen[s].first_year)
            return c->n_years - 1;
    return last;
}

int jz_cmp_summary_is_begroting(const jz_comparison *c)
{
    int b = c->scen[0].scenario->meta.begrotingsjaar;
    return b > 0 && b >= c->scen[0].first_year && b <= c->scen[0].last_year;
}

int jz_cmp_summary_year(const jz_comparison *c)
{
    if (jz_cmp_summary_is_begroting(c))
        return c->scen[0].scenario->meta.begrotingsjaar - c->first_year;
    return last_common_year(c);
}

int jz_cmp_decomposition_ok(const jz_comparison *c, int u, int s, int y)
{
    /* the model's parts, then a regional verevening or contract: a line of
     * the cost of its own, counted in the niet-beïnvloedbaar part
     * (docs/model.md 14) and absent (NaN) where a scenario has none */
    static const struct {
        int metric, optional;
    } parts[] = {{JZ_CMP_DEC_TARIFF, 0},    {JZ_CMP_DEC_EXTERNAL, 0}, {JZ_CMP_DEC_VOLUME, 0},
                 {JZ_CMP_DEC_INTENSITY, 0}, {JZ_CMP_DEC_START, 0},    {JZ_CMP_VEREVENING, 1},
                 {JZ_CMP_CONTRACT, 1}};
    double t = jz_cmp_value(c, JZ_CMP_TEKORT, u, 0, s, y), sum = 0.0;
    int nonzero = 0;
    if (isnan(t))
        return 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        double v = jz_cmp_value(c, parts[i].metric, u, 0, s, y);
        if (isnan(v)) {
            if (parts[i].optional)
                continue;
            return 0;
        }
        sum += v;
        nonzero |= v != 0.0; /* a base year's tekort that is all verevening is split */
    }
    /* all parts 0 against a tekort that is not: the split was not made */
    if (!nonzero && fabs(t) >= 1.0)
        return 0;
    return fabs(sum - t) <= 1.0 + 1e-9 * fabs(t);
}
