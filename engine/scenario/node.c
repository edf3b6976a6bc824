/*
 * node.c - the YAML -> jz_node tree reader (see node.h); the arena the
 * tree lives in and the lookups on it are in tree.c.
 *
 * The tree is built from libyaml's event stream (not yaml_parser_load) so
 * that this file decides how anchors and aliases are expanded: every alias
 * becomes a deep copy, and each copy is counted against lim->max_nodes
 * *before* it is made, so a "billion laughs" document fails after a few
 * hundred nodes instead of exhausting memory.
 *
 * Nothing here recurses over the input while parsing: open maps and lists
 * live on an explicit stack capped at MAX_DEPTH levels.  The only recursion
 * (copying an anchored subtree) is bounded by that same cap, because every
 * node records its height and an alias that would make the tree deeper
 * than the cap is refused.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common/limits.h"
#include "common/util.h"
#include "scenario/node.h"

/* ------------------------------------------------------------------ */
/* Small string hash set, used for anchors and for finding duplicate keys
 * in large maps without quadratic time. */

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Return 1 when two keys of the map have the same text; *first and
 * *second are then the indices of the earliest such pair in file order
 * (second is the smallest index that repeats an earlier key). */
static int find_duplicate(jz_node *const *keys, size_t n, size_t *first,
                          size_t *second, int *oom)
{
    *oom = 0;
    if (n <= 16) { /* small maps: a plain double loop is fastest */
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (strcmp(keys[i]->scalar, keys[j]->scalar) == 0) {
                    *first = j;
                    *second = i;
                    return 1;
                }
        return 0;
    }
    size_t cap = 32;
    while (cap < 2 * n)
        cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot); /* holds index + 1 */
    if (!slot) {
        *oom = 1;
        return 0;
    }
    int found = 0;
    for (size_t i = 0; i < n && !found; i++) {
        size_t s = (size_t)hash_str(keys[i]->scalar) & (cap - 1);
        for (; slot[s]; s = (s + 1) & (cap - 1))
            if (strcmp(keys[slot[s] - 1]->scalar, keys[i]->scalar) == 0) {
                *first = slot[s] - 1;
                *second = i;
                found = 1;
                break;
            }
        if (!found)
            slot[s] = i + 1;
    }
    free(slot);
    return found;
}

/* ------------------------------------------------------------------ */
/* The tree builder */

enum { MAX_DEPTH = 256 };

typedef struct anchor {
    const char *name; /* NULL: empty slot */
    jz_node *node;
    size_t count; /* nodes in the subtree, for the budget */
    int height;   /* levels in the subtree (a scalar is 1) */
} anchor;

typedef struct frame {
    jz_node *node;     /* the open map or list */
    size_t first;      /* index in builder.items of its first child */
    size_t count0;     /* builder.count before this node was made */
    const char *anchor; /* its anchor name, or NULL */
    int height;        /* tallest child so far */
} frame;

typedef struct builder {
    jz_arena *a;
    const char *file; /* arena copy of the name */
    const char *text; /* the input, for positions of reader errors */
    size_t len;
    size_t max_nodes;
    jz_error *err;
    size_t count;    /* nodes made so far, alias copies included */
    int documents;   /* DOCUMENT_START events seen */
    jz_node *root;
    int depth;       /* open maps and lists */
    frame stack[MAX_DEPTH];
    jz_node **items; /* children of all open containers, in order */
    size_t n_items, cap_items;
    anchor *anchors; /* open-addressing table */
    size_t cap_anchors, n_anchors;
} builder;

static int clamp_int(size_t v)
{
    return v >= INT_MAX ? INT_MAX : (int)v;
}

static jz_node *fail(builder *b, int line, int column, const char *msg)
{
    jz_error_set(b->err, JZ_EINPUT, b->file, line, column, "%s", msg);
    return NULL;
}

static jz_node *fail_oom(builder *b)
{
    jz_error_set(b->err, JZ_ENOMEM, b->file, 0, 0,
                 "out of memory while reading the YAML file");
    return NULL;
}

static jz_node *new_node(builder *b, jz_node_type type, yaml_mark_t m)
{
    if (b->count >= b->max_nodes) {
        jz_error_set(b->err, JZ_EINPUT, b->file, clamp_int(m.line + 1),
                     clamp_int(m.column + 1),
                     "document has more than %zu nodes (values, keys, maps "
                     "and lists); it is too large to be a scenario",
                     b->max_nodes);
        return NULL;
    }
    jz_node *n = jz_arena_malloc(b->a, sizeof *n);
    if (!n)
        return fail_oom(b);
    b->count++;
    n->type = type;
    n->file = b->file;
    n->line = clamp_int(m.line + 1);
    n->column = clamp_int(m.column + 1);
    return n;
}

