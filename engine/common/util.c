/*
 * util.c - shared helpers (util.h).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/util.h"

size_t jz_concat(char *dst, size_t size, ...)
{
    va_list ap;
    va_start(ap, size);
    size_t at = 0;
    for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *)) {
        size_t len = strlen(s);
        if (at + 1 < size) {
            size_t n = len < size - 1 - at ? len : size - 1 - at;
            memcpy(dst + at, s, n);
        }
        at += len;
    }
    va_end(ap);
    if (size > 0)
        dst[at < size - 1 ? at : size - 1] = '\0';
    return at;
}

char *jz_strdup(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int jz_strlist_push(char ***arr, int *n, int *cap, const char *s)
{
    if (*n == *cap) {
        int nc = *cap ? *cap * 2 : 8;
        char **a = realloc(*arr, (size_t)nc * sizeof *a);
        if (!a)
            return JZ_ENOMEM;
        *arr = a;
        *cap = nc;
    }
    if (!((*arr)[*n] = jz_strdup(s)))
        return JZ_ENOMEM;
    (*n)++;
    return JZ_OK;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

double jz_dutch_thousands(const char *t, int *groups)
{
    size_t i = 0;
    while (isdigit((unsigned char)t[i]))
        i++;
    *groups = 0;
    if (i < 1 || i > 3 || t[i] != '.')
        return -1;
    double x = 0.0;
    for (size_t j = 0; j < i; j++)
        x = 10.0 * x + (t[j] - '0');
    while (t[i] == '.') {
        for (size_t d = 1; d <= 3; d++)
            if (!isdigit((unsigned char)t[i + d]))
                return -1;
        x = 1000.0 * x + 100.0 * (t[i + 1] - '0') + 10.0 * (t[i + 2] - '0') + (t[i + 3] - '0');
        i += 4;
        ++*groups;
    }
    return t[i] == '\0' ? x : -1;
}

size_t jz_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    size_t prev[64], cur[64];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++)
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]));
        memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
    }
    return prev[lb];
}

/* Read at most max + 1 bytes of fd; more than max means "too large" (for
 * pipes and files that grow while being read).  0 or an errno value. */
static int read_all(int fd, size_t max, size_t hint, char **out, size_t *out_len)
{
    size_t cap = hint + 1 < max + 1 ? hint + 1 : max + 1, len = 0;
    if (cap < 4096)
        cap = 4096;
    char *buf = malloc(cap + 1);
    if (!buf)
        return ENOMEM;
    for (;;) {
        if (len == cap) {
            if (len > max)
                break;
            char *nb = cap > SIZE_MAX / 4 ? NULL : realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            return e;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return 0;
}

int jz_read_file(const char *path, size_t max, const char *what, char **out, size_t *len, jz_error *err)
{
    *out = NULL;
    *len = 0;
    if (!path)
        return jz_error_set(err, JZ_EIO, NULL, 0, 0, "no file name given");
    /* "-" is standard input (read whole, like any file; messages say "stdin") */
    int is_stdin = strcmp(path, "-") == 0;
    if (is_stdin)
        path = "stdin";
    int fd = is_stdin ? fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open %s: %s", what, strerror(errno));
    struct stat st;
    int rc = JZ_OK;
    if (fstat(fd, &st) != 0) {
        rc = jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read %s: %s", what, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        rc = jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read %s: it is a directory", what);
    } else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        rc = jz_error_set(err, JZ_EINPUT, path, 0, 0, "%s is %jd bytes, larger than the limit of %zu bytes", what,
                          (intmax_t)st.st_size, max);
    } else {
        size_t hint = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
        int e = read_all(fd, max, hint, out, len);
        if (e == ENOMEM) {
            rc = jz_error_set(err, JZ_ENOMEM, path, 0, 0, "out of memory while reading the file");
        } else if (e) {
            rc = jz_error_set(err, JZ_EIO, path, 0, 0, "cannot read %s: %s", what, strerror(e));
        } else if (*len > max) { /* grew while reading, or not a regular file */
            rc = jz_error_set(err, JZ_EINPUT, path, 0, 0, "%s is more than %zu bytes, larger than the limit of "
                              "%zu bytes", what, max, max);
            free(*out);
            *out = NULL;
            *len = 0;
        }
    }
    close(fd);
    return rc;
}
