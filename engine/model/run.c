/*
 * run.c - jz_model_run: validate, then project gemeente by gemeente
 * (the measures applied to its inputs in measures.c, volumes in flow.c,
 * money in money.c) and add each into the region slot (total.c); then
 * the regional pass (regio.c: verevening, figures per youth).  See
 * jzsim/model.h for the contract and docs/model.md for the equations.
 *
 * Pure and re-entrant: reads s through a const pointer, writes only w and
 * r, no globals, no I/O, no allocation; each gemeente is independent (no
 * clients cross gemeente borders), so the workspace only ever holds one,
 * or with its peers the JZ_MODEL_LANES whose chains are stepped side by
 * side (run_gemeenten_lanes; their money and totals still follow one by
 * one, in gemeente order).
 * A run may call the caller back before each gemeente
 * (jz_model_run_each, jz_model_run_lanes_each): the caller
 * then writes that gemeente's cells in its own scenarios, which the run
 * reads only after the call.
 */
#include <math.h>
#include <string.h>

#include "jzsim/regio.h"
#include "model/internal.h"

void jz_workspace_set_totals(jz_workspace *w, int totals)
{
    w->totals = totals == JZ_TOTALS_FIGURES ? JZ_TOTALS_FIGURES : JZ_TOTALS_ALL;
}

void jz_workspace_set_rolling(jz_workspace *w, int on, int keep)
{
    w->rolling = on != 0;
    w->keep = on && keep >= 0 && keep < w->G ? keep : -1;
}

void jz_workspace_set_checked(jz_workspace *w, const unsigned char *checked)
{
    w->checked = checked;
}

void jz_workspace_set_gemeente_lanes(jz_workspace *w, int on)
{
    w->gemeente_lanes = on != 0;
}

int jz_model_run(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_error *err)
{
    return jz_model_run_opts(s, w, r, NULL, err);
}

/* The first gemeente whose numbers overflowed in a rolling run, reported
 * after the loop as the check below a full run reports it. */
typedef struct overflow {
    int g, y;
    double cost, budget;
} overflow;

/* The peers of w (run_gemeenten_lanes: the other lanes of one run's
 * gemeenten side by side) run with w's settings: set once per run, since
 * none of them changes between gemeenten. */
static void peers_follow(jz_workspace *w, int H)
{
    for (int l = 0; l < JZ_MODEL_LANES - 1 && w->peer[l]; l++) {
        jz_workspace *p = w->peer[l];
        p->measure_active = w->measure_active;
        p->totals = w->totals;
        p->checked = w->checked;
        p->rolling = 0;
        p->keep = -1;
        p->volumes = w->volumes;
        p->measures_off = 0;
        memcpy(p->budget_factor, w->budget_factor, (size_t)H * sizeof *w->budget_factor);
    }
}

/* Before the gemeenten: the scenario-wide checks, the budget factor, the
 * region slot cleared. */
static int run_begin(const jz_scenario *s, jz_workspace *w, jz_result *r,
                     const jz_run_options *opt, overflow *over, jz_error *err)
{
    jz_error_clear(err);
    int rc = jz_check_dimensions(s, w, r, err);
    if (rc)
        return rc;
    if ((rc = jz_check_global(s, err)) || (rc = jz_check_measures(s, err)))
        return rc;
    /* which measures act in this run: read by measures.c per gemeente */
    w->measure_active = opt ? opt->measure_active : NULL;

    r->base_year = s->meta.base_year;
    /* the begroting price is indexed with the budget index, not the tariff
     * index: what the gemeente budgeted vs what providers are paid */
    w->budget_factor[0] = 1.0;
    for (int y = 1; y < s->meta.horizon; y++)
        w->budget_factor[y] = w->budget_factor[y - 1] * (1.0 + s->budget_index[y]);

    peers_follow(w, s->meta.horizon);
    /* a rolling result has no room for the region's other arrays */
    jz_total_clear(r, w->rolling ? JZ_TOTALS_FIGURES : w->totals);
    over->g = -1;
    over->y = 0;
    over->cost = over->budget = 0.0;
    return JZ_OK;
}

/* 1 when gemeente g needs a run with every measure off first: the
 * besparing of a local measure acting there. */
static int needs_counterfactual(const jz_scenario *s, const jz_workspace *w,
                                const jz_run_options *opt, int g)
{
    return (!opt || !opt->skip_measure_saving) && jz_measures_local_on(s, w, g);
}

