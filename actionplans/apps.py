from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = "Local action plans"

    def ready(self):
        from . import dashboard, export_tables, reminders

        reminders.register()
        dashboard.register()
        export_tables.register()
