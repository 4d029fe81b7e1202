import re

import pytest
from django.apps import apps
from django.utils import translation

from cadre.accounts.models import Nation
from cadre.audit.context import Actor, acting_as
from cadre.audit.models import ChangeRecord, ImmutableRecord, field_label
from cadre.core.roles import Role


def records_for(obj):
    return ChangeRecord.objects.filter(
        object_id=str(obj.pk), content_type__model=type(obj)._meta.model_name
    )


@pytest.mark.django_db
def test_a_create_is_recorded_with_the_fields_after():
    with acting_as(Actor(channel="cli")):
        nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    record = records_for(nation).get()
    assert record.action == "create" and record.channel == "cli"
    assert record.before is None and record.after["code"] == "NOR"


@pytest.mark.django_db
def test_an_update_records_before_and_after_of_the_changed_field():
    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    nation = Nation.objects.get(pk=nation.pk)
    nation.name = "Kingdom of Norway"
    nation.save()
    record = records_for(nation).filter(action="update").get()
    assert record.changed_fields == [("name", "Norway", "Kingdom of Norway")]


@pytest.mark.django_db
def test_a_save_without_changes_records_nothing():
    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    Nation.objects.get(pk=nation.pk).save()
    assert not records_for(nation).filter(action="update").exists()


@pytest.mark.django_db
def test_a_delete_keeps_the_object_as_it_was():
    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    pk = nation.pk
    nation.delete()
    record = ChangeRecord.objects.get(action="delete", object_id=str(pk))
    assert record.before["name"] == "Norway" and record.after is None


@pytest.mark.django_db
def test_a_change_through_a_page_records_the_signed_in_user(client_as):
    client = client_as(Role.MISSION_STAFF)
    response = client.post(
        "/record/nations/add/", {"code": "NOR", "name": "Norway", "status": "ally", "name_ar": ""}
    )
    assert response.status_code == 302
    record = ChangeRecord.objects.get(action="create", object_repr="Norway")
    assert record.user == client.user and record.channel == "web"


@pytest.mark.django_db
def test_a_change_through_the_admin_is_recorded_as_admin(client_as):
    client = client_as(Role.ADMIN)
    response = client.post(
        "/admin/accounts/nation/add/",
        {"code": "NOR", "name": "Norway", "status": "ally", "name_ar": ""},
    )
    assert response.status_code == 302
    assert ChangeRecord.objects.get(object_repr="Norway", action="create").channel == "admin"


@pytest.mark.django_db
def test_the_audit_trail_cannot_be_edited_or_deleted():
    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    record = records_for(nation).get()
    record.message = "rewritten"
    with pytest.raises(ImmutableRecord):
        record.save()
    with pytest.raises(ImmutableRecord):
        record.delete()


@pytest.mark.django_db
def test_an_auditor_can_filter_the_trail_by_user(client_as, make_user):
    staff = make_user(Role.MISSION_STAFF)
    with acting_as(Actor(channel="web", user=staff)):
        Nation.objects.create(code="NOR", name="Norway", status="ally")
    Nation.objects.create(code="DNK", name="Denmark", status="ally")
    client = client_as(Role.AUDITOR)
    page = client.get("/audit/", {"username": staff.username}).content.decode()
    assert "Norway" in page and "Denmark" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.MISSION_STAFF, Role.NATION_CONTRIBUTOR, Role.ADVISOR])
def test_only_auditors_and_admins_read_the_trail(client_as, role):
    assert client_as(role).get("/audit/").status_code == 403


@pytest.mark.django_db
def test_the_trail_names_channels_and_fields_in_the_reader_language(client_as):
    with acting_as(Actor(channel="cli")):
        nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    nation = Nation.objects.get(pk=nation.pk)
    nation.name = "Kingdom of Norway"
    with acting_as(Actor(channel="cli")):
        nation.save()
    client = client_as(Role.AUDITOR)
    page = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "سطر الأوامر" in page  # the command line
    english = client.get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "command line" in english


@pytest.mark.django_db
def test_an_update_records_what_the_database_held_even_if_the_object_was_not_loaded():
    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    Nation(pk=nation.pk, code="NOR", name="Norge", status="ally").save()
    record = records_for(nation).filter(action="update").get()
    assert record.changed_fields == [("name", "Norway", "Norge")]


@pytest.mark.django_db
def test_a_changed_choice_is_shown_by_its_label_in_the_readers_language():
    from django.utils import translation

    nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    nation = Nation.objects.get(pk=nation.pk)
    nation.status = "partner"
    nation.save()
    record = records_for(nation).filter(action="update").get()

    labels = {status: str(label) for status, label in Nation._meta.get_field("status").choices}
    with translation.override("ar"):
        in_arabic = [tuple(map(str, row)) for row in record.changed_fields_labelled]
        arabic_labels = {s: str(label) for s, label in Nation._meta.get_field("status").choices}
    assert record.changed_fields_labelled[0][1:] == (labels["ally"], labels["partner"])
    assert in_arabic[0][1:] == (arabic_labels["ally"], arabic_labels["partner"])
    assert arabic_labels["ally"] != "ally"


@pytest.mark.django_db
def test_the_record_id_is_named_in_the_readers_language(client_as):
    with acting_as(Actor(channel="cli")):
        nation = Nation.objects.create(code="NOR", name="Norway", status="ally")
    record = records_for(nation).get()
    client = client_as(Role.AUDITOR)

    page = client.get(f"/audit/{record.pk}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    english = client.get(f"/audit/{record.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "<td>المعرّف</td>" in page and "<td>ID</td>" not in page
    assert "<td>ID</td>" in english


def test_every_field_of_cadres_records_is_named_in_arabic():
    """The trail names each changed field by its label: none may reach an Arabic reader in
    English."""
    untranslated = []
    with translation.override("ar"):
        for model in apps.get_models():
            if not model.__module__.startswith("cadre."):
                continue
            for field in model._meta.get_fields():
                if not field.concrete:
                    continue
                label = str(field_label(field))
                if not re.search("[\u0600-\u06ff]", label):
                    untranslated.append(f"{model._meta.label}.{field.name}: {label}")
    assert untranslated == []
