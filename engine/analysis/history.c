/*
 * history.c - reading history files (observed series per gemeente,
 * zorgsoort and period) from CSV or YAML; see jzsim/history.h and
 * docs/calibration.md for the format.
 *
 * The CSV reader is meant to take a CBS StatLine export without hand
 * editing, so it is lenient where exports differ (separator, decimal comma,
 * title lines, "Bron:" footers, extra columns, unit hints such as
 * "(x 1 000 euro)") and strict where a mistake would silently change a
 * number (a value that does not parse, two values for the same cell, a
 * negative count): those stop the read with file:line:column.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/history.h"
#include "analysis/calib_internal.h"
#include "common/limits.h"
#include "common/util.h"
#include "scenario/node.h"

const double jz_duration_class_edges[JZ_DUR_CLASSES + 1] = {0, 3, 6, 12, 24, 36, 48, INFINITY};

/* ---- series names ------------------------------------------------------- */

static const char *const series_key[JZ_HS_N] = {
    "clients_start", "clients_end", "instroom", "uitstroom", "unique_clients",
    "client_years", "cost", "cost_per_client", "mean_duration",
    "dur_0_3m", "dur_3_6m", "dur_6_12m", "dur_1_2y", "dur_2_3y", "dur_3_4y", "dur_4y_plus"};

static const char *const series_nl[JZ_HS_N] = {
    "Cliënten begin", "Cliënten eind", "Instroom", "Uitstroom", "Unieke cliënten",
    "Cliëntjaren", "Kosten", "Kosten per cliënt", "Gem. duur beëindigd (mnd)",
    "Duur 0-3 mnd", "Duur 3-6 mnd", "Duur 6-12 mnd", "Duur 1-2 jr", "Duur 2-3 jr",
    "Duur 3-4 jr", "Duur 4+ jr"};

static const char *const series_en[JZ_HS_N] = {
    "Clients at start", "Clients at end", "Inflow", "Outflow", "Unique clients",
    "Client-years", "Cost", "Cost per client", "Mean duration ended (months)",
    "Duration 0-3 m", "Duration 3-6 m", "Duration 6-12 m", "Duration 1-2 y",
    "Duration 2-3 y", "Duration 3-4 y", "Duration 4+ y"};

const char *jz_hseries_key(int s) { return s >= 0 && s < JZ_HS_N ? series_key[s] : "?"; }
const char *jz_hseries_label(int s, int english)
{
    if (s < 0 || s >= JZ_HS_N)
        return "?";
    return english ? series_en[s] : series_nl[s];
}
int jz_hseries_is_money(int s) { return s == JZ_HS_COST || s == JZ_HS_COST_PER_CLIENT; }

/* Column roles besides the series. */
enum { COL_GEMEENTE = JZ_HS_N, COL_ZORGSOORT, COL_PERIOD, COL_SOURCE, COL_ROLES };

/* Header aliases, compared after normalisation (lower case, letters and
 * digits only, accents dropped, text in parentheses removed).  The first
 * alias of each role is the documented name. */
