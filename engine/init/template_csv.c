/*
 * template_csv.c - the template of `jzsim init` as a CSV form, for a
 * controller who fills it in Excel (scenarios/sjabloon/leeg.csv,
 * voorbeeld.csv; docs/eigen-gemeente.md).
 *
 * The form is read with the history reader's CSV records (';', ',' or tab;
 * quotes; engine/history/csv.c) and its Dutch numbers ("9.600.000", "24,1M",
 * "-0,5%"; engine/history/cells.c), and turned into the same node tree as
 * the YAML template, each node located at its cell (file:row:column, the
 * column counted as in the spreadsheet: A = 1).  jz_template_read then
 * checks it exactly as it checks the YAML, so both forms give the same
 * scenario and the same messages.
 *
 * Layout, rows in any order, '#' starts a comment row:
 *   gemeente;GM9998;Voorbeeldrecht
 *   inwoners;88000            (also jeugd_0_17, jeugd_groei, basisjaar, horizon)
 *   jaar;;2024;2025;...       the years of the per-year rows below, from column C
 *   begroting;;24,1M;...      (also rijksbijdrage, indexatie_tarief, indexatie_begroting)
 *   vaste_last;<naam>;<bedrag>;<indexatie>;<taakveld>
 *   vaste_last_begroting;<naam>;<per jaar, from column C>
 *   zorgsoort;uitgaven;unieke_clienten;...   the header of the zorgsoorten table,
 *   ambulant;9,6M;1450;...                   then one row per zorgsoort until an empty row
 *
 * The realised months of `jzsim prognose` have a form of their own
 * (jz_realisatie_csv_parse, below; scenarios/sjabloon/realisatie-voorbeeld.csv),
 * read into the tree of the YAML realisation:
 *   jaar;2025
 *   maanden;6
 *   uitgaven;jan;feb;mrt;apr;mei;jun    the header of the spending table (the
 *   ambulant;841.000;856.000;...        month labels are not read), then one row
 *                                       per zorgsoort, months from column B, until
 *                                       an empty row
 *   clienten;jan;feb;...                the same for the clients in care at the
 *   ambulant;812;818;...                end of each month (optional)
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "history/internal.h"
#include "init/derive_internal.h"
#include "scenario/value.h" /* jz_value_euro_after */

#define MAX_ROWS 4096

typedef struct row {
    int line, n;
    char **f;
} row;

typedef struct form {
    jz_arena *a;
    const char *file;
    int n;
    row *rows;
} form;

static int keep_row(void *ctx, int line, int n, char *const *field, const int *col)
{
    (void)col;
    form *fm = ctx;
    if (fm->n == MAX_ROWS)
        return JZ_EINPUT;
    row *r = &fm->rows[fm->n++];
    r->line = line;
    r->n = n;
    if (!(r->f = jz_arena_malloc(fm->a, (size_t)(n ? n : 1) * sizeof *r->f)))
        return JZ_ENOMEM;
    for (int i = 0; i < n; i++) {
        /* trimmed: Excel pads nothing, but a hand-written form may */
        const char *s = field[i], *e = s + strlen(s);
        while (*s && isspace((unsigned char)*s))
            s++;
        while (e > s && isspace((unsigned char)e[-1]))
            e--;
        if (!(r->f[i] = jz_arena_memdup(fm->a, s, (size_t)(e - s))))
            return JZ_ENOMEM;
    }
    return JZ_OK;
}

static int blank(const row *r)
{
    for (int i = 0; i < r->n; i++)
        if (r->f[i][0])
            return 0;
    return 1;
}

/* A row with nothing to read: blank, or a comment ('#' in column A). */
static int skipped(const row *r)
{
    return blank(r) || r->f[0][0] == '#';
}

static jz_node *node(form *fm, jz_node_type t, int line, int col)
{
    jz_node *n = jz_arena_malloc(fm->a, sizeof *n);
    if (n) {
        n->type = t;
        n->file = fm->file;
        n->line = line;
        n->column = col;
    }
    return n;
}

static jz_node *scalar(form *fm, const char *text, int line, int col)
{
    jz_node *n = node(fm, JZ_NODE_SCALAR, line, col);
    if (n && !(n->scalar = jz_arena_strdup(fm->a, text)))
        return NULL;
    return n;
}

/* A number as the controller wrote it ("9.600.000", "24,1M", "-0,5%", "3,94%")
 * as the YAML template would have it ("9600000", "24.1M", "-0.5%"): the
 * digits read by the history reader's number parser (decimal comma when the
 * separator is ';' or tab), the unit suffix kept.  Anything else is kept as
 * written, and the template reader says what is wrong with it. */
