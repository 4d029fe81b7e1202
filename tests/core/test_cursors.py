"""Page cursors: every ordering a list offers walks every row once, and a cursor Cadre did
not make is answered 400, never with a 500 and never by quietly starting again."""

import base64
import json
import string

import pytest
from django.urls import reverse

from cadre.audit.models import ChangeRecord
from cadre.core import paging, registry
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def cursor_of(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


FORGED = {
    "not base64 or json": "%%bad",
    "a text for a date": cursor_of(["abc", 1]),
    "a number for a date": cursor_of([12, 1]),
    "a list": cursor_of([[1, 2], 1]),
    "a list alone": cursor_of([1, 2, 3]),
    "an object": cursor_of([{"x": 1}, 1]),
    "a text id": cursor_of([{"d": "2004-01-01"}, "1"]),
    "a date that is none": cursor_of([{"d": "2004-13-45"}, 1]),
    "a NUL byte": cursor_of(["\x00", 1]),
    "a boolean id": cursor_of([{"d": "2004-01-01"}, True]),
    "a huge year": cursor_of([{"d": "99999-01-01"}, 1]),
}


@pytest.mark.parametrize("cursor", FORGED.values(), ids=FORGED.keys())
@pytest.mark.parametrize("url", ["/record/events/", "/timeline/", "/record/events/?sort=-date"])
def test_a_forged_cursor_on_a_date_sorted_page_is_answered_400(dataset, client_as, url, cursor):
    joiner = "&" if "?" in url else "?"

    response = client_as(Role.ADVISOR).get(f"{url}{joiner}cursor={cursor}")

    assert response.status_code == 400


@pytest.mark.parametrize("cursor", FORGED.values(), ids=FORGED.keys())
def test_a_forged_cursor_on_the_audit_trail_is_answered_400(dataset, client_as, cursor):
    assert client_as(Role.AUDITOR).get(f"/audit/?cursor={cursor}").status_code == 400


def test_page_two_of_the_audit_trail_goes_on_from_page_one(client_as):
    from cadre.accounts.models import Nation

    letters = string.ascii_uppercase
    for n in range(paging.PAGE_SIZE + 10):
        code = "Q" + letters[n // 26] + letters[n % 26]
        Nation.objects.create(code=code, name=f"Nation {n}", status="other")
    client = client_as(Role.AUDITOR)
    assert ChangeRecord.objects.count() > paging.PAGE_SIZE

    first = client.get("/audit/")
    second = client.get(f"/audit/?cursor={first.context['page'].next_cursor}")

    assert second.status_code == 200
    first_ids = [r.pk for r in first.context["page"].rows]
    second_ids = [r.pk for r in second.context["page"].rows]
    assert second_ids and not set(first_ids) & set(second_ids)
    assert max(second_ids) < min(first_ids)


def walk(queryset, sort_field, descending, size=7):
    seen, cursor = [], None
    while True:
        page = paging.keyset_page(
            queryset, sort_field=sort_field, descending=descending, cursor=cursor, size=size
        )
        seen += [row.pk for row in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            return seen


ORDERINGS = [(t.slug, o) for t in registry.object_types() for o in t.ordering]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize(("slug", "sort_field"), ORDERINGS, ids=[f"{s}-{o}" for s, o in ORDERINGS])
def test_every_ordering_a_list_offers_visits_each_row_once_in_order(
    dataset, slug, sort_field, descending
):
    queryset = registry.get(slug).model.objects.all()
    expected = list(paging.ordered(queryset, sort_field, descending).values_list("pk", flat=True))

    assert walk(queryset, sort_field, descending) == expected


def test_the_audit_trail_walks_by_time_newest_first(dataset):
    expected = list(
        paging.ordered(ChangeRecord.objects.all(), "time", True).values_list("pk", flat=True)
    )
    assert walk(ChangeRecord.objects.all(), "time", True, size=13) == expected


def test_a_cursor_cadre_made_for_a_text_sort_still_reads(client_as):
    from cadre.accounts.models import Nation

    letters = string.ascii_uppercase
    for n in range(paging.PAGE_SIZE + 5):
        code = "Q" + letters[n // 26] + letters[n % 26]
        Nation.objects.create(code=code, name=f"N {n:03d}", status="other")
    response = client_as(Role.ADVISOR).get(reverse("core:list", args=["nations"]), {"sort": "name"})
    cursor = response.context["page"].next_cursor
    assert cursor is not None

    follow = client_as(Role.ADVISOR).get(
        reverse("core:list", args=["nations"]), {"sort": "name", "cursor": cursor}
    )

    assert follow.status_code == 200 and follow.context["page"].rows
