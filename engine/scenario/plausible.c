/*
 * plausible.c - ceilings and ranges that catch typing mistakes.
 *
 * A value can be valid (a number of the right unit) and still almost
 * certainly wrong: 350% indexation, €151.50 per client-year of residential
 * care.  The tables below say what is plausible in Dutch youth care and
 * where that comes from; docs/scenario-format.md ("Plausibility") has the
 * same tables.  The bands are deliberately wide (a factor of about three or
 * more around the cited figures): they are there to catch a misplaced
 * decimal point or a percentage written as a bare number, not to judge a
 * municipality's policy.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/build.h"
#include "scenario/plausible.h"
#include "scenario/uncertain.h"

/* ---- ceilings: errors unless marked plausible: false ---------------------- */

typedef struct ceiling_rule {
    const char *kind;   /* in the message: "indexation", "growth" */
    double ceiling;     /* fraction per year */
    const char *source; /* why this ceiling */
} ceiling_rule;

static const ceiling_rule ceiling_indexation = {
    "indexation", 0.25,
    "VNG, Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning (2023, 2024): OVA tariff indexation "
    "3% to 7% a year; Gemeente Enschede, Eindrapportage strategie duurzame jeugdzorg (2023): 6.5% in 2023"};
static const ceiling_rule ceiling_growth = {
    "growth", 0.50,
    "CBS, Jongeren met jeugdzorg (StatLine 85101NED, 2015-2023): national use changes by a few percent "
    "a year; Enschede cost per client up \"ruim 12%\" in 2023 (Eindrapportage strategie duurzame jeugdzorg)"};
/* The growth of a population ({base, growth} under population): far below
 * the growth of use, so that 0.4 typed for 0.4% (40% a year, five times the
 * youth in five years) is caught, not projected. */
static const ceiling_rule ceiling_population = {
    "population growth", 0.10,
    "CBS, Bevolking op 1 januari; leeftijd, regio (StatLine 03759ned): the number of youth of a gemeente "
    "changes by a few percent a year at most"};

/* The last part of an input path: "zorgsoorten[a].instroom.trend" -> "trend". */
static const char *last_key(const char *path)
{
    const char *d = strrchr(path, '.');
    return d ? d + 1 : path;
}

static const ceiling_rule *ceiling_of(const char *path)
{
    const char *k = last_key(path);
    if (strcmp(k, "trend") == 0 || strcmp(k, "intensity_trend") == 0)
        return &ceiling_growth;
    if (strcmp(k, "tariff_indexation") == 0 || strcmp(k, "indexation") == 0 ||
        strcmp(k, "tariff_correction") == 0 || strcmp(path, "indexation.tariff") == 0 ||
        strcmp(path, "indexation.budget") == 0)
        return &ceiling_indexation;
    return NULL;
}

static int marked_implausible(const jz_node *m)
{
    const jz_node *p = m && m->type == JZ_NODE_MAP ? jz_node_get(m, "plausible") : NULL;
    return p && p->type == JZ_NODE_SCALAR && strcmp(p->scalar, "false") == 0;
}

static int check_one(const jz_node *n, const ceiling_rule *r, const char *path, jz_error *err)
{
    double v;
    jz_error scratch;
    if (!n || n->type != JZ_NODE_SCALAR || jz_value_number(n, JZ_U_RATE, path, &v, &scratch))
        return JZ_OK; /* not a plain rate: the reader has said what is wrong */
    if (v <= r->ceiling)
        return JZ_OK;
    return jz_node_error(err, n,
                         "%s %s is above the plausible ceiling of %.0f%% a year for %s" JZ_PLAUS_MARK_ADVICE,
                         path, n->scalar, r->ceiling * 100.0, r->kind);
}

