/*
 * extends.c - resolve `extends:` chains and merge scenario trees (see node.h).
 *
 * A scenario may say `extends: basis.yaml` to start from another file and
 * change only what it names.  The chain is first loaded front to back
 * (root, its base, the base's base, ...), checking for cycles, missing files
 * and excessive depth, and then merged back to front, each file over the
 * result of everything below it.
 *
 * Merging never changes its inputs: changed maps and lists are new nodes,
 * unchanged subtrees are shared with the (arena-owned) input trees.  Every
 * node keeps the file, line and column it was read from, so a later error
 * about a value points at the file where that value was written.
 */

/* realpath() is XSI: glibc hides it under plain _POSIX_C_SOURCE=200809L,
 * which is all the build defines. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario/node.h"
#include "scenario/uncertain.h"

/* ------------------------------------------------------------------ */
/* Name index: finds a name among n names; hashed when n is large so that
 * merging big lists (hundreds of gemeenten) stays linear. */

typedef struct name_index {
    const char **names; /* borrowed */
    size_t n;
    size_t *slot; /* index + 1, 0 = empty; NULL for small n (linear scan) */
    size_t cap;
} name_index;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Index of the first occurrence of name, or SIZE_MAX. */
static size_t index_find(const name_index *ix, const char *name)
{
    if (!ix->slot) {
        for (size_t i = 0; i < ix->n; i++)
            if (strcmp(ix->names[i], name) == 0)
                return i;
        return SIZE_MAX;
    }
    for (size_t s = (size_t)hash_str(name) & (ix->cap - 1); ix->slot[s];
         s = (s + 1) & (ix->cap - 1))
        if (strcmp(ix->names[ix->slot[s] - 1], name) == 0)
            return ix->slot[s] - 1;
    return SIZE_MAX;
}

/* 0, or -1 on out of memory. */
static int index_build(name_index *ix, const char **names, size_t n)
{
    ix->names = names;
    ix->n = n;
    ix->slot = NULL;
    ix->cap = 0;
    if (n <= 16)
        return 0;
    size_t cap = 32;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    ix->slot = slot;
    ix->cap = cap;
    for (size_t i = 0; i < n; i++) {
        size_t s = (size_t)hash_str(names[i]) & (cap - 1);
        while (slot[s] && strcmp(names[slot[s] - 1], names[i]) != 0)
            s = (s + 1) & (cap - 1);
        if (!slot[s]) /* keep the first of equal names */
            slot[s] = i + 1;
    }
    return 0;
}

static void index_free(name_index *ix)
{
    free(ix->slot);
    ix->slot = NULL;
}

/* ------------------------------------------------------------------ */
/* Merging */

typedef struct merger {
    jz_arena *a;
    jz_error *err;
} merger;

static jz_node *oom(merger *m)
{
    jz_error_set(m->err, JZ_ENOMEM, NULL, 0, 0, "out of memory while merging extends");
    return NULL;
}

/* A new map or list like `like` (same place in the file), with room for
 * cap children. */
static jz_node *new_container(merger *m, const jz_node *like, size_t cap)
{
    jz_node *n = jz_arena_malloc(m->a, sizeof *n);
    if (!n)
        return NULL;
    *n = *like;
    n->n = 0;
    n->keys = NULL;
    n->values = NULL;
    if (cap == 0)
        return n;
    n->values = jz_arena_malloc(m->a, cap * sizeof *n->values);
    if (like->type == JZ_NODE_MAP)
        n->keys = jz_arena_malloc(m->a, cap * sizeof *n->keys);
    if (!n->values || (like->type == JZ_NODE_MAP && !n->keys))
        return NULL;
    return n;
}

/* map without the given key (map itself when the key is absent). */
static jz_node *without_key(merger *m, jz_node *map, const char *key)
{
    if (!jz_node_get(map, key))
        return map;
    jz_node *n = new_container(m, map, map->n);
    if (!n)
        return oom(m);
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->scalar, key) != 0) {
            n->keys[n->n] = map->keys[i];
            n->values[n->n++] = map->values[i];
        }
    return n;
}

/* The names of the keys of a map, for a name_index (malloc'd). */
static const char **key_names(const jz_node *map)
{
    const char **v = malloc((map->n ? map->n : 1) * sizeof *v);
    if (v)
        for (size_t i = 0; i < map->n; i++)
            v[i] = map->keys[i]->scalar;
    return v;
}

static jz_node *merge(merger *m, jz_node *base, jz_node *over);

/* Map over map: base keys in base order (values merged where the override
 * names them), then the override's new keys in its order. */
