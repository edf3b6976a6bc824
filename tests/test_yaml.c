/*
 * test_yaml.c - the YAML reader (engine/scenario/node.c): node positions,
 * quoting, alias expansion, and one test per class of bad input, each
 * checking the message a user would see and the line:column it names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "scenario/node.h"
#include "scenario/value.h"

#define YAML_DIR JZ_TEST_DATA "/yaml/"

static const jz_yaml_limits default_limits = {(size_t)16 << 20, 2000000};

typedef struct fixture {
    jz_arena *a;
    jz_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->a = jz_arena_alloc();
    jz_error_clear(&f->err);
    *state = f;
    return f->a ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    jz_arena_free(f->a);
    free(f);
    return 0;
}

static jz_node *parse_fixture(fixture *f, const char *name, const jz_yaml_limits *lim)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", YAML_DIR, name);
    return jz_yaml_parse_file(f->a, path, lim, &f->err);
}

static jz_node *parse_text(fixture *f, const char *text, const jz_yaml_limits *lim)
{
    return jz_yaml_parse(f->a, text, strlen(text), "test.yaml", lim, &f->err);
}

/* The error is JZ_EINPUT at line:column and its message contains text. */
static void expect_input_error(const fixture *f, int line, int column, const char *text)
{
    if (!strstr(f->err.message, text))
        print_error("message \"%s\" lacks \"%s\"\n", f->err.message, text);
    assert_int_equal(f->err.status, JZ_EINPUT);
    assert_non_null(strstr(f->err.message, text));
    assert_int_equal(f->err.line, line);
    assert_int_equal(f->err.column, column);
}

static void expect_file_suffix(const fixture *f, const char *suffix)
{
    size_t n = strlen(f->err.file), k = strlen(suffix);
    assert_true(n >= k);
    assert_string_equal(f->err.file + n - k, suffix);
}

static void assert_scalar(const jz_node *n, const char *text, int quoted)
{
    assert_non_null(n);
    assert_int_equal(n->type, JZ_NODE_SCALAR);
    assert_string_equal(n->scalar, text);
    assert_int_equal(n->quoted, quoted);
}

static void assert_at(const jz_node *n, int line, int column)
{
    assert_non_null(n);
    assert_int_equal(n->line, line);
    assert_int_equal(n->column, column);
}

/* ---- positive ---- */

static void test_positions_and_quotes(void **state)
{
    fixture *f = *state;
    jz_node *r = parse_fixture(f, "positions.yaml", &default_limits);
    assert_non_null(r);
    assert_int_equal(r->type, JZ_NODE_MAP);
    assert_int_equal(r->n, 5);
    assert_string_equal(r->file, YAML_DIR "positions.yaml");
    assert_at(r->keys[0], 2, 1);
    assert_scalar(jz_node_get(r, "naam"), "Basis 2025", 1);
    assert_at(jz_node_get(r, "naam"), 2, 7);
    assert_scalar(jz_node_get(r, "jaren"), "12", 0);
    assert_at(jz_node_get(r, "jaren"), 3, 8);

    jz_node *zs = jz_node_get(r, "zorgsoorten");
    assert_int_equal(zs->type, JZ_NODE_SEQ);
    assert_null(zs->keys);
    assert_int_equal(zs->n, 2);
    assert_at(zs->values[0], 5, 5);
    jz_node *zd = jz_node_get(zs->values[0], "zorgduur");
    assert_scalar(zd, "12", 1); /* '12' is text, not a number */
    assert_at(zd, 6, 15);
    assert_scalar(jz_node_get(zs->values[0], "tekst"), "gewone tekst", 0);
    assert_scalar(jz_node_get(zs->values[1], "key"), "pleegzorg", 0);
    assert_at(zs->values[1], 8, 5);

    jz_node *l = jz_node_get(r, "lijst");
    assert_at(l, 9, 8);
    assert_int_equal(l->n, 3);
    assert_scalar(l->values[0], "1", 0);
    assert_scalar(l->values[1], "2", 1);
    assert_at(l->values[1], 9, 12);
    assert_scalar(l->values[2], "x", 0);
    assert_at(l->values[2], 9, 17);
    assert_scalar(jz_node_get(r, "blok"), "twee\nregels\n", 0);
}

