/*
 * scenario.c - allocation, copy and free of jz_scenario (see build.h).
 *
 * All per-year arrays of the zorgsoort cells, gemeenten and the global
 * indices live in one block of doubles, so that a copy for a Monte Carlo
 * draw is one memcpy plus rebasing the pointers.  Fixed cost lines are few
 * and each has its own small allocation.
 */
#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "common/limits.h"
#include "common/util.h"
#include "scenario/build.h"
#include "scenario/measure_build.h"
#include "scenario/uncertain.h"
#include "jzsim/regio.h"

/* The series outside the cells, in layout order: X(field, extend) of
 * jz_scenario and of jz_gemeente (extend as in JZ_CELL_SERIES). */
#define GLOBAL_SERIES(X) \
    X(tariff_index, JZ_EXTEND_HOLD) X(budget_index, JZ_EXTEND_HOLD) X(tariff_correction, JZ_EXTEND_ZERO)
#define GEMEENTE_SERIES(X) \
    X(population[JZ_POP_YOUTH], JZ_EXTEND_HOLD) X(population[JZ_POP_YOUNG_ADULT], JZ_EXTEND_HOLD) \
    X(rijksbijdrage, JZ_EXTEND_HOLD) X(inhabitants, JZ_EXTEND_HOLD)

#define COUNT1_(field, extend) +1
#define CELL_WIDTH_(field, width, extend) +(width)
enum { GLOBAL_ARRAYS = 0 GLOBAL_SERIES(COUNT1_), GEMEENTE_ARRAYS = 0 GEMEENTE_SERIES(COUNT1_) };
_Static_assert(JZ_POP_GROUPS == 2, "GEMEENTE_SERIES lists one population series per group");
/* every pointer of jz_cell is one of JZ_CELL_SERIES (so a copy re-laid out
 * by layout() can never alias the original's memory) */
#define CELL_COUNT_(field, width, extend) +1
_Static_assert(sizeof(jz_cell) == offsetof(jz_cell, ageing_to) + sizeof(int) +
                   (0 JZ_CELL_SERIES(CELL_COUNT_)) * sizeof(double *) ||
               sizeof(jz_cell) == offsetof(jz_cell, ageing_to) + 2 * sizeof(int) +
                   (0 JZ_CELL_SERIES(CELL_COUNT_)) * sizeof(double *),
               "jz_cell has a field after the scalars that is not in JZ_CELL_SERIES");

void jz_fill(double *a, int H, double v)
{
    for (int y = 0; y < H; y++)
        a[y] = v;
}

void jz_load_options_default(jz_load_options *opt)
{
    opt->max_file_bytes = JZ_YAML_MAX_BYTES; /* common/limits.h */
    opt->max_nodes = JZ_YAML_MAX_NODES;
    opt->max_extends_depth = 16;
    opt->allow_implausible = 0;
}

static size_t block_size(int G, int Z, int H)
{
    size_t cells = (size_t)G * (size_t)Z;
    size_t per_cell = (size_t)(0 JZ_CELL_SERIES(CELL_WIDTH_)); /* in units of H */
    return cells * per_cell * (size_t)H +
           (size_t)G * GEMEENTE_ARRAYS * (size_t)H + GLOBAL_ARRAYS * (size_t)H;
}

/* Point every array of s into s->block, in a fixed order (the lists above);
 * jz_scenario_new and jz_scenario_copy both call it. */
static void layout(jz_scenario *s)
{
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    double *p = s->block;
#define TAKE_S_(field, extend) do { s->field = p; p += H; } while (0);
#define TAKE_G_(field, extend) do { gm->field = p; p += H; } while (0);
#define TAKE_CELL_(field, width, extend) do { cl->field = p; p += (size_t)(width) * (size_t)H; } while (0);
    GLOBAL_SERIES(TAKE_S_)
    for (int g = 0; g < G; g++) {
        jz_gemeente *gm = &s->gemeenten[g];
        GEMEENTE_SERIES(TAKE_G_)
    }
    for (int c = 0; c < G * Z; c++) {
        jz_cell *cl = &s->cells[c];
        JZ_CELL_SERIES(TAKE_CELL_)
    }
#undef TAKE_S_
#undef TAKE_G_
#undef TAKE_CELL_
    assert(p == s->block + s->block_len);
}

