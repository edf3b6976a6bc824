# bash completion for jzsim                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/jzsim.
#
# Subcommands, options and their values are read from `jzsim --help` and
# `jzsim CMD --help`, which the command prints from its option tables, so
# the completion knows every option of the installed version.  Scenario
# arguments complete to *.yaml files here and to the shipped scenarios
# (share/jzsim/scenarios: `jzsim run enschede/<TAB>`).

# The subcommands: the names under "Commands:" in jzsim --help.
_jzsim_commands()
{
    "$1" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# Every option a subcommand's --help names in its Options: section.
_jzsim_options()
{
    "$1" "$2" --help 2>/dev/null | sed -n '/^Options:/,/^[A-Z][a-z]*:/p' |
        grep -oE '(^|[ ,(])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,(]//' | sort -u
}

# Does option $3 of subcommand $2 take a value (an ARG after it in --help)?
_jzsim_takes_value()
{
    "$1" "$2" --help 2>/dev/null | sed -n '/^Options:/,/^[A-Z][a-z]*:/p' |
        grep -qE "(^|[ ,])$3 [A-Z][A-Za-z.]*"
}

# The formats a subcommand's --format takes: the words its help names.
_jzsim_formats()
{
    "$1" "$2" --help 2>/dev/null | sed -n '/^  --format/,/^  -/p' | sed '$d' |
        grep -oE '\b(table|csv|json|xlsx|html)\b' | sort -u
}

# Shipped scenarios relative to the data folders (as jzsim looks them up).
_jzsim_shipped()
{
    local jz=$1 cur=$2 d bin
    bin=$(command -v "$jz" 2>/dev/null)
    for d in "${JZSIM_DATADIR:-}" "${bin%/*}/../share/jzsim" /usr/share/jzsim /usr/local/share/jzsim; do
        [ -n "$d" ] && [ -d "$d/scenarios" ] || continue
        (cd "$d/scenarios" && compgen -f -X '!*.y*ml' -- "$cur"; compgen -d -- "$cur" | sed 's|$|/|')
        return
    done
}

_jzsim()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
    fi
    local jz=${words[0]}
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$(_jzsim_commands "$jz") help --help --version" -- "$cur"))
        return
    fi
    local cmd=${words[1]}
    if [ "$cmd" = help ]; then
        COMPREPLY=($(compgen -W "$(_jzsim_commands "$jz")" -- "$cur"))
        return
    fi
    case $prev in
        --format) COMPREPLY=($(compgen -W "$(_jzsim_formats "$jz" "$cmd")" -- "$cur")); return ;;
        --lang | --locale) COMPREPLY=($(compgen -W "nl en" -- "$cur")); return ;;
        --fit) COMPREPLY=($(compgen -W "instroom zorgduur kosten start vorm all" -- "$cur")); return ;;
        --instroom) COMPREPLY=($(compgen -W "projected observed" -- "$cur")); return ;;
        -o | --output | --history | --bands | --keep-draws | --mc-output | --intervals | --save-intervals)
            COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        -*)
            if _jzsim_takes_value "$jz" "$cmd" "$prev"; then COMPREPLY=(); return; fi ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_jzsim_options "$jz" "$cmd") --help" -- "$cur"))
        return
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
    [ ${#COMPREPLY[@]} -eq 0 ] && COMPREPLY=($(_jzsim_shipped "$jz" "$cur"))
} && complete -F _jzsim jzsim
