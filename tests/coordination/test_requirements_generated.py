"""`cadre demo`'s generated requirements, offers and matches fill their API lists, all
marked generated, written through the services (statuses and matched totals agree)."""

import pytest

from cadre.coordination.generated_requirements import generate_requirements
from cadre.coordination.models import Match, Offer, Requirement

pytestmark = pytest.mark.django_db


def test_generated_rows_fill_the_api_lists(dataset, cell, api_as):
    made = generate_requirements()
    api = api_as(cell)

    for slug in ("requirements", "offers", "matches"):
        assert api.get(f"/api/{slug}/").json()["results"], (slug, made)
    assert not Requirement.objects.filter(generated=False).exists()
    assert not Offer.objects.filter(generated=False).exists()
    assert set(Requirement.objects.values_list("status", flat=True)) >= {
        "draft",
        "submitted",
        "validated",
        "partly_met",
    }
    for need in Requirement.objects.all():
        confirmed = Match.objects.filter(requirement=need, status="confirmed")
        assert need.matched_quantity == sum(m.quantity for m in confirmed)
    assert generate_requirements().startswith("nothing")
