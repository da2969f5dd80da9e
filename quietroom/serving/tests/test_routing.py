"""Quietroom's serving finds the same site and the same page as Wagtail's own, for every
address of the demo practice; and it is pinned to the Wagtail code it follows."""

import hashlib
import inspect

import pytest
import wagtail
import wagtail.views
from django.http import Http404
from django.test import RequestFactory
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from quietroom.core.sites import request_host, site_table
from quietroom.practice.models import HomePage
from quietroom.serving import routing

# What serving/views.py, serving/routing.py and core/sites.py follow, as Wagtail 8.0 wrote it.
# A Wagtail upgrade that changes any of these fails here: read the new code, bring ours in
# line (or drop ours if the query budget no longer needs it), then update the digest.
FOLLOWED = {
    "wagtail.views.serve": (wagtail.views.serve, "eab2a9d475a33843"),
    "Page.route": (Page.route, "643c9afcc2deb381"),
    "Page.route_for_request": (Page.route_for_request, "5530d229b2de42ba"),
    "RoutablePageMixin.route": (RoutablePageMixin.route, "34175f2079a3b1a4"),
    "get_site_for_hostname": (get_site_for_hostname, "a6457f6fff48bb96"),
    "Site._find_for_request": (Site._find_for_request, "a6f5ba5a68b3a8dd"),
}


@pytest.mark.parametrize("name", FOLLOWED)
def test_the_wagtail_code_quietroom_follows_is_the_code_it_was_written_against(name):
    function, digest = FOLLOWED[name]
    source = inspect.getsource(function)
    assert wagtail.VERSION[:2] == (8, 0), f"Wagtail {wagtail.__version__}: review {name}"
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == digest, name


def addresses(demo_paths: list[str]) -> list[str]:
    extra = [
        "/",
        "/no-such-page/",
        "/articles/no-such-article/",
        "/articles/feed/",
        "/articles/feed/atom/",
        "/articles/feed/rss/",
        "/articles/tag/anxiety/",
        "/articles/tag/no-such-tag/",
        "/articles/category/no-such-category/",
        "/articles/page/2/",
        "/articles/grief-has-no-schedule/extra/",
        "/contact/thanks/",
        "/clinicians/nobody/",
    ]
    return sorted(set(demo_paths + extra))


def wagtails_route(request, path):
    try:
        found = Page.route_for_request(request, path)
    except Http404:
        return None
    return found


def ours(request, record, path):
    try:
        return routing.route(request, record, [part for part in path.split("/") if part])
    except Http404:
        return None


def comparable(result):
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args and callable(args[0]) else None
    return (page.pk, type(page).__name__, view, tuple(args[1:]), tuple(sorted(kwargs.items())))


def test_every_demo_address_routes_to_the_page_wagtail_would_serve(demo_site):
    record = site_table().match("localhost", 80) or site_table().default
    root_url_path = record.root_url_path
    demo_paths = [
        page.url_path[len(root_url_path) - 1 :]
        for page in Page.objects.filter(path__startswith=record.root_path)
    ]
    factory = RequestFactory()
    checked = 0
    for path in addresses(demo_paths):
        request = factory.get(path)
        expected = comparable(wagtails_route(request, path))
        assert comparable(ours(factory.get(path), record, path)) == expected, path
        checked += 1
    assert checked > 30


def test_a_child_named_like_a_blog_route_is_served_as_wagtail_serves_it(blog):
    """Wagtail gives a routable page its own paths first: a child page called "feed" is
    hidden behind the blog's feed, and Quietroom must do the same."""
    from quietroom.core.tests.factories import make_article

    make_article(blog, "An article called feed", slug="feed")
    record = site_table().default
    factory = RequestFactory()
    path = blog.url + "feed/"

    expected = comparable(wagtails_route(factory.get(path), path))

    assert expected[2] == "rss_view"
    assert comparable(ours(factory.get(path), record, path)) == expected


HOSTS = [
    ("localhost", "80"),
    ("localhost", "8000"),
    ("LOCALHOST", "80"),
    ("birch.example", "80"),
    ("birch.example", "8080"),
    ("birch.example", "9999"),
    ("cedar.example", "80"),
    ("cedar.example", "443"),
    ("unknown.example", "80"),
    ("unknown.example", "8080"),
]


def test_every_host_and_port_finds_the_site_wagtail_would_find(home):
    root = Page.get_first_root_node()
    for slug, host, port, default in (
        ("birch", "birch.example", 80, False),
        ("birch-alt", "birch.example", 8080, False),
        ("cedar", "cedar.example", 443, False),
    ):
        page = root.add_child(instance=HomePage(title=slug, slug=slug))
        Site.objects.create(hostname=host, port=port, root_page=page, is_default_site=default)
    factory = RequestFactory()

    for hostname, port in HOSTS:
        request = factory.get("/", HTTP_HOST=f"{hostname}:{port}", SERVER_PORT=port)
        wagtails = Site.find_for_request(request)
        found = site_table().match(*request_host(request.META))
        assert (found and found.id) == (wagtails and wagtails.pk), (hostname, port)


def test_without_a_default_site_an_unknown_host_finds_none_as_in_wagtail(home):
    Site.objects.update(is_default_site=False)
    factory = RequestFactory()
    request = factory.get("/", HTTP_HOST="unknown.example")

    assert Site.find_for_request(request) is None
    assert site_table().match(*request_host(request.META)) is None


def test_the_page_is_loaded_in_one_query_without_an_order_by(demo_site):
    """With the hero, author, photo and reviewer joined, compiling an ORDER BY (which
    `first()` adds by pk) cost more than running the query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from quietroom.blog.models import ArticlePage

    article = ArticlePage.objects.live().first()
    with CaptureQueriesContext(connection) as queries:
        loaded = routing._load(ArticlePage, article.pk)

    assert loaded == article
    assert loaded.author == article.author  # joined, not a query of its own
    assert len(queries) == 1
    assert "ORDER BY" not in queries[0]["sql"]
    assert routing._load(ArticlePage, 0) is None
