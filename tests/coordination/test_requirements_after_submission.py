"""The host-nation liaison edits a requirement while it is a draft; once it is submitted
only the coordination cell changes or deletes it, on the pages, the API and the service
(which the admin and the command line write through), and the liaison is told why."""

import pytest
from django.core.exceptions import PermissionDenied

from cadre.coordination.models import Requirement
from cadre.core import services
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db

R = Requirement.Status
AFTER_SUBMISSION = [R.SUBMITTED, R.VALIDATED, R.PUBLISHED, R.PARTLY_MET, R.MET]


@pytest.fixture
def liaison(make_user):
    return make_user(Role.HOST_LIAISON)


def edit_link(requirement):
    return f'href="/record/requirements/{requirement.pk}/edit/"'


@pytest.mark.parametrize("status", AFTER_SUBMISSION)
def test_the_api_refuses_the_liaison_a_change_after_submission(
    status, make_requirement, liaison, api_as
):
    requirement = make_requirement(status=status, quantity=10)

    answer = api_as(liaison).patch(
        f"/api/requirements/{requirement.key}/",
        {"description": "changed", "quantity": 12},
        format="json",
    )

    assert answer.status_code == 403
    assert "only the coordination cell" in answer.json()["detail"]
    requirement.refresh_from_db()
    assert (requirement.description, requirement.quantity) != ("changed", 12)


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.HOST_LIAISON, R.DRAFT), (Role.COORDINATION_CELL, R.SUBMITTED)],
)
def test_the_liaison_changes_a_draft_and_the_cell_a_submitted_one(
    role, status, make_requirement, make_user, api_as
):
    requirement = make_requirement(status=status)

    answer = api_as(make_user(role)).patch(
        f"/api/requirements/{requirement.key}/", {"quantity": 12}, format="json"
    )

    assert answer.status_code == 200
    requirement.refresh_from_db()
    assert requirement.quantity == 12


def test_the_api_refuses_the_liaison_a_delete_after_submission(make_requirement, liaison, api_as):
    requirement = make_requirement(status=R.SUBMITTED)

    answer = api_as(liaison).delete(f"/api/requirements/{requirement.key}/")

    assert answer.status_code == 403
    assert Requirement.objects.filter(pk=requirement.pk).exists()


def test_the_liaison_still_submits_and_withdraws(make_requirement, liaison, api_as):
    requirement = make_requirement(status=R.DRAFT)
    url = f"/api/requirements/{requirement.key}/"

    assert api_as(liaison).post(url + "submit/", {}, format="json").status_code == 200
    answer = api_as(liaison).post(url + "withdraw/", {"reason": "no longer"}, format="json")

    assert answer.status_code == 200
    requirement.refresh_from_db()
    assert requirement.status == R.WITHDRAWN


def test_the_service_refuses_the_liaison_whatever_path_calls_it(make_requirement, liaison):
    requirement = make_requirement(status=R.SUBMITTED)
    requirement.description = "changed"

    with pytest.raises(PermissionDenied):
        services.save(requirement, user=liaison)
    with pytest.raises(PermissionDenied):
        services.delete(requirement, user=liaison)

    requirement.refresh_from_db()
    assert requirement.description != "changed"


def test_the_page_offers_the_liaison_edit_only_on_a_draft(make_requirement, liaison, client):
    draft, submitted = make_requirement(status=R.DRAFT), make_requirement(status=R.SUBMITTED)
    client.force_login(liaison)

    draft_page = client.get(f"/record/requirements/{draft.pk}/").content.decode()
    submitted_page = client.get(f"/record/requirements/{submitted.pk}/").content.decode()

    assert edit_link(draft) in draft_page
    assert edit_link(submitted) not in submitted_page
    assert f"/record/requirements/{submitted.pk}/delete/" not in submitted_page


def test_the_page_offers_the_cell_edit_after_submission(make_requirement, cell, client):
    submitted = make_requirement(status=R.SUBMITTED)
    client.force_login(cell)

    page = client.get(f"/record/requirements/{submitted.pk}/").content.decode()

    assert edit_link(submitted) in page


def test_the_edit_page_refuses_the_liaison_after_submission(make_requirement, liaison, client):
    requirement = make_requirement(status=R.SUBMITTED, quantity=10)
    client.force_login(liaison)
    url = f"/record/requirements/{requirement.pk}/edit/"

    opened = client.get(url, follow=True)
    sent = client.post(
        url,
        {
            "key": requirement.key,
            "mission": requirement.mission_id,
            "institution": requirement.institution_id,
            "kind": requirement.kind,
            "category": requirement.category,
            "description": "changed",
            "quantity": 12,
            "unit": requirement.unit,
            "priority": requirement.priority,
            "needed_by": "2027-06-01",
            "version": requirement.version,
        },
    )

    assert opened.redirect_chain[-1][0] == f"/record/requirements/{requirement.pk}/"
    assert "only the coordination cell" in opened.content.decode()
    assert sent.status_code == 403
    requirement.refresh_from_db()
    assert requirement.quantity == 10


def test_the_refusal_is_in_arabic(make_requirement, liaison, api_as):
    requirement = make_requirement(status=R.SUBMITTED)

    answer = api_as(liaison).patch(
        f"/api/requirements/{requirement.key}/",
        {"quantity": 12},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ar",
    )

    assert answer.status_code == 403
    assert "خلية التنسيق" in answer.json()["detail"]  # the coordination cell
