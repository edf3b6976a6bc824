#!/bin/bash
# jzsim init and jzsim prognose end to end, as docs/eigen-gemeente.md walks
# through them: template -> init -> validate -> run -> compare (HTML briefing)
# -> prognose; bad templates give a located error and exit 2.
. "$(dirname "$0")/lib.inc"
S="$SRC/scenarios/sjabloon"
D="$SRC/tests/data/init"
DOC="$SRC/docs/eigen-gemeente.md"

# ---- usage ----
expect_exit 0 "$JZ" init --help
expect_grep "$TMP/out" "Example"
expect_exit 0 "$JZ" help prognose
expect_grep "$TMP/out" "Example"
expect_exit 2 "$JZ" init
expect_exit 2 "$JZ" init --bogus "$S/voorbeeld.yml"
expect_exit 2 "$JZ" init "$TMP/missing.yaml"           # an unreadable input is bad input (2)
cp "$S/voorbeeld.yml" "$TMP/keep.yaml"
expect_exit 2 "$JZ" init -o "$TMP/keep.yaml" "$TMP/keep.yaml"
expect_grep "$TMP/err" "would overwrite the input"
cmp -s "$S/voorbeeld.yml" "$TMP/keep.yaml" && ok || bad "init -o onto the template changed it"
printf 'gemeente: {code: GM9997, naam: "Rare \\"naam\\"\\tmet tab\\nen regel"}\nbasisjaar: 2024\nzorgsoorten:\n  - {key: ambulant, uitgaven: 5M, unieke_clienten: 700, naam: "a\\nb"}\n' > "$TMP/esc.yaml"
expect_exit 0 "$JZ" init -q -o "$TMP/esc-s.yaml" "$TMP/esc.yaml"
expect_exit 0 "$JZ" validate "$TMP/esc-s.yaml"
expect_exit 2 "$JZ" prognose "$S/voorbeeld.yml"
expect_grep "$TMP/err" "no realisation given"
expect_exit 2 "$JZ" prognose --band 120 --realisatie a b
expect_grep "$TMP/err" "--band must be a percentage"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/missing.yaml" "$S/../example.yaml"
expect_exit 2 "$JZ" init a.yaml b.yaml
expect_grep "$TMP/err" "one template gives one scenario"

# ---- the steps of docs/eigen-gemeente.md, in its words ----
for cmd in "jzsim init -o mijn-gemeente.yaml" "jzsim validate --strict mijn-gemeente.yaml" \
           "jzsim run mijn-gemeente.yaml" "jzsim compare --format html -o briefing.html" \
           "jzsim prognose --realisatie realisatie.yaml mijn-gemeente.yaml"; do
  expect_grep "$DOC" "$cmd"
