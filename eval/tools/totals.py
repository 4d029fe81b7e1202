"""totals.py OUTPUT...: the held-out sets added up in each every_set.sh output (events right,
false candidates, years counted invented), and the seed gold apart."""

import re
import sys

from compare_runs import read_sets


def set_total(lines: list[str]) -> tuple[int, int, int, int]:
    """(right, events, false, invented) from a set's `total` line."""
    for line in lines:
        if re.match(r"total \d", line):
            fields = line.split()
            events, recall = int(fields[1]), fields[3]
            right = round(events * float(recall.rstrip("%")) / 100) if recall != "–" else 0
            return right, events, int(fields[4]), int(fields[7])
    return 0, 0, 0, 0


for path in sys.argv[1:]:
    sets = {name: set_total(lines) for name, lines in read_sets(path).items()}
    seed = sets.pop("eval/gold", (0, 0, 0, 0))
    right, events, false, invented = (sum(column) for column in zip(*sets.values(), strict=True))
    print(
        f"{path}: held-out {right}/{events} = {100 * right / events:.1f}%, false {false}, "
        f"invented {invented}; seed {seed[0]}/{seed[1]}"
    )
