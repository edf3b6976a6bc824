/*
 * mixture.c - a zorgsoort whose duration is a mixture of two Erlang
 * branches (`mixture:`, docs/model.md section 2b).
 *
 * A share p of the starts goes through a chain of k1 stages with mean D1,
 * the rest through k2 stages with mean D2.  Each branch is an ordinary
 * Erlang chain (erlang.c), so the exact one-step solution of section 3
 * holds per branch; the cell's stock, client-steps and exits are the sums
 * over its two branches.  The cell's zorgduur D_y (after measures and
 * uncertainty) is the mixture's mean: the branch means are the mixture's
 * reference means scaled by D_y / (p d1 + (1 - p) d2), so anything that
 * scales zorgduur scales both branches and p D1 + (1 - p) D2 = D_y.
 *
 * This file keeps the mixture apart from the single-chain path of flow.c:
 * cells without a mixture never come here, and the workspace's mixture
 * arrays (mix_x, mix_e) are only read for mixture cells.
 */
#include <string.h>

#include "jzsim/measures.h"
#include "model/internal.h"

/* d_b / (p d1 + (1 - p) d2): the factor from the cell's mean zorgduur to
 * the mean of branch b. */
static double branch_factor(const jz_mixture *m, int b)
{
    double mean = m->share * m->zorgduur[0] + (1.0 - m->share) * m->zorgduur[1];
    return m->zorgduur[b] / mean;
}

double jz_mix_branch_share(const jz_mixture *m, int b)
{
    return b == 0 ? m->share : 1.0 - m->share;
}

int jz_mix_setup(jz_workspace *w, int z, const jz_mixture *m, double D, double p, double tau)
{
    for (int b = 0; b < 2; b++) {
        jz_erlang *e = &w->mix_e[2 * (size_t)z + (size_t)b];
        double Db = D * branch_factor(m, b);
        /* the same inputs as last year (or the last gemeente): keep them */
        if (!jz_erlang_same(e, m->stages[b], Db, p, tau) && jz_erlang_step(e, m->stages[b], Db, p, tau))
            return -1;
    }
    return 0;
}

void jz_mix_start(jz_workspace *w, int z, const jz_mixture *m, double start)
{
    /* the steady state without ageing: branch b holds its starts times its
     * mean, p_b D_b / D of the stock, split equally over its k_b stages */
    for (int b = 0; b < 2; b++) {
        double *x = w->mix_x + (2 * (size_t)z + (size_t)b) * JZ_STAGES_MAX;
        int k = m->stages[b];
        double part = start * (jz_mix_branch_share(m, b) * branch_factor(m, b));
        for (int j = 0; j < JZ_STAGES_MAX; j++)
            x[j] = j < k ? part / k : 0.0;
    }
}

double jz_mix_stock(const jz_workspace *w, int z)
{
    double t = 0.0;
    for (int b = 0; b < 2; b++) {
        const double *x = w->mix_x + (2 * (size_t)z + (size_t)b) * JZ_STAGES_MAX;
        for (int j = 0; j < w->mix_e[2 * (size_t)z + (size_t)b].k; j++)
            t += x[j];
    }
    return t;
}

double jz_zorgsoort_exit_after(const jz_zorgsoort *zs, double D, double T, double share)
{
    const jz_mixture *m = &zs->mix;
    if (m->share == 0.0)
        return jz_exit_after_duration(zs->stages, D, T, share);
    /* the rule acts on each branch's trajectories; the new mean is the
     * mixture of the branches' new means, and (as for any change of
     * zorgduur) both branches then scale with it */
    double mean = 0.0;
    for (int b = 0; b < 2; b++)
        mean += jz_mix_branch_share(m, b) *
                jz_exit_after_duration(m->stages[b], D * branch_factor(m, b), T, share);
    return mean;
}
