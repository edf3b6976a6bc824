#!/bin/bash
# The HTML briefing as a council member reads it (issue 11): every shipped
# comparison rendered by headless Chromium, its DOM read back and checked:
#   - no text node shows an internal: a file path, `seed`, `ASSUMPTION`,
#     `L<digits>`, a YAML path with [..], `.yaml`;
#   - years up to the realised year carry no uncertainty band, and the
#     realisatie | prognose split is drawn;
#   - the figures agree with `compare --format json` (the same result
#     structure): key figures, the tekort per year, the cost per zorgsoort
#     (whose lines add up to the total), the parts of the split (which add
#     up to the tekort), and with --history the observed points.
# Also: --history usage errors, the Bronnen section, "variant op", the
# kenmerk and date, and a print to PDF of more than one page.
# Exits 77 (skipped) when chromium is missing, after the checks without it.
. "$(dirname "$0")/lib.inc"
cd "$SRC" || exit 1
E=scenarios/enschede
export SOURCE_DATE_EPOCH=1780000000 # a fixed date: 28 May 2026
skipped=""

# ---- --history: options, errors ----
expect_exit 2 "$JZ" compare --history "$E/historie.csv" "$E/geen-maatregelen.yaml" "$E/hervormingsagenda.yaml"
expect_grep "$TMP/err" "goes with --format html"
expect_exit 2 "$JZ" run --history "$E/historie.csv" "$E/basis.yaml"
expect_grep "$TMP/err" "goes with --format html"
expect_exit 1 "$JZ" compare --format html -o "$TMP/x.html" --history "$TMP/missing.csv" "$E/geen-maatregelen.yaml" "$E/hervormingsagenda.yaml"
printf 'gemeente;zorgsoort;periode;unique_clients\nGM0153;totaal;20x2;4505\n' > "$TMP/bad.csv"
expect_exit 2 "$JZ" compare --format html -o "$TMP/x.html" --history "$TMP/bad.csv" "$E/geen-maatregelen.yaml" "$E/hervormingsagenda.yaml"
expect_grep "$TMP/err" "bad.csv:2"
expect_exit 0 "$JZ" compare --help
expect_grep "$TMP/out" "\-\-history FILE"
expect_exit 0 "$JZ" run --help
expect_grep "$TMP/out" "\-\-history FILE"

# ---- the shipped comparisons (as tools/snapshot.sh) ----
sets=(
  "$E/geen-maatregelen.yaml $E/hervormingsagenda.yaml $E/hervormingsagenda-zeker.yaml $E/verbeterkansen.yaml $E/uitstroom-stagneert.yaml"
  "scenarios/example.yaml scenarios/example-hoge-indexatie.yaml"
  "scenarios/twente/regio.yaml $E/basis.yaml"
  "scenarios/example-onzeker.yaml scenarios/example.yaml"
)
i=0
for set in "${sets[@]}"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  expect_exit 0 "$JZ" compare -q --format json -o "$TMP/c$i.json" $set
  # shellcheck disable=SC2086
  expect_exit 0 "$JZ" compare -q --format html -o "$TMP/c$i.html" $set
done
# bands (Monte Carlo) on the Enschede set, and the history
# shellcheck disable=SC2086
expect_exit 0 "$JZ" compare -q --draws 100 --seed 3 --format html -o "$TMP/c1b.html" ${sets[0]}
# shellcheck disable=SC2086
expect_exit 0 "$JZ" compare -q --draws 100 --seed 3 --history "$E/historie.csv" --format html -o "$TMP/c1h.html" ${sets[0]}
expect_exit 0 "$JZ" run -q --history "$E/historie.csv" --format html -o "$TMP/run.html" "$E/basis.yaml"
expect_exit 0 "$JZ" run -q --format json -o "$TMP/run.json" "$E/basis.yaml"
expect_exit 0 "$JZ" compare -q --lang en --format html -o "$TMP/c1en.html" ${sets[0]}
# a region without history rows of its own: said, not silently left out
expect_exit 0 "$JZ" compare -q --history "$E/historie.csv" --format html -o "$TMP/regio-h.html" scenarios/twente/regio.yaml "$E/basis.yaml"
expect_grep "$TMP/regio-h.html" "er zijn geen waarnemingen getekend"
expect_exit 0 "$JZ" compare -q --gemeente GM0153 --history "$E/historie.csv" --format html -o "$TMP/gm-h.html" scenarios/twente/regio.yaml "$E/basis.yaml"
expect_grep "$TMP/gm-h.html" 'class="observed"'


