"""The settings that code run on every request reads, copied once into one frozen value.

Reading `django.conf.settings.X` goes through Django's lazy wrapper, about a tenth of a
microsecond each time; the page cache's fast path needs a dozen of them per request. They are
copied here when first asked for, and copied again whenever a test changes a setting
(Django's `setting_changed` signal); a running server never changes its settings.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed


@dataclass(frozen=True)
class RequestSettings:
    session_cookie: str
    proxy_ssl_header: tuple[str, str] | None
    trusted_proxies: frozenset[str]
    ssl_redirect: bool
    allowed_hosts: tuple[str, ...]
    any_host: bool
    use_x_forwarded_port: bool
    redis_url: str
    cache_dir: str
    page_cache_seconds: int
    static_export: bool


_current: RequestSettings | None = None


def current() -> RequestSettings:
    global _current
    if _current is None:
        allowed = list(settings.ALLOWED_HOSTS)
        if settings.DEBUG and not allowed:
            allowed = [".localhost", "127.0.0.1", "[::1]"]  # as Django's get_host allows
        _current = RequestSettings(
            session_cookie=settings.SESSION_COOKIE_NAME,
            proxy_ssl_header=settings.SECURE_PROXY_SSL_HEADER,
            trusted_proxies=frozenset(settings.QUIETROOM_TRUSTED_PROXIES),
            ssl_redirect=settings.SECURE_SSL_REDIRECT,
            allowed_hosts=tuple(allowed),
            any_host="*" in allowed,
            use_x_forwarded_port=settings.USE_X_FORWARDED_PORT,
            redis_url=settings.REDIS_URL,
            cache_dir=str(settings.QUIETROOM_CACHE_DIR or os.path.join(settings.DATA_DIR, "cache")),
            page_cache_seconds=settings.QUIETROOM_PAGE_CACHE_SECONDS,
            static_export=settings.QUIETROOM_STATIC_EXPORT,
        )
    return _current


def _forget(**kwargs) -> None:
    global _current
    _current = None


setting_changed.connect(_forget, dispatch_uid="quietroom-request-settings")
