/*
 * bt_project.c - the backtest's projection from the history (see
 * bt_internal.h for how the backtest's files fit): the observed instroom
 * put into a projection (also used by calibrate.c for the conditioned run),
 * the anchor at the last observed stock and the forecast of one observation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "analysis/bt_internal.h"
#include "jzsim/init.h"

/* Put the observed instroom of the years after `until` into s (a copy of
 * the fitted scenario): own cells get the external instroom that makes
 * their total instroom (external + transfers + re-entries) the observed
 * one; a gemeente total scales the cells without rows of their own.  A few
 * passes, because transfers depend on the instroom of the other cells.
 * Years after a cell's last observed instroom keep the scenario's course
 * times that year's factor. */
int jz_calib_observed_instroom(jz_scenario *s, jz_workspace *w, jz_result *r, const jz_calib_obs *obs, int n,
                               int until, jz_error *err)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon, base = s->meta.base_year;
    const size_t GZ = (size_t)G * (size_t)Z;
    unsigned char *own = calloc(GZ, 1);
    int *last = malloc(GZ * sizeof *last); /* the last year index set from an observation, -1: none */
    double *orig = malloc(GZ * (size_t)H * sizeof *orig);
    if (!own || !last || !orig) {
        free(own);
        free(last);
        free(orig);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t ci = 0; ci < GZ; ci++) {
        last[ci] = -1;
        memcpy(orig + ci * (size_t)H, s->cells[ci].instroom, (size_t)H * sizeof *orig);
    }
    for (int i = 0; i < n; i++)
        if (obs[i].z >= 0 && obs[i].series == JZ_HS_INSTROOM)
            own[obs[i].g * Z + obs[i].z] = 1;
    int rc = JZ_OK;
    for (int pass = 0; pass < 12 && rc == JZ_OK; pass++) {
        if ((rc = jz_model_run(s, w, r, err)))
            break;
        for (int i = 0; i < n; i++) {
            const jz_calib_obs *o = &obs[i];
            int y = o->year - base;
            if (o->series != JZ_HS_INSTROOM || o->half || o->year <= until || y < 0 || y >= H)
                continue;
            if (o->z >= 0) {
                size_t ri = jz_result_cz(r, o->g, o->z, y);
                double other = r->instroom_transfer[ri] + r->instroom_reentry[ri];
                double ext = o->observed - other, now = r->instroom_ext[ri];
                jz_cell *c = &s->cells[(size_t)o->g * (size_t)Z + (size_t)o->z];
                if (ext < 0)
                    ext = 0;
                if (now > 0)
                    c->instroom[y] *= ext / now;
                size_t ci = (size_t)o->g * (size_t)Z + (size_t)o->z;
                if (y > last[ci])
                    last[ci] = y;
            } else {
                double own_in = 0.0, grp_in = 0.0, grp_ext = 0.0;
                for (int z = 0; z < Z; z++) {
                    size_t ri = jz_result_cz(r, o->g, z, y);
                    if (own[o->g * Z + z])
                        own_in += r->instroom[ri];
                    else {
                        grp_in += r->instroom[ri];
                        grp_ext += r->instroom_ext[ri];
                    }
                }
                double target_ext = grp_ext + (o->observed - own_in - grp_in);
                if (grp_ext > 0 && target_ext > 0)
                    for (int z = 0; z < Z; z++)
                        if (!own[o->g * Z + z]) {
                            size_t ci = (size_t)o->g * (size_t)Z + (size_t)z;
                            s->cells[ci].instroom[y] *= target_ext / grp_ext;
                            if (y > last[ci])
                                last[ci] = y;
                        }
            }
        }
    }
    /* the years after the last observed one continue from its level (the
     * scenario's own course times the last year's factor), not back at
     * the scenario's level */
    for (size_t ci = 0; rc == JZ_OK && ci < GZ; ci++) {
        int ly = last[ci];
        double o0 = ly >= 0 ? orig[ci * (size_t)H + (size_t)ly] : 0.0;
        if (ly < 0 || !(o0 > 0.0))
            continue;
        double f = s->cells[ci].instroom[ly] / o0;
        for (int y = ly + 1; y < H; y++)
            s->cells[ci].instroom[y] = orig[ci * (size_t)H + (size_t)y] * f;
    }
    free(own);
    free(last);
    free(orig);
    return rc;
}


/* ---- starting from the last observed stock ----------------------------- *
 * The fitted run ends year T with a stock that differs from the observed
 * one by delta.  Those extra (or missing) clients are in care like the
 * others: with the model's Erlang-k duration of mean D, a client in care
 * at T is still in care t months later with probability
 *   R(t) = (1/k) sum_{i<k} P(Poisson(k t / D) <= i)
 * (the stationary residual time of an Erlang-k).  So the forecast of the
 * end stock h years on gets delta R(12h), the exits of that year
 * delta (R(12(h-1)) - R(12h)), the unique clients delta R(12(h-1)), the
 * client-years about delta (R(12(h-1)) + R(12h)) / 2 and the cost the
 * client-years' share of it.  A gemeente total observed without its
 * zorgsoorten spreads its delta over them by their end stock. */

