#!/usr/bin/env bash
# every_set.sh OUT [CHECKOUT]: every set's `cadre eval-timeline --details`, milliseconds cut, with
# the reader of CHECKOUT (default: this one; another, e.g. a worktree of a first-run commit, is
# run with this checkout's environment). Compare two outputs with compare_runs.py.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(realpath -m "$1"); repo=$(realpath "${2:-$here}")
export CADRE_SECRET_KEY=eval-only; unset DATABASE_URL
CADRE_DATA_DIR=$(mktemp -d); export CADRE_DATA_DIR
cd "$repo"
PYTHONPATH=$repo/src "$here/.venv/bin/cadre" migrate --verbosity 0 >/dev/null
: > "$out"
for d in eval/gold $(ls -d eval/heldout* | sort -V); do
  echo "=== $d" >> "$out"
  PYTHONPATH=$repo/src "$here/.venv/bin/cadre" eval-timeline "$d" --details \
    | sed -E 's/ +[0-9]+$//' >> "$out"
done
