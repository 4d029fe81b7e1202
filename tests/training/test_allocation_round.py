"""Allocation rounds through the database: the page, the API's run action, `cadre allocate`,
and confirming after enrolments made by hand."""

import pytest
from django.urls import reverse

from cadre import cli
from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import AllocationRound, Enrolment, Nomination, SeatAllotment


@pytest.fixture
def allocation_round(db):
    return services.save(AllocationRound(title="Spring 2027"), user=services.OPERATOR)


@pytest.fixture
def nominate(allocation_round):
    def make(person, session, priority=1, preference=1):
        nomination = services.save(
            Nomination(
                person=person,
                session=session,
                priority=priority,
                preference=preference,
                allocation_round=allocation_round,
            ),
            user=services.OPERATOR,
        )
        nomination.status = Nomination.Status.SUBMITTED
        return services.save(nomination, user=services.OPERATOR)

    return make


@pytest.fixture
def oversubscribed(make_session, make_person, nominate):
    """Two sessions of two seats; five people, each ranking both (priority 1 to 5)."""
    import datetime

    first = make_session(capacity=2)
    second = make_session(
        capacity=2, start=datetime.date(2027, 4, 1), end=datetime.date(2027, 4, 12)
    )
    people = [make_person() for _ in range(5)]
    for number, person in enumerate(people, 1):
        nominate(person, first, priority=number, preference=1)
        nominate(person, second, priority=number, preference=2)
    return first, second, people


def seated(session):
    return set(
        Enrolment.objects.filter(session=session, status__in=Enrolment.SEATED).values_list(
            "person_id", flat=True
        )
    )


def test_running_compares_the_modes_and_enrols_nobody(allocation_round, oversubscribed):
    done = services.service_for(AllocationRound).run(allocation_round, user=services.OPERATOR)
    assert done.status == AllocationRound.Status.COMPARED
    assert set(done.comparison) >= {"max_priority", "stable", "first_come"}
    # Priorities 1..4 of five people fill four seats: 5 + 4 + 3 + 2 points.
    assert done.comparison["max_priority"] == {**done.comparison["max_priority"], "seats": 4}
    assert done.comparison["max_priority"]["total_priority"] == 14
    assert not Enrolment.objects.exists()


def test_confirming_enrols_each_person_once_within_capacity(allocation_round, oversubscribed):
    first, second, people = oversubscribed
    done = services.service_for(AllocationRound).confirm(
        allocation_round, mode="max_priority", user=services.OPERATOR
    )
    assert done.status == AllocationRound.Status.CONFIRMED
    assert done.seats_confirmed == 4
    assert len(seated(first)) == 2 and len(seated(second)) == 2
    assert seated(first).isdisjoint(seated(second))
    assert people[4].pk not in seated(first) | seated(second)
    allocated = Nomination.objects.filter(status=Nomination.Status.ALLOCATED).count()
    assert allocated == 4


def test_confirming_after_a_hand_enrolment_keeps_it_and_solves_for_what_is_left(
    allocation_round, oversubscribed, make_person
):
    first, second, people = oversubscribed
    service = services.service_for(AllocationRound)
    service.run(allocation_round, user=services.OPERATOR)
    walk_in = make_person()
    services.save(Enrolment(session=first, person=walk_in), user=services.OPERATOR)
    # The lowest-priority nominee was seated by hand in the second session too.
    services.save(Enrolment(session=second, person=people[4]), user=services.OPERATOR)
    done = service.confirm(allocation_round, mode="stable", user=services.OPERATOR)
    assert walk_in.pk in seated(first) and people[4].pk in seated(second)
    assert len(seated(first)) == 2 and len(seated(second)) == 2
    assert done.seats_confirmed == 2
    everyone = [p.pk for p in people]
    held = Enrolment.objects.filter(person_id__in=everyone, status__in=Enrolment.SEATED)
    assert held.count() == len(set(held.values_list("person_id", flat=True)))


def test_allotments_hold_when_confirmed(allocation_round, oversubscribed, make_person, iraq):
    first, _second, _people = oversubscribed
    from cadre.accounts.models import Nation

    other = Nation.objects.get_or_create(code="ITA", defaults={"name": "Italy"})[0]
    services.save(SeatAllotment(session=first, nation=other, seats=1), user=services.OPERATOR)
    services.service_for(AllocationRound).confirm(
        allocation_round, mode="max_priority", user=services.OPERATOR
    )
    # Iraq has no allotment: its people draw on the pool of one seat.
    assert len(seated(first)) == 1


