"""Recognise links to the old site's posts, however they were written."""

import re
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from anyascii import anyascii
from django.utils.text import slugify

# WordPress's "plain" permalinks: ?p=12 for posts, ?page_id=12 for pages.
ID_PARAMETERS = ("p", "page_id")
HTML_SUFFIX = re.compile(r"\.html?$", re.IGNORECASE)


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


def old_addresses(link: str) -> list[str]:
    """The old address of a post, and the same without its .html: Squarespace's export
    writes addresses ending in .html, which readers and search engines may know either way."""
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return [link]
    if not HTML_SUFFIX.search(parts.path):
        return [link]
    bare = parts._replace(path=HTML_SUFFIX.sub("", parts.path))
    return [link, urlunsplit(bare)]


def post_name(name: str) -> str:
    """A post name as WordPress writes it. Squarespace's end in .html ("basic-post.html")
    or are paths ("blog2023/04/05/my-dated-post"), whose last part names the post."""
    last = (name or "").strip().strip("/").rsplit("/", 1)[-1]
    return HTML_SUFFIX.sub("", last)


def slug_for(*texts: str, fallback: str) -> str:
    """A safe ASCII slug from the first text that yields one: never '..' or a path."""
    for text in texts:
        slug = slugify(anyascii(unquote(text or "")))[:100].strip("-")
        if slug:
            return slug
    return fallback
