/*
 * calib_problem.c - the fitting problem: one parameter per cell (or gemeente
 * group) and kind, bounded so that every value it sets stays within the
 * scenario loader's ranges; writing parameters into the working copy and
 * evaluating the weighted residuals and their Jacobian (central
 * differences of the model run itself).
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/calib_problem.h"
#include "scenario/value.h"

/* ---- the fitting problem ----------------------------------------------- */



/* The loader's range of what a parameter sets (scenario/value.c). */
static void kind_range(const jz_cell *o, int kind, double *lo, double *hi)
{
    int open;
    jz_unit u = kind == JZ_PK_INSTROOM || kind == JZ_PK_INSTROOM_BREAK
                    ? (o->instroom_per_1000 ? JZ_U_PER_1000 : JZ_U_COUNT)
                : kind == JZ_PK_COST   ? JZ_U_MONEY
                : kind == JZ_PK_ZORGDUUR || kind == JZ_PK_DUUR_BREAK ? JZ_U_MONTHS
                : kind == JZ_PK_START  ? JZ_U_COUNT
                                       : JZ_U_RATE;
    jz_unit_range(u, lo, hi, &open);
    if (u == JZ_U_RATE)
        *lo = -0.95; /* the range is open at -100%: stay clear of it */
}

/* Bounds on theta for parameter j: every value jz_calib_apply() writes stays
 * within the loader's range, so the calibrated scenario loads (issue 12,
 * item 3).  Levels: theta is a log factor on the original values. */
void jz_calib_param_bounds(problem *P, int j)
{
    jz_calib_param *q = &P->par[j];
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    double tlo = -30.0, thi = 30.0;
    if (q->kind == JZ_PK_TREND || q->kind == JZ_PK_INTENSITY) {
        tlo = -0.95;
        thi = 10.0;
    }
    if (q->kind == JZ_PK_DUUR_TREND) { /* the values it sets are clamped to the range */
        q->theta_lo = -0.5;
        q->theta_hi = 0.5;
        return;
    }
    for (int z = 0; z < Z; z++) {
        if (!P->in_unit[(size_t)j * (size_t)Z + (size_t)z])
            continue;
        const jz_cell *o = &P->orig->cells[(size_t)q->g * (size_t)Z + (size_t)z];
        double lo, hi;
        kind_range(o, q->kind, &lo, &hi);
        const double *v = q->kind == JZ_PK_INSTROOM || q->kind == JZ_PK_INSTROOM_BREAK ? o->instroom
                        : q->kind == JZ_PK_COST     ? o->cost
                        : q->kind == JZ_PK_ZORGDUUR || q->kind == JZ_PK_DUUR_BREAK ? o->zorgduur
                                                    : NULL;
        double one = q->kind == JZ_PK_START ? (q->is_factor ? o->start : 1.0) : 0.0;
        int n = v ? H : q->kind == JZ_PK_START ? 1 : 0;
        for (int y = 0; y < n; y++) {
            double x = v ? v[y] : one;
            if (!(x > 0.0))
                continue; /* a zero stays zero whatever the factor */
            if (lo > 0.0 && log(lo / x) > tlo)
                tlo = log(lo / x);
            if (log(hi / x) < thi)
                thi = log(hi / x);
        }
    }
    q->theta_lo = tlo;
    q->theta_hi = thi > tlo ? thi : tlo;
}

static int is_duur_kind(int k) { return k == JZ_PK_ZORGDUUR || k == JZ_PK_DUUR_TREND || k == JZ_PK_DUUR_BREAK; }
static int is_instroom_kind(int k) { return k == JZ_PK_INSTROOM || k == JZ_PK_INSTROOM_BREAK; }

/* The factor parameter j (at its current theta) puts on year y. */
static double year_factor(const problem *P, int j, int y)
{
    const jz_calib_param *q = &P->par[j];
    double t = jz_clampd(P->cur[j], q->theta_lo, q->theta_hi);
    switch (q->kind) {
    case JZ_PK_DUUR_TREND: return pow(1.0 + t, y);
    case JZ_PK_DUUR_BREAK: case JZ_PK_INSTROOM_BREAK:
        return y >= P->break_year - P->orig->meta.base_year ? exp(t) : 1.0;
    default: return exp(t);
    }
}

