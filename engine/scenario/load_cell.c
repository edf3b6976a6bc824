/*
 * load_cell.c - the values of one gemeente x zorgsoort cell (load.c's
 * second stage): instroom, cost, budget, financing, transitions, re-entry
 * and ageing, each looked up in two layers, the gemeente's `zorg.<key>` map
 * first, then the zorgsoort's own defaults.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "scenario/loader.h"
#include "scenario/measure_build.h"
#include "scenario/node.h"
#include "scenario/plausible.h"
#include "scenario/schema.h"
#include "scenario/uncertain.h"
#include "scenario/value.h"

/* ---- cells: two layers, gemeente override first --------------------------- */

typedef struct layers {
    const jz_node *m[2];   /* [0] gemeente zorg.<key> (may be NULL), [1] zorgsoort item */
    const char *prefix[2]; /* input paths of the two layers */
} layers;

/* The value of `key` from the first layer that has it; *which = layer. */
static const jz_node *lget(const layers *ly, const char *key, int *which)
{
    for (int i = 0; i < 2; i++) {
        const jz_node *v = ly->m[i] ? jz_node_get(ly->m[i], key) : NULL;
        if (v) {
            *which = i;
            return v;
        }
    }
    return NULL;
}

/* The sub-key `sub` of map key `key`, first layer that has it. */
static const jz_node *lget2(const layers *ly, const char *key, const char *sub,
                            int *which, const jz_node **parent)
{
    for (int i = 0; i < 2; i++) {
        const jz_node *m = ly->m[i] ? jz_node_get(ly->m[i], key) : NULL;
        const jz_node *v = m ? jz_node_get(m, sub) : NULL;
        if (v) {
            *which = i;
            *parent = m;
            return v;
        }
    }
    return NULL;
}

/* Zorgsoort-level inputs are recorded once (for the first gemeente),
 * gemeente-level ones every time. */
static int rec_layer(int g, int which) { return which == 0 || g == 0; }

static int cell_series(loader *L, const layers *ly, int g, const char *key, jz_unit u,
                       double *out, int required, const char *hint, const char *what)
{
    int pulse = strcmp(key, "tariff_correction") == 0; /* one-off values per year */
    int which;
    const jz_node *v = lget(ly, key, &which);
    if (!v) {
        if (required)
            return jz_node_error(L->err, ly->m[1], "%s: missing required key '%s' (%s)", what, key, hint);
        return JZ_OK;
    }
    char path[256];
    jz_concat(path, sizeof path, ly->prefix[which], ".", key, (char *)NULL);
    L->scope = ly->m[which];
    return ld_series_as(L, v, u, path, ld_source_of(ly->m[which], NULL), out, rec_layer(g, which), pulse);
}

static int cell_sub(loader *L, const layers *ly, int g, const char *key, const char *sub,
                    jz_unit u, double *out, const jz_node **found)
{
    int which;
    const jz_node *parent;
    const jz_node *v = lget2(ly, key, sub, &which, &parent);
    if (found)
        *found = v;
    if (!v)
        return JZ_OK;
    char path[256];
    jz_concat(path, sizeof path, ly->prefix[which], ".", key, ".", sub, (char *)NULL);
    L->scope = parent;
    L->outer = ly->m[which];
    return ld_series(L, v, u, path, ld_source_of(parent, ly->m[which]), out, rec_layer(g, which));
}

int ld_zorgsoort_ref(loader *L, const jz_node *n, const char *what, int *out)
{
    return jz_zorgsoort_ref(L->s, n, what, out, L->err);
}

