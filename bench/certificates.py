"""Certificates: how long one takes to make and to check, and a demo's batch.

    uv run python bench/certificates.py [--count 200]

No database: the signed fields of `--count` made-up graduates are signed with a key made
for the run, then each certificate is rendered (Typst, both pages, the QR code, the token
written into the metadata) and checked back (signature, then every printed line of both
pages read with pypdf). The baseline, measured in the same run with the same compiler, is
a one-line Typst page: what any PDF costs before a certificate's own work.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
os.environ.setdefault("CADRE_TESTING", "1")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    from cadre.core import pdf, signing
    from cadre.training import certificates

    settings.SIGNING_KEY = Path(tempfile.mkdtemp()) / "bench-key.pem"
    key = signing.public_key()
    baseline_template = Path(tempfile.mkdtemp()) / "line.typ"
    baseline_template.write_text('#set text(font: "Noto Sans")\nOne line.\n')

    def fields(n):
        day = datetime.date(2027, 3, 12)
        return {
            "code": certificates.new_code(),
            "name": f"AL-JUBOURI, Ahmed {n}",
            "name_ar": "أحمد الجبوري",
            "course": "C-IED-1 Countering improvised explosive devices",
            "course_ar": "C-IED-1 مكافحة العبوات الناسفة",
            "start": "2027-03-01",
            "end": day.isoformat(),
            "result": "graduated",
            "issuer": "NATO Mission Iraq",
            "issuer_ar": "بعثة الناتو في العراق",
            "issued_on": day.isoformat(),
            "expires_on": "2029-03-12",
        }

    # The first of each loads the fonts: timed apart.
    first = time.perf_counter()
    pdf.render(baseline_template, {})
    sample = fields(0)
    certificates.render(sample, signing.sign(certificates.canonical(sample)))
    first = time.perf_counter() - first

    baseline, render, check, sizes = [], [], [], []
    for n in range(args.count):
        start = time.perf_counter()
        pdf.render(baseline_template, {})
        baseline.append(time.perf_counter() - start)
        values = fields(n)
        start = time.perf_counter()
        document = certificates.render(values, signing.sign(certificates.canonical(values)))
        render.append(time.perf_counter() - start)
        sizes.append(len(document))
        start = time.perf_counter()
        assert certificates.check_pdf(document, key, today=datetime.date(2027, 3, 12)).valid
        check.append(time.perf_counter() - start)

    def row(name, times):
        median, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95) - 1]
        ratio = median / statistics.median(baseline)
        return f"| {name} | {median * 1000:.1f} | {p95 * 1000:.1f} | {ratio:.1f}x |"

    print(f"{args.count} certificates; fonts loaded once in {first:.2f} s")
    print("| step | median ms | p95 ms | vs one-line page |")
    print("|---|---|---|---|")
    print(row("one-line Typst page (baseline)", baseline))
    print(row("certificate: sign, render 2 pages, QR, metadata", render))
    print(row("check a certificate's PDF", check))
    print(f"PDF size: median {statistics.median(sizes) / 1024:.0f} KiB")
    print(f"{args.count} certificates made in {sum(render):.1f} s")


if __name__ == "__main__":
    main()
