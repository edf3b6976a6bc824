/*
 * measures.c - the attribution of the measures' effect (jzsim/measures.h,
 * docs/measures.md "Attribution").
 *
 * The effect of a set S of measures in year y is the net saving
 *     v(S)_y = g_cost_y(no measures) - g_cost_y(S)
 * of the chosen gemeente (or of all gemeenten together), from runs of the
 * model with only S switched on (jz_model_run_opts).  The scenario is read,
 * never changed.  The contribution of measure i is its Shapley value
 *     phi_i = sum_{S not containing i} |S|! (M - 1 - |S|)! / M! [v(S + i) - v(S)],
 * which is symmetric (no order of the measures) and efficient: the
 * contributions add up to v(all) exactly.  The investment part is split the
 * same way (Shapley is linear), gross = net + investment.
 *
 * Hervormingsagenda measures lower g_cost by a fixed amount whatever else
 * is on, so v is additive in them: their Shapley value is their own saving
 * and leaving them out of the game does not change the other values.  The
 * game is therefore played over the M local measures only: 2^M runs, exact
 * up to JZ_MEASURES_EXACT_MAX (default 14, set by the caller); above that a
 * permutation-sampling estimate with a fixed seed (each sampled order and
 * its reverse; every sampled order telescopes to v(all), so the estimate
 * still adds up exactly).
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/measures.h"

#define CENT 0.005 /* amounts smaller than half a cent count as zero */

void jz_measures_options_default(jz_measures_options *o)
{
    o->gemeente = -1;
    o->max_exact = 14;
    o->samples = 1000;
    o->seed = 20240501UL;
    o->per_gemeente = 0;
}

typedef struct runner {
    const jz_scenario *s;
    jz_workspace *w;
    jz_result *r;
    unsigned char *active; /* [n] */
    int slot;              /* gemeente slot of the result read (G = total) */
    int H;
    long runs;
    int settlement;        /* 1: run() reads the regional settlement (g_verevening + g_contract)
                              into cost instead of g_cost */
} runner;

/* Run with R->active; cost, investment and tekort of the slot (any may be NULL). */
static int run(runner *R, double *cost, double *inv, double *tekort, jz_error *err)
{
    jz_run_options opt = {R->active, 1}; /* the attribution runs its own counterfactuals */
    int rc = jz_model_run_opts(R->s, R->w, R->r, &opt, err);
    if (rc)
        return rc;
    R->runs++;
    size_t i0 = jz_result_gy(R->r, R->slot, 0);
    for (int y = 0; y < R->H; y++) {
        if (cost)
            cost[y] = R->settlement ? R->r->g_verevening[i0 + (size_t)y] + R->r->g_contract[i0 + (size_t)y]
                                    : R->r->g_cost[i0 + (size_t)y];
        if (inv)
            inv[y] = R->r->g_measure_investment[i0 + (size_t)y];
        if (tekort)
            tekort[y] = R->r->g_tekort[i0 + (size_t)y];
    }
    return JZ_OK;
}

/* Switch on exactly the local measures in `mask` (bit j = local[j]). */
static void set_mask(runner *R, const int *local, int M, unsigned long mask)
{
    memset(R->active, 0, (size_t)R->s->n_measures);
    for (int j = 0; j < M; j++)
        if (mask >> j & 1UL)
            R->active[local[j]] = 1;
}

