"""Charts and maps of the mission record, drawn as inline SVG on the server.

The geometry is computed here and the templates only place the shapes, so a page
needs no script to show them. Drawings run left to right in every language (time
axes, east to the right); the templates put dir="ltr" on the svg.
"""

import datetime
import math

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from cadre.core import dates
from cadre.missions import strength

register = template.Library()

CHART = {"width": 680, "height": 280, "left": 60, "right": 20, "top": 30, "bottom": 44}
MAP = {"width": 440, "height": 360, "pad": 24, "label_gap": 16, "label_column": 360}


def _nice_step(largest: float, most_ticks: int = 5) -> int:
    """A round tick step (1, 2 or 5 times a power of ten) giving at most `most_ticks` ticks."""
    magnitude = 10 ** max(0, math.floor(math.log10(max(largest, 1))))
    for factor in (1, 2, 5, 10):
        step = factor * magnitude
        if largest / step <= most_ticks:
            return int(step)
    return int(10 * magnitude)


def _midpoint(value: datetime.date, precision: str) -> datetime.date:
    """The middle of the period a date stands for: "2020" is drawn at mid-2020."""
    end = dates.period_end(value, precision)
    return value + (end - value) / 2


@register.inclusion_tag("missions/_strength_chart.html")
def strength_chart(force_levels, start=None, end=None):
    """Strength over time: each figure numbered to its source, and the running totals.

    Reported and authorised totals are marks; figures of one kind, day and strength from
    several sources share a mark. An increase is not a total: it is added to the latest
    total before it and drawn as a computed mark (Σ1, Σ2 …), whose rule the caption gives
    in words (cadre.missions.strength). A figure given only in words ("fully staffed") is
    a flag on the time axis.

    The time axis covers `start` to `end` (the mission's period, today when it runs on)
    as well as every figure, so a reader sees when in the mission the figures fall.
    """
    levels = list(force_levels)
    if not levels:
        return {"chart": None}
    figures = strength.figures_of(levels)
    steps = strength.running_totals(figures)
    width, height = CHART["width"], CHART["height"]
    left, right, top, bottom = CHART["left"], CHART["right"], CHART["top"], CHART["bottom"]
    plot_w, plot_h = width - left - right, height - top - bottom

    years = [level.as_of.year for level in levels]
    years += [dates.period_end(level.as_of, level.as_of_precision).year for level in levels]
    years += [day.year for day in (start, end or timezone.localdate()) if day]
    first_year, last_year = min(years), max(years)
    span_start = datetime.date(first_year, 1, 1)
    span_days = (datetime.date(last_year, 12, 31) - span_start).days + 1

    def x_of(day):
        return left + plot_w * (day - span_start).days / span_days

    totals = [f for f in figures if strength.is_total(f.level)]
    computed = [step for step in steps if step.total is not None]
    highest = max([f.level.strength for f in totals] + [step.total for step in computed] + [0])
    step_size = _nice_step(highest * 1.15)
    # Headroom above the highest mark for its label; at least one step when every figure is 0.
    y_max = max(step_size, step_size * math.ceil(highest * 1.15 / step_size))

    def y_of(value):
        return top + plot_h * (1 - value / y_max)

    year_every = max(1, math.ceil((last_year + 1 - first_year) / 12))
    # A tick a year while they fit; over a long span only the labelled years get one.
    tick_every = 1 if last_year - first_year < 60 else year_every
    x_ticks = [
        {
            "x": round(x_of(datetime.date(year, 1, 1)), 1),
            "label": str(year),
            "label_x": round(x_of(datetime.date(year, 7, 1)), 1),
            "labelled": (year - first_year) % year_every == 0,
        }
        for year in range(first_year, last_year + 1, tick_every)
    ]
    y_ticks = [
        {"y": round(y_of(value), 1), "value": value} for value in range(0, y_max + 1, step_size)
    ]

    def point(day, precision, value):
        return round(x_of(_midpoint(day, precision)), 1), round(y_of(value), 1)

    grouped = {}
    for figure in totals:
        level = figure.level
        grouped.setdefault((level.kind, level.as_of, level.strength), []).append(figure)
    marks = []
    for (kind, as_of, value), same in grouped.items():
        x, y = point(as_of, same[0].level.as_of_precision, value)
        marks.append(
            _mark(
                kind,
                x,
                y,
                value=value,
                approximate=all(f.level.approximate for f in same),
                numbers=", ".join(str(f.number) for f in same),
            )
        )
    steps_drawn = []
    for step in computed:
        x, y = point(step.as_of, step.precision, step.total)
        marks.append(
            _mark(
                "computed", x, y, value=step.total, approximate=step.approximate, numbers=step.label
            )
        )
        if step.base_step is not None:
            base_x, base_y = point(step.base_step.as_of, step.base_step.precision, step.base)
        else:
            base_level = step.base_figures[0].level
            base_x, base_y = point(base_level.as_of, base_level.as_of_precision, step.base)
        steps_drawn.append({"x1": base_x, "y1": base_y, "x2": x, "y2": y})
    # Figures given only in words: a flag on the time axis, one per day.
    plot_bottom = top + plot_h
    in_words = {}
    for figure in figures:
        if figure.level.strength is None:
            key = (figure.level.as_of, figure.level.as_of_precision)
            in_words.setdefault(key, []).append(figure)
    flags = []
    for (as_of, precision), same in in_words.items():
        x = round(x_of(_midpoint(as_of, precision)), 1)
        flags.append(
            {
                "x": x,
                "points": f"{x - 5},{plot_bottom} {x + 5},{plot_bottom} {x},{plot_bottom - 9}",
                "numbers": ", ".join(str(f.number) for f in same),
                "label_y": plot_bottom - 13,
                "y": plot_bottom,
            }
        )
    _separate_labels(marks + flags)
    lines = {}
    for mark in sorted(marks, key=lambda m: m["x"]):
        if mark["kind"] != "computed":
            lines.setdefault(mark["kind"], []).append(f"{mark['x']},{mark['y']}")
    return {
        "chart": {
            "width": width,
            "height": height,
            "plot_left": left,
            "plot_right": width - right,
            "plot_top": top,
            "plot_bottom": plot_bottom,
            "x_ticks": x_ticks,
            "y_ticks": y_ticks,
            "marks": marks,
            "flags": flags,
            "steps_drawn": steps_drawn,
            "figures": figures,
            "steps": steps,
            "lines": {kind: " ".join(points) for kind, points in lines.items() if len(points) > 1},
            "axis_label_y": top + plot_h + 36,
            "axis_label_x": left + plot_w / 2,
        }
    }


