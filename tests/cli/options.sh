#!/bin/bash
# The options the subcommands share (engine/cli/common.c: cli_parse): the
# same mistake gets the same message, exit 2 and nothing on stdout in every
# command, before any file is read.
. "$(dirname "$0")/lib.inc"
EX="$SRC/scenarios/example.yaml"

usage() { # CMD MESSAGE-REGEX ARGS... : exit 2, "jzsim CMD: MESSAGE" and the --help hint, stdout empty
  cmd=$1 msg=$2; shift 2
  expect_exit 2 "$JZ" "$cmd" "$@"
  expect_grep "$TMP/err" "^jzsim $cmd: $msg"
  expect_grep "$TMP/err" "^Try 'jzsim $cmd --help'.$"
  [ -s "$TMP/out" ] && bad "$cmd $*: wrote to stdout" || ok
}

for cmd in run measures mc sensitivity calibrate backtest; do
  usage "$cmd" "unknown option '--bogus'$" --bogus "$EX"
  usage "$cmd" "--format must be table, csv.* got 'xml'$" --format xml "$EX"
  usage "$cmd" "--format must be table, csv.* got ''$" --format= "$EX"
  usage "$cmd" "option --format needs a value$" "$EX" --format
  usage "$cmd" "option -o needs a value$" "$EX" -o
  usage "$cmd" "--lang must be nl or en, got 'fr'$" --lang fr "$EX"
  usage "$cmd" "--locale must be nl or en, got 'de'$" --locale=de "$EX"
  usage "$cmd" "one scenario at a time" "$EX" "$EX"
  usage "$cmd" "no scenario file given$" -q
  # the first mistake on the command line is the one reported
  usage "$cmd" "unknown option '-x'$" -x --format xml "$EX"
  # --help wins when it comes first, and prints to stdout only
  expect_exit 0 "$JZ" "$cmd" --help --bogus
  expect_grep "$TMP/out" "^Usage: jzsim $cmd "
  [ -s "$TMP/err" ] && bad "$cmd --help wrote to stderr" || ok
done
# --gemeente is an option of the commands that project per gemeente only
for cmd in run measures mc sensitivity; do
  usage "$cmd" "option --gemeente needs a value$" "$EX" --gemeente
done
for cmd in calibrate backtest validate; do
  usage "$cmd" "unknown option '--gemeente'$" --gemeente GM0001 "$EX"
done
# the hints that go with 'one scenario at a time'
usage run "one scenario at a time; to put scenarios side by side use 'jzsim compare'$" "$EX" "$EX"
usage mc "one scenario at a time; for scenarios on the same draws use 'jzsim compare --draws N'$" "$EX" "$EX"
usage measures "one scenario at a time$" "$EX" "$EX"
# the lists of formats, as each command says them
usage run "--format must be table, csv or json (or xlsx or html with -o), got 'pdf'$" --format pdf "$EX"
usage sensitivity "--format must be table, csv, json or html, got 'pdf'$" --format pdf "$EX"
usage mc "--format must be table, csv or json, got 'html'$" --format html "$EX"
# formats that only go to a file
usage run "--format xlsx needs -o FILE$" --format xlsx "$EX"
usage run "--format html needs -o FILE$" --format=html -o - "$EX"
usage sensitivity "--format html needs -o FILE$" --format html "$EX"
# validate takes --quiet only, and any number of files
usage validate "unknown option '--format'$" --format json "$EX"
usage validate "no scenario file given$" -q
# init reads a template, not a scenario: it says which and where to start (Amersfoort walk-through)
usage init "no template given: copy scenarios/sjabloon/leeg.csv (Excel) or leeg.yml, fill it in, and give it: jzsim init -o mijn-gemeente.yaml mijn-sjabloon.csv (docs/eigen-gemeente.md)$" -q
expect_exit 0 "$JZ" validate "$EX" -q "$EX"
[ -s "$TMP/out" ] && bad "validate -q printed" || ok
expect_exit 0 "$JZ" validate "$EX" "$EX"
[ "$(grep -c '^ok ' "$TMP/out")" -eq 2 ] && ok || bad "validate of two files did not print two lines"
# typing mistakes get the nearest name: commands and options
expect_exit 2 "$JZ" comapre "$EX" "$EX"
expect_grep "$TMP/err" "'comapre' is not a jzsim command; did you mean 'compare'?"
expect_exit 2 "$JZ" compare --fromat html "$EX" "$EX"
expect_grep "$TMP/err" "unknown option '--fromat'; did you mean '--format'?"
expect_exit 2 "$JZ" run --outptu=x.csv "$EX"
expect_grep "$TMP/err" "did you mean '--output'?"
expect_exit 2 "$JZ" mc --draw 10 "$EX"
expect_grep "$TMP/err" "did you mean '--draws'?"
# -o naming a format by its extension without --format: refused (it wrote
# the text table into a "vergelijking.xlsx" Excel cannot open), no file
usage compare "-o $TMP/v.xlsx: without --format the file would hold the text table; add --format xlsx" -o "$TMP/v.xlsx" "$EX" "$EX"
[ -e "$TMP/v.xlsx" ] && bad "compare -o v.xlsx without --format wrote a file" || ok
usage run "-o $TMP/r.HTML: without --format .*add --format html" -o "$TMP/r.HTML" "$EX"
usage run "-o $TMP/r.csv: without --format .*add --format csv" -o "$TMP/r.csv" "$EX"
usage mc "-o $TMP/b.xlsx: mc writes no xlsx" --draws 10 -o "$TMP/b.xlsx" "$EX"
expect_exit 0 "$JZ" run -q -o "$TMP/r.txt" "$EX"
expect_exit 0 "$JZ" run -q --format table -o "$TMP/r2.csv" "$EX"   # asked for: written
expect_exit 0 "$JZ" run -q --format json -o "$TMP/r.json" "$EX"
finish
