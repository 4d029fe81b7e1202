"""The seat timeline: unfilled allotted seats go back to the pool six weeks before the start,
and the session is confirmed or cancelled four weeks before; `cadre run-due` does each once."""

import argparse
import datetime

import pytest
from django.test import Client

from cadre import cli
from cadre.audit.models import ChangeRecord
from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import SeatAllotment, Session
from cadre.training.services import run_due

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 3, 1)
SIX_WEEKS_BEFORE = datetime.date(2027, 1, 18)
FOUR_WEEKS_BEFORE = datetime.date(2027, 2, 1)


@pytest.fixture
def allotment(session, iraq):
    return services.save(
        SeatAllotment(session=session, nation=iraq, seats=3), user=services.OPERATOR
    )


def test_unfilled_allotted_seats_go_back_to_the_pool_six_weeks_before(allotment, enrol):
    enrol()

    done = run_due(today=SIX_WEEKS_BEFORE)

    allotment.refresh_from_db()
    assert (allotment.seats, allotment.released_seats) == (1, 2)
    assert allotment.released_on == SIX_WEEKS_BEFORE
    assert done == [f"{allotment.session}: 2 unfilled seats of Iraq released to the pool."]


def test_nothing_is_released_the_day_before_it_is_due(allotment):
    assert run_due(today=SIX_WEEKS_BEFORE - datetime.timedelta(days=1)) == []

    allotment.refresh_from_db()
    assert allotment.seats == 3 and allotment.released_on is None


def test_a_session_below_its_minimum_is_cancelled_four_weeks_before(session, enrol):
    session.minimum_enrolments = 2
    session = services.save(session, user=services.OPERATOR)
    enrol()

    run_due(today=FOUR_WEEKS_BEFORE)

    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED
    assert session.go_no_go_on == FOUR_WEEKS_BEFORE


def test_a_session_holding_its_minimum_is_confirmed(session, enrol):
    enrol()

    done = run_due(today=FOUR_WEEKS_BEFORE)

    session.refresh_from_db()
    assert session.status == Session.Status.OPEN
    assert session.go_no_go_on == FOUR_WEEKS_BEFORE
    assert done == [f"{session}: confirmed."]


def test_a_session_without_a_minimum_needs_one_seat_held(session):
    run_due(today=FOUR_WEEKS_BEFORE)

    session.refresh_from_db()
    assert session.status == Session.Status.CANCELLED


def test_a_late_run_releases_and_decides_together_but_not_after_the_start(allotment, enrol):
    enrol()

    assert len(run_due(today=FOUR_WEEKS_BEFORE)) == 2
    assert run_due(today=START) == []


def test_running_twice_changes_nothing_more(allotment, session, enrol, capsys):
    enrol()
    arguments = argparse.Namespace(today=FOUR_WEEKS_BEFORE.isoformat())
    cli.cmd_run_due(arguments)
    first = capsys.readouterr().out
    changes = ChangeRecord.objects.count()
    allotment.refresh_from_db()
    session.refresh_from_db()

    cli.cmd_run_due(arguments)

    assert "released to the pool" in first and "confirmed" in first
    assert capsys.readouterr().out == "Nothing is due on 2027-02-01.\n"
    assert ChangeRecord.objects.count() == changes
    assert SeatAllotment.objects.get().version == allotment.version
    assert Session.objects.get().version == session.version


def test_run_due_acts_as_the_command_line_in_the_audit_trail(allotment):
    cli.cmd_run_due(argparse.Namespace(today=SIX_WEEKS_BEFORE.isoformat()))

    entry = ChangeRecord.objects.filter(content_type__model="seatallotment").latest("id")
    assert entry.channel == "cli" and entry.after["released_seats"] == 3


def test_a_bad_date_is_refused(capsys):
    assert cli.cmd_run_due(argparse.Namespace(today="1 March")) == 1
    assert "--today" in capsys.readouterr().err


def test_run_due_is_in_the_commands_help():
    assert "run-due" in cli.build_parser().format_help()
    assert "run-due" in cli.__doc__


def test_the_session_page_shows_what_is_due_next_with_its_date(session, allotment, make_user):
    client = Client()
    client.force_login(make_user(Role.TRAINING_OFFICER))

    page = client.get(f"/record/sessions/{session.pk}/").content.decode()

    assert "Seat timeline" in page
    assert "2027-01-18" in page and "2027-02-01" in page
    assert "Next: Unfilled allotted seats go back to the pool, due on 2027-01-18." in page


def test_the_session_page_shows_the_decision_once_made(session, enrol, make_user):
    enrol()
    run_due(today=FOUR_WEEKS_BEFORE)
    client = Client()
    client.force_login(make_user(Role.TRAINING_OFFICER))

    page = client.get(f"/record/sessions/{session.pk}/").content.decode()

    assert "Confirmed on 2027-02-01." in page
    assert "Next:" not in page
