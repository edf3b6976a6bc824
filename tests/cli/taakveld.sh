#!/bin/bash
# Iv3 taakvelden (docs/scenario-format.md `taakveld`, docs/output-format.md):
# per format, the totals per taakveld equal the sum of their zorgsoorten; a
# taakveld that does not exist is a located error with exit 2.
. "$(dirname "$0")/lib.inc"
SC="$SRC/scenarios/enschede/basis.yaml"

expect_exit 0 "$JZ" run --format json "$SC"
cp "$TMP/out" "$TMP/run.json"
python3 - "$TMP/run.json" <<'PY' && ok || bad "json: taakveld totals are not the sum of their zorgsoorten"
import json, sys
d = json.load(open(sys.argv[1]))
tv = {z["key"]: z["taakveld"] for z in d["zorgsoorten"]}
n = 0
for res in d["results"]:
    assert res["taakvelden"], "no taakvelden"
    assert "overig" in res["taakvelden"], "no line outside the taakvelden (Enschede has fixed lines)"
    for m in ("cost", "budget", "tekort"):   # the lines add up to the totals
        for y in range(len(d["years"])):
            s = sum(t[m][y] for t in res["taakvelden"].values())
            assert abs(s - res["totals"][m][y]) <= 1e-9 * max(1.0, abs(s)), (m, y, s)
    for code, t in res["taakvelden"].items():
        if code == "overig":
            continue
        keys = [k for k, c in tv.items() if c == code]
        assert sorted(keys) == sorted(t["zorgsoorten"]), (code, keys)
        for m in ("client_years", "cost", "budget", "tekort"):
            for y in range(len(d["years"])):
                s = sum(res["zorgsoorten"][k][m][y] for k in keys)
                assert abs(s - t[m][y]) <= 1e-9 * max(1.0, abs(s)), (code, m, y, s, t[m][y])
                n += 1
assert n > 0
PY

# Enschede's line outside the taakvelden is its fixed lines, budgeted at
# their cost: its tekort is exactly 0 (it was total - sum of the taakvelden,
# a residue such as -1.9e-9 that the workbook showed as "EUR -0")
python3 - "$TMP/run.json" <<'PY' && ok || bad "json: the tekort outside the taakvelden is not exactly 0"
import json, sys
d = json.load(open(sys.argv[1]))
for res in d["results"]:
    o = res["taakvelden"]["overig"]
    assert all(v == 0 for v in o["tekort"]), o["tekort"]
    assert all(c == b and c > 0 for c, b in zip(o["cost"], o["budget"])), (o["cost"], o["budget"])
PY

expect_exit 0 "$JZ" run --format csv "$SC"
cp "$TMP/out" "$TMP/run.csv"
python3 - "$TMP/run.csv" "$TMP/run.json" <<'PY' && ok || bad "csv: taakveld totals are not the sum of their zorgsoorten"
import csv, json, sys
tv = {z["key"]: z["taakveld"] for z in json.load(open(sys.argv[2]))["zorgsoorten"]}
cell, tot = {}, {}
for row in list(csv.reader(open(sys.argv[1])))[1:]:
    sc, code, gm, z, y, m, v = row
    if m.startswith("taakveld:"):
        _, c, f = m.split(":")
        assert z == ""
        tot[(code, c, f, y)] = float(v)
    elif z:
        cell[(code, z, m, y)] = float(v)
assert tot and any(c == "overig" for (_, c, _, _) in tot)
gtot = {}
for row in list(csv.reader(open(sys.argv[1])))[1:]:
    if not row[3] and row[5] in ("cost", "budget", "tekort"):
        gtot[(row[1], row[5], row[4])] = float(row[6])
for (code, c, f, y), v in tot.items():
    if f in ("cost", "budget", "tekort"):   # the lines add up to the totals
        s = sum(x for (cd, cc, ff, yy), x in tot.items() if cd == code and ff == f and yy == y)
        assert abs(s - gtot[(code, f, y)]) <= 1e-6 * max(1.0, abs(s)), (f, y, s)
    if c == "overig":
        continue
    s = sum(cell[(code, k, f, y)] for k, t in tv.items() if t == c)
    assert abs(s - v) <= 1e-6 * max(1.0, abs(s)), (c, f, y, s, v)
PY

expect_exit 0 "$JZ" run --format table "$SC"
cp "$TMP/out" "$TMP/run.txt"
python3 - "$TMP/run.txt" "$TMP/run.json" <<'PY' && ok || bad "table: taakveld totals are not the sum of their zorgsoorten"
import json, re, sys
d = json.load(open(sys.argv[2]))
name_tv = {z["name"]: z["taakveld"] for z in d["zorgsoorten"]}
text = open(sys.argv[1]).read()
def num(s):
    return float(s.replace("€", "").replace(".", "").replace(" ", "").replace("−", "-"))
