/*
 * jzsim/scenario.h - a validated, immutable scenario.
 *
 * A scenario is loaded from YAML (see docs/scenario-format.md), its
 * `extends` chain resolved, every key checked against the schema and every
 * numeric input resolved to one value per projection year.  After
 * jz_scenario_load() returns, nothing in the model needs the YAML again:
 * the model reads only this structure, through a const pointer.
 *
 * Time: years base_year .. base_year + horizon - 1; index y = year - base_year.
 * Every per-year array below has `horizon` entries.
 *
 * The structure is public so that reporters and analyses can read it; treat
 * it as read-only.  Analyses that perturb inputs (Monte Carlo, sensitivity,
 * calibration) take a private copy with jz_scenario_copy() and change the
 * copy's numbers, never the original.
 */
#ifndef JZSIM_SCENARIO_H
#define JZSIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>
#include "jzsim/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define JZ_KEY_MAX 64
#define JZ_NAME_MAX 160
#define JZ_CODE_MAX 16
#define JZ_HORIZON_MAX 50
#define JZ_STAGES_MAX 20
#define JZ_REENTRY_DELAY_MAX 120 /* months */

/* Population group that a per-1,000 instroom rate refers to. */
enum { JZ_POP_YOUTH = 0 /* 0-17 */, JZ_POP_YOUNG_ADULT = 1 /* 18-22 */, JZ_POP_GROUPS = 2 };

/* A two-branch duration mixture (`mixture:` of a zorgsoort): a share
 * `share` of the starts stays Erlang(stages[0]) with mean zorgduur[0]
 * months, the rest Erlang(stages[1]) with mean zorgduur[1].  The branch
 * means fix the shape; the cell's zorgduur (per year, after measures and
 * uncertainty) stays the mean of the whole zorgsoort, and each branch mean
 * is scaled by zorgduur_y / (share zorgduur[0] + (1 - share) zorgduur[1])
 * (docs/model.md, section 2b).  share = 0: no mixture (the `stages` chain). */
typedef struct jz_mixture {
    double share;           /* of the starts in branch 0: (0, 1]; 0 = no mixture */
    int stages[2];          /* Erlang stages of each branch, 1..JZ_STAGES_MAX */
    double zorgduur[2];     /* mean duration of each branch at the reference, months (> 0) */
} jz_mixture;

typedef struct jz_zorgsoort {
    char key[JZ_KEY_MAX];   /* identifier used in the YAML, e.g. "ambulant" */
    char name[JZ_NAME_MAX]; /* display name, e.g. "Ambulante jeugdhulp" */
    char taakveld[32];      /* Iv3 taakveld, e.g. "6.72"; may be "" */
    int stages;             /* Erlang stages k of the duration; 1 = exponential */
    int population;         /* JZ_POP_YOUTH or JZ_POP_YOUNG_ADULT */
    jz_mixture mix;         /* share 0: a single Erlang chain of `stages` */
} jz_zorgsoort;

/* A fixed cost line (lokale uitvoering, bijzondere projecten): not driven by
 * volume.  cost_y = amount_y * prod_{t=b+1..y} (1 + indexation_t). */
typedef struct jz_fixed_cost {
    char name[JZ_NAME_MAX];
    double *amount;     /* [H] euros per year in base-year prices */
    double *indexation; /* [H] fraction per year (0.03 = 3%) */
    double *budget;     /* [H] nominal euros per year (when has_budget) */
    int has_budget;     /* 0: the line is budgeted at exactly its cost */
    char taakveld[32];  /* Iv3 taakveld the line is booked on (e.g. "6.1", the wijkteam), or "":
                           none (the taakveld tables' Overig) */
} jz_fixed_cost;

/* An external shift: spending the gemeente cannot influence, caused by a
 * change outside it (the 2022 woonplaatsbeginsel: youth under guardianship
 * whose care moved to this gemeente), with the compensation received for
 * it.  Its net cost is the `external` cause of the tekort. */
