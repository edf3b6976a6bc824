#!/bin/bash
# jzsim compare: usage errors, the table, CSV (en and nl), JSON against
# docs/compare.schema.json, the XLSX read back with openpyxl and compared with
# the JSON, and the HTML briefing rendered in headless Chromium.
# Exits 77 (skipped) when a reader it needs (python3 with openpyxl and
# jsonschema, or chromium) is missing, after running everything else.
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/compare"
A="$D/a.yaml" B="$D/b.yaml" C="$D/c.yaml"
EX="$SRC/scenarios/example.yaml" HI="$SRC/scenarios/example-hoge-indexatie.yaml"
skipped=""

# a python3 that has the independent readers (Debian's, when another
# python3 comes first on PATH)
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl, jsonschema' 2>/dev/null; then PY=$p; break; fi
done
PYJ=${PY:-python3}
# widest line in characters (awk may count the bytes of €)
width() { "$PYJ" -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' "$1"; }

# ---- usage ----
expect_exit 0 "$JZ" compare --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" help compare
expect_exit 2 "$JZ" compare "$A"
expect_grep "$TMP/err" "at least two"
expect_exit 2 "$JZ" compare --format pdf "$A" "$B"
expect_exit 2 "$JZ" compare --format xlsx "$A" "$B"
expect_grep "$TMP/err" "needs -o"
expect_exit 2 "$JZ" compare --format html -o - "$A" "$B"
expect_exit 2 "$JZ" compare "$A" "$TMP/missing.yaml"   # a missing input is bad input (2) in every command
# ... also with --gemeente, which is resolved once the scenarios are loaded (it crashed on the missing reference)
expect_exit 2 "$JZ" compare --gemeente Hengelo "$TMP/missing.yaml" "$A"
expect_exit 2 "$JZ" compare --gemeente GM9999 "$A" "$B"
expect_grep "$TMP/err" "no gemeente 'GM9999'"
printf 'scenario,gemeente_code,year,metric,p5,p50,p95\n1,,2024,tekort,3,2,1\n' > "$TMP/badbands.csv"
expect_exit 2 "$JZ" compare --bands "$TMP/badbands.csv" "$A" "$B"
expect_grep "$TMP/err" "badbands.csv:2"

# ---- table: Dutch, English, 100 columns, notes on stderr ----
expect_exit 0 "$JZ" compare "$A" "$B" "$C"
expect_grep "$TMP/out" "Verschil t.o.v. \[1\]"
expect_grep "$TMP/out" "Tekort per zorgsoort\|Tekort, 2024"
expect_grep "$TMP/err" "note: scenario 3"
w=$(width "$TMP/out")
[ "$w" -le 100 ] && ok || bad "table is $w columns wide"
expect_exit 0 "$JZ" compare -q --lang en --gemeente all "$A" "$B" "$C"
expect_grep "$TMP/out" "Difference vs \[1\]"
expect_grep "$TMP/out" "== Tweededorp (GM0002) =="
[ -s "$TMP/err" ] && bad "--quiet still wrote to stderr" || ok
many=()
for i in 1 2 3 4 5 6; do many+=("$A" "$B"); done
expect_exit 0 "$JZ" compare -q "${many[@]}"
expect_grep "$TMP/out" "\[12\]"
w=$(width "$TMP/out")
[ "$w" -le 100 ] && ok || bad "12-scenario table is $w columns wide"
# a long scenario name in the column headers is never cut
# ("Praktijkonders…"): whole, over header lines, its longest word whole
printf 'extends: %s\nmeta:\n  name: Praktijkondersteuner en hogere indexatie\n  description: Variant.\nindexation:\n  tariff: {2026: 5%%}\n' \
    "$SRC/scenarios/example.yaml" > "$TMP/poh.yaml"
expect_exit 0 "$JZ" compare -q "$SRC/scenarios/example.yaml" "$TMP/poh.yaml"
grep -q "…" "$TMP/out" && bad "a cut name in the compare table: $(grep -m1 "…" "$TMP/out")" || ok
expect_grep "$TMP/out" "^ *Praktijkondersteuner$"
expect_grep "$TMP/out" "^Jaar  *\[1\] Voorbeeld  *en hogere indexatie$"
expect_grep "$TMP/out" "^Zorgsoort  *\[1\] Voorbeeld  *en hogere indexatie$"
w=$(width "$TMP/out")
[ "$w" -le 100 ] && ok || bad "long-name table is $w columns wide"

# ---- JSON: the schema, exact differences, absent years ----
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/c.json" "$A" "$B" "$C"
[ -s "$TMP/out" ] && bad "-o also wrote to stdout" || ok
"$PYJ" - "$TMP/c.json" "$SRC/docs/compare.schema.json" "$([ -n "$PY" ] && echo 1)" <<'PY' && ok || bad "compare JSON"
import json, math, sys
d = json.load(open(sys.argv[1]))
if sys.argv[3]:
    import jsonschema
    schema = json.load(open(sys.argv[2]))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(d, schema, cls=jsonschema.Draft202012Validator)
assert d["format"] == "jzsim-compare" and d["years"] == [2024, 2025, 2026, 2027, 2028]
assert [r["code"] for r in d["results"]] == ["GM0001", "GM0002", "TOTAL"]
assert [z["key"] for z in d["zorgsoorten"]] == ["ambulant", "pleegzorg", "crisis"]
assert d["scenarios"][0]["is_reference"] and not d["scenarios"][1]["is_reference"]
n = 0
for r in d["results"]:
    groups = [r["totals"]] + list(r["zorgsoorten"].values())
    for g in groups:
        for key, m in g.items():
            for s, (vals, diffs, rels, whys) in enumerate(zip(m["values"], m["diff"], m["diff_rel"], m["diff_rel_why"])):
                for y, (v, df, rl, why) in enumerate(zip(vals, diffs, rels, whys)):
                    ref = m["values"][0][y]
                    if v is None or ref is None:
                        assert df is None and rl is None and why == "absent", (key, s, y, why)
                        continue
                    assert df == v - ref, (key, s, y, df, v - ref)   # exactly
                    # a percentage only of a positive base (a balance's in
                    # euros at least 50000) to a value on the same side of 0;
                    # diff_rel_why says why there is none
                    level = key in ("unique_clients", "client_years", "cost_per_client", "unique", "cost", "budget",
                                    "care_cost", "care_budget", "fixed_cost", "fixed_budget", "rijksbijdrage",
                                    "measure_investment", "cost_without_measures")
                    want = ("turn" if (ref > 0 and v < 0) or (ref < 0 and v > 0) else
                            "reference_negative" if ref < 0 else
                            "reference_small" if ref == 0 or (not level and ref < 50000) else "")
                    assert why == want, (key, s, y, ref, v, why, want)
                    if want:
                        assert rl is None, (key, s, y, ref, v, rl)
                    else:
                        assert rl == df / ref, (key, s, y)
                    n += 1
assert n > 500, n
t = d["results"][2]["totals"]["tekort"]["values"]
assert t[2][0] is None and t[0][3] is None and t[2][4] is not None   # absent, not 0
assert d["results"][0]["zorgsoorten"]["crisis"]["cost"]["values"][0] == [None] * 5
assert d["results"][1]["in_scenario"] == [True, True, False]
assert len(d["notes"]) == 5
# verschillenanalyse: each row adds up, the lines add up to the total, and
# the difference is that of the cost figures shown (reference and year on year)
close = lambda a, b: abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
assert [p["key"] for p in d["verschil_parts"]] == ["diff", "price", "volume", "other"]
nv = 0
for r in d["results"]:
    for kind, v in r["verschil"].items():
        lines = list(v["zorgsoorten"].items()) + [(None, v["outside_zorgsoorten"])]
        for s in range(3):
            for y in range(5):
                tot = v["total"]
                if tot["diff"][s][y] is None:
                    continue
                for key, p in lines + [("total", tot)]:
                    if p["diff"][s][y] is not None:
                        assert close(p["price"][s][y] + p["volume"][s][y] + p["other"][s][y], p["diff"][s][y]), (kind, key, s, y)
                for part in ("diff", "price", "volume", "other"):
                    assert close(sum(p[part][s][y] or 0.0 for _, p in lines), tot[part][s][y]), (kind, part, s, y)
                cost = r["totals"]["cost"]["values"]
                a = cost[0][y] if kind == "reference" else cost[s][y - 1]
                assert close(tot["diff"][s][y], cost[s][y] - a), (kind, s, y)
                nv += 1
        if kind == "reference":
            assert all(x is None for x in v["total"]["diff"][0])   # the reference against itself
        else:
            assert all(row[0] is None for row in v["total"]["diff"])  # no year before the first
assert nv > 20, nv
PY
[ -n "$PY" ] || skipped="$skipped jsonschema"
expect_exit 0 "$JZ" compare -q --format json --gemeente GM0002 "$A" "$B"
"$PYJ" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["code"] for r in d["results"]] == ["GM0002"]' "$TMP/out" && ok || bad "--gemeente json"

