"""The anonymous page cache: complete responses, precompressed, stamped with a generation.

Entries live in a small per-process dictionary (the fast path reads it without touching
Django) backed by a store every process shares: files in the data dir (`diskcache`), or Redis
(the cache `pages`) shared by every host too.
"""

import hashlib
import json
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import formatdate

from django.conf import settings
from django.core.cache import caches

from quietroom.serving import compression, diskcache, generation

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
    return "quietroom:page:" + file_name(page_key)


def lookup(page_key: str) -> Entry | None:
    """A fresh entry for `page_key`, or None."""
    now = generation.current()
    entry = _local.get(page_key)
    if entry is None or entry.generation != now:
        entry = _shared(page_key, now)
        if entry is not None:
            remember(page_key, entry)
    if entry is None or entry.generation != now or entry.expires < time.time():
        return None
    return entry


def _shared(page_key: str, now: int) -> Entry | None:
    """The entry another process stored, if any."""
    if settings.QUIETROOM_SHARED_CACHE:
        return caches["pages"].get(cache_key(page_key))
    data = diskcache.load(file_name(page_key), now)
    return None if data is None else decode(data)


def store(page_key: str, status: int, headers: list[tuple[str, str]], body: bytes) -> Entry:
    entry = Entry(
        generation=generation.current(),
        status=status,
        headers=headers,
        bodies={"identity": body},
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=formatdate(usegmt=True),
        # Wall-clock time, not monotonic: other processes and hosts read the same entries.
        expires=time.time() + settings.QUIETROOM_PAGE_CACHE_SECONDS,
    )
    remember(page_key, entry)
    if settings.QUIETROOM_SHARED_CACHE:
        caches["pages"].set(cache_key(page_key), entry, settings.QUIETROOM_PAGE_CACHE_SECONDS)
    else:
        diskcache.save(file_name(page_key), entry.generation, encode(entry))
    return entry


def file_name(page_key: str) -> str:
    return hashlib.sha256(page_key.encode()).hexdigest()


def encode(entry: Entry) -> bytes:
    """One line of JSON for the entry's fields, then the uncompressed body."""
    fields = {
        "generation": entry.generation,
        "status": entry.status,
        "headers": entry.headers,
        "etag": entry.etag,
        "last_modified": entry.last_modified,
        "expires": entry.expires,
    }
    return json.dumps(fields).encode() + b"\n" + entry.bodies["identity"]


def decode(data: bytes) -> Entry | None:
    head, _, body = data.partition(b"\n")
    try:
        fields = json.loads(head)
        headers = [(str(name), str(value)) for name, value in fields.pop("headers")]
        return Entry(**fields, headers=headers, bodies={"identity": body})
    except (ValueError, TypeError, KeyError):
        return None  # a file cut short or from another version: render the page again


def remember(page_key: str, entry: Entry) -> None:
    _local[page_key] = entry
    _local.move_to_end(page_key)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def clear_local() -> None:
    """Forget this process's entries (as a new worker starts); the shared ones stay."""
    _local.clear()


def clear() -> None:
    """Empty the page cache everywhere on this machine, or in Redis."""
    _local.clear()
    diskcache.clear()
    if settings.QUIETROOM_SHARED_CACHE:
        caches["pages"].clear()


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
