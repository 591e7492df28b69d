#!/usr/bin/env bash
# Builds azplan (native) and runs every benchmark: prints the tables, writes
# bench/out/*.json, and exits 1 when a budget fails (bench/README.md).
#   bench/run.sh [--quick]     --quick: 1k and 10k only, 3 runs (no 50k plan)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/bench/out"
mkdir -p "$out"
quick=0
[ "${1:-}" = --quick ] && quick=1

shell/build.sh native
status=0

# ---- core (native) ----------------------------------------------------------------------
echo
core_args=(--json "$out/core.json")
[ $quick = 1 ] && core_args+=(--sizes 1000,10000 --runs 3)
build/native/bench/azplan-bench-core "${core_args[@]}" || status=1

# ---- browser benchmarks (added by the web side) -------------------------------------------
# Each bench/browser/*.mjs is run with node from the repository root. It finds the web
# build under build/web, writes its JSON to $AZPLAN_BENCH_OUT/<name>.json, prints its
# table, and exits non-zero when one of its budgets fails.
shopt -s nullglob
browser=(bench/browser/*.mjs)
if [ ${#browser[@]} -gt 0 ]; then
  for script in "${browser[@]}"; do
    echo
    echo "== $script"
    AZPLAN_BENCH_OUT="$out" node "$script" || status=1
  done
else
  echo
  echo "(no browser benchmarks in bench/browser/ yet)"
fi

echo
[ $status = 0 ] && echo "bench/run.sh: all budgets pass" || echo "bench/run.sh: a budget failed (see FAIL above)"
exit $status
