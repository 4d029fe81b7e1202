"""The demo's generated money: it fills the money API lists, every row marked generated,
once, and shows an amount that cannot be converted."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.coordination import selectors_money as money
from cadre.coordination.generated_money import RATE_SOURCE, UNRATED, generate_money
from cadre.coordination.models import Contribution, Disbursement, Donation, ExchangeRate, TrustFund
from cadre.core.roles import Role

from . import money_records as r

MODELS = (Donation, TrustFund, Contribution, Disbursement, ExchangeRate)


@pytest.fixture
def allies(db):
    return [
        r.nation(code, name)
        for code, name in (("CAN", "Canada"), ("ITA", "Italy"), ("USA", "United States"))
    ]


def test_generated_money_fills_the_api_lists(allies, client_as):
    made = generate_money()
    client = client_as(Role.COORDINATION_CELL)

    assert made["donations"] == Donation.objects.count() > 0
    for slug in ("donations", "trust-funds", "contributions", "disbursements", "exchange-rates"):
        response = client.get(f"/api/{slug}/")
        assert response.status_code == 200
        assert response.json()["results"], slug


def test_every_generated_row_is_marked_and_says_so(allies):
    generate_money()

    for model in MODELS:
        assert not model.objects.filter(generated=False).exists(), model.__name__
    assert all("(generated)" in d.description for d in Donation.objects.all())
    assert set(ExchangeRate.objects.values_list("source", flat=True)) == {RATE_SOURCE}


def created_entries(model):
    return ChangeRecord.objects.filter(
        action=ChangeAction.CREATE, content_type=ContentType.objects.get_for_model(model)
    )


def test_every_generated_row_is_in_the_audit_trail(allies):
    generate_money()

    for model in (Donation, TrustFund, Contribution, Disbursement):
        created = created_entries(model).values_list("object_id", flat=True)
        stored = {str(pk) for pk in model.objects.values_list("pk", flat=True)}
        assert stored and set(created) == stored, model.__name__
    (rates,) = created_entries(ExchangeRate)
    assert set(rates.after["keys"]) == set(ExchangeRate.objects.values_list("key", flat=True))


def test_a_generated_row_the_rules_refuse_is_not_written(allies, monkeypatch):
    from cadre.coordination import generated_money

    monkeypatch.setitem(generated_money.CURRENCIES, "eur", generated_money.CURRENCIES["USD"])

    with pytest.raises(ValidationError):
        generate_money()
    assert not ExchangeRate.objects.exists() and not TrustFund.objects.exists()


def test_generating_twice_makes_nothing_more(allies):
    generate_money()
    counts = [m.objects.count() for m in MODELS]

    assert generate_money() == {}
    assert [m.objects.count() for m in MODELS] == counts


def test_unrated_amounts_are_never_converted(allies):
    generate_money()
    books = money.ledgers(None)

    unrated = [c for book in books.values() for _row, c in book.rows if c.currency == UNRATED]
    assert unrated
    assert all(not c.convertible for c in unrated)
    assert not ExchangeRate.objects.filter(currency=UNRATED).exists()


def test_without_allies_nothing_is_generated(db):
    assert generate_money() == {}
    assert not TrustFund.objects.exists()
