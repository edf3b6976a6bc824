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
 * budget, reentry, ageing, transitions) each sub-key is looked up the same
 * way, so a gemeente can override one part (e.g. instroom.trend) only.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/build.h"
#include "scenario/measure_build.h"
#include "scenario/node.h"
#include "scenario/plausible.h"
#include "scenario/schema.h"
#include "scenario/uncertain.h"
#include "scenario/value.h"

typedef struct loader {
    jz_scenario *s;
    jz_error *err;
    int H, base;
    int unc; /* the uncertain input (index) the last series() read, or -1 */
    int allow_implausible;  /* jz_load_options.allow_implausible */
    const jz_node *scope;   /* the map holding the key series() reads next (plausible: false, bron) */
    const jz_node *outer;   /* the map holding scope, for its bron */
} loader;

/* ---- small helpers ----------------------------------------------------- */

static int copy_text(const jz_node *n, char *dst, size_t size, const char *what, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected a text, got %s", what, jz_node_type_name(n));
    size_t len = strlen(n->scalar);
    if (len >= size)
        return jz_node_error(err, n, "%s: at most %zu characters, got %zu", what, size - 1, len);
    memcpy(dst, n->scalar, len + 1);
    return JZ_OK;
}

static const char *source_of(const jz_node *inner, const jz_node *outer)
{
    const jz_node *src = inner ? jz_node_get(inner, "source") : NULL;
    if (!src && outer)
        src = jz_node_get(outer, "source");
    return src && src->type == JZ_NODE_SCALAR ? src->scalar : "";
}

/* Record an input with its label (the series map's own `label:`, or
 * generated) and its `bron:` (the series map's, or scope's). */
static int record_in(loader *L, const char *path, const jz_node *v, jz_unit u, const char *source,
                     const jz_node *scope, const jz_node *outer)
{
    char text[512];
    int bron, rc;
    if ((rc = jz_bron_ref(L->s, v, scope, &bron, L->err)) ||
        (bron < 0 && scope && (rc = jz_bron_ref(L->s, scope, outer, &bron, L->err))))
        return rc;
    const jz_node *label = v->type == JZ_NODE_MAP ? jz_node_get(v, "label") : NULL;
    if (label && label->type != JZ_NODE_SCALAR)
        return jz_node_error(L->err, label, "%s label: expected a text, got %s", path, jz_node_type_name(label));
    jz_value_render(v, text, sizeof text);
    if (jz_scenario_add_input(L->s, path, text, jz_unit_name(u), source, v->file, v->line) ||
        jz_input_describe(L->s, L->s->n_inputs - 1, label ? label->scalar : NULL, bron))
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}


/* Read a series (pulse: one-off values per year, as tariff corrections
 * are; see jz_value_series_pulse) and record it as a traceable input. */
static int series_as(loader *L, const jz_node *v, jz_unit u, const char *path,
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
        rc = pulse ? jz_value_series_pulse(v, u, path, L->base, L->H, out, L->err)
                   : jz_value_series(v, u, path, L->base, L->H, out, L->err);
    const jz_node *scope = L->scope, *outer = L->outer;
    L->scope = L->outer = NULL;
    if (rc == JZ_OK)
        rc = jz_plaus_ceiling(v, scope, u, path, L->allow_implausible, L->err);
    if (rc == JZ_OK && rec && jz_plaus_range(L->s, v, u, path, out, pulse ? 0 : L->H))
        rc = jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == JZ_OK && rec)
        rc = record_in(L, path, v, u, source, scope, outer);
    return rc;
}

static int series(loader *L, const jz_node *v, jz_unit u, const char *path,
                  const char *source, double *out, int rec)
{
    return series_as(L, v, u, path, source, out, rec, 0);
}

static int check_identifier(const jz_node *n, const char *what, jz_error *err)
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
static int is_year_map(const jz_node *n)
{
    return n && n->type == JZ_NODE_MAP && n->n > 0 && isdigit((unsigned char)n->keys[0]->scalar[0]);
}

/* ---- meta and indexation ------------------------------------------------ */

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
    return JZ_OK;
}

static int fill_meta(loader *L, const jz_node *meta, const char *path)
{
    jz_meta *m = &L->s->meta;
    int rc = copy_text(jz_node_get(meta, "name"), m->name, sizeof m->name, "meta.name", L->err);
    if (rc)
        return rc;
    const jz_node *d = jz_node_get(meta, "description");
    if (d && (rc = copy_text(d, m->description, sizeof m->description, "meta.description", L->err)))
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
    const char *src = source_of(ix, NULL);
    L->scope = ix;
    if (t && (rc = series(L, t, JZ_U_RATE, "indexation.tariff", src, L->s->tariff_index, 1)))
        return rc;
    L->scope = ix;
    if (b && (rc = series(L, b, JZ_U_RATE, "indexation.budget", src, L->s->budget_index, 1)))
        return rc;
    L->scope = ix;
    if (tc && (rc = series_as(L, tc, JZ_U_RATE, "indexation.tariff_correction", src,
                              L->s->tariff_correction, 1, 1)))
        return rc;
    return JZ_OK;
}

