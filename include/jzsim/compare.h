/*
 * jzsim/compare.h - scenarios side by side: the comparison and its reports.
 *
 * A comparison puts N (scenario, result) pairs next to each other; the
 * first is the reference.  It aligns what differs between scenarios:
 *   - calendar years: the union of the scenarios' years (base years and
 *     horizons may differ); a year a scenario does not project is ABSENT
 *     (NaN from the accessors, null in JSON, an empty CSV field), never 0;
 *   - zorgsoorten: matched by key, the union in order of first appearance;
 *   - gemeenten: matched by CBS code, the union in order of first
 *     appearance, followed by the region total when there is more than one.
 * All comparison arithmetic (alignment, differences, relative differences)
 * lives in engine/analysis/compare.c; the reporters in engine/report/
 * (compare_table.c, compare_csv.c, compare_json.c, xlsx.c, html.c) only
 * format what the accessors below return.
 *
 * The comparison BORROWS the scenarios and results: they must outlive it
 * and must not change while it is in use.  It copies nothing but names.
 *
 * Differences are against the reference: diff = value - reference (in the
 * metric's unit), rel = diff / reference (a fraction: 0.125 = 12.5%); rel is
 * absent when either value is absent, when the reference is not positive
 * (0, or a surplus: a percentage of a negative base reads backwards), when
 * the value is negative (a tekort turned into a surplus: "+233%" from -3 to
 * 4 says nothing), and for a money balance (a tekort, not a cost) when the
 * reference is below JZ_CMP_REL_LEAST_MONEY (a base of about 0).  One rule
 * for every report (jz_cmp_rel_why); each says why in its own words.
 */
#ifndef JZSIM_COMPARE_H
#define JZSIM_COMPARE_H

