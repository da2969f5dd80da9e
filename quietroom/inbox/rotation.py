"""Key rotation: a new key encrypts from now on, and everything sealed with the old ones is
re-encrypted with it."""

from django.apps import apps
from django.db import transaction

from quietroom.inbox import crypto

# Every column sealed with the inbox keys, as "app_label.Model.field". Another app that seals
# with these keys adds its own at start-up (quietroom/subscriptions/apps.py), so a rotation
# rewrites them all before `--drop-old` forgets the keys they were written with.
SEALED = ["inbox.ConsultationRequest.ciphertext"]


def register(column: str) -> None:
    if column not in SEALED:
        SEALED.append(column)


@transaction.atomic
def reencrypt_all(keys: list[bytes] | None = None) -> int:
    """Re-encrypt every sealed value with the newest key; return how many were rewritten.

    Raises crypto.KeyMismatch, rewriting nothing, if any value cannot be read.
    """
    cipher = crypto.cipher(keys)
    rewritten = 0
    for column in SEALED:
        label, name, field = column.split(".")
        model = apps.get_model(label, name)
        for item in model.objects.select_for_update().only("pk", field):
            try:
                token = cipher.rotate(getattr(item, field).encode("ascii")).decode("ascii")
            except crypto.InvalidToken as error:
                what = model._meta.verbose_name.capitalize()
                raise crypto.KeyMismatch(
                    f"{what} {item.pk} cannot be read with any key."
                ) from error
            model.objects.filter(pk=item.pk).update(**{field: token})
            rewritten += 1
    return rewritten


def rotate(drop_old: bool = False) -> int:
    """Add a new key, re-encrypt everything with it and, if asked, forget the old keys."""
    keys = crypto.add_new_key()
    rewritten = reencrypt_all(keys)
    if drop_old:
        crypto.drop_old_keys()
    return rewritten
