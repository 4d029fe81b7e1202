from django.apps import AppConfig


class ProbeConfig(AppConfig):
    """Object types that exist only in the tests, to prove the shared mechanisms on a type
    whose rules are known: a seat limit that only its service enforces, a type closed to
    the generic writes, types read only within one's nation (a briefing by its own
    nation, a seat and a receipt by their briefing's), personal data (a seat's holder)."""

    name = "cadre_probe"
    label = "probe"
    default_auto_field = "django.db.models.BigAutoField"
