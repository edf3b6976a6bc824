#!/bin/bash
# The Debian package (cmake/install.cmake, `cpack -G DEB`): built from this
# build, its dependencies and contents checked, unpacked into a clean root
# (dpkg -x) and run from there: --version, validate and a compare briefing of
# the shipped Enschede scenarios named relative to share/jzsim, from another
# folder; the werksessie engine packaged and read when the build has one; the README's library example built with pkg-config against it;
# lintian without errors (when installed).
#
# With JZ_TEST_DPKG_INSTALL=1, as root, it also installs the package for real
# (dpkg -i), runs it, removes it (dpkg -r) and checks that no file is left.
. "$(dirname "$0")/lib.inc"
for t in cpack dpkg-deb dpkg-shlibdeps; do
  command -v $t >/dev/null || { echo "$t not installed: skipped"; exit 77; }
done
BUILD=$(cd "$(dirname "$JZ")" && pwd)
[ -f "$BUILD/CPackConfig.cmake" ] || { echo "no CPackConfig.cmake in $BUILD: skipped"; exit 77; }

# cpack builds the preinstall target (all) first: on a build older than its
# sources it relinks the jzsim every other test runs (tests/CMakeLists.txt
# runs this test alone for that reason).  Say so: the suite then ran partly
# on another binary than the one built.
before=$(stat -c '%i %Y' "$JZ")
(cd "$TMP" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$TMP/pkg") >"$TMP/cpack.log" 2>&1 ||
  { bad "cpack failed"; tail -20 "$TMP/cpack.log" >&2; finish; exit 1; }
[ "$(stat -c '%i %Y' "$JZ")" = "$before" ] && ok ||
  bad "cpack rebuilt $JZ: the build is older than its sources (build it before running the tests)"
DEB=$(ls "$TMP"/pkg/jzsim_*.deb 2>/dev/null | head -1)
[ -f "$DEB" ] && ok || { bad "no .deb made"; finish; exit 1; }

# runtime dependencies declared
dep=$(dpkg-deb -f "$DEB" Depends)
for lib in libgsl libyaml libxlsxwriter libc6; do
  case "$dep" in *"$lib"*) ok ;; *) bad "Depends lacks $lib: $dep" ;; esac
done
# contents
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|' >"$TMP/contents"
for f in /usr/bin/jzsim /usr/include/jzsim/jzsim.h /usr/include/jzsim/version.h /usr/share/jzsim/scenarios/enschede/basis.yaml \
         /usr/share/jzsim/scenarios/example.yaml /usr/share/jzsim/docs/scenario.schema.json \
         /usr/share/doc/jzsim/copyright /usr/share/doc/jzsim/changelog.gz /usr/share/doc/jzsim/scenario-format.md \
         /usr/share/man/man1/jzsim.1.gz /usr/share/man/man1/jzsim-compare.1.gz \
         /usr/share/bash-completion/completions/jzsim /usr/share/zsh/vendor-completions/_jzsim; do
  grep -qx -- "$f" "$TMP/contents" && ok || bad "$f not in the package"
done
grep -qE '^/usr/lib/.*libjzsim\.a$' "$TMP/contents" && ok || bad "libjzsim.a not in the package"
grep -qE '^/usr/lib/.*pkgconfig/jzsim\.pc$' "$TMP/contents" && ok || bad "jzsim.pc not in the package"
for c in run validate compare calibrate backtest measures mc sensitivity; do
  grep -qx "/usr/share/man/man1/jzsim-$c.1.gz" "$TMP/contents" && ok || bad "no man page for $c"
done

# unpacked into a clean root and run from another folder
ROOT="$TMP/root"
dpkg-deb -x "$DEB" "$ROOT"
J="$ROOT/usr/bin/jzsim"
mkdir -p "$TMP/elsewhere" && cd "$TMP/elsewhere" || exit 1
expect_exit 0 "$J" --version
expect_grep "$TMP/out" "^jzsim [0-9]"
expect_grep "$TMP/out" "GSL [0-9].*libyaml [0-9].*libxlsxwriter [0-9]"
expect_exit 0 "$J" validate "$ROOT/usr/share/jzsim/scenarios/enschede/basis.yaml"
expect_exit 0 "$J" validate enschede/basis.yaml            # found under share/jzsim/scenarios
expect_grep "$TMP/out" "^ok enschede/basis.yaml: Enschede basis"
expect_exit 0 "$J" validate scenarios/example.yaml         # the README's paths work too
E=scenarios/enschede
expect_exit 0 "$J" compare --format html -o briefing.html $E/geen-maatregelen.yaml $E/hervormingsagenda.yaml \
  $E/hervormingsagenda-zeker.yaml $E/verbeterkansen.yaml $E/uitstroom-stagneert.yaml
