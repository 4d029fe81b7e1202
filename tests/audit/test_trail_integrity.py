"""The audit trail keeps no secrets, records sign-ins as security events, cannot be wiped,
and shows any entry changed or removed behind Cadre's back."""

import pytest
from django.db import connection, transaction

from cadre.accounts.services import api_token_create, api_token_revoke
from cadre.audit.models import ChangeAction, ChangeRecord, ImmutableRecord
from cadre.audit.services import verify_chain
from cadre.cli import main
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def every_entry_as_text():
    return "\n".join(
        f"{e.object_repr} {e.message} {e.before} {e.after}" for e in ChangeRecord.objects.all()
    )


def test_no_entry_holds_a_password_hash_or_a_token_digest(make_user, client):
    user = make_user(Role.MISSION_STAFF)
    user.set_password("another-Long-passw0rd")
    user.save()
    token, key = api_token_create(user=user, name="personnel system")
    api_token_revoke(token=token)

    trail = every_entry_as_text()

    user.refresh_from_db()
    token.refresh_from_db()
    assert user.password and user.password not in trail
    assert user.password.split("$")[-1] not in trail
    assert token.digest not in trail and key not in trail
    assert token.prefix not in trail


def test_a_password_change_is_recorded_in_words(make_user):
    user = make_user(Role.MISSION_STAFF)
    user.set_password("another-Long-passw0rd")
    user.save()

    entry = ChangeRecord.objects.filter(action=ChangeAction.UPDATE, object_id=str(user.pk)).get()

    assert entry.message == "password changed"
    assert "password" not in (entry.before or {}) and "password" not in (entry.after or {})


def test_a_new_token_is_recorded_as_a_token_key_set_with_no_value(make_user):
    user = make_user(Role.MISSION_STAFF)
    token, _key = api_token_create(user=user, name="personnel system")

    entry = ChangeRecord.objects.get(
        action=ChangeAction.CREATE, content_type__model="apitoken", object_id=str(token.pk)
    )

    assert entry.message == "token key set"
    assert set(entry.after) >= {"name", "user"} and not {"digest", "prefix"} & set(entry.after)


def test_signing_in_is_a_security_event_not_a_change_of_the_user(client, make_user):
    user = make_user(Role.MISSION_STAFF)

    client.post("/accounts/login/", {"username": user.username, "password": "a-Long-test-passw0rd"})
    client.post("/accounts/logout/")

    entries = ChangeRecord.objects.filter(object_id=str(user.pk)).values_list("action", flat=True)
    assert ChangeAction.SIGN_IN in entries and ChangeAction.SIGN_OUT in entries
    assert not ChangeRecord.objects.filter(
        object_id=str(user.pk), action=ChangeAction.UPDATE
    ).exists()


def test_a_failed_sign_in_is_recorded_with_the_name_tried_and_never_the_password(client):
    client.post("/accounts/login/", {"username": "nobody-here", "password": "Guess-number-1"})

    entry = ChangeRecord.objects.get(action=ChangeAction.SIGN_IN_FAILED)

    assert entry.object_repr == "nobody-here"
    assert "Guess-number-1" not in every_entry_as_text()


def test_the_manager_refuses_to_delete_or_update_the_trail_in_bulk(make_user):
    make_user(Role.MISSION_STAFF)
    count = ChangeRecord.objects.count()

    with pytest.raises(ImmutableRecord):
        ChangeRecord.objects.all().delete()
    with pytest.raises(ImmutableRecord):
        ChangeRecord.objects.all().update(message="rewritten")

    assert ChangeRecord.objects.count() == count > 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_update_and_delete_on_the_table_itself(make_user):
    from django.db import DatabaseError

    make_user(Role.MISSION_STAFF)
    for statement in (
        "UPDATE audit_changerecord SET message = 'x'",
        "DELETE FROM audit_changerecord",
    ):
        with (
            pytest.raises(DatabaseError, match="cannot be edited or deleted"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert ChangeRecord.objects.exists()


def test_each_entry_follows_the_one_before(make_user):
    make_user(Role.MISSION_STAFF)
    make_user(Role.AUDITOR)

    entries = list(ChangeRecord.objects.order_by("id"))

    assert entries[0].previous_hash == ""
    for earlier, later in zip(entries, entries[1:], strict=False):
        assert later.previous_hash == earlier.hash
    assert verify_chain().intact


def _tamper(sql, params):
    """Change the table behind Cadre's back, as someone with database rights could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A superuser can make the session skip triggers, the guard included.
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


def test_verify_names_an_entry_changed_in_sql(make_user):
    for role in (Role.MISSION_STAFF, Role.AUDITOR, Role.ADVISOR):
        make_user(role)
    target = ChangeRecord.objects.order_by("id")[1]

    _tamper("UPDATE audit_changerecord SET username = %s WHERE id = %s", ["someone", target.pk])

    check = verify_chain()
    assert not check.intact and check.entry_id == target.pk
    assert f"entry {target.pk} was changed" in check.problem


def test_verify_names_the_entry_after_one_removed_in_sql(make_user):
    for role in (Role.MISSION_STAFF, Role.AUDITOR, Role.ADVISOR):
        make_user(role)
    removed, following = ChangeRecord.objects.order_by("id")[1:3]

    _tamper("DELETE FROM audit_changerecord WHERE id = %s", [removed.pk])

    check = verify_chain()
    assert not check.intact and check.entry_id == following.pk
    assert "removed or changed" in check.problem


def test_cadre_audit_verify_exits_0_on_an_intact_trail_and_1_on_a_tampered_one(make_user, capsys):
    make_user(Role.MISSION_STAFF)
    make_user(Role.AUDITOR)

    intact = main(["audit", "verify"])
    said_intact = capsys.readouterr().out
    first = ChangeRecord.objects.order_by("id").first()
    _tamper("UPDATE audit_changerecord SET message = %s WHERE id = %s", ["edited", first.pk])
    broken = main(["audit", "verify"])
    said_broken = capsys.readouterr().err

    assert intact == 0 and "intact" in said_intact
    assert broken == 1 and f"entry {first.pk} was changed" in said_broken


def test_many_to_many_changes_name_the_related_records(make_user):
    from django.contrib.auth.models import Group

    user = make_user(Role.MISSION_STAFF)
    group = Group.objects.create(name="J7 training")

    user.groups.add(group)

    entry = ChangeRecord.objects.filter(object_id=str(user.pk)).order_by("-id").first()
    # A group's natural key is its name.
    assert entry.after == {"groups": [{"key": "J7 training", "name": "J7 training"}]}


@pytest.mark.django_db(transaction=True)
def test_the_migration_removes_password_hashes_already_stored_and_chains_the_entries():
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0002_change_record_channel_choices")])
    old = executor.loader.project_state([("audit", "0002_change_record_channel_choices")]).apps
    ContentType = old.get_model("contenttypes", "ContentType")
    user_type = ContentType.objects.get_or_create(app_label="accounts", model="user")[0]
    old.get_model("audit", "ChangeRecord").objects.create(
        username="admin",
        channel="web",
        request_id="00000000-0000-0000-0000-000000000001",
        action="update",
        content_type=user_type,
        object_id="1",
        object_repr="someone",
        before={"password": "argon2$argon2id$v=19$old-hash", "email": "a@example.org"},
        after={"password": "argon2$argon2id$v=19$new-hash", "email": "b@example.org"},
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    entry = ChangeRecord.objects.get(object_repr="someone")
    assert "argon2" not in every_entry_as_text()
    assert entry.before == {"email": "a@example.org"} and entry.message == "password changed"
    assert verify_chain().intact
