"""A delivery's page and the coordination overview in a real browser, in English and in
Arabic: the recipient adds the receipt and confirms; the overview draws its charts.
Screenshots go to test-output/screenshots/."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cadre.accounts.models import Nation
from cadre.coordination.models import Delivery, Match, Offer, Requirement
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save
from cadre.missions.models import Mission, Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def delivered(records, settings, tmp_path):
    """Radios for the academy from Canada and Italy; Canada's delivered."""
    settings.MEDIA_ROOT = tmp_path / "media"
    canada = Nation.objects.get_or_create(code="CAN", defaults={"name": "Canada"})[0]
    italy = Nation.objects.get_or_create(code="ITA", defaults={"name": "Italy"})[0]
    academy = records.create(Organisation, optional=False, name="Iraqi Military Academy")
    requirement = Requirement.objects.create(
        key="radios-academy",
        mission=records.create(Mission, optional=False),
        institution=academy,
        kind="equipment",
        category="radios",
        description="Handheld radios for field exercises",
        quantity=10,
        unit="radios",
        status="published",
        matched_quantity=10,
    )
    matches = []
    for nation, quantity in ((canada, 6), (italy, 4)):
        offer = Offer.objects.create(
            key=f"radios-{nation.code.lower()}",
            nation=nation,
            kind="equipment",
            category="radios",
            description=f"Radios from {nation.name}",
            quantity=quantity,
            unit="radios",
            value=f"{quantity * 900}.00",
            committed_quantity=quantity,
            in_transit_quantity=quantity,
            donor_received_quantity=quantity,
            matched_quantity=quantity,
        )
        matches.append(
            Match.objects.create(
                key=f"match-{nation.code.lower()}",
                offer=offer,
                requirement=requirement,
                quantity=quantity,
                status="confirmed",
                confirmed_at=timezone.now(),
            )
        )
    handed_over = [
        (matches[1], 4, datetime.date(2026, 10, 12)),
        (matches[0], 6, datetime.date(2026, 11, 3)),
    ]
    for match, quantity, day in handed_over:
        delivery = save(
            Delivery(
                match=match,
                quantity=quantity,
                delivered_on=day,
                received_by="Academy logistics officer",
                what=f"{quantity} radios",
            ),
            user=OPERATOR,
        )
    return delivery


def test_the_recipient_confirms_a_delivery_and_the_overview_shows_it(
    delivered, live_server, signed_in, screenshot, tmp_path
):
    page = signed_in(Role.HOST_LIAISON)
    page.goto(f"{live_server.url}/record/deliveries/{delivered.pk}/")
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(PDF)
    page.set_input_files("#receipt-file", str(receipt))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Confirm receipt").click()
    page.wait_for_load_state()
    expect(page.locator("section.delivery-receipt")).to_contain_text("The recipient confirmed")
    expect(page.get_by_role("link", name="Download the receipt")).to_be_visible()
    screenshot(page, "delivery-en")

    navigation = page.get_by_role("navigation", name="Main")
    navigation.get_by_text("Coordination", exact=True).click()  # the menu, then its page
    navigation.get_by_role("link", name="Coordination overview").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Coordination")
    expect(page.locator("figure.chart svg[role=img]")).to_have_count(2)
    screenshot(page, "coordination-overview-en")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).not_to_have_text("Coordination")
    expect(page.locator("figure.chart svg[role=img]")).to_have_count(2)
    screenshot(page, "coordination-overview-ar")
    page.goto(f"{live_server.url}/record/deliveries/{delivered.pk}/")
    expect(page.locator("section.delivery-receipt")).to_be_visible()
    screenshot(page, "delivery-ar")
