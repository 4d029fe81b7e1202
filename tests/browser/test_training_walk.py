"""A training officer walks a session from creation to graduation, through the pages only,
then reads the refusal, the waiver and the graduated enrolment again in Arabic.

Screenshots of each step are saved under the test's temporary folder and copied to
/tmp/cadre-walk-shots/ for a reviewer to open.
"""

import datetime
import shutil
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import (
    Course,
    EligibilityOverride,
    Enrolment,
    LanguageTest,
    Person,
    Session,
    VettingCase,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW_COPIES = Path("/tmp/cadre-walk-shots")
TODAY = datetime.date.today()
# A session that has ended, so that graduation can be decided today.
START, END = TODAY - datetime.timedelta(days=14), TODAY - datetime.timedelta(days=3)
SLP_SHORTFALL = "SLP in speaking is 1, below the course minimum of 2."
WAIVER_REASON = "Speaking is tested again in week one; the course is taught with interpreters."


@pytest.fixture
def shots(tmp_path):
    """shot(page, name): a full-page PNG in the test's folder, copied for review."""
    folder = tmp_path / "walk-shots"
    folder.mkdir()
    REVIEW_COPIES.mkdir(exist_ok=True)

    def shot(page, name):
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, REVIEW_COPIES / path.name)
        return path

    return shot


@pytest.fixture
def course(db):
    from cadre.accounts.models import Nation

    Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})
    return services.save(
        Course(code="C-IED-1", title="Countering IEDs", minimum_slp="2222"),
        user=services.OPERATOR,
    )


def add(page, live_server, slug, fields, selects=()):
    """Fill a record's add page and save it; returns the new record's page address."""
    page.goto(f"{live_server.url}/record/{slug}/add/")
    for name, value in fields.items():
        page.fill(f"#id_{name}", str(value))
    for name, value in dict(selects).items():
        page.select_option(f"#id_{name}", value=str(value))
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state()
    return page.url


def saved(page):
    expect(page.locator(".message.success")).to_be_visible()


def reads_right_to_left(page):
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def test_a_training_officer_walks_a_session_from_creation_to_graduation(
    course, live_server, signed_in, shots
):
    page = signed_in(Role.TRAINING_OFFICER)

    # The session, open with two seats.
    add(
        page,
        live_server,
        "sessions",
        {"start": START, "end": END, "capacity": 2},
        {"course": course.pk, "status": "open"},
    )
    saved(page)
    session = Session.objects.get(course=course)
    assert (session.capacity, session.status) == (2, "open")

    # A person, cleared by vetting, with a language test below the course's minimum.
    add(
        page,
        live_server,
        "people",
        {"family_name": "Al-Jubouri", "given_name": "Karim", "name_ar": "كريم الجبوري"},
        {"nation": nation_pk("IRQ")},
    )
    saved(page)
    person = Person.objects.get(family_name="Al-Jubouri")
    add(
        page,
        live_server,
        "vetting-cases",
        {
            "decided_on": START - datetime.timedelta(days=30),
            "valid_until": END + datetime.timedelta(days=365),
        },
        {"person": person.pk, "status": "cleared"},
    )
    saved(page)
    add(
        page,
        live_server,
        "language-tests",
        {"taken_on": START - datetime.timedelta(days=20), "slp": "2122"},
        {"person": person.pk},
    )
    saved(page)
    assert VettingCase.objects.get(person=person).status == "cleared"
    assert LanguageTest.objects.get(person=person).slp == "2122"

    # Nominated (a draft: submitting checks eligibility as enrolling does).
    add(page, live_server, "nominations", {}, {"person": person.pk, "session": session.pk})
    saved(page)

    # Enrolling is refused, with the SLP shortfall named.
    add(page, live_server, "enrolments", {}, {"session": session.pk, "person": person.pk})
    expect(page.locator("form.stacked")).to_contain_text(SLP_SHORTFALL)
    assert not Enrolment.objects.exists()
    shots(page, "01-enrolment-refused-en")

    # A waiver of the minimum SLP, with its reason.
    add(
        page,
        live_server,
        "overrides",
        {"reason": WAIVER_REASON},
        {"person": person.pk, "session": session.pk, "rule": "language"},
    )
    saved(page)
    expect(page.locator("main")).to_contain_text(WAIVER_REASON)
    waiver = EligibilityOverride.objects.get(person=person)
    shots(page, "02-override-en")

    # Now the seat is given, under the waiver.
    enrolment_page = add(
        page, live_server, "enrolments", {}, {"session": session.pk, "person": person.pk}
    )
    saved(page)
    enrolment = Enrolment.objects.get(person=person)
    assert enrolment.waivers == waiver.key

    # A day of attendance and a passed assessment.
    add(page, live_server, "attendance", {"day": START}, {"enrolment": enrolment.pk})
    saved(page)
    add(
        page,
        live_server,
        "assessment-results",
        {"assessment": "Route search exercise", "score": 82, "assessed_on": END},
        {"enrolment": enrolment.pk, "outcome": "pass"},
    )
    saved(page)

    # Graduated, from the enrolment's page.
    page.goto(enrolment_page)
    expect(page.locator("section.graduation")).to_contain_text("Not decided yet")
    shots(page, "03-enrolled-en")
    page.get_by_role("button", name="Graduate").click()
    page.wait_for_load_state()
    expect(page.locator("section.graduation .outcome")).to_have_text(
        # Read after the click, as the service does: a walk that crosses midnight graduates
        # the person on the new day.
        f"Graduated on {timezone.localdate():%Y-%m-%d}."
    )
    expect(page.get_by_role("button", name="Graduate")).to_have_count(0)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.GRADUATED
    shots(page, "04-graduated-en")

    # The same pages in Arabic, chosen with the language switch.
    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    reads_right_to_left(page)
    other = services.save(
        Person(family_name="Al-Obaidi", given_name="Sami", nation_id=nation_pk("IRQ")),
        user=services.OPERATOR,
    )
    services.save(
        LanguageTest(person=other, taken_on=START - datetime.timedelta(days=20), slp="2122"),
        user=services.OPERATOR,
    )
    add(page, live_server, "enrolments", {}, {"session": session.pk, "person": other.pk})
    reads_right_to_left(page)
    refusal = page.locator("form.stacked")
    expect(refusal).to_contain_text("ملف تدقيق أمني")
    expect(refusal).to_contain_text("مستوى المحادثة هو 1، دون الحد الأدنى للدورة وهو 2.")
    shots(page, "05-enrolment-refused-ar")

    page.goto(f"{live_server.url}/record/overrides/{waiver.pk}/")
    reads_right_to_left(page)
    reason = page.locator(f'[lang="en"]:has-text("{WAIVER_REASON}")')
    expect(reason).to_be_visible()
    # English inside the Arabic page still reads left to right, its full stop at the end.
    assert reason.evaluate("element => getComputedStyle(element).direction") == "ltr"
    shots(page, "06-override-ar")

    page.goto(f"{live_server.url}/record/overrides/add/")
    reads_right_to_left(page)
    shots(page, "07-override-add-ar")

    page.goto(enrolment_page)
    reads_right_to_left(page)
    # the day the graduation was recorded, not the day the test module was loaded: a walk
    # that crosses midnight graduates the person on the new day
    graduated_on = enrolment.decided_on
    expect(page.locator("section.graduation .outcome")).to_have_text(
        f"تخرج في {graduated_on:%Y-%m-%d}."
    )
    shots(page, "08-graduated-ar")


def nation_pk(code):
    from cadre.accounts.models import Nation

    return Nation.objects.get(code=code).pk