# ---- CSV: fixed columns, values equal the JSON, the nl locale ----
expect_exit 0 "$JZ" compare -q --format csv -o "$TMP/c.csv" "$A" "$B" "$C"
expect_grep "$TMP/c.csv" "^scenario_index,scenario,gemeente_code,gemeente,zorgsoort,year,metric,value,diff,diff_rel,saved,diff_rel_why$"
expect_exit 0 "$JZ" compare -q --format csv --locale nl -o "$TMP/nl.csv" "$A" "$B" "$C"
expect_grep "$TMP/nl.csv" "^scenario_index;scenario;gemeente_code;gemeente;zorgsoort;year;metric;value;diff;diff_rel;saved;diff_rel_why$"
expect_grep "$TMP/nl.csv" ";tekort;-\?[0-9][0-9]*,[0-9]"
"$PYJ" - "$TMP/c.csv" "$TMP/nl.csv" "$TMP/c.json" <<'PY' && ok || bad "compare CSV"
import csv, json, sys
d = json.load(open(sys.argv[3]))
codes = {r["code"]: r for r in d["results"]}
for path, sep in ((sys.argv[1], ","), (sys.argv[2], ";")):
    rows = list(csv.reader(open(path, newline=""), delimiter=sep))
    assert all(len(r) == 12 and r[10] in ("saved", "0") for r in rows), path   # saved: 0 without --reference
    body = [r for r in rows[1:] if not r[6].startswith("verschil")]
    vs = [r for r in rows[1:] if r[6].startswith("verschil")]
    assert len(body) == 3 * (28 + 7 * 3) * 3 * 5, len(body)
    # verschillenanalyse: 2 kinds x 4 parts x (3 zorgsoorten + outside + total)
    assert len(vs) == 3 * 2 * 4 * 5 * 3 * 5, len(vs)
    sums = {}
    for r in vs:
        s, code, zs, year, (what, kind, part) = int(r[0]) - 1, r[2], r[4], int(r[5]), r[6].split(":")
        y = d["years"].index(year)
        v = codes[code]["verschil"][kind]
        v = v["zorgsoorten"][zs] if zs else v["outside_zorgsoorten"] if what == "verschil_buiten" else v["total"]
        want = v[part][s][y]
        if want is None:
            assert r[7] == "" and r[8] == "" and r[9] == "", r
            continue
        got = float(r[7].replace(",", ".") if sep == ";" else r[7])
        assert abs(got - want) <= 1e-12 * max(1.0, abs(want)), (r, want)
        # the zorgsoorten and the outside line add up to the total, per part
        k = (code, s, y, kind, part)
        sums.setdefault(k, [0.0, None])
        if zs or what == "verschil_buiten":
            sums[k][0] += got
        else:
            sums[k][1] = got
    for k, (parts, total) in sums.items():
        assert total is not None and abs(parts - total) <= 1e-6 * max(1.0, abs(total)), (k, parts, total)
    for r in body:
        s, code, zs, year, key = int(r[0]) - 1, r[2], r[4], int(r[5]), r[6]
        y = d["years"].index(year)
        m = codes[code]["zorgsoorten"][zs][key] if zs else codes[code]["totals"][key]
        want = m["values"][s][y]
        if want is None:
            assert r[7] == "" and r[8] == "" and r[9] == ""
            continue
        if sep == ";":
            assert "." not in r[7], r
            r[7] = r[7].replace(",", ".")
        got = float(r[7])
        assert abs(got - want) <= 1e-12 * max(1.0, abs(want)), (r, want)
        assert r[11] == m["diff_rel_why"][s][y], (r, m["diff_rel_why"][s][y])   # why diff_rel is empty
PY

# ---- XLSX: opened by openpyxl, figures equal to the JSON ----
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/c.xlsx" "$A" "$B" "$C"
if [ -n "$PY" ]; then
  "$PY" - "$TMP/c.xlsx" "$TMP/c.json" <<'PY' && ok || bad "compare XLSX"
import json, sys, openpyxl
d = json.load(open(sys.argv[2]))
wb = openpyxl.load_workbook(sys.argv[1])
# a cell holds the JSON's figure, or 0 where that figure rounds to 0 at the
# decimals its format shows (at most whole euros, clients; the presentation
# rule, docs/output-format.md: never "-0"), and never a residue such as -1e-8
import re
def decimals(fmt):
    first = fmt.split(";")[0]
    m = re.search(r"\.([0#]+)", first)
    return (len(m.group(1)) if m else 0) + (2 if "%" in first else 0)
def cell_is(cell, want, tol):
    got = cell.value
    if got == 0 and abs(want) < 0.5 * 10 ** -decimals(cell.number_format):
        return True  # zeroed only below half the last digit its format shows
    return abs(got) >= 0.0005 and abs(got - want) <= tol
names = wb.sheetnames
# 3 scenarios, Vergelijking, Verschillenanalyse, Aannames, Toelichting and (a region) Gemeenten
assert names[0] == "Vergelijking" and "Aannames" in names and "Verschillenanalyse" in names and "Gemeenten" in names and len(names) == 3 + 4 + 1, names
assert len({n.lower() for n in names}) == len(names)
for n in names:
    assert 1 <= len(n) <= 31 and not any(ch in n for ch in '[]:*?/\\') and n[0] != "'" and n[-1] != "'", n
ws = wb["Vergelijking"]
assert ws.freeze_panes == "G5", ws.freeze_panes
head = [c.value for c in ws[4]]
assert head[:6] == ["Gemeente", "CBS-code", "Zorgsoort", "Indicator", "Jaar", "Periode"], head
F = 6
S = len(d["scenarios"])
label = {}
for m in d["metrics"]:
    label[(m["level"], m["label_nl"])] = m["key"]
