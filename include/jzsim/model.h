/*
 * jzsim/model.h - the projection: scenario in, per-year results out.
 *
 * jz_model_run() is a pure function of the scenario: no globals, no I/O, no
 * allocation (all memory lives in the workspace and the result, allocated
 * once by the caller), so any number of runs may go on in parallel as long
 * as each has its own workspace and result.  The equations are in
 * docs/model.md, exactly as implemented in engine/model/.
 *
 * Result layout.  Gemeente index g runs 0..G where g == G is the total over
 * all gemeenten (the region; for a one-gemeente scenario it equals g = 0).
 *   per gemeente x zorgsoort x year:  a[(g*Z + z)*H + y]   (jz_result_cz)
 *   per gemeente x year:              a[g*H + y]           (jz_result_gy)
 *   uitstroom by destination:         uit_to[((g*Z + z)*H + y)*Z + w]
 * Money is in nominal euros of that year, counts in clients (persons or
 * trajectories, see docs/model.md), client_years in years of care.
 */
#ifndef JZSIM_MODEL_H
#define JZSIM_MODEL_H

#include <stddef.h>
#include "jzsim/error.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The arrays of jz_result, one X-macro list per shape (the single place a
 * result figure is declared: the struct, the allocation and the region total
 * are generated from these lists; see CONTRIBUTING.md).  X(field, kind):
 *   JZ_RESULT_SUM    additive: the region slot g = G is the sum over gemeenten
 *   JZ_RESULT_RATIO  a ratio: the region slot is recomputed from summed parts
 * Per gemeente x zorgsoort x year, index (g*Z + z)*H + y: */
#define JZ_RESULT_SUM 1
#define JZ_RESULT_RATIO 0
#define JZ_RESULT_CZ_FIELDS(X) \
    X(start, JZ_RESULT_SUM)                     /* clients in care on 1 January */ \
    X(end, JZ_RESULT_SUM)                       /* clients in care on 31 December */ \
    X(client_years, JZ_RESULT_SUM)              /* integral of the stock over the year = average clients */ \
    X(unique, JZ_RESULT_SUM)                    /* start + instroom: CBS "actief in periode" (trajectories) */ \
    X(instroom, JZ_RESULT_SUM)                  /* all starts = ext + transfer + reentry */ \
    X(instroom_ext, JZ_RESULT_SUM)              /* new starts from outside care */ \
    X(instroom_transfer, JZ_RESULT_SUM)         /* arrivals from other zorgsoorten (incl. ageing to 18+) */ \
    X(instroom_reentry, JZ_RESULT_SUM)          /* re-entries after an earlier exit */ \
    X(uitstroom, JZ_RESULT_SUM)                 /* all exits = sum of the uit_* parts below */ \
    X(uit_transfer, JZ_RESULT_SUM)              /* exits to another zorgsoort (sum of uit_to over w) */ \
    X(uit_reentry, JZ_RESULT_SUM)               /* exits that will re-enter later */ \
    X(uit_aged_out, JZ_RESULT_SUM)              /* exits by turning 18 (or the group's upper age) that leave care */ \
    X(uit_out, JZ_RESULT_SUM)                   /* exits out of care for good */ \
    X(price, JZ_RESULT_RATIO)                   /* euros per client-year paid that year (cost / client_years \
                                                   for lumpsum and population financing) */ \
    X(care_cost, JZ_RESULT_SUM)                 /* client_years * price (or the lumpsum): the projected clients */ \
    X(cost, JZ_RESULT_SUM)                      /* care_cost + cost of external shifts not in_volume - ha_saving */ \
    X(budget_volume, JZ_RESULT_SUM)             /* budgeted client-years (0 when no budget) */ \
    X(budget_price, JZ_RESULT_RATIO)            /* budgeted euros per client-year, indexed */ \
    X(budget, JZ_RESULT_SUM)                    /* budget_volume * budget_price (or the amount) + ext_budget */ \
    X(ext_client_years, JZ_RESULT_SUM)          /* client-years of external shifts (not in the flows) */ \
    X(ext_cost, JZ_RESULT_SUM)                  /* their cost (for in_volume shifts: their part of care_cost) */ \
    X(ext_budget, JZ_RESULT_SUM)                /* their compensation */ \
    X(tekort, JZ_RESULT_SUM)                    /* cost - budget */ \
    X(cost_per_client, JZ_RESULT_RATIO)         /* cost / unique (0 when unique = 0) */ \
    /* the tekort split into causes (docs/model.md "Deficit decomposition"); \
     * dec_tariff + dec_external + dec_volume + dec_intensity + dec_start == tekort */ \
    X(dec_tariff, JZ_RESULT_SUM)                /* tariff gap incl. corrections and indexation of overspend */ \
    X(dec_external, JZ_RESULT_SUM)              /* external shifts (e.g. woonplaatsbeginsel) */ \
    X(dec_volume, JZ_RESULT_SUM)                /* more client-years than budgeted */ \
    X(dec_intensity, JZ_RESULT_SUM)             /* higher cost per client-year than budgeted, beyond indexation */ \
    X(dec_start, JZ_RESULT_SUM)                 /* startverschil: the base-year gap of a budget given as an \
                                                   amount (its real overspend in the base year), carried on */ \
    X(ha_saving, JZ_RESULT_SUM)                 /* Hervormingsagenda saving landed in this zorgsoort (in cost: \
                                                   by the row's shares, or spread cost-weighted) */