static void test_lookup_helpers(void **state)
{
    fixture *f = *state;
    jz_node *r = parse_text(f, "a: 1\nb: [x]\nc: {d: 2}\n", &default_limits);
    assert_non_null(r);
    assert_null(jz_node_get(r, "zz"));
    assert_null(jz_node_get(jz_node_get(r, "b"), "x")); /* not a map */
    assert_null(jz_node_get(NULL, "a"));
    assert_string_equal(jz_node_type_name(jz_node_get(r, "a")), "a number or text");
    assert_string_equal(jz_node_type_name(jz_node_get(r, "b")), "a list");
    assert_string_equal(jz_node_type_name(jz_node_get(r, "c")), "a map");
}

static void test_aliases_expanded(void **state)
{
    fixture *f = *state;
    jz_node *r = parse_fixture(f, "aliases.yaml", &default_limits);
    assert_non_null(r);
    jz_node *std = jz_node_get(r, "standaard"), *amb = jz_node_get(r, "ambulant");
    assert_int_equal(amb->type, JZ_NODE_MAP);
    assert_ptr_not_equal(amb, std); /* a copy, not the same node */
    assert_int_equal(amb->n, 2);
    assert_scalar(jz_node_get(amb, "zorgduur"), "12", 0);
    assert_scalar(jz_node_get(amb, "kosten"), "1000", 0);
    assert_at(amb, 4, 11);                        /* the copy sits at the alias */
    assert_at(jz_node_get(amb, "zorgduur"), 2, 13); /* its values where written */

    jz_node *t = jz_node_get(r, "tabel");
    assert_int_equal(t->n, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(t->values[i]->type, JZ_NODE_SEQ);
        assert_int_equal(t->values[i]->n, 2);
        assert_scalar(t->values[i]->values[1], "2026", 0);
    }
    assert_ptr_not_equal(t->values[0], t->values[1]);
    assert_scalar(jz_node_get(r, "kopie"), "Basis", 1);
    assert_scalar(jz_node_get(r, "z"), "2", 0); /* a redefined anchor: the latest wins */
}

static void test_empty_inputs_are_empty_maps(void **state)
{
    fixture *f = *state;
    const char *files[] = {"empty.yaml", "comments_only.yaml"};
    for (size_t i = 0; i < 2; i++) {
        jz_node *r = parse_fixture(f, files[i], &default_limits);
        assert_non_null(r);
        assert_int_equal(r->type, JZ_NODE_MAP);
        assert_int_equal(r->n, 0);
    }
    jz_node *r = parse_text(f, "---\n", &default_limits);
    assert_non_null(r);
    assert_int_equal(r->type, JZ_NODE_MAP);
    assert_int_equal(r->n, 0);
    r = jz_yaml_parse(f->a, NULL, 0, "none.yaml", &default_limits, &f->err);
    assert_non_null(r);
    assert_int_equal(r->type, JZ_NODE_MAP);
}

static void test_nesting_at_limit_is_fine(void **state)
{
    fixture *f = *state;
    char text[600];
    memset(text, '[', 256);
    memset(text + 256, ']', 256);
    text[512] = '\0';
    jz_node *r = parse_text(f, text, &default_limits);
    assert_non_null(r);
    assert_int_equal(r->type, JZ_NODE_SEQ);
}

/* ---- bad input ---- */

static void test_malformed_yaml(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "malformed.yaml", &default_limits));
    expect_input_error(f, 3, 23, "malformed YAML: mapping values are not allowed in this context");
    expect_file_suffix(f, "yaml/malformed.yaml");
}

static void test_tab_indentation(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "tab.yaml", &default_limits));
    expect_input_error(f, 2, 1, "a tab character is used for indentation; use spaces");
}

static void test_unclosed_quote(void **state)
{
    fixture *f = *state;
    assert_null(parse_text(f, "a: 1\nb: \"open\n", &default_limits));
    expect_input_error(f, 3, 1, "quote or bracket not closed");
    assert_non_null(strstr(f->err.message, "starting at line 2, column 4"));
}

static void test_invalid_utf8(void **state)
{
    fixture *f = *state;
    assert_null(parse_text(f, "a: 1\nb: caf\xe9\n", &default_limits));
    expect_input_error(f, 2, 7, "not valid UTF-8 text");
}

static void test_non_scalar_key(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "nonscalar_key.yaml", &default_limits));
    expect_input_error(f, 3, 5, "a key must be a name or text, not a list");
}

