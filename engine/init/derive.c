/*
 * init.c - `jzsim init`: a scenario derived from the figures a controller has.
 *
 * Template (docs/eigen-gemeente.md, scenarios/sjabloon/) -> per zorgsoort a
 * closed-form inversion of the model's steady state -> a scenario YAML with
 * every derived number commented -> loaded and run once to check that the
 * base year reproduces the given spending and unique clients.
 *
 * Steady state of one zorgsoort (docs/model.md sections 2 and 6, no
 * transitions, re-entry or ageing): with instroom A per year and zorgduur D
 * months, the stock S = A x D / 12 stays constant, client-years = S and
 * unique = S + A.  Given unique U:  A = U / (1 + D/12),  S = U - A.
 * Given S or A (or both) the rest follows from U; D = 12 S / A.  The price
 * is spending / client-years of one year of the model's own monthly chain
 * (erlang.c), which is S in the steady state and exact otherwise.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "init/derive_internal.h"
#include "model/erlang.h"
#include "scenario/value.h"

#define H_DEFAULT 5
#define TARIFF_DEFAULT 0.03
#define TOL_UNIQUE 0.005

static const char *const taakvelden[] = {"6.1", "6.71", "6.72", "6.73", "6.74", "6.81", "6.82", NULL};

typedef struct yearmap {
    int n;
    int year[JZ_HORIZON_MAX + 64];
    double value[JZ_HORIZON_MAX + 64];
    const jz_node *key[JZ_HORIZON_MAX + 64];
} yearmap;

typedef struct tzs {
    const jz_node *node;
    char key[JZ_KEY_MAX];
    char name[JZ_NAME_MAX];
    char taakveld[32];
    const jz_derive_reference *ref;
    int stages, has_stages;
    double spending, unique;
    double starts, ends, start, dur;
    int has_starts, has_ends, has_start, has_dur;
    const jz_node *n_spending, *n_unique, *n_starts, *n_ends, *n_start, *n_dur;
    yearmap begroting;
    int has_begroting;
    const jz_node *n_begroting;
    /* derived */
    double A, S, D, cy, price;
} tzs;

typedef struct tfixed {
    char name[JZ_NAME_MAX];
    double amount;
    const jz_node *n_index;
    yearmap begroting;
    int has_begroting;
} tfixed;

typedef struct tmpl {
    const char *file;
    char code[JZ_CODE_MAX];
    char name[JZ_NAME_MAX];
    double inwoners, youth, youth_growth;
    int has_inwoners, has_youth, has_youth_growth;
    int base_year, H, has_horizon;
    const jz_node *n_tariff, *n_budget_index;
    int n_zs;
    tzs *zs;
    yearmap begroting, rijks;
    int has_begroting, has_rijks;
    const jz_node *n_begroting;
    int n_fixed;
    tfixed *fixed;
    double tariff[JZ_HORIZON_MAX], bindex[JZ_HORIZON_MAX];
} tmpl;

/* ---------- small helpers ---------- */

static int keys_known(const jz_node *map, const char *const *known, const char *what, jz_error *err)
{
    for (size_t i = 0; i < map->n; i++) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            if (strcmp(map->keys[i]->scalar, *k) == 0)
                ok = 1;
        if (!ok) {
            char list[512] = "";
            for (const char *const *k = known; *k; k++) {
                strncat(list, *k, sizeof list - strlen(list) - 1);
                if (k[1])
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
            }
            return jz_node_error(err, map->keys[i], "%s: unknown key '%s' (known: %s)", what,
                                 map->keys[i]->scalar, list);
        }
    }
    return JZ_OK;
}

static int text(const jz_node *n, const char *what, char *out, size_t size, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR || !n->scalar[0])
        return jz_node_error(err, n, "%s: expected a text, got %s", what,
                             n ? jz_node_type_name(n) : "nothing");
    if (strlen(n->scalar) >= size)
        return jz_node_error(err, n, "%s: text longer than %zu characters", what, size - 1);
    snprintf(out, size, "%s", n->scalar);
    return JZ_OK;
}

static int opt_number(const jz_node *map, const char *key, jz_unit u, const char *what,
                      double *out, int *has, const jz_node **where, jz_error *err)
{
    const jz_node *n = jz_node_get(map, key);
    if (where)
        *where = n;
    *has = 0;
    if (!n)
        return JZ_OK;
    char w[400];
    snprintf(w, sizeof w, "%s.%s", what, key);
    int rc = jz_value_number(n, u, w, out, err);
    if (rc)
        return rc;
    *has = 1;
    return JZ_OK;
}

/* A map year -> euros, as in the begroting document. */
static int read_yearmap(const jz_node *n, const char *what, yearmap *m, jz_error *err)
{
    m->n = 0;
    if (!n || n->type != JZ_NODE_MAP || n->n == 0)
        return jz_node_error(err, n, "%s: expected euros per year, e.g. {2025: 22.7M, 2026: 23.3M}, got %s",
                             what, n ? jz_node_type_name(n) : "nothing");
    if (n->n > sizeof m->year / sizeof m->year[0])
        return jz_node_error(err, n, "%s: too many years", what);
    for (size_t i = 0; i < n->n; i++) {
        char w[160];
        long y;
        snprintf(w, sizeof w, "%s: year", what);
        int rc = jz_value_int(n->keys[i], 1900, 2200, w, &y, err);
        if (rc)
            return rc;
        snprintf(w, sizeof w, "%s %ld", what, y);
        double v;
        if ((rc = jz_value_number(n->values[i], JZ_U_MONEY, w, &v, err)))
            return rc;
        m->year[m->n] = (int)y;
        m->value[m->n] = v;
        m->key[m->n] = n->keys[i];
        m->n++;
    }
    return JZ_OK;
}

static int yearmap_max(const yearmap *m)
{
    int mx = 0;
    for (int i = 0; i < m->n; i++)
        if (m->year[i] > mx)
            mx = m->year[i];
    return mx;
}

