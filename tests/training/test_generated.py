"""Generated trainees (`cadre generate-training`): marked as generated, and keeping the rules
the services keep although they are written in bulk."""

import pytest
from django.db.models import Count, F
from django.utils import timezone

from cadre.training import selectors
from cadre.training.generated import GenerationRefused, generate_training
from cadre.training.models import (
    Enrolment,
    LanguageTest,
    Nomination,
    Person,
    Session,
    VettingCase,
)


@pytest.fixture
def generated(dataset):
    return generate_training(120, seed=7)


def test_makes_the_people_asked_for_every_one_marked_generated(generated):
    assert Person.objects.count() == 120
    assert Person.objects.filter(generated=True).count() == 120
    assert generated.counts["people"] == 120


def test_every_generated_record_is_found_by_its_mark(generated):
    sessions = Session.objects.filter(generated=True)
    assert sessions.exists() and Enrolment.objects.exists()
    assert not Session.objects.filter(generated=False, key__startswith="gen-").exists()
    for model in (VettingCase, LanguageTest, Nomination, Enrolment):
        rows = model.objects.all()
        assert rows.exists()
        assert rows.filter(person__generated=True).count() == rows.count()
        assert rows.filter(key__startswith="gen-").count() == rows.count()
    assert Enrolment.objects.filter(session__generated=True).count() == Enrolment.objects.count()


def test_names_are_latin_as_in_the_passport_with_the_arabic_beside(generated):
    for person in Person.objects.all()[:20]:
        person.clean()
        assert person.name_ar and not person.name_ar.isascii()


def test_no_session_holds_more_enrolments_than_its_capacity(generated):
    over = Session.objects.annotate(held=Count("enrolments")).filter(held__gt=F("capacity"))
    assert not over.exists()


def test_every_generated_enrolment_meets_the_rules_the_service_checks(generated):
    enrolments = Enrolment.objects.filter(status=Enrolment.Status.ENROLLED)
    for enrolment in enrolments.select_related("session__course", "person"):
        assert (
            selectors.eligibility_failures(enrolment.person, enrolment.session, enrolment=enrolment)
            == []
        )
        assert (
            selectors.seat_refusal(
                enrolment.session, enrolment.person.nation_id, besides=enrolment.pk
            )
            is None
        )


def test_a_second_run_is_refused_and_duplicates_nothing(generated):
    people = Person.objects.count()
    with pytest.raises(GenerationRefused, match="already holds 120 generated people"):
        generate_training(120, seed=7)
    assert Person.objects.count() == people


def test_the_same_seed_makes_the_same_record(dataset):
    generate_training(30, seed=3)
    first = list(Person.objects.order_by("key").values_list("key", "family_name", "rank"))
    enrolments = list(Enrolment.objects.order_by("key").values_list("key", flat=True))
    Enrolment.objects.all().delete()
    Nomination.objects.all().delete()
    Session.objects.filter(generated=True).delete()
    Person.objects.all().delete()
    generate_training(30, seed=3)
    assert list(Person.objects.order_by("key").values_list("key", "family_name", "rank")) == first
    assert list(Enrolment.objects.order_by("key").values_list("key", flat=True)) == enrolments


def test_without_courses_nothing_is_generated(db):
    with pytest.raises(GenerationRefused, match="no courses"):
        generate_training(10)
    assert not Person.objects.exists()


def test_published_totals_stay_the_sourced_claims(dataset):
    from cadre.sources.models import Claim

    claims = list(Claim.objects.order_by("key").values_list("key", "value"))
    generate_training(50)
    assert list(Claim.objects.order_by("key").values_list("key", "value")) == claims


