"""A requirement goes draft -> submitted -> validated -> published only by its actions,
by the roles each names, on the pages and the API; each step is in the audit trail."""

import pytest

from cadre.audit.models import ChangeRecord
from cadre.coordination.models import Requirement
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db

R = Requirement.Status


def test_liaison_submits_and_cell_validates_and_publishes_through_the_api(
    make_requirement, make_user, cell, api_as
):
    requirement = make_requirement(status=R.DRAFT)
    liaison = make_user(Role.HOST_LIAISON)
    url = f"/api/requirements/{requirement.key}/"

    assert api_as(liaison).post(url + "submit/", {}, format="json").status_code == 200
    assert api_as(liaison).post(url + "validate/", {}, format="json").status_code == 403
    assert api_as(cell).post(url + "validate/", {}, format="json").status_code == 200
    answer = api_as(cell).post(url + "publish/", {}, format="json")

    assert answer.status_code == 200
    assert answer.json()["status"] == "published"
    requirement.refresh_from_db()
    assert requirement.published_on is not None
    changes = ChangeRecord.objects.filter(object_id=str(requirement.pk), action="update")
    assert [c.after["status"] for c in changes.order_by("pk")] == [
        "submitted",
        "validated",
        "published",
    ]


def test_an_action_the_status_does_not_allow_is_refused(make_requirement, cell, api_as):
    requirement = make_requirement(status=R.DRAFT)

    answer = api_as(cell).post(f"/api/requirements/{requirement.key}/publish/", {}, format="json")

    assert answer.status_code == 400
    requirement.refresh_from_db()
    assert requirement.status == R.DRAFT


def test_withdraw_and_reject_need_a_reason(make_requirement, cell, api_as):
    requirement = make_requirement(status=R.SUBMITTED)
    url = f"/api/requirements/{requirement.key}/reject/"

    assert api_as(cell).post(url, {}, format="json").status_code == 400
    answer = api_as(cell).post(url, {"reason": "covered by the ministry"}, format="json")

    assert answer.status_code == 200
    requirement.refresh_from_db()
    assert (requirement.status, requirement.status_reason) == (
        R.REJECTED,
        "covered by the ministry",
    )


def test_a_generic_edit_cannot_set_the_status(make_requirement, cell, api_as):
    requirement = make_requirement(status=R.DRAFT)

    api_as(cell).patch(
        f"/api/requirements/{requirement.key}/",
        {"status": "published", "description": "changed"},
        format="json",
    )

    requirement.refresh_from_db()
    assert requirement.status == R.DRAFT


def test_the_page_takes_the_actions(make_requirement, client, cell):
    requirement = make_requirement(status=R.SUBMITTED)
    client.force_login(cell)

    client.post(f"/coordination/requirements/{requirement.pk}/validate/")
    client.post(f"/coordination/requirements/{requirement.pk}/publish/")
    page = client.get(f"/record/requirements/{requirement.pk}/")

    requirement.refresh_from_db()
    assert requirement.status == R.PUBLISHED
    assert f"/coordination/requirements/{requirement.pk}/matching/" in page.content.decode()


def test_withdrawing_with_confirmed_matches_is_refused(make_requirement, make_offer, cell, api_as):
    from cadre.coordination.models import Match
    from cadre.core.services import service_for

    requirement = make_requirement()
    service_for(Match).confirm(requirement, make_offer(), 3, user=cell)

    answer = api_as(cell).post(
        f"/api/requirements/{requirement.key}/withdraw/", {"reason": "no longer"}, format="json"
    )

    assert answer.status_code == 409
