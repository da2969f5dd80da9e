"""Key rotation: a new key encrypts from now on, and stored requests are re-encrypted with it."""

from django.db import transaction

from quietroom.inbox import crypto
from quietroom.inbox.models import ConsultationRequest


@transaction.atomic
def reencrypt_all(keys: list[bytes] | None = None) -> int:
    """Re-encrypt every stored request with the newest key; return how many were rewritten.

    Raises crypto.KeyMismatch, rewriting nothing, if any request cannot be read.
    """
    cipher = crypto.cipher(keys)
    rewritten = 0
    for item in ConsultationRequest.objects.select_for_update().only("pk", "ciphertext"):
        try:
            token = cipher.rotate(item.ciphertext.encode("ascii")).decode("ascii")
        except crypto.InvalidToken as error:
            raise crypto.KeyMismatch(f"Request {item.pk} cannot be read with any key.") from error
        ConsultationRequest.objects.filter(pk=item.pk).update(ciphertext=token)
        rewritten += 1
    return rewritten


def rotate(drop_old: bool = False) -> int:
    """Add a new key, re-encrypt everything with it and, if asked, forget the old keys."""
    keys = crypto.add_new_key()
    rewritten = reencrypt_all(keys)
    if drop_old:
        crypto.drop_old_keys()
    return rewritten
