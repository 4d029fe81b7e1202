from django.apps import AppConfig


class ProbeConfig(AppConfig):
    """Object types that exist only in the tests, to prove the shared mechanisms on a type
    whose rules are known: a seat limit that only its service enforces, a type closed to
    the generic writes, a type read only within one's nation."""

    name = "cadre_probe"
    label = "probe"
    default_auto_field = "django.db.models.BigAutoField"
