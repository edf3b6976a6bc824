/*
 * measure_build.h - the measures of a scenario: storage and loader (internal).
 *
 *   measure_store.c   add / copy / free the measures of a jz_scenario
 *   load_measures.c   the `measures:` list of a scenario file -> jz_measure
 *
 * jzsim/measures.h defines jz_measure; docs/scenario-format.md documents
 * the keys of the two tables below (tests/test_scenario.c checks that).
 */
#ifndef JZ_SCENARIO_MEASURE_BUILD_H
#define JZ_SCENARIO_MEASURE_BUILD_H

#include "jzsim/measures.h"
#include "scenario/node.h"
#include "scenario/schema.h"

/* Keys of a measure of type hervormingsagenda and of type local. */
extern const jz_key jz_keys_measure_ha[];
extern const jz_key jz_keys_measure_local[];
/* Keys of a local measure's regional_investment map. */
extern const jz_key jz_keys_regional_investment[];

/* Append a measure with the defaults of docs/scenario-format.md (applies
 * to every gemeente and zorgsoort, certain 100%, realisation 100%, starts
 * in the base year, no ramp, no fade, no investment).  Returns it, or NULL
 * on OOM.  The realloc may move earlier measures (not their arrays): do not
 * keep pointers to jz_measure structs across calls. */
jz_measure *jz_scenario_add_measure(jz_scenario *s, int type, const char *key);

/* Free the measures of s (NULL arrays and half-built measures are fine)
 * and set n_measures to 0. */
void jz_scenario_free_measures(jz_scenario *s);

/* Deep-copy the measures of src into dst (same dimensions); 0 or JZ_ENOMEM. */
int jz_scenario_copy_measures(jz_scenario *dst, const jz_scenario *src);
/* The same into dst with a horizon >= src's: the per-year arrays hold their
 * last value in the added years (jz_scenario_extend). */
int jz_scenario_extend_measures(jz_scenario *dst, const jz_scenario *src);

/* Read the `measures:` list (list may be NULL: no measures) into s, whose
 * gemeenten and zorgsoorten are loaded.  JZ_EINPUT at the offending node. */
int jz_load_measures(jz_scenario *s, const jz_node *list, jz_error *err);

#endif