def _mark(kind, x, y, *, value, approximate, numbers):
    return {
        "kind": kind,
        "strength": value,
        "approximate": approximate,
        "numbers": numbers,
        "x": x,
        "y": y,
        "box_x": round(x - 5, 1),
        "box_y": round(y - 5, 1),
        "diamond": f"{x},{round(y - 6, 1)} {round(x + 6, 1)},{y} {x},{round(y + 6, 1)} "
        f"{round(x - 6, 1)},{y}",
        "label_y": y - 9,
    }


def _separate_labels(marks, width=70, line=13):
    """Lift a mark's label above any earlier label it would overprint."""
    placed = []
    for mark in sorted(marks, key=lambda m: (m["x"], -m["y"])):
        label_y = mark["label_y"]
        while any(abs(x - mark["x"]) < width and abs(y - label_y) < line for x, y in placed):
            label_y -= line
        mark["label_y"] = round(label_y, 1)
        placed.append((mark["x"], label_y))


@register.inclusion_tag("missions/_location_map.html")
def location_map(locations):
    """Locations as dots on a plain latitude/longitude grid, labelled in a column beside it.

    Sites of one mission often lie a few kilometres apart (Baghdad, Camp Dublin, Taji),
    so names sit in a column with a leader line to their dot rather than beside it.
    """
    places = list(locations)
    if not places:
        return {"map": None}
    width, pad = MAP["width"], MAP["pad"]
    lats = [float(p.latitude) for p in places]
    lons = [float(p.longitude) for p in places]
    mid_lat = math.radians((max(lats) + min(lats)) / 2)
    # Equirectangular projection, with longitudes shrunk by the cosine of the middle latitude.
    xs = [lon * math.cos(mid_lat) for lon in lons]
    ys = [-lat for lat in lats]
    # At least half a degree across, so one city is not blown up to fill the frame.
    spread_x, spread_y = max(max(xs) - min(xs), 0.5), max(max(ys) - min(ys), 0.5)
    scale = min((width - 2 * pad) / spread_x, (MAP["height"] - 2 * pad) / spread_y)
    height = spread_y * scale + 2 * pad
    x0 = pad + ((width - 2 * pad) - (max(xs) - min(xs)) * scale) / 2
    y0 = pad + ((height - 2 * pad) - (max(ys) - min(ys)) * scale) / 2

    def project(lat, lon):
        return (
            x0 + (lon * math.cos(mid_lat) - min(xs)) * scale,
            y0 + (-lat - min(ys)) * scale,
        )

    dots = []
    for place, lat, lon in zip(places, lats, lons, strict=True):
        x, y = project(lat, lon)
        dots.append({"place": place, "x": round(x, 1), "y": round(y, 1)})
    dots.sort(key=lambda d: (d["y"], d["x"]))
    label_y = 0.0
    for dot in dots:
        label_y = max(dot["y"], label_y + MAP["label_gap"])
        dot["label_y"] = round(label_y, 1)
    total_height = max(height, label_y + pad)
    longest = max(len(str(dot["place"].display_name)) for dot in dots)
    label_column = min(MAP["label_column"], 24 + 7 * longest)

    graticule = _graticule(min(lats), max(lats), min(lons), max(lons), project, width, total_height)
    return {
        "map": {
            "width": width + label_column,
            "height": round(total_height, 1),
            "frame_width": width,
            "label_x": width + 12,
            "dots": dots,
            "graticule": graticule,
        }
    }


