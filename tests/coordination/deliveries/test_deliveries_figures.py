"""Donor against recipient figures, duplicated offers, and the overview page."""

import datetime

import pytest

from cadre.coordination import selectors_deliveries as sel
from cadre.coordination.models import Delivery
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save, service_for

pytestmark = pytest.mark.django_db


def deliver(match, quantity, confirm=False, day=datetime.date(2027, 4, 1)):
    delivery = save(
        Delivery(match=match, quantity=quantity, delivered_on=day, received_by="Liaison"),
        user=OPERATOR,
    )
    if confirm:
        service_for(Delivery).confirm(delivery, user=OPERATOR, on=day)
    return delivery


@pytest.fixture
def requirement(make_requirement):
    return make_requirement(quantity=10)


def test_an_offer_whose_donor_reports_more_than_was_confirmed_is_listed(
    make_user, requirement, make_offer, make_match
):
    offer = make_offer(quantity=6, committed_quantity=6, donor_received_quantity=6)
    match = make_match(offer, requirement, 6)
    deliver(match, 4, confirm=True)

    listed = sel.differences(make_user(Role.COORDINATION_CELL))["offers"]

    assert [(row["offer"], row["donor_received"], row["confirmed"]) for row in listed] == [
        (offer, 6, 4)
    ]


def test_figures_that_agree_are_not_listed(make_user, requirement, make_offer, make_match):
    offer = make_offer(quantity=6, committed_quantity=6, donor_received_quantity=4)
    deliver(make_match(offer, requirement, 6), 4, confirm=True)

    assert sel.differences(make_user(Role.COORDINATION_CELL))["offers"] == []


def test_a_requirement_with_unconfirmed_deliveries_is_listed(
    make_user, requirement, make_offer, make_match
):
    deliver(make_match(make_offer(quantity=6), requirement, 6), 3)

    listed = sel.differences(make_user(Role.COORDINATION_CELL))["requirements"]

    assert [(row["requirement"], row["delivered"], row["confirmed"]) for row in listed] == [
        (requirement, 3, 0)
    ]


def test_a_nation_contributor_sees_only_its_own_nations_offer_figures(
    make_user, requirement, make_offer, make_match, other_nation
):
    own = make_offer(quantity=5, donor_received_quantity=5)
    other = make_offer(quantity=5, nation_obj=other_nation, donor_received_quantity=5)
    make_match(own, requirement, 5)
    make_match(other, requirement, 5)

    rows = sel.offer_figures(make_user(Role.NATION_CONTRIBUTOR))

    assert [row["offer"] for row in rows] == [own]


# Duplication ---------------------------------------------------------------------------


@pytest.fixture
def duplicated(requirement, make_offer, make_match, other_nation):
    """Canada and Italy each offer 8 of the 10 radios needed."""
    canada = make_offer(quantity=8)
    italy = make_offer(quantity=8, nation_obj=other_nation, description="Italian radios")
    make_match(canada, requirement, 5, status="proposed")
    make_match(italy, requirement, 5, status="proposed")
    return canada, italy


def test_two_donors_offering_more_than_is_needed_are_warned(make_user, duplicated, requirement):
    canada, italy = duplicated
    cell = make_user(Role.COORDINATION_CELL)

    warnings = sel.duplicates_of(canada, cell)

    assert [(w["offer"], w["same_requirement"], w["requirements"]) for w in warnings] == [
        (italy, True, [requirement])
    ]
    assert [w["offer"] for w in sel.duplicates_of(italy, cell)] == [canada]


def test_a_nation_contributor_is_told_another_donor_not_which(make_user, duplicated):
    canada, _italy = duplicated

    warnings = sel.duplicates_of(canada, make_user(Role.NATION_CONTRIBUTOR))

    assert len(warnings) == 1
    assert warnings[0]["offer"] is None


def test_the_offer_page_warns_without_naming_another_nations_offer(client_as, duplicated):
    canada, _italy = duplicated

    page = client_as(Role.NATION_CONTRIBUTOR).get(f"/record/offers/{canada.pk}/").content.decode()

    assert "Possible duplication" in page
    assert "An offer of another donor" in page
    assert "Italian radios" not in page


def test_the_requirement_page_warns_of_the_duplication(client_as, duplicated, requirement):
    page = client_as(Role.COORDINATION_CELL).get(f"/record/requirements/{requirement.pk}/")

    assert "Possible duplication" in page.content.decode()
    assert "Italian radios" in page.content.decode()


