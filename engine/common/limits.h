/*
 * limits.h - the input size limits, in one place.
 *
 * A scenario file (and each file it extends) is read whole and parsed
 * into a tree: at most JZ_YAML_MAX_BYTES and JZ_YAML_MAX_NODES nodes
 * (jz_load_options can raise both).  A history file (CSV or YAML) is at
 * most JZ_HISTORY_MAX_BYTES (docs/calibration.md); a YAML history is parsed
 * like a scenario, so at most JZ_YAML_MAX_BYTES and JZ_YAML_MAX_NODES.
 */
#ifndef JZ_COMMON_LIMITS_H
#define JZ_COMMON_LIMITS_H

#include <stddef.h>

#define JZ_YAML_MAX_BYTES ((size_t)16 << 20)    /* 16 MiB */
#define JZ_YAML_MAX_NODES ((size_t)2000000)
#define JZ_HISTORY_MAX_BYTES ((size_t)64 << 20) /* 64 MiB */

#endif
