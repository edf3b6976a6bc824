/*
 * loader.h - the scenario loader's shared state and helpers, internal to
 * engine/scenario.  The loader is split by concern: load.c (helpers, meta,
 * indexation, zorgsoorten, the whole tree), load_gemeente.c (a gemeente's
 * head, fixed cost lines, external shifts) and load_cell.c (the values of
 * one gemeente x zorgsoort cell).
 */
#ifndef JZ_SCENARIO_LOADER_H
#define JZ_SCENARIO_LOADER_H

#include "scenario/build.h"
#include "scenario/node.h"
#include "scenario/value.h"

typedef struct loader {
    jz_scenario *s;
    jz_error *err;
    int H, base;
    int unc; /* the uncertain input (index) the last series() read, or -1 */
    int allow_implausible;  /* jz_load_options.allow_implausible */
    const jz_node *scope;   /* the map holding the key series() reads next (plausible: false, bron) */
    const jz_node *outer;   /* the map holding scope, for its bron */
} loader;

/* load.c: small helpers */
int ld_copy_text(const jz_node *n, char *dst, size_t size, const char *what, jz_error *err);
/* An Iv3 taakveld of youth care (jz_taakveld_codes) into dst; the error
 * names `what` and lists the codes. */
int ld_taakveld(const jz_node *n, const char *what, char *dst, size_t size, jz_error *err);
const char *ld_source_of(const jz_node *inner, const jz_node *outer);
/* A series map's own `source:` note ({2024: 74355, source: "CBS, 1 januari
 * 2024"}), else fallback (the note of the map around it). */
const char *ld_own_source(const jz_node *v, const char *fallback);
/* Read a series (pulse: one-off values per year) into out[H]; rec: record it
 * as a traceable input with its label and bron. */
int ld_series_as(loader *L, const jz_node *v, jz_unit u, const char *path,
                 const char *source, double *out, int rec, int pulse);
int ld_series(loader *L, const jz_node *v, jz_unit u, const char *path,
              const char *source, double *out, int rec);
/* Record an input with its label (the series map's own `label:`, or
 * generated) and its `bron:` (the series map's, or scope's). */
int ld_record_in(loader *L, const char *path, const jz_node *v, jz_unit u, const char *source,
                 const jz_node *scope, const jz_node *outer);
/* The same for an input whose unit is no jz_unit: a zorgsoort key
 * (unit "zorgsoort"), as a measure's from and to are recorded. */
int ld_record_named(loader *L, const char *path, const jz_node *v, const char *unit, const char *source,
                    const jz_node *scope, const jz_node *outer);
int ld_check_identifier(const jz_node *n, const char *what, jz_error *err);
int ld_is_year_map(const jz_node *n);
int ld_check_cell_maps(const jz_node *cellmap, const jz_node *defaults, const char *what, jz_error *err);

/* load_mixture.c: the `mixture:` map of zorgsoort `key` into *mix (owner
 * names it in messages); JZ_EINPUT at the offending node, a plausibility
 * warning on L->s for an unusual branch mean. */
int ld_mixture(loader *L, const jz_node *n, const char *owner, const char *key, jz_mixture *mix);

/* load_cell.c */
int ld_zorgsoort_ref(loader *L, const jz_node *n, const char *what, int *out);
int ld_load_cell(loader *L, int g, int z, const jz_node *zitem, const jz_node *override);

/* load_gemeente.c */
int ld_load_gemeente_head(loader *L, int g, const jz_node *item);
int ld_load_gemeente_cells(loader *L, int g, const jz_node *item, const jz_node *zlist);

/* load_regio.c: the `regio:` section (NULL: none), after the gemeenten */
int ld_load_regio(loader *L, const jz_node *regio);
/* The gemeente n names (CBS code or name) in *out, or a located error with
 * the nearest code or name of the scenario; what starts the message. */
int ld_gemeente_ref(loader *L, const jz_node *n, const char *what, int *out);
/* A key (sleutel, with gebruik and tabel) read from map n into v, whose
 * pooled[] is set; P names the map in messages (regio.verevening, a
 * contract, a measure's regional_investment). */
struct jz_verevening;
int ld_load_key(loader *L, struct jz_verevening *v, const jz_node *n, const char *P);

#endif
