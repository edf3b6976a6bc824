/*
 * unc_corr.c - the top-level `uncertainty` section: which uncertain inputs
 * move together, and the Gaussian copula that makes them do so.
 *
 *   uncertainty:
 *     correlations:
 *       - inputs: [indexation.tariff, "zorgsoorten[*].tariff_indexation"]
 *         rho: 0.8
 *
 * Each entry lists input paths (as in the list of inputs, jz_input.path; `*`
 * matches any text) and one correlation rho that every pair of them gets.
 * The matrix of all pairs must be a correlation matrix (positive
 * definite); its lower Cholesky factor L is computed once here with
 * gsl_linalg_cholesky_decomp1 (GSL's handler off, jz_init: a matrix that
 * is not positive definite is a status, not an abort), so that a draw
 * only multiplies L z.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_linalg.h>

#include "jzsim/init.h"
#include "scenario/build.h"
#include "scenario/schema.h"
#include "scenario/schema_types.h"
#include "scenario/uncertain.h"

static const jz_key keys_section[] = {
    {"correlations", 0, "inputs that move together: [{inputs: [path, path], rho: 0.8}]"},
    {"source", 0, "a source note"},
    {NULL, 0, NULL}};
static const jz_key keys_corr[] = {
    {"inputs", 1, "the paths of the uncertain inputs that move together, e.g. "
                  "[indexation.tariff, \"zorgsoorten[*].tariff_indexation\"]"},
    {"rho", 1, "their correlation, between -1 and 1 (exclusive), e.g. rho: 0.8"},
    {"source", 0, "a source note"},
    {NULL, 0, NULL}};

/* Does text t match pattern p, where '*' matches any run of characters? */
static int glob(const char *p, const char *t)
{
    const char *star = NULL, *mark = NULL;
    while (*t) {
        if (*p == '*') {
            star = p++;
            mark = t;
        } else if (*p == *t) {
            p++;
            t++;
        } else if (star) {
            p = star + 1;
            t = ++mark;
        } else {
            return 0;
        }
    }
    while (*p == '*')
        p++;
    return *p == '\0';
}

typedef struct pair {
    int a, b; /* a < b: indices into s->uncertain */
    double rho;
    const jz_node *at;
} pair;

typedef struct work {
    jz_scenario *s;
    jz_error *err;
    pair *pairs;
    int n_pairs, cap_pairs;
    int *group; /* scratch: the inputs of one entry */
} work;

/* Names of the inputs that can be correlated, for a message. */
static void list_inputs(const jz_scenario *s, char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    int shown = 0;
    for (int i = 0; i < s->n_uncertain && at + 1 < size; i++) {
        if (s->uncertain[i].dist.kind == JZ_DIST_NONE)
            continue;
        if (shown == 8) {
            snprintf(buf + at, size - at, ", ...");
            return;
        }
        int w = snprintf(buf + at, size - at, "%s%s", shown ? ", " : "", s->uncertain[i].path);
        if (w > 0)
            at += (size_t)w;
        shown++;
    }
    if (!shown)
        snprintf(buf, size, "none: no input of this scenario has a distribution");
}

static int expand(work *w, const jz_node *pat, int *n)
{
    jz_scenario *s = w->s;
    if (pat->type != JZ_NODE_SCALAR)
        return jz_node_error(w->err, pat, "uncertainty.correlations inputs: each input is a path, got %s",
                             jz_node_type_name(pat));
    int wild = strchr(pat->scalar, '*') != NULL, matched = 0;
    for (int i = 0; i < s->n_uncertain; i++) {
        const jz_uncertain *u = &s->uncertain[i];
        if (!glob(pat->scalar, u->path))
            continue;
        if (u->dist.kind == JZ_DIST_NONE) {
            if (!wild)
                return jz_node_error(w->err, pat,
                                     "uncertainty.correlations: '%s' has a range but no distribution; "
                                     "only inputs with a distribution can be correlated", u->path);
            continue;
        }
        matched++;
        int dup = 0;
        for (int k = 0; k < *n; k++)
            dup |= w->group[k] == i;
        if (!dup)
            w->group[(*n)++] = i;
    }
    if (!matched) {
        char known[1200];
        list_inputs(s, known, sizeof known);
        return jz_node_error(w->err, pat,
                             "uncertainty.correlations: no uncertain input matches '%s'; inputs with a "
                             "distribution: %s", pat->scalar, known);
    }
    return JZ_OK;
}

