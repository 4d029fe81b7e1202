from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_page
from cadre.core.roles import Role

from .models import Claim, Source

register(
    Source,
    slug="sources",
    columns=["key", "title", "kind", "publisher", "page_date", "page_date_precision", "file_name"],
    filters={"publisher": ["exact"], "kind": ["exact"]},
    search=["title", "key", "publisher", "note"],
    ordering=["key", "title"],
    page_url_name="sources:detail",
)
register(
    Claim,
    slug="claims",
    columns=[
        "key",
        "subject",
        "subject_label",
        "value",
        "value_text",
        "unit",
        "as_of",
        "as_of_precision",
        "statement",
        "source",
    ],
    filters={"subject": ["exact"], "source": ["exact"]},
    search=["subject_label", "statement", "value_text"],
    ordering=["subject", "as_of"],
    select_related=["source"],
    importable=True,
)

register_page(
    "sources:claims",
    _("Sources and claims"),
    Claim,
    shortcut_for={Role.COORDINATION_CELL, Role.GENDER_ADVISER, Role.AUDITOR},
    section="record",
    position=50,
)
