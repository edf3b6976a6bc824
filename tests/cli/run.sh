#!/bin/bash
# jzsim run / validate / help: exit codes, stdout vs stderr, formats.
. "$(dirname "$0")/lib.inc"
EX="$SRC/scenarios/example.yaml"

expect_exit 0 "$JZ" --help
expect_grep "$TMP/out" "Exit codes"
expect_exit 0 "$JZ" run --help
expect_grep "$TMP/out" "Example"
expect_exit 2 "$JZ"
expect_exit 2 "$JZ" frobnicate
expect_grep "$TMP/err" "not a jzsim command"
expect_exit 2 "$JZ" run
expect_exit 2 "$JZ" run --format xml "$EX"
expect_grep "$TMP/err" "table, csv or json"

# the table: Dutch by default, English on request; nothing on stderr
expect_exit 0 "$JZ" run "$EX"
expect_grep "$TMP/out" "Tekort"
expect_grep "$TMP/out" "€ [0-9]*\.[0-9][0-9][0-9]\.[0-9][0-9][0-9]"
[ -s "$TMP/err" ] && bad "run wrote to stderr: $(head -1 "$TMP/err")" || ok
expect_exit 0 "$JZ" run --lang en "$EX"
expect_grep "$TMP/out" "Deficit"
expect_grep "$TMP/out" "€[0-9]*,[0-9][0-9][0-9],[0-9][0-9][0-9]"
# every line fits 100 columns
expect_exit 0 "$JZ" run "$EX"
w=$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$TMP/out")
[ "$w" -le 100 ] && ok || bad "table is $w columns wide"

# CSV: fixed columns, locale nl uses ; and decimal commas
expect_exit 0 "$JZ" run --format csv "$EX"
expect_grep "$TMP/out" "^scenario,gemeente_code,gemeente,zorgsoort,year,metric,value$"
awk -F, 'NR > 1 && NF != 7 { exit 1 }' "$TMP/out" && ok || bad "csv rows without 7 columns"
expect_exit 0 "$JZ" run --format csv --locale nl "$EX"
expect_grep "$TMP/out" "^scenario;gemeente_code;gemeente;zorgsoort;year;metric;value$"
expect_grep "$TMP/out" ";cost;[0-9]*,[0-9]"

# JSON parses and carries the totals
expect_exit 0 "$JZ" run --format json "$EX"
python3 - "$TMP/out" <<'PY' && ok || bad "json does not parse or lacks keys"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-run"
r = d["results"][0]
assert len(r["totals"]["tekort"]) == len(d["years"])
for a, b, t in zip(r["totals"]["cost"], r["totals"]["budget"], r["totals"]["tekort"]):
    assert abs((a - b) - t) <= 1e-6 * max(1, abs(t))
PY

# -o writes atomically; a failing run leaves an existing file untouched
expect_exit 0 "$JZ" run --format csv -o "$TMP/r.csv" "$EX"
[ -s "$TMP/r.csv" ] && ok || bad "-o wrote nothing"
[ -s "$TMP/out" ] && bad "-o also wrote to stdout" || ok
echo "keep me" > "$TMP/keep.csv"
printf 'meta: {name: x, base_year: 2024, horizon: 2}\nzorgsoorten: []\ngemeenten: []\n' > "$TMP/bad.yaml"
expect_exit 2 "$JZ" run --format csv -o "$TMP/keep.csv" "$TMP/bad.yaml"
expect_grep "$TMP/keep.csv" "keep me"
ls "$TMP" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

# validate
expect_exit 0 "$JZ" validate "$EX"
expect_grep "$TMP/out" "^ok "
expect_exit 2 "$JZ" validate "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:2:14: zorgsoorten: expected a list of at least one zorgsoort"
expect_exit 2 "$JZ" validate "$TMP/does-not-exist.yaml"
# the gemeente's unique clients are the zorgsoorten's added up, not persons
# (Amersfoort walk-through: a derived scenario said 7.012 "personen", 20% of
# its youth, for youth counted once per product): one wording in every reporter
expect_exit 0 "$JZ" run "$EX"
if grep -q "(personen)" "$TMP/out"; then bad "run: the unique clients are called persons"; else ok; fi
expect_grep "$TMP/out" "^Zorgsoorten opgeteld  "
expect_grep "$TMP/out" "^Zorgsoorten opgeteld: een jeugdige in twee zorgsoorten telt twee keer, een overstap$"
expect_exit 0 "$JZ" run --lang en "$EX"
expect_grep "$TMP/out" "^Care types added up: a youth in two care types counts twice, a transfer between$"
expect_exit 0 "$JZ" compare --format csv "$EX" "$SRC/scenarios/example-hoge-indexatie.yaml"
expect_grep "$TMP/out" ",unique_clients,"
expect_exit 0 "$JZ" compare --format html -o "$TMP/uniek.html" "$EX" "$SRC/scenarios/example-hoge-indexatie.yaml"
expect_grep "$TMP/uniek.html" "Unieke cliënten, zorgsoorten opgeteld"
expect_exit 0 "$JZ" run "$SRC/scenarios/twente/regio.yaml"
expect_grep "$TMP/out" "^Cliënten per jeugdige (unieke cliënten, zorgsoorten opgeteld / jeugdigen 0-17)$"
if grep -q "Aandeel jeugdigen in zorg" "$TMP/out"; then bad "run: clients per youth called a share of youth"; else ok; fi
finish