static double resid_surv(double t, double D, int k)
{
    if (t <= 0.0)
        return 1.0;
    if (!(D > 0.0) || k < 1)
        return 0.0;
    double x = k * t / D, sum = 0.0;
    for (int i = 0; i < k; i++)
        sum += gsl_cdf_poisson_P((unsigned)i, x);
    return sum / k;
}

/* The same for a zorgsoort's shape: its chain, or the stock of a duration
 * mixture (docs/model.md section 2b), whose branch b holds the share
 * p_b D_b / D of it and leaves at its own residual survival. */
static double shape_resid_surv(double t, double D, const jz_zorgsoort *zs)
{
    const jz_mixture *m = &zs->mix;
    if (m->share == 0.0)
        return resid_surv(t, D, zs->stages);
    double mean = m->share * m->zorgduur[0] + (1.0 - m->share) * m->zorgduur[1], v = 0.0;
    for (int b = 0; b < 2; b++) {
        double p = b == 0 ? m->share : 1.0 - m->share, Db = D * m->zorgduur[b] / mean;
        v += p * m->zorgduur[b] / mean * resid_surv(t, Db, m->stages[b]);
    }
    return v;
}

int jz_bt_anchor_at(anchor *A, const jz_scenario *s, const jz_result *r, const jz_calib_obs *all, int n_all, int T)
{
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, y = T - s->meta.base_year;
    A->T = T;
    memset(A->delta, 0, (size_t)G * (size_t)Z * sizeof *A->delta);
    if (y < 0 || y >= s->meta.horizon)
        return 0;
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1);
    if (!own)
        return -1;
    for (int i = 0; i < n_all; i++) {
        const jz_calib_obs *o = &all[i];
        if (o->series != JZ_HS_END || o->year != T || o->half || o->z < 0 || !isfinite(o->scale))
            continue;
        A->delta[o->g * Z + o->z] = o->observed - r->end[jz_result_cz(r, o->g, o->z, y)];
        own[o->g * Z + o->z] = 1;
    }
    for (int i = 0; i < n_all; i++) {
        const jz_calib_obs *o = &all[i];
        if (o->series != JZ_HS_END || o->year != T || o->half || o->z >= 0 || !isfinite(o->scale))
            continue;
        double rest = o->observed, stock = 0.0;
        for (int z = 0; z < Z; z++) {
            double e = r->end[jz_result_cz(r, o->g, z, y)];
            rest -= own[o->g * Z + z] ? e + A->delta[o->g * Z + z] : e;
            stock += own[o->g * Z + z] ? 0.0 : e;
        }
        if (stock > 0.0)
            for (int z = 0; z < Z; z++)
                if (!own[o->g * Z + z])
                    A->delta[o->g * Z + z] = rest * r->end[jz_result_cz(r, o->g, z, y)] / stock;
    }
    free(own);
    return 0;
}

/* The correction of one cell's series in year T + h (half: 0, 1, 2). */
static double cell_shift(const jz_scenario *s, int g, int z, int series, int h, int half, double delta, int T)
{
    const int Z = s->n_zorgsoorten, H = s->meta.horizon;
    int y = T + 1 - s->meta.base_year;
    if (y >= H)
        y = H - 1;
    double D = s->cells[(size_t)g * (size_t)Z + (size_t)z].zorgduur[y < 0 ? 0 : y];
    const jz_zorgsoort *zs = &s->zorgsoorten[z];
    double a = shape_resid_surv(12.0 * (h - 1), D, zs), b = shape_resid_surv(12.0 * h, D, zs),
           m = shape_resid_surv(12.0 * h - 6.0, D, zs);
    switch (series) {
    case JZ_HS_END: return delta * (half ? m : b);
    case JZ_HS_UNIQUE: return half ? 0.0 : delta * a;
    case JZ_HS_UITSTROOM: return delta * (half == 1 ? a - m : half == 2 ? m - b : a - b);
    case JZ_HS_CLIENT_YEARS:
        return delta * (half == 1 ? 0.25 * (a + m) : half == 2 ? 0.25 * (m + b) : 0.5 * (a + b));
    default: return 0.0;
    }
}

/* The forecast of observation `t` from run r of s, started from the
 * anchor (NULL: the run as it is). */
double jz_bt_forecast_of(const jz_scenario *s, const jz_result *r, const jz_calib_obs *t, const anchor *A)
{
    double m = jz_calib_obs_value(s, r, t);
    if (!A)
        return m;
    const int Z = s->n_zorgsoorten, h = t->year - A->T;
    int series = t->series == JZ_HS_COST ? JZ_HS_CLIENT_YEARS : t->series;
    double shift = 0.0;
    for (int z = 0; z < Z; z++)
        if (t->z < 0 || t->z == z)
            shift += cell_shift(s, t->g, z, series, h, t->half, A->delta[t->g * Z + z], A->T);
    if (t->series == JZ_HS_COST) {
        jz_calib_obs cy = *t;
        cy.series = JZ_HS_CLIENT_YEARS;
        double base = jz_calib_obs_value(s, r, &cy);
        return base > 0.0 ? m * (1.0 + shift / base) : m;
    }
    return m + shift;
}
