#!/bin/bash
# jzsim mc / sensitivity: reproducible bands (1 and 2 threads give the same
# bytes), kept draws, tornado and break-even, and file:line:column errors for
# bad distribution syntax.
. "$(dirname "$0")/lib.inc"
EX="$SRC/scenarios/example-onzeker.yaml"

expect_exit 0 "$JZ" mc --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" sensitivity --help
expect_grep "$TMP/out" "break-even"
expect_exit 2 "$JZ" mc
expect_exit 2 "$JZ" mc --draws 0 "$EX"
expect_grep "$TMP/err" "draws must be a whole number"
expect_exit 2 "$JZ" mc --seed -3 "$EX"
expect_exit 2 "$JZ" mc --threshold 1,5M "$EX"
expect_exit 2 "$JZ" mc --format xml "$EX"

# the same seed: the same bytes with 1 and with 2 threads (JSON, CSV, kept draws)
for t in 1 2; do
  expect_exit 0 "$JZ" mc --draws 1500 --seed 42 --threads $t --format json "$EX"
  cp "$TMP/out" "$TMP/mc$t.json"
  [ -s "$TMP/err" ] && bad "mc wrote to stderr when piped: $(head -c 200 "$TMP/err")" || ok
  expect_exit 0 "$JZ" mc --draws 1500 --seed 42 --threads $t --format csv --keep-draws "$TMP/draws$t.csv" "$EX"
  cp "$TMP/out" "$TMP/mc$t.csv"
done
cmp -s "$TMP/mc1.json" "$TMP/mc2.json" && ok || bad "json differs between 1 and 2 threads"
cmp -s "$TMP/mc1.csv" "$TMP/mc2.csv" && ok || bad "csv differs between 1 and 2 threads"
cmp -s "$TMP/draws1.csv" "$TMP/draws2.csv" && ok || bad "kept draws differ between 1 and 2 threads"
# another seed: other numbers
expect_exit 0 "$JZ" mc --draws 1500 --seed 43 --threads 2 --format json "$EX"
cmp -s "$TMP/out" "$TMP/mc1.json" && bad "seed 43 gave the same output as seed 42" || ok

# JSON: seed and generator recorded, P5 <= P50 <= P95, the kept draws agree
python3 - "$TMP/mc1.json" "$TMP/draws1.csv" <<'PY' && ok || bad "mc json or kept draws wrong"
import csv, json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-mc" and d["seed"] == 42 and d["generator"] == "mt19937" and d["draws"] == 1500
t = d["figures"]["tekort"]
for y in range(len(d["years"])):
    assert t["p5"][y] <= t["p25"][y] <= t["p50"][y] <= t["p75"][y] <= t["p95"][y]
    assert t["min"][y] <= t["p5"][y] and t["p95"][y] <= t["max"][y]
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == 1500
last = d["years"][-1]
vals = sorted(float(r["tekort_%d" % last]) for r in rows)
assert abs(vals[-1] - t["max"][-1]) <= 1e-6 * abs(vals[-1])
mean = sum(vals) / len(vals)
assert abs(mean - t["mean"][-1]) <= 1e-9 * abs(mean)
# the histogram median lies between the neighbouring order statistics
assert vals[740] <= t["p50"][-1] <= vals[759], (vals[740], t["p50"][-1], vals[759])
assert len(d["inputs"]) == 8 and d["correlations"][0]["rho"] == 0.5
PY
ls "$TMP" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

# the table: Dutch, the percentile columns, the probability
expect_exit 0 "$JZ" mc --draws 300 "$EX"
expect_grep "$TMP/out" "P5 .*P25 .*P50 .*P75 .*P95"
expect_grep "$TMP/out" "Kans dat het tekort lager blijft"
# a correlation is named as the inputs above it are, not by its YAML path
expect_grep "$TMP/out" "correlatie Zorgduur ambulante jeugdhulp (maanden) ~ Zorgduur residentiële jeugdhulp (maanden): 0,50"
expect_exit 0 "$JZ" mc --draws 300 --lang en --threshold 5M "$EX"
expect_grep "$TMP/out" "Probability that the deficit stays below €5,000,000"
expect_exit 0 "$JZ" mc --draws 300 --format csv --locale nl "$EX"
expect_grep "$TMP/out" "^scenario;gemeente_code;zorgsoort;year;metric;point;mean"

