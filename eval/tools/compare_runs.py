"""compare_runs.py OLD NEW: per-set differences between two evalall outputs (whitespace-normalised)."""
import sys, re, difflib
def sets(p):
    d, cur = {}, None
    for l in open(p):
        if l.startswith("=== "): cur = l[4:].strip(); d[cur] = []; continue
        d[cur].append(re.sub(r"\s+", " ", l.strip()))
    return d
a, b = sets(sys.argv[1]), sets(sys.argv[2])
for k in sorted(set(a) | set(b), key=lambda s: (len(s), s)):
    if a.get(k) != b.get(k):
        print("###", k)
        for l in difflib.unified_diff(a.get(k, []), b.get(k, []), lineterm="", n=0):
            if not l.startswith(("---", "+++", "@@")): print(l)
