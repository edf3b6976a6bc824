/*
 * store.c - the history object: rows, notes and warnings, and the row
 * index (gemeente x zorgsoort x period) that keeps reading linear; the
 * duplicate check every reader goes through; loading a file.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/internal.h"
#include "common/limits.h"
#include "common/util.h"

/* ---- the history object ------------------------------------------------- */

/* A cell value as it may appear in a message: on one line (\n, \r, \t and
 * other control characters become \n, \r, \t, \xNN) and at most
 * JZ_QUOTE_MAX characters (longer values are cut with "…"), so a stray
 * quote that swallowed half the file cannot make the message unreadable.
 * Cuts only between UTF-8 characters. */
#define JZ_QUOTE_MAX 60
const char *jz_history_quote(const char *v, char *buf, size_t size)
{
    static const char ell[] = "\xe2\x80\xa6"; /* … */
    size_t o = 0, shown = 0, o_lead = 0;
    if (!buf || size == 0)
        return "";
    if (!v)
        v = "";
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        char tmp[8];
        size_t k;
        if (*p == '\n' || *p == '\r' || *p == '\t') {
            tmp[0] = '\\';
            tmp[1] = *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't';
            k = 2;
        } else if (*p < 0x20 || *p == 0x7f) {
            snprintf(tmp, sizeof tmp, "\\x%02x", *p);
            k = 4;
        } else {
            tmp[0] = (char)*p;
            k = 1;
        }
        int lead = (*p & 0xc0) != 0x80; /* counts characters, not bytes */
        if (lead)
            o_lead = o;
        if ((lead && shown == JZ_QUOTE_MAX) || o + k + sizeof ell > size) {
            o = o_lead; /* never half a UTF-8 character */
            if (o + sizeof ell <= size) {
                memcpy(buf + o, ell, sizeof ell - 1);
                o += sizeof ell - 1;
            }
            break;
        }
        memcpy(buf + o, tmp, k);
        o += k;
        shown += lead;
    }
    buf[o] = '\0';
    return buf;
}

/* Copy with truncation (snprintf "%s" would make gcc warn about it). */
void hist_cpy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int hist_add_note(jz_history *h, const char *s)
{
    return jz_strlist_push(&h->notes, &h->n_notes, &h->cap_notes, s);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
int hist_add_warning(jz_history *h, int line, const char *fmt, ...)
{
    char msg[1024], buf[2200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0)
        snprintf(buf, sizeof buf, "%s:%d: %s", h->path, line, msg);
    else
        snprintf(buf, sizeof buf, "%s: %s", h->path, msg);
    char esc[2200]; /* user text in a warning: control bytes escaped (jzsim/error.h) */
    jz_text_escape(esc, sizeof esc, buf);
    return jz_strlist_push(&h->warnings, &h->n_warnings, &h->cap_warnings, esc);
}

jz_history *jz_history_alloc(const char *name)
{
    jz_history *h = calloc(1, sizeof *h);
    if (h)
        hist_cpy(h->path, sizeof h->path, name ? name : "");
    return h;
}

static void index_free(struct jz_history_index *x);

void jz_history_free(jz_history *h)
{
    if (!h)
        return;
    for (int i = 0; i < h->n_rows; i++)
        free(h->rows[i].source);
    free(h->rows);
    for (int i = 0; i < h->n_notes; i++)
        free(h->notes[i]);
    free(h->notes);
    for (int i = 0; i < h->n_warnings; i++)
        free(h->warnings[i]);
    free(h->warnings);
    free(h->revisions);
    index_free(h->index);
    free(h);
}

/* ---- the row index: gemeente x zorgsoort x period -> rows -------------- *
 * Open addressing with linear probing over (hash, row) slots; rows of one
 * key (a file may give a period's series on several rows) sit in one probe
 * run in the order they were added, so a lookup meets them in file order. */

typedef struct jz_history_index {
    size_t cap, used; /* cap a power of two; used <= cap / 2 */
    uint64_t *hash;
    int *row;         /* row index + 1; 0 = empty slot */
} jz_history_index;

static void index_free(jz_history_index *x)
{
    if (x) {
        free(x->hash);
        free(x->row);
        free(x);
    }
}

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h;
}

