"""Generated deliveries for `cadre demo`: hand-overs under the demo's confirmed matches.

Run after the requirements, offers and matches are generated. Each delivery is recorded
through `DeliveryService` (so no match is over-delivered and each requirement's status
follows), marked `generated`, with a key starting `gen-`; about two in three are
confirmed by the recipient. The same seed makes the same deliveries.
"""

import datetime
import random

from django.db.models import Sum

from cadre.core.services import OPERATOR, service_for
from cadre.missions.models import Location

from .models import Delivery, Match, Requirement

PREFIX = "gen-"
CLOSED = (Requirement.Status.WITHDRAWN, Requirement.Status.REJECTED)


def generate_deliveries(*, seed: int = 1, today: datetime.date | None = None) -> int:
    """Add deliveries to the confirmed matches that still owe some; return how many."""
    rng = random.Random(seed)
    today = today or datetime.date.today()
    places = list(Location.objects.filter(nation__code="IRQ").order_by("key")) or list(
        Location.objects.order_by("key")[:20]
    )
    matches = (
        Match.objects.filter(status=Match.Status.CONFIRMED)
        .exclude(requirement__status__in=CLOSED)
        .select_related("offer", "requirement__institution")
        .annotate(delivered=Sum("deliveries__quantity"))
        .order_by("key")
    )
    service = service_for(Delivery)
    made = 0
    for match in matches:
        owed = match.quantity - (match.delivered or 0)
        if owed <= 0:
            continue
        # Most matches are delivered in full, in one or two hand-overs; some only in part.
        parts = [owed] if owed == 1 or rng.random() < 0.5 else [owed // 2, owed - owed // 2]
        if rng.random() < 0.25:
            parts = parts[:1] if len(parts) > 1 else [max(1, owed // 2)]
        confirmed_at = match.confirmed_at.date() if match.confirmed_at else today
        day = min(today, confirmed_at + datetime.timedelta(days=rng.randint(7, 60)))
        if len(parts) > 1 and day >= today:
            # No later day to hand the rest over on: one hand-over, or the two would be
            # the same delivery twice.
            parts = [sum(parts)] if rng.random() < 0.75 else parts[:1]
        for number, quantity in enumerate(parts, start=1):
            delivery = service.save(
                Delivery(
                    key=f"{PREFIX}delivery-{match.key}-{number}"[:100],
                    match=match,
                    quantity=quantity,
                    delivered_on=day,
                    place=rng.choice(places) if places else None,
                    received_by=f"{match.requirement.institution.name} liaison"[:200],
                    what=f"{quantity} {match.requirement.unit}"[:200],
                    generated=True,
                ),
                user=OPERATOR,
            )
            made += 1
            if rng.random() < 0.67:
                service.confirm(
                    delivery, user=OPERATOR, on=min(today, day + datetime.timedelta(days=3))
                )
            day = min(today, day + datetime.timedelta(days=rng.randint(10, 45)))
    return made
