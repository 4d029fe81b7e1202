"""No change is lost to another made at the same time or since the writer read the record.

Every record keeps a version. The service saves a change only to the version the writer
read, and adds one; the API names the version in an ETag and honours If-Match; the edit
page and the admin carry the version the form was opened at. The probe type Briefing
(tests/cadre_probe) is written by the generic service, as most types are.
"""

import re
import threading

import pytest
from django.db import connections
from rest_framework.test import APIClient

from cadre.accounts.services import api_token_create
from cadre.audit.context import Actor, acting_as
from cadre.core import imports, registry, services
from cadre.core.roles import Role
from cadre_probe.models import Briefing

pytestmark = pytest.mark.django_db

URL = "/api/probe-briefings/{}/"


@pytest.fixture
def briefing():
    return services.save(
        Briefing(key="b1", title="Force protection", capacity=20), user=services.OPERATOR
    )


@pytest.fixture
def staff(make_user):
    return make_user(Role.MISSION_STAFF)


@pytest.fixture
def other_writer(make_user):
    """Another member of the mission staff, who changes the record in between."""
    return make_user(Role.MISSION_STAFF)


def api_client(user):
    _token, key = api_token_create(user=user, name="tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def change_meanwhile(briefing, user, **values):
    """What another writer saves after the record was read: by a page of theirs, say."""
    record = Briefing.objects.get(pk=briefing.pk)
    for name, value in values.items():
        setattr(record, name, value)
    with acting_as(Actor(channel="web", user=user)):
        return services.save(record, user=user)


# The service ------------------------------------------------------------------------


def test_every_saved_change_adds_one_to_the_version(briefing, staff):
    assert briefing.version == 1

    briefing.title = "Counter-IED"
    services.save(briefing, user=staff)

    assert briefing.version == 2
    assert Briefing.objects.get(pk=briefing.pk).version == 2


def test_the_service_refuses_a_change_to_an_older_version(briefing, staff, other_writer):
    read = Briefing.objects.get(pk=briefing.pk)
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    read.capacity = 30
    with pytest.raises(services.StaleRecord) as refused:
        services.save(read, user=staff)

    stored = Briefing.objects.get(pk=briefing.pk)
    assert (stored.title, stored.capacity, stored.version) == ("Counter-IED", 20, 2)
    assert refused.value.changed_by == other_writer.username
    assert other_writer.username in refused.value.message
    assert read.version == 1  # still what the writer read


def test_the_service_refuses_to_delete_an_older_version(briefing, staff, other_writer):
    read = Briefing.objects.get(pk=briefing.pk)
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    with pytest.raises(services.StaleRecord):
        services.delete(read, user=staff)

    assert Briefing.objects.filter(pk=briefing.pk).exists()


def test_a_batch_write_adds_one_to_each_version_and_refuses_the_stale(briefing, other_writer):
    second = services.save(Briefing(key="b2", title="Medical", capacity=5), user=services.OPERATOR)
    read = list(Briefing.objects.order_by("key"))
    change_meanwhile(second, other_writer, capacity=6)
    for record in read:
        record.title += " (revised)"

    failures = services.service_for(Briefing).save_many(
        [services.Entry(record) for record in read], user=services.OPERATOR
    )

    assert list(failures) == [1]
    assert isinstance(failures[1], services.StaleRecord)
    stored = {b.key: (b.title, b.version) for b in Briefing.objects.all()}
    assert stored == {"b1": ("Force protection (revised)", 2), "b2": ("Medical", 2)}


def test_a_change_made_by_an_import_is_named_by_its_importer(briefing, staff, tmp_path):
    importer = staff
    read = Briefing.objects.get(pk=briefing.pk)
    path = tmp_path / "briefings.csv"
    path.write_text("key,title,capacity\nb1,Force protection,25\n")
    with acting_as(Actor(channel="web", user=importer)):
        report = imports.import_file(
            registry.get("probe-briefings"), importer, path, file_name="b.csv", commit=True
        )
    assert (report.changed, report.errors) == (1, [])

    read.title = "Counter-IED"
    with pytest.raises(services.StaleRecord) as refused:
        services.save(read, user=services.OPERATOR)

    assert refused.value.changed_by == importer.username


# The API ----------------------------------------------------------------------------


def test_the_api_names_the_version_in_an_etag(briefing, staff):
    response = api_client(staff).get(URL.format(briefing.key))

    assert response.status_code == 200
    assert response["ETag"] == f'"probe-briefings.{briefing.pk}.1"'


def test_a_change_with_the_current_etag_is_made_and_the_etag_changes(briefing, staff):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]

    response = client.patch(
        URL.format(briefing.key), {"capacity": 30}, format="json", HTTP_IF_MATCH=etag
    )

    assert response.status_code == 200, response.json()
    assert response["ETag"] != etag
    assert response["ETag"] == client.get(URL.format(briefing.key))["ETag"]
    assert Briefing.objects.get(pk=briefing.pk).capacity == 30


