"""The page and API tests every object type gets, as mixins (after NetBox's test cases).

`cases_for(object_type)` picks the mixins its declaration calls for; a test module
builds one class per registered type from them (tests/access/test_object_types.py), so
a new type gets every test below without a line of its own. Each test asks as a user of
the record's nation, who must succeed, or as a user of another nation, who must be
refused or see nothing where the type is scoped by nation, and succeed where it is not.
Writes send a valid record (records.py), so that they reach the nation check rather
than stopping at a missing field.

The users: the reader holds a role that reads the type by nation when there is one,
the writer a role that writes it by nation when there is one; otherwise each holds a
role that reads (writes) every nation's records, and then both nations succeed.
"""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from cadre.core import exchange, registry
from cadre.core.roles import Role

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _first(*candidates):
    for roles in candidates:
        if roles:
            return sorted(roles)[0]
    raise AssertionError("no role fits")


def reader_role(declaration):
    """A role that reads the type by nation if there is one, else one that reads it all."""
    return _first(
        declaration.nation_readers,
        declaration.view_roles & declaration.nation_writers,
        declaration.view_roles & {Role.MISSION_STAFF},
        declaration.view_roles,
    )


def writer_role(declaration):
    """A role that writes the type by nation if there is one, else one that writes it all."""
    return _first(
        declaration.nation_writers,
        declaration.write_roles & {Role.MISSION_STAFF},
        declaration.write_roles,
    )


class ObjectTypeCase:
    """Setup shared by the mixins: the type, its users and a record of their nation."""

    slug: str

    @pytest.fixture(autouse=True)
    def setup_case(self, db, make_user, records, nation, other_nation):
        self.object_type = registry.get(self.slug)
        self.model = self.object_type.model
        self.records = records
        self.nation, self.other_nation = nation, other_nation
        self.reader_role = reader_role(self.object_type)
        self.writer_role = writer_role(self.object_type)
        self.make_user = make_user
        self.record = self.new_record()

    # Records and requests ----------------------------------------------------------------

    def new_record(self):
        return self.records.create(self.model, in_nation=self.nation_or_none)

    @property
    def key_field(self):
        return self.object_type.key_field

    @property
    def key(self):
        return getattr(self.record, self.key_field)

    def page_client(self, role, nation):
        client = Client()
        client.force_login(self.make_user(role, nation))
        return client

    def api_client(self, role, nation):
        client = APIClient()
        client.force_login(self.make_user(role, nation))
        return client

    def own(self, role, api=False):
        return (self.api_client if api else self.page_client)(role, self.nation)

    def other(self, role, api=False):
        return (self.api_client if api else self.page_client)(role, self.other_nation)

    def url(self, name):
        return {
            "list": f"/record/{self.slug}/",
            "detail": f"/record/{self.slug}/{self.record.pk}/",
            "add": f"/record/{self.slug}/add/",
            "edit": f"/record/{self.slug}/{self.record.pk}/edit/",
            "delete": f"/record/{self.slug}/{self.record.pk}/delete/",
            "csv": f"/record/{self.slug}/export.csv",
            "xlsx": f"/record/{self.slug}/export.xlsx",
            "import": f"/record/{self.slug}/import/",
            "api-list": f"/api/{self.slug}/",
            "api-detail": f"/api/{self.slug}/{self.key}/",
        }[name]

    def exists(self, key):
        return self.model.objects.filter(**{self.key_field: key}).exists()

    # What a user sees --------------------------------------------------------------------

    def listed(self, client):
        response = client.get(self.url("list"))
        assert response.status_code == 200
        return f">{self.key}<" in response.content.decode()

    def exported_csv(self, client):
        response = client.get(self.url("csv"))
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        return [row[0] for row in csv.reader(io.StringIO(text))][1:]

    def exported_xlsx(self, client):
        response = client.get(self.url("xlsx"))
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX_TYPE
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        return [row[0] for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]

    def api_listed(self, client):
        response = client.get(self.url("api-list"), {"page_size": 500})
        assert response.status_code == 200
        return self.key in [row[self.key_field] for row in response.json()["results"]]

    # What a writer sends -----------------------------------------------------------------

    def form_data(self, **changes):
        return {**self.records.form_data(self.object_type, self.nation_or_none), **changes}

    def payload(self, **changes):
        return {**self.records.payload(self.object_type, self.nation_or_none), **changes}

    @property
    def nation_or_none(self):
        return self.nation if self.object_type.nation_field else None

    def change(self, text):
        """(field, value): a change a partial update may make without breaking a rule across
        fields: `text` in a plain text field, else another choice (records.py takes the first)."""
        fields = [
            f
            for f in exchange.exchange_fields(self.model)
            if f.get_internal_type() in ("CharField", "TextField")
            and not f.unique
            and f.name != self.key_field
        ]
        for field in fields:
            if not field.choices:
                return field.name, text
        for field in fields:
            return field.name, field.choices[-1][0]
        raise AssertionError(f"{self.model.__name__} has no field a test may change")

    def import_file(self):
        """A CSV file creating one record, with the columns an import reads."""
        body = self.payload()
        precisions = set(exchange.precision_pairs(self.model).values())
        columns = [name for name in body if name not in precisions]
        cells = [exchange.text_of(body[name]) for name in columns]
        out = io.StringIO()
        csv.writer(out).writerows([columns, cells])
        return body[self.key_field], SimpleUploadedFile("records.csv", out.getvalue().encode())

    def refused_create_status(self):
        """403 when the writer may name the record's nation but not write in it; 400 when the
        record the nation comes through is one the writer may not even see."""
        hop = self.object_type.nation_field.split("__")[0]
        through = registry.for_model(self.model._meta.get_field(hop).related_model)
        return 400 if self.writer_role in through.nation_readers else 403

    def refused_change_status(self):
        """404 for a record the writer may not see; 403 for one they see but may not change."""
        return 404 if self.writer_role in self.object_type.nation_readers else 403


