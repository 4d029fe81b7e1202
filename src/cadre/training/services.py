"""The write paths of training records: seats, eligibility, vetting, status transitions.

Every page, API call, import, dataset load and admin save reaches these through the
object types' declarations (objects.py), so each rule here holds on every path.
"""

import re
import secrets

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.audit.context import current_actor
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import permissions
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, BatchWriter, RecordConflict, RecordService

from . import selectors
from .models import (
    Course,
    Enrolment,
    Nomination,
    Person,
    SeatAllotment,
    Session,
    VettingCase,
)

# A text slugify() leaves as it is: lower-case ASCII letters, digits, single hyphens and
# underscores, neither first nor last. Keys made of keys are nearly always one already.
_SLUG = re.compile(r"(?![-_])(?!.*--)[a-z0-9_-]*[a-z0-9]")


def _slug(text: str) -> str:
    return text if _SLUG.fullmatch(text) else slugify(text)


class KeyedService(RecordService):
    """Makes a record's key from the record when a create gives none, e.g. the session
    `c-ied-1-2027-03-01`, with `-2`, `-3` after it when that key is taken."""

    def key_parts(self, obj) -> list:
        return []

    def normalise(self, obj):
        super().normalise(obj)
        if not obj.key:
            obj.key = self.free_key(obj)

    def free_key(self, obj) -> str:
        try:
            parts = self.key_parts(obj)
        except (AttributeError, self.model.DoesNotExist, Course.DoesNotExist):
            parts = []  # a missing reference: validation names it
        base = slugify("-".join(str(part) for part in parts if part))[:90]
        if not base:
            return f"{self.model._meta.model_name}-{secrets.token_hex(4)}"
        taken = set(
            self.model._default_manager.filter(key__startswith=base).values_list("key", flat=True)
        )
        key, number = base, 2
        while key in taken:
            key, number = f"{base}-{number}", number + 1
        return key


def check_transition(obj, transitions: dict, action: str):
    """Refuse a status change the type's state machine does not allow."""
    if action != "change":
        return
    before = type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True).first()
    if before is None or before == obj.status or obj.status in transitions.get(before, ()):
        return
    labels = dict(type(obj).Status.choices)
    allowed = ", ".join(str(labels[s]) for s in transitions.get(before, ())) or _("none")
    raise ValidationError(
        {
            "status": _(
                "The status cannot go from %(before)s to %(after)s; from %(before)s it may go "
                "to: %(allowed)s."
            )
            % {"before": labels[before], "after": labels[obj.status], "allowed": allowed}
        }
    )


class PersonService(KeyedService):
    # A person's key names no one: it appears in addresses and in other records' keys.
    def key_parts(self, obj):
        return ["p", secrets.token_hex(4)]


S = Session.Status


class SessionService(KeyedService):
    """A session's capacity never falls below the seats held or allotted, and its status
    moves planned -> open -> allocated -> running -> completed, or to cancelled."""

    TRANSITIONS = {
        S.PLANNED: (S.OPEN, S.CANCELLED),
        S.OPEN: (S.ALLOCATED, S.CANCELLED),
        S.ALLOCATED: (S.RUNNING, S.CANCELLED),
        S.RUNNING: (S.COMPLETED,),
    }

    def key_parts(self, obj):
        return [obj.course.code, obj.start]

    def lock(self, obj):
        if obj.pk:
            Session.objects.select_for_update().get(pk=obj.pk)

    def check(self, obj, many, action):
        check_transition(obj, self.TRANSITIONS, action)
        if action != "change":
            return
        held = selectors.seated(obj.pk).count()
        capacity = obj.capacity or 0
        if capacity < held:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(held)s people hold seats in this session: the capacity cannot be "
                        "lower than that."
                    )
                    % {"held": held}
                }
            )
        allotted = selectors.allotted_seats(obj.pk)
        if capacity < allotted:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(allotted)s seats are allotted to nations: the capacity cannot be "
                        "lower than that."
                    )
                    % {"allotted": allotted}
                }
            )

    def decide_go_no_go(self, session, *, user, today):
        """Four weeks before the start: confirm the session if it holds its minimum of seats,
        else cancel it. Decided once: the day is kept in `go_no_go_on`. Returns the session."""
        session = Session.objects.get(pk=session.pk)
        if session.go_no_go_on:
            return session
        session.go_no_go_on = today
        if selectors.seated(session.pk).count() < selectors.minimum_enrolments(session):
            session.status = S.CANCELLED
        return self.save(session, user=user)


