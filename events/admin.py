from django.contrib import admin

from .models import DateClaim, Event, Session


class DateClaimInline(admin.TabularInline):
    model = DateClaim
    extra = 0


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "city_name", "starts_on", "ends_on", "dates_confidence"]
    list_filter = ["kind", "dates_confidence", "programme"]
    search_fields = ["title", "subtitle", "city_name", "venue"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["visits"]
    inlines = [DateClaimInline, SessionInline]
