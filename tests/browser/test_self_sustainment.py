"""Mission HQ staff open the self-sustainment page from the navigation on the generated
record, filter it, and read it again in Arabic; a training officer finds a lapsed
instructor and reads their page. Screenshots go to test-output/screenshots/."""

import pytest
from playwright.sync_api import expect

from cadre.core.roles import Role
from cadre.training.generated import generate_training
from cadre.training.models import InstructorQualification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cadre_record(dataset):
    generate_training(120, seed=7)


def test_the_self_sustainment_page_in_english_and_arabic(
    cadre_record, live_server, signed_in, screenshot
):
    page = signed_in(Role.MISSION_STAFF)
    navigation = page.get_by_role("navigation", name="Main")
    navigation.get_by_text("Training", exact=True).click()  # the menu, then its page
    navigation.get_by_role("link", name="Self-sustainment").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("sessions led by host-nation instructors")
    bars = page.locator("figure.share-chart svg g.bar")
    expect(bars.first).to_be_visible()
    assert bars.count() >= 6
    expect(page.locator("table.share-table tbody tr").first).to_be_visible()
    expect(page.locator("table.share-disciplines svg.spark").first).to_be_visible()
    screenshot(page, "self-sustainment-en")

    page.select_option("#id_by", "quarter")
    page.select_option("#id_discipline", "police_procedures")
    page.get_by_role("button", name="Show").click()
    page.wait_for_load_state()
    assert "by=quarter" in page.url
    expect(page.locator("table.share-table tbody th").first).to_contain_text("Q")
    expect(page.locator("table.share-disciplines tbody tr")).to_have_count(1)
    screenshot(page, "self-sustainment-quarters-en")

    page.goto(f"{live_server.url}/training/self-sustainment/")
    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text("الاستدامة الذاتية")
    expect(page.locator("figure.share-chart svg[role=img]")).to_be_visible()
    screenshot(page, "self-sustainment-ar")


def test_a_training_officer_finds_a_lapsed_instructor(
    cadre_record, live_server, signed_in, screenshot
):
    page = signed_in(Role.TRAINING_OFFICER)
    navigation = page.get_by_role("navigation", name="Main")
    navigation.get_by_text("Training", exact=True).click()
    navigation.get_by_role("link", name="Instructor currency").click()
    page.wait_for_load_state()
    first = page.locator("table tbody tr").first
    expect(first).to_be_visible()
    screenshot(page, "instructor-currency-en")
    first.locator("a").click()
    page.wait_for_load_state()
    expect(page.locator("section.instructor-record")).to_contain_text("T3")
    assert InstructorQualification.objects.exists()
    screenshot(page, "instructor-record-en")