typedef struct jz_external {
    char name[JZ_NAME_MAX];
    int zorgsoort;        /* index of the zorgsoort that pays for it */
    double *client_years; /* [H] extra client-years per year */
    double *cost;         /* [H] euros per client-year, base-year prices (tariff-indexed) */
    double *compensation; /* [H] nominal euros per year added to the budget */
    int in_volume;        /* 1: client_years are part of the zorgsoort's projected
                             volume (already in its start and instroom): their
                             cost is the zorgsoort's price, not added again */
} jz_external;

typedef struct jz_gemeente {
    char code[JZ_CODE_MAX]; /* CBS code, "GM0153" */
    char name[JZ_NAME_MAX];
    double *population[JZ_POP_GROUPS]; /* [H] persons, mid-year */
    double *rijksbijdrage;             /* [H] nominal euros (0 when not given) */
    int has_rijksbijdrage;
    double *inhabitants;               /* [H] persons on 1 January (population.inhabitants) */
    int has_inhabitants;               /* 0: not given; the figures per inhabitant are then n.b. */
    int n_fixed;
    jz_fixed_cost *fixed;
    int n_external;
    jz_external *external;
} jz_gemeente;

/* How a zorgsoort is paid for. */
enum {
    JZ_FIN_VOLUME = 0,  /* price x client-years (the default) */
    JZ_FIN_LUMPSUM = 1, /* a fixed amount per year, tariff-indexed */
    JZ_FIN_POPULATION = 2 /* an amount per person of the population group, tariff-indexed */
};

/* The per-year input series of a cell, one X-macro list: the struct fields,
 * the scenario's storage block, its layout and the copy are all generated
 * from it (engine/scenario/scenario.c; see CONTRIBUTING.md).
 * X(field, width, extend): the series has width x H doubles (width 1 or Z);
 * `extend` says what jz_scenario_extend() puts in added years: the last
 * value (JZ_EXTEND_HOLD) or 0 (JZ_EXTEND_ZERO, for one-off values). */
#define JZ_EXTEND_HOLD 1
#define JZ_EXTEND_ZERO 0
#define JZ_CELL_SERIES(X) \
    X(instroom, 1, JZ_EXTEND_HOLD)          /* [H] starts per year (absolute or per 1,000) */ \
    X(instroom_trend, 1, JZ_EXTEND_HOLD)    /* [H] autonomous trend, fraction/yr, compounding from base year */ \
    X(zorgduur, 1, JZ_EXTEND_HOLD)          /* [H] mean duration in months (> 0) */ \
    X(cost, 1, JZ_EXTEND_HOLD)              /* [H] euros per client-year in base-year prices */ \
    X(intensity_trend, 1, JZ_EXTEND_HOLD)   /* [H] fraction/yr, compounding from base year */ \
    X(tariff_index, 1, JZ_EXTEND_HOLD)      /* [H] tariff indexation applied in year y (y > base) */ \
    X(budget_volume, 1, JZ_EXTEND_HOLD)     /* [H] budgeted client-years */ \
    X(budget_price, 1, JZ_EXTEND_HOLD)      /* [H] budgeted euros per client-year, base-year prices */ \
    X(reentry, 1, JZ_EXTEND_HOLD)           /* [H] fraction of ended care that re-enters later */ \
    X(ageing_rate, 1, JZ_EXTEND_HOLD)       /* [H] fraction of the stock that turns 18 per year */ \
    X(ageing_transfer, 1, JZ_EXTEND_HOLD)   /* [H] fraction of those ageing out that moves to ageing_to */ \
    X(tariff_correction, 1, JZ_EXTEND_ZERO) /* [H] one-off tariff corrections (e.g. reele prijs), compounding like indexation */ \
    X(budget_amount, 1, JZ_EXTEND_HOLD)     /* [H] budgeted euros per year, base-year prices (budget-indexed) */ \
    X(financing_amount, 1, JZ_EXTEND_HOLD)  /* [H] lumpsum euros/yr, or euros per person (population), base-year prices */ \
    X(transition, Z, JZ_EXTEND_HOLD)        /* [H * Z] fraction of ended care moving to zorgsoort w: [y*Z + w] */

