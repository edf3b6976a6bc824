/*
 * bt_score.c - the backtest's scores (see bt_internal.h for how the
 * backtest's files fit): per series, horizon and method the errors of the
 * points, the empirical 95% interval of the model's relative errors and its
 * leave-one-out coverage.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "analysis/bt_internal.h"
#include "jzsim/init.h"

/* ---- scoring ------------------------------------------------------------ */

static int add_stat(jz_backtest *b, int *cap, const jz_bt_stat *st)
{
    if (b->n_stats == *cap) {
        int nc = *cap ? *cap * 2 : 32;
        jz_bt_stat *a = realloc(b->stats, (size_t)nc * sizeof *a);
        if (!a)
            return JZ_ENOMEM;
        b->stats = a;
        *cap = nc;
    }
    b->stats[b->n_stats++] = *st;
    return JZ_OK;
}

/* The empirical interval of the model's relative errors of the points of
 * one series and horizon (idx[0..n)): rms, the 95% half-width and the
 * leave-one-out coverage (the share of points inside the interval made
 * from the others). */
static void interval(const jz_backtest *b, const int *idx, int n, jz_bt_stat *st, int *covered, int *counted)
{
    st->rel_rms = st->half95 = st->coverage = st->noise_var = NAN;
    double ss = 0.0, pv = 0.0;
    int m = 0;
    for (int i = 0; i < n; i++) {
        const jz_bt_point *q = &b->points[idx[i]];
        if (q->observed == 0.0)
            continue;
        double e = q->forecast[JZ_BT_MODEL] / q->observed - 1.0;
        ss += e * e;
        pv += q->param_var;
        m++;
    }
    if (m < 2)
        return;
    st->rel_rms = sqrt(ss / m);
    st->noise_var = ss > pv ? (ss - pv) / m : 0.0;
    st->half95 = gsl_cdf_tdist_Pinv(0.975, m - 1) * st->rel_rms * sqrt(1.0 + 1.0 / m);
    if (m < 3)
        return;
    int in = 0;
    for (int i = 0; i < n; i++) {
        const jz_bt_point *q = &b->points[idx[i]];
        if (q->observed == 0.0)
            continue;
        double e = q->forecast[JZ_BT_MODEL] / q->observed - 1.0;
        double r = sqrt((ss - e * e) / (m - 1));
        double hw = gsl_cdf_tdist_Pinv(0.975, m - 2) * r * sqrt(1.0 + 1.0 / (m - 1));
        in += fabs(e) <= hw;
    }
    st->coverage = (double)in / m;
    *covered += in;
    *counted += m;
}

int jz_bt_score(jz_backtest *b, int maxh)
{
    int cap = 0, covered = 0, counted = 0;
    int *idx = malloc((size_t)(b->n_points ? b->n_points : 1) * sizeof *idx);
    if (!idx)
        return JZ_ENOMEM;
    /* per cell, series, horizon and method, over every origin */
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = b->points[j].g == p->g && b->points[j].z == p->z && b->points[j].series == p->series &&
                   b->points[j].horizon == p->horizon;
        if (seen)
            continue;
        int n = 0;
        for (int j = i; j < b->n_points; j++) {
            const jz_bt_point *q = &b->points[j];
            if (q->g == p->g && q->z == p->z && q->series == p->series && q->horizon == p->horizon)
                idx[n++] = j;
        }
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {p->g, p->z, p->series, p->horizon, m, 0, 0, 0, 0, NAN, NAN, NAN, NAN};
            int nape = 0;
            for (int k = 0; k < n; k++) {
                const jz_bt_point *q = &b->points[idx[k]];
                double e = q->forecast[m] - q->observed;
                st.n++;
                st.me += e;
                st.mae += fabs(e);
                if (q->observed != 0) {
                    st.mape += fabs(e / q->observed);
                    nape++;
                }
            }
            st.me /= st.n;
            st.mae /= st.n;
            st.mape = nape ? 100.0 * st.mape / nape : NAN;
            if (m == JZ_BT_MODEL)
                interval(b, idx, n, &st, &covered, &counted);
            if (add_stat(b, &cap, &st)) {
                free(idx);
                return JZ_ENOMEM;
            }
        }
    }
    free(idx);
    b->coverage = counted ? (double)covered / counted : NAN;
    b->n_covered = counted;
    /* pooled over every series: MAPE only (the units differ) */
    for (int h = 1; h <= maxh; h++)
        for (int m = 0; m < JZ_BT_METHODS; m++) {
            jz_bt_stat st = {-1, -1, -1, h, m, 0, NAN, NAN, 0, NAN, NAN, NAN, NAN};
            int nape = 0;
            for (int j = 0; j < b->n_points; j++) {
                const jz_bt_point *q = &b->points[j];
                if (q->horizon != h)
                    continue;
                st.n++;
                if (q->observed != 0) {
                    st.mape += fabs((q->forecast[m] - q->observed) / q->observed);
                    nape++;
                }
            }
            if (!st.n)
                continue;
            st.mape = nape ? 100.0 * st.mape / nape : NAN;
            if (add_stat(b, &cap, &st))
                return JZ_ENOMEM;
        }
    /* one verdict per series over every origin and horizon */
    b->verdicts = calloc(b->n_points > 0 ? (size_t)b->n_points : 1u, sizeof *b->verdicts);
    if (!b->verdicts)
        return JZ_ENOMEM;
    for (int i = 0; i < b->n_points; i++) {
        const jz_bt_point *p = &b->points[i];
        int k = 0;
        while (k < b->n_verdicts && !(b->verdicts[k].g == p->g && b->verdicts[k].z == p->z &&
                                      b->verdicts[k].series == p->series))
            k++;
        if (k < b->n_verdicts)
            continue;
        jz_bt_verdict *v = &b->verdicts[b->n_verdicts++];
        v->g = p->g;
        v->z = p->z;
        v->series = p->series;
        int nape = 0, last_origin = -1;
        double sum[JZ_BT_METHODS] = {0};
        for (int j = i; j < b->n_points; j++) {
            const jz_bt_point *q = &b->points[j];
            if (q->g != p->g || q->z != p->z || q->series != p->series)
                continue;
            v->n++;
            if (q->origin != last_origin) {
                int seen = 0;
                for (int t = i; t < j && !seen; t++)
                    seen = b->points[t].origin == q->origin && b->points[t].g == p->g && b->points[t].z == p->z &&
                           b->points[t].series == p->series;
                v->n_origins += !seen;
                last_origin = q->origin;
            }
            if (q->observed != 0) {
                for (int m = 0; m < JZ_BT_METHODS; m++)
                    sum[m] += fabs((q->forecast[m] - q->observed) / q->observed);
                nape++;
            }
        }
        for (int m = 0; m < JZ_BT_METHODS; m++)
            v->mape[m] = nape ? 100.0 * sum[m] / nape : NAN;
    }
    return JZ_OK;
}
