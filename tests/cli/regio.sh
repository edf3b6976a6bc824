#!/bin/bash
# Regional arrangements (docs/regio.md): a verevening in the run's CSV and
# JSON (differences sum to 0, shares to the pooled cost, the region is the
# sum of the gemeenten), the gemeenten side by side in the table, the shift
# between two keys in `jzsim compare`, and bad input as a located error with
# exit 2.
. "$(dirname "$0")/lib.inc"
D="$(cd "$SRC/tests/data/regio" && pwd)"

expect_exit 0 "$JZ" run --format csv --gemeente all "$D/drie.yaml"
cp "$TMP/out" "$TMP/drie.csv"
python3 - "$TMP/drie.csv" <<'PY' && ok || bad "verevening in the CSV does not add up or differs from the hand-computed shares"
import csv, sys
v = {}
for row in csv.reader(open(sys.argv[1])):
    if row[0] == "scenario" or row[3] or not row[6]:
        continue
    v[(row[1], int(row[4]), row[5])] = float(row[6])
# key jeugd 10/30/60% of 1M + 2M + 7M
want = {"GM0001": 1e6, "GM0002": 3e6, "GM0003": 6e6}
for y in (2024, 2025, 2026):
    d = sum(v[(g, y, "verevening")] for g in want)
    assert abs(d) < 1e-9 * 10e6, d
    for g, pay in want.items():
        assert abs(v[(g, y, "verevening_aandeel")] - pay) < 1e-3, (g, y)
    for k in ("cost", "tekort", "verevening", "verevening_aandeel", "verevening_eigen", "niet_beinvloedbaar"):
        assert abs(v[("TOTAL", y, k)] - sum(v[(g, y, k)] for g in want)) < 1e-3, (k, y)
    assert abs(v[("GM0002", y, "cost_per_youth")] - v[("GM0002", y, "cost")] / 3000) < 1e-6
PY

# the table: the verevening line and the gemeenten side by side
expect_exit 0 "$JZ" run "$D/drie.yaml"
expect_grep "$TMP/out" "Verevening (regio)"
expect_grep "$TMP/out" "Gemeenten naast elkaar"
expect_grep "$TMP/out" "Kosten per jeugdige"
expect_exit 0 "$JZ" run --lang en "$D/drie.yaml"
expect_grep "$TMP/out" "Regional pooling"

# two keys side by side: the shift per gemeente
cat > "$TMP/tabel.yaml" <<'Y'
extends: DIR/drie.yaml
meta: {name: "Drie, tabel", description: De vaste tabel in plaats van de jeugd.}
regio:
  verevening:
    sleutel: tabel
    tabel: {GM0001: 50%, GM0002: 30%, GM0003: 20%}
Y
sed -i "s#DIR#$D#" "$TMP/tabel.yaml"
expect_exit 0 "$JZ" compare --format csv --gemeente all "$D/drie.yaml" "$TMP/tabel.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "compare of two keys does not show the shift per gemeente"
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1]))]
h = rows[0]
ix = {k: h.index(k) for k in h}
got = {}
for r in rows[1:]:
    if r[ix["metric"]] == "verevening" and r[ix["year"]] == "2025" and not r[ix["zorgsoort"]]:
        got[(r[ix["scenario_index"]] if "scenario_index" in ix else r[0], r[ix["gemeente_code"]])] = float(r[ix["value"]])
# jeugd: 0, +1M, -1M; tabel 50/30/20%: +4M, +1M, -5M
assert abs(got[("1", "GM0001")]) < 1e-3 and abs(got[("2", "GM0001")] - 4e6) < 1e-3, got
assert abs(got[("2", "GM0003")] + 5e6) < 1e-3, got
PY

