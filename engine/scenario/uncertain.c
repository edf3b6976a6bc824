/*
 * uncertain.c - the registry of uncertain inputs in a scenario: adding an
 * input and its targets while loading, following copied defaults, and the
 * free and deep copy that scenario.c delegates here.
 *
 * A target records WHERE a value went as an offset into s->block (or a
 * gemeente's fixed cost line / external shift, or a cell's start), never
 * as a pointer, so that the same registry is valid in every copy of the
 * scenario (jz_scenario_copy lays the block out identically).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/uncertain.h"

static char *dup_text(const char *t)
{
    size_t n = strlen(t ? t : "") + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, t ? t : "", n);
    return d;
}

/* FNV-1a: the stream key of an input is a function of its path only. */
static unsigned long long path_hash(const char *p)
{
    unsigned long long h = 1469598103934665603ULL;
    for (; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    return h;
}

int jz_unc_find(const jz_scenario *s, const char *path)
{
    for (int i = 0; i < s->n_uncertain; i++)
        if (strcmp(s->uncertain[i].path, path) == 0)
            return i;
    return -1;
}

static int oom(jz_error *err)
{
    return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
}

/* Where p lies in s: a target with n = 1, stride 1, op SET; 0 when p is
 * none of the places a target can be. */
static int locate(const jz_scenario *s, const double *p, jz_unc_target *t)
{
    memset(t, 0, sizeof *t);
    t->n = 1;
    t->stride = 1;
    uintptr_t a = (uintptr_t)p;
    if (a >= (uintptr_t)s->block && a < (uintptr_t)(s->block + s->block_len)) {
        t->kind = JZ_TGT_BLOCK;
        t->offset = (size_t)(p - s->block);
        return 1;
    }
    int H = s->meta.horizon;
    for (int g = 0; g < s->n_gemeenten; g++) {
        const jz_gemeente *gm = &s->gemeenten[g];
        for (int i = 0; i < gm->n_fixed; i++) {
            const double *b = gm->fixed[i].amount;
            if (a >= (uintptr_t)b && a < (uintptr_t)(b + 3 * H) && (p - b) % H == 0) {
                t->kind = JZ_TGT_FIXED;
                t->g = g;
                t->index = i;
                t->field = (int)((p - b) / H);
                return 1;
            }
        }
        for (int i = 0; i < gm->n_external; i++) {
            const double *b = gm->external[i].client_years;
            if (a >= (uintptr_t)b && a < (uintptr_t)(b + 3 * H) && (p - b) % H == 0) {
                t->kind = JZ_TGT_EXTERNAL;
                t->g = g;
                t->index = i;
                t->field = (int)((p - b) / H);
                return 1;
            }
        }
    }
    size_t nc = (size_t)s->n_gemeenten * (size_t)s->n_zorgsoorten;
    if (a >= (uintptr_t)s->cells && a < (uintptr_t)(s->cells + nc)) {
        size_t c = (a - (uintptr_t)s->cells) / sizeof *s->cells;
        if (p == &s->cells[c].start) {
            t->kind = JZ_TGT_START;
            t->index = (int)c;
            return 1;
        }
    }
    return 0;
}

/* A target of a whole series by year (n = H) writes the projected years
 * only: the realised years, the base year the reports mark R, keep the
 * point value (the jaarrekening) in every draw and sensitivity point.  The
 * one place where the loader decides which years a draw reaches; a start
 * (n = 1, no year) is left as it is. */
static void projected_years(const jz_scenario *s, jz_unc_target *t)
{
    const int H = s->meta.horizon;
    if (t->kind == JZ_TGT_START || t->first != 0 || t->n != H)
        return;
    t->first = jz_unc_realised(s);
    t->n = H - t->first;
}

int jz_unc_realised(const jz_scenario *s)
{
    return s->meta.horizon < JZ_UNC_REALISED ? s->meta.horizon : JZ_UNC_REALISED;
}

int jz_input_realised_years(const jz_scenario *s, const char *path)
{
    int i = jz_unc_find(s, path);
    if (i >= 0) { /* as the loader's targets keep them (all alike: one input, one kind of value) */
        const jz_uncertain *u = &s->uncertain[i];
        return u->n_targets > 0 ? u->targets[0].first : 0;
    }
    const jz_input *in = jz_input_find(s, path);
    return in && in->series ? jz_unc_realised(s) : 0;
}

static int push_target(jz_uncertain *u, const jz_unc_target *t, jz_error *err)
{
    jz_unc_target *nt = realloc(u->targets, (size_t)(u->n_targets + 1) * sizeof *nt);
    if (!nt)
        return oom(err);
    u->targets = nt;
    u->targets[u->n_targets++] = *t;
    return JZ_OK;
}

/* The sensitivity range and the break-even search range of an input. */
static void ranges(jz_uncertain *u)
{
    const jz_dist *d = &u->dist;
    if (d->kind == JZ_DIST_NONE) {
        u->range_low = u->search_low = d->low;
        u->range_high = u->search_high = d->high;
        return;
    }
    u->range_low = jz_dist_quantile(d, 0.05);
    u->range_high = jz_dist_quantile(d, 0.95);
    u->search_low = isinf(d->low) ? jz_dist_quantile(d, 0.001) : d->low;
    u->search_high = isinf(d->high) ? jz_dist_quantile(d, 0.999) : d->high;
    if (jz_dist_is_fixed(d))
        u->range_low = u->range_high = u->search_low = u->search_high = d->point;
}

int jz_unc_series(jz_scenario *s, const jz_node *n, jz_unit u, const char *path,
                  int H, double *out, int *index, jz_error *err)
{
    int i = jz_unc_find(s, path), rc;
    if (i < 0) {
        /* first time: parse (a zorgsoort-level value comes back once per gemeente) */
        jz_dist d;
        if ((rc = jz_unc_parse(s, n, u, path, &d, err)))
            return rc;
        jz_uncertain *nu = realloc(s->uncertain, (size_t)(s->n_uncertain + 1) * sizeof *nu);
        if (!nu)
            return oom(err);
        s->uncertain = nu;
        jz_uncertain *x = &s->uncertain[s->n_uncertain];
        memset(x, 0, sizeof *x);
        s->n_uncertain++; /* counted before the strings so that free() sees them */
        x->path = dup_text(path);
        x->file = dup_text(n->file);
        if (!x->path || !x->file)
            return oom(err);
        x->line = n->line;
        x->column = n->column;
        snprintf(x->unit, sizeof x->unit, "%s", jz_unit_name(u));
        x->dist = d;
        x->stream = path_hash(path);
        ranges(x);
        i = s->n_uncertain - 1;
    }
    jz_uncertain *x = &s->uncertain[i];
    for (int y = 0; y < H; y++)
        out[y] = x->dist.point;
    *index = i;
    jz_unc_target t;
    if (!locate(s, out, &t))
        return JZ_OK; /* the caller adds the target, or jz_unc_finish rejects it */
    t.n = t.kind == JZ_TGT_START ? 1 : H;
    projected_years(s, &t);
    return push_target(x, &t, err);
}

int jz_unc_add_target(jz_scenario *s, int index, double *p, int n, int stride, int op,
                      jz_error *err)
{
    jz_uncertain *x = &s->uncertain[index];
    jz_unc_target t;
    if (!locate(s, p, &t))
        return jz_error_set(err, JZ_ERUNTIME, x->file, x->line, x->column,
                            "%s: internal error: target outside the scenario", x->path);
    if (op == JZ_TGT_SCALE && !(x->dist.point != 0.0))
        return jz_error_set(err, JZ_EINPUT, x->file, x->line, x->column,
                            "%s: this value is one factor of a product (cost = tariff x units_per_year), "
                            "so its point value must not be 0 when it is uncertain", x->path);
    t.n = n;
    t.stride = stride;
    t.op = op;
    projected_years(s, &t);
    return push_target(x, &t, err);
}

static int same_place(const jz_unc_target *a, const jz_unc_target *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind == JZ_TGT_BLOCK)
        return a->offset == b->offset;
    return a->g == b->g && a->index == b->index && a->field == b->field;
}

