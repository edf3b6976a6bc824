#!/bin/bash
# Bad input through the command line: one message naming file:line:column,
# exit code 2, nothing on stdout, never a crash.
. "$(dirname "$0")/lib.inc"

check() { # NAME EXPECTED-MESSAGE-REGEX  (scenario text on stdin)
  cat > "$TMP/$1.yaml"
  expect_exit 2 "$JZ" run "$TMP/$1.yaml"
  expect_grep "$TMP/err" "$2"
  [ "$(wc -l < "$TMP/err")" -eq 1 ] && ok || bad "$1: more than one line on stderr"
  [ -s "$TMP/out" ] && bad "$1: wrote to stdout" || ok
}

check malformed "malformed.yaml:2:[0-9]*: " <<'Y'
meta: {name: x, base_year: 2024, horizon: 2
zorgsoorten: [
Y
check unknown_key "unknown_key.yaml:1:34: unknown key 'horizn' in meta; did you mean 'horizon'?" <<'Y'
meta: {name: x, base_year: 2024, horizn: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check wrong_type "wrong_type.yaml:2:47: .*zorgduur: expected a number of months" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: [1, 2], cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check negative "negative.yaml:2:47: .*zorgduur must be > 0 months" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: -3, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check nan "nan.yaml:2:47: .*expected a number of months" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: .nan, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check missing "missing.yaml:2:15: .*missing required key 'cost'" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3}]
gemeenten: [{code: GM0001, name: x}]
Y
check fractions "fractions.yaml:3:62: .*add up to 1.2 of ended care" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: a, instroom: 1, zorgduur: 3, cost: 1, transitions: {b: 70%}, reentry: {fraction: 50%}}
  - {key: b, instroom: 1, zorgduur: 3, cost: 1}
gemeenten: [{code: GM0001, name: x}]
Y
# a Dutch amount typed as a controller writes it: the comma splits the { },
# the message says the amount to write; validate and run -o both stop, no file
check comma_flow "comma_flow.yaml:4:35: zorgsoorten\[a\].budget.amount: € 50,1 mln: a decimal comma inside {...} separates entries in YAML; write € 50.1M, with a point" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: a, instroom: 1, zorgduur: 3, cost: 1,
     budget: {amount: {2024: € 50,1 mln}}}
gemeenten: [{code: GM0001, name: x}]
Y
expect_exit 2 "$JZ" validate "$TMP/comma_flow.yaml"
expect_grep "$TMP/err" "comma_flow.yaml:4:35: .*write € 50.1M, with a point"
expect_exit 2 "$JZ" run --format csv -o "$TMP/uit.csv" "$TMP/comma_flow.yaml"
[ -e "$TMP/uit.csv" ] && bad "comma_flow: run -o wrote a file" || ok
check comma_list "comma_list.yaml:3:101: zorgsoorten\[a\].mixture.zorgduur: 10,5: a decimal comma inside \[...\]" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: a, instroom: 1, zorgduur: 3, cost: 1, mixture: {share: 60%, stages: [2, 1], zorgduur: [10,5, 18]}}
gemeenten: [{code: GM0001, name: x}]
Y
# one comma and three digits: EUR 2500 or 2.5? both readings, never 'write 2.500' (read as 2.5)
check comma_thousands "comma_thousands.yaml:3:57: zorgsoorten\[a\].cost: 2,500: a comma inside {...} separates entries in YAML; write 2500 (or 2.5k) if the comma separates thousands, 2.5 if it is a decimal comma; jzsim reads neither" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: a, instroom: 1, zorgduur: 3, cost: {tariff: 2,500, units_per_year: 90}}
gemeenten: [{code: GM0001, name: x}]
Y
# the same in a variant: the merged series keeps the base's years first, so
# the fragment '1%' does not follow the 4 it was split from; still the comma
# (not "4 means 400% a year; write 4%", which would drop the ,1)
cat > "$TMP/comma_base.yaml" <<'Y'
meta: {name: x, base_year: 2024, horizon: 3}
indexation: {tariff: {2025: 3%, 2026: 3%}}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check comma_variant "comma_variant.yaml:2:31: indexation.tariff: 4,1%: a decimal comma inside {...} separates entries in YAML; write 4.1%, with a point" <<'Y'
extends: comma_base.yaml
indexation: {tariff: {2025: 4,1%, 2026: 3%}}
Y
# an item is named by its key or code, by its place only without one
check item_key "item_key.yaml:3:3: zorgsoorten item 2: missing required key 'key'" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 1},
  {name: b, instroom: 1, zorgduur: 3, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
check item_named "item_named.yaml:3:48: unknown key 'zorgdur' in gemeenten\[GM0001\].zorg.a; did you mean 'zorgduur'?" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 1}]
gemeenten: [{code: GM0001, name: x, zorg: {a: {zorgdur: 4}}}]
Y
# Dutch thousands dots in a YAML figure: more than one group is no decimal
# point, so say how to write it (walk3: "expected an amount in euros ...,
# got '€ 1.250.000'", not why)
check dots "dots.yaml:2:56: zorgsoorten\[a\].cost: '€ 1.250.000' has Dutch thousands dots, which a YAML figure does not take; write 1250000 (or with k or M: 1250k, 1.25M)" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: € 1.250.000}]
gemeenten: [{code: GM0001, name: x}]
Y
check dots_count "dots_count.yaml:2:31: zorgsoorten\[a\].start: '1.611.111' has Dutch thousands dots" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, start: 1.611.111, instroom: 1, zorgduur: 3, cost: 1}]
gemeenten: [{code: GM0001, name: x}]
Y
# the Dutch word of the template in a scenario: its English key (walk3)
check nl_key "nl_key.yaml:2:59: unknown key 'begroting' in zorgsoorten\[a\]; did you mean 'budget'?" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten: [{key: a, instroom: 1, zorgduur: 3, cost: 1, begroting: 5}]
gemeenten: [{code: GM0001, name: x}]
Y
printf 'extends: cyc2.yaml\n' > "$TMP/cyc1.yaml"
printf 'extends: cyc1.yaml\n' > "$TMP/cyc2.yaml"
expect_exit 2 "$JZ" run "$TMP/cyc1.yaml"
expect_grep "$TMP/err" "cyc2.yaml:1:10: .*cycle"
printf 'extends: nowhere.yaml\n' > "$TMP/ext.yaml"
expect_exit 2 "$JZ" run "$TMP/ext.yaml"
expect_grep "$TMP/err" "ext.yaml:1:10: .*nowhere.yaml"

