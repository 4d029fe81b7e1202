"""How long `cadre report` takes for NTM-I 2004-2011, against a trivial Typst document
rendered in the same run (the baseline: what Typst itself costs on this machine).

    CADRE_DEMO=1 .venv/bin/python bench/report.py [--data-dir DIR]

Loads the built-in dataset into DIR's SQLite database if it is empty, then times, in
fresh processes, the whole command (Python start, Django set-up, the report, the PDF) and,
in this process, the report alone (sections and PDF) in both languages.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default=tempfile.mkdtemp(prefix="cadre-bench-report-"))
    args = parser.parse_args()
    os.environ["CADRE_DATA_DIR"] = args.data_dir
    os.environ.setdefault("CADRE_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    import django

    django.setup()
    import datetime

    from django.core.management import call_command

    from cadre.core import pdf
    from cadre.dataset.io import BUILT_IN, load_dataset
    from cadre.missions.models import Mission
    from cadre.reports import pdf as report_pdf
    from cadre.reports import sections

    call_command("migrate", verbosity=0)
    if not Mission.objects.exists():
        load_dataset(BUILT_IN)
    trivial = Path(tempfile.mkdtemp()) / "trivial.typ"
    trivial.write_text('#set text(font: "Noto Sans")\nHello.\n')
    pdf.render(trivial, {})
    start = time.perf_counter()
    for _ in range(RUNS):
        pdf.render(trivial, {})
    baseline = (time.perf_counter() - start) / RUNS
    print(f"baseline, a trivial Typst page:        {baseline * 1000:8.1f} ms")
    mission = Mission.objects.get(key="ntm-i")
    for language in ("en", "ar"):
        report_pdf.render(
            sections.build(
                mission, datetime.date(2004, 7, 1), datetime.date(2011, 12, 31), language=language
            )
        )
        start = time.perf_counter()
        for _ in range(RUNS):
            document = report_pdf.render(
                sections.build(
                    mission,
                    datetime.date(2004, 7, 1),
                    datetime.date(2011, 12, 31),
                    language=language,
                )
            )
        took = (time.perf_counter() - start) / RUNS
        print(
            f"report {language}, sections and PDF:        {took * 1000:8.1f} ms "
            f"({took / baseline:.1f}x baseline, {len(document):,} bytes)"
        )
    cadre = Path(sys.executable).parent / "cadre"
    out = Path(args.data_dir) / "ntm-i.pdf"
    command = [str(cadre), "report", "--mission", "ntm-i", "--from", "2004-07-01"]
    command += ["--to", "2011-12-31", "--lang", "ar", "--out", str(out)]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    best = min(times)
    print(
        f"cadre report (ar), whole command, best: {best * 1000:8.1f} ms "
        f"({best / baseline:.0f}x baseline)"
    )


if __name__ == "__main__":
    main()
