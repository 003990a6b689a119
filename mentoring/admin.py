from django.contrib import admin
from django.db import models

from .models import City, Membership, Organisation, Pairing, Programme, Scheme

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