jz_scenario *jz_scenario_new(int G, int Z, int H, int base_year)
{
    if (G < 1 || Z < 1 || H < 1 || H > JZ_HORIZON_MAX || G > 100000 || Z > 1000)
        return NULL;
    jz_scenario *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n_gemeenten = G;
    s->n_zorgsoorten = Z;
    s->meta.base_year = base_year;
    s->meta.horizon = H;
    s->meta.steps_per_year = 12;
    s->meta.startverschil_beinvloedbaar = 1;
    s->meta.measures_horizon = H > 10 ? H : 10;
    s->meta.discount_rate = 0.03;
    s->zorgsoorten = calloc((size_t)Z, sizeof *s->zorgsoorten);
    s->gemeenten = calloc((size_t)G, sizeof *s->gemeenten);
    s->cells = jz_big_calloc((size_t)G * (size_t)Z, sizeof *s->cells); /* ~1 MB nationally */
    s->block_len = block_size(G, Z, H);
    s->block = jz_big_calloc(s->block_len, sizeof *s->block); /* ~11 MB nationally */
    if (!s->zorgsoorten || !s->gemeenten || !s->cells || !s->block) {
        jz_scenario_free(s);
        return NULL;
    }
    layout(s);
    for (int z = 0; z < Z; z++) {
        snprintf(s->zorgsoorten[z].key, JZ_KEY_MAX, "z%d", z);
        snprintf(s->zorgsoorten[z].name, JZ_NAME_MAX, "zorgsoort %d", z);
        s->zorgsoorten[z].stages = 1;
        s->zorgsoorten[z].population = JZ_POP_YOUTH;
    }
    for (int g = 0; g < G; g++) {
        snprintf(s->gemeenten[g].code, JZ_CODE_MAX, "GM%04d", g % 10000);
        snprintf(s->gemeenten[g].name, JZ_NAME_MAX, "gemeente %d", g);
    }
    for (int c = 0; c < G * Z; c++) {
        jz_cell *cl = &s->cells[c];
        jz_fill(cl->zorgduur, H, 12.0);
        cl->reentry_delay = 12;
        cl->reentry_to = c % Z;
        cl->ageing_to = -1;
    }
    return s;
}

jz_fixed_cost *jz_scenario_add_fixed(jz_scenario *s, int g, const char *name)
{
    jz_gemeente *gm = &s->gemeenten[g];
    int H = s->meta.horizon;
    jz_fixed_cost *nf = realloc(gm->fixed, (size_t)(gm->n_fixed + 1) * sizeof *nf);
    if (!nf)
        return NULL;
    gm->fixed = nf;
    jz_fixed_cost *f = &gm->fixed[gm->n_fixed];
    memset(f, 0, sizeof *f);
    /* one allocation for the three arrays of the line */
    double *arr = calloc(3 * (size_t)H, sizeof *arr);
    if (!arr)
        return NULL;
    f->amount = arr;
    f->indexation = arr + H;
    f->budget = arr + 2 * H;
    snprintf(f->name, JZ_NAME_MAX, "%s", name ? name : "");
    gm->n_fixed++;
    return f;
}

jz_external *jz_scenario_add_external(jz_scenario *s, int g, const char *name, int zorgsoort)
{
    jz_gemeente *gm = &s->gemeenten[g];
    int H = s->meta.horizon;
    jz_external *ne = realloc(gm->external, (size_t)(gm->n_external + 1) * sizeof *ne);
    if (!ne)
        return NULL;
    gm->external = ne;
    jz_external *e = &gm->external[gm->n_external];
    memset(e, 0, sizeof *e);
    double *arr = calloc(3 * (size_t)H, sizeof *arr);
    if (!arr)
        return NULL;
    e->client_years = arr;
    e->cost = arr + H;
    e->compensation = arr + 2 * H;
    e->zorgsoort = zorgsoort;
    snprintf(e->name, JZ_NAME_MAX, "%s", name ? name : "");
    gm->n_external++;
    return e;
}

/* The warning's text, control bytes escaped (user text in a warning:
 * jzsim/error.h), added to s's list; once: not when the list holds it. */