/* ---- zorgsoorten --------------------------------------------------------- */

static int check_cell_maps(const jz_node *cellmap, const char *what, jz_error *err);

static int load_zorgsoort(loader *L, int z, const jz_node *item)
{
    char what[128];
    snprintf(what, sizeof what, "zorgsoorten item %d", z + 1);
    int rc = jz_schema_check(item, jz_keys_zorgsoort, what, L->err);
    if (rc)
        return rc;
    jz_zorgsoort *zs = &L->s->zorgsoorten[z];
    const jz_node *key = jz_node_get(item, "key");
    if ((rc = copy_text(key, zs->key, sizeof zs->key, "zorgsoort key", L->err)) ||
        (rc = check_identifier(key, "zorgsoort key", L->err)))
        return rc;
    snprintf(what, sizeof what, "zorgsoort '%s'", zs->key);
    for (int o = 0; o < z; o++)
        if (strcmp(L->s->zorgsoorten[o].key, zs->key) == 0)
            return jz_node_error(L->err, key, "zorgsoort '%s' is listed twice", zs->key);
    const jz_node *n = jz_node_get(item, "name");
    if ((rc = copy_text(n ? n : key, zs->name, sizeof zs->name, "zorgsoort name", L->err)))
        return rc;
    if ((n = jz_node_get(item, "taakveld")) &&
        (rc = copy_text(n, zs->taakveld, sizeof zs->taakveld, "taakveld", L->err)))
        return rc;
    long k = 1;
    if ((n = jz_node_get(item, "stages")) &&
        (rc = jz_value_int(n, 1, JZ_STAGES_MAX, "stages", &k, L->err)))
        return rc;
    zs->stages = (int)k;
    zs->population = JZ_POP_YOUTH;
    if ((n = jz_node_get(item, "population"))) {
        if (n->type == JZ_NODE_SCALAR && strcmp(n->scalar, "youth") == 0)
            zs->population = JZ_POP_YOUTH;
        else if (n->type == JZ_NODE_SCALAR && strcmp(n->scalar, "young_adults") == 0)
            zs->population = JZ_POP_YOUNG_ADULT;
        else
            return jz_node_error(L->err, n, "population must be 'youth' (0-17) or 'young_adults' (18-22)");
    }
    return check_cell_maps(item, what, L->err);
}

/* Check the sub-maps that a cell layer may carry. */
static int check_cell_maps(const jz_node *cellmap, const char *what, jz_error *err)
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
        snprintf(w, sizeof w, "%s.%s", what, subs[i].key);
        if (m && (rc = jz_schema_check(m, subs[i].table, w, err)))
            return rc;
    }
    const jz_node *in = jz_node_get(cellmap, "instroom");
    if (in && in->type == JZ_NODE_MAP && !jz_unc_is_value(in) && !is_year_map(in)) {
        snprintf(w, sizeof w, "%s.instroom", what);
        if ((rc = jz_schema_check(in, jz_keys_instroom, w, err)))
            return rc;
        if (jz_node_get(in, "absolute") && jz_node_get(in, "per_1000"))
            return jz_node_error(err, in, "%s: give either 'absolute' or 'per_1000', not both", w);
    } else if (in && in->type != JZ_NODE_SCALAR && !jz_unc_is_value(in) && !is_year_map(in)) {
        return jz_node_error(err, in, "%s.instroom: expected a number of starts per year, a series by year or a map {absolute|per_1000, trend}, got %s",
                             what, jz_node_type_name(in));
    }
    const jz_node *c = jz_node_get(cellmap, "cost");
    if (c && c->type == JZ_NODE_MAP && (jz_node_get(c, "tariff") || jz_node_get(c, "units_per_year"))) {
        snprintf(w, sizeof w, "%s.cost", what);
        if ((rc = jz_schema_check(c, jz_keys_cost, w, err)))
            return rc;
    }
    const jz_node *t = jz_node_get(cellmap, "transitions");
    if (t && t->type != JZ_NODE_MAP)
        return jz_node_error(err, t, "%s.transitions: expected a map from zorgsoort to fraction, e.g. {residentieel: 5%%}, got %s",
                             what, jz_node_type_name(t));
    return JZ_OK;
}

