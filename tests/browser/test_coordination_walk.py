"""Issue 14's walk through the pages, in English and in Arabic: the host-nation liaison
drafts a requirement and submits it; the coordination cell validates and publishes it;
Canada's and Italy's officers each offer a part and commit it, neither seeing the
other's offer; the cell confirms both partial matches on the matching page; each nation
records its delivery with a scanned receipt, the liaison confirms receipt of both, the
requirement is met; the auditor reads every step in the audit trail.

Each actor signs in through the login form in turn. Screenshots of the key steps are saved
under test-output/screenshots/coordination-walk-<language>-*.png for a reviewer.
"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from playwright.sync_api import expect

from cadre.coordination.models import Delivery, Match, Offer, Requirement
from cadre.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A one-page PDF, as a scanner would write it.
RECEIPT = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# The text nodes holding a word, outside the messages, not marked as English.
NOT_MARKED_ENGLISH = """(word) => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.includes(word) || parent.closest(".message")) continue;
    if (parent.closest("[lang]").getAttribute("lang") !== "en") found.push(parent.outerHTML);
  }
  return found;
}"""


@pytest.fixture
def walk(records, settings, tmp_path, nation, other_nation, signed_in, live_server, screenshot):
    """Helpers for one language's walk: act(role, nation) signs in, shot(name) saves."""
    from cadre.missions.models import Mission, Organisation

    settings.MEDIA_ROOT = tmp_path / "media"

    class Walk:
        mission = records.create(Mission, optional=False)
        academy = records.create(Organisation, optional=False, name="Iraqi Military Academy")
        language = "en"
        page = None

        def act(self, role, nation_obj=None):
            self.page = signed_in(role, nation_obj)
            if self.language != "en":
                self.page.locator(f".language-switch button[value={self.language}]").click()
                self.page.wait_for_load_state()
                expect(self.page.locator("html")).to_have_attribute("lang", self.language)
            return self.page

        def go(self, path):
            return self.page.goto(f"{live_server.url}{path}")

        def shot(self, name):
            screenshot(self.page, f"coordination-walk-{self.language}-{name}")
            if self.language != "en":
                # The record's English text (the radios the walk typed) says it is English.
                assert self.page.evaluate(NOT_MARKED_ENGLISH, "radios") == [], name

        def add(self, slug, fields, selects=()):
            """Fill the record's add page and save it: the new record's page."""
            self.go(f"/record/{slug}/add/")
            for name, value in fields.items():
                self.page.fill(f"#id_{name}", str(value))
            for name, value in dict(selects).items():
                self.page.select_option(f"#id_{name}", value=str(value))
            self.page.click("form.stacked button[type=submit]")
            self.page.wait_for_load_state()
            expect(self.page.locator(".message.success")).to_be_visible()

        def take(self, action):
            """Press a requirement's action button (submit, validate, publish)."""
            self.page.locator(f"form.requirement-transition button[value={action}]").click()
            self.page.wait_for_load_state()
            expect(self.page.locator(".message.success")).to_be_visible()

    return Walk()


