/*
 * jzsim/measures.h - measures: what they are, how one year of a measure is
 * computed, and the attribution of their effect (`jzsim measures`).
 *
 * Two kinds of measure live in a scenario's `measures:` list
 * (docs/scenario-format.md, docs/measures.md):
 *
 *   Hervormingsagenda (JZ_MEASURE_HA): a fixed saving in euros per year per
 *   gemeente (given directly, or a national amount times the gemeente's
 *   share), with a realised fraction, a certain part, and possibly already
 *   in the baseline.  It lowers g_cost by its saving; it does not act on
 *   volumes.
 *
 *   Local (JZ_MEASURE_LOCAL, the verbeterkansen): an effect on the model's
 *   inputs (instroom, zorgduur, an exit after an evaluation point,
 *   substitution between zorgsoorten, tariff, diversion to the voorliggend
 *   veld, lumpsum financing), switched on in a start year with a ramp-up and
 *   an optional fade, plus an investment per year.  jz_model_run applies
 *   the effects to per-run copies of the cell-year inputs in the workspace;
 *   the scenario itself is never changed.
 *
 * The attribution (jz_measures_analyse) runs the model with subsets of the
 * measures switched on (jz_model_run_opts) and splits the combined effect
 * over the measures by exact Shapley values, so that the contributions add
 * up to the combined effect; docs/measures.md has the formulas.
 */
#ifndef JZSIM_MEASURES_H
#define JZSIM_MEASURES_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/regio.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { JZ_MEASURE_HA = 0, JZ_MEASURE_LOCAL = 1 };

/* What a local measure acts on: one row per effect (the single list of
 * effects; see CONTRIBUTING.md).  X(ID, yaml, uses, needs, order):
 *   yaml   the name written after `effect:` in a scenario
 *   uses   the effect parameters it accepts (space-separated keys)
 *   needs  those it requires
 *   order  the position in which jz_model_run applies it (0 first): the
 *          instroom-side effects before the duration-side ones, tariff last */
#define JZ_EFFECTS(X) \
    /* external instroom x (1 + change e) */ \
    X(INSTROOM, "instroom", "change zorgsoorten", "change", 0) \
    /* zorgduur x (1 + change e) */ \
    X(ZORGDUUR, "zorgduur", "change zorgsoorten", "change", 3) \
    /* a share of the trajectories still running at the evaluation point ends there */ \
    X(EXIT_AFTER, "exit_after", "share evaluation_months zorgsoorten", "share evaluation_months", 4) \
    /* a share of the external instroom of `from` starts in `to` instead */ \
    X(SUBSTITUTION, "substitution", "share from to", "share from to", 2) \
    /* price per client-year (and lumpsum amount) x (1 + change e) */ \
    X(TARIFF, "tariff", "change zorgsoorten", "change", 6) \
    /* a share of the external instroom goes to the voorliggend veld, at a cost per start */ \
    X(DIVERSION, "diversion", "share service_cost zorgsoorten", "share", 1) \
    /* the zorgsoort is paid a fixed amount from the start year */ \
    X(LUMPSUM, "lumpsum", "amount zorgsoorten", "amount zorgsoorten", 5)

#define JZ_EFFECT_ENUM_(id, yaml, uses, needs, order) JZ_EFFECT_##id,
typedef enum {
    JZ_EFFECTS(JZ_EFFECT_ENUM_)
    JZ_EFFECT_N
} jz_effect;

enum { JZ_RAMP_LINEAR = 0, JZ_RAMP_S_CURVE = 1 };
/* Hervormingsagenda: how much of the saving is already in the baseline. */
enum { JZ_BASELINE_NONE = 0, JZ_BASELINE_ALL = 1, JZ_BASELINE_YEAR = 2 };
/* Hervormingsagenda: the cause of the tekort the saving lowers. */
enum { JZ_CAUSE_VOLUME = 0, JZ_CAUSE_INTENSITY = 1 };

