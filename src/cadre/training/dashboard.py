"""The training dashboard's reads: people trained per year and category, from the
training summary (`summary`), in the reader's nation scope, as tables, charts and rows
for export."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Max, Sum
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core import permissions, registry
from cadre.missions.models import Mission

from . import summary
from .models import Course, Enrolment, Person, RankGroup, TrainingSummary, TrainingSummaryBuild

SEXES = (
    (Person.Sex.FEMALE.value, _("women")),
    (Person.Sex.MALE.value, _("men")),
    ("", _("sex not recorded")),
)
NOT_RECORDED = _("not recorded")
CATEGORIES = {
    summary.TOTAL: (_("All people trained"), [("", _("all people trained"))]),
    summary.BRANCH: (
        _("Military or police"),
        [
            (summary.MILITARY, _("military")),
            (summary.POLICE, _("police")),
            (summary.OTHER_SERVICE, _("other services")),
            ("", NOT_RECORDED),
        ],
    ),
    summary.RANK_GROUP: (
        _("Rank group"),
        [
            (RankGroup.OFFICER.value, _("officers")),
            (RankGroup.NCO.value, _("NCOs")),
            (RankGroup.ENLISTED.value, _("enlisted")),
            (RankGroup.SHURTA.value, _("Shurta")),
            (RankGroup.CIVILIAN.value, _("civilians")),
            ("", NOT_RECORDED),
        ],
    ),
    summary.WHERE: (
        _("Where trained"),
        [
            (summary.IN_COUNTRY, _("in country")),
            (summary.OUT_OF_COUNTRY, _("out of country")),
            (summary.THIRD_COUNTRY, _("in a third country")),
        ],
    ),
    summary.DISCIPLINE: (
        _("Discipline"),
        [(value, label) for value, label in Course.Discipline.choices],
    ),
}
# Colour-blind-safe (Okabe-Ito), then greys.
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#000000",
    "#999999",
)


class DashboardFilters(forms.Form):
    mission = forms.ModelChoiceField(
        label=_("mission"), queryset=Mission.objects.order_by("name"), required=False
    )
    year_from = forms.IntegerField(
        label=_("from the year"), required=False, min_value=1900, max_value=2200
    )
    year_to = forms.IntegerField(
        label=_("to the year"), required=False, min_value=1900, max_value=2200
    )
    service = forms.ChoiceField(
        label=_("service"), choices=[("", "---------"), *Person.Service.choices], required=False
    )
    nation = forms.ModelChoiceField(
        label=_("nation"), queryset=Nation.objects.all(), required=False
    )

    def __init__(self, data, *, own_nation=None):
        super().__init__(data)
        if own_nation is not None:
            # A nation-bound reader sees their own nation's figures, and may pick no other.
            nation = self.fields["nation"]
            nation.queryset = Nation.objects.filter(pk=own_nation)
            nation.empty_label = None


@dataclass
class Cell:
    trained: int = 0
    graduated: int = 0
    decided: int = 0

    def add(self, trained, graduated, decided):
        self.trained += trained
        self.graduated += graduated
        self.decided += decided

    @property
    def rate(self):
        """Graduates as a share of the people whose outcome is decided, in per cent."""
        return round(100 * self.graduated / self.decided, 1) if self.decided else None


@dataclass
class Row:
    year: int
    value: str
    label: str
    by_sex: dict = field(default_factory=dict)  # sex -> Cell
    total: Cell = field(default_factory=Cell)
    cells_html: str = ""

    def cells(self):
        return [(sex, label, self.by_sex.get(sex, Cell())) for sex, label in SEXES]

    def texts(self) -> list[str]:
        """The row's figures as the table shows them, formatted here once: a page of a few
        hundred rows spent most of its time in template filters otherwise."""
        out = []
        for _sex, _label, cell in self.cells():
            out += [_number(cell.trained), _rate(cell.rate)]
        return out + [_number(self.total.trained), _number(self.total.graduated)]

    def html(self, with_label: bool) -> str:
        """The row's cells as HTML, made here: the template's variable lookups and escaping
        for some 4,000 cells were most of the page's time (bench/README.md)."""
        head = [str(self.year), escape(self.label)] if with_label else [str(self.year)]
        numbers = [*self.texts(), _rate(self.total.rate)]
        return mark_safe(  # noqa: S308 (the label escaped, the rest figures made here)
            "".join(f"<td>{text}</td>" for text in head)
            + "".join(f'<td class="number">{text}</td>' for text in numbers)
        )


