#!/bin/bash
# jzsim backtest --save-intervals and jzsim run --intervals: the interval
# table written, read back and drawn as a band; bad tables exit 2 with a
# located message.
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/history"
S="$D/synth.yaml"

# the backtest writes the table (stocks in the history, rolling origins)
expect_exit 0 "$JZ" backtest -q --history "$D/synth_stocks.csv" --rolling --save-intervals "$TMP/iv.yaml" "$S"
expect_grep "$TMP/iv.yaml" "^  last_year: 2023"
expect_grep "$TMP/iv.yaml" "{gemeente: GM0001, zorgsoort: ambulant, horizon: 1, q_lo: -0"
expect_exit 2 "$JZ" backtest -q --history "$D/synth_stocks.csv" --fit-until 2021 --save-intervals "$TMP/x.yaml" "$S"
expect_grep "$TMP/err" "--save-intervals needs --rolling"
expect_exit 2 "$JZ" calibrate -q --history "$D/synth_stocks.csv" --save-intervals "$TMP/x.yaml" "$S"
# no stocks in the history: no table, and it says why
expect_exit 2 "$JZ" backtest -q --history "$D/synth.csv" --rolling --save-intervals "$TMP/x.yaml" "$S"
expect_grep "$TMP/err" "no interval for the clients in care at the end of the year"
[ -e "$TMP/x.yaml" ] && bad "a table was written without intervals" || ok

# run draws it: table, CSV, JSON
expect_exit 0 "$JZ" run --intervals "$TMP/iv.yaml" "$S"
expect_grep "$TMP/out" "Cliënten in zorg eind, bandbreedte 95% uit de backtest (waargenomen t/m 2023)"
expect_exit 0 "$JZ" run --intervals "$D/synth_intervals.yaml" "$S"
expect_grep "$TMP/out" "buiten tabel"
expect_exit 0 "$JZ" run --lang en --intervals "$D/synth_intervals.yaml" "$S"
expect_grep "$TMP/out" "beyond table"
expect_exit 0 "$JZ" run --format csv --intervals "$D/synth_intervals.yaml" "$S"
expect_grep "$TMP/out" "^Synthetisch,GM0001,Synthstad,ambulant,2023,band_lo:end,"
expect_grep "$TMP/out" "^Synthetisch,GM0001,Synthstad,,2023,band_hi:end,"
grep -q "ambulant,2024,band_lo" "$TMP/out" && bad "a band beyond the table in the CSV" || ok
# the band is the run's stock x (1 + q): ambulant 2023, q_lo -5%, q_hi +6%
python3 - "$TMP/out" <<'PY' && ok || bad "CSV band is not end x (1 + q)"
import csv, sys
v = {(r["zorgsoort"], r["year"], r["metric"]): float(r["value"]) for r in csv.DictReader(open(sys.argv[1]))}
e = v[("ambulant", "2023", "end")]
assert abs(v[("ambulant", "2023", "band_lo:end")] - e * 0.95) < 1e-9 * e
assert abs(v[("ambulant", "2023", "band_hi:end")] - e * 1.06) < 1e-9 * e
PY
expect_exit 0 "$JZ" run --format json --intervals "$D/synth_intervals.yaml" "$S"
python3 - "$TMP/out" <<'PY' && ok || bad "JSON band"
import json, sys
d = json.load(open(sys.argv[1]))
b = d["band"]
assert b["last_observed_year"] == 2022 and b["level"] == 0.95
row = [r for r in b["rows"] if r["zorgsoort"] == "ambulant"][0]
y = d["years"].index(2023)
assert row["lower"][y] is not None and row["lower"][y - 1] is None
assert row["beyond_table"][y + 1] and row["lower"][y + 1] is None
PY
# without --intervals nothing changes
expect_exit 0 "$JZ" run --format json "$S"
grep -q '"band"' "$TMP/out" && bad "a band without --intervals" || ok

# bad tables: located errors, exit 2
sed 's/GM0001, zorgsoort: pleegzorg, horizon: 2/GM0001, zorgsoort: pleegzorg, horizon: 3/' \
  "$D/synth_intervals.yaml" >"$TMP/gap.yaml"
