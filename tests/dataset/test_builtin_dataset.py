"""The built-in NATO-Iraq dataset loads, and its timeline covers both milestone pages.

Each dated line of the two milestone pages (shared/sources/) must be one timeline event with
the same date and precision that cites the page, or, where another page gives the date more
precisely ("2006" on the milestone lists, "November 2006" on the NTM-I page), one event at
that finer date within the line's period; the disagreements between the sources must be kept
as competing claims.
"""

import datetime
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from cadre.core.dates import period_end
from cadre.dataset.io import BUILT_IN, load_dataset
from cadre.missions.models import TimelineEvent
from cadre.sources.models import Claim

SOURCES_DIR = Path(
    os.environ.get("CADRE_SOURCES_DIR", Path(__file__).resolve().parents[3] / "shared" / "sources")
)

# page id -> (file, the heading after which the dated lines start, or None for the whole file)
MILESTONE_PAGES = {
    "relations-with-iraq": ("relations-with-iraq.txt", "Milestones in relations"),
    "nato-iraq-milestones": ("nato-iraq-milestones.txt", None),
}

DISAGREEMENTS = [
    "ntm-i-personnel-trained",
    "nmi-size",
    "nmi-start",
    "ntm-i-contributors",
    "nmi-partners",
    "nmi-october-2020-decision",
]
# Where one page states two things on one subject: both kept, from the same source.
DISAGREEMENTS_WITHIN_A_PAGE = ["ssr-mobile-teams-start", "nmi-october-2020-decision"]

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}

# "22 June 2004: text", "June 2012<TAB>text", "2007 <TAB>text", "2006:text", "End 2004: text".
# A bare year on its own line is a heading, not a dated line.
DATED_LINE = re.compile(
    r"^\s*(?:(?P<qualifier>end|early|late|mid)\s+)?"
    r"(?:(?P<day>\d{1,2})\s+)?"
    r"(?:(?P<month>" + "|".join(MONTHS) + r")\s+)?"
    r"(?P<year>\d{4})"
    r"\s*(?::|\t)\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)


def dated_lines(text: str, after: str | None = None) -> list[tuple[datetime.date, str, str]]:
    """(first day, precision, text) for each dated line of a captured page."""
    text = text.replace("\u00a0", " ").replace("\r", "")
    if after is not None:
        assert after in text, f"heading '{after}' not found"
        text = text.split(after, 1)[1]
    found = []
    for line in text.split("\n"):
        match = DATED_LINE.match(line)
        if not match:
            continue
        year = int(match["year"])
        if match["month"] and match["day"]:
            day, precision = (
                datetime.date(year, MONTHS[match["month"].lower()], int(match["day"])),
                "day",
            )
        elif match["month"]:
            day, precision = datetime.date(year, MONTHS[match["month"].lower()], 1), "month"
        else:
            day, precision = datetime.date(year, 1, 1), "year"
        found.append((day, precision, match["text"].strip()))
    return found


def test_parser_copes_with_the_page_layouts():
    sample = (
        "2007\n"
        "\n"
        "2007 \tAllies do something.\n"
        "October\u00a0 2020\u00a0\tMinisters agree.\n"
        "26 April 2018\tThe Council approves.\n"
        "End 2004:\u00a0\tThe mission exists.\n"
        "22 September 2004:The Council agrees.\n"
        "2006:At the summit.\n"
        "In 2011, NATO agreed.\n"
    )
    assert [(d.isoformat(), p) for d, p, _ in dated_lines(sample)] == [
        ("2007-01-01", "year"),
        ("2020-10-01", "month"),
        ("2018-04-26", "day"),
        ("2004-01-01", "year"),
        ("2004-09-22", "day"),
        ("2006-01-01", "year"),
    ]


PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@pytest.fixture
def dataset(db):
    return load_dataset(BUILT_IN)


def events_of_line(pages, day, precision, lines_of_pages):
    """The events that stand for a dated line: at its date and precision, citing every page
    in `pages`; else, if there are none, those dated more precisely within the line's period
    whose own date is no line of those pages."""
    events = TimelineEvent.objects.all()
    for page in pages:
        events = events.filter(sources__key=page)
    exact = list(events.filter(date=day, date_precision=precision).distinct())
    if exact:
        return exact
    refined = events.filter(date__gte=day, date__lte=period_end(day, precision)).distinct()
    return [
        event
        for event in refined
        if PRECISION_RANK[event.date_precision] > PRECISION_RANK[precision]
        and (event.date, event.date_precision) not in lines_of_pages
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("page", sorted(MILESTONE_PAGES))
def test_every_milestone_line_is_one_event_citing_its_page(dataset, page):
    file_name, after = MILESTONE_PAGES[page]
    path = SOURCES_DIR / file_name
    if not path.exists():
        pytest.skip(f"source page not available: {path}")
    lines = dated_lines(path.read_text(encoding="utf-8"), after)
    assert len(lines) >= 30, f"only {len(lines)} dated lines parsed from {file_name}"
    expected = Counter((day, precision) for day, precision, _ in lines)
    missing = []
    for (day, precision), count in sorted(expected.items()):
        events = events_of_line([page], day, precision, expected)
        if len(events) != count:
            texts = [t[:60] for d, p, t in lines if (d, p) == (day, precision)]
            missing.append(f"{day} ({precision}): {count} line(s) {texts}, {len(events)} event(s)")
    assert not missing, "milestone lines without exactly one event:\n" + "\n".join(missing)


@pytest.mark.django_db
def test_shared_milestones_are_one_event_citing_both_pages(dataset):
    shared = {}
    for page, (file_name, after) in MILESTONE_PAGES.items():
        path = SOURCES_DIR / file_name
        if not path.exists():
            pytest.skip(f"source page not available: {path}")
        shared[page] = Counter(
            (d, p) for d, p, _ in dated_lines(path.read_text(encoding="utf-8"), after)
        )
    a, b = shared.values()
    for (day, precision), count in (a & b).items():
        both = events_of_line(list(shared), day, precision, a | b)
        assert len(both) == count, (
            f"{day} ({precision}) should be {count} event(s) citing both pages"
        )


@pytest.mark.django_db
def test_no_duplicate_events(dataset):
    pairs = Counter(TimelineEvent.objects.values_list("date", "summary"))
    assert [pair for pair, n in pairs.items() if n > 1] == []
    assert not TimelineEvent.objects.filter(sources__isnull=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("subject", DISAGREEMENTS)
def test_each_disagreement_keeps_both_sides(dataset, subject):
    claims = Claim.objects.filter(subject=subject)
    assert claims.count() >= 2
    assert claims.values("source").distinct().count() >= 2
    assert claims.values("value_text").distinct().count() >= 2


@pytest.mark.django_db
@pytest.mark.parametrize("subject", DISAGREEMENTS_WITHIN_A_PAGE)
def test_a_page_that_disagrees_with_itself_keeps_both_of_its_claims(dataset, subject):
    claims = Claim.objects.filter(subject=subject, source__key="relations-with-iraq")
    assert claims.count() >= 2
    assert claims.values("value_text").distinct().count() >= 2


@pytest.mark.django_db
def test_loading_twice_changes_nothing(dataset):
    before = {m: m.objects.count() for m in (TimelineEvent, Claim)}
    again = load_dataset(BUILT_IN)
    assert again == dataset
    assert {m: m.objects.count() for m in before} == before