/* zorgduur or instroom of cell z of gemeente g: the original times the
 * factors of every parameter of that series (level, trend, break) whose
 * unit holds the cell. */
static void compose(problem *P, int g, int z, int duur)
{
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    size_t ci = (size_t)g * (size_t)Z + (size_t)z;
    const jz_cell *o = &P->orig->cells[ci];
    jz_cell *c = &P->work->cells[ci];
    double lo, hi;
    kind_range(o, duur ? JZ_PK_ZORGDUUR : JZ_PK_INSTROOM, &lo, &hi);
    const double *src = duur ? o->zorgduur : o->instroom;
    double *dst = duur ? c->zorgduur : c->instroom;
    for (int y = 0; y < H; y++) {
        double f = 1.0;
        for (int j = 0; j < P->np; j++)
            if (P->par[j].g == g && P->in_unit[(size_t)j * (size_t)Z + (size_t)z] &&
                (duur ? is_duur_kind(P->par[j].kind) : is_instroom_kind(P->par[j].kind)))
                f *= year_factor(P, j, y);
        dst[y] = jz_clampd(src[y] * f, lo, hi);
    }
}

/* Write parameter j at theta into the working copy (from the original). */
void jz_calib_apply(problem *P, int j, double theta)
{
    const jz_calib_param *q = &P->par[j];
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    P->cur[j] = theta;
    for (int z = 0; z < Z; z++) {
        if (!P->in_unit[(size_t)j * (size_t)Z + (size_t)z])
            continue;
        size_t ci = (size_t)q->g * (size_t)Z + (size_t)z;
        const jz_cell *o = &P->orig->cells[ci];
        jz_cell *c = &P->work->cells[ci];
        double f = exp(jz_clampd(theta, q->theta_lo, q->theta_hi)), lo, hi;
        kind_range(o, q->kind, &lo, &hi);
        switch (q->kind) {
        case JZ_PK_INSTROOM: case JZ_PK_INSTROOM_BREAK:
            compose(P, q->g, z, 0);
            break;
        case JZ_PK_COST:
            for (int y = 0; y < H; y++)
                c->cost[y] = jz_clampd(o->cost[y] * f, lo, hi);
            break;
        case JZ_PK_ZORGDUUR: case JZ_PK_DUUR_TREND: case JZ_PK_DUUR_BREAK:
            compose(P, q->g, z, 1);
            break;
        case JZ_PK_START:
            c->start = jz_clampd(q->is_factor ? o->start * f : f, lo, hi);
            break;
        case JZ_PK_TREND:
            for (int y = 1; y < H; y++)
                c->instroom_trend[y] = jz_clampd(theta, q->theta_lo, q->theta_hi);
            break;
        case JZ_PK_INTENSITY:
            for (int y = 1; y < H; y++)
                c->intensity_trend[y] = jz_clampd(theta, q->theta_lo, q->theta_hi);
            break;
        default:
            break;
        }
    }
}

void jz_calib_restore(problem *P, int j)
{
    const jz_calib_param *q = &P->par[j];
    const int Z = P->orig->n_zorgsoorten, H = P->orig->meta.horizon;
    size_t bytes = (size_t)H * sizeof(double);
    if (q->kind != JZ_PK_START && q->kind != JZ_PK_TREND && q->kind != JZ_PK_INTENSITY && q->kind != JZ_PK_COST) {
        jz_calib_apply(P, j, 0.0); /* a factor of 1 (a trend of 0) on the original */
        return;
    }
    P->cur[j] = q->theta;
    for (int z = 0; z < Z; z++) {
        if (!P->in_unit[(size_t)j * (size_t)Z + (size_t)z])
            continue;
        size_t ci = (size_t)q->g * (size_t)Z + (size_t)z;
        const jz_cell *o = &P->orig->cells[ci];
        jz_cell *c = &P->work->cells[ci];
        switch (q->kind) {
        case JZ_PK_COST: memcpy(c->cost, o->cost, bytes); break;
        case JZ_PK_START: c->start = o->start; break;
        case JZ_PK_TREND: memcpy(c->instroom_trend, o->instroom_trend, bytes); break;
        case JZ_PK_INTENSITY: memcpy(c->intensity_trend, o->intensity_trend, bytes); break;
        default: break;
        }
    }
}

