#!/usr/bin/env bash
# Installs everything azplan needs on a Debian 12 machine, idempotently:
# Debian packages, Dear ImGui sources (into third_party/, git-ignored) and the
# npm packages the browser tests use. Safe to run again; quick when all is present.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev ccache
  clang-14 lld-14 libclang-rt-14-dev
  emscripten binaryen
  libglfw3-dev libgl-dev
  nlohmann-json3-dev doctest-dev python3-jsonschema
  fonts-dejavu-core python3-fonttools fonttools
  chromium xvfb xauth xdotool
  # real readers of the exports (tests; LibreOffice is installed below): Planner's MS Project
  # import stylesheet through xsltproc, pdffonts for the printed report
  xsltproc planner-data poppler-utils
)
# Node may come from another repository with its own npm; only ask Debian when absent.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Third-party sources come from Debian's source packages (the only origin reachable
# here), unpacked into the git-ignored third_party/ and compiled by our CMake for both
# the native and the web build.
ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    # Reuse the machine's own mirror definition, only switching the type.
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | $SUDO tee /etc/apt/sources.list.d/azplan-deb-src.sources >/dev/null
    $SUDO apt-get update -qq
  fi
}
# fetch_source DIR MARKER SPEC: unpacks source package SPEC ("name" or "name=version")
# into third_party/DIR unless DIR/MARKER already exists. Unpacked in a temporary folder
# and moved into place at the end, so an interrupted run is simply retried.
fetch_source() {
  local dir="$here/third_party/$1" marker=$2 spec=$3
  [ -e "$dir/$marker" ] && return 0
  ensure_deb_src
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only "$spec" >/dev/null \
     && dpkg-source -x --no-check ./"${spec%%=*}"_*.dsc src >/dev/null)
  mkdir -p "$here/third_party"
  rm -rf "$dir.partial" && mv "$tmp/src" "$dir.partial" && rm -rf "$dir" && mv "$dir.partial" "$dir"
  rm -rf "$tmp"
  echo "setup: $spec sources in $dir"
}

# Dear ImGui sources, the same version for native and web builds. Elsewhere pass
# -DIMGUI_DIR or let CMake fetch the pinned upstream tag (see emsdk-setup.md).
[ -n "${IMGUI_DIR:-}" ] || fetch_source imgui imgui.cpp imgui
# XLSX: libxlsxwriter writes the agency return forms (it carries minizip's zip and
# unzip), zlib deflates/inflates, pugixml reads the sheets back. zlib's security update
# has no source served; its bookworm release does (TOOLCHAIN.md).
fetch_source libxlsxwriter src/workbook.c libxlsxwriter
fetch_source zlib inflate.c zlib=1:1.2.13.dfsg-1
fetch_source pugixml src/pugixml.cpp pugixml

# LibreOffice (headless) for the tests that round-trip a return form through a real
# spreadsheet program; skipped with AZPLAN_NO_LIBREOFFICE=1 where no test runs.
if [ -z "${AZPLAN_NO_LIBREOFFICE:-}" ] && ! dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q "install ok installed"; then
  echo "setup: installing libreoffice-calc-nogui"
  $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
fi

# playwright-core drives Debian's Chromium; it never downloads a browser.
if [ ! -d "$here/tests/browser/node_modules/playwright-core" ]; then
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi
echo "setup: ok"
