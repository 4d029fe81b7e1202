"""An advisor writes only their own team's engagements, follow-up actions and assessments:
on the pages, the API and imports alike. Reading (and so exporting) is open to every role."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from cadre.advising.models import Assessment, Engagement, FollowUpAction


def _body(world, team, key):
    return {
        "key": key,
        "team": world[team].key,
        "held_on": "2006-05-02",
        "topic": "Reporting to the minister",
        "outcome": "",
        "counterparts_met": "",
        "advisors": [],
        "counterparts": [],
        "generated": False,
    }


def test_api_lets_an_advisor_log_an_engagement_of_their_team(world, advisor_user, api_as):
    response = api_as(user=advisor_user).post(
        "/api/engagements/", _body(world, "team_a", "mine"), format="json"
    )

    assert response.status_code == 201, response.json()
    assert Engagement.objects.filter(key="mine").exists()


def test_api_refuses_an_advisor_an_engagement_of_another_team(world, advisor_user, api_as):
    response = api_as(user=advisor_user).post(
        "/api/engagements/", _body(world, "team_b", "theirs"), format="json"
    )

    assert response.status_code == 403
    assert not Engagement.objects.filter(key="theirs").exists()


def test_api_refuses_an_advisor_a_change_to_another_teams_engagement(
    world, advisor_user, api_as, make_engagement
):
    theirs = make_engagement("team_b")

    response = api_as(user=advisor_user).patch(
        f"/api/engagements/{theirs.key}/", {"topic": "Changed"}, format="json"
    )

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.topic == "Watch-keeping"


def test_api_refuses_an_advisor_moving_their_engagement_to_another_team(
    world, advisor_user, api_as, make_engagement
):
    mine = make_engagement("team_a")

    response = api_as(user=advisor_user).patch(
        f"/api/engagements/{mine.key}/", {"team": world["team_b"].key}, format="json"
    )

    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.team == world["team_a"]


def test_api_lets_the_mission_staff_write_any_teams_engagement(world, api_as):
    response = api_as("mission_staff").post(
        "/api/engagements/", _body(world, "team_b", "staff"), format="json"
    )

    assert response.status_code == 201


def test_add_page_refuses_an_advisor_an_engagement_of_another_team(world, advisor_user, client):
    client.force_login(advisor_user)

    response = client.post(
        "/record/engagements/add/",
        {"key": "page-theirs", "team": world["team_b"].pk, "held_on": "2006-05-02", "topic": "T"},
    )

    assert response.status_code == 403
    assert not Engagement.objects.filter(key="page-theirs").exists()


def test_add_page_lets_an_advisor_log_an_engagement_of_their_team(world, advisor_user, client):
    client.force_login(advisor_user)

    response = client.post(
        "/record/engagements/add/",
        {"key": "page-mine", "team": world["team_a"].pk, "held_on": "2006-05-02", "topic": "T"},
    )

    assert response.status_code == 302
    assert Engagement.objects.filter(key="page-mine").exists()


def test_delete_page_refuses_an_advisor_another_teams_engagement(
    world, advisor_user, client, make_engagement
):
    theirs = make_engagement("team_b")
    client.force_login(advisor_user)

    response = client.post(f"/record/engagements/{theirs.pk}/delete/")

    assert response.status_code == 403
    assert Engagement.objects.filter(pk=theirs.pk).exists()


def _csv(world, team, key):
    text = f"key,team,held_on,topic\n{key},{world[team].key},2006-05-02,Drill\n"
    return SimpleUploadedFile("engagements.csv", text.encode())


def test_import_refuses_an_advisor_an_engagement_of_another_team(world, advisor_user, client):
    client.force_login(advisor_user)

    preview = client.post("/record/engagements/import/", {"file": _csv(world, "team_b", "imp")})

    assert preview.status_code == 400
    assert not Engagement.objects.filter(key="imp").exists()


def test_import_lets_an_advisor_bring_their_teams_engagements(world, advisor_user, client):
    client.force_login(advisor_user)

    preview = client.post("/record/engagements/import/", {"file": _csv(world, "team_a", "imp")})
    assert preview.status_code == 200, preview.context["report"].errors
    confirm = client.post(f"/record/engagements/import/{preview.context['token']}/")

    assert confirm.status_code == 302
    assert Engagement.objects.filter(key="imp", team=world["team_a"]).exists()


def test_export_holds_every_teams_engagements_for_an_advisor(
    world, advisor_user, client, make_engagement
):
    make_engagement("team_a", topic="Ours")
    make_engagement("team_b", topic="Theirs")
    client.force_login(advisor_user)

    exported = b"".join(client.get("/record/engagements/export.csv").streaming_content).decode()

    assert "Ours" in exported and "Theirs" in exported


def test_follow_up_action_of_another_team_is_refused(
    world, advisor_user, advisor_b, api_as, make_engagement
):
    theirs = make_engagement("team_b")

    response = api_as(user=advisor_user).post(
        "/api/follow-up-actions/",
        {
            "key": "act",
            "engagement": theirs.key,
            "description": "Send the draft",
            "owner": advisor_b.key,
            "due_on": "2006-06-01",
        },
        format="json",
    )

    assert response.status_code == 403
    assert not FollowUpAction.objects.filter(key="act").exists()


def test_an_engagements_advisors_belong_to_its_team(world, advisor_user, advisor_b, api_as):
    body = {**_body(world, "team_a", "mixed"), "advisors": ["adv-a", advisor_b.key]}

    response = api_as(user=advisor_user).post("/api/engagements/", body, format="json")

    assert response.status_code == 400
    assert "advisors" in response.json()["errors"]


def test_advisor_assesses_only_institutions_their_team_advises(
    world, advisor_user, api_as, make_objective
):
    mine, theirs = make_objective("centre_a"), make_objective("centre_b")
    api = api_as(user=advisor_user)

    def post(objective, key):
        return api.post(
            "/api/assessments/",
            {
                "key": key,
                "objective": objective.key,
                "assessed_on": "2006-03-01",
                "level": world["levels"][1].key,
                "evidence": "Seen on a visit.",
                "assessor": "adv-a",
            },
            format="json",
        )

    created = post(mine, "a-mine")
    assert created.status_code == 201, created.json()
    assert post(theirs, "a-theirs").status_code == 403
    assert Assessment.objects.filter(key="a-mine").exists()
    assert not Assessment.objects.filter(key="a-theirs").exists()


def test_advisor_may_assess_a_ministry_above_nothing_they_advise_not(
    world, advisor_user, api_as, make_objective
):
    ministry = make_objective("ministry")

    response = api_as(user=advisor_user).post(
        "/api/assessments/",
        {
            "key": "a-ministry",
            "objective": ministry.key,
            "assessed_on": datetime.date(2006, 3, 1).isoformat(),
            "level": world["levels"][0].key,
            "evidence": "Seen.",
            "assessor": "adv-a",
        },
        format="json",
    )

    assert response.status_code == 403
