"""The training dashboard: people counted once per year and category, by sex, with the
graduation rate, from hand-built records; filters, nation scope, exports, the summary
kept current by the services and rebuilt by the command."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadre.accounts.models import Nation
from cadre.core import services
from cadre.core.roles import Role
from cadre.missions.models import Location, Mission, Organisation
from cadre.training import summary
from cadre.training.models import Course, Enrolment, Person, Session, TrainingSummary

from .conftest import record_result

pytestmark = pytest.mark.django_db

URL = "/training/dashboard/"
OP = services.OPERATOR


def save(obj):
    return services.save(obj, user=OP)


def day(year, month, dom):
    return datetime.date(year, month, dom)


@pytest.fixture
def world(iraq, nation, make_person):
    """Six people, three courses' sessions in 2025 and one in 2026 (see each comment)."""
    jordan = Nation.objects.create(code="JOR", name="Jordan", status="partner")
    nato = Organisation.objects.create(key="nato", name="NATO", kind="alliance", nation=nation)
    nmi = Mission.objects.create(
        key="nmi",
        name="NATO Mission Iraq",
        short_name="NMI",
        parent_organisation=nato,
        host_nation=iraq,
        start=day(2018, 10, 1),
        status="active",
    )
    rome = Location.objects.create(
        key="rome", name="Rome", kind="city", nation=Nation.objects.get(code="CAN"),
        latitude=41.9, longitude=12.5,
    )  # fmt: skip
    amman = Location.objects.create(
        key="amman", name="Amman", kind="city", nation=jordan, latitude=31.9, longitude=35.9
    )
    cied = save(Course(code="C-IED-1", title="C-IED", discipline="c_ied"))
    eod = save(Course(code="EOD-1", title="EOD", discipline="eod", delivery="out_of_country"))

    def session(course, start, **more):
        return save(
            Session(
                course=course,
                start=start,
                end=start + datetime.timedelta(days=9),
                capacity=10,
                status=Session.Status.OPEN,
                **more,
            )
        )

    s_cied = session(cied, day(2025, 3, 1), mission=nmi)  # no location: the course's delivery
    s_rome = session(eod, day(2025, 5, 1), location=rome)  # an Ally: out of country
    s_amman = session(eod, day(2025, 7, 1), location=amman)  # a partner: a third country
    s_2026 = session(cied, day(2026, 3, 1))
    s_cancelled = session(cied, day(2025, 9, 1))

    a = make_person(sex="female", service="army", rank_group="officer")
    b = make_person(sex="male", service="federal_police", rank_group="shurta")
    c = make_person(sex="male", service="army", rank_group="nco", nation=nation)
    d = make_person(sex="female", service="oil_police", rank_group="officer")
    e = make_person(sex="", service="army", rank_group="enlisted")
    f = make_person(sex="male", service="army", rank_group="officer")

    def enrol(s, person):
        return save(Enrolment(session=s, person=person))

    def decide(enrolment, outcome):
        record_result(enrolment, outcome=outcome)
        return services.service_for(Enrolment).graduate(
            enrolment, user=OP, on=enrolment.session.end
        )

    decide(enrol(s_cied, a), "pass")  # A: graduated in C-IED, in country, in NMI
    decide(enrol(s_rome, a), "fail")  # ...and not graduated in EOD in Rome: still one person
    enrol(s_2026, a)  # ...and counted again in 2026
    decide(enrol(s_cied, b), "fail")
    enrol(s_cied, c)  # of Canada; undecided
    withdrawn = enrol(s_cied, d)
    withdrawn.status = Enrolment.Status.WITHDRAWN
    save(withdrawn)  # D withdrew: not counted
    enrol(s_cancelled, e)
    s_cancelled.status = Session.Status.CANCELLED
    save(s_cancelled)  # E's session was cancelled: not counted
    enrol(s_amman, f)
    return {"mission": nmi, "canada": nation, "people": (a, b, c, d, e, f), "cied": cied}