def section(title):
    """rows of every block titled `title`: name -> list of values over the years"""
    rows = {}
    for block in text.split("\n\n"):
        lines = block.strip("\n").split("\n")
        if lines[0] != title:
            continue
        last = None
        for line in lines[2:]:
            if line.startswith("  ") and last is not None:
                # a long name goes on below its row, whole
                vals = rows.pop(last)
                last = last + " " + line.strip()
                rows[last] = rows.get(last, []) + vals
                continue
            parts = re.split(r"\s{2,}", line.strip())
            last = parts[0]
            rows.setdefault(parts[0], []).extend(num(p) for p in parts[1:])
    return rows
cost = section("Kosten per zorgsoort")
tekort = section("Tekort per zorgsoort")
tv = section("Per taakveld (Iv3; zorgsoorten en vaste lasten op het taakveld; Overig: de rest van het totaal)")
assert tv, "no taakveld table"
assert "Overig kosten" in tv, "no line outside the taakvelden"
checked = 0
for code in set(name_tv.values()):
    for fig, src in (("kosten", cost), ("tekort", tekort)):
        def row_of(n):
            return src[n]
        rows = [row_of(n) for n, c in name_tv.items() if c == code]
        if code + " " + fig not in tv:   # left out: no money in any year
            assert all(v == 0 for r in rows for v in r), (code, fig)
            continue
        for y, v in enumerate(tv[code + " " + fig]):
            s = sum(r[y] for r in rows)
            assert abs(s - v) <= len(rows), (code, fig, y, s, v)  # rounding to whole euros
            checked += 1
assert checked > 0
PY

# XLSX: the scenario sheet has rows per taakveld and figure, the sums of the
# zorgsoort rows, named as the table, the briefing and the prognose name them
# (jz_text_taakveld_name: "6.72", "Overig"; it said "Taakveld 6.72" and
# "Overig (geen taakveld)"), in the column "Zorgsoort of taakveld", with the
# note on Overig under them (skipped when this build has no libxlsxwriter)
if "$JZ" run --format xlsx -o "$TMP/run.xlsx" "$SC" 2>"$TMP/err"; then
  python3 - "$TMP/run.xlsx" "$TMP/run.json" "$TMP/run.txt" <<'PY' && ok || bad "xlsx: taakveld totals are not the sum of their zorgsoorten, or named otherwise than in the table"
