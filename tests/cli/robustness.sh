#!/bin/bash
# Outputs, streams and exit codes (issue 12; docs/robustness.md):
# special files as -o, -o naming an input, -o '', the umask, a full or
# closed stdout, a missing input (exit 2 in every command), CSV formula
# injection, control characters in messages, the model size limit.
. "$(dirname "$0")/lib.inc"
S="$SRC/scenarios/example.yaml"
# a TMPDIR of this test's own: other tests run at the same time stage there too
export TMPDIR="$TMP/stage"
mkdir -p "$TMPDIR"

# -o onto special files: written in place, never replaced
expect_exit 0 "$JZ" run --format csv -o /dev/null "$S"
if [ -c /dev/null ]; then ok; else bad "/dev/null is no longer a character device"; fi
"$JZ" run --format csv -o /dev/stdout "$S" >"$TMP/viastdout.csv" 2>"$TMP/err"
if [ $? -eq 0 ] && [ -s "$TMP/viastdout.csv" ]; then ok; else bad "-o /dev/stdout: $(cat "$TMP/err")"; fi
"$JZ" run --format csv "$S" >"$TMP/plain.csv"
if cmp -s "$TMP/plain.csv" "$TMP/viastdout.csv"; then ok; else bad "-o /dev/stdout differs from stdout"; fi
if ls "$TMPDIR" | grep -q '^jzsim\.tmp\.'; then bad "a staged file was left in TMPDIR"; else ok; fi
expect_exit 0 "$JZ" compare --format xlsx -o /dev/null "$S" "$S"
if [ -L /dev/stdout ]; then ok; else bad "/dev/stdout is no longer a symbolic link"; fi
# a symbolic link to a report: the report is replaced, the link stays
echo old >"$TMP/target.csv" && ln -s target.csv "$TMP/link.csv"
expect_exit 0 "$JZ" run --format csv -o "$TMP/link.csv" "$S"
if [ -L "$TMP/link.csv" ] && cmp -s "$TMP/target.csv" "$TMP/plain.csv"; then ok; else bad "-o onto a symbolic link"; fi

# -o '' and -o naming an input: usage errors (2), the input untouched
expect_exit 2 "$JZ" run -o '' "$S"
expect_grep "$TMP/err" "file name"
expect_exit 2 "$JZ" run --output= "$S"
cp "$S" "$TMP/in.yaml"
expect_exit 2 "$JZ" run --format csv -o "$TMP/in.yaml" "$TMP/in.yaml"
expect_grep "$TMP/err" "would overwrite the input"
if cmp -s "$S" "$TMP/in.yaml"; then ok; else bad "-o onto the input changed it"; fi
expect_exit 2 "$JZ" compare --format csv -o "$TMP/in.yaml" "$S" "$TMP/in.yaml"

# the umask is honoured (mkstemp's 0600 used to become 0644 whatever it said)
(umask 077 && "$JZ" run --format csv -o "$TMP/u077.csv" "$S")
(umask 022 && "$JZ" run --format csv -o "$TMP/u022.csv" "$S")
(umask 077 && "$JZ" compare --format xlsx -o "$TMP/u077.xlsx" "$S" "$S")
[ "$(stat -c %a "$TMP/u077.csv")" = 600 ] && ok || bad "umask 077: mode $(stat -c %a "$TMP/u077.csv")"
[ "$(stat -c %a "$TMP/u022.csv")" = 644 ] && ok || bad "umask 022: mode $(stat -c %a "$TMP/u022.csv")"
[ "$(stat -c %a "$TMP/u077.xlsx")" = 600 ] && ok || bad "umask 077 xlsx: mode $(stat -c %a "$TMP/u077.xlsx")"

# stdout that cannot be written: exit 1 with a message, never 0
if [ -w /dev/full ]; then
  "$JZ" validate "$S" >/dev/full 2>"$TMP/err"; rc=$?
  [ "$rc" -eq 1 ] && ok || bad "validate >/dev/full: exit $rc"
  expect_grep "$TMP/err" "standard output"
  "$JZ" run --format csv "$S" >/dev/full 2>"$TMP/err"; rc=$?
  [ "$rc" -eq 1 ] && ok || bad "run >/dev/full: exit $rc"
fi
"$JZ" validate "$S" >&- 2>"$TMP/err"; rc=$?
[ "$rc" -eq 1 ] && ok || bad "validate with stdout closed: exit $rc"

# a missing input is bad input (2) in every command
for cmd in run validate mc sensitivity measures; do
  expect_exit 2 "$JZ" $cmd "$TMP/missing.yaml"
done
expect_exit 2 "$JZ" compare "$S" "$TMP/missing.yaml"
expect_exit 2 "$JZ" calibrate --history "$TMP/missing.csv" "$SRC/tests/data/history/synth.yaml"

# CSV formula injection: text that starts with = + - @ gets a leading '
sed 's/^  name: Voorbeeld$/  name: "=HYPERLINK(\\"http:\/\/x\\";\\"klik\\")"/' "$S" >"$TMP/inj.yaml"
expect_exit 0 "$JZ" run --format csv -o "$TMP/inj.csv" "$TMP/inj.yaml"
if grep -q "^\"'=HYPERLINK" "$TMP/inj.csv" || grep -q "^'=HYPERLINK" "$TMP/inj.csv"; then ok; else bad "formula not neutralised: $(sed -n 2p "$TMP/inj.csv")"; fi
if grep -q "^=HYPERLINK\|^\"=HYPERLINK" "$TMP/inj.csv"; then bad "a cell starts with ="; else ok; fi
expect_exit 0 "$JZ" compare --format csv -o "$TMP/injc.csv" "$S" "$TMP/inj.yaml"
if grep -q ",=HYPERLINK\|,\"=HYPERLINK\|^=HYPERLINK" "$TMP/injc.csv"; then bad "compare csv: a cell starts with ="; else ok; fi
# numbers stay numbers: negative values are not quoted
if grep -q "'-[0-9]" "$TMP/injc.csv" "$TMP/inj.csv"; then bad "a negative number was made text"; else ok; fi

