#!/bin/bash
# Fault injection on every output format: an error at each write, flush,
# sync, close and rename (tests/fault/shim.c), a file size limit (prlimit),
# kill -9 and SIGTERM in the middle of a write.  What must hold every time:
#   - exit 0 and the complete new report, or
#   - exit 1, a message naming the file, the previous file untouched and no
#     temporary file left behind.
# Arguments: jzsim, the source tree, the shim (libjzfault.so).
. "$(dirname "$0")/../cli/lib.inc"
SHIM="$3"
S="$SRC/scenarios/example.yaml"
B="$S"
SAMPLES=${JZ_FAULT_SAMPLES:-12}
# jzsim under ASan wants its runtime first; the shim is plain C
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
# (under ASan) leaks of libminizip/libxlsxwriter on their own error paths are theirs
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(dirname "$0")/lsan.supp:print_suppressions=0"

# the reference report of each format
declare -A REF
for fmt in table csv json html xlsx; do
  "$JZ" compare --format "$fmt" -o "$TMP/ref.$fmt" "$S" "$B" 2>/dev/null || bad "reference $fmt"
done
# an xlsx compared by its parts (its creation time changes from run to run)
xlsx_parts() { unzip -l "$1" 2>/dev/null | awk 'NR>3 && $4 != "" {print $1, $4}' | sort; }
unzip -tq "$TMP/ref.xlsx" >/dev/null 2>&1 || bad "reference xlsx is no valid zip"
complete() { # FORMAT FILE: is FILE the complete report?
  if [ "$1" = xlsx ]; then
    unzip -tq "$2" >/dev/null 2>&1 && [ "$(xlsx_parts "$2")" = "$(xlsx_parts "$TMP/ref.xlsx")" ]
  else
    cmp -s "$2" "$TMP/ref.$1"
  fi
}
# check_outcome FORMAT RC WHAT: the rule above, for $TMP/d/out.FORMAT
check_outcome() {
  local fmt=$1 rc=$2 what=$3 out="$TMP/d/out.$1"
  if ls "$TMP/d" | grep -q '\.tmp\.'; then bad "$what: temporary file left: $(ls "$TMP/d")"; rm -f "$TMP"/d/*.tmp.*; fi
  if [ "$rc" -eq 0 ]; then
    if complete "$fmt" "$out"; then ok; else bad "$what: exit 0 but the report is incomplete"; fi
  else
    if [ "$(cat "$out")" = "OLD REPORT" ]; then ok; else bad "$what: exit $rc and the previous file was changed"; fi
    if grep -q "out\.$fmt" "$TMP/err"; then ok; else bad "$what: the message does not name the file: $(head -c 300 "$TMP/err")"; fi
    if [ "$rc" -eq 1 ] || [ "$rc" -eq 2 ]; then ok; else bad "$what: exit $rc (killed?)"; fi
  fi
}

mkdir -p "$TMP/d"
points=0
for fmt in table csv json html xlsx; do
  for fn in fwrite fflush fsync fclose close rename; do
    # how many calls of fn does this report make?
    echo "OLD REPORT" >"$TMP/d/out.$fmt"
    JZ_FAULT="$fn:0" JZ_FAULT_COUNT="$TMP/count" LD_PRELOAD="$SHIM" \
      "$JZ" compare --format "$fmt" -o "$TMP/d/out.$fmt" "$S" "$B" >/dev/null 2>"$TMP/err"
    n=$(cat "$TMP/count" 2>/dev/null || echo 0)
    [ "$n" -gt 0 ] || continue
    # every call when there are few, else SAMPLES spread over them (first and last included)
    step=$(( n > SAMPLES ? (n + SAMPLES - 2) / (SAMPLES - 1) : 1 ))
    k=1
    while [ "$k" -le "$n" ]; do
      echo "OLD REPORT" >"$TMP/d/out.$fmt"
      JZ_FAULT="$fn:$k" LD_PRELOAD="$SHIM" \
        "$JZ" compare --format "$fmt" -o "$TMP/d/out.$fmt" "$S" "$B" >/dev/null 2>"$TMP/err"
      check_outcome "$fmt" $? "$fmt, $fn call $k of $n"
      points=$((points + 1))
      if [ "$k" -lt "$n" ] && [ $((k + step)) -gt "$n" ]; then k=$n; else k=$((k + step)); fi
    done
  done
done
echo "fault injection: $points failing calls tried"

# a file size limit: writes fail with EFBIG (SIGXFSZ ignored by the shell or
# by jzsim); libxlsxwriter's staging files too (the old code renamed a
# truncated workbook into place with exit 0 here)
if command -v prlimit >/dev/null 2>&1; then
  for fmt in csv json html xlsx; do
    size=$(stat -c %s "$TMP/ref.$fmt")
    for lim in 4096 $((size / 2)) $((size - 1)) 100000 150000; do
      echo "OLD REPORT" >"$TMP/d/out.$fmt"
      prlimit --fsize="$lim" "$JZ" compare --format "$fmt" -o "$TMP/d/out.$fmt" "$S" "$B" >/dev/null 2>"$TMP/err"
      check_outcome "$fmt" $? "$fmt under a file size limit of $lim bytes"
    done
  done
fi

# kill -9 in the middle of a write (the shim holds the rename for 3 s):
# the previous file stays; SIGTERM and SIGHUP also remove the temporary file
for fmt in csv xlsx; do
  for sig in KILL TERM HUP; do
    echo "OLD REPORT" >"$TMP/d/out.$fmt"
    JZ_FAULT="rename:1:sleep" LD_PRELOAD="$SHIM" \
      "$JZ" compare --format "$fmt" -o "$TMP/d/out.$fmt" "$S" "$B" >/dev/null 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 50); do ls "$TMP/d" | grep -q '\.tmp\.' && break; sleep 0.05; done
    sleep 0.5
    kill -s "$sig" "$pid"
    wait "$pid" 2>/dev/null
    if [ "$(cat "$TMP/d/out.$fmt")" = "OLD REPORT" ]; then ok; else bad "$fmt, SIG$sig during the write: the previous file was changed"; fi
    if [ "$sig" != KILL ]; then
      if ls "$TMP/d" | grep -q '\.tmp\.'; then bad "$fmt, SIG$sig: temporary file left: $(ls "$TMP/d")"; else ok; fi
    fi
    rm -f "$TMP"/d/*.tmp.*
  done
done
finish
