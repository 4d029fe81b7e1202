import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cadre.core.roles import Role
from cadre.missions.models import Appointment, ForceLevel, Mandate, Organisation, TimelineEvent

pytestmark = pytest.mark.django_db


def page(client, mission, on=None):
    url = reverse("missions:detail", args=[mission.key])
    response = client.get(url, {"on": on} if on else {})
    assert response.status_code == 200
    return response.content.decode()


def test_mission_page_lists_each_mandate_with_its_state_on_the_date(client_as, mission, agreement):
    Mandate.objects.create(
        key="tm-old",
        mission=mission,
        kind=Mandate.Kind.HOST_CONSENT,
        reference="Old consent",
        title="Earlier consent",
        valid_from=datetime.date(2005, 1, 1),
        valid_until=datetime.date(2008, 12, 31),
    )
    html = page(client_as(Role.HOST_LIAISON), mission, on="2010-01-01")
    assert "Agreement of 26 July 2009" in html
    assert 'class="state state-valid"' in html
    assert 'class="state state-expired"' in html


def test_mission_page_warns_when_the_governing_agreement_ends_within_180_days(
    client_as, mission, agreement
):
    html = page(client_as(Role.MISSION_STAFF), mission, on="2011-09-01")
    assert 'class="warning"' in html
    assert "in 121 days" in html


def test_mission_page_does_not_warn_when_the_agreement_ends_later_than_180_days(
    client_as, mission, agreement
):
    html = page(client_as(Role.MISSION_STAFF), mission, on="2010-01-01")
    assert 'class="warning"' not in html


def test_mission_page_does_not_warn_once_the_agreement_has_ended(client_as, mission, agreement):
    html = page(client_as(Role.MISSION_STAFF), mission, on="2012-03-01")
    assert 'class="warning"' not in html


def test_mission_page_explains_why_the_mission_ended(client_as, mission, agreement):
    html = page(client_as(Role.AUDITOR), mission, on="2010-01-01")
    assert "The agreement ran out." in html
    assert "was not extended" in html
    assert "Not extended; the mission left." in html


def test_mission_page_names_the_commander_on_the_date_with_the_second_hat(
    client_as, mission, source
):
    hq = Organisation.objects.get(key="tm-hq")
    first = Appointment.objects.create(
        key="first",
        organisation=hq,
        post="Commander",
        holder="First Holder",
        start=datetime.date(2009, 1, 1),
        end=datetime.date(2009, 12, 31),
        additional_post="Deputy commanding general for training",
    )
    first.sources.add(source)
    Appointment.objects.create(
        key="second",
        organisation=hq,
        post="Commander",
        holder="Second Holder",
        start=datetime.date(2010, 1, 1),
    )
    html = page(client_as(Role.ADVISOR), mission, on="2009-06-01")
    assert "First Holder" in html
    assert "Deputy commanding general for training" in html
    assert "Second Holder" not in html


def test_commander_with_an_end_known_to_the_month_serves_to_its_last_day(client_as, mission):
    hq = Organisation.objects.get(key="tm-hq")
    Appointment.objects.create(
        key="month",
        organisation=hq,
        post="Head",
        holder="Month Holder",
        start=datetime.date(2004, 8, 1),
        start_precision="month",
        end=datetime.date(2004, 12, 1),
        end_precision="month",
    )
    html = page(client_as(Role.ADVISOR), mission, on="2004-12-20")
    assert "Month Holder" in html


def test_strength_chart_is_drawn_with_every_figure_and_its_source(client_as, mission, source):
    other = source.__class__.objects.create(
        key="other-page", title="Another page", publisher="SHAPE"
    )
    ForceLevel.objects.create(
        key="fl-1",
        mission=mission,
        as_of=datetime.date(2004, 8, 1),
        as_of_precision="month",
        kind="reported",
        strength=50,
        approximate=True,
        source=source,
    )
    ForceLevel.objects.create(
        key="fl-2",
        mission=mission,
        as_of=datetime.date(2004, 12, 16),
        kind="authorised",
        strength=300,
        source=other,
    )
    html = page(client_as(Role.GENDER_ADVISER), mission)
    chart = re.search(r'<figure class="chart strength-chart">.*?</figure>', html, re.S).group(0)
    assert '<svg dir="ltr"' in chart
    assert chart.count("<circle") >= 1 and chart.count("<rect") >= 1
    assert "≈50 [1]" in chart and "300 [2]" in chart
    assert reverse("sources:detail", args=["test-page"]) in chart
    assert reverse("sources:detail", args=["other-page"]) in chart


def test_mission_page_shows_the_name_in_the_readers_script(client_as, mission):
    client = client_as(Role.HOST_LIAISON)
    client.cookies["django_language"] = "ar"
    html = page(client, mission)
    assert "بعثة التدريب" in html
    assert 'dir="rtl"' in html


def test_unknown_mission_is_not_found(client_as, mission):
    response = client_as(Role.MISSION_STAFF).get(reverse("missions:detail", args=["no-such"]))
    assert response.status_code == 404


def test_mission_page_needs_a_signed_in_user(client, mission):
    response = client.get(reverse("missions:detail", args=[mission.key]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_mission_list_links_to_each_mission_page(client_as, mission):
    html = client_as(Role.TRAINING_OFFICER).get(reverse("missions:list")).content.decode()
    assert reverse("missions:detail", args=[mission.key]) in html


def _add_events(mission, source, count):
    for n in range(count):
        event = TimelineEvent.objects.create(
            key=f"ev-{mission.key}-{n}",
            date=datetime.date(2005, 1, 1) + datetime.timedelta(days=n),
            kind="milestone",
            summary=f"Event {n}",
        )
        event.missions.add(mission)
        event.sources.add(source)


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_mission_page_issues_the_same_number_of_queries_for_10_and_200_events(
    client_as, mission, agreement, source
):
    client = client_as(Role.MISSION_STAFF)
    url = reverse("missions:detail", args=[mission.key]) + "?on=2011-09-01"
    _add_events(mission, source, 10)
    few = _queries(client, url)
    TimelineEvent.objects.all().delete()
    _add_events(mission, source, 200)
    assert _queries(client, url) == few


def test_mission_page_draws_its_locations_on_a_map(client_as, mission, source):
    from cadre.accounts.models import Nation
    from cadre.missions.models import Location, MissionLocation

    iraq = Nation.objects.get(code="IRQ")
    for key, name, lat, lon in [("bgd", "Baghdad", 33.315, 44.366), ("taji", "Taji", 33.52, 44.26)]:
        place = Location.objects.create(
            key=key, name=name, kind="city", nation=iraq, latitude=lat, longitude=lon
        )
        MissionLocation.objects.create(
            key=f"site-{key}", mission=mission, location=place, purpose="training"
        )
    html = page(client_as(Role.TRAINING_OFFICER), mission)
    drawn = re.search(r'<figure class="map location-map">.*?</figure>', html, re.S).group(0)
    assert drawn.count("<circle") == 2
    assert "Baghdad" in drawn and "Taji" in drawn