int jz_unc_follow(jz_scenario *s, const double *from, double *to, int n, jz_error *err)
{
    jz_unc_target f, t;
    if (!locate(s, from, &f) || !locate(s, to, &t))
        return JZ_OK;
    for (int i = 0; i < s->n_uncertain; i++) {
        jz_uncertain *x = &s->uncertain[i];
        int nt = x->n_targets;
        for (int k = 0; k < nt; k++) {
            const jz_unc_target *o = &x->targets[k];
            if (o->first + o->n == n && o->stride == 1 && same_place(o, &f)) {
                jz_unc_target c = t; /* the same years of the copy as of the original */
                c.first = o->first;
                c.n = o->n;
                c.op = o->op;
                int rc = push_target(x, &c, err);
                if (rc)
                    return rc;
                break;
            }
        }
    }
    return JZ_OK;
}

void jz_unc_free_all(jz_scenario *s)
{
    for (int i = 0; i < s->n_uncertain; i++) {
        free(s->uncertain[i].path);
        free(s->uncertain[i].file);
        free(s->uncertain[i].targets);
    }
    free(s->uncertain);
    s->uncertain = NULL;
    s->n_uncertain = 0;
    if (s->copula) {
        free(s->copula->input);
        free(s->copula->rho);
        free(s->copula->chol);
        free(s->copula);
        s->copula = NULL;
    }
}

int jz_unc_copy_all(jz_scenario *dst, const jz_scenario *src)
{
    if (src->n_uncertain > 0) {
        dst->uncertain = calloc((size_t)src->n_uncertain, sizeof *dst->uncertain);
        if (!dst->uncertain)
            return JZ_ENOMEM;
        for (int i = 0; i < src->n_uncertain; i++) {
            const jz_uncertain *o = &src->uncertain[i];
            jz_uncertain *d = &dst->uncertain[i];
            *d = *o;
            d->path = NULL;
            d->file = NULL;
            d->targets = NULL;
            dst->n_uncertain = i + 1;
            d->path = dup_text(o->path);
            d->file = dup_text(o->file);
            d->targets = malloc((size_t)(o->n_targets ? o->n_targets : 1) * sizeof *d->targets);
            if (!d->path || !d->file || !d->targets)
                return JZ_ENOMEM;
            memcpy(d->targets, o->targets, (size_t)o->n_targets * sizeof *d->targets);
        }
    }
    if (src->copula) {
        const jz_unc_copula *o = src->copula;
        jz_unc_copula *c = calloc(1, sizeof *c);
        if (!c)
            return JZ_ENOMEM;
        dst->copula = c;
        size_t nn = (size_t)o->n * (size_t)o->n;
        c->input = malloc((size_t)o->n * sizeof *c->input);
        c->rho = malloc(nn * sizeof *c->rho);
        c->chol = malloc(nn * sizeof *c->chol);
        if (!c->input || !c->rho || !c->chol)
            return JZ_ENOMEM;
        c->n = o->n;
        memcpy(c->input, o->input, (size_t)o->n * sizeof *c->input);
        memcpy(c->rho, o->rho, nn * sizeof *c->rho);
        memcpy(c->chol, o->chol, nn * sizeof *c->chol);
    }
    return JZ_OK;
}
