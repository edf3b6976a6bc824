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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/history.h"
#include "analysis/calib_internal.h"
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

static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40)
        return 99;
    int d[41][41];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[n][m];
}

/* The documented name closest to an unknown header, or NULL. */
static const char *suggest(const char *norm)
{
    const char *best = NULL;
    int bd = 3;
    for (size_t i = 0; i < N_ALIASES; i++) {
        int d = edit_distance(norm, aliases[i].name);
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

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int push_str(char ***arr, int *n, int *cap, const char *s)
{
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        char **a = realloc(*arr, (size_t)nc * sizeof *a);
        if (!a)
            return JZ_ENOMEM;
        *arr = a;
        *cap = nc;
    }
    if (!((*arr)[*n] = xstrdup(s)))
        return JZ_ENOMEM;
    (*n)++;
    return JZ_OK;
}

static int add_note(jz_history *h, const char *s)
{
    return push_str(&h->notes, &h->n_notes, &h->cap_notes, s);
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
    char esc[2200]; /* user text in a warning: control bytes escaped (jzsim/error.h) */
    jz_text_escape(esc, sizeof esc, buf);
    return push_str(&h->warnings, &h->n_warnings, &h->cap_warnings, esc);
}

jz_history *jz_history_alloc(const char *name)
{
    jz_history *h = calloc(1, sizeof *h);
    if (h)
        cpy(h->path, sizeof h->path, name ? name : "");
    return h;
}

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
    free(h);
}

static jz_history_row *new_row(jz_history *h)
{
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
    jz_history_row *r = NULL;
    for (int i = 0; i < h->n_rows && !r; i++)
        if (same_key(&h->rows[i], gemeente, zorgsoort, year, half))
            r = &h->rows[i];
    if (!r) {
        if (!(r = new_row(h)))
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        cpy(r->gemeente, sizeof r->gemeente, gemeente ? gemeente : "");
        cpy(r->zorgsoort, sizeof r->zorgsoort, zorgsoort ? zorgsoort : "");
        r->year = year;
        r->half = half;
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
    for (int i = 0; i < h->n_rows; i++) {
        jz_history_row *r = &h->rows[i];
        if (!same_key(r, in->gemeente, in->zorgsoort, in->year, in->half))
            continue;
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
    if (src && !(r->source = xstrdup(src)))
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
    csvin in = {text, text + len, 1, ',', h->path};
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* UTF-8 byte order mark */
        in.p += 3;
    if (memchr(text, '\0', len)) {
        jz_error_set(err, JZ_EINPUT, h->path, 0, 0, "the file contains NUL bytes; is it a text (CSV) file?");
        goto fail;
    }
    in.sep = detect_sep(in.p, in.end);
    int comma_decimal = in.sep != ',';

    int role[MAX_FIELDS];
    double scale[MAX_FIELDS];
    int n_header = 0, header_line = 0, rc;
    int role_col[COL_ROLES];
    for (int i = 0; i < COL_ROLES; i++)
        role_col[i] = -1;
    char note[2048];

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
        /* a footer such as "Bron: CBS" or "© CBS": one field, not a period */
        if (rec->n == 1) {
            int y, hf, pv;
            if (parse_period(first, &y, &hf, &pv) != 0) {
                if (add_note(h, first))
                    goto oom;
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
                row.source = cell[0] ? xstrdup(cell) : NULL;
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
    return h;
oom:
    jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
fail:
    free(rec);
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
            if (!(src = xstrdup(v->scalar))) {
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
    jz_yaml_limits lim = {16u << 20, 2000000};
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
    FILE *f = fopen(path, "rb");
    if (!f) {
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open the history file");
        return NULL;
    }
    size_t cap = 1 << 16, n = 0, limit = 64u << 20;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        if (cap >= limit) {
            free(buf);
            fclose(f);
            jz_error_set(err, JZ_EINPUT, path, 0, 0, "the history file is larger than 64 MiB");
            return NULL;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int rerr = ferror(f);
    fclose(f);
    if (!buf) {
        jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    if (rerr) {
        free(buf);
        jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read the history file");
        return NULL;
    }
    size_t L = strlen(path);
    int yaml = (L > 5 && strcmp(path + L - 5, ".yaml") == 0) || (L > 4 && strcmp(path + L - 4, ".yml") == 0);
    jz_history *h = yaml ? jz_history_parse_yaml(buf, n, path, err)
                         : jz_history_parse_csv(buf, n, path, err);
    free(buf);
    return h;
}