static jz_node *merge_maps(merger *m, jz_node *base, jz_node *over)
{
    jz_node *n = new_container(m, over, base->n + over->n);
    const char **names = key_names(base);
    name_index ix;
    if (!n || !names || index_build(&ix, names, base->n) != 0) {
        free(names);
        return oom(m);
    }
    for (size_t i = 0; i < base->n; i++) {
        n->keys[i] = base->keys[i];
        n->values[i] = base->values[i];
    }
    n->n = base->n;
    jz_node *result = n;
    for (size_t i = 0; i < over->n && result; i++) {
        size_t b = index_find(&ix, over->keys[i]->scalar);
        if (b == SIZE_MAX) {
            n->keys[n->n] = over->keys[i];
            n->values[n->n++] = over->values[i];
            continue;
        }
        n->keys[b] = over->keys[i]; /* the key now also points at the override */
        n->values[b] = merge(m, base->values[b], over->values[i]);
        if (!n->values[b])
            result = NULL;
    }
    index_free(&ix);
    free(names);
    return result;
}

/* --- lists of items identified by `key` or `code` --- */

/* The identifying scalar of an item, or NULL. */
static const char *item_id(const jz_node *item, const char *id)
{
    const jz_node *v = jz_node_get(item, id);
    return v && v->type == JZ_NODE_SCALAR ? v->scalar : NULL;
}

static int all_have_id(const jz_node *seq, const char *id)
{
    for (size_t i = 0; i < seq->n; i++)
        if (!item_id(seq->values[i], id))
            return 0;
    return 1;
}

/* "key" or "code" when both lists can be merged item by item, else NULL.
 * An empty override list is a plain replacement: `gemeenten: []` empties
 * the list rather than leaving it unchanged. */
static const char *list_id(const jz_node *base, const jz_node *over)
{
    static const char *const ids[] = {"key", "code", "id"}; /* id: bronnen */
    if (over->n == 0)
        return NULL;
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
        if (all_have_id(base, ids[k]) && all_have_id(over, ids[k]))
            return ids[k];
    return NULL;
}

/* 1 for `remove: true`, 0 for absent or false, -1 (err filled) otherwise. */
static int wants_remove(merger *m, const jz_node *item, const char *id)
{
    const jz_node *r = jz_node_get(item, "remove");
    if (!r)
        return 0;
    const char *s = r->type == JZ_NODE_SCALAR ? r->scalar : "";
    if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
        return 0;
    if (strcmp(s, "true") && strcmp(s, "True") && strcmp(s, "TRUE")) {
        jz_error_set(m->err, JZ_EINPUT, r->file, r->line, r->column,
                     "remove must be true or false, got %.200s",
                     r->type == JZ_NODE_SCALAR ? r->scalar : jz_node_type_name(r));
        return -1;
    }
    for (size_t i = 0; i < item->n; i++) {
        const char *k = item->keys[i]->scalar;
        if (strcmp(k, id) != 0 && strcmp(k, "remove") != 0) {
            jz_error_set(m->err, JZ_EINPUT, item->keys[i]->file,
                         item->keys[i]->line, item->keys[i]->column,
                         "an item with 'remove: true' may only contain '%s' "
                         "and 'remove', not '%.200s'", id, k);
            return -1;
        }
    }
    return 1;
}

typedef struct keyed {
    merger *m;
    const char *id;
    jz_node *base, *over, *out;
    name_index base_ix, over_ix;
    unsigned char *removed; /* per base item */
} keyed;

/* An override list names the same item twice; at is the second one. */
static int duplicate_error(keyed *k, const jz_node *at, const char *idv, int first_line)
{
    const jz_node *v = jz_node_get(at, k->id);
    return jz_error_set(k->m->err, JZ_EINPUT, v->file, v->line, v->column,
                        "duplicate %s '%.200s' in this list (first at line %d)",
                        k->id, idv, first_line);
}

/* `remove: true` for an item the base list does not have. */
static int remove_error(keyed *k, const jz_node *at, const char *idv)
{
    const jz_node *v = jz_node_get(at, k->id);
    return jz_error_set(k->m->err, JZ_EINPUT, v->file, v->line, v->column,
                        "cannot remove %s '%.200s': the list in %.500s (line %d) "
                        "has no item with that %s", k->id, idv, k->base->file,
                        k->base->line, k->id);
}

/* Apply one override item to k->out; 0 or -1. */
static int keyed_apply(keyed *k, size_t i)
{
    jz_node *item = k->over->values[i];
    const char *idv = item_id(item, k->id);
    size_t first = index_find(&k->over_ix, idv);
    if (first != i)
        return duplicate_error(k, item, idv, jz_node_get(k->over->values[first], k->id)->line);
    int rm = wants_remove(k->m, item, k->id);
    if (rm < 0)
        return -1;
    size_t b = index_find(&k->base_ix, idv);
    if (rm) {
        if (b == SIZE_MAX)
            return remove_error(k, item, idv);
        k->removed[b] = 1;
        return 0;
    }
    jz_node *clean = without_key(k->m, item, "remove");
    if (!clean)
        return -1;
    if (b == SIZE_MAX) {
        k->out->values[k->out->n++] = clean;
        return 0;
    }
    k->out->values[b] = merge(k->m, k->base->values[b], clean);
    return k->out->values[b] ? 0 : -1;
}

