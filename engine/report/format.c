/*
 * format.c - numbers in the reader's convention (Dutch by default).
 *
 * Rounding happens here and only here: the model keeps full doubles, and a
 * figure is rounded once, when it is shown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/report.h"

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
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    /* round half away from zero, as Excel and a controller do (printf
     * rounds an exact half to even: 1234.5 would show as 1234), and never
     * show "-0" */
    double scale = pow(10.0, decimals);
    double mag = floor(fabs(v) * scale + 0.5) / scale;
    if (mag == 0.0)
        v = 0.0;
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
    snprintf(buf, size, "%s", out);
    return buf;
}

char *jz_format_money(char *buf, size_t size, double v, jz_lang lang)
{
    char num[96];
    jz_format_number(num, sizeof num, v, 0, lang);
    if (lang == JZ_LANG_NL)
        snprintf(buf, size, "€ %s", num);
    else if (num[0] == '-')
        snprintf(buf, size, "-€%s", num + 1);
    else
        snprintf(buf, size, "€%s", num);
    return buf;
}
