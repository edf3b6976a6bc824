/*
 * load.c - from a YAML tree to a validated, resolved jz_scenario.
 *
 * Steps: parse the file (node.c), resolve `extends` (extends.c), check the
 * keys of every map against the schema tables (schema.c), then read every
 * value with its unit (value.c) into the per-year arrays of a scenario made
 * by jz_scenario_new().  Cross-checks that need the whole scenario (unknown
 * zorgsoort names, fractions that add up to more than 1, a per-1,000 rate
 * without a population) come last.  The first error stops the load: one
 * clear message is worth more than a page of follow-on errors.
 *
 * The values of a gemeente x zorgsoort cell come from two layers: the
 * gemeente's `zorg.<key>` map, then the zorgsoort's own defaults.  For a
 * plain key the first layer that has it wins; for the map keys (instroom,
 * budget, reentry, ageing, transitions, financing) each sub-key is looked up
 * the same way, so a gemeente can override one part (e.g. instroom.trend)
 * only, and a required sub-key of the gemeente's map may come from the
 * zorgsoort's (ld_check_cell_maps).
 *
 * This file holds the helpers, meta, indexation, zorgsoorten and the whole
 * tree; a gemeente is read by load_gemeente.c and its cells by load_cell.c
 * (loader.h is what they share).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "jzsim/taakveld.h"
#include "scenario/loader.h"
#include "scenario/measure_build.h"
#include "scenario/node.h"
#include "scenario/plausible.h"
#include "scenario/schema.h"
#include "scenario/uncertain.h"
#include "scenario/value.h"

/* ---- small helpers ----------------------------------------------------- */

int ld_copy_text(const jz_node *n, char *dst, size_t size, const char *what, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected a text, got %s", what, jz_node_type_name(n));
    size_t len = strlen(n->scalar);
    if (len >= size)
        return jz_node_error(err, n, "%s: at most %zu characters, got %zu", what, size - 1, len);
    memcpy(dst, n->scalar, len + 1);
    return JZ_OK;
}

const char *ld_source_of(const jz_node *inner, const jz_node *outer)
{
    const jz_node *src = inner ? jz_node_get(inner, "source") : NULL;
    if (!src && outer)
        src = jz_node_get(outer, "source");
    return src && src->type == JZ_NODE_SCALAR ? src->scalar : "";
}

const char *ld_own_source(const jz_node *v, const char *fallback)
{
    const jz_node *own = v && v->type == JZ_NODE_MAP ? jz_node_get(v, "source") : NULL;
    return own && own->type == JZ_NODE_SCALAR ? own->scalar : fallback;
}

/* Record an input with its label (the series map's own `label:`, or
 * generated) and its `bron:` (the series map's, or scope's). */
int ld_record_in(loader *L, const char *path, const jz_node *v, jz_unit u, const char *source,
                     const jz_node *scope, const jz_node *outer)
{
    return ld_record_named(L, path, v, jz_unit_name(u), source, scope, outer);
}

int ld_record_named(loader *L, const char *path, const jz_node *v, const char *unit, const char *source,
                    const jz_node *scope, const jz_node *outer)
{
    char text[512];
    int bron, rc;
    if ((rc = jz_bron_ref(L->s, v, scope, &bron, L->err)) ||
        (bron < 0 && scope && (rc = jz_bron_ref(L->s, scope, outer, &bron, L->err))))
        return rc;
    source = ld_own_source(v, source);
    const jz_node *label = v->type == JZ_NODE_MAP ? jz_node_get(v, "label") : NULL;
    if (label && label->type != JZ_NODE_SCALAR)
        return jz_node_error(L->err, label, "%s label: expected a text, got %s", path, jz_node_type_name(label));
    jz_value_render(v, text, sizeof text);
    if (jz_scenario_add_input(L->s, path, text, unit, source, v->file, v->line) ||
        jz_input_describe(L->s, L->s->n_inputs - 1, label ? label->scalar : NULL, bron))
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}


/* Read a series (pulse: one-off values per year, as tariff corrections
 * are; see jz_value_series_pulse) and record it as a traceable input. */