/* --- anchors --- */

static anchor *anchor_slot(anchor *tab, size_t cap, const char *name)
{
    size_t s = (size_t)hash_str(name) & (cap - 1);
    while (tab[s].name && strcmp(tab[s].name, name) != 0)
        s = (s + 1) & (cap - 1);
    return &tab[s];
}

static int anchors_grow(builder *b)
{
    size_t cap = b->cap_anchors ? 2 * b->cap_anchors : 16;
    anchor *tab = calloc(cap, sizeof *tab);
    if (!tab)
        return -1;
    for (size_t i = 0; i < b->cap_anchors; i++)
        if (b->anchors[i].name)
            *anchor_slot(tab, cap, b->anchors[i].name) = b->anchors[i];
    free(b->anchors);
    b->anchors = tab;
    b->cap_anchors = cap;
    return 0;
}

/* Remember node under name; a later anchor with the same name replaces
 * the earlier one, as YAML says. */
static int anchor_put(builder *b, const char *name, jz_node *node,
                      size_t count, int height)
{
    if (2 * (b->n_anchors + 1) > b->cap_anchors && anchors_grow(b) != 0)
        return -1;
    anchor *s = anchor_slot(b->anchors, b->cap_anchors, name);
    if (!s->name) {
        s->name = name;
        b->n_anchors++;
    }
    s->node = node;
    s->count = count;
    s->height = height;
    return 0;
}

static const anchor *anchor_get(const builder *b, const char *name)
{
    if (!b->cap_anchors)
        return NULL;
    const anchor *s = anchor_slot(b->anchors, b->cap_anchors, name);
    return s->name ? s : NULL;
}

/* --- attaching finished nodes --- */

static int push_item(builder *b, jz_node *n)
{
    if (b->n_items == b->cap_items) {
        size_t cap = b->cap_items ? 2 * b->cap_items : 64;
        jz_node **items = realloc(b->items, cap * sizeof *items);
        if (!items)
            return -1;
        b->items = items;
        b->cap_items = cap;
    }
    b->items[b->n_items++] = n;
    return 0;
}

/* Add a finished node (of the given height) to the open container, or make
 * it the document root. */
static int attach(builder *b, jz_node *n, int height)
{
    if (b->depth == 0) {
        b->root = n;
        return 0;
    }
    frame *f = &b->stack[b->depth - 1];
    int is_key = f->node->type == JZ_NODE_MAP && (b->n_items - f->first) % 2 == 0;
    if (is_key && n->type != JZ_NODE_SCALAR) {
        char msg[128];
        snprintf(msg, sizeof msg, "a key must be a name or text, not %s",
                 jz_node_type_name(n));
        fail(b, n->line, n->column, msg);
        return -1;
    }
    if (height > f->height)
        f->height = height;
    if (push_item(b, n) != 0) {
        fail_oom(b);
        return -1;
    }
    return 0;
}

/* --- events --- */

static const char *anchor_copy(builder *b, const yaml_char_t *name, int *rc)
{
    *rc = 0;
    if (!name)
        return NULL;
    const char *s = jz_arena_strdup(b->a, (const char *)name);
    if (!s) {
        fail_oom(b);
        *rc = -1;
    }
    return s;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    const char *value = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    if (memchr(value, '\0', len)) {
        fail(b, clamp_int(ev->start_mark.line + 1), clamp_int(ev->start_mark.column + 1),
             "text contains a NUL character (\\0), which is not allowed");
        return -1;
    }
    jz_node *n = new_node(b, JZ_NODE_SCALAR, ev->start_mark);
    if (!n)
        return -1;
    n->scalar = jz_arena_memdup(b->a, value, len);
    if (!n->scalar) {
        fail_oom(b);
        return -1;
    }
    yaml_scalar_style_t st = ev->data.scalar.style;
    n->quoted = st == YAML_SINGLE_QUOTED_SCALAR_STYLE || st == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    int rc;
    const char *name = anchor_copy(b, ev->data.scalar.anchor, &rc);
    if (rc)
        return -1;
    if (name && anchor_put(b, name, n, 1, 1) != 0) {
        fail_oom(b);
        return -1;
    }
    return attach(b, n, 1);
}