/* Per gemeente x year, index g*H + y: */
#define JZ_RESULT_GY_FIELDS(X) \
    X(g_start, JZ_RESULT_SUM)                   /* sum over zorgsoorten of start (trajectories) */ \
    X(g_end, JZ_RESULT_SUM)                     /* sum over zorgsoorten of end */ \
    X(g_instroom, JZ_RESULT_SUM)                /* sum over zorgsoorten of instroom (incl. transfers) */ \
    X(g_uitstroom, JZ_RESULT_SUM)               /* sum over zorgsoorten of uitstroom (incl. transfers) */ \
    X(g_unique, JZ_RESULT_SUM)                  /* persons: sum of start + instroom_ext + instroom_reentry */ \
    X(g_client_years, JZ_RESULT_SUM) \
    X(g_care_cost, JZ_RESULT_SUM)               /* sum over zorgsoorten of cost (net of ha_saving) */ \
    X(g_care_budget, JZ_RESULT_SUM)             /* sum over zorgsoorten of budget */ \
    X(g_care_tekort, JZ_RESULT_SUM)             /* g_care_cost - g_care_budget */ \
    X(g_fixed_cost, JZ_RESULT_SUM)              /* fixed cost lines */ \
    X(g_fixed_budget, JZ_RESULT_SUM) \
    X(g_cost, JZ_RESULT_SUM)                    /* g_care_cost + the lines of \
                                                   JZ_RESULT_COST_BEYOND_CARE_LINES: fixed cost, \
                                                   investment, verevening, contract */ \
    X(g_budget, JZ_RESULT_SUM)                  /* care + fixed */ \
    X(g_tekort, JZ_RESULT_SUM)                  /* g_cost - g_budget */ \
    X(g_dec_tariff, JZ_RESULT_SUM)              /* sums of the dec_* parts, incl. fixed lines and measures */ \
    X(g_dec_external, JZ_RESULT_SUM) \
    X(g_dec_volume, JZ_RESULT_SUM) \
    X(g_dec_intensity, JZ_RESULT_SUM) \
    X(g_niet_beinvloedbaar, JZ_RESULT_SUM)      /* g_dec_tariff + g_dec_external (+ g_dec_start when it is not \
                                                   beinvloedbaar) */ \
    X(g_beinvloedbaar, JZ_RESULT_SUM)           /* g_dec_volume + g_dec_intensity (+ g_dec_start by default) */ \
    X(g_ha_savings, JZ_RESULT_SUM)              /* Hervormingsagenda savings counted this year (euros) */ \
    X(g_ha_savings_certain, JZ_RESULT_SUM)      /* of which the certain part */ \
    X(g_measure_investment, JZ_RESULT_SUM)      /* investment cost of local measures (in g_cost) */ \
    X(g_rijksbijdrage, JZ_RESULT_SUM)           /* 0 when not given */ \
    X(g_tekort_rijk, JZ_RESULT_SUM)             /* g_cost - g_rijksbijdrage */ \
    X(g_cost_per_client, JZ_RESULT_RATIO)       /* g_care_cost / g_unique */ \
    X(g_in_transit, JZ_RESULT_SUM)              /* youth between zorgsoorten on 31 December */ \
    X(g_reentry_pool, JZ_RESULT_SUM)            /* youth waiting to re-enter on 31 December */ \
    X(g_left_care, JZ_RESULT_SUM)               /* cumulative exits out of care (uit_out + uit_aged_out) */ \
    X(g_dec_start, JZ_RESULT_SUM)               /* sum of dec_start (in g_beinvloedbaar or g_niet_beinvloedbaar \
                                                   as meta.startverschil_beinvloedbaar says) */ \
    X(g_ha_savings_spread, JZ_RESULT_SUM)       /* of g_ha_savings: rows without zorgsoorten shares, spread \
                                                   cost-weighted over the zorgsoorten their cause touches */ \
    X(g_cost_without_measures, JZ_RESULT_SUM)   /* g_cost of the same run with every measure off */ \
    X(g_measure_saving, JZ_RESULT_SUM)          /* besparing: g_cost_without_measures - g_cost = Hervormingsagenda \
                                                   + effect of local measures - their investment */ \
    /* regional arrangements (engine/model/regio.c; docs/model.md section 14): 0 without a verevening */ \
    X(g_verevening_eigen, JZ_RESULT_SUM)        /* own use: sum of cost over the pooled zorgsoorten */ \
    X(g_verevening_sleutel, JZ_RESULT_SUM)      /* the gemeente's share of the key (the region: 1) */ \
    X(g_verevening_aandeel, JZ_RESULT_SUM)      /* what it pays: own use up to the drempel + key x the rest */ \
    X(g_verevening, JZ_RESULT_SUM)              /* g_verevening_aandeel - g_verevening_eigen, in g_cost and \
                                                   g_niet_beinvloedbaar; sums to 0 over the gemeenten */ \
    /* regional contracts with a lumpsum (docs/model.md section 14): 0 in years without one */ \
    X(g_contract_eigen, JZ_RESULT_SUM)          /* price x volume of the contracted zorgsoorten (sum of cost) */ \
    X(g_contract_aandeel, JZ_RESULT_SUM)        /* the gemeente's share of the lumpsum (the region: the lumpsum) */ \
    X(g_contract, JZ_RESULT_SUM)                /* g_contract_aandeel - g_contract_eigen, in g_cost and \
                                                   g_niet_beinvloedbaar */ \
    /* for comparing gemeenten (the regional report) */ \
    X(g_youth, JZ_RESULT_SUM)                   /* youth 0-17 (population.youth; 0 when not given) */ \
    X(g_cost_per_youth, JZ_RESULT_RATIO)        /* g_cost / g_youth (0 when g_youth = 0) */ \
    X(g_clients_per_youth, JZ_RESULT_RATIO)     /* g_unique / g_youth: share of youth in care */ \
    X(g_tekort_per_youth, JZ_RESULT_RATIO)      /* g_tekort / g_youth */ \
    X(g_beinvloedbaar_share, JZ_RESULT_RATIO)   /* g_beinvloedbaar / g_tekort (0 when g_tekort = 0) */ \
    X(g_inhabitants, JZ_RESULT_SUM)             /* inhabitants on 1 January (population.inhabitants); NaN when \
                                                   not given, so a region with such a gemeente is NaN too */ \
    X(g_tekort_per_inhabitant, JZ_RESULT_RATIO) /* g_tekort / g_inhabitants; NaN (n.b.) without inhabitants */

