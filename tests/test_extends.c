/*
 * test_extends.c - `extends` chains and tree merging
 * (engine/scenario/extends.c): what a merge changes and what it leaves
 * alone, where merged values say they came from, and one test per class of
 * bad chain (cycle, missing file, not a string, too deep, bad removal).
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

#include "scenario/node.h"

#define EXT_DIR JZ_TEST_DATA "/extends/"

static const jz_yaml_limits limits = {(size_t)16 << 20, 2000000};

typedef struct fixture {
    jz_arena *a;
    jz_error err;
    jz_node *root; /* the file as read, before resolving */
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

/* Read EXT_DIR/name and resolve its extends chain. */
static jz_node *load(fixture *f, const char *name, int max_depth)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", EXT_DIR, name);
    f->root = jz_yaml_parse_file(f->a, path, &limits, &f->err);
    if (!f->root)
        return NULL;
    return jz_tree_resolve_extends(f->a, f->root, path, &limits, max_depth, &f->err);
}

static void expect_error(const fixture *f, int status, const char *file,
                         int line, int column, const char *message)
{
    if (strcmp(f->err.message, message) != 0)
        print_error("message \"%s\"\n   wanted \"%s\"\n", f->err.message, message);
    assert_int_equal(f->err.status, status);
    assert_string_equal(f->err.file, file);
    assert_int_equal(f->err.line, line);
    assert_int_equal(f->err.column, column);
    assert_string_equal(f->err.message, message);
}

static const char *text_at(const jz_node *map, const char *key)
{
    const jz_node *n = jz_node_get(map, key);
    assert_non_null(n);
    assert_int_equal(n->type, JZ_NODE_SCALAR);
    return n->scalar;
}

static void assert_from(const jz_node *n, const char *file, int line, int column)
{
    assert_non_null(n);
    assert_string_equal(n->file, file);
    assert_int_equal(n->line, line);
    assert_int_equal(n->column, column);
}

/* Item i of list has identifier id in field idkey. */
static void assert_item(const jz_node *list, size_t i, const char *idkey, const char *id)
{
    assert_true(i < list->n);
    assert_string_equal(text_at(list->values[i], idkey), id);
}

/* ---- merging ---- */

static void test_map_merge_changes_only_what_it_names(void **state)
{
    fixture *f = *state;
    jz_node *r = load(f, "override_map.yaml", 16);
    assert_non_null(r);
    assert_null(jz_node_get(r, "extends"));
    assert_int_equal(r->n, 5); /* meta zorgsoorten gemeenten indexatie opmerkingen */
    jz_node *meta = jz_node_get(r, "meta");
    assert_int_equal(meta->n, 4);
    /* base keys keep base order, new keys come last */
    assert_string_equal(meta->keys[0]->scalar, "naam");
    assert_string_equal(meta->keys[1]->scalar, "basisjaar");
    assert_string_equal(meta->keys[2]->scalar, "horizon");
    assert_string_equal(meta->keys[3]->scalar, "variant");
    assert_string_equal(text_at(meta, "naam"), "Basis");
    assert_string_equal(text_at(meta, "basisjaar"), "2025");
    assert_string_equal(text_at(meta, "horizon"), "15");
    assert_string_equal(text_at(meta, "variant"), "hoog");
    assert_from(jz_node_get(meta, "horizon"), EXT_DIR "override_map.yaml", 4, 12);
    assert_from(jz_node_get(meta, "naam"), EXT_DIR "base.yaml", 3, 9);
    /* untouched sections are the base's */
    jz_node *zs = jz_node_get(r, "zorgsoorten");
    assert_int_equal(zs->n, 3);
    assert_string_equal(text_at(zs->values[2], "kosten"), "5000");
    assert_int_equal(jz_node_get(r, "indexatie")->n, 3);
    /* the tree as read is not changed */
    assert_non_null(jz_node_get(f->root, "extends"));
    assert_int_equal(jz_node_get(f->root, "meta")->n, 2);
}

static void test_list_and_scalar_replace(void **state)
{
    fixture *f = *state;
    jz_node *r = load(f, "override_list.yaml", 16);
    assert_non_null(r);
    jz_node *ix = jz_node_get(r, "indexatie");
    assert_int_equal(ix->n, 1);
    assert_string_equal(ix->values[0]->scalar, "0.01");
    assert_from(ix, EXT_DIR "override_list.yaml", 2, 12);
    jz_node *op = jz_node_get(r, "opmerkingen");
    assert_int_equal(op->n, 1);
    assert_string_equal(op->values[0]->scalar, "derde");
    /* an item without `code` makes it a plain list: replaced, not merged */
    jz_node *gm = jz_node_get(r, "gemeenten");
    assert_int_equal(gm->n, 1);
    assert_string_equal(text_at(gm->values[0], "naam"), "zonder code");
    assert_int_equal(jz_node_get(r, "zorgsoorten")->n, 3);
}

