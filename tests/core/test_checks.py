"""The start-up checks of the object type declarations (cadre.core.checks).

Each bad declaration is built from a valid one of the probe types (tests/cadre_probe)
with one thing changed, and must be reported with its id, its type and its field.
"""

import dataclasses

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cadre.audit.models import ChangeRecord
from cadre.core import registry
from cadre.core.checks import check_declaration, check_object_types
from cadre.core.roles import ALL_ROLES, Role


def problems(slug, **changes):
    """(id, message) of each problem of the declaration of `slug` with these changes."""
    declaration = dataclasses.replace(registry.get(slug), **changes)
    return [(message.id, message.msg) for message in check_declaration(declaration)]


def test_every_declaration_passes_the_checks():
    assert check_object_types() == []


def test_the_checks_run_at_start_up(monkeypatch):
    monkeypatch.setattr(registry.get("probe-briefings"), "columns", ["key", "agenda"])

    with pytest.raises(SystemCheckError, match="columns names 'agenda'"):
        call_command("check")


def test_a_slug_declared_twice_is_reported(monkeypatch):
    monkeypatch.setattr(registry, "_duplicates", [])

    registry.register(ChangeRecord, slug="probe-briefings", columns=[])

    [message] = [m for m in check_object_types() if m.id == "cadre.E001"]
    assert "'probe-briefings' is declared twice" in message.msg
    assert "probe.Briefing" in message.msg
    assert "audit.ChangeRecord" in message.msg


def test_nation_readers_without_a_nation_field_are_reported():
    assert problems("probe-briefings", nation_field=None, nation_writers=frozenset()) == [
        (
            "cadre.E002",
            "Object type 'probe-briefings': nation_readers is set but nation_field is not, "
            "so no row has a nation to scope by.",
        )
    ]


def test_nation_writers_without_a_nation_field_are_reported():
    assert problems("probe-briefings", nation_field=None, nation_readers=frozenset()) == [
        (
            "cadre.E002",
            "Object type 'probe-briefings': nation_writers is set but nation_field is not, "
            "so no row has a nation to scope by.",
        )
    ]


def test_a_nation_role_whose_holders_need_no_nation_is_reported():
    assert problems("probe-briefings", nation_readers=frozenset({Role.ADVISOR})) == [
        (
            "cadre.E003",
            "Object type 'probe-briefings': nation_readers names advisor, whose holders need "
            "not have a nation.",
        )
    ]


def test_a_nation_field_that_is_not_a_field_is_reported():
    assert problems("probe-briefings", nation_field="country") == [
        (
            "cadre.E004",
            "Object type 'probe-briefings': nation_field 'country' does not lead to "
            "accounts.Nation: probe.Briefing has no field 'country'.",
        )
    ]


def test_a_nation_field_that_ends_elsewhere_is_reported():
    assert problems("probe-seats", nation_field="briefing") == [
        (
            "cadre.E004",
            "Object type 'probe-seats': nation_field 'briefing' does not lead to "
            "accounts.Nation: it ends at probe.Briefing.",
        )
    ]


def test_a_nation_field_through_many_to_many_is_reported():
    assert problems("probe-seats", nation_field="topics__nation") == [
        (
            "cadre.E004",
            "Object type 'probe-seats': nation_field 'topics__nation' does not lead to "
            "accounts.Nation: 'topics' of probe.Seat is not a foreign key.",
        )
    ]


def test_a_nation_field_through_a_foreign_key_passes():
    assert problems("probe-seats", nation_field="briefing__nation") == []


def test_personal_data_every_role_may_view_is_reported():
    assert problems("probe-seats", view_roles=ALL_ROLES) == [
        (
            "cadre.E005",
            "Object type 'probe-seats': holds personal data but every role may view it.",
        )
    ]


@pytest.mark.parametrize(
    ("declaration", "names", "reported"),
    [
        ("columns", ["key", "agenda"], "columns names 'agenda', which is not a field"),
        ("columns", ["key", "seats"], "columns names 'seats', which is a relation from another"),
        ("filters", {"agenda": ["exact"]}, "filters names 'agenda', which is not a field"),
        ("search", ["nation__title"], "search names 'nation__title': accounts.Nation has no"),
        ("search", ["title__name"], "search names 'title__name': 'title' of probe.Briefing is"),
        ("ordering", ["held_at"], "ordering names 'held_at': probe.Briefing has no field"),
        ("m2m_filters", ["nation"], "m2m_filters names 'nation', which is not a many-to-many"),
        ("select_related", ["venue"], "select_related names 'venue': probe.Briefing has no"),
        ("prefetch_related", ["guests"], "prefetch_related names 'guests': probe.Briefing has"),
    ],
)
def test_a_declaration_naming_a_field_the_model_lacks_is_reported(declaration, names, reported):
    [(id_, message)] = problems("probe-briefings", **{declaration: names})

    assert id_ == "cadre.E006"
    assert message.startswith(f"Object type 'probe-briefings': {reported}")


def test_a_relation_to_an_undeclared_model_is_reported():
    declaration = registry.ObjectType(model=ChangeRecord, slug="changes", columns=[])

    reported = {
        m.msg.split(",")[0]: m.id for m in check_declaration(declaration) if m.id != "cadre.E012"
    }

    assert reported == {
        "Object type 'changes': field 'user' points to accounts.User": "cadre.E007",
        "Object type 'changes': field 'content_type' points to contenttypes.ContentType": (
            "cadre.E007"
        ),
    }


def test_a_foreign_key_to_records_a_role_may_not_view_is_reported(monkeypatch):
    monkeypatch.setattr(
        registry.get("probe-briefings"), "view_roles", frozenset({Role.ADMIN, Role.AUDITOR})
    )

    found = problems("probe-receipts")

    assert [id_ for id_, _message in found] == ["cadre.E008"]
    assert "field 'briefing' shows briefings to " in found[0][1]
    assert "nation_contributor" in found[0][1]


def test_a_foreign_key_to_records_read_by_nation_shown_to_every_nation_is_reported():
    assert problems("probe-receipts", nation_field=None, nation_readers=frozenset()) == [
        (
            "cadre.E009",
            "Object type 'probe-receipts': field 'briefing' shows briefings of every nation to "
            "nation_contributor, who may read them only for their own nation.",
        )
    ]


def test_a_service_that_is_not_a_record_service_is_reported():
    class Planner:
        pass

    [(id_, message)] = problems("probe-seats", service=Planner)

    assert id_ == "cadre.E010"
    assert message.startswith("Object type 'probe-seats': service <class ")
    assert message.endswith("Planner'> is not a subclass of RecordService.")


def test_a_model_that_keeps_no_version_is_reported():
    declaration = registry.ObjectType(model=ChangeRecord, slug="changes", columns=[])

    reported = [m.msg for m in check_declaration(declaration) if m.id == "cadre.E012"]

    assert reported == [
        "Object type 'changes': audit.ChangeRecord keeps no version, so a change made to an "
        "old version of a record would undo the changes made since."
    ]


def test_an_importable_type_closed_to_generic_writes_is_reported():
    assert problems("probe-briefings", generic_writes=False) == [
        (
            "cadre.E011",
            "Object type 'probe-briefings': is importable, but generic_writes=False closes the "
            "generic writes an import makes.",
        )
    ]
