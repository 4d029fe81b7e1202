"""On PostgreSQL the database itself refuses UPDATE and DELETE on the audit trail.

A row trigger, so TRUNCATE (which only the database owner runs, as the test suite's reset
does) still empties it. SQLite has no such trigger: there the trail is guarded by Cadre's
manager and by the hash chain (`cadre audit verify`).
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION cadre_audit_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'the audit trail cannot be edited or deleted (' || TG_OP || ' refused)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cadre_audit_refuse_change
    BEFORE UPDATE OR DELETE ON audit_changerecord
    FOR EACH ROW EXECUTE FUNCTION cadre_audit_refuse_change();
"""
DROP = """
DROP TRIGGER IF EXISTS cadre_audit_refuse_change ON audit_changerecord;
DROP FUNCTION IF EXISTS cadre_audit_refuse_change();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_no_secrets_and_a_chain")]

    operations = [migrations.RunPython(create, drop)]