#define JZ_RESULT_DECLARE_(field, kind) double *field;

typedef struct jz_result {
    int n_gemeenten;   /* G (the total is stored at g = G) */
    int n_zorgsoorten; /* Z */
    int horizon;       /* H */
    int base_year;

    /* ---- per gemeente x zorgsoort x year, index (g*Z + z)*H + y ---- */
    JZ_RESULT_CZ_FIELDS(JZ_RESULT_DECLARE_)
    double *uit_to;            /* [.. * Z + w] exits to zorgsoort w: index jz_result_to() */

    /* ---- per gemeente x year, index g*H + y ---- */
    JZ_RESULT_GY_FIELDS(JZ_RESULT_DECLARE_)

    double *block; /* storage for all arrays above */
    size_t block_len;
} jz_result;

static inline size_t jz_result_cz(const jz_result *r, int g, int z, int y)
{
    return ((size_t)g * (size_t)r->n_zorgsoorten + (size_t)z) * (size_t)r->horizon + (size_t)y;
}
static inline size_t jz_result_gy(const jz_result *r, int g, int y)
{
    return (size_t)g * (size_t)r->horizon + (size_t)y;
}
static inline size_t jz_result_to(const jz_result *r, int g, int z, int y, int w)
{
    return jz_result_cz(r, g, z, y) * (size_t)r->n_zorgsoorten + (size_t)w;
}

