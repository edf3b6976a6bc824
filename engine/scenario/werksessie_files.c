/*
 * werksessie_files.c - the files of a scenario's `extends` chain, read as
 * text for the interactive page (jzsim/werksessie.h, docs/werksessie.md).
 *
 * The page reruns the real loader on these texts, so it needs exactly the
 * files the loader reads: the scenario and, through `extends`, its base,
 * the base's base, and so on.  Each is parsed with the loader's own YAML
 * reader to find its `extends`, which is resolved the way extends.c does
 * (relative to the directory of the file that names it).  The chain's
 * errors (cycles, depth) are the loader's to report: the scenarios given
 * here have already loaded.
 */
#include <stdlib.h>
#include <string.h>

#include "common/limits.h"
#include "common/util.h"
#include "jzsim/werksessie.h"
#include "scenario/node.h"

/* the loader's default limit of the extends chain (jz_load_options) */
#define CHAIN_MAX 16

void jz_werksessie_files_free(jz_werksessie_file *files, int n)
{
    for (int i = 0; files && i < n; i++) {
        free(files[i].path);
        free(files[i].text);
    }
    free(files);
}

/* rel taken relative to the directory of the file `including` (as extends.c). */
static char *resolve(const char *including, const char *rel)
{
    const char *slash = strrchr(including, '/');
    size_t dir = rel[0] == '/' || !slash ? 0 : (size_t)(slash - including) + 1, len = strlen(rel);
    char *p = malloc(dir + len + 1);
    if (p) {
        memcpy(p, including, dir);
        memcpy(p + dir, rel, len + 1);
    }
    return p;
}

int jz_werksessie_add_files(const char *path, jz_werksessie_file **files, int *n, jz_error *err)
{
    char *cur = jz_strdup(path);
    if (!cur)
        return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    for (int depth = 0; cur && depth <= CHAIN_MAX; depth++) {
        for (int i = 0; i < *n; i++)
            if (strcmp((*files)[i].path, cur) == 0) { /* already there, with its chain */
                free(cur);
                return JZ_OK;
            }
        jz_werksessie_file f = {cur, NULL, 0};
        int st = jz_read_file(cur, JZ_YAML_MAX_BYTES, "scenario", &f.text, &f.len, err);
        jz_werksessie_file *grown = st == JZ_OK ? realloc(*files, (size_t)(*n + 1) * sizeof *grown) : NULL;
        if (!grown) {
            free(f.text);
            free(cur);
            return st != JZ_OK ? st : jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        }
        *files = grown;
        (*files)[(*n)++] = f;
        /* its extends, read by the loader's own YAML reader */
        jz_arena *a = jz_arena_alloc();
        if (!a)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
        jz_node *root = jz_yaml_parse(a, f.text, f.len, cur, NULL, err);
        const jz_node *ext = root ? jz_node_get(root, "extends") : NULL;
        cur = ext && ext->type == JZ_NODE_SCALAR ? resolve(f.path, ext->scalar) : NULL;
        int oom = ext && ext->type == JZ_NODE_SCALAR && !cur;
        jz_arena_free(a);
        if (!root)
            return err->status;
        if (oom)
            return jz_error_set(err, JZ_ENOMEM, NULL, 0, 0, "out of memory");
    }
    free(cur);
    return JZ_OK;
}
