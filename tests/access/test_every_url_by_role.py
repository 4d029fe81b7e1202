"""Every URL Cadre serves, asked by every role (and by nobody): allowed or refused.

The URLs are found by walking the URL configuration, so a new page or endpoint cannot
slip past this test: one it has no expectation for fails it. The expectations are
written out here from the declarations, not derived from `cadre.core.permissions`, so
that the test checks the rules rather than repeating them. Users are of one nation
(CAN) and every record URL names a record of another: a role that reads or writes by
nation must not reach it. API writes send a valid record of that other nation, so that
they are refused for the nation, not for a missing field.
"""

import uuid

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from cadre.core import permissions, registry
from cadre.core.roles import Role
from cadre.missions.models import Participation

AUDIT_READERS = {Role.ADMIN, Role.AUDITOR}
EVERY_ROLE = set(Role)

# Page names every signed-in role may open.
OPEN_PAGES = {
    "home",
    "missions:list",
    "missions:detail",
    "missions:timeline",
    "missions:chain",
    "missions:locations",
    "sources:claims",
    "sources:detail",
    # Figures, never who: a nation-bound role sees its own nation's (tests/training/).
    "training_dashboard:dashboard",
    "accounts:tokens",
    "api:docs",
    "api:schema",
    "pageimport:list",
    "pageimport:review",
    # Figures only, counted within the reader's nation where its role reads by nation.
    "training:self-sustainment",
    "training:self-sustainment-api",
    # Money totals and the IATI file, of what the reader may read (tests/coordination/).
    "coordination:money",
    "coordination:money-iati",
    # Capability as it rolls up, and one institution's trend: every role reads assessments.
    "advising:capability",
    "advising:institution",
    # The mission report: figures and the record, no names; people trained are counted
    # within the reader's nation where its role reads by nation (tests/reports/).
    "reports:report",
}
# API endpoints of an app's own, beside those of the object types.
OWN_API = {"training:self-sustainment-api"}
# Pages of their own that list the records of one type: the type's slug.
LIST_PAGES = {"training:instructor-currency": "instructor-qualifications"}
# The generic pages that read an object type.
RECORD_PAGES = {
    "core:list",
    "core:suggestions",
    "core:detail",
    "core:export-csv",
    "core:export-xlsx",
}
# The check of a certificate by its code is for anyone, signed in or not.
PUBLIC = {"accounts:login", "health", "admin:login", "verify", "verify-code"}
# Admin pages that answer an administrator other than with 200 or 302 (a page or a
# redirect, e.g. to the list for a record that is not there), and why.
ADMIN_PAGES = {
    # The audit trail and the sign-in records are read only, even for an administrator.
    "admin:audit_changerecord_add": {403},
    "admin:audit_changerecord_delete": {403},
    "admin:axes_accessattempt_add": {403},
    "admin:axes_accesslog_add": {403},
    "admin:axes_accessfailurelog_add": {403},
    # Background jobs' task results are written by the worker alone.
    "admin:django_tasks_database_dbtaskresult_add": {403},
    "admin:django_tasks_database_dbtaskresult_delete": {403},
    "admin:logout": {405},  # only a POST signs out
    "admin:view_on_site": {404},  # no record has a URL of its own for "view on site"
}
# Who decides a trainee's graduation (the page and the API action), written out here.
GRADUATORS = {Role.ADMIN, Role.TRAINING_OFFICER}
# Who accepts or declines a seat offered from a waiting list.
OFFER_ANSWERERS = {
    Role.ADMIN,
    Role.TRAINING_OFFICER,
    Role.HOST_LIAISON,
    Role.NATION_CONTRIBUTOR,
}
# The actions of a type's own on its API, "api:<slug>-<action>", each answering a POST.
# Who reviews a page import's candidates into the timeline, written out here.
REVIEWERS = {Role.ADMIN, Role.MISSION_STAFF}
REVIEW_ACTIONS = {
    "api:import-candidates-accept",
    "api:import-candidates-merge",
    "api:import-candidates-reject",
}
REVIEW_PAGES = {"pageimport:accept", "pageimport:merge", "pageimport:reject"}
API_ACTIONS = {
    "api:enrolments-graduate",
    "api:waiting-list-accept",
    "api:waiting-list-decline",
    *REVIEW_ACTIONS,
}
# Pages that only act, by POST, on one record of a type: the type's slug.
ACTION_PAGES = {
    "training:graduate": "enrolments",
    "training:certificate-revoke": "certificates",
    "training:certificate-supersede": "certificates",
    "training:accept-offer": "waiting-list",
    "training:decline-offer": "waiting-list",
} | dict.fromkeys(REVIEW_PAGES, "import-candidates")
# Who may act, by the action's name (the API's and the page's).
ACTORS = {
    "api:enrolments-graduate": GRADUATORS,
    "training:graduate": GRADUATORS,
    "training:certificate-revoke": GRADUATORS,
    "training:certificate-supersede": GRADUATORS,
    "api:waiting-list-accept": OFFER_ANSWERERS,
    "api:waiting-list-decline": OFFER_ANSWERERS,
    "training:accept-offer": OFFER_ANSWERERS,
    "training:decline-offer": OFFER_ANSWERERS,
}
# Who runs and confirms allocation rounds (the same roles as decide graduations); every
# role reads the rounds, so the others are refused rather than told there is none.
ROUND_ACTIONS = {"api:allocation-rounds-run", "training:round-run", "training:round-confirm"}
API_ACTIONS |= {"api:allocation-rounds-run"}
ACTION_PAGES |= {
    "training:round-run": "allocation-rounds",
    "training:round-confirm": "allocation-rounds",
}
ACTORS |= dict.fromkeys(ROUND_ACTIONS, GRADUATORS)
# Donated items' custody: recorded (on an item's page, by the API, by import) by these roles.
CUSTODIANS = {Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL}
API_ACTIONS |= {"api:items-custody"}
ACTION_PAGES |= {"coordination:custody-record": "items"}
ACTORS |= dict.fromkeys(["api:items-custody", "coordination:custody-record"], CUSTODIANS)
LIST_PAGES |= {"coordination:small-arms": "items"}
# Coordination: who takes a requirement's actions, moves an offer's tiers, cancels a
# match, and opens the matching page, written out here.
COORDINATION_CELL = {Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL}
LIAISON_OR_CELL = COORDINATION_CELL | {Role.HOST_LIAISON}
REQUIREMENT_ACTORS = {
    "submit": LIAISON_OR_CELL,
    "validate": COORDINATION_CELL,
    "publish": COORDINATION_CELL,
    "withdraw": LIAISON_OR_CELL,
    "reject": COORDINATION_CELL,
}
OFFER_STEPPERS = COORDINATION_CELL | {Role.NATION_CONTRIBUTOR}
for _action, _roles in REQUIREMENT_ACTORS.items():
    API_ACTIONS.add(f"api:requirements-{_action}")
    ACTION_PAGES[f"coordination:requirement-{_action}"] = "requirements"
    ACTORS[f"api:requirements-{_action}"] = ACTORS[f"coordination:requirement-{_action}"] = _roles
