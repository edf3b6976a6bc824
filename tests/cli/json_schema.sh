#!/bin/bash
# Every command's JSON output against its JSON Schema (docs/<command>.schema.json)
# and the envelope every JSON output shares (docs/envelope.schema.json):
# format, format_version, jzsim_version, scenario (or scenarios), warnings.
# Exits 77 (skipped) without a python3 that has jsonschema.
. "$(dirname "$0")/lib.inc"
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import jsonschema' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "skipped: no python3 with jsonschema"; exit 77; }
cd "$SRC" || exit 1
E=scenarios/enschede
H=tests/data/history
# NAME SCHEMA CMD...: the JSON on stdout of CMD into $TMP/NAME.json
j() {
  local name=$1 schema=$2; shift 2
  expect_exit 0 "$@"
  cp "$TMP/out" "$TMP/$name.json"
  echo "$name $schema" >>"$TMP/list"
}
j run run "$JZ" run -q --format json scenarios/example.yaml
j run-all run "$JZ" run -q --format json --gemeente all scenarios/twente/regio.yaml
j run-band run "$JZ" run -q --format json --intervals $H/synth_intervals.yaml $H/synth.yaml
j run-band-regio run "$JZ" run -q --format json --gemeente all --intervals $H/regio_intervals.yaml scenarios/twente/regio.yaml
j compare compare "$JZ" compare -q --format json scenarios/example.yaml scenarios/example-hoge-indexatie.yaml
j compare-band-regio compare "$JZ" compare -q --format json --intervals $H/regio_intervals.yaml scenarios/twente/regio.yaml scenarios/twente/regio.yaml
j compare-band compare "$JZ" compare -q --format json --intervals $H/synth_intervals.yaml $H/synth.yaml $H/synth.yaml
j measures measures "$JZ" measures -q --format json tests/data/measures/ten.yaml
j measures-all measures "$JZ" measures -q --format json --gemeente all scenarios/twente/regionale-maatregel.yaml
j mc mc "$JZ" mc -q --draws 50 --seed 3 --threads 1 --format json scenarios/example-onzeker.yaml
j sensitivity sensitivity "$JZ" sensitivity -q --format json scenarios/example-onzeker.yaml
j break-even sensitivity "$JZ" sensitivity -q --format json --break-even 'zorgsoorten[ambulant].zorgduur' \
  scenarios/example-onzeker.yaml
j calibrate calibrate "$JZ" calibrate -q --history $H/synth.csv --format json $H/synth.yaml
j backtest backtest "$JZ" backtest -q --history $H/synth.csv --fit-until 2020 --format json $H/synth.yaml
expect_exit 0 "$JZ" init -q -o "$TMP/vr.yaml" scenarios/sjabloon/voorbeeld.yml
j prognose prognose "$JZ" prognose -q --format json --realisatie scenarios/sjabloon/realisatie-voorbeeld.yml "$TMP/vr.yaml"
j records records "$JZ" records -q --window-start 2021-01-01 --base $E/basis.yaml --format json tests/data/records/export.csv
expect_exit 0 "$JZ" compare -q --draws 50 --seed 3 --threads 1 --mc-output "$TMP/mc-compare.json" \
  scenarios/example.yaml scenarios/example-hoge-indexatie.yaml
echo "mc-compare mc-compare" >>"$TMP/list"
# a scenario with warnings: they appear in the envelope
j warned calibrate "$JZ" calibrate -q --history $E/historie.csv --fit kosten --format json $E/basis.yaml

"$PY" - "$TMP" "$SRC/docs" <<'PY' && ok || bad "JSON schemas"
import json, sys, jsonschema
tmp, docs = sys.argv[1], sys.argv[2]
V = jsonschema.Draft202012Validator
def load(name):
    s = json.load(open(f"{docs}/{name}.schema.json"))
    V.check_schema(s)
    return s
env = load("envelope")
failed = 0
for line in open(f"{tmp}/list"):
    name, schema = line.split()
    d = json.load(open(f"{tmp}/{name}.json"))
    for s in (env, load(schema)):
        errs = sorted(V(s).iter_errors(d), key=str)
        for e in errs[:3]:
            print(f"{name} against {s['$id']}: {list(e.absolute_path)}: {e.message}", file=sys.stderr)
        failed += bool(errs)
    # the envelope comes first, in this order
    keys = list(d)
    assert keys[:3] == ["format", "format_version", "jzsim_version"], (name, keys[:5])
    assert d["format"] == "jzsim-" + schema, (name, d["format"])
d = json.load(open(f"{tmp}/run.json"))
assert d["scenario"]["path"] == "scenarios/example.yaml"
d = json.load(open(f"{tmp}/mc.json"))
assert "version" not in d and d["scenario"]["name"], d.keys()
sys.exit(1 if failed else 0)
PY
# the schemas can fail: an mc output with its old envelope ("version") is rejected
"$PY" - "$TMP/mc.json" "$SRC/docs" <<'PY' && ok || bad "the schemas accept an old envelope"
import json, sys, jsonschema
d = json.load(open(sys.argv[1]))
d["version"] = d.pop("format_version")
s = json.load(open(sys.argv[2] + "/mc.schema.json"))
sys.exit(0 if list(jsonschema.Draft202012Validator(s).iter_errors(d)) else 1)
PY
finish
