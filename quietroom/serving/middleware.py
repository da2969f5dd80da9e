"""Fills the page cache with anonymous responses and answers them compressed, with an ETag."""

import contextlib

from django.db import DatabaseError
from django.http import HttpResponse

from quietroom.core import conf, generation, proxies, sites
from quietroom.core.backends import Unavailable, backend
from quietroom.serving import pagecache
from quietroom.stats import counting

ADMIN_PREFIX = "/admin/"
# Set on the requests the cache warming makes (serving/warm.py): they are nobody's visit.
WARMING = "quietroom.warming"
STORED_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "text/plain",
)


def storable_response(request, response) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return response.get("Content-Type", "").startswith(STORED_TYPES)


def pin(site_id: int):
    """Generations read once for the whole request (see core.generation), or nothing
    pinned when the backend cannot be reached."""
    try:
        found = backend().generations(generation.SITES, generation.site_name(site_id))
    except Unavailable:
        return contextlib.nullcontext()
    return generation.pinned(site_id, *found)


class PageCacheMiddleware:
    """Outermost middleware: sees the final response Django built for a cache miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before anything reads the scheme: only a trusted proxy may say it was HTTPS.
        proxies.distrust(request.META)
        record = None
        # Previews (Wagtail's dummy requests) show unsaved content: never from or to the
        # cache, and nothing remembered for readers.
        if not request.path_info.startswith(ADMIN_PREFIX) and not getattr(
            request, "is_dummy", False
        ):
            with contextlib.suppress(DatabaseError):  # the view will answer a calm 503
                record = sites.record_for(request.META)
        if record is None:
            return self.get_response(request)
        response = self.answer(request, record)
        if record.count_readers and counted_view(request, response):
            counting.count(record.id, request.META)
        return response

    def answer(self, request, record):
        with pin(record.id):
            key = pagecache.key_for(request.META, record)
            # A static export renders pages for another place (its contact page has no
            # form): they must never answer readers of the live site, who share this cache.
            if key is None or conf.current().static_export:
                return self.get_response(request)
            if entry := pagecache.lookup(key):
                return as_response(key, entry, request.META)
            response = self.get_response(request)
            site_generation = generation.site(key.site_id)
            if site_generation is None or not storable_response(request, response):
                return response
            entry = pagecache.store(
                key,
                site_generation,
                response.status_code,
                pagecache.storable_headers(response.items()),
                response.content,
                counted=record.count_readers and counted_page(request, response),
            )
            return as_response(key, entry, request.META)


def counted_view(request, response) -> bool:
    """Whether this response is a view of a public page by an anonymous reader (for
    quietroom.stats): a GET, by nobody signed in, not the cache warming itself."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if conf.current().session_cookie in request.COOKIES or WARMING in request.META:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return counted_page(request, response)


def counted_page(request, response) -> bool:
    """Whether readers' views of this page are counted: a public page answered 200 or 304 in
    HTML (a restricted page is not public)."""
    if response.streaming or getattr(request, "restricted", False):
        return False
    return counting.counted_page(
        request.META.get("PATH_INFO", "/"), response.status_code, response.get("Content-Type", "")
    )


def as_response(key, entry, meta) -> HttpResponse:
    status, headers, body = pagecache.reply(key, entry, meta)
    return HttpResponse(body, status=status, headers=dict(headers))