# control characters and invalid UTF-8 in messages are escaped
printf 'meta:\n  name: x\n  base_year: 2024\n  horizon: 5\n"bad\\e[31mkey\\nnext": 1\n' >"$TMP/esc.yaml"
expect_exit 2 "$JZ" validate "$TMP/esc.yaml"
if grep -q "$(printf '\033')" "$TMP/err"; then bad "a raw ESC reached the message"; else ok; fi
[ "$(wc -l <"$TMP/err")" -le 1 ] && ok || bad "the message broke over lines: $(cat "$TMP/err")"
expect_grep "$TMP/err" 'x1b'
printf 'meta:\n  name: x\n  base_year: 2024\n  horizon: 5\nbad\xffkey: 1\n' >"$TMP/utf.yaml"
"$JZ" validate "$TMP/utf.yaml" 2>"$TMP/err" >/dev/null
if LC_ALL=C grep -q "$(printf '\377')" "$TMP/err"; then bad "an invalid UTF-8 byte reached the message"; else ok; fi

# the model size limit: refused before anything is allocated, with the file
# named; JZSIM_MAX_MEMORY raises it (1,000 x 100 x 50 years took 5.9 GB)
python3 "$SRC/tests/tools/bigscenario.py" 1000 100 50 >"$TMP/big.yaml"
expect_exit 2 "$JZ" run -q "$TMP/big.yaml"
expect_grep "$TMP/err" "big.yaml:[0-9]*: the model is too large"
expect_grep "$TMP/err" "JZSIM_MAX_MEMORY"
python3 "$SRC/tests/tools/bigscenario.py" 40 10 20 >"$TMP/mid.yaml"
expect_exit 0 "$JZ" validate -q "$TMP/mid.yaml"
JZSIM_MAX_MEMORY=1 expect_exit 2 "$JZ" validate -q "$TMP/mid.yaml"
# compare --draws holds per thread 8 draws of every scenario (one run of
# the Monte Carlo, JZ_MODEL_RUNS_MAX), each with a copy that holds what a
# draw writes (here nothing: ~0.5 MiB with its result and workspace):
# 4 threads x 8 x 2 scenarios need ~32 MiB where compare alone fits
JZSIM_MAX_MEMORY=24 expect_exit 0 "$JZ" compare -q "$TMP/mid.yaml" "$TMP/mid.yaml"
JZSIM_MAX_MEMORY=24 expect_exit 0 "$JZ" compare -q --draws 10 --threads 2 "$TMP/mid.yaml" "$TMP/mid.yaml"
JZSIM_MAX_MEMORY=24 expect_exit 2 "$JZ" compare -q --draws 10 --threads 4 "$TMP/mid.yaml" "$TMP/mid.yaml"
expect_grep "$TMP/err" "mid.yaml:[0-9]*: the model is too large: .*64 draws side by side of 0.5 MiB with their scenario copies"
# ... and that size error comes alone: not after every load warning of the
# scenarios that will not run (it came last, under a screen of warnings),
# as mc's and run's size error (cli_load_scenario); the warnings when it runs
sed 's/^    zorgduur: 40$/    zorgduur: 400/' "$SRC/scenarios/example.yaml" >"$TMP/warn.yaml"
JZSIM_MAX_MEMORY=1 expect_exit 2 "$JZ" compare --draws 10 --threads 4 "$TMP/warn.yaml" "$TMP/warn.yaml"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && ok || bad "compare --draws: more than the size error on stderr: $(head -c 300 "$TMP/err")"
expect_grep "$TMP/err" "^jzsim: .*warn.yaml:[0-9]*: the model is too large"
expect_exit 0 "$JZ" compare --draws 10 --threads 2 --format json "$TMP/warn.yaml" "$TMP/warn.yaml"
[ "$(grep -c "^jzsim: warning: .*zorgduur 400 in 2024 is outside the plausible range" "$TMP/err")" -eq 2 ] && ok ||
  bad "compare --draws: the load warnings of a run that starts are missing"

# '-' reads standard input: a scenario (messages say stdin:LINE:COL) and a history
"$JZ" run --format csv - <"$S" >"$TMP/stdin.csv" 2>"$TMP/err" && cmp -s "$TMP/stdin.csv" "$TMP/plain.csv" && ok \
  || bad "run - <scenario differs from run scenario: $(cat "$TMP/err")"
printf 'meta:\n  name: x\n  base_year: 2024\n  horizon: 5\nbad: 1\n' | "$JZ" validate - >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && ok || bad "validate - with a bad scenario: not exit 2"
expect_grep "$TMP/err" "^jzsim: stdin:5:1: unknown key 'bad'"
H="$SRC/tests/data/history"
"$JZ" calibrate --quiet --history - "$H/synth.yaml" <"$H/synth.csv" >"$TMP/cal-stdin.txt" 2>"$TMP/err" && ok || bad "calibrate --history -: $(cat "$TMP/err")"
"$JZ" calibrate --quiet --history "$H/synth.csv" "$H/synth.yaml" >"$TMP/cal-file.txt" 2>/dev/null
diff <(grep -v "^Historie\|^History" "$TMP/cal-stdin.txt") <(grep -v "^Historie\|^History" "$TMP/cal-file.txt") >/dev/null && ok \
  || bad "calibrate from stdin differs from the file"
finish
