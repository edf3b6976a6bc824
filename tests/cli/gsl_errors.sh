#!/bin/bash
# GSL failures through every command (issue 10 section 4): a correlation
# matrix that is not positive definite, a break-even range that does not
# bracket the target, a calibration with a singular Jacobian.  Each gives a
# located error or a stated result, never an abort (exit >= 128).
. "$(dirname "$0")/lib.inc"
D="$SRC/tests/data/gsl"
EX="$SRC/scenarios/example-onzeker.yaml"
H="$SRC/tests/data/history/synth.csv"
located='not_pd[a-z_]*\.yaml:[0-9]*:[0-9]*: uncertainty.correlations: .*not positive definite'

for cmd in validate run measures mc sensitivity; do
  expect_exit 2 "$JZ" "$cmd" "$D/not_pd.yaml"
  expect_grep "$TMP/err" "$located"
done
expect_exit 2 "$JZ" compare --draws 50 "$EX" "$D/not_pd.yaml"
expect_grep "$TMP/err" "$located"
expect_exit 2 "$JZ" compare "$EX" "$D/not_pd.yaml"
expect_grep "$TMP/err" "$located"
expect_exit 2 "$JZ" calibrate --history "$H" "$D/not_pd_synth.yaml"
expect_grep "$TMP/err" "$located"
expect_exit 2 "$JZ" backtest --fit-until 2020 --history "$H" "$D/not_pd_synth.yaml"
expect_grep "$TMP/err" "$located"

# break-even: the range does not bracket the target (GSL's Brent: EINVAL)
expect_exit 0 "$JZ" sensitivity --lang en --break-even 'zorgsoorten[ambulant].zorgduur' --target -1e12 "$EX"
expect_grep "$TMP/out" "Duration of care, ambulante jeugdhulp (months): no value between"

# calibrate: instroom, cost and zorgduur only scale one observed series:
# a singular Jacobian; the fit runs and says so
for cmd in calibrate "backtest --fit-until 2019"; do
  # shellcheck disable=SC2086
  "$JZ" $cmd --history "$D/cost_only.csv" "$SRC/tests/data/history/synth.yaml" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  if [ "$rc" -ge 128 ] || [ "$rc" -gt 2 ]; then bad "$cmd on a singular Jacobian: exit $rc"; else ok; fi
done
finish
