"""Deliveries through the API and pages: Idempotency-Key creates, the recipient's
confirmation, receipts uploaded as multipart and read only by the delivery's readers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from rest_framework.test import APIClient

from cadre.accounts.services import api_token_create
from cadre.coordination.models import Delivery, Requirement
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, OutsideScope, save, service_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def requirement(make_requirement):
    return make_requirement(quantity=10)


@pytest.fixture
def match(requirement, make_offer, make_match):
    return make_match(make_offer(quantity=10), requirement, 10)


@pytest.fixture
def delivery(match):
    return save(
        Delivery(
            match=match,
            quantity=4,
            delivered_on=datetime.date(2027, 4, 1),
            received_by="Academy liaison",
        ),
        user=OPERATOR,
    )


def body(match, quantity=4, received_by="Academy liaison"):
    return {
        "match": match.key,
        "quantity": quantity,
        "delivered_on": "2027-04-01",
        "received_by": received_by,
    }


def test_a_retried_create_with_the_same_key_makes_one_delivery(api_as, match):
    api = api_as(Role.COORDINATION_CELL)

    first = api.post("/api/deliveries/", body(match), format="json", HTTP_IDEMPOTENCY_KEY="d-1")
    again = api.post("/api/deliveries/", body(match), format="json", HTTP_IDEMPOTENCY_KEY="d-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Delivery.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(api_as, match):
    api = api_as(Role.COORDINATION_CELL)
    api.post("/api/deliveries/", body(match), format="json", HTTP_IDEMPOTENCY_KEY="d-2")

    other = api.post(
        "/api/deliveries/", body(match, quantity=2), format="json", HTTP_IDEMPOTENCY_KEY="d-2"
    )

    assert other.status_code == 409
    assert Delivery.objects.count() == 1


def test_an_api_delivery_beyond_the_match_is_refused_with_409(api_as, match):
    api = api_as(Role.COORDINATION_CELL)

    answer = api.post("/api/deliveries/", body(match, quantity=11), format="json")

    assert answer.status_code == 409
    assert "still owes 10" in answer.json()["detail"]


def test_an_api_delivery_moves_the_requirement(api_as, match, requirement):
    api_as(Role.COORDINATION_CELL).post("/api/deliveries/", body(match, 10), format="json")

    requirement.refresh_from_db()
    assert requirement.status == Requirement.Status.MET


def test_the_host_liaison_confirms_through_the_api(api_as, delivery):
    answer = api_as(Role.HOST_LIAISON).post(
        f"/api/deliveries/{delivery.key}/confirm/", {"on": "2027-04-03"}, format="json"
    )

    assert answer.status_code == 200
    assert answer.json()["confirmed_by_recipient"] is True
    assert answer.json()["confirmed_on"] == "2027-04-03"


def test_a_nation_contributor_may_not_confirm(api_as, delivery):
    answer = api_as(Role.NATION_CONTRIBUTOR).post(
        f"/api/deliveries/{delivery.key}/confirm/", {}, format="json"
    )

    assert answer.status_code == 403
    assert not Delivery.objects.get(pk=delivery.pk).confirmed_by_recipient


def test_a_receipt_is_uploaded_as_multipart_and_read_back(api_as, client_as, delivery):
    upload = SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf")

    answer = api_as(Role.NATION_CONTRIBUTOR).post(
        f"/api/deliveries/{delivery.key}/receipt/", {"receipt": upload}, format="multipart"
    )

    assert answer.status_code == 200, answer.json()
    address = f"/coordination/deliveries/{delivery.key}/receipt/"
    assert answer.json()["receipt"].endswith(address)
    download = client_as(Role.COORDINATION_CELL).get(address)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_another_nations_user_may_not_read_the_receipt(api_as, client_as, delivery, other_nation):
    upload = SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf")
    api_as(Role.COORDINATION_CELL).post(
        f"/api/deliveries/{delivery.key}/receipt/", {"receipt": upload}, format="multipart"
    )

    stranger = client_as(Role.NATION_CONTRIBUTOR, other_nation)
    answer = stranger.get(f"/coordination/deliveries/{delivery.key}/receipt/")

    assert answer.status_code == 404
    own = client_as(Role.NATION_CONTRIBUTOR)
    assert own.get(f"/coordination/deliveries/{delivery.key}/receipt/").status_code == 200


def test_another_nations_user_may_not_upload_a_receipt(api_as, delivery, other_nation):
    upload = SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf")

    answer = api_as(Role.NATION_CONTRIBUTOR, other_nation).post(
        f"/api/deliveries/{delivery.key}/receipt/", {"receipt": upload}, format="multipart"
    )

    assert answer.status_code == 404
    assert not Delivery.objects.get(pk=delivery.pk).receipt


def test_a_receipt_that_is_not_a_pdf_or_picture_is_refused(api_as, delivery):
    upload = SimpleUploadedFile(
        "receipt.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )

    answer = api_as(Role.COORDINATION_CELL).post(
        f"/api/deliveries/{delivery.key}/receipt/", {"receipt": upload}, format="multipart"
    )

    assert answer.status_code == 400
    assert "PDF, PNG or JPEG" in str(answer.json())


def test_a_receipt_over_the_size_limit_is_refused(api_as, delivery, settings):
    settings.RECEIPT_MAX_BYTES = 20
    upload = SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf")

    answer = api_as(Role.COORDINATION_CELL).post(
        f"/api/deliveries/{delivery.key}/receipt/", {"receipt": upload}, format="multipart"
    )

    assert answer.status_code == 400
    assert not Delivery.objects.get(pk=delivery.pk).receipt


def test_the_page_uploads_a_receipt_and_the_recipient_confirms(client_as, delivery):
    liaison = client_as(Role.HOST_LIAISON)
    upload = SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)

    liaison.post(f"/coordination/deliveries/{delivery.key}/receipt/", {"receipt": upload})
    liaison.post(f"/coordination/deliveries/{delivery.key}/confirm/")

    delivery.refresh_from_db()
    assert delivery.receipt.name.endswith("scan.png")
    assert delivery.confirmed_by_recipient
    page = liaison.get(f"/record/deliveries/{delivery.pk}/")
    assert "Download the receipt" in page.content.decode()


def with_token(make_user, role, nation_obj=None):
    """An API client that signs in as an outside system does: with an API token alone."""
    user = make_user(role, nation_obj)
    _token, key = api_token_create(user=user, name="reporting system")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def add_receipt(delivery, name="receipt.pdf", content=PDF):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return service_for(Delivery).attach_receipt(delivery, user=OPERATOR, upload=upload)


def test_a_receipt_is_downloaded_with_an_api_token(make_user, delivery):
    add_receipt(delivery)

    answer = with_token(make_user, Role.NATION_CONTRIBUTOR).get(
        f"/api/deliveries/{delivery.key}/receipt/"
    )

    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PDF
    assert answer["Content-Disposition"].startswith("attachment")


def test_another_nations_token_may_not_download_the_receipt(make_user, delivery, other_nation):
    add_receipt(delivery)

    answer = with_token(make_user, Role.NATION_CONTRIBUTOR, other_nation).get(
        f"/api/deliveries/{delivery.key}/receipt/"
    )

    assert answer.status_code == 404


def test_a_delivery_without_a_receipt_has_none_to_download(make_user, delivery):
    answer = with_token(make_user, Role.COORDINATION_CELL).get(
        f"/api/deliveries/{delivery.key}/receipt/"
    )

    assert answer.status_code == 404


def test_deleting_a_delivery_removes_its_receipt_once_committed(
    delivery, media_root, django_capture_on_commit_callbacks
):
    stored = media_root / add_receipt(delivery).receipt.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        service_for(Delivery).delete(Delivery.objects.get(pk=delivery.pk), user=OPERATOR)

    assert not stored.exists()


def test_a_deletion_rolled_back_keeps_the_receipt(delivery, media_root):
    stored = media_root / add_receipt(delivery).receipt.name

    with pytest.raises(RuntimeError), transaction.atomic():
        service_for(Delivery).delete(Delivery.objects.get(pk=delivery.pk), user=OPERATOR)
        raise RuntimeError("the caller's transaction fails after the deletion")

    assert stored.exists() and Delivery.objects.filter(pk=delivery.pk).exists()


def test_a_delivery_refused_after_its_receipt_was_stored_leaves_no_file(
    match, make_user, other_nation, media_root
):
    stranger = make_user(Role.NATION_CONTRIBUTOR, other_nation)
    delivery = Delivery(
        match=match,
        quantity=4,
        delivered_on=datetime.date(2027, 4, 1),
        received_by="Academy liaison",
        receipt=SimpleUploadedFile("receipt.pdf", PDF, content_type="application/pdf"),
    )

    # The row and its file are written before the scope check finds the match another
    # nation's: the write fails after the file was stored.
    with pytest.raises(OutsideScope):
        save(delivery, user=stranger)

    assert delivery.receipt.name.startswith(f"receipts/{delivery.key}/")
    assert not Delivery.objects.exists()
    assert not list(media_root.rglob("*.pdf"))


def test_a_receipt_given_with_a_new_delivery_meets_the_receipt_rule(match, media_root):
    """A delivery saved with its receipt (as code or an import could) is checked as one
    attached through the receipt action: a file that is no PDF, PNG or JPEG is refused and
    nothing is kept."""
    delivery = Delivery(
        match=match,
        quantity=4,
        delivered_on=datetime.date(2027, 4, 1),
        received_by="Academy liaison",
        receipt=SimpleUploadedFile("receipt.pdf", b"#!/bin/sh\necho not a receipt\n"),
    )

    with pytest.raises(ValidationError) as refused:
        save(delivery, user=OPERATOR)

    assert "PDF, PNG or JPEG" in str(refused.value)
    assert not Delivery.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]

    delivery.receipt = SimpleUploadedFile("receipt.pdf", PDF)
    saved = save(delivery, user=OPERATOR)
    assert saved.receipt.name.endswith(".pdf")


@pytest.fixture
def receipt_updates_refused():
    """The database refuses to change a delivery's receipt, as a failing disk or a lost
    connection would at the worst moment: after the file was stored."""
    table = Delivery._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION refuse_receipt() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'receipt refused'; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_receipt BEFORE UPDATE OF receipt ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_receipt()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER refuse_receipt BEFORE UPDATE OF receipt ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'receipt refused'); END"
            )


def test_a_receipt_whose_write_fails_leaves_no_file(delivery, media_root, receipt_updates_refused):
    with pytest.raises(DatabaseError):
        add_receipt(delivery, "scan.pdf")

    assert not Delivery.objects.get(pk=delivery.pk).receipt
    assert not list(media_root.rglob("*.pdf"))


def test_a_replaced_receipt_is_removed_once_committed(
    delivery, media_root, django_capture_on_commit_callbacks
):
    first = media_root / add_receipt(delivery).receipt.name

    with django_capture_on_commit_callbacks(execute=True):
        second = media_root / add_receipt(delivery, "scan.pdf").receipt.name

    assert second.exists() and not first.exists()


def test_the_delivery_page_links_the_receipt_and_hides_where_it_is_stored(client_as, delivery):
    name = add_receipt(delivery).receipt.name

    # The administrator reads the page's list of changes too.
    page = client_as(Role.ADMIN).get(f"/record/deliveries/{delivery.pk}/")

    html = page.content.decode()
    assert name not in html
    assert f'href="/coordination/deliveries/{delivery.key}/receipt/"' in html
