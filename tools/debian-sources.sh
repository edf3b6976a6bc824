#!/bin/sh
# Fetch and unpack the Debian source packages of the C libraries that the
# werksessie engine (WebAssembly, docs/werksessie.md) compiles with emcc:
# GSL and libyaml, exactly the versions Debian ships, with Debian's patches.
#   tools/debian-sources.sh DIR     -> DIR/gsl, DIR/libyaml
# Nothing is vendored in the repository; DIR is inside the build directory,
# so a second build reuses it.  Needs deb-src lines for the Debian mirror
# (tools/deps.sh adds them) and dpkg-source (dpkg-dev).
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"
for pkg in gsl libyaml; do
  [ -d "$pkg" ] && continue
  rm -rf "$pkg.tmp" && mkdir "$pkg.tmp"
  (cd "$pkg.tmp" && apt-get source -qq "$pkg" >/dev/null 2>&1) || {
    echo "tools/debian-sources.sh: 'apt-get source $pkg' failed: add a deb-src line for your" \
         "Debian mirror (tools/deps.sh does) and install dpkg-dev" >&2
    exit 1
  }
  src=$(find "$pkg.tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  mv "$src" "$pkg"
  rm -rf "$pkg.tmp"
done
