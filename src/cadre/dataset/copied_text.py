"""Find text of Cadre's that repeats the captured source pages word for word.

Cadre cites the public pages in shared/sources/ and states their facts in its own words;
it does not copy their sentences. This checker prints every passage of the project (the
built-in dataset, templates, code, catalogue and docs) that shares a run of RUN_WORDS or
more consecutive words with a source page, and prints nothing when there is none:

    python -m cadre.dataset.copied_text [SOURCES_DIR]

Words are compared in lower case with punctuation left out, so a copied sentence is found
whatever its commas. The names of bodies and programmes the dataset needs are shorter
than a run; the titles of the pages themselves (TITLES), which Cadre cites by name, are
left out of the comparison.
"""

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

RUN_WORDS = 8
PACKAGE = Path(__file__).resolve().parents[1]
PROJECT = PACKAGE.parents[1]
DEFAULT_SOURCES = PROJECT.parent / "shared" / "sources"
# What the project writes: the package (dataset, templates, code, catalogue) and its docs.
SCANNED = [PACKAGE, PROJECT / "docs", PROJECT / "README.md"]
SUFFIXES = {".yaml", ".yml", ".html", ".py", ".po", ".md", ".txt", ".json"}
# A word, with any apostrophes inside it ("NATO's", "Iraq’s").
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*", re.IGNORECASE)
# Page titles, quoted when a source is cited: never a copy.
TITLES = [
    "SHAPE Operations Archive: NATO Training Mission - Iraq (NTM-I)",
    "NATO's assistance to Iraq (2004-2011)",
    "Milestones of NATO-Iraq relations",
]
GAP = "\x00"  # stands for a title: no run crosses it


def _word(match) -> str:
    return match.group(0).lower().replace("'", "").replace("’", "")


def words(text: str) -> list[tuple[str, int]]:
    """(word, offset) for each word of `text`, lower-cased, apostrophes dropped."""
    for title in TITLES:
        text = text.replace(title, GAP * len(title))
    found = []
    for part_start, part in _parts(text):
        found += [(_word(m), part_start + m.start()) for m in WORD.finditer(part)]
        found.append((GAP, part_start + len(part)))
    return found[:-1]


def _parts(text: str):
    """The stretches of `text` between titles, with where each starts."""
    for match in re.finditer(f"[^{GAP}]+", text):
        yield match.start(), match.group(0)


@dataclass
class Copy:
    path: Path
    line: int
    source: str
    passage: str

    def __str__(self):
        return f"{self.path}:{self.line}: repeats {self.source}: “{self.passage}”"


def source_runs(sources_dir: Path, run: int = RUN_WORDS) -> dict[tuple, str]:
    """Every run of `run` consecutive words of each page, to the page's file name."""
    runs = {}
    for page in sorted(sources_dir.glob("*.txt")):
        page_words = [w for w, _ in words(page.read_text(encoding="utf-8"))]
        for i in range(len(page_words) - run + 1):
            runs.setdefault(tuple(page_words[i : i + run]), page.name)
    return runs


def copies_in(path: Path, text: str, runs: dict[tuple, str], run: int = RUN_WORDS) -> list[Copy]:
    """The passages of `text` made of runs found in a page, each stretch reported once."""
    found = []
    tokens = words(text)
    i = 0
    while i <= len(tokens) - run:
        key = tuple(w for w, _ in tokens[i : i + run])
        if key not in runs:
            i += 1
            continue
        end = i + run
        while end < len(tokens) and tuple(w for w, _ in tokens[end - run + 1 : end + 1]) in runs:
            end += 1
        start_at, end_at = tokens[i][1], tokens[end - 1][1] + len(tokens[end - 1][0])
        passage = " ".join(text[start_at:end_at].split())
        found.append(Copy(path, text.count("\n", 0, start_at) + 1, runs[key], passage))
        i = end
    return found


def project_files(roots=SCANNED):
    for root in roots:
        if root.is_file():
            yield root
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                yield path


def find_copies(sources_dir: Path = DEFAULT_SOURCES, roots=SCANNED) -> list[Copy]:
    runs = source_runs(sources_dir)
    found = []
    for path in project_files(roots):
        if path.resolve() == Path(__file__).resolve():
            continue
        found += copies_in(path, path.read_text(encoding="utf-8", errors="replace"), runs)
    return found


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sources_dir = Path(argv[0] if argv else os.environ.get("CADRE_SOURCES_DIR", DEFAULT_SOURCES))
    if not sources_dir.is_dir():
        print(f"no source pages at {sources_dir}", file=sys.stderr)
        return 2
    found = find_copies(sources_dir)
    for copy in found:
        print(copy)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
