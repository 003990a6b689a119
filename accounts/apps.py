from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "People and sign-in"

    def ready(self):
        from . import receivers  # noqa: F401 - connects the outbox's "sent" signal