zname = {z["name"]: z["key"] for z in d["zorgsoorten"]}
res = {r["code"]: r for r in d["results"]}
checked = 0
for cells in ws.iter_rows(min_row=5):
    row = [c.value for c in cells]
    code, zs, lab, year = row[1], row[2], row[3], row[4]
    y = d["years"].index(year)
    assert row[5] == ("realisatie" if year <= d["years"][0] else "prognose"), row[:6]
    if zs:
        m = res[code]["zorgsoorten"][zname[zs]][label[("zorgsoort", lab)]]
    else:
        m = res[code]["totals"][label[("gemeente", lab)]]
    for s in range(S):
        want, got = m["values"][s][y], row[F + s]
        assert (want is None) == (got is None), (code, zs, lab, year, s, want, got)
        if want is not None:
            assert cell_is(cells[F + s], want, 1e-9 * max(1.0, abs(want))), (want, got)
            checked += 1
    for s in range(1, S):
        want, got = m["diff"][s][y], row[F + S + 2 * (s - 1)]
        assert (want is None) == (got is None)
        if want is not None:
            assert cell_is(cells[F + S + 2 * (s - 1)], want, 1e-6 * max(1.0, abs(want))), (want, got)
        want, got = m["diff_rel"][s][y], row[F + S + 2 * (s - 1) + 1]
        assert (want is None) == (got is None)
assert checked > 500, checked
assert "€" in ws.cell(row=5, column=F + 1).number_format
# the Verschillenanalyse sheet: the figures are the JSON's (the
# comparison's) under the presentation rule; in the JSON each row adds up and
# each block adds up to its total row
vs = wb["Verschillenanalyse"]
assert [c.value for c in vs[5]][:10] == ["Gemeente", "CBS-code", "Vergeleken met", "Scenario", "Jaar", "Zorgsoort",
                                         "Verschil in kosten", "Prijseffect", "Volume-effect", "Overig verschil"]
parts = ("diff", "price", "volume", "other")
block, nblocks = [], 0
for cells in vs.iter_rows(min_row=6):
    row = [c.value for c in cells]
    code, kind, s, year, zs = row[1], "reference" if row[2].startswith("[1]") else "previous_year", int(row[3][1:row[3].index("]")]) - 1, row[4], row[5]
    y = d["years"].index(year)
    v = res[code]["verschil"][kind]
    v = v["total"] if zs == "Totaal" else v["outside_zorgsoorten"] if zs == "Buiten zorgsoorten" else v["zorgsoorten"][zname[zs]]
    j = [v[part][s][y] for part in parts]
    assert abs(j[1] + j[2] + j[3] - j[0]) <= 1e-6 * max(1.0, abs(j[0])), (row, j)
    for k, part in enumerate(parts):
        assert cell_is(cells[6 + k], j[k], 1e-6 * max(1.0, abs(j[k]))), (row, part, j[k])
    if zs == "Totaal":
        for k in range(4):
            assert abs(sum(r[k] for r in block) - j[k]) <= 1e-6 * max(1.0, abs(j[k])), (row, k)
        block, nblocks = [], nblocks + 1
    else:
        block.append(j)
# a block for every difference the JSON has
assert nblocks == sum(x is not None for r in d["results"] for v in r["verschil"].values()
                      for row in v["total"]["diff"] for x in row) > 20, nblocks
# the inputs sheet as a controller reads it: human labels, numbers, Dutch
# units, shared inputs once and the differences per scenario below them
inp = wb["Aannames"]
head = [c.value for c in inp[4]]
Y = len(d["years"])
assert head[:4] == ["Aanname", "Geldt voor", "Eenheid", "Waarde"], head
assert head[4:4 + Y] == d["years"] and head[4 + Y:6 + Y] == ["Opmerking", "Bron"], head
rows = [r for r in inp.iter_rows(min_row=5, values_only=True) if r[0]]
assert len(rows) > 15, len(rows)
cost = [r for r in rows if r[0].startswith("Kosten per cliëntjaar ambulant")]
assert len(cost) == 2, cost          # b differs from a and c
assert cost[0][1] == "[1] [3]" and cost[0][3] == 9000, cost[0]
assert cost[1][1] == "[2]" and cost[1][3] == 10000, cost[1]
assert cost[0][2] == "euro per cliëntjaar", cost[0]
assert any(r[1] == "alle scenario's" for r in rows)
for r in rows:
    for v in r:
        if isinstance(v, str):
            assert ".yaml" not in v and "[ambulant]" not in v and "ASSUMPTION" not in v and "seed" not in v, r
    assert r[2] not in ("fraction/yr", "clients", "fraction", "months", "euros"), r
tariff = [r for r in rows if r[0].startswith("Tariefindexatie")]
assert tariff and tariff[0][2] == "% per jaar" and any("%" in inp.cell(row=5 + rows.index(tariff[0]), column=4 + k).number_format for k in range(Y + 1)), tariff
# one sheet per scenario, with its own years across
sc = wb[names[3]]
years = [c.value for c in sc[sc.freeze_panes and int(sc.freeze_panes[1:]) - 1]][4:]
assert years == [2025, 2026, 2027, 2028], years
PY
  # a zorgsoort or gemeente an input names (ageing.to, reentry.to, a
  # measure's from, to, zorgsoorten, gemeenten): its name in Aannames, as
  # every other sheet names it, never the YAML key
  E="$SRC/scenarios/enschede"
  expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/names.xlsx" "$E/verbeterkansen.yaml" "$E/basis.yaml"
  "$PY" - "$TMP/names.xlsx" <<'PY' && ok || bad "Aannames names zorgsoorten and gemeenten by their names"
import sys, openpyxl
inp = openpyxl.load_workbook(sys.argv[1])["Aannames"]
rows = [r for r in inp.iter_rows(min_row=5, values_only=True) if r[0]]
ageing = [r for r in rows if r[0].startswith("Zorgsoort bij doorstroom op 18 jaar, pleegzorg")]
assert len(ageing) == 1 and ageing[0][2] == "zorgsoort", ageing
assert "Verlengde jeugdzorg (18-23)" in ageing[0], ageing
to = [r for r in rows if r[0] == "Maatregel Residentieel naar gezinshuis: naar zorgsoort"]
assert to and "Gezinshuis" in to[0], to
zs = [r for r in rows if r[0] == "Maatregel Stevige lokale teams (30 FTE): zorgsoorten"]
assert zs and "Ambulante jeugdhulp (OB1-OB4, incl. GGZ), Daghulp (dagbehandeling, dagbesteding)" in zs[0], zs
gm = [r for r in rows if r[2] == "gemeenten"]
assert gm and all("Enschede" in r for r in gm), gm
# the Bron cell: the bron cited, then the source note that says what the
# bron does not ("omvang: eigen aanname")
share = [r for r in rows if r[0] == "Maatregel Stevige lokale teams (30 FTE): aandeel"]
assert share and share[0][-1].endswith("; KPMG (2019), voorbeeld Roosendaal; Enschede (2023), verbeterkansen; "
                                       "omvang: eigen aanname"), share
# a measure's startjaar is a year, shown as one: 2026, never "2.026" (the
# thousands separator of the plain number format)
start = [i for i, r in enumerate(inp.iter_rows(min_row=1, values_only=True)) if r[0] and r[0].endswith(": startjaar")]
assert start, "no startjaar row"
for i in start:
    c = inp.cell(row=i + 1, column=4)
    assert isinstance(c.value, (int, float)) and 2000 < c.value < 2100 and "," not in c.number_format, (c.value, c.number_format)