# what the reader sees, without a browser
expect_grep "$TMP/c1.html" "Bronnen"
expect_grep "$TMP/c1.html" "<i>Strategie duurzame jeugdzorg Enschede, eindrapportage fase 1 en 2</i>. Gemeente Enschede, Programmabureau Sociaal, 2023, § 3.4 Uitgaven op hoofdlijnen."
expect_grep "$TMP/c1.html" "geheel zeker"
expect_grep "$TMP/c1.html" "Verschuiving van buiten (woonplaatsbeginsel)"
expect_grep "$TMP/c1.html" "andere aannames"
# the summary's parts ("daarvan € 2,9 mln ... en € 0,5 mln" of € 3,3 mln) are
# rounded on their own: the summary says so, as the tables do (Amersfoort)
expect_grep "$TMP/c1.html" "Bedragen in miljoenen euro’s van dat jaar, elk afgerond op € 0,1 mln: door afronding kan een totaal 0,1 afwijken van de som van de delen. Tekort = kosten min begroting."
expect_grep "$TMP/c1en.html" "Amounts in millions of euros of that year, each rounded to € 0.1 mln: through rounding a total may differ by 0.1 from the sum of its parts."
# the cost chart names the vaste lasten as the table beside it does, not with
# a guess at what they hold ("uitvoering, projecten": a wijkteam, vervoer, the LTA)
grep -q "uitvoering, projecten" "$TMP/c1.html" && bad "the chart's legend says what the vaste lasten hold" || ok
# the key figures' besparing is net of the investment in the row below it:
# the label says so (a council read "Besparing 0,8 / Investering 0,3" as 0,5)
expect_grep "$TMP/c1.html" ">Besparing maatregelen, na investering (€ mln)<"
expect_grep "$TMP/c1.html" "Startverschil"
# one part of the difference for, one against: "daarvan € 1,2 mln door meer
# besparing en € 0,3 mln door andere aannames" added up to 1,5 where the
# difference is 0,8; each part is said with its direction
cat > "$TMP/poh.yaml" <<EOF
extends: $PWD/scenarios/example.yaml
meta: {name: Hoger tarief met POH, description: POH-jeugd en een hogere tariefindexatie}
indexation: {tariff: {2025: 6%}}
measures:
  - {key: poh, name: POH-jeugd, type: local, effect: diversion, zorgsoorten: [ambulant], share: 10%, start: 2025}
EOF
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/poh.html" scenarios/example.yaml "$TMP/poh.yaml"
expect_grep "$TMP/poh.html" "€ 0,8 mln (12,9%) minder tekort dan in de referentie; meer besparing van maatregelen maakt het € 1,2 mln gunstiger, andere aannames maken het € 0,3 mln ongunstiger\."
expect_exit 0 "$JZ" compare -q --lang en --format html -o "$TMP/poh-en.html" scenarios/example.yaml "$TMP/poh.yaml"
expect_grep "$TMP/poh-en.html" "more savings of measures make it €1.2 mln better, other assumptions make it €0.3 mln worse\."
# the zorgzwaarte bar holds the measures' investments (docs/model.md 12):
# and the fixed costs above their budget: its sentence says so where there
# are any ([4] verbeterkansen; example.yaml's fixed costs), and only those
expect_grep "$TMP/c1.html" "<b>Zorgzwaarte</b>: duurdere zorg per cliënt dan begroot, bovenop de indexatie (beïnvloedbaar). Ook hierin: de investeringen in maatregelen"
expect_grep "$TMP/c1en.html" "Also in it: the investments in measures"
expect_grep "$TMP/c2.html" "Ook hierin: het verschil tussen de vaste lasten en hun begroting (een lokale keuze)"
grep -q "Ook hierin: de investeringen" "$TMP/c2.html" && bad "example.yaml: investments named where there are none" || ok
expect_grep "$TMP/c1.html" "28 mei 2026"
expect_grep "$TMP/c1.html" "kenmerk.*JZ-[0-9a-f]\{8\}"
expect_grep "$TMP/c1.html" "counter(page)"
grep -q "Extern<\|>Extern\b" "$TMP/c1.html" && bad "a bare 'Extern' label" || ok
grep -q "waarvan € [0-9,]* mln zeker" "$TMP/c1.html" && ok || bad "no 'waarvan ... zeker' where part is certain"
# the same kenmerk for the same inputs, another for other inputs
k1=$(grep -o 'JZ-[0-9a-f]\{8\}' "$TMP/c1.html" | head -1)
k1b=$(grep -o 'JZ-[0-9a-f]\{8\}' "$TMP/c1b.html" | head -1)
k2=$(grep -o 'JZ-[0-9a-f]\{8\}' "$TMP/c2.html" | head -1)
[ -n "$k1" ] && [ "$k1" = "$k1b" ] && [ "$k1" != "$k2" ] && ok || bad "kenmerk $k1 / $k1b / $k2"
# a variant without its own description says so
printf 'extends: %s\nmeta:\n  name: Variant zonder tekst\nindexation:\n  tariff: {2026: 4%%}\n' "$SRC/$E/basis.yaml" > "$TMP/variant.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/variant.html" "$E/basis.yaml" "$TMP/variant.yaml"
expect_grep "$TMP/variant.html" "Variant op ‘Enschede basis’"

