"""Background jobs: a long import runs as a task on the database backend, its page shows it.

These tests run the real queue: the task is enqueued into Cadre's database and a worker
(`db_worker`, what `cadre worker` runs) takes it, in this process.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from exchange.files import csv_file, upload

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.core.models import Job
from cadre.core.roles import Role
from cadre.missions.models import TimelineEvent
from cadre.sources.models import Source

EVENTS = [
    ["key", "date", "kind", "summary", "sources"],
    ["bg-1", "2019", "visit", "First visit", "src"],
    ["bg-2", "2019-05", "visit", "Second visit", "src"],
    ["bg-3", "2019-05-02", "visit", "Third visit", "src"],
]


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


@pytest.fixture
def long_files_in_background(settings, tmp_path):
    """Three rows count as a long file; uploads are kept in a fresh directory."""
    settings.IMPORT_IN_BACKGROUND_FROM_ROWS = 3
    settings.DATA_DIR = tmp_path


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_long_import_is_previewed_then_imported_by_the_worker(
    client_as, long_files_in_background
):
    Source.objects.create(key="src", title="A page", publisher="NATO")
    client = client_as(Role.MISSION_STAFF)

    response = upload(client, "events", "visits.csv", csv_file(EVENTS))

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert job.status == Job.Status.QUEUED and job.kind == "import"
    assert "a worker" in client.get(response.url).content.decode()

    run_worker()

    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (Job.Status.FINISHED, 3, 3)
    assert job.result["created"] == 3 and job.result["errors"] == []
    assert not TimelineEvent.objects.filter(key__startswith="bg-").exists()  # a preview only
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "What visits.csv will do" in page and "Import 3 rows" in page

    confirmed = client.post(reverse("core:import-confirm", args=["events", job.params["token"]]))
    run_worker()

    applied = Job.objects.get(pk=int(confirmed.url.rstrip("/").rsplit("/", 1)[1]))
    assert applied.status == Job.Status.FINISHED
    assert sorted(TimelineEvent.objects.values_list("key", flat=True)) == ["bg-1", "bg-2", "bg-3"]
    entry = ChangeRecord.objects.get(action=ChangeAction.IMPORT)
    assert entry.username == client.user.username and entry.after["created"] == [
        "bg-1",
        "bg-2",
        "bg-3",
    ]
    page = client.get(reverse("jobs:detail", args=[applied.pk])).content.decode()
    assert "Imported 3 rows from visits.csv: 3 created, 0 changed, 0 unchanged." in page


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_long_file_with_a_problem_shows_it_on_the_jobs_page(client_as, long_files_in_background):
    client = client_as(Role.MISSION_STAFF)  # no source "src": every row names a missing key

    response = upload(client, "events", "visits.csv", csv_file(EVENTS))
    run_worker()

    job = Job.objects.get()
    assert job.status == Job.Status.FINISHED
    page = client.get(response.url).content.decode()
    assert "Nothing was imported from visits.csv" in page
    assert "row 2, column sources: there is no source with the key &#x27;src&#x27;" in page


@pytest.mark.django_db
def test_only_whoever_started_a_job_sees_it(client_as, make_user):
    job = Job.objects.create(kind="import", title="Import of x.csv", user=make_user())
    client = client_as(Role.ADMIN)
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_the_jobs_page_is_polled_until_the_job_ends(client_as):
    client = client_as(Role.MISSION_STAFF)
    job = Job.objects.create(
        kind="import", title="Import of x.csv", user=client.user, status="running", done=5, total=20
    )
    url = reverse("jobs:detail", args=[job.pk])

    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()

    assert "<h1>" not in partial and 'hx-trigger="every 2s"' in partial
    assert "5 of 20 (25%)" in partial
    Job.objects.filter(pk=job.pk).update(status="finished")
    assert "hx-trigger" not in client.get(url, headers={"HX-Request": "true"}).content.decode()


@pytest.mark.django_db
def test_a_failed_job_says_so_and_keeps_nothing(client_as):
    client = client_as(Role.MISSION_STAFF)
    job = Job.objects.create(
        kind="import", title="Import", user=client.user, status="failed", message="OSError: gone"
    )
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert "nothing it had done was kept" in page and "OSError: gone" in page
