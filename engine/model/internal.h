/*
 * internal.h - what the files of engine/model share (internal).
 *
 *   result.c    jz_result_alloc/free, jz_workspace_alloc/free
 *   check.c     input validation with messages naming gemeente/zorgsoort/year
 *   flow.c      volumes of one gemeente: the monthly Erlang chains
 *   flow_lanes.c  the same monthly step for JZ_MODEL_LANES runs side by side (lanes.h)
 *   coef.c      the duration coefficients of a cell for every year (erlang.c,
 *               erlang_lanes.c)
 *   money.c     prices, costs, budgets, fixed lines of one gemeente
 *   measures.c  the cell inputs of one gemeente with the measures applied
 *   total.c     the region slot g = G
 *   regio.c     the regional pass: verevening, figures per youth
 *   volumes.c   volumes kept across the runs of a Monte Carlo
 *   run.c       jz_model_run: ties the above together
 *
 * The workspace holds the state of ONE gemeente at a time (gemeenten do not
 * exchange clients), so its size does not grow with G and it stays in cache
 * while the run streams through the months; its peers hold the other
 * gemeenten whose chains a run steps side by side (at most JZ_MODEL_LANES).
 */
#ifndef JZ_MODEL_INTERNAL_H
#define JZ_MODEL_INTERNAL_H

#include "jzsim/model.h"
#include "model/erlang.h"

/* Steps per year accepted by the model (12 = monthly). */
#define JZ_STEPS_MIN 1
#define JZ_STEPS_MAX 400

/* Everything the inner loop needs about one zorgsoort in the current year. */
typedef struct jz_cellyear {
    const double *transition; /* [Z] fractions of completions to zorgsoort w */
    const int *route_to;      /* the n_route zorgsoorten with transition > 0 */
    const double *route_frac; /* and their fractions */
    int n_route;
    double ext;               /* external instroom per step */
    double ext_year;          /* external instroom in the year */
    double reentry;           /* fraction of completions that re-enter */
    double aged_to;           /* fraction of ageing exits moving to ageing_to (0 if none) */
    double out;               /* fraction of completions leaving care: 1 - sum tr - reentry */
    int reentry_to;           /* destination zorgsoort of re-entries */
    int reentry_steps;        /* delay in steps, 1 .. ring length - 1 */
    int ageing_to;            /* -1: ageing exits all leave care */
    double mix_share;         /* 0: one chain; else a mixture, share of branch 0 (mixture.c) */
} jz_cellyear;

/* Per zorgsoort and year, summed over the steps. */
enum {
    ACC_START,   /* stock on 1 January */
    ACC_IN_TR,   /* arrivals from transfers */
    ACC_IN_RE,   /* arrivals from re-entry */
    ACC_EXIT,    /* all exits E */
    ACC_AGEING,  /* ageing exits A */
    ACC_COMPL,   /* completions C = E - A */
    ACC_CM,      /* client-steps */
    ACC_N
};