static int yearmap_check(const yearmap *m, const tmpl *t, const char *what, jz_error *err)
{
    for (int i = 0; i < m->n; i++)
        if (m->year[i] < t->base_year || m->year[i] >= t->base_year + t->H)
            return jz_node_error(err, m->key[i],
                                 "%s: year %d is outside the scenario (%d-%d: basisjaar %d, horizon %d)",
                                 what, m->year[i], t->base_year, t->base_year + t->H - 1,
                                 t->base_year, t->H);
    return JZ_OK;
}

static int yearmap_get(const yearmap *m, int year, double *v)
{
    for (int i = 0; i < m->n; i++)
        if (m->year[i] == year) {
            *v = m->value[i];
            return 1;
        }
    return 0;
}

/* ---------- reading the template ---------- */

static const char *const top_keys[] = {"gemeente", "inwoners", "jeugd_0_17", "jeugd_groei", "basisjaar",
                                       "horizon", "indexatie", "zorgsoorten", "begroting",
                                       "rijksbijdrage", "vaste_lasten", "source", NULL};
static const char *const zs_keys[] = {"key", "zoals", "naam", "taakveld", "fasen", "uitgaven", "unieke_clienten",
                                      "starts", "eindes", "in_zorg_1_januari", "zorgduur",
                                      "begroting", "source", NULL};
static const char *const fixed_keys[] = {"naam", "bedrag", "indexatie", "begroting", "source", NULL};

static int read_zs(const jz_node *n, int i, tzs *z, jz_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "zorgsoorten[%d]", i + 1);
    if (!n || n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s: expected a map with key, uitgaven and unieke_clienten, got %s",
                             what, jz_node_type_name(n));
    int rc = keys_known(n, zs_keys, what, err);
    if (rc)
        return rc;
    z->node = n;
    const jz_node *k = jz_node_get(n, "key");
    if (!k)
        return jz_node_error(err, n, "%s: missing required key 'key' (e.g. key: ambulant)", what);
    if ((rc = text(k, what, z->key, sizeof z->key, err)))
        return rc;
    for (const char *c = z->key; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return jz_node_error(err, k, "%s: key '%s' may only hold a-z, 0-9 and _", what, z->key);
    snprintf(what, sizeof what, "zorgsoort %s", z->key);
    int nref;
    const jz_derive_reference *ref = jz_derive_reference_table(&nref);
    for (int r = 0; r < nref; r++)
        if (strcmp(ref[r].key, z->key) == 0)
            z->ref = &ref[r];
    /* a product group or taakveld of its own takes the defaults of a
     * zorgsoort of the reference table: zoals: ambulant */
    const jz_node *like = jz_node_get(n, "zoals");
    if (like) {
        char lk[JZ_KEY_MAX];
        if ((rc = text(like, what, lk, sizeof lk, err)))
            return rc;
        z->ref = NULL;
        for (int r = 0; r < nref; r++)
            if (strcmp(ref[r].key, lk) == 0)
                z->ref = &ref[r];
        if (!z->ref)
            return jz_node_error(err, like, "%s: zoals '%s' is not a zorgsoort of the reference table "
                                 "(wijkteam, ambulant, daghulp, pleegzorg, gezinshuis, residentieel, "
                                 "jeugdzorgplus, crisis, jeugdbescherming, jeugdreclassering, "
                                 "verlengde_jeugdzorg)", what, lk);
    }
    const jz_node *nm = jz_node_get(n, "naam");
    if (nm) {
        if ((rc = text(nm, what, z->name, sizeof z->name, err)))
            return rc;
    } else if (z->ref)
        snprintf(z->name, sizeof z->name, "%s", z->ref->name);
    else
        snprintf(z->name, sizeof z->name, "%s", z->key);
    const jz_node *tv = jz_node_get(n, "taakveld");
    if (tv) {
        if ((rc = text(tv, what, z->taakveld, sizeof z->taakveld, err)))
            return rc;
        int ok = 0;
        for (const char *const *t = taakvelden; *t; t++)
            if (strcmp(*t, z->taakveld) == 0)
                ok = 1;
        if (!ok)
            return jz_node_error(err, tv, "%s: taakveld '%s' is not an Iv3 taakveld of the jeugdzorg "
                                 "(6.1, 6.71, 6.72, 6.73, 6.74, 6.81 or 6.82)", what, z->taakveld);
    } else if (z->ref)
        snprintf(z->taakveld, sizeof z->taakveld, "%s", z->ref->taakveld);
    const jz_node *fs = jz_node_get(n, "fasen");
    if (fs) {
        long v;
        char w[200];
        snprintf(w, sizeof w, "%s.fasen", what);
        if ((rc = jz_value_int(fs, 1, JZ_STAGES_MAX, w, &v, err)))
            return rc;
        z->stages = (int)v;
        z->has_stages = 1;
    } else
        z->stages = z->ref ? z->ref->stages : 1;
    int has;
    if ((rc = opt_number(n, "uitgaven", JZ_U_MONEY, what, &z->spending, &has, &z->n_spending, err)))
        return rc;
    if (!has)
        return jz_node_error(err, n, "%s: missing required key 'uitgaven' (realised spending of the basisjaar, e.g. uitgaven: 9.8M)", what);
    if ((rc = opt_number(n, "unieke_clienten", JZ_U_COUNT, what, &z->unique, &has, &z->n_unique, err)))
        return rc;
    if (!has)
        return jz_node_error(err, n, "%s: missing required key 'unieke_clienten' (unique clients of the basisjaar, e.g. unieke_clienten: 1200)", what);
    if ((rc = opt_number(n, "starts", JZ_U_COUNT, what, &z->starts, &z->has_starts, &z->n_starts, err)) ||
        (rc = opt_number(n, "eindes", JZ_U_COUNT, what, &z->ends, &z->has_ends, &z->n_ends, err)) ||
        (rc = opt_number(n, "in_zorg_1_januari", JZ_U_COUNT, what, &z->start, &z->has_start, &z->n_start, err)) ||
        (rc = opt_number(n, "zorgduur", JZ_U_MONTHS, what, &z->dur, &z->has_dur, &z->n_dur, err)))
        return rc;
    z->n_begroting = jz_node_get(n, "begroting");
    if (z->n_begroting) {
        char w[200];
        snprintf(w, sizeof w, "%s.begroting", what);
        if ((rc = read_yearmap(z->n_begroting, w, &z->begroting, err)))
            return rc;
        z->has_begroting = 1;
    }
    return JZ_OK;
}