# a startverschil: the example with its ambulant budget as an amount below the
# cost, counted as niet beinvloedbaar; its own part, its sentence, the figures
sed -e 's/^  name: Voorbeeld$/  name: Voorbeeld, begroting als bedrag\n  startverschil_beinvloedbaar: false/' \
    -e 's/^  description: .*/  description: De begroting ambulant als bedrag, lager dan de kosten./' \
    -e 's/    budget: {volume: 1100, price: 8.5k}/    budget: {amount: 8M}/' scenarios/example.yaml > "$TMP/start.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/start.html" "$TMP/start.yaml" scenarios/example.yaml
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/start.json" "$TMP/start.yaml" scenarios/example.yaml
expect_grep "$TMP/start.html" "Het telt hier als niet beïnvloedbaar"
expect_grep "$TMP/start.html" "verschuivingen van buiten en het startverschil)"
# a surplus whose startverschil (budget above the cost) counts as
# beïnvloedbaar: the summary names it in that part (it said "volume en
# zorgzwaarte" of a part that was all startverschil)
sed -e 's/^  name: Voorbeeld$/  name: Voorbeeld, ruime begroting/' \
    -e 's/^  description: .*/  description: De begroting ambulant ruim boven de kosten./' \
    -e 's/    budget: {volume: 1100, price: 8.5k}/    budget: {amount: 20M}/' scenarios/example.yaml > "$TMP/ruim.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/ruim.html" "$TMP/ruim.yaml" scenarios/example.yaml
expect_grep "$TMP/ruim.html" "Het beïnvloedbare deel (volume, zorgzwaarte en het startverschil) is"
expect_grep "$TMP/ruim.html" "<b>Startverschil</b>: hoeveel ruimer de begroting in het basisjaar al was dan de kosten"
# a surplus said in words, never as "€ -2,4 mln": the parts of the summary,
# the difference in the scenario table and key figures, the text table's
# explanation (jz_text_tekort_part / jz_text_tekort_change), nl and en
expect_grep "$TMP/ruim.html" "is <b>een overschot van € [0-9,]* mln</b>, het niet-beïnvloedbare deel ([^)]*) € 0,0 mln\."
sed -e 's/^  name: Voorbeeld$/  name: Voorbeeld, begroting ambulant 16 mln/' \
    -e 's/^  description: .*/  description: De begroting ambulant boven de kosten./' \
    -e 's/    budget: {volume: 1100, price: 8.5k}/    budget: {amount: 16M}/' scenarios/example.yaml > "$TMP/ruim16.yaml"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/ruim16.html" "$TMP/ruim16.yaml" scenarios/example.yaml