# sensitivity: the tornado, sorted by swing; break-even
expect_exit 0 "$JZ" sensitivity --format json "$EX"
python3 - "$TMP/out" <<'PY' && ok || bad "sensitivity json wrong"
import json, sys
d = json.load(open(sys.argv[1]))
b = d["bars"]
assert len(b) == 8 and d["year"] == 2028
assert all(b[i]["swing"] >= b[i + 1]["swing"] for i in range(len(b) - 1))
assert b[0]["input"] == "indexation.tariff"
PY
expect_exit 0 "$JZ" sensitivity --break-even "indexation.tariff" --target 5M --year 2026 "$EX"
expect_grep "$TMP/out" "het tekort in 2026 is € 5.000.000 bij"
expect_exit 0 "$JZ" sensitivity --break-even "zorgsoorten[pleegzorg].zorgduur" --lang en "$EX"
expect_grep "$TMP/out" "no value between"
# the reader's names, not YAML paths: the tornado's inputs and the break-even
expect_grep "$TMP/out" "^Duration of care, pleegzorg (months): no value between"
expect_exit 0 "$JZ" sensitivity "$EX"
expect_grep "$TMP/out" "^ 1. Tariefindexatie (per jaar)$"
grep -q "zorgsoorten\[" "$TMP/out" && bad "sensitivity table names an input by its YAML path" || ok
expect_exit 0 "$JZ" sensitivity --format html --break-even "zorgsoorten[pleegzorg].zorgduur" -o "$TMP/be.html" "$EX"
expect_grep "$TMP/be.html" "<p>Zorgduur pleegzorg (maanden): geen waarde tussen"
expect_exit 2 "$JZ" sensitivity --break-even "zorgsoorten[pleegzorg].zorgdur" "$EX"
expect_grep "$TMP/err" "did you mean 'zorgsoorten\[pleegzorg\].zorgduur'"
expect_exit 2 "$JZ" sensitivity --year 2040 "$EX"
expect_exit 2 "$JZ" sensitivity --format html "$EX"
expect_exit 0 "$JZ" sensitivity --format html -o "$TMP/t.html" "$EX"
expect_grep "$TMP/t.html" "<svg"
expect_grep "$TMP/t.html" 'data-input="indexation.tariff"'

# compare on common random numbers: bands in the comparison, same bytes for 1 and 2 threads
for t in 1 2; do
  expect_exit 0 "$JZ" compare -q --draws 500 --seed 9 --threads $t --format json --mc-output "$TMP/diff$t.csv" \
    "$EX" "$SRC/scenarios/example.yaml"
  cp "$TMP/out" "$TMP/cmp$t.json"
done
cmp -s "$TMP/cmp1.json" "$TMP/cmp2.json" && ok || bad "compare --draws differs between 1 and 2 threads"
cmp -s "$TMP/diff1.csv" "$TMP/diff2.csv" && ok || bad "compare --mc-output differs between 1 and 2 threads"
expect_grep "$TMP/diff1.csv" "^scenario,year,metric,point,mean,se,p5"
python3 - "$TMP/cmp1.json" <<'PY' && ok || bad "compare --draws: no bands in the json"
import json, sys
d = json.load(open(sys.argv[1]))
b = d["results"][0]["bands"]["tekort"]
for s in range(2):
    for y in range(len(d["years"])):
        assert b["p5"][s][y] <= b["p50"][s][y] <= b["p95"][s][y]
assert b["p5"][0][-1] < b["p95"][0][-1]          # uncertain scenario: a band
assert b["p5"][1][-1] == b["p95"][1][-1]         # no uncertain inputs: no width
PY
expect_exit 2 "$JZ" compare --mc-output x.csv "$EX" "$SRC/scenarios/example.yaml"

# bad distribution syntax: file:line:column and exit 2
cat > "$TMP/bad.yaml" <<'YAML'
meta: {name: Fout, base_year: 2024, horizon: 2}
zorgsoorten:
  - key: a
    instroom: 100
    zorgduur: {dist: normal, mean: 10, sd: -1.5}
    cost: 1k
gemeenten: [{code: GM0001, name: X}]
YAML
expect_exit 2 "$JZ" mc "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:5:44: zorgsoorten\[a\].zorgduur sd must be >= 0"
sed -i 's/sd: -1.5}/sd: 1}/; s/dist: normal/dist: normaal/' "$TMP/bad.yaml"
expect_exit 2 "$JZ" validate "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:5:22: .*unknown distribution 'normaal'; did you mean 'normal'?"
sed -i 's/dist: normaal, mean: 10, sd: 1/dist: triangular, low: 8, mode: 15, high: 12/' "$TMP/bad.yaml"
expect_exit 2 "$JZ" run "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:5:48: .*mode must lie between low (8) and high (12)"
# the table names uncertain inputs and zorgsoorten as a reader knows them, not by YAML path or key
expect_exit 0 "$JZ" mc --draws 50 "$SRC/scenarios/enschede/verbeterkansen.yaml"
expect_grep "$TMP/out" "^  Zorgduur pleegzorg (maanden): driehoek"
expect_grep "$TMP/out" "startgetal"
if grep -q "zorgsoorten\[\|seed " "$TMP/out"; then bad "YAML path or 'seed' in the mc table"; else ok; fi

# the per-zorgsoort table is about meta.begrotingsjaar when the scenario has one
expect_exit 0 "$JZ" mc -q --draws 50 --seed 1 "$SRC/scenarios/enschede/basis.yaml"
expect_grep "$TMP/out" "^Kosten per zorgsoort in 2027, het begrotingsjaar (euro)$"
expect_exit 0 "$JZ" mc -q --draws 50 --seed 1 "$SRC/scenarios/example-onzeker.yaml"
expect_grep "$TMP/out" "^Kosten per zorgsoort in 2028 (euro)$"
# ranges {value, low, high} are not drawn (Amersfoort walk-through): a
# scenario whose every uncertain input is one gave P5 = P95 without a word
printf 'extends: %s\nmeta: {name: Ranges, description: "alleen bereiken"}\nzorgsoorten:\n  - key: ambulant\n    zorgduur: {value: 10, low: 8, high: 13}\n' \
  "$SRC/scenarios/example.yaml" > "$TMP/ranges.yaml"