struct jz_workspace {
    int G, Z, H, S;    /* dimensions this workspace was made for */
    int ring_cap;      /* ring slots per zorgsoort: max delay in steps + 1 */
    jz_erlang *coef;   /* [Z * H] coefficient sets, zorgsoort z's row at z * H, made for
                          every year in the cell's first year (coef.c) */
    int *coef_use;     /* [Z * H] the entry of z's row that year y reads, -1: rejected */
    const jz_erlang **ez; /* [Z] this year's coefficients: an entry of coef (not set
                             when the lanes make them, lanes_gather_year) */
    jz_cellyear *cy;   /* [Z] this year's cell parameters */
    double *x;         /* [Z * JZ_STAGES_MAX] stock per stage */
    double *arrive;    /* [Z] transfers arriving in the current step */
    double *next;      /* [Z] transfers leaving now, arriving next step */
    double *ring;      /* [Z * ring_cap] re-entries by arrival slot */
    double *route_frac;/* [Z * Z] nonzero transitions of zorgsoort z at z*Z */
    int *route_to;     /* [Z * Z] their destinations */
    int *ring_rows;    /* [Z] the ring rows this gemeente's re-entries go to (flow.c) */
    int *route_fixed;  /* [Z] routes of cell z the same every year: how many (in route_to), or -1 */
    double *acc;       /* [Z * ACC_N] */
    double *budget_factor; /* [H] prod_{t=1..y} (1 + budget_index[t]) */
    /* this gemeente's inputs with the measures applied (measures.c); the
     * flows and the money read these, never the scenario's own arrays */
    const unsigned char *measure_active; /* this run's switches (NULL = all on) */
    int totals;        /* JZ_TOTALS_*: what the region slot gets */
    const unsigned char *checked; /* [G] 1: gemeente g's inputs are vouched for
                                     (jz_workspace_set_checked), or NULL */
    int rolling;       /* 1: results go to a rolling result (jz_workspace_set_rolling) */
    int keep;          /* with rolling: the gemeente kept in slot 1 (-1: none) */
    const jz_volume_cache *volumes; /* volumes rolling runs may take (volumes.c), or NULL */
    double *m_ext;        /* [Z * H] external instroom per year */
    /* [Z * H] copies a local measure changes (measures.c); hold values only
     * when one acts on the gemeente: read them through m_*_z below */
    double *m_dur;        /* zorgduur, months */
    double *m_cost;       /* euros per client-year, base-year prices (cell.cost) */
    double *m_fin_amount; /* financing amount (cell.financing_amount) */
    /* [Z] the series of zorgsoort z the run reads: the workspace's rows
     * above when a local measure acts on the gemeente, else the cell's own
     * (measures.c: nothing changes them, so they are not copied) */
    const double **m_dur_z, **m_cost_z, **m_fin_amount_z;
    double *m_invest;     /* [H] investment and diversion service cost */
    double *m_ha;         /* [H] Hervormingsagenda savings */
    double *m_ha_certain; /* [H] of which certain */
    double *m_ha_volume;  /* [H] of which with cause volume (the rest: intensity) */
    double *m_ha_z;       /* [Z * H] of m_ha: the part rows assign to zorgsoort z by their shares */
    double *m_ha_z_volume;/* [Z * H] of which with cause volume */
    double *m_ha_spread_volume;    /* [H] of m_ha: rows without shares, cause volume */
    double *m_ha_spread_intensity; /* [H] rows without shares, cause intensity */
    double *m_cost_off;   /* [H] g_cost of this gemeente with every measure off */
    int measures_off;     /* 1: this run of the gemeente has every measure off */
    int m_zero;           /* 1: m_invest and the m_ha* arrays hold +0.0 (measures.c: a
                             scenario without measures leaves them so) */
    int *m_fin_mode;      /* [Z] financing mode (cell.financing) */
    int *m_fin_from;      /* [Z] first year index of it (cell.financing_from) */
    double *block;     /* storage for the doubles above */
    /* zorgsoorten with a duration mixture (mixture.c); untouched otherwise */
    jz_erlang *mix_e;  /* [Z * 2] this year's coefficients of the two branches */
    double *mix_x;     /* [Z * 2 * JZ_STAGES_MAX] stock per stage of each branch */
    /* the chains of JZ_MODEL_LANES runs side by side (lanes.h): used in
     * the workspace of lane 0 by jz_model_run_lanes (draws) and by
     * jz_flows_gemeenten_lanes (one run's gemeenten) */
    struct jz_lanes *lanes;
    /* one run's gemeenten side by side (run.c, jz_flows_gemeenten_lanes):
     * the workspaces of lanes 1 .. JZ_MODEL_LANES - 1, this one being lane
     * 0 (NULL in those workspaces themselves) */
    struct jz_workspace *peer[JZ_MODEL_LANES - 1];
    int gemeente_lanes; /* 1 (default): jz_model_run uses the peers (jz_workspace_set_gemeente_lanes) */
};

/* The result slot that gemeente g's numbers go to: g itself, or in a
 * rolling result (jz_workspace_set_rolling) slot 1 for the kept gemeente
 * and slot 0, overwritten by the next gemeente, for every other one.  The
 * region is always slot r->n_gemeenten. */
static inline int jz_result_slot(const jz_workspace *w, int g)
{
    return w->rolling ? (g == w->keep) : g;
}

/* check.c: 0 or JZ_EINPUT with a message. */
int jz_check_dimensions(const jz_scenario *s, const jz_workspace *w,
                        const jz_result *r, jz_error *err);
int jz_check_global(const jz_scenario *s, jz_error *err);
/* the gemeente's own inputs and every cell-year of it */
int jz_check_gemeente(const jz_scenario *s, int g, jz_error *err);
int jz_check_cell_year(const jz_scenario *s, int g, int z, int y, jz_error *err);

/* coef.c: the coefficient sets of cell z (k stages, step tau) for every
 * year, zorgduur D[y] and ageing fraction p[y], into z's row of w->coef
 * and w->coef_use. */
void jz_coef_cell(jz_workspace *w, int z, int k, const double *D, const double *p, double tau);

/* Re-entry delay in steps for a delay in months (at least 1). */
int jz_delay_steps(int months, int steps_per_year);

/* Doubles a jz_volume_cache holds per gemeente (volumes.c), for the size
 * estimate (size.c): the same field lists, so the two cannot drift. */
size_t jz_volume_cache_per_gemeente(size_t Z, size_t H);

/* flow.c: volumes of gemeente g into r (cz arrays and the flow part of the
 * gy arrays).  Validates the gemeente's inputs (jz_check_gemeente) first. */
int jz_flows_gemeente(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      int g, jz_error *err);

/* flow.c: jz_flows_gemeente for n <= JZ_MODEL_LANES runs at once, lane i
 * being (s[i], w[i], r[i]); the same bits in every lane as n calls of
 * jz_flows_gemeente.  Lanes whose cells do not share one structure (stages,
 * routes, delays, ageing destination) or that have a duration mixture are
 * projected one by one.  On error err is that of some failing lane. */
