/*
 * calibrate.c - fitting a scenario's instroom, zorgduur, cost and start
 * parameters to a history by weighted nonlinear least squares
 * (gsl_multifit_nlinear), with the model itself as the fitting function;
 * see jzsim/calibrate.h and docs/calibration.md.
 *
 * Steps: match the history's rows to gemeenten and zorgsoorten (errors name
 * the row's file:line:column); turn rows into observations (half-years
 * added up to calendar years where that is meaningful); make one parameter
 * per cell (or per gemeente group, for total rows) and kind; screen out the
 * parameters the data cannot identify (greedy rank test on the Jacobian at
 * the scenario's values, levels before trends); fit; take standard errors
 * from the covariance of the weighted Jacobian times the residual variance.
 *
 * Every evaluation writes the parameters into one scenario copy and runs
 * jz_model_run with one workspace and result, all allocated before the fit
 * starts.  The parts: calib_obs.c (rows to observations), calib_problem.c
 * (parameters, their bounds, evaluation), calib_ident.c (identifiability),
 * calib_fit.c (the least-squares fit, its standard errors and the summary
 * per observation), shape.c (Erlang stages from duration-class counts);
 * this file has the options and runs the steps (calibrate_one), per
 * break year when one is searched.
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

static const char *const kind_key[JZ_PK_N] = {"instroom", "cost", "zorgduur", "start",
                                              "instroom_trend", "intensity_trend", "zorgduur_trend",
                                              "zorgduur_break", "instroom_break"};
const char *jz_param_kind_key(int k) { return k >= 0 && k < JZ_PK_N ? kind_key[k] : "?"; }

void jz_calib_options_default(jz_calib_options *o)
{
    memset(o, 0, sizeof *o);
    o->fit = JZ_FIT_DEFAULT;
    o->max_iter = 200;
    o->xtol = 1e-10;
    o->gtol = 1e-10;
    o->ftol = 1e-12;
    o->max_stages = JZ_SHAPE_KMAX;
    o->ident_tol = 1e-6;
}

int jz_fit_parse(const char *list, unsigned *bits, jz_error *err)
{
    unsigned b = 0;
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char w[32];
        if (n >= sizeof w)
            n = sizeof w - 1;
        memcpy(w, p, n);
        w[n] = '\0';
        if (strcmp(w, "instroom") == 0 || strcmp(w, "inflow") == 0)
            b |= JZ_FIT_INSTROOM;
        else if (strcmp(w, "zorgduur") == 0 || strcmp(w, "duur") == 0 || strcmp(w, "duration") == 0)
            b |= JZ_FIT_ZORGDUUR;
        else if (strcmp(w, "kosten") == 0 || strcmp(w, "cost") == 0)
            b |= JZ_FIT_KOSTEN;
        else if (strcmp(w, "start") == 0)
            b |= JZ_FIT_START;
        else if (strcmp(w, "vorm") == 0 || strcmp(w, "shape") == 0 || strcmp(w, "stages") == 0)
            b |= JZ_FIT_SHAPE;
        else if (strcmp(w, "duurtrend") == 0 || strcmp(w, "zorgduur_trend") == 0 || strcmp(w, "duration_trend") == 0)
            b |= JZ_FIT_DUUR_TREND;
        else if (strcmp(w, "breuk") == 0 || strcmp(w, "break") == 0 || strcmp(w, "breuk_duur") == 0)
            b |= JZ_FIT_BREAK;
        else if (strcmp(w, "breuk_instroom") == 0 || strcmp(w, "break_instroom") == 0)
            b |= JZ_FIT_BREAK_INSTROOM;
        else if (strcmp(w, "all") == 0 || strcmp(w, "alles") == 0)
            b |= JZ_FIT_DEFAULT | JZ_FIT_START | JZ_FIT_SHAPE;
        else
            return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                                "--fit: unknown parameter group '%s'; choose from instroom, "
                                "zorgduur, kosten, start, vorm, duurtrend, breuk, breuk_instroom (or all)", w);
        p += n;
        if (*p == ',')
            p++;
    }
    if (!b)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "--fit: give at least one parameter group");
    *bits = b;
    return JZ_OK;
}

int jz_calib_warn(char ***arr, int *n, int *cap, const char *fmt, ...)
{
    char raw[1024], buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    jz_text_escape(buf, sizeof buf, raw); /* user text: control bytes escaped (jzsim/error.h) */
    return jz_strlist_push(arr, n, cap, buf);
}


