/*
 * sheetname.c - Excel sheet names from scenario names (see cmp_common.h).
 *
 * Excel refuses a workbook whose sheet names are longer than 31
 * characters, contain []:*?/\, begin or end with an apostrophe, or repeat
 * (ignoring case); scenario names can be anything, so they are cleaned
 * here.  Kept apart from xlsx.c so that it is tested without libxlsxwriter.
 */
#include <stdio.h>
#include <string.h>

#include "report/cmp_common.h"

static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Copy at most maxch whole UTF-8 characters of src into dst (size n). */
static void utf8_cut(char *dst, size_t n, const char *src, int maxch)
{
    size_t o = 0;
    int ch = 0;
    const unsigned char *p = (const unsigned char *)src;
    while (*p) {
        int len = 1;
        /* the continuation bytes that follow (a broken sequence counts as
         * what is there) */
        while (len < 4 && (p[len] & 0xC0) == 0x80)
            len++;
        if (ch == maxch || o + (size_t)len >= n)
            break;
        memcpy(dst + o, p, (size_t)len);
        o += (size_t)len;
        p += len;
        ch++;
    }
    dst[o] = '\0';
}

static void trim_ends(char *s)
{
    size_t len = strlen(s), i = 0;
    while (s[i] == '\'' || s[i] == ' ')
        i++;
    memmove(s, s + i, len - i + 1);
    len -= i;
    while (len && (s[len - 1] == '\'' || s[len - 1] == ' '))
        s[--len] = '\0';
}

void jz_xlsx_sheet_name(char *out, size_t n, const char *want, char used[][JZ_SHEET_NAME_SIZE],
                        int n_used)
{
    char clean[4 * JZ_NAME_MAX + 16];
    size_t o = 0;
    for (const char *p = want; *p && o + 1 < sizeof clean; p++) {
        char ch = *p;
        if (strchr("[]:*?/\\", ch) || (unsigned char)ch < 0x20)
            ch = ' ';
        clean[o++] = ch;
    }
    clean[o] = '\0';
    trim_ends(clean);
    if (!clean[0])
        snprintf(clean, sizeof clean, "Blad");
    for (int k = 1;; k++) {
        char suffix[16] = "";
        if (k > 1)
            snprintf(suffix, sizeof suffix, " (%d)", k);
        char cut[JZ_SHEET_NAME_SIZE];
        utf8_cut(cut, sizeof cut, clean, JZ_SHEET_NAME_CHARS - (int)strlen(suffix));
        trim_ends(cut); /* cutting may leave a trailing space or apostrophe */
        snprintf(out, n, "%s%s", cut, suffix);
        int clash = 0;
        for (int i = 0; i < n_used && !clash; i++)
            clash = same_name(out, used[i]);
        if (!clash)
            return;
    }
}
