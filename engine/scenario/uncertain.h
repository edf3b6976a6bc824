/*
 * uncertain.h - the loader's side of uncertain inputs (internal).
 *
 * load.c reads every numeric input through its series() helper; when the
 * node is a distribution or a {value, low, high} map, series() calls
 * jz_unc_series() instead of jz_value_series(): it fills the array with the
 * point value and registers the input and its target (jzsim/uncertainty.h).
 * The few places where a value is not copied straight into its final array
 * (transitions, cost = tariff x units, defaults copied from elsewhere) add
 * their targets themselves with the other functions below.
 */
#ifndef JZ_SCENARIO_UNCERTAIN_H
#define JZ_SCENARIO_UNCERTAIN_H

#include "jzsim/uncertainty.h"
#include "scenario/node.h"
#include "scenario/value.h"

/* Is n a distribution or a {value, low, high} map (a map with `dist` or
 * `value`)? */
int jz_unc_is_value(const jz_node *n);

/* For `extends`: should map `over` replace map `base` instead of merging
 * key by key?  Yes when a distribution or range meets a series by year (in
 * either order), or two distributions of a different kind meet; two of the
 * same kind merge, so a variant can change one parameter (e.g. only sd). */
int jz_unc_replaces(const jz_node *base, const jz_node *over);

/* A year map or {base, growth} series whose values hold a distribution:
 * JZ_EINPUT with a message that says a distribution applies to a whole
 * series.  JZ_OK otherwise. */
int jz_unc_check_nested(const jz_node *n, const char *what, jz_error *err);

/* Parse the distribution or {value, low, high} map n of unit u into d
 * (unc_parse.c); warnings (a distribution cut off by the unit's range) go
 * to s. */
int jz_unc_parse(jz_scenario *s, const jz_node *n, jz_unit u, const char *what, jz_dist *d,
                 jz_error *err);

/* Parse the distribution n (unit u; `what` names it in messages), fill
 * out[0 .. H-1] with its point value and register it in s under `path`
 * (a second call with the same path adds to the same input).  When out lies
 * in s->block, in a fixed cost line, an external shift or is a cell's
 * start, that is added as a SET target.  *index = the input's index. */
int jz_unc_series(jz_scenario *s, const jz_node *n, jz_unit u, const char *path,
                  int H, double *out, int *index, jz_error *err);

/* Add a target in s->block: n elements from p (inside s->block), `stride`
 * apart, with op JZ_TGT_SET or JZ_TGT_SCALE.  SCALE needs a non-zero point
 * value (JZ_EINPUT at the input otherwise). */
int jz_unc_add_target(jz_scenario *s, int index, double *p, int n, int stride, int op,
                      jz_error *err);

/* Every input with a target that is exactly the n elements at `from` gets
 * the same target at `to` too (a default copied from another array, e.g.
 * the global tariff indexation into a cell). */
int jz_unc_follow(jz_scenario *s, const double *from, double *to, int n, jz_error *err);

/* After all inputs: check that every uncertain input reached the model (a
 * distribution where it is not supported is an error at its place), then
 * read the top-level `uncertainty` section (may be NULL): correlations,
 * matched against the uncertain inputs' paths (`*` matches any text), and
 * the copula's Cholesky factor.  Adds warnings to s. */
int jz_unc_finish(jz_scenario *s, const jz_node *section, jz_error *err);

/* For scenario.c: free and deep-copy the registry and copula of a scenario. */
void jz_unc_free_all(jz_scenario *s);
int jz_unc_copy_all(jz_scenario *dst, const jz_scenario *src);

#endif