for _step in ("commit", "ship", "receive"):
    API_ACTIONS.add(f"api:offers-{_step}")
    ACTION_PAGES[f"coordination:offer-{_step}"] = "offers"
    ACTORS[f"api:offers-{_step}"] = ACTORS[f"coordination:offer-{_step}"] = OFFER_STEPPERS
# A training-seat offer made a session or an allotment by the API: whoever may change
# offers asks (the service then checks the offer's nation and training's own rules).
for _made in ("make_session", "make_allotment"):
    API_ACTIONS.add(f"api:offers-{_made}")
    ACTORS[f"api:offers-{_made}"] = OFFER_STEPPERS
API_ACTIONS.add("api:matches-cancel")
ACTORS["api:matches-cancel"] = COORDINATION_CELL
# Pages of one record of a type that only some roles open: the type's slug, the roles.
RECORD_OWN_PAGES = {"coordination:matching": ("requirements", COORDINATION_CELL)}
# Deliveries: the recipient (host liaison, coordination cell) confirms receipt; any reader
# of a delivery reaches its receipt, and the service decides who may add one.
RECIPIENTS = {Role.ADMIN, Role.COORDINATION_CELL, Role.HOST_LIAISON}
API_ACTIONS |= {"api:deliveries-confirm", "api:deliveries-receipt"}
ACTION_PAGES |= {
    "coordination:delivery-confirm": "deliveries",
    "coordination:delivery-receipt": "deliveries",
}
ACTORS |= {
    "api:deliveries-confirm": RECIPIENTS,
    "coordination:delivery-confirm": RECIPIENTS,
    "api:deliveries-receipt": EVERY_ROLE,
    "coordination:delivery-receipt": EVERY_ROLE,
}
# A training-seat offer becomes a session or an allotment: whoever may change the offer
# asks (training's services then decide on the session or allotment).
ACTION_PAGES |= {"coordination:offer-session": "offers", "coordination:offer-allotment": "offers"}
ACTORS |= dict.fromkeys(
    ["coordination:offer-session", "coordination:offer-allotment"],
    {Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL},
)
# Figures of the offers and requirements the reader may read, within its nation's offers.
COORDINATION_FIGURES = {"coordination:overview", "coordination:reconciliation"}
# Advising: the mission staff approve assessments; the gender adviser reviews plans and
# assessments. Advisors write only their own team's records (the walker's advisor is on none).
APPROVERS = {Role.ADMIN, Role.MISSION_STAFF}
GENDER_REVIEWERS = {Role.ADMIN, Role.GENDER_ADVISER}
ADVISING_ACTIONS = {
    "api:assessments-approve": APPROVERS,
    "advising:approve": APPROVERS,
    "api:assessments-gender_review": GENDER_REVIEWERS,
    "api:capability-objectives-gender_review": GENDER_REVIEWERS,
    "advising:assessment-gender-review": GENDER_REVIEWERS,
    "advising:objective-gender-review": GENDER_REVIEWERS,
}
API_ACTIONS |= {name for name in ADVISING_ACTIONS if name.startswith("api:")}
ACTION_PAGES |= {
    "advising:approve": "assessments",
    "advising:assessment-gender-review": "assessments",
    "advising:objective-gender-review": "capability-objectives",
}
ACTORS |= ADVISING_ACTIONS
TEAM_SCOPED = {"engagements", "follow-up-actions", "assessments"}
# Records the role may write only while they are drafts; the walker's are past that: a
# requirement, once submitted, is the coordination cell's to change.
PAST_DRAFT = {(Role.HOST_LIAISON, "requirements")}
# Query strings some pages need to answer at all.
SAMPLE_QUERIES = {
    "admin:autocomplete": "?app_label=missions&model_name=participation&field_name=mission",
}


