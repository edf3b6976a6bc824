/*
 * flow.c - the volumes of one gemeente: every zorgsoort's Erlang chain
 * stepped month by month, with transfers, re-entries and ageing between the
 * zorgsoorten (docs/model.md, sections 2-6).
 *
 * Loop order is year -> step -> zorgsoort, the state of the gemeente (stocks
 * per stage, transfers in transit, the re-entry ring) lives in the
 * workspace and fits in L1/L2 cache.  Results are written once per
 * cell-year.  Per step and zorgsoort the work is O(k^2) flops plus one
 * update per non-zero route, with the coefficients made once per
 * cell-year (erlang.c, or erlang_lanes.c for the lanes, which keep a set
 * while its zorgduur and ageing do not change).
 */
#include <math.h>
#include <string.h>

#include "model/chain_step.h"
#include "model/erlang_lanes.h"
#include "model/internal.h"
#include "model/lanes.h"
#include "model/simd.h"
#include "scenario/build.h" /* jz_gemeente_what, jz_zorgsoort_what: on the error path */

/* Stock of one chain.  Always summed in the same order, so that the end of
 * year y and the start of year y + 1 are the same double. */
static double stock_sum(const double *x, int k)
{
    double t = 0.0;
    for (int i = 0; i < k; i++)
        t += x[i];
    return t;
}

/* One step of one chain with inflow I (chain_step.h has the arithmetic,
 * shared with the lanes).  Inlined with a constant k at the call sites, so
 * the loops unroll. */
static inline void chain_step(const jz_erlang *restrict e, double *restrict x,
                              double I, int k, double sums[restrict 4])
{
    JZ_CHAIN_STEP(double, e, x, I, k, sums);
}

/* Send one step's exits on: completions C to the routes and the re-entry
 * ring (reentry_steps ahead of head), ageing exits A to the next age band.
 * The single-chain and the mixture step share it, so routing is one rule. */
static inline void route_exits(jz_workspace *w, const jz_cellyear *q, double C, double A, int head, int L)
{
    JZ_ROUTE_EXITS(w->next, w->ring, q, C, A, head, L);
}

/* Cells with a duration mixture (mixture.c, docs/model.md section 2b) are
 * stepped after the others, in a loop of their own, so that the
 * single-chain step is the same code as without them.  In that step a
 * mixture cell has this empty chain (k = 0: no stock, no exits; its
 * arrivals are counted there), and its branches are stepped here. */
static const jz_erlang no_chain;


/* One step of mixture cell z: each branch's chain takes its share of the
 * inflow; client-steps, completions and ageing exits are the sums over the
 * branches, routed and summed into a[] as the single-chain step does.
 * Arrivals in w->arrive and the ring slot at head are still those of this
 * step: the other cells only add to w->next and to later ring slots. */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static void mix_cell_step(jz_workspace *w, const jz_cellyear *q, double *a, int z, int head, int L)
{
    double I = q->ext + w->arrive[z] + w->ring[(size_t)z * (size_t)L + (size_t)head];
    const double in[2] = {I * q->mix_share, I * (1.0 - q->mix_share)};
    double cm = 0.0, C = 0.0, A = 0.0;
    for (int b = 0; b < 2; b++) {
        const jz_erlang *e = &w->mix_e[2 * (size_t)z + (size_t)b];
        double sums[4];
        chain_step(e, w->mix_x + (2 * (size_t)z + (size_t)b) * JZ_STAGES_MAX, in[b], e->k, sums);
        cm += sums[2];
        C += e->r * sums[3];
        A += e->a * sums[2];
    }

    route_exits(w, q, C, A, head, L);

    a[ACC_EXIT] += C + A;
    a[ACC_AGEING] += A;
    a[ACC_COMPL] += C;
    a[ACC_CM] += cm;
}

/* Stock of cell z: its chain, or the two branches of a mixture. */
static inline double cell_stock(const jz_workspace *w, int z)
{
    if (w->cy[z].mix_share != 0.0)
        return jz_mix_stock(w, z);
    return stock_sum(w->x + (size_t)z * JZ_STAGES_MAX, w->ez[z]->k);
}

/* The routes of gemeente g's cells, once for every year: the re-entry and
 * ageing destinations and the re-entry delay in steps of each, and the
 * transitions' destinations when they are fixed.  A cell whose
 * transitions are, in every year, > 0 for the same destinations and
 * exactly 0 (+0.0 or -0.0) for all others gets those destinations in
 * w->route_to (at z * Z, increasing) and their number in w->route_fixed[z];
 * each year then only reads its fractions (setup_cell_year).  Summing the
 * non-zero ones alone gives the same double as summing all Z (a sum from
 * +0.0 that adds +0.0 or -0.0 does not change).  Any other cell (a route
 * that starts or stops, or a NaN or negative fraction that the checks have
 * not seen) gets -1: its routes are found year by year as before.
 *
 * The transitions are read in memory order, each value against the same
 * destination a year earlier: "> 0" and "== 0" must not change down the
 * years, so every year is in the class of the first.  A compare and an
 * and per value with no branch, which the compiler makes two or four
 * values per instruction (a walk down each destination's years, stopping
 * at the first that differs, cost a branch and a strided load per value). */
JZ_LANES_CLONES
static void routes_of_gemeente(const jz_scenario *s, jz_workspace *w, int g)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    const jz_cell *cells = s->cells + (size_t)g * (size_t)Z;
    const size_t ZH = (size_t)Z * (size_t)H;
    for (int z = 0; z < Z; z++) {
        const double *tr = cells[z].transition;
        int *to = w->route_to + (size_t)z * (size_t)Z, n = 0;
        long long moved = 0; /* all bits set somewhere: a value left its class */
        for (size_t i = (size_t)Z; i < ZH; i++)
            moved |= -(long long)(((tr[i] > 0.0) != (tr[i - (size_t)Z] > 0.0)) |
                                  ((tr[i] == 0.0) != (tr[i - (size_t)Z] == 0.0)));
        int fixed = !moved;
        for (int v = 0; v < Z; v++) { /* the first year: a route, a zero, or neither (NaN, < 0) */
            fixed &= (tr[v] > 0.0) | (tr[v] == 0.0);
            to[n] = v; /* overwritten until a route takes the slot */
            n += tr[v] > 0.0;
        }
        w->route_fixed[z] = fixed ? n : -1;
        /* the other routes, the same every year */
        jz_cellyear *q = &w->cy[z];
        q->reentry_to = cells[z].reentry_to;
        q->reentry_steps = jz_delay_steps(cells[z].reentry_delay, s->meta.steps_per_year);
        q->ageing_to = cells[z].ageing_to;
    }
}

/* What routes_of_gemeente set in src, into dst (draws of one gemeente:
 * every lane has the same routes, lanes_alike). */
static void routes_copy(jz_workspace *dst, const jz_workspace *src, int Z)
{
    const size_t z = (size_t)Z;
    memcpy(dst->route_fixed, src->route_fixed, z * sizeof *src->route_fixed);
    memcpy(dst->route_to, src->route_to, z * z * sizeof *src->route_to);
    for (size_t i = 0; i < z; i++) {
        dst->cy[i].reentry_to = src->cy[i].reentry_to;
        dst->cy[i].reentry_steps = src->cy[i].reentry_steps;
        dst->cy[i].ageing_to = src->cy[i].ageing_to;
    }
}

