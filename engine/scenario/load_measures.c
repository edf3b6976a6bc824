/*
 * load_measures.c - the `measures:` list of a scenario file into the
 * scenario's jz_measure array (docs/scenario-format.md "measures",
 * docs/measures.md for what the numbers do).
 *
 * A measure is a map identified by `key` (so that `extends` variants merge,
 * override or remove measures by key).  Its `type` picks the key table:
 * hervormingsagenda (a fixed saving) or local (an effect on the model's
 * inputs).  For a local measure the `effect` decides which of the effect
 * parameters (change, share, evaluation_months, from, to, service_cost,
 * amount, zorgsoorten) it uses: a parameter the effect does not use is an
 * error, not silently ignored.
 *
 *
 * Hervormingsagenda rows are read by load_ha.c; measure_loader.h is what the
 * two share.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/build.h"
#include "scenario/measure_build.h"
#include "scenario/value.h"
#include "scenario/measure_loader.h"
#include "scenario/loader.h"
#include "scenario/schema.h"

#define COMMON_KEYS                                                                          \
    {"key", 1, "an identifier, e.g. key: B2 or key: afschalen"},                             \
    {"name", 0, "the display name, e.g. name: Afbakening reikwijdte"},                       \
    {"type", 1, "hervormingsagenda (a fixed saving) or local (acts through the model)"},     \
    {"gemeenten", 0, "CBS codes of the gemeenten it applies to, e.g. [GM0153] (default: all)"}, \
    {"certain", 0, "the certain fraction of its effect, e.g. certain: 60% (default 100%)"},  \
    {"source", 0, "a source note"},                                                         \
    {"bron", 0, "the id of an entry of the bronnen: list"}

const jz_key jz_keys_measure_ha[] = {
    COMMON_KEYS,
    {"saving", 0, "euros saved per year in this gemeente (nominal), e.g. {2023: 780k, 2026: 2446k}"},
    {"national", 0, "the national saving per year in euros (nominal), translated by share"},
    {"share", 0, "the gemeente's share of the national amount, e.g. 0.97% or {GM0153: 0.97%}"},
    {"national_youth", 0, "the national number of youth 0-17 per year: share = the gemeente's youth / this"},
    {"realisation", 0, "fraction of the saving realised per year (default 100%)"},
    {"in_baseline", 0, "true: already in the baseline, saves nothing extra; a year: only the increase after that year counts"},
    {"cause", 0, "the cause of the tekort it lowers: volume (default) or intensity"},
    {"zorgsoorten", 0, "the zorgsoorten it saves on with their shares, summing to 100%, e.g. "
                       "{ambulant: 60%, verblijf: 40%} (default: spread over the zorgsoorten its cause touches, by cost)"},
    {NULL, 0, NULL}};

const jz_key jz_keys_measure_local[] = {
    COMMON_KEYS,
    {"effect", 1, "instroom, zorgduur, exit_after, substitution, tariff, diversion or lumpsum"},
    {"zorgsoorten", 0, "the zorgsoorten it acts on, e.g. [ambulant, daghulp] (default: all)"},
    {"start", 1, "the first year of the effect, e.g. start: 2025"},
    {"ramp_years", 0, "years until the full effect, e.g. ramp_years: 3 (default 0)"},
    {"ramp_shape", 0, "linear (default) or s_curve"},
    {"fade_after_years", 0, "years after the start when the effect begins to fade (default: ramp_years)"},
    {"fade_years", 0, "years over which the effect fades linearly to zero"},
    {"fade_half_life", 0, "half-life in years of an exponential fade"},
    {"change", 0, "relative change at full effect, e.g. change: -10%"},
    {"share", 0, "share at full effect, e.g. share: 20%"},
    {"evaluation_months", 0, "exit_after: months after the start of care of the evaluation, e.g. 3"},
    {"from", 0, "substitution: the zorgsoort whose starts move, e.g. residentieel"},
    {"to", 0, "substitution: the zorgsoort they start in instead, e.g. gezinshuis"},
    {"service_cost", 0, "diversion: euros per diverted start (nominal), e.g. 1.5k"},
    {"amount", 0, "lumpsum: euros per year in base-year prices, e.g. 4.2M"},
    {"investment", 0, "euros per year invested (nominal), counted from the start year, e.g. 250k"},
    {"weights", 0, "the share of the full effect per gemeente it applies to, 0% to 100%, every one named: "
                   "{GM0153: 100%, GM0164: 50%} (default 100% each)"},
    {"regional_investment", 0, "euros per year for all its gemeenten together, split by a key as in regio: "
                               "{amount: 1.2M, sleutel: jeugd}"},
    {NULL, 0, NULL}};

const jz_key jz_keys_regional_investment[] = {
    {"amount", 1, "euros per year for all the gemeenten of the measure together (nominal), from its start year, e.g. 1.2M"},
    {"sleutel", 1, "each gemeente's share: jeugd, tabel, gebruik (as cijfers) or a mix such as {jeugd: 50%, tabel: 50%}"},
    {"gebruik", 0, "the use that key gebruik shares by, given per gemeente: {cijfers: {GM0153: 21.4M, ...}}"},
    {"tabel", 0, "the fixed shares of key tabel, one per gemeente of the scenario, summing to 100%: {GM0153: 40%, GM0164: 60%}"},
    {"source", 0, "a source note"},
    {"bron", 0, "the id of an entry of the bronnen: list"},
    {NULL, 0, NULL}};

/* Per effect: its name, the effect parameters it uses and those it needs
 * (generated from JZ_EFFECTS in jzsim/measures.h). */
