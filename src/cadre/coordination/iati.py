"""The mission's funded activities as an IATI 2.03 activity file (`cadre export-iati FILE`
and the download on the money page).

One activity per trust fund: the nations' contributions are its incoming funds
(transaction type 1), what it paid out its disbursements (type 3), each with its sector
(OECD DAC purpose codes, vocabulary 1). One activity per mission for the equipment donated
through it: each donation an incoming fund in kind from its donor nation. Amounts are
written in their own currency with their own date (IATI's value-date), never converted.

The file holds what the reader may read: `build(user)` takes every record through the
same permission rules as the pages, and `build(None)` (the command line) takes all.
"""

import datetime
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from lxml import etree

from .models import Contribution, Disbursement, Donation, TrustFund
from .selectors_money import readable

IATI_VERSION = "2.03"
REPORTING_ORG_TYPE = "40"  # Multilateral (IATI OrganisationType)
GOVERNMENT = "10"  # IATI OrganisationType of a nation's government
INCOMING_FUNDS, DISBURSEMENT = "1", "3"
ROLE_FUNDING, ROLE_IMPLEMENTING = "1", "4"
START_ACTUAL, END_ACTUAL = "2", "4"
STATUS = {"planned": "1", "active": "2", "suspended": "5", "ended": "4"}
SECTOR_VOCABULARY = "1"  # OECD DAC 5-digit
SCHEMA_DIR = Path("..") / "shared" / "iati-2.03"
SCHEMA_FILE = "iati-activities-schema.xsd"


# The reporting organisation. NATO publishes no IATI organisation identifier in our
# sources: the default identifier is a stand-in, replaced by the registered one through
# CADRE_IATI_REPORTING_ORG (its name through CADRE_IATI_REPORTING_ORG_NAME) before a file is
# published; after the handover the host nation's ministry reports under its own.
STAND_IN_REPORTING_ORG_REF = "XI-CADRE-NATO"


def reporting_org_ref() -> str:
    return settings.IATI_REPORTING_ORG_REF


def reporting_org_name() -> str:
    return settings.IATI_REPORTING_ORG_NAME


def _records(user, model):
    return model.objects.all() if user is None else readable(user, model)


def _text(parent, tag, text, **attributes):
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})
    etree.SubElement(element, "narrative").text = str(text)
    return element


def _iso(day: datetime.date) -> str:
    return day.isoformat()


def _value(parent, amount, currency, day):
    value = etree.SubElement(parent, "value", {"currency": currency, "value-date": _iso(day)})
    value.text = f"{amount:.2f}"


def _org(parent, tag, name, org_type=GOVERNMENT, ref=None):
    attributes = {"type": org_type}
    if ref:
        attributes["ref"] = ref
    element = etree.SubElement(parent, tag, attributes)
    etree.SubElement(element, "narrative").text = str(name)
    return element


def _head(root, identifier, title, description, funders, status, start, end, updated):
    activity = etree.SubElement(
        root,
        "iati-activity",
        {
            "{http://www.w3.org/XML/1998/namespace}lang": "en",
            "default-currency": "EUR",
            "last-updated-datetime": updated,
        },
    )
    etree.SubElement(activity, "iati-identifier").text = identifier
    _org(activity, "reporting-org", reporting_org_name(), REPORTING_ORG_TYPE, reporting_org_ref())
    _text(activity, "title", title)
    _text(activity, "description", description, type="1")
    for name in funders:
        _text(activity, "participating-org", name, role=ROLE_FUNDING, type=GOVERNMENT)
    _text(
        activity,
        "participating-org",
        reporting_org_name(),
        role=ROLE_IMPLEMENTING,
        type=REPORTING_ORG_TYPE,
        ref=reporting_org_ref(),
    )
    etree.SubElement(activity, "activity-status", {"code": status})
    if start:
        etree.SubElement(activity, "activity-date", {"type": START_ACTUAL, "iso-date": _iso(start)})
    if end:
        etree.SubElement(activity, "activity-date", {"type": END_ACTUAL, "iso-date": _iso(end)})
    etree.SubElement(activity, "recipient-country", {"code": "IQ", "percentage": "100"})
    return activity