/* The hash of the key as same_key() compares it: names normalised, every
 * spelling of the total one key. */
static uint64_t key_hash(const char *g, const char *z, int year, int half)
{
    char a[JZ_NAME_MAX];
    hist_normalise(g ? g : "", a, sizeof a, 0, NULL, 0);
    uint64_t h = fnv(0xcbf29ce484222325ULL, a, strlen(a) + 1);
    if (!z || jz_history_is_total(z)) {
        h = fnv(h, "\001", 1);
    } else {
        hist_normalise(z, a, sizeof a, 0, NULL, 0);
        h = fnv(h, a, strlen(a) + 1);
    }
    int p[2] = {year, half};
    return fnv(h, (const char *)p, sizeof p);
}

static int index_put(jz_history_index *x, uint64_t hash, int row)
{
    size_t m = x->cap - 1, i = (size_t)hash & m;
    while (x->row[i])
        i = (i + 1) & m;
    x->hash[i] = hash;
    x->row[i] = row + 1;
    x->used++;
    return 0;
}

/* Room for one more row; 0, or -1 when out of memory. */
static int index_reserve(jz_history *h)
{
    jz_history_index *x = h->index;
    if (x && (x->used + 1) * 2 <= x->cap)
        return 0;
    jz_history_index *nx = calloc(1, sizeof *nx);
    if (!nx)
        return -1;
    nx->cap = x ? x->cap * 2 : 64;
    nx->hash = malloc(nx->cap * sizeof *nx->hash);
    nx->row = calloc(nx->cap, sizeof *nx->row);
    if (!nx->hash || !nx->row) {
        index_free(nx);
        return -1;
    }
    if (x) /* re-insert in row order: keeps each key's rows in file order */
        for (int r = 0; r < h->n_rows; r++)
            index_put(nx, key_hash(h->rows[r].gemeente, h->rows[r].zorgsoort, h->rows[r].year, h->rows[r].half),
                      r);
    index_free(x);
    h->index = nx;
    return 0;
}

static int same_key(const jz_history_row *r, const char *g, const char *z, int year, int half);

/* The next row after slot *at (start with *at = (size_t)-1) with this key,
 * or NULL. */
static jz_history_row *index_next(const jz_history *h, uint64_t hash, const char *g, const char *z, int year,
                                  int half, size_t *at)
{
    const jz_history_index *x = h->index;
    if (!x)
        return NULL;
    size_t m = x->cap - 1, i = *at == (size_t)-1 ? (size_t)hash & m : (*at + 1) & m;
    for (; x->row[i]; i = (i + 1) & m) {
        jz_history_row *r = &h->rows[x->row[i] - 1];
        if (x->hash[i] == hash && same_key(r, g, z, year, half)) {
            *at = i;
            return r;
        }
    }
    return NULL;
}

static jz_history_row *new_row(jz_history *h)
{
    if (index_reserve(h))
        return NULL;
    if (h->n_rows == h->cap_rows) {
        int nc = h->cap_rows ? h->cap_rows * 2 : 32;
        jz_history_row *r = realloc(h->rows, (size_t)nc * sizeof *r);
        if (!r)
            return NULL;
        h->rows = r;
        h->cap_rows = nc;
    }
    jz_history_row *r = &h->rows[h->n_rows++];
    memset(r, 0, sizeof *r);
    for (int s = 0; s < JZ_HS_N; s++)
        r->v[s] = NAN;
    return r;
}

/* Enter row r (its key filled in) into the index; new_row reserved room. */
static void index_row(jz_history *h, const jz_history_row *r)
{
    index_put(h->index, key_hash(r->gemeente, r->zorgsoort, r->year, r->half), (int)(r - h->rows));
}

int jz_history_is_total(const char *z)
{
    char n[64];
    hist_normalise(z, n, sizeof n, 0, NULL, 0);
    return n[0] == '\0' || strcmp(n, "totaal") == 0 || strcmp(n, "total") == 0 ||
           strcmp(n, "alle") == 0 || strcmp(n, "all") == 0 ||
           strcmp(n, "allezorgsoorten") == 0 || strcmp(n, "jeugdhulptotaal") == 0 ||
           strcmp(n, "totaaljeugdhulp") == 0;
}

