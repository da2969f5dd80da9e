"""The anonymous page cache: complete responses, precompressed, stamped with a generation.

Entries live in a small per-process dictionary (the fast path reads it without touching
Django) backed by the configured cache `pages` (local memory, or Redis shared by every
process and host).
"""

import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import formatdate

from django.conf import settings
from django.core.cache import caches

from quietroom.serving import compression, generation

LOCAL_ENTRIES = 512


@dataclass
class Entry:
    generation: int
    status: int
    headers: list[tuple[str, str]]
    bodies: dict[str, bytes]
    etag: str
    last_modified: str = field(default="")
    expires: float = field(default=0.0)


_local: OrderedDict[str, Entry] = OrderedDict()


def key(host: str, path: str, query: str) -> str:
    return f"{host.lower()}{path}?{query}"


def cache_key(page_key: str) -> str:
    return "quietroom:page:" + hashlib.sha256(page_key.encode()).hexdigest()


def lookup(page_key: str) -> Entry | None:
    """A fresh entry for `page_key`, or None."""
    now = generation.current()
    entry = _local.get(page_key)
    if entry is None and settings.QUIETROOM_SHARED_CACHE:
        entry = caches["pages"].get(cache_key(page_key))
        if entry is not None:
            remember(page_key, entry)
    if entry is None or entry.generation != now or entry.expires < time.monotonic():
        return None
    return entry


def store(page_key: str, status: int, headers: list[tuple[str, str]], body: bytes) -> Entry:
    entry = Entry(
        generation=generation.current(),
        status=status,
        headers=headers,
        bodies={"identity": body},
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=formatdate(usegmt=True),
        expires=time.monotonic() + settings.QUIETROOM_PAGE_CACHE_SECONDS,
    )
    remember(page_key, entry)
    if settings.QUIETROOM_SHARED_CACHE:
        caches["pages"].set(cache_key(page_key), entry, settings.QUIETROOM_PAGE_CACHE_SECONDS)
    return entry


def remember(page_key: str, entry: Entry) -> None:
    _local[page_key] = entry
    _local.move_to_end(page_key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def clear_local() -> None:
    _local.clear()


CACHEABLE_QUERY = ("", "page=")
BYPASS_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
CACHE_CONTROL = "public, max-age=0, must-revalidate"
_NOT_STORED = {"content-length", "content-encoding", "vary", "etag", "last-modified", "date"}


def cacheable_request(meta) -> bool:
    """A reader's GET that any other reader would get the same answer to."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or meta.get("HTTP_AUTHORIZATION"):
        return False
    if settings.SESSION_COOKIE_NAME + "=" in meta.get("HTTP_COOKIE", ""):
        return False
    query = meta.get("QUERY_STRING", "")
    if query and not (query.startswith("page=") and query[5:].isdigit()):
        return False
    return not meta.get("PATH_INFO", "/").startswith(BYPASS_PREFIXES)


def page_key(meta) -> str:
    return key(meta.get("HTTP_HOST", ""), meta.get("PATH_INFO", "/"), meta.get("QUERY_STRING", ""))


def storable_headers(headers) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name.lower() not in _NOT_STORED]


def reply(entry: Entry, meta) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for `entry`, in the coding the client accepts; 304 if unchanged."""
    headers = [
        *entry.headers,
        ("Cache-Control", CACHE_CONTROL),
        ("ETag", entry.etag),
        ("Last-Modified", entry.last_modified),
        ("Vary", "Accept-Encoding"),
    ]
    if entry.etag in meta.get("HTTP_IF_NONE_MATCH", ""):
        return 304, headers, b""
    identity = entry.bodies["identity"]
    coding = compression.accepted(
        meta.get("HTTP_ACCEPT_ENCODING", ""), compression.codings_for(identity)
    )
    body = entry.bodies.get(coding)
    if body is None:
        # Each coding is made the first time a client asks for it, then kept with the entry:
        # a page-cache miss compresses once (usually brotli), not once per coding.
        body = entry.bodies[coding] = compression.encode(identity, coding)
    if coding != "identity":
        headers.append(("Content-Encoding", coding))
    headers.append(("Content-Length", str(len(body))))
    if meta.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return entry.status, headers, body
