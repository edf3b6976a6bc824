/*
 * mc.c - the Monte Carlo loop: draws in blocks, on POSIX threads, with
 * results that do not depend on the number of threads (jzsim/mc.h).
 *
 * Work.  The draws 0 .. N-1 are cut into blocks of B draws (B depends only
 * on N: 64, or N / 1024 rounded up for large N).  Threads take the next
 * block from a shared counter.  Every thread has its own scenario copies,
 * workspaces, results, samplers and histograms, allocated once before the
 * first draw; a draw allocates nothing.
 *
 * Order.  A draw's numbers depend only on (seed, input path, draw index)
 * (sample.c), so which thread makes it does not matter.  Histogram counts
 * are integers and min/max are exact, so merging the threads' histograms
 * gives the same result in any order.  Sums for the mean are made per block
 * in draw order, stored per block, and added in block order at the end.
 *
 * Phases.  The first blocks (about JZ_MC_PILOT draws) are the pilot: their
 * figures are kept to set each histogram's range, then counted like every
 * other draw.  Then the other blocks run.
 *
 * Writing.  A draw's values go into small copies of the scenario (only the
 * series a draw writes, jz_unc_writer_copy): those every gemeente reads
 * before the run, each gemeente's own just before the run projects it
 * (write_gemeente, called back by jz_model_run_each / _lanes_each), so they
 * are still in the cache when the model reads them.
 *
 * Errors.  A draw that the model rejects (e.g. transitions and re-entry
 * above 100% after drawing both high) stops the run; the error reported is
 * that of the lowest failing draw index, whatever the threads did.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/mc_plan.h"
#include "analysis/mc_stats.h"
#include "jzsim/init.h"
#include "jzsim/mc.h"
#include "jzsim/regio.h"


typedef struct scen {
    const jz_scenario *base;
    int g;        /* gemeente reported, or G: the region */
    int slot;     /* its slot in the workers' results */
    int full;     /* 1: a full result per worker, not a rolling one: a
                     verevening settles between all gemeenten after the last
                     one (model/regio.c), so every gemeente must be kept */
    int H, Z;
    int nfig;     /* (JZ_MC_N_GEMEENTE + Z) * H */
    int off;      /* first channel */
    int diff_off; /* first difference channel (s >= 1), JZ_MC_N_DIFF * H of them */
    int below;    /* first below-threshold counter: H for the tekort, then H for the difference */
    unsigned char *checked; /* [G] 1: no uncertain input reaches gemeente g's checked inputs, so a
                               draw leaves them as in base, which passed the model's checks */
    jz_unc_writer *writer;  /* writes a draw into a copy and checks the values it wrote */
    jz_volume_cache *volumes; /* the volumes of the gemeenten that no uncertain input reaches */
} scen;

typedef struct engine {
    int n;
    scen sc[MC_MAX_SCEN];
    int nch;
    int nbelow;
    int *below_ch;      /* [nbelow] channel counted */
    double *below_thr;  /* [nbelow] counted when value < threshold */
    long draws, B, nblocks, npilot; /* npilot: pilot blocks */
    int lanes;          /* draws projected side by side (jz_model_run_lanes): 1 .. JZ_MODEL_RUNS_MAX */
    unsigned long seed;
    double *ref;        /* [nch] the deterministic run */
    double *lo, *w;     /* [nch] histogram ranges */
    double *bsum, *bsum2; /* [nblocks * nch] */
    double *pilot;      /* [npilot * B * nch] */
    int keep;
    double *kept_inputs, *kept_values;
    /* shared, under mu */
    pthread_mutex_t mu;
    long next, end, done;
    int phase;          /* 1 pilot, 2 the rest */
    long fail_draw;     /* -1: none */
    long fail_block;
    jz_error fail_err;
    void (*progress)(void *, long, long);
    void *progress_ctx;
} engine;

/* Every draw's scenario copy, workspace, result and drawn values, per lane
 * ([lane][scenario]): lane l runs draw d0 + l of a group of up to
 * JZ_MODEL_RUNS_MAX draws (jz_model_run_lanes_each: in vector lanes
 * JZ_MODEL_LANES at a time); lane 0 alone is the one-draw path. */
