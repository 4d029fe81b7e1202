"""The small-arms report in a real browser, in English and in Arabic: a stale and a fresh
weapon, a day picked in the past, and the CSV export. Screenshots go to
test-output/screenshots/ for a reviewer to open."""

import datetime
from pathlib import Path

import pytest
from coordination.arms_setup import make_donation, make_item, move
from django.utils import timezone
from playwright.sync_api import expect

from cadre.accounts.models import Nation
from cadre.coordination.models import DonatedItem
from cadre.core.roles import Role
from cadre.missions.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


def days_ago(n):
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture
def weapons(db):
    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    norway = Nation.objects.get_or_create(
        code="NOR", defaults={"name": "Norway", "status": "ally"}
    )[0]
    depot = Organisation.objects.create(
        key="taji-depot",
        name="Taji depot",
        name_ar="مستودع التاجي",
        kind="institution",
        nation=iraq,
    )
    brigade = Organisation.objects.create(
        key="brigade-9", name="9th Brigade", name_ar="اللواء التاسع", kind="command", nation=iraq
    )
    donation = make_donation(norway, donated_on=days_ago(400))
    fresh = make_item(donation, "hk-7001", make="Heckler & Koch", model_name="G3")
    move(fresh, days_ago(150), None, depot, status="in_store")
    move(fresh, days_ago(12), depot, brigade)
    stale = make_item(donation, "AK-2002")
    move(stale, days_ago(130), None, depot, status="in_store")
    make_item(donation, "GL-3003", make="Glock", model_name="19")
    return DonatedItem.objects.all()


def test_the_small_arms_report_in_english_and_arabic(weapons, live_server, signed_in, screenshot):
    page = signed_in(Role.COORDINATION_CELL)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Small-arms report").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Small-arms report")
    expect(page.locator("table.small-arms tbody tr")).to_have_count(3)
    expect(page.locator("tr.stale")).to_have_count(2)
    expect(page.locator("tr.fresh")).to_contain_text("HK-7001")
    expect(page.locator("tr.fresh")).to_contain_text("9th Brigade")
    screenshot(page, "small-arms-en")

    page.fill("#id_as_of", days_ago(60).isoformat())
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    # Sixty days ago the G3 was last recorded 90 days before: not yet stale.
    expect(page.locator("tr.fresh", has_text="HK-7001")).to_contain_text("Taji depot")
    expect(page.locator("tr.stale")).to_have_count(1)
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "AK-2002,NOR," in text and days_ago(60).isoformat() in text

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{live_server.url}/coordination/small-arms/")
    expect(page.locator("h1")).to_have_text("تقرير الأسلحة الصغيرة")
    expect(page.locator("tr.stale").first).to_contain_text("بلا قيد منذ أكثر من 90 يومًا")
    expect(page.locator("tr.fresh")).to_contain_text("اللواء التاسع")
    screenshot(page, "small-arms-ar")