import json, re, sys, zipfile
from xml.etree import ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
zf = zipfile.ZipFile(sys.argv[1])
tv = {z["name"]: z["taakveld"] for z in json.load(open(sys.argv[2]))["zorgsoorten"]}
sst = [si.findtext(".//m:t", namespaces=NS) or "" for si in ET.fromstring(zf.read("xl/sharedStrings.xml")).findall("m:si", NS)]
def col(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
rows = []
for r in ET.fromstring(zf.read("xl/worksheets/sheet2.xml")).iter("{%s}row" % NS["m"]):
    cells = {}
    for c in r.findall("m:c", NS):
        v = c.findtext("m:v", namespaces=NS)
        if v is None:
            continue
        cells[col(c.get("r"))] = sst[int(v)] if c.get("t") == "s" else float(v)
    rows.append(cells)
vals = {}
for r in rows:
    if isinstance(r.get(2), str) and isinstance(r.get(3), str):
        vals[(r[0], r[2], r[3])] = [r[k] for k in sorted(r) if k >= 4]
codes = set(json.load(open(sys.argv[2]))["results"][0]["taakvelden"]) - {"overig"}
names = {zs for (unit, zs, ind) in vals if zs in codes or zs == "Overig"}
# the same names as the run table's section "Per taakveld" ("6.72 kosten")
table = open(sys.argv[3], encoding="utf-8").read().split("Per taakveld (Iv3;")[1].split("\n\n")[0]
tnames = set(re.findall(r"^(\S+) kosten ", table, re.M))
assert names == tnames and "Overig" in names, (names, tnames)
assert not [zs for (unit, zs, ind) in vals if zs.startswith("Taakveld ") or "(geen taakveld)" in zs]
assert "Zorgsoort of taakveld" in sst, "the column's head does not say it holds taakvelden"
assert any(x.startswith("Overig: wat op geen taakveld staat (vaste lasten zonder taakveld") for x in sst), "no note on Overig"
checked = 0
for (unit, zs, ind), v in vals.items():
    if zs == "Overig":
        checked += 1
        continue
    if zs not in codes:
        continue
    code = zs
    parts = [vals[(unit, n, ind)] for n, c in tv.items() if c == code]
    assert parts, (code, ind)
    for y, x in enumerate(v):
        s = sum(p[y] for p in parts)
        assert abs(s - x) <= 1e-6 * max(1.0, abs(s)), (code, ind, y, s, x)
        checked += 1
assert checked > 0, "no taakveld rows in the scenario sheet"
PY
elif ! grep -q "libxlsxwriter\|not built" "$TMP/err"; then
  bad "xlsx: run failed"; cat "$TMP/err" >&2
fi

# HTML briefing: the taakveld table (summary year, € mln, one decimal) equals
# the sum of the zorgsoorten of the JSON run in that year
expect_exit 0 "$JZ" run --format html -o "$TMP/run.html" "$SC"
python3 - "$TMP/run.html" "$TMP/run.json" <<'PY' && ok || bad "html: taakveld totals are not the sum of their zorgsoorten"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
d = json.load(open(sys.argv[2]))
m = re.search(r"<h2>Per taakveld \(Iv3\) in (\d{4}) .*?</h2>\s*<table[^>]*>(.*?)</table>", html, re.S)
assert m, "no taakveld table in the briefing"
y = d["years"].index(int(m.group(1)))
res = d["results"][0]
fig = {"kosten": "cost", "begroting": "budget", "tekort": "tekort"}
checked = 0
lines = {}
for code, f, v in re.findall(r"<td>([0-9.]+|Overig) (kosten|begroting|tekort)</td><td class=\"n\">([^<]+)</td>", m.group(2)):
    x = float(v.replace(".", "").replace(",", ".").replace("\u2212", "-"))
    lines.setdefault(f, []).append(x)
    if code == "Overig":
        continue
    s = sum(z[fig[f]][y] for k, z in res["zorgsoorten"].items()
            if next(q["taakveld"] for q in d["zorgsoorten"] if q["key"] == k) == code)
    assert abs(s / 1e6 - x) <= 0.051, (code, f, s, x)
    checked += 1
assert checked >= 3, checked
for f, xs in lines.items():   # with Overig the lines add up to the total, to rounding
    assert len(xs) >= 2 and abs(sum(xs) - res["totals"][fig[f]][y] / 1e6) <= 0.051 * len(xs), (f, xs)
PY

# A taakveld whose zorgsoorten have no cost and no begroting in any year is
# not a row of zeros (a council member reads "6.1 kosten 0,0" as "we spend
# nothing on 6.1") but one line naming it, in every reporter: Enschede's
# wijkteam (6.1) is modelled at cost 0, budget 0 (in verbeterkansen it has
# clients, still no money)
E="$SRC/scenarios/enschede"
grep -q '^6\.1 ' "$TMP/run.txt" && bad "table: a row of zeros for taakveld 6.1" || ok
expect_grep "$TMP/run.txt" "^Taakveld 6.1 staat niet in de tabel: de zorgsoorten erop hebben in het model in geen jaar kosten of"
python3 - "$TMP/run.json" <<'PY' && ok || bad "json: taakveld 6.1 without money is listed"
import json, sys
d = json.load(open(sys.argv[1]))
assert [z for z in d["zorgsoorten"] if z["taakveld"] == "6.1"], "the scenario has no zorgsoort in 6.1"
for res in d["results"]:
    assert "6.1" not in res["taakvelden"] and "6.72" in res["taakvelden"], list(res["taakvelden"])
PY
grep -q 'taakveld:6\.1:' "$TMP/run.csv" && bad "csv: rows for taakveld 6.1 without money" || ok
expect_exit 0 "$JZ" compare --format html -o "$TMP/ens.html" "$E/geen-maatregelen.yaml" "$E/verbeterkansen.yaml"
python3 - "$TMP/ens.html" <<'PY' && ok || bad "html: taakveld 6.1 without money is listed"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<h2>Per taakveld \(Iv3\).*?</h2>\s*<table[^>]*>(.*?)</table>\s*<p class=\"note\">([^<]*)</p>", html, re.S)
assert m, "no taakveld table with a note"
assert "<td>6.1 " not in m.group(1) and "<td>6.72 kosten</td>" in m.group(1)
assert m.group(2).startswith("Taakveld 6.1 staat niet in de tabel"), m.group(2)
PY
expect_exit 0 "$JZ" compare --format html --lang en -o "$TMP/ens-en.html" "$E/geen-maatregelen.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/ens-en.html" "Taakveld 6.1 is not in the table: its care types have no cost or budget in any year of the model."
if "$JZ" compare --format xlsx -o "$TMP/ens.xlsx" "$E/geen-maatregelen.yaml" "$E/verbeterkansen.yaml" 2>"$TMP/err"; then
  unzip -p "$TMP/ens.xlsx" xl/sharedStrings.xml >"$TMP/sst.xml"
  grep -q '>6\.1<' "$TMP/sst.xml" && bad "xlsx: rows for taakveld 6.1 without money" || ok
  grep -q '>6\.72<' "$TMP/sst.xml" && ok || bad "xlsx: no rows for taakveld 6.72"
  grep -q "Taakveld 6.1 staat niet in de tabel" "$TMP/sst.xml" && ok || bad "xlsx: no line naming taakveld 6.1"
