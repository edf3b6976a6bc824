/*
 * model_support.h - helpers for the model tests (tests/test_model*.c):
 * tolerant comparison, a scenario with every mechanism switched on, and a
 * one-call run.  Linked into every test program; no cmocka here, so any
 * test can use it.
 */
#ifndef JZ_TEST_MODEL_SUPPORT_H
#define JZ_TEST_MODEL_SUPPORT_H

#include "jzsim/model.h"
#include "jzsim/scenario.h"

/* |got - want| <= abs_tol + rel_tol * max(|got|, |want|); NaN never close. */
int jzm_close(double got, double want, double rel_tol, double abs_tol);

/* Number of zorgsoorten of jzm_rich_scenario. */
#define JZM_RICH_Z 4

/* G gemeenten x 4 zorgsoorten x H years from base year 2024, deterministic
 * numbers varying by gemeente and year, with stages 1..3, per-1,000 and
 * absolute instroom, trends, transitions, re-entry (delays 6 and 12),
 * ageing with transfer to zorgsoort 3 (young adults), tariffs, budgets,
 * fixed cost lines and rijksbijdrage.  NULL on OOM. */
jz_scenario *jzm_rich_scenario(int G, int H);

/* Allocate a workspace and result for s and run; *w and *r are set (NULL
 * on OOM) and must be freed by the caller.  Returns the run's status. */
int jzm_run(const jz_scenario *s, jz_workspace **w, jz_result **r, jz_error *err);

#endif
