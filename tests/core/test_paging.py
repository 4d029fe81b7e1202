import datetime

import pytest

from cadre.core import paging
from cadre.missions.models import TimelineEvent
from cadre.sources.models import Source


@pytest.fixture
def events(db):
    source = Source.objects.create(key="s", title="S", publisher="P")
    made = []
    for n in range(23):
        # Several events share a date, so the id must break ties.
        event = TimelineEvent.objects.create(
            key=f"e{n}",
            date=datetime.date(2004 + n // 4, 1, 1),
            kind="milestone",
            summary=f"event {n}",
        )
        event.sources.add(source)
        made.append(event)
    return made


def walk(queryset, descending):
    seen, cursor = [], None
    while True:
        page = paging.keyset_page(
            queryset, sort_field="date", descending=descending, cursor=cursor, size=5
        )
        seen.extend(e.pk for e in page.rows)
        if not page.next_cursor:
            return seen
        cursor = page.next_cursor


def test_keyset_pages_visit_every_row_once_in_order(events):
    expected = [e.pk for e in sorted(events, key=lambda e: (e.date, e.pk))]
    assert walk(TimelineEvent.objects.all(), descending=False) == expected


def test_keyset_pages_descending_visit_every_row_once_in_reverse_order(events):
    expected = [e.pk for e in sorted(events, key=lambda e: (e.date, e.pk), reverse=True)]
    assert walk(TimelineEvent.objects.all(), descending=True) == expected


def test_count_stops_at_the_cap(events, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 10)
    assert paging.capped_count(TimelineEvent.objects.all()) == (10, True)
    assert paging.capped_count(TimelineEvent.objects.filter(key="e1")) == (1, False)


def test_a_cursor_not_made_by_cadre_is_refused_not_quietly_restarted(events):
    with pytest.raises(paging.InvalidCursor):
        paging.keyset_page(
            TimelineEvent.objects.all(), sort_field="date", descending=False, cursor="%%bad", size=5
        )
