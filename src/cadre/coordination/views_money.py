"""The money overview page (totals in euros, charts by nation and year, the published
totals with their sources) and the IATI download, both within what the reader may read."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from cadre.core import permissions, registry
from cadre.training.dashboard import PALETTE, _marks, _nice

from . import iati
from . import selectors_money as money
from .models import Contribution, Donation, TrustFund

ROWS_SHOWN = 20
WIDTH, HEIGHT = 520, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 10, 16, 30
THOUSAND = Decimal(1000)


def stacked_chart(by_year: dict) -> dict | None:
    """A bar a year, stacked by nation, in thousands of euros, drawn in SVG units."""
    if not by_year:
        return None
    nations = sorted({n for parts in by_year.values() for n in parts}, key=lambda n: n.name)
    colour = {n.pk: PALETTE[i % len(PALETTE)] for i, n in enumerate(nations)}
    stacks = {
        year: [
            (n, int((parts[n] / THOUSAND).to_integral_value(ROUND_HALF_UP)))
            for n in nations
            if n in parts
        ]
        for year, parts in by_year.items()
    }
    top = max(sum(k for _n, k in parts) for parts in stacks.values()) or 1
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
        for nation, k in parts:
            if not k:
                continue
            h = plot_h * k / ceiling
            y -= h
            segments.append(
                {"y": round(y, 1), "height": round(h, 1), "fill": colour[nation.pk], "n": k}
            )
        bars.append(
            {
                "year": year,
                "x": round(x, 1),
                "width": round(bar, 1),
                "label_x": round(x + bar / 2, 1),
                "segments": segments,
                "total": sum(k for _n, k in parts),
                "total_y": round(y - 3, 1),
            }
        )
    ticks = [{"value": step * k, "y": round(TOP + plot_h - plot_h * k / 4, 1)} for k in range(5)]
    frame = {"left": LEFT, "right": WIDTH - RIGHT, "bottom": TOP + plot_h, "label_y": HEIGHT - 12}
    return {
        "marks": _marks(frame, ticks, bars),
        "width": WIDTH,
        "height": HEIGHT,
        "legend": [(n.display_name, colour[n.pk]) for n in nations],
        "bars": bars,
    }


def overview(user) -> dict:
    books = money.ledgers(user)
    claims = money.published_totals()
    return {
        "books": books,
        "shown": ROWS_SHOWN,
        "recent": {kind: list(reversed(book.rows))[:ROWS_SHOWN] for kind, book in books.items()},
        "charts": [
            {
                "id": "donations-chart",
                "title": _("Equipment donations by nation and year"),
                "chart": stacked_chart(money.by_nation_and_year(books["donations"], "donated_on")),
            },
            {
                "id": "contributions-chart",
                "title": _("Trust-fund contributions by nation and year"),
                "chart": stacked_chart(
                    money.by_nation_and_year(books["contributions"], "contributed_on")
                ),
            },
        ],
        "trust_funds": list(money.trust_funds(user)),
        "claims": claims,
        "disagreements": money.disagreements(claims),
        "own_nation_only": permissions.nation_bound(user, "view", registry.for_model(Donation)),
        "may_add": {
            "donations": permissions.may(user, "add", Donation),
            "contributions": permissions.may(user, "add", Contribution),
        },
    }


class MoneyView(LoginRequiredMixin, View):
    def get(self, request):
        permissions.require(request.user, "view", TrustFund)
        return render(request, "coordination/money/overview.html", overview(request.user))


class IatiDownloadView(LoginRequiredMixin, View):
    """The IATI file of what the reader may read: a nation contributor's file holds its own
    nation's donations and contributions, the trust funds and their disbursements."""

    def get(self, request):
        if not any(permissions.may(request.user, "view", model) for model in (Donation, TrustFund)):
            raise PermissionDenied
        tree = iati.build(request.user)
        if not len(tree.getroot()):
            # IATI needs one activity at least: nothing the reader may read is funded.
            raise Http404(_("No trust fund or donation you may read is recorded."))
        body = iati.to_bytes(tree)
        response = HttpResponse(body, content_type="application/xml")
        name = f"cadre-iati-activities-{timezone.localdate():%Y-%m-%d}.xml"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
