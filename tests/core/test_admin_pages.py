"""The admin's lists count no further than the cap, as every other list does."""

import pytest

from cadre.core import paging
from cadre.core.roles import Role
from cadre.missions.models import Location

pytestmark = pytest.mark.django_db


def test_the_admin_list_counts_up_to_the_cap_only(client_as, records, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 5)
    records.create_many(Location, 8)

    response = client_as(Role.ADMIN).get("/admin/missions/location/")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 5
    assert response.context["cl"].paginator.num_pages == 1


def test_the_admin_list_shows_records_and_searches(client_as, records):
    location = records.create(Location)

    response = client_as(Role.ADMIN).get("/admin/missions/location/", {"q": location.name})

    assert response.status_code == 200
    assert location.name in response.content.decode()
