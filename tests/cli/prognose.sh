#!/bin/bash
# jzsim prognose as a controller reads it at the voorjaarsnota
# (docs/eigen-gemeente.md, step 7): a zorgsoort without realised months is
# the scenario's figure, marked as not realised (no 0, no zero-width band);
# the vaste lasten are a row, and the Totaal adds them to the zorgsoorten
# (under Scenario jaar the run's cost of the year); the rows carry
# the zorgsoorten's names, as every other report; and the typing mistakes of
# a realisation file stop with file:line:column, exit 2 and no output file.
. "$(dirname "$0")/lib.inc"
S="$SRC/scenarios/sjabloon"
R="$S/realisatie-voorbeeld.yml"
expect_exit 0 "$JZ" init -q -o "$TMP/vr.yaml" "$S/voorbeeld.yml"
expect_exit 0 "$JZ" run --format json "$TMP/vr.yaml"
cp "$TMP/out" "$TMP/run.json"

# ---- a zorgsoort without realised months (daghulp left out) ----
grep -v '^  daghulp:' "$R" > "$TMP/r9.yml"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
cp "$TMP/out" "$TMP/t9.txt"
# its row: "-" where nothing is realised or banded, the scenario's figure twice
grep -E '^Daghulp +- +1\.971\.227 +1\.971\.227 +- +-$' "$TMP/t9.txt" >/dev/null && ok \
  || { bad "daghulp without realisation is not '- scenario scenario - -'"; grep '^Daghulp' "$TMP/t9.txt" >&2; }
expect_grep "$TMP/t9.txt" "voor 1 van de 10 zorgsoorten zijn geen uitgaven opgegeven"
tr '\n' ' ' < "$TMP/t9.txt" > "$TMP/t9-line.txt"   # the notes are wrapped at 100 columns
expect_grep "$TMP/t9-line.txt" '"Subtotaal zorgsoorten" telt 9 met realisatie (prognose uit 6 maanden) en 1 zonder'
# with every zorgsoort realised, no such note
expect_exit 0 "$JZ" prognose --realisatie "$R" "$TMP/vr.yaml"
cp "$TMP/out" "$TMP/t10.txt"
grep -q "geen uitgaven opgegeven" "$TMP/t10.txt" && bad "note on missing zorgsoorten when none is missing" || ok
# the example in docs/eigen-gemeente.md is this output, line for line
sed -n '/^Prognose 2025: Voorbeeldrecht/,/^Totaal /p' "$SRC/docs/eigen-gemeente.md" | grep -v '^\.\.\.$' > "$TMP/doc.txt"
[ "$(wc -l < "$TMP/doc.txt")" -ge 6 ] && ok || bad "no prognose example in docs/eigen-gemeente.md"
while IFS= read -r l; do
  grep -qxF -- "$l" "$TMP/t9.txt" && ok || bad "docs/eigen-gemeente.md shows a line the output does not have: $l"
done < "$TMP/doc.txt"
expect_exit 0 "$JZ" prognose --lang en --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
expect_grep "$TMP/out" "no spending was given for 1 of the 10 care types"
expect_exit 0 "$JZ" prognose --format csv --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
cp "$TMP/out" "$TMP/c9.csv"
expect_grep "$TMP/c9.csv" "^GM9998,Voorbeeldrecht,2025,6,daghulp,Daghulp,realised,$"
expect_grep "$TMP/c9.csv" "^GM9998,Voorbeeldrecht,2025,6,daghulp,Daghulp,low,$"
expect_grep "$TMP/c9.csv" "^GM9998,Voorbeeldrecht,2025,6,totaal,Subtotaal zorgsoorten,zorgsoorten_realised,9$"
expect_exit 0 "$JZ" prognose --format json --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
python3 - "$TMP/out" "$TMP/run.json" <<'PY' && ok || bad "prognose JSON without daghulp"
import json, sys
d = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
z = {x["key"]: x for x in d["zorgsoorten"]}
dag = z["daghulp"]
for k in ("realised", "low", "high", "scale_start", "scale_inflow",
          "clients_end_low", "clients_end_high", "unique_low", "unique_high"):
    assert dag[k] is None, (k, dag[k])