typedef struct jz_measure {
    char key[JZ_KEY_MAX];     /* identifier, e.g. "B2" or "afschalen" */
    char name[JZ_NAME_MAX];   /* display name */
    int type;                 /* JZ_MEASURE_HA or JZ_MEASURE_LOCAL */
    unsigned char *gemeente;  /* [G] 1: applies to gemeente g */
    double certain;           /* fraction of the effect that is certain, 0..1 */

    /* ---- Hervormingsagenda ---- */
    double *saving;           /* [G * H] euros per year for gemeente g (nominal), as in the table:
                                 saving[g * H + y]; before realisation and baseline */
    double *realisation;      /* [H] fraction realised */
    int in_baseline;          /* JZ_BASELINE_*: ALL saves nothing extra; YEAR: only the increase
                                 after baseline_year counts */
    int baseline_year;        /* calendar year (JZ_BASELINE_YEAR) */
    int cause;                /* JZ_CAUSE_VOLUME or JZ_CAUSE_INTENSITY (decomposition) */
    int has_ha_share;         /* 1: ha_share says which zorgsoorten the saving lands in;
                                 0: it is spread over the zorgsoorten its cause touches,
                                 cost-weighted (docs/measures.md) */
    double *ha_share;         /* [Z] share of the saving per zorgsoort, summing to 1 */

    /* ---- local ---- */
    int effect;               /* jz_effect */
    unsigned char *zorgsoort; /* [Z] 1: acts on zorgsoort z */
    int start_year;           /* calendar year the effect starts (and investment counts from) */
    int ramp_years;           /* 0: full effect in the start year */
    int ramp_shape;           /* JZ_RAMP_LINEAR or JZ_RAMP_S_CURVE */
    int fade_after_years;     /* -1: no fade; else years after the start the fade begins */
    double fade_years;        /* > 0: linear fade to zero over this many years */
    double fade_half_life;    /* > 0: exponential fade with this half-life in years */
    double change;            /* instroom, zorgduur, tariff: relative change at full effect (-0.1 = -10%) */
    double share;             /* exit_after, substitution, diversion: fraction at full effect */
    double evaluation_months; /* exit_after: the evaluation point, months after the start of care */
    int from, to;             /* substitution: zorgsoort indices */
    double *service_cost;     /* [H] diversion: nominal euros per diverted start */
    double *amount;           /* [H] lumpsum: euros per year in base-year prices (tariff-indexed) */
    double *investment;       /* [H] nominal euros per year, per gemeente it applies to, from start_year */

    /* ---- local, for a region (docs/measures.md "Regional measures") ---- */
    double *weight;           /* [G] share of the full effect in gemeente g, 0..1 (`weights`;
                                 1 everywhere when not given): e_g(Y) = weight[g] e(Y) */
    int has_regional_investment; /* 1: regional_investment is split over the gemeenten by regional_key */
    double *regional_investment; /* [H] nominal euros per year for all its gemeenten together,
                                    from start_year */
    jz_verevening regional_key;  /* the key of the split (jeugd, tabel, gebruik as cijfers, or a mix;
                                    the same key as regio's, engine/model/regio.c); its pooled[] is
                                    the measure's zorgsoorten, its drempel none */

    double *block;            /* storage of the per-year arrays above */
    unsigned char *flags;     /* storage of gemeente and zorgsoort */
} jz_measure;

/* The name of an effect as written in the YAML ("instroom", ...), or "":
 * the word the reports write (engine/report/measures_fields.c). */
const char *jz_effect_name(int effect);

/* The share of a local measure's full effect that acts in calendar year
 * `year`: the ramp times the fade, 0 before the start year
 * (docs/measures.md "Ramp and fade").  In [0, 1]. */
double jz_measure_profile(const jz_measure *m, int year);

/* The Hervormingsagenda saving of measure m counted in gemeente g, year
 * index y: realisation x (saving - what is already in the baseline). */
double jz_measure_ha_saving(const jz_scenario *s, const jz_measure *m, int g, int y);

/* exit_after: the mean duration D' of an Erlang(k, mean D) duration when a
 * fraction p of the trajectories still running at T months ends at T:
 *   D' = D - p (D Q(k+1, kT/D) - T Q(k, kT/D)),
 * Q(n, x) = P[Poisson(x) < n] (docs/measures.md). */
double jz_exit_after_duration(int k, double D, double T, double p);

/* ---- attribution ------------------------------------------------------ */

/* At most this many local measures get exact Shapley values (2^M runs,
 * 2^M x 2H doubles of memory); above, a sampling estimate is used. */
#define JZ_MEASURES_EXACT_MAX 16

typedef struct jz_measures_options {
    int gemeente;        /* -1: the total of all gemeenten (default); else a gemeente index */
    int max_exact;       /* exact Shapley values up to this many local measures (default 14) */
    int samples;         /* permutations of the sampling estimate above that (default 1000) */
    unsigned long seed;  /* seed of the sampling estimate (default 20240501) */
    int per_gemeente;    /* 1 (with gemeente -1): also the attribution of each gemeente
                            (jz_measures_analysis.by_gemeente; jzsim measures --gemeente all) */
} jz_measures_options;

void jz_measures_options_default(jz_measures_options *o);

/* The figures of one measure.  Money in nominal euros of each year; a
 * saving is positive.  net = Shapley contribution to (cost without all
 * measures - cost with all); gross = net + investment; the contributions of
 * all measures add up to the combined effect. */
