/*
 * format.c - numbers in the reader's convention (Dutch by default).
 *
 * Rounding happens here and only here: the model keeps full doubles, and a
 * figure is rounded once, when it is shown.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/report.h"

/* snprintf(buf, size, "%s%s", a, b) without the format machinery. */
static char *put(char *buf, size_t size, const char *a, const char *b)
{
    if (size == 0)
        return buf;
    size_t o = 0;
    for (const char *p = a; *p && o + 1 < size; p++)
        buf[o++] = *p;
    for (const char *p = b; *p && o + 1 < size; p++)
        buf[o++] = *p;
    buf[o] = '\0';
    return buf;
}

/* The text printf("%.*f", decimals, scaled / 10^decimals) gives, for an
 * integer-valued scaled below 2^52: then scaled / 10^decimals is within
 * scaled * 2^-53 < 0.5 units of the last decimal of the exact quotient, so
 * printf's correctly rounded output has exactly the digits of scaled, with
 * the point put `decimals` places from the right.  Returns 0 (and writes
 * nothing) outside that range. */
static int digits_fast(char *raw, size_t size, double scaled, int decimals)
{
    if (!(scaled >= 0.0 && scaled < 4503599627370496.0)) /* 2^52 */
        return 0;
    uint64_t n = (uint64_t)scaled;
    char rev[32];
    int k = 0;
    do {
        rev[k++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    while (k <= decimals) /* at least one digit before the point */
        rev[k++] = '0';
    if ((size_t)k + 2 > size)
        return 0;
    size_t o = 0;
    while (k > decimals)
        raw[o++] = rev[--k];
    if (decimals > 0) {
        raw[o++] = '.';
        while (k > 0)
            raw[o++] = rev[--k];
    }
    raw[o] = '\0';
    return 1;
}

/* The decimals a figure is shown with: 0 to 6. */
static int clamp_decimals(int decimals)
{
    return decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
}

/* v as shown at scale (10^decimals): 0 when it rounds to 0 (half away from
 * zero), else v; *scaled is |v| x scale so rounded, the digits to show.
 * The one rounding of jz_format_shown and jz_format_number. */
static double shown_scaled(double v, double scale, double *scaled)
{
    *scaled = floor(fabs(v) * scale + 0.5);
    return *scaled == 0.0 ? 0.0 : v;
}

double jz_format_shown(double v, int decimals)
{
    if (!isfinite(v) || fabs(v) >= 1e15)
        return v; /* shown as "-" or in scientific notation, never as 0 */
    double scaled;
    return shown_scaled(v, pow(10.0, clamp_decimals(decimals)), &scaled);
}

char *jz_format_number(char *buf, size_t size, double v, int decimals, jz_lang lang)
{
    char raw[64];
    if (!isfinite(v)) {
        snprintf(buf, size, "-");
        return buf;
    }
    if (fabs(v) >= 1e15) {
        /* beyond what a thousands-grouped number can show in a column:
         * scientific notation, never silently cut digits */
        char sci[64];
        snprintf(sci, sizeof sci, "%.3e", v);
        if (lang == JZ_LANG_NL)
            for (char *c = sci; *c; c++)
                if (*c == '.')
                    *c = ',';
        snprintf(buf, size, "%s", sci);
        return buf;
    }
    decimals = clamp_decimals(decimals);
    /* round half away from zero, as Excel and a controller do (printf
     * rounds an exact half to even: 1234.5 would show as 1234), and never
     * show "-0": a figure that rounds to 0 is 0 (jz_format_shown) */
    double scale = pow(10.0, decimals), scaled;
    v = shown_scaled(v, scale, &scaled);
    double mag = scaled / scale;
    /* The same digits as printf("%.*f", decimals, mag), without printf
     * (the national run table shows ~40,000 figures; printf's exact
     * binary-to-decimal conversion was a fifth of `jzsim run`). */
    if (!digits_fast(raw, sizeof raw, scaled, decimals))
        snprintf(raw, sizeof raw, "%.*f", decimals, mag);
    const char thousands = lang == JZ_LANG_NL ? '.' : ',';
    const char point = lang == JZ_LANG_NL ? ',' : '.';
    const char *dot = strchr(raw, '.');
    size_t intlen = dot ? (size_t)(dot - raw) : strlen(raw);
    char out[96];
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0)
            out[o++] = thousands;
        out[o++] = raw[i];
    }
    if (dot) {
        out[o++] = point;
        for (const char *p = dot + 1; *p; p++)
            out[o++] = *p;
    }
    out[o] = '\0';
    return put(buf, size, "", out);
}

int jz_format_decimals(double v, int max)
{
    max = clamp_decimals(max);
    int d = 0;
    while (d < max && fabs(v - round(v * pow(10, d)) / pow(10, d)) > 1e-9 * (1.0 + fabs(v)))
        d++;
    return d;
}

char *jz_format_money(char *buf, size_t size, double v, jz_lang lang)
{
    char num[96];
    jz_format_number(num, sizeof num, v, 0, lang);
    if (lang == JZ_LANG_NL)
        return put(buf, size, "€ ", num);
    if (num[0] == '-')
        return put(buf, size, "-€", num + 1);
    return put(buf, size, "€", num);
}
