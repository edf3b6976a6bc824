/*
 * werksessie_sliders.c - the top-level `werksessie` section: the sliders a
 * scenario names for the werksessie page (docs/werksessie.md).
 *
 *   werksessie:
 *     sliders:
 *       - input: "zorgsoorten[ambulant].zorgduur"
 *         label: "Zorgduur ambulant"
 *         low: 12
 *         high: 18
 *
 * Without it the page offers the scenario's uncertain inputs; with it,
 * exactly these.  Each `input` is the path of an input the scenario sets
 * (as in the inputs list, jz_input.path), written as one number for every
 * year: a slider moves one value.  `low` and `high` are in that input's unit
 * and must hold the value as written; they may be left out for an
 * uncertain input, whose range is then the tornado's (as without the
 * section).  Read after everything else, since it refers to the inputs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "jzsim/uncertainty.h"
#include "jzsim/werksessie.h"
#include "scenario/build.h"
#include "scenario/node.h"
#include "scenario/schema.h"
#include "scenario/uncertain.h"
#include "scenario/value.h"

const jz_key jz_keys_werksessie[] = {
    {"sliders", 1, "the inputs the werksessie offers as sliders, e.g. "
                   "sliders: [{input: \"zorgsoorten[ambulant].zorgduur\", label: Zorgduur ambulant, low: 12, high: 18}]"},
    {"source", 0, "a source note"},
    {NULL, 0, NULL}};

const jz_key jz_keys_slider[] = {
    {"input", 1, "the path of the input, as in the inputs list, e.g. input: \"zorgsoorten[ambulant].zorgduur\""},
    {"label", 0, "what the slider is called in the page, e.g. label: Zorgduur ambulant (default: the input's label)"},
    {"low", 0, "the lowest value, in the input's unit, e.g. low: 12 (default for an uncertain input: its range)"},
    {"high", 0, "the highest value, in the input's unit, e.g. high: 18 (default for an uncertain input: its range)"},
    {"source", 0, "a source note"},
    {NULL, 0, NULL}};

/* Characters (not bytes) of a UTF-8 text. */
static size_t utf8_chars(const char *t)
{
    size_t n = 0;
    for (; *t; t++)
        n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

/* The unit whose name the input was recorded with, or -1. */
static int unit_of(const char *name)
{
    for (int u = JZ_U_COUNT; u <= JZ_U_FACTOR; u++)
        if (strcmp(jz_unit_name((jz_unit)u), name) == 0)
            return u;
    return -1;
}

/* "; did you mean 'x'?" for the input path nearest to p, or the inputs
 * with the same last part ("zorgduur"), or nothing. */
static void suggest(const jz_scenario *s, const char *p, char *buf, size_t size)
{
    buf[0] = '\0';
    size_t best = (size_t)-1;
    int at = -1;
    for (int i = 0; i < s->n_inputs; i++) {
        size_t d = jz_edit_distance(p, s->inputs[i].path);
        if (d < best) {
            best = d;
            at = i;
        }
    }
    if (at >= 0 && best <= strlen(p) / 3 + 1) {
        snprintf(buf, size, "; did you mean '%s'?", s->inputs[at].path);
        return;
    }
    const char *tail = strrchr(p, '.');
    tail = tail ? tail : p;
    size_t len = 0;
    int shown = 0;
    for (int i = 0; i < s->n_inputs && shown < 4; i++) {
        const char *t = strrchr(s->inputs[i].path, '.');
        if (!t || strcmp(t, tail) != 0)
            continue;
        int w = snprintf(buf + len, size - len, "%s'%s'", shown ? ", " : "; inputs with that name: ",
                         s->inputs[i].path);
        if (w < 0 || (size_t)w >= size - len)
            break;
        len += (size_t)w;
        shown++;
    }
}

static const jz_uncertain *uncertain_at(const jz_scenario *s, const char *path)
{
    int i = jz_unc_find(s, path);
    return i >= 0 ? &s->uncertain[i] : NULL;
}

int jz_slider_values(const jz_scenario *s, const char *path, double *point, double *kept, int max)
{
    const jz_uncertain *un = uncertain_at(s, path);
    const int n = jz_input_realised_years(s, path), H = s->meta.horizon;
    if (un) { /* the loader's targets keep the point value in the realised years */
        *point = un->dist.point;
        for (int y = 0; y < n && y < max; y++)
            kept[y] = un->dist.point;
        return n;
    }
    const jz_input *in = jz_input_find(s, path);
    int u = in ? unit_of(in->unit) : -1;
    if (u < 0)
        return -1;
    /* the value as written (jz_input.value), read again as the loader read it */
    jz_arena *a = jz_arena_alloc();
    double *v = malloc((size_t)(H > 0 ? H : 1) * sizeof *v);
    jz_error tmp;
    jz_error_clear(&tmp);
    const jz_node *node = a && v ? jz_yaml_parse(a, in->value, strlen(in->value), in->file, NULL, &tmp) : NULL;
    int rc = !a || !v || (!node && tmp.status == JZ_ENOMEM) ? -2 : -1;
    if (node) {
        if (!in->series)
            rc = jz_value_number(node, (jz_unit)u, path, point, &tmp) == JZ_OK ? 0 : -1;
        else if (n < H && jz_value_series(NULL, node, (jz_unit)u, path, s->meta.base_year, H, v, &tmp) == JZ_OK) {
            rc = n; /* one value over the projected years, what a slider moves */
            for (int y = n + 1; y < H; y++)
                if (v[y] != v[n])
                    rc = -1;
            *point = v[n];
            for (int y = 0; y < n && y < max; y++)
                kept[y] = v[y];
        }
    }
    free(v);
    jz_arena_free(a);
    return rc;
}

static int bound(const jz_node *item, const char *key, jz_unit u, const char *path, double *out, int *given,
                 jz_error *err)
{
    const jz_node *v = jz_node_get(item, key);
    *given = v != NULL;
    if (!v)
        return JZ_OK;
    char what[600];
    snprintf(what, sizeof what, "werksessie.sliders %s %s", path, key);
    return jz_value_number(v, u, what, out, err);
}

static int load_slider(jz_scenario *s, const jz_node *item, jz_slider *sl, jz_error *err)
{
    if (item->type != JZ_NODE_MAP)
        return jz_node_error(err, item, "werksessie.sliders: each slider is a map {input, label, low, high}, got %s",
                             jz_node_type_name(item));
    int rc = jz_schema_check(item, jz_keys_slider, "a werksessie slider", err);
    if (rc)
        return rc;
    const jz_node *pn = jz_node_get(item, "input");
    if (pn->type != JZ_NODE_SCALAR)
        return jz_node_error(err, pn, "werksessie.sliders input: expected an input path, got %s",
                             jz_node_type_name(pn));
    const char *path = pn->scalar;
    if (strncmp(path, "measures[", 9) == 0 || strcmp(path, "measures") == 0)
        return jz_node_error(err, pn, "werksessie.sliders: '%s' is part of a measure; every measure already has "
                                      "a switch and a realisation in the werksessie", path);
    const jz_input *in = jz_input_find(s, path);
    if (!in) {
        char hint[700];
        suggest(s, path, hint, sizeof hint);
        return jz_node_error(err, pn, "werksessie.sliders: this scenario sets no input '%s'%s (the inputs are "
                                      "listed by `jzsim run --format xlsx`, sheet inputs)", path, hint);
    }
    int u = unit_of(in->unit);
    if (u < 0)
        return jz_node_error(err, pn, "werksessie.sliders: '%s' (%s) cannot be a slider: it is not a number of "
                                      "one unit", path, in->unit);
    const jz_uncertain *un = uncertain_at(s, path);
    double point, kept[JZ_UNC_REALISED + 1];
    int nk = jz_slider_values(s, path, &point, kept, JZ_UNC_REALISED);
    if (nk == -2)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (nk < 0)
        return jz_node_error(err, pn,
                             "werksessie.sliders: '%s' is written as %s (%s:%d); a slider moves one value for every "
                             "projected year, so it needs an input written as one number (or one number from %d on, "
                             "the realised base year as written: {%d: ..., %d: ...})", in->path, in->value, in->file,
                             in->line, s->meta.base_year + jz_unc_realised(s), s->meta.base_year,
                             s->meta.base_year + jz_unc_realised(s));
    double low = 0, high = 0;
    int has_low, has_high;
    if ((rc = bound(item, "low", (jz_unit)u, path, &low, &has_low, err)) ||
        (rc = bound(item, "high", (jz_unit)u, path, &high, &has_high, err)))
        return rc;
    if (!has_low || !has_high) {
        if (!un || !(un->range_low < un->range_high))
            return jz_node_error(err, item, "werksessie.sliders: '%s' needs low and high, in %s (e.g. low: %g, "
                                            "high: %g); only an uncertain input has a range of its own", path,
                                 in->unit, point * 0.8, point * 1.2);
        if (!has_low)
            low = fmin(un->range_low, point);
        if (!has_high)
            high = fmax(un->range_high, point);
    }
    if (!(low < high))
        return jz_node_error(err, jz_node_get(item, has_high ? "high" : "low"),
                             "werksessie.sliders: '%s': low (%g) must be below high (%g)", path, low, high);
    if (point < low || point > high)
        return jz_node_error(err, item, "werksessie.sliders: '%s': the value as written, %g %s (%s:%d), lies "
                                        "outside low %g .. high %g; widen the range to hold it", path, point,
                             in->unit, in->file, in->line, low, high);
    const jz_node *ln = jz_node_get(item, "label");
    if (ln && ln->type != JZ_NODE_SCALAR)
        return jz_node_error(err, ln, "werksessie.sliders label: expected a text, got %s", jz_node_type_name(ln));
    if (ln && (ln->scalar[0] == '\0' || utf8_chars(ln->scalar) > JZ_SLIDER_LABEL_MAX))
        return jz_node_error(err, ln, "werksessie.sliders label: %s; a slider's label is at most %d characters, "
                                      "this one has %zu (the page gives it one line)",
                             ln->scalar[0] ? "too long" : "empty", JZ_SLIDER_LABEL_MAX, utf8_chars(ln->scalar));
    sl->point = point;
    sl->low = low;
    sl->high = high;
    sl->path = jz_strdup(path);
    sl->unit = jz_strdup(in->unit);
    sl->label = ln ? jz_strdup(ln->scalar) : NULL;
    if (!sl->path || !sl->unit || (ln && !sl->label))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}

int jz_load_werksessie(jz_scenario *s, const jz_node *section, jz_error *err)
{
    if (!section)
        return JZ_OK;
    if (section->type != JZ_NODE_MAP)
        return jz_node_error(err, section, "werksessie: expected a map, e.g. werksessie: {sliders: [...]}, got %s",
                             jz_node_type_name(section));
    int rc = jz_schema_check(section, jz_keys_werksessie, "werksessie", err);
    if (rc)
        return rc;
    const jz_node *list = jz_node_get(section, "sliders");
    if (list->type != JZ_NODE_SEQ || list->n == 0)
        return jz_node_error(err, list, "werksessie.sliders: expected a list of at least one slider, got %s",
                             list->type == JZ_NODE_SEQ ? "an empty list" : jz_node_type_name(list));
    if (list->n > JZ_SLIDERS_MAX)
        return jz_node_error(err, list->values[JZ_SLIDERS_MAX], "werksessie.sliders: at most %d sliders (a "
                             "werksessie page stays readable), got %zu", JZ_SLIDERS_MAX, list->n);
    s->sliders = calloc(list->n, sizeof *s->sliders);
    if (!s->sliders)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < list->n; i++) {
        rc = load_slider(s, list->values[i], &s->sliders[i], err);
        s->n_sliders = (int)i + 1; /* counted so that free() sees what was set */
        if (rc)
            return rc;
        for (size_t k = 0; k < i; k++)
            if (strcmp(s->sliders[k].path, s->sliders[i].path) == 0)
                return jz_node_error(err, jz_node_get(list->values[i], "input"),
                                     "werksessie.sliders: '%s' is listed twice (also item %zu)",
                                     s->sliders[i].path, k + 1);
    }
    return JZ_OK;
}

void jz_scenario_free_sliders(jz_scenario *s)
{
    for (int i = 0; i < s->n_sliders; i++) {
        free(s->sliders[i].path);
        free(s->sliders[i].label);
        free(s->sliders[i].unit);
    }
    free(s->sliders);
    s->sliders = NULL;
    s->n_sliders = 0;
}

int jz_scenario_copy_sliders(jz_scenario *d, const jz_scenario *src)
{
    if (src->n_sliders == 0)
        return JZ_OK;
    d->sliders = calloc((size_t)src->n_sliders, sizeof *d->sliders);
    if (!d->sliders)
        return JZ_ENOMEM;
    for (int i = 0; i < src->n_sliders; i++) {
        const jz_slider *o = &src->sliders[i];
        jz_slider *n = &d->sliders[i];
        d->n_sliders = i + 1;
        *n = *o;
        n->path = jz_strdup(o->path);
        n->unit = jz_strdup(o->unit);
        n->label = o->label ? jz_strdup(o->label) : NULL;
        if (!n->path || !n->unit || (o->label && !n->label))
            return JZ_ENOMEM;
    }
    return JZ_OK;
}
