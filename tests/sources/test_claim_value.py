import pytest

from cadre.sources.models import Claim


@pytest.mark.parametrize(
    ("value_text", "unit", "shown"),
    [
        ("around 120", "students", "around 120 students"),
        ("26", "Allies", "26 Allies"),
        ("every NATO member country", "nations", "every NATO member country"),
        ("over EUR 115 million", "EUR", "over EUR 115 million"),
        ("several hundred", "", "several hundred"),
    ],
)
def test_a_figure_gets_its_unit_only_where_the_statement_leaves_it_out(value_text, unit, shown):
    assert Claim(value_text=value_text, unit=unit).value_display == shown
