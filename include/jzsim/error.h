/*
 * jzsim/error.h - status codes and the error record every library call fills.
 *
 * Every jzsim function that can fail returns an int status and takes a
 * jz_error *.  On failure the record names the place in the user's input that
 * caused it (file, 1-based line and column, 0 when not applicable) and a
 * message written for the person who has to fix the input, e.g.
 *   basis.yaml:41:7: zorgduur must be > 0 months, got -3
 * The library never prints, never calls exit() and never aborts.
 */
#ifndef JZSIM_ERROR_H
#define JZSIM_ERROR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes.  The CLI maps JZ_EINPUT to exit code 2, everything else
 * that is not JZ_OK to exit code 1. */
enum {
    JZ_OK = 0,
    JZ_ERUNTIME = 1, /* a computation failed (e.g. GSL reported an error) */
    JZ_EINPUT = 2,   /* the input (scenario, options, history) is invalid */
    JZ_ENOMEM = 3,   /* out of memory */
    JZ_EIO = 4       /* a file could not be read or written */
};

#define JZ_ERR_FILE_MAX 1024
#define JZ_ERR_MSG_MAX 1536

typedef struct jz_error {
    int status;                  /* one of the JZ_* codes; JZ_OK when clear */
    char file[JZ_ERR_FILE_MAX];  /* input file the error refers to, or "" */
    int line;                    /* 1-based, 0 when unknown */
    int column;                  /* 1-based, 0 when unknown */
    char message[JZ_ERR_MSG_MAX];
} jz_error;

/* Reset err to "no error".  err may be NULL. */
void jz_error_clear(jz_error *err);

/* Fill err (when not NULL) and return status.  file may be NULL. */
int jz_error_set(jz_error *err, int status, const char *file, int line,
                 int column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Write "file:line:column: message" (parts that are unknown left out) into
 * buf, always NUL-terminated.  Returns buf. */
char *jz_error_format(const jz_error *err, char *buf, size_t size);

/* Copy src into dst (size bytes, always NUL-terminated) with control
 * characters (C0, DEL, C1) written as \n, \r, \t, \xNN or \u00NN and every
 * byte that is not part of valid UTF-8 as \xNN, so that quoted user text
 * keeps a message on one line and cannot reach the terminal as an escape
 * sequence.  Cut at a character boundary when dst is too small.  Returns
 * the length written.  jz_error_set and the warning lists use it. */
size_t jz_text_escape(char *dst, size_t size, const char *src);

/* A short English name for a status code ("bad input", ...). */
const char *jz_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif
