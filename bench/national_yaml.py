#!/usr/bin/python3
"""national_yaml.py - write a national scenario as YAML (stdout) for timing
`jzsim run` / `jzsim validate` end to end (load + run + table): the
zorgsoorten of scenarios/example.yaml, horizon 15, and 342 gemeenten that
each override start, instroom per 1,000, zorgduur (a year map), budget and
two fixed lines of every zorgsoort.  Deterministic (no RNG).

    bench/national_yaml.py > /tmp/national.yaml
    time build/jzsim run /tmp/national.yaml > /dev/null
"""
import sys

G = int(sys.argv[1]) if len(sys.argv) > 1 else 342
src = open(__file__.rsplit("/", 2)[0] + "/scenarios/example.yaml").read()
head = src[:src.index("\ngemeenten:")]
head = head.replace("horizon: 5", "horizon: 15").replace("name: Voorbeeld", "name: Nationaal (benchmark)", 1)
keys = [l.split("key:")[1].strip() for l in head.splitlines() if l.strip().startswith("- key:")]
out = [head, "", "gemeenten:"]
for g in range(G):
    f = 0.3 + ((g * 2654435761) % 1000) / 400.0
    out.append("  - code: GM%04d" % (g + 1))
    out.append("    name: Gemeente %d" % (g + 1))
    out.append("    population:")
    out.append("      youth: {base: %d, growth: -0.3%%}" % (30000 * f))
    out.append("      young_adults: {base: %d, growth: 0.5%%}" % (11000 * f))
    out.append("    rijksbijdrage: {base: %.3fM, growth: 2%%}" % (48 * f))
    out.append("    fixed_costs:")
    out.append("      - {name: Lokale uitvoering, amount: %.3fM, indexation: 3%%}" % (6.5 * f))
    out.append("      - {name: Bijzondere projecten, amount: %.3fM, indexation: 2.5%%, budget: %.3fM}" % (4.2 * f, 4.2 * f))
    out.append("    zorg:")
    for z, k in enumerate(keys):
        d = 4 + 2 * z + ((g + z) % 7) / 3.0
        out.append("      %s: {start: %.1f, zorgduur: {2024: %.2f, 2030: %.2f, 2035: %.2f}, "
                   "budget: {volume: %.1f, price: %.1fk}}" % (k, 100 * f * (1 + z % 3), d, d * 0.95, d * 0.9,
                                                             90 * f * (1 + z % 3), 5 + 7 * z))
print("\n".join(out))
