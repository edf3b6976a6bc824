#!/bin/sh
# Build and run every test.  Used by the README and by CI (.ci/run).
#   tools/test.sh              gcc build: cmocka + CLI tests, then valgrind on a CLI run
#   tools/test.sh --sanitize   clang build with ASan + UBSan: the whole suite
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
if [ "${1:-}" = "--sanitize" ]; then
  CC=clang cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJZ_SANITIZE=ON
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
  exit 0
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
if command -v valgrind >/dev/null 2>&1; then
  valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    ./build/jzsim run scenarios/example.yaml >/dev/null
  echo "valgrind: jzsim run scenarios/example.yaml: no errors"
else
  echo "valgrind: not installed, memory check skipped" >&2
fi
