"""Every object type's list page costs the same few queries however many rows it shows."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadre.core import registry
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def queries_for_page(client, object_type):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/record/{object_type.slug}/")
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("object_type", registry.object_types(), ids=lambda t: t.slug)
def test_list_page_costs_the_same_queries_for_10_and_200_rows(object_type, client_as, records):
    client = client_as(Role.MISSION_STAFF)
    records.create_many(object_type.model, 10)
    with_10, _ = queries_for_page(client, object_type)

    records.create_many(object_type.model, 190)
    with_200, response = queries_for_page(client, object_type)

    assert response.context["page"].count >= 50  # the page is full
    assert with_10 == with_200


@pytest.mark.parametrize("object_type", registry.object_types(), ids=lambda t: t.slug)
def test_export_costs_the_same_queries_for_10_and_200_rows(object_type, client_as, records):
    client = client_as(Role.MISSION_STAFF)

    def queries_for_export():
        with CaptureQueriesContext(connection) as queries:
            body = b"".join(client.get(f"/record/{object_type.slug}/export.csv").streaming_content)
        return len(queries), body.count(b"\n")

    records.create_many(object_type.model, 10)
    with_10, lines_10 = queries_for_export()
    records.create_many(object_type.model, 190)
    with_200, lines_200 = queries_for_export()

    assert lines_200 - lines_10 == 190
    assert with_10 == with_200


@pytest.mark.parametrize("object_type", registry.object_types(), ids=lambda t: t.slug)
def test_list_cells_are_those_django_tables2_renders(object_type, records, settings):
    """The list page renders its cells with what each column needs worked out once
    (`RecordTable.rendered_rows`); every cell, filled or empty, is django-tables2's own."""
    from cadre.core.tables import table_for

    model = object_type.model
    records.create_many(model, 2)
    try:  # a record with its optional fields empty, where the type's rules allow one
        records.create(model, optional=False)
    except ValidationError:
        records.create_many(model, 1)
    table = table_for(object_type)(list(model.objects.order_by("pk")))

    theirs = [
        [(str(column.attrs["td"].as_html()), str(cell)) for column, cell in row.items()]
        for row in table.paginated_rows
    ]
    ours = [[(str(attrs), str(cell)) for attrs, cell in cells] for cells in table.rendered_rows()]

    assert len(ours) == model.objects.count() >= 3
    assert ours == theirs