expect_grep "$TMP/ruim16.html" "is <b>een overschot van € 1,5 mln</b>, het niet-beïnvloedbare deel ([^)]*) een tekort van € 0,4 mln\."
# from a surplus to a tekort: no percentage ("€ 12,0 mln hoger (214,4%)"
# before) but the turn in words, in the scenario table and the summary
expect_grep "$TMP/ruim.html" "<td class=\"n\">€ [0-9,]* mln hoger<br><span class=\"note\">van een overschot naar een tekort</span></td>"
expect_grep "$TMP/ruim.html" "mln ongunstiger dan de referentie (van een overschot naar een tekort)"
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/ruim-om.html" scenarios/example.yaml "$TMP/ruim.yaml"
expect_grep "$TMP/ruim-om.html" "<td class=\"n\">€ [0-9,]* mln lager<br><span class=\"note\">van een tekort naar een overschot</span></td>"
grep -q "mln \(hoger\|lager\) ([0-9,]*%)" "$TMP/ruim.html" "$TMP/ruim-om.html" && bad "a percentage across 0" || ok
expect_grep "$TMP/c1.html" "<td class=\"n\">€ [0-9,]* mln lager ([0-9,]*%)</td>"   # tekort to tekort: kept
expect_grep "$TMP/ruim.html" "Tekort door andere aannames (€ mln)</td><td class=\"n\">–</td><td class=\"n\">[0-9,]* hoger</td>"
grep -q "deel[^.]*€ -" "$TMP/ruim.html" && bad "a negative part in the summary" || ok
expect_exit 0 "$JZ" compare -q --lang en --format html -o "$TMP/ruim-en.html" "$TMP/ruim.yaml" scenarios/example.yaml
expect_exit 0 "$JZ" compare -q --lang en --format html -o "$TMP/ruim16-en.html" "$TMP/ruim16.yaml" scenarios/example.yaml
expect_grep "$TMP/ruim16-en.html" "is <b>a surplus of €1.5 mln</b>, the part that cannot ([^)]*) a deficit of €0.4 mln\."
expect_grep "$TMP/ruim-en.html" "[0-9.]* higher</td>"
expect_grep "$TMP/ruim-en.html" "mln higher<br><span class=\"note\">from a surplus to a deficit</span></td>"
expect_exit 0 "$JZ" compare -q "$TMP/ruim.yaml" scenarios/example.yaml
expect_grep "$TMP/out" "^Jaar  *Tekort  *Door besparing  *Door andere aannames$"
expect_grep "$TMP/out" "^2028  *€ [0-9.]* hoger  *€ 0  *€ [0-9.]* hoger$"
grep -q "Tekort lager" "$TMP/out" && bad "'Tekort lager' column of negative amounts" || ok
expect_exit 0 "$JZ" compare -q "$TMP/ruim.yaml" "$TMP/ruim.yaml"  # no difference: "€ 0" alone
expect_grep "$TMP/out" "^2028  *€ 0  *€ 0  *€ 0$"
expect_exit 0 "$JZ" compare -q --lang en scenarios/example.yaml "$TMP/ruim.yaml"
expect_grep "$TMP/out" "^2028  *€[0-9,]* lower  *€0  *€[0-9,]* lower$"
# the 90% band of the tekort in words on either side of 0 (it said "tussen
# € -11,3 mln en € -3,6 mln" of a surplus): example-onzeker on a budget
# raised far enough for a surplus, and less far for a band across 0
for b in 20 14.2; do
  mkdir -p "$TMP/band$b"
  sed -e "s/^        budget: 4.2M$/        budget: ${b}M/" scenarios/example.yaml > "$TMP/band$b/example.yaml"
  cp scenarios/example-onzeker.yaml "$TMP/band$b/"
  expect_exit 0 "$JZ" compare -q --draws 200 --seed 3 --format html -o "$TMP/band$b.html" "$TMP/band$b/example-onzeker.yaml" scenarios/example.yaml
