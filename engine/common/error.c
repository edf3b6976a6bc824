/*
 * error.c - the jz_error record (see include/jzsim/error.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/error.h"

/* Length of the valid UTF-8 sequence at p (1-4), 0 when it is not one.
 * Overlong forms, surrogates and code points above U+10FFFF are invalid. */
static size_t utf8_len(const unsigned char *p)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned min, cp;
    if ((c & 0xE0) == 0xC0) {
        n = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

size_t jz_text_escape(char *dst, size_t size, const char *src)
{
    if (!dst || size == 0)
        return 0;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(src ? src : "");
    while (*p) {
        char tmp[8];
        size_t n = utf8_len(p), tn;
        const char *t;
        /* C0 controls, DEL and the C1 controls U+0080-U+009F (one of them,
         * U+009B, starts a terminal escape sequence like ESC [ does) */
        int control = n == 1 ? (*p < 0x20 || *p == 0x7F) : (n == 2 && p[0] == 0xC2 && p[1] < 0xA0);
        if (n == 0 || control) {
            unsigned char c = *p;
            if (c == '\n')
                t = "\\n";
            else if (c == '\r')
                t = "\\r";
            else if (c == '\t')
                t = "\\t";
            else {
                snprintf(tmp, sizeof tmp, "\\x%02x", c);
                t = tmp;
            }
            tn = strlen(t);
            n = 1; /* an invalid or control byte at a time; a C1 control is two */
            if (control && p[0] == 0xC2) {
                snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)p[1]);
                t = tmp;
                tn = strlen(t);
                n = 2;
            }
        } else {
            t = (const char *)p;
            tn = n;
        }
        if (o + tn >= size)
            break; /* never cut a sequence or an escape in half */
        memcpy(dst + o, t, tn);
        o += tn;
        p += n;
    }
    dst[o] = '\0';
    return o;
}

void jz_error_clear(jz_error *err)
{
    if (!err)
        return;
    err->status = JZ_OK;
    err->file[0] = '\0';
    err->line = 0;
    err->column = 0;
    err->message[0] = '\0';
}

int jz_error_set(jz_error *err, int status, const char *file, int line,
                 int column, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    /* the file name and the message may quote the user's text (a key, a
     * value, a path): control characters and invalid UTF-8 are escaped
     * here, once, so that no caller can break the one-line message or send
     * a terminal escape sequence */
    jz_text_escape(err->file, sizeof err->file, file);
    err->line = line;
    err->column = column;
    char raw[JZ_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    jz_text_escape(err->message, sizeof err->message, raw);
    return status;
}

char *jz_error_format(const jz_error *err, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    buf[0] = '\0';
    if (!err)
        return buf;
    size_t used = 0;
    int n;
    if (err->file[0]) {
        if (err->line > 0 && err->column > 0)
            n = snprintf(buf, size, "%s:%d:%d: ", err->file, err->line, err->column);
        else if (err->line > 0)
            n = snprintf(buf, size, "%s:%d: ", err->file, err->line);
        else
            n = snprintf(buf, size, "%s: ", err->file);
        if (n > 0)
            used = (size_t)n < size ? (size_t)n : size - 1;
    }
    snprintf(buf + used, size - used, "%s", err->message[0] ? err->message : jz_status_name(err->status));
    return buf;
}

const char *jz_status_name(int status)
{
    switch (status) {
    case JZ_OK: return "ok";
    case JZ_ERUNTIME: return "computation failed";
    case JZ_EINPUT: return "bad input";
    case JZ_ENOMEM: return "out of memory";
    case JZ_EIO: return "cannot read or write file";
    default: return "unknown error";
    }
}
