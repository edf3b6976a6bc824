#!/bin/bash
# jzsim measures: exit codes, formats, exact vs sampled, -o; jzsim run shows the measures block.
. "$(dirname "$0")/lib.inc"
TEN="$SRC/tests/data/measures/ten.yaml"
BASE="$SRC/tests/data/measures/base.yaml"

expect_exit 0 "$JZ" measures --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" help measures
expect_grep "$TMP/out" "Shapley"
expect_exit 2 "$JZ" measures
expect_exit 2 "$JZ" measures --format xml "$TEN"
expect_grep "$TMP/err" "table, csv or json"
expect_exit 2 "$JZ" measures --exact-max 99 "$TEN"
expect_exit 2 "$JZ" measures --gemeente GM9999 "$TEN"
# a scenario without measures is an input error, said on stderr
expect_exit 2 "$JZ" measures "$BASE"
expect_grep "$TMP/err" "has no measures"
[ -s "$TMP/out" ] && bad "no-measures wrote to stdout" || ok

# the table: Dutch by default, exact attribution, nothing on stderr, at most 100 columns
expect_exit 0 "$JZ" measures "$TEN"
expect_grep "$TMP/out" "Rangorde naar netto contante waarde (NCW)"
expect_grep "$TMP/out" "Beoordeling over 10 jaar (2023-2032) met 3,0% disconto per jaar"
if grep -q "niet verdisconteerd; een besparing" "$TMP/out"; then bad "the header still says the ranking is undiscounted"; else ok; fi
expect_grep "$TMP/out" "exacte Shapley-waarden over 6 lokale maatregelen"
expect_grep "$TMP/out" "Wisselwerking"
[ -s "$TMP/err" ] && bad "measures wrote to stderr: $(head -1 "$TMP/err")" || ok
w=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$TMP/out")
[ "$w" -le 100 ] && ok || bad "table is $w columns wide"
# a Hervormingsagenda row shows its number in the agenda (B2 ...), but a key
# that is a word is not put before the name it starts ("overig Overig ...")
expect_exit 0 "$JZ" measures "$SRC/scenarios/enschede/verbeterkansen.yaml"
expect_grep "$TMP/out" " B2 Afbakening reikwijdte "
expect_grep "$TMP/out" " Overig (bijstellingen R"
grep -qi "overig Overig\|afronding Afronding" "$TMP/out" && bad "a word key repeated before its name" || ok
expect_exit 0 "$JZ" measures --lang en "$TEN"
expect_grep "$TMP/out" "Ranking by net present value (NPV)"
# sampling says so
expect_exit 0 "$JZ" measures --exact-max 3 --samples 20 --seed 7 "$TEN"
expect_grep "$TMP/out" "GESCHAT met 20 willekeurige volgordes (startgetal 7)"

# CSV: fixed columns; nl locale; totals rows have an empty year
expect_exit 0 "$JZ" measures --format csv "$TEN"
expect_grep "$TMP/out" "^scenario,gemeente_code,measure,name,type,effect,year,metric,value$"
expect_grep "$TMP/out" ",B2,Afbakening reikwijdte,hervormingsagenda,,,net_saving,9678000$"
expect_grep "$TMP/out" ",TOTAL,,,,,exact,1$"
expect_exit 0 "$JZ" measures --format csv --locale nl "$TEN"
expect_grep "$TMP/out" "^scenario;gemeente_code;measure;name;type;effect;year;metric;value$"
expect_grep "$TMP/out" ";saving_per_euro;[0-9]*,[0-9]"

# JSON: contributions add up to the package; HA rows add up to their table amounts
expect_exit 0 "$JZ" measures --format json "$TEN"
python3 - "$TMP/out" <<'PY' && ok || bad "json does not parse or does not add up"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-measures" and d["attribution"]["method"] == "exact"
H = len(d["years"])
for y in range(H):
    s = sum(m["net_saving"][y] for m in d["measures"])
    p = d["package"]["net_saving"][y]
    assert abs(s - p) <= 1e-6 * max(1.0, abs(p)), (y, s, p)
    assert abs(d["package"]["cost_without"][y] - d["package"]["cost_with"][y] - p) <= 1e-6 * d["package"]["cost_without"][y]
