/*
 * mc_stats.h - streaming summaries of Monte Carlo figures (internal).
 *
 * Each figure ("channel": one value per draw, e.g. the tekort in 2027) is
 * summarised without keeping its draws:
 *   - a histogram of JZ_MC_BINS equal bins over [lo, hi), set from a pilot
 *     of the first draws (widened by half the pilot's range on each side),
 *     plus an underflow and an overflow bin, and the exact min and max;
 *   - counts are integers, so histograms of several threads add up to the
 *     same counts in any order;
 *   - sums of (x - ref) and (x - ref)^2 per block of draws (ref = the
 *     deterministic run), added in block order for the mean and sd.
 * Percentiles interpolate linearly within the bin that holds the rank.
 */
#ifndef JZ_ANALYSIS_MC_STATS_H
#define JZ_ANALYSIS_MC_STATS_H

#include "jzsim/mc.h"

#define MC_NB (JZ_MC_BINS + 2) /* bins incl. underflow [0] and overflow [JZ_MC_BINS + 1] */

typedef struct mc_hist {
    unsigned *count; /* [nch * MC_NB] */
    double *mn, *mx; /* [nch] exact extremes (+inf / -inf when nothing seen) */
    long *n;         /* [nch] values seen (NaN values are skipped) */
} mc_hist;

int mc_hist_init(mc_hist *h, int nch);
void mc_hist_free(mc_hist *h);
/* Add the histogram of `from` into `to`. */
void mc_hist_merge(mc_hist *to, const mc_hist *from, int nch);

/* The range of each channel from the pilot rows [np * nch]. */
void mc_ranges(const double *rows, long np, int nch, double *lo, double *w);
/* Count one draw's row of nch values. */
void mc_absorb(mc_hist *h, const double *row, int nch, const double *lo, const double *w);

/* The summary of channel c: percentiles from the histogram, mean and sd
 * from the block sums (sum[b * nch + c], b < nblocks) around ref. */
void mc_stat(jz_mc_stat *st, const mc_hist *h, int c, int nch, const double *lo, const double *w,
             double ref, const double *sum, const double *sum2, long nblocks);

#endif