def cells(**filters):
    """{(dimension, year, value, sex): (trained, graduated, decided)} of all nations."""
    found = {}
    rows = TrainingSummary.objects.filter(mission=filters.pop("mission", 0), **filters).exclude(
        nation=summary.ALL_NATIONS
    )
    for row in rows:
        key = (row.dimension, row.year, row.value, row.sex)
        old = found.get(key, (0, 0, 0))
        found[key] = tuple(
            o + n for o, n in zip(old, (row.trained, row.graduated, row.decided), strict=True)
        )
    return {key: value for key, value in found.items() if value[0]}


def by_value(dimension, year, **filters):
    """{value: (trained, graduated, decided)} summed over the sexes."""
    totals = {}
    for (d, y, value, _sex), numbers in cells(**filters).items():
        if (d, y) == (dimension, year):
            old = totals.get(value, (0, 0, 0))
            totals[value] = tuple(o + n for o, n in zip(old, numbers, strict=True))
    return totals


def test_each_person_counts_once_a_year_however_many_courses(world):
    assert by_value("total", 2025) == {"": (4, 1, 2)}  # A, B, C, F; A graduated; A, B decided
    assert by_value("total", 2026) == {"": (1, 0, 0)}


def test_figures_are_split_by_sex(world):
    found = cells()
    assert found[("total", 2025, "", "female")] == (1, 1, 1)
    assert found[("total", 2025, "", "male")] == (3, 0, 1)
    assert ("total", 2025, "", "") not in found  # E, of no recorded sex, was in a cancelled session


def test_military_or_police_from_the_service(world):
    assert by_value("branch", 2025) == {"military": (3, 1, 1), "police": (1, 0, 1)}


def test_rank_groups(world):
    assert by_value("rank_group", 2025) == {
        "officer": (2, 1, 1),
        "shurta": (1, 0, 1),
        "nco": (1, 0, 0),
    }


def test_where_trained_from_the_location_nation_or_the_course_delivery(world):
    assert by_value("where", 2025) == {
        "in_country": (3, 1, 2),
        "out_of_country": (1, 0, 1),
        "third_country": (1, 0, 0),
    }


def test_disciplines(world):
    assert by_value("discipline", 2025) == {"c_ied": (3, 1, 2), "eod": (2, 0, 1)}


def test_a_mission_has_figures_of_its_own(world):
    assert by_value("total", 2025, mission=world["mission"].pk) == {"": (3, 1, 2)}


def test_the_summary_kept_by_the_services_is_what_a_rebuild_counts(world):
    kept = cells()
    summary.rebuild()
    assert cells() == kept
    assert summary.aggregate() == summary.contributions(Person.objects.values_list("pk", flat=True))


def test_the_rows_of_all_nations_are_the_sum_of_each_nation(world):
    together = {
        (r.year, r.sex, r.dimension, r.value): (r.trained, r.graduated, r.decided)
        for r in TrainingSummary.objects.filter(mission=0, nation=summary.ALL_NATIONS)
        if r.trained
    }
    assert together == {(y, sex, d, v): n for (d, y, v, sex), n in cells().items()}


def test_a_person_changed_moves_their_figures(world):
    a = world["people"][0]
    a.sex = "male"
    save(a)
    assert cells()[("total", 2025, "", "male")] == (4, 1, 2)
    kept = cells()
    summary.rebuild()
    assert cells() == kept


def test_a_course_changed_moves_its_years(world):
    course = world["cied"]
    course.discipline = "leadership"
    save(course)
    assert by_value("discipline", 2025) == {"leadership": (3, 1, 2), "eod": (2, 0, 1)}
    assert by_value("discipline", 2026) == {"leadership": (1, 0, 0)}


def test_a_deleted_enrolment_no_longer_counts(world):
    f = world["people"][5]
    services.service_for(Enrolment).delete(Enrolment.objects.get(person=f), user=OP)
    assert by_value("total", 2025) == {"": (3, 1, 2)}


