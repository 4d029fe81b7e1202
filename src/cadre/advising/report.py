"""Advising's section of the mission report (the contract in cadre.reports: one function,
`report_sections(mission, start, end)`, called with the report's language active).

Every figure is counted from Cadre's own records and carries the list URL that shows them:
assessments approved in the period, milestones (initial and full operational capability)
reached in it, the institutions at full operational capability by its end, gender reviews
done and not done, and engagements held.
"""

from django.db.models import Count, Min
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Assessment, CapabilityObjective, Engagement, GenderReview


def _records(label, url):
    return {"kind": "records", "label": label, "url": url}


def _figure(key, label, value, source_label, url):
    return {
        "key": key,
        "label": label,
        "value": value,
        "source": _records(source_label, url),
    }


def report_sections(mission, start, end) -> list[dict]:
    approved = Assessment.objects.filter(
        objective__mission=mission,
        status=Assessment.Status.APPROVED,
        approved_on__gte=start,
        approved_on__lte=end,
    )
    objectives = CapabilityObjective.objects.filter(mission=mission)
    ioc = objectives.filter(ioc_reached_on__gte=start, ioc_reached_on__lte=end).count()
    foc_rows = list(
        objectives.filter(foc_reached_on__lte=end)
        .values("institution__name", "institution__name_ar", "institution__short_name")
        .annotate(reached=Min("foc_reached_on"))
        .order_by("reached", "institution__name")
    )
    foc_in_period = objectives.filter(foc_reached_on__gte=start, foc_reached_on__lte=end).count()
    assessed = Assessment.objects.filter(
        objective__mission=mission, assessed_on__gte=start, assessed_on__lte=end
    )
    # The plans are the mission's objectives; the assessments those made in the period.
    reviewed = (
        objectives.exclude(gender_review=GenderReview.NOT_REVIEWED).count()
        + assessed.exclude(gender_review=GenderReview.NOT_REVIEWED).count()
    )
    not_reviewed = (
        objectives.filter(gender_review=GenderReview.NOT_REVIEWED).count()
        + assessed.filter(gender_review=GenderReview.NOT_REVIEWED).count()
    )
    engagements = Engagement.objects.filter(
        team__mission=mission, held_on__gte=start, held_on__lte=end
    ).count()
    approved_count = approved.count()
    title = _("Capability and advising")
    if not (
        approved_count or ioc or foc_in_period or foc_rows or engagements or objectives.exists()
    ):
        return [
            {
                "key": "advising",
                "order": 50,
                "title": title,
                "paragraphs": [
                    _(
                        "Cadre holds no advisory engagements, capability objectives or "
                        "assessments for this mission in the period."
                    )
                ],
                "figures": [],
                "tables": [],
                "charts": [],
                "disagreements": [],
            }
        ]
    assessments_url = (
        f"/record/assessments/?status=approved&approved_on__gte={start}&approved_on__lte={end}"
    )
    objectives_url = "/record/capability-objectives/?mission=" + str(mission.pk)
    figures = [
        _figure(
            "engagements",
            _("Advisory engagements held"),
            engagements,
            _("Cadre records: engagements"),
            f"/record/engagements/?held_on__gte={start}&held_on__lte={end}",
        ),
        _figure(
            "assessments",
            _("Assessments approved"),
            approved_count,
            _("Cadre records: assessments"),
            assessments_url,
        ),
        _figure(
            "ioc",
            _("Initial operational capability reached"),
            ioc,
            _("Cadre records: capability objectives"),
            objectives_url,
        ),
        _figure(
            "foc",
            _("Full operational capability reached"),
            foc_in_period,
            _("Cadre records: capability objectives"),
            objectives_url,
        ),
        _figure(
            "foc-total",
            _("Institutions at full operational capability"),
            len(foc_rows),
            _("Cadre records: capability objectives"),
            objectives_url + "&foc_reached_on__isnull=false",
        ),
        _figure(
            "gender-reviewed",
            _("Plans and assessments with a gender review"),
            reviewed,
            _("Cadre records: capability objectives and assessments"),
            "/record/assessments/?gender_review=no_concerns",
        ),
        _figure(
            "gender-not-reviewed",
            _("Plans and assessments without a gender review"),
            not_reviewed,
            _("Cadre records: capability objectives and assessments"),
            "/record/assessments/?gender_review=not_reviewed",
        ),
    ]
    paragraphs = [
        _("The advisory teams held {f:engagements} engagements with their counterparts."),
        _(
            "The mission staff approved {f:assessments} capability assessments; "
            "{f:ioc} institutions reached initial and {f:foc} full operational capability."
        ),
        _(
            "By the end of the period {f:foc-total} institutions were at full operational "
            "capability."
        ),
        _(
            "The gender adviser reviewed {f:gender-reviewed} plans and assessments; "
            "{f:gender-not-reviewed} were not reviewed."
        ),
    ]
    by_year = (
        approved.annotate(year=ExtractYear("approved_on"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    charts = []
    if approved_count:
        charts.append(
            {
                "title": _("Assessments approved by year"),
                "kind": "bar",
                "x_label": _("year"),
                "y_label": _("assessments"),
                "series": [
                    {
                        "label": _("Assessments approved"),
                        "points": [[str(row["year"]), row["n"]] for row in by_year],
                    }
                ],
            }
        )
    tables = []
    if foc_rows:
        tables.append(
            {
                "title": _("Institutions at full operational capability"),
                "columns": [_("institution"), _("reached on")],
                "rows": [[_name(row), row["reached"].isoformat()] for row in foc_rows],
            }
        )
    return [
        {
            "key": "advising",
            "order": 50,
            "title": title,
            "paragraphs": paragraphs,
            "figures": figures,
            "tables": tables,
            "charts": charts,
            "disagreements": [],
        }
    ]


def _name(row) -> str:
    if get_language() == "ar" and row["institution__name_ar"]:
        return row["institution__name_ar"]
    return row["institution__name"]
