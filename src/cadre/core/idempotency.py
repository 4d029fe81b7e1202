"""One record for one intent, however often it is sent.

An API create carrying an `Idempotency-Key` header, and an add page's form (its
`form_token`), claims its key inside the write's transaction. The first request with a
key makes the record and keeps its answer for a day; the same user sending the same key
to the same address again gets that answer back and nothing is written. Two requests
with one key at the same moment queue on the unique constraint: the second waits for the
first to commit, then replays its answer. A write that fails keeps nothing, so a retry
after an error is tried afresh.
"""

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import IdempotentRequest

KEPT_FOR = datetime.timedelta(days=1)
LONGEST_KEY = 200


class KeyReused(Exception):
    """The key was sent before with a different request."""

    def __init__(self):
        super().__init__(
            _(
                "This Idempotency-Key was already used for a different request. Use a new "
                "key for each new record."
            )
        )
        self.message = self.args[0]


def fingerprint(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def claim(*, user, key: str, scope: str, content: bytes = b""):
    """(claim, None) the first time: do the work, then `keep()` the answer on the claim; or
    (None, earlier) with the answer an earlier request got. Call inside transaction.atomic()."""
    IdempotentRequest.objects.filter(created__lt=timezone.now() - KEPT_FOR).delete()
    signature = fingerprint(content)
    try:
        with transaction.atomic():
            return (
                IdempotentRequest.objects.create(
                    user=user, key=key[:LONGEST_KEY], scope=scope, fingerprint=signature
                ),
                None,
            )
    except IntegrityError:
        earlier = IdempotentRequest.objects.get(user=user, key=key[:LONGEST_KEY], scope=scope)
        if earlier.fingerprint != signature:
            raise KeyReused() from None
        return None, earlier


def keep(claimed: IdempotentRequest, status: int, body):
    claimed.status, claimed.body = status, body
    claimed.save(update_fields=["status", "body"])
