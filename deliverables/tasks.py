from celery import Task, shared_task
from django.conf import settings

from . import services


class RenderTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """The retries are spent (or the soft time limit struck): say so on the row, never leave it rendering."""
        services.record_failure(deliverable_id=args[0], reason=f"{type(exc).__name__}: {exc}")


@shared_task(
    base=RenderTask,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError,),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=3,
    soft_time_limit=settings.DELIVERABLES_SOFT_TIME_LIMIT,
    time_limit=settings.DELIVERABLES_HARD_TIME_LIMIT,
)
def render_deliverable(self, deliverable_id):
    services.render_deliverable(deliverable_id=deliverable_id, final_attempt=self.request.retries >= self.max_retries)


@shared_task
def requeue_stale_deliverables():
    return services.requeue_stale()
