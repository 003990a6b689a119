from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("staff/invitations/", views.invitations, name="invitations"),
    path("staff/invitations/<int:pk>/resend/", views.resend_invitation, name="resend_invitation"),
    path("staff/invitations/<int:pk>/revoke/", views.revoke_invitation, name="revoke_invitation"),
    path("invitations/<str:key>/", views.accept_invitation, name="accept_invitation"),
    path("language/", views.choose_language, name="language"),
]
