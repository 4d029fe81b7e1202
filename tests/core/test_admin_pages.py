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


def delete_confirmation(client, source):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/sources/source/{source.pk}/delete/")
    assert response.status_code == 200
    return response, len(queries)


def test_a_delete_confirmation_counts_what_goes_with_a_record_and_names_only_the_first(
    client_as, records, monkeypatch
):
    from cadre.core import admin as cadre_admin
    from cadre.missions.models import TimelineEvent
    from cadre.sources.models import Source

    monkeypatch.setattr(cadre_admin, "DELETION_LISTED", 3)
    client = client_as(Role.ADMIN)
    few, many = records.create(Source), records.create(Source)
    for source, count in ((few, 2), (many, 40)):
        for event in records.create_many(TimelineEvent, count):
            event.sources.add(source)

    response, queries_for_few = delete_confirmation(client, few)
    response, queries_for_many = delete_confirmation(client, many)

    links = TimelineEvent.sources.through._meta.verbose_name_plural
    assert dict(response.context["model_count"])[links] == 40
    listed = response.context["deleted_objects"]
    assert len(listed) == 4 and listed[-1] == "… and 38 more, counted below."
    assert queries_for_many == queries_for_few  # the links are counted, not fetched

    response = client.post(f"/admin/sources/source/{many.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Source.objects.filter(pk=many.pk).exists()
    assert TimelineEvent.sources.through.objects.filter(source_id=many.pk).count() == 0
