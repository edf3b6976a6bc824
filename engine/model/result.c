/*
 * result.c - allocation of jz_result and jz_workspace (see jzsim/model.h).
 *
 * Both are allocated once and reused by every run (a Monte Carlo loop calls
 * jz_model_run thousands of times), so each is one block of doubles carved
 * into the arrays; jz_model_run itself never allocates.
 */
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>

#include "common/util.h"
#include "model/internal.h"
#include "model/lanes.h"

/* Arrays per gemeente x zorgsoort x year (all cz arrays of jz_result except
 * uit_to) and per gemeente x year: counted from the lists in jzsim/model.h. */
#define COUNT_(field, kind) +1
enum { CZ_ARRAYS = 0 JZ_RESULT_CZ_FIELDS(COUNT_), GY_ARRAYS = 0 JZ_RESULT_GY_FIELDS(COUNT_) };
#undef COUNT_
/* every pointer of jz_result is one of the listed arrays, uit_to or block */
_Static_assert(sizeof(jz_result) == offsetof(jz_result, start) +
                   (CZ_ARRAYS + 1 + GY_ARRAYS + 1) * sizeof(double *) + sizeof(size_t),
               "jz_result has a field that is not in JZ_RESULT_CZ_FIELDS / JZ_RESULT_GY_FIELDS");

static int dims_ok(const jz_scenario *s)
{
    return s && s->n_gemeenten >= 1 && s->n_zorgsoorten >= 1 &&
           s->meta.horizon >= 1 && s->meta.horizon <= JZ_HORIZON_MAX &&
           s->meta.steps_per_year >= JZ_STEPS_MIN &&
           s->meta.steps_per_year <= JZ_STEPS_MAX;
}

/* A result of G gemeenten + the region for the other dimensions of s. */
static jz_result *alloc_slots(const jz_scenario *s, int G)
{
    if (!dims_ok(s))
        return NULL;
    size_t G1 = (size_t)G + 1; /* + the region total */
    size_t Z = (size_t)s->n_zorgsoorten, H = (size_t)s->meta.horizon;
    size_t ncz = G1 * Z * H, ngy = G1 * H;
    /* guard the size arithmetic (G and Z are bounded by the loader, but the
     * struct is public) */
    if (Z != 0 && ncz / Z / H != G1)
        return NULL;
    size_t len = CZ_ARRAYS * ncz + ncz * Z + GY_ARRAYS * ngy;

    jz_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->block = jz_big_calloc(len, sizeof *r->block); /* ~21 MB nationally: huge pages */
    if (!r->block) {
        free(r);
        return NULL;
    }
    r->block_len = len;
    r->n_gemeenten = G;
    r->n_zorgsoorten = s->n_zorgsoorten;
    r->horizon = s->meta.horizon;
    r->base_year = s->meta.base_year;

    double *p = r->block;
#define TAKE(field, n) do { r->field = p; p += (n); } while (0)
#define TAKE_CZ_(field, kind) TAKE(field, ncz);
#define TAKE_GY_(field, kind) TAKE(field, ngy);
    JZ_RESULT_CZ_FIELDS(TAKE_CZ_)
    TAKE(uit_to, ncz * Z);
    JZ_RESULT_GY_FIELDS(TAKE_GY_)
    assert(p == r->block + r->block_len);
#undef TAKE_CZ_
#undef TAKE_GY_
#undef TAKE
    return r;
}

jz_result *jz_result_alloc(const jz_scenario *s)
{
    return s ? alloc_slots(s, s->n_gemeenten) : NULL;
}

/* Slots 0 and 1 and the region: Z x Z x H x 3 for the transitions, however
 * many gemeenten s has. */
jz_result *jz_result_alloc_rolling(const jz_scenario *s)
{
    return alloc_slots(s, JZ_ROLLING_SLOTS - 1);
}

void jz_result_free(jz_result *r)
{
    if (!r)
        return;
    jz_big_free(r->block, r->block_len, sizeof *r->block);
    free(r);
}

/* A workspace; with lanes, the lanes' state (jz_lanes: the workspace of
 * lane 0 of runs side by side steps every lane's chains there); with
 * peers, also the workspaces of the other lanes of one run's gemeenten
 * side by side (internal.h). */
