/*
 * load_ha.c - a Hervormingsagenda row of the `measures:` list: its saving per
 * year (direct, or national x share), realisation, certain part, baseline
 * year, cause and zorgsoort shares (docs/scenario-format.md "measures").
 *
 * Hervormingsagenda amounts may be negative (B3 and B17 in Tabel 3.3a are
 * extra costs), while value.c reads money as >= 0.  signed_series() reads
 * a series as its positive part minus its negative part, each read by
 * jz_value_series; step and linear interpolation and {base, growth} are
 * linear in the values, so the difference is the series of the signed
 * values.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/build.h"
#include "scenario/measure_build.h"
#include "scenario/value.h"
#include "scenario/measure_loader.h"

static const char *unsigned_text(const char *t, int *neg)
{
    while (isspace((unsigned char)*t))
        t++;
    const char *p = t;
    if (strncmp(p, "\xe2\x82\xac", 3) == 0) { /* € */
        p += 3;
        while (isspace((unsigned char)*p))
            p++;
    }
    *neg = *p == '-';
    return *neg ? p + 1 : t;
}

/* A series of euros that may be negative (see the top of the file). */
static int signed_series(jz_scenario *warn, const jz_node *n, const char *what, int base, int H, double *out,
                         jz_error *err)
{
    if (n && n->type == JZ_NODE_SCALAR) {
        int neg;
        jz_node t = *n;
        t.scalar = unsigned_text(n->scalar, &neg);
        int rc = jz_value_series(warn, &t, JZ_U_MONEY, what, base, H, out, err);
        for (int y = 0; rc == JZ_OK && neg && y < H; y++)
            out[y] = -out[y];
        return rc;
    }
    if (!n || n->type != JZ_NODE_MAP || n->n == 0)
        return jz_value_series(warn, n, JZ_U_MONEY, what, base, H, out, err); /* its message */
    size_t k = n->n;
    jz_node *copy = calloc(2 * k, sizeof *copy);
    jz_node **vals = calloc(2 * k, sizeof *vals);
    double *neg_part = calloc((size_t)H, sizeof *neg_part);
    if (!copy || !vals || !neg_part) {
        free(copy);
        free(vals);
        free(neg_part);
        return ml_oom(err);
    }
    jz_node pos = *n, negm = *n;
    pos.values = vals;
    negm.values = vals + k;
    for (size_t i = 0; i < k; i++) {
        const char *key = n->keys[i]->scalar;
        jz_node *v = n->values[i];
        if (strcmp(key, "interpolation") == 0 || strcmp(key, "growth") == 0 ||
            v->type != JZ_NODE_SCALAR) {
            vals[i] = vals[k + i] = v; /* not an amount (or an error value.c reports) */
            continue;
        }
        int neg;
        const char *abs_text = unsigned_text(v->scalar, &neg);
        copy[i] = *v;
        copy[k + i] = *v;
        copy[i].scalar = neg ? "0" : v->scalar;
        copy[k + i].scalar = neg ? abs_text : "0";
        vals[i] = &copy[i];
        vals[k + i] = &copy[k + i];
    }
    int rc = jz_value_series(warn, &pos, JZ_U_MONEY, what, base, H, out, err);
    if (rc == JZ_OK)
        rc = jz_value_series(NULL, &negm, JZ_U_MONEY, what, base, H, neg_part, err);
    for (int y = 0; rc == JZ_OK && y < H; y++)
        out[y] -= neg_part[y];
    free(copy);
    free(vals);
    free(neg_part);
    return rc;
}


static int count_gemeenten(const jz_scenario *s, const jz_measure *m, int *only)
{
    int n = 0;
    for (int g = 0; g < s->n_gemeenten; g++)
        if (m->gemeente[g]) {
            *only = g;
            n++;
        }
    return n;
}