typedef struct worker {
    engine *e;
    jz_scenario *copy[JZ_MODEL_RUNS_MAX][MC_MAX_SCEN];
    jz_workspace *ws[JZ_MODEL_RUNS_MAX][MC_MAX_SCEN];
    jz_result *res[JZ_MODEL_RUNS_MAX][MC_MAX_SCEN];
    jz_sampler *sp[MC_MAX_SCEN];
    double *x[JZ_MODEL_RUNS_MAX][MC_MAX_SCEN];
    unsigned char *ok[JZ_MODEL_RUNS_MAX][MC_MAX_SCEN]; /* [G] the gemeenten the draw's checks vouch for */
    double *rows;   /* [B * nch] */
    long *below;    /* [nbelow] */
    mc_hist h;
    pthread_t tid;
} worker;

void jz_mc_options_default(jz_mc_options *o)
{
    memset(o, 0, sizeof *o);
    o->draws = 1000;
    o->seed = 1;
    o->threads = 0;
    o->gemeente = -1;
    o->threshold = 0.0;
}

/* ---- figures of one run ---- */

static const double *metric_array(const jz_result *r, int m)
{
    switch (m) {
    case JZ_MC_COST: return r->g_cost;
    case JZ_MC_TEKORT: return r->g_tekort;
    case JZ_MC_BEINVLOEDBAAR: return r->g_beinvloedbaar;
    default: return r->g_unique;
    }
}

static void extract(const engine *e, jz_result *const *res, double *row)
{
    for (int s = 0; s < e->n; s++) {
        const scen *sc = &e->sc[s];
        const jz_result *r = res[s];
        double *v = row + sc->off;
        for (int m = 0; m < JZ_MC_N_GEMEENTE; m++) {
            const double *a = metric_array(r, m);
            for (int y = 0; y < sc->H; y++)
                *v++ = a[jz_result_gy(r, sc->slot, y)];
        }
        for (int z = 0; z < sc->Z; z++)
            for (int y = 0; y < sc->H; y++)
                *v++ = r->cost[jz_result_cz(r, sc->slot, z, y)];
    }
    /* differences with the reference in the same calendar year */
    const scen *r0 = &e->sc[0];
    for (int s = 1; s < e->n; s++) {
        const scen *sc = &e->sc[s];
        double *v = row + sc->diff_off;
        for (int y = 0; y < sc->H; y++) {
            int y0 = sc->base->meta.base_year + y - r0->base->meta.base_year;
            int ok = y0 >= 0 && y0 < r0->H;
            v[y] = ok ? row[sc->off + JZ_MC_TEKORT * sc->H + y] - row[r0->off + JZ_MC_TEKORT * r0->H + y0] : NAN;
            v[sc->H + y] = ok ? row[sc->off + JZ_MC_COST * sc->H + y] - row[r0->off + JZ_MC_COST * r0->H + y0] : NAN;
        }
    }
}

/* "zorgsoorten[a].zorgduur = 3.2, ..." for an error message. */
static void describe_draw(const jz_scenario *s, const double *x, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0, shown = 0; i < s->n_uncertain && at + 1 < size; i++) {
        if (s->uncertain[i].dist.kind == JZ_DIST_NONE || jz_dist_is_fixed(&s->uncertain[i].dist))
            continue;
        if (shown == 6) {
            snprintf(buf + at, size - at, ", ...");
            return;
        }
        int k = snprintf(buf + at, size - at, "%s%s = %.6g", shown ? ", " : "", s->uncertain[i].path, x[i]);
        if (k > 0)
            at += (size_t)k;
        shown++;
    }
}

/* With keep_draws: draw d's inputs (those of lane l) and figures. */
static void keep_draw(engine *e, const worker *w, int l, long d, const double *row)
{
    if (!e->keep)
        return;
    const jz_scenario *s0 = e->sc[0].base;
    if (s0->n_uncertain)
        memcpy(e->kept_inputs + (size_t)d * (size_t)s0->n_uncertain, w->x[l][0],
               (size_t)s0->n_uncertain * sizeof(double));
    memcpy(e->kept_values + (size_t)d * (size_t)e->sc[0].nfig, row + e->sc[0].off,
           (size_t)e->sc[0].nfig * sizeof(double));
}

/* What a run needs to write a draw's values of gemeente g into each lane's
 * copy just before it projects g (jz_gemeente_hook). */
typedef struct lanes_draw {
    const scen *sc;
    jz_scenario *copy[JZ_MODEL_RUNS_MAX];
    const double *x[JZ_MODEL_RUNS_MAX];
    unsigned char *ok[JZ_MODEL_RUNS_MAX];
    int n;
} lanes_draw;

