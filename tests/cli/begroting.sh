#!/bin/bash
# A nominal meerjarenbegroting (budget: {nominal}, docs/scenario-format.md):
# the budget per year is the series as written, not indexed, so tekort =
# cost - begroting per year in the CSV; the parts add up to the tekort; bad
# input is a located error with exit 2.
. "$(dirname "$0")/lib.inc"

cat > "$TMP/nom.yaml" <<'Y'
meta: {name: nominaal, base_year: 2024, horizon: 4}
indexation: {tariff: 4%, budget: 10%}
zorgsoorten:
  - key: a
    start: 1000
    instroom: 1200
    zorgduur: 10
    cost: 15k
    budget: {nominal: {2024: 15.0M, 2025: 15.3M, 2026: 15.6M, 2027: 15.9M}}
gemeenten: [{code: GM0001, name: x}]
Y
expect_exit 0 "$JZ" run --format csv "$TMP/nom.yaml"
cp "$TMP/out" "$TMP/nom.csv"
python3 - "$TMP/nom.csv" <<'PY' && ok || bad "nominal begroting: tekort is not cost - begroting, or parts do not add up"
import csv, sys
want = {2024: 15.0e6, 2025: 15.3e6, 2026: 15.6e6, 2027: 15.9e6}
v = {}
for sc, code, gm, z, y, m, val in csv.reader(open(sys.argv[1])):
    if z == "a":
        v[(int(y), m)] = float(val)
for y, n in want.items():
    cost, budget, tekort = v[(y, "cost")], v[(y, "budget")], v[(y, "tekort")]
    assert abs(budget - n) < 1, (y, budget)
    assert abs(tekort - (cost - budget)) < 1, (y, tekort)
    parts = sum(v[(y, k)] for k in ("dec_tariff", "dec_volume", "dec_intensity", "dec_start", "dec_external"))
    assert abs(parts - tekort) < 1, (y, parts, tekort)
    # tariffs +4%/yr against the +2%/yr the begroting implies: all tariff gap
    assert abs(v[(y, "dec_tariff")] - tekort) < 1, (y, v[(y, "dec_tariff")])
assert abs(v[(2025, "tekort")] - 0.3e6) < 1
PY

bad_nominal() { # NAME REGEX (budget line on stdin)
  { echo 'meta: {name: x, base_year: 2024, horizon: 3}'
    echo 'zorgsoorten:'
    echo '  - key: a'
    echo '    instroom: 1'
    echo '    zorgduur: 3'
    echo '    cost: 1'
    cat
    echo 'gemeenten: [{code: GM0001, name: x}]'; } > "$TMP/$1.yaml"
  expect_exit 2 "$JZ" run "$TMP/$1.yaml"
  expect_grep "$TMP/err" "$2"
}
bad_nominal zero "zero.yaml:7:[0-9]*: .*budget.nominal must be above 0 in every year (2025" <<'Y'
    budget: {nominal: {2024: 1M, 2025: 0}}
Y
bad_nominal both "both.yaml:7:[0-9]*: .*budget is one of {nominal}, {amount} or {volume, price}" <<'Y'
    budget: {nominal: 1M, amount: 1M}
Y
bad_nominal typo "typo.yaml:7:[0-9]*: .*did you mean 'nominal'" <<'Y'
    budget: {nominaal: 1M}
Y
# meta.begrotingsjaar: the reports label the P&C cycle; a year outside the
# scenario is a located error with exit 2
cat > "$TMP/cycle.yaml" <<'Y'
meta: {name: cyclus, base_year: 2024, horizon: 7, begrotingsjaar: 2027}
zorgsoorten: [{key: a, start: 100, instroom: 120, zorgduur: 10, cost: 15k, budget: {nominal: 1.5M}}]
gemeenten: [{code: GM0001, name: x}]
Y
expect_exit 0 "$JZ" run "$TMP/cycle.yaml"
expect_grep "$TMP/out" "P&C-cyclus van de begroting 2027: jaarrekening 2025, lopend jaar 2026, begroting 2027,"
expect_grep "$TMP/out" "^meerjarenraming 2028, meerjarenraming 2029, meerjarenraming 2030"
expect_exit 0 "$JZ" run --format json "$TMP/cycle.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "json: cycle labels"
import json, sys
d = json.load(open(sys.argv[1]))["scenario"]
assert d["begrotingsjaar"] == 2027
assert d["cycle"] == ["", "jaarrekening", "lopend jaar", "begroting"] + ["meerjarenraming"] * 3, d["cycle"]
PY
expect_exit 0 "$JZ" run --format html -o "$TMP/cycle.html" "$TMP/cycle.yaml"
expect_grep "$TMP/cycle.html" "begroting 2027 (jaarrekening 2025, lopend jaar 2026, meerjarenraming 2028–2030)"
sed 's/begrotingsjaar: 2027/begrotingsjaar: 2031/' "$TMP/cycle.yaml" > "$TMP/late.yaml"
expect_exit 2 "$JZ" run "$TMP/late.yaml"
expect_grep "$TMP/err" "late.yaml:1:67: meta.begrotingsjaar (a projected year after the base year 2024"
sed 's/begrotingsjaar: 2027/begrotingsjaar: 2024/' "$TMP/cycle.yaml" > "$TMP/early.yaml"
expect_exit 2 "$JZ" validate "$TMP/early.yaml"
# a begroting per taakveld or in total (gemeente level): shared over the
# zorgsoorten by base-year cost (start x cost); the parts add up, tekort per
# taakveld and in total = cost - begroting every year; bad input is located
cat > "$TMP/tv.yaml" <<'Y'
meta: {name: tv, base_year: 2024, horizon: 4}
indexation: {tariff: 4%}
zorgsoorten:
  - {key: a, taakveld: "6.72", start: 1000, instroom: 1200, zorgduur: 10, cost: 15k}
  - {key: b, taakveld: "6.72", start: 400, instroom: 300, zorgduur: 20, cost: 30k}
  - {key: c, taakveld: "6.73", start: 200, instroom: 100, zorgduur: 24, cost: 80k}
