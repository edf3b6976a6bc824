/*
 * regio_store.c - allocation, copy and release of a scenario's `regio:`
 * section (jzsim/regio.h).  The loader (load_regio.c) fills it; a copy of
 * the scenario (Monte Carlo draws, sensitivity) and its extension for
 * judging measures carry it along.
 */
#include <stdlib.h>
#include <string.h>

#include "jzsim/regio.h"

jz_regio *jz_regio_alloc(int G, int Z, int H)
{
    if (G < 1 || Z < 1 || H < 1 || H > JZ_HORIZON_MAX)
        return NULL;
    jz_regio *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->G = G;
    r->Z = Z;
    r->H = H;
    /* one block: use_given [G], tabel [G], drempel_value [H] */
    r->block = calloc((size_t)G * 2 + (size_t)H, sizeof(double));
    r->verevening.pooled = calloc((size_t)Z, 1);
    if (!r->block || !r->verevening.pooled) {
        jz_regio_free(r);
        return NULL;
    }
    r->verevening.use_given = r->block;
    r->verevening.tabel = r->block + G;
    r->verevening.drempel_value = r->block + 2 * (size_t)G;
    return r;
}

void jz_regio_free(jz_regio *r)
{
    if (!r)
        return;
    free(r->verevening.pooled);
    free(r->block);
    free(r);
}

jz_regio *jz_regio_copy(const jz_regio *src, int H2)
{
    if (!src || H2 < src->H)
        return NULL;
    jz_regio *r = jz_regio_alloc(src->G, src->Z, H2);
    if (!r)
        return NULL;
    const jz_verevening *o = &src->verevening;
    jz_verevening *d = &r->verevening;
    r->has_verevening = src->has_verevening;
    memcpy(d->pooled, o->pooled, (size_t)src->Z);
    memcpy(d->weight, o->weight, sizeof d->weight);
    d->n_use_years = o->n_use_years;
    memcpy(d->use_years, o->use_years, sizeof d->use_years);
    d->use_is_given = o->use_is_given;
    memcpy(d->use_given, o->use_given, (size_t)src->G * sizeof(double));
    memcpy(d->tabel, o->tabel, (size_t)src->G * sizeof(double));
    d->drempel = o->drempel;
    memcpy(d->drempel_value, o->drempel_value, (size_t)src->H * sizeof(double));
    for (int y = src->H; y < H2; y++) /* the drempel holds its last value */
        d->drempel_value[y] = o->drempel_value[src->H - 1];
    return r;
}
