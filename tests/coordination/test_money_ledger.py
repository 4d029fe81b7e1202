"""Euro totals at stored rates, amounts that cannot be converted, and who reads what on the
money page."""

import datetime
from decimal import Decimal

import pytest

from cadre.coordination import selectors_money as money
from cadre.core.roles import Role

from . import money_records as r

D = datetime.date


@pytest.fixture
def ledger_data(db):
    """Canada gives in USD with rates; Italy in EUR; one Canadian amount in PLN, unrated."""
    canada, italy = r.nation("CAN", "Canada"), r.nation("ITA", "Italy")
    mission = r.mission()
    r.rate("USD", D(2006, 1, 1), "0.80")
    r.rate("USD", D(2007, 1, 1), "0.70")
    fund = r.fund("tf-a", mission)
    r.contribution(fund, canada, "1000.00", "USD", D(2006, 6, 1))  # EUR 800.00 at 2006 rate
    r.contribution(fund, canada, "1000.00", "USD", D(2007, 3, 1))  # EUR 700.00 at 2007 rate
    r.contribution(fund, canada, "500.00", "PLN", D(2007, 3, 1))  # no PLN rate
    r.contribution(fund, italy, "2500.50", "EUR", D(2007, 5, 1))
    r.donation("don-can", canada, "3000.00", "USD", D(2005, 12, 31), mission)  # before any rate
    r.donation("don-ita", italy, "4000.00", "EUR", D(2008, 1, 1), mission)
    r.disbursement(fund, "900.00", "EUR", D(2008, 2, 1))
    return {"canada": canada, "italy": italy, "fund": fund, "mission": mission}


def test_an_amount_converts_at_the_latest_rate_on_or_before_its_date(ledger_data):
    rates = money.Rates()
    on_the_day = rates.convert(Decimal("10.00"), "USD", D(2007, 1, 1))
    later = rates.convert(Decimal("10.00"), "USD", D(2009, 6, 30))
    between = rates.convert(Decimal("10.00"), "USD", D(2006, 12, 31))

    assert (on_the_day.eur, on_the_day.rate_on) == (Decimal("7.00"), D(2007, 1, 1))
    assert (later.eur, later.rate_on) == (Decimal("7.00"), D(2007, 1, 1))
    assert (between.eur, between.rate_on) == (Decimal("8.00"), D(2006, 1, 1))
    assert isinstance(on_the_day.eur, Decimal)


def test_an_amount_before_any_rate_or_with_none_is_not_convertible(ledger_data):
    rates = money.Rates()
    early = rates.convert(Decimal("10.00"), "USD", D(2005, 12, 31))
    unrated = rates.convert(Decimal("10.00"), "PLN", D(2010, 1, 1))

    assert not early.convertible and early.eur is None and early.rate_on is None
    assert not unrated.convertible


def test_euros_need_no_rate(ledger_data):
    euros = money.convert("12.34", "EUR", D(1999, 1, 1))

    assert euros.eur == Decimal("12.34") and euros.rate_on is None


def test_totals_leave_out_what_cannot_be_converted(ledger_data):
    books = money.ledgers(None)

    # 800.00 + 700.00 + 2500.50; the PLN amount is counted apart.
    assert books["contributions"].total_eur == Decimal("4000.50")
    assert books["contributions"].count == 4
    assert [c.currency for _row, c in books["contributions"].not_convertible] == ["PLN"]
    # The USD donation predates every USD rate.
    assert books["donations"].total_eur == Decimal("4000.00")
    assert len(books["donations"].not_convertible) == 1
    assert books["disbursements"].total_eur == Decimal("900.00")


def test_ledgers_keep_to_the_period(ledger_data):
    books = money.ledgers(None, D(2007, 1, 1), D(2007, 12, 31))

    assert books["contributions"].count == 3
    assert books["donations"].count == 0
    assert books["disbursements"].count == 0


def test_a_nation_contributor_reads_only_its_own_nations_money(ledger_data, make_user):
    canadian = make_user(Role.NATION_CONTRIBUTOR, ledger_data["canada"])
    books = money.ledgers(canadian)

    assert {row.nation.code for row, _c in books["contributions"].rows} == {"CAN"}
    assert {row.nation.code for row, _c in books["donations"].rows} == {"CAN"}
    assert books["contributions"].total_eur == Decimal("1500.00")


def test_by_nation_and_year_sums_euros(ledger_data):
    books = money.ledgers(None)
    by_year = money.by_nation_and_year(books["contributions"], "contributed_on")

    assert by_year[2006] == {ledger_data["canada"]: Decimal("800.00")}
    assert by_year[2007] == {
        ledger_data["canada"]: Decimal("700.00"),
        ledger_data["italy"]: Decimal("2500.50"),
    }


def test_the_money_page_shows_the_cells_totals_and_the_rate_dates(ledger_data, client_as):
    client = client_as(Role.COORDINATION_CELL)
    response = client.get("/coordination/money/")
    body = response.content.decode()

    assert response.status_code == 200
    assert "EUR 4,000" in body  # contributions, rounded to the euro
    assert "not convertible" in body
    assert 'id="donations-chart"' in body and "<svg" in body
    assert "Italy" in body
    assert "2007" in body  # the rate's date next to a converted amount


def test_the_money_page_shows_a_nation_contributor_nothing_of_another_nation(
    ledger_data, client_as
):
    client = client_as(Role.NATION_CONTRIBUTOR, ledger_data["canada"])
    body = client.get("/coordination/money/").content.decode()

    assert "You see your own nation" in body
    assert "Italy" not in body
    assert "EUR 1,500" in body


def test_the_money_page_needs_a_signed_in_user(ledger_data, client):
    response = client.get("/coordination/money/")

    assert response.status_code == 302


def test_the_money_page_states_the_published_totals_with_their_sources(client_as, dataset):
    body = client_as(Role.COORDINATION_CELL).get("/coordination/money/").content.decode()

    assert "over EUR 115 million" in body
    assert "over EUR 17.5 million" in body and "EUR 17.5 million" in body
    assert "/sources/nato-assistance-2004-2011/" in body or "nato-assistance-2004-2011" in body
    assert "word this figure differently" in body


def test_a_rate_for_the_euro_is_refused(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        r.rate("EUR", D(2006, 1, 1), "1")


def test_a_second_rate_for_the_same_currency_and_day_is_refused(db):
    from django.core.exceptions import ValidationError

    r.rate("USD", D(2006, 1, 1), "0.8")
    with pytest.raises(ValidationError):
        r.rate("USD", D(2006, 1, 1), "0.9")