def _graticule(lat_min, lat_max, lon_min, lon_max, project, width, height):
    """Parallels and meridians at a round step, with their labels, to give a sense of scale."""
    step = next(
        (s for s in (1, 2, 5, 10, 20, 30) if max(lat_max - lat_min, lon_max - lon_min) / s <= 6), 45
    )
    lines = []
    for lat in range(
        math.floor(lat_min / step) * step - step, math.ceil(lat_max / step) * step + step + 1, step
    ):
        y = project(lat, lon_min)[1]
        if 0 <= y <= height:
            label = (_("%(degrees)s°N") if lat >= 0 else _("%(degrees)s°S")) % {"degrees": abs(lat)}
            lines.append(
                {
                    "x1": 0,
                    "y1": round(y, 1),
                    "x2": width,
                    "y2": round(y, 1),
                    "label": label,
                    "label_x": 3,
                    "label_y": round(y - 3, 1),
                }
            )
    for lon in range(
        math.floor(lon_min / step) * step - step, math.ceil(lon_max / step) * step + step + 1, step
    ):
        x = project(lat_min, lon)[0]
        if 0 <= x <= width:
            label = (_("%(degrees)s°E") if lon >= 0 else _("%(degrees)s°W")) % {"degrees": abs(lon)}
            lines.append(
                {
                    "x1": round(x, 1),
                    "y1": 0,
                    "x2": round(x, 1),
                    "y2": height,
                    "label": label,
                    "label_x": round(x + 3, 1),
                    "label_y": round(height - 4, 1),
                }
            )
    return lines