__attribute__((format(printf, 3, 0)))
static int scenario_warn_v(jz_scenario *s, int once, const char *fmt, va_list ap)
{
    char buf[2048], esc[2048];
    vsnprintf(buf, sizeof buf, fmt, ap);
    jz_text_escape(esc, sizeof esc, buf);
    for (int i = 0; once && i < s->n_warnings; i++)
        if (strcmp(s->warnings[i], esc) == 0)
            return JZ_OK;
    return jz_strlist_push(&s->warnings, &s->n_warnings, &s->cap_warnings, esc);
}

int jz_scenario_warn(jz_scenario *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = scenario_warn_v(s, 0, fmt, ap);
    va_end(ap);
    return rc;
}

int jz_scenario_warn_once(jz_scenario *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = scenario_warn_v(s, 1, fmt, ap);
    va_end(ap);
    return rc;
}

/* Room for n inputs: the array grows by doubling, since a national
 * scenario records ~17,800 inputs one at a time; from 512 KiB on it is a
 * huge-page mapping (jz_big_realloc): each doubling of a malloc'd array
 * was a page fault per 4 KiB of the copy. */
static int inputs_room(jz_scenario *s)
{
    int n = s->n_inputs;
    if (n < s->cap_inputs)
        return JZ_OK;
    if (n > INT_MAX / 2)
        return JZ_ENOMEM;
    int cap = n == 0 ? 1 : 2 * n;
    /* the old block is freed with the length it was allocated with (a
     * mapping's length), not with n */
    jz_input *ni = jz_big_realloc(s->inputs, (size_t)s->cap_inputs, (size_t)cap, sizeof *ni);
    if (!ni)
        return JZ_ENOMEM;
    s->inputs = ni;
    s->cap_inputs = cap;
    return JZ_OK;
}

/* The texts of the inputs live in chunks handed out front to back and
 * freed together (jz_scenario_clear_inputs), not one malloc per input:
 * a national scenario has ~17,800 inputs and ~2 MB of their texts.  The
 * first chunk is small (a shipped scenario's inputs fit in it), the
 * second 256 KiB, the next ones 2 MiB (huge pages: jz_big_calloc). */
typedef struct input_chunk {
    struct input_chunk *next;
    size_t cap, used;
    char text[];
} input_chunk;

enum { INPUT_CHUNK_FIRST = 32 * 1024, INPUT_CHUNK_SECOND = 256 * 1024, INPUT_CHUNK_MORE = 2 * 1024 * 1024 };

static char *input_text_alloc(jz_scenario *s, size_t n)
{
    input_chunk *h = s->input_texts;
    if (h && h->cap - h->used >= n) {
        char *p = h->text + h->used;
        h->used += n;
        return p;
    }
    size_t size = !h ? INPUT_CHUNK_FIRST : !h->next ? INPUT_CHUNK_SECOND : INPUT_CHUNK_MORE;
    if (n > size - sizeof *h)
        size = n + sizeof *h; /* a text longer than a chunk (the values are at most ~512 bytes) */
    input_chunk *c = jz_big_calloc(1, size);
    if (!c)
        return NULL;
    c->next = h;
    c->cap = size - sizeof *c;
    c->used = n;
    s->input_texts = c;
    return c->text;
}

void jz_scenario_free_input_memory(jz_scenario *s)
{
    input_chunk *c = s->input_texts;
    while (c) {
        input_chunk *next = c->next;
        jz_big_free(c, 1, sizeof *c + c->cap);
        c = next;
    }
    s->input_texts = NULL;
    jz_big_free(s->inputs, (size_t)s->cap_inputs, sizeof *s->inputs);
    s->inputs = NULL;
    s->cap_inputs = 0;
}

int jz_scenario_add_input(jz_scenario *s, const char *path, const char *value,
                          const char *unit, const char *source,
                          const char *file, int line)
{
    if (inputs_room(s))
        return JZ_ENOMEM;
    jz_input *in = &s->inputs[s->n_inputs];
    memset(in, 0, sizeof *in);
    in->line = line;
    in->bron = -1;
    s->n_inputs++; /* counted before the texts so free() sees them */
    /* the five texts one after the other in the scenario's input texts */
    const char *text[5] = {path, value, unit, source, file};
    size_t len[5], total = 0;
    for (int i = 0; i < 5; i++) {
        if (!text[i])
            text[i] = ""; /* as jz_strdup took NULL */
        total += (len[i] = strlen(text[i])) + 1;
    }
    char *block = input_text_alloc(s, total);
    if (!block)
        return JZ_ENOMEM;
    char **field[5] = {&in->path, &in->value, &in->unit, &in->source, &in->file};
    for (int i = 0; i < 5; i++) {
        memcpy(block, text[i], len[i] + 1);
        *field[i] = block;
        block += len[i] + 1;
    }
    return JZ_OK;
}

