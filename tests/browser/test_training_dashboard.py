"""The training dashboard in a real browser, in English and in Arabic: tables beside their
charts, a filter, and the CSV export of what is shown. Screenshots go to
test-output/screenshots/ for a reviewer to open."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cadre.accounts.models import Nation
from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import AssessmentResult, Course, Enrolment, Person, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OP = services.OPERATOR


def save(obj):
    return services.save(obj, user=OP)


@pytest.fixture
def trained(db):
    """Five people trained in C-IED in 2024 and 2025 (two women), and two police officers
    in leadership in 2025; one graduate a year, one not graduated."""
    from cadre.training.models import VettingCase

    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    cied = save(Course(code="C-IED-1", title="Countering IEDs", discipline="c_ied"))
    lead = save(Course(code="LEAD-1", title="Leadership", discipline="leadership"))

    def session(course, start):
        return save(
            Session(
                course=course,
                start=start,
                end=start + datetime.timedelta(days=9),
                capacity=20,
                status=Session.Status.OPEN,
            )
        )

    sessions = {
        2024: session(cied, datetime.date(2024, 3, 1)),
        2025: session(cied, datetime.date(2025, 3, 1)),
    }
    leadership = session(lead, datetime.date(2025, 6, 1))
    number = 0

    def person(**values):
        nonlocal number
        number += 1
        made = save(Person(family_name=f"Trainee{number}", given_name="Ali", nation=iraq, **values))
        save(VettingCase(person=made, status="cleared", valid_until=datetime.date(2030, 1, 1)))
        return made

    def enrol(in_session, who, outcome=None):
        enrolment = save(Enrolment(session=in_session, person=who))
        if outcome:
            save(
                AssessmentResult(
                    enrolment=enrolment,
                    assessment="written test",
                    outcome=outcome,
                    assessed_on=in_session.end,
                )
            )
            services.service_for(Enrolment).graduate(enrolment, user=OP, on=in_session.end)

    for year, outcomes in {2024: ("pass", "fail", None), 2025: ("pass", None)}.items():
        for index, outcome in enumerate(outcomes):
            sex = "female" if index == 0 else "male"
            enrol(sessions[year], person(sex=sex, service="army", rank_group="officer"), outcome)
    for _ in range(2):
        police = person(sex="male", service="federal_police", rank_group="shurta")
        enrol(leadership, police)


def test_the_dashboard_in_english_and_arabic(trained, live_server, signed_in, screenshot):
    page = signed_in(Role.TRAINING_OFFICER)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Training dashboard").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Training dashboard")

    total = page.locator("section#total")
    expect(total.locator("svg[role=img]")).to_be_visible()
    rows = total.locator("tbody tr")
    expect(rows).to_have_count(2)
    # 2024: one woman, two men; one graduate of the two decided.
    expect(rows.nth(0).locator("td")).to_have_text(
        ["2024", "1", "100.0%", "2", "0.0%", "0", "—", "3", "1", "50.0%"]
    )
    expect(rows.nth(1).locator("td").nth(7)).to_have_text("4")
    expect(page.locator("section#branch tbody")).to_contain_text("police")
    screenshot(page, "training-dashboard-en")

    page.select_option("#id_service", "federal_police")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    expect(total.locator("tbody tr")).to_have_count(1)
    expect(total.locator("tbody tr td").nth(7)).to_have_text("2")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "total,,all people trained,2025,0,0,0,2,0,0,0,0,0,2,0,0," in text
    assert "2024" not in text

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).not_to_have_text("Training dashboard")
    page.goto(f"{live_server.url}/training/dashboard/")
    expect(page.locator("section#total svg[role=img]")).to_be_visible()
    expect(page.locator("section#total tbody tr")).to_have_count(2)
    screenshot(page, "training-dashboard-ar")
