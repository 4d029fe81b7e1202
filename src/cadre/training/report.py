"""Training's section of the mission report (cadre.reports): people trained by category,
women and men apart, and the share of sessions led by host-nation instructors; with the
totals the sources publish. The contract is docs/reports.md.

Counts come from the training summary (as the dashboard) and the lead instructors (as
self-sustainment), in the report reader's scope: a contributing nation's officer counts
their own nation's people only, and the section says so.
"""

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from cadre.core.report_reader import readable, reader
from cadre.core.services import OPERATOR
from cadre.sources.models import Claim

from . import summary
from .dashboard import CATEGORIES, SEXES, scope_of
from .models import Session, SessionInstructor, TrainingSummary

SHOWN = (summary.TOTAL, summary.BRANCH, summary.RANK_GROUP)


def _own_nation():
    user = reader()
    if user is OPERATOR:
        return None
    return scope_of(user)[1]


def _published(mission, start, end) -> list:
    """The sources' claims of people the mission trained, dated in the period."""
    return list(
        readable(Claim.objects.select_related("source"))
        .filter(subject__startswith=f"{mission.key}-", subject__contains="trained")
        .filter(Q(as_of__isnull=True) | Q(as_of__range=(start, end)))
        .order_by("subject", "source__key", "key")
    )


def report_sections(mission, start, end) -> list[dict]:
    own_nation = _own_nation()
    rows = TrainingSummary.objects.filter(
        mission=mission.pk, year__gte=start.year, year__lte=end.year, dimension__in=SHOWN
    )
    rows = rows.filter(nation=own_nation if own_nation is not None else summary.ALL_NATIONS)
    cells = {}
    for row in rows.values("dimension", "value", "sex").annotate(trained=Sum("trained")):
        cells[(row["dimension"], row["value"], row["sex"])] = row["trained"]
    by_year = {
        row["year"]: row["trained"]
        for row in rows.filter(dimension=summary.TOTAL)
        .values("year")
        .annotate(trained=Sum("trained"))
        .order_by("year")
    }
    leads = (
        readable(SessionInstructor.objects.filter(role=SessionInstructor.Role.LEAD), "count")
        .filter(session__mission=mission, session__start__range=(start, end))
        .exclude(session__status=Session.Status.CANCELLED)
        .aggregate(
            led=Count("pk"),
            host_led=Count("pk", filter=Q(person__nation_id=F("session__mission__host_nation_id"))),
        )
    )
    records = {
        "kind": "records",
        "label": _("Cadre records: training dashboard"),
        "url": f"/training/dashboard/?mission={mission.pk}"
        f"&year_from={start.year}&year_to={end.year}",
    }
    leads_source = {
        "kind": "records",
        "label": _("Cadre records: self-sustainment"),
        "url": f"/training/self-sustainment/?mission={mission.key}"
        f"&start={start.year}&end={end.year}",
    }
    women = cells.get((summary.TOTAL, "", SEXES[0][0]), 0)
    men = cells.get((summary.TOTAL, "", SEXES[1][0]), 0)
    total = sum(v for (d, _v, _s), v in cells.items() if d == summary.TOTAL)
    share = round(100 * leads["host_led"] / leads["led"], 1) if leads["led"] else None
    figures = [
        {"key": "trained", "label": _("People trained"), "value": total, "source": records},
        {"key": "women", "label": _("Women trained"), "value": women, "source": records},
        {"key": "men", "label": _("Men trained"), "value": men, "source": records},
        {
            "key": "sessions-led",
            "label": _("Sessions with a lead instructor"),
            "value": leads["led"],
            "source": leads_source,
        },
        {
            "key": "host-led",
            "label": _("Sessions led by host-nation instructors"),
            "value": leads["host_led"],
            "source": leads_source,
        },
    ]
    paragraphs = []
    if own_nation is not None:
        paragraphs.append(_("The figures of people trained count your own nation's people only."))
    if total or leads["led"]:
        paragraphs.append(
            _(
                "Cadre's records count {f:trained} people trained in the years %(first)s to "
                "%(last)s ({f:women} women and {f:men} men), each once a year, in the year "
                "their session started."
            )
            % {"first": start.year, "last": end.year}
        )
        paragraphs.append(
            _(
                "Of {f:sessions-led} sessions held with a lead instructor recorded, "
                "{f:host-led} were led by host-nation instructors."
            )
        )
        if share is not None:
            figures.append(
                {
                    "key": "host-share",
                    "label": _("Share of sessions led by host-nation instructors (%)"),
                    "value": share,
                    "source": leads_source,
                }
            )
            paragraphs.append(_("That is {f:host-share} per cent."))
    else:
        paragraphs.append(
            _("Cadre's records hold no trainees or led sessions of this mission in the period.")
        )
    for number, claim in enumerate(_published(mission, start, end), start=1):
        key = f"published-{number}"
        value = claim.value_text or f"{claim.value.normalize():,f} {claim.unit}".strip()
        figures.append(
            {
                "key": key,
                "label": claim.subject_label,
                "value": value,
                "source": {"kind": "document", "source_key": claim.source.key},
            }
        )
    table_rows = []
    for dimension in SHOWN:
        title, values = CATEGORIES[dimension]
        for value, label in values:
            counts = [cells.get((dimension, value, sex), 0) for sex, _label in SEXES]
            if sum(counts):
                shown = str(title) if dimension == summary.TOTAL else f"{title}: {label}"
                table_rows.append([shown, *counts, sum(counts)])
    charts = []
    if by_year:
        charts.append(
            {
                "title": _("People trained per year"),
                "kind": "bar",
                "x_label": _("year"),
                "y_label": _("people"),
                "series": [
                    {
                        "label": _("people trained"),
                        "points": [[str(year), n] for year, n in by_year.items()],
                    }
                ],
            }
        )
    return [
        {
            "key": "training",
            "order": 30,
            "title": _("Training delivered"),
            "paragraphs": paragraphs,
            "figures": figures,
            "tables": [
                {
                    "title": _("People trained by category"),
                    "columns": [_("category"), *(str(label) for _s, label in SEXES), _("all")],
                    "rows": table_rows,
                }
            ]
            if table_rows
            else [],
            "charts": charts,
            "disagreements": [],
        }
    ]
