"""Mission HQ staff open the mission report from the navigation, ask for NTM-I 2004-2011
in Arabic, follow a figure's note, and make the PDF in the background. Screenshots go to
test-output/screenshots/."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cadre.core.roles import Role
from cadre.training.generated import generate_training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, databases="__all__")]


@pytest.fixture
def cadre_record(dataset, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    generate_training(120, seed=7)


def test_the_arabic_mission_report(cadre_record, live_server, signed_in, screenshot):
    page = signed_in(Role.MISSION_STAFF)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Mission report").click()
    page.wait_for_load_state()
    page.select_option("#id_mission", "ntm-i")
    page.fill("#id_start", "2004-07-01")
    page.fill("#id_end", "2011-12-31")
    page.select_option("#id_language", "ar")
    page.get_by_role("button", name="Show the report").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("h1")).to_contain_text("تقرير البعثة")
    expect(page.locator("#record-strength figure.chart svg").first).to_be_visible()
    expect(page.locator("#disagreements dt").first).to_be_visible()
    # A figure's note is a link to the numbered note, which names its source.
    page.locator("#record-scope a.note-ref").first.click()
    assert "#note-" in page.url
    note = page.locator(page.url[page.url.index("#") :])
    expect(note).to_contain_text("سجلات كادر")
    screenshot(page, "mission-report-ar")

    page.get_by_role("button", name="إنشاء ملف PDF").click()
    page.wait_for_load_state()
    assert "/jobs/" in page.url
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    page.reload()
    link = page.locator("a[href*='/reports/pdf/']")
    expect(link).to_be_visible()
    screenshot(page, "mission-report-job-ar")