class ReadCases(ObjectTypeCase):
    """Every page and API call that reads, as a reader of the record's nation."""

    def test_list_page_shows_a_record_of_own_nation(self):
        assert self.listed(self.own(self.reader_role))

    def test_detail_page_shows_a_record_of_own_nation(self):
        response = self.own(self.reader_role).get(self.url("detail"))

        assert response.status_code == 200
        assert str(self.key) in response.content.decode()

    def test_csv_export_holds_a_record_of_own_nation(self):
        assert str(self.record.pk) in self.exported_csv(self.own(self.reader_role))

    def test_xlsx_export_holds_a_record_of_own_nation(self):
        assert self.record.pk in self.exported_xlsx(self.own(self.reader_role))

    def test_api_lists_a_record_of_own_nation(self):
        assert self.api_listed(self.own(self.reader_role, api=True))

    def test_api_reads_a_record_of_own_nation(self):
        response = self.own(self.reader_role, api=True).get(self.url("api-detail"))

        assert response.status_code == 200
        assert response.json()[self.key_field] == self.key


class NationReadCases(ObjectTypeCase):
    """A reader of another nation sees nothing of the record."""

    def test_list_page_hides_a_record_of_another_nation(self):
        assert not self.listed(self.other(self.reader_role))

    def test_detail_page_of_another_nations_record_is_not_found(self):
        assert self.other(self.reader_role).get(self.url("detail")).status_code == 404

    def test_csv_export_leaves_out_a_record_of_another_nation(self):
        assert str(self.record.pk) not in self.exported_csv(self.other(self.reader_role))

    def test_xlsx_export_leaves_out_a_record_of_another_nation(self):
        assert self.record.pk not in self.exported_xlsx(self.other(self.reader_role))

    def test_api_list_leaves_out_a_record_of_another_nation(self):
        assert not self.api_listed(self.other(self.reader_role, api=True))

    def test_api_detail_of_another_nations_record_is_not_found(self):
        response = self.other(self.reader_role, api=True).get(self.url("api-detail"))

        assert response.status_code == 404


class OpenReadCases(ObjectTypeCase):
    """A reader of another nation reads the record as its own nation does."""

    def test_list_page_shows_the_record_to_another_nation(self):
        assert self.listed(self.other(self.reader_role))

    def test_detail_page_shows_the_record_to_another_nation(self):
        assert self.other(self.reader_role).get(self.url("detail")).status_code == 200

    def test_csv_export_holds_the_record_for_another_nation(self):
        assert str(self.record.pk) in self.exported_csv(self.other(self.reader_role))

    def test_xlsx_export_holds_the_record_for_another_nation(self):
        assert self.record.pk in self.exported_xlsx(self.other(self.reader_role))

    def test_api_lists_the_record_to_another_nation(self):
        assert self.api_listed(self.other(self.reader_role, api=True))

    def test_api_reads_the_record_for_another_nation(self):
        response = self.other(self.reader_role, api=True).get(self.url("api-detail"))

        assert response.status_code == 200


