"""Generated advising records for the demo: `generate_advising()`.

The built-in dataset holds what the sources state: NTM-I's three mobile advisory teams
(missions' organisations) and the operations centres each advised (reporting lines
"advised through"). No source gives a rating, an engagement or an advisor's name, so all
of those are generated here, marked `generated` with keys starting `gen-`, and no figure
of the mission's record is computed from them.

Rows are written through the services (`service_for(...).save`, `approve`), so every
rule of the live path holds for them too. Seeded: the same rows on every run.
"""

import datetime
import random

from django.db import transaction

from cadre.core.services import OPERATOR, service_for
from cadre.missions.models import Mission, Organisation

from .models import (
    Advisor,
    Assessment,
    CapabilityObjective,
    Engagement,
    FollowUpAction,
    GenderReview,
    RatingLevel,
    RatingScale,
)
from .selectors import advised_by_team
from .services import review_gender

PREFIX = "gen-"
ENGAGEMENT_DAYS = 90
ASSESSMENT_DAYS = 182
DEMO_ADVISOR = "demo-advisor"

# (code, name, Arabic) from the least capable up. Scales are configuration, not facts.
SCALES = {
    "ntm-i": (
        "Capability milestones CM4 to CM1",
        "مراحل القدرة من CM4 إلى CM1",
        [
            ("CM4", "Forming", "قيد التشكيل"),
            ("CM3", "Partly capable with help", "قادر جزئيًا بمساعدة"),
            ("CM2", "Capable with help", "قادر بمساعدة"),
            ("CM1", "Capable on its own", "قادر بذاته"),
        ],
    ),
    "nmi": (
        "Five stages of capability",
        "مراحل القدرة الخمس",
        [
            ("S1", "Stage 1: planned", "المرحلة 1: مخطط لها"),
            ("S2", "Stage 2: forming", "المرحلة 2: قيد التشكيل"),
            ("S3", "Stage 3: partly capable", "المرحلة 3: قادر جزئيًا"),
            ("S4", "Stage 4: capable with help", "المرحلة 4: قادر بمساعدة"),
            ("S5", "Stage 5: self-sufficient", "المرحلة 5: مكتفٍ ذاتيًا"),
        ],
    ),
}
ADVISOR_NAMES = [
    "A. Rossi", "B. Novak", "C. Jensen", "D. Kowalski", "E. Moreau", "F. Silva",
    "G. Horvath", "H. Dimitrov", "I. Larsen", "J. Berg", "K. Popescu", "L. Garcia",
    "M. Nowak", "N. Petersen", "O. Conti",
]  # fmt: skip
TOPICS = [
    "Watch-keeping procedures",
    "Reporting to the minister",
    "Information flow between centres",
    "Crisis response drill",
    "Staff training plan",
    "Communications equipment",
]
ACTIONS = ["Send the draft procedure", "Arrange the next drill", "Review the staff roster"]


def scale_for(mission, writer=OPERATOR) -> RatingScale:
    """The mission's rating scale, made from SCALES when it has none."""
    existing = RatingScale.objects.filter(mission=mission).order_by("pk").first()
    if existing is not None:
        return existing
    name, name_ar, levels = SCALES.get(mission.key, SCALES["nmi"])
    scale = service_for(RatingScale).save(
        RatingScale(
            key=f"{PREFIX}scale-{mission.key}",
            name=name,
            name_ar=name_ar,
            mission=mission,
            generated=True,
        ),
        user=writer,
    )
    for rank, (code, level_name, level_ar) in enumerate(levels, start=1):
        service_for(RatingLevel).save(
            RatingLevel(
                key=f"{PREFIX}{mission.key}-{code.lower()}",
                scale=scale,
                rank=rank,
                short_name=code,
                name=level_name,
                name_ar=level_ar,
            ),
            user=writer,
        )
    return scale


