/*
 * size.c - how much memory a run takes, known before anything is allocated
 * (see jz_model_size in jzsim/model.h).
 *
 * The loader caps each file at 16 MiB, but that does not bound gemeenten x
 * zorgsoorten x years: a 41 KB scenario with 1,000 gemeenten, 100
 * zorgsoorten and 50 years asks for 5.9 GB.  The terms below are those of
 * jz_result_alloc and jz_workspace_alloc (result.c, with its peers and the
 * lanes' state, jz_lanes_size); test_robustness checks that the result's
 * part equals what jz_result_alloc takes, so that part cannot drift.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "jzsim/regio.h"
#include "model/internal.h"
#include "model/lanes.h"

/* jz_result: arrays per gemeente x zorgsoort x year and per gemeente x year
 * (counted from the same field lists as result.c: JZ_RESULT_CZ_FIELDS,
 * JZ_RESULT_GY_FIELDS in jzsim/model.h), plus G x Z x Z x H transitions
 * (uit_to). */
#define COUNT_(name, doc) +1
enum { CZ_ARRAYS = 0 JZ_RESULT_CZ_FIELDS(COUNT_), GY_ARRAYS = 0 JZ_RESULT_GY_FIELDS(COUNT_), ACC_TERMS = ACC_N };
#undef COUNT_
/* a figure held by a report of every gemeente (JSON/XLSX/HTML keep the
 * whole document in memory): a generous bytes-per-figure */
enum { OUTPUT_BYTES_PER_FIGURE = 64 };

/* a * b, saturating at SIZE_MAX */
static size_t mul(size_t a, size_t b)
{
    return a && b > SIZE_MAX / a ? SIZE_MAX : a * b;
}
static size_t add(size_t a, size_t b)
{
    return b > SIZE_MAX - a ? SIZE_MAX : a + b;
}

/* What alloc_slots (result.c) takes for G1 - 1 gemeenten and the region. */
static size_t result_bytes(size_t G1, size_t Z, size_t H)
{
    size_t ncz = mul(mul(G1, Z), H), ngy = mul(G1, H);
    size_t doubles = add(add(mul(CZ_ARRAYS, ncz), mul(ncz, Z)), mul(GY_ARRAYS, ngy));
    return mul(doubles, sizeof(double));
}

void jz_model_size(const jz_scenario *s, jz_size_estimate *e)
{
    memset(e, 0, sizeof *e);
    if (!s || s->n_gemeenten < 1 || s->n_zorgsoorten < 1 || s->meta.horizon < 1)
        return;
    size_t G1 = (size_t)s->n_gemeenten + 1, Z = (size_t)s->n_zorgsoorten, H = (size_t)s->meta.horizon;
    size_t ncz = mul(mul(G1, Z), H), ngy = mul(G1, H);
    e->result_bytes = result_bytes(G1, Z, H);
    size_t S = (size_t)(s->meta.steps_per_year > 0 ? s->meta.steps_per_year : 1);
    size_t ring = (size_t)jz_delay_steps(JZ_REENTRY_DELAY_MAX, (int)S) + 1;
    size_t wd = mul(Z, JZ_STAGES_MAX + 2 + ring + ACC_TERMS); /* x, arrive, next, ring, acc */
    wd = add(wd, add(H, add(mul(Z, Z), add(mul(6 * Z, H), 7 * H))));
    size_t one = add(mul(wd, sizeof(double)), mul(Z, 2 * sizeof(double) + (Z + 2) * sizeof(int)));
    one = add(one, mul(Z, 3 * sizeof(const double *))); /* m_dur_z, m_cost_z, m_fin_amount_z */
    /* the coefficient sets of every cell-year and which one a year reads
     * (coef.c) */
    one = add(one, add(mul(mul(Z, H), sizeof(jz_erlang) + sizeof(int)), mul(Z, sizeof(jz_erlang *))));
    /* a workspace holds JZ_MODEL_LANES - 1 peers like itself and the
     * lanes' state (result.c, workspace_alloc) */
    e->lanes_bytes = jz_lanes_size((int)Z, (int)H, (int)ring);
    e->workspace_bytes = add(mul(one, JZ_MODEL_LANES), e->lanes_bytes);
    e->draw_workspace_bytes = one; /* jz_workspace_alloc_lane: no peers */
    e->run_bytes = add(e->result_bytes, e->workspace_bytes);
    e->rolling_result_bytes = result_bytes(JZ_ROLLING_SLOTS, Z, H);
    e->rolling_run_bytes = add(e->rolling_result_bytes, e->workspace_bytes);
    /* what jz_volume_cache_alloc takes per gemeente (volumes.c) */
    e->volume_cache_bytes = mul(mul((size_t)s->n_gemeenten, jz_volume_cache_per_gemeente(Z, H)), sizeof(double));
    e->scenario_copy_bytes = jz_scenario_size(s);
    e->figures = add(mul(CZ_ARRAYS, ncz), mul(GY_ARRAYS, ngy));
    e->all_outputs_bytes = mul(e->figures, OUTPUT_BYTES_PER_FIGURE);
}

/* Where the size is written: the horizon when it is traced, else the first
 * value of the gemeenten list (where the largest dimension is written). */