class WriteCases(ObjectTypeCase):
    """Every page and API call that writes, as a writer of the record's nation."""

    def test_add_page_creates_a_record_of_own_nation(self):
        client = self.own(self.writer_role)
        data = self.form_data()

        assert client.get(self.url("add")).status_code == 200
        response = client.post(self.url("add"), data)

        assert response.status_code == 302, response.context and response.context["form"].errors
        assert self.exists(data[self.key_field])

    def test_edit_page_changes_a_record_of_own_nation(self):
        client = self.own(self.writer_role)
        field, value = self.change("Changed by its nation")
        data = self.form_data(**{self.key_field: self.key, field: value})

        assert client.get(self.url("edit")).status_code == 200
        response = client.post(self.url("edit"), data)

        assert response.status_code == 302, response.context and response.context["form"].errors
        self.record.refresh_from_db()
        assert getattr(self.record, field) == value

    def test_delete_page_deletes_a_record_of_own_nation(self):
        client = self.own(self.writer_role)

        assert client.get(self.url("delete")).status_code == 200
        assert client.post(self.url("delete")).status_code == 302
        assert not self.exists(self.key)

    def test_api_creates_a_record_of_own_nation(self):
        body = self.payload()

        response = self.own(self.writer_role, api=True).post(
            self.url("api-list"), body, format="json"
        )

        assert response.status_code == 201, response.json()
        assert self.exists(body[self.key_field])

    def test_api_replaces_a_record_of_own_nation(self):
        field, value = self.change("Replaced by its nation")
        body = self.payload(**{self.key_field: self.key, field: value})

        response = self.own(self.writer_role, api=True).put(
            self.url("api-detail"), body, format="json"
        )

        assert response.status_code == 200, response.json()
        self.record.refresh_from_db()
        assert getattr(self.record, field) == value

    def test_api_updates_a_record_of_own_nation(self):
        field, value = self.change("Updated by its nation")

        response = self.own(self.writer_role, api=True).patch(
            self.url("api-detail"), {field: value}, format="json"
        )

        assert response.status_code == 200, response.json()
        self.record.refresh_from_db()
        assert getattr(self.record, field) == value

    def test_api_deletes_a_record_of_own_nation(self):
        response = self.own(self.writer_role, api=True).delete(self.url("api-detail"))

        assert response.status_code == 204
        assert not self.exists(self.key)


class NationWriteCases(ObjectTypeCase):
    """A writer of another nation may not write the record, nor one like it."""

    def test_add_page_refuses_a_record_of_another_nation(self):
        data = self.form_data()

        response = self.other(self.writer_role).post(self.url("add"), data)

        assert response.status_code == self.refused_create_status()
        assert not self.exists(data[self.key_field])

    def test_edit_page_of_another_nations_record_is_not_found(self):
        assert self.other(self.writer_role).get(self.url("edit")).status_code == 404

    def test_delete_page_of_another_nations_record_is_not_found(self):
        client = self.other(self.writer_role)

        assert client.post(self.url("delete")).status_code == 404
        assert self.exists(self.key)

    def test_api_refuses_to_create_a_record_of_another_nation(self):
        body = self.payload()

        response = self.other(self.writer_role, api=True).post(
            self.url("api-list"), body, format="json"
        )

        assert response.status_code == self.refused_create_status()
        assert not self.exists(body[self.key_field])

    def test_api_refuses_to_replace_a_record_of_another_nation(self):
        field, value = self.change("Replaced from abroad")
        body = self.payload(**{self.key_field: self.key, field: value})

        response = self.other(self.writer_role, api=True).put(
            self.url("api-detail"), body, format="json"
        )

        assert response.status_code == self.refused_change_status()
        self.record.refresh_from_db()
        assert getattr(self.record, field) != value

    def test_api_refuses_to_update_a_record_of_another_nation(self):
        field, value = self.change("Updated from abroad")

        response = self.other(self.writer_role, api=True).patch(
            self.url("api-detail"), {field: value}, format="json"
        )

        assert response.status_code == self.refused_change_status()
        self.record.refresh_from_db()
        assert getattr(self.record, field) != value

    def test_api_refuses_to_delete_a_record_of_another_nation(self):
        response = self.other(self.writer_role, api=True).delete(self.url("api-detail"))

        assert response.status_code == self.refused_change_status()
        assert self.exists(self.key)


