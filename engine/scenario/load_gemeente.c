/*
 * load_gemeente.c - one gemeente of a scenario: its head (code, name,
 * population), its fixed cost lines and external shifts, and its cells
 * (load_cell.c).
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
#include "jzsim/history.h" /* jz_region_code (issue 15) */

/* ---- gemeenten ----------------------------------------------------------- */

static int load_fixed(loader *L, int g, const jz_node *list)
{
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(L->err, list, "fixed_costs: expected a list of cost lines, got %s",
                             jz_node_type_name(list));
    jz_gemeente *gm = &L->s->gemeenten[g];
    for (size_t i = 0; i < list->n; i++) {
        const jz_node *it = list->values[i];
        int rc = jz_schema_check(it, jz_keys_fixed, "fixed_costs item", L->err);
        if (rc)
            return rc;
        const jz_node *name = jz_node_get(it, "name");
        if (name->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, name, "fixed_costs name: expected a text");
        jz_fixed_cost *f = jz_scenario_add_fixed(L->s, g, name->scalar);
        if (!f)
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        char path[256];
        const char *src = ld_source_of(it, NULL);
        jz_concat(path, sizeof path, "gemeenten[", gm->code, "].fixed_costs[", name->scalar, "].amount", (char *)NULL);
        L->scope = it;
        if ((rc = ld_series(L, jz_node_get(it, "amount"), JZ_U_MONEY, path, src, f->amount, 1)))
            return rc;
        const jz_node *v;
        if ((v = jz_node_get(it, "indexation"))) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].fixed_costs[", name->scalar, "].indexation", (char *)NULL);
            L->scope = it;
            if ((rc = ld_series(L, v, JZ_U_RATE, path, src, f->indexation, 1)))
                return rc;
        }
        if ((v = jz_node_get(it, "budget"))) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].fixed_costs[", name->scalar, "].budget", (char *)NULL);
            L->scope = it;
            if ((rc = ld_series(L, v, JZ_U_MONEY, path, src, f->budget, 1)))
                return rc;
            f->has_budget = 1;
        }
        if ((v = jz_node_get(it, "taakveld"))) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].fixed_costs[", name->scalar, "]", (char *)NULL);
            if ((rc = ld_taakveld(v, path, f->taakveld, sizeof f->taakveld, L->err)))
                return rc;
        }
    }
    return JZ_OK;
}

static int load_external(loader *L, int g, const jz_node *list)
{
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(L->err, list, "external_shifts: expected a list, got %s",
                             jz_node_type_name(list));
    jz_gemeente *gm = &L->s->gemeenten[g];
    int H = L->H, Z = L->s->n_zorgsoorten;
    for (size_t i = 0; i < list->n; i++) {
        const jz_node *it = list->values[i];
        int rc = jz_schema_check(it, jz_keys_external, "external_shifts item", L->err);
        if (rc)
            return rc;
        const jz_node *name = jz_node_get(it, "name");
        if (name->type != JZ_NODE_SCALAR)
            return jz_node_error(L->err, name, "external_shifts name: expected a text");
        int z = -1;
        if ((rc = ld_zorgsoort_ref(L, jz_node_get(it, "zorgsoort"), "external_shifts zorgsoort", &z)))
            return rc;
        jz_external *e = jz_scenario_add_external(L->s, g, name->scalar, z);
        if (!e)
            return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        char path[256];
        const char *src = ld_source_of(it, NULL);
        jz_concat(path, sizeof path, "gemeenten[", gm->code, "].external_shifts[", name->scalar, "].client_years", (char *)NULL);
        L->scope = it;
        if ((rc = ld_series(L, jz_node_get(it, "client_years"), JZ_U_COUNT, path, src, e->client_years, 1)))
            return rc;
        const jz_node *v;
        if ((v = jz_node_get(it, "in_volume"))) {
            if (v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "true") == 0)
                e->in_volume = 1;
            else if (!(v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "false") == 0))
                return jz_node_error(L->err, v, "external_shifts in_volume must be true or false");
            if (e->in_volume && jz_node_get(it, "cost"))
                return jz_node_error(L->err, jz_node_get(it, "cost"),
                                     "external_shifts: an in_volume shift is paid at its zorgsoort's price; leave out 'cost'");
        }
        memcpy(e->cost, L->s->cells[(size_t)g * (size_t)Z + (size_t)z].cost, (size_t)H * sizeof(double));
        if ((v = jz_node_get(it, "cost"))) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].external_shifts[", name->scalar, "].cost", (char *)NULL);
            L->scope = it;
            if ((rc = ld_series(L, v, JZ_U_MONEY, path, src, e->cost, 1)))
                return rc;
        } else if ((rc = jz_unc_follow(L->s, L->s->cells[(size_t)g * (size_t)Z + (size_t)z].cost, e->cost, H,
                                       L->err))) {
            return rc; /* the default cost follows an uncertain zorgsoort cost */
        }
        if ((v = jz_node_get(it, "compensation"))) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].external_shifts[", name->scalar, "].compensation", (char *)NULL);
            L->scope = it;
            if ((rc = ld_series(L, v, JZ_U_MONEY, path, src, e->compensation, 1)))
                return rc;
        }
    }
    return JZ_OK;
}