static int bits(unsigned long x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Exact Shapley values of the M local measures. phi_net/phi_inv: [M * H]. */
static int shapley_exact(runner *R, const int *local, int M, const double *cost0, double *phi_net,
                         double *phi_inv, double *alone_net, jz_error *err)
{
    const int H = R->H;
    const unsigned long n = 1UL << M;
    if (M == 0)
        return JZ_OK;
    double *cost = malloc(n * (size_t)H * sizeof *cost);
    double *inv = malloc(n * (size_t)H * sizeof *inv);
    double *weight = malloc((size_t)M * sizeof *weight);
    int rc = JZ_OK;
    if (!cost || !inv || !weight) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory for %d measures (2^%d runs)", M, M);
        goto done;
    }
    for (unsigned long S = 0; S < n && rc == JZ_OK; S++) {
        if (S == 0) { /* the run without measures is known */
            memcpy(cost, cost0, (size_t)H * sizeof *cost);
            memset(inv, 0, (size_t)H * sizeof *inv);
            continue;
        }
        set_mask(R, local, M, S);
        rc = run(R, cost + S * (size_t)H, inv + S * (size_t)H, NULL, err);
    }
    if (rc)
        goto done;
    /* |S|! (M-1-|S|)! / M! */
    for (int k = 0; k < M; k++)
        weight[k] = exp(lgamma(k + 1.0) + lgamma((double)(M - k)) - lgamma(M + 1.0));
    for (int i = 0; i < M; i++) {
        double *pn = phi_net + (size_t)i * (size_t)H, *pi = phi_inv + (size_t)i * (size_t)H;
        unsigned long bit = 1UL << i;
        for (unsigned long S = 0; S < n; S++) {
            if (S & bit)
                continue;
            double wk = weight[bits(S)];
            const double *c0 = cost + S * (size_t)H, *c1 = cost + (S | bit) * (size_t)H;
            const double *i0 = inv + S * (size_t)H, *i1 = inv + (S | bit) * (size_t)H;
            for (int y = 0; y < H; y++) {
                pn[y] += wk * (c0[y] - c1[y]);
                pi[y] += wk * (i1[y] - i0[y]);
            }
        }
        for (int y = 0; y < H; y++)
            alone_net[(size_t)i * (size_t)H + (size_t)y] = cost0[y] - cost[bit * (size_t)H + (size_t)y];
    }
done:
    free(cost);
    free(inv);
    free(weight);
    return rc;
}

/* splitmix64: a small, portable generator, so that an estimate is the same
 * on every machine for the same seed */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Permutation-sampling estimate: `samples` orders (each drawn order and
 * its reverse), marginal contributions along each order, averaged. */
static int shapley_sampled(runner *R, const int *local, int M, const double *cost0, int samples,
                           unsigned long seed, double *phi_net, double *phi_inv, double *alone_net,
                           jz_error *err)
{
    const int H = R->H;
    int *perm = malloc((size_t)M * sizeof *perm);
    double *cost = malloc(4 * (size_t)H * sizeof *cost);
    int rc = JZ_OK;
    if (!perm || !cost) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    double *prev_c = cost, *prev_i = cost + H, *cur_c = cost + 2 * H, *cur_i = cost + 3 * H;
    uint64_t state = seed;
    for (int j = 0; j < M; j++)
        perm[j] = j;
    for (int t = 0; t < samples && rc == JZ_OK; t++) {
        if (t % 2 == 0) { /* a new order (Fisher-Yates) */
            for (int j = M - 1; j > 0; j--) {
                int k = (int)(next_random(&state) % (uint64_t)(j + 1));
                int tmp = perm[j];
                perm[j] = perm[k];
                perm[k] = tmp;
            }
        } else { /* its reverse: antithetic, halves much of the variance */
            for (int j = 0; j < M / 2; j++) {
                int tmp = perm[j];
                perm[j] = perm[M - 1 - j];
                perm[M - 1 - j] = tmp;
            }
        }
        memset(R->active, 0, (size_t)R->s->n_measures);
        memcpy(prev_c, cost0, (size_t)H * sizeof *prev_c);
        memset(prev_i, 0, (size_t)H * sizeof *prev_i);
        for (int j = 0; j < M && rc == JZ_OK; j++) {
            int i = perm[j];
            R->active[local[i]] = 1;
            if ((rc = run(R, cur_c, cur_i, NULL, err)))
                break;
            for (int y = 0; y < H; y++) {
                phi_net[(size_t)i * (size_t)H + (size_t)y] += prev_c[y] - cur_c[y];
                phi_inv[(size_t)i * (size_t)H + (size_t)y] += cur_i[y] - prev_i[y];
            }
            memcpy(prev_c, cur_c, (size_t)H * sizeof *prev_c);
            memcpy(prev_i, cur_i, (size_t)H * sizeof *prev_i);
        }
        /* restore the order drawn, so that the next draw starts from it */
        if (t % 2 == 1)
            for (int j = 0; j < M / 2; j++) {
                int tmp = perm[j];
                perm[j] = perm[M - 1 - j];
                perm[M - 1 - j] = tmp;
            }
    }
    for (size_t k = 0; rc == JZ_OK && k < (size_t)M * (size_t)H; k++) {
        phi_net[k] /= samples;
        phi_inv[k] /= samples;
    }
    for (int i = 0; i < M && rc == JZ_OK; i++) { /* each measure on its own */
        set_mask(R, local, M, 0);
        R->active[local[i]] = 1;
        if ((rc = run(R, cur_c, NULL, NULL, err)))
            break;
        for (int y = 0; y < H; y++)
            alone_net[(size_t)i * (size_t)H + (size_t)y] = cost0[y] - cur_c[y];
    }
done:
    free(perm);
    free(cost);
    return rc;
}

