"""An advisor logs an engagement and an assessment through the pages, the mission staff
approve it, and the advisor sees the institution's trend; then the same pages in Arabic.

Screenshots go to test-output/screenshots/advisor-*.png for a reviewer to open.
"""

import datetime

import pytest
from advising.conftest import advisor_user, make_assessment, make_objective, world  # noqa: F401
from playwright.sync_api import expect

from cadre.advising.models import Assessment, Engagement
from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-browser-passw0rd"


def sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state()


def add(page, live_server, slug, fields, selects):
    page.goto(f"{live_server.url}/record/{slug}/add/")
    for name, value in fields.items():
        page.fill(f"#id_{name}", str(value))
    for name, value in selects.items():
        page.select_option(f"#id_{name}", value=str(value))
    page.click("form.stacked button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator(".message.success")).to_be_visible()


def test_an_advisor_logs_an_assessment_the_staff_approve_it_and_the_trend_shows_it(
    world,  # noqa: F811
    make_assessment,  # noqa: F811
    make_user,
    chromium,
    live_server,
    screenshot,
):
    from cadre.advising.models import Advisor
    from cadre.core.services import OPERATOR, save

    advisor = make_user(Role.ADVISOR, password=PASSWORD)
    assessor = save(
        Advisor(key="adv-walk", team=world["team_a"], name="A. Rossi", username=advisor.username),
        user=OPERATOR,
    )
    make_assessment("centre_a", rank=1, on=datetime.date(2005, 1, 1), approve=True)
    objective = Assessment.objects.get().objective
    staff = make_user(Role.MISSION_STAFF, password=PASSWORD)
    advisor_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    staff_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = advisor_context.new_page()
    sign_in(page, live_server, advisor)

    add(
        page,
        live_server,
        "engagements",
        {"key": "walk-engagement", "held_on": "2006-05-02", "topic": "Watch-keeping procedures"},
        {"team": world["team_a"].pk},
    )
    assert Engagement.objects.filter(key="walk-engagement", team=world["team_a"]).exists()
    add(
        page,
        live_server,
        "assessments",
        {"key": "walk-assessment", "assessed_on": "2006-06-01", "evidence": "Ran a night drill."},
        {
            "objective": objective.pk,
            "level": world["levels"][2].pk,
            "assessor": assessor.pk,
        },
    )
    assessment = Assessment.objects.get(key="walk-assessment")
    assert assessment.status == Assessment.Status.SUBMITTED
    expect(page.locator("section.approval")).to_contain_text("Awaiting")
    expect(page.locator("section.approval button")).to_have_count(0)
    screenshot(page, "advisor-01-assessment-awaiting-en")

    staff_page = staff_context.new_page()
    sign_in(staff_page, live_server, staff)
    staff_page.goto(f"{live_server.url}/record/assessments/{assessment.pk}/")
    staff_page.click("section.approval button[type=submit]")
    staff_page.wait_for_load_state()
    expect(staff_page.locator(".message.success")).to_be_visible()
    assessment.refresh_from_db()
    assert assessment.approved_by == staff.username
    screenshot(staff_page, "advisor-02-approved-en")

    page.goto(f"{live_server.url}/advising/institutions/centre-a/")
    expect(page.locator("svg circle.point")).to_have_count(2)
    expect(page.locator("svg")).to_contain_text("CM2")
    screenshot(page, "advisor-03-trend-en")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h2").first).to_have_text("الأهداف والمراحل")
    expect(page.locator("svg circle.point")).to_have_count(2)
    screenshot(page, "advisor-04-trend-ar")

    page.goto(f"{live_server.url}/advising/?mission={world['mission'].pk}")
    expect(page.locator("table.capability")).to_contain_text("CM2")
    screenshot(page, "advisor-05-capability-ar")
    advisor_context.close()
    staff_context.close()
