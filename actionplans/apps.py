from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Local action plans"

    def ready(self):
        from . import dashboard, reminders

        reminders.register()
        dashboard.register()
