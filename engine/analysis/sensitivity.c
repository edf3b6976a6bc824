/*
 * sensitivity.c - one-way sensitivity (tornado) and break-even values
 * (jzsim/sensitivity.h).
 *
 * Both work on one private copy of the scenario: jz_unc_set() moves one
 * input (all its targets: every gemeente it feeds) and leaves the others
 * at their point values, jz_model_run() projects the copy.  One workspace
 * and one result serve every run.  Both report only the tekort of one
 * gemeente or of the region, so the result is a rolling one (what a Monte
 * Carlo draw keeps: jzsim/model.h), whose size does not grow with the
 * number of gemeenten; a regional verevening or contract settles between
 * all gemeenten after the last one, so such a scenario keeps a full result,
 * as the Monte Carlo does.  The figures are the same bits either way.
 *
 * The break-even solver is GSL's Brent method, used as GSL ships it: with
 * GSL's aborting handler off (jz_init), gsl_root_fsolver_alloc returns NULL
 * when out of memory and gsl_root_fsolver_set returns GSL_EINVAL when the
 * search range does not bracket the target (no break-even in the range,
 * out->found = 0).  The function never hands the solver a non-finite value.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

#include "jzsim/init.h"
#include "jzsim/model.h"
#include "jzsim/regio.h"
#include "jzsim/sensitivity.h"
#include "scenario/schema.h"

typedef struct runner {
    const jz_scenario *base;
    jz_scenario *copy;
    jz_workspace *w;
    jz_result *r;
    int g, y;      /* gemeente (n_gemeenten: the region) and year index */
    int slot;      /* where g's figures are in r: g, or its rolling slot */
    jz_error *err;
    int failed;
    double last;   /* the last finite value, handed to the solver after a failure */
    double target;
    int input;
} runner;

static int runner_init(runner *rn, const jz_scenario *s, int gemeente, int year, jz_error *err)
{
    memset(rn, 0, sizeof *rn);
    rn->base = s;
    rn->err = err;
    if (gemeente >= s->n_gemeenten)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "no gemeente %d in the scenario", gemeente);
    rn->g = gemeente >= 0 ? gemeente : s->n_gemeenten;
    int H = s->meta.horizon, b = s->meta.base_year;
    if (year == 0)
        year = b + H - 1;
    if (year < b || year >= b + H)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "year %d is outside the scenario's years %d-%d", year, b,
                            b + H - 1);
    rn->y = year - b;
    rn->copy = jz_scenario_copy(s);
    rn->w = jz_workspace_alloc(s);
    int full = jz_regio_settles(s->regio);
    rn->r = full ? jz_result_alloc(s) : jz_result_alloc_rolling(s);
    if (!rn->copy || !rn->w || !rn->r)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    rn->slot = rn->g;
    if (!full) {
        /* slot 1 keeps the gemeente, slot 2 (n_gemeenten of a rolling result) is the region */
        jz_workspace_set_rolling(rn->w, 1, gemeente >= 0 ? gemeente : -1);
        rn->slot = gemeente >= 0 ? 1 : rn->r->n_gemeenten;
    }
    return JZ_OK;
}

static void runner_free(runner *rn)
{
    jz_scenario_free(rn->copy);
    jz_workspace_free(rn->w);
    jz_result_free(rn->r);
}

/* Tekort in the chosen year (and summed) with input i at v (i < 0: the point run). */
static int tekort_at(runner *rn, int i, double v, double *at, double *sum)
{
    if (i >= 0)
        jz_unc_set(rn->base, rn->copy, i, v);
    int rc = jz_model_run(rn->copy, rn->w, rn->r, rn->err);
    if (rc != JZ_OK) {
        if (i >= 0) {
            char msg[JZ_ERR_MSG_MAX];
            snprintf(msg, sizeof msg, "%s", rn->err->message);
            jz_error_set(rn->err, rc, rn->base->uncertain[i].file, rn->base->uncertain[i].line,
                         rn->base->uncertain[i].column, "%s at %g: %s", rn->base->uncertain[i].path, v, msg);
        }
        return rc;
    }
    const jz_result *r = rn->r;
    *at = r->g_tekort[jz_result_gy(r, rn->slot, rn->y)];
    if (sum) {
        double t = 0.0;
        for (int y = 0; y < r->horizon; y++)
            t += r->g_tekort[jz_result_gy(r, rn->slot, y)];
        *sum = t;
    }
    return JZ_OK;
}

static int cmp_bar(const void *pa, const void *pb)
{
    const jz_tornado_bar *a = pa, *b = pb;
    if (a->swing != b->swing)
        return a->swing > b->swing ? -1 : 1;
    if (a->swing_sum != b->swing_sum)
        return a->swing_sum > b->swing_sum ? -1 : 1;
    return (a->input > b->input) - (a->input < b->input);
}

void jz_sensitivity_free(jz_sensitivity *t)
{
    if (t) {
        free(t->bars);
        free(t);
    }
}

