"""Taking away a user's authenticator devices, so they enrol again (a lost or replaced phone)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


class UnknownUser(Exception):
    """No user has that username."""


@dataclass(frozen=True)
class Removed:
    devices: int
    recovery_codes: int


@transaction.atomic
def remove_devices(username: str, dry_run: bool = False) -> Removed:
    """Delete every TOTP device and recovery code of `username`; say how many there were.

    Their current sessions lose their verified state at the next request, and the next
    sign-in asks them to enrol a new device (which brings new recovery codes). Raises
    UnknownUser for an unknown username.
    """
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise UnknownUser(f"There is no user called “{username}”.")
    devices = TOTPDevice.objects.filter(user=user)
    removed = Removed(
        devices=devices.count(),
        recovery_codes=StaticToken.objects.filter(device__user=user).count(),
    )
    if not dry_run:
        devices.delete()
        StaticDevice.objects.filter(user=user).delete()
    return removed