int ld_series_as(loader *L, const jz_node *v, jz_unit u, const char *path,
                     const char *source, double *out, int rec, int pulse)
{
    int rc;
    L->unc = -1;
    if (pulse && v && v->type == JZ_NODE_SCALAR) { /* one-off values need their year */
        double x;
        if ((rc = jz_value_number(v, u, path, &x, L->err)))
            return rc;
        if (x != 0.0)
            return jz_node_error(L->err, v, "%s: a one-off correction is given with its year, e.g. {%d: %s}; "
                                 "a single number would apply again every year (0 means none)", path,
                                 L->base + 1, v->scalar);
    }
    /* a distribution or {value, low, high}: the point value, registered as uncertain */
    if (jz_unc_is_value(v))
        rc = pulse ? jz_node_error(L->err, v, "%s: a distribution or range is not supported here; write a plain value", path)
                   : jz_unc_series(L->s, v, u, path, L->H, out, &L->unc, L->err);
    else if (!(rc = jz_unc_check_nested(v, path, L->err)))
        rc = pulse ? jz_value_series_pulse(L->s, v, u, path, L->base, L->H, out, L->err)
                   : jz_value_series(L->s, v, u, path, L->base, L->H, out, L->err);
    const jz_node *scope = L->scope, *outer = L->outer;
    L->scope = L->outer = NULL;
    if (rc == JZ_OK)
        rc = jz_plaus_ceiling(v, scope, u, path, L->allow_implausible, L->err);
    if (rc == JZ_OK && rec && jz_plaus_range(L->s, v, u, path, out, pulse ? 0 : L->H))
        rc = jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == JZ_OK && rec)
        rc = ld_record_in(L, path, v, u, source, scope, outer);
    if (rc == JZ_OK && rec && !pulse) /* one-off values hold no value from one year to the next */
        L->s->inputs[L->s->n_inputs - 1].series = 1;
    return rc;
}

int ld_series(loader *L, const jz_node *v, jz_unit u, const char *path,
                  const char *source, double *out, int rec)
{
    return ld_series_as(L, v, u, path, source, out, rec, 0);
}

