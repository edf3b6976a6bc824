#!/bin/bash
# The shipped Twente scenario against the figures its sources give per gemeente
# (issue 16): every 2022 figure with a source must come out within 5%.  The
# table below is the list in docs/scenarios.md ("Twente: cijfers per gemeente");
# a figure that drifts (a changed factor, price or start in regio.yaml, or a
# model change) fails here with the gemeente, the figure and both values.
#   - absolute: a count or euro amount from the source itself;
#   - ratio: the share of youth in care relative to Enschede's (unique clients /
#     youth 0-17, divided by Enschede's), which regio.yaml derives from the CBS
#     shares of the first half of 2021 (the zorggebruik-factor f).
# The calibration itself is checked too: jzsim calibrate on the shipped history
# must leave every observation within 5% (exit 0, residuals from its JSON).
. "$(dirname "$0")/lib.inc"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || { echo "python3-yaml not found: skipped"; exit 77; }
cd "$SRC" || exit 1
expect_exit 0 "$JZ" validate --strict scenarios/twente/regio.yaml
expect_exit 0 "$JZ" run -q --format json --gemeente all scenarios/twente/regio.yaml
cp "$TMP/out" "$TMP/run.json"
expect_exit 0 "$JZ" calibrate -q --history scenarios/twente/historie.csv --fit kosten --format json scenarios/twente/regio.yaml
cp "$TMP/out" "$TMP/cal.json"
cat >"$TMP/table" <<'TABLE'
# kind;gemeente;figure;year;value;source
absolute;GM0153;unique_clients;2022;4505;Enschede 2023, par. 4.3: 4.505 unieke jeugdigen
absolute;GM0153;cost_per_client;2022;15000;Enschede 2023, par. 4.5: ruim EUR 15k per jeugdige
absolute;GM0153;pleegzorg.unique;2022;381;Enschede 2023, par. 4.4: 381 jeugdigen in pleegzorg
absolute;GM0153;verlengde_jeugdzorg.unique;2022;229;Enschede 2023, par. 4.7: 229 jeugdigen
absolute;GM0141;cost_per_client;2022;15900;Enschede 2023, par. 4.5: Almelo EUR 15,9k per client (Kennispunt Twente)
absolute;GM0164;cost_per_client;2022;13000;Enschede 2023, par. 4.5: Hengelo EUR 13k per client (Kennispunt Twente)
ratio;GM0141;share_vs_enschede;2022;1.188;CBS H1 2021: Almelo 9,9% / Enschede 1 op 12
ratio;GM0164;share_vs_enschede;2022;1.104;CBS H1 2021: Hengelo 9,2% / Enschede 1 op 12
ratio;GM1742;share_vs_enschede;2022;1.068;CBS H1 2021: Rijssen-Holten 8,9% / Enschede 1 op 12
ratio;GM1700;share_vs_enschede;2022;1.068;CBS H1 2021: Twenterand 8,9% / Enschede 1 op 12
ratio;GM1774;share_vs_enschede;2022;0.632;CBS H1 2021: Dinkelland 1 op 18-20 / Enschede 1 op 12
ratio;GM0183;share_vs_enschede;2022;0.632;CBS H1 2021: Tubbergen 1 op 18-20 / Enschede 1 op 12
absolute;GM0141;inhabitants;2024;74355;CBS via Wikipedia: Almelo inwoners 1 januari 2024
absolute;GM0147;inhabitants;2024;24632;CBS via Wikipedia: Borne inwoners 1 januari 2024
absolute;GM1774;inhabitants;2024;26741;CBS via Wikipedia: Dinkelland inwoners 1 januari 2024
absolute;GM0158;inhabitants;2024;24360;CBS via Wikipedia: Haaksbergen inwoners 1 januari 2024
absolute;GM0163;inhabitants;2024;36271;CBS via Wikipedia: Hellendoorn inwoners 1 januari 2024
absolute;GM0164;inhabitants;2022;81429;CBS via Wikipedia: Hengelo inwoners 1 januari 2022
absolute;GM0164;inhabitants;2024;83051;CBS via Wikipedia: Hengelo inwoners 1 januari 2024
absolute;GM1735;inhabitants;2024;35438;CBS via Wikipedia: Hof van Twente inwoners 1 januari 2024
absolute;GM0168;inhabitants;2024;23380;CBS via Wikipedia: Losser inwoners 1 januari 2024
absolute;GM0173;inhabitants;2024;31794;CBS via Wikipedia: Oldenzaal inwoners 1 januari 2024
absolute;GM1742;inhabitants;2024;38676;CBS via Wikipedia: Rijssen-Holten inwoners 1 januari 2024
absolute;GM0183;inhabitants;2024;21393;CBS via Wikipedia: Tubbergen inwoners 1 januari 2024
absolute;GM1700;inhabitants;2024;34071;CBS via Wikipedia: Twenterand inwoners 1 januari 2024
absolute;GM0189;inhabitants;2022;24637;gemeente Wierden, Bevolkingsstatistieken: inwoners 1 januari 2022
absolute;GM0153;inhabitants;2023;161303;CBS via Wikipedia: Enschede inwoners 1 januari 2023
TABLE
if python3 - "$TMP/run.json" "$TMP/cal.json" "$TMP/table" scenarios/twente/regio.yaml scenarios/enschede/basis.yaml <<'PY'
import json, sys, yaml
run, cal, table, regio, basis = sys.argv[1:6]
d = json.load(open(run, encoding="utf-8"))
res = {r["code"]: r for r in d["results"]}
youth = {}
for f in (basis, regio):
    for g in yaml.safe_load(open(f, encoding="utf-8")).get("gemeenten", []):
        b = g.get("population", {}).get("youth", {})
        if isinstance(b, dict) and "base" in b:
            youth[g["code"]] = float(b["base"])
def value(code, figure, y):
    r = res[code]; i = d["years"].index(y)
    if figure == "share_vs_enschede":
        share = lambda c: res[c]["totals"]["unique_clients"][i] / youth[c]
        return share(code) / share("GM0153")
    if "." in figure:
        z, k = figure.split(".")
        return r["zorgsoorten"][z][k][i]
    return r["totals"][figure][i]
bad = 0
for line in open(table, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    kind, code, figure, year, want, source = line.rstrip("\n").split(";")
    got, want = value(code, figure, int(year)), float(want)
    dev = got / want - 1
    if abs(dev) > 0.05:
        print(f"FAIL: {code} {figure} {year}: model {got:.4g}, source {want:.4g} ({dev:+.1%}): {source}", file=sys.stderr)
        bad += 1
c = json.load(open(cal, encoding="utf-8"))
for r in c["residuals"]:
    if r.get("observed") and abs(r["model"] / r["observed"] - 1) > 0.05:
        print(f"FAIL: calibrate residual {r}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY
then ok; else bad "scenarios/twente/regio.yaml drifts from its sourced figures (table in this test and docs/scenarios.md)"; fi
finish