void jz_scenario_free(jz_scenario *s)
{
    if (!s)
        return;
    if (s->gemeenten) {
        for (int g = 0; g < s->n_gemeenten; g++) {
            for (int i = 0; i < s->gemeenten[g].n_fixed; i++)
                free(s->gemeenten[g].fixed[i].amount);
            free(s->gemeenten[g].fixed);
            for (int i = 0; i < s->gemeenten[g].n_external; i++)
                free(s->gemeenten[g].external[i].client_years);
            free(s->gemeenten[g].external);
        }
    }
    jz_scenario_free_sources(s);
    jz_scenario_free_sliders(s);
    jz_scenario_clear_inputs(s); /* with the array */
    for (int i = 0; i < s->n_warnings; i++)
        free(s->warnings[i]);
    free(s->warnings);
    for (int i = 0; i < s->meta.n_sources; i++)
        free(s->meta.sources[i]);
    free(s->meta.sources);
    jz_scenario_free_measures(s);
    jz_unc_free_all(s);
    jz_regio_free(s->regio);
    free(s->zorgsoorten);
    free(s->gemeenten);
    jz_big_free(s->cells, (size_t)s->n_gemeenten * (size_t)s->n_zorgsoorten, sizeof *s->cells);
    jz_big_free(s->block, s->block_len, sizeof *s->block);
    free(s);
}

/* a * b and a + b, saturating at SIZE_MAX (jz_scenario_size is asked of
 * any dimensions, before anything of that size is allocated) */
static size_t sat_mul(size_t a, size_t b)
{
    return a && b > SIZE_MAX / a ? SIZE_MAX : a * b;
}
static size_t sat_add(size_t a, size_t b)
{
    return b > SIZE_MAX - a ? SIZE_MAX : a + b;
}

/* jz_scenario_size for a copy whose block holds `block` doubles (the
 * cells and the block are jz_big_calloc blocks: counted as mapped) */
static size_t size_with_block(const jz_scenario *s, size_t block)
{
    size_t G = (size_t)s->n_gemeenten, Z = (size_t)s->n_zorgsoorten;
    size_t bytes = sat_add(sizeof *s, sat_mul(Z, sizeof *s->zorgsoorten));
    bytes = sat_add(bytes, sat_mul(G, sizeof *s->gemeenten));
    bytes = sat_add(bytes, jz_big_bytes(sat_mul(G, Z), sizeof *s->cells));
    bytes = sat_add(bytes, jz_big_bytes(block, sizeof *s->block));
    /* the inputs array and the chunks of their texts, as a copy makes them
     * (it adds the same texts in the same order) */
    bytes = sat_add(bytes, sat_mul((size_t)s->cap_inputs, sizeof *s->inputs));
    for (const input_chunk *c = s->input_texts; c; c = c->next)
        bytes = sat_add(bytes, sizeof *c + c->cap);
    return bytes;
}

/* the doubles of the cells' series in a full copy's block, and of the rest */
static void block_parts(const jz_scenario *s, size_t *cells, size_t *rest)
{
    size_t G = (size_t)s->n_gemeenten, Z = (size_t)s->n_zorgsoorten, H = (size_t)s->meta.horizon;
    size_t per_cell = (size_t)(0 JZ_CELL_SERIES(CELL_WIDTH_));
    *cells = sat_mul(sat_mul(sat_mul(G, Z), per_cell), H);
    *rest = sat_add(sat_mul(sat_mul(G, GEMEENTE_ARRAYS), H), GLOBAL_ARRAYS * H);
}

size_t jz_scenario_size(const jz_scenario *s)
{
    if (!s)
        return 0;
    /* block_size() for these dimensions, without wrapping */
    size_t cells, rest;
    block_parts(s, &cells, &rest);
    return size_with_block(s, sat_add(cells, rest));
}

/* The doubles of the cells' series own[] marks (bit f of own[c]: series f
 * of cell c, JZ_CELL_SERIES order): what layout_owning gives them and what
 * jz_scenario_size_owning counts. */