@transaction.atomic
def generate_advising(seed=15) -> str:
    """Advisors, engagements with follow-up actions, objectives and assessments for the
    mission's advisory teams; nothing when engagements exist already."""
    if Engagement.objects.exists():
        return "advising records exist already"
    rng = random.Random(seed)
    counts = {"engagements": 0, "actions": 0, "objectives": 0, "assessments": 0}
    teams = Organisation.objects.filter(kind=Organisation.Kind.TEAM, mission__isnull=False)
    names = iter(ADVISOR_NAMES)
    for mission in Mission.objects.filter(pk__in=teams.values("mission")).order_by("start"):
        scale = scale_for(mission)
        levels = list(scale.levels.order_by("rank"))
        advising = [(team, advised_by_team(team)) for team in teams.filter(mission=mission)]
        for t, (team, advised) in enumerate(sorted(advising, key=lambda pair: pair[0].key)):
            if not advised:
                continue
            advisors = []
            for i in range(3):
                advisors.append(
                    service_for(Advisor).save(
                        Advisor(
                            key=f"{PREFIX}{team.key}-{i + 1}",
                            team=team,
                            name=next(names, f"Advisor {t}-{i}"),
                            username=DEMO_ADVISOR if t == 0 and i == 0 else "",
                            generated=True,
                        ),
                        user=OPERATOR,
                    )
                )
            for institution in advised:
                _objective(mission, scale, institution, advisors, levels, rng, counts)
            _engagements(mission, team, advised, advisors, rng, counts)
    return ", ".join(f"{n} {name}" for name, n in counts.items())


def _objective(mission, scale, institution, advisors, levels, rng, counts):
    start = mission.start + datetime.timedelta(days=180)
    end = mission.end or datetime.date.today()
    objective = service_for(CapabilityObjective).save(
        CapabilityObjective(
            key=f"{PREFIX}objective-{mission.key}-{institution.key}",
            mission=mission,
            scale=scale,
            institution=institution,
            title=f"{institution.short_name or institution.name} runs its operations on its own",
            title_ar=f"{institution.short_name_ar or institution.name_ar} يدير عملياته بذاته",
            agreed_on=start,
            generated=True,
        ),
        user=OPERATOR,
    )
    counts["objectives"] += 1
    rank, day, ioc, foc = 1, start, None, None
    while day <= end:
        rank = min(len(levels), rank + (1 if rng.random() < 0.25 else 0))
        assessment = service_for(Assessment).save(
            Assessment(
                key=f"{PREFIX}assessment-{institution.key}-{day.isoformat()}",
                objective=objective,
                assessed_on=day,
                level=levels[rank - 1],
                evidence="Observed during the quarter's visits and the centre's own reports.",
                assessor=rng.choice(advisors),
                generated=True,
            ),
            user=OPERATOR,
        )
        counted = day + datetime.timedelta(days=ASSESSMENT_DAYS) <= end
        if counted:
            # All but the latest are approved; every third is reviewed by the gender adviser.
            assessment = service_for(Assessment).approve(
                assessment, user=OPERATOR, on=day + datetime.timedelta(days=14)
            )
        if counts["assessments"] % 3 == 0:
            review_gender(assessment, user=OPERATOR, status=GenderReview.NO_CONCERNS)
        counts["assessments"] += 1
        # Milestones follow the approved ratings only: the one to approve does not count yet.
        if counted and ioc is None and rank >= len(levels) - 1:
            ioc = day
        if counted and foc is None and rank == len(levels):
            foc = day
        day += datetime.timedelta(days=ASSESSMENT_DAYS)
    objective.ioc_reached_on, objective.foc_reached_on = ioc, foc
    service_for(CapabilityObjective).save(objective, user=OPERATOR)


def _engagements(mission, team, met, advisors, rng, counts):
    day = mission.start + datetime.timedelta(days=60)
    end = mission.end or datetime.date.today()
    n = 0
    while day <= end:
        n += 1
        engagement = service_for(Engagement).save(
            Engagement(
                key=f"{PREFIX}{team.key}-{n}",
                team=team,
                held_on=day,
                topic=rng.choice(TOPICS),
                outcome="Agreed the next steps with the centre's leadership.",
                counterparts_met="Director and duty officers",
                generated=True,
            ),
            user=OPERATOR,
            many={"advisors": rng.sample(advisors, 2), "counterparts": met},
        )
        counts["engagements"] += 1
        last = day + datetime.timedelta(days=ENGAGEMENT_DAYS) > end
        service_for(FollowUpAction).save(
            FollowUpAction(
                key=f"{PREFIX}{team.key}-{n}-1",
                engagement=engagement,
                description=rng.choice(ACTIONS),
                owner=rng.choice(advisors),
                due_on=day + datetime.timedelta(days=21),
                # The last engagement's action is left open: overdue on the advisor's home.
                done_on=None if last else day + datetime.timedelta(days=rng.randint(5, 20)),
            ),
            user=OPERATOR,
        )
        counts["actions"] += 1
        day += datetime.timedelta(days=ENGAGEMENT_DAYS)
