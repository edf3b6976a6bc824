#!/bin/bash
# jzsim records: the outputs, calibrate reading the history it writes, the
# scenario it writes (-o), privacy (no client key in any output or message,
# the threshold only upward), and bad input (located, exit 2, nothing written).
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/records"
X="$D/export.csv"
B="$SRC/scenarios/enschede/basis.yaml"
W="--window-start 2021-01-01 --export-date 2023-12-31"

expect_exit 0 "$JZ" records --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" --help
expect_grep "$TMP/out" "records"
expect_exit 2 "$JZ" records
expect_exit 2 "$JZ" records --min-count 5 "$X"
expect_grep "$TMP/err" "only raise"
expect_exit 2 "$JZ" records -o "$TMP/s.yaml" "$X"
expect_grep "$TMP/err" "--base"
expect_exit 2 "$JZ" records --window-start 2021-13-01 "$X"

# every output at once
mkdir -p "$TMP/o"
expect_exit 0 "$JZ" records $W --half-years --history "$TMP/o/h.csv" --html "$TMP/o/r.html" \
  --base "$B" -o "$TMP/o/s.yaml" "$X"
cp "$TMP/out" "$TMP/o/table.txt"; cp "$TMP/err" "$TMP/o/table.err"
expect_grep "$TMP/o/table.txt" "^ambulant  *660  *504  *156  *134"
expect_grep "$TMP/o/table.txt" "<10"
expect_grep "$TMP/o/h.csv" "^gemeente;zorgsoort;periode;clients_start;clients_end;instroom"
expect_grep "$TMP/o/h.csv" "^GM0153;ambulant;2022;145;"
expect_grep "$TMP/o/h.csv" "^GM0153;ambulant;2022H1;145;"
expect_grep "$TMP/o/h.csv" ";x;"
expect_grep "$TMP/o/h.csv" "^# Privacy"
expect_grep "$TMP/o/r.html" "<svg"
expect_grep "$TMP/o/r.html" "Kaplan-Meier"
expect_exit 0 "$JZ" records $W --format csv --locale nl "$X"
cp "$TMP/out" "$TMP/o/report.csv"
expect_grep "$TMP/o/report.csv" "^section;zorgsoort;to;month;item;value;se"
expect_grep "$TMP/o/report.csv" "^duration;ambulant;;;erlang2.mean;9,8"
expect_grep "$TMP/o/report.csv" "^reentry;crisis;;;count;<10"
expect_exit 0 "$JZ" records $W --format json --lang en "$X"
cp "$TMP/out" "$TMP/o/report.json"
python3 - "$TMP/o/report.json" <<'PY' && ok || bad "records json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-records" and d["format_version"] == 1 and "jzsim_version" in d
assert d["privacy"]["min_count"] == 10 and d["privacy"]["values_withheld"] > 0
amb = [z for z in d["durations"] if z["zorgsoort"] == "ambulant"][0]
assert amb["chosen_k"] == 2 and abs(amb["erlang"][1]["fit"]["mean"] - 10) < 1, amb["erlang"][1]
t = [x for x in d["transitions"] if x["kind"] == "transition"][0]
assert t["from"] == "ambulant" and t["to"] == "residentieel" and 0.08 < t["rate"] < 0.15
assert any(x["count"] is None for x in d["transitions"])  # a withheld count is null
PY

# calibrate reads the history as written
expect_exit 0 "$JZ" calibrate --quiet --fit kosten --history "$TMP/o/h.csv" "$B"
expect_grep "$TMP/out" "waarnemingen"
# the scenario extends the base, validates and runs
expect_grep "$TMP/o/s.yaml" '^extends: "\.\./'
expect_grep "$TMP/o/s.yaml" "^  description: "
expect_grep "$TMP/o/s.yaml" "zorgduur: 9.8"
expect_exit 0 "$JZ" validate "$TMP/o/s.yaml"
expect_exit 0 "$JZ" run --format json "$TMP/o/s.yaml"
ls "$TMP/o" | grep -q '\.tmp' && bad "temporary file left behind" || ok

