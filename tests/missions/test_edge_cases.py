"""Records at the edges still give pages, not 500s: a strength of 0, dates at the end of the
calendar, a chain of command deeper than Python's recursion."""

import datetime

import pytest

from cadre.core import services
from cadre.core.roles import Role
from cadre.missions.models import ForceLevel, Organisation, ReportingLine

pytestmark = pytest.mark.django_db


def force_level(mission, source, *, key, as_of, strength, precision="day"):
    return services.save(
        ForceLevel(
            key=key,
            mission=mission,
            as_of=as_of,
            as_of_precision=precision,
            kind=ForceLevel.Kind.REPORTED,
            strength=strength,
            source=source,
        ),
        user=services.OPERATOR,
    )


def test_a_mission_whose_every_force_level_is_zero_has_a_page(mission, source, client_as):
    force_level(mission, source, key="fl-0", as_of=datetime.date(2005, 2, 1), strength=0)

    response = client_as(Role.ADVISOR).get(f"/missions/{mission.key}/")

    assert response.status_code == 200
    assert "strength-chart" in response.content.decode()


def test_a_mission_ending_on_the_last_day_of_the_calendar_has_a_page(mission, client_as):
    mission.end = datetime.date(9999, 12, 31)
    services.save(mission, user=services.OPERATOR)

    response = client_as(Role.ADVISOR).get(f"/missions/{mission.key}/")

    assert response.status_code == 200


def test_a_figure_dated_december_9999_has_a_page(mission, source, client_as):
    force_level(
        mission,
        source,
        key="fl-far",
        as_of=datetime.date(9999, 12, 1),
        strength=40,
        precision="month",
    )

    response = client_as(Role.ADVISOR).get(f"/missions/{mission.key}/")

    assert response.status_code == 200
    assert "9999" in response.content.decode()


def test_a_chain_of_command_100_levels_deep_is_drawn_whole(client_as):
    units = [
        Organisation.objects.create(key=f"unit-{n}", name=f"Unit {n:03d}", kind="other")
        for n in range(101)
    ]
    for above, below in zip(units, units[1:], strict=False):
        ReportingLine.objects.create(
            key=f"line-{below.key}",
            unit=below,
            superior=above,
            relation=ReportingLine.Relation.COMMAND,
            start=datetime.date(2004, 1, 1),
        )

    response = client_as(Role.ADVISOR).get("/chain-of-command/", {"on": "2010-01-01"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Unit 100" in page
    chain = page[page.index('<ul class="tree chain"') : page.index("</main>")]
    assert chain.count("<ul") == chain.count("</ul>")
    assert chain.count("<li") == chain.count("</li>") == 101
