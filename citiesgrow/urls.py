from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views
from .admin_actions import export_selected_as_csv

admin.site.site_header = _("CITIES-GROW administration")
admin.site.site_title = _("CITIES-GROW admin")
# Staff sign in through allauth, so the second factor cannot be skipped.
admin.site.login = secure_admin_login(admin.site.login)
# Every list in the admin can export the rows staff selected, with the list's columns.
admin.site.add_action(export_selected_as_csv)

handler500 = "citiesgrow.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("mentoring.urls")),
    path("", include("toolkits.urls")),
    path("", include("actionplans.urls")),
    path("", include("events.urls")),
    path("", include("citiesgrow.dashboard_urls")),
    path("", include("api.urls")),
    path("", include("accounts.urls")),
    path("", include("notifications.urls")),
    path("", include("deliverables.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]
