from django.urls import path

from . import dashboard_views as views

app_name = "dashboards"

urlpatterns = [
    # Under /staff/: coordinator staff need their second factor (accounts.middleware).
    path("staff/dashboard/", views.coordinator, name="coordinator"),
    path("staff/dashboard/export.<str:fmt>", views.coordinator_export, name="coordinator_export"),
    path("dashboard/expert/", views.expert, name="expert"),
    path("dashboard/expert/export.<str:fmt>", views.expert_export, name="expert_export"),
    path("dashboard/city/", views.city, name="city"),
    path("dashboard/city/export.<str:fmt>", views.city_export, name="city_export"),
    path("exports/", views.export_index, name="exports"),
    path("exports/everything.xlsx", views.export_everything, name="export_everything"),
    path("exports/<slug:kind>.<str:fmt>", views.export, name="export"),
]
