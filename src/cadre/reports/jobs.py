"""The report's PDF made in the background (cadre.core.jobs), and where it is kept."""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from cadre.core import jobs
from cadre.missions.models import Mission

from . import pdf, sections


def folder() -> Path:
    directory = Path(settings.DATA_DIR) / "reports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def report_file(job) -> Path:
    return folder() / f"{job.pk}-{job.params['token']}.pdf"


def file_name(params) -> str:
    return f"report-{params['mission']}-{params['start']}-{params['end']}-{params['language']}.pdf"


def start_report_job(user, mission, start, end, language):
    return jobs.start(
        make_report,
        kind="report",
        user=user,
        # The job's page is in its reader's language, whatever the report's: it names the
        # report's language, so that an English page does not pass for an English report.
        title=_("Mission report in %(language)s: %(mission)s, %(start)s to %(end)s")
        % {
            "language": get_language_info(language)["name_translated"],
            "mission": mission.short_name,
            "start": start.isoformat(),
            "end": end.isoformat(),
        },
        params={
            "mission": mission.key,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "language": language,
            "token": uuid.uuid4().hex,
        },
    )


def write(mission, start, end, language, user, out: Path, progress=None) -> int:
    """Build the report for `user`, write its PDF to `out`; returns its size in bytes.
    `progress(done, total)` hears of each step: the sections, then the PDF."""
    report = sections.build(
        mission,
        start,
        end,
        language=language,
        user=user,
        progress=(lambda done, total: progress(done, total + 1)) if progress else None,
    )
    document = pdf.render(report)
    partial = out.with_suffix(".part")
    partial.write_bytes(document)
    partial.replace(out)  # a reader never sees half a file
    if progress:
        steps = len(sections.report_modules()) + 2
        progress(steps, steps)
    return len(document)


@jobs.task()
def make_report(job_id: int):
    with jobs.running(job_id) as job:
        params = job.params
        from cadre.core.permissions import restrict

        mission = restrict(Mission.objects.all(), job.user).get(key=params["mission"])
        jobs.advance(job, 0, None)
        size = write(
            mission,
            datetime.date.fromisoformat(params["start"]),
            datetime.date.fromisoformat(params["end"]),
            params["language"],
            job.user,
            report_file(job),
            progress=lambda done, total: jobs.advance(job, done, total),
        )
        job.result = {"file_name": file_name(params), "bytes": size}
