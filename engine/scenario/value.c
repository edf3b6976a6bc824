/*
 * value.c - numbers with units, integers and time series from YAML nodes.
 *
 * Controllers write numbers the way they appear in a budget: "6.5%",
 * "€ 12k", "3.1M".  This file accepts exactly those forms for the units
 * where they make sense and rejects everything else with a message that
 * says what was expected, so that a typo never becomes a silent zero.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "common/util.h"
#include "scenario/build.h"
#include "scenario/value.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2200

int jz_node_error(jz_error *err, const jz_node *n, const char *fmt, ...)
{
    char msg[JZ_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return jz_error_set(err, JZ_EINPUT, n ? n->file : NULL, n ? n->line : 0,
                        n ? n->column : 0, "%s", msg);
}

const char *jz_unit_name(jz_unit u)
{
    switch (u) {
    case JZ_U_COUNT: return "clients";
    case JZ_U_MONEY: return "euros";
    case JZ_U_MONTHS: return "months";
    case JZ_U_FRACTION: return "fraction";
    case JZ_U_RATE: return "fraction/yr";
    case JZ_U_PER_1000: return "per 1,000 youth/yr";
    case JZ_U_FACTOR: return "number";
    }
    return "";
}

/* What a unit accepts, for "expected ..." messages. */
static const char *unit_expect(jz_unit u)
{
    switch (u) {
    case JZ_U_COUNT: return "a number of clients >= 0 (e.g. 1200 or 1.2k)";
    case JZ_U_MONEY: return "an amount in euros >= 0 (e.g. 15400, 12k or 3.1M)";
    case JZ_U_MONTHS: return "a number of months > 0 (e.g. 9.5)";
    case JZ_U_FRACTION: return "a fraction from 0 to 1, or a percentage (e.g. 0.11 or 11%)";
    case JZ_U_RATE: return "a yearly change as a percentage or fraction (e.g. 6.5% or 0.065)";
    case JZ_U_PER_1000: return "a number of starts per 1,000 youth per year >= 0 (e.g. 42)";
    case JZ_U_FACTOR: return "a number >= 0";
    }
    return "a number";
}

/* The valid range of each unit.  Upper bounds are far beyond any real
 * municipality (the Netherlands has ~18 million people and spends ~EUR 6
 * billion a year on youth care) but keep every product the model forms
 * finite, so a typo like 1e308 is an input error, not an infinite tekort. */
#define MAX_COUNT 1e9     /* clients, persons */
#define MAX_MONEY 1e13    /* euros */
#define MAX_FACTOR 1e9    /* units per year and other plain numbers */
#define MIN_MONTHS 0.01   /* about seven hours: k / D must stay finite */

void jz_unit_range(jz_unit u, double *lo, double *hi, int *lo_open)
{
    *lo = 0.0;
    *lo_open = 0;
    switch (u) {
    case JZ_U_COUNT: *hi = MAX_COUNT; break;
    case JZ_U_MONEY: *hi = MAX_MONEY; break;
    case JZ_U_FACTOR: *hi = MAX_FACTOR; break;
    case JZ_U_MONTHS: *lo = MIN_MONTHS; *hi = 1200.0; break;
    case JZ_U_FRACTION: *hi = 1.0; break;
    case JZ_U_RATE: *lo = -1.0; *lo_open = 1; *hi = 10.0; break;
    case JZ_U_PER_1000: *hi = 1000.0; break;
    default: *hi = INFINITY; break;
    }
}

static int range_ok(jz_unit u, double v, const char **why)
{
    switch (u) {
    case JZ_U_COUNT: *why = "must be >= 0 and at most 1,000,000,000"; break;
    case JZ_U_MONEY: *why = "must be >= 0 and at most 10,000,000,000,000 euros"; break;
    case JZ_U_FACTOR: *why = "must be >= 0 and at most 1,000,000,000"; break;
    case JZ_U_MONTHS: *why = "must be > 0 months (at least 0.01) and at most 1200 (100 years)"; break;
    case JZ_U_FRACTION: *why = "must be between 0 and 1 (0% to 100%)"; break;
    case JZ_U_RATE: *why = "must be above -100% and at most 1000% per year"; break;
    case JZ_U_PER_1000: *why = "must be between 0 and 1000 per 1,000"; break;
    default: *why = ""; break;
    }
    double lo, hi;
    int lo_open;
    jz_unit_range(u, &lo, &hi, &lo_open);
    return (lo_open ? v > lo : v >= lo) && v <= hi;
}