def test_offers_that_together_fit_the_need_are_not_warned(
    make_user, requirement, make_offer, make_match, other_nation
):
    canada = make_offer(quantity=5)
    italy = make_offer(quantity=5, nation_obj=other_nation)
    make_match(canada, requirement, 5)
    make_match(italy, requirement, 5)

    assert sel.duplicates_of(canada, make_user(Role.COORDINATION_CELL)) == []


def test_an_offer_expired_before_the_need_is_not_warned(
    make_user, requirement, make_offer, make_match, other_nation
):
    canada = make_offer(quantity=8)
    italy = make_offer(quantity=8, nation_obj=other_nation, valid_until=datetime.date(2027, 1, 1))
    make_match(canada, requirement, 5, status="proposed")
    make_match(italy, requirement, 5, status="proposed")

    assert sel.duplicates_of(canada, make_user(Role.COORDINATION_CELL)) == []


def test_offers_for_another_requirement_of_the_same_institution_are_warned(
    make_user, make_requirement, make_offer, make_match, other_nation
):
    first, second = make_requirement(quantity=4), make_requirement(quantity=4)
    canada = make_offer(quantity=6)
    italy = make_offer(quantity=6, nation_obj=other_nation)
    make_match(canada, first, 4)
    make_match(italy, second, 4)

    warnings = sel.duplicates_of(canada, make_user(Role.COORDINATION_CELL))

    assert [(w["offer"], w["same_requirement"]) for w in warnings] == [(italy, False)]


def test_a_page_names_the_first_duplicates_and_counts_the_rest(
    client_as, make_user, make_requirement, make_offer, make_match, other_nation
):
    canada = make_offer(quantity=6)
    make_match(canada, make_requirement(quantity=4), 4)
    for _ in range(sel.DUPLICATES_SHOWN + 2):
        make_match(make_offer(quantity=6, nation_obj=other_nation), make_requirement(quantity=4), 4)

    warnings = sel.duplicates_of(canada, make_user(Role.COORDINATION_CELL))
    page = client_as(Role.COORDINATION_CELL).get(f"/record/offers/{canada.pk}/").content.decode()

    assert (len(warnings), warnings.omitted) == (sel.DUPLICATES_SHOWN, 2)
    assert "and 2 more offers of other donors" in page


def test_two_offers_of_one_donor_are_not_a_duplication(
    make_user, requirement, make_offer, make_match
):
    first, second = make_offer(quantity=8), make_offer(quantity=8)
    make_match(first, requirement, 5, status="proposed")
    make_match(second, requirement, 5, status="proposed")

    assert sel.duplicates_of(first, make_user(Role.COORDINATION_CELL)) == []


# The overview --------------------------------------------------------------------------


def test_the_overview_draws_met_requirements_and_tiers(
    client_as, requirement, make_offer, make_match
):
    offer = make_offer(quantity=10, committed_quantity=10, value="1000.00")
    deliver(make_match(offer, requirement, 10), 10, confirm=True)

    page = client_as(Role.COORDINATION_CELL).get("/coordination/").content.decode()

    assert "Requirements met by the end of each month" in page
    assert "2027-04" in page
    assert "Value of the offers by tier, in EUR" in page
    assert "1,000.00" in page


def test_the_overview_is_in_the_navigation(client_as):
    page = client_as(Role.COORDINATION_CELL).get("/").content.decode()

    assert 'href="/coordination/"' in page


def test_a_nation_contributor_sees_only_its_own_offers_values(
    client_as, requirement, make_offer, make_match, other_nation
):
    make_offer(quantity=10, value="1000.00")
    make_offer(quantity=10, value="7777.00", nation_obj=other_nation)

    page = client_as(Role.NATION_CONTRIBUTOR).get("/coordination/").content.decode()

    assert "1,000.00" in page
    assert "7,777.00" not in page


def test_the_reconciliation_page_marks_differences(client_as, requirement, make_offer, make_match):
    offer = make_offer(quantity=6, donor_received_quantity=6)
    deliver(make_match(offer, requirement, 6), 4, confirm=True)

    page = client_as(Role.COORDINATION_CELL).get("/coordination/reconciliation/?only=differences")

    assert 'class="differs"' in page.content.decode()
    assert offer.key in page.content.decode()
