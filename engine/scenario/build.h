/*
 * build.h - allocate a scenario of given dimensions (internal).
 *
 * The loader fills a scenario made here; tests and benchmarks build
 * synthetic scenarios with it directly.  Every per-year array is allocated
 * in one block and set to a neutral value (0, or 1 stage, zorgduur 12
 * months, no budget, no re-entry, no ageing).  Callers then set the
 * numbers they need.
 */
#ifndef JZ_SCENARIO_BUILD_H
#define JZ_SCENARIO_BUILD_H

#include "jzsim/scenario.h"

/* A scenario with G gemeenten, Z zorgsoorten, horizon H from base_year.
 * Keys are "z0", "z1", ..., codes "GM0000", ... .  Every array is allocated
 * (has_budget and has_rijksbijdrage start at 0).  NULL on OOM or on
 * dimensions out of range. */
jz_scenario *jz_scenario_new(int G, int Z, int H, int base_year);

/* Add a fixed cost line to gemeente g; returns it (arrays zeroed,
 * has_budget 0) or NULL on OOM.  The realloc may move the earlier lines of
 * that gemeente: do not keep pointers to them across calls. */
jz_fixed_cost *jz_scenario_add_fixed(jz_scenario *s, int g, const char *name);

/* Add an external shift to gemeente g (arrays zeroed) or NULL on OOM.  Like
 * jz_scenario_add_fixed, it may move earlier lines of the same gemeente:
 * do not keep pointers to them across calls. */
jz_external *jz_scenario_add_external(jz_scenario *s, int g, const char *name, int zorgsoort);

/* Add a warning ("file:line: text"); 0 or JZ_ENOMEM. */
int jz_scenario_warn(jz_scenario *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The same, unless the scenario already has this very warning (a
 * zorgsoort's series is read again for every gemeente). */
int jz_scenario_warn_once(jz_scenario *s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* How a message names gemeente g: "gemeenten[GM0153] (Enschede)", the
 * item as the loader's messages and paths name it (jz_node_item_name), then
 * its name, so a warning reads like the loader's.  Writes into buf (at
 * least JZ_KEY_MAX + JZ_NAME_MAX + 16 bytes for the whole) and returns it. */
const char *jz_gemeente_what(const jz_scenario *s, int g, char *buf, size_t size);
/* The same for zorgsoort z: "zorgsoorten[ambulant] (Ambulante jeugdhulp)". */
const char *jz_zorgsoort_what(const jz_scenario *s, int z, char *buf, size_t size);

/* Record a traceable input; 0 or JZ_ENOMEM. */
int jz_scenario_add_input(jz_scenario *s, const char *path, const char *value,
                          const char *unit, const char *source,
                          const char *file, int line);

/* Bronnen and labels of the traceable inputs (inputs.c). */
struct jz_node;
/* Read the `bronnen:` list (NULL: none) into s->bronnen. */
int jz_load_bronnen(jz_scenario *s, const struct jz_node *list, jz_error *err);
/* The `bron: id` of map (or else of outer) as an index into s->bronnen
 * (*idx = -1 when neither has one); an unknown id is an error at it. */
int jz_bron_ref(const jz_scenario *s, const struct jz_node *map, const struct jz_node *outer,
                int *idx, jz_error *err);
/* The generated label of the input at path, in Dutch and English. */
void jz_input_make_label(const jz_scenario *s, const char *path, char *nl, char *en, size_t size);
/* Set input i's own label (NULL: none; jz_input_label makes one) and bron;
 * 0 or JZ_ENOMEM. */
int jz_input_describe(jz_scenario *s, int i, const char *label, int bron);
/* Free every traceable input (their array too) and leave none
 * (n_inputs = 0, inputs = NULL): a scenario that says nothing of its
 * own, e.g. the shell of a saved forecast (analysis/compare_saved.c). */
void jz_scenario_clear_inputs(jz_scenario *s);
/* Free the inputs array and their texts (scenario.c; by clear_inputs,
 * which frees the labels first). */
void jz_scenario_free_input_memory(jz_scenario *s);
/* Free, and deep-copy after the inputs are copied, the bronnen and the
 * labels of the inputs (called by jz_scenario_free and jz_scenario_copy;
 * the labels are freed with the inputs, jz_scenario_clear_inputs). */
void jz_scenario_free_sources(jz_scenario *s);
int jz_scenario_copy_sources(jz_scenario *dst, const jz_scenario *src);

/* The `werksessie:` section (werksessie_sliders.c; NULL: none) into
 * s->sliders, after every input is read; free and deep-copy them. */
int jz_load_werksessie(jz_scenario *s, const struct jz_node *section, jz_error *err);
void jz_scenario_free_sliders(jz_scenario *s);
int jz_scenario_copy_sliders(jz_scenario *dst, const jz_scenario *src);

/* Fill a per-year array with one value. */
void jz_fill(double *a, int H, double v);

#endif
