"""The list search: words, word starts, two letters, Arabic; one search per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadre.core import registry, search
from cadre.core.roles import Role
from cadre.missions.models import Organisation, TimelineEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(records):
    def make(*summaries, summary_ar=""):
        return [
            records.create(TimelineEvent, summary=summary, summary_ar=summary_ar)
            for summary in summaries
        ]

    return make


def found(client, slug, text):
    response = client.get(f"/record/{slug}/", {"q": text})
    assert response.status_code == 200
    return set(response.context["page"].rows)


def test_a_search_finds_an_event_by_a_word_of_its_summary(client_as, events):
    visit, course = events("Advisers visit the ministry", "Course opens at Taji")

    assert found(client_as(Role.MISSION_STAFF), "events", "ministry") == {visit}


def test_a_search_finds_an_event_by_the_start_of_a_word(client_as, events):
    visit, course = events("Advisers visit the ministry", "Course opens at Taji")

    assert found(client_as(Role.MISSION_STAFF), "events", "minis") == {visit}


def test_a_search_for_two_letters_finds_the_word_they_start(client_as, events):
    course, erbil = events("Course opens at Taji", "Team arrives in Erbil")

    assert found(client_as(Role.MISSION_STAFF), "events", "er") == {erbil}


def test_a_search_finds_an_event_by_its_arabic_summary(client_as, events):
    (visit,) = events("Advisers visit the ministry", summary_ar="زيارة المستشارين إلى وزارة الدفاع")
    events("Course opens at Taji")

    assert found(client_as(Role.MISSION_STAFF), "events", "وزارة") == {visit}


def test_a_search_of_several_words_finds_the_events_having_all_of_them(client_as, events):
    both, erbil_only, training_only = events(
        "Erbil training centre opens", "Team arrives in Erbil", "Training course ends"
    )

    assert found(client_as(Role.MISSION_STAFF), "events", "erbil training") == {both}


def test_a_search_finding_no_word_looks_inside_words(client_as, events):
    erbil, visit = events("Team arrives in Erbil", "Advisers visit the ministry")

    assert found(client_as(Role.MISSION_STAFF), "events", "rbil") == {erbil}


def test_a_search_with_tsquery_operators_is_read_as_text(client_as, events):
    events("Team arrives in Erbil")

    assert found(client_as(Role.MISSION_STAFF), "events", "a & !b | c:* 'd' \\") == set()


def test_a_search_finds_only_records_in_the_readers_scope(client_as, nation, other_nation):
    from cadre.core import services
    from cadre_probe.models import Briefing

    own, other = (
        services.save(
            Briefing(key=f"b-{n.code}", title="Briefing on convoy drills", capacity=5, nation=n),
            user=services.OPERATOR,
        )
        for n in (nation, other_nation)
    )
    client = client_as(Role.NATION_CONTRIBUTOR)

    assert found(client, "probe-briefings", "convoy") == {own}


def test_a_search_runs_once_for_the_count_and_the_page(client_as, events):
    events(*[f"Advisers visit the ministry, day {n}" for n in range(60)])
    client = client_as(Role.MISSION_STAFF)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/record/events/", {"q": "ministry"})

    searching = [q["sql"] for q in queries.captured_queries if "ministry" in q["sql"].lower()]
    assert len(searching) == 1
    assert response.context["page"].count == 60
    assert len(response.context["page"].rows) == 50


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the full-text GIN indexes are PostgreSQL's"
)
@pytest.mark.parametrize(
    ("model", "index"),
    [(TimelineEvent, "event_search_words"), (Organisation, "organisation_search_words")],
)
def test_postgresql_answers_a_search_from_its_full_text_index(model, index):
    searched = search.by_words(model.objects.all(), registry.for_model(model).search, "er")
    sql, params = searched.query.sql_with_params()
    with connection.cursor() as cursor:
        # A handful of test rows is read faster without any index; forbidding the table
        # scan shows whether the index fits the search's expression at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert index in plan
