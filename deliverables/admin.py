from django.contrib import admin

from .models import Deliverable, PairingProfile


@admin.register(Deliverable)
class DeliverableAdmin(admin.ModelAdmin):
    list_display = ["kind", "content_type", "object_id", "language", "status", "page_count", "size", "rendered_at"]
    list_filter = ["kind", "status", "language"]
    search_fields = ["checksum", "source_version", "error"]
    readonly_fields = [f.name for f in Deliverable._meta.fields]


@admin.register(PairingProfile)
class PairingProfileAdmin(admin.ModelAdmin):
    list_display = ["pairing", "is_demo", "updated_at"]
    list_filter = ["is_demo"]