int ld_check_identifier(const jz_node *n, const char *what, jz_error *err)
{
    const char *p = n->scalar;
    if (!*p)
        return jz_node_error(err, n, "%s must not be empty", what);
    for (; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
            return jz_node_error(err, n,
                                 "%s '%s' may contain only letters, digits, '_' and '-'",
                                 what, n->scalar);
    return JZ_OK;
}

/* An instroom written as a series by year ({2024: 900, 2026: 1000}) rather
 * than as {absolute|per_1000, trend}: its first key is a number. */
int ld_is_year_map(const jz_node *n)
{
    return n && n->type == JZ_NODE_MAP && n->n > 0 && isdigit((unsigned char)n->keys[0]->scalar[0]);
}

/* ---- meta and indexation ------------------------------------------------ */


int ld_taakveld(const jz_node *n, const char *what, char *dst, size_t size, jz_error *err)
{
    int rc = ld_copy_text(n, dst, size, "taakveld", err);
    if (rc)
        return rc;
    if (jz_taakveld_index(dst) >= 0)
        return JZ_OK;
    char list[128] = "";
    for (int i = 0; i < JZ_TAAKVELD_N; i++) {
        size_t l = strlen(list);
        snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", jz_taakveld_codes[i]);
    }
    return jz_node_error(err, n,
                         "%s: taakveld '%s' is not an Iv3 taakveld of youth care (one of %s; write it quoted, "
                         "taakveld: \"6.72\")",
                         what, dst, list);
}

static int load_meta(loader *L, const jz_node *meta, int *base_year, int *horizon)
{
    int rc = jz_schema_check(meta, jz_keys_meta, "meta", L->err);
    if (rc)
        return rc;
    long v;
    if ((rc = jz_value_int(jz_node_get(meta, "base_year"), 1900, 2200, "meta.base_year", &v, L->err)))
        return rc;
    *base_year = (int)v;
    if ((rc = jz_value_int(jz_node_get(meta, "horizon"), 1, JZ_HORIZON_MAX, "meta.horizon (years)", &v, L->err)))
        return rc;
    *horizon = (int)v;
    return JZ_OK;
}

/* The model's steps per year (docs/model.md section 1); 12, monthly, unless
 * meta.steps_per_year says otherwise.  The bounds are the model's. */
#define STEPS_PER_YEAR_MAX 400

static int load_steps(loader *L, const jz_node *meta)
{
    const jz_node *n = jz_node_get(meta, "steps_per_year");
    long v;
    int rc;
    if (n && (rc = jz_value_int(n, 1, STEPS_PER_YEAR_MAX, "meta.steps_per_year", &v, L->err)))
        return rc;
    if (n)
        L->s->meta.steps_per_year = (int)v;
    return JZ_OK;
}

/* meta keys of the split and of judging measures (docs/model.md section 12,
 * docs/measures.md "Judging a measure") */
static int load_meta_conventions(loader *L, const jz_node *meta)
{
    jz_meta *m = &L->s->meta;
    m->startverschil_beinvloedbaar = 1;
    m->measures_horizon = m->horizon > 10 ? m->horizon : 10;
    m->discount_rate = 0.03;
    const jz_node *b = jz_node_get(meta, "startverschil_beinvloedbaar");
    if (b) {
        if (b->type == JZ_NODE_SCALAR && strcmp(b->scalar, "true") == 0)
            m->startverschil_beinvloedbaar = 1;
        else if (b->type == JZ_NODE_SCALAR && strcmp(b->scalar, "false") == 0)
            m->startverschil_beinvloedbaar = 0;
        else
            return jz_node_error(L->err, b, "meta.startverschil_beinvloedbaar: expected true or false");
    }
    long v;
    int rc;
    const jz_node *h = jz_node_get(meta, "measures_horizon");
    if (h) {
        if ((rc = jz_value_int(h, m->horizon, JZ_HORIZON_MAX,
                               "meta.measures_horizon (years, at least meta.horizon)", &v, L->err)))
            return rc;
        m->measures_horizon = (int)v;
    }
    const jz_node *d = jz_node_get(meta, "discount_rate");
    if (d && (rc = jz_value_number(d, JZ_U_FRACTION, "meta.discount_rate", &m->discount_rate, L->err)))
        return rc;
    /* the begroting year of the P&C cycle: a projected year after the base
     * year (the reports label its jaarrekening, current, begroting and
     * meerjarenraming years) */
    m->begrotingsjaar = 0;
    const jz_node *bj = jz_node_get(meta, "begrotingsjaar");
    if (bj) {
        char what[160];
        snprintf(what, sizeof what, "meta.begrotingsjaar (a projected year after the base year %d, up to %d)",
                 m->base_year, m->base_year + m->horizon - 1);
        if (m->horizon < 2)
            return jz_node_error(L->err, bj, "meta.begrotingsjaar: the scenario projects only its base year %d; a begroting year needs a later one",
                                 m->base_year);
        if ((rc = jz_value_int(bj, m->base_year + 1, m->base_year + m->horizon - 1, what, &v, L->err)))
            return rc;
        m->begrotingsjaar = (int)v;
    }
    return JZ_OK;
}

static int fill_meta(loader *L, const jz_node *meta, const char *path)
{
    jz_meta *m = &L->s->meta;
    int rc = ld_copy_text(jz_node_get(meta, "name"), m->name, sizeof m->name, "meta.name", L->err);
    if (rc)
        return rc;
    const jz_node *d = jz_node_get(meta, "description");
    if (d && (rc = ld_copy_text(d, m->description, sizeof m->description, "meta.description", L->err)))
        return rc;
    snprintf(m->path, sizeof m->path, "%s", path);
    if ((rc = load_meta_conventions(L, meta)))
        return rc;
    const jz_node *src = jz_node_get(meta, "sources");
    if (!src)
        return JZ_OK;
    size_t n = src->type == JZ_NODE_SEQ ? src->n : 1;
    if (src->type == JZ_NODE_MAP)
        return jz_node_error(L->err, src, "meta.sources: expected a list of texts, got a map");
    m->sources = calloc(n ? n : 1, sizeof *m->sources);
    if (!m->sources)
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const jz_node *it = src->type == JZ_NODE_SEQ ? src->values[i] : src;
        if (it->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, it, "meta.sources: each source is a text, got %s",
                                 jz_node_type_name(it));
        m->sources[i] = malloc(strlen(it->scalar) + 1);
        if (!m->sources[i])
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        strcpy(m->sources[i], it->scalar);
        m->n_sources++;
    }
    return JZ_OK;
}

