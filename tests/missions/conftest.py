"""A small mission record built with the ORM, so these tests do not depend on the dataset."""

import datetime

import pytest

from cadre.accounts.models import Nation
from cadre.missions.models import Mandate, Mission, Organisation
from cadre.sources.models import Source


@pytest.fixture
def source(db):
    return Source.objects.create(key="test-page", title="A test page", publisher="NATO")


@pytest.fixture
def mission(db):
    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    alliance = Organisation.objects.create(key="alliance", name="The Alliance", kind="alliance")
    mission = Mission.objects.create(
        key="tm",
        name="Training Mission",
        name_ar="بعثة التدريب",
        short_name="TM",
        parent_organisation=alliance,
        host_nation=iraq,
        start=datetime.date(2004, 7, 30),
        end=datetime.date(2011, 12, 31),
        status=Mission.Status.ENDED,
        end_reason="The agreement ran out.",
    )
    Organisation.objects.create(
        key="tm-hq", name="TM headquarters", kind="mission_hq", mission=mission
    )
    return mission


@pytest.fixture
def agreement(mission, source):
    mandate = Mandate.objects.create(
        key="tm-lta",
        mission=mission,
        kind=Mandate.Kind.LEGAL_STATUS_AGREEMENT,
        reference="Agreement of 26 July 2009",
        title="Legal status of the trainers",
        signed_on=datetime.date(2009, 7, 26),
        valid_from=datetime.date(2009, 7, 26),
        valid_until=datetime.date(2011, 12, 31),
        governs_presence=True,
        extended=False,
        outcome="Not extended; the mission left.",
    )
    mandate.sources.add(source)
    return mandate
