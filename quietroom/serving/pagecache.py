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
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import formatdate
from types import MappingProxyType
from typing import NamedTuple

from quietroom.core import conf, generation, proxies, sites
from quietroom.core.backends import Unavailable, backend
from quietroom.serving import compression

# Each process keeps the pages it answers most recently, up to this many bytes of bodies
# (every coding it has sent): with many practices under one deployment, an entry count let
# a host's working set fall out of memory into the shared backend, at a fifth of the speed.
LOCAL_BYTES = 64 * 1024 * 1024
# What an entry costs beyond its bodies (headers, the replies' tuples, the key).
ENTRY_OVERHEAD = 2048
CACHEABLE_QUERY = ("", "page=")
BYPASS_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/_util/")
CACHE_CONTROL = "public, max-age=0, must-revalidate"
_NOT_STORED = {"content-length", "content-encoding", "vary", "etag", "last-modified", "date"}


class PageKey(NamedTuple):
    """Which cached page a request asks for: its site, scheme, path and page number.

    A named tuple rather than a frozen dataclass: the fast path makes one per request, and a
    frozen dataclass's constructor costs about a microsecond of that path.
    """

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
    # Whether a reader's view of this page is counted (quietroom.stats): decided once, when the
    # page is stored, from the response and the site's switch (a change of either makes a new
    # entry), so the fast path counts without looking at anything else.
    counted: bool = False
    # Content coding -> (every header of the reply, body), made the first time a client asks
    # for that coding: the fast path then builds nothing per request.
    replies: MappingProxyType = dataclasses.field(
        default_factory=lambda: MappingProxyType({}), compare=False
    )

    @property
    def codings(self) -> tuple[str, ...]:
        return compression.codings_for(self.bodies["identity"])


class LocalPages:
    """This process's entries, the least recently stored dropped first once their bodies
    pass `limit` bytes. Reads take no lock (one dictionary lookup, atomic in CPython);
    stores do, as the byte count must follow the dictionary."""

    def __init__(self, limit: int):
        self.limit = limit
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    @staticmethod
    def weight(entry: Entry) -> int:
        return ENTRY_OVERHEAD + sum(len(body) for body in entry.bodies.values())

    def get(self, text: str) -> Entry | None:
        return self.entries.get(text)

    def put(self, text: str, entry: Entry) -> None:
        with self.lock:
            old = self.entries.pop(text, None)
            if old is not None:
                self.bytes -= self.weight(old)
            self.entries[text] = entry
            self.bytes += self.weight(entry)
            while self.bytes > self.limit and len(self.entries) > 1:
                _, dropped = self.entries.popitem(last=False)
                self.bytes -= self.weight(dropped)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(list(self.entries))


_local = LocalPages(LOCAL_BYTES)