int jz_plaus_ceiling(const jz_node *v, const jz_node *scope, jz_unit u, const char *path,
                     int allow, jz_error *err)
{
    if (allow || !v || marked_implausible(v) || marked_implausible(scope) || jz_unc_is_value(v))
        return JZ_OK;
    if (v->type == JZ_NODE_MAP && jz_node_get(v, "base")) /* {base, growth}: the growth */
        return check_one(jz_node_get(v, "growth"), strstr(path, ".population.") ? &ceiling_population : &ceiling_growth,
                         path, err);
    const ceiling_rule *r = u == JZ_U_RATE ? ceiling_of(path) : NULL;
    if (!r)
        return JZ_OK;
    if (v->type == JZ_NODE_SCALAR)
        return check_one(v, r, path, err);
    for (size_t i = 0; v->type == JZ_NODE_MAP && i < v->n; i++) {
        const char *k = v->keys[i]->scalar;
        if (strcmp(k, "source") == 0 || strcmp(k, "interpolation") == 0 || strcmp(k, "plausible") == 0)
            continue;
        int rc = check_one(v->values[i], r, path, err);
        if (rc)
            return rc;
    }
    return JZ_OK;
}

/* ---- ranges: warnings ----------------------------------------------------- */

typedef struct range_rule {
    const char *key;  /* the last part of the input path */
    jz_unit unit;
    double lo, hi;
    int zero_ok; /* 0 is a deliberate choice (no marginal cost), not a typo */
    const char *unit_text;
    const char *source;
} range_rule;

static const range_rule ranges[] = {
    {"cost", JZ_U_MONEY, 500.0, 300000.0, 1, "euros per client-year",
     "Gemeente Enschede, Eindrapportage strategie duurzame jeugdzorg (2023): \"ruim €15k\" per client "
     "in 2022, from a few thousand (ambulant) to well over €100k (verblijf)"},
    {"zorgduur", JZ_U_MONTHS, 0.25, 120.0, 0, "months",
     "CBS, Jeugdhulptrajecten in natura (StatLine 85097NED, 2023): mean duration of ended trajectories "
     "of months to a few years"},
    {"per_1000", JZ_U_PER_1000, 0.0, 100.0, 0, "starts per 1,000 a year",
     "CBS, Indicatoren jeugdzorg in natura; gemeenten (StatLine 85098NED, 2023): about 1 in 10 youth "
     "has jeugdhulp in a year, all zorgsoorten together"},
};

int jz_plaus_range(jz_scenario *s, const jz_node *v, jz_unit u, const char *path,
                   const double *out, int H)
{
    const char *k = last_key(path);
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        const range_rule *r = &ranges[i];
        if (r->unit != u || strcmp(r->key, k) != 0)
            continue;
        for (int y = 0; y < H; y++) {
            if ((out[y] >= r->lo && out[y] <= r->hi) || (r->zero_ok && out[y] == 0.0))
                continue;
            return jz_scenario_warn(s, "%s:%d:%d: %s %.10g in %d is outside the plausible range %.10g to %.10g %s "
                                    "(see docs/scenario-format.md, Plausibility)",
                                    v->file, v->line, v->column, path, out[y], s->meta.base_year + y,
                                    r->lo, r->hi, r->unit_text);
        }
    }
    return JZ_OK;
}

/* Scenario-wide figures in the base year, per gemeente. */
#define SHARE_LO 0.01 /* clients in care on 1 January per youth 0-17 */
#define SHARE_HI 0.25
#define PER_YOUTH_LO 300.0 /* euros of care per youth 0-17 a year */
#define PER_YOUTH_HI 8000.0
#define BUDGET_FACTOR 2.0 /* budget within a factor 2 of the cost */

/* pin[g]: the first input whose path is "gemeenten[<code of g>].population.youth",
 * or NULL; one pass over the inputs (a national scenario has ~15,000 of
 * them, and a look-up per gemeente made the warnings quadratic). */
static void youth_inputs(const jz_scenario *s, const jz_input **pin)
{
    static const char head[] = "gemeenten[", tail[] = "].population.youth";
    const size_t nh = sizeof head - 1, nt = sizeof tail - 1;
    for (int g = 0; g < s->n_gemeenten; g++)
        pin[g] = NULL;
    for (int i = 0; i < s->n_inputs; i++) {
        const char *p = s->inputs[i].path;
        size_t n = strlen(p);
        if (n <= nh + nt || memcmp(p, head, nh) != 0 || memcmp(p + n - nt, tail, nt) != 0)
            continue;
        size_t len = n - nh - nt; /* the code between the brackets */
        for (int g = 0; g < s->n_gemeenten; g++) {
            const char *code = s->gemeenten[g].code;
            if (!pin[g] && strlen(code) == len && memcmp(code, p + nh, len) == 0)
                pin[g] = &s->inputs[i];
        }
    }
}

