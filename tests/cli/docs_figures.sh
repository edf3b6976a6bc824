#!/bin/bash
# The headline figures quoted in docs/scenarios.md come from the tool: each is
# recomputed from jzsim's JSON output (run on the Enschede base and the Twente
# region, compare on the five variants of tools/default-run.sh, sensitivity on
# the reference for the tornado) and must appear
# in the doc as printed there (Dutch or English notation, rounded as shown).
# Fails when the model or the doc drifts; update the doc from the tool's output.
. "$(dirname "$0")/lib.inc"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
cd "$SRC" || exit 1
expect_exit 0 "$JZ" run --format json scenarios/enschede/basis.yaml
cp "$TMP/out" "$TMP/basis.json"
expect_exit 0 "$JZ" run --format json scenarios/twente/regio.yaml
cp "$TMP/out" "$TMP/twente.json"
expect_exit 0 "$JZ" compare --format json scenarios/enschede/geen-maatregelen.yaml \
  scenarios/enschede/hervormingsagenda.yaml scenarios/enschede/hervormingsagenda-zeker.yaml \
  scenarios/enschede/verbeterkansen.yaml scenarios/enschede/uitstroom-stagneert.yaml
cp "$TMP/out" "$TMP/compare.json"
expect_exit 0 "$JZ" sensitivity --format json scenarios/enschede/geen-maatregelen.yaml
cp "$TMP/out" "$TMP/sensitivity.json"
if python3 "$SRC/tests/cli/docs_figures.py" docs/scenarios.md "$TMP/basis.json" \
     "$TMP/twente.json" "$TMP/compare.json" "$TMP/sensitivity.json"; then ok; else bad "docs/scenarios.md quotes figures the tool does not give"; fi
finish