static jz_node *number(form *fm, const char *text, int comma, int line, int col)
{
    static const char *const suffix[] = {"%", "mln", "M", "m", "k", "K", NULL};
    char num[128], out[160];
    snprintf(num, sizeof num, "%s", text);
    const char *suf = "";
    size_t len = strlen(num);
    /* "9.600.000 €", the sign after the amount as some regional settings of
     * Excel write it: read as "€ 9600000", so that a euro amount where no
     * amount belongs is still refused */
    size_t amount = jz_value_euro_after(num, len);
    int euro = amount != len;
    len = amount;
    num[len] = '\0';
    /* "9.800.000,-", the Dutch way of writing whole euros, in the ';' form
     * where the comma is the decimal mark: the amount (Amersfoort
     * walk-through; the reader's advice "write decimals with a point" does
     * not fit a form that takes decimal commas) */
    if (comma && len > 2 && strcmp(num + len - 2, ",-") == 0 && num[len - 3] >= '0' && num[len - 3] <= '9')
        num[len -= 2] = '\0';
    for (const char *const *s = suffix; *s; s++) {
        size_t k = strlen(*s);
        if (len > k && strcmp(num + len - k, *s) == 0) {
            suf = *s;
            num[len - k] = '\0';
            break;
        }
    }
    double v;
    const char *why;
    if (!strchr(num, ':') && hist_parse_number(num, comma, &v, &why) == NUM_OK) {
        snprintf(out, sizeof out, "%s%.15g%s", euro ? "\xe2\x82\xac " : "", v, strcmp(suf, "mln") == 0 ? "M" : suf);
        return scalar(fm, out, line, col);
    }
    return scalar(fm, text, line, col);
}

/* Map helpers: a map grows into room for `cap` pairs. */
static jz_node *map(form *fm, int line, int col, size_t cap)
{
    jz_node *m = node(fm, JZ_NODE_MAP, line, col);
    if (m) {
        m->keys = jz_arena_malloc(fm->a, (cap ? cap : 1) * sizeof *m->keys);
        m->values = jz_arena_malloc(fm->a, (cap ? cap : 1) * sizeof *m->values);
        if (!m->keys || !m->values)
            return NULL;
    }
    return m;
}

static jz_node *seq(form *fm, int line, int col, size_t cap)
{
    jz_node *s = map(fm, line, col, cap);
    if (s)
        s->type = JZ_NODE_SEQ;
    return s;
}

/* Add key -> v to m; a key given twice is an error at its second row. */
static int put(form *fm, jz_node *m, const char *key, jz_node *v, int line, int col, jz_error *err)
{
    if (!v)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->keys[i]->scalar, key) == 0)
            return jz_error_set(err, JZ_EINPUT, fm->file, line, col, "'%s' given twice (also in row %d)", key,
                                m->keys[i]->line);
    jz_node *k = scalar(fm, key, line, col);
    if (!k)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    m->keys[m->n] = k;
    m->values[m->n++] = v;
    return JZ_OK;
}

/* The per-year cells of row r from column C, with the years of the jaar row. */
static int yearmap(form *fm, const row *r, const row *years, int comma, jz_node **out, jz_error *err)
{
    if (!years)
        return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1,
                            "%s: give the years first, in a row 'jaar' with the years from column C", r->f[0]);
    jz_node *m = map(fm, r->line, 3, (size_t)r->n);
    if (!m)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int i = 2; i < r->n; i++) {
        if (!r->f[i][0])
            continue;
        if (i >= years->n || !years->f[i][0])
            return jz_error_set(err, JZ_EINPUT, fm->file, r->line, i + 1,
                                "%s: a value in column %d, where the row 'jaar' (row %d) has no year", r->f[0],
                                i + 1, years->line);
        jz_node *k = scalar(fm, years->f[i], years->line, i + 1), *v = number(fm, r->f[i], comma, r->line, i + 1);
        if (!k || !v)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        m->keys[m->n] = k;
        m->values[m->n++] = v;
    }
    if (m->n == 0)
        return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 3, "%s: no amounts (from column C, one per year)",
                            r->f[0]);
    *out = m;
    return JZ_OK;
}

static const char *const scalars[] = {"inwoners", "jeugd_0_17", "jeugd_groei", "basisjaar", "horizon", NULL};
static const char *const series_rows[] = {"begroting", "rijksbijdrage", NULL};

static int is_one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