# bad input: located errors, exit 2
bad_regio() { # NAME REGEX; the regio section on stdin
  { sed '/^regio:/,$d' "$D/drie.yaml"; cat; } > "$TMP/$1.yaml"
  expect_exit 2 "$JZ" run "$TMP/$1.yaml"
  if grep -Eq -- "$2" "$TMP/err"; then ok; else bad "$1: '$2' not in: $(cat "$TMP/err")"; fi
}
bad_regio sum 'drie|sum\.yaml:[0-9]+:[0-9]+: regio.verevening.tabel: the shares must sum to 100%' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel, tabel: {GM0001: 50%, GM0002: 30%, GM0003: 10%}}
Y
bad_regio typo 'typo\.yaml:[0-9]+:[0-9]+: .*did you mean .Beedorp.' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: tabel, tabel: {GM0001: 50%, Beedrop: 30%, GM0003: 20%}}
Y
bad_regio zorgsoort 'zorgsoort\.yaml:[0-9]+:[0-9]+: .*unknown zorgsoort .jzp.' <<'Y'
regio:
  verevening: {zorgsoorten: [jzp], sleutel: jeugd}
Y
bad_regio drempel 'drempel\.yaml:[0-9]+:[0-9]+: .*must be >= 0' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd, drempel: {bedrag: -1}}
Y
bad_regio jaar 'jaar\.yaml:[0-9]+:[0-9]+: .*2020 is outside this run' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: gebruik, gebruik: {jaren: 2020}}
Y
bad_regio mix 'mix\.yaml:[0-9]+:[0-9]+: .*weights of the mix must sum to 100%' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: {jeugd: 60%, gebruik: 60%}, gebruik: {jaren: 2024}}
Y
# a contract with a lumpsum (contract.yaml): ambulant costs each gemeente 1M
# at price x volume; the lumpsum of 5M in 2025-2026 is shared by youth
# (0.5M, 1.5M, 3M); 2024 has no lumpsum
expect_exit 0 "$JZ" run --format csv --gemeente all "$D/contract.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "contract: the shares of the lumpsum differ from the hand-computed ones or do not add up"
import csv, sys
v = {}
for row in csv.reader(open(sys.argv[1])):
    if row[0] == "scenario" or row[3] or not row[6]:
        continue
    v[(row[1], int(row[4]), row[5])] = float(row[6])
want = {"GM0001": 0.5e6, "GM0002": 1.5e6, "GM0003": 3e6}
for g in want:
    assert v[(g, 2024, "contract")] == 0 and v[(g, 2024, "contract_aandeel")] == 0, g
for y in (2025, 2026):
    assert abs(sum(v[(g, y, "contract_aandeel")] for g in want) - 5e6) < 1e-3, y
    for g, pay in want.items():
        assert abs(v[(g, y, "contract_aandeel")] - pay) < 1e-3, (g, y)
        assert abs(v[(g, y, "contract_eigen")] - 1e6) < 1e-3, (g, y)
        assert abs(v[(g, y, "contract")] - (pay - 1e6)) < 1e-3, (g, y)
        # the difference is in cost, tekort and niet-beinvloedbaar: 2025 vs 2024 moves by it
        assert abs(v[(g, y, "cost")] - v[(g, 2024, "cost")] - (pay - 1e6)) < 1e-3, (g, y)
        assert abs(v[(g, y, "niet_beinvloedbaar")] + v[(g, y, "beinvloedbaar")] - v[(g, y, "tekort")]) < 1e-3
    for k in ("cost", "tekort", "contract", "contract_aandeel", "contract_eigen", "niet_beinvloedbaar"):
        assert abs(v[("TOTAL", y, k)] - sum(v[(g, y, k)] for g in want)) < 1e-3, (k, y)