assert dag["year_end"] == dag["scenario_year"] > 0
assert dag["name"] == "Daghulp" and z["verlengde_jeugdzorg"]["name"] == "Verlengde jeugdzorg (18+)"
t = d["total"]
assert t["zorgsoorten_realised"] == 9
assert abs(t["realised"] - sum(x["realised"] for x in d["zorgsoorten"] if x["realised"] is not None)) < 1e-6
assert abs(t["year_end"] - sum(x["year_end"] for x in d["zorgsoorten"])) < 1e-6 * t["year_end"]
# the whole cost: the run's total cost of the year, the zorgsoorten plus the lines
y = run["years"].index(d["year"])
c = d["total_cost"]
assert abs(c["scenario_year"] - run["results"][0]["totals"]["cost"][y]) < 1e-6, c
lines = {l["key"]: l for l in d["lines"]}
assert abs(lines["fixed_cost"]["scenario_year"] - run["results"][0]["totals"]["fixed_cost"][y]) < 1e-6
assert [l["name"] for l in d["lines"]] == ["Vaste lasten", "Investering maatregelen", "Verevening (regio)",
                                         "Lumpsumcontract (regio)"], d["lines"]
assert lines["fixed_cost"]["scenario_year"] > 0
assert abs(c["year_end"] - t["year_end"] - sum(l["year_end"] for l in d["lines"])) < 1e-6 * c["year_end"]
assert c["realised"] is None     # the vaste lasten have no realisation
assert c["low"] < c["year_end"] < c["high"]
PY

# ---- the vaste lasten and the Totaal: the run's cost of the year ----
grep -E "^Vaste lasten +- +4\.645\.340 +4\.645\.340 +- +-$" "$TMP/t10.txt" >/dev/null && ok \
  || bad "no Vaste lasten row from the scenario"
grep -E "^Totaal +- +31\.145\.246 " "$TMP/t10.txt" >/dev/null && ok \
  || bad "Totaal is not the run's cost of 2025"
# the note says what the row adds up, and that only its Scenario jaar is the run's cost
# (the Prognose jaar, 32,3 mln, is a forecast, not the scenario's cost)
tr '\n' ' ' < "$TMP/t10.txt" > "$TMP/t10-line.txt"
expect_grep "$TMP/t10-line.txt" '"Totaal" = "Subtotaal zorgsoorten" + "Vaste lasten" (uit het scenario: niet gerealiseerd, zonder band); onder "Scenario jaar" is dat de "Kosten" van jzsim run;'
grep -q "de kosten van het scenario" "$TMP/t10-line.txt" && bad "the note calls the whole Totaal row the scenario's cost" || ok
expect_exit 0 "$JZ" prognose --help
tr '\n' ' ' < "$TMP/out" > "$TMP/help-line.txt"
expect_grep "$TMP/help-line.txt" "the Totaal is the Subtotaal zorgsoorten plus those rows.  Under Scenario jaar that is the Kosten of jzsim run"
grep -q "whole cost of the year" "$TMP/help-line.txt" && bad "--help calls the Totaal the scenario's whole cost" || ok
expect_exit 0 "$JZ" prognose --format json --lang en --realisatie "$R" "$TMP/vr.yaml"
python3 -c 'import json,sys; l = json.load(open(sys.argv[1]))["lines"]; assert l[0]["name"] == "Fixed cost", l' "$TMP/out" \
  && ok || bad "the JSON lines are not named in the language of --lang"
expect_grep "$TMP/t10-line.txt" 'wat daarvan gerealiseerd is, is niet opgegeven, dus "Gerealiseerd" blijft daar leeg'
# a scenario without vaste lasten: they are 0, and the Totaal's realised is the zorgsoorten'
printf 'gemeente: {code: GM9997, naam: Minimaal}\nbasisjaar: 2024\nzorgsoorten:\n  - {key: ambulant, uitgaven: 5M, unieke_clienten: 700}\n' > "$TMP/min.yml"
expect_exit 0 "$JZ" init -q -o "$TMP/min.yaml" "$TMP/min.yml"
printf 'jaar: 2025\nmaanden: 3\nuitgaven:\n  ambulant: [400k, 410k, 420k]\n' > "$TMP/rmin.yml"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/rmin.yml" "$TMP/min.yaml"
expect_grep "$TMP/out" "^Vaste lasten  *-  *0  *0  *-  *-$"
expect_grep "$TMP/out" "^Totaal  *1\.230\.000 "
grep -q "blijft daar leeg" "$TMP/out" && bad "a note on realised vaste lasten when there are none" || ok
expect_exit 0 "$JZ" run "$TMP/vr.yaml"
expect_grep "$TMP/out" "^Totaal .*€ 31.145.246 "

