from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Open data API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import schema  # noqa: F401 - registers the token scheme with drf-spectacular