void jz_calib_free(jz_calib *c)
{
    if (!c)
        return;
    jz_scenario_free(c->fitted);
    jz_scenario_free(c->conditioned);
    jz_result_free(c->result);
    free(c->params);
    free(c->corr);
    free(c->obs);
    free(c->summary);
    free(c->shape);
    for (int i = 0; i < c->n_warnings; i++)
        free(c->warnings[i]);
    free(c->warnings);
    free(c);
}

static jz_calib *calibrate_one(const jz_scenario *s, const jz_history *h, const jz_calib_options *opt,
                               jz_error *err)
{
    jz_calib_options o = *opt;
    if (o.max_stages < 1 || o.max_stages > JZ_SHAPE_KMAX)
        o.max_stages = JZ_SHAPE_KMAX;
    const int G = s->n_gemeenten, Z = s->n_zorgsoorten, H = s->meta.horizon;
    jz_calib *c = calloc(1, sizeof *c);
    int *rg = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rg);
    int *rz = malloc((size_t)(h->n_rows ? h->n_rows : 1) * sizeof *rz);
    unsigned char *own = calloc((size_t)G * (size_t)Z, 1), *tot = calloc((size_t)G, 1);
    double *classes = calloc((size_t)G * (size_t)(Z + 1) * JZ_DUR_CLASSES, sizeof *classes);
    problem P;
    memset(&P, 0, sizeof P);
    P.err = err;
    int rc = JZ_OK;
    if (!c || !rg || !rz || !own || !tot || !classes) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    c->scenario = s;
    snprintf(c->history_path, sizeof c->history_path, "%s", h->path);
    for (int i = 0; i < h->n_rows; i++)
        if ((rc = jz_calib_match_row(s, h, &h->rows[i], &rg[i], &rz[i], err)))
            goto done;
    if ((rc = jz_calib_collect(s, h, rg, rz, o.from, o.until, &c->obs, &c->n_obs, classes,
                               &c->warnings, &c->n_warnings, &c->cap_warnings, err)))
        goto done;
    if (c->n_obs == 0) {
        rc = jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                          "no observation falls in the scenario's years %d-%d%s; a scenario for "
                          "calibration must start in (or before) the first year of the history",
                          s->meta.base_year, s->meta.base_year + H - 1,
                          o.until ? " up to the --until year" : "");
        goto done;
    }
    c->first_year = c->last_year = c->obs[0].year;
    for (int i = 0; i < c->n_obs; i++) {
        const jz_calib_obs *ob = &c->obs[i];
        if (ob->z >= 0)
            own[ob->g * Z + ob->z] = 1;
        else
            tot[ob->g] = 1;
        if (ob->year < c->first_year)
            c->first_year = ob->year;
        if (ob->year > c->last_year)
            c->last_year = ob->year;
    }

    /* revisions of the history (voorlopig, then final): named in the report */
    for (int i = 0; i < h->n_revisions; i++) {
        const jz_history_revision *v = &h->revisions[i];
        const jz_history_row *row = &h->rows[v->row];
        if (i == 8) {
            WARN(c, "%d more revisions in %s", h->n_revisions - 8, h->path);
            break;
        }
        WARN(c, "revision in %s: %s of %s, %s, %d%s was %.6g voorlopig (line %d), is %.6g (%+.1f%%) (line %d); "
                "the final value is fitted", h->path, jz_hseries_key(v->series),
             row->gemeente[0] ? row->gemeente : s->gemeenten[0].code, row->zorgsoort[0] ? row->zorgsoort : "totaal",
             row->year, row->half == 1 ? "H1" : row->half == 2 ? "H2" : "", v->first, v->line_first, v->revised,
             v->first != 0.0 ? 100.0 * (v->revised - v->first) / v->first : 0.0, v->line_revised);
    }

    /* conditional: the observed instroom goes into the scenario for every
     * observed year, and instroom is not fitted */
    if (o.instroom_observed) {
        jz_workspace *w0 = jz_workspace_alloc(s);
        jz_result *r0 = jz_result_alloc(s);
        c->conditioned = jz_scenario_copy(s);
        if (!w0 || !r0 || !c->conditioned)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        else
            rc = jz_calib_observed_instroom(c->conditioned, w0, r0, c->obs, c->n_obs, s->meta.base_year - 1, err);
        jz_workspace_free(w0);
        jz_result_free(r0);
        if (rc)
            goto done;
        o.fit &= ~(unsigned)(JZ_FIT_INSTROOM | JZ_FIT_BREAK_INSTROOM);
        s = c->conditioned;
    }
    P.break_year = o.break_year;

    /* everything the fit needs, allocated once */
    P.orig = s;
    P.obs = c->obs;
    P.n = c->n_obs;
    c->fitted = jz_scenario_copy(s);
    c->result = jz_result_alloc(s);
    P.ws = jz_workspace_alloc(s);
    if (!c->fitted || !c->result || !P.ws) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    P.work = c->fitted;
    P.res = c->result;

    /* the duration shape first: the stages are a property of the zorgsoort */
    if ((rc = jz_shape_tests(s, classes, o.max_stages, c, err)))
        goto done;
    if (o.fit & JZ_FIT_SHAPE) {
        for (int z = 0; z < Z; z++) {
            double ll[JZ_SHAPE_KMAX] = {0};
            int any = 0;
            for (int t = 0; t < c->n_shape; t++)
                if (c->shape[t].z == z) {
                    any = 1;
                    for (int k = 0; k < c->shape[t].n_k; k++)
                        ll[k] += c->shape[t].loglik[k];
                }
            if (!any)
                continue;
            int best = 0;
            for (int k = 1; k < o.max_stages; k++)
                if (ll[k] > ll[best])
                    best = k;
            c->fitted->zorgsoorten[z].stages = best + 1;
            /* two branches when the duration classes reject every single
             * Erlang and the mixture fits (the shape test's own rule) */
            jz_mixture m;
            if (jz_shape_mixture_choice(c, z, &m) >= 0) {
                c->fitted->zorgsoorten[z].mix = m;
                c->fitted->zorgsoorten[z].stages = 1;
            }
        }
        int any = 0;
        for (int t = 0; t < c->n_shape; t++)
            any |= c->shape[t].z >= 0;
        if (!any)
            WARN(c, "--fit vorm: the history has no duration-class counts per zorgsoort, so the stages "
                    "were not changed");
    }
    /* the stages changed in the working copy: the original stays the
     * reference for every other number */

    if ((rc = jz_calib_make_params(&P, c, own, tot, o.fit, err)))
        goto done;
    for (int j = 0; j < P.np; j++)
        jz_calib_param_bounds(&P, j);
    P.map = malloc((size_t)(P.np ? P.np : 1) * sizeof *P.map);
    P.scratch = malloc((size_t)P.n * sizeof *P.scratch);
    if (!P.map || !P.scratch) {
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    if ((rc = jz_calib_screen(&P, c, &o)))
        goto done;
    P.p = 0;
    for (int j = 0; j < P.np; j++)
        if (P.par[j].fitted)
            P.map[P.p++] = j;
    c->n_fitted = P.p;
    for (int j = 0; j < P.np; j++) {
        const jz_calib_param *q = &P.par[j];
        if (!q->fitted)
            WARN(c, "%s of %s, %s is not identified by the data (%s): kept at the scenario's value",
                 jz_param_kind_key(q->kind), s->gemeenten[q->g].code,
                 q->z >= 0 ? s->zorgsoorten[q->z].key : "the other zorgsoorten (group)", q->note);
    }
    if (P.p > 0) {
        /* conditional: the observed instroom was put in at the scenario's
         * durations; transfers into a zorgsoort move with the fitted
         * durations, so it is put in again at the fitted values and the fit
         * repeated until the instroom stays put */
        for (int pass = 0; pass < (o.instroom_observed ? 8 : 1); pass++) {
            if (pass > 0) {
                for (int k = 0; k < P.p; k++)
                    jz_calib_apply(&P, P.map[k], P.par[P.map[k]].theta);
                if ((rc = jz_calib_observed_instroom(c->fitted, P.ws, c->result, c->obs, c->n_obs,
                                                     s->meta.base_year - 1, err)))
                    goto done;
                double moved = 0.0;
                for (size_t ci = 0; ci < (size_t)G * (size_t)Z; ci++)
                    for (int y = 0; y < H; y++) {
                        double a = c->conditioned->cells[ci].instroom[y], b = c->fitted->cells[ci].instroom[y];
                        if (fabs(b - a) > moved * (fabs(a) + 1e-300))
                            moved = fabs(b - a) / (fabs(a) + 1e-300);
                        c->conditioned->cells[ci].instroom[y] = b;
                    }
                if (moved < 1e-10)
                    break;
            }
            if ((rc = jz_calib_fit(&P, c, &o)))
                goto done;
        }
    } else {
        int shaped = 0;
        for (int z = 0; z < Z; z++)
            shaped |= c->fitted->zorgsoorten[z].stages != s->zorgsoorten[z].stages ||
                      c->fitted->zorgsoorten[z].mix.share != s->zorgsoorten[z].mix.share;
        if (shaped)
            WARN(c, "only the duration shape (stages) was fitted; no other parameter was asked for or could "
                    "be fitted");
        else
            WARN(c, "no parameter could be fitted: the calibrated scenario equals the input");
    }
    /* a parameter that ended beyond its bound is at the bound: its value is
     * what the fitted run and the written scenario use */
    for (int k = 0; k < P.p; k++) {
        jz_calib_param *q = &P.par[P.map[k]];
        if (!(q->theta > q->theta_lo) || !(q->theta < q->theta_hi)) {
            int low = !(q->theta > q->theta_lo);
            q->at_bound = low ? -1 : 1;
            q->theta = low ? q->theta_lo : q->theta_hi;
            q->theta_se = NAN;
            snprintf(q->note, sizeof q->note, "at the %s bound of the scenario format's range",
                     low ? "lower" : "upper");
            WARN(c, "%s of %s, %s: the fit ran into the %s bound of what a scenario accepts and stops "
                    "there; the history does not support a value inside the range (look for a typo or a "
                    "unit error in its rows)", jz_param_kind_key(q->kind), s->gemeenten[q->g].code,
                 q->z >= 0 ? s->zorgsoorten[q->z].key : "the other zorgsoorten (group)", low ? "lower" : "upper");
        }
    }
    /* the fitted run */
    for (int k = 0; k < P.p; k++)
        jz_calib_apply(&P, P.map[k], P.par[P.map[k]].theta);
    if (jz_model_run(c->fitted, P.ws, c->result, err) != JZ_OK) {
        rc = err->status;
        goto done;
    }
    for (int i = 0; i < c->n_obs; i++) {
        jz_calib_obs *ob = &c->obs[i];
        ob->model = jz_calib_obs_value(c->fitted, c->result, ob);
    }
    if (P.p == 0) {
        double chisq = 0.0;
        for (int i = 0; i < c->n_obs; i++) {
            double d = (c->obs[i].model - c->obs[i].observed) / c->obs[i].scale;
            chisq += d * d;
        }
        c->chisq0 = c->chisq = chisq;
        c->dof = jz_calib_n_used(c->obs, c->n_obs);
        c->sigma = c->dof > 0 ? sqrt(chisq / c->dof) : NAN;
    }
    jz_calib_fill_values(&P);
    for (int j = 0; j < P.np; j++) {
        const jz_calib_param *q = &P.par[j];
        if (!q->fitted)
            continue;
        int level = q->kind <= JZ_PK_START || q->kind == JZ_PK_DUUR_BREAK || q->kind == JZ_PK_INSTROOM_BREAK;
        double f = level ? exp(q->theta) : 0.0;
        if (level && q->kind == JZ_PK_START && !q->is_factor && q->initial > 0)
            f = q->value / q->initial;
        if ((level && (f > 3.0 || f < 1.0 / 3.0)) || (!level && fabs(q->value) > 0.25))
            WARN(c, "implausible: %s of %s, %s moved to %s%.4g (from %.4g); with few observations "
                    "the fit may trade one parameter for another: check the data or fit fewer groups",
                 jz_param_kind_key(q->kind), s->gemeenten[q->g].code,
                 q->z >= 0 ? s->zorgsoorten[q->z].key : "the other zorgsoorten (group)",
                 q->is_factor ? "factor " : "", q->value, q->initial);
    }
    if (jz_calib_summarise(c))
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
done:
    jz_workspace_free(P.ws);
    free(P.map);
    free(P.scratch);
    free(P.in_unit);
    free(P.cur);
    free(rg);
    free(rz);
    free(own);
    free(tot);
    free(classes);
    if (rc != JZ_OK) {
        if (c && !c->params)
            free(P.par); /* not yet owned by c */
        jz_calib_free(c);
        return NULL;
    }
    return c;
}

