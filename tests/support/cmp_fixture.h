/*
 * cmp_fixture.h - the fixture of the comparison tests (test_compare.c,
 * test_verschil.c): scenarios from tests/data/compare/ run by the model and
 * compared.  Include after cmocka.h; header-only, static inline functions, so each
 * test program has its own copy.
 */
#ifndef JZ_CMP_FIXTURE_H
#define JZ_CMP_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "jzsim/jzsim.h"

#define CMP_DIR JZ_TEST_DATA "/compare/"
#define CMP_NMAX 12

typedef struct fixture {
    int n;
    jz_scenario *s[CMP_NMAX];
    jz_result *r[CMP_NMAX];
    jz_comparison *c;
} fixture;

/* Run s (taken over by f) and add it with its result. */
static inline void run_one(fixture *f, jz_scenario *s)
{
    jz_error err;
    assert_non_null(s);
    assert_true(f->n < CMP_NMAX);
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    assert_non_null(r);
    assert_non_null(w);
    if (jz_model_run(s, w, r, &err) != JZ_OK)
        fail_msg("model run: %s", err.message);
    jz_workspace_free(w);
    f->s[f->n] = s;
    f->r[f->n] = r;
    f->n++;
}

/* Load tests/data/compare/<name> and run it. */
static inline void load(fixture *f, const char *name)
{
    char path[1024];
    jz_error err;
    snprintf(path, sizeof path, "%s%s", CMP_DIR, name);
    jz_scenario *s = jz_scenario_load(path, NULL, &err);
    if (!s)
        fail_msg("%s: %s", path, err.message);
    run_one(f, s);
}

/* Compare the scenarios of f, the first as the reference. */
static inline void compare(fixture *f)
{
    jz_error err;
    f->c = jz_comparison_alloc(f->n, (const jz_scenario *const *)f->s, (const jz_result *const *)f->r, &err);
    if (!f->c)
        fail_msg("comparison: %s", err.message);
}

static inline void release(fixture *f)
{
    jz_comparison_free(f->c);
    for (int i = 0; i < f->n; i++) {
        jz_result_free(f->r[i]);
        jz_scenario_free(f->s[i]);
    }
}

/* The comparison's index of zorgsoort key, or -1. */
static inline int zindex(const jz_comparison *c, const char *key)
{
    for (int z = 0; z < c->n_zorgsoorten; z++)
        if (strcmp(c->zs[z].key, key) == 0)
            return z;
    return -1;
}

#endif
