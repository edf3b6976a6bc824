/*
 * prognose.c - the year end of the current year from its realised months
 * (`jzsim prognose`, docs/eigen-gemeente.md "Prognose lopend jaar").
 *
 * The monthly model.  For gemeente g, year y and zorgsoort z the model's
 * spending in month t splits into the part of the clients in care on
 * 1 January (A_t: the start stock decays through the Erlang chain) and the
 * part of the year's instroom (B_t: builds up), both from the model's own
 * one-month coefficients (engine/model/erlang.c), scaled to the model's
 * spending of the year.  Realised spending R_t of months 1..m is fitted as
 *
 *     R_t = a A_t + b B_t + e_t,   e_t / C_t ~ N(0, s^2),   C_t = A_t + B_t
 *
 * (a: more or fewer clients in care on 1 January, or another price, than the
 * scenario; b: more or less instroom), by least squares of R_t / C_t on
 * (A_t / C_t, B_t / C_t).  With fewer than 3 months, or when B_t / C_t hardly
 * varies, a = b (one ratio).  The year end is the realised months plus the
 * fitted model for months m+1..12; the band is the prediction interval
 *
 *     Var = s^2 (g' (X'X)^-1 g + sum_{t>m} C_t^2),   g = sum_{t>m} (A_t, B_t)
 *
 * with the Student-t quantile on m - p degrees of freedom; for the total the
 * variances add (zorgsoorten independent) and the degrees of freedom follow
 * Welch-Satterthwaite.  Zorgsoorten without realised figures take the model.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "init/derive_internal.h"
#include "jzsim/init.h"
#include "model/erlang.h"
#include "scenario/value.h"

int jz_prognose_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                        double *from_start, double *from_inflow, jz_error *err)
{
    const int Z = s->n_zorgsoorten;
    for (int z = 0; z < Z; z++) {
        const jz_cell *c = &s->cells[(size_t)g * (size_t)Z + (size_t)z];
        const int k = s->zorgsoorten[z].stages;
        const size_t i = jz_result_cz(r, g, z, y);
        jz_erlang e;
        memset(&e, 0, sizeof e);
        if (jz_erlang_step(&e, k, c->zorgduur[y], c->ageing_rate[y], 1.0) != 0)
            return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                                "zorgsoort %s, year %d: the monthly chain cannot be computed",
                                s->zorgsoorten[z].key, s->meta.base_year + y);
        double xa[JZ_STAGES_MAX], xb[JZ_STAGES_MAX], na[JZ_STAGES_MAX], nb[JZ_STAGES_MAX];
        for (int j = 0; j < k; j++) {
            xa[j] = r->start[i] / k;
            xb[j] = 0.0;
        }
        const double I = r->instroom[i] / 12.0;
        double *A = from_start + (size_t)z * 12, *B = from_inflow + (size_t)z * 12, sum = 0;
        for (int t = 0; t < 12; t++) {
            double ca = 0, cb = I * e.V;
            for (int j = 0; j < k; j++) {
                ca += xa[j] * e.W[j];
                cb += xb[j] * e.W[j];
            }
            for (int j = 0; j < k; j++) {
                double va = 0, vb = I * e.gamma[j];
                for (int q = 0; q <= j; q++) {
                    va += e.phi[j - q] * xa[q];
                    vb += e.phi[j - q] * xb[q];
                }
                na[j] = va;
                nb[j] = vb;
            }
            memcpy(xa, na, (size_t)k * sizeof xa[0]);
            memcpy(xb, nb, (size_t)k * sizeof xb[0]);
            A[t] = ca;
            B[t] = cb;
            sum += ca + cb;
        }
        const double f = sum > 0 ? r->cost[i] / sum : 0.0;
        for (int t = 0; t < 12; t++) {
            A[t] *= f;
            B[t] *= f;
        }
    }
    return JZ_OK;
}

jz_prognose_input *jz_prognose_input_alloc(const jz_scenario *s)
{
    jz_prognose_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    const size_t Z = (size_t)s->n_zorgsoorten;
    in->n_zorgsoorten = s->n_zorgsoorten;
    in->given = calloc(Z ? Z : 1, 1);
    in->spending = calloc((Z ? Z : 1) * 12, sizeof *in->spending);
    if (!in->given || !in->spending) {
        jz_prognose_input_free(in);
        return NULL;
    }
    return in;
}

void jz_prognose_input_free(jz_prognose_input *in)
{
    if (!in)
        return;
    free(in->given);
    free(in->spending);
    free(in);
}

int jz_prognose_read(const char *path, const jz_scenario *s, jz_prognose_input **out, jz_error *err)
{
    jz_error_clear(err);
    *out = NULL;
    jz_arena *a = jz_arena_alloc();
    jz_prognose_input *in = jz_prognose_input_alloc(s);
    if (!a || !in) {
        jz_arena_free(a);
        jz_prognose_input_free(in);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    jz_load_options lo;
    jz_load_options_default(&lo);
    jz_yaml_limits lim = {lo.max_file_bytes, lo.max_nodes};
    int rc = JZ_OK;
    const jz_node *root = jz_yaml_parse_file(a, path, &lim, err);
    if (!root)
        rc = err->status ? err->status : JZ_EINPUT;
    const jz_node *nj = NULL, *nm = NULL, *nu = NULL;
    if (!rc && (root->type != JZ_NODE_MAP || root->n == 0))
        rc = jz_error_set(err, JZ_EINPUT, path, 1, 1, "expected jaar, maanden and uitgaven");
    if (!rc) {
        for (size_t i = 0; !rc && i < root->n; i++) {
            const char *k = root->keys[i]->scalar;
            if (strcmp(k, "jaar") && strcmp(k, "maanden") && strcmp(k, "uitgaven") && strcmp(k, "source"))
                rc = jz_node_error(err, root->keys[i], "unknown key '%s' (known: jaar, maanden, uitgaven, source)", k);
        }
    }
    if (!rc && !(nj = jz_node_get(root, "jaar")))
        rc = jz_node_error(err, root, "missing required key 'jaar' (the current year, e.g. jaar: 2025)");
    if (!rc && !(nm = jz_node_get(root, "maanden")))
        rc = jz_node_error(err, root, "missing required key 'maanden' (realised months, 2-11)");
    if (!rc && !(nu = jz_node_get(root, "uitgaven")))
        rc = jz_node_error(err, root, "missing required key 'uitgaven' ({zorgsoort: [month 1, month 2, ...]})");
    long v;
    if (!rc && !(rc = jz_value_int(nj, 1900, 2200, "jaar", &v, err))) {
        in->year = (int)v;
        const int by = s->meta.base_year, H = s->meta.horizon;
        if (in->year < by || in->year >= by + H)
            rc = jz_node_error(err, nj, "jaar: %d is outside the scenario (%d-%d)", in->year, by, by + H - 1);
    }
    if (!rc && !(rc = jz_value_int(nm, 2, 11, "maanden", &v, err)))
        in->months = (int)v;
    if (!rc && (nu->type != JZ_NODE_MAP || nu->n == 0))
        rc = jz_node_error(err, nu, "uitgaven: expected {zorgsoort: [month 1, month 2, ...]}, got %s",
                           jz_node_type_name(nu));
    for (size_t i = 0; !rc && i < nu->n; i++) {
        const jz_node *k = nu->keys[i], *l = nu->values[i];
        int z = jz_scenario_zorgsoort_index(s, k->scalar);
        if (z < 0) {
            rc = jz_node_error(err, k, "uitgaven: '%s' is not a zorgsoort of the scenario", k->scalar);
            break;
        }
        if (l->type != JZ_NODE_SEQ || (int)l->n != in->months) {
            rc = jz_node_error(err, l, "uitgaven.%s: expected a list of %d monthly amounts (maanden: %d), got %s%s",
                               k->scalar, in->months, in->months,
                               l->type == JZ_NODE_SEQ ? "a list of " : jz_node_type_name(l),
                               l->type == JZ_NODE_SEQ ? (l->n == 1 ? "1 item" : "another length") : "");
            break;
        }
        for (int t = 0; !rc && t < in->months; t++) {
            char w[JZ_KEY_MAX + 64];
            snprintf(w, sizeof w, "uitgaven.%s month %d", k->scalar, t + 1);
            rc = jz_value_number(l->values[t], JZ_U_MONEY, w, &in->spending[(size_t)z * 12 + (size_t)t], err);
        }
        in->given[z] = 1;
    }
    jz_arena_free(a);
    if (rc) {
        jz_prognose_input_free(in);
        return rc;
    }
    *out = in;
    return JZ_OK;
}

void jz_prognose_free(jz_prognose *p)
{
    if (!p)
        return;
    free(p->block);
    free(p);
}

/* Fit one zorgsoort; fills estimate of months m..11 and its variance. */
static void fit_one(const double *A, const double *B, const double *R, int m,
                    double *future, double *var, double *df, double *a_out, double *b_out)
{
    double sxx11 = 0, sxx12 = 0, sxx22 = 0, sxy1 = 0, sxy2 = 0, n = 0;
    double mean2 = 0;
    for (int t = 0; t < m; t++) {
        double C = A[t] + B[t];
        if (C > 0) {
            mean2 += B[t] / C;
            n++;
        }
    }
    mean2 = n > 0 ? mean2 / n : 0;
    double var2 = 0;
    for (int t = 0; t < m; t++) {
        double C = A[t] + B[t];
        if (C <= 0)
            continue;
        double x1 = A[t] / C, x2 = B[t] / C, y = R[t] / C;
        var2 += (x2 - mean2) * (x2 - mean2);
        sxx11 += x1 * x1;
        sxx12 += x1 * x2;
        sxx22 += x2 * x2;
        sxy1 += x1 * y;
        sxy2 += x2 * y;
    }
    double gA = 0, gB = 0, c2 = 0;
    for (int t = m; t < 12; t++) {
        gA += A[t];
        gB += B[t];
        c2 += (A[t] + B[t]) * (A[t] + B[t]);
    }
    double a, b, quad, rss = 0;
    int p;
    const double det = sxx11 * sxx22 - sxx12 * sxx12;
    if (n >= 3 && var2 > 1e-4 && det > 1e-12 * (sxx11 * sxx22)) {
        p = 2;
        a = (sxx22 * sxy1 - sxx12 * sxy2) / det;
        b = (sxx11 * sxy2 - sxx12 * sxy1) / det;
        /* g'(X'X)^-1 g */
        quad = (sxx22 * gA * gA - 2 * sxx12 * gA * gB + sxx11 * gB * gB) / det;
    } else {
        /* one ratio: x = 1 (x1 + x2 = 1) */
        p = 1;
        double sy = 0;
        for (int t = 0; t < m; t++) {
            double C = A[t] + B[t];
            if (C > 0)
                sy += R[t] / C;
        }
        a = b = n > 0 ? sy / n : 1.0;
        quad = n > 0 ? (gA + gB) * (gA + gB) / n : 0;
    }
    for (int t = 0; t < m; t++) {
        double C = A[t] + B[t];
        if (C <= 0)
            continue;
        double e = R[t] / C - (a * A[t] + b * B[t]) / C;
        rss += e * e;
    }
    const double dof = n - p;
    const double s2 = dof > 0 ? rss / dof : 0;
    *future = a * gA + b * gB;
    *var = s2 * (quad + c2);
    *df = dof > 0 ? dof : 1;
    *a_out = a;
    *b_out = b;
}

