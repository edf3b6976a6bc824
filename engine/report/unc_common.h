/*
 * unc_common.h - formatting shared by the Monte Carlo and sensitivity
 * reporters (internal): an input's value in its own unit, a distribution in
 * words, and the gemeente of a result slot.
 */
#ifndef JZ_REPORT_UNC_COMMON_H
#define JZ_REPORT_UNC_COMMON_H

#include <stdio.h>

#include "jzsim/report.h"
#include "jzsim/uncertainty.h"

/* v in the unit of the input ("fraction/yr" as a percentage, "euros" as
 * money, months with one decimal, ...), in the reader's convention. */
char *jz_unc_fmt_value(char *buf, size_t size, const char *unit, double v, jz_lang lang);
/* "normal: mean 10, sd 1.5, 6 to 14" (nl: "normaal: gemiddelde 10, sd 1,5, 6 tot 14"). */
char *jz_unc_fmt_dist(char *buf, size_t size, const jz_uncertain *u, jz_lang lang);

/* The reader's name of the uncertain input at path: its label in lang
 * (jz_input_label: "Zorgduur ambulante jeugdhulp (maanden)"), the path
 * only when the scenario traced no such input.  Every report that names an
 * uncertain input to a reader uses it; CSV and JSON keep the path as the
 * input's identifier. */
const char *jz_unc_input_label(const jz_scenario *s, const char *path, jz_lang lang, char *buf, size_t size);

struct jz_breakeven;
/* The break-even as one sentence ("Zorgduur ...: the deficit in 2028 is
 * € 0 at 10,8 mnd" or "no value between ... brings ..."), the input named
 * by its label in scenario s; returns buf. */
char *jz_unc_breakeven_text(char *buf, size_t size, const jz_scenario *s, const struct jz_breakeven *be,
                            jz_lang lang);

/* Gemeente code and name of result slot g (g = n_gemeenten: the total). */
const char *jz_unc_unit_code(const jz_scenario *s, int g);
const char *jz_unc_unit_name(const jz_scenario *s, int g, jz_lang lang);

#endif
