"""make_brief.py PART SET ORDINAL TAKEN QUERIES: held-out-brief.md filled in for one helper
(e.g. h64a 64 sixty-fourth /work/briefs/h64-taken.txt q-h64a.txt: its part, its set, the set's
ordinal, the shared file of hosts taken, its eight queries a line each), on stdout."""

import datetime
import pathlib
import sys

part, set_number, ordinal, taken, queries_file = sys.argv[1:6]
setup = (
    f"Your worktree is ready: `/work/wt/{part}` on branch `{part}`, made from `main` by the "
    "engineers. The shared list of used hosts is `/work/briefs/used-hosts.txt`."
)
text = pathlib.Path(__file__).with_name("held-out-brief.md").read_text("utf-8")
for key, value in {
    "SETUP": setup,
    "PART": part,
    "SET": set_number,
    "ORDINAL": ordinal,
    "TAKEN": taken,
    "TODAY": datetime.date.today().isoformat(),
}.items():
    text = text.replace("{" + key + "}", value)
queries = [line.strip() for line in pathlib.Path(queries_file).read_text("utf-8").splitlines()]
queries = [query for query in queries if query]
print(text + "\n".join(f'{number}. "{query}"' for number, query in enumerate(queries, 1)))
