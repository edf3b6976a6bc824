#!/bin/sh
# One command on a fresh Debian machine: install dependencies, build jzsim,
# and run the main job on the shipped default scenario.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh
# Warnings are not errors here: a newer compiler's new warning must not stop
# a user's build (tools/test.sh, which CI runs, builds with -Werror).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DJZ_WERROR=OFF
cmake --build build -j"$(nproc)"
sh tools/default-run.sh