/* The cost outside the zorgsoorten, one list (CONTRIBUTING.md "One list per
 * family of fields"): X(result field, key), key the figure's in the metric
 * table (engine/report/metrics.c, engine/analysis/compare.c), in the order
 * the run table shows them.  With the zorgsoorten' care cost they make up
 * g_cost (docs/model.md sections 8, 14 and 15).  The sum below, the lines of
 * `jzsim prognose` (jzsim/prognose.h) and the briefing's cost chart come
 * from it: a line added here is added to all three, so their totals keep
 * adding up. */
#define JZ_RESULT_COST_BEYOND_CARE_LINES(X)     \
    X(g_fixed_cost, "fixed_cost")               \
    X(g_measure_investment, "measure_investment") \
    X(g_verevening, "verevening")               \
    X(g_contract, "contract")
enum {
#define JZ_RESULT_COUNT_LINE_(field, key) +1
    JZ_RESULT_N_COST_BEYOND_CARE = 0 JZ_RESULT_COST_BEYOND_CARE_LINES(JZ_RESULT_COUNT_LINE_)
#undef JZ_RESULT_COUNT_LINE_
};

/* What the cost of gemeente-year gy holds beyond its zorgsoorten' care
 * cost (g_cost - g_care_cost), summed from its own parts, the lines of
 * JZ_RESULT_COST_BEYOND_CARE_LINES in their order.  Summed, not subtracted,
 * so that two scenarios with the same parts give the same bits and a
 * difference of 0 is exactly 0. */
static inline double jz_result_cost_beyond_care(const jz_result *r, size_t gy)
{
    double sum = 0;
#define JZ_RESULT_ADD_LINE_(field, key) sum += r->field[gy];
    JZ_RESULT_COST_BEYOND_CARE_LINES(JZ_RESULT_ADD_LINE_)
#undef JZ_RESULT_ADD_LINE_
    return sum;
}

/* Fixed cost line f of gemeente g: its cost and budget per year ([horizon]
 * each) as a run counts them (the run's g_fixed_cost and g_fixed_budget are
 * the sums of its lines, in their order, from 0); for reports that show a
 * line apart, e.g. on its taakveld (jzsim/taakveld.h). */
void jz_fixed_line_years(const jz_scenario *s, int g, int f, double *cost, double *budget);

/* Results sized for scenarios with the dimensions of s. */
jz_result *jz_result_alloc(const jz_scenario *s);
void jz_result_free(jz_result *r);

/* Memory of a run, estimated from the dimensions before anything is
 * allocated (gemeenten x zorgsoorten x years; the G x Z x Z x H transition
 * array is the main term). */
