#!/bin/bash
# The scenario JSON Schema (docs/scenario.schema.json) against the loader and
# the shipped files: tests/cli/schema_check.py says what is checked.
. "$(dirname "$0")/lib.inc"
python3 -c 'import yaml, jsonschema' 2>/dev/null || { echo "python3-yaml or python3-jsonschema missing: skipped"; exit 77; }
GEN="$(dirname "$JZ")/jzsim_gen_schema"
if python3 "$SRC/tests/cli/schema_check.py" "$JZ" "$SRC" "$GEN"; then ok; else bad "schema_check.py"; fi

finish
