"""The trend of an institution's approved ratings as SVG, drawn on the server: the levels
of the mission's scale up the side, the assessments' days along the bottom."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 210, 40, 16, 36


def trend_chart(points, levels) -> dict | None:
    """`points` [(date, level)] in date order; `levels` the scale's levels by rank."""
    if not points or not levels:
        return None
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)
    top_rank = max(level.rank for level in levels)

    def x_of(day):
        if first == last:
            return LEFT + plot_w / 2
        return round(LEFT + plot_w * (day - first).days / span, 1)

    def y_of(rank):
        if top_rank == 1:
            return TOP + plot_h / 2
        return round(TOP + plot_h - plot_h * (rank - 1) / (top_rank - 1), 1)

    parts = []
    for level in levels:
        y = y_of(level.rank)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>'
            f'<text x="{LEFT - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{escape(str(level))}</text>"
        )
    coordinates = " ".join(f"{x_of(day)},{y_of(level.rank)}" for day, level in points)
    parts.append(
        f'<polyline class="trend" fill="none" stroke="#1f4e79" stroke-width="2" '
        f'points="{coordinates}"/>'
    )
    for day, level in points:
        parts.append(
            f'<circle class="point" cx="{x_of(day)}" cy="{y_of(level.rank)}" r="4" '
            f'fill="#1f4e79">'
            f"<title>{day.isoformat()}: {escape(str(level))}</title></circle>"
        )
    bottom = TOP + plot_h
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}"/>'
    )
    # The first day's label starts at its point and the last one's ends at its point, so
    # that neither runs off the chart.
    ends = {first: "middle"} if first == last else {first: "start", last: "end"}
    for day, anchor in ends.items():
        parts.append(
            f'<text x="{x_of(day)}" y="{bottom + 18}" text-anchor="{anchor}">'
            f"{day.isoformat()}</text>"
        )
    return {
        "marks": mark_safe("".join(parts)),  # noqa: S308 (numbers made here; labels escaped)
        "width": WIDTH,
        "height": HEIGHT,
    }
