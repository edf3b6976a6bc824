#!/usr/bin/env python3
"""gen-man.py JZSIM OUTDIR VERSION: man pages for jzsim and every subcommand.

Made from `jzsim --help` and `jzsim CMD --help`, which the command prints
from its option tables (engine/cli): the man pages say what --help says and
cannot drift from it.  tests/cli/man.sh checks the options of every page
against --help.  The sections:
  Usage: ...               -> SYNOPSIS
  text before Options:     -> DESCRIPTION
  Options: (and Commands:) -> OPTIONS (COMMANDS), one .TP per item
  text after the options   -> NOTES
  Example(s):              -> EXAMPLES (verbatim)
  Exit codes: ...          -> EXIT STATUS
jzsim(1) adds FILES and ENVIRONMENT: where shipped scenarios are found.
"""
import os
import re
import subprocess
import sys

DATE = "2026"  # fixed, so that the pages are reproducible


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l if l.startswith((".", "'")) else l) for l in text.split("\n"))


def parse(help_text):
    """Sections of a --help text: [(name, lines)] in order."""
    sections, name, lines = [], "head", []
    for line in help_text.rstrip("\n").split("\n"):
        m = re.match(r"^(Usage|Options|Commands|Examples?|Exit codes):(.*)$", line)
        if m:
            sections.append((name, lines))
            name, lines = m.group(1), [m.group(2).strip()] if m.group(2).strip() else []
        else:
            lines.append(line)
    sections.append((name, lines))
    return sections


def items(lines):
    """Items of an Options:/Commands: block: [(term, text)], and the free text after it."""
    out, rest = [], []
    for line in lines:
        if rest or (line and not line.startswith(" ")):
            rest.append(line)
            continue
        m = re.match(r"^  (\S.*?)(?: {2,}(\S.*))?$", line)
        if m and not line.startswith("   "):
            out.append([m.group(1), m.group(2) or ""])
        elif line.strip() and out:
            out[-1][1] += " " + line.strip()
        elif not line.strip() and out:
            rest.append("") if rest else None
    return out, rest


def paragraphs(lines):
    text, out = [], []
    for l in lines + [""]:
        if l.strip():
            text.append(l.strip())
        elif text:
            out.append(" ".join(text))
            text = []
    return out


def page(name, section_title, help_text, version, extra=""):
    s = parse(help_text)
    out = ['.TH %s 1 "%s" "jzsim %s" "jzsim manual"' % (name.upper().replace("-", "\\-"), DATE, version)]
    head = dict()
    for n, lines in s:
        head.setdefault(n, []).append(lines)
    first = [l for l in (head.get("head") or [[]])[0] if l.strip()]
    out += [".SH NAME", "%s \\- %s" % (roff(name), roff(section_title))]
    usage = (head.get("Usage") or [[]])[0]
    out += [".SH SYNOPSIS", ".nf"]
    nonblank = [i for i, l in enumerate(usage) if l.strip()]
    out += [roff(usage[nonblank[0]].strip())] if nonblank else []
    out += [".fi"]
    desc = paragraphs(first) + (paragraphs(usage[nonblank[0] + 1:]) if nonblank else [])
    if desc:
        out.append(".SH DESCRIPTION")
        for p in desc:
            out += [".PP", roff(p)]
    notes = []
    for n in ("Commands", "Options"):
        for lines in head.get(n, []):
            its, rest = items(lines)
            out.append(".SH " + ("COMMANDS" if n == "Commands" else "OPTIONS"))
            for term, text in its:
                t = re.sub(r"(-[-\w]+)", lambda m: "\\fB" + m.group(1).replace("-", "\\-") + "\\fR", term)
                if n == "Commands":
                    t = "\\fB%s\\fR" % term
                out += [".TP", t, roff(text)]
            notes += paragraphs(rest)
    if notes:
        out.append(".SH NOTES")
        for p in notes:
            out += [".PP", roff(p)]
    for n in ("Example", "Examples"):
        for lines in head.get(n, []):
            body = [l for l in lines]
            while body and not body[-1].strip():
                body.pop()
            out += [".SH EXAMPLES", ".nf", ".RS 2"] + [roff(l.strip() if not l.startswith("      ") else "    " + l.strip()) for l in body] + [".RE", ".fi"]
    for lines in head.get("Exit codes", []):
        out += [".SH EXIT STATUS", roff(" ".join(l.strip() for l in lines if l.strip()))]
    out.append(extra)
    return "\n".join(l for l in out if l is not None) + "\n"


FILES = r"""
.SH FILES
.TP
\fI/usr/share/jzsim/scenarios/\fR
The shipped scenarios (example, enschede/, twente/).  A scenario argument
that is not found as given is looked for, in this order, in
\fB$JZSIM_DATADIR\fR, in \fI../share/jzsim\fR next to the jzsim executable,
and in the share/jzsim folder of the installation; in each as
DIR/PATH and as DIR/scenarios/PATH.  So \fBjzsim run enschede/basis.yaml\fR
and \fBjzsim run scenarios/enschede/basis.yaml\fR work from any folder.
.TP
\fI/usr/share/jzsim/docs/scenario.schema.json\fR
The JSON Schema of scenario files, for editors (yaml\-language\-server).
.TP
\fI/usr/share/doc/jzsim/\fR
The documentation: scenario\-format.md, model.md, output\-format.md, ...
.SH ENVIRONMENT
.TP
.B JZSIM_DATADIR
A folder searched first for scenario files not found as given.
.SH SEE ALSO
"""


def main():
    jz, outdir, version = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, LC_ALL="C")

    def help_of(*args):
        return subprocess.run([jz, *args, "--help"], check=True, capture_output=True, text=True, env=env).stdout

    top = help_of()
    cmds = [(m.group(1), m.group(2)) for m in re.finditer(r"^  (\w+) +(.+)$", top.split("Commands:")[1].split("\n\n")[0], re.M)]
    see = ", ".join("\\fBjzsim\\-%s\\fR(1)" % c for c, _ in cmds)
    first = top.split("\n", 1)
    title = first[0].split(" - ", 1)[1] if " - " in first[0] else "jeugdzorg projections"
    with open(os.path.join(outdir, "jzsim.1"), "w") as f:
        f.write(page("jzsim", title, first[1], version, FILES + see))
    for c, summary in cmds:
        with open(os.path.join(outdir, "jzsim-%s.1" % c), "w") as f:
            f.write(page("jzsim-" + c, summary, help_of(c), version,
                         ".SH SEE ALSO\n\\fBjzsim\\fR(1)"))


main()