static void write_gemeente(void *ctx, int g)
{
    const lanes_draw *ld = ctx;
    for (int l = 0; l < ld->n; l++)
        jz_unc_writer_apply_gemeente(ld->sc->writer, ld->sc->base, ld->copy[l], ld->x[l], ld->ok[l], g);
}

static int run_draw(engine *e, worker *w, long d, double *row, jz_error *err)
{
    for (int s = 0; s < e->n; s++) {
        jz_sampler_draw(w->sp[s], d, w->x[0][s]);
        /* the scenario was checked once; per draw only the values it
         * wrote, and the gemeenten where one fails in full (w->ok, given
         * to the workspace in simulate); each gemeente's values just
         * before the run projects it (write_gemeente) */
        jz_unc_writer_apply_shared(e->sc[s].writer, e->sc[s].base, w->copy[0][s], w->x[0][s], w->ok[0][s]);
        lanes_draw ld = {.sc = &e->sc[s], .copy = {w->copy[0][s]}, .x = {w->x[0][s]}, .ok = {w->ok[0][s]}, .n = 1};
        if (jz_model_run_each(w->copy[0][s], w->ws[0][s], w->res[0][s], write_gemeente, &ld, err) != JZ_OK) {
            char msg[JZ_ERR_MSG_MAX], drawn[600];
            describe_draw(e->sc[s].base, w->x[0][s], drawn, sizeof drawn);
            snprintf(msg, sizeof msg, "%s", err->message);
            jz_error_set(err, JZ_EINPUT, e->sc[s].base->meta.path, 0, 0,
                         "Monte Carlo draw %ld (seed %lu) is not a valid scenario: %s; drawn: %s. "
                         "Narrow the distributions (low/high) so that every draw is valid",
                         d, e->seed, msg, drawn[0] ? drawn : "(nothing)");
            return JZ_EINPUT;
        }
    }
    extract(e, w->res[0], row);
    keep_draw(e, w, 0, d, row);
    return JZ_OK;
}

/* Draws d .. d + n - 1 (n <= e->lanes) side by side, one per lane, into
 * rows (n rows of nch): the same bits as run_draw of each, which it falls
 * back on when a lane fails, so that the error is that of the lowest
 * failing draw (*fail). */
static int run_draws(engine *e, worker *w, long d, int n, double *rows, long *fail, jz_error *err)
{
    const size_t nch = (size_t)e->nch;
    int rc = JZ_OK;
    for (int s = 0; s < e->n && rc == JZ_OK; s++) {
        /* the values every gemeente reads now, each gemeente's own just
         * before the run projects it (write_gemeente): they are still in
         * the cache when the model reads them */
        const jz_scenario *sl[JZ_MODEL_RUNS_MAX];
        lanes_draw ld = {.sc = &e->sc[s], .n = n};
        for (int l = 0; l < n; l++) {
            jz_sampler_draw(w->sp[s], d + l, w->x[l][s]);
            jz_unc_writer_apply_shared(e->sc[s].writer, e->sc[s].base, w->copy[l][s], w->x[l][s], w->ok[l][s]);
            sl[l] = ld.copy[l] = w->copy[l][s];
            ld.x[l] = w->x[l][s];
            ld.ok[l] = w->ok[l][s];
        }
        jz_workspace *wl[JZ_MODEL_RUNS_MAX];
        jz_result *rl[JZ_MODEL_RUNS_MAX];
        for (int l = 0; l < n; l++) {
            wl[l] = w->ws[l][s];
            rl[l] = w->res[l][s];
        }
        rc = jz_model_run_lanes_each(sl, wl, rl, n, write_gemeente, &ld, err);
    }
    if (rc != JZ_OK) {
        for (int l = 0; l < n; l++) {
            jz_error_clear(err);
            if (run_draw(e, w, d + l, rows + (size_t)l * nch, err) != JZ_OK) {
                *fail = d + l;
                return JZ_EINPUT;
            }
        }
        return JZ_OK;
    }
    for (int l = 0; l < n; l++) {
        extract(e, w->res[l], rows + (size_t)l * nch);
        keep_draw(e, w, l, d + l, rows + (size_t)l * nch);
    }
    return JZ_OK;
}

static void count_below(const engine *e, worker *w, const double *row)
{
    for (int k = 0; k < e->nbelow; k++)
        if (row[e->below_ch[k]] < e->below_thr[k])
            w->below[k]++;
}

