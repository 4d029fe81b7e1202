"""Every write path calls the object type's service.

The probe type Seat (tests/cadre_probe) has a rule that only its service enforces: a
briefing has no more seats than its capacity. Neither the model nor its form knows the
rule, so a path that saved on its own would let a third seat into a briefing of two.
Each path is tried twice: with a seat free (the write goes through) and with the
briefing full (the write is refused and nothing is kept).
"""

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.core import services
from cadre.core.roles import Role
from cadre.dataset.io import DatasetError, load_dataset
from cadre_probe.models import Briefing, Receipt, Seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefing():
    """A briefing with two seats, one of them taken."""
    briefing = services.save(
        Briefing(key="b1", title="Force protection", capacity=2), user=services.OPERATOR
    )
    services.save(Seat(key="seat-1", briefing=briefing, holder="First"), user=services.OPERATOR)
    return briefing


def fill(briefing):
    services.save(Seat(key="seat-2", briefing=briefing, holder="Second"), user=services.OPERATOR)


def seats(briefing):
    return sorted(Seat.objects.filter(briefing=briefing).values_list("key", flat=True))


@pytest.fixture
def staff(client, make_user):
    client.force_login(make_user(Role.MISSION_STAFF))
    return client


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMIN))
    return client


def write_by_page(client, briefing):
    data = {"key": "seat-3", "briefing": briefing.pk, "holder": "Third"}
    return client.post("/record/probe-seats/add/", data).status_code


def write_by_api(client, briefing):
    api = APIClient()
    api.force_login(_user_of(client))
    body = {"key": "seat-3", "briefing": briefing.key, "holder": "Third"}
    return api.post("/api/probe-seats/", body, format="json").status_code


def write_by_import(client, briefing):
    upload = SimpleUploadedFile(
        "seats.csv", f"key,briefing,holder\nseat-3,{briefing.key},Third\n".encode()
    )
    preview = client.post("/record/probe-seats/import/", {"file": upload})
    if preview.status_code != 200:
        return preview.status_code
    token = preview.context["token"]
    return client.post(f"/record/probe-seats/import/{token}/").status_code


def write_by_dataset(client, briefing, tmp_path):
    rows = [{"key": "seat-3", "briefing": briefing.key, "holder": "Third"}]
    (tmp_path / "probe-seats.yaml").write_text(yaml.safe_dump(rows))
    try:
        load_dataset(tmp_path)
    except DatasetError:
        return "refused"
    return "loaded"


def write_by_admin(client, briefing):
    data = {"key": "seat-3", "briefing": briefing.pk, "holder": "Third", "_save": "Save"}
    return client.post("/admin/probe/seat/add/", data).status_code


def _user_of(client):
    from django.contrib.auth import get_user_model

    session = client.session
    return get_user_model().objects.get(pk=session["_auth_user_id"])


def test_a_page_enrols_while_a_seat_is_free(staff, briefing):
    assert write_by_page(staff, briefing) == 302
    assert seats(briefing) == ["seat-1", "seat-3"]


def test_a_page_is_refused_a_seat_in_a_full_briefing(staff, briefing):
    fill(briefing)

    response = staff.post(
        "/record/probe-seats/add/", {"key": "seat-3", "briefing": briefing.pk, "holder": "Third"}
    )

    assert response.status_code == 409
    assert "no free seat" in response.content.decode()
    assert seats(briefing) == ["seat-1", "seat-2"]


def test_the_api_enrols_while_a_seat_is_free(staff, briefing):
    assert write_by_api(staff, briefing) == 201
    assert seats(briefing) == ["seat-1", "seat-3"]


def test_the_api_answers_409_for_a_full_briefing(staff, briefing):
    fill(briefing)
    api = APIClient()
    api.force_login(_user_of(staff))

    response = api.post(
        "/api/probe-seats/",
        {"key": "seat-3", "briefing": briefing.key, "holder": "Third"},
        format="json",
    )

    assert response.status_code == 409
    assert "no free seat" in response.json()["detail"]
    assert seats(briefing) == ["seat-1", "seat-2"]


def test_the_api_may_not_move_a_seat_into_a_full_briefing(staff, briefing):
    fill(briefing)
    other = services.save(Briefing(key="b2", title="Medical", capacity=1), user=services.OPERATOR)
    services.save(Seat(key="seat-9", briefing=other, holder="Ninth"), user=services.OPERATOR)
    api = APIClient()
    api.force_login(_user_of(staff))

    response = api.patch("/api/probe-seats/seat-9/", {"briefing": "b1"}, format="json")

    assert response.status_code == 409
    assert Seat.objects.get(key="seat-9").briefing == other


def test_an_import_enrols_while_a_seat_is_free(staff, briefing):
    assert write_by_import(staff, briefing) == 302
    assert seats(briefing) == ["seat-1", "seat-3"]


def test_an_import_is_refused_a_seat_in_a_full_briefing_naming_the_row(staff, briefing):
    fill(briefing)
    upload = SimpleUploadedFile("seats.csv", b"key,briefing,holder\nseat-3,b1,Third\n")

    response = staff.post("/record/probe-seats/import/", {"file": upload})

    assert response.status_code == 400
    errors = response.context["report"].errors
    assert any(e.startswith("row 2") and "no free seat" in e for e in errors), errors
    assert seats(briefing) == ["seat-1", "seat-2"]


