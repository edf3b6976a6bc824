/*
 * derive.c - `jzsim init`: a scenario derived from the figures a controller has.
 *
 * Template (docs/eigen-gemeente.md, scenarios/sjabloon/) -> per zorgsoort a
 * closed-form inversion of the model's steady state -> a scenario YAML with
 * every derived number commented -> loaded and run once to check that the
 * base year reproduces the given spending and unique clients.  The template
 * is read by template.c, the YAML written by derive_yaml.c.
 *
 * Steady state of one zorgsoort (docs/model.md sections 2 and 6, no
 * transitions, re-entry or ageing): with instroom A per year and zorgduur D
 * months, the stock S = A x D / 12 stays constant, client-years = S and
 * unique = S + A.  Given unique U:  A = U / (1 + D/12),  S = U - A.
 * Given S or A (or both) the rest follows from U; D = 12 S / A.  The price
 * is spending / client-years of one year of the model's own monthly chain
 * (erlang.c), which is S in the steady state and exact otherwise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "init/derive_internal.h"
#include "model/erlang.h"
#include "scenario/plausible.h" /* JZ_PLAUS_MARK_ADVICE */
#include "scenario/value.h" /* jz_node_error */


#define TOL_UNIQUE 0.005

/* ---------- the derivation ---------- */

/* Client-years of one year of the model's monthly chain: k stages, D months,
 * S clients on 1 January split equally over the stages, A starts per year
 * entering uniformly (docs/model.md sections 2-3). */
double jz_derive_chain_year(int k, double D, double S, double A, double *end)
{
    jz_erlang e;
    memset(&e, 0, sizeof e);
    if (jz_erlang_step(&e, k, D, 0.0, 1.0) != 0)
        return NAN;
    double x[JZ_STAGES_MAX], nx[JZ_STAGES_MAX];
    for (int j = 0; j < k; j++)
        x[j] = S / k;
    double I = A / 12.0, cm = 0.0;
    for (int t = 0; t < 12; t++) {
        for (int i = 0; i < k; i++)
            cm += x[i] * e.W[i];
        cm += I * e.V;
        for (int j = 0; j < k; j++) {
            double v = I * e.gamma[j];
            for (int i = 0; i <= j; i++)
                v += e.phi[j - i] * x[i];
            nx[j] = v;
        }
        memcpy(x, nx, (size_t)k * sizeof x[0]);
    }
    if (end) {
        double s = 0;
        for (int j = 0; j < k; j++)
            s += x[j];
        *end = s;
    }
    return cm / 12.0;
}

