from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from cadre.core.admin import register_admin

from . import objects  # noqa: F401  (the declarations the admin is built from)
from .models import ApiToken, User

register_admin("accounts")


@admin.register(User)
class CadreUserAdmin(UserAdmin):
    list_display = ["username", "role", "nation", "is_active", "last_login"]
    list_filter = ["role", "nation", "is_active"]
    fieldsets = [*UserAdmin.fieldsets, ("Cadre", {"fields": ["role", "nation", "language"]})]
    add_fieldsets = [*UserAdmin.add_fieldsets, ("Cadre", {"fields": ["role", "nation"]})]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created", "last_used", "revoked"]
    readonly_fields = ["prefix", "digest", "created", "last_used"]
