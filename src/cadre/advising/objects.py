"""Advising's object types, in the order they load.

Everyone signed in reads advising's records (they name institutions and advisors' posts,
not trainees). The mission staff and administrators write them all; an advisor writes the
engagements, follow-up actions and assessments of their own team (the services hold that
rule on every path); the gender adviser writes gender reviews only, through their action.
None of these rows is in the built-in dataset: the sources state the teams and the
institutions (the missions app's organisations and reporting lines), never a rating.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_detail_panel, register_home_panel, register_page
from cadre.core.roles import Role, role_of
from cadre.missions.models import Organisation

from . import models as m
from . import selectors
from . import services as s

STAFF = frozenset({Role.ADMIN, Role.MISSION_STAFF})
ADVISING = STAFF | {Role.ADVISOR}

register(
    m.Advisor,
    slug="advisors",
    columns=["key", "name", "team", "username", "generated"],
    filters={"team": ["exact"], "generated": ["exact"]},
    search=["name", "username"],
    ordering=["name", "key"],
    write_roles=STAFF,
    select_related=["team"],
    importable=True,
    in_dataset=False,
)
register(
    m.Engagement,
    slug="engagements",
    columns=[
        "key",
        "held_on",
        "team",
        "topic",
        "counterparts_met",
        "outcome",
        "advisors",
        "counterparts",
        "generated",
    ],
    filters={"team": ["exact"], "held_on": ["exact", "gte", "lte"], "generated": ["exact"]},
    m2m_filters=["advisors", "counterparts"],
    search=["topic", "outcome", "key"],
    ordering=["held_on", "key"],
    write_roles=ADVISING,
    service=s.EngagementService,
    select_related=["team"],
    prefetch_related=["advisors", "counterparts"],
    importable=True,
    in_dataset=False,
)
register(
    m.FollowUpAction,
    slug="follow-up-actions",
    columns=["key", "engagement", "description", "owner", "due_on", "done_on"],
    filters={
        "engagement": ["exact"],
        "owner": ["exact"],
        "due_on": ["exact", "gte", "lte"],
        "done_on": ["exact", "isnull"],
    },
    search=["description", "key"],
    ordering=["due_on", "key"],
    write_roles=ADVISING,
    service=s.FollowUpActionService,
    select_related=["engagement", "owner"],
    importable=True,
    in_dataset=False,
)
register(
    m.RatingScale,
    slug="rating-scales",
    columns=["key", "name", "name_ar", "mission", "generated"],
    filters={"mission": ["exact"]},
    search=["name", "name_ar"],
    ordering=["key"],
    write_roles=STAFF,
    select_related=["mission"],
    in_dataset=False,
)
register(
    m.RatingLevel,
    slug="rating-levels",
    columns=["key", "scale", "rank", "short_name", "name", "name_ar", "description"],
    filters={"scale": ["exact"]},
    search=["short_name", "name", "name_ar"],
    ordering=["key"],
    write_roles=STAFF,
    select_related=["scale"],
    importable=True,
    in_dataset=False,
)
register(
    m.CapabilityObjective,
    slug="capability-objectives",
    columns=[
        "key",
        "mission",
        "institution",
        "scale",
        "title",
        "title_ar",
        "agreed_on",
        "ioc_reached_on",
        "foc_reached_on",
        "gender_review",
        "gender_comments",
        "gender_reviewed_by",
        "gender_reviewed_on",
        "generated",
    ],
    filters={
        "mission": ["exact"],
        "institution": ["exact"],
        "gender_review": ["exact"],
        "foc_reached_on": ["exact", "isnull", "gte", "lte"],
        "generated": ["exact"],
    },
    search=["title", "title_ar", "key"],
    ordering=["key"],
    write_roles=STAFF,
    api_actions="cadre.advising.api.GenderReviewActions",
    select_related=["mission", "institution", "scale"],
    importable=True,
    in_dataset=False,
)
register(
    m.Assessment,
    slug="assessments",
    columns=[
        "key",
        "objective",
        "assessed_on",
        "level",
        "evidence",
        "assessor",
        "status",
        "approved_by",
        "approved_on",
        "gender_review",
        "gender_comments",
        "gender_reviewed_by",
        "gender_reviewed_on",
        "generated",
    ],
    filters={
        "objective": ["exact"],
        "status": ["exact"],
        "gender_review": ["exact"],
        "assessed_on": ["exact", "gte", "lte"],
        "approved_on": ["exact", "gte", "lte"],
        "generated": ["exact"],
    },
    search=["evidence", "key"],
    ordering=["assessed_on", "key"],
    write_roles=ADVISING,
    service=s.AssessmentService,
    api_actions="cadre.advising.api.AssessmentActions",
    select_related=["objective__institution", "level", "assessor"],
    importable=True,
    in_dataset=False,
)


def overdue_actions(user) -> dict:
    """For an advisor: their teams' follow-up actions past due."""
    if role_of(user) != Role.ADVISOR:
        return {}
    return {"overdue": list(selectors.overdue_actions(user, timezone.localdate())[:30])}


def assessment_actions(assessment, user) -> dict:
    return {
        "record": assessment,
        "may_approve": assessment.status == m.Assessment.Status.SUBMITTED and s.may_approve(user),
        "may_review": s.may_review_gender(user),
        "review_choices": m.GenderReview.choices,
        "slug": "assessments",
    }


def objective_actions(objective, user) -> dict:
    return {
        "record": objective,
        "may_review": s.may_review_gender(user),
        "review_choices": m.GenderReview.choices,
        "slug": "capability-objectives",
    }


def institution_capability(organisation, user) -> dict:
    return {"institution": organisation, "trend": selectors.trend(organisation)}


register_home_panel("advising/_overdue.html", overdue_actions)
register_detail_panel(m.Assessment, "advising/_review.html", assessment_actions)
register_detail_panel(m.CapabilityObjective, "advising/_review.html", objective_actions)
register_detail_panel(Organisation, "advising/_institution_link.html", institution_capability)

register_page(
    "advising:capability",
    _("Capability"),
    m.Assessment,
    shortcut_for={Role.ADVISOR, Role.MISSION_STAFF, Role.GENDER_ADVISER},
    section="advising",
    position=70,
)
register_page(
    "core:list",
    _("Engagements"),
    m.Engagement,
    args=("engagements",),
    shortcut_for={Role.ADVISOR},
    section="advising",
    position=71,
)
register_page(
    "core:list",
    _("Assessments"),
    m.Assessment,
    args=("assessments",),
    shortcut_for={Role.MISSION_STAFF},
    section="advising",
    position=72,
)
register_page(
    "core:list",
    _("Capability objectives"),
    m.CapabilityObjective,
    args=("capability-objectives",),
    section="advising",
    position=73,
)
