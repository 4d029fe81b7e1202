"""An increase is added to the strength before it, never drawn as a strength of its own."""

import datetime
import re

import pytest
from django.urls import reverse

from cadre.core.roles import Role
from cadre.missions import strength
from cadre.missions.models import ForceLevel

pytestmark = pytest.mark.django_db

AUGUST_2004 = (datetime.date(2004, 8, 1), "month")
DECEMBER_16_2004 = (datetime.date(2004, 12, 16), "day")


def level(mission, source, key, when, kind, strength_=None, *, approximate=False, stated=""):
    day, precision = when
    return ForceLevel.objects.create(
        key=key,
        mission=mission,
        as_of=day,
        as_of_precision=precision,
        kind=kind,
        strength=strength_,
        approximate=approximate,
        stated=stated,
        source=source,
    )


def steps_of(mission):
    return strength.running_totals(strength.figures_of(mission.force_levels.all()))


def chart_of(html):
    return re.search(r'<figure class="chart strength-chart">.*?</figure>', html, re.S).group(0)


def test_about_50_and_300_more_authorised_make_about_350_computed(mission, source):
    level(mission, source, "team", AUGUST_2004, "reported", 50, approximate=True)
    level(mission, source, "more", DECEMBER_16_2004, "increase", 300)
    [step] = steps_of(mission)
    assert (step.base, step.increase, step.total) == (50, 300, 350)
    assert step.approximate and step.label == "Σ1"
    assert step.base_numbers == "1" and step.increase_numbers == "2"


def test_every_source_of_the_base_and_of_the_increase_is_numbered_in_the_rule(mission, source):
    other = source.__class__.objects.create(key="other", title="Other", publisher="NATO")
    level(mission, source, "team-a", AUGUST_2004, "reported", 50, approximate=True)
    level(mission, other, "team-b", AUGUST_2004, "reported", 50)
    level(mission, source, "more-a", DECEMBER_16_2004, "increase", 300)
    level(mission, other, "more-b", DECEMBER_16_2004, "increase", 300)
    [step] = steps_of(mission)
    assert step.total == 350 and step.approximate  # one source says "about"
    assert step.increase_numbers == "3, 4" and step.base_numbers == "1, 2"


def test_increases_add_up_from_the_latest_total(mission, source):
    level(mission, source, "team", AUGUST_2004, "reported", 50)
    level(mission, source, "more", DECEMBER_16_2004, "increase", 300)
    level(mission, source, "again", (datetime.date(2006, 1, 1), "year"), "increase", 100)
    first, second = steps_of(mission)
    assert (second.base, second.total, second.base_step) == (350, 450, first)
    assert second.label == "Σ2" and second.base_numbers == "Σ1"


def test_a_later_reported_total_is_the_base_of_the_next_increase(mission, source):
    level(mission, source, "team", AUGUST_2004, "reported", 50)
    level(mission, source, "more", DECEMBER_16_2004, "increase", 300)
    level(mission, source, "count", (datetime.date(2005, 6, 1), "month"), "reported", 340)
    level(mission, source, "again", (datetime.date(2006, 1, 1), "year"), "increase", 10)
    assert [step.total for step in steps_of(mission)] == [350, 350]


@pytest.mark.parametrize(
    "before, reason",
    [
        ([], "no_base"),
        ([("a", "reported", 50), ("b", "authorised", 60)], "differ"),
    ],
)
def test_no_total_without_one_agreed_strength_before_the_increase(mission, source, before, reason):
    for key, kind, value in before:
        level(mission, source, key, AUGUST_2004, kind, value)
    level(mission, source, "more", DECEMBER_16_2004, "increase", 300)
    [step] = steps_of(mission)
    assert step.total is None and step.reason == reason


def test_no_total_after_an_increase_of_unstated_size(mission, source):
    level(mission, source, "size", (datetime.date(2020, 8, 1), "month"), "reported", 500)
    level(mission, source, "grow", (datetime.date(2021, 2, 1), "month"), "increase", stated="more")
    level(mission, source, "more", (datetime.date(2022, 1, 1), "year"), "increase", 50)
    unstated, after = steps_of(mission)
    assert unstated.reason == "unstated" and unstated.total is None
    assert after.reason == "unknown_increase" and after.total is None


def test_a_figure_needs_a_number_or_the_sources_words(mission, source):
    from django.core.exceptions import ValidationError

    figure = ForceLevel(
        key="empty",
        mission=mission,
        as_of=datetime.date(2005, 2, 1),
        kind="reported",
        source=source,
    )
    with pytest.raises(ValidationError):
        figure.full_clean()
    figure.stated = "fully staffed"
    figure.full_clean()


