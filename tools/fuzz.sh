#!/bin/sh
# Fuzz every libFuzzer target in tests/fuzz/ for SECONDS each (ASan + UBSan).
#   sh tools/fuzz.sh            15 s per target: the CI smoke (about a minute)
#   sh tools/fuzz.sh 900        a long run: 15 minutes per target
#   JOBS=2 sh tools/fuzz.sh 3600  more processes per target (-jobs=N)
# Seeds come from scenarios/ and tests/data/; the corpora grow in
# build-fuzz/corpus/<target> and are kept between runs; a crash is written
# to build-fuzz/crash-* and fails the script.  See docs/robustness.md.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-15}
jobs=${JOBS:-1}
B=build-fuzz
CC=clang cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJZ_FUZZ=ON -DJZ_BUILD_TESTS=OFF -DJZ_WERROR=ON >/dev/null
cmake --build "$B" -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
C="$B/corpus"
mkdir -p "$C/fuzz_scenario" "$C/fuzz_history" "$C/fuzz_values" "$C/fuzz_bands" "$C/fuzz_forms"
# seeds
find scenarios tests/data/scenario tests/data/extends tests/data/compare tests/data/measures \
  -name '*.yaml' 2>/dev/null | while read -r f; do
  cp "$f" "$C/fuzz_scenario/seed-$(echo "$f" | tr '/' '_')"
done
for f in tests/data/history/*.csv; do { printf '\000'; cat "$f"; } >"$C/fuzz_history/seed-$(basename "$f")"; done
for f in tests/data/history/*.yaml; do { printf '\001'; cat "$f"; } >"$C/fuzz_history/seed-$(basename "$f")"; done
i=0
for v in '12' '2.5k' '{2024: 9, 2026: 8}' '4.5%' '{per_1000: 30, trend: 1%}' '{tariff: 95, units_per_year: 90}' \
         '{ambulant: 20%}' '{volume: 400, price: 2.5k}' '{fraction: 11%, delay_months: 12}' \
         '{dist: normal, mean: 10, sd: 2}' '1e308' '-0'; do
  printf "\\$(printf '%03o' $((i % 8)))%s" "$v" >"$C/fuzz_values/seed-$i"
  i=$((i + 1))
done
printf 'scenario,gemeente_code,year,metric,p5,p50,p95\n1,TOTAL,2025,tekort,-8e6,-6e6,-5e6\n' >"$C/fuzz_bands/seed-1"
printf 'scenario;gemeente_code;year;metric;p5;p50;p95\n2;GM9999;2026;cost;1,5;2,5;3,5\n' >"$C/fuzz_bands/seed-2"
# the forms: the template as CSV (0), the realisation as CSV (1) and as YAML (2)
for f in scenarios/sjabloon/voorbeeld.csv scenarios/sjabloon/leeg.csv; do
  { printf '\000'; cat "$f"; } >"$C/fuzz_forms/seed-$(basename "$f")"
done
{ printf '\001'; cat scenarios/sjabloon/realisatie-voorbeeld.csv; } >"$C/fuzz_forms/seed-realisatie.csv"
{ printf '\002'; cat scenarios/sjabloon/realisatie-voorbeeld.yml; } >"$C/fuzz_forms/seed-realisatie.yml"
status=0
for t in fuzz_scenario fuzz_history fuzz_values fuzz_bands fuzz_forms; do
  echo "== $t: $secs s"
  par=""
  [ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
  # shellcheck disable=SC2086 # $par: zero or two options
  (cd "$B" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "./tests/fuzz/$t" -max_total_time="$secs" $par -max_len=65536 -timeout=20 \
    -rss_limit_mb=2048 -artifact_prefix="crash-$t-" -print_final_stats=1 "corpus/$t") \
    >"$B/$t.log" 2>&1 || status=1
  cat "$B"/fuzz-*.log >>"$B/$t.log" 2>/dev/null && rm -f "$B"/fuzz-*.log
  grep -E "stat::number_of_executed_units|Done [0-9]+ runs|ERROR|SUMMARY" "$B/$t.log" | tail -3 || true
done
[ "$status" -eq 0 ] && echo "fuzz: no findings" || echo "fuzz: FINDINGS, see $B/crash-* and $B/*.log" >&2
exit "$status"
