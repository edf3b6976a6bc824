/*
 * measure_loader.h - what load_measures.c and load_ha.c share, internal to
 * engine/scenario: the state of reading one measure and small helpers.
 */
#ifndef JZ_SCENARIO_MEASURE_LOADER_H
#define JZ_SCENARIO_MEASURE_LOADER_H

#include "scenario/build.h"
#include "scenario/measure_build.h"
#include "scenario/node.h"
#include "scenario/value.h"

typedef struct mloader {
    jz_scenario *s;
    jz_error *err;
    int H, base;
    const char *src; /* the measure's source note */
    int bron;        /* the measure's bron (index into s->bronnen), or -1 */
    char key[JZ_KEY_MAX];
} mloader;

/* load_measures.c */
int ml_oom(jz_error *err);
/* "measures[key].field", the path of a field of the measure being read,
 * into buf (returned): how every message names it. */
const char *ml_path(const mloader *L, const char *field, char *buf, size_t size);
/* Record a measure's field as a traceable input (path measures[key].field). */
int ml_record(mloader *L, const char *field, const jz_node *v, const char *unit);
/* A zorgsoort named by key: its index in *out, or a located error. */
int ml_zorgsoort_ref(mloader *L, const jz_node *n, const char *what, int *out);
/* A gemeente named by code or name: its index in *out, or a located error
 * with the gemeente meant (ld_gemeente_ref). */
int ml_gemeente_ref(mloader *L, const jz_node *n, const char *what, int *out);
/* The series item.field (absent: left as it is) in unit u. */
int ml_series(mloader *L, const jz_node *item, const char *field, jz_unit u, double *out);

/* load_ha.c: a Hervormingsagenda row into m. */
int ml_load_ha(mloader *L, jz_measure *m, const jz_node *item);

#endif