static jz_workspace *workspace_alloc(const jz_scenario *s, int lanes, int peers)
{
    if (!dims_ok(s))
        return NULL;
    jz_workspace *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->G = s->n_gemeenten;
    w->Z = s->n_zorgsoorten;
    w->H = s->meta.horizon;
    w->S = s->meta.steps_per_year;
    /* sized for the longest delay allowed, so the workspace fits every
     * scenario of these dimensions whatever its delays */
    w->ring_cap = jz_delay_steps(JZ_REENTRY_DELAY_MAX, w->S) + 1;

    size_t Z = (size_t)w->Z, H = (size_t)w->H;
    size_t len = Z * JZ_STAGES_MAX + 2 * Z + Z * (size_t)w->ring_cap +
                 Z * ACC_N + H + Z * Z + 4 * Z * H + 4 * H + 2 * Z * H + 3 * H;
    w->block = calloc(len, sizeof *w->block);
    w->coef = calloc(Z * H, sizeof *w->coef); /* k = 0: empty */
    w->coef_use = calloc(Z * H, sizeof *w->coef_use);
    w->ez = calloc(Z, sizeof *w->ez);
    w->cy = calloc(Z, sizeof *w->cy);
    w->route_to = calloc(Z * Z + 2 * Z, sizeof *w->route_to); /* and the int arrays below */
    w->m_fin_mode = calloc(2 * Z, sizeof *w->m_fin_mode);
    w->m_dur_z = calloc(3 * Z, sizeof *w->m_dur_z); /* and m_cost_z, m_fin_amount_z */
    w->mix_e = calloc(2 * Z, sizeof *w->mix_e); /* k = 0: empty */
    w->mix_x = calloc(2 * Z * JZ_STAGES_MAX, sizeof *w->mix_x);
    /* the lanes are stepped in lane 0's workspace only */
    w->lanes = lanes ? jz_lanes_alloc(w->Z, w->H, w->ring_cap) : NULL;
    int peers_ok = 1;
    for (int l = 0; peers && l < JZ_MODEL_LANES - 1; l++)
        peers_ok &= (w->peer[l] = workspace_alloc(s, 0, 0)) != NULL;
    if (!w->block || !w->coef || !w->coef_use || !w->ez || !w->cy || !w->route_to || !w->m_fin_mode || !w->m_dur_z || !w->mix_e ||
        !w->mix_x || (lanes && !w->lanes) || !peers_ok) {
        jz_workspace_free(w);
        return NULL;
    }
    double *p = w->block;
    w->x = p;             p += Z * JZ_STAGES_MAX;
    w->arrive = p;        p += Z;
    w->next = p;          p += Z;
    w->ring = p;          p += Z * (size_t)w->ring_cap;
    w->acc = p;           p += Z * ACC_N;
    w->budget_factor = p; p += H;
    w->route_frac = p;    p += Z * Z;
    w->m_ext = p;         p += Z * H;
    w->m_dur = p;         p += Z * H;
    w->m_cost = p;        p += Z * H;
    w->m_fin_amount = p;  p += Z * H;
    w->m_invest = p;      p += H;
    w->m_ha = p;          p += H;
    w->m_ha_certain = p;  p += H;
    w->m_ha_volume = p;   p += H;
    w->m_ha_z = p;        p += Z * H;
    w->m_ha_z_volume = p; p += Z * H;
    w->m_ha_spread_volume = p;    p += H;
    w->m_ha_spread_intensity = p; p += H;
    w->m_cost_off = p;    p += H;
    assert(p == w->block + len);
    w->m_fin_from = w->m_fin_mode + Z;
    w->m_cost_z = w->m_dur_z + Z;
    w->m_fin_amount_z = w->m_cost_z + Z;
    w->ring_rows = w->route_to + Z * Z;
    w->route_fixed = w->ring_rows + Z;
    for (size_t z = 0; z < Z; z++)
        w->ez[z] = &w->coef[z * H];
    return w;
}

jz_workspace *jz_workspace_alloc(const jz_scenario *s)
{
    jz_workspace *w = workspace_alloc(s, 1, 1);
    if (w)
        w->gemeente_lanes = 1;
    return w;
}

jz_workspace *jz_workspace_alloc_lane(const jz_scenario *s, int lane)
{
    /* only the first lane of each group of JZ_MODEL_LANES steps chains in
     * the lanes' state (run.c); a draw is one run, never gemeenten side by
     * side, so no lane needs the peers */
    return workspace_alloc(s, lane % JZ_MODEL_LANES == 0, 0);
}

void jz_workspace_free(jz_workspace *w)
{
    if (!w)
        return;
    free(w->block);
    free(w->coef);
    free(w->coef_use);
    free(w->ez);
    free(w->cy);
    free(w->route_to);
    free(w->m_fin_mode);
    free(w->m_dur_z);
    free(w->mix_e);
    free(w->mix_x);
    jz_lanes_free(w->lanes);
    for (int l = 0; l < JZ_MODEL_LANES - 1; l++)
        jz_workspace_free(w->peer[l]);
    free(w);
}
