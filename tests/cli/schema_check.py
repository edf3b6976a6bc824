#!/usr/bin/env python3
"""schema_check.py JZSIM SRC GEN_SCHEMA: the scenario JSON Schema against the loader.

1. docs/scenario.schema.json is what jzsim-gen-schema prints now (regenerate:
   build/jzsim_gen_schema > docs/scenario.schema.json).
2. Every shipped scenario (scenarios/**) and every scenario example in docs/
   and README.md validates against it (YAML -> JSON through python3-yaml);
   history blocks (`rows:`) are not scenarios; a fragment is checked as a
   variant (what `extends` allows), bare measure items as a measures: list.
3. Every shipped scenario starts with `# yaml-language-server: $schema=...`
   naming the schema by a path that exists.
4. Schema and loader agree on every key, both ways, through the real
   command: tests/data/schema/all.yaml has every kind of map once; for each
   map, each key the schema lists is added to it (the loader must not call
   it unknown) and a key the schema lacks is added (the loader must reject
   it as unknown).  A map kind the schema defines but the fixture lacks fails.
"""
import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

JZ, SRC, GEN = sys.argv[1:4]
fails = []


def bad(msg):
    fails.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def tojson(x):
    if isinstance(x, dict):
        return {str(k): tojson(v) for k, v in x.items()}
    if isinstance(x, list):
        return [tojson(v) for v in x]
    if hasattr(x, "isoformat"):
        return x.isoformat()
    return x


# 1. up to date
schema_path = os.path.join(SRC, "docs", "scenario.schema.json")
shipped = open(schema_path).read()
now = subprocess.run([GEN], capture_output=True, text=True)
if now.returncode != 0:
    bad("jzsim-gen-schema failed: " + now.stderr.strip())
elif now.stdout != shipped:
    bad("docs/scenario.schema.json is not what jzsim-gen-schema prints; regenerate it")
schema = json.loads(shipped)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)


def check(data, where):
    errs = list(validator.iter_errors(data))
    if errs:
        e = jsonschema.exceptions.best_match(errs)
        bad("%s: %s at %s" % (where, e.message[:300], "/".join(map(str, e.absolute_path))))
        return False
    return True


# 2. shipped scenarios and examples in the docs
scen = sorted(glob.glob(os.path.join(SRC, "scenarios", "**", "*.yaml"), recursive=True))
if not scen:
    bad("no shipped scenarios found")
n_ok = 0
for f in scen:
    rel = os.path.relpath(f, SRC)
    text = open(f, encoding="utf-8").read()
    n_ok += check(tojson(yaml.safe_load(text)), rel)
    # 3. the first line names the schema
    first = text.split("\n", 1)[0]
    m = re.match(r"^# yaml-language-server: \$schema=(\S+)$", first)
    if not m:
        bad("%s: the first line is not '# yaml-language-server: $schema=...'" % rel)
    elif not os.path.samefile(os.path.join(os.path.dirname(f), m.group(1)), schema_path):
        bad("%s: $schema=%s is not docs/scenario.schema.json" % (rel, m.group(1)))

top_keys = set(schema["$defs"]["top"]["properties"]) | {"extends"}
n_doc = 0
for f in sorted(glob.glob(os.path.join(SRC, "docs", "*.md"))) + [os.path.join(SRC, "README.md")]:
    t = open(f, encoding="utf-8").read()
    for m in re.finditer(r"^```ya?ml\n(.*?)^```", t, re.M | re.S):
        where = "%s:%d" % (os.path.relpath(f, SRC), t[: m.start()].count("\n") + 1)
        d = tojson(yaml.safe_load(m.group(1)))
        if isinstance(d, dict) and "rows" in d:
            continue  # a history file (docs/calibration.md), not a scenario
        if isinstance(d, list):
            d = {"measures": d}  # bare measure items
        if not isinstance(d, dict) or not set(d) <= top_keys:
            bad("%s: neither a scenario nor a fragment of one: %s" % (where, sorted(d)[:5] if isinstance(d, dict) else type(d)))
            continue
        if not ({"meta", "zorgsoorten", "gemeenten"} <= set(d)) and "extends" not in d:
            d = dict(d, extends="base.yaml")  # a fragment: checked as a variant
        n_doc += check(d, where)

