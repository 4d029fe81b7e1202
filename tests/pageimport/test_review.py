"""Reviewing a page import: candidates into timeline events citing the page, by the service,
the pages and the API; the page offered as a second source of an event already there."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cadre.core.roles import Role
from cadre.core.services import OPERATOR
from cadre.missions.models import TimelineEvent
from cadre.pageimport import services
from cadre.pageimport.models import ImportCandidate, PageImport
from cadre.sources.models import Source

PAGE = """SOURCE: https://example.org/milestones
TITLE: Milestones of a training mission

2019

14 March 2019: The Council approves the Operations Plan for the training mission.
May 2019: The first instructors are deployed to the capital.
2020: Allies decide to extend the training to the border police.
The school opened in summer 2021.
"""


@pytest.fixture
def batch(db):
    return services.import_page(user=OPERATOR, raw=PAGE, file_name="milestones.txt")


def candidate(batch, edtf):
    return batch.candidates.get(edtf=edtf)


def test_a_page_becomes_a_batch_of_candidates_citing_a_new_source(batch):
    assert batch.source.title == "Milestones of a training mission"
    assert batch.source.publisher == "example.org"
    assert batch.address == "https://example.org/milestones"
    assert list(batch.candidates.values_list("edtf", "read_precision", "date_precision")) == [
        ("2019-03-14", "day", "day"),
        ("2019-05", "month", "month"),
        ("2020", "year", "year"),
        ("2021-22", "season", "year"),
    ]
    assert all(c.status == ImportCandidate.Status.PROPOSED for c in batch.candidates.all())


def test_a_month_candidate_is_proposed_at_month_precision_not_as_its_first_day(batch):
    proposed = candidate(batch, "2019-05")
    assert (proposed.date, proposed.date_precision) == (datetime.date(2019, 5, 1), "month")
    assert proposed.date_display == "May 2019"


def test_each_candidate_points_at_its_sentence_in_the_page_text(batch):
    for c in batch.candidates.all():
        assert batch.text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.date_start < c.date_end <= c.sentence_end


def test_a_page_can_cite_a_source_already_recorded(db):
    source = Source.objects.create(key="known", title="Known page", publisher="NATO")
    batch = services.import_page(user=OPERATOR, raw=PAGE, source=source)
    assert batch.source == source
    assert Source.objects.count() == 1


def test_accepting_makes_a_timeline_event_citing_the_page(batch):
    event = services.accept(candidate(batch, "2019-03-14"), user=OPERATOR)
    assert (event.date, event.date_precision, event.kind) == (
        datetime.date(2019, 3, 14),
        "day",
        "approval",
    )
    assert list(event.sources.all()) == [batch.source]
    accepted = candidate(batch, "2019-03-14")
    assert (accepted.status, accepted.event) == (ImportCandidate.Status.ACCEPTED, event)


def test_an_edited_candidate_is_accepted_as_edited(batch):
    edited = candidate(batch, "2021-22")
    edited.date, edited.date_precision = datetime.date(2021, 7, 1), "month"
    edited.summary, edited.kind = "The school opens.", "activation"
    edited.save()
    event = services.accept(edited, user=OPERATOR)
    assert (event.date_display, event.summary, event.kind) == (
        "July 2021",
        "The school opens.",
        "activation",
    )


def test_merging_adds_the_page_as_one_more_source_of_the_event(batch):
    other = Source.objects.create(key="other-page", title="Another page", publisher="NATO")
    event = TimelineEvent.objects.create(
        key="evt-approval",
        date=datetime.date(2019, 3, 14),
        date_precision="day",
        kind="approval",
        summary="The Council approves the mission's Operations Plan.",
    )
    event.sources.set([other])
    merged = services.merge(candidate(batch, "2019-03-14"), event, user=OPERATOR)
    assert set(merged.sources.all()) == {other, batch.source}
    assert TimelineEvent.objects.count() == 1
    assert candidate(batch, "2019-03-14").status == ImportCandidate.Status.MERGED


def test_rejecting_records_nothing_in_the_timeline(batch):
    services.reject(candidate(batch, "2020"), user=OPERATOR)
    assert candidate(batch, "2020").status == ImportCandidate.Status.REJECTED
    assert not TimelineEvent.objects.exists()


def test_a_candidate_is_reviewed_once(batch):
    services.reject(candidate(batch, "2020"), user=OPERATOR)
    with pytest.raises(ValidationError):
        services.accept(candidate(batch, "2020"), user=OPERATOR)


def test_a_candidate_without_a_full_date_is_not_accepted_until_given_one(db):
    batch = services.import_page(user=OPERATOR, raw="The team deployed on 7 August.")
    undated = batch.candidates.get()
    assert (undated.edtf, undated.date) == ("XXXX-08-07", None)
    with pytest.raises(ValidationError):
        services.accept(undated, user=OPERATOR)


@pytest.mark.parametrize(
    ("text", "edtf", "first_day"),
    [
        ("The academy grew in the 1990s.", "199X", datetime.date(1990, 1, 1)),
        ("The army was formed in the 20th century.", "19XX", datetime.date(1900, 1, 1)),
        ("The army grew in the 1970s-80s.", "197X/198X", datetime.date(1970, 1, 1)),
    ],
)
def test_a_decade_or_a_century_waits_for_the_reviewer_to_give_a_year(db, text, edtf, first_day):
    read = services.import_page(user=OPERATOR, raw=text).candidates.get()
    assert (read.edtf, read.first_day, read.date) == (edtf, first_day, None)
    with pytest.raises(ValidationError):
        services.accept(read, user=OPERATOR)


def test_only_those_who_write_the_timeline_accept(batch, make_user):
    with pytest.raises(PermissionDenied):
        services.accept(candidate(batch, "2020"), user=make_user(Role.ADVISOR))
    assert not TimelineEvent.objects.exists()


# The pages ------------------------------------------------------------------------------


def test_uploading_a_page_leads_to_its_review_list(client_as):
    client = client_as(Role.MISSION_STAFF)
    upload = SimpleUploadedFile("milestones.txt", PAGE.encode(), content_type="text/plain")
    response = client.post(reverse("pageimport:list"), {"page": upload})
    batch = PageImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("pageimport:review", args=[batch.key])
    page = client.get(response["Location"]).content.decode()
    assert '<mark class="sentence">' in page
    assert '<strong class="date-phrase">14 March 2019</strong>' in page


def test_pasted_html_is_read_like_a_saved_page(client_as):
    client = client_as(Role.MISSION_STAFF)
    html = (
        "<html><body><ul><li>14 March 2019: The Council approves the plan.</li></ul></body></html>"
    )
    client.post(reverse("pageimport:list"), {"pasted": html, "title": "Pasted"})
    assert PageImport.objects.get().candidates.get().edtf == "2019-03-14"


def test_the_upload_form_asks_for_a_page(client_as):
    response = client_as(Role.MISSION_STAFF).post(reverse("pageimport:list"), {})
    assert response.status_code == 400
    assert not PageImport.objects.exists()


def test_accept_and_reject_on_the_review_page(batch, client_as):
    client = client_as(Role.MISSION_STAFF)
    accepted, rejected = candidate(batch, "2019-03-14"), candidate(batch, "2020")
    client.post(reverse("pageimport:accept", args=[batch.key, accepted.key]))
    response = client.post(reverse("pageimport:reject", args=[batch.key, rejected.key]))
    assert response.status_code == 302
    assert candidate(batch, "2019-03-14").event.sources.get() == batch.source
    assert candidate(batch, "2020").status == ImportCandidate.Status.REJECTED


def test_the_review_page_offers_an_event_with_the_same_date_and_a_similar_summary(batch, client_as):
    event = TimelineEvent.objects.create(
        key="evt-approval",
        date=datetime.date(2019, 3, 14),
        date_precision="day",
        kind="approval",
        summary="The Council approves the mission's Operations Plan.",
    )
    TimelineEvent.objects.create(
        key="evt-unrelated",
        date=datetime.date(2019, 3, 14),
        date_precision="day",
        kind="visit",
        summary="A minister tours a school in the south.",
    )
    client = client_as(Role.MISSION_STAFF)
    page = client.get(reverse("pageimport:review", args=[batch.key])).content.decode()
    assert page.count('name="event"') == 1
    assert 'value="evt-approval"' in page
    c = candidate(batch, "2019-03-14")
    client.post(reverse("pageimport:merge", args=[batch.key, c.key]), {"event": event.key})
    assert batch.source in event.sources.all()
    assert TimelineEvent.objects.count() == 2


def test_a_reader_without_the_right_sees_the_list_but_no_buttons(batch, client_as):
    client = client_as(Role.ADVISOR)
    page = client.get(reverse("pageimport:review", args=[batch.key])).content.decode()
    assert "date-phrase" in page
    assert "/accept/" not in page
    c = candidate(batch, "2020")
    response = client.post(reverse("pageimport:accept", args=[batch.key, c.key]))
    assert response.status_code == 403


def test_the_event_page_shows_the_sentence_it_was_read_from(batch, client_as):
    event = services.accept(candidate(batch, "2019-03-14"), user=OPERATOR)
    page = client_as(Role.ADVISOR).get(reverse("core:detail", args=["events", event.pk]))
    assert candidate(batch, "2019-03-14").sentence in page.content.decode()


# The API ---------------------------------------------------------------------------------


def test_the_api_reads_a_page_sent_to_it(api_as, db):
    source = Source.objects.create(key="known", title="Known page", publisher="NATO")
    api = api_as(Role.MISSION_STAFF)
    response = api.post(
        "/api/page-imports/",
        {"key": "milestones", "source": "known", "title": "Milestones", "text": PAGE},
        format="json",
    )
    assert response.status_code == 201, response.content
    batch = PageImport.objects.get(key="milestones")
    assert batch.source == source
    listed = api.get("/api/import-candidates/", {"page_import": batch.key}).json()
    assert [c["edtf"] for c in listed["results"]] == ["2019-03-14", "2019-05", "2020", "2021-22"]


def test_accept_merge_and_reject_through_the_api(batch, api_as):
    api = api_as(Role.MISSION_STAFF)
    event = TimelineEvent.objects.create(
        key="evt-may",
        date=datetime.date(2019, 5, 1),
        date_precision="month",
        kind="deployment",
        summary="Instructors deploy to the capital.",
    )
    accepted = api.post(f"/api/import-candidates/{candidate(batch, '2019-03-14').key}/accept/")
    merged = api.post(
        f"/api/import-candidates/{candidate(batch, '2019-05').key}/merge/",
        {"event": "evt-may"},
        format="json",
    )
    rejected = api.post(f"/api/import-candidates/{candidate(batch, '2020').key}/reject/")
    again = api.post(f"/api/import-candidates/{candidate(batch, '2020').key}/accept/")
    assert [r.status_code for r in (accepted, merged, rejected, again)] == [200, 200, 200, 400]
    assert accepted.json()["status"] == "accepted"
    assert merged.json()["event"] == "evt-may"
    assert batch.source in event.sources.all()


def test_only_reviewers_act_through_the_api(batch, api_as):
    response = api_as(Role.ADVISOR).post(
        f"/api/import-candidates/{candidate(batch, '2020').key}/accept/"
    )
    assert response.status_code == 403
    assert candidate(batch, "2020").status == ImportCandidate.Status.PROPOSED


def test_an_address_that_is_no_web_address_is_not_made_a_link(client_as, db):
    batch = services.import_page(
        user=OPERATOR, raw="2010: The school opened.", address="javascript:alert(1)"
    )
    page = client_as(Role.ADVISOR).get(reverse("pageimport:review", args=[batch.key]))
    assert 'href="javascript' not in page.content.decode()