static void test_keyed_list_merge_append_remove(void **state)
{
    fixture *f = *state;
    jz_node *r = load(f, "keyed.yaml", 16);
    assert_non_null(r);
    jz_node *zs = jz_node_get(r, "zorgsoorten");
    assert_int_equal(zs->n, 3);
    assert_item(zs, 0, "key", "ambulant");
    assert_item(zs, 1, "key", "pleegzorg");
    assert_item(zs, 2, "key", "gezinshuis");
    jz_node *pz = zs->values[1];
    assert_int_equal(pz->n, 4);
    assert_string_equal(text_at(pz, "naam"), "Pleegzorg");
    assert_string_equal(text_at(pz, "zorgduur"), "24");
    assert_string_equal(text_at(pz, "kosten"), "2500");
    assert_string_equal(text_at(zs->values[2], "zorgduur"), "30");
    assert_string_equal(text_at(zs->values[0], "kosten"), "1000");
    for (size_t i = 0; i < zs->n; i++)
        assert_null(jz_node_get(zs->values[i], "remove"));

    jz_node *gm = jz_node_get(r, "gemeenten");
    assert_int_equal(gm->n, 3);
    assert_item(gm, 0, "code", "GM0363");
    assert_item(gm, 1, "code", "GM0599");
    assert_item(gm, 2, "code", "GM0344");
    assert_string_equal(text_at(gm->values[0], "naam"), "Amsterdam");
    assert_string_equal(text_at(gm->values[1], "naam"), "Rotterdam (gewijzigd)");
}

static void test_errors_after_merge_name_the_right_file(void **state)
{
    fixture *f = *state;
    jz_node *r = load(f, "keyed.yaml", 16);
    assert_non_null(r);
    jz_node *pz = jz_node_get(r, "zorgsoorten")->values[1];
    jz_node *dur = jz_node_get(pz, "zorgduur"), *cost = jz_node_get(pz, "kosten");
    assert_from(dur, EXT_DIR "base.yaml", 13, 15);
    assert_from(cost, EXT_DIR "keyed.yaml", 4, 13);

    /* what a later check would print */
    jz_error e;
    char buf[2048];
    jz_error_set(&e, JZ_EINPUT, dur->file, dur->line, dur->column, "zorgduur must be > 0");
    assert_string_equal(jz_error_format(&e, buf, sizeof buf),
                        EXT_DIR "base.yaml:13:15: zorgduur must be > 0");
    jz_node *gz = jz_node_get(r, "zorgsoorten")->values[2];
    assert_from(jz_node_get(gz, "naam"), EXT_DIR "keyed.yaml", 8, 11);
}

static void test_two_level_chain(void **state)
{
    fixture *f = *state;
    jz_node *r = load(f, "chain/c.yaml", 16);
    assert_non_null(r);
    assert_null(jz_node_get(r, "extends"));
    jz_node *meta = jz_node_get(r, "meta");
    assert_string_equal(text_at(meta, "naam"), "C");
    assert_string_equal(text_at(meta, "horizon"), "20");
    assert_string_equal(text_at(meta, "basisjaar"), "2025");
    assert_from(jz_node_get(meta, "basisjaar"), EXT_DIR "chain/mid/../a.yaml", 4, 14);
    jz_node *zs = jz_node_get(r, "zorgsoorten");
    assert_int_equal(zs->n, 2);
    assert_item(zs, 0, "key", "ambulant");
    assert_item(zs, 1, "key", "pleegzorg");
    assert_string_equal(text_at(zs->values[0], "kosten"), "150");
    assert_from(jz_node_get(zs->values[0], "kosten"), EXT_DIR "chain/c.yaml", 7, 13);
    assert_from(jz_node_get(zs->values[1], "kosten"), EXT_DIR "chain/mid/b.yaml", 7, 13);
}

static void test_same_base_twice(void **state)
{
    fixture *f = *state;
    jz_node *k1 = load(f, "keyed.yaml", 16);
    jz_node *m = load(f, "override_map.yaml", 16);
    jz_node *k2 = load(f, "keyed.yaml", 16);
    assert_non_null(k1);
    assert_non_null(m);
    assert_non_null(k2);
    assert_int_equal(jz_node_get(k1, "zorgsoorten")->n, 3);
    assert_int_equal(jz_node_get(k2, "zorgsoorten")->n, 3);
    assert_string_equal(text_at(jz_node_get(k1, "zorgsoorten")->values[1], "kosten"), "2500");
    assert_string_equal(text_at(jz_node_get(m, "zorgsoorten")->values[1], "kosten"), "2000");
    assert_string_equal(text_at(jz_node_get(m, "meta"), "horizon"), "15");
    assert_string_equal(text_at(jz_node_get(k1, "meta"), "horizon"), "10");
}