/* Run the model on the working copy; fill f with model - observed
 * (unweighted when weighted == 0, else divided by the scale). */
int jz_calib_evaluate(problem *P, double *f, int weighted)
{
    if (jz_model_run(P->work, P->ws, P->res, P->err) != JZ_OK) {
        P->failed = 1;
        return -1;
    }
    for (int i = 0; i < P->n; i++) {
        const jz_calib_obs *o = &P->obs[i];
        double m = jz_calib_obs_value(P->work, P->res, o);
        double d = m - o->observed;
        if (!isfinite(d)) {
            P->failed = 1;
            jz_error_set(P->err, JZ_ERUNTIME, NULL, 0, 0,
                         "the model gave a value that is not finite for %s in %d during the fit",
                         jz_hseries_key(o->series), o->year);
            return -1;
        }
        f[i] = weighted ? d / o->scale : d;
    }
    return 0;
}

int jz_calib_gsl_f(const gsl_vector *x, void *params, gsl_vector *f)
{
    problem *P = params;
    for (int k = 0; k < P->p; k++)
        jz_calib_apply(P, P->map[k], gsl_vector_get(x, (size_t)k));
    /* f may be a strided view (a column of GSL's finite-difference
     * Jacobian): evaluate into scratch, then copy element by element */
    if (jz_calib_evaluate(P, P->scratch, 1))
        return GSL_EDOM;
    for (int i = 0; i < P->n; i++)
        gsl_vector_set(f, (size_t)i, P->scratch[i]);
    return GSL_SUCCESS;
}

/* The Jacobian by central differences with a fixed step: GSL's own finite
 * differences scale the step with |x|, which is far too small for a trend
 * near 0 (the column would vanish in rounding).  h = 1e-5 on the log scale
 * (levels) and in fraction/yr (trends): truncation error ~h^2, rounding
 * ~eps/h, both ~1e-10 relative. */
int jz_calib_gsl_df(const gsl_vector *x, void *params, gsl_matrix *J)
{
    problem *P = params;
    const double h = 1e-5;
    for (int k = 0; k < P->p; k++)
        jz_calib_apply(P, P->map[k], gsl_vector_get(x, (size_t)k));
    for (int k = 0; k < P->p; k++) {
        double xk = gsl_vector_get(x, (size_t)k);
        jz_calib_apply(P, P->map[k], xk + h);
        if (jz_calib_evaluate(P, P->scratch, 1))
            return GSL_EDOM;
        for (int i = 0; i < P->n; i++)
            gsl_matrix_set(J, (size_t)i, (size_t)k, P->scratch[i]);
        jz_calib_apply(P, P->map[k], xk - h);
        if (jz_calib_evaluate(P, P->scratch, 1))
            return GSL_EDOM;
        for (int i = 0; i < P->n; i++)
            gsl_matrix_set(J, (size_t)i, (size_t)k,
                           (gsl_matrix_get(J, (size_t)i, (size_t)k) - P->scratch[i]) / (2.0 * h));
        jz_calib_apply(P, P->map[k], xk);
    }
    return GSL_SUCCESS;
}

/* ---- setup ------------------------------------------------------------- */

static int series_constant(const double *v, int H)
{
    for (int y = 1; y < H; y++)
        if (fabs(v[y] - v[0]) > 1e-12 * (fabs(v[0]) + 1e-300))
            return 0;
    return 1;
}

static double mean_from1(const double *v, int H)
{
    if (H < 2)
        return v[0];
    double t = 0.0;
    for (int y = 1; y < H; y++)
        t += v[y];
    return t / (H - 1);
}

static int kind_wanted(int kind, unsigned fit)
{
    switch (kind) {
    case JZ_PK_INSTROOM: case JZ_PK_TREND: return (fit & JZ_FIT_INSTROOM) != 0;
    case JZ_PK_ZORGDUUR: return (fit & JZ_FIT_ZORGDUUR) != 0;
    case JZ_PK_COST: case JZ_PK_INTENSITY: return (fit & JZ_FIT_KOSTEN) != 0;
    case JZ_PK_START: return (fit & JZ_FIT_START) != 0;
    case JZ_PK_DUUR_TREND: return (fit & JZ_FIT_DUUR_TREND) != 0;
    case JZ_PK_DUUR_BREAK: return (fit & JZ_FIT_BREAK) != 0;
    case JZ_PK_INSTROOM_BREAK: return (fit & JZ_FIT_BREAK_INSTROOM) != 0;
    default: return 0;
    }
}