/* Drop the removed base items from out, keeping the order. */
static void keyed_compact(keyed *k)
{
    size_t w = 0;
    for (size_t r = 0; r < k->out->n; r++)
        if (r >= k->base->n || !k->removed[r])
            k->out->values[w++] = k->out->values[r];
    k->out->n = w;
}

/* The identifiers of the items of a list (malloc'd; every item has one). */
static const char **item_ids(const jz_node *seq, const char *id)
{
    const char **v = malloc((seq->n ? seq->n : 1) * sizeof *v);
    if (v)
        for (size_t i = 0; i < seq->n; i++)
            v[i] = item_id(seq->values[i], id);
    return v;
}

/* Start out as the base list, then apply the override items in order. */
static jz_node *keyed_run(keyed *k)
{
    for (size_t i = 0; i < k->base->n; i++)
        k->out->values[i] = k->base->values[i];
    k->out->n = k->base->n;
    for (size_t i = 0; i < k->over->n; i++)
        if (keyed_apply(k, i) != 0)
            return NULL;
    keyed_compact(k);
    return k->out;
}

/* Lists of items with identifiers: matched items are merged, new ones
 * appended, `remove: true` ones deleted from the base. */
static jz_node *merge_keyed(merger *m, jz_node *base, jz_node *over, const char *id)
{
    keyed k = {m, id, base, over, NULL, {0}, {0}, NULL};
    const char **bn = item_ids(base, id), **on = item_ids(over, id);
    k.removed = calloc(base->n ? base->n : 1, 1);
    k.out = new_container(m, over, base->n + over->n);
    jz_node *result = NULL;
    if (bn && on && k.removed && k.out && index_build(&k.base_ix, bn, base->n) == 0 &&
        index_build(&k.over_ix, on, over->n) == 0)
        result = keyed_run(&k);
    else
        oom(m);
    index_free(&k.base_ix);
    index_free(&k.over_ix);
    free(bn);
    free(on);
    free(k.removed);
    return result;
}

/* over merged over base; NULL with m->err filled on failure. */
static jz_node *merge(merger *m, jz_node *base, jz_node *over)
{
    if (base->type == JZ_NODE_MAP && over->type == JZ_NODE_MAP && !jz_unc_replaces(base, over))
        return merge_maps(m, base, over);
    if (base->type == JZ_NODE_SEQ && over->type == JZ_NODE_SEQ) {
        const char *id = list_id(base, over);
        if (id)
            return merge_keyed(m, base, over, id);
    }
    return over;
}

/* ------------------------------------------------------------------ */
/* The chain of files */

typedef struct link {
    jz_node *root;
    const char *name; /* as given (root) or as resolved (bases) */
    char *real;       /* realpath(), malloc'd; NULL if unknown */
} link;

typedef struct chain {
    jz_arena *a;
    const jz_yaml_limits *lim;
    int max_depth;
    jz_error *err;
    link *v;
    size_t n, cap;
} chain;

/* rel taken relative to the directory of the file `including`. */
static char *resolve_path(jz_arena *a, const char *including, const char *rel)
{
    const char *slash = strrchr(including, '/');
    if (rel[0] == '/' || !slash)
        return jz_arena_strdup(a, rel);
    size_t dir = (size_t)(slash - including) + 1, len = strlen(rel);
    char *p = jz_arena_malloc(a, dir + len + 1);
    if (p) {
        memcpy(p, including, dir);
        memcpy(p + dir, rel, len + 1);
    }
    return p;
}

/* "a.yaml -> b.yaml -> last" into buf. */
static void describe_chain(const chain *c, const char *last, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i <= c->n && used < size; i++) {
        const char *name = i < c->n ? c->v[i].name : last;
        int w = snprintf(buf + used, size - used, "%s%s", i ? " -> " : "", name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static int push_link(chain *c, jz_node *root, const char *name, char *real)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 8;
        link *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            free(real);
            return jz_error_set(c->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (link){root, name, real};
    return 0;
}

/* Check the `extends` value ext of the last file and find its path. */
static const char *extends_target(chain *c, const jz_node *ext)
{
    if (ext->type != JZ_NODE_SCALAR) {
        jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line, ext->column,
                     "extends must be the name of a scenario file, not %s",
                     jz_node_type_name(ext));
        return NULL;
    }
    if (ext->scalar[0] == '\0') {
        jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line, ext->column,
                     "extends is empty; give the name of the scenario file "
                     "to start from");
        return NULL;
    }
    const char *path = resolve_path(c->a, c->v[c->n - 1].name, ext->scalar);
    if (!path)
        jz_error_set(c->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return path;
}

/* realpath(path), malloc'd, when path is a file that exists.  A name that
 * leads nowhere is a mistake in the scenario (JZ_EINPUT, at the `extends`
 * line), not a failing disk. */
static char *existing_file(chain *c, const jz_node *ext, const char *path)
{
    struct stat st;
    char *real = realpath(path, NULL);
    if (!real || stat(real, &st) != 0) {
        jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line, ext->column,
                     "cannot read extends file '%s': %s", path, strerror(errno));
        free(real);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line, ext->column,
                     "cannot read extends file '%s': it is a directory", path);
        free(real);
        return NULL;
    }
    return real;
}

