/*
 * compare_one.h - `jzsim run --format xlsx|html`: one scenario through the
 * comparison reporters (a comparison of one), so that a single projection
 * gets the same workbook and briefing as a comparison (internal).
 */
#ifndef JZ_CLI_COMPARE_ONE_H
#define JZ_CLI_COMPARE_ONE_H

#include "jzsim/jzsim.h"

/* Write the workbook (xlsx != 0) or the briefing of s and its result r to
 * output (a file; written atomically).  gemeente: -1 the default, else the
 * gemeente index; all: every gemeente.  Returns the exit code, after
 * printing any error. */
int cli_write_one(const jz_scenario *s, const jz_result *r, int xlsx, jz_lang lang, int gemeente,
                  int all, const char *output);

#endif