#define JZ_CELL_SERIES_DECLARE_(field, width, extend) double *field;

/* All inputs of one gemeente x zorgsoort: the zorgsoort's defaults with the
 * gemeente's overrides applied.  The scalars first, then the series. */
typedef struct jz_cell {
    double start;            /* clients in care on 1 January of the base year */
    int instroom_per_1000;   /* 1: instroom is per 1,000 of the population group */
    int has_budget;          /* 0: no begroting given for this cell (budget 0) */
    int has_budget_amount;   /* 1: the budget is an amount, not volume x price */
    int budget_nominal;      /* 1: budget_amount holds the nominal begroting (budget: {nominal}),
                                not indexed; has_budget_amount is then 1 too */
    int financing;           /* JZ_FIN_* from year index financing_from on; volume before */
    int financing_from;      /* year index; 0 = from the base year */
    int reentry_delay;       /* months until re-entry, 1..JZ_REENTRY_DELAY_MAX */
    int reentry_to;          /* zorgsoort index the re-entry goes to */
    int ageing_to;           /* zorgsoort index, or -1 when ageing out always leaves care */
    JZ_CELL_SERIES(JZ_CELL_SERIES_DECLARE_)
} jz_cell;

/* One traceable input: what was set, to what, in which unit, from where.
 * path, value, unit, source and file are held by the scenario (its
 * input_texts; jz_scenario_free frees them; do not free or replace them
 * one by one). */
typedef struct jz_input {
    char *path;   /* "gemeenten[GM0153].zorg.ambulant.zorgduur" */
    char *value;  /* as written in the YAML, e.g. "{2022: 9, 2024: 8}" */
    char *unit;   /* "months", "euros/client-year", "fraction/yr", ... */
    char *source; /* the nearest `source:` note, or "" */
    char *file;   /* file the value came from (after extends) */
    int line;
    /* for readers of a report: */
    char *label;     /* the `label:` written with the value (used for both languages), or NULL:
                        then jz_input_label makes one from the path when a report asks */
    int bron;        /* index into jz_scenario.bronnen of the nearest `bron: id`, or -1 */
    int series;      /* 1: read as a series by year (docs/scenario-format.md, "Time series"),
                        whose first years are realised (jz_input_realised_years); 0: one
                        value with no year (a cell's start, a weight) or one-off values */
} jz_input;

/* One entry of the scenario's `bronnen:` list: a source as a reader cites it. */
typedef struct jz_bron {
    char *id;        /* what inputs refer to: `bron: enschede2023` */
    char *title;     /* "Eindrapportage strategie duurzame jeugdzorg" */
    char *publisher; /* "Gemeente Enschede", or "" */
    int year;        /* 0 when not given */
    char *page;      /* "p. 12", or "" */
    char *table;     /* "Tabel 3.3a", or "" */
    char *section;   /* "4.3 Zorgduur", or "" */
} jz_bron;

typedef struct jz_meta {
    char name[JZ_NAME_MAX];
    char description[1024];
    char path[1024]; /* the scenario file as given to the loader */
    int base_year;
    int horizon;        /* years, 1..JZ_HORIZON_MAX */
    int steps_per_year; /* 12: the model's grid is monthly */
    int n_sources;
    char **sources;     /* free-text source notes from meta.sources */
    int description_inherited;   /* 1: a variant (`extends`) without a description of its own */
    char variant_of[JZ_NAME_MAX]; /* then the name of the scenario it extends ("variant op ..."),
                                     or "" */
    /* conventions of the split and of judging measures (docs/model.md,
     * docs/measures.md); defaults in brackets */
    int startverschil_beinvloedbaar; /* 1: the base-year gap of an amount budget counts as
                                        beinvloedbaar [1, as seed 004] ; 0: as niet */
    int measures_horizon;  /* years over which measures are judged [max(horizon, 10)] */
    double discount_rate;  /* per year, for the net present value of measures [3%] */
    int begrotingsjaar;    /* meta.begrotingsjaar: the begroting year of the P&C cycle the
                            * reports label (jz_cycle_of); 0 when not given */
} jz_meta;