int jz_flows_gemeente_lanes(const jz_scenario *const *s, jz_workspace *const *w,
                            jz_result *const *r, int n, int g, jz_error *err);

/* flow.c: the volumes of gemeenten g0 .. g0 + n - 1 of one run (2 <= n <=
 * JZ_MODEL_LANES), their chains side by side, lane l in workspace w[l]
 * (w[0]->lanes steps them); the same bits in r as n calls of
 * jz_flows_gemeente.  0 when done; 1 when nothing usable was written and
 * each gemeente must go alone (jz_flows_gemeente, which then also reports
 * any error): a rolling result, a duration mixture, a gemeente whose
 * inputs are rejected, a non-finite number where routes differ. */
int jz_flows_gemeenten_lanes(const jz_scenario *s, jz_workspace *const *w, jz_result *r, int n, int g0,
                             jz_error *err);

/* mixture.c: zorgsoorten whose duration is a two-branch mixture.
 * jz_mix_setup: this year's branch coefficients of cell z for mean zorgduur
 * D, ageing p, step tau (-1 when jz_erlang_step fails); jz_mix_start: the
 * 1 January stock split over the branches and stages; jz_mix_stock: the
 * cell's stock, both branches; jz_mix_branch_share: p or 1 - p. */
int jz_mix_setup(jz_workspace *w, int z, const jz_mixture *m, double D, double p, double tau);
void jz_mix_start(jz_workspace *w, int z, const jz_mixture *m, double start);
double jz_mix_stock(const jz_workspace *w, int z);
double jz_mix_branch_share(const jz_mixture *m, int b);
/* mixture.c: the zorgduur under an exit_after rule (jz_exit_after_duration)
 * for the zorgsoort's shape, a single Erlang or the mixture. */
double jz_zorgsoort_exit_after(const jz_zorgsoort *zs, double D, double T, double share);

/* volumes.c: with a volume cache set on w, a rolling run, slot 0, and
 * measures as in the base: copy gemeente g's kept volumes into slot gs of
 * r and return 1; otherwise 0 (the flows must be projected). */
int jz_volumes_take(const jz_workspace *w, jz_result *r, int g, int gs);

/* measures.c: the measures' own numbers are valid (finite, in range,
 * indices in range); 0 or JZ_EINPUT naming the measure. */
int jz_check_measures(const jz_scenario *s, jz_error *err);
/* measures.c: fill the m_* arrays of w for gemeente g: the cell inputs
 * with the active measures applied (docs/measures.md). */
void jz_measures_gemeente(const jz_scenario *s, jz_workspace *w, int g);
/* measures.c: 1 when a local measure acts in gemeente g in this run. */
int jz_measures_local_on(const jz_scenario *s, const jz_workspace *w, int g);

/* money.c: money of gemeente g (needs the flows of g in r). */
void jz_money_gemeente(const jz_scenario *s, const jz_workspace *w,
                       jz_result *r, int g);
/* money_lanes.c: jz_money_gemeente of gemeente g for the n lanes at once,
 * the same bits as money.c.  Returns the lanes done (bit l for lane l);
 * every other lane needs jz_money_gemeente (0: the lanes are not plain
 * enough, nothing was written; a lane with a care cost that is not finite
 * has figures here that are not money.c's). */
unsigned jz_money_gemeente_lanes(const jz_scenario *const *s, jz_workspace *const *w, jz_result *const *r,
                                 int n, int g);

/* total.c; totals is JZ_TOTALS_* (the arrays of the region slot written) */
void jz_total_clear(jz_result *r, int totals);
void jz_total_add(jz_result *r, int g, int totals);
void jz_total_finish(jz_result *r, int totals);

/* regio.c: gemeente g's youth and zeroed verevening figures (before its
 * jz_total_add); after every gemeente, the verevening (gemeenten and region
 * slot; 0 or JZ_EINPUT); after jz_total_finish, the figures per youth and
 * the beinvloedbaar share of every slot. */
struct jz_verevening;
/* regio.c: the key v of a measure's regional investment, from the
 * scenario alone (youth, tabel, gebruik as cijfers), over the gemeenten
 * among[] marks: the sum of the unnormalised shares in year y (> 0 for a
 * usable key), and gemeente g's normalised share (they sum to 1 over
 * among). */
double jz_regio_key_total_inputs(const jz_scenario *s, const struct jz_verevening *v, const unsigned char *among,
                                 int y);
double jz_regio_key_share_inputs(const jz_scenario *s, const struct jz_verevening *v, const unsigned char *among,
                                 int g, int y);
void jz_regio_gemeente(const jz_scenario *s, jz_result *r, int g, int slot);
int jz_regio_verevening(const jz_scenario *s, jz_result *r, jz_error *err);
/* regio.c: the contracts with a lumpsum (gemeenten and region slot), after
 * every gemeente; JZ_EINPUT when a key has nothing to share by. */
int jz_regio_contracts(const jz_scenario *s, jz_result *r, jz_error *err);
void jz_regio_ratios(jz_result *r);

#endif