# ---- against the begroting: the voorjaarsnota's question ----
# the section, its rows adding up, and the begroting the run's of the year
expect_grep "$TMP/t10.txt" "^Ten opzichte van de begroting$"
expect_grep "$TMP/t10.txt" "^Zorgsoort  *Begroting  *Prognose jaar  *Verschil  *Band laag  *Band hoog$"
# the Totaal: the run's Begroting of 2025 (29.802.000, jzsim run), the forecast above, their difference
grep -E "^Totaal +29\.802\.000 +32\.284\.655 +2\.482\.655 " "$TMP/t10.txt" >/dev/null && ok \
  || { bad "the Totaal against the begroting is not run's Begroting 2025 and the forecast"; grep '^Totaal' "$TMP/t10.txt" >&2; }
grep -E "^Vaste lasten +4\.602\.000 +4\.645\.340 +43\.340 +- +-$" "$TMP/t10.txt" >/dev/null && ok \
  || bad "the vaste lasten against their own begroting"
expect_grep "$TMP/t10-line.txt" 'Verschil = "Prognose jaar" - "Begroting": boven 0 een overschrijding, onder 0 een onderschrijding'
# the example in docs/eigen-gemeente.md is this output, line for line
# doc_example HEADING MIN WHAT: the example of docs/eigen-gemeente.md that
# starts at the line HEADING and ends at "Totaal" ("..." lines left out) has
# at least MIN lines, and each is a line of the output $TMP/t10.txt
doc_example() {
  sed -n "/^$1\$/,/^Totaal /p" "$SRC/docs/eigen-gemeente.md" | grep -v '^\.\.\.$' > "$TMP/doc-ex.txt"
  [ "$(wc -l < "$TMP/doc-ex.txt")" -ge "$2" ] && ok || bad "no $3 example in docs/eigen-gemeente.md"
  while IFS= read -r l; do
    grep -qxF -- "$l" "$TMP/t10.txt" && ok || bad "docs/eigen-gemeente.md shows a $3 line the output does not have: $l"
  done < "$TMP/doc-ex.txt"
}
doc_example "Ten opzichte van de begroting" 6 begroting
expect_exit 0 "$JZ" prognose --help
tr '\n' ' ' < "$TMP/out" > "$TMP/help-b.txt"
expect_grep "$TMP/help-b.txt" "set against the scenario's begroting of the year"
expect_exit 0 "$JZ" prognose --format json --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
python3 - "$TMP/out" "$TMP/run.json" <<'PY' && ok || bad "prognose JSON against the begroting"
import json, sys
d = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
y = run["years"].index(d["year"])
res = run["results"][0]
for x in d["zorgsoorten"]:
    assert abs(x["budget"] - res["zorgsoorten"][x["key"]]["budget"][y]) < 1e-6, x["key"]
    assert x["over_budget"] == x["year_end"] - x["budget"], x["key"]
    if x["low"] is None:            # daghulp: no band, so no band of the difference
        assert x["over_budget_low"] is None and x["over_budget_high"] is None
    else:
        assert x["over_budget_low"] == x["low"] - x["budget"] < x["over_budget"] < x["over_budget_high"]