keys = ("verlengde_jeugdzorg", "residentieel", "gezinshuis", "[ambulant", "GM0153")
for r in rows:
    for v in r[2:]:  # after the label and "Geldt voor" ([1] [2])
        assert not (isinstance(v, str) and (v in keys or v.startswith("["))), r
PY
  # every key of a measure in the reader's words: "realisatie", never the
  # YAML key "realisation" in a Dutch workbook (walk3: the Hervormingsagenda
  # at 50% showed "Maatregel ...: realisation")
  expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/real.xlsx" "$E/hervormingsagenda-zeker.yaml" "$E/basis.yaml"
  "$PY" - "$TMP/real.xlsx" <<'PY' && ok || bad "Aannames: a measure's key in Dutch words"
import sys, openpyxl
rows = [r for r in openpyxl.load_workbook(sys.argv[1])["Aannames"].iter_rows(min_row=5, values_only=True)
        if r[0] and r[0].startswith("Maatregel ")]
keys = {r[0].rsplit(": ", 1)[1] for r in rows}
assert "realisatie" in keys, keys
assert not keys & {"realisation", "national", "national_youth", "fade_years", "weights", "amount"}, keys
assert all("_" not in k and not k.startswith("regional") for k in keys), keys
PY
  # the remark of a value that is not one number (a distribution, a growth)
  # in the reader's words and notation: "groei per jaar -0,3%", "mediaan
  # 95.000", never "-0.3000%", "median" or "sd_log" in a Dutch workbook
  expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/onz.xlsx" "$SRC/scenarios/example-onzeker.yaml" "$EX"
  "$PY" - "$TMP/onz.xlsx" <<'PY' && ok || bad "Aannames: a remark in Dutch words and notation"
import sys, openpyxl
rows = [r for r in openpyxl.load_workbook(sys.argv[1])["Aannames"].iter_rows(values_only=True) if r[0]]
remarks = [v for r in rows for v in r[4:] if isinstance(v, str)]
for want in ("groei per jaar -0,3%", "groei per jaar 0,5%", "laag 2,5%; hoog 6,5%", "mediaan 95.000; standaardafwijking van ln 0,08"):
    assert any(want in v for v in remarks), (want, remarks)
assert not any(w in v for v in remarks for w in ("median", "sd_log", "0.3%", "0.5%")), remarks
PY
  # a free-text source: without a bron it is the Bron cell, the marker
  # ASSUMPTION in the reader's words (QA: an empty cell before)
  cat > "$TMP/zwolle.yaml" <<EOF
extends: $SRC/scenarios/example.yaml
meta: {name: Zwolle, description: Een eigen verbeterkans.}
indexation:
  budget: {2024: 4.0%, 2025: 4.5%, 2026: 2.5%, source: "ASSUMPTION: gelijk aan de raming"}
measures:
  - {key: poh, name: POH-jeugd, type: local, effect: diversion, zorgsoorten: [ambulant], share: 10%,
     start: 2025, investment: {2025: 300k, source: "Offerte POH-jeugd, 2024"}, source: "Eigen aanname gemeente Zwolle"}
EOF
  expect_exit 0 "$JZ" run -q --format xlsx -o "$TMP/zwolle.xlsx" "$TMP/zwolle.yaml"
  "$PY" - "$TMP/zwolle.xlsx" <<'PY' && ok || bad "Aannames: a source note without a bron is the Bron cell"
import sys, openpyxl
inp = openpyxl.load_workbook(sys.argv[1])["Aannames"]
rows = [r for r in inp.iter_rows(min_row=5, values_only=True) if r[0]]
poh = [r for r in rows if r[0].startswith("Maatregel POH-jeugd: ")]
assert len(poh) == 5 and all(r[-1] == ("Offerte POH-jeugd, 2024" if "investering" in r[0] else
                                       "Eigen aanname gemeente Zwolle") for r in poh), poh
assert all(r[-2] is None or "source" not in r[-2] for r in rows), rows   # a note is no remark
bi = [r for r in rows if r[0].startswith("Indexatie van de begroting")]
assert bi and bi[0][-1] == "eigen aanname: gelijk aan de raming", bi
PY
  # a note with a comma and a year-like piece ("2026: 12") is the note, not
  # a value for 2026 (the workbook showed 12 beside the scenario's 3,0%)
  sed 's|  tariff: {2024: 4.5%, 2025: 5.0%, 2026: 3.0%}|  tariff: {2024: 4.5%, 2025: 5.0%, 2026: 3.0%, source: "NJi, 2026: 12, tabel 3"}|' \
    "$SRC/scenarios/example.yaml" > "$TMP/note.yaml"
  expect_exit 0 "$JZ" run -q --format xlsx -o "$TMP/note.xlsx" "$TMP/note.yaml"
  "$PY" - "$TMP/note.xlsx" <<'PY' && ok || bad "Aannames: a year in a source note became a value"
import sys, openpyxl
rows = [r for r in openpyxl.load_workbook(sys.argv[1])["Aannames"].iter_rows(min_row=5, values_only=True)
        if r[0] == "Tariefindexatie (per jaar)"]
assert rows and rows[0][4:7] == (0.045, 0.05, 0.03) and rows[0][-1] == "NJi, 2026: 12, tabel 3", rows
PY
else
  echo "SKIP: no python3 with openpyxl and jsonschema; the XLSX and schema checks did not run" >&2
  skipped="$skipped openpyxl"
fi

# ---- table: the verschillenanalyse of the summary year adds up ----
expect_exit 0 "$JZ" compare -q -o "$TMP/vs.txt" "$A" "$B" "$C"
expect_grep "$TMP/vs.txt" "^Verschillenanalyse 2026 (prognose): \[2\] .* t.o.v. \[1\]"
"$PYJ" - "$TMP/vs.txt" "$TMP/c.json" <<'PY' && ok || bad "table verschillenanalyse"
import json, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
d = json.load(open(sys.argv[2]))
tot = [r for r in d["results"] if r["code"] == "TOTAL"][0]["verschil"]
num = lambda x: 0.0 if x in ("€ 0", "-") else float(x.replace("€", "").replace(" ", "").replace(".", ""))
blocks = re.findall(r'^Verschillenanalyse (\d+) \(\w+\)(?: t.o.v. \d+)?: \[(\d)\] (.*?)\n(?:Zorgsoort.*?)\n(.*?)\n(?=\n|Prijs =)', t, re.S | re.M)
assert len(blocks) >= 4, len(blocks)
for year, s, head, body in blocks:
    kind = "reference" if head.endswith("t.o.v. [1]") else "previous_year"
    rows = [[num(x) for x in re.findall(r'€ [+-]?[\d.]+|-(?= |$)', line[24:])] for line in body.split("\n")]
    for r in rows:
        assert len(r) == 4 and abs(r[1] + r[2] + r[3] - r[0]) <= 2, r     # each printed to the euro
    for k in range(4):
        assert abs(sum(r[k] for r in rows[:-1]) - rows[-1][k]) <= len(rows), (k, rows)
    y = d["years"].index(int(year))
    want = [tot[kind]["total"][p][int(s) - 1][y] for p in ("diff", "price", "volume", "other")]
    assert all(abs(a - b) <= 0.5 for a, b in zip(rows[-1], want)), (rows[-1], want)
PY

