/*
 * compare_saved.c - a forecast saved earlier as the reference of a
 * comparison: the JSON written by `jzsim run --format json` (format
 * jzsim-run, format_version 1), read back (see jz_saved_result_load in
 * jzsim/compare.h).
 *
 * JSON is YAML for everything our JSON writer emits, so the file is read
 * with the scenario loader's located node tree (engine/scenario/node.c):
 * every error names file:line:column.  What comes back is a scenario shell
 * (name, base year, horizon, begrotingsjaar, gemeenten, zorgsoorten with
 * their taakveld; no inputs, so the workbook lists none for it) and a
 * result holding the saved figures, found by the keys of the one figure
 * table (jz_metrics): what the comparison and the verschillenanalyse read is
 * exactly what was saved.  A figure the file lacks is absent (NaN), not 0.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/compare.h"
#include "jzsim/report.h"
#include "scenario/build.h"
#include "scenario/node.h"

#define FAIL(n, ...) jz_error_set(err, JZ_EINPUT, (n)->file, (n)->line, (n)->column, __VA_ARGS__)

/* The child `key` of map n, or an error at n. */
static const jz_node *need(const jz_node *n, const char *key, jz_node_type type, const char *what, jz_error *err)
{
    const jz_node *v = jz_node_get(n, key);
    if (!v) {
        FAIL(n, "no '%s' here: this is not the JSON of 'jzsim run --format json' (%s)", key, what);
        return NULL;
    }
    if (v->type != type) {
        FAIL(v, "'%s' should be %s, got %s", key,
             type == JZ_NODE_MAP ? "an object" : type == JZ_NODE_SEQ ? "a list" : "a number or text",
             jz_node_type_name(v));
        return NULL;
    }
    return v;
}

static int number(const jz_node *n, double *out, jz_error *err)
{
    if (n->type != JZ_NODE_SCALAR)
        return FAIL(n, "expected a number, got %s", jz_node_type_name(n));
    if (strcmp(n->scalar, "null") == 0 && !n->quoted) {
        *out = NAN; /* absent when saved */
        return JZ_OK;
    }
    char *end;
    *out = strtod(n->scalar, &end);
    if (n->quoted || end == n->scalar || *end)
        return FAIL(n, "expected a number, got '%s'", n->scalar);
    return JZ_OK;
}

static int integer(const jz_node *map, const char *key, int *out, jz_error *err)
{
    const jz_node *n = need(map, key, JZ_NODE_SCALAR, "a year", err);
    double v;
    if (!n || number(n, &v, err))
        return JZ_EINPUT;
    if (!isfinite(v) || v != floor(v) || v < 0 || v > 1e5)
        return FAIL(n, "'%s' should be a whole number, got '%s'", key, n->scalar);
    *out = (int)v;
    return JZ_OK;
}

/* Text for a double-quoted YAML scalar: quotes, backslashes and control
 * characters escaped. */
static void quoted(char *buf, size_t n, const char *s)
{
    size_t o = 0;
    if (n < 3)
        return;
    buf[o++] = '"';
    for (; *s && o + 7 < n; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            buf[o++] = '\\';
            buf[o++] = (char)ch;
        } else if (ch < 0x20) {
            o += (size_t)snprintf(buf + o, n - o, "\\x%02x", ch);
        } else {
            buf[o++] = (char)ch;
        }
    }
    buf[o++] = '"';
    buf[o] = '\0';
}

/* An array of H numbers into dst[stride * y]; NaN everywhere when the key is
 * absent from the map. */
static int series(const jz_node *map, const char *key, int H, double *dst, jz_error *err)
{
    const jz_node *a = jz_node_get(map, key);
    if (!a) {
        for (int y = 0; y < H; y++)
            dst[y] = NAN;
        return JZ_OK;
    }
    if (a->type != JZ_NODE_SEQ || (int)a->n != H)
        return FAIL(a, "'%s' should be a list of %d numbers, one per year", key, H);
    for (int y = 0; y < H; y++)
        if (number(a->values[y], &dst[y], err))
            return JZ_EINPUT;
    return JZ_OK;
}

/* The shell scenario: what a comparison reads of a scenario, written as a
 * small YAML scenario and loaded, so that it is a scenario like any other. */
