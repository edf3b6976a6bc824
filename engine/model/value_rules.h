/*
 * value_rules.h - the checks of jz_check_gemeente as a rule per value
 * (internal; check.c).
 *
 * A Monte Carlo draw writes a few inputs into a copy of a scenario that
 * passed the model's checks once.  Instead of checking every input of a
 * gemeente the drawn values reach again, the draw checks only the values it
 * wrote, each against the range jz_check_gemeente requires of it, and the
 * one rule that joins several values (a cell-year's transitions plus its
 * re-entry add up to at most 1) for the cell-years it wrote into.  These
 * functions give those rules; engine/analysis/unc_writer.c applies them.
 *
 * A rule here may be stricter than the check (it ignores the conditions
 * under which a value is read, e.g. a budget amount without
 * has_budget_amount): a value that breaks it only sends its gemeente to the
 * full check, which gives the run's message.  It must never be laxer.
 */
#ifndef JZ_MODEL_VALUE_RULES_H
#define JZ_MODEL_VALUE_RULES_H

#include <stddef.h>

#include "jzsim/scenario.h"

/* Which part of "transitions plus reentry <= 1" an array is. */
enum { JZ_SUM_NONE = 0, JZ_SUM_TRANSITION = 1, JZ_SUM_REENTRY = 2 };

/* One input array of a scenario and what jz_check_gemeente requires of
 * each of its values. */
typedef struct jz_value_span {
    const double *p; /* first value */
    size_t n;        /* values */
    int g;           /* the gemeente whose checks read them; -1: scenario-wide */
    int cell;        /* g * Z + z for a cell's array, else -1 */
    int sum;         /* JZ_SUM_*: transition values are [y * Z + w], re-entry [y] */
    int checked;     /* 1: jz_check_gemeente(g) reads these values and requires lo <= x <= hi */
    double lo, hi;   /* the range (NaN is never within it) */
} jz_value_span;

/* Every input array of s (every series of every cell, the gemeenten's
 * series, fixed cost lines and external shifts, each cell's start, the
 * scenario-wide series), sorted by address; *n = how many.  NULL when out
 * of memory.  Free with free(). */
jz_value_span *jz_value_spans(const jz_scenario *s, size_t *n);

/* The span that holds p, or NULL (spans as jz_value_spans gives them). */
const jz_value_span *jz_value_span_at(const jz_value_span *spans, size_t n, const double *p);

/* 1 when cell's transitions plus re-entry in year y add up to at most 1
 * (within the check's rounding slack), summed as jz_check_gemeente sums
 * them; 0 otherwise (also for NaN: not > 1 but not a number either is
 * left to the value rules). */
int jz_fractions_ok(const jz_scenario *s, int cell, int y);

#endif
