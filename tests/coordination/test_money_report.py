"""Coordination's section of the mission report, against the records and claims it counts
(the contract: /work/briefs/report_sections.md)."""

import datetime
import re
from decimal import Decimal

import pytest

from cadre.coordination.models import Requirement
from cadre.coordination.report import report_sections
from cadre.missions.models import Organisation

from . import money_records as r

D = datetime.date


def _requirement(mission, institution, kind, met_on, status=Requirement.Status.MET):
    # met_on is kept by the requirements' service; written straight here to set the scene.
    return Requirement.objects.create(
        key=f"req-{kind}-{met_on}-{status}",
        mission=mission,
        institution=institution,
        kind=kind,
        description="A need",
        quantity=1,
        unit="lot",
        status=status,
        met_on=met_on,
    )


@pytest.fixture
def period_data(db):
    canada, italy = r.nation("CAN", "Canada"), r.nation("ITA", "Italy")
    mission = r.mission()
    institution = Organisation.objects.create(key="mod", name="Ministry", kind="institution")
    r.rate("USD", D(2007, 1, 1), "0.75")
    fund = r.fund("tf-a", mission)
    r.contribution(fund, canada, "1000.00", "USD", D(2007, 3, 1))  # EUR 750 in the period
    r.contribution(fund, italy, "250.25", "EUR", D(2007, 6, 1))  # in the period
    r.contribution(fund, italy, "999.00", "EUR", D(2009, 6, 1))  # after the period
    r.contribution(fund, canada, "10.00", "PLN", D(2007, 7, 1))  # not convertible
    r.disbursement(fund, "400.00", "EUR", D(2007, 8, 1))
    r.donation("don-1", canada, "5000.00", "EUR", D(2007, 2, 1), mission)
    _requirement(mission, institution, "equipment", D(2007, 4, 1))
    _requirement(mission, institution, "equipment", D(2007, 5, 1))
    _requirement(mission, institution, "training_seats", D(2007, 9, 1))
    _requirement(mission, institution, "expertise", D(2010, 1, 1))  # after the period
    _requirement(mission, institution, "funding", None, Requirement.Status.PUBLISHED)
    return mission


YEAR_2007 = (D(2007, 1, 1), D(2007, 12, 31))


def _section(mission, start=YEAR_2007[0], end=YEAR_2007[1]):
    (section,) = report_sections(mission, start, end)
    return section


def _figure(section, key):
    return next(f for f in section["figures"] if f["key"] == key)


def test_the_section_counts_the_money_of_the_period_in_euros(period_data):
    section = _section(period_data)

    assert (section["key"], section["order"]) == ("coordination", 40)
    assert _figure(section, "contributions-count")["value"] == 3
    assert _figure(section, "contributions-eur")["value"] == 1000.25  # 750 + 250.25
    assert _figure(section, "donations-eur")["value"] == 5000
    assert _figure(section, "disbursements-eur")["value"] == 400
    assert _figure(section, "not-convertible")["value"] == 1
    assert _figure(section, "contributions-eur")["source"]["kind"] == "records"
    assert (
        "contributed_on__gte=2007-01-01" in _figure(section, "contributions-eur")["source"]["url"]
    )


def test_the_section_counts_requirements_met_in_the_period_by_kind(period_data):
    section = _section(period_data)

    assert _figure(section, "requirements-met")["value"] == 3
    assert _figure(section, "requirements-met-equipment")["value"] == 2
    assert _figure(section, "requirements-met-training_seats")["value"] == 1
    assert not [f for f in section["figures"] if f["key"] == "requirements-met-expertise"]
    by_kind = next(t for t in section["tables"] if "by kind" in t["title"])
    assert sorted(by_kind["rows"]) == [["equipment", 2], ["training seats", 1]]


def test_the_published_totals_cite_their_sources_and_their_disagreement(dataset):
    from cadre.missions.models import Mission

    section = _section(Mission.objects.get(key="ntm-i"), D(2004, 1, 1), D(2011, 12, 31))
    documents = [f for f in section["figures"] if f["source"]["kind"] == "document"]

    assert {f["value"] for f in documents} >= {"over EUR 115 million", "over EUR 17.5 million"}
    assert {f["source"]["source_key"] for f in documents} == {
        "nato-assistance-2004-2011",
        "relations-with-iraq",
    }
    (trust_fund,) = [d for d in section["disagreements"] if "Trust fund" in d["subject"]]
    assert {f["value"] for f in trust_fund["figures"]} == {
        "over EUR 17.5 million",
        "EUR 17.5 million",
    }


def test_a_period_with_nothing_says_so(period_data):
    section = _section(period_data, D(1990, 1, 1), D(1990, 12, 31))

    assert any("no donation" in p for p in section["paragraphs"])
    assert any("No requirement was met" in p for p in section["paragraphs"])
    assert _figure(section, "requirements-met")["value"] == 0


def test_every_figure_a_paragraph_names_exists_and_values_are_plain(period_data):
    section = _section(period_data)
    keys = {f["key"] for f in section["figures"]}

    for paragraph in section["paragraphs"]:
        assert set(re.findall(r"\{f:([^}]+)\}", paragraph)) <= keys
    for figure in section["figures"]:
        assert type(figure["value"]) in (int, float, str)
        assert not isinstance(figure["value"], Decimal)
        assert type(figure["label"]) is str
    for chart in section["charts"]:
        for series in chart["series"]:
            assert all(type(v) in (int, float) for _x, v in series["points"])


def test_the_section_is_in_arabic_when_arabic_is_active(period_data):
    from django.utils import translation

    with translation.override("ar"):
        section = _section(period_data)

    assert section["title"] != "Coordination"
