"""Advising's write paths. Every page, API call and import reaches these through the
declarations (objects.py), so the rules hold on every path:

- an advisor (role advisor) writes only the engagements, follow-up actions and
  assessments of the teams that name them (`Advisor.username`); mission staff and
  administrators write all of them;
- an assessment counts only once approved by the mission staff (`AssessmentService.approve`),
  and an approved assessment is not changed afterwards;
- only the gender adviser (and the administrator) writes a gender review (`review_gender`).

Approvals and reviews are saved through the same write path, so who did them, and when, is
in the audit trail.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, OutsideScope, RecordService
from cadre.core.snapshots import record_state

from . import selectors
from .models import Advisor, Assessment, GenderReview

APPROVERS = frozenset({Role.ADMIN, Role.MISSION_STAFF})
GENDER_REVIEWERS = frozenset({Role.ADMIN, Role.GENDER_ADVISER})
NOT_AN_APPROVER = gettext_lazy("Only the mission staff approve assessments.")
NOT_A_GENDER_REVIEWER = gettext_lazy("Only the gender adviser writes a gender review.")
OTHER_TEAM = gettext_lazy(
    "You may write only your own team's %(objects)s; nothing was saved. Ask the mission "
    "staff to add you to the team if you belong to it."
)


def may_approve(user) -> bool:
    return user is OPERATOR or role_of(user) in APPROVERS


def may_review_gender(user) -> bool:
    return user is OPERATOR or role_of(user) in GENDER_REVIEWERS


class TeamScopedService(RecordService):
    """Narrows an advisor's writes to their own teams' records; `team_of(obj)` says whose."""

    def team_ids_of(self, obj) -> set:
        raise NotImplementedError

    def within_scope(self, user, action, obj):
        super().within_scope(user, action, obj)
        if user is OPERATOR or role_of(user) != Role.ADVISOR:
            return
        if not self.team_ids_of(obj) & selectors.team_ids_of(user):
            raise OutsideScope(OTHER_TEAM % {"objects": self.object_type.verbose_name_plural})


class EngagementService(TeamScopedService):
    def team_ids_of(self, obj):
        return {obj.team_id}

    def check(self, obj, many, action):
        advisors = many.get("advisors")
        if advisors is None:
            return
        ids = [a.pk if isinstance(a, Advisor) else a for a in advisors]
        if Advisor.objects.filter(pk__in=ids).exclude(team_id=obj.team_id).exists():
            raise ValidationError(
                {"advisors": _("Every advisor of an engagement belongs to its team.")}
            )


class FollowUpActionService(TeamScopedService):
    def team_ids_of(self, obj):
        return {obj.engagement.team_id} if obj.engagement_id else set()


class AssessmentService(TeamScopedService):
    """An advisor assesses the institutions their team advises (and the units under them)."""

    def team_ids_of(self, obj):
        if not obj.objective_id:
            return set()
        return selectors.advising_team_ids(obj.objective.institution_id)

    def check(self, obj, many, action):
        if action == "add":
            return
        stored = Assessment.objects.get(pk=obj.pk)
        if stored.status == Assessment.Status.APPROVED and _changed(stored, obj):
            raise ValidationError(
                _("This assessment was approved: it is no longer changed. Record a new one.")
            )

    def approve(self, assessment, *, user, on=None):
        """The mission staff's approval: from then on the assessment counts."""
        if not may_approve(user):
            raise PermissionDenied(NOT_AN_APPROVER)
        assessment = Assessment.objects.get(pk=assessment.pk)
        if assessment.status == Assessment.Status.APPROVED:
            raise ValidationError(
                {
                    "status": _("This assessment was approved already, by %(user)s.")
                    % {"user": assessment.approved_by}
                }
            )
        assessment.status = Assessment.Status.APPROVED
        assessment.approved_by = _username(user)
        assessment.approved_on = on or timezone.localdate()
        return self.save(assessment, user=user)


def _username(user) -> str:
    return _("command line") if user is OPERATOR else user.get_username()


ASSESSED_FIELDS = ("objective_id", "assessed_on", "level_id", "evidence", "assessor_id")


def _changed(stored, obj) -> bool:
    return any(getattr(stored, name) != getattr(obj, name) for name in ASSESSED_FIELDS)


def review_gender(record, *, user, status, comments=""):
    """The gender adviser's review of an objective (a plan) or an assessment: its status
    and comments, with who wrote it and when, recorded in the audit trail."""
    if not may_review_gender(user):
        raise PermissionDenied(NOT_A_GENDER_REVIEWER)
    if status not in GenderReview.values:
        raise ValidationError({"gender_review": _("Not a gender review status.")})
    if status == GenderReview.CONCERNS and not comments.strip():
        raise ValidationError({"gender_comments": _("Say what the concerns are in the comments.")})
    model = type(record)
    with transaction.atomic():
        record = model.objects.select_for_update().get(pk=record.pk)
        before = record_state(model, record.pk)
        record.gender_review = status
        record.gender_comments = comments
        record.gender_reviewed_by = _username(user)
        record.gender_reviewed_on = timezone.localdate()
        record.version += 1
        with without_field_records():
            record.save(
                update_fields=[
                    "gender_review",
                    "gender_comments",
                    "gender_reviewed_by",
                    "gender_reviewed_on",
                    "version",
                ]
            )
        record_change(
            instance=record,
            action=ChangeAction.UPDATE,
            before=before,
            after=record_state(model, record.pk),
            message=_("Gender review: %(status)s.")
            % {"status": record.get_gender_review_display()},
            user=None if user is OPERATOR else user,
        )
    return record
