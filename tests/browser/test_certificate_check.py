"""Anyone checks a certificate on the public page, not signed in, in English and Arabic;
after a revocation the same page says so. Screenshots are copied to
/tmp/cadre-certificate-shots/ for a reviewer to open."""

import datetime
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cadre.core import services
from cadre.training.models import (
    AssessmentResult,
    Certificate,
    Course,
    Enrolment,
    Person,
    Session,
    VettingCase,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW_COPIES = Path("/tmp/cadre-certificate-shots")
TODAY = datetime.date.today()
START, END = TODAY - datetime.timedelta(days=14), TODAY - datetime.timedelta(days=3)


@pytest.fixture
def shots(tmp_path):
    REVIEW_COPIES.mkdir(exist_ok=True)

    def shot(page, name):
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, REVIEW_COPIES / path.name)

    return shot


@pytest.fixture
def certificate(db, settings, tmp_path):
    from cadre.accounts.models import Nation

    settings.DATA_DIR = tmp_path
    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    operator = services.OPERATOR
    course = services.save(
        Course(code="C-IED-1", title="Countering IEDs", title_ar="مكافحة العبوات الناسفة"),
        user=operator,
    )
    session = services.save(
        Session(course=course, start=START, end=END, capacity=5, status="open"), user=operator
    )
    person = services.save(
        Person(
            family_name="Hassan",
            given_name="Ali",
            name_ar="علي حسن",
            nation=iraq,
            rank_group="officer",
            unit="3rd Brigade",
        ),
        user=operator,
    )
    services.save(
        VettingCase(
            person=person, status="cleared", valid_until=TODAY + datetime.timedelta(days=400)
        ),
        user=operator,
    )
    enrolment = services.save(Enrolment(session=session, person=person), user=operator)
    services.save(
        AssessmentResult(enrolment=enrolment, assessment="final", outcome="pass", assessed_on=END),
        user=operator,
    )
    services.service_for(Enrolment).graduate(enrolment, user=operator, on=END)
    return Certificate.objects.get(enrolment=enrolment)


def test_anyone_checks_a_certificate_in_english_and_arabic(certificate, page, live_server, shots):
    page.goto(f"{live_server.url}/verify/")
    expect(page.locator("h1")).to_have_text("Check a certificate")
    page.fill("#id_code", certificate.code.lower().replace("-", " "))
    page.click("form.verify-form button[type=submit]")
    page.wait_for_load_state()

    result = page.locator(".certificate-check")
    expect(result.locator("h2")).to_have_text("Valid")
    for text in (
        "HASSAN, Ali",
        "علي حسن",
        "C-IED-1 Countering IEDs",
        "graduated",
        certificate.code,
    ):
        expect(result).to_contain_text(text)
    expect(page.locator(".main-nav")).to_have_count(0)  # nobody is signed in
    assert "3rd Brigade" not in page.content()
    shots(page, "01-valid-en")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("التحقق من شهادة")
    expect(result).to_contain_text("رمز التحقق")
    expect(result).to_contain_text("بعثة الناتو في العراق")
    name = page.locator('bdi[lang="en"]:has-text("HASSAN, Ali")')
    assert name.evaluate("element => getComputedStyle(element).direction") == "ltr"
    shots(page, "02-valid-ar")

    services.service_for(Certificate).revoke(
        certificate, user=services.OPERATOR, reason="Issued in error", on=TODAY
    )
    page.reload()
    expect(result.locator("h2")).to_have_text("ملغاة")
    expect(result).to_contain_text("Issued in error")
    shots(page, "03-revoked-ar")

    page.locator(".language-switch button[value=en]").click()
    page.wait_for_load_state()
    expect(result.locator("h2")).to_have_text("Revoked")
    shots(page, "04-revoked-en")