static int on_start(builder *b, const yaml_event_t *ev, jz_node_type type)
{
    if (b->depth >= MAX_DEPTH) {
        char msg[128];
        snprintf(msg, sizeof msg, "maps and lists are nested more than %d "
                 "levels deep", MAX_DEPTH);
        fail(b, clamp_int(ev->start_mark.line + 1), clamp_int(ev->start_mark.column + 1), msg);
        return -1;
    }
    size_t count0 = b->count;
    jz_node *n = new_node(b, type, ev->start_mark);
    if (!n)
        return -1;
    int rc;
    const yaml_char_t *an = type == JZ_NODE_MAP ? ev->data.mapping_start.anchor
                                                : ev->data.sequence_start.anchor;
    const char *name = anchor_copy(b, an, &rc);
    if (rc)
        return -1;
    frame *f = &b->stack[b->depth++];
    f->node = n;
    f->first = b->n_items;
    f->count0 = count0;
    f->anchor = name;
    f->height = 0;
    return 0;
}

/* Move the children of n (builder.items from first on) into the arena. */
static int take_children(builder *b, jz_node *n, size_t first)
{
    size_t k = b->n_items - first;
    n->n = n->type == JZ_NODE_MAP ? k / 2 : k;
    if (n->n == 0)
        return 0;
    jz_node **src = b->items + first;
    n->values = jz_arena_malloc(b->a, n->n * sizeof *n->values);
    if (n->type == JZ_NODE_MAP)
        n->keys = jz_arena_malloc(b->a, n->n * sizeof *n->keys);
    if (!n->values || (n->type == JZ_NODE_MAP && !n->keys))
        return -1;
    for (size_t i = 0; i < n->n; i++) {
        if (n->type == JZ_NODE_MAP) {
            n->keys[i] = src[2 * i];
            n->values[i] = src[2 * i + 1];
        } else {
            n->values[i] = src[i];
        }
    }
    return 0;
}

/* A key may appear only once in a map; the error names the repeat and
 * the line of the first. */
static int check_keys(builder *b, const jz_node *map)
{
    size_t i1, i2;
    int oom;
    if (find_duplicate(map->keys, map->n, &i1, &i2, &oom)) {
        char msg[JZ_ERR_MSG_MAX];
        snprintf(msg, sizeof msg, "duplicate key '%.200s' (first at line %d)",
                 map->keys[i2]->scalar, map->keys[i1]->line);
        fail(b, map->keys[i2]->line, map->keys[i2]->column, msg);
        return -1;
    }
    if (oom) {
        fail_oom(b);
        return -1;
    }
    return 0;
}

/* The open container is complete: give it its children, check its keys,
 * remember its anchor and attach it to its parent. */
static int on_end(builder *b)
{
    frame *f = &b->stack[--b->depth];
    jz_node *n = f->node;
    int height = f->height + 1;
    if (take_children(b, n, f->first) != 0) {
        fail_oom(b);
        return -1;
    }
    b->n_items = f->first;
    if (n->type == JZ_NODE_MAP && check_keys(b, n) != 0)
        return -1;
    if (f->anchor && anchor_put(b, f->anchor, n, b->count - f->count0, height) != 0) {
        fail_oom(b);
        return -1;
    }
    return attach(b, n, height);
}

/* Deep copy of an anchored subtree.  The budget was checked by the caller;
 * recursion depth is bounded by the subtree height (<= MAX_DEPTH + 1). */
static jz_node *copy_tree(builder *b, const jz_node *src)
{
    jz_node *n = jz_arena_malloc(b->a, sizeof *n);
    if (!n)
        return NULL;
    *n = *src;
    b->count++;
    if (src->type == JZ_NODE_SCALAR || src->n == 0)
        return n; /* scalar text is never changed, so it can be shared */
    n->values = jz_arena_malloc(b->a, src->n * sizeof *n->values);
    if (!n->values)
        return NULL;
    if (src->keys) {
        n->keys = jz_arena_malloc(b->a, src->n * sizeof *n->keys);
        if (!n->keys)
            return NULL;
    }
    for (size_t i = 0; i < src->n; i++) {
        if (src->keys && !(n->keys[i] = copy_tree(b, src->keys[i])))
            return NULL;
        if (!(n->values[i] = copy_tree(b, src->values[i])))
            return NULL;
    }
    return n;
}

