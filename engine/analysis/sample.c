/*
 * sample.c - random draws of the uncertain inputs, and writing a drawn
 * value into a scenario copy (jzsim/uncertainty.h).
 *
 * Streams.  Input i's uniforms for draw d come from a gsl_rng_mt19937
 * seeded from (seed, hash of the input's path, d / JZ_STREAM_CHUNK); draw d
 * takes the number at position d % JZ_STREAM_CHUNK of that stream.  A
 * sampler keeps one generator per input and only re-seeds when a draw
 * falls outside the chunk it is in, so drawing consecutive draws costs one
 * uniform per input, while any draw can be made by any thread in any order
 * with the same result.  Because the key is the PATH, two scenarios that
 * share an input get identical numbers for it (common random numbers).
 *
 * Copula.  u -> z = Phi^-1(u) per input; the inputs of the copula get
 * z' = L z (L lower Cholesky factor of their correlation matrix); every
 * input's value is then its quantile at Phi(z').
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "jzsim/init.h"
#include "jzsim/uncertainty.h"

struct jz_sampler {
    const jz_scenario *s;
    unsigned long seed;
    int n;
    gsl_rng **rng; /* [n] NULL for inputs that are not random */
    long *chunk;   /* [n] chunk the generator was seeded for, -1 none */
    long *pos;     /* [n] position of the next number in that chunk */
    double *z;     /* [n] scores of the current draw */
    double *zc;    /* [copula n] correlated scores */
};

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/* The 32-bit seed (mt19937 uses 32 bits) of input key `key`, chunk c. */
static unsigned long stream_seed(unsigned long seed, unsigned long long key, long c)
{
    uint64_t x = splitmix64((uint64_t)seed ^ splitmix64((uint64_t)key ^ splitmix64((uint64_t)c)));
    unsigned long s32 = (unsigned long)((x >> 32) ^ (x & 0xffffffffULL));
    return s32 ? s32 : 1; /* gsl's mt19937 maps seed 0 to its default seed */
}

void jz_sampler_free(jz_sampler *sp)
{
    if (!sp)
        return;
    if (sp->rng)
        for (int i = 0; i < sp->n; i++)
            gsl_rng_free(sp->rng[i]); /* NULL-safe */
    free(sp->rng);
    free(sp->chunk);
    free(sp->pos);
    free(sp->z);
    free(sp->zc);
    free(sp);
}

jz_sampler *jz_sampler_alloc(const jz_scenario *s, unsigned long seed)
{
    jz_init(); /* gsl_rng_alloc returns NULL instead of aborting */
    jz_sampler *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    int n = s->n_uncertain, m = n > 0 ? n : 1;
    sp->s = s;
    sp->seed = seed;
    sp->n = n;
    sp->rng = calloc((size_t)m, sizeof *sp->rng);
    sp->chunk = calloc((size_t)m, sizeof *sp->chunk);
    sp->pos = calloc((size_t)m, sizeof *sp->pos);
    sp->z = calloc((size_t)m, sizeof *sp->z);
    sp->zc = calloc((size_t)(s->copula && s->copula->n > 0 ? s->copula->n : 1), sizeof *sp->zc);
    if (!sp->rng || !sp->chunk || !sp->pos || !sp->z || !sp->zc) {
        jz_sampler_free(sp);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        sp->chunk[i] = -1;
        if (s->uncertain[i].dist.kind != JZ_DIST_NONE && !(sp->rng[i] = gsl_rng_alloc(gsl_rng_mt19937))) {
            jz_sampler_free(sp);
            return NULL;
        }
    }
    return sp;
}

/* The uniform of input i in draw d. */
static double uniform(jz_sampler *sp, int i, long d)
{
    long c = d / JZ_STREAM_CHUNK, p = d % JZ_STREAM_CHUNK;
    gsl_rng *r = sp->rng[i];
    if (sp->chunk[i] != c || sp->pos[i] > p) {
        gsl_rng_set(r, stream_seed(sp->seed, sp->s->uncertain[i].stream, c));
        sp->chunk[i] = c;
        sp->pos[i] = 0;
    }
    for (; sp->pos[i] < p; sp->pos[i]++)
        (void)gsl_rng_get(r);
    sp->pos[i]++;
    return gsl_rng_uniform_pos(r);
}