int jz_sensitivity_run(const jz_scenario *s, int gemeente, int year, jz_sensitivity **out, jz_error *err)
{
    jz_init();
    jz_error_clear(err);
    *out = NULL;
    runner rn;
    int rc = runner_init(&rn, s, gemeente, year, err);
    jz_sensitivity *t = rc ? NULL : calloc(1, sizeof *t);
    if (!rc && (!t || !(t->bars = calloc((size_t)(s->n_uncertain ? s->n_uncertain : 1), sizeof *t->bars))))
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc) {
        t->scenario = s;
        t->g = rn.g;
        t->year = s->meta.base_year + rn.y;
        rc = tekort_at(&rn, -1, 0.0, &t->base, &t->base_sum);
    }
    for (int i = 0; !rc && i < s->n_uncertain; i++) {
        const jz_uncertain *u = &s->uncertain[i];
        if (!(u->range_high > u->range_low))
            continue;
        jz_tornado_bar *b = &t->bars[t->n_bars];
        b->input = i;
        b->path = u->path;
        b->unit = u->unit;
        b->point = u->dist.point;
        b->low = u->range_low;
        b->high = u->range_high;
        if ((rc = tekort_at(&rn, i, b->low, &b->at_low, &b->sum_low)) ||
            (rc = tekort_at(&rn, i, b->high, &b->at_high, &b->sum_high)))
            break;
        jz_unc_set(s, rn.copy, i, u->dist.point); /* back to the point value */
        b->swing = fabs(b->at_high - b->at_low);
        b->swing_sum = fabs(b->sum_high - b->sum_low);
        t->n_bars++;
    }
    runner_free(&rn);
    if (rc) {
        jz_sensitivity_free(t);
        return rc;
    }
    qsort(t->bars, (size_t)t->n_bars, sizeof *t->bars, cmp_bar);
    *out = t;
    return JZ_OK;
}

/* ---- break-even ---- */

static double brent_f(double v, void *ctx)
{
    runner *rn = ctx;
    double at;
    if (rn->failed)
        return rn->last;
    if (tekort_at(rn, rn->input, v, &at, NULL) != JZ_OK || !isfinite(at)) {
        rn->failed = 1;
        return rn->last;
    }
    rn->last = at - rn->target;
    return rn->last;
}

/* "a, b, c" of the uncertain inputs, for a message. */
static void list_paths(const jz_scenario *s, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int i = 0; i < s->n_uncertain && at + 1 < size; i++) {
        int w = snprintf(buf + at, size - at, "%s%s", i ? ", " : "", s->uncertain[i].path);
        if (w > 0)
            at += (size_t)w;
    }
    if (!s->n_uncertain)
        snprintf(buf, size, "none (give an input a range, e.g. zorgduur: {value: 10, low: 8, high: 13})");
}

int jz_breakeven_find(const jz_scenario *s, const char *path, int gemeente, int year, double target,
                      jz_breakeven *out, jz_error *err)
{
    jz_init();
    jz_error_clear(err);
    memset(out, 0, sizeof *out);
    int i = jz_unc_find(s, path);
    if (i < 0) {
        char list[1500];
        list_paths(s, list, sizeof list);
        jz_key *keys = calloc((size_t)s->n_uncertain + 1, sizeof *keys);
        const char *sug = NULL;
        if (keys) {
            for (int k = 0; k < s->n_uncertain; k++)
                keys[k].key = s->uncertain[k].path;
            sug = jz_schema_suggest(path, keys);
        }
        char hint[600] = "";
        if (sug)
            snprintf(hint, sizeof hint, "; did you mean '%s'?", sug);
        free(keys);
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0,
                            "break-even: '%s' is not an uncertain input of %s%s (the inputs with a range or "
                            "distribution are: %s)", path, s->meta.path, hint, list);
    }
    if (!isfinite(target))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "break-even: the target must be a finite amount");
    const jz_uncertain *u = &s->uncertain[i];
    runner rn;
    int rc = runner_init(&rn, s, gemeente, year, err);
    if (rc) {
        runner_free(&rn);
        return rc;
    }
    out->input = i;
    out->path = u->path;
    out->unit = u->unit;
    out->g = rn.g;
    out->year = s->meta.base_year + rn.y;
    out->target = target;
    out->lo = u->search_low;
    out->hi = u->search_high;
    out->point = u->dist.point;
    rn.target = target;
    rn.input = i;
    if ((rc = tekort_at(&rn, -1, 0.0, &out->at_point, NULL)) ||
        (rc = tekort_at(&rn, i, out->lo, &out->at_lo, NULL)) ||
        (rc = tekort_at(&rn, i, out->hi, &out->at_hi, NULL))) {
        runner_free(&rn);
        return rc;
    }
    double flo = out->at_lo - target, fhi = out->at_hi - target;
    if (flo == 0.0 || fhi == 0.0) {
        out->found = 1;
        out->value = flo == 0.0 ? out->lo : out->hi;
        out->at_value = flo == 0.0 ? out->at_lo : out->at_hi;
    } else if (out->hi > out->lo) {
        gsl_root_fsolver *solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
        if (!solver) {
            runner_free(&rn);
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        gsl_function F = {brent_f, &rn};
        rn.last = flo;
        int st = gsl_root_fsolver_set(solver, &F, out->lo, out->hi);
        int it = 0;
        while (st == GSL_SUCCESS && !rn.failed && it < 200) {
            it++;
            st = gsl_root_fsolver_iterate(solver);
            double a = gsl_root_fsolver_x_lower(solver), b = gsl_root_fsolver_x_upper(solver);
            if (st == GSL_SUCCESS && gsl_root_test_interval(a, b, 0.0, 1e-12) == GSL_SUCCESS)
                break;
        }
        double root = gsl_root_fsolver_root(solver);
        gsl_root_fsolver_free(solver);
        if (rn.failed) {
            rc = err->status ? err->status : JZ_ERUNTIME;
        } else if (st == GSL_EINVAL && it == 0) {
            /* the range does not bracket the target: no break-even in it */
        } else if (st != GSL_SUCCESS) {
            rc = jz_error_set(err, JZ_ERUNTIME, NULL, 0, 0, "break-even of %s: the solver failed (%s)", path,
                              gsl_strerror(st));
        } else {
            out->found = 1;
            out->iterations = it;
            out->value = root;
            rc = tekort_at(&rn, i, root, &out->at_value, NULL);
        }
    }
    runner_free(&rn);
    return rc;
}