static int add_pair(work *w, int a, int b, double rho, const jz_node *at)
{
    if (a > b) {
        int t = a;
        a = b;
        b = t;
    }
    for (int k = 0; k < w->n_pairs; k++) {
        pair *p = &w->pairs[k];
        if (p->a == a && p->b == b) {
            if (p->rho != rho)
                return jz_node_error(w->err, at,
                                     "uncertainty.correlations: %s and %s already have rho %g (line %d); "
                                     "a pair can have one correlation only",
                                     w->s->uncertain[a].path, w->s->uncertain[b].path, p->rho, p->at->line);
            return JZ_OK;
        }
    }
    if (w->n_pairs == w->cap_pairs) {
        int cap = w->cap_pairs ? 2 * w->cap_pairs : 16;
        pair *np = realloc(w->pairs, (size_t)cap * sizeof *np);
        if (!np)
            return jz_error_set(w->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        w->pairs = np;
        w->cap_pairs = cap;
    }
    w->pairs[w->n_pairs++] = (pair){a, b, rho, at};
    return JZ_OK;
}

static int read_entry(work *w, const jz_node *it)
{
    int rc = jz_schema_check(it, keys_corr, "uncertainty.correlations item", w->err);
    if (rc)
        return rc;
    const jz_node *in = jz_node_get(it, "inputs"), *rn = jz_node_get(it, "rho");
    if (in->type != JZ_NODE_SEQ)
        return jz_node_error(w->err, in, "uncertainty.correlations inputs: expected a list of input paths, got %s",
                             jz_node_type_name(in));
    double rho;
    if ((rc = jz_value_number(rn, JZ_U_RATE, "uncertainty.correlations rho", &rho, w->err)))
        return rc;
    if (!(rho > -1.0 && rho < 1.0))
        return jz_node_error(w->err, rn, "uncertainty.correlations rho must lie strictly between -1 and 1, "
                             "got %s (for inputs that move almost exactly together use 0.99)", rn->scalar);
    int n = 0;
    for (size_t k = 0; k < in->n; k++)
        if ((rc = expand(w, in->values[k], &n)))
            return rc;
    if (n < 2)
        return jz_node_error(w->err, in, "uncertainty.correlations: a correlation needs at least two "
                             "inputs with a distribution, these paths give %d", n);
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            if ((rc = add_pair(w, w->group[a], w->group[b], rho, rn)))
                return rc;
    return JZ_OK;
}

/* The lower Cholesky factor of the n x n correlation matrix c->rho into
 * c->chol (GSL on a view of our own memory); 0 when the matrix is not
 * positive definite with a margin: GSL fails on a pivot <= 0, and a pivot
 * L_jj^2 <= 1e-10 is refused too (a matrix that close to singular makes
 * draws that hang on rounding). */
static int cholesky(jz_unc_copula *c, int n)
{
    size_t nn = (size_t)n * (size_t)n;
    memcpy(c->chol, c->rho, nn * sizeof *c->chol);
    gsl_matrix_view v = gsl_matrix_view_array(c->chol, (size_t)n, (size_t)n);
    if (gsl_linalg_cholesky_decomp1(&v.matrix) != GSL_SUCCESS)
        return 0;
    for (int j = 0; j < n; j++)
        if (!(c->chol[j * n + j] * c->chol[j * n + j] > 1e-10))
            return 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            c->chol[i * n + j] = 0.0; /* the upper triangle is not part of L */
    return 1;
}

static int build_copula(work *w, const jz_node *at)
{
    jz_scenario *s = w->s;
    int m = s->n_uncertain, n = 0;
    int *idx = calloc((size_t)m, sizeof *idx); /* input -> position in the copula, or -1 */
    jz_unc_copula *c = calloc(1, sizeof *c);
    if (!idx || !c) {
        free(idx);
        free(c);
        return jz_error_set(w->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    s->copula = c;
    for (int i = 0; i < m; i++)
        idx[i] = -1;
    for (int k = 0; k < w->n_pairs; k++)
        idx[w->pairs[k].a] = idx[w->pairs[k].b] = 0;
    for (int i = 0; i < m; i++)
        if (idx[i] == 0)
            idx[i] = n++;
    size_t nn = (size_t)n * (size_t)n;
    c->input = malloc((size_t)n * sizeof *c->input);
    c->rho = calloc(nn, sizeof *c->rho);
    c->chol = calloc(nn, sizeof *c->chol);
    if (!c->input || !c->rho || !c->chol) {
        free(idx);
        return jz_error_set(w->err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    c->n = n;
    for (int i = 0; i < m; i++)
        if (idx[i] >= 0)
            c->input[idx[i]] = i;
    for (int i = 0; i < n; i++)
        c->rho[i * n + i] = 1.0;
    for (int k = 0; k < w->n_pairs; k++) {
        int a = idx[w->pairs[k].a], b = idx[w->pairs[k].b];
        c->rho[a * n + b] = c->rho[b * n + a] = w->pairs[k].rho;
    }
    free(idx);
    jz_init();
    if (!cholesky(c, n))
        return jz_node_error(w->err, at,
                             "uncertainty.correlations: these correlations cannot all hold at once (the "
                             "correlation matrix of the %d inputs is not positive definite); e.g. a and b "
                             "strongly together, b and c strongly together but a and c opposite; lower "
                             "the largest rho values or remove a pair", n);
    return JZ_OK;
}

int jz_unc_finish(jz_scenario *s, const jz_node *section, jz_error *err)
{
    for (int i = 0; i < s->n_uncertain; i++) {
        const jz_uncertain *u = &s->uncertain[i];
        if (u->n_targets == 0)
            return jz_error_set(err, JZ_EINPUT, u->file, u->line, u->column,
                                "%s: a distribution or range is not supported for this input; write a plain "
                                "value (docs/uncertainty.md lists the inputs that can be uncertain)", u->path);
    }
    if (!section)
        return JZ_OK;
    int rc = jz_schema_check(section, keys_section, "uncertainty", err);
    if (rc)
        return rc;
    const jz_node *list = jz_node_get(section, "correlations");
    if (!list)
        return JZ_OK;
    if (list->type != JZ_NODE_SEQ)
        return jz_node_error(err, list, "uncertainty.correlations: expected a list of {inputs, rho}, got %s",
                             jz_node_type_name(list));
    work w = {s, err, NULL, 0, 0, NULL};
    w.group = malloc((size_t)(s->n_uncertain ? s->n_uncertain : 1) * sizeof *w.group);
    if (!w.group)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t k = 0; k < list->n && rc == JZ_OK; k++)
        rc = read_entry(&w, list->values[k]);
    if (rc == JZ_OK && w.n_pairs > 0)
        rc = build_copula(&w, list);
    free(w.group);
    free(w.pairs);
    return rc;
}

/* For the JSON Schema (scenario/schema_types.h). */
const jz_key *jz_unc_section_table(int corr)
{
    return corr ? keys_corr : keys_section;
}