/* ---- cells: two layers, gemeente override first --------------------------- */

typedef struct layers {
    const jz_node *m[2];   /* [0] gemeente zorg.<key> (may be NULL), [1] zorgsoort item */
    const char *prefix[2]; /* input paths of the two layers */
} layers;

/* The value of `key` from the first layer that has it; *which = layer. */
static const jz_node *lget(const layers *ly, const char *key, int *which)
{
    for (int i = 0; i < 2; i++) {
        const jz_node *v = ly->m[i] ? jz_node_get(ly->m[i], key) : NULL;
        if (v) {
            *which = i;
            return v;
        }
    }
    return NULL;
}

/* The sub-key `sub` of map key `key`, first layer that has it. */
static const jz_node *lget2(const layers *ly, const char *key, const char *sub,
                            int *which, const jz_node **parent)
{
    for (int i = 0; i < 2; i++) {
        const jz_node *m = ly->m[i] ? jz_node_get(ly->m[i], key) : NULL;
        const jz_node *v = m ? jz_node_get(m, sub) : NULL;
        if (v) {
            *which = i;
            *parent = m;
            return v;
        }
    }
    return NULL;
}

/* Zorgsoort-level inputs are recorded once (for the first gemeente),
 * gemeente-level ones every time. */
static int rec_layer(int g, int which) { return which == 0 || g == 0; }

static int cell_series(loader *L, const layers *ly, int g, const char *key, jz_unit u,
                       double *out, int required, const char *hint, const char *what)
{
    int pulse = strcmp(key, "tariff_correction") == 0; /* one-off values per year */
    int which;
    const jz_node *v = lget(ly, key, &which);
    if (!v) {
        if (required)
            return jz_node_error(L->err, ly->m[1], "%s: missing required key '%s' (%s)", what, key, hint);
        return JZ_OK;
    }
    char path[256];
    snprintf(path, sizeof path, "%s.%s", ly->prefix[which], key);
    L->scope = ly->m[which];
    return series_as(L, v, u, path, source_of(ly->m[which], NULL), out, rec_layer(g, which), pulse);
}

static int cell_sub(loader *L, const layers *ly, int g, const char *key, const char *sub,
                    jz_unit u, double *out, const jz_node **found)
{
    int which;
    const jz_node *parent;
    const jz_node *v = lget2(ly, key, sub, &which, &parent);
    if (found)
        *found = v;
    if (!v)
        return JZ_OK;
    char path[256];
    snprintf(path, sizeof path, "%s.%s.%s", ly->prefix[which], key, sub);
    L->scope = parent;
    L->outer = ly->m[which];
    return series(L, v, u, path, source_of(parent, ly->m[which]), out, rec_layer(g, which));
}

static int zorgsoort_ref(loader *L, const jz_node *n, const char *what, int *out)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(L->err, n, "%s: expected a zorgsoort key, got %s", what, jz_node_type_name(n));
    int z = jz_scenario_zorgsoort_index(L->s, n->scalar);
    if (z < 0) {
        jz_key keys[1001];
        int Z = L->s->n_zorgsoorten;
        for (int i = 0; i < Z && i < 1000; i++)
            keys[i] = (jz_key){L->s->zorgsoorten[i].key, 0, ""};
        keys[Z < 1000 ? Z : 1000] = (jz_key){NULL, 0, NULL};
        const char *s = jz_schema_suggest(n->scalar, keys);
        if (s)
            return jz_node_error(L->err, n, "%s: unknown zorgsoort '%s'; did you mean '%s'?", what, n->scalar, s);
        return jz_node_error(L->err, n, "%s: unknown zorgsoort '%s'", what, n->scalar);
    }
    *out = z;
    return JZ_OK;
}

