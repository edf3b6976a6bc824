#!/bin/bash
# Terminal tables at any magnitude: figures of 10^12 euros (a national
# scenario, or a typing mistake) never make two columns touch and are never
# cut short, in run, compare and measures tables, in Dutch and English.
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/compare"
HUGE="$D/huge.yaml"

# touching: a figure (digit, %, or the … of a cut value) directly followed by
# the next one (€, a sign, or a digit after the ellipsis)
layout() { # FILE WHAT
  if python3 - "$1" <<'PY'
import re, sys
bad = re.compile(r"[0-9%]([+-]?€)|[0-9][.,][0-9]+…|€ ?[0-9.,]*…")
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if bad.search(line):
        sys.exit(f"line {n}: {line.rstrip()}")
    if len(line.rstrip("\n")) > 130:
        sys.exit(f"line {n} is {len(line)} characters wide")
PY
  then ok; else bad "columns touch or are cut: $2"; fi
}

for lang in nl en; do
  expect_exit 0 "$JZ" run --lang $lang "$HUGE"
  layout "$TMP/out" "run $lang"
  expect_grep "$TMP/out" "1.294.820.483.824\|1,294,820,483,824"
  expect_exit 0 "$JZ" compare --lang $lang "$D/a.yaml" "$HUGE"
  layout "$TMP/out" "compare $lang"
  expect_grep "$TMP/out" "1.294.820.483.824\|1,294,820,483,824"
  expect_exit 0 "$JZ" compare --lang $lang --gemeente all "$HUGE" "$D/a.yaml" "$D/b.yaml" "$D/c.yaml" "$HUGE" "$HUGE"
  layout "$TMP/out" "compare six $lang"
done
# the money table switches to millions and says so
expect_exit 0 "$JZ" run "$HUGE"
expect_grep "$TMP/out" "bedragen in miljoenen euro's"
# realised years are marked
expect_grep "$TMP/out" "^2024 R "
expect_grep "$TMP/out" "R = realisatie (2024"
expect_exit 0 "$JZ" compare "$D/a.yaml" "$D/b.yaml"
expect_grep "$TMP/out" "^2024 R "
# the shipped scenarios still lay out at their normal width (100)
for s in "$SRC"/scenarios/*.yaml "$SRC"/scenarios/*/*.yaml; do
  expect_exit 0 "$JZ" run "$s"
  layout "$TMP/out" "run $(basename "$s")"
done
# a zorgsoort's name is never cut ("Ambulante jeugdhulp (OB…", "Jeugdhulp
# ambulant (6.7…" read as another taakveld): a longer one goes on below its
# row, whole, in run, compare (also the verschillenanalyse) and mc tables
E="$SRC/scenarios/enschede"
names() { # FILE WHAT: no cut name, and the Enschede names whole once joined
  if python3 - "$1" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
for n, line in enumerate(lines, 1):
    if re.match(r"^(Ambulante|Daghulp|Residenti|Crisishulp|Jeugdbescherming|Verlengde|Jeugdhulp)[^0-9€]*…", line):
        sys.exit(f"line {n} cuts a name: {line}")
text = "\n".join(lines)
joined = re.sub(r"(?: +[-€0-9.,+ %]*)?\n  ", " ", text)
for name in ["Ambulante jeugdhulp (OB1-OB4, incl. GGZ)", "Residentiële jeugdhulp (groepen, LTA, WVHS, kortdurend verblijf)"]:
    if name not in joined:
        sys.exit(f"'{name}' is not shown whole")
PY
  then ok; else bad "a name cut: $2"; fi
}
for lang in nl en; do
  expect_exit 0 "$JZ" run --lang $lang "$E/basis.yaml"
  names "$TMP/out" "run $lang"
  expect_exit 0 "$JZ" compare --lang $lang "$E/geen-maatregelen.yaml" "$E/hervormingsagenda.yaml"
  names "$TMP/out" "compare $lang"
  expect_exit 0 "$JZ" mc --lang $lang --draws 20 "$E/basis.yaml"
  names "$TMP/out" "mc $lang"
done

finish
