from django.conf import settings

from citiesgrow.celery import app as celery_app
from notifications import tasks


def test_every_scheduled_task_exists():
    celery_app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in celery_app.tasks


def test_the_sweep_runs_every_minute_and_digests_and_reminders_hourly():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["outbox-sweep"]["schedule"] == 60.0
    assert str(schedule["daily-digests"]["schedule"]).startswith("<crontab: 0 *")


def test_the_periodic_tasks_run(db):
    assert tasks.sweep_outbox.delay().get() == 0
    assert tasks.send_due_reminders.delay().get() == 0
    assert tasks.send_due_digests.delay().get() == 0
