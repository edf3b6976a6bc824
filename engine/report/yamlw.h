/*
 * yamlw.h - what the reporters that write YAML (records_yaml.c, the
 * scenario estimated from the records; calibrate_yaml.c, the calibrated
 * scenario) share (internal).
 */
#ifndef JZ_REPORT_YAMLW_H
#define JZ_REPORT_YAMLW_H

#include <stdio.h>

/* s as a double-quoted YAML scalar: '"' and '\\' escaped, a newline as \n. */
void jz_yamlw_string(FILE *out, const char *s);
/* The head of a scenario that extends another: "extends: <path>", then
 * "meta:" and its "  name: <name>" (no newline after the name). */
void jz_yamlw_extends(FILE *out, const char *extends_path, const char *name);

#endif
