"""totals.py FILE...: held-out totals (right, events, false, invented) over every set in an evalall output."""
import sys, re
for p in sys.argv[1:]:
    cur=None; R=E=F=I=0; sR=sE=0
    for l in open(p):
        if l.startswith("=== "): cur=l[4:].strip(); continue
        if re.match(r"total\s+\d", l):
            f=l.split()
            ev=int(f[1]); rec=f[3]; fa=int(f[4]); inv=int(f[7])
            right=round(ev*float(rec.rstrip('%'))/100) if rec!='–' else 0
            if cur=='eval/gold': sR,sE=right,ev; continue
            R+=right;E+=ev;F+=fa;I+=inv
    print(p, f"held-out {R}/{E} = {100*R/E:.1f}%  false {F}  invented {I}  seed {sR}/{sE}")