static int is_suffix_unit(jz_unit u)
{
    return u == JZ_U_COUNT || u == JZ_U_MONEY || u == JZ_U_FACTOR;
}

static int is_percent_unit(jz_unit u)
{
    return u == JZ_U_FRACTION || u == JZ_U_RATE;
}

/* "151.500" or "€ 13.700" in a euro or count field: a Dutch thousands dot
 * or an English decimal point?  Both readings are plausible, so neither is
 * taken.  "1.250.000" (more than one group) has only the Dutch reading,
 * which a YAML figure does not take either: the message says how to write
 * it.  t is the number as written, without the euro sign and suffix. */
static int check_dutch_thousands(const jz_node *n, jz_unit u, const char *what,
                                 const char *t, jz_error *err)
{
    if (!is_suffix_unit(u))
        return JZ_OK;
    int groups;
    double d = jz_dutch_thousands(t, &groups);
    if (d < 0 || groups < 1)
        return JZ_OK;
    long dutch = (long)d;
    if (groups > 1) /* "1.250.000": no decimal point, only the Dutch reading; say how to write it */
        return jz_node_error(err, n, "%s: '%s' has Dutch thousands dots, which a YAML figure does not take; "
                             "write %ld (or with k or M: %.10gk, %.10gM)",
                             what, n->scalar, dutch, d / 1e3, d / 1e6);
    double english = strtod(t, NULL);
    return jz_node_error(err, n, "%s: '%s' is ambiguous: %ld with a Dutch thousands dot, or %.10g with "
                         "a decimal point; write %ld or %.10g",
                         what, n->scalar, dutch, english, dutch, english);
}

/* The value strtod gives for a plain decimal ("-12.75": a sign, at most 15
 * digits, a point, no exponent), without strtod's general algorithm (a
 * national scenario has ~40,000 values): the digits as an integer M <
 * 10^15 < 2^53 and 10^f (f <= 15) are both exact doubles, so M / 10^f is
 * the correctly rounded quotient, as strtod's result is.  Returns 0 for
 * anything else, which strtod then reads. */
static int plain_decimal(const char *t, double *v)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    int neg = *t == '-';
    if (*t == '-' || *t == '+')
        t++;
    uint64_t m = 0;
    int digits = 0, frac = -1;
    for (; *t; t++) {
        if (*t == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*t < '0' || *t > '9' || ++digits > 15)
            return 0;
        m = 10 * m + (uint64_t)(*t - '0');
        if (frac >= 0)
            frac++;
    }
    if (digits == 0)
        return 0;
    double x = (double)m;
    if (frac > 0)
        x /= pow10[frac];
    *v = neg ? -x : x;
    return 1;
}

/* The end of the text of t[0..len) before a million written "mln" ("50.1
 * mln": 5), or 0 when it does not end so. */
static size_t mln_at(const char *t, size_t len)
{
    while (len > 0 && isspace((unsigned char)t[len - 1]))
        len--;
    return len > 3 && (strncmp(t + len - 3, "mln", 3) == 0 || strncmp(t + len - 3, "Mln", 3) == 0) ? len - 3 : 0;
}

/* text as the loader reads amounts, a million written "mln" as M
 * ("€ 50.1 mln": "€ 50.1M"), into fix; 1 when that is a valid value of
 * unit u, else 0. */
static int amount_as_read(const char *text, jz_unit u, char *fix, size_t size)
{
    char t[128];
    int w = snprintf(t, sizeof t, "%s", text);
    if (w < 0 || (size_t)w >= sizeof t - 1 || strchr(t, ','))
        return 0;
    size_t len = (size_t)w, at = mln_at(t, len);
    if (at) {
        for (len = at; len > 0 && t[len - 1] == ' ';)
            len--;
        t[len++] = 'M';
    }
    t[len] = '\0';
    jz_node tmp = {.type = JZ_NODE_SCALAR, .scalar = t};
    jz_error ignored;
    double v;
    if (jz_value_number(&tmp, u, "", &v, &ignored) != JZ_OK)
        return 0;
    snprintf(fix, size, "%s", t);
    return 1;
}

