#!/usr/bin/env python3
"""Validates the bundled plans and test fixtures against data/schema/plan.schema.json,
and checks that hostile files whose fault is a matter of shape are rejected by it.

usage: validate_plans.py SOURCE_DIR    (exit 77 = skipped: python3-jsonschema missing)
"""
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("skipped: python3-jsonschema is not installed (shell/setup.sh installs it)")
    sys.exit(77)

# Hostile files that the schema alone must refuse (the others are semantic: duplicate
# ids, unknown agencies, cycles, end before start, or not JSON at all).
SCHEMA_REJECTS = [
    "wrong-types.json",
    "missing-required.json",
    "missing-format-version.json",
    "future-format-version.json",
    "unknown-status.json",
    "unknown-node-kind.json",
    "top-level-array.json",
    "huge-integer.json",
]


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "data/schema/plan.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    valid = sorted(glob.glob(os.path.join(root, "data/plans/*.json")) +
                   glob.glob(os.path.join(root, "tests/fixtures/*.json")) +
                   glob.glob(os.path.join(root, "tests/hostile/*.valid.json")))
    check(len(valid) >= 3, "found the bundled plans")
    for path in valid:
        with open(path, encoding="utf-8-sig") as f:
            plan = json.load(f)
        errors = sorted(validator.iter_errors(plan), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            print(f"  {os.path.relpath(path, root)}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        check(not errors, f"{os.path.relpath(path, root)} is valid")
    for name in SCHEMA_REJECTS:
        with open(os.path.join(root, "tests/hostile", name), encoding="utf-8") as f:
            plan = json.load(f)
        check(not validator.is_valid(plan), f"tests/hostile/{name} is rejected by the schema")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
