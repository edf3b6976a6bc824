/*
 * schema.h - the allowed keys of each map in a scenario file (internal).
 *
 * One table per kind of map lists its keys, whether each is required, and
 * a short hint used in "missing key" messages.  jz_schema_check() rejects
 * unknown keys (suggesting the nearest allowed one) and reports missing
 * required keys, so no handler has to repeat those checks.
 */
#ifndef JZ_SCENARIO_SCHEMA_H
#define JZ_SCENARIO_SCHEMA_H

#include "jzsim/error.h"
#include "scenario/node.h"

typedef struct jz_key {
    const char *key;
    int required;
    const char *hint; /* what the value is, with an example */
} jz_key;

/* The tables; each ends with {NULL}. */
extern const jz_key jz_keys_top[];
extern const jz_key jz_keys_meta[];
extern const jz_key jz_keys_indexation[];
extern const jz_key jz_keys_zorgsoort[];
extern const jz_key jz_keys_cell[];        /* gemeenten[].zorg.<key> */
extern const jz_key jz_keys_gemeente[];
extern const jz_key jz_keys_begroting[];
extern const jz_key jz_keys_population[];
extern const jz_key jz_keys_fixed[];
extern const jz_key jz_keys_instroom[];
extern const jz_key jz_keys_cost[];
extern const jz_key jz_keys_budget[];
extern const jz_key jz_keys_reentry[];
extern const jz_key jz_keys_mixture[];
extern const jz_key jz_keys_ageing[];
extern const jz_key jz_keys_financing[];
extern const jz_key jz_keys_external[];
extern const jz_key jz_keys_bron[];        /* bronnen[] items */
extern const jz_key jz_keys_regio[];       /* regio (load_regio.c) */
extern const jz_key jz_keys_verevening[];  /* regio.verevening */
extern const jz_key jz_keys_contract[];    /* regio.contracten[i] */
extern const jz_key jz_keys_sleutel[];     /* regio.verevening.sleutel as a mix */
extern const jz_key jz_keys_gebruik[];     /* regio.verevening.gebruik */
extern const jz_key jz_keys_werksessie[];  /* werksessie (werksessie_sliders.c) */
extern const jz_key jz_keys_slider[];      /* werksessie.sliders[] */
extern const jz_key jz_keys_drempel[];     /* regio.verevening.drempel */

/* Check that map (which must be a map node; `what` names it in messages,
 * e.g. "zorgsoort 'ambulant'") has only keys of `table` and every required
 * one.  JZ_EINPUT at the offending key, or at the map for a missing key. */
int jz_schema_check(const jz_node *map, const jz_key *table, const char *what,
                    jz_error *err);

/* jz_schema_check() for a map that overrides another per key: a required
 * key may also come from `defaults` (the map it is laid over; NULL: none).
 * A gemeente's zorg.<zorgsoort>.reentry takes what it does not write from
 * the zorgsoort's reentry; one that neither gives is still missing, and the
 * error points at `map`, the text the user wrote. */
int jz_schema_check_over(const jz_node *map, const jz_node *defaults, const jz_key *table,
                         const char *what, jz_error *err);

/* The same word in the other language of the keys (begroting <-> budget,
 * naam <-> name, ...: the Dutch of the template and the realisation, the
 * English of a scenario), or NULL. */
const char *jz_key_other_language(const char *key);

/* The allowed key nearest to `key`: its word in the other language when
 * the table has it (jz_key_other_language), else edit distance <= 2 or a
 * prefix; NULL: none, or two as near (no guess on a tie). */
const char *jz_schema_suggest(const char *key, const jz_key *table);
/* The same over the zorgsoorten of s: the key of the one `key` most likely
 * meant, or NULL (a zorgsoort named in a scenario or a realisation file). */
struct jz_scenario;
const char *jz_zorgsoort_suggest(const struct jz_scenario *s, const char *key);

/* err holds a located input error about item `index` of list seq (an item
 * map with identifier key `id`); when another item's identifier is the
 * one it was most likely meant to be (jz_schema_suggest's rule), append
 * "; did you mean <kind> 'x'? ... a new one needs <needs>": in a variant
 * (extends) an item whose identifier is a slip of the base's is no change
 * to that item but a new one, and is then missing what a new one needs.
 * Returns err->status. */
int jz_new_item_hint(jz_error *err, const char *kind, const jz_node *seq, const char *id, size_t index,
                     const char *needs);

/* The index of the zorgsoort that scalar n names into *out, or a located
 * error: "<what>: unknown zorgsoort 'x'" with the nearest key (did you
 * mean) or, without one, the scenario's keys.  One message for the
 * scenario's references and a realisation file's rows. */
int jz_zorgsoort_ref(const struct jz_scenario *s, const jz_node *n, const char *what, int *out, jz_error *err);

#endif