static void *work(void *arg)
{
    worker *w = arg;
    engine *e = w->e;
    int nch = e->nch;
    for (;;) {
        pthread_mutex_lock(&e->mu);
        long b = e->next++;
        int skip = e->fail_block >= 0 && b > e->fail_block;
        pthread_mutex_unlock(&e->mu);
        if (b >= e->end)
            break;
        if (skip)
            continue;
        long d0 = b * e->B, d1 = d0 + e->B < e->draws ? d0 + e->B : e->draws;
        double *rows = e->phase == 1 ? e->pilot + (size_t)d0 * (size_t)nch : w->rows;
        int failed = 0;
        for (long d = d0; d < d1 && !failed; d += e->lanes) {
            jz_error err;
            jz_error_clear(&err);
            int n = d1 - d < e->lanes ? (int)(d1 - d) : e->lanes;
            long fd = d;
            double *at = rows + (size_t)(d - d0) * (size_t)nch;
            if ((n == 1 ? run_draw(e, w, d, at, &err) : run_draws(e, w, d, n, at, &fd, &err)) != JZ_OK) {
                pthread_mutex_lock(&e->mu);
                if (e->fail_draw < 0 || fd < e->fail_draw) {
                    e->fail_draw = fd;
                    e->fail_block = b;
                    e->fail_err = err;
                }
                pthread_mutex_unlock(&e->mu);
                failed = 1;
            }
        }
        if (failed)
            continue;
        /* block sums in draw order */
        double *s1 = e->bsum + (size_t)b * (size_t)nch, *s2 = e->bsum2 + (size_t)b * (size_t)nch;
        for (int c = 0; c < nch; c++) {
            double a = 0.0, q = 0.0;
            for (long d = d0; d < d1; d++) {
                double v = rows[(size_t)(d - d0) * (size_t)nch + (size_t)c] - e->ref[c];
                if (!isnan(v)) {
                    a += v;
                    q += v * v;
                }
            }
            s1[c] = a;
            s2[c] = q;
        }
        if (e->phase == 2)
            for (long d = d0; d < d1; d++) {
                const double *row = rows + (size_t)(d - d0) * (size_t)nch;
                mc_absorb(&w->h, row, nch, e->lo, e->w);
                count_below(e, w, row);
            }
        pthread_mutex_lock(&e->mu);
        e->done += d1 - d0;
        if (e->progress)
            e->progress(e->progress_ctx, e->done, e->draws);
        pthread_mutex_unlock(&e->mu);
    }
    return NULL;
}

/* Blocks [from, to) on T workers: workers 1.. on threads, worker 0 here.
 * A thread that cannot be started leaves its share to the others. */
static void run_phase(engine *e, worker *ws, int T, long from, long to, int phase)
{
    e->next = from;
    e->end = to;
    e->phase = phase;
    int started[MC_MAX_THREADS] = {0};
    for (int t = 1; t < T; t++)
        started[t] = pthread_create(&ws[t].tid, NULL, work, &ws[t]) == 0;
    work(&ws[0]);
    for (int t = 1; t < T; t++)
        if (started[t])
            pthread_join(ws[t].tid, NULL);
}

/* ---- setup and teardown ---- */

static void worker_free(engine *e, worker *w)
{
    for (int s = 0; s < e->n; s++) {
        for (int l = 0; l < JZ_MODEL_RUNS_MAX; l++) {
            jz_scenario_free(w->copy[l][s]);
            jz_workspace_free(w->ws[l][s]);
            jz_result_free(w->res[l][s]);
            free(w->x[l][s]);
            free(w->ok[l][s]);
        }
        jz_sampler_free(w->sp[s]);
    }
    free(w->rows);
    free(w->below);
    mc_hist_free(&w->h);
}