# ---- the summary year is meta.begrotingsjaar when the reference has one ----
ENS="$SRC/scenarios/enschede/basis.yaml" ENSHA="$SRC/scenarios/enschede/hervormingsagenda.yaml"
expect_exit 0 "$JZ" compare -q -o "$TMP/bj.txt" "$ENS" "$ENSHA"      # 2022-2030, begrotingsjaar 2027
expect_grep "$TMP/bj.txt" "^Verschillenanalyse 2027 (begrotingsjaar): \[2\]"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/bj.html" "$ENS" "$ENSHA"
expect_grep "$TMP/bj.html" "In het begrotingsjaar 2027 is het tekort"
expect_grep "$TMP/bj.html" "Kerncijfers 2027 (begrotingsjaar)"
# each key figure is rounded on its own: the note says a total may differ
# by 0,1 from its parts (tekort = niet-beïnvloedbaar + beïnvloedbaar)
expect_grep "$TMP/bj.html" "door afronding kan een totaal 0,1 afwijken van de som van de delen"
expect_grep "$TMP/bj.html" "<h2>Verschillenanalyse 2027</h2>"
expect_exit 0 "$JZ" compare -q --lang en --format html -o "$TMP/bj-en.html" "$ENS" "$ENSHA"
expect_grep "$TMP/bj-en.html" "In the budget year 2027 the deficit"
expect_grep "$TMP/bj-en.html" "through rounding a total may differ by 0.1 from the sum of its parts"
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/bj.xlsx" "$ENS" "$ENSHA"
if [ -n "$PY" ]; then
  "$PY" -c 'import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])["Verschillenanalyse"]; assert ws["A3"].value.endswith("2027 (begrotingsjaar)"), ws["A3"].value' \
    "$TMP/bj.xlsx" && ok || bad "xlsx summary year"
