/*
 * template.c - the template of `jzsim init` (scenarios/sjabloon/,
 * docs/eigen-gemeente.md): read and checked, every mistake located at its
 * cell (file:line:column).  Nothing is derived here (derive.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h" /* jz_edit_distance */
#include "init/derive_internal.h"
#include "jzsim/report.h" /* jz_format_number */
#include "jzsim/taakveld.h" /* jz_taakveld_index */
#include "scenario/schema.h" /* jz_key_other_language */
#include "scenario/value.h"

#define H_DEFAULT 5
#define TARIFF_DEFAULT 0.03

/* ---------- small helpers ---------- */

int jz_keys_known(const jz_node *map, const char *const *known, const char *what, const char *whose, jz_error *err)
{
    for (size_t i = 0; i < map->n; i++) {
        int ok = 0;
        for (const char *const *k = known; *k; k++)
            if (strcmp(map->keys[i]->scalar, *k) == 0)
                ok = 1;
        if (!ok) {
            char list[512] = "";
            for (const char *const *k = known; *k; k++) {
                strncat(list, *k, sizeof list - strlen(list) - 1);
                if (k[1])
                    strncat(list, ", ", sizeof list - strlen(list) - 1);
            }
            const char *pre = what ? what : "", *colon = what ? ": " : "";
            /* an English key where the file has the Dutch one: name it */
            const char *nl = jz_key_other_language(map->keys[i]->scalar);
            for (const char *const *k = known; nl && *k; k++)
                if (strcmp(nl, *k) == 0)
                    return jz_node_error(err, map->keys[i], "%s%sunknown key '%s'; did you mean '%s'? (%s "
                                         "keys are Dutch; known: %s)", pre, colon, map->keys[i]->scalar, nl, whose,
                                         list);
            return jz_node_error(err, map->keys[i], "%s%sunknown key '%s' (known: %s)", pre, colon,
                                 map->keys[i]->scalar, list);
        }
    }
    return JZ_OK;
}

static int keys_known(const jz_node *map, const char *const *known, const char *what, jz_error *err)
{
    return jz_keys_known(map, known, what, "the template's", err);
}

static int text(const jz_node *n, const char *what, char *out, size_t size, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR || !n->scalar[0])
        return jz_node_error(err, n, "%s: expected a text, got %s", what,
                             n ? jz_node_type_name(n) : "nothing");
    if (strlen(n->scalar) >= size)
        return jz_node_error(err, n, "%s: text longer than %zu characters", what, size - 1);
    snprintf(out, size, "%s", n->scalar);
    return JZ_OK;
}

static int opt_number(const jz_node *map, const char *key, jz_unit u, const char *what,
                      double *out, int *has, const jz_node **where, jz_error *err)
{
    const jz_node *n = jz_node_get(map, key);
    if (where)
        *where = n;
    *has = 0;
    /* absent, or an empty cell of the CSV form (its place kept for the
     * message that asks for it) */
    if (!n || (n->type == JZ_NODE_SCALAR && !n->scalar[0]))
        return JZ_OK;
    char w[400];
    snprintf(w, sizeof w, "%s.%s", what, key);
    int rc = jz_value_number(n, u, w, out, err);
    if (rc)
        return rc;
    *has = 1;
    return JZ_OK;
}

/* A map year -> euros, as in the begroting document. */
static int read_yearmap(const jz_node *n, const char *what, jz_yearmap *m, jz_error *err)
{
    m->n = 0;
    if (!n || n->type != JZ_NODE_MAP || n->n == 0)
        return jz_node_error(err, n, "%s: expected euros per year, e.g. {2025: 22.7M, 2026: 23.3M}, got %s",
                             what, n ? jz_node_type_name(n) : "nothing");
    if (n->n > sizeof m->year / sizeof m->year[0])
        return jz_node_error(err, n, "%s: too many years", what);
    for (size_t i = 0; i < n->n; i++) {
        char w[160];
        long y;
        snprintf(w, sizeof w, "%s: year", what);
        int rc = jz_value_int(n->keys[i], 1900, 2200, w, &y, err);
        if (rc)
            return rc;
        snprintf(w, sizeof w, "%s %ld", what, y);
        double v;
        if ((rc = jz_value_number(n->values[i], JZ_U_MONEY, w, &v, err)))
            return rc;
        m->year[m->n] = (int)y;
        m->value[m->n] = v;
        m->key[m->n] = n->keys[i];
        m->val[m->n] = n->values[i];
        m->n++;
    }
    return JZ_OK;
}

