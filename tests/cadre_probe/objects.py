from cadre.core.registry import register
from cadre.core.roles import Role

from .models import Briefing, Receipt, Seat
from .services import ReceiptService, SeatService

register(
    Briefing,
    slug="probe-briefings",
    columns=["key", "title", "capacity", "held_on", "held_on_precision", "nation"],
    filters={"nation": ["exact"]},
    search=["title"],
    ordering=["key"],
    nation_field="nation",
    nation_writers=frozenset({Role.NATION_CONTRIBUTOR}),
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
    select_related=["briefing"],
    in_dataset=False,
)
