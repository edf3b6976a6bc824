/*
 * records/reader.h - the pieces of the trajectory-export reader (internal):
 *   reader.c     jz_records_parse / jz_records_load: header, rows, dates and
 *                the linking of gemeenten and zorgsoorten to a scenario;
 *   rec_fields.c CSV fields, the client-key table, name lists;
 *   rec_build.c  options, allocation, the window, sort and merge, and
 *                jz_records_from_trajectories.
 */
#ifndef JZ_RECORDS_READER_H
#define JZ_RECORDS_READER_H

#include <stddef.h>

#include "jzsim/records.h"

/* The fields of one CSV line (pointers into the buffer). */
typedef struct line_fields {
    int n, cap;
    char **f;
} line_fields;

/* Client keys to row-order numbers: open addressing, keys into the buffer. */
typedef struct key_table {
    size_t cap;         /* power of two */
    const char **key;   /* into the read buffer */
    int *id;
} key_table;

/* What makes two rows the same trajectory (line: for the message). */
typedef struct dup_key {
    int client, prod, z, start, end, line;
} dup_key;

/* Split the line at *pos (NUL-terminating fields in place) into fields;
 * *pos moves past the line's end.  Returns 0, -1 for a broken quote
 * (column in *bad_col), -2 for out of memory. */
int jz_rec_split_line(char *buf, size_t len, size_t *pos, char sep, line_fields *lf, int *lines_used,
                      int *bad_col);
/* s without leading and trailing blanks (in place). */
char *jz_rec_trim(char *s);
/* The id of key, a new one (*n_ids) when first seen; -1: out of memory. */
int jz_rec_key_id(key_table *t, const char *key, int *n_ids);
/* The index of s in names, appended when add (-1: absent, -2: out of memory). */
int jz_rec_name_index(char (**names)[JZ_NAME_MAX], int *n, const char *s, int add);

/* A new, empty jz_records with o's settings; NULL: out of memory. */
jz_records *jz_rec_new(const char *name, const jz_records_options *o);
/* qsort order of dup_key: an exact repeat lands next to its first row. */
int jz_rec_cmp_dupkey(const void *a, const void *b);
/* Check the window against the trajectories, fill the defaults, sort and merge. */
int jz_rec_finish(jz_records *r, const jz_records_options *o, int min_day, int max_day, jz_error *err);

#endif