static int load_indexation(loader *L, const jz_node *ix)
{
    if (!ix)
        return JZ_OK;
    int rc = jz_schema_check(ix, jz_keys_indexation, "indexation", L->err);
    if (rc)
        return rc;
    const jz_node *t = jz_node_get(ix, "tariff"), *b = jz_node_get(ix, "budget");
    const jz_node *tc = jz_node_get(ix, "tariff_correction");
    const char *src = ld_source_of(ix, NULL);
    L->scope = ix;
    if (t && (rc = ld_series(L, t, JZ_U_RATE, "indexation.tariff", src, L->s->tariff_index, 1)))
        return rc;
    L->scope = ix;
    if (b && (rc = ld_series(L, b, JZ_U_RATE, "indexation.budget", src, L->s->budget_index, 1)))
        return rc;
    L->scope = ix;
    if (tc && (rc = ld_series_as(L, tc, JZ_U_RATE, "indexation.tariff_correction", src,
                              L->s->tariff_correction, 1, 1)))
        return rc;
    return JZ_OK;
}

/* ---- zorgsoorten --------------------------------------------------------- */

int ld_check_cell_maps(const jz_node *cellmap, const jz_node *defaults, const char *what, jz_error *err);

static int load_zorgsoort(loader *L, int z, const jz_node *item)
{
    char what[128];
    jz_node_item_name(what, sizeof what, "zorgsoorten", item, "key", (size_t)z);
    int rc = jz_schema_check(item, jz_keys_zorgsoort, what, L->err);
    if (rc)
        return rc;
    jz_zorgsoort *zs = &L->s->zorgsoorten[z];
    const jz_node *key = jz_node_get(item, "key");
    if ((rc = ld_copy_text(key, zs->key, sizeof zs->key, "zorgsoort key", L->err)) ||
        (rc = ld_check_identifier(key, "zorgsoort key", L->err)))
        return rc;
    for (int o = 0; o < z; o++)
        if (strcmp(L->s->zorgsoorten[o].key, zs->key) == 0)
            return jz_node_error(L->err, key, "%s is listed twice", what);
    const jz_node *n = jz_node_get(item, "name");
    if ((rc = ld_copy_text(n ? n : key, zs->name, sizeof zs->name, "zorgsoort name", L->err)))
        return rc;
    if ((n = jz_node_get(item, "taakveld")) && (rc = ld_taakveld(n, what, zs->taakveld, sizeof zs->taakveld, L->err)))
        return rc;
    long k = 1;
    if ((n = jz_node_get(item, "stages")) &&
        (rc = jz_value_int(n, 1, JZ_STAGES_MAX, "stages", &k, L->err)))
        return rc;
    zs->stages = (int)k;
    const jz_node *mix = jz_node_get(item, "mixture");
    if (mix) {
        /* stages: 1 is the default and says nothing; a calibrated scenario
         * writes it to override an inherited stages beside its mixture */
        if (n && k != 1)
            return jz_node_error(L->err, n, "%s: stages: %ld and a mixture (%s:%d:%d) both give the duration "
                                 "shape; a mixture has its own stages per branch, so drop one of them",
                                 what, k, mix->file, mix->line, mix->column);
        if ((rc = ld_mixture(L, mix, what, zs->key, &zs->mix)))
            return rc;
    }
    zs->population = JZ_POP_YOUTH;
    if ((n = jz_node_get(item, "population"))) {
        if (n->type == JZ_NODE_SCALAR && strcmp(n->scalar, "youth") == 0)
            zs->population = JZ_POP_YOUTH;
        else if (n->type == JZ_NODE_SCALAR && strcmp(n->scalar, "young_adults") == 0)
            zs->population = JZ_POP_YOUNG_ADULT;
        else
            return jz_node_error(L->err, n, "population must be 'youth' (0-17) or 'young_adults' (18-22)");
    }
    return ld_check_cell_maps(item, NULL, what, L->err);
}

