"""Who is acting right now, for the audit trail.

A context variable holds the actor for the current request or command. Web requests
set it in AuditContextMiddleware (the user is read lazily, so that API token
authentication, which happens inside the view, is seen); the CLI sets it with
`acting_as()`. Signals read it when they write a change record.
"""

import contextlib
import contextvars
import uuid
from dataclasses import dataclass, field


@dataclass
class Actor:
    channel: str  # web, api, admin, cli, system
    request: object = None
    user: object = None
    request_id: uuid.UUID = field(default_factory=uuid.uuid4)
    record_fields: bool = True

    def resolve_user(self):
        user = self.user
        if user is None and self.request is not None:
            user = getattr(self.request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return user
        return None


_current: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("cadre_actor", default=None)


def current_actor() -> Actor:
    return _current.get() or Actor(channel="system")


@contextlib.contextmanager
def acting_as(actor: Actor):
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


@contextlib.contextmanager
def without_field_records():
    """Inside, saves write no per-object records: the caller writes one summary record
    (an import, a dataset load) instead."""
    actor = current_actor()
    quiet = Actor(
        channel=actor.channel,
        request=actor.request,
        user=actor.user,
        request_id=actor.request_id,
        record_fields=False,
    )
    with acting_as(quiet):
        yield quiet
