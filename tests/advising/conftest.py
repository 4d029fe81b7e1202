"""Advising records made through their services: two teams, each advising one centre that
sits under a ministry, an advisor user on the first team, a mission scale CM4..CM1."""

import datetime
import itertools

import pytest
from rest_framework.test import APIClient

from cadre.advising.models import (
    Advisor,
    Assessment,
    CapabilityObjective,
    Engagement,
    RatingLevel,
    RatingScale,
)
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save
from cadre.missions.models import Mission, Organisation, ReportingLine

_numbers = itertools.count(1)


def _org(key, kind, **values):
    return save(Organisation(key=key, name=key.upper(), kind=kind, **values), user=OPERATOR)


def _line(unit, superior, relation):
    return save(
        ReportingLine(
            key=f"rl-{unit.key}-{superior.key}",
            unit=unit,
            superior=superior,
            relation=relation,
            start=datetime.date(2004, 1, 1),
        ),
        user=OPERATOR,
    )


@pytest.fixture
def world(db):
    """mission, teams a and b, ministry -> centre_a (advised by a), centre_b (advised by b)."""
    from cadre.accounts.models import Nation

    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    nato = _org("nato", Organisation.Kind.ALLIANCE)
    mission = save(
        Mission(
            parent_organisation=nato,
            host_nation=iraq,
            key="m",
            name="Mission",
            short_name="M",
            start=datetime.date(2004, 7, 30),
            status=Mission.Status.ACTIVE,
        ),
        user=OPERATOR,
    )
    team_a = _org("team-a", Organisation.Kind.TEAM, mission=mission)
    team_b = _org("team-b", Organisation.Kind.TEAM, mission=mission)
    ministry = _org("ministry", Organisation.Kind.MINISTRY)
    centre_a = _org("centre-a", Organisation.Kind.INSTITUTION)
    centre_b = _org("centre-b", Organisation.Kind.INSTITUTION)
    for centre in (centre_a, centre_b):
        _line(centre, ministry, ReportingLine.Relation.COMMAND)
    _line(centre_a, team_a, ReportingLine.Relation.ADVICE)
    _line(centre_b, team_b, ReportingLine.Relation.ADVICE)
    scale = save(RatingScale(key="cm", name="CM", mission=mission), user=OPERATOR)
    levels = [
        save(
            RatingLevel(
                key=f"cm{5 - rank}", scale=scale, rank=rank, short_name=f"CM{5 - rank}", name=n
            ),
            user=OPERATOR,
        )
        for rank, n in enumerate(["forming", "partly", "with help", "alone"], start=1)
    ]
    return {
        "mission": mission,
        "team_a": team_a,
        "team_b": team_b,
        "ministry": ministry,
        "centre_a": centre_a,
        "centre_b": centre_b,
        "scale": scale,
        "levels": levels,
    }


@pytest.fixture
def advisor_user(make_user, world):
    """A user of role advisor, named by an advisor of team a."""
    user = make_user(Role.ADVISOR)
    save(
        Advisor(key="adv-a", team=world["team_a"], name="A. Rossi", username=user.username),
        user=OPERATOR,
    )
    return user


@pytest.fixture
def advisor_b(world):
    return save(Advisor(key="adv-b", team=world["team_b"], name="B. Novak"), user=OPERATOR)


@pytest.fixture
def make_engagement(world):
    def make(team="team_a", **values):
        values = {
            "key": f"eng-{next(_numbers)}",
            "team": world[team],
            "held_on": datetime.date(2006, 5, 1),
            "topic": "Watch-keeping",
            **values,
        }
        return save(Engagement(**values), user=OPERATOR)

    return make


@pytest.fixture
def make_objective(world):
    def make(institution="centre_a", **values):
        values = {
            "key": f"obj-{next(_numbers)}",
            "mission": world["mission"],
            "scale": world["scale"],
            "institution": world[institution],
            "title": "Runs its operations",
            **values,
        }
        return save(CapabilityObjective(**values), user=OPERATOR)

    return make


@pytest.fixture
def make_assessment(world, advisor_user, make_objective):
    objectives = {}

    def make(institution="centre_a", rank=1, on=datetime.date(2006, 1, 1), approve=False):
        if institution not in objectives:
            objectives[institution] = make_objective(institution)
        assessor = Advisor.objects.get(key="adv-a")
        assessment = save(
            Assessment(
                key=f"as-{next(_numbers)}",
                objective=objectives[institution],
                assessed_on=on,
                level=world["levels"][rank - 1],
                evidence="Seen on a visit.",
                assessor=assessor,
            ),
            user=OPERATOR,
        )
        if approve:
            from cadre.core.services import service_for

            assessment = service_for(Assessment).approve(assessment, user=OPERATOR, on=on)
        return assessment

    return make


@pytest.fixture
def api_as(make_user):
    def client(role=None, user=None):
        api = APIClient()
        api.force_authenticate(user or make_user(role))
        return api

    return client
