/*
 * tree.c - the memory of a jz_node tree and lookups on it (see node.h):
 * an arena of zeroed chunks, handed out front to back and released all at
 * once, so a tree (and every string in it) is freed with one call; finding
 * a key in a map; the name of a node type for messages.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "scenario/node.h"

/* ------------------------------------------------------------------ */
/* Arena: a list of zeroed chunks; memory is handed out front to back and
 * only released all at once.  The first chunk is 64 KiB and the second
 * 256 KiB (a shipped scenario's tree fits in them); the next ones are
 * 2 MiB, which jz_big_calloc backs with huge pages, so a national file
 * (~5 MB of tree) costs a few page faults instead of ~1,300. */

enum { ARENA_CHUNK = 64 * 1024, ARENA_CHUNK_SECOND = 256 * 1024, ARENA_CHUNK_MORE = 2 * 1024 * 1024 };

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t cap;
    size_t used;
    max_align_t data[]; /* max_align_t keeps every allocation aligned */
} arena_chunk;

struct jz_arena {
    arena_chunk *head; /* the chunk currently being filled */
    int chunks;        /* regular chunks made so far */
};

jz_arena *jz_arena_alloc(void)
{
    return calloc(1, sizeof(jz_arena));
}

void jz_arena_free(jz_arena *a)
{
    if (!a)
        return;
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        jz_big_free(c, 1, sizeof(arena_chunk) + c->cap);
        c = next;
    }
    free(a);
}

static arena_chunk *chunk_new(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(arena_chunk))
        return NULL;
    arena_chunk *c = jz_big_calloc(1, sizeof(arena_chunk) + cap);
    if (c)
        c->cap = cap;
    return c;
}

void *jz_arena_malloc(jz_arena *a, size_t n)
{
    const size_t align = _Alignof(max_align_t);
    if (!a || n > SIZE_MAX - align)
        return NULL;
    size_t need = n == 0 ? align : (n + align - 1) / align * align;
    arena_chunk *h = a->head;
    if (h && h->cap - h->used >= need) {
        void *p = (char *)h->data + h->used;
        h->used += need;
        return p;
    }
    /* Big requests get a chunk of their own, linked behind the current
     * one so that the free space left in the current chunk is not lost. */
    int big = need > ARENA_CHUNK / 4;
    /* the third regular chunk and the next ones are 2 MiB with the header */
    arena_chunk *c = chunk_new(big ? need
                               : a->chunks == 0 ? ARENA_CHUNK
                               : a->chunks == 1 ? ARENA_CHUNK_SECOND
                                                : ARENA_CHUNK_MORE - sizeof(arena_chunk));
    if (!c)
        return NULL;
    a->chunks += !big;
    c->used = need;
    if (big && h) {
        c->next = h->next;
        h->next = c;
    } else {
        c->next = h;
        a->head = c;
    }
    return c->data;
}

/* Copy n bytes and add a terminating NUL. */
char *jz_arena_memdup(jz_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = jz_arena_malloc(a, n + 1);
    if (p && n)
        memcpy(p, s, n);
    return p; /* already zero-terminated: arena memory is zeroed */
}

char *jz_arena_strdup(jz_arena *a, const char *s)
{
    return s ? jz_arena_memdup(a, s, strlen(s)) : NULL;
}

/* ------------------------------------------------------------------ */
/* Lookup helpers */

jz_node *jz_node_get(const jz_node *map, const char *key)
{
    if (!map || !key || map->type != JZ_NODE_MAP)
        return NULL;
    /* maps are small (a cell has ~10 keys) but are asked for every key the
     * schema knows: the first byte rules most keys out without a call */
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->keys[i]->scalar;
        if (k[0] == key[0] && strcmp(k, key) == 0)
            return map->values[i];
    }
    return NULL;
}

const char *jz_node_type_name(const jz_node *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case JZ_NODE_SCALAR: return "a number or text";
    case JZ_NODE_MAP: return "a map";
    case JZ_NODE_SEQ: return "a list";
    }
    return "an unknown value";
}

const char *jz_node_item_name(char *buf, size_t size, const char *list, const jz_node *item,
                              const char *id_key, size_t index)
{
    const jz_node *id = jz_node_get(item, id_key);
    if (id && id->type == JZ_NODE_SCALAR && id->scalar[0])
        snprintf(buf, size, "%s[%s]", list, id->scalar);
    else
        snprintf(buf, size, "%s item %zu", list, index + 1);
    return buf;
}
