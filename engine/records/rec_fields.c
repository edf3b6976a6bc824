/*
 * rec_fields.c - the low-level pieces of the trajectory-export reader
 * (see reader.h for how its files fit): a CSV line split into fields in
 * place, the client-key hash table (keys point into the read buffer and
 * are never copied), and the growing name lists.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records/internal.h"
#include "records/reader.h"

/* ---- fields -------------------------------------------------------------- */

/* Split the line at *pos (NUL-terminating fields in place) into fields;
 * *pos moves past the line's end.  Quotes: "..." with "" inside.  Returns
 * 0, -1 for a broken quote (column in *bad_col), -2 for out of memory. */
int jz_rec_split_line(char *buf, size_t len, size_t *pos, char sep, line_fields *lf, int *lines_used,
                      int *bad_col)
{
    size_t i = *pos;
    lf->n = 0;
    *lines_used = 1;
    for (;;) {
        if (lf->n == lf->cap) {
            int nc = lf->cap ? lf->cap * 2 : 16;
            char **a = realloc(lf->f, (size_t)nc * sizeof *a);
            if (!a)
                return -2;
            lf->f = a;
            lf->cap = nc;
        }
        char *start = buf + i, *w = start;
        if (i < len && buf[i] == '"') {
            i++;
            for (;;) {
                if (i >= len) {
                    *bad_col = (int)(start - buf - *pos) + 1;
                    return -1;
                }
                if (buf[i] == '"') {
                    if (i + 1 < len && buf[i + 1] == '"') {
                        *w++ = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (buf[i] == '\n')
                    (*lines_used)++;
                *w++ = buf[i++];
            }
            if (i < len && buf[i] != sep && buf[i] != '\n' && buf[i] != '\r') {
                *bad_col = (int)(i - *pos) + 1;
                return -1;
            }
        } else {
            while (i < len && buf[i] != sep && buf[i] != '\n')
                i++;
            w = buf + i;
            if (w > start && w[-1] == '\r')
                w--;
        }
        lf->f[lf->n++] = start;
        if (i < len && buf[i] == '\r')
            i++;
        if (i >= len || buf[i] == '\n') {
            *w = '\0';
            *pos = i < len ? i + 1 : len;
            return 0;
        }
        *w = '\0'; /* buf[i] == sep */
        i++;
    }
}

char *jz_rec_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* ---- client keys --------------------------------------------------------- */

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int key_grow(key_table *t)
{
    size_t nc = t->cap ? t->cap * 2 : 1024;
    const char **k = calloc(nc, sizeof *k);
    int *id = malloc(nc * sizeof *id);
    if (!k || !id) {
        free(k);
        free(id);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->key[i]) {
            size_t h = (size_t)hash(t->key[i]) & (nc - 1);
            while (k[h])
                h = (h + 1) & (nc - 1);
            k[h] = t->key[i];
            id[h] = t->id[i];
        }
    free(t->key);
    free(t->id);
    t->key = k;
    t->id = id;
    t->cap = nc;
    return 0;
}

/* The id of key, a new one (*n_ids) when first seen; -1: out of memory. */
int jz_rec_key_id(key_table *t, const char *key, int *n_ids)
{
    if ((size_t)(*n_ids + 1) * 2 > t->cap && key_grow(t))
        return -1;
    size_t h = (size_t)hash(key) & (t->cap - 1);
    while (t->key[h]) {
        if (strcmp(t->key[h], key) == 0)
            return t->id[h];
        h = (h + 1) & (t->cap - 1);
    }
    t->key[h] = key;
    t->id[h] = *n_ids;
    return (*n_ids)++;
}

/* ---- names (gemeenten, zorgsoorten, products) ---------------------------- */

int jz_rec_name_index(char (**names)[JZ_NAME_MAX], int *n, const char *s, int add)
{
    for (int i = *n - 1; i >= 0; i--)
        if (strcmp((*names)[i], s) == 0)
            return i;
    if (!add)
        return -1;
    void *a = realloc(*names, (size_t)(*n + 1) * sizeof **names);
    if (!a)
        return -2;
    *names = a;
    snprintf((*names)[*n], JZ_NAME_MAX, "%s", s);
    return (*n)++;
}