static void size_place(const jz_scenario *s, const char **file, int *line)
{
    *file = s->meta.path;
    *line = 0;
    for (int i = 0; i < s->n_inputs; i++) {
        const char *p = s->inputs[i].path;
        if (!p || !s->inputs[i].file)
            continue;
        int horizon = strcmp(p, "meta.horizon") == 0;
        if (horizon || (*line == 0 && strncmp(p, "gemeenten[", 10) == 0)) {
            *file = s->inputs[i].file;
            *line = s->inputs[i].line;
        }
        if (horizon)
            break;
    }
}

/* The one message for a model above the memory limit: what it needs, of
 * what (`what`), and what the user can change (`fewer`: an extra remedy,
 * "" or " fewer --threads,"). */
static int too_large(const jz_scenario *s, size_t need, const char *what, const char *fewer, size_t limit,
                     jz_error *err)
{
    const char *file;
    int line;
    size_place(s, &file, &line);
    return jz_error_set(err, JZ_EINPUT, file, line, 0,
                        "the model is too large: %d gemeenten x %d zorgsoorten x %d years needs about "
                        "%zu MiB (%s), above the limit of %zu MiB; use fewer gemeenten, zorgsoorten or "
                        "years,%s or raise the limit with JZSIM_MAX_MEMORY=<MiB> (docs/scenario-format.md, "
                        "\"Size limit\")",
                        s->n_gemeenten, s->n_zorgsoorten, s->meta.horizon, need >> 20, what, limit >> 20, fewer);
}

int jz_model_check_size(const jz_scenario *s, size_t limit, jz_error *err)
{
    jz_size_estimate e;
    jz_model_size(s, &e);
    if (limit == 0)
        limit = JZ_MODEL_BYTES_DEFAULT;
    size_t need = add(e.run_bytes, e.all_outputs_bytes);
    if (need <= limit)
        return JZ_OK;
    char what[96];
    snprintf(what, sizeof what, "a run %zu MiB, reports of every gemeente %zu MiB", e.run_bytes >> 20,
             e.all_outputs_bytes >> 20);
    return too_large(s, need, what, "", limit, err);
}

/* What the checks of analyses start from: the estimate, the limit (0:
 * the default), at least one thread, and whether each run needs a full
 * result (a regional verevening or contract settles between all
 * gemeenten). */
static int analysis_start(const jz_scenario *s, jz_size_estimate *e, size_t *limit, int *threads)
{
    jz_model_size(s, e);
    if (*limit == 0)
        *limit = JZ_MODEL_BYTES_DEFAULT;
    if (*threads < 1)
        *threads = 1;
    return jz_regio_settles(s->regio);
}

int jz_model_check_size_rolling(const jz_scenario *s, int threads, int runs, size_t limit,
                                jz_error *err)
{
    jz_size_estimate e;
    int full = analysis_start(s, &e, &limit, &threads);
    if (runs < 1 || full)
        runs = 1;
    /* every run holds its own scenario copy (the drawn values go there) */
    size_t run = add(full ? e.run_bytes : e.rolling_run_bytes, e.scenario_copy_bytes);
    size_t n = (size_t)threads * (size_t)runs;
    size_t need = add(mul(n, run), full ? 0 : e.volume_cache_bytes);
    if (need <= limit)
        return JZ_OK;
    char what[128];
    snprintf(what, sizeof what, "%zu runs of %zu MiB with their scenario copies%s", n, run >> 20,
             full ? "" : " and the volumes kept across draws");
    return too_large(s, need, what, " fewer --threads,", limit, err);
}

int jz_model_check_size_draws(const jz_scenario *s, int threads, int runs, size_t copy_bytes, size_t limit,
                              jz_error *err)
{
    jz_size_estimate e;
    int full = analysis_start(s, &e, &limit, &threads);
    if (runs < 1)
        runs = 1;
    if (copy_bytes == 0)
        copy_bytes = e.scenario_copy_bytes;
    /* a full result per lane for a regional verevening or contract (the
     * Monte Carlo runs those one draw at a time: the caller counts one lane
     * per scenario), a rolling one otherwise; a lane's workspace without
     * peers, the lanes' state once per JZ_MODEL_LANES lanes
     * (jz_workspace_alloc_lane) */
    size_t result = full ? e.result_bytes : e.rolling_result_bytes;
    size_t run = add(add(result, e.draw_workspace_bytes), copy_bytes);
    size_t groups = full ? (size_t)runs : ((size_t)runs + JZ_MODEL_LANES - 1) / JZ_MODEL_LANES;
    size_t thread = add(mul((size_t)runs, run), mul(groups, e.lanes_bytes));
    size_t n = (size_t)threads * (size_t)runs;
    size_t need = add(mul((size_t)threads, thread), full ? 0 : e.volume_cache_bytes);
    if (need <= limit)
        return JZ_OK;
    char what[160];
    snprintf(what, sizeof what, "%zu %s of %.1f MiB with their scenario copies%s", n,
             full ? "runs of one draw at a time" : "draws side by side", (double)run / (1 << 20),
             full ? "" : " and the volumes kept across draws");
    return too_large(s, need, what, " fewer --threads,", limit, err);
}