static jz_scenario *shell(const char *path, const jz_node *scen, const jz_node *zs, const jz_node *gem, int base,
                          int horizon, int bj, jz_error *err)
{
    const jz_node *srcs = jz_node_get(scen, "sources");
    size_t cap = 4096 + (zs->n + gem->n + (srcs ? srcs->n : 0)) * 1024;
    char *y = malloc(cap), q1[4 * JZ_NAME_MAX], q2[4 * JZ_NAME_MAX];
    if (!y) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    const jz_node *name = jz_node_get(scen, "name");
    char title[JZ_NAME_MAX];
    snprintf(title, sizeof title, "%s", name && name->type == JZ_NODE_SCALAR ? name->scalar : path);
    quoted(q1, sizeof q1, title);
    size_t o = (size_t)snprintf(y, cap, "meta: {name: %s, base_year: %d, horizon: %d", q1, base, horizon);
    if (bj > 0)
        o += (size_t)snprintf(y + o, cap - o, ", begrotingsjaar: %d", bj);
    const jz_node *src = jz_node_get(scen, "sources");
    if (src && src->type == JZ_NODE_SEQ && src->n) { /* as saved */
        o += (size_t)snprintf(y + o, cap - o, ", sources: [");
        for (size_t i = 0; i < src->n && o < cap; i++)
            if (src->values[i]->type == JZ_NODE_SCALAR) {
                quoted(q1, sizeof q1, src->values[i]->scalar);
                o += (size_t)snprintf(y + o, cap - o, "%s%s", i ? ", " : "", q1);
            }
        o += (size_t)snprintf(y + o, cap - o, "]");
    }
    o += (size_t)snprintf(y + o, cap - o, "}\nzorgsoorten:\n");
    for (size_t i = 0; i < zs->n; i++) {
        const jz_node *z = zs->values[i], *k = z->type == JZ_NODE_MAP ? jz_node_get(z, "key") : NULL;
        const jz_node *nm = k ? jz_node_get(z, "name") : NULL, *tv = k ? jz_node_get(z, "taakveld") : NULL;
        if (!k || k->type != JZ_NODE_SCALAR) {
            free(y);
            FAIL(z, "a zorgsoort needs a 'key'");
            return NULL;
        }
        quoted(q1, sizeof q1, k->scalar);
        quoted(q2, sizeof q2, nm && nm->type == JZ_NODE_SCALAR ? nm->scalar : k->scalar);
        o += (size_t)snprintf(y + o, cap - o, "  - {key: %s, name: %s, start: 0, instroom: 0, zorgduur: 12, cost: 0",
                              q1, q2);
        if (tv && tv->type == JZ_NODE_SCALAR && tv->scalar[0]) {
            quoted(q1, sizeof q1, tv->scalar);
            o += (size_t)snprintf(y + o, cap - o, ", taakveld: %s", q1);
        }
        o += (size_t)snprintf(y + o, cap - o, "}\n");
    }
    o += (size_t)snprintf(y + o, cap - o, "gemeenten:\n");
    for (size_t i = 0; i < gem->n; i++) {
        const jz_node *g = gem->values[i];
        quoted(q1, sizeof q1, jz_node_get(g, "code")->scalar);
        const jz_node *nm = jz_node_get(g, "name");
        quoted(q2, sizeof q2, nm && nm->type == JZ_NODE_SCALAR ? nm->scalar : "");
        o += (size_t)snprintf(y + o, cap - o, "  - {code: %s, name: %s}\n", q1, q2);
    }
    jz_scenario *s = o < cap ? jz_scenario_load_string(y, o, path, NULL, err) : NULL;
    if (o >= cap)
        jz_error_set(err, JZ_EINPUT, path, 0, 0, "too many names in the saved result");
    free(y);
    if (!s)
        return NULL;
    /* a shell has no inputs and says nothing of its own: the figures are
     * the saved ones */
    jz_scenario_clear_inputs(s);
    for (int i = 0; i < s->n_warnings; i++)
        free(s->warnings[i]);
    s->n_warnings = 0;
    snprintf(s->meta.path, sizeof s->meta.path, "%s", path);
    const jz_node *d = jz_node_get(scen, "description");
    snprintf(s->meta.description, sizeof s->meta.description, "%s",
             d && d->type == JZ_NODE_SCALAR ? d->scalar : "");
    return s;
}

/* Every figure of one results entry into slot g of r. */
static int fill(const jz_scenario *s, jz_result *r, const jz_node *res, int g, jz_error *err)
{
    const jz_node *tot = need(res, "totals", JZ_NODE_MAP, "figures per gemeente", err);
    const jz_node *zs = tot ? need(res, "zorgsoorten", JZ_NODE_MAP, "figures per zorgsoort", err) : NULL;
    if (!zs)
        return JZ_EINPUT;
    int H = r->horizon;
    /* the gemeente figures a run writes only for a region (side by side) or
     * a verevening; a saved forecast without a verevening had none (0) */
    const jz_metric *extra[] = {jz_regio_compare_metrics, jz_regio_metrics, jz_contract_metrics};
    for (int t = 0; t < 3; t++)
        for (const jz_metric *m = extra[t]; m->key; m++) {
            double *a = (double *)jz_metric_array(r, m);
            if (!a || m->level != JZ_LEVEL_GEMEENTE)
                continue;
            if (series(tot, m->key, H, a + jz_result_gy(r, g, 0), err))
                return JZ_EINPUT;
            if (t >= 1 && !jz_node_get(tot, m->key))
                for (int y = 0; y < H; y++)
                    a[jz_result_gy(r, g, y)] = 0.0;
        }
    for (const jz_metric *m = jz_metrics; m->key; m++) {
        double *a = (double *)jz_metric_array(r, m);
        if (!a)
            continue;
        if (m->level == JZ_LEVEL_GEMEENTE) {
            if (series(tot, m->key, H, a + jz_result_gy(r, g, 0), err))
                return JZ_EINPUT;
            continue;
        }
        for (int z = 0; z < s->n_zorgsoorten; z++) {
            const jz_node *zn = jz_node_get(zs, s->zorgsoorten[z].key);
            if (!zn || zn->type != JZ_NODE_MAP)
                return FAIL(zs, "no figures for zorgsoort '%s'", s->zorgsoorten[z].key);
            if (series(zn, m->key, H, a + jz_result_cz(r, g, z, 0), err))
                return JZ_EINPUT;
        }
    }
    return JZ_OK;
}

