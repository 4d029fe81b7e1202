"""A section's chart drawn on the server as SVG, for the page and the PDF alike.

The SVG holds marks, axes and numbers only; the chart's title, axis names and legend
are written around it by the page or the PDF, in the report's language and script (an
SVG's own text would not be shaped right to left in the PDF).
"""

from django.utils.html import escape

# Colour-blind-safe (Okabe-Ito), as the training dashboard's charts.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")
WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 548, 12, 190
MOST_X_LABELS = 12


def _nice(top: float) -> float:
    """A round top for the y axis, at or above `top`."""
    if top <= 0:
        return 1
    step = 1
    while step * 10 <= top:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        if step * factor >= top:
            return step * factor
    return step * 10


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def legend(chart: dict) -> list[dict]:
    return [
        {"label": str(series["label"]), "colour": PALETTE[index % len(PALETTE)]}
        for index, series in enumerate(chart.get("series", []))
    ]


def svg(chart: dict) -> str:
    """The chart as a standalone SVG document."""
    series = chart.get("series", [])
    xs = []
    for line in series:
        for x, _y in line["points"]:
            if str(x) not in xs:
                xs.append(str(x))
    values = [float(y) for line in series for _x, y in line["points"] if y is not None]
    top = _nice(max(values, default=0))
    height = BOTTOM - TOP

    def y_of(value):
        return round(BOTTOM - float(value) / top * height, 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="Noto Sans" font-size="11" '
        'role="img">'
    ]
    for tick in range(5):
        value = top * tick / 4
        y = y_of(value)
        out.append(
            f'<line x1="{LEFT}" x2="{RIGHT}" y1="{y}" y2="{y}" stroke="#ccc" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" fill="#333">'
            f"{_number(value)}</text>"
        )
    slot = (RIGHT - LEFT) / max(len(xs), 1)
    every = max(1, -(-len(xs) // MOST_X_LABELS))
    for index, x in enumerate(xs):
        if index % every == 0:
            cx = round(LEFT + slot * (index + 0.5), 1)
            out.append(
                f'<text x="{cx}" y="{BOTTOM + 16}" text-anchor="middle" fill="#333">'
                f"{escape(x)}</text>"
            )
    if chart.get("kind") == "line":
        for number, line in enumerate(series):
            colour = PALETTE[number % len(PALETTE)]
            points = [
                (round(LEFT + slot * (xs.index(str(x)) + 0.5), 1), y_of(y))
                for x, y in line["points"]
                if y is not None
            ]
            if len(points) > 1:
                path = " ".join(f"{x},{y}" for x, y in points)
                out.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
            for x, y in points:
                out.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>')
    else:
        count = max(len(series), 1)
        width = slot * 0.8 / count
        for number, line in enumerate(series):
            colour = PALETTE[number % len(PALETTE)]
            for x, y in line["points"]:
                if y is None:
                    continue
                left = LEFT + slot * xs.index(str(x)) + slot * 0.1 + width * number
                out.append(
                    f'<rect x="{round(left, 1)}" y="{y_of(y)}" width="{round(width, 1)}" '
                    f'height="{round(BOTTOM - y_of(y), 1)}" fill="{colour}"/>'
                )
    out.append(f'<line x1="{LEFT}" x2="{RIGHT}" y1="{BOTTOM}" y2="{BOTTOM}" stroke="#333"/></svg>')
    return "".join(out)
