"""Storing a consultation request (encrypted, in one transaction) and notifying the practice."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from quietroom.inbox import crypto
from quietroom.inbox.models import ConsultationRequest

logger = logging.getLogger("quietroom.inbox")

NOTIFICATION_SUBJECT = "New consultation request for {site}"
NOTIFICATION_BODY = (
    "A new consultation request arrived on {site}.\n\n"
    "Sign in to read it: {url}\n\n"
    "For the person's privacy this email does not contain the request."
)


def store_request(data: dict, site) -> ConsultationRequest:
    """Encrypt `data` and save it as a new request for `site`; returns the saved request.

    Raises ImproperlyConfigured when no inbox key is available: nothing is ever stored in
    plain text.
    """
    ciphertext = crypto.encrypt(data)
    with transaction.atomic():
        return ConsultationRequest.objects.create(site=site, ciphertext=ciphertext)


def notify(request: ConsultationRequest, practice_email: str, site_name: str) -> None:
    """Tell the practice a request arrived, without any of its content.

    A failure to send is recorded on the request (and logged without content), never raised:
    the request is already safely stored.
    """
    if not practice_email:
        status, error = ConsultationRequest.Notification.NOT_CONFIGURED, ""
    else:
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("inbox:index")
        try:
            send_mail(
                NOTIFICATION_SUBJECT.format(site=site_name),
                NOTIFICATION_BODY.format(site=site_name, url=url),
                None,
                [practice_email],
            )
        except Exception as failure:
            status, error = ConsultationRequest.Notification.FAILED, type(failure).__name__
            logger.warning("Notification for consultation request %s failed: %s", request.pk, error)
        else:
            status, error = ConsultationRequest.Notification.SENT, ""
    ConsultationRequest.objects.filter(pk=request.pk).update(
        notification=status, notification_error=error
    )
    request.notification, request.notification_error = status, error