typedef struct jz_measure_attr {
    int index;                /* position in s->measures */
    double *net;              /* [H] contribution to the net saving */
    double *gross;            /* [H] saving before its own investment (net + investment) */
    double *investment;       /* [H] investment and diversion service cost */
    double *certain;          /* [H] certain part of gross: certain x gross */
    double *standalone;       /* [H] net saving of the measure on its own */
    double *table;            /* [H] Hervormingsagenda: the amount as given (after the share,
                                 before realisation and baseline); 0 for local measures */
    double *settlement;       /* [H] under regional arrangements (a->has_regio): the part of net that
                                 is the regional settlement's (verevening difference, contract share
                                 minus price x volume), Shapley-split like net; 0 otherwise and for
                                 Hervormingsagenda measures.  net - settlement is the care saved at
                                 price x volume (net of investment) */
    double *care;             /* [H] net - settlement: the care saved at price x volume, net of
                                 investment, before the regional settlement */
    double net_total, gross_total, investment_total, certain_total, uncertain_total;
    double standalone_total, table_total, settlement_total, care_total;
    int payback_year;         /* first year, from the measure's first active year, from which on
                                 the cumulative net saving stays >= 0 up to the end of the judging
                                 horizon; 0 when there is none or the measure never does anything */
    double per_euro;          /* gross_total / investment_total; NaN without investment */
    int rank;                 /* 1 = largest npv (ties: list order) */
    /* judging over a->judge_horizon years (docs/measures.md "Judging a measure") */
    double judge_total;       /* undiscounted net saving over the judging horizon */
    double npv;               /* net present value of the net saving at a->discount_rate,
                                 discounted to the base year: sum_y net[y] / (1 + rate)^y */
    double structural;        /* the structural yearly saving: the net saving in the last year
                                 of the judging horizon, once ramped up */
} jz_measure_attr;

/* One measure in one gemeente, over the budget years (nominal euros). */
typedef struct jz_measure_gemeente {
    double net;               /* net saving: Σ_y φ_i,y of the gemeente */
    double saving;            /* saving before its own investment: net + investment */
    double investment;        /* its investment there (with its part of a regional_investment) */
    double settlement;        /* the regional settlement's part of net (see jz_measure_attr) */
    double care;              /* net - settlement: care saved at price x volume, net of investment */
} jz_measure_gemeente;

typedef struct jz_measures_analysis {
    int n;                    /* measures (= s->n_measures) */
    int horizon, base_year;   /* the budget horizon: the totals above are over its years */
    int judge_horizon;        /* years over which measures are judged (>= horizon; from
                                 meta.measures_horizon); every [H] array of this analysis and of
                                 its attr has judge_horizon entries, the first horizon of them the
                                 budget years */
    double discount_rate;     /* rate of npv (meta.discount_rate) */
    int gemeente;             /* -1: total of all gemeenten; else the gemeente index */
    int has_regio;            /* 1: the scenario has regional arrangements (attr[].settlement) */
    int n_local;              /* local measures: the Shapley players */
    int exact;                /* 1: exact Shapley values; 0: permutation-sampling estimate */
    int samples;              /* permutations used (0 when exact) */
    unsigned long seed;       /* seed used (sampling) */
    long runs;                /* model runs done */
    jz_measure_attr *attr;    /* [n] in scenario order */
    int *order;               /* [n] indices into attr, by rank */
    double *combined;         /* [H] net saving of all measures together */
    double *sum_standalone;   /* [H] sum of the standalone net savings */
    double *interaction;      /* [H] combined - sum_standalone */
    double *cost_without;     /* [H] g_cost without any measure */
    double *cost_with;        /* [H] g_cost with all measures */
    double *tekort_without;   /* [H] g_tekort without any measure */
    double *tekort_with;      /* [H] g_tekort with all measures */
    /* per_gemeente: what each measure buys in each gemeente, over the budget
     * years: the same attribution with v(S) of that gemeente.  The Shapley
     * value is linear in v, so the gemeenten add up to attr[i] (tested). */
    int n_gemeenten;          /* G when by_gemeente is filled, else 0 */
    jz_measure_gemeente *by_gemeente; /* [G * n]: gemeente g, measure i (scenario order) at g * n + i;
                                         NULL unless options.per_gemeente */
    double *block;
} jz_measures_analysis;

/* Attribute the effect of s's measures (see above).  *out is set on success
 * and must be freed with jz_measures_analysis_free.  JZ_EINPUT when s has no
 * measures or a run fails on its inputs; JZ_ENOMEM. */
int jz_measures_analyse(const jz_scenario *s, const jz_measures_options *o,
                        jz_measures_analysis **out, jz_error *err);
void jz_measures_analysis_free(jz_measures_analysis *a);

/* Reports of an analysis: jz_report() with JZ_REPORT_MEASURES (report.h);
 * table, csv and json.  Options used: lang (table), csv_nl (CSV). */

#ifdef __cplusplus
}
#endif
#endif