PY
expect_exit 0 "$JZ" run "$D/contract.yaml"
expect_grep "$TMP/out" "Lumpsumcontract (regio)"
bad_regio csum 'csum\.yaml:[0-9]+:[0-9]+: regio.contracten\[0\].tabel: the shares must sum to 100%' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulant], lumpsum: 5M, sleutel: tabel, tabel: {GM0001: 50%, GM0002: 30%, GM0003: 10%}}]
Y
bad_regio ctypo 'ctypo\.yaml:[0-9]+:[0-9]+: .*did you mean .Beedorp.' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulant], lumpsum: 5M, sleutel: tabel, tabel: {GM0001: 50%, Beedrop: 30%, GM0003: 20%}}]
Y
bad_regio czorg 'czorg\.yaml:[0-9]+:[0-9]+: .*unknown zorgsoort .ambulnt.' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulnt], lumpsum: 5M, sleutel: jeugd}]
Y
bad_regio cjaar 'cjaar\.yaml:[0-9]+:[0-9]+: regio.contracten\[0\].lumpsum: 2030 is outside this run \(2024-2026\)' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulant], lumpsum: {2025: 5M, 2030: 5M}, sleutel: jeugd}]
Y
bad_regio cneg 'cneg\.yaml:[0-9]+:[0-9]+: .*lumpsum' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulant], lumpsum: -5M, sleutel: jeugd}]
Y
bad_regio ctwice 'ctwice\.yaml:[0-9]+:[0-9]+: regio.contracten\[1\].zorgsoorten: .jeugdzorgplus. is already in the verevening or another contract' <<'Y'
regio:
  verevening: {zorgsoorten: [jeugdzorgplus], sleutel: jeugd}
  contracten:
    - {zorgsoorten: [ambulant], lumpsum: 5M, sleutel: jeugd}
    - {zorgsoorten: [jeugdzorgplus], lumpsum: 5M, sleutel: jeugd}
Y
bad_regio ckey 'ckey\.yaml:[0-9]+:[0-9]+: .*lumpsum' <<'Y'
regio:
  contracten: [{zorgsoorten: [ambulant], sleutel: jeugd}]
Y
# the Monte Carlo of a gemeente in a region with a verevening: its point
# (the draw at the point values) is the run's tekort with the verevening in
# it, and the draws are the same for 1 and 2 threads
TWV="$SRC/scenarios/twente/verevening-gebruik.yaml"
expect_exit 0 "$JZ" run --format json --gemeente GM0164 -o "$TMP/vrun.json" "$TWV"
expect_exit 0 "$JZ" mc --draws 16 --threads 1 --format json --gemeente GM0164 -o "$TMP/vmc1.json" "$TWV"
expect_exit 0 "$JZ" mc --draws 16 --threads 2 --format json --gemeente GM0164 -o "$TMP/vmc2.json" "$TWV"
python3 - "$TMP/vrun.json" "$TMP/vmc1.json" "$TMP/vmc2.json" <<'PY' && ok || bad "mc with a verevening"
import json, sys
run, m1, m2 = (json.load(open(f)) for f in sys.argv[1:])
t = run["results"][0]["totals"]
assert any(abs(v) > 1 for v in t["verevening"]), "the verevening should move Hengelo's cost"
for a, b in zip(m1["figures"]["tekort"]["point"], t["tekort"]):
    assert abs(a - b) <= 1e-9 * abs(b), (a, b)
assert m1["figures"] == m2["figures"]
PY
# issue 16: the tekort per inhabitant.  Without population.inhabitants it is
# n.b.: an empty CSV field, null in JSON, "n.b." in the table, never 0
expect_exit 0 "$JZ" run --format csv --gemeente all "$D/drie.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "tekort per inhabitant without inhabitants is not empty"
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if r[5] in ("tekort_per_inhabitant", "inhabitants")]
assert len(rows) == 2 * 4 * 3, len(rows)
assert all(r[6] == "" for r in rows), rows[:3]
PY
expect_exit 0 "$JZ" run --format json "$D/drie.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "tekort per inhabitant without inhabitants is not null in JSON"
import json, sys
for u in json.load(open(sys.argv[1]))["results"]:
    assert u["totals"]["tekort_per_inhabitant"] == [None] * 3, u["code"]
PY
expect_exit 0 "$JZ" run "$D/drie.yaml"
if grep -A3 "^Tekort per inwoner" "$TMP/out" | grep -q "Aastad  *n\.b\."; then ok; else bad "table: no n.b. for Aastad"; fi

