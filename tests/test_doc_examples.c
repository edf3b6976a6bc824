/*
 * test_doc_examples.c - every YAML example in docs/ (every .md file) loads (issue 10 §6).
 *
 * Each ```yaml block of every document under docs/ is taken as it is:
 *   - a whole scenario (it has `meta:`) is loaded as written;
 *   - a variant (`extends: x.yaml`) is loaded next to the first of the
 *     shipped or test folders that holds x.yaml;
 *   - a history file (`rows:`) is read by the history reader;
 *   - an `uncertainty:` block is laid over scenarios/example-onzeker.yaml
 *     (plus an uncertain tariff_indexation, which the examples correlate);
 *   - any other fragment (a `measures:` list or bare measure items, a
 *     `bronnen:` list, a few zorgsoort keys) is laid over the shipped Twente
 *     scenario, which has the standard zorgsoorten and the gemeenten the
 *     examples name, through `extends`.
 * The first failing block is reported as docs/FILE:LINE with the loader's
 * message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzsim/jzsim.h"

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    *len = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static int file_exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* Does the block have the top-level key `key:` (at column 1)? */
static const char *top_key(const char *block, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = block; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (strncmp(p, key, n) == 0 && p[n] == ':')
            return p + n + 1;
        if (!*p)
            break;
    }
    return NULL;
}

/* Load one block; 0 when it loads, else prints why and returns 1. */
static int check_block(const char *doc, int line, const char *block)
{
    jz_error err;
    char name[1024], text[65536];
    const char *ext = top_key(block, "extends");
    if (top_key(block, "rows")) {
        jz_history *h = jz_history_parse_yaml(block, strlen(block), "example.yaml", &err);
        if (h) {
            jz_history_free(h);
            return 0;
        }
    } else {
        if (ext) { /* a variant: next to its base */
            char base[256];
            if (sscanf(ext, " \"%255[^\"]\"", base) != 1 && sscanf(ext, " %255s", base) != 1)
                base[0] = '\0';
            static const char *dirs[] = {"scenarios", "scenarios/enschede", "scenarios/twente",
                                         "tests/data", "tests/data/history", "tests/data/measures"};
            snprintf(name, sizeof name, "%s/scenarios/doc-example.yaml", JZ_SOURCE_DIR);
            for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
                char cand[1024];
                snprintf(cand, sizeof cand, "%s/%s/%s", JZ_SOURCE_DIR, dirs[i], base);
                if (file_exists(cand)) {
                    snprintf(name, sizeof name, "%s/%s/doc-example.yaml", JZ_SOURCE_DIR, dirs[i]);
                    break;
                }
            }
            snprintf(text, sizeof text, "%s", block);
        } else if (top_key(block, "meta")) { /* a whole scenario */
            snprintf(name, sizeof name, "%s/scenarios/doc-example.yaml", JZ_SOURCE_DIR);
            snprintf(text, sizeof text, "%s", block);
        } else if (top_key(block, "uncertainty") && !top_key(block, "zorgsoorten")) {
            /* correlations: over the uncertain example, with the per-zorgsoort
             * tariff indexation the examples correlate made uncertain too */
            snprintf(name, sizeof name, "%s/scenarios/doc-example.yaml", JZ_SOURCE_DIR);
            snprintf(text, sizeof text, "extends: example-onzeker.yaml\n"
                     "zorgsoorten:\n  - {key: daghulp, tariff_indexation: {dist: triangular, low: 2%%, mode: 4%%, high: 6%%}}\n"
                     "%s", block);
        } else { /* a fragment: over the Twente scenario; bare list items are measures */
            snprintf(name, sizeof name, "%s/scenarios/twente/doc-example.yaml", JZ_SOURCE_DIR);
            snprintf(text, sizeof text, "extends: regio.yaml\n%s%s",
                     strncmp(block, "  - ", 4) == 0 ? "measures:\n" : "", block);
        }
        jz_scenario *s = jz_scenario_load_string(text, strlen(text), name, NULL, &err);
        if (s) {
            jz_scenario_free(s);
            return 0;
        }
    }
    print_error("docs/%s:%d: the yaml example does not load: %d:%d: %s\n", doc, line, err.line, err.column,
                err.message);
    return 1;
}

static void test_every_yaml_example_loads(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/docs", JZ_SOURCE_DIR);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int blocks = 0, bad = 0;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 4 || strcmp(e->d_name + nl - 3, ".md") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *md = read_all(path, &len);
        assert_non_null(md);
        int line = 1, in = 0, start = 0;
        char *block = malloc(len + 1);
        assert_non_null(block);
        size_t bl = 0;
        for (char *p = md; *p;) {
            char *end = strchr(p, '\n');
            size_t l = end ? (size_t)(end - p) : strlen(p);
            if (!in && strncmp(p, "```yaml", 7) == 0) {
                in = 1;
                start = line + 1;
                bl = 0;
            } else if (in && strncmp(p, "```", 3) == 0) {
                in = 0;
                block[bl] = '\0';
                blocks++;
                bad += check_block(e->d_name, start, block);
            } else if (in) {
                memcpy(block + bl, p, l);
                bl += l;
                block[bl++] = '\n';
            }
            line++;
            p = end ? end + 1 : p + l;
        }
        free(block);
        free(md);
    }
    closedir(d);
    print_message("%d yaml examples in docs/, %d do not load\n", blocks, bad);
    assert_true(blocks >= 10);
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_yaml_example_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