fi
# no cell shows "€ -0", "-0" or "-0,0%": a figure that rounds to 0 at the
# decimals of its number format is written as 0 (the presentation rule,
# docs/output-format.md); the Enschede comparison had rounding residues
# (-1.5e-8 in "Overig (geen taakveld)", the Verschillenanalyse) and the
# Twente one a base-year Zorgzwaarte of -5.8e-11
ENSALL=$(ls "$SRC"/scenarios/enschede/*.yaml)
# shellcheck disable=SC2086
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/zero-e.xlsx" $ENSALL
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/zero-t.xlsx" "$SRC/scenarios/twente/regio.yaml" \
  "$SRC/scenarios/twente/contract-lumpsum.yaml"
if [ -n "$PY" ]; then
  "$PY" - "$TMP/zero-e.xlsx" "$TMP/zero-t.xlsx" <<'PY' && ok || bad "xlsx: a figure that rounds to 0 shows as 0, never -0"
import re, sys, openpyxl
def decimals(fmt):
    first = fmt.split(";")[0]
    m = re.search(r"\.([0#]+)", first)
    return (len(m.group(1)) if m else 0) + (2 if "%" in first else 0)
bad, seen = [], 0
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, float) and c.value != 0 and c.number_format != "General":
                    seen += 1
                    if round(abs(c.value) * 10 ** decimals(c.number_format), 9) < 0.5:
                        bad.append((ws.title, c.coordinate, c.value, c.number_format))
assert seen > 10000, seen
assert not bad, bad[:5]
PY
fi
# ... and in the comparison itself the line outside the zorgsoorten of two
# scenarios with the same fixed lines differs by exactly 0 (it was g_cost -
# the zorgsoorten: -1.5e-8), in the JSON and the CSV as well
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/zero-e.json" "$SRC/scenarios/enschede/basis.yaml" "$SRC/scenarios/enschede/hervormingsagenda.yaml"
"$PYJ" - "$TMP/zero-e.json" <<'PY' && ok || bad "verschil: the same lines outside the zorgsoorten differ by more than 0"
import json, sys
d = json.load(open(sys.argv[1]))
for res in d["results"]:
    o = res["verschil"]["reference"]["outside_zorgsoorten"]
    assert all(x == 0 for x in o["diff"][1]), o["diff"][1]
    assert all(x == 0 for x in o["other"][1]), o["other"][1]
PY
# a scenario name longer than Excel's 31 characters: every scenario's tab is
# "k name" without the words all names start with ("Enschede, "), and what is
# still too long keeps its first words and its last around "…" (never
# "Scenario k"); the full name in A1 and in the Toelichting beside its tab
ENSVK="$SRC/scenarios/enschede/verbeterkansen.yaml" ENSGM="$SRC/scenarios/enschede/geen-maatregelen.yaml"
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/long.xlsx" "$ENSGM" "$ENSHA" "$ENSVK"
if [ -n "$PY" ]; then
  "$PY" - "$TMP/long.xlsx" <<'PY' && ok || bad "xlsx: the tab of a long scenario name"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
full = ["Enschede, geen maatregelen", "Enschede, Hervormingsagenda", "Enschede, Hervormingsagenda en verbeterkansen"]
tabs = wb.sheetnames[1:4]
assert tabs == ["1 geen maatregelen", "2 Hervormingsagenda", "3 Hervormingsage…verbeterkansen"], tabs
about = [r[0] for r in wb["Toelichting"].iter_rows(values_only=True) if r[0]]
for k, (tab, name) in enumerate(zip(tabs, full), 1):
    short = f"{k} {name[len('Enschede, '):]}"
    head, _, tail = tab.partition("…")
    assert len(tab) <= 31 and (tab == short or (short.startswith(head) and short.endswith(tail))), tab
    assert wb[tab]["A1"].value.startswith(f"[{k}] {name}"), wb[tab]["A1"].value
    assert any(l.startswith(f"[{k}] {name} (") and f"'{tab}'" in l for l in about), (tab, about)
PY
fi
# a scenario without bronnen: its sheet cites meta.sources as the briefing
# does (it said "(geen bronnen opgegeven)" while the briefing listed them)
expect_exit 0 "$JZ" compare -q --format xlsx -o "$TMP/src.xlsx" "$EX" "$HI"
if [ -n "$PY" ]; then
  "$PY" - "$TMP/src.xlsx" <<'PY' && ok || bad "xlsx: meta.sources on the scenario sheet"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for tab in wb.sheetnames[1:3]:
    ws = wb[tab]
    assert ws["A3"].value == "Bronnen", (tab, ws["A3"].value)
    assert ws["B3"].value.startswith("Illustratief: geen bron"), (tab, ws["B3"].value)
PY
fi
# without one (example.yaml): the last common year, a prognose
expect_exit 0 "$JZ" compare -q -o "$TMP/nobj.txt" "$EX" "$HI"
expect_grep "$TMP/nobj.txt" "^Verschillenanalyse 2028 (prognose): \[2\]"

# ---- an earlier forecast as the reference (--reference SAVED.json) ----
# save a forecast, change the scenario (higher indexation), compare the new
# one against the saved: the same figures as comparing the two scenario
# files, and the verschillenanalyse adds up
expect_exit 0 "$JZ" run -q --format json -o "$TMP/saved.json" "$EX"
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/ref.json" --reference "$TMP/saved.json" "$HI"
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/yy.json" "$EX" "$HI"
"$PYJ" - "$TMP/ref.json" "$TMP/yy.json" <<'PY' && ok || bad "compare --reference"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["scenarios"][0]["path"].endswith("saved.json") and a["scenarios"][0]["name"] == b["scenarios"][0]["name"]
assert a["results"] == b["results"], "a saved forecast gives other figures than its scenario"
v = a["results"][-1]["verschil"]["reference"]
y = a["years"].index(2028)
t = [v["total"][p][1][y] for p in ("diff", "price", "volume", "other")]
assert t[0] > 0 and t[1] > 0 and abs(t[1] + t[2] + t[3] - t[0]) < 1e-6 * t[0], t   # dearer: a price effect
assert abs(sum(z["diff"][1][y] for z in v["zorgsoorten"].values()) + v["outside_zorgsoorten"]["diff"][1][y] - t[0]) < 1e-6 * t[0]
PY
expect_exit 0 "$JZ" compare -q --reference "$TMP/saved.json" "$HI" "$EX"      # more than one new scenario
expect_grep "$TMP/out" "^Verschillenanalyse 2028 (prognose): \[2\]"
# the saved forecast of the same scenario (the P&C case: the scenario updated
# since): [1] is marked, so that no report shows "[1] Voorbeeld" beside
# "[2] Voorbeeld"; with another name the saved name is kept (above)
expect_exit 0 "$JZ" compare -q --reference "$TMP/saved.json" "$EX"
expect_grep "$TMP/out" "^\[1\] Voorbeeld (bewaard), 2024-2028 (referentie)"
expect_grep "$TMP/out" "^\[2\] Voorbeeld, 2024-2028"
expect_exit 0 "$JZ" compare -q --lang en --reference "$TMP/saved.json" "$EX"
expect_grep "$TMP/out" "^\[1\] Voorbeeld (saved), 2024-2028"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/saved.html" --reference "$TMP/saved.json" "$EX"
expect_grep "$TMP/saved.html" "Voorbeeld (bewaard)"
# the mark is a label beside the name, not a part of it: the CSV and JSON
# keep the name as saved and say it in a field of their own ("saved"), and
# a name too long for a line or a legend is cut before its mark, never the
# mark ("[1] Voorbeeld met een … (bewaard)"; it read "[1] Voorbeeld met
# een heel erg lange naam die…" beside the same "[2] ...")
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/saved-cmp.json" --reference "$TMP/saved.json" "$EX"
expect_exit 0 "$JZ" compare -q --format csv -o "$TMP/saved-cmp.csv" --reference "$TMP/saved.json" "$EX"
"$PYJ" - "$TMP/saved-cmp.json" "$TMP/saved-cmp.csv" <<'PY' && ok || bad "compare --reference: the saved label as a field"
import csv, json, sys
d = json.load(open(sys.argv[1]))
assert [(s["name"], s["saved"]) for s in d["scenarios"]] == [("Voorbeeld", True), ("Voorbeeld", False)], d["scenarios"]
rows = list(csv.DictReader(open(sys.argv[2])))
assert {(r["scenario_index"], r["scenario"], r["saved"]) for r in rows} == {("1", "Voorbeeld", "1"), ("2", "Voorbeeld", "0")}
PY
LONGNAME="Voorbeeld met een heel erg lange naam die de gemeente koos omdat de raad alles wil weten over de jeugdzorg"
sed "s/^  name: Voorbeeld\$/  name: $LONGNAME/" "$EX" > "$TMP/long.yaml"
expect_exit 0 "$JZ" run -q --format json -o "$TMP/saved-long.json" "$TMP/long.yaml"
expect_exit 0 "$JZ" compare -q -o "$TMP/long.txt" --reference "$TMP/saved-long.json" "$TMP/long.yaml"
expect_grep "$TMP/long.txt" "^\[1\] Voorbeeld met een heel erg lange naam die .*… (bewaard), 2024-2028 (referentie)$"
expect_grep "$TMP/long.txt" "^\[2\] Voorbeeld met een heel erg lange naam die .*…, 2024-2028$"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/long.html" --reference "$TMP/saved-long.json" "$TMP/long.yaml"
expect_grep "$TMP/long.html" "class=\"leg\"><title>\[1\] $LONGNAME (bewaard)</title>\[1\] Voorbeeld met een [^<]*… (bewaard)</text>"
# a wrong file: exit 2, located
head -c 1500 "$TMP/saved.json" > "$TMP/cut.json"
expect_exit 2 "$JZ" compare --reference "$TMP/cut.json" "$HI"
expect_grep "$TMP/err" "cut.json:[0-9]*:[0-9]*: "
expect_exit 2 "$JZ" compare --reference "$TMP/yy.json" "$HI"               # a comparison, not a run
expect_grep "$TMP/err" "yy.json:2:[0-9]*: this is a 'jzsim-compare' file"
sed 's/"format_version": 1/"format_version": 7/' "$TMP/saved.json" > "$TMP/v7.json"
expect_exit 2 "$JZ" compare --reference "$TMP/v7.json" "$HI"
expect_grep "$TMP/err" "v7.json:3:[0-9]*: format_version 7"
expect_exit 2 "$JZ" compare --reference "$EX" "$HI"                         # a scenario, not a result
expect_grep "$TMP/err" "example.yaml:[0-9]*:[0-9]*: no 'format' here"
expect_exit 2 "$JZ" compare --reference "$TMP/missing.json" "$HI"
expect_exit 2 "$JZ" compare --reference "$TMP/saved.json"                    # nothing to compare
expect_exit 2 "$JZ" compare --reference "$TMP/saved.json" --draws 10 "$HI"
expect_exit 2 "$JZ" compare --reference "$TMP/saved.json" --format html --interactive -o "$TMP/w.html" "$HI"
# a region with a verevening saved and compared: its gemeenten and the
# verevening come back exactly (the run writes the figures only for a region)
TW="$SRC/scenarios/twente"
expect_exit 0 "$JZ" run -q --gemeente all --format json -o "$TMP/tw.json" "$TW/verevening-gebruik.yaml"
expect_exit 0 "$JZ" compare -q --gemeente all --format json -o "$TMP/twr.json" --reference "$TMP/tw.json" "$TW/verevening-bevolking.yaml"
expect_exit 0 "$JZ" compare -q --gemeente all --format json -o "$TMP/twy.json" "$TW/verevening-gebruik.yaml" "$TW/verevening-bevolking.yaml"
"$PYJ" - "$TMP/twr.json" "$TMP/twy.json" <<'PY' && ok || bad "compare --reference: a saved region with a verevening"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert len(a["results"]) == 15 and a["results"] == b["results"], "a saved region gives other figures than its scenario"
PY

# ---- HTML: self-contained, escaped, one series per scenario ----
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/c.html" "$A" "$B" "$C"
H="$TMP/c.html"
grep -q '<script' "$H" && bad "HTML contains a script element" || ok
grep -q "alert('x')" "$H" && bad "scenario name not escaped" || ok
expect_grep "$H" "C &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; later"
grep -Eo '(src|href)=|@import|url\(|https?://[^"]*' "$H" | grep -v '^http://www.w3.org/2000/svg$' | grep -q . \
  && bad "HTML refers to something outside the file" || ok
expect_grep "$H" "@media print"
n=$("$PYJ" - "$H" <<'PY'
import re, sys
h = open(sys.argv[1], encoding="utf-8").read()
svg = re.search(r'<svg id="chart-tekort".*?</svg>', h, re.S).group(0)
print(len(re.findall(r'data-scenario="\d+"', svg)))
PY
)
[ "$n" = 3 ] && ok || bad "tekort chart has $n series, wanted 3"
# the verschillenanalyse: every table row adds up, the rows add up to the
# total, the bars are the table's figures, and both are the JSON's
"$PYJ" - "$H" "$TMP/c.json" <<'PY' && ok || bad "HTML verschillenanalyse"
import json, re, sys
h = open(sys.argv[1], encoding="utf-8").read()
d = json.load(open(sys.argv[2]))
total = [r for r in d["results"] if r["code"] == "TOTAL"][0]["verschil"]
sec = re.search(r'<section class="blk verschil">(.*?)</section>', h, re.S).group(1)
close = lambda a, b: abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
blocks = re.findall(r'<h3 data-kind="(\w+)" data-scenario="(\d+)">.*?<svg id="chart-verschil-\w+-\d+"(.*?)</svg>.*?<tbody>(.*?)</tbody>', sec, re.S)
assert len(blocks) >= 2, len(blocks)
for kind, s, svg, body in blocks:
    s = int(s) - 1
    rows = [[float(x) for x in re.findall(r'data-value="([^"]+)"', tr)] for tr in re.findall(r'<tr.*?</tr>', body, re.S)]
    bars = [float(x) for x in re.findall(r'data-value="([^"]+)"', svg)]
    assert bars == [x for r in rows for x in r[1:]], "bars differ from the table"
    for r in rows:
        assert close(r[1] + r[2] + r[3], r[0]), r
    # rows shown + rows left out (each under 500 euro) = total
    for k in range(4):
        assert abs(sum(r[k] for r in rows[:-1]) - rows[-1][k]) < 500 * 12, (k, rows)
    y = d["years"].index(int(re.search(r'Verschillenanalyse (\d+)', h).group(1)))
    t = total[kind]["total"]
    assert [t[p][s][y] for p in ("diff", "price", "volume", "other")] == rows[-1], (rows[-1], kind, s)
PY
printf 'scenario,gemeente_code,year,metric,p5,p50,p95\n1,TOTAL,2025,tekort,-8e6,-6e6,-5e6\n1,TOTAL,2026,tekort,-9e6,-6.5e6,-5e6\n' > "$TMP/bands.csv"
expect_exit 0 "$JZ" compare -q --bands "$TMP/bands.csv" --lang en --format html -o "$TMP/en.html" "$A" "$B" "$C"
expect_grep "$TMP/en.html" '<html lang="en">'
expect_grep "$TMP/en.html" "Deficit per year"
expect_grep "$TMP/en.html" 'data-band="1"'
expect_exit 0 "$JZ" compare -q --bands "$TMP/bands.csv" --format json "$A" "$B" "$C"
"$PYJ" -c 'import json,sys; d=json.load(open(sys.argv[1])); b=d["results"][2]["bands"]["tekort"]; assert b["p5"][0][1] == -8e6 and b["p95"][0][2] == -5e6 and b["p50"][1][1] is None' "$TMP/out" && ok || bad "bands in JSON"

# --gemeente all: the region, then a tekort chart per gemeente
expect_exit 0 "$JZ" compare -q --gemeente all --format html -o "$TMP/all.html" "$A" "$B"
n=$(grep -o '<svg id="chart-tekort[^"]*"' "$TMP/all.html" | sort -u | wc -l)
[ "$n" = 3 ] && ok || bad "--gemeente all: $n tekort charts, wanted 3"
# jzsim run writes the same reports for one scenario
expect_exit 2 "$JZ" run --format html "$A"
expect_exit 0 "$JZ" run -q --format html -o "$TMP/one.html" "$A"
expect_grep "$TMP/one.html" 'data-scenario="1"'
grep -q 'data-scenario="2"' "$TMP/one.html" && bad "run html has a second series" || ok
expect_exit 0 "$JZ" run -q --format xlsx -o "$TMP/one.xlsx" "$A"
[ -s "$TMP/one.xlsx" ] && ok || bad "run xlsx wrote nothing"

# ---- -o is atomic: a failing run leaves an existing file alone ----
echo "keep me" > "$TMP/keep.html"
expect_exit 2 "$JZ" compare --format html -o "$TMP/keep.html" "$A" "$TMP/missing.yaml"
expect_grep "$TMP/keep.html" "keep me"
ls "$TMP" | grep -q '\.tmp\.' && bad "temporary file left behind" || ok

# ---- the briefing in a browser: a real render, not a blank page ----
CHROME=""
for c in chromium chromium-browser google-chrome; do command -v "$c" >/dev/null 2>&1 && { CHROME=$c; break; }; done
if [ -z "$CHROME" ]; then
  echo "SKIP: chromium is not installed; the HTML was not rendered" >&2
  skipped="$skipped chromium"
else
  # the example scenarios: the briefing the README shows
  expect_exit 0 "$JZ" compare -q --format html -o "$TMP/brief.html" "$EX" "$HI"
  profile=$(mktemp -d)
  timeout 60 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1200,1600 --screenshot="$TMP/shot.png" \
    "file://$TMP/brief.html" >/dev/null 2>&1
  rm -rf "$profile"
  if [ ! -s "$TMP/shot.png" ]; then
    bad "chromium wrote no screenshot"
  else
    "$PYJ" - "$TMP/shot.png" <<'PY' && ok || bad "the rendered briefing looks blank or unstyled"
# Decode the PNG (zlib + scanline filters) and look at the pixels: a real
# render has text and charts (many colours, a good share of ink) and the
# briefing's accent navy (#1f3a68, the title and the reference line).
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, typ = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if typ == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif typ == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, ink, navy, total = set(), 0, 0, 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 2:
        continue
    for x in range(0, stride, bpp * 2):
        r, g, bl = line[x], line[x + 1], line[x + 2]
        colours.add((r, g, bl))
        total += 1
        if r + g + bl < 600:
            ink += 1
        if abs(r - 0x1f) < 14 and abs(g - 0x3a) < 14 and abs(bl - 0x68) < 14:
            navy += 1
print("pixels %d, colours %d, ink %.1f%%, navy %d" % (total, len(colours), 100.0 * ink / total, navy), file=sys.stderr)
assert w == 1200 and h == 1600
assert len(colours) > 200, len(colours)
assert 0.02 < ink / total < 0.6, ink / total
assert navy > 300, navy
PY
  fi
fi

# The briefing draws the tornado of the reference's uncertain inputs, and
# only when the reference has some.
UNC="$SRC/scenarios/example-onzeker.yaml"
expect_exit 0 "$JZ" compare --format html -o "$TMP/tornado.html" "$UNC" "$EX"
expect_grep "$TMP/tornado.html" 'id="chart-tornado"'
expect_grep "$TMP/tornado.html" "Welke aannames wegen het zwaarst"
expect_exit 0 "$JZ" compare --format html -o "$TMP/notornado.html" "$EX" "$UNC"
grep -q 'id="chart-tornado"' "$TMP/notornado.html" && bad "tornado drawn for a reference without uncertain inputs" || ok
# The tornado is about the year the summary and the Kerncijfers are about
# (Enschede's begrotingsjaar 2027, not the last year 2030: a council read
# two years), named in its heading, its text and its axis; its bars are
# 'jzsim sensitivity --year 2027' (whose own default stays the last year);
# the briefings of basis and Hervormingsagenda made above (bj.html, bj-en.html)
expect_grep "$TMP/bj.html" "<h2>Kerncijfers 2027 (begrotingsjaar)</h2>"
expect_grep "$TMP/bj.html" "<h2>Welke aannames wegen het zwaarst? Tekort 2027 (begrotingsjaar)</h2>"
expect_grep "$TMP/bj.html" "hoe het tekort van 2027 in de referentie verschuift"
expect_grep "$TMP/bj.html" "tekort 2027 (€ mln)"
expect_grep "$TMP/bj-en.html" "Which assumptions matter most? Deficit 2027 (budget year)</h2>"
expect_grep "$TMP/bj-en.html" "the reference's deficit in 2027 moves"
expect_exit 0 "$JZ" sensitivity -q --year 2027 --format html -o "$TMP/ens-s27.html" "$ENS"
expect_exit 0 "$JZ" sensitivity -q --format json "$ENS"
"$PYJ" -c 'import json,sys; assert json.load(open(sys.argv[1]))["year"] == 2030' "$TMP/out" && ok ||
  bad "jzsim sensitivity: its default year is the last"
# (the same bars in the same order, and the same point-value tekort line)
bars() { grep -o 'data-input="[^"]*"\|<line [^>]*stroke="#000"[^>]*>' "$1" | tr '\n' ' '; }
[ -n "$(bars "$TMP/bj.html")" ] && [ "$(bars "$TMP/bj.html")" = "$(bars "$TMP/ens-s27.html")" ] && ok ||
  bad "the briefing's tornado is not that of sensitivity --year 2027"
# horizons that do not overlap (the summary year 2034 is not the
# reference's): the tornado of the reference's last year, named plainly
sed "s/base_year: 2024/base_year: 2030/" "$EX" > "$TMP/late.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/late.html" "$UNC" "$TMP/late.yaml"
expect_grep "$TMP/late.html" "<h2>Welke aannames wegen het zwaarst? Tekort 2028</h2>"
# Its labels (and every other SVG label of a briefing) are whole, on up to
# three lines broken between words, or end in "…" at a word boundary with
# the whole label as the <title>; never cut mid-word ("(eu…", "Al…")
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/tw-t.html" "$SRC/scenarios/twente/regio.yaml" "$SRC/scenarios/twente/contract-lumpsum.yaml"
expect_exit 0 "$JZ" compare -q --lang en --format html --gemeente Almelo -o "$TMP/al-t.html" "$SRC/scenarios/twente/regio.yaml" "$SRC/scenarios/twente/contract-lumpsum.yaml"
"$PYJ" - "$TMP/bj.html" "$TMP/tw-t.html" "$TMP/al-t.html" <<'PY' && ok || bad "an SVG label cut mid-word"
import html, re, sys
bad, torn = [], 0
for path in sys.argv[1:]:
    page = open(path, encoding="utf-8").read()
    for m in re.finditer(r"<text[^>]*>(.*?)</text>", page, re.S):
        inner = m.group(1)
        title = re.search(r"<title>(.*?)</title>", inner, re.S)
        lines = [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in
                 re.findall(r"<tspan[^>]*>(.*?)</tspan>", re.sub(r"<title>.*?</title>", "", inner, flags=re.S), re.S)]
        shown = " ".join(lines) if lines else html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<title>.*?</title>", "", inner, flags=re.S)))
        in_tornado = m.start() > page.find('id="chart-tornado"') >= 0 and 'data-input' in page[max(0, m.start() - 200):m.start()]
        torn += in_tornado
        if title:
            full = html.unescape(title.group(1))
            if shown.endswith("…"):
                k = len(shown) - 1
                if not (full.startswith(shown[:-1]) and full[k] in " ,;:"):
                    bad.append((path, shown, full))
            elif shown != full:
                bad.append((path, shown, full))
            if in_tornado and shown.endswith("…"):
                bad.append((path, "a tornado label shortened", full))
        elif shown.endswith("…"):
            bad.append((path, shown, "no <title>"))
assert torn >= 8, torn
assert not bad, bad[:4]
PY

# ---- why a percentage is missing (jz_cmp_rel_why): the terminal says it in
# a word and a line under the table; the CSV and JSON in diff_rel_why ----
E="$SRC/scenarios/enschede"
expect_exit 0 "$JZ" compare -q "$E/basis.yaml" "$E/verbeterkansen.yaml"
cp "$TMP/out" "$TMP/why.txt"
# the beïnvloedbaar tekort of [2] turns to a surplus in 2030; the besparing of [1] is 0
expect_grep "$TMP/why.txt" "^2030     € -13.878.454   omslag$"
expect_grep "$TMP/why.txt" "^omslag: geen percentage over 0 heen (van een tekort naar een overschot of omgekeerd): \[2\] 2030\.$"
expect_grep "$TMP/why.txt" "^2026      € +6.661.000  ref. ~0$"
expect_grep "$TMP/why.txt" "^ref. ~0: geen percentage van een referentie van 0 of, bij een saldo als het tekort, onder € 50.000:$"
grep -E "^(omslag|ref\. [<~]0):" -A1 "$TMP/why.txt" >"$TMP/why-notes.txt"
w=$(width "$TMP/why-notes.txt")
[ "$w" -le 100 ] && ok || bad "a line under a difference table is $w columns wide"
expect_exit 0 "$JZ" compare -q --lang en "$E/basis.yaml" "$E/verbeterkansen.yaml"
expect_grep "$TMP/out" "^turns: no percentage across 0 (from a deficit to a surplus or back): \[2\] 2030\.$"
# a level has its percentage whatever its size: a small zorgsoort's cost from
# € 40.000 to € 80.000 is +100%; its tekort (no budget: the cost) of € 40.000
# is a balance below € 50.000 and has none
printf 'meta: {name: Klein, base_year: 2024, horizon: 2}\nzorgsoorten:\n  - {key: klein, start: 4, instroom: 4, zorgduur: 12, cost: 10k}\ngemeenten:\n  - {code: GM0001, name: Eerstestad}\n' >"$TMP/klein.yaml"
printf 'extends: klein.yaml\nmeta: {name: Klein duurder, description: het dubbele per cliëntjaar}\nzorgsoorten:\n  - {key: klein, cost: 20k}\n' >"$TMP/klein2.yaml"
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/klein.json" "$TMP/klein.yaml" "$TMP/klein2.yaml"
expect_exit 0 "$JZ" compare -q --format csv -o "$TMP/klein.csv" "$TMP/klein.yaml" "$TMP/klein2.yaml"
"$PYJ" - "$TMP/klein.json" "$TMP/klein.csv" <<'PY' && ok || bad "a small zorgsoort's cost has its percentage, its tekort none"
import csv, json, sys
d = json.load(open(sys.argv[1]))
z = d["results"][0]["zorgsoorten"]["klein"]
assert 30000 < z["cost"]["values"][0][0] < 50000, z["cost"]["values"]
assert abs(z["cost"]["diff_rel"][1][0] - 1.0) < 1e-12 and z["cost"]["diff_rel_why"][1][0] == "", z["cost"]
assert z["tekort"]["diff_rel"][1][0] is None and z["tekort"]["diff_rel_why"][1][0] == "reference_small", z["tekort"]
rows = [r for r in csv.reader(open(sys.argv[2])) if r[4] == "klein" and r[0] == "2" and r[5] == "2024"]
got = {r[6]: (r[9], r[11]) for r in rows}
assert abs(float(got["cost"][0]) - 1.0) < 1e-12 and got["cost"][1] == "", got
assert got["tekort"] == ("", "reference_small"), got
PY

if [ "$fails" -eq 0 ] && [ -n "$skipped" ]; then
  echo "$passes passed, $fails failed (skipped:$skipped)"
  exit 77
fi
finish
