"""The WSGI application with a fast path: cached anonymous pages are answered before Django."""

from quietroom.core import proxies
from quietroom.serving import pagecache
from quietroom.stats import counting

_REASONS = {200: "200 OK", 304: "304 Not Modified"}


class PageCacheApplication:
    def __init__(self, django_application):
        self.django_application = django_application

    def __call__(self, environ, start_response):
        proxies.distrust(environ)
        found = pagecache.fast_lookup(environ)
        if found is not None:
            status, headers, body = pagecache.reply(*found, environ)
            if found[1].counted:
                counting.count(found[1].site_id, environ)
            start_response(_REASONS.get(status, f"{status} OK"), headers)
            return [body]
        return self.django_application(environ, start_response)
