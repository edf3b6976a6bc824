/*
 * load_regio.c - the scenario's `regio:` section: regional arrangements
 * between its gemeenten (jzsim/regio.h; docs/scenario-format.md "regio").
 *
 *   regio:
 *     verevening:
 *       zorgsoorten: [jeugdzorgplus, crisis, residentieel]   # the pooled zorgsoorten
 *       sleutel: jeugd             # jeugd | gebruik | tabel, or a mix {jeugd: 50%, gebruik: 50%}
 *       gebruik: {jaren: [2022, 2023]}     # or {cijfers: {GM0153: 21.4M, ...}}
 *       tabel: {GM0153: 40%, ...}
 *       drempel: {per_jeugdige: 50}        # or {bedrag: 250k}
 *
 * Everything is checked here, with the place in the file: a key that does
 * not sum to 1, a gemeente the scenario does not have (with the nearest
 * name), a zorgsoort that does not exist, a negative drempel, a year of use
 * outside the run.  The model (engine/model/regio.c) trusts what it gets.
 * Values are plain numbers (no distributions): the Monte Carlo draws the
 * gemeenten's inputs, not the arrangement.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "jzsim/regio.h"
#include "scenario/loader.h"
#include "scenario/schema.h"

/* A key's shares are read as written; they must sum to 1 within this (a
 * table of percentages with one decimal each is exact to 1e-12 when it adds
 * up).  The model divides by the sum, so nothing is created or lost. */
#define SUM_TOL 1e-6

const jz_key jz_keys_regio[] = {
    {"verevening", 0, "solidarity: the cost of some zorgsoorten shared by a key, e.g. {zorgsoorten: [jeugdzorgplus], sleutel: jeugd}"},
    {"contracten", 0, "regional contracts with a lumpsum per provider group, e.g. - {zorgsoorten: [residentieel], lumpsum: 30M, sleutel: jeugd}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: samen14"},
    {NULL, 0, NULL}};

const jz_key jz_keys_contract[] = {
    {"naam", 0, "a name for the contract, shown in messages, e.g. naam: residentieel Twente"},
    {"zorgsoorten", 1, "the zorgsoorten of the provider group the lumpsum pays for, e.g. zorgsoorten: [residentieel]"},
    {"lumpsum", 1, "euros per year for the whole region (nominal), one number or by year: {2025: 30M, 2026: 31M}"},
    {"sleutel", 1, "each gemeente's share of the lumpsum: jeugd, gebruik, tabel, or a mix such as {jeugd: 50%, gebruik: 50%}"},
    {"gebruik", 0, "the use that key gebruik shares by: {jaren: [2022, 2023]} of this run, or {cijfers: {GM0153: 21.4M}}"},
    {"tabel", 0, "the fixed shares of key tabel, one per gemeente, summing to 100%: {GM0153: 40%, GM0164: 60%}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: samen14"},
    {NULL, 0, NULL}};

const jz_key jz_keys_verevening[] = {
    {"zorgsoorten", 1, "the zorgsoorten whose cost is shared, e.g. zorgsoorten: [jeugdzorgplus, crisis]"},
    {"sleutel", 1, "the key: jeugd, gebruik, tabel, or a mix such as {jeugd: 50%, gebruik: 50%}"},
    {"gebruik", 0, "the use that key gebruik shares by: {jaren: [2022, 2023]} of this run, or {cijfers: {GM0153: 21.4M}}"},
    {"tabel", 0, "the fixed shares of key tabel, one per gemeente, summing to 100%: {GM0153: 40%, GM0164: 60%}"},
    {"drempel", 0, "each gemeente pays its own use up to {bedrag: euros per year} or {per_jeugdige: euros per youth}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list, e.g. bron: samen14"},
    {NULL, 0, NULL}};

const jz_key jz_keys_sleutel[] = {
    {"jeugd", 0, "weight of the youth population 0-17, e.g. jeugd: 50%"},
    {"gebruik", 0, "weight of the historical use, e.g. gebruik: 50%"},
    {"tabel", 0, "weight of the fixed table, e.g. tabel: 0%"},
    {NULL, 0, NULL}};

