#!/bin/sh
# Install what jzsim needs to build and test on Debian (run as root or with sudo).
# Build: cmake, a C compiler, pkg-config, GSL, libyaml, libxlsxwriter.
# Tests: cmocka, valgrind, clang with its runtimes (sanitizer, libFuzzer and
# ThreadSanitizer builds: libclang-rt-14-dev), unzip, python3-openpyxl and
# chromium (independent readers of the XLSX and HTML reports).
set -eu
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
PKGS="build-essential cmake pkg-config clang libclang-rt-14-dev unzip libgsl-dev libyaml-dev libcmocka-dev \
libxlsxwriter-dev valgrind python3 python3-openpyxl python3-jsonschema chromium"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
