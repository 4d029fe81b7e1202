"""Coordination's section of the mission report (docs: /work/briefs/report_sections.md):
the money recorded in the period, the published totals with their sources and where the
sources word them differently, and the requirements met in the period."""

from collections import Counter
from decimal import Decimal

from django.utils.translation import gettext as _

from . import selectors_money as money
from .models import Requirement, SupportKind

KEY, ORDER = "coordination", 40


def _eur(amount: Decimal) -> float | int:
    """A euro figure as a plain number (no Decimal in the report): cents only when any."""
    amount = amount.quantize(money.CENT)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _records(label, slug, start, end, date_field, extra=""):
    query = f"?{date_field}__gte={start.isoformat()}&{date_field}__lte={end.isoformat()}"
    return {
        "kind": "records",
        "label": label,
        "url": f"/record/{slug}/{query}{extra}",
    }


def _money_figures(mission, start, end):
    """Figures, a table and a chart of the money recorded for the mission in the period."""
    books = money.ledgers(None, start, end)
    in_mission = {
        "donations": lambda row: row.mission_id in (None, mission.pk),
        "contributions": lambda row: row.trust_fund.mission_id in (None, mission.pk),
        "disbursements": lambda row: row.trust_fund.mission_id in (None, mission.pk),
    }
    kept = {}
    for kind, book in books.items():
        rows = [(r, c) for r, c in book.rows if in_mission[kind](r)]
        total = sum((c.eur for _r, c in rows if c.convertible), Decimal("0.00"))
        kept[kind] = money.Ledger(rows, total, [(r, c) for r, c in rows if not c.convertible])
    sources = {
        "donations": _records(
            _("Cadre records: equipment donations"),
            "donations",
            start,
            end,
            "donated_on",
            f"&mission={mission.pk}",
        ),
        "contributions": _records(
            _("Cadre records: trust-fund contributions"),
            "contributions",
            start,
            end,
            "contributed_on",
        ),
        "disbursements": _records(
            _("Cadre records: trust-fund disbursements"),
            "disbursements",
            start,
            end,
            "disbursed_on",
        ),
    }
    labels = {
        "donations": (_("Equipment donations recorded"), _("Equipment donations, in euros")),
        "contributions": (
            _("Contributions to trust funds recorded"),
            _("Contributions to trust funds, in euros"),
        ),
        "disbursements": (
            _("Disbursements by trust funds recorded"),
            _("Disbursements by trust funds, in euros"),
        ),
    }
    figures = []
    for kind, book in kept.items():
        count_label, eur_label = labels[kind]
        figures.append(
            {
                "key": f"{kind}-count",
                "label": count_label,
                "value": book.count,
                "source": sources[kind],
            }
        )
        figures.append(
            {
                "key": f"{kind}-eur",
                "label": eur_label,
                "value": _eur(book.total_eur),
                "source": sources[kind],
            }
        )
    figures.append(
        {
            "key": "not-convertible",
            "label": _("Amounts with no exchange rate, left out of the euro figures"),
            "value": sum(len(book.not_convertible) for book in kept.values()),
            "source": {
                "kind": "records",
                "label": _("Cadre records: the money page"),
                "url": "/coordination/money/",
            },
        }
    )
    return kept, figures


def _published(figures_out):
    """The published totals, as figures citing their sources, and the subjects the
    sources state differently."""
    by_subject = money.published_totals()
    disagreements = []
    for claims in by_subject.values():
        for claim in claims:
            figures_out.append(
                {
                    "key": f"claim-{claim.key}",
                    "label": claim.subject_label,
                    "value": claim.value_text,
                    "source": {"kind": "document", "source_key": claim.source.key},
                }
            )
    for claims in money.disagreements(by_subject).values():
        disagreements.append(
            {
                "subject": claims[0].subject_label,
                "figures": [
                    {
                        "value": claim.value_text,
                        "source": {"kind": "document", "source_key": claim.source.key},
                    }
                    for claim in claims
                ],
            }
        )
    return by_subject, disagreements