/* Gemeente g after its flows: money, savings, its part of the region. */
static void run_gemeente_rest(const jz_scenario *s, jz_workspace *w, jz_result *r, int g,
                              int counterfactual, int money_done, overflow *over)
{
    const int H = s->meta.horizon, gs = jz_result_slot(w, g);
    if (!money_done) /* else the money came from the lanes (money_lanes.c) */
        jz_money_gemeente(s, w, r, g);
    for (int y = 0; y < H; y++) {
        size_t i = jz_result_gy(r, gs, y);
        /* without local measures the only measures are the
         * Hervormingsagenda's fixed savings */
        r->g_measure_saving[i] = counterfactual ? w->m_cost_off[y] - r->g_cost[i] : w->m_ha[y];
        r->g_cost_without_measures[i] = counterfactual ? w->m_cost_off[y] : r->g_cost[i] + w->m_ha[y];
    }
    jz_regio_gemeente(s, r, g, gs);
    jz_total_add(r, gs, w->rolling ? JZ_TOTALS_FIGURES : w->totals);
    for (int y = 0; w->rolling && over->g < 0 && y < H; y++) {
        size_t i = jz_result_gy(r, gs, y);
        if (!isfinite(r->g_cost[i]) || !isfinite(r->g_budget[i]) || !isfinite(r->g_unique[i])) {
            over->g = g;
            over->y = y;
            over->cost = r->g_cost[i];
            over->budget = r->g_budget[i];
        }
    }
}

/* Gemeente g, all of it. */
static int run_gemeente(const jz_scenario *s, jz_workspace *w, jz_result *r,
                        const jz_run_options *opt, int g, overflow *over, jz_error *err)
{
    const int H = s->meta.horizon, gs = jz_result_slot(w, g);
    /* the besparing needs the gemeente without its measures: when a local
     * measure acts, a run with every measure off first (its numbers are
     * overwritten by the real run below) */
    int counterfactual = needs_counterfactual(s, w, opt, g);
    int rc;
    if (counterfactual) {
        w->measures_off = 1;
        rc = jz_flows_gemeente(s, w, r, g, err);
        w->measures_off = 0;
        if (rc)
            return rc;
        jz_money_gemeente(s, w, r, g);
        for (int y = 0; y < H; y++)
            w->m_cost_off[y] = r->g_cost[jz_result_gy(r, gs, y)];
    }
    if ((rc = jz_flows_gemeente(s, w, r, g, err)))
        return rc;
    run_gemeente_rest(s, w, r, g, counterfactual, 0, over);
    return JZ_OK;
}

/* After the gemeenten: what they settle between them, the region's totals
 * and ratios, and the last guard against overflow. */
static int run_end(const jz_scenario *s, jz_workspace *w, jz_result *r, const overflow *over,
                   jz_error *err)
{
    int rc;
    /* what the gemeenten settle between them (regio.c); it needs every
     * gemeente's result, so a rolling result cannot hold it (the Monte
     * Carlo keeps a full result for a scenario with a verevening) */
    if (w->rolling && jz_regio_settles(s->regio))
        return jz_error_set(err, JZ_ERUNTIME, s->meta.path, 0, 0,
                            "a scenario with a verevening or a contract needs a full result, not a rolling one");
    if ((rc = jz_regio_contracts(s, r, err)) || (rc = jz_regio_verevening(s, r, err)))
        return rc;
    jz_total_finish(r, w->rolling ? JZ_TOTALS_FIGURES : w->totals);
    jz_regio_ratios(r);
    /* the loader's ranges keep every product finite; this is the last
     * guard for scenarios built in code */
    for (int g = 0; g <= s->n_gemeenten; g++) {
        int gs = g == s->n_gemeenten ? r->n_gemeenten : jz_result_slot(w, g);
        for (int y = 0; y < s->meta.horizon; y++) {
            size_t i = jz_result_gy(r, gs, y);
            double cost = r->g_cost[i], budget = r->g_budget[i];
            int bad = !isfinite(cost) || !isfinite(budget) || !isfinite(r->g_unique[i]);
            if (w->rolling && g < s->n_gemeenten) { /* slot 0 holds the last gemeente only */
                bad = g == over->g && y == over->y;
                cost = over->cost;
                budget = over->budget;
            }
            if (bad)
                return jz_error_set(err, JZ_ERUNTIME, s->meta.path, 0, 0,
                                    "%s %d: the projection overflowed (cost %g, budget %g); check the size of the inputs",
                                    g < s->n_gemeenten ? s->gemeenten[g].name : "total",
                                    s->meta.base_year + y, cost, budget);
        }
    }
    return JZ_OK;
}

/* Gemeenten g .. g + n - 1 with their chains side by side (flow.c,
 * jz_flows_gemeenten_lanes), then each one's money and its part of the
 * region in order, as run_gemeente does; how many were done (0: gemeente g
 * goes alone).  Not for a rolling result (one slot for every gemeente) nor
 * for a gemeente with a local measure (its run without measures first). */