/* The two parts either side of a decimal comma, "€ 50" and "1 mln", joined
 * with a point into t: 1 when they have the shape of one (before ends and
 * after starts with a digit), else 0.  (The loader reads no decimal comma,
 * quoted or not: a Dutch 1.234,5 and an English 1,234.5 cannot both be
 * meant; a message gives the amount with a point.) */
static int decimal_comma_join(const char *before, const char *after, char *t, size_t size)
{
    size_t lb = strlen(before);
    return lb && isdigit((unsigned char)before[lb - 1]) && isdigit((unsigned char)after[0]) &&
           (size_t)snprintf(t, size, "%s.%s", before, after) < size;
}

/* The characters of UTF-8 text, as libyaml counts a node's column. */
static int chars(const char *t)
{
    int n = 0;
    for (; *t; t++)
        n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

int jz_node_glued(const jz_node *prev, const jz_node *at)
{
    /* only a fragment right after the comma: "10, 18" is two values */
    return prev && at && prev->type == JZ_NODE_SCALAR && at->type == JZ_NODE_SCALAR && !prev->quoted &&
           !at->quoted && prev->line == at->line && at->column == prev->column + chars(prev->scalar) + 1;
}

/* 1 when the pieces of a figure typed with commas ("2,500", "€ 1,200,000")
 * have the shape of thousands groups: a first group of 1 to 3 digits (after
 * an optional minus and euro sign, no leading 0) and every later piece
 * exactly three digits. */
static int thousands_shape(const char *const *pieces, size_t n)
{
    const char *c = pieces[0];
    if (*c == '-')
        c++;
    if (strncmp(c, "\xe2\x82\xac", 3) == 0) /* € */
        c += 3;
    while (*c == ' ')
        c++;
    size_t d = strspn(c, "0123456789");
    if (d < 1 || d > 3 || c[d] || *c == '0')
        return 0;
    for (size_t i = 1; i < n; i++)
        if (strlen(pieces[i]) != 3 || strspn(pieces[i], "0123456789") != 3)
            return 0;
    return 1;
}

/* The digits after the first group without their trailing zeros, as a
 * fraction: ".5" for "500", "" for "000". */
static void fraction_of(const char *digits, char *t, size_t size)
{
    int keep = (int)strlen(digits);
    while (keep > 0 && digits[keep - 1] == '0')
        keep--;
    if (keep)
        snprintf(t, size, ".%.*s", keep, digits);
    else
        t[0] = '\0';
}

/* The readings of thousands-shaped pieces ("2,500": 2500, 2.5k or 2.5;
 * "1,200,000": 1200000 or 1.2M) that are values of unit u, as advice.
 * The decimal reading drops trailing zeros: "2.500" is a Dutch thousands
 * dot again. */
static jz_comma thousands_or_decimal(const char *const *pieces, size_t n, jz_unit u, char *advice, size_t size)
{
    char whole[128] = "", rest[128] = "", frac[128], shortened[300] = "", dec[300], fix[128];
    for (size_t i = 0; i < n; i++) {
        strncat(whole, pieces[i], sizeof whole - strlen(whole) - 1);
        if (i > 0)
            strncat(rest, pieces[i], sizeof rest - strlen(rest) - 1);
    }
    fraction_of(rest, frac, sizeof frac);
    if (n <= 3 && is_suffix_unit(u)) { /* 2.5k, 1.2M */
        snprintf(shortened, sizeof shortened, "%s%s%c", pieces[0], frac, n == 2 ? 'k' : 'M');
        if (!amount_as_read(shortened, u, fix, sizeof fix))
            shortened[0] = '\0';
    }
    char thousands[600];
    if (shortened[0])
        snprintf(thousands, sizeof thousands, "%s (or %s)", whole, shortened);
    else
        snprintf(thousands, sizeof thousands, "%s", whole);
    if (n > 2) {
        snprintf(advice, size, "write %s, without thousands commas", thousands);
        return JZ_COMMA_THOUSANDS;
    }
    snprintf(dec, sizeof dec, "%s%s", pieces[0], frac);
    int whole_ok = amount_as_read(whole, u, fix, sizeof fix), dec_ok = amount_as_read(dec, u, fix, sizeof fix);
    if (dec_ok && !whole_ok) {
        snprintf(advice, size, "write %s, with a point", dec);
        return JZ_COMMA_DECIMAL;
    }
    if (whole_ok && !dec_ok) /* 12,345: 12.345 is a Dutch thousands dot again */
        snprintf(advice, size, "write %s if the comma separates thousands; jzsim reads no comma in a figure",
                 thousands);
    else
        snprintf(advice, size, "write %s if the comma separates thousands, %s if it is a decimal comma; "
                 "jzsim reads neither", thousands, dec);
    return JZ_COMMA_EITHER;
}

/* before,after as a decimal comma ("10,5", "148,5k", "€ 50,1 mln"): the
 * amount with a point as advice, or JZ_COMMA_NONE when they have no shape
 * of one. */
static jz_comma decimal_comma(const char *before, const char *after, jz_unit u, char *advice, size_t size)
{
    char joined[128], fix[128];
    if (!decimal_comma_join(before, after, joined, sizeof joined))
        return JZ_COMMA_NONE;
    if (!amount_as_read(joined, u, fix, sizeof fix)) {
        /* a fragment of only digits (and %, k or M) is no key or item a
         * reader meant, even when the joined amount is out of range here:
         * still the comma, which is the mistake to fix first */
        const char *c = after;
        while (isdigit((unsigned char)*c))
            c++;
        if (!(*c == '\0' || (strchr("%kM", *c) && c[1] == '\0')) || strlen(after) > 6)
            return JZ_COMMA_NONE;
        snprintf(fix, sizeof fix, "%s", joined);
    }
    snprintf(advice, size, "write %s, with a point", fix);
    return JZ_COMMA_DECIMAL;
}

jz_comma jz_comma_meaning(const char *const *pieces, size_t n, jz_unit u, char *advice, size_t size)
{
    advice[0] = '\0';
    if (n >= 2 && thousands_shape(pieces, n))
        return thousands_or_decimal(pieces, n, u, advice, size);
    return n == 2 ? decimal_comma(pieces[0], pieces[1], u, advice, size) : JZ_COMMA_NONE;
}

/* What a message calls the comma of a meaning. */
static const char *comma_name(jz_comma m)
{
    return m == JZ_COMMA_DECIMAL ? "a decimal comma" : m == JZ_COMMA_THOUSANDS ? "thousands commas" : "a comma";
}

int jz_value_split_comma_entry(const jz_node *map, size_t i, jz_unit u, const char *what, jz_error *err)
{
    const jz_node *v = map->values[i], *at = map->keys[i];
    if (i == 0 || (v && (v->type != JZ_NODE_SCALAR || v->scalar[0])))
        return JZ_OK; /* a key with a value of its own is no fragment */
    /* the entry before it in the file: in a variant (extends) the merged map
     * keeps the base's years first and adds the fragment after them, so the
     * value it was split from need not be the one just before it */
    const jz_node *prev = map->values[i - 1];
    for (size_t j = 0; j < map->n && !jz_node_glued(prev, at); j++)
        if (j != i && jz_node_glued(map->values[j], at) && map->values[j]->file && at->file &&
            strcmp(map->values[j]->file, at->file) == 0)
            prev = map->values[j];
    return jz_value_split_comma(prev, at, u, 0, what, err);
}

/* A comma inside a flow map or list, {2024: € 50,1 mln}, [10,5, 18] or
 * {tariff: 2,500}: YAML reads the comma as the end of an entry, so the
 * figure falls apart into `before` (the scalar of the entry before) and
 * the fragment `after`, which becomes a key (a map) or an item (a list) of
 * its own.  An error at `at` saying so, with what to write; JZ_OK when the
 * two are no figure with a comma. */
int jz_value_split_comma(const jz_node *prev, const jz_node *at, jz_unit u, int list, const char *what,
                         jz_error *err)
{
    if (!jz_node_glued(prev, at))
        return JZ_OK;
    const char *pieces[2] = {prev->scalar, at->scalar};
    char advice[700];
    jz_comma m = jz_comma_meaning(pieces, 2, u, advice, sizeof advice);
    if (m == JZ_COMMA_NONE)
        return JZ_OK;
    return jz_node_error(err, at, "%s: %s,%s: %s inside %s separates entries in YAML; %s", what, prev->scalar,
                         at->scalar, comma_name(m), list ? "[...]" : "{...}", advice);
}

/* A scalar with a comma ("6,5k", '2,500', '1,000,000'): what the comma
 * means, or that jzsim reads no comma in a figure. */
static int comma_error(const jz_node *n, jz_unit u, const char *what, jz_error *err)
{
    char text[128], advice[700];
    const char *pieces[8];
    size_t np = 0;
    snprintf(text, sizeof text, "%s", n->scalar);
    for (char *p = text; p && np < sizeof pieces / sizeof *pieces;) {
        pieces[np++] = p;
        if ((p = strchr(p, ',')) != NULL)
            *p++ = '\0';
    }
    jz_comma m = jz_comma_meaning(pieces, np, u, advice, sizeof advice);
    if (m != JZ_COMMA_NONE)
        return jz_node_error(err, n, "%s: '%s' has %s; %s", what, n->scalar, comma_name(m), advice);
    return jz_node_error(err, n, "%s: '%s' uses a comma; write decimals with a point (6.5%%, not 6,5%%) and no "
                         "thousands separators", what, n->scalar);
}

size_t jz_value_euro_after(const char *t, size_t len)
{
    if (len <= 3 || memcmp(t + len - 3, "\xe2\x82\xac", 3) != 0)
        return len;
    len -= 3;
    while (len > 0 && isspace((unsigned char)t[len - 1]))
        len--;
    return len;
}

int jz_value_number(const jz_node *n, jz_unit u, const char *what,
                    double *out, jz_error *err)
{
    int rc;
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected %s, got %s", what,
                             unit_expect(u), jz_node_type_name(n));
    char buf[128];
    const char *t = n->scalar;
    while (isspace((unsigned char)*t))
        t++;
    int euro = strncmp(t, "\xe2\x82\xac", 3) == 0; /* € */
    if (euro) {
        t += 3;
        while (isspace((unsigned char)*t))
            t++;
    }
    size_t len = strlen(t);
    while (len > 0 && isspace((unsigned char)t[len - 1]))
        len--;
    if (!euro) { /* the sign after the amount: "14.600.000 €" */
        size_t k = jz_value_euro_after(t, len);
        euro = k != len;
        len = k;
    }
    if (euro && u != JZ_U_MONEY)
        return jz_node_error(err, n, "%s: a euro amount is not expected here; expected %s", what,
                             unit_expect(u));
    if (len == 0)
        return jz_node_error(err, n, "%s: expected %s, got an empty value", what, unit_expect(u));
    if (len >= sizeof buf)
        return jz_node_error(err, n, "%s: expected %s, got a text of %zu characters",
                             what, unit_expect(u), len);
    memcpy(buf, t, len);
    buf[len] = '\0';

    double scale = 1.0;
    char last = buf[len - 1];
    if (last == '%') {
        if (!is_percent_unit(u))
            return jz_node_error(err, n, "%s: a percentage is not expected here; expected %s",
                                 what, unit_expect(u));
        scale = 0.01;
        buf[--len] = '\0';
    } else if (last == 'k' || last == 'K' || last == 'M') {
        if (!is_suffix_unit(u))
            return jz_node_error(err, n, "%s: the suffix '%c' is not expected here; expected %s",
                                 what, last, unit_expect(u));
        scale = last == 'M' ? 1e6 : 1e3;
        buf[--len] = '\0';
    }
    while (len > 0 && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    if (strchr(n->scalar, ','))
        return comma_error(n, u, what, err);
    /* strtod also reads "nan", "inf" and hex floats; a scenario may not */
    for (const char *c = buf; *c; c++) {
        if (!(isdigit((unsigned char)*c) || *c == '.' || *c == '-' || *c == '+' ||
              *c == 'e' || *c == 'E' || *c == '_')) {
            char fix[128]; /* "50.1 mln", as a controller writes a million (read without mln: no loop) */
            if (mln_at(n->scalar, strlen(n->scalar)) && amount_as_read(n->scalar, u, fix, sizeof fix))
                return jz_node_error(err, n, "%s: '%s': write %s (M for a million, k for a thousand)", what,
                                     n->scalar, fix);
            return jz_node_error(err, n, "%s: expected %s, got '%s'", what, unit_expect(u), n->scalar);
        }
    }
    /* allow 1_000_000 as YAML 1.1 does, by dropping the underscores */
    char clean[128];
    size_t j = 0;
    for (const char *c = buf; *c; c++)
        if (*c != '_')
            clean[j++] = *c;
    clean[j] = '\0';
    char *end = clean + j;
    double v;
    if (!plain_decimal(clean, &v))
        v = strtod(clean, &end);
    if (scale == 1.0 && (rc = check_dutch_thousands(n, u, what, buf, err))) /* also "1.250.000", unread */
        return rc;
    if (j == 0 || end == clean || *end != '\0')
        return jz_node_error(err, n, "%s: expected %s, got '%s'", what, unit_expect(u), n->scalar);
    v *= scale;
    /* a share or rate written as a bare number above 1 was meant as a percentage */
    if (is_percent_unit(u) && scale == 1.0 && v > 1.0)
        return jz_node_error(err, n, "%s %s means %.10g%%%s; write %s%% or %.10g", what, clean, v * 100.0,
                             u == JZ_U_RATE ? " a year" : "", clean, v / 100.0);
    if (!isfinite(v))
        return jz_node_error(err, n, "%s: '%s' is not a finite number", what, n->scalar);
    const char *why;
    if (!range_ok(u, v, &why))
        return jz_node_error(err, n, "%s %s, got %s", what, why, n->scalar);
    *out = v;
    return JZ_OK;
}

int jz_value_int(const jz_node *n, long lo, long hi, const char *what,
                 long *out, jz_error *err)
{
    if (!n || n->type != JZ_NODE_SCALAR)
        return jz_node_error(err, n, "%s: expected a whole number from %ld to %ld, got %s",
                             what, lo, hi, jz_node_type_name(n));
    const char *t = n->scalar;
    char *end = NULL;
    long v = strtol(t, &end, 10);
    if (end == t || *end != '\0')
        return jz_node_error(err, n, "%s: expected a whole number from %ld to %ld, got '%s'",
                             what, lo, hi, t);
    if (v < lo || v > hi)
        return jz_node_error(err, n, "%s must be from %ld to %ld, got %ld", what, lo, hi, v);
    *out = v;
    return JZ_OK;
}

/* the most points a year map may have (series_impl says so when there are more) */
#define SERIES_POINTS_MAX 256

typedef struct {
    int year;
    double v;
    const jz_node *key; /* where it was written, for a warning */
} point;

static int cmp_point(const void *a, const void *b)
{
    const point *p = a, *q = b;
    return (p->year > q->year) - (p->year < q->year);
}

static int series_growth(const jz_node *n, jz_unit u, const char *what,
                         int H, double *out, jz_error *err)
{
    const jz_node *base = NULL, *growth = NULL;
    for (size_t i = 0; i < n->n; i++) {
        const char *k = n->keys[i]->scalar;
        if (strcmp(k, "base") == 0)
            base = n->values[i];
        else if (strcmp(k, "growth") == 0)
            growth = n->values[i];
        else if (strcmp(k, "plausible") == 0 || strcmp(k, "source") == 0 || strcmp(k, "bron") == 0 ||
                 strcmp(k, "label") == 0)
            continue;
        else
            return jz_node_error(err, n->keys[i],
                                 "%s: unknown key '%s' in a {base, growth} series; expected 'base' and 'growth'",
                                 what, k);
    }
    double b, g = 0.0;
    int rc = jz_value_number(base, u, what, &b, err);
    if (rc)
        return rc;
    if (growth && (rc = jz_value_number(growth, JZ_U_RATE, what, &g, err)))
        return rc;
    double f = 1.0;
    for (int y = 0; y < H; y++) {
        out[y] = b * f;
        f *= 1.0 + g;
    }
    return JZ_OK;
}

static int series_impl(jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                       int base_year, int H, double *out, int pulse, jz_error *err);

int jz_value_series(jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                    int base_year, int H, double *out, jz_error *err)
{
    return series_impl(warn, n, u, what, base_year, H, out, 0, err);
}

int jz_value_series_pulse(jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                          int base_year, int H, double *out, jz_error *err)
{
    return series_impl(warn, n, u, what, base_year, H, out, 1, err);
}

/* A year map's points that no projected year takes its value from: a
 * point after the last year (a step series holds the point before it; a
 * one-off value counts nowhere), or before the first year when a later
 * point already sets the first year.  Such a point is almost always a
 * typo (2035 for 2025); the reader gets a located warning saying what the
 * years take instead.  A point outside the years that does set values (the
 * value held into the first year, a linear anchor beyond the last) is the
 * documented series rule and stays silent, and so does a point written in
 * another file than the scenario's own (see below).  pts sorted by year. */
static int warn_unused_points(jz_scenario *s, const point *pts, size_t np, const char *what,
                              int first, int H, int linear, int pulse)
{
    int last = first + H - 1;
    if (pts[0].year >= first && pts[np - 1].year <= last)
        return JZ_OK; /* the usual case: every point is a projected year */
    unsigned char used[SERIES_POINTS_MAX] = {0};
    for (int y = first; y <= last; y++) {
        if (pulse) {
            for (size_t i = 0; i < np; i++)
                used[i] |= pts[i].year == y;
            continue;
        }
        size_t i = 0; /* the last point at or before y (the first when none) */
        while (i + 1 < np && pts[i + 1].year <= y)
            i++;
        used[i] = 1;
        if (linear && pts[i].year < y && i + 1 < np)
            used[i + 1] = 1; /* interpolated toward the next point */
    }
    size_t lo = 0, hi = 0; /* the first and last point used */
    while (lo < np && !used[lo])
        lo++;
    for (size_t i = 0; i < np; i++)
        if (used[i])
            hi = i;
    for (size_t i = 0; i < np; i++) {
        const point *p = &pts[i];
        /* a base file's point (extends) serves the base's own years: a
         * variant that ends earlier leaves it out on purpose, and the base
         * gets this check when it is validated itself */
        if (used[i] || !p->key->file || strcmp(p->key->file, s->meta.path) != 0)
            continue;
        char take[512];
        if (pulse)
            snprintf(take, sizeof take, "a one-off value counts only in the year it names, so this one counts in no year");
        else if (p->year < first)
            snprintf(take, sizeof take, "the point of %d already sets the value of %d, so this one is used in no year",
                     pts[lo].year, first);
        else if (lo < np && !linear && pts[hi].year < last) {
            int from = pts[hi].year < first ? first : pts[hi].year + 1;
            if (from == last)
                snprintf(take, sizeof take, "the year %d takes the value of %d instead", last, pts[hi].year);
            else
                snprintf(take, sizeof take, "the years %d-%d take the value of %d instead", from, last, pts[hi].year);
        }
        else
            snprintf(take, sizeof take, "no year takes its value (the series ends with the point of %d)",
                     pts[hi].year);
        int rc = jz_scenario_warn_once(s, "%s:%d:%d: %s: %d lies %s the scenario's %s year %d; %s. Did you mean a "
                                       "year within %d-%d?",
                                       p->key->file, p->key->line, p->key->column, what, p->year,
                                       p->year < first ? "before" : "after", p->year < first ? "first" : "last",
                                       p->year < first ? first : last, take, first, last);
        if (rc)
            return rc;
    }
    return JZ_OK;
}

static int series_impl(jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                       int base_year, int H, double *out, int pulse, jz_error *err)
{
    if (n && n->type == JZ_NODE_SCALAR) {
        double v;
        int rc = jz_value_number(n, u, what, &v, err);
        if (rc)
            return rc;
        for (int y = 0; y < H; y++)
            out[y] = v;
        return JZ_OK;
    }
    if (!n || n->type != JZ_NODE_MAP)
        return jz_node_error(err, n, "%s: expected %s, or a series by year such as {2024: ..., 2026: ...}, got %s",
                             what, unit_expect(u), jz_node_type_name(n));
    if (jz_node_get(n, "dist") || jz_node_get(n, "value")) /* the loader's series() takes these */
        return jz_node_error(err, n, "%s: a distribution or range is not supported for this input; write a plain "
                             "value or series (docs/uncertainty.md lists the inputs that can be uncertain)", what);
    if (jz_node_get(n, "base"))
        return series_growth(n, u, what, H, out, err);

    /* A decimal comma inside a flow map, {2026: 4,1%, 2027: 3%}, is read by
     * YAML as a comma between entries: 2026: 4 and a key '1%' without a
     * value.  Say that, at the fragment, before the 4 is judged on its own
     * ("400% a year") and the real mistake is hidden. */
    for (size_t i = 1; i < n->n; i++) {
        char *end;
        long year = strtol(n->keys[i]->scalar, &end, 10);
        int rc = *end || year < YEAR_MIN || year > YEAR_MAX ? jz_value_split_comma_entry(n, i, u, what, err) : JZ_OK;
        if (rc)
            return rc;
    }
    int linear = 0;
    size_t np = 0;
    point pts[SERIES_POINTS_MAX];
    for (size_t i = 0; i < n->n; i++) {
        const jz_node *k = n->keys[i];
        if (strcmp(k->scalar, "source") == 0 || strcmp(k->scalar, "plausible") == 0 ||
            strcmp(k->scalar, "bron") == 0 || strcmp(k->scalar, "label") == 0)
            continue; /* notes on the series itself: source, plausible: false (plausible.c), bron, label (inputs.c) */
        if (strcmp(k->scalar, "interpolation") == 0) {
            if (pulse)
                return jz_node_error(err, k, "%s: one-off values per year take no interpolation; years not named are 0", what);
            const jz_node *v = n->values[i];
            if (v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "linear") == 0)
                linear = 1;
            else if (v->type == JZ_NODE_SCALAR && strcmp(v->scalar, "step") == 0)
                linear = 0;
            else
                return jz_node_error(err, v, "%s: interpolation must be 'step' or 'linear'", what);
            continue;
        }
        long year;
        char *end = NULL;
        year = strtol(k->scalar, &end, 10);
        if (end == k->scalar || *end != '\0' || year < YEAR_MIN || year > YEAR_MAX)
            return jz_node_error(err, k,
                                 "%s: '%s' is not a year; a series is written {2024: value, 2026: value} (optionally with interpolation: linear)",
                                 what, k->scalar);
        if (np == sizeof pts / sizeof pts[0])
            return jz_node_error(err, k, "%s: a series may have at most %zu years", what,
                                 sizeof pts / sizeof pts[0]);
        pts[np].year = (int)year;
        pts[np].key = k;
        int rc = jz_value_number(n->values[i], u, what, &pts[np].v, err);
        if (rc)
            return rc;
        np++;
    }
    if (np == 0)
        return jz_node_error(err, n, "%s: a series needs at least one year, e.g. {%d: ...}", what, base_year);
    qsort(pts, np, sizeof pts[0], cmp_point);
    if (warn && H > 0 && warn_unused_points(warn, pts, np, what, base_year, H, linear, pulse))
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    if (pulse) {
        for (int y = 0; y < H; y++)
            out[y] = 0.0;
        for (size_t i = 0; i < np; i++)
            if (pts[i].year >= base_year && pts[i].year < base_year + H)
                out[pts[i].year - base_year] = pts[i].v;
        return JZ_OK;
    }
    for (int y = 0; y < H; y++) {
        int year = base_year + y;
        if (year <= pts[0].year) {
            out[y] = pts[0].v;
            continue;
        }
        if (year >= pts[np - 1].year) {
            out[y] = pts[np - 1].v;
            continue;
        }
        size_t i = 0;
        while (pts[i + 1].year <= year)
            i++;
        if (!linear || pts[i].year == year) {
            out[y] = pts[i].v;
        } else {
            double f = (double)(year - pts[i].year) / (double)(pts[i + 1].year - pts[i].year);
            out[y] = pts[i].v + f * (pts[i + 1].v - pts[i].v);
        }
    }
    return JZ_OK;
}