/* A taakveld written with the decimal comma of a ';' form, "6,72" (Dutch
 * Excel turns 6.72 into that), as the scenario writes it, "6.72": digits, one
 * comma, one or two digits.  Anything else stays as written for the loader
 * to judge ("6,7,2", or a ',' form's quoted "6,72", where the comma is not
 * the file's decimal mark). */
static void taakveld_point(char *t)
{
    size_t a = strspn(t, "0123456789");
    if (a == 0 || t[a] != ',')
        return;
    size_t b = strspn(t + a + 1, "0123456789");
    if ((b == 1 || b == 2) && t[a + 1 + b] == '\0')
        t[a] = '.';
}

/* The zorgsoorten table: header row h, then rows until an empty one. */
static int zs_table(form *fm, int h, int comma, jz_node *list, int *next, jz_error *err)
{
    static const char *const cols[] = {"zorgsoort", "key", "zoals", "naam", "taakveld", "fasen", "uitgaven",
                                       "unieke_clienten", "starts", "eindes", "in_zorg_1_januari", "zorgduur", NULL};
    static const char *const texts[] = {"zorgsoort", "key", "zoals", "naam", "taakveld", NULL};
    const row *hd = &fm->rows[h];
    for (int c = 0; c < hd->n; c++)
        if (hd->f[c][0] && !is_one_of(hd->f[c], cols))
            return jz_error_set(err, JZ_EINPUT, fm->file, hd->line, c + 1,
                                "zorgsoorten table: unknown column '%s' (known: zorgsoort, naam, taakveld, zoals, "
                                "fasen, uitgaven, unieke_clienten, starts, eindes, in_zorg_1_januari, zorgduur)",
                                hd->f[c]);
    int i = h + 1;
    for (; i < fm->n && !blank(&fm->rows[i]); i++) {
        const row *r = &fm->rows[i];
        if (skipped(r))
            continue;
        jz_node *z = map(fm, r->line, 1, (size_t)hd->n);
        if (!z)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        for (int c = 0; c < r->n || c < hd->n; c++) {
            if (c >= r->n || !r->f[c][0]) {
                /* an empty cell of a required column: an empty value at that
                 * cell, which the template reads as not given, so that
                 * "missing required key" names the cell to fill, not the row */
                if (c < hd->n && (strcmp(hd->f[c], "uitgaven") == 0 || strcmp(hd->f[c], "unieke_clienten") == 0)) {
                    int rc = put(fm, z, hd->f[c], scalar(fm, "", r->line, c + 1), r->line, c + 1, err);
                    if (rc)
                        return rc;
                }
                continue;
            }
            if (c >= hd->n || !hd->f[c][0])
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, c + 1,
                                    "a value in column %d, which has no heading in row %d", c + 1, hd->line);
            const char *key = strcmp(hd->f[c], "zorgsoort") == 0 ? "key" : hd->f[c];
            if (comma && strcmp(key, "taakveld") == 0)
                taakveld_point(r->f[c]);
            jz_node *v = is_one_of(hd->f[c], texts) ? scalar(fm, r->f[c], r->line, c + 1)
                                                    : number(fm, r->f[c], comma, r->line, c + 1);
            int rc = put(fm, z, key, v, r->line, c + 1, err);
            if (rc)
                return rc;
        }
        list->values[list->n++] = z;
    }
    *next = i;
    return JZ_OK;
}

