/*
 * jztest.h - assertions for doubles (cmocka 1.1 has none for double).
 * Include after <cmocka.h>.
 */
#ifndef JZ_TEST_H
#define JZ_TEST_H
#include <math.h>

/* |a - b| <= tol, with both values in the failure message. */
#define assert_close(a, b, tol)                                                         \
    do {                                                                                \
        double a_ = (double)(a), b_ = (double)(b), t_ = (double)(tol);                  \
        if (!(fabs(a_ - b_) <= t_))                                                     \
            fail_msg("%s = %.17g, expected %.17g (tolerance %g)", #a, a_, b_, t_);      \
    } while (0)

/* |a - b| <= rel * |b| */
#define assert_rel(a, b, rel)                                                           \
    do {                                                                                \
        double a_ = (double)(a), b_ = (double)(b), r_ = (double)(rel);                  \
        if (!(fabs(a_ - b_) <= r_ * fabs(b_)))                                          \
            fail_msg("%s = %.17g, expected %.17g (relative tolerance %g)", #a, a_, b_, r_); \
    } while (0)

/* Helpers for tests that run the model (need jzsim/model.h and
 * tests/support/model_support.h included before this header). */
#ifdef JZ_TEST_MODEL_SUPPORT_H
/* Allocate, run, and fail the test on any error. */
static inline void jzt_run_ok(const jz_scenario *s, jz_workspace **w, jz_result **r)
{
    jz_error err;
    int rc = jzm_run(s, w, r, &err);
    if (rc != JZ_OK)
        fail_msg("run failed (%d): %s", rc, err.message);
}

static inline void jzt_free_all(jz_scenario *s, jz_workspace *w, jz_result *r)
{
    jz_result_free(r);
    jz_workspace_free(w);
    jz_scenario_free(s);
}
#endif

#endif
