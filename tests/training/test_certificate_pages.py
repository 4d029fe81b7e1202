"""Certificate pages: the public check without sign-in, its rate limit and statuses, the
PDF made by a background job end to end, and who sees which certificates."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from cadre.core import services, signing
from cadre.core.models import Job
from cadre.core.roles import Role
from cadre.training import certificates
from cadre.training.models import Certificate, Enrolment, Person

from .conftest import record_result

LAST_DAY = datetime.date(2027, 3, 12)


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    cache.clear()


@pytest.fixture
def graduate(enrol, make_person):
    def make(on=LAST_DAY, issued_on=None, **person):
        person = {"given_name": "Ali", "family_name": "Hassan", "name_ar": "علي حسن", **person}
        enrolment = enrol(person=make_person(unit="3rd Brigade", place_of_birth="Basra", **person))
        record_result(enrolment, outcome="pass")
        services.service_for(Enrolment).graduate(enrolment, user=services.OPERATOR, on=on)
        certificate = Certificate.objects.get(enrolment=enrolment)
        if issued_on:
            # A certificate issued on another day, e.g. long ago: the service issues it so.
            return services.service_for(Certificate).issue(
                enrolment, user=services.OPERATOR, on=issued_on, render=False
            )
        return certificate

    return make


# The public check --------------------------------------------------------------------


@pytest.mark.django_db
def test_anyone_checks_a_certificate_by_its_code_without_signing_in(graduate, client):
    certificate = graduate()

    page = client.get(reverse("verify-code", args=[certificate.code]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Valid" in text
    for printed in (
        "HASSAN, Ali",
        "علي حسن",
        "C-IED-1 Countering IEDs",
        "1 March 2027",
        "12 March 2027",
        "graduated",
        "NATO Mission Iraq",
        certificate.code,
    ):
        assert printed in text, printed


@pytest.mark.django_db
def test_the_public_check_shows_nothing_else_of_the_person(graduate, client):
    certificate = graduate()
    person = certificate.person

    text = client.get(reverse("verify-code", args=[certificate.code])).content.decode()

    for private in (
        "3rd Brigade",
        "Basra",
        person.key,
        "IRQ",
        person.enrolments.get().key,
        certificate.signature,
    ):
        assert private not in text, private
    assert 'href="/record/' not in text  # no way into the record from here


@pytest.mark.django_db
def test_the_form_takes_a_code_as_typed(graduate, client):
    certificate = graduate()
    typed = certificate.code.lower().replace("-", " ")

    response = client.get(reverse("verify"), {"code": typed})

    assert response.status_code == 302
    assert response.url == reverse("verify-code", args=[certificate.code])
    assert client.get(reverse("verify")).status_code == 200


@pytest.mark.django_db
def test_an_unknown_code_is_not_found(client):
    page = client.get(reverse("verify-code", args=["0000-0000-0000-0000"]))
    assert page.status_code == 404 and "No certificate has this code" in page.content.decode()


@pytest.mark.django_db
def test_a_revoked_certificate_shows_the_reason_and_day(graduate, client, make_user):
    certificate = graduate()
    services.service_for(Certificate).revoke(
        certificate,
        user=make_user(Role.TRAINING_OFFICER),
        reason="Issued in error",
        on=datetime.date(2027, 4, 2),
    )
    text = client.get(reverse("verify-code", args=[certificate.code])).content.decode()
    assert "Revoked on 2 April 2027" in text and "Issued in error" in text
    assert "HASSAN, Ali" in text


@pytest.mark.django_db
def test_a_superseded_certificate_says_so(graduate, client, make_user):
    certificate = graduate()
    new = services.service_for(Certificate).supersede(
        certificate,
        user=make_user(Role.TRAINING_OFFICER),
        reason="Name corrected",
        on=datetime.date(2027, 4, 2),
    )
    text = client.get(reverse("verify-code", args=[certificate.code])).content.decode()
    assert "Superseded" in text and "Replaced on 2 April 2027" in text and new.code not in text
    assert "Valid" in client.get(reverse("verify-code", args=[new.code])).content.decode()


@pytest.mark.django_db
def test_an_expired_certificate_says_so(graduate, client, course):
    course.validity_months = 1
    services.save(course, user=services.OPERATOR)
    certificate = graduate(issued_on=datetime.date(2020, 1, 10))
    text = client.get(reverse("verify-code", args=[certificate.code])).content.decode()
    assert "Expired" in text and "expired on 10 February 2020" in text


@pytest.mark.django_db
def test_the_public_check_reads_in_arabic(graduate, client):
    certificate = graduate()
    client.cookies["django_language"] = "ar"
    text = client.get(reverse("verify-code", args=[certificate.code])).content.decode()
    assert 'lang="ar"' in text and "رمز التحقق" in text and "بعثة الناتو في العراق" in text


@pytest.mark.django_db
def test_too_many_checks_from_one_address_are_refused_with_429(graduate, client, settings):
    settings.VERIFY_RATE_PER_MINUTE = 3
    code = graduate().code
    url = reverse("verify-code", args=[code])

    answers = [client.get(url).status_code for _ in range(4)]
    other = client.get(url, REMOTE_ADDR="10.1.2.3").status_code

    assert answers == [200, 200, 200, 429] and other == 200
    refused = client.get(url)
    assert refused["Retry-After"] == "60" and "Too many checks" in refused.content.decode()
    # Guessing codes counts too.
    assert client.get(reverse("verify-code", args=["0000-0000-0000-0000"])).status_code == 429


# Made in the background --------------------------------------------------------------


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


@pytest.mark.django_db(transaction=True, databases="__all__")
def test_graduating_on_the_page_queues_the_pdf_which_the_worker_makes(enrol, client_as):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    officer = client_as(Role.TRAINING_OFFICER)
    page = reverse("core:detail", args=["enrolments", enrolment.pk])

    officer.post(reverse("training:graduate", args=[enrolment.pk]), {"on": "2027-03-12"})

    certificate = Certificate.objects.get(enrolment=enrolment)
    job = Job.objects.get(kind="certificates")
    assert job.status == Job.Status.QUEUED and job.params == {"certificates": [certificate.pk]}
    assert certificate.pdf_made_at is None
    assert "being made by a background job" in officer.get(page).content.decode()
    pdf_url = reverse("training:certificate-pdf", args=[certificate.pk])
    assert officer.get(pdf_url).status_code == 404

    run_worker()

    job.refresh_from_db()
    certificate.refresh_from_db()
    assert (job.status, job.done, job.total) == (Job.Status.FINISHED, 1, 1)
    assert certificate.pdf_made_at is not None
    assert pdf_url in officer.get(page).content.decode()
    download = officer.get(pdf_url)
    document = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf"
    assert certificates.check_pdf(document, signing.public_key(), today=LAST_DAY).valid
    assert (
        "1 certificate made." in officer.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    )


# Who sees what ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_api_lists_certificates_with_their_code_by_nation(graduate, client_as, other_nation):
    certificate = graduate()
    graduate(nation=other_nation)

    listed = client_as(Role.TRAINING_OFFICER).get("/api/certificates/").json()["results"]
    assert {row["code"] for row in listed} == set(
        Certificate.objects.values_list("code", flat=True)
    )

    iraqi = client_as(Role.NATION_CONTRIBUTOR, certificate.person.nation)
    listed = iraqi.get("/api/certificates/").json()["results"]
    assert [row["code"] for row in listed] == [certificate.code]


@pytest.mark.django_db
def test_another_nation_and_roles_without_personal_data_get_no_pdf(
    graduate, client_as, other_nation
):
    certificate = graduate()
    from cadre.training.services import write_pdfs

    write_pdfs(Certificate.objects.all())
    url = reverse("training:certificate-pdf", args=[certificate.pk])
    assert client_as(Role.TRAINING_OFFICER).get(url).status_code == 200
    assert client_as(Role.NATION_CONTRIBUTOR, other_nation).get(url).status_code == 404
    assert client_as(Role.ADVISOR).get(url).status_code == 404


@pytest.mark.django_db
def test_qualifications_expiring_in_90_days_by_unit_within_the_readers_nation(
    graduate, course, client_as, other_nation
):
    course.validity_months = 1
    services.save(course, user=services.OPERATOR)
    today = datetime.date.today()
    soon = graduate(issued_on=today - datetime.timedelta(days=20), family_name="Soon")
    Person.objects.filter(pk=soon.person_id).update(unit="1st Brigade")
    graduate(issued_on=today - datetime.timedelta(days=40), family_name="Gone")  # expired already
    graduate(
        issued_on=today - datetime.timedelta(days=10), family_name="Abroad", nation=other_nation
    )
    revoked = graduate(issued_on=today - datetime.timedelta(days=5), family_name="Revoked")
    services.service_for(Certificate).revoke(revoked, user=services.OPERATOR, reason="x")
    url = reverse("training:certificates-expiring")

    officer = client_as(Role.TRAINING_OFFICER).get(url).content.decode()
    iraqi = client_as(Role.NATION_CONTRIBUTOR, soon.person.nation).get(url).content.decode()

    assert "SOON, Ali" in officer and "ABROAD, Ali" in officer
    assert "GONE, Ali" not in officer and "REVOKED, Ali" not in officer
    assert officer.index("1st Brigade") < officer.index("SOON") < officer.index("3rd Brigade")
    assert officer.index("3rd Brigade") < officer.index("ABROAD")
    assert "SOON, Ali" in iraqi and "ABROAD, Ali" not in iraqi
    assert client_as(Role.ADVISOR).get(url).status_code == 403
