#!/bin/bash
# The option tables (engine/cli/cmd_*.c): --help is generated from the same
# table that parses, so every option --help lists is accepted, and an option
# it does not list is refused in the same words by every command.
. "$(dirname "$0")/lib.inc"
for c in run compare measures mc sensitivity calibrate backtest; do
  expect_exit 0 "$JZ" $c --help
  grep -oE '^  (-o, )?--[a-z-]+' "$TMP/out" | sed 's/^  //; s/^-o, //' >"$TMP/opts"
  [ -s "$TMP/opts" ] && ok || bad "$c --help lists no options"
  grep -q '^Options:$' "$TMP/out" && grep -q '^Exit codes:' "$TMP/out" && ok || bad "$c --help lost its frame"
  while read -r o; do
    "$JZ" $c "$o" >/dev/null 2>"$TMP/err"
    grep -q "unknown option" "$TMP/err" && bad "$c: --help lists $o, the parser refuses it" || ok
  done <"$TMP/opts"
  expect_exit 2 "$JZ" $c --no-such-option x.yaml
  expect_grep "$TMP/err" "jzsim $c: unknown option '--no-such-option'"
done
# the table's value rules, shared by mc and compare
expect_exit 2 "$JZ" compare --draws 0 a.yaml b.yaml
expect_grep "$TMP/err" "jzsim compare: --draws must be a whole number from 1 to 100000000, got '0'"
expect_exit 2 "$JZ" mc --draws=1.5 a.yaml
expect_grep "$TMP/err" "jzsim mc: --draws must be a whole number from 1 to 100000000, got '1.5'"
# a Dutch thousands dot: 10.000 is ten thousand to a controller and 10 to
# strtod; neither is taken
expect_exit 2 "$JZ" mc --draws 10.000 a.yaml
expect_grep "$TMP/err" "jzsim mc: --draws '10.000' is ambiguous: 10000 with a Dutch thousands dot, or 10; write 10000"
expect_exit 2 "$JZ" compare --draws 1.000.000 a.yaml b.yaml
expect_grep "$TMP/err" "jzsim compare: --draws '1.000.000': write whole numbers without thousands separators (1000000)"
expect_exit 2 "$JZ" sensitivity --year 1800 a.yaml
expect_grep "$TMP/err" "--year must be a whole number from 1900 to 2200"
expect_exit 2 "$JZ" measures --exact-max 99 a.yaml
expect_grep "$TMP/err" "--exact-max must be a whole number from 0 to 16"
# compare's --threads is not listed on a line of its own but parsed
expect_exit 2 "$JZ" compare --threads 2 a.yaml b.yaml
expect_grep "$TMP/err" "--threads and --mc-output go with --draws N"
# compare goes through cli_parse: the common options and their words
expect_exit 2 "$JZ" compare --format=bogus a.yaml b.yaml
expect_grep "$TMP/err" "jzsim compare: --format must be table, csv, json, xlsx or html, got 'bogus'"
expect_exit 2 "$JZ" compare --format html a.yaml b.yaml
expect_grep "$TMP/err" "jzsim compare: --format html needs -o FILE"
expect_exit 2 "$JZ" compare a.yaml
expect_grep "$TMP/err" "for one scenario use 'jzsim run'"
finish
