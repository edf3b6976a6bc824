#!/bin/bash
# A gemeente's zorg.<zorgsoort> override of a map-valued cell key merges per
# sub-key with the zorgsoort's map (docs/scenario-format.md, "How a
# gemeente's values are found"), also in a variant (`extends:`) and when the
# variant sets the zorgsoort's map through a list-item merge.  A required
# sub-key that neither gives is a located error, exit 2.
. "$(dirname "$0")/lib.inc"
TW="$(cd "$SRC/scenarios/twente" && pwd)/regio.yaml"

# reentry and ageing of Almelo's ambulant care: one sub-key each; the rest
# from the zorgsoort (Enschede's basis.yaml through the regio)
cat >"$TMP/v.yaml" <<Y
extends: $TW
meta: {description: Almelo met een kortere terugkeer}
gemeenten:
  - code: GM0141
    zorg:
      ambulant: {reentry: {delay_months: 6}, ageing: {fraction: 50%}}
Y
expect_exit 0 "$JZ" validate "$TMP/v.yaml"
expect_exit 0 "$JZ" run --format csv --gemeente GM0141 "$TMP/v.yaml"
cp "$TMP/out" "$TMP/v.csv"
expect_exit 0 "$JZ" run --format csv --gemeente GM0141 "$TW"
if cmp -s "$TMP/out" "$TMP/v.csv"; then bad "the override did not change Almelo's figures"; else ok; fi

# a zorgsoort without reentry: the variant gives it one by a list-item
# merge, the gemeente only its delay
cat >"$TMP/w.yaml" <<Y
extends: $TW
meta: {description: pleegzorg met terugkeer}
zorgsoorten:
  - {key: pleegzorg, reentry: {fraction: 4%}}
gemeenten:
  - code: GM0141
    zorg:
      pleegzorg: {reentry: {delay_months: 6}}
Y
expect_exit 0 "$JZ" validate "$TMP/w.yaml"

# neither gives the fraction: missing, at the gemeente's map (line 5, column 28)
cat >"$TMP/x.yaml" <<Y
extends: $TW
gemeenten:
  - code: GM0141
    zorg:
      pleegzorg: {reentry: {delay_months: 6}}
Y
expect_exit 2 "$JZ" validate "$TMP/x.yaml"
expect_grep "$TMP/err" "x.yaml:5:28: gemeenten\[GM0141\].zorg.pleegzorg.reentry: missing required key 'fraction'"
finish
