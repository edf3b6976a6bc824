/*
 * version.h - what `jzsim --version` prints (internal).
 */
#ifndef JZ_CLI_VERSION_H
#define JZ_CLI_VERSION_H

#include <stdio.h>

/* "jzsim X.Y.Z" and the versions of GSL, libyaml and libxlsxwriter it was
 * built with (and libyaml's at run time when that differs). */
void cli_print_version(FILE *out);

#endif
