#!/bin/bash
# Plausibility through the command line (issue 11 §1): the Hengelo-style
# typing mistakes give exit 2 with file:line:column in every command that
# loads a scenario; validate --strict fails on a warning; --allow-implausible
# accepts a rate above its ceiling.
. "$(dirname "$0")/lib.inc"

base="$SRC/scenarios/example.yaml"
mistake() { # NAME SED-EXPRESSION EXPECTED-MESSAGE
  sed "$2" "$base" > "$TMP/$1.yaml"
  cmp -s "$base" "$TMP/$1.yaml" && bad "$1: the edit did not apply"
  for cmd in validate run; do
    expect_exit 2 "$JZ" $cmd "$TMP/$1.yaml"
    expect_grep "$TMP/err" "$3"
  done
}
mistake cost151 's/^    cost: 18k$/    cost: 151.500/' \
  "cost151.yaml:47:11: zorgsoorten\[daghulp\].cost: '151.500' is ambiguous: 151500 with a Dutch thousands dot, or 151.5 with a decimal point; write 151500 or 151.5"
mistake euro 's/^    cost: 24k$/    cost: € 13.700/' \
  "euro.yaml:56:11: zorgsoorten\[pleegzorg\].cost: '€ 13.700' is ambiguous: 13700 with a Dutch thousands dot, or 13.7 with a decimal point; write 13700 or 13.7"
mistake tariff 's/^  tariff: {2024: 4.5%, 2025: 5.0%, 2026: 3.0%}/  tariff: {2026: 3.5}/' \
  "tariff.yaml:15:18: indexation.tariff 3.5 means 350% a year; write 3.5% or 0.035"

# a ceiling: an error, unless allowed
sed 's/^  tariff: {2024: 4.5%, 2025: 5.0%, 2026: 3.0%}/  tariff: {2026: 35%}/' "$base" > "$TMP/ceiling.yaml"
expect_exit 2 "$JZ" validate "$TMP/ceiling.yaml"
expect_grep "$TMP/err" "ceiling.yaml:15:18: indexation.tariff 35% is above the plausible ceiling of 25% a year for indexation"
expect_exit 0 "$JZ" validate --allow-implausible "$TMP/ceiling.yaml"
expect_grep "$TMP/out" "^ok "

# a warning: listed by validate, exit 0, or 2 with --strict
sed 's/^    zorgduur: 40$/    zorgduur: 400/' "$base" > "$TMP/warn.yaml"
expect_exit 0 "$JZ" validate "$TMP/warn.yaml"
expect_grep "$TMP/out" "^  warning: .*warn.yaml:55:15: zorgsoorten\[pleegzorg\].zorgduur 400 in 2024 is outside the plausible range 0.25 to 120 months"
expect_grep "$TMP/err" "jzsim: warning: .*warn.yaml:55:15: "
expect_exit 2 "$JZ" validate --strict "$TMP/warn.yaml"
expect_grep "$TMP/err" "warn.yaml: 1 warning(s) and --strict"
expect_exit 0 "$JZ" run --format json "$TMP/warn.yaml"
expect_grep "$TMP/out" "zorgduur 400 in 2024 is outside the plausible range"

# a typo'd year (2035 for 2025) in a year map: a located warning that says
# what the years take instead, exit 2 under --strict; the figures are the
# series rule's (2025-2028 hold 2024's 48M)
sed 's/^    rijksbijdrage: {2024: 48M, 2025: 49.5M, .*}$/    rijksbijdrage: {2024: 48M, 2035: 49.5M}/' "$base" > "$TMP/year.yaml"
cmp -s "$base" "$TMP/year.yaml" && bad "year: the edit did not apply"
expect_exit 0 "$JZ" validate "$TMP/year.yaml"
expect_grep "$TMP/out" "^  warning: .*year.yaml:130:32: gemeenten\[GM9999\].rijksbijdrage: 2035 lies after the scenario's last year 2028; the years 2025-2028 take the value of 2024 instead. Did you mean a year within 2024-2028?"
expect_exit 2 "$JZ" validate --strict "$TMP/year.yaml"
expect_grep "$TMP/err" "year.yaml: 1 warning(s) and --strict"

# the warnings name a gemeente or zorgsoort as the loader's messages do:
# gemeenten[GM0001] / zorgsoorten[dag] and the name (they said "gemeente
# GM0001:" and "zorgsoort 'dag'")
cat > "$TMP/names.yaml" <<'Y'
meta: {name: nb, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: amb, name: Ambulant, instroom: 5, zorgduur: 3, cost: 1000, budget: {volume: 1, price: 1000}}
  - {key: dag, name: Daghulp, start: 5000, instroom: 5, zorgduur: 3, cost: 1000}
gemeenten: [{code: GM0001, name: Ergens, population: {youth: 10000}}]
Y
expect_exit 0 "$JZ" validate "$TMP/names.yaml"
expect_grep "$TMP/out" "^  warning: .*names.yaml: zorgsoorten\[dag\] (Daghulp) has no budget in 1 of 1 gemeenten"
expect_grep "$TMP/out" "^  warning: .*names.yaml:[0-9]*: gemeenten\[GM0001\] (Ergens): 5000 clients in care on 1 January 2024"

# every shipped scenario is valid with no warnings at all, even under --strict
for f in "$SRC"/scenarios/*.yaml "$SRC"/scenarios/*/*.yaml; do
  expect_exit 0 "$JZ" validate --strict "$f"
done
finish
