from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/read/", views.mark_all_read, name="mark_all_read"),
    path("notifications/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("staff/outbox/", views.outbox, name="outbox"),
    path("staff/outbox/<int:pk>/resend/", views.resend_email, name="resend_email"),
]
