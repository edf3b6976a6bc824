#!/bin/bash
# jzsim calibrate / backtest: exit codes, formats, the calibrated YAML, bad histories.
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/history"
S="$D/synth.yaml"
H="$D/synth.csv"

expect_exit 0 "$JZ" calibrate --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" backtest --help
expect_grep "$TMP/out" "--fit-until"
expect_exit 2 "$JZ" calibrate "$S"
expect_grep "$TMP/err" "no history given"
expect_exit 2 "$JZ" backtest --history "$H" "$S"
expect_grep "$TMP/err" "fit-until YEAR (the last year the fit may use) or --rolling is required"
expect_exit 2 "$JZ" calibrate --history "$H" --fit instroom,prijs "$S"
expect_grep "$TMP/err" "'prijs'"
expect_exit 2 "$JZ" backtest --history "$H" --fit-until 2020 --instroom misschien "$S"

# calibrate: the table recovers the truth (synth_truth.yaml: ambulant instroom 950, zorgduur 11)
expect_exit 0 "$JZ" calibrate --quiet --history "$H" "$S"
expect_grep "$TMP/out" "^GM0001 *ambulant *instroom *800,0 *950,0"
expect_grep "$TMP/out" "^GM0001 *ambulant *zorgduur *9,00 *11,0"
[ -s "$TMP/err" ] && bad "--quiet still wrote to stderr" || ok

# JSON: parameters with standard errors, residuals per period
expect_exit 0 "$JZ" calibrate --quiet --format json --history "$H" "$S"
python3 - "$TMP/out" <<'PY' && ok || bad "calibrate json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-calibrate"
p = {(q["zorgsoort"], q["kind"]): q for q in d["parameters"]}
assert abs(p[("pleegzorg", "zorgduur")]["value"] - 36) < 1e-4
assert abs(p[("ambulant", "instroom_trend")]["value"] - 0.025) < 1e-6
assert len(d["residuals"]) == 48 and d["fit"]["dof"] == 38
PY
expect_exit 0 "$JZ" calibrate --quiet --format csv --locale nl --history "$H" "$S"
expect_grep "$TMP/out" "^section;gemeente;zorgsoort;key;year;initial;value;se"
expect_grep "$TMP/out" "^parameter;GM0001;ambulant;zorgduur;;9;1[01],9"

# -o: the calibrated scenario extends the input (relative path), validates and reproduces the fit
mkdir -p "$TMP/out dir"
expect_exit 0 "$JZ" calibrate --quiet --history "$H" -o "$TMP/out dir/cal.yaml" "$S"
expect_grep "$TMP/out dir/cal.yaml" "^extends: \"\.\./"
expect_grep "$TMP/out dir/cal.yaml" "^# History: "
expect_grep "$TMP/out dir/cal.yaml" "zorgduur: 1[01]\.999"
expect_exit 0 "$JZ" validate "$TMP/out dir/cal.yaml"
expect_exit 0 "$JZ" run --format json "$TMP/out dir/cal.yaml"
python3 - "$TMP/out" "$H" <<'PY' && ok || bad "calibrated run does not reproduce the history"
import json, sys
d = json.load(open(sys.argv[1]))
years = d["years"]
# the 2019 ambulant instroom of synth.csv: 973,75
z = d["results"][0]["zorgsoorten"]["ambulant"]
v = z["instroom"][years.index(2019)]
assert abs(v - 973.75) < 1e-4, v
PY
ls "$TMP/out dir" | grep -q '\.tmp' && bad "temporary file left behind" || ok
expect_exit 2 "$JZ" calibrate --history "$H" -o - "$S"