int ld_load_gemeente_head(loader *L, int g, const jz_node *item)
{
    char what[JZ_KEY_MAX + 16]; /* "gemeenten[" + a code as typed + "]" */
    jz_node_item_name(what, sizeof what, "gemeenten", item, "code", (size_t)g);
    int rc = jz_schema_check(item, jz_keys_gemeente, what, L->err);
    if (rc)
        return rc;
    jz_gemeente *gm = &L->s->gemeenten[g];
    const jz_node *code = jz_node_get(item, "code");
    if ((rc = ld_copy_text(code, gm->code, sizeof gm->code, "gemeente code", L->err)))
        return rc;
    if (!(strlen(gm->code) == 6 && isupper((unsigned char)gm->code[0]) && isupper((unsigned char)gm->code[1]) &&
          isdigit((unsigned char)gm->code[2]) && isdigit((unsigned char)gm->code[3]) &&
          isdigit((unsigned char)gm->code[4]) && isdigit((unsigned char)gm->code[5])) &&
        !jz_region_code(gm->code)) /* issue 15: Nederland NL01, provinces PV.., COROP regions CR.. */
        return jz_node_error(L->err, code, "gemeente code must be a CBS code like GM0153 (or NL01, PV21, "
                             "CR01 for Nederland, a province or a COROP region), got '%s'", gm->code);
    if ((rc = ld_copy_text(jz_node_get(item, "name"), gm->name, sizeof gm->name, "gemeente name", L->err)))
        return rc;
    for (int o = 0; o < g; o++)
        if (strcmp(L->s->gemeenten[o].code, gm->code) == 0)
            return jz_node_error(L->err, code, "%s is listed twice", what);
    char path[256];
    const jz_node *pop = jz_node_get(item, "population");
    if (pop) {
        if ((rc = jz_schema_check(pop, jz_keys_population, "population", L->err)))
            return rc;
        static const char *grp[JZ_POP_GROUPS] = {"youth", "young_adults"};
        for (int i = 0; i < JZ_POP_GROUPS; i++) {
            const jz_node *v = jz_node_get(pop, grp[i]);
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].population.", grp[i], (char *)NULL);
            L->scope = pop;
            L->outer = item;
            if (v && (rc = ld_series(L, v, JZ_U_COUNT, path, ld_source_of(pop, item), gm->population[i], 1)))
                return rc;
        }
        /* inhabitants only divide (tekort per inhabitant): never a default,
         * and 0 would turn the ratio into a division by zero */
        const jz_node *inh = jz_node_get(pop, "inhabitants");
        if (inh) {
            jz_concat(path, sizeof path, "gemeenten[", gm->code, "].population.inhabitants", (char *)NULL);
            L->scope = pop;
            L->outer = item;
            if ((rc = ld_series(L, inh, JZ_U_COUNT, path, ld_source_of(pop, item), gm->inhabitants, 1)))
                return rc;
            for (int y = 0; y < L->s->meta.horizon; y++)
                if (!(gm->inhabitants[y] >= 1.0))
                    return jz_node_error(L->err, inh, "%s must be at least 1 person in every year, got %g in %d",
                                         path, gm->inhabitants[y], L->s->meta.base_year + y);
            gm->has_inhabitants = 1;
        }
    }
    const jz_node *rb = jz_node_get(item, "rijksbijdrage");
    if (rb) {
        jz_concat(path, sizeof path, "gemeenten[", gm->code, "].rijksbijdrage", (char *)NULL);
        L->scope = item;
        if ((rc = ld_series(L, rb, JZ_U_MONEY, path, ld_source_of(item, NULL), gm->rijksbijdrage, 1)))
            return rc;
        gm->has_rijksbijdrage = 1;
    }
    const jz_node *fx = jz_node_get(item, "fixed_costs");
    if (fx && (rc = load_fixed(L, g, fx)))
        return rc;
    return JZ_OK;
}

