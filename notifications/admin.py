from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Notification, OutboundEmail, Preference, Reminder, SiteConfiguration


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to_email", "subject", "event", "status", "attempts", "sent_at"]
    list_filter = ["status", "event"]
    search_fields = ["to_email", "subject", "dedupe_key"]
    date_hierarchy = "created_at"
    readonly_fields = [
        f.name for f in OutboundEmail._meta.get_fields() if getattr(f, "concrete", False) and not f.many_to_many
    ]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the selected failed e-mails again"))
    def resend(self, request, queryset):
        sent = 0
        for email in queryset.filter(status=OutboundEmail.Status.FAILED):
            try:
                services.resend_email(email=email)
                sent += 1
            except ValidationError:
                pass
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", sent) % {"count": sent},
            messages.SUCCESS,
        )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "event", "title", "target_title", "delivery", "read_at", "emailed_at"]
    list_filter = ["event", "delivery"]
    search_fields = ["recipient__email", "title", "target_title"]
    raw_id_fields = ["recipient", "actor", "email"]
    date_hierarchy = "created_at"


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "delivery"]
    list_filter = ["event", "delivery"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "kind", "target_type", "target_id", "due_on", "recipient"]
    list_filter = ["kind"]
    search_fields = ["recipient__email"]
    raw_id_fields = ["recipient"]


@admin.register(SiteConfiguration)
class SiteConfigurationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "digest_hour", "review_reminder_days"]

    def has_add_permission(self, request):
        return not SiteConfiguration.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