# backtest: table, csv and json
expect_exit 0 "$JZ" backtest --quiet --history "$H" --fit-until 2020 "$S"
expect_grep "$TMP/out" "laatste waarde"
expect_exit 0 "$JZ" backtest --quiet --history "$H" --fit-until 2020 --format csv "$S"
expect_grep "$TMP/out" "^section,gemeente,zorgsoort,series,horizon,year,method,n,me,mae,mape,observed,forecast,origin,half95,coverage,lo,hi$"
expect_grep "$TMP/out" "^stat,,,all,3,,last_value,8,"
expect_exit 0 "$JZ" backtest --quiet --history "$H" --fit-until 2020 --instroom observed --format json -o "$TMP/bt.json" "$S"
python3 - "$TMP/bt.json" <<'PY' && ok || bad "backtest json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-backtest" and d["instroom"] == "observed"
pooled = [s for s in d["stats"] if s["series"] == "all" and s["method"] == "model"]
assert [s["horizon"] for s in pooled] == [1, 2, 3]
assert all(s["mape"] < 1e-3 for s in pooled)
assert not any(p["series"] == "instroom" for p in d["points"])
PY
expect_exit 2 "$JZ" backtest --history "$H" --fit-until 2023 "$S"
expect_grep "$TMP/err" "no observation after 2023"

# bad histories: file:line:column, exit 2
printf 'gemeente;zorgsoort;periode;instroom\nGM0001;ambulant;2019;12.5\n' > "$TMP/bad.csv"
expect_exit 2 "$JZ" calibrate --history "$TMP/bad.csv" "$S"
expect_grep "$TMP/err" "bad.csv:2:4: instroom: '12.5' is not a number"
printf 'gemeente;zorgsoort;periode;instroom\nGM0001;ambulantt;2019;12\n' > "$TMP/bad2.csv"
expect_exit 2 "$JZ" calibrate --history "$TMP/bad2.csv" "$S"
expect_grep "$TMP/err" "bad2.csv:2:2: zorgsoort 'ambulantt' is not in the scenario"
expect_exit 2 "$JZ" calibrate --history "$TMP/missing.csv" "$S"
# a quoted cell with a newline is echoed on one line, escaped
printf 'gemeente;zorgsoort;periode;instroom\nGM0001;"n\npleegzorg";2019;12\n' > "$TMP/bad3.csv"
expect_exit 2 "$JZ" calibrate --history "$TMP/bad3.csv" "$S"
expect_grep "$TMP/err" "bad3.csv:2:2: zorgsoort 'n\\\\npleegzorg' is not in the scenario"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && ok || bad "the message is not on one line"

# a zero among costs of ~8 million is set aside with a warning, not fitted to
sed '10s/;7808,947223$/;0/' "$H" > "$TMP/zero.csv"
expect_exit 0 "$JZ" calibrate --history "$TMP/zero.csv" --fit kosten "$S"
expect_grep "$TMP/out" "^GM0001 *pleegzorg *cost *22\.000 *25\.[78]"
expect_grep "$TMP/out" "set aside as probable data errors.*zero.csv line 10"

# the shipped Enschede history: reads, fits and backtests
E="$SRC/scenarios/enschede"
if [ -f "$E/basis.yaml" ]; then
  expect_exit 0 "$JZ" calibrate --quiet --fit kosten --history "$E/historie.csv" "$E/basis.yaml"
  expect_grep "$TMP/out" "verlengde_jeugdzorg"
  expect_exit 0 "$JZ" backtest --quiet --fit kosten --history "$E/historie.csv" --fit-until 2022 --format json "$E/basis.yaml"
  expect_grep "$TMP/out" "\"cost_per_client\""
fi
# a typo row (mean duration 0,0001 months) drives zorgduur below what a
# scenario accepts: the fit stops at the loader's bound, says so, and the
# written scenario loads (issue 12 item 3)
mkdir -p "$TMP/typo"
expect_exit 0 "$JZ" calibrate --fit zorgduur --history "$D/typo_duration.csv" -o "$TMP/typo/cal.yaml" "$S"
expect_grep "$TMP/out" "zorgduur of GM0001, ambulant: the fit ran into the lower bound"
expect_grep "$TMP/typo/cal.yaml" "zorgduur: 0.01 "
expect_exit 0 "$JZ" validate "$TMP/typo/cal.yaml"