/* Parameters of cell (g, z) for year y (validated by jz_check_gemeente).
 * Returns jz_erlang_step's status.  Always inlined: GCC stopped inlining it
 * into start_year once lanes_project grew (+42 M instructions per national
 * Monte Carlo draw, bench/README.md). */
static inline __attribute__((always_inline)) int setup_cell_year(const jz_scenario *s, jz_workspace *w, int g,
                                                                  int z, int y, int lanes)
{
    const int Z = s->n_zorgsoorten, S = s->meta.steps_per_year;
    const jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
    const jz_zorgsoort *zs = &s->zorgsoorten[z];
    jz_cellyear *q = &w->cy[z];

    /* external instroom (level x trend) and zorgduur with the measures
     * applied: measures.c filled them for this gemeente */
    const size_t zy = (size_t)z * (size_t)s->meta.horizon + (size_t)y;
    q->ext_year = w->m_ext[zy];
    q->ext = q->ext_year / (double)S;

    /* completions are routed along the non-zero transitions only: usually
     * one or two of the Z, and a short scalar loop avoids partial-store
     * forwarding stalls on w->next that a dense vectorised loop causes */
    q->transition = c->transition + (size_t)y * (size_t)Z;
    int *to = w->route_to + (size_t)z * (size_t)Z;
    double *frac = w->route_frac + (size_t)z * (size_t)Z;
    double sum = 0.0;
    int n = w->route_fixed[z];
#define LOAD_(t, v) (t) = q->transition[v]
#define ROUTE_(t) ((t) > 0.0)
    JZ_CELL_ROUTES(double, LOAD_, ROUTE_, Z, to, frac, n, sum);
#undef LOAD_
#undef ROUTE_
    q->route_to = to;
    q->route_frac = frac;
    q->n_route = n;
    q->reentry = c->reentry[y];
    q->out = 1.0 - sum - q->reentry;
    if (q->out < 0.0) /* within FRACTION_SLACK of 0 (checked) */
        q->out = 0.0;
    q->aged_to = c->ageing_to >= 0 ? c->ageing_transfer[y] : 0.0;

    /* the coefficients of (k, zorgduur, ageing, step): the cell's sets for
     * every year are made in its first year, four at a time, and reused
     * when they come back (coef.c) */
    const double tau = 12.0 / (double)S, D = w->m_dur_z[z][y], p = c->ageing_rate[y];
    q->mix_share = zs->mix.share;
    if (q->mix_share != 0.0) {
        w->ez[z] = &no_chain;
        return jz_mix_setup(w, z, &zs->mix, D, p, tau);
    }
    if (lanes) /* lanes_gather_year makes them for all lanes */
        return 0;
    const size_t row = (size_t)z * (size_t)s->meta.horizon;
    if (y == 0)
        jz_coef_cell(w, z, zs->stages, w->m_dur_z[z], c->ageing_rate, tau);
    const int use = w->coef_use[row + (size_t)y];
    if (use < 0)
        return -1;
    w->ez[z] = &w->coef[row + (size_t)use];
    return 0;
}

/* uit_transfer of a cell-year without its exits by destination: the sum
 * of write_cell_year's to[v] over v in the same order, with the zero terms
 * left out (every zero route adds +0.0 or -0.0 to a sum that is +0.0 or
 * more, which changes no bit).  Only for finite C and A and a finite sum
 * of the transitions (a NaN transition is not a route but is in the full
 * sum; 0 x inf is NaN): *ok = 0 then, and the caller sums them all. */
static double transfer_by_routes(const jz_cellyear *q, double C, double A, int *ok)
{
    *ok = isfinite(C) && isfinite(A) && !isnan(q->out);
    double transfer;
    JZ_TRANSFER_BY_ROUTES(double, q, C, A, transfer);
    return transfer;
}

/* Write the year's volumes of cell z into r, at result slot gs: q its
 * parameters, a[f * as] its sums (as = 1 in a workspace, JZ_LANES in the
 * lanes), end its stock on 31 December, S the steps per year.  The exits
 * by destination (uit_to, Z x Z per cell-year) only when to_dest: the
 * scratch slot of a rolling result does without them (nothing reads
 * them), and uit_transfer is then their sum taken without them: from
 * pre when not NULL (the lanes make it for every lane at once, the same
 * bits), else from transfer_by_routes. */
static inline void write_cell_year(const jz_cellyear *q, const double *a, size_t as, double end,
                                   jz_result *r, int gs, int z, int y, int S, int to_dest,
                                   const double *pre)
{
    const int Z = r->n_zorgsoorten;
    size_t i = jz_result_cz(r, gs, z, y);

    double C = a[ACC_COMPL * as], A = a[ACC_AGEING * as];
    JZ_CELL_FIGURES(q, a, as, (double)S, r->start[i], r->instroom[i], r->unique[i], r->client_years[i],
                    r->uit_out[i], r->uit_aged_out[i]);
    r->end[i] = end;
    r->instroom_ext[i] = q->ext_year;
    r->instroom_transfer[i] = a[ACC_IN_TR * as];
    r->instroom_reentry[i] = a[ACC_IN_RE * as];
    r->uitstroom[i] = a[ACC_EXIT * as];

    double transfer = 0.0;
    int ok = 0;
    if (!to_dest && pre) {
        ok = isfinite(C) && isfinite(A) && !isnan(q->out);
        transfer = *pre;
    } else if (!to_dest) {
        transfer = transfer_by_routes(q, C, A, &ok);
    }
    if (!ok && to_dest) {
        /* the same t as below, stored first (a loop without a branch per
         * destination, two products per instruction), then summed in the
         * same order */
        double *to = r->uit_to + i * (size_t)Z;
        for (int v = 0; v < Z; v++)
            to[v] = q->transition[v] * C;
        if (q->ageing_to >= 0)
            to[q->ageing_to] += q->aged_to * A;
        transfer = 0.0;
        for (int v = 0; v < Z; v++)
            transfer += to[v];
    } else if (!ok) {
        transfer = 0.0;
        for (int v = 0; v < Z; v++) {
            double t = q->transition[v] * C;
            if (v == q->ageing_to)
                t += q->aged_to * A;
            transfer += t;
        }
    }
    r->uit_transfer[i] = transfer;
    r->uit_reentry[i] = q->reentry * C;
}

/* Ring length of gemeente g: slot (head + d) mod L receives what leaves
 * now and re-enters d steps later; L is the gemeente's longest delay + 1
 * so the year-end sum of the pool only visits slots that can be in use. */
static int ring_length(const jz_scenario *s, int g)
{
    const int Z = s->n_zorgsoorten, S = s->meta.steps_per_year;
    const jz_cell *cells = s->cells + (size_t)g * (size_t)Z;
    int L = 2;
    for (int z = 0; z < Z; z++) {
        int d = jz_delay_steps(cells[z].reentry_delay, S);
        if (d + 1 > L)
            L = d + 1;
    }
    return L;
}

