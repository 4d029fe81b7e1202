"""Dates and numbers on Arabic pages: Django's Arabic formats, corrected by cadre.formats.ar.

Month names are the Iraqi ones (كانون الأول, not ديسمبر): see cadre/formats/month_names.py.
"""

import datetime

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import formats, translation

from cadre.core.dates import DatePrecision, show


@pytest.fixture
def arabic(settings):
    # FORMAT_MODULE_PATH is read once per language and cached; changing the setting in a
    # test does not reset that cache.
    settings.FORMAT_MODULE_PATH = ["cadre.formats"]
    formats.reset_format_cache()
    with translation.override("ar"):
        yield
    formats.reset_format_cache()


def test_a_month_is_shown_as_month_and_year(arabic):
    assert show(datetime.date(2008, 12, 1), DatePrecision.MONTH) == "كانون الأول 2008"


def test_a_day_is_shown_day_month_year_without_a_comma(arabic):
    assert show(datetime.date(2008, 12, 16), DatePrecision.DAY) == "16 كانون الأول 2008"


def test_date_and_time_are_written_day_first(arabic):
    moment = datetime.datetime(2024, 3, 5, 14, 7)
    assert formats.date_format(moment, "DATETIME_FORMAT") == "5 آذار 2024، 2:07 م"
    assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "05\u200f/03\u200f/2024 2:07 م"


def test_thousands_are_grouped_with_a_comma(arabic):
    assert intcomma(15000) == "15,000"
    assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1,234.5"
