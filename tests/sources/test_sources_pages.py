import re

import pytest
from django.urls import reverse

from cadre.core.roles import Role
from cadre.sources.models import Claim, Source
from cadre.sources.selectors import disagreements

pytestmark = pytest.mark.django_db

THE_FIVE_DISAGREEMENTS = {
    "ntm-i-personnel-trained": (
        "15,000 Iraqi officers",
        "over 5,000 military plus over 10,000 police",
    ),
    "nmi-size": ("around 500", "several hundred"),
    "nmi-start": (
        "October 2018 (established in Baghdad)",
        "11 July 2018 (launched at the Brussels Summit)",
    ),
    "ntm-i-contributors": (
        "every NATO member country",
        "more than a dozen Allies and one partner country",
    ),
    "nmi-partners": ("Australia, Sweden and Finland (among others)", "Australia"),
}


def _block(html, subject):
    match = re.search(
        rf'<article class="disagreement" id="subject-{subject}">.*?</article>', html, re.S
    )
    assert match, subject
    return match.group(0)


def test_sources_page_shows_both_sides_of_each_of_the_five_disagreements(client_as, dataset):
    html = client_as(Role.AUDITOR).get(reverse("sources:claims")).content.decode()
    for subject, sides in THE_FIVE_DISAGREEMENTS.items():
        block = _block(html, subject)
        assert block.count('class="side"') >= 2
        for value_text in sides:
            assert value_text in block, (subject, value_text)


def test_subjects_stated_alike_in_other_words_are_not_shown_as_disagreements(dataset, make_user):
    found = {d.subject for d in disagreements(make_user(Role.AUDITOR))}
    assert set(THE_FIVE_DISAGREEMENTS) <= found
    # "about 50 officers" and "50 officers"; "over EUR 17.5 million" and "EUR 17.5 million".
    assert not found & {"ntim-first-team", "ntm-i-trust-fund", "ntm-i-additional-staff-2004"}


def _claim(key, subject, source, value_text, value=None, unit=""):
    return Claim.objects.create(
        key=key,
        subject=subject,
        subject_label=subject,
        value=value,
        value_text=value_text,
        unit=unit,
        statement="-",
        source=source,
    )


def test_the_same_figure_in_other_words_is_no_disagreement(make_user):
    one = Source.objects.create(key="one", title="One", publisher="NATO")
    two = Source.objects.create(key="two", title="Two", publisher="NATO")
    _claim("a", "first-team", one, "about 50 officers", 50, "officers")
    _claim("b", "first-team", two, "50 officers", 50, "officers")
    assert disagreements(make_user(Role.AUDITOR)) == []


def test_a_number_against_words_is_a_disagreement_with_each_side_beside_its_source(make_user):
    one = Source.objects.create(key="one", title="One", publisher="NATO")
    two = Source.objects.create(key="two", title="Two", publisher="NATO")
    _claim("a", "size", one, "around 500", 500)
    _claim("b", "size", two, "several hundred")
    [found] = disagreements(make_user(Role.AUDITOR))
    assert [(side.source.key, [c.value_text for c in side.claims]) for side in found.sides] == [
        ("one", ["around 500"]),
        ("two", ["several hundred"]),
    ]


def test_a_source_that_states_two_figures_on_one_subject_disagrees_with_itself(
    make_user, client_as
):
    page = Source.objects.create(key="page", title="A page", publisher="NATO")
    _claim("a", "teams-start", page, "February 2016")
    _claim("b", "teams-start", page, "January 2017")
    [found] = disagreements(make_user(Role.AUDITOR))
    [side] = found.sides
    assert side.disagrees_with_itself
    assert [c.value_text for c in side.claims] == ["February 2016", "January 2017"]
    html = client_as(Role.AUDITOR).get(reverse("sources:claims")).content.decode()
    block = _block(html, "teams-start")
    assert "February 2016" in block and "January 2017" in block
    assert 'class="self-disagreement"' in block