def test_a_change_with_an_old_etag_is_refused_and_the_newer_change_kept(
    briefing, staff, other_writer
):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    response = client.put(
        URL.format(briefing.key),
        {"key": "b1", "title": "Force protection", "capacity": 30},
        format="json",
        HTTP_IF_MATCH=etag,
    )

    assert response.status_code == 412
    body = response.json()
    assert body["changed_by"] == other_writer.username
    assert body["changed_at"] is not None
    assert body["version"] == 2
    assert f"changed by {other_writer.username} at " in body["detail"]
    assert response["ETag"] == body["etag"] == f'"probe-briefings.{briefing.pk}.2"'
    stored = Briefing.objects.get(pk=briefing.pk)
    assert (stored.title, stored.capacity) == ("Counter-IED", 20)


def test_an_old_etag_is_refused_before_the_values_are_read(briefing, staff, other_writer):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    response = client.patch(
        URL.format(briefing.key), {"capacity": "many"}, format="json", HTTP_IF_MATCH=etag
    )

    assert response.status_code == 412


def test_a_delete_with_an_old_etag_is_refused(briefing, staff, other_writer):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    response = client.delete(URL.format(briefing.key), HTTP_IF_MATCH=etag)

    assert response.status_code == 412
    assert Briefing.objects.filter(pk=briefing.pk).exists()


def test_a_delete_with_the_current_etag_is_made(briefing, staff):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]

    response = client.delete(URL.format(briefing.key), HTTP_IF_MATCH=etag)

    assert response.status_code == 204
    assert not Briefing.objects.filter(pk=briefing.pk).exists()


def test_if_match_star_and_a_weakened_etag_match_the_current_version(briefing, staff):
    client = api_client(staff)
    etag = client.get(URL.format(briefing.key))["ETag"]

    weakened = client.patch(
        URL.format(briefing.key), {"capacity": 30}, format="json", HTTP_IF_MATCH=f"W/{etag}"
    )
    star = client.patch(
        URL.format(briefing.key), {"capacity": 31}, format="json", HTTP_IF_MATCH="*"
    )

    assert (weakened.status_code, star.status_code) == (200, 200)
    assert Briefing.objects.get(pk=briefing.pk).capacity == 31


def test_the_schema_documents_etag_if_match_and_412(client_as):
    schema = client_as(Role.AUDITOR).get("/api/schema/", {"format": "json"}).json()
    detail = schema["paths"]["/api/probe-briefings/{key}/"]

    for method in ("put", "patch", "delete"):
        headers = [p["name"] for p in detail[method]["parameters"] if p["in"] == "header"]
        assert headers == ["If-Match"], method
        assert "412" in detail[method]["responses"], method
    for method in ("get", "put", "patch"):
        assert "ETag" in detail[method]["responses"]["200"]["headers"], method
    stale = schema["components"]["schemas"]["StaleError"]["properties"]
    assert {"detail", "changed_by", "changed_at", "version", "etag"} <= stale.keys()


