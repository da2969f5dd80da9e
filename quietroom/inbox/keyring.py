"""Each practice's own inbox keys: a key ring per site, sealed with the deployment's keys.

Consultation requests and subscribers' addresses are sealed with their practice's newest key.
The ring is kept in the database (SiteKeyRing), itself sealed with the deployment's inbox
keys (crypto.py: QUIETROOM_INBOX_KEYS, or the data dir's file). So one practice's keys are
rotated without rewriting another's rows (`rotate_inbox_key --site`, rotation.py); when a
practice leaves (`remove_practice`) its ring goes with its site, and what it sealed can no
longer be read with anything the deployment holds, while every other practice's rows stay as
they were; and a copy of the database alone still reads nothing, as the rings need the
deployment's keys.

Values sealed before rings existed (with the deployment's keys) still open, and move into their
practice's ring at the next rotation of either kind.
"""

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.db import IntegrityError, transaction

from quietroom.inbox import crypto
from quietroom.inbox.models import SiteKeyRing


def unseal_ring(ring: SiteKeyRing, deployment: list[bytes] | None = None) -> list[bytes]:
    try:
        text = crypto.cipher(deployment).decrypt(ring.sealed_keys.encode("ascii"))
    except InvalidToken as error:
        raise crypto.KeyMismatch(
            "This practice's inbox keys are sealed with a deployment key this site does not hold."
        ) from error
    return crypto.parse_keys(text.decode("ascii"))


def seal_ring(keys: list[bytes], deployment: list[bytes] | None = None) -> str:
    text = "\n".join(key.decode("ascii") for key in keys).encode("ascii")
    return crypto.cipher(deployment).encrypt(text).decode("ascii")


def keys_for(site_id: int, create: bool = True) -> list[bytes]:
    """The practice's keys, newest first; its first key is made when it has none and
    `create` (sealing), or [] (opening: a practice without a ring has nothing sealed to it)."""
    ring = SiteKeyRing.objects.filter(site_id=site_id).first()
    if ring is None and create:
        try:
            with transaction.atomic():
                ring = SiteKeyRing.objects.create(
                    site_id=site_id, sealed_keys=seal_ring([Fernet.generate_key()])
                )
        except IntegrityError:  # another process made it first: use theirs
            ring = SiteKeyRing.objects.get(site_id=site_id)
    return unseal_ring(ring) if ring is not None else []


def reading_cipher(site_id: int, deployment: list[bytes] | None = None) -> MultiFernet:
    """Opens what the practice sealed, and what was sealed before it had a ring."""
    ring = SiteKeyRing.objects.filter(site_id=site_id).first()
    own = unseal_ring(ring, deployment) if ring is not None else []
    return MultiFernet([Fernet(key) for key in [*own, *(deployment or crypto.load_keys())]])


def seal(site_id: int, data: dict) -> str:
    """`data` sealed with the practice's newest key (crypto.encrypt's format)."""
    return crypto.encrypt(data, keys=keys_for(site_id)[:1])


def open_sealed(site_id: int, token: str) -> dict:
    """What `seal` sealed for the practice; crypto.KeyMismatch when nothing it holds fits."""
    return crypto.decrypt_with(reading_cipher(site_id), token)
