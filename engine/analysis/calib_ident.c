/*
 * calib_ident.c - identifiability: before the fit, a greedy rank test on
 * the Jacobian at the scenario's values keeps only the parameters the data
 * can identify (levels before trends); the others are kept at the
 * scenario's value with a note saying why.
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/calib_problem.h"

/* ---- identifiability: greedy rank test at the scenario's values -------- */

static int kind_priority(int k)
{
    static const int pr[JZ_PK_N] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    return pr[k];
}

int jz_calib_screen(problem *P, jz_calib *c, const jz_calib_options *o)
{
    const int n = P->n, np = P->np;
    double *J = calloc((size_t)n * (size_t)np, sizeof *J);
    double *fp = malloc((size_t)n * sizeof *fp), *fm = malloc((size_t)n * sizeof *fm);
    double *Q = calloc((size_t)n * (size_t)(np ? np : 1), sizeof *Q);
    int *order = malloc((size_t)(np ? np : 1) * sizeof *order);
    int *sel = malloc((size_t)(np ? np : 1) * sizeof *sel);
    int rc = JZ_OK;
    if (!J || !fp || !fm || !Q || !order || !sel) {
        rc = jz_error_set(P->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    const double h = 1e-4;
    for (int j = 0; j < np; j++) {
        if (!P->par[j].fitted)
            continue; /* not asked for */
        jz_calib_apply(P, j, P->par[j].theta + h);
        if (jz_calib_evaluate(P, fp, 1)) {
            rc = P->err->status;
            goto done;
        }
        jz_calib_apply(P, j, P->par[j].theta - h);
        if (jz_calib_evaluate(P, fm, 1)) {
            rc = P->err->status;
            goto done;
        }
        jz_calib_restore(P, j);
        for (int i = 0; i < n; i++)
            J[(size_t)i * (size_t)np + (size_t)j] = (fp[i] - fm[i]) / (2.0 * h);
    }
    /* order: by kind priority, then by parameter index */
    int m = 0;
    for (int pr = 0; pr < JZ_PK_N; pr++)
        for (int j = 0; j < np; j++)
            if (kind_priority(P->par[j].kind) == pr)
                order[m++] = j;
    int ns = 0;
    for (int t = 0; t < m; t++) {
        int j = order[t];
        jz_calib_param *q = &P->par[j];
        if (!q->fitted)
            continue;
        double norm = 0.0;
        for (int i = 0; i < n; i++)
            norm += J[(size_t)i * (size_t)np + (size_t)j] * J[(size_t)i * (size_t)np + (size_t)j];
        norm = sqrt(norm);
        if (norm < 1e-10) {
            q->fitted = 0;
            snprintf(q->note, sizeof q->note, "no observation depends on it");
            continue;
        }
        /* a zorgsoort's own parameter is fitted from that zorgsoort's own
         * rows: the gemeente totals are there for the group without rows,
         * and would otherwise shift cost or volume between zorgsoorten in
         * ways the data cannot check */
        if (q->z >= 0) {
            double own = 0.0;
            for (int i = 0; i < n; i++)
                if (P->obs[i].g == q->g && P->obs[i].z == q->z)
                    own += J[(size_t)i * (size_t)np + (size_t)j] * J[(size_t)i * (size_t)np + (size_t)j];
            if (sqrt(own) < 1e-10) {
                q->fitted = 0;
                snprintf(q->note, sizeof q->note, "no row of this zorgsoort depends on it (the totals "
                         "fit only the zorgsoorten without rows of their own)");
                continue;
            }
        }
        /* project out the selected columns (twice, for stability) */
        double *r = fp;
        for (int i = 0; i < n; i++)
            r[i] = J[(size_t)i * (size_t)np + (size_t)j] / norm;
        for (int pass = 0; pass < 2; pass++)
            for (int s = 0; s < ns; s++) {
                double d = 0.0;
                for (int i = 0; i < n; i++)
                    d += Q[(size_t)s * (size_t)n + (size_t)i] * r[i];
                for (int i = 0; i < n; i++)
                    r[i] -= d * Q[(size_t)s * (size_t)n + (size_t)i];
            }
        double rn = 0.0;
        for (int i = 0; i < n; i++)
            rn += r[i] * r[i];
        rn = sqrt(rn);
        if (rn < o->ident_tol || ns >= n) {
            /* which selected parameter is it most alike? */
            int best = -1;
            double bc = -1.0;
            for (int s = 0; s < ns; s++) {
                int k = sel[s];
                double d = 0.0, nk = 0.0;
                for (int i = 0; i < n; i++) {
                    double a = J[(size_t)i * (size_t)np + (size_t)j], b = J[(size_t)i * (size_t)np + (size_t)k];
                    d += a * b;
                    nk += b * b;
                }
                double cc = fabs(d) / (norm * sqrt(nk) + 1e-300);
                if (cc > bc) {
                    bc = cc;
                    best = k;
                }
            }
            q->fitted = 0;
            if (ns >= n)
                snprintf(q->note, sizeof q->note, "more parameters than observations");
            else if (best >= 0)
                snprintf(q->note, sizeof q->note, "the data cannot separate it from %s of %s%s%s",
                         jz_param_kind_key(P->par[best].kind), P->orig->gemeenten[P->par[best].g].code,
                         P->par[best].z >= 0 ? "/" : " (group)",
                         P->par[best].z >= 0 ? P->orig->zorgsoorten[P->par[best].z].key : "");
            else
                snprintf(q->note, sizeof q->note, "not identified by the data");
            continue;
        }
        for (int i = 0; i < n; i++)
            Q[(size_t)ns * (size_t)n + (size_t)i] = r[i] / rn;
        sel[ns++] = j;
    }
    (void)c;
done:
    free(J);
    free(fp);
    free(fm);
    free(Q);
    free(order);
    free(sel);
    return rc;
}