static void test_no_extends_returns_root(void **state)
{
    fixture *f = *state;
    jz_node *root = jz_yaml_parse_file(f->a, EXT_DIR "base.yaml", &limits, &f->err);
    assert_non_null(root);
    assert_ptr_equal(jz_tree_resolve_extends(f->a, root, EXT_DIR "base.yaml", &limits, 16, &f->err), root);
    const char *list = "- extends: base.yaml\n";
    root = jz_yaml_parse(f->a, list, strlen(list), EXT_DIR "x.yaml", &limits, &f->err);
    assert_ptr_equal(jz_tree_resolve_extends(f->a, root, EXT_DIR "x.yaml", &limits, 16, &f->err), root);
}

/* A scenario given as text is resolved relative to the directory of its name. */
static void test_text_root(void **state)
{
    fixture *f = *state;
    const char *text = "extends: base.yaml\nmeta:\n  naam: Tekst\n";
    jz_node *root = jz_yaml_parse(f->a, text, strlen(text), EXT_DIR "in_memory.yaml", &limits, &f->err);
    assert_non_null(root);
    jz_node *r = jz_tree_resolve_extends(f->a, root, EXT_DIR "in_memory.yaml", &limits, 16, &f->err);
    assert_non_null(r);
    assert_string_equal(text_at(jz_node_get(r, "meta"), "naam"), "Tekst");
    assert_string_equal(text_at(jz_node_get(r, "meta"), "horizon"), "10");
}

/* Lists and maps beyond the small-size linear search use hash lookups. */
static void test_large_keyed_merge(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/jz_extends_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[256], over[256];
    snprintf(base, sizeof base, "%s/base.yaml", dir);
    snprintf(over, sizeof over, "%s/over.yaml", dir);
    FILE *fb = fopen(base, "w"), *fo = fopen(over, "w");
    assert_non_null(fb);
    assert_non_null(fo);
    fprintf(fb, "gemeenten:\n");
    for (int i = 0; i < 100; i++)
        fprintf(fb, "  - {code: GM%04d, naam: g%d, inwoners: %d}\n", i, i, i);
    for (int i = 0; i < 40; i++)
        fprintf(fb, "k%d: %d\n", i, i);
    fprintf(fo, "extends: base.yaml\ngemeenten:\n");
    for (int i = 0; i < 100; i += 2) /* remove the even ones */
        fprintf(fo, "  - {code: GM%04d, remove: true}\n", i);
    fprintf(fo, "  - {code: GM0099, inwoners: 999}\n  - {code: GM0500, naam: nieuw}\n");
    for (int i = 20; i < 60; i++)
        fprintf(fo, "k%d: x%d\n", i, i);
    fclose(fb);
    fclose(fo);
    jz_node *root = jz_yaml_parse_file(f->a, over, &limits, &f->err);
    jz_node *r = root ? jz_tree_resolve_extends(f->a, root, over, &limits, 16, &f->err) : NULL;
    unlink(base);
    unlink(over);
    rmdir(dir);
    assert_non_null(r);
    jz_node *gm = jz_node_get(r, "gemeenten");
    assert_int_equal(gm->n, 51);
    assert_item(gm, 0, "code", "GM0001");
    assert_item(gm, 49, "code", "GM0099");
    assert_string_equal(text_at(gm->values[49], "inwoners"), "999");
    assert_string_equal(text_at(gm->values[49], "naam"), "g99");
    assert_item(gm, 50, "code", "GM0500");
    assert_int_equal(r->n, 61); /* gemeenten + k0..k59 */
    assert_string_equal(text_at(r, "k10"), "10");
    assert_string_equal(text_at(r, "k30"), "x30");
    assert_string_equal(text_at(r, "k59"), "x59");
    assert_string_equal(r->keys[60]->scalar, "k59");
}

/* Resolve a scenario given as text, named as if it were in EXT_DIR. */
static jz_node *load_text(fixture *f, const char *text)
{
    f->root = jz_yaml_parse(f->a, text, strlen(text), EXT_DIR "text.yaml", &limits, &f->err);
    if (!f->root)
        return NULL;
    return jz_tree_resolve_extends(f->a, f->root, EXT_DIR "text.yaml", &limits, 16, &f->err);
}

static void test_empty_list_replaces_and_remove_false(void **state)
{
    fixture *f = *state;
    jz_node *r = load_text(f, "extends: base.yaml\ngemeenten: []\nzorgsoorten:\n"
                              "  - {key: ambulant, remove: false, kosten: 1}\n");
    assert_non_null(r);
    assert_int_equal(jz_node_get(r, "gemeenten")->n, 0);
    jz_node *zs = jz_node_get(r, "zorgsoorten");
    assert_int_equal(zs->n, 3);
    assert_null(jz_node_get(zs->values[0], "remove"));
    assert_string_equal(text_at(zs->values[0], "kosten"), "1");
}

