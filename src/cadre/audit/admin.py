from django.contrib import admin

from .models import ChangeRecord


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    """Read only: the audit trail is never edited or deleted through Cadre."""

    list_display = ["time", "username", "channel", "action", "content_type", "object_repr"]
    list_filter = ["action", "channel", "content_type"]
    search_fields = ["username", "object_repr", "message"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