static int load_instroom(loader *L, const layers *ly, int g, int z, jz_cell *c, const char *what)
{
    int H = L->H, which = -1, rc;
    const jz_node *level = NULL, *in = NULL;
    /* the level (absolute or per_1000) comes from the first layer that sets one */
    for (int i = 0; i < 2 && !level; i++) {
        in = ly->m[i] ? jz_node_get(ly->m[i], "instroom") : NULL;
        if (!in)
            continue;
        if (in->type == JZ_NODE_SCALAR || jz_unc_is_value(in) || is_year_map(in)) {
            level = in;
        } else if ((level = jz_node_get(in, "absolute"))) {
        } else if ((level = jz_node_get(in, "per_1000"))) {
            c->instroom_per_1000 = 1;
        }
        which = i;
    }
    if (!level)
        return jz_node_error(L->err, in ? in : ly->m[1],
                             "%s: missing instroom (starts per year, e.g. instroom: 900 or instroom: {per_1000: 30})", what);
    char path[256];
    snprintf(path, sizeof path, "%s.instroom%s", ly->prefix[which],
             level == in ? "" : c->instroom_per_1000 ? ".per_1000" : ".absolute");
    jz_unit u = c->instroom_per_1000 ? JZ_U_PER_1000 : JZ_U_COUNT;
    L->scope = level != in ? in : ly->m[which];
    L->outer = level != in ? ly->m[which] : NULL;
    if ((rc = series(L, level, u, path, source_of(in->type == JZ_NODE_MAP && level != in ? in : NULL, ly->m[which]),
                     c->instroom, rec_layer(g, which))))
        return rc;
    if (c->instroom_per_1000) {
        int grp = L->s->zorgsoorten[z].population;
        const jz_gemeente *gm = &L->s->gemeenten[g];
        for (int y = 0; y < H; y++)
            if (!(gm->population[grp][y] > 0.0))
                return jz_node_error(L->err, level,
                                     "%s: instroom is per 1,000 %s, but gemeente '%s' has no population.%s for %d",
                                     what, grp == JZ_POP_YOUTH ? "youth" : "young adults", gm->name,
                                     grp == JZ_POP_YOUTH ? "youth" : "young_adults", L->base + y);
    }
    return cell_sub(L, ly, g, "instroom", "trend", JZ_U_RATE, c->instroom_trend, NULL);
}

static int load_cost(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    int which, rc;
    const jz_node *v = lget(ly, "cost", &which);
    if (!v)
        return jz_node_error(L->err, ly->m[1], "%s: missing required key 'cost' (euros per client-year, e.g. cost: 15k, or {tariff: 85, units_per_year: 120})", what);
    char path[256];
    if (v->type == JZ_NODE_MAP && jz_node_get(v, "tariff")) {
        double tariff[JZ_HORIZON_MAX], units[JZ_HORIZON_MAX];
        const char *src = source_of(v, ly->m[which]);
        snprintf(path, sizeof path, "%s.cost.tariff", ly->prefix[which]);
        L->scope = v;
        L->outer = ly->m[which];
        if ((rc = series(L, jz_node_get(v, "tariff"), JZ_U_MONEY, path, src, tariff, rec_layer(g, which))))
            return rc;
        int unc_tariff = L->unc;
        snprintf(path, sizeof path, "%s.cost.units_per_year", ly->prefix[which]);
        L->scope = v;
        L->outer = ly->m[which];
        if ((rc = series(L, jz_node_get(v, "units_per_year"), JZ_U_FACTOR, path, src, units, rec_layer(g, which))))
            return rc;
        for (int y = 0; y < L->H; y++)
            c->cost[y] = tariff[y] * units[y];
        /* an uncertain factor scales the product */
        if (unc_tariff >= 0 && (rc = jz_unc_add_target(L->s, unc_tariff, c->cost, L->H, 1, JZ_TGT_SCALE, L->err)))
            return rc;
        if (L->unc >= 0 && (rc = jz_unc_add_target(L->s, L->unc, c->cost, L->H, 1, JZ_TGT_SCALE, L->err)))
            return rc;
        snprintf(path, sizeof path, "%s.cost", ly->prefix[which]);
        if (rec_layer(g, which) && jz_plaus_range(L->s, v, JZ_U_MONEY, path, c->cost, L->H))
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return JZ_OK;
    }
    snprintf(path, sizeof path, "%s.cost", ly->prefix[which]);
    L->scope = ly->m[which];
    return series(L, v, JZ_U_MONEY, path, source_of(ly->m[which], NULL), c->cost, rec_layer(g, which));
}

static int load_budget(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    const jz_node *vol = NULL, *price = NULL, *amount = NULL;
    int rc, which;
    if ((rc = cell_sub(L, ly, g, "budget", "volume", JZ_U_COUNT, c->budget_volume, &vol)) ||
        (rc = cell_sub(L, ly, g, "budget", "price", JZ_U_MONEY, c->budget_price, &price)) ||
        (rc = cell_sub(L, ly, g, "budget", "amount", JZ_U_MONEY, c->budget_amount, &amount)))
        return rc;
    const jz_node *at = lget(ly, "budget", &which);
    if (amount && (vol || price))
        return jz_node_error(L->err, amount, "%s: budget is either {amount} or {volume, price}, not both", what);
    if (!amount && (vol != NULL) != (price != NULL))
        return jz_node_error(L->err, at, "%s: budget needs both 'volume' (client-years) and 'price' (euros per client-year), or an 'amount'",
                             what);
    c->has_budget = vol != NULL && price != NULL;
    c->has_budget_amount = amount != NULL;
    return JZ_OK;
}