class SeatAllotmentService(KeyedService):
    """The allotments of a session add up to no more than its capacity, and none falls below
    the seats its nation's people already hold."""

    def key_parts(self, obj):
        return [obj.session.key, obj.nation.code]

    def lock(self, obj):
        Session.objects.select_for_update().get(pk=obj.session_id)

    def check(self, obj, many, action):
        session = Session.objects.get(pk=obj.session_id)
        others = selectors.allotted_seats(session.pk, besides=obj.pk)
        capacity = session.capacity or 0
        if others + obj.seats > capacity:
            raise ValidationError(
                {
                    "seats": _(
                        "%(session)s has %(capacity)s seats and %(others)s are allotted to other "
                        "nations: at most %(free)s are left to allot."
                    )
                    % {
                        "session": session,
                        "capacity": capacity,
                        "others": others,
                        "free": max(capacity - others, 0),
                    }
                }
            )
        held = selectors.seated(session.pk).filter(person__nation_id=obj.nation_id).count()
        if obj.seats < held:
            raise ValidationError(
                {
                    "seats": _("This nation's people already hold %(held)s seats in the session.")
                    % {"held": held}
                }
            )

    def release_unfilled(self, allotment, *, user, today):
        """Six weeks before the start: the seats of the allotment its nation has not filled
        go back to the released pool, once. Returns the allotment."""
        allotment = SeatAllotment.objects.get(pk=allotment.pk)
        if allotment.released_on:
            return allotment
        held = (
            selectors.seated(allotment.session_id)
            .filter(person__nation_id=allotment.nation_id)
            .count()
        )
        allotment.released_seats = max(allotment.seats - held, 0)
        allotment.seats -= allotment.released_seats
        allotment.released_on = today
        return self.save(allotment, user=user)


class LanguageTestService(KeyedService):
    def key_parts(self, obj):
        return [obj.person.key, "slp", obj.taken_on]


V = VettingCase.Status


class VettingCaseService(KeyedService):
    TRANSITIONS = {V.PENDING: (V.CLEARED, V.WITHHELD, V.EXPIRED), V.CLEARED: (V.EXPIRED,)}

    def key_parts(self, obj):
        return [obj.person.key, "vetting", obj.kind]

    def lock(self, obj):
        # Travel orders lock the person too: a case cannot change while one is issued.
        Person.objects.select_for_update().get(pk=obj.person_id)

    def check(self, obj, many, action):
        check_transition(obj, self.TRANSITIONS, action)


N = Nomination.Status