def walk(resolver=None, namespace=""):
    """(full name, pattern) for every named URL."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def sample_kwargs(name, pattern, nation_code):
    """Concrete URL arguments for a pattern, one set per object type where it takes a slug."""
    from cadre.accounts.models import ApiToken

    params = set(pattern.pattern.regex.groupindex)
    if "slug" in params:
        for object_type in registry.object_types():
            yield {"slug": object_type.slug, **_object_args(params, object_type, nation_code)}
        return
    if name.startswith("api:") and name.endswith(("-list", "-detail")) or name in API_ACTIONS:
        object_type = registry.get(name[4:].rsplit("-", 1)[0])
        yield _object_args(params, object_type, nation_code, by_key=True)
        return
    if name in REVIEW_PAGES:
        candidate = sample(registry.get("import-candidates"), nation_code)
        yield {"key": candidate.page_import.key, "candidate": candidate.key}
        return
    if name in ACTION_PAGES:
        yield _object_args(params, registry.get(ACTION_PAGES[name]), nation_code)
        return
    if name == "training:certificate-pdf":
        yield _object_args(params, registry.get("certificates"), nation_code)
        return
    if name == "coordination:custody-import-confirm":
        yield {"upload": uuid.uuid4()}
        return
    if name in RECORD_OWN_PAGES:
        yield _object_args(params, registry.get(RECORD_OWN_PAGES[name][0]), nation_code)
        return
    args = {}
    if "pk" in params and name.startswith("jobs:"):
        from cadre.core.models import Job

        args["pk"] = Job.objects.get_or_create(kind="import", title="Someone else's import")[0].pk
    if "pk" in params and name == "reports:pdf":
        from cadre.core.models import Job

        args["pk"] = Job.objects.get_or_create(kind="report", title="Someone else's report")[0].pk
    if "pk" in params and name.startswith("audit:"):
        from cadre.audit.models import ChangeRecord

        args["pk"] = ChangeRecord.objects.values_list("pk", flat=True).first()
    if name == "advising:institution":
        args["key"] = "iraq-noc"
    elif "key" in params and name.startswith("pageimport:"):
        args["key"] = sample(registry.get("page-imports"), nation_code).key
    elif "key" in params:
        args["key"] = "ntm-i" if name.startswith("missions:") else "nmi-2020"
    if "code" in params and name == "verify-code":
        from cadre.training.models import Certificate

        args["code"] = Certificate.objects.values_list("code", flat=True).first()
    if "token_id" in params:
        args["token_id"] = ApiToken.objects.values_list("pk", flat=True).first() or 1
    if "object_id" in params:
        # A record of the page's model; for a model without records (the sign-in logs) the
        # admin sends the administrator back to the list.
        model = admin_model(name) or Participation
        args["object_id"] = str(
            model._default_manager.order_by("pk").values_list("pk", flat=True).first() or 0
        )
    if "id" in params:
        # The admin's password page of a user: one who exists in this run, whatever the
        # sequence says (PostgreSQL does not rewind it after a test rolls back).
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.order_by("pk").values_list("pk", flat=True)
        args["id"] = str(users.first() or 1)
    if "content_type_id" in params:
        from django.contrib.contenttypes.models import ContentType

        args["content_type_id"] = ContentType.objects.get_for_model(Participation).pk
    if "app_label" in params:
        args["app_label"] = "missions"
    if params - args.keys():
        pytest.fail(f"{name}: no sample arguments for {sorted(params - args.keys())}")
    yield args


def admin_model(name):
    """The model of an admin page named "admin:<app>_<model>_<page>", else None."""
    from django.contrib import admin

    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model
    return None


def _object_args(params, object_type, nation_code, by_key=False):
    args = {}
    obj = sample(object_type, nation_code)
    if "pk" in params:
        args["pk"] = obj.pk
    if "upload" in params:
        args["upload"] = uuid.uuid4()
    key_field = object_type.key_field
    if key_field in params:
        args[key_field] = getattr(obj, key_field)
    return args


def sample(object_type, nation_code):
    """The record a URL asks for: for a type scoped by nation, one of another nation."""
    queryset = object_type.model.objects.order_by("pk")
    if object_type.nation_field:
        queryset = queryset.filter(**{f"{object_type.nation_field}__isnull": False}).exclude(
            **{f"{object_type.nation_field}__code": nation_code}
        )
    obj = queryset.first()
    assert obj is not None, f"the dataset has no {object_type.verbose_name} to ask for"
    return obj


def expected_read(role, object_type, one_record):
    """The status a role gets reading a type's list (or export), or one record of another nation."""
    if role not in object_type.view_roles:
        return {403}
    if one_record and role in object_type.nation_readers:
        return {404}  # another nation's record is not there for it
    return {200}