static int load_instroom(loader *L, const layers *ly, int g, int z, jz_cell *c, const char *what)
{
    int H = L->H, which = -1, rc;
    const jz_node *level = NULL, *in = NULL;
    /* the level (absolute or per_1000) comes from the first layer that sets one */
    for (int i = 0; i < 2 && !level; i++) {
        in = ly->m[i] ? jz_node_get(ly->m[i], "instroom") : NULL;
        if (!in)
            continue;
        if (in->type == JZ_NODE_SCALAR || jz_unc_is_value(in) || ld_is_year_map(in)) {
            level = in;
        } else if ((level = jz_node_get(in, "absolute"))) {
        } else if ((level = jz_node_get(in, "per_1000"))) {
            c->instroom_per_1000 = 1;
        }
        which = i;
    }
    if (!level)
        return jz_node_error(L->err, in ? in : ly->m[1],
                             "%s: missing instroom (starts per year, e.g. instroom: 900 or instroom: {per_1000: 30})", what);
    char path[256];
    jz_concat(path, sizeof path, ly->prefix[which], ".instroom",
              level == in ? "" : c->instroom_per_1000 ? ".per_1000" : ".absolute", (char *)NULL);
    jz_unit u = c->instroom_per_1000 ? JZ_U_PER_1000 : JZ_U_COUNT;
    L->scope = level != in ? in : ly->m[which];
    L->outer = level != in ? ly->m[which] : NULL;
    if ((rc = ld_series(L, level, u, path, ld_source_of(in->type == JZ_NODE_MAP && level != in ? in : NULL, ly->m[which]),
                     c->instroom, rec_layer(g, which))))
        return rc;
    if (c->instroom_per_1000) {
        int grp = L->s->zorgsoorten[z].population;
        const jz_gemeente *gm = &L->s->gemeenten[g];
        for (int y = 0; y < H; y++)
            if (!(gm->population[grp][y] > 0.0))
                return jz_node_error(L->err, level,
                                     "%s: instroom is per 1,000 %s, but gemeenten[%s] has no population.%s for %d",
                                     what, grp == JZ_POP_YOUTH ? "youth" : "young adults", gm->code,
                                     grp == JZ_POP_YOUTH ? "youth" : "young_adults", L->base + y);
    }
    return cell_sub(L, ly, g, "instroom", "trend", JZ_U_RATE, c->instroom_trend, NULL);
}

static int load_cost(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    int which, rc;
    const jz_node *v = lget(ly, "cost", &which);
    if (!v)
        return jz_node_error(L->err, ly->m[1], "%s: missing required key 'cost' (euros per client-year, e.g. cost: 15k, or {tariff: 85, units_per_year: 120})", what);
    char path[256];
    if (v->type == JZ_NODE_MAP && jz_node_get(v, "tariff")) {
        double tariff[JZ_HORIZON_MAX], units[JZ_HORIZON_MAX];
        const char *src = ld_source_of(v, ly->m[which]);
        jz_concat(path, sizeof path, ly->prefix[which], ".cost.tariff", (char *)NULL);
        L->scope = v;
        L->outer = ly->m[which];
        if ((rc = ld_series(L, jz_node_get(v, "tariff"), JZ_U_MONEY, path, src, tariff, rec_layer(g, which))))
            return rc;
        int unc_tariff = L->unc;
        jz_concat(path, sizeof path, ly->prefix[which], ".cost.units_per_year", (char *)NULL);
        L->scope = v;
        L->outer = ly->m[which];
        if ((rc = ld_series(L, jz_node_get(v, "units_per_year"), JZ_U_FACTOR, path, src, units, rec_layer(g, which))))
            return rc;
        for (int y = 0; y < L->H; y++)
            c->cost[y] = tariff[y] * units[y];
        /* an uncertain factor scales the product */
        if (unc_tariff >= 0 && (rc = jz_unc_add_target(L->s, unc_tariff, c->cost, L->H, 1, JZ_TGT_SCALE, L->err)))
            return rc;
        if (L->unc >= 0 && (rc = jz_unc_add_target(L->s, L->unc, c->cost, L->H, 1, JZ_TGT_SCALE, L->err)))
            return rc;
        jz_concat(path, sizeof path, ly->prefix[which], ".cost", (char *)NULL);
        if (rec_layer(g, which) && jz_plaus_range(L->s, v, JZ_U_MONEY, path, c->cost, L->H))
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return JZ_OK;
    }
    jz_concat(path, sizeof path, ly->prefix[which], ".cost", (char *)NULL);
    L->scope = ly->m[which];
    return ld_series(L, v, JZ_U_MONEY, path, ld_source_of(ly->m[which], NULL), c->cost, rec_layer(g, which));
}

/* The budget comes in three forms, {volume, price}, {amount} and {nominal}.
 * The form is the gemeente's when its budget map names one (as the instroom
 * level is): the zorgsoort's keys of the other forms are then not read, so
 * that a gemeente with its own begroting (budget: {nominal: ...}) can lie over
 * a zorgsoort budgeted by volume x price.  Within the form, sub-keys still
 * merge: a gemeente's {volume} takes the zorgsoort's price. */
static int budget_form(const jz_node *b)
{
    if (jz_node_get(b, "volume") || jz_node_get(b, "price"))
        return 1;
    if (jz_node_get(b, "amount"))
        return 2;
    return jz_node_get(b, "nominal") ? 3 : 0;
}

