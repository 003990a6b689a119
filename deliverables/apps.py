from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How often the sweep re-queues renderings that a dead worker or a lost message left behind.
SWEEP_SECONDS = 300.0


class DeliverablesConfig(AppConfig):
    name = "deliverables"
    verbose_name = _("PDF deliverables")

    def ready(self):
        from citiesgrow.celery import app as celery_app

        from . import event_links, kinds

        kinds.register()
        event_links.register()
        celery_app.conf.beat_schedule = {
            **(celery_app.conf.beat_schedule or {}),
            "deliverables-requeue-stale": {
                "task": "deliverables.tasks.requeue_stale_deliverables",
                "schedule": SWEEP_SECONDS,
            },
        }

    def load_demo(self):
        """Called by `manage.py load_demo`: the demo strengths and challenges of the pairings' infographics."""
        from .demo import load_demo_profiles

        return load_demo_profiles()
