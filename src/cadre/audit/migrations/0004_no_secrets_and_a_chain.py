"""Take the secrets out of the entries written before Cadre left them out, then chain every entry.

Password hashes of users and the digests and prefixes of API tokens were recorded in the
before and after of their changes until then. They are removed here; the change itself
stays, said in words. Then each entry gets the hash of the one before it and of itself,
as entries written from now on do (cadre.audit.models.entry_hash).
"""

from django.db import migrations

from cadre.audit.models import entry_hash

SECRETS = {
    ("accounts", "user"): {"password": "password"},
    ("accounts", "apitoken"): {"digest": "token key", "prefix": "token key"},
}


def _scrubbed(state, secrets):
    if not isinstance(state, dict):
        return state, False
    kept = {k: v for k, v in state.items() if k not in secrets}
    return kept, len(kept) != len(state)


def scrub_and_chain(apps, schema_editor):
    ChangeRecord = apps.get_model("audit", "ChangeRecord")
    ContentType = apps.get_model("contenttypes", "ContentType")
    labels = {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.all()}
    previous = ""
    for entry in ChangeRecord.objects.order_by("id").iterator(chunk_size=2000):
        label = labels.get(entry.content_type_id, ("", ""))
        secrets = SECRETS.get(label, {})
        changed_fields = []
        if secrets:
            before, had_before = _scrubbed(entry.before, secrets)
            after, had_after = _scrubbed(entry.after, secrets)
            if had_before or had_after:
                said = sorted(
                    {
                        f"{what} changed"
                        for name, what in secrets.items()
                        if (entry.before or {}).get(name) != (entry.after or {}).get(name)
                    }
                )
                entry.before, entry.after = before, after
                entry.message = "; ".join(filter(None, [entry.message, *said]))
                changed_fields = ["before", "after", "message"]
        entry.previous_hash = previous
        entry.hash = entry_hash(entry, ".".join(label))
        previous = entry.hash
        # The historical model has no guard: this is the one update the trail allows.
        ChangeRecord.objects.filter(pk=entry.pk).update(
            previous_hash=entry.previous_hash,
            hash=entry.hash,
            **{name: getattr(entry, name) for name in changed_fields},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_chained_entries"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(scrub_and_chain, migrations.RunPython.noop)]