static int on_alias(builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    int line = clamp_int(ev->start_mark.line + 1);
    int column = clamp_int(ev->start_mark.column + 1);
    char msg[JZ_ERR_MSG_MAX];
    const anchor *an = anchor_get(b, name);
    if (!an) {
        snprintf(msg, sizeof msg, "alias '*%.200s' refers to an anchor "
                 "'&%.200s' that is not defined before it", name, name);
        fail(b, line, column, msg);
        return -1;
    }
    if (an->count > b->max_nodes || b->count > b->max_nodes - an->count) {
        snprintf(msg, sizeof msg, "document expands to more than %zu nodes "
                 "(alias bomb?)", b->max_nodes);
        fail(b, line, column, msg);
        return -1;
    }
    /* Containers open now + levels of the copy (a scalar adds none). */
    if (b->depth + an->height - 1 > MAX_DEPTH) {
        snprintf(msg, sizeof msg, "maps and lists are nested more than %d "
                 "levels deep (after inserting alias '*%.200s')", MAX_DEPTH, name);
        fail(b, line, column, msg);
        return -1;
    }
    jz_node *n = copy_tree(b, an->node);
    if (!n) {
        fail_oom(b);
        return -1;
    }
    /* The copy as a whole sits where the alias is written; its contents
     * keep the place where they were written, so errors in a value point
     * at the text the user typed. */
    n->line = line;
    n->column = column;
    return attach(b, n, an->height);
}

/* Returns 0 to continue, 1 at the end of the stream, -1 on error. */
static int on_event(builder *b, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1) {
            fail(b, clamp_int(ev->start_mark.line + 1), clamp_int(ev->start_mark.column + 1),
                 "the file contains more than one YAML document (a second "
                 "'---'); a scenario must be a single document");
            return -1;
        }
        return 0;
    case YAML_SCALAR_EVENT: return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT: return on_start(b, ev, JZ_NODE_SEQ);
    case YAML_MAPPING_START_EVENT: return on_start(b, ev, JZ_NODE_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: return on_end(b);
    case YAML_ALIAS_EVENT: return on_alias(b, ev);
    case YAML_STREAM_END_EVENT: return 1;
    default: return 0; /* stream start, document end, no-op events */
    }
}

/* ------------------------------------------------------------------ */
/* Positions and libyaml errors */

/* 1-based line and column (in characters) of byte offset off. */
static void offset_position(const char *text, size_t len, size_t off,
                            int *line, int *column)
{
    size_t l = 1, c = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++; /* count UTF-8 lead bytes only, as libyaml counts characters */
        }
    }
    *line = clamp_int(l);
    *column = clamp_int(c);
}

/* The character at a libyaml mark (0-based line and column), or -1. */
static int char_at(const char *text, size_t len, size_t line, size_t column)
{
    size_t i = 0;
    for (size_t l = 0; l < line && i < len; i++)
        if (text[i] == '\n')
            l++;
    for (size_t c = 0; c < column && i < len && text[i] != '\n'; c++)
        i++;
    return i < len ? (unsigned char)text[i] : -1;
}

/* Extra words for libyaml's most common complaints. */
static const char *problem_hint(const char *problem)
{
    static const struct { const char *problem, *hint; } hints[] = {
        {"mapping values are not allowed",
         "; a text containing ': ' must be put in quotes, or the indentation is wrong"},
        {"did not find expected key", "; check the indentation of this line"},
        {"found unexpected end of stream",
         "; the file ends in the middle of a value: is a quote or bracket not closed?"},
        {"did not find expected '-' indicator",
         "; check the indentation of the list items"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(problem, hints[i].problem))
            return hints[i].hint;
    return "";
}

static jz_node *syntax_error(builder *b, const yaml_parser_t *ps)
{
    const char *problem = ps->problem ? ps->problem : "unknown problem";
    size_t ml = ps->problem_mark.line, mc = ps->problem_mark.column;
    int line = clamp_int(ml + 1), column = clamp_int(mc + 1);
    char msg[JZ_ERR_MSG_MAX];
    if (strstr(problem, "cannot start any token") &&
        char_at(b->text, b->len, ml, mc) == '\t')
        return fail(b, line, column, "malformed YAML: a tab character is "
                    "used for indentation; use spaces instead");
    char ctx[256] = "";
    if (ps->context)
        snprintf(ctx, sizeof ctx, " (%s starting at line %d, column %d)",
                 ps->context, clamp_int(ps->context_mark.line + 1),
                 clamp_int(ps->context_mark.column + 1));
    snprintf(msg, sizeof msg, "malformed YAML: %s%s%s", problem,
             problem_hint(problem), ctx);
    return fail(b, line, column, msg);
}

static jz_node *libyaml_error(builder *b, const yaml_parser_t *ps)
{
    if (ps->error == YAML_MEMORY_ERROR)
        return fail_oom(b);
    if (ps->error != YAML_READER_ERROR)
        return syntax_error(b, ps);
    /* Reader errors carry a byte offset instead of a mark. */
    const char *problem = ps->problem ? ps->problem : "unreadable text";
    int line, column;
    char msg[JZ_ERR_MSG_MAX];
    offset_position(b->text, b->len, ps->problem_offset, &line, &column);
    if (strstr(problem, "UTF") || strstr(problem, "Unicode"))
        snprintf(msg, sizeof msg, "the file is not valid UTF-8 text (%s); "
                 "save it with UTF-8 encoding", problem);
    else
        snprintf(msg, sizeof msg, "malformed YAML: %s", problem);
    return fail(b, line, column, msg);
}

/* ------------------------------------------------------------------ */
/* Entry points */

static jz_yaml_limits limits_or_default(const jz_yaml_limits *lim)
{
    jz_yaml_limits d = {JZ_YAML_MAX_BYTES, JZ_YAML_MAX_NODES};
    return lim ? *lim : d;
}

static jz_node *empty_map(builder *b, int line, int column)
{
    yaml_mark_t m = {0, (size_t)(line - 1), (size_t)(column - 1)};
    b->count = 0; /* the empty map replaces whatever was counted */
    return new_node(b, JZ_NODE_MAP, m);
}

/* Run the event loop; returns the root or NULL with b->err filled. */
static jz_node *build(builder *b, yaml_parser_t *ps)
{
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(ps, &ev))
            return libyaml_error(b, ps);
        int rc = on_event(b, &ev);
        yaml_event_delete(&ev);
        if (rc < 0)
            return NULL;
        if (rc > 0)
            break;
    }
    jz_node *r = b->root;
    /* No document, or a document with nothing in it (libyaml gives an
     * empty plain scalar for "---" alone): an empty scenario. */
    if (!r)
        return empty_map(b, 1, 1);
    if (r->type == JZ_NODE_SCALAR && !r->quoted && r->scalar[0] == '\0')
        return empty_map(b, r->line, r->column);
    return r;
}

