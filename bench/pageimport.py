"""How long the timeline import's reader takes a page (target: under 200 ms a page).

    uv run python bench/pageimport.py [--repeat 20] [GOLD-DIR]

Reads every page a gold list names (eval/gold by default), `--repeat` times each, with the
built-in dataset's actor table, and prints per page the median and worst milliseconds of
the whole read (blocks, dates, kinds, actors), beside the baseline measured in the same
run: turning the page into blocks only (`page_text`), which every reader has to do. No
database: the reader is plain Python.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cadre.pageimport.evaluation import read_gold  # noqa: E402
from cadre.pageimport.reader import ActorTable, page_text, read_dates  # noqa: E402

DATASET = ROOT / "src" / "cadre" / "dataset" / "nato-iraq"


def actor_table() -> ActorTable:
    organisations = yaml.safe_load((DATASET / "organisations.yaml").read_text(encoding="utf-8"))
    nations = yaml.safe_load((DATASET / "nations.yaml").read_text(encoding="utf-8"))
    return ActorTable.build(
        [(o["key"], o["name"], o.get("short_name", "")) for o in organisations],
        [(n["code"], n["name"]) for n in nations],
    )


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gold_dir", nargs="?", default=str(ROOT / "eval" / "gold"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    actors = actor_table()
    print("| page | kB | blocks only, median ms | whole read, median ms | worst ms | ratio |")
    print("|---|---|---|---|---|---|")
    for path in sorted(Path(args.gold_dir).glob("*.gold")):
        gold = read_gold(path)
        raw = gold.page.read_text(encoding="utf-8")
        base, _ = timed(lambda: page_text(raw, gold.page.name), args.repeat)  # noqa: B023
        whole, worst = timed(
            lambda: read_dates(page_text(raw, gold.page.name), actors=actors),  # noqa: B023
            args.repeat,
        )
        print(
            f"| {gold.name} | {len(raw.encode()) / 1000:.1f} | {base:.2f} | {whole:.1f} "
            f"| {worst:.1f} | {whole / base:.0f}x |"
        )


if __name__ == "__main__":
    main()
