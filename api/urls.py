from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views


class Router(DefaultRouter):
    include_format_suffixes = False


router = Router()
router.register("cities", views.CityViewSet, basename="city")
router.register("schemes", views.SchemeViewSet, basename="scheme")
router.register("pairings", views.PairingViewSet, basename="pairing")
router.register("toolkits", views.ToolkitViewSet, basename="toolkit")
router.register("practices", views.PracticeViewSet, basename="practice")
router.register("events", views.EventViewSet, basename="event")
router.register("plans", views.PlanViewSet, basename="plan")
router.register("visits", views.VisitViewSet, basename="visit")
router.register("reports", views.ReportViewSet, basename="report")
router.register("recommendations", views.RecommendationViewSet, basename="recommendation")

app_name = "api"

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", views.docs, name="docs"),
    path("api/docs/try/", views.docs_explorer, name="docs_explorer"),
    path("api/", include(router.urls)),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