static const struct {
    int role;
    const char *name;
} aliases[] = {
    {COL_GEMEENTE, "gemeente"}, {COL_GEMEENTE, "gemeentecode"}, {COL_GEMEENTE, "gemeentenaam"},
    {COL_GEMEENTE, "regio"}, {COL_GEMEENTE, "regios"}, {COL_GEMEENTE, "regiocode"},
    {COL_GEMEENTE, "municipality"}, {COL_GEMEENTE, "wijkenenbuurten"},
    {COL_ZORGSOORT, "zorgsoort"}, {COL_ZORGSOORT, "zorgsoorten"}, {COL_ZORGSOORT, "caretype"},
    {COL_ZORGSOORT, "soortjeugdhulp"}, {COL_ZORGSOORT, "vormjeugdhulp"},
    {COL_ZORGSOORT, "jeugdhulpvorm"}, {COL_ZORGSOORT, "typejeugdhulp"},
    {COL_ZORGSOORT, "vormvanjeugdhulp"}, {COL_ZORGSOORT, "soortzorg"},
    {COL_PERIOD, "periode"}, {COL_PERIOD, "perioden"}, {COL_PERIOD, "jaar"},
    {COL_PERIOD, "period"}, {COL_PERIOD, "year"}, {COL_PERIOD, "halfjaar"},
    {COL_SOURCE, "bron"}, {COL_SOURCE, "source"}, {COL_SOURCE, "bronnen"}, {COL_SOURCE, "sources"},
    {JZ_HS_START, "clientsstart"}, {JZ_HS_START, "clientenbegin"}, {JZ_HS_START, "clientenstart"},
    {JZ_HS_START, "start"}, {JZ_HS_START, "begin"}, {JZ_HS_START, "beginstand"},
    {JZ_HS_START, "inzorgbegin"}, {JZ_HS_START, "clienten1januari"}, {JZ_HS_START, "stand1januari"},
    {JZ_HS_END, "clientsend"}, {JZ_HS_END, "clienteneind"}, {JZ_HS_END, "end"},
    {JZ_HS_END, "eind"}, {JZ_HS_END, "eindstand"}, {JZ_HS_END, "inzorgeind"},
    {JZ_HS_END, "clienten31december"}, {JZ_HS_END, "stand31december"},
    {JZ_HS_INSTROOM, "instroom"}, {JZ_HS_INSTROOM, "inflow"}, {JZ_HS_INSTROOM, "starts"},
    {JZ_HS_INSTROOM, "gestartetrajecten"}, {JZ_HS_INSTROOM, "gestartejeugdhulptrajecten"},
    {JZ_HS_INSTROOM, "startedtrajectories"},
    {JZ_HS_UITSTROOM, "uitstroom"}, {JZ_HS_UITSTROOM, "outflow"}, {JZ_HS_UITSTROOM, "ends"},
    {JZ_HS_UITSTROOM, "beeindigdetrajecten"}, {JZ_HS_UITSTROOM, "beeindigdejeugdhulptrajecten"},
    {JZ_HS_UITSTROOM, "endedtrajectories"},
    {JZ_HS_UNIQUE, "uniqueclients"}, {JZ_HS_UNIQUE, "uniek"}, {JZ_HS_UNIQUE, "unique"},
    {JZ_HS_UNIQUE, "uniekeclienten"}, {JZ_HS_UNIQUE, "clienten"}, {JZ_HS_UNIQUE, "clients"},
    {JZ_HS_UNIQUE, "jongerenmetjeugdhulp"}, {JZ_HS_UNIQUE, "jeugdigenmetjeugdhulp"},
    {JZ_HS_UNIQUE, "actiefinperiode"}, {JZ_HS_UNIQUE, "jongeren"},
    {JZ_HS_CLIENT_YEARS, "clientyears"}, {JZ_HS_CLIENT_YEARS, "clientjaren"},
    {JZ_HS_CLIENT_YEARS, "zorgjaren"},
    {JZ_HS_COST, "cost"}, {JZ_HS_COST, "kosten"}, {JZ_HS_COST, "costs"},
    {JZ_HS_COST, "uitgaven"}, {JZ_HS_COST, "lasten"},
    {JZ_HS_COST_PER_CLIENT, "costperclient"}, {JZ_HS_COST_PER_CLIENT, "kostenperclient"},
    {JZ_HS_COST_PER_CLIENT, "kostenperjongere"}, {JZ_HS_COST_PER_CLIENT, "gemiddeldekostenperclient"},
    {JZ_HS_MEAN_DURATION, "meanduration"}, {JZ_HS_MEAN_DURATION, "gemduur"},
    {JZ_HS_MEAN_DURATION, "gemiddeldeduur"}, {JZ_HS_MEAN_DURATION, "gemiddeldeduurbeeindigdetrajecten"},
    {JZ_HS_MEAN_DURATION, "duur"},
    {JZ_HS_DUR_0_3M, "dur03m"}, {JZ_HS_DUR_0_3M, "duur03m"}, {JZ_HS_DUR_0_3M, "0tot3maanden"},
    {JZ_HS_DUR_0_3M, "kortordan3maanden"}, {JZ_HS_DUR_0_3M, "korterdan3maanden"},
    {JZ_HS_DUR_0_3M, "minderdan3maanden"},
    {JZ_HS_DUR_3_6M, "dur36m"}, {JZ_HS_DUR_3_6M, "duur36m"}, {JZ_HS_DUR_3_6M, "3tot6maanden"},
    {JZ_HS_DUR_6_12M, "dur612m"}, {JZ_HS_DUR_6_12M, "duur612m"}, {JZ_HS_DUR_6_12M, "6tot12maanden"},
    {JZ_HS_DUR_6_12M, "6maandentot1jaar"},
    {JZ_HS_DUR_1_2Y, "dur12y"}, {JZ_HS_DUR_1_2Y, "duur12j"}, {JZ_HS_DUR_1_2Y, "1tot2jaar"},
    {JZ_HS_DUR_2_3Y, "dur23y"}, {JZ_HS_DUR_2_3Y, "duur23j"}, {JZ_HS_DUR_2_3Y, "2tot3jaar"},
    {JZ_HS_DUR_3_4Y, "dur34y"}, {JZ_HS_DUR_3_4Y, "duur34j"}, {JZ_HS_DUR_3_4Y, "3tot4jaar"},
    {JZ_HS_DUR_4Y_PLUS, "dur4yplus"}, {JZ_HS_DUR_4Y_PLUS, "duur4jplus"},
    {JZ_HS_DUR_4Y_PLUS, "4jaaroflanger"}, {JZ_HS_DUR_4Y_PLUS, "4jaarenlanger"},
    {JZ_HS_DUR_4Y_PLUS, "langerdan4jaar"}, {JZ_HS_DUR_4Y_PLUS, "4jaarofmeer"},
};
#define N_ALIASES (sizeof aliases / sizeof aliases[0])

/* Fold a UTF-8 Latin letter with an accent to its ASCII base letter; 0 if
 * the two bytes are not one. */
static char fold_accent(unsigned char a, unsigned char b)
{
    if (a != 0xC3)
        return 0;
    if (b >= 0x80 && b <= 0x85) return 'a';
    if (b >= 0xA0 && b <= 0xA5) return 'a';
    if (b >= 0x88 && b <= 0x8B) return 'e';
    if (b >= 0xA8 && b <= 0xAB) return 'e';
    if (b >= 0x8C && b <= 0x8F) return 'i';
    if (b >= 0xAC && b <= 0xAF) return 'i';
    if (b >= 0x92 && b <= 0x96) return 'o';
    if (b >= 0xB2 && b <= 0xB6) return 'o';
    if (b >= 0x99 && b <= 0x9C) return 'u';
    if (b >= 0xB9 && b <= 0xBC) return 'u';
    return 0;
}

/* Normalise text for matching: ASCII letters and digits, lower case,
 * accents folded.  With drop_paren, text inside (...) is left out and
 * copied (normalised) into paren. */