ranks = [m["rank"] for m in d["measures"]]
assert ranks == list(range(1, len(ranks) + 1))
# ranked by net present value over the judging horizon (measures_horizon), not by the budget-horizon total
assert all(m["rank"] >= 1 for m in d["measures"])
b15 = [m for m in d["measures"] if m["key"] == "B15"][0]
assert b15["totals"]["net_saving"] == 0 and b15["payback_year"] is None and b15["totals"]["table_amount"] > 0
PY

# -o writes atomically
expect_exit 0 "$JZ" measures --format csv -o "$TMP/m.csv" "$TEN"
[ -s "$TMP/m.csv" ] && ok || bad "-o wrote nothing"
[ -s "$TMP/out" ] && bad "-o also wrote to stdout" || ok
ls "$TMP" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

# jzsim run shows the measures block only when there are measures
expect_exit 0 "$JZ" run "$TEN"
expect_grep "$TMP/out" "HA-besparing"
expect_exit 0 "$JZ" run "$BASE"
grep -q "HA-besparing" "$TMP/out" && bad "measures block without measures" || ok
# a regional measure: --gemeente all shows each gemeente, and they add up to the region
REG="$SRC/scenarios/twente/regionale-maatregel.yaml"
expect_exit 0 "$JZ" measures --gemeente all "$REG"
expect_grep "$TMP/out" "Per gemeente"
expect_grep "$TMP/out" "Regio"
expect_exit 0 "$JZ" measures --format json --gemeente all "$REG"
python3 - "$TMP/out" <<'PY' && ok || bad "--gemeente all: the gemeenten do not add up to the region"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["by_gemeente"]) == 14
for m in d["measures"]:
    for f in ("net_saving", "saving", "investment"):
        s = sum(x[f] for g in d["by_gemeente"] for x in g["measures"] if x["key"] == m["key"])
        assert abs(s - m["totals"][f]) <= 1e-6 * max(1.0, abs(s)), (m["key"], f, s, m["totals"][f])
# the regional investment (2.4M a year from 2025) is split over the gemeenten
assert abs(sum(x["investment"] for g in d["by_gemeente"] for x in g["measures"]) - 3 * 2.4e6) < 1e-3
PY
# bad weights: a located error, exit 2
printf 'extends: %s\nmeasures:\n  - {key: poh-jeugd-regio, weights: {Almelo: 100%%, Hengeloo: 50%%}}\n' "$REG" >"$TMP/bad.yaml"
expect_exit 2 "$JZ" measures "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:3:.*did you mean 'Hengelo'"
# an investment written year by year that ends before the last year is held
# (the series rule): a warning at its last year says so and how to stop it; a
# later year written out (0 or the amount) says what is meant and is silent,
# and so is a map that skips years (ten.yaml: {2024: 200k, 2026: 100k}) or a
# plain amount: they rely on the rule
inv() {
  printf 'extends: %s\nmeta: {name: POH, description: Met POH-jeugd}\nmeasures:\n  - {key: poh, name: POH-jeugd, type: local, effect: diversion, zorgsoorten: [ambulant], share: 5%%, start: 2024, investment: {2024: 350k, 2025: %s}}\n' "$BASE" "$1" >"$TMP/inv.yaml"
}
inv 350k
expect_exit 0 "$JZ" validate "$TMP/inv.yaml"
expect_grep "$TMP/err" "inv.yaml:4:.*measures\[poh\].investment: the amount of 2025 (350000 euros) is held in 2026-2028 too"
expect_grep "$TMP/err" "write 2026: 0 if the investment stops after 2025, or 2028: 350000"
expect_exit 2 "$JZ" validate --strict "$TMP/inv.yaml"
inv '350k, 2026: 0'
expect_exit 0 "$JZ" validate --strict "$TMP/inv.yaml"
inv '350k, 2028: 350k'
expect_exit 0 "$JZ" validate --strict "$TMP/inv.yaml"
printf 'extends: %s\nmeta: {name: POH, description: Met POH-jeugd}\nmeasures:\n  - {key: poh, name: POH-jeugd, type: local, effect: diversion, zorgsoorten: [ambulant], share: 5%%, start: 2024, investment: 350k}\n' "$BASE" >"$TMP/inv.yaml"
expect_exit 0 "$JZ" validate --strict "$TMP/inv.yaml"
finish