t, c = d["total"], d["total_cost"]
assert abs(t["budget"] - res["totals"]["care_budget"][y]) < 1e-6
assert abs(c["budget"] - res["totals"]["budget"][y]) < 1e-6
lines = {l["key"]: l for l in d["lines"]}
assert abs(lines["fixed_cost"]["budget"] - res["totals"]["fixed_budget"][y]) < 1e-6
assert all(l["budget"] == 0 for k, l in lines.items() if k != "fixed_cost")
# the rows add up: the subtotal's and the lines' differences are the whole's
assert abs(t["over_budget"] + sum(l["over_budget"] for l in d["lines"]) - c["over_budget"]) < 1e-6
assert abs(c["over_budget"] - (c["year_end"] - c["budget"])) < 1e-6
# the scenario's own tekort of the year is its Scenario jaar minus the same begroting
assert abs(c["scenario_year"] - c["budget"] - res["totals"]["tekort"][y]) < 1e-6
PY
expect_exit 0 "$JZ" prognose --format csv --realisatie "$R" "$TMP/vr.yaml"
expect_grep "$TMP/out" "^GM9998,Voorbeeldrecht,2025,6,kosten_totaal,Totaal,budget,2980\(1999\.9[0-9]*\|2000\)$"
expect_grep "$TMP/out" "^GM9998,Voorbeeldrecht,2025,6,fixed_cost,Vaste lasten,over_budget,43340"
expect_exit 0 "$JZ" prognose --lang en --realisatie "$R" "$TMP/vr.yaml"
expect_grep "$TMP/out" "^Care type  *Budget  *Forecast year  *Difference  *Band low  *Band high$"

# ---- per Iv3 taakveld against the begroting: the lines a controller reports on ----
doc_example "Per taakveld (Iv3) ten opzichte van de begroting" 5 taakveld
expect_grep "$TMP/t10.txt" "^Per taakveld (Iv3) ten opzichte van de begroting$"
grep -E "^6\.72 +22\.675\.049 +24\.882\.629 +2\.207\.579 " "$TMP/t10.txt" >/dev/null && ok \
  || { bad "taakveld 6.72 against the begroting"; sed -n '/^Per taakveld/,/^Totaal/p' "$TMP/t10.txt" >&2; }
grep -E "^Overig +2\.336\.000 +2\.379\.340 +43\.340 +- +-$" "$TMP/t10.txt" >/dev/null && ok \
  || bad "Overig per taakveld: the vaste lasten without a taakveld against their begroting"
# the voorbeeld's wijkteam, a vaste last on 6.1: its own line, at its cost (budgeted at it)
grep -E "^6\.1 +2\.266\.000 +2\.266\.000 +0 +- +-$" "$TMP/t10.txt" >/dev/null && ok \
  || bad "6.1 per taakveld: the voorbeeld's wijkteam (a vaste last on 6.1)"
expect_exit 0 "$JZ" prognose --format json --realisatie "$TMP/r9.yml" "$TMP/vr.yaml"
python3 - "$TMP/out" "$TMP/run.json" <<'PY' && ok || bad "prognose JSON per taakveld"
import json, sys
d = json.load(open(sys.argv[1]))
run = json.load(open(sys.argv[2]))
y = run["years"].index(d["year"])
res = run["results"][0]
tv = d["taakvelden"]
# the rows of jzsim run's taakveld table, with its begroting of the year
assert [t["taakveld"] for t in tv] == list(res["taakvelden"].keys()), tv
for t in tv:
    assert abs(t["budget"] - res["taakvelden"][t["taakveld"]]["budget"][y]) < 1e-6, t
    assert t["over_budget"] == t["year_end"] - t["budget"]