static void normalise(const char *s, char *out, size_t size, int drop_paren,
                      char *paren, size_t psize)
{
    size_t j = 0, k = 0;
    int depth = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char c = 0;
        if (*p == '(' && drop_paren) {
            depth++;
            continue;
        }
        if (*p == ')' && drop_paren && depth > 0) {
            depth--;
            continue;
        }
        if (*p >= 0x80) {
            if (p[1] && (c = fold_accent(p[0], p[1])))
                p++;
            else
                continue;
        } else if (isalnum(*p)) {
            c = (char)tolower(*p);
        } else if (*p == '+') {
            c = 0; /* "4+" == "4plus" handled by aliases; drop */
            if (depth == 0 && j + 4 < size) {
                memcpy(out + j, "plus", 4);
                j += 4;
            }
            continue;
        } else {
            continue;
        }
        if (depth > 0) {
            if (paren && k + 1 < psize)
                paren[k++] = c;
        } else if (j + 1 < size) {
            out[j++] = c;
        }
    }
    out[j] = '\0';
    if (paren && psize)
        paren[k] = '\0';
}

static int role_of(const char *norm)
{
    for (size_t i = 0; i < N_ALIASES; i++)
        if (strcmp(aliases[i].name, norm) == 0)
            return aliases[i].role;
    return -1;
}

/* The documented name closest to an unknown header, or NULL. */
static const char *suggest(const char *norm)
{
    const char *best = NULL;
    size_t bd = 3;
    for (size_t i = 0; i < N_ALIASES; i++) {
        size_t d = jz_edit_distance(norm, aliases[i].name);
        if (d < bd) {
            bd = d;
            int r = aliases[i].role;
            best = r < JZ_HS_N ? series_key[r]
                   : r == COL_GEMEENTE ? "gemeente"
                   : r == COL_ZORGSOORT ? "zorgsoort"
                   : r == COL_PERIOD ? "periode" : "bron";
        }
    }
    return best;
}

/* Unit hint in a header's parentheses: a multiplier for "x 1 000" and, for
 * durations, days or years to months. */
static double unit_scale(int role, const char *paren)
{
    double f = 1.0;
    if (strstr(paren, "x1000000") || strstr(paren, "mln") || strstr(paren, "miljoen"))
        f = 1e6;
    else if (strstr(paren, "x1000"))
        f = 1e3;
    if (role == JZ_HS_MEAN_DURATION) {
        if (strstr(paren, "dag") || strstr(paren, "day"))
            f /= 365.25 / 12.0;
        else if (strstr(paren, "jaar") || strstr(paren, "jaren") || strstr(paren, "year"))
            f *= 12.0;
    }
    return f;
}

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
static void cpy(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int add_note(jz_history *h, const char *s)
{
    return jz_strlist_push(&h->notes, &h->n_notes, &h->cap_notes, s);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int add_warning(jz_history *h, int line, const char *fmt, ...)
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
    return jz_strlist_push(&h->warnings, &h->n_warnings, &h->cap_warnings, buf);
}

jz_history *jz_history_alloc(const char *name)
{
    jz_history *h = calloc(1, sizeof *h);
    if (h)
        cpy(h->path, sizeof h->path, name ? name : "");
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
    normalise(g ? g : "", a, sizeof a, 0, NULL, 0);
    uint64_t h = fnv(0xcbf29ce484222325ULL, a, strlen(a) + 1);
    if (!z || jz_history_is_total(z)) {
        h = fnv(h, "\001", 1);
    } else {
        normalise(z, a, sizeof a, 0, NULL, 0);
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
    normalise(z, n, sizeof n, 0, NULL, 0);
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
    normalise(r->gemeente, a, sizeof a, 0, NULL, 0);
    normalise(g, b, sizeof b, 0, NULL, 0);
    if (strcmp(a, b) != 0)
        return 0;
    if (jz_history_is_total(r->zorgsoort) || jz_history_is_total(z))
        return jz_history_is_total(r->zorgsoort) && jz_history_is_total(z);
    normalise(r->zorgsoort, a, sizeof a, 0, NULL, 0);
    normalise(z, b, sizeof b, 0, NULL, 0);
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
        cpy(r->gemeente, sizeof r->gemeente, gemeente ? gemeente : "");
        cpy(r->zorgsoort, sizeof r->zorgsoort, zorgsoort ? zorgsoort : "");
        r->year = year;
        r->half = half;
        index_row(h, r);
    }
    r->v[series] = value;
    return JZ_OK;
}

/* ---- cells: numbers and periods ---------------------------------------- */

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (isspace((unsigned char)s[i]))
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
}

enum { NUM_OK = 0, NUM_MISSING = 1, NUM_BAD = -1 };

/* Parse a number cell.  comma_decimal: ';'-files (Dutch): ',' is the
 * decimal separator and '.' a thousands separator between groups of three
 * digits; otherwise '.' is the decimal point and no separators are
 * allowed.  '.', 'x', '?' and empty cells are missing; '-' (CBS "nihil")
 * is zero.  why gets a hint when NUM_BAD. */
