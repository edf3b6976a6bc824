/*
 * dates.c - calendar dates as day numbers (days since 1970-01-01, the
 * proleptic Gregorian calendar), and the date formats exports use.
 * Day numbers make every duration an integer difference and every period
 * test a comparison.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/records.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
int jz_day_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int)doe - 719468;
}

void jz_ymd_from_day(int z, int *y, int *m, int *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int yy = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

const char *jz_day_format(int day, char *buf, size_t size)
{
    int y, m, d;
    jz_ymd_from_day(day, &y, &m, &d);
    snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    return buf;
}

static int read_int(const char **p, int maxdig, int *out)
{
    int v = 0, n = 0;
    while (isdigit((unsigned char)**p) && n < maxdig) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *out = v;
    return n;
}

int jz_day_parse(const char *s, int *day)
{
    while (*s == ' ')
        s++;
    const char *p = s;
    int a, b, c, na, nb, nc;
    na = read_int(&p, 8, &a);
    int y, m, d;
    if (na == 8 && (!*p || *p == ' ')) { /* 20240301 */
        y = a / 10000;
        m = a / 100 % 100;
        d = a % 100;
    } else {
        char sep = *p;
        if (sep != '-' && sep != '/' && sep != '.')
            return -1;
        p++;
        nb = read_int(&p, 2, &b);
        if (*p != sep)
            return -1;
        p++;
        nc = read_int(&p, 4, &c);
        if (na == 4 && nb >= 1 && nc >= 1 && nc <= 2) { /* 2024-03-01 */
            y = a;
            m = b;
            d = c;
        } else if (na >= 1 && na <= 2 && nb >= 1 && nc == 4) { /* 01-03-2024 */
            y = c;
            m = b;
            d = a;
        } else {
            return -1;
        }
    }
    /* a time of day after the date (00:00:00) is allowed and ignored */
    while (*p == ' ')
        p++;
    if (*p && !(isdigit((unsigned char)*p) && strchr(p, ':')) && *p != 'T')
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    int dd = jz_day_from_ymd(y, m, d);
    int y2, m2, d2;
    jz_ymd_from_day(dd, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d) /* 31 April */
        return -1;
    *day = dd;
    return 0;
}
