"""`cadre export-3w FILE`, the overview's 3W download, and the demo's deliveries."""

import csv
import datetime
import io

import pytest

from cadre.cli import main
from cadre.coordination.generated_deliveries import generate_deliveries
from cadre.coordination.models import Delivery, Match, Requirement
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save

pytestmark = pytest.mark.django_db(transaction=True)

HASHTAGS = ["#org", "#sector", "#adm1", "#activity", "#date"]


@pytest.fixture
def deliveries(make_requirement, make_offer, make_match, make_place, other_nation):
    province = make_place("Baghdad Governorate")
    academy = make_place("Ar Rustamiyah", within=make_place("Baghdad", within=province))
    requirement = make_requirement(quantity=10)
    canada = make_match(make_offer(quantity=6), requirement, 6)
    italy = make_match(make_offer(quantity=4, nation_obj=other_nation), requirement, 4)
    for match, quantity, what in ((canada, 6, "60 radios"), (italy, 4, "40 radios")):
        save(
            Delivery(
                match=match,
                quantity=quantity,
                delivered_on=datetime.date(2027, 4, 1),
                received_by="Academy liaison",
                place=academy,
                what=what,
            ),
            user=OPERATOR,
        )


def read(text):
    return list(csv.reader(io.StringIO(text)))


def test_the_command_writes_names_then_hashtags_then_a_row_per_delivery(
    deliveries, tmp_path, capsys
):
    path = tmp_path / "3w.csv"

    assert main(["export-3w", str(path)]) == 0

    rows = read(path.read_text(encoding="utf-8"))
    names, tags, *data = rows
    assert names[:5] == ["Organisation", "Sector", "Province", "Place", "Activity"]
    assert all(tag in tags for tag in HASHTAGS)
    assert len(data) == 2
    by_tag = [dict(zip(tags, row, strict=True)) for row in data]
    assert {row["#org"] for row in by_tag} == {"Canada", "Italy"}
    assert {row["#adm1"] for row in by_tag} == {"Baghdad Governorate"}
    assert {row["#loc"] for row in by_tag} == {"Ar Rustamiyah"}
    assert {row["#sector"] for row in by_tag} == {"equipment: radios"}
    assert {row["#activity"] for row in by_tag} == {"60 radios", "40 radios"}
    assert {row["#date"] for row in by_tag} == {"2027-04-01"}
    assert "Wrote 2 deliveries" in capsys.readouterr().out


def test_the_download_holds_only_the_readers_nations_deliveries(deliveries, client_as):
    answer = client_as(Role.NATION_CONTRIBUTOR).get("/coordination/3w.csv")

    names, tags, *data = read(answer.content.decode())
    assert answer["Content-Type"].startswith("text/csv")
    assert [row[tags.index("#org")] for row in data] == ["Canada"]


def test_the_coordination_cell_downloads_every_delivery(deliveries, client_as):
    answer = client_as(Role.COORDINATION_CELL).get("/coordination/3w.csv")

    assert len(read(answer.content.decode())) == 4


def test_the_demo_delivers_under_confirmed_matches_within_them(
    make_requirement, make_offer, make_match, other_nation
):
    first, second = make_requirement(quantity=10), make_requirement(quantity=3)
    make_match(make_offer(quantity=10), first, 6)
    make_match(make_offer(quantity=10, nation_obj=other_nation), first, 4)
    make_match(make_offer(quantity=3), second, 3)
    make_match(make_offer(quantity=3), make_requirement(quantity=2), 2, status="proposed")

    made = generate_deliveries(seed=3, today=datetime.date(2027, 5, 1))

    assert made == Delivery.objects.count() > 0
    assert not Delivery.objects.filter(match__status=Match.Status.PROPOSED).exists()
    assert all(d.generated and d.key.startswith("gen-") for d in Delivery.objects.all())
    for match in Match.objects.all():
        assert sum(d.quantity for d in match.deliveries.all()) <= match.quantity
    for requirement in Requirement.objects.all():
        delivered = sum(d.quantity for d in Delivery.objects.filter(match__requirement=requirement))
        assert requirement.delivered_quantity == delivered


def test_the_demo_deliveries_are_listed_by_the_api(
    make_requirement, make_offer, make_match, api_as
):
    make_match(make_offer(quantity=5), make_requirement(quantity=5), 5)
    generate_deliveries()

    answer = api_as(Role.COORDINATION_CELL).get("/api/deliveries/")

    assert answer.status_code == 200
    assert answer.json()["results"]