/* Check the sub-maps that a cell layer may carry.  defaults: the layer it
 * is laid over (a gemeente's zorg.<key> over the zorgsoort's item; NULL for
 * the zorgsoort itself), whose sub-keys stand in for required ones the
 * override leaves out, as load_cell.c then reads them per sub-key. */
int ld_check_cell_maps(const jz_node *cellmap, const jz_node *defaults, const char *what, jz_error *err)
{
    static const struct {
        const char *key;
        const jz_key *table;
    } subs[] = {{"budget", jz_keys_budget},
                {"reentry", jz_keys_reentry},
                {"ageing", jz_keys_ageing},
                {"financing", jz_keys_financing}};
    char w[192];
    int rc;
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        const jz_node *m = jz_node_get(cellmap, subs[i].key);
        if (!m) /* the name only for a map that is there (every cell passes here) */
            continue;
        jz_concat(w, sizeof w, what, ".", subs[i].key, (char *)NULL);
        if ((rc = jz_schema_check_over(m, jz_node_get(defaults, subs[i].key), subs[i].table, w, err)))
            return rc;
    }
    const jz_node *in = jz_node_get(cellmap, "instroom");
    if (in && in->type == JZ_NODE_MAP && !jz_unc_is_value(in) && !ld_is_year_map(in)) {
        snprintf(w, sizeof w, "%s.instroom", what);
        if ((rc = jz_schema_check(in, jz_keys_instroom, w, err)))
            return rc;
        if (jz_node_get(in, "absolute") && jz_node_get(in, "per_1000"))
            return jz_node_error(err, in, "%s: give either 'absolute' or 'per_1000', not both", w);
    } else if (in && in->type != JZ_NODE_SCALAR && !jz_unc_is_value(in) && !ld_is_year_map(in)) {
        return jz_node_error(err, in, "%s.instroom: expected a number of starts per year, a series by year or a map {absolute|per_1000, trend}, got %s",
                             what, jz_node_type_name(in));
    }
    const jz_node *c = jz_node_get(cellmap, "cost");
    if (c && c->type == JZ_NODE_MAP && (jz_node_get(c, "tariff") || jz_node_get(c, "units_per_year"))) {
        snprintf(w, sizeof w, "%s.cost", what);
        /* a distribution beside tariff and units_per_year (in one map, or in a
         * variant over a base that writes the product): say where it goes */
        const jz_node *factor = NULL;
        for (size_t i = 0; i < c->n && !factor; i++)
            if (strcmp(c->keys[i]->scalar, "tariff") == 0 || strcmp(c->keys[i]->scalar, "units_per_year") == 0)
                factor = c->keys[i];
        for (size_t i = 0; i < c->n; i++)
            if (strcmp(c->keys[i]->scalar, "dist") == 0 || strcmp(c->keys[i]->scalar, "value") == 0) {
                const int variant = strcmp(c->keys[i]->file, factor->file) != 0;
                return jz_node_error(err, c->keys[i],
                                     "%s is tariff x units_per_year%s: a distribution or range goes on one of "
                                     "the two factors, e.g. cost: {tariff: {dist: normal, mean: 85, sd: 5}, "
                                     "units_per_year: 120}%s (docs/uncertainty.md)",
                                     w, variant ? " in the scenario this one extends" : "",
                                     variant ? "; a variant writes only the factor it changes, cost: {tariff: {dist: ...}}"
                                             : "");
            }
        if ((rc = jz_schema_check(c, jz_keys_cost, w, err)))
            return rc;
    }
    const jz_node *t = jz_node_get(cellmap, "transitions");
    if (t && t->type != JZ_NODE_MAP)
        return jz_node_error(err, t, "%s.transitions: expected a map from zorgsoort to fraction, e.g. {residentieel: 5%%}, got %s",
                             what, jz_node_type_name(t));
    return JZ_OK;
}