/* share per gemeente of a national amount, into share[G*H] */
static int load_share(mloader *L, jz_measure *m, const jz_node *item, double *share)
{
    jz_scenario *s = L->s;
    int G = s->n_gemeenten, H = L->H, one = -1, rc;
    int n = count_gemeenten(s, m, &one);
    const jz_node *sh = jz_node_get(item, "share"), *ny = jz_node_get(item, "national_youth");
    char what[160];
    if (sh && ny)
        return jz_node_error(L->err, ny, "measures[%s]: give either share or national_youth, not both",
                             L->key);
    if (!sh && !ny)
        return jz_node_error(L->err, jz_node_get(item, "national"),
                             "measures[%s]: a national amount needs the gemeente's share: share: 0.97%%, "
                             "share: {GM0153: 0.97%%, ...}, or national_youth (the national number of "
                             "youth 0-17, to take the share from the population)", L->key);
    if (sh && sh->type == JZ_NODE_SCALAR) {
        if (n != 1)
            return jz_node_error(L->err, sh,
                                 "measures[%s]: one share for %d gemeenten is ambiguous; give it per "
                                 "gemeente, share: {%s: ..., ...}, or national_youth", L->key, n,
                                 s->gemeenten[one].code);
        double v;
        ml_path(L, "share", what, sizeof what);
        if ((rc = jz_value_number(sh, JZ_U_FRACTION, what, &v, L->err)))
            return rc;
        jz_fill(share + (size_t)one * (size_t)H, H, v);
        return ml_record(L, "share", sh, "fraction");
    }
    if (sh) {
        if (sh->type != JZ_NODE_MAP)
            return jz_node_error(L->err, sh, "measures[%s].share: expected a fraction or a map "
                                 "{GM0153: 0.97%%, ...}, got %s", L->key, jz_node_type_name(sh));
        unsigned char *seen = calloc((size_t)G, 1);
        if (!seen)
            return ml_oom(L->err);
        rc = JZ_OK;
        for (size_t i = 0; i < sh->n && rc == JZ_OK; i++) {
            const jz_node *k = sh->keys[i];
            int g = -1;
            double v;
            ml_path(L, "share", what, sizeof what);
            if ((rc = ml_gemeente_ref(L, k, what, &g)))
                break;
            snprintf(what, sizeof what, "measures[%s].share.%s", L->key, k->scalar);
            if (!m->gemeente[g])
                rc = jz_node_error(L->err, k, "measures[%s].share: the measure does not apply to "
                                   "gemeente '%s' (see gemeenten)", L->key, k->scalar);
            else if ((rc = jz_value_number(sh->values[i], JZ_U_FRACTION, what, &v, L->err)) == JZ_OK) {
                jz_fill(share + (size_t)g * (size_t)H, H, v);
                seen[g] = 1;
            }
        }
        for (int g = 0; g < G && rc == JZ_OK; g++)
            if (m->gemeente[g] && !seen[g])
                rc = jz_node_error(L->err, sh, "measures[%s].share: no share for gemeente %s",
                                   L->key, s->gemeenten[g].code);
        free(seen);
        return rc ? rc : ml_record(L, "share", sh, "fraction");
    }
    double *nat = calloc((size_t)H, sizeof *nat);
    if (!nat)
        return ml_oom(L->err);
    ml_path(L, "national_youth", what, sizeof what);
    rc = jz_value_series(L->s, ny, JZ_U_COUNT, what, L->base, H, nat, L->err);
    for (int y = 0; rc == JZ_OK && y < H; y++)
        if (!(nat[y] > 0.0))
            rc = jz_node_error(L->err, ny, "measures[%s]: national_youth must be > 0 in every year, "
                               "got %g in %d", L->key, nat[y], L->base + y);
    for (int g = 0; g < G && rc == JZ_OK; g++) {
        if (!m->gemeente[g])
            continue;
        const double *pop = s->gemeenten[g].population[JZ_POP_YOUTH];
        for (int y = 0; y < H && rc == JZ_OK; y++) {
            if (!(pop[y] > 0.0))
                rc = jz_node_error(L->err, ny, "measures[%s]: the share is taken from the youth "
                                   "population, but gemeente %s has no population.youth for %d",
                                   L->key, s->gemeenten[g].code, L->base + y);
            share[(size_t)g * (size_t)H + (size_t)y] = pop[y] / nat[y];
        }
    }
    free(nat);
    return rc ? rc : ml_record(L, "national_youth", ny, "persons");
}

/* Hervormingsagenda `zorgsoorten: {key: share, ...}`: the shares of the
 * saving per zorgsoort, each 0..1, together 1. */
static int load_ha_shares(mloader *L, jz_measure *m, const jz_node *n)
{
    int Z = L->s->n_zorgsoorten, rc;
    if (n->type != JZ_NODE_MAP || n->n == 0)
        return jz_node_error(L->err, n, "measures[%s].zorgsoorten: expected the zorgsoorten with "
                             "their shares of the saving, e.g. {ambulant: 60%%, verblijf: 40%%}", L->key);
    memset(m->ha_share, 0, (size_t)Z * sizeof *m->ha_share);
    double sum = 0.0;
    char what[160];
    for (size_t k = 0; k < n->n; k++) {
        int z = -1;
        if ((rc = ml_zorgsoort_ref(L, n->keys[k], ml_path(L, "zorgsoorten", what, sizeof what), &z)))
            return rc;
        snprintf(what, sizeof what, "measures[%s].zorgsoorten.%s", L->key, n->keys[k]->scalar);
        double v;
        if ((rc = jz_value_number(n->values[k], JZ_U_FRACTION, what, &v, L->err)))
            return rc;
        m->ha_share[z] += v;
        sum += v;
    }
    if (fabs(sum - 1.0) > 1e-6)
        return jz_node_error(L->err, n, "measures[%s]: the shares in zorgsoorten add up to %.6g%%; "
                             "they must add up to 100%%", L->key, sum * 100.0);
    m->has_ha_share = 1;
    return ml_record(L, "zorgsoorten", n, "fraction");
}

