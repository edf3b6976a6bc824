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
int hist_parse_period(const char *cell, int *year, int *half, int *prov)
{
    char n[64];
    *prov = strchr(cell, '*') != NULL;
    hist_normalise(cell, n, sizeof n, 0, NULL, 0);
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

const char hist_period_hint[] =
    "expected a year (2022, 2022*, 2022JJ00) or a half-year (2022H1, 2022HJ02, '2022 1e halfjaar')";

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