/* ---- the whole tree ------------------------------------------------------ */

static void warn_unbudgeted(jz_scenario *s)
{
    int G = s->n_gemeenten, Z = s->n_zorgsoorten;
    for (int z = 0; z < Z; z++) {
        int missing = 0;
        for (int g = 0; g < G; g++)
            missing += !s->cells[(size_t)g * (size_t)Z + (size_t)z].has_budget &&
                       !s->cells[(size_t)g * (size_t)Z + (size_t)z].has_budget_amount;
        char what[JZ_KEY_MAX + JZ_NAME_MAX + 16];
        if (missing)
            jz_scenario_warn(s, "%s: %s has no budget in %d of %d gemeenten; there its begroting is 0 and its "
                             "tekort equals its cost",
                             s->meta.path, jz_zorgsoort_what(s, z, what, sizeof what), missing, G);
    }
}

static jz_scenario *build(const jz_node *root, const char *path, const jz_load_options *opt,
                          jz_error *err)
{
    int rc = jz_schema_check(root, jz_keys_top, "the scenario", err);
    if (rc)
        return NULL;
    loader L = {NULL, err, 0, 0, -1, opt->allow_implausible, NULL, NULL};
    const jz_node *meta = jz_node_get(root, "meta");
    const jz_node *zl = jz_node_get(root, "zorgsoorten");
    const jz_node *gl = jz_node_get(root, "gemeenten");
    if (load_meta(&L, meta, &L.base, &L.H))
        return NULL;
    if (zl->type != JZ_NODE_SEQ || zl->n == 0) {
        jz_node_error(err, zl, "zorgsoorten: expected a list of at least one zorgsoort, got %s",
                      zl->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(zl));
        return NULL;
    }
    if (gl->type != JZ_NODE_SEQ || gl->n == 0) {
        jz_node_error(err, gl, "gemeenten: expected a list of at least one gemeente, got %s",
                      gl->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(gl));
        return NULL;
    }
    if (zl->n > 1000 || gl->n > 100000) {
        jz_node_error(err, zl->n > 1000 ? zl : gl, "too many %s (at most %s)",
                      zl->n > 1000 ? "zorgsoorten" : "gemeenten", zl->n > 1000 ? "1000" : "100000");
        return NULL;
    }
    L.s = jz_scenario_new((int)gl->n, (int)zl->n, L.H, L.base);
    if (!L.s) {
        jz_error_set(err, JZ_ENOMEM, path, 0, 0, "out of memory for %zu gemeenten x %zu zorgsoorten",
                     gl->n, zl->n);
        return NULL;
    }
    if (fill_meta(&L, meta, path) || load_steps(&L, meta) ||
        jz_load_bronnen(L.s, jz_node_get(root, "bronnen"), err) || load_indexation(&L, jz_node_get(root, "indexation")))
        goto fail;
    for (size_t z = 0; z < zl->n; z++)
        if (load_zorgsoort(&L, (int)z, zl->values[z]))
            goto fail;
    for (size_t g = 0; g < gl->n; g++)
        if (ld_load_gemeente_head(&L, (int)g, gl->values[g]) ||
            ld_load_gemeente_cells(&L, (int)g, gl->values[g], zl))
            goto fail;
    if (ld_load_regio(&L, jz_node_get(root, "regio")))
        goto fail;
    if (jz_load_measures(L.s, jz_node_get(root, "measures"), err))
        goto fail;
    if (jz_unc_finish(L.s, jz_node_get(root, "uncertainty"), err))
        goto fail;
    if (jz_load_werksessie(L.s, jz_node_get(root, "werksessie"), err)) /* names inputs: read last */
        goto fail;
    warn_unbudgeted(L.s);
    jz_plaus_scenario(L.s);
    return L.s;
fail:
    jz_scenario_free(L.s);
    return NULL;
}

/* A variant (`extends`) that does not describe itself shows its base's
 * description: flag it, name the base, and warn.  The base's name is that of
 * the chain resolved without the variant's own meta. */
