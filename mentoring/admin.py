from django.contrib import admin
from django.db import models

from .models import (
    AgendaItem,
    Attachment,
    CalendarFeed,
    City,
    LearningBrief,
    Membership,
    Organisation,
    Pairing,
    Participant,
    Programme,
    Recommendation,
    Scheme,
    Visit,
    VisitReport,
)

# A URL typed without a scheme is taken as https (Django 6's default).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "local_name", "country", "iso_code"]
    list_filter = ["country"]
    search_fields = ["name", "local_name", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "starts_on", "ends_on", "coordinator"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    list_display = ["code", "short_title", "programme", "facilitator"]
    list_filter = ["programme", "facilitator"]
    search_fields = ["title", "short_title"]


@admin.register(Pairing)
class PairingAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["__str__", "scheme", "status", "verified", "confidence"]
    list_filter = ["programme", "scheme__code", "status", "verified"]
    search_fields = ["mentor_city__name", "implementing_city__name"]
    list_select_related = ["scheme", "mentor_city", "implementing_city"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "city", "organisation", "job_title"]
    list_filter = ["role", "city", "organisation"]
    search_fields = ["user__name", "user__email"]
    list_select_related = ["user", "city", "organisation"]
    autocomplete_fields = ["city", "organisation"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["user"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["content_type", "size", "uploaded_by", "uploaded_at"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["__str__", "pairing", "kind", "starts_on", "ends_on", "status", "brief_due_on", "report_due_on"]
    list_filter = ["kind", "status", "pairing__scheme__code"]
    search_fields = ["pairing__mentor_city__name", "pairing__implementing_city__name", "topics"]
    list_select_related = ["pairing__mentor_city", "pairing__implementing_city"]
    date_hierarchy = "starts_on"
    inlines = [AgendaItemInline, ParticipantInline, AttachmentInline]


@admin.register(LearningBrief)
class LearningBriefAdmin(admin.ModelAdmin):
    list_display = ["__str__", "submitted_at", "updated_at"]
    list_filter = [("submitted_at", admin.EmptyFieldListFilter), "visit__pairing__scheme__code"]
    search_fields = ["visit__pairing__mentor_city__name", "visit__pairing__implementing_city__name", "learning_goals"]
    list_select_related = ["visit__pairing__mentor_city", "visit__pairing__implementing_city"]


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0


@admin.register(VisitReport)
class VisitReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "submitted_at", "is_public"]
    list_filter = ["is_public", ("submitted_at", admin.EmptyFieldListFilter), "visit__pairing__scheme__code"]
    search_fields = ["visit__pairing__mentor_city__name", "visit__pairing__implementing_city__name", "summary"]
    list_select_related = ["visit__pairing__mentor_city", "visit__pairing__implementing_city"]
    inlines = [RecommendationInline]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "report", "author", "charter_commitment", "response", "follow_up"]
    list_filter = ["author", "response", "follow_up", "charter_commitment", "report__visit__pairing__scheme__code"]
    search_fields = ["text", "response_reason"]
    list_select_related = ["report__visit__pairing__mentor_city", "report__visit__pairing__implementing_city"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "reset_at"]
    readonly_fields = ["token", "created_at", "reset_at"]
