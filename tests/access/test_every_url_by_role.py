"""Every URL Cadre serves, asked by every role (and by nobody): allowed or refused.

The URLs are found by walking the URL configuration, so a new page or endpoint cannot
slip past this test: one it has no expectation for fails it. The expectations are
written out here, not derived from `cadre.core.permissions`, so that the test checks
the rules rather than repeating them.
"""

import uuid

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from cadre.core import registry
from cadre.core.roles import Role
from cadre.missions.models import Participation

WRITERS = {Role.ADMIN, Role.MISSION_STAFF}
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
    "core:list",
    "core:detail",
    "core:export-csv",
    "core:export-xlsx",
    "accounts:tokens",
    "api:docs",
    "api:schema",
}
PUBLIC = {"accounts:login", "health", "admin:login"}


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
    if name.startswith("api:") and name.endswith(("-list", "-detail")):
        object_type = registry.get(name[4:].rsplit("-", 1)[0])
        yield _object_args(params, object_type, nation_code, by_key=True)
        return
    args = {}
    if "pk" in params and name.startswith("jobs:"):
        from cadre.core.models import Job

        args["pk"] = Job.objects.get_or_create(kind="import", title="Someone else's import")[0].pk
    if "pk" in params and name.startswith("audit:"):
        from cadre.audit.models import ChangeRecord

        args["pk"] = ChangeRecord.objects.values_list("pk", flat=True).first()
    if "key" in params:
        args["key"] = "ntm-i" if name.startswith("missions:") else "nmi-2020"
    if "token_id" in params:
        args["token_id"] = ApiToken.objects.values_list("pk", flat=True).first() or 1
    if "object_id" in params:
        args["object_id"] = "1"
    if "id" in params:
        args["id"] = "1"
    if "content_type_id" in params:
        from django.contrib.contenttypes.models import ContentType

        args["content_type_id"] = ContentType.objects.get_for_model(Participation).pk
    if "app_label" in params:
        args["app_label"] = "missions"
    if params - args.keys():
        pytest.fail(f"{name}: no sample arguments for {sorted(params - args.keys())}")
    yield args


def _object_args(params, object_type, nation_code, by_key=False):
    args = {}
    model = object_type.model
    queryset = model.objects.order_by("pk")
    if object_type.nation_field:
        # Another nation's row: a nation contributor must not reach it.
        queryset = queryset.exclude(**{f"{object_type.nation_field}__code": nation_code})
    obj = queryset.first()
    assert obj is not None, f"the dataset has no {object_type.verbose_name} to ask for"
    if "pk" in params:
        args["pk"] = obj.pk
    if "upload" in params:
        args["upload"] = uuid.uuid4()
    key_field = object_type.key_field
    if key_field in params:
        args[key_field] = getattr(obj, key_field)
    return args


def expected_page(role, name, kwargs):
    """The status a signed-in role gets for GET on a page."""
    slug = kwargs.get("slug")
    if name in OPEN_PAGES:
        return {200}
    if name in PUBLIC:
        return {200, 302}  # the login page sends a signed-in user home
    if name == "jobs:detail":
        return {404}  # a job is shown only to whoever started it
    if name in ("audit:list", "audit:detail"):
        return {200} if role in AUDIT_READERS else {403}
    if name in ("core:add", "core:edit", "core:delete"):
        object_type = registry.get(slug)
        if not object_type.generic_writes:
            return {404}  # made only by the type's own service
        if role in WRITERS:
            return {200}
        if role in object_type.nation_writers:
            return {200} if name == "core:add" else {404}
        return {403}
    if name == "core:import":
        object_type = registry.get(slug)
        if not object_type.importable:
            return {404}
        return {200} if role in WRITERS | object_type.nation_writers else {403}
    if name in (
        "core:import-confirm",
        "api:root",
        "accounts:logout",
        "accounts:token-revoke",
        "set-language",
    ):
        return {302, 405}  # GET only redirects or is refused; the work is done by POST
    if name.startswith("admin:"):
        if role != Role.ADMIN:
            return {302}  # to the admin's sign-in
        if name in ("admin:audit_changerecord_add", "admin:audit_changerecord_delete"):
            return {403}  # the audit trail is read only, even for an admin
        # Some admin pages need arguments this walk does not give (autocomplete, a view
        # on site of a model without one) or refuse GET (logout): they may answer so.
        return {200, 302, 403, 404, 405}
    pytest.fail(f"no expectation for {name}")


def expected_api_write(role, name, method, kwargs):
    object_type = registry.get(name[4:].rsplit("-", 1)[0])
    if not object_type.generic_writes:
        return {405} if role in WRITERS else {403}
    if role in WRITERS:
        # An empty body is not a valid record; a delete may be refused for references.
        return {201, 400} if method == "post" else {200, 204, 400, 409}
    if role in object_type.nation_writers:
        return {400} if method == "post" else {403, 404}
    return {403}


def undone(send, url):
    """Send a write and roll it back, so that every request meets the same records."""
    with transaction.atomic():
        status = send(url, data={}, content_type="application/json").status_code
        transaction.set_rollback(True)
    return status


def check(client, role, nation_code):
    from django.urls import reverse

    failures = []
    for name, pattern in walk():
        for kwargs in sample_kwargs(name, pattern, nation_code):
            url = reverse(name, kwargs=kwargs)
            status = client.get(url).status_code
            if name.startswith("api:") and name.endswith(("-list", "-detail")):
                want = {200}
            else:
                want = expected_page(role, name, kwargs)
            if status not in want:
                failures.append(f"{role} GET {url}: {status}, expected {sorted(want)}")
            if name.startswith("api:") and name.endswith("-list"):
                methods = ["post"]
            elif name.startswith("api:") and name.endswith("-detail"):
                methods = ["put", "patch", "delete"]
            else:
                methods = []
            for method in methods:
                status = undone(getattr(client, method), url)
                want = expected_api_write(role, name, method, kwargs)
                if status not in want:
                    failures.append(
                        f"{role} {method.upper()} {url}: {status}, expected {sorted(want)}"
                    )
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_url_answers_each_role_as_its_permissions_say(
    role, dataset, client_as, nation, records
):
    for object_type in registry.object_types():
        if not object_type.model.objects.exists():
            records.create(object_type.model)  # types the dataset does not hold
    client = client_as(role)
    failures = check(client, role, nation.code)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_nobody_signed_in_gets_no_page_and_no_data(dataset, client, records):
    from django.urls import reverse

    for object_type in registry.object_types():
        if not object_type.model.objects.exists():
            records.create(object_type.model)
    failures = []
    for name, pattern in walk():
        if name in PUBLIC:
            continue
        for kwargs in sample_kwargs(name, pattern, "CAN"):
            url = reverse(name, kwargs=kwargs)
            if name.startswith("api:") and name != "api:root" and name != "api:docs":
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
