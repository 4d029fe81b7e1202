"""A member of the mission staff reads a public page into the timeline through the pages:
uploads it, reviews the candidates, accepts two, merges one into an event already there as
its second source, rejects one, and finds the events on the timeline citing the page; then
the same pages in Arabic. Screenshots are copied to /tmp/cadre-import-shots/ for review."""

import datetime
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cadre.core.roles import Role
from cadre.missions.models import TimelineEvent
from cadre.pageimport.models import ImportCandidate, PageImport
from cadre.sources.models import Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW_COPIES = Path("/tmp/cadre-import-shots")
PAGE = """SOURCE: https://example.org/mission/milestones
TITLE: Milestones of the training mission

2019

14 March 2019: The Council approves the Operations Plan for the training mission.
May 2019: The first instructors are deployed to the capital.
2020: Allies decide to extend the training to the border police.
The police academy opened in summer 2021.
"""


@pytest.fixture
def shots(tmp_path):
    folder = tmp_path / "import-shots"
    folder.mkdir()
    REVIEW_COPIES.mkdir(exist_ok=True)

    def shot(page, name):
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, REVIEW_COPIES / path.name)
        return path

    return shot


@pytest.fixture
def event_already_there(db):
    other = Source.objects.create(key="council-release", title="Council release", publisher="NATO")
    event = TimelineEvent.objects.create(
        key="evt-2019-03-14-oplan",
        date=datetime.date(2019, 3, 14),
        date_precision="day",
        kind="approval",
        summary="The Council approves the training mission's Operations Plan.",
    )
    event.sources.set([other])
    return event


def candidate_item(page, edtf):
    key = ImportCandidate.objects.get(edtf=edtf).key
    return page.locator(f"li#{key}")


def test_a_page_is_read_reviewed_and_accepted_into_the_timeline(
    live_server, signed_in, shots, tmp_path, event_already_there
):
    saved_page = tmp_path / "milestones.txt"
    saved_page.write_text(PAGE, encoding="utf-8")
    page = signed_in(Role.MISSION_STAFF)

    page.goto(f"{live_server.url}/page-imports/")
    page.set_input_files("#id_page", str(saved_page))
    shots(page, "01-upload")
    page.click("#upload button[type=submit]")
    page.wait_for_load_state()
    expect(page.locator(".message.success")).to_contain_text("4")
    expect(page.locator("mark.sentence")).to_have_count(4)
    expect(page.locator(".date-phrase").first).to_have_text("14 March 2019")
    shots(page, "02-review")

    # The Council's approval is already in the timeline: the page becomes its second source.
    approval = candidate_item(page, "2019-03-14")
    expect(approval.locator("form.similar")).to_contain_text("Operations Plan")
    approval.locator("form.similar button").click()
    page.wait_for_load_state()
    candidate_item(page, "2019-05").get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    candidate_item(page, "2021-22").get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    candidate_item(page, "2020").get_by_role("button", name="Reject").click()
    page.wait_for_load_state()
    shots(page, "03-reviewed")

    source = PageImport.objects.get().source
    assert set(event_already_there.sources.values_list("key", flat=True)) == {
        "council-release",
        source.key,
    }
    assert list(ImportCandidate.objects.values_list("edtf", "status")) == [
        ("2019-03-14", "merged"),
        ("2019-05", "accepted"),
        ("2020", "rejected"),
        ("2021-22", "accepted"),
    ]
    assert TimelineEvent.objects.count() == 3

    page.goto(f"{live_server.url}/timeline/?sources={source.key}")
    events = page.locator("li.timeline-event")
    expect(events).to_have_count(3)
    expect(events.filter(has_text="May 2019")).to_contain_text("Milestones of the training mission")
    expect(events.filter(has_text="2021")).to_contain_text("The police academy opened")
    expect(page.get_by_text("border police")).to_have_count(0)
    shots(page, "04-timeline")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("الخط الزمني")
    shots(page, "05-timeline-ar")
    page.goto(f"{live_server.url}/page-imports/")
    expect(page.locator("h1")).to_have_text("استيراد الخط الزمني")
    shots(page, "06-imports-ar")
    page.goto(f"{live_server.url}/page-imports/{PageImport.objects.get().key}/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator(".badge.status-rejected")).to_have_text("مرفوض")
    shots(page, "07-review-ar")