void jz_measures_analysis_free(jz_measures_analysis *a)
{
    if (!a)
        return;
    free(a->attr);
    free(a->order);
    free(a->by_gemeente);
    free(a->block);
    free(a);
}

static jz_measures_analysis *analysis_alloc(int n, int H)
{
    jz_measures_analysis *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->n = n;
    a->horizon = H;
    a->attr = calloc((size_t)(n ? n : 1), sizeof *a->attr);
    a->order = calloc((size_t)(n ? n : 1), sizeof *a->order);
    a->block = calloc((8 * (size_t)n + 7) * (size_t)H, sizeof *a->block);
    if (!a->attr || !a->order || !a->block) {
        jz_measures_analysis_free(a);
        return NULL;
    }
    double *p = a->block;
    for (int i = 0; i < n; i++) {
        jz_measure_attr *t = &a->attr[i];
        t->index = i;
        t->net = p;        p += H;
        t->gross = p;      p += H;
        t->investment = p; p += H;
        t->certain = p;    p += H;
        t->standalone = p; p += H;
        t->table = p;      p += H;
        t->settlement = p; p += H;
        t->care = p;       p += H;
    }
    a->combined = p;       p += H;
    a->sum_standalone = p; p += H;
    a->interaction = p;    p += H;
    a->cost_without = p;   p += H;
    a->cost_with = p;      p += H;
    a->tekort_without = p; p += H;
    a->tekort_with = p;
    return a;
}

/* Totals (budget horizon), payback, NPV, structural saving (judging
 * horizon), per-euro of one measure. */
static void summarise(jz_measures_analysis *a, jz_measure_attr *t)
{
    int H = a->horizon, HJ = a->judge_horizon, first = -1;
    for (int y = 0; y < H; y++) {
        t->net_total += t->net[y];
        t->gross_total += t->gross[y];
        t->investment_total += t->investment[y];
        t->certain_total += t->certain[y];
        t->standalone_total += t->standalone[y];
        t->table_total += t->table[y];
        t->settlement_total += t->settlement[y];
        t->care_total += t->care[y];
    }
    double cum = 0.0, disc = 1.0;
    t->payback_year = 0;
    int negative_after = 0; /* the cumulative net went below 0 after the candidate year */
    for (int y = 0; y < HJ; y++) {
        if (first < 0 && (fabs(t->net[y]) > CENT || fabs(t->investment[y]) > CENT))
            first = y; /* the first year the measure does anything */
        cum += t->net[y];
        t->judge_total += t->net[y];
        t->npv += t->net[y] / disc;
        disc *= 1.0 + a->discount_rate;
        /* payback: the first year from which the cumulative net stays >= 0 */
        if (first < 0)
            continue;
        if (cum >= -CENT) {
            if (!t->payback_year || negative_after) {
                t->payback_year = a->base_year + y;
                negative_after = 0;
            }
        } else {
            negative_after = 1;
        }
    }
    if (first < 0 || negative_after)
        t->payback_year = 0;
    t->structural = t->net[HJ - 1];
    t->uncertain_total = t->gross_total - t->certain_total;
    t->per_euro = t->investment_total > CENT ? t->gross_total / t->investment_total : NAN;
}

static int by_rank(const jz_measures_analysis *a, int i, int j)
{
    double x = a->attr[i].npv, y = a->attr[j].npv;
    if (x != y)
        return x > y ? -1 : 1;
    return (i > j) - (i < j);
}

/* The attribution of each gemeente: the same analysis with v(S) of the
 * gemeente (G more analyses; their runs are counted in a->runs). */
