#!/usr/bin/env python3
"""Check every headline figure that docs/scenarios.md quotes against the tool.

Usage: docs_figures.py DOC RUN_BASIS.json RUN_TWENTE.json COMPARE.json SENSITIVITY.json

The JSON files are the output of `jzsim run --format json` on
scenarios/enschede/basis.yaml and scenarios/twente/regio.yaml and of
`jzsim compare --format json` on the five Enschede variants of
tools/default-run.sh, and of `jzsim sensitivity --format json` on the
reference scenario (the tornado of the briefing).  Each figure is recomputed from the JSON, formatted as
the doc prints it (Dutch or English notation, rounded as shown) and looked
up in the doc: a phrase in the prose (whitespace and line breaks ignored) or
a cell of a table.  Any figure that is not found is reported with what the
tool gives; the exit status is the number of failures (capped at 1).
"""
import json
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

fails = []
checked = 0


def rnd(x, d):
    """Round half away from zero, as jzsim prints."""
    q = Decimal(1).scaleb(-d)
    r = Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)
    return abs(r) if r == 0 else r  # no "-0.00"


def group(s, sep):
    neg = s.startswith("-")
    s = s.lstrip("-")
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ("-" if neg else "") + sep.join(out)


def num(x, d, lang, grouped=True):
    """x rounded to d decimals in Dutch (1.234,5) or English (1,234.5) notation."""
    s = str(rnd(x, d))
    whole, _, frac = s.partition(".")
    th, dec = (".", ",") if lang == "nl" else (",", ".")
    whole = group(whole, th) if grouped else whole
    return whole + (dec + frac if frac else "")


def mln(x, d, lang):
    return num(x / 1e6, d, lang)


def pct(x, d, lang):
    return num(100 * x, d, lang)


def norm(text):
    return re.sub(r"\s+", " ", text)


def expect(doc, phrase, what):
    global checked
    checked += 1
    if phrase not in doc:
        fails.append(f"{what}: the tool gives '{phrase}', not found in the doc")