static int parse_number(const char *cell, int comma_decimal, double *out, const char **why)
{
    char buf[128];
    *why = NULL;
    cpy(buf, sizeof buf, cell);
    trim(buf);
    char *t = buf;
    if (strncmp(t, "\xe2\x82\xac", 3) == 0) { /* € */
        t += 3;
        while (isspace((unsigned char)*t))
            t++;
    }
    if (!*t || strcmp(t, ".") == 0 || strcmp(t, "x") == 0 || strcmp(t, "X") == 0 ||
        strcmp(t, "?") == 0 || strcmp(t, "..") == 0)
        return NUM_MISSING;
    if (strcmp(t, "-") == 0 || strcmp(t, "\xe2\x80\x93") == 0) { /* '-' or en dash: nihil */
        *out = 0.0;
        return NUM_OK;
    }
    char clean[128];
    size_t j = 0;
    int neg = 0, digits = 0, seen_dec = 0;
    const char *p = t;
    if (*p == '-' || *p == '+') {
        neg = *p == '-';
        p++;
    }
    /* validate the digit groups */
    const char *dec = comma_decimal ? strchr(p, ',') : strchr(p, '.');
    if (comma_decimal && dec && strchr(dec + 1, ',')) {
        *why = "more than one decimal comma";
        return NUM_BAD;
    }
    for (const char *c = p; *c; c++) {
        if (isdigit((unsigned char)*c)) {
            clean[j++] = *c;
            digits++;
        } else if (c == dec) {
            clean[j++] = '.';
            seen_dec = 1;
        } else if (comma_decimal && *c == '.' && !seen_dec) {
            /* thousands separator: exactly three digits follow before the
             * next separator or the end */
            int n3 = 0;
            const char *d = c + 1;
            while (isdigit((unsigned char)*d)) {
                n3++;
                d++;
            }
            if (n3 != 3 || digits == 0 || (*d && *d != '.' && *d != ',')) {
                *why = "in a ';'-separated file the decimal separator is a comma and '.' only "
                       "separates thousands (write 15,3 or 15.300)";
                return NUM_BAD;
            }
        } else if (!comma_decimal && *c == ',') {
            *why = "in a ','-separated file write decimals with a point and no thousands separators";
            return NUM_BAD;
        } else {
            *why = NULL;
            return NUM_BAD;
        }
        if (j >= sizeof clean - 1)
            return NUM_BAD;
    }
    clean[j] = '\0';
    if (digits == 0)
        return NUM_BAD;
    double v = strtod(clean, NULL);
    if (!isfinite(v))
        return NUM_BAD;
    *out = neg ? -v : v;
    return NUM_OK;
}

/* Period: "2022", "2022*", "2022JJ00" (a year); "2022H1", "2022-H2",
 * "2022HJ01", "2022 1e halfjaar", "2022 tweede halfjaar" (a half-year).
 * 0 or -1. */
static int parse_period(const char *cell, int *year, int *half, int *prov)
{
    char n[64];
    *prov = strchr(cell, '*') != NULL;
    normalise(cell, n, sizeof n, 0, NULL, 0);
    if (strlen(n) < 4)
        return -1;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)n[i]))
            return -1;
    int y = (n[0] - '0') * 1000 + (n[1] - '0') * 100 + (n[2] - '0') * 10 + (n[3] - '0');
    const char *r = n + 4;
    int h;
    if (!*r || strcmp(r, "jj00") == 0)
        h = 0;
    else if (strcmp(r, "h1") == 0 || strcmp(r, "hj01") == 0 || strcmp(r, "1ehalfjaar") == 0 ||
             strcmp(r, "eerstehalfjaar") == 0 || strcmp(r, "1sthalf") == 0 ||
             strcmp(r, "firsthalf") == 0 || strcmp(r, "s1") == 0)
        h = 1;
    else if (strcmp(r, "h2") == 0 || strcmp(r, "hj02") == 0 || strcmp(r, "2ehalfjaar") == 0 ||
             strcmp(r, "tweedehalfjaar") == 0 || strcmp(r, "2ndhalf") == 0 ||
             strcmp(r, "secondhalf") == 0 || strcmp(r, "s2") == 0)
        h = 2;
    else
        return -1;
    if (y < 1900 || y > 2200)
        return -1;
    *year = y;
    *half = h;
    return 0;
}

static const char *PERIOD_HINT =
    "expected a year (2022, 2022*, 2022JJ00) or a half-year (2022H1, 2022HJ02, '2022 1e halfjaar')";

/* Checks of one value that hold for every row. */
static const char *check_value(int s, double v)
{
    if (v < 0)
        return "must not be negative";
    if (s == JZ_HS_MEAN_DURATION && v == 0)
        return "must be > 0 months";
    if (s == JZ_HS_MEAN_DURATION && v > 1200)
        return "must be at most 1200 months (100 years); is the unit right? Write "
               "'(dagen)' or '(jaren)' in the header for days or years";
    return NULL;
}

/* Add a parsed row, or fail when its gemeente/zorgsoort/period is already
 * there with a value for the same series. */
