"""compare_runs.py OLD NEW: what changed, set by set, between two every_set.sh outputs (runs of
spaces made one, so that a column's new width is no change)."""

import difflib
import re
import sys


def read_sets(path: str) -> dict[str, list[str]]:
    """Each set's lines in an every_set.sh output, under its `=== eval/<set>` header."""
    sets: dict[str, list[str]] = {}
    lines: list[str] = []
    with open(path, encoding="utf-8") as output:
        for line in output:
            if line.startswith("=== "):
                lines = sets.setdefault(line[4:].strip(), [])
            else:
                lines.append(re.sub(r"\s+", " ", line.strip()))
    return sets


def main(old_path: str, new_path: str) -> None:
    old, new = read_sets(old_path), read_sets(new_path)
    for name in sorted(old.keys() | new.keys(), key=lambda name: (len(name), name)):
        if old.get(name) == new.get(name):
            continue
        print("###", name)
        for line in difflib.unified_diff(old.get(name, []), new.get(name, []), lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                print(line)


if __name__ == "__main__":
    main(*sys.argv[1:3])
