/*
 * schema_types.h - the type, unit and range of every key of the scenario
 * format, beside the loader's key tables (internal).
 *
 * schema.c (and load_measures.c, unc_parse.c, unc_corr.c) list each map's
 * keys, whether they are required and what they mean; schema_types.c says
 * what each key's value is: text, a whole number in a range, a number or a
 * series of a unit (jz_unit: its range comes from jz_unit_range), a map or a
 * list of maps of another table.  jzsim-gen-schema turns both into the JSON
 * Schema docs/scenario.schema.json; it fails when a key has no type here or
 * a type names a key the loader's table lacks, so the two cannot drift.
 */
#ifndef JZ_SCENARIO_SCHEMA_TYPES_H
#define JZ_SCENARIO_SCHEMA_TYPES_H

#include <stddef.h>

#include "scenario/schema.h"

typedef enum {
    JZ_T_TEXT,   /* a string */
    JZ_T_BOOL,   /* true or false */
    JZ_T_INT,    /* a whole number in lo..hi (a year, a count of years) */
    JZ_T_NUMBER, /* one number of `unit` (or an uncertain value) */
    JZ_T_SERIES, /* a series of `unit`; with ref: or a map of table ref */
    JZ_T_PULSE,  /* one-off values of `unit` by year (tariff_correction) */
    JZ_T_MAP,    /* a map of table ref */
    JZ_T_LIST,   /* a list of maps of table ref */
    JZ_T_TEXTS,  /* a list of strings */
    JZ_T_BYNAME, /* a map from a name (a zorgsoort key) to a map of table ref */
    JZ_T_ENUM,   /* one of the words in ref, separated by '|' */
    JZ_T_JSON    /* ref is the JSON Schema itself (a key with forms of its own) */
} jz_type_kind;

/* Unit -1: a number of the enclosing input's unit (distribution keys). */
enum { JZ_UNIT_ANY = -1, JZ_UNIT_SIGNED_MONEY = -2 };

typedef struct jz_key_type {
    const char *table; /* a jz_key_table name */
    const char *key;
    jz_type_kind kind;
    int unit;          /* jz_unit for NUMBER, SERIES, PULSE */
    long lo, hi;       /* INT */
    const char *ref;   /* MAP, LIST, BYNAME, SERIES: a table; ENUM: words; JSON */
} jz_key_type;

/* A named key table of the loader. */
typedef struct jz_key_table {
    const char *name;    /* "zorgsoort" */
    const jz_key *keys;  /* ended by {NULL} */
    const char *title;   /* where it is in a scenario file */
} jz_key_table;

/* Every key table the loader checks maps against, and every key's type. */
const jz_key_table *jz_schema_tables(size_t *n);
const jz_key_type *jz_schema_types(size_t *n);

/* The tables that live in unc_parse.c and unc_corr.c. */
const jz_key *jz_unc_dist_table(int kind, const char **name); /* kind 0..5, NULL after */
const jz_key *jz_unc_section_table(int corr);                 /* 0: uncertainty, 1: an item */

#endif
