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
#   - a scenario's own sliders (`werksessie.sliders`): located load errors
#     for every command; with the engine, the island holds exactly them;
#   - --gemeente: the island names the gemeente the briefing shows (null for
#     the region: by default, all, TOTAL) and which scenarios have it;
#   - an engine in share/jzsim beside the jzsim executable (an installed
#     jzsim) is the one the page gets, not the build tree's.
# The browser test (tests/browser, ctest browser_werksessie) drives the page.
. "$(dirname "$0")/lib.inc"
cd "$SRC" || exit 1
E=scenarios/enschede
export SOURCE_DATE_EPOCH=1780000000

expect_exit 2 "$JZ" compare --interactive "$E/basis.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/err" "goes with --format html"
expect_exit 2 "$JZ" compare --format csv --interactive "$E/basis.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/err" "goes with --format html"

# werksessie.sliders: checked by the loader, so by every command (validate here)
sliders() { # FILE, then the slider items as YAML lines
  local f="$TMP/$1"; shift
  { echo "extends: \"$SRC/$E/verbeterkansen.yaml\""
    echo "meta: {name: Schuifjes, description: een test}"
    echo "werksessie:"
    echo "  sliders:"
    printf '%s\n' "$@"; } >"$f"
}
sliders typo.yaml '    - {input: "zorgsoorten[ambulant].zorgdur", low: 10, high: 20}'
expect_exit 2 "$JZ" validate "$TMP/typo.yaml"
expect_grep "$TMP/err" "typo.yaml:5:15: werksessie.sliders: this scenario sets no input 'zorgsoorten\[ambulant\].zorgdur'; did you mean 'zorgsoorten\[ambulant\].zorgduur'?"
sliders order.yaml '    - {input: "zorgsoorten[residentieel].zorgduur", low: 20, high: 10}'
expect_exit 2 "$JZ" validate "$TMP/order.yaml"
expect_grep "$TMP/err" "order.yaml:5:.*low (20) must be below high (10)"
sliders equal.yaml '    - {input: "zorgsoorten[residentieel].zorgduur", low: 14, high: 14}'
expect_exit 2 "$JZ" validate "$TMP/equal.yaml"
expect_grep "$TMP/err" "must be below high"
sliders outside.yaml '    - {input: "zorgsoorten[residentieel].zorgduur", low: 15, high: 20}'
expect_exit 2 "$JZ" validate "$TMP/outside.yaml"
expect_grep "$TMP/err" "the value as written, 14 months.*lies outside low 15 .. high 20"
sliders long.yaml '    - {input: "zorgsoorten[ambulant].zorgduur", label: "Zorgduur van de ambulante jeugdhulp in maanden, gemeten vanaf de start tot het einde van de zorg"}'
expect_exit 2 "$JZ" validate "$TMP/long.yaml"
expect_grep "$TMP/err" "long.yaml:5:.*label: too long; a slider's label is at most 80 characters, this one has 96"
sliders norange.yaml '    - {input: "zorgsoorten[residentieel].zorgduur"}'
expect_exit 2 "$JZ" validate "$TMP/norange.yaml"
expect_grep "$TMP/err" "needs low and high, in months"
sliders series.yaml '    - {input: "zorgsoorten[ambulant].intensity_trend", low: 0, high: 5%}'
expect_exit 2 "$JZ" validate "$TMP/series.yaml"
expect_grep "$TMP/err" "a slider moves one value for every projected year"
# as the page's saved variant writes a slider: the realised base year as written, then the value
sliders kept.yaml '    - {input: "zorgsoorten[residentieel].zorgduur", low: 10, high: 20}'
printf 'zorgsoorten:\n  - {key: residentieel, zorgduur: {2022: 14, 2023: 18}}\n' >>"$TMP/kept.yaml"
expect_exit 0 "$JZ" validate "$TMP/kept.yaml"
sliders measure.yaml '    - {input: "measures[B2].realisation", low: 0, high: 1}'
expect_exit 2 "$JZ" validate "$TMP/measure.yaml"
expect_grep "$TMP/err" "every measure already has a switch and a realisation"
sliders twice.yaml '    - {input: "zorgsoorten[ambulant].zorgduur"}' '    - {input: "zorgsoorten[ambulant].zorgduur"}'
expect_exit 2 "$JZ" validate "$TMP/twice.yaml"
expect_grep "$TMP/err" "twice.yaml:6:.*listed twice"
sliders key.yaml '    - {input: "zorgsoorten[ambulant].zorgduur", hoog: 20}'
expect_exit 2 "$JZ" validate "$TMP/key.yaml"
expect_grep "$TMP/err" "key.yaml:5:.*hoog"
# the shipped example loads, and a slider list changes no figure
expect_exit 0 "$JZ" run --format csv "$E/werksessie.yaml"
cp "$TMP/out" "$TMP/ws-run.csv"
expect_exit 0 "$JZ" run --format csv "$E/verbeterkansen.yaml"
if cmp -s <(sed 's/^"[^"]*",//' "$TMP/out") <(sed 's/^"[^"]*",//' "$TMP/ws-run.csv"); then ok; else
  bad "werksessie.yaml projects other figures than verbeterkansen.yaml"; fi

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
assert sc["sliders_named"] is False
PY
ok