typedef struct jz_size_estimate {
    size_t result_bytes;      /* jz_result_alloc: exactly what it allocates */
    size_t workspace_bytes;   /* jz_workspace_alloc, about (with its peers and lanes_bytes) */
    size_t draw_workspace_bytes; /* jz_workspace_alloc_lane, about, without the lanes' state */
    size_t lanes_bytes;       /* the lanes' state, exactly (jz_workspace_alloc_lane of a group's first lane) */
    size_t run_bytes;         /* the two together: one full run */
    size_t rolling_result_bytes; /* jz_result_alloc_rolling: exactly what it allocates */
    size_t rolling_run_bytes; /* a rolling result and a workspace: what a sensitivity holds per thread */
    size_t volume_cache_bytes; /* jz_volume_cache_alloc at most (every gemeente kept); one per mc */
    size_t scenario_copy_bytes; /* a jz_scenario_copy, about (jz_scenario_size): one per run of an analysis */
    size_t figures;           /* numbers in the result */
    size_t all_outputs_bytes; /* a report of every gemeente held in memory (JSON, XLSX, HTML), about */
} jz_size_estimate;
void jz_model_size(const jz_scenario *s, jz_size_estimate *e);

/* The default limit of jz_model_check_size: 1 GiB. */
#define JZ_MODEL_BYTES_DEFAULT ((size_t)1 << 30)
/* JZ_OK, or JZ_EINPUT located at the scenario's meta.horizon when a run
 * and its reports of every gemeente would need more than limit bytes
 * (0: JZ_MODEL_BYTES_DEFAULT).  Sizes saturate, so no product overflows. */
int jz_model_check_size(const jz_scenario *s, size_t limit, jz_error *err);

/* The same check for analyses that hold rolling runs and report only
 * totals (jzsim sensitivity): per thread `runs` rolling runs (a
 * sensitivity holds 1), each with a full workspace and its own full
 * scenario copy, and one volume cache; or one full run and copy per thread
 * when the scenario has a regional verevening or contract (those keep a
 * full result).  No report of every gemeente.  threads and runs < 1 count
 * as 1.  A Monte Carlo's lanes hold less: jz_model_check_size_draws. */
int jz_model_check_size_rolling(const jz_scenario *s, int threads, int runs, size_t limit,
                                jz_error *err);

/* The check for a Monte Carlo (jzsim mc, compare --draws): per thread
 * `runs` lanes (jz_mc_run: JZ_MODEL_RUNS_MAX per scenario, one for a
 * scenario with a regional verevening or contract, which the Monte Carlo
 * runs one draw at a time), each with a rolling result (a full one for a
 * regional verevening or contract), a
 * lane workspace (jz_workspace_alloc_lane) and a scenario copy of
 * copy_bytes (jz_unc_writer_copy_bytes: a copy holds only the series a
 * draw writes; 0 counts a full copy), and one volume cache.  Same message
 * and location as jz_model_check_size_rolling. */
int jz_model_check_size_draws(const jz_scenario *s, int threads, int runs, size_t copy_bytes, size_t limit,
                              jz_error *err);

/* Scratch memory for one run at a time; sized for the dimensions of s and
 * reusable for any scenario with the same dimensions (copies, draws).  It
 * holds the chains of JZ_MODEL_LANES gemeenten, which a run steps side by
 * side (jz_workspace_set_gemeente_lanes). */
typedef struct jz_workspace jz_workspace;
jz_workspace *jz_workspace_alloc(const jz_scenario *s);
void jz_workspace_free(jz_workspace *w);
/* A workspace for lane `lane` (0 .. JZ_MODEL_RUNS_MAX - 1) of
 * jz_model_run_lanes(_each), without what such a lane never uses: the
 * peers of gemeenten side by side (jz_model_run with it projects one
 * gemeente at a time: the same bits), and the lanes' state unless lane is
 * the first of a group of JZ_MODEL_LANES (the Monte Carlo's draws:
 * jz_model_size's draw_workspace_bytes and lanes_bytes). */
