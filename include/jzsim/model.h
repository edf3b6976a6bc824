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

typedef struct jz_result {
    int n_gemeenten;   /* G (the total is stored at g = G) */
    int n_zorgsoorten; /* Z */
    int horizon;       /* H */
    int base_year;

    /* ---- per gemeente x zorgsoort x year, index (g*Z + z)*H + y ---- */
    double *start;             /* clients in care on 1 January */
    double *end;               /* clients in care on 31 December */
    double *client_years;      /* integral of the stock over the year = average clients */
    double *unique;            /* start + instroom: CBS "actief in periode" (trajectories) */
    double *instroom;          /* all starts = ext + transfer + reentry */
    double *instroom_ext;      /* new starts from outside care */
    double *instroom_transfer; /* arrivals from other zorgsoorten (incl. ageing to 18+) */
    double *instroom_reentry;  /* re-entries after an earlier exit */
    double *uitstroom;         /* all exits = sum of the uit_* parts below */
    double *uit_transfer;      /* exits to another zorgsoort (sum of uit_to over w) */
    double *uit_reentry;       /* exits that will re-enter later */
    double *uit_aged_out;      /* exits by turning 18 (or the group's upper age) that leave care */
    double *uit_out;           /* exits out of care for good */
    double *uit_to;            /* [.. * Z + w] exits to zorgsoort w */
    double *price;             /* euros per client-year paid that year (cost / client_years
                                  for lumpsum and population financing) */
    double *care_cost;         /* client_years * price (or the lumpsum): the projected clients */
    double *cost;              /* care_cost + cost of external shifts not in_volume */
    double *budget_volume;     /* budgeted client-years (0 when no budget) */
    double *budget_price;      /* budgeted euros per client-year, indexed */
    double *budget;            /* budget_volume * budget_price (or the amount) + ext_budget */
    double *ext_client_years;  /* client-years of external shifts (not in the flows) */
    double *ext_cost;          /* their cost (for in_volume shifts: their part of care_cost) */
    double *ext_budget;        /* their compensation */
    double *tekort;            /* cost - budget */
    double *cost_per_client;   /* cost / unique (0 when unique = 0) */
    /* the tekort split into causes (docs/model.md "Deficit decomposition");
     * dec_tariff + dec_external + dec_volume + dec_intensity == tekort */
    double *dec_tariff;        /* tariff gap incl. corrections and indexation of overspend */
    double *dec_external;      /* external shifts (e.g. woonplaatsbeginsel) */
    double *dec_volume;        /* more client-years than budgeted */
    double *dec_intensity;     /* higher cost per client-year than budgeted, beyond indexation */

    /* ---- per gemeente x year, index g*H + y ---- */
    double *g_start;           /* sum over zorgsoorten of start (trajectories) */
    double *g_end;             /* sum over zorgsoorten of end */
    double *g_instroom;        /* sum over zorgsoorten of instroom (incl. transfers) */
    double *g_uitstroom;       /* sum over zorgsoorten of uitstroom (incl. transfers) */
    double *g_unique;          /* persons: sum of start + instroom_ext + instroom_reentry */
    double *g_client_years;
    double *g_care_cost;       /* sum over zorgsoorten of cost */
    double *g_care_budget;     /* sum over zorgsoorten of budget */
    double *g_care_tekort;     /* g_care_cost - g_care_budget */
    double *g_fixed_cost;      /* fixed cost lines */
    double *g_fixed_budget;
    double *g_cost;            /* care + fixed */
    double *g_budget;          /* care + fixed */
    double *g_tekort;          /* g_cost - g_budget */
    double *g_dec_tariff;      /* sums of the dec_* parts, incl. fixed lines and measures */
    double *g_dec_external;
    double *g_dec_volume;
    double *g_dec_intensity;
    double *g_niet_beinvloedbaar; /* g_dec_tariff + g_dec_external */
    double *g_beinvloedbaar;      /* g_dec_volume + g_dec_intensity */
    double *g_ha_savings;         /* Hervormingsagenda savings counted this year (euros) */
    double *g_ha_savings_certain; /* of which the certain part */
    double *g_measure_investment; /* investment cost of local measures (in g_cost) */
    double *g_rijksbijdrage;   /* 0 when not given */
    double *g_tekort_rijk;     /* g_cost - g_rijksbijdrage */
    double *g_cost_per_client; /* g_care_cost / g_unique */
    double *g_in_transit;      /* youth between zorgsoorten on 31 December */
    double *g_reentry_pool;    /* youth waiting to re-enter on 31 December */
    double *g_left_care;       /* cumulative exits out of care (uit_out + uit_aged_out) */

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

/* Results sized for scenarios with the dimensions of s. */
jz_result *jz_result_alloc(const jz_scenario *s);
void jz_result_free(jz_result *r);

/* Memory of a run, estimated from the dimensions before anything is
 * allocated (gemeenten x zorgsoorten x years; the G x Z x Z x H transition
 * array is the main term). */
typedef struct jz_size_estimate {
    size_t result_bytes;      /* jz_result_alloc: exactly what it allocates */
    size_t workspace_bytes;   /* jz_workspace_alloc, about */
    size_t run_bytes;         /* the two together: one run (mc and sensitivity hold one per thread) */
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

/* Scratch memory for one run at a time; sized for the dimensions of s and
 * reusable for any scenario with the same dimensions (copies, draws). */
typedef struct jz_workspace jz_workspace;
jz_workspace *jz_workspace_alloc(const jz_scenario *s);
void jz_workspace_free(jz_workspace *w);

/* Project scenario s into r.  w and r must have been allocated for s's
 * dimensions.  On error r is unspecified and err says why. */
int jz_model_run(const jz_scenario *s, jz_workspace *w, jz_result *r, jz_error *err);

/* Options of one run.  measure_active[i] == 0 switches measure i of
 * s->measures off for this run (its effect, saving and investment);
 * NULL means every measure is on.  Used by the attribution of measures
 * (jzsim/measures.h); jz_model_run is jz_model_run_opts with NULL options. */
typedef struct jz_run_options {
    const unsigned char *measure_active; /* [s->n_measures] or NULL */
} jz_run_options;

/* jz_model_run with options (opt may be NULL). */
int jz_model_run_opts(const jz_scenario *s, jz_workspace *w, jz_result *r,
                      const jz_run_options *opt, jz_error *err);

#ifdef __cplusplus
}
#endif
#endif
