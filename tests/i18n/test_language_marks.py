"""On Arabic pages, the record's English text says it is English (lang="en"), so screen
readers read it as English; Arabic names and summaries say they are Arabic."""

import re

import pytest

from cadre.core.roles import Role
from cadre.missions.models import Mission
from cadre.sources.models import Claim

pytestmark = pytest.mark.django_db

PAGES = [
    "/missions/ntm-i/",
    "/missions/nmi/",
    "/timeline/",
    "/sources/",
    "/sources/nmi-2020/",
    "/record/claims/",
    "/record/mandates/",
]


def arabic(client, url):
    client.cookies["django_language"] = "ar"
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_every_text_whose_direction_is_found_from_its_content_names_its_language(
    dataset, client_as, url
):
    html = arabic(client_as(Role.ADVISOR), url)

    unmarked = [
        tag for tag in re.findall(r"<[a-z]+ [^>]*dir=\"auto\"[^>]*>", html) if "lang=" not in tag
    ]

    assert re.search(r'dir="auto"', html), "the page shows no text of the record"
    assert not unmarked, unmarked[:5]


def test_the_reason_a_mission_ended_is_marked_as_english(dataset, client_as):
    mission = Mission.objects.get(key="ntm-i")

    html = arabic(client_as(Role.ADVISOR), "/missions/ntm-i/")

    assert f'<span lang="en" dir="auto">{mission.end_reason}</span>'.replace("'", "&#x27;") in html


def test_a_claims_statement_in_a_list_is_marked_as_english(dataset, client_as):
    claim = Claim.objects.exclude(statement="").order_by("key").first()

    html = arabic(client_as(Role.ADVISOR), f"/record/claims/?q={claim.statement[:25]}")

    cell = re.search(r"<td ([^>]*)><bdi>" + re.escape(claim.statement[:30]), html)
    assert cell and 'lang="en"' in cell.group(1)


def test_an_arabic_summary_is_marked_as_arabic(dataset, client_as):
    html = arabic(client_as(Role.ADVISOR), "/timeline/?sort=-date")
    assert re.search(r'<p class="summary" lang="ar" dir="auto">', html)


def test_a_records_name_says_its_language_on_its_page_and_in_the_audit_trail(client_as):
    from cadre.accounts.models import Nation

    english = Nation.objects.create(code="NOR", name="Norway", status="ally")
    arabic_only = Nation.objects.create(code="JOR", name="الأردن", status="partner")
    client = client_as(Role.ADMIN)

    english_page = arabic(client, f"/record/nations/{english.pk}/")
    arabic_page = arabic(client, f"/record/nations/{arabic_only.pk}/")
    trail = arabic(client, "/audit/")

    assert '<h1><bdi lang="en" dir="auto">Norway</bdi>' in english_page
    assert '<h1><bdi lang="ar" dir="auto">الأردن</bdi>' in arabic_page
    assert '<bdi lang="en" dir="auto">Norway</bdi>' in trail


def _message(page):
    return re.search(r'<p class="message[^"]*" role="status">(.*?)</p>', page).group(1)


def test_a_saved_or_deleted_records_name_in_the_message_says_its_language(client_as):
    client = client_as(Role.MISSION_STAFF)
    client.cookies["django_language"] = "ar"

    saved = client.post(
        "/record/nations/add/", {"code": "NOR", "name": "Norway", "status": "ally"}, follow=True
    )
    client.post("/record/nations/add/", {"code": "JOR", "name": "الأردن", "status": "partner"})
    from cadre.accounts.models import Nation

    jordan = Nation.objects.get(code="JOR")
    deleted = client.post(f"/record/nations/{jordan.pk}/delete/", follow=True)

    assert '<bdi lang="en" dir="auto">Norway</bdi>' in _message(saved.content.decode())
    assert '<bdi lang="ar" dir="auto">الأردن</bdi>' in _message(deleted.content.decode())


def test_a_records_name_in_a_message_is_escaped(client_as):
    client = client_as(Role.MISSION_STAFF)
    name = "<script>alert(1)</script> Land"

    saved = client.post(
        "/record/nations/add/", {"code": "XSS", "name": name, "status": "ally"}, follow=True
    )

    message = _message(saved.content.decode())
    assert "<script>" not in message
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Land" in message