/* A year's place in the planning-and-control cycle of a begroting for year B
 * (meta.begrotingsjaar): the jaarrekening of B - 2 (the last closed year),
 * the current year B - 1, the begroting B and the meerjarenraming B+1..B+3. */
typedef enum jz_cycle {
    JZ_CYCLE_NONE = 0,
    JZ_CYCLE_JAARREKENING,
    JZ_CYCLE_LOPEND,
    JZ_CYCLE_BEGROTING,
    JZ_CYCLE_MEERJARENRAMING
} jz_cycle;

static inline jz_cycle jz_cycle_of(const jz_meta *m, int year)
{
    int b = m->begrotingsjaar;
    if (b <= 0)
        return JZ_CYCLE_NONE;
    return year == b - 2 ? JZ_CYCLE_JAARREKENING
           : year == b - 1 ? JZ_CYCLE_LOPEND
           : year == b     ? JZ_CYCLE_BEGROTING
           : year > b && year <= b + 3 ? JZ_CYCLE_MEERJARENRAMING
                                       : JZ_CYCLE_NONE;
}

/* Its name: nl "jaarrekening", "lopend jaar", "begroting", "meerjarenraming";
 * en "annual accounts", "current year", "budget year", "multi-year estimate";
 * "" for JZ_CYCLE_NONE. */
static inline const char *jz_cycle_name(jz_cycle c, int nl)
{
    static const char *const n[] = {"", "jaarrekening", "lopend jaar", "begroting", "meerjarenraming"};
    static const char *const e[] = {"", "annual accounts", "current year", "budget year", "multi-year estimate"};
    return nl ? n[c] : e[c];
}

/* The werksessie's sliders as the scenario names them (`werksessie.sliders`,
 * docs/werksessie.md; without it the page offers the uncertain inputs). */
#define JZ_SLIDERS_MAX 12      /* sliders per scenario */
#define JZ_SLIDER_LABEL_MAX 80 /* characters of a slider's label */
typedef struct jz_slider {
    char *path;   /* an input the scenario sets, as jz_input.path */
    char *label;  /* as written, or NULL: the input's label (jz_input_label) */
    char *unit;   /* the input's unit, as jz_input.unit */
    double point; /* the value as written (an uncertain input: its point value) */
    double low, high; /* the slider's range, in the input's unit; low <= point <= high */
} jz_slider;

typedef struct jz_scenario {
    jz_meta meta;
    int n_zorgsoorten; /* Z */
    int n_gemeenten;   /* G */
    jz_zorgsoort *zorgsoorten;
    jz_gemeente *gemeenten;
    jz_cell *cells;        /* [G * Z], cells[g*Z + z] */
    double *tariff_index;  /* [H] global tariff indexation (cells may override) */
    double *budget_index;  /* [H] indexation of the budget price */
    double *tariff_correction; /* [H] global one-off tariff corrections (cells may override) */

    int n_measures;
    struct jz_measure *measures; /* [n_measures] the `measures:` list (jzsim/measures.h) */

    int n_uncertain;
    struct jz_uncertain *uncertain; /* [n_uncertain] inputs with a distribution or range (jzsim/uncertainty.h) */
    struct jz_unc_copula *copula;   /* their correlations (`uncertainty:`); NULL when independent */

    int n_inputs;
    jz_input *inputs;      /* every value the user set, for tracing */
    int cap_inputs;        /* allocated length of inputs (freed with it: jz_big_free) */
    void *input_texts;     /* internal: the memory of the inputs' texts (scenario.c) */
    int n_warnings;
    char **warnings;       /* "file:line: ..." notes that are not errors */
    int cap_warnings;      /* allocated length of warnings */
    int n_bronnen;
    jz_bron *bronnen;      /* the `bronnen:` list, in file order */

    struct jz_regio *regio; /* the `regio:` section (jzsim/regio.h), NULL when none */

    int n_sliders;
    jz_slider *sliders;    /* [n_sliders] the `werksessie:` section's sliders, in file order */

    /* storage: every per-year array above points into `block` */
    double *block;
    size_t block_len;
} jz_scenario;