def _number(n) -> str:
    # formats.number_format per figure took a third of the page's time: the separator
    # of the active language is looked up once a figure here, by the cached get_format.
    return f"{n:,}".replace(",", formats.get_format("THOUSAND_SEPARATOR"))


def _rate(rate) -> str:
    if rate is None:
        return "—"
    return f"{rate:.1f}".replace(".", formats.get_format("DECIMAL_SEPARATOR")) + "%"


@dataclass
class Table:
    dimension: str
    title: str
    values: list  # (value, label) in the order shown
    rows: list = field(default_factory=list)
    chart: dict = None


def scope_of(user):
    """(may read, the nation the reader is bound to or None). Figures are counts of
    enrolments, so the enrolments' count scope applies: a nation-bound reader sees their
    nation's people only."""
    if not permissions.may(user, "count", Enrolment):
        return False, None
    object_type = registry.for_model(Enrolment)
    if permissions.nation_bound(user, "count", object_type):
        return True, user.nation_id or -1
    return True, None


def filtered_rows(user, form):
    """The summary rows the reader may see under the filters, summed over what the page
    does not split by."""
    _may, own_nation = scope_of(user)
    data = form.cleaned_data if form.is_valid() else {}
    mission = data.get("mission")
    rows = TrainingSummary.objects.filter(mission=mission.pk if mission else summary.ALL_MISSIONS)
    if data.get("year_from"):
        rows = rows.filter(year__gte=data["year_from"])
    if data.get("year_to"):
        rows = rows.filter(year__lte=data["year_to"])
    if data.get("service"):
        rows = rows.filter(service=data["service"])
    if own_nation is not None:
        rows = rows.filter(nation=own_nation)
    elif data.get("nation"):
        rows = rows.filter(nation=data["nation"].pk)
    elif not data.get("service"):
        rows = rows.filter(nation=summary.ALL_NATIONS)
    return (
        rows.values("dimension", "value", "year", "sex")
        .annotate(trained=Sum("trained"), graduated=Sum("graduated"), decided=Sum("decided"))
        .filter(trained__gt=0)
        .order_by()
    )


def tables(rows) -> list[Table]:
    """One table per category: a row per year and value, split by sex."""
    found = {}
    for row in rows:
        found.setdefault((row["dimension"], row["year"], row["value"]), []).append(row)
    result = []
    for dimension, (title, values) in CATEGORIES.items():
        labels = dict(values)
        known = [value for value, _label in values]
        extra = sorted({v for d, _y, v in found if d == dimension and v not in labels}, key=str)
        table = Table(dimension, title, [*values, *((v, v) for v in extra)])
        years = sorted({y for d, y, _v in found if d == dimension})
        for year in years:
            for value in [*known, *extra]:
                cells = found.get((dimension, year, value))
                if not cells:
                    continue
                out = Row(year, value, labels.get(value, value))
                for cell in cells:
                    out.by_sex.setdefault(cell["sex"], Cell()).add(
                        cell["trained"], cell["graduated"], cell["decided"]
                    )
                    out.total.add(cell["trained"], cell["graduated"], cell["decided"])
                out.cells_html = out.html(with_label=dimension != summary.TOTAL)
                table.rows.append(out)
        table.chart = chart(table)
        result.append(table)
    return result


WIDTH, HEIGHT = 460, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 10, 14, 30


