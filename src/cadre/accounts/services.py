"""Writes on users: creation with a role, demo users, API tokens."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cadre.core.roles import NATION_BOUND_ROLES, Role

from .models import ApiToken, Nation, User


class UserError(Exception):
    pass


@transaction.atomic
def user_create(*, username, role, nation_code=None, password=None, **extra):
    """Create a user with a role; returns (user, password).

    A random password is made when none is given."""
    if role not in Role.values:
        raise UserError(f"unknown role '{role}'; choose one of {', '.join(Role.values)}")
    nation = None
    if nation_code:
        nation = Nation.objects.filter(code=nation_code.upper()).first()
        if nation is None:
            raise UserError(f"no nation with code '{nation_code}'")
    elif role in NATION_BOUND_ROLES:
        raise UserError(f"the role {role} needs --nation")
    if User.objects.filter(username=username).exists():
        raise UserError(f"user '{username}' exists already")
    password = password or secrets.token_urlsafe(12)
    user = User(username=username, role=role, nation=nation, **extra)
    user.is_staff = role == Role.ADMIN
    user.is_superuser = role == Role.ADMIN
    user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as exc:
        raise UserError("; ".join(exc.messages)) from exc
    user.save()
    return user, password


DEMO_NATION = {Role.NATION_CONTRIBUTOR: "CAN"}


def ensure_demo_users():
    """One demo user per role, named demo-<role>; returns [(user, password)] for new ones."""
    created = []
    for role in Role.values:
        username = f"demo-{role.replace('_', '-')}"
        if User.objects.filter(username=username).exists():
            continue
        nation = DEMO_NATION.get(role)
        if nation and not Nation.objects.filter(code=nation).exists():
            nation = (
                None
                if role not in NATION_BOUND_ROLES
                else Nation.objects.values_list("code", flat=True).first()
            )
        created.append(user_create(username=username, role=role, nation_code=nation))
    return created


@transaction.atomic
def api_token_create(*, user, name):
    """Create a token; returns (token, key). Only the key's hash is kept."""
    key = ApiToken.new_key()
    token = ApiToken(user=user, name=name, prefix=key[:8], digest=ApiToken.digest_of(key))
    token.full_clean()
    token.save()
    return token, key


@transaction.atomic
def api_token_revoke(*, token):
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
    return token
