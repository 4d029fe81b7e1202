"""An uploaded file is kept on the server between the import's preview and its
confirmation; each new upload clears out files older than a day."""

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadre.core import services
from cadre.core.imports import UPLOAD_LIFETIME
from cadre.core.roles import Role
from cadre_probe.models import Briefing

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploads(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    directory = tmp_path / "imports"
    directory.mkdir()
    return directory


def preview(client, make_user):
    briefing = services.save(
        Briefing(key="b1", title="Force protection", capacity=2), user=services.OPERATOR
    )
    client.force_login(make_user(Role.MISSION_STAFF))
    upload = SimpleUploadedFile("seats.csv", f"key,briefing,holder\ns1,{briefing.key},A\n".encode())
    return client.post("/record/probe-seats/import/", {"file": upload})


def test_an_upload_clears_files_kept_longer_than_a_day(client, make_user, uploads):
    stale, fresh = uploads / "stale", uploads / "fresh"
    stale.write_text("old")
    fresh.write_text("new")
    long_ago = time.time() - UPLOAD_LIFETIME.total_seconds() - 60
    os.utime(stale, (long_ago, long_ago))

    response = preview(client, make_user)

    assert response.status_code == 200
    assert not stale.exists()
    assert fresh.exists()
    assert (uploads / response.context["token"]).exists()


def test_a_file_gone_while_the_upload_looks_is_passed_over(client, make_user, uploads):
    # Another request confirmed or dropped its upload between this one listing the
    # folder and reading the file's age; a link to a removed file is that moment, held.
    (uploads / "dropped.json").symlink_to(uploads / "already-removed.json")

    response = preview(client, make_user)

    assert response.status_code == 200
    assert (uploads / response.context["token"]).exists()
