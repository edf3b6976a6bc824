/*
 * bt_ahead.c - the backtest's forecasts beyond the history (see
 * bt_internal.h for how the backtest's files fit): the fit on all years,
 * its forecasts with the interval from the scored errors and the spread
 * from the fit's parameter uncertainty.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "analysis/bt_internal.h"
#include "jzsim/init.h"

/* ---- beyond the history ------------------------------------------------- */

static const jz_bt_stat *stat_of(const jz_backtest *b, int g, int z, int series, int h)
{
    for (int i = 0; i < b->n_stats; i++) {
        const jz_bt_stat *st = &b->stats[i];
        if (st->g == g && st->z == z && st->series == series && st->horizon == h && st->method == JZ_BT_MODEL)
            return st;
    }
    return NULL;
}

/* Parameter j of c moved by one standard error in scenario p (a copy of
 * c->fitted): the cells of its unit (own: cells with rows of their own). */
static void perturb(jz_scenario *p, const jz_calib *c, const jz_calib_param *q, const unsigned char *own)
{
    const int Z = p->n_zorgsoorten, H = p->meta.horizon, base = p->meta.base_year;
    double f = exp(q->theta_se);
    for (int z = 0; z < Z; z++) {
        if (q->z >= 0 ? z != q->z : own[q->g * Z + z])
            continue;
        jz_cell *cl = &p->cells[(size_t)q->g * (size_t)Z + (size_t)z];
        for (int y = 0; y < H; y++) {
            switch (q->kind) {
            case JZ_PK_INSTROOM: cl->instroom[y] *= f; break;
            case JZ_PK_COST: cl->cost[y] *= f; break;
            case JZ_PK_ZORGDUUR: cl->zorgduur[y] *= f; break;
            case JZ_PK_DUUR_TREND: cl->zorgduur[y] *= pow((1.0 + q->theta + q->theta_se) / (1.0 + q->theta), y); break;
            case JZ_PK_DUUR_BREAK: if (y + base >= q->year) cl->zorgduur[y] *= f; break;
            case JZ_PK_INSTROOM_BREAK: if (y + base >= q->year) cl->instroom[y] *= f; break;
            case JZ_PK_TREND: if (y) cl->instroom_trend[y] += q->theta_se; break;
            case JZ_PK_INTENSITY: if (y) cl->intensity_trend[y] += q->theta_se; break;
            case JZ_PK_START: if (!y) cl->start *= f; break;
            default: break;
            }
        }
    }
    (void)c;
}

/* The relative variance of the forecasts of targets t[0..n) (from run r
 * of proj, anchored at A) from the parameter uncertainty of fit c: each
 * fitted parameter moved by its standard error gives the change d_k, and
 * var = sum_kl d_k d_l corr_kl.  var[i] gets it; X->r is overwritten. */
