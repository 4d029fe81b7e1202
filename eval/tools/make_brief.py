"""make_brief.py PART SET ORDINAL TAKEN QFILE: held-out-brief.md filled in for one helper (part
h64a of the set 64, "sixty-fourth", the shared taken-hosts file, its eight queries a line each),
on stdout."""
import sys
part, set_, ordinal, taken, qfile = sys.argv[1:6]
setup = (f"Your worktree is ready: `/work/wt/{part}` on branch `{part}`, made from `main` by the "
         f"engineers. The shared list of used hosts is `/work/briefs/used-hosts.txt`.")
text = open(__import__("pathlib").Path(__file__).with_name("held-out-brief.md")).read()
for k, v in {"SETUP": setup, "PART": part, "SET": set_, "ORDINAL": ordinal, "TAKEN": taken}.items():
    text = text.replace("{" + k + "}", v)
qs = [l.strip() for l in open(qfile) if l.strip()]
text += "\n".join(f"{i}. \"{q}\"" for i, q in enumerate(qs, 1)) + "\n"
print(text)
