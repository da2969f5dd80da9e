"""The anonymous page cache: complete responses, precompressed, stamped with a generation.

Entries live in a small per-process dictionary (the fast path reads it without touching
Django) backed by the shared backend every process sees: files in the data dir, or Redis
shared by every host too. An entry belongs to one site and carries that site's generation:
a change on another practice never makes it stale.
"""

import contextlib
import dataclasses
import hashlib
import json
import time
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import formatdate
from types import MappingProxyType

from django.conf import settings

from quietroom.core import generation, proxies, sites
from quietroom.core.backends import Unavailable, backend
from quietroom.serving import compression

LOCAL_ENTRIES = 512
CACHEABLE_QUERY = ("", "page=")
BYPASS_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/_util/")
CACHE_CONTROL = "public, max-age=0, must-revalidate"
_NOT_STORED = {"content-length", "content-encoding", "vary", "etag", "last-modified", "date"}


@dataclass(frozen=True)
class PageKey:
    """Which cached page a request asks for: its site, scheme, path and page number."""

    site_id: int
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    site_id: int
    generation: int
    status: int
    headers: tuple[tuple[str, str], ...]
    bodies: MappingProxyType  # content coding -> bytes; "identity" always
    etag: str
    last_modified: str
    expires: float


_local: OrderedDict[str, Entry] = OrderedDict()


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


def key_for(meta, record: sites.SiteRecord | None = None) -> PageKey | None:
    """The cache key of a request, used by the fast path and the middleware alike; None
    where the cache must step aside: a request that is not a plain reader's GET, one Django
    would redirect to HTTPS, a host Django would refuse, or one that names no site.

    The key holds the site the host resolves to, not the host as sent: any spelling of a
    practice's hostname, any port in the Host header, reaches the same entry. Without
    `record`, the site comes from the table only if it is remembered and current.
    """
    if not cacheable_request(meta):
        return None
    scheme = proxies.scheme(meta)
    if scheme != "https" and settings.SECURE_SSL_REDIRECT:
        return None
    record = record or sites.record_for(meta, compute=False)
    if record is None:
        return None
    path, query = meta.get("PATH_INFO", "/"), meta.get("QUERY_STRING", "")
    return PageKey(record.id, f"{scheme}://{record.id}{path}?{query}")


def shared_key(key: PageKey, site_generation: int) -> str:
    return f"pages/{generation.epoch()}/{key.site_id}/{site_generation}/{key.digest}"


def lookup(key: PageKey) -> Entry | None:
    """A fresh entry for `key`, or None."""
    now = generation.site(key.site_id)
    if now is None:
        return None
    entry = _local.get(key.text)
    if entry is None or entry.generation != now:
        entry = _shared(key, now)
        if entry is not None:
            remember(key, entry)
    if entry is None or entry.generation != now or entry.expires < time.time():
        return None
    return entry


def _shared(key: PageKey, now: int) -> Entry | None:
    """The entry another process stored, if any."""
    try:
        data = backend().get(shared_key(key, now))
    except Unavailable:
        return None
    return None if data is None else decode(data)


def store(key: PageKey, site_generation: int, status: int, headers, body: bytes) -> Entry:
    entry = Entry(
        site_id=key.site_id,
        generation=site_generation,
        status=status,
        headers=tuple(headers),
        bodies=MappingProxyType({"identity": body}),
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=formatdate(usegmt=True),
        # Wall-clock time, not monotonic: other processes and hosts read the same entries.
        expires=time.time() + settings.QUIETROOM_PAGE_CACHE_SECONDS,
    )
    remember(key, entry)
    with contextlib.suppress(Unavailable):  # then kept in this process's memory only
        backend().set(
            shared_key(key, site_generation), encode(entry), settings.QUIETROOM_PAGE_CACHE_SECONDS
        )
    return entry


def encode(entry: Entry) -> bytes:
    """One line of JSON for the entry's fields, then the uncompressed body (no pickle:
    whatever reads the backend must not be made to run code)."""
    fields = {
        "site_id": entry.site_id,
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
        headers = tuple((str(name), str(value)) for name, value in fields.pop("headers"))
        return Entry(**fields, headers=headers, bodies=MappingProxyType({"identity": body}))
    except (ValueError, TypeError, KeyError):
        return None  # a file cut short or from another version: render the page again


def remember(key: PageKey, entry: Entry) -> None:
    _local[key.text] = entry
    _local.move_to_end(key.text)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def clear_local() -> None:
    """Forget this process's entries (as a new worker starts); the shared ones stay."""
    _local.clear()


def clear() -> None:
    """Empty the page cache everywhere this deployment keeps it."""
    _local.clear()
    with contextlib.suppress(Unavailable):
        backend().clear()


def prune_other_epochs() -> None:
    """Remove pages cached by other code (an upgrade): they can never be read again."""
    with contextlib.suppress(Unavailable):
        backend().prune("pages", generation.epoch())


def storable_headers(headers) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name.lower() not in _NOT_STORED]


def reply(key: PageKey, entry: Entry, meta) -> tuple[int, list[tuple[str, str]], bytes]:
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
        # Each coding is made the first time a client asks for it, then kept with a new
        # copy of the entry: a miss compresses once (usually brotli), not once per coding.
        body = compression.encode(identity, coding)
        bodies = MappingProxyType({**entry.bodies, coding: body})
        remember(key, dataclasses.replace(entry, bodies=bodies))
    if coding != "identity":
        headers.append(("Content-Encoding", coding))
    headers.append(("Content-Length", str(len(body))))
    if meta.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return entry.status, headers, body