static size_t owned_doubles(const jz_scenario *s, const uint32_t *own)
{
    size_t H = (size_t)s->meta.horizon, Z = (size_t)s->n_zorgsoorten, owned = 0;
    size_t nc = (size_t)s->n_gemeenten * Z;
    for (size_t c = 0; c < nc; c++) {
        uint32_t bit = 1;
#define OWNED_LEN_(field, width, extend) \
        if (own[c] & bit) \
            owned = sat_add(owned, (size_t)(width) * H); \
        bit <<= 1;
        JZ_CELL_SERIES(OWNED_LEN_)
#undef OWNED_LEN_
    }
    return owned;
}

size_t jz_scenario_size_owning(const jz_scenario *s, const uint32_t *own)
{
    if (!s || !own)
        return jz_scenario_size(s);
    /* the series outside the cells, and the cells' series own[] marks:
     * the lengths layout_owning gives them */
    size_t cells, rest;
    block_parts(s, &cells, &rest);
    return size_with_block(s, sat_add(rest, owned_doubles(s, own)));
}

#define OWN_COUNT_(field, width, extend) +1
_Static_assert(0 JZ_CELL_SERIES(OWN_COUNT_) <= 32, "one bit per cell series in jz_scenario_copy_owning's own[]");
#undef OWN_COUNT_

/* s's block replaced by one that holds the series outside the cells (at
 * the offsets layout() gives them) and only the cell series own[] marks;
 * the others are src's arrays.  Values copied from src.  0 or -1. */
static int layout_owning(jz_scenario *s, const jz_scenario *src, const uint32_t *own)
{
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    size_t len = (size_t)(GLOBAL_ARRAYS + (size_t)G * GEMEENTE_ARRAYS) * (size_t)H + owned_doubles(s, own);
    double *block = jz_big_calloc(len, sizeof *block);
    if (!block)
        return -1;
    jz_big_free(s->block, s->block_len, sizeof *s->block);
    s->block = block;
    s->block_len = len;
    double *p = s->block;
#define TAKE_S_(field, extend) do { s->field = p; memcpy(p, src->field, (size_t)H * sizeof *p); p += H; } while (0);
#define TAKE_G_(field, extend) do { gm->field = p; memcpy(p, o->field, (size_t)H * sizeof *p); p += H; } while (0);
#define TAKE_CELL_(field, width, extend) \
    do { \
        if (own[c] & bit) { \
            cl->field = p; \
            memcpy(p, oc->field, (size_t)(width) * (size_t)H * sizeof *p); \
            p += (size_t)(width) * (size_t)H; \
        } else { \
            cl->field = oc->field; \
        } \
        bit <<= 1; \
    } while (0);
    GLOBAL_SERIES(TAKE_S_)
    for (int g = 0; g < G; g++) {
        jz_gemeente *gm = &s->gemeenten[g];
        const jz_gemeente *o = &src->gemeenten[g];
        GEMEENTE_SERIES(TAKE_G_)
    }
    for (int c = 0; c < G * Z; c++) {
        jz_cell *cl = &s->cells[c];
        const jz_cell *oc = &src->cells[c];
        uint32_t bit = 1;
        JZ_CELL_SERIES(TAKE_CELL_)
    }
#undef TAKE_S_
#undef TAKE_G_
#undef TAKE_CELL_
    assert(p == s->block + s->block_len);
    return 0;
}

jz_scenario *jz_scenario_copy(const jz_scenario *src)
{
    return jz_scenario_copy_owning(src, NULL);
}

