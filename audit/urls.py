from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    # Under /staff/: coordinator staff need their second factor (accounts.middleware).
    path("staff/audit/", views.log, name="log"),
    path("staff/audit/export.csv", views.export, name="export"),
]