done
expect_grep "$TMP/band20.html" "Met de onzekerheid meegerekend ligt het overschot met 90% kans tussen € [0-9,]* mln en € [0-9,]* mln\."
expect_grep "$TMP/band14.2.html" "Met de onzekerheid meegerekend ligt de uitkomst met 90% kans tussen een overschot van € [0-9,]* mln en een tekort van € [0-9,]* mln\."
grep -q "kans tussen € -" "$TMP/band20.html" "$TMP/band14.2.html" && bad "a negative amount in the band's sentence" || ok
# the tornado has its figures beside it, as every chart (walk3: bars without a
# number): per bar the input's low and high value and the tekort at each in
# € mln, equal to 'jzsim sensitivity --year' of the reference, and the point
# row equal to the key figures' tekort of [1]
expect_exit 0 "$JZ" compare -q --format html -o "$TMP/torn.html" scenarios/example-onzeker.yaml scenarios/example.yaml
Y=$(sed -n 's/.*Welke aannames wegen het zwaarst? Tekort \([0-9]*\).*/\1/p' "$TMP/torn.html")
expect_exit 0 "$JZ" sensitivity -q --format json --year "$Y" -o "$TMP/torn.json" scenarios/example-onzeker.yaml
python3 - "$TMP" "$SRC/tests/cli" <<'PY' && ok || bad "the tornado's table agrees with its bars and with jzsim sensitivity"
import json, re, sys
sys.path.insert(0, sys.argv[2])
from briefing_figures import tables, num, close
T = sys.argv[1]
h, j = open(f"{T}/torn.html", encoding="utf-8").read(), json.load(open(f"{T}/torn.json"))
tabs = tables(h)
tt = next(t for t in tabs if "tornado" in t["class"])
rows = tt["rows"][1:]
assert rows[0][0] == "Alle aannames op hun puntwaarde" and close(num(rows[0][-1]), j["tekort_point"] / 1e6), rows[0]
kf = next(t for t in tabs if t["class"] == "fig")
tk = next(r for r in kf["rows"] if r[0] == "Tekort (€ mln)")
assert rows[0][-1] == tk[1], (rows[0], tk)
svg = re.search(r'<svg[^>]*id="chart-tornado".*?</svg>', h, re.S).group(0)
drawn = re.findall(r'data-input="([^"]+)"', svg)
assert len(rows) - 1 == len(drawn) and drawn == [b["input"] for b in j["bars"]][:len(drawn)], (rows, drawn)
for r, b in zip(rows[1:], j["bars"]):
    assert close(num(r[3]), b["tekort_at_low"] / 1e6) and close(num(r[4]), b["tekort_at_high"] / 1e6), (r, b)
    assert r[1] and r[2] and "[" not in r[0] and r[0] != b["input"], r
PY
# the clients chart has its figures beside it too (walk3: bars only): per
# zorgsoort and scenario the unique clients of the summary year, as the JSON
expect_exit 0 "$JZ" compare -q --format json -o "$TMP/torn.json2" scenarios/example-onzeker.yaml scenarios/example.yaml
python3 - "$TMP" "$SRC/tests/cli" <<'PY' && ok || bad "the clients chart's table agrees with the JSON"
import json, re, sys
sys.path.insert(0, sys.argv[2])
from briefing_figures import tables, num
T = sys.argv[1]
h, j = open(f"{T}/torn.html", encoding="utf-8").read(), json.load(open(f"{T}/torn.json2"))
ct = next(t for t in tables(h) if "clients" in t["class"])
ys = j["years"].index(int(re.search(r"Cliënten per zorgsoort, prognose (\d{4})", h).group(1)))
zname = {z["name"]: z["key"] for z in j["zorgsoorten"]}
res = j["results"][-1]
rows = ct["rows"][1:]
svg = re.search(r'<svg[^>]*id="chart-clients".*?</svg>', h, re.S)
assert svg and rows and len(rows) == len(j["zorgsoorten"]), rows
for r in rows:
    for s, cell in enumerate(r[1:]):
        v = res["zorgsoorten"][zname[r[0]]]["unique"]["values"][s][ys]
        assert (cell == "–") == (v is None) and (v is None or num(cell) == round(v)), (r, s, v)
PY
# the words of the realisatie | prognose split stand above the totals over
# the cost columns (walk3: "prognose" over the first prognose column's 59,5)
python3 - "$TMP/torn.html" <<'PY' && ok || bad "the split's words are clear of the totals above the cost columns"
import re, sys
svg = re.search(r'<svg id="chart-cost".*?</svg>', open(sys.argv[1], encoding="utf-8").read(), re.S).group(0)
words = [float(y) for y in re.findall(r'<text x="[0-9.]+" y="([0-9.]+)"[^>]*class="tick">(?:realisatie|prognose)<', svg)]
vals = [float(y) for y in re.findall(r'<text x="[0-9.]+" y="([0-9.]+)"[^>]*class="val">', svg)]
top = min(float(y) for y in re.findall(r'<line x1="[0-9.]+" y1="([0-9.]+)"[^>]*class="grid"/>', svg))
assert len(words) == 2 and vals, (words, vals)
# a column that reaches the axis's top has its total at top - 5 (top - 7
# over a begroting line above it): the words a line of text (11) and a
# point above that, whatever the figures
assert max(words) <= min(vals) - 12 and max(words) <= top - 7 - 12, (words, vals, top)
PY
expect_exit 0 "$JZ" run "$TMP/ruim.yaml"
expect_grep "$TMP/out" "startverschil (kosten min begroting in het basisjaar)"
expect_exit 0 "$JZ" run "$TMP/start.yaml"   # counted as niet-beïnvloedbaar: the other branch
expect_grep "$TMP/out" "+ startverschil (kosten min begroting in het basisjaar); beïnvloedbaar = volume + zorgzwaarte."
python3 - "$TMP" "$SRC/tests/cli" <<'PY' && ok || bad "startverschil briefing figures"
import json, re, sys
sys.path.insert(0, sys.argv[2])
from briefing_figures import html_agrees
T = sys.argv[1]
h, j = open(f"{T}/start.html", encoding="utf-8").read(), json.load(open(f"{T}/start.json"))
assert j["results"][0]["totals"]["dec_start"]["values"][0][-1] > 1e5, "no startverschil in the JSON"
wf = re.search(r'<svg id="chart-waterfall-1".*?</svg>', h, re.S).group(0)
assert "Startverschil" in wf, "no startverschil step"
f = html_agrees("start", h, j)
assert not f, f
PY