/* Same gemeente, zorgsoort and period?  Names compare normalised, so
 * "Enschede" and "enschede" are one gemeente. */
static int same_key(const jz_history_row *r, const char *g, const char *z, int year, int half)
{
    if (r->year != year || r->half != half)
        return 0;
    char a[JZ_NAME_MAX], b[JZ_NAME_MAX];
    hist_normalise(r->gemeente, a, sizeof a, 0, NULL, 0);
    hist_normalise(g, b, sizeof b, 0, NULL, 0);
    if (strcmp(a, b) != 0)
        return 0;
    if (jz_history_is_total(r->zorgsoort) || jz_history_is_total(z))
        return jz_history_is_total(r->zorgsoort) && jz_history_is_total(z);
    hist_normalise(r->zorgsoort, a, sizeof a, 0, NULL, 0);
    hist_normalise(z, b, sizeof b, 0, NULL, 0);
    return strcmp(a, b) == 0;
}

int jz_history_set(jz_history *h, const char *gemeente, const char *zorgsoort,
                   int year, int half, int series, double value, jz_error *err)
{
    if (series < 0 || series >= JZ_HS_N || half < 0 || half > 2 || year < 1900 || year > 2200)
        return jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                            "jz_history_set: bad series %d, year %d or half %d", series, year, half);
    size_t at = (size_t)-1;
    jz_history_row *r = index_next(h, key_hash(gemeente, zorgsoort, year, half), gemeente, zorgsoort, year,
                                   half, &at);
    if (!r) {
        if (!(r = new_row(h)))
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        hist_cpy(r->gemeente, sizeof r->gemeente, gemeente ? gemeente : "");
        hist_cpy(r->zorgsoort, sizeof r->zorgsoort, zorgsoort ? zorgsoort : "");
        r->year = year;
        r->half = half;
        index_row(h, r);
    }
    r->v[series] = value;
    return JZ_OK;
}


static int add_revision(jz_history *h, int row, int series, int line_first, int line_revised, double first,
                        double revised)
{
    if (h->n_revisions == h->cap_revisions) {
        int nc = h->cap_revisions ? 2 * h->cap_revisions : 8;
        jz_history_revision *a = realloc(h->revisions, (size_t)nc * sizeof *a);
        if (!a)
            return -1;
        h->revisions = a;
        h->cap_revisions = nc;
    }
    h->revisions[h->n_revisions++] = (jz_history_revision){row, series, line_first, line_revised, first, revised};
    const jz_history_row *r = &h->rows[row];
    return hist_add_warning(h, line_revised, "revision: %s of %s, %s, %d%s was %.6g voorlopig (line %d), is %.6g "
                                             "(%+.1f%%); the final value is used",
                            jz_hseries_key(series), r->gemeente[0] ? r->gemeente : "(gemeente)",
                            r->zorgsoort[0] ? r->zorgsoort : "totaal", r->year,
                            r->half == 1 ? "H1" : r->half == 2 ? "H2" : "", first, line_first, revised,
                            first != 0.0 ? 100.0 * (revised - first) / first : 0.0);
}

/* Add a parsed row.  A peildatum row's stock is its period's end stock.
 * When its gemeente/zorgsoort/period already has a value for the same
 * series: the same number again (31-12-2020 and 1-1-2021 both given) is
 * kept once; a voorlopig and a final value are a revision (the final one
 * is used, the pair recorded); two different final (or two voorlopig)
 * values are an error. */
