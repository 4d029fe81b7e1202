"""The mission record's object types, in the order the dataset loads them."""

from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_home_panel, register_page
from cadre.core.roles import Role

from . import models as m
from .selectors import home_summary

register(
    m.Location,
    slug="locations",
    columns=[
        "key",
        "name",
        "name_ar",
        "kind",
        "nation",
        "within",
        "latitude",
        "longitude",
        "coordinates_source",
    ],
    filters={"kind": ["exact"], "nation": ["exact"], "coordinates_source": ["exact"]},
    search=["name", "name_ar", "key"],
    ordering=["name"],
    select_related=["nation", "within", "coordinates_source"],
    prefetch_related=["sources"],
    importable=True,
)
register(
    m.Organisation,
    slug="organisations",
    columns=["key", "name", "name_ar", "short_name", "kind", "nation", "mission", "location"],
    filters={"kind": ["exact"], "nation": ["exact"], "mission": ["exact"]},
    search=["name", "name_ar", "short_name", "key"],
    ordering=["name", "kind"],
    select_related=["nation", "mission", "location"],
    importable=True,
)
register(
    m.Mission,
    slug="missions",
    columns=[
        "key",
        "name",
        "short_name",
        "parent_organisation",
        "host_nation",
        "start",
        "start_precision",
        "end",
        "end_precision",
        "status",
        "non_combat",
    ],
    filters={"status": ["exact"], "host_nation": ["exact"]},
    search=["name", "name_ar", "short_name"],
    ordering=["start", "name"],
    select_related=["parent_organisation", "host_nation"],
    page_url_name="missions:detail",
)
register(
    m.MissionName,
    slug="mission-names",
    columns=["key", "mission", "name", "short_name", "used_from", "renamed_on", "renamed_by"],
    filters={"mission": ["exact"]},
    search=["name", "short_name"],
    ordering=["used_from"],
    select_related=["mission"],
)
register(
    m.Mandate,
    slug="mandates",
    columns=[
        "key",
        "mission",
        "kind",
        "reference",
        "title",
        "signed_on",
        "valid_from",
        "valid_until",
        "governs_presence",
        "extended",
    ],
    filters={"mission": ["exact"], "kind": ["exact"], "governs_presence": ["exact"]},
    search=["title", "reference", "issued_by"],
    ordering=["signed_on", "valid_until"],
    select_related=["mission"],
)
register(
    m.TimelineEvent,
    slug="events",
    columns=["key", "date", "date_precision", "kind", "summary", "missions", "actors", "sources"],
    filters={"kind": ["exact"]},
    m2m_filters=["missions", "actors", "sources"],
    search=["summary", "summary_ar"],
    ordering=["date"],
    prefetch_related=["missions", "actors", "sources", "locations"],
    importable=True,
)
register(
    m.ReportingLine,
    slug="reporting-lines",
    columns=["key", "unit", "superior", "relation", "start", "end"],
    filters={"relation": ["exact"], "unit": ["exact"], "superior": ["exact"]},
    search=["unit__name", "superior__name"],
    ordering=["start"],
    select_related=["unit", "superior"],
)
register(
    m.Appointment,
    slug="appointments",
    columns=["key", "organisation", "post", "holder", "rank", "nation", "start", "end"],
    filters={"organisation": ["exact"], "nation": ["exact"]},
    search=["holder", "post", "additional_post"],
    ordering=["start", "holder"],
    select_related=["organisation", "nation"],
)
register(
    m.Participation,
    slug="participations",
    columns=["key", "mission", "nation", "role", "start", "end", "note"],
    filters={"mission": ["exact"], "nation": ["exact"], "role": ["exact"]},
    search=["nation__name", "note"],
    ordering=["nation__name"],
    select_related=["mission", "nation"],
    prefetch_related=["sources"],
    nation_field="nation",
    nation_writers=frozenset({Role.NATION_CONTRIBUTOR}),
)
register(
    m.MissionLocation,
    slug="mission-locations",
    columns=["key", "mission", "location", "purpose"],
    filters={"mission": ["exact"], "location": ["exact"]},
    search=["purpose", "location__name"],
    ordering=["location__name"],
    select_related=["mission", "location"],
)
register(
    m.ForceLevel,
    slug="force-levels",
    columns=[
        "key",
        "mission",
        "as_of",
        "as_of_precision",
        "kind",
        "strength",
        "approximate",
        "stated",
        "source",
    ],
    filters={"mission": ["exact"], "kind": ["exact"], "source": ["exact"]},
    search=["note", "stated"],
    ordering=["as_of", "strength"],
    select_related=["mission", "source"],
)
register(
    m.ScopeChange,
    slug="scope-changes",
    columns=["key", "mission", "date", "date_precision", "change", "area"],
    filters={"mission": ["exact"], "change": ["exact"]},
    search=["area", "area_ar", "description"],
    ordering=["date"],
    select_related=["mission"],
    prefetch_related=["sources"],
)

register_page(
    "missions:list",
    _("Missions"),
    m.Mission,
    shortcut_for={
        Role.MISSION_STAFF,
        Role.TRAINING_OFFICER,
        Role.COORDINATION_CELL,
        Role.HOST_LIAISON,
    },
    section="record",
    position=10,
)
register_page(
    "missions:timeline",
    _("Timeline"),
    m.TimelineEvent,
    shortcut_for={Role.MISSION_STAFF, Role.ADVISOR, Role.HOST_LIAISON, Role.GENDER_ADVISER},
    section="record",
    position=20,
)
register_page(
    "missions:chain",
    _("Chain of command"),
    m.ReportingLine,
    shortcut_for={Role.ADVISOR},
    section="record",
    position=30,
)
register_page(
    "missions:locations",
    _("Locations"),
    m.Location,
    shortcut_for={Role.TRAINING_OFFICER},
    section="record",
    position=40,
)
register_page(
    "core:list",
    _("Participation of my nation"),
    m.Participation,
    args=("participations",),
    shortcut_for={Role.NATION_CONTRIBUTOR},
    in_navigation=False,
)
register_home_panel("missions/_home_summary.html", home_summary)