[ -s briefing.html ] && grep -q "</html>" briefing.html && ok || bad "no briefing written"
# the werksessie engine: packaged when this build has one, and the packaged
# jzsim reads that copy (marked here), not the build tree's
if grep -q '^JZ_WERKSESSIE_ENGINE:FILEPATH=..*' "$BUILD/CMakeCache.txt"; then
  grep -qx /usr/share/jzsim/werksessie.js "$TMP/contents" && ok || bad "werksessie.js not in the package"
  echo "/* the packaged copy */" >>"$ROOT/usr/share/jzsim/werksessie.js"
  (unset JZSIM_DATADIR; "$J" compare --format html --interactive -o ws.html $E/verbeterkansen.yaml \
    $E/geen-maatregelen.yaml >"$TMP/out" 2>"$TMP/err") && ok || bad "compare --interactive: $(head -2 "$TMP/err")"
  grep -q "the packaged copy" ws.html && ok || bad "the packaged jzsim did not read the packaged engine"
else
  grep -q werksessie.js "$TMP/contents" && bad "a build without the engine packaged werksessie.js" || ok
  expect_exit 2 "$J" compare --format html --interactive -o ws.html $E/verbeterkansen.yaml $E/geen-maatregelen.yaml
  expect_grep "$TMP/err" "built without the werksessie engine"
fi
expect_exit 2 "$J" validate enschede/niet-er.yaml         # not found: the path as given in the message
expect_grep "$TMP/err" "enschede/niet-er.yaml"
# the README's library example against the unpacked headers and library
# (with the build's compiler, and its sanitizers when the library has them)
CC=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt"); CC=${CC:-cc}
SAN=; grep -q '^JZ_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt" && SAN=-fsanitize=address,undefined
if command -v "$CC" >/dev/null && command -v pkg-config >/dev/null; then
  PC=$(dirname "$(grep -E 'pkgconfig/jzsim\.pc$' "$TMP/contents" | head -1)")
  cat >"$TMP/ex.c" <<'C'
#include <stdio.h>
#include <jzsim/jzsim.h>
int main(int argc, char **argv)
{
    (void)argc;
    jz_error err;
    jz_scenario *s = jz_scenario_load(argv[1], NULL, &err);
    if (!s) { char buf[2048]; fprintf(stderr, "%s\n", jz_error_format(&err, buf, sizeof buf)); return 2; }
    jz_result *r = jz_result_alloc(s);
    jz_workspace *w = jz_workspace_alloc(s);
    if (jz_model_run(s, w, r, &err) == JZ_OK)
        printf("tekort %d: %.0f\n", r->base_year, r->g_tekort[jz_result_gy(r, r->n_gemeenten, 0)]);
    jz_workspace_free(w); jz_result_free(r); jz_scenario_free(s);
    return 0;
}
C
  if "$CC" -std=c11 $SAN "$TMP/ex.c" -o "$TMP/ex" $(PKG_CONFIG_PATH="$ROOT$PC" pkg-config --cflags --libs jzsim) 2>"$TMP/cc.err"; then
    expect_exit 0 "$TMP/ex" "$ROOT/usr/share/jzsim/scenarios/example.yaml"
    expect_grep "$TMP/out" "^tekort 2024: "
  else
    bad "the README library example does not build with pkg-config --cflags --libs jzsim"; cat "$TMP/cc.err" >&2
  fi
fi
# lintian: no errors
if command -v lintian >/dev/null; then
  lintian --no-tag-display-limit "$DEB" >"$TMP/lintian" 2>&1
  grep -q '^E:' "$TMP/lintian" && { bad "lintian errors"; grep '^E:' "$TMP/lintian" >&2; } || ok
fi
# installed for real, then removed: every file goes
if [ "${JZ_TEST_DPKG_INSTALL:-0}" = 1 ] && [ "$(id -u)" = 0 ]; then
  if dpkg -s jzsim >/dev/null 2>&1; then
    bad "jzsim is already installed; not touching it"
  else
    dpkg -i "$DEB" >"$TMP/dpkg.log" 2>&1 && ok || bad "dpkg -i failed"
    dpkg -L jzsim >"$TMP/installed"
    expect_exit 0 jzsim compare -o "$TMP/elsewhere/b2.html" --format html $E/geen-maatregelen.yaml $E/hervormingsagenda.yaml
    expect_exit 0 man -w jzsim-compare
    dpkg -r jzsim >>"$TMP/dpkg.log" 2>&1 && ok || bad "dpkg -r failed"
    left=$(while read -r f; do [ -f "$f" ] && echo "$f"; done <"$TMP/installed")
    [ -z "$left" ] && ok || bad "left after dpkg -r: $left"
  fi
fi
finish
