/*
 * outfile.c - write a report to a temporary file, then rename it into place.
 *
 * rename() within one directory is atomic on POSIX, so a reader (or Excel)
 * sees either the old complete file or the new complete one, never a half
 * one; a run that fails midway removes its temporary file.
 *
 * The details that make "the previous file stays untouched" hold:
 *   - the temporary file gets the mode a plain create would (0666 less the
 *     umask), is flushed and fsync'ed before the rename, and every write,
 *     flush, sync, close and rename is checked;
 *   - a target that exists and is not a regular file (/dev/null,
 *     /dev/stdout, a FIFO) is never replaced: the report is staged in
 *     $TMPDIR (or /tmp) and copied into the target on commit;
 *   - SIGINT, SIGTERM, SIGHUP (and SIGPIPE) remove the temporary files still open
 *     (when the program has left those signals at their default), and
 *     SIGXFSZ is ignored so that a file size limit is a write error
 *     with a message rather than a silent kill.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jzsim/report.h"

/* Temporary files to remove on a signal.  The one piece of process state in
 * the report layer: a signal handler can reach nothing else. */
enum { PENDING_MAX = 16 };
static char pending[PENDING_MAX][1100];
static volatile sig_atomic_t pending_used[PENDING_MAX];

static void on_signal(int sig)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending_used[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handlers(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    static int done;
    if (done)
        return;
    done = 1;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL)
            continue; /* ignored, or the program handles it itself */
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
    struct sigaction old;
    if (sigaction(SIGXFSZ, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
        signal(SIGXFSZ, SIG_IGN);
}

static void pending_add(const char *tmp)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (!pending_used[i]) {
            snprintf(pending[i], sizeof pending[i], "%s", tmp);
            pending_used[i] = 1;
            return;
        }
}

static void pending_remove(const char *tmp)
{
    for (int i = 0; i < PENDING_MAX; i++)
        if (pending_used[i] && strcmp(pending[i], tmp) == 0) {
            pending_used[i] = 0;
            return;
        }
}

/* Remove the temporary file and forget it. */
static void drop_tmp(jz_outfile *f)
{
    if (f->tmp[0]) {
        unlink(f->tmp);
        pending_remove(f->tmp);
        f->tmp[0] = '\0';
    }
}

int jz_outfile_open(jz_outfile *f, const char *path, jz_error *err)
{
    memset(f, 0, sizeof *f);
    if (!path || strcmp(path, "-") == 0) {
        f->fp = stdout;
        f->is_stdout = 1;
        return JZ_OK;
    }
    if (!path[0])
        return jz_error_set(err, JZ_EINPUT, NULL, 0, 0, "the output file name is empty");
    if (strlen(path) >= sizeof f->path)
        return jz_error_set(err, JZ_EINPUT, path, 0, 0, "output path is too long");
    snprintf(f->path, sizeof f->path, "%s", path);
    struct stat st;
    /* /dev/stdout and /proc/self/fd/N may lead to a regular file that is
     * someone's open stream: those are written in place too */
    int special = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
    if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || special)) {
        if (S_ISDIR(st.st_mode))
            return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot write the output: it is a directory");
        /* a device or FIFO: stage elsewhere, copy in on commit */
        f->direct = 1;
        const char *dir = getenv("TMPDIR");
        if (!dir || !dir[0])
            dir = "/tmp";
        if ((size_t)snprintf(f->tmp, sizeof f->tmp, "%s/jzsim.tmp.XXXXXX", dir) >= sizeof f->tmp)
            return jz_error_set(err, JZ_EIO, path, 0, 0, "TMPDIR is too long");
    } else {
        /* a symbolic link to a report: replace the report, keep the link */
        struct stat ls;
        char real[PATH_MAX];
        size_t n;
        /* memcpy of the measured length: gcc -Os cannot see that the check
         * bounds a snprintf of real[PATH_MAX] and stops on format-truncation */
        if (lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode) && realpath(path, real) && (n = strlen(real)) < sizeof f->path)
            memcpy(f->path, real, n + 1);
        snprintf(f->tmp, sizeof f->tmp, "%s.tmp.XXXXXX", f->path);
    }
    install_handlers();
    int fd = mkstemp(f->tmp);
    if (fd < 0) {
        int e = errno;
        f->tmp[0] = '\0';
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot create output file: %s", strerror(e));
    }
    pending_add(f->tmp);
    /* mkstemp makes 0600; give the report the mode a plain create would */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        int e = errno;
        close(fd);
        drop_tmp(f);
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot set the mode of the output file: %s", strerror(e));
    }
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        int e = errno;
        close(fd);
        drop_tmp(f);
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open output file: %s", strerror(e));
    }
    return JZ_OK;
}

int jz_outfile_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0 || !S_ISREG(sa.st_mode))
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copy the staged file into the non-regular target. */
static int copy_into(const char *from, const char *to)
{
    int in = open(from, O_RDONLY), out = -1, e = 0;
    if (in < 0)
        return errno;
    if ((out = open(to, O_WRONLY | O_TRUNC)) < 0)
        e = errno;
    char buf[65536];
    ssize_t n = 0;
    while (!e && (n = read(in, buf, sizeof buf)) > 0)
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                e = errno;
                break;
            }
            done += w;
        }
    if (!e && n < 0)
        e = errno;
    if (out >= 0 && close(out) != 0 && !e)
        e = errno;
    close(in);
    return e;
}

int jz_outfile_commit(jz_outfile *f, jz_error *err)
{
    if (f->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return jz_error_set(err, JZ_EIO, "stdout", 0, 0, "cannot write the output: %s", strerror(errno));
        return JZ_OK;
    }
    int e = 0;
    errno = 0;
    if (fflush(f->fp) != 0 || ferror(f->fp))
        e = errno ? errno : EIO;
    if (!e && fsync(fileno(f->fp)) != 0 && errno != EINVAL && errno != EROFS)
        e = errno;
    if (fclose(f->fp) != 0 && !e)
        e = errno ? errno : EIO;
    f->fp = NULL;
    if (e) {
        drop_tmp(f);
        return jz_error_set(err, JZ_EIO, f->path, 0, 0, "cannot write output file: %s", strerror(e));
    }
    if (f->direct) {
        e = copy_into(f->tmp, f->path);
        drop_tmp(f);
        if (e)
            return jz_error_set(err, JZ_EIO, f->path, 0, 0, "cannot write the output: %s", strerror(e));
        return JZ_OK;
    }
    if (rename(f->tmp, f->path) != 0) {
        e = errno;
        drop_tmp(f);
        return jz_error_set(err, JZ_EIO, f->path, 0, 0, "cannot move output into place: %s", strerror(e));
    }
    pending_remove(f->tmp);
    f->tmp[0] = '\0';
    return JZ_OK;
}

void jz_outfile_abort(jz_outfile *f)
{
    if (f->is_stdout)
        return;
    if (f->fp)
        fclose(f->fp);
    f->fp = NULL;
    drop_tmp(f);
}
