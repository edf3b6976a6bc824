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
expect_exit 2 "$JZ" run --format xlsx -o "$TMP/x.xlsx" --intervals "$D/synth_intervals.yaml" "$S"
finish