def expected_page(role, name, kwargs):
    """The status a signed-in role gets for GET on a page."""
    slug = kwargs.get("slug")
    if name in OPEN_PAGES:
        return {200}
    if name in PUBLIC:
        return {200, 302}  # the login page sends a signed-in user home
    if name in RECORD_PAGES:
        return expected_read(role, registry.get(slug), one_record=name == "core:detail")
    if name in LIST_PAGES:
        return expected_read(role, registry.get(LIST_PAGES[name]), one_record=False)
    if name in RECORD_OWN_PAGES:
        return {200} if role in RECORD_OWN_PAGES[name][1] else {403}
    if name in COORDINATION_FIGURES:
        readers = registry.get("offers").view_roles | registry.get("requirements").view_roles
        return {200} if role in readers else {403}
    if name == "coordination:export-3w":
        return expected_read(role, registry.get("deliveries"), one_record=False)
    if name in ("coordination:delivery-receipt", "api:deliveries-receipt"):
        # Another nation's delivery is not there for a nation reader; the sample has no
        # receipt for the others (GET downloads it, on the page and by the API alike).
        return {404}
    if name in ("jobs:detail", "jobs:download", "reports:pdf"):
        return {404}  # a job and its file are shown only to whoever started it
    if name == "training:certificates-expiring":
        return expected_read(role, registry.get("certificates"), one_record=False)
    if name == "training:certificate-pdf":
        # Another nation's certificate is not there for a nation reader, nor for a role that
        # reads no certificates; for the others, its PDF is not made yet in this test.
        return {404}
    if name in ("audit:list", "audit:detail"):
        return {200} if role in AUDIT_READERS else {403}
    if name == "coordination:custody-import":
        return {200} if role in CUSTODIANS else {403}
    if name == "coordination:custody-import-confirm":
        return {405}  # it only acts, by POST
    if name in ("core:add", "core:edit", "core:delete"):
        object_type = registry.get(slug)
        if not object_type.generic_writes:
            return {404}  # made only by the type's own service
        if role in object_type.write_roles:
            if name != "core:add" and (
                (role == Role.ADVISOR and slug in TEAM_SCOPED) or (role, slug) in PAST_DRAFT
            ):
                return {302}  # to the record's page, which says why it is not theirs to change
            return {200}
        if role in object_type.nation_writers:
            return {200} if name == "core:add" else {404}
        return {403}
    if name == "core:import":
        object_type = registry.get(slug)
        if not object_type.importable:
            return {404}
        return {200} if role in object_type.write_roles | object_type.nation_writers else {403}
    if name in (
        "core:import-confirm",
        "api:root",
        "accounts:logout",
        "accounts:token-revoke",
        "set-language",
    ):
        return {302, 405}  # GET only redirects or is refused; the work is done by POST
    if name in ACTION_PAGES:
        return {405}  # it only acts, by POST
    if name in REVIEW_ACTIONS:
        return {405} if role in REVIEWERS else {403}
    if name in API_ACTIONS:
        return {405} if role in ACTORS[name] else {403}
    if name.startswith("admin:"):
        if role != Role.ADMIN:
            return {302}  # to the admin's sign-in
        object_type = registry.for_model(admin_model(name))
        if object_type and not object_type.generic_writes and name.endswith(("_add", "_delete")):
            return {403}  # made only by the type's own service, in the admin too
        return ADMIN_PAGES.get(name, {200, 302})
    pytest.fail(f"no expectation for {name}")