static int derive_zs(jz_template_row *z, jz_error *err)
{
    const double U = z->unique, X = z->spending;
    if (U <= 0 && X > 0)
        return jz_node_error(err, z->n_unique, "zorgsoort %s: unieke_clienten is 0 but uitgaven is %.0f: "
                             "spending without clients cannot be projected; give the number of unique clients, or, for "
                             "spending that does not follow clients (vervoer, a subsidie, the LTA), write it as a "
                             "vaste_last instead of a zorgsoort",
                             z->key, X);
    if (U > 0 && X <= 0)
        return jz_node_error(err, z->n_spending, "zorgsoort %s: uitgaven is 0 but unieke_clienten is %.0f: "
                             "unique clients without spending; give the realised spending of the basisjaar",
                             z->key, U);
    if (U <= 0)
        return jz_node_error(err, z->n_unique, "zorgsoort %s: no clients and no spending; "
                             "leave the zorgsoort out of the template", z->key);
    if (!z->ref && jz_row_dur_assumed(z))
        return jz_node_error(err, z->node, "zorgsoort %s is not in the reference table (docs/eigen-gemeente.md): "
                             "give zorgduur, starts or in_zorg_1_januari", z->key);
    if (z->has_start && z->has_starts) {
        if (fabs(z->start + z->starts - U) > TOL_UNIQUE * U)
            return jz_node_error(err, z->n_unique,
                                 "zorgsoort %s: unieke_clienten %.0f contradicts in_zorg_1_januari %.0f "
                                 "(line %d) + starts %.0f (line %d) = %.0f: unique clients of a year are the "
                                 "clients in care on 1 January plus the starts",
                                 z->key, U, z->start, z->n_start->line, z->starts, z->n_starts->line,
                                 z->start + z->starts);
        z->S = z->start;
        z->A = z->starts;
    } else if (z->has_start) {
        if (z->start >= U)
            return jz_node_error(err, z->n_start, "zorgsoort %s: in_zorg_1_januari %.0f must be below "
                                 "unieke_clienten %.0f (line %d): the rest are the year's starts",
                                 z->key, z->start, U, z->n_unique->line);
        z->S = z->start;
        z->A = U - z->start;
    } else if (z->has_starts) {
        if (z->starts >= U)
            return jz_node_error(err, z->n_starts, "zorgsoort %s: starts %.0f must be below "
                                 "unieke_clienten %.0f (line %d): the rest were in care on 1 January",
                                 z->key, z->starts, U, z->n_unique->line);
        z->A = z->starts;
        z->S = U - z->starts;
    } else if (z->has_ends && !z->has_dur) {
        if (z->ends >= U)
            return jz_node_error(err, z->n_ends, "zorgsoort %s: eindes %.0f must be below unieke_clienten %.0f",
                                 z->key, z->ends, U);
        z->A = z->ends; /* steady state: starts = ends */
        z->S = U - z->A;
    } else {
        double D = z->has_dur ? z->dur : z->ref->zorgduur;
        z->A = U / (1.0 + D / 12.0);
        z->S = U - z->A;
    }
    if (z->has_dur)
        z->D = z->dur;
    else if (z->has_ends && z->has_start && z->has_starts) {
        /* mean stock over the year / exits per year (Little) */
        double avg = z->S + 0.5 * (z->A - z->ends);
        if (z->ends <= 0 || avg <= 0)
            return jz_node_error(err, z->n_ends, "zorgsoort %s: eindes must be > 0 to derive a zorgduur", z->key);
        z->D = 12.0 * avg / z->ends;
    } else
        z->D = 12.0 * z->S / z->A;
    if (!(z->D > 0.05) || !(z->D < 1200))
        return jz_node_error(err, z->has_dur ? z->n_dur : z->n_unique,
                             "zorgsoort %s: the figures give a zorgduur of %.2f months, outside 0.05-1200", z->key, z->D);
    z->cy = jz_derive_chain_year(z->stages, z->D, z->S, z->A, NULL);
    if (!(z->cy > 0))
        return jz_node_error(err, z->node, "zorgsoort %s: no client-years in the basisjaar", z->key);
    z->price = X / z->cy;
    return JZ_OK;
}

/* ---------- the whole ---------- */

/* The n assumptions a (both texts of each) and the array. */
static void assumptions_free(jz_derive_assumption *a, int n)
{
    for (int i = 0; i < n; i++) {
        free(a[i].nl);
        free(a[i].en);
    }
    free(a);
}

/* Also a half-built result (the one path that frees it). */
void jz_derive_result_free(jz_derive_result *r)
{
    if (!r)
        return;
    free(r->yaml);
    assumptions_free(r->assumptions, r->n_assumptions);
    free(r->checks);
    for (int i = 0; i < r->n_warnings; i++)
        free(r->warnings[i]);
    free(r->warnings);
    free(r);
}

/* The year's cell of the template's series m (a map year: value, as
 * indexatie_tarief) that a loader message names by its value ("indexation.
 * tariff 41.0000% is above ..."): the first whose value is that one; m itself
 * when none is (or m is no map). */