static int yearmap_max(const jz_yearmap *m)
{
    int mx = 0;
    for (int i = 0; i < m->n; i++)
        if (m->year[i] > mx)
            mx = m->year[i];
    return mx;
}

static int yearmap_check(const jz_yearmap *m, const jz_template *t, const char *what, jz_error *err)
{
    for (int i = 0; i < m->n; i++)
        if (m->year[i] < t->base_year || m->year[i] >= t->base_year + t->H)
            return jz_node_error(err, m->key[i],
                                 "%s: year %d is outside the scenario (%d-%d: basisjaar %d, horizon %d)",
                                 what, m->year[i], t->base_year, t->base_year + t->H - 1,
                                 t->base_year, t->H);
    return JZ_OK;
}

int jz_yearmap_get(const jz_yearmap *m, int year, double *v)
{
    for (int i = 0; i < m->n; i++)
        if (m->year[i] == year) {
            *v = m->value[i];
            return 1;
        }
    return 0;
}

double jz_template_budget_factor(const jz_template *t, int y)
{
    double f = 1.0;
    for (int i = 1; i <= y; i++)
        f *= 1.0 + t->bindex[i];
    return f;
}

/* A warning on the template at n's cell, kept in t->warn (derive.c hands
 * it on with the loader's warnings); past JZ_TEMPLATE_WARN_MAX the rest are
 * not kept. */
