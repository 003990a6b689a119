from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("programmes/<slug:slug>/", views.programme_detail, name="programme"),
    path("programmes/<slug:slug>/schemes/<str:code>/", views.scheme_detail, name="scheme"),
    path("pairings/<int:pk>/", views.pairing_detail, name="pairing"),
    path("cities/", views.city_list, name="cities"),
    path("cities/<slug:slug>/", views.city_detail, name="city"),
    path("people/", views.people_list, name="people"),
    # Visits, briefs, reports and recommendations
    path("pairings/<int:pk>/visits/new/", views.visit_plan, name="visit_plan"),
    path("pairings/<int:pk>/calendar-feed/reset/", views.pairing_feed_reset, name="pairing_feed_reset"),
    path("visits/<int:pk>/", views.visit_detail, name="visit"),
    path("visits/<int:pk>/edit/", views.visit_edit, name="visit_edit"),
    path("visits/<int:pk>/status/", views.visit_status, name="visit_status"),
    path("visits/<int:pk>/agenda/", views.agenda_item_add, name="agenda_item_add"),
    path("visits/<int:pk>/agenda/<int:item_pk>/remove/", views.agenda_item_remove, name="agenda_item_remove"),
    path("visits/<int:pk>/participants/", views.participant_add, name="participant_add"),
    path("visits/<int:pk>/participants/<int:item_pk>/remove/", views.participant_remove, name="participant_remove"),
    path("visits/<int:pk>/files/", views.attachment_add, name="attachment_add"),
    path("visits/<int:pk>/files/<int:item_pk>/", views.attachment_download, name="attachment"),
    path("visits/<int:pk>/files/<int:item_pk>/remove/", views.attachment_remove, name="attachment_remove"),
    path("visits/<int:pk>/brief/", views.brief, name="visit_brief"),
    path("visits/<int:pk>/report/", views.report, name="visit_report"),
    path("visits/<int:pk>/report/edit/", views.report_edit, name="visit_report_edit"),
    path("visits/<int:pk>/report/submit/", views.report_submit, name="visit_report_submit"),
    path("visits/<int:pk>/report/public/", views.report_publish, name="visit_report_publish"),
    path("visits/<int:pk>/report/recommendations/", views.recommendation_add, name="recommendation_add"),
    path(
        "visits/<int:pk>/report/recommendations/<int:number>/remove/",
        views.recommendation_remove,
        name="recommendation_remove",
    ),
    path("recommendations/<int:pk>/answer/", views.recommendation_respond, name="recommendation_respond"),
    path("recommendations/<int:pk>/follow-up/", views.recommendation_follow_up, name="recommendation_follow_up"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/feed/reset/", views.calendar_feed_reset, name="calendar_feed_reset"),
    path("calendar/feeds/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