def test_the_chart_draws_the_running_total_as_computed_and_says_its_rule(
    client_as, mission, source
):
    level(mission, source, "team", AUGUST_2004, "reported", 50, approximate=True)
    level(mission, source, "more", (datetime.date(2004, 12, 1), "month"), "increase", 300)
    level(
        mission,
        source,
        "staffed",
        (datetime.date(2005, 2, 1), "month"),
        "reported",
        stated="fully staffed",
    )
    html = client_as(Role.MISSION_STAFF).get(reverse("missions:detail", args=["tm"])).content
    chart = chart_of(html.decode())
    svg = chart.split("</svg>")[-2]
    # 300 is no strength of the mission: only the total it makes is drawn, as computed.
    assert ">300 [" not in svg and "≈300" not in svg
    assert '<g class="mark mark-computed">' in svg and "≈350 [Σ1]" in svg
    assert '<g class="mark mark-in-words">' in svg and "[3]" in svg
    rule = re.sub(r"<[^>]+>", "", re.search(r'<li class="step computed">.*?</li>', chart, re.S)[0])
    assert " ".join(rule.split()) == (
        "Σ1 = about 50 [1] + 300 authorised in December 2004 [2] = about 350 (computed)"
    )
    assert "+300 (authorised increase)" in chart
    assert "fully staffed" in chart


def test_the_rule_reads_in_arabic(client_as, mission, source):
    level(mission, source, "team", AUGUST_2004, "reported", 50, approximate=True)
    level(mission, source, "more", (datetime.date(2004, 12, 1), "month"), "increase", 300)
    client = client_as(Role.MISSION_STAFF)
    client.cookies["django_language"] = "ar"
    chart = chart_of(client.get(reverse("missions:detail", args=["tm"])).content.decode())
    rule = re.sub(r"<[^>]+>", "", re.search(r'<li class="step computed">.*?</li>', chart, re.S)[0])
    assert " ".join(rule.split()) == (
        "Σ1 = نحو 50 [1] + 300 مأذون بها في كانون الأول 2004 [2] = نحو 350 (محسوب)"
    )


# ---- the built-in dataset ----

# (mission, as of, kind, strength or the source's words, source): what the pages state.
STATED = [
    ("ntm-i", "2004-08", "reported", 50, "nato-assistance-2004-2011"),
    ("ntm-i", "2004-08", "reported", 50, "relations-with-iraq"),
    ("ntm-i", "2004-08", "reported", 50, "nato-iraq-milestones"),
    ("ntm-i", "2004-12-16", "increase", 300, "nato-assistance-2004-2011"),
    ("ntm-i", "2004-12-16", "increase", 300, "relations-with-iraq"),
    ("ntm-i", "2004-12-16", "increase", 300, "nato-iraq-milestones"),
    ("ntm-i", "2005-02", "reported", "fully staffed and funded", "nato-assistance-2004-2011"),
    ("ntm-i", "2005-02", "reported", "fully staffed and funded", "relations-with-iraq"),
    ("ntm-i", "2005-02", "reported", "fully staffed and funded", "nato-iraq-milestones"),
    ("nato-iraq-partnership", "2017-01", "reported", 8, "nmi-2020"),
    ("nato-iraq-partnership", "2017-01", "reported", "a small Core Team", "relations-with-iraq"),
    ("nmi", "2020-08", "reported", 500, "nmi-2020"),
    ("nmi", "2021-02", "increase", "increase decided, size not given", "relations-with-iraq"),
    ("nmi", "2021-02", "increase", "increase decided, size not given", "nato-iraq-milestones"),
    ("nmi", "2023", "reported", "several hundred", "relations-with-iraq"),
]


def test_every_strength_figure_the_pages_state_is_a_row_citing_its_page(dataset):
    from cadre.core.dates import unparse

    rows = {
        (
            fl.mission.key,
            unparse(fl.as_of, fl.as_of_precision),
            fl.kind,
            fl.strength if fl.strength is not None else fl.stated,
            fl.source.key,
        )
        for fl in ForceLevel.objects.select_related("mission", "source")
    }
    assert rows == set(STATED)


def test_the_300_of_december_2004_is_an_increase_on_about_50(dataset):
    from cadre.missions.models import Mission

    [step] = steps_of(Mission.objects.get(key="ntm-i"))
    assert (step.base, step.increase, step.total, step.approximate) == (50, 300, 350, True)
    assert not ForceLevel.objects.filter(strength=300).exclude(kind="increase").exists()
