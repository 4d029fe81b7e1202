import pytest
from playwright.sync_api import expect

from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_mission_page_of_ntm_i_shows_warning_chart_map_and_sources(
    dataset, live_server, signed_in, screenshot
):
    page = signed_in(Role.HOST_LIAISON)
    page.goto(f"{live_server.url}/missions/ntm-i/?on=2011-09-01")
    expect(page.get_by_role("heading", level=1)).to_contain_text("NATO Training Mission-Iraq")
    expect(page.get_by_role("alert")).to_contain_text("121 days")
    expect(page.get_by_role("heading", name="Why the mission ended")).to_be_visible()
    chart = page.locator("figure.strength-chart")
    expect(chart.locator("svg[role=img]")).to_be_visible()
    expect(chart.locator(".chart-sources li")).to_have_count(9)
    expect(chart.locator(".chart-sources")).to_contain_text("Relations with Iraq")
    # The 300 of December 2004 is added to the team of about 50, and said so.
    expect(chart.locator(".running-totals")).to_contain_text(
        "about 50 [1, 2, 3] + 300 authorised on"
    )
    expect(chart.locator(".running-totals")).to_contain_text("= about 350")
    expect(chart.locator("svg g.mark-computed")).to_contain_text("≈350 [Σ1]")
    expect(page.locator("figure.location-map svg")).to_contain_text("Camp Dublin")
    screenshot(page, "mission-ntm-i-2011-09-01")


def test_timeline_filters_by_kind_without_reloading_the_page(
    dataset, live_server, signed_in, screenshot
):
    page = signed_in(Role.GENDER_ADVISER)
    page.goto(f"{live_server.url}/timeline/")
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.locator(".timeline-event").first).to_be_visible()
    page.evaluate("window.notReloaded = true")
    with page.expect_response(lambda r: "kind=withdrawal" in r.url):
        page.select_option("#id_kind", "withdrawal")
    expect(page.locator(".timeline-event .kind").first).to_have_text("withdrawal")
    assert page.evaluate("window.notReloaded") is True
    assert "kind=withdrawal" in page.url
    screenshot(page, "timeline-withdrawals")


def test_chain_of_command_on_2010_06_01_descends_from_the_council_to_ntm_i(
    dataset, live_server, signed_in, screenshot
):
    page = signed_in(Role.ADVISOR)
    page.goto(f"{live_server.url}/chain-of-command/")
    page.fill("#id_on", "2010-06-01")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2010")
    nac = page.locator("ul.tree > li", has_text="North Atlantic Council").first
    expect(
        nac.locator("li", has_text="NATO Training Mission-Iraq headquarters").first
    ).to_be_visible()
    expect(page.locator(".tree")).to_contain_text(
        "Mobile advisory team for the National Operation Centre"
    )
    screenshot(page, "chain-of-command-2010-06-01")


def test_sources_page_sets_the_disagreeing_claims_side_by_side(
    dataset, live_server, signed_in, screenshot
):
    page = signed_in(Role.AUDITOR)
    page.goto(f"{live_server.url}/sources/")
    size = page.locator("#subject-nmi-size .side")
    expect(size).to_have_count(2)
    first, second = size.nth(0).bounding_box(), size.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and first["x"] != second["x"]
    screenshot(page, "sources-and-claims")


def test_mission_page_reads_right_to_left_in_arabic(dataset, live_server, signed_in, screenshot):
    page = signed_in(Role.HOST_LIAISON)
    page.goto(f"{live_server.url}/missions/ntm-i/")
    page.locator("button[name=language][value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("بعثة الناتو للتدريب في العراق")
    expect(page.locator("figure.strength-chart svg[role=img]")).to_have_attribute("dir", "ltr")
    expect(page.locator("figure.strength-chart .running-totals")).to_contain_text(
        "كانون الأول 2004"
    )
    expect(page.locator("figure.strength-chart .running-totals")).to_contain_text("نحو 350")
    screenshot(page, "mission-ntm-i-arabic")