# a scenario's own sliders: exactly its list, in its order, with its labels and ranges
"$JZ" compare --format html --interactive -o "$TMP/named.html" "$E/werksessie.yaml" "$E/geen-maatregelen.yaml" \
  >"$TMP/out" 2>"$TMP/err" || bad "compare --interactive werksessie.yaml: $(head -3 "$TMP/err")"
python3 - "$TMP/named.html" "$TMP/ws.html" <<'PY' || bad "the named sliders are not in the page's data"
import json, sys
def island(f):
    ws = open(f, encoding="utf-8").read()
    data = ws[ws.index('id="jz-werksessie-data">') + len('id="jz-werksessie-data">'):]
    return json.loads(data[:data.index('</script>')])
data = island(sys.argv[1])
sc, ref = data["scenarios"]
# an uncertain input without low and high: the range the default sliders give it (the tornado's)
default = {s["path"]: s for s in island(sys.argv[2])["scenarios"][0]["sliders"]}
assert sc["sliders_named"] is True and ref["sliders_named"] is False
got = [(s["path"], s["label"], s["unit"], s["point"], s["low"], s["high"]) for s in sc["sliders"]]
u = lambda p: (default[p]["point"], default[p]["low"], default[p]["high"])
want = [("zorgsoorten[ambulant].zorgduur", "Zorgduur ambulant (maanden)", "months", *u("zorgsoorten[ambulant].zorgduur")),
        ("zorgsoorten[ambulant].instroom.per_1000", "Nieuwe starts ambulant per 1.000 jeugdigen",
         "per 1,000 youth/yr", *u("zorgsoorten[ambulant].instroom.per_1000")),
        ("zorgsoorten[residentieel].zorgduur", "Zorgduur residentieel verblijf (maanden)", "months", 14, 10, 20),
        ("zorgsoorten[residentieel].instroom.per_1000", "Nieuwe starts residentieel per 1.000 jeugdigen",
         "per 1,000 youth/yr", 1.69, 1.2, 2.2),
        ("zorgsoorten[residentieel].cost", "Kosten per cliëntjaar residentieel", "euros", *u("zorgsoorten[residentieel].cost")),
        ("zorgsoorten[jeugdbescherming].zorgduur", "Duur jeugdbescherming (maanden)", "months", 30, 24, 36)]
for g, w in zip(got, want):
    assert g[:3] == w[:3] and all(abs(a - b) <= 1e-9 * abs(b) for a, b in zip(g[3:], w[3:])), (g, w)
assert len(got) == len(want), got
# the realised base year: every slider and realisation moves the years after it and keeps its values
assert sc["base_year"] == 2022, sc.get("base_year")
for s in sc["sliders"]:
    assert s["keep"] == [s["point"]], s
assert all(m["keep"] == [1] for m in sc["measures"] if m["type"] == "hervormingsagenda"), sc["measures"]
assert "werksessie.yaml" in [f["path"] for f in data["files"]]
PY
ok

# --gemeente: the page works on the gemeente the briefing shows (its code
# and name in the data island, whether each scenario has it), the region
# total by default, with --gemeente all and --gemeente TOTAL
T=scenarios/twente/regio.yaml
for g in Hengelo GM0164 all TOTAL ""; do
  "$JZ" compare --format html --interactive ${g:+--gemeente "$g"} -o "$TMP/g.html" "$T" "$E/basis.yaml" \
    >"$TMP/out" 2>"$TMP/err" || bad "compare --interactive --gemeente '$g': $(head -3 "$TMP/err")"
  python3 - "$TMP/g.html" "$g" <<'PY' || bad "--gemeente '$g': the werksessie's data does not name the briefing's gemeente"
import json, sys
ws = open(sys.argv[1], encoding="utf-8").read()
data = ws[ws.index('id="jz-werksessie-data">') + len('id="jz-werksessie-data">'):]
data = json.loads(data[:data.index('</script>')])
if sys.argv[2] in ("Hengelo", "GM0164"):
    assert data["gemeente"] == {"code": "GM0164", "name": "Hengelo"}, data.get("gemeente")
    assert [s["has_gemeente"] for s in data["scenarios"]] == [True, False], data["scenarios"]
    assert "<p class=\"meta\">Gemeente Hengelo" in ws   # the static briefing shows the same
else:
    assert data["gemeente"] is None, data.get("gemeente")
    assert all("has_gemeente" not in s for s in data["scenarios"])
PY
done
ok

# an installed jzsim reads the engine installed beside it (share/jzsim), not the build tree's
mkdir -p "$TMP/root/bin" "$TMP/root/share/jzsim"
cp "$JZ" "$TMP/root/bin/jzsim"
python3 - "$TMP/ws.html" "$TMP/root/share/jzsim/werksessie.js" <<'PY'
import sys
ws = open(sys.argv[1], encoding="utf-8").read()
s = ws.index('<script>\n', ws.index('id="jz-werksessie-data">')) + len('<script>\n')
open(sys.argv[2], "w", encoding="utf-8").write(ws[s:ws.index('\n</script>\n', s)] + "\n/* the installed copy */")
PY
(unset JZSIM_DATADIR; "$TMP/root/bin/jzsim" compare --format html --interactive -o "$TMP/inst.html" \
  "$E/verbeterkansen.yaml" "$E/geen-maatregelen.yaml" >"$TMP/out" 2>"$TMP/err") || bad "installed jzsim: $(head -3 "$TMP/err")"
expect_grep "$TMP/inst.html" "the installed copy"
finish
