"""Reads scoped by nation, declared once and applied by restrict() on every read path.

The probe types (tests/cadre_probe) are read by nation contributors only for their own
nation: a briefing by its own nation, a seat by its briefing's ("briefing__nation").
Seats name their holders (personal data): roles that may not view them may count them.
"""

import csv
import io

import pytest

from cadre.accounts.models import User
from cadre.core import services
from cadre.core.permissions import may, may_write_object, restrict
from cadre.core.roles import Role
from cadre_probe.models import Briefing, Seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefings(nation, other_nation):
    """{nation code: a briefing of that nation}."""
    return {
        code: services.save(
            Briefing(key=f"b-{code}", title=f"Briefing of {code}", capacity=5, nation=n),
            user=services.OPERATOR,
        )
        for code, n in (("CAN", nation), ("ITA", other_nation))
    }


@pytest.fixture
def seats(briefings):
    """{nation code: a seat at that nation's briefing}, each with both briefings as topics."""
    found = {}
    for code, briefing in briefings.items():
        seat = Seat(key=f"s-{code}", briefing=briefing, holder=f"Holder in {code}")
        found[code] = services.save(
            seat, user=services.OPERATOR, many={"topics": list(briefings.values())}
        )
    return found


@pytest.fixture
def contributor(make_user, nation):
    return make_user(Role.NATION_CONTRIBUTOR, nation)


def keys(queryset):
    return sorted(queryset.values_list("key", flat=True))


# The rules --------------------------------------------------------------------------


def test_a_nation_reader_reads_only_own_nations_rows(contributor, briefings):
    assert keys(restrict(Briefing.objects.all(), contributor)) == ["b-CAN"]


def test_a_nation_reader_reads_by_the_nation_a_path_leads_to(contributor, seats):
    assert keys(restrict(Seat.objects.all(), contributor)) == ["s-CAN"]


def test_a_role_outside_nation_readers_reads_every_nation(make_user, nation, seats):
    staff = make_user(Role.MISSION_STAFF, nation)

    assert keys(restrict(Seat.objects.all(), staff)) == ["s-CAN", "s-ITA"]


def test_a_nation_reader_without_a_nation_reads_nothing(briefings):
    Briefing.objects.create(key="b-none", title="Of no nation", capacity=1)
    stateless = User(username="stateless", role=Role.NATION_CONTRIBUTOR, nation=None)

    assert keys(restrict(Briefing.objects.all(), stateless)) == []


def test_a_nation_writer_changes_only_rows_of_own_nation_through_the_path(contributor, seats):
    assert may_write_object(contributor, "change", seats["CAN"])
    assert not may_write_object(contributor, "change", seats["ITA"])


def test_a_role_that_may_not_view_personal_data_may_count_it(make_user):
    adviser = make_user(Role.GENDER_ADVISER)

    assert not may(adviser, "view", Seat)
    assert may(adviser, "count", Seat)


def test_a_role_that_may_not_view_personal_data_counts_every_nation(make_user, seats):
    adviser = make_user(Role.GENDER_ADVISER)

    assert restrict(Seat.objects.all(), adviser, "count").count() == 2
    assert restrict(Seat.objects.all(), adviser, "view").count() == 0


def test_a_nation_reader_counts_only_own_nations_rows(contributor, seats):
    assert restrict(Seat.objects.all(), contributor, "count").count() == 1


def test_nobody_signed_in_counts_nothing(seats):
    assert not may(None, "count", Seat)


# Pages --------------------------------------------------------------------------------


def test_a_record_of_another_nation_has_no_detail_page_for_a_nation_reader(
    client, contributor, seats
):
    client.force_login(contributor)

    assert client.get(f"/record/probe-seats/{seats['ITA'].pk}/").status_code == 404


def test_a_list_filter_offers_only_the_records_the_reader_may_see(client, contributor, seats):
    client.force_login(contributor)

    page = client.get("/record/probe-seats/").content.decode()

    assert 'value="b-CAN"' in page
    assert 'value="b-ITA"' not in page


def test_a_list_filter_refuses_a_key_the_reader_may_not_see(client, contributor, seats):
    client.force_login(contributor)

    response = client.get("/record/probe-seats/", {"briefing": "b-ITA"})

    assert "Select a valid choice" in response.content.decode()


def test_the_edit_form_offers_only_the_records_the_writer_may_see(client, contributor, seats):
    client.force_login(contributor)

    form = client.get("/record/probe-seats/add/").context["form"]

    assert keys(form.fields["briefing"].queryset) == ["b-CAN"]
    assert keys(form.fields["topics"].queryset) == ["b-CAN"]


def test_the_detail_page_shows_only_the_related_records_the_reader_may_see(
    client, contributor, seats
):
    client.force_login(contributor)

    page = client.get(f"/record/probe-seats/{seats['CAN'].pk}/").content.decode()

    assert "Briefing of CAN" in page
    assert "Briefing of ITA" not in page


def test_the_export_holds_only_the_related_records_the_reader_may_see(client, contributor, seats):
    client.force_login(contributor)

    response = client.get("/record/probe-seats/export.csv")

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(row["key"], row["topics"]) for row in rows] == [("s-CAN", "b-CAN")]