static int run_gemeenten_lanes(const jz_scenario *s, jz_workspace *w, jz_result *r,
                               const jz_run_options *opt, int g, overflow *over, jz_error *err)
{
    int n = s->n_gemeenten - g < JZ_MODEL_LANES ? s->n_gemeenten - g : JZ_MODEL_LANES;
    if (n < 2 || w->rolling || !w->gemeente_lanes || !w->peer[0])
        return 0;
    for (int l = 0; l < n; l++)
        if (needs_counterfactual(s, w, opt, g + l))
            return 0;
    jz_workspace *wl[JZ_MODEL_LANES] = {w};
    for (int l = 1; l < n; l++)
        wl[l] = w->peer[l - 1]; /* set up as w by peers_follow */
    if (jz_flows_gemeenten_lanes(s, wl, r, n, g, err))
        return 0;
    jz_error_clear(err);
    for (int l = 0; l < n; l++)
        run_gemeente_rest(s, wl[l], r, g + l, 0, 0, over);
    return n;
}

/* Without a hook, gemeenten go side by side in groups where they can
 * (run_gemeenten_lanes); with one, one by one: the hook is called once per
 * gemeente, just before its projection. */
static int run_one(const jz_scenario *s, jz_workspace *w, jz_result *r, const jz_run_options *opt,
                   jz_gemeente_hook before, void *ctx, jz_error *err)
{
    overflow over;
    int rc = run_begin(s, w, r, opt, &over, err);
    for (int g = 0; !rc && g < s->n_gemeenten;) {
        int done = before ? 0 : run_gemeenten_lanes(s, w, r, opt, g, &over, err);
        if (done) {
            g += done;
            continue;
        }
        if (before) /* the caller's last writes into g's cells */
            before(ctx, g);
        rc = run_gemeente(s, w, r, opt, g, &over, err);
        g++;
    }
    return rc ? rc : run_end(s, w, r, &over, err);
}

int jz_model_run_opts(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      const jz_run_options *opt, jz_error *err)
{
    return run_one(s, w, r, opt, NULL, NULL, err);
}

int jz_model_run_each(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_gemeente_hook before,
                      void *ctx, jz_error *err)
{
    return run_one(s, w, r, NULL, before, ctx, err);
}

int jz_model_run_lanes(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                       int n, jz_error *err)
{
    return jz_model_run_lanes_each(s, w, r, n, NULL, NULL, err);
}

int jz_model_run_lanes_each(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                            int n, jz_gemeente_hook before, void *ctx, jz_error *err)
{
    if (n < 1 || n > JZ_MODEL_RUNS_MAX)
        return jz_error_set(err, JZ_ERUNTIME, NULL, 0, 0, "%d lanes: 1 to %d can run at once", n,
                            JZ_MODEL_RUNS_MAX);
    overflow over[JZ_MODEL_RUNS_MAX];
    int rc = JZ_OK;
    for (int i = 0; i < n && !rc; i++) {
        rc = run_begin(s[i], w[i], r[i], NULL, &over[i], err);
        /* the lanes are projected gemeente by gemeente together */
        if (!rc && (s[i]->n_gemeenten != s[0]->n_gemeenten || w[i]->Z != w[0]->Z ||
                    w[i]->H != w[0]->H || w[i]->S != w[0]->S))
            rc = jz_error_set(err, JZ_ERUNTIME, s[i]->meta.path, 0, 0,
                              "lanes of one run need scenarios of the same dimensions");
    }
    for (int g = 0; !rc && g < s[0]->n_gemeenten; g++) {
        if (before) /* the caller's last writes into g's cells */
            before(ctx, g);
        int counterfactual = 0;
        for (int i = 0; i < n; i++)
            counterfactual |= needs_counterfactual(s[i], w[i], NULL, g);
        if (counterfactual) { /* rare: lane by lane */
            for (int i = 0; i < n && !rc; i++)
                rc = run_gemeente(s[i], w[i], r[i], NULL, g, &over[i], err);
            continue;
        }
        /* the lanes in groups of JZ_MODEL_LANES, one after the other
         * while gemeente g's inputs are in the cache */
        for (int i0 = 0; i0 < n && !rc; i0 += JZ_MODEL_LANES) {
            const int m = n - i0 < JZ_MODEL_LANES ? n - i0 : JZ_MODEL_LANES;
            rc = jz_flows_gemeente_lanes(s + i0, w + i0, r + i0, m, g, err);
            unsigned money_done = rc ? 0u : jz_money_gemeente_lanes(s + i0, w + i0, r + i0, m, g);
            for (int i = 0; i < m && !rc; i++)
                run_gemeente_rest(s[i0 + i], w[i0 + i], r[i0 + i], g, 0, (int)((money_done >> i) & 1u),
                                  &over[i0 + i]);
        }
    }
    for (int i = 0; i < n && !rc; i++)
        rc = run_end(s[i], w[i], r[i], &over[i], err);
    return rc;
}
