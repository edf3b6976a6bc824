/*
 * datadir.c - find a shipped scenario under share/jzsim from any folder.
 *
 * `jzsim compare scenarios/enschede/basis.yaml ...` works in the source tree
 * because the path is relative to it; after installation the same command,
 * or `jzsim run enschede/basis.yaml`, finds the file in the data folder.
 * The werksessie engine (share/jzsim/werksessie.js) is found the same way.
 * The search order is documented in docs/install.md and datadir.h.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/datadir.h"

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* DIR/PATH, then DIR/scenarios/PATH; 1 and buf filled when one is a file. */
static int try_dir(const char *dir, const char *path, char *buf, size_t size)
{
    static const char *const sub[] = {"", "scenarios/"};
    if (!dir || !*dir)
        return 0;
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        int n = snprintf(buf, size, "%s/%s%s", dir, sub[i], path);
        if (n > 0 && (size_t)n < size && is_file(buf))
            return 1;
    }
    return 0;
}

/* <folder of the running executable>/../share/jzsim into dir (realpath'd
 * when it exists); 0 when the executable cannot be found. */
static int exe_share(char *dir, size_t size)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    char up[4096 + 32];
    snprintf(up, sizeof up, "%s/../share/jzsim", exe);
    /* /usr/share/jzsim rather than /usr/bin/../share/jzsim in what reports show */
    char real[4096];
    snprintf(dir, size, "%s", realpath(up, real) ? real : up);
    return 1;
}

/* <folder of the running executable>/../share/jzsim: a relocated install. */
static int try_exe_dir(const char *path, char *buf, size_t size)
{
    char dir[4096 + 64];
    return exe_share(dir, sizeof dir) && try_dir(dir, path, buf, size);
}

/* DIR/NAME into buf; 1 when it is a file. */
static int try_file(const char *dir, const char *name, char *buf, size_t size)
{
    if (!dir || !*dir)
        return 0;
    int n = snprintf(buf, size, "%s/%s", dir, name);
    return n > 0 && (size_t)n < size && is_file(buf);
}

const char *cli_find_data_file(const char *name, const char *built, char *buf, size_t size)
{
    char dir[4096 + 64];
    if (try_file(getenv("JZSIM_DATADIR"), name, buf, size) ||
        (exe_share(dir, sizeof dir) && try_file(dir, name, buf, size)))
        return buf;
    if (built && is_file(built))
        return built;
#ifdef JZSIM_DATADIR
    if (try_file(JZSIM_DATADIR, name, buf, size))
        return buf;
#endif
    return NULL;
}

const char *cli_find_scenario(const char *path, char *buf, size_t size)
{
    if (!path || !*path || path[0] == '/' || strcmp(path, "-") == 0 || is_file(path)) /* '-': stdin */
        return path;
    if (try_dir(getenv("JZSIM_DATADIR"), path, buf, size) || try_exe_dir(path, buf, size))
        return buf;
#ifdef JZSIM_DATADIR
    if (try_dir(JZSIM_DATADIR, path, buf, size))
        return buf;
#endif
    return path;
}
