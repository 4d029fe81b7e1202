"""A long XLSX export is written by a background job: its page shows how far it is, then a
download link that only whoever started it can follow."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cadre.core.models import Job
from cadre.core.roles import Role
from cadre.missions.models import Location

from .files import csv_rows, xlsx_rows


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


@pytest.fixture
def long_exports(settings, tmp_path):
    """Two rows make a long list; exports are kept in a fresh directory."""
    settings.EXPORT_XLSX_IN_BACKGROUND_FROM_ROWS = 2
    settings.DATA_DIR = tmp_path


def export(client, query):
    return client.get(reverse("core:export-xlsx", args=["locations"]), query)


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_long_xlsx_export_runs_in_the_background_and_keeps_the_filters(
    client_as, locations, long_exports
):
    client = client_as(Role.ADVISOR)

    response = export(client, {"kind": "camp", "sort": "-name"})

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert (job.kind, job.status) == ("export", Job.Status.QUEUED)
    assert "a worker" in client.get(response.url).content.decode()

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (Job.Status.FINISHED, 2, 2)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    download = reverse("jobs:download", args=[job.pk])
    assert "2 rows written." in page and download in page
    rows = xlsx_rows(client.get(download))
    camps = Location.objects.filter(kind="camp").order_by("-name")
    assert [row[1] for row in rows[1:]] == [c.key for c in camps]
    assert len(camps) == 2


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_only_whoever_started_an_export_may_download_it(
    client_as, make_user, locations, long_exports
):
    client = client_as(Role.ADVISOR)
    export(client, {})
    run_worker()
    job = Job.objects.get(status=Job.Status.FINISHED)
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 200

    client.force_login(make_user(Role.ADVISOR))
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_a_short_xlsx_export_is_answered_at_once(client_as, locations, long_exports):
    response = export(client_as(Role.ADVISOR), {"kind": "city"})
    assert response.status_code == 200
    assert [row[1] for row in xlsx_rows(response)[1:]] == ["baghdad"]
    assert not Job.objects.exists()


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_long_csv_export_runs_in_the_background_too(client_as, locations, settings, tmp_path):
    settings.EXPORT_CSV_IN_BACKGROUND_FROM_ROWS = 2
    settings.DATA_DIR = tmp_path
    client = client_as(Role.ADVISOR)

    response = client.get(reverse("core:export-csv", args=["locations"]), {"kind": "camp"})

    job = Job.objects.get()
    assert response.status_code == 302 and job.params["format"] == "csv"
    run_worker()
    job.refresh_from_db()
    assert (job.status, job.total) == (Job.Status.FINISHED, 2)
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download["Content-Disposition"].endswith('.csv"')
    rows = csv_rows(download)
    assert rows[0][:3] == ["id", "key", "name"]
    assert sorted(row[1] for row in rows[1:]) == ["camp-dublin", "camp-taji"]
