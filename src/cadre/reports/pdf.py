"""The mission report as a PDF, made with Typst (cadre.core.pdf).

Typst, not WeasyPrint: shared/PERFORMANCE.md measured Typst making a 30-page report in
well under a second and WeasyPrint 15 times slower, and the report must come out of the
command in under 2 s (bench/report.py). Typst also shapes Arabic and lays it out right to
left, numbers the pages and builds the table of contents itself.
"""

from pathlib import Path

from cadre.core import pdf

TEMPLATE = Path(__file__).parent / "typst" / "report.typ"


def chart_files(report: dict) -> dict[str, str]:
    """{input name: SVG} of every chart, named as the template reads them."""
    return {
        f"chart-{index}-{number}": chart["svg"]
        for index, section in enumerate(report["sections"])
        for number, chart in enumerate(section["charts"])
    }


def render(report: dict) -> bytes:
    return pdf.render(TEMPLATE, report, chart_files(report))