int jz_prognose_run(const jz_scenario *s, int g, const jz_prognose_input *in,
                    double level, jz_prognose **outp, jz_error *err)
{
    jz_error_clear(err);
    *outp = NULL;
    jz_init(); /* GSL's aborting handler off: the t quantile below */
    if (!s || !in || in->n_zorgsoorten != s->n_zorgsoorten || g < 0 || g >= s->n_gemeenten)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: realised figures for another scenario");
    if (!(level > 0 && level < 1))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: the band level must be between 0 and 1 (e.g. 0.8), got %g", level);
    const int y = in->year - s->meta.base_year;
    if (y < 0 || y >= s->meta.horizon || in->months < 2 || in->months > 11)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: year %d or months %d outside the scenario",
                            in->year, in->months);
    const int Z = s->n_zorgsoorten;
    const size_t nz = (size_t)(Z ? Z : 1);
    jz_prognose *p = calloc(1, sizeof *p);
    double *prof = calloc(nz * 24, sizeof *prof);
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    int rc = JZ_OK;
    if (!p || !prof || !w || !r || !(p->block = calloc(nz * 7, sizeof *p->block)))
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc)
        rc = jz_model_run(s, w, r, err);
    if (!rc)
        rc = jz_prognose_profile(s, r, g, y, prof, prof + nz * 12, err);
    if (!rc) {
        p->n_zorgsoorten = Z;
        p->year = in->year;
        p->months = in->months;
        p->level = level;
        p->realised = p->block;
        p->model_year = p->block + nz;
        p->year_end = p->block + 2 * nz;
        p->low = p->block + 3 * nz;
        p->high = p->block + 4 * nz;
        p->scale_start = p->block + 5 * nz;
        p->scale_inflow = p->block + 6 * nz;
        const double q = 0.5 + 0.5 * level;
        double vtot = 0, vdf = 0;
        for (int z = 0; z < Z; z++) {
            const double *A = prof + (size_t)z * 12, *B = prof + nz * 12 + (size_t)z * 12;
            double model = 0, real = 0;
            for (int t = 0; t < 12; t++)
                model += A[t] + B[t];
            p->model_year[z] = model;
            if (!in->given[z]) {
                p->year_end[z] = p->low[z] = p->high[z] = model;
                p->scale_start[z] = p->scale_inflow[z] = 1.0;
                continue;
            }
            const double *R = in->spending + (size_t)z * 12;
            for (int t = 0; t < in->months; t++)
                real += R[t];
            double fut, var, df;
            fit_one(A, B, R, in->months, &fut, &var, &df, &p->scale_start[z], &p->scale_inflow[z]);
            p->realised[z] = real;
            p->year_end[z] = real + fut;
            double half = var > 0 ? gsl_cdf_tdist_Pinv(q, df) * sqrt(var) : 0;
            p->low[z] = p->year_end[z] - half;
            p->high[z] = p->year_end[z] + half;
            vtot += var;
            if (var > 0)
                vdf += var * var / df;
        }
        for (int z = 0; z < Z; z++) {
            p->total_realised += p->realised[z];
            p->total_model += p->model_year[z];
            p->total_year_end += p->year_end[z];
        }
        double half = 0;
        if (vtot > 0) {
            double df = vtot * vtot / vdf;
            half = gsl_cdf_tdist_Pinv(q, df) * sqrt(vtot);
        }
        p->total_low = p->total_year_end - half;
        p->total_high = p->total_year_end + half;
    }
    free(prof);
    jz_result_free(r);
    jz_workspace_free(w);
    if (rc) {
        jz_prognose_free(p);
        return rc;
    }
    *outp = p;
    return JZ_OK;
}