def table(text, header_start):
    """Rows (lists of cells) of the Markdown table whose header starts with header_start."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_start):
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip().strip("|").split("|")])
            return rows
    fails.append(f"table with header '{header_start}' not found")
    return []


def expect_cell(rows, key, col, want, what):
    global checked
    checked += 1
    for row in rows:
        if row and row[0] == key:
            if col >= len(row) or row[col] != want:
                got = row[col] if col < len(row) else "(no cell)"
                fails.append(f"{what}: the doc says '{got}', the tool gives '{want}'")
            return
    fails.append(f"{what}: no row '{key}'")


def main():
    doc_path, run_path, twente_path, cmp_path, sens_path = sys.argv[1:6]
    raw = open(doc_path, encoding="utf-8").read()
    doc = norm(raw)
    run = json.load(open(run_path, encoding="utf-8"))
    tw = json.load(open(twente_path, encoding="utf-8"))
    cmp_ = json.load(open(cmp_path, encoding="utf-8"))

    years = run["years"]
    Y = {y: i for i, y in enumerate(years)}
    t = run["results"][0]["totals"]
    zs = run["results"][0]["zorgsoorten"]

    def v(key, y):
        return t[key][Y[y]]

    # --- Enschede basis: prose, Dutch and English -------------------------
    for lang, m in (("nl", "{} mln"), ("en", "{}M")):
        e = lambda x, d=1: "€" + m.format(mln(x, d, lang))
        if lang == "nl":
            expect(doc, f"({e(v('tekort', 2024))} in 2024, {e(v('tekort', 2027))} in 2027)",
                   "basis tekort 2024 and 2027 (nl)")
            expect(doc, f"het tekort 2022 {e(v('tekort', 2022))} (ASSUMPTION) en 2023 "
                        f"{e(v('tekort', 2023))} is", "basis tekort 2022/2023 (nl)")
            expect(doc, f"tarief {e(v('dec_tariff', 2023), 2)} (tariefgat", "dec tariff 2023 (nl)")
            expect(doc, f"woonplaatsbeginsel {e(v('dec_external', 2023), 2)}, volume "
                        f"{e(v('dec_volume', 2023), 2)} en intensiteit {e(v('dec_intensity', 2023), 2)}",
                   "dec external/volume/intensity 2023 (nl)")
        else:
            expect(doc, f"({e(v('tekort', 2024))} in 2024, {e(v('tekort', 2027))} in 2027)",
                   "basis tekort 2024 and 2027 (en)")
            expect(doc, f"a 2022 deficit of {e(v('tekort', 2022))} (ASSUMPTION) and the 2023 deficit "
                        f"of {e(v('tekort', 2023))}", "basis tekort 2022/2023 (en)")
            expect(doc, f"tekort into tariff {e(v('dec_tariff', 2023), 2)} (tariff gap",
                   "dec tariff 2023 (en)")
            expect(doc, f"woonplaatsbeginsel {e(v('dec_external', 2023), 2)}, volume "
                        f"{e(v('dec_volume', 2023), 2)} and intensity {e(v('dec_intensity', 2023), 2)}",
                   "dec external/volume/intensity 2023 (en)")

    # cost per client 2023 with and without the one-off reële-prijs correction
    # of 3.04% (indexation.tariff_correction in basis.yaml)
    cpc22, cpc23 = v("cost_per_client", 2022), v("cost_per_client", 2023)
    cpc23_excl = v("care_cost", 2023) / 1.0304 / v("unique_clients", 2023)
    k = lambda x, lang: "€" + num(x / 1e3, 1, lang) + "k"
    expect(doc, f"{k(cpc23, 'nl')} met en {k(cpc23_excl, 'nl')} zonder", "cost per client 2023 (nl)")
    expect(doc, f"De stijging naar {k(cpc23_excl, 'nl')} in 2023", "cost per client 2023 excl. (nl)")
    expect(doc, f"{k(cpc23, 'en')} with, {k(cpc23_excl, 'en')} without", "cost per client 2023 (en)")
    expect(doc, f"The rise to {k(cpc23_excl, 'en')} in 2023", "cost per client 2023 excl. (en)")
    expect(doc, f"zodat de zorgkosten 2022 / {num(v('unique_clients', 2022), 0, 'nl')} = "
                f"{k(cpc22, 'nl')}", "cost per client 2022 (nl)")
    expect(doc, f"so that 2022 care cost / {num(v('unique_clients', 2022), 0, 'en')} = "
                f"{k(cpc22, 'en')}", "cost per client 2022 (en)")
    growth = v("unique_clients", 2023) / v("unique_clients", 2022) - 1
    expect(doc, f"unieke cliënten in 2023 met {pct(growth, 1, 'nl')}%", "growth unique 2023 (nl)")
    expect(doc, f"unique clients grow {pct(growth, 1, 'en')}% in 2023", "growth unique 2023 (en)")

    # --- Calibration table (English notation) ------------------------------
    cal = table(raw, "| target | source |")
    col = 3
    expect_cell(cal, "unique clients 2022 (`unique_clients`)", col,
                num(v("unique_clients", 2022), 1, "en"), "calibration: unique 2022")
    expect_cell(cal, "cost per client 2022 (`cost_per_client`)", col,
                "€" + num(cpc22, 0, "en"), "calibration: cost per client 2022")
    expect_cell(cal, "cost per client 2023 as `jzsim` reports it (with the correction)", col,
                "€" + num(cpc23, 0, "en"), "calibration: cost per client 2023")
    expect(doc, f"| €{num(cpc23_excl, 0, 'en')} (care cost €{mln(v('care_cost', 2023) / 1.0304, 2, 'en')}M "
                f"excl. the correction / {num(v('unique_clients', 2023), 0, 'en')}) |",
           "calibration: cost per client 2023, report definition")
    expect(doc, f"| +{pct(cpc23_excl / cpc22 - 1, 1, 'en')}%, 6.5% (report definition) |",
           "calibration: growth of cost per client 2023")
    vjz = zs["verlengde_jeugdzorg"]
    expect_cell(cal, "verlengde jeugdzorg clients 2022", col, num(vjz["unique"][0], 1, "en"),
                "calibration: verlengde jeugdzorg clients 2022")
    expect_cell(cal, "verlengde jeugdzorg cost 2022", col, "€" + mln(vjz["cost"][0], 2, "en") + "M",
                "calibration: verlengde jeugdzorg cost 2022")
    expect_cell(cal, "verlengde jeugdzorg cost 2023 (check)", col,
                "€" + mln(vjz["cost"][1], 2, "en") + "M", "calibration: verlengde jeugdzorg cost 2023")
    expect_cell(cal, "verlengde jeugdzorg share of care cost 2022 (check)", col,
                pct(vjz["cost"][0] / v("care_cost", 2022), 1, "en") + "%",
                "calibration: verlengde jeugdzorg share 2022")
    expect_cell(cal, "pleegzorg clients 2022", col, num(zs["pleegzorg"]["unique"][0], 1, "en"),
                "calibration: pleegzorg clients 2022")
    expect_cell(cal, "tekort 2023", col, "€" + mln(v("tekort", 2023), 2, "en") + "M",
                "calibration: tekort 2023")
    expect(doc, f"| €{mln(v('beinvloedbaar', 2023), 2, 'en')}M (woonplaatsbeginsel as an in-volume "
                f"external shift, €{mln(v('dec_external', 2023), 2, 'en')}M net) |",
           "calibration: beinvloedbaar 2023")
    expect(doc, f"| {pct(v('start', 2022) / v('unique_clients', 2022), 1, 'en')}% (start / unique) |",
           "calibration: share already running")

    # --- Per zorgsoort 2022 -------------------------------------------------
    pz = table(raw, "| zorgsoort | start 1 Jan |")
    for key, z in zs.items():
        if z["unique"][0] == 0:
            continue
        expect_cell(pz, key, 1, num(z["start"][0], 0, "en"), f"per zorgsoort 2022: {key} start")
        expect_cell(pz, key, 5, num(z["unique"][0], 0, "en"), f"per zorgsoort 2022: {key} unique")
        expect_cell(pz, key, 6, num(z["client_years"][0], 0, "en"),
                    f"per zorgsoort 2022: {key} client-years")
        expect_cell(pz, key, 9, "€" + mln(z["cost"][0], 2, "en") + "M", f"per zorgsoort 2022: {key} cost")
        expect_cell(pz, key, 10, "€" + num(z["cost_per_client"][0], 0, "en"),
                    f"per zorgsoort 2022: {key} per unique client")
    tot = "total (transfers once)"
    expect_cell(pz, tot, 5, num(v("unique_clients", 2022), 0, "en"), "per zorgsoort 2022: total unique")
    expect_cell(pz, tot, 9, "€" + mln(v("care_cost", 2022), 2, "en") + "M", "per zorgsoort 2022: total cost")

    # --- Projection 2022-2027 ----------------------------------------------
    pr = table(raw, "| year | unique clients |")
    M1 = lambda x: "€" + mln(x, 1, "en") + "M"
    M2 = lambda x: "€" + mln(x, 2, "en") + "M"
    for y in years:
        cells = [num(v("unique_clients", y), 0, "en"), num(v("client_years", y), 0, "en"),
                 M1(v("care_cost", y)), "€" + num(v("cost_per_client", y), 0, "en"),
                 M1(v("fixed_cost", y)), M1(v("cost", y)), M1(v("budget", y)),
                 M1(v("rijksbijdrage", y)), M1(v("tekort", y)), M2(v("dec_tariff", y)),
                 M2(v("dec_external", y)), M2(v("dec_volume", y)), M2(v("dec_intensity", y))]
        for c, want in enumerate(cells, start=1):
            expect_cell(pr, str(y), c, want, f"projection {y}, column {c}")

    # --- Twente region --------------------------------------------------------
    tt = tw["results"][-1]["totals"]
    TY = {y: i for i, y in enumerate(tw["years"])}
    expect(doc, f"Twente region total 2022: {num(tt['unique_clients'][TY[2022]], 0, 'en')} unique "
                f"clients, care cost €{mln(tt['care_cost'][TY[2022]], 1, 'en')}M, tekort "
                f"€{mln(tt['tekort'][TY[2022]], 1, 'en')}M; 2023: tekort "
                f"€{mln(tt['tekort'][TY[2023]], 1, 'en')}M", "Twente totals")

    # --- Kerncijfers: the five variants of tools/default-run.sh -------------
    CY = {y: i for i, y in enumerate(cmp_["years"])}
    ct = cmp_["results"][0]["totals"]
    names = [s["name"] for s in cmp_["scenarios"]]

    def c(key, s, y):
        return ct[key]["values"][s][CY[y]]

    def m1(x):  # € mln, one decimal; a zero prints as 0
        return "0" if abs(x) < 5e4 else mln(x, 1, "nl")

    kc = table(raw, "| scenario | tekort 2023 |")
    for s, name in enumerate(names):
        row = name.split(", ", 1)[1] if ", " in name else name
        ha, hz = c("ha_savings", s, 2027), c("ha_savings_certain", s, 2027)
        want = [m1(c("tekort", s, 2023)), m1(c("tekort", s, 2027)), m1(c("beinvloedbaar", s, 2027)),
                m1(c("niet_beinvloedbaar", s, 2027)),
                m1(ha) + (f" ({m1(hz)})" if abs(ha) >= 5e4 else ""),
                m1(c("measure_investment", s, 2027)), num(c("unique_clients", s, 2027), 0, "nl")]
        for col_, w in enumerate(want, start=1):
            expect_cell(kc, row, col_, w, f"kerncijfers '{row}', column {col_}")

    # the reading of the table, Dutch and English; scenario order as in default-run.sh:
    # 0 geen maatregelen, 1 Hervormingsagenda, 2 alleen zeker, 3 en verbeterkansen, 4 uitstroom stagneert
    t27 = [c("tekort", s, 2027) for s in range(len(names))]
    nb0 = c("niet_beinvloedbaar", 0, 2027)
    ha1, hz1 = c("ha_savings", 1, 2027), c("ha_savings_certain", 1, 2027)
    inv3 = c("measure_investment", 3, 2027)
    local = t27[1] - t27[3]
    stag = t27[4] - t27[0]
    expect(doc, f"loopt het tekort op naar €{mln(t27[0], 1, 'nl')} mln in 2027, waarvan "
                f"€{mln(nb0, 1, 'nl')} mln niet te beïnvloeden is", "reading: tekort 2027 (nl)")
    expect(doc, f"De Hervormingsagenda haalt er €{mln(ha1, 1, 'nl')} mln af, waarvan "
                f"€{mln(hz1, 1, 'nl')} mln zeker", "reading: HA (nl)")
    expect(doc, f"koopt nog eens ca. €{mln(local, 0, 'nl')} mln, tegen €{mln(inv3, 1, 'nl')} mln "
                f"investering per jaar", "reading: local package (nl)")
    expect(doc, f"dan komt er €{mln(stag, 0, 'nl')} mln bij", "reading: stagnation (nl)")
    expect(doc, f"the tekort rises to €{mln(t27[0], 1, 'en')}M in 2027, of which "
                f"€{mln(nb0, 1, 'en')}M cannot be influenced", "reading: tekort 2027 (en)")
    expect(doc, f"takes off €{mln(ha1, 1, 'en')}M (€{mln(hz1, 1, 'en')}M certain)", "reading: HA (en)")
    expect(doc, f"buys about €{mln(local, 0, 'en')}M more for €{mln(inv3, 1, 'en')}M investment a year",
           "reading: local package (en)")
    expect(doc, f"a stagnating outflow adds €{mln(stag, 0, 'en')}M", "reading: stagnation (en)")

    # --- the tornado: swing of the last year's tekort per uncertain input --
    sens = json.load(open(sens_path, encoding="utf-8"))
    sw = {b["input"]: b["swing"] for b in sens["bars"]}
    order = [b["input"] for b in sorted(sens["bars"], key=lambda b: -b["swing"])]
    amb_d, amb_i = "zorgsoorten[ambulant].zorgduur", "zorgsoorten[ambulant].instroom.per_1000"
    res_c, pz_d = "zorgsoorten[residentieel].cost", "zorgsoorten[pleegzorg].zorgduur"
    global checked
    checked += 1
    if order[:4] != [amb_d, amb_i, res_c, pz_d]:
        fails.append(f"tornado: the tool orders the inputs {order[:4]}")
    expect(doc, f"(uitslag tekort {sens['year']} ca. €{mln(sw[amb_d], 0, 'nl')} mln), dan de ambulante instroom "
                f"(€{mln(sw[amb_i], 1, 'nl')} mln), de prijs van residentieel (€{mln(sw[res_c], 1, 'nl')} mln) "
                f"en de pleegzorgduur (€{mln(sw[pz_d], 1, 'nl')} mln)", "tornado (nl)")
    expect(doc, f"({sens['year']} tekort swing about €{mln(sw[amb_d], 0, 'en')}M), then ambulant instroom "
                f"(€{mln(sw[amb_i], 1, 'en')}M), residential price (€{mln(sw[res_c], 1, 'en')}M), foster-care "
                f"duration (€{mln(sw[pz_d], 1, 'en')}M)", "tornado (en)")

    for f in fails:
        print(f"FAIL: {doc_path}: {f}", file=sys.stderr)
    print(f"{checked - len(fails)} of {checked} quoted figures agree with jzsim")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
