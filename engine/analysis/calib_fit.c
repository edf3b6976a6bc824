/*
 * calib_fit.c - the fit of a calibration (see calibrate.c for the steps
 * and calib_problem.h for the problem they share): weighted nonlinear least
 * squares with gsl_multifit_nlinear on the screened parameters, standard
 * errors and correlations from the covariance, and the bookkeeping after
 * it: the fitted values into the parameters and the summary per
 * observation.
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include "analysis/calib_problem.h"
#include "common/util.h"
#include "jzsim/init.h"
#include "scenario/value.h"

/* ---- result bookkeeping ------------------------------------------------- */

void jz_calib_fill_values(problem *P)
{
    for (int j = 0; j < P->np; j++) {
        jz_calib_param *q = &P->par[j];
        if (!q->fitted)
            continue;
        switch (q->kind) {
        case JZ_PK_INSTROOM: case JZ_PK_COST: case JZ_PK_ZORGDUUR: case JZ_PK_START:
        case JZ_PK_DUUR_BREAK: case JZ_PK_INSTROOM_BREAK: {
            double f = exp(q->theta);
            if (q->kind == JZ_PK_START && !q->is_factor) {
                q->value = f;
            } else {
                q->value = q->is_factor ? f : q->initial * f;
            }
            q->se = q->value * q->theta_se; /* delta method on the log scale */
            break;
        }
        default:
            q->value = q->theta;
            q->se = q->theta_se;
        }
    }
}

int jz_calib_summarise(jz_calib *c)
{
    c->summary = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *c->summary);
    if (!c->summary)
        return JZ_ENOMEM;
    double *se = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *se);
    double *ape = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *ape);
    int *nape = calloc((size_t)(c->n_obs ? c->n_obs : 1), sizeof *nape);
    if (!se || !ape || !nape) {
        free(se);
        free(ape);
        free(nape);
        return JZ_ENOMEM;
    }
    int ns = 0;
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *o = &c->obs[i];
        int k = 0;
        while (k < ns && !(c->summary[k].g == o->g && c->summary[k].z == o->z && c->summary[k].series == o->series))
            k++;
        if (k == ns) {
            c->summary[ns].g = o->g;
            c->summary[ns].z = o->z;
            c->summary[ns].series = o->series;
            ns++;
        }
        double d = o->model - o->observed;
        c->summary[k].n++;
        se[k] += d * d;
        if (o->observed != 0.0) {
            ape[k] += fabs(d / o->observed);
            nape[k]++;
        }
    }
    for (int k = 0; k < ns; k++) {
        c->summary[k].rmse = sqrt(se[k] / c->summary[k].n);
        c->summary[k].mape = nape[k] ? 100.0 * ape[k] / nape[k] : NAN;
    }
    c->n_summary = ns;
    free(se);
    free(ape);
    free(nape);
    return JZ_OK;
}

/* ---- the fit ------------------------------------------------------------ */