static int load_financing(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    int which, rc;
    const jz_node *parent, *mode = lget2(ly, "financing", "mode", &which, &parent);
    c->financing = JZ_FIN_VOLUME;
    c->financing_from = 0;
    if (!mode)
        return JZ_OK;
    if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "volume") == 0)
        c->financing = JZ_FIN_VOLUME;
    else if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "lumpsum") == 0)
        c->financing = JZ_FIN_LUMPSUM;
    else if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "population") == 0)
        c->financing = JZ_FIN_POPULATION;
    else
        return jz_node_error(L->err, mode, "%s: financing.mode must be volume, lumpsum or population", what);
    const jz_node *amount = NULL;
    if ((rc = cell_sub(L, ly, g, "financing", "amount", JZ_U_MONEY, c->financing_amount, &amount)))
        return rc;
    if (c->financing != JZ_FIN_VOLUME && !amount)
        return jz_node_error(L->err, mode, "%s: financing.mode %s needs an 'amount' (%s)", what, mode->scalar,
                             c->financing == JZ_FIN_LUMPSUM ? "euros per year" : "euros per person of the population group");
    const jz_node *from = lget2(ly, "financing", "from", &which, &parent);
    if (from) {
        long year;
        if ((rc = jz_value_int(from, L->base, 2200, "financing.from", &year, L->err)))
            return rc;
        c->financing_from = (int)(year - L->base);
    }
    return JZ_OK;
}

static int load_transitions(loader *L, const layers *ly, int g, int z, jz_cell *c)
{
    int Z = L->s->n_zorgsoorten, H = L->H, rc;
    double tmp[JZ_HORIZON_MAX];
    /* the union of the destinations of both layers; the gemeente's wins */
    for (int i = 1; i >= 0; i--) {
        const jz_node *t = ly->m[i] ? jz_node_get(ly->m[i], "transitions") : NULL;
        if (!t)
            continue;
        for (size_t k = 0; k < t->n; k++) {
            int w = -1;
            if ((rc = zorgsoort_ref(L, t->keys[k], "transitions", &w)))
                return rc;
            if (w == z)
                return jz_node_error(L->err, t->keys[k],
                                     "transitions: a zorgsoort cannot move clients to itself; use reentry for a later return");
            char path[256];
            snprintf(path, sizeof path, "%s.transitions.%s", ly->prefix[i], t->keys[k]->scalar);
            L->scope = ly->m[i];
            if ((rc = series(L, t->values[k], JZ_U_FRACTION, path, source_of(t, ly->m[i]), tmp, rec_layer(g, i))))
                return rc;
            for (int y = 0; y < H; y++)
                c->transition[(size_t)y * (size_t)Z + (size_t)w] = tmp[y];
            if (L->unc >= 0 && (rc = jz_unc_add_target(L->s, L->unc, &c->transition[w], H, Z, JZ_TGT_SET, L->err)))
                return rc;
        }
    }
    return JZ_OK;
}

static int load_reentry_ageing(loader *L, const layers *ly, int g, int z, jz_cell *c)
{
    int which, rc;
    const jz_node *parent, *v, *found;
    c->reentry_to = z;
    c->reentry_delay = 12;
    if ((rc = cell_sub(L, ly, g, "reentry", "fraction", JZ_U_FRACTION, c->reentry, NULL)))
        return rc;
    if ((v = lget2(ly, "reentry", "delay_months", &which, &parent))) {
        long d;
        if ((rc = jz_value_int(v, 1, JZ_REENTRY_DELAY_MAX, "reentry.delay_months", &d, L->err)))
            return rc;
        c->reentry_delay = (int)d;
    }
    if ((v = lget2(ly, "reentry", "to", &which, &parent)) &&
        (rc = zorgsoort_ref(L, v, "reentry.to", &c->reentry_to)))
        return rc;

    c->ageing_to = -1;
    if ((rc = cell_sub(L, ly, g, "ageing", "rate", JZ_U_FRACTION, c->ageing_rate, &found)))
        return rc;
    for (int y = 0; found && y < L->H; y++)
        if (c->ageing_rate[y] >= 1.0)
            return jz_node_error(L->err, found, "ageing.rate must be below 100%% per year");
    if ((v = lget2(ly, "ageing", "to", &which, &parent))) {
        if ((rc = zorgsoort_ref(L, v, "ageing.to", &c->ageing_to)))
            return rc;
        if (c->ageing_to == z)
            return jz_node_error(L->err, v, "ageing.to: clients turning 18 cannot move to the same zorgsoort");
        jz_fill(c->ageing_transfer, L->H, 1.0);
    }
    if ((rc = cell_sub(L, ly, g, "ageing", "fraction", JZ_U_FRACTION, c->ageing_transfer, &found)))
        return rc;
    if (found && c->ageing_to < 0)
        return jz_node_error(L->err, found, "ageing.fraction is given but ageing.to is not: say which zorgsoort takes over");
    return JZ_OK;
}

