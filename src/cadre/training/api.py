"""Training's API actions beyond the generic writes, mixed into the types' viewsets
(`api_actions` in objects.py)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from cadre.core import permissions, registry
from cadre.core.api import ERROR_DESCRIPTIONS, ErrorSerializer, signed_in_and
from cadre.core.api_views import serializer_for
from cadre.core.services import RecordConflict, service_for

from . import rounds, services
from .models import AllocationRound, Course, Enrolment, SessionInstructor, WaitingListEntry


class GraduationRequestSerializer(serializers.Serializer):
    on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The day the graduation is decided; today when not sent."),
    )

    class Meta:
        ref_name = "Graduation"  # the schema names requests "<name>Request"


# Only the roles that decide graduations (`services.may_graduate`).
MayGraduate = signed_in_and(services.may_graduate, services.NOT_A_GRADUATOR)


class EnrolmentActions:
    """POST /api/enrolments/<key>/graduate/: decide the graduation of an enrolled trainee."""

    @property
    def permission_action(self):
        if getattr(self, "action", None) == "graduate":
            # The enrolment is looked up among those the caller reads; the service then
            # checks that the caller may decide it.
            return "view"
        return super().permission_action

    @extend_schema(
        summary=gettext_lazy("Decide whether the trainee graduates"),
        description=gettext_lazy(
            "Decides the graduation of an enrolled trainee under the course's rule (absences, "
            "excused and unexcused, and assessment results), on the day sent or today. "
            "Answers 200 with the enrolment when the trainee graduated. When not, the "
            "enrolment is recorded as 'did not graduate' with every reason in "
            "`graduation_reason`, and the answer is 400 naming every reason in `errors`. "
            "A trainee who is not enrolled (withdrawn, or already decided) is refused with "
            "400 and nothing changes. Only administrators and training officers decide (403)."
        ),
        request=GraduationRequestSerializer,
        responses={
            200: serializer_for(registry.get("enrolments")),
            400: OpenApiResponse(
                ErrorSerializer,
                description=gettext_lazy(
                    "The trainee did not graduate (every reason in `errors`; the decision is "
                    "recorded), or is not enrolled (nothing changed)."
                ),
            ),
            401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
            403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
            404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[MayGraduate])
    def graduate(self, request, *args, **kwargs):
        enrolment = self.get_object()
        sent = GraduationRequestSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        try:
            decided = service_for(Enrolment).graduate(
                enrolment, user=request.user, on=sent.validated_data.get("on")
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.messages) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        if decided.status == Enrolment.Status.GRADUATED:
            return Response(self.get_serializer(decided).data)
        reasons = decided.graduation_reason.splitlines()
        return Response(
            {
                "detail": _("Did not graduate (recorded, decided on %(day)s): %(reasons)s")
                % {"day": decided.decided_on, "reasons": " ".join(reasons)},
                "errors": {"non_field_errors": reasons},
            },
            status=status.HTTP_400_BAD_REQUEST,
        )


class PeriodSerializer(serializers.Serializer):
    period = serializers.CharField(help_text=gettext_lazy("e.g. 2019, or 2019 Q3."))
    start = serializers.DateField(help_text=gettext_lazy("The period's first day."))
    led = serializers.IntegerField(help_text=gettext_lazy("Sessions held with a lead instructor."))
    host_led = serializers.IntegerField(
        help_text=gettext_lazy("Of those, led by an instructor of the mission's host nation.")
    )
    share = serializers.FloatField(
        allow_null=True, help_text=gettext_lazy("host_led in per cent of led.")
    )


class DisciplineShareSerializer(serializers.Serializer):
    discipline = serializers.CharField()
    led = serializers.IntegerField()
    host_led = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)
    periods = PeriodSerializer(many=True)


class SelfSustainmentSerializer(serializers.Serializer):
    by = serializers.ChoiceField(choices=["year", "quarter"])
    led = serializers.IntegerField()
    host_led = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)
    periods = PeriodSerializer(many=True)
    disciplines = DisciplineShareSerializer(many=True)
    without_mission = serializers.IntegerField(
        help_text=gettext_lazy(
            "Sessions led whose mission, hence host nation, is not recorded: not in the share."
        )
    )
    nation = serializers.CharField(
        allow_null=True,
        help_text=gettext_lazy(
            "The reader's nation when only its own instructors' sessions are counted."
        ),
    )


def _period(period):
    return {
        "period": period.label,
        "start": period.start,
        "led": period.led,
        "host_led": period.host_led,
        "share": period.share,
    }


# Every signed-in role counts teaching records (figures, never names).
MayCountTeaching = signed_in_and(lambda user: permissions.may(user, "count", SessionInstructor))


class SelfSustainmentAPIView(APIView):
    """GET /api/self-sustainment/: the page's measure, with the page's filters."""

    permission_classes = [MayCountTeaching]

    @extend_schema(
        summary=gettext_lazy("Share of sessions led by host-nation instructors"),
        description=gettext_lazy(
            "The mission's measure of self-sustainment, as on /training/self-sustainment/: "
            "of the sessions held (begun, not cancelled) with a lead instructor, how many "
            "were led by an instructor of the mission's host nation, per year or quarter "
            "and per discipline. A contributing-nation officer counts only the sessions "
            "its own nation's instructors led."
        ),
        parameters=[
            OpenApiParameter("mission", str, description=gettext_lazy("A mission's key.")),
            OpenApiParameter(
                "discipline",
                str,
                enum=Course.Discipline.values,
                description=gettext_lazy("A course discipline."),
            ),
            OpenApiParameter("start", int, description=gettext_lazy("From this year.")),
            OpenApiParameter("end", int, description=gettext_lazy("To this year.")),
            OpenApiParameter("by", str, enum=["year", "quarter"]),
        ],
        responses={
            200: SelfSustainmentSerializer,
            400: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[400]),
            401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
        },
    )
    def get(self, request):
        from .views import measure_for

        form, result = measure_for(request)
        if result is None:
            raise exceptions.ValidationError(form.errors.get_json_data())
        body = {
            "by": result.by,
            "led": result.led,
            "host_led": result.host_led,
            "share": result.share,
            "periods": [_period(p) for p in result.periods],
            "disciplines": [
                {
                    "discipline": row.discipline,
                    "led": row.led,
                    "host_led": row.host_led,
                    "share": row.share,
                    "periods": [_period(p) for p in row.periods],
                }
                for row in result.disciplines
            ],
            "without_mission": result.without_mission,
            "nation": result.scoped_to.code if result.scoped_to else None,
        }
        return Response(SelfSustainmentSerializer(body).data)


# Only the roles that answer seat offers (`services.may_answer_offer`).
MayAnswerOffer = signed_in_and(services.may_answer_offer, services.NOT_AN_ANSWERER)


ANSWER_RESPONSES = {
    200: serializer_for(registry.get("waiting-list")),
    400: OpenApiResponse(
        ErrorSerializer,
        description=gettext_lazy(
            "No seat is offered (nothing changed), the offer expired (it is closed and the "
            "seat offered to the next in line), or, accepting, the person may no longer take "
            "the seat (every reason in `errors`; nothing changed)."
        ),
    ),
    401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
    403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
    404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
}


class WaitingListActions:
    """POST /api/waiting-list/<key>/accept/ and /decline/: answer a seat offered from the
    waiting list."""

    @property
    def permission_action(self):
        if getattr(self, "action", None) in ("accept", "decline"):
            # Looked up among the entries the caller reads; the service then checks that
            # the caller may answer for that person.
            return "view"
        return super().permission_action

    def _answer(self, request, accepting):
        entry = self.get_object()
        waiting = service_for(WaitingListEntry)
        try:
            if accepting:
                waiting.accept(entry, user=request.user)
            else:
                waiting.decline(entry, user=request.user)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.messages) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        return Response(self.get_serializer(WaitingListEntry.objects.get(pk=entry.pk)).data)

    @extend_schema(
        summary=gettext_lazy("Accept the seat offered"),
        description=gettext_lazy(
            "Enrols the person in the seat offered to them from the session's waiting list, "
            "under every enrolment rule. Answers 200 with the entry, now enrolled and naming "
            "the enrolment. Training officers, administrators, host-nation liaisons and the "
            "person's contributing-nation officer answer offers (403 for other roles)."
        ),
        request=None,
        responses=ANSWER_RESPONSES,
    )
    @action(detail=True, methods=["post"], permission_classes=[MayAnswerOffer])
    def accept(self, request, *args, **kwargs):
        return self._answer(request, accepting=True)

    @extend_schema(
        summary=gettext_lazy("Decline the seat offered"),
        description=gettext_lazy(
            "The person does not take the seat offered: the entry is closed as declined, the "
            "nomination refused, and the seat offered to the next eligible person waiting. "
            "Answers 200 with the entry."
        ),
        request=None,
        responses=ANSWER_RESPONSES,
    )
    @action(detail=True, methods=["post"], permission_classes=[MayAnswerOffer])
    def decline(self, request, *args, **kwargs):
        return self._answer(request, accepting=False)


class RoundRunSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(
        choices=rounds.MODES,
        required=False,
        allow_blank=True,
        help_text=gettext_lazy("The mode to confirm in: max_priority or stable."),
    )
    dry_run = serializers.BooleanField(
        default=True,
        help_text=gettext_lazy(
            "True (the default): compare the modes and write nothing else. False: confirm the "
            "round in `mode` and enrol the people chosen."
        ),
    )

    class Meta:
        ref_name = "AllocationRoundRun"

    def validate(self, data):
        if not data.get("dry_run", True) and not data.get("mode"):
            raise serializers.ValidationError({"mode": _("Give the mode to confirm the round in.")})
        return data


# Only the roles that run allocation rounds (`rounds.may_allocate`).
MayAllocate = signed_in_and(rounds.may_allocate, rounds.NOT_AN_ALLOCATOR)


class AllocationRoundActions:
    """POST /api/allocation-rounds/<key>/run/: compare the modes (dry run) or confirm."""

    @property
    def permission_action(self):
        if getattr(self, "action", None) == "run":
            return "view"
        return super().permission_action

    @extend_schema(
        summary=gettext_lazy("Run an allocation round"),
        description=gettext_lazy(
            "With `dry_run` true (the default), compares max-priority, stable and first-come "
            "on the round's submitted nominations and keeps the figures on the round "
            "(`comparison`). With `dry_run` false, confirms the round in `mode`: solves it "
            "again for the seats left now and enrols the people chosen. A round of more than "
            "10,000 nominations runs as a background job: the answer is 202 with the job's "
            "address. Only administrators and training officers run rounds (403)."
        ),
        request=RoundRunSerializer,
        responses={
            200: serializer_for(registry.get("allocation-rounds")),
            202: OpenApiResponse(description=gettext_lazy("Started as a background job.")),
            400: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[400]),
            401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
            403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
            404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
            409: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[409]),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[MayAllocate])
    def run(self, request, *args, **kwargs):
        allocation_round = self.get_object()
        sent = RoundRunSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        dry_run, mode = sent.validated_data["dry_run"], sent.validated_data.get("mode", "")
        if not rounds.may_allocate(request.user, allocation_round):
            raise exceptions.PermissionDenied(str(rounds.NOT_AN_ALLOCATOR))
        action_name = "run" if dry_run else "confirm"
        if rounds.nominations_count(allocation_round) > rounds.BACKGROUND_FROM:
            job = rounds.start_job(
                allocation_round, action=action_name, user=request.user, mode=mode
            )
            return Response(
                {"job": reverse("jobs:detail", args=[job.pk]), "status": job.status},
                status=status.HTTP_202_ACCEPTED,
            )
        service = service_for(AllocationRound)
        try:
            if dry_run:
                done = service.run(allocation_round, user=request.user)
            else:
                done = service.confirm(allocation_round, mode=mode, user=request.user)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.messages) from exc
        except RecordConflict as exc:
            return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(done).data)