def refused(answer):
    return answer.status in (403, 404)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_requirement_goes_from_draft_to_met_through_the_pages(
    walk, language, nation, other_nation
):
    walk.language = language
    today = datetime.date.today()

    # 1. The host-nation liaison drafts the requirement and submits it.
    page = walk.act(Role.HOST_LIAISON)
    walk.add(
        "requirements",
        {
            "category": "radios",
            "description": "Handheld radios for the academy's field exercises",
            "quantity": 10,
            "unit": "radios",
            "needed_by": today + datetime.timedelta(days=120),
        },
        {"mission": walk.mission.pk, "institution": walk.academy.pk, "kind": "equipment"},
    )
    requirement = Requirement.objects.get()
    assert requirement.status == "draft"
    walk.shot("1-drafted")
    walk.take("submit")
    expect(page.locator("section.requirement-actions p.status")).to_have_class("status submitted")
    walk.shot("1-submitted")

    # Not yet published: Canada's officer does not find it.
    walk.act(Role.NATION_CONTRIBUTOR, nation)
    assert refused(walk.go(f"/record/requirements/{requirement.pk}/"))

    # 2. The coordination cell validates and publishes it.
    walk.act(Role.COORDINATION_CELL)
    walk.go(f"/record/requirements/{requirement.pk}/")
    walk.take("validate")
    walk.take("publish")
    requirement.refresh_from_db()
    assert requirement.status == "published"
    walk.shot("2-published")

    # 3. Each nation's officer finds the published requirement, offers part, commits it.
    offers = {}
    for officer_nation, quantity in ((nation, 6), (other_nation, 4)):
        page = walk.act(Role.NATION_CONTRIBUTOR, officer_nation)
        walk.go("/record/requirements/")
        page.get_by_role("link", name=requirement.key).click()
        page.wait_for_load_state()
        expect(page.locator("section.requirement-actions")).to_be_visible()
        walk.add(
            "offers",
            {
                "category": "radios",
                "description": f"Handheld radios from {officer_nation.name}",
                "quantity": quantity,
                "unit": "radios",
                "value": f"{quantity * 900}.00",
                "valid_until": today + datetime.timedelta(days=365),
            },
            {"nation": officer_nation.pk, "kind": "equipment"},
        )
        offer = Offer.objects.get(nation=officer_nation)
        page.fill("#id_quantity_commit", str(quantity))
        page.locator("form.offer-step:has(#id_quantity_commit) button").click()
        page.wait_for_load_state()
        expect(page.locator(".message.success")).to_be_visible()
        offer.refresh_from_db()
        assert offer.committed_quantity == quantity
        offers[officer_nation.code] = offer
        walk.shot(f"3-offer-{officer_nation.code.lower()}")

    # Italy's officer (signed in last) lists its own offer only; Canada's is refused.
    canada_offer, italy_offer = offers[nation.code], offers[other_nation.code]
    walk.go("/record/offers/")
    expect(page.get_by_role("link", name=italy_offer.key)).to_be_visible()
    expect(page.get_by_role("link", name=canada_offer.key)).to_have_count(0)
    walk.shot("3-offers-italy")
    assert refused(walk.go(f"/record/offers/{canada_offer.pk}/"))
    walk.act(Role.NATION_CONTRIBUTOR, nation)
    walk.go("/record/offers/")
    expect(page.get_by_role("link", name=canada_offer.key)).to_be_visible()
    expect(page.get_by_role("link", name=italy_offer.key)).to_have_count(0)
    assert refused(walk.go(f"/record/offers/{italy_offer.pk}/"))
    # Nor may a nation's officer open the matching page.
    assert refused(walk.go(f"/coordination/requirements/{requirement.pk}/matching/"))

    # 4. The cell ranks both offers on the matching page and confirms each.
    page = walk.act(Role.COORDINATION_CELL)
    walk.go(f"/record/requirements/{requirement.pk}/")
    page.locator(f"a[href$='/requirements/{requirement.pk}/matching/']").click()
    page.wait_for_load_state()
    expect(page.locator("tr.candidate")).to_have_count(2)
    walk.shot("4-matching")
    for offer, quantity, unmatched in ((canada_offer, 6, 4), (italy_offer, 4, 0)):
        page.fill(f"#q-{offer.key}", str(quantity))
        page.locator(f"tr[data-offer='{offer.key}'] button").click()
        page.wait_for_load_state()
        expect(page.locator(".message.success")).to_be_visible()
        expect(page.locator("dd.unmatched")).to_contain_text(f"{unmatched} / 10")
        requirement.refresh_from_db()
        assert (requirement.status, requirement.matched_quantity) == ("partly_met", 10 - unmatched)
    expect(page.locator("table.matches tbody tr")).to_have_count(2)
    expect(page.locator("p.fully-matched")).to_be_visible()
    walk.shot("4-matched")
    matches = {m.offer.nation.code: m for m in Match.objects.select_related("offer__nation")}

    # 5. Each nation records its delivery under its match, with the receipt's scan.
    deliveries = {}
    for officer_nation, quantity in ((nation, 6), (other_nation, 4)):
        page = walk.act(Role.NATION_CONTRIBUTOR, officer_nation)
        walk.add(
            "deliveries",
            {
                "quantity": quantity,
                "delivered_on": today,
                "received_by": "Academy quartermaster",
                "what": f"{quantity} handheld radios",
            },
            {"match": matches[officer_nation.code].pk},
        )
        delivery = Delivery.objects.get(match=matches[officer_nation.code])
        page.set_input_files(
            "#receipt-file",
            files=[
                {
                    "name": f"receipt-{officer_nation.code.lower()}.pdf",
                    "mimeType": "application/pdf",
                    "buffer": RECEIPT,
                }
            ],
        )
        page.locator("section.delivery-receipt form[enctype] button").click()
        page.wait_for_load_state()
        expect(page.locator(".message.success")).to_be_visible()
        # The receipt panel's download (the field list links the same file).
        expect(
            page.locator(f"section.delivery-receipt a[href$='/deliveries/{delivery.key}/receipt/']")
        ).to_be_visible()
        deliveries[officer_nation.code] = delivery
        walk.shot(f"5-delivery-{officer_nation.code.lower()}")
    # Italy's officer (signed in last) may not open Canada's delivery, match or receipt.
    canada_delivery = deliveries[nation.code]
    assert refused(walk.go(f"/record/deliveries/{canada_delivery.pk}/"))
    assert refused(walk.go(f"/record/matches/{matches[nation.code].pk}/"))
    assert refused(walk.go(f"/coordination/deliveries/{canada_delivery.key}/receipt/"))

    # The liaison confirms receipt of both; the requirement is met.
    page = walk.act(Role.HOST_LIAISON)
    for delivery in deliveries.values():
        walk.go(f"/record/deliveries/{delivery.pk}/")
        page.locator(f"form[action$='/deliveries/{delivery.key}/confirm/'] button").click()
        page.wait_for_load_state()
        expect(page.locator(".message.success")).to_be_visible()
    walk.shot("5-confirmed")
    walk.go(f"/record/requirements/{requirement.pk}/")
    expect(page.locator("section.requirement-actions p.status")).to_have_class("status met")
    walk.shot("5-met")
    requirement.refresh_from_db()
    assert (requirement.status, requirement.delivered_quantity) == ("met", 10)
    assert Delivery.objects.filter(confirmed_by_recipient=True).count() == 2

    # 6. The auditor reads every step of the requirement in the audit trail.
    page = walk.act(Role.AUDITOR)
    page.locator(".main-nav a[href='/audit/']").click()
    page.wait_for_load_state()
    requirement_type = ContentType.objects.get_for_model(Requirement)
    page.select_option("#id_content_type", value=str(requirement_type.pk))
    page.fill("#id_object_id", str(requirement.pk))
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    rows = page.locator("main table tbody tr")
    # Drafted, submitted, validated, published, two matches, two deliveries.
    expect(rows).to_have_count(8)
    trail = rows.all_inner_texts()
    for actor in ("host_liaison", "coordination_cell", "nation_contributor"):
        assert any(actor in row for row in trail), (actor, trail)
    walk.shot("6-audit-trail")
    # Newest first: the fourth is the cell's first confirmation, which made it partly met.
    rows.nth(3).get_by_role("link").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("coordination_cell")
    diff = page.locator("table.diff")
    with translation.override(language):
        expect(diff).to_contain_text(str(Requirement.Status.PARTLY_MET.label))
    expect(diff).not_to_contain_text("partly_met")
    walk.shot("6-audit-change")