/* The input holds a NUL byte at z: libyaml would stop reading there (or
 * complain about a control character), so say what it usually means. */
static void report_nul(builder *b, const char *z)
{
    int line, column;
    offset_position(b->text, b->len, (size_t)(z - b->text), &line, &column);
    fail(b, line, column, "the file contains a NUL byte; it is not a "
                "text file, or it was saved as UTF-16 (save it as UTF-8)");
}

static jz_node *parse_text(builder *b)
{
    const char *nul = memchr(b->text, '\0', b->len);
    if (nul) {
        report_nul(b, nul);
        return NULL;
    }
    yaml_parser_t ps;
    if (!yaml_parser_initialize(&ps))
        return fail_oom(b);
    yaml_parser_set_input_string(&ps, (const unsigned char *)b->text, b->len);
    jz_node *root = build(b, &ps);
    yaml_parser_delete(&ps);
    return root;
}

jz_node *jz_yaml_parse(jz_arena *a, const char *text, size_t len,
                       const char *name, const jz_yaml_limits *lim,
                       jz_error *err)
{
    jz_yaml_limits L = limits_or_default(lim);
    if (!name)
        name = "<input>";
    if (!text) {
        text = "";
        len = 0;
    }
    if (len > L.max_file_bytes) {
        jz_error_set(err, JZ_EINPUT, name, 0, 0, "input is %zu bytes, larger "
                     "than the limit of %zu bytes", len, L.max_file_bytes);
        return NULL;
    }
    builder *b = calloc(1, sizeof *b); /* ~10 KiB of frames: keep it off the C stack */
    if (!b) {
        jz_error_set(err, JZ_ENOMEM, name, 0, 0, "out of memory while reading the YAML file");
        return NULL;
    }
    b->a = a;
    b->text = text;
    b->len = len;
    b->max_nodes = L.max_nodes;
    b->err = err;
    b->file = jz_arena_strdup(a, name);
    jz_node *root = NULL;
    if (!b->file) {
        b->file = name; /* for the message only */
        fail_oom(b);
    } else {
        root = parse_text(b);
    }
    free(b->items);
    free(b->anchors);
    free(b);
    return root;
}

jz_node *jz_yaml_parse_file(jz_arena *a, const char *path,
                            const jz_yaml_limits *lim, jz_error *err)
{
    jz_yaml_limits L = limits_or_default(lim);
    char *buf;
    size_t len;
    if (jz_read_file(path, L.max_file_bytes, "file", &buf, &len, err) != JZ_OK)
        return NULL;
    jz_node *root = jz_yaml_parse(a, buf, len, strcmp(path, "-") == 0 ? "stdin" : path, &L, err);
    free(buf);
    return root;
}