jz_workspace *jz_workspace_alloc_lane(const jz_scenario *s, int lane);

/* Project scenario s into r.  w and r must have been allocated for s's
 * dimensions.  On error r is unspecified and err says why. */
int jz_model_run(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_error *err);

/* A call a run makes before it reads gemeente g's cells (their inputs,
 * their checks and checked[g] of jz_workspace_set_checked), g = 0 .. G-1
 * in order, after the scenario-wide checks: the caller may write gemeente
 * g's cells in the run's scenario there (a Monte Carlo writes a draw's
 * values just in time: jz_unc_writer_apply_gemeente); everything else the
 * run reads must be in place before the run. */
typedef void (*jz_gemeente_hook)(void *ctx, int g);

/* Options of one run.  measure_active[i] == 0 switches measure i of
 * s->measures off for this run (its effect, saving and investment);
 * NULL means every measure is on.  Used by the attribution of measures
 * (jzsim/measures.h); jz_model_run is jz_model_run_opts with NULL options. */
typedef struct jz_run_options {
    const unsigned char *measure_active; /* [s->n_measures] or NULL */
    int skip_measure_saving; /* 1: leave g_measure_saving and g_cost_without_measures 0
                                (saves the run without measures; the attribution does) */
} jz_run_options;

/* jz_model_run with options (opt may be NULL). */
int jz_model_run_opts(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      const jz_run_options *opt, jz_error *err);

/* jz_model_run with a call before each gemeente (jz_gemeente_hook, may be
 * NULL): before(ctx, g) may write gemeente g's cells in s. */
int jz_model_run_each(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_gemeente_hook before,
                      void *ctx, jz_error *err);

/* Runs of up to JZ_MODEL_RUNS_MAX scenarios at once: lane i is the run
 * jz_model_run(s[i], w[i], r[i]), with the same bits in every result, but
 * the chains of the lanes are stepped side by side in vector registers
 * (one Monte Carlo draw per lane), JZ_MODEL_LANES at a time: gemeente by
 * gemeente, lanes 0-3, then 4-7 (while that gemeente's inputs are in the
 * cache).  The scenarios must have the same
 * dimensions and are meant to share their integer structure (draws of one
 * scenario): a gemeente whose lanes differ in stages, routes, delays or
 * ageing destination, or that has a duration mixture or a local measure,
 * is projected lane by lane.  Each w[i] must be a distinct workspace with
 * the settings that lane's jz_model_run would use.  On error, err is the
 * error of one failing lane and the results are unspecified: run the lanes
 * one by one to learn which failed. */
#define JZ_MODEL_LANES 4
/* Up to JZ_MODEL_RUNS_MAX runs at once (jz_model_run_lanes, _each): a
 * gemeente's lanes go in groups of JZ_MODEL_LANES, one group after the
 * other while that gemeente's inputs are still in the cache. */
#define JZ_MODEL_RUNS_MAX (2 * JZ_MODEL_LANES)
int jz_model_run_lanes(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                       int n, jz_error *err);

/* jz_model_run_lanes with a call before each gemeente (jz_gemeente_hook):
 * before(ctx, g) runs once before any lane reads gemeente g's cells and may
 * write them in every lane's scenario.  before may be NULL (then
 * jz_model_run_lanes). */
int jz_model_run_lanes_each(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                            int n, jz_gemeente_hook before, void *ctx, jz_error *err);

/* Gemeenten whose own inputs the caller vouches for, for every later run
 * with w: checked[g] = 1 means gemeente g's inputs (its cells, all years,
 * and its fixed lines, external shifts and rijksbijdrage) are those of a
 * scenario that passed jz_model_check_gemeente, so runs with w do not check
 * them again (a Monte Carlo draw that drew nothing for g, or whose drawn
 * values for g passed their checks: jz_unc_writer_apply).  The
 * scenario-wide checks always run.  checked ([G]) must outlive those runs;
 * NULL (the default) checks every gemeente. */
void jz_workspace_set_checked(jz_workspace *w, const unsigned char *checked);