int jz_saved_result_load(const char *path, jz_scenario **out_s, jz_result **out_r, jz_error *err)
{
    *out_s = NULL;
    *out_r = NULL;
    jz_error_clear(err);
    jz_arena *arena = jz_arena_alloc();
    if (!arena)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int rc = JZ_EINPUT;
    jz_scenario *s = NULL;
    jz_result *r = NULL;
    const jz_node *root = jz_yaml_parse_file(arena, path, NULL, err);
    if (!root) {
        if (err->status == JZ_EIO) /* a missing or unreadable input is bad input */
            err->status = JZ_EINPUT;
        goto done;
    }
    if (root->type != JZ_NODE_MAP) {
        FAIL(root, "expected the JSON of 'jzsim run --format json' (an object), got %s", jz_node_type_name(root));
        goto done;
    }
    const jz_node *fmt = need(root, "format", JZ_NODE_SCALAR, "it starts with \"format\": \"jzsim-run\"", err);
    if (!fmt)
        goto done;
    if (strcmp(fmt->scalar, "jzsim-run") != 0) {
        FAIL(fmt, "this is a '%s' file; a saved forecast is the JSON of 'jzsim run --format json' "
                  "(format jzsim-run)", fmt->scalar);
        goto done;
    }
    int version = 0, base = 0, horizon = 0, bj = 0;
    if (integer(root, "format_version", &version, err))
        goto done;
    if (version != 1) {
        FAIL(jz_node_get(root, "format_version"), "format_version %d is not one this jzsim reads (1)", version);
        goto done;
    }
    const jz_node *scen = need(root, "scenario", JZ_NODE_MAP, "the scenario", err);
    const jz_node *zs = scen ? need(root, "zorgsoorten", JZ_NODE_SEQ, "the zorgsoorten", err) : NULL;
    const jz_node *res = zs ? need(root, "results", JZ_NODE_SEQ, "the results", err) : NULL;
    if (!res || integer(scen, "base_year", &base, err) || integer(scen, "horizon", &horizon, err))
        goto done;
    if (base < 1900 || base > 2200 || horizon < 1 || horizon > JZ_HORIZON_MAX) {
        FAIL(scen, "base_year %d / horizon %d out of range", base, horizon);
        goto done;
    }
    if (jz_node_get(scen, "begrotingsjaar") && integer(scen, "begrotingsjaar", &bj, err))
        goto done;
    /* the gemeenten, then the region total when there is more than one */
    jz_node gem = {0}; /* a list of the entries that are gemeenten */
    const jz_node *total = NULL;
    gem.type = JZ_NODE_SEQ;
    gem.values = jz_arena_malloc(arena, (res->n + 1) * sizeof *gem.values);
    if (!gem.values) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < res->n; i++) {
        const jz_node *e = res->values[i], *code = e->type == JZ_NODE_MAP ? jz_node_get(e, "code") : NULL;
        if (!code || code->type != JZ_NODE_SCALAR) {
            FAIL(e, "a result needs a 'code' (the CBS code)");
            goto done;
        }
        if (strcmp(code->scalar, "TOTAL") == 0)
            total = e;
        else
            gem.values[gem.n++] = (jz_node *)e;
    }
    if (gem.n == 0) {
        FAIL(res, "this saved result holds only the region total; save the earlier forecast with "
                  "'jzsim run --gemeente all --format json' so that its gemeenten can be compared");
        goto done;
    }
    if (gem.n > 1 && !total) {
        FAIL(res, "this saved result has %zu gemeenten but no region total (TOTAL); save it again with "
                  "'jzsim run --gemeente all --format json'", gem.n);
        goto done;
    }
    if (!(s = shell(path, scen, zs, &gem, base, horizon, bj, err)))
        goto done;
    if (!(r = jz_result_alloc(s))) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (int g = 0; g < s->n_gemeenten; g++)
        if (fill(s, r, gem.values[g], g, err))
            goto done;
    /* the region total: as saved; with one gemeente, that gemeente */
    if (fill(s, r, total ? total : gem.values[0], s->n_gemeenten, err))
        goto done;
    rc = JZ_OK;
done:
    jz_arena_free(arena);
    if (rc) {
        jz_result_free(r);
        jz_scenario_free(s);
        if (!err->message[0])
            jz_error_set(err, rc, path, 0, 0, "cannot read the saved result");
        return err->status ? err->status : rc;
    }
    *out_s = s;
    *out_r = r;
    return JZ_OK;
}
