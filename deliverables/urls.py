from django.urls import path

from . import views

app_name = "deliverables"

urlpatterns = [
    path("deliverables/<slug:kind>/<int:object_id>/generate/", views.generate, name="generate"),
    path("deliverables/<slug:kind>/<int:object_id>/preview/", views.preview, name="preview"),
    path("deliverables/<int:pk>/status/", views.status, name="status"),
    path("deliverables/<int:pk>/download/", views.download, name="download"),
    path("staff/deliverables/", views.staff_list, name="staff"),
    path("staff/deliverables/render-all/", views.render_all, name="render_all"),
]
