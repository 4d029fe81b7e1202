"""The coordination overview's charts, drawn on the server in SVG with the marks of the
training dashboard (one bar per label, its figure above it)."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

from cadre.training.dashboard import PALETTE, _marks, _nice

from .selectors_deliveries import TIERS

WIDTH, HEIGHT = 460, 220
LEFT, RIGHT, TOP, BOTTOM = 64, 10, 16, 30


def tier_labels() -> dict:
    return {
        "pledged": _("pledged"),
        "committed": _("committed"),
        "in_transit": _("in transit"),
        "donor_received": _("received (donor)"),
        "confirmed": _("received (recipient)"),
    }


def bar_chart(items, width=WIDTH) -> dict | None:
    """One bar per (label, figure, colour); None when there is nothing to draw. A chart
    with long labels is drawn wider, so that they stay apart."""
    if not items or not any(figure for _label, figure, _colour in items):
        return None
    top = max(figure for _label, figure, _colour in items)
    step = _nice(-(-int(top) // 4) or 1)
    ceiling = 4 * step
    plot_w, plot_h = width - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(items)
    bar_width = min(48, slot * 0.7)
    bars = []
    for i, (label, figure, colour) in enumerate(items):
        x = LEFT + i * slot + (slot - bar_width) / 2
        height = plot_h * float(figure) / ceiling
        y = TOP + plot_h - height
        bars.append(
            {
                "year": escape(label),
                "x": round(x, 1),
                "width": round(bar_width, 1),
                "label_x": round(x + bar_width / 2, 1),
                "segments": [
                    {"y": round(y, 1), "height": round(height, 1), "fill": colour, "n": figure}
                ]
                if figure
                else [],
                "total": figure,
                "total_y": round(y - 3, 1),
            }
        )
    ticks = [{"value": step * k, "y": round(TOP + plot_h - plot_h * k / 4, 1)} for k in range(5)]
    frame = {"left": LEFT, "right": width - RIGHT, "bottom": TOP + plot_h, "label_y": HEIGHT - 8}
    return {"marks": _marks(frame, ticks, bars), "width": width, "height": HEIGHT}


def met_over_time(by_month) -> dict | None:
    """Requirements met by the end of each month, cumulative (the last twelve months met)."""
    items = [(month.strftime("%Y-%m"), total, PALETTE[2]) for month, total in by_month[-12:]]
    return bar_chart(items)


def tiers_chart(values: dict) -> dict | None:
    """The value of the offers by tier, in one currency."""
    labels = tier_labels()
    items = [(str(labels[tier]), values[tier], PALETTE[i]) for i, tier in enumerate(TIERS)]
    items = [(label, figure or Decimal(0), colour) for label, figure, colour in items]
    return bar_chart(items, width=680)
