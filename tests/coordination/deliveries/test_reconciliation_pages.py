"""The reconciliation page and the allotment form hold a page at a time, however many
offers, requirements and sessions there are."""

import datetime
import re

import pytest

from cadre.coordination import selectors_deliveries, selectors_reconciliation
from cadre.coordination.models import Delivery
from cadre.core import paging, pickers
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save, service_for
from cadre.training.models import Course, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages_of_two(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)


def deliver(match, quantity, confirm=False):
    delivery = save(
        Delivery(
            match=match, quantity=quantity, delivered_on=datetime.date(2027, 4, 1), received_by="L"
        ),
        user=OPERATOR,
    )
    if confirm:
        service_for(Delivery).confirm(delivery, user=OPERATOR, on=datetime.date(2027, 4, 2))


def next_link(html, name):
    found = re.search(rf'<a rel="next" href="([^"]*#{name})"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_the_page_lists_a_page_of_offers_and_links_the_next(client_as, make_offer, pages_of_two):
    keys = sorted(make_offer(key=f"offer-page-{n}").key for n in range(3))
    client = client_as(Role.COORDINATION_CELL)

    first = client.get("/coordination/reconciliation/").content.decode()
    following = next_link(first, "offers")
    second = client.get(f"/coordination/reconciliation/{following}").content.decode()

    assert keys[0] in first and keys[1] in first and keys[2] not in first
    assert keys[2] in second and keys[0] not in second
    assert next_link(second, "offers") is None


def test_paging_one_list_keeps_the_other_on_its_page(
    client_as, make_offer, make_requirement, pages_of_two
):
    for n in range(3):
        make_offer(key=f"offer-page-{n}")
        make_requirement(key=f"req-page-{n}")
    client = client_as(Role.COORDINATION_CELL)
    first = client.get("/coordination/reconciliation/?only=").content.decode()
    on_offers = client.get(f"/coordination/reconciliation/{next_link(first, 'offers')}")

    following = next_link(on_offers.content.decode(), "requirements")

    assert "offers=" in following and "only=" in following
    html = client.get(f"/coordination/reconciliation/{following}").content.decode()
    assert "offer-page-2" in html and "req-page-2" in html and "req-page-0" not in html


def test_only_the_differences_are_those_the_figures_show(
    make_user, make_offer, make_requirement, make_match, pages_of_two
):
    requirement = make_requirement(quantity=40)
    more = make_offer(quantity=6, donor_received_quantity=6)
    deliver(make_match(more, requirement, 6), 4, confirm=True)
    agrees = make_offer(quantity=6, donor_received_quantity=4)
    deliver(make_match(agrees, requirement, 6), 4, confirm=True)
    make_offer(quantity=3)
    make_offer(quantity=3, donor_received_quantity=3)
    unconfirmed = make_requirement(quantity=5)
    deliver(make_match(make_offer(quantity=5), unconfirmed, 5), 2)
    user = make_user(Role.COORDINATION_CELL)

    expected = selectors_deliveries.differences(user)
    offers, cursor, paged = [], None, []
    while True:
        page, rows = selectors_reconciliation.offers_page(
            user, only_differences=True, cursor=cursor
        )
        offers += [row["offer"] for row in rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    _page, paged = selectors_reconciliation.requirements_page(user, only_differences=True)

    assert offers == [row["offer"] for row in expected["offers"]] and len(offers) == 2
    assert [row["requirement"] for row in paged] == [
        row["requirement"] for row in expected["requirements"]
    ]


def test_a_nation_contributor_pages_through_its_own_offers_only(
    make_user, make_offer, other_nation, pages_of_two
):
    own = make_offer(key="offer-own")
    make_offer(key="offer-theirs", nation_obj=other_nation)

    page, rows = selectors_reconciliation.offers_page(make_user(Role.NATION_CONTRIBUTOR))

    assert [row["offer"] for row in rows] == [own] and page.count == 1


def test_the_allotment_form_searches_sessions_once_they_are_many(
    client_as, make_offer, monkeypatch
):
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 2)
    course = save(Course(code="LOG-1", title="Logistics officers"), user=OPERATOR)
    for day in range(1, 4):
        save(
            Session(course=course, start=datetime.date(2027, 9, day), capacity=30, status="open"),
            user=OPERATOR,
        )
    offer = make_offer(quantity=12, kind="training_seats", category="logistics", unit="seats")

    html = client_as(Role.MISSION_STAFF).get(f"/record/offers/{offer.pk}/").content.decode()

    start = html.index(f"/coordination/offers/{offer.key}/make-allotment/")
    form = html[start : html.index("</form>", start)]
    assert 'class="record-picker"' in form
    assert '<select name="session"' not in form