class NominationService(KeyedService):
    """A nomination moves draft -> submitted -> waitlisted | allocated -> accepted | refused,
    or is withdrawn; it is submitted only for a person who may take the seat."""

    TRANSITIONS = {
        N.DRAFT: (N.SUBMITTED, N.WITHDRAWN),
        N.SUBMITTED: (N.WAITLISTED, N.ALLOCATED, N.REFUSED, N.WITHDRAWN),
        N.WAITLISTED: (N.ALLOCATED, N.REFUSED, N.WITHDRAWN),
        N.ALLOCATED: (N.ACCEPTED, N.REFUSED, N.WITHDRAWN),
        N.ACCEPTED: (N.WITHDRAWN,),
    }

    def key_parts(self, obj):
        return [obj.session.key, obj.person.key, "nomination"]

    def check_choices(self, obj):
        """In an allocation round a person ranks at most five sessions, each choice once."""
        others = Nomination.objects.filter(
            allocation_round_id=obj.allocation_round_id,
            person_id=obj.person_id,
            status__in=Nomination.LIVE,
        ).exclude(pk=obj.pk)
        if others.count() >= 5:
            raise ValidationError(
                {"allocation_round": _("A person ranks at most five sessions in a round.")}
            )
        if obj.preference and others.filter(preference=obj.preference).exists():
            raise ValidationError(
                {
                    "preference": _(
                        "This person already gave preference %(preference)s to another session "
                        "in the round."
                    )
                    % {"preference": obj.preference}
                }
            )

    def check(self, obj, many, action):
        check_transition(obj, self.TRANSITIONS, action)
        if obj.allocation_round_id and obj.status in Nomination.LIVE:
            self.check_choices(obj)
        if obj.status != N.SUBMITTED:
            return
        before = Nomination.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
        if before != N.SUBMITTED:
            waived = selectors.waived_rules(obj.person_id, obj.session_id)
            failures = selectors.eligibility_failures(obj.person, obj.session, waived=waived)
            if failures:
                raise ValidationError(failures)


E = Enrolment.Status

# Who decides a graduation: those who run the training, not every writer of enrolments.
GRADUATORS = frozenset({Role.ADMIN, Role.TRAINING_OFFICER})
NOT_A_GRADUATOR = gettext_lazy("Only an administrator or a training officer decides graduations.")


def may_graduate(user, enrolment=None) -> bool:
    """May this user decide graduations (of this enrolment, when one is given)?"""
    if user is OPERATOR:
        return True
    if role_of(user) not in GRADUATORS:
        return False
    return enrolment is None or permissions.may_write_object(user, "change", enrolment)