static void test_duplicate_key(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "duplicate_key.yaml", &default_limits));
    expect_input_error(f, 6, 5, "duplicate key 'zorgduur' (first at line 4)");
}

/* Large maps find duplicates through a hash table: same message. */
static void test_duplicate_key_large_map(void **state)
{
    fixture *f = *state;
    char text[4096] = "";
    size_t used = 0;
    for (int i = 0; i < 100; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "k%d: %d\n", i, i);
    snprintf(text + used, sizeof text - used, "k42: again\n");
    assert_null(parse_text(f, text, &default_limits));
    expect_input_error(f, 101, 1, "duplicate key 'k42' (first at line 43)");
}

static void test_multiple_documents(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "two_documents.yaml", &default_limits));
    expect_input_error(f, 3, 1, "more than one YAML document");
}

static void test_file_over_size_limit(void **state)
{
    fixture *f = *state;
    struct stat st;
    assert_int_equal(stat(YAML_DIR "positions.yaml", &st), 0);
    jz_yaml_limits small = {100, 1000};
    assert_null(parse_fixture(f, "positions.yaml", &small));
    char want[128];
    snprintf(want, sizeof want, "file is %lld bytes, larger than the limit of 100 bytes",
             (long long)st.st_size);
    assert_int_equal(f->err.status, JZ_EINPUT);
    assert_string_equal(f->err.message, want);
    expect_file_suffix(f, "yaml/positions.yaml");

    assert_null(parse_text(f, "a: 0123456789\n", &(jz_yaml_limits){10, 1000}));
    assert_int_equal(f->err.status, JZ_EINPUT);
    assert_string_equal(f->err.message, "input is 14 bytes, larger than the limit of 10 bytes");
}

static void test_alias_bomb(void **state)
{
    fixture *f = *state;
    jz_yaml_limits lim = {(size_t)1 << 20, 100000};
    assert_null(parse_fixture(f, "bomb.yaml", &lim));
    /* a..e hold 74,739 nodes; the first copy of e (66,430 nodes) breaks the budget */
    expect_input_error(f, 6, 8, "document expands to more than 100000 nodes (alias bomb?)");

    /* With the real default budget it still stops early (the full document
     * would have 9^9 strings) and quickly. */
    clock_t t0 = clock();
    assert_null(parse_fixture(f, "bomb.yaml", &default_limits));
    expect_input_error(f, 7, 16, "document expands to more than 2000000 nodes (alias bomb?)");
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
}

static void test_node_budget_without_aliases(void **state)
{
    fixture *f = *state;
    assert_null(parse_text(f, "[1, 2, 3, 4, 5, 6]\n", &(jz_yaml_limits){1000, 5}));
    expect_input_error(f, 1, 14, "document has more than 5 nodes");
}

static void test_unknown_alias(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "unknown_alias.yaml", &default_limits));
    expect_input_error(f, 4, 12, "alias '*stdandaard' refers to an anchor '&stdandaard' "
                                 "that is not defined before it");
}

static void test_too_deep_nesting(void **state)
{
    fixture *f = *state;
    size_t n = 100000;
    char *text = malloc(n + 1);
    assert_non_null(text);
    memset(text, '[', n);
    text[n] = '\0';
    assert_null(parse_text(f, text, &default_limits));
    free(text);
    expect_input_error(f, 1, 257, "maps and lists are nested more than 256 levels deep");
}

/* An alias must not be a way around the depth limit. */
static void test_too_deep_through_alias(void **state)
{
    fixture *f = *state;
    char text[1200];
    size_t p = (size_t)snprintf(text, sizeof text, "a: &diep ");
    memset(text + p, '[', 200);
    memset(text + p + 200, ']', 200);
    p += 400;
    p += (size_t)snprintf(text + p, sizeof text - p, "\nb: ");
    memset(text + p, '[', 100);
    p += 100;
    snprintf(text + p, sizeof text - p, "*diep");
    assert_null(parse_text(f, text, &default_limits));
    expect_input_error(f, 2, 104, "nested more than 256 levels deep (after inserting alias '*diep')");
}

static void test_nul_byte(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "nul.yaml", &default_limits));
    expect_input_error(f, 2, 11, "the file contains a NUL byte");

    assert_null(parse_text(f, "a: \"x\\0y\"\n", &default_limits));
    expect_input_error(f, 1, 4, "text contains a NUL character");
}