# issue 15: the help examples name files that exist, and run
for cmd in calibrate backtest; do
  "$JZ" $cmd --help | sed -n '/^Examples:/,/^$/p' | tr ' \\' '\n\n' | grep -E '\.(csv|yaml)$' | grep -v '^gekalibreerd\|^intervallen' |
  while read -r f; do [ -f "$SRC/$f" ] || echo "$f"; done > "$TMP/missing"
  [ -s "$TMP/missing" ] && bad "$cmd --help names files that do not exist: $(cat "$TMP/missing")" || ok
done
# a missing input file is bad input: exit 2
expect_exit 2 "$JZ" calibrate --history "$TMP/does-not-exist.csv" "$S"
expect_grep "$TMP/err" "does-not-exist.csv"
expect_exit 2 "$JZ" backtest --history "$H" --fit-until 2020 "$TMP/does-not-exist.yaml"
# rolling origins: intervals, their coverage, forecasts beyond the history and one sentence per series
expect_exit 0 "$JZ" backtest --quiet --history "$H" --rolling --instroom observed "$S"
expect_grep "$TMP/out" "Rollende oorsprongen: gefit t/m elk jaar 2020-2022"
expect_grep "$TMP/out" "Voorspelintervallen (95%)"
expect_grep "$TMP/out" "Prognose na de historie"
expect_grep "$TMP/out" "^- unique_clients van GM0001, ambulant: het model zat gemiddeld .* over 3 oorsprongen"
expect_exit 0 "$JZ" backtest --quiet --history "$H" --rolling --lang en --anchor no "$S"
expect_grep "$TMP/out" "^- cost of GM0001, pleegzorg: the model was off by"
expect_exit 0 "$JZ" backtest --quiet --history "$H" --rolling --format json -o "$TMP/roll.json" "$S"
python3 - "$TMP/roll.json" <<'PY' && ok || bad "rolling backtest json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["origins"] == 3 and d["first_origin"] == 2020
assert d["verdicts"] and d["ahead"]
assert all(a["lo"] <= a["forecast"] <= a["hi"] for a in d["ahead"])
assert {p["origin"] for p in d["points"]} == {2020, 2021, 2022}
PY
expect_exit 2 "$JZ" backtest --history "$H" --rolling --anchor misschien "$S"
expect_exit 2 "$JZ" calibrate --history "$H" --rolling "$S"
# --map: an unknown category column is a located error, also under --quiet; mapped it reads
printf 'gemeente;Geslacht;periode;instroom\nGM0001;Jongens;2019;12\n' > "$TMP/cat.csv"
expect_exit 2 "$JZ" calibrate --quiet --history "$TMP/cat.csv" "$S"
expect_grep "$TMP/err" "cat.csv:2:2: column 2 holds the category 'Jongens'"
expect_exit 2 "$JZ" calibrate --history "$TMP/cat.csv" --map "Geslacht=zorgsoort" "$S"
expect_grep "$TMP/err" "zorgsoort 'Jongens' is not in the scenario"
expect_exit 0 "$JZ" calibrate --quiet --fit instroom --history "$TMP/cat.csv" --map "Geslacht=negeer" "$S"
# --fit vorm without duration classes: no stages change, and a warning says so
mkdir -p "$TMP/vorm"
expect_exit 0 "$JZ" calibrate --fit vorm --history "$H" -o "$TMP/vorm/cal.yaml" "$S"
grep -q "stages:" "$TMP/vorm/cal.yaml" && bad "--fit vorm wrote stages without duration classes" || ok
expect_grep "$TMP/out" "no duration-class counts per zorgsoort"
# --fit vorm with duration classes: the stages change, and no warning says nothing was fitted
python3 - "$TMP/classes.csv" <<'PY'
import math, sys
def P(t, k, D):
    x = k * t / D
    return 1 - sum(math.exp(-x) * x**i / math.factorial(i) for i in range(k))
e = [0, 3, 6, 12, 24, 36, 48]
p = [P(e[i + 1], 3, 11) - P(e[i], 3, 11) for i in range(6)] + [1 - P(48, 3, 11)]
with open(sys.argv[1], "w") as f:
    f.write("gemeente;zorgsoort;periode;instroom;dur_0_3m;dur_3_6m;dur_6_12m;dur_1_2y;dur_2_3y;dur_3_4y;dur_4y_plus\n")
    f.write("GM0001;ambulant;2019;950;" + ";".join(str(round(5000 * q)) for q in p) + "\n")
