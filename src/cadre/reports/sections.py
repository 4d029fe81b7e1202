"""The mission report: the sections every installed app gives it, put in order, with
their figures numbered as notes.

The contract between the report and the apps is docs/reports.md (and
shared/briefs' report_sections): each installed app may have a module `report.py` with
`report_sections(mission, start, end) -> list[dict]`, called with the report's language
active. The report knows four pillars; one that is not installed, or has no report.py
yet, gets a short section saying it is not yet recorded in Cadre.

Who reads the report is not an argument of the contract: a section whose figures count
personal data (people trained) reads through cadre.core.report_reader, which keeps what
the reader may count. The command line reads as the operator, who reads everything.
"""

import datetime
import importlib
import importlib.util
import re

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext as _

from cadre.core.report_reader import readable, reader, reading_as  # noqa: F401
from cadre.core.services import OPERATOR
from cadre.sources.models import Source

FIGURE = re.compile(r"\{f:([A-Za-z0-9_.-]+)\}")


def pillars():
    """(app label, key, order, title) of the pillars the report covers, in their order."""
    return [
        ("missions", "record", 10, _("Mission record")),
        ("training", "training", 30, _("Training delivered")),
        ("coordination", "coordination", 40, _("Requirements met and donations")),
        ("advising", "advising", 50, _("Capability and advising")),
    ]


def report_modules() -> dict:
    """{app label: its `report` module} for every installed app that has one."""
    found = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.report"
        if importlib.util.find_spec(name) is not None:
            found[config.label] = importlib.import_module(name)
    return found


def not_recorded(key, order, title) -> dict:
    return {
        "key": key,
        "order": order,
        "title": title,
        "paragraphs": [_("This part of the mission's work is not yet recorded in Cadre.")],
        "figures": [],
        "tables": [],
        "charts": [],
        "disagreements": [],
    }


def gather(
    mission, start: datetime.date, end: datetime.date, progress=None, modules=None
) -> list[dict]:
    """Every section, in order: those the apps give (`modules`, by default every installed
    app's `report`), and one per pillar not yet recorded."""
    modules = report_modules() if modules is None else modules
    sections = []
    steps = len(modules) + 1
    for done, module in enumerate(modules.values(), start=1):
        sections.extend(module.report_sections(mission, start, end))
        if progress:
            progress(done, steps)
    for label, key, order, title in pillars():
        if label not in modules:
            sections.append(not_recorded(key, order, title))
    return sorted(sections, key=lambda s: (s["order"], s["key"]))


class Notes:
    """The numbered notes: one per source, numbered in the order figures first cite it."""

    def __init__(self):
        self.numbers: dict[tuple, int] = {}
        self.notes: list[dict] = []
        self.sources: dict[str, Source] = {}

    def number(self, source: dict) -> int:
        if source.get("kind") == "document":
            ident = ("document", source["source_key"])
        else:
            ident = ("records", source.get("url", ""), source.get("label", ""))
        if ident not in self.numbers:
            self.numbers[ident] = len(self.notes) + 1
            self.notes.append({"number": self.numbers[ident], **self._describe(source)})
        return self.numbers[ident]

    def _describe(self, source: dict) -> dict:
        if source.get("kind") == "document":
            key = source["source_key"]
            found = self.sources.get(key)
            if found is None:
                found = Source.objects.filter(key=key).first()
                self.sources[key] = found
            if found is None:
                return {"kind": "document", "text": key, "url": ""}
            dated = f", {found.page_date.isoformat()}" if found.page_date else ""
            return {
                "kind": "document",
                "text": f"{found.title}. {found.publisher}{dated}.",
                "url": f"/sources/{key}/",
                "key": key,
            }
        return {"kind": "records", "text": source.get("label", ""), "url": source.get("url", "")}


def show(value) -> str:
    """A figure as the report prints it: thousands grouped (the same marks in Arabic)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


def _parts(text: str, figures: dict, notes: Notes) -> list[dict]:
    """A paragraph as text and figures, each figure with its note's number."""
    parts, last = [], 0
    for match in FIGURE.finditer(text):
        if match.start() > last:
            parts.append({"text": text[last : match.start()]})
        figure = figures.get(match.group(1))
        if figure is None:
            parts.append({"text": match.group(0)})
        else:
            figure["cited"] = True
            parts.append({"figure": show(figure["value"]), "note": figure["note"]})
        last = match.end()
    if last < len(text):
        parts.append({"text": text[last:]})
    return parts


def build(mission, start, end, *, language, user=OPERATOR, progress=None) -> dict:
    """The report, ready to draw: sections with paragraphs cut into text and numbered
    figures, figures not written in a sentence listed, tables, charts (as SVG) and the
    disagreements gathered into a section of their own."""
    from . import charts

    with translation.override(language), reading_as(user):
        sections = gather(mission, start, end, progress)
        notes = Notes()
        out_sections, disagreements = [], []
        for section in sections:
            figures = {f["key"]: dict(f) for f in section.get("figures", [])}
            # Notes numbered in the order the figures appear: in the sentences first, then
            # those listed after them.
            for paragraph in section.get("paragraphs", []):
                for key in FIGURE.findall(paragraph):
                    if key in figures and "note" not in figures[key]:
                        figures[key]["note"] = notes.number(figures[key]["source"])
            for figure in figures.values():
                if "note" not in figure:
                    figure["note"] = notes.number(figure["source"])
            paragraphs = [_parts(p, figures, notes) for p in section.get("paragraphs", [])]
            listed = [
                {"label": f["label"], "value": show(f["value"]), "note": f["note"]}
                for f in figures.values()
                if not f.get("cited")
            ]
            for item in section.get("disagreements", []):
                disagreements.append(
                    {
                        "subject": item["subject"],
                        "figures": [
                            {"value": show(f["value"]), "note": notes.number(f["source"])}
                            for f in item["figures"]
                        ],
                    }
                )
            out_sections.append(
                {
                    "key": section["key"],
                    "title": section["title"],
                    "paragraphs": paragraphs,
                    "figures": listed,
                    "tables": [
                        {
                            "title": t["title"],
                            "columns": [str(c) for c in t["columns"]],
                            "rows": [[show(c) for c in row] for row in t["rows"]],
                        }
                        for t in section.get("tables", [])
                    ],
                    "charts": [
                        {**c, "svg": charts.svg(c), "legend": charts.legend(c)}
                        for c in section.get("charts", [])
                    ],
                    "disagreements": [],
                }
            )
        out_sections.append(
            {
                "key": "disagreements",
                "title": _("Where the sources disagree"),
                "paragraphs": [
                    [
                        {
                            "text": _(
                                "The sources give different figures on these subjects; "
                                "each figure is shown with its source."
                            )
                            if disagreements
                            else _("The sources cited in this report do not disagree.")
                        }
                    ]
                ],
                "figures": [],
                "tables": [],
                "charts": [],
                "disagreements": disagreements,
            }
        )
        name = mission.name_ar if language == "ar" and mission.name_ar else mission.name
        return {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "mission": {"key": mission.key, "name": name, "short_name": mission.short_name},
            "start": start.isoformat(),
            "end": end.isoformat(),
            "title": _("Mission report"),
            "period": _("%(start)s to %(end)s")
            % {"start": start.isoformat(), "end": end.isoformat()},
            "labels": {
                "contents": _("Contents"),
                "notes": _("Notes"),
                "figures": _("Figures"),
                "page": _("Page"),
                "records": _("Cadre records"),
                "made": _("Made by Cadre from its records and the sources they cite."),
            },
            "sections": out_sections,
            "notes": notes.notes,
        }