#define NAME_(id, yaml, uses, needs, order) yaml,
#define USES_(id, yaml, uses, needs, order) uses,
#define NEEDS_(id, yaml, uses, needs, order) needs,
static const char *const effect_names[JZ_EFFECT_N] = {JZ_EFFECTS(NAME_)};
static const char *const effect_uses[JZ_EFFECT_N] = {JZ_EFFECTS(USES_)};
static const char *const effect_needs[JZ_EFFECT_N] = {JZ_EFFECTS(NEEDS_)};
#undef NAME_
#undef USES_
#undef NEEDS_
static const char *const effect_params[] = {
    "change", "share", "evaluation_months", "from", "to", "service_cost", "amount", "zorgsoorten"};


/* ---- helpers -------------------------------------------------------------- */

static int in_words(const char *words, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = words; (p = strstr(p, w)); p += n)
        if ((p == words || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

int ml_oom(jz_error *err) { return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory"); }

int ml_record(mloader *L, const char *field, const jz_node *v, const char *unit)
{
    char path[256], text[512];
    ml_path(L, field, path, sizeof path);
    jz_value_render(v, text, sizeof text);
    /* a series map's own source: note, else the measure's */
    if (jz_scenario_add_input(L->s, path, text, unit, ld_own_source(v, L->src), v->file, v->line))
        return ml_oom(L->err);
    L->s->inputs[L->s->n_inputs - 1].bron = L->bron; /* its label: made by jz_input_label */
    return JZ_OK;
}

const char *ml_path(const mloader *L, const char *field, char *buf, size_t size)
{
    snprintf(buf, size, "measures[%s].%s", L->key, field);
    return buf;
}

static int text_of(const jz_node *n, const char *what, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected a text, got %s", what, jz_node_type_name(n));
    return JZ_OK;
}

/* The zorgsoort a measure names (jz_zorgsoort_ref). */
int ml_zorgsoort_ref(mloader *L, const jz_node *n, const char *what, int *out)
{
    return jz_zorgsoort_ref(L->s, n, what, out, L->err);
}

/* The items of a list value (a single scalar counts as a list of one). */
static int list_items(mloader *L, const jz_node *n, const char *what, size_t *count,
                      jz_node *const **items)
{
    if (n->type == JZ_NODE_SCALAR) {
        *count = 1;
        *items = NULL;
        return JZ_OK;
    }
    if (n->type != JZ_NODE_SEQ || n->n == 0)
        return jz_node_error(L->err, n, "%s: expected a list, e.g. [a, b], got %s%s", what,
                             n->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(n),
                             n->type == JZ_NODE_SEQ ? " (leave the key out for all)" : "");
    *count = n->n;
    *items = n->values;
    return JZ_OK;
}

/* The scenario loader's state for the helpers it shares with regio:
 * (gemeente names with the nearest suggestion, the key). */
static loader regio_loader(mloader *L)
{
    loader R = {L->s, L->err, L->H, L->base, -1, 0, NULL, NULL};
    return R;
}

int ml_gemeente_ref(mloader *L, const jz_node *n, const char *what, int *out)
{
    loader R = regio_loader(L);
    return ld_gemeente_ref(&R, n, what, out);
}

static int load_gemeenten(mloader *L, jz_measure *m, const jz_node *n)
{
    size_t cnt = 0;
    jz_node *const *items = NULL;
    char what[96];
    int rc = list_items(L, n, ml_path(L, "gemeenten", what, sizeof what), &cnt, &items);
    if (rc)
        return rc;
    memset(m->gemeente, 0, (size_t)L->s->n_gemeenten);
    for (size_t i = 0; i < cnt; i++) {
        const jz_node *it = items ? items[i] : n;
        if ((rc = text_of(it, what, L->err)))
            return rc;
        int g = -1;
        if ((rc = ml_gemeente_ref(L, it, what, &g)))
            return rc;
        m->gemeente[g] = 1;
    }
    return ml_record(L, "gemeenten", n, "gemeenten");
}

static int load_zorgsoorten(mloader *L, jz_measure *m, const jz_node *n, int *count)
{
    size_t cnt = 0;
    jz_node *const *items = NULL;
    char what[96];
    int rc = list_items(L, n, ml_path(L, "zorgsoorten", what, sizeof what), &cnt, &items);
    if (rc)
        return rc;
    memset(m->zorgsoort, 0, (size_t)L->s->n_zorgsoorten);
    *count = 0;
    for (size_t i = 0; i < cnt; i++) {
        int z = -1;
        if ((rc = ml_zorgsoort_ref(L, items ? items[i] : n, what, &z)))
            return rc;
        *count += !m->zorgsoort[z];
        m->zorgsoort[z] = 1;
    }
    return ml_record(L, "zorgsoorten", n, "zorgsoorten");
}

static int number(mloader *L, const jz_node *item, const char *field, jz_unit u, double *out)
{
    const jz_node *v = jz_node_get(item, field);
    if (!v)
        return JZ_OK;
    char what[160];
    ml_path(L, field, what, sizeof what);
    int rc = jz_value_number(v, u, what, out, L->err);
    return rc ? rc : ml_record(L, field, v, jz_unit_name(u));
}

static int integer(mloader *L, const jz_node *item, const char *field, long lo, long hi, int *out)
{
    const jz_node *v = jz_node_get(item, field);
    if (!v)
        return JZ_OK;
    char what[160];
    ml_path(L, field, what, sizeof what);
    long x;
    int rc = jz_value_int(v, lo, hi, what, &x, L->err);
    if (rc)
        return rc;
    *out = (int)x;
    return ml_record(L, field, v, "years");
}

int ml_series(mloader *L, const jz_node *item, const char *field, jz_unit u, double *out)
{
    const jz_node *v = jz_node_get(item, field);
    if (!v)
        return JZ_OK;
    char what[160];
    ml_path(L, field, what, sizeof what);
    int rc = jz_value_series(L->s, v, u, what, L->base, L->H, out, L->err);
    return rc ? rc : ml_record(L, field, v, jz_unit_name(u));
}

/* 1 when key k of a series map is a year (not source, interpolation, ...),
 * into *year. */
static int key_year(const jz_node *k, long *year)
{
    char *end;
    *year = strtol(k->scalar, &end, 10);
    return end != k->scalar && !*end;
}

/* An investment written by year whose last year comes before the
 * scenario's last: the series rule holds that amount in every later year,
 * so {2026: 350k, 2027: 350k} goes on costing 350k a year to the end of
 * the horizon.  The rule is documented, but a controller who writes the
 * years a programme is funded means it stops there (found in a
 * walk-through: 0,35 mln a year that nobody had budgeted).  So when the
 * map names its last two years one after the other, a warning at the last
 * says what the later years get and how to write either reading; an
 * explicit later year (0, or the amount) silences it.  Only
 * for points in the scenario's own file: a base's series serves the base
 * (extends), which gets the warning when it is validated itself. */
static int warn_held_investment(mloader *L, const jz_node *n, const char *what, const double *out)
{
    const int first = L->base, last = L->base + L->H - 1;
    if (!n || n->type != JZ_NODE_MAP || L->H < 2 || out[L->H - 1] == 0.0)
        return JZ_OK;
    const jz_node *at = NULL;
    long latest = 0, year;
    for (size_t i = 0; i < n->n; i++)
        if (key_year(n->keys[i], &year) && (!at || year > latest)) {
            at = n->keys[i];
            latest = year;
        }
    if (!at || latest >= last || latest < first || !at->file || strcmp(at->file, L->s->meta.path) != 0)
        return JZ_OK;
    /* written year by year up to its last year ({2026: .., 2027: ..}): the
     * years the programme is funded.  A map that skips years ({2024: 200k,
     * 2026: 100k}) or names one year already relies on the holding rule. */
    int before = 0;
    for (size_t i = 0; i < n->n; i++)
        before |= key_year(n->keys[i], &year) && year == latest - 1;
    if (!before)
        return JZ_OK;
    int rc = jz_scenario_warn(L->s, "%s:%d:%d: %s: the amount of %ld (%.10g euros) is held in %ld-%d too (a series "
                              "keeps its last value); write %ld: 0 if the investment stops after %ld, or %d: %.10g "
                              "to say it goes on",
                              at->file, at->line, at->column, what, latest, out[latest - first], latest + 1, last,
                              latest + 1, latest, last, out[L->H - 1]);
    return rc ? ml_oom(L->err) : JZ_OK;
}

/* ---- Hervormingsagenda ------------------------------------------------------ */

static int load_effect_name(mloader *L, jz_measure *m, const jz_node *e)
{
    if (e->type == JZ_NODE_SCALAR)
        for (int i = 0; i < JZ_EFFECT_N; i++)
            if (strcmp(e->scalar, effect_names[i]) == 0) {
                m->effect = i;
                return ml_record(L, "effect", e, "");
            }
    jz_key keys[JZ_EFFECT_N + 1];
    for (int i = 0; i < JZ_EFFECT_N; i++)
        keys[i] = (jz_key){effect_names[i], 0, ""};
    keys[JZ_EFFECT_N] = (jz_key){NULL, 0, NULL};
    const char *sug = e->type == JZ_NODE_SCALAR ? jz_schema_suggest(e->scalar, keys) : NULL;
    if (sug)
        return jz_node_error(L->err, e, "measures[%s]: unknown effect '%s'; did you mean '%s'?",
                             L->key, e->scalar, sug);
    return jz_node_error(L->err, e, "measures[%s]: effect must be one of instroom, zorgduur, "
                         "exit_after, substitution, tariff, diversion, lumpsum", L->key);
}

/* Effect parameters the effect does not use, and missing ones it needs. */
static int check_effect_keys(mloader *L, const jz_measure *m, const jz_node *item)
{
    const char *uses = effect_uses[m->effect], *needs = effect_needs[m->effect];
    const char *name = effect_names[m->effect];
    const size_t np = sizeof effect_params / sizeof effect_params[0];
    for (size_t i = 0; i < np; i++) /* first what does not belong, then what is missing */
        for (size_t k = 0; k < item->n; k++)
            if (strcmp(item->keys[k]->scalar, effect_params[i]) == 0 && !in_words(uses, effect_params[i]))
                return jz_node_error(L->err, item->keys[k], "measures[%s]: '%s' does not apply to "
                                     "effect '%s' (it uses: %s)", L->key, effect_params[i], name, uses);
    for (size_t i = 0; i < np; i++)
        if (!jz_node_get(item, effect_params[i]) && in_words(needs, effect_params[i]))
            return jz_node_error(L->err, item, "measures[%s]: effect '%s' needs '%s' (it uses: %s)",
                                 L->key, name, effect_params[i], uses);
    if (m->effect == JZ_EFFECT_LUMPSUM) {
        static const char *const timing[] = {"ramp_years", "ramp_shape", "fade_after_years",
                                             "fade_years", "fade_half_life"};
        for (size_t i = 0; i < sizeof timing / sizeof timing[0]; i++)
            if (jz_node_get(item, timing[i]))
                return jz_node_error(L->err, jz_node_get(item, timing[i]),
                                     "measures[%s]: a lumpsum switches on fully in its start year; "
                                     "'%s' does not apply", L->key, timing[i]);
    }
    return JZ_OK;
}

static int load_timing(mloader *L, jz_measure *m, const jz_node *item)
{
    int rc;
    if ((rc = integer(L, item, "start", 1900, 2200, &m->start_year)) ||
        (rc = integer(L, item, "ramp_years", 0, 50, &m->ramp_years)))
        return rc;
    const jz_node *sh = jz_node_get(item, "ramp_shape");
    if (sh) {
        if (sh->type == JZ_NODE_SCALAR && strcmp(sh->scalar, "linear") == 0)
            m->ramp_shape = JZ_RAMP_LINEAR;
        else if (sh->type == JZ_NODE_SCALAR && strcmp(sh->scalar, "s_curve") == 0)
            m->ramp_shape = JZ_RAMP_S_CURVE;
        else
            return jz_node_error(L->err, sh, "measures[%s]: ramp_shape must be 'linear' or 's_curve'",
                                 L->key);
        if ((rc = ml_record(L, "ramp_shape", sh, "")))
            return rc;
    }
    const jz_node *fy = jz_node_get(item, "fade_years"), *fh = jz_node_get(item, "fade_half_life");
    const jz_node *fa = jz_node_get(item, "fade_after_years");
    if (fy && fh)
        return jz_node_error(L->err, fh, "measures[%s]: give either fade_years (linear fade) or "
                             "fade_half_life (exponential fade), not both", L->key);
    if (fa && !fy && !fh)
        return jz_node_error(L->err, fa, "measures[%s]: fade_after_years needs fade_years or "
                             "fade_half_life: how fast the effect fades", L->key);
    if ((rc = number(L, item, "fade_years", JZ_U_FACTOR, &m->fade_years)) ||
        (rc = number(L, item, "fade_half_life", JZ_U_FACTOR, &m->fade_half_life)))
        return rc;
    if ((fy && !(m->fade_years > 0.0)) || (fh && !(m->fade_half_life > 0.0)))
        return jz_node_error(L->err, fy ? fy : fh, "measures[%s]: %s must be > 0 years", L->key,
                             fy ? "fade_years" : "fade_half_life");
    if (fy || fh) {
        m->fade_after_years = m->ramp_years;
        if ((rc = integer(L, item, "fade_after_years", 0, 100, &m->fade_after_years)))
            return rc;
    }
    return JZ_OK;
}

/* ---- a measure for a region ------------------------------------------------ */

/* weights: {gemeente: share of the full effect}; every gemeente the measure
 * applies to is named once (a forgotten one is an error, not a silent 100%),
 * no other. */
static int load_weights(mloader *L, jz_measure *m, const jz_node *n)
{
    char what[160];
    snprintf(what, sizeof what, "measures[%s].weights", L->key);
    if (m->effect == JZ_EFFECT_LUMPSUM)
        return jz_node_error(L->err, n, "%s: a lumpsum pays a fixed amount, it has no effect to weigh; "
                             "give each gemeente its own lumpsum measure", what);
    if (n->type != JZ_NODE_MAP || n->n == 0)
        return jz_node_error(L->err, n, "%s: expected a map from gemeente (CBS code or name) to the share of "
                             "the full effect, e.g. {GM0153: 100%%, GM0164: 50%%}, got %s", what,
                             n->type == JZ_NODE_MAP ? "an empty map" : jz_node_type_name(n));
    const jz_scenario *s = L->s;
    unsigned char *seen = calloc((size_t)s->n_gemeenten, 1);
    if (!seen)
        return ml_oom(L->err);
    int rc = JZ_OK;
    for (size_t i = 0; i < n->n && !rc; i++) {
        const jz_node *k = n->keys[i], *v = n->values[i];
        int g = -1;
        if ((rc = ml_gemeente_ref(L, k, what, &g)))
            break;
        if (seen[g]) {
            rc = jz_node_error(L->err, k, "%s: gemeente %s (%s) is named twice", what, s->gemeenten[g].code,
                               s->gemeenten[g].name);
            break;
        }
        if (!m->gemeente[g]) {
            rc = jz_node_error(L->err, k, "%s: gemeente %s (%s) is not in the measure's gemeenten; add it "
                               "there or leave its weight out", what, s->gemeenten[g].code, s->gemeenten[g].name);
            break;
        }
        seen[g] = 1;
        char w[192];
        snprintf(w, sizeof w, "%s.%s", what, s->gemeenten[g].code);
        if ((rc = jz_value_number(v, JZ_U_FRACTION, w, &m->weight[g], L->err)))
            break;
        if (!(m->weight[g] >= 0.0 && m->weight[g] <= 1.0)) {
            rc = jz_node_error(L->err, v, "%s: a weight is the share of the full effect, from 0%% to 100%%, "
                               "got %.10g%%", w, 100.0 * m->weight[g]);
            break;
        }
    }
    for (int g = 0; g < s->n_gemeenten && !rc; g++)
        if (m->gemeente[g] && !seen[g])
            rc = jz_node_error(L->err, n, "%s: gemeente %s (%s) is missing; the measure applies to it, so give "
                               "its weight (100%% = the full effect, 0%% = none)", what, s->gemeenten[g].code,
                               s->gemeenten[g].name);
    free(seen);
    return rc ? rc : ml_record(L, "weights", n, "fraction");
}

/* regional_investment: {amount, sleutel, tabel, gebruik}: the key is read
 * by the regio loader (one implementation of the keys); the split happens
 * in the model (engine/model/measures.c) before the run, so the key must
 * not depend on the run: gebruik only as given cijfers. */
static int load_regional_investment(mloader *L, jz_measure *m, const jz_node *n)
{
    char P[128];
    snprintf(P, sizeof P, "measures[%s].regional_investment", L->key);
    if (n->type != JZ_NODE_MAP)
        return jz_node_error(L->err, n, "%s: expected {amount: euros per year, sleutel: jeugd}, got %s", P,
                             jz_node_type_name(n));
    int rc = jz_schema_check(n, jz_keys_regional_investment, P, L->err);
    if (rc)
        return rc;
    jz_verevening *v = &m->regional_key;
    memcpy(v->pooled, m->zorgsoort, (size_t)L->s->n_zorgsoorten);
    const jz_node *gb = jz_node_get(n, "gebruik");
    if (gb && gb->type == JZ_NODE_MAP && jz_node_get(gb, "jaren"))
        return jz_node_error(L->err, jz_node_get(gb, "jaren"), "%s.gebruik: the investment is split before the "
                             "run, so the use cannot come from this run's years; give it as cijfers: "
                             "{<gemeente>: euros}", P);
    loader R = regio_loader(L);
    if ((rc = ld_load_key(&R, v, n, P)))
        return rc;
    /* the split is over the measure's gemeenten: another gemeente's table
     * share would pay for nothing */
    for (int g = 0; g < L->s->n_gemeenten; g++)
        if (!m->gemeente[g] && v->weight[JZ_SLEUTEL_TABEL] > 0.0 && v->tabel[g] > 0.0)
            return jz_node_error(L->err, jz_node_get(n, "tabel"), "%s.tabel: gemeente %s (%s) has a share but "
                                 "is not in the measure's gemeenten", P, L->s->gemeenten[g].code,
                                 L->s->gemeenten[g].name);
    const jz_node *a = jz_node_get(n, "amount");
    char what[160];
    snprintf(what, sizeof what, "%s.amount", P);
    if ((rc = jz_value_series(L->s, a, JZ_U_MONEY, what, L->base, L->H, m->regional_investment, L->err)) ||
        (rc = ml_record(L, "regional_investment.amount", a, jz_unit_name(JZ_U_MONEY))) ||
        (rc = warn_held_investment(L, a, what, m->regional_investment)))
        return rc;
    m->has_regional_investment = 1;
    return JZ_OK;
}

static int load_local(mloader *L, jz_measure *m, const jz_node *item)
{
    int rc;
    if ((rc = load_effect_name(L, m, jz_node_get(item, "effect"))) ||
        (rc = check_effect_keys(L, m, item)) || (rc = load_timing(L, m, item)))
        return rc;
    const jz_node *zl = jz_node_get(item, "zorgsoorten");
    int nz = L->s->n_zorgsoorten;
    if (zl && (rc = load_zorgsoorten(L, m, zl, &nz)))
        return rc;
    if (m->effect == JZ_EFFECT_LUMPSUM && nz != 1)
        return jz_node_error(L->err, zl, "measures[%s]: a lumpsum is for one zorgsoort; name "
                             "exactly one in zorgsoorten", L->key);
    if ((rc = number(L, item, "change", JZ_U_RATE, &m->change)) ||
        (rc = number(L, item, "share", JZ_U_FRACTION, &m->share)) ||
        (rc = number(L, item, "evaluation_months", JZ_U_MONTHS, &m->evaluation_months)) ||
        (rc = ml_series(L, item, "service_cost", JZ_U_MONEY, m->service_cost)) ||
        (rc = ml_series(L, item, "amount", JZ_U_MONEY, m->amount)) ||
        (rc = ml_series(L, item, "investment", JZ_U_MONEY, m->investment)))
        return rc;
    char what_inv[160];
    if ((rc = warn_held_investment(L, jz_node_get(item, "investment"),
                                   ml_path(L, "investment", what_inv, sizeof what_inv), m->investment)))
        return rc;
    if (m->effect == JZ_EFFECT_SUBSTITUTION) {
        const jz_node *f = jz_node_get(item, "from"), *t = jz_node_get(item, "to");
        char what[96];
        if ((rc = ml_zorgsoort_ref(L, f, ml_path(L, "from", what, sizeof what), &m->from)) ||
            (rc = ml_zorgsoort_ref(L, t, ml_path(L, "to", what, sizeof what), &m->to)))
            return rc;
        if (m->from == m->to)
            return jz_node_error(L->err, t, "measures[%s]: from and to are the same zorgsoort", L->key);
        if ((rc = ml_record(L, "from", f, "zorgsoort")) || (rc = ml_record(L, "to", t, "zorgsoort")))
            return rc;
    }
    const jz_node *wt = jz_node_get(item, "weights"), *ri = jz_node_get(item, "regional_investment");
    if ((wt && (rc = load_weights(L, m, wt))) || (ri && (rc = load_regional_investment(L, m, ri))))
        return rc;
    return JZ_OK;
}

/* ---- the list ------------------------------------------------------------- */

static int load_measure(mloader *L, size_t index, const jz_node *item)
{
    char what[JZ_KEY_MAX + 16]; /* "measures[" + a key of up to JZ_KEY_MAX - 1 + "]" */
    jz_node_item_name(what, sizeof what, "measures", item, "key", index);
    if (!item || item->type != JZ_NODE_MAP)
        return jz_node_error(L->err, item, "%s: expected a map with key, name, type, ..., got %s",
                             what, jz_node_type_name(item));
    const jz_node *type = jz_node_get(item, "type");
    if (!type)
        return jz_node_error(L->err, item, "%s: missing required key 'type' (hervormingsagenda or local)",
                             what);
    int kind;
    if (type->type == JZ_NODE_SCALAR && strcmp(type->scalar, "hervormingsagenda") == 0)
        kind = JZ_MEASURE_HA;
    else if (type->type == JZ_NODE_SCALAR && strcmp(type->scalar, "local") == 0)
        kind = JZ_MEASURE_LOCAL;
    else
        return jz_node_error(L->err, type, "%s: type must be 'hervormingsagenda' (a fixed saving per "
                             "year) or 'local' (an effect through the model)", what);
    char what_kind[JZ_KEY_MAX + 48]; /* the keys allowed depend on the type */
    snprintf(what_kind, sizeof what_kind, "%s (a %s measure)", what,
             kind == JZ_MEASURE_HA ? "hervormingsagenda" : "local");
    int rc = jz_schema_check(item, kind == JZ_MEASURE_HA ? jz_keys_measure_ha : jz_keys_measure_local,
                             what_kind, L->err);
    if (rc)
        return rc;
    const jz_node *key = jz_node_get(item, "key");
    if ((rc = text_of(key, "measure key", L->err)))
        return rc;
    if (!key->scalar[0] || strlen(key->scalar) >= JZ_KEY_MAX)
        return jz_node_error(L->err, key, "measure key must be 1 to %d characters", JZ_KEY_MAX - 1);
    for (const char *p = key->scalar; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.'))
            return jz_node_error(L->err, key, "measure key '%s' may contain only letters, digits, "
                                 "'_', '-' and '.'", key->scalar);
    for (int i = 0; i < L->s->n_measures; i++)
        if (strcmp(L->s->measures[i].key, key->scalar) == 0)
            return jz_node_error(L->err, key, "measures[%s] is listed twice", key->scalar);
    snprintf(L->key, sizeof L->key, "%s", key->scalar);
    const jz_node *src = jz_node_get(item, "source");
    L->src = src && src->type == JZ_NODE_SCALAR ? src->scalar : "";
    if ((rc = jz_bron_ref(L->s, item, NULL, &L->bron, L->err)))
        return rc;

    jz_measure *m = jz_scenario_add_measure(L->s, kind, key->scalar);
    if (!m)
        return ml_oom(L->err);
    const jz_node *name = jz_node_get(item, "name");
    if (name) {
        if ((rc = text_of(name, "measure name", L->err)))
            return rc;
        if (strlen(name->scalar) >= sizeof m->name)
            return jz_node_error(L->err, name, "measure name: at most %zu characters",
                                 sizeof m->name - 1);
        snprintf(m->name, sizeof m->name, "%s", name->scalar);
    }
    const jz_node *gl = jz_node_get(item, "gemeenten");
    if ((gl && (rc = load_gemeenten(L, m, gl))) ||
        (rc = number(L, item, "certain", JZ_U_FRACTION, &m->certain)))
        return rc;
    return kind == JZ_MEASURE_HA ? ml_load_ha(L, m, item) : load_local(L, m, item);
}

int jz_load_measures(jz_scenario *s, const jz_node *list, jz_error *err)
{
    if (!list)
        return JZ_OK;
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(err, list, "measures: expected a list of measures (- key: ..., type: ...), "
                             "got %s", jz_node_type_name(list));
    if (list->n > 1000)
        return jz_node_error(err, list, "measures: at most 1000 measures, got %zu", list->n);
    mloader L = {s, err, s->meta.horizon, s->meta.base_year, "", -1, ""};
    for (size_t i = 0; i < list->n; i++) {
        int rc = load_measure(&L, i, list->values[i]);
        if (rc)
            return strstr(err->message, ": missing required key ")
                       ? jz_new_item_hint(err, "measure", list, "key", i, "type and what its type requires")
                       : rc;
    }
    return JZ_OK;
}