static void flag_variant(jz_arena *a, const jz_node *root, const char *path, const jz_load_options *opt,
                         jz_scenario *s)
{
    const jz_node *meta = jz_node_get(root, "meta");
    const jz_node *ext = jz_node_get(root, "extends");
    if (!ext || (meta && jz_node_get(meta, "description")))
        return;
    s->meta.description_inherited = 1;
    jz_node *bare = jz_arena_malloc(a, sizeof *bare), *empty = jz_arena_malloc(a, sizeof *empty);
    if (bare && empty) {
        *bare = *root;
        *empty = meta ? *meta : *root;
        empty->type = JZ_NODE_MAP;
        empty->n = 0;
        bare->values = jz_arena_malloc(a, (root->n ? root->n : 1) * sizeof *bare->values);
        if (bare->values) {
            for (size_t i = 0; i < root->n; i++)
                bare->values[i] = strcmp(root->keys[i]->scalar, "meta") == 0 ? empty : root->values[i];
            jz_yaml_limits lim = {opt->max_file_bytes, opt->max_nodes};
            jz_error e2;
            jz_node *base = jz_tree_resolve_extends(a, bare, path, &lim, opt->max_extends_depth, &e2);
            const jz_node *bn = base ? jz_node_get(jz_node_get(base, "meta"), "name") : NULL;
            if (bn && bn->type == JZ_NODE_SCALAR)
                snprintf(s->meta.variant_of, sizeof s->meta.variant_of, "%s", bn->scalar);
        }
    }
    const jz_node *at = meta ? meta : ext;
    if (s->meta.description[0]) /* the base's description would be shown as this variant's */
        jz_scenario_warn(s, "%s:%d:%d: this variant of '%s' has no meta.description of its own, so "
                         "reports would show the description of '%s'; add one that says what this variant assumes",
                         at->file, at->line, at->column, s->meta.variant_of[0] ? s->meta.variant_of : ext->scalar,
                         s->meta.variant_of[0] ? s->meta.variant_of : ext->scalar);
}

static jz_scenario *load_tree(jz_arena *a, jz_node *root, const char *path,
                              const jz_load_options *opt, jz_error *err)
{
    jz_yaml_limits lim = {opt->max_file_bytes, opt->max_nodes};
    jz_node *merged = root ? jz_tree_resolve_extends(a, root, path, &lim, opt->max_extends_depth, err) : NULL;
    jz_scenario *s = merged ? build(merged, path, opt, err) : NULL;
    if (s)
        flag_variant(a, root, path, opt, s);
    return s;
}

jz_scenario *jz_scenario_load(const char *path, const jz_load_options *opt, jz_error *err)
{
    jz_load_options def;
    if (!opt) {
        jz_load_options_default(&def);
        opt = &def;
    }
    jz_error_clear(err);
    jz_arena *a = jz_arena_alloc();
    if (!a) {
        jz_error_set(err, JZ_ENOMEM, path, 0, 0, "out of memory");
        return NULL;
    }
    jz_yaml_limits lim = {opt->max_file_bytes, opt->max_nodes};
    jz_node *root = jz_yaml_parse_file(a, path, &lim, err);
    jz_scenario *s = load_tree(a, root, path, opt, err);
    jz_arena_free(a);
    return s;
}

jz_scenario *jz_scenario_load_string(const char *yaml, size_t len, const char *name,
                                     const jz_load_options *opt, jz_error *err)
{
    jz_load_options def;
    if (!opt) {
        jz_load_options_default(&def);
        opt = &def;
    }
    jz_error_clear(err);
    jz_arena *a = jz_arena_alloc();
    if (!a) {
        jz_error_set(err, JZ_ENOMEM, name, 0, 0, "out of memory");
        return NULL;
    }
    jz_yaml_limits lim = {opt->max_file_bytes, opt->max_nodes};
    jz_node *root = jz_yaml_parse(a, yaml, len, name, &lim, err);
    jz_scenario *s = load_tree(a, root, name, opt, err);
    jz_arena_free(a);
    return s;
}