/* The years a break could start in: after the first observed year, up to
 * the last (within from..until). */
static void break_range(const jz_history *h, const jz_calib_options *o, int *lo, int *hi)
{
    int a = 0, b = 0;
    for (int i = 0; i < h->n_rows; i++) {
        int y = h->rows[i].year;
        if ((o->from && y < o->from) || (o->until && y > o->until))
            continue;
        if (!a || y < a)
            a = y;
        if (!b || y > b)
            b = y;
    }
    *lo = a + 1;
    *hi = b;
}

/* With a break asked for and no year given, the break year is the one
 * with the smallest weighted sum of squares (a profile over the candidate
 * years), and an F test against the fit without a break says whether the
 * data show a series break. */
jz_calib *jz_calibrate(const jz_scenario *s, const jz_history *h, const jz_calib_options *opt,
                       jz_error *err)
{
    jz_init(); /* GSL failures come back as statuses (jzsim/init.h) */
    jz_error_clear(err);
    jz_calib_options o;
    if (opt)
        o = *opt;
    else
        jz_calib_options_default(&o);
    const unsigned breaks = JZ_FIT_BREAK | JZ_FIT_BREAK_INSTROOM;
    if (!(o.fit & breaks)) {
        o.break_year = 0;
        return calibrate_one(s, h, &o, err);
    }
    jz_calib_options o0 = o;
    o0.fit &= ~breaks;
    o0.break_year = 0;
    jz_calib *none = (o0.fit & ~(unsigned)JZ_FIT_SHAPE) ? calibrate_one(s, h, &o0, err) : NULL;
    jz_calib *best = NULL;
    int lo, hi;
    if (o.break_year) {
        lo = hi = o.break_year;
    } else {
        break_range(h, &o, &lo, &hi);
        if (hi > s->meta.base_year + s->meta.horizon - 1)
            hi = s->meta.base_year + s->meta.horizon - 1;
    }
    for (int B = lo; B <= hi; B++) {
        jz_calib_options ob = o;
        ob.break_year = B;
        jz_error e2;
        jz_calib *c = calibrate_one(s, h, &ob, &e2);
        if (!c) {
            if (!best)
                *err = e2;
            continue;
        }
        int fitted = 0;
        for (int j = 0; j < c->n_params; j++)
            fitted |= (c->params[j].kind == JZ_PK_DUUR_BREAK || c->params[j].kind == JZ_PK_INSTROOM_BREAK) &&
                      c->params[j].fitted;
        if (fitted && (!best || c->chisq < best->chisq)) {
            jz_calib_free(best);
            best = c;
        } else {
            jz_calib_free(c);
        }
    }
    if (!best) {
        if (none) {
            WARN(none, "no break year in %d-%d could be fitted (too few observations on one side)", lo, hi);
            jz_error_clear(err);
        }
        return none;
    }
    best->break_year = 0;
    for (int j = 0; j < best->n_params; j++)
        if (best->params[j].year)
            best->break_year = best->params[j].year;
    best->break_F = best->break_p = NAN;
    if (none && best->dof > 0 && best->chisq > 0) {
        double F = (none->chisq - best->chisq) / (best->chisq / best->dof);
        best->break_F = F > 0 ? F : 0;
        best->break_p = gsl_cdf_fdist_Q(best->break_F, 1.0, best->dof);
    }
    if (!o.break_year && isfinite(best->break_p) && best->break_p < 0.01)
        WARN(best, "series break: the data say that %s changed from %d on (F = %.3g, p = %.2g against no "
                   "break); check whether the source changed its population or definitions that year",
             (o.fit & JZ_FIT_BREAK) ? "zorgduur" : "instroom", best->break_year, best->break_F, best->break_p);
    else if (!o.break_year && isfinite(best->break_p))
        WARN(best, "no clear series break: the best break year %d improves the fit with p = %.2g only",
             best->break_year, best->break_p);
    jz_calib_free(none);
    jz_error_clear(err);
    return best;
}

int jz_calib_check_written(const char *path, jz_error *err)
{
    jz_scenario *s = jz_scenario_load(path, NULL, err);
    if (s) {
        jz_scenario_free(s);
        return JZ_OK;
    }
    char msg[JZ_ERR_MSG_MAX], file[JZ_ERR_FILE_MAX];
    snprintf(msg, sizeof msg, "%s", err->message);
    snprintf(file, sizeof file, "%s", err->file);
    return jz_error_set(err, JZ_ERUNTIME, file, err->line, err->column,
                        "the calibrated scenario does not load back: %s (a fault in jzsim calibrate; "
                        "do not use this file)", msg);
}
