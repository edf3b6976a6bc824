/*
 * error.c - the jz_error record (see include/jzsim/error.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jzsim/error.h"

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
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
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
