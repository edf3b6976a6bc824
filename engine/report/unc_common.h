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

struct jz_breakeven;
/* The break-even as one sentence ("... the deficit in 2028 is € 0 at 10,8
 * mnd" or "no value between ... brings ..."); returns buf. */
char *jz_unc_breakeven_text(char *buf, size_t size, const struct jz_breakeven *be, jz_lang lang);

/* Gemeente code and name of result slot g (g = n_gemeenten: the total). */
const char *jz_unc_unit_code(const jz_scenario *s, int g);
const char *jz_unc_unit_name(const jz_scenario *s, int g, jz_lang lang);

#endif
