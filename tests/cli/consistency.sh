#!/bin/bash
# The figures agree with themselves in every format: totals = zorgsoorten +
# lines in no zorgsoort, split parts = tekort, the tekort difference =
# besparing + andere aannames, and JSON = CSV (both locales) = XLSX = table,
# over every shipped scenario and comparison (tests/cli/consistency.py).
# Exits 77 (skipped) without a python3 that has openpyxl.
. "$(dirname "$0")/lib.inc"
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then echo "SKIP: no python3 with openpyxl" >&2; exit 77; fi
if "$PY" "$SRC/tests/cli/consistency.py" "$JZ" "$SRC" "$TMP"; then ok; else bad "consistency"; fi
finish
