/*
 * outfile.c - write a report to a temporary file, then rename it into place.
 *
 * rename() within one directory is atomic on POSIX, so a reader (or Excel)
 * sees either the old complete file or the new complete one, never a half
 * one; a run that fails midway removes its temporary file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jzsim/report.h"

int jz_outfile_open(jz_outfile *f, const char *path, jz_error *err)
{
    memset(f, 0, sizeof *f);
    if (!path || strcmp(path, "-") == 0) {
        f->fp = stdout;
        f->is_stdout = 1;
        return JZ_OK;
    }
    if (strlen(path) >= sizeof f->path)
        return jz_error_set(err, JZ_EINPUT, path, 0, 0, "output path is too long");
    snprintf(f->path, sizeof f->path, "%s", path);
    snprintf(f->tmp, sizeof f->tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(f->tmp);
    if (fd < 0)
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot create output file: %s", strerror(errno));
    fchmod(fd, 0644); /* mkstemp makes 0600; a report is meant to be shared */
    f->fp = fdopen(fd, "w");
    if (!f->fp) {
        int e = errno;
        close(fd);
        unlink(f->tmp);
        return jz_error_set(err, JZ_EIO, path, 0, 0, "cannot open output file: %s", strerror(e));
    }
    return JZ_OK;
}

int jz_outfile_commit(jz_outfile *f, jz_error *err)
{
    if (f->is_stdout) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return jz_error_set(err, JZ_EIO, "stdout", 0, 0, "cannot write the output: %s", strerror(errno));
        return JZ_OK;
    }
    int bad = ferror(f->fp);
    if (fclose(f->fp) != 0)
        bad = 1;
    f->fp = NULL;
    if (bad) {
        int e = errno;
        unlink(f->tmp);
        return jz_error_set(err, JZ_EIO, f->path, 0, 0, "cannot write output file: %s", strerror(e));
    }
    if (rename(f->tmp, f->path) != 0) {
        int e = errno;
        unlink(f->tmp);
        return jz_error_set(err, JZ_EIO, f->path, 0, 0, "cannot move output into place: %s", strerror(e));
    }
    return JZ_OK;
}

void jz_outfile_abort(jz_outfile *f)
{
    if (f->is_stdout)
        return;
    if (f->fp)
        fclose(f->fp);
    f->fp = NULL;
    if (f->tmp[0])
        unlink(f->tmp);
}
