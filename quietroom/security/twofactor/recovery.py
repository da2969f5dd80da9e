"""Recovery codes: single-use codes for signing in when the authenticator app is not at hand."""

import logging
import secrets

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

logger = logging.getLogger("quietroom.security")

COUNT = 10
LENGTH = 10
# No 0, 1, i, l or o: the codes are read off paper and typed by hand.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# At or below this many left, the two-factor page suggests making new ones.
FEW = 3
DEVICE_NAME = "Recovery codes"


def normalise(text: str) -> str:
    """A typed code as it is stored: lower case, without the spaces and dashes it is shown with."""
    return "".join(text.lower().replace("-", "").split())


def is_code(text: str) -> bool:
    """True when normalised `text` has the shape of a recovery code (whether or not it is one)."""
    return len(text) == LENGTH and all(ch in ALPHABET for ch in text)


def shown(code: str) -> str:
    half = LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user).order_by("pk").first()


@transaction.atomic
def replace_codes(user) -> list[str]:
    """Give `user` new recovery codes, void every earlier one, and return the new ones.

    The return value is the only place the codes can be read in a form fit for showing;
    django-otp keeps them in its StaticToken table, deleting each as it is used.
    """
    device = recovery_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = ["".join(secrets.choice(ALPHABET) for _ in range(LENGTH)) for _ in range(COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [shown(code) for code in codes]


def remaining(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def use_code(device: StaticDevice, code: str) -> bool:
    """Spend `code` if it is one of `device`'s; False if not, or while the device is throttled.

    django-otp counts a wrong code towards the device's throttling. The device row is locked
    first, so two requests racing with the same code cannot both spend it.
    """
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().get(pk=device.pk)
        used = device.verify_token(code)
    if used:
        left = device.token_set.count()
        logger.info("User %s signed in with a recovery code; %s left.", device.user_id, left)
    return used