/* 0 when the file (real) may be added to the chain: it is not in it yet
 * (by realpath, so "./a.yaml" and "a.yaml" are the same file) and the
 * chain is not too long. */
static int check_chain(chain *c, const jz_node *ext, const char *path, const char *real)
{
    char msg[JZ_ERR_MSG_MAX];
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].real && strcmp(c->v[i].real, real) == 0) {
            describe_chain(c, path, msg, sizeof msg);
            return jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line,
                                ext->column, "extends cycle: %s", msg);
        }
    if (c->n > (size_t)(c->max_depth > 0 ? c->max_depth : 0)) {
        describe_chain(c, path, msg, sizeof msg);
        return jz_error_set(c->err, JZ_EINPUT, ext->file, ext->line, ext->column,
                            "too many levels of extends (the limit is %d): %s",
                            c->max_depth, msg);
    }
    return 0;
}

/* Parse the base file at path; its own errors point into it, except that
 * "cannot read" is reported at the `extends` line that named it. */
static jz_node *load_base(chain *c, const jz_node *ext, const char *path)
{
    jz_node *root = jz_yaml_parse_file(c->a, path, c->lim, c->err);
    if (!root && c->err && (c->err->status == JZ_EIO ||
                            (c->err->status == JZ_EINPUT && c->err->line == 0))) {
        /* a whole-file problem (unreadable, too large, not text) is
         * reported at the `extends` line that named the file */
        char why[JZ_ERR_MSG_MAX];
        snprintf(why, sizeof why, "%s", c->err->message);
        jz_error_set(c->err, c->err->status, ext->file, ext->line, ext->column,
                     "cannot read extends file '%s' (%s)", path, why);
    }
    if (root && root->type != JZ_NODE_MAP) {
        jz_error_set(c->err, JZ_EINPUT, root->file, root->line, root->column,
                     "a scenario file used by extends must hold settings "
                     "(key: value lines) at the top, not %s",
                     jz_node_type_name(root));
        return NULL;
    }
    return root;
}

/* Follow one `extends` from the last file of the chain; 0 or a status. */
static int follow(chain *c, const jz_node *ext)
{
    const char *path = extends_target(c, ext);
    if (!path)
        return c->err ? c->err->status : JZ_EINPUT;
    char *real = existing_file(c, ext, path);
    if (!real)
        return c->err ? c->err->status : JZ_EINPUT;
    int rc = check_chain(c, ext, path, real);
    if (rc) {
        free(real);
        return rc;
    }
    jz_node *root = load_base(c, ext, path);
    if (!root) {
        free(real);
        return c->err ? c->err->status : JZ_EINPUT;
    }
    return push_link(c, root, path, real);
}

/* Merge the loaded chain back to front. */
static jz_node *merge_chain(chain *c)
{
    merger m = {c->a, c->err};
    jz_node *result = c->v[c->n - 1].root; /* the last file has no extends */
    for (size_t i = c->n - 1; i-- > 0 && result;) {
        jz_node *over = without_key(&m, c->v[i].root, "extends");
        result = over ? merge(&m, result, over) : NULL;
    }
    return result;
}

jz_node *jz_tree_resolve_extends(jz_arena *a, jz_node *root, const char *name,
                                 const jz_yaml_limits *lim, int max_depth,
                                 jz_error *err)
{
    if (!root)
        return NULL;
    if (!jz_node_get(root, "extends"))
        return root;
    chain c = {a, lim, max_depth, err, NULL, 0, 0};
    /* realpath of the root may fail for a name that is not a real file
     * (a scenario given as text); cycles are then caught one step later. */
    const char *root_name = name ? name : root->file ? root->file : "<input>";
    int rc = push_link(&c, root, root_name, realpath(root_name, NULL));
    const jz_node *ext;
    while (rc == 0 && (ext = jz_node_get(c.v[c.n - 1].root, "extends")))
        rc = follow(&c, ext);
    jz_node *result = rc == 0 ? merge_chain(&c) : NULL;
    for (size_t i = 0; i < c.n; i++)
        free(c.v[i].real);
    free(c.v);
    return result;
}
