from celery import shared_task

from . import emails


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_report_submitted_email(report_id):
    emails.deliver_report_submitted(report_id)