jz_scenario *jz_scenario_copy_owning(const jz_scenario *src, const uint32_t *own)
{
    int G = src->n_gemeenten, Z = src->n_zorgsoorten, H = src->meta.horizon;
    jz_scenario *s = jz_scenario_new(G, Z, H, src->meta.base_year);
    if (!s)
        return NULL;
    /* scalar fields: copy the structs, then re-point their arrays */
    jz_meta meta = src->meta;
    meta.n_sources = 0;
    meta.sources = NULL;
    s->meta = meta;
    memcpy(s->zorgsoorten, src->zorgsoorten, (size_t)Z * sizeof *s->zorgsoorten);
    for (int g = 0; g < G; g++) {
        jz_gemeente *d = &s->gemeenten[g];
        const jz_gemeente *o = &src->gemeenten[g];
        memcpy(d->code, o->code, sizeof d->code);
        memcpy(d->name, o->name, sizeof d->name);
        d->has_rijksbijdrage = o->has_rijksbijdrage;
        d->has_inhabitants = o->has_inhabitants;
    }
    /* the cells' scalars, then their series re-pointed into s's own block */
    memcpy(s->cells, src->cells, (size_t)G * (size_t)Z * sizeof *s->cells);
    if (own) {
        if (layout_owning(s, src, own))
            goto fail;
    } else {
        layout(s);
        memcpy(s->block, src->block, s->block_len * sizeof *s->block);
    }
    for (int g = 0; g < G; g++) {
        const jz_gemeente *o = &src->gemeenten[g];
        for (int i = 0; i < o->n_fixed; i++) {
            jz_fixed_cost *f = jz_scenario_add_fixed(s, g, o->fixed[i].name);
            if (!f)
                goto fail;
            memcpy(f->amount, o->fixed[i].amount, (size_t)H * sizeof(double));
            memcpy(f->indexation, o->fixed[i].indexation, (size_t)H * sizeof(double));
            memcpy(f->budget, o->fixed[i].budget, (size_t)H * sizeof(double));
            f->has_budget = o->fixed[i].has_budget;
            memcpy(f->taakveld, o->fixed[i].taakveld, sizeof f->taakveld);
        }
        for (int i = 0; i < o->n_external; i++) {
            jz_external *e = jz_scenario_add_external(s, g, o->external[i].name, o->external[i].zorgsoort);
            if (!e)
                goto fail;
            memcpy(e->client_years, o->external[i].client_years, (size_t)H * sizeof(double));
            memcpy(e->cost, o->external[i].cost, (size_t)H * sizeof(double));
            memcpy(e->compensation, o->external[i].compensation, (size_t)H * sizeof(double));
            e->in_volume = o->external[i].in_volume;
        }
    }
    if (src->meta.n_sources > 0) {
        s->meta.sources = calloc((size_t)src->meta.n_sources, sizeof(char *));
        if (!s->meta.sources)
            goto fail;
        for (int i = 0; i < src->meta.n_sources; i++) {
            if (!(s->meta.sources[i] = jz_strdup(src->meta.sources[i])))
                goto fail;
            s->meta.n_sources++;
        }
    }
    for (int i = 0; i < src->n_inputs; i++) {
        const jz_input *in = &src->inputs[i];
        if (jz_scenario_add_input(s, in->path, in->value, in->unit, in->source, in->file, in->line))
            goto fail;
        s->inputs[s->n_inputs - 1].series = in->series;
    }
    if (jz_scenario_copy_sources(s, src) || jz_scenario_copy_sliders(s, src))
        goto fail;
    for (int i = 0; i < src->n_warnings; i++) /* already escaped: copied as they are */
        if (jz_strlist_push(&s->warnings, &s->n_warnings, &s->cap_warnings, src->warnings[i]))
            goto fail;
    if (jz_scenario_copy_measures(s, src))
        goto fail;
    if (jz_unc_copy_all(s, src))
        goto fail;
    if (src->regio && !(s->regio = jz_regio_copy(src->regio, H)))
        goto fail;
    return s;
fail:
    jz_scenario_free(s);
    return NULL;
}

/* d[0 .. H2) from o[0 .. H): years past H hold o's last row or are 0;
 * `width` doubles per year. */
static void extend_series(double *d, const double *o, int H, int H2, int width, int extend)
{
    size_t row = (size_t)width * sizeof *d;
    memcpy(d, o, (size_t)H * row);
    for (int y = H; y < H2; y++) {
        if (extend == JZ_EXTEND_HOLD)
            memcpy(d + (size_t)y * (size_t)width, o + (size_t)(H - 1) * (size_t)width, row);
        else
            memset(d + (size_t)y * (size_t)width, 0, row);
    }
}