def page(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def test_the_page_shows_the_tables_with_their_charts(world, client_as):
    client = client_as(Role.TRAINING_OFFICER)
    response = page(client)
    tables = {t.dimension: t for t in response.context["tables"]}
    first = tables["total"].rows[0]
    assert (first.year, first.total.trained, first.total.graduated, first.total.rate) == (
        2025,
        4,
        1,
        50.0,
    )
    html = response.content.decode()
    assert html.count('<svg dir="ltr"') == 5
    assert "<script>" not in html  # charts drawn by the server, no inline script
    assert "Training dashboard" in html


def test_filters_by_mission_year_service_and_nation(world, client_as):
    client = client_as(Role.TRAINING_OFFICER)

    def total(query):
        rows = page(client, query).context["tables"][0].rows
        return {row.year: row.total.trained for row in rows}

    assert total(f"?mission={world['mission'].pk}") == {2025: 3}
    assert total("?year_from=2026") == {2026: 1}
    assert total("?year_to=2025") == {2025: 4}
    assert total("?service=federal_police") == {2025: 1}
    assert total(f"?nation={world['canada'].pk}") == {2025: 1}


def test_a_nation_officer_sees_only_their_nation(world, client_as, iraq):
    client = client_as(Role.NATION_CONTRIBUTOR)  # of Canada: C only
    response = page(client)
    assert {r.year: r.total.trained for r in response.context["tables"][0].rows} == {2025: 1}
    # Asking for another nation changes nothing: the scope is not a filter one can lift.
    response = page(client, f"?nation={iraq.pk}")
    assert {r.year: r.total.trained for r in response.context["tables"][0].rows} == {2025: 1}
    rows = list(csv.reader(io.StringIO(page(client, "?export=csv").getvalue().decode())))
    totals = [row for row in rows[1:] if row[0] == "total"]
    assert [(r[3], r[-4]) for r in totals] == [("2025", "1")]


def test_csv_export_holds_the_tables(world, client_as):
    response = page(client_as(Role.MISSION_STAFF), "?export=csv")
    assert response["Content-Disposition"].startswith('attachment; filename="cadre-training')
    rows = list(csv.reader(io.StringIO(response.getvalue().decode().lstrip("\ufeff"))))
    header = rows[0]
    assert header[:4] == ["category", "value", "label", "year"]
    as_dicts = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    total = next(r for r in as_dicts if r["category"] == "total" and r["year"] == "2025")
    assert (total["female_trained"], total["male_trained"], total["trained"]) == ("1", "3", "4")
    assert total["graduation_rate_percent"] == "50.0"
    third = next(r for r in as_dicts if r["value"] == "third_country")
    assert (third["year"], third["trained"], third["decided"]) == ("2025", "1", "0")
    assert third["graduation_rate_percent"] == ""


def test_xlsx_export_holds_the_same_rows(world, client_as):
    client = client_as(Role.MISSION_STAFF)
    as_csv = list(csv.reader(io.StringIO(page(client, "?export=csv").getvalue().decode())))
    response = page(client, "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = sheet.iter_rows(values_only=True)
    as_xlsx = [["" if v is None else str(v) for v in row] for row in rows]
    as_csv[0][0] = as_csv[0][0].lstrip("\ufeff")
    assert as_xlsx == as_csv


def test_the_page_shows_how_fresh_its_figures_are(world, client_as):
    client = client_as(Role.TRAINING_OFFICER)
    freshness = page(client).context["freshness"]
    assert freshness["changed_at"] is not None and freshness["built_at"] is None
    summary.rebuild()
    assert page(client).context["freshness"]["built_at"] is not None


def test_an_empty_summary_says_how_to_build_it(db, client_as):
    html = page(client_as(Role.TRAINING_OFFICER)).content.decode()
    assert "cadre rebuild-training-summary" in html


def test_the_page_takes_a_fixed_number_of_queries(world, client_as):
    client = client_as(Role.TRAINING_OFFICER)
    page(client)
    with CaptureQueriesContext(connection) as few:
        page(client, f"?mission={world['mission'].pk}&service=army")
    with CaptureQueriesContext(connection) as all_rows:
        page(client)
    # The same queries whatever the figures; the mission chosen is looked up once more.
    assert len(few) == len(all_rows) + 1 <= 10


def test_the_dashboard_is_in_the_navigation(db, client_as):
    html = client_as(Role.TRAINING_OFFICER).get("/").content.decode()
    assert f'href="{URL}"' in html