static int worker_init(engine *e, worker *w)
{
    memset(w, 0, sizeof *w);
    w->e = e;
    for (int s = 0; s < e->n; s++) {
        const jz_scenario *b = e->sc[s].base;
        w->sp[s] = jz_sampler_alloc(b, e->seed);
        if (!w->sp[s])
            return -1;
        for (int l = 0; l < e->lanes; l++) {
            /* holding only the series a draw writes; the others are base's */
            w->copy[l][s] = jz_unc_writer_copy(e->sc[s].writer, b);
            /* no peers, and the lanes' state only in a group's first lane */
            w->ws[l][s] = jz_workspace_alloc_lane(b, l);
            /* a draw keeps the region's figures and one gemeente's: a
             * rolling result, whose size does not grow with G (jzsim/model.h) */
            w->res[l][s] = e->sc[s].full ? jz_result_alloc(b) : jz_result_alloc_rolling(b);
            w->x[l][s] = calloc((size_t)(b->n_uncertain ? b->n_uncertain : 1), sizeof(double));
            w->ok[l][s] = calloc((size_t)b->n_gemeenten, 1); /* none vouched before a draw */
            if (!w->copy[l][s] || !w->ws[l][s] || !w->res[l][s] || !w->x[l][s] || !w->ok[l][s])
                return -1;
            if (!e->sc[s].full)
                jz_workspace_set_rolling(w->ws[l][s], 1, e->sc[s].g < b->n_gemeenten ? e->sc[s].g : -1);
        }
    }
    w->rows = malloc((size_t)e->B * (size_t)e->nch * sizeof *w->rows);
    w->below = calloc((size_t)(e->nbelow ? e->nbelow : 1), sizeof *w->below);
    if (!w->rows || !w->below || mc_hist_init(&w->h, e->nch))
        return -1;
    return 0;
}

static void engine_free(engine *e)
{
    for (int s = 0; s < e->n; s++) {
        free(e->sc[s].checked);
        jz_unc_writer_free(e->sc[s].writer);
        jz_volume_cache_free(e->sc[s].volumes);
    }
    free(e->below_ch);
    free(e->below_thr);
    free(e->ref);
    free(e->lo);
    free(e->w);
    free(e->bsum);
    free(e->bsum2);
    free(e->pilot);
    free(e->kept_inputs);
    free(e->kept_values);
}

/* Lay out the channels and counters of n scenarios. */
static int engine_init(engine *e, int n, const jz_scenario *const *s, const jz_mc_options *o, int g0,
                       jz_error *err)
{
    memset(e, 0, sizeof *e);
    e->n = n;
    e->draws = o->draws;
    e->seed = o->seed;
    e->fail_draw = -1;
    e->fail_block = -1;
    e->progress = o->progress;
    e->progress_ctx = o->progress_ctx;
    int nch = 0, nb = 0;
    for (int i = 0; i < n; i++) {
        scen *sc = &e->sc[i];
        sc->base = s[i];
        sc->H = s[i]->meta.horizon;
        sc->Z = s[i]->n_zorgsoorten;
        sc->g = i == 0 && g0 >= 0 ? g0 : s[i]->n_gemeenten;
        sc->full = mc_full(s[i]);
        sc->slot = sc->full ? sc->g : sc->g < s[i]->n_gemeenten ? 1 : JZ_ROLLING_SLOTS - 1;
        sc->nfig = (JZ_MC_N_GEMEENTE + sc->Z) * sc->H;
        sc->off = nch;
        nch += sc->nfig;
    }
    for (int i = 1; i < n; i++) {
        e->sc[i].diff_off = nch;
        nch += JZ_MC_N_DIFF * e->sc[i].H;
    }
    for (int i = 0; i < n; i++) {
        e->sc[i].below = nb;
        nb += i == 0 ? e->sc[i].H : 2 * e->sc[i].H;
    }
    e->nch = nch;
    e->nbelow = nb;
    /* draws side by side unless asked not to, or a scenario needs a full
     * result per draw (mc_lanes).  JZ_MODEL_RUNS_MAX draws in one run: each
     * gemeente's inputs that no draw writes (the base's) are read from
     * memory once for two groups of JZ_MODEL_LANES lanes, not once per
     * group (run.c) */
    int any_full = 0;
    for (int i = 0; i < n; i++)
        any_full |= e->sc[i].full;
    e->lanes = mc_lanes(o, any_full);
    e->B = e->draws > 64L * 1024L ? (e->draws + 1023) / 1024 : 64;
    e->nblocks = (e->draws + e->B - 1) / e->B;
    e->npilot = (JZ_MC_PILOT + e->B - 1) / e->B;
    if (e->npilot > e->nblocks)
        e->npilot = e->nblocks;
    e->below_ch = malloc((size_t)nb * sizeof *e->below_ch);
    e->below_thr = malloc((size_t)nb * sizeof *e->below_thr);
    e->ref = malloc((size_t)nch * sizeof *e->ref);
    e->lo = malloc((size_t)nch * sizeof *e->lo);
    e->w = malloc((size_t)nch * sizeof *e->w);
    e->bsum = calloc((size_t)e->nblocks * (size_t)nch, sizeof *e->bsum);
    e->bsum2 = calloc((size_t)e->nblocks * (size_t)nch, sizeof *e->bsum2);
    e->pilot = malloc((size_t)e->npilot * (size_t)e->B * (size_t)nch * sizeof *e->pilot);
    e->keep = n == 1 && o->keep_draws;
    if (e->keep) {
        e->kept_inputs = malloc((size_t)e->draws * (size_t)(s[0]->n_uncertain ? s[0]->n_uncertain : 1) *
                                sizeof *e->kept_inputs);
        e->kept_values = malloc((size_t)e->draws * (size_t)e->sc[0].nfig * sizeof *e->kept_values);
    }
    if (!e->below_ch || !e->below_thr || !e->ref || !e->lo || !e->w || !e->bsum || !e->bsum2 || !e->pilot ||
        (e->keep && (!e->kept_inputs || !e->kept_values)))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory for %ld draws", e->draws);
    for (int i = 0; i < n; i++) {
        const scen *sc = &e->sc[i];
        for (int y = 0; y < sc->H; y++) {
            e->below_ch[sc->below + y] = sc->off + JZ_MC_TEKORT * sc->H + y;
            e->below_thr[sc->below + y] = o->threshold;
            if (i > 0) {
                e->below_ch[sc->below + sc->H + y] = sc->diff_off + JZ_MC_DIFF_TEKORT * sc->H + y;
                e->below_thr[sc->below + sc->H + y] = 0.0;
            }
        }
    }
    return JZ_OK;
}