/* ---- bad chains ---- */

static void test_cycle(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "cycle_a.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "cycle_b.yaml", 3, 10,
                 "extends cycle: " EXT_DIR "cycle_a.yaml -> " EXT_DIR
                 "cycle_b.yaml -> " EXT_DIR "cycle_a.yaml");
}

static void test_self_cycle(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "self.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "self.yaml", 2, 10,
                 "extends cycle: " EXT_DIR "self.yaml -> " EXT_DIR "./self.yaml");
}

static void test_missing_file(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "missing.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "missing.yaml", 3, 10,
                 "cannot read extends file '" EXT_DIR "bestaat_niet.yaml': "
                 "No such file or directory");
}

static void test_extends_directory(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "dir.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "dir.yaml", 1, 10,
                 "cannot read extends file '" EXT_DIR "chain': it is a directory");
}

static void test_not_a_string(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "not_string.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "not_string.yaml", 2, 3,
                 "extends must be the name of a scenario file, not a list");

    const char *text = "extends: ''\n";
    jz_node *root = jz_yaml_parse(f->a, text, strlen(text), EXT_DIR "empty_ext.yaml", &limits, &f->err);
    assert_null(jz_tree_resolve_extends(f->a, root, EXT_DIR "empty_ext.yaml", &limits, 16, &f->err));
    expect_error(f, JZ_EINPUT, EXT_DIR "empty_ext.yaml", 1, 10,
                 "extends is empty; give the name of the scenario file to start from");
}

static void test_depth_limit(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "d0.yaml", 2));
    expect_error(f, JZ_EINPUT, EXT_DIR "d2.yaml", 3, 10,
                 "too many levels of extends (the limit is 2): " EXT_DIR "d0.yaml -> "
                 EXT_DIR "d1.yaml -> " EXT_DIR "d2.yaml -> " EXT_DIR "d3.yaml");
    jz_node *r = load(f, "d0.yaml", 3);
    assert_non_null(r);
    assert_string_equal(text_at(jz_node_get(r, "meta"), "naam"), "D2");
}

static void test_remove_missing_item(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "remove_missing.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "remove_missing.yaml", 5, 10,
                 "cannot remove key 'jeugdreclassering': the list in " EXT_DIR
                 "base.yaml (line 7) has no item with that key");
}

static void test_remove_not_boolean(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "remove_bad.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "remove_bad.yaml", 4, 13,
                 "remove must be true or false, got ja");
}

static void test_remove_with_other_keys(void **state)
{
    fixture *f = *state;
    assert_null(load_text(f, "extends: base.yaml\nzorgsoorten:\n"
                             "  - {key: ambulant, remove: true, kosten: 1}\n"));
    expect_error(f, JZ_EINPUT, EXT_DIR "text.yaml", 3, 35,
                 "an item with 'remove: true' may only contain 'key' and 'remove', "
                 "not 'kosten'");
}

static void test_duplicate_item(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "duplicate_item.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "duplicate_item.yaml", 7, 11,
                 "duplicate code 'GM0599' in this list (first at line 3)");
}

static void test_error_inside_base_file(void **state)
{
    fixture *f = *state;
    assert_null(load(f, "uses_bad_base.yaml", 16));
    assert_int_equal(f->err.status, JZ_EINPUT);
    assert_string_equal(f->err.file, EXT_DIR "bad_base.yaml");
    assert_int_equal(f->err.line, 3);
    assert_int_equal(f->err.column, 23);

    assert_null(load(f, "uses_list_base.yaml", 16));
    expect_error(f, JZ_EINPUT, EXT_DIR "list_base.yaml", 1, 1,
                 "a scenario file used by extends must hold settings "
                 "(key: value lines) at the top, not a list");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_map_merge_changes_only_what_it_names),
        T(test_list_and_scalar_replace),
        T(test_keyed_list_merge_append_remove),
        T(test_errors_after_merge_name_the_right_file),
        T(test_two_level_chain),
        T(test_same_base_twice),
        T(test_no_extends_returns_root),
        T(test_text_root),
        T(test_large_keyed_merge),
        T(test_empty_list_replaces_and_remove_false),
        T(test_cycle),
        T(test_self_cycle),
        T(test_missing_file),
        T(test_extends_directory),
        T(test_not_a_string),
        T(test_depth_limit),
        T(test_remove_missing_item),
        T(test_remove_not_boolean),
        T(test_remove_with_other_keys),
        T(test_duplicate_item),
        T(test_error_inside_base_file),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