/* Ended care cannot be routed to more than 100%. */
static int check_routing(loader *L, const layers *ly, const jz_cell *c, const char *what)
{
    int Z = L->s->n_zorgsoorten;
    for (int y = 0; y < L->H; y++) {
        double sum = c->reentry[y];
        for (int w = 0; w < Z; w++)
            sum += c->transition[(size_t)y * (size_t)Z + (size_t)w];
        if (sum > 1.0 + 1e-12) {
            int which;
            const jz_node *at = lget(ly, "transitions", &which);
            if (!at)
                at = lget(ly, "reentry", &which);
            return jz_node_error(L->err, at,
                                 "%s: transitions and reentry add up to %.4g of ended care in %d; they may add up to at most 1 (100%%)",
                                 what, sum, L->base + y);
        }
    }
    return JZ_OK;
}

static int load_cell(loader *L, int g, int z, const jz_node *zitem, const jz_node *override)
{
    jz_scenario *s = L->s;
    jz_cell *c = &s->cells[(size_t)g * (size_t)s->n_zorgsoorten + (size_t)z];
    char what[256], p0[160], p1[160];
    snprintf(what, sizeof what, "zorgsoort '%s' in gemeente '%s'", s->zorgsoorten[z].key, s->gemeenten[g].name);
    snprintf(p0, sizeof p0, "gemeenten[%s].zorg.%s", s->gemeenten[g].code, s->zorgsoorten[z].key);
    snprintf(p1, sizeof p1, "zorgsoorten[%s]", s->zorgsoorten[z].key);
    layers ly = {{override, zitem}, {p0, p1}};
    int rc, which;
    const jz_node *v;
    if ((v = lget(&ly, "start", &which))) {
        char path[256];
        snprintf(path, sizeof path, "%s.start", ly.prefix[which]);
        if ((rc = jz_unc_is_value(v) ? jz_unc_series(s, v, JZ_U_COUNT, path, 1, &c->start, &L->unc, L->err)
                                     : jz_value_number(v, JZ_U_COUNT, path, &c->start, L->err)) ||
            (rec_layer(g, which) &&
             (rc = record_in(L, path, v, JZ_U_COUNT, source_of(ly.m[which], NULL), ly.m[which], NULL))))
            return rc;
    }
    memcpy(c->tariff_index, s->tariff_index, (size_t)L->H * sizeof(double));
    memcpy(c->tariff_correction, s->tariff_correction, (size_t)L->H * sizeof(double));
    if ((rc = load_instroom(L, &ly, g, z, c, what)) ||
        (rc = cell_series(L, &ly, g, "zorgduur", JZ_U_MONTHS, c->zorgduur, 1,
                          "mean duration of care in months, e.g. zorgduur: 9", what)) ||
        (rc = load_cost(L, &ly, g, c, what)) ||
        (rc = cell_series(L, &ly, g, "intensity_trend", JZ_U_RATE, c->intensity_trend, 0, "", what)) ||
        (rc = cell_series(L, &ly, g, "tariff_indexation", JZ_U_RATE, c->tariff_index, 0, "", what)) ||
        (rc = cell_series(L, &ly, g, "tariff_correction", JZ_U_RATE, c->tariff_correction, 0, "", what)) ||
        (rc = load_budget(L, &ly, g, c, what)) ||
        (rc = load_financing(L, &ly, g, c, what)) ||
        (rc = load_transitions(L, &ly, g, z, c)) ||
        (rc = load_reentry_ageing(L, &ly, g, z, c)))
        return rc;
    /* an uncertain global indexation also moves the cells that took it as their default */
    if ((!lget(&ly, "tariff_indexation", &which) &&
         (rc = jz_unc_follow(s, s->tariff_index, c->tariff_index, L->H, L->err))) ||
        (!lget(&ly, "tariff_correction", &which) &&
         (rc = jz_unc_follow(s, s->tariff_correction, c->tariff_correction, L->H, L->err))))
        return rc;
    return check_routing(L, &ly, c, what);
}

/* ---- gemeenten ----------------------------------------------------------- */

