"""Celery tasks: load by id, call a service. Each is safe to run twice."""

from celery import shared_task
from django.utils import timezone

from . import reminders, services


@shared_task(
    autoretry_for=(services.TransientDeliveryError,),
    retry_backoff=10,
    retry_backoff_max=600,
    max_retries=services.MAX_ATTEMPTS,
)
def deliver_email(email_id):
    return services.deliver_email(email_id=email_id)


@shared_task
def sweep_outbox():
    return len(services.sweep_outbox(now=timezone.now()))


@shared_task
def send_due_digests():
    return services.send_due_digests(now=timezone.now())


@shared_task
def send_due_reminders():
    return reminders.send_due_reminders(now=timezone.now())