class EnrolmentService(KeyedService):
    """A seat is taken only while one is free and the person may take it.

    The session row is locked before the seats are counted, so parallel enrolments queue
    rather than overbook; the free seats are counted from the enrolments, never stored.
    An eligibility rule waived for the person and session (EligibilityOverride) is not
    checked, and the enrolment keeps the keys of the waivers it was given under. A trainee
    graduates only under the course's rule (`graduate`).
    """

    def key_parts(self, obj):
        return [obj.session.key, obj.person.key]

    def normalise(self, obj):
        super().normalise(obj)
        if obj.status in (E.GRADUATED, E.FAILED) and obj.decided_on is None:
            obj.decided_on = timezone.localdate()

    def lock(self, obj):
        sessions = {obj.session_id}
        if obj.pk:
            sessions |= set(
                Enrolment.objects.filter(pk=obj.pk).values_list("session_id", flat=True)
            )
        # In id order, so two writers locking the same two sessions never wait on each other.
        list(Session.objects.select_for_update().filter(pk__in=sessions).order_by("pk"))

    def lock_sessions(self, session_ids):
        """Lock the sessions' rows, in id order, until the transaction ends."""
        ids = sorted({int(pk) for pk in session_ids})
        if connection.vendor == "postgresql":
            ids = [selectors.among(ids)] if ids else []
        else:
            ids = [ids[start : start + 5000] for start in range(0, len(ids), 5000)]
        for chunk in ids:
            list(
                Session.objects.select_for_update()
                .filter(pk__in=chunk)
                .order_by("pk")
                .values_list("pk", flat=True)
            )

    def enrol_many(self, seats, *, user, message=""):
        """Enrol each (person id, session id) of `seats` (pairs, or an array of two columns),
        all or none: the batch path of an allocation round, thousands of seats in one write.

        Under the sessions' locks, in one transaction: the seats are counted per session
        and nation from the stored enrolments with the batch's added (capacity, nation
        allotments, the pool), nobody takes a seat twice in a session, and each person's
        vetting, the session's state and overlapping seats are checked in bulk (waivers
        of the overlap rule count), each rule by one query joined to the batch's seats in
        a temporary table. Language, prerequisites, rank group and audience were checked
        when the nomination was submitted. The rows are written in batches (COPY on
        PostgreSQL) with one audit entry for all. Raises RecordConflict naming the first
        refusals; then nothing is written. Returns the new enrolments' ids."""
        self.require(user, "add")
        pairs = np.asarray(seats, dtype=np.int64).reshape(-1, 2)
        if not len(pairs):
            return []
        pairs = np.unique(pairs, axis=0)
        pairs = pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]  # by session, then person
        person_ids, session_ids = pairs[:, 0].tolist(), pairs[:, 1].tolist()
        with transaction.atomic():
            self.lock_sessions(session_ids)
            with selectors.batch_of_seats(person_ids, session_ids) as batch:
                sessions = selectors.batch_sessions()
                refusals = selectors.batch_seat_refusals(
                    sessions
                ) + selectors.batch_eligibility_refusals(sessions, person_ids, session_ids)
                if refusals:
                    shown = "; ".join(refusals[:5])
                    more = len(refusals) - 5
                    if more > 0:
                        shown += " " + _("(and %(more)s more)") % {"more": more}
                    raise RecordConflict(shown)
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT p.key FROM {batch} b JOIN training_person p ON p.id = b.person_id"
                        " ORDER BY b.session_id, b.person_id"
                    )
                    person_keys = [key for (key,) in cursor.fetchall()]
                    cursor.execute(
                        "SELECT key FROM training_enrolment"
                        f" WHERE session_id IN (SELECT session_id FROM {batch})"
                    )
                    taken = {key for (key,) in cursor.fetchall()}
            rows = []
            for person_id, session_id, person_key in zip(
                person_ids, session_ids, person_keys, strict=True
            ):
                base = _slug(f"{sessions[session_id][0]}-{person_key}")[:90]
                key, number = base, 2
                while key in taken:
                    key, number = f"{base}-{number}", number + 1
                taken.add(key)
                rows.append({"key": key, "session_id": session_id, "person_id": person_id})
            ids = BatchWriter(Enrolment).insert_values(rows)
            if current_actor().record_fields:
                record_change(
                    model=Enrolment,
                    action=ChangeAction.CREATE,
                    message=message
                    or _("%(count)s enrolments made in one batch.") % {"count": len(rows)},
                )
        return ids

    def check(self, obj, many, action):
        stored = Enrolment.objects.filter(pk=obj.pk).first() if obj.pk else None
        if obj.status == E.GRADUATED and (stored is None or stored.status != E.GRADUATED):
            failures = selectors.graduation_failures(obj, obj.decided_on)
            if failures:
                raise ValidationError({"status": failures})
        moved = stored is None or (stored.session_id, stored.person_id) != (
            obj.session_id,
            obj.person_id,
        )
        taking_seat = obj.status in Enrolment.SEATED and (
            moved or stored.status not in Enrolment.SEATED
        )
        if not taking_seat:
            return
        session = Session.objects.select_related("course").get(pk=obj.session_id)
        person = Person.objects.select_related("nation").get(pk=obj.person_id)
        findings = selectors.eligibility_findings(person, session, enrolment=obj)
        waived = selectors.waived_rules(person.pk, session.pk)
        failures = [message for rule, message in findings if rule not in waived]
        if failures:
            raise ValidationError(failures)
        used = sorted({waived[rule].key for rule, _message in findings if rule in waived})
        obj.waivers = ", ".join(used)
        refusal = selectors.seat_refusal(session, person.nation_id, besides=obj.pk)
        if refusal:
            raise RecordConflict(refusal)

    def graduate(self, enrolment, *, user, on=None):
        """Decide whether the trainee graduates on `on` (today when not given): graduated if
        the course's rule holds, else not graduated with every reason. The graduation then
        counts as the prerequisite held for later courses. Returns the enrolment.

        Only an administrator or a training officer decides (`may_graduate`); anyone else is
        refused with PermissionDenied."""
        enrolment = Enrolment.objects.select_related("session__course", "person").get(
            pk=enrolment.pk
        )
        if not may_graduate(user, enrolment):
            raise PermissionDenied(NOT_A_GRADUATOR)
        if enrolment.status != E.ENROLLED:
            raise ValidationError(
                {
                    "status": _("Only an enrolled trainee can graduate; this one is %(status)s.")
                    % {"status": enrolment.get_status_display()}
                }
            )
        on = on or timezone.localdate()
        # The reasons are kept as the record's text, in English whatever the writer's language.
        with translation.override("en"):
            failures = selectors.graduation_failures(enrolment, on)
        enrolment.status = E.FAILED if failures else E.GRADUATED
        enrolment.graduation_reason = "\n".join(failures)
        enrolment.decided_on = on
        return self.save(enrolment, user=user)


