from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = "Mentoring network"

    def ready(self):
        from . import reminders

        reminders.register()
