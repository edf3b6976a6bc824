#!/bin/sh
# The main job on the shipped default scenarios: Enschede, the base without
# measures against the Hervormingsagenda and the local verbeterkansen, and a
# stagnating outflow.  Prints the comparison and writes the council briefing
# (HTML, with uncertainty bands and the tornado of the base's uncertain
# inputs) and the Excel workbook to out/.
set -eu
cd "$(dirname "$0")/.."
S=scenarios/enschede
set -- $S/geen-maatregelen.yaml $S/hervormingsagenda.yaml $S/hervormingsagenda-zeker.yaml \
       $S/verbeterkansen.yaml $S/uitstroom-stagneert.yaml
mkdir -p out
./build/jzsim compare "$@"
# the briefing with P5-P95 bands (2,000 draws of the base's uncertain
# inputs, the same draws for every scenario) and the tornado chart
./build/jzsim compare --draws 2000 --seed 1 --format html -o out/enschede-briefing.html "$@"
./build/jzsim compare --format xlsx -o out/enschede-vergelijking.xlsx "$@"
echo "jzsim: wrote out/enschede-briefing.html and out/enschede-vergelijking.xlsx" >&2
