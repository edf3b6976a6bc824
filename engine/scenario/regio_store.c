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

int jz_regio_contracts_alloc(jz_regio *r, int n)
{
    if (n < 1)
        return JZ_OK;
    if (!(r->contracts = calloc((size_t)n, sizeof *r->contracts)))
        return JZ_ENOMEM;
    r->n_contracts = n;
    for (int c = 0; c < n; c++) {
        jz_contract *k = &r->contracts[c];
        k->block = calloc((size_t)r->G * 2, sizeof(double));
        k->key.pooled = calloc((size_t)r->Z, 1);
        if (!k->block || !k->key.pooled)
            return JZ_ENOMEM; /* jz_regio_free releases what was made */
        k->key.use_given = k->block;
        k->key.tabel = k->block + r->G;
        k->key.drempel_value = NULL; /* a contract has no drempel */
    }
    return JZ_OK;
}

void jz_regio_free(jz_regio *r)
{
    if (!r)
        return;
    for (int c = 0; c < r->n_contracts; c++) {
        free(r->contracts[c].key.pooled);
        free(r->contracts[c].block);
    }
    free(r->contracts);
    free(r->verevening.pooled);
    free(r->block);
    free(r);
}

int jz_regio_settles(const jz_regio *r)
{
    return r && (r->has_verevening || r->n_contracts > 0);
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
    if (jz_regio_contracts_alloc(r, src->n_contracts)) {
        jz_regio_free(r);
        return NULL;
    }
    for (int c = 0; c < src->n_contracts; c++) {
        const jz_contract *a = &src->contracts[c];
        jz_contract *b = &r->contracts[c];
        memcpy(b->name, a->name, sizeof b->name);
        memcpy(b->key.pooled, a->key.pooled, (size_t)src->Z);
        memcpy(b->key.weight, a->key.weight, sizeof b->key.weight);
        b->key.n_use_years = a->key.n_use_years;
        memcpy(b->key.use_years, a->key.use_years, sizeof b->key.use_years);
        b->key.use_is_given = a->key.use_is_given;
        memcpy(b->block, a->block, (size_t)src->G * 2 * sizeof(double));
        /* added years: no lumpsum (calloc) */
        memcpy(b->has_lumpsum, a->has_lumpsum, (size_t)src->H);
        memcpy(b->lumpsum, a->lumpsum, (size_t)src->H * sizeof(double));
    }
    return r;
}