class AttendanceService(KeyedService):
    def key_parts(self, obj):
        return [obj.enrolment.key, obj.day]

    def check(self, obj, many, action):
        if Enrolment.objects.get(pk=obj.enrolment_id).status == Enrolment.Status.WITHDRAWN:
            raise ValidationError(
                {"enrolment": _("The trainee has withdrawn: no attendance is kept for them.")}
            )


class AssessmentResultService(KeyedService):
    def key_parts(self, obj):
        return [obj.enrolment.key, obj.assessment]


class EligibilityOverrideService(KeyedService):
    """A waiver names who granted it and when; both are set here, never sent."""

    def key_parts(self, obj):
        return ["waiver", obj.session.key, obj.person.key, obj.rule]

    def save(self, obj, *, user, many=None, exclude=None):
        if obj._state.adding:
            obj.granted_by = _("command line") if user is OPERATOR else user.get_username()
            obj.granted_at = timezone.now()
        return super().save(obj, user=user, many=many, exclude=exclude)


class TravelOrderService(KeyedService):
    """A travel order is issued only for a session abroad, to a person whose every vetting
    case is cleared and unexpired from the issue date through the session's last day. No
    override: the rule is the mission's condition for training anyone at all."""

    def key_parts(self, obj):
        return ["travel", obj.session.key, obj.person.key]

    def normalise(self, obj):
        if obj.issued_on is None:
            obj.issued_on = timezone.localdate()
        if obj.person_id:
            obj.passport_name = Person.objects.get(pk=obj.person_id).passport_name
        super().normalise(obj)

    def lock(self, obj):
        Person.objects.select_for_update().get(pk=obj.person_id)

    def check(self, obj, many, action):
        session = Session.objects.select_related("course").get(pk=obj.session_id)
        if session.course.delivery == Course.Delivery.IN_COUNTRY:
            raise ValidationError(
                {"session": _("The session is held in country: it needs no travel order.")}
            )
        if session.end is None:
            raise ValidationError(
                {"session": _("The session has no end date: no order can cover it.")}
            )
        first_day = min(obj.issued_on, session.start)
        last_day = max(obj.issued_on, session.end)
        failures = selectors.vetting_failures(obj.person, first_day, last_day)
        if failures:
            raise ValidationError(failures)


def run_due(*, today, user=OPERATOR) -> list[str]:
    """Carry out what the seat timeline has due on `today`: release unfilled allotted seats
    six weeks before a session, then confirm or cancel sessions four weeks before. Each is
    done once, so a second run the same day does nothing. Returns what was done, in words."""
    from cadre.core.services import service_for

    done = []
    allotments = service_for(SeatAllotment)
    for allotment in selectors.releases_due(today):
        allotment = allotments.release_unfilled(allotment, user=user, today=today)
        done.append(
            _("%(session)s: %(seats)s unfilled seats of %(nation)s released to the pool.")
            % {
                "session": allotment.session,
                "seats": allotment.released_seats,
                "nation": allotment.nation,
            }
        )
    sessions = service_for(Session)
    for session in selectors.go_no_go_due(today):
        session = sessions.decide_go_no_go(session, user=user, today=today)
        if session.status == S.CANCELLED:
            message = _("%(session)s: cancelled, fewer than %(minimum)s seats held.")
        else:
            message = _("%(session)s: confirmed.")
        done.append(
            message % {"session": session, "minimum": selectors.minimum_enrolments(session)}
        )
    return done