const jz_key jz_keys_gebruik[] = {
    {"jaren", 0, "years of this run whose own cost of the pooled zorgsoorten, averaged, is the use: 2022 or [2022, 2023]"},
    {"cijfers", 0, "the use per gemeente in euros per year, or by year (averaged): {GM0153: 21.4M} or {GM0153: {2021: 20M, 2022: 22M}}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list"},
    {NULL, 0, NULL}};

const jz_key jz_keys_drempel[] = {
    {"bedrag", 0, "euros per gemeente per year (nominal) each pays of its own use before sharing, e.g. bedrag: 250k"},
    {"per_jeugdige", 0, "euros per youth 0-17 per year (nominal) each pays of its own use before sharing, e.g. per_jeugdige: 50"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list"},
    {NULL, 0, NULL}};

static const char *const sleutel_word[JZ_SLEUTEL_N] = {"jeugd", "gebruik", "tabel"};

/* The gemeente a key names (code or name), or an error at n with the
 * gemeente meant (jz_scenario_gemeente_nearest, the rule of --gemeente). */
int ld_gemeente_ref(loader *L, const jz_node *n, const char *what, int *out)
{
    const jz_scenario *s = L->s;
    int g = jz_scenario_gemeente_index(s, n->scalar);
    if (g >= 0) {
        *out = g;
        return JZ_OK;
    }
    char hint[JZ_NAME_MAX + 32]; /* the form the writer was typing: the code or the name */
    if (jz_scenario_gemeente_hint(s, n->scalar, hint, sizeof hint)[0])
        return jz_node_error(L->err, n, "%s: gemeente '%s' is not in this scenario%s", what, n->scalar, hint);
    return jz_node_error(L->err, n, "%s: gemeente '%s' is not in this scenario (give the CBS code or the "
                         "name of one of its %d gemeenten, e.g. %s)",
                         what, n->scalar, s->n_gemeenten, s->gemeenten[0].code);
}

static int fill_by_gemeente(loader *L, const jz_node *m, jz_unit u, int by_year, const char *path, double *out,
                            unsigned char *seen);

/* A map by gemeente (code or name) -> one value per gemeente in out[G];
 * every gemeente must be named once.  A value is one number of unit u, or
 * (by_year) a map by year whose values are averaged. */
static int by_gemeente(loader *L, const jz_node *m, jz_unit u, int by_year, const char *path, double *out)
{
    const jz_scenario *s = L->s;
    int G = s->n_gemeenten, rc;
    if (m->type != JZ_NODE_MAP)
        return jz_node_error(L->err, m, "%s: expected a map from gemeente (CBS code or name) to a value, got %s",
                             path, jz_node_type_name(m));
    unsigned char *seen = calloc((size_t)G, 1);
    if (!seen)
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    rc = fill_by_gemeente(L, m, u, by_year, path, out, seen);
    free(seen);
    return rc;
}

static int fill_by_gemeente(loader *L, const jz_node *m, jz_unit u, int by_year, const char *path, double *out,
                            unsigned char *seen)
{
    const jz_scenario *s = L->s;
    int G = s->n_gemeenten, rc;
    for (size_t i = 0; i < m->n; i++) {
        const jz_node *k = m->keys[i], *v = m->values[i];
        if (strcmp(k->scalar, "source") == 0 || strcmp(k->scalar, "bron") == 0)
            continue;
        int g = -1;
        if ((rc = ld_gemeente_ref(L, k, path, &g)))
            return rc;
        if (seen[g])
            return jz_node_error(L->err, k, "%s: gemeente %s (%s) is named twice", path,
                                 s->gemeenten[g].code, s->gemeenten[g].name);
        seen[g] = 1;
        char what[256];
        snprintf(what, sizeof what, "%s.%s", path, s->gemeenten[g].code);
        if (by_year && v->type == JZ_NODE_MAP) {
            double sum = 0.0;
            int n = 0;
            for (size_t j = 0; j < v->n; j++) {
                long yr;
                double x;
                if ((rc = jz_value_int(v->keys[j], 1900, 2200, "a year of use", &yr, L->err)) ||
                    (rc = jz_value_number(v->values[j], u, what, &x, L->err)))
                    return rc;
                sum += x;
                n++;
            }
            if (n == 0)
                return jz_node_error(L->err, v, "%s: expected at least one year with its use, e.g. {2022: 1.2M}", what);
            out[g] = sum / n;
        } else if ((rc = jz_value_number(v, u, what, &out[g], L->err))) {
            return rc;
        }
        if ((rc = ld_record_in(L, what, v, u, ld_source_of(m, NULL), m, NULL)))
            return rc;
    }
    for (int g = 0; g < G; g++)
        if (!seen[g])
            return jz_node_error(L->err, m, "%s: gemeente %s (%s) is missing; every gemeente of the scenario "
                                 "needs a value (write 0 for one that has none)",
                                 path, s->gemeenten[g].code, s->gemeenten[g].name);
    return JZ_OK;
}

/* A list, or one item written without brackets. */
static size_t n_items(const jz_node *list) { return list->type == JZ_NODE_SEQ ? list->n : 1; }
static const jz_node *item(const jz_node *list, size_t i)
{
    return list->type == JZ_NODE_SEQ ? list->values[i] : list;
}

/* The set of zorgsoorten at P.zorgsoorten (pooled by the verevening, or a
 * contract's provider group); taken[] marks those another part of regio:
 * already claimed (NULL: none). */
static int load_pooled(loader *L, jz_verevening *v, const jz_node *list, const char *P,
                       const unsigned char *taken)
{
    int rc;
    char what[96];
    snprintf(what, sizeof what, "%s.zorgsoorten", P);
    if (list->type != JZ_NODE_SCALAR && (list->type != JZ_NODE_SEQ || list->n == 0))
        return jz_node_error(L->err, list, "%s: expected a list of at least one "
                             "zorgsoort key, e.g. [jeugdzorgplus, crisis], got %s", what,
                             list->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(list));
    for (size_t i = 0; i < n_items(list); i++) {
        int z;
        const jz_node *it = item(list, i);
        if ((rc = ld_zorgsoort_ref(L, it, what, &z)))
            return rc;
        if (v->pooled[z])
            return jz_node_error(L->err, it, "%s: '%s' is named twice", what, it->scalar);
        if (taken && taken[z])
            return jz_node_error(L->err, it, "%s: '%s' is already in the verevening or another contract; a "
                                 "zorgsoort is financed one way only", what, it->scalar);
        v->pooled[z] = 1;
    }
    return JZ_OK;
}

static int load_sleutel(loader *L, jz_verevening *v, const jz_node *n, const char *P)
{
    int rc;
    if (n->type == JZ_NODE_SCALAR) {
        for (int k = 0; k < JZ_SLEUTEL_N; k++)
            if (strcmp(n->scalar, sleutel_word[k]) == 0) {
                v->weight[k] = 1.0;
                return JZ_OK;
            }
        const char *sug = jz_schema_suggest(n->scalar, jz_keys_sleutel);
        return jz_node_error(L->err, n, "%s.sleutel: unknown key '%s'%s%s%s; expected jeugd, "
                             "gebruik, tabel or a mix such as {jeugd: 50%%, gebruik: 50%%}",
                             P, n->scalar, sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
    }
    if (n->type != JZ_NODE_MAP)
        return jz_node_error(L->err, n, "%s.sleutel: expected jeugd, gebruik, tabel or a mix of "
                             "them with weights, e.g. {jeugd: 50%%, gebruik: 50%%}, got %s", P, jz_node_type_name(n));
    char path[96];
    snprintf(path, sizeof path, "%s.sleutel", P);
    if ((rc = jz_schema_check(n, jz_keys_sleutel, path, L->err)))
        return rc;
    double sum = 0.0;
    for (int k = 0; k < JZ_SLEUTEL_N; k++) {
        const jz_node *w = jz_node_get(n, sleutel_word[k]);
        char what[128];
        snprintf(what, sizeof what, "%s.sleutel.%s", P, sleutel_word[k]);
        if (w && ((rc = jz_value_number(w, JZ_U_FRACTION, what, &v->weight[k], L->err)) ||
                  (rc = ld_record_in(L, what, w, JZ_U_FRACTION, ld_source_of(n, NULL), n, NULL))))
            return rc;
        sum += v->weight[k];
    }
    if (fabs(sum - 1.0) > SUM_TOL)
        return jz_node_error(L->err, n, "%s.sleutel: the weights of the mix must sum to 100%%, "
                             "they sum to %.10g%%", P, 100.0 * sum);
    return JZ_OK;
}

static int load_gebruik(loader *L, jz_verevening *v, const jz_node *n, const char *P)
{
    int rc;
    char path[96], what[128];
    snprintf(path, sizeof path, "%s.gebruik", P);
    if ((rc = jz_schema_check(n, jz_keys_gebruik, path, L->err)))
        return rc;
    const jz_node *jaren = jz_node_get(n, "jaren"), *cijfers = jz_node_get(n, "cijfers");
    if (!jaren == !cijfers)
        return jz_node_error(L->err, n, "%s: give either jaren (years of this run, "
                             "e.g. jaren: [2022, 2023]) or cijfers (the use per gemeente), %s",
                             path, jaren ? "not both" : "got neither");
    if (cijfers) {
        v->use_is_given = 1;
        snprintf(what, sizeof what, "%s.cijfers", path);
        return by_gemeente(L, cijfers, JZ_U_MONEY, 1, what, v->use_given);
    }
    snprintf(what, sizeof what, "%s.jaren", path);
    if (jaren->type != JZ_NODE_SCALAR && (jaren->type != JZ_NODE_SEQ || jaren->n == 0))
        return jz_node_error(L->err, jaren, "%s: expected a year or a list of "
                             "years, e.g. [2022, 2023], got %s", what,
                             jaren->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(jaren));
    for (size_t i = 0; i < n_items(jaren); i++) {
        long yr;
        const jz_node *y = item(jaren, i);
        if ((rc = jz_value_int(y, 1900, 2200, what, &yr, L->err)))
            return rc;
        int idx = (int)yr - L->base;
        if (idx < 0 || idx >= L->H)
            return jz_node_error(L->err, y, "%s: %ld is outside this run (%d-%d); "
                                 "the use of earlier years is given as cijfers: {<gemeente>: {%ld: euros}}",
                                 what, yr, L->base, L->base + L->H - 1, yr);
        for (int k = 0; k < v->n_use_years; k++)
            if (v->use_years[k] == idx)
                return jz_node_error(L->err, y, "%s: %ld is named twice", what, yr);
        v->use_years[v->n_use_years++] = idx;
    }
    return JZ_OK;
}

static int load_drempel(loader *L, jz_verevening *v, const jz_node *n)
{
    int rc;
    if ((rc = jz_schema_check(n, jz_keys_drempel, "regio.verevening.drempel", L->err)))
        return rc;
    const jz_node *b = jz_node_get(n, "bedrag"), *p = jz_node_get(n, "per_jeugdige");
    if (!b == !p)
        return jz_node_error(L->err, n, "regio.verevening.drempel: give either bedrag (euros per gemeente per "
                             "year) or per_jeugdige (euros per youth 0-17 per year), %s", b ? "not both" : "got neither");
    const jz_node *x = b ? b : p;
    const char *path = b ? "regio.verevening.drempel.bedrag" : "regio.verevening.drempel.per_jeugdige";
    v->drempel = b ? JZ_DREMPEL_BEDRAG : JZ_DREMPEL_PER_JEUGDIGE;
    if ((rc = jz_value_series(L->s, x, JZ_U_MONEY, path, L->base, L->H, v->drempel_value, L->err)))
        return rc;
    return ld_record_in(L, path, x, JZ_U_MONEY, ld_source_of(n, NULL), n, NULL);
}

/* The youth population the key or the drempel needs: the region must have
 * youth in every year, or there is nothing to share by. */
static int check_youth(loader *L, const jz_node *at, const char *P, const char *why)
{
    const jz_scenario *s = L->s;
    for (int y = 0; y < L->H; y++) {
        double sum = 0.0;
        for (int g = 0; g < s->n_gemeenten; g++)
            sum += s->gemeenten[g].population[JZ_POP_YOUTH][y];
        if (!(sum > 0.0))
            return jz_node_error(L->err, at, "%s: %s needs the youth population, but no gemeente "
                                 "has population.youth in %d", P, why, L->base + y);
    }
    return JZ_OK;
}

/* The key of a verevening, a contract or a measure's regional investment
 * at P: sleutel, gebruik, tabel (n holds them); sl, gb, tb are those
 * nodes. */
int ld_load_key(loader *L, jz_verevening *v, const jz_node *n, const char *P)
{
    int rc;
    if ((rc = load_sleutel(L, v, jz_node_get(n, "sleutel"), P)))
        return rc;
    const jz_node *sl = jz_node_get(n, "sleutel"), *gb = jz_node_get(n, "gebruik"), *tb = jz_node_get(n, "tabel");
    char what[128];
    if (v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0 && !gb)
        return jz_node_error(L->err, sl, "%s: the sleutel uses gebruik, so give gebruik: "
                             "{jaren: [years of this run]} or {cijfers: {<gemeente>: euros}}", P);
    if (v->weight[JZ_SLEUTEL_TABEL] > 0.0 && !tb)
        return jz_node_error(L->err, sl, "%s: the sleutel uses tabel, so give tabel: "
                             "{<gemeente>: share, ...} summing to 100%%", P);
    if (gb && (rc = load_gebruik(L, v, gb, P)))
        return rc;
    if (tb) {
        snprintf(what, sizeof what, "%s.tabel", P);
        if ((rc = by_gemeente(L, tb, JZ_U_FRACTION, 0, what, v->tabel)))
            return rc;
        double sum = 0.0;
        for (int g = 0; g < L->s->n_gemeenten; g++)
            sum += v->tabel[g];
        if (fabs(sum - 1.0) > SUM_TOL)
            return jz_node_error(L->err, tb, "%s: the shares must sum to 100%%, they sum to "
                                 "%.10g%% (%+.4g%%)", what, 100.0 * sum, 100.0 * (sum - 1.0));
    }
    if (v->use_is_given && v->weight[JZ_SLEUTEL_GEBRUIK] > 0.0) {
        double sum = 0.0;
        for (int g = 0; g < L->s->n_gemeenten; g++)
            sum += v->use_given[g];
        if (!(sum > 0.0))
            return jz_node_error(L->err, gb, "%s.gebruik.cijfers: the use of all gemeenten "
                                 "together is 0, so it cannot be a key", P);
    }
    if (v->weight[JZ_SLEUTEL_JEUGD] > 0.0 && (rc = check_youth(L, sl, P, "the sleutel jeugd")))
        return rc;
    if (gb && v->weight[JZ_SLEUTEL_GEBRUIK] == 0.0)
        jz_scenario_warn(L->s, "%s:%d:%d: %s.gebruik is given but the sleutel does not use it",
                         gb->file, gb->line, gb->column, P);
    if (tb && v->weight[JZ_SLEUTEL_TABEL] == 0.0)
        jz_scenario_warn(L->s, "%s:%d:%d: %s.tabel is given but the sleutel does not use it",
                         tb->file, tb->line, tb->column, P);
    return JZ_OK;
}

static int load_verevening(loader *L, jz_verevening *v, const jz_node *n)
{
    int rc;
    const char *P = "regio.verevening";
    if ((rc = jz_schema_check(n, jz_keys_verevening, P, L->err)) ||
        (rc = load_pooled(L, v, jz_node_get(n, "zorgsoorten"), P, NULL)))
        return rc;
    const jz_node *dr = jz_node_get(n, "drempel");
    if ((rc = ld_load_key(L, v, n, P)))
        return rc;
    if (dr && (rc = load_drempel(L, v, dr)))
        return rc;
    if (v->drempel == JZ_DREMPEL_PER_JEUGDIGE && (rc = check_youth(L, dr, P, "a drempel per_jeugdige")))
        return rc;
    return JZ_OK;
}

/* A contract's lumpsum: one number (every year of the run) or a map by
 * year (the years it names; no lumpsum, i.e. price x volume, in others). */
static int load_lumpsum(loader *L, jz_contract *c, const jz_node *n, const char *P)
{
    int rc;
    char what[128];
    snprintf(what, sizeof what, "%s.lumpsum", P);
    if (n->type == JZ_NODE_SCALAR) {
        double x;
        if ((rc = jz_value_number(n, JZ_U_MONEY, what, &x, L->err)))
            return rc;
        if (x < 0.0)
            return jz_node_error(L->err, n, "%s: a lumpsum cannot be negative (%g)", what, x);
        for (int y = 0; y < L->H; y++) {
            c->has_lumpsum[y] = 1;
            c->lumpsum[y] = x;
        }
        return ld_record_in(L, what, n, JZ_U_MONEY, ld_source_of(n, NULL), n, NULL);
    }
    if (n->type != JZ_NODE_MAP || n->n == 0)
        return jz_node_error(L->err, n, "%s: expected euros per year for the whole region, one number or by "
                             "year, e.g. {%d: 30M, %d: 31M}, got %s", what, L->base, L->base + 1,
                             n->type == JZ_NODE_MAP ? "an empty map" : jz_node_type_name(n));
    for (size_t j = 0; j < n->n; j++) {
        long yr;
        double x;
        if ((rc = jz_value_int(n->keys[j], 1900, 2200, what, &yr, L->err)))
            return rc;
        int idx = (int)yr - L->base;
        if (idx < 0 || idx >= L->H)
            return jz_node_error(L->err, n->keys[j], "%s: %ld is outside this run (%d-%d)", what, yr, L->base,
                                 L->base + L->H - 1);
        if (c->has_lumpsum[idx])
            return jz_node_error(L->err, n->keys[j], "%s: %ld is named twice", what, yr);
        if ((rc = jz_value_number(n->values[j], JZ_U_MONEY, what, &x, L->err)))
            return rc;
        if (x < 0.0)
            return jz_node_error(L->err, n->values[j], "%s: a lumpsum cannot be negative (%g)", what, x);
        c->has_lumpsum[idx] = 1;
        c->lumpsum[idx] = x;
    }
    return ld_record_in(L, what, n, JZ_U_MONEY, ld_source_of(n, NULL), n, NULL);
}

static int load_contract(loader *L, jz_contract *c, const jz_node *n, int index, unsigned char *taken)
{
    int rc;
    char P[96];
    snprintf(P, sizeof P, "regio.contracten[%d]", index);
    if (n->type != JZ_NODE_MAP)
        return jz_node_error(L->err, n, "%s: expected a contract, e.g. {naam: residentieel, zorgsoorten: "
                             "[residentieel], lumpsum: 30M, sleutel: jeugd}, got %s", P, jz_node_type_name(n));
    if ((rc = jz_schema_check(n, jz_keys_contract, P, L->err)))
        return rc;
    const jz_node *naam = jz_node_get(n, "naam");
    if (naam) {
        if (naam->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, naam, "%s.naam: expected a name, got %s", P, jz_node_type_name(naam));
        snprintf(c->name, sizeof c->name, "%s", naam->scalar);
    }
    if ((rc = load_pooled(L, &c->key, jz_node_get(n, "zorgsoorten"), P, taken)) ||
        (rc = load_lumpsum(L, c, jz_node_get(n, "lumpsum"), P)) || (rc = ld_load_key(L, &c->key, n, P)))
        return rc;
    for (int z = 0; z < L->s->n_zorgsoorten; z++)
        taken[z] |= c->key.pooled[z];
    return JZ_OK;
}

int ld_load_regio(loader *L, const jz_node *regio)
{
    int rc;
    if (!regio)
        return JZ_OK;
    if ((rc = jz_schema_check(regio, jz_keys_regio, "regio", L->err)))
        return rc;
    const jz_node *vv = jz_node_get(regio, "verevening"), *cc = jz_node_get(regio, "contracten");
    if (!vv && !cc)
        return JZ_OK;
    jz_scenario *s = L->s;
    if (!(s->regio = jz_regio_alloc(s->n_gemeenten, s->n_zorgsoorten, L->H)))
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (vv) {
        s->regio->has_verevening = 1;
        if ((rc = load_verevening(L, &s->regio->verevening, vv)))
            return rc;
    }
    if (!cc)
        return JZ_OK;
    if (cc->type != JZ_NODE_SEQ || cc->n == 0)
        return jz_node_error(L->err, cc, "regio.contracten: expected a list of at least one contract, e.g. "
                             "- {zorgsoorten: [residentieel], lumpsum: 30M, sleutel: jeugd}, got %s",
                             cc->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(cc));
    if (jz_regio_contracts_alloc(s->regio, (int)cc->n))
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    /* the zorgsoorten already financed another way: the verevening's */
    unsigned char *taken = calloc((size_t)s->n_zorgsoorten, 1);
    if (!taken)
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (vv)
        memcpy(taken, s->regio->verevening.pooled, (size_t)s->n_zorgsoorten);
    rc = JZ_OK;
    for (size_t i = 0; i < cc->n && !rc; i++)
        rc = load_contract(L, &s->regio->contracts[i], cc->values[i], (int)i, taken);
    free(taken);
    return rc;
}
