"""The client's address, believing X-Forwarded-For only when a trusted proxy sent it."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR; or, when that is one of QUIETROOM_TRUSTED_PROXIES, the nearest address
    in X-Forwarded-For that is not itself a trusted proxy.

    Anyone can write an X-Forwarded-For header, so reading it unconditionally would let an
    attacker pick a fresh address for every password guess.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(settings.QUIETROOM_TRUSTED_PROXIES)
    if remote not in trusted:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([a for a in forwarded if a]):
        if address not in trusted:
            return address
    return remote
