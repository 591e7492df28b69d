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
  # real readers of the exports (tests): LibreOffice for CSV/XLSX, Planner's MS Project
  # import stylesheet through xsltproc, pdffonts for the printed report
  libreoffice-calc-nogui xsltproc planner-data poppler-utils
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

# Dear ImGui sources, the same version for native and web builds. The distro's
# source package is the only origin reachable here; elsewhere pass -DIMGUI_DIR or
# let CMake fetch the pinned upstream tag (see emsdk-setup.md).
imgui_dir="$here/third_party/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ] && [ -z "${IMGUI_DIR:-}" ]; then
  src_list=/etc/apt/sources.list.d/azplan-deb-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    # Reuse the machine's own mirror definition, only switching the type.
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --no-check ./imgui_*.dsc src >/dev/null)
  mkdir -p "$imgui_dir"
  cp -r "$tmp"/src/. "$imgui_dir"/
  rm -rf "$tmp"
  echo "setup: ImGui sources in $imgui_dir"
fi

# playwright-core drives Debian's Chromium; it never downloads a browser.
if [ ! -d "$here/tests/browser/node_modules/playwright-core" ]; then
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --silent 2>/dev/null || npm install --no-audit --no-fund --silent)
fi
echo "setup: ok"