def cacheable_request(meta) -> bool:
    """A reader's GET that any other reader would get the same answer to."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in meta:
        return False
    cookie = meta.get("HTTP_COOKIE")
    if cookie and conf.current().session_cookie + "=" in cookie:
        return False
    query = meta.get("QUERY_STRING", "")
    if query and not (query.startswith("page=") and query[5:].isdigit()):
        return False
    return not meta.get("PATH_INFO", "/").startswith(BYPASS_PREFIXES)


def request_key(meta) -> str | None:
    """The cache key of a request, used by the fast path and the middleware alike: scheme,
    host as Django validates it (the Host header's domain, lower case; a host Django would
    refuse has none), the port the server was reached on (which Wagtail matches sites by;
    the Host header's own port, whatever digits a client writes there, is not part of it),
    path and page number. None where the cache must step aside: a request that is not a
    plain reader's GET, one Django would redirect to HTTPS, a host Django would refuse.
    """
    if not cacheable_request(meta):
        return None
    scheme = proxies.scheme(meta)
    if scheme != "https" and conf.current().ssl_redirect:
        return None
    host = sites.request_host(meta)
    if host is None:
        return None
    path, query = meta.get("PATH_INFO", "/"), meta.get("QUERY_STRING", "")
    return f"{scheme}://{host[0]}:{host[1]}{path}?{query}"


def key_for(meta, record: sites.SiteRecord | None) -> PageKey | None:
    """The key under which the middleware looks up and stores a page of `record`'s site,
    or None.

    A site named by its own hostname is cached under that hostname, which the fast path
    finds. A host that reaches a site only as the default (any name ALLOWED_HOSTS lets
    through) shares one entry per page of that site, whatever the name: made-up hostnames
    cannot fill the cache, and only the middleware, which knows the site, answers them.
    """
    text = request_key(meta)
    if text is None or record is None:
        return None
    hostname = sites.request_host(meta)[0]
    if hostname != record.hostname:
        # "@" cannot appear in a hostname, so this never meets a key the fast path builds.
        text = text.replace(f"://{hostname}:", f"://@site{record.id}:", 1)
    return PageKey(record.id, text)


def fast_lookup(meta) -> tuple[PageKey, Entry] | None:
    """The fast path's answer, before Django runs: a fresh entry this process holds, or None.

    One dictionary lookup and one read of the entry's site generation (eight bytes of a
    mapped file on disk, a GET with Redis). Entries another process stored are found by the
    middleware, which knows the site the request is for.
    """
    text = request_key(meta)
    if text is None:
        return None
    entry = _local.get(text)
    if entry is None:
        return None
    try:
        now = backend().generation(generation.site_name(entry.site_id))
    except Unavailable:
        return None
    if entry.generation != now or entry.expires < time.time():
        return None
    return PageKey(entry.site_id, text), entry


def shared_key(key: PageKey, site_generation: int) -> str:
    return f"pages/{generation.epoch()}/{key.site_id}/{site_generation}/{key.digest}"


def lookup(key: PageKey) -> Entry | None:
    """A fresh entry for `key`, or None."""
    now = generation.site(key.site_id)
    return None if now is None else _fresh(key, now)


def _fresh(key: PageKey, now: int) -> Entry | None:
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


def store(
    key: PageKey, site_generation: int, status: int, headers, body: bytes, counted: bool = False
) -> Entry:
    entry = Entry(
        site_id=key.site_id,
        generation=site_generation,
        status=status,
        headers=tuple(headers),
        bodies=MappingProxyType({"identity": body}),
        etag='W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=formatdate(usegmt=True),
        # Wall-clock time, not monotonic: other processes and hosts read the same entries.
        expires=time.time() + conf.current().page_cache_seconds,
        counted=counted,
    )
    remember(key, entry)
    with contextlib.suppress(Unavailable):  # then kept in this process's memory only
        backend().set(
            shared_key(key, site_generation), encode(entry), conf.current().page_cache_seconds
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
        "counted": entry.counted,
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
    _local.put(key.text, entry)


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
    if entry.etag in meta.get("HTTP_IF_NONE_MATCH", ""):
        return 304, [*entry.headers, *_validators(entry)], b""
    coding = compression.accepted(meta.get("HTTP_ACCEPT_ENCODING", ""), entry.codings)
    prepared = entry.replies.get(coding)
    if prepared is None:
        prepared = _prepare(key, entry, coding)
    headers, body = prepared
    return entry.status, list(headers), b"" if meta.get("REQUEST_METHOD") == "HEAD" else body


def _validators(entry: Entry) -> tuple[tuple[str, str], ...]:
    return (
        ("Cache-Control", CACHE_CONTROL),
        ("ETag", entry.etag),
        ("Last-Modified", entry.last_modified),
        ("Vary", "Accept-Encoding"),
    )


def _prepare(key: PageKey, entry: Entry, coding: str) -> tuple[tuple, bytes]:
    """The headers and body of `entry` in `coding`, kept with a new copy of the entry.

    Each coding is compressed the first time a client asks for it: a miss compresses once
    (usually brotli), not once per coding.
    """
    body = entry.bodies.get(coding)
    if body is None:
        body = compression.encode(entry.bodies["identity"], coding)
    headers = [*entry.headers, *_validators(entry)]
    if coding != "identity":
        headers.append(("Content-Encoding", coding))
    headers.append(("Content-Length", str(len(body))))
    prepared = (tuple(headers), body)
    remember(
        key,
        dataclasses.replace(
            entry,
            bodies=MappingProxyType({**entry.bodies, coding: body}),
            replies=MappingProxyType({**entry.replies, coding: prepared}),
        ),
    )
    return prepared