static void test_missing_file(void **state)
{
    fixture *f = *state;
    assert_null(parse_fixture(f, "does_not_exist.yaml", &default_limits));
    assert_int_equal(f->err.status, JZ_EIO);
    assert_string_equal(f->err.message, "cannot open file: No such file or directory");
    expect_file_suffix(f, "yaml/does_not_exist.yaml");
    assert_int_equal(f->err.line, 0);
}

static void test_directory(void **state)
{
    fixture *f = *state;
    assert_null(jz_yaml_parse_file(f->a, YAML_DIR, &default_limits, &f->err));
    assert_int_equal(f->err.status, JZ_EIO);
    assert_string_equal(f->err.message, "cannot read file: it is a directory");
}

static void test_arena(void **state)
{
    (void)state;
    jz_arena *a = jz_arena_alloc();
    assert_non_null(a);
    unsigned char *small = jz_arena_malloc(a, 10);
    unsigned char *big = jz_arena_malloc(a, (size_t)1 << 20);
    unsigned char *zero = jz_arena_malloc(a, 0);
    assert_non_null(small);
    assert_non_null(big);
    assert_non_null(zero);
    for (size_t i = 0; i < ((size_t)1 << 20); i += 4096)
        assert_int_equal(big[i], 0);
    assert_int_equal((uintptr_t)small % _Alignof(max_align_t), 0);
    for (int i = 0; i < 10000; i++) { /* many chunks */
        double *d = jz_arena_malloc(a, 3 * sizeof *d);
        assert_non_null(d);
        assert_true(d[0] == 0.0 && d[2] == 0.0);
        d[2] = 1.0;
    }
    assert_string_equal(jz_arena_strdup(a, "gemeente"), "gemeente");
    assert_null(jz_arena_malloc(a, SIZE_MAX));
    jz_arena_free(a);
    jz_arena_free(NULL);
}

/* A plain decimal is read without strtod (value.c): the same bits as
 * strtod for every number of digits and decimals. */
static void test_plain_decimals_as_strtod(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252ull;
    jz_node n = {.type = JZ_NODE_SCALAR, .file = "t.yaml", .line = 1, .column = 1};
    char text[64];
    jz_error err;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int digits = 1 + (int)(x % 17), frac = (int)((x >> 8) % (unsigned)(digits + 1));
        uint64_t m = (x >> 12) % 10000000000000000ull; /* 16 digits at most: strtod then */
        char d[32];
        snprintf(d, sizeof d, "%0*llu", digits, (unsigned long long)m);
        d[digits] = '\0';
        if (frac == 0)
            snprintf(text, sizeof text, "%s", d);
        else
            snprintf(text, sizeof text, "%.*s.%s", digits - frac, d, d + digits - frac);
        n.scalar = text;
        double v = 0.0, want = strtod(text, NULL);
        if (want > 1e13 || (frac == 3 && digits - frac >= 1 && digits - frac <= 3))
            continue; /* above the money limit, or "1.234" (a Dutch thousands dot?) */
        if (jz_value_number(&n, JZ_U_MONEY, "cost", &v, &err) != JZ_OK)
            fail_msg("%s: %s", text, err.message);
        if (memcmp(&v, &want, sizeof v) != 0)
            fail_msg("%s: read %.17g, strtod gives %.17g", text, v, want);
    }
}

/* The euro sign after an amount, one rule for the value reader and the CSV
 * template (jz_value_euro_after): the amount's length without the sign and
 * the spaces before it; a text without one, or the sign alone, as it is. */
static void test_euro_after(void **state)
{
    (void)state;
    const char *a = "9.600.000 \xe2\x82\xac", *b = "24,1M\xe2\x82\xac", *c = "\xe2\x82\xac 5", *d = "\xe2\x82\xac";
    assert_int_equal(jz_value_euro_after(a, strlen(a)), 9);
    assert_int_equal(jz_value_euro_after(b, strlen(b)), 5);
    assert_int_equal(jz_value_euro_after(c, strlen(c)), strlen(c));
    assert_int_equal(jz_value_euro_after(d, strlen(d)), strlen(d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_decimals_as_strtod),
        cmocka_unit_test_setup_teardown(test_positions_and_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lookup_helpers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aliases_expanded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_inputs_are_empty_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_at_limit_is_fine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_yaml, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tab_indentation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unclosed_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_non_scalar_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key_large_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiple_documents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_over_size_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_bomb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_node_budget_without_aliases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_alias, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_deep_through_alias, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_euro_after),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