def _transaction(
    activity, kind, amount, currency, day, description, sector, provider=None, receiver=None
):
    transaction = etree.SubElement(activity, "transaction")
    etree.SubElement(transaction, "transaction-type", {"code": kind})
    etree.SubElement(transaction, "transaction-date", {"iso-date": _iso(day)})
    _value(transaction, amount, currency, day)
    _text(transaction, "description", description)
    if provider:
        _org(transaction, "provider-org", provider)
    if receiver:
        _org(transaction, "receiver-org", receiver)
    etree.SubElement(transaction, "sector", {"vocabulary": SECTOR_VOCABULARY, "code": sector})
    return transaction


def _status(mission):
    return STATUS.get(getattr(mission, "status", ""), "2")


def _span(days, mission):
    """The activity's actual start and, for an ended mission, its end."""
    start = min(days) if days else getattr(mission, "start", None)
    end = getattr(mission, "end", None) if _status(mission) == STATUS["ended"] else None
    return start, end


def build(user=None) -> etree._ElementTree:
    """The IATI activities file of what `user` may read (everything for None)."""
    now = timezone.now().replace(microsecond=0).isoformat()
    root = etree.Element("iati-activities", {"version": IATI_VERSION, "generated-datetime": now})
    contributions = defaultdict(list)
    for row in (
        _records(user, Contribution).select_related("nation").order_by("contributed_on", "key")
    ):
        contributions[row.trust_fund_id].append(row)
    disbursements = defaultdict(list)
    for row in _records(user, Disbursement).order_by("disbursed_on", "key"):
        disbursements[row.trust_fund_id].append(row)
    funds = _records(user, TrustFund).select_related("lead_nation", "mission__host_nation")
    for fund in funds.order_by("key"):
        paid_in, paid_out = contributions[fund.pk], disbursements[fund.pk]
        funders = sorted({row.nation.name for row in paid_in})
        days = [r.contributed_on for r in paid_in] + [r.disbursed_on for r in paid_out]
        start, end = _span(days, fund.mission)
        activity = _head(
            root,
            f"{reporting_org_ref()}-trust-fund-{fund.key}",
            fund.name,
            fund.purpose or fund.name,
            funders,
            _status(fund.mission),
            start,
            end,
            now,
        )
        recipient = fund.mission.host_nation.name if fund.mission else None
        for row in paid_in:
            _transaction(
                activity,
                INCOMING_FUNDS,
                row.amount,
                row.currency,
                row.contributed_on,
                f"Contribution of {row.nation.name}",
                fund.sector,
                provider=row.nation.name,
            )
        for row in paid_out:
            _transaction(
                activity,
                DISBURSEMENT,
                row.amount,
                row.currency,
                row.disbursed_on,
                row.purpose,
                row.sector,
                receiver=recipient,
            )
    by_mission = defaultdict(list)
    donations = _records(user, Donation).select_related("nation", "mission__host_nation")
    for row in donations.order_by("donated_on", "key"):
        by_mission[row.mission].append(row)
    for mission, rows in sorted(
        by_mission.items(), key=lambda item: item[0].key if item[0] else ""
    ):
        name = mission.name if mission else "no mission recorded"
        start, end = _span([r.donated_on for r in rows], mission)
        activity = _head(
            root,
            f"{reporting_org_ref()}-donations-{mission.key if mission else 'none'}",
            f"Equipment donated through {name}",
            f"Equipment and goods donated by nations to the host nation through {name}.",
            sorted({row.nation.name for row in rows}),
            _status(mission),
            start,
            end,
            now,
        )
        for row in rows:
            _transaction(
                activity,
                INCOMING_FUNDS,
                row.value,
                row.currency,
                row.donated_on,
                row.description,
                row.sector,
                provider=row.nation.name,
            )
    return etree.ElementTree(root)


def to_bytes(tree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def schema(project_root: Path) -> etree.XMLSchema:
    """The IATI 2.03 activities schema, kept beside the project (`../shared/iati-2.03`)."""
    path = (Path(project_root) / SCHEMA_DIR / SCHEMA_FILE).resolve()
    return etree.XMLSchema(etree.parse(str(path)))
