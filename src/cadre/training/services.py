"""The write paths of training records: seats, eligibility, vetting, status transitions.

Every page, API call, import, dataset load and admin save reaches these through the
object types' declarations (objects.py), so each rule here holds on every path.
"""

import calendar
import datetime
import json
import re
import secrets

import numpy as np
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.audit.context import current_actor
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import jobs, permissions, signing
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, BatchWriter, RecordConflict, RecordService, service_for

from . import selectors, summary
from .models import (
    Certificate,
    Course,
    Enrolment,
    InstructorLevel,
    Nomination,
    Person,
    SeatAllotment,
    Session,
    VettingCase,
    WaitingListEntry,
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


class KeepsSummary:
    """A service whose writes move the training summary's figures (`summary`): `watch()`
    under `lock()` names the people whose figures may move, and the save adds the
    difference in its own transaction."""

    def watch(self, obj, person_ids):
        obj._summary_watch = summary.Watch(person_ids)

    def save(self, obj, *, user, many=None, exclude=None):
        obj._summary_watch = None
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            if obj._summary_watch is not None:
                obj._summary_watch.apply()
        return saved


class CourseService(RecordService):
    """A course's discipline or delivery counts in every year it ran: a change to either
    recomputes those years of the training summary."""

    def save(self, obj, *, user, many=None, exclude=None):
        with transaction.atomic():
            moved = summary.changed(obj, summary.COURSE_FIELDS)
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            if moved:
                summary.rebuild(years=summary.years_of_course(obj.pk))
        return saved


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


class PersonService(KeepsSummary, KeyedService):
    # Imports write people in batches: the figures of the people changed move after them.
    bulk_safe = True

    # A person's key names no one: it appears in addresses and in other records' keys.
    def key_parts(self, obj):
        return ["p", secrets.token_hex(4)]

    def lock(self, obj):
        if summary.changed(obj, summary.PERSON_FIELDS):
            self.watch(obj, [obj.pk])

    def save_many(self, entries, *, user):
        with transaction.atomic():
            watch = summary.Watch(e.obj.pk for e in entries if not e.obj._state.adding)
            failures = super().save_many(entries, user=user)
            watch.apply()
        return failures


S = Session.Status


class SessionService(KeepsSummary, KeyedService):
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

    def save(self, obj, *, user, many=None, exclude=None):
        """A session changed (more seats, a later start) may have seats for those waiting."""
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            lock_sessions({saved.pk})
            service_for(WaitingListEntry).promote(saved)
        return saved

    def lock(self, obj):
        if obj.pk:
            Session.objects.select_for_update().get(pk=obj.pk)
        if summary.changed(obj, summary.SESSION_FIELDS):
            self.watch(
                obj, Enrolment.objects.filter(session_id=obj.pk).values_list("person_id", flat=True)
            )

    def check(self, obj, many, action):
        check_transition(obj, self.TRANSITIONS, action)
        if action != "change":
            return
        held = selectors.held_seats(obj.pk)
        capacity = obj.capacity or 0
        if capacity < held:
            raise ValidationError(
                {
                    "capacity": _(
                        "%(held)s people hold seats in this session (enrolled or offered one "
                        "from the waiting list): the capacity cannot be lower than that."
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

    def save(self, obj, *, user, many=None, exclude=None):
        """Seats an allotment gives back (released, or fewer allotted) go to the waiting list."""
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            service_for(WaitingListEntry).promote(saved.session)
        return saved

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
        held = selectors.held_seats(session.pk, nation_id=obj.nation_id)
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
        held = selectors.held_seats(allotment.session_id, nation_id=allotment.nation_id)
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

    def save(self, obj, *, user, many=None, exclude=None):
        """Save the nomination and keep the session's waiting list in step with it: put on
        the waiting list, the person joins it; withdrawn or refused, they leave it, and a
        seat offered to them goes to the next in line. The session is locked first, as the
        waiting list's own writes lock it, so the two never wait on each other."""
        with transaction.atomic():
            if obj.session_id:
                lock_sessions({obj.session_id})
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            waiting = service_for(WaitingListEntry)
            if saved.status == N.WAITLISTED:
                waiting.join(saved)
                saved.refresh_from_db()  # a seat may have been offered at once
            elif saved.status not in (N.ALLOCATED,):
                waiting.leave(saved)
        return saved

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
        if obj.status == N.ACCEPTED and obj.pk:
            entry = WaitingListEntry.objects.filter(nomination=obj, status=W.OFFERED).first()
            if entry:
                raise ValidationError(
                    {
                        "status": _(
                            "%(person)s holds a seat offered from the waiting list: accept or "
                            "decline the offer (%(entry)s) rather than the nomination."
                        )
                        % {"person": obj.person, "entry": entry.key}
                    }
                )
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


class EnrolmentService(KeepsSummary, KeyedService):
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
        lock_sessions(sessions)
        # Then the people (sessions first, as SessionService does), whose figures move.
        people = {obj.person_id}
        if obj.pk:
            people |= set(Enrolment.objects.filter(pk=obj.pk).values_list("person_id", flat=True))
        self.watch(obj, people)

    def save(self, obj, *, user, many=None, exclude=None):
        """Save the enrolment; in the same transaction, under the same lock, a person who
        takes a seat leaves the session's waiting list (enrolled), and a seat given back
        (withdrawn, or moved to another session) goes to the session's waiting list."""
        stored = (
            Enrolment.objects.filter(pk=obj.pk).values("session_id", "status").first()
            if obj.pk
            else None
        )
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            waiting = service_for(WaitingListEntry)
            if saved.status in Enrolment.SEATED:
                waiting.enrolled(saved)
            gave_back = stored and stored["status"] in Enrolment.SEATED
            if gave_back and (
                saved.status not in Enrolment.SEATED or stored["session_id"] != saved.session_id
            ):
                waiting.promote(Session.objects.get(pk=stored["session_id"]))
        return saved

    def delete(self, obj, *, user):
        with transaction.atomic():
            self.claim(obj)  # the enrolment's row, then its session, then its person
            lock_sessions({obj.session_id})
            watch = summary.Watch([obj.person_id])
            label = super().delete(obj, user=user)
            watch.apply()
            service_for(WaitingListEntry).promote(Session.objects.get(pk=obj.session_id))
        return label

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

    def _leave_waiting_lists(self, seats):
        """Those of a batch's people who were waiting for the session they now have a seat
        in leave its waiting list, as a single enrolment makes them."""
        waiting = service_for(WaitingListEntry)
        live = WaitingListEntry.objects.filter(
            status__in=W_LIVE, session_id__in=sorted({session for _, session in seats})
        )
        for entry in live:
            if (entry.person_id, entry.session_id) in seats:
                waiting.enrolled(
                    Enrolment.objects.get(session_id=entry.session_id, person_id=entry.person_id)
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
            watch = summary.Watch(person_ids)  # the dashboard's figures move with the batch
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
            watch.apply()
            self._leave_waiting_lists(set(zip(person_ids, session_ids, strict=True)))
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
        refusal = selectors.seat_refusal(
            session, person.nation_id, besides=obj.pk, person_id=person.pk
        )
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
        with transaction.atomic():
            enrolment = self.save(enrolment, user=user)
            if enrolment.status == E.GRADUATED:
                service_for(Certificate).issue(enrolment, user=user, on=on)
        return enrolment


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


C = Certificate.Status
NOT_A_CERTIFIER = gettext_lazy(
    "Only an administrator or a training officer issues, revokes or supersedes certificates."
)


class CertificateService(KeyedService):
    """Issues a graduate's certificate, signed with the mission's key, and revokes or
    supersedes it; nothing else writes certificates (`generic_writes=False`). The PDF is
    made after the commit by a background job (`make_certificates`), never in the request.
    Only administrators and training officers act (`may_graduate`)."""

    def key_parts(self, obj):
        return ["cert", obj.enrolment.key]

    def _require_certifier(self, user, certificate=None):
        if not may_graduate(user, certificate.enrolment if certificate else None):
            raise PermissionDenied(NOT_A_CERTIFIER)

    def issue(self, enrolment, *, user, on=None, render=True) -> Certificate:
        """A new valid certificate of a graduated enrolment, issued on `on` (today when not
        given), with its printed fields taken from the records now. Its PDF is queued."""
        self._require_certifier(user)
        enrolment = Enrolment.objects.select_related(
            "person", "session__course", "session__mission"
        ).get(pk=enrolment.pk)
        if enrolment.status != E.GRADUATED:
            raise ValidationError(
                _("Only a graduate gets a certificate; this trainee is %(status)s.")
                % {"status": enrolment.get_status_display()}
            )
        certificate = certificate_for(enrolment, on or timezone.localdate())
        certificate = self.save(certificate, user=user)
        if render:
            queue_certificates([certificate.pk], user=user)
        return certificate

    def revoke(self, certificate, *, user, reason, on=None) -> Certificate:
        """Withdraw a certificate for good, saying why; the public page then says so."""
        return self._end(certificate, C.REVOKED, user=user, reason=reason, on=on)

    def supersede(self, certificate, *, user, reason, on=None) -> Certificate:
        """Replace a certificate with a new one from the records as they are now (a name
        corrected, say): the old one is marked superseded by the new. Returns the new one."""
        with transaction.atomic():
            new = self.issue(certificate.enrolment, user=user, on=on, render=False)
            self._end(certificate, C.SUPERSEDED, user=user, reason=reason, on=on, by=new)
            queue_certificates([new.pk], user=user)
        return new

    def _end(self, certificate, status, *, user, reason, on, by=None):
        certificate = Certificate.objects.select_related("enrolment").get(pk=certificate.pk)
        self._require_certifier(user, certificate)
        if not (reason or "").strip():
            raise ValidationError({"status_reason": _("Say why.")})
        if certificate.status != C.VALID:
            raise ValidationError(
                _("The certificate is %(status)s already.")
                % {"status": certificate.get_status_display()}
            )
        certificate.status = status
        certificate.status_reason = reason.strip()
        certificate.status_changed_on = on or timezone.localdate()
        certificate.superseded_by = by
        return self.save(certificate, user=user)


def certificate_for(enrolment, on: datetime.date, code: str = "") -> Certificate:
    """An unsaved certificate of the graduated enrolment, its fields signed."""
    from . import certificates

    session, person = enrolment.session, enrolment.person
    course = session.course
    mission = session.mission
    months = course.validity_months
    certificate = Certificate(
        enrolment=enrolment,
        person=person,
        code=code or _free_code(certificates.new_code),
        name=person.passport_name,
        name_ar=person.name_ar,
        course=f"{course.code} {course.title}",
        course_ar=f"{course.code} {course.title_ar}" if course.title_ar else "",
        start=session.start,
        end=session.end or session.start,
        result=E.GRADUATED.value,
        issuer=mission.name if mission else settings.CERTIFICATE_ISSUER,
        issuer_ar=(mission.name_ar if mission else settings.CERTIFICATE_ISSUER_AR) or "",
        issued_on=on,
        expires_on=add_months(on, months) if months else None,
    )
    certificate.key_id = signing.key_id(signing.public_key())
    message = certificates.canonical(certificates.signed_fields(certificate))
    certificate.signed = message.decode()
    certificate.signature = signing.sign(message)
    return certificate


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def _free_code(make) -> str:
    # 80 random bits: a clash is all but impossible, and the unique index would refuse one.
    code = make()
    while Certificate.objects.filter(code=code).exists():
        code = make()
    return code


def queue_certificates(pks, *, user):
    """Make the PDFs of these certificates in a background job, once the caller commits."""
    return jobs.start(
        make_certificates,
        kind="certificates",
        user=None if user is OPERATOR else user,
        title=_("Certificates (%(count)s)") % {"count": len(pks)},
        params={"certificates": list(pks)},
    )


@jobs.task()
def make_certificates(job_id: int):
    """The background job: each certificate's PDF written to the data folder."""
    with jobs.running(job_id) as job:
        pks = job.params["certificates"]
        jobs.advance(job, 0, len(pks))
        made = write_pdfs(Certificate.objects.filter(pk__in=pks), job=job)
        job.result = {"made": made, "certificates": pks}


def write_pdfs(certificates_qs, job=None) -> int:
    """Render and write the PDF of each certificate; returns how many."""
    from . import certificates

    made = 0
    for certificate in certificates_qs.iterator():
        document = certificates.render(
            json.loads(certificate.signed) if certificate.signed else {}, certificate.signature
        )
        path = certificates.pdf_path(certificate.code)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(document)
        partial.replace(path)  # a reader never sees half a file
        Certificate.objects.filter(pk=certificate.pk).update(pdf_made_at=timezone.now())
        made += 1
        if job is not None:
            jobs.advance(job, made, job.total)
    return made


class InstructorLevelService(RecordService):
    """A level's requirements lead somewhere: a level never requires itself, directly or
    through the levels it requires. (A level may certify itself: holders of the top level
    may certify their peers.)"""

    def check(self, obj, many, action):
        seen, level = {obj.pk}, obj.requires
        while level is not None:
            if level.pk in seen:
                raise ValidationError(
                    {
                        "requires": _(
                            "%(level)s cannot require %(required)s: %(required)s requires "
                            "%(level)s, directly or through other levels."
                        )
                        % {"level": obj.code, "required": obj.requires.code}
                    }
                )
            seen.add(level.pk)
            level = level.requires


class InstructorQualificationService(KeyedService):
    """An instructor is certified at a level only when they hold the level it requires, and
    by an instructor who, on that day, is current at a level that certifies it (a T5
    certifies T3s). A level no level certifies (the top of the cadre: T5 in the
    Carabinieri model) is certified by the mission's own trainers, whose level is not kept.
    """

    def key_parts(self, obj):
        return [obj.person.key, obj.level.code]

    def lock(self, obj):
        # The certifier's and the instructor's qualifications are read below: lock both
        # people, in id order, so that two certifications never deadlock.
        people = {obj.person_id, obj.certified_by_id} - {None}
        list(Person.objects.select_for_update().filter(pk__in=people).order_by("pk"))

    def check(self, obj, many, action):
        level = InstructorLevel.objects.select_related("requires", "certified_by").get(
            pk=obj.level_id
        )
        failures = selectors.certification_failures(
            person_id=obj.person_id,
            level=level,
            certifier_id=obj.certified_by_id,
            on=obj.certified_on,
            besides=obj.pk,
        )
        if failures:
            raise ValidationError(failures)


class SessionInstructorService(KeyedService):
    """Who led a session and who co-taught it. One lead per session is the database's rule
    (`one_lead_per_session`), so two writers naming a lead at once cannot both succeed."""

    def key_parts(self, obj):
        return [obj.session.key, obj.person.key]


def lock_sessions(session_ids):
    """Lock the sessions' rows until the transaction ends: every write that takes or gives
    back a seat (an enrolment, an offer from the waiting list) holds it while it counts. In
    id order, so two writers locking the same two sessions never wait on each other."""
    list(Session.objects.select_for_update().filter(pk__in=session_ids).order_by("pk"))


W = WaitingListEntry.Status

# Who answers a seat offered from the waiting list: those who run training, and the
# person's liaison (the host-nation liaison, or their nation's contributing officer).
OFFER_ANSWERERS = frozenset(
    {Role.ADMIN, Role.TRAINING_OFFICER, Role.HOST_LIAISON, Role.NATION_CONTRIBUTOR}
)
NOT_AN_ANSWERER = gettext_lazy(
    "Only a training officer, an administrator or the person's liaison answers a seat offer."
)


def may_answer_offer(user, entry=None) -> bool:
    """May this user accept or decline seats offered from waiting lists (this one's)?"""
    if user is OPERATOR:
        return True
    if role_of(user) not in OFFER_ANSWERERS:
        return False
    if entry is None:
        return True
    readable = permissions.restrict(WaitingListEntry.objects.all(), user)
    return readable.filter(pk=entry.pk).exists()


def offer_hours() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.WAITLIST_OFFER_HOURS)


class WaitingListService(KeyedService):
    """A session's waiting list: who waits for a seat, in order, and the seat offered to
    the next eligible one.

    A person joins when their nomination is put on the waiting list and leaves when it is
    withdrawn or refused. Whenever a seat is given back, the entries are taken in order
    (`selectors.waiting_list`) and the next one who may take it is offered it until
    `offer_expires_at` (CADRE_WAITLIST_OFFER_HOURS, and never past the start); the offer
    holds the seat meanwhile. Accepting enrols the person; declining or letting it expire
    passes the seat on. Every step runs under the enrolments' lock on the session row
    (`lock_sessions`), so a promotion and a direct enrolment never take the same seat.
    """

    def key_parts(self, obj):
        return [obj.session.key, obj.person.key, "waiting"]

    def join(self, nomination):
        """Put the nominated person on the session's waiting list, once."""
        live = WaitingListEntry.objects.filter(
            session_id=nomination.session_id, person_id=nomination.person_id, status__in=W_LIVE
        )
        if live.exists():
            return live.first()
        entry = WaitingListEntry(
            session_id=nomination.session_id,
            person_id=nomination.person_id,
            nomination=nomination,
            nominated_at=nomination.nominated_at,
        )
        entry = self.save(entry, user=OPERATOR)
        self.promote(Session.objects.get(pk=nomination.session_id))
        return entry

    def leave(self, nomination):
        """The nomination is withdrawn or refused: its person leaves the waiting list, and a
        seat offered to them goes to the next in line."""
        for entry in WaitingListEntry.objects.filter(nomination=nomination, status__in=W_LIVE):
            offered = entry.status == W.OFFERED
            self._close(entry, W.WITHDRAWN)
            if offered:
                self.promote(Session.objects.get(pk=entry.session_id))

    def enrolled(self, enrolment):
        """The person took a seat in the session (by accepting, or enrolled directly): they
        leave its waiting list, and their nomination is accepted."""
        for entry in WaitingListEntry.objects.filter(
            session_id=enrolment.session_id, person_id=enrolment.person_id, status__in=W_LIVE
        ).select_related("nomination"):
            entry.enrolment = enrolment
            self._close(entry, W.ENROLLED)
            _move_nomination(entry.nomination, N.ACCEPTED)

    def promote(self, session, *, now=None) -> list:
        """Offer the session's free seats to the next eligible people waiting, in order. The
        caller holds the session's lock. Returns the entries offered a seat."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        session = Session.objects.select_related("course").get(pk=session.pk)
        if session.capacity is None or today >= session.start:
            return []
        offered = []
        for entry in selectors.waiting_list(session.pk).filter(status=W.WAITING):
            if selectors.held_seats(session.pk) >= session.capacity:
                break
            if selectors.promotion_refusal(entry, session, today=today):
                continue
            offered.append(self._offer(entry, session, now))
        return offered

    def _offer(self, entry, session, now):
        start = timezone.make_aware(datetime.datetime.combine(session.start, datetime.time.min))
        entry.status = W.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = min(now + offer_hours(), start)
        entry = self.save(entry, user=OPERATOR)
        _move_nomination(entry.nomination, N.ALLOCATED)
        return entry

    def expire_and_promote(self, session, *, now=None) -> tuple[list, list]:
        """Close the session's offers past their expiry, then offer the free seats: what
        `cadre run-due` does for each session. Returns (entries expired, entries offered)."""
        now = now or timezone.now()
        with transaction.atomic():
            lock_sessions({session.pk})
            expired = []
            for entry in selectors.offers_due_to_expire(now, session.pk).select_related(
                "nomination"
            ):
                self._close(entry, W.EXPIRED, now)
                _move_nomination(entry.nomination, N.REFUSED)
                expired.append(entry)
            return expired, self.promote(session, now=now)

    def accept(self, entry, *, user, now=None) -> Enrolment:
        """The person takes the seat offered: they are enrolled (every enrolment rule still
        holds). Refused, with nothing changed, when the offer is not open; an offer past its
        expiry is closed as expired and its seat offered to the next in line."""
        return self._answer(entry, user=user, now=now, accepting=True)

    def decline(self, entry, *, user, now=None) -> WaitingListEntry:
        """The person does not take the seat offered: it goes to the next in line."""
        return self._answer(entry, user=user, now=now, accepting=False)

    def _answer(self, entry, *, user, now, accepting):
        if not may_answer_offer(user, entry):
            raise PermissionDenied(NOT_AN_ANSWERER)
        now = now or timezone.now()
        with transaction.atomic():
            lock_sessions({entry.session_id})
            entry = WaitingListEntry.objects.select_related("nomination", "session").get(
                pk=entry.pk
            )
            if entry.status != W.OFFERED:
                raise ValidationError(
                    _("No seat is offered to %(person)s: the entry is %(status)s.")
                    % {"person": entry.person, "status": entry.get_status_display()}
                )
            late = entry.offer_expires_at <= now
            if late:
                self._close(entry, W.EXPIRED, now)
                _move_nomination(entry.nomination, N.REFUSED)
                self.promote(entry.session, now=now)
            elif accepting:
                enrolment = service_for(Enrolment).save(
                    Enrolment(session_id=entry.session_id, person_id=entry.person_id),
                    user=OPERATOR,
                )
                return enrolment
            else:
                self._close(entry, W.DECLINED, now)
                _move_nomination(entry.nomination, N.REFUSED)
                self.promote(entry.session, now=now)
                return entry
        raise ValidationError(
            _("The offer expired at %(time)s: the seat has gone to the next in line.")
            % {"time": timezone.localtime(entry.offer_expires_at).strftime("%Y-%m-%d %H:%M")}
        )

    def _close(self, entry, status, now=None):
        entry.status = status
        entry.answered_at = now or timezone.now()
        return self.save(entry, user=OPERATOR)


W_LIVE = WaitingListEntry.LIVE


def _move_nomination(nomination, status):
    """Move the nomination to `status` through the steps its state machine allows."""
    steps = {
        N.ALLOCATED: {N.SUBMITTED: [N.WAITLISTED, N.ALLOCATED], N.WAITLISTED: [N.ALLOCATED]},
        N.ACCEPTED: {
            N.SUBMITTED: [N.ALLOCATED, N.ACCEPTED],
            N.WAITLISTED: [N.ALLOCATED, N.ACCEPTED],
            N.ALLOCATED: [N.ACCEPTED],
        },
        N.REFUSED: {N.SUBMITTED: [N.REFUSED], N.WAITLISTED: [N.REFUSED], N.ALLOCATED: [N.REFUSED]},
    }
    nomination = Nomination.objects.get(pk=nomination.pk)
    nominations = service_for(Nomination)
    for step in steps[status].get(nomination.status, []):
        nomination.status = step
        nomination = nominations.save(nomination, user=OPERATOR)


def run_due(*, today, user=OPERATOR) -> list[str]:
    """Carry out what the seat timeline has due on `today`: release unfilled allotted seats
    six weeks before a session, expire the waiting lists' offers past their time and offer
    the free seats to the next in line, then confirm or cancel sessions four weeks before.
    Each is done once, so a second run the same day does nothing. Returns what was done, in
    words."""
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
    done += run_waiting_lists(today=today)
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


def run_waiting_lists(*, today, now=None) -> list[str]:
    """Expire the offers past their time and offer every free seat to the next eligible
    person waiting, session by session. `now` is the moment of the run: the current time
    when `today` is today, else the start of `today`."""
    if now is None:
        now = timezone.now()
        if timezone.localdate(now) != today:
            now = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    waiting = service_for(WaitingListEntry)
    sessions = Session.objects.filter(
        Q(pk__in=selectors.offers_due_to_expire(now).values("session_id"))
        | Q(pk__in=selectors.sessions_with_waiting(today))
    )
    done = []
    for session in sessions.order_by("start", "pk"):
        expired, offered = waiting.expire_and_promote(session, now=now)
        for entry in expired:
            done.append(
                _("%(session)s: the seat offered to %(person)s expired.")
                % {"session": session, "person": entry.person.key}
            )
        for entry in offered:
            done.append(
                _("%(session)s: a seat offered to %(person)s until %(until)s.")
                % {
                    "session": session,
                    "person": entry.person.key,
                    "until": timezone.localtime(entry.offer_expires_at).strftime("%Y-%m-%d %H:%M"),
                }
            )
    return done
