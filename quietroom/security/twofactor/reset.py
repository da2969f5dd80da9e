"""Taking away a user's authenticator devices, so they enrol again (a lost or replaced phone)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class UnknownUser(Exception):
    """No user has that username."""


@transaction.atomic
def remove_devices(username: str, dry_run: bool = False) -> int:
    """Delete every TOTP device of `username` and return how many there were.

    Their current sessions lose their verified state at the next request, and the next
    sign-in asks them to enrol a new device. Raises UnknownUser for an unknown username.
    """
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UnknownUser(f"There is no user called “{username}”.")
    devices = TOTPDevice.objects.filter(user=user)
    count = devices.count()
    if not dry_run:
        devices.delete()
    return count