int jz_bt_param_var(ctx *X, const jz_calib *c, const jz_scenario *proj, const jz_calib_obs *t, int n,
                     const double *f0, double *var)
{
    const jz_scenario *s = X->s;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, np = c->n_params;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    double *d = calloc((size_t)np * (size_t)(n ? n : 1), sizeof *d);
    anchor A2 = {0, malloc((size_t)G * (size_t)Z * sizeof(double))};
    jz_scenario *pert = NULL;
    int rc = JZ_OK;
    if (!own || !d || !A2.delta) {
        rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (int i = 0; i < c->n_obs; i++)
        if (c->obs[i].z >= 0)
            own[c->obs[i].g * Z + c->obs[i].z] = 1;
    for (int j = 0; j < np; j++) {
        const jz_calib_param *q = &c->params[j];
        if (!q->fitted || !isfinite(q->theta_se) || !c->corr)
            continue;
        jz_scenario_free(pert);
        if (!(pert = jz_scenario_copy(proj))) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        perturb(pert, c, q, own);
        if ((rc = jz_model_run(pert, X->w, X->r, X->err)))
            break;
        if (X->o->anchor && jz_bt_anchor_at(&A2, pert, X->r, X->all, X->n_all, X->A.T)) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        for (int i = 0; i < n; i++)
            d[(size_t)j * (size_t)n + (size_t)i] =
                f0[i] != 0.0 ? jz_bt_forecast_of(pert, X->r, &t[i], X->o->anchor ? &A2 : NULL) / f0[i] - 1.0 : 0.0;
    }
    for (int i = 0; rc == JZ_OK && i < n; i++) {
        double v = 0.0;
        for (int a = 0; a < np; a++)
            for (int b = 0; b < np; b++)
                if (c->corr)
                    v += d[(size_t)a * (size_t)n + (size_t)i] * d[(size_t)b * (size_t)n + (size_t)i] *
                         c->corr[(size_t)a * (size_t)np + (size_t)b];
        var[i] = v > 0.0 ? v : 0.0;
    }
done:
    jz_scenario_free(pert);
    free(own);
    free(d);
    free(A2.delta);
    return rc;
}

int jz_bt_forecast_ahead(jz_backtest *b, ctx *X)
{
    const jz_scenario *s = X->s;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    int L = 0;
    for (int i = 0; i < X->n_all; i++)
        if (X->all[i].year > L)
            L = X->all[i].year;
    jz_calib *c = NULL;
    jz_scenario *proj = NULL;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    double *fc = NULL;
    int rc = own ? jz_bt_fit_and_project(X, L, &c, &proj)
                 : jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int cap = b->n_verdicts * X->o->max_horizon;
    if (rc == JZ_OK && (!(b->ahead = calloc((size_t)(cap ? cap : 1), sizeof *b->ahead)) ||
                        !(fc = calloc((size_t)(cap ? cap : 1), sizeof *fc))))
        rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int v = 0; rc == JZ_OK && v < b->n_verdicts; v++)
        for (int h = 1; h <= X->o->max_horizon; h++) {
            const jz_bt_verdict *vd = &b->verdicts[v];
            const jz_bt_stat *st = stat_of(b, vd->g, vd->z, vd->series, h);
            if (L + h - base >= H || !st || !isfinite(st->half95) || st->half95 >= 1.0)
                continue;
            jz_calib_obs t = {0};
            t.g = vd->g;
            t.z = vd->z;
            t.series = vd->series;
            t.year = L + h;
            jz_bt_ahead *a = &b->ahead[b->n_ahead++];
            a->g = t.g;
            a->z = t.z;
            a->series = t.series;
            a->year = t.year;
            a->horizon = h;
            a->forecast = jz_bt_forecast_of(proj, X->r, &t, X->o->anchor ? &X->A : NULL);
            a->lo = a->forecast / (1.0 + st->half95);
            a->hi = a->forecast / (1.0 - st->half95);
        }
    /* the parameter uncertainty of this fit's forecasts */
    if (rc == JZ_OK && b->n_ahead > 0) {
        jz_calib_obs *t = calloc((size_t)b->n_ahead, sizeof *t);
        double *f0 = malloc((size_t)b->n_ahead * sizeof *f0);
        if (!t || !f0) {
            rc = jz_error_set(X->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        } else {
            for (int k = 0; k < b->n_ahead; k++) {
                t[k].g = b->ahead[k].g;
                t[k].z = b->ahead[k].z;
                t[k].series = b->ahead[k].series;
                t[k].year = b->ahead[k].year;
                f0[k] = b->ahead[k].forecast;
            }
            rc = jz_bt_param_var(X, c, proj, t, b->n_ahead, f0, fc);
        }
        free(t);
        free(f0);
    }
    for (int k = 0; rc == JZ_OK && k < b->n_ahead; k++) {
        jz_bt_ahead *a = &b->ahead[k];
        const jz_bt_stat *st = stat_of(b, a->g, a->z, a->series, a->horizon);
        int m = st->n;
        double hw = gsl_cdf_tdist_Pinv(0.975, m - 1) * sqrt((st->noise_var + fc[k]) * (1.0 + 1.0 / m));
        a->lo_comb = a->forecast / (1.0 + hw);
        a->hi_comb = hw < 1.0 ? a->forecast / (1.0 - hw) : INFINITY;
    }
    free(own);
    free(fc);
    jz_scenario_free(proj);
    jz_calib_free(c);
    return rc;
}