def expected_api_write(role, name, method, kwargs):
    """The status of a valid write of a record of another nation (delete: of that record)."""
    object_type = registry.get(name[4:].rsplit("-", 1)[0])
    if not object_type.generic_writes:
        return {405} if role in object_type.write_roles else {403}
    if role == Role.ADVISOR and object_type.slug in TEAM_SCOPED:
        return {403}  # only their own team's records, and this advisor is on no team
    if (role, object_type.slug) in PAST_DRAFT and method != "post":
        return {403}  # no longer a draft
    if role in object_type.write_roles:
        # A delete may be refused for the records that refer to the record.
        return {"post": {201}, "put": {200}, "patch": {200}, "delete": {204, 409}}[method]
    if role in object_type.nation_writers:
        if method == "post":
            hop = object_type.nation_field.split("__")[0]
            through = registry.for_model(object_type.model._meta.get_field(hop).related_model)
            # Through a record it may not see, the record "does not exist"; else the
            # nation is not its own.
            return {400} if role in through.nation_readers else {403}
        return {404} if role in object_type.nation_readers else {403}
    return {403}


def expected_action(role, name):
    """The status of a POST to a page or API action on a record of another nation."""
    if name in REVIEW_ACTIONS | REVIEW_PAGES:
        # A candidate is read by every role; only reviewers accept, merge or reject it.
        if role not in REVIEWERS:
            return {403}
        return {302} if name in REVIEW_PAGES else {200, 400}
    if name == "api:deliveries-receipt":
        # A receipt comes as multipart form data: the JSON sent here is refused (415) once
        # the delivery is found among those the caller reads.
        return {404} if role in registry.get("deliveries").nation_readers else {415}
    if name in API_ACTIONS:
        object_type = registry.get(name[4:].rsplit("-", 1)[0])
    else:
        object_type = registry.get(ACTION_PAGES[name])
    if role in ACTORS[name] and role in object_type.nation_readers:
        return {404}  # a record it may not read is not there for it
    if role in ACTORS[name]:
        # A page shows the record with the outcome; the API answers it, or why not.
        return {302} if name in ACTION_PAGES else {200, 400}
    if name in API_ACTIONS:
        return {403}
    if role in object_type.view_roles and role not in object_type.nation_readers:
        return {403}
    return {404}  # a record it may not read is not there for it


