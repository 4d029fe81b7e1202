from cadre.core.admin import register_admin

from . import objects  # noqa: F401  (the declarations the admin is built from)

register_admin(__package__.rsplit(".", 1)[-1])
