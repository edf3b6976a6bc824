#!/bin/bash
# `jzsim compare --format html --interactive` (docs/werksessie.md):
#   - usage: --interactive goes with --format html (exit 2);
#   - a jzsim built without the werksessie engine says so, exit 2, no file;
#   - with the engine: one file, under 2 MB for Enschede; the static
#     briefing in it is byte for byte the one without --interactive (the
#     section is inserted, nothing else changes); the data island holds
#     every file of the extends chains, without the folder they share (no
#     one's folder names in a mailed file); nothing in the page loads from the
#     network (no src=, href= or url( to http).
# The browser test (tests/browser, ctest browser_werksessie) drives the page.
. "$(dirname "$0")/lib.inc"
cd "$SRC" || exit 1
E=scenarios/enschede
export SOURCE_DATE_EPOCH=1780000000

expect_exit 2 "$JZ" compare --interactive "$E/basis.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/err" "goes with --format html"
expect_exit 2 "$JZ" compare --format csv --interactive "$E/basis.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/err" "goes with --format html"

"$JZ" compare --format html --interactive -o "$TMP/ws.html" "$E/verbeterkansen.yaml" "$E/geen-maatregelen.yaml" \
  >"$TMP/out" 2>"$TMP/err"
rc=$?
if grep -q "built without the werksessie engine" "$TMP/err"; then
  # this jzsim has no engine: it says so before computing, exit 2, no file
  if [ "$rc" -eq 2 ]; then ok; else bad "without the engine: exit $rc, wanted 2"; fi
  if [ ! -e "$TMP/ws.html" ]; then ok; else bad "without the engine a file was written"; fi
  expect_grep "$TMP/err" "JZ_WERKSESSIE_ENGINE"
  finish
  exit $?
fi
if [ "$rc" -eq 0 ]; then ok; else bad "compare --interactive: exit $rc"; cat "$TMP/err" >&2; fi
size=$(stat -c %s "$TMP/ws.html")
if [ "$size" -lt 2097152 ]; then ok; else bad "the Enschede page is $size bytes, over 2 MB"; fi
"$JZ" compare --format html -o "$TMP/plain.html" "$E/verbeterkansen.yaml" "$E/geen-maatregelen.yaml" 2>/dev/null
python3 - "$TMP/ws.html" "$TMP/plain.html" <<'PY' || bad "the static briefing changed, or the section is malformed"
import re, sys
ws = open(sys.argv[1], encoding="utf-8").read()
plain = open(sys.argv[2], encoding="utf-8").read()
s = ws.index('<section id="jz-werksessie"')
e = ws.index('\n</script>\n', ws.index('<script>\n', s)) + len('\n</script>\n')
assert ws[:s] + ws[e:] == plain, "static part differs"
assert ws[:s].rstrip().endswith("</section>") or True
import json
data = ws[ws.index('id="jz-werksessie-data">', s) + len('id="jz-werksessie-data">'):]
data = json.loads(data[:data.index('</script>')])
paths = sorted(f["path"] for f in data["files"])
assert paths == ["basis.yaml", "geen-maatregelen.yaml",
                 "hervormingsagenda-tabel-3-3a.yaml", "hervormingsagenda.yaml",
                 "verbeterkansen.yaml"], paths
sc = data["scenarios"][0]
assert len(sc["sliders"]) == 4 and sc["sliders"][0]["path"] == "zorgsoorten[ambulant].zorgduur", sc["sliders"]
assert len(sc["measures"]) == 19, len(sc["measures"])
assert data["labels"]["beinvloedbaar"] == "Beïnvloedbaar tekort"
assert not re.search(r'(src|href)\s*=\s*["\']?https?:|url\(\s*["\']?https?:', ws), "a network reference"
PY
ok
finish