static int read_fixed(const jz_node *n, int i, tfixed *f, jz_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "vaste_lasten[%d]", i + 1);
    if (!n || n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s: expected a map with naam and bedrag, got %s", what,
                             jz_node_type_name(n));
    int rc = keys_known(n, fixed_keys, what, err);
    if (rc)
        return rc;
    const jz_node *nm = jz_node_get(n, "naam");
    if (!nm)
        return jz_node_error(err, n, "%s: missing required key 'naam'", what);
    if ((rc = text(nm, what, f->name, sizeof f->name, err)))
        return rc;
    int has;
    if ((rc = opt_number(n, "bedrag", JZ_U_MONEY, what, &f->amount, &has, NULL, err)))
        return rc;
    if (!has)
        return jz_node_error(err, n, "%s: missing required key 'bedrag' (euros in the basisjaar)", what);
    f->n_index = jz_node_get(n, "indexatie");
    const jz_node *b = jz_node_get(n, "begroting");
    if (b) {
        char w[200];
        snprintf(w, sizeof w, "%s.begroting", what);
        if ((rc = read_yearmap(b, w, &f->begroting, err)))
            return rc;
        f->has_begroting = 1;
    }
    return JZ_OK;
}

static int read_template(jz_arena *a, const jz_node *root, tmpl *t, jz_error *err)
{
    if (!root || root->type != JZ_NODE_MAP || root->n == 0)
        return jz_error_set(err, JZ_EINPUT, t->file, 1, 1,
                            "the template is empty: start from scenarios/sjabloon/leeg.yaml");
    int rc = keys_known(root, top_keys, "template", err);
    if (rc)
        return rc;
    const jz_node *g = jz_node_get(root, "gemeente");
    if (!g)
        return jz_node_error(err, root, "missing required key 'gemeente' ({code: GM0000, naam: ...})");
    if (g->type != JZ_NODE_MAP)
        return jz_node_error(err, g, "gemeente: expected {code: GM...., naam: ...}, got %s", jz_node_type_name(g));
    static const char *const gkeys[] = {"code", "naam", NULL};
    if ((rc = keys_known(g, gkeys, "gemeente", err)))
        return rc;
    const jz_node *c = jz_node_get(g, "code");
    if (!c)
        return jz_node_error(err, g, "gemeente: missing required key 'code' (CBS code, e.g. GM0153)");
    if ((rc = text(c, "gemeente.code", t->code, sizeof t->code, err)))
        return rc;
    if (strlen(t->code) != 6 || strncmp(t->code, "GM", 2) != 0 ||
        strspn(t->code + 2, "0123456789") != 4)
        return jz_node_error(err, c, "gemeente.code: expected a CBS code GM followed by four digits, got '%s'", t->code);
    const jz_node *nm = jz_node_get(g, "naam");
    if (!nm)
        return jz_node_error(err, g, "gemeente: missing required key 'naam'");
    if ((rc = text(nm, "gemeente.naam", t->name, sizeof t->name, err)))
        return rc;
    if ((rc = opt_number(root, "inwoners", JZ_U_COUNT, "template", &t->inwoners, &t->has_inwoners, NULL, err)) ||
        (rc = opt_number(root, "jeugd_0_17", JZ_U_COUNT, "template", &t->youth, &t->has_youth, NULL, err)) ||
        (rc = opt_number(root, "jeugd_groei", JZ_U_RATE, "template", &t->youth_growth, &t->has_youth_growth, NULL, err)))
        return rc;
    const jz_node *by = jz_node_get(root, "basisjaar");
    if (!by)
        return jz_node_error(err, root, "missing required key 'basisjaar' (the last jaarrekening year, e.g. basisjaar: 2024)");
    long v;
    if ((rc = jz_value_int(by, 1990, 2100, "basisjaar", &v, err)))
        return rc;
    t->base_year = (int)v;
    const jz_node *hz = jz_node_get(root, "horizon");
    if (hz) {
        if ((rc = jz_value_int(hz, 1, JZ_HORIZON_MAX, "horizon", &v, err)))
            return rc;
        t->H = (int)v;
        t->has_horizon = 1;
    }
    const jz_node *ix = jz_node_get(root, "indexatie");
    if (ix) {
        static const char *const ikeys[] = {"tarief", "begroting", "source", NULL};
        if (ix->type != JZ_NODE_MAP)
            return jz_node_error(err, ix, "indexatie: expected {tarief: ..., begroting: ...}, got %s", jz_node_type_name(ix));
        if ((rc = keys_known(ix, ikeys, "indexatie", err)))
            return rc;
        t->n_tariff = jz_node_get(ix, "tarief");
        t->n_budget_index = jz_node_get(ix, "begroting");
    }
    const jz_node *zl = jz_node_get(root, "zorgsoorten");
    if (!zl)
        return jz_node_error(err, root, "missing required key 'zorgsoorten' (a list with key, uitgaven and unieke_clienten)");
    if (zl->type != JZ_NODE_SEQ || zl->n == 0)
        return jz_node_error(err, zl, "zorgsoorten: expected a list of zorgsoorten, got %s", jz_node_type_name(zl));
    t->n_zs = (int)zl->n;
    t->zs = jz_arena_malloc(a, zl->n * sizeof *t->zs);
    if (!t->zs)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int i = 0; i < t->n_zs; i++) {
        if ((rc = read_zs(zl->values[i], i, &t->zs[i], err)))
            return rc;
        for (int j = 0; j < i; j++)
            if (strcmp(t->zs[j].key, t->zs[i].key) == 0)
                return jz_node_error(err, jz_node_get(zl->values[i], "key"),
                                     "zorgsoort %s: given twice (also at line %d)", t->zs[i].key,
                                     t->zs[j].node->line);
    }
    t->n_begroting = jz_node_get(root, "begroting");
    if (t->n_begroting) {
        if ((rc = read_yearmap(t->n_begroting, "begroting", &t->begroting, err)))
            return rc;
        t->has_begroting = 1;
    }
    const jz_node *rb = jz_node_get(root, "rijksbijdrage");
    if (rb) {
        if ((rc = read_yearmap(rb, "rijksbijdrage", &t->rijks, err)))
            return rc;
        t->has_rijks = 1;
    }
    const jz_node *fl = jz_node_get(root, "vaste_lasten");
    if (fl) {
        if (fl->type != JZ_NODE_SEQ)
            return jz_node_error(err, fl, "vaste_lasten: expected a list, got %s", jz_node_type_name(fl));
        t->n_fixed = (int)fl->n;
        t->fixed = jz_arena_malloc(a, (fl->n ? fl->n : 1) * sizeof *t->fixed);
        if (!t->fixed)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (int i = 0; i < t->n_fixed; i++)
            if ((rc = read_fixed(fl->values[i], i, &t->fixed[i], err)))
                return rc;
    }
    /* the horizon: given, or through the last year of the begroting */
    if (!t->has_horizon) {
        int last = t->base_year + H_DEFAULT - 1;
        int m = yearmap_max(&t->begroting);
        if (m > last)
            last = m;
        if ((m = yearmap_max(&t->rijks)) > last)
            last = m;
        for (int i = 0; i < t->n_zs; i++)
            if ((m = yearmap_max(&t->zs[i].begroting)) > last)
                last = m;
        t->H = last - t->base_year + 1;
        if (t->H > JZ_HORIZON_MAX)
            t->H = JZ_HORIZON_MAX;
    }
    if ((rc = yearmap_check(&t->begroting, t, "begroting", err)) ||
        (rc = yearmap_check(&t->rijks, t, "rijksbijdrage", err)))
        return rc;
    for (int i = 0; i < t->n_zs; i++) {
        char w[160];
        snprintf(w, sizeof w, "zorgsoort %s: begroting", t->zs[i].key);
        if ((rc = yearmap_check(&t->zs[i].begroting, t, w, err)))
            return rc;
        if (t->zs[i].has_begroting && t->has_begroting)
            return jz_node_error(err, t->zs[i].n_begroting,
                                 "zorgsoort %s: a begroting per zorgsoort and a total begroting (line %d) "
                                 "contradict each other: give one of the two",
                                 t->zs[i].key, t->n_begroting->line);
    }
    for (int i = 0; i < t->n_fixed; i++) {
        char w[200];
        snprintf(w, sizeof w, "vaste_lasten %s: begroting", t->fixed[i].name);
        if ((rc = yearmap_check(&t->fixed[i].begroting, t, w, err)))
            return rc;
    }
    /* indexation series */
    for (int y = 0; y < t->H; y++)
        t->tariff[y] = TARIFF_DEFAULT;
    if (t->n_tariff &&
        (rc = jz_value_series(t->n_tariff, JZ_U_RATE, "indexatie.tarief", t->base_year, t->H, t->tariff, err)))
        return rc;
    for (int y = 0; y < t->H; y++)
        t->bindex[y] = t->tariff[y];
    if (t->n_budget_index &&
        (rc = jz_value_series(t->n_budget_index, JZ_U_RATE, "indexatie.begroting", t->base_year, t->H, t->bindex, err)))
        return rc;
    return JZ_OK;
}