elif ! grep -q "libxlsxwriter\|not built" "$TMP/err"; then
  bad "xlsx: compare failed"; cat "$TMP/err" >&2
fi
# ... while a taakveld with a begroting and no cost stays, and in a
# comparison one scenario's taakveld without money shows 0,0 beside another
# scenario's money (not "-", not left out)
cat > "$TMP/tv-a.yaml" <<'Y'
meta: {name: a, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: team, instroom: 1, zorgduur: 3, cost: 0, budget: {volume: 10, price: 1000}, taakveld: "6.1"}
  - {key: amb, instroom: 5, zorgduur: 3, cost: 1000, taakveld: "6.72"}
gemeenten: [{code: GM0001, name: x}]
Y
sed -e 's/name: a,/name: b,/' -e 's/budget: {volume: 10, price: 1000}/budget: {volume: 0, price: 0}/' \
  "$TMP/tv-a.yaml" >"$TMP/tv-b.yaml"
expect_exit 0 "$JZ" run "$TMP/tv-a.yaml"
expect_grep "$TMP/out" "^6.1 kosten"
expect_exit 0 "$JZ" run "$TMP/tv-b.yaml"
grep -q '^6\.1 ' "$TMP/out" && bad "table: a row of zeros for 6.1 in tv-b" || ok
expect_exit 0 "$JZ" compare --format html -o "$TMP/ab.html" "$TMP/tv-a.yaml" "$TMP/tv-b.yaml"
expect_grep "$TMP/ab.html" '<td>6.1 begroting</td><td class="n">[0-9,]*</td><td class="n">0,0</td>'
grep -q "staat niet in de tabel" "$TMP/ab.html" && bad "html: 6.1 named as left out while [1] has money there" || ok

# a taakveld that does not exist: file:line:column, exit 2
cat > "$TMP/bad.yaml" <<'Y'
meta: {name: x, base_year: 2024, horizon: 2}
zorgsoorten:
  - {key: a, instroom: 1, zorgduur: 3, cost: 1, taakveld: "6.75"}
gemeenten: [{code: GM0001, name: x}]
Y
expect_exit 2 "$JZ" run "$TMP/bad.yaml"
expect_grep "$TMP/err" "bad.yaml:3:59: .*taakveld '6.75' is not an Iv3 taakveld"
expect_exit 2 "$JZ" validate "$TMP/bad.yaml"
# ---- a fixed cost line booked on a taakveld (fixed_costs[].taakveld) ----
# Enschede's Lokale uitvoering on 6.1: 6.1 holds its cost and budget beside the
# wijkteam (which has none), Overig only the line on no taakveld, and the
# lines still add up to the totals
awk '{print} /^        bron: enschede-uitgaven$/ && !done {print "        taakveld: \"6.1\""; done=1}' "$SC" > "$TMP/tv61.yaml"
grep -q 'taakveld: "6.1"' "$TMP/tv61.yaml" && ok || bad "the sed put no taakveld on a fixed line"
expect_exit 0 "$JZ" run --format json "$TMP/tv61.yaml"
cp "$TMP/out" "$TMP/tv61.json"
python3 - "$TMP/tv61.json" "$TMP/run.json" <<'PY' && ok || bad "json: a fixed line on taakveld 6.1"
import json, sys
d = json.load(open(sys.argv[1]))
old = json.load(open(sys.argv[2]))
res, ores = d["results"][0], old["results"][0]
tv = res["taakvelden"]
assert tv["6.1"]["fixed_costs"] == ["Lokale uitvoering (toegang, beleid, contractmanagement, backoffice)"], tv["6.1"]
assert tv["6.1"]["zorgsoorten"] == ["wijkteam"]
assert len(tv["overig"]["fixed_costs"]) == 1 and tv["overig"]["fixed_costs"][0].startswith("Bijzondere projecten")
assert tv["6.72"]["fixed_costs"] == []
for y in range(len(d["years"])):
    for m in ("cost", "budget", "tekort"):
        s = sum(t[m][y] for t in tv.values())
        assert abs(s - res["totals"][m][y]) <= 1e-9 * max(1.0, abs(s)), (m, y)
        # what moved to 6.1 left Overig; the other taakvelden did not move
        assert abs(tv["6.1"][m][y] + tv["overig"][m][y] - ores["taakvelden"]["overig"][m][y]) <= 1e-6, (m, y)
        assert tv["6.72"][m][y] == ores["taakvelden"]["6.72"][m][y]
    assert tv["6.1"]["cost"][y] > 11e6 and tv["6.1"]["tekort"][y] == 0   # budgeted at its cost
