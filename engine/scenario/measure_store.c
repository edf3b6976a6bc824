/*
 * measure_store.c - allocation, deep copy and free of a scenario's measures
 * (see measure_build.h).
 *
 * Each measure owns one block of doubles for its per-year arrays and one
 * block of flags (gemeenten, zorgsoorten), so a copy is two memcpys and a
 * rebase of the pointers, like the scenario's own block.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/build.h"
#include "scenario/measure_build.h"

/* per measure: saving [G*H]; realisation, service_cost, amount, investment [H];
 * ha_share [Z]; weight [G]; regional_investment [H]; the regional key's
 * use_given and tabel [G] each.  Flags: gemeente [G], zorgsoort [Z] and the
 * regional key's pooled [Z]. */
static size_t block_len(int G, int Z, int H)
{
    return (size_t)G * (size_t)H + 5 * (size_t)H + (size_t)Z + 3 * (size_t)G;
}
static size_t flags_len(int G, int Z) { return (size_t)G + 2 * (size_t)Z; }

static void layout(jz_measure *m, int G, int Z, int H)
{
    double *p = m->block;
    m->saving = p;       p += (size_t)G * (size_t)H;
    m->realisation = p;  p += H;
    m->service_cost = p; p += H;
    m->amount = p;       p += H;
    m->investment = p;   p += H;
    m->ha_share = p;     p += Z;
    m->weight = p;       p += G;
    m->regional_investment = p; p += H;
    m->regional_key.use_given = p; p += G;
    m->regional_key.tabel = p;
    m->gemeente = m->flags;
    m->zorgsoort = m->flags + G;
    m->regional_key.pooled = m->flags + G + Z;
}

jz_measure *jz_scenario_add_measure(jz_scenario *s, int type, const char *key)
{
    int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    jz_measure *nm = realloc(s->measures, (size_t)(s->n_measures + 1) * sizeof *nm);
    if (!nm)
        return NULL;
    s->measures = nm;
    jz_measure *m = &s->measures[s->n_measures];
    memset(m, 0, sizeof *m);
    m->block = calloc(block_len(G, Z, H), sizeof *m->block);
    m->flags = malloc(flags_len(G, Z));
    s->n_measures++; /* counted now so that a failure below is freed */
    if (!m->block || !m->flags)
        return NULL;
    layout(m, G, Z, H);
    memset(m->flags, 1, flags_len(G, Z));
    jz_fill(m->weight, G, 1.0);
    snprintf(m->key, sizeof m->key, "%s", key ? key : "");
    snprintf(m->name, sizeof m->name, "%s", key ? key : "");
    m->type = type;
    m->certain = 1.0;
    jz_fill(m->realisation, H, 1.0);
    m->in_baseline = JZ_BASELINE_NONE;
    m->cause = JZ_CAUSE_VOLUME;
    m->effect = JZ_EFFECT_INSTROOM;
    m->start_year = s->meta.base_year;
    m->ramp_shape = JZ_RAMP_LINEAR;
    m->fade_after_years = -1;
    m->from = m->to = -1;
    return m;
}

void jz_scenario_free_measures(jz_scenario *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n_measures && s->measures; i++) {
        free(s->measures[i].block);
        free(s->measures[i].flags);
    }
    free(s->measures);
    s->measures = NULL;
    s->n_measures = 0;
}

int jz_scenario_copy_measures(jz_scenario *dst, const jz_scenario *src)
{
    int G = src->n_gemeenten, Z = src->n_zorgsoorten, H = src->meta.horizon;
    for (int i = 0; i < src->n_measures; i++) {
        const jz_measure *o = &src->measures[i];
        jz_measure *m = jz_scenario_add_measure(dst, o->type, o->key);
        if (!m)
            return JZ_ENOMEM;
        jz_measure keep = *m; /* the new storage */
        *m = *o;
        m->block = keep.block;
        m->flags = keep.flags;
        memcpy(m->block, o->block, block_len(G, Z, H) * sizeof *m->block);
        memcpy(m->flags, o->flags, flags_len(G, Z));
        layout(m, G, Z, H);
    }
    return JZ_OK;
}

/* d[0 .. H2) from o[0 .. H), holding the last value. */
static void hold(double *d, const double *o, int H, int H2)
{
    memcpy(d, o, (size_t)H * sizeof *d);
    for (int y = H; y < H2; y++)
        d[y] = o[H - 1];
}

int jz_scenario_extend_measures(jz_scenario *dst, const jz_scenario *src)
{
    int G = src->n_gemeenten, Z = src->n_zorgsoorten, H = src->meta.horizon;
    int H2 = dst->meta.horizon;
    for (int i = 0; i < src->n_measures; i++) {
        const jz_measure *o = &src->measures[i];
        jz_measure *m = jz_scenario_add_measure(dst, o->type, o->key);
        if (!m)
            return JZ_ENOMEM;
        jz_measure keep = *m; /* the new storage, sized for H2 */
        *m = *o;
        m->block = keep.block;
        m->flags = keep.flags;
        layout(m, G, Z, H2);
        memcpy(m->flags, o->flags, flags_len(G, Z));
        for (int g = 0; g < G; g++)
            hold(m->saving + (size_t)g * (size_t)H2, o->saving + (size_t)g * (size_t)H, H, H2);
        hold(m->realisation, o->realisation, H, H2);
        hold(m->service_cost, o->service_cost, H, H2);
        hold(m->amount, o->amount, H, H2);
        hold(m->investment, o->investment, H, H2);
        memcpy(m->ha_share, o->ha_share, (size_t)Z * sizeof *m->ha_share);
        memcpy(m->weight, o->weight, (size_t)G * sizeof *m->weight);
        hold(m->regional_investment, o->regional_investment, H, H2);
        memcpy(m->regional_key.use_given, o->regional_key.use_given, (size_t)G * sizeof(double));
        memcpy(m->regional_key.tabel, o->regional_key.tabel, (size_t)G * sizeof(double));
    }
    return JZ_OK;
}