# Twente: every gemeente has its inhabitants (CBS); the ratio is tekort /
# inhabitants of the same result, the region's inhabitants the sum
TW="$SRC/scenarios/twente/regio.yaml"
# a gemeente typed in another case or with a slip: refused (names and
# codes are exact), with the one meant
expect_exit 2 "$JZ" run --gemeente hengelo "$TW"
expect_grep "$TMP/err" "no gemeente 'hengelo' in .*regio.yaml; did you mean 'Hengelo' (GM0164)?"
expect_exit 2 "$JZ" run --gemeente gm0164 "$TW"
expect_grep "$TMP/err" "did you mean 'Hengelo' (GM0164)?"
expect_exit 2 "$JZ" run --gemeente Enchede "$TW"
expect_grep "$TMP/err" "did you mean 'Enschede' (GM0153)?"
expect_exit 2 "$JZ" run --gemeente Amsterdam "$TW"
grep -q "did you mean" "$TMP/err" && bad "a hint for a gemeente nowhere near: $(cat "$TMP/err")" || ok
# one digit from Almelo's GM0141 and from Borne's GM0147: no guess (the
# rule of jz_scenario_gemeente_nearest, also for a gemeente in a YAML file)
expect_exit 2 "$JZ" run --gemeente GM0146 "$TW"
grep -q "did you mean" "$TMP/err" && bad "a guess between two gemeenten: $(cat "$TMP/err")" || ok
printf 'extends: %s\nregio:\n  verevening:\n    zorgsoorten: [crisis]\n    sleutel: tabel\n    tabel: {HENGELO: 100%%}\n' "$TW" >"$TMP/near.yaml"
expect_exit 2 "$JZ" validate "$TMP/near.yaml"
expect_grep "$TMP/err" "near.yaml:6:.*gemeente 'HENGELO' is not in this scenario; did you mean 'Hengelo'?"
expect_exit 2 "$JZ" compare --gemeente almelo "$TW" "$SRC/scenarios/twente/verevening-gebruik.yaml"
expect_grep "$TMP/err" "no gemeente 'almelo' in these scenarios; did you mean 'Almelo' (GM0141)?"
# the briefing of one gemeente draws that gemeente's tornado, the inputs
# in the order 'jzsim sensitivity --gemeente' gives (it drew the region's:
# an axis of 100-150 mln under Hengelo's tekort of 12 mln)
tornado_inputs() { grep -o '<g data-input="[^"]*"' "$1" | tr '\n' ' '; }
expect_exit 0 "$JZ" compare -q --format html --gemeente Hengelo -o "$TMP/heng.html" "$TW" "$SRC/scenarios/twente/verevening-gebruik.yaml"
expect_exit 0 "$JZ" sensitivity -q --format html --gemeente Hengelo -o "$TMP/heng-t.html" "$TW"
expect_exit 0 "$JZ" sensitivity -q --format html -o "$TMP/tw-t.html" "$TW"
# (only the bars that move Hengelo's tekort: the other gemeenten' inputs
# are bars of width 0 there)
h=$(tornado_inputs "$TMP/heng.html") want=$(tornado_inputs "$TMP/heng-t.html") region=$(tornado_inputs "$TMP/tw-t.html")
case "$want" in "$h"*) same=1 ;; *) same=0 ;; esac
[ -n "$h" ] && [ $same = 1 ] && [ "$h" != "${region:0:${#h}}" ] && ! echo "$h" | grep -q 'GM0141' && ok ||
  bad "the Hengelo briefing's tornado: $h; want the start of $want"
