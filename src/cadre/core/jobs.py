"""Background jobs: work longer than a page may wait for, and how far it is.

A job is a row of `Job` (what it is, who started it, its status, how much of the work
is done, its result) and a task of Django's tasks framework (the django-tasks backport)
that does the work. The database backend keeps the queue in Cadre's own database and
`cadre worker` runs the tasks. The job's page, /jobs/<id>/, shows the progress while it
runs and the result when it is finished.

To add a kind of job:

    @jobs.task()
    def run_certificates(job_id: int):
        with jobs.running(job_id) as job:
            ...                                   # the work, as job.user
            job.advance(done, total)              # as it goes
            job.result = {...}                    # JSON, for the page

    jobs.start(run_certificates, kind="certificates", user=..., title=..., params={...})

and show the result with a template `jobs/certificates.html` (it gets `job`).
"""

from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils import timezone, translation
from django_tasks import task

from .models import Job

__all__ = ["Job", "advance", "running", "start", "task"]

# A second connection to the same database: progress written on it is seen by the job's
# page while the work is still inside its own transaction (settings.DATABASES).
PROGRESS_DB = "progress"


def start(work, *, kind, user, title, params) -> Job:
    """Record a job and queue `work` (a task taking the job's id) once the caller commits."""
    job = Job.objects.create(
        kind=kind,
        user=user,
        title=title,
        params=params,
        language=translation.get_language() or "",
    )
    transaction.on_commit(lambda: _enqueue(work, job))
    return job


def _enqueue(work, job):
    result = work.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))


@contextmanager
def running(job_id: int):
    """The job, marked running; finished when the block ends, failed if it raises.

    Inside, the language is the one the job was started in, so that what the work writes
    for its reader (problems, messages) is in the reader's language.
    """
    job = Job.objects.select_related("user").get(pk=job_id)
    job.status, job.started = Job.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started"])
    try:
        with translation.override(job.language or None):
            yield job
    except Exception as exc:
        job.status, job.message = Job.Status.FAILED, f"{type(exc).__name__}: {exc}"
        raise
    else:
        job.status = Job.Status.FINISHED
    finally:
        job.finished = timezone.now()
        job.save()


def _progress_alias() -> str:
    # SQLite lets one connection write at a time, and the work holds it: there progress is
    # written in the work's own transaction and shows when the work ends.
    if PROGRESS_DB in connections.settings and connections[PROGRESS_DB].vendor != "sqlite":
        return PROGRESS_DB
    return DEFAULT_DB_ALIAS


def advance(job, done: int, total: int | None = None):
    """Record that `done` of `total` units of the job's work are done."""
    job.done, job.total = done, total
    Job.objects.using(_progress_alias()).filter(pk=job.pk).update(done=done, total=total)
