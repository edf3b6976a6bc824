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
 * Welch-Satterthwaite.  Zorgsoorten without realised figures take the
 * model's year, with nothing realised and no band (NaN, not 0: the model
 * gives no honest band for them); the total's band is that of the realised
 * ones.  The cost outside the zorgsoorten (vaste lasten, investments, the
 * regional lines) is the run's, added to give the whole cost of the year.
 * The monthly shape: each zorgsoort's chain from the run's stock on 1 January
 * (split equally over the stages) and the run's instroom of the year (incl.
 * transfers and re-entries, spread evenly), with the scenario's zorgduur
 * (measures on the zorgduur are not in the shape); the year totals are the
 * run's own.
 * Clients in care at the month ends, when given, are fitted the same way on
 * the stock profile (clients from 1 January decaying, from the instroom
 * building up): the clients on 31 December are the fit at month 12 (with
 * one month's noise in the band), the unique clients a x start + b x instroom.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "common/util.h"
#include "init/derive_internal.h"
#include "jzsim/init.h"
#include "jzsim/report.h"
#include "model/erlang.h"
#include "scenario/schema.h"
#include "scenario/value.h"

/* One year of the monthly chain of every zorgsoort, split into the part of
 * the clients in care on 1 January and the part of the year's instroom:
 * client-months in each month (cm_*) or clients at the end of it (st_*). */
static int chain(const jz_scenario *s, const jz_result *r, int g, int y,
                 double *cm_a, double *cm_b, double *st_a, double *st_b, jz_error *err)
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
        for (int t = 0; t < 12; t++) {
            double ca = 0, cb = I * e.V, sa = 0, sb = 0;
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
                sa += va;
                sb += vb;
            }
            memcpy(xa, na, (size_t)k * sizeof xa[0]);
            memcpy(xb, nb, (size_t)k * sizeof xb[0]);
            const size_t o = (size_t)z * 12 + (size_t)t;
            if (cm_a) {
                cm_a[o] = ca;
                cm_b[o] = cb;
            }
            if (st_a) {
                st_a[o] = sa;
                st_b[o] = sb;
            }
        }
    }
    return JZ_OK;
}

int jz_prognose_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                        double *from_start, double *from_inflow, jz_error *err)
{
    int rc = chain(s, r, g, y, from_start, from_inflow, NULL, NULL, err);
    if (rc)
        return rc;
    for (int z = 0; z < s->n_zorgsoorten; z++) {
        double *A = from_start + (size_t)z * 12, *B = from_inflow + (size_t)z * 12, sum = 0;
        for (int t = 0; t < 12; t++)
            sum += A[t] + B[t];
        const double cost = r->cost[jz_result_cz(r, g, z, y)];
        if (!(sum > 0)) {
            /* no clients in the chain (the cost is an external shift only):
             * the cost spread evenly over the months, so that the months
             * still sum to the year's cost and the Totaal to the rows */
            for (int t = 0; t < 12; t++) {
                A[t] = cost / 12;
                B[t] = 0.0;
            }
            continue;
        }
        const double f = cost / sum;
        for (int t = 0; t < 12; t++) {
            A[t] *= f;
            B[t] *= f;
        }
    }
    return JZ_OK;
}