void jz_sampler_draw(jz_sampler *sp, long d, double *x)
{
    const jz_scenario *s = sp->s;
    for (int i = 0; i < sp->n; i++)
        sp->z[i] = sp->rng[i] ? gsl_cdf_ugaussian_Pinv(uniform(sp, i, d)) : 0.0;
    const jz_unc_copula *c = s->copula;
    if (c && c->n > 0) {
        for (int j = 0; j < c->n; j++) {
            double v = 0.0;
            for (int k = 0; k <= j; k++)
                v += c->chol[j * c->n + k] * sp->z[c->input[k]];
            sp->zc[j] = v;
        }
        for (int j = 0; j < c->n; j++)
            sp->z[c->input[j]] = sp->zc[j];
    }
    for (int i = 0; i < sp->n; i++)
        x[i] = jz_dist_from_z(&s->uncertain[i].dist, sp->z[i]);
}

/* ---- writing values into a copy ---- */

double *jz_unc_target_at(jz_scenario *s, const jz_unc_target *t)
{
    const size_t H = (size_t)s->meta.horizon, first = (size_t)t->first * (size_t)t->stride;
    switch (t->kind) {
    case JZ_TGT_BLOCK: return s->block + t->offset + first;
    case JZ_TGT_FIXED: return s->gemeenten[t->g].fixed[t->index].amount + (size_t)t->field * H + first;
    case JZ_TGT_EXTERNAL:
        return s->gemeenten[t->g].external[t->index].client_years + (size_t)t->field * H + first;
    case JZ_TGT_START: return &s->cells[t->index].start;
    }
    return NULL;
}

static void restore(const jz_scenario *base, jz_scenario *copy, const jz_unc_target *t)
{
    const double *from = jz_unc_target_at((jz_scenario *)base, t);
    double *to = jz_unc_target_at(copy, t);
    for (int k = 0; k < t->n; k++)
        to[(size_t)k * (size_t)t->stride] = from[(size_t)k * (size_t)t->stride];
}

static void put(jz_scenario *copy, const jz_unc_target *t, double v, double point)
{
    double *to = jz_unc_target_at(copy, t);
    if (t->op == JZ_TGT_SET) {
        for (int k = 0; k < t->n; k++)
            to[(size_t)k * (size_t)t->stride] = v;
    } else {
        double f = v / point; /* exactly 1 at the point value */
        for (int k = 0; k < t->n; k++)
            to[(size_t)k * (size_t)t->stride] *= f;
    }
}

void jz_unc_apply(const jz_scenario *base, jz_scenario *copy, const double *x)
{
    /* products first back to the base, then every SET, then the factors */
    for (int i = 0; i < base->n_uncertain; i++)
        for (int k = 0; k < base->uncertain[i].n_targets; k++)
            if (base->uncertain[i].targets[k].op == JZ_TGT_SCALE)
                restore(base, copy, &base->uncertain[i].targets[k]);
    for (int pass = JZ_TGT_SET; pass <= JZ_TGT_SCALE; pass++)
        for (int i = 0; i < base->n_uncertain; i++) {
            const jz_uncertain *u = &base->uncertain[i];
            for (int k = 0; k < u->n_targets; k++)
                if (u->targets[k].op == pass)
                    put(copy, &u->targets[k], x[i], u->dist.point);
        }
}

void jz_unc_set(const jz_scenario *base, jz_scenario *copy, int i, double v)
{
    const jz_uncertain *u = &base->uncertain[i];
    for (int k = 0; k < u->n_targets; k++)
        restore(base, copy, &u->targets[k]);
    for (int k = 0; k < u->n_targets; k++)
        put(copy, &u->targets[k], v, u->dist.point);
}
