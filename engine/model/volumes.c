/*
 * volumes.c - volumes kept across runs (jz_volume_cache, jzsim/model.h).
 *
 * A Monte Carlo draw changes only the inputs its uncertain values reach.
 * When those leave a gemeente's volume inputs alone (a draw of prices,
 * budgets or the budget index, or of another gemeente's inputs), its
 * volumes are those of the base scenario, bit for bit: the flows are a pure
 * function of the gemeente's inputs.  The cache holds them, so that a run
 * copies them into its result instead of stepping the chains again; the
 * measures and the money are computed as always.
 *
 * Which gemeenten: the flows are projected once on a probe, the base with
 * every uncertain input set to NaN.  A NaN that reaches a flow input comes
 * out in the volumes (the chains, transfers and re-entries add it into the
 * stocks and exits; a NaN zorgduur fails the coefficients), so a gemeente
 * whose probe volumes are all numbers and the same bits as the base's has
 * no volume input that a draw can move.
 *
 * What is kept per gemeente: the arrays flow.c writes (the volumes of every
 * zorgsoort and year, and the gemeente's transit, re-entry pool and exits
 * out of care) except the exits by destination (uit_to, Z x Z x H): only
 * rolling runs use the cache, and only for slot 0, whose uit_to nothing
 * reads.  G x (13 Z H + 3 H) doubles, shared read-only by every thread.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/internal.h"

/* The zorgsoort arrays flow.c writes, and its gemeente-year arrays. */
#define VOLUME_CZ(X) \
    X(start) X(end) X(client_years) X(instroom_ext) X(instroom_transfer) X(instroom_reentry) \
    X(instroom) X(unique) X(uitstroom) X(uit_transfer) X(uit_reentry) X(uit_aged_out) X(uit_out)
#define VOLUME_GY(X) X(g_in_transit) X(g_reentry_pool) X(g_left_care)
#define COUNT_(f) +1
enum { N_CZ = 0 VOLUME_CZ(COUNT_), N_GY = 0 VOLUME_GY(COUNT_) };
#undef COUNT_

struct jz_volume_cache {
    int G, Z, H;
    size_t per;          /* doubles per gemeente: N_CZ Z H + N_GY H */
    unsigned char *kept; /* [G] 1: the gemeente's volumes are in vol */
    double *vol;         /* [G * per] */
};

/* Copy slot gs of r to or from one gemeente's entry of the cache. */
static void volumes_io(const jz_volume_cache *c, double *entry, jz_result *r, int gs, int save)
{
    size_t zh = (size_t)c->Z * (size_t)c->H, h = (size_t)c->H;
    size_t cz = jz_result_cz(r, gs, 0, 0), gy = jz_result_gy(r, gs, 0);
    double *p = entry;
#define IO_(field, off, n)                                          \
    do {                                                            \
        if (save)                                                   \
            memcpy(p, r->field + (off), (n) * sizeof(double));      \
        else                                                        \
            memcpy(r->field + (off), p, (n) * sizeof(double));      \
        p += (n);                                                   \
    } while (0);
#define CZ_(field) IO_(field, cz, zh)
#define GY_(field) IO_(field, gy, h)
    VOLUME_CZ(CZ_)
    VOLUME_GY(GY_)
#undef CZ_
#undef GY_
#undef IO_
}

static int all_numbers(const double *a, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isnan(a[i]))
            return 0;
    return 1;
}

void jz_volume_cache_free(jz_volume_cache *c)
{
    if (!c)
        return;
    free(c->kept);
    free(c->vol);
    free(c);
}

size_t jz_volume_cache_per_gemeente(size_t Z, size_t H)
{
    /* saturating: size.c asks it for any dimensions */
    if (Z && H > SIZE_MAX / Z / (N_CZ + N_GY))
        return SIZE_MAX;
    return (size_t)N_CZ * Z * H + (size_t)N_GY * H;
}

jz_volume_cache *jz_volume_cache_alloc(const jz_scenario *base, const jz_scenario *probe)
{
    if (!base || !probe || base->n_gemeenten != probe->n_gemeenten ||
        base->n_zorgsoorten != probe->n_zorgsoorten || base->meta.horizon != probe->meta.horizon ||
        base->meta.steps_per_year != probe->meta.steps_per_year)
        return NULL;
    jz_volume_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->G = base->n_gemeenten;
    c->Z = base->n_zorgsoorten;
    c->H = base->meta.horizon;
    c->per = jz_volume_cache_per_gemeente((size_t)c->Z, (size_t)c->H);
    c->kept = calloc((size_t)c->G, 1);
    c->vol = malloc((size_t)c->G * c->per * sizeof *c->vol);
    double *probe_vol = malloc(c->per * sizeof *probe_vol);
    /* the projections below skip the checks (the probe fails them by
     * design; the base passed them before the Monte Carlo began) */
    unsigned char *vouched = malloc((size_t)c->G);
    jz_workspace *w = jz_workspace_alloc(base);
    jz_result *r = jz_result_alloc_rolling(base);
    int ok = c->kept && c->vol && probe_vol && vouched && w && r;
    jz_error err;
    /* only inputs that pass the checks are projected (a base that fails
     * them fails its deterministic run, and keeps nothing here) */
    if (ok && jz_check_global(base, &err) == JZ_OK && jz_check_measures(base, &err) == JZ_OK) {
        memset(vouched, 1, (size_t)c->G);
        jz_workspace_set_checked(w, vouched);
        jz_workspace_set_rolling(w, 1, -1);
        for (int g = 0; g < c->G; g++) {
            double *entry = c->vol + (size_t)g * c->per;
            if (jz_check_gemeente(base, g, &err) != JZ_OK || jz_flows_gemeente(probe, w, r, g, &err) != JZ_OK)
                continue;
            volumes_io(c, probe_vol, r, 0, 1);
            if (!all_numbers(probe_vol, c->per) || jz_flows_gemeente(base, w, r, g, &err) != JZ_OK)
                continue;
            volumes_io(c, entry, r, 0, 1);
            /* a NaN that vanished (compared, never added) would leave the
             * probe's volumes different from the base's: not kept then */
            c->kept[g] = memcmp(entry, probe_vol, c->per * sizeof *entry) == 0;
        }
    }
    free(probe_vol);
    free(vouched);
    jz_workspace_free(w);
    jz_result_free(r);
    if (!ok) {
        jz_volume_cache_free(c);
        return NULL;
    }
    return c;
}

int jz_volume_cache_kept(const jz_volume_cache *c)
{
    int n = 0;
    for (int g = 0; c && g < c->G; g++)
        n += c->kept[g];
    return n;
}

void jz_workspace_set_volumes(jz_workspace *w, const jz_volume_cache *c)
{
    w->volumes = c && c->G == w->G && c->Z == w->Z && c->H == w->H ? c : NULL;
}

int jz_volumes_take(const jz_workspace *w, jz_result *r, int g, int gs)
{
    const jz_volume_cache *c = w->volumes;
    if (!c || !w->rolling || gs != 0 || w->measures_off || w->measure_active || !c->kept[g])
        return 0;
    volumes_io(c, c->vol + (size_t)g * c->per, r, 0, 0);
    return 1;
}
