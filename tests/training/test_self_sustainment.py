"""The mission's measure of self-sustainment: the share of sessions held that host-nation
instructors led, per period and discipline, counted in SQL from the teaching records, on
the page and the API, within the reader's nation scope."""

import datetime

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from cadre.core import registry, services
from cadre.core.pages import may_see
from cadre.core.roles import Role
from cadre.missions.models import Mission
from cadre.training import self_sustainment
from cadre.training.models import Course, Session, SessionInstructor

pytestmark = pytest.mark.django_db
OP = services.OPERATOR
D = datetime.date
TODAY = D(2024, 1, 1)
LEAD, CO = SessionInstructor.Role.LEAD, SessionInstructor.Role.CO_TEACHER


@pytest.fixture
def record(records, iraq, other_nation, make_session, make_person):
    """Two years of sessions of one mission hosted by Iraq: 1 of 4 led by an Iraqi in 2022,
    3 of 4 in 2023; and sessions that must not count (cancelled, not yet held, no mission)."""
    mission = records.create(Mission, optional=False, host_nation=iraq, key="nmi-test")
    other_mission = records.create(Mission, optional=False, host_nation=iraq, key="other")
    c_ied = services.save(Course(code="CIED", title="C-IED", discipline="c_ied"), user=OP)
    police = services.save(
        Course(code="POL", title="Police", discipline="police_procedures"), user=OP
    )
    iraqi, italian = make_person(vetted=False), make_person(vetted=False, nation=other_nation)
    helper = make_person(vetted=False)

    def held(start, course, lead, mission=mission, status=Session.Status.COMPLETED, co=None):
        session = make_session(
            course=course,
            start=start,
            end=start + datetime.timedelta(days=4),
            status=status,
            mission=mission,
        )
        services.save(SessionInstructor(session=session, person=lead, role=LEAD), user=OP)
        if co:
            services.save(SessionInstructor(session=session, person=co, role=CO), user=OP)
        return session

    held(D(2022, 1, 10), c_ied, iraqi)
    held(D(2022, 4, 10), c_ied, italian, co=helper)
    held(D(2022, 7, 10), c_ied, italian, co=helper)
    held(D(2022, 10, 10), c_ied, italian, co=helper)
    held(D(2023, 2, 10), c_ied, iraqi)
    held(D(2023, 5, 10), c_ied, iraqi, mission=other_mission)
    held(D(2023, 8, 10), police, iraqi)
    held(D(2023, 11, 10), police, italian)
    held(D(2023, 3, 10), police, iraqi, status=Session.Status.CANCELLED)
    held(D(2024, 6, 10), police, iraqi, status=Session.Status.PLANNED)
    held(D(2023, 9, 10), police, iraqi, mission=None)
    return {"mission": mission, "other": other_mission}


def periods(result):
    return [(p.label, p.led, p.host_led, p.share) for p in result.periods]


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN)


def test_the_share_is_counted_per_year_from_who_led_each_session_held(record, admin):
    result = self_sustainment.measure(admin, today=TODAY)
    assert periods(result) == [("2022", 4, 1, 25.0), ("2023", 4, 3, 75.0)]
    assert (result.led, result.host_led, result.share) == (8, 4, 50.0)
    assert result.without_mission == 1


def test_the_share_is_counted_per_quarter(record, admin):
    result = self_sustainment.measure(admin, today=TODAY, by="quarter")
    assert periods(result)[:2] == [("2022 Q1", 1, 1, 100.0), ("2022 Q2", 1, 0, 0.0)]
    assert len(result.periods) == 8


def test_the_share_is_counted_per_discipline(record, admin):
    result = self_sustainment.measure(admin, today=TODAY)
    rows = {row.discipline: (row.led, row.host_led, row.share) for row in result.disciplines}
    assert rows == {"c_ied": (6, 3, 50.0), "police_procedures": (2, 1, 50.0)}
    police = next(r for r in result.disciplines if r.discipline == "police_procedures")
    assert [(p.label, p.share) for p in police.periods] == [("2023", 50.0)]