# the totals themselves are the run's, unchanged
assert res["totals"] == ores["totals"]
PY
expect_exit 0 "$JZ" run "$TMP/tv61.yaml"
expect_grep "$TMP/out" "^6\.1 kosten  *€ 11\.427\.000 "
grep -q "Taakveld 6.1 staat niet in de tabel" "$TMP/out" && bad "6.1 named as empty while a fixed line is on it" || ok
# a taakveld that is not one, on a fixed line: located, exit 2
sed 's/^        taakveld: "6.1"$/        taakveld: "6.2"/' "$TMP/tv61.yaml" > "$TMP/tv62.yaml"
expect_exit 2 "$JZ" validate "$TMP/tv62.yaml"
expect_grep "$TMP/err" "tv62.yaml:[0-9]*:19: gemeenten\[GM0153\]\.fixed_costs\[Lokale uitvoering (toegang, beleid, contractmanagement, backoffice)\]: taakveld '6.2' is not an Iv3 taakveld"
# the prognose per taakveld puts the line on 6.1 too
printf 'jaar: 2025\nmaanden: 4\nuitgaven:\n  crisis: [90k, 95k, 92k, 94k]\n' > "$TMP/r.yml"
expect_exit 0 "$JZ" prognose --format json --realisatie "$TMP/r.yml" "$TMP/tv61.yaml"
python3 - "$TMP/out" "$TMP/tv61.json" <<'PY' && ok || bad "prognose: the fixed line on 6.1"
import json, sys
p = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
y = run["years"].index(p["year"])
tv = {t["taakveld"]: t for t in p["taakvelden"]}
r61 = run["results"][0]["taakvelden"]["6.1"]
assert abs(tv["6.1"]["year_end"] - r61["cost"][y]) < 1e-6 and abs(tv["6.1"]["budget"] - r61["budget"][y]) < 1e-6
c = p["total_cost"]
assert abs(sum(t["year_end"] for t in tv.values()) - c["year_end"]) < 1e-6 * c["year_end"]
assert abs(sum(t["budget"] for t in tv.values()) - c["budget"]) < 1e-6
PY
# the template: a vaste last's taakveld, in the YAML and in column E of the CSV form ("6,1" as Dutch Excel
# writes it); the shipped voorbeeld shows one (its wijkteams on 6.1)
expect_exit 0 "$JZ" init -q -o "$TMP/vt.yaml" "$SRC/scenarios/sjabloon/voorbeeld.yml"
expect_grep "$TMP/vt.yaml" '^        taakveld: "6.1"   # opgave$'
expect_exit 0 "$JZ" init -q -o "$TMP/vtc.yaml" "$SRC/scenarios/sjabloon/voorbeeld.csv"
expect_grep "$TMP/vtc.yaml" '^        taakveld: "6.1"   # opgave$'
expect_exit 0 "$JZ" run --format json "$TMP/vtc.yaml"
python3 -c 'import json,sys; t = json.load(open(sys.argv[1]))["results"][0]["taakvelden"]; assert t["6.1"]["fixed_costs"] == ["Wijkteams (toegang jeugd)"], t["6.1"]' "$TMP/out" \
  && ok || bad "init: the vaste last's taakveld did not reach the run"
sed 's/^vaste_last;Wijkteams (toegang jeugd);2,2M;3%;6,1;/vaste_last;Wijkteams (toegang jeugd);2,2M;3%;6,9;/' \
  "$SRC/scenarios/sjabloon/voorbeeld.csv" > "$TMP/vt-bad.csv"
expect_exit 2 "$JZ" init -q -o "$TMP/vt-bad.yaml" "$TMP/vt-bad.csv"
expect_grep "$TMP/err" "vt-bad.csv:18:5: vaste_lasten\[2\]: taakveld '6.9' is not an Iv3 taakveld"
finish