# 4. both ways, through the loader
fixture = os.path.join(SRC, "tests", "data", "schema", "all.yaml")
base = tojson(yaml.safe_load(open(fixture, encoding="utf-8")))
places = {  # schema definition -> where all.yaml has such a map
    "top": [], "meta": ["meta"], "indexation": ["indexation"],
    "zorgsoort": ["zorgsoorten", 0], "cell": ["gemeenten", 0, "zorg", "ambulant"],
    "gemeente": ["gemeenten", 0], "population": ["gemeenten", 0, "population"],
    "fixed": ["gemeenten", 0, "fixed_costs", 0],
    "begroting": ["gemeenten", 0, "begroting"], "instroom": ["zorgsoorten", 0, "instroom"],
    "cost": ["zorgsoorten", 0, "cost"], "budget": ["zorgsoorten", 0, "budget"],
    "reentry": ["zorgsoorten", 0, "reentry"], "ageing": ["zorgsoorten", 0, "ageing"],
    "mixture": ["zorgsoorten", 1, "mixture"],
    "financing": ["zorgsoorten", 1, "financing"], "external": ["gemeenten", 0, "external_shifts", 0],
    "bron": ["bronnen", 0], "measure_ha": ["measures", 0], "measure_local": ["measures", 1],
    "regio": ["regio"], "verevening": ["regio", "verevening"], "sleutel": ["regio", "verevening", "sleutel"],
    "gebruik": ["regio", "verevening", "gebruik"], "drempel": ["regio", "verevening", "drempel"],
    "contract": ["regio", "contracten", 0], "regional_investment": ["measures", 2, "regional_investment"],
    "uncertainty": ["uncertainty"], "correlation": ["uncertainty", "correlations", 0],
    "werksessie": ["werksessie"], "slider": ["werksessie", "sliders", 0],
    "dist none": ["zorgsoorten", 2, "zorgduur"], "dist normal": ["zorgsoorten", 0, "zorgduur"],
    "dist lognormal": ["zorgsoorten", 1, "cost"], "dist uniform": ["zorgsoorten", 1, "instroom"],
    "dist triangular": ["zorgsoorten", 1, "zorgduur"], "dist pert": ["zorgsoorten", 1, "intensity_trend"],
}
maps = {}
for name, d in schema["$defs"].items():
    if name.startswith("partial.") or d.get("type") != "object" or "properties" not in d:
        continue
    maps[name] = set(d["properties"])
for d in schema["$defs"]["uncertain"]["anyOf"]:
    maps["dist " + d["title"]] = set(d["properties"])
for name in maps:
    if name not in places:
        bad("schema map '%s' has no place in tests/data/schema/all.yaml (add one)" % name)


def at(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def validate(doc):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", dir=os.path.dirname(fixture), delete=False) as t:
        yaml.safe_dump(doc, t, allow_unicode=True)
        name = t.name
    try:
        r = subprocess.run([JZ, "validate", "-q", name], capture_output=True, text=True)
    finally:
        os.unlink(name)
    return r.returncode, r.stderr


rc, err = validate(base)
if rc != 0:
    bad("tests/data/schema/all.yaml does not load: " + err)
n_keys = 0
for name, keys in sorted(maps.items()):
    if name not in places:
        continue
    target = at(base, places[name])
    if not isinstance(target, dict):
        bad("all.yaml: %s at %s is not a map" % (name, places[name]))
        continue
    for k in sorted(keys - set(target)):  # keys the schema knows: the loader knows them too
        doc = copy.deepcopy(base)
        at(doc, places[name])[k] = "@@"
        rc, err = validate(doc)
        n_keys += 1
        if "unknown key '%s'" % k in err:
            bad("the schema lists '%s' in %s, the loader rejects it: %s" % (k, name, err.strip()))
    doc = copy.deepcopy(base)  # a key the schema lacks: the loader rejects it
    at(doc, places[name])["zz_not_a_key"] = 1
    rc, err = validate(doc)
    if rc != 2 or "unknown key 'zz_not_a_key'" not in err:
        bad("%s: the loader accepts a key the schema lacks (exit %d: %s)" % (name, rc, err.strip()[:200]))

print("schema: %d shipped scenarios, %d doc examples valid; %d maps, %d added keys checked against the loader"
      % (n_ok, n_doc, len(maps), n_keys))
sys.exit(1 if fails else 0)
