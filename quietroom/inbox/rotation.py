"""Key rotation. The deployment's keys seal each practice's key ring; a practice's ring seals
its requests and subscribers' addresses (keyring.py). Rotating the deployment's keys re-seals
every ring, and moves what was sealed before rings existed into its practice's ring; rotating
one practice's ring (rotate_site) re-seals that practice's rows alone."""

from cryptography.fernet import Fernet
from django.apps import apps
from django.db import transaction
from wagtail.models import Site

from quietroom.inbox import crypto, keyring
from quietroom.inbox.models import SiteKeyRing

# Every column sealed with a practice's keys, as "app_label.Model.field", on a model with a
# `site`. Another app that seals with them adds its own at start-up
# (quietroom/subscriptions/apps.py), so a rotation rewrites them all before `--drop-old`
# forgets the keys they were written with.
SEALED = ["inbox.ConsultationRequest.ciphertext"]


def register(column: str) -> None:
    if column not in SEALED:
        SEALED.append(column)


def reseal_rows(site_ids: set[int] | None = None, deployment: list[bytes] | None = None) -> int:
    """Re-seal every sealed value (of `site_ids`, or of every practice) with its practice's
    newest key; how many were rewritten. Raises crypto.KeyMismatch when one cannot be read
    (run inside a transaction: nothing is then rewritten)."""
    ciphers = {}
    rewritten = 0
    for column in SEALED:
        label, name, field = column.split(".")
        model = apps.get_model(label, name)
        rows = model.objects.select_for_update().only("pk", "site_id", field)
        if site_ids is not None:
            rows = rows.filter(site_id__in=site_ids)
        for item in rows:
            if item.site_id not in ciphers:
                keyring.keys_for(item.site_id)  # old rows of a practice without a ring yet
                ciphers[item.site_id] = keyring.reading_cipher(item.site_id, deployment)
            try:
                token = ciphers[item.site_id].rotate(getattr(item, field).encode("ascii"))
            except crypto.InvalidToken as error:
                what = model._meta.verbose_name.capitalize()
                raise crypto.KeyMismatch(
                    f"{what} {item.pk} cannot be read with any key."
                ) from error
            model.objects.filter(pk=item.pk).update(**{field: token.decode("ascii")})
            rewritten += 1
    return rewritten


@transaction.atomic
def reencrypt_all(keys: list[bytes] | None = None) -> int:
    """Re-seal every practice's ring with the newest deployment key of `keys`, and every
    sealed value with its practice's newest key; return how many values were rewritten.

    Raises crypto.KeyMismatch, rewriting nothing, if any ring or value cannot be read.
    """
    deployment = crypto.cipher(keys)
    for ring in SiteKeyRing.objects.select_for_update():
        try:
            sealed = deployment.rotate(ring.sealed_keys.encode("ascii"))
        except crypto.InvalidToken as error:
            raise crypto.KeyMismatch(f"The inbox keys of {ring.site} cannot be read.") from error
        SiteKeyRing.objects.filter(pk=ring.pk).update(sealed_keys=sealed.decode("ascii"))
    return reseal_rows(deployment=keys)


def rotate(drop_old: bool = False) -> int:
    """Add a new deployment key, re-seal everything with it and, if asked, forget the old."""
    keys = crypto.add_new_key()
    rewritten = reencrypt_all(keys)
    if drop_old:
        crypto.drop_old_keys()
    return rewritten


@transaction.atomic
def rotate_site(site_id: int, drop_old: bool = False) -> int:
    """A new key first in the practice's ring; everything it sealed re-sealed with it (and,
    with `drop_old`, the ring keeps only the new key). Returns how many values were rewritten;
    raises crypto.KeyMismatch, changing nothing, when one cannot be read."""
    keyring.keys_for(site_id)  # a practice with no ring yet gets one for the new key
    ring = SiteKeyRing.objects.select_for_update().get(site_id=site_id)
    keys = [Fernet.generate_key(), *keyring.unseal_ring(ring)]
    ring.sealed_keys = keyring.seal_ring(keys)
    ring.save(update_fields=["sealed_keys", "rotated_at"])
    rewritten = reseal_rows(site_ids={site_id})
    if drop_old:
        ring.sealed_keys = keyring.seal_ring(keys[:1])
        ring.save(update_fields=["sealed_keys", "rotated_at"])
    return rewritten


def rotate_practice(hostname: str, drop_old: bool = False) -> int:
    """rotate_site for the practice at `hostname`; ValueError when there is none."""
    site = Site.objects.filter(hostname=hostname.strip().lower()).first()
    if site is None:
        raise ValueError(f"No practice at {hostname}.")
    return rotate_site(site.pk, drop_old=drop_old)