static int load_fixed(loader *L, int g, const jz_node *list)
{
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(L->err, list, "fixed_costs: expected a list of cost lines, got %s",
                             jz_node_type_name(list));
    jz_gemeente *gm = &L->s->gemeenten[g];
    for (size_t i = 0; i < list->n; i++) {
        const jz_node *it = list->values[i];
        int rc = jz_schema_check(it, jz_keys_fixed, "fixed_costs item", L->err);
        if (rc)
            return rc;
        const jz_node *name = jz_node_get(it, "name");
        if (name->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, name, "fixed_costs name: expected a text");
        jz_fixed_cost *f = jz_scenario_add_fixed(L->s, g, name->scalar);
        if (!f)
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        char path[256];
        const char *src = source_of(it, NULL);
        snprintf(path, sizeof path, "gemeenten[%s].fixed_costs[%s].amount", gm->code, name->scalar);
        L->scope = it;
        if ((rc = series(L, jz_node_get(it, "amount"), JZ_U_MONEY, path, src, f->amount, 1)))
            return rc;
        const jz_node *v;
        if ((v = jz_node_get(it, "indexation"))) {
            snprintf(path, sizeof path, "gemeenten[%s].fixed_costs[%s].indexation", gm->code, name->scalar);
            L->scope = it;
            if ((rc = series(L, v, JZ_U_RATE, path, src, f->indexation, 1)))
                return rc;
        }
        if ((v = jz_node_get(it, "budget"))) {
            snprintf(path, sizeof path, "gemeenten[%s].fixed_costs[%s].budget", gm->code, name->scalar);
            L->scope = it;
            if ((rc = series(L, v, JZ_U_MONEY, path, src, f->budget, 1)))
                return rc;
            f->has_budget = 1;
        }
    }
    return JZ_OK;
}

static int load_external(loader *L, int g, const jz_node *list)
{
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(L->err, list, "external_shifts: expected a list, got %s",
                             jz_node_type_name(list));
    jz_gemeente *gm = &L->s->gemeenten[g];
    int H = L->H, Z = L->s->n_zorgsoorten;
    for (size_t i = 0; i < list->n; i++) {
        const jz_node *it = list->values[i];
        int rc = jz_schema_check(it, jz_keys_external, "external_shifts item", L->err);
        if (rc)
            return rc;
        const jz_node *name = jz_node_get(it, "name");
        if (name->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, name, "external_shifts name: expected a text");
        int z = -1;
        if ((rc = zorgsoort_ref(L, jz_node_get(it, "zorgsoort"), "external_shifts zorgsoort", &z)))
            return rc;
        jz_external *e = jz_scenario_add_external(L->s, g, name->scalar, z);
        if (!e)
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        char path[256];
        const char *src = source_of(it, NULL);
        snprintf(path, sizeof path, "gemeenten[%s].external_shifts[%s].client_years", gm->code, name->scalar);
        L->scope = it;
        if ((rc = series(L, jz_node_get(it, "client_years"), JZ_U_COUNT, path, src, e->client_years, 1)))
            return rc;
        const jz_node *v;
        if ((v = jz_node_get(it, "in_volume"))) {
            if (v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "true") == 0)
                e->in_volume = 1;
            else if (!(v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "false") == 0))
                return jz_node_error(L->err, v, "external_shifts in_volume must be true or false");
            if (e->in_volume && jz_node_get(it, "cost"))
                return jz_node_error(L->err, jz_node_get(it, "cost"),
                                     "external_shifts: an in_volume shift is paid at its zorgsoort's price; leave out 'cost'");
        }
        memcpy(e->cost, L->s->cells[(size_t)g * (size_t)Z + (size_t)z].cost, (size_t)H * sizeof(double));
        if ((v = jz_node_get(it, "cost"))) {
            snprintf(path, sizeof path, "gemeenten[%s].external_shifts[%s].cost", gm->code, name->scalar);
            L->scope = it;
            if ((rc = series(L, v, JZ_U_MONEY, path, src, e->cost, 1)))
                return rc;
        } else if ((rc = jz_unc_follow(L->s, L->s->cells[(size_t)g * (size_t)Z + (size_t)z].cost, e->cost, H,
                                       L->err))) {
            return rc; /* the default cost follows an uncertain zorgsoort cost */
        }
        if ((v = jz_node_get(it, "compensation"))) {
            snprintf(path, sizeof path, "gemeenten[%s].external_shifts[%s].compensation", gm->code, name->scalar);
            L->scope = it;
            if ((rc = series(L, v, JZ_U_MONEY, path, src, e->compensation, 1)))
                return rc;
        }
    }
    return JZ_OK;
}

