from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplansConfig(AppConfig):
    name = "actionplans"
    verbose_name = _("Local action plans")

    def ready(self):
        from . import dashboard, deliverables, export_tables, reminders

        reminders.register()
        # The plan's PDF, its key actions on the pairing's infographic, plans' progress in the interim report.
        deliverables.register()
        dashboard.register()
        export_tables.register()