# a difference the verschil table shows as 0,00 is a sliver in its chart,
# not a bar across it: Oldenzaal's costs differ by ~EUR 2.900 between the two
# (the axis ran 0 - 0,003 mln, the bar filled it)
expect_exit 0 "$JZ" compare -q --format html --gemeente Oldenzaal -o "$TMP/old.html" "$TW" "$TWV"
python3 - "$TMP/old.html" <<'PY' && ok || bad "the verschil chart of a difference under 0,01 mln spans less than 0,1 mln"
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.index('id="chart-verschil-ref-2"')
blk = s[i:s.index("</svg>", i)]
vals = [abs(float(v)) for v in re.findall(r'data-value="([^"]+)"', blk)]
ticks = [float(t.replace(",", ".")) for t in re.findall(r">(-?[0-9]+,[0-9]+)</text>", blk)]
assert 0 < max(vals) < 5e3, vals          # the table shows it as 0,00
assert max(ticks) - min(ticks) >= 0.1 - 1e-12, ticks
PY
# a verevening is a line of the cost (docs/model.md 14): the briefing's cost
# table has its row and adds up, the figure above each cost column is the
# table's Kosten totaal (it was the sum of the zorgsoorten and vaste lasten:
# Almelo 82,4 above a total of 82,3), the waterfall has the verevening's bar
# and the split is shown (it was "niet beschikbaar"), the summary names it
expect_exit 0 "$JZ" compare -q --format html --gemeente Almelo -o "$TMP/alm.html" "$TWV" "$TW"
python3 - "$TMP/alm.html" <<'PY' && ok || bad "Almelo's briefing with a verevening: cost chart, table or waterfall do not add up"
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
num = lambda t: float(t.replace(".", "").replace(",", "."))
i = s.index('id="chart-cost"')
chart = s[i:s.index("</svg>", i)]
tops = [num(v) for v in re.findall(r'<text [^>]*class="val">([-0-9.,]+)</text>', chart)]
tab = s[s.index('<table class="cost">'):]
tab = tab[:tab.index("</table>")]
rows = {}
for r in re.findall(r"<tr[^>]*><td>(.*?)</td>(.*?)</tr>", tab):
    rows[html.unescape(r[0])] = [num(v) for v in re.findall(r'<td class="n">([-0-9.,]+)</td>', r[1])]
total = rows.pop("Kosten totaal")
assert "Verevening (regio)" in rows and rows["Verevening (regio)"][1] < 0, rows.keys()
assert tops == total, (tops, total)
for b in range(len(total)):
    assert abs(sum(v[b] for v in rows.values()) - total[b]) <= 0.05 * len(rows), (b, total[b])
assert 'id="chart-waterfall-1"' in s and "niet beschikbaar" not in s
w = s[s.index('id="chart-waterfall-1"'):]
assert "Verevening (regio)" in w[:w.index("</svg>")]
assert "verschuivingen van buiten en de regionale afspraken)" in s
PY
expect_exit 0 "$JZ" run --format csv --gemeente all "$TW"
python3 - "$TMP/out" <<'PY' && ok || bad "Twente: tekort per inhabitant differs from tekort / inhabitants, or the region from the sum"
import csv, sys
v = {}
for r in csv.reader(open(sys.argv[1])):
    if r[0] != "scenario" and not r[3] and r[6]:
        v[(r[1], int(r[4]), r[5])] = float(r[6])
codes = sorted({k[0] for k in v if k[0] != "TOTAL"})
assert len(codes) == 14, codes
for y in range(2022, 2028):
    for g in codes + ["TOTAL"]:
        want = v[(g, y, "tekort")] / v[(g, y, "inhabitants")]
        assert abs(v[(g, y, "tekort_per_inhabitant")] - want) <= 1e-9 * abs(want), (g, y)
    assert abs(v[("TOTAL", y, "inhabitants")] - sum(v[(g, y, "inhabitants")] for g in codes)) < 1e-6, y
assert v[("GM0189", 2022, "inhabitants")] == 24637 and v[("GM0153", 2023, "inhabitants")] == 161303
PY
expect_exit 0 "$JZ" run "$TW"
expect_grep "$TMP/out" "Tekort per inwoner"
# the briefing names only the P&C years the run (2022-2027) covers
expect_exit 0 "$JZ" run --format html -o "$TMP/tw.html" "$TW"
if grep -q "meerjarenraming 2028" "$TMP/tw.html"; then bad "briefing names a meerjarenraming beyond the run"; else ok; fi
expect_grep "$TMP/tw.html" "jaarrekening 2025, lopend jaar 2026)"
expect_grep "$TMP/tw.html" 'id="chart-regio-tekort_per_inhabitant"'