def test_the_filters_narrow_the_sessions_counted(record, admin):
    def counted(**filters):
        return periods(self_sustainment.measure(admin, today=TODAY, **filters))

    assert counted(discipline="police_procedures") == [("2023", 2, 1, 50.0)]
    assert counted(mission=record["other"]) == [("2023", 1, 1, 100.0)]
    assert counted(start=2023, end=2023) == [("2023", 4, 3, 75.0)]


def test_the_share_is_counted_in_a_fixed_number_of_queries(
    record, admin, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        self_sustainment.measure(admin, today=TODAY, by="quarter")


def test_a_nation_officer_counts_only_its_own_nations_instructors(record, make_user, other_nation):
    italian_officer = make_user(Role.NATION_CONTRIBUTOR, other_nation)
    result = self_sustainment.measure(italian_officer, today=TODAY)
    assert periods(result) == [("2022", 3, 0, 0.0), ("2023", 1, 0, 0.0)]
    assert result.scoped_to == other_nation
    canadian = make_user(Role.NATION_CONTRIBUTOR)
    assert self_sustainment.measure(canadian, today=TODAY).periods == []


def test_the_api_answers_the_measure_within_the_callers_nation(record, make_user, other_nation):
    client = APIClient()
    client.force_authenticate(make_user(Role.NATION_CONTRIBUTOR, other_nation))
    body = client.get("/api/self-sustainment/", {"start": 2022, "end": 2023}).json()
    assert body["nation"] == "ITA"
    assert [(p["period"], p["led"], p["host_led"]) for p in body["periods"]] == [
        ("2022", 3, 0),
        ("2023", 1, 0),
    ]
    client.force_authenticate(make_user(Role.MISSION_STAFF))
    body = client.get("/api/self-sustainment/", {"by": "year", "end": 2023}).json()
    assert (body["led"], body["host_led"], body["share"], body["nation"]) == (8, 4, 50.0, None)
    assert client.get("/api/self-sustainment/", {"by": "decade"}).status_code == 400


def test_the_api_needs_a_signed_in_caller(record):
    assert APIClient().get("/api/self-sustainment/").status_code == 401


def test_the_page_draws_the_chart_with_the_table_beside_it(record, client_as):
    client = client_as(Role.GENDER_ADVISER)
    page = client.get("/training/self-sustainment/", {"end": 2023}).content.decode()
    assert 'class="chart share-chart"' in page and "<svg" in page
    assert "<td>75.0%</td>" in page and "<td>25.0%</td>" in page
    assert "<script>" not in page  # no inline script: the chart is drawn by the server


def test_the_page_shows_a_nation_officer_what_it_counts(record, client_as, other_nation):
    client = client_as(Role.NATION_CONTRIBUTOR, other_nation)
    page = client.get("/training/self-sustainment/", {"end": 2023}).content.decode()
    assert "instructors of Italy only" in page
    assert "<td>75.0%</td>" not in page


def test_the_page_reads_in_arabic(record, client_as):
    client = client_as(Role.MISSION_STAFF)
    client.cookies["django_language"] = "ar"
    try:
        page = client.get("/training/self-sustainment/", {"end": 2023}).content.decode()
    finally:
        translation.activate("en")  # the request left Arabic active in this thread
    assert 'dir="rtl"' in page and "<svg" in page
    assert "الاستدامة" in page


def test_the_page_is_in_the_navigation_for_every_role(make_user):
    entry = next(p for p in registry.pages() if p.url_name == "training:self-sustainment")
    for role in Role:
        assert may_see(make_user(role), entry), role


def test_the_chart_keeps_a_slot_for_a_period_without_sessions(record, admin):
    result = self_sustainment.measure(admin, today=TODAY, discipline="police_procedures")
    result.periods.insert(0, self_sustainment.Period(D(2021, 1, 1), 2, 0, "year"))
    bars = self_sustainment.chart(result)["bars"]
    assert [(b["period"].label, b["period"].led) for b in bars] == [
        ("2021", 2),
        ("2022", 0),
        ("2023", 2),
    ]
    assert bars[0]["height"] == 2 and bars[1]["height"] == 0