done
cp "$S/voorbeeld.yml" "$TMP/sjabloon.yaml"
expect_exit 0 "$JZ" init -o "$TMP/voorbeeldrecht.yaml" "$TMP/sjabloon.yaml"
expect_grep "$TMP/err" "grootste verschil 0,0[0-9]*%"   # Dutch decimal comma, as the controller reads it
expect_grep "$TMP/err" "unieke cliënten"
expect_grep "$TMP/err" "aannames over (elk met de opgave in het sjabloon die haar vervangt"   # not the scenario's keys
expect_grep "$TMP/voorbeeldrecht.yaml" "ASSUMPTION: referentietabel"
expect_grep "$TMP/voorbeeldrecht.yaml" "= unieke cliënten / (1 + zorgduur/12)"
# what reaches a report (the description) and the notes read as Dutch: "cliënten", "1.450"
expect_grep "$TMP/voorbeeldrecht.yaml" "(uitgaven en unieke cliënten per zorgsoort)"
expect_grep "$TMP/voorbeeldrecht.yaml" "# opgave 2024: uitgaven EUR 9.600.000, unieke cliënten 1.450$"
expect_grep "$TMP/err" "de verdeling van de 1.450 unieke cliënten over"
expect_grep "$TMP/err" "crisis: zorgduur 1,5 maanden uit de referentietabel"   # not "1.5" in a Dutch line
grep -q "clienten\|clientjaren" "$TMP/err" "$TMP/voorbeeldrecht.yaml" && bad "init writes 'clienten' without the trema" || ok
# the report in the user's language (--lang, as run and prognose): English
# words and figures, the same scenario; the messages stay English either way
expect_exit 0 "$JZ" init --lang en -o "$TMP/voorbeeldrecht-en.yaml" "$TMP/sjabloon.yaml"
cmp -s "$TMP/voorbeeldrecht.yaml" "$TMP/voorbeeldrecht-en.yaml" && ok || bad "init --lang en writes another scenario"
expect_grep "$TMP/err" "^jzsim init: basisjaar, given against the model (largest difference 0.0[0-9]*%):$"
expect_grep "$TMP/err" "^  ambulant  *spending  *9,600,000 /  *9,600,000   unique clients  *1,450 /  *1,450$"
expect_grep "$TMP/err" "^jzsim init: 2[0-9] assumptions remain (each with the figure in the template that replaces it"
expect_grep "$TMP/err" "^  - crisis: zorgduur 1.5 months from the reference table, and with it the split of the 40 unique clients"
expect_grep "$TMP/err" "^  - budget indexation equal to the tariff indexation (replace with 'indexatie: {begroting: ...}')$"
grep -q "aannames\|uitgaven [0-9 ]\|uit de referentietabel\|evenwicht\|vervang" "$TMP/err" && bad "init --lang en: Dutch words in the report" || ok
expect_exit 2 "$JZ" init --lang fr "$TMP/sjabloon.yaml"
expect_grep "$TMP/err" "--lang must be nl or en, got 'fr'"
# the empty template runs as it is shipped? no: it has zero figures, init says which cell
expect_exit 2 "$JZ" init "$S/leeg.yml"
expect_grep "$TMP/err" "leeg.yml:[0-9]*:[0-9]*:"
# stdout carries the scenario when there is no -o
expect_exit 0 "$JZ" init -q "$TMP/sjabloon.yaml"
cmp -s "$TMP/out" "$TMP/voorbeeldrecht.yaml" && ok || bad "init stdout differs from -o"
[ -s "$TMP/err" ] && bad "init -q wrote to stderr" || ok

expect_exit 0 "$JZ" validate --strict "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/out" "ok "
printf 'gemeente: {code: GM9997, naam: Minimaal}\nbasisjaar: 2024\nzorgsoorten:\n  - {key: ambulant, uitgaven: 5M, unieke_clienten: 700}\n' > "$TMP/min.yaml"
expect_exit 0 "$JZ" init -q -o "$TMP/min-s.yaml" "$TMP/min.yaml"
expect_exit 0 "$JZ" validate --strict "$TMP/min-s.yaml"
# figures that give an implausible price: init warns (and names the zorgsoort), validate --strict fails
printf 'gemeente: {code: GM9997, naam: M}\nbasisjaar: 2023\nzorgsoorten:\n  - {key: jeugdzorgplus, uitgaven: 0.9M, unieke_clienten: 7}\n' > "$TMP/dure.yaml"
expect_exit 0 "$JZ" init -q -o "$TMP/dure-s.yaml" "$TMP/dure.yaml"
expect_grep "$TMP/err" "warning: .*jeugdzorgplus.*plausible"
expect_exit 2 "$JZ" validate --strict "$TMP/dure-s.yaml"
expect_exit 0 "$JZ" run --format json "$TMP/voorbeeldrecht.yaml"
cp "$TMP/out" "$TMP/run.json"
# base year: spending and unique clients as given, within 0.5%; tekort = cost - begroting
python3 - "$TMP/run.json" <<'PY' && ok || bad "base-year reproduction or tekort"
import json, sys
d = json.load(open(sys.argv[1]))
g = d["results"][0]
given = {"ambulant": (9.6e6, 1450), "daghulp": (1.9e6, 110), "pleegzorg": (3.1e6, 150),
         "gezinshuis": (1.7e6, 28), "residentieel": (4.2e6, 60), "jeugdzorgplus": (0.5e6, 7),
         "crisis": (0.6e6, 40), "jeugdbescherming": (2.2e6, 210),
         "jeugdreclassering": (0.35e6, 45), "verlengde_jeugdzorg": (1.3e6, 75)}
for k, (sp, u) in given.items():
    z = g["zorgsoorten"][k]
    assert abs(z["cost"][0] / sp - 1) < 0.005, (k, z["cost"][0], sp)
    assert abs(z["unique"][0] / u - 1) < 0.005, (k, z["unique"][0], u)