/* The state of gemeente g on 1 January of the base year, in w; returns 1
 * when a zorgsoort has a duration mixture. */
static int start_state(const jz_scenario *s, jz_workspace *w, int g, int L)
{
    const int Z = s->n_zorgsoorten;
    const jz_cell *cells = s->cells + (size_t)g * (size_t)Z;
    memset(w->x, 0, (size_t)Z * JZ_STAGES_MAX * sizeof *w->x);
    memset(w->arrive, 0, (size_t)Z * sizeof *w->arrive);
    memset(w->next, 0, (size_t)Z * sizeof *w->next);
    memset(w->ring, 0, (size_t)Z * (size_t)L * sizeof *w->ring);
    int mixed = 0;
    for (int z = 0; z < Z; z++) {
        /* start split equally over the stages: the steady state of an
         * Erlang chain without ageing (every stage holds inflow / r) */
        int k = s->zorgsoorten[z].stages;
        for (int j = 0; j < k; j++)
            w->x[(size_t)z * JZ_STAGES_MAX + (size_t)j] = cells[z].start / k;
        if (s->zorgsoorten[z].mix.share != 0.0) {
            jz_mix_start(w, z, &s->zorgsoorten[z].mix, cells[z].start);
            mixed = 1;
        }
    }
    return mixed;
}

/* Year y's parameters of every cell of gemeente g (flows: and its sums
 * cleared, from its stock on 1 January; the lanes keep those themselves). */
static int start_year(const jz_scenario *s, jz_workspace *w, int g, int y, int sums, jz_error *err)
{
    const int Z = s->n_zorgsoorten;
    for (int z = 0; z < Z; z++) {
        if (setup_cell_year(s, w, g, z, y, !sums)) {
            /* the inputs passed the checks, so only k / D overflowed */
            char gw[JZ_KEY_MAX + JZ_NAME_MAX + 16], zw[JZ_KEY_MAX + JZ_NAME_MAX + 16];
            return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "%s, %s, year %d: zorgduur %g months is too small",
                                jz_gemeente_what(s, g, gw, sizeof gw), jz_zorgsoort_what(s, z, zw, sizeof zw),
                                s->meta.base_year + y, w->m_dur_z[z][y]);
        }
        if (!sums)
            continue;
        double *a = w->acc + (size_t)z * ACC_N;
        memset(a, 0, ACC_N * sizeof *a);
        a[ACC_START] = cell_stock(w, z);
    }
    return JZ_OK;
}

/* The zorgsoorten whose ring row receives re-entries (some cell's
 * reentry_to), in increasing order, into rows[]; returns how many.  The
 * other rows hold +0.0 all the time (a slot is cleared to +0.0 and only
 * ever added to), so the pool of re-entries summed over these rows alone
 * is the same double as over all. */
static int ring_rows(const jz_scenario *s, int g, int *rows)
{
    const int Z = s->n_zorgsoorten;
    const jz_cell *cells = s->cells + (size_t)g * (size_t)Z;
    int n = 0;
    for (int v = 0; v < Z; v++) {
        int used = 0;
        for (int z = 0; z < Z; z++)
            used |= cells[z].reentry_to == v;
        rows[n] = v;
        n += used;
    }
    return n;
}

/* The re-entry pool of one run: its ring rows summed in order. */
static double ring_pool(const double *ring, const int *rows, int n_rows, int L)
{
    double pool = 0.0;
    for (int k = 0; k < n_rows; k++)
        for (int t = 0; t < L; t++)
            pool += ring[(size_t)rows[k] * (size_t)L + (size_t)t];
    return pool;
}

/* The gemeente-year figures of the flows of slot gs, year y, after its
 * cells: transit the transfers arriving next step, pool the re-entries in
 * the ring; left_care is the running total of exits out of care. */
static void end_gemeente_year(jz_result *r, int gs, int y, double transit, double pool,
                              double *left_care)
{
    size_t gy = jz_result_gy(r, gs, y);
    r->g_in_transit[gy] = transit;
    r->g_reentry_pool[gy] = pool;
    r->g_left_care[gy] = *left_care;
}

/* Year y's volumes of gemeente g into slot gs of r, from the sums and the
 * state in w (the flows one run at a time). */
static void end_year(jz_workspace *w, jz_result *r, int gs, int y, int L, const int *rows, int n_rows,
                     double *left_care)
{
    const int to_dest = !(w->rolling && gs == 0);
    double transit = 0.0;
    for (int z = 0; z < w->Z; z++) {
        write_cell_year(&w->cy[z], w->acc + (size_t)z * ACC_N, 1, cell_stock(w, z), r, gs, z, y, w->S,
                        to_dest, NULL);
        size_t i = jz_result_cz(r, gs, z, y);
        *left_care += r->uit_out[i] + r->uit_aged_out[i];
        transit += w->arrive[z];
    }
    end_gemeente_year(r, gs, y, transit, ring_pool(w->ring, rows, n_rows, L), left_care);
}

/* What precedes the chains: the checks of gemeente g (unless vouched for),
 * its inputs with the measures, and the kept volumes.  *taken = 1 when the
 * volumes were taken from the cache (nothing to project).  Returns the
 * checks' status. */
static int prepare(const jz_scenario *s, jz_workspace *w, jz_result *r, int g, int *taken,
                   jz_error *err)
{
    *taken = 0;
    /* every input of the gemeente, all years, before anything is computed
     * (unless the caller vouches for them: jz_workspace_set_checked) */
    if (!(w->checked && w->checked[g])) {
        int rc = jz_check_gemeente(s, g, err);
        if (rc)
            return rc;
    }
    jz_measures_gemeente(s, w, g); /* the inputs with the measures applied */
    /* volumes a draw cannot have changed: those of the base (volumes.c) */
    *taken = jz_volumes_take(w, r, g, jz_result_slot(w, g));
    return JZ_OK;
}