def test_a_dataset_load_fills_a_free_seat(briefing, tmp_path):
    assert write_by_dataset(None, briefing, tmp_path) == "loaded"
    assert seats(briefing) == ["seat-1", "seat-3"]


def test_a_dataset_load_is_refused_a_seat_in_a_full_briefing(briefing, tmp_path):
    fill(briefing)

    with pytest.raises(DatasetError, match="no free seat"):
        rows = [{"key": "seat-3", "briefing": "b1", "holder": "Third"}]
        (tmp_path / "probe-seats.yaml").write_text(yaml.safe_dump(rows))
        load_dataset(tmp_path)

    assert seats(briefing) == ["seat-1", "seat-2"]


def test_the_admin_enrols_while_a_seat_is_free(admin_client, briefing):
    assert write_by_admin(admin_client, briefing) == 302
    assert seats(briefing) == ["seat-1", "seat-3"]


def test_the_admin_is_refused_a_seat_in_a_full_briefing(admin_client, briefing):
    fill(briefing)

    response = admin_client.post(
        "/admin/probe/seat/add/",
        {"key": "seat-3", "briefing": briefing.pk, "holder": "Third", "_save": "Save"},
        follow=True,
    )

    assert "no free seat" in response.content.decode()
    assert seats(briefing) == ["seat-1", "seat-2"]


# Date precision on every path ------------------------------------------------------


def test_the_api_stores_a_month_date_as_that_month(staff):
    api = APIClient()
    api.force_login(_user_of(staff))

    response = api.post(
        "/api/probe-briefings/",
        {
            "key": "b-dec",
            "title": "December",
            "capacity": 3,
            "held_on": "2008-12-16",
            "held_on_precision": "month",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["held_on"] == "2008-12-01"
    assert str(Briefing.objects.get(key="b-dec").held_on) == "2008-12-01"


def test_an_edit_form_stores_a_year_date_as_that_year_and_shows_it(staff, briefing):
    data = {
        "key": "b1",
        "title": "Force protection",
        "capacity": 2,
        "held_on": "2008-12-16",
        "held_on_precision": "year",
    }

    response = staff.post(f"/record/probe-briefings/{briefing.pk}/edit/", data)

    assert response.status_code == 302
    briefing.refresh_from_db()
    assert str(briefing.held_on) == "2008-01-01"
    page = staff.get(f"/record/probe-briefings/{briefing.pk}/").content.decode()
    assert "2008" in page and "16" not in page.split("2008")[0][-20:]


# A type closed to the generic writes ------------------------------------------------


def test_a_closed_type_refuses_generic_writes_on_every_path(staff, admin_client, briefing):
    api = APIClient()
    api.force_login(_user_of(staff))

    assert api.post("/api/probe-receipts/", {"key": "r"}, format="json").status_code == 405
    assert staff.get("/record/probe-receipts/add/").status_code == 404
    assert staff.get("/record/probe-receipts/import/").status_code == 404
    assert admin_client.get("/admin/probe/receipt/add/").status_code == 403
    assert not Receipt.objects.exists()


def test_the_admin_refuses_to_delete_a_record_of_a_closed_type(admin_client, briefing, make_user):
    receipt = services.service_for(Receipt).issue(
        user=make_user(Role.MISSION_STAFF), briefing=briefing
    )

    response = admin_client.post(f"/admin/probe/receipt/{receipt.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert Receipt.objects.filter(pk=receipt.pk).exists()


def test_a_closed_type_is_written_by_its_service_action(briefing, make_user):
    service = services.service_for(Receipt)

    receipt = service.issue(user=make_user(Role.MISSION_STAFF), briefing=briefing)

    assert Receipt.objects.get(pk=receipt.pk).key == "receipt-b1"


# The audit entry the service writes ------------------------------------------------


def test_the_service_records_one_entry_with_related_keys_and_names(briefing, make_user):
    topic = services.save(
        Briefing(key="b-topic", title="Rules of engagement", capacity=5), user=services.OPERATOR
    )
    seat = Seat(key="seat-3", briefing=briefing, holder="Third")

    services.save(seat, user=make_user(Role.MISSION_STAFF), many={"topics": [topic]})

    entries = ChangeRecord.objects.filter(object_id=str(seat.pk), object_repr__contains="Third")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.action == ChangeAction.CREATE
    assert entry.after["topics"] == [{"key": "b-topic", "name": "Rules of engagement"}]
    assert entry.after["holder"] == "Third"


def test_a_refused_write_leaves_no_audit_entry(briefing, make_user):
    fill(briefing)
    writer = make_user(Role.MISSION_STAFF)
    before = ChangeRecord.objects.count()

    with pytest.raises(services.RecordConflict):
        services.save(Seat(key="seat-3", briefing=briefing, holder="Third"), user=writer)

    assert ChangeRecord.objects.count() == before
