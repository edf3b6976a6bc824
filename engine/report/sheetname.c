/*
 * sheetname.c - Excel sheet names from scenario names (see cmp_common.h).
 *
 * Excel refuses a workbook whose sheet names are longer than 31
 * characters (UTF-16 units: a character beyond the Basic Multilingual
 * Plane, such as an emoji, counts twice), contain []:*?/\, begin or end
 * with an apostrophe, repeat (ignoring case), or are "History" (reserved
 * for its change tracking); scenario names can be anything, so they are
 * cleaned here.  A name that is too long keeps its first words and its
 * last one around "…", so that a tab still says which scenario it is (the
 * full name stands in the sheet's first cell).  Kept apart from xlsx.c so that it is
 * tested without libxlsxwriter.
 */
#include <stdio.h>
#include <string.h>

#include "report/cmp_common.h"

/* The next character of s folded to lower case as Excel compares sheet
 * names: ASCII and the Latin-1 letters (À-Þ, the accented capitals Dutch
 * names use); *s advances past it. */
static unsigned long folded(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned long c = *p++;
    if (c >= 'A' && c <= 'Z')
        c += 32;
    else if (c == 0xC3 && *p >= 0x80 && *p <= 0x9E && *p != 0x97)
        c = 0xC300 | (unsigned long)(*p++ + 0x20);
    else if (c >= 0xC0 && *p)
        c = c << 8 | *p++; /* the rest of the sequence follows byte by byte */
    *s = p;
    return c;
}

static int same_name(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *y)
        if (folded(&x) != folded(&y))
            return 0;
    return *x == *y;
}

/* The UTF-16 units of the UTF-8 sequence of len bytes (4: a surrogate pair). */
static int units(int len)
{
    return len == 4 ? 2 : 1;
}

/* The UTF-16 units of a UTF-8 text (cmp_common.h). */
int jz_xlsx_sheet_units(const char *t)
{
    int u = 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        u += (*p & 0xC0) != 0x80 ? (*p >= 0xF0 ? 2 : 1) : 0;
    return u;
}

/* Copy the whole UTF-8 characters of src that fit in max_units UTF-16
 * units into dst (size n); returns 1 when src did not fit. */
static int utf8_cut(char *dst, size_t n, const char *src, int max_units)
{
    size_t o = 0;
    int u = 0;
    const unsigned char *p = (const unsigned char *)src;
    while (*p) {
        int len = 1;
        /* the continuation bytes that follow (a broken sequence counts as
         * what is there) */
        while (len < 4 && (p[len] & 0xC0) == 0x80)
            len++;
        if (u + units(len) > max_units || o + (size_t)len >= n)
            break;
        memcpy(dst + o, p, (size_t)len);
        o += (size_t)len;
        p += len;
        u += units(len);
    }
    dst[o] = '\0';
    return *p != '\0';
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

/* src cut after the last whole word within room UTF-16 units (a hard cut
 * when that would leave less than half), without the punctuation before
 * the cut. */
static void cut_words(char *dst, size_t n, const char *src, int room)
{
    if (!utf8_cut(dst, n, src, room))
        return;
    size_t len = strlen(dst);
    char *space = strrchr(dst, ' ');
    if (src[len] != ' ' && space && jz_text_width(space) <= jz_text_width(dst) / 2)
        *space = '\0';
    len = strlen(dst);
    while (len && strchr(" ,;.-'", dst[len - 1]))
        dst[--len] = '\0';
}

/* src in at most room UTF-16 units: as it is when it fits; else its first
 * words, "…" and its last word, which often tells scenarios apart
 * ("3 Hervormingsagenda…zeker"); a last word longer than half the room is
 * left out ("3 Enschede, Hervormingsagenda…"). */
static void shorten(char *dst, size_t n, const char *src, int room)
{
    static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026, one unit */
    if (!utf8_cut(dst, n, src, room))
        return;
    const char *last = strrchr(src, ' ');
    int tail = last ? jz_xlsx_sheet_units(last + 1) : 0;
    if (!last || tail == 0 || tail > room / 2 || strlen(last + 1) + sizeof ellipsis >= n / 2)
        tail = 0;
    cut_words(dst, n / 2, src, room - 1 - tail);
    size_t len = strlen(dst);
    memcpy(dst + len, ellipsis, sizeof ellipsis);
    if (tail)
        snprintf(dst + len + sizeof ellipsis - 1, n - len - (sizeof ellipsis - 1), "%s", last + 1);
}

size_t jz_xlsx_shared_start(const char *const *names, int n)
{
    size_t len = 0;
    for (size_t i = 0; n >= 2 && names[0][i]; i++) {
        if (names[0][i] != ' ')
            continue;
        size_t at = i + 1;
        int all = names[0][at] != '\0';
        for (int k = 1; k < n && all; k++)
            all = strncmp(names[k], names[0], at) == 0 && names[k][at] != '\0';
        if (!all)
            break;
        len = at;
    }
    return len;
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
        shorten(cut, sizeof cut, clean, JZ_SHEET_NAME_CHARS - (int)strlen(suffix));
        trim_ends(cut); /* cutting may leave a trailing space or apostrophe */
        snprintf(out, n, "%s%s", cut, suffix);
        int clash = same_name(out, "History"); /* reserved by Excel */
        for (int i = 0; i < n_used && !clash; i++)
            clash = same_name(out, used[i]);
        if (!clash)
            return;
    }
}
