/*
 * jzsim/regio.h - regional arrangements between the gemeenten of one
 * scenario (the `regio:` section, docs/scenario-format.md; equations in
 * docs/model.md section 14; in Dutch for a strategy group: docs/regio.md).
 *
 * Verevening (solidarity): the cost of a set of zorgsoorten (e.g.
 * JeugdzorgPlus, crisis, residentieel) is paid by the gemeenten together,
 * each by its share of a key (verdeelsleutel): its youth population, its
 * historical use, a fixed table, or a mix of these; with an optional
 * drempel, below which each gemeente pays its own use.  The model applies
 * it after every gemeente's own money (engine/model/regio.c), so every
 * analysis that runs the model (run, compare, measures, mc, sensitivity)
 * sees the same figures.
 *
 * The structure is part of jz_scenario (s->regio, NULL when the scenario has
 * no `regio:` section); the loader fills and checks it, a copy or extension
 * of the scenario copies it.
 */
#ifndef JZSIM_REGIO_H
#define JZSIM_REGIO_H

#include "jzsim/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The parts of a key (sleutel); a mix gives each a weight. */
typedef enum {
    JZ_SLEUTEL_JEUGD = 0,   /* youth 0-17 of the gemeente that year / of the region */
    JZ_SLEUTEL_GEBRUIK = 1, /* historical use of the pooled zorgsoorten / of the region */
    JZ_SLEUTEL_TABEL = 2,   /* a fixed share per gemeente */
    JZ_SLEUTEL_N = 3
} jz_sleutel;

/* The drempel (threshold) below which a gemeente pays its own use. */
typedef enum {
    JZ_DREMPEL_GEEN = 0,          /* everything is shared */
    JZ_DREMPEL_BEDRAG = 1,        /* euros per gemeente per year (nominal) */
    JZ_DREMPEL_PER_JEUGDIGE = 2   /* euros per youth 0-17 per year (nominal) */
} jz_drempel;

typedef struct jz_verevening {
    unsigned char *pooled;        /* [Z] 1: zorgsoort z is shared (verevend) */
    double weight[JZ_SLEUTEL_N];  /* weights of the parts of the key, >= 0, sum 1 */
    int n_use_years;              /* JZ_SLEUTEL_GEBRUIK from the run's own cost: the year */
    int use_years[JZ_HORIZON_MAX];/* indexes (0 = base year) whose average own use sets the key */
    int use_is_given;             /* 1: use_given holds the use, not the run's own cost */
    double *use_given;            /* [G] the use given per gemeente (euros per year, the average
                                     of the years written) */
    double *tabel;                /* [G] the fixed shares (sum 1; 0 when the key has no table) */
    int drempel;                  /* JZ_DREMPEL_* */
    double *drempel_value;        /* [H] euros (per gemeente or per youth), nominal; 0 when none */
} jz_verevening;

/* A regional contract with lumpsum financing: the region pays the
 * providers of a group of zorgsoorten a lumpsum per year instead of price x
 * volume, and each gemeente pays its share of the lumpsum by a key
 * (jeugd, gebruik, tabel or a mix, as the verevening's).  The key lives in
 * a jz_verevening whose pooled[] is the provider group and whose drempel
 * is always JZ_DREMPEL_GEEN; use_given and tabel are the contract's own. */
typedef struct jz_contract {
    char name[64];                /* naam: in messages ("" when not given) */
    jz_verevening key;            /* pooled = the provider group; the key's weights, use, tabel */
    unsigned char has_lumpsum[JZ_HORIZON_MAX]; /* 1: the lumpsum applies in year index y */
    double lumpsum[JZ_HORIZON_MAX];/* euros for the whole region that year (nominal) */
    double *block;                /* storage of key.use_given [G] and key.tabel [G] */
} jz_contract;

typedef struct jz_regio {
    int has_verevening;           /* 0: no verevening (the other parts may follow later) */
    jz_verevening verevening;
    int n_contracts;              /* contracten: 0 when none */
    jz_contract *contracts;       /* [n_contracts]; no zorgsoort in two of them or in the verevening */
    int G, Z, H;                  /* the dimensions the arrays were allocated for */
    double *block;                /* storage of every double array above */
} jz_regio;

/* A regio section for G gemeenten, Z zorgsoorten and H years, zeroed (no
 * verevening); NULL on out of memory. */
jz_regio *jz_regio_alloc(int G, int Z, int H);
/* NULL is fine. */
void jz_regio_free(jz_regio *r);
/* Make room for n contracts (zeroed, each with its key's arrays);
 * JZ_ENOMEM on out of memory.  Called once, by the loader. */
int jz_regio_contracts_alloc(jz_regio *r, int n);
/* A deep copy with horizon H2 >= src->H: the drempel holds its last value in
 * added years; a contract's lumpsum does not apply in them (a contract
 * covers the years it names).  NULL on out of memory. */
jz_regio *jz_regio_copy(const jz_regio *src, int H2);
/* 1 when the regio section settles money between its gemeenten after the
 * last one is projected (a verevening or a contract, model/regio.c): a run
 * of it needs every gemeente's result, never a rolling one.  NULL gives 0. */
int jz_regio_settles(const jz_regio *r);

#ifdef __cplusplus
}
#endif
#endif
