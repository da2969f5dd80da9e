"""The signed links in the emails: confirm (expires) and unsubscribe (does not).

A link carries the subscriber's row number and the first characters of its digest, signed
with the secret key; never the address, since links end up in web servers' access logs.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

_CONFIRM = "quietroom.subscriptions.confirm"
_UNSUBSCRIBE = "quietroom.subscriptions.unsubscribe"
# Enough of the digest that a row number used again after a deletion opens nothing.
_CHECK = 16


def confirm_token(subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.digest[:_CHECK]], salt=_CONFIRM, compress=True)


def unsubscribe_token(subscriber) -> str:
    return signing.dumps(
        [subscriber.pk, subscriber.digest[:_CHECK]], salt=_UNSUBSCRIBE, compress=True
    )


def subscriber_for(token: str, *, confirming: bool):
    """The subscriber a link names, or None for a forged, expired or spent link."""
    from quietroom.subscriptions.models import Subscriber

    try:
        if confirming:
            pk, check = signing.loads(
                token, salt=_CONFIRM, max_age=settings.QUIETROOM_SUBSCRIBE_CONFIRM_HOURS * 3600
            )
        else:
            pk, check = signing.loads(token, salt=_UNSUBSCRIBE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or subscriber.digest[:_CHECK] != check:
        return None
    return subscriber


def site_url(site) -> str:
    """The practice's address as a reader reaches it: https wherever production runs."""
    scheme = "https" if settings.SECURE_SSL_REDIRECT or site.port == 443 else "http"
    port = "" if site.port in (80, 443) else f":{site.port}"
    return f"{scheme}://{site.hostname}{port}"


def confirm_url(subscriber) -> str:
    return site_url(subscriber.site) + reverse(
        "subscribe_confirm", args=[confirm_token(subscriber)]
    )


def unsubscribe_url(subscriber) -> str:
    return site_url(subscriber.site) + reverse("unsubscribe", args=[unsubscribe_token(subscriber)])