static int store_row(jz_history *h, const jz_history_row *in, jz_error *err)
{
    uint64_t hash = key_hash(in->gemeente, in->zorgsoort, in->year, in->half);
    size_t at = (size_t)-1;
    for (jz_history_row *r; (r = index_next(h, hash, in->gemeente, in->zorgsoort, in->year, in->half, &at));) {
        for (int s = 0; s < JZ_HS_N; s++)
            if (!isnan(in->v[s]) && !isnan(r->v[s])) {
                char qg[JZ_QUOTE_BUF], qz[JZ_QUOTE_BUF];
                return jz_error_set(err, JZ_EINPUT, h->path, in->line, in->col[s],
                                    "%s for gemeente '%s', zorgsoort '%s', period %d%s is "
                                    "given twice (also on line %d)",
                                    series_key[s], jz_history_quote(in->gemeente, qg, sizeof qg),
                                    in->zorgsoort[0] ? jz_history_quote(in->zorgsoort, qz, sizeof qz)
                                                     : "totaal", in->year,
                                    in->half == 1 ? "H1" : in->half == 2 ? "H2" : "", r->line);
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
    return JZ_OK;
}

/* ---- CSV --------------------------------------------------------------- */

#define MAX_FIELDS 256
#define MAX_CELL 1024

typedef struct record {
    int n;
    int line;               /* line where the record starts */
    int col[MAX_FIELDS];    /* character column where each field starts */
    int quoted[MAX_FIELDS];
    char *f[MAX_FIELDS];
    char store[MAX_FIELDS * 64 + MAX_CELL * 4];
} record;

typedef struct csvin {
    const char *p, *end;
    int line;
    char sep;
    const char *name;
} csvin;

/* Read one record (a line, or more when a quoted field spans lines).
 * 1 = got one, 0 = end of input, <0 = error (err filled). */
static int read_record(csvin *in, record *rec, jz_error *err)
{
    if (in->p >= in->end)
        return 0;
    rec->n = 0;
    rec->line = in->line;
    size_t used = 0;
    const char *line_start = in->p;
    for (;;) {
        if (rec->n == MAX_FIELDS)
            return -jz_error_set(err, JZ_EINPUT, in->name, in->line, MAX_FIELDS,
                                "more than %d fields on one line", MAX_FIELDS);
        char *dst = rec->store + used;
        size_t room = sizeof rec->store - used;
        if (room < 2)
            return -jz_error_set(err, JZ_EINPUT, in->name, in->line, rec->n + 1,
                                "this line is too long (more than %zu characters of values)",
                                sizeof rec->store);
        size_t k = 0;
        rec->col[rec->n] = (int)(in->p - line_start) + 1;
        rec->quoted[rec->n] = 0;
        /* skip leading blanks before a quote */
        const char *q = in->p;
        while (q < in->end && (*q == ' ' || (*q == '\t' && in->sep != '\t')))
            q++;
        if (q < in->end && *q == '"') {
            int qline = in->line, qcol = (int)(q - line_start) + 1;
            rec->quoted[rec->n] = 1;
            in->p = q + 1;
            for (;;) {
                if (in->p >= in->end)
                    return -jz_error_set(err, JZ_EINPUT, in->name, qline, qcol,
                                        "a quoted field is not closed (missing '\"')");
                char c = *in->p++;
                if (c == '"') {
                    if (in->p < in->end && *in->p == '"') {
                        in->p++;
                    } else {
                        break;
                    }
                } else if (c == '\n') {
                    in->line++;
                    line_start = in->p;
                }
                if (k + 1 < room && k + 1 < MAX_CELL)
                    dst[k++] = c;
            }
            /* after the closing quote only blanks until the separator */
            while (in->p < in->end && (*in->p == ' ' || *in->p == '\r' ||
                                       (*in->p == '\t' && in->sep != '\t')))
                in->p++;
            if (in->p < in->end && *in->p != in->sep && *in->p != '\n')
                return -jz_error_set(err, JZ_EINPUT, in->name, in->line,
                                    (int)(in->p - line_start) + 1,
                                    "text after a closing quote; a '\"' inside a quoted field is "
                                    "written as \"\"");
        } else {
            while (in->p < in->end && *in->p != in->sep && *in->p != '\n') {
                if (*in->p != '\r' && k + 1 < room && k + 1 < MAX_CELL)
                    dst[k++] = *in->p;
                in->p++;
            }
        }
        dst[k] = '\0';
        rec->f[rec->n++] = dst;
        used += k + 1;
        if (in->p >= in->end)
            break;
        if (*in->p == in->sep) {
            in->p++;
            continue;
        }
        /* newline */
        in->p++;
        in->line++;
        break;
    }
    return 1;
}

static int line_is_blank(const record *r)
{
    for (int i = 0; i < r->n; i++) {
        for (const char *c = r->f[i]; *c; c++)
            if (!isspace((unsigned char)*c))
                return 0;
    }
    return 1;
}

/* Is every field after the first blank? */
static int only_first_field(const record *r)
{
    for (int i = 1; i < r->n; i++)
        for (const char *c = r->f[i]; *c; c++)
            if (!isspace((unsigned char)*c))
                return 0;
    return 1;
}

/* Join a record back into one text, for notes. */
static void join(const record *r, char *out, size_t size)
{
    size_t j = 0;
    out[0] = '\0';
    for (int i = 0; i < r->n; i++) {
        char t[MAX_CELL];
        cpy(t, sizeof t, r->f[i]);
        trim(t);
        if (!*t)
            continue;
        int w = snprintf(out + j, size - j, "%s%s", j ? " " : "", t);
        if (w < 0 || (size_t)w >= size - j)
            break;
        j += (size_t)w;
    }
}

/* The separator: the first of ';', tab, ',' that occurs outside quotes on
 * the first line that is not a comment. */
static char detect_sep(const char *p, const char *end)
{
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && isspace((unsigned char)*q))
            q++;
        if (q < eol && *q != '#') {
            int semi = 0, tab = 0, comma = 0, inq = 0;
            for (const char *c = p; c < eol; c++) {
                if (*c == '"')
                    inq = !inq;
                else if (!inq && *c == ';')
                    semi++;
                else if (!inq && *c == '\t')
                    tab++;
                else if (!inq && *c == ',')
                    comma++;
            }
            if (semi)
                return ';';
            if (tab)
                return '\t';
            if (comma)
                return ',';
        }
        p = eol + 1;
    }
    return ',';
}

/* ---- encoding: UTF-8, or Excel's Windows-1252 ("ANSI") ---------------- */

