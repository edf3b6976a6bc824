#!/bin/sh
# The main job on the shipped default scenario.
set -eu
cd "$(dirname "$0")/.."
./build/jzsim run scenarios/example.yaml