/* Loader limits; jz_load_options_default() gives the documented defaults. */
typedef struct jz_load_options {
    size_t max_file_bytes;  /* per file; default 16 MiB */
    size_t max_nodes;       /* YAML nodes after alias expansion; default 2,000,000 */
    int max_extends_depth;  /* default 16 */
    int allow_implausible;  /* 1: a rate above its plausibility ceiling (25%/yr
                               indexation, 50%/yr growth) is accepted as if
                               marked `plausible: false`; default 0 */
} jz_load_options;

void jz_load_options_default(jz_load_options *opt);

/* Load, resolve `extends`, validate and resolve the scenario at path.
 * opt may be NULL for the defaults.  Returns NULL and fills err (status
 * JZ_EINPUT with file:line:column for bad input, including a missing
 * `extends` file; JZ_EIO when the scenario file itself or an existing file
 * cannot be read; JZ_ENOMEM) on failure. */
jz_scenario *jz_scenario_load(const char *path, const jz_load_options *opt,
                              jz_error *err);

/* The same from a YAML text in memory; `name` is used in messages and as the
 * directory for a relative `extends` (pass e.g. "scenarios/x.yaml"). */
jz_scenario *jz_scenario_load_string(const char *yaml, size_t len,
                                     const char *name,
                                     const jz_load_options *opt, jz_error *err);

/* A deep copy whose numbers may be changed; NULL on out of memory. */
jz_scenario *jz_scenario_copy(const jz_scenario *s);

/* A copy that holds only some of the cells' series: series f of cell c
 * (bit f of own[c], f counted in JZ_CELL_SERIES order) is the copy's own,
 * every other one is s's array (read-only; s must outlive the copy).  The
 * copy's block holds the scenario's and gemeenten's series at the offsets
 * a full copy has (so a JZ_TGT_BLOCK target there is the same place) and
 * then the owned series, densely; a cell series is reached only through its
 * cell's pointer.  For Monte Carlo draws, which write a few series
 * (jz_unc_writer_copy): a national copy is ~1.6 MB instead of ~13 MiB.
 * own = NULL is jz_scenario_copy.  NULL on out of memory. */
jz_scenario *jz_scenario_copy_owning(const jz_scenario *s, const uint32_t *own);
/* About the bytes jz_scenario_copy_owning(s, own) holds (jz_scenario_size
 * less the cells' series it shares with s); own = NULL: jz_scenario_size. */
size_t jz_scenario_size_owning(const jz_scenario *s, const uint32_t *own);

/* About the bytes a jz_scenario_copy of s holds, from its dimensions (any,
 * saturating at SIZE_MAX: it is asked before anything is allocated) and its
 * traced inputs: the structs, the series of cells and gemeenten, and the
 * inputs with their texts; not the fixed and external lines, measures,
 * sources or the allocator's overhead (a few per cent).  For the size check
 * of analyses that hold a copy per run (jz_model_size). */
size_t jz_scenario_size(const jz_scenario *s);

/* A copy of s with a longer horizon (>= s's, <= JZ_HORIZON_MAX) for judging
 * measures beyond the budget horizon (docs/measures.md "Judging a
 * measure"): every per-year input holds its last value in the added years,
 * except one-off values (tariff corrections), which are 0 there.  The first
 * years project exactly as s does.  It carries no uncertain inputs, input
 * trace or warnings.  NULL on out of memory or a bad horizon. */
jz_scenario *jz_scenario_extend(const jz_scenario *s, int horizon);

/* Free a scenario; NULL and half-built scenarios are fine. */
void jz_scenario_free(jz_scenario *s);

