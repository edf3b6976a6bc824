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

# ---- typing mistakes in the realisation: file:line:column, exit 2, no file ----
# mistake NAME SED-EXPRESSION EXPECTED-MESSAGE
mistake() {
  sed "$2" "$R" > "$TMP/$1.yml"
  cmp -s "$R" "$TMP/$1.yml" && { bad "$1: the sed changed nothing"; return; }
  rm -f "$TMP/$1.csv"
  expect_exit 2 "$JZ" prognose --format csv -o "$TMP/$1.csv" --realisatie "$TMP/$1.yml" "$TMP/vr.yaml"
  expect_grep "$TMP/err" "$3"
  [ -e "$TMP/$1.csv" ] && bad "$1: an output file was written" || ok
}
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
mistake negative 's/^  residentieel: \[372k, 374k/  residentieel: [372k, -374k/' \
  "negative.yml:16:24: uitgaven.residentieel month 2 must be >= 0"
finish
