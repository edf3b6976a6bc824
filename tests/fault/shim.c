/*
 * shim.c - an LD_PRELOAD fault injector for the output tests.
 *
 *   JZ_FAULT=fn:N   the Nth call (1-based) of fn fails with EIO (ENOSPC
 *                   for the writes), every other call goes through;
 *   JZ_FAULT=fn:N:sleep   the Nth call of fn sleeps 3 s first and then
 *                   goes through (a window for a signal, see faults.sh).
 * fn is one of write, fwrite, fflush, fsync, fclose, close, rename.
 * The count of calls of fn is written to $JZ_FAULT_COUNT at exit when set,
 * so that a test knows how many injection points there are.
 * stdio's own writes inside glibc do not pass through the write symbol, so
 * the stream functions (fwrite, fflush, fclose) are injected themselves.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fn_name[32];
static long fail_at = -1, calls;
static int do_sleep, ready;

static void setup(void)
{
    if (ready)
        return;
    ready = 1;
    const char *v = getenv("JZ_FAULT");
    if (!v)
        return;
    const char *c = strchr(v, ':');
    if (!c || (size_t)(c - v) >= sizeof fn_name)
        return;
    memcpy(fn_name, v, (size_t)(c - v));
    fail_at = strtol(c + 1, NULL, 10);
    do_sleep = strstr(c + 1, ":sleep") != NULL;
}

static void report(void) __attribute__((destructor));
static void report(void)
{
    const char *out = getenv("JZ_FAULT_COUNT");
    if (!out || !fn_name[0])
        return;
    FILE *f = fopen(out, "w");
    if (f) {
        fprintf(f, "%ld\n", calls);
        fclose(f);
    }
}

/* Should this call of fn fail?  (Counts the call.) */
static int inject(const char *fn)
{
    setup();
    if (strcmp(fn, fn_name) != 0)
        return 0;
    if (++calls != fail_at)
        return 0;
    if (do_sleep) {
        sleep(3);
        return 0;
    }
    return 1;
}

#define REAL(name)                       \
    static __typeof__(name) *real_##name; \
    if (!real_##name)                     \
    real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(write);
    if (fd > 2 && inject("write")) {
        errno = ENOSPC;
        return -1;
    }
    return real_write(fd, buf, n);
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
    REAL(fwrite);
    if (f != stdout && f != stderr && inject("fwrite")) {
#ifdef __GLIBC__
        f->_flags |= 0x0020; /* _IO_ERR_SEEN: ferror() is set, as by a real failed write */
#endif
        errno = ENOSPC;
        return 0;
    }
    return real_fwrite(p, size, n, f);
}

int fflush(FILE *f)
{
    REAL(fflush);
    if (f && f != stdout && f != stderr && inject("fflush")) {
        errno = EIO;
        return EOF;
    }
    return real_fflush(f);
}

int fsync(int fd)
{
    REAL(fsync);
    if (inject("fsync")) {
        errno = EIO;
        return -1;
    }
    return real_fsync(fd);
}

int fclose(FILE *f)
{
    REAL(fclose);
    if (f != stdout && f != stderr && inject("fclose")) {
        real_fclose(f); /* the stream is gone either way, as POSIX says */
        errno = EIO;
        return EOF;
    }
    return real_fclose(f);
}

int close(int fd)
{
    REAL(close);
    if (fd > 2 && inject("close")) {
        real_close(fd);
        errno = EIO;
        return -1;
    }
    return real_close(fd);
}

int rename(const char *a, const char *b)
{
    REAL(rename);
    if (inject("rename")) {
        errno = EIO;
        return -1;
    }
    return real_rename(a, b);
}
