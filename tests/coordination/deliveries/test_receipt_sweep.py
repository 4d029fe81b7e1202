"""`cadre sweep-receipts`: a receipt file left behind by a write whose transaction rolled back
is removed once old enough; a file a delivery names, or one written moments ago, stays."""

import datetime
import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from cadre import cli
from cadre.coordination.models import Delivery
from cadre.core.services import OPERATOR, save

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TWO_DAYS = 2 * 24 * 3600


@pytest.fixture
def match(make_requirement, make_offer, make_match):
    return make_match(make_offer(quantity=10), make_requirement(quantity=10), 10)


def delivery_with_receipt(match, day):
    return save(
        Delivery(
            match=match,
            quantity=1,
            delivered_on=day,
            received_by="Academy liaison",
            receipt=SimpleUploadedFile("receipt.pdf", PDF),
        ),
        user=OPERATOR,
    )


def age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_file_left_by_a_rolled_back_write_is_swept_and_the_named_one_stays(
    match, media_root, capsys
):
    kept = delivery_with_receipt(match, datetime.date(2027, 4, 1))
    with pytest.raises(RuntimeError), transaction.atomic():
        lost = delivery_with_receipt(match, datetime.date(2027, 4, 2))
        raise RuntimeError("the caller's transaction fails after the delivery was saved")
    orphan = media_root / lost.receipt.name
    named = media_root / kept.receipt.name
    assert orphan.exists() and not Delivery.objects.filter(key=lost.key).exists()
    age(orphan, TWO_DAYS)
    age(named, TWO_DAYS)

    assert cli.main(["sweep-receipts", "--dry-run"]) == 0
    assert orphan.exists()
    assert "Would remove 1 receipt files" in capsys.readouterr().out

    assert cli.main(["sweep-receipts"]) == 0

    out = capsys.readouterr().out
    assert lost.receipt.name in out and "Removed 1 receipt files" in out
    assert not orphan.exists() and not orphan.parent.exists()
    assert named.exists()


def test_a_file_written_moments_ago_stays(match, media_root, capsys):
    with pytest.raises(RuntimeError), transaction.atomic():
        lost = delivery_with_receipt(match, datetime.date(2027, 4, 2))
        raise RuntimeError("rolled back")

    assert cli.main(["sweep-receipts", "--older-than-hours", "1"]) == 0

    assert (media_root / lost.receipt.name).exists()
    assert "Removed 0 receipt files" in capsys.readouterr().out


def test_a_sweep_of_files_written_this_hour_is_refused(db, capsys):
    assert cli.main(["sweep-receipts", "--older-than-hours", "0"]) == 1
    assert "at least 1" in capsys.readouterr().err