beg = [24.1e6, 25.2e6, 25.9e6, 26.6e6, 27.3e6]
t = g["totals"]
for y in range(5):
    assert abs(t["care_budget"][y] - beg[y]) < 1, (y, t["care_budget"][y])
    assert abs(t["care_tekort"][y] - (t["care_cost"][y] - beg[y])) < 1, y
PY

cp "$D/variant.yaml" "$TMP/variant.yaml"
expect_exit 0 "$JZ" validate "$TMP/variant.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/briefing.html" "$TMP/voorbeeldrecht.yaml" "$TMP/variant.yaml"
expect_grep "$TMP/briefing.html" "<html"
expect_grep "$TMP/briefing.html" "Voorbeeldrecht basis"
expect_grep "$TMP/briefing.html" "langere ambulante zorg"

# ---- prognose ----
expect_exit 0 "$JZ" prognose --realisatie "$S/realisatie-voorbeeld.yml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/out" "Prognose 2025"
expect_grep "$TMP/out" "Totaal"
expect_grep "$TMP/out" "Prognose 31/12"
expect_exit 0 "$JZ" prognose --format csv --locale nl --realisatie "$S/realisatie-voorbeeld.yml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/out" "^gemeente_code;gemeente;year;months_realised;zorgsoort;name;metric;value"
expect_grep "$TMP/out" "^GM9998;Voorbeeldrecht;2025;6;totaal;Subtotaal zorgsoorten;year_end;"
expect_exit 0 "$JZ" prognose --format json --band 90 --realisatie "$S/realisatie-voorbeeld.yml" "$TMP/voorbeeldrecht.yaml"
python3 - "$TMP/out" <<'PY' && ok || bad "prognose JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["format"] == "jzsim-prognose" and d["format_version"] == 2
for k in ("jzsim_version", "scenario", "warnings"):
    assert k in d, k
t = d["total"]
assert t["low"] <= t["year_end"] <= t["high"]
assert abs(sum(z["year_end"] for z in d["zorgsoorten"]) - t["year_end"]) < 1e-3 * t["year_end"]
assert d["band_level"] == 0.9
z = {x["key"]: x for x in d["zorgsoorten"]}
assert z["ambulant"]["clients_end_low"] < z["ambulant"]["clients_end"] < z["ambulant"]["clients_end_high"]
assert z["daghulp"]["clients_end"] == z["daghulp"]["scenario_clients_end"]
PY
printf 'jaar: 2025\nmaanden: 6\nuitgaven:\n  ambulant: [1, 2, 3]\n' > "$TMP/r.yaml"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/r.yaml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/err" "r.yaml:4:"
printf 'jaar: 2035\nmaanden: 6\nuitgaven:\n  ambulant: [1, 2, 3, 4, 5, 6]\n' > "$TMP/r.yaml"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/r.yaml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/err" "r.yaml:1:7: jaar: 2035 is outside the scenario"
printf 'jaar: 2025\nmaanden: 2\nuitgaven:\n  ambulant: [1, 2]\nclienten:\n  ambulant: [800, -1]\n' > "$TMP/r.yaml"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/r.yaml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/err" "r.yaml:6:"
printf 'jaar: 2025\nmaanden: 2\nuitgaven:\n  ambulant: [1, 2]\nclienten:\n  wijk: [800, 810]\n' > "$TMP/r.yaml"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/r.yaml" "$TMP/voorbeeldrecht.yaml"
expect_grep "$TMP/err" "r.yaml:6:3: clienten: unknown zorgsoort 'wijk' (the scenario's zorgsoorten: ambulant,"

# ---- bad templates: located error, exit 2 ----
expect_exit 2 "$JZ" init "$D/bad-taakveld.yaml"
expect_grep "$TMP/err" "bad-taakveld.yaml:7:15: zorgsoort ambulant: taakveld '6.99' is not an Iv3 taakveld"
expect_grep "$TMP/err" "taakveld of the jeugdzorg (6.1, 6.71, 6.72, 6.73, 6.74, 6.81 or 6.82)\$"   # the list as docs/eigen-gemeente.md shows it
expect_exit 2 "$JZ" init "$D/bad-year.yaml"
expect_grep "$TMP/err" "bad-year.yaml:6:38: begroting: year 2029 is outside the scenario"
expect_exit 2 "$JZ" init "$D/bad-negative.yaml"
expect_grep "$TMP/err" "bad-negative.yaml:5:15:"
expect_exit 2 "$JZ" init "$D/bad-no-spending.yaml"
expect_grep "$TMP/err" "bad-no-spending.yaml:5:15: zorgsoort pleegzorg: uitgaven is 0 but unieke_clienten is 150"

