/*
 * datadir.h - where the command looks for a scenario file (internal).
 */
#ifndef JZ_CLI_DATADIR_H
#define JZ_CLI_DATADIR_H

#include <stddef.h>

/* The file a scenario argument names, in this order (docs/install.md):
 *   1. the path as given (relative to the current folder; '-' is stdin);
 *   2. for a relative path that does not exist there, in each data folder:
 *      $JZSIM_DATADIR, then <the executable's folder>/../share/jzsim, then
 *      the installation's share/jzsim (JZSIM_DATADIR at build time):
 *      DIR/PATH, then DIR/scenarios/PATH.
 * Returns path itself when it exists or nothing else does (so the loader
 * reports the path as the user wrote it), else buf holding the file found. */
const char *cli_find_scenario(const char *path, char *buf, size_t size);

/* A file this jzsim installs in its data folder (the werksessie engine,
 * share/jzsim/werksessie.js), in this order (docs/install.md):
 * $JZSIM_DATADIR/NAME, <the executable's folder>/../share/jzsim/NAME (an
 * installed or relocated jzsim), `built` (the file in the build tree, fixed
 * when this jzsim was configured; may be NULL), the installation's
 * share/jzsim/NAME.  Returns buf or built; NULL when none is a file. */
const char *cli_find_data_file(const char *name, const char *built, char *buf, size_t size);

#endif