static int load_gemeente_head(loader *L, int g, const jz_node *item)
{
    char what[64];
    snprintf(what, sizeof what, "gemeenten item %d", g + 1);
    int rc = jz_schema_check(item, jz_keys_gemeente, what, L->err);
    if (rc)
        return rc;
    jz_gemeente *gm = &L->s->gemeenten[g];
    const jz_node *code = jz_node_get(item, "code");
    if ((rc = copy_text(code, gm->code, sizeof gm->code, "gemeente code", L->err)))
        return rc;
    if (!(strlen(gm->code) == 6 && isupper((unsigned char)gm->code[0]) && isupper((unsigned char)gm->code[1]) &&
          isdigit((unsigned char)gm->code[2]) && isdigit((unsigned char)gm->code[3]) &&
          isdigit((unsigned char)gm->code[4]) && isdigit((unsigned char)gm->code[5])))
        return jz_node_error(L->err, code, "gemeente code must be a CBS code like GM0153, got '%s'", gm->code);
    if ((rc = copy_text(jz_node_get(item, "name"), gm->name, sizeof gm->name, "gemeente name", L->err)))
        return rc;
    for (int o = 0; o < g; o++)
        if (strcmp(L->s->gemeenten[o].code, gm->code) == 0)
            return jz_node_error(L->err, code, "gemeente %s is listed twice", gm->code);
    char path[256];
    const jz_node *pop = jz_node_get(item, "population");
    if (pop) {
        if ((rc = jz_schema_check(pop, jz_keys_population, "population", L->err)))
            return rc;
        static const char *grp[JZ_POP_GROUPS] = {"youth", "young_adults"};
        for (int i = 0; i < JZ_POP_GROUPS; i++) {
            const jz_node *v = jz_node_get(pop, grp[i]);
            snprintf(path, sizeof path, "gemeenten[%s].population.%s", gm->code, grp[i]);
            L->scope = pop;
            L->outer = item;
            if (v && (rc = series(L, v, JZ_U_COUNT, path, source_of(pop, item), gm->population[i], 1)))
                return rc;
        }
    }
    const jz_node *rb = jz_node_get(item, "rijksbijdrage");
    if (rb) {
        snprintf(path, sizeof path, "gemeenten[%s].rijksbijdrage", gm->code);
        L->scope = item;
        if ((rc = series(L, rb, JZ_U_MONEY, path, source_of(item, NULL), gm->rijksbijdrage, 1)))
            return rc;
        gm->has_rijksbijdrage = 1;
    }
    const jz_node *fx = jz_node_get(item, "fixed_costs");
    if (fx && (rc = load_fixed(L, g, fx)))
        return rc;
    return JZ_OK;
}

static int load_gemeente_cells(loader *L, int g, const jz_node *item, const jz_node *zlist)
{
    jz_scenario *s = L->s;
    const jz_node *zorg = jz_node_get(item, "zorg");
    int rc;
    if (zorg) {
        if (zorg->type != JZ_NODE_MAP)
            return jz_node_error(L->err, zorg, "zorg: expected a map by zorgsoort key, got %s",
                                 jz_node_type_name(zorg));
        for (size_t i = 0; i < zorg->n; i++) {
            int z = -1;
            if ((rc = zorgsoort_ref(L, zorg->keys[i], "zorg", &z)))
                return rc;
            char what[192];
            snprintf(what, sizeof what, "gemeente '%s' zorg.%s", s->gemeenten[g].name, zorg->keys[i]->scalar);
            if ((rc = jz_schema_check(zorg->values[i], jz_keys_cell, what, L->err)) ||
                (rc = check_cell_maps(zorg->values[i], what, L->err)))
                return rc;
        }
    }
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        const jz_node *ov = zorg ? jz_node_get(zorg, s->zorgsoorten[z].key) : NULL;
        if ((rc = load_cell(L, g, z, zlist->values[z], ov)))
            return rc;
    }
    /* after the cells: an external shift's cost defaults to its zorgsoort's */
    const jz_node *ext = jz_node_get(item, "external_shifts");
    return ext ? load_external(L, g, ext) : JZ_OK;
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
        if (missing)
            jz_scenario_warn(s, "%s: zorgsoort '%s' has no budget in %d of %d gemeenten; there its begroting is 0 and its tekort equals its cost",
                             s->meta.path, s->zorgsoorten[z].key, missing, G);
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
        if (load_gemeente_head(&L, (int)g, gl->values[g]) ||
            load_gemeente_cells(&L, (int)g, gl->values[g], zl))
            goto fail;
    if (jz_load_measures(L.s, jz_node_get(root, "measures"), err))
        goto fail;
    if (jz_unc_finish(L.s, jz_node_get(root, "uncertainty"), err))
        goto fail;
    if (jz_inputs_finish(L.s)) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
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
