/*
 * compare_one.h - `jzsim run --format xlsx|html`: one scenario through the
 * comparison reporters (a comparison of one), so that a single projection
 * gets the same workbook and briefing as a comparison (internal).
 */
#ifndef JZ_CLI_COMPARE_ONE_H
#define JZ_CLI_COMPARE_ONE_H

#include "jzsim/jzsim.h"

/* Write the workbook or the briefing (o->format xlsx or html) of s and its
 * result r to output (a file; written atomically).  o->gemeente: -1 the
 * default, else the gemeente index; o->all_gemeenten: every gemeente;
 * history (may be NULL): observed figures for the briefing; intervals (may
 * be NULL): the backtest's interval table, drawn as a band around the
 * stocks (run --intervals; JZ_EINPUT, exit 2, when it does not match s).
 * Returns the exit code, after printing any error; cmd names the command
 * in messages. */
struct jz_history;
struct jz_intervals;
int cli_write_one(const char *cmd, const jz_scenario *s, const jz_result *r, const jz_report_options *o,
                  const struct jz_history *history, const struct jz_intervals *intervals, const char *output);

#endif