# ---- the template as CSV (scenarios/sjabloon/*.csv): the same scenario ----
expect_exit 0 "$JZ" init -q -o "$TMP/csv-s.yaml" "$S/voorbeeld.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/yml-s.yaml" "$S/voorbeeld.yml"
diff <(tail -n +2 "$TMP/yml-s.yaml") <(tail -n +2 "$TMP/csv-s.yaml") >/dev/null && ok || bad "voorbeeld.csv and voorbeeld.yml give different scenarios"
# the voorbeeld shows a vaste last on an Iv3 taakveld (the wijkteam on 6.1:
# vaste_lasten[].taakveld, the CSV's column E), so that a controller who
# copies it writes the key right; the run books it on 6.1, not on Overig
expect_grep "$TMP/csv-s.yaml" '^ *taakveld: "6.1"   # opgave$'
expect_exit 0 "$JZ" run "$TMP/csv-s.yaml"
expect_grep "$TMP/out" "^6\.1 kosten  *€ 2\.200\.000  *€ 2\.266\.000 "
# the same form as Excel writes it with ',' and decimal points (English
# settings), quoted names with a comma in them, a byte order mark, CRLF
printf '\xef\xbb\xbf' > "$TMP/en.csv"
sed -e '/^#/d' -e 's/;/|/g' "$S/voorbeeld.csv" | sed -E -e 's/([0-9]),([0-9])/\1.\2/g' -e 's/([0-9])\.([0-9]{3})([^0-9]|$)/\1\2\3/g' \
  -e 's/^vaste_last\|Lokale uitvoering \(beleid. backoffice\)/vaste_last|"Lokale uitvoering (beleid, backoffice)"/' \
  -e 's/\|/,/g' -e 's/$/\r/' >> "$TMP/en.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/en-s.yaml" "$TMP/en.csv"
diff <(tail -n +2 "$TMP/yml-s.yaml") <(tail -n +2 "$TMP/en-s.yaml") >/dev/null && ok || bad "the ',' CSV form gives another scenario"
# a taakveld as Dutch Excel writes 6.72 in a ';' form, "6,72": the file's
# decimal comma, read as the amounts are; ambiguous forms stay refused
sed -e 's/^ambulant;9,6M;1.450;;;;;$/ambulant;9,6M;1.450;;;;;6,72/' -e 's/^daghulp;1,9M;110;;;;;$/daghulp;1,9M;110;;;;;6,1/' \
  "$S/voorbeeld.csv" > "$TMP/tv.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/tv.yaml" "$TMP/tv.csv"
