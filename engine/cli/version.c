/*
 * version.c - `jzsim --version`: the version and the libraries it was built with.
 *
 * GSL and libxlsxwriter name their version in their headers; libyaml does
 * not, so CMake passes the version pkg-config found (JZ_BUILT_YAML_VERSION),
 * and the library linked at run time is asked as well.
 */
#include <string.h>

#include <gsl/gsl_version.h>
#include <yaml.h>
#ifdef JZ_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "cli/version.h"
#include "jzsim/jzsim.h"

#ifndef JZ_BUILT_YAML_VERSION
#define JZ_BUILT_YAML_VERSION "unknown"
#endif

void cli_print_version(FILE *out)
{
    fprintf(out, "jzsim %s\n", JZSIM_VERSION);
    fprintf(out, "built with GSL %s, libyaml %s, ", GSL_VERSION, JZ_BUILT_YAML_VERSION);
#ifdef JZ_HAVE_XLSXWRITER
    fprintf(out, "libxlsxwriter %s\n", LXW_VERSION);
#else
    fprintf(out, "no libxlsxwriter (xlsx output unavailable)\n");
#endif
    const char *yaml_now = yaml_get_version_string();
    if (strcmp(yaml_now, JZ_BUILT_YAML_VERSION) != 0)
        fprintf(out, "running with libyaml %s\n", yaml_now);
}
