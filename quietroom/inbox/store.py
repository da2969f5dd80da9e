"""Storing a consultation request (encrypted, in one transaction) and notifying the practice."""

from django.db import transaction

from quietroom.inbox import keyring, tasks
from quietroom.inbox.models import ConsultationRequest


def store_request(data: dict, site) -> ConsultationRequest:
    """Encrypt `data` with the practice's own key and save it as a new request for `site`;
    returns the saved request.

    Raises ImproperlyConfigured when no inbox key is available: nothing is ever stored in
    plain text.
    """
    with transaction.atomic():
        ciphertext = keyring.seal(site.pk, data)
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
