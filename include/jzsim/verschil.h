/*
 * jzsim/verschil.h - verschillenanalyse: a cost difference per zorgsoort
 * explained as price, volume and other (docs/model.md "Verschillenanalyse").
 *
 * Two kinds of difference, both read from a comparison (jzsim/compare.h):
 *   - jz_verschil_compare: scenario s against the reference (scenario 0) in
 *     the same year, as a controller compares two P&C documents;
 *   - jz_verschil_yoy: year y against year y - 1 within one scenario.
 *
 * For one zorgsoort, with V = client-years and P = the model's price per
 * client-year (A the earlier/reference side, B the new side):
 *   volume = (V_B - V_A) * (P_A + P_B) / 2
 *   price  = (P_B - P_A) * (V_A + V_B) / 2
 *   other  = (cost_B - cost_A) - volume - price
 * (the symmetric, Shapley split of the care-cost difference P_B V_B - P_A V_A;
 * "other" is what is not price x volume: external shifts outside the flows
 * and Hervormingsagenda savings landed in the zorgsoort).  When a side has
 * no client-years (or lacks the zorgsoort) its price is taken equal to the
 * other side's, so the whole care-cost difference is volume.
 * For all zorgsoorten together (z = JZ_VERSCHIL_ALL) price and volume are
 * the sums over the zorgsoorten and other = difference of the gemeente cost
 * (g_cost: also fixed lines, measure investments, savings not in a
 * zorgsoort) - price - volume.  In every case price + volume + other == diff
 * up to rounding (1e-9 relative).
 *
 * The lines in no zorgsoort (z = JZ_VERSCHIL_LINES: fixed cost, measure
 * investments, savings not landed in a zorgsoort) are the gemeente cost
 * minus the sum of the zorgsoorten on either side; their whole difference
 * is "other".  So the zorgsoorten and this line add up to JZ_VERSCHIL_ALL
 * in every column (diff, price, volume, other).
 *
 * jz_comparison_alloc computes both kinds for every unit, zorgsoort (and
 * the two lines above), scenario and year once and keeps them in the
 * comparison; reporters read them with jz_cmp_verschil and never compute.
 */
#ifndef JZSIM_VERSCHIL_H
#define JZSIM_VERSCHIL_H

#include "jzsim/compare.h"

#ifdef __cplusplus
extern "C" {
#endif

/* z value meaning: every zorgsoort plus the lines in no zorgsoort. */
#define JZ_VERSCHIL_ALL (-1)
/* z value meaning: the cost lines in no zorgsoort (all of it "other"). */
#define JZ_VERSCHIL_LINES (-2)

/* The two kinds of difference a comparison holds. */
typedef enum {
    JZ_VERSCHIL_REFERENCE, /* scenario s against the reference [1], same year */
    JZ_VERSCHIL_YEAR,      /* year y against y - 1, same scenario */
    JZ_VERSCHIL_N_KINDS
} jz_verschil_kind;

typedef struct jz_verschil {
    double cost_a, cost_b; /* the cost on either side */
    double diff;           /* cost_b - cost_a */
    double price, volume, other; /* price + volume + other == diff */
} jz_verschil;

/* Scenario s against the reference (scenario 0), unit u, zorgsoort z (a
 * comparison zorgsoort index or JZ_VERSCHIL_ALL), year index y.  Returns 1
 * and fills out, or 0 (out all NaN) when a side does not project the year,
 * lacks the gemeente, or an argument is out of range. */
int jz_verschil_compare(const jz_comparison *c, int u, int z, int s, int y, jz_verschil *out);
/* Year index y against y - 1 within scenario s; 0 when y - 1 is absent. */
int jz_verschil_yoy(const jz_comparison *c, int u, int z, int s, int y, jz_verschil *out);

/* The stored figures of one kind (jz_verschil_kind), exactly as the two
 * functions above computed them when the comparison was built.  Returns 1
 * and fills out, or 0 (out all NaN) when absent: against the reference for
 * s = 0 (the reference against itself), year on year for the first year. */
int jz_cmp_verschil(const jz_comparison *c, int kind, int u, int z, int s, int y, jz_verschil *out);
/* Compute and keep both kinds (called by jz_comparison_alloc). */
int jz_verschil_fill(jz_comparison *c);

#ifdef __cplusplus
}
#endif
#endif