def chart(table: Table) -> dict | None:
    """A stacked bar a year: the whole table's people split by its values (by sex for the
    table of all people), drawn in SVG units."""
    if not table.rows:
        return None
    if table.dimension == summary.TOTAL:
        series = [(sex, label) for sex, label, _c in table.rows[0].cells()]

        def amount(row, key):
            return row.by_sex.get(key, Cell()).trained

        years = {row.year: row for row in table.rows}
        stacks = {
            year: [(key, amount(row, key)) for key, _l in series] for year, row in years.items()
        }
    else:
        series = table.values
        stacks = {}
        for row in table.rows:
            stacks.setdefault(row.year, []).append((row.value, row.total.trained))
    colour = {key: PALETTE[i % len(PALETTE)] for i, (key, _label) in enumerate(series)}
    order = [key for key, _label in series]
    top = max(sum(n for _k, n in parts) for parts in stacks.values()) or 1
    # Four grid steps of a round size, so that every tick's label is a whole number.
    step = _nice(-(-top // 4))
    ceiling = 4 * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / len(stacks)
    bar = min(48, slot * 0.7)
    bars = []
    for i, (year, parts) in enumerate(sorted(stacks.items())):
        x = LEFT + i * slot + (slot - bar) / 2
        y = TOP + plot_h
        segments = []
        for key, n in sorted(parts, key=lambda p: order.index(p[0]) if p[0] in order else 99):
            if not n:
                continue
            h = plot_h * n / ceiling
            y -= h
            segments.append({"y": round(y, 1), "height": round(h, 1), "fill": colour[key], "n": n})
        bars.append(
            {
                "year": year,
                "x": round(x, 1),
                "width": round(bar, 1),
                "label_x": round(x + bar / 2, 1),
                "segments": segments,
                "total": sum(n for _k, n in parts),
                "total_y": round(y - 3, 1),
            }
        )
    ticks = [{"value": step * k, "y": round(TOP + plot_h - plot_h * k / 4, 1)} for k in range(5)]
    shown = {key for parts in stacks.values() for key, n in parts if n}
    drawn = {
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_h,
        "label_y": TOP + plot_h + 16,
    }
    return {
        "marks": _marks(drawn, ticks, bars),
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": TOP + plot_h,
        "label_y": TOP + plot_h + 16,
        "bars": bars,
        "ticks": ticks,
        "legend": [(label, colour[key]) for key, label in series if key in shown],
    }


def _marks(chart, ticks, bars) -> str:
    """The chart's grid, bars and labels as SVG, made here for the reason `Row.html` is:
    every value in it is a number."""
    left, right, bottom = chart["left"], chart["right"], chart["bottom"]
    parts = []
    for tick in ticks:
        y = tick["y"]
        parts.append(
            f'<line class="grid" x1="{left}" y1="{y}" x2="{right}" y2="{y}"/>'
            f'<text x="{left - 6}" y="{y}" text-anchor="end" dominant-baseline="middle">'
            f"{_number(tick['value'])}</text>"
        )
    for bar in bars:
        parts.append('<g class="bar">')
        parts += [
            f'<rect x="{bar["x"]}" y="{s["y"]}" width="{bar["width"]}" height="{s["height"]}" '
            f'fill="{s["fill"]}"><title>{_number(s["n"])}</title></rect>'
            for s in bar["segments"]
        ]
        parts.append(
            f'<text x="{bar["label_x"]}" y="{bar["total_y"]}" text-anchor="middle">'
            f"{_number(bar['total'])}</text>"
            f'<text x="{bar["label_x"]}" y="{chart["label_y"]}" text-anchor="middle">'
            f"{bar['year']}</text></g>"
        )
    parts.append(f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    return mark_safe("".join(parts))  # noqa: S308 (numbers and colours made here)


def _nice(top: int) -> int:
    """The round number at or above `top` an axis ends on (1, 2 or 5 times a power of 10)."""
    power = 1
    while True:
        for step in (1, 2, 5):
            if step * power >= top:
                return step * power
        power *= 10


def freshness() -> dict:
    """When the figures were last rebuilt in full and last moved by a write."""
    build = TrainingSummaryBuild.objects.order_by("-built_at").first()
    changed = TrainingSummary.objects.aggregate(at=Max("changed_at"))["at"]
    return {"built_at": build.built_at if build else None, "changed_at": changed}


def export_rows(table_list):
    """The tables as rows for CSV and XLSX: a header, then a row per year and value."""
    header = ["category", "value", "label", "year"]
    for sex, _label in SEXES:
        name = sex or "sex_not_recorded"
        header += [f"{name}_trained", f"{name}_graduated", f"{name}_decided"]
    header += ["trained", "graduated", "decided", "graduation_rate_percent"]
    yield header
    for table in table_list:
        for row in table.rows:
            line = [table.dimension, row.value, str(row.label), row.year]
            for _sex, _label, cell in row.cells():
                line += [cell.trained, cell.graduated, cell.decided]
            rate = row.total.rate
            line += [row.total.trained, row.total.graduated, row.total.decided, rate]
            yield line