expect_exit 2 "$JZ" run --intervals "$TMP/gap.yaml" "$S"
expect_grep "$TMP/err" "gap.yaml:11:7: GM0001, pleegzorg: horizon 3 without horizon 2"
sed 's/GM0001, zorgsoort: ambulant/GM0363, zorgsoort: ambulant/' "$D/synth_intervals.yaml" >"$TMP/gm.yaml"
expect_exit 2 "$JZ" run --intervals "$TMP/gm.yaml" "$S"
expect_grep "$TMP/err" "gm.yaml:9:7: gemeente GM0363 is not in scenario"
expect_exit 2 "$JZ" run --intervals "$TMP/missing.yaml" "$S"
expect_exit 2 "$JZ" run --intervals "$S" "$S"
expect_grep "$TMP/err" "not an intervals file"
# the briefing draws the band; without --intervals it has no such chart
expect_exit 0 "$JZ" run --format html -o "$TMP/band.html" --intervals "$D/synth_intervals.yaml" "$S"
expect_grep "$TMP/band.html" 'id="chart-band-end"'
expect_exit 0 "$JZ" run --format html -o "$TMP/plain.html" "$S"
grep -q "chart-band-end" "$TMP/plain.html" && bad "a band chart without --intervals" || ok

# the workbook: a sheet Bandbreedte with lower, stock, upper = stock x (1 + q)
XL=/usr/bin/python3
check_xlsx() {
  "$XL" - "$1" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Bandbreedte"].iter_rows(values_only=True))
head = rows[3]
assert head[4:7] == ("Onder", "Stand eind jaar", "Boven"), head
v = {(r[2], r[3]): r for r in rows[4:]}
lo, end, hi = v[("ambulant", 2023)][4:7]
assert abs(lo - end * 0.95) < 1e-9 * end and abs(hi - end * 1.06) < 1e-9 * end
assert v[("ambulant", 2024)][7] == "buiten tabel" and v[("ambulant", 2024)][4] is None
lo, end, hi = v[("pleegzorg", 2024)][4:7]
assert abs(lo - end * 0.92) < 1e-9 * end and abs(hi - end * 1.09) < 1e-9 * end
lo, end, hi = v[("Totaal", 2023)][4:7]
assert abs(lo - end * 0.97) < 1e-9 * end and abs(hi - end * 1.035) < 1e-9 * end
assert ("ambulant", 2022) not in v
PY
}
if "$XL" -c 'import openpyxl' 2>/dev/null && "$JZ" compare --help 2>&1 | grep -q xlsx; then
  expect_exit 0 "$JZ" run -q --format xlsx -o "$TMP/run-band.xlsx" --intervals "$D/synth_intervals.yaml" "$S"
  check_xlsx "$TMP/run-band.xlsx" && ok || bad "run xlsx band"
  expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/cmp-band.xlsx" --intervals "$D/synth_intervals.yaml" "$S" "$S"
  check_xlsx "$TMP/cmp-band.xlsx" && ok || bad "compare xlsx band"
  expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/cmp-plain.xlsx" "$S" "$S"
  "$XL" -c 'import sys, openpyxl; sys.exit("Bandbreedte" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' \
    "$TMP/cmp-plain.xlsx" && ok || bad "a Bandbreedte sheet without --intervals"
fi

# compare --intervals: the band of the reference [1] in every format
S2="$TMP/hoog.yaml"
sed 's/name: Synthetisch/name: Synthetisch hoog/' "$S" >"$S2"
expect_exit 0 "$JZ" compare -q --intervals "$D/synth_intervals.yaml" "$S" "$S2"
expect_grep "$TMP/out" "Cliënten in zorg eind \[1\] (bandbreedte 95% uit de backtest, waargenomen t/m 2022)"
expect_grep "$TMP/out" "buiten tabel"
expect_exit 0 "$JZ" compare -q --lang en --intervals "$D/synth_intervals.yaml" "$S" "$S2"
expect_grep "$TMP/out" "Clients in care at year end \[1\] (95% band from the backtest, observed up to 2022)"
expect_exit 0 "$JZ" compare -q "$S" "$S2"
grep -q "bandbreedte" "$TMP/out" && bad "a band in compare without --intervals" || ok
expect_exit 0 "$JZ" compare -q --format csv --intervals "$D/synth_intervals.yaml" "$S" "$S2"
cp "$TMP/out" "$TMP/cmp.csv"
# the band as the table shows it: stock (lower - upper), lower = stock x (1 + q_lo)
python3 - "$TMP/cmp.csv" <<'PY' && ok || bad "compare CSV band is not stock x (1 + q)"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
b = [r for r in rows if r["metric"].startswith("band_")]
assert b and all(r["scenario_index"] == "1" and r["scenario"] == "Synthetisch" for r in b)
v = {(r["zorgsoort"], r["year"], r["metric"]): float(r["value"]) for r in b}
for z, y, lo, hi in [("ambulant", "2023", -0.05, 0.06), ("pleegzorg", "2023", -0.04, 0.045),
                     ("pleegzorg", "2024", -0.08, 0.09), ("", "2023", -0.03, 0.035)]:
    e = v[(z, y, "band_mid:end")]
    assert abs(v[(z, y, "band_lo:end")] - e * (1 + lo)) < 1e-9 * e, (z, y)
    assert abs(v[(z, y, "band_hi:end")] - e * (1 + hi)) < 1e-9 * e, (z, y)