int ml_load_ha(mloader *L, jz_measure *m, const jz_node *item)
{
    jz_scenario *s = L->s;
    int G = s->n_gemeenten, H = L->H, rc, one = -1;
    const jz_node *sv = jz_node_get(item, "saving"), *nat = jz_node_get(item, "national");
    char what[160];
    if (sv && nat)
        return jz_node_error(L->err, nat, "measures[%s]: give either saving (euros for the gemeente) "
                             "or national with a share, not both", L->key);
    if (!sv && !nat)
        return jz_node_error(L->err, item, "measures[%s]: missing the saving: saving: {2023: 780k, ...} "
                             "(euros per year for the gemeente) or national: {...} with share", L->key);
    if (sv && (jz_node_get(item, "share") || jz_node_get(item, "national_youth")))
        return jz_node_error(L->err, jz_node_get(item, "share") ? jz_node_get(item, "share")
                                                                : jz_node_get(item, "national_youth"),
                             "measures[%s]: share and national_youth translate a national amount; "
                             "with saving the amount is already the gemeente's", L->key);
    double *tmp = calloc((size_t)H * (size_t)(G + 1), sizeof *tmp);
    if (!tmp)
        return ml_oom(L->err);
    double *amount = tmp, *share = tmp + H;
    if (sv) {
        int n = count_gemeenten(s, m, &one);
        ml_path(L, "saving", what, sizeof what);
        if (n != 1)
            rc = jz_node_error(L->err, sv, "measures[%s]: saving is an amount for one gemeente, but "
                               "the measure applies to %d; name it (gemeenten: [%s]) or give a national "
                               "amount with a share per gemeente", L->key, n, s->gemeenten[one].code);
        else if ((rc = signed_series(L->s, sv, what, L->base, H, amount, L->err)) == JZ_OK)
            rc = ml_record(L, "saving", sv, "euros");
        if (rc == JZ_OK)
            memcpy(m->saving + (size_t)one * (size_t)H, amount, (size_t)H * sizeof *amount);
    } else {
        ml_path(L, "national", what, sizeof what);
        if ((rc = signed_series(L->s, nat, what, L->base, H, amount, L->err)) == JZ_OK &&
            (rc = ml_record(L, "national", nat, "euros")) == JZ_OK &&
            (rc = load_share(L, m, item, share)) == JZ_OK)
            for (int g = 0; g < G; g++)
                for (int y = 0; y < H; y++)
                    m->saving[(size_t)g * (size_t)H + (size_t)y] =
                        m->gemeente[g] ? amount[y] * share[(size_t)g * (size_t)H + (size_t)y] : 0.0;
    }
    free(tmp);
    if (rc || (rc = ml_series(L, item, "realisation", JZ_U_FRACTION, m->realisation)))
        return rc;

    const jz_node *b = jz_node_get(item, "in_baseline");
    if (b) {
        if (b->type == JZ_NODE_SCALAR && (strcmp(b->scalar, "true") == 0 || strcmp(b->scalar, "yes") == 0))
            m->in_baseline = JZ_BASELINE_ALL;
        else if (b->type == JZ_NODE_SCALAR && (strcmp(b->scalar, "false") == 0 || strcmp(b->scalar, "no") == 0))
            m->in_baseline = JZ_BASELINE_NONE;
        else {
            long year;
            snprintf(what, sizeof what, "measures[%s].in_baseline (true, false, or a year of the projection)",
                     L->key);
            if ((rc = jz_value_int(b, L->base, L->base + H - 1, what, &year, L->err)))
                return rc;
            m->in_baseline = JZ_BASELINE_YEAR;
            m->baseline_year = (int)year;
        }
        if ((rc = ml_record(L, "in_baseline", b, "")))
            return rc;
    }
    const jz_node *c = jz_node_get(item, "cause");
    if (c) {
        if (c->type == JZ_NODE_SCALAR && strcmp(c->scalar, "volume") == 0)
            m->cause = JZ_CAUSE_VOLUME;
        else if (c->type == JZ_NODE_SCALAR && strcmp(c->scalar, "intensity") == 0)
            m->cause = JZ_CAUSE_INTENSITY;
        else
            return jz_node_error(L->err, c, "measures[%s]: cause must be 'volume' (fewer or shorter "
                                 "trajectories) or 'intensity' (cheaper care, less overhead)", L->key);
        if ((rc = ml_record(L, "cause", c, "")))
            return rc;
    }
    const jz_node *zs = jz_node_get(item, "zorgsoorten");
    return zs ? load_ha_shares(L, m, zs) : JZ_OK;
}

/* ---- local ------------------------------------------------------------------ */