def test_a_person_ranks_at_most_five_sessions_each_once(
    allocation_round, nominate, make_person, make_session
):
    from django.core.exceptions import ValidationError

    person = make_person()
    session = make_session()
    nominate(person, session, preference=1)
    with pytest.raises(ValidationError):
        nominate(person, make_session(), preference=1)


def test_the_page_shows_the_comparison_and_confirms(allocation_round, oversubscribed, client_as):
    client = client_as(Role.TRAINING_OFFICER)
    page = reverse("core:detail", args=["allocation-rounds", allocation_round.pk])
    assert "Not compared yet" in client.get(page).content.decode()
    client.post(reverse("training:round-run", args=[allocation_round.pk]))
    html = client.get(page).content.decode()
    assert "<svg" in html and "first-come" in html and "14" in html
    client.post(reverse("training:round-confirm", args=[allocation_round.pk]), {"mode": "stable"})
    allocation_round.refresh_from_db()
    assert allocation_round.status == AllocationRound.Status.CONFIRMED
    assert Enrolment.objects.count() == 4


def test_the_page_refuses_who_does_not_run_training(allocation_round, oversubscribed, client_as):
    client = client_as(Role.MISSION_STAFF)
    answer = client.post(reverse("training:round-run", args=[allocation_round.pk]))
    assert answer.status_code == 403


def test_the_api_run_action_compares_then_confirms(allocation_round, oversubscribed, api):
    url = f"/api/allocation-rounds/{allocation_round.key}/run/"
    compared = api.post(url, {})
    assert compared.status_code == 200, compared.content
    assert compared.json()["status"] == "compared"
    assert not Enrolment.objects.exists()
    refused = api.post(url, {"dry_run": False})
    assert refused.status_code == 400
    confirmed = api.post(url, {"dry_run": False, "mode": "max_priority"})
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["status"] == "confirmed"
    assert Enrolment.objects.count() == 4
    again = api.post(url, {"dry_run": False, "mode": "stable"})
    assert again.status_code == 400


def test_the_command_dry_run_then_confirm(allocation_round, oversubscribed, capsys):
    assert (
        cli.cmd_allocate(
            cli.build_parser().parse_args(
                ["allocate", allocation_round.key, "--mode", "max-priority", "--dry-run"]
            )
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Dry run: nothing enrolled" in out and "first-come" in out
    assert not Enrolment.objects.exists()
    assert (
        cli.cmd_allocate(
            cli.build_parser().parse_args(["allocate", allocation_round.key, "--mode", "stable"])
        )
        == 0
    )
    assert "4 people enrolled" in capsys.readouterr().out
    assert Enrolment.objects.count() == 4


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_large_round_runs_as_a_background_job(
    allocation_round, oversubscribed, client_as, monkeypatch
):
    from cadre.core.models import Job
    from cadre.training import rounds

    monkeypatch.setattr(rounds, "BACKGROUND_FROM", 3)
    client = client_as(Role.TRAINING_OFFICER)
    answer = client.post(reverse("training:round-run", args=[allocation_round.pk]))
    job = Job.objects.get(kind="allocation")
    assert answer.url == reverse("jobs:detail", args=[job.pk])
    rounds.run_allocation_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FINISHED and job.done == job.total == 3
    allocation_round.refresh_from_db()
    assert allocation_round.status == AllocationRound.Status.COMPARED


def test_confirming_moves_the_dashboards_figures_as_single_enrolments_would(
    allocation_round, oversubscribed
):
    from cadre.training import summary
    from cadre.training.models import Person, TrainingSummary

    def stored():
        return sorted(
            TrainingSummary.objects.values_list(
                "year",
                "mission",
                "nation",
                "service",
                "sex",
                "dimension",
                "value",
                "trained",
                "graduated",
                "decided",
            )
        )

    services.service_for(AllocationRound).confirm(
        allocation_round, mode="max_priority", user=services.OPERATOR
    )
    kept = stored()
    assert any(row[7] for row in kept), "the batch's enrolments are counted"
    summary.rebuild()
    assert stored() == kept
    assert summary.aggregate() == summary.contributions(Person.objects.values_list("pk", flat=True))