int mc_check_options(int n, const jz_scenario *const *s, const jz_mc_options *o, jz_error *err)
{
    if (n < 1 || n > MC_MAX_SCEN)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "Monte Carlo: 1 to %d scenarios, got %d", MC_MAX_SCEN, n);
    if (o->draws < 1 || o->draws > 100000000L)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "the number of draws must be 1 to 100,000,000, got %ld",
                            o->draws);
    if (o->threads < 0 || o->threads > MC_MAX_THREADS)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "threads must be 0 (all cores) to %d, got %d",
                            MC_MAX_THREADS, o->threads);
    if (!isfinite(o->threshold))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "the threshold must be a finite amount");
    for (int i = 0; i < n; i++)
        if (!s[i])
            return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "Monte Carlo: scenario %d is missing", i + 1);
    if (o->gemeente >= s[0]->n_gemeenten)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "Monte Carlo: no gemeente %d", o->gemeente);
    return JZ_OK;
}

static jz_mc_result *new_result(const engine *e, int s)
{
    const scen *sc = &e->sc[s];
    jz_mc_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->scenario = sc->base;
    r->g = sc->g;
    r->draws = e->draws;
    r->seed = e->seed;
    r->horizon = sc->H;
    r->base_year = sc->base->meta.base_year;
    r->n_zorgsoorten = sc->Z;
    r->n_figures = sc->nfig;
    r->pilot_draws = e->npilot * e->B < e->draws ? e->npilot * e->B : e->draws;
    r->stat = calloc((size_t)sc->nfig, sizeof *r->stat);
    r->p_below = calloc((size_t)sc->H, sizeof *r->p_below);
    if (!r->stat || !r->p_below) {
        jz_mc_result_free(r);
        return NULL;
    }
    return r;
}

void jz_mc_result_free(jz_mc_result *r)
{
    if (!r)
        return;
    free(r->stat);
    free(r->p_below);
    free(r->kept_inputs);
    free(r->kept_values);
    free(r);
}

void jz_mc_comparison_free(jz_mc_comparison *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++) {
        if (c->runs)
            jz_mc_result_free(c->runs[i]);
        if (c->diff)
            free(c->diff[i]);
        if (c->p_lower)
            free(c->p_lower[i]);
    }
    free(c->runs);
    free(c->diff);
    free(c->p_lower);
    free(c);
}

/* sc->checked: gemeente g is vouched for when its inputs pass the model's
 * checks with every uncertain input set to NaN in a copy (a NaN fails every
 * check, so any drawn value that reaches g's checked inputs makes g fail).
 * sc->writer: per draw, the other gemeenten are vouched for when the values
 * the draw wrote into them pass their checks (jz_unc_writer_apply); the
 * probe tells it which gemeenten must have such values.  The draws use
 * both only after the deterministic run of base succeeded.
 * sc->volumes: from the same probe, the volumes no drawn value reaches
 * (jz_volume_cache_alloc), kept for every draw.  0 or -1 (memory). */