/* The chains of gemeente g, month by month (after prepare). */
static int project(const jz_scenario *s, jz_workspace *w, jz_result *r, int g, jz_error *err)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon, S = s->meta.steps_per_year;
    const int gs = jz_result_slot(w, g);
    const int L = ring_length(s, g);
    int mixed = start_state(s, w, g, L); /* 1: a zorgsoort has a duration mixture */
    routes_of_gemeente(s, w, g);
    const int n_rows = ring_rows(s, g, w->ring_rows);

    int head = 0;
    double left_care = 0.0;
    for (int y = 0; y < H; y++) {
        int rc = start_year(s, w, g, y, 1, err);
        if (rc)
            return rc;

        for (int m = 0; m < S; m++) {
            for (int z = 0; z < Z; z++) {
                const jz_erlang *e = w->ez[z];
                const jz_cellyear *q = &w->cy[z];
                double *x = w->x + (size_t)z * JZ_STAGES_MAX;
                double *a = w->acc + (size_t)z * ACC_N;
                const int k = e->k;

                double in_tr = w->arrive[z];
                double in_re = w->ring[(size_t)z * (size_t)L + (size_t)head];
                double I = q->ext + in_tr + in_re;

                double sums[4]; /* stock at start, at end, client-steps, last stage */
                switch (k) {    /* constant k: fully unrolled up to 8 stages */
                case 1: chain_step(e, x, I, 1, sums); break;
                case 2: chain_step(e, x, I, 2, sums); break;
                case 3: chain_step(e, x, I, 3, sums); break;
                case 4: chain_step(e, x, I, 4, sums); break;
                case 5: chain_step(e, x, I, 5, sums); break;
                case 6: chain_step(e, x, I, 6, sums); break;
                case 7: chain_step(e, x, I, 7, sums); break;
                case 8: chain_step(e, x, I, 8, sums); break;
                default: chain_step(e, x, I, k, sums); break;
                }
                double cm = sums[2];
                /* exits as integrals, never by difference: completions are
                 * the last stage's outflow, ageing the hazard on the whole
                 * stock; both are sums of non-negative terms, so no
                 * cancellation when exits are far below the stock (mass
                 * balance start + I - E = end holds to rounding) */
                double C = e->r * sums[3];
                double A = e->a * cm;

                route_exits(w, q, C, A, head, L);
                JZ_STEP_SUMS(a, in_tr, in_re, C, A, cm);
            }
            if (mixed)
                for (int z = 0; z < Z; z++)
                    if (w->cy[z].mix_share != 0.0)
                        mix_cell_step(w, &w->cy[z], w->acc + (size_t)z * ACC_N, z, head, L);
            /* what left this step arrives next step; the ring slot of this
             * step has been consumed */
            for (int z = 0; z < Z; z++) {
                w->arrive[z] = w->next[z];
                w->next[z] = 0.0;
                w->ring[(size_t)z * (size_t)L + (size_t)head] = 0.0;
            }
            if (++head == L)
                head = 0;
        }

        end_year(w, r, gs, y, L, w->ring_rows, n_rows, &left_care);
    }
    return JZ_OK;
}

int jz_flows_gemeente(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      int g, jz_error *err)
{
    int taken, rc = prepare(s, w, r, g, &taken, err);
    if (rc || taken)
        return rc;
    return project(s, w, r, g, err);
}

/* ---- several runs side by side (lanes.h) ---- */

/* 1 when the chains of gemeente g have the same structure in every lane:
 * stages, no duration mixture, re-entry destination and delay, ageing
 * destination, and which transitions are non-zero in every year (the
 * routes).  Draws of one scenario always do; this is the guard. */
static int lanes_alike(const jz_scenario *const *s, int n, int g)
{
    const int Z = s[0]->n_zorgsoorten, H = s[0]->meta.horizon, S = s[0]->meta.steps_per_year;
    const jz_cell *c0 = s[0]->cells + (size_t)g * (size_t)Z;
    for (int z = 0; z < Z; z++)
        if (s[0]->zorgsoorten[z].mix.share != 0.0)
            return 0;
    for (int i = 1; i < n; i++) {
        const jz_cell *ci = s[i]->cells + (size_t)g * (size_t)Z;
        if (s[i]->n_zorgsoorten != Z || s[i]->meta.horizon != H || s[i]->meta.steps_per_year != S)
            return 0;
        for (int z = 0; z < Z; z++) {
            if (s[i]->zorgsoorten[z].stages != s[0]->zorgsoorten[z].stages ||
                s[i]->zorgsoorten[z].mix.share != 0.0 || ci[z].reentry_to != c0[z].reentry_to ||
                jz_delay_steps(ci[z].reentry_delay, S) != jz_delay_steps(c0[z].reentry_delay, S) ||
                ci[z].ageing_to != c0[z].ageing_to)
                return 0;
            /* the same array (a draw's copy that does not write the
             * transitions reads the base's: jz_unc_writer_copy) or the
             * same bytes (drawn alike): the same routes; else compare
             * which are non-zero */
            const size_t n_tr = (size_t)Z * (size_t)H;
            if (ci[z].transition == c0[z].transition ||
                !memcmp(ci[z].transition, c0[z].transition, n_tr * sizeof *c0[z].transition))
                continue;
            int differ = 0; /* no early exit */
            for (size_t v = 0; v < n_tr; v++)
                differ |= (ci[z].transition[v] > 0.0) != (c0[z].transition[v] > 0.0);
            if (differ)
                return 0;
        }
    }
    return 1;
}

/* Year y's coefficients in every lane of cell c, lane l with zorgduur D[l]
 * and ageing rate p[l], made straight into c, four draws side by side
 * (erlang_lanes.c; the same bits as jz_erlang_step in each lane), or kept
 * from year y - 1 when no lane's inputs changed (one vector comparison).
 * -1 when a lane's inputs are rejected. */
static inline __attribute__((always_inline)) int lanes_coef_of(jz_lane_cell *c, const jz_lane *D,
                                                                const jz_lane *p, int y, double tau)
{
    if (y > 0) {
        const jz_lane_mask same = (*D == c->coef_D) & (*p == c->coef_p);
        int all = 1;
        for (int l = 0; l < JZ_LANES; l++)
            all &= same[l] != 0;
        if (all)
            return 0;
    }
    if (jz_erlang_step_lanes(&c->coef, c->k, (const double *)D, (const double *)p, tau))
        return -1; /* c->coef holds numbers of no meaning: the lanes stop (lanes_project) */
    c->coef_D = *D;
    c->coef_p = *p;
    return 0;
}

/* lanes_coef_of for cell z of gemeente g[l] in every lane l. */
static int lanes_coef(jz_lane_cell *c, const jz_scenario *const *s, jz_workspace *const *w, int n,
                      const int *g, int z, int y)
{
    const int Z = s[0]->n_zorgsoorten;
    jz_lane D, p;
    for (int l = 0; l < JZ_LANES; l++) {
        int i = l < n ? l : 0;
        D[l] = w[i]->m_dur_z[z][y];
        p[l] = s[i]->cells[(size_t)g[i] * (size_t)Z + (size_t)z].ageing_rate[y];
    }
    return lanes_coef_of(c, &D, &p, y, 12.0 / (double)s[0]->meta.steps_per_year);
}

/* The routes of cell z in every lane into c: lane 0's when every lane has
 * the same (draws of a Monte Carlo always do), else the union of the
 * lanes' routes, in increasing order, with fraction +0.0 in a lane that
 * lacks one (*padded = 1 then: flow_lanes.c adds C x +0.0 there).  The
 * re-entry and ageing destinations and delays of each lane. */
