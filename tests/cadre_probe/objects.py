from cadre.core.registry import register
from cadre.core.roles import Role

from .models import Briefing, Receipt, Seat
from .services import ReceiptService, SeatService

NATION_CONTRIBUTORS = frozenset({Role.NATION_CONTRIBUTOR})

register(
    Briefing,
    slug="probe-briefings",
    columns=["key", "title", "capacity", "held_on", "held_on_precision", "nation"],
    filters={"nation": ["exact"]},
    search=["title"],
    ordering=["key"],
    nation_field="nation",
    nation_writers=NATION_CONTRIBUTORS,
    nation_readers=NATION_CONTRIBUTORS,
    select_related=["nation"],
    importable=True,
    in_dataset=True,
)
register(
    Seat,
    slug="probe-seats",
    columns=["key", "briefing", "holder", "topics"],
    filters={"briefing": ["exact"]},
    search=["holder"],
    ordering=["key"],
    service=SeatService,
    # A seat names its holder: who may not view seats learns how many, not who.
    personal_data=True,
    view_roles=frozenset(
        {
            Role.ADMIN,
            Role.MISSION_STAFF,
            Role.TRAINING_OFFICER,
            Role.NATION_CONTRIBUTOR,
            Role.AUDITOR,
        }
    ),
    nation_field="briefing__nation",
    nation_writers=NATION_CONTRIBUTORS,
    nation_readers=NATION_CONTRIBUTORS,
    select_related=["briefing"],
    prefetch_related=["topics"],
    importable=True,
    in_dataset=True,
)
register(
    Receipt,
    slug="probe-receipts",
    columns=["key", "briefing", "note"],
    ordering=["key"],
    service=ReceiptService,
    generic_writes=False,
    nation_field="briefing__nation",
    nation_readers=NATION_CONTRIBUTORS,
    select_related=["briefing"],
    in_dataset=False,
)
