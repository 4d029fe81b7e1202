"""Requirements, offers and the matching page at 10^5 offers, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB \
        uv run python bench/coordination.py [--offers 1e5]

Migrates the database, then writes (COPY, through BatchWriter) N offers of six kinds and
categories from eight nations, N/10 requirements, half published, and N/20 confirmed
matches (quantities kept consistent by SQL afterwards), then VACUUM ANALYZE. Timed in
process with Django's test client as a coordination cell user (p50 / p95 of 30 requests
each, after 3 warm-ups): /healthz (no database), the nations list (the baseline: the
generic list page over a few rows), the requirement list, the offer list, their API
lists, the matching page of a published requirement whose kind and category thousands of
offers share, and that requirement's page (with its duplication panel, which reads every
live match on needs of the same institution, kind and category: all 10^4 needs share one
institution here).
"""

import argparse
import datetime
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
os.environ.setdefault("CADRE_TESTING", "1")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

KINDS = [
    ("equipment", "vehicles"),
    ("equipment", "medical"),
    ("training_seats", "c-ied"),
    ("mobile_team", "logistics"),
    ("expertise", "doctrine"),
    ("funding", "infrastructure"),
]


def build(offers: int):
    from cadre.accounts.models import Nation
    from cadre.coordination.models import Match, Offer, Requirement
    from cadre.core.services import BatchWriter
    from cadre.missions.models import Mission, Organisation

    call_command("migrate", verbosity=0)
    if Offer.objects.count() >= offers:
        return
    nations = [
        Nation.objects.get_or_create(code=f"Q{c}{d}", defaults={"name": f"Nation {c}{d}"})[0]
        for c in "AB"
        for d in "ABCD"
    ]
    institution = Organisation.objects.first() or Organisation.objects.create(
        key="bench-org", name="Bench school", kind=Organisation.Kind.SCHOOL
    )
    mission = Mission.objects.first() or Mission.objects.create(
        key="bench",
        name="Bench mission",
        short_name="BM",
        start=datetime.date(2004, 1, 1),
        status="active",
        host_nation=nations[0],
        parent_organisation=institution,
    )
    today = datetime.date(2027, 1, 1)
    with transaction.atomic():
        BatchWriter(Offer).insert(
            [
                Offer(
                    key=f"bench-offer-{n}",
                    nation=nations[n % len(nations)],
                    kind=KINDS[n % 6][0],
                    category=KINDS[n % 6][1],
                    description=f"bench offer {n}",
                    quantity=10 + n % 40,
                    unit="units",
                    language="English" if n % 3 else "",
                    valid_until=today + datetime.timedelta(days=n % 700),
                    generated=True,
                )
                for n in range(offers)
            ]
        )
        statuses = ["published", "partly_met", "draft", "submitted", "validated", "published"]
        BatchWriter(Requirement).insert(
            [
                Requirement(
                    key=f"bench-req-{n}",
                    mission=mission,
                    institution=institution,
                    kind=KINDS[n % 6][0],
                    category=KINDS[n % 6][1],
                    description=f"bench need {n}",
                    quantity=100 + n % 50,
                    unit="units",
                    needed_by=today + datetime.timedelta(days=n % 300),
                    status=statuses[n % 6],
                    generated=True,
                )
                for n in range(offers // 10)
            ]
        )
        offer_ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
        needs = list(
            Requirement.objects.filter(status__in=["published", "partly_met"])
            .order_by("pk")
            .values_list("pk", "kind")
        )
        by_kind = {}
        for pk, kind in zip(offer_ids, (KINDS[n % 6][0] for n in range(offers)), strict=True):
            by_kind.setdefault(kind, []).append(pk)
        matches, used = [], set()
        for n in range(offers // 20):
            need, kind = needs[n % len(needs)]
            offer = by_kind[kind][(n * 7) % len(by_kind[kind])]
            if (need, offer) in used:
                continue
            used.add((need, offer))
            matches.append(
                Match(
                    key=f"bench-match-{n}",
                    requirement_id=need,
                    offer_id=offer,
                    quantity=1,
                    status="confirmed",
                )
            )
        BatchWriter(Match).insert(matches)
        with connection.cursor() as cursor:
            for table, column in (("offer", "offer_id"), ("requirement", "requirement_id")):
                cursor.execute(
                    f"UPDATE coordination_{table} t SET matched_quantity = m.total FROM "
                    f"(SELECT {column} AS id, SUM(quantity) AS total FROM coordination_match "
                    f"WHERE status = 'confirmed' GROUP BY {column}) m WHERE m.id = t.id"
                )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def timed(client, path, runs=30):
    for _ in range(3):
        client.get(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "status": answer.status_code,
        "p50": statistics.median(times),
        "p95": times[int(len(times) * 0.95) - 1],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--offers", type=float, default=1e5)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    offers = int(args.offers)
    started = time.perf_counter()
    build(offers)
    built = time.perf_counter() - started
    from cadre.accounts.services import user_create
    from cadre.coordination.models import Offer, Requirement
    from cadre.core.roles import Role

    user = user_create(username=f"bench-cell-{time.time_ns()}", role=Role.COORDINATION_CELL)[0]
    client = Client()
    client.force_login(user)
    need = (
        Requirement.objects.filter(status="published", kind="equipment", category="vehicles")
        .order_by("pk")
        .first()
    )
    candidates = Offer.objects.filter(kind=need.kind, category=need.category).count()
    paths = {
        "/healthz (no database)": "/healthz",
        "baseline: nations list (the generic list, few rows)": "/record/nations/",
        "requirement list": "/record/requirements/",
        "offer list": "/record/offers/",
        "API requirement list": "/api/requirements/",
        "API offer list": "/api/offers/",
        "matching page": f"/coordination/requirements/{need.pk}/matching/",
        "requirement page": f"/record/requirements/{need.pk}/",
    }
    print(
        f"{Offer.objects.count()} offers, {Requirement.objects.count()} requirements; "
        f"built in {built:.0f} s; the matching page's requirement has {candidates} offers "
        "of its kind and category"
    )
    results = {label: timed(client, path) for label, path in paths.items()}
    page = results["baseline: nations list (the generic list, few rows)"]["p95"]
    print("| request | p50 / p95 ms | p95 ÷ nations list | status |")
    print("|---|---|---|---|")
    for label, t in results.items():
        ratio = t["p95"] / page
        print(f"| {label} | {t['p50']:.1f} / {t['p95']:.1f} | {ratio:.1f}x | {t['status']} |")


if __name__ == "__main__":
    main()