/* Parameters: one per unit (an own cell, or a gemeente's group of cells
 * without rows of their own) and kind asked for. */
int jz_calib_make_params(problem *P, jz_calib *c, const unsigned char *own, const unsigned char *tot,
                       unsigned fit, jz_error *err)
{
    const jz_scenario *s = P->orig;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    int cap = (G * (Z + 1)) * JZ_PK_N;
    P->par = calloc((size_t)cap, sizeof *P->par);
    P->in_unit = calloc((size_t)cap * (size_t)Z, 1);
    P->cur = calloc((size_t)cap, sizeof *P->cur);
    if (!P->par || !P->in_unit || !P->cur)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int np = 0;
    for (int g = 0; g < G; g++)
        for (int z = -1; z < Z; z++) {
            int members = 0;
            if (z >= 0 && !own[g * Z + z])
                continue;
            if (z < 0) {
                if (!tot[g])
                    continue;
                for (int w = 0; w < Z; w++)
                    members += !own[g * Z + w];
                if (!members)
                    continue;
            }
            for (int kind = 0; kind < JZ_PK_N; kind++) {
                if (!kind_wanted(kind, fit))
                    continue;
                jz_calib_param *q = &P->par[np];
                q->kind = kind;
                q->g = g;
                q->z = z;
                q->fitted = 1;
                for (int w = 0; w < Z; w++)
                    P->in_unit[(size_t)np * (size_t)Z + (size_t)w] = z >= 0 ? (w == z) : !own[g * Z + w];
                const jz_cell *cell = z >= 0 ? &s->cells[(size_t)g * (size_t)Z + (size_t)z] : NULL;
                switch (kind) {
                case JZ_PK_INSTROOM: case JZ_PK_COST: case JZ_PK_ZORGDUUR: {
                    const double *v = !cell ? NULL
                                      : kind == JZ_PK_INSTROOM ? cell->instroom
                                      : kind == JZ_PK_COST ? cell->cost : cell->zorgduur;
                    q->is_factor = !cell || !series_constant(v, H);
                    q->initial = q->is_factor ? 1.0 : v[0];
                    q->theta = 0.0;
                    break;
                }
                case JZ_PK_DUUR_BREAK: case JZ_PK_INSTROOM_BREAK:
                    q->is_factor = 1;
                    q->initial = 1.0;
                    q->theta = 0.0;
                    q->year = P->break_year;
                    break;
                case JZ_PK_DUUR_TREND:
                    q->is_factor = 0;
                    q->initial = 0.0;
                    q->theta = 0.0;
                    break;
                case JZ_PK_START:
                    q->is_factor = !cell;
                    q->initial = cell ? cell->start : 1.0;
                    q->theta = cell ? log(cell->start > 1.0 ? cell->start : 1.0) : 0.0;
                    break;
                default: {
                    /* trends: start from the mean over the group's cells */
                    double t = 0.0;
                    int k = 0;
                    for (int w = 0; w < Z; w++) {
                        if (!P->in_unit[(size_t)np * (size_t)Z + (size_t)w])
                            continue;
                        const jz_cell *cw = &s->cells[(size_t)g * (size_t)Z + (size_t)w];
                        t += mean_from1(kind == JZ_PK_TREND ? cw->instroom_trend : cw->intensity_trend, H);
                        k++;
                    }
                    q->initial = k ? t / k : 0.0;
                    q->theta = q->initial;
                    q->is_factor = 0;
                }
                }
                q->value = q->initial;
                q->se = NAN;
                q->theta_se = NAN;
                P->cur[np] = kind == JZ_PK_START || kind == JZ_PK_TREND || kind == JZ_PK_INTENSITY ? q->theta : 0.0;
                np++;
            }
        }
    P->np = np;
    c->params = P->par;
    c->n_params = np;
    return JZ_OK;
}