static void lanes_routes(jz_lanes *ln, jz_lane_cell *c, jz_workspace *const *w, int n, int z, int *padded)
{
    const jz_cellyear *q0 = &w[0]->cy[z];
    jz_lane *frac = ln->frac + (size_t)z * (size_t)ln->Z;
    c->route_frac = frac;
    c->ageing_to = q0->ageing_to;
    c->reentry_to = q0->reentry_to;
    c->reentry_steps = q0->reentry_steps;
    int same = 1, ageing = 1;
    for (int l = 0; !ln->uniform && l < JZ_LANES; l++) {
        const jz_cellyear *q = &w[l < n ? l : 0]->cy[z];
        c->ageing_to_l[l] = q->ageing_to;
        c->reentry_to_l[l] = q->reentry_to;
        c->reentry_steps_l[l] = q->reentry_steps;
        ageing &= q->ageing_to == q0->ageing_to;
        same &= q->reentry_to == q0->reentry_to && q->reentry_steps == q0->reentry_steps;
    }
    c->ageing_alike = ageing;
    c->ends_alike = ageing && same;
    /* element l of lane vector i at LANE(p, i, l): plain stores, which
     * GCC and clang allow through double pointers into vectors */
#define LANE(p, i, l) ((double *)(p))[(size_t)(i) * JZ_LANES + (size_t)(l)]
    int alike = 1;
    for (int l = 1; !ln->uniform && l < n && alike; l++) {
        const jz_cellyear *q = &w[l]->cy[z];
        alike = q->n_route == q0->n_route;
        for (int m = 0; alike && m < q0->n_route; m++)
            alike = q->route_to[m] == q0->route_to[m];
    }
    if (alike) {
        c->n_route = q0->n_route;
        c->route_to = q0->route_to;
        for (int l = 0; l < JZ_LANES; l++) {
            const jz_cellyear *q = &w[l < n ? l : 0]->cy[z];
            for (int m = 0; m < c->n_route; m++)
                LANE(frac, m, l) = q->route_frac[m];
        }
        return;
    }
    /* merge the lanes' increasing lists */
    int *to = ln->route_to + (size_t)z * (size_t)ln->Z, pos[JZ_LANES] = {0}, m = 0;
    for (;;) {
        int v = ln->Z;
        for (int l = 0; l < n; l++)
            if (pos[l] < w[l]->cy[z].n_route && w[l]->cy[z].route_to[pos[l]] < v)
                v = w[l]->cy[z].route_to[pos[l]];
        if (v == ln->Z)
            break;
        for (int l = 0; l < JZ_LANES; l++) {
            const jz_cellyear *q = &w[l < n ? l : 0]->cy[z];
            int taken = l < n && pos[l] < q->n_route && q->route_to[pos[l]] == v;
            LANE(frac, m, l) = taken ? q->route_frac[pos[l]] : 0.0;
            *padded |= !taken;
            pos[l] += taken;
        }
        to[m++] = v;
    }
    c->n_route = m;
    c->route_to = to;
    c->ends_alike = 0; /* the step takes the path of the union */
}

/* Cell z's sums of the year cleared in every lane, from its stocks on 1
 * January (ln->stock), as start_year does in a workspace. */
static inline __attribute__((always_inline)) void lanes_sums_start(jz_lanes *ln, int z)
{
    jz_lane *a = ln->acc + (size_t)z * ACC_N;
    for (int f = 0; f < ACC_N; f++)
        a[f] = (jz_lane){0};
    a[ACC_START] = ln->stock[z];
}

/* This year's coefficients, cell parameters and cleared sums of every
 * lane into ln, the sums starting from the stocks in ln->stock (1 January);
 * lane l is gemeente g[l].  Lanes beyond n repeat lane 0: they compute
 * numbers nobody reads, from numbers, not from whatever was left there.
 * *padded = 1 when a lane lacks a route of the union (lanes_routes).  -1
 * when a lane's coefficients cannot be made (lanes_coef). */
static int lanes_gather_year(jz_lanes *ln, const jz_scenario *const *s, jz_workspace *const *w,
                             int n, const int *g, int y, int *padded)
{
    for (int z = 0; z < ln->Z; z++) {
        jz_lane_cell *c = &ln->cell[z];
        c->k = s[0]->zorgsoorten[z].stages;
        if (lanes_coef(c, s, w, n, g, z, y))
            return -1;
        lanes_routes(ln, c, w, n, z, padded);
        for (int l = 0; l < JZ_LANES; l++) {
            const jz_workspace *wl = w[l < n ? l : 0];
            const jz_cellyear *q = &wl->cy[z];
            LANE(&c->ext, 0, l) = q->ext;
            LANE(&c->reentry, 0, l) = q->reentry;
            LANE(&c->aged_to, 0, l) = q->aged_to;
        }
        lanes_sums_start(ln, z);
    }
    return 0;
}

/* lanes_gather_year for the draws of one gemeente g (ln->uniform), with
 * what start_year would have made in each lane's workspace made here for
 * all lanes at once: every lane has lane 0's integers (routes, stages,
 * destinations; lanes_alike), so each lane's parameters of a cell-year are
 * one vector operation of setup_cell_year's, the same operations in the
 * same order (a route's fraction, their sum, what leaves care), read from
 * each lane's inputs into the lane vectors directly instead of into each
 * workspace and from there into the lanes (~180 instructions per lane and
 * cell-year, bench/README.md).  Each lane's jz_cellyear gets only what
 * lanes_end_year reads of it (write_cell_year), and only when that writes
 * the year (not scratch: lanes_end_year_draws reads the lanes).  Lanes
 * beyond n repeat lane 0.  -1 when a lane's coefficients cannot be made
 * (lanes_coef_of). */
JZ_LANES_CLONES /* the lane vectors in registers: in the default build they would live on the stack */
static int lanes_draws_year(jz_lanes *ln, const jz_scenario *const *s, jz_workspace *const *w, int n,
                            const int *g, int y, int scratch)
{
    const int Z = ln->Z, H = s[0]->meta.horizon;
    const double S = (double)s[0]->meta.steps_per_year;
    const double tau = 12.0 / S;
    const jz_cell *cl[JZ_LANES];
    const jz_workspace *wl[JZ_LANES];
    for (int l = 0; l < JZ_LANES; l++) {
        const int i = l < n ? l : 0;
        cl[l] = s[i]->cells + (size_t)g[0] * (size_t)Z;
        wl[l] = w[i];
    }
    jz_workspace *w0 = w[0];
    for (int z = 0; z < Z; z++) {
        jz_lane_cell *c = &ln->cell[z];
        const jz_cellyear *q0 = &w0->cy[z]; /* its destinations and delay: routes_of_gemeente's */
        c->k = s[0]->zorgsoorten[z].stages;
        const size_t zy = (size_t)z * (size_t)H + (size_t)y;
        const double *tr[JZ_LANES];
        jz_lane D, p, ext_year, reentry, aged_to = {0}, sum = {0};
        for (int l = 0; l < JZ_LANES; l++) {
            const jz_cell *cz = &cl[l][z];
            D[l] = wl[l]->m_dur_z[z][y];
            p[l] = cz->ageing_rate[y];
            ext_year[l] = wl[l]->m_ext[zy];
            reentry[l] = cz->reentry[y];
            tr[l] = cz->transition + (size_t)y * (size_t)Z;
            if (q0->ageing_to >= 0)
                aged_to[l] = cz->ageing_transfer[y];
        }
        /* setup_cell_year's routes, all lanes at once (each lane's > 0
         * where lane 0's is: lanes_alike) */
        int *to = w0->route_to + (size_t)z * (size_t)Z;
        jz_lane *frac = ln->frac + (size_t)z * (size_t)Z;
        int nr = w0->route_fixed[z];
#define LOAD_(t, v) for (int l_ = 0; l_ < JZ_LANES; l_++) (t)[l_] = tr[l_][v]
#define ROUTE_(t) ((t)[0] > 0.0)
        JZ_CELL_ROUTES(jz_lane, LOAD_, ROUTE_, Z, to, frac, nr, sum);
#undef LOAD_
#undef ROUTE_
        if (lanes_coef_of(c, &D, &p, y, tau))
            return -1;
        jz_lane out = 1.0 - sum - reentry;
        out = LANE_PICK(out < 0.0, (jz_lane){0}, out); /* within FRACTION_SLACK of 0 (checked) */
        c->ext_year = ext_year;
        c->ext = ext_year / S;
        c->out = out;
        c->reentry = reentry;
        c->aged_to = aged_to;
        c->route_frac = frac;
        c->route_to = to;
        c->n_route = nr;
        c->ageing_to = q0->ageing_to;
        c->reentry_to = q0->reentry_to;
        c->reentry_steps = q0->reentry_steps;
        c->ends_alike = c->ageing_alike = 1;
        for (int l = 0; !scratch && l < n; l++) { /* lanes_end_year_draws reads the lanes */
            jz_cellyear *q = &w[l]->cy[z];
            q->ext_year = ext_year[l];
            q->transition = tr[l];
            q->reentry = reentry[l];
            q->out = out[l];
            q->aged_to = aged_to[l];
        }
        lanes_sums_start(ln, z);
    }
    return 0;
}