/* One begroting line at gemeente level (begroting.taakveld.<code> or
 * begroting.totaal): nominal euros per year, distributed over the
 * zorgsoorten it covers (tv NULL: all) in proportion to their base-year cost
 * from the inputs, clients in care on 1 January x price per client-year
 * (equally when that is 0 for all); each part becomes that zorgsoort's
 * budget: {nominal} (docs/model.md section 12). */
static int load_begroting_line(loader *L, int g, const jz_node *key, const jz_node *v, const char *tv,
                               const jz_node *scope)
{
    jz_scenario *s = L->s;
    const int Z = s->n_zorgsoorten;
    jz_gemeente *gm = &s->gemeenten[g];
    char path[256];
    jz_concat(path, sizeof path, "gemeenten[", gm->code, "].begroting.",
              tv ? "taakveld[" : "totaal", tv ? tv : "", tv ? "]" : "", (char *)NULL);
    double W = 0.0;
    int n = 0;
    for (int z = 0; z < Z; z++) {
        if (tv && strcmp(s->zorgsoorten[z].taakveld, tv) != 0)
            continue;
        const jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
        if (c->has_budget || c->has_budget_amount)
            return jz_node_error(L->err, key, "%s: zorgsoort '%s' has its own budget; give the begroting either per zorgsoort or per taakveld/totaal, not both",
                                 path, s->zorgsoorten[z].key);
        W += c->start * c->cost[0];
        n++;
    }
    if (n == 0)
        return jz_node_error(L->err, key, "%s: no zorgsoort has taakveld: \"%s\"; set taakveld on the zorgsoorten this begroting covers",
                             path, tv ? tv : "");
    /* a year outside the scenario would be dropped silently: refuse it */
    if (v->type == JZ_NODE_MAP)
        for (size_t i = 0; i < v->n; i++) {
            const char *k = v->keys[i]->scalar;
            char *end;
            long yr = strtol(k, &end, 10);
            if (end != k && *end == '\0' && (yr < L->base || yr >= L->base + L->H))
                return jz_node_error(L->err, v->keys[i], "%s: year %ld is outside the scenario (%d-%d)", path, yr,
                                     L->base, L->base + L->H - 1);
        }
    double *N = calloc((size_t)L->H, sizeof *N);
    if (!N)
        return jz_error_set(L->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    L->scope = scope;
    int rc = ld_series(L, v, JZ_U_MONEY, path, ld_source_of(scope, NULL), N, 1);
    for (int y = 0; !rc && y < L->H; y++)
        if (!(N[y] > 0.0))
            rc = jz_node_error(L->err, v, "%s must be above 0 in every year (%d: %g); its growth is the indexation the tariff gap is measured against",
                               path, L->base + y, N[y]);
    for (int z = 0; !rc && z < Z; z++) {
        if (tv && strcmp(s->zorgsoorten[z].taakveld, tv) != 0)
            continue;
        jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
        double share = W > 0.0 ? c->start * c->cost[0] / W : 1.0 / n;
        if (!(share > 0.0)) {
            rc = jz_node_error(L->err, key, "%s: zorgsoort '%s' has no base-year cost (start x cost is 0), so no share of the begroting; give it its own budget",
                               path, s->zorgsoorten[z].key);
            break;
        }
        for (int y = 0; y < L->H; y++)
            c->budget_amount[y] = N[y] * share;
        c->has_budget = 0;
        c->has_budget_amount = 1;
        c->budget_nominal = 1;
    }
    free(N);
    return rc;
}

static int load_begroting(loader *L, int g, const jz_node *b)
{
    char what[192];
    int rc;
    jz_concat(what, sizeof what, "gemeenten[", L->s->gemeenten[g].code, "].begroting", (char *)NULL);
    if (b->type != JZ_NODE_MAP)
        return jz_node_error(L->err, b, "%s: expected a map {taakveld: {...}} or {totaal: {...}}, got %s", what,
                             jz_node_type_name(b));
    if ((rc = jz_schema_check(b, jz_keys_begroting, what, L->err)))
        return rc;
    const jz_node *tv = jz_node_get(b, "taakveld");
    if (tv) {
        if (tv->type != JZ_NODE_MAP)
            return jz_node_error(L->err, tv, "%s.taakveld: expected a map by taakveld, e.g. {\"6.72\": {2025: 10.2M}}, got %s",
                                 what, jz_node_type_name(tv));
        for (size_t i = 0; i < tv->n; i++)
            if ((rc = load_begroting_line(L, g, tv->keys[i], tv->values[i], tv->keys[i]->scalar, b)))
                return rc;
    }
    const jz_node *tot = jz_node_get(b, "totaal");
    if (tot) {
        const jz_node *key = tot;
        for (size_t i = 0; i < b->n; i++)
            if (b->values[i] == tot)
                key = b->keys[i];
        if ((rc = load_begroting_line(L, g, key, tot, NULL, b)))
            return rc;
    }
    return JZ_OK;
}

int ld_load_gemeente_cells(loader *L, int g, const jz_node *item, const jz_node *zlist)
{
    jz_scenario *s = L->s;
    const jz_node *zorg = jz_node_get(item, "zorg");
    int rc;
    if (zorg) {
        char path[64];
        jz_concat(path, sizeof path, "gemeenten[", s->gemeenten[g].code, "].zorg", (char *)NULL);
        if (zorg->type != JZ_NODE_MAP)
            return jz_node_error(L->err, zorg, "%s: expected a map by zorgsoort key, got %s", path,
                                 jz_node_type_name(zorg));
        for (size_t i = 0; i < zorg->n; i++) {
            int z = -1;
            if ((rc = ld_zorgsoort_ref(L, zorg->keys[i], path, &z)))
                return rc;
            char what[192];
            jz_concat(what, sizeof what, path, ".", zorg->keys[i]->scalar, (char *)NULL);
            if ((rc = jz_schema_check(zorg->values[i], jz_keys_cell, what, L->err)) ||
                (rc = ld_check_cell_maps(zorg->values[i], zlist->values[z], what, L->err)))
                return rc;
        }
    }
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        const jz_node *ov = zorg ? jz_node_get(zorg, s->zorgsoorten[z].key) : NULL;
        if ((rc = ld_load_cell(L, g, z, zlist->values[z], ov)))
            return strstr(L->err->message, ": missing ")
                       ? jz_new_item_hint(L->err, "zorgsoort", zlist, "key", (size_t)z, "instroom, zorgduur and cost")
                       : rc;
    }
    /* after the cells: a begroting per taakveld or in total is shared over them */
    const jz_node *beg = jz_node_get(item, "begroting");
    if (beg && (rc = load_begroting(L, g, beg)))
        return rc;
    /* after the cells: an external shift's cost defaults to its zorgsoort's */
    const jz_node *ext = jz_node_get(item, "external_shifts");
    return ext ? load_external(L, g, ext) : JZ_OK;
}

