"""The matching page in the browser: the coordination cell opens a published requirement,
finds it on its page, opens its matching page, and confirms two partial matches from two
nations' offers; then the same page in Arabic.

Screenshots are saved under test-output/screenshots/matching-*.png for a reviewer.
"""

import datetime

import pytest
from playwright.sync_api import expect

from cadre.coordination.models import Offer, Requirement
from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(nation, other_nation):
    from records import Records

    from cadre.missions.models import Mission, Organisation

    records = Records()
    requirement = Requirement.objects.create(
        key="req-vehicles",
        mission=records.create(Mission, optional=False),
        institution=records.create(Organisation, optional=False),
        kind="equipment",
        category="vehicles",
        description="Light vehicles for the police academy's driving course",
        quantity=12,
        unit="vehicles",
        needed_by=datetime.date.today() + datetime.timedelta(days=90),
        status="published",
    )
    offers = [
        Offer.objects.create(
            key=f"offer-{n.code.lower()}",
            nation=n,
            kind="equipment",
            category="vehicles",
            description=f"Vehicles offered by {n.name}",
            quantity=quantity,
            unit="vehicles",
            language="English",
            eligible_audience="police academy",
            valid_until=datetime.date.today() + datetime.timedelta(days=365),
        )
        for n, quantity in ((nation, 8), (other_nation, 10))
    ]
    return requirement, offers


def test_the_cell_confirms_two_partial_matches(published, live_server, signed_in, screenshot):
    requirement, (first, second) = published
    page = signed_in(Role.COORDINATION_CELL)
    page.goto(f"{live_server.url}/record/requirements/{requirement.pk}/")
    page.get_by_role("link", name="Find offers to match").click()
    page.wait_for_load_state()
    expect(page.locator("tr.candidate")).to_have_count(2)
    screenshot(page, "matching-en")

    page.fill(f"#q-{first.key}", "5")
    page.locator(f"tr[data-offer='{first.key}'] button").click()
    page.wait_for_load_state()
    page.fill(f"#q-{second.key}", "4")
    page.locator(f"tr[data-offer='{second.key}'] button").click()
    page.wait_for_load_state()

    expect(page.locator("dd.unmatched")).to_contain_text("3 / 12")
    expect(page.locator("table.matches tbody tr")).to_have_count(2)
    screenshot(page, "matching-confirmed-en")
    requirement.refresh_from_db()
    assert (requirement.matched_quantity, requirement.status) == (9, "partly_met")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_contain_text("العروض التي قد تلبي هذا الاحتياج")
    screenshot(page, "matching-ar")