gemeenten:
  - code: GM0001
    name: x
    begroting:
      taakveld:
        "6.72": {2024: 29M, 2025: 29.5M, 2026: 30M, 2027: 30.5M}
        "6.73": {2024: 15M, 2025: 15.5M, 2026: 16M, 2027: 16.5M}
Y
sed -e 's/      taakveld:/      totaal: {2024: 44M, 2025: 45M, 2026: 46M, 2027: 47M}/' -e '/^        "6.7[23]"/d' "$TMP/tv.yaml" > "$TMP/tot.yaml"
for f in tv tot; do
  expect_exit 0 "$JZ" run --format csv "$TMP/$f.yaml"
  cp "$TMP/out" "$TMP/$f.csv"
done
python3 - "$TMP/tv.csv" "$TMP/tot.csv" <<'PY' && ok || bad "begroting per taakveld/totaal: parts do not add up or tekort is not cost - begroting"
import csv, sys
tv = {"a": "6.72", "b": "6.72", "c": "6.73"}
begr = {"6.72": [29e6, 29.5e6, 30e6, 30.5e6], "6.73": [15e6, 15.5e6, 16e6, 16.5e6]}
tot = [44e6, 45e6, 46e6, 47e6]
for path, given in ((sys.argv[1], begr), (sys.argv[2], {"*": tot})):
    v = {}
    for sc, code, gm, z, y, m, val in list(csv.reader(open(path)))[1:]:
        v[(z, int(y), m)] = float(val)
    for i, y in enumerate(range(2024, 2028)):
        for key, series in given.items():
            zs = [z for z in tv if key in ("*", tv[z])]
            b = sum(v[(z, y, "budget")] for z in zs)
            c = sum(v[(z, y, "cost")] for z in zs)
            t = sum(v[(z, y, "tekort")] for z in zs)
            assert abs(b - series[i]) < 1e-6 * series[i], (path, key, y, b)
            assert abs(t - (c - series[i])) < 1e-6 * series[i], (path, key, y, t, c)
        for z in tv:
            parts = sum(v[(z, y, k)] for k in ("dec_tariff", "dec_volume", "dec_intensity", "dec_start", "dec_external"))
            assert abs(parts - v[(z, y, "tekort")]) < 1, (path, z, y)
        assert abs(v[("", y, "tekort")] - (v[("", y, "cost")] - v[("", y, "budget")])) < 1
    # shares by base-year cost (start x cost): a 15M, b 12M
    assert abs(v[("a", 2027, "budget")] / v[("b", 2027, "budget")] - 1.25) < 1e-9
PY
bad_gm() { # NAME REGEX (begroting lines on stdin)
  { sed -n '1,9p' "$TMP/tv.yaml"; cat; } > "$TMP/$1.yaml"
  expect_exit 2 "$JZ" run "$TMP/$1.yaml"
  expect_grep "$TMP/err" "$2"
}
bad_gm tvnone 'tvnone.yaml:12:9: gemeenten\[GM0001\].begroting.taakveld\[6.81\]: no zorgsoort has taakveld: "6.81"' <<'Y'
    begroting:
      taakveld:
        "6.81": {2024: 1M}
Y
bad_gm tvyear 'tvyear.yaml:11:27: gemeenten\[GM0001\].begroting.totaal: year 2031 is outside the scenario (2024-2027)' <<'Y'
    begroting:
      totaal: {2024: 44M, 2031: 47M}
Y
bad_gm tvzero "tvzero.yaml:[0-9]*:[0-9]*: .*begroting.totaal must be above 0 in every year (2025" <<'Y'
    begroting:
      totaal: {2024: 44M, 2025: 0}
Y
bad_gm tvtypo "tvtypo.yaml:[0-9]*:[0-9]*: .*did you mean 'totaal'" <<'Y'
    begroting:
      total: 44M
Y
sed 's/key: a, taakveld: "6.72",/key: a, taakveld: "6.72", budget: {nominal: 1M},/' "$TMP/tot.yaml" > "$TMP/twice.yaml"
expect_exit 2 "$JZ" run "$TMP/twice.yaml"
expect_grep "$TMP/err" "twice.yaml:[0-9]*:[0-9]*: .*zorgsoort 'a' has its own budget"
# the inputs sheet says the begroting per taakveld is nominal
expect_exit 0 "$JZ" run --format xlsx -o "$TMP/tv.xlsx" "$TMP/tv.yaml"
python3 - "$TMP/tv.xlsx" <<'PY' && ok || bad "xlsx inputs: no nominal label for the begroting per taakveld"
import sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
assert "Begroting x, taakveld 6.72 (euro per jaar, nominaal)" in s
PY
finish
