"""The dated facts of the source pages are in the record, at the precision their pages give.

The milestone lines are checked in test_builtin_dataset.py; this covers every event,
the facts the prose of the pages dates, and what the pages say twice in different ways.
"""

import datetime
import os
from pathlib import Path

import pytest
import source_dates

from cadre.core.roles import Role
from cadre.missions.models import ReportingLine, ScopeChange, TimelineEvent
from cadre.sources.models import Claim, Source
from cadre.sources.selectors import disagreements

SOURCES_DIR = Path(
    os.environ.get("CADRE_SOURCES_DIR", Path(__file__).resolve().parents[3] / "shared" / "sources")
)

pytestmark = pytest.mark.django_db

# Events whose pages give a finer date within the event's period that belongs to another
# fact, or a period Cadre's precisions cannot hold; each reviewed against its page.
FINER_DATE_IS_ANOTHER_FACT = {
    "evt-2004-ntm-i-in-place": "'End 2004' has no month; the pages' 2004 days are other events",
    "evt-2010-oet-directorate": "the page dates it to 2010; its 2010 days are the oil police's",
    "evt-2010-09-operation-new-dawn": "8 September 2010 is Minister Bolani's request, not New Dawn",
    "evt-2018-10-nmi-established": "31 October 2018 is when Maj Gen Fortin took command",
    "evt-2020-spring-suspension": "'spring 2020' has no month; October 2020 is another decision",
}


def page_text(source: Source) -> str:
    return (SOURCES_DIR / source.file_name).read_text(encoding="utf-8")


@pytest.fixture
def pages():
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source pages not available: {SOURCES_DIR}")


def test_the_riga_summit_is_dated_to_the_month_its_page_gives(dataset):
    riga = TimelineEvent.objects.get(locations__key="riga")
    assert (riga.date, riga.date_precision) == (datetime.date(2006, 11, 1), "month")
    assert riga.sources.filter(key="nato-assistance-2004-2011").exists()
    # The milestone lists, which say only "2006", are still cited by it.
    assert set(riga.sources.values_list("key", flat=True)) >= {
        "relations-with-iraq",
        "nato-iraq-milestones",
    }


def test_every_event_is_dated_as_one_of_its_pages_words_it(dataset, pages):
    wrong = []
    for event in TimelineEvent.objects.prefetch_related("sources"):
        texts = [page_text(s) for s in event.sources.all() if s.file_name]
        if not any(source_dates.states(t, event.date, event.date_precision) for t in texts):
            wrong.append(f"{event.key}: {event.date} ({event.date_precision})")
    assert not wrong, "events no cited page dates that way:\n" + "\n".join(wrong)


def test_no_event_is_less_precise_than_a_page_it_cites(dataset, pages):
    """An event at year or month precision whose page gives a finer date in that period is
    either too coarse (the Riga Summit was at "2006", its page says November 2006) or the
    finer date belongs to another fact, reviewed in FINER_DATE_IS_ANOTHER_FACT."""
    coarse = []
    for event in TimelineEvent.objects.exclude(date_precision="day").prefetch_related("sources"):
        if event.key in FINER_DATE_IS_ANOTHER_FACT:
            continue
        for source in event.sources.all():
            if not source.file_name:
                continue
            finer = source_dates.finer_within(page_text(source), event.date, event.date_precision)
            if finer:
                coarse.append(f"{event.key} ({event.date_precision}): {source.key} gives {finer}")
    assert not coarse, "events less precise than their pages:\n" + "\n".join(coarse)


def test_the_reviewed_exceptions_are_still_events_of_the_record(dataset):
    keys = set(TimelineEvent.objects.values_list("key", flat=True))
    assert set(FINER_DATE_IS_ANOTHER_FACT) <= keys


# ---- facts the prose of the pages dates ----


def test_operation_new_dawn_september_2010(dataset):
    event = TimelineEvent.objects.get(summary__contains="Operation New Dawn")
    assert (event.date, event.date_precision) == (datetime.date(2010, 9, 1), "month")
    assert "Operation Iraqi Freedom" in event.summary
    assert event.summary_ar
    assert list(event.sources.values_list("key", flat=True)) == ["nato-assistance-2004-2011"]


