/*
 * node.h - the YAML document tree the scenario loader works on (internal).
 *
 * libyaml's event stream is turned into a small tree of nodes, each carrying
 * the file, line and column it came from, so that every later error (unknown
 * key, wrong type, impossible value) can point at the exact place in the
 * user's file, even after `extends` has merged several files.
 *
 * All memory of a tree (nodes, strings, arrays) lives in one jz_arena and is
 * freed at once with jz_arena_free().  Trees are never freed piecemeal.
 *
 * Anchors and aliases are expanded into copies while parsing, with a budget
 * on the total number of nodes (max_nodes) so that an "alias bomb" (billion
 * laughs) fails with a clear error instead of exhausting memory.
 */
#ifndef JZ_SCENARIO_NODE_H
#define JZ_SCENARIO_NODE_H

#include <stddef.h>
#include "jzsim/error.h"

/* tree.c: the arena a tree lives in */
typedef struct jz_arena jz_arena;

jz_arena *jz_arena_alloc(void);
void jz_arena_free(jz_arena *a);                   /* NULL is fine */
void *jz_arena_malloc(jz_arena *a, size_t n);      /* zeroed; NULL on OOM */
char *jz_arena_strdup(jz_arena *a, const char *s); /* NULL on OOM */
char *jz_arena_memdup(jz_arena *a, const char *s, size_t n); /* n bytes and a NUL; NULL on OOM */

typedef enum { JZ_NODE_SCALAR = 1, JZ_NODE_MAP, JZ_NODE_SEQ } jz_node_type;

typedef struct jz_node jz_node;
struct jz_node {
    jz_node_type type;
    const char *file; /* arena string: the file this node was read from */
    int line;         /* 1-based */
    int column;       /* 1-based */

    /* JZ_NODE_SCALAR */
    const char *scalar; /* the text, NUL-terminated */
    int quoted;         /* 1 when written in quotes ('..' or ".."), 0 for plain */

    /* JZ_NODE_MAP: n pairs keys[i] -> values[i], in file order; keys are
     * scalar nodes (a non-scalar key is a parse error); duplicate keys are a
     * parse error.  JZ_NODE_SEQ: n items in values[i], keys == NULL. */
    size_t n;
    jz_node **keys;
    jz_node **values;
};

/* The defaults (NULL limits) are JZ_YAML_MAX_BYTES, JZ_YAML_MAX_NODES
 * (common/limits.h). */
typedef struct jz_yaml_limits {
    size_t max_file_bytes; /* reject larger inputs before parsing */
    size_t max_nodes;      /* reject documents that expand to more nodes */
} jz_yaml_limits;

/* Parse one YAML document from memory.  `name` is the file name used in
 * node->file and in errors.  An empty document gives an empty map.  More
 * than one document in the stream is an error.  Returns NULL and fills err
 * (JZ_EINPUT with line and column; JZ_ENOMEM) on failure. */
jz_node *jz_yaml_parse(jz_arena *a, const char *text, size_t len,
                       const char *name, const jz_yaml_limits *lim,
                       jz_error *err);

/* Read and parse a file; JZ_EIO when it cannot be read, JZ_EINPUT when it is
 * larger than lim->max_file_bytes. */
jz_node *jz_yaml_parse_file(jz_arena *a, const char *path,
                            const jz_yaml_limits *lim, jz_error *err);

/* Resolve `extends`.  root was read from `name` (a path; relative `extends`
 * values are taken relative to its directory).  When root has a top-level
 * key `extends: other.yaml`, that file is loaded (recursively), and root
 * (without its `extends` key) is merged over it:
 *   - map over map: merged key by key, recursively;
 *   - a sequence whose items are all maps carrying an identifying key
 *     (`key` for zorgsoorten and measures, `code` for gemeenten) over such a
 *     sequence: items are matched by that key and merged; unmatched items
 *     of the override are appended; an item `{key: x, remove: true}`
 *     deletes x from the base;
 *   - anything else: the override replaces the base value.
 * Cycles (a extends b extends a), missing files and a chain deeper than
 * max_depth are errors naming the `extends` line.  Returns the merged tree
 * (root itself when there is no `extends`), or NULL with err filled. */
jz_node *jz_tree_resolve_extends(jz_arena *a, jz_node *root, const char *name,
                                 const jz_yaml_limits *lim, int max_depth,
                                 jz_error *err);

/* Lookup helpers. */
jz_node *jz_node_get(const jz_node *map, const char *key); /* NULL if absent or not a map */
const char *jz_node_type_name(const jz_node *n);           /* "a number or text", "a map", "a list" */
/* How a message names item `index` (from 0) of the scenario list `list`
 * (zorgsoorten, gemeenten, measures): by the identifier under `id_key`
 * once the item has one, "zorgsoorten[ambulant]", the form of every path
 * into it; "zorgsoorten item 2" only while it has none (the key itself is
 * missing or not a text).  Writes into buf and returns it. */
const char *jz_node_item_name(char *buf, size_t size, const char *list, const jz_node *item,
                              const char *id_key, size_t index);

#endif