static int load_budget(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    const jz_node *vol = NULL, *price = NULL, *amount = NULL, *nominal = NULL;
    int rc, which;
    int form = budget_form(ly->m[0] ? jz_node_get(ly->m[0], "budget") : NULL);
    /* the layers a key of each form is looked up in: both, or the gemeente's
     * alone for a form other than the one the gemeente chose */
    layers own = {{ly->m[0], NULL}, {ly->prefix[0], ly->prefix[1]}};
    const layers *split = form == 0 || form == 1 ? ly : &own;
    const layers *lamount = form == 0 || form == 2 ? ly : &own;
    const layers *lnominal = form == 0 || form == 3 ? ly : &own;
    if ((rc = cell_sub(L, split, g, "budget", "volume", JZ_U_COUNT, c->budget_volume, &vol)) ||
        (rc = cell_sub(L, split, g, "budget", "price", JZ_U_MONEY, c->budget_price, &price)) ||
        (rc = cell_sub(L, lamount, g, "budget", "amount", JZ_U_MONEY, c->budget_amount, &amount)))
        return rc;
    const jz_node *at = lget(ly, "budget", &which);
    /* the nominal begroting is read into budget_amount: look for it first
     * without reading, so that amount and nominal cannot overwrite each other */
    const jz_node *parent;
    nominal = lget2(lnominal, "budget", "nominal", &which, &parent);
    if (nominal && (amount || vol || price))
        return jz_node_error(L->err, nominal, "%s: budget is one of {nominal}, {amount} or {volume, price}, not more", what);
    if (amount && (vol || price))
        return jz_node_error(L->err, amount, "%s: budget is either {amount} or {volume, price}, not both", what);
    if (!amount && !nominal && (vol != NULL) != (price != NULL))
        return jz_node_error(L->err, at, "%s: budget needs both 'volume' (client-years) and 'price' (euros per client-year), or an 'amount'",
                             what);
    c->budget_nominal = 0;
    if (nominal) {
        if ((rc = cell_sub(L, lnominal, g, "budget", "nominal", JZ_U_MONEY, c->budget_amount, NULL)))
            return rc;
        /* the implied budget index is budget[y] / budget[base year]: it
         * needs a positive begroting in every year */
        for (int y = 0; y < L->H; y++)
            if (!(c->budget_amount[y] > 0.0))
                return jz_node_error(L->err, nominal, "%s: budget.nominal must be above 0 in every year (%d: %g); its growth is the indexation the tariff gap is measured against",
                                     what, L->base + y, c->budget_amount[y]);
        c->budget_nominal = 1;
    }
    c->has_budget = vol != NULL && price != NULL;
    c->has_budget_amount = amount != NULL || nominal != NULL;
    return JZ_OK;
}

static int load_financing(loader *L, const layers *ly, int g, jz_cell *c, const char *what)
{
    int which, rc;
    const jz_node *parent, *mode = lget2(ly, "financing", "mode", &which, &parent);
    c->financing = JZ_FIN_VOLUME;
    c->financing_from = 0;
    if (!mode)
        return JZ_OK;
    if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "volume") == 0)
        c->financing = JZ_FIN_VOLUME;
    else if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "lumpsum") == 0)
        c->financing = JZ_FIN_LUMPSUM;
    else if (mode->type == JZ_NODE_SCALAR && strcmp(mode->scalar, "population") == 0)
        c->financing = JZ_FIN_POPULATION;
    else
        return jz_node_error(L->err, mode, "%s: financing.mode must be volume, lumpsum or population", what);
    const jz_node *amount = NULL;
    if ((rc = cell_sub(L, ly, g, "financing", "amount", JZ_U_MONEY, c->financing_amount, &amount)))
        return rc;
    if (c->financing != JZ_FIN_VOLUME && !amount)
        return jz_node_error(L->err, mode, "%s: financing.mode %s needs an 'amount' (%s)", what, mode->scalar,
                             c->financing == JZ_FIN_LUMPSUM ? "euros per year" : "euros per person of the population group");
    const jz_node *from = lget2(ly, "financing", "from", &which, &parent);
    if (from) {
        long year;
        if ((rc = jz_value_int(from, L->base, 2200, "financing.from", &year, L->err)))
            return rc;
        c->financing_from = (int)(year - L->base);
    }
    return JZ_OK;
}