def test_the_officer_education_and_training_directorate_expansion_of_2010(dataset):
    event = TimelineEvent.objects.get(actors__key="ntm-i-oet-directorate")
    assert (event.date, event.date_precision, event.kind) == (
        datetime.date(2010, 1, 1),
        "year",
        TimelineEvent.Kind.EXPANSION,
    )
    assert event.sources.filter(key="nato-assistance-2004-2011").exists()
    change = ScopeChange.objects.get(key="sc-2010-officer-education")
    assert change.mission.key == "ntm-i" and change.date.year == 2010 and change.area_ar
    assert change.sources.filter(key="nato-assistance-2004-2011").exists()


def test_mobile_security_sector_reform_teams_dated_both_ways_as_the_page_does(dataset, make_user):
    claims = Claim.objects.filter(subject="ssr-mobile-teams-start").order_by("as_of")
    assert [(c.as_of, c.source.key) for c in claims] == [
        (datetime.date(2016, 2, 1), "relations-with-iraq"),
        (datetime.date(2017, 1, 1), "relations-with-iraq"),
    ]
    assert "ssr-mobile-teams-start" in {d.subject for d in disagreements(make_user(Role.AUDITOR))}
    for day in (datetime.date(2016, 2, 1), datetime.date(2017, 1, 1)):
        event = TimelineEvent.objects.get(
            date=day,
            summary__icontains="security sector reform",
            sources__key="relations-with-iraq",
        )
        assert event.date_precision == "month"


def test_october_2020_agreed_to_expand_against_start_planning(dataset, make_user):
    claims = Claim.objects.filter(subject="nmi-october-2020-decision")
    assert {(c.source.key, c.value_text) for c in claims} == {
        ("relations-with-iraq", "agreed to expand NMI"),
        ("relations-with-iraq", "agreed to start planning an expansion"),
        ("nato-iraq-milestones", "agreed to start planning an expansion"),
    }
    assert all(c.as_of == datetime.date(2020, 10, 1) for c in claims)
    found = {d.subject: d for d in disagreements(make_user(Role.AUDITOR))}
    sides = {side.source.key: side for side in found["nmi-october-2020-decision"].sides}
    assert sides["relations-with-iraq"].disagrees_with_itself
    assert not sides["nato-iraq-milestones"].disagrees_with_itself
    event = TimelineEvent.objects.get(date=datetime.date(2020, 10, 1))
    assert "nmi-october-2020-decision" in event.summary


def test_the_camp_dublin_course_content(dataset):
    claim = Claim.objects.get(subject="camp-dublin-course-content")
    assert claim.source.key == "shape-ntm-i"
    for subject in [
        "operational planning",
        "police procedures",
        "police intelligence",
        "weapons and combat skills",
        "police ethics and human rights",
    ]:
        assert subject in claim.value_text, subject
    assert "Camp Dublin" in claim.statement and "Carabinieri" in claim.statement


def test_what_nmi_instructs_on(dataset):
    claim = Claim.objects.get(subject="nmi-instruction-topics")
    assert (claim.source.key, claim.as_of) == ("nmi-2020", datetime.date(2020, 8, 1))
    for subject in [
        "countering corruption",
        "rule of law",
        "law of armed conflict",
        "protection of civilians",
        "children and armed conflict",
        "Women, Peace and Security",
    ]:
        assert subject in claim.value_text, subject


def test_the_counter_terrorism_service_is_a_counterpart_advised_by_nmi(dataset):
    line = ReportingLine.objects.get(unit__key="iraq-cts", superior__key="nmi-hq")
    assert line.relation == ReportingLine.Relation.ADVICE
    assert line.unit.nation.code == "IRQ"
    assert line.sources.filter(key="relations-with-iraq").exists()
    assert line.unit.sources.filter(key="relations-with-iraq").exists()
