"""The figures agree with themselves in every format (issue 11, section 2).

For every shipped comparison (and every shipped scenario on its own):
  - totals = the zorgsoorten + the lines in no zorgsoort (fixed cost,
    investment in measures), for cost and for tekort;
  - the split adds up: beinvloedbaar + niet_beinvloedbaar = tekort, and the
    causes (tariff, external, volume, intensity, startverschil) = tekort;
  - the tekort difference is explained: reference tekort - tekort =
    (besparing - reference besparing) + andere aannames;
  - the same figure in every format: JSON = CSV (en and nl locale) = XLSX
    (read back with openpyxl) = the terminal table (rounded to the euro) =
    the HTML briefing (rounded to € 0,1 mln; tests/cli/briefing_figures.py).

Usage: consistency.py JZSIM SRC TMP; prints one line per failure, exits 1 on any.
"""
import csv
import json
import os
import re
import subprocess
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from briefing_figures import html_agrees  # noqa: E402  (the HTML part)

JZ, SRC, TMP = sys.argv[1:4]
E = os.path.join(SRC, "scenarios", "enschede")
SETS = [
    [os.path.join(E, f) for f in ("geen-maatregelen.yaml", "hervormingsagenda.yaml", "hervormingsagenda-zeker.yaml",
                                  "verbeterkansen.yaml", "uitstroom-stagneert.yaml")],
    [os.path.join(SRC, "scenarios", f) for f in ("example.yaml", "example-hoge-indexatie.yaml")],
    [os.path.join(SRC, "scenarios", "twente", "regio.yaml"), os.path.join(E, "basis.yaml")],
    [os.path.join(SRC, "tests", "data", "compare", f) for f in ("a.yaml", "b.yaml", "c.yaml")],
]
SINGLE = sorted(os.path.join(d, f) for d in (os.path.join(SRC, "scenarios"), os.path.join(SRC, "scenarios", "enschede"),
                                              os.path.join(SRC, "scenarios", "twente"))
                for f in os.listdir(d) if f.endswith(".yaml"))
failures = []
checks = 0


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def close(a, b, tol=0.5):
    global checks
    checks += 1
    return abs(a - b) <= tol + 1e-9 * max(abs(a), abs(b))


def jz(*args):
    r = subprocess.run([JZ, *args], capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"jzsim {' '.join(args)}: exit {r.returncode}: {r.stderr[:300]}")
    return r.stdout


def sums(tag, d):
    S = len(d["scenarios"])
    for res in d["results"]:
        t = {k: v["values"] for k, v in res["totals"].items()}
        for s in range(S):
            for y, year in enumerate(d["years"]):
                if t["tekort"][s][y] is None:
                    continue
                w = f"{tag} {res['code']} [{s + 1}] {year}"
                g = lambda k: t[k][s][y]
                gv = lambda: ((t["verevening"][s][y] if "verevening" in t else 0.0)  # only for a region with a verevening
                              + (t["contract"][s][y] if "contract" in t else 0.0))  # or a lumpsum contract
                zsum = lambda k: sum(res["zorgsoorten"][z][k]["values"][s][y] or 0.0 for z in res["zorgsoorten"])
                if not close(g("cost"), zsum("cost") + g("fixed_cost") + g("measure_investment") + gv()):
                    fail(f"{w}: cost {g('cost')} != zorgsoorten + fixed + investment + verevening")
                if not close(g("tekort"), zsum("tekort") + g("fixed_tekort") + g("measure_investment") + gv()):
                    fail(f"{w}: tekort {g('tekort')} != zorgsoorten + fixed + investment + verevening")
                if not close(g("beinvloedbaar") + g("niet_beinvloedbaar"), g("tekort")):
                    fail(f"{w}: split parts != tekort")
                parts = sum(g(k) for k in ("dec_tariff", "dec_external", "dec_volume", "dec_intensity", "dec_start")) + gv()
                if not close(parts, g("tekort"), 1.0):
                    fail(f"{w}: causes {parts} != tekort {g('tekort')}")
                if t["tekort"][0][y] is not None:
                    lhs = t["tekort"][0][y] - g("tekort")
                    rhs = g("measure_saving") - t["measure_saving"][0][y] + g("other_assumptions")
                    if not close(lhs, rhs):
                        fail(f"{w}: tekort difference {lhs} != besparing + andere aannames {rhs}")
                if not close(g("measure_saving"), g("cost_without_measures") - g("cost"), 1.0):
                    fail(f"{w}: besparing != cost without measures - cost")


