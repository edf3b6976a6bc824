/*
 * mc_stats.c - histograms, percentiles and means of Monte Carlo figures
 * (see mc_stats.h for the method and docs/uncertainty.md for its accuracy).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/mc_stats.h"

const double jz_mc_probs[JZ_MC_NQ] = {0.05, 0.25, 0.50, 0.75, 0.95};

int mc_hist_init(mc_hist *h, int nch)
{
    size_t m = nch > 0 ? (size_t)nch : 1;
    h->count = calloc(m * MC_NB, sizeof *h->count);
    h->mn = malloc(m * sizeof *h->mn);
    h->mx = malloc(m * sizeof *h->mx);
    h->n = calloc(m, sizeof *h->n);
    if (!h->count || !h->mn || !h->mx || !h->n) {
        mc_hist_free(h);
        return -1;
    }
    for (int c = 0; c < nch; c++) {
        h->mn[c] = INFINITY;
        h->mx[c] = -INFINITY;
    }
    return 0;
}

void mc_hist_free(mc_hist *h)
{
    free(h->count);
    free(h->mn);
    free(h->mx);
    free(h->n);
    memset(h, 0, sizeof *h);
}

void mc_hist_merge(mc_hist *to, const mc_hist *from, int nch)
{
    size_t m = (size_t)nch * MC_NB;
    for (size_t i = 0; i < m; i++)
        to->count[i] += from->count[i];
    for (int c = 0; c < nch; c++) {
        if (from->mn[c] < to->mn[c])
            to->mn[c] = from->mn[c];
        if (from->mx[c] > to->mx[c])
            to->mx[c] = from->mx[c];
        to->n[c] += from->n[c];
    }
}

void mc_ranges(const double *rows, long np, int nch, double *lo, double *w)
{
    for (int c = 0; c < nch; c++) {
        double mn = INFINITY, mx = -INFINITY;
        for (long d = 0; d < np; d++) {
            double v = rows[(size_t)d * (size_t)nch + (size_t)c];
            if (v < mn)
                mn = v;
            if (v > mx)
                mx = v;
        }
        if (!(mx >= mn)) { /* no values (NaN channel) */
            lo[c] = 0.0;
            w[c] = 1.0;
            continue;
        }
        double span = mx - mn;
        if (!(span > 0.0)) /* every pilot draw the same: a narrow range around it */
            span = fmax(fabs(mn) * 1e-9, 1e-9);
        lo[c] = mn - 0.5 * span;
        w[c] = 2.0 * span / JZ_MC_BINS;
    }
}

void mc_absorb(mc_hist *h, const double *row, int nch, const double *lo, const double *w)
{
    for (int c = 0; c < nch; c++) {
        double v = row[c];
        if (isnan(v))
            continue;
        h->n[c]++;
        if (v < h->mn[c])
            h->mn[c] = v;
        if (v > h->mx[c])
            h->mx[c] = v;
        double f = (v - lo[c]) / w[c];
        size_t b;
        if (!(f >= 0.0))
            b = 0;
        else if (f >= JZ_MC_BINS)
            b = JZ_MC_BINS + 1;
        else
            b = 1 + (size_t)f;
        h->count[(size_t)c * MC_NB + b]++;
    }
}

/* The value at continuous rank t (0 < t <= n) of channel c; *coarse set
 * when it lies in the underflow or overflow bin. */
static double rank_value(const mc_hist *h, int c, double lo, double w, double t, int *coarse)
{
    const unsigned *cnt = h->count + (size_t)c * MC_NB;
    double mn = h->mn[c], mx = h->mx[c], cum = 0.0;
    for (size_t b = 0; b < MC_NB; b++) {
        if (cnt[b] == 0)
            continue;
        if (cum + cnt[b] >= t) {
            double a, z;
            if (b == 0) {
                a = mn;
                z = lo;
                *coarse = 1;
            } else if (b == MC_NB - 1) {
                a = lo + JZ_MC_BINS * w;
                z = mx;
                *coarse = 1;
            } else {
                a = lo + (double)(b - 1) * w;
                z = a + w;
            }
            /* the outermost values are known exactly */
            if (a < mn)
                a = mn;
            if (z > mx)
                z = mx;
            double x = a + (t - cum) / cnt[b] * (z - a);
            return x < mn ? mn : x > mx ? mx : x;
        }
        cum += cnt[b];
    }
    return mx;
}

void mc_stat(jz_mc_stat *st, const mc_hist *h, int c, int nch, const double *lo, const double *w,
             double ref, const double *sum, const double *sum2, long nblocks)
{
    long n = h->n[c];
    st->point = ref;
    st->coarse = 0;
    if (n == 0) { /* a year the reference scenario does not project */
        st->point = st->mean = st->sd = st->se = st->min = st->max = NAN;
        for (int k = 0; k < JZ_MC_NQ; k++)
            st->q[k] = NAN;
        return;
    }
    st->min = h->mn[c];
    st->max = h->mx[c];
    double s = 0.0, s2 = 0.0;
    for (long b = 0; b < nblocks; b++) {
        s += sum[(size_t)b * (size_t)nch + (size_t)c];
        s2 += sum2[(size_t)b * (size_t)nch + (size_t)c];
    }
    if (st->min == st->max) {
        /* no spread: every figure exactly the one value */
        st->mean = st->min;
        st->sd = st->se = 0.0;
        for (int k = 0; k < JZ_MC_NQ; k++)
            st->q[k] = st->min;
        return;
    }
    double dn = (double)n;
    st->mean = ref + s / dn;
    double var = n > 1 ? (s2 - s * s / dn) / (dn - 1.0) : 0.0;
    st->sd = var > 0.0 ? sqrt(var) : 0.0;
    st->se = st->sd / sqrt(dn);
    if (st->mean < st->min)
        st->mean = st->min;
    if (st->mean > st->max)
        st->mean = st->max;
    for (int k = 0; k < JZ_MC_NQ; k++) {
        double t = jz_mc_probs[k] * dn;
        if (t < 1.0)
            t = 1.0;
        st->q[k] = rank_value(h, c, lo[c], w[c], t, &st->coarse);
    }
}