/* ---------- the derivation ---------- */

/* Client-years of one year of the model's monthly chain: k stages, D months,
 * S clients on 1 January split equally over the stages, A starts per year
 * entering uniformly (docs/model.md sections 2-3). */
double jz_derive_chain_year(int k, double D, double S, double A, double *end)
{
    jz_erlang e;
    memset(&e, 0, sizeof e);
    if (jz_erlang_step(&e, k, D, 0.0, 1.0) != 0)
        return NAN;
    double x[JZ_STAGES_MAX], nx[JZ_STAGES_MAX];
    for (int j = 0; j < k; j++)
        x[j] = S / k;
    double I = A / 12.0, cm = 0.0;
    for (int t = 0; t < 12; t++) {
        for (int i = 0; i < k; i++)
            cm += x[i] * e.W[i];
        cm += I * e.V;
        for (int j = 0; j < k; j++) {
            double v = I * e.gamma[j];
            for (int i = 0; i <= j; i++)
                v += e.phi[j - i] * x[i];
            nx[j] = v;
        }
        memcpy(x, nx, (size_t)k * sizeof x[0]);
    }
    if (end) {
        double s = 0;
        for (int j = 0; j < k; j++)
            s += x[j];
        *end = s;
    }
    return cm / 12.0;
}

static int derive_zs(tzs *z, jz_error *err)
{
    const double U = z->unique, X = z->spending;
    if (U <= 0 && X > 0)
        return jz_node_error(err, z->n_unique, "zorgsoort %s: unieke_clienten is 0 but uitgaven is %.0f: "
                             "spending without clients cannot be projected; give the number of unique clients",
                             z->key, X);
    if (U > 0 && X <= 0)
        return jz_node_error(err, z->n_spending, "zorgsoort %s: uitgaven is 0 but unieke_clienten is %.0f: "
                             "unique clients without spending; give the realised spending of the basisjaar",
                             z->key, U);
    if (U <= 0)
        return jz_node_error(err, z->n_unique, "zorgsoort %s: no clients and no spending; "
                             "leave the zorgsoort out of the template", z->key);
    if (!z->ref && !z->has_dur && !z->has_start && !z->has_starts && !z->has_ends)
        return jz_node_error(err, z->node, "zorgsoort %s is not in the reference table (docs/eigen-gemeente.md): "
                             "give zorgduur, starts or in_zorg_1_januari", z->key);
    if (z->has_start && z->has_starts) {
        if (fabs(z->start + z->starts - U) > TOL_UNIQUE * U)
            return jz_node_error(err, z->n_unique,
                                 "zorgsoort %s: unieke_clienten %.0f contradicts in_zorg_1_januari %.0f "
                                 "(line %d) + starts %.0f (line %d) = %.0f: unique clients of a year are the "
                                 "clients in care on 1 January plus the starts",
                                 z->key, U, z->start, z->n_start->line, z->starts, z->n_starts->line,
                                 z->start + z->starts);
        z->S = z->start;
        z->A = z->starts;
    } else if (z->has_start) {
        if (z->start >= U)
            return jz_node_error(err, z->n_start, "zorgsoort %s: in_zorg_1_januari %.0f must be below "
                                 "unieke_clienten %.0f (line %d): the rest are the year's starts",
                                 z->key, z->start, U, z->n_unique->line);
        z->S = z->start;
        z->A = U - z->start;
    } else if (z->has_starts) {
        if (z->starts >= U)
            return jz_node_error(err, z->n_starts, "zorgsoort %s: starts %.0f must be below "
                                 "unieke_clienten %.0f (line %d): the rest were in care on 1 January",
                                 z->key, z->starts, U, z->n_unique->line);
        z->A = z->starts;
        z->S = U - z->starts;
    } else if (z->has_ends && !z->has_dur) {
        if (z->ends >= U)
            return jz_node_error(err, z->n_ends, "zorgsoort %s: eindes %.0f must be below unieke_clienten %.0f",
                                 z->key, z->ends, U);
        z->A = z->ends; /* steady state: starts = ends */
        z->S = U - z->A;
    } else {
        double D = z->has_dur ? z->dur : z->ref->zorgduur;
        z->A = U / (1.0 + D / 12.0);
        z->S = U - z->A;
    }
    if (z->has_dur)
        z->D = z->dur;
    else if (z->has_ends && z->has_start && z->has_starts) {
        /* mean stock over the year / exits per year (Little) */
        double avg = z->S + 0.5 * (z->A - z->ends);
        if (z->ends <= 0 || avg <= 0)
            return jz_node_error(err, z->n_ends, "zorgsoort %s: eindes must be > 0 to derive a zorgduur", z->key);
        z->D = 12.0 * avg / z->ends;
    } else
        z->D = 12.0 * z->S / z->A;
    if (!(z->D > 0.05) || !(z->D < 1200))
        return jz_node_error(err, z->has_dur ? z->n_dur : z->n_unique,
                             "zorgsoort %s: the figures give a zorgduur of %.2f months, outside 0.05-1200", z->key, z->D);
    z->cy = jz_derive_chain_year(z->stages, z->D, z->S, z->A, NULL);
    if (!(z->cy > 0))
        return jz_node_error(err, z->node, "zorgsoort %s: no client-years in the basisjaar", z->key);
    z->price = X / z->cy;
    return JZ_OK;
}