PY
mkdir -p "$TMP/vorm2"
expect_exit 0 "$JZ" calibrate --fit vorm --history "$TMP/classes.csv" -o "$TMP/vorm2/cal.yaml" "$S"
expect_grep "$TMP/vorm2/cal.yaml" "stages: 3"
grep -q "calibrated scenario equals the input" "$TMP/out" && bad "--fit vorm changed the stages and said nothing was fitted" || ok
expect_grep "$TMP/out" "only the duration shape (stages) was fitted"
# --fit vorm with classes no single Erlang fits (62% Erlang-2 mean 10, 38%
# exponential mean 18 months, N = 250,000): the two branches are written as
# a mixture, with their derivation, and the written scenario runs
python3 - "$TMP/mix.csv" <<'PY'
import math, sys
def P(t, k, D):
    x = k * t / D
    return 1 - sum(math.exp(-x) * x**i / math.factorial(i) for i in range(k))
e = [0, 3, 6, 12, 24, 36, 48]
F = lambda t: 0.62 * P(t, 2, 10) + 0.38 * P(t, 1, 18)
p = [F(e[i + 1]) - F(e[i]) for i in range(6)] + [1 - F(48)]
with open(sys.argv[1], "w") as f:
    f.write("gemeente;zorgsoort;periode;instroom;dur_0_3m;dur_3_6m;dur_6_12m;dur_1_2y;dur_2_3y;dur_3_4y;dur_4y_plus\n")
    f.write("GM0001;ambulant;2019;950;" + ";".join(str(round(250000 * q)) for q in p) + "\n")
PY
mkdir -p "$TMP/vorm3"
expect_exit 0 "$JZ" calibrate --fit vorm --history "$TMP/mix.csv" -o "$TMP/vorm3/cal.yaml" "$S"
# (the fit orders the branches by stages: 38% exponential, the rest Erlang-2)
expect_grep "$TMP/vorm3/cal.yaml" "mixture: {share: 3[6-9][.0-9]*%, stages: \[1, 2\], zorgduur: \[1[78]"
expect_grep "$TMP/vorm3/cal.yaml" "# no single Erlang fits (best k = "
expect_grep "$TMP/out" "no single Erlang shape fits"
expect_exit 0 "$JZ" run --format csv "$TMP/vorm3/cal.yaml"
# and a backtest of it: the anchored forecasts decay with the mixture's shape
expect_exit 0 "$JZ" backtest --quiet --history "$D/synth_stocks.csv" --rolling "$TMP/vorm3/cal.yaml"
expect_grep "$TMP/out" "clients_end van GM0001, ambulant: het model zat gemiddeld"
# a break year: fitted and named
expect_exit 0 "$JZ" calibrate --history "$H" --fit zorgduur,breuk --break-year 2021 --format json "$S"
expect_grep "$TMP/out" "\"zorgduur_break\""
# the Dutch table says why a parameter is not fitted in Dutch, the English one in English
expect_exit 0 "$JZ" calibrate --fit kosten --history "$SRC/scenarios/enschede/historie.csv" "$SRC/scenarios/enschede/basis.yaml"
expect_grep "$TMP/out" "niet geschat: geen rij van deze zorgsoort hangt ervan af"
if grep -q "niet geschat: no row" "$TMP/out"; then bad "mixed Dutch/English in the calibrate table"; else ok; fi
expect_grep "$TMP/out" "^- cost van GM0153, pleegzorg wordt niet door de gegevens bepaald"
if grep -q "is not identified" "$TMP/out"; then bad "English warning in the Dutch calibrate table"; else ok; fi
expect_exit 0 "$JZ" calibrate --lang en --fit kosten --history "$SRC/scenarios/enschede/historie.csv" "$SRC/scenarios/enschede/basis.yaml"
expect_grep "$TMP/out" "not fitted: no row of this zorgsoort depends on it"

finish
