from django.contrib import admin

from .models import ActionPlan, Comment, Decision, Event, PlanVersion, Review, Transition


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "by", "at", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    """Read-mostly: states change only through the plan's pages, so every change is audited."""

    list_display = ["title", "pairing", "state", "state_changed_at"]
    list_filter = ["state", "pairing__scheme__code"]
    search_fields = ["title", "pairing__implementing_city__name", "pairing__mentor_city__name"]
    readonly_fields = ["pairing", "state", "state_changed_at", "lock_version", "created_by", "created_at"]
    inlines = [TransitionInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    list_display = ["plan", "number", "state", "reason", "created_at", "created_by"]
    list_filter = ["state"]
    readonly_fields = ["plan", "number", "state", "reason", "snapshot", "created_at", "created_by"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["plan", "reviewer", "outcome", "created_at"]
    list_filter = ["outcome"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["plan", "kind", "body", "reference", "decided_on"]
    list_filter = ["kind"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["plan", "section", "author", "created_at", "resolved_at"]
    list_filter = ["section"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "actor", "created_at", "delivered_at"]
    list_filter = ["name"]