def test_pages_label_a_generated_person_and_session(generated, client_as):
    from cadre.core.roles import Role

    client = client_as(Role.MISSION_STAFF)
    person = Person.objects.first()
    session = Session.objects.filter(generated=True).first()
    for url in (
        f"/record/people/{person.pk}/",
        "/record/people/",
        f"/record/sessions/{session.pk}/",
        "/record/sessions/?generated=true",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert 'class="badge">generated<' in page.content.decode(), url


def test_a_dataset_export_leaves_the_generated_sessions_out(generated, tmp_path):
    from cadre.dataset.io import export_dataset

    counts = export_dataset(tmp_path)
    assert counts["sessions"] == Session.objects.filter(generated=False).count()
    assert "gen-" not in (tmp_path / "sessions.yaml").read_text(encoding="utf-8")


def test_the_generated_label_reads_in_arabic(generated, client_as):
    from cadre.core.roles import Role

    client = client_as(Role.MISSION_STAFF)
    client.cookies["django_language"] = "ar"
    person = Person.objects.first()
    for url in (f"/record/people/{person.pk}/", "/record/people/"):
        assert 'class="badge">مولَّد<' in client.get(url).content.decode(), url


def test_generated_graduates_met_the_rules_when_seated_and_hold_certificates(
    generated, settings, tmp_path
):
    from cadre.core import signing
    from cadre.training import certificates
    from cadre.training.generated import generate_graduates
    from cadre.training.models import Certificate, EligibilityRule

    settings.DATA_DIR = tmp_path
    made = generate_graduates(sessions=2, per_session=5)

    graduates = Enrolment.objects.filter(status=Enrolment.Status.GRADUATED)
    assert made.counts["certificates"] == graduates.count() == Certificate.objects.count() > 0
    for enrolment in graduates.select_related("session__course", "person"):
        assert enrolment.session.end < timezone.localdate()
        findings = selectors.eligibility_findings(
            enrolment.person, enrolment.session, enrolment=enrolment
        )
        # A completed session takes no new seats; every rule of the person's held then.
        assert [rule for rule, _ in findings if rule != EligibilityRule.SESSION] == []
        assert selectors.graduation_failures(enrolment, enrolment.decided_on) == []
    for certificate in Certificate.objects.all():
        document = certificates.pdf_path(certificate.code).read_bytes()
        assert certificates.check_pdf(document, signing.public_key()).valid
    with pytest.raises(GenerationRefused):
        generate_graduates()


KEYED = (Person, VettingCase, LanguageTest, Session, Nomination, Enrolment)


def generated_keys():
    return {
        model.__name__: sorted(model.objects.filter(key__startswith="gen-").values_list("key"))
        for model in KEYED
    }


def created_in_the_trail(model) -> set:
    from django.contrib.contenttypes.models import ContentType

    from cadre.audit.models import ChangeRecord

    return set(
        ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(model), action="create"
        ).values_list("object_id", flat=True)
    )


def test_the_demos_records_are_saved_by_the_services_each_in_the_audit_trail(
    dataset, settings, tmp_path
):
    from cadre.training import summary
    from cadre.training.generated import generate_graduates
    from cadre.training.models import Certificate

    settings.DATA_DIR = tmp_path
    generate_training(40, seed=3, through_services=True)
    generate_graduates(sessions=1, per_session=3)

    for model in (*KEYED, Certificate):
        generated = model.objects.filter(key__startswith="gen-")
        ids = {str(pk) for pk in generated.values_list("pk", flat=True)}
        assert ids and ids <= created_in_the_trail(model), model.__name__
    # The services kept the dashboard's figures as they went: a rebuild counts the same.
    kept = summary.aggregate()
    assert kept == summary.contributions(Person.objects.values_list("pk", flat=True))


def test_the_same_seed_makes_the_same_record_through_the_services_as_in_bulk(dataset):
    generate_training(30, seed=3, through_services=True)
    through_services = generated_keys()
    Enrolment.objects.all().delete()
    Nomination.objects.all().delete()
    Session.objects.filter(generated=True).delete()
    Person.objects.all().delete()

    generate_training(30, seed=3)

    assert generated_keys() == through_services
