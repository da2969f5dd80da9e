"""Calling the real WSGI application as a server would, and saving Practice settings as the
admin does, for the serving tests and the practice tests that read what readers are served."""

import datetime
import io
import sys
from pathlib import Path

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from quietroom.core import generation, sites
from quietroom.practice.models import PracticeSettings
from quietroom.serving import pagecache
from quietroom.serving.wsgi import PageCacheApplication

_application = None


def application():
    """The WSGI application as `quietroom serve` runs it; made again by `reload()`, since
    Django's middleware reads some settings once, when it is made."""
    global _application
    if _application is None:
        _application = PageCacheApplication(WSGIHandler())
    return _application


def reload() -> None:
    global _application
    _application = None


def environ_for(
    path, method="GET", host="localhost", scheme="http", remote_addr="127.0.0.1", **headers
):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "443" if scheme == "https" else "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": remote_addr,
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }


def wsgi_get(path, method="GET", host="localhost", scheme="http", **headers):
    """Call the real WSGI application as a server would; returns (status, headers, body)."""
    environ = environ_for(path, method, host, scheme, **headers)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    # As Django's test client does: the handler must not close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(application()(environ, start_response))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def key_of(path, **options):
    meta = environ_for(path, **options)
    return pagecache.key_for(meta, sites.record_for(meta))


def default_site_id():
    return Site.objects.get(is_default_site=True).pk


def bump():
    generation.bump_site(default_site_id())


def stored_entry(path, **options):
    return pagecache.lookup(key_of(path, **options))


def day(n):
    return datetime.date(2026, 4, n)


def shared_entries(shared) -> int:
    """How many pages the shared backend holds, once the writes have ended."""
    shared.flush()
    if shared.name == "redis":
        return sum(1 for _ in shared.client.scan_iter(match="quietroom:pages/*"))
    root = pagecache_root(shared)
    return sum(1 for path in root.rglob("*") if path.is_file() and not path.name.startswith("."))


def pagecache_root(shared) -> Path:
    return Path(shared.root) / "pages"


def as_reader(site_id=None):
    """What a reader's request pins while it is answered (see serving/middleware.py)."""
    from quietroom.serving.middleware import pin

    return pin(site_id or default_site_id())


def settings_form(site, **changes) -> dict:
    practice = PracticeSettings.for_site(site)
    fields = {
        "name": practice.name,
        "tagline": practice.tagline,
        "email": practice.email,
        "phone": practice.phone,
        "street_address": "",
        "locality": "",
        "region": "",
        "postal_code": "",
        "country": "",
        "hours": "",
        "time_zone": practice.time_zone,
        "booking_url": "",
        "social_links": streamfield([]),
        "crisis_line": practice.crisis_line,
        "crisis_services": streamfield(
            [("service", {"name": "County crisis team", "phone": "555-0100"})]
        ),
        "quick_exit_url": practice.quick_exit_url,
    }
    fields.update(changes)
    return nested_form_data(fields)