def patch_at_once(clients, url, changes) -> list[int]:
    """Send each client's change to `url` from a thread of its own, all at the same moment;
    the status of each answer, in the order of `clients`."""
    start = threading.Barrier(len(clients))
    statuses = [None] * len(clients)

    def patch(index):
        try:
            start.wait()
            statuses[index] = clients[index].patch(url, changes[index], format="json").status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=patch, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.skipif(
    connections["default"].vendor == "sqlite",
    reason="SQLite's test database is in memory, shared between connections by a shared cache "
    "whose table locks fail at once (SQLITE_LOCKED) rather than wait; on a SQLite file a "
    "transaction takes the write lock when it begins, so two writers never interleave.",
)
@pytest.mark.django_db(transaction=True)
def test_two_changes_sent_at_once_both_survive(make_user):
    """Two PATCHes of different fields of one record, sent at the same moment over two
    connections: each is made to the record as the other left it, round after round."""
    clients = [api_client(make_user(Role.MISSION_STAFF)) for _ in range(2)]
    for number in range(10):
        briefing = services.save(
            Briefing(key=f"round-{number}", title="Before", capacity=1), user=services.OPERATOR
        )
        changes = [{"title": f"After {number}"}, {"capacity": 100 + number}]

        statuses = patch_at_once(clients, URL.format(briefing.key), changes)

        stored = Briefing.objects.get(pk=briefing.pk)
        assert statuses == [200, 200], number
        assert (stored.title, stored.capacity) == (f"After {number}", 100 + number), number
        assert stored.version == 3, number


# The edit page and the admin ----------------------------------------------------------


def test_the_edit_page_refuses_a_form_opened_before_another_change(
    briefing, client, staff, other_writer
):
    client.force_login(staff)
    url = f"/record/probe-briefings/{briefing.pk}/edit/"
    opened = client.get(url)
    assert f'name="opened_version" value="{briefing.version}"' in opened.content.decode()
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    response = client.post(
        url,
        {
            "key": "b1",
            "title": "Force protection",
            "capacity": 30,
            "held_on_precision": "day",
            "opened_version": briefing.version,
        },
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert re.search(rf"was changed by {other_writer.username} at .+ since you opened it", page)
    stored = Briefing.objects.get(pk=briefing.pk)
    assert (stored.title, stored.capacity, stored.version) == ("Counter-IED", 20, 2)


def test_the_edit_page_saves_a_form_of_the_current_version(briefing, client, staff):
    client.force_login(staff)

    response = client.post(
        f"/record/probe-briefings/{briefing.pk}/edit/",
        {
            "key": "b1",
            "title": "Counter-IED",
            "capacity": 20,
            "held_on_precision": "day",
            "opened_version": 1,
        },
    )

    assert response.status_code == 302
    assert Briefing.objects.get(pk=briefing.pk).version == 2


def test_the_admin_refuses_a_form_opened_before_another_change(
    briefing, client, make_user, other_writer
):
    client.force_login(make_user(Role.ADMIN))
    url = f"/admin/probe/briefing/{briefing.pk}/change/"
    assert 'name="opened_version"' in client.get(url).content.decode()
    change_meanwhile(briefing, other_writer, title="Counter-IED")

    response = client.post(
        url,
        {
            "key": "b1",
            "title": "Force protection",
            "capacity": 30,
            "held_on_precision": "day",
            "opened_version": 1,
            "_save": "Save",
        },
        follow=True,
    )

    assert f"changed by {other_writer.username}" in response.content.decode()
    stored = Briefing.objects.get(pk=briefing.pk)
    assert (stored.title, stored.capacity, stored.version) == ("Counter-IED", 20, 2)
