#!/bin/sh
# compare-peers.sh - jzsim against the NumPy peer (bench/peers/volume_numpy.py)
# on the national benchmark scenario of bench_model, in interleaved rounds
# (jzsim, peer, jzsim, peer, ...), so that both see the same machine load.
#
#   bench/compare-peers.sh [BUILD_DIR] [ROUNDS] [DRAWS]
#     BUILD_DIR  with bench_model and bench_mc (default build-bench; a Release
#                build, see bench/README.md)
#     ROUNDS     interleaved rounds (default 5)
#     DRAWS      draws side by side in the peer's arrays (default 16)
#
# Prints min and median over the rounds of: one run (jzsim: each round's
# median of 20 single runs; peer: one run), the per-draw cost (jzsim: per run
# in a loop reusing workspace and result, one thread; peer: a batch of DRAWS
# draws divided by DRAWS), the same in CPU time, jzsim's real Monte Carlo
# draw (bench_mc --national: jz_mc_run on one thread, 37 uncertain inputs,
# four draws in vector lanes, money and figures included; its wall time
# over 200 draws, set-up included) against the same peer draw, and the
# ratios peer / jzsim.  The peer must first agree with
# jzsim's stocks to 1e-9 (it exits otherwise).  Needs python3-numpy and
# python3-scipy (Debian); the peer runs single-threaded.
set -eu
B="${1:-build-bench}"
ROUNDS="${2:-5}"
DRAWS="${3:-16}"
PY=/usr/bin/python3
cd "$(dirname "$0")/.."
[ -x "$B/bench_model" ] && [ -x "$B/bench_mc" ] ||
  { echo "compare-peers: no $B/bench_model or $B/bench_mc (build them first)" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$B/bench_model" -x "$T" >/dev/null
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
: >"$T/log"
i=0
while [ "$i" -lt "$ROUNDS" ]; do
  i=$((i + 1))
  "$B/bench_model" 30 | awk '/^one run:/ {gsub(",", ""); print "j_one", $4} /^loop of/ {gsub("[(,]", ""); print "j_draw", $8; print "j_draw_cpu", $13}' >>"$T/log"
  "$B/bench_mc" --national -n 200 -t 1 -r 1 | awk '/threads 1:/ {gsub("[(,]", ""); print "j_mc", $6 * 1000 / 200}' >>"$T/log"
  "$PY" bench/peers/volume_numpy.py "$T" --repeat 1 --draws "$DRAWS" |
    awk '/^agreement/ {print "agree", $NF} /^one-run-ms/ {print "p_one", $2; print "p_one_cpu", $5} /^per-draw-ms/ {print "p_draw", $2; print "p_draw_cpu", $5}' >>"$T/log"
done
"$PY" - "$T/log" "$ROUNDS" "$DRAWS" <<'PYEOF'
import statistics, sys
v = {}
for line in open(sys.argv[1]):
    k, x = line.split()
    v.setdefault(k, []).append(float(x))
mm = lambda k: (min(v[k]), statistics.median(v[k]))
print("machine: %s; %s interleaved rounds, peer batch %s draws" % (
    open("/proc/loadavg").read().split()[0] + " load average", sys.argv[2], sys.argv[3]))
print("peer agrees with jzsim's stocks to %.2g (max relative)" % max(v["agree"]))
v["p_mc"] = v["p_draw"]
for what, j, p in (("one run (wall)", "j_one", "p_one"), ("per draw (wall)", "j_draw", "p_draw"),
                   ("per draw (cpu)", "j_draw_cpu", "p_draw_cpu"), ("MC draw (wall)", "j_mc", "p_mc")):
    (jm, jd), (pm, pd) = mm(j), mm(p)
    print("%-16s jzsim min %8.3f ms  median %8.3f ms | NumPy min %8.3f ms  median %8.3f ms | "
          "ratio min %5.1fx  median %5.1fx" % (what, jm, jd, pm, pd, pm / jm, pd / jd))
PYEOF