CHROME=""
for c in chromium chromium-browser google-chrome; do command -v "$c" >/dev/null 2>&1 && { CHROME=$c; break; }; done
if [ -z "$CHROME" ]; then
  echo "SKIP: chromium is not installed; the briefing was not rendered" >&2
  echo "$passes passed, $fails failed (skipped: chromium)"
  [ "$fails" -eq 0 ] && exit 77 || exit 1
fi
chrome() { # chrome OUT-OPTION FILE: one headless run with its own profile
  local profile; profile=$(mktemp -d)
  timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
  rm -rf "$profile"
}

# ---- the DOM as Chromium builds it ----
for f in c1 c1b c1h c1en c2 c3 c4 run variant; do
  chrome --dump-dom "file://$TMP/$f.html" > "$TMP/$f.dom"
  [ -s "$TMP/$f.dom" ] && ok || bad "chromium gave no DOM for $f"
done
python3 - "$TMP" "$SRC/tests/cli" <<'PY' && ok || bad "briefing DOM checks"
import json, re, sys
from html.parser import HTMLParser
T = sys.argv[1]

class Dom(HTMLParser):
    """Text nodes (outside <style>) and the elements with their attributes."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts, self.elems = [], [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elems.append((tag, a))
        if tag not in ("meta", "br", "line", "rect", "circle", "path", "link", "input", "img"):
            self.stack.append((tag, a))
    def handle_startendtag(self, tag, attrs):
        self.elems.append((tag, dict(attrs)))
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
    def handle_data(self, d):
        if d.strip() and not any(t == "style" for t, _ in self.stack):
            self.texts.append((d.strip(), [t for t, _ in self.stack], [a for _, a in self.stack]))

def load(name):
    d = Dom()
    d.feed(open(f"{T}/{name}.dom", encoding="utf-8").read())
    return d

bad_text = [
    (re.compile(r"(^|[\s(\"'])(\.\.?/|/)[\w.-]+/|[\w-]+/[\w./-]+\.\w{2,4}\b"), "a file path"),
    (re.compile(r"seed", re.I), "seed"),
    (re.compile(r"ASSUMPTION"), "ASSUMPTION"),
    (re.compile(r"\bL\d+"), "L<digits>"),
    (re.compile(r"[A-Za-z_]\[[^\]\s]*\]"), "a YAML path"),
    (re.compile(r"\.ya?ml\b", re.I), ".yaml"),
]
fails = []
def check(cond, msg):
    if not cond:
        fails.append(msg)

def num(s):
    """A Dutch number as shown: '1.234,5', '€ 20.953', '-0,8' -> float."""
    s = s.replace("€", "").replace("\u2212", "-").strip()
    return float(s.replace(".", "").replace(",", "."))

def close(shown, want, decimals=1):
    return abs(shown - want) <= 0.5 * 10 ** -decimals + 1e-9

for name in ["c1", "c1b", "c1h", "c1en", "c2", "c3", "c4", "run", "variant"]:
    d = load(name)
    for text, tags, _ in d.texts:
        for rx, what in bad_text:
            if rx.search(text):
                fails.append(f"{name}: {what} in the text {text[:90]!r}")
    realised = int(next(a["content"] for t, a in d.elems if t == "meta" and a.get("name") == "jzsim-realised"))
    # no band on a realised year
    for t, a in d.elems:
        if "data-band" in a:
            y0 = int(a["data-years"].split("-")[0])
            check(y0 > realised, f"{name}: a band from {y0}, realised up to {realised}")
    # the split is drawn in every chart over years and in every year table
    check(any(t == "g" and a.get("class") == "split" for t, a in d.elems), f"{name}: no realisatie | prognose line")
    words = ("Realisatie", "Prognose") if name != "c1en" else ("Realised", "Projection")
    for w in words:
        check(any(x == w for x, tags, _ in d.texts if "td" in tags), f"{name}: no '{w}' row in the year table")
    if name == "c1b" or name == "c1h":
        check(any("data-band" in a for _, a in d.elems), f"{name}: no bands drawn at all")

# ---- figures: the briefing against the JSON of the same comparison ----
sys.path.insert(0, sys.argv[2])
from briefing_figures import html_agrees, tables
for name, js in [("c1", "c1"), ("c1b", "c1"), ("c2", "c2"), ("c3", "c3"), ("c4", "c4")]:
    fails += html_agrees(name, open(f"{T}/{name}.dom", encoding="utf-8").read(), json.load(open(f"{T}/{js}.json")))

# --history: observed points and their table (Enschede: 4.505 clients in 2022)
h = open(f"{T}/c1h.dom", encoding="utf-8").read()
check('class="observed"' in h and 'data-year="2022"' in h, "c1h: no observed points")
obs = [t for t in tables(h) if t["rows"] and len(t["rows"][0]) > 1 and t["rows"][0][1] == "Waargenomen"]
check(obs and any(r[0] == "2022" and r[1] == "4.505" for r in obs[0]["rows"]), "c1h: observed 4.505 in 2022 not in the table")
check("(voorlopig)" in h, "c1h: the provisional 2023 figure is not marked")
r = open(f"{T}/run.dom", encoding="utf-8").read()
check('class="observed"' in r, "run --history: no observed points")

if fails:
    print("\n".join(fails[:40]), file=sys.stderr)
    sys.exit(1)
PY

# ---- print: a document of several A4 pages, the first one full ----
chrome --no-pdf-header-footer --print-to-pdf="$TMP/c1.pdf" "file://$TMP/c1h.html" >/dev/null
if [ ! -s "$TMP/c1.pdf" ]; then
  bad "chromium printed no PDF"
else
  pages=$(grep -ao "/Type */Pages\?" "$TMP/c1.pdf" | grep -c "Page$")
  [ "$pages" -ge 3 ] && ok || bad "the printed briefing has $pages pages"
fi

# no half-empty first page: page 1 rendered (ghostscript, when there) has ink
# down to its last quarter, above the page footer
if [ -s "$TMP/c1.pdf" ] && command -v gs >/dev/null 2>&1; then
  for f in c1h c2; do
    chrome --no-pdf-header-footer --print-to-pdf="$TMP/$f.pdf" "file://$TMP/$f.html" >/dev/null
    gs -q -dNOPAUSE -dBATCH -sDEVICE=pnggray -r40 -dFirstPage=1 -dLastPage=1 -sOutputFile="$TMP/$f-p1.png" "$TMP/$f.pdf"
    python3 - "$TMP/$f-p1.png" <<'PY' && ok || bad "$f: the first printed page is half empty"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
pos, idat = 8, b""
while pos < len(data):
    n, typ = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if typ == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype == 0, (depth, ctype)
    elif typ == b"IDAT":
        idat += body
    pos += 12 + n
raw, prev, last = zlib.decompress(idat), bytearray(w), 0
for y in range(h):
    f = raw[y * (w + 1)]
    line = bytearray(raw[y * (w + 1) + 1:(y + 1) * (w + 1)])
    for i in range(w):
        a = line[i - 1] if i else 0
        b = prev[i]
        c = prev[i - 1] if i else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y < 0.92 * h and sum(1 for v in line if v < 160) > 3:  # above the footer
        last = y
print(f"first page: ink down to {100 * last / h:.0f}% of the page", file=sys.stderr)
assert last > 0.75 * h, last / h
PY
  done
fi

# ---- a screenshot that is a real render ----
chrome --window-size=1000,1400 --screenshot="$TMP/shot.png" "file://$TMP/c1h.html" >/dev/null
[ -s "$TMP/shot.png" ] && ok || bad "chromium wrote no screenshot"

finish
