"""Recognise links to the old site's posts, however they were written."""

from urllib.parse import parse_qs, unquote, urlsplit

from anyascii import anyascii
from django.utils.text import slugify

# WordPress's "plain" permalinks: ?p=12 for posts, ?page_id=12 for pages.
ID_PARAMETERS = ("p", "page_id")


def host_of(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def url_key(url: str, hosts: set[str]) -> str | None:
    """A comparable form of a link to the old site: its decoded path without a trailing
    slash, or '?p=ID'; None for links elsewhere or without an http(s) scheme."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in {"", "http", "https"}:
        return None
    host = (parts.hostname or "").removeprefix("www.")
    if (parts.scheme or host) and host not in hosts:
        return None
    query = parse_qs(parts.query)
    for name in ID_PARAMETERS:
        if query.get(name, [""])[0].isdigit():
            return f"?{name}={query[name][0]}"
    path = unquote(parts.path).rstrip("/")
    return path or None


def old_path(url: str) -> str:
    """The path of an old address, for a redirect; '' when only a query identifies it."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    return path if path.strip("/") else ""


def slug_for(*texts: str, fallback: str) -> str:
    """A safe ASCII slug from the first text that yields one: never '..' or a path."""
    for text in texts:
        slug = slugify(anyascii(unquote(text or "")))[:100].strip("-")
        if slug:
            return slug
    return fallback
