"""A subscriber's address: normalised, sealed with the inbox keys, found by a keyed digest."""

from django.utils.crypto import salted_hmac

from quietroom.inbox import crypto

_DIGEST_SALT = "quietroom.subscriptions.address"


def normalise(address: str) -> str:
    """One spelling per mailbox, as far as can be known without asking its server: the
    domain is case-blind everywhere, and no provider a practice's readers use treats the
    local part's case as a different person."""
    return address.strip().lower()


def digest(site_id: int, address: str) -> str:
    """Keyed by the secret key, so a copy of the database alone cannot test guesses."""
    return salted_hmac(
        _DIGEST_SALT, f"{site_id}:{normalise(address)}", algorithm="sha256"
    ).hexdigest()


def seal(address: str) -> str:
    return crypto.encrypt({"email": normalise(address)})


def unseal(token: str) -> str:
    return crypto.decrypt(token)["email"]