# the forecast of a taakveld is that of its zorgsoorten (daghulp, not realised, at the scenario's)
# the rows add up to the Totaal
c = d["total_cost"]
assert abs(sum(t["budget"] for t in tv) - c["budget"]) < 1e-6
assert abs(sum(t["year_end"] for t in tv) - c["year_end"]) < 1e-6 * c["year_end"]
assert abs(sum(t["over_budget"] for t in tv) - c["over_budget"]) < 1e-6 * c["year_end"]
# a band where a realised zorgsoort is, none on the line of the vaste lasten alone
o = [t for t in tv if t["taakveld"] == "overig"][0]
assert o["over_budget_low"] is None
t72 = [t for t in tv if t["taakveld"] == "6.72"][0]
assert t72["over_budget_low"] < t72["over_budget"] < t72["over_budget_high"]
PY
# ---- names, not keys, in the table and the CSV ----
grep -q "verlengde_jeugdzorg\|^ambulant " "$TMP/t10.txt" && bad "a zorgsoort key in the table" || ok
expect_grep "$TMP/t10.txt" "^Verlengde jeugdzorg (18+) "
expect_grep "$TMP/t10.txt" "^Jeugdbescherming (OTS, voogdij) "   # the longest name, not cut
grep -q "…" "$TMP/t10.txt" && bad "a name cut in the table" || ok
# a long name (Twente) goes on below its row, whole, and the table stays narrow
printf 'jaar: 2024\nmaanden: 4\nuitgaven:\n  residentieel: [0.9M, 0.9M, 0.95M, 0.9M]\n' > "$TMP/tw.yml"
expect_exit 0 "$JZ" prognose --gemeente Hengelo --realisatie "$TMP/tw.yml" "$SRC/scenarios/twente/verevening-bevolking.yaml"
cp "$TMP/out" "$TMP/tw.txt"
expect_grep "$TMP/tw.txt" "^Residentiële jeugdhulp (groepen,  *3\.650\.000 "
expect_grep "$TMP/tw.txt" "^  LTA, WVHS, kortdurend verblijf)$"
expect_grep "$TMP/tw.txt" "^Verevening (regio)  *-  *570\.787  *570\.787  *-  *-$"
grep -q "…" "$TMP/tw.txt" && bad "a name cut in the Twente table" || ok
grep -q " $" "$TMP/tw.txt" && bad "trailing spaces in the Twente table" || ok
awk 'length($0) > 110 { exit 1 }' "$TMP/tw.txt" && ok || bad "a line of the table wider than 110 characters"
# a word that starts with '-' is never the start of a line (it would read as a minus):
# Enschede's "Crisishulp (crisisopvang en -plaatsing)" breaks before "en"
printf 'jaar: 2025\nmaanden: 4\nuitgaven:\n  crisis: [90k, 95k, 92k, 94k]\nclienten:\n  crisis: [20, 21, 22, 21]\n' > "$TMP/ens.yml"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/ens.yml" "$SRC/scenarios/enschede/basis.yaml"
cp "$TMP/out" "$TMP/ens.txt"
# a taakveld without money (Enschede's wijkteam on 6.1) is named in the one line, as in jzsim run
tr '\n' ' ' < "$TMP/ens.txt" > "$TMP/ens-line.txt"
expect_grep "$TMP/ens-line.txt" "Taakveld 6.1 staat niet in de tabel: de zorgsoorten erop hebben in het model in geen jaar kosten of begroting"
grep -qE "^6\.1 " "$TMP/ens.txt" && bad "a row of zeros for taakveld 6.1" || ok
expect_grep "$TMP/ens.txt" "^Crisishulp (crisisopvang  *371\.000 "
expect_grep "$TMP/ens.txt" "^  en -plaatsing)$"
grep -q "^ *-[a-z]" "$TMP/ens.txt" && bad "a line of the table starts with a word in '-'" || ok
# the clients' headings two spaces apart, in both languages
expect_grep "$TMP/ens.txt" "^Zorgsoort  *Scenario 31/12   *Prognose 31/12   *Band   *Scenario uniek   *Prognose uniek$"
expect_exit 0 "$JZ" prognose --lang en --realisatie "$TMP/ens.yml" "$SRC/scenarios/enschede/basis.yaml"
expect_grep "$TMP/out" "^Care type  *Scenario 31/12   *Forecast 31/12   *Band   *Scenario unique   *Forecast unique$"
expect_exit 0 "$JZ" prognose --format csv --locale nl --realisatie "$R" "$TMP/vr.yaml"
expect_grep "$TMP/out" "^GM9998;Voorbeeldrecht;2025;6;verlengde_jeugdzorg;Verlengde jeugdzorg (18+);year_end;"
expect_grep "$TMP/out" "^GM9998;Voorbeeldrecht;2025;6;fixed_cost;Vaste lasten;scenario_year;4645340$"

