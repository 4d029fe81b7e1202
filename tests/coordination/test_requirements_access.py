"""A nation contributor reads published requirements only, and its own nation's offers
and matches only: on the list, detail, export, API list and detail, filter choice."""

import pytest

from cadre.coordination.models import Match, Requirement
from cadre.core.roles import Role
from cadre.core.services import service_for

pytestmark = pytest.mark.django_db

HIDDEN = ["draft", "submitted", "validated", "withdrawn", "rejected"]


@pytest.fixture
def seen(make_requirement, make_offer, other_nation, make_user, cell):
    shown = {s: make_requirement(status=s) for s in ["published", "partly_met", "met"]}
    hidden = {s: make_requirement(status=s) for s in HIDDEN}
    own, foreign = make_offer(), make_offer(of=other_nation)
    own_match = service_for(Match).confirm(shown["published"], own, 1, user=cell)
    foreign_match = service_for(Match).confirm(shown["published"], foreign, 1, user=cell)
    contributor = make_user(Role.NATION_CONTRIBUTOR)
    return shown, hidden, (own, foreign), (own_match, foreign_match), contributor


def test_pages_and_exports(seen, client):
    shown, hidden, (own, foreign), (own_match, foreign_match), contributor = seen
    client.force_login(contributor)

    listing = client.get("/record/requirements/").content.decode()
    export = b"".join(client.get("/record/requirements/export.csv").streaming_content).decode()
    offers = b"".join(client.get("/record/offers/export.csv").streaming_content).decode()
    matches = client.get("/record/matches/").content.decode()

    for requirement in shown.values():
        assert requirement.key in listing and requirement.key in export
        assert client.get(f"/record/requirements/{requirement.pk}/").status_code == 200
    for requirement in hidden.values():
        assert requirement.key not in listing and requirement.key not in export
        assert client.get(f"/record/requirements/{requirement.pk}/").status_code == 404
    assert own.key in offers and foreign.key not in offers
    assert client.get(f"/record/offers/{foreign.pk}/").status_code == 404
    assert own_match.key in matches and foreign_match.key not in matches
    assert (
        client.get(f"/coordination/requirements/{shown['published'].pk}/matching/").status_code
        == 403
    )


def test_api(seen, api_as):
    shown, hidden, (own, foreign), (own_match, foreign_match), contributor = seen
    api = api_as(contributor)

    listed = {row["key"] for row in api.get("/api/requirements/?page_size=100").json()["results"]}
    offers = {row["key"] for row in api.get("/api/offers/").json()["results"]}
    matches = {row["key"] for row in api.get("/api/matches/").json()["results"]}

    assert listed == {r.key for r in shown.values()}
    for requirement in hidden.values():
        assert api.get(f"/api/requirements/{requirement.key}/").status_code == 404
        assert api.get(f"/api/matches/?requirement={requirement.key}").status_code == 400
    assert offers == {own.key}
    assert matches == {own_match.key}
    assert api.get(f"/api/offers/{foreign.key}/").status_code == 404
    assert api.get(f"/api/matches/{foreign_match.key}/").status_code == 404


def test_the_filter_choices_hold_no_hidden_requirement(seen, client):
    shown, hidden, *_rest, contributor = seen
    client.force_login(contributor)

    answer = client.get(f"/record/matches/?requirement={hidden['draft'].key}")

    assert hidden["draft"].key not in answer.content.decode().split("<table")[-1]
    assert Requirement.objects.filter(status="draft").exists()


def test_the_coordination_cell_reads_all(seen, api_as, cell):
    shown, hidden, *_rest = seen

    listed = api_as(cell).get("/api/requirements/?page_size=100").json()["results"]

    assert len(listed) == len(shown) + len(hidden)