/* Index of the zorgsoort with this key, or -1. */
int jz_scenario_zorgsoort_index(const jz_scenario *s, const char *key);
/* Index of the gemeente with this CBS code or name, or -1. */
int jz_scenario_gemeente_index(const jz_scenario *s, const char *code_or_name);

/* The gemeente a person most likely meant by `asked`, a name or CBS code
 * that named none exactly: the one whose name or code is nearest to it,
 * counting upper and lower case as the same letter, when that is the same
 * text in another case ("hengelo", "gm0164") or a slip of at most two
 * letters (typed wrong, left out or added; two letters swapped count two)
 * in a text of five or more letters, one letter in a shorter text
 * ("Enchede", "Hengeloo", "Ed" for Ede).  Nearest is the smallest edit
 * distance, and only one gemeente may be nearest: two equally near
 * (GM0146: Almelo's GM0141, Borne's GM0147) get no suggestion.  Both the
 * command line's --gemeente and a gemeente named in a scenario file
 * suggest with this one rule.  Returns the index, or -1 when none is near;
 * *by_code (may be NULL) is set to 1 when the code was the nearer of the
 * two (a suggestion then says the code), else 0. */
int jz_scenario_gemeente_nearest(const jz_scenario *s, const char *asked, int *by_code);
/* The same over any n gemeenten, their names and codes given by unit(ctx,
 * i, &name, &code) (a comparison's units: jzsim compare --gemeente). */
typedef void jz_gemeente_names(const void *ctx, int i, const char **name, const char **code);
int jz_gemeente_nearest(const char *asked, int n, jz_gemeente_names *unit, const void *ctx, int *by_code);
/* The names of a scenario's gemeenten as jz_gemeente_names gives them
 * (ctx: the jz_scenario). */
void jz_scenario_gemeente_names(const void *ctx, int i, const char **name, const char **code);
/* "; did you mean 'Hengelo'?" into buf (size bytes; JZ_NAME_MAX + 32 is enough) when
 * jz_scenario_gemeente_nearest finds the gemeente `asked` meant, in the
 * form it was typed in (the code when that was the nearer); else "".  The
 * one wording of the suggestion for a gemeente named in a scenario, a
 * history or a records export.  Returns buf. */
const char *jz_scenario_gemeente_hint(const jz_scenario *s, const char *asked, char *buf, size_t size);

/* The first input of s at `path` (as jz_input.path), or NULL when s sets
 * none there. */
const jz_input *jz_input_find(const jz_scenario *s, const char *path);

/* The label of input `in` of s for a reader, in Dutch (english = 0) or in
 * English: its own `label:`, or one made from its path and the names in s,
 * "Instroom ambulante jeugdhulp (per 1.000 jeugdigen)" / "Inflow ambulante
 * jeugdhulp (per 1,000 youth)".  Made when asked, not when loading (a
 * national scenario has ~15,000 inputs; a report names a few, or all of
 * them in the inputs sheet).  Returns the label: in->label or buf (size
 * bytes, 512 is enough). */
const char *jz_input_label(const jz_scenario *s, const jz_input *in, int english, char *buf, size_t size);
/* The value of input `in` of s for a reader: for an input that names
 * zorgsoorten (unit "zorgsoort" or "zorgsoorten": reentry.to, ageing.to, a
 * measure's from, to and zorgsoorten) their display names, for one that
 * names gemeenten (unit "gemeenten": a measure's gemeenten) theirs, joined
 * with ", ": "Verlengde jeugdzorg" where the YAML says
 * verlengde_jeugdzorg.  Any other input: in->value, the text as written.
 * in->value itself keeps the key (what a program reads, and what the
 * briefing's kenmerk hashes).  Returns in->value or buf (size bytes; a list
 * that does not fit ends in "..."). */
const char *jz_input_value_text(const jz_scenario *s, const jz_input *in, char *buf, size_t size);

/* Year index helpers. */
static inline int jz_scenario_year(const jz_scenario *s, int y) { return s->meta.base_year + y; }

#ifdef __cplusplus
}
#endif
#endif