/* ---------- writing the scenario ---------- */

typedef struct wout {
    FILE *f;
    char **ass;
    int n_ass, cap_ass;
    int oom;
} wout;

static void assume(wout *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void assume(wout *o, const char *fmt, ...)
{
    if (o->n_ass == o->cap_ass) {
        int cap = o->cap_ass ? 2 * o->cap_ass : 16;
        char **p = realloc(o->ass, (size_t)cap * sizeof *p);
        if (!p) {
            o->oom = 1;
            return;
        }
        o->ass = p;
        o->cap_ass = cap;
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    o->ass[o->n_ass] = strdup(buf);
    if (!o->ass[o->n_ass])
        o->oom = 1;
    else
        o->n_ass++;
}

/* A YAML double-quoted scalar: quotes, backslashes and control characters
 * escaped, so that a name from the template cannot break the scenario. */
static void qstr(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* 12345.678 -> "12.346" style for comments (Dutch thousands dots, no decimals) */
static const char *eur(char *buf, size_t n, double v)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.0f", fabs(v));
    size_t len = strlen(raw), j = 0;
    if (v < 0 && j < n - 1)
        buf[j++] = '-';
    for (size_t i = 0; i < len && j < n - 1; i++) {
        buf[j++] = raw[i];
        if ((len - i - 1) % 3 == 0 && i + 1 < len && j < n - 1)
            buf[j++] = '.';
    }
    buf[j] = '\0';
    return buf;
}

static double budget_factor(const tmpl *t, int y)
{
    double f = 1.0;
    for (int i = 1; i <= y; i++)
        f *= 1.0 + t->bindex[i];
    return f;
}

static void write_rate_series(FILE *f, const tmpl *t, const double *x)
{
    fputc('{', f);
    for (int y = 1; y < t->H; y++)
        fprintf(f, "%s%d: %.4f%%", y > 1 ? ", " : "", t->base_year + y, 100.0 * x[y]);
    if (t->H == 1)
        fprintf(f, "%d: 0%%", t->base_year);
    fputc('}', f);
}

static void write_zs(wout *o, const tmpl *t, const tzs *z, const double *bud_nominal, int bud_kind,
                     double share)
{
    FILE *f = o->f;
    char b1[64], b2[64];
    const int by = t->base_year;
    fprintf(f, "  - key: %s\n    name: ", z->key);
    qstr(f, z->name);
    fprintf(f, "\n");
    if (z->taakveld[0])
        fprintf(f, "    taakveld: \"%s\"\n", z->taakveld);
    fprintf(f, "    # opgave %d: uitgaven EUR %s, unieke clienten %.0f", by, eur(b1, sizeof b1, z->spending), z->unique);
    if (z->has_start)
        fprintf(f, ", in zorg op 1 januari %.0f", z->start);
    if (z->has_starts)
        fprintf(f, ", starts %.0f", z->starts);
    if (z->has_ends)
        fprintf(f, ", eindes %.0f", z->ends);
    if (z->has_dur)
        fprintf(f, ", zorgduur %.4g maanden", z->dur);
    fprintf(f, "\n");
    if (z->has_stages)
        fprintf(f, "    stages: %d        # opgave (fasen)\n", z->stages);
    else {
        fprintf(f, "    stages: %d        # ASSUMPTION: referentietabel (%s)\n", z->stages,
                z->ref ? z->ref->source : "geen rij: exponentieel");
        assume(o, "%s: fasen %d uit de referentietabel (vervang met 'fasen' als u de spreiding van de looptijden kent)",
               z->key, z->stages);
    }
    fprintf(f, "    population: youth\n");
    /* start */
    if (z->has_start)
        fprintf(f, "    start: %.6f    # opgave in_zorg_1_januari\n", z->S);
    else
        fprintf(f, "    start: %.6f    # = unieke clienten - instroom = %.0f - %.4f\n", z->S, z->unique, z->A);
    /* instroom: starts per year; with the number of youth given, per 1,000
     * youth so that it follows jeugd_groei (the base year is the same) */
    char how[256];
    if (z->has_starts)
        snprintf(how, sizeof how, "opgave starts");
    else if (z->has_start)
        snprintf(how, sizeof how, "unieke clienten - in zorg op 1 januari = %.0f - %.0f", z->unique, z->start);
    else if (z->has_ends && !z->has_dur)
        snprintf(how, sizeof how, "eindes (evenwicht: instroom = uitstroom)");
    else
        snprintf(how, sizeof how, "unieke clienten / (1 + zorgduur/12) = %.0f / (1 + %.4g/12) (evenwicht)",
                 z->unique, z->D);
    if (t->has_youth && t->youth > 0)
        fprintf(f, "    instroom: {per_1000: %.9f}    # = instroom / jeugd_0_17 x 1000 = %.6f / %.0f x 1000;\n"
                   "    #   instroom %d = %s; volgt daarna het aantal jeugdigen\n",
                1000.0 * z->A / t->youth, z->A, t->youth, t->base_year, how);
    else
        fprintf(f, "    instroom: %.6f    # = %s\n", z->A, how);
    /* zorgduur */
    if (z->has_dur)
        fprintf(f, "    zorgduur: %.6f    # opgave\n", z->D);
    else if (z->has_ends && z->has_start && z->has_starts)
        fprintf(f, "    zorgduur: %.6f    # = gemiddeld in zorg / eindes x 12 = (%.0f + (%.0f - %.0f)/2) / %.0f x 12 (Little)\n",
                z->D, z->S, z->A, z->ends, z->ends);
    else if (z->has_start || z->has_starts || z->has_ends)
        fprintf(f, "    zorgduur: %.6f    # = in zorg op 1 januari / starts x 12 = %.4f / %.4f x 12 (evenwicht)\n",
                z->D, z->S, z->A);
    else {
        fprintf(f, "    zorgduur: %.6f    # ASSUMPTION: referentietabel (%s)\n", z->D, z->ref->source);
        assume(o, "%s: zorgduur %.4g maanden uit de referentietabel, en daarmee de verdeling van de %.0f unieke "
                  "clienten over in zorg op 1 januari en starts (vervang met 'zorgduur', 'starts' of 'in_zorg_1_januari')",
               z->key, z->D, z->unique);
    }
    if (!z->has_start && !z->has_starts)
        assume(o, "%s: evenwicht (instroom = uitstroom in %d); geef 'starts' en 'in_zorg_1_januari' voor de werkelijke groei",
               z->key, by);
    fprintf(f, "    cost: %.4f    # = uitgaven / clientjaren %d = %s / %.4f (clientjaren: een jaar van de maandketen van het model)\n",
            z->price, by, eur(b1, sizeof b1, z->spending), z->cy);
    /* budget */
    fprintf(f, "    budget:\n      amount: {");
    for (int y = 0; y < t->H; y++) {
        double B = budget_factor(t, y);
        fprintf(f, "%s%d: %.2f", y ? ", " : "", by + y, bud_nominal[y] / B);
    }
    fprintf(f, "}\n");
    switch (bud_kind) {
    case 0:
        fprintf(f, "      # = begroting nominaal / budgetindex (prijzen %d): de loader indexeert het bedrag met\n"
                   "      #   indexation.budget, zodat de begroting per jaar weer het nominale bedrag is:", by);
        break;
    case 1:
        fprintf(f, "      # = totale begroting nominaal x aandeel in de uitgaven %d (%.2f%%) / budgetindex (prijzen %d);\n"
                   "      #   nominaal per jaar:", by, 100.0 * share, by);
        break;
    default:
        fprintf(f, "      # ASSUMPTION: geen begroting opgegeven: begroting = uitgaven %d, geindexeerd; nominaal per jaar:", by);
        break;
    }
    for (int y = 0; y < t->H; y++)
        fprintf(f, " %d %s", by + y, eur(b2, sizeof b2, bud_nominal[y]));
    fprintf(f, "\n");
}

static int write_scenario(wout *o, const tmpl *t, jz_error *err)
{
    (void)err;
    FILE *f = o->f;
    const int by = t->base_year, H = t->H;
    char b1[64];
    double total_sp = 0;
    for (int i = 0; i < t->n_zs; i++)
        total_sp += t->zs[i].spending;

    /* a comment holds one line: control characters of the name become spaces */
    char cname[JZ_NAME_MAX], cfile[1024];
    snprintf(cname, sizeof cname, "%s", t->name);
    snprintf(cfile, sizeof cfile, "%s", t->file);
    for (char *c = cname; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    for (char *c = cfile; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    fprintf(f, "# %s (%s): scenario afgeleid met 'jzsim init' uit %s.\n", cname, t->code, cfile);
    fprintf(f, "# Methode: gesloten inversie van de evenwichtstoestand van het model (docs/model.md,\n"
               "# docs/eigen-gemeente.md): unieke clienten = in zorg op 1 januari + instroom, in zorg =\n"
               "# instroom x zorgduur / 12, kosten = clientjaren x prijs.  De kalibratie (jzsim calibrate)\n"
               "# is niet gebruikt.  Elk afgeleid getal staat met zijn afleiding in het commentaar; elk\n"
               "# getal dat init moest aannemen is gemarkeerd met ASSUMPTION en zijn bron.\n");
    fprintf(f, "# Het basisjaar %d reproduceert de opgegeven uitgaven en unieke clienten per zorgsoort.\n", by);
    fprintf(f, "# Geen overstappen tussen zorgsoorten, herhaald beroep of uitstroom bij 18 jaar: elke\n"
               "# zorgsoort heeft zijn eigen instroom (ASSUMPTION; voeg transitions/reentry/ageing toe als u ze kent).\n");
    assume(o, "alle zorgsoorten: geen overstappen, herhaald beroep of uitstroom bij 18 (voeg transitions, reentry, ageing toe in de scenario-YAML)");
    if (t->has_youth && t->youth > 0)
        assume(o, "alle zorgsoorten: instroom per 1.000 jeugdigen en zorgduur blijven na %d gelijk (geen trend)", by);
    else
        assume(o, "alle zorgsoorten: instroom en zorgduur blijven na %d gelijk (geef jeugd_0_17 en jeugd_groei "
                  "om de instroom de bevolking te laten volgen)", by);
    fprintf(f, "meta:\n  name: ");
    char nm[JZ_NAME_MAX + 16];
    snprintf(nm, sizeof nm, "%s basis", t->name);
    qstr(f, nm);
    fprintf(f, "\n  description: ");
    char desc[512];
    snprintf(desc, sizeof desc, "%s vanaf %d, afgeleid met jzsim init uit de jaarrekening %d (uitgaven en unieke clienten per zorgsoort).",
             t->name, by, by);
    qstr(f, desc);
    fprintf(f, "\n  base_year: %d\n  horizon: %d\n  sources:\n", by, H);
    fprintf(f, "    - ");
    char src[1200];
    snprintf(src, sizeof src, "Opgave gemeente %s (%s): jaarrekening %d en begroting, via het sjabloon van jzsim init",
             t->name, t->code, by);
    qstr(f, src);
    fprintf(f, "\n    - \"Zorgduur en fasen per zorgsoort waar de gemeente ze niet opgaf: het Enschede-basisscenario "
               "van jzsim, gekalibreerd op Gemeente Enschede, Programmabureau Sociaal (2023), Eindrapportage "
               "analyse jeugdzorg Enschede (aannames daar gemarkeerd)\"\n");

    fprintf(f, "\nindexation:\n  tariff: ");
    write_rate_series(f, t, t->tariff);
    if (t->n_tariff)
        fprintf(f, "   # opgave indexatie.tarief\n");
    else {
        fprintf(f, "   # ASSUMPTION: 3%% per jaar (middellange-termijn loon- en prijsstijging, als het Enschede-basisscenario vanaf 2026)\n");
        assume(o, "tariefindexatie 3%% per jaar (vervang met 'indexatie: {tarief: ...}')");
    }
    fprintf(f, "  budget: ");
    write_rate_series(f, t, t->bindex);
    if (t->n_budget_index)
        fprintf(f, "   # opgave indexatie.begroting\n");
    else
        fprintf(f, "   # ASSUMPTION: gelijk aan de tariefindexatie (de begroting volgt de tarieven); hiermee is de nominale begroting omgerekend\n");
    if (!t->n_budget_index)
        assume(o, "begrotingsindexatie gelijk aan de tariefindexatie (vervang met 'indexatie: {begroting: ...}')");

    fprintf(f, "\nzorgsoorten:\n");
    int any_budget = t->has_begroting;
    for (int i = 0; i < t->n_zs; i++)
        any_budget |= t->zs[i].has_begroting;
    for (int i = 0; i < t->n_zs; i++) {
        const tzs *z = &t->zs[i];
        double nom[JZ_HORIZON_MAX];
        int kind;
        double base_budget = z->spending, v;
        if (z->has_begroting) {
            kind = 0;
            if (!yearmap_get(&z->begroting, by, &base_budget))
                base_budget = z->spending;
            double last = base_budget;
            for (int y = 0; y < H; y++) {
                if (yearmap_get(&z->begroting, by + y, &v))
                    last = v;
                else if (y > 0)
                    last = last / budget_factor(t, y - 1) * budget_factor(t, y);
                nom[y] = y == 0 ? base_budget : last;
            }
        } else if (t->has_begroting) {
            kind = 1;
            double share = z->spending / total_sp, tot = total_sp;
            if (yearmap_get(&t->begroting, by, &v))
                tot = v;
            double last = tot;
            for (int y = 0; y < H; y++) {
                if (yearmap_get(&t->begroting, by + y, &v))
                    last = v;
                else if (y > 0)
                    last = last / budget_factor(t, y - 1) * budget_factor(t, y);
                nom[y] = (y == 0 ? tot : last) * share;
            }
        } else {
            kind = 2;
            for (int y = 0; y < H; y++)
                nom[y] = z->spending * budget_factor(t, y);
        }
        write_zs(o, t, z, nom, kind, z->spending / total_sp);
    }
    if (!any_budget)
        assume(o, "begroting per jaar = uitgaven %d, geindexeerd (vervang met 'begroting: {%d: ..., %d: ...}')",
               by, by + 1, by + 2);
    else {
        int has_base = 1;
        double v0;
        if (t->has_begroting)
            has_base = yearmap_get(&t->begroting, by, &v0);
        for (int i = 0; i < t->n_zs; i++)
            if (t->zs[i].has_begroting && !yearmap_get(&t->zs[i].begroting, by, &v0))
                has_base = 0;
        if (!has_base)
            assume(o, "begroting %d (het basisjaar) = uitgaven %d: geef de begroting van het basisjaar voor het tekort van de jaarrekening",
                   by, by);
    }

    fprintf(f, "\ngemeenten:\n  - code: %s\n    name: ", t->code);
    qstr(f, t->name);
    fprintf(f, "\n");
    if (t->has_youth) {
        fprintf(f, "    population:\n      youth: {base: %.0f, growth: %.4f%%}", t->youth, 100.0 * t->youth_growth);
        if (t->has_youth_growth)
            fprintf(f, "   # opgave jeugd_0_17 en jeugd_groei\n");
        else
            fprintf(f, "   # opgave jeugd_0_17; ASSUMPTION: geen groei (geef jeugd_groei)\n");
        fprintf(f, "      source: \"opgave gemeente\"\n");
    }
    if (t->has_inwoners)
        fprintf(f, "    # inwoners %s (opgave; alleen ter informatie)\n", eur(b1, sizeof b1, t->inwoners));
    if (t->has_rijks) {
        fprintf(f, "    rijksbijdrage: {");
        for (int i = 0; i < t->rijks.n; i++)
            fprintf(f, "%s%d: %.2f", i ? ", " : "", t->rijks.year[i], t->rijks.value[i]);
        fprintf(f, "}   # opgave, nominaal\n");
    }
    if (t->n_fixed) {
        fprintf(f, "    fixed_costs:\n");
        for (int i = 0; i < t->n_fixed; i++) {
            const tfixed *x = &t->fixed[i];
            fprintf(f, "      - name: ");
            qstr(f, x->name);
            fprintf(f, "\n        amount: %.2f   # opgave bedrag %d\n", x->amount, by);
            double ix[JZ_HORIZON_MAX];
            const char *how = "ASSUMPTION: de tariefindexatie";
            memcpy(ix, t->tariff, sizeof ix);
            if (x->n_index) {
                jz_error e2;
                if (jz_value_series(x->n_index, JZ_U_RATE, "vaste_lasten.indexatie", by, H, ix, &e2) != 0) {
                    *err = e2;
                    return err->status;
                }
                how = "opgave";
            }
            fprintf(f, "        indexation: ");
            write_rate_series(f, t, ix);
            fprintf(f, "   # %s\n", how);
            if (x->has_begroting) {
                fprintf(f, "        budget: {");
                for (int k = 0; k < x->begroting.n; k++)
                    fprintf(f, "%s%d: %.2f", k ? ", " : "", x->begroting.year[k], x->begroting.value[k]);
                fprintf(f, "}   # opgave, nominaal\n");
            }
        }
    }
    return JZ_OK;
}

/* ---------- the whole ---------- */

static void result_free_partial(jz_derive_result *r)
{
    if (!r)
        return;
    free(r->yaml);
    for (int i = 0; i < r->n_assumptions; i++)
        free(r->assumptions[i]);
    free(r->assumptions);
    free(r->checks);
    for (int i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r);
}

void jz_derive_result_free(jz_derive_result *r)
{
    result_free_partial(r);
}

static int check_run(const tmpl *t, jz_derive_result *res, jz_error *err)
{
    char name[1100];
    snprintf(name, sizeof name, "%s (init)", t->file);
    jz_scenario *s = jz_scenario_load_string(res->yaml, res->yaml_len, name, NULL, err);
    if (!s) {
        /* the loader rejects the derived scenario: an implausible figure of
         * the template (plausibility errors), named by its zorgsoort */
        if (err->status == JZ_EINPUT) {
            char msg[JZ_ERR_MSG_MAX];
            snprintf(msg, sizeof msg, "%s", err->message);
            jz_error_set(err, JZ_EINPUT, t->file, 0, 0,
                         "the figures give a scenario the loader rejects (line %d of the derived scenario): %s",
                         err->line, msg);
        }
        return err->status;
    }
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    int rc = (w && r) ? jz_model_run(s, w, r, err)
                      : jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == JZ_OK && s->n_warnings > 0) {
        res->warnings = calloc((size_t)s->n_warnings, sizeof *res->warnings);
        if (!res->warnings)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (int i = 0; rc == JZ_OK && i < s->n_warnings; i++) {
            if (!(res->warnings[i] = strdup(s->warnings[i])))
                rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            else
                res->n_warnings++;
        }
    }
    if (rc == JZ_OK) {
        res->checks = calloc((size_t)t->n_zs, sizeof *res->checks);
        if (!res->checks)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (rc == JZ_OK) {
        res->n_checks = t->n_zs;
        res->max_rel_diff = 0;
        for (int i = 0; i < t->n_zs; i++) {
            jz_derive_check *c = &res->checks[i];
            int z = jz_scenario_zorgsoort_index(s, t->zs[i].key);
            snprintf(c->key, sizeof c->key, "%s", t->zs[i].key);
            c->spending_given = t->zs[i].spending;
            c->unique_given = t->zs[i].unique;
            c->spending_model = r->cost[jz_result_cz(r, 0, z, 0)];
            c->unique_model = r->unique[jz_result_cz(r, 0, z, 0)];
            double d1 = fabs(c->spending_model / c->spending_given - 1);
            double d2 = fabs(c->unique_model / c->unique_given - 1);
            if (d1 > res->max_rel_diff)
                res->max_rel_diff = d1;
            if (d2 > res->max_rel_diff)
                res->max_rel_diff = d2;
        }
    }
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
    return rc;
}

int jz_derive_from_string(const char *textp, size_t len, const char *name,
                        jz_derive_result **outp, jz_error *err)
{
    jz_error_clear(err);
    *outp = NULL;
    jz_arena *a = jz_arena_alloc();
    if (!a)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    jz_load_options lo;
    jz_load_options_default(&lo);
    jz_yaml_limits lim = {lo.max_file_bytes, lo.max_nodes};
    tmpl t;
    memset(&t, 0, sizeof t);
    t.file = name;
    int rc = JZ_OK;
    jz_node *root = jz_yaml_parse(a, textp, len, name, &lim, err);
    if (!root)
        rc = err->status ? err->status : JZ_EINPUT;
    if (!rc)
        rc = read_template(a, root, &t, err);
    for (int i = 0; !rc && i < t.n_zs; i++)
        rc = derive_zs(&t.zs[i], err);
    jz_derive_result *res = NULL;
    wout o = {0};
    char *buf = NULL;
    size_t blen = 0;
    if (!rc) {
        o.f = open_memstream(&buf, &blen);
        if (!o.f)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        rc = write_scenario(&o, &t, err);
        if (fclose(o.f) != 0 && !rc)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        if (o.oom && !rc)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        res = calloc(1, sizeof *res);
        if (!res)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        res->yaml = buf;
        res->yaml_len = blen;
        buf = NULL;
        res->assumptions = o.ass;
        res->n_assumptions = o.n_ass;
        o.ass = NULL;
        o.n_ass = 0;
        rc = check_run(&t, res, err);
    }
    free(buf);
    for (int i = 0; i < o.n_ass; i++)
        free(o.ass[i]);
    free(o.ass);
    jz_arena_free(a);
    if (rc) {
        result_free_partial(res);
        return rc;
    }
    *outp = res;
    return JZ_OK;
}

int jz_derive_from_file(const char *path, jz_derive_result **out, jz_error *err)
{
    jz_error_clear(err);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the template");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            cap = cap ? 2 * cap : 16384;
            if (cap > (size_t)64 << 20) {
                free(buf);
                fclose(f);
                return jz_error_set(err, JZ_EINPUT, path, 0, 0, "the template is larger than 64 MiB");
            }
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            }
            buf = p;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the template");
    }
    int rc = jz_derive_from_string(buf ? buf : "", len, path, out, err);
    free(buf);
    return rc;
}