# privacy: no client key of the input in any byte of any output or message
python3 - "$X" "$TMP/o" <<'PY' && ok || bad "a client key appears in an output"
import os, sys
keys = [l.split(";")[0] for l in open(sys.argv[1]) if l.startswith("PSN-")]
assert len(keys) > 1000
blob = b"".join(open(os.path.join(sys.argv[2], f), "rb").read() for f in os.listdir(sys.argv[2]))
assert len(blob) > 10000
found = [k for k in set(keys) if k.encode() in blob or k[4:].encode() in blob]
assert not found, found[:3]
PY
# ... nor in the error messages of bad rows
printf 'clientnummer;gemeentecode;productcode;begindatum;einddatum\nPSN-SECRET1;GM0153;45A01;01-02-2022;01-01-2022\n' >"$TMP/bad1.csv"
expect_exit 2 "$JZ" records --history "$TMP/bad-h.csv" --html "$TMP/bad.html" "$TMP/bad1.csv"
expect_grep "$TMP/err" "bad1.csv:2:5: end date 2022-01-01 is before the start date 2022-02-01"
grep -q SECRET "$TMP/err" && bad "key in the message" || ok

# bad input: located, exit 2, nothing written
bad_case() { # FILE-CONTENT EXPECTED-MESSAGE
  printf "$1" >"$TMP/bad.csv"
  rm -f "$TMP/bad-h.csv" "$TMP/bad.html" "$TMP/bad.yaml"
  expect_exit 2 "$JZ" records --history "$TMP/bad-h.csv" --html "$TMP/bad.html" --base "$B" -o "$TMP/bad.yaml" "$TMP/bad.csv"
  expect_grep "$TMP/err" "$2"
  [ -s "$TMP/out" ] && bad "stdout not empty for bad input" || ok
  ls "$TMP"/bad-h.csv "$TMP"/bad.html "$TMP"/bad.yaml >/dev/null 2>&1 && bad "a file was written for bad input" || ok
  grep -q "PSN-" "$TMP/err" && bad "key in the message" || ok
}
H='clientnummer;gemeentecode;productcode;begindatum;einddatum\n'
bad_case "${H}PSN-1;GM0153;45A01;01-02-2022;01-01-2022\n" "bad.csv:2:5: end date"
bad_case "${H}PSN-1;GM0153;45A01;01-02-1899;\n" "bad.csv:2:4: start date 1899-02-01 is outside 1950-2100"
bad_case "clientnummer;gemeentecode;productcode;einddatum\nPSN-1;GM0153;45A01;\n" "bad.csv:1: missing required column 'startdatum'"
bad_case "${H}PSN-1;GM0153;77A01;01-02-2022;\nPSN-2;GM0153;77A01;01-03-2022;\n" "bad.csv:2:3: 1 product code is not in the mapping (2 rows): '77A01' (2 rows, first on line 2)"
bad_case "${H}PSN-1;GM0153;45A01;01-02-2022;\nPSN-1;GM0153;45A01;01-02-2022;\n" "bad.csv:3:4: this row repeats the trajectory of line 2"
bad_case "${H}PSN-1;GM9999;45A01;01-02-2022;\n" "bad.csv:2:2: gemeente 'GM9999' is not in the scenario"
bad_case "${H}PSN-1;Enchede;45A01;01-02-2022;\n" "bad.csv:2:2: gemeente 'Enchede' is not in the scenario; did you mean 'Enschede'?"
# the one rule of a gemeente meant (jz_scenario_gemeente_nearest): GM0146 is one digit from Almelo's
# GM0141 and from Borne's GM0147, so no guess
printf "${H}PSN-1;GM0146;45A01;01-02-2022;\n" >"$TMP/tie.csv"
expect_exit 2 "$JZ" records --base "$SRC/scenarios/twente/regio.yaml" -o "$TMP/tie.yaml" "$TMP/tie.csv"
expect_grep "$TMP/err" "tie.csv:2:2: gemeente 'GM0146' is not in the scenario$"
[ -e "$TMP/tie.yaml" ] && bad "a file was written for a gemeente not in the scenario" || ok

# a product mapping file on top of the default
printf 'code;zorgsoort\n77A01;pleegzorg\n' >"$TMP/map.csv"
printf "${H}PSN-1;GM0153;77A01;01-02-2022;\n" >"$TMP/one.csv"
expect_exit 0 "$JZ" records --products "$TMP/map.csv" "$TMP/one.csv"
expect_grep "$TMP/out" "^pleegzorg"
finish