def _met(mission, start, end):
    met = Requirement.objects.filter(
        mission=mission, status=Requirement.Status.MET, met_on__gte=start, met_on__lte=end
    )
    return Counter(met.values_list("kind", flat=True))


def report_sections(mission, start, end) -> list[dict]:
    books, figures = _money_figures(mission, start, end)
    by_subject, disagreements = _published(figures)
    met = _met(mission, start, end)
    met_source = {
        "kind": "records",
        "label": _("Cadre records: requirements met"),
        "url": f"/record/requirements/?status=met&mission={mission.pk}",
    }
    figures.append(
        {
            "key": "requirements-met",
            "label": _("Requirements met in the period"),
            "value": sum(met.values()),
            "source": met_source,
        }
    )
    kinds = dict(SupportKind.choices)
    for kind, label in SupportKind.choices:
        if met.get(kind):
            figures.append(
                {
                    "key": f"requirements-met-{kind}",
                    "label": _("Requirements met: %(kind)s") % {"kind": label},
                    "value": met[kind],
                    "source": met_source,
                }
            )
    paragraphs = []
    recorded = any(book.count for book in books.values())
    if recorded:
        paragraphs.append(
            _(
                "In the period Cadre records {f:donations-count} equipment donations worth "
                "EUR {f:donations-eur}, {f:contributions-count} contributions to trust funds "
                "worth EUR {f:contributions-eur} and {f:disbursements-count} disbursements "
                "worth EUR {f:disbursements-eur}, at the stored exchange rates."
            )
        )
        if any(book.not_convertible for book in books.values()):
            paragraphs.append(
                _(
                    "Amounts with no exchange rate on or before their date are left out of "
                    "the euro figures: {f:not-convertible} of them."
                )
            )
    else:
        paragraphs.append(
            _("Cadre records no donation, contribution or disbursement in the period.")
        )
    if by_subject:
        keys = [f"claim-{c.key}" for claims in by_subject.values() for c in claims]
        paragraphs.append(
            _("The published totals of the mission's money, as the sources state them: %(list)s.")
            % {"list": ", ".join(f"{{f:{key}}}" for key in keys)}
        )
    if met:
        paragraphs.append(_("{f:requirements-met} requirements were met in the period."))
    else:
        paragraphs.append(_("No requirement was met in the period."))
    tables = [
        {
            "title": _("Money recorded in the period"),
            "columns": [_("what"), _("records"), _("euros"), _("not convertible")],
            "rows": [
                [labels_of(kind), book.count, _eur(book.total_eur), len(book.not_convertible)]
                for kind, book in books.items()
            ],
        }
    ]
    if met:
        tables.append(
            {
                "title": _("Requirements met in the period, by kind"),
                "columns": [_("kind"), _("requirements")],
                "rows": [[str(kinds[k]), n] for k, n in sorted(met.items())],
            }
        )
    charts = []
    series = []
    for kind, date_field in (("donations", "donated_on"), ("contributions", "contributed_on")):
        by_year = Counter()
        for row, converted in books[kind].rows:
            if converted.convertible:
                by_year[str(getattr(row, date_field).year)] += converted.eur
        if by_year:
            series.append(
                {
                    "label": labels_of(kind),
                    "points": [[year, _eur(by_year[year])] for year in sorted(by_year)],
                }
            )
    if series:
        charts.append(
            {
                "title": _("Donations and contributions by year, in euros"),
                "kind": "bar",
                "x_label": _("year"),
                "y_label": _("euros"),
                "series": series,
            }
        )
    return [
        {
            "key": KEY,
            "order": ORDER,
            "title": _("Coordination"),
            "paragraphs": paragraphs,
            "figures": figures,
            "tables": tables,
            "charts": charts,
            "disagreements": disagreements,
        }
    ]


def labels_of(kind) -> str:
    return {
        "donations": _("equipment donations"),
        "contributions": _("contributions to trust funds"),
        "disbursements": _("disbursements by trust funds"),
    }[kind]
