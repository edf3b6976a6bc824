#!/bin/bash
# bash completion (completion/jzsim.bash): subcommands, options, --format
# values and scenario files, read from the built jzsim's --help.
. "$(dirname "$0")/lib.inc"
# shellcheck source=/dev/null
. "$SRC/completion/jzsim.bash"
comp() { # WORDS... : COMPREPLY, sorted, one line
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _jzsim; printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
want() { # GOT WANT
  [ "$1" = "$2" ] && ok || bad "completion: got '$1', wanted '$2'"
}
cd "$SRC" || exit 1
# every command that 'jzsim --help' lists, and help
cmds=$("$JZ" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF && !/^Commands:/ {print $1}')
want "$(comp "$JZ" "")" "$(printf '%s\n' --help --version help $cmds | sort | tr '\n' ' ')"
want "$(comp "$JZ" co)" "compare "
want "$(comp "$JZ" help se)" "sensitivity "
want "$(comp "$JZ" validate --)" "--allow-implausible --help --quiet --strict "
# every option of every command's --help is offered, and --threads named inside compare's --seed text
for c in run compare mc measures sensitivity calibrate backtest; do
  got=$(comp "$JZ" "$c" --)
  for o in $("$JZ" "$c" --help | sed -n '/^Options:/,/^[A-Z][a-z]*:/p' | grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    case " $got " in *" $o "*) ok ;; *) bad "jzsim $c: $o not completed" ;; esac
  done
done
case " $(comp "$JZ" compare --) " in *" --threads "*) ok ;; *) bad "compare --threads not completed" ;; esac
want "$(comp "$JZ" compare --format "")" "csv html json table xlsx "
want "$(comp "$JZ" measures --format "")" "csv json table "
want "$(comp "$JZ" run --lang "")" "en nl "
want "$(comp "$JZ" mc --draws "")" " "
want "$(comp "$JZ" run scenarios/enschede/ba)" "scenarios/enschede/basis.yaml "
# a shipped scenario from any folder, through the data folder
cd "$TMP" && want "$(JZSIM_DATADIR="$SRC" comp "$JZ" run enschede/ba)" "enschede/basis.yaml "
finish