int hist_store_row(jz_history *h, const jz_history_row *in0, jz_error *err)
{
    jz_history_row cp = *in0, *in = &cp;
    if (in->peildatum && !isnan(in->v[JZ_HS_START])) {
        if (!isnan(in->v[JZ_HS_END]))
            return jz_error_set(err, JZ_EINPUT, h->path, in->line, in->col[JZ_HS_START],
                                "a peildatum row gives one stock (the clients in care on that date), not a "
                                "begin and an end stock");
        in->v[JZ_HS_END] = in->v[JZ_HS_START];
        in->col[JZ_HS_END] = in->col[JZ_HS_START];
        in->v[JZ_HS_START] = NAN;
        in->col[JZ_HS_START] = 0;
    }
    if (in->peildatum)
        for (int s = 0; s < JZ_HS_N; s++)
            if (s != JZ_HS_END && !isnan(in->v[s]))
                return jz_error_set(err, JZ_EINPUT, h->path, in->line, in->col[s],
                                    "%s is a flow over a period; a peildatum (a date) only gives a stock: "
                                    "write the period (2022, 2022H1) for flows", jz_hseries_key(s));
    int pend_series[JZ_HS_N], pend_line[JZ_HS_N], npend = 0;
    double pend_first[JZ_HS_N], pend_rev[JZ_HS_N];
    uint64_t hash = key_hash(in->gemeente, in->zorgsoort, in->year, in->half);
    size_t at = (size_t)-1;
    for (jz_history_row *r; (r = index_next(h, hash, in->gemeente, in->zorgsoort, in->year, in->half, &at));) {
        for (int s = 0; s < JZ_HS_N; s++) {
            if (isnan(in->v[s]) || isnan(r->v[s]))
                continue;
            if (in->provisional != r->provisional) {
                if (r->provisional) { /* the new row is final: it holds the value */
                    pend_series[npend] = s;
                    pend_line[npend] = r->line;
                    pend_first[npend] = r->v[s];
                    pend_rev[npend++] = in->v[s];
                    r->v[s] = NAN;
                    r->col[s] = 0;
                } else {
                    if (add_revision(h, (int)(r - h->rows), s, in->line, r->line, in->v[s], r->v[s]))
                        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                    in->v[s] = NAN;
                    in->col[s] = 0;
                }
                continue;
            }
            if (in->v[s] == r->v[s]) {
                in->v[s] = NAN;
                in->col[s] = 0;
                continue;
            }
            char qg[JZ_QUOTE_BUF], qz[JZ_QUOTE_BUF];
            return jz_error_set(err, JZ_EINPUT, h->path, in->line, in->col[s],
                                "%s for gemeente '%s', zorgsoort '%s', period %d%s is "
                                "given twice (also on line %d)%s",
                                jz_hseries_key(s), jz_history_quote(in->gemeente, qg, sizeof qg),
                                in->zorgsoort[0] ? jz_history_quote(in->zorgsoort, qz, sizeof qz)
                                                 : "totaal", in->year,
                                in->half == 1 ? "H1" : in->half == 2 ? "H2" : "", r->line,
                                in->peildatum || r->peildatum
                                    ? "; 1 January of a year and 31 December of the year before are one stock"
                                    : "");
        }
    }
    jz_history_row *r = new_row(h);
    if (!r)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    char *src = in->source;
    *r = *in;
    r->source = NULL;
    index_row(h, r);
    if (src && !(r->source = jz_strdup(src)))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int k = 0; k < npend; k++)
        if (add_revision(h, (int)(r - h->rows), pend_series[k], pend_line[k], r->line, pend_first[k], pend_rev[k]))
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    return JZ_OK;
}


jz_history *jz_history_load(const char *path, jz_error *err)
{
    return jz_history_load_opts(path, NULL, err);
}

jz_history *jz_history_load_opts(const char *path, const jz_history_options *o, jz_error *err)
{
    jz_error_clear(err);
    char *buf;
    size_t n;
    if (jz_read_file(path, JZ_HISTORY_MAX_BYTES, "the history file", &buf, &n, err) != JZ_OK)
        return NULL;
    if (strcmp(path, "-") == 0) /* standard input: named so in messages, read as CSV */
        path = "stdin";
    size_t L = strlen(path);
    int yaml = (L > 5 && strcmp(path + L - 5, ".yaml") == 0) || (L > 4 && strcmp(path + L - 4, ".yml") == 0);
    jz_history *h = yaml ? jz_history_parse_yaml(buf, n, path, err)
                         : jz_history_parse_csv_opts(buf, n, path, o, err);
    free(buf);
    return h;
}
