"""The timeline import's object types and its page."""

from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_detail_panel, register_page
from cadre.core.roles import Role
from cadre.missions.models import TimelineEvent

from . import models as m
from . import services
from .selectors import read_from

register(
    m.PageImport,
    slug="page-imports",
    columns=["key", "title", "source", "address", "file_name", "reference_date", "created"],
    filters={"source": ["exact"]},
    search=["title", "address", "key"],
    ordering=["created", "title"],
    select_related=["source"],
    service=services.PageImportService,
    page_url_name="pageimport:review",
    in_dataset=False,
)
register(
    m.ImportCandidate,
    slug="import-candidates",
    columns=[
        "key",
        "page_import",
        "position",
        "status",
        "edtf",
        "read_precision",
        "qualifier",
        "inferred_year",
        "date",
        "date_precision",
        "kind",
        "summary",
        "actors_named",
        "event",
    ],
    filters={"page_import": ["exact"], "status": ["exact"], "kind": ["exact"]},
    m2m_filters=["actors", "missions"],
    search=["summary", "sentence"],
    ordering=["position", "date"],
    select_related=["page_import", "event"],
    prefetch_related=["actors", "missions"],
    api_actions="cadre.pageimport.api.CandidateActions",
    in_dataset=False,
)

register_page(
    "pageimport:list",
    _("Timeline import"),
    m.PageImport,
    shortcut_for={Role.MISSION_STAFF},
    section="record",
    position=25,
)
register_detail_panel(TimelineEvent, "pageimport/_read_from.html", read_from)
