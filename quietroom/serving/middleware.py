"""Fills the page cache with anonymous responses and answers them compressed, with an ETag."""

from django.conf import settings
from django.http import HttpResponse

from quietroom.serving import generation, pagecache

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


class PageCacheMiddleware:
    """Outermost middleware: sees the final response Django built for a cache miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A static export renders pages for another place (its contact page has no form):
        # they must never answer readers of the live site, who share this cache.
        if settings.QUIETROOM_STATIC_EXPORT or not pagecache.cacheable_request(request.META):
            return self.get_response(request)
        with generation.pinned():
            key = pagecache.page_key(request.META)
            if entry := pagecache.lookup(key):
                return as_response(entry, request.META)
            response = self.get_response(request)
            if not storable_response(request, response):
                return response
            entry = pagecache.store(
                key,
                response.status_code,
                pagecache.storable_headers(response.items()),
                response.content,
            )
            return as_response(entry, request.META)


def as_response(entry, meta) -> HttpResponse:
    status, headers, body = pagecache.reply(entry, meta)
    return HttpResponse(body, status=status, headers=dict(headers))