assert ("ambulant", "2024", "band_mid:end") not in v and ("ambulant", "2022", "band_mid:end") not in v
PY
expect_exit 0 "$JZ" run -q --format csv --intervals "$D/synth_intervals.yaml" "$S"
# the stock in compare is the run's stock
python3 - "$TMP/cmp.csv" "$TMP/out" <<'PY' && ok || bad "compare band stock differs from run's end"
import csv, sys
c = {(r["zorgsoort"], r["year"]): r["value"] for r in csv.DictReader(open(sys.argv[1])) if r["metric"] == "band_mid:end"}
r = {(r["zorgsoort"], r["year"]): r["value"] for r in csv.DictReader(open(sys.argv[2])) if r["metric"] == "end"}
assert c[("ambulant", "2023")] == r[("ambulant", "2023")]
PY
expect_exit 0 "$JZ" compare -q --format json --intervals "$D/synth_intervals.yaml" "$S" "$S2"
python3 - "$TMP/out" <<'PY' && ok || bad "compare JSON band"
import json, sys
d = json.load(open(sys.argv[1]))
b = d["results"][0]["stock_band"]
assert b["scenario_index"] == 1 and b["last_observed_year"] == 2022 and b["level"] == 0.95
y = d["years"].index(2023)
a = b["zorgsoorten"]["ambulant"]
assert abs(a["lower"][y] - a["stock"][y] * 0.95) < 1e-9 * a["stock"][y]
assert abs(a["upper"][y] - a["stock"][y] * 1.06) < 1e-9 * a["stock"][y]
assert a["lower"][y - 1] is None and a["beyond_table"][y + 1] and a["stock"][y + 1] is None
assert abs(b["total"]["upper"][y] - b["total"]["stock"][y] * 1.035) < 1e-9 * b["total"]["stock"][y]
PY
expect_exit 0 "$JZ" compare -q --format json "$S" "$S2"
grep -q '"stock_band"' "$TMP/out" && bad "a stock_band without --intervals" || ok
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/cmp-band.html" --intervals "$D/synth_intervals.yaml" "$S" "$S2"
expect_grep "$TMP/cmp-band.html" 'id="chart-band-end"'
expect_grep "$TMP/cmp-band.html" "De band staat om de referentie \[1\] Synthetisch;"
# mismatches: located errors, exit 2, no output
expect_exit 2 "$JZ" compare -q --format csv -o "$TMP/no.csv" --intervals "$TMP/gm.yaml" "$S" "$S2"
expect_grep "$TMP/err" "gm.yaml:9:7: gemeente GM0363 is not in scenario"
[ -e "$TMP/no.csv" ] && bad "compare wrote a file after a bad table" || ok
sed 's/zorgsoort: ambulant, horizon: 1/zorgsoort: verblijf, horizon: 1/' "$D/synth_intervals.yaml" >"$TMP/zs.yaml"
expect_exit 2 "$JZ" compare -q --intervals "$TMP/zs.yaml" "$S" "$S2"
expect_grep "$TMP/err" "zs.yaml:9:7: zorgsoort 'verblijf' is not in scenario 'Synthetisch'"
sed 's/last_year: 2022/last_year: 2030/' "$D/synth_intervals.yaml" >"$TMP/late.yaml"
expect_exit 2 "$JZ" compare -q --intervals "$TMP/late.yaml" "$S" "$S2"
expect_grep "$TMP/err" "late.yaml: the intervals start after 2030"
expect_exit 2 "$JZ" compare -q --intervals "$TMP/missing.yaml" "$S" "$S2"
expect_exit 2 "$JZ" run -q --format xlsx -o "$TMP/no.xlsx" --intervals "$TMP/gm.yaml" "$S"
expect_grep "$TMP/err" "gm.yaml:9:7: gemeente GM0363 is not in scenario"
[ -e "$TMP/no.xlsx" ] && bad "run wrote a workbook after a bad table" || ok
# a region of several gemeenten: a band for its total only from TOTAL rows
R="$SRC/scenarios/twente/regio.yaml"
cp "$D/regio_intervals.yaml" "$TMP/regio.yaml"
expect_exit 0 "$JZ" run -q --format csv --gemeente all --intervals "$TMP/regio.yaml" "$R"
python3 - "$TMP/out" <<'PY' && ok || bad "run: the region's band from its TOTAL rows"
import csv, sys
v = {(r["gemeente_code"], r["zorgsoort"], r["year"], r["metric"]): float(r["value"]) for r in csv.DictReader(open(sys.argv[1]))}
for g, y, lo, hi in [("TOTAL", "2023", -0.02, 0.025), ("TOTAL", "2024", -0.03, 0.04), ("GM0153", "2023", -0.05, 0.06)]:
    e = v[(g, "", y, "end")]
    assert abs(v[(g, "", y, "band_lo:end")] - e * (1 + lo)) < 1e-9 * e, (g, y)
    assert abs(v[(g, "", y, "band_hi:end")] - e * (1 + hi)) < 1e-9 * e, (g, y)