def api_body(object_type, kwargs, records, nation_code):
    """A valid record of the sample's nation, named as the sample for a change."""
    from cadre.accounts.models import Nation

    nation = None
    if object_type.nation_field:
        obj = sample(object_type, nation_code)
        nation = Nation.objects.get(pk=permissions.nation_id_of(obj, object_type.nation_field))
    body = records.payload(object_type, nation)
    key_field = object_type.key_field
    if key_field in kwargs:
        body[key_field] = kwargs[key_field]
    return body


def undone(send, url, body):
    """Send a write and roll it back, so that every request meets the same records."""
    with transaction.atomic():
        status = send(url, data=body, content_type="application/json").status_code
        transaction.set_rollback(True)
    return status


def check(client, role, nation_code, records):
    from django.urls import reverse

    failures = []
    for name, pattern in walk():
        for kwargs in sample_kwargs(name, pattern, nation_code):
            url = reverse(name, kwargs=kwargs) + SAMPLE_QUERIES.get(name, "")
            status = client.get(url).status_code
            api_record = name.startswith("api:") and name.endswith(("-list", "-detail"))
            if api_record:
                object_type = registry.get(name[4:].rsplit("-", 1)[0])
                want = expected_read(role, object_type, one_record=name.endswith("-detail"))
            else:
                want = expected_page(role, name, kwargs)
            if status not in want:
                failures.append(f"{role} GET {url}: {status}, expected {sorted(want)}")
            if name in API_ACTIONS or name in ACTION_PAGES:
                status = undone(client.post, url, {})
                want = expected_action(role, name)
                if status not in want:
                    failures.append(f"{role} POST {url}: {status}, expected {sorted(want)}")
            if not api_record:
                continue
            methods = ["post"] if name.endswith("-list") else ["put", "patch", "delete"]
            for method in methods:
                body = api_body(object_type, kwargs, records, nation_code)
                status = undone(getattr(client, method), url, body)
                want = expected_api_write(role, name, method, kwargs)
                if status not in want:
                    failures.append(
                        f"{role} {method.upper()} {url}: {status}, expected {sorted(want)}"
                    )
    return failures


def hold_every_type(records, other_nation):
    """A record of every type the dataset does not hold, of another nation where scoped."""
    for object_type in registry.object_types():
        if not object_type.model.objects.exists():
            nation = other_nation if object_type.nation_field else None
            records.create(object_type.model, in_nation=nation)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_url_answers_each_role_as_its_permissions_say(
    role, dataset, client_as, nation, other_nation, records
):
    hold_every_type(records, other_nation)
    client = client_as(role)
    failures = check(client, role, nation.code, records)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_nobody_signed_in_gets_no_page_and_no_data(dataset, client, records, other_nation):
    from django.urls import reverse

    hold_every_type(records, other_nation)
    failures = []
    for name, pattern in walk():
        if name in PUBLIC:
            continue
        for kwargs in sample_kwargs(name, pattern, "CAN"):
            url = reverse(name, kwargs=kwargs)
            if (name.startswith("api:") or name in OWN_API) and name not in (
                "api:root",
                "api:docs",
            ):
                status = client.get(url).status_code
                ok = status in (401, 403)
            else:
                # Redirects may pass through other pages but must end at a sign-in form.
                response = client.get(url, follow=True)
                status = response.status_code
                ok = status == 405 or (
                    status == 200 and 'name="password"' in response.content.decode()
                )
            if not ok:
                failures.append(f"anonymous GET {url}: {status}")
    assert not failures, "\n".join(failures)
