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
    for code, t in res["taakvelden"].items():
        keys = [k for k, c in tv.items() if c == code]
        assert sorted(keys) == sorted(t["zorgsoorten"]), (code, keys)
        for m in ("client_years", "cost", "budget", "tekort"):
            for y in range(len(d["years"])):
                s = sum(res["zorgsoorten"][k][m][y] for k in keys)
                assert abs(s - t[m][y]) <= 1e-9 * max(1.0, abs(s)), (code, m, y, s, t[m][y])
                n += 1
assert n > 0
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
assert tot
for (code, c, f, y), v in tot.items():
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
        for line in lines[2:]:
            parts = re.split(r"\s{2,}", line.strip())
            rows.setdefault(parts[0], []).extend(num(p) for p in parts[1:])
    return rows
cost = section("Kosten per zorgsoort")
tekort = section("Tekort per zorgsoort")
tv = section("Per taakveld (Iv3; som van de zorgsoorten op het taakveld)")
assert tv, "no taakveld table"
checked = 0
for code in set(name_tv.values()):
    for fig, src in (("kosten", cost), ("tekort", tekort)):
        # names longer than the column are cut with an ellipsis
        def row_of(n):
            for k, v in src.items():
                if k == n or (k.endswith("…") and n.startswith(k[:-1])):
                    return v
            raise KeyError(n)
        rows = [row_of(n) for n, c in name_tv.items() if c == code]
        for y, v in enumerate(tv[code + " " + fig]):
            s = sum(r[y] for r in rows)
            assert abs(s - v) <= len(rows), (code, fig, y, s, v)  # rounding to whole euros
            checked += 1
assert checked > 0
PY

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
finish