# ---- the realisation as a CSV from Excel: the same figures, the same forecast ----
RC="$S/realisatie-voorbeeld.csv"
expect_exit 0 "$JZ" prognose --realisatie "$RC" "$TMP/vr.yaml"
cmp -s "$TMP/out" "$TMP/t10.txt" && ok || { bad "the CSV realisation gives another forecast than the YAML one"; diff "$TMP/t10.txt" "$TMP/out" >&2; }
# as Dutch Excel saves it (BOM, CRLF), and as English Excel does (',' and no thousands points)
printf '\357\273\277' > "$TMP/bom.csv"; sed 's/$/\r/' "$RC" >> "$TMP/bom.csv"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/bom.csv" "$TMP/vr.yaml"
cmp -s "$TMP/out" "$TMP/t10.txt" && ok || bad "the CSV realisation with BOM and CRLF gives another forecast"
tr ';' ',' < "$RC" | sed 's/\([0-9]\)\.000/\1000/g' > "$TMP/en.csv"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/en.csv" "$TMP/vr.yaml"
cmp -s "$TMP/out" "$TMP/t10.txt" && ok || bad "the English CSV realisation gives another forecast"
# its mistakes at their cell (row, spreadsheet column), exit 2, no output file
# mistake_in FORM EXT NAME SED-EXPRESSION EXPECTED-MESSAGE: the realisation FORM with one
# typing mistake, as NAME.EXT: exit 2, the message, and no output file
mistake_in() {
  sed "$4" "$1" > "$TMP/$3.$2"
  cmp -s "$1" "$TMP/$3.$2" && { bad "$3: the sed changed nothing"; return; }
  rm -f "$TMP/$3.out.csv"
  expect_exit 2 "$JZ" prognose --format csv -o "$TMP/$3.out.csv" --realisatie "$TMP/$3.$2" "$TMP/vr.yaml"
  expect_grep "$TMP/err" "$5"
  [ -e "$TMP/$3.out.csv" ] && bad "$3: an output file was written" || ok
}
csv_mistake() { mistake_in "$RC" csv "$@"; }
csv_mistake c_empty 's/^ambulant;841.000;856.000;849.000/ambulant;841.000;;849.000/' \
  "c_empty.csv:10:3: uitgaven.ambulant month 2: the cell is empty; give the figure (0 when there was none)"
csv_mistake c_seven 's/^crisis;53.000;51.000/crisis;53.000;1.000;51.000/' \
  "c_seven.csv:16:2: uitgaven.crisis: expected 6 monthly amounts (maanden: 6) in columns B-G, got 7"
csv_mistake c_typo 's/^pleegzorg;271/pleegzrg;271/' \
  "c_typo.csv:12:1: uitgaven: unknown zorgsoort 'pleegzrg'; did you mean 'pleegzorg'?"
csv_mistake c_header '/^uitgaven;/d' \
  "c_header.csv:9:1: unknown row 'ambulant' (known: jaar, maanden, uitgaven, clienten; a zorgsoort's row goes below 'uitgaven' or 'clienten')"
csv_mistake c_maanden '/^maanden/d' "missing required row 'maanden' (realised months, 2-11, in column B)"
csv_mistake c_negative 's/^daghulp;170.000/daghulp;-170.000/' "c_negative.csv:11:2: uitgaven.daghulp month 1 must be >= 0"
# a sheet wider than the months (empty cells after the last) is read as meant
sed 's/^daghulp;\(.*\)$/daghulp;\1;;;/' "$RC" > "$TMP/wide.csv"
expect_exit 0 "$JZ" prognose --realisatie "$TMP/wide.csv" "$TMP/vr.yaml"
cmp -s "$TMP/out" "$TMP/t10.txt" && ok || bad "empty cells after the last month changed the forecast"

# ---- typing mistakes in the realisation: file:line:column, exit 2, no file ----
# mistake NAME SED-EXPRESSION EXPECTED-MESSAGE
mistake() { mistake_in "$R" yml "$@"; }
mistake misspelt 's/^  pleegzorg:/  pleegzrg:/' \
  "misspelt.yml:14:3: uitgaven: unknown zorgsoort 'pleegzrg'; did you mean 'pleegzorg'?"
# 'jeugd' is as near to jeugdbescherming, jeugdreclassering and jeugdzorgplus: no guess, the list
mistake tie 's/^  jeugdreclassering:/  jeugd:/' \
  "tie.yml:20:3: uitgaven: unknown zorgsoort 'jeugd' (the scenario's zorgsoorten: ambulant, daghulp,"
# the name the reports show for the key ("Crisishulp" in the prognose table): the key to write
mistake byname 's/^  crisis:/  Crisishulp:/' \
  "byname.yml:18:3: uitgaven: 'Crisishulp' is the name of zorgsoort 'crisis'; write its key: crisis"
