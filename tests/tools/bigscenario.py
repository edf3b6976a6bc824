#!/usr/bin/env python3
"""Write a minimal scenario of G gemeenten x Z zorgsoorten x H years to stdout
(the model size limit test, tests/cli/robustness.sh): bigscenario.py G Z H"""
import sys

g, z, h = (int(a) for a in sys.argv[1:4])
out = ["meta:", "  name: Groot", "  base_year: 2024", f"  horizon: {h}", "", "zorgsoorten:"]
for k in range(z):
    out += [f"  - key: z{k}", f"    name: Zorgsoort {k}", "    instroom: 10", "    start: 10",
            "    zorgduur: 12", "    cost: 10k"]
out += ["", "gemeenten:"]
for i in range(g):
    out += [f"  - code: GM{i + 1:04d}", f"    name: Gemeente {i + 1}", "    population:",
            "      youth: {base: 10000}"]
print("\n".join(out))