def value_of(d, code, zs, key, s, y):
    res = next(r for r in d["results"] if r["code"] == code)
    m = res["zorgsoorten"][zs][key] if zs else res["totals"][key]
    return m["values"][s][y]


def csv_agrees(tag, d, path, sep):
    rows = list(csv.reader(open(path, newline="", encoding="utf-8"), delimiter=sep))
    n = 0
    for r in rows[1:]:
        s, code, zs, year, key, val = int(r[0]) - 1, r[2], r[4], int(r[5]), r[6], r[7]
        if key.startswith("verschil"):  # verschil[_buiten]:<kind>:<part>, the JSON's results[].verschil
            what, kind, part = key.split(":")
            v = [u for u in d["results"] if u["code"] == code][0]["verschil"][kind]
            v = v["zorgsoorten"][zs] if zs else v["outside_zorgsoorten"] if what == "verschil_buiten" else v["total"]
            want = v[part][s][d["years"].index(year)]
        else:
            want = value_of(d, code, zs, key, s, d["years"].index(year))
        if want is None:
            if val != "":
                fail(f"{tag} csv{sep}: {r} should be empty")
            continue
        got = float(val.replace(",", ".")) if sep == ";" else float(val)
        n += 1
        if not close(got, want, 1e-6):
            fail(f"{tag} csv{sep}: {r} != {want}")
    if n < 100:
        fail(f"{tag} csv{sep}: only {n} values")


def xlsx_agrees(tag, d, path):
    wb = openpyxl.load_workbook(path)
    ws = wb[wb.sheetnames[0]]
    label = {(m["level"], m["label_nl"]): m["key"] for m in d["metrics"]}
    zkey = {z["name"]: z["key"] for z in d["zorgsoorten"]}
    S, n = len(d["scenarios"]), 0
    for row in ws.iter_rows(min_row=5, values_only=True):
        code, zs, lab, year = row[1], row[2], row[3], row[4]
        key = label[("zorgsoort" if zs else "gemeente", lab)]
        for s in range(S):
            want = value_of(d, code, zkey.get(zs), key, s, d["years"].index(year))
            got = row[6 + s]
            if (want is None) != (got is None) or (want is not None and not close(got, want, 1e-6)):
                fail(f"{tag} xlsx: {code} {zs} {lab} {year} [{s + 1}]: {got} != {want}")
            n += want is not None
    if n < 100:
        fail(f"{tag} xlsx: only {n} values")
    for name in wb.sheetnames:
        if len(name) > 31:
            fail(f"{tag} xlsx: sheet name {name!r} too long")
        for r in wb[name].iter_rows(values_only=True):
            for v in r:
                if isinstance(v, str) and (".yaml" in v or "ASSUMPTION" in v or re.search(r"seed\d|\bL\d{2,}", v)
                                           or re.search(r"\w\[[\w-]+\]\.", v)):
                    fail(f"{tag} xlsx sheet {name}: internal text {v[:80]!r}")


MONEY = re.compile(r"(-?)€ ([+-]?[0-9.]+)")


def euros(cell):
    m = MONEY.fullmatch(cell.strip())
    if not m:
        return None
    v = int(m.group(2).replace(".", ""))
    return -v if m.group(1) else v


