"""Assessments count once approved by the mission staff; ratings roll up by the lowest;
gender reviews are the gender adviser's; the trend and FOC pages show what is stored."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cadre.advising import selectors, services
from cadre.advising.models import Assessment, GenderReview
from cadre.audit.models import ChangeRecord
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, save, service_for


def test_an_assessment_awaits_approval_and_does_not_count_until_then(world, make_assessment):
    make_assessment(rank=3)

    assert selectors.trend(world["centre_a"]) == []


def test_mission_staff_approve_an_assessment_and_the_trail_names_them(
    world, make_assessment, make_user, api_as
):
    assessment = make_assessment(rank=3)
    staff = make_user(Role.MISSION_STAFF)

    response = api_as(user=staff).post(f"/api/assessments/{assessment.key}/approve/")

    assert response.status_code == 200, response.json()
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.APPROVED
    assert assessment.approved_by == staff.username
    change = ChangeRecord.objects.filter(object_id=str(assessment.pk)).latest("pk")
    assert change.username == staff.username
    assert change.after["status"] == "approved"
    assert selectors.trend(world["centre_a"]) == [(assessment.assessed_on, world["levels"][2])]


def test_an_advisor_may_not_approve(world, make_assessment, advisor_user, api_as):
    assessment = make_assessment()

    response = api_as(user=advisor_user).post(f"/api/assessments/{assessment.key}/approve/")

    assert response.status_code == 403
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED


def test_approve_page_approves_for_the_mission_staff(world, make_assessment, client_as):
    assessment = make_assessment()

    response = client_as(Role.MISSION_STAFF).post(f"/record/assessments/{assessment.pk}/approve/")

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.APPROVED


def test_approve_page_refuses_an_advisor(world, make_assessment, advisor_user, client):
    assessment = make_assessment()
    client.force_login(advisor_user)

    response = client.post(f"/record/assessments/{assessment.pk}/approve/")

    assert response.status_code == 403


def test_an_approved_assessment_is_not_changed(world, make_assessment):
    assessment = make_assessment(approve=True)
    assessment.level = world["levels"][3]

    with pytest.raises(ValidationError):
        save(assessment, user=OPERATOR)


def test_an_assessment_is_approved_once(world, make_assessment):
    assessment = make_assessment(approve=True)

    with pytest.raises(ValidationError):
        service_for(Assessment).approve(assessment, user=OPERATOR)


def test_a_rating_must_be_on_the_objectives_scale(world, make_assessment):
    from cadre.advising.models import RatingLevel, RatingScale

    other = save(RatingScale(key="other", name="Other", mission=world["mission"]), user=OPERATOR)
    stray = save(
        RatingLevel(key="o1", scale=other, rank=1, short_name="O1", name="o"), user=OPERATOR
    )
    assessment = make_assessment()
    assessment.level = stray

    with pytest.raises(ValidationError) as raised:
        save(assessment, user=OPERATOR)
    assert "level" in raised.value.message_dict


def test_roll_up_takes_the_lowest_of_the_units_under_command(world, make_assessment):
    make_assessment("centre_a", rank=4, approve=True)
    make_assessment("centre_b", rank=2, approve=True)

    nodes = {node.unit.key: node for node in selectors.flatten(selectors.roll_up(world["mission"]))}

    assert nodes["ministry"].own is None
    assert nodes["ministry"].rolled == world["levels"][1]
    assert nodes["centre-a"].rolled == world["levels"][3]


def test_roll_up_counts_the_ministrys_own_rating_when_lower(world, make_assessment):
    make_assessment("centre_a", rank=4, approve=True)
    make_assessment("ministry", rank=1, approve=True)

    nodes = {node.unit.key: node for node in selectors.flatten(selectors.roll_up(world["mission"]))}

    assert nodes["ministry"].rolled == world["levels"][0]


def test_roll_up_leaves_out_assessments_awaiting_approval(world, make_assessment):
    make_assessment("centre_a", rank=4, approve=True)
    make_assessment("centre_b", rank=1)

    nodes = {node.unit.key: node for node in selectors.flatten(selectors.roll_up(world["mission"]))}

    assert nodes["ministry"].rolled == world["levels"][3]


def test_roll_up_uses_the_latest_approved_rating_as_of_the_day(world, make_assessment):
    make_assessment("centre_a", rank=1, on=datetime.date(2005, 1, 1), approve=True)
    make_assessment("centre_a", rank=3, on=datetime.date(2007, 1, 1), approve=True)

    then = selectors.roll_up(world["mission"], datetime.date(2006, 1, 1))
    now = selectors.roll_up(world["mission"])

    assert then[0].rolled == world["levels"][0]
    assert now[0].rolled == world["levels"][2]


def test_capability_page_shows_the_rule_and_the_rolled_up_rating(world, make_assessment, client_as):
    make_assessment("centre_a", rank=2, approve=True)

    page = client_as(Role.ADVISOR).get("/advising/", {"mission": world["mission"].pk})

    assert page.status_code == 200
    text = page.content.decode()
    assert "the lowest of its own latest approved rating" in text
    assert "CM3 partly" in text


def test_institution_page_draws_the_trend_of_approved_ratings(world, make_assessment, client_as):
    make_assessment("centre_a", rank=1, on=datetime.date(2005, 1, 1), approve=True)
    make_assessment("centre_a", rank=3, on=datetime.date(2007, 1, 1), approve=True)
    make_assessment("centre_a", rank=4, on=datetime.date(2008, 1, 1))

    page = client_as(Role.ADVISOR).get("/advising/institutions/centre-a/")

    text = page.content.decode()
    assert page.status_code == 200
    assert text.count('<circle class="point"') == 2
    assert "2007-01-01: CM2 with help" in text


def test_full_capability_lists_institutions_with_the_first_day(world, make_objective, client_as):
    make_objective("centre_a", ioc_reached_on=datetime.date(2006, 1, 1),
                   foc_reached_on=datetime.date(2007, 3, 1))  # fmt: skip
    make_objective("centre_a", ioc_reached_on=datetime.date(2006, 1, 1),
                   foc_reached_on=datetime.date(2008, 3, 1))  # fmt: skip
    make_objective("centre_b", ioc_reached_on=datetime.date(2006, 1, 1))

    rows = list(selectors.full_capability(world["mission"]))

    assert [(r["institution__key"], r["reached"]) for r in rows] == [
        ("centre-a", datetime.date(2007, 3, 1))
    ]
    page = client_as(Role.MISSION_STAFF).get("/advising/", {"mission": world["mission"].pk})
    assert "2007-03-01" in page.content.decode()


def test_full_capability_comes_after_initial(world, make_objective):
    with pytest.raises(ValidationError):
        make_objective(foc_reached_on=datetime.date(2007, 3, 1))


def test_gender_adviser_reviews_an_assessment_and_the_trail_names_them(
    world, make_assessment, make_user, api_as
):
    assessment = make_assessment(approve=True)
    adviser = make_user(Role.GENDER_ADVISER)

    response = api_as(user=adviser).post(
        f"/api/assessments/{assessment.key}/gender-review/",
        {"status": "concerns", "comments": "No women interviewed."},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assessment.refresh_from_db()
    assert assessment.gender_review == GenderReview.CONCERNS
    assert assessment.gender_reviewed_by == adviser.username
    change = ChangeRecord.objects.filter(object_id=str(assessment.pk)).latest("pk")
    assert change.username == adviser.username


@pytest.mark.parametrize("role", [Role.MISSION_STAFF, Role.ADVISOR])
def test_only_the_gender_adviser_writes_a_gender_review(
    world, make_objective, make_user, api_as, role
):
    objective = make_objective()

    response = api_as(role).post(
        f"/api/capability-objectives/{objective.key}/gender-review/",
        {"status": "no_concerns"},
        format="json",
    )

    assert response.status_code == 403
    objective.refresh_from_db()
    assert objective.gender_review == GenderReview.NOT_REVIEWED


def test_generic_writes_do_not_set_a_gender_review(world, make_objective, api_as):
    objective = make_objective()

    api_as(Role.MISSION_STAFF).patch(
        f"/api/capability-objectives/{objective.key}/",
        {"gender_review": "no_concerns"},
        format="json",
    )

    objective.refresh_from_db()
    assert objective.gender_review == GenderReview.NOT_REVIEWED


def test_gender_review_page_saves_for_the_gender_adviser(world, make_objective, client_as):
    objective = make_objective()

    response = client_as(Role.GENDER_ADVISER).post(
        f"/record/capability-objectives/{objective.pk}/gender-review/",
        {"status": "no_concerns", "comments": ""},
    )

    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.gender_review == GenderReview.NO_CONCERNS


def test_concerns_need_comments(world, make_objective, make_user):
    with pytest.raises(ValidationError):
        services.review_gender(
            make_objective(), user=make_user(Role.GENDER_ADVISER), status="concerns"
        )


def test_review_gender_refuses_the_mission_staff(world, make_objective, make_user):
    with pytest.raises(PermissionDenied):
        services.review_gender(
            make_objective(), user=make_user(Role.MISSION_STAFF), status="no_concerns"
        )


def test_home_page_lists_the_advisors_overdue_actions(
    world, advisor_user, advisor_b, client, make_engagement
):
    from cadre.advising.models import Advisor, FollowUpAction

    mine = make_engagement("team_a")
    theirs = make_engagement("team_b")
    owner = Advisor.objects.get(key="adv-a")
    for engagement, who, text, done in [
        (mine, owner, "Send the overdue draft", None),
        (mine, owner, "Already done", datetime.date(2006, 5, 3)),
        (theirs, advisor_b, "Other team's action", None),
    ]:
        save(
            FollowUpAction(
                key=text.lower().replace(" ", "-").replace("'", ""),
                engagement=engagement,
                description=text,
                owner=who,
                due_on=datetime.date(2006, 6, 1),
                done_on=done,
            ),
            user=OPERATOR,
        )
    client.force_login(advisor_user)

    text = client.get("/").content.decode()

    assert "Send the overdue draft" in text
    assert "Already done" not in text
    assert "Other team" not in text
