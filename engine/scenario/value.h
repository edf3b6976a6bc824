/*
 * value.h - reading numbers, units and time series from YAML nodes (internal).
 *
 * Every numeric input of a scenario goes through here, so that units,
 * ranges and error messages are the same everywhere:
 *   6.5%  -> 0.065        (fractions may be written as percent or decimal)
 *   12k   -> 12000        (money and counts take k and M suffixes)
 *   € 3M  -> 3000000
 * A time series is a scalar (the same every year), a map by year with
 * optional `interpolation: step|linear`, or `{base: v, growth: g}`.
 */
#ifndef JZ_SCENARIO_VALUE_H
#define JZ_SCENARIO_VALUE_H

#include "jzsim/error.h"
#include "scenario/node.h"

struct jz_scenario;

/* What a number means; decides the accepted syntax, range and the words in
 * error messages. */
typedef enum {
    JZ_U_COUNT,    /* clients or persons: >= 0, k/M allowed */
    JZ_U_MONEY,    /* euros: >= 0, k/M and a leading € allowed */
    JZ_U_MONTHS,   /* months: > 0 */
    JZ_U_FRACTION, /* share 0..1, % allowed */
    JZ_U_RATE,     /* change per year, > -1, % allowed (indexation, trends) */
    JZ_U_PER_1000, /* starts per 1,000 of a population group per year: >= 0 */
    JZ_U_FACTOR    /* units per year or other plain number >= 0 */
} jz_unit;

/* The valid range of unit u: [lo, hi], or (lo, hi] when *lo_open.  The one
 * definition that the value parser and the distributions both use. */
void jz_unit_range(jz_unit u, double *lo, double *hi, int *lo_open);

/* Human unit name used in messages and in the inputs list. */
const char *jz_unit_name(jz_unit u);

/* The length of the amount t[0..len) without a euro sign written after it
 * ("14.600.000 €", as Excel writes a euro amount in some regional settings)
 * and the spaces before that sign; len itself when it has none.  One rule for
 * jz_value_number and the CSV template's reader. */
size_t jz_value_euro_after(const char *t, size_t len);

/* Parse one scalar node as a number of unit u, checking the unit's range.
 * JZ_EINPUT at the node's line:column on failure. */
int jz_value_number(const jz_node *n, jz_unit u, const char *what,
                    double *out, jz_error *err);

/* What the commas inside one figure mean: pieces[0..n) is the text
 * between them as typed ("€ 2" and "500" of "€ 2,500").  Thousands only
 * when every piece after the first is exactly three digits and the first
 * has 1 to 3; with one such comma ("2,500") both readings are plausible
 * and neither is taken.  Two other pieces, a digit before the comma
 * ("10,5", "148,5k", "€ 50,1 mln"), are a decimal comma when the amount
 * with a point is a value of u or the fragment only digits (and %, k or
 * M); whether glued items of a list are one figure at all is the
 * caller's rule (a realisation file: a 1-2 digit or k/M fragment always,
 * thousands only at the wrong length).  advice: what to write instead
 * ("write 2500 (or 2.5k) if the comma separates thousands, 2.5 if it is a
 * decimal comma; jzsim reads neither"), each reading checked as a value of
 * unit u. */
typedef enum {
    JZ_COMMA_NONE,      /* no figure with a comma: pieces meant apart */
    JZ_COMMA_DECIMAL,   /* 10,5 */
    JZ_COMMA_EITHER,    /* 2,500: thousands or a decimal comma */
    JZ_COMMA_THOUSANDS  /* 1,000,000 */
} jz_comma;
jz_comma jz_comma_meaning(const char *const *pieces, size_t n, jz_unit u, char *advice, size_t size);

/* 1 when scalar `at` follows scalar prev right after a comma, without a
 * space, unquoted: one figure YAML split at its comma ("10,5" in [ ] or
 * { }), not two values ("10, 18"). */
int jz_node_glued(const jz_node *prev, const jz_node *at);

/* A comma that YAML read as the comma between two entries of a flow map
 * or list ({2024: € 50,1 mln}, [10,5, 18], {tariff: 2,500}): prev is the
 * scalar of the entry before it, at the fragment right after the comma
 * (list: 1 for [...]).  An error at `at` with what to write (through
 * jz_comma_meaning, for unit u); else JZ_OK. */
int jz_value_split_comma(const jz_node *prev, const jz_node *at, jz_unit u, int list, const char *what,
                         jz_error *err);
/* The same for entry i of a flow map whose key has no value: the fragment
 * of the entry before it ({2024: € 50,1 mln}, {tariff: 2,500}); JZ_OK for
 * an entry with a value or the first. */
int jz_value_split_comma_entry(const jz_node *map, size_t i, jz_unit u, const char *what, jz_error *err);

/* Parse an integer scalar in [lo, hi]. */
int jz_value_int(const jz_node *n, long lo, long hi, const char *what,
                 long *out, jz_error *err);

/* Parse a series node into out[0..H-1] for years base..base+H-1.  warn:
 * the scenario that gets a located warning for every point of a year map
 * that no year base..base+H-1 takes its value from (2035 in a scenario that
 * ends in 2030: a typo, almost always), or NULL (not a scenario's input). */
int jz_value_series(struct jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                    int base_year, int H, double *out, jz_error *err);

/* The same for one-off values per year (tariff corrections): a map by year
 * gives its value in the years it names and 0 in every other year (no
 * holding, no interpolation); a single number still applies to every year. */
int jz_value_series_pulse(struct jz_scenario *warn, const jz_node *n, jz_unit u, const char *what,
                          int base_year, int H, double *out, jz_error *err);

/* A short text rendering of a node for the inputs list ("9", "{2022: 9,
 * 2024: 8}"); writes at most size bytes. */
void jz_value_render(const jz_node *n, char *buf, size_t size);

/* Error at node n (file, line, column from the node). */
int jz_node_error(jz_error *err, const jz_node *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
