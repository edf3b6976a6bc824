#!/bin/bash
# The man pages (packaging/gen-man.py, made at build time from --help) list
# the same subcommands as `jzsim --help` and, for every subcommand, the same
# options as `jzsim CMD --help`, in the same order; the rendered page
# (man -l) is compared, as a reader sees it.
. "$(dirname "$0")/lib.inc"
MAN="$(dirname "$JZ")/man"
[ -d "$MAN" ] || { echo "no man pages in $MAN (python3 missing at build time): skipped"; exit 77; }
command -v man >/dev/null || { echo "man not installed: skipped"; exit 77; }

# the option names at the head of each item of a --help "Options:" section
help_opts() { sed -n '/^Options:/,/^[A-Z][a-z]*:/p' | grep -E '^  -' |
              sed -E 's/^  ((-[a-zA-Z], )?--?[a-zA-Z][a-zA-Z-]*).*/\1/'; }
# the same from a rendered man page: items of OPTIONS, indented 7 columns
man_opts() { sed -n '/^OPTIONS/,/^[A-Z]/p' | grep -E '^       -' |
             sed -E 's/^       ((-[a-zA-Z], )?--?[a-zA-Z][a-zA-Z-]*).*/\1/'; }

cmds=$("$JZ" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$cmds" ] && ok || bad "no commands in jzsim --help"
man_cmds=$(MANWIDTH=200 man -l "$MAN/jzsim.1" 2>/dev/null | sed -n '/^COMMANDS/,/^[A-Z]/p' |
           grep -E '^       [a-z]' | awk '{print $1}')
[ "$cmds" = "$man_cmds" ] && ok || bad "jzsim(1) COMMANDS differ from jzsim --help: $man_cmds"
for c in $cmds; do
  [ -f "$MAN/jzsim-$c.1" ] || { bad "no man page jzsim-$c.1"; continue; }
  "$JZ" "$c" --help | help_opts >"$TMP/help"
  MANWIDTH=200 man -l "$MAN/jzsim-$c.1" 2>/dev/null | man_opts >"$TMP/man"
  [ -s "$TMP/help" ] || bad "jzsim $c --help lists no options"
  if diff -u "$TMP/help" "$TMP/man" >"$TMP/diff"; then ok; else bad "man jzsim-$c and jzsim $c --help list different options"; cat "$TMP/diff" >&2; fi
  # the synopsis is the usage line
  u=$("$JZ" "$c" --help | sed -n 's/^Usage: //p' | head -1)
  MANWIDTH=200 man -l "$MAN/jzsim-$c.1" 2>/dev/null | grep -qF -- "$u" && ok || bad "jzsim-$c.1: synopsis is not '$u'"
done
# and a page that drifted is caught: drop one option from the compare page
sed '/^\\fB\\-\\-draws/,+1d' "$MAN/jzsim-compare.1" >"$TMP/drift.1"
MANWIDTH=200 man -l "$TMP/drift.1" 2>/dev/null | man_opts >"$TMP/man"
"$JZ" compare --help | help_opts >"$TMP/help"
diff -q "$TMP/help" "$TMP/man" >/dev/null && bad "a man page without --draws still matched" || ok
finish
