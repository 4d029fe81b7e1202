"""bench/allocation.py --json prints the contract's shape: one JSON object with solve_s,
end_to_end_s and the objective of each mode."""

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "allocation.py"


def test_the_json_output_has_the_contracts_shape():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    out = subprocess.run(
        [sys.executable, str(BENCH), "--people", "300", "--sessions", "12", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    lines = out.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert isinstance(figures["solve_s"], float)
    assert figures["end_to_end_s"] is None
    objective = figures["objective"]
    assert set(objective) >= {"max_priority", "stable", "first_come"}
    assert all(isinstance(value, int) for value in objective.values())
    assert objective["max_priority"] >= objective["stable"] >= 0