/* The first budget input that applies to gemeente `code` (its own, or a
 * zorgsoort's), to locate the budget warning. */
static const jz_input *first_budget(const jz_scenario *s, const char *code)
{
    char own[64];
    snprintf(own, sizeof own, "gemeenten[%s].", code);
    for (int i = 0; i < s->n_inputs; i++) {
        const char *p = s->inputs[i].path;
        if ((strncmp(p, own, strlen(own)) == 0 || strncmp(p, "zorgsoorten[", 12) == 0) &&
            (strstr(p, ".budget.") || strstr(p, "].budget")))
            return &s->inputs[i];
    }
    return NULL;
}

void jz_plaus_scenario(jz_scenario *s)
{
    int Z = s->n_zorgsoorten;
    const jz_input **youth_in = calloc((size_t)(s->n_gemeenten > 0 ? s->n_gemeenten : 1), sizeof *youth_in);
    if (!youth_in)
        return; /* warnings only: without memory, none */
    youth_inputs(s, youth_in);
    for (int g = 0; g < s->n_gemeenten; g++) {
        const jz_gemeente *gm = &s->gemeenten[g];
        const jz_input *pin = youth_in[g];
        char what[JZ_KEY_MAX + JZ_NAME_MAX + 16];
        jz_gemeente_what(s, g, what, sizeof what);
        const char *file = pin ? pin->file : s->meta.path;
        int line = pin ? pin->line : 0;
        double youth = gm->population[JZ_POP_YOUTH][0];
        double start = 0.0, cost = 0.0, bcost = 0.0, budget = 0.0;
        for (int z = 0; z < Z; z++) {
            const jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
            double cz = c->start * c->cost[0];
            if (s->zorgsoorten[z].population == JZ_POP_YOUTH)
                start += c->start;
            cost += cz;
            if (c->has_budget || c->has_budget_amount) {
                bcost += cz;
                budget += c->has_budget ? c->budget_volume[0] * c->budget_price[0] : c->budget_amount[0];
            }
        }
        for (int i = 0; i < gm->n_fixed; i++) {
            cost += gm->fixed[i].amount[0];
            if (gm->fixed[i].has_budget) {
                bcost += gm->fixed[i].amount[0];
                budget += gm->fixed[i].budget[0];
            }
        }
        if (pin && youth > 0.0 && start > 0.0) {
            double share = start / youth;
            if (share < SHARE_LO || share > SHARE_HI)
                jz_scenario_warn(s, "%s:%d: %s: %.10g clients in care on 1 January %d are %.1f%% of its "
                                 "%.10g youth; plausible is %.0f%% to %.0f%% (see docs/scenario-format.md, Plausibility)",
                                 file, line, what, start, s->meta.base_year, share * 100.0, youth,
                                 SHARE_LO * 100.0, SHARE_HI * 100.0);
            double per = cost / youth;
            if (per < PER_YOUTH_LO || per > PER_YOUTH_HI)
                jz_scenario_warn(s, "%s:%d: %s: the cost of the clients in care on 1 January %d is "
                                 "%.0f euros per youth; plausible is %.0f to %.0f (see docs/scenario-format.md, "
                                 "Plausibility)",
                                 file, line, what, s->meta.base_year, per, PER_YOUTH_LO, PER_YOUTH_HI);
        }
        if (budget > 0.0 && bcost > 0.0 && (budget > BUDGET_FACTOR * bcost || bcost > BUDGET_FACTOR * budget)) {
            const jz_input *bin = first_budget(s, gm->code);
            jz_scenario_warn(s, "%s:%d: %s: the budget of %d (%.0f euros) is more than a factor %.0f %s "
                             "the cost of the clients in care on 1 January (%.0f euros) (see "
                             "docs/scenario-format.md, Plausibility)",
                             bin ? bin->file : s->meta.path, bin ? bin->line : 0, what, s->meta.base_year,
                             budget, BUDGET_FACTOR, budget > bcost ? "above" : "below", bcost);
        }
    }
    free(youth_in);
}
