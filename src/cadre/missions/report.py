"""The mission record's sections of the mission report (cadre.reports): strength and
contributing nations, scope changes and decisions, the mandate and its expiries, and the
figures on which the sources disagree. The contract is docs/reports.md."""

import datetime

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cadre.core.report_reader import readable
from cadre.sources.models import Claim
from cadre.sources.selectors import _figure

from .models import ForceLevel, Mandate, Participation, ScopeChange, TimelineEvent
from .strength import figures_of, running_totals

DECISION_KINDS = (TimelineEvent.Kind.DECISION, TimelineEvent.Kind.APPROVAL)


def _ar() -> bool:
    return get_language() == "ar"


def _records(label, slug, query) -> dict:
    return {"kind": "records", "label": label, "url": f"/record/{slug}/?{query}"}


def _document(source) -> dict:
    return {"kind": "document", "source_key": source.key}


def _overlapping(start, end, first="start", last="end") -> Q:
    """Rows whose period (open where unset) meets the days from `start` to `end`."""
    return (Q(**{f"{first}__isnull": True}) | Q(**{f"{first}__lte": end})) & (
        Q(**{f"{last}__isnull": True}) | Q(**{f"{last}__gte": start})
    )


def _day(value) -> str:
    return value.isoformat() if value else "—"


def strength_section(mission, start, end) -> dict:
    levels = list(
        readable(ForceLevel.objects.select_related("source"))
        .filter(mission=mission, as_of__range=(start, end))
        .order_by("as_of", "kind", "pk")
    )
    nations = list(
        readable(Participation.objects.select_related("nation"))
        .filter(
            _overlapping(start, end),
            mission=mission,
            role__in=[Participation.Role.CONTRIBUTOR, Participation.Role.LEAD],
        )
        .order_by("nation__name")
    )
    key = f"mission={mission.key}"
    figures, paragraphs = [], []
    totals = [
        level
        for level in levels
        if level.kind != ForceLevel.Kind.INCREASE and level.strength is not None
    ]
    figures.append(
        {
            "key": "strength-figures",
            "label": _("Figures of the mission's strength recorded in the period"),
            "value": len(levels),
            "source": _records(_("Cadre records: force levels"), "force-levels", key),
        }
    )
    paragraphs.append(
        _("The record holds {f:strength-figures} figures of the mission's strength in the period.")
    )
    if totals:
        peak = max(totals, key=lambda level: (level.strength, level.as_of))
        latest = totals[-1]
        figures += [
            {
                "key": "strength-peak",
                "label": _("Highest stated strength in the period"),
                "value": peak.strength,
                "source": _document(peak.source),
            },
            {
                "key": "strength-latest",
                "label": _("Latest stated strength in the period (%(date)s)")
                % {"date": latest.as_of.isoformat()},
                "value": latest.strength,
                "source": _document(latest.source),
            },
        ]
        paragraphs.append(
            _(
                "The highest strength a source states for the period is {f:strength-peak} "
                "people (%(kind)s, %(date)s); the latest is {f:strength-latest}."
            )
            % {"kind": peak.get_kind_display(), "date": peak.as_of.isoformat()}
        )
    figures.append(
        {
            "key": "nations",
            "label": _("Nations contributing in the period"),
            "value": len({p.nation_id for p in nations}),
            "source": _records(_("Cadre records: participations"), "participations", key),
        }
    )
    paragraphs.append(_("{f:nations} nations contributed to the mission in the period."))
    charts = []
    # The totals an increase makes with the stated total before it (missions.strength):
    # Cadre's arithmetic, drawn as a series of its own.
    computed = {
        f"{step.as_of:%Y-%m}": step.total
        for step in running_totals(
            figures_of(
                readable(ForceLevel.objects.select_related("source"))
                .filter(mission=mission, as_of__lte=end)
                .order_by("as_of", "kind", "pk")
            )
        )
        if step.total is not None and start <= step.as_of <= end
    }
    if totals or computed:
        xs = sorted({f"{level.as_of:%Y-%m}" for level in totals} | set(computed))
        series = []
        for kind, label in ForceLevel.Kind.choices:
            values = {f"{lv.as_of:%Y-%m}": lv.strength for lv in totals if lv.kind == kind}
            if values:
                series.append({"label": str(label), "points": [[x, values.get(x)] for x in xs]})
        if computed:
            series.append(
                {
                    "label": _("computed: the stated total before an increase, plus it"),
                    "points": [[x, computed.get(x)] for x in xs],
                }
            )
        charts.append(
            {
                "title": _("Strength stated by the sources"),
                "kind": "line",
                "x_label": _("month"),
                "y_label": _("people"),
                "series": series,
            }
        )
    return {
        "key": "record-strength",
        "order": 10,
        "title": _("Strength and contributing nations"),
        "paragraphs": paragraphs,
        "figures": figures,
        "tables": [
            {
                "title": _("Strength stated by the sources"),
                "columns": [_("as of"), _("kind"), _("strength"), _("source")],
                "rows": [
                    [
                        level.as_of_display,
                        level.get_kind_display(),
                        level.stated
                        if level.strength is None
                        else (f"+{level.strength}" if level.kind == "increase" else level.strength),
                        level.source.key,
                    ]
                    for level in levels
                ],
            },
            {
                "title": _("Contributing nations"),
                "columns": [_("nation"), _("role"), _("from"), _("until")],
                "rows": [
                    [str(p.nation), p.get_role_display(), _day(p.start), _day(p.end)]
                    for p in nations
                ],
            },
        ],
        "charts": charts,
        "disagreements": disagreements(mission, start, end),
    }