# a lumpsum contract in the regional comparison: table, XLSX sheet
# "Gemeenten" and the briefing's sorted bars agree with the result
TC="$SRC/scenarios/twente/contract-lumpsum.yaml"
expect_exit 0 "$JZ" run --format csv --gemeente all -o "$TMP/tc.csv" "$TC"
expect_exit 0 "$JZ" run "$TC"
expect_grep "$TMP/out" "^Prijs x volume gecontracteerde zorg: "
expect_grep "$TMP/out" "^Aandeel in de lumpsum: "
expect_grep "$TMP/out" "^Lumpsumcontract (regio): aandeel - prijs x volume"
expect_exit 0 "$JZ" run --format html -o "$TMP/tc.html" "$TC"
expect_exit 0 "$JZ" run --format xlsx -o "$TMP/tc.xlsx" "$TC"
PYX=python3; [ -x /usr/bin/python3 ] && PYX=/usr/bin/python3
$PYX - "$TMP/tc.csv" "$TMP/tc.html" "$TMP/tc.xlsx" <<'PY' && ok || bad "contract figures in the briefing or the XLSX sheet differ from the run"
import csv, re, sys
v = {}
for r in csv.reader(open(sys.argv[1])):
    if r[0] != "scenario" and not r[3] and r[6]:
        v[(r[1], int(r[4]), r[5])] = float(r[6])
h = open(sys.argv[2], encoding="utf-8").read()
i = h.index('id="chart-regio-contract"')
sec = h[h.rfind("<section", 0, i):h.index("</section>", i)]
year = int(re.search(r"<h3>[^<]*, (\d{4})</h3>", sec).group(1))
assert year == 2026, year  # the summary year 2027 has no lumpsum: the last year with one
bars = re.findall(r'<rect data-gemeente="(GM\d{4})"', sec)
vals = [v[(g, year, "contract")] for g in bars]
assert len(bars) == 14 and vals == sorted(vals, reverse=True), vals
rows = re.findall(r"<tr(?: class=\"total\")?><td>([^<]*)</td>", sec)
assert len(rows) == 15 and rows[-1] == "Regio", rows
try:
    import openpyxl
except ImportError:
    sys.exit(0)
ws = openpyxl.load_workbook(sys.argv[3])["Gemeenten"]
hdr = [c.value for c in ws[3]]
col = hdr.index(str(year))
got = {(r[0], r[1]): r[col] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
for key, label in (("contract", "Lumpsumcontract (regio)"), ("contract_aandeel", "Aandeel in de lumpsum"),
                   ("contract_eigen", "Prijs x volume gecontracteerde zorg"), ("tekort_per_inhabitant", "Tekort per inwoner")):
    for g in bars + ["TOTAL"]:
        assert abs(got[(label, g)] - v[(g, year, key)]) <= 1e-6 * max(1, abs(v[(g, year, key)])), (key, g)
    if key != "tekort_per_inhabitant":
        assert abs(sum(got[(label, g)] for g in bars) - got[(label, "TOTAL")]) < 1e-3, key
PY

# bad input: located errors, exit 2
for bad_inh in "-5:must be >= 0" "0:at least 1 person" "veel:inhabitants"; do
  sed "s/population: {youth: 3000}/population: {youth: 3000, inhabitants: ${bad_inh%%:*}}/" "$D/drie.yaml" > "$TMP/inh.yaml"
  expect_exit 2 "$JZ" run "$TMP/inh.yaml"
  if grep -Eq -- "inh\.yaml:[0-9]+:[0-9]+: .*${bad_inh#*:}" "$TMP/err"; then ok; else bad "inhabitants ${bad_inh%%:*}: $(cat "$TMP/err")"; fi
done
finish
