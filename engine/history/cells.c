/*
 * cells.c - one history cell: numbers (decimal commas, thousands dots,
 * CBS's '.', 'x' and '-'), periods (years and half-years) and the checks
 * every value passes.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/internal.h"

/* ---- cells: numbers and periods ---------------------------------------- */

void hist_trim(char *s)
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


/* Parse a number cell.  comma_decimal: ';'-files (Dutch): ',' is the
 * decimal separator and '.' a thousands separator between groups of three
 * digits; otherwise '.' is the decimal point and no separators are
 * allowed.  '.', 'x', '?' and empty cells are missing; '-' (CBS "nihil")
 * is zero.  why gets a hint when NUM_BAD. */
int hist_parse_number(const char *cell, int comma_decimal, double *out, const char **why)
{
    char buf[128];
    *why = NULL;
    hist_cpy(buf, sizeof buf, cell);
    hist_trim(buf);
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
    /* a space (or a no-break space, U+00A0 / U+202F) between digits
     * separates thousands, as the reports print them ("12 319", "1 234,5"):
     * exactly three digits follow it */
    char nosp[128];
    size_t o = 0;
    for (const char *c = t; *c && o + 1 < sizeof nosp; c++) {
        size_t w = *c == ' ' ? 1
                   : strncmp(c, "\xc2\xa0", 2) == 0 ? 2
                   : strncmp(c, "\xe2\x80\xaf", 3) == 0 ? 3 : 0;
        if (!w) {
            nosp[o++] = *c;
            continue;
        }
        if (o == 0) { /* a leading (no-break) space */
            c += w - 1;
            continue;
        }
        const char *d = c + w;
        int n3 = 0;
        while (isdigit((unsigned char)d[n3]))
            n3++;
        if (!isdigit((unsigned char)nosp[o - 1]) || n3 != 3 ||
            (d[3] && d[3] != ',' && d[3] != '.' && d[3] != ' ' && (unsigned char)d[3] < 0x80)) {
            *why = "a space inside a number only separates thousands (12 319 or 1 234,5)";
            return NUM_BAD;
        }
        c += w - 1;
    }
    nosp[o] = '\0';
    t = nosp;
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

/* A half-year marker (normalised): 1 or 2, 0 for none ("" or jj00), -1
 * when it is not one. */
static int half_marker(const char *r)
{
    if (!*r || strcmp(r, "jj00") == 0)
        return 0;
    static const char *const h1[] = {"h1", "hj01", "1ehalfjaar", "eerstehalfjaar", "1sthalf", "firsthalf",
                                     "s1", "halfjaar1", "1ehj", "hj1"};
    static const char *const h2[] = {"h2", "hj02", "2ehalfjaar", "tweedehalfjaar", "2ndhalf", "secondhalf",
                                     "s2", "halfjaar2", "2ehj", "hj2"};
    for (size_t i = 0; i < sizeof h1 / sizeof h1[0]; i++) {
        if (strcmp(r, h1[i]) == 0)
            return 1;
        if (strcmp(r, h2[i]) == 0)
            return 2;
    }
    return -1;
}

/* A peildatum (a stock on a date): d-m-yyyy or d/m/yyyy, or yyyy-mm-dd.
 * 0 with the date, -1 when the cell is not a date. */
static int parse_date(const char *cell, int *y, int *m, int *d)
{
    char t[64];
    int a, b, c, n = 0;
    hist_cpy(t, sizeof t, cell);
    hist_trim(t);
    size_t L = strlen(t);
    while (L > 0 && t[L - 1] == '*')
        t[--L] = '\0';
    if (sscanf(t, "%d-%d-%d%n", &a, &b, &c, &n) == 3 && (size_t)n == L) {
    } else if (sscanf(t, "%d/%d/%d%n", &a, &b, &c, &n) == 3 && (size_t)n == L) {
    } else if (sscanf(t, "%d.%d.%d%n", &a, &b, &c, &n) == 3 && (size_t)n == L) {
    } else {
        return -1;
    }
    if (a >= 1900) { /* yyyy-mm-dd */
        *y = a;
        *m = b;
        *d = c;
    } else {
        *d = a;
        *m = b;
        *y = c;
    }
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31 && *y >= 1900 && *y <= 2200 ? 0 : -1;
}

/* Period: "2022", "2022*", "2022JJ00" (a year); "2022H1", "2022-H2",
 * "2022HJ01", "2022 1e halfjaar", "1e halfjaar 2022*", "2022 tweede
 * halfjaar" (a half-year); a peildatum "31-12-2021", "1-1-2022",
 * "30-06-2023" (a stock on a date: *date = 1, and the period is the one
 * that ends on it: 1 January of Y and 31 December of Y-1 both end the
 * year Y-1, 30 June and 1 July end the first half).  0, -1 (not a period)
 * or -2 (a date that ends no year or half-year). */
int hist_parse_period_date(const char *cell, int *year, int *half, int *prov, int *date)
{
    char n[64];
    *prov = strchr(cell, '*') != NULL;
    *date = 0;
    int y, m, d;
    if (parse_date(cell, &y, &m, &d) == 0) {
        *date = 1;
        if (m == 1 && d == 1) {
            *year = y - 1;
            *half = 0;
        } else if (m == 12 && d == 31) {
            *year = y;
            *half = 0;
        } else if ((m == 6 && d == 30) || (m == 7 && d == 1)) {
            *year = y;
            *half = 1;
        } else {
            return -2;
        }
        return *year >= 1900 ? 0 : -1;
    }
    hist_normalise(cell, n, sizeof n, 0, NULL, 0);
    size_t L = strlen(n);
    if (L < 4)
        return -1;
    int lead = 1, trail = 1;
    for (int i = 0; i < 4; i++) {
        lead &= isdigit((unsigned char)n[i]) != 0;
        trail &= isdigit((unsigned char)n[L - 4 + i]) != 0;
    }
    const char *digits;
    int h;
    if (lead && (h = half_marker(n + 4)) >= 0) {
        digits = n;
    } else if (trail && L > 4 && !isdigit((unsigned char)n[L - 5])) {
        char r[64];
        hist_cpy(r, sizeof r, n);
        r[L - 4] = '\0';
        if ((h = half_marker(r)) < 1)
            return -1;
        digits = n + L - 4;
    } else {
        return -1;
    }
    y = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
    if (y < 1900 || y > 2200)
        return -1;
    *year = y;
    *half = h;
    return 0;
}

int hist_parse_period(const char *cell, int *year, int *half, int *prov)
{
    int date;
    return hist_parse_period_date(cell, year, half, prov, &date) == 0 ? 0 : -1;
}

const char hist_period_hint[] =
    "expected a year (2022, 2022*, 2022JJ00), a half-year (2022H1, 2022HJ02, '1e halfjaar 2022') or a "
    "peildatum (31-12-2022, 1-1-2023, 30-06-2023)";

/* Checks of one value that hold for every row. */
const char *hist_check_value(int s, double v)
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

int hist_status(const char *cell)
{
    char n[64];
    hist_normalise(cell, n, sizeof n, 0, NULL, 0);
    if (strchr(cell, '*') || strstr(n, "voorlopig") || strcmp(n, "provisional") == 0 ||
        strcmp(n, "preliminary") == 0 || strcmp(n, "v") == 0)
        return 1;
    if (!n[0] || strcmp(n, "definitief") == 0 || strcmp(n, "final") == 0 || strcmp(n, "d") == 0 ||
        strcmp(n, "revised") == 0 || strcmp(n, "herzien") == 0)
        return 0;
    return -1;
}

const char hist_status_hint[] = "expected voorlopig (or nader voorlopig, '*') or definitief";
