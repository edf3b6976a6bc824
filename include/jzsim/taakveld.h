/*
 * jzsim/taakveld.h - Iv3 taakvelden: the budget lines of the begroting and
 * the jaarrekening (docs/scenario-format.md, `taakveld`), and the totals of a
 * result per taakveld, the sum of the zorgsoorten mapped to it.  Computed
 * here, in the analysis layer, so that every reporter shows the same figures.
 */
#ifndef JZSIM_TAAKVELD_H
#define JZSIM_TAAKVELD_H

#include "jzsim/error.h"
#include "jzsim/scenario.h"
#include "jzsim/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The Iv3 taakvelden of the sociaal domein a zorgsoort of youth care can be
 * booked on, in their order in the begroting. */
#define JZ_TAAKVELD_N 7
extern const char *const jz_taakveld_codes[JZ_TAAKVELD_N];
/* The line outside every taakveld: what the gemeente's totals hold beyond
 * the taakvelden of its zorgsoorten (fixed lines, measure investments, a
 * regional verevening, zorgsoorten without a taakveld), so that the lines
 * add up to the total cost, begroting and tekort.  Its index in code[]. */
#define JZ_TAAKVELD_OUTSIDE JZ_TAAKVELD_N

/* "6.72" for a taakveld, "overig" for JZ_TAAKVELD_OUTSIDE: the key in CSV
 * and JSON. */
const char *jz_taakveld_key(int code);

/* Index in jz_taakveld_codes of code ("6.72"), or -1 when it is not one. */
int jz_taakveld_index(const char *code);

/* The figures summed per taakveld: the money and the client-years (unique
 * clients do not add up across zorgsoorten and are not summed). */
#define JZ_TAAKVELD_METRICS(X) X(client_years) X(cost) X(budget) X(tekort)

/* The taakvelden a report lists, one rule for every reporter (table, CSV,
 * JSON, HTML, XLSX): a taakveld with a zorgsoort is listed when it holds
 * money (cost, begroting or tekort not 0) in some gemeente and year of at
 * least one of the totals (one run, or every scenario of a comparison, so a
 * scenario shows 0 where another has money); a row of zeros would read as
 * "the gemeente spends nothing on it".  Those left out are in empty[], for
 * the one line that names them.  JZ_TAAKVELD_OUTSIDE, when any of the
 * totals has it, is always listed (it is only there when it holds
 * something).  */
typedef struct jz_taakveld_list {
    int n;                       /* listed: code order, then JZ_TAAKVELD_OUTSIDE */
    int code[JZ_TAAKVELD_N + 1];
    int n_empty;                 /* with a zorgsoort but no money: not listed */
    int empty[JZ_TAAKVELD_N];
} jz_taakveld_list;

typedef struct jz_taakveld_totals {
    int n;                     /* taakvelden with at least one zorgsoort, in code order, then
                                  JZ_TAAKVELD_OUTSIDE when anything lies outside them */
    int code[JZ_TAAKVELD_N + 1];          /* their index in jz_taakveld_codes, or JZ_TAAKVELD_OUTSIDE */
    int n_zorgsoorten[JZ_TAAKVELD_N + 1]; /* how many zorgsoorten each sums (outside: those
                                             without a taakveld) */
    int n_gemeenten, horizon;  /* as the result; gemeente index n_gemeenten is the total */
    /* [ (g * n + t) * horizon + y ], g = 0..n_gemeenten */
#define JZ_TAAKVELD_DECLARE_(f) double *f;
    JZ_TAAKVELD_METRICS(JZ_TAAKVELD_DECLARE_)
#undef JZ_TAAKVELD_DECLARE_
    double *beyond;            /* [as the metrics] the part of cost that is no zorgsoort's: the fixed
                                  lines on the taakveld; JZ_TAAKVELD_OUTSIDE's also the investments,
                                  a verevening and a contract (what a forecast of the zorgsoorten
                                  adds to give the line, jzsim/prognose.h) */
    jz_taakveld_list list;     /* what a report of these totals alone lists (jz_taakveld_list_make),
                                  made once by jz_taakveld_totals_alloc */
} jz_taakveld_totals;

/* Sum r per taakveld of s's zorgsoorten; then, when the scenario has at
 * least one taakveld and anything lies outside them in any gemeente or
 * year, the line JZ_TAAKVELD_OUTSIDE: the zorgsoorten without a taakveld
 * plus the fixed lines (cost, budget, their difference in the tekort), the
 * investments in measures, a verevening and a contract, summed from those
 * parts (so a part that is 0 is exactly 0).  The lines then add up to the
 * totals (to rounding).
 * *out is NULL-safe freed by jz_taakveld_totals_free. */
int jz_taakveld_totals_alloc(const jz_scenario *s, const jz_result *r, jz_taakveld_totals **out,
                             jz_error *err);
void jz_taakveld_totals_free(jz_taakveld_totals *t);

/* The list for totals t[0..n-1] (NULL entries are skipped). */
void jz_taakveld_list_make(const jz_taakveld_totals *const *t, int n, jz_taakveld_list *l);

/* Whether l lists the line JZ_TAAKVELD_OUTSIDE ("Overig"; the last when
 * it is there), for the note a report writes under it. */
int jz_taakveld_list_has_outside(const jz_taakveld_list *l);

/* k with t->code[k] == code, or -1 when t (may be NULL) has no such line. */
int jz_taakveld_slot(const jz_taakveld_totals *t, int code);

static inline size_t jz_taakveld_at(const jz_taakveld_totals *t, int g, int k, int y)
{
    return ((size_t)g * (size_t)t->n + (size_t)k) * (size_t)t->horizon + (size_t)y;
}

#ifdef __cplusplus
}
#endif
#endif
