"""The HTML briefing agrees with the JSON of the same comparison (issue 11,
section 2): the figures a council reads are those of `compare --format json`.

html_agrees(name, h, j) compares the briefing h (its HTML source, or the DOM
as headless Chromium dumps it) with the comparison JSON j and returns the
failures as sentences:
  - the key figures (Kerncijfers) per scenario in the summary year;
  - the tekort per year (the year table below the tekort chart);
  - the cost per zorgsoort: the table's rows (zorgsoorten, Vaste lasten,
    Investering maatregelen, Kosten totaal) and the numbers above the
    columns of the chart, and in the JSON the lines add up to the total;
  - each waterfall: its steps are the parts of the split, its total the
    tekort, and the parts add up to the tekort;
  - the tekort chart has one series per scenario.
Used by tests/cli/briefing.sh (on Chromium's DOM) and tests/cli/consistency.py
(on every shipped comparison).
"""
import re
from html.parser import HTMLParser


def num(s):
    """A Dutch number as shown: '1.234,5', '€ 20.953', '-0,8' -> float."""
    s = s.replace("€", "").replace("\u2212", "-").strip()
    return float(s.replace(".", "").replace(",", "."))


def close(shown, want, decimals=1):
    return abs(shown - want) <= 0.5 * 10 ** -decimals + 1e-9


def tables(d):
    """Every <table> as rows of cell texts (th/td), via a second pass."""
    out, cur, row, cell = [], None, None, None
    class P(HTMLParser):
        def handle_starttag(s, tag, attrs):
            nonlocal cur, row, cell
            if tag == "table": cur = {"class": dict(attrs).get("class", ""), "rows": []}
            elif tag == "tr" and cur is not None: row = []
            elif tag in ("td", "th") and row is not None: cell = []
        def handle_endtag(s, tag):
            nonlocal cur, row, cell
            if tag in ("td", "th") and cell is not None: row.append("".join(cell).strip()); cell = None
            elif tag == "tr" and row is not None: cur["rows"].append(row); row = None
            elif tag == "table" and cur is not None: out.append(cur); cur = None
        def handle_data(s, data):
            if cell is not None: cell.append(data)
    P(convert_charrefs=True).feed(d)
    return out


