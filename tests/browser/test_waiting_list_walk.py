"""A session's waiting list in the browser: the session page shows the list in order with
an open offer and its expiry; the training officer opens the offer and accepts it; then the
same pages in Arabic, where another offer is accepted.

Screenshots are saved under test-output/screenshots/waiting-list-*.png for a reviewer.
"""

import datetime

import pytest
from playwright.sync_api import expect

from cadre.core import services
from cadre.core.roles import Role
from cadre.core.services import OPERATOR
from cadre.training.models import (
    Course,
    Enrolment,
    Nomination,
    Person,
    Session,
    VettingCase,
    WaitingListEntry,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = datetime.date.today()
START = TODAY + datetime.timedelta(days=60)


def person(family, given, name_ar, nation):
    someone = services.save(
        Person(
            family_name=family,
            given_name=given,
            name_ar=name_ar,
            nation=nation,
            rank_group="officer",
        ),
        user=OPERATOR,
    )
    services.save(
        VettingCase(
            person=someone,
            status=VettingCase.Status.CLEARED,
            valid_until=START + datetime.timedelta(days=365),
        ),
        user=OPERATOR,
    )
    return someone


@pytest.fixture
def session_with_waiting_list(db):
    """A session of two seats, both taken, and three people waiting; one trainee then
    withdraws, so the first in line holds an offer."""
    from cadre.accounts.models import Nation

    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    course = services.save(Course(code="C-IED-1", title="Countering IEDs"), user=OPERATOR)
    session = services.save(
        Session(
            course=course,
            start=START,
            end=START + datetime.timedelta(days=11),
            capacity=2,
            status=Session.Status.OPEN,
        ),
        user=OPERATOR,
    )
    trainees = [
        services.save(
            Enrolment(session=session, person=person(f"Trainee{n}", "Omar", "عمر", iraq)),
            user=OPERATOR,
        )
        for n in (1, 2)
    ]
    waiting = [
        ("Karim", "Yusuf", "يوسف كريم", 2),
        ("Hamdan", "Zaid", "زيد حمدان", 1),
        ("Saleh", "Nour", "نور صالح", 1),
    ]
    for minutes, (family, given, name_ar, priority) in enumerate(waiting):
        services.save(
            Nomination(
                person=person(family, given, name_ar, iraq),
                session=session,
                priority=priority,
                status=Nomination.Status.WAITLISTED,
                nominated_at=datetime.datetime.now(datetime.UTC)
                - datetime.timedelta(hours=3 - minutes),
            ),
            user=OPERATOR,
        )
    trainees[0].status = Enrolment.Status.WITHDRAWN
    services.save(trainees[0], user=OPERATOR)
    return session


def test_a_training_officer_accepts_an_offer_from_the_waiting_list_in_english_and_arabic(
    signed_in, live_server, screenshot, session_with_waiting_list
):
    session = session_with_waiting_list
    page = signed_in(Role.TRAINING_OFFICER)

    page.goto(f"{live_server.url}/record/sessions/{session.pk}/")
    waiting_list = page.locator("section.waiting-list")
    expect(waiting_list).to_be_visible()
    rows = waiting_list.locator("tbody tr")
    expect(rows).to_have_count(3)
    # Priority 1 first, the earlier nomination of them first: Hamdan holds the offer.
    expect(rows.nth(0)).to_contain_text("HAMDAN, Zaid")
    expect(rows.nth(0)).to_contain_text("Seat offered until")
    expect(rows.nth(1)).to_contain_text("SALEH, Nour")
    expect(rows.nth(2)).to_contain_text("KARIM, Yusuf")
    screenshot(page, "waiting-list-session-en")

    rows.nth(0).locator("a").click()
    page.wait_for_load_state()
    expect(page.locator("section.offer")).to_contain_text("A seat is offered until")
    screenshot(page, "waiting-list-offer-en")
    page.get_by_role("button", name="Accept the seat").click()
    page.wait_for_load_state()
    expect(page.locator(".message.success")).to_contain_text("is enrolled in")
    screenshot(page, "waiting-list-accepted-en")
    hamdan = WaitingListEntry.objects.get(person__family_name="Hamdan")
    assert hamdan.status == WaitingListEntry.Status.ENROLLED

    # Saleh's trainee seat: the other trainee withdraws, and Saleh is offered it.
    other = Enrolment.objects.get(session=session, person__family_name="Trainee2")
    other.status = Enrolment.Status.WITHDRAWN
    services.save(other, user=OPERATOR)

    page.locator(".language-switch button[value=ar]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/record/sessions/{session.pk}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    waiting_list = page.locator("section.waiting-list")
    expect(waiting_list.locator("h2")).to_have_text("قائمة الانتظار")
    expect(waiting_list.locator("tbody tr").nth(0)).to_contain_text("مقعد معروض حتى")
    screenshot(page, "waiting-list-session-ar")

    waiting_list.locator("tbody tr").nth(0).locator("a").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="قبول المقعد").click()
    page.wait_for_load_state()
    expect(page.locator(".message.success")).to_be_visible()
    screenshot(page, "waiting-list-accepted-ar")
    saleh = WaitingListEntry.objects.get(person__family_name="Saleh")
    assert saleh.status == WaitingListEntry.Status.ENROLLED
    assert Enrolment.objects.filter(session=session, status="enrolled").count() == 2
