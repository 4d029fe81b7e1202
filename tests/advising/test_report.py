"""Advising's section of the mission report, checked against the records it counts."""

import datetime

from cadre.advising.models import Assessment, CapabilityObjective, GenderReview
from cadre.advising.report import report_sections
from cadre.advising.services import review_gender
from cadre.core.services import OPERATOR

START, END = datetime.date(2006, 1, 1), datetime.date(2006, 12, 31)


def _figures(section):
    return {figure["key"]: figure for figure in section["figures"]}


def test_a_mission_without_advising_records_gets_a_section_saying_so(world):
    sections = report_sections(world["mission"], START, END)

    assert len(sections) == 1
    assert sections[0]["key"] == "advising"
    assert sections[0]["order"] == 50
    assert sections[0]["paragraphs"]
    assert sections[0]["figures"] == []


def test_figures_count_the_records_of_the_period(world, make_assessment, make_engagement):
    make_assessment("centre_a", on=datetime.date(2006, 3, 1), approve=True)
    make_assessment("centre_a", on=datetime.date(2005, 3, 1), approve=True)  # before
    make_assessment("centre_b", on=datetime.date(2006, 6, 1))  # not approved
    make_engagement(held_on=datetime.date(2006, 4, 1))
    make_engagement(held_on=datetime.date(2007, 4, 1))  # after
    objective = CapabilityObjective.objects.filter(institution=world["centre_a"]).first()
    objective.ioc_reached_on = datetime.date(2006, 2, 1)
    objective.foc_reached_on = datetime.date(2006, 9, 1)
    from cadre.core.services import save

    save(objective, user=OPERATOR)
    review_gender(objective, user=OPERATOR, status=GenderReview.NO_CONCERNS)

    section = report_sections(world["mission"], START, END)[0]
    figures = _figures(section)

    assert figures["assessments"]["value"] == 1
    assert figures["engagements"]["value"] == 1
    assert figures["ioc"]["value"] == 1
    assert figures["foc"]["value"] == 1
    assert figures["foc-total"]["value"] == 1
    # Plans: two objectives (one reviewed); assessments of the period: two, neither reviewed.
    assert figures["gender-reviewed"]["value"] == 1
    assert figures["gender-not-reviewed"]["value"] == 3
    assert section["tables"][0]["rows"] == [["CENTRE-A", "2006-09-01"]]
    assert section["charts"][0]["series"][0]["points"] == [["2006", 1]]


def test_every_figure_has_a_records_source_and_every_placeholder_a_figure(world, make_assessment):
    make_assessment(approve=True, on=datetime.date(2006, 3, 1))

    section = report_sections(world["mission"], START, END)[0]

    keys = {figure["key"] for figure in section["figures"]}
    for figure in section["figures"]:
        assert figure["source"]["kind"] == "records"
        assert figure["source"]["url"].startswith("/record/")
        assert isinstance(figure["value"], int | str)
    import re

    used = {key for text in section["paragraphs"] for key in re.findall(r"\{f:([\w-]+)\}", text)}
    assert used <= keys


def test_the_assessments_source_url_lists_what_was_counted(world, make_assessment, client_as):
    make_assessment(approve=True, on=datetime.date(2006, 3, 1))
    make_assessment(approve=True, on=datetime.date(2004, 3, 1))
    figure = _figures(report_sections(world["mission"], START, END)[0])["assessments"]

    page = client_as("mission_staff").get(figure["source"]["url"])

    assert page.status_code == 200
    assert page.content.decode().count("/record/assessments/") >= 1
    shown = Assessment.objects.filter(approved_on__gte=START, approved_on__lte=END).count()
    assert shown == figure["value"]


def test_the_section_is_in_arabic_when_arabic_is_active(world, make_assessment):
    from django.utils import translation

    make_assessment(approve=True, on=datetime.date(2006, 3, 1))

    with translation.override("ar"):
        section = report_sections(world["mission"], START, END)[0]

    assert section["title"] != "Capability and advising"
    assert all(isinstance(text, str) for text in section["paragraphs"])
