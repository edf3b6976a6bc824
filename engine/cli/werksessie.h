/*
 * werksessie.h - `jzsim compare --interactive` (internal; docs/werksessie.md).
 */
#ifndef JZ_CLI_WERKSESSIE_H
#define JZ_CLI_WERKSESSIE_H

#include "jzsim/jzsim.h"
#include "jzsim/sensitivity.h"

/* -1 when this jzsim has the werksessie engine; else print why not and
 * return EXIT_INPUT. */
int cli_werksessie_available(const char *cmd);

/* Write the briefing of x (o->format html) with the werksessie of the n
 * scenarios sc (loaded from paths; tornado of sc[0] or NULL) to output.
 * Returns the exit code, after printing any error. */
int cli_werksessie_write(const char *output, const jz_report_subject *x, jz_report_options *o,
                         jz_scenario *const *sc, const char *const *paths, int n, const jz_sensitivity *tornado);

#endif