static int load_transitions(loader *L, const layers *ly, int g, int z, jz_cell *c)
{
    int Z = L->s->n_zorgsoorten, H = L->H, rc;
    double tmp[JZ_HORIZON_MAX];
    /* the union of the destinations of both layers; the gemeente's wins */
    for (int i = 1; i >= 0; i--) {
        const jz_node *t = ly->m[i] ? jz_node_get(ly->m[i], "transitions") : NULL;
        if (!t)
            continue;
        char what[192];
        jz_concat(what, sizeof what, ly->prefix[i], ".transitions", (char *)NULL);
        for (size_t k = 0; k < t->n; k++) {
            int w = -1;
            if ((rc = ld_zorgsoort_ref(L, t->keys[k], what, &w)))
                return rc;
            if (w == z)
                return jz_node_error(L->err, t->keys[k],
                                     "%s: a zorgsoort cannot move clients to itself; use reentry for a later return", what);
            char path[256];
            jz_concat(path, sizeof path, what, ".", t->keys[k]->scalar, (char *)NULL);
            L->scope = ly->m[i];
            if ((rc = ld_series(L, t->values[k], JZ_U_FRACTION, path, ld_source_of(t, ly->m[i]), tmp, rec_layer(g, i))))
                return rc;
            for (int y = 0; y < H; y++)
                c->transition[(size_t)y * (size_t)Z + (size_t)w] = tmp[y];
            if (L->unc >= 0 && (rc = jz_unc_add_target(L->s, L->unc, &c->transition[w], H, Z, JZ_TGT_SET, L->err)))
                return rc;
        }
    }
    return JZ_OK;
}

/* A key of reentry or ageing that is no series (delay_months, to), found
 * by lget2 in layer `which` under `parent`: recorded as a traceable input
 * like the series beside it (its path in that layer, file:line, the bron
 * and source of its map); unit a jz_unit name or "zorgsoort". */
static int record_sub(loader *L, const layers *ly, int g, int which, const jz_node *parent, const char *key,
                      const char *sub, const jz_node *v, const char *unit)
{
    if (!rec_layer(g, which))
        return JZ_OK;
    char path[256];
    jz_concat(path, sizeof path, ly->prefix[which], ".", key, ".", sub, (char *)NULL);
    return ld_record_named(L, path, v, unit, ld_source_of(parent, ly->m[which]), parent, ly->m[which]);
}

static int load_reentry_ageing(loader *L, const layers *ly, int g, int z, jz_cell *c)
{
    int which, rc;
    const jz_node *parent, *v, *found;
    c->reentry_to = z;
    c->reentry_delay = 12;
    if ((rc = cell_sub(L, ly, g, "reentry", "fraction", JZ_U_FRACTION, c->reentry, NULL)))
        return rc;
    if ((v = lget2(ly, "reentry", "delay_months", &which, &parent))) {
        long d;
        if ((rc = jz_value_int(v, 1, JZ_REENTRY_DELAY_MAX, "reentry.delay_months", &d, L->err)) ||
            (rc = record_sub(L, ly, g, which, parent, "reentry", "delay_months", v, jz_unit_name(JZ_U_MONTHS))))
            return rc;
        c->reentry_delay = (int)d;
    }
    if ((v = lget2(ly, "reentry", "to", &which, &parent)) &&
        ((rc = ld_zorgsoort_ref(L, v, "reentry.to", &c->reentry_to)) ||
         (rc = record_sub(L, ly, g, which, parent, "reentry", "to", v, "zorgsoort"))))
        return rc;

    c->ageing_to = -1;
    if ((rc = cell_sub(L, ly, g, "ageing", "rate", JZ_U_FRACTION, c->ageing_rate, &found)))
        return rc;
    for (int y = 0; found && y < L->H; y++)
        if (c->ageing_rate[y] >= 1.0)
            return jz_node_error(L->err, found, "ageing.rate must be below 100%% per year");
    if ((v = lget2(ly, "ageing", "to", &which, &parent))) {
        if ((rc = ld_zorgsoort_ref(L, v, "ageing.to", &c->ageing_to)))
            return rc;
        if (c->ageing_to == z)
            return jz_node_error(L->err, v, "ageing.to: clients turning 18 cannot move to the same zorgsoort");
        if ((rc = record_sub(L, ly, g, which, parent, "ageing", "to", v, "zorgsoort")))
            return rc;
        jz_fill(c->ageing_transfer, L->H, 1.0);
    }
    if ((rc = cell_sub(L, ly, g, "ageing", "fraction", JZ_U_FRACTION, c->ageing_transfer, &found)))
        return rc;
    if (found && c->ageing_to < 0)
        return jz_node_error(L->err, found, "ageing.fraction is given but ageing.to is not: say which zorgsoort takes over");
    return JZ_OK;
}

