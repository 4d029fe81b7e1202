"""The main navigation in a real browser: a menu per part of the mission's work, on at
most two rows at 1280 px in English and in Arabic, holding only the pages the role may
open; usable with the keyboard and at a phone's width."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from cadre.core import registry
from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rows(boxes, tolerance=8):
    """How many rows the boxes stand on (boxes whose tops differ by less than `tolerance`
    pixels share a row)."""
    tops = []
    for box in sorted(boxes, key=lambda b: b["y"]):
        if not tops or box["y"] - tops[-1] >= tolerance:
            tops.append(box["y"])
    return len(tops)


def header_rows(page):
    parts = page.locator(
        ".site-header .brand, .main-nav > ul > li, .header-end > *:not(form.language-switch), "
        ".language-switch button"
    )
    return rows([parts.nth(i).bounding_box() for i in range(parts.count())])


def navigation_urls():
    """Every page any role may find in the navigation."""
    return {reverse(p.url_name, args=p.args) for p in registry.pages() if p.in_navigation}


def shown_urls(page):
    links = page.locator(".main-nav a")
    return {links.nth(i).get_attribute("href") for i in range(links.count())}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("role", [Role.ADMIN, Role.NATION_CONTRIBUTOR])
def test_the_navigation_stays_on_two_rows_and_offers_only_pages_the_role_may_open(
    live_server, signed_in, screenshot, role, language
):
    page = signed_in(role)
    if language == "ar":
        page.locator(".language-switch button[value=ar]").click()
        page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert page.viewport_size["width"] == 1280
    assert header_rows(page) <= 2
    nav = page.locator(".main-nav").bounding_box()
    first_item = page.locator(".main-nav > ul > li").first.bounding_box()
    assert nav["height"] < 2.5 * first_item["height"]
    screenshot(page, f"navigation-{role}-{language}")

    # A menu opens on its name, shows its pages over the page below, and closes on Escape.
    menu = page.locator("details.nav-menu").first
    menu.locator("summary").click()
    expect(menu.locator("ul")).to_be_visible()
    assert header_rows(page) <= 2  # the open menu does not push the header down
    screenshot(page, f"navigation-{role}-{language}-open")
    page.keyboard.press("Escape")
    expect(menu.locator("ul")).to_be_hidden()
    expect(menu.locator("summary")).to_be_focused()

    # Every page offered opens for this role; every other page of the navigation is
    # refused to it: the menus hide exactly what the server would refuse.
    shown = shown_urls(page)
    assert shown <= navigation_urls()
    for url in navigation_urls():
        status = page.request.get(f"{live_server.url}{url}", max_redirects=0).status
        if url in shown:
            assert status == 200, (url, status)
        else:
            assert status in (302, 403, 404), (url, status)
    if role == Role.NATION_CONTRIBUTOR:
        assert reverse("audit:list") not in shown
        assert reverse("admin:index") not in shown
    else:
        assert shown == navigation_urls()


def test_the_menus_work_with_the_keyboard(live_server, signed_in):
    page = signed_in(Role.MISSION_STAFF)
    summary = page.locator("details.nav-menu summary").first
    summary.focus()
    page.keyboard.press("Enter")
    first_link = page.locator("details.nav-menu[open] ul a").first
    expect(first_link).to_be_visible()
    page.keyboard.press("Tab")
    expect(first_link).to_be_focused()
    href = first_link.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}{href}")
    # The menu holding the page shown is marked, and the page is marked in it.
    expect(page.locator("details.nav-menu.current")).to_have_count(1)
    expect(page.locator(f".main-nav a[href='{href}']")).to_have_attribute("aria-current", "page")


def test_at_a_phones_width_an_open_menu_stays_on_the_screen(
    chromium, live_server, make_user, screenshot
):
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        password = "a-Long-browser-passw0rd"
        user = make_user(Role.ADMIN, password=password)
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("form.stacked button[type=submit]")
        page.wait_for_load_state()
        menus = page.locator("details.nav-menu")
        last = menus.nth(menus.count() - 1)
        last.locator("summary").click()
        box = last.locator("ul").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        screenshot(page, "navigation-admin-en-375px")
    finally:
        context.close()