def scope_section(mission, start, end) -> dict:
    changes = list(
        readable(ScopeChange.objects.all())
        .filter(mission=mission, date__range=(start, end))
        .order_by("date", "pk")
    )
    decisions = list(
        readable(TimelineEvent.objects.all())
        .filter(missions=mission, kind__in=DECISION_KINDS, date__range=(start, end))
        .order_by("date", "pk")
    )
    key = f"mission={mission.key}"
    figures = [
        {
            "key": "scope-changes",
            "label": _("Changes to the mission's scope in the period"),
            "value": len(changes),
            "source": _records(_("Cadre records: scope changes"), "scope-changes", key),
        },
        {
            "key": "decisions",
            "label": _("Decisions and approvals on the timeline in the period"),
            "value": len(decisions),
            "source": _records(
                _("Cadre records: timeline decisions"), "events", f"missions={mission.key}"
            ),
        },
    ]
    return {
        "key": "record-scope",
        "order": 11,
        "title": _("Scope changes and decisions"),
        "paragraphs": [
            _(
                "In the period the mission's scope changed {f:scope-changes} times, and the "
                "timeline records {f:decisions} decisions and approvals."
            )
        ],
        "figures": figures,
        "tables": [
            {
                "title": _("Scope changes"),
                "columns": [_("date"), _("change"), _("area")],
                "rows": [
                    [
                        c.date.isoformat(),
                        c.get_change_display(),
                        c.area_ar if _ar() and c.area_ar else c.area,
                    ]
                    for c in changes
                ],
            },
            {
                "title": _("Decisions"),
                "columns": [_("date"), _("kind"), _("summary")],
                "rows": [
                    [
                        e.date.isoformat(),
                        e.get_kind_display(),
                        e.summary_ar if _ar() and e.summary_ar else e.summary,
                    ]
                    for e in decisions
                ],
            },
        ],
        "charts": [],
        "disagreements": [],
    }


def _state(mandate, on: datetime.date) -> str:
    if mandate.is_valid_on(on):
        return _("in force")
    if mandate.valid_until and mandate.valid_until < on:
        return _("expired")
    return _("not yet in force")


def mandate_section(mission, start, end) -> dict:
    mandates = list(
        readable(Mandate.objects.all())
        .filter(mission=mission)
        .order_by("signed_on", "valid_from", "pk")
    )
    in_force = [m for m in mandates if m.is_valid_on(end)]
    ahead = sorted(
        (m for m in mandates if m.valid_until and m.valid_until > end),
        key=lambda m: m.valid_until,
    )
    key = f"mission={mission.key}"
    source = _records(_("Cadre records: mandates"), "mandates", key)
    paragraphs = [
        _(
            "On the last day of the period, {f:mandates-in-force} of the mission's "
            "{f:mandates} recorded mandates were in force; {f:expiries-ahead} expire later."
        )
    ]
    if ahead:
        paragraphs.append(
            _("The next to expire is %(reference)s, on %(date)s.")
            % {"reference": ahead[0].reference, "date": ahead[0].valid_until.isoformat()}
        )
    return {
        "key": "record-mandate",
        "order": 12,
        "title": _("Mandate status and expiries ahead"),
        "paragraphs": paragraphs,
        "figures": [
            {
                "key": "mandates",
                "label": _("Mandates recorded"),
                "value": len(mandates),
                "source": source,
            },
            {
                "key": "mandates-in-force",
                "label": _("Mandates in force at the end of the period"),
                "value": len(in_force),
                "source": source,
            },
            {
                "key": "expiries-ahead",
                "label": _("Mandates expiring after the period"),
                "value": len(ahead),
                "source": source,
            },
        ],
        "tables": [
            {
                "title": _("Mandates"),
                "columns": [
                    _("reference"),
                    _("kind"),
                    _("valid from"),
                    _("valid until"),
                    _("on the last day"),
                ],
                "rows": [
                    [
                        m.reference,
                        m.get_kind_display(),
                        _day(m.valid_from or m.signed_on),
                        _day(m.valid_until),
                        _state(m, end),
                    ]
                    for m in mandates
                ],
            }
        ],
        "charts": [],
        "disagreements": [],
    }


def _claim_value(claim) -> str:
    if claim.value is None:
        return claim.value_text
    number = f"{claim.value.normalize():,f}"
    return f"{number} {claim.unit}".strip()


def disagreements(mission, start, end) -> list[dict]:
    """Subjects of the mission (named by its key) or dated in the period on which the
    sources' claims differ: every figure with its source."""
    claims = (
        readable(Claim.objects.select_related("source"))
        .filter(Q(subject__startswith=f"{mission.key}-") | Q(as_of__range=(start, end)))
        .order_by("subject", "source__key", "as_of", "key")
    )
    by_subject: dict[str, list] = {}
    for claim in claims:
        by_subject.setdefault(claim.subject, []).append(claim)
    found = []
    for subject_claims in by_subject.values():
        if len({_figure(c) for c in subject_claims}) < 2:
            continue
        seen, figures = set(), []
        for claim in subject_claims:
            shown = (claim.source_id, _claim_value(claim))
            if shown not in seen:
                seen.add(shown)
                figures.append({"value": shown[1], "source": _document(claim.source)})
        found.append({"subject": subject_claims[0].subject_label, "figures": figures})
    return found


def report_sections(mission, start, end) -> list[dict]:
    return [
        strength_section(mission, start, end),
        scope_section(mission, start, end),
        mandate_section(mission, start, end),
    ]
