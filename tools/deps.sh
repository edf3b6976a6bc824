#!/bin/sh
# Install what jzsim needs to build and test on Debian (run as root or with sudo).
# Build: cmake, a C compiler, pkg-config, GSL, libyaml, libxlsxwriter.
# Tests: cmocka, valgrind, clang with its runtimes (sanitizer, libFuzzer and
# ThreadSanitizer builds: libclang-rt-14-dev), unzip, python3-openpyxl and
# chromium (independent readers of the XLSX and HTML reports).
# The werksessie (docs/werksessie.md): emscripten, nodejs and npm, and the
# Debian sources of GSL and libyaml (deb-src lines, dpkg-dev), compiled to
# WebAssembly in the build directory.
set -eu
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
PKGS="build-essential cmake pkg-config clang libclang-rt-14-dev unzip libgsl-dev libyaml-dev libcmocka-dev \
libxlsxwriter-dev valgrind python3 python3-openpyxl python3-jsonschema chromium \
emscripten dpkg-dev"
# node and npm from Debian unless some node is already installed (e.g.
# NodeSource's, which brings its own npm and conflicts with Debian's)
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# deb-src for the same mirror as the binary packages (tools/debian-sources.sh)
update=""
if ! grep -Eqs '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/*; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
      $SUDO tee /etc/apt/sources.list.d/jzsim-deb-src.sources >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | $SUDO tee /etc/apt/sources.list.d/jzsim-deb-src.list >/dev/null
  fi
  update=1
fi
if [ -n "$missing" ] || [ -n "$update" ]; then
  $SUDO apt-get update -qq
fi
if [ -n "$missing" ]; then
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