/* The chain state of every lane on 1 January of the base year (stocks,
 * transfers in transit, the ring) from the workspaces into ln, where it
 * stays for the whole horizon.  Lane l's ring has Ll[l] slots per row in
 * its workspace and L >= Ll[l] in ln; at head 0 slot t is t steps ahead in
 * both. */
static void lanes_state_in(jz_lanes *ln, const jz_scenario *s0, jz_workspace *const *w, int n, int L,
                           const int *Ll)
{
    const size_t Z = (size_t)ln->Z;
    if (!ln->uniform) /* a lane with a shorter ring leaves slots unset */
        memset(ln->ring, 0, Z * (size_t)L * sizeof *ln->ring);
    for (int l = 0; l < JZ_LANES; l++) {
        const int i = l < n ? l : 0;
        const jz_workspace *wl = w[i];
        for (size_t z = 0; z < Z; z++) {
            int k = s0->zorgsoorten[z].stages;
            for (size_t j = 0; j < (size_t)k; j++) {
                size_t x = z * JZ_STAGES_MAX + j;
                LANE(ln->x, x, l) = wl->x[x];
            }
            LANE(ln->arrive, z, l) = wl->arrive[z];
            LANE(ln->next, z, l) = wl->next[z];
            for (size_t t = 0; t < (size_t)Ll[i]; t++)
                LANE(ln->ring, z * (size_t)L + t, l) = wl->ring[z * (size_t)Ll[i] + t];
        }
    }
}
#undef LANE

/* lanes_state_in for the draws of one gemeente g (ln->uniform): the state
 * start_state makes, written for every lane into the lanes directly (each
 * stage of cell z holds the lane's start / k, nothing in transit, an empty
 * ring), not into each lane's workspace and copied from there slot by
 * slot (~1.5 M instructions per national draw). */
static void lanes_start_draws(jz_lanes *ln, const jz_scenario *const *s, int n, int g, int L)
{
    const int Z = ln->Z;
    memset(ln->x, 0, (size_t)Z * JZ_STAGES_MAX * sizeof *ln->x);
    memset(ln->arrive, 0, (size_t)Z * sizeof *ln->arrive);
    memset(ln->next, 0, (size_t)Z * sizeof *ln->next);
    memset(ln->ring, 0, (size_t)Z * (size_t)L * sizeof *ln->ring);
    for (int z = 0; z < Z; z++) {
        const int k = s[0]->zorgsoorten[z].stages;
        jz_lane x;
        for (int l = 0; l < JZ_LANES; l++)
            x[l] = s[l < n ? l : 0]->cells[(size_t)g * (size_t)Z + (size_t)z].start / k;
        for (int j = 0; j < k; j++)
            ln->x[(size_t)z * JZ_STAGES_MAX + (size_t)j] = x;
    }
}

/* The stock of every cell in every lane into ln->stock: stock_sum lane by
 * lane (the same additions in the same order; the stages are the
 * zorgsoort's, which every lane shares). */
JZ_LANES_CLONES /* a lane vector per stage: in the default build it would live on the stack */
static void lanes_stock(jz_lanes *ln, const jz_scenario *s0)
{
    for (int z = 0; z < ln->Z; z++) {
        const jz_lane *x = ln->x + (size_t)z * JZ_STAGES_MAX;
        jz_lane t = {0};
        for (int i = 0; i < s0->zorgsoorten[z].stages; i++)
            t += x[i];
        ln->stock[z] = t;
    }
}

/* The re-entry pool of every lane when the lanes share their rows (the
 * draws of one gemeente): each lane's slots summed in end_year's order,
 * row by row, slot 0 first.  A lane vector per slot: in the AVX2 clone one
 * addition per slot where plain doubles took four additions and four
 * stores (the same additions in the same order in each lane). */
JZ_LANES_CLONES
static void lanes_pool_draws(const jz_lanes *ln, const int *rows, int n_rows, int L, double *pool)
{
    jz_lane sum = {0};
    for (int k = 0; k < n_rows; k++) {
        const jz_lane *row = ln->ring + (size_t)rows[k] * (size_t)L;
        for (int t = 0; t < L; t++)
            sum += row[t];
    }
    for (int l = 0; l < JZ_LANES; l++)
        pool[l] = sum[l];
}

/* Year y's volumes of every lane into its slot (end_year's figures), read
 * from ln where the lanes keep their sums and state; pool[l] is lane l's
 * re-entry pool.  Cell by cell, each lane's running sums in end_year's
 * order; a cell's uit_transfer without destinations made for all lanes at
 * once (JZ_TRANSFER_BY_ROUTES, as transfer_by_routes does lane by lane):
 * only the scratch slot of a rolling result needs it, and only the Monte
 * Carlo's draws (one gemeente, the same routes in every lane) run rolling
 * in lanes; gemeenten side by side (padded routes) never do.  Draws that
 * all write that slot go to lanes_end_year_draws instead; this one has
 * them only when some lane does not (it keeps the gemeente, or its result
 * is a full one).  g[l]: lane l's gemeente. */
JZ_LANES_CLONES /* the exits by destination four at a time (no FMA: the same bits) */
static void lanes_end_year(const jz_lanes *ln, jz_workspace *const *w, jz_result *const *r, int n,
                           const int *g, int y, const double *pool, double *left_care)
{
    const double *acc = (const double *)ln->acc;
    double transit[JZ_LANES] = {0};
    int gs[JZ_LANES], to_dest[JZ_LANES], any_routes = 0;
    for (int l = 0; l < n; l++) {
        gs[l] = jz_result_slot(w[l], g[l]);
        to_dest[l] = !(w[l]->rolling && gs[l] == 0);
        any_routes |= !to_dest[l];
    }
    for (int z = 0; z < ln->Z; z++) {
        const jz_lane *a = ln->acc + (size_t)z * ACC_N;
        jz_lane tr = {0};
        if (any_routes)
            JZ_TRANSFER_BY_ROUTES(jz_lane, &ln->cell[z], a[ACC_COMPL], a[ACC_AGEING], tr);
        for (int l = 0; l < n; l++) {
            const size_t a0 = (size_t)z * ACC_N * JZ_LANES + (size_t)l;
            const double pre = tr[l];
            write_cell_year(&w[l]->cy[z], acc + a0, JZ_LANES, ln->stock[z][l], r[l], gs[l], z, y, w[l]->S,
                            to_dest[l], &pre);
            size_t i = jz_result_cz(r[l], gs[l], z, y);
            left_care[l] += r[l]->uit_out[i] + r[l]->uit_aged_out[i];
            transit[l] += ln->arrive[z][l];
        }
    }
    for (int l = 0; l < n; l++)
        end_gemeente_year(r[l], gs[l], y, transit[l], pool[l], &left_care[l]);
}