static const jz_node *series_cell(const jz_node *m, const char *msg, const char *path)
{
    const char *p = strstr(msg, path);
    if (!m || m->type != JZ_NODE_MAP || !p)
        return m;
    p += strlen(path);
    if (*p != ' ')
        return m;
    char text[64];
    snprintf(text, sizeof text, "%.*s", (int)strcspn(p + 1, " "), p + 1);
    jz_node said = {.type = JZ_NODE_SCALAR, .scalar = text};
    jz_error scratch;
    double want, v;
    if (jz_value_number(&said, JZ_U_RATE, path, &want, &scratch))
        return m;
    for (size_t i = 0; i < m->n; i++)
        if (m->values[i]->type == JZ_NODE_SCALAR && !jz_value_number(m->values[i], JZ_U_RATE, path, &v, &scratch) &&
            fabs(v - want) <= 1e-9 * fmax(1, fabs(want)))
            return m->values[i];
    return m;
}

/* The bracketed name after prefix in msg ("zorgsoorten[crisis].cost" with
 * "zorgsoorten["): its start, NULL when msg has no prefix; *end at the first
 * close after it ("]", or "]." for a name that may hold a ']'), NULL when
 * there is none. */
static const char *bracketed(const char *msg, const char *prefix, const char *close, const char **end)
{
    const char *p = strstr(msg, prefix);
    if (!p)
        return NULL;
    p += strlen(prefix);
    *end = strstr(p, close);
    return p;
}

/* Whether [p, e) is the name `name`, whole. */
static int names(const char *name, const char *p, const char *e)
{
    return strlen(name) == (size_t)(e - p) && strncmp(name, p, (size_t)(e - p)) == 0;
}

/* The template's cell behind a path the loader names in a message about the
 * derived scenario ("zorgsoorten[crisis].cost ...", "gemeenten[GM0150].
 * fixed_costs[Lokale uitvoering].indexation ...", "indexation.tariff ...",
 * "gemeenten[GM0150].population.youth 40% is above ... population growth",
 * "gemeenten[GM0150] (Naam): the budget of 2025 (58500 euros) is ..."),
 * with what the user wrote there in *what; NULL when the message names none
 * of them. */
static const jz_node *template_cell(const jz_template *t, const char *msg, char *what, size_t size)
{
    const char *p, *e;
    if ((p = bracketed(msg, "zorgsoorten[", "]", &e)) != NULL) {
        for (int i = 0; e && i < t->n_zs; i++) {
            const jz_template_row *z = &t->zs[i];
            if (!names(z->key, p, e))
                continue;
            int cost = strncmp(e, "].cost", 6) == 0;
            snprintf(what, size, cost ? "zorgsoort %s: it follows from its uitgaven and unieke_clienten; check them"
                                      : "zorgsoort %s: it follows from its figures; check them", z->key);
            return cost && z->n_spending ? z->n_spending : z->n_unique ? z->n_unique : z->node;
        }
        return NULL;
    }
    if ((p = bracketed(msg, "fixed_costs[", "].", &e)) != NULL) {
        for (int i = 0; e && i < t->n_fixed; i++) {
            const jz_template_fixed *f = &t->fixed[i];
            if (!names(f->name, p, e))
                continue;
            int index = strncmp(e, "].indexation", 12) == 0;
            snprintf(what, size, "vaste_last %s: %s", f->name, index ? "its indexatie" : "its figures");
            return index ? (f->n_index ? f->n_index : t->n_tariff) : f->n_amount;
        }
        return NULL;
    }
    /* the population's growth above its ceiling: jeugd_groei ("0,4" without
     * a '%' is 40% a year) */
    if (strstr(msg, "].population.youth ") && strstr(msg, "population growth") && t->n_youth_growth) {
        snprintf(what, size, "jeugd_groei");
        return t->n_youth_growth;
    }
    /* the base year's budget against the cost (a begroting in thousands):
     * the total begroting's cell of that year */
    if ((p = strstr(msg, ": the budget of ")) != NULL && t->has_begroting) {
        long y = strtol(p + 16, NULL, 10);
        for (int i = 0; i < t->begroting.n; i++)
            if (t->begroting.year[i] == y) {
                snprintf(what, size, "begroting %ld: an amount in thousands, or a digit too many or too few? "
                         "check this cell", y);
                return t->begroting.val[i];
            }
    }
    if (strncmp(msg, "indexation.tariff", 17) == 0 && t->n_tariff) {
        snprintf(what, size, "indexatie_tarief");
        return series_cell(t->n_tariff, msg, "indexation.tariff");
    }
    if (strncmp(msg, "indexation.budget", 17) == 0 && t->n_budget_index) {
        snprintf(what, size, "indexatie_begroting");
        return series_cell(t->n_budget_index, msg, "indexation.budget");
    }
    return NULL;
}