expect_grep "$TMP/tv.yaml" 'taakveld: "6.72"'
expect_grep "$TMP/tv.yaml" 'taakveld: "6.1"'
sed -e 's/^ambulant;9,6M;1.450;;;;;$/ambulant;9,6M;1.450;;;;;6,720/' "$S/voorbeeld.csv" > "$TMP/tv2.csv"
expect_exit 2 "$JZ" init -q "$TMP/tv2.csv"
expect_grep "$TMP/err" "tv2.csv:24:8: zorgsoort ambulant: taakveld '6,720' is not an Iv3 taakveld"
sed -e 's/^ambulant;9,6M;1.450;;;;;$/ambulant;9,6M;1.450;;;;;6,7,2/' "$S/voorbeeld.csv" > "$TMP/tv3.csv"
expect_exit 2 "$JZ" init -q "$TMP/tv3.csv"
expect_grep "$TMP/err" "taakveld '6,7,2' is not an Iv3 taakveld"
# in a ',' form the comma is not the decimal mark: a quoted "6,72" stays refused
grep -q '6.72' "$TMP/en.csv" || sed -i -E 's/^(ambulant,9.6M,1450,,,,,)\r$/\1"6,72"\r/' "$TMP/en.csv"
expect_exit 2 "$JZ" init -q "$TMP/en.csv"
expect_grep "$TMP/err" "taakveld '6,72' is not an Iv3 taakveld"
expect_exit 2 "$JZ" init "$S/leeg.csv"                   # the empty form: fill it in first
expect_grep "$TMP/err" "leeg.csv:[0-9]*:3: zorgsoort ambulant: no clients and no spending"
# mistakes are located at their cell (row:column, A = 1)
sed 's/;zorgduur;taakveld/;zorgdur;taakveld/' "$S/voorbeeld.csv" > "$TMP/c1.csv"
expect_exit 2 "$JZ" init "$TMP/c1.csv"
expect_grep "$TMP/err" "c1.csv:23:7: zorgsoorten table: unknown column 'zorgdur'"
sed 's/^crisis;0,6M;40/crisis;-0,6M;40/' "$S/voorbeeld.csv" > "$TMP/c2.csv"
expect_exit 2 "$JZ" init "$TMP/c2.csv"
expect_grep "$TMP/err" "c2.csv:30:2: zorgsoort crisis.uitgaven must be >= 0"
sed 's/^residentieel;4,2M;60;;;;13;/residentieel;4,2M;60;;;;13;6.99/' "$S/voorbeeld.csv" > "$TMP/c3.csv"
expect_exit 2 "$JZ" init "$TMP/c3.csv"
expect_grep "$TMP/err" "c3.csv:28:8: zorgsoort residentieel: taakveld '6.99' is not an Iv3 taakveld"
sed 's/^rijksbijdrage;;27,9M;28,6M;29,1M;29,6M;30,2M;/rijksbijdrage;;27,9M;28,6M;29,1M;29,6M;30,2M;31M/' "$S/voorbeeld.csv" > "$TMP/c4.csv"
expect_exit 2 "$JZ" init "$TMP/c4.csv"
expect_grep "$TMP/err" "c4.csv:13:8: rijksbijdrage: a value in column 8, where the row 'jaar' (row 11) has no year"
sed 's/^daghulp;1,9M;110/daghulp;;110/' "$S/voorbeeld.csv" > "$TMP/c5.csv"
expect_exit 2 "$JZ" init "$TMP/c5.csv"
expect_grep "$TMP/err" "c5.csv:25:2: zorgsoort daghulp: missing required key 'uitgaven'"
# a euro amount as Excel writes it in some regional settings, the sign after
# it ("9.600.000 €"): the same scenario as 9,6M
sed 's/^ambulant;9,6M;1.450/ambulant;9.600.000 €;1.450/' "$S/voorbeeld.csv" > "$TMP/c10.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c10.yaml" "$TMP/c10.csv"
diff <(tail -n +2 "$TMP/csv-s.yaml") <(tail -n +2 "$TMP/c10.yaml") >/dev/null && ok || bad "'9.600.000 €' is not read as 9,6M"
# whole euros the Dutch way, "€ 9.600.000,-": the same amount in the ';' form
sed 's/^ambulant;9,6M;1.450/ambulant;€ 9.600.000,-;1.450/' "$S/voorbeeld.csv" > "$TMP/c18.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c18.yaml" "$TMP/c18.csv"
diff <(tail -n +2 "$TMP/csv-s.yaml") <(tail -n +2 "$TMP/c18.yaml") >/dev/null && ok || bad "'€ 9.600.000,-' is not read as 9,6M"
printf 'gemeente: {code: GM9997, naam: M}\nbasisjaar: 2024\nzorgsoorten:\n  - {key: ambulant, uitgaven: 5M, unieke_clienten: 700 €}\n' > "$TMP/eur.yaml"
expect_exit 2 "$JZ" init -q -o "$TMP/eur-s.yaml" "$TMP/eur.yaml"
expect_grep "$TMP/err" "eur.yaml:4:52: zorgsoort ambulant.unieke_clienten: a euro amount is not expected here"
# a figure the template reads but the derived scenario cannot hold (an
# implausible price, an indexation of 30%): at the cell the user typed, not
# at a line of the derived scenario they never saw
sed 's/^crisis;0,6M;40/crisis;0,6;40/' "$S/voorbeeld.csv" > "$TMP/c8.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c8.yaml" "$TMP/c8.csv"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c8.csv:30:2: zorgsoorten\[crisis\].cost .* is outside the plausible range .*(zorgsoort crisis: it follows from its uitgaven and unieke_clienten; check them)"
# a warning reads as every command's (it was "jzsim init: warning:"): run on
# the written scenario gives the same text, at the scenario's line
expect_exit 0 "$JZ" run "$TMP/c8.yaml"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c8.yaml:[0-9]*:[0-9]*: zorgsoorten\[crisis\].cost .* is outside the plausible range"
grep -q "(init)\|written scenario" "$TMP/err" && bad "init: a warning at a line of the derived scenario" || ok
sed 's/^vaste_last;Lokale uitvoering (beleid, backoffice);1,2M;3%/vaste_last;Lokale uitvoering (beleid, backoffice);1,2M;30%/' "$S/voorbeeld.csv" > "$TMP/c9.csv"
expect_exit 2 "$JZ" init "$TMP/c9.csv"
expect_grep "$TMP/err" "c9.csv:17:4: gemeenten\[GM9998\].fixed_costs\[Lokale uitvoering (beleid, backoffice)\].indexation 30.0000% is above the plausible ceiling"
grep -q "mark it with 'plausible: false' next to it" "$TMP/err" && bad "init: advice that cannot be written in the template" || ok
expect_grep "$TMP/err" "the template has no mark for a figure that is meant: if it is, write a plausible one here"
# an indexatie_tarief too high in one year: at that year's cell, not its row
sed 's/^indexatie_tarief;;;3,94%;3%;/indexatie_tarief;;;3,94%;30%;/' "$S/voorbeeld.csv" > "$TMP/c10.csv"
expect_exit 2 "$JZ" init "$TMP/c10.csv"
expect_grep "$TMP/err" "c10.csv:14:5: indexation.tariff 30.0000% is above the plausible ceiling of 25% a year for indexation (indexatie_tarief); check the figure in this cell"
grep -q "plausible: false' next to it" "$TMP/err" && bad "init: advice that cannot be written in the template" || ok
# jeugd_groei typed without its '%' (Amersfoort walk-through): 0,4 is 40% a
# year, five times the youth in five years; refused at its cell, not projected
sed 's/^jeugd_groei;-0,5%;/jeugd_groei;0,4;/' "$S/voorbeeld.csv" > "$TMP/c11.csv"
expect_exit 2 "$JZ" init "$TMP/c11.csv"
expect_grep "$TMP/err" "c11.csv:7:2: gemeenten\[GM9998\].population.youth 40.0000% is above the plausible ceiling of 10% a year for population growth (jeugd_groei); check the figure in this cell"
# a meerjarenbegroting typed with a slip (Amersfoort walk-through): an empty
# cell between two years, one year ten times the one before, every year in
# thousands: a warning at the cell, not a silent figure
sed 's/^begroting;;24,1M;25,2M;25,9M;/begroting;;24,1M;25,2M;;/' "$S/voorbeeld.csv" > "$TMP/c12.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c12.yaml" "$TMP/c12.csv"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c12.csv:12:5: begroting: no amount for 2026, between 2025 and 2027; init takes the amount of 2025, indexed with indexatie_begroting (25.956.000); if the begroting has one for 2026, write it"
sed 's/^begroting;;24,1M;25,2M;25,9M;26,6M;27,3M;/begroting;;24,1M;25,2M;25,9M;26,6M;273M;/' "$S/voorbeeld.csv" > "$TMP/c13.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c13.yaml" "$TMP/c13.csv"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c13.csv:12:7: begroting 2028: 273.000.000 is 10.3 times the amount of 2027 (26.600.000): a digit too many or too few, or an amount in thousands? check this cell"
sed 's/^begroting;;24,1M;25,2M;25,9M;26,6M;27,3M;/begroting;;24.100;25.200;25.900;26.600;27.300;/' "$S/voorbeeld.csv" > "$TMP/c14.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c14.yaml" "$TMP/c14.csv"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c14.csv:12:3: gemeenten\[GM9998\] (Voorbeeldrecht): the budget of 2024 (1124100 euros) is more than a factor 2 below .*(begroting 2024: an amount in thousands, or a digit too many or too few? check this cell)"
grep -q "(init)\|written scenario" "$TMP/err" && bad "init: the begroting's warning at a line of the derived scenario" || ok
# the row 'jaar' typed from right to left: every amount under another year
sed 's/^jaar;;2024;2025;2026;2027;2028;/jaar;;2028;2027;2026;2025;2024;/' "$S/voorbeeld.csv" > "$TMP/c17.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/c17.yaml" "$TMP/c17.csv"
expect_grep "$TMP/err" "^jzsim: warning: [^ ]*c17.csv:11:4: begroting: the years run backwards (2027 after 2028); check that every amount stands under its own year"
# the CSV sjabloon's user is told the row to fill, not a YAML key; the
# council reads the scenario's description and sources without a command name
sed 's/^ambulant;0;0;/ambulant;1M;100;/' "$S/leeg.csv" > "$TMP/c19.csv"
expect_exit 0 "$JZ" init -o "$TMP/c19.yaml" "$TMP/c19.csv"
expect_grep "$TMP/err" "begrotingsindexatie gelijk aan de tariefindexatie (vervang met de regel 'indexatie_begroting')"
expect_grep "$TMP/err" "begroting per jaar = uitgaven 2024, geïndexeerd (vervang met de regel 'begroting', de bedragen onder 2025, 2026, ...)"
if grep -q "indexatie: {\|begroting: {" "$TMP/err"; then bad "init: YAML advice for a CSV sjabloon"; else ok; fi
expect_grep "$TMP/c19.yaml" '^  description: "Gemeentenaam vanaf 2024, afgeleid uit de jaarrekening 2024 (uitgaven en unieke cliënten per zorgsoort)."$'
if grep -v '^#' "$TMP/c19.yaml" | grep -q "jzsim init"; then bad "init: a command name in the description or sources a council reads"; else ok; fi
# a client count typed with an English thousands comma in the ';' form,
# where the comma is the decimal mark: 1,450 is not 1.45 clients
sed 's/^ambulant;9,6M;1.450;/ambulant;9,6M;1,450;/' "$S/voorbeeld.csv" > "$TMP/c15.csv"
expect_exit 2 "$JZ" init "$TMP/c15.csv"
expect_grep "$TMP/err" "c15.csv:24:3: zorgsoort ambulant.unieke_clienten: 1.45 is not a whole number; a thousands separator read as a decimal mark? In the CSV form with ';' the comma is the decimal mark: write 1450 or 1.450"
# an empty required cell: the message names that cell, not column A of the row
sed 's/^daghulp;1,9M;110;/daghulp;1,9M;;/' "$S/voorbeeld.csv" > "$TMP/c20.csv"
expect_exit 2 "$JZ" init "$TMP/c20.csv"
expect_grep "$TMP/err" "c20.csv:25:3: zorgsoort daghulp: missing required key 'unieke_clienten' (unique clients of the basisjaar, e.g. unieke_clienten: 1200; spending that does not follow clients, such as vervoer, a subsidie or the LTA, is a vaste_last instead of a zorgsoort)"
# spending without clients (vervoer, the LTA): the message says where it goes
sed 's/^daghulp;1,9M;110;/daghulp;1,9M;0;/' "$S/voorbeeld.csv" > "$TMP/c16.csv"
expect_exit 2 "$JZ" init "$TMP/c16.csv"
expect_grep "$TMP/err" "c16.csv:25:3: zorgsoort daghulp: unieke_clienten is 0 but uitgaven is 1900000: spending without clients cannot be projected; give the number of unique clients, or, for spending that does not follow clients (vervoer, a subsidie, the LTA), write it as a vaste_last instead of a zorgsoort"
sed 's/^inwoners;88.000/inwonrs;88.000/' "$S/voorbeeld.csv" > "$TMP/c6.csv"
expect_exit 2 "$JZ" init "$TMP/c6.csv"
expect_grep "$TMP/err" "c6.csv:5:1: unknown row 'inwonrs'"
sed 's/^basisjaar;2024/basisjaar;2024\nbasisjaar;2023/' "$S/voorbeeld.csv" > "$TMP/c7.csv"
expect_exit 2 "$JZ" init "$TMP/c7.csv"
expect_grep "$TMP/err" "c7.csv:9:1: 'basisjaar' given twice (also in row 8)"
printf 'gemeente;GM0001;X\n"basisjaar;2024\n' > "$TMP/c8.csv"
expect_exit 2 "$JZ" init "$TMP/c8.csv"
expect_grep "$TMP/err" "c8.csv:2:1: a quoted field is not closed"
# a misspelt zorgsoort names the nearest one in the reference table
sed 's/^jeugdbescherming;/jeugdbeschermng;/' "$S/voorbeeld.csv" > "$TMP/c9.csv"
expect_exit 2 "$JZ" init "$TMP/c9.csv"
expect_grep "$TMP/err" "c9.csv:31:1: zorgsoort jeugdbeschermng is not in the reference table.*did you mean 'jeugdbescherming'? For a zorgsoort of your own with this name, add zoals: jeugdbescherming"
# a form saved by Excel as UTF-16 ("Unicode-tekst"): say so and how to save
# it, for the template, the realisation and a history alike (walk3: "the file
# contains NUL bytes; is it a text (CSV) file?")
iconv -f UTF-8 -t UTF-16 "$S/voorbeeld.csv" > "$TMP/u16.csv"
expect_exit 2 "$JZ" init "$TMP/u16.csv"
expect_grep "$TMP/err" "u16.csv: the file is UTF-16 (Excel's 'Unicode-tekst'), not UTF-8; save it from Excel as 'CSV UTF-8"
iconv -f UTF-8 -t UTF-16LE "$S/voorbeeld.csv" > "$TMP/u16le.csv"   # no byte order mark
expect_exit 2 "$JZ" init "$TMP/u16le.csv"
expect_grep "$TMP/err" "u16le.csv: the file is UTF-16"
iconv -f UTF-8 -t UTF-16 "$S/realisatie-voorbeeld.csv" > "$TMP/r16.csv"
expect_exit 0 "$JZ" init -q -o "$TMP/vb16.yaml" "$S/voorbeeld.yml"
expect_exit 2 "$JZ" prognose --realisatie "$TMP/r16.csv" "$TMP/vb16.yaml"
expect_grep "$TMP/err" "r16.csv: the file is UTF-16"
iconv -f UTF-8 -t UTF-16 "$SRC/scenarios/enschede/historie.csv" > "$TMP/h16.csv"
expect_exit 2 "$JZ" calibrate --history "$TMP/h16.csv" "$SRC/scenarios/enschede/basis.yaml"
expect_grep "$TMP/err" "h16.csv: the file is UTF-16"
printf 'gemeente;GM9998\0;x\n' > "$TMP/nul.csv"   # a NUL in a text that is no UTF-16: as before
expect_exit 2 "$JZ" init "$TMP/nul.csv"
expect_grep "$TMP/err" "the file contains NUL bytes"
# a key in English where the template has it in Dutch (walk3: the list of
# known keys, no word on which was meant)
sed 's/^begroting: /budget: /' "$S/voorbeeld.yml" > "$TMP/en1.yml"
expect_exit 2 "$JZ" init "$TMP/en1.yml"
expect_grep "$TMP/err" "en1.yml:[0-9]*:1: template: unknown key 'budget'; did you mean 'begroting'? (the template's keys are Dutch; known: "
sed 's/^  - naam: Bijzondere projecten/  - name: Bijzondere projecten/' "$S/voorbeeld.yml" > "$TMP/en2.yml"
expect_exit 2 "$JZ" init "$TMP/en2.yml"
expect_grep "$TMP/err" "en2.yml:[0-9]*:5: .*unknown key 'name'; did you mean 'naam'?"
# the derived figures can be traced in the workbook: every zorgsoort carries
# a source note, so the Aannames' Bron says where its start, instroom,
# zorgduur, price and begroting come from, and which came from the reference
# table (walk3: an empty Bron for every derived figure)
expect_exit 0 "$JZ" init -q -o "$TMP/src.yaml" "$S/voorbeeld.yml"
expect_exit 0 "$JZ" run -q --format xlsx -o "$TMP/src.xlsx" "$TMP/src.yaml"
python3 - "$TMP/src.xlsx" <<'PY' && ok || bad "init: the Aannames' Bron of the derived figures"
import sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode()
base = "Opgave gemeente Voorbeeldrecht (GM9998): jaarrekening 2024 en begroting"
assert base + "; zorgduur en fasen: aanname uit de referentietabel (Enschede basis (2022), eigen aanname daar)" in s  # ambulant
assert base + "; fasen: aanname uit de referentietabel (" in s   # residentieel: its own zorgduur, fasen from the table
PY
finish
