"""Storing a consultation request (encrypted, in one transaction) and notifying the practice."""

from django.db import transaction

from quietroom.inbox import crypto, tasks
from quietroom.inbox.models import ConsultationRequest


def store_request(data: dict, site) -> ConsultationRequest:
    """Encrypt `data` and save it as a new request for `site`; returns the saved request.

    Raises ImproperlyConfigured when no inbox key is available: nothing is ever stored in
    plain text.
    """
    ciphertext = crypto.encrypt(data)
    with transaction.atomic():
        return ConsultationRequest.objects.create(site=site, ciphertext=ciphertext)


def notify(request: ConsultationRequest, practice_email: str, site_name: str) -> None:
    """Tell the practice a request arrived, without any of its content: queued for the
    worker, which records on the request whether it went (see tasks.send_notification).
    Never raised: the request is already safely stored."""
    if not practice_email:
        ConsultationRequest.objects.filter(pk=request.pk).update(
            notification=ConsultationRequest.Notification.NOT_CONFIGURED
        )
        request.notification = ConsultationRequest.Notification.NOT_CONFIGURED
        return
    tasks.send_notification.enqueue(str(request.pk), practice_email, site_name)
    request.refresh_from_db(fields=["notification", "notification_error"])
