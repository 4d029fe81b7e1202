import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cadre.core.roles import Role
from cadre.missions.models import Organisation, TimelineEvent
from cadre.sources.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(mission, source):
    """Three events: a 2004 council decision, a 2009 agreement, a 2011 withdrawal."""
    council = Organisation.objects.create(key="council", name="The Council", kind="council")
    other_source = Source.objects.create(key="second-page", title="Second page", publisher="SHAPE")

    def event(key, date, kind, summary, *, missions=(), actors=(), sources=(source,)):
        e = TimelineEvent.objects.create(key=key, date=date, kind=kind, summary=summary)
        e.missions.set(missions)
        e.actors.set(actors)
        e.sources.set(sources)
        return e

    return {
        "decision": event(
            "decision", datetime.date(2004, 6, 28), "decision", "Council decides", actors=[council]
        ),
        "agreement": event(
            "agreement",
            datetime.date(2009, 7, 26),
            "agreement",
            "Agreement signed",
            missions=[mission],
            sources=[other_source],
        ),
        "withdrawal": event(
            "withdrawal",
            datetime.date(2011, 12, 31),
            "withdrawal",
            "Mission withdraws",
            missions=[mission],
        ),
    }


def shown(client, **params):
    response = client.get(reverse("missions:timeline"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return [s for s in ("Council decides", "Agreement signed", "Mission withdraws") if s in html]


def test_timeline_lists_events_in_date_order_with_their_sources(client_as, events):
    client = client_as(Role.GENDER_ADVISER)
    html = client.get(reverse("missions:timeline")).content.decode()
    assert (
        html.index("Council decides")
        < html.index("Agreement signed")
        < html.index("Mission withdraws")
    )
    assert reverse("sources:detail", args=["second-page"]) in html
    assert "Second page" in html


def test_timeline_newest_first_reverses_the_order(client_as, events):
    html = (
        client_as(Role.ADVISOR)
        .get(reverse("missions:timeline"), {"sort": "-date"})
        .content.decode()
    )
    assert html.index("Mission withdraws") < html.index("Council decides")


def test_timeline_filters_by_kind(client_as, events):
    assert shown(client_as(Role.ADVISOR), kind="agreement") == ["Agreement signed"]


def test_timeline_filters_by_mission(client_as, events, mission):
    assert shown(client_as(Role.ADVISOR), missions=mission.key) == [
        "Agreement signed",
        "Mission withdraws",
    ]


def test_timeline_filters_by_actor(client_as, events):
    assert shown(client_as(Role.ADVISOR), actors="council") == ["Council decides"]


def test_timeline_filters_by_source(client_as, events):
    assert shown(client_as(Role.ADVISOR), sources="second-page") == ["Agreement signed"]


def test_timeline_filters_by_year_range(client_as, events):
    assert shown(client_as(Role.ADVISOR), date_year_from=2005, date_year_to=2010) == [
        "Agreement signed"
    ]


def test_timeline_htmx_request_gets_only_the_results(client_as, events):
    response = client_as(Role.ADVISOR).get(
        reverse("missions:timeline"), {"kind": "withdrawal"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "Mission withdraws" in html
    assert "<html" not in html and 'class="filters"' not in html


def test_timeline_pages_forward_by_cursor(client_as, mission, source):
    for n in range(55):
        e = TimelineEvent.objects.create(
            key=f"e{n}",
            date=datetime.date(2005, 1, 1) + datetime.timedelta(days=n),
            kind="milestone",
            summary=f"Numbered event {n:02d}.",
        )
        e.sources.add(source)
    client = client_as(Role.ADVISOR)
    first = client.get(reverse("missions:timeline"))
    assert "Numbered event 49." in first.content.decode()
    assert "Numbered event 50." not in first.content.decode()
    cursor = first.context["page"].next_cursor
    second = client.get(reverse("missions:timeline"), {"cursor": cursor}).content.decode()
    assert "Numbered event 50." in second and "Numbered event 54." in second
    assert "Numbered event 49." not in second


def _add_events(source, mission, actor, count):
    for n in range(count):
        e = TimelineEvent.objects.create(
            key=f"bulk-{n}",
            date=datetime.date(2006, 1, 1) + datetime.timedelta(days=n),
            kind="milestone",
            summary=f"Bulk {n}",
        )
        e.missions.add(mission)
        e.actors.add(actor)
        e.sources.add(source)


def test_timeline_issues_the_same_number_of_queries_for_10_and_200_events(
    client_as, mission, source
):
    actor = Organisation.objects.create(key="actor", name="Actor", kind="council")
    client = client_as(Role.MISSION_STAFF)
    url = reverse("missions:timeline")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    _add_events(source, mission, actor, 10)
    few = count()
    TimelineEvent.objects.all().delete()
    _add_events(source, mission, actor, 200)
    assert count() == few
