"""The money overview in a real browser, in English and in Arabic: euro totals, the charts
by nation and year, amounts that cannot be converted, and the IATI download. Screenshots go
to test-output/screenshots/ for a reviewer to open."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from cadre.accounts.models import Nation
from cadre.coordination.generated_money import generate_money
from cadre.core.roles import Role

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_money(db):
    for code, name, name_ar in (
        ("CAN", "Canada", "كندا"),
        ("ITA", "Italy", "إيطاليا"),
        ("USA", "United States", "الولايات المتحدة"),
        ("NOR", "Norway", "النرويج"),
        ("POL", "Poland", "بولندا"),
    ):
        Nation.objects.get_or_create(
            code=code, defaults={"name": name, "name_ar": name_ar, "status": "ally"}
        )
    return generate_money()


def top(page, name):
    """The first screen of the page, the totals and charts at a size a reviewer can read."""
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_the_money_overview_in_english_and_arabic(demo_money, live_server, signed_in, screenshot):
    page = signed_in(Role.COORDINATION_CELL)
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Money").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Money")
    expect(page.locator("#donations-chart svg[role=img]")).to_be_visible()
    expect(page.locator("#contributions-chart svg[role=img]")).to_be_visible()
    expect(page.locator("#total-donations .figure")).to_contain_text("EUR")
    expect(page.locator("tr.not-convertible").first).to_contain_text("not convertible")
    screenshot(page, "money-overview-en")
    top(page, "money-overview-en-top")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the IATI 2.03 activity file").click()
    body = Path(download.value.path()).read_bytes()
    assert b'<iati-activities version="2.03"' in body

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("الأموال")
    expect(page.locator("#donations-chart svg[role=img]")).to_be_visible()
    expect(page.locator("#donations-chart .chart-legend")).to_contain_text("كندا")
    screenshot(page, "money-overview-ar")
    top(page, "money-overview-ar-top")