mistake seven 's/^  crisis: \[53k,/  crisis: [53k, 1k,/' \
  "seven.yml:18:11: uitgaven.crisis: expected a list of 6 monthly amounts (maanden: 6), got 7"
mistake comma 's/^  gezinshuis: \[148k,/  gezinshuis: [148,5k,/' \
  "comma.yml:15:16: uitgaven.gezinshuis month 1: '148,5k' has a comma in a figure; .* it became 2 amounts; write 148.5k, with a point$"
# a decimal comma where the split makes the length right (one month left out, or
# a figure glued to a fragment): still refused, not read as a month of 5k or 5 euros
mistake comma6 's/^  gezinshuis: \[148k, 145k,/  gezinshuis: [148,5k,/' \
  "comma6.yml:15:16: uitgaven.gezinshuis month 1: '148,5k' has a comma in a figure; .*write 148.5k, with a point (or a space after the comma if they are two months)"
mistake glued 's/^  ambulant: \[841k, 856k, 849k,/  ambulant: [841k, 856000,5,/' \
  "glued.yml:12:20: uitgaven.ambulant month 2: '856000,5' has a comma in a figure; .*write 856000.5, with a point"
# a compact list without spaces is meant as months: only the length is wrong
mistake compact 's/^  crisis: \[53k, 51k, 53k,/  crisis: [53000,51000,/' \
  "compact.yml:18:11: uitgaven.crisis: expected a list of 6 monthly amounts (maanden: 6), got 5"
mistake thousands 's/^  daghulp: \[170k, 162k/  daghulp: [170k, 162,000/' \
  "thousands.yml:13:19: uitgaven.daghulp month 2: '162,000' has a comma in a figure; .*write 162000 (or 162k) if the comma separates thousands, 162 if it is a decimal comma; jzsim reads neither"
mistake millions 's/^  ambulant: \[841k,/  ambulant: [841k, 1,000,000,/' \
  "millions.yml:12:20: uitgaven.ambulant month 2: '1,000,000' has a comma .* it became 3 amounts; write 1000000 (or 1M), without thousands commas"
mistake clients 's/^  pleegzorg: \[113, 113, 114,/  pleegzorg: [113, 113,5, 114,/' \
  "clients.yml:24:20: clienten.pleegzorg month 2: '113,5' has a comma"
# a unit slip gives a year end a thousand times off, silently (walk3): a
# month in thousands among euros, at its cell; a whole row in thousands (as a
# begrotingstabel "x € 1.000"), at its key, against what the scenario expects
mistake onek 's/^  daghulp: \[170k, 162k/  daghulp: [170k, 162/' \
  "onek.yml:13:19: uitgaven.daghulp month 2: 162 is 1012 times less than the other months (median 164.000): an amount in thousands (x 1.000) or millions? Write each month in euros"
mistake rowk 's/^  pleegzorg: \[271k, 273k, 274k, 284k, 278k, 265k\]/  pleegzorg: [271, 273, 274, 284, 278, 265]/' \
  "rowk.yml:14:3: uitgaven.pleegzorg: the 6 realised months add up to 1.645, [0-9]* times less than the [0-9.]* the scenario expects for them: amounts in thousands (x 1.000) or millions? Write each month in euros"
csv_mistake c_rowk 's/^crisis;53.000;51.000;53.000;51.000;51.000;52.000/crisis;53;51;53;51;51;52/' \
  "c_rowk.csv:[0-9]*:1: uitgaven.crisis: the 6 realised months add up to 311, [0-9]* times less than"
mistake rowcents 's/^  crisis: \[53k, 51k, 53k, 51k, 51k, 52k\]/  crisis: [5300000, 5100000, 5300000, 5100000, 5100000, 5200000]/' \
  "rowcents.yml:18:3: uitgaven.crisis: the 6 realised months add up to 31.100.000, [0-9]* times more than .*: a digit too many, or cents without a decimal mark"
mistake english 's/^jaar: 2025/year: 2025/' \
  "english.yml:9:1: unknown key 'year'; did you mean 'jaar'? (the keys are Dutch; known: jaar, maanden, uitgaven, clienten, source)"
mistake negative 's/^  residentieel: \[372k, 374k/  residentieel: [372k, -374k/' \
  "negative.yml:16:24: uitgaven.residentieel month 2 must be >= 0"
finish