/* The tree of the form, shaped as the YAML template. */
static int build(form *fm, int comma, jz_node **out, jz_error *err)
{
    size_t cap = (size_t)fm->n + 16;
    jz_node *root = map(fm, 1, 1, cap), *zs = NULL, *fixed = NULL, *ix = NULL;
    const row *years = NULL;
    if (!root)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int rc = JZ_OK;
    for (int i = 0; i < fm->n && !rc; i++) {
        const row *r = &fm->rows[i];
        if (skipped(r))
            continue;
        const char *k = r->f[0];
        if (strcmp(k, "gemeente") == 0) {
            jz_node *g = map(fm, r->line, 1, 2);
            if (!g)
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            if (r->n > 1 && r->f[1][0])
                rc = put(fm, g, "code", scalar(fm, r->f[1], r->line, 2), r->line, 2, err);
            if (!rc && r->n > 2 && r->f[2][0])
                rc = put(fm, g, "naam", scalar(fm, r->f[2], r->line, 3), r->line, 3, err);
            if (!rc)
                rc = put(fm, root, "gemeente", g, r->line, 1, err);
        } else if (is_one_of(k, scalars)) {
            if (r->n < 2 || !r->f[1][0])
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 2, "%s: the value goes in column B", k);
            rc = put(fm, root, k, number(fm, r->f[1], comma, r->line, 2), r->line, 1, err);
        } else if (strcmp(k, "jaar") == 0) {
            if (years)
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1, "jaar: given twice (also in row %d)",
                                    years->line);
            years = r;
        } else if (is_one_of(k, series_rows)) {
            jz_node *m = NULL;
            if (!(rc = yearmap(fm, r, years, comma, &m, err)))
                rc = put(fm, root, k, m, r->line, 1, err);
        } else if (strcmp(k, "indexatie_tarief") == 0 || strcmp(k, "indexatie_begroting") == 0) {
            jz_node *m = NULL;
            if (!ix && !(ix = map(fm, r->line, 1, 2)))
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            if (!ix->n && (rc = put(fm, root, "indexatie", ix, r->line, 1, err)))
                return rc;
            if (!(rc = yearmap(fm, r, years, comma, &m, err)))
                rc = put(fm, ix, k + strlen("indexatie_"), m, r->line, 1, err);
        } else if (strcmp(k, "vaste_last") == 0) {
            if (!fixed && (!(fixed = seq(fm, r->line, 1, cap)) || (rc = put(fm, root, "vaste_lasten", fixed, r->line, 1, err))))
                return rc ? rc : jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            jz_node *f = map(fm, r->line, 1, 4);
            if (!f)
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            static const char *const fk[] = {NULL, "naam", "bedrag", "indexatie", "taakveld"};
            for (int c = 1; c < r->n && c < 5 && !rc; c++) {
                if (!r->f[c][0])
                    continue;
                if (c == 4 && comma)
                    taakveld_point(r->f[c]);
                rc = put(fm, f, fk[c], c == 1 || c == 4 ? scalar(fm, r->f[c], r->line, c + 1)
                                                        : number(fm, r->f[c], comma, r->line, c + 1),
                         r->line, c + 1, err);
            }
            if (!rc && r->n > 5)
                for (int c = 5; c < r->n; c++)
                    if (r->f[c][0])
                        return jz_error_set(err, JZ_EINPUT, fm->file, r->line, c + 1,
                                            "vaste_last: naam, bedrag, indexatie and taakveld go in columns B-E; "
                                            "its begroting per year in a row 'vaste_last_begroting'");
            fixed->values[fixed->n++] = f;
        } else if (strcmp(k, "vaste_last_begroting") == 0) {
            const char *name = r->n > 1 ? r->f[1] : "";
            jz_node *f = NULL;
            for (size_t j = 0; fixed && j < fixed->n; j++) {
                const jz_node *nm = jz_node_get(fixed->values[j], "naam");
                if (nm && strcmp(nm->scalar, name) == 0)
                    f = fixed->values[j];
            }
            if (!f)
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 2,
                                    "vaste_last_begroting: no row 'vaste_last' above with the name '%s'", name);
            jz_node *m = NULL;
            if (!(rc = yearmap(fm, r, years, comma, &m, err)))
                rc = put(fm, f, "begroting", m, r->line, 1, err);
        } else if (strcmp(k, "zorgsoort") == 0) {
            if (zs)
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1,
                                    "a second zorgsoorten table (the first starts in row %d)", zs->line);
            if (!(zs = seq(fm, r->line, 1, cap)))
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            int next = i + 1;
            if ((rc = zs_table(fm, i, comma, zs, &next, err)) || (rc = put(fm, root, "zorgsoorten", zs, r->line, 1, err)))
                return rc;
            i = next - 1;
        } else {
            return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1,
                                "unknown row '%s' (known: gemeente, inwoners, jeugd_0_17, jeugd_groei, basisjaar, "
                                "horizon, jaar, begroting, rijksbijdrage, indexatie_tarief, indexatie_begroting, "
                                "vaste_last, vaste_last_begroting, zorgsoort)", k);
        }
    }
    *out = root;
    return rc;
}

int jz_csv_form_name(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".csv") == 0;
}

/* A form (the template's or the realisation's): its rows read, then the tree
 * that build_tree makes of them; comma tells build_tree whether the numbers
 * have decimal commas (Dutch Excel writes ';' and decimal commas, English ','
 * and points). */
typedef int (*form_builder)(form *fm, int comma, jz_node **out, jz_error *err);

