#!/usr/bin/env bash
# Builds azplan. Usage: shell/build.sh [native|web|asan|fuzz|all]...  (default: native web)
#   native  build/native: the desktop app, azplan-cli, tests, benchmarks
#   web     build/web: the static site (build/web/site) and the single file (build/web/single/azplan.html)
#   asan    build/asan: tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   fuzz    build/fuzz: libFuzzer targets (clang)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(native web)
[ "${targets[0]}" = all ] && targets=(native web asan fuzz)

imgui_args=()
[ -n "${IMGUI_DIR:-}" ] && imgui_args=(-DIMGUI_DIR="$IMGUI_DIR")

# ccache (installed by setup) makes rebuilds and the four variants cheap. Paths under the
# checkout are hashed relative to it, so other checkouts (git worktrees) share hits.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

for t in "${targets[@]}"; do
  start=$(date +%s)
  case "$t" in
    native)
      cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release -DAZPLAN_BUILD_APP=ON -DAZPLAN_BUILD_TESTS=ON "${imgui_args[@]}" "${launcher[@]}" >/dev/null
      cmake --build build/native -j "$jobs" ;;
    asan)
      cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAZPLAN_SANITIZE=ON -DAZPLAN_BUILD_APP=OFF "${launcher[@]}" >/dev/null
      cmake --build build/asan -j "$jobs" ;;
    fuzz)
      CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAZPLAN_FUZZ=ON \
        -DAZPLAN_BUILD_APP=OFF -DAZPLAN_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
      cmake --build build/fuzz -j "$jobs" ;;
    web)
      # Debian's emscripten needs its node modules on NODE_PATH (TOOLCHAIN.md, quirk 1).
      export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
      emcmake cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release -DAZPLAN_BUILD_TESTS=OFF "${imgui_args[@]}" "${launcher[@]}" >/dev/null
      cmake --build build/web -j "$jobs" ;;
    *) echo "build.sh: unknown target $t (native, web, asan, fuzz, all)" >&2; exit 2 ;;
  esac
  echo "build.sh: $t built in $(( $(date +%s) - start )) s"
done