def html_agrees(name, h, j):
    fails = []

    def check(cond, msg):
        if not cond:
            fails.append(msg)

    years = j["years"]
    S = len(j["scenarios"])
    res = next(r for r in j["results"] if r["code"] == ("TOTAL" if len(j["results"]) > 1 else j["results"][0]["code"]))
    tot = res["totals"]
    label = {m["label_nl"]: m["key"] for m in j["metrics"] if m["level"] == "gemeente"}
    # the briefing says what other assumptions do to the tekort in words
    # ("3,8 hoger"); the JSON has it as the tekort they take off
    label["Tekort door andere aannames"] = "other_assumptions"
    tabs = tables(h)
    # the summary year: the heading "Kerncijfers 2027 (prognose)"
    ys = years.index(int(re.search(r"Kerncijfers (\d{4})", h).group(1)))
    # key figures
    kf = next(t for t in tabs if t["class"] == "fig")
    n = 0
    for r in kf["rows"][1:]:
        key = label.get(re.sub(r" \(€ mln\)$", "", r[0]))
        check(key is not None, f"{name}: key figure {r[0]!r} has no JSON label")
        if key is None: continue
        for s in range(S):
            v = tot[key]["values"][s][ys]
            if r[1 + s] == "–":
                check(v is None or (key == "other_assumptions" and s == 0), f"{name}: {key}[{s}] shown absent, JSON {v}")
                continue
            money = "(€ mln)" in r[0]
            words = re.match(r"(.*) (hoger|lager)$", r[1 + s])
            shown = num(words.group(1)) * (-1 if words.group(2) == "hoger" else 1) if words else num(r[1 + s])
            check(key != "other_assumptions" or words or shown == 0, f"{name}: {key}[{s}] {r[1 + s]!r} not in words")
            check(close(shown, v / 1e6) if money else close(shown, v, 0), f"{name}: {key}[{s}] {shown} != JSON {v}")
            n += 1
    check(n >= 3 * S, f"{name}: only {n} key figures compared")
    # the tekort per year: the year table right after the tekort chart
    yt = next(t for t in tabs if t["class"] == "years")
    for r in yt["rows"][1:]:
        if len(r) == 1: continue  # Realisatie / Prognose
        y = years.index(int(r[0]))
        for s in range(S):
            v = tot["tekort"]["values"][s][y]
            check((r[1 + s] == "–") == (v is None), f"{name}: tekort {r[0]}[{s}] absent mismatch")
            if v is not None:
                check(close(num(r[1 + s]), v / 1e6), f"{name}: tekort {r[0]}[{s}] {r[1 + s]} != {v}")
    # the cost per zorgsoort: the chart's column labels, the table, the JSON
    ct = next(t for t in tabs if t["class"] == "cost")
    zname = {z["name"]: z["key"] for z in j["zorgsoorten"]}
    hrow = next(i for i, r in enumerate(ct["rows"]) if len(r) > 1 and r[1].startswith("["))
    cols = ct["rows"][hrow][1:]
    col_sy = []
    for ci, head in enumerate(cols):
        s = int(re.match(r"\[(\d+)\]", head).group(1)) - 1
        col_sy.append((s, years.index(int(head.split()[-1]))))
    for r in ct["rows"][hrow + 1:]:
        for ci, (s, y) in enumerate(col_sy):
            if r[1 + ci] == "–": continue
            shown = num(r[1 + ci])
            if r[0] in zname:
                v = res["zorgsoorten"][zname[r[0]]]["cost"]["values"][s][y]
            elif r[0] == "Kosten totaal":
                v = tot["cost"]["values"][s][y]
            elif r[0].startswith("Vaste lasten"):
                v = tot["fixed_cost"]["values"][s][y]
            elif r[0] == "Investering maatregelen":
                v = tot["measure_investment"]["values"][s][y]
            else:
                fails.append(f"{name}: cost row {r[0]!r} unknown"); continue
            check(close(shown, v / 1e6), f"{name}: cost {r[0]} [{s}] {shown} != {v}")
    # the lines add up to the total in the JSON (zorgsoorten + fixed + investment)
    for s, y in col_sy:
        parts = sum(z["cost"]["values"][s][y] or 0 for z in res["zorgsoorten"].values())
        parts += tot["fixed_cost"]["values"][s][y] + tot["measure_investment"]["values"][s][y]
        check(abs(parts - tot["cost"]["values"][s][y]) < 1.0, f"{name}: cost lines {parts} != total {tot['cost']['values'][s][y]}")
    # the numbers above the columns of the cost chart = the total cost
    svg = re.search(r'<svg id="chart-cost".*?</svg>', h, re.S).group(0)
    vals = re.findall(r'class="val">([^<]+)<', svg)
    check(len(vals) == len(col_sy), f"{name}: {len(vals)} column labels for {len(col_sy)} columns")
    for (s, y), v in zip(col_sy, vals):
        check(close(num(v), tot["cost"]["values"][s][y] / 1e6), f"{name}: column label {v} != cost [{s}] {years[y]}")
    # the waterfalls: each step = the JSON part, the total = the tekort
    for s in range(S):
        m = re.search(r'<svg id="chart-waterfall-%d".*?</svg>' % (s + 1), h, re.S)
        if not m: continue
        steps = [num(v.lstrip("+")) for v in re.findall(r'class="val">([^<]+)<', m.group(0))]
        want = [tot[k]["values"][s][ys] for k in ("dec_tariff", "dec_external", "dec_start", "dec_volume", "dec_intensity")
                if any(tot[k]["values"][t][ys] for t in range(S))]
        check(len(steps) == len(want) + 1, f"{name}: waterfall {s + 1} has {len(steps)} labels")
        for a, b in zip(steps, want):
            check(close(a, b / 1e6), f"{name}: waterfall {s + 1} step {a} != {b}")
        check(close(steps[-1], tot["tekort"]["values"][s][ys] / 1e6), f"{name}: waterfall {s + 1} total")
        check(abs(sum(want) - tot["tekort"]["values"][s][ys]) < 1.0, f"{name}: the parts do not add up to the tekort")
    # the tekort chart: one series per scenario
    svg = re.search(r'<svg id="chart-tekort".*?</svg>', h, re.S).group(0)
    check(len(re.findall(r'data-scenario="\d+"', svg)) == S, f"{name}: tekort chart series")
    return fails
