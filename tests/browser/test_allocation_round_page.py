"""A training officer compares an allocation round's modes on its page, in English and in
Arabic, then confirms it. Screenshots go to /tmp/cadre-allocation-shots/ for review."""

import datetime
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import (
    AllocationRound,
    Course,
    Enrolment,
    Nomination,
    Person,
    Session,
    VettingCase,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEW_COPIES = Path("/tmp/cadre-allocation-shots")


@pytest.fixture
def shots(tmp_path):
    REVIEW_COPIES.mkdir(exist_ok=True)

    def shot(page, name):
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, REVIEW_COPIES / path.name)

    return shot


@pytest.fixture
def allocation_round(db):
    from cadre.accounts.models import Nation

    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    save = lambda obj: services.save(obj, user=services.OPERATOR)  # noqa: E731
    course = save(Course(code="C-IED-1", title="Countering IEDs"))
    sessions = [
        save(
            Session(
                course=course,
                start=datetime.date(2027, 3 + n, 1),
                end=datetime.date(2027, 3 + n, 12),
                capacity=2,
                status=Session.Status.OPEN,
            )
        )
        for n in range(2)
    ]
    the_round = save(AllocationRound(title="Spring 2027"))
    for number in range(1, 6):
        person = save(Person(family_name=f"Hassan{number}", given_name="Ali", nation=iraq))
        save(
            VettingCase(
                person=person,
                status=VettingCase.Status.CLEARED,
                valid_until=datetime.date(2028, 1, 1),
            )
        )
        for preference, session in enumerate(sessions, 1):
            nomination = save(
                Nomination(
                    person=person,
                    session=session,
                    priority=number,
                    preference=preference,
                    allocation_round=the_round,
                )
            )
            nomination.status = Nomination.Status.SUBMITTED
            save(nomination)
    return the_round


def test_the_round_page_compares_the_modes_in_english_and_arabic(
    allocation_round, live_server, signed_in, shots
):
    page = signed_in(Role.TRAINING_OFFICER)
    page.goto(f"{live_server.url}/record/allocation-rounds/{allocation_round.pk}/")
    expect(page.locator(".allocation-round")).to_contain_text("Not compared yet")
    page.click("text=Run the comparison")
    page.wait_for_load_state()
    table = page.locator("table.round-comparison")
    expect(table.locator("tr.mode-max_priority")).to_contain_text("14")
    expect(table.locator("tr.mode-first_come")).to_be_visible()
    expect(page.locator(".round-chart svg rect")).to_have_count(6)
    shots(page, "round-en")

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".allocation-round h2")).to_have_text("توزيع المقاعد")
    expect(page.locator("table.round-comparison")).to_contain_text("الأسبقية")
    shots(page, "round-ar")

    page.locator("input[name=mode][value=stable]").check()
    page.click("form.stacked button.primary")
    page.wait_for_load_state()
    expect(page.locator(".allocation-round .outcome")).to_be_visible()
    shots(page, "round-ar-confirmed")
    assert Enrolment.objects.count() == 4