expect_exit 0 "$JZ" mc --draws 50 "$TMP/ranges.yaml"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*ranges.yaml: zorgsoorten\[ambulant\].zorgduur {value: 10, low: 8, high: 13} is a range without a distribution: the draws keep it at its value (a range is for jzsim sensitivity); it is the only uncertain input, so every draw equals the point run and a band has no width. For a band, write a distribution, e.g. {dist: triangular, low: 8, mode: 10, high: 13}"
expect_exit 0 "$JZ" compare --draws 50 "$TMP/ranges.yaml" "$SRC/scenarios/example.yaml"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*ranges.yaml: zorgsoorten\[ambulant\].zorgduur {value: 10, low: 8, high: 13} is a range without a distribution"
# beside distributions a range is a choice (the tornado): no warning, and the
# list of inputs says it is not drawn
expect_exit 0 "$JZ" mc --draws 50 "$SRC/scenarios/example-onzeker.yaml"
expect_grep "$TMP/out" "^  Zorgduur pleegzorg (maanden): bereik 34,0 mnd tot 46,0 mnd, niet getrokken (alleen voor jzsim sensitivity); puntwaarde 40,0 mnd$"
if grep -q "range without a distribution" "$TMP/err"; then bad "mc: a warning for a range beside distributions"; else ok; fi
# the base year is realisatie (R): no draw and no sensitivity point moves it
# (Amersfoort walk-through: zorgduur 19 moved the jaarrekening year's cost)
expect_exit 0 "$JZ" mc --draws 300 --format csv "$EX"
python3 - "$TMP/out" <<'PY' && ok || bad "mc: the base year's band is not the point"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))]
first = min(int(r["year"]) for r in rows)
base = [r for r in rows if int(r["year"]) == first]
assert base and all(r["p5"] == r["point"] == r["p95"] == r["min"] == r["max"] for r in base), base[:2]
later = [r for r in rows if int(r["year"]) == first + 1 and r["metric"] == "cost" and not r["zorgsoort"]]
assert later and float(later[0]["p5"]) < float(later[0]["p95"]), later
PY
expect_exit 0 "$JZ" mc --draws 50 "$EX"
expect_grep "$TMP/out" "^Het basisjaar 2024 is realisatie: de invoer wordt getrokken vanaf 2025.$"
expect_exit 0 "$JZ" compare --format html -o "$TMP/rt.html" "$EX" "$SRC/scenarios/example.yaml"
expect_grep "$TMP/rt.html" "Het basisjaar 2024 is realisatie en schuift niet mee: een aanname werkt vanaf 2025."
expect_exit 0 "$JZ" sensitivity --year 2024 --format csv "$EX"
python3 - "$TMP/out" <<'PY' && ok || bad "sensitivity: an input moves the base year's tekort"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert rows and all(float(r["swing"]) == 0.0 for r in rows), rows[:2]
PY
# a distribution beside tariff and units_per_year: where it goes, in one file and in a variant
printf 'meta: {name: P, base_year: 2025, horizon: 3}\nzorgsoorten:\n  - key: a\n    start: 100\n    instroom: 50\n    zorgduur: 12\n    cost: {tariff: 100, units_per_year: 90}\ngemeenten:\n  - {code: GM0001, name: Een}\n' > "$TMP/product.yaml"
printf 'extends: product.yaml\nmeta: {name: V, description: "variant"}\nzorgsoorten:\n  - key: a\n    cost: {dist: triangular, low: 8k, mode: 9k, high: 10k}\n' > "$TMP/product-var.yaml"
expect_exit 2 "$JZ" validate "$TMP/product-var.yaml"
expect_grep "$TMP/err" "product-var.yaml:5:12: zorgsoorten\[a\].cost is tariff x units_per_year in the scenario this one extends: a distribution or range goes on one of the two factors, e.g. cost: {tariff: {dist: normal, mean: 85, sd: 5}, units_per_year: 120}; a variant writes only the factor it changes, cost: {tariff: {dist: ...}}"
sed 's/cost: {tariff: 100, units_per_year: 90}/cost: {tariff: 100, units_per_year: 90, value: 9k, low: 8k, high: 10k}/' "$TMP/product.yaml" > "$TMP/product-one.yaml"
expect_exit 2 "$JZ" validate "$TMP/product-one.yaml"
expect_grep "$TMP/err" "product-one.yaml:7:45: zorgsoorten\[a\].cost is tariff x units_per_year: a distribution or range goes on one of the two factors"
printf 'extends: product.yaml\nmeta: {name: V, description: "variant"}\nzorgsoorten:\n  - key: a\n    cost: {tariff: {dist: triangular, low: 90, mode: 100, high: 110}}\n' > "$TMP/product-ok.yaml"
expect_exit 0 "$JZ" validate "$TMP/product-ok.yaml"
finish