static int vouch(scen *sc)
{
    const jz_scenario *b = sc->base;
    sc->checked = calloc((size_t)b->n_gemeenten, 1);
    jz_scenario *probe = sc->checked ? jz_scenario_copy(b) : NULL;
    if (!probe)
        return -1;
    for (int i = 0; i < b->n_uncertain; i++)
        jz_unc_set(b, probe, i, NAN);
    for (int g = 0; g < b->n_gemeenten; g++) {
        jz_error e;
        sc->checked[g] = jz_model_check_gemeente(probe, g, &e) == JZ_OK;
    }
    sc->volumes = jz_volume_cache_alloc(b, probe);
    jz_scenario_free(probe);
    sc->writer = jz_unc_writer_alloc(b, sc->checked);
    return sc->volumes && sc->writer ? 0 : -1;
}

/* The whole run; fills the summaries into the results made by the caller. */
static int simulate(engine *e, int threads, jz_mc_result **runs, jz_mc_stat **diff, double **p_lower,
                    jz_error *err)
{
    int T = mc_threads(threads);
    if (T > e->nblocks)
        T = (int)e->nblocks;
    /* before the workers' copies, so that the probe copy does not add to
     * the peak memory; a base that fails its checks fails the deterministic
     * run below, before any draw */
    for (int i = 0; i < e->n; i++)
        if (vouch(&e->sc[i]))
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    worker *ws = calloc((size_t)T, sizeof *ws);
    if (!ws)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int rc = JZ_OK, nw = 0;
    for (; nw < T; nw++)
        if (worker_init(e, &ws[nw])) {
            nw++;
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory for %d threads", T);
            break;
        }
    /* the deterministic run: the reference of every sum, and the `point` */
    for (int s = 0; rc == JZ_OK && s < e->n; s++)
        if (jz_model_run(e->sc[s].base, ws[0].ws[0][s], ws[0].res[0][s], err) != JZ_OK)
            rc = err->status ? err->status : JZ_ERUNTIME;
    /* per draw: check only the values a draw wrote (the writer fills
     * ok[], read by the run), total only the figures extract() reads (the
     * same bits as a full run) */
    for (int t = 0; rc == JZ_OK && t < T; t++)
        for (int s = 0; s < e->n; s++)
            for (int l = 0; l < e->lanes; l++) {
                jz_workspace_set_checked(ws[t].ws[l][s], ws[t].ok[l][s]);
                jz_workspace_set_volumes(ws[t].ws[l][s], e->sc[s].volumes);
                jz_workspace_set_totals(ws[t].ws[l][s], JZ_TOTALS_FIGURES);
            }
    if (rc == JZ_OK) {
        extract(e, ws[0].res[0], e->ref);
        for (int c = 0; c < e->nch; c++)
            if (isnan(e->ref[c]))
                e->ref[c] = 0.0; /* a difference in a year the reference lacks */
        if (pthread_mutex_init(&e->mu, NULL) != 0)
            rc = jz_error_set(err, JZ_ERUNTIME, NULL, 0, 0, "cannot create a mutex");
    }
    if (rc == JZ_OK) {
        run_phase(e, ws, T, 0, e->npilot, 1);
        long np = e->npilot * e->B < e->draws ? e->npilot * e->B : e->draws;
        if (e->fail_draw < 0) {
            mc_ranges(e->pilot, np, e->nch, e->lo, e->w);
            for (long d = 0; d < np; d++) {
                const double *row = e->pilot + (size_t)d * (size_t)e->nch;
                mc_absorb(&ws[0].h, row, e->nch, e->lo, e->w);
                count_below(e, &ws[0], row);
            }
            run_phase(e, ws, T, e->npilot, e->nblocks, 2);
        }
        pthread_mutex_destroy(&e->mu);
        if (e->fail_draw >= 0) {
            *err = e->fail_err;
            rc = err->status;
        }
    }
    if (rc == JZ_OK) {
        for (int t = 1; t < T; t++) {
            mc_hist_merge(&ws[0].h, &ws[t].h, e->nch);
            for (int k = 0; k < e->nbelow; k++)
                ws[0].below[k] += ws[t].below[k];
        }
        for (int s = 0; s < e->n; s++) {
            const scen *sc = &e->sc[s];
            for (int f = 0; f < sc->nfig; f++)
                mc_stat(&runs[s]->stat[f], &ws[0].h, sc->off + f, e->nch, e->lo, e->w, e->ref[sc->off + f],
                        e->bsum, e->bsum2, e->nblocks);
            for (int y = 0; y < sc->H; y++)
                runs[s]->p_below[y] = (double)ws[0].below[sc->below + y] / (double)e->draws;
            if (s == 0)
                continue;
            for (int f = 0; f < JZ_MC_N_DIFF * sc->H; f++) {
                int c = sc->diff_off + f;
                mc_stat(&diff[s][f], &ws[0].h, c, e->nch, e->lo, e->w, e->ref[c], e->bsum, e->bsum2,
                        e->nblocks);
            }
            for (int y = 0; y < sc->H; y++)
                p_lower[s][y] = ws[0].h.n[sc->diff_off + y] > 0
                                    ? (double)ws[0].below[sc->below + sc->H + y] / (double)e->draws
                                    : NAN;
        }
        if (e->keep) { /* hand the kept draws to the result */
            runs[0]->kept_inputs = e->kept_inputs;
            runs[0]->kept_values = e->kept_values;
            e->kept_inputs = e->kept_values = NULL;
        }
    }
    for (int t = 0; t < nw; t++)
        worker_free(e, &ws[t]);
    free(ws);
    return rc;
}