jz_scenario *jz_scenario_extend(const jz_scenario *src, int H2)
{
    int G = src->n_gemeenten, Z = src->n_zorgsoorten, H = src->meta.horizon;
    if (H2 < H || H2 > JZ_HORIZON_MAX)
        return NULL;
    jz_scenario *s = jz_scenario_new(G, Z, H2, src->meta.base_year);
    if (!s)
        return NULL;
    jz_meta meta = src->meta;
    meta.n_sources = 0;
    meta.sources = NULL;
    meta.horizon = H2;
    s->meta = meta;
    memcpy(s->zorgsoorten, src->zorgsoorten, (size_t)Z * sizeof *s->zorgsoorten);
    memcpy(s->cells, src->cells, (size_t)G * (size_t)Z * sizeof *s->cells);
    layout(s);
#define EXT_S_(field, extend) extend_series(s->field, src->field, H, H2, 1, extend);
#define EXT_G_(field, extend) extend_series(d->field, o->field, H, H2, 1, extend);
#define EXT_CELL_(field, width, extend) extend_series(d->field, o->field, H, H2, width, extend);
    GLOBAL_SERIES(EXT_S_)
    for (int g = 0; g < G; g++) {
        jz_gemeente *d = &s->gemeenten[g];
        const jz_gemeente *o = &src->gemeenten[g];
        memcpy(d->code, o->code, sizeof d->code);
        memcpy(d->name, o->name, sizeof d->name);
        d->has_rijksbijdrage = o->has_rijksbijdrage;
        d->has_inhabitants = o->has_inhabitants;
        GEMEENTE_SERIES(EXT_G_)
        for (int i = 0; i < o->n_fixed; i++) {
            const jz_fixed_cost *of = &o->fixed[i];
            jz_fixed_cost *f = jz_scenario_add_fixed(s, g, of->name);
            if (!f)
                goto fail;
            extend_series(f->amount, of->amount, H, H2, 1, JZ_EXTEND_HOLD);
            extend_series(f->indexation, of->indexation, H, H2, 1, JZ_EXTEND_HOLD);
            extend_series(f->budget, of->budget, H, H2, 1, JZ_EXTEND_HOLD);
            f->has_budget = of->has_budget;
            memcpy(f->taakveld, of->taakveld, sizeof f->taakveld);
        }
        for (int i = 0; i < o->n_external; i++) {
            const jz_external *oe = &o->external[i];
            jz_external *e = jz_scenario_add_external(s, g, oe->name, oe->zorgsoort);
            if (!e)
                goto fail;
            extend_series(e->client_years, oe->client_years, H, H2, 1, JZ_EXTEND_HOLD);
            extend_series(e->cost, oe->cost, H, H2, 1, JZ_EXTEND_HOLD);
            extend_series(e->compensation, oe->compensation, H, H2, 1, JZ_EXTEND_HOLD);
            e->in_volume = oe->in_volume;
        }
    }
    for (int c = 0; c < G * Z; c++) {
        jz_cell *d = &s->cells[c];
        const jz_cell *o = &src->cells[c];
        JZ_CELL_SERIES(EXT_CELL_)
    }
#undef EXT_S_
#undef EXT_G_
#undef EXT_CELL_
    if (jz_scenario_extend_measures(s, src))
        goto fail;
    if (src->regio && !(s->regio = jz_regio_copy(src->regio, H2)))
        goto fail;
    return s;
fail:
    jz_scenario_free(s);
    return NULL;
}

int jz_scenario_zorgsoort_index(const jz_scenario *s, const char *key)
{
    for (int z = 0; z < s->n_zorgsoorten; z++)
        if (strcmp(s->zorgsoorten[z].key, key) == 0)
            return z;
    return -1;
}

/* a == b as strcmp(a, b) == 0, inline: the lookups below compare short
 * strings that differ within a few characters, and the loader makes one per
 * traceable input of a gemeente (national scenarios: ~15,000 x G / 2), where
 * the call to the library strcmp cost more than the comparison */
static inline int same_text(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

int jz_scenario_gemeente_index(const jz_scenario *s, const char *code_or_name)
{
    for (int g = 0; g < s->n_gemeenten; g++)
        if (same_text(s->gemeenten[g].code, code_or_name) || same_text(s->gemeenten[g].name, code_or_name))
            return g;
    return -1;
}

const char *jz_gemeente_what(const jz_scenario *s, int g, char *buf, size_t size)
{
    const jz_gemeente *gm = &s->gemeenten[g];
    snprintf(buf, size, "gemeenten[%s] (%s)", gm->code, gm->name);
    return buf;
}

const char *jz_zorgsoort_what(const jz_scenario *s, int z, char *buf, size_t size)
{
    const jz_zorgsoort *zs = &s->zorgsoorten[z];
    snprintf(buf, size, "zorgsoorten[%s] (%s)", zs->key, zs->name);
    return buf;
}
