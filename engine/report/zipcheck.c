/*
 * zipcheck.c - verify a written zip from disk (see zipcheck.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/zipcheck.h"

#ifdef JZ_HAVE_XLSXWRITER
#include <zlib.h>

enum { EOCD_SIG = 0x06054b50, CDIR_SIG = 0x02014b50, LOCAL_SIG = 0x04034b50 };
#define ENTRY_MAX ((size_t)1 << 30) /* an xlsx part above 1 GiB is not ours */

static unsigned rd16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }
static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* Is the XML text whole: it starts with the declaration libxlsxwriter
 * writes on every part, and every element that opens closes, in order?
 * (A lost or cut write shows as a missing declaration, an unclosed or a
 * mismatched tag.) */
static int xml_complete(const char *x, size_t n)
{
    enum { DEPTH = 64 };
    const char *stack[DEPTH];
    size_t len[DEPTH];
    int depth = 0, seen_root = 0;
    const char *p = x, *end = x + n;
    if (n < 5 || memcmp(x, "<?xml", 5) != 0)
        return 0;
    while ((p = memchr(p, '<', (size_t)(end - p)))) {
        if (p + 1 >= end)
            return 0;
        if (p[1] == '?' || p[1] == '!') {
            const char *q = memchr(p, '>', (size_t)(end - p));
            if (!q)
                return 0;
            p = q + 1;
            continue;
        }
        int closing = p[1] == '/';
        const char *name = p + 1 + closing, *q = name;
        while (q < end && *q != '<' && *q != '>' && *q != '/' && *q != ' ' && *q != '\r' && *q != '\n' && *q != '\t')
            q++;
        size_t nl = (size_t)(q - name);
        char quote = 0;
        while (q < end && (quote || *q != '>')) { /* to the end of the tag, past quoted values */
            if (*q == '<')
                return 0; /* never inside a tag, not even in a value (it is &lt; there) */
            if (quote && *q == quote)
                quote = 0;
            else if (!quote && (*q == '"' || *q == '\''))
                quote = *q;
            q++;
        }
        if (q >= end || nl == 0)
            return 0;
        if (closing) {
            if (depth == 0 || len[depth - 1] != nl || memcmp(stack[depth - 1], name, nl) != 0)
                return 0;
            depth--;
        } else if (q[-1] != '/') {
            if (depth == DEPTH || (depth == 0 && seen_root))
                return 0;
            stack[depth] = name;
            len[depth++] = nl;
            seen_root = 1;
        } else if (depth == 0) {
            if (seen_root)
                return 0;
            seen_root = 1;
        }
        p = q + 1;
    }
    return depth == 0 && seen_root;
}

/* Inflate or copy one entry's data and check it; a message into why. */
static int check_entry(const unsigned char *data, size_t csize, unsigned method, size_t usize,
                       uint32_t crc, const char *ename, char *why, size_t wn)
{
    if (usize > ENTRY_MAX) {
        snprintf(why, wn, "part %s is implausibly large", ename);
        return -1;
    }
    unsigned char *out = malloc(usize ? usize : 1);
    if (!out) {
        snprintf(why, wn, "out of memory reading part %s", ename);
        return -1;
    }
    size_t got = 0;
    int bad = 0;
    if (method == 0) {
        if (csize != usize)
            bad = 1;
        else
            memcpy(out, data, usize);
        got = usize;
    } else if (method == 8) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
            bad = 1;
        } else {
            z.next_in = (Bytef *)data;
            z.avail_in = (uInt)csize;
            z.next_out = out;
            z.avail_out = (uInt)usize;
            int r = inflate(&z, Z_FINISH);
            got = z.total_out;
            bad = r != Z_STREAM_END;
            inflateEnd(&z);
        }
    } else {
        bad = 1;
    }
    if (!bad && (got != usize || crc32(0L, out, (uInt)usize) != crc))
        bad = 1;
    if (bad)
        snprintf(why, wn, "part %s is damaged", ename);
    else if ((ends_with(ename, strlen(ename), ".xml") || ends_with(ename, strlen(ename), ".rels")) &&
             !xml_complete((const char *)out, usize)) {
        snprintf(why, wn, "part %s is cut short", ename);
        bad = 1;
    }
    free(out);
    return bad ? -1 : 0;
}

int jz_zip_verify(const char *path, const char *name, jz_error *err)
{
    char why[512] = "";
    unsigned char *buf = NULL;
    long size = -1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return jz_error_set(err, JZ_EIO, name, 0, 0, "cannot read the workbook back: %s", strerror(errno));
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size > 0 && (size_t)size <= 4 * ENTRY_MAX && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size)) && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (!buf)
        return jz_error_set(err, JZ_EIO, name, 0, 0, "the workbook was not written completely (%ld bytes)", size);

    size_t n = (size_t)size, eocd = 0;
    int found = 0;
    for (size_t i = n >= 22 ? n - 22 + 1 : 0; i-- > 0 && n - i <= 22 + 65535;)
        if (rd32(buf + i) == EOCD_SIG) {
            eocd = i;
            found = 1;
            break;
        }
    if (!found) {
        snprintf(why, sizeof why, "it has no zip directory (cut short)");
    } else {
        unsigned entries = rd16(buf + eocd + 10);
        size_t cd_size = rd32(buf + eocd + 12), cd_off = rd32(buf + eocd + 16);
        if (entries == 0 || cd_off + cd_size > eocd)
            snprintf(why, sizeof why, "its zip directory is damaged");
        size_t p = cd_off;
        for (unsigned k = 0; !why[0] && k < entries; k++) {
            if (p + 46 > eocd || rd32(buf + p) != CDIR_SIG) {
                snprintf(why, sizeof why, "its zip directory is damaged");
                break;
            }
            unsigned method = rd16(buf + p + 10), nl = rd16(buf + p + 28), xl = rd16(buf + p + 30),
                     cl = rd16(buf + p + 32);
            uint32_t crc = rd32(buf + p + 16);
            size_t csize = rd32(buf + p + 20), usize = rd32(buf + p + 24), loc = rd32(buf + p + 42);
            char ename[256];
            snprintf(ename, sizeof ename, "%.*s", (int)(nl < 255 ? nl : 255), (const char *)buf + p + 46);
            if (p + 46 + nl > eocd || loc + 30 > cd_off || rd32(buf + loc) != LOCAL_SIG) {
                snprintf(why, sizeof why, "part %s is damaged", ename);
                break;
            }
            size_t data = loc + 30 + rd16(buf + loc + 26) + rd16(buf + loc + 28);
            if (data + csize > cd_off) {
                snprintf(why, sizeof why, "part %s is cut short", ename);
                break;
            }
            if (check_entry(buf + data, csize, method, usize, crc, ename, why, sizeof why))
                break;
            p += 46 + (size_t)nl + xl + cl;
        }
    }
    free(buf);
    if (why[0])
        return jz_error_set(err, JZ_EIO, name, 0, 0,
                            "the workbook was not written completely (%s); is the disk or the "
                            "temporary directory full?",
                            why);
    return JZ_OK;
}

#else

int jz_zip_verify(const char *path, const char *name, jz_error *err)
{
    (void)path;
    (void)name;
    (void)err;
    return JZ_OK;
}

#endif
