"""The generated instructor cadre (`cadre generate-training`, `cadre demo`): written in bulk,
yet keeping the rules the services keep, and showing a host-nation share that rises."""

import datetime

import pytest

from cadre.core.roles import Role
from cadre.training import selectors, self_sustainment
from cadre.training.generated import generate_training
from cadre.training.models import InstructorQualification, Person, Session, SessionInstructor

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def generated(dataset):
    return generate_training(120, seed=7, today=TODAY)


def test_the_cadre_is_made_of_the_generated_people_and_marked_as_theirs(generated):
    assert Person.objects.count() == 120
    for model in (InstructorQualification, SessionInstructor):
        rows = model.objects.all()
        assert rows.exists()
        assert rows.filter(person__generated=True, key__startswith="gen-").count() == rows.count()
    assert not SessionInstructor.objects.filter(session__generated=False).exists()


def test_every_generated_certification_meets_the_rules_the_service_checks(generated):
    for row in InstructorQualification.objects.select_related("level__requires", "level"):
        failures = selectors.certification_failures(
            person_id=row.person_id,
            level=row.level,
            certifier_id=row.certified_by_id,
            on=row.certified_on,
            besides=row.pk,
        )
        assert failures == {}, (row.key, failures)
        assert row.certified_by_id or row.note, row.key
        assert row.person_id != row.certified_by_id


def test_every_session_held_has_one_lead_and_every_host_nation_lead_is_current(generated):
    held = Session.objects.filter(generated=True, status=Session.Status.COMPLETED)
    assert held.count() > 50
    leads = SessionInstructor.objects.filter(role=SessionInstructor.Role.LEAD)
    assert leads.count() == held.count()
    for lead in leads.filter(person__nation__code="IRQ").select_related("session", "person"):
        qualifications = InstructorQualification.objects.filter(person=lead.person)
        day = lead.session.start
        assert any(not c.lapsed for c in selectors.currencies(qualifications, day)), lead.key


def test_the_host_nations_share_of_leads_rises_over_the_years(generated, make_user):
    result = self_sustainment.measure(make_user(Role.ADMIN), today=TODAY)
    shares = [period.share for period in result.periods]
    assert len(shares) >= 6
    assert shares[0] < 40 < 60 < shares[-1], shares
    assert result.without_mission == 0


def test_some_generated_instructors_have_lapsed(generated):
    qualifications = InstructorQualification.objects.filter(person__nation__code="IRQ")
    assert selectors.lapsed_or_lapsing(qualifications, TODAY)