int jz_prognose_stock_profile(const jz_scenario *s, const jz_result *r, int g, int y,
                              double *from_start, double *from_inflow, jz_error *err)
{
    return chain(s, r, g, y, NULL, NULL, from_start, from_inflow, err);
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
    in->clients_given = calloc(Z ? Z : 1, 1);
    in->clients = calloc((Z ? Z : 1) * 12, sizeof *in->clients);
    in->line = calloc(Z ? Z : 1, sizeof *in->line);
    in->column = calloc(Z ? Z : 1, sizeof *in->column);
    if (!in->given || !in->spending || !in->clients_given || !in->clients || !in->line || !in->column) {
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
    free(in->clients_given);
    free(in->clients);
    free(in->line);
    free(in->column);
    free(in);
}

/* A fragment that is no month of its own when glued to a figure after a
 * comma: 1 or 2 digits ("113,5") or digits with k or M ("148,5k"). */
static int decimal_fragment(const char *t)
{
    size_t d = strspn(t, "0123456789");
    return d > 0 && ((d <= 2 && !t[d]) || ((t[d] == 'k' || t[d] == 'M') && !t[d + 1]));
}

/* An error at item i of list l, a figure typed with a comma that YAML read
 * as n months (with the right length: they may be meant as two, then
 * without a space). */
static int comma_error(const jz_node *l, size_t i, size_t n, const char *advice, const char *name,
                       const char *zkey, const char *what, int wrong_length, jz_error *err)
{
    char typed[256] = "";
    for (size_t j = i; j < i + n; j++) {
        if (j > i)
            strncat(typed, ",", sizeof typed - strlen(typed) - 1);
        strncat(typed, l->values[j]->scalar, sizeof typed - strlen(typed) - 1);
    }
    return jz_node_error(err, l->values[i],
                         "%s.%s month %zu: '%s' has a comma in a figure; in a list [ ] YAML reads every comma as "
                         "the next month, so it became %zu %s; %s%s",
                         name, zkey, i + 1, typed, n, what, advice,
                         wrong_length ? "" : " (or a space after the comma if they are two months)");
}

#define CHAIN_MAX 8 /* pieces of one figure: "1,000,000,000" has 4 */

/* A figure typed with a comma in list l ("148,5k", "1,000,000"), which
 * YAML split into glued items: checked before the length, for the split
 * can make the length right.  A 1-2 digit or k/M fragment is a decimal
 * comma, always an error; a chain of thousands groups ("1,000,000",
 * "162,000") only when the length is wrong (wrong_length), for with the
 * right length [100,200,300] is as likely three months; other glued items
 * are taken as meant ([1200000,1300000]). */
static int comma_in_list(const jz_node *l, const char *name, const char *zkey, jz_unit u, const char *what,
                         int wrong_length, jz_error *err)
{
    char advice[700];
    for (size_t i = 0, j; i < l->n; i = j) {
        for (j = i + 1; j < l->n && jz_node_glued(l->values[j - 1], l->values[j]); j++)
            ;
        const char *pieces[CHAIN_MAX];
        size_t n = j - i;
        for (size_t k = 0; k < n && k < CHAIN_MAX; k++)
            pieces[k] = l->values[i + k]->scalar;
        jz_comma m = n >= 2 && n <= CHAIN_MAX ? jz_comma_meaning(pieces, n, u, advice, sizeof advice) : JZ_COMMA_NONE;
        if (m == JZ_COMMA_THOUSANDS || m == JZ_COMMA_EITHER) {
            if (wrong_length)
                return comma_error(l, i, n, advice, name, zkey, what, wrong_length, err);
            continue;
        }
        for (size_t k = i; k + 1 < j; k++) {
            const char *pair[2] = {l->values[k]->scalar, l->values[k + 1]->scalar};
            if (decimal_fragment(pair[1]) &&
                (m = jz_comma_meaning(pair, 2, u, advice, sizeof advice)) == JZ_COMMA_DECIMAL)
                return comma_error(l, k, 2, advice, name, zkey, what, wrong_length, err);
        }
    }
    return JZ_OK;
}

/* A value that is no list of one figure a month. */
static int wrong_length(const jz_node *l, const char *name, const char *zkey, const char *what, int months,
                        int csv, jz_error *err)
{
    if (csv) /* the CSV form: a row of cells, not a list */
        return jz_node_error(err, l, "%s.%s: expected %d monthly %s (maanden: %d) in columns B-%c, got %zu", name,
                             zkey, months, what, months, 'A' + months, l->n);
    if (l->type != JZ_NODE_SEQ)
        return jz_node_error(err, l, "%s.%s: expected a list of %d monthly %s (maanden: %d), got %s", name, zkey,
                             months, what, months, jz_node_type_name(l));
    return jz_node_error(err, l, "%s.%s: expected a list of %d monthly %s (maanden: %d), got %zu", name, zkey,
                         months, what, months, l->n);
}

/* A realised amount this many times smaller or larger than what it is
 * compared with is a unit, not a realisation (realised_size, month_size). */
#define PROGNOSE_UNIT_FACTOR 100.0

/* 1 when amount x (above 0) is a unit off ref (above 0): the one rule of
 * month_size and realised_size.  0 and credit notes (below 0) pass. */
static int unit_off(double x, double ref)
{
    return x > 0 && ref > 0 && (x * PROGNOSE_UNIT_FACTOR < ref || x > ref * PROGNOSE_UNIT_FACTOR);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One month's amount a hundred times smaller or larger than the row's
 * other months (their median, of the amounts above 0) is a unit slip in
 * that cell: "1.420" among "1.435.000"s, a month in thousands.  0 and
 * credit notes (below 0) are real and pass.  A located error at the cell. */
static int month_size(const jz_node *l, const char *name, const char *zkey, const double *v, int months,
                      jz_error *err)
{
    double pos[JZ_PROGNOSE_MONTHS];
    int n = 0;
    for (int t = 0; t < months; t++)
        if (v[t] > 0)
            pos[n++] = v[t];
    if (n < 2)
        return JZ_OK;
    qsort(pos, (size_t)n, sizeof pos[0], cmp_double);
    const double med = pos[n / 2];
    for (int t = 0; t < months; t++) {
        if (!unit_off(v[t], med))
            continue;
        char b1[64], b2[64];
        const int small = v[t] < med;
        return jz_node_error(err, l->values[t],
                             "%s.%s month %d: %s is %.0f times %s than the other months (median %s): %s? "
                             "Write each month in euros (e.g. 1.420.000 or 1,42M)",
                             name, zkey, t + 1, jz_format_number(b1, sizeof b1, v[t], 0, JZ_LANG_NL),
                             small ? med / v[t] : v[t] / med, small ? "less" : "more",
                             jz_format_number(b2, sizeof b2, med, 0, JZ_LANG_NL),
                             small ? "an amount in thousands (x 1.000) or millions" : "a digit too many");
    }
    return JZ_OK;
}

/* {zorgsoort: [month 1, ..., month m]} into values[z * 12 + t]. */
static int read_monthly(const jz_node *map, const char *name, jz_unit u, const char *what,
                        const jz_scenario *s, int months, int csv, unsigned char *given, double *values,
                        int *line, int *column, jz_error *err)
{
    if (map->type != JZ_NODE_MAP || map->n == 0)
        return jz_node_error(err, map, "%s: expected {zorgsoort: [month 1, month 2, ...]}, got %s", name,
                             jz_node_type_name(map));
    for (size_t i = 0; i < map->n; i++) {
        const jz_node *k = map->keys[i], *l = map->values[i];
        int z, rc = jz_zorgsoort_ref(s, k, name, &z, err);
        if (rc)
            return rc;
        int wrong = l->type != JZ_NODE_SEQ || (int)l->n != months;
        if (l->type == JZ_NODE_SEQ && (rc = comma_in_list(l, name, k->scalar, u, what, wrong, err)) != JZ_OK)
            return rc;
        if (wrong)
            return wrong_length(l, name, k->scalar, what, months, csv, err);
        for (int t = 0; t < months; t++) {
            char w[JZ_KEY_MAX + 64];
            snprintf(w, sizeof w, "%s.%s month %d", name, k->scalar, t + 1);
            rc = jz_value_number(l->values[t], u, w, &values[(size_t)z * 12 + (size_t)t], err);
            if (rc)
                return rc;
        }
        if (u == JZ_U_MONEY && (rc = month_size(l, name, k->scalar, values + (size_t)z * 12, months, err)))
            return rc;
        given[z] = 1;
        if (line) {
            line[z] = k->line;
            column[z] = k->column;
        }
    }
    return JZ_OK;
}

int jz_prognose_read(const char *path, const jz_scenario *s, jz_prognose_input **out, jz_error *err)
{
    jz_error_clear(err);
    *out = NULL;
    jz_load_options lo;
    jz_load_options_default(&lo);
    char *text = NULL;
    size_t len = 0;
    int rc = jz_read_file(path, lo.max_file_bytes, "file", &text, &len, err);
    if (!rc)
        rc = jz_prognose_read_string(text, len, path, s, out, err);
    free(text);
    return rc;
}

int jz_prognose_read_string(const char *text, size_t len, const char *name, const jz_scenario *s,
                            jz_prognose_input **out, jz_error *err)
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
    /* a .csv name: the form a controller fills in Excel (template_csv.c),
     * read into the same tree, so both forms get the same checks */
    const int csv = jz_csv_form_name(name);
    const char *key = csv ? "row" : "key"; /* what the form calls a part */
    jz_node *root = NULL;
    if (csv)
        rc = jz_realisatie_csv_parse(a, text, len, name, &root, err);
    else if (!(root = jz_yaml_parse(a, text, len, name, &lim, err)))
        rc = err->status ? err->status : JZ_EINPUT;
    const jz_node *nj = NULL, *nm = NULL, *nu = NULL;
    if (!rc && (root->type != JZ_NODE_MAP || root->n == 0))
        rc = jz_error_set(err, JZ_EINPUT, name, 1, 1, "expected jaar, maanden and uitgaven");
    static const char *const top_keys[] = {"jaar", "maanden", "uitgaven", "clienten", "source", NULL};
    if (!rc)
        rc = jz_keys_known(root, top_keys, NULL, "the", err);
    if (!rc && !(nj = jz_node_get(root, "jaar")))
        rc = jz_node_error(err, root, "missing required %s 'jaar' (the current year, e.g. %s)", key,
                           csv ? "jaar;2025" : "jaar: 2025");
    if (!rc && !(nm = jz_node_get(root, "maanden")))
        rc = jz_node_error(err, root, "missing required %s 'maanden' (realised months, 2-11%s)", key,
                           csv ? ", in column B" : "");
    if (!rc && !(nu = jz_node_get(root, "uitgaven")))
        rc = jz_node_error(err, root, "missing required %s 'uitgaven' (%s)", key,
                           csv ? "a row 'uitgaven', then one row per zorgsoort: its key, the months from column B"
                               : "{zorgsoort: [month 1, month 2, ...]}");
    long v;
    if (!rc && !(rc = jz_value_int(nj, 1900, 2200, "jaar", &v, err))) {
        in->year = (int)v;
        const int by = s->meta.base_year, H = s->meta.horizon;
        if (in->year < by || in->year >= by + H)
            rc = jz_node_error(err, nj, "jaar: %d is outside the scenario (%d-%d)", in->year, by, by + H - 1);
    }
    if (!rc && !(rc = jz_value_int(nm, 2, 11, "maanden", &v, err)))
        in->months = (int)v;
    if (!rc)
        rc = read_monthly(nu, "uitgaven", JZ_U_MONEY, "amounts", s, in->months, csv, in->given, in->spending,
                          in->line, in->column, err);
    if (!rc)
        snprintf(in->file, sizeof in->file, "%s", name);
    const jz_node *nc = rc ? NULL : jz_node_get(root, "clienten");
    if (nc)
        rc = read_monthly(nc, "clienten", JZ_U_COUNT, "numbers of clients in care at the month's end", s,
                          in->months, csv, in->clients_given, in->clients, NULL, NULL, err);
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

/* The fit of one series: R_t = a A_t + b B_t, relative errors (least
 * squares of R/C on A/C and B/C, C = A + B), or a = b when the two parts
 * cannot be told apart. */
typedef struct fit {
    int p;              /* parameters: 2, or 1 (a = b) */
    double a, b;
    double i11, i12, i22; /* (X'X)^-1 (p = 2); i11 = 1/n (p = 1) */
    double s2, df;      /* residual variance, degrees of freedom */
} fit;

static void fit_ab(const double *A, const double *B, const double *R, int m, fit *f)
{
    double sxx11 = 0, sxx12 = 0, sxx22 = 0, sxy1 = 0, sxy2 = 0, n = 0, mean2 = 0, var2 = 0;
    for (int t = 0; t < m; t++) {
        double C = A[t] + B[t];
        if (C > 0) {
            mean2 += B[t] / C;
            n++;
        }
    }
    mean2 = n > 0 ? mean2 / n : 0;
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
    const double det = sxx11 * sxx22 - sxx12 * sxx12;
    memset(f, 0, sizeof *f);
    if (n >= 3 && var2 > 1e-4 && det > 1e-12 * (sxx11 * sxx22)) {
        f->p = 2;
        f->a = (sxx22 * sxy1 - sxx12 * sxy2) / det;
        f->b = (sxx11 * sxy2 - sxx12 * sxy1) / det;
        f->i11 = sxx22 / det;
        f->i12 = -sxx12 / det;
        f->i22 = sxx11 / det;
    } else {
        double sy = 0;
        for (int t = 0; t < m; t++) {
            double C = A[t] + B[t];
            if (C > 0)
                sy += R[t] / C;
        }
        f->p = 1;
        f->a = f->b = n > 0 ? sy / n : 1.0;
        f->i11 = n > 0 ? 1.0 / n : 0.0;
    }
    double rss = 0;
    for (int t = 0; t < m; t++) {
        double C = A[t] + B[t];
        if (C <= 0)
            continue;
        double e = (R[t] - f->a * A[t] - f->b * B[t]) / C;
        rss += e * e;
    }
    const double dof = n - f->p;
    f->s2 = dof > 0 ? rss / dof : 0;
    f->df = dof > 0 ? dof : 1;
}

/* The fitted a gA + b gB and the variance of its error against a new
 * observation with noise variance s2 * c2 (c2 = 0: the parameters only). */
static void predict(const fit *f, double gA, double gB, double c2, double *mean, double *var)
{
    double quad = f->p == 2 ? f->i11 * gA * gA + 2 * f->i12 * gA * gB + f->i22 * gB * gB
                            : f->i11 * (gA + gB) * (gA + gB);
    *mean = f->a * gA + f->b * gB;
    *var = f->s2 * (quad + c2);
}

static double half_width(double var, double df, double q)
{
    return var > 0 ? gsl_cdf_tdist_Pinv(q, df) * sqrt(var) : 0.0;
}

/* The half width of the band of a sum of forecasts of zorgsoorten: those
 * with tv[z] == code, or all when tv is NULL (var[z] their variances, df[z]
 * their degrees of freedom, 0 for one without a band).  The variances add
 * (zorgsoorten independent), the degrees of freedom by Welch-Satterthwaite.
 * *any: whether one of them has a band at all.  One rule for the total and
 * each taakveld. */
static double sum_half_width(const double *var, const double *df, const int *tv, int code, int Z, double q,
                             int *any)
{
    double vtot = 0, vdf = 0;
    *any = 0;
    for (int z = 0; z < Z; z++) {
        if (tv && tv[z] != code)
            continue;
        *any |= df[z] > 0;
        vtot += var[z];
        if (var[z] > 0)
            vdf += var[z] * var[z] / df[z];
    }
    return vtot > 0 ? half_width(vtot, vtot * vtot / vdf, q) : 0;
}

/* The cost outside the zorgsoorten from the run (the lines of
 * JZ_RESULT_COST_BEYOND_CARE_LINES) and the whole cost: the scenario's total
 * is the run's own g_cost; the year end and its band are the zorgsoorten's
 * plus the lines as the scenario has them (their sum, jz_result_cost_beyond_care). */
static void add_lines(jz_prognose *p, const jz_result *r, size_t gy)
{
    const double sum = jz_result_cost_beyond_care(r, gy);
    int n = 0, any = 0;
    /* of the lines only the vaste lasten have a begroting (g_budget is the
     * zorgsoorten' and theirs) */
#define LINE_(field, key)                                                                \
    p->lines[n] = r->field[gy], any |= p->lines[n] != 0.0;                               \
    p->line_budget[n] = strcmp(key, "fixed_cost") == 0 ? r->g_fixed_budget[gy] : 0.0;  \
    p->line_over_budget[n] = p->lines[n] - p->line_budget[n];                            \
    n++;
    JZ_RESULT_COST_BEYOND_CARE_LINES(LINE_)
#undef LINE_
    assert(n == JZ_RESULT_N_COST_BEYOND_CARE);
    /* the lines have no realisation, so neither has the whole when it has them */
    p->cost_realised = any ? NAN : p->total_realised;
    p->cost_model = r->g_cost[gy];
    p->cost_year_end = p->total_year_end + sum;
    p->cost_low = p->total_low + sum;
    p->cost_high = p->total_high + sum;
    p->cost_budget = r->g_budget[gy];
    p->cost_over_budget = p->cost_year_end - p->cost_budget;
    p->cost_over_budget_low = p->cost_low - p->cost_budget;
    p->cost_over_budget_high = p->cost_high - p->cost_budget;
}

/* The forecast per taakveld (JZ_PROGNOSE_TAAKVELD): the rows jzsim run's
 * taakveld table lists (tvt->list), each its begroting of the year from the
 * run's taakveld totals and the forecast of its zorgsoorten plus what on it
 * is no zorgsoort's (tvt->beyond: its vaste lasten; Overig's also the
 * investments, verevening and contract), as the run counts them.  tvz, zvar, zdf: [Z] scratch and the zorgsoorten's variances
 * and degrees of freedom. */
static void by_taakveld(jz_prognose *p, const jz_scenario *s, const jz_taakveld_totals *tvt,
                        int *tvz, const double *zvar, const double *zdf, double q)
{
    const int Z = p->n_zorgsoorten, g = p->gemeente, y = p->year - s->meta.base_year;
    p->taakvelden = tvt->list;
    if (tvt->n == 0) /* no zorgsoort on a taakveld: no rows */
        return;
    for (int z = 0; z < Z; z++) {
        const int c = jz_taakveld_index(s->zorgsoorten[z].taakveld);
        tvz[z] = c >= 0 ? c : JZ_TAAKVELD_OUTSIDE;
    }
    for (int k = 0; k < p->taakvelden.n; k++) {
        const int code = p->taakvelden.code[k];
        const size_t at = jz_taakveld_at(tvt, g, jz_taakveld_slot(tvt, code), y);
        double year_end = 0;
        for (int z = 0; z < Z; z++)
            if (tvz[z] == code)
                year_end += p->year_end[z];
        year_end += tvt->beyond[at]; /* what on it is no zorgsoort's: its vaste lasten, ... */
        int banded;
        const double half = sum_half_width(zvar, zdf, tvz, code, Z, q, &banded);
        const double budget = tvt->budget[at];
        p->tv_budget[k] = budget;
        p->tv_year_end[k] = year_end;
        p->tv_over_budget[k] = year_end - budget;
        p->tv_over_budget_low[k] = banded ? year_end - half - budget : NAN;
        p->tv_over_budget_high[k] = banded ? year_end + half - budget : NAN;
    }
}

/* Realised spending a hundred times smaller or larger than the scenario
 * expects for the same months is no realisation but a unit: amounts in
 * thousands ("1.420" for € 1.420.000, as a begrotingstabel "x € 1.000"
 * writes them) or in millions, which would give a year end a thousand
 * times off, silently.  A real realisation differs from the scenario by
 * tens of percent, a new contract by a factor of two or three; a factor of
 * 100 is a unit.  A located error at the zorgsoort's row (its key). */
static int realised_size(const jz_prognose_input *in, const jz_scenario *s, int z, int m, double real,
                         double expect, jz_error *err)
{
    if (!unit_off(real, expect))
        return JZ_OK;
    char b1[64], b2[64];
    const int small = real < expect;
    return jz_error_set(err, JZ_EINPUT, in->file[0] ? in->file : NULL, in->line ? in->line[z] : 0,
                        in->column ? in->column[z] : 0,
                        "uitgaven.%s: the %d realised months add up to %s, %.0f times %s than the %s the scenario "
                        "expects for them: %s? Write each month in euros (e.g. 1.420.000 or 1,42M)",
                        s->zorgsoorten[z].key, m, jz_format_number(b1, sizeof b1, real, 0, JZ_LANG_NL),
                        small ? expect / real : real / expect, small ? "less" : "more",
                        jz_format_number(b2, sizeof b2, expect, 0, JZ_LANG_NL),
                        small ? "amounts in thousands (x 1.000) or millions"
                              : "a digit too many, or cents without a decimal mark");
}

int jz_prognose_run(const jz_scenario *s, int g, const jz_prognose_input *in,
                    double level, jz_prognose **outp, jz_error *err)
{
    jz_error_clear(err);
    *outp = NULL;
    jz_init(); /* GSL's aborting handler off: the t quantiles below */
    if (!s || !in || in->n_zorgsoorten != s->n_zorgsoorten || g < 0 || g >= s->n_gemeenten)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: realised figures for another scenario");
    if (!(level > 0 && level < 1))
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: the band level must be between 0 and 1 (e.g. 0.8), got %g", level);
    const int y = in->year - s->meta.base_year;
    if (y < 0 || y >= s->meta.horizon || in->months < 2 || in->months > 11)
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "prognose: year %d or months %d outside the scenario",
                            in->year, in->months);
    const int Z = s->n_zorgsoorten, m = in->months;
    const size_t nz = (size_t)(Z ? Z : 1);
    enum {
#define COUNT_(field, key) +1
        N_ARRAYS = 0 JZ_PROGNOSE_FIELDS(COUNT_)
#undef COUNT_
    };
    jz_prognose *p = calloc(1, sizeof *p);
    double *prof = calloc(nz * 50, sizeof *prof); /* 4 profiles of [Z * 12], then var and df [Z] */
    int *tvz = calloc(nz, sizeof *tvz);
    jz_taakveld_totals *tvt = NULL;
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    int rc = JZ_OK;
    if (!p || !prof || !tvz || !w || !r || !(p->block = calloc(nz * N_ARRAYS, sizeof *p->block)))
        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc)
        rc = jz_model_run(s, w, r, err);
    double *cmA = prof, *cmB = prof + nz * 12, *stA = prof + nz * 24, *stB = prof + nz * 36;
    double *zvar = prof + nz * 48, *zdf = prof + nz * 49; /* each zorgsoort's forecast: 0 without a band */
    if (!rc)
        rc = jz_prognose_profile(s, r, g, y, cmA, cmB, err);
    if (!rc)
        rc = jz_prognose_stock_profile(s, r, g, y, stA, stB, err);
    if (!rc) {
        double *next = p->block; /* the arrays tile the block, in list order */
#define LAYOUT_(field, key) p->field = next, next += nz;
        JZ_PROGNOSE_FIELDS(LAYOUT_)
#undef LAYOUT_
        assert(next == p->block + nz * N_ARRAYS);
        p->n_zorgsoorten = Z;
        p->gemeente = g;
        p->year = in->year;
        p->months = m;
        p->level = level;
        const double q = 0.5 + 0.5 * level;
        for (int z = 0; z < Z; z++) {
            const size_t o = (size_t)z * 12, i = jz_result_cz(r, g, z, y);
            const double *A = cmA + o, *B = cmB + o;
            double model = 0, real = 0, gA = 0, gB = 0, c2 = 0;
            for (int t = 0; t < 12; t++)
                model += A[t] + B[t];
            p->model_year[z] = model;
            p->model_clients_end[z] = r->end[i];
            p->model_unique[z] = r->unique[i];
            /* without realised figures: the scenario's, and nothing realised,
             * fitted or banded (NaN: absent, not 0) */
            p->clients_end[z] = r->end[i];
            p->unique[z] = r->unique[i];
            p->clients_end_low[z] = p->clients_end_high[z] = p->unique_low[z] = p->unique_high[z] = NAN;
            p->year_end[z] = model;
            p->realised[z] = p->low[z] = p->high[z] = p->scale_start[z] = p->scale_inflow[z] = NAN;
            if (in->clients_given[z]) {
                /* the clients in care at the month ends, on the stock profile */
                fit f;
                double mean, var;
                p->any_clients = 1;
                fit_ab(stA + o, stB + o, in->clients + o, m, &f);
                const double c11 = stA[o + 11] + stB[o + 11];
                predict(&f, stA[o + 11], stB[o + 11], c11 * c11, &mean, &var);
                p->clients_end[z] = mean;
                p->clients_end_low[z] = mean - half_width(var, f.df, q);
                p->clients_end_high[z] = mean + half_width(var, f.df, q);
                /* unique = start x a + instroom x b: parameters only */
                predict(&f, r->start[i], r->instroom[i], 0.0, &mean, &var);
                p->unique[z] = mean;
                p->unique_low[z] = mean - half_width(var, f.df, q);
                p->unique_high[z] = mean + half_width(var, f.df, q);
            }
            if (!in->given[z])
                continue;
            const double *R = in->spending + o;
            double expect = 0;
            for (int t = 0; t < m; t++) {
                real += R[t];
                expect += A[t] + B[t];
            }
            if ((rc = realised_size(in, s, z, m, real, expect, err)))
                break;
            for (int t = m; t < 12; t++) {
                gA += A[t];
                gB += B[t];
                c2 += (A[t] + B[t]) * (A[t] + B[t]);
            }
            fit f;
            double fut, var;
            fit_ab(A, B, R, m, &f);
            predict(&f, gA, gB, c2, &fut, &var);
            p->n_realised++;
            p->scale_start[z] = f.a;
            p->scale_inflow[z] = f.b;
            p->realised[z] = real;
            p->year_end[z] = real + fut;
            p->low[z] = p->year_end[z] - half_width(var, f.df, q);
            p->high[z] = p->year_end[z] + half_width(var, f.df, q);
            zvar[z] = var;
            zdf[z] = f.df;
        }
        for (int z = 0; z < Z; z++) {
            /* against the begroting: the run's budget of the zorgsoort */
            p->budget[z] = r->budget[jz_result_cz(r, g, z, y)];
            p->over_budget[z] = p->year_end[z] - p->budget[z];
            p->over_budget_low[z] = p->low[z] - p->budget[z]; /* NaN without a band */
            p->over_budget_high[z] = p->high[z] - p->budget[z];
            if (in->given[z])
                p->total_realised += p->realised[z];
            p->total_model += p->model_year[z];
            p->total_year_end += p->year_end[z];
            p->total_budget += p->budget[z];
        }
        int banded;
        double half = sum_half_width(zvar, zdf, NULL, 0, Z, q, &banded);
        p->total_low = p->total_year_end - half;
        p->total_high = p->total_year_end + half;
        p->total_over_budget = p->total_year_end - p->total_budget;
        p->total_over_budget_low = p->total_low - p->total_budget;
        p->total_over_budget_high = p->total_high - p->total_budget;
        add_lines(p, r, jz_result_gy(r, g, y));
        if (!rc)
            rc = jz_taakveld_totals_alloc(s, r, &tvt, err);
        if (!rc)
            by_taakveld(p, s, tvt, tvz, zvar, zdf, q);
    }
    jz_taakveld_totals_free(tvt);
    free(tvz);
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
