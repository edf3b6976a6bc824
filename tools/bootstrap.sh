#!/bin/sh
# One command on a fresh Debian machine: install dependencies, build jzsim,
# and run the main job on the shipped default scenario.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
sh tools/default-run.sh
