#!/bin/bash
# Record every output of every command on every shipped scenario, so that a
# refactoring can be shown to leave the outputs byte-identical:
#
#   sh tools/snapshot.sh BUILD_DIR OUT_DIR      # e.g. build /tmp/before
#   diff -r /tmp/before /tmp/after               # after the change
#
# jzsim init (YAML and screen text) and jzsim prognose (on the scenario init
# writes from the sjabloon) are recorded too.  XLSX workbooks are unpacked
# (the zip's timestamps differ from run to run) and their docProps/core.xml
# (creation time) is left out.  stderr is kept beside stdout; the exit code
# is the last line of each .rc file.
set -u
JZ="$(cd "$1" && pwd)/jzsim"
OUT="$2"
cd "$(dirname "$0")/.."
rm -rf "$OUT"; mkdir -p "$OUT"

n=0
# run NAME CMD...: stdout, stderr and exit code of one command
snap() {
  local name="$1"; shift
  "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? >"$OUT/$name.rc"
  n=$((n + 1))
}
# snapfile NAME EXT CMD...: a command that writes -o FILE
snapfile() {
  local name="$1" ext="$2"; shift 2
  local f="$OUT/$name.$ext"
  "$@" -o "$f" >"$OUT/$name.out" 2>"$OUT/$name.err"
  echo $? >"$OUT/$name.rc"
  if [ "$ext" = xlsx ] && [ -f "$f" ]; then
    mkdir -p "$f.d" && (cd "$f.d" && unzip -q -o "$f" && rm -f docProps/core.xml) && rm -f "$f"
  fi
  n=$((n + 1))
}