/* lanes_end_year for the draws of one gemeente g (ln->uniform) into the
 * scratch slot of rolling results (every lane's to_dest is 0; the caller
 * checks).  Nothing reads the zorgsoort arrays of that slot but the
 * money, which comes next, and the region's total of its cost
 * (JZ_TOTALS_FIGURES): so write_cell_year's figures are made for all lanes
 * at once from the lane vectors (the same operations in the same order
 * per lane; the cell parameters from lanes_draws_year) and kept there, in
 * ln->fig, for the money (money_lanes.c reads them, or writes them into
 * the results of the lanes that money.c does), not stored lane by lane;
 * only the gemeente-year figures go into the results (uit_transfer,
 * whose sum takes the routes, is not needed: left_care sums uit_out and
 * uit_aged_out). */
JZ_LANES_CLONES
static void lanes_end_year_draws(jz_lanes *ln, jz_workspace *const *w, jz_result *const *r, int n,
                                 int g, int y, const double *pool, double *left_care)
{
    const int Z = ln->Z;
    const double S = (double)w[0]->S;
    jz_lane transit = {0}, lc;
    memcpy(&lc, left_care, sizeof lc);
    for (int z = 0; z < Z; z++) {
        const jz_lane_cell *c = &ln->cell[z];
        const jz_lane *a = ln->acc + (size_t)z * ACC_N;
        /* what the money reads of the cell-year (cells_lanes, money.c) */
        jz_lane *f = ln->fig + ((size_t)z * (size_t)ln->H + (size_t)y) * FIG_N;
        jz_lane start, instroom, unique, client_years, uit_out, aged_out;
        JZ_CELL_FIGURES(c, a, 1, S, start, instroom, unique, client_years, uit_out, aged_out);
        lc += uit_out + aged_out;
        transit += ln->arrive[z];
        f[FIG_CLIENT_YEARS] = client_years;
        f[FIG_UNIQUE] = unique;
        f[FIG_START] = start;
        f[FIG_EXT] = c->ext_year;
        f[FIG_REENTRY] = a[ACC_IN_RE];
        f[FIG_END] = ln->stock[z];
        f[FIG_IN] = instroom;
        f[FIG_OUT] = a[ACC_EXIT];
    }
    for (int l = 0; l < n; l++) {
        left_care[l] = lc[l];
        end_gemeente_year(r[l], jz_result_slot(w[l], g), y, transit[l], pool[l], &left_care[l]);
    }
}

/* 1 when a lane of this year's sums has a non-finite completion total.
 * When none has, no lane's C was inf or NaN in any step, and every padded
 * route added exactly +0.0 (a sum of the C, all >= 0, stays non-finite
 * once it is). */
static int lanes_nonfinite(const jz_lanes *ln, int n)
{
    int bad = 0;
    for (int z = 0; z < ln->Z; z++)
        for (int l = 0; l < n; l++)
            bad |= !isfinite(ln->acc[(size_t)z * ACC_N + ACC_COMPL][l]);
    return bad;
}

/* The re-entry pool of lane l in ring_pool's order (its rows, its own Ll
 * slots from slot 0) from the ring of ln (L slots per row, at head after
 * `steps` steps): lane l's slot t holds what arrives (t - its head) mod Ll
 * steps ahead, which ln holds that many slots after head. */
static double lanes_pool(jz_lanes *ln, const jz_workspace *wl, int n_rows, int l, int L, int Ll,
                         int head, long steps)
{
    const int head_l = (int)(steps % Ll);
    const double *ring = (const double *)ln->ring;
    /* ln's slot of lane l's slot t, t = 0 .. Ll - 1 (no division per slot) */
    int *slot = ln->pool_slot;
    for (int t = 0, off = head_l ? Ll - head_l : 0; t < Ll; t++) {
        int i = head + off;
        slot[t] = i >= L ? i - L : i;
        if (++off == Ll)
            off = 0;
    }
    double pool = 0.0;
    for (int k = 0; k < n_rows; k++) {
        const double *row = ring + (size_t)wl->ring_rows[k] * (size_t)L * JZ_LANES + (size_t)l;
        for (int t = 0; t < Ll; t++)
            pool += row[(size_t)slot[t] * JZ_LANES];
    }
    return pool;
}

/* lanes_pool for every lane at once, when the lanes' rings have the same
 * rows (the cells' re-entry destinations) and at most POOL_SLOTS slots:
 * each lane's sum in lanes_pool's order, but the four sums side by side,
 * one value of each lane in turn, where lanes_pool made one lane's sum, one
 * addition waiting for the last, and then the next lane's.  The slots up
 * to the shortest ring go for all lanes together, each lane's further
 * slots after them in the same row (its order).  Lanes from n on repeat
 * lane 0 (their sums are not read).  0 when the rows or rings do not
 * allow it: the caller then sums lane by lane. */
enum { POOL_SLOTS = 64 };
static int lanes_pools(const jz_lanes *ln, jz_workspace *const *w, const int *n_rows, int n, int L,
                       const int *Ll, int head, long steps, double pool[JZ_LANES])
{
    if (L > POOL_SLOTS)
        return 0;
    for (int l = 1; l < n; l++) {
        if (n_rows[l] != n_rows[0])
            return 0;
        for (int k = 0; k < n_rows[0]; k++)
            if (w[l]->ring_rows[k] != w[0]->ring_rows[k])
                return 0;
    }
    int slot[JZ_LANES][POOL_SLOTS], len[JZ_LANES], shortest = L;
    for (int l = 0; l < JZ_LANES; l++) {
        /* lane l's slot t in ln's ring, as lanes_pool finds it */
        const int Lx = Ll[l < n ? l : 0], head_l = (int)(steps % Lx);
        for (int t = 0, off = head_l ? Lx - head_l : 0; t < Lx; t++) {
            int i = head + off;
            slot[l][t] = (i >= L ? i - L : i) * JZ_LANES + l;
            if (++off == Lx)
                off = 0;
        }
        len[l] = Lx;
        if (Lx < shortest)
            shortest = Lx;
    }
    const double *ring = (const double *)ln->ring;
    double p[JZ_LANES] = {0};
    for (int k = 0; k < n_rows[0]; k++) {
        const double *row = ring + (size_t)w[0]->ring_rows[k] * (size_t)L * JZ_LANES;
        for (int t = 0; t < shortest; t++)
            for (int l = 0; l < JZ_LANES; l++)
                p[l] += row[slot[l][t]];
        for (int l = 0; l < JZ_LANES; l++)
            for (int t = shortest; t < len[l]; t++)
                p[l] += row[slot[l][t]];
    }
    for (int l = 0; l < JZ_LANES; l++)
        pool[l] = p[l];
    return 1;
}

