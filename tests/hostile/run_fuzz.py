#!/usr/bin/env python3
"""Short libFuzzer run for CTest (fuzz_plan_loader_60s); see fuzz/README.md.

usage: run_fuzz.py FUZZ_BIN SOURCE_DIR WORK_DIR SECONDS MAX_LEN

Copies the seed corpus (data/plans/*.json and tests/hostile/*) into WORK_DIR/corpus,
runs the fuzzer for SECONDS, and prints executions, exec/s, corpus size and crashes.
Exits 77 (CTest SKIP_RETURN_CODE) when FUZZ_BIN has not been built, and non-zero when
the fuzzer found a crash, leak, timeout or out-of-memory.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

# Files in tests/hostile/ that are not inputs.
NOT_SEEDS = {"CMakeLists.txt", "README.md", "run_fuzz.py", "run_asan.py"}


def main():
    if len(sys.argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    fuzz_bin, source_dir, work_dir, seconds, max_len = sys.argv[1:]
    if not os.path.isfile(fuzz_bin) or not os.access(fuzz_bin, os.X_OK):
        print(f"SKIP: no fuzzer at {fuzz_bin}; build it with `shell/build.sh fuzz` "
              "(or set -DAZPLAN_FUZZ_BIN=...)")
        return 77

    # One folder per run: two test runs in the same build tree must not share a corpus.
    run_dir = os.path.join(work_dir, f"run-{os.getpid()}")
    corpus = os.path.join(run_dir, "corpus")
    artifacts = os.path.join(run_dir, "artifacts")
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(corpus)
    os.makedirs(artifacts)
    seeds = sorted(glob.glob(os.path.join(source_dir, "data", "plans", "*.json")))
    seeds += sorted(p for p in glob.glob(os.path.join(source_dir, "tests", "hostile", "*"))
                    if os.path.isfile(p) and os.path.basename(p) not in NOT_SEEDS)
    for i, path in enumerate(seeds):
        shutil.copyfile(path, os.path.join(corpus, f"seed-{i:03d}-{os.path.basename(path)}"))
    if not seeds:
        print("no seed files found under", source_dir)
        return 1

    cmd = [fuzz_bin, f"-max_total_time={seconds}", "-rss_limit_mb=2048", f"-max_len={max_len}",
           "-timeout=10", "-print_final_stats=1", f"-artifact_prefix={artifacts}/",
           f"-dict={os.path.join(source_dir, 'fuzz', 'plan.dict')}", corpus]
    print("running:", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    out = proc.stdout
    lines = out.splitlines()

    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", out, re.M))
    done = re.search(r"^Done (\d+) runs in (\d+) second", out, re.M)
    crashes = sorted(os.path.basename(p) for p in glob.glob(os.path.join(artifacts, "*")))
    corpus_files = len(os.listdir(corpus))
    final = re.findall(r"^#\d+\s+DONE\s.*?corp: (\d+)/(\S+)", out, re.M)
    corpus_units = f"{final[-1][0]} units, {final[-1][1]}" if final else "?"

    # libFuzzer's own closing lines (the last status line and the final stats).
    status = [l for l in lines if re.match(r"^#\d+\s+(DONE|pulse|NEW|REDUCE|INITED)", l)]
    if status:
        print(status[-1])
    for l in lines:
        if l.startswith("stat::") or l.startswith("Done "):
            print(l)
    if proc.returncode != 0:
        # Show the report (sanitizer trace or failed property) that ended the run.
        tail = [l for l in lines if not re.match(r"^#\d+\s", l)]
        print("\n".join(tail[-80:]))

    execs = stats.get("number_of_executed_units", done.group(1) if done else "?")
    per_sec = stats.get("average_exec_per_sec", "?")
    print(f"fuzz_plan_loader: {execs} executions, {per_sec} exec/s, corpus {corpus_units} "
          f"({corpus_files} files on disk from {len(seeds)} seeds), crashes {len(crashes)}"
          + (f": {', '.join(crashes)} in {artifacts}" if crashes else ""))
    if proc.returncode != 0 or crashes:
        print(f"FAILED: the fuzzer exited with {proc.returncode}; reproduce with {fuzz_bin} <artifact>")
        return 1
    shutil.rmtree(run_dir, ignore_errors=True)  # a passing run leaves nothing behind
    return 0


if __name__ == "__main__":
    sys.exit(main())
