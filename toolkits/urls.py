from django.urls import path

from . import views

app_name = "toolkits"

urlpatterns = [
    path("charter/", views.charter, name="charter"),
    path("european-modules/", views.european_modules, name="european_modules"),
    path("toolkits/", views.toolkit_list, name="toolkits"),
    path("toolkits/<slug:slug>/", views.toolkit_detail, name="toolkit"),
    path("toolkits/<slug:slug>/edit/", views.toolkit_edit, name="toolkit_edit"),
    path("toolkits/<slug:slug>/comments/", views.toolkit_comment, name="toolkit_comment"),
    path("toolkits/<slug:slug>/steps/<slug:action>/", views.toolkit_transition, name="toolkit_transition"),
    path("library/", views.library, name="library"),
    path("library/new/", views.practice_create, name="practice_create"),
    path("library/review/", views.review_queue, name="review_queue"),
    path("library/<slug:slug>/", views.practice_detail, name="practice"),
    path("library/<slug:slug>/edit/", views.practice_edit, name="practice_edit"),
    path("library/<slug:slug>/links/new/", views.practice_add_link, name="practice_add_link"),
    path("library/<slug:slug>/videos/new/", views.practice_add_video, name="practice_add_video"),
    path("library/<slug:slug>/steps/<slug:action>/", views.practice_transition, name="practice_transition"),
    path("library/<slug:slug>/transferability/", views.practice_transferability, name="practice_transferability"),
    path("cities/<slug:slug>/self-assessment/", views.self_assessment, name="self_assessment"),
    path(
        "cities/<slug:slug>/self-assessment/<slug:moment>/edit/",
        views.self_assessment_edit,
        name="self_assessment_edit",
    ),
]