static int template_warn(jz_arena *a, jz_template *t, const jz_node *n, jz_error *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int template_warn(jz_arena *a, jz_template *t, const jz_node *n, jz_error *err, const char *fmt, ...)
{
    if (t->n_warn >= JZ_TEMPLATE_WARN_MAX)
        return JZ_OK;
    char msg[1024], line[1400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(line, sizeof line, "%s:%d:%d: %s", n && n->file ? n->file : t->file, n ? n->line : 0, n ? n->column : 0, msg);
    if (!(t->warn[t->n_warn] = jz_arena_strdup(a, line)))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    t->n_warn++;
    return JZ_OK;
}

/* The amounts of a nominal series as typed, year after year: one more than
 * twice, or less than half, the year before it is a typing mistake far more
 * often than a begroting (a digit too many or too few, one year in
 * thousands): a warning at its cell. */
static int yearmap_jumps(jz_arena *a, jz_template *t, const jz_yearmap *m, const char *what, jz_error *err)
{
    for (int i = 0; i < m->n; i++) {
        int prev = -1; /* the given year just before m->year[i] */
        for (int j = 0; j < m->n; j++)
            if (m->year[j] < m->year[i] && (prev < 0 || m->year[j] > m->year[prev]))
                prev = j;
        if (prev < 0 || !(m->value[prev] > 0) || !(m->value[i] > 0))
            continue;
        double r = m->value[i] / m->value[prev];
        if (r <= 2.0 && r >= 0.5)
            continue;
        char b1[64], b2[64];
        int rc = template_warn(a, t, m->val[i], err,
                               "%s %d: %s is %.3g times the amount of %d (%s): a digit too many or too few, "
                               "or an amount in thousands? check this cell",
                               what, m->year[i], jz_format_number(b1, sizeof b1, m->value[i], 0, JZ_LANG_NL), r,
                               m->year[prev], jz_format_number(b2, sizeof b2, m->value[prev], 0, JZ_LANG_NL));
        if (rc)
            return rc;
    }
    return JZ_OK;
}

/* The years of a series as typed run backwards somewhere (a row 'jaar'
 * typed from right to left, 2030 before 2029): each amount stands under a
 * year other than the one the begroting document gives it, unless it was
 * typed backwards too; a warning at the first such year. */
static int yearmap_order(jz_arena *a, jz_template *t, const jz_yearmap *m, const char *what, jz_error *err)
{
    for (int i = 1; i < m->n; i++)
        if (m->year[i] < m->year[i - 1])
            return template_warn(a, t, m->key[i], err,
                                 "%s: the years run backwards (%d after %d); check that every amount stands "
                                 "under its own year", what, m->year[i], m->year[i - 1]);
    return JZ_OK;
}

/* A begroting year left out between two given years (an empty cell in the
 * middle of the row): init holds the year before's amount, indexed, as for a
 * year after the last; said, because a meerjarenbegroting has every year. */
static int yearmap_gaps(jz_arena *a, jz_template *t, const jz_yearmap *m, const jz_node *row, const char *what,
                        jz_error *err)
{
    if (m->n < 2)
        return JZ_OK;
    int lo = m->year[0], hi = m->year[0];
    for (int i = 1; i < m->n; i++) {
        if (m->year[i] < lo)
            lo = m->year[i];
        if (m->year[i] > hi)
            hi = m->year[i];
    }
    int last = lo;
    double v, lastv = 0;
    for (int y = lo; y <= hi; y++) {
        if (jz_yearmap_get(m, y, &v)) {
            last = y;
            lastv = v;
            continue;
        }
        int next = y + 1;
        while (!jz_yearmap_get(m, next, &v))
            next++;
        double held = lastv / jz_template_budget_factor(t, last - t->base_year) *
                      jz_template_budget_factor(t, y - t->base_year);
        /* in a row of cells a year apart (the CSV form), the empty cell itself */
        const jz_node *a0 = NULL, *a1 = NULL;
        for (int i = 0; i < m->n; i++) {
            if (m->year[i] == last)
                a0 = m->val[i];
            if (m->year[i] == next)
                a1 = m->val[i];
        }
        jz_node cell = row ? *row : (jz_node){0};
        if (a0 && a1 && a0->line == a1->line && a1->column - a0->column == next - last) {
            cell = *a0;
            cell.column = a0->column + (y - last);
        }
        char b1[64];
        int rc = template_warn(a, t, row ? &cell : NULL, err,
                               "%s: no amount for %d, between %d and %d; init takes the amount of %d, indexed with "
                               "indexatie_begroting (%s); if the begroting has one for %d, write it",
                               what, y, last, next, last, jz_format_number(b1, sizeof b1, held, 0, JZ_LANG_NL), y);
        if (rc)
            return rc;
    }
    return JZ_OK;
}

/* ---------- reading the template ---------- */

/* A count of clients or trajectories from the jaarrekening is whole: 1.65
 * is '1,650' typed with an English thousands comma in the ';' form, where the
 * comma is the decimal mark (Amersfoort walk-through): refused at its cell,
 * not taken as 1.65 clients. */
static int whole_count(const jz_node *n, double v, const char *what, const char *key, jz_error *err)
{
    if (fabs(v - round(v)) < 1e-9)
        return JZ_OK;
    char b[64];
    return jz_node_error(err, n, "%s.%s: %g is not a whole number; a thousands separator read as a decimal mark? "
                         "In the CSV form with ';' the comma is the decimal mark: write %.0f or %s",
                         what, key, v, round(v * 1000), jz_format_number(b, sizeof b, round(v * 1000), 0, JZ_LANG_NL));
}

static const char *const top_keys[] = {"gemeente", "inwoners", "jeugd_0_17", "jeugd_groei", "basisjaar",
                                       "horizon", "indexatie", "zorgsoorten", "begroting",
                                       "rijksbijdrage", "vaste_lasten", "source", NULL};
static const char *const zs_keys[] = {"key", "zoals", "naam", "taakveld", "fasen", "uitgaven", "unieke_clienten",
                                      "starts", "eindes", "in_zorg_1_januari", "zorgduur",
                                      "begroting", "source", NULL};
static const char *const fixed_keys[] = {"naam", "bedrag", "indexatie", "begroting", "taakveld", "source", NULL};

/* The optional key taakveld of map n (a zorgsoort or a vaste last) into
 * dst: an Iv3 taakveld of the jeugdzorg (jz_taakveld_codes), or left as it
 * is when absent. */
static int read_taakveld(const jz_node *n, const char *what, char *dst, size_t size, jz_error *err)
{
    const jz_node *tv = jz_node_get(n, "taakveld");
    if (!tv)
        return JZ_OK;
    int rc = text(tv, what, dst, size, err);
    if (rc)
        return rc;
    if (jz_taakveld_index(dst) >= 0)
        return JZ_OK;
    char list[128] = ""; /* "6.1, 6.71, ... or 6.82", from the one list of codes */
    for (int i = 0; i < JZ_TAAKVELD_N; i++) {
        size_t l = strlen(list);
        snprintf(list + l, sizeof list - l, "%s%s", i == 0 ? "" : i < JZ_TAAKVELD_N - 1 ? ", " : " or ",
                 jz_taakveld_codes[i]);
    }
    return jz_node_error(err, tv, "%s: taakveld '%s' is not an Iv3 taakveld of the jeugdzorg (%s)", what, dst,
                         list);
}

static int read_zs(const jz_node *n, int i, jz_template_row *z, jz_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "zorgsoorten[%d]", i + 1);
    if (!n || n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s: expected a map with key, uitgaven and unieke_clienten, got %s",
                             what, jz_node_type_name(n));
    int rc = keys_known(n, zs_keys, what, err);
    if (rc)
        return rc;
    z->node = n;
    const jz_node *k = jz_node_get(n, "key");
    if (!k)
        return jz_node_error(err, n, "%s: missing required key 'key' (e.g. key: ambulant)", what);
    if ((rc = text(k, what, z->key, sizeof z->key, err)))
        return rc;
    for (const char *c = z->key; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return jz_node_error(err, k, "%s: key '%s' may only hold a-z, 0-9 and _", what, z->key);
    snprintf(what, sizeof what, "zorgsoort %s", z->key);
    int nref;
    const jz_derive_reference *ref = jz_derive_reference_table(&nref);
    for (int r = 0; r < nref; r++)
        if (strcmp(ref[r].key, z->key) == 0)
            z->ref = &ref[r];
    /* a product group or taakveld of its own takes the defaults of a
     * zorgsoort of the reference table: zoals: ambulant */
    const jz_node *like = jz_node_get(n, "zoals");
    if (like) {
        char lk[JZ_KEY_MAX];
        if ((rc = text(like, what, lk, sizeof lk, err)))
            return rc;
        z->ref = NULL;
        for (int r = 0; r < nref; r++)
            if (strcmp(ref[r].key, lk) == 0)
                z->ref = &ref[r];
        if (!z->ref)
            return jz_node_error(err, like, "%s: zoals '%s' is not a zorgsoort of the reference table "
                                 "(wijkteam, ambulant, daghulp, pleegzorg, gezinshuis, residentieel, "
                                 "jeugdzorgplus, crisis, jeugdbescherming, jeugdreclassering, "
                                 "verlengde_jeugdzorg)", what, lk);
    } else if (!z->ref) {
        /* a name one or two letters from one in the table is a typing
         * mistake far more often than a zorgsoort of its own; taken as
         * given it would silently lose the table's zorgduur, fasen, name
         * and taakveld.  A zorgsoort of its own with such a name says so
         * with zoals. */
        for (int r = 0; r < nref; r++)
            if (jz_edit_distance(z->key, ref[r].key) <= 2)
                return jz_node_error(err, k, "%s is not in the reference table (docs/eigen-gemeente.md); did you "
                                     "mean '%s'? For a zorgsoort of your own with this name, add zoals: %s",
                                     what, ref[r].key, ref[r].key);
    }
    const jz_node *nm = jz_node_get(n, "naam");
    if (nm) {
        if ((rc = text(nm, what, z->name, sizeof z->name, err)))
            return rc;
    } else if (z->ref)
        snprintf(z->name, sizeof z->name, "%s", z->ref->name);
    else
        snprintf(z->name, sizeof z->name, "%s", z->key);
    if (jz_node_get(n, "taakveld")) {
        if ((rc = read_taakveld(n, what, z->taakveld, sizeof z->taakveld, err)))
            return rc;
    } else if (z->ref)
        snprintf(z->taakveld, sizeof z->taakveld, "%s", z->ref->taakveld);
    const jz_node *fs = jz_node_get(n, "fasen");
    if (fs) {
        long v;
        char w[200];
        snprintf(w, sizeof w, "%s.fasen", what);
        if ((rc = jz_value_int(fs, 1, JZ_STAGES_MAX, w, &v, err)))
            return rc;
        z->stages = (int)v;
        z->has_stages = 1;
    } else
        z->stages = z->ref ? z->ref->stages : 1;
    int has;
    if ((rc = opt_number(n, "uitgaven", JZ_U_MONEY, what, &z->spending, &has, &z->n_spending, err)))
        return rc;
    if (!has)
        return jz_node_error(err, z->n_spending ? z->n_spending : n,
                             "%s: missing required key 'uitgaven' (realised spending of the basisjaar, e.g. uitgaven: 9.8M)", what);
    if ((rc = opt_number(n, "unieke_clienten", JZ_U_COUNT, what, &z->unique, &has, &z->n_unique, err)))
        return rc;
    if (!has)
        return jz_node_error(err, z->n_unique ? z->n_unique : n, "%s: missing required key 'unieke_clienten' (unique clients of the basisjaar, "
                             "e.g. unieke_clienten: 1200; spending that does not follow clients, such as vervoer, a "
                             "subsidie or the LTA, is a vaste_last instead of a zorgsoort)", what);
    if ((rc = opt_number(n, "starts", JZ_U_COUNT, what, &z->starts, &z->has_starts, &z->n_starts, err)) ||
        (rc = opt_number(n, "eindes", JZ_U_COUNT, what, &z->ends, &z->has_ends, &z->n_ends, err)) ||
        (rc = opt_number(n, "in_zorg_1_januari", JZ_U_COUNT, what, &z->start, &z->has_start, &z->n_start, err)) ||
        (rc = opt_number(n, "zorgduur", JZ_U_MONTHS, what, &z->dur, &z->has_dur, &z->n_dur, err)))
        return rc;
    if ((rc = whole_count(z->n_unique, z->unique, what, "unieke_clienten", err)) ||
        (z->has_starts && (rc = whole_count(z->n_starts, z->starts, what, "starts", err))) ||
        (z->has_ends && (rc = whole_count(z->n_ends, z->ends, what, "eindes", err))) ||
        (z->has_start && (rc = whole_count(z->n_start, z->start, what, "in_zorg_1_januari", err))))
        return rc;
    z->n_begroting = jz_node_get(n, "begroting");
    if (z->n_begroting) {
        char w[200];
        snprintf(w, sizeof w, "%s.begroting", what);
        if ((rc = read_yearmap(z->n_begroting, w, &z->begroting, err)))
            return rc;
        z->has_begroting = 1;
    }
    return JZ_OK;
}

static int read_fixed(const jz_node *n, int i, jz_template_fixed *f, jz_error *err)
{
    char what[160];
    snprintf(what, sizeof what, "vaste_lasten[%d]", i + 1);
    if (!n || n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s: expected a map with naam and bedrag, got %s", what,
                             jz_node_type_name(n));
    int rc = keys_known(n, fixed_keys, what, err);
    if (rc)
        return rc;
    const jz_node *nm = jz_node_get(n, "naam");
    if (!nm)
        return jz_node_error(err, n, "%s: missing required key 'naam'", what);
    if ((rc = text(nm, what, f->name, sizeof f->name, err)))
        return rc;
    int has;
    if ((rc = opt_number(n, "bedrag", JZ_U_MONEY, what, &f->amount, &has, &f->n_amount, err)))
        return rc;
    if (!has)
        return jz_node_error(err, n, "%s: missing required key 'bedrag' (euros in the basisjaar)", what);
    f->n_index = jz_node_get(n, "indexatie");
    if ((rc = read_taakveld(n, what, f->taakveld, sizeof f->taakveld, err)))
        return rc;
    const jz_node *b = jz_node_get(n, "begroting");
    if (b) {
        char w[200];
        snprintf(w, sizeof w, "%s.begroting", what);
        if ((rc = read_yearmap(b, w, &f->begroting, err)))
            return rc;
        f->has_begroting = 1;
    }
    return JZ_OK;
}

int jz_template_read(jz_arena *a, const jz_node *root, jz_template *t, jz_error *err)
{
    if (!root || root->type != JZ_NODE_MAP || root->n == 0)
        return jz_error_set(err, JZ_EINPUT, t->file, 1, 1,
                            "the template is empty: start from scenarios/sjabloon/leeg.yml");
    int rc = keys_known(root, top_keys, "template", err);
    if (rc)
        return rc;
    const jz_node *g = jz_node_get(root, "gemeente");
    if (!g)
        return jz_node_error(err, root, "missing required key 'gemeente' ({code: GM0000, naam: ...})");
    if (g->type != JZ_NODE_MAP)
        return jz_node_error(err, g, "gemeente: expected {code: GM...., naam: ...}, got %s", jz_node_type_name(g));
    static const char *const gkeys[] = {"code", "naam", NULL};
    if ((rc = keys_known(g, gkeys, "gemeente", err)))
        return rc;
    const jz_node *c = jz_node_get(g, "code");
    if (!c)
        return jz_node_error(err, g, "gemeente: missing required key 'code' (CBS code, e.g. GM0153)");
    if ((rc = text(c, "gemeente.code", t->code, sizeof t->code, err)))
        return rc;
    if (strlen(t->code) != 6 || strncmp(t->code, "GM", 2) != 0 ||
        strspn(t->code + 2, "0123456789") != 4)
        return jz_node_error(err, c, "gemeente.code: expected a CBS code GM followed by four digits, got '%s'", t->code);
    const jz_node *nm = jz_node_get(g, "naam");
    if (!nm)
        return jz_node_error(err, g, "gemeente: missing required key 'naam'");
    if ((rc = text(nm, "gemeente.naam", t->name, sizeof t->name, err)))
        return rc;
    if ((rc = opt_number(root, "inwoners", JZ_U_COUNT, "template", &t->inwoners, &t->has_inwoners, NULL, err)) ||
        (rc = opt_number(root, "jeugd_0_17", JZ_U_COUNT, "template", &t->youth, &t->has_youth, NULL, err)) ||
        (rc = opt_number(root, "jeugd_groei", JZ_U_RATE, "template", &t->youth_growth, &t->has_youth_growth, &t->n_youth_growth, err)))
        return rc;
    const jz_node *by = jz_node_get(root, "basisjaar");
    if (!by)
        return jz_node_error(err, root, "missing required key 'basisjaar' (the last jaarrekening year, e.g. basisjaar: 2024)");
    long v;
    if ((rc = jz_value_int(by, 1990, 2100, "basisjaar", &v, err)))
        return rc;
    t->base_year = (int)v;
    const jz_node *hz = jz_node_get(root, "horizon");
    if (hz) {
        if ((rc = jz_value_int(hz, 1, JZ_HORIZON_MAX, "horizon", &v, err)))
            return rc;
        t->H = (int)v;
        t->has_horizon = 1;
    }
    const jz_node *ix = jz_node_get(root, "indexatie");
    if (ix) {
        static const char *const ikeys[] = {"tarief", "begroting", "source", NULL};
        if (ix->type != JZ_NODE_MAP)
            return jz_node_error(err, ix, "indexatie: expected {tarief: ..., begroting: ...}, got %s", jz_node_type_name(ix));
        if ((rc = keys_known(ix, ikeys, "indexatie", err)))
            return rc;
        t->n_tariff = jz_node_get(ix, "tarief");
        t->n_budget_index = jz_node_get(ix, "begroting");
    }
    const jz_node *zl = jz_node_get(root, "zorgsoorten");
    if (!zl)
        return jz_node_error(err, root, "missing required key 'zorgsoorten' (a list with key, uitgaven and unieke_clienten)");
    if (zl->type != JZ_NODE_SEQ || zl->n == 0)
        return jz_node_error(err, zl, "zorgsoorten: expected a list of zorgsoorten, got %s", jz_node_type_name(zl));
    t->n_zs = (int)zl->n;
    t->zs = jz_arena_malloc(a, zl->n * sizeof *t->zs);
    if (!t->zs)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int i = 0; i < t->n_zs; i++) {
        if ((rc = read_zs(zl->values[i], i, &t->zs[i], err)))
            return rc;
        for (int j = 0; j < i; j++)
            if (strcmp(t->zs[j].key, t->zs[i].key) == 0)
                return jz_node_error(err, jz_node_get(zl->values[i], "key"),
                                     "zorgsoort %s: given twice (also at line %d)", t->zs[i].key,
                                     t->zs[j].node->line);
    }
    t->n_begroting = jz_node_get(root, "begroting");
    if (t->n_begroting) {
        if ((rc = read_yearmap(t->n_begroting, "begroting", &t->begroting, err)))
            return rc;
        t->has_begroting = 1;
    }
    const jz_node *rb = jz_node_get(root, "rijksbijdrage");
    if (rb) {
        if ((rc = read_yearmap(rb, "rijksbijdrage", &t->rijks, err)))
            return rc;
        t->has_rijks = 1;
    }
    const jz_node *fl = jz_node_get(root, "vaste_lasten");
    if (fl) {
        if (fl->type != JZ_NODE_SEQ)
            return jz_node_error(err, fl, "vaste_lasten: expected a list, got %s", jz_node_type_name(fl));
        t->n_fixed = (int)fl->n;
        t->fixed = jz_arena_malloc(a, (fl->n ? fl->n : 1) * sizeof *t->fixed);
        if (!t->fixed)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (int i = 0; i < t->n_fixed; i++)
            if ((rc = read_fixed(fl->values[i], i, &t->fixed[i], err)))
                return rc;
    }
    /* the horizon: given, or through the last year of the begroting */
    if (!t->has_horizon) {
        int last = t->base_year + H_DEFAULT - 1;
        int m = yearmap_max(&t->begroting);
        if (m > last)
            last = m;
        if ((m = yearmap_max(&t->rijks)) > last)
            last = m;
        for (int i = 0; i < t->n_zs; i++)
            if ((m = yearmap_max(&t->zs[i].begroting)) > last)
                last = m;
        t->H = last - t->base_year + 1;
        if (t->H > JZ_HORIZON_MAX)
            t->H = JZ_HORIZON_MAX;
    }
    if ((rc = yearmap_check(&t->begroting, t, "begroting", err)) ||
        (rc = yearmap_check(&t->rijks, t, "rijksbijdrage", err)))
        return rc;
    for (int i = 0; i < t->n_zs; i++) {
        char w[160];
        snprintf(w, sizeof w, "zorgsoort %s: begroting", t->zs[i].key);
        if ((rc = yearmap_check(&t->zs[i].begroting, t, w, err)))
            return rc;
        if (t->zs[i].has_begroting && t->has_begroting)
            return jz_node_error(err, t->zs[i].n_begroting,
                                 "zorgsoort %s: a begroting per zorgsoort and a total begroting (line %d) "
                                 "contradict each other: give one of the two",
                                 t->zs[i].key, t->n_begroting->line);
    }
    for (int i = 0; i < t->n_fixed; i++) {
        char w[200];
        snprintf(w, sizeof w, "vaste_lasten %s: begroting", t->fixed[i].name);
        if ((rc = yearmap_check(&t->fixed[i].begroting, t, w, err)))
            return rc;
    }
    /* indexation series */
    for (int y = 0; y < t->H; y++)
        t->tariff[y] = TARIFF_DEFAULT;
    if (t->n_tariff &&
        (rc = jz_value_series(NULL, t->n_tariff, JZ_U_RATE, "indexatie.tarief", t->base_year, t->H, t->tariff, err)))
        return rc;
    for (int y = 0; y < t->H; y++)
        t->bindex[y] = t->tariff[y];
    if (t->n_budget_index &&
        (rc = jz_value_series(NULL, t->n_budget_index, JZ_U_RATE, "indexatie.begroting", t->base_year, t->H, t->bindex, err)))
        return rc;
    /* what the figures typed say that no single cell does */
    if ((rc = yearmap_order(a, t, &t->begroting, "begroting", err)) ||
        (rc = yearmap_order(a, t, &t->rijks, "rijksbijdrage", err)) ||
        (rc = yearmap_gaps(a, t, &t->begroting, t->n_begroting, "begroting", err)) ||
        (rc = yearmap_jumps(a, t, &t->begroting, "begroting", err)) ||
        (rc = yearmap_jumps(a, t, &t->rijks, "rijksbijdrage", err)))
        return rc;
    for (int i = 0; i < t->n_zs; i++) {
        char w[160];
        snprintf(w, sizeof w, "zorgsoort %s: begroting", t->zs[i].key);
        if ((rc = yearmap_gaps(a, t, &t->zs[i].begroting, t->zs[i].n_begroting, w, err)) ||
            (rc = yearmap_jumps(a, t, &t->zs[i].begroting, w, err)))
            return rc;
    }
    for (int i = 0; i < t->n_fixed; i++) {
        char w[200];
        snprintf(w, sizeof w, "vaste_last %s: begroting", t->fixed[i].name);
        if ((rc = yearmap_jumps(a, t, &t->fixed[i].begroting, w, err)))
            return rc;
    }
    return JZ_OK;
}
