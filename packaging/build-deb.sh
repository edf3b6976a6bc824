#!/bin/sh
# Build the Debian package the way a release is made: a fresh build with
# prefix /usr (so the library and pkg-config file go to the multiarch
# /usr/lib/<triplet>/), no tests, then cpack and lintian.
#   sh packaging/build-deb.sh [BUILD_DIR]      # default build-deb
set -eu
cd "$(dirname "$0")/.."
B="${1:-build-deb}"
cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DJZ_BUILD_TESTS=OFF -DJZ_WERROR=OFF
cmake --build "$B" -j"$(nproc 2>/dev/null || echo 2)"
(cd "$B" && cpack -G DEB)
deb=$(ls "$B"/jzsim_*.deb | head -1)
if command -v lintian >/dev/null 2>&1; then
  lintian "$deb"
else
  echo "lintian not installed (apt-get install lintian): not checked" >&2
fi
echo "$deb"
