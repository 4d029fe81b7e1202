"""The dates a captured source page gives, at the precision it gives them.

"22 June 2004" and "March 5, 2018" are days, "November 2006" a month, a bare "2007" a
year; "on 7 August" is a day of the year the text named last. Used by the dataset tests
to check each record's date against its sources' wording.
"""

import datetime
import re

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
# "Jan", "Sept." and the like, as captions write them.
SHORT = {name[:3]: number for name, number in MONTHS.items()} | {"sept": 9}
MONTH = r"(?P<month>" + "|".join(sorted([*MONTHS, *SHORT], key=len, reverse=True)) + r")\.?"
DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})\s+" + MONTH + r"\s+(?P<year>\d{4})\b", re.I)
MONTH_DAY_YEAR = re.compile(r"\b" + MONTH + r"\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\b", re.I)
MONTH_YEAR = re.compile(r"\b" + MONTH + r"\s+(?P<year>\d{4})\b", re.I)
# "on 7 August": a day whose year is that of the date the text gave last.
DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})\s+" + MONTH + r"(?!\s+\d)\b", re.I)
YEAR = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2})(?![\d])")


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or SHORT[name]


def dates_in(text: str) -> list[tuple[datetime.date, str]]:
    """Every (first day, precision) the text gives, days before months before years."""
    text = text.replace("\u00a0", " ")
    found = []
    taken = []

    def free(match):
        return not any(start < match.end() and match.start() < end for start, end in taken)

    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            day = datetime.date(int(m["year"]), _month(m["month"]), int(m["day"]))
            found.append((day, "day"))
            taken.append(m.span())
    for m in MONTH_YEAR.finditer(text):
        if free(m):
            found.append((datetime.date(int(m["year"]), _month(m["month"]), 1), "month"))
            taken.append(m.span())
    years = [(m.start(), int(m["year"])) for m in YEAR.finditer(text)]
    for m in YEAR.finditer(text):
        if free(m):
            found.append((datetime.date(int(m["year"]), 1, 1), "year"))
    for m in DAY_MONTH.finditer(text):
        if free(m):
            before = [year for at, year in years if at < m.start()]
            if before:
                found.append((datetime.date(before[-1], _month(m["month"]), int(m["day"])), "day"))
    return found


def states(text: str, day: datetime.date, precision: str) -> bool:
    """Whether the text gives `day` at `precision` itself (a year counts if written alone)."""
    return (normalised(day, precision), precision) in set(dates_in(text))


def normalised(day: datetime.date, precision: str) -> datetime.date:
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "month":
        return day.replace(day=1)
    return day


def finer_within(text: str, day: datetime.date, precision: str) -> list[tuple[datetime.date, str]]:
    """Dates the text gives more precisely than `precision`, inside the period of `day`."""
    rank = {"year": 0, "month": 1, "day": 2}
    start = normalised(day, precision)
    return sorted(
        {
            (d, p)
            for d, p in dates_in(text)
            if rank[p] > rank[precision]
            and d.year == start.year
            and (precision == "year" or d.month == start.month)
        }
    )
