"""Cadre in Arabic, in a real browser: chosen with the switcher, read right to left."""

import pytest
from playwright.sync_api import expect

from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-browser-passw0rd"


def reads_right_to_left(page):
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def header_starts_at_the_right_edge(page):
    """The brand sits at the right edge, the navigation to its left, the language switch
    and the account at the left edge: the English header, mirrored."""
    width = page.viewport_size["width"]
    brand = page.locator(".site-header .brand").bounding_box()
    nav = page.locator(".site-header .main-nav").bounding_box()
    end = page.locator(".site-header .header-end").bounding_box()
    assert brand["x"] + brand["width"] > width - 40
    assert brand["x"] > nav["x"] + nav["width"] - 1
    assert end["x"] < 40


def test_switching_to_arabic_lays_out_the_mission_page_and_timeline_right_to_left(
    dataset, live_server, signed_in, screenshot
):
    from cadre.missions.models import Mission

    ntm_i = Mission.objects.get(key="ntm-i")
    page = signed_in(Role.MISSION_STAFF)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    reads_right_to_left(page)
    expect(page.locator(".language-switch button[value=ar]")).to_have_attribute(
        "aria-pressed", "true"
    )

    page.goto(f"{live_server.url}/missions/ntm-i/")
    reads_right_to_left(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(ntm_i.name_ar)
    expect(page.get_by_role("heading", name="ولاية البعثة")).to_be_visible()
    expect(page.locator(".main-nav")).to_contain_text("الخط الزمني")
    header_starts_at_the_right_edge(page)
    # Table cells start at the right: the first column of the mandates is the rightmost.
    first, second = (
        page.locator("table.mandates th").nth(0),
        page.locator("table.mandates th").nth(1),
    )
    assert first.bounding_box()["x"] > second.bounding_box()["x"]
    # The strength chart keeps its time axis left to right.
    expect(page.locator("figure.strength-chart svg[role=img]")).to_have_attribute("dir", "ltr")
    screenshot(page, "mission-ar")

    page.goto(f"{live_server.url}/timeline/?missions=ntm-i")
    reads_right_to_left(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("الخط الزمني")
    expect(page.locator(".timeline-event").first).to_contain_text(ntm_i.short_name_ar)
    header_starts_at_the_right_edge(page)
    # The filters stand at the right of the events, as they stand at the left in English.
    filters = page.locator("form.filters").bounding_box()
    results = page.locator("#results").bounding_box()
    assert filters["x"] > results["x"]
    screenshot(page, "timeline-ar")


def test_a_browser_that_asks_for_arabic_gets_arabic_before_signing_in(chromium, live_server):
    context = chromium.new_context(locale="ar-IQ", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        reads_right_to_left(page)
        expect(page.get_by_role("heading", level=1)).to_have_text("تسجيل الدخول إلى كادر")
    finally:
        context.close()


def test_the_saved_choice_outranks_the_browsers_language(chromium, live_server, make_user):
    user = make_user(Role.ADVISOR, password=PASSWORD)
    user.language = "ar"
    user.save(update_fields=["language"])
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("form.stacked button[type=submit]")
        page.wait_for_load_state()
        reads_right_to_left(page)
    finally:
        context.close()