static int attribute_per_gemeente(const jz_scenario *s, const jz_measures_options *o, jz_measures_analysis *a,
                                  jz_error *err)
{
    int G = s->n_gemeenten, n = a->n;
    a->by_gemeente = calloc((size_t)G * (size_t)(n ? n : 1), sizeof *a->by_gemeente);
    if (!a->by_gemeente)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    a->n_gemeenten = G;
    jz_measures_options og = *o;
    og.per_gemeente = 0;
    for (int g = 0; g < G; g++) {
        og.gemeente = g;
        jz_measures_analysis *one = NULL;
        int rc = jz_measures_analyse(s, &og, &one, err);
        if (rc)
            return rc;
        for (int i = 0; i < n; i++) {
            jz_measure_gemeente *b = &a->by_gemeente[(size_t)g * (size_t)n + (size_t)i];
            b->net = one->attr[i].net_total;
            b->saving = one->attr[i].gross_total;
            b->investment = one->attr[i].investment_total;
            b->settlement = one->attr[i].settlement_total;
            b->care = one->attr[i].care_total;
        }
        a->runs += one->runs;
        jz_measures_analysis_free(one);
    }
    return JZ_OK;
}

int jz_measures_analyse(const jz_scenario *s, const jz_measures_options *o,
                        jz_measures_analysis **out, jz_error *err)
{
    jz_error_clear(err);
    *out = NULL;
    jz_measures_options def;
    if (!o) {
        jz_measures_options_default(&def);
        o = &def;
    }
    if (!s || s->n_measures < 1)
        return jz_error_set(err, JZ_EINPUT, s ? s->meta.path : NULL, 0, 0,
                            "the scenario has no measures: add a measures: list (docs/measures.md)");
    if (o->gemeente < -1 || o->gemeente >= s->n_gemeenten)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "gemeente index %d is out of range", o->gemeente);
    const int n = s->n_measures, H0 = s->meta.horizon;
    /* judged over the longer measures horizon: the runs use a copy whose
     * inputs hold their last value; its first H0 years are the budget years */
    const int H = s->meta.measures_horizon > H0 ? s->meta.measures_horizon : H0;
    const jz_scenario *given = s; /* the per-gemeente analyses extend it themselves */
    jz_scenario *sx = H > H0 ? jz_scenario_extend(s, H) : NULL;
    if (H > H0 && !sx)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (sx)
        s = sx;
    int max_exact = o->max_exact < 0 ? 0 : o->max_exact > JZ_MEASURES_EXACT_MAX ? JZ_MEASURES_EXACT_MAX
                                                                                 : o->max_exact;
    int samples = o->samples < 2 ? 2 : o->samples + (o->samples & 1); /* pairs */

    jz_measures_analysis *a = analysis_alloc(n, H);
    runner R = {s, jz_workspace_alloc(s), jz_result_alloc(s), malloc((size_t)n), 0, H, 0, 0};
    int *local = malloc((size_t)n * sizeof *local);
    double *tmp = malloc(((size_t)4 * (size_t)n + 2) * (size_t)H * sizeof *tmp);
    int rc = JZ_OK;
    if (!a || !R.w || !R.r || !R.active || !local || !tmp) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    memset(tmp, 0, ((size_t)4 * (size_t)n + 2) * (size_t)H * sizeof *tmp);
    a->base_year = s->meta.base_year;
    a->horizon = H0;
    a->judge_horizon = H;
    a->discount_rate = s->meta.discount_rate;
    a->gemeente = o->gemeente;
    a->has_regio = s->regio != NULL;
    R.slot = o->gemeente >= 0 ? o->gemeente : s->n_gemeenten;

    int M = 0;
    for (int i = 0; i < n; i++)
        if (s->measures[i].type == JZ_MEASURE_LOCAL)
            local[M++] = i;
    a->n_local = M;
    a->exact = M <= max_exact;
    a->samples = a->exact ? 0 : samples;
    a->seed = a->exact ? 0 : o->seed;

    double *phi_net = tmp, *phi_inv = tmp + (size_t)n * H, *alone = tmp + 2 * (size_t)n * H;

    /* without any measure, and with all of them */
    memset(R.active, 0, (size_t)n);
    if ((rc = run(&R, a->cost_without, NULL, a->tekort_without, err)))
        goto done;
    memset(R.active, 1, (size_t)n);
    if ((rc = run(&R, a->cost_with, NULL, a->tekort_with, err)))
        goto done;
    for (int y = 0; y < H; y++)
        a->combined[y] = a->cost_without[y] - a->cost_with[y];

    /* the local measures: Shapley values (phi over the M players) */
    rc = a->exact ? shapley_exact(&R, local, M, a->cost_without, phi_net, phi_inv, alone, err)
                  : shapley_sampled(&R, local, M, a->cost_without, samples, o->seed, phi_net,
                                    phi_inv, alone, err);
    if (rc)
        goto done;
    /* under regional arrangements: the same game on what the gemeente pays
     * in the regional settlement, so that the cash effect (net) splits into
     * the care saved at price x volume and the settlement's part; the same
     * orders when sampled (same seed) */
    if (s->regio && M > 0) {
        double *settle0 = malloc(2 * (size_t)H * sizeof *settle0);
        double *scratch = calloc(2 * (size_t)M * (size_t)H, sizeof *scratch);
        double *phi_set = calloc((size_t)M * (size_t)H, sizeof *phi_set);
        if (!settle0 || !scratch || !phi_set)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        R.settlement = 1;
        memset(R.active, 0, (size_t)n);
        if (!rc)
            rc = run(&R, settle0, NULL, NULL, err);
        if (!rc)
            rc = a->exact ? shapley_exact(&R, local, M, settle0, phi_set, scratch, scratch + (size_t)M * H, err)
                          : shapley_sampled(&R, local, M, settle0, samples, o->seed, phi_set, scratch,
                                            scratch + (size_t)M * H, err);
        R.settlement = 0;
        for (int j = 0; !rc && j < M; j++)
            memcpy(a->attr[local[j]].settlement, phi_set + (size_t)j * H, (size_t)H * sizeof(double));
        free(settle0);
        free(scratch);
        free(phi_set);
        if (rc)
            goto done;
    }
    for (int j = 0; j < M; j++) {
        jz_measure_attr *t = &a->attr[local[j]];
        memcpy(t->net, phi_net + (size_t)j * H, (size_t)H * sizeof *t->net);
        memcpy(t->investment, phi_inv + (size_t)j * H, (size_t)H * sizeof *t->investment);
        memcpy(t->standalone, alone + (size_t)j * H, (size_t)H * sizeof *t->standalone);
    }

    /* Hervormingsagenda measures: additive, their value is their own saving */
    for (int i = 0; i < n; i++) {
        const jz_measure *m = &s->measures[i];
        if (m->type != JZ_MEASURE_HA)
            continue;
        jz_measure_attr *t = &a->attr[i];
        /* its own saving, as the model counts it (no run needed: it does
         * not interact with anything) */
        for (int y = 0; y < H; y++) {
            double v = 0.0;
            for (int g = 0; g < s->n_gemeenten; g++)
                if (m->gemeente[g] && (o->gemeente < 0 || o->gemeente == g)) {
                    t->table[y] += m->saving[(size_t)g * (size_t)H + (size_t)y];
                    v += jz_measure_ha_saving(s, m, g, y);
                }
            t->net[y] = t->standalone[y] = v;
            t->investment[y] = 0.0;
        }
    }

    for (int i = 0; i < n; i++) {
        jz_measure_attr *t = &a->attr[i];
        for (int y = 0; y < H; y++) {
            t->gross[y] = t->net[y] + t->investment[y];
            t->care[y] = t->net[y] - t->settlement[y];
            t->certain[y] = s->measures[i].certain * t->gross[y];
            a->sum_standalone[y] += t->standalone[y];
        }
        summarise(a, t);
        a->order[i] = i;
    }
    for (int y = 0; y < H; y++)
        a->interaction[y] = a->combined[y] - a->sum_standalone[y];
    /* rank: insertion sort (n is small), ties in list order */
    for (int i = 1; i < n; i++) {
        int v = a->order[i], j = i - 1;
        while (j >= 0 && by_rank(a, a->order[j], v) > 0) {
            a->order[j + 1] = a->order[j];
            j--;
        }
        a->order[j + 1] = v;
    }
    for (int r = 0; r < n; r++)
        a->attr[a->order[r]].rank = r + 1;
    a->runs = R.runs;

done:
    jz_scenario_free(sx);
    jz_workspace_free(R.w);
    jz_result_free(R.r);
    free(R.active);
    free(local);
    free(tmp);
    if (rc) {
        jz_measures_analysis_free(a);
        return rc;
    }
    if (o->per_gemeente && o->gemeente < 0 && (rc = attribute_per_gemeente(given, o, a, err))) {
        jz_measures_analysis_free(a);
        return rc;
    }
    *out = a;
    return JZ_OK;
}