class OpenWriteCases(ObjectTypeCase):
    """A writer of another nation writes the record as its own nation does."""

    def test_add_page_creates_a_record_for_a_writer_of_another_nation(self):
        data = self.form_data()

        response = self.other(self.writer_role).post(self.url("add"), data)

        assert response.status_code == 302
        assert self.exists(data[self.key_field])

    def test_edit_page_changes_the_record_for_a_writer_of_another_nation(self):
        field, value = self.change("Changed from abroad")
        data = self.form_data(**{self.key_field: self.key, field: value})

        response = self.other(self.writer_role).post(self.url("edit"), data)

        assert response.status_code == 302
        self.record.refresh_from_db()
        assert getattr(self.record, field) == value

    def test_delete_page_deletes_the_record_for_a_writer_of_another_nation(self):
        assert self.other(self.writer_role).post(self.url("delete")).status_code == 302
        assert not self.exists(self.key)

    def test_api_creates_a_record_for_a_writer_of_another_nation(self):
        body = self.payload()

        response = self.other(self.writer_role, api=True).post(
            self.url("api-list"), body, format="json"
        )

        assert response.status_code == 201, response.json()

    def test_api_replaces_the_record_for_a_writer_of_another_nation(self):
        body = self.payload(**{self.key_field: self.key})

        response = self.other(self.writer_role, api=True).put(
            self.url("api-detail"), body, format="json"
        )

        assert response.status_code == 200, response.json()

    def test_api_updates_the_record_for_a_writer_of_another_nation(self):
        response = self.other(self.writer_role, api=True).patch(
            self.url("api-detail"), dict([self.change("Updated from abroad")]), format="json"
        )

        assert response.status_code == 200, response.json()

    def test_api_deletes_the_record_for_a_writer_of_another_nation(self):
        response = self.other(self.writer_role, api=True).delete(self.url("api-detail"))

        assert response.status_code == 204


class ClosedWriteCases(ObjectTypeCase):
    """A type made only by its service's own actions: no generic write, for any writer."""

    def test_add_edit_and_delete_pages_are_not_found(self):
        client = self.own(self.writer_role)

        statuses = [client.get(self.url(name)).status_code for name in ("add", "edit", "delete")]

        assert statuses == [404, 404, 404]

    def test_api_allows_no_write_method(self):
        client = self.own(self.writer_role, api=True)

        statuses = [
            client.post(self.url("api-list"), {}, format="json").status_code,
            client.put(self.url("api-detail"), {}, format="json").status_code,
            client.patch(self.url("api-detail"), {}, format="json").status_code,
            client.delete(self.url("api-detail")).status_code,
        ]

        assert statuses == [405, 405, 405, 405]


class ImportCases(ObjectTypeCase):
    """The import page, preview then confirmation, as a writer of the record's nation."""

    def test_import_creates_a_record_of_own_nation(self):
        client = self.own(self.writer_role)
        key, upload = self.import_file()

        preview = client.post(self.url("import"), {"file": upload})

        assert preview.status_code == 200, preview.context["report"].errors
        confirm = client.post(f"{self.url('import')}{preview.context['token']}/")
        assert confirm.status_code == 302
        assert self.exists(key)


class NationImportCases(ObjectTypeCase):
    def test_import_refuses_a_record_of_another_nation(self):
        key, upload = self.import_file()

        preview = self.other(self.writer_role).post(self.url("import"), {"file": upload})

        assert preview.status_code == 400
        assert preview.context["report"].errors
        assert not self.exists(key)


class OpenImportCases(ObjectTypeCase):
    def test_import_creates_a_record_for_a_writer_of_another_nation(self):
        key, upload = self.import_file()

        preview = self.other(self.writer_role).post(self.url("import"), {"file": upload})

        assert preview.status_code == 200, preview.context["report"].errors


def cases_for(object_type) -> tuple[type, ...]:
    """The mixins an object type's declaration calls for."""
    reads_by_nation = reader_role(object_type) in object_type.nation_readers
    writer = writer_role(object_type)
    writes_by_nation = writer in object_type.nation_writers | object_type.nation_readers
    cases = [ReadCases, NationReadCases if reads_by_nation else OpenReadCases]
    if not object_type.generic_writes:
        return (*cases, ClosedWriteCases)
    cases += [WriteCases, NationWriteCases if writes_by_nation else OpenWriteCases]
    if object_type.importable:
        cases += [ImportCases, NationImportCases if writes_by_nation else OpenImportCases]
    return tuple(cases)