static int parse_form(jz_arena *a, const char *text, size_t len, const char *name, form_builder build_tree,
                      jz_node **root, jz_error *err)
{
    form fm = {a, jz_arena_strdup(a, name), 0, jz_arena_malloc(a, MAX_ROWS * sizeof(row))};
    if (!fm.file || !fm.rows)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    char sep;
    int rc = hist_csv_each(text, len, name, &sep, keep_row, &fm, err);
    if (rc == JZ_EINPUT && !err->message[0])
        return jz_error_set(err, JZ_EINPUT, name, MAX_ROWS, 1, "more than %d rows", MAX_ROWS);
    if (rc)
        return err->message[0] ? rc : jz_error_set(err, rc, NULL, 0, 0, "out of memory");
    return build_tree(&fm, sep != ',', root, err);
}

int jz_template_csv_parse(jz_arena *a, const char *text, size_t len, const char *name, jz_node **root,
                          jz_error *err)
{
    return parse_form(a, text, len, name, build, root, err);
}

/* One row of a realisation table: the months from column B, as a list (the
 * YAML's [month 1, month 2, ...]).  Empty cells after the last figure are
 * dropped (a sheet wider than the months); an empty cell between figures
 * is an error at that cell, not a month of 0. */
static int months_row(form *fm, const row *r, int comma, const char *table, jz_node **out, jz_error *err)
{
    int last = r->n - 1;
    while (last >= 1 && !r->f[last][0])
        last--;
    jz_node *l = seq(fm, r->line, 2, (size_t)(last > 0 ? last : 1));
    if (!l)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int c = 1; c <= last; c++) {
        if (!r->f[c][0])
            return jz_error_set(err, JZ_EINPUT, fm->file, r->line, c + 1,
                                "%s.%s month %d: the cell is empty; give the figure (0 when there was none), "
                                "or leave out the months after the last one realised",
                                table, r->f[0], c);
        jz_node *v = number(fm, r->f[c], comma, r->line, c + 1);
        if (!v)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        l->values[l->n++] = v;
    }
    *out = l;
    return JZ_OK;
}

/* The tree of the realisation form, shaped as the YAML realisation. */
static int build_realisatie(form *fm, int comma, jz_node **out, jz_error *err)
{
    jz_node *root = map(fm, 1, 1, 8);
    if (!root)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    int rc = JZ_OK;
    for (int i = 0; i < fm->n && !rc; i++) {
        const row *r = &fm->rows[i];
        if (skipped(r))
            continue;
        const char *k = r->f[0];
        if (strcmp(k, "jaar") == 0 || strcmp(k, "maanden") == 0) {
            if (r->n < 2 || !r->f[1][0])
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 2, "%s: the value goes in column B", k);
            for (int c = 2; c < r->n; c++)
                if (r->f[c][0])
                    return jz_error_set(err, JZ_EINPUT, fm->file, r->line, c + 1,
                                        "%s: one value, in column B", k);
            rc = put(fm, root, k, number(fm, r->f[1], comma, r->line, 2), r->line, 1, err);
        } else if (strcmp(k, "uitgaven") == 0 || strcmp(k, "clienten") == 0) {
            /* the header row; the zorgsoorten below it until an empty row */
            jz_node *m = map(fm, r->line, 1, (size_t)fm->n);
            if (!m)
                return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            int j = i + 1;
            for (; j < fm->n && !blank(&fm->rows[j]) && !rc; j++) {
                const row *z = &fm->rows[j];
                if (skipped(z))
                    continue;
                if (strcmp(z->f[0], "uitgaven") == 0 || strcmp(z->f[0], "clienten") == 0 ||
                    strcmp(z->f[0], "jaar") == 0 || strcmp(z->f[0], "maanden") == 0)
                    break; /* the next part, without an empty row between */
                if (!z->f[0][0])
                    return jz_error_set(err, JZ_EINPUT, fm->file, z->line, 1,
                                        "%s: the zorgsoort goes in column A, the months from column B", k);
                jz_node *l = NULL;
                if (!(rc = months_row(fm, z, comma, k, &l, err)))
                    rc = put(fm, m, z->f[0], l, z->line, 1, err);
            }
            if (!rc && m->n == 0)
                return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1,
                                    "%s: no rows below it (one row per zorgsoort: its key in column A, the "
                                    "months from column B)", k);
            if (!rc)
                rc = put(fm, root, k, m, r->line, 1, err);
            i = j - 1;
        } else {
            return jz_error_set(err, JZ_EINPUT, fm->file, r->line, 1,
                                "unknown row '%s' (known: jaar, maanden, uitgaven, clienten; a zorgsoort's row "
                                "goes below 'uitgaven' or 'clienten')", k);
        }
    }
    *out = root;
    return rc;
}

int jz_realisatie_csv_parse(jz_arena *a, const char *text, size_t len, const char *name, jz_node **root,
                            jz_error *err)
{
    return parse_form(a, text, len, name, build_realisatie, root, err);
}
