from cadre.core.registry import register

from .models import Nation

register(
    Nation,
    slug="nations",
    columns=["code", "name", "name_ar", "status", "member_since"],
    filters={"status": ["exact"], "code": ["exact"]},
    search=["name", "name_ar", "code"],
    ordering=["name", "code"],
    importable=True,
)