/* Length of the valid UTF-8 sequence at s[0..n), 0 when it is not one. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t k;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        k = 2, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        k = 3, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        k = 4, min = 0x10000;
    else
        return 0;
    if (n < k)
        return 0;
    unsigned cp = c & (0x7f >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return k;
}

/* Offset of the first byte that is not valid UTF-8, or n. */
static size_t utf8_invalid_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = utf8_len(u + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

/* Windows-1252 bytes 0x80..0x9f as Unicode (0: not assigned); 0xa0..0xff
 * are Latin-1, the same code point. */
static const unsigned short cp1252_80[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

/* Line and 1-based character column of byte offset at in text. */
static void line_col(const char *text, size_t at, int *line, int *col)
{
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n') {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)(at - start) + 1;
}

/* text[0..len) has a byte at bad that is not UTF-8: decode the whole text as
 * Windows-1252 into a new UTF-8 buffer (*out, *out_len) and say so once.
 * A byte that Windows-1252 does not assign is a located error: the file is
 * in some other encoding. */
static int decode_cp1252(jz_history *h, const char *text, size_t len, size_t bad, char **out, size_t *out_len,
                         jz_error *err)
{
    int line, col;
    char *o = malloc(len * 3 + 1);
    if (!o)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)text[i];
        if (c >= 0x80 && c < 0xa0) {
            c = cp1252_80[c - 0x80];
            if (!c) {
                free(o);
                line_col(text, i, &line, &col);
                return jz_error_set(err, JZ_EINPUT, h->path, line, col,
                                    "byte 0x%02X is neither UTF-8 nor Windows-1252 text; save the file as "
                                    "'CSV UTF-8'", (unsigned char)text[i]);
            }
        }
        if (c < 0x80) {
            o[k++] = (char)c;
        } else if (c < 0x800) {
            o[k++] = (char)(0xc0 | (c >> 6));
            o[k++] = (char)(0x80 | (c & 0x3f));
        } else {
            o[k++] = (char)(0xe0 | (c >> 12));
            o[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
            o[k++] = (char)(0x80 | (c & 0x3f));
        }
    }
    o[k] = '\0';
    line_col(text, bad, &line, &col);
    if (add_warning(h, line, "the file is not UTF-8 (column %d: byte 0x%02X); read as Windows-1252, as "
                             "Excel writes 'CSV (puntkomma gescheiden)'; save as 'CSV UTF-8' to silence this",
                    col, (unsigned char)text[bad])) {
        free(o);
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    *out = o;
    *out_len = k;
    return JZ_OK;
}

jz_history *jz_history_parse_csv(const char *text, size_t len, const char *name, jz_error *err)
{
    jz_error_clear(err);
    jz_history *h = jz_history_alloc(name);
    record *rec = malloc(sizeof *rec);
    if (!h || !rec) {
        free(rec);
        jz_history_free(h);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    char *decoded = NULL; /* the text as UTF-8 when the file was Windows-1252 */
    if (memchr(text, '\0', len)) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0, "the file contains NUL bytes; is it a text (CSV) file?");
        goto fail;
    }
    size_t bad = utf8_invalid_at(text, len);
    if (bad < len) {
        if (decode_cp1252(h, text, len, bad, &decoded, &len, err))
            goto fail;
        text = decoded;
    }
    csvin in = {text, text + len, 1, ',', h->path};
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* UTF-8 byte order mark */
        in.p += 3;
    in.sep = detect_sep(in.p, in.end);
    int comma_decimal = in.sep != ',';

    int role[MAX_FIELDS];
    double scale[MAX_FIELDS];
    int n_header = 0, header_line = 0, rc;
    int role_col[COL_ROLES];
    for (int i = 0; i < COL_ROLES; i++)
        role_col[i] = -1;
    char note[2048];
    int padded_footer = 0;

    while ((rc = read_record(&in, rec, err)) > 0) {
        char first[MAX_CELL];
        cpy(first, sizeof first, rec->n ? rec->f[0] : "");
        trim(first);
        if (line_is_blank(rec))
            continue;
        if (first[0] == '#' && !rec->quoted[0]) {
            /* a comment: a source note ("# bron: ...") */
            join(rec, note, sizeof note);
            const char *t = note + 1;
            while (*t == ' ' || *t == '#')
                t++;
            if (*t && add_note(h, t))
                goto oom;
            continue;
        }
        if (!n_header) {
            /* the header is the first line with a period column; lines
             * above it are a title (StatLine exports one or two) */
            int has_period = 0;
            for (int i = 0; i < rec->n; i++) {
                char nm[256], par[128];
                normalise(rec->f[i], nm, sizeof nm, 1, par, sizeof par);
                if (role_of(nm) == COL_PERIOD)
                    has_period = 1;
            }
            if (!has_period) {
                join(rec, note, sizeof note);
                if (add_note(h, note))
                    goto oom;
                continue;
            }
            n_header = rec->n;
            header_line = rec->line;
            for (int i = 0; i < rec->n; i++) {
                char nm[256], par[128];
                normalise(rec->f[i], nm, sizeof nm, 1, par, sizeof par);
                int r = role_of(nm);
                role[i] = r;
                scale[i] = r >= 0 ? unit_scale(r, par) : 1.0;
                if (r < 0) {
                    char raw[MAX_CELL];
                    cpy(raw, sizeof raw, rec->f[i]);
                    trim(raw);
                    if (!raw[0])
                        continue;
                    const char *sg = suggest(nm);
                    char q[JZ_QUOTE_BUF];
                    if (add_warning(h, rec->line, "column %d '%s' is not a known series and is ignored%s%s%s",
                                    i + 1, jz_history_quote(raw, q, sizeof q), sg ? "; did you mean '" : "", sg ? sg : "",
                                    sg ? "'?" : ""))
                        goto oom;
                    continue;
                }
                if (role_col[r] >= 0) {
                    char q1[JZ_QUOTE_BUF], q2[JZ_QUOTE_BUF];
                    jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                 "column '%s' means the same as column %d ('%s'): give each series once",
                                 jz_history_quote(rec->f[i], q1, sizeof q1), role_col[r] + 1,
                                 jz_history_quote(rec->f[role_col[r]], q2, sizeof q2));
                    goto fail;
                }
                role_col[r] = i;
            }
            int any = 0;
            for (int s = 0; s < JZ_HS_N; s++)
                any |= role_col[s] >= 0;
            if (!any) {
                jz_error_set(err, JZ_EINPUT, h->path, rec->line, 0,
                             "the header names no series; expected columns such as instroom, "
                             "uitstroom, unique_clients, cost (docs/calibration.md)");
                goto fail;
            }
            continue;
        }
        /* a footer such as "Bron: CBS" or "© CBS": one field, not a period;
         * Excel pads it with separators ("Bron: CBS";;;;;;), which gives text
         * in the first field only: a note too, with one warning per file */
        if (first[0] && only_first_field(rec)) {
            int y, hf, pv;
            if (parse_period(first, &y, &hf, &pv) != 0) {
                if (add_note(h, first))
                    goto oom;
                if (rec->n > 1 && !padded_footer++) {
                    char q[JZ_QUOTE_BUF];
                    if (add_warning(h, rec->line, "'%s' has text in its first field only: read as a note "
                                                  "(a footer such as 'Bron: ...'), not as data",
                                    jz_history_quote(first, q, sizeof q)))
                        goto oom;
                }
                continue;
            }
        }
        if (rec->n != n_header) {
            jz_error_set(err, JZ_EINPUT, h->path, rec->line,
                         rec->n > n_header ? n_header + 1 : rec->n,
                         "this line has %d fields, the header (line %d) has %d; a separator "
                         "'%c' inside a value must be quoted",
                         rec->n, header_line, n_header, in.sep);
            goto fail;
        }
        jz_history_row row;
        memset(&row, 0, sizeof row);
        for (int s = 0; s < JZ_HS_N; s++)
            row.v[s] = NAN;
        row.line = rec->line;
        int any_value = 0;
        for (int i = 0; i < rec->n; i++) {
            int r = role[i];
            if (r < 0)
                continue;
            char cell[MAX_CELL];
            cpy(cell, sizeof cell, rec->f[i]);
            trim(cell);
            if (r == COL_GEMEENTE) {
                cpy(row.gemeente, sizeof row.gemeente, cell);
                row.col_gemeente = i + 1;
            } else if (r == COL_ZORGSOORT) {
                cpy(row.zorgsoort, sizeof row.zorgsoort, cell);
                row.col_zorgsoort = i + 1;
            } else if (r == COL_SOURCE) {
                row.source = cell[0] ? jz_strdup(cell) : NULL;
                if (cell[0] && !row.source)
                    goto oom;
            } else if (r == COL_PERIOD) {
                row.col_period = i + 1;
                if (!cell[0]) {
                    jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                 "the period is empty; %s", PERIOD_HINT);
                    free(row.source);
                    goto fail;
                }
                if (parse_period(cell, &row.year, &row.half, &row.provisional)) {
                    char q[JZ_QUOTE_BUF];
                    jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                 "period '%s': %s", jz_history_quote(cell, q, sizeof q), PERIOD_HINT);
                    free(row.source);
                    goto fail;
                }
            } else {
                double v;
                const char *why;
                int st = parse_number(cell, comma_decimal, &v, &why);
                if (st == NUM_BAD) {
                    char q[JZ_QUOTE_BUF];
                    jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                 "%s: '%s' is not a number%s%s", series_key[r], jz_history_quote(cell, q, sizeof q),
                                 why ? "; " : "", why ? why : "");
                    free(row.source);
                    goto fail;
                }
                if (st == NUM_MISSING)
                    continue;
                v *= scale[i];
                if ((why = check_value(r, v))) {
                    char q[JZ_QUOTE_BUF];
                    jz_error_set(err, JZ_EINPUT, h->path, rec->line, i + 1,
                                 "%s %s, got %s", series_key[r], why, jz_history_quote(cell, q, sizeof q));
                    free(row.source);
                    goto fail;
                }
                row.v[r] = v;
                row.col[r] = i + 1;
                any_value = 1;
            }
        }
        if (!any_value) { /* a row of unknown cells only: nothing observed */
            free(row.source);
            continue;
        }
        rc = store_row(h, &row, err);
        free(row.source);
        if (rc)
            goto fail;
    }
    if (rc < 0)
        goto fail;
    if (!n_header) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0,
                     "no header line with a period column (periode, perioden, jaar, year) found");
        goto fail;
    }
    if (h->n_rows == 0) {
        jz_error_set(err, JZ_EINPUT, h->path, header_line, 0, "no observations below the header");
        goto fail;
    }
    free(rec);
    free(decoded);
    return h;
