/*
 * test_common.c - the shared helpers of engine/common: strdup, the string
 * list, the edit distance, the whole-file reader and its limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/limits.h"
#include "common/util.h"

static void test_strings(void **state)
{
    (void)state;
    char *d = jz_strdup("abc");
    assert_string_equal(d, "abc");
    free(d);
    d = jz_strdup(NULL);
    assert_string_equal(d, "");
    free(d);
    char **v = NULL;
    int n = 0, cap = 0;
    for (int i = 0; i < 20; i++) {
        char b[16];
        snprintf(b, sizeof b, "w%d", i);
        assert_int_equal(jz_strlist_push(&v, &n, &cap, b), JZ_OK);
    }
    assert_int_equal(n, 20);
    assert_true(cap >= 20);
    assert_string_equal(v[19], "w19");
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* jz_concat writes what snprintf("%s%s...") writes, at every buffer size
 * (the loader's paths and value texts rely on the same cut). */
static void test_concat(void **state)
{
    (void)state;
    const char *a = "gemeenten[", *b = "GM0153", *c = "].zorg.ambulant";
    for (size_t size = 0; size <= 40; size++) {
        char x[48], y[48];
        memset(x, 'x', sizeof x);
        memset(y, 'x', sizeof y);
        int n = snprintf(x, size, "%s%s%s", a, b, c);
        size_t m = jz_concat(y, size, a, b, c, (char *)NULL);
        assert_int_equal((size_t)n, m);
        assert_memory_equal(x, y, sizeof x);
    }
    char z[8];
    assert_int_equal(jz_concat(z, sizeof z, (char *)NULL), 0);
    assert_string_equal(z, "");
    assert_int_equal(jz_concat(z, sizeof z, "", "ab", "", (char *)NULL), 2);
    assert_string_equal(z, "ab");
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(jz_edit_distance("zorgduur", "zorgduur"), 0);
    assert_int_equal(jz_edit_distance("zorgdur", "zorgduur"), 1);
    assert_int_equal(jz_edit_distance("instrom", "instroom"), 1);
    assert_int_equal(jz_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(jz_edit_distance("", "abc"), 3);
    char longer[80];
    memset(longer, 'a', sizeof longer - 1);
    longer[79] = '\0';
    assert_int_equal(jz_edit_distance(longer, "a"), 99);
}

static void test_read_file(void **state)
{
    (void)state;
    char path[] = "/tmp/jz_common_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "hello\n", 6), 6);
    close(fd);
    char *buf;
    size_t len;
    jz_error err;
    assert_int_equal(jz_read_file(path, 100, "file", &buf, &len, &err), JZ_OK);
    assert_int_equal(len, 6);
    assert_string_equal(buf, "hello\n"); /* NUL-terminated */
    free(buf);
    assert_int_equal(jz_read_file(path, 5, "the history file", &buf, &len, &err), JZ_EINPUT);
    assert_null(buf);
    assert_string_equal(err.message, "the history file is 6 bytes, larger than the limit of 5 bytes");
    assert_string_equal(err.file, path);
    unlink(path);
    assert_int_equal(jz_read_file(path, 100, "file", &buf, &len, &err), JZ_EIO);
    assert_string_equal(err.message, "cannot open file: No such file or directory");
    assert_int_equal(jz_read_file("/tmp", 100, "file", &buf, &len, &err), JZ_EIO);
    assert_string_equal(err.message, "cannot read file: it is a directory");
    assert_true(JZ_HISTORY_MAX_BYTES == (size_t)64 << 20);
    assert_true(JZ_YAML_MAX_BYTES == (size_t)16 << 20);
}

/* The VmFlags line of the mapping holding p in /proc/self/smaps, or "". */
static void vm_flags(const void *p, char *out, size_t size)
{
    out[0] = '\0';
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return;
    char line[512];
    int inside = 0;
    uintptr_t at = (uintptr_t)p;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2) /* a mapping's first line */
            inside = at >= lo && at < hi;
        else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
            snprintf(out, size, "%s", line);
            break;
        }
    }
    fclose(f);
}

/* jz_big_calloc: zeroed like calloc at every size; from 512 KiB on (Linux)
 * its own mapping, aligned to 2 MiB and advised to use huge pages, so
 * that a national scenario is not ~11,000 page faults. */
static void test_big_calloc(void **state)
{
    (void)state;
    const size_t sizes[] = {0, 1, 100, 4096, (512u << 10) - 8, 512u << 10, 1u << 20, (2u << 20) + 1, 11u << 20};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k] / sizeof(double);
        double *p = jz_big_calloc(n, sizeof(double));
        if (n)
            assert_non_null(p);
        for (size_t i = 0; i < n; i++)
            if (p[i] != 0.0)
                fail_msg("byte %zu of a block of %zu is not zero", i * sizeof(double), sizes[k]);
#if defined(__linux__)
        if (sizes[k] >= (512u << 10)) {
            assert_int_equal((uintptr_t)p % (2u << 20), 0); /* the start of a 2 MiB page */
            char flags[512];
            vm_flags(p, flags, sizeof flags);
            if (access("/sys/kernel/mm/transparent_hugepage/enabled", R_OK) == 0 && flags[0] &&
                !strstr(flags, " hg"))
                fail_msg("a block of %zu bytes is not advised to use huge pages: %s", sizes[k], flags);
        }
#endif
        for (size_t i = 0; i < n; i++)
            p[i] = (double)i; /* all of it is ours */
        assert_true(n == 0 || p[n - 1] == (double)(n - 1));
        jz_big_free(p, n, sizeof(double));
    }
    jz_big_free(NULL, 5u << 20, 1);
    assert_null(jz_big_calloc(SIZE_MAX / 2, 4)); /* n * size overflows */

    /* an array that doubles keeps its contents from malloc into a mapping */
    size_t n = 0;
    int *a = NULL;
    for (size_t cap = 1; cap <= (4u << 20) / sizeof *a; cap *= 2) {
        int *b = jz_big_realloc(a, n, cap, sizeof *a);
        assert_non_null(b);
        a = b;
        for (size_t i = 0; i < n; i++)
            if (a[i] != (int)i)
                fail_msg("element %zu of %zu lost when the array grew to %zu", i, n, cap);
        for (; n < cap; n++)
            a[n] = (int)n;
    }
    /* a size no mapping can hold fails, from a mapping too (not a realloc
     * of the mapping by the C library) */
    assert_null(jz_big_calloc(SIZE_MAX - 1024, 1));
    int *c = jz_big_realloc(a, n, SIZE_MAX / sizeof *a - 16, sizeof *a);
    assert_null(c);
    jz_big_free(a, n, sizeof *a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_concat),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_big_calloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
