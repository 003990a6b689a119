from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the platform, never by hand."""

    list_display = ["at", "actor_email", "action", "target_repr", "ip_address"]
    list_filter = ["action", "at"]
    search_fields = ["actor_email", "target_repr"]
    date_hierarchy = "at"
    list_select_related = ["target_type"]
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
