"""Generated requirements, offers and matches for `cadre demo`, written through their
services (so every rule, and the audit trail, holds for them as for any other record).

Every generated requirement and offer has `generated` set and a key starting `gen-`;
generated matches are named `gen-...` too. No published figure is computed from them.
"""

import datetime
import random

from django.db import transaction

from cadre.accounts.models import Nation
from cadre.core.services import OPERATOR, service_for
from cadre.missions.models import Mission, Organisation

from .models import Match, Offer, Requirement, SupportKind

PREFIX = "gen-"
# (kind, category, unit, description)
NEEDS = [
    (SupportKind.EQUIPMENT, "vehicles", "vehicles", "Light vehicles for a training school"),
    (SupportKind.EQUIPMENT, "medical", "kits", "Field medical kits for trainees"),
    (SupportKind.TRAINING_SEATS, "c-ied", "seats", "Seats on a counter-IED course"),
    (SupportKind.MOBILE_TEAM, "logistics", "teams", "A mobile team for logistics training"),
    (SupportKind.EXPERTISE, "doctrine", "advisors", "Advisors for doctrine writing"),
    (SupportKind.FUNDING, "infrastructure", "EUR", "Funding for classroom repairs"),
]


def generate_requirements(requirements=12, offers_each=2, seed=7) -> str:
    """Requirements at every step of their workflow, offers from several nations, and
    partial matches; once per database (nothing is made when generated ones exist)."""
    if Requirement.objects.filter(generated=True).exists():
        return "nothing: generated requirements exist"
    mission = Mission.objects.order_by("pk").first()
    institution = Organisation.objects.order_by("pk").first()
    nations = list(Nation.objects.order_by("code")[:8])
    if mission is None or institution is None or not nations:
        return "nothing: no mission, organisation or nation to attach them to"
    rng = random.Random(seed)
    today = datetime.date.today()
    made = {"requirements": 0, "offers": 0, "matches": 0}
    needs_service = service_for(Requirement)
    offers_service = service_for(Offer)
    matches = service_for(Match)
    steps = ["draft", "submit", "validate", "publish", "publish", "publish"]
    workflow = ["draft", "submit", "validate", "publish"]
    with transaction.atomic():
        for number in range(requirements):
            kind, category, unit, text = NEEDS[number % len(NEEDS)]
            quantity = rng.randint(4, 40)
            need = needs_service.save(
                Requirement(
                    key=f"{PREFIX}req-{number + 1}",
                    mission=mission,
                    institution=institution,
                    kind=kind,
                    category=category,
                    description=text,
                    quantity=quantity,
                    unit=unit,
                    priority=rng.randint(1, 4),
                    needed_by=today + datetime.timedelta(days=rng.randint(30, 300)),
                    generated=True,
                ),
                user=OPERATOR,
            )
            made["requirements"] += 1
            for action in workflow[1 : workflow.index(steps[number % len(steps)]) + 1]:
                need = needs_service.transition(need, action, user=OPERATOR)
            for offer_number in range(offers_each):
                nation = nations[(number + offer_number) % len(nations)]
                offer = offers_service.save(
                    Offer(
                        key=f"{PREFIX}offer-{number + 1}-{offer_number + 1}",
                        nation=nation,
                        kind=kind,
                        category=category,
                        description=f"{text} ({nation.code})",
                        quantity=rng.randint(2, quantity),
                        unit=unit,
                        language=rng.choice(["English", "Arabic", ""]),
                        valid_until=today + datetime.timedelta(days=rng.randint(200, 500)),
                        generated=True,
                    ),
                    user=OPERATOR,
                )
                made["offers"] += 1
                offer = offers_service.step(
                    offer, "commit", offer.quantity // 2 or 1, user=OPERATOR
                )
                if need.status in ("published", "partly_met"):
                    need.refresh_from_db()
                    room = min(offer.quantity, need.quantity - need.matched_quantity)
                    if room > 0:
                        match = Match(
                            key=f"{PREFIX}match-{number + 1}-{offer_number + 1}",
                            requirement=need,
                            offer=offer,
                            quantity=max(1, room // 2),
                            status=Match.Status.CONFIRMED,
                        )
                        matches.save(match, user=OPERATOR)
                        made["matches"] += 1
    return ", ".join(f"{count} {name}" for name, count in made.items())