/* A loader warning on the derived scenario ("F (init):124:11: msg") at the
 * template's cell it comes from, when there is one (else as it is, and
 * *unplaced = 1): a malloc'd string. */
static char *warning_at_template(const jz_template *t, const char *warning, const char *name, int *unplaced)
{
    size_t n = strlen(name);
    const char *msg = warning;
    if (strncmp(warning, name, n) == 0 && warning[n] == ':') {
        /* "line:col: " or, for a check over a whole gemeente, "line: " */
        const char *c = warning + n + 1 + strspn(warning + n + 1, "0123456789");
        if (*c == ':' && c[1] != ' ')
            c += 1 + strspn(c + 1, "0123456789");
        if (*c == ':' && c[1] == ' ')
            msg = c + 2;
    }
    char what[JZ_NAME_MAX + 100];
    const jz_node *at = msg != warning ? template_cell(t, msg, what, sizeof what) : NULL;
    *unplaced = !at;
    if (!at)
        return strdup(warning);
    size_t len = strlen(at->file) + strlen(msg) + strlen(what) + 64;
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%s:%d:%d: %s (%s)", at->file, at->line, at->column, msg, what);
    return s;
}

static int check_run(const jz_template *t, jz_derive_result *res, jz_error *err)
{
    char name[1100];
    snprintf(name, sizeof name, "%s (init)", t->file);
    jz_scenario *s = jz_scenario_load_string(res->yaml, res->yaml_len, name, NULL, err);
    if (!s) {
        /* the loader rejects the derived scenario: an implausible figure of
         * the template (plausibility errors), named by its zorgsoort */
        if (err->status == JZ_EINPUT) {
            char msg[JZ_ERR_MSG_MAX], what[JZ_NAME_MAX + 100];
            snprintf(msg, sizeof msg, "%s", err->message);
            const jz_node *at = template_cell(t, msg, what, sizeof what);
            /* the loader's advice, "mark it with 'plausible: false'", cannot
             * be written in the template: give one that can be followed */
            char *mark = strstr(msg, JZ_PLAUS_MARK_ADVICE);
            if (mark)
                *mark = '\0';
            if (at && mark) /* at the cell the user typed */
                jz_error_set(err, JZ_EINPUT, at->file, at->line, at->column,
                             "%s (%s); check the figure in this cell (a typo?); the template has no "
                             "mark for a figure that is meant: if it is, write a plausible one here, run jzsim init, "
                             "and put the meant figure in the scenario it writes, marked 'plausible: false'",
                             msg, what);
            else if (at)
                jz_error_set(err, JZ_EINPUT, at->file, at->line, at->column, "%s (%s)", msg, what);
            else
                jz_error_set(err, JZ_EINPUT, t->file, 0, 0,
                             "the figures give a scenario the loader rejects (line %d of the derived scenario): %s",
                             err->line, msg);
        }
        return err->status;
    }
    jz_workspace *w = jz_workspace_alloc(s);
    jz_result *r = jz_result_alloc(s);
    int rc = (w && r) ? jz_model_run(s, w, r, err)
                      : jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (rc == JZ_OK && t->n_warn + s->n_warnings > 0) {
        res->warnings = calloc((size_t)(t->n_warn + s->n_warnings), sizeof *res->warnings);
        if (!res->warnings)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        /* the template's own first (at the cells typed), then the loader's */
        for (int i = 0; rc == JZ_OK && i < t->n_warn; i++) {
            if (!(res->warnings[i] = strdup(t->warn[i])))
                rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            else
                res->n_warnings++;
        }
        for (int i = 0; rc == JZ_OK && i < s->n_warnings; i++) {
            int unplaced = 0;
            if (!(res->warnings[res->n_warnings] = warning_at_template(t, s->warnings[i], name, &unplaced)))
                rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            else {
                res->n_warnings++;
                res->n_unplaced += unplaced;
            }
        }
    }
    if (rc == JZ_OK) {
        res->checks = calloc((size_t)t->n_zs, sizeof *res->checks);
        if (!res->checks)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (rc == JZ_OK) {
        res->n_checks = t->n_zs;
        res->max_rel_diff = 0;
        for (int i = 0; i < t->n_zs; i++) {
            jz_derive_check *c = &res->checks[i];
            int z = jz_scenario_zorgsoort_index(s, t->zs[i].key);
            snprintf(c->key, sizeof c->key, "%s", t->zs[i].key);
            c->spending_given = t->zs[i].spending;
            c->unique_given = t->zs[i].unique;
            c->spending_model = r->cost[jz_result_cz(r, 0, z, 0)];
            c->unique_model = r->unique[jz_result_cz(r, 0, z, 0)];
            double d1 = fabs(c->spending_model / c->spending_given - 1);
            double d2 = fabs(c->unique_model / c->unique_given - 1);
            if (d1 > res->max_rel_diff)
                res->max_rel_diff = d1;
            if (d2 > res->max_rel_diff)
                res->max_rel_diff = d2;
        }
    }
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
    return rc;
}

int jz_derive_from_string(const char *textp, size_t len, const char *name,
                        jz_derive_result **outp, jz_error *err)
{
    jz_error_clear(err);
    *outp = NULL;
    jz_arena *a = jz_arena_alloc();
    if (!a)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    jz_load_options lo;
    jz_load_options_default(&lo);
    jz_yaml_limits lim = {lo.max_file_bytes, lo.max_nodes};
    jz_template t;
    memset(&t, 0, sizeof t);
    t.file = name;
    int rc = JZ_OK;
    /* a .csv name: the CSV form (template_csv.c), read into the same tree */
    jz_node *root = NULL;
    if (jz_csv_form_name(name))
        rc = jz_template_csv_parse(a, textp, len, name, &root, err);
    else if (!(root = jz_yaml_parse(a, textp, len, name, &lim, err)))
        rc = err->status ? err->status : JZ_EINPUT;
    if (!rc)
        rc = jz_template_read(a, root, &t, err);
    for (int i = 0; !rc && i < t.n_zs; i++)
        rc = derive_zs(&t.zs[i], err);
    jz_derive_result *res = NULL;
    jz_derive_out o = {0};
    char *buf = NULL;
    size_t blen = 0;
    if (!rc) {
        o.f = open_memstream(&buf, &blen);
        if (!o.f)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        rc = jz_derive_write(&o, &t, err);
        if (fclose(o.f) != 0 && !rc)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        if (o.oom && !rc)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        res = calloc(1, sizeof *res);
        if (!res)
            rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!rc) {
        res->yaml = buf;
        res->yaml_len = blen;
        buf = NULL;
        res->assumptions = o.ass;
        res->n_assumptions = o.n_ass;
        o.ass = NULL;
        o.n_ass = 0;
        rc = check_run(&t, res, err);
    }
    free(buf);
    assumptions_free(o.ass, o.n_ass);
    jz_arena_free(a);
    if (rc) {
        jz_derive_result_free(res);
        return rc;
    }
    *outp = res;
    return JZ_OK;
}

int jz_derive_from_file(const char *path, jz_derive_result **out, jz_error *err)
{
    jz_error_clear(err);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the template");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 > cap) {
            cap = cap ? 2 * cap : 16384;
            if (cap > (size_t)64 << 20) {
                free(buf);
                fclose(f);
                return jz_error_set(err, JZ_EINPUT, path, 0, 0, "the template is larger than 64 MiB");
            }
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            }
            buf = p;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the template");
    }
    int rc = jz_derive_from_string(buf ? buf : "", len, path, out, err);
    free(buf);
    return rc;
}
