/*
 * test_gsl_policy.c - GSL's aborting error handler is off for the library
 * (jzsim/init.h): GSL failures reached through the library's own entry
 * points, with no CLI set-up and GSL's default handler in place at start,
 * come back as statuses and located errors, never as an abort:
 *   - a correlation matrix that is not positive definite (the loader);
 *   - a break-even whose range does not bracket the target
 *     (gsl_root_fsolver_set returns GSL_EINVAL);
 *   - a calibration whose Jacobian is singular (two parameters that only
 *     scale the same observation);
 *   - GSL called directly after jz_init().
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "jzsim/jzsim.h"

static void test_not_positive_definite(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/gsl/not_pd.yaml", NULL, &err);
    assert_null(s);
    assert_int_equal(err.status, JZ_EINPUT);
    assert_non_null(strstr(err.file, "not_pd.yaml"));
    assert_int_equal(err.line, 7);
    assert_true(err.column > 0);
    assert_non_null(strstr(err.message, "not positive definite"));
}

static void test_breakeven_not_bracketed(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_SOURCE_DIR "/scenarios/example-onzeker.yaml", NULL, &err);
    assert_non_null(s);
    jz_breakeven be;
    int rc = jz_breakeven_find(s, "zorgsoorten[ambulant].zorgduur", -1, 0, -1e12, &be, &err);
    assert_int_equal(rc, JZ_OK);
    assert_int_equal(be.found, 0);
    assert_true(be.at_lo > -1e12 && be.at_hi > -1e12);
    /* and one that is bracketed still solves */
    rc = jz_breakeven_find(s, "zorgsoorten[ambulant].zorgduur", -1, 0, 5e6, &be, &err);
    assert_int_equal(rc, JZ_OK);
    assert_int_equal(be.found, 1);
    assert_true(fabs(be.at_value - 5e6) < 1.0);
    jz_scenario_free(s);
}

static void test_calibrate_singular_jacobian(void **state)
{
    (void)state;
    jz_error err;
    jz_scenario *s = jz_scenario_load(JZ_TEST_DATA "/history/synth.yaml", NULL, &err);
    assert_non_null(s);
    jz_history *h = jz_history_load(JZ_TEST_DATA "/gsl/cost_only.csv", &err);
    assert_non_null(h);
    jz_calib *c = jz_calibrate(s, h, NULL, &err);
    if (c) {
        /* a result: it must say that the parameters are not identified */
        int said = 0;
        for (int i = 0; i < c->n_warnings; i++)
            said |= strstr(c->warnings[i], "identified") != NULL || strstr(c->warnings[i], "converge") != NULL;
        assert_true(said);
        jz_calib_free(c);
    } else {
        assert_true(err.status != JZ_OK);
        assert_true(err.message[0] != '\0');
    }
    jz_history_free(h);
    jz_scenario_free(s);
}

static void test_handler_off_after_init(void **state)
{
    (void)state;
    jz_init();
    jz_init(); /* idempotent */
    double a[4] = {1.0, 2.0, 2.0, 1.0}; /* not positive definite */
    gsl_matrix_view v = gsl_matrix_view_array(a, 2, 2);
    assert_int_equal(gsl_linalg_cholesky_decomp1(&v.matrix), GSL_EDOM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_positive_definite),
        cmocka_unit_test(test_breakeven_not_bracketed),
        cmocka_unit_test(test_calibrate_singular_jacobian),
        cmocka_unit_test(test_handler_off_after_init),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