def table_agrees(tag, d, text):
    """The overview tables (value block) and the per-zorgsoort tables of the
    total unit: every amount equals the JSON figure rounded to the euro."""
    lab = {m["label_nl"]: m["key"] for m in d["metrics"] if m["level"] == "gemeente"}
    zlab = {m["label_nl"]: m["key"] for m in d["metrics"] if m["level"] == "zorgsoort"}
    total = d["results"][-1]
    S, n = len(d["scenarios"]), 0
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        title = lines[i]
        m = re.fullmatch(r"(.+), (\d{4})( \(realisatie\))?", title)
        if title in lab and i + 1 < len(lines):
            key = lab[title]
            i += 1
            col0 = 0
            while i < len(lines) and lines[i] and not lines[i].startswith("Verschil"):
                row = re.match(r"^(\d{4})( R)?\s+(.*)$", lines[i])
                if row:
                    year = int(row.group(1))
                    y = d["years"].index(year)
                    cells = re.findall(r"-?€ -?[0-9.]+|-(?= |$)|[0-9.]+(?:,[0-9])?", row.group(3))
                    for k, c in enumerate(cells):
                        v = euros(c)
                        want = total["totals"][key]["values"][col0 + k][y]
                        if v is not None and want is not None:
                            n += 1
                            if not close(v, round(want), 1.0):
                                fail(f"{tag} table {title} {year} [{col0 + k + 1}]: {v} != {want}")
                elif lines[i].startswith("Jaar") and i + 1 < len(lines) and re.match(r"^\d{4}", lines[i + 1]) is None:
                    pass
                i += 1
                # a new block of scenarios starts after the year rows
                if i < len(lines) and lines[i] and not re.match(r"^\d{4}", lines[i]) and \
                        not lines[i].startswith("Verschil") and re.match(r"^\d{4}", lines[i - 1] or ""):
                    col0 += len(cells)
            continue
        if m and m.group(1) in zlab and m.group(1) in ("Kosten", "Tekort"):
            key, year = zlab[m.group(1)], int(m.group(2))
            y = d["years"].index(year)
            tkey = "cost" if key == "cost" else "tekort"
            i += 1
            col0 = 0
            while i < len(lines) and lines[i]:
                if lines[i].startswith("Totaal"):
                    cells = re.findall(r"-?€ -?[0-9.]+|(?<= )-(?= |$)", lines[i])
                    for k, c in enumerate(cells):
                        v, want = euros(c), total["totals"][tkey]["values"][col0 + k][y]
                        if v is not None and want is not None:
                            n += 1
                            if not close(v, round(want), 1.0):
                                fail(f"{tag} table {title} Totaal [{col0 + k + 1}]: {v} != {want}")
                    col0 += len(cells)
                i += 1
            continue
        i += 1
    if n < 20:
        fail(f"{tag} table: only {n} amounts compared")


for k, scen in enumerate(SETS, 1):
    tag = f"set{k}"
    d = json.loads(jz("compare", "-q", "--format", "json", *scen))
    sums(tag, d)
    p = os.path.join(TMP, f"{tag}.csv")
    jz("compare", "-q", "--format", "csv", "-o", p, *scen)
    csv_agrees(tag, d, p, ",")
    p = os.path.join(TMP, f"{tag}-nl.csv")
    jz("compare", "-q", "--format", "csv", "--locale", "nl", "-o", p, *scen)
    csv_agrees(tag, d, p, ";")
    p = os.path.join(TMP, f"{tag}.xlsx")
    jz("compare", "-q", "--format", "xlsx", "-o", p, *scen)
    xlsx_agrees(tag, d, p)
    table_agrees(tag, d, jz("compare", "-q", *scen))
    p = os.path.join(TMP, f"{tag}.html")
    jz("compare", "-q", "--format", "html", "-o", p, *scen)
    for msg in html_agrees(f"{tag} html", open(p, encoding="utf-8").read(), d):
        fail(msg)

for scen in SINGLE:
    d = json.loads(jz("run", "-q", "--format", "json", "--gemeente", "all", scen))
    tag = os.path.basename(scen)
    for res in d["results"] if "results" in d else d.get("gemeenten", []):
        t, Z = res["totals"], res["zorgsoorten"]
        for y in range(len(d["years"])):
            zs = lambda k: sum(Z[z][k][y] for z in Z)
            vv = t["verevening"][y] if "verevening" in t else 0.0  # a region with a verevening
            vv += t["contract"][y] if "contract" in t else 0.0  # a region with a lumpsum contract
            if not close(t["cost"][y], zs("cost") + t["fixed_cost"][y] + t["measure_investment"][y] + vv):
                fail(f"run {tag} {res['code']} {d['years'][y]}: cost != zorgsoorten + lines")
            if not close(t["tekort"][y], zs("tekort") + t["fixed_cost"][y] - t["fixed_budget"][y]
                         + t["measure_investment"][y] + vv):
                fail(f"run {tag} {res['code']} {d['years'][y]}: tekort != zorgsoorten + lines")
            if not close(t["beinvloedbaar"][y] + t["niet_beinvloedbaar"][y], t["tekort"][y]):
                fail(f"run {tag} {res['code']} {d['years'][y]}: split parts != tekort")

print(f"{checks} checks, {len(failures)} failures")
sys.exit(1 if failures else 0)