def test_one_figure_stated_twice_by_a_source_is_no_disagreement(make_user):
    page = Source.objects.create(key="page", title="A page", publisher="NATO")
    _claim("a", "first-team", page, "about 50 officers", 50, "officers")
    _claim("b", "first-team", page, "50 officers", 50, "officers")
    assert disagreements(make_user(Role.AUDITOR)) == []


def test_sources_page_says_what_a_reference_or_an_editorial_source_rests_on(client_as, dataset):
    html = client_as(Role.AUDITOR).get(reverse("sources:claims")).content.decode()
    block = re.search(
        r'<article class="source" id="source-gazetteer">.*?</article>', html, re.S
    ).group(0)
    assert "standard public reference" in block and "gazetteer" in block
    detail = client_as(Role.AUDITOR).get(reverse("sources:detail", args=["editors-line-starts"]))
    assert "editorial judgement" in detail.content.decode()
    assert "What it rests on" in detail.content.decode()


def test_sources_page_lists_each_source_with_its_file_and_number_of_claims(client_as, dataset):
    html = client_as(Role.COORDINATION_CELL).get(reverse("sources:claims")).content.decode()
    block = re.search(
        r'<article class="source" id="source-shape-ntm-i">.*?</article>', html, re.S
    ).group(0)
    claims = Claim.objects.filter(source__key="shape-ntm-i").count()
    assert "shape-ntm-i-operations-archive.txt" in block
    assert f"{claims} claims" in block


def test_sources_page_lists_sources_a_page_at_a_time_with_a_search(client_as, dataset):
    from cadre.core import paging

    for n in range(paging.PAGE_SIZE + 5):
        Source.objects.create(key=f"zz-press-{n:03d}", title=f"Press release {n}", publisher="NATO")
    client = client_as(Role.COORDINATION_CELL)

    first = client.get(reverse("sources:claims"))
    second = client.get(reverse("sources:claims"), {"cursor": first.context["page"].next_cursor})
    found = client.get(reverse("sources:claims"), {"q": "Press release 7"})

    assert len(first.context["page"].rows) == paging.PAGE_SIZE
    assert first.context["disagreements"] and second.context["disagreements"] is None
    keys = {s.key for s in first.context["page"].rows} | {
        s.key for s in second.context["page"].rows
    }
    assert Source.objects.filter(key__in=keys).count() == len(keys) == Source.objects.count()
    assert {s.key for s in found.context["page"].rows} == {"zz-press-007"}


def test_source_page_lists_the_claims_force_levels_and_events_citing_it(client_as, dataset):
    response = client_as(Role.MISSION_STAFF).get(reverse("sources:detail", args=["nmi-2020"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "around 500" in html
    assert reverse("missions:detail", args=["nmi"]) in html
    assert response.context["events"], "nmi-2020 is cited by timeline events"
    assert response.context["events"][0].display_summary in html


def test_unknown_source_is_not_found(client_as, dataset):
    response = client_as(Role.MISSION_STAFF).get(reverse("sources:detail", args=["no-such-page"]))
    assert response.status_code == 404


def test_the_page_reads_a_bounded_number_of_subjects_and_claims(make_user, client_as, monkeypatch):
    from cadre.sources import selectors

    monkeypatch.setattr(selectors, "SUBJECTS_READ", 2)
    monkeypatch.setattr(selectors, "CLAIMS_READ_PER_SUBJECT", 3)
    one = Source.objects.create(key="one", title="One", publisher="NATO")
    two = Source.objects.create(key="two", title="Two", publisher="NATO")
    for subject in ("a-size", "b-size", "c-size"):
        for n in range(5):
            _claim(f"{subject}-{n}", subject, one if n % 2 else two, f"{n} hundred", n)

    found = disagreements(make_user(Role.AUDITOR))

    assert [d.subject for d in found] == ["a-size", "b-size"] and found.more_subjects
    assert [sum(len(side.claims) for side in d.sides) for d in found] == [3, 3]
    assert [d.unread for d in found] == [2, 2]
    html = client_as(Role.AUDITOR).get(reverse("sources:claims")).content.decode()
    assert "2 more claims on this subject" in _block(html, "a-size")
    assert "?subject=a-size" in _block(html, "a-size")
    assert "c-size" not in html
    assert "More subjects have two claims or more" in html