oom:
    jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
fail:
    free(rec);
    free(decoded);
    jz_history_free(h);
    return NULL;
}

/* ---- YAML -------------------------------------------------------------- */

static int yaml_row(jz_history *h, const jz_node *m, jz_error *err)
{
    if (m->type != JZ_NODE_MAP)
        return jz_error_set(err, JZ_EINPUT, m->file, m->line, m->column,
                            "each item of `rows` must be a map such as {gemeente: GM0153, "
                            "periode: 2022, instroom: 1200}, got %s", jz_node_type_name(m));
    jz_history_row row;
    memset(&row, 0, sizeof row);
    for (int s = 0; s < JZ_HS_N; s++)
        row.v[s] = NAN;
    row.line = m->line;
    int have_period = 0, rc = JZ_OK;
    char *src = NULL;
    for (size_t i = 0; i < m->n; i++) {
        const jz_node *k = m->keys[i], *v = m->values[i];
        char nm[256], par[128];
        normalise(k->scalar, nm, sizeof nm, 1, par, sizeof par);
        int r = role_of(nm);
        if (r < 0) {
            const char *sg = suggest(nm);
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, k->file, k->line, k->column,
                              "unknown key '%s' in a history row%s%s%s", jz_history_quote(k->scalar, q, sizeof q),
                              sg ? "; did you mean '" : "", sg ? sg : "", sg ? "'?" : "");
            break;
        }
        if (v->type != JZ_NODE_SCALAR) {
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                              "%s: expected a number or text, got %s", jz_history_quote(k->scalar, q, sizeof q), jz_node_type_name(v));
            break;
        }
        if (r == COL_GEMEENTE) {
            cpy(row.gemeente, sizeof row.gemeente, v->scalar);
            row.col_gemeente = v->column;
        } else if (r == COL_ZORGSOORT) {
            cpy(row.zorgsoort, sizeof row.zorgsoort, v->scalar);
            row.col_zorgsoort = v->column;
        } else if (r == COL_SOURCE) {
            free(src);
            if (!(src = jz_strdup(v->scalar))) {
                rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                break;
            }
        } else if (r == COL_PERIOD) {
            row.col_period = v->column;
            if (parse_period(v->scalar, &row.year, &row.half, &row.provisional)) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "period '%s': %s", jz_history_quote(v->scalar, q, sizeof q), PERIOD_HINT);
                break;
            }
            have_period = 1;
        } else {
            double x;
            const char *why;
            if (!v->quoted && (strcmp(v->scalar, "null") == 0 || strcmp(v->scalar, "~") == 0))
                continue;
            int st = parse_number(v->scalar, 0, &x, &why);
            if (st == NUM_BAD) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "%s: '%s' is not a number%s%s", series_key[r], jz_history_quote(v->scalar, q, sizeof q),
                                  why ? "; " : "", why ? why : "");
                break;
            }
            if (st == NUM_MISSING)
                continue;
            x *= unit_scale(r, par);
            if ((why = check_value(r, x))) {
                char q[JZ_QUOTE_BUF];
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "%s %s, got %s", series_key[r], why, jz_history_quote(v->scalar, q, sizeof q));
                break;
            }
            row.v[r] = x;
            row.col[r] = v->column;
        }
    }
    if (rc == JZ_OK && !have_period)
        rc = jz_error_set(err, JZ_EINPUT, m->file, m->line, m->column,
                          "this row has no `periode`; %s", PERIOD_HINT);
    if (rc == JZ_OK) {
        row.source = src;
        rc = store_row(h, &row, err);
    }
    free(src);
    return rc;
}