int jz_mc_run(const jz_scenario *s, const jz_mc_options *o, jz_mc_result **out, jz_error *err)
{
    jz_init();
    jz_error_clear(err);
    *out = NULL;
    int rc = mc_check_options(1, &s, o, err);
    if (rc)
        return rc;
    engine e;
    jz_mc_result *r = NULL;
    if ((rc = engine_init(&e, 1, &s, o, o->gemeente, err)) == JZ_OK) {
        if (!(r = new_result(&e, 0)))
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        else {
            r->threshold = o->threshold;
            rc = simulate(&e, o->threads, &r, NULL, NULL, err);
        }
    }
    engine_free(&e);
    if (rc) {
        jz_mc_result_free(r);
        return rc;
    }
    *out = r;
    return JZ_OK;
}

int jz_mc_compare(int n, const jz_scenario *const *s, const jz_mc_options *o, jz_mc_comparison **out,
                  jz_error *err)
{
    jz_init();
    jz_error_clear(err);
    *out = NULL;
    jz_mc_options opt = *o;
    opt.gemeente = -1;
    opt.keep_draws = 0;
    int rc = mc_check_options(n, s, &opt, err);
    if (rc)
        return rc;
    jz_mc_comparison *c = calloc(1, sizeof *c);
    engine e;
    memset(&e, 0, sizeof e);
    if (!c || (rc = engine_init(&e, n, s, &opt, -1, err)) != JZ_OK) {
        engine_free(&e);
        free(c);
        return rc ? rc : jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    c->n = n;
    c->draws = opt.draws;
    c->seed = opt.seed;
    size_t nn = (size_t)(n > 0 ? n : 1); /* n >= 1 (mc_check_options); said again for the compiler */
    c->runs = calloc(nn, sizeof *c->runs);
    c->diff = calloc(nn, sizeof *c->diff);
    c->p_lower = calloc(nn, sizeof *c->p_lower);
    rc = c->runs && c->diff && c->p_lower ? JZ_OK : JZ_ENOMEM;
    for (int i = 0; rc == JZ_OK && i < n; i++) {
        if (!(c->runs[i] = new_result(&e, i)))
            rc = JZ_ENOMEM;
        else
            c->runs[i]->threshold = opt.threshold;
        if (i > 0 && rc == JZ_OK) {
            c->diff[i] = calloc((size_t)(JZ_MC_N_DIFF * e.sc[i].H), sizeof *c->diff[i]);
            c->p_lower[i] = calloc((size_t)e.sc[i].H, sizeof *c->p_lower[i]);
            if (!c->diff[i] || !c->p_lower[i])
                rc = JZ_ENOMEM;
        }
    }
    if (rc == JZ_ENOMEM)
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    else
        rc = simulate(&e, opt.threads, c->runs, c->diff, c->p_lower, err);
    engine_free(&e);
    if (rc) {
        jz_mc_comparison_free(c);
        return rc;
    }
    *out = c;
    return JZ_OK;
}
