"""Recovery codes: single-use codes for signing in when the authenticator app is not at hand."""

import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac
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


def digest(code: str, secret: str | None = None) -> str:
    """What is kept of a normalised code: a digest keyed by the site's secret key, cut to
    django-otp's 16-character column, so a copy of the database alone opens nothing."""
    keyed = salted_hmac("quietroom.recovery-code", code, secret=secret, algorithm="sha256")
    return keyed.hexdigest()[:16]


def digests(code: str) -> list[str]:
    """The digests `code` may be stored under: the current secret key, then earlier ones still
    accepted (SECRET_KEY_FALLBACKS), so rotating the key does not void anyone's codes."""
    secrets_in_use = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [digest(code, secret) for secret in secrets_in_use]


def shown(code: str) -> str:
    half = LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user).order_by("pk").first()


@transaction.atomic
def replace_codes(user) -> list[str]:
    """Give `user` new recovery codes, void every earlier one, and return the new ones.

    The return value is the only place the codes can be read at all: django-otp's
    StaticToken table keeps only their digests, deleting each as it is used.
    """
    device = recovery_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = ["".join(secrets.choice(ALPHABET) for _ in range(LENGTH)) for _ in range(COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=digest(code)) for code in codes
    )
    return [shown(code) for code in codes]


def remaining(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def use_code(device: StaticDevice, code: str) -> bool:
    """Spend `code` if it is one of `device`'s; False if not, or while the device is throttled.

    django-otp counts a wrong code towards the device's throttling. The device row is locked
    first, so two requests racing with the same code cannot both spend it.
    """
    candidates = digests(code)
    with transaction.atomic():
        device = StaticDevice.objects.select_for_update().get(pk=device.pk)
        # One verify_token call whatever the number of keys, so a wrong code counts once.
        stored = device.token_set.filter(token__in=candidates).values_list("token", flat=True)
        used = device.verify_token(next(iter(stored), candidates[0]))
    if used:
        left = device.token_set.count()
        logger.info("User %s signed in with a recovery code; %s left.", device.user_id, left)
    return used
