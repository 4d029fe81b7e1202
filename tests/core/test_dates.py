import datetime

import pytest
from django.utils import translation

from cadre.core import dates
from cadre.core.dates import DatePrecision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2008-12-16", (datetime.date(2008, 12, 16), DatePrecision.DAY)),
        ("2008-12", (datetime.date(2008, 12, 1), DatePrecision.MONTH)),
        ("2008", (datetime.date(2008, 1, 1), DatePrecision.YEAR)),
    ],
)
def test_parse_reads_the_precision_from_the_form_of_the_date(text, expected):
    assert dates.parse(text) == expected


@pytest.mark.parametrize("text", ["2008-13", "16 Dec 2008", "", "2008-12-32"])
def test_parse_rejects_what_is_not_a_date_with_a_message_naming_the_forms(text):
    with pytest.raises(ValueError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        dates.parse(text)


def test_a_month_date_is_shown_as_the_month_not_its_first_day():
    with translation.override("en"):
        assert dates.show(datetime.date(2008, 12, 1), DatePrecision.MONTH) == "December 2008"
        assert dates.show(datetime.date(2008, 12, 1), DatePrecision.YEAR) == "2008"
        assert dates.show(datetime.date(2008, 12, 1), DatePrecision.DAY) == "Dec. 1, 2008"


def test_unparse_is_the_inverse_of_parse():
    for text in ["2004-06-22", "2015-07", "2017"]:
        assert dates.unparse(*dates.parse(text)) == text


def test_period_end_of_a_month_is_its_last_day():
    assert dates.period_end(datetime.date(2008, 2, 1), DatePrecision.MONTH) == datetime.date(
        2008, 2, 29
    )
    assert dates.period_end(datetime.date(2008, 1, 1), DatePrecision.YEAR) == datetime.date(
        2008, 12, 31
    )
