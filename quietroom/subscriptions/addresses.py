"""A subscriber's address: normalised, sealed with the practice's inbox keys (its key ring),
found by a keyed digest."""

from django.utils.crypto import salted_hmac

from quietroom.inbox import keyring

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


def seal(site_id: int, address: str) -> str:
    return keyring.seal(site_id, {"email": normalise(address)})


def unseal(site_id: int, token: str) -> str:
    return keyring.open_sealed(site_id, token)["email"]
