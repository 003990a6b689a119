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
]
