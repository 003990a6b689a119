"""The staff's back office for toolkits and the library. State changes go through the services (the
pages' buttons); the admin edits content and reference data."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import models
from .services import refresh_search_vectors


class ReadOnlyHistory:
    """Audit rows are written by the services only: staff read them, nobody edits or deletes them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ActivityInline(ReadOnlyHistory, admin.TabularInline):
    model = models.Activity
    extra = 0
    fields = ["at", "actor", "action", "from_state", "to_state"]
    readonly_fields = fields
    ordering = ["-at"]
    verbose_name_plural = "history"


class CommitmentInline(admin.TabularInline):
    model = models.CharterCommitment
    extra = 0


@admin.register(models.CharterRole)
class CharterRoleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "position"]
    inlines = [CommitmentInline]


class ComponentInline(admin.TabularInline):
    model = models.ModuleComponent
    extra = 0


@admin.register(models.EuropeanModule)
class EuropeanModuleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "components_complete"]
    inlines = [ComponentInline]


@admin.register(models.Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class KeyFactorInline(admin.StackedInline):
    model = models.KeyFactor
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = models.Recommendation
    extra = 0


@admin.register(models.Toolkit)
class ToolkitAdmin(admin.ModelAdmin):
    list_display = ["title", "series", "year", "scheme", "state", "version", "is_demo"]
    list_filter = ["series", "state", "is_demo"]
    search_fields = ["title", "theme"]
    readonly_fields = ["state", "version", "published_at"]
    inlines = [KeyFactorInline, RecommendationInline, ActivityInline]


@admin.register(models.KeyFactor)
class KeyFactorAdmin(admin.ModelAdmin):
    list_display = ["title", "toolkit", "position"]
    list_filter = ["toolkit"]
    inlines = [type("QuestionInline", (admin.TabularInline,), {"model": models.GuidingQuestion, "extra": 0})]


class LinkInline(admin.TabularInline):
    model = models.PracticeLink
    extra = 0


class VideoInline(admin.StackedInline):
    model = models.Video
    extra = 0


@admin.register(models.GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "city_name", "country_code", "scheme", "state", "is_demo"]
    list_filter = ["state", "series", "scheme", "country_code", "is_demo"]
    search_fields = ["title", "summary", "city_name"]
    readonly_fields = ["state", "published_at", "validated_at", "validated_by", "submitted_by"]
    raw_id_fields = ["city", "adapted_from"]
    filter_horizontal = ["themes", "commitments", "components", "key_factors"]
    inlines = [LinkInline, VideoInline, ActivityInline]
    actions = ["reindex"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_vectors(models.GoodPractice.objects.filter(pk=form.instance.pk))

    @admin.action(description=_("Rebuild the search index of the selected practices"))
    def reindex(self, request, queryset):
        count = refresh_search_vectors(queryset)
        self.message_user(
            request,
            ngettext("%(count)s practice re-indexed.", "%(count)s practices re-indexed.", count) % {"count": count},
        )


class RatingInline(admin.TabularInline):
    model = models.CommitmentRating
    extra = 0


@admin.register(models.SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ["city", "programme", "moment", "updated_at", "is_demo"]
    list_filter = ["programme", "moment", "is_demo"]
    search_fields = ["city__name"]
    list_select_related = ["city", "programme"]
    inlines = [RatingInline]


@admin.register(models.TransferabilityAssessment)
class TransferabilityAdmin(admin.ModelAdmin):
    list_display = ["practice", "city", "legal", "financial", "governance", "skills", "stakeholders"]
    list_filter = [("city", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["practice__title", "city__name"]
    list_select_related = ["practice", "city"]


@admin.register(models.Activity)
class ActivityAdmin(ReadOnlyHistory, admin.ModelAdmin):
    list_display = ["at", "actor", "action", "toolkit", "practice", "from_state", "to_state"]
    list_filter = ["action", "to_state", ("toolkit", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["action", "actor__email", "actor__name", "toolkit__title", "practice__title"]
    list_select_related = ["actor", "toolkit", "practice"]
    date_hierarchy = "at"