SCEN=$(ls scenarios/*.yaml scenarios/*/*.yaml tests/data/measures/ten.yaml tests/data/compare/*.yaml)
for s in $SCEN; do
  k=$(echo "$s" | tr '/' '_' | sed 's/\.yaml$//')
  snap "$k.validate" "$JZ" validate "$s"
  snap "$k.run.table" "$JZ" run "$s"
  snap "$k.run.table-en" "$JZ" run --lang en "$s"
  snap "$k.run.csv" "$JZ" run --format csv "$s"
  snap "$k.run.csv-nl" "$JZ" run --format csv --locale nl "$s"
  snap "$k.run.json" "$JZ" run --format json "$s"
  snap "$k.run.json-all" "$JZ" run --format json --gemeente all "$s"
  snap "$k.run.csv-all" "$JZ" run --format csv --gemeente all "$s"
  snapfile "$k.run.html" html "$JZ" run --format html "$s"
  snapfile "$k.run.html-en" html "$JZ" run --format html --lang en "$s"
  snapfile "$k.run.xlsx" xlsx "$JZ" run --format xlsx "$s"
  for f in table csv json; do
    snap "$k.measures.$f" "$JZ" measures --format $f "$s"
    snap "$k.mc.$f" "$JZ" mc --draws 200 --seed 7 --threads 2 --format $f "$s"
    snap "$k.sensitivity.$f" "$JZ" sensitivity --format $f "$s"
  done
  snap "$k.measures.table-en" "$JZ" measures --lang en "$s"
  snap "$k.mc.table-en" "$JZ" mc --draws 200 --seed 7 --lang en "$s"
  snap "$k.sensitivity.table-en" "$JZ" sensitivity --lang en "$s"
  snapfile "$k.sensitivity.html" html "$JZ" sensitivity --format html "$s"
done

E=scenarios/enschede
ENS="$E/geen-maatregelen.yaml $E/hervormingsagenda.yaml $E/hervormingsagenda-zeker.yaml $E/verbeterkansen.yaml $E/uitstroom-stagneert.yaml"
EX="scenarios/example.yaml scenarios/example-hoge-indexatie.yaml"
CMPSETS=("$ENS" "$EX" "scenarios/twente/regio.yaml $E/basis.yaml" "tests/data/compare/a.yaml tests/data/compare/b.yaml tests/data/compare/c.yaml")
i=0
for set in "${CMPSETS[@]}"; do
  i=$((i + 1))
  for lang in nl en; do
    snap "cmp$i.$lang.table" "$JZ" compare --lang $lang $set
    snapfile "cmp$i.$lang.html" html "$JZ" compare --format html --lang $lang $set
    snapfile "cmp$i.$lang.xlsx" xlsx "$JZ" compare --format xlsx --lang $lang $set
  done
  snap "cmp$i.csv" "$JZ" compare --format csv $set
  snap "cmp$i.csv-nl" "$JZ" compare --format csv --locale nl $set
  snap "cmp$i.json" "$JZ" compare --format json $set
  snap "cmp$i.table-all" "$JZ" compare --gemeente all $set
  snapfile "cmp$i.draws.html" html "$JZ" compare --draws 200 --seed 3 --threads 2 --format html $set
done
# (--format table: the comparison as a table in a .csv-named file, which -o
# without --format refuses since the table is not CSV)
snapfile "cmp1.mcout" csv "$JZ" compare --format table --draws 100 --seed 3 --mc-output "$OUT/cmp1.mcdiff.csv" $ENS

H=tests/data/history
for f in table csv json; do
  snap "cal-synth.$f" "$JZ" calibrate --history $H/synth.csv --format $f $H/synth.yaml
  snap "cal-noisy.$f" "$JZ" calibrate --history $H/synth_noisy.csv --format $f $H/synth.yaml
  snap "cal-ens.$f" "$JZ" calibrate --history $E/historie.csv --fit kosten --format $f $E/basis.yaml
  snap "bt-synth.$f" "$JZ" backtest --history $H/synth.csv --fit-until 2020 --format $f $H/synth.yaml
  snap "bt-ens.$f" "$JZ" backtest --history $E/historie.csv --fit-until 2022 --fit kosten --format $f $E/basis.yaml
done
snap "cal-synth.table-en" "$JZ" calibrate --lang en --history $H/synth.csv $H/synth.yaml
snap "cal-synth.vorm" "$JZ" calibrate --history $H/synth.csv --fit all $H/synth.yaml
snapfile "cal-synth.yamlout" yaml "$JZ" calibrate --history $H/synth.csv $H/synth.yaml
# jzsim init from both sjabloon forms (the YAML it writes and its screen text:
# the base-year check and the assumptions that remain), then jzsim prognose on
# the scenario init wrote from voorbeeld.yml, with the sjabloon's realisation.
S=scenarios/sjabloon
for t in yml csv; do
  snapfile "init-$t" yaml "$JZ" init $S/voorbeeld.$t
  snap "init-$t.stdout" "$JZ" init $S/voorbeeld.$t
done
VR="$OUT/init-yml.yaml"
for f in table csv json; do
  snap "prognose.$f" "$JZ" prognose --format $f --realisatie $S/realisatie-voorbeeld.yml "$VR"
done
snap "prognose.table-en" "$JZ" prognose --lang en --realisatie $S/realisatie-voorbeeld.yml "$VR"
snap "prognose.csv-nl" "$JZ" prognose --format csv --locale nl --realisatie $S/realisatie-voorbeeld.yml "$VR"
snap "prognose.json-en" "$JZ" prognose --format json --lang en --realisatie $S/realisatie-voorbeeld.yml "$VR"
snap "prognose.band95" "$JZ" prognose --band 95 --realisatie $S/realisatie-voorbeeld.yml "$VR"
snap "prognose.csv-form" "$JZ" prognose --realisatie $S/realisatie-voorbeeld.csv "$VR"
for lang in nl en; do
  snapfile "prognose.$lang.xlsx" xlsx "$JZ" prognose --format xlsx --lang $lang --realisatie $S/realisatie-voorbeeld.yml "$VR"
done
sed -i "s#$OUT#OUT#g" "$OUT"/*.out "$OUT"/*.err "$OUT"/*.yaml 2>/dev/null
echo "snapshot: $n outputs in $OUT" >&2