#include <stdio.h>
#include "jzsim/error.h"
#include "jzsim/model.h"
#include "jzsim/report.h"
#include "jzsim/scenario.h"
#include "jzsim/taakveld.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A money balance's reference (a tekort, jz_cmp_metric.balance) below this
 * many euros gets no relative difference (jz_cmp_rel): it shows as € 0,0 mln
 * in the briefing, and a balance near 0 is the small difference of two
 * large amounts ("238,8%" of a tekort of € 0,02 mln says nothing).  A level
 * (a small zorgsoort's cost from € 40.000 to € 80.000: +100%) has its
 * percentage whatever its size. */
#define JZ_CMP_REL_LEAST_MONEY 0.05e6

/* Why a relative difference is there or not (jz_cmp_rel_why): one rule for
 * every reporter, each of which says it in its own words. */
typedef enum {
    JZ_CMP_REL_SHOWN = 0,    /* a percentage */
    JZ_CMP_REL_ABSENT,       /* a value is absent (a year outside a scenario's, a zorgsoort it lacks) */
    JZ_CMP_REL_TURN,         /* reference and value on either side of 0 (from a tekort to an
                              * overschot, or back): no percentage across 0 */
    JZ_CMP_REL_REF_NEGATIVE, /* the reference is below 0 (an overschot) */
    JZ_CMP_REL_REF_SMALL,    /* the reference is 0, or a balance below JZ_CMP_REL_LEAST_MONEY */
    JZ_CMP_REL_N_WHY
} jz_cmp_rel_why_id;

/* At most this many scenarios in one comparison. */
#define JZ_CMP_MAX_SCENARIOS 32

/* The figures a comparison carries.  Gemeente-level metrics first (one value
 * per unit x scenario x year), then per-zorgsoort metrics (one value per
 * unit x zorgsoort x scenario x year).  The order is the order of every
 * report; keys are stable (docs/output-format.md). */
typedef enum {
    JZ_CMP_COST,               /* g_cost: care + fixed cost */
    JZ_CMP_BUDGET,             /* g_budget */
    JZ_CMP_TEKORT,             /* g_tekort = cost - budget */
    JZ_CMP_BEINVLOEDBAAR,      /* g_beinvloedbaar: volume + intensity */
    JZ_CMP_NIET_BEINVLOEDBAAR, /* g_niet_beinvloedbaar: tariff gap + external */
    JZ_CMP_DEC_TARIFF,
    JZ_CMP_DEC_EXTERNAL,
    JZ_CMP_DEC_VOLUME,
    JZ_CMP_DEC_INTENSITY,
    JZ_CMP_DEC_START,          /* g_dec_start: startverschil (base-year gap of a budget amount) */
    JZ_CMP_UNIQUE,             /* g_unique: persons */
    JZ_CMP_CLIENT_YEARS,
    JZ_CMP_COST_PER_CLIENT,
    JZ_CMP_CARE_COST,
    JZ_CMP_CARE_BUDGET,
    JZ_CMP_CARE_TEKORT,
    JZ_CMP_FIXED_COST,
    JZ_CMP_FIXED_BUDGET,
    JZ_CMP_RIJKSBIJDRAGE,
    JZ_CMP_TEKORT_RIJK,
    JZ_CMP_HA_SAVINGS,         /* Hervormingsagenda savings (part of the besparing) */
    JZ_CMP_HA_SAVINGS_CERTAIN,
    JZ_CMP_HA_SAVINGS_SPREAD,  /* of which spread cost-weighted over zorgsoorten */
    JZ_CMP_MEASURE_INVESTMENT, /* a line of its own: in cost, in no zorgsoort */
    JZ_CMP_FIXED_TEKORT,       /* derived: fixed_cost - fixed_budget, a line in no zorgsoort */
    JZ_CMP_COST_WITHOUT_MEASURES,
    JZ_CMP_MEASURE_SAVING,     /* THE besparing: g_measure_saving, every measure, net of investment */
    JZ_CMP_OTHER_ASSUMPTIONS,  /* derived: (reference tekort - tekort) - (besparing - reference
                                * besparing): the tekort difference the besparing does not explain */
    JZ_CMP_VEREVENING,         /* a line of its own: the regional verevening (jzsim/regio.h), in cost */
    JZ_CMP_CONTRACT,           /* a line of its own: a regional lumpsum contract (jzsim/regio.h), in cost */
    JZ_CMP_N_GEMEENTE,         /* number of gemeente-level metrics */
    JZ_CMP_Z_COST = JZ_CMP_N_GEMEENTE,
    JZ_CMP_Z_BUDGET,
    JZ_CMP_Z_TEKORT,
    JZ_CMP_Z_HA_SAVING,        /* Hervormingsagenda saving landed in the zorgsoort (cost is net of it) */
    JZ_CMP_Z_UNIQUE,           /* unique (trajectories active in the year) */
    JZ_CMP_Z_CLIENT_YEARS,
    JZ_CMP_Z_COST_PER_CLIENT,
    JZ_CMP_N_METRICS
} jz_cmp_metric_id;

typedef struct jz_cmp_metric {
    const char *key;      /* "tekort", "beinvloedbaar", ...; its labels are those of
                           * jz_metric_find(key, level) (report.h) */
    jz_metric_kind kind;  /* how to format it (report.h) */
    int per_zorgsoort;    /* 0: gemeente level; 1: per zorgsoort */
    size_t offset;        /* offsetof(jz_result, <array>), or JZ_METRIC_DERIVED: computed
                           * by jz_cmp_value from other figures (see the enum) */
    int balance;          /* 1: a balance that lies either side of 0 (a tekort, its parts, a
                           * saving net of its cost); 0: a level (a cost, a begroting, a count).
                           * Only a balance's percentage needs a reference of at least
                           * JZ_CMP_REL_LEAST_MONEY (jz_cmp_rel_why) */
} jz_cmp_metric;

/* Indexed by jz_cmp_metric_id. */
extern const jz_cmp_metric jz_cmp_metrics[JZ_CMP_N_METRICS];

typedef struct jz_cmp_scenario {
    const jz_scenario *scenario; /* borrowed */
    const jz_result *result;     /* borrowed */
    int first_year, last_year;   /* the years it projects */
    jz_taakveld_totals *taakvelden; /* owned: its totals per Iv3 taakveld
                                     * (jzsim/taakveld.h), by result gemeente */
    int saved;                   /* 1: a saved forecast that carries the name of another
                                  * scenario of the comparison (jz_comparison_mark_saved):
                                  * reporters show "(bewaard)" beside its name, which
                                  * stays the scenario's; 0 otherwise */
} jz_cmp_scenario;

typedef struct jz_cmp_unit {
    char code[JZ_CODE_MAX];      /* CBS code, or "TOTAL" for the region total */
    char name[JZ_NAME_MAX];      /* from the first scenario that has it */
    int is_total;
    int *g;                      /* [n_scenarios] gemeente index in each result, -1 absent */
} jz_cmp_unit;

typedef struct jz_cmp_zorgsoort {
    char key[JZ_KEY_MAX];
    char name[JZ_NAME_MAX];      /* from the first scenario that has it */
    int *z;                      /* [n_scenarios] index in each scenario, -1 absent */
} jz_cmp_zorgsoort;

/* P5/P50/P95 of one metric per unit x scenario x year, e.g. from a Monte
 * Carlo run; absent cells are NaN. */
typedef struct jz_cmp_bands {
    double *p; /* [((u * S + s) * Y + y) * 3 + k], k = 0: P5, 1: P50, 2: P95 */
    int n_set; /* cells filled */
} jz_cmp_bands;

/* A remark on the alignment that a reader should see. */
enum { JZ_CMP_NOTE_NO_GEMEENTE, JZ_CMP_NOTE_NO_ZORGSOORT, JZ_CMP_NOTE_OTHER_YEARS };
typedef struct jz_cmp_note {
    int kind;     /* JZ_CMP_NOTE_* */
    int scenario; /* the scenario it is about */
    int index;    /* NO_ZORGSOORT: the zorgsoort; NO_GEMEENTE: how many gemeenten the
                   * scenario lacks (the units with g[scenario] < 0); years: -1 */
} jz_cmp_note;

typedef struct jz_comparison {
    int n_scenarios;   /* S; index 0 is the reference */
    int n_years;       /* Y: first_year .. first_year + Y - 1 */
    int first_year;
    int n_units;       /* U: the gemeenten, then the region total (when > 1 gemeente) */
    int total_unit;    /* the unit to show by default: the region total, or the only gemeente */
    int n_zorgsoorten; /* Z: the union */
    jz_cmp_scenario *scen;
    jz_cmp_unit *units;
    jz_cmp_zorgsoort *zs;
    jz_cmp_bands bands[JZ_CMP_N_GEMEENTE]; /* bands[m].p NULL: none for metric m */
    /* the taakvelden every report lists, over all scenarios (a taakveld
     * without money in any scenario is left out and named once) */
    jz_taakveld_list taakveld_list;
    int n_notes;
    jz_cmp_note *notes; /* remarks on the alignment, e.g. a zorgsoort missing in one scenario */
    /* optional, borrowed (the caller frees it after the report): the one-way
     * sensitivity of the reference scenario (jzsim/sensitivity.h); the HTML
     * briefing draws it as a tornado chart */
    const struct jz_sensitivity *tornado;
    /* the verschillenanalyse (jzsim/verschil.h), computed once by
     * jz_comparison_alloc: [((kind * U + u) * S + s) * Y + y) * (Z + 2) + k],
     * k = z for a zorgsoort, Z for the lines in no zorgsoort, Z + 1 for all;
     * read it with jz_cmp_verschil */
    struct jz_verschil *verschil;
    /* owned, optional: the backtest's band around the reference's (scenario
     * [1]'s) projected stocks, set by jz_comparison_set_intervals and read
     * with jz_cmp_stock_band (jzsim/intervals.h); NULL: none */
    struct jz_band *stock_band;
} jz_comparison;

/* Build a comparison of n pairs (1 <= n <= JZ_CMP_MAX_SCENARIOS); pair 0 is
 * the reference.  Every result must have been computed (jz_model_run) for
 * its scenario.  Returns NULL and fills err (JZ_EINPUT for bad arguments,
 * JZ_ENOMEM) on failure. */
jz_comparison *jz_comparison_alloc(int n, const jz_scenario *const *scenarios,
                                   const jz_result *const *results, jz_error *err);
/* NULL and half-built comparisons are fine. */
void jz_comparison_free(jz_comparison *c);

/* Scenario s of c is a saved forecast (jz_saved_result_load, compare
 * --reference): mark it (c->scen[s].saved) when another scenario of c has
 * the same name, most often the same scenario updated since, so that no
 * report shows "[1] Deventer basis" beside "[2] Deventer basis".  Returns
 * whether it marked s. */
int jz_comparison_mark_saved(jz_comparison *c, int s);

/* An earlier forecast as a comparison's reference: read the JSON written by
 * `jzsim run --format json` (format jzsim-run, format_version 1; for more
 * than one gemeente written with --gemeente all) into a scenario shell
 * (name, description, base year, horizon, begrotingsjaar, gemeenten,
 * zorgsoorten and their taakveld; no inputs) and a result holding the saved
 * figures (a figure the file lacks is NaN).  Both are the caller's, freed
 * with jz_scenario_free and jz_result_free.  A file that is not such a JSON
 * (truncated, another format, a wrong version or shape) gives JZ_EINPUT
 * with file:line:column (engine/analysis/compare_saved.c). */
int jz_saved_result_load(const char *path, jz_scenario **s, jz_result **r, jz_error *err);

/* Note i as a sentence in the reader's language; returns buf.  The words
 * live in the report layer (engine/report/cmp_common.c). */
char *jz_cmp_note_format(const jz_comparison *c, int i, jz_lang lang, char *buf, size_t size);

/* Calendar year of year index y. */
static inline int jz_cmp_year(const jz_comparison *c, int y) { return c->first_year + y; }

/* The value of metric m for unit u, zorgsoort z (ignored for gemeente-level
 * metrics), scenario s, year index y; NaN when absent (the scenario does not
 * project that year, or has no such gemeente or zorgsoort). */
double jz_cmp_value(const jz_comparison *c, int m, int u, int z, int s, int y);
/* value - reference value; NaN when either is absent.  Exactly the
 * difference of the two values as returned by jz_cmp_value. */
double jz_cmp_diff(const jz_comparison *c, int m, int u, int z, int s, int y);
/* diff / reference as a fraction; NaN when jz_cmp_rel_why says it has none:
 * absent, when the reference is not positive or (a money balance) below
 * JZ_CMP_REL_LEAST_MONEY, or when the value is negative. */
double jz_cmp_rel(const jz_comparison *c, int m, int u, int z, int s, int y);
/* Why jz_cmp_rel has a percentage or none (jz_cmp_rel_why_id). */
int jz_cmp_rel_why(const jz_comparison *c, int m, int u, int z, int s, int y);
/* The key of a jz_cmp_rel_why_id in CSV and JSON: "", "absent", "turn",
 * "reference_negative", "reference_small". */
const char *jz_cmp_rel_why_key(int why);
/* Is the value present (jz_cmp_value not NaN)? */
int jz_cmp_has(const jz_comparison *c, int m, int u, int z, int s, int y);

/* Do the parts of the deficit decomposition (tariff gap, external shifts,
 * volume, intensity, startverschil, and a regional verevening or contract
 * where the scenario has one) add up to the tekort of unit u, scenario s,
 * year index y (within a euro)?  0 when a part is absent or the model did
 * not split this tekort; reporters then say so instead of drawing it. */
int jz_cmp_decomposition_ok(const jz_comparison *c, int u, int s, int y);

/* Index of the metric with this key at this level, or -1. */
int jz_cmp_metric_index(const char *key, int per_zorgsoort);
/* Index of the unit with this CBS code or name ("TOTAL" for the region
 * total), or -1. */
int jz_cmp_unit_index(const jz_comparison *c, const char *code_or_name);
/* Index of scenario by 1-based position ("2"), file path or name, or -1. */
int jz_cmp_scenario_index(const jz_comparison *c, const char *ref);
/* The last year index in which scenario s has a value (its own horizon). */
int jz_cmp_last_year(const jz_comparison *c, int s);

/* The year the summaries are about (terminal verschillenanalyse, briefing
 * headline, key figures and tornado, the workbook's summary): the reference's
 * meta.begrotingsjaar when it lies within the reference's own years (the
 * begroting is what the council decides on; another scenario may have no
 * value there); else the last year index that
 * has a value for every scenario, or, when the horizons do not overlap at
 * the end, the last year index overall. */
int jz_cmp_summary_year(const jz_comparison *c);
/* 1 when jz_cmp_summary_year is the begrotingsjaar (reports say so). */
int jz_cmp_summary_is_begroting(const jz_comparison *c);

/* ---- uncertainty bands (optional) ----
 * P5 <= P50 <= P95 of a gemeente-level metric (normally JZ_CMP_TEKORT) per
 * unit, scenario and calendar year; the Monte Carlo analysis fills these
 * through jz_cmp_set_band(), or the CLI reads them with jz_cmp_read_bands()
 * from the CSV described in docs/output-format.md ("Uncertainty bands").
 * Reporters draw them where present. */
int jz_cmp_set_band(jz_comparison *c, int m, int u, int s, int year,
                    double p5, double p50, double p95, jz_error *err);
/* 1 and out[0..2] = P5, P50, P95 when present; else 0. */
int jz_cmp_band(const jz_comparison *c, int m, int u, int s, int y, double out[3]);
int jz_cmp_has_bands(const jz_comparison *c, int m);
/* Read bands from a CSV file (',' or ';' separated, decimal point or
 * comma) with the header scenario,gemeente_code,year,metric,p5,p50,p95.
 * Errors name file:line:column. */
int jz_cmp_read_bands(jz_comparison *c, const char *path, jz_error *err);

/* ---- reports ----
 * jz_report() with JZ_REPORT_COMPARE (report.h): table, csv, json, html,
 * xlsx.  jz_report_options.gemeente is a unit index here (-1: table and
 * HTML the total, CSV/JSON/XLSX every unit); all_gemeenten: table and HTML
 * show every unit; title: the HTML title. */

/* 1 when this build can write XLSX. */
int jz_compare_have_xlsx(void);

#ifdef __cplusplus
}
#endif
#endif