assert not any(k[0] == "GM0141" and k[3].startswith("band") for k in v)
PY
expect_exit 0 "$JZ" compare -q --format json --intervals "$TMP/regio.yaml" "$R" "$R"
python3 - "$TMP/out" <<'PY' && ok || bad "compare: the region's band from its TOTAL rows"
import json, sys
d = json.load(open(sys.argv[1]))
u = {r["code"]: r for r in d["results"]}
y = d["years"].index(2024)
t = u["TOTAL"]["stock_band"]["total"]
assert abs(t["upper"][y] - t["stock"][y] * 1.04) < 1e-9 * t["stock"][y] and t["beyond_table"][y + 1]
assert u["GM0141"]["stock_band"] is None and u["GM0153"]["stock_band"] is not None
PY
expect_exit 0 "$JZ" compare -q --intervals "$TMP/regio.yaml" "$R" "$R"
expect_grep "$TMP/out" "Cliënten in zorg eind \\[1\\]"
# without TOTAL rows the region total has no band: the sum of bands is not one
grep -v "gemeente: TOTAL" "$TMP/regio.yaml" >"$TMP/regio-g.yaml"
expect_exit 0 "$JZ" compare -q --format json --intervals "$TMP/regio-g.yaml" "$R" "$R"
python3 - "$TMP/out" <<'PY' && ok || bad "a region band without TOTAL rows"
import json, sys
u = {r["code"]: r for r in json.load(open(sys.argv[1]))["results"]}
assert u["TOTAL"]["stock_band"] is None and u["GM0153"]["stock_band"] is not None
PY
expect_exit 0 "$JZ" run -q --intervals "$TMP/regio-g.yaml" "$R"
grep -q "bandbreedte" "$TMP/out" && bad "a band for the region total without TOTAL rows" || ok
# TOTAL in a one-gemeente scenario: located error
sed 's/GM0001, zorgsoort: ambulant/TOTAL, zorgsoort: ambulant/' "$D/synth_intervals.yaml" >"$TMP/tot1.yaml"
expect_exit 2 "$JZ" run -q --intervals "$TMP/tot1.yaml" "$S"
expect_grep "$TMP/err" "tot1.yaml:9:7: gemeente TOTAL is the region of several gemeenten"

# the band goes around a projection made here
expect_exit 0 "$JZ" run -q --format json -o "$TMP/saved.json" "$S"
expect_exit 2 "$JZ" compare -q --reference "$TMP/saved.json" --intervals "$D/synth_intervals.yaml" "$S"
expect_grep "$TMP/err" "a saved forecast (--reference) is not projected here"
finish
