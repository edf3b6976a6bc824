#!/bin/sh
# ctest browser_werksessie: the werksessie in the Debian chromium, driven by
# puppeteer-core (werksessie.test.js; docs/werksessie.md).
#   run.sh JZSIM SRCDIR OUTDIR
# Writes the Enschede page (the shipped default comparison, the scenario with
# measures first) and a Twente page, then runs the test on them; its last
# line is the timing for bench/README.md.  Exits 77 (skipped, with the
# reason) when this jzsim has no werksessie engine, or node, chromium or the
# npm packages (npm ci --prefix tests/browser) are missing.
set -u
JZ=$1
SRC=$2
OUT=$3
skip() { echo "skipped: $*"; exit 77; }
cd "$SRC" || exit 1
export SOURCE_DATE_EPOCH=1780000000
rm -rf "$OUT" && mkdir -p "$OUT"
E=scenarios/enschede
"$JZ" compare --quiet --format html --interactive -o "$OUT/enschede.html" \
  $E/verbeterkansen.yaml $E/geen-maatregelen.yaml $E/hervormingsagenda.yaml $E/hervormingsagenda-zeker.yaml \
  $E/uitstroom-stagneert.yaml 2>"$OUT/err"
rc=$?
if grep -q "built without the werksessie engine" "$OUT/err"; then
  skip "this jzsim was built without the werksessie engine (emscripten; docs/werksessie.md)"
fi
[ "$rc" -eq 0 ] || { cat "$OUT/err"; exit 1; }
command -v node >/dev/null 2>&1 || skip "node is not installed"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed"
[ -d tests/browser/node_modules/puppeteer-core ] ||
  skip "the npm packages are not installed: npm ci --prefix tests/browser"
"$JZ" compare --quiet --format html --interactive -o "$OUT/twente.html" \
  scenarios/twente/regio.yaml $E/basis.yaml || exit 1
# the werksessie of one gemeente of the region (--gemeente), as the briefing shows it
"$JZ" compare --quiet --format html --interactive --gemeente Hengelo -o "$OUT/hengelo.html" \
  scenarios/twente/regio.yaml $E/basis.yaml || exit 1
# a scenario that names its own sliders (werksessie.sliders)
"$JZ" compare --quiet --format html --interactive -o "$OUT/named.html" \
  $E/werksessie.yaml $E/geen-maatregelen.yaml || exit 1
# Hervormingsagenda rows that save in the base year (realisatie)
"$JZ" compare --quiet --format html --interactive -o "$OUT/measures.html" \
  tests/data/measures/ten.yaml tests/data/measures/base.yaml || exit 1
node tests/browser/werksessie.test.js --jzsim "$JZ" --page "$OUT/enschede.html" --twente "$OUT/twente.html" \
  --named "$OUT/named.html" --gemeente-page "$OUT/hengelo.html" --measures "$OUT/measures.html" \
  --out "$OUT" --chromium "${CHROMIUM:-/usr/bin/chromium}"
