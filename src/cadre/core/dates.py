"""Historical dates that carry their precision.

"December 2008" is stored as 2008-12-01 with precision MONTH and is always shown
as "December 2008", never as 1 December 2008.
"""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


def precision_field(**kwargs):
    return models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY, **kwargs
    )


def normalise(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the period a date of this precision stands for."""
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    return value


def period_end(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the period a date of this precision stands for."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        if value.month == 12:
            return value.replace(day=31)  # December 9999 has no following month to count back from
        following = (value.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return following - datetime.timedelta(days=1)
    return value


def show(value: datetime.date | None, precision: str | None) -> str:
    """A date as a reader should see it, in the active language."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return formats.date_format(value, "Y")
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def parse(text: str) -> tuple[datetime.date, str]:
    """Read "2008-12-16", "2008-12" or "2008" into (first day, precision)."""
    text = str(text).strip()
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return datetime.date(int(parts[0]), 1, 1), DatePrecision.YEAR
        if len(parts) == 2:
            return datetime.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
        if len(parts) == 3:
            return datetime.date.fromisoformat(text), DatePrecision.DAY
    except ValueError:
        pass
    raise ValueError(f"'{text}' is not a date written YYYY, YYYY-MM or YYYY-MM-DD")


def unparse(value: datetime.date | None, precision: str | None) -> str:
    """The inverse of parse()."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
