from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ApiToken, User


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