static size_t render(const jz_node *n, char *buf, size_t size, size_t at)
{
/* what snprintf(buf + at, size - at, "%s", s) wrote, without the format */
#define PUT(s) do { const char *s_ = (s); size_t l_ = strlen(s_);                         \
                    if (at < size) {                                                      \
                        size_t n_ = l_ < size - at - 1 ? l_ : size - at - 1;              \
                        memcpy(buf + at, s_, n_);                                         \
                        buf[at + n_] = '\0';                                              \
                    }                                                                     \
                    at += l_; } while (0)
    if (at >= size)
        return at;
    if (!n) {
        PUT("");
    } else if (n->type == JZ_NODE_SCALAR) {
        PUT(n->scalar);
    } else if (n->type == JZ_NODE_MAP) {
        PUT("{");
        for (size_t i = 0; i < n->n; i++) {
            if (i)
                PUT(", ");
            PUT(n->keys[i]->scalar);
            PUT(": ");
            at = render(n->values[i], buf, size, at);
        }
        PUT("}");
    } else {
        PUT("[");
        for (size_t i = 0; i < n->n; i++) {
            if (i)
                PUT(", ");
            at = render(n->values[i], buf, size, at);
        }
        PUT("]");
    }
#undef PUT
    return at;
}

void jz_value_render(const jz_node *n, char *buf, size_t size)
{
    if (!size)
        return;
    buf[0] = '\0';
    render(n, buf, size, 0);
    buf[size - 1] = '\0';
}
