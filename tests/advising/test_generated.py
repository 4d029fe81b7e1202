"""The demo's generated advising records, made through the services on the built-in dataset."""

from cadre.advising.generated import DEMO_ADVISOR, generate_advising
from cadre.advising.models import Advisor, Assessment, CapabilityObjective, Engagement


def test_generator_fills_the_advising_lists_with_generated_rows(dataset, client_as):
    generate_advising()

    assert Engagement.objects.exists()
    assert not Engagement.objects.filter(generated=False).exists()
    assert not CapabilityObjective.objects.filter(generated=False).exists()
    # NTM-I's three mobile teams each get the centre they advised, as the dataset states.
    teams = set(
        CapabilityObjective.objects.filter(mission__key="ntm-i").values_list(
            "institution__key", flat=True
        )
    )
    assert teams == {"iraq-noc", "iraq-joc", "iraq-ncc"}
    # Every objective's latest assessment awaits approval; the earlier ones are approved.
    for objective in CapabilityObjective.objects.all():
        latest, *earlier = objective.assessments.order_by("-assessed_on")
        assert latest.status == Assessment.Status.SUBMITTED
        assert all(a.status == Assessment.Status.APPROVED for a in earlier)
    assert Advisor.objects.filter(username=DEMO_ADVISOR).exists()
    api = client_as("mission_staff")
    for slug in ("engagements", "capability-objectives", "assessments"):
        assert api.get(f"/api/{slug}/").json()["results"], slug


def test_generator_runs_once(dataset):
    generate_advising()
    count = Engagement.objects.count()

    assert generate_advising() == "advising records exist already"
    assert Engagement.objects.count() == count