/* Whether runs with w (jz_model_run, a full result) step the chains of up
 * to JZ_MODEL_LANES gemeenten side by side in vector lanes (on = 1, the
 * default) or one gemeente at a time (on = 0).  The results are the same
 * bits either way; 0 is for comparisons and benchmarks. */
void jz_workspace_set_gemeente_lanes(jz_workspace *w, int on);

/* What the region slot g = G of the result holds after a run with w. */
typedef enum {
    JZ_TOTALS_ALL = 0,    /* every array (the default) */
    JZ_TOTALS_FIGURES = 1 /* only the gemeente-year arrays (g_*) and the zorgsoort `cost`: what a
                             Monte Carlo reports; the slot's other zorgsoort arrays (and uit_to)
                             are left as they were, so the run skips summing ~25 arrays of
                             Z x H (and Z x Z x H) per gemeente */
} jz_totals;

/* Set which totals runs with w write (JZ_TOTALS_*; kept until changed). */
void jz_workspace_set_totals(jz_workspace *w, int totals);

/* A rolling result: what a Monte Carlo draw keeps of a run, in memory that
 * does not grow with the number of gemeenten.  It has the layout of a
 * result of JZ_ROLLING_SLOTS - 1 gemeenten (n_gemeenten = 2): slot 0 holds
 * the gemeente being projected (overwritten by the next one), slot 1 the
 * gemeente kept (jz_workspace_set_rolling), slot 2 = n_gemeenten the
 * region.  Runs into it need a workspace set rolling; they write the
 * region's JZ_TOTALS_FIGURES arrays (whatever jz_workspace_set_totals
 * says), summed over the gemeenten in the same order as a full run, so
 * those and every array of the kept gemeente are the same bits as in a
 * full run.  Of slot 0 only the gemeente-year arrays (g_*) and the
 * zorgsoort cost are sure to be written: a run of one draw at a time
 * writes its other arrays but the exits by destination (uit_to), draws
 * side by side (jz_model_run_lanes) none of them (nothing reads them).
 * NULL when out of memory. */
#define JZ_ROLLING_SLOTS 3
jz_result *jz_result_alloc_rolling(const jz_scenario *s);

/* Runs with w write into a rolling result (jz_result_alloc_rolling) and
 * keep gemeente `keep` (0 .. G-1) in slot 1, or none when keep < 0; until
 * called again.  on = 0: back to full results. */
void jz_workspace_set_rolling(jz_workspace *w, int on, int keep);

/* Volumes kept across the runs of a Monte Carlo.  Built from the base
 * scenario and a probe (a copy of base with every uncertain input NaN):
 * the volumes of every gemeente that no NaN reaches, which are those of
 * every draw of base.  A rolling run with a workspace that has the cache
 * (jz_workspace_set_volumes) and no measure switches (jz_run_options)
 * copies them instead of projecting the chains; its numbers are the same
 * bits.  It is only valid for runs of draws of base: the caller keeps that
 * promise.  G x (13 Z H + 3 H) doubles, read-only: one cache may serve
 * every thread.  NULL when out of memory or the dimensions differ. */
typedef struct jz_volume_cache jz_volume_cache;
jz_volume_cache *jz_volume_cache_alloc(const jz_scenario *base, const jz_scenario *probe);
void jz_volume_cache_free(jz_volume_cache *c);
/* How many gemeenten' volumes c holds. */
int jz_volume_cache_kept(const jz_volume_cache *c);
/* Runs with w take kept volumes from c (NULL: none; c must outlive them). */
void jz_workspace_set_volumes(jz_workspace *w, const jz_volume_cache *c);

/* The checks jz_model_run makes on gemeente g's own inputs (its cells, all
 * years, and its fixed lines, external shifts and rijksbijdrage): JZ_OK or
 * JZ_EINPUT with the same message the run would give.  For callers that
 * fill jz_run_options.checked. */
int jz_model_check_gemeente(const jz_scenario *s, int g, jz_error *err);

#ifdef __cplusplus
}
#endif
#endif