int jz_calib_fit(problem *P, jz_calib *c, const jz_calib_options *o)
{
    const size_t n = (size_t)P->n, p = (size_t)P->p;
    int rc = JZ_OK;
    gsl_multifit_nlinear_parameters fp = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &fp, n, p);
    gsl_vector *x = gsl_vector_alloc(p);
    void *wts = NULL;
    gsl_matrix *cov = gsl_matrix_alloc(p, p), *A = gsl_matrix_alloc(n, p), *V = gsl_matrix_alloc(p, p);
    gsl_vector *S = gsl_vector_alloc(p), *work = gsl_vector_alloc(p);
    if (!w || !x || !cov || !A || !V || !S || !work) {
        rc = jz_error_set(P->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < p; k++)
        gsl_vector_set(x, k, P->par[P->map[k]].theta);
    gsl_multifit_nlinear_fdf fdf;
    memset(&fdf, 0, sizeof fdf);
    fdf.f = jz_calib_gsl_f;
    fdf.df = jz_calib_gsl_df; /* central differences of the model run itself */
    fdf.fvv = NULL;
    fdf.n = n;
    fdf.p = p;
    fdf.params = P;
    /* the weights 1/scale^2 are folded into f (f_i = (model - observed) /
     * scale_i), so f, J and the covariance are all on the weighted scale;
     * GSL's own weight vector is left out because its central-difference
     * Jacobian does not apply it */
    (void)wts;
    int st = gsl_multifit_nlinear_init(x, &fdf, w);
    if (st != GSL_SUCCESS) {
        rc = P->failed ? P->err->status
                       : jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0, "the solver could not start: %s",
                                      gsl_strerror(st));
        goto done;
    }
    gsl_vector *f = gsl_multifit_nlinear_residual(w);
    double chisq0;
    if ((st = gsl_blas_ddot(f, f, &chisq0)) != GSL_SUCCESS) {
        rc = jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0, "the solver could not start: %s", gsl_strerror(st));
        goto done;
    }
    int info = 0;
    st = gsl_multifit_nlinear_driver((size_t)o->max_iter, o->xtol, o->gtol, o->ftol, NULL, NULL, &info, w);
    if (P->failed) {
        rc = P->err->status;
        goto done;
    }
    c->status = st;
    c->iterations = (int)gsl_multifit_nlinear_niter(w);
    if (st == GSL_EMAXITER)
        WARN(c, "the fit did not converge in %d iterations; the values are the last iterate", o->max_iter);
    else if (st != GSL_SUCCESS && st != GSL_ENOPROG)
        WARN(c, "the solver stopped: %s", gsl_strerror(st));
    gsl_vector *xs = gsl_multifit_nlinear_position(w);
    f = gsl_multifit_nlinear_residual(w);
    double chisq;
    if ((st = gsl_blas_ddot(f, f, &chisq)) != GSL_SUCCESS) {
        rc = jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0, "the fit's residuals: %s", gsl_strerror(st));
        goto done;
    }
    c->chisq0 = chisq0;
    c->chisq = chisq;
    gsl_matrix *J = gsl_multifit_nlinear_jac(w);
    /* degrees of freedom: only the observations that some fitted parameter
     * moves carry information about the parameters; an observation no
     * parameter touches (another series, a set-aside value) would only
     * dilute the residual variance and understate the standard errors */
    double jmax = 0.0, chisq_aff = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < p; k++)
            if (fabs(gsl_matrix_get(J, i, k)) > jmax)
                jmax = fabs(gsl_matrix_get(J, i, k));
    int affected = 0;
    for (size_t i = 0; i < n; i++) {
        int any = 0;
        for (size_t k = 0; k < p && !any; k++)
            any = fabs(gsl_matrix_get(J, i, k)) > 1e-9 * jmax;
        if (any && isfinite(P->obs[i].scale)) {
            affected++;
            chisq_aff += gsl_vector_get(f, i) * gsl_vector_get(f, i);
        }
    }
    c->n_affected = affected;
    c->dof = affected - (int)p;
    if ((st = gsl_multifit_nlinear_covar(J, 1e-12, cov)) != GSL_SUCCESS) {
        rc = jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0,
                          "the covariance of the fitted parameters could not be computed (%s); fit fewer "
                          "groups (--fit)", gsl_strerror(st));
        goto done;
    }
    double s2 = c->dof > 0 ? chisq_aff / c->dof : NAN;
    c->sigma = sqrt(s2);
    if (gsl_matrix_memcpy(A, J) == GSL_SUCCESS && gsl_linalg_SV_decomp(A, V, S, work) == GSL_SUCCESS) {
        double smax = gsl_vector_get(S, 0), smin = gsl_vector_get(S, p - 1);
        c->cond = smin > 0 ? smax / smin : INFINITY;
    } else {
        c->cond = NAN;
    }
    free(c->corr);
    if ((c->corr = calloc((size_t)P->np * (size_t)P->np, sizeof *c->corr)))
        for (size_t a = 0; a < p; a++)
            for (size_t b = 0; b < p; b++) {
                double vab = gsl_matrix_get(cov, a, b), va = gsl_matrix_get(cov, a, a), vb = gsl_matrix_get(cov, b, b);
                c->corr[(size_t)P->map[a] * (size_t)P->np + (size_t)P->map[b]] =
                    va > 0 && vb > 0 ? vab / sqrt(va * vb) : (a == b);
            }
    for (size_t k = 0; k < p; k++) {
        jz_calib_param *q = &P->par[P->map[k]];
        q->theta = gsl_vector_get(xs, k);
        double v = gsl_matrix_get(cov, k, k);
        q->theta_se = c->dof > 0 && v > 0 ? sqrt(v * s2) : NAN;
        if (c->dof > 0 && !(v > 0))
            snprintf(q->note, sizeof q->note, "not identified at the solution (zero variance column)");
    }
    if (c->dof == 0)
        WARN(c, "as many fitted parameters as observations: the fit is exact and no standard error "
                "can be given; fit fewer groups (--fit) or add history");
    if (c->cond > 1e8) {
        /* name the most correlated pair */
        int a = -1, b = -1;
        double best = 0.0;
        for (size_t i = 0; i < p; i++)
            for (size_t j = i + 1; j < p; j++) {
                double cij = gsl_matrix_get(cov, i, j) /
                             sqrt(gsl_matrix_get(cov, i, i) * gsl_matrix_get(cov, j, j) + 1e-300);
                if (fabs(cij) > best) {
                    best = fabs(cij);
                    a = (int)i;
                    b = (int)j;
                }
            }
        if (a >= 0)
            WARN(c, "weakly identified: the Jacobian is ill-conditioned (condition number %.3g); %s and %s "
                    "of %s move together (correlation %.3f), so their standard errors are large",
                 c->cond, jz_param_kind_key(P->par[P->map[a]].kind), jz_param_kind_key(P->par[P->map[b]].kind),
                 P->orig->gemeenten[P->par[P->map[a]].g].code, best);
    }
done:
    gsl_multifit_nlinear_free(w);
    gsl_vector_free(x);
    gsl_matrix_free(cov);
    gsl_matrix_free(A);
    gsl_matrix_free(V);
    gsl_vector_free(S);
    gsl_vector_free(work);
    return rc;
}
