/*
 * plausible.h - is an input a typing mistake?  (internal)
 *
 * Two kinds of checks, one table each in plausible.c (documented with their
 * sources in docs/scenario-format.md, "Plausibility"):
 *   - ceilings: a yearly rate above a ceiling (25% indexation, 50% growth)
 *     is an error unless the key is marked `plausible: false` or the load
 *     options allow implausible values;
 *   - ranges from Dutch practice (price per client-year, zorgduur, instroom
 *     per 1,000 youth, share of youth in care, cost per youth, budget against
 *     cost in the base year): outside, a located warning on the scenario.
 * The syntax checks (a bare rate above 1, "151.500" in a euro field) live in
 * value.c, because they need the number as written.
 */
#ifndef JZ_SCENARIO_PLAUSIBLE_H
#define JZ_SCENARIO_PLAUSIBLE_H

#include "jzsim/scenario.h"
#include "scenario/node.h"
#include "scenario/value.h"

/* The advice that ends a ceiling error: followable in a scenario, not in
 * the template of `jzsim init` (engine/init/derive.c puts its own there). */
#define JZ_PLAUS_MARK_ADVICE "; if it is meant, mark it with 'plausible: false' next to it (or validate with --allow-implausible)"

/* Check the series node v (read as unit u for the input `path`) against the
 * ceiling of its kind of rate.  scope is the map that holds the key (it or v
 * may carry `plausible: false`); allow != 0 skips the check.  JZ_EINPUT at
 * the offending value. */
int jz_plaus_ceiling(const jz_node *v, const jz_node *scope, jz_unit u, const char *path,
                     int allow, jz_error *err);

/* Warn (on s) when a value read from node v into out[0..H-1] is outside the
 * plausible range of its key (the last part of path).  0 or JZ_ENOMEM. */
int jz_plaus_range(jz_scenario *s, const jz_node *v, jz_unit u, const char *path,
                   const double *out, int H);

/* The checks that need the whole scenario (share of youth in care, cost per
 * youth, budget against cost in the base year), as warnings. */
void jz_plaus_scenario(jz_scenario *s);

#endif