/* The horizon of lanes set up by the callers below (prepared, start state
 * and routes in each workspace; the coefficients are made here, in
 * lanes_gather_year; the draws' start state and cell parameters in
 * lanes_start_draws and lanes_draws_year): lane l is gemeente g[l]
 * of s[l], with Ll[l] ring slots and n_rows[l] ring rows of its own (L the
 * longest).  draws: every lane is the same gemeente (the Monte Carlo).
 * -1 when the lanes cannot finish (a lane's inputs are rejected, or a
 * padded route met a non-finite C): the callers then project each lane
 * alone, which writes every year again. */
static int lanes_project(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r, int n,
                         const int *g, int L, const int *Ll, const int *n_rows, int draws, jz_error *err)
{
    jz_lanes *ln = w[0]->lanes;
    const int H = s[0]->meta.horizon, S = s[0]->meta.steps_per_year;
    double left_care[JZ_LANES] = {0};
    /* scratch: draws that every lane writes into the scratch slot of a
     * rolling result (lanes_end_year_draws, ln->fig) */
    int head = 0, scratch = draws && H <= ln->H;
    for (int l = 0; l < n; l++)
        scratch &= w[l]->rolling && jz_result_slot(w[l], g[l]) == 0;
    ln->uniform = draws; /* draws: lanes_alike vouched for lane 0's integers in every lane */
    for (int y = 0; y < H; y++) {
        int rc = 0, padded = 0;
        for (int l = 0; !draws && l < n && !rc; l++) /* the draws' in lanes_draws_year */
            rc = start_year(s[l], w[l], g[l], y, 0, err);
        if (y == 0 && !rc) { /* the state moves into the lanes and stays there */
            if (draws)
                lanes_start_draws(ln, s, n, g[0], L);
            else
                lanes_state_in(ln, s[0], w, n, L, Ll);
            lanes_stock(ln, s[0]);
        }
        if (rc || (draws ? lanes_draws_year(ln, s, w, n, g, y, scratch)
                         : lanes_gather_year(ln, s, w, n, g, y, &padded)))
            return -1;
        head = jz_lanes_year(ln, S, L, head);
        if (padded && lanes_nonfinite(ln, n))
            return -1;
        lanes_stock(ln, s[0]); /* 31 December, and 1 January of the next year */
        /* the re-entry pool, each lane summed in end_year's order: the
         * draws' in one lane vector (lanes_pool_draws, cloned); gemeenten
         * side by side in plain doubles (a 4-double vector in the default
         * build lives on the stack, and each addition would wait for the
         * last store) */
        double pool[JZ_LANES] = {0};
        if (draws) {
            lanes_pool_draws(ln, w[0]->ring_rows, n_rows[0], L, pool);
        } else if (!lanes_pools(ln, w, n_rows, n, L, Ll, head, (long)(y + 1) * S, pool)) {
            for (int l = 0; l < n; l++)
                pool[l] = lanes_pool(ln, w[l], n_rows[l], l, L, Ll[l], head, (long)(y + 1) * S);
        }
        if (scratch)
            lanes_end_year_draws(ln, w, r, n, g[0], y, pool, left_care);
        else
            lanes_end_year(ln, w, r, n, g, y, pool, left_care);
    }
    if (scratch) { /* lanes_end_year_draws filled ln->fig */
        ln->fig_g = g[0];
        ln->fig_n = n;
    }
    return 0;
}

int jz_flows_gemeente_lanes(const jz_scenario *const *s, jz_workspace *const *w,
                            jz_result *const *r, int n, int g, jz_error *err)
{
    int taken = 0;
    if (w[0]->lanes) /* until lanes_project fills them */
        w[0]->lanes->fig_g = -1;
    for (int l = 0; l < n; l++) {
        int t, rc = prepare(s[l], w[l], r[l], g, &t, err);
        if (rc)
            return rc;
        taken += t;
    }
    if (taken == n)
        return JZ_OK;
    /* a lane whose volumes were taken is projected again: the same bits;
     * lane 0 without the lanes' state (jz_workspace_alloc_lane): alone */
    if (n == 1 || !w[0]->lanes || !lanes_alike(s, n, g)) {
        for (int l = 0; l < n; l++) {
            int rc = project(s[l], w[l], r[l], g, err);
            if (rc)
                return rc;
        }
        return JZ_OK;
    }

    const int L = ring_length(s[0], g);
    int gl[JZ_LANES] = {0}, Ll[JZ_LANES] = {0}, n_rows[JZ_LANES] = {0};
    n_rows[0] = ring_rows(s[0], g, w[0]->ring_rows); /* alike: every lane's rows */
    /* the lanes passed the checks (no NaN or negative transition) and
     * lanes_alike: every lane has lane 0's routes, year by year */
    routes_of_gemeente(s[0], w[0], g);
    for (int l = 0; l < n; l++) { /* the start state: lanes_start_draws */
        gl[l] = g;
        Ll[l] = L;
        if (l > 0)
            routes_copy(w[l], w[0], s[0]->n_zorgsoorten);
    }
    int rc = lanes_project(s, w, r, n, gl, L, Ll, n_rows, 1, err);
    if (rc) {
        /* a lane's inputs are rejected: one lane at a time, so that the
         * error names the gemeente and year as a run alone does */
        for (int l = 0; l < n; l++) {
            rc = project(s[l], w[l], r[l], g, err);
            if (rc)
                return rc;
        }
    }
    return JZ_OK;
}

int jz_flows_gemeenten_lanes(const jz_scenario *s, jz_workspace *const *w, jz_result *r, int n, int g0,
                             jz_error *err)
{
    const int Z = s->n_zorgsoorten;
    if (n < 2 || n > JZ_LANES || w[0]->rolling)
        return 1;
    for (int z = 0; z < Z; z++)
        if (s->zorgsoorten[z].mix.share != 0.0)
            return 1;
    const jz_scenario *sl[JZ_LANES];
    jz_result *rl[JZ_LANES];
    int g[JZ_LANES] = {0}, Ll[JZ_LANES] = {0}, n_rows[JZ_LANES] = {0}, L = 0;
    for (int l = 0; l < n; l++) {
        int taken;
        sl[l] = s;
        rl[l] = r;
        g[l] = g0 + l;
        if (w[l]->rolling || prepare(s, w[l], r, g[l], &taken, err) || taken)
            return 1; /* one by one: a run alone reports the first error */
        Ll[l] = ring_length(s, g[l]);
        if (Ll[l] > L)
            L = Ll[l];
    }
    for (int l = 0; l < n; l++) {
        start_state(s, w[l], g[l], Ll[l]);
        routes_of_gemeente(s, w[l], g[l]);
        n_rows[l] = ring_rows(s, g[l], w[l]->ring_rows);
    }
    return lanes_project(sl, w, rl, n, g, L, Ll, n_rows, 0, err) ? 1 : 0;
}
