/*
 * util.h - small helpers shared by the library: a strdup, a growing list of
 * strings (warnings, notes), an edit distance for "did you mean" hints and
 * a whole-file reader with a size limit.  Internal, not public API.
 */
#ifndef JZ_COMMON_UTIL_H
#define JZ_COMMON_UTIL_H

#include <stddef.h>

#include "jzsim/error.h"

/* A malloc'd copy of s (NULL is copied as ""); NULL when out of memory. */
char *jz_strdup(const char *s);

/* Append a copy of s to the list (*arr)[0..*n), growing *cap by doubling.
 * JZ_OK or JZ_ENOMEM (the list is unchanged). */
int jz_strlist_push(char ***arr, int *n, int *cap, const char *s);

/* dst = the texts up to the NULL one, one after the other: what
 * snprintf(dst, size, "%s%s...", ...) writes (cut at size - 1 bytes, always
 * NUL-terminated when size > 0), without parsing a format.  The loader
 * makes a path like this for every value it reads.  Returns the length of
 * the whole text, as snprintf does. */
size_t jz_concat(char *dst, size_t size, ...);

/* calloc(n, size) for blocks of megabytes that are filled soon after: on
 * Linux a block of 512 KiB or more is its own mapping of whole 2 MiB pages,
 * aligned to them and advised to use transparent huge pages (one page
 * fault per 2 MiB instead of 512; bigblock.c says why).  Zeroed like
 * calloc.  NULL when out of memory or when n * size overflows.  Release
 * it with jz_big_free and the same n and size, never with free(). */
void *jz_big_calloc(size_t n, size_t size);
/* The memory such a block holds: n * size, or the whole 2 MiB pages of
 * its mapping (SIZE_MAX when no mapping can hold it); for size estimates. */
size_t jz_big_bytes(size_t n, size_t size);
void jz_big_free(void *p, size_t n, size_t size);
/* A block of new_n elements (new_n >= old_n) holding the first old_n of p,
 * a jz_big_calloc/realloc block of old_n elements (or NULL), which is then
 * released; NULL when out of memory (p is then kept).  Small blocks are
 * realloc'd, so an array that grows by doubling passes from malloc to a
 * huge-page mapping when it gets large; release it with jz_big_free. */
void *jz_big_realloc(void *p, size_t old_n, size_t new_n, size_t size);

/* "151.500" or "1.000.000": one to three digits, then groups of a dot and
 * three digits, nothing else: how a Dutch text writes a whole number with
 * thousands dots.  Returns that whole number (151500) and the number of
 * dot groups in *groups, or -1 when t is not of that form.  The scenario
 * loader and the command line call such a number ambiguous. */
double jz_dutch_thousands(const char *t, int *groups);

/* Levenshtein distance between a and b; a large number (99) when either is
 * longer than 63 bytes: suggestions are for short keys. */
size_t jz_edit_distance(const char *a, const char *b);

/* Read the file at path whole into a malloc'd buffer (NUL-terminated,
 * *len without the NUL).  At most max bytes: a larger regular file is
 * refused before reading, a pipe or growing file after max + 1 bytes.
 * what names the file in messages ("file", "the history file").  JZ_OK,
 * or JZ_EIO (cannot open/read, a directory), JZ_EINPUT (too large) or
 * JZ_ENOMEM with err filled. */
int jz_read_file(const char *path, size_t max, const char *what, char **out, size_t *len, jz_error *err);

#endif
