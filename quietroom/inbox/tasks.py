"""The notification email, sent by the worker and tried again when the mail server fails."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from quietroom.inbox.models import ConsultationRequest

logger = logging.getLogger("quietroom.inbox")

NOTIFICATION_SUBJECT = "New consultation request for {site}"
NOTIFICATION_BODY = (
    "A new consultation request arrived on {site}.\n\n"
    "Sign in to read it: {url}\n\n"
    "For the person's privacy this email does not contain the request."
)
# Seconds before the second, third and fourth attempt.
RETRY_DELAYS = (60, 300, 1800)


@task()
def send_notification(request_id: str, practice_email: str, site_name: str, attempt: int = 1):
    """Tell the practice a request arrived, without any of its content; record the outcome
    on the request. A failure is logged with the exception's class only (never an address)
    and tried again later, up to len(RETRY_DELAYS) more times."""
    if not ConsultationRequest.objects.filter(pk=request_id).exists():
        return "gone"  # deleted before the mail went out: nothing to tell
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("inbox:index")
    try:
        send_mail(
            NOTIFICATION_SUBJECT.format(site=site_name),
            NOTIFICATION_BODY.format(site=site_name, url=url),
            None,
            [practice_email],
        )
    except Exception as failure:
        retry = attempt <= len(RETRY_DELAYS) and send_notification.get_backend().supports_defer
        error = type(failure).__name__
        logger.warning(
            "Notification for consultation request %s failed (attempt %s): %s%s",
            request_id,
            attempt,
            error,
            "; trying again later" if retry else "",
        )
        record(request_id, ConsultationRequest.Notification.FAILED, error)
        if retry:
            later = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
            send_notification.using(run_after=later).enqueue(
                request_id, practice_email, site_name, attempt + 1
            )
        return "failed"
    record(request_id, ConsultationRequest.Notification.SENT, "")
    return "sent"


def record(request_id: str, status: str, error: str) -> None:
    ConsultationRequest.objects.filter(pk=request_id).update(
        notification=status, notification_error=error
    )