# alias bomb
{
  echo 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
  for i in 1 2 3 4 5 6 7 8 9; do p=$((i - 1)); echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"; done
} > "$TMP/bomb.yaml"
expect_exit 2 timeout 20 "$JZ" run "$TMP/bomb.yaml"
expect_grep "$TMP/err" "bomb.yaml:[0-9]*:[0-9]*: .*nodes"

# a file over the size limit (16 MiB)
head -c 17000000 /dev/zero | tr '\0' '#' > "$TMP/huge.yaml"
expect_exit 2 "$JZ" run "$TMP/huge.yaml"
expect_grep "$TMP/err" "huge.yaml: .*limit"

# binary garbage never crashes
# a measure's key of the longest length (63) is named whole, with its ']'
K="B$(printf 'x%.0s' $(seq 62))"
cp "$SRC/tests/data/measures/base.yaml" "$TMP/base.yaml"
sed -e "s/{key: B2, name: Afbakening reikwijdte, type: hervormingsagenda,/{key: $K, name: Afbakening reikwijdte, type: hervormingsagenda, typo: 1,/" \
  "$SRC/tests/data/measures/ten.yaml" > "$TMP/longkey.yaml"
expect_exit 2 "$JZ" validate "$TMP/longkey.yaml"
expect_grep "$TMP/err" "unknown key 'typo' in measures\[$K\] (a hervormingsagenda measure)"

# a variant whose zorgsoort or measure key is a slip of its base's: a new
# item, missing what a new one needs; the message says which was meant
# (walk3: only "missing instroom" and "missing required key 'type'")
E="$SRC/scenarios/enschede"
printf 'extends: %s/basis.yaml\nzorgsoorten:\n  - key: ambulannt\n    zorgduur: 13\n' "$E" > "$TMP/zslip.yaml"
expect_exit 2 "$JZ" validate "$TMP/zslip.yaml"
expect_grep "$TMP/err" "zslip.yaml:3:5: zorgsoorten\[ambulannt\] in gemeenten\[GM0153\]: missing instroom .*; did you mean zorgsoort 'ambulant'? ('ambulannt' is not in the list of the scenario it extends, so it is a new zorgsoort: a new one needs instroom, zorgduur and cost)"
printf 'extends: %s/hervormingsagenda.yaml\nmeasures:\n  - key: B166\n    realisation: 50%%\n' "$E" > "$TMP/mslip.yaml"
expect_exit 2 "$JZ" validate "$TMP/mslip.yaml"
expect_grep "$TMP/err" "mslip.yaml:3:5: measures\[B166\]: missing required key 'type' (hervormingsagenda or local); did you mean measure 'B16'?"
# two items of one file: no hint (both are meant; the message says what one lacks)
printf 'meta: {name: x, base_year: 2024, horizon: 2}\ngemeenten: [{code: GM0001, name: A, population: {youth: 1000}}]\nzorgsoorten:\n  - {key: ambulant, start: 10, instroom: 5, zorgduur: 12, cost: 10k}\n  - {key: ambulantt, start: 10, zorgduur: 12, cost: 10k}\n' > "$TMP/two.yaml"
expect_exit 2 "$JZ" validate "$TMP/two.yaml"
expect_grep "$TMP/err" "missing instroom"
grep -q "did you mean" "$TMP/err" && bad "a hint for two items of one file" || ok
head -c 4096 /dev/urandom > "$TMP/garbage.yaml"
"$JZ" run "$TMP/garbage.yaml" >/dev/null 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok || bad "garbage input gave exit $rc"
finish