/* Ended care cannot be routed to more than 100%. */
static int check_routing(loader *L, const layers *ly, const jz_cell *c, const char *what)
{
    int Z = L->s->n_zorgsoorten;
    for (int y = 0; y < L->H; y++) {
        double sum = c->reentry[y];
        for (int w = 0; w < Z; w++)
            sum += c->transition[(size_t)y * (size_t)Z + (size_t)w];
        if (sum > 1.0 + 1e-12) {
            int which;
            const jz_node *at = lget(ly, "transitions", &which);
            if (!at)
                at = lget(ly, "reentry", &which);
            return jz_node_error(L->err, at,
                                 "%s: transitions and reentry add up to %.4g of ended care in %d; they may add up to at most 1 (100%%)",
                                 what, sum, L->base + y);
        }
    }
    return JZ_OK;
}

int ld_load_cell(loader *L, int g, int z, const jz_node *zitem, const jz_node *override)
{
    jz_scenario *s = L->s;
    jz_cell *c = &s->cells[(size_t)g * (size_t)s->n_zorgsoorten + (size_t)z];
    char what[256], p0[160], p1[160];
    /* one cell of ~4,000 in a national scenario: joined, not formatted */
    jz_concat(p0, sizeof p0, "gemeenten[", s->gemeenten[g].code, "].zorg.", s->zorgsoorten[z].key, (char *)NULL);
    jz_concat(p1, sizeof p1, "zorgsoorten[", s->zorgsoorten[z].key, "]", (char *)NULL);
    jz_concat(what, sizeof what, p1, " in gemeenten[", s->gemeenten[g].code, "]", (char *)NULL);
    layers ly = {{override, zitem}, {p0, p1}};
    int rc, which;
    const jz_node *v;
    if ((v = lget(&ly, "start", &which))) {
        char path[256];
        jz_concat(path, sizeof path, ly.prefix[which], ".start", (char *)NULL);
        if ((rc = jz_unc_is_value(v) ? jz_unc_series(s, v, JZ_U_COUNT, path, 1, &c->start, &L->unc, L->err)
                                     : jz_value_number(v, JZ_U_COUNT, path, &c->start, L->err)) ||
            (rec_layer(g, which) &&
             (rc = ld_record_in(L, path, v, JZ_U_COUNT, ld_source_of(ly.m[which], NULL), ly.m[which], NULL))))
            return rc;
    }
    memcpy(c->tariff_index, s->tariff_index, (size_t)L->H * sizeof(double));
    memcpy(c->tariff_correction, s->tariff_correction, (size_t)L->H * sizeof(double));
    if ((rc = load_instroom(L, &ly, g, z, c, what)) ||
        (rc = cell_series(L, &ly, g, "zorgduur", JZ_U_MONTHS, c->zorgduur, 1,
                          "mean duration of care in months, e.g. zorgduur: 9", what)) ||
        (rc = load_cost(L, &ly, g, c, what)) ||
        (rc = cell_series(L, &ly, g, "intensity_trend", JZ_U_RATE, c->intensity_trend, 0, "", what)) ||
        (rc = cell_series(L, &ly, g, "tariff_indexation", JZ_U_RATE, c->tariff_index, 0, "", what)) ||
        (rc = cell_series(L, &ly, g, "tariff_correction", JZ_U_RATE, c->tariff_correction, 0, "", what)) ||
        (rc = load_budget(L, &ly, g, c, what)) ||
        (rc = load_financing(L, &ly, g, c, what)) ||
        (rc = load_transitions(L, &ly, g, z, c)) ||
        (rc = load_reentry_ageing(L, &ly, g, z, c)))
        return rc;
    /* an uncertain global indexation also moves the cells that took it as their default */
    if ((!lget(&ly, "tariff_indexation", &which) &&
         (rc = jz_unc_follow(s, s->tariff_index, c->tariff_index, L->H, L->err))) ||
        (!lget(&ly, "tariff_correction", &which) &&
         (rc = jz_unc_follow(s, s->tariff_correction, c->tariff_correction, L->H, L->err))))
        return rc;
    return check_routing(L, &ly, c, what);
}

