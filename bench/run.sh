#!/usr/bin/env bash
# Builds azplan (native) and runs every benchmark: prints the tables, writes
# bench/out/*.json, and exits 1 when a budget fails (bench/README.md).
#   bench/run.sh [--quick]     --quick: 1k and 10k only, 3 runs (no 50k plan, in the browser too)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/bench/out"
mkdir -p "$out"
quick=0
[ "${1:-}" = --quick ] && quick=1

# The browser benchmark needs the web build too (emscripten; shell/setup.sh installs it).
if command -v emcmake >/dev/null; then shell/build.sh native web; else shell/build.sh native; fi
status=0

# ---- core (native) ----------------------------------------------------------------------
echo
core_args=(--json "$out/core.json")
[ $quick = 1 ] && core_args+=(--sizes 1000,10000 --runs 3)
build/native/bench/azplan-bench-core "${core_args[@]}" || status=1

# ---- UI frames (native, offscreen) ---------------------------------------------------------
echo
ui_args=(--json "$out/ui.json")
[ $quick = 1 ] && ui_args+=(--sizes 1000,10000 --frames 60)
build/native/bench/azplan-bench-ui "${ui_args[@]}" || status=1

# ---- browser benchmarks ---------------------------------------------------------------------
# Each bench/browser/*.mjs is run with node from the repository root. It finds the web
# build under build/web (azplan-cli under build/native), writes its JSON to
# $AZPLAN_BENCH_OUT/<name>.json, prints its table, and exits non-zero when one of its
# budgets fails. Its npm packages (playwright-core and the two peer Gantt libraries) are
# installed from bench/browser/package-lock.json on the first run.
shopt -s nullglob
browser=(bench/browser/*.mjs)
if [ ${#browser[@]} -gt 0 ]; then
  [ -d bench/browser/node_modules ] || (cd bench/browser && npm ci --no-audit --no-fund) || true
  for script in "${browser[@]}"; do
    echo
    echo "== $script"
    AZPLAN_BENCH_OUT="$out" AZPLAN_BENCH_QUICK=$quick node "$script" || status=1
  done
else
  echo
  echo "(no browser benchmarks in bench/browser/ yet)"
fi

echo
[ $status = 0 ] && echo "bench/run.sh: all budgets pass" || echo "bench/run.sh: a budget failed (see FAIL above)"
exit $status
