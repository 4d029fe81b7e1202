"""Certificates: issued on graduation, signed, printed in English and Arabic, checked offline."""

import datetime

import pytest

from cadre.core import services, signing
from cadre.training import certificates
from cadre.training.models import Certificate, Enrolment
from cadre.training.services import write_pdfs

from .conftest import record_result

pytestmark = pytest.mark.django_db

LAST_DAY = datetime.date(2027, 3, 12)


@pytest.fixture
def graduate(enrol, make_person):
    """graduate(**person values) -> the certificate of a new trainee who graduated."""

    def make(**person):
        enrolment = enrol(person=make_person(**person) if person else None)
        record_result(enrolment, outcome="pass")
        services.service_for(Enrolment).graduate(enrolment, user=services.OPERATOR, on=LAST_DAY)
        return Certificate.objects.get(enrolment=enrolment)

    return make


def made_pdf(certificate) -> bytes:
    write_pdfs(Certificate.objects.filter(pk=certificate.pk))
    return certificates.pdf_path(certificate.code).read_bytes()


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def test_a_graduate_gets_a_signed_certificate_of_the_printed_fields(graduate, course):
    certificate = graduate(given_name="Ali", family_name="Hassan", name_ar="علي حسن")

    assert certificate.status == Certificate.Status.VALID
    assert (certificate.name, certificate.name_ar) == ("HASSAN, Ali", "علي حسن")
    assert certificate.course == "C-IED-1 Countering IEDs"
    assert (certificate.start, certificate.end) == (datetime.date(2027, 3, 1), LAST_DAY)
    assert certificate.issued_on == LAST_DAY and certificate.result == "graduated"
    check = certificates.check_signed(
        certificate.signed.encode(), certificate.signature, signing.public_key()
    )
    assert check.valid and check.fields["name"] == "HASSAN, Ali"


def test_the_pdf_has_both_languages_and_checks(graduate, course):
    course.title_ar = "مكافحة العبوات الناسفة"
    services.save(course, user=services.OPERATOR)
    certificate = graduate(given_name="Ali", family_name="Hassan", name_ar="علي حسن")

    document = made_pdf(certificate)

    english, arabic = certificates.page_texts(document)
    assert "HASSAN, Ali" in english and "1 March 2027" in english
    assert "حسن" in arabic and "العبوات" in arabic
    check = certificates.check_pdf(document, signing.public_key(), today=LAST_DAY)
    assert check.problems == [] and check.valid
