"""API authentication by personal token: `Authorization: Token <key>`."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .models import ApiToken

# How stale `last_used` may get: writing it on every request would cost a write per read.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)

HEADER_FORM = _("Send the token as 'Authorization: Token <key>'.")


class ApiTokenAuthentication(BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(HEADER_FORM)
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(HEADER_FORM) from None
        token = (
            ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(key)).first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("This API token is not known. Check it, or create a new one.")
            )
        if token.revoked is not None:
            raise exceptions.AuthenticationFailed(
                _("This API token was revoked. Create a new one.")
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("The account this token belongs to is disabled.")
            )
        now = timezone.now()
        if token.last_used is None or now - token.last_used >= LAST_USED_RESOLUTION:
            # update() rather than save(): using a token is not a change to the record.
            ApiToken.objects.filter(pk=token.pk).update(last_used=now)
            token.last_used = now
        return token.user, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