jz_history *jz_history_parse_yaml(const char *text, size_t len, const char *name, jz_error *err)
{
    jz_error_clear(err);
    jz_history *h = jz_history_alloc(name);
    jz_arena *a = jz_arena_alloc();
    if (!h || !a) {
        jz_arena_free(a);
        jz_history_free(h);
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    jz_yaml_limits lim = {JZ_YAML_MAX_BYTES, JZ_YAML_MAX_NODES};
    jz_node *root = jz_yaml_parse(a, text, len, h->path, &lim, err);
    int rc = root ? JZ_OK : err->status;
    const jz_node *rows = NULL;
    if (rc == JZ_OK && root->type != JZ_NODE_MAP)
        rc = jz_error_set(err, JZ_EINPUT, h->path, root->line, root->column,
                          "a history file is a map with `rows:` (and optionally `sources:`)");
    for (size_t i = 0; rc == JZ_OK && i < root->n; i++) {
        const jz_node *k = root->keys[i], *v = root->values[i];
        if (strcmp(k->scalar, "rows") == 0) {
            if (v->type != JZ_NODE_SEQ)
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "rows: expected a list of maps, got %s", jz_node_type_name(v));
            rows = v;
        } else if (strcmp(k->scalar, "sources") == 0 || strcmp(k->scalar, "bronnen") == 0 ||
                   strcmp(k->scalar, "source") == 0 || strcmp(k->scalar, "bron") == 0) {
            if (v->type == JZ_NODE_SCALAR) {
                if (add_note(h, v->scalar))
                    rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
            } else if (v->type == JZ_NODE_SEQ) {
                for (size_t j = 0; rc == JZ_OK && j < v->n; j++) {
                    if (v->values[j]->type != JZ_NODE_SCALAR)
                        rc = jz_error_set(err, JZ_EINPUT, v->values[j]->file, v->values[j]->line,
                                          v->values[j]->column, "sources: expected a list of texts");
                    else if (add_note(h, v->values[j]->scalar))
                        rc = jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
                }
            } else {
                rc = jz_error_set(err, JZ_EINPUT, v->file, v->line, v->column,
                                  "sources: expected a text or a list of texts");
            }
        } else {
            char q[JZ_QUOTE_BUF];
            rc = jz_error_set(err, JZ_EINPUT, k->file, k->line, k->column,
                              "unknown key '%s' in a history file; expected rows or sources",
                              jz_history_quote(k->scalar, q, sizeof q));
        }
    }
    if (rc == JZ_OK && !rows)
        rc = jz_error_set(err, JZ_EINPUT, h->path, 1, 1, "no `rows:` list in the history file");
    for (size_t i = 0; rc == JZ_OK && i < rows->n; i++)
        rc = yaml_row(h, rows->values[i], err);
    if (rc == JZ_OK && h->n_rows == 0)
        rc = jz_error_set(err, JZ_EINPUT, h->path, rows->line, rows->column, "no observations in `rows`");
    jz_arena_free(a);
    if (rc != JZ_OK) {
        jz_history_free(h);
        return NULL;
    }
    return h;
}

jz_history *jz_history_load(const char *path, jz_error *err)
{
    jz_error_clear(err);
    char *buf;
    size_t n;
    if (jz_read_file(path, JZ_HISTORY_MAX_BYTES, "the history file", &buf, &n, err) != JZ_OK)
        return NULL;
    size_t L = strlen(path);
    int yaml = (L > 5 && strcmp(path + L - 5, ".yaml") == 0) || (L > 4 && strcmp(path + L - 4, ".yml") == 0);
    jz_history *h = yaml ? jz_history_parse_yaml(buf, n, path, err)
                         : jz_history_parse_csv(buf, n, path, err);
    free(buf);
    return h;
}
